//! # ordex: court order PDFs in, clean structured JSON records out
//!
//! ## Stages
//!
//! ```text
//! bytes ──pdf::load──▶ Document        positioned glyphs → words → lines, per page
//!       ──clean──────▶ CleanDoc        line numbers, CM/ECF stamps, running heads/feet and page
//!                                      numbers gone; stamps parsed into `Ecf`; quality flags
//!       ──segment────▶ Segments        caption, body (reflowed paragraphs), order clauses,
//!                                      signature, footnotes, plus warnings
//!       ──record─────▶ Record          the JSON schema `ordex/1`, one per input, ok or error
//! batch: paths ─rayon─▶ process_path() ─channel─▶ one writer, in input order ─▶ JSON Lines
//!                                                         (or `_bulk` NDJSON, or the index)
//! ```
//!
//! ## Code map
//!
//! - [`pdf`]: the only module that names the PDF engine (hayro). `pdf::layout` is pure geometry.
//! - [`clean`]: `encoding` (garbled layers, shift repair), `stamps`, `line_numbers`, `running`
//!   (heads, feet, page numbers); `reflow` joins lines into paragraphs (called by `segment` on
//!   the body). Works on our own `Page`/`Line`/`Word` types.
//! - [`segment`]: `footnotes`, `caption` (with `parties`, `courts`, and `minutes` for C.D. Cal.
//!   minutes forms), `signature`, `order`. Total: it returns what it found plus warnings and
//!   never panics on purpose.
//! - [`dates`]: dates as courts print them, and the calendar check `clean::stamps` shares.
//! - [`record`]: the output schema. [`batch`]: parallel runs with ordered output.
//! - [`index`]: the embedded tantivy index (schema, writing; `search` with filters and
//!   snippets) and `bulk`, the OpenSearch/Elasticsearch `_bulk` output. Reads records as JSON,
//!   so records from a run and from a JSON Lines file take one path.
//! - `main.rs`: the CLI (clap, terminal, exit codes) and nothing else.
//!
//! ## Invariants
//!
//! - Exactly one record per input, ok or error; a bad document never stops a batch.
//! - No stage after `pdf` does I/O; `segment` never invents text: every word it reports comes
//!   from the cleaned page text.
//! - Coordinates are display space: points, top-left origin, after `/Rotate`.

pub mod batch;
pub mod clean;
pub mod dates;
pub mod error;
pub mod index;
pub mod pdf;
pub mod record;
pub mod segment;

use error::DocError;
use record::{PageInfo, Record, Source, SCHEMA};
use sha2::{Digest, Sha256};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Settings for one run. `Default` is what the CLI uses without flags.
#[derive(Debug, Clone)]
pub struct Config {
    /// Per-document time limit in seconds (enforced by [`batch`]).
    pub timeout_secs: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config { timeout_secs: 60 }
    }
}

/// Turn one PDF's bytes into a record. Never panics: an engine panic becomes an error record.
/// The stages take no setting yet; the time limit in `Config` is kept around this call by
/// [`batch::run_one`].
pub fn process(path: &str, bytes: Vec<u8>, _config: &Config) -> Record {
    let source = Source {
        path: path.to_string(),
        sha256: Some(hex(&Sha256::digest(&bytes))),
        bytes: bytes.len() as u64,
        pages: 0,
        producer: None,
    };
    let result = catch_unwind(AssertUnwindSafe(|| pdf::load(bytes)))
        .unwrap_or_else(|payload| Err(DocError::Panic(panic_message(payload.as_ref()))));
    let doc = match result {
        Ok(doc) => doc,
        Err(err) => return Record::error(source, &err),
    };
    let source = Source {
        pages: doc.pages.len(),
        producer: doc.producer.clone(),
        ..source
    };
    // Cleaning and segmentation are our own code and total; they still run under the same
    // guard so that a bug of ours costs one record, not the batch.
    let built = catch_unwind(AssertUnwindSafe(|| build(doc)));
    match built {
        Ok(record) => Record { source, ..record },
        Err(payload) => Record::error(source, &DocError::Panic(panic_message(payload.as_ref()))),
    }
}

fn build(doc: pdf::Document) -> Record {
    let clean = clean::clean(doc);
    let seg = segment::segment(&clean);
    let mut warnings = clean.warnings.clone();
    warnings.extend(seg.warnings);
    let mut quality = clean.quality.clone();
    // Image-only pages after the signature are attachments (forms, exhibits): they stay listed
    // in `ocr_pages`, but the order itself reads without OCR.
    if let Some(sig_page) = seg.signature.page {
        let after: Vec<usize> = quality
            .ocr_pages
            .iter()
            .copied()
            .filter(|p| *p > sig_page)
            .collect();
        if !after.is_empty() {
            quality.needs_ocr = quality.ocr_pages.iter().any(|p| *p <= sig_page);
            warnings.push(format!("pages {after:?} after the signature have no text layer (attachments); not counted in needs_ocr"));
        }
    }
    let pages = clean
        .pages
        .iter()
        .map(|p| PageInfo {
            number: p.number,
            width: p.width,
            height: p.height,
            rotation: p.rotation,
            line_numbers: p.line_numbers,
            needs_ocr: p.needs_ocr,
            text: p
                .lines
                .iter()
                .map(|l| l.text())
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect();
    Record {
        schema: SCHEMA,
        source: Source::default(),
        status: "ok",
        error: None,
        warnings,
        quality,
        ecf: clean.ecf.clone(),
        caption: seg.caption,
        body: seg.body,
        order: seg.order,
        signature: seg.signature,
        footnotes: seg.footnotes,
        pages,
    }
}

/// Read a file and process it; an unreadable file becomes an `io` error record.
pub fn process_path(path: &str, config: &Config) -> Record {
    match std::fs::read(path) {
        Ok(bytes) => process(path, bytes, config),
        Err(e) => Record::error(
            Source {
                path: path.to_string(),
                ..Source::default()
            },
            &DocError::Io(e.to_string()),
        ),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

thread_local! {
    static PANIC_AT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Replace the default panic hook with one that prints nothing and remembers where the panic
/// happened, so that the error record can say it. Call once from a binary.
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()));
        PANIC_AT.with(|p| *p.borrow_mut() = at);
    }));
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    match PANIC_AT.with(|p| p.borrow_mut().take()) {
        Some(at) => format!("{msg} (at {at})"),
        None => msg,
    }
}
