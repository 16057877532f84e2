//! `ordex extract --format opensearch-bulk` on the fixtures, checked against the committed
//! mapping (docs/opensearch-mapping.json): action lines keyed by sha256, and every field of
//! every document typed in the mapping consistently with its JSON value.

mod common;

use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::process::Command;

fn mapping() -> Value {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/opensearch-mapping.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Check `value` at `path` against its mapping entry; push problems to `errors`.
fn check(value: &Value, entry: &Value, path: &str, errors: &mut Vec<String>) {
    let ty = entry["type"].as_str();
    let mut fail = |why: &str| errors.push(format!("{path}: {why} ({value})"));
    match value {
        Value::Null => {}
        Value::Array(items) => {
            for item in items {
                check(item, entry, path, errors);
            }
        }
        Value::Object(obj) => match (ty, entry["properties"].as_object()) {
            (None | Some("object" | "nested"), Some(props)) => {
                check_object(obj, props, path, errors)
            }
            _ => fail("an object, but the mapping has no properties for it"),
        },
        Value::String(s) => match ty {
            Some("keyword" | "text") => {}
            Some("date") => {
                assert_eq!(entry["format"], "strict_date", "{path}");
                if !is_day(s) {
                    fail("not a strict_date (yyyy-MM-dd)");
                }
            }
            _ => fail("a string, but not mapped as keyword, text or date"),
        },
        Value::Number(n) => match ty {
            Some("long") if n.is_i64() || n.is_u64() => {}
            Some("integer") if n.as_i64().is_some_and(|v| i32::try_from(v).is_ok()) => {}
            Some("float" | "double") => {}
            _ => fail("a number that does not fit the mapped type"),
        },
        Value::Bool(_) => {
            if ty != Some("boolean") {
                fail("a boolean, not mapped as boolean");
            }
        }
    }
}

fn check_object(
    obj: &Map<String, Value>,
    props: &Map<String, Value>,
    path: &str,
    errors: &mut Vec<String>,
) {
    for (key, value) in obj {
        let at = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        match props.get(key) {
            Some(entry) => check(value, entry, &at, errors),
            None => errors.push(format!("{at}: not in the mapping (dynamic is strict)")),
        }
    }
}

fn is_day(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s.bytes()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u32>().unwrap())
        && (1..=31).contains(&s[8..10].parse::<u32>().unwrap())
}

#[test]
fn mapping_is_strict_with_dates_keywords_and_english_body() {
    let m = mapping();
    let props = &m["mappings"]["properties"];
    assert_eq!(m["mappings"]["dynamic"], "strict");
    assert_eq!(
        props["caption"]["properties"]["court_id"]["type"],
        "keyword"
    );
    assert_eq!(props["source"]["properties"]["sha256"]["type"], "keyword");
    assert_eq!(props["ecf"]["properties"]["filed"]["type"], "date");
    assert_eq!(props["signature"]["properties"]["date"]["type"], "date");
    assert_eq!(props["body"]["properties"]["text"]["type"], "text");
    assert_eq!(props["body"]["properties"]["text"]["analyzer"], "english");
    assert_eq!(props["caption"]["properties"]["parties"]["type"], "nested");
}

#[test]
fn bulk_output_fits_the_mapping_and_is_keyed_by_sha256() {
    let out = Command::new(env!("CARGO_BIN_EXE_ordex"))
        .args([
            "extract",
            "--no-ocr",
            "-j",
            "2",
            "--format",
            "opensearch-bulk",
        ])
        .arg(common::fixtures())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "three fixtures fail");
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect();
    assert_eq!(lines.len() % 2, 0, "action and document lines in pairs");
    let mapping = mapping();
    let props = mapping["mappings"]["properties"].as_object().unwrap();
    let mut ids = BTreeSet::new();
    let mut errors = Vec::new();
    for pair in lines.chunks(2) {
        let (action, doc) = (&pair[0], &pair[1]);
        let id = doc["source"]["sha256"].as_str().unwrap();
        assert_eq!(action, &serde_json::json!({"index": {"_id": id}}));
        assert!(id.len() == 64 && id.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(doc["status"], "ok", "error records are not written");
        assert!(doc["body"].get("paragraphs").is_none());
        assert!(doc["pages"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p.get("text").is_none()));
        check_object(doc.as_object().unwrap(), props, "", &mut errors);
        ids.insert(id.to_string());
    }
    assert!(errors.is_empty(), "{errors:#?}");
    // Exactly the ok fixtures, by the sha256 in their golden records.
    let mut expected = BTreeSet::new();
    let pdfs = common::fixture_pdfs();
    for pdf in &pdfs {
        let path = pdf.with_extension("json");
        let rec: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        if rec["status"] == "ok" {
            expected.insert(rec["source"]["sha256"].as_str().unwrap().to_string());
        }
    }
    assert_eq!(ids, expected);
    // All but the three broken on purpose (zero-filled, HTML, a password needed).
    assert_eq!(ids.len(), pdfs.len() - 3);
}

#[test]
fn the_checker_refuses_what_a_strict_cluster_refuses() {
    let mapping = mapping();
    let props = mapping["mappings"]["properties"].as_object().unwrap();
    let bad = serde_json::json!({
        "extra": 1,
        "ecf": {"filed": "March 2, 2020"},
        "caption": {"court_id": 5, "parties": [{"name": "A", "role": "plaintiff"}]},
        "quality": {"needs_ocr": "no"}
    });
    let mut errors = Vec::new();
    check_object(bad.as_object().unwrap(), props, "", &mut errors);
    let mut paths: Vec<&str> = errors
        .iter()
        .map(|e| e.split(':').next().unwrap())
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "caption.court_id",
            "ecf.filed",
            "extra",
            "quality.needs_ocr"
        ]
    );
}
