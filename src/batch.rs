//! Run many documents in parallel and hand their records back in input order.
//!
//! Workers (a rayon pool of `jobs` threads) take documents as slots free up; one writer puts
//! records back in input order through a reorder buffer of at most `window` records, so memory
//! does not grow with the batch. Each worker hands its documents to a document thread of its
//! own with a deep stack, under a time limit: a document that overruns gets a `timeout` record
//! and the batch moves on (that thread cannot be killed; it is abandoned and finishes in the
//! background, and the worker starts a new one; process isolation is the cure).

use crate::error::DocError;
use crate::record::{Record, Source};
use crate::{process_path, Config};
use std::collections::BTreeMap;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Stack size of a document thread: deep enough for honest files with nested forms.
const DOC_STACK: usize = 256 << 20;

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
    mut emit: impl FnMut(&Record) -> Result<(), E>,
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
                let rec = run_one(path, config);
                tally(&mut summary, &rec);
                emit(&rec)?;
            }
            summary.secs = start.elapsed().as_secs_f64();
            return Ok(summary);
        }
    };
    let (slot_tx, slot_rx) = crossbeam_channel::bounded::<()>(window);
    let (res_tx, res_rx) = crossbeam_channel::unbounded::<(usize, Record)>();
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
        let mut pending: BTreeMap<usize, Record> = BTreeMap::new();
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
    result?;
    summary.secs = start.elapsed().as_secs_f64();
    Ok(summary)
}

fn tally(summary: &mut Summary, rec: &Record) {
    summary.docs += 1;
    summary.pages += rec.source.pages;
    if rec.status == "ok" {
        summary.ok += 1;
    } else {
        summary.failed += 1;
    }
}

/// A long-lived thread that reads documents for one worker: reused from document to document
/// (no thread churn, so the allocator reuses its memory), replaced when a document overruns.
struct DocThread {
    jobs: mpsc::Sender<(String, Config)>,
    done: mpsc::Receiver<Record>,
}

impl DocThread {
    fn spawn() -> Option<DocThread> {
        let (jobs, job_rx) = mpsc::channel::<(String, Config)>();
        let (done_tx, done) = mpsc::channel::<Record>();
        std::thread::Builder::new()
            .name("ordex-doc".into())
            .stack_size(DOC_STACK)
            .spawn(move || {
                for (path, config) in job_rx {
                    // Abandoned after a time-out: nobody listens any more, so stop.
                    if done_tx.send(process_path(&path, &config)).is_err() {
                        break;
                    }
                }
            })
            .ok()?;
        Some(DocThread { jobs, done })
    }
}

thread_local! {
    static DOC_THREAD: std::cell::RefCell<Option<DocThread>> = const { std::cell::RefCell::new(None) };
}

/// One document on this worker's document thread, under the time limit.
pub fn run_one(path: &str, config: &Config) -> Record {
    let failed = |err: DocError| {
        let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
        Record::error(
            Source {
                path: path.to_string(),
                bytes,
                ..Source::default()
            },
            &err,
        )
    };
    DOC_THREAD.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot = DocThread::spawn();
        }
        let Some(thread) = slot.as_ref() else {
            // No thread to be had: run here, without a time limit, rather than lose the document.
            return process_path(path, config);
        };
        if thread
            .jobs
            .send((path.to_string(), config.clone()))
            .is_err()
        {
            *slot = None;
            return failed(DocError::Panic(
                "the document thread ended without a record".into(),
            ));
        }
        match thread
            .done
            .recv_timeout(Duration::from_secs(config.timeout_secs.max(1)))
        {
            Ok(rec) => rec,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                // The thread cannot be killed: it is abandoned (it ends when its document
                // does) and the next document gets a fresh one.
                *slot = None;
                failed(DocError::Timeout(config.timeout_secs))
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                *slot = None;
                failed(DocError::Panic(
                    "the document thread ended without a record".into(),
                ))
            }
        }
    })
}
