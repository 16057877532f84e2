//! Developer tool: print every line of a PDF with its geometry, to see what `clean` sees.
//! `cargo run --release --example lines -- FILE.pdf [PAGE] [--ocr]` (`--ocr`: scanned pages
//! OCR'd first, as `ordex extract --ocr` does).

fn main() {
    let mut args: Vec<String> = std::env::args().collect();
    let ocr = args.iter().any(|a| a == "--ocr");
    args.retain(|a| a != "--ocr");
    let Some(path) = args.get(1) else {
        eprintln!("usage: lines FILE.pdf [PAGE]");
        std::process::exit(2);
    };
    let only: Option<usize> = args.get(2).and_then(|p| p.parse().ok());
    let bytes = ordex::pdf::read_file(path, false).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    });
    let bytes = std::sync::Arc::new(bytes);
    let copy = ocr.then(|| bytes.clone());
    let mut doc = match ordex::pdf::load(bytes, &ordex::Limits::default(), &mut |_| {}) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1)
        }
    };
    if let Some(bytes) = copy {
        let config = ordex::Config {
            ocr: ordex::OcrConfig {
                enabled: true,
                ..ordex::OcrConfig::default()
            },
            ..ordex::Config::default()
        };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(600);
        match ordex::run_ocr(&mut doc, bytes, &config, deadline) {
            Ok((engine, warnings, secs)) => println!("OCR {engine:?} {secs:.1} s {warnings:?}"),
            Err(e) => println!("OCR stopped: {e}"),
        }
    }
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
            println!("RUN | {}", ordex::pdf::layout::run_text(run));
        }
        for line in &page.rotated {
            println!("ROT {:?} | {}", line.bbox, line.text());
        }
    }
}
