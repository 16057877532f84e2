//! The `ordex` command line: flags, terminal, exit codes. The work is in the library.

use anyhow::{bail, Context as _, Result};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
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
        /// Per-document time limit in seconds; a document over it gets a `timeout` record
        /// [default: 60, or 300 with --ocr].
        #[arg(long, value_name = "SECS")]
        timeout: Option<u64>,
        /// OCR scanned pages (no text beyond stamps) with the `tesseract` command.
        #[arg(long)]
        ocr: bool,
        /// With --ocr: at most N pages of a document are OCR'd.
        #[arg(long, value_name = "N", default_value_t = 50)]
        ocr_max_pages: usize,
    },
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
            ocr,
            ocr_max_pages,
        } => {
            // OCR takes seconds a page: a scanned document needs minutes, not one.
            let config = Config {
                timeout_secs: timeout.unwrap_or(if ocr { 300 } else { 60 }),
                ocr,
                ocr_max_pages,
            };
            extract(&paths, output.as_deref(), jobs, &config)
        }
    }
}

fn extract(
    args: &[String],
    output: Option<&Path>,
    jobs: Option<usize>,
    config: &Config,
) -> Result<ExitCode> {
    if config.timeout_secs == 0 {
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
    let (mut ocr_pages, mut ocr_secs) = (0usize, 0.0f64);
    let summary = batch::run(&paths, config, jobs, |rec| -> std::io::Result<()> {
        serde_json::to_writer(&mut out, rec)?;
        out.write_all(b"\n")?;
        pages += rec.source.pages;
        if let Some(err) = &rec.error {
            failed += 1;
            bar.suspend(|| eprintln!("ordex: {}: {}", rec.source.path, err.message));
        }
        ocr_pages += rec
            .pages
            .iter()
            .filter(|p| p.ocr_confidence.is_some())
            .count();
        ocr_secs += rec.ocr_secs;
        if config.ocr {
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
    let ocr = if config.ocr {
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
