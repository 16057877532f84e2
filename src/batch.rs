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
//!
//! A document's time limit counts from when its runner starts it ([`Msg::Started`]), not from
//! when it was handed over (a worker process starting up on a loaded machine). A run reports
//! each document as it finishes and stops when asked ([`Watch`]); a panic of this code costs one
//! record, never the pool. What it never does: write files, or decide what a record says.

use crate::error::DocError;
use crate::record::{ErrorInfo, Record};
use crate::{process_path, worker, Config};
use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::time::{Duration, Instant};

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
    /// The run was stopped ([`Watch::stop`]) before every input had its record.
    pub stopped: bool,
}

/// What a run reports besides its records, and whether it should stop early.
pub struct Watch<'a> {
    /// Called as each document finishes, in the order they finish (records are emitted in
    /// input order, so a finished record may wait behind a slower one): a progress bar.
    pub finished: &'a mut dyn FnMut(&Finished),
    /// Asked a few times a second; once it says true, no document is started, the records
    /// already finished are emitted (in input order, skipping those not finished), worker
    /// processes are killed, and the run returns with [`Summary::stopped`] set.
    pub stop: &'a dyn Fn() -> bool,
    /// Called when no record came for a while ([`STOP_POLL`]): the time to flush what was
    /// written, so that a reader of the output (or a run killed now) has every record so far.
    pub idle: &'a mut dyn FnMut(),
}

/// How often a run waiting for records asks [`Watch::stop`].
const STOP_POLL: std::time::Duration = std::time::Duration::from_millis(100);

/// Process `paths` with `jobs` workers; call `emit` with each record, in input order.
/// Stops early only when `emit` fails (the output is gone), returning that error.
pub fn run<E>(
    paths: &[PathBuf],
    config: &Config,
    jobs: usize,
    emit: impl FnMut(&Finished) -> Result<(), E>,
) -> Result<Summary, E> {
    run_watched(
        paths,
        config,
        jobs,
        Watch {
            finished: &mut |_| {},
            stop: &|| false,
            idle: &mut || {},
        },
        emit,
    )
}

/// [`run`], reporting each finished document and stopping when asked (see [`Watch`]).
pub fn run_watched<E>(
    paths: &[PathBuf],
    config: &Config,
    jobs: usize,
    watch: Watch<'_>,
    mut emit: impl FnMut(&Finished) -> Result<(), E>,
) -> Result<Summary, E> {
    let start = Instant::now();
    let jobs = jobs.max(1);
    let window = jobs * 16;
    let mut summary = Summary::default();
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(pool) => pool,
        // Without a pool, run in this thread: slower, but every record still comes out.
        Err(_) => {
            for path in paths {
                if (watch.stop)() {
                    summary.stopped = true;
                    break;
                }
                let rec = run_guarded(path, config);
                (watch.finished)(&rec);
                tally(&mut summary, &rec);
                emit(&rec)?;
            }
            summary.secs = start.elapsed().as_secs_f64();
            return Ok(summary);
        }
    };
    let (slot_tx, slot_rx) = crossbeam_channel::bounded::<()>(window);
    let (res_tx, res_rx) = crossbeam_channel::unbounded::<(usize, Finished)>();
    let stop = watch.stop;
    let finished = watch.finished;
    let idle = watch.idle;
    // Set when the run ends before its inputs do (stopped, or the output failed): the feeder
    // starts no more documents.
    let ending = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let result = std::thread::scope(|scope| {
        let pool = &pool;
        let feeder_ending = ending.clone();
        scope.spawn(move || {
            let ending = feeder_ending;
            for (i, path) in paths.iter().enumerate() {
                // Blocks while `window` records are in flight or waiting to be written.
                if slot_tx.send(()).is_err() || ending.load(Ordering::Relaxed) {
                    return;
                }
                let res_tx = res_tx.clone();
                let config = config.clone();
                let path = path.clone();
                let ending = ending.clone();
                pool.spawn(move || {
                    // A document queued before the run ended is not started.
                    if !ending.load(Ordering::Relaxed) {
                        let _ = res_tx.send((i, run_guarded(&path, &config)));
                    }
                });
            }
        });
        let mut pending: BTreeMap<usize, Finished> = BTreeMap::new();
        let mut next = 0;
        let end_early = |slot_rx: crossbeam_channel::Receiver<()>| {
            ending.store(true, Ordering::Relaxed);
            drop(slot_rx);
            worker::kill_all();
        };
        while next < paths.len() {
            if stop() {
                // Every record finished so far goes out, in input order, gaps skipped.
                while let Ok((i, rec)) = res_rx.try_recv() {
                    finished(&rec);
                    pending.insert(i, rec);
                }
                end_early(slot_rx);
                summary.stopped = true;
                for rec in pending.values() {
                    tally(&mut summary, rec);
                    emit(rec)?;
                }
                return Ok(());
            }
            let (i, rec) = match res_rx.recv_timeout(STOP_POLL) {
                Ok(got) => got,
                Err(crossbeam_channel::RecvTimeoutError::Timeout) => {
                    idle();
                    continue;
                }
                Err(crossbeam_channel::RecvTimeoutError::Disconnected) => break,
            };
            finished(&rec);
            pending.insert(i, rec);
            while let Some(rec) = pending.remove(&next) {
                next += 1;
                tally(&mut summary, &rec);
                if let Err(e) = emit(&rec) {
                    end_early(slot_rx);
                    return Err(e);
                }
                let _ = slot_rx.recv();
            }
        }
        Ok(())
    });
    if ending.load(Ordering::Relaxed) {
        // Documents still running are abandoned: their worker processes are dead, and document
        // threads end when their document does (or with the process). Waiting for them here
        // would keep the caller waiting; dropping the pool does not wait.
        summary.secs = start.elapsed().as_secs_f64();
        return result.map(|()| summary);
    }
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

/// [`run_one`], a panic of ordex's own (supervisor) code costing this document's record only:
/// a panic inside a pool's task would otherwise abort the whole run.
fn run_guarded(path: &Path, config: &Config) -> Finished {
    std::panic::catch_unwind(AssertUnwindSafe(|| run_one(path, config))).unwrap_or_else(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        failed(
            path,
            DocError::Panic(format!("in ordex's supervisor: {msg}")),
        )
    })
}

/// File descriptors one job may hold in this process: a worker's three pipes, the input file
/// (thread isolation), and room for tesseract's pipes.
const FILES_PER_JOB: u64 = 8;
/// File descriptors kept for everything else (the output, the index, standard streams).
const FILES_BESIDES: u64 = 64;

/// Make sure this process may open the files `jobs` jobs need: the soft limit on open files
/// is raised towards the hard one when it is lower (a common 1,024 would not hold 256 jobs);
/// an error (one line) if even the hard limit is too low.
pub fn ensure_open_files(jobs: usize) -> Result<(), String> {
    #[cfg(unix)]
    {
        let need = FILES_BESIDES + FILES_PER_JOB * jobs as u64;
        let mut lim = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit and setrlimit on this process with a valid struct.
        unsafe {
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) != 0 {
                return Ok(());
            }
            if lim.rlim_cur >= need {
                return Ok(());
            }
            let raised = libc::rlimit {
                rlim_cur: (need as libc::rlim_t).min(lim.rlim_max),
                rlim_max: lim.rlim_max,
            };
            libc::setrlimit(libc::RLIMIT_NOFILE, &raised);
            libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim);
        }
        if lim.rlim_cur < need {
            return Err(format!(
                "-j {jobs} needs {need} open files and the limit is {} (ulimit -n): use fewer jobs",
                lim.rlim_cur
            ));
        }
    }
    #[cfg(not(unix))]
    let _ = jobs;
    Ok(())
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
    doc_type: crate::classify::DocType,
    #[serde(default)]
    quality: HeadQuality,
    #[serde(default)]
    body: HeadBody,
    #[serde(default)]
    pages: Vec<HeadPage>,
}

#[derive(serde::Deserialize, Default)]
struct HeadQuality {
    #[serde(default)]
    needs_ocr: bool,
    #[serde(default)]
    garbled_text: bool,
}

#[derive(serde::Deserialize, Default)]
struct HeadBody {
    #[serde(default)]
    text: Emptiness,
}

/// Whether a string is empty, read without keeping it.
#[derive(Default)]
struct Emptiness(bool);

impl<'de> serde::Deserialize<'de> for Emptiness {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Emptiness;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E>(self, s: &str) -> Result<Emptiness, E> {
                Ok(Emptiness(s.trim().is_empty()))
            }
        }
        d.deserialize_str(V)
    }
}

#[derive(serde::Deserialize)]
struct HeadSource {
    path: String,
    pages: usize,
}

#[derive(serde::Deserialize)]
struct HeadPage {
    ocr_confidence: Option<f64>,
    #[serde(default)]
    needs_ocr: bool,
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

    /// Scanned pages (`pages[].needs_ocr`) that OCR did not read.
    pub fn scanned_unread(&self) -> usize {
        match self {
            Finished::Record(r) => r
                .pages
                .iter()
                .filter(|p| p.needs_ocr && p.ocr_confidence.is_none())
                .count(),
            Finished::Written(w) => w
                .head
                .pages
                .iter()
                .filter(|p| p.needs_ocr && p.ocr_confidence.is_none())
                .count(),
        }
    }

    /// An ok record whose body is empty: nothing was found between caption and signature.
    pub fn body_empty(&self) -> bool {
        self.error().is_none()
            && match self {
                Finished::Record(r) => r.body.text.trim().is_empty(),
                Finished::Written(w) => w.head.body.text.0,
            }
    }

    /// Some page has no text layer beyond stamps (`quality.needs_ocr`).
    pub fn needs_ocr(&self) -> bool {
        match self {
            Finished::Record(r) => r.quality.needs_ocr,
            Finished::Written(w) => w.head.quality.needs_ocr,
        }
    }

    /// What the paper is (`doc_type`); an error record's is `other`.
    pub fn doc_type(&self) -> crate::classify::DocType {
        match self {
            Finished::Record(r) => r.doc_type,
            Finished::Written(w) => w.head.doc_type,
        }
    }

    /// The text layer decodes to gibberish (`quality.garbled_text`).
    pub fn garbled(&self) -> bool {
        match self {
            Finished::Record(r) => r.quality.garbled_text,
            Finished::Written(w) => w.head.quality.garbled_text,
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

/// What a document's runner reports: that it started the document, the page count once
/// known, then the record.
pub(crate) enum Msg {
    /// The runner has the document and starts on it: its time limit starts now.
    Started,
    Pages(usize),
    Done(Finished),
    /// A worker said something that is not part of the protocol (shown here).
    Garbled(String),
}

/// How waiting for a document ended without its record.
pub(crate) enum Unfinished {
    /// Over its time limit; the message says which limit.
    Timeout(String),
    /// The runner did not start the document within [`START_LIMIT`] (a worker process that
    /// cannot get going).
    NotStarted,
    /// The runner went away without a record.
    Gone,
    /// The runner is out of step (a worker wrote a line that is not a record).
    Garbled(String),
}

/// How long a runner may take to start a document once handed it: a worker process starting
/// up on a loaded machine takes seconds, and that time is not the document's.
pub(crate) const START_LIMIT: Duration = Duration::from_secs(300);

/// Wait for a document's record: first for the runner to start it (at most [`START_LIMIT`]),
/// then under its time limit, counted from that start and growing with its page count once
/// heard.
pub(crate) fn wait(rx: &mpsc::Receiver<Msg>, config: &Config) -> Result<Finished, Unfinished> {
    let handed = Instant::now();
    let mut started: Option<Instant> = None;
    let mut pages = None;
    loop {
        let left = match started {
            None => START_LIMIT.saturating_sub(handed.elapsed()),
            Some(at) => config
                .time
                .for_pages(pages.unwrap_or(0))
                .saturating_sub(at.elapsed()),
        };
        match rx.recv_timeout(left) {
            Ok(Msg::Started) => started = Some(Instant::now()),
            Ok(Msg::Pages(n)) => {
                started.get_or_insert_with(Instant::now);
                pages = Some(n);
            }
            Ok(Msg::Done(rec)) => return Ok(rec),
            Ok(Msg::Garbled(line)) => return Err(Unfinished::Garbled(line)),
            Err(mpsc::RecvTimeoutError::Timeout) if started.is_none() => {
                return Err(Unfinished::NotStarted)
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                return Err(Unfinished::Timeout(config.time.describe(pages)))
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return Err(Unfinished::Gone),
        }
    }
}

/// The error record of a document that has none of its own (its runner timed out or died):
/// its size and the sha256 (and sha1) of its bytes (so that `--resume` knows the record is for
/// these bytes), read here for a regular file (one under the file cap, as it was handed on).
pub(crate) fn failed(path: &Path, err: DocError) -> Finished {
    let mut rec = Record::failed(path, 0, &err);
    if let Ok(m) = std::fs::metadata(path) {
        if m.is_file() {
            rec.source.bytes = m.len();
            rec.source.sha256 = crate::inputs::file_sha256(path);
            rec.source.sha1 = crate::inputs::file_sha1(path);
        }
    }
    rec.stamped().into()
}

/// One document, where `config.isolation` says, under its time limit.
pub fn run_one(path: &Path, config: &Config) -> Finished {
    match &config.isolation {
        Isolation::Threads => run_on_thread(path, config),
        Isolation::Processes { program, args } => worker::run_one(path, config, program, args),
    }
}

/// A long-lived thread that reads documents for one worker: reused from document to document
/// (no thread churn, so the allocator reuses its memory), replaced when a document overruns.
struct DocThread {
    jobs: mpsc::Sender<(PathBuf, Config)>,
    msgs: mpsc::Receiver<Msg>,
}

impl DocThread {
    fn spawn() -> Option<DocThread> {
        let (jobs, job_rx) = mpsc::channel::<(PathBuf, Config)>();
        let (msg_tx, msgs) = mpsc::channel::<Msg>();
        std::thread::Builder::new()
            .name("ordex-doc".into())
            .stack_size(DOC_STACK)
            .spawn(move || {
                for (i, (path, config)) in job_rx.into_iter().enumerate() {
                    if i > 0 {
                        give_back_memory();
                    }
                    let _ = msg_tx.send(Msg::Started);
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
fn run_on_thread(path: &Path, config: &Config) -> Finished {
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
            .send((path.to_path_buf(), config.clone()))
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
            Err(Unfinished::Gone | Unfinished::Garbled(_) | Unfinished::NotStarted) => {
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
        let mut rec = Record::failed("/x/a \"b\".pdf", 10, &DocError::Empty(0));
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
