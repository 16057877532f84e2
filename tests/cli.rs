//! The real binary over the fixtures: exit codes, one valid record per input, input order.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

fn ordex() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ordex"))
}

fn pdf_count() -> usize {
    common::fixture_pdfs().len()
}

/// The records of an output, each checked against the record schema.
fn records(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| {
            let rec = serde_json::from_str(l).expect("every line is JSON");
            common::assert_fits_schema("ordex extract", &rec);
            rec
        })
        .collect()
}

#[test]
fn folder_gives_one_record_per_pdf_in_order_and_exit_1_for_bad_files() {
    let out = ordex()
        .args(["extract", "--no-ocr", "-j", "2"])
        .arg(common::fixtures())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the zero-filled, HTML and password-protected fixtures fail"
    );
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), pdf_count());
    let paths: Vec<&str> = recs
        .iter()
        .map(|r| r["source"]["path"].as_str().unwrap())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "records come in input (sorted) order");
    for r in &recs {
        assert_eq!(r["schema"], "ordex/1");
        let ok = r["status"] == "ok";
        assert_eq!(ok, r["error"].is_null(), "{r}");
    }
    let kinds: Vec<&str> = recs
        .iter()
        .filter_map(|r| r["error"]["kind"].as_str())
        .collect();
    // In path order: broken-empty-..., broken-encrypted-needs-password-..., broken-html-...;
    // the truncated file is partly recovered (ok, with a warning) and the one encrypted with
    // an empty user password is read.
    assert_eq!(kinds, ["empty", "encrypted", "not_pdf"]);
    let by_name = |n: &str| {
        recs.iter()
            .find(|r| r["source"]["path"].as_str().unwrap().ends_with(n))
            .unwrap()
    };
    let truncated = by_name("broken-truncated-no-xref-01.pdf");
    assert_eq!(truncated["status"], "ok");
    assert!(
        truncated["warnings"][0]
            .as_str()
            .unwrap()
            .starts_with("truncated: no end-of-file marker"),
        "{truncated}"
    );
    assert_eq!(
        by_name("cand-order-encrypted-no-password-01.pdf")["status"],
        "ok"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("documents") && stderr.contains("failed"),
        "summary line: {stderr}"
    );
    assert!(
        stderr.contains("broken-empty-zero-filled-01.pdf: empty file"),
        "{stderr}"
    );
    // The documents read, by type, counted from the records: "by type: 9 order, 3 motion, ...".
    let mut want: std::collections::BTreeMap<&str, usize> = Default::default();
    for r in recs.iter().filter(|r| r["status"] == "ok") {
        *want.entry(r["doc_type"].as_str().unwrap()).or_default() += 1;
    }
    let line = stderr
        .lines()
        .find_map(|l| l.strip_prefix("ordex: by type: "))
        .unwrap_or_else(|| panic!("no by-type line: {stderr}"));
    let got: std::collections::BTreeMap<&str, usize> = line
        .split(", ")
        .map(|e| {
            let (n, t) = e.split_once(' ').unwrap();
            (t, n.parse().unwrap())
        })
        .collect();
    assert_eq!(got, want);
}

#[test]
fn same_records_whatever_the_number_of_jobs() {
    let run = |j: &str| {
        ordex()
            .args(["extract", "--no-ocr", "-j", j])
            .arg(common::fixtures())
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run("1"), run("3"));
}

#[test]
fn paths_from_standard_input_and_output_file() {
    let dir = std::env::temp_dir().join(format!("ordex-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out_file = dir.join("out.jsonl");
    let list = [
        "ca11-order-clerk-extension-01.pdf",
        "broken-html-session-expired-01.pdf",
        "ca11-order-clerk-extension-01.pdf",
    ]
    .map(|n| common::fixtures().join(n).to_string_lossy().into_owned())
    .join("\n");
    let mut child = ordex()
        .args(["extract", "--no-ocr", "-", "-o"])
        .arg(&out_file)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(list.as_bytes())
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1));
    let recs = records(&std::fs::read(&out_file).unwrap());
    let statuses: Vec<&str> = recs.iter().map(|r| r["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["ok", "error", "ok"]);
    assert!(recs[1]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("HTML"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn all_good_inputs_exit_0() {
    let out = ordex()
        .args(["extract", "--no-ocr"])
        .arg(common::fixtures().join("ca11-order-clerk-extension-01.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(records(&out.stdout).len(), 1);
}

#[test]
fn fatal_errors_exit_2() {
    let bad_flag = ordex()
        .args(["extract", "--no-ocr", "--no-such-flag", "x"])
        .output()
        .unwrap();
    assert_eq!(bad_flag.status.code(), Some(2));
    let missing = ordex()
        .args(["extract", "--no-ocr", "/no/such/folder"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    let unwritable = ordex()
        .args(["extract", "--no-ocr", "-o", "/no/such/dir/out.jsonl"])
        .arg(common::fixtures())
        .output()
        .unwrap();
    assert_eq!(unwritable.status.code(), Some(2));
    let help = ordex()
        .args(["extract", "--no-ocr", "--help"])
        .output()
        .unwrap();
    assert_eq!(help.status.code(), Some(0));
    let text = String::from_utf8_lossy(&help.stdout);
    for flag in ["--output", "--jobs", "--timeout"] {
        assert!(text.contains(flag), "--help explains {flag}");
    }
}

#[test]
fn exit_zero_on_document_errors_counts_error_records_as_a_success() {
    let out = ordex()
        .args([
            "extract",
            "--no-ocr",
            "-j",
            "2",
            "--exit-zero-on-document-errors",
        ])
        .arg(common::fixtures())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), pdf_count());
    let failed = recs.iter().filter(|r| r["status"] == "error").count();
    assert_eq!(failed, 3, "the error records are still written");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(", 3 failed ("), "{stderr}");
    // What is not a document's failure keeps its exit status.
    for args in [
        &["--no-such-flag"][..],
        &["-o", "/no/such/dir/out.jsonl"][..],
    ] {
        let out = ordex()
            .args(["extract", "--no-ocr", "--exit-zero-on-document-errors"])
            .args(args)
            .arg(common::fixtures())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    let missing = ordex()
        .args([
            "extract",
            "--exit-zero-on-document-errors",
            "/no/such/folder",
        ])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

/// `ordex extract` of one scanned fixture with `flags`, `ORDEX_TESSERACT` set to `tesseract`
/// when given: (exit code, the record, standard error).
fn extract_scan(
    flags: &[&str],
    tesseract: Option<&str>,
) -> (Option<i32>, serde_json::Value, String) {
    let mut cmd = ordex();
    cmd.arg("extract")
        .args(flags)
        .arg(common::fixtures().join("scanned/ca11-order-clerk-extension-01-twin.pdf"));
    if let Some(t) = tesseract {
        cmd.env("ORDEX_TESSERACT", t);
    }
    let out = cmd.output().unwrap();
    let mut recs = records(&out.stdout);
    assert_eq!(recs.len(), 1);
    (
        out.status.code(),
        recs.remove(0),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn without_ocr_scans_are_left_unread_and_the_summary_says_so_once() {
    let (code, rec, stderr) = extract_scan(&[], None);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(rec["quality"]["needs_ocr"], true);
    assert_eq!(rec["quality"]["ocr_applied"], false);
    let n = rec["quality"]["ocr_pages"].as_array().unwrap().len();
    let pages = if n == 1 { "page" } else { "pages" };
    let want = format!(
        "ordex: {n} scanned {pages} not read: OCR is off; pass --ocr to read them with tesseract"
    );
    assert_eq!(
        stderr.lines().filter(|l| *l == want).count(),
        1,
        "{want:?} once in {stderr}"
    );
    // --no-ocr: the same record, and nothing said.
    let (code, quiet, stderr) = extract_scan(&["--no-ocr"], None);
    assert_eq!(code, Some(0));
    assert_eq!(quiet, rec);
    assert!(!stderr.contains("not read"), "{stderr}");
    // --ocr without a working tesseract: a usage error before any work.
    let out = ordex()
        .args(["extract", "--ocr"])
        .arg(common::fixtures().join("scanned/ca11-order-clerk-extension-01-twin.pdf"))
        .env("ORDEX_TESSERACT", "/no/such/tesseract")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let both = ordex()
        .args(["extract", "--ocr", "--no-ocr", "x.pdf"])
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(2), "--ocr and --no-ocr conflict");
}

#[test]
fn with_ocr_scans_are_read_and_nothing_is_said_unread() {
    if let Err(e) = ordex::ocr::tesseract::version() {
        panic!("this test needs tesseract (apt-get install tesseract-ocr tesseract-ocr-eng): {e}");
    }
    let (code, read, stderr) = extract_scan(&["--ocr"], None);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(read["quality"]["ocr_applied"], true, "{stderr}");
    assert!(!stderr.contains("not read"), "{stderr}");
}

#[test]
fn a_recap_file_name_gives_its_keys_and_every_record_its_sha1() {
    let dir = std::env::temp_dir().join(format!("ordex-cli-recap-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let named = dir.join("gov.uscourts.nvd.123456.42.3.pdf");
    let fixture = common::fixtures().join("ca11-order-clerk-extension-01.pdf");
    std::fs::copy(&fixture, &named).unwrap();
    let out = ordex()
        .args(["extract", "--no-ocr"])
        .arg(&named)
        .arg(&fixture)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&out.stdout);
    assert_eq!(
        recs[0]["source"]["recap"],
        serde_json::json!({"court_id": "nvd", "pacer_case_id": "123456",
            "document_number": "42", "attachment_number": 3})
    );
    assert!(recs[1]["source"]["recap"].is_null());
    assert!(recs[1]["source"].as_object().unwrap().contains_key("recap"));
    // The same bytes: the same hashes.
    assert_eq!(recs[0]["source"]["sha1"], recs[1]["source"]["sha1"]);
    let sha1 = recs[0]["source"]["sha1"].as_str().unwrap();
    assert_eq!(sha1.len(), 40);
    // An error record of a file that was read has its hashes too; the stamp's number stays in ecf.
    let bad = dir.join("gov.uscourts.nvd.123456.43.0.pdf");
    std::fs::write(&bad, b"<html>session expired</html>").unwrap();
    let out = ordex()
        .args(["extract", "--no-ocr"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let rec = &records(&out.stdout)[0];
    assert_eq!(rec["status"], "error");
    assert_eq!(rec["source"]["recap"]["document_number"], "43");
    // SHA-1 of the bytes above, as `sha1sum` gives it.
    assert_eq!(
        rec["source"]["sha1"],
        "d8ce498544362c77c89e46c0ea9dce4e551379c7"
    );
    std::fs::remove_dir_all(&dir).ok();
}
