//! The `ordex` command line: flags, terminal, exit codes. The work is in the library.
//!
//! Every numeric flag has a range (the `*_MAX` constants below, and `--help`); a value outside
//! it is a one-line usage error, exit 2, before any work. Why the ranges are what they are is
//! in docs/hardening.md.

use anyhow::{bail, Context as _, Result};
use clap::{CommandFactory, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use ordex::batch::{Finished, Isolation, Watch};
use ordex::index::{bulk, search, IndexSink};
use ordex::{batch, inputs, interrupt, output, Config, Limits, OcrConfig, TimeLimit};
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{BufRead, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Largest value of the MB flags (1 TiB): in bytes it fits 64 bits with room to spare.
const MB_MAX: u64 = 1 << 20;
/// Longest `--timeout`, in seconds (a day).
const TIMEOUT_MAX: f64 = 86_400.0;
/// Longest `--timeout-per-page`, in seconds (an hour).
const PER_PAGE_MAX: f64 = 3_600.0;
/// Most `--max-pages`.
const PAGES_MAX: u64 = 1_000_000;
/// Most `--max-glyphs-per-page`.
const GLYPHS_MAX: u64 = 10_000_000;
/// Most `--ocr-max-pages`.
const OCR_PAGES_MAX: u64 = 10_000;
/// Least `--max-memory-mb`: a worker reserves a 256 MB stack for its document thread, and its
/// allocator a few arenas, before it reads a byte.
const MEMORY_MIN: u64 = 512;
/// Most `--limit` hits of a search.
const LIMIT_MAX: u64 = 10_000;

/// What `--version` says: the program's version and the schema of the records it writes
/// (`ordex::record::SCHEMA`, which a test holds this to).
const VERSION_TEXT: &str = concat!(env!("CARGO_PKG_VERSION"), " (records: ordex/1)");

#[derive(Parser)]
#[command(
    name = "ordex",
    version = VERSION_TEXT,
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
        /// PDF files or folders (walked recursively for *.pdf in any case, in sorted order,
        /// each folder and file once); `-` reads a list of paths from standard input, one a
        /// line, byte for byte.
        #[arg(required = true)]
        paths: Vec<OsString>,
        /// Write the records to FILE (`-`: standard output, the default). FILE is locked while
        /// the run writes it, and never one of the inputs or a file ordex did not write.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Number of documents processed at once, 1 to 4 per core (at least 32, at most 256)
        /// [default: number of cores].
        #[arg(short, long, value_name = "N", value_parser = parse_jobs, allow_negative_numbers = true)]
        jobs: Option<usize>,
        /// Per-document time limit, fixed part, in seconds (above 0, at most 86400); a document
        /// over its limit gets a `timeout` record. It starts when the document does.
        #[arg(long, value_name = "SECS", default_value = "60", value_parser = parse_timeout, allow_negative_numbers = true)]
        timeout: f64,
        /// Seconds added to a document's time limit for each of its pages (0 to 3600)
        /// [default: 0.5, or 10 when OCR is on].
        #[arg(long, value_name = "SECS", value_parser = parse_per_page, allow_negative_numbers = true)]
        timeout_per_page: Option<f64>,
        /// OCR every scanned page (no text beyond stamps) with the `tesseract` command, checked
        /// before any work: without a working tesseract (with English data), a usage error.
        /// Without --ocr, scanned pages are left unread (`quality.needs_ocr`), which the run's
        /// summary counts once: OCR takes seconds a page, so a run's time stays what its
        /// born-digital pages cost unless it is asked for.
        #[arg(long, conflicts_with = "no_ocr")]
        ocr: bool,
        /// Never OCR (the default, said explicitly; it cannot be given with --ocr).
        #[arg(long)]
        no_ocr: bool,
        /// When OCR is on: at most N pages of a document are OCR'd (1 to 10000).
        #[arg(long, value_name = "N", default_value_t = 50,
              value_parser = clap::value_parser!(u64).range(1..=OCR_PAGES_MAX), allow_negative_numbers = true)]
        ocr_max_pages: u64,
        /// Where documents run: `process` (worker processes: a crash, an abort or a runaway
        /// document costs one record) or `thread` (in this process: a little faster, no caps
        /// on memory, and a fatal failure ends the run).
        #[arg(long, value_name = "HOW", default_value = "process", value_parser = ["process", "thread"])]
        isolation: String,
        /// Largest input file read, in MB, 1 to 1048576 (bigger files get a `limit` record).
        #[arg(long, value_name = "MB", default_value_t = 512,
              value_parser = clap::value_parser!(u64).range(1..=MB_MAX), allow_negative_numbers = true)]
        max_file_mb: u64,
        /// Most pages per document (1 to 1000000).
        #[arg(long, value_name = "N", default_value_t = 10_000,
              value_parser = clap::value_parser!(u64).range(1..=PAGES_MAX), allow_negative_numbers = true)]
        max_pages: u64,
        /// Most glyphs drawn on one page (1 to 10000000).
        #[arg(long, value_name = "N", default_value_t = 500_000,
              value_parser = clap::value_parser!(u64).range(1..=GLYPHS_MAX), allow_negative_numbers = true)]
        max_glyphs_per_page: u64,
        /// Most MB one stream may decode to, through every filter and chain of filters, and
        /// most MB any one thing sized by a number in the file may take (1 to 1048576).
        #[arg(long, value_name = "MB", default_value_t = 256,
              value_parser = clap::value_parser!(u64).range(1..=MB_MAX), allow_negative_numbers = true)]
        max_stream_mb: u64,
        /// Most MB the distinct streams read for a document may decode to together (1 to
        /// 1048576).
        #[arg(long, value_name = "MB", default_value_t = 2048,
              value_parser = clap::value_parser!(u64).range(1..=MB_MAX), allow_negative_numbers = true)]
        max_document_mb: u64,
        /// Address-space cap of each worker process, in MB (512 to 1048576): bounds what a
        /// document can take (one over it gets a `memory` record).
        #[arg(long, value_name = "MB", default_value_t = 4096,
              value_parser = clap::value_parser!(u64).range(MEMORY_MIN..=MB_MAX), allow_negative_numbers = true)]
        max_memory_mb: u64,
        /// Append to the -o file, skipping inputs whose last record there was made from the
        /// same file bytes by this ordex version; a torn last line left by a killed run is
        /// redone. A file that is not ordex output, or was written by another version, is
        /// refused unchanged.
        #[arg(long, requires = "output")]
        resume: bool,
        /// With --resume: run again the inputs whose last record is a `timeout` or `crashed`
        /// error (the new record is appended; the last record of a path is the one that counts).
        #[arg(long, requires = "resume")]
        retry_failed: bool,
        /// Take only shard I of N (I counts from 0, N at most 1000000) of the inputs, split by
        /// a hash of each path as listed: N machines given the same list split it with no
        /// coordinator.
        #[arg(long, value_name = "I/N", value_parser = inputs::parse_shard)]
        shard: Option<inputs::Shard>,
        /// Output format: JSON Lines records, or OpenSearch/Elasticsearch `_bulk` NDJSON (ok
        /// records only, see docs/opensearch-mapping.json).
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
        /// Exit 0 when every failure of the run is a document's error record (a bad PDF: its
        /// record says why), as a scheduler that counts a run's success wants; usage errors,
        /// unwritable output and interruptions keep their exit status.
        #[arg(long)]
        exit_zero_on_document_errors: bool,
    },
    /// Extract PDFs (or read records) into an embedded search index; re-indexing replaces, and
    /// a rerun adds what an interrupted one did not.
    Index {
        /// PDF files or folders, as for `extract`.
        #[arg(required_unless_present = "records", conflicts_with = "records")]
        paths: Vec<OsString>,
        /// Index records already extracted (JSON Lines from `ordex extract`; `-` for stdin);
        /// the last record of a path is the one indexed.
        #[arg(long, value_name = "FILE")]
        records: Option<PathBuf>,
        /// The index folder (created if missing; a folder that holds anything but an ordex
        /// index is refused).
        #[arg(long, value_name = "DIR")]
        index: PathBuf,
        /// Number of documents processed at once, as for `extract`.
        #[arg(short, long, value_name = "N", value_parser = parse_jobs, allow_negative_numbers = true)]
        jobs: Option<usize>,
        /// Per-document time limit, fixed part, in seconds, as for `extract` (documents run in
        /// worker processes with the default caps, as `extract` runs them).
        #[arg(long, value_name = "SECS", default_value = "60", value_parser = parse_timeout, allow_negative_numbers = true)]
        timeout: f64,
        /// Skip the inputs the index already holds (same path, same file bytes): a rerun of an
        /// interrupted index adds the rest. Without it, every input is read and replaces its
        /// document.
        #[arg(long, conflicts_with = "records")]
        resume: bool,
    },
    /// Search an index made by `ordex index`; best (BM25) first. Exit 1 when nothing matches.
    Search {
        /// The index folder.
        #[arg(long, value_name = "DIR")]
        index: PathBuf,
        /// What to find: every word required (split as the index splits text, punctuation
        /// ignored), "quoted words" a phrase. With --query-syntax tantivy: tantivy's query
        /// language (a OR b, -not, field:term). May start with `-`. None, or no word: every
        /// document the filters let through.
        #[arg(allow_hyphen_values = true)]
        query: Option<String>,
        /// How QUERY is read: `literal` (the default) or `tantivy`.
        #[arg(long, value_name = "HOW", default_value = "literal", value_parser = ["literal", "tantivy"])]
        query_syntax: String,
        /// Only this court id (e.g. cand).
        #[arg(long, value_name = "ID")]
        court: Option<String>,
        /// Only the papers of this case, its number in any form a caption or a CM/ECF stamp
        /// prints it ("2:17-cv-1666", "2:17-cv-01666-KJN", "17-cv-1666", "CV 17-1666"): read
        /// into its normalized form, judges' initials left off. A number without its office
        /// also finds the papers that print one; a number with it, those that print no office
        /// or the same one.
        #[arg(long = "case", value_name = "NUMBER")]
        case_number: Option<String>,
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
        /// At most N hits (1 to 10000).
        #[arg(long, value_name = "N", default_value_t = 10,
              value_parser = clap::value_parser!(u64).range(1..=LIMIT_MAX), allow_negative_numbers = true)]
        limit: u64,
        /// One JSON hit a line (with the snippet's highlight byte ranges).
        #[arg(long)]
        json: bool,
    },
    /// Print the JSON Schema (draft 2020-12) of the records, `ordex/1`.
    Schema,
    /// Print a shell completion script (e.g. `ordex completions bash >
    /// ~/.local/share/bash-completion/completions/ordex`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write the man pages (ordex.1, ordex-extract.1, ...) into DIR (internal: they are
    /// committed under docs/man).
    #[command(hide = true)]
    Man {
        /// The folder to write them in (created if missing).
        dir: PathBuf,
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

/// The most jobs `-j` takes here: 4 per core the process may use, at least 32, at most 256
/// (docs/hardening.md says why).
fn jobs_max() -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    cores.saturating_mul(4).clamp(32, 256)
}

fn parse_jobs(s: &str) -> Result<usize, String> {
    let max = jobs_max();
    let bad = || {
        format!(
            "-j wants 1 to {max} here (4 per core, at least 32, at most 256; see \
             docs/hardening.md)"
        )
    };
    let n: usize = s.trim().parse().map_err(|_| bad())?;
    if n == 0 || n > max {
        return Err(bad());
    }
    Ok(n)
}

/// Seconds: a finite number in `lo..=hi` (above `lo` when `open`).
fn seconds(s: &str, lo: f64, open: bool, hi: f64) -> Result<f64, String> {
    let range = if open {
        format!("above {lo} and at most {hi}")
    } else {
        format!("{lo} to {hi}")
    };
    let bad = || format!("not a number of seconds {range}");
    let v: f64 = s.trim().parse().map_err(|_| bad())?;
    let low_ok = if open { v > lo } else { v >= lo };
    if !v.is_finite() || !low_ok || v > hi {
        return Err(bad());
    }
    Ok(v)
}

fn parse_timeout(s: &str) -> Result<f64, String> {
    seconds(s, 0.0, true, TIMEOUT_MAX)
}

fn parse_per_page(s: &str) -> Result<f64, String> {
    seconds(s, 0.0, false, PER_PAGE_MAX)
}

/// A line on standard error; a closed standard error is not a reason to fail.
fn note(line: &str) {
    let _ = writeln!(std::io::stderr(), "ordex: {line}");
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            note(&format!("error: {e:#}"));
            ExitCode::from(2)
        }
    }
}

/// clap's error in one line: its first line, the names it lists after, and where help is.
fn one_line(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let mut lines = text.lines().map(str::trim).take_while(|l| !l.is_empty());
    let first = lines
        .next()
        .unwrap_or("bad arguments")
        .trim_start_matches("error: ");
    let rest: Vec<&str> = lines.collect();
    let mut out = first.trim_end_matches(':').to_string();
    if !rest.is_empty() {
        out.push_str(": ");
        out.push_str(&rest.join(", "));
    }
    out.push_str(" (see ordex --help)");
    out
}

fn run() -> Result<ExitCode> {
    let closed = output::claim_closed_stdio();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            note(&format!("error: {}", one_line(&e)));
            return Ok(ExitCode::from(2));
        }
        Err(e) => {
            let _ = e.print();
            return Ok(ExitCode::SUCCESS);
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
            no_ocr,
            ocr_max_pages,
            isolation,
            max_file_mb,
            max_pages,
            max_glyphs_per_page,
            max_stream_mb,
            max_document_mb,
            max_memory_mb,
            resume,
            retry_failed,
            shard,
            format,
            exit_zero_on_document_errors,
        } => {
            // --ocr: tesseract must work, or every scanned page of the run would be left unread:
            // that is not a document's problem but the run's. Otherwise OCR is off, and the
            // summary counts the scanned pages left unread (unless --no-ocr said so already).
            if ocr {
                if let Err(e) = ordex::ocr::tesseract::check() {
                    bail!("--ocr needs a working tesseract: {e}");
                }
            }
            let count_unread = !ocr && !no_ocr;
            // OCR takes seconds a page: a scanned document needs minutes, not one.
            let timeout_per_page = timeout_per_page.unwrap_or(if ocr { 10.0 } else { 0.5 });
            let config = Config {
                time: TimeLimit {
                    secs: timeout,
                    secs_per_page: timeout_per_page,
                },
                limits: Limits {
                    file_bytes: max_file_mb << 20,
                    pages: max_pages as usize,
                    glyphs_per_page: max_glyphs_per_page as usize,
                    stream_bytes: max_stream_mb << 20,
                    document_bytes: max_document_mb << 20,
                    memory_bytes: max_memory_mb << 20,
                },
                isolation: Isolation::Threads,
                ocr: OcrConfig {
                    enabled: ocr,
                    max_pages: ocr_max_pages as usize,
                },
                protect: Vec::new(),
            };
            if closed.stdout && output.as_deref().is_none_or(output::is_stdout) {
                bail!("standard output is closed: the records would be lost (use -o FILE)");
            }
            let plan = Plan {
                output,
                jobs,
                resume,
                retry_failed,
                shard,
                format,
                processes: isolation == "process",
                exit_zero_on_document_errors,
                count_unread,
            };
            extract(&paths, &plan, config)
        }
        Command::Index {
            paths,
            records,
            index,
            jobs,
            timeout,
            resume,
        } => match records {
            Some(file) => index_records(&file, &index),
            None => {
                let config = Config {
                    time: TimeLimit {
                        secs: timeout,
                        ..TimeLimit::default()
                    },
                    ..Config::default()
                };
                index_pdfs(&paths, &index, jobs, resume, config)
            }
        },
        Command::Search {
            index,
            query,
            query_syntax,
            court,
            case_number,
            doc_type,
            judge,
            filed_after,
            filed_before,
            limit,
            json,
        } => {
            if closed.stdout {
                bail!("standard output is closed: the hits would be lost");
            }
            let req = search::SearchRequest {
                query: query.unwrap_or_default(),
                syntax: if query_syntax == "tantivy" {
                    search::Syntax::Tantivy
                } else {
                    search::Syntax::Literal
                },
                court,
                case_number,
                doc_type,
                judge,
                filed_after,
                filed_before,
                limit: limit as usize,
            };
            search_index(&index, &req, json)
        }
        Command::Schema => {
            let mut out = std::io::stdout().lock();
            match out
                .write_all(ordex::record::JSON_SCHEMA.as_bytes())
                .and_then(|()| out.flush())
            {
                Err(e) if !broken_pipe(&e) => Err(e).context("cannot write the schema"),
                _ => Ok(ExitCode::SUCCESS),
            }
        }
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "ordex", &mut out);
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(&out).and_then(|()| stdout.flush()) {
                Err(e) if !broken_pipe(&e) => Err(e).context("cannot write the completions"),
                _ => Ok(ExitCode::SUCCESS),
            }
        }
        Command::Man { dir } => {
            write_man_pages(&dir)?;
            Ok(ExitCode::SUCCESS)
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
    retry_failed: bool,
    shard: Option<inputs::Shard>,
    format: Format,
    processes: bool,
    /// Exit 0 when the only failures are error records.
    exit_zero_on_document_errors: bool,
    /// Count the scanned pages left unread in the summary: OCR was neither asked for
    /// (`--ocr`) nor refused (`--no-ocr`).
    count_unread: bool,
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

/// The number of jobs: as asked, or one per core; and enough open files for them.
fn jobs_for(asked: Option<usize>) -> Result<usize> {
    let jobs = asked
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, jobs_max());
    batch::ensure_open_files(jobs).map_err(anyhow::Error::msg)?;
    Ok(jobs)
}

/// The inputs named on the command line that are files (not folders, not `-`), by identity:
/// the output must not be one of them.
fn named_files(args: &[OsString]) -> Vec<(inputs::FileId, PathBuf)> {
    args.iter()
        .filter(|a| *a != "-")
        .filter_map(|a| {
            let m = std::fs::metadata(a).ok()?;
            m.is_file().then(|| (inputs::file_id(&m), PathBuf::from(a)))
        })
        .collect()
}

/// What a run's summary line counts.
#[derive(Default)]
struct Tally {
    ok: usize,
    failed: BTreeMap<String, usize>,
    empty_body: usize,
    needs_ocr: usize,
    garbled: usize,
    pages: usize,
    ocr_pages: usize,
    /// Scanned pages that OCR did not read.
    scanned_unread: usize,
    ocr_secs: f64,
    written: usize,
    /// Documents read, by type.
    types: BTreeMap<&'static str, usize>,
}

impl Tally {
    fn add(&mut self, rec: &Finished) {
        self.written += 1;
        self.pages += rec.pages();
        self.ocr_pages += rec.ocr_pages();
        self.scanned_unread += rec.scanned_unread();
        self.ocr_secs += rec.ocr_secs();
        match rec.error() {
            Some(e) => *self.failed.entry(e.kind.to_string()).or_default() += 1,
            None => {
                self.ok += 1;
                self.empty_body += usize::from(rec.body_empty());
                self.needs_ocr += usize::from(rec.needs_ocr());
                self.garbled += usize::from(rec.garbled());
                *self.types.entry(rec.doc_type().as_str()).or_default() += 1;
            }
        }
    }

    fn failed(&self) -> usize {
        self.failed.values().sum()
    }

    /// "117 ok (2 with an empty body, 3 need OCR, 1 garbled), 3 failed (1 empty, 2 not_pdf)".
    fn outcome(&self) -> String {
        let mut ok_notes = Vec::new();
        if self.empty_body > 0 {
            ok_notes.push(format!("{} with an empty body", self.empty_body));
        }
        if self.needs_ocr > 0 {
            ok_notes.push(format!("{} need OCR", self.needs_ocr));
        }
        if self.garbled > 0 {
            ok_notes.push(format!("{} garbled", self.garbled));
        }
        let mut s = format!("{} ok", self.ok);
        if !ok_notes.is_empty() {
            s.push_str(&format!(" ({})", ok_notes.join(", ")));
        }
        s.push_str(&format!(", {} failed", self.failed()));
        if !self.failed.is_empty() {
            let kinds: Vec<String> = self
                .failed
                .iter()
                .map(|(k, n)| format!("{n} {k}"))
                .collect();
            s.push_str(&format!(" ({})", kinds.join(", ")));
        }
        s
    }

    /// "by type: 40 order, 12 motion, 3 exhibit": the documents read, most common type first.
    fn by_type(&self) -> Option<String> {
        let mut types: Vec<(&str, usize)> = self.types.iter().map(|(t, n)| (*t, *n)).collect();
        types.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        (!types.is_empty()).then(|| {
            let list: Vec<String> = types.iter().map(|(t, n)| format!("{n} {t}")).collect();
            format!("by type: {}", list.join(", "))
        })
    }
}

/// A progress bar on standard error when it is a terminal; hidden otherwise.
fn progress(len: usize) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::hidden());
    if std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} docs {msg} {per_sec} eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
    }
    bar
}

/// Is this error a closed pipe on standard output (`| head`)?
fn broken_pipe(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe
}

fn extract(args: &[OsString], plan: &Plan, mut config: Config) -> Result<ExitCode> {
    let mut paths =
        inputs::collect(args, &mut std::io::stdin().lock()).map_err(anyhow::Error::msg)?;
    if let Some(shard) = plan.shard {
        paths.retain(|p| inputs::in_shard(p, shard));
    }
    let jobs = jobs_for(plan.jobs)?;
    let target = plan.output.as_deref().filter(|p| !output::is_stdout(p));
    if let Some(out) = target {
        if let Ok(m) = std::fs::metadata(out) {
            let id = inputs::file_id(&m);
            if let Some((_, input)) = named_files(args).into_iter().find(|(i, _)| *i == id) {
                bail!(
                    "-o {} is one of the inputs ({}): ordex never writes over an input",
                    out.display(),
                    input.display()
                );
            }
        }
    }
    let bulk = plan.format == Format::OpensearchBulk;
    let opened = output::open(target, plan.resume, bulk).map_err(anyhow::Error::msg)?;
    config.protect.extend(opened.id);
    if let (Some(done), Some(p)) = (&opened.done, target) {
        let listed = paths.len();
        paths.retain(|path| !inputs::is_done(path, done, plan.retry_failed));
        let seen = paths
            .iter()
            .filter(|p| done.records.contains_key(inputs::path_bytes(p)))
            .count();
        let retried = if plan.retry_failed {
            paths
                .iter()
                .filter(|p| {
                    done.records
                        .get(inputs::path_bytes(p))
                        .and_then(|l| l.error.as_deref())
                        .is_some_and(|k| inputs::RETRIED.contains(&k))
                })
                .count()
        } else {
            0
        };
        let changed = seen - retried;
        note(&format!(
            "resuming {}: {} records kept{}, {} of {} inputs done, {} to do{}{}",
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
            if retried > 0 {
                format!(" ({retried} timeout or crashed records retried)")
            } else {
                String::new()
            },
            if changed > 0 {
                format!(" ({changed} changed since their record was written: new records follow the old)")
            } else {
                String::new()
            }
        ));
    }
    if plan.processes {
        config.isolation = worker_processes(&config)?;
    }
    let stdout = opened.stdout;
    // Written by each record, flushed when the run waits (see `Watch::idle`).
    let out = std::cell::RefCell::new(BufWriter::new(opened.writer));
    let bar = progress(paths.len());
    let mut tally = Tally::default();
    interrupt::catch();
    let ocr = config.ocr.enabled;
    let mut finished = |_: &Finished| bar.inc(1);
    // A failed flush shows again at the next write or at the end.
    let mut idle = || {
        let _ = out.borrow_mut().flush();
    };
    let watch = Watch {
        finished: &mut finished,
        stop: &|| interrupt::caught().is_some(),
        idle: &mut idle,
    };
    let summary = batch::run_watched(&paths, &config, jobs, watch, |rec| {
        let mut out = out.borrow_mut();
        let mut out = &mut *out;
        if bulk {
            bulk::write_record(&mut out, rec.record()?.as_ref())?;
        } else {
            rec.write_json(&mut out)?;
            out.write_all(b"\n")?;
        }
        tally.add(rec);
        if let Some(err) = rec.error() {
            bar.suspend(|| note(&format!("{}: {}", rec.path(), err.message)));
        }
        let mut msg = format!("{} pages", tally.pages);
        if ocr {
            msg.push_str(&format!(" ({} OCR'd)", tally.ocr_pages));
        }
        msg.push_str(&format!(", {} failed", tally.failed()));
        bar.set_message(msg);
        Ok::<(), std::io::Error>(())
    });
    let summary = match summary.and_then(|s| out.borrow_mut().flush().map(|()| s)) {
        Ok(s) => s,
        Err(e) if stdout && broken_pipe(&e) => {
            // The reader has all it wants (`| head`): not an error.
            bar.finish_and_clear();
            return Ok(ExitCode::SUCCESS);
        }
        Err(e) => return Err(e).context("cannot write the records"),
    };
    bar.finish_and_clear();
    if summary.stopped {
        let sig = interrupt::caught().unwrap_or(2);
        let how = match target {
            Some(p) if !stdout => format!(
                "run the same command with --resume to do the rest (-o {})",
                p.display()
            ),
            _ => "write to a file (-o FILE) to be able to resume".to_string(),
        };
        note(&format!(
            "interrupted by {}: {} records written, {} inputs not done; {how}",
            interrupt::name(sig),
            tally.written,
            paths.len() - tally.written
        ));
        return Ok(ExitCode::from(interrupt::exit_status(sig)));
    }
    // OCR time is summed over documents (seconds of document threads, not wall seconds).
    let ocr = if ocr {
        format!(
            ", {} pages OCR'd in {:.1} s",
            tally.ocr_pages, tally.ocr_secs
        )
    } else {
        String::new()
    };
    note(&format!(
        "{} documents, {} pages: {}{ocr}, {:.1} s, {:.1} documents/s",
        summary.docs,
        summary.pages,
        tally.outcome(),
        summary.secs,
        summary.docs as f64 / summary.secs.max(1e-9)
    ));
    if let Some(types) = tally.by_type() {
        note(&types);
    }
    if let (true, n @ 1..) = (plan.count_unread, tally.scanned_unread) {
        let pages = if n == 1 { "page" } else { "pages" };
        note(&format!(
            "{n} scanned {pages} not read: OCR is off; pass --ocr to read them with tesseract"
        ));
    }
    let failed = summary.failed > 0 && !plan.exit_zero_on_document_errors;
    Ok(ExitCode::from(if failed { 1 } else { 0 }))
}

/// `ordex index PATH...`: extract in parallel, index in input order, commit as it goes and at
/// the end. With `resume`, inputs already in the index (same path, same file bytes) are not
/// read again, so a rerun after an interruption adds the rest.
fn index_pdfs(
    args: &[OsString],
    dir: &Path,
    jobs: Option<usize>,
    resume: bool,
    mut config: Config,
) -> Result<ExitCode> {
    let mut paths =
        inputs::collect(args, &mut std::io::stdin().lock()).map_err(anyhow::Error::msg)?;
    let jobs = jobs_for(jobs)?;
    let mut sink = IndexSink::open(dir)?;
    if resume {
        let indexed = sink.indexed()?;
        let listed = paths.len();
        paths.retain(|p| {
            let key = ordex::record::path_text(p).0;
            indexed
                .get(&key)
                .is_none_or(|id| inputs::file_sha256(p).as_ref() != Some(id))
        });
        note(&format!(
            "resuming {}: {} of {listed} inputs already in the index, {} to do",
            dir.display(),
            listed - paths.len(),
            paths.len()
        ));
    }
    config.isolation = worker_processes(&config)?;
    let bar = progress(paths.len());
    interrupt::catch();
    let mut finished = |_: &Finished| bar.inc(1);
    let watch = Watch {
        finished: &mut finished,
        stop: &|| interrupt::caught().is_some(),
        idle: &mut || {},
    };
    let run = batch::run_watched(&paths, &config, jobs, watch, |rec| -> Result<()> {
        if let Some(err) = rec.error() {
            bar.suspend(|| note(&format!("{}: {}", rec.path(), err.message)));
        }
        sink.add(&rec.value()?)?;
        Ok(())
    })?;
    bar.finish_and_clear();
    let summary = sink.finish()?;
    if run.stopped {
        let sig = interrupt::caught().unwrap_or(2);
        note(&format!(
            "interrupted by {}: {} documents indexed and committed; run the same command with \
             --resume to add the rest",
            interrupt::name(sig),
            summary.indexed
        ));
        return Ok(ExitCode::from(interrupt::exit_status(sig)));
    }
    note(&format!(
        "{} documents indexed, {} error records skipped, {} in the index, {:.1} s",
        summary.indexed, summary.skipped, summary.total, run.secs
    ));
    Ok(ExitCode::from(if run.failed > 0 { 1 } else { 0 }))
}

/// `ordex index --records FILE`: index records from JSON Lines (`-`: standard input); the last
/// record of a path is the one that counts.
fn index_records(file: &Path, dir: &Path) -> Result<ExitCode> {
    let mut input: Box<dyn BufRead> = if output::is_stdout(file) {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(file).with_context(|| format!("cannot read {}", file.display()))?,
        ))
    };
    let start = std::time::Instant::now();
    let mut sink = IndexSink::open(dir)?;
    interrupt::catch();
    let mut buf = Vec::new();
    for n in 1.. {
        if let Some(sig) = interrupt::caught() {
            let summary = sink.finish()?;
            note(&format!(
                "interrupted by {}: {} documents indexed and committed",
                interrupt::name(sig),
                summary.indexed
            ));
            return Ok(ExitCode::from(interrupt::exit_status(sig)));
        }
        let at = || format!("{} line {n}", file.display());
        let end = inputs::read_line(&mut *input, &mut buf, inputs::RECORD_LINE_MAX)
            .with_context(|| format!("cannot read {}", file.display()))?;
        match end {
            inputs::LineEnd::Eof => break,
            inputs::LineEnd::TooLong => bail!(
                "{}: longer than {} MB: not a JSON record",
                at(),
                inputs::RECORD_LINE_MAX >> 20
            ),
            inputs::LineEnd::Nul => bail!("{}: a NUL byte: not a JSON record", at()),
            inputs::LineEnd::Newline | inputs::LineEnd::Torn => {}
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let rec: serde_json::Value =
            serde_json::from_slice(&buf).with_context(|| format!("{}: not a JSON record", at()))?;
        sink.add(&rec)?;
    }
    let summary = sink.finish()?;
    note(&format!(
        "{} documents indexed, {} error records skipped, {} in the index, {:.1} s",
        summary.indexed,
        summary.skipped,
        summary.total,
        start.elapsed().as_secs_f64()
    ));
    Ok(ExitCode::SUCCESS)
}

/// `ordex search`: hits as text (highlights bold on a terminal unless `NO_COLOR` is set, `**`
/// otherwise) or JSON lines.
fn search_index(dir: &Path, req: &search::SearchRequest, json: bool) -> Result<ExitCode> {
    let results = search::search(dir, req)?;
    let color = std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let (open, close) = if color {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("**", "**")
    };
    let write = || -> std::io::Result<()> {
        let mut out = BufWriter::new(std::io::stdout().lock());
        for (i, hit) in results.hits.iter().enumerate() {
            if json {
                serde_json::to_writer(&mut out, hit)?;
                writeln!(out)?;
            } else {
                write!(out, "{}", search::format_hit(i + 1, hit, open, close))?;
            }
        }
        out.flush()
    };
    match write() {
        Ok(()) => {}
        Err(e) if broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(e).context("cannot write the hits"),
    }
    note(&format!(
        "{} matching documents, {} shown",
        results.total,
        results.hits.len()
    ));
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

/// Write a man page for `ordex` and one for each subcommand a user runs (not the hidden ones)
/// into `dir`, made from the clap definitions (`docs/man` holds them, and a test
/// holds them to what this writes).
fn write_man_pages(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    // `ordex help` is `--help` again: no page of its own, and none listed.
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = vec![cmd.clone()];
    pages.extend(cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
    for page in pages {
        let name = page
            .get_display_name()
            .unwrap_or(page.get_name())
            .to_string();
        let mut text = Vec::new();
        clap_mangen::Man::new(page)
            .render(&mut text)
            .context("cannot render a man page")?;
        let file = dir.join(format!("{name}.1"));
        std::fs::write(&file, text).with_context(|| format!("cannot write {}", file.display()))?;
    }
    Ok(())
}
