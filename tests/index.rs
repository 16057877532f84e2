//! `ordex index` and `ordex search` on the fixtures, with answers read off the golden records
//! (fixtures/*.json): a phrase across a page break, a court, a filing-date range, a judge,
//! replacement on re-indexing, and `--records`.

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

fn ordex() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ordex"))
}

/// A fresh folder under cargo's test temp dir.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("ordex-index-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The fixtures indexed once for the whole file, with the output of that run.
fn fixture_index() -> &'static (PathBuf, Output) {
    static INDEX: OnceLock<(PathBuf, Output)> = OnceLock::new();
    INDEX.get_or_init(|| {
        let dir = scratch("fixtures");
        let out = ordex()
            .args(["index", "-j", "2", "--index"])
            .arg(&dir)
            .arg(common::fixtures())
            .output()
            .unwrap();
        (dir, out)
    })
}

fn golden(name: &str) -> Value {
    let text = std::fs::read_to_string(common::fixtures().join(format!("{name}.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// `ordex search --json` on the fixture index, queries in tantivy's language: (exit code, hits).
fn search(args: &[&str]) -> (Option<i32>, Vec<Value>) {
    let out = ordex()
        .args(["search", "--json", "--query-syntax", "tantivy", "--index"])
        .arg(&fixture_index().0)
        .args(args)
        .output()
        .unwrap();
    let hits = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect();
    (out.status.code(), hits)
}

/// The fixture names (file stems) of the hits, sorted.
fn names(hits: &[Value]) -> Vec<String> {
    let mut names: Vec<String> = hits
        .iter()
        .map(|h| {
            let path = Path::new(h["path"].as_str().unwrap());
            path.file_stem().unwrap().to_string_lossy().into_owned()
        })
        .collect();
    names.sort();
    names
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn fixtures_index_all_ok_records_and_skip_the_three_errors() {
    let (_, out) = fixture_index();
    // The zero-byte file, the HTML page and the encrypted file needing a password fail.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(out));
    assert!(
        stderr(out).contains("12 documents indexed, 3 error records skipped, 12 in the index"),
        "{}",
        stderr(out)
    );
}

#[test]
fn a_phrase_across_a_page_break_finds_its_document() {
    // The phrase starts at the foot of page 1 and ends at the head of page 2.
    let rec = golden("caed-order-redaction-01");
    let pages = rec["pages"].as_array().unwrap();
    assert!(pages[0]["text"]
        .as_str()
        .unwrap()
        .ends_with("Moreover, defendant contends"));
    assert!(pages[1]["text"]
        .as_str()
        .unwrap()
        .starts_with("the information to be redacted"));
    let (code, hits) = search(&["\"defendant contends the information to be redacted\""]);
    assert_eq!(code, Some(0));
    assert_eq!(names(&hits), ["caed-order-redaction-01"]);
    let hit = &hits[0];
    assert_eq!(hit["court_id"], "caed");
    assert_eq!(hit["case_numbers"][0], "1:20-cv-01133-DAD-BAM");
    assert_eq!(hit["filed"], "2020-12-02");
    assert_eq!(hit["title"], "ORDER GRANTING REQUEST FOR REDACTION");
    assert_eq!(hit["id"], rec["source"]["sha256"]);
    let snippet = hit["snippet"].as_str().unwrap();
    let marked: Vec<&str> = hit["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &snippet[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize])
        .collect();
    assert!(marked.contains(&"contends"), "{marked:?} in {snippet}");
    // The same words, not as a phrase in that order, are not a phrase match.
    let (code, hits) = search(&["\"information contends\""]);
    assert_eq!((code, hits.len()), (Some(1), 0));
}

#[test]
fn court_filter_and_court_facet_query_give_that_courts_documents() {
    let (_, hits) = search(&["--court", "caed", "*"]);
    assert_eq!(
        names(&hits),
        ["caed-order-redaction-01", "caed-order-unseal-warrant-01"]
    );
    let (_, hits) = search(&["court_id:/cacd"]);
    assert_eq!(
        names(&hits),
        [
            "cacd-minute-order-broken-encoding-01",
            "cacd-order-redact-exhibit-01"
        ]
    );
    // A filter narrows a text query: "seal" is in both cacd orders and elsewhere.
    let (_, all) = search(&["seal"]);
    let (_, cacd) = search(&["--court", "CACD", "seal"]);
    assert!(all.len() > cacd.len(), "{all:?}");
    assert!(cacd.iter().all(|h| h["court_id"] == "cacd"));
}

#[test]
fn filed_date_range_is_inclusive_and_exact() {
    // Filed in Oct.–Dec. 2020: 2020-10-22, 2020-10-29 and 2020-12-02, per the golden ecf.filed.
    let (_, hits) = search(&[
        "--filed-after",
        "2020-10-01",
        "--filed-before",
        "2020-12-31",
        "*",
    ]);
    assert_eq!(
        names(&hits),
        [
            "cacd-order-redact-exhibit-01",
            "caed-order-redaction-01",
            "caed-order-unseal-warrant-01"
        ]
    );
    let (_, hits) = search(&[
        "--filed-after",
        "2020-10-22",
        "--filed-before",
        "2020-10-22",
        "*",
    ]);
    assert_eq!(names(&hits), ["cacd-order-redact-exhibit-01"]);
    let (_, hits) = search(&["--filed-before", "2009-12-31", "*"]);
    assert_eq!(
        names(&hits),
        [
            "cand-order-scanned-handedit-01",
            "cand-stip-order-discovery-cutoff-01"
        ]
    );
    let out = ordex()
        .args(["search", "--index"])
        .arg(&fixture_index().0)
        .args(["--filed-after", "2020-02-30", "*"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "an impossible date is refused");
}

#[test]
fn judge_filter_matches_a_surname_in_any_case() {
    let (_, hits) = search(&["--judge", "freeman", "*"]);
    assert_eq!(names(&hits), ["cand-order-redactions-short-01"]);
    assert_eq!(hits[0]["judge"], "BETH LABSON FREEMAN");
    let (_, hits) = search(&["--judge", "George Wu", "*"]);
    assert_eq!(names(&hits), ["cacd-order-redact-exhibit-01"]);
    let (code, hits) = search(&["--judge", "George Freeman", "*"]);
    assert_eq!((code, hits.len()), (Some(1), 0), "every word must match");
}

#[test]
fn hits_are_ranked_by_score_and_limited() {
    let (_, hits) = search(&["redaction OR redact OR redacted"]);
    assert!(hits.len() >= 3, "{hits:?}");
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    let (_, top) = search(&["--limit", "2", "redaction OR redact OR redacted"]);
    assert_eq!(top, hits[..2]);
}

#[test]
fn plain_output_marks_highlights_with_stars_when_not_a_terminal() {
    let out = ordex()
        .args(["search", "--index"])
        .arg(&fixture_index().0)
        .arg("\"trade secrets\"")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("1. ORDER GRANTING REQUEST FOR REDACTION"),
        "{text}"
    );
    assert!(text.contains("caed · 1:20-cv-01133-DAD-BAM · filed 2020-12-02"));
    // Stemmed: the phrase "trade secrets" matches "trade secret" too.
    assert!(text.contains("**trade** **secret"), "{text}");
}

#[test]
fn records_index_and_reindexing_replace_never_duplicate() {
    let dir = scratch("records");
    std::fs::create_dir_all(&dir).unwrap();
    let jsonl = dir.join("records.jsonl");
    let out = ordex()
        .args(["extract", "-j", "2", "-o"])
        .arg(&jsonl)
        .arg(common::fixtures())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let index = dir.join("index");
    for _ in 0..2 {
        let out = ordex()
            .args(["index", "--index"])
            .arg(&index)
            .arg("--records")
            .arg(&jsonl)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("12 documents indexed, 3 error records skipped, 12 in the index"),
            "{}",
            stderr(&out)
        );
    }
    // The PDFs themselves, into the same index: same sha256s, so still 12.
    let out = ordex()
        .args(["index", "--index"])
        .arg(&index)
        .arg(common::fixtures().join("caed-order-redaction-01.pdf"))
        .arg(common::fixtures().join("ca10-order-01.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("2 documents indexed, 0 error records skipped, 12 in the index"),
        "{}",
        stderr(&out)
    );
    let out = ordex()
        .args(["search", "--json", "--index"])
        .arg(&index)
        .arg("\"trade secrets\"")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn searching_a_folder_without_an_index_is_a_fatal_error() {
    let dir = scratch("empty");
    std::fs::create_dir_all(&dir).unwrap();
    let out = ordex()
        .args(["search", "--index"])
        .arg(&dir)
        .arg("order")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        !dir.join("meta.json").exists(),
        "search never creates an index"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
