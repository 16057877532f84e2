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

fn records(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect()
}

#[test]
fn folder_gives_one_record_per_pdf_in_order_and_exit_1_for_bad_files() {
    let out = ordex()
        .args(["extract", "-j", "2"])
        .arg(common::fixtures())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the zero-byte, HTML and password-protected fixtures fail"
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
        stderr.contains("broken-empty-zero-bytes-01.pdf: empty file"),
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
            .args(["extract", "-j", j])
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
        .args(["extract", "-", "-o"])
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
        .arg("extract")
        .arg(common::fixtures().join("ca11-order-clerk-extension-01.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(records(&out.stdout).len(), 1);
}

#[test]
fn fatal_errors_exit_2() {
    let bad_flag = ordex()
        .args(["extract", "--no-such-flag", "x"])
        .output()
        .unwrap();
    assert_eq!(bad_flag.status.code(), Some(2));
    let missing = ordex()
        .args(["extract", "/no/such/folder"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    let unwritable = ordex()
        .args(["extract", "-o", "/no/such/dir/out.jsonl"])
        .arg(common::fixtures())
        .output()
        .unwrap();
    assert_eq!(unwritable.status.code(), Some(2));
    let help = ordex().args(["extract", "--help"]).output().unwrap();
    assert_eq!(help.status.code(), Some(0));
    let text = String::from_utf8_lossy(&help.stdout);
    for flag in ["--output", "--jobs", "--timeout"] {
        assert!(text.contains(flag), "--help explains {flag}");
    }
}
