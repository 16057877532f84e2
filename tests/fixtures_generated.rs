//! The fixtures are courtgen's: every file it makes is committed byte for byte, every PDF
//! and mutant under `fixtures/` is one it makes (nothing copied in from outside), and it makes
//! the same bytes on every run. After a change to courtgen, `cargo run -p courtgen --
//! fixtures` writes them again (then `UPDATE_EXPECT=1 cargo test --test golden`, and review).

mod common;

use std::collections::BTreeMap;
use std::path::Path;

fn on_disk(dir: &Path, base: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            on_disk(&path, base, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "pdf" || e == "bin" || e == "PDF")
        {
            let rel = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            out.insert(rel, std::fs::read(&path).unwrap());
        }
    }
}

#[test]
fn committed_fixtures_are_exactly_what_courtgen_makes() {
    let made: BTreeMap<String, Vec<u8>> = courtgen::all()
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect();
    let mut disk = BTreeMap::new();
    on_disk(&common::fixtures(), &common::fixtures(), &mut disk);
    let missing: Vec<&String> = made.keys().filter(|k| !disk.contains_key(*k)).collect();
    let stray: Vec<&String> = disk.keys().filter(|k| !made.contains_key(*k)).collect();
    assert!(
        missing.is_empty(),
        "not written (cargo run -p courtgen -- fixtures): {missing:?}"
    );
    assert!(
        stray.is_empty(),
        "files under fixtures/ that courtgen does not make: {stray:?}"
    );
    let differ: Vec<&String> = made
        .iter()
        .filter(|(k, v)| disk.get(*k) != Some(*v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        differ.is_empty(),
        "courtgen makes other bytes than committed (cargo run -p courtgen -- fixtures, then \
         review the goldens): {differ:?}"
    );
}

#[test]
fn courtgen_makes_the_same_bytes_every_time() {
    let (a, b) = (courtgen::all(), courtgen::all());
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.path, y.path);
        assert!(x.bytes == y.bytes, "{}: two runs differ", x.path);
    }
}

#[test]
fn every_fixture_pdf_has_a_golden_record_and_is_small() {
    for pdf in common::fixture_pdfs() {
        assert!(
            pdf.with_extension("json").exists(),
            "{}: no golden record (UPDATE_EXPECT=1 cargo test --test golden, then review)",
            pdf.display()
        );
        let size = std::fs::metadata(&pdf).unwrap().len();
        assert!(size < 300_000, "{}: {size} bytes", pdf.display());
    }
}
