//! Run the `tesseract` command on one page image: PGM in on standard input, hOCR out on
//! standard output, killed when the document's time runs out.

use crate::pdf::raster::Raster;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The program run; `ORDEX_TESSERACT` names another (a wrapper, a path outside PATH).
fn program() -> String {
    std::env::var("ORDEX_TESSERACT").unwrap_or_else(|_| "tesseract".to_string())
}

/// "tesseract 5.3.0": the first line of `tesseract --version`, asked once per process.
pub fn version() -> Result<String, String> {
    static VERSION: OnceLock<Result<String, String>> = OnceLock::new();
    VERSION
        .get_or_init(|| {
            let out = Command::new(program())
                .arg("--version")
                .stdin(Stdio::null())
                .output()
                .map_err(|e| format!("cannot run {}: {e} (install tesseract-ocr)", program()))?;
            // Older versions print the version on standard error.
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            text.lines()
                .map(str::trim)
                .find(|l| l.starts_with("tesseract "))
                .map(str::to_string)
                .ok_or_else(|| format!("{} --version printed no version", program()))
        })
        .clone()
}

/// OCR one image with page segmentation mode `psm` (3: a whole page, automatic layout; 6: one
/// block of text; 11: sparse text) and return Tesseract's hOCR, or why not. The process is killed when
/// `deadline` passes.
pub fn hocr(raster: &Raster, psm: u8, deadline: Instant) -> Result<String, String> {
    let mut child = Command::new(program())
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
        let _ = child.kill();
        let _ = child.wait();
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
                let _ = child.kill();
                let _ = child.wait();
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
