//! OpenSearch / Elasticsearch `_bulk` output: for each record, an action line
//! `{"index":{"_id":"<sha256>"}}` then the document, one JSON a line (NDJSON).
//!
//! - The action names no `_index`: the index is in the URL (`POST /orders/_bulk`), so one file
//!   loads into any index name. `index` (not `create`) replaces a document loaded before, keyed
//!   by the file's sha256, so loading twice never duplicates.
//! - The document is the record minus `pages[].text` and `body.paragraphs`: both repeat
//!   `body.text` (the whole text, reflowed), and dropping them keeps documents about a third of
//!   the size. Page geometry and flags stay in `pages[]`.
//! - Error records (status "error") are not written: a bulk user loads documents to search, an
//!   error has nothing to find and may have no sha256 to key it. `ordex extract` still counts
//!   them and reports each on standard error, and exits 1.
//!
//! The mapping these documents fit is `docs/opensearch-mapping.json` (`dynamic: strict`, so a
//! field the mapping lacks is refused by the cluster, not guessed).

use crate::record::Record;
use serde_json::{json, Value};
use std::io::{self, Write};

/// The bulk document of a record (as JSON), or None for a record not written (error, or no
/// sha256).
pub fn bulk_document(rec: &Value) -> Option<Value> {
    if rec["status"] != "ok" {
        return None;
    }
    rec["source"]["sha256"].as_str()?;
    let mut doc = rec.clone();
    if let Some(pages) = doc["pages"].as_array_mut() {
        for page in pages {
            if let Some(page) = page.as_object_mut() {
                page.remove("text");
            }
        }
    }
    if let Some(body) = doc["body"].as_object_mut() {
        body.remove("paragraphs");
    }
    Some(doc)
}

/// The action line of a bulk document: `{"index":{"_id":"<sha256>"}}`.
pub fn action(doc: &Value) -> Value {
    json!({"index": {"_id": doc["source"]["sha256"]}})
}

/// Write a record as a bulk pair (action line, document line). Returns false, writing nothing,
/// for a record not written (see [`bulk_document`]).
pub fn write_record(out: &mut impl Write, rec: &Record) -> io::Result<bool> {
    let value = serde_json::to_value(rec)?;
    let Some(doc) = bulk_document(&value) else {
        return Ok(false);
    };
    serde_json::to_writer(&mut *out, &action(&doc))?;
    out.write_all(b"\n")?;
    serde_json::to_writer(&mut *out, &doc)?;
    out.write_all(b"\n")?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_page_text_and_paragraphs_and_error_records() {
        let rec = json!({"status": "ok", "source": {"sha256": "ab"},
            "body": {"text": "t", "paragraphs": [{"text": "t", "page": 1}]},
            "pages": [{"number": 1, "text": "t"}]});
        let doc = bulk_document(&rec).unwrap();
        assert_eq!(doc["body"], json!({"text": "t"}));
        assert_eq!(doc["pages"], json!([{"number": 1}]));
        assert_eq!(action(&doc).to_string(), r#"{"index":{"_id":"ab"}}"#);
        let mut err = rec.clone();
        err["status"] = "error".into();
        assert_eq!(bulk_document(&err), None);
        let mut no_id = rec;
        no_id["source"]["sha256"] = Value::Null;
        assert_eq!(bulk_document(&no_id), None);
    }
}
