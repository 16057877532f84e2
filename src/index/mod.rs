//! Feed a search index: the embedded tantivy index behind `ordex index` and `ordex search`,
//! and the OpenSearch/Elasticsearch `_bulk` output ([`bulk`]).
//!
//! The index is built from records as JSON values (`serde_json::Value`), so that records fresh
//! from extraction and records read back from a JSON Lines file take one path:
//! [`IndexDoc::from_record`] picks the indexed fields, [`IndexSink`] writes them. Only records
//! with status "ok" and a sha256 are indexed; error records are counted and skipped (they have
//! no text to find, and an unreadable file has no sha256 to key it).
//!
//! ## Schema (one tantivy document per PDF)
//!
//! | field | kind | from the record |
//! |---|---|---|
//! | `id` | raw string, stored | `source.sha256`: the document id; re-indexing replaces |
//! | `sha1` | raw string, stored | `source.sha1` (CourtListener's key for a RECAP document) |
//! | `path` | raw string, stored | `source.path` |
//! | `recap_court_id`, `recap_pacer_case_id`, `recap_document_number`, `recap_attachment_number` | raw strings, stored | `source.recap.*` (the number as decimal text) |
//! | `doc_type` | raw string, stored | `doc_type` (`order`, `motion`, ...) |
//! | `court_id` | facet `/cacd`, stored | `caption.court_id` |
//! | `court` | text, stored | `caption.court` |
//! | `case_number` | text, stored | `caption.case_numbers[]` as printed |
//! | `case_number_normalized` | raw string, stored | `caption.case_numbers_normalized[]` and `ecf.case_number_normalized`, each also without its office digit ([`case_keys`]) |
//! | `ecf_document_number` | raw string, stored | `ecf.document_number` |
//! | `filed`, `signed` | date (indexed, fast, stored; day precision in practice) | `ecf.filed`, `signature.date` |
//! | `judge` | text, stored | `signature.judge`, else `caption.judge` |
//! | `title` | English text, stored | `caption.title` |
//! | `party`, `party_role` | text / raw string, stored | `caption.parties[].name`, `.role` |
//! | `body` | English text with positions, stored | `body.text` (reflowed across pages) |
//! | `clause` | English text with positions | `order.clauses[].text` |
//!
//! English text uses tantivy's `en_stem` analyser (lower case, Porter stemmer); names use the
//! default analyser (lower case, no stemming), so "Holland" finds "RUTH MADSEN HOLLAND".
//!
//! This module does file I/O (the index folder) and nothing else: no PDF, no terminal.

pub mod bulk;
pub mod search;
pub mod snippet;

use serde_json::Value;
use std::path::Path;
use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption, Schema,
    TextFieldIndexing, TextOptions, STORED, STRING,
};
use tantivy::{DateTime, Index, IndexWriter, TantivyDocument, Term};

/// Commit after this many documents, so that a long run keeps its work if stopped.
const COMMIT_EVERY: usize = 5_000;
/// The indexing memory budget shared by tantivy's writer threads.
const WRITER_MEMORY: usize = 128 << 20;

/// What can go wrong with the index (per run, not per document). Each message says it all:
/// none has a `source()` to print again after it.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// tantivy failed: I/O in the index folder, a lock held by another writer, a bad schema.
    #[error("index: {0}")]
    Tantivy(tantivy::TantivyError),
    /// The folder could not be created or opened.
    #[error("index folder {path}: {message}")]
    Folder {
        /// The folder.
        path: String,
        /// What failed.
        message: String,
    },
    /// The query does not parse, or is past a cap (words, nesting).
    #[error("query: {0}")]
    Query(String),
    /// A date flag is not YYYY-MM-DD.
    #[error("not a date (YYYY-MM-DD): {0}")]
    Date(String),
}

impl From<tantivy::TantivyError> for IndexError {
    fn from(e: tantivy::TantivyError) -> Self {
        IndexError::Tantivy(e)
    }
}

impl From<tantivy::query::QueryParserError> for IndexError {
    fn from(e: tantivy::query::QueryParserError) -> Self {
        IndexError::Query(e.to_string())
    }
}

/// The fields of the ordex index schema, by name.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub id: Field,
    pub sha1: Field,
    pub path: Field,
    pub recap_court_id: Field,
    pub recap_pacer_case_id: Field,
    pub recap_document_number: Field,
    pub recap_attachment_number: Field,
    pub doc_type: Field,
    pub court_id: Field,
    pub court: Field,
    pub case_number: Field,
    pub case_number_normalized: Field,
    pub ecf_document_number: Field,
    pub filed: Field,
    pub signed: Field,
    pub judge: Field,
    pub title: Field,
    pub party: Field,
    pub party_role: Field,
    pub body: Field,
    pub clause: Field,
}

/// The index schema and its fields.
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let english = |stored: bool| {
        let opts = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("en_stem")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        if stored {
            opts.set_stored()
        } else {
            opts
        }
    };
    let names = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("default")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let date = DateOptions::default()
        .set_indexed()
        .set_fast()
        .set_stored()
        .set_precision(DateTimePrecision::Seconds);
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        sha1: b.add_text_field("sha1", STRING | STORED),
        path: b.add_text_field("path", STRING | STORED),
        recap_court_id: b.add_text_field("recap_court_id", STRING | STORED),
        recap_pacer_case_id: b.add_text_field("recap_pacer_case_id", STRING | STORED),
        recap_document_number: b.add_text_field("recap_document_number", STRING | STORED),
        recap_attachment_number: b.add_text_field("recap_attachment_number", STRING | STORED),
        doc_type: b.add_text_field("doc_type", STRING | STORED),
        court_id: b.add_facet_field("court_id", FacetOptions::default().set_stored()),
        court: b.add_text_field("court", names.clone()),
        case_number: b.add_text_field("case_number", names.clone()),
        case_number_normalized: b.add_text_field("case_number_normalized", STRING | STORED),
        ecf_document_number: b.add_text_field("ecf_document_number", STRING | STORED),
        filed: b.add_date_field("filed", date.clone()),
        signed: b.add_date_field("signed", date),
        judge: b.add_text_field("judge", names.clone()),
        title: b.add_text_field("title", english(true)),
        party: b.add_text_field("party", names),
        party_role: b.add_text_field("party_role", STRING | STORED),
        body: b.add_text_field("body", english(true)),
        clause: b.add_text_field("clause", english(false)),
    };
    (b.build(), fields)
}

/// The indexed part of one record, as plain data.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndexDoc {
    pub id: String,
    /// `source.sha1`.
    pub sha1: Option<String>,
    pub path: String,
    /// `source.recap`.
    pub recap: Option<crate::recap::Recap>,
    /// `doc_type`.
    pub doc_type: Option<String>,
    pub court_id: Option<String>,
    pub court: Option<String>,
    pub case_numbers: Vec<String>,
    pub case_numbers_normalized: Vec<String>,
    pub ecf_document_number: Option<String>,
    /// YYYY-MM-DD.
    pub filed: Option<String>,
    /// YYYY-MM-DD.
    pub signed: Option<String>,
    pub judge: Option<String>,
    pub title: Option<String>,
    /// (name, role).
    pub parties: Vec<(String, String)>,
    pub body: String,
    pub clauses: Vec<String>,
}

impl IndexDoc {
    /// The indexed fields of a record (schema `ordex/1`, as JSON); None for an error record or
    /// one without a sha256.
    pub fn from_record(rec: &Value) -> Option<IndexDoc> {
        if rec["status"] != "ok" {
            return None;
        }
        let id = text(&rec["source"]["sha256"])?;
        let caption = &rec["caption"];
        let strings = |v: &Value| -> Vec<String> {
            v.as_array()
                .map(|a| a.iter().filter_map(text).collect())
                .unwrap_or_default()
        };
        Some(IndexDoc {
            id,
            sha1: text(&rec["source"]["sha1"]),
            path: text(&rec["source"]["path"]).unwrap_or_default(),
            recap: serde_json::from_value(rec["source"]["recap"].clone()).ok(),
            doc_type: text(&rec["doc_type"]),
            court_id: text(&caption["court_id"]),
            court: text(&caption["court"]),
            case_numbers: strings(&caption["case_numbers"]),
            case_numbers_normalized: case_keys(rec),
            ecf_document_number: text(&rec["ecf"]["document_number"]),
            filed: text(&rec["ecf"]["filed"]),
            signed: text(&rec["signature"]["date"]),
            judge: text(&rec["signature"]["judge"]).or_else(|| text(&caption["judge"])),
            title: text(&caption["title"]),
            parties: caption["parties"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|p| Some((text(&p["name"])?, text(&p["role"])?)))
                        .collect()
                })
                .unwrap_or_default(),
            body: text(&rec["body"]["text"]).unwrap_or_default(),
            clauses: rec["order"]["clauses"]
                .as_array()
                .map(|a| a.iter().filter_map(|c| text(&c["text"])).collect())
                .unwrap_or_default(),
        })
    }
}

/// The normalized case numbers of a record, caption's and stamp's, each also without its office
/// digit: a caption prints "CV 16-6794" where the stamp prints "2:16-cv-06794", so that
/// `case_number_normalized:16-cv-06794` finds every paper of the case, printed with the office
/// or not (`docs/case-numbers.md`).
pub fn case_keys(rec: &Value) -> Vec<String> {
    let caption = rec["caption"]["case_numbers_normalized"]
        .as_array()
        .into_iter()
        .flatten();
    let mut keys: Vec<String> = Vec::new();
    for n in caption
        .chain(std::iter::once(&rec["ecf"]["case_number_normalized"]))
        .filter_map(text)
    {
        let bare = crate::case_number::without_office(&n).to_string();
        for k in [n, bare] {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys
}

/// A non-empty string value.
fn text(v: &Value) -> Option<String> {
    v.as_str()
        .filter(|s| !s.trim().is_empty())
        .map(str::to_string)
}

/// Turn an [`IndexDoc`] into a tantivy document of the [`schema`].
pub fn to_tantivy(doc: &IndexDoc, f: &Fields) -> TantivyDocument {
    let mut d = TantivyDocument::new();
    d.add_text(f.id, &doc.id);
    d.add_text(f.path, &doc.path);
    if let Some(sha1) = &doc.sha1 {
        d.add_text(f.sha1, sha1);
    }
    if let Some(r) = &doc.recap {
        d.add_text(f.recap_court_id, &r.court_id);
        d.add_text(f.recap_pacer_case_id, &r.pacer_case_id);
        d.add_text(f.recap_document_number, &r.document_number);
        d.add_text(f.recap_attachment_number, r.attachment_number.to_string());
    }
    if let Some(court_id) = &doc.court_id {
        d.add_facet(f.court_id, court_facet(court_id));
    }
    let mut add = |field: Field, value: &Option<String>| {
        if let Some(v) = value {
            d.add_text(field, v);
        }
    };
    add(f.court, &doc.court);
    add(f.doc_type, &doc.doc_type);
    add(f.ecf_document_number, &doc.ecf_document_number);
    add(f.judge, &doc.judge);
    add(f.title, &doc.title);
    for n in &doc.case_numbers {
        d.add_text(f.case_number, n);
    }
    for n in &doc.case_numbers_normalized {
        d.add_text(f.case_number_normalized, n);
    }
    for (field, day) in [(f.filed, &doc.filed), (f.signed, &doc.signed)] {
        if let Some(date) = day.as_deref().and_then(parse_day) {
            d.add_date(field, date);
        }
    }
    for (name, role) in &doc.parties {
        d.add_text(f.party, name);
        d.add_text(f.party_role, role);
    }
    d.add_text(f.body, &doc.body);
    for c in &doc.clauses {
        d.add_text(f.clause, c);
    }
    d
}

/// The facet of a court id: `cacd` → `/cacd`.
pub fn court_facet(court_id: &str) -> tantivy::schema::Facet {
    tantivy::schema::Facet::from_path([court_id.trim().to_lowercase()])
}

/// "YYYY-MM-DD" as a tantivy date (midnight UTC); None unless it is a real calendar day.
pub fn parse_day(s: &str) -> Option<DateTime> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if d == 0 || d > crate::dates::days_in_month(y, m)? {
        return None;
    }
    Some(DateTime::from_timestamp_secs(
        days_from_civil(y as i64, m as i64, d as i64) * 86_400,
    ))
}

/// A tantivy date back as "YYYY-MM-DD".
pub fn format_day(date: DateTime) -> String {
    let (y, m, d) = civil_from_days(date.into_timestamp_secs().div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// Open the ordex index in `dir`, creating the folder and an empty index if needed. An index of
/// another schema is an error, never overwritten; so is a folder that holds anything but an
/// ordex index (no index is written into it).
pub fn open(dir: &Path) -> Result<(Index, Fields), IndexError> {
    let folder_err = |e: &dyn std::fmt::Display| IndexError::Folder {
        path: dir.display().to_string(),
        message: e.to_string(),
    };
    match std::fs::metadata(dir) {
        Ok(m) if !m.is_dir() => return Err(folder_err(&"not a folder")),
        Ok(_) => {
            let mut entries = std::fs::read_dir(dir).map_err(|e| folder_err(&e))?;
            if entries.next().is_some() {
                if !dir.join("meta.json").is_file() {
                    return Err(folder_err(
                        &"holds files but no ordex index; not writing an index into it (use                           a new or empty folder)",
                    ));
                }
                return open_existing(dir);
            }
        }
        Err(_) => {}
    }
    std::fs::create_dir_all(dir).map_err(|e| folder_err(&e))?;
    let mmap = tantivy::directory::MmapDirectory::open(dir).map_err(|e| folder_err(&e))?;
    let (schema, fields) = schema();
    let index = Index::open_or_create(mmap, schema)?;
    Ok((index, fields))
}

/// Open an existing index for reading; a folder without one is an error (not created).
pub fn open_existing(dir: &Path) -> Result<(Index, Fields), IndexError> {
    let index = Index::open_in_dir(dir).map_err(|e| IndexError::Folder {
        path: dir.display().to_string(),
        message: e.to_string(),
    })?;
    let (schema, fields) = schema();
    if index.schema() != schema {
        return Err(IndexError::Folder {
            path: dir.display().to_string(),
            message: "not an ordex index (its schema differs); index again into a new folder"
                .to_string(),
        });
    }
    Ok((index, fields))
}

/// Totals of an indexing run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IndexSummary {
    /// Documents written (each replacing any earlier one with the same sha256).
    pub indexed: usize,
    /// Error records (or records without a sha256) left out.
    pub skipped: usize,
    /// Documents in the index after the run.
    pub total: u64,
}

/// The writing end of the index: add records, then [`IndexSink::finish`].
pub struct IndexSink {
    index: Index,
    writer: IndexWriter,
    fields: Fields,
    since_commit: usize,
    summary: IndexSummary,
}

impl IndexSink {
    /// Open (or create) the index in `dir` for writing. Holds tantivy's writer lock until
    /// finished or dropped.
    pub fn open(dir: &Path) -> Result<IndexSink, IndexError> {
        let (index, fields) = open(dir)?;
        let writer = index.writer(WRITER_MEMORY)?;
        Ok(IndexSink {
            index,
            writer,
            fields,
            since_commit: 0,
            summary: IndexSummary::default(),
        })
    }

    /// Index one record (as JSON). Returns whether it was indexed (false: error record,
    /// skipped). The last record of a path is the one that counts: what the index held for
    /// its path is removed first (an error record leaves the path out); a document with the
    /// same sha256 (the same file under another path) is replaced.
    pub fn add(&mut self, rec: &Value) -> Result<bool, IndexError> {
        if let Some(path) = rec["source"]["path"].as_str() {
            self.writer
                .delete_term(Term::from_field_text(self.fields.path, path));
        }
        let Some(doc) = IndexDoc::from_record(rec) else {
            self.summary.skipped += 1;
            return Ok(false);
        };
        self.writer
            .delete_term(Term::from_field_text(self.fields.id, &doc.id));
        self.writer.add_document(to_tantivy(&doc, &self.fields))?;
        self.summary.indexed += 1;
        self.since_commit += 1;
        if self.since_commit >= COMMIT_EVERY {
            self.writer.commit()?;
            self.since_commit = 0;
        }
        Ok(true)
    }

    /// Path → sha256 of every document the index holds (as committed): what a rerun need not
    /// read again. Read from the term dictionaries, not from the stored documents.
    pub fn indexed(&self) -> Result<std::collections::HashMap<String, String>, IndexError> {
        use tantivy::{DocSet, TERMINATED};
        let searcher = self.index.reader()?.searcher();
        let mut out = std::collections::HashMap::new();
        for segment in searcher.segment_readers() {
            let alive = segment.alive_bitset();
            let values = |field: Field| -> Result<Vec<Option<String>>, IndexError> {
                let mut by_doc = vec![None; segment.max_doc() as usize];
                let inverted = segment.inverted_index(field)?;
                let mut terms = inverted
                    .terms()
                    .stream()
                    .map_err(tantivy::TantivyError::from)?;
                while terms.advance() {
                    let text = String::from_utf8_lossy(terms.key()).into_owned();
                    let mut postings = inverted
                        .read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)
                        .map_err(tantivy::TantivyError::from)?;
                    while postings.doc() != TERMINATED {
                        let d = postings.doc();
                        if alive.is_none_or(|a| a.is_alive(d)) {
                            if let Some(slot) = by_doc.get_mut(d as usize) {
                                *slot = Some(text.clone());
                            }
                        }
                        postings.advance();
                    }
                }
                Ok(by_doc)
            };
            let paths = values(self.fields.path)?;
            let ids = values(self.fields.id)?;
            for (path, id) in paths.into_iter().zip(ids) {
                if let (Some(path), Some(id)) = (path, id) {
                    out.insert(path, id);
                }
            }
        }
        Ok(out)
    }

    /// Commit, wait for merges, and count the documents in the index.
    pub fn finish(mut self) -> Result<IndexSummary, IndexError> {
        self.writer.commit()?;
        self.writer.wait_merging_threads()?;
        let reader = self.index.reader()?;
        self.summary.total = reader.searcher().num_docs();
        Ok(self.summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_and_reject_impossible_dates() {
        let check = |s: &str, secs: Option<i64>| {
            let got = parse_day(s);
            assert_eq!(got.map(|d| d.into_timestamp_secs()), secs, "{s}");
            if let Some(d) = got {
                assert_eq!(format_day(d), s);
            }
        };
        check("1970-01-01", Some(0));
        check("2020-10-22", Some(1_603_324_800));
        check("2000-02-29", Some(951_782_400));
        check("1969-12-31", Some(-86_400));
        check("2021-02-29", None);
        check("2021-13-01", None);
        check("2021-1-01", None);
        check("20x1-01-01", None);
    }

    #[test]
    fn case_keys_with_and_without_the_office() {
        let rec = serde_json::json!({
            "caption": {"case_numbers_normalized": ["16-cv-06794", "19-01234"]},
            "ecf": {"case_number_normalized": "2:16-cv-06794"}});
        assert_eq!(
            case_keys(&rec),
            ["16-cv-06794", "19-01234", "2:16-cv-06794"]
        );
        let none = serde_json::json!({"caption": {}, "ecf": null});
        assert!(case_keys(&none).is_empty());
    }

    #[test]
    fn error_records_and_records_without_sha256_are_not_indexed() {
        let ok = serde_json::json!({"status": "ok", "source": {"sha256": "ab", "path": "a.pdf"},
            "caption": {"judge": "CAPTION JUDGE", "parties": [{"name": "A", "role": "plaintiff"}]},
            "signature": {"judge": null}, "body": {"text": "t"}, "order": {"clauses": []}});
        let doc = IndexDoc::from_record(&ok).unwrap();
        assert_eq!(doc.judge.as_deref(), Some("CAPTION JUDGE"));
        assert_eq!((doc.sha1, doc.recap), (None, None));
        assert_eq!(
            doc.parties,
            vec![("A".to_string(), "plaintiff".to_string())]
        );
        let mut err = ok.clone();
        err["status"] = "error".into();
        assert_eq!(IndexDoc::from_record(&err), None);
        let mut no_id = ok;
        no_id["source"]["sha256"] = Value::Null;
        assert_eq!(IndexDoc::from_record(&no_id), None);
    }
}
