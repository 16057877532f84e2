//! The output record, schema `ordex/1`: one per input, success or error.
//!
//! Every field is always present (null or empty where not found), so consumers and index
//! mappings see one stable shape; the one exception is `source.path_bytes`, there only for a
//! path that is not UTF-8. `schema/ordex-1.json` is the shape as a JSON Schema (draft
//! 2020-12), [`JSON_SCHEMA`] its text, and `docs/schema.md` says how it changes.

use crate::classify::{DocType, Part};
use crate::clean::{Ecf, Quality};
use crate::error::DocError;
use crate::recap::Recap;
use crate::segment::{Body, Caption, Footnote, Order, Signature};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::path::Path;

/// The schema name written in every record. It changes only when a field changes meaning (or
/// goes); a field added leaves it as it is.
pub const SCHEMA: &str = "ordex/1";

/// The JSON Schema (draft 2020-12) every record of [`SCHEMA`] fits, as `ordex schema` prints it.
pub const JSON_SCHEMA: &str = include_str!("../schema/ordex-1.json");

/// The version of ordex, as `ordex_version` states it in the records a run writes.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where a record came from.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Source {
    /// The path as given (or as found by walking a folder); a path that is not UTF-8 has its
    /// bytes in `path_bytes` and here each invalid byte is U+FFFD.
    pub path: String,
    /// The path's bytes in hex, only when the path is not UTF-8 (then `path` is lossy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_bytes: Option<String>,
    /// Hex SHA-256 of the file's bytes; the stable document id.
    pub sha256: Option<String>,
    /// Hex SHA-1 of the file's bytes: CourtListener's key for a RECAP document. Null exactly
    /// when `sha256` is.
    #[serde(default)]
    pub sha1: Option<String>,
    /// File size in bytes.
    pub bytes: u64,
    /// Number of pages (0 when the file could not be read).
    pub pages: usize,
    /// The PDF's `/Producer`, if any.
    pub producer: Option<String>,
    /// The court, case, docket entry and attachment that a RECAP file name
    /// (`gov.uscourts.cand.345242.197.8.pdf`) gives; null for any other name.
    #[serde(default)]
    pub recap: Option<Recap>,
}

impl Source {
    /// A source naming `path` (its bytes kept when it is not UTF-8), nothing else known yet.
    pub fn of_path(path: &Path) -> Source {
        let (path, path_bytes) = path_text(path);
        Source {
            path_bytes,
            ..Source::named(path)
        }
    }

    /// A source naming `path`, with the RECAP keys its file name gives.
    pub fn named(path: String) -> Source {
        Source {
            recap: crate::recap::of_path(&path),
            path,
            ..Source::default()
        }
    }
}

/// A path as a record states it: its text, and its bytes in hex when it is not UTF-8 (the text
/// is then lossy).
pub fn path_text(path: &Path) -> (String, Option<String>) {
    match path.to_str() {
        Some(s) => (s.to_string(), None),
        None => (
            path.to_string_lossy().into_owned(),
            Some(crate::hex(path.as_os_str().as_encoded_bytes())),
        ),
    }
}

/// The error of a failed document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ErrorInfo {
    /// One of io, empty, not_pdf, damaged, encrypted, panic, timeout, memory, crashed, limit
    /// ([`DocError::kind`]).
    pub kind: Cow<'static, str>,
    /// A message naming the cause.
    pub message: String,
}

/// One page's provenance: its geometry, what cleaning found, and its cleaned text.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct PageInfo {
    /// 1-based page number.
    pub number: usize,
    /// Width in points, as displayed.
    pub width: f64,
    /// Height in points, as displayed.
    pub height: f64,
    /// `/Rotate` in degrees.
    pub rotation: u16,
    /// Pleading line numbers were found (and removed) on this page.
    pub line_numbers: bool,
    /// The page has no real text beyond stamps.
    pub needs_ocr: bool,
    /// Mean word confidence (0..100) when the page was read by OCR, else null.
    pub ocr_confidence: Option<f64>,
    /// The page's text after cleaning, lines separated by newlines.
    pub text: String,
}

/// One output record.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    /// Always [`SCHEMA`].
    pub schema: Cow<'static, str>,
    /// The ordex that wrote the record ([`VERSION`]): set on every record a run writes
    /// (`extract`, `index`), absent from those the library's [`crate::process`] returns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordex_version: Option<Cow<'static, str>>,
    /// The input.
    pub source: Source,
    /// "ok" or "error".
    pub status: Cow<'static, str>,
    /// Set when status is "error".
    pub error: Option<ErrorInfo>,
    /// Soft problems: what was not found or looked wrong.
    pub warnings: Vec<String>,
    /// Text-layer quality flags.
    pub quality: Quality,
    /// The CM/ECF stamp, parsed.
    pub ecf: Option<Ecf>,
    /// What kind of paper the filing is (its first paper's type).
    pub doc_type: DocType,
    /// The signals that decided `doc_type`.
    pub doc_type_evidence: Vec<String>,
    /// The papers the PDF holds, with their types and pages.
    pub parts: Vec<Part>,
    /// Court, case numbers, parties, title.
    pub caption: Caption,
    /// The body between caption and signature.
    pub body: Body,
    /// The decretal part.
    pub order: Order,
    /// Date, judge, title.
    pub signature: Signature,
    /// Footnotes in order.
    pub footnotes: Vec<Footnote>,
    /// Per-page provenance.
    pub pages: Vec<PageInfo>,
    /// Wall seconds spent in OCR (for the run's summary; not part of the schema).
    #[serde(skip)]
    pub ocr_secs: f64,
}

impl Record {
    /// The error record of a document that has no record of its own: its path and size only.
    pub fn failed(path: impl AsRef<Path>, bytes: u64, err: &DocError) -> Record {
        Record::error(
            Source {
                bytes,
                ..Source::of_path(path.as_ref())
            },
            err,
        )
    }

    /// The record as a run writes it: stamped with the ordex version that wrote it.
    pub fn stamped(self) -> Record {
        Record {
            ordex_version: Some(VERSION.into()),
            ..self
        }
    }

    /// A record for a document that failed.
    pub fn error(source: Source, err: &DocError) -> Record {
        Record {
            schema: SCHEMA.into(),
            ordex_version: None,
            source,
            status: "error".into(),
            error: Some(ErrorInfo {
                kind: err.kind().into(),
                message: err.to_string(),
            }),
            warnings: Vec::new(),
            quality: Quality::default(),
            ecf: None,
            doc_type: DocType::Other,
            doc_type_evidence: Vec::new(),
            parts: Vec::new(),
            caption: Caption::default(),
            body: Body::default(),
            order: Order::default(),
            signature: Signature::default(),
            footnotes: Vec::new(),
            pages: Vec::new(),
            ocr_secs: 0.0,
        }
    }
}
