//! Every numeric flag has a range: a value outside it is a one-line usage error (exit 2) before
//! any work, and the extremes inside it work. Search queries are taken literally unless asked.

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

fn ordex() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ordex"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ordex-flags-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The run is refused with exit 2 and one line on standard error that contains `says`, and
/// nothing on standard output.
fn refused(out: &Output, says: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains(says), "{says:?} in {err}");
    assert!(out.stdout.is_empty());
}

fn small_pdf(line: &'static str) -> Vec<u8> {
    common::pdf(&[vec![
        common::Op::Text(72.0, 700.0, 12.0, "UNITED STATES DISTRICT COURT"),
        common::Op::Text(72.0, 660.0, 12.0, line),
        common::Op::Text(72.0, 600.0, 12.0, "IT IS SO ORDERED."),
    ]])
}

#[test]
fn out_of_range_values_are_usage_errors_before_any_work() {
    let dir = scratch("ranges");
    let pdf = dir.join("a.pdf");
    std::fs::write(&pdf, small_pdf("An order.")).unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["--timeout", "inf"], "--timeout"),
        (&["--timeout", "NaN"], "--timeout"),
        (&["--timeout", "1e300"], "--timeout"),
        (&["--timeout", "0"], "--timeout"),
        (&["--timeout", "-1"], "--timeout"),
        (&["--timeout", "soon"], "--timeout"),
        (&["--timeout", "86401"], "--timeout"),
        (&["--timeout-per-page", "inf"], "--timeout-per-page"),
        (&["--timeout-per-page", "-0.5"], "--timeout-per-page"),
        (&["--max-file-mb", "0"], "--max-file-mb"),
        (&["--max-file-mb", "17592186044416"], "--max-file-mb"),
        (&["--max-stream-mb", "17592186044416"], "--max-stream-mb"),
        (&["--max-document-mb", "-5"], "--max-document-mb"),
        (&["--max-memory-mb", "100"], "--max-memory-mb"),
        (&["--max-memory-mb", "1048577"], "--max-memory-mb"),
        (&["--max-pages", "0"], "--max-pages"),
        (
            &["--max-glyphs-per-page", "99999999999"],
            "--max-glyphs-per-page",
        ),
        (&["--ocr-max-pages", "0"], "--ocr-max-pages"),
        (&["--shard", "0/0"], "--shard"),
        (&["--shard", "0/1000001"], "--shard"),
        (&["-j", "0"], "-j wants 1 to"),
    ];
    for (flags, says) in cases {
        let out = ordex()
            .args(["extract", "--no-ocr"])
            .args(*flags)
            .arg(&pdf)
            .output()
            .unwrap();
        refused(&out, says);
    }
    // Before the inputs are looked at: a path that does not exist is not what is reported.
    let out = ordex()
        .args([
            "extract",
            "--no-ocr",
            "--timeout",
            "inf",
            "/no/such/file.pdf",
        ])
        .output()
        .unwrap();
    refused(&out, "--timeout");
    let out = ordex()
        .args(["index", "-j", "100000", "--index"])
        .arg(dir.join("idx"))
        .arg(&pdf)
        .output()
        .unwrap();
    refused(&out, "-j wants 1 to");
    assert!(!dir.join("idx").exists(), "no work was done");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_ends_of_each_range_are_taken() {
    let dir = scratch("ends");
    let pdf = dir.join("a.pdf");
    std::fs::write(&pdf, small_pdf("An order.")).unwrap();
    for flags in [
        &[
            "--timeout",
            "86400",
            "--timeout-per-page",
            "3600",
            "--max-file-mb",
            "1048576",
            "--max-stream-mb",
            "1048576",
            "--max-document-mb",
            "1048576",
            "--max-memory-mb",
            "1048576",
            "--max-pages",
            "1000000",
            "--max-glyphs-per-page",
            "10000000",
            "-j",
            "8",
        ][..],
        &[
            "--timeout",
            "0.5",
            "--timeout-per-page",
            "0",
            "--max-file-mb",
            "1",
            "--max-stream-mb",
            "1",
            "--max-document-mb",
            "1",
            "--max-memory-mb",
            "512",
            "--max-glyphs-per-page",
            "1000",
            "-j",
            "1",
        ][..],
    ] {
        let out = ordex()
            .args(["extract", "--no-ocr"])
            .args(flags)
            .arg(&pdf)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{flags:?}: {}", stderr(&out));
        let rec: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(rec["status"], "ok", "{flags:?}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_file_size_cap_gives_a_limit_record() {
    // A valid PDF padded past 1 MB by a comment.
    let mut big = small_pdf("An order.");
    let pad = [b"%".as_slice(), &vec![b'x'; 1 << 20], b"\n"].concat();
    big.splice(9..9, pad);
    let dir = scratch("file-cap");
    let pdf = dir.join("big.pdf");
    std::fs::write(&pdf, &big).unwrap();
    let out = ordex()
        .args(["extract", "--no-ocr", "--max-file-mb", "1"])
        .arg(&pdf)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let rec: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rec["error"]["kind"], "limit");
    let msg = rec["error"]["message"].as_str().unwrap();
    assert!(
        msg.contains("over the cap of 1048576 (--max-file-mb)"),
        "{msg}"
    );
    assert_eq!(rec["source"]["bytes"], big.len());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// An index of three synthetic orders; its folder.
fn index_of_orders(name: &str) -> PathBuf {
    let dir = scratch(name);
    let input = dir.join("in");
    std::fs::create_dir(&input).unwrap();
    for (file, line) in [
        (
            "a.pdf",
            "Plaintiff's motion to dismiss under Rule 12(b)(6) is denied.",
        ),
        (
            "b.pdf",
            "In case no. 3:19-cv-05711 the motion to seal is granted.",
        ),
        ("c.pdf", "The dismissal motion of the defendant is granted."),
    ] {
        std::fs::write(input.join(file), small_pdf(line)).unwrap();
    }
    let out = ordex()
        .args(["index", "--index"])
        .arg(dir.join("idx"))
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    dir
}

/// `ordex search --json` with `args`: exit code, the hits' file names, standard error.
fn search(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, Vec<String>, String) {
    let out = ordex()
        .args(["search", "--json", "--index"])
        .arg(dir.join("idx"))
        .args(args)
        .output()
        .unwrap();
    let names = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let hit: serde_json::Value = serde_json::from_str(l).unwrap();
            let path = hit["path"].as_str().unwrap().to_string();
            path.rsplit('/').next().unwrap().to_string()
        })
        .collect();
    (out.status.code(), names, stderr(&out))
}

#[test]
fn queries_are_literal_unless_asked_otherwise() {
    let dir = index_of_orders("literal");
    for (query, want) in [
        ("Plaintiff's motion", vec!["a.pdf"]),
        ("12(b)(6)", vec!["a.pdf"]),
        ("case no. 3:19-cv-05711", vec!["b.pdf"]),
        ("motion granted", vec!["b.pdf", "c.pdf"]),
        ("\"motion to seal\"", vec!["b.pdf"]),
        ("\"motion to\" granted", vec!["b.pdf"]),
        ("motion AND (seal OR dismiss)", vec![]),
        ("-motion", vec!["a.pdf", "b.pdf", "c.pdf"]),
    ] {
        let (code, mut names, err) = search(&dir, &[query]);
        names.sort();
        assert_eq!(names, want, "{query}: {err}");
        assert_eq!(code, Some(if want.is_empty() { 1 } else { 0 }), "{query}");
    }
    // Nesting is punctuation to a literal query, and has a cap in tantivy's language.
    let nested = |n: usize| format!("{}motion{}", "(".repeat(n), ")".repeat(n));
    let (code, names, _) = search(&dir, &[&nested(60_000)]);
    assert_eq!((code, names.len()), (Some(0), 3));
    for (query, says) in [
        (nested(100), "nest more than 32 deep"),
        (nested(60_000), "nest more than 32 deep"),
    ] {
        let out = ordex()
            .args(["search", "--query-syntax", "tantivy", "--index"])
            .arg(dir.join("idx"))
            .arg(&query)
            .output()
            .unwrap();
        refused(&out, says);
    }
    // tantivy's language when asked: OR, field:term.
    let (code, mut names, err) = search(&dir, &["--query-syntax", "tantivy", "seal OR defendant"]);
    names.sort();
    assert_eq!(
        (code, names),
        (Some(0), vec!["b.pdf".into(), "c.pdf".into()]),
        "{err}"
    );
    // A query that does not parse: one line, printed once.
    let out = ordex()
        .args(["search", "--query-syntax", "tantivy", "--index"])
        .arg(dir.join("idx"))
        .arg("title:(")
        .output()
        .unwrap();
    refused(&out, "query:");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_search_limit_has_a_range() {
    let dir = index_of_orders("limit");
    for bad in ["0", "18446744073709551615", "4294967296", "10001", "-3"] {
        let out = ordex()
            .args(["search", "--limit", bad, "--index"])
            .arg(dir.join("idx"))
            .arg("motion")
            .output()
            .unwrap();
        refused(&out, "--limit");
    }
    let (code, names, _) = search(&dir, &["--limit", "1", "motion"]);
    assert_eq!((code, names.len()), (Some(0), 1));
    let (code, names, _) = search(&dir, &["--limit", "10000", "motion"]);
    assert_eq!((code, names.len()), (Some(0), 3));
    std::fs::remove_dir_all(&dir).unwrap();
}
