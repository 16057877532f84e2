//! Developer tool: show what the classifier sees of a PDF: each page's first lines and its
//! running heads and feet, then the type, the evidence and the papers, and what the segmenter
//! makes of it (order pages, clauses, signature, warnings; `ORDEX_DEBUG=1` for more).
//! `cargo run --example doctype -- FILE.pdf [LINES]`

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: doctype FILE.pdf [LINES]");
        std::process::exit(2);
    };
    let show: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(6);
    let bytes = ordex::pdf::read_file(path, false).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    });
    let doc = match ordex::pdf::load(
        std::sync::Arc::new(bytes),
        &ordex::Limits::default(),
        &mut |_| {},
    ) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1)
        }
    };
    let clean = ordex::clean::clean(doc);
    for p in &clean.pages {
        println!("-- page {} ({} lines)", p.number, p.lines.len());
        for l in p.lines.iter().take(show) {
            println!("   {}", l.text());
        }
        for r in &p.running {
            println!("   [running] {r}");
        }
    }
    let c = ordex::classify::classify(&clean);
    println!("doc_type: {}", c.doc_type.as_str());
    for e in &c.evidence {
        println!("  evidence: {e}");
    }
    for p in &c.parts {
        println!(
            "  part {}-{} {} {:?}",
            p.first_page,
            p.last_page,
            p.doc_type.as_str(),
            p.title
        );
    }
    println!("  order part: {:?}", c.order_part);
    let s = ordex::segment::segment_as(&clean, &c);
    println!("order pages {:?}", s.order.pages);
    for cl in &s.order.clauses {
        println!("  clause: {}", cl.text);
    }
    println!("signature: {:?}", s.signature);
    for w in &s.warnings {
        println!("  warning: {w}");
    }
}
