//! Shared test helpers: a tiny PDF writer for synthetic pages, and the fixtures folder.

#![allow(dead_code)]

use std::path::PathBuf;

/// The record schema, `schema/ordex-1.json`, compiled once per test binary (formats checked).
fn record_schema() -> &'static jsonschema::Validator {
    static SCHEMA: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| {
        let schema: serde_json::Value =
            serde_json::from_str(ordex::record::JSON_SCHEMA).expect("the schema is JSON");
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("the schema is a valid JSON Schema")
    })
}

/// Why `record` does not fit the record schema, one line a problem (empty: it fits).
pub fn schema_errors(record: &serde_json::Value) -> Vec<String> {
    record_schema()
        .iter_errors(record)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// Panic unless `record` fits the record schema; `what` names it in the message.
pub fn assert_fits_schema(what: &str, record: &serde_json::Value) {
    let errors = schema_errors(record);
    assert!(
        errors.is_empty(),
        "{what}: the record does not fit schema/ordex-1.json:\n{}",
        errors.join("\n")
    );
}

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

/// A one-page PDF whose page draws `content`, a stream with `dict` in its dictionary (e.g.
/// `/Filter /LZWDecode`), under a Helvetica font named /F1 and `resources` besides (inside the
/// page's resource dictionary, e.g. `/ColorSpace << ... >>`); `extra` objects are numbered from
/// 6 and may be referred to from `dict` or `resources`.
pub fn one_page_pdf(dict: &str, content: &[u8], resources: &str, extra: &[Vec<u8>]) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> {resources} >> /Contents 4 0 R >>"
        )
        .into_bytes(),
        [
            format!("<< /Length {} {dict} >>\nstream\n", content.len()).as_bytes(),
            content,
            b"\nendstream",
        ]
        .concat(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    objects.extend(extra.iter().cloned());
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// LZW data (PDF's LZWDecode, early change) that decodes to at least `bytes` spaces: codes that
/// each define the next, up to a full table, then the longest code (3,839 bytes) over and over,
/// so that the output is about 2,500 times the input: a decompression bomb.
pub fn lzw_bomb(bytes: usize) -> Vec<u8> {
    let mut bits = BitWriter::default();
    // The table's size as the decoder sees it, which sets each code's width.
    let mut size = 258usize;
    let width = |size: usize| match size + 1 {
        n if n >= 2048 => 12,
        n if n >= 1024 => 11,
        n if n >= 512 => 10,
        _ => 9,
    };
    bits.put(256, 9); // clear table
    bits.put(32, width(size));
    let mut made = 1usize;
    for code in 258..4096usize {
        bits.put(code as u32, width(size));
        size += 1;
        made += code - 256;
    }
    while made < bytes {
        bits.put(4095, width(size));
        made += 4095 - 256;
    }
    bits.put(257, width(size)); // end of data
    bits.finish()
}

/// Bits written most significant first.
#[derive(Default)]
pub struct BitWriter {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl BitWriter {
    /// Append the low `width` bits of `value`.
    pub fn put(&mut self, value: u32, width: u32) {
        self.acc = (self.acc << width) | u64::from(value);
        self.n += width;
        while self.n >= 8 {
            self.n -= 8;
            self.out.push((self.acc >> self.n) as u8);
        }
    }

    /// The bytes, the last one padded with zero bits.
    pub fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push((self.acc << (8 - self.n)) as u8);
        }
        self.out
    }
}

/// RunLength data decoding to at least `bytes` spaces: 2 bytes of input per 128 of output.
pub fn run_length_bomb(bytes: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes / 64 + 1);
    for _ in 0..bytes.div_ceil(128) {
        out.extend_from_slice(&[129, b' ']);
    }
    out.push(128);
    out
}

/// zlib-compress `data` (for a /FlateDecode stream).
pub fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(data).unwrap();
    z.finish().unwrap()
}
