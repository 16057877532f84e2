//! The record schema, schema/ordex-1.json: `ordex schema` prints it, it is a valid draft
//! 2020-12 schema naming `ordex/1`, and it is strict: a record with a field of the wrong type,
//! a required field missing, a field it does not know, or an ok record with an error, fails.
//! (That every record the tests make fits it is checked where they are made: golden.rs,
//! cli.rs, index.rs, real_documents.rs.)

mod common;

use serde_json::{json, Value};
use std::process::Command;

fn schema_file() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/ordex-1.json");
    std::fs::read_to_string(path).unwrap()
}

/// A golden record of an ok document, and one of an error.
fn golden(name: &str) -> Value {
    let text = std::fs::read_to_string(common::fixtures().join(format!("{name}.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn ok_record() -> Value {
    golden("nysd-order-stay-discovery-01")
}

#[test]
fn ordex_schema_prints_the_committed_schema() {
    let out = Command::new(env!("CARGO_BIN_EXE_ordex"))
        .arg("schema")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), schema_file());
}

#[test]
fn the_schema_is_draft_2020_12_and_names_the_records_schema() {
    let schema: Value = serde_json::from_str(&schema_file()).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(
        jsonschema::meta::is_valid(&schema),
        "valid against its metaschema"
    );
    assert_eq!(
        schema["properties"]["schema"]["const"],
        ordex::record::SCHEMA
    );
    assert_eq!(schema["additionalProperties"], false);
}

#[test]
fn good_records_fit() {
    common::assert_fits_schema("ok", &ok_record());
    let err = golden("broken-html-session-expired-01");
    assert_eq!(err["status"], "error");
    common::assert_fits_schema("error", &err);
    // A record as a run writes it: with ordex_version, and RECAP keys.
    let mut stamped = ok_record();
    stamped["ordex_version"] = json!("0.1.0");
    stamped["source"]["recap"] = json!({"court_id": "nvd", "pacer_case_id": "123456",
        "document_number": "42", "attachment_number": 0});
    common::assert_fits_schema("stamped", &stamped);
    // A path that is not UTF-8 has its bytes in hex.
    let mut bytes = ok_record();
    bytes["source"]["path_bytes"] = json!("2f612fff2e706466");
    common::assert_fits_schema("path_bytes", &bytes);
}

/// A way to break a record: what it is, where the error must be, the change.
type Breakage = (&'static str, &'static str, fn(&mut Value));

/// Each change to a good record must make it fail, naming where.
#[test]
fn broken_records_fail() {
    let cases: Vec<Breakage> = vec![
        ("pages as a string", "/pages", |r| r["pages"] = json!("1")),
        ("source.bytes negative", "/source/bytes", |r| {
            r["source"]["bytes"] = json!(-1)
        }),
        ("caption.title missing", "/caption", |r| {
            r["caption"].as_object_mut().unwrap().remove("title");
        }),
        ("source.sha1 missing", "/source", |r| {
            r["source"].as_object_mut().unwrap().remove("sha1");
        }),
        ("a field the schema does not know", "", |r| {
            r["extra"] = json!(1)
        }),
        ("a field inside source it does not know", "/source", |r| {
            r["source"]["sha512"] = json!("00")
        }),
        ("an ok record with an error", "/error", |r| {
            r["error"] = json!({"kind": "io", "message": "x"})
        }),
        ("an unknown error kind", "/error", |r| {
            r["status"] = json!("error");
            r["ecf"] = Value::Null;
            r["parts"] = json!([]);
            r["pages"] = json!([]);
            r["error"] = json!({"kind": "exploded", "message": "x"});
        }),
        ("a sha1 of the wrong length", "/source/sha1", |r| {
            r["source"]["sha1"] = json!("abc")
        }),
        ("recap with a number as text", "/source/recap", |r| {
            r["source"]["recap"] = json!({"court_id": "nvd", "pacer_case_id": "1",
                "document_number": "2", "attachment_number": "0"})
        }),
        ("an unknown doc_type", "/doc_type", |r| {
            r["doc_type"] = json!("memo")
        }),
        ("a date that is no date", "/signature/date", |r| {
            r["signature"]["date"] = json!("2021-02-30")
        }),
        ("page 0", "/pages/0/number", |r| {
            r["pages"][0]["number"] = json!(0)
        }),
        ("another schema name", "/schema", |r| {
            r["schema"] = json!("ordex/2")
        }),
        (
            "a party role outside the list",
            "/caption/parties/0/role",
            |r| r["caption"]["parties"][0]["role"] = json!("witness"),
        ),
    ];
    for (what, at, break_it) in cases {
        let mut rec = ok_record();
        break_it(&mut rec);
        let errors = common::schema_errors(&rec);
        assert!(
            !errors.is_empty(),
            "{what}: the broken record fits the schema"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with(&format!("{at}:")) || (!at.is_empty() && e.starts_with(at))),
            "{what}: no error at {at:?}: {errors:?}"
        );
    }
}
