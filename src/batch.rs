//! Run many documents in parallel and hand their records back in input order.
//!
//! Workers (a rayon pool of `jobs` threads) take documents as slots free up; one writer puts
//! records back in input order through a reorder buffer of at most `window` records, so memory
//! does not grow with the batch. Each worker hands its documents to a document thread of its
//! own with a deep stack, under a time limit: a document that overruns gets a `timeout` record
//! and the batch moves on (that thread cannot be killed; it is abandoned and finishes in the
//! background, and the worker starts a new one; process isolation is the cure).
//!
//! Records come back as [`Finished`]: made in this process, or (from a worker process) the JSON
//! the worker wrote, passed on to the output as written.

use crate::error::DocError;
use crate::record::{ErrorInfo, Record};
use crate::{process_path, worker, Config};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Instant;

/// Stack size of a document thread: deep enough for honest files with nested forms.
pub(crate) const DOC_STACK: usize = 256 << 20;

/// Totals of a run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    /// Documents processed.
    pub docs: usize,
    /// Pages read.
    pub pages: usize,
    /// Documents with status ok.
    pub ok: usize,
    /// Documents with status error.
    pub failed: usize,
    /// Wall seconds.
    pub secs: f64,
}

/// Process `paths` with `jobs` workers; call `emit` with each record, in input order.
/// Stops early only when `emit` fails (the output is gone), returning that error.
pub fn run<E>(
    paths: &[String],
    config: &Config,
    jobs: usize,
    mut emit: impl FnMut(&Finished) -> Result<(), E>,
) -> Result<Summary, E> {
    let start = Instant::now();
    if matches!(config.isolation, Isolation::Threads) {
        // Before any document, so that they sit apart from the documents' memory (see
        // `pattern::compile_all`); workers do the same in their own process.
        crate::pattern::compile_all();
        give_back_memory();
    }
    let jobs = jobs.max(1);
    let window = jobs * 16;
    let mut summary = Summary::default();
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(pool) => pool,
        // Without a pool, run in this thread: slower, but every record still comes out.
        Err(_) => {
            for path in paths {
                let rec = run_one(path, config);
                tally(&mut summary, &rec);
                emit(&rec)?;
            }
            summary.secs = start.elapsed().as_secs_f64();
            return Ok(summary);
        }
    };
    let (slot_tx, slot_rx) = crossbeam_channel::bounded::<()>(window);
    let (res_tx, res_rx) = crossbeam_channel::unbounded::<(usize, Finished)>();
    let result = std::thread::scope(|scope| {
        let pool = &pool;
        scope.spawn(move || {
            for (i, path) in paths.iter().enumerate() {
                // Blocks while `window` records are in flight or waiting to be written.
                if slot_tx.send(()).is_err() {
                    return;
                }
                let res_tx = res_tx.clone();
                let config = config.clone();
                let path = path.clone();
                pool.spawn(move || {
                    let _ = res_tx.send((i, run_one(&path, &config)));
                });
            }
        });
        let mut pending: BTreeMap<usize, Finished> = BTreeMap::new();
        let mut next = 0;
        while next < paths.len() {
            let Ok((i, rec)) = res_rx.recv() else { break };
            pending.insert(i, rec);
            while let Some(rec) = pending.remove(&next) {
                next += 1;
                tally(&mut summary, &rec);
                if let Err(e) = emit(&rec) {
                    drop(slot_rx);
                    return Err(e);
                }
                let _ = slot_rx.recv();
            }
        }
        Ok(())
    });
    // Let every worker's process or document thread go before the pool does, so that worker
    // processes end and are reaped now (their CPU time counts to this run), whatever happens
    // to the pool's threads after.
    pool.broadcast(|_| {
        worker::shut_down();
        DOC_THREAD.with(|slot| slot.borrow_mut().take());
    });
    result?;
    summary.secs = start.elapsed().as_secs_f64();
    Ok(summary)
}

fn tally(summary: &mut Summary, rec: &Finished) {
    summary.docs += 1;
    summary.pages += rec.pages();
    if rec.error().is_none() {
        summary.ok += 1;
    } else {
        summary.failed += 1;
    }
}

/// Where documents run.
#[derive(Debug, Clone, Default)]
pub enum Isolation {
    /// On a long-lived document thread per worker, in this process: no start-up cost, but a
    /// stack overflow, an abort or an allocation failure ends the whole run, and a document
    /// over its time limit keeps its thread busy until it ends (the library default).
    #[default]
    Threads,
    /// In worker processes (`program args...`, i.e. `ordex worker`), one per worker, each under
    /// a memory cap: a document that kills its worker costs one record (the CLI default).
    Processes {
        /// The executable to run.
        program: PathBuf,
        /// Its arguments.
        args: Vec<String>,
    },
}

/// A document's record as its runner hands it back.
pub enum Finished {
    /// Made in this process.
    Record(Box<Record>),
    /// Written by a worker process: passed on as the worker wrote it, not parsed and written
    /// again (on a 200-page order that was about 2% of the run's CPU), with what the run's
    /// tally reads from it.
    Written(Box<Written>),
}

/// A record a worker process wrote.
pub struct Written {
    /// The record's JSON, one line.
    pub json: String,
    /// OCR seconds (not part of the record's JSON).
    pub ocr_secs: f64,
    head: Head,
}

/// The few fields of a written record that a run's tally reads.
#[derive(serde::Deserialize)]
struct Head {
    source: HeadSource,
    error: Option<ErrorInfo>,
    #[serde(default)]
    pages: Vec<HeadPage>,
}

#[derive(serde::Deserialize)]
struct HeadSource {
    path: String,
    pages: usize,
}

#[derive(serde::Deserialize)]
struct HeadPage {
    ocr_confidence: Option<f64>,
}

impl Written {
    /// A record's JSON as a worker wrote it; `None` if it is not one.
    pub(crate) fn parse(json: &str, ocr_secs: f64) -> Option<Written> {
        let head = serde_json::from_str(json).ok()?;
        Some(Written {
            json: json.to_string(),
            ocr_secs,
            head,
        })
    }
}

impl Finished {
    /// The input path.
    pub fn path(&self) -> &str {
        match self {
            Finished::Record(r) => &r.source.path,
            Finished::Written(w) => &w.head.source.path,
        }
    }

    /// Pages read.
    pub fn pages(&self) -> usize {
        match self {
            Finished::Record(r) => r.source.pages,
            Finished::Written(w) => w.head.source.pages,
        }
    }

    /// The error, for an error record.
    pub fn error(&self) -> Option<&ErrorInfo> {
        match self {
            Finished::Record(r) => r.error.as_ref(),
            Finished::Written(w) => w.head.error.as_ref(),
        }
    }

    /// Pages read by OCR.
    pub fn ocr_pages(&self) -> usize {
        match self {
            Finished::Record(r) => r
                .pages
                .iter()
                .filter(|p| p.ocr_confidence.is_some())
                .count(),
            Finished::Written(w) => w
                .head
                .pages
                .iter()
                .filter(|p| p.ocr_confidence.is_some())
                .count(),
        }
    }

    /// Seconds spent in OCR.
    pub fn ocr_secs(&self) -> f64 {
        match self {
            Finished::Record(r) => r.ocr_secs,
            Finished::Written(w) => w.ocr_secs,
        }
    }

    /// Write the record's JSON, one line without its newline.
    pub fn write_json(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        match self {
            Finished::Record(r) => serde_json::to_writer(out, r).map_err(std::io::Error::from),
            Finished::Written(w) => out.write_all(w.json.as_bytes()),
        }
    }

    /// The whole record (a written one is parsed).
    pub fn record(&self) -> serde_json::Result<std::borrow::Cow<'_, Record>> {
        match self {
            Finished::Record(r) => Ok(std::borrow::Cow::Borrowed(r)),
            Finished::Written(w) => {
                let mut rec: Record = serde_json::from_str(&w.json)?;
                rec.ocr_secs = w.ocr_secs;
                Ok(std::borrow::Cow::Owned(rec))
            }
        }
    }

    /// The record as a JSON value.
    pub fn value(&self) -> serde_json::Result<serde_json::Value> {
        match self {
            Finished::Record(r) => serde_json::to_value(r),
            Finished::Written(w) => serde_json::from_str(&w.json),
        }
    }
}

impl From<Record> for Finished {
    fn from(rec: Record) -> Finished {
        Finished::Record(Box::new(rec))
    }
}

/// What a document's runner reports: the page count once known, then the record.
pub(crate) enum Msg {
    Pages(usize),
    Done(Finished),
    /// A worker said something that is not part of the protocol (shown here).
    Garbled(String),
}

/// How waiting for a document ended without its record.
pub(crate) enum Unfinished {
    /// Over its time limit; the message says which limit.
    Timeout(String),
    /// The runner went away without a record.
    Gone,
    /// The runner is out of step (a worker wrote a line that is not a record).
    Garbled(String),
}

/// Wait for a document's record, the time limit growing with its page count once heard.
pub(crate) fn wait(rx: &mpsc::Receiver<Msg>, config: &Config) -> Result<Finished, Unfinished> {
    let start = Instant::now();
    let mut pages = None;
    loop {
        let limit = config.time.for_pages(pages.unwrap_or(0));
        match rx.recv_timeout(limit.saturating_sub(start.elapsed())) {
            Ok(Msg::Pages(n)) => pages = Some(n),
            Ok(Msg::Done(rec)) => return Ok(rec),
            Ok(Msg::Garbled(line)) => return Err(Unfinished::Garbled(line)),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                return Err(Unfinished::Timeout(config.time.describe(pages)))
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return Err(Unfinished::Gone),
        }
    }
}

/// The error record of a document that has none of its own.
pub(crate) fn failed(path: &str, err: DocError) -> Finished {
    let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
    Record::failed(path, bytes, &err).into()
}

/// One document, where `config.isolation` says, under its time limit.
pub fn run_one(path: &str, config: &Config) -> Finished {
    match &config.isolation {
        Isolation::Threads => run_on_thread(path, config),
        Isolation::Processes { program, args } => worker::run_one(path, config, program, args),
    }
}

/// A long-lived thread that reads documents for one worker: reused from document to document
/// (no thread churn, so the allocator reuses its memory), replaced when a document overruns.
struct DocThread {
    jobs: mpsc::Sender<(String, Config)>,
    msgs: mpsc::Receiver<Msg>,
}

impl DocThread {
    fn spawn() -> Option<DocThread> {
        let (jobs, job_rx) = mpsc::channel::<(String, Config)>();
        let (msg_tx, msgs) = mpsc::channel::<Msg>();
        std::thread::Builder::new()
            .name("ordex-doc".into())
            .stack_size(DOC_STACK)
            .spawn(move || {
                for (i, (path, config)) in job_rx.into_iter().enumerate() {
                    if i > 0 {
                        give_back_memory();
                    }
                    let rec = process_path(&path, &config, &mut |n| {
                        let _ = msg_tx.send(Msg::Pages(n));
                    });
                    // Abandoned after a time-out: nobody listens any more, so stop.
                    if msg_tx.send(Msg::Done(rec.into())).is_err() {
                        break;
                    }
                }
            })
            .ok()?;
        Some(DocThread { jobs, msgs })
    }
}

thread_local! {
    static DOC_THREAD: std::cell::RefCell<Option<DocThread>> = const { std::cell::RefCell::new(None) };
}

/// Hand the allocator's free pages back to the system between documents (called before each
/// document but the first, so that a worker's last document does not pay for it).
///
/// glibc keeps freed memory resident inside its heaps. A document's large buffers leave holes
/// that the next document's differently sized ones do not fit, so without this a long-lived
/// worker's peak memory creeps up over its first few hundred documents (27 MB after one pass
/// over the corpus, 32 MB after five, in one worker process); with it, it stays within 2 MB of
/// the first pass. The cost, the next document faulting those pages in again, is within the
/// noise of the corpus's CPU time.
pub(crate) fn give_back_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free heap pages to the system; any thread may call it.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// One document on this worker's document thread.
fn run_on_thread(path: &str, config: &Config) -> Finished {
    DOC_THREAD.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot = DocThread::spawn();
        }
        let Some(thread) = slot.as_ref() else {
            // No thread to be had: run here, without a time limit, rather than lose the document.
            return process_path(path, config, &mut |_| {}).into();
        };
        let gone = || DocError::Panic("the document thread ended without a record".into());
        if thread
            .jobs
            .send((path.to_string(), config.clone()))
            .is_err()
        {
            *slot = None;
            return failed(path, gone());
        }
        match wait(&thread.msgs, config) {
            Ok(rec) => rec,
            Err(Unfinished::Timeout(why)) => {
                // The thread cannot be killed: it is abandoned (it ends when its document
                // does) and the next document gets a fresh one.
                *slot = None;
                failed(path, DocError::Timeout(why))
            }
            Err(Unfinished::Gone | Unfinished::Garbled(_)) => {
                *slot = None;
                failed(path, gone())
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::PageInfo;

    fn record() -> Record {
        let mut rec = Record::failed("/x/a \"b\".pdf", 10, &DocError::Empty);
        rec.source.pages = 3;
        rec.pages = vec![
            PageInfo {
                ocr_confidence: Some(0.9),
                text: "é\n\t".into(),
                ..PageInfo::default()
            },
            PageInfo::default(),
        ];
        rec
    }

    #[test]
    fn a_written_record_passes_through_as_written_and_tallies_as_parsed() {
        let made = Finished::from(record());
        let json = serde_json::to_string(&record()).unwrap();
        let written = Finished::Written(Box::new(Written::parse(&json, 1.5).unwrap()));
        let mut out = Vec::new();
        written.write_json(&mut out).unwrap();
        assert_eq!(out, json.as_bytes());
        let mut again = Vec::new();
        made.write_json(&mut again).unwrap();
        assert_eq!(again, out);
        for f in [&made, &written] {
            assert_eq!(f.path(), "/x/a \"b\".pdf");
            assert_eq!(f.pages(), 3);
            assert_eq!(f.error().map(|e| e.kind.as_ref()), Some("empty"));
            assert_eq!(f.ocr_pages(), 1);
            assert_eq!(f.value().unwrap(), serde_json::to_value(record()).unwrap());
        }
        assert_eq!(written.ocr_secs(), 1.5);
        assert_eq!(written.record().unwrap().ocr_secs, 1.5);
        assert_eq!(written.record().unwrap().pages[0].text, "é\n\t");
    }

    #[test]
    fn a_line_that_is_not_a_record_is_not_taken_for_one() {
        assert!(Written::parse("{\"source\": 1}", 0.0).is_none());
        assert!(Written::parse("{\"source\":{\"path\":\"a\",\"pages\":1}", 0.0).is_none());
        assert!(Written::parse("not json", 0.0).is_none());
    }
}
