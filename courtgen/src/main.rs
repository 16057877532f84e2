//! `courtgen [DIR]`: writes every fixture into DIR (default `fixtures`), creating its
//! `scanned/` and `fuzz/` folders; `courtgen --list` prints each fixture and its purpose.

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let arg = std::env::args().nth(1);
    if arg.as_deref() == Some("--list") {
        for f in courtgen::all() {
            println!("{}\t{}\t{}", f.path, f.bytes.len(), f.purpose);
        }
        return Ok(());
    }
    let dir = PathBuf::from(arg.unwrap_or_else(|| "fixtures".into()));
    let fixtures = courtgen::all();
    for f in &fixtures {
        let path = dir.join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, &f.bytes)?;
    }
    eprintln!("{} fixtures written to {}", fixtures.len(), dir.display());
    Ok(())
}
