//! Developer tool: print every line of a PDF with its geometry, to see what `clean` sees.
//! `cargo run --release --example lines -- FILE.pdf [PAGE]`

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: lines FILE.pdf [PAGE]");
        std::process::exit(2);
    };
    let only: Option<usize> = args.get(2).and_then(|p| p.parse().ok());
    let bytes = std::fs::read(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    });
    let doc = match ordex::pdf::load(bytes, &ordex::Limits::default(), &mut |_| {}) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1)
        }
    };
    for page in doc
        .pages
        .iter()
        .filter(|p| only.is_none_or(|n| n == p.number))
    {
        println!(
            "=== page {} {}x{} rot {} image {:.2} invisible {}",
            page.number,
            page.width,
            page.height,
            page.rotation,
            page.image_cover,
            page.invisible_glyphs
        );
        for line in &page.lines {
            let words: Vec<String> = line
                .words
                .iter()
                .map(|w| {
                    format!(
                        "{}@{:.0}{}",
                        w.text,
                        w.bbox.x0,
                        if w.sup { "^" } else { "" }
                    )
                })
                .collect();
            println!(
                "y{:6.1} x{:5.1}-{:5.1} s{:4.1} | {}",
                line.baseline,
                line.bbox.x0,
                line.bbox.x1,
                line.size,
                words.join(" ")
            );
        }
        for run in &page.band_runs {
            println!("RUN | {run}");
        }
        for line in &page.rotated {
            println!("ROT {:?} | {}", line.bbox, line.text());
        }
    }
}
