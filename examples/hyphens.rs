//! Developer tool: every line-end hyphen of the PDFs given (files or folders) and what the
//! reflow decides of it, one per line: `JOIN` or `KEEP`, the file, the two parts and the
//! word as written. `cargo run --example hyphens -- DIR... > hyphens.tsv`, then count and
//! sample: how issue 19's hyphenation was measured (docs/hyphenation.md).

use ordex::clean::reflow::{join_line, vocabulary, TLine};

fn pdfs(arg: &str, out: &mut Vec<std::path::PathBuf>) {
    let p = std::path::Path::new(arg);
    if p.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(p)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for e in entries {
            if let Some(s) = e.to_str() {
                pdfs(s, out);
            }
        }
    } else if arg.to_lowercase().ends_with(".pdf") {
        out.push(p.to_path_buf());
    }
}

fn main() {
    let mut files = Vec::new();
    for a in std::env::args().skip(1) {
        pdfs(&a, &mut files);
    }
    for path in files {
        let Ok(bytes) = ordex::pdf::read_file(&path.to_string_lossy(), false) else {
            continue;
        };
        let Ok(doc) = ordex::pdf::load(
            std::sync::Arc::new(bytes),
            &ordex::Limits::default(),
            &mut |_| {},
        ) else {
            continue;
        };
        let clean = ordex::clean::clean(doc);
        let lines: Vec<TLine> = clean
            .pages
            .iter()
            .flat_map(|p| {
                p.lines.iter().map(|l| TLine {
                    page: p.number,
                    text: l.text(),
                    x0: l.bbox.x0,
                    x1: l.bbox.x1,
                    baseline: l.baseline,
                    size: l.size,
                })
            })
            .collect();
        let vocab = vocabulary(&lines);
        let name = path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        for w in lines.windows(2) {
            let (a, b) = (&w[0].text, &w[1].text);
            let Some(last) = a.split_whitespace().last() else {
                continue;
            };
            let Some(first) = b.split_whitespace().next() else {
                continue;
            };
            let stem = last.trim_end_matches('-');
            if !last.ends_with('-')
                || last.ends_with("--")
                || !stem.ends_with(|c: char| c.is_alphabetic())
                || !first.starts_with(|c: char| c.is_alphabetic())
            {
                continue;
            }
            let mut text = last.to_string();
            join_line(&mut text, first, &vocab);
            let verdict = if text.matches('-').count() > stem.matches('-').count() {
                "KEEP"
            } else {
                "JOIN"
            };
            println!("{verdict}\t{name}\t{last}\t{first}\t{text}");
        }
    }
}
