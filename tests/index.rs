//! `ordex index` and `ordex search` on the fixtures, with answers read off the golden records
//! (fixtures/*.json): a phrase across a page break, a court, a filing-date range, a judge,
//! replacement on re-indexing, and `--records`; a case by its number in any printed form, with
//! `--type`; the join keys `sha1` and `recap_*`.

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

/// The ok records among the golden records: what an index of the fixtures holds.
fn ok_count() -> usize {
    common::fixture_pdfs()
        .iter()
        .filter(|p| {
            let text = std::fs::read_to_string(p.with_extension("json")).unwrap();
            serde_json::from_str::<Value>(&text).unwrap()["status"] == "ok"
        })
        .count()
}

/// The fixtures whose golden record has `key` among its normalized case numbers (the
/// caption's and the stamp's), with the office digit (`office`) or without it.
fn with_case_key(key: &str, office: bool) -> Vec<String> {
    let strip = |n: &str| match n.split_once(':') {
        Some((o, rest)) if !office && o.bytes().all(|b| b.is_ascii_digit()) => rest.to_string(),
        _ => n.to_string(),
    };
    let mut out: Vec<String> = common::fixture_pdfs()
        .iter()
        .filter(|p| {
            let text = std::fs::read_to_string(p.with_extension("json")).unwrap();
            let rec: Value = serde_json::from_str(&text).unwrap();
            let caption = rec["caption"]["case_numbers_normalized"]
                .as_array()
                .unwrap();
            rec["status"] == "ok"
                && caption
                    .iter()
                    .chain(std::iter::once(&rec["ecf"]["case_number_normalized"]))
                    .filter_map(Value::as_str)
                    .any(|n| strip(n) == key)
        })
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

#[test]
fn a_case_is_found_by_its_normalized_number_with_or_without_the_office() {
    // The order's caption prints "23 Civ. 7719 (RGM)", no office; its stamp and the letter's
    // stamp print "1:23-cv-07719-RGM"; the letter has no caption number.
    let (code, hits) = search(&["case_number_normalized:\"23-cv-07719\""]);
    assert_eq!(code, Some(0));
    let want = with_case_key("23-cv-07719", false);
    assert!(
        want.contains(&"nysd-letter-extension-01".to_string()),
        "{want:?}"
    );
    assert!(
        want.contains(&"nysd-order-stay-discovery-01".to_string()),
        "{want:?}"
    );
    assert_eq!(names(&hits), want);
    let (_, hits) = search(&["case_number_normalized:\"1:23-cv-07719\""]);
    assert_eq!(names(&hits), with_case_key("1:23-cv-07719", true));
    // A caption's number without the office is not given the stamp's.
    let order = golden("nysd-order-stay-discovery-01");
    assert_eq!(
        order["caption"]["case_numbers_normalized"][0],
        "23-cv-07719"
    );
    assert_eq!(order["ecf"]["case_number_normalized"], "1:23-cv-07719");
}

#[test]
fn fixtures_index_all_ok_records_and_skip_the_three_errors() {
    let (_, out) = fixture_index();
    // The zero-filled file, the HTML page and the encrypted file needing a password fail.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(out));
    let n = ok_count();
    assert_eq!(n, common::fixture_pdfs().len() - 3);
    let want = format!("{n} documents indexed, 3 error records skipped, {n} in the index");
    assert!(stderr(out).contains(&want), "{want}: {}", stderr(out));
}

#[test]
fn a_phrase_across_a_page_break_finds_its_document() {
    // The phrase starts at the foot of page 1 and ends at the head of page 2. The order is
    // also a fixture encrypted with an empty user password: the same text, another file.
    let rec = golden("cand-order-scheduling-clauses-01");
    let pages = rec["pages"].as_array().unwrap();
    assert!(pages[0]["text"]
        .as_str()
        .unwrap()
        .ends_with("a jury trial of five days shall"));
    assert!(pages[1]["text"]
        .as_str()
        .unwrap()
        .starts_with("begin on June 2, 2025"));
    let (code, hits) = search(&["\"five days shall begin on June 2\""]);
    assert_eq!(code, Some(0));
    assert_eq!(
        names(&hits),
        [
            "cand-order-encrypted-no-password-01",
            "cand-order-scheduling-clauses-01"
        ]
    );
    let hit = hits
        .iter()
        .find(|h| h["path"].as_str().unwrap().contains("scheduling"))
        .unwrap();
    assert_eq!(hit["court_id"], "cand");
    assert_eq!(hit["case_numbers"][0], "3:23-cv-04512-ABC");
    assert_eq!(hit["filed"], "2024-03-14");
    assert_eq!(
        hit["title"],
        "ORDER SETTING CASE SCHEDULE AND REFERRING DISCOVERY DISPUTES"
    );
    assert_eq!(hit["id"], rec["source"]["sha256"]);
    let snippet = hit["snippet"].as_str().unwrap();
    let marked: Vec<&str> = hit["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &snippet[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize])
        .collect();
    assert!(marked.contains(&"shall"), "{marked:?} in {snippet}");
    // The same words, not as a phrase in that order, are not a phrase match.
    let (code, hits) = search(&["\"begin five shall\""]);
    assert_eq!((code, hits.len()), (Some(1), 0));
}

#[test]
fn court_filter_and_court_facet_query_give_that_courts_documents() {
    // The scan without a text layer has no caption, so no court id.
    let (_, hits) = search(&["--court", "caed", "*"]);
    assert_eq!(
        names(&hits),
        [
            "caed-brief-opposition-01",
            "caed-order-criminal-continuance-01",
            "caed-order-ocr-layer-01",
            "caed-order-ocr-layer-noisy-01"
        ]
    );
    let (_, hits) = search(&["court_id:/cacd"]);
    assert_eq!(
        names(&hits),
        [
            "cacd-minute-order-chambers-01",
            "cacd-proposed-order-attachment-01",
            "cacd-stipulation-proposed-order-01"
        ]
    );
    // A filter narrows a text query: "mediation" is in the cacd stipulation and elsewhere.
    let (_, all) = search(&["mediation"]);
    let (_, cacd) = search(&["--court", "CACD", "mediation"]);
    assert!(all.len() > cacd.len() && !cacd.is_empty(), "{all:?}");
    assert!(cacd.iter().all(|h| h["court_id"] == "cacd"));
}

#[test]
fn filed_date_range_is_inclusive_and_exact() {
    // Filed Aug.-Oct. 2023: 2023-08-09, 2023-08-29, 2023-09-27 and 2023-10-16, per the golden
    // ecf.filed.
    let (_, hits) = search(&[
        "--filed-after",
        "2023-08-09",
        "--filed-before",
        "2023-10-16",
        "*",
    ]);
    assert_eq!(
        names(&hits),
        [
            "caed-brief-opposition-01",
            "cand-notice-appearance-01",
            "dcd-order-fees-schedule-01",
            "waed-verdict-form-01"
        ]
    );
    let (_, hits) = search(&[
        "--filed-after",
        "2023-09-27",
        "--filed-before",
        "2023-09-27",
        "*",
    ]);
    assert_eq!(names(&hits), ["waed-verdict-form-01"]);
    let (_, hits) = search(&["--filed-before", "2023-08-31", "*"]);
    assert_eq!(
        names(&hits),
        ["cand-notice-appearance-01", "dcd-order-fees-schedule-01"]
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
    let (_, hits) = search(&["--judge", "morcott", "*"]);
    assert_eq!(names(&hits), ["nysd-order-stay-discovery-01"]);
    assert_eq!(hits[0]["judge"], "RAYMOND G. MORCOTT");
    let (_, hits) = search(&["--judge", "Lena Kowalczyk", "*"]);
    assert_eq!(names(&hits), ["dcd-order-fees-schedule-01"]);
    let (code, hits) = search(&["--judge", "Raymond Kowalczyk", "*"]);
    assert_eq!((code, hits.len()), (Some(1), 0), "every word must match");
}

#[test]
fn hits_are_ranked_by_score_and_limited() {
    let (_, hits) = search(&["mediation OR mediator OR discovery"]);
    assert!(hits.len() >= 3, "{hits:?}");
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    let (_, top) = search(&["--limit", "2", "mediation OR mediator OR discovery"]);
    assert_eq!(top, hits[..2]);
}

#[test]
fn plain_output_marks_highlights_with_stars_when_not_a_terminal() {
    let out = ordex()
        .args(["search", "--index"])
        .arg(&fixture_index().0)
        .arg("\"speedy trial\"")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("1. ORDER CONTINUING STATUS CONFERENCE AND EXCLUDING TIME"),
        "{text}"
    );
    assert!(
        text.contains("caed · 1:22-cr-00123-ABC · filed 2023-11-02"),
        "{text}"
    );
    // Stemmed: the phrase "discovery dispute" matches "discovery disputes" too.
    let out = ordex()
        .args(["search", "--index"])
        .arg(&fixture_index().0)
        .arg("\"discovery dispute\"")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("**discovery** **disputes**"), "{text}");
}

#[test]
fn records_index_and_reindexing_replace_never_duplicate() {
    let dir = scratch("records");
    std::fs::create_dir_all(&dir).unwrap();
    let jsonl = dir.join("records.jsonl");
    let out = ordex()
        .args(["extract", "--no-ocr", "-j", "2", "-o"])
        .arg(&jsonl)
        .arg(common::fixtures())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    for line in std::fs::read_to_string(&jsonl).unwrap().lines() {
        common::assert_fits_schema("extract -o", &serde_json::from_str(line).unwrap());
    }
    let index = dir.join("index");
    let n = ok_count();
    for _ in 0..2 {
        let out = ordex()
            .args(["index", "--index"])
            .arg(&index)
            .arg("--records")
            .arg(&jsonl)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let want = format!("{n} documents indexed, 3 error records skipped, {n} in the index");
        assert!(stderr(&out).contains(&want), "{want}: {}", stderr(&out));
    }
    // The PDFs themselves, into the same index: same sha256s, so still n.
    let out = ordex()
        .args(["index", "--index"])
        .arg(&index)
        .arg(common::fixtures().join("caed-order-criminal-continuance-01.pdf"))
        .arg(common::fixtures().join("ca11-order-clerk-extension-01.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let want = format!("2 documents indexed, 0 error records skipped, {n} in the index");
    assert!(stderr(&out).contains(&want), "{want}: {}", stderr(&out));
    let out = ordex()
        .args(["search", "--json", "--index"])
        .arg(&index)
        .arg("\"discovery dispute\"")
        .output()
        .unwrap();
    // The scheduling order and its encrypted copy, once each.
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
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

/// The fixtures a `--case` of `key` (normalized, with its office if `office` is one) should
/// find, read off the golden records: those that hold the key, or hold it without the office
/// and no other office's.
fn of_case(key: &str, office: Option<u8>) -> Vec<String> {
    let mut out: Vec<String> = common::fixture_pdfs()
        .iter()
        .filter(|p| {
            let text = std::fs::read_to_string(p.with_extension("json")).unwrap();
            let rec: Value = serde_json::from_str(&text).unwrap();
            let numbers: Vec<String> = rec["caption"]["case_numbers_normalized"]
                .as_array()
                .unwrap()
                .iter()
                .chain(std::iter::once(&rec["ecf"]["case_number_normalized"]))
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect();
            let offices: Vec<&str> = numbers
                .iter()
                .filter_map(|n| n.strip_suffix(&format!(":{key}")))
                .collect();
            let bare = numbers.iter().any(|n| n == key);
            rec["status"] == "ok"
                && match office {
                    None => bare || !offices.is_empty(),
                    Some(o) => {
                        offices.contains(&o.to_string().as_str()) || (bare && offices.is_empty())
                    }
                }
        })
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

#[test]
fn a_case_is_found_by_its_number_in_any_printed_form() {
    // The nysd order's caption prints "23 Civ. 7719 (RGM)", its stamp and the letter's stamp
    // "1:23-cv-07719-RGM".
    let every = of_case("23-cv-07719", None);
    assert!(every.len() >= 2, "{every:?}");
    assert_eq!(of_case("23-cv-07719", Some(1)), every);
    for printed in [
        "1:23-cv-07719-RGM",
        "1:23-cv-7719",
        "23-cv-7719",
        "23 Civ. 7719 (RGM)",
        "Case No. 1:23-cv-07719",
    ] {
        let (code, hits) = search(&["--case", printed]);
        assert_eq!(code, Some(0), "{printed}");
        assert_eq!(names(&hits), every, "{printed}");
    }
    // Another office is another case: only papers printing no office, and none of them here.
    let (code, hits) = search(&["--case", "2:23-cv-07719"]);
    assert_eq!(names(&hits), of_case("23-cv-07719", Some(2)));
    assert_eq!(code, Some(if hits.is_empty() { 1 } else { 0 }));
    // With a query and with --type: the case's letter alone.
    let (_, hits) = search(&["--case", "23-cv-7719", "--type", "letter"]);
    assert_eq!(names(&hits), ["nysd-letter-extension-01"]);
    assert!(hits.iter().all(|h| h["doc_type"] == "letter"));
    let (_, hits) = search(&["--case", "23-cv-7719", "--type", "order"]);
    assert_eq!(names(&hits), ["nysd-order-stay-discovery-01"]);
    // A number no court form reads is looked for as printed.
    let (code, hits) = search(&["--case", "2099-77-0001"]);
    assert_eq!((code, hits.len()), (Some(1), 0));
}

#[test]
fn every_fixture_case_number_finds_its_papers() {
    // Each normalized number of each golden record, given as the stamp or caption printed it,
    // finds at least that record.
    let mut tried = 0;
    for pdf in common::fixture_pdfs() {
        let text = std::fs::read_to_string(pdf.with_extension("json")).unwrap();
        let rec: Value = serde_json::from_str(&text).unwrap();
        if rec["status"] != "ok" {
            continue;
        }
        let name = pdf.file_stem().unwrap().to_string_lossy().into_owned();
        let printed = rec["caption"]["case_numbers"]
            .as_array()
            .unwrap()
            .iter()
            .chain(std::iter::once(&rec["ecf"]["case_number"]))
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect::<Vec<_>>();
        let keys: Vec<&str> = rec["caption"]["case_numbers_normalized"]
            .as_array()
            .unwrap()
            .iter()
            .chain(std::iter::once(&rec["ecf"]["case_number_normalized"]))
            .filter_map(Value::as_str)
            .collect();
        for number in printed {
            // Only a number read as the record reads it (a district court's "Case No.
            // 19-05257" has no type, so no key, in the record).
            let asked = ordex::index::search::case_query_keys(&number);
            if !asked.iter().any(|k| keys.contains(&k.as_str())) {
                continue;
            }
            tried += 1;
            let (_, hits) = search(&["--case", &number, "--limit", "100"]);
            let found = names(&hits);
            assert!(
                found.contains(&name),
                "{name}: --case {number:?} gives {found:?}"
            );
        }
    }
    assert!(tried >= 10, "{tried} numbers tried");
}

#[test]
fn sha1_and_recap_keys_are_indexed_and_shown() {
    let dir = scratch("recap");
    std::fs::create_dir_all(dir.join("in")).unwrap();
    let named = dir.join("in/gov.uscourts.nvd.123456.42.0_1.pdf");
    std::fs::copy(
        common::fixtures().join("ca11-order-clerk-extension-01.pdf"),
        &named,
    )
    .unwrap();
    let index = dir.join("index");
    let out = ordex()
        .args(["index", "--index"])
        .arg(&index)
        .arg(&named)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let record = ordex()
        .args(["extract", "--no-ocr"])
        .arg(&named)
        .output()
        .unwrap();
    let record: Value = serde_json::from_slice(&record.stdout).unwrap();
    let sha1 = record["source"]["sha1"].as_str().unwrap();
    let find = |query: &str| -> Vec<Value> {
        let out = ordex()
            .args(["search", "--json", "--query-syntax", "tantivy", "--index"])
            .arg(&index)
            .arg(query)
            .output()
            .unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    for query in [
        format!("sha1:{sha1}"),
        "recap_court_id:nvd".to_string(),
        "recap_pacer_case_id:123456 AND recap_document_number:42".to_string(),
        "recap_attachment_number:0".to_string(),
    ] {
        let hits = find(&query);
        assert_eq!(hits.len(), 1, "{query}");
        assert_eq!(hits[0]["sha1"], sha1);
        assert_eq!(hits[0]["recap"], record["source"]["recap"]);
    }
    assert!(find("recap_document_number:43").is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}
