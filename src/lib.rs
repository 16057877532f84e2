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
//!       ──classify───▶ Classification  what paper it is (`doc_type`, with evidence), the papers
//!                                      one PDF holds, and which of them holds the order
//!       ──segment────▶ Segments        caption, body (reflowed paragraphs), order clauses,
//!                                      signature, footnotes, plus warnings
//!       ──record─────▶ Record          the JSON schema `ordex/1`, one per input, ok or error
//! batch: paths ─rayon─▶ process_path() ─channel─▶ one writer, in input order ─▶ JSON Lines
//!                                                         (or `_bulk` NDJSON, or the index)
//! ```
//!
//! ## Code map
//!
//! - [`pdf`]: the only module that names the PDF engine (hayro-interpret, and the hayro
//!   rasterizer for OCR page images). `pdf::layout` is pure geometry.
//! - [`ocr`]: page image (`pdf::raster`: the page's scan decoded, or the page rendered) →
//!   `tesseract` command → hOCR → our `Line`s, for the pages `clean` calls scans. The only
//!   module that runs another program.
//! - [`clean`]: `encoding` (garbled layers, shift repair), `stamps`, `line_numbers`, `running`
//!   (heads, feet, page numbers); `reflow` joins lines into paragraphs (called by `segment` on
//!   the body). Works on our own `Page`/`Line`/`Word` types.
//! - [`classify`]: `title` (a title's head noun), `forms` (the marks of transcripts,
//!   declarations, verdicts, letters, complaints, opinions; counsel's signature), `pages`
//!   (slip sheets, cover sheets, where a filing's next paper begins).
//! - [`segment`]: `footnotes`, `caption` (with `parties`, `courts`, and `minutes` for C.D. Cal.
//!   minutes forms), `signature`, `order`. Total: it returns what it found plus warnings and
//!   never panics on purpose.
//! - [`pattern`]: regexes compiled once per process (each where it is used, on first use)
//!   whose match caches last one document, so a long batch's memory stays flat.
//! - [`dates`]: dates as courts print them, and the calendar check `clean::stamps` shares.
//! - [`case_number`]: case numbers as the federal courts print them, found, parsed (office,
//!   year, type, number, judges' initials) and normalized; used by `clean::stamps` and
//!   `segment::caption`.
//! - [`record`]: the output schema (`schema/ordex-1.json`); [`recap`]: RECAP file names read
//!   into CourtListener's keys. [`batch`]: parallel runs with ordered output, on threads or
//!   in [`worker`] processes (caps, deadlines, deaths turned into records). [`inputs`]:
//!   which inputs a run takes (listing, `--shard`, `--resume`). [`output`]: where records go,
//!   opened so that no file is harmed (locked; never an input or a file ordex did not write).
//!   [`interrupt`]: SIGINT, SIGTERM and SIGHUP noted so that a run ends on its own terms.
//! - [`index`]: the embedded tantivy index (schema, writing; `search` with filters and
//!   snippets) and `bulk`, the OpenSearch/Elasticsearch `_bulk` output. Reads records as JSON,
//!   so records from a run and from a JSON Lines file take one path.
//! - `main.rs`: the CLI (clap, terminal, exit codes) and nothing else.
//!
//! ## Invariants
//!
//! - Exactly one record per input, ok or error; a bad document never stops a batch.
//! - No stage after `pdf` and `ocr` does I/O; a page with a text layer is never OCR'd;
//!   `segment` never invents text: every word it reports comes from the cleaned page text.
//! - Coordinates are display space: points, top-left origin, after `/Rotate`.

pub mod batch;
pub mod case_number;
pub mod classify;
pub mod clean;
pub mod dates;
pub mod error;
pub mod index;
pub mod inputs;
pub mod interrupt;
pub mod ocr;
pub mod output;
pub mod pattern;
pub mod pdf;
pub mod recap;
pub mod record;
pub mod segment;
pub mod worker;

use error::DocError;
use record::{PageInfo, Record, Source, SCHEMA};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

/// Settings for one run. `Default` is what the library uses without being told otherwise; the
/// CLI sets `isolation` to worker processes.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Config {
    /// Time limits (enforced by [`batch`]).
    pub time: TimeLimit,
    /// Caps against hostile input.
    pub limits: Limits,
    /// Where documents run: threads of this process or worker processes. Not sent to workers.
    #[serde(skip)]
    pub isolation: batch::Isolation,
    /// OCR of scanned pages (`--ocr`).
    #[serde(default)]
    pub ocr: OcrConfig,
    /// Files never read as inputs, whatever the list of inputs says, by (device, inode): the
    /// run's own output. Such an input gets an `io` error record.
    #[serde(default)]
    pub protect: Vec<(u64, u64)>,
}

/// OCR settings: off unless asked for.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct OcrConfig {
    /// OCR the scanned pages (those with no text beyond stamps).
    pub enabled: bool,
    /// At most this many pages of a document are OCR'd; the rest stay listed in `ocr_pages`.
    pub max_pages: usize,
}

impl Default for OcrConfig {
    fn default() -> Self {
        OcrConfig {
            enabled: false,
            max_pages: 50,
        }
    }
}

/// A document's time limit: a fixed part plus a part per page, so that a 2,000-page record
/// of proceedings is not cut short by a limit sized for orders.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct TimeLimit {
    /// Seconds every document gets.
    pub secs: f64,
    /// Seconds added per page, once the page count is known.
    pub secs_per_page: f64,
}

impl Default for TimeLimit {
    fn default() -> Self {
        TimeLimit {
            secs: 60.0,
            secs_per_page: 0.5,
        }
    }
}

/// The longest time limit a document gets, whatever the settings say (about 31 years): a
/// deadline this far off is never reached, and adding it to an instant cannot overflow.
const LONGEST_LIMIT_SECS: f64 = 1e9;

impl TimeLimit {
    /// The limit for a document of `pages` pages (unknown until it is parsed: 0). Never panics:
    /// a limit past [`LONGEST_LIMIT_SECS`] (or infinite) is that, a negative or NaN one zero.
    pub fn for_pages(&self, pages: usize) -> std::time::Duration {
        let secs = self.secs + self.secs_per_page * pages as f64;
        if secs > 0.0 {
            std::time::Duration::from_secs_f64(secs.min(LONGEST_LIMIT_SECS))
        } else {
            std::time::Duration::ZERO
        }
    }

    /// What a `timeout` record says.
    pub fn describe(&self, pages: Option<usize>) -> String {
        match pages {
            Some(n) => format!(
                "not done within {:.0} s ({} s + {} s for each of {n} pages)",
                self.for_pages(n).as_secs_f64(),
                self.secs,
                self.secs_per_page
            ),
            None => format!(
                "not done within {} s, before its pages were counted",
                self.secs
            ),
        }
    }
}

/// Caps against hostile input; a document over one gets a `limit` (or `memory`) error record.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Limits {
    /// Largest input file read, in bytes.
    pub file_bytes: u64,
    /// Most pages per document.
    pub pages: usize,
    /// Most glyphs drawn on one page.
    pub glyphs_per_page: usize,
    /// Most bytes one stream read for the text may inflate to (checked as it inflates).
    pub stream_bytes: u64,
    /// Most bytes the distinct streams read for a document's text may inflate to together.
    pub document_bytes: u64,
    /// Address-space cap of a worker process, in bytes (worker processes only): what bounds
    /// decompressed streams, images and fonts, since the engine decodes them whole.
    pub memory_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file_bytes: 512 << 20,
            pages: 10_000,
            glyphs_per_page: 500_000,
            stream_bytes: 256 << 20,
            document_bytes: 2 << 30,
            memory_bytes: 4 << 30,
        }
    }
}

/// Turn one PDF's bytes into a record. Never panics: an engine panic becomes an error record.
/// The time limit and the memory cap are kept around this call by [`batch`]; OCR stops
/// starting pages (and kills a running one) at 90% of the time limit, so the record still
/// comes out.
pub fn process(path: &str, bytes: Vec<u8>, config: &Config) -> Record {
    process_with(path, Arc::new(bytes.into()), config, &mut |_| {})
}

/// [`process`], calling `on_pages` with the page count as soon as the file is parsed (before
/// its pages are read), so that a supervisor can set the time limit by it.
pub fn process_with(
    path: &str,
    bytes: pdf::Bytes,
    config: &Config,
    on_pages: &mut dyn FnMut(usize),
) -> Record {
    process_source(Source::named(path.to_string()), bytes, config, on_pages)
}

/// [`process_with`] for a document whose source (path, and path bytes) is already made.
fn process_source(
    source: Source,
    bytes: pdf::Bytes,
    config: &Config,
    on_pages: &mut dyn FnMut(usize),
) -> Record {
    let start = Instant::now();
    // The regexes' match caches this document builds are dropped with it.
    let _caches = pattern::Document::begin();
    // OCR reads the page images from the file again.
    let ocr_bytes = config.ocr.enabled.then(|| bytes.clone());
    let data: &[u8] = (*bytes).as_ref();
    let source = Source {
        sha256: Some(hex(&Sha256::digest(data))),
        sha1: Some(hex(&sha1::Sha1::digest(data))),
        bytes: data.len() as u64,
        pages: 0,
        producer: None,
        ..source
    };
    let result = catch_unwind(AssertUnwindSafe(|| {
        pdf::load(bytes, &config.limits, on_pages)
    }))
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
    let limit = config.time.for_pages(doc.pages.len()).mul_f64(0.9);
    let deadline = start.checked_add(limit).unwrap_or(start);
    let built = catch_unwind(AssertUnwindSafe(|| {
        let mut doc = doc;
        let ocr = match ocr_bytes.map(|b| run_ocr(&mut doc, b, config, deadline)) {
            Some(Err(err)) => return Err(err),
            Some(Ok(ocr)) => Some(ocr),
            None => None,
        };
        let mut record = build_record(doc);
        if let Some((engine, warnings, secs)) = ocr {
            record.quality.ocr_engine = engine.filter(|_| record.quality.ocr_applied);
            record.warnings.extend(warnings);
            record.ocr_secs = secs;
        }
        Ok(record)
    }));
    match built {
        Ok(Err(err)) => Record::error(source, &err),
        Ok(Ok(record)) => Record { source, ..record },
        Err(payload) => Record::error(source, &DocError::Panic(panic_message(payload.as_ref()))),
    }
}

/// OCR the scanned pages of `doc` (at most `config.ocr.max_pages`) and put their words in;
/// `bytes` is the PDF `doc` was loaded from. Returns the engine, warnings, and the seconds it
/// took; or the `limit` error of a page image past a cap. [`process`] calls it when
/// `config.ocr` is set.
pub fn run_ocr(
    doc: &mut pdf::Document,
    bytes: pdf::Bytes,
    config: &Config,
    deadline: Instant,
) -> Result<(Option<String>, Vec<String>, f64), DocError> {
    // Only a page mostly covered by an image can be a scan; the rest need no second look.
    if !doc.pages.iter().any(|p| p.image_cover > 0.4) {
        return Ok((None, Vec::new(), 0.0));
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
    if scans.len() > config.ocr.max_pages {
        warnings.push(format!(
            "{} scanned pages; only the first {} OCR'd (--ocr-max-pages)",
            scans.len(),
            config.ocr.max_pages
        ));
    }
    let wanted = &scans[..scans.len().min(config.ocr.max_pages)];
    let run = ocr::ocr_pages(bytes, &doc.pages, wanted, deadline, &config.limits);
    if let Some(err) = run.limit {
        return Err(err);
    }
    for page in run.pages {
        if let Some(p) = doc.pages.get_mut(page.number - 1) {
            ocr::merge_lines(p, page.lines);
            p.ocr_confidence = Some((page.confidence * 10.0).round() / 10.0);
        }
    }
    warnings.extend(run.warnings);
    Ok((run.engine, warnings, start.elapsed().as_secs_f64()))
}

/// Clean and segment a loaded document into its record (source left empty). Public for
/// the fuzz target over arbitrary glyphs; [`process`] is the entry for bytes.
pub fn build_record(doc: pdf::Document) -> Record {
    let clean = clean::clean(doc);
    let class = classify::classify(&clean);
    let seg = segment::segment_as(&clean, &class);
    let mut ecf = clean.ecf.clone();
    if let Some(ecf) = &mut ecf {
        clean::stamps::adopt_adversary(ecf, &seg.caption.case_numbers_normalized);
    }
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
        schema: SCHEMA.into(),
        ordex_version: None,
        source: Source::default(),
        status: "ok".into(),
        error: None,
        warnings,
        quality,
        ecf,
        doc_type: class.doc_type,
        doc_type_evidence: class.evidence,
        parts: class.parts,
        caption: seg.caption,
        body: seg.body,
        order: seg.order,
        signature: seg.signature,
        footnotes: seg.footnotes,
        pages,
        ocr_secs: 0.0,
    }
}

/// Read a file and process it; an unreadable file becomes an `io` error record, one over the
/// size cap a `limit` record (it is not read). The record is stamped with ordex's version, as
/// records a run writes are.
pub fn process_path(path: &Path, config: &Config, on_pages: &mut dyn FnMut(usize)) -> Record {
    process_file(path, config, false, on_pages)
}

/// [`process_path`], mapping the file rather than reading it when `map` is set (worker
/// processes; see [`pdf::FileBytes::Mapped`]).
pub(crate) fn process_file(
    path: &Path,
    config: &Config,
    map: bool,
    on_pages: &mut dyn FnMut(usize),
) -> Record {
    let source = Source::of_path(path);
    let read = open_input(path, config).and_then(|(file, len)| {
        pdf::read_open(file, len, map, config.limits.file_bytes).map_err(|e| match e {
            pdf::ReadError::Io(e) => (len, DocError::Io(e.to_string())),
            pdf::ReadError::OverCap(n) => (n, over_file_cap(n, config.limits.file_bytes)),
        })
    });
    match read {
        Ok(bytes) => process_source(source, Arc::new(bytes), config, on_pages),
        Err((bytes, err)) => Record::error(Source { bytes, ..source }, &err),
    }
    .stamped()
}

fn over_file_cap(len: u64, cap: u64) -> DocError {
    DocError::Limit(format!(
        "the file has {len} bytes, over the cap of {cap} (--max-file-mb)"
    ))
}

/// Open an input for reading, and its length, unless it must not be read: not a regular file
/// (a folder, a FIFO, a device, a socket: an error at once, never a read that blocks or has no
/// end), one of the run's own files ([`Config::protect`]), or over the file-size cap. Errors
/// carry the file's size for the record.
fn open_input(path: &Path, config: &Config) -> Result<(std::fs::File, u64), (u64, DocError)> {
    let io = |e: &dyn std::fmt::Display| (0, DocError::Io(e.to_string()));
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // A FIFO opens at once instead of waiting for a writer; a terminal is not made ours.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = match options.open(path) {
        Ok(f) => f,
        Err(e) => {
            // A socket cannot be opened at all: say what it is rather than "no such device".
            return Err(match std::fs::metadata(path) {
                Ok(m) if m.is_dir() => io(&format!("a folder that cannot be read: {e}")),
                Ok(m) if !m.is_file() => not_regular(&m),
                _ => io(&e),
            });
        }
    };
    let meta = file.metadata().map_err(|e| io(&e))?;
    if meta.is_dir() {
        return Err(match std::fs::read_dir(path) {
            Err(e) => io(&format!("a folder that cannot be read: {e}")),
            Ok(_) => io(&"a folder, not a PDF file"),
        });
    }
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if config.protect.contains(&(meta.dev(), meta.ino())) {
            return Err((
                meta.len(),
                DocError::Io(
                    "this is the run's own output file (-o); it is not read as an input".into(),
                ),
            ));
        }
    }
    if meta.len() > config.limits.file_bytes {
        return Err((
            meta.len(),
            over_file_cap(meta.len(), config.limits.file_bytes),
        ));
    }
    Ok((file, meta.len()))
}

/// The error for an input that is not a regular file, naming what it is.
fn not_regular(meta: &std::fs::Metadata) -> (u64, DocError) {
    let what = file_kind(meta);
    (
        0,
        DocError::Io(format!("not a regular file ({what}); not read")),
    )
}

/// What kind of file `meta` describes, in words.
pub(crate) fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a folder"
    } else if t.is_file() {
        "a regular file"
    } else {
        "not a regular file"
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
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
