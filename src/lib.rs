//! # ordex: court order PDFs in, clean structured JSON records out
//!
//! ## Stages
//!
//! ```text
//! bytes ──pdf::load──▶ Document        positioned glyphs → words → lines, per page
//!       ──ocr────────▶ Document        with `--ocr` only: scanned pages (no text beyond
//!                                      stamps) get OCR'd words as lines, like drawn text
//!       ──clean──────▶ CleanDoc        line numbers, CM/ECF stamps, running heads/feet and page
//!                                      numbers gone; stamps parsed into `Ecf`; quality flags
//!       ──segment────▶ Segments        caption, body (reflowed paragraphs), order clauses,
//!                                      signature, footnotes, plus warnings
//!       ──record─────▶ Record          the JSON schema `ordex/1`, one per input, ok or error
//! batch: paths ─rayon─▶ process_path() ─channel─▶ one writer, in input order ─▶ JSON Lines
//! ```
//!
//! ## Code map
//!
//! - [`pdf`]: the only module that names the PDF engine (hayro). `pdf::layout` is pure geometry.
//! - [`ocr`]: page image (`pdf::raster`) → `tesseract` command → hOCR → our `Line`s, for the
//!   pages `clean` calls scans. The only module that runs another program.
//! - [`clean`]: `encoding` (garbled layers, shift repair), `stamps`, `line_numbers`, `running`
//!   (heads, feet, page numbers); `reflow` joins lines into paragraphs (called by `segment` on
//!   the body). Works on our own `Page`/`Line`/`Word` types.
//! - [`segment`]: `footnotes`, `caption` (with `parties`, `courts`, and `minutes` for C.D. Cal.
//!   minutes forms), `signature`, `order`. Total: it returns what it found plus warnings and
//!   never panics on purpose.
//! - [`dates`]: dates as courts print them, and the calendar check `clean::stamps` shares.
//! - [`record`]: the output schema. [`batch`]: parallel runs with ordered output.
//! - `main.rs`: the CLI (clap, terminal, exit codes) and nothing else.
//!
//! ## Invariants
//!
//! - Exactly one record per input, ok or error; a bad document never stops a batch.
//! - No stage after `pdf` and `ocr` does I/O; a page with a text layer is never OCR'd; `segment` never invents text: every word it reports comes
//!   from the cleaned page text.
//! - Coordinates are display space: points, top-left origin, after `/Rotate`.

pub mod batch;
pub mod clean;
pub mod dates;
pub mod error;
pub mod ocr;
pub mod pdf;
pub mod record;
pub mod segment;

use error::DocError;
use record::{PageInfo, Record, Source, SCHEMA};
use sha2::{Digest, Sha256};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

/// Settings for one run. `Default` is what the CLI uses without flags.
#[derive(Debug, Clone)]
pub struct Config {
    /// Per-document time limit in seconds (enforced by [`batch`]; OCR stops short of it).
    pub timeout_secs: u64,
    /// OCR the scanned pages (those with no text beyond stamps).
    pub ocr: bool,
    /// At most this many pages of a document are OCR'd; the rest stay listed in `ocr_pages`.
    pub ocr_max_pages: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            timeout_secs: 60,
            ocr: false,
            ocr_max_pages: 50,
        }
    }
}

/// Turn one PDF's bytes into a record. Never panics: an engine panic becomes an error record.
/// The time limit in `Config` is kept around this call by [`batch::run_one`]; OCR stops
/// starting pages (and kills a running one) at 90% of it, so the record still comes out.
pub fn process(path: &str, bytes: Vec<u8>, config: &Config) -> Record {
    let deadline = Instant::now() + Duration::from_secs_f64(0.9 * config.timeout_secs as f64);
    // OCR reads the page images from the file again; only then is a copy kept.
    let ocr_bytes = config.ocr.then(|| bytes.clone());
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
    let built = catch_unwind(AssertUnwindSafe(|| {
        let mut doc = doc;
        let ocr = ocr_bytes.map(|b| run_ocr(&mut doc, b, config, deadline));
        let mut record = build(doc);
        if let Some((engine, warnings, secs)) = ocr {
            record.quality.ocr_engine = engine.filter(|_| record.quality.ocr_applied);
            record.warnings.extend(warnings);
            record.ocr_secs = secs;
        }
        record
    }));
    match built {
        Ok(record) => Record { source, ..record },
        Err(payload) => Record::error(source, &DocError::Panic(panic_message(payload.as_ref()))),
    }
}

/// OCR the scanned pages of `doc` (at most `config.ocr_max_pages`) and put their words in;
/// `bytes` is the PDF `doc` was loaded from. Returns the engine, warnings, and the seconds it
/// took. [`process`] calls it when `config.ocr` is set.
pub fn run_ocr(
    doc: &mut pdf::Document,
    bytes: Vec<u8>,
    config: &Config,
    deadline: Instant,
) -> (Option<String>, Vec<String>, f64) {
    // Only a page mostly covered by an image can be a scan; the rest need no second look.
    if !doc.pages.iter().any(|p| p.image_cover > 0.4) {
        return (None, Vec::new(), 0.0);
    }
    let start = Instant::now();
    // The scans are the pages `clean` flags: the same rule, run on a copy.
    let scans: Vec<usize> = clean::clean(doc.clone())
        .pages
        .iter()
        .filter(|p| p.needs_ocr)
        .map(|p| p.number)
        .collect();
    let mut warnings = Vec::new();
    if scans.len() > config.ocr_max_pages {
        warnings.push(format!(
            "{} scanned pages; only the first {} OCR'd (--ocr-max-pages)",
            scans.len(),
            config.ocr_max_pages
        ));
    }
    let wanted = &scans[..scans.len().min(config.ocr_max_pages)];
    let run = ocr::ocr_pages(bytes, &doc.pages, wanted, deadline);
    for page in run.pages {
        if let Some(p) = doc.pages.get_mut(page.number - 1) {
            ocr::merge_lines(p, page.lines);
            p.ocr_confidence = Some((page.confidence * 10.0).round() / 10.0);
        }
    }
    warnings.extend(run.warnings);
    (run.engine, warnings, start.elapsed().as_secs_f64())
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
            ocr_confidence: p.ocr_confidence,
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
        ocr_secs: 0.0,
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
