//! The `ordex` command line: flags, terminal, exit codes. The work is in the library.

use anyhow::{bail, Context as _, Result};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use ordex::index::{bulk, search, IndexSink};
use ordex::{batch, Config};
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
        /// Per-document time limit in seconds; a document over it gets a `timeout` record.
        #[arg(long, value_name = "SECS", default_value_t = 60)]
        timeout: u64,
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
        /// Per-document time limit in seconds.
        #[arg(long, value_name = "SECS", default_value_t = 60)]
        timeout: u64,
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
            format,
        } => extract(&paths, output.as_deref(), jobs, timeout, format),
        Command::Index {
            paths,
            records,
            index,
            jobs,
            timeout,
        } => match records {
            Some(file) => index_records(&file, &index),
            None => index_pdfs(&paths, &index, jobs, timeout),
        },
        Command::Search {
            index,
            query,
            court,
            judge,
            filed_after,
            filed_before,
            limit,
            json,
        } => {
            let req = search::SearchRequest {
                query,
                court,
                judge,
                filed_after,
                filed_before,
                limit,
            };
            search_index(&index, &req, json)
        }
    }
}

fn extract(
    args: &[String],
    output: Option<&Path>,
    jobs: Option<usize>,
    timeout: u64,
    format: Format,
) -> Result<ExitCode> {
    if timeout == 0 {
        bail!("--timeout must be at least 1 second");
    }
    let paths = collect_inputs(args)?;
    let jobs = jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let mut out: Box<dyn Write> = match output {
        Some(p) => Box::new(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
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
    let config = Config {
        timeout_secs: timeout,
    };
    let summary = batch::run(&paths, &config, jobs, |rec| -> std::io::Result<()> {
        if format == Format::OpensearchBulk {
            bulk::write_record(&mut out, rec)?;
        } else {
            serde_json::to_writer(&mut out, rec)?;
            out.write_all(b"\n")?;
        }
        pages += rec.source.pages;
        if let Some(err) = &rec.error {
            failed += 1;
            bar.suspend(|| eprintln!("ordex: {}: {}", rec.source.path, err.message));
        }
        bar.set_message(format!("{pages} pages, {failed} failed"));
        bar.inc(1);
        Ok(())
    })
    .context("cannot write the records")?;
    out.flush().context("cannot write the records")?;
    bar.finish_and_clear();
    eprintln!(
        "ordex: {} documents, {} pages, {} ok, {} failed, {:.1} s, {:.1} documents/s",
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
fn index_pdfs(args: &[String], dir: &Path, jobs: Option<usize>, timeout: u64) -> Result<ExitCode> {
    if timeout == 0 {
        bail!("--timeout must be at least 1 second");
    }
    let paths = collect_inputs(args)?;
    let jobs = jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let mut sink = IndexSink::open(dir)?;
    let bar = ProgressBar::with_draw_target(Some(paths.len() as u64), ProgressDrawTarget::hidden());
    if std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::stderr());
    }
    let config = Config {
        timeout_secs: timeout,
    };
    let run = batch::run(&paths, &config, jobs, |rec| -> Result<()> {
        if let Some(err) = &rec.error {
            bar.suspend(|| eprintln!("ordex: {}: {}", rec.source.path, err.message));
        }
        sink.add(&serde_json::to_value(rec)?)?;
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

/// Expand the arguments into the list of input files, in order.
fn collect_inputs(args: &[String]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for arg in args {
        if arg == "-" {
            for line in std::io::stdin().lock().lines() {
                let line = line.context("cannot read the list of paths from standard input")?;
                let line = line.trim();
                if !line.is_empty() {
                    out.push(line.to_string());
                }
            }
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found).with_context(|| format!("cannot read folder {arg}"))?;
            found.sort();
            out.extend(found.into_iter().map(|p| p.to_string_lossy().into_owned()));
        } else if path.exists() {
            out.push(arg.clone());
        } else {
            bail!("no such file or folder: {arg}");
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        {
            out.push(path);
        }
    }
    Ok(())
}
