//! The output record, schema `ordex/1`: one per input, success or error.
//!
//! Every field is always present (null or empty where not found), so consumers and index
//! mappings see one stable shape.

use crate::classify::{DocType, Part};
use crate::clean::{Ecf, Quality};
use crate::error::DocError;
use crate::segment::{Body, Caption, Footnote, Order, Signature};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The schema name written in every record.
pub const SCHEMA: &str = "ordex/1";

/// Where a record came from.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Source {
    /// The path as given (or as found by walking a folder).
    pub path: String,
    /// Hex SHA-256 of the file's bytes; the stable document id.
    pub sha256: Option<String>,
    /// File size in bytes.
    pub bytes: u64,
    /// Number of pages (0 when the file could not be read).
    pub pages: usize,
    /// The PDF's `/Producer`, if any.
    pub producer: Option<String>,
}

/// The error of a failed document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ErrorInfo {
    /// One of io, empty, not_pdf, damaged, encrypted, panic, timeout.
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
    pub fn failed(path: &str, bytes: u64, err: &DocError) -> Record {
        Record::error(
            Source {
                path: path.to_string(),
                bytes,
                ..Source::default()
            },
            err,
        )
    }

    /// A record for a document that failed.
    pub fn error(source: Source, err: &DocError) -> Record {
        Record {
            schema: SCHEMA.into(),
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
