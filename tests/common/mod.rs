//! Shared test helpers: a tiny PDF writer for synthetic pages, and the fixtures folder.

#![allow(dead_code)]

use std::path::PathBuf;

/// The project's fixtures folder (written by `cargo run -p courtgen -- fixtures`).
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Every `*.pdf` under the fixtures folder, its subfolders included (as `ordex extract
/// fixtures` walks it), sorted by path.
pub fn fixture_pdfs() -> Vec<PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "pdf") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&fixtures(), &mut out);
    out.sort();
    out
}

/// What to draw on a synthetic page.
pub enum Op {
    /// Helvetica text at (x, y) in PDF user space (origin bottom-left), size in points.
    Text(f64, f64, f64, &'static str),
    /// An opaque filled rectangle (x, y, w, h) in grey level 0..1 (0 = black).
    Fill(f64, f64, f64, f64, f64),
}

/// A valid one-font PDF with one page per entry of `pages` (US Letter), built by hand so that
/// tests need no PDF library.
pub fn pdf(pages: &[Vec<Op>]) -> Vec<u8> {
    let mut objs: Vec<String> = Vec::new();
    let n = pages.len();
    // 1 catalog, 2 pages, 3 font, then per page: page object and content stream.
    objs.push("<< /Type /Catalog /Pages 2 0 R >>".into());
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    objs.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {n} >>",
        kids.join(" ")
    ));
    objs.push(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
    );
    for (i, ops) in pages.iter().enumerate() {
        let mut content = String::new();
        for op in ops {
            match op {
                Op::Text(x, y, size, text) => {
                    let esc = text
                        .replace('\\', "\\\\")
                        .replace('(', "\\(")
                        .replace(')', "\\)");
                    content.push_str(&format!("BT /F1 {size} Tf {x} {y} Td ({esc}) Tj ET\n"));
                }
                Op::Fill(x, y, w, h, grey) => {
                    content.push_str(&format!("{grey} g {x} {y} {w} {h} re f 0 g\n"))
                }
            }
        }
        objs.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + 2 * i
        ));
        objs.push(format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ));
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A pleading-paper order page in PDF user space: margin numbers 1..28 right-aligned at x=86
/// on a 24 pt pitch, a CM/ECF stamp at the top, and `body` lines starting at line `first`.
pub fn pleading_page(page: usize, of: usize, first: usize, body: &[&'static str]) -> Vec<Op> {
    let stamp: &'static str = Box::leak(
        format!("Case 2:21-cv-03318-PQR Document 34 Filed 04/20/22 Page {page} of {of}")
            .into_boxed_str(),
    );
    let mut ops = vec![Op::Text(120.0, 770.0, 9.0, stamp)];
    for i in 1..=28usize {
        let y = 792.0 - (68.0 + 24.0 * i as f64);
        let num: &'static str = Box::leak(i.to_string().into_boxed_str());
        let x = 86.0 - 6.7 * num.len() as f64;
        ops.push(Op::Text(x, y, 12.0, num));
        if i >= first {
            if let Some(t) = body.get(i - first) {
                ops.push(Op::Text(100.0, y, 12.0, t));
            }
        }
    }
    ops
}
