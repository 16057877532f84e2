//! The `ordex` command line: flags, terminal, exit codes. The work is in the library.

use anyhow::{bail, Context as _, Result};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use ordex::batch::Isolation;
use ordex::index::{bulk, search, IndexSink};
use ordex::{batch, inputs, Config, Limits, OcrConfig, TimeLimit};
use std::io::{BufRead, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "ordex",
    version,
    about = "Court order PDFs in, clean structured JSON records out"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract one JSON record per PDF (JSON Lines, in input order).
    Extract {
        /// PDF files or folders (walked recursively for *.pdf in any case, in sorted order);
        /// `-` reads a list of paths from standard input, one a line.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Write the records to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Number of documents processed at once [default: number of cores].
        #[arg(short, long, value_name = "N")]
        jobs: Option<usize>,
        /// Per-document time limit, fixed part, in seconds; a document over its limit gets a
        /// `timeout` record.
        #[arg(long, value_name = "SECS", default_value_t = 60.0)]
        timeout: f64,
        /// Seconds added to a document's time limit for each of its pages [default: 0.5, or 10
        /// with --ocr].
        #[arg(long, value_name = "SECS")]
        timeout_per_page: Option<f64>,
        /// OCR scanned pages (no text beyond stamps) with the `tesseract` command.
        #[arg(long)]
        ocr: bool,
        /// With --ocr: at most N pages of a document are OCR'd.
        #[arg(long, value_name = "N", default_value_t = 50)]
        ocr_max_pages: usize,
        /// Where documents run: `process` (worker processes: a crash, an abort or a runaway
        /// document costs one record) or `thread` (in this process: a little faster, no caps
        /// on memory, and a fatal failure ends the run).
        #[arg(long, value_name = "HOW", default_value = "process", value_parser = ["process", "thread"])]
        isolation: String,
        /// Largest input file read, in MB (bigger files get a `limit` record).
        #[arg(long, value_name = "MB", default_value_t = 512)]
        max_file_mb: u64,
        /// Most pages per document.
        #[arg(long, value_name = "N", default_value_t = 10_000)]
        max_pages: usize,
        /// Most glyphs drawn on one page.
        #[arg(long, value_name = "N", default_value_t = 500_000)]
        max_glyphs_per_page: usize,
        /// Most MB one stream read for the text may inflate to (checked as it inflates).
        #[arg(long, value_name = "MB", default_value_t = 256)]
        max_stream_mb: u64,
        /// Most MB the distinct streams read for a document's text may inflate to together.
        #[arg(long, value_name = "MB", default_value_t = 2048)]
        max_document_mb: u64,
        /// Address-space cap of each worker process, in MB: bounds what a decompression bomb
        /// can take (a document over it gets a `memory` record).
        #[arg(long, value_name = "MB", default_value_t = 4096)]
        max_memory_mb: u64,
        /// Append to the -o file, skipping inputs that already have a record there (same path,
        /// same file bytes, same schema); a torn last line left by a killed run is redone.
        #[arg(long, requires = "output")]
        resume: bool,
        /// Take only shard I of N (I counts from 0) of the inputs, split by a hash of each
        /// path as listed: N machines given the same list split it with no coordinator.
        #[arg(long, value_name = "I/N", value_parser = inputs::parse_shard)]
        shard: Option<inputs::Shard>,
        /// Output format: JSON Lines records, or OpenSearch/Elasticsearch `_bulk` NDJSON (ok
        /// records only, see docs/opensearch-mapping.json).
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
    },
    /// Extract PDFs (or read records) into an embedded search index; re-indexing replaces.
    Index {
        /// PDF files or folders, as for `extract`.
        #[arg(required_unless_present = "records", conflicts_with = "records")]
        paths: Vec<String>,
        /// Index records already extracted (JSON Lines from `ordex extract`; `-` for stdin).
        #[arg(long, value_name = "FILE")]
        records: Option<PathBuf>,
        /// The index folder (created if missing).
        #[arg(long, value_name = "DIR")]
        index: PathBuf,
        /// Number of documents processed at once [default: number of cores].
        #[arg(short, long, value_name = "N")]
        jobs: Option<usize>,
        /// Per-document time limit, fixed part, in seconds (documents run in worker processes
        /// with the default caps, as `extract` runs them).
        #[arg(long, value_name = "SECS", default_value_t = 60.0)]
        timeout: f64,
    },
    /// Search an index made by `ordex index`; best (BM25) first. Exit 1 when nothing matches.
    Search {
        /// The index folder.
        #[arg(long, value_name = "DIR")]
        index: PathBuf,
        /// tantivy's query language: words (all required), "a phrase", a OR b, -not, field:term.
        query: String,
        /// Only this court id (e.g. cand).
        #[arg(long, value_name = "ID")]
        court: Option<String>,
        /// Only documents of this type (order, proposed_order, minute_order, judgment, opinion,
        /// motion, stipulation, declaration, brief, exhibit, transcript, notice, letter,
        /// complaint, verdict, other).
        #[arg(long = "type", value_name = "TYPE", value_parser = doc_type_name)]
        doc_type: Option<String>,
        /// Only this judge (every word of NAME, any case).
        #[arg(long, value_name = "NAME")]
        judge: Option<String>,
        /// Only documents filed on or after this day.
        #[arg(long, value_name = "YYYY-MM-DD")]
        filed_after: Option<String>,
        /// Only documents filed on or before this day.
        #[arg(long, value_name = "YYYY-MM-DD")]
        filed_before: Option<String>,
        /// At most N hits.
        #[arg(long, value_name = "N", default_value_t = 10)]
        limit: usize,
        /// One JSON hit a line (with the snippet's highlight byte ranges).
        #[arg(long)]
        json: bool,
    },
    /// Serve documents to a supervising `ordex extract` (internal: paths in, records out).
    #[command(hide = true)]
    Worker {
        /// The run's settings, as JSON.
        #[arg(long)]
        config: String,
    },
}

#[derive(Clone, Copy, PartialEq, clap::ValueEnum)]
enum Format {
    /// One JSON record a line.
    Jsonl,
    /// `_bulk` action and document lines.
    OpensearchBulk,
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("ordex: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode> {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return Ok(ExitCode::from(code));
        }
    };
    ordex::quiet_panics();
    match cli.command {
        Command::Extract {
            paths,
            output,
            jobs,
            timeout,
            timeout_per_page,
            ocr,
            ocr_max_pages,
            isolation,
            max_file_mb,
            max_pages,
            max_glyphs_per_page,
            max_stream_mb,
            max_document_mb,
            max_memory_mb,
            resume,
            shard,
            format,
        } => {
            // OCR takes seconds a page: a scanned document needs minutes, not one.
            let timeout_per_page = timeout_per_page.unwrap_or(if ocr { 10.0 } else { 0.5 });
            if !(timeout > 0.0 && timeout_per_page >= 0.0) {
                bail!("--timeout must be above 0 and --timeout-per-page at least 0");
            }
            let mut config = Config {
                time: TimeLimit {
                    secs: timeout,
                    secs_per_page: timeout_per_page,
                },
                limits: Limits {
                    file_bytes: max_file_mb << 20,
                    pages: max_pages,
                    glyphs_per_page: max_glyphs_per_page,
                    stream_bytes: max_stream_mb << 20,
                    document_bytes: max_document_mb << 20,
                    memory_bytes: max_memory_mb << 20,
                },
                isolation: Isolation::Threads,
                ocr: OcrConfig {
                    enabled: ocr,
                    max_pages: ocr_max_pages,
                },
            };
            if isolation == "process" {
                config.isolation = worker_processes(&config)?;
            }
            extract(
                &paths,
                &Plan {
                    output,
                    jobs,
                    resume,
                    shard,
                    format,
                },
                &config,
            )
        }
        Command::Index {
            paths,
            records,
            index,
            jobs,
            timeout,
        } => match records {
            Some(file) => index_records(&file, &index),
            None => {
                if timeout.is_nan() || timeout <= 0.0 {
                    bail!("--timeout must be above 0");
                }
                let mut config = Config {
                    time: TimeLimit {
                        secs: timeout,
                        ..TimeLimit::default()
                    },
                    ..Config::default()
                };
                config.isolation = worker_processes(&config)?;
                index_pdfs(&paths, &index, jobs, &config)
            }
        },
        Command::Search {
            index,
            query,
            court,
            doc_type,
            judge,
            filed_after,
            filed_before,
            limit,
            json,
        } => {
            let req = search::SearchRequest {
                query,
                court,
                doc_type,
                judge,
                filed_after,
                filed_before,
                limit,
            };
            search_index(&index, &req, json)
        }
        Command::Worker { config } => {
            let config: Config =
                serde_json::from_str(&config).context("the worker's --config is not valid")?;
            ordex::worker::serve(&config).context("worker")?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The `extract` flags that say which inputs go where.
struct Plan {
    output: Option<PathBuf>,
    jobs: Option<usize>,
    resume: bool,
    shard: Option<inputs::Shard>,
    format: Format,
}

/// Run documents in worker processes: this program again, as `ordex worker`, with `config`.
fn worker_processes(config: &Config) -> Result<Isolation> {
    // /proc/self/exe is this very binary even when its file is replaced or deleted during the
    // run (an upgrade); elsewhere, the path it was started from.
    let program = match std::path::Path::new("/proc/self/exe") {
        p if cfg!(target_os = "linux") && p.exists() => p.to_path_buf(),
        _ => {
            std::env::current_exe().context("cannot find this program to start worker processes")?
        }
    };
    let args = vec![
        "worker".to_string(),
        "--config".to_string(),
        serde_json::to_string(config)?,
    ];
    Ok(Isolation::Processes { program, args })
}

fn extract(args: &[String], plan: &Plan, config: &Config) -> Result<ExitCode> {
    let mut paths =
        inputs::collect(args, &mut std::io::stdin().lock()).map_err(anyhow::Error::msg)?;
    if let Some(shard) = plan.shard {
        paths.retain(|p| inputs::in_shard(p, shard));
    }
    let jobs = plan
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let mut out: Box<dyn Write> = match (&plan.output, plan.resume) {
        (Some(p), true) => {
            let done = inputs::resume(p).map_err(anyhow::Error::msg)?;
            let listed = paths.len();
            paths.retain(|path| !inputs::is_done(path, &done));
            let changed = paths
                .iter()
                .filter(|p| done.records.contains_key(p.as_str()))
                .count();
            eprintln!(
                "ordex: resuming {}: {} records kept{}, {} of {} inputs done, {} to do{}",
                p.display(),
                done.lines,
                if done.torn_bytes > 0 {
                    format!(" (a torn last line of {} bytes cut off)", done.torn_bytes)
                } else {
                    String::new()
                },
                listed - paths.len(),
                listed,
                paths.len(),
                if changed > 0 {
                    format!(" ({changed} changed since their record was written: new records follow the old)")
                } else {
                    String::new()
                }
            );
            let file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(p)
                .with_context(|| format!("cannot append to {}", p.display()))?;
            Box::new(BufWriter::new(file))
        }
        (Some(p), false) => Box::new(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
        )),
        (None, _) => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let bar = ProgressBar::with_draw_target(Some(paths.len() as u64), ProgressDrawTarget::hidden());
    if std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} docs {msg} {per_sec} eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
    }
    let (mut pages, mut failed) = (0usize, 0usize);
    let (mut ocr_pages, mut ocr_secs) = (0usize, 0.0f64);
    let summary = batch::run(&paths, config, jobs, |rec| -> std::io::Result<()> {
        if plan.format == Format::OpensearchBulk {
            bulk::write_record(&mut out, rec.record()?.as_ref())?;
        } else {
            rec.write_json(&mut out)?;
            out.write_all(b"\n")?;
        }
        pages += rec.pages();
        if let Some(err) = rec.error() {
            failed += 1;
            bar.suspend(|| eprintln!("ordex: {}: {}", rec.path(), err.message));
        }
        ocr_pages += rec.ocr_pages();
        ocr_secs += rec.ocr_secs();
        if config.ocr.enabled {
            bar.set_message(format!(
                "{pages} pages ({ocr_pages} OCR'd), {failed} failed"
            ));
        } else {
            bar.set_message(format!("{pages} pages, {failed} failed"));
        }
        bar.inc(1);
        Ok(())
    })
    .context("cannot write the records")?;
    out.flush().context("cannot write the records")?;
    bar.finish_and_clear();
    // OCR time is summed over documents (seconds of document threads, not wall seconds).
    let ocr = if config.ocr.enabled {
        format!(", {ocr_pages} pages OCR'd in {ocr_secs:.1} s")
    } else {
        String::new()
    };
    eprintln!(
        "ordex: {} documents, {} pages, {} ok, {} failed, {:.1} s, {:.1} documents/s{ocr}",
        summary.docs,
        summary.pages,
        summary.ok,
        summary.failed,
        summary.secs,
        summary.docs as f64 / summary.secs.max(1e-9)
    );
    Ok(ExitCode::from(if summary.failed > 0 { 1 } else { 0 }))
}

/// `ordex index PATH...`: extract in parallel, index in input order, commit at the end.
fn index_pdfs(
    args: &[String],
    dir: &Path,
    jobs: Option<usize>,
    config: &Config,
) -> Result<ExitCode> {
    let paths = inputs::collect(args, &mut std::io::stdin().lock()).map_err(anyhow::Error::msg)?;
    let jobs = jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let mut sink = IndexSink::open(dir)?;
    let bar = ProgressBar::with_draw_target(Some(paths.len() as u64), ProgressDrawTarget::hidden());
    if std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::stderr());
    }
    let run = batch::run(&paths, config, jobs, |rec| -> Result<()> {
        if let Some(err) = rec.error() {
            bar.suspend(|| eprintln!("ordex: {}: {}", rec.path(), err.message));
        }
        sink.add(&rec.value()?)?;
        bar.inc(1);
        Ok(())
    })?;
    bar.finish_and_clear();
    let summary = sink.finish()?;
    eprintln!(
        "ordex: {} documents indexed, {} error records skipped, {} in the index, {:.1} s",
        summary.indexed, summary.skipped, summary.total, run.secs
    );
    Ok(ExitCode::from(if run.failed > 0 { 1 } else { 0 }))
}

/// `ordex index --records FILE`: index records from JSON Lines (`-`: standard input).
fn index_records(file: &Path, dir: &Path) -> Result<ExitCode> {
    let input: Box<dyn BufRead> = if file == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(file).with_context(|| format!("cannot read {}", file.display()))?,
        ))
    };
    let start = std::time::Instant::now();
    let mut sink = IndexSink::open(dir)?;
    for (n, line) in input.lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", file.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: serde_json::Value = serde_json::from_str(&line)
            .with_context(|| format!("{} line {}: not a JSON record", file.display(), n + 1))?;
        sink.add(&rec)?;
    }
    let summary = sink.finish()?;
    eprintln!(
        "ordex: {} documents indexed, {} error records skipped, {} in the index, {:.1} s",
        summary.indexed,
        summary.skipped,
        summary.total,
        start.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// `ordex search`: hits as text (highlights bold on a terminal, `**` otherwise) or JSON lines.
fn search_index(dir: &Path, req: &search::SearchRequest, json: bool) -> Result<ExitCode> {
    let results = search::search(dir, req)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let (open, close) = if std::io::stdout().is_terminal() {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("**", "**")
    };
    for (i, hit) in results.hits.iter().enumerate() {
        if json {
            serde_json::to_writer(&mut out, hit)?;
            writeln!(out)?;
        } else {
            write!(out, "{}", search::format_hit(i + 1, hit, open, close))?;
        }
    }
    out.flush()?;
    eprintln!(
        "ordex: {} matching documents, {} shown",
        results.total,
        results.hits.len()
    );
    Ok(ExitCode::from(if results.total == 0 { 1 } else { 0 }))
}

/// A `--type` value: one of the document types.
fn doc_type_name(s: &str) -> Result<String, String> {
    let t = s.trim().to_lowercase();
    ordex::classify::DocType::parse(&t)
        .map(|t| t.as_str().to_string())
        .ok_or_else(|| {
            let names: Vec<&str> = ordex::classify::DocType::ALL
                .iter()
                .map(|t| t.as_str())
                .collect();
            format!("not a document type; one of: {}", names.join(", "))
        })
}
