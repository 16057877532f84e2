//! Golden records: every `fixtures/**/*.pdf` (made by courtgen) runs through the whole
//! pipeline and must give the reviewed `fixtures/**/<name>.json`. `UPDATE_EXPECT=1 cargo test --test golden` rewrites them;
//! review the diff by eye before committing: a golden file says what is right. Every record,
//! golden and fresh, must fit the record schema (schema/ordex-1.json). The library's default
//! configuration never OCRs, so these records are the same with tesseract installed or not.

mod common;

use ordex::{process, Config};
use std::fs;

#[test]
fn fixtures_match_their_golden_records() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let pdfs = common::fixture_pdfs();
    assert!(pdfs.len() >= 30, "fixtures/ should hold the generated PDFs");
    let mut failures = Vec::new();
    for pdf in &pdfs {
        let name = pdf
            .strip_prefix(common::fixtures())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let config = Config::default();
        assert!(!config.ocr.enabled, "golden records are made without OCR");
        let record = process(&name, fs::read(pdf).unwrap(), &config);
        common::assert_fits_schema(&name, &serde_json::to_value(&record).unwrap());
        let got = serde_json::to_string_pretty(&record).unwrap() + "\n";
        // Worker processes send records as JSON: reading one back must lose nothing.
        let back: ordex::record::Record = serde_json::from_str(&got).unwrap();
        assert_eq!(
            serde_json::to_string_pretty(&back).unwrap() + "\n",
            got,
            "{name}: the record reads back from its JSON unchanged"
        );
        let golden = pdf.with_extension("json");
        if update {
            fs::write(&golden, &got).unwrap();
            continue;
        }
        let want = fs::read_to_string(&golden).unwrap_or_default();
        if let Ok(value) = serde_json::from_str(&want) {
            common::assert_fits_schema(&format!("{name} (golden)"), &value);
        }
        if want != got {
            failures.push(format!("{name}:\n{}", diff(&want, &got)));
        }
    }
    assert!(
        failures.is_empty(),
        "golden records differ (UPDATE_EXPECT=1 to rewrite, then review):\n{}",
        failures.join("\n")
    );
}

/// The lines that differ, marked - (golden) and + (now), with their line numbers.
fn diff(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let mut out = String::new();
    for i in 0..w.len().max(g.len()) {
        let (a, b) = (w.get(i), g.get(i));
        if a != b {
            if let Some(a) = a {
                out.push_str(&format!("  {:>5} - {a}\n", i + 1));
            }
            if let Some(b) = b {
                out.push_str(&format!("  {:>5} + {b}\n", i + 1));
            }
            if out.lines().count() > 40 {
                out.push_str("  ...\n");
                break;
            }
        }
    }
    out
}
