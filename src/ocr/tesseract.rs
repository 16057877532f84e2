//! Run the `tesseract` command on one page image: PGM in on standard input, hOCR out on
//! standard output, killed when the document's time runs out.
//!
//! Every `tesseract` process is a process group of its own (killed as a group, with anything it
//! started) and dies with the thread that started it (`PR_SET_PDEATHSIG`): a worker killed at
//! its time limit leaves no OCR engine behind.

use crate::pdf::raster::Raster;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The program run; `ORDEX_TESSERACT` names another (a wrapper, a path outside PATH).
fn program() -> String {
    std::env::var("ORDEX_TESSERACT").unwrap_or_else(|_| "tesseract".to_string())
}

/// The command, made as every run of it is: its own process group, dying with its parent.
fn command() -> Command {
    let mut cmd = Command::new(program());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: `own_group_dying_with_parent` makes only async-signal-safe calls.
        unsafe {
            cmd.pre_exec(crate::worker::own_group_dying_with_parent(true));
        }
    }
    cmd
}

/// SIGKILL to `child`'s process group (it leads one), and to `child`.
fn kill(child: &mut std::process::Child) {
    #[cfg(unix)]
    if let Ok(pid) = libc::pid_t::try_from(child.id()) {
        // SAFETY: a plain system call; a group that is gone makes it fail, harmlessly.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// Run the command with `args` and no input, and return what it wrote to standard output
/// and standard error together; killed after `limit`.
fn run_briefly(args: &[&str], limit: Duration) -> Result<String, String> {
    let mut child = command()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e} (install tesseract-ocr)", program()))?;
    let (Some(mut stdout), Some(mut stderr)) = (child.stdout.take(), child.stderr.take()) else {
        kill(&mut child);
        return Err("tesseract's pipes could not be opened".into());
    };
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stdout.read_to_end(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stderr.read_to_end(&mut s);
        s
    });
    let deadline = Instant::now() + limit;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                kill(&mut child);
                return Err(format!(
                    "{} {} did not answer within {} s",
                    program(),
                    args.join(" "),
                    limit.as_secs()
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("waiting for {}: {e}", program())),
        }
    };
    // Older versions print on standard error.
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.join().unwrap_or_default()),
        String::from_utf8_lossy(&err.join().unwrap_or_default())
    );
    if !status.success() {
        return Err(format!(
            "{} {} failed ({status}): {}",
            program(),
            args.join(" "),
            text.lines().last().unwrap_or("").trim()
        ));
    }
    Ok(text)
}

/// "tesseract 5.3.0": the first line of `tesseract --version`, asked once per process.
pub fn version() -> Result<String, String> {
    static VERSION: OnceLock<Result<String, String>> = OnceLock::new();
    VERSION
        .get_or_init(|| {
            let text = run_briefly(&["--version"], Duration::from_secs(30))?;
            text.lines()
                .map(str::trim)
                .find(|l| l.starts_with("tesseract "))
                .map(str::to_string)
                .ok_or_else(|| format!("{} --version printed no version", program()))
        })
        .clone()
}

/// Can OCR run here: does `tesseract` answer with a version and have English (`eng`)? The
/// engine's version, or why not. `ordex extract --ocr` asks before any work.
pub fn check() -> Result<String, String> {
    let version = version()?;
    let langs = run_briefly(&["--list-langs"], Duration::from_secs(30))?;
    if !langs.lines().any(|l| l.trim() == "eng") {
        return Err(format!(
            "{version} has no English language data (eng) (install tesseract-ocr-eng)"
        ));
    }
    Ok(version)
}

/// OCR one image with page segmentation mode `psm` (3: a whole page, automatic layout; 6: one
/// block of text; 11: sparse text) and return Tesseract's hOCR, or why not. The process is killed when
/// `deadline` passes.
pub fn hocr(raster: &Raster, psm: u8, deadline: Instant) -> Result<String, String> {
    let mut child = command()
        .args([
            "stdin",
            "stdout",
            "--psm",
            &psm.to_string(),
            "-l",
            "eng",
            "--dpi",
        ])
        .arg(format!("{}", raster.dpi.round() as u32))
        .arg("hocr")
        // One thread per page: documents already run in parallel, one per core.
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e} (install tesseract-ocr)", program()))?;
    let (Some(mut stdin), Some(mut stdout), Some(mut stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        kill(&mut child);
        return Err("tesseract's pipes could not be opened".into());
    };
    let mut pgm = format!("P5\n{} {}\n255\n", raster.width, raster.height).into_bytes();
    pgm.extend_from_slice(&raster.gray);
    // Writer and readers on their own threads, so that no pipe fills while this one waits.
    let writer = std::thread::spawn(move || stdin.write_all(&pgm));
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).map(|_| s)
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                kill(&mut child);
                return Err("time limit reached during OCR; tesseract stopped".into());
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("waiting for tesseract: {e}")),
        }
    };
    let _ = writer.join();
    let out = reader
        .join()
        .map_err(|_| "reading tesseract's output failed".to_string())?
        .map_err(|e| format!("reading tesseract's output: {e}"))?;
    let err = err_reader.join().unwrap_or_default();
    if !status.success() {
        let last = err.lines().last().unwrap_or("").trim().to_string();
        return Err(format!("tesseract failed ({status}): {last}"));
    }
    Ok(out)
}
