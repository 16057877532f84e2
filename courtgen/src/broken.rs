//! Files a docket dump holds that are not good PDFs: a zero-byte download, an HTML page saved
//! as `.pdf`, encrypted files, a download cut short; and the regression inputs for hostile
//! bytes (`fixtures/fuzz/`), each a generated PDF broken in one known way.
//!
//! Every mutation is a fixed edit of fixed bytes: the same input gives the same mutant on
//! every run. What it never does: pick offsets at random, or make a file larger than a few
//! hundred KB.

use flate2::write::ZlibEncoder;
use std::io::Write;

/// A PACER-style "session expired" page, made-up text, as a browser saves it under the
/// document's name.
pub fn html_page() -> Vec<u8> {
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
     <title>Session Expired - Case Records Login</title>\n</head>\n<body>\n\
     <div class=\"banner\">Public Access to Court Electronic Records</div>\n\
     <h1>Your session has expired</h1>\n\
     <p>For your security, you were logged out after 30 minutes without activity. \
     The document you requested was not downloaded.</p>\n\
     <p><a href=\"/login?return=doc1%2F035012345678\">Log in again</a> to continue.</p>\n\
     <p class=\"footer\">Questions? Call the service center at (555) 010-0199.</p>\n\
     </body>\n</html>\n"
        .as_bytes()
        .to_vec()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// `pdf` cut short as an interrupted download is: at the end of the last whole object
/// before `fraction` of its length, so no cross-reference table and no `%%EOF` remain.
pub fn truncated(pdf: &[u8], fraction: f64) -> Vec<u8> {
    let cut = (pdf.len() as f64 * fraction) as usize;
    let end = rfind(&pdf[..cut], b"endobj").map_or(cut, |i| i + b"endobj\n".len());
    pdf[..end.min(pdf.len())].to_vec()
}

/// `pdf` cut at exactly `fraction` of its length, mid-object.
fn cut_raw(pdf: &[u8], fraction: f64) -> Vec<u8> {
    pdf[..(pdf.len() as f64 * fraction) as usize].to_vec()
}

/// Replace the first `from` with `to` (same or other length).
fn replace(pdf: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    match find(pdf, from) {
        Some(i) => [&pdf[..i], to, &pdf[i + from.len()..]].concat(),
        None => pdf.to_vec(),
    }
}

/// Replace every `from` with `to`.
fn replace_all(pdf: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(pdf.len());
    let mut i = 0;
    while i < pdf.len() {
        if pdf[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(pdf[i]);
            i += 1;
        }
    }
    out
}

/// Flip one bit every `step` bytes inside every stream's data.
fn flip_in_streams(pdf: &[u8], step: usize) -> Vec<u8> {
    let mut out = pdf.to_vec();
    let mut at = 0;
    while let Some(s) = find(&out[at..], b"stream\n") {
        let start = at + s + b"stream\n".len();
        let Some(e) = find(&out[start..], b"endstream") else {
            break;
        };
        let end = start + e;
        let mut i = start + 2;
        while i < end {
            out[i] ^= 0x10;
            i += step;
        }
        at = end;
    }
    out
}

/// The same PDF with one more object appended in an incremental update: `body` as object
/// `num`, and a new cross-reference section and trailer pointing back to the old one.
fn append_object(pdf: &[u8], num: u32, body: &[u8]) -> Vec<u8> {
    let mut out = pdf.to_vec();
    let prev = rfind(pdf, b"startxref")
        .and_then(|i| {
            let rest = &pdf[i + 9..];
            let s = String::from_utf8_lossy(rest);
            s.split_whitespace()
                .next()
                .and_then(|n| n.parse::<usize>().ok())
        })
        .unwrap_or(0);
    let off = out.len();
    out.extend_from_slice(format!("{num} 0 obj\n").as_bytes());
    out.extend_from_slice(body);
    out.extend_from_slice(b"\nendobj\n");
    let xref = out.len();
    out.extend_from_slice(
        format!(
            "xref\n{num} 1\n{off:010} 00000 n \ntrailer\n<< /Size {} /Root 1 0 R /Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n",
            num + 1
        )
        .as_bytes(),
    );
    out
}

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut z = ZlibEncoder::new(Vec::new(), flate2::Compression::new(9));
    // invariant: writing to a Vec cannot fail
    z.write_all(data).expect("write to Vec");
    z.finish().expect("finish to Vec")
}

/// The regression inputs for hostile bytes, each (name, bytes): `pdf` broken in one known
/// way. Each must give exactly one record that is not a panic.
pub fn mutants(pdf: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(&str, Vec<u8>)> = vec![
        ("cut-at-10-percent", cut_raw(pdf, 0.10)),
        ("cut-at-45-percent", cut_raw(pdf, 0.45)),
        ("cut-at-90-percent", cut_raw(pdf, 0.90)),
        ("cut-before-xref", truncated(pdf, 0.999)),
        ("startxref-zero", {
            let i = rfind(pdf, b"startxref\n").unwrap_or(0);
            let mut o = pdf[..i].to_vec();
            o.extend_from_slice(b"startxref\n0\n%%EOF\n");
            o
        }),
        (
            "xref-offsets-shifted",
            replace_all(pdf, b" 00000 n", b" 00000 f"),
        ),
        (
            "stream-lengths-huge",
            replace_all(pdf, b"/Length ", b"/Length 9999999"),
        ),
        ("stream-bits-flipped", flip_in_streams(pdf, 97)),
        ("header-garbled", replace(pdf, b"%PDF-1.6", b"%QDF-9.x")),
        (
            "pages-kids-loop",
            replace(pdf, b"/Type/Pages/Kids[", b"/Type/Pages/Kids[2 0 R "),
        ),
        (
            "contents-missing-object",
            replace_all(pdf, b"/Contents ", b"/Contents 9999 0 R /X "),
        ),
        (
            "font-widths-cut",
            replace_all(
                pdf,
                b"/FirstChar 32 /LastChar 255",
                b"/FirstChar 255 /LastChar 32",
            ),
        ),
        ("deep-array-nesting", {
            let body = [vec![b'['; 20_000], vec![b']'; 20_000]].concat();
            append_object(pdf, 9000, &body)
        }),
        ("flate-bomb-content", {
            // 24 MB of spaces inflate from about 24 KB; set as the first page's content.
            let data = zlib(&vec![b' '; 24 << 20]);
            let mut body = format!(
                "<< /Length {} /Filter /FlateDecode >>\nstream\n",
                data.len()
            )
            .into_bytes();
            body.extend_from_slice(&data);
            body.extend_from_slice(b"\nendstream");
            let o = append_object(pdf, 9001, &body);
            replace(&o, b"/Contents ", b"/Contents 9001 0 R /Old ")
        }),
        ("endless-operators", {
            let mut ops = Vec::new();
            for i in 0..60_000 {
                ops.extend_from_slice(
                    format!("q 1 0 0 1 {i} 0 cm BT /F1 1e30 Tf 1e308 -1e308 Td (x) Tj ET\n")
                        .as_bytes(),
                );
            }
            let data = zlib(&ops);
            let mut body = format!(
                "<< /Length {} /Filter /FlateDecode >>\nstream\n",
                data.len()
            )
            .into_bytes();
            body.extend_from_slice(&data);
            body.extend_from_slice(b"\nendstream");
            let o = append_object(pdf, 9002, &body);
            replace(&o, b"/Contents ", b"/Contents 9002 0 R /Old ")
        }),
    ];
    v.sort_by(|a, b| a.0.cmp(b.0));
    v.into_iter().map(|(n, b)| (n.to_string(), b)).collect()
}
