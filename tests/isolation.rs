//! Worker processes: a document that kills, exhausts or stalls its worker gets one error
//! record of the right kind, and the documents after it are read as usual.

mod common;

use flate2::write::ZlibEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn ordex() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ordex"))
}

/// A folder holding `before.pdf`, `bad.pdf` (the given bytes, or a copy of a good fixture)
/// and `after.pdf`: the bad document between two good ones.
fn sandwich(name: &str, bad: Option<&[u8]>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ordex-iso-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let good = common::fixtures().join("ca11-order-clerk-extension-01.pdf");
    std::fs::copy(&good, dir.join("a-before.pdf")).unwrap();
    match bad {
        Some(bytes) => std::fs::write(dir.join("b-bad.pdf"), bytes).unwrap(),
        None => {
            std::fs::copy(&good, dir.join("b-bad.pdf")).unwrap();
        }
    }
    std::fs::copy(&good, dir.join("c-after.pdf")).unwrap();
    dir
}

/// Run `extract -j1` over `dir` with extra flags and environment; the three records.
fn run(dir: &Path, flags: &[&str], env: &[(&str, &str)]) -> Vec<serde_json::Value> {
    let mut cmd = ordex();
    cmd.args(["extract", "--no-ocr", "-j", "1"])
        .args(flags)
        .arg(dir);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "one document failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 3, "one record per input");
    for (rec, name) in recs.iter().zip(["a-before", "b-bad", "c-after"]) {
        assert!(rec["source"]["path"].as_str().unwrap().contains(name));
    }
    for good in [&recs[0], &recs[2]] {
        assert_eq!(good["status"], "ok", "{}", good["error"]);
        assert_eq!(good["caption"]["court_id"], "ca11");
    }
    std::fs::remove_dir_all(dir).unwrap();
    recs
}

fn error_of(rec: &serde_json::Value) -> (String, String) {
    assert_eq!(rec["status"], "error");
    (
        rec["error"]["kind"].as_str().unwrap().to_string(),
        rec["error"]["message"].as_str().unwrap().to_string(),
    )
}

#[test]
fn an_aborting_worker_costs_one_crashed_record() {
    let dir = sandwich("abort", None);
    let recs = run(&dir, &[], &[("ORDEX_WORKER_FAULT", "abort:b-bad")]);
    let (kind, msg) = error_of(&recs[1]);
    assert_eq!(kind, "crashed");
    assert!(msg.contains("signal 6 (SIGABRT)"), "{msg}");
}

#[test]
fn a_stack_overflow_costs_one_crashed_record() {
    let dir = sandwich("overflow", None);
    let recs = run(&dir, &[], &[("ORDEX_WORKER_FAULT", "overflow:b-bad")]);
    let (kind, msg) = error_of(&recs[1]);
    assert_eq!(kind, "crashed");
    assert!(
        msg.contains("overflowed its stack (something in the file nests too deep)"),
        "{msg}"
    );
}

#[test]
fn a_stalled_worker_is_killed_at_its_time_limit() {
    let dir = sandwich("hang", None);
    let start = std::time::Instant::now();
    let recs = run(
        &dir,
        &["--timeout", "2", "--timeout-per-page", "0.5"],
        &[("ORDEX_WORKER_FAULT", "hang:b-bad")],
    );
    let (kind, msg) = error_of(&recs[1]);
    assert_eq!(kind, "timeout");
    assert!(
        msg.contains("not done within 2 s") || msg.contains("not done within 3 s"),
        "the fixed part, plus the per-page part once the page count is in: {msg}"
    );
    assert!(
        start.elapsed().as_secs() < 30,
        "the stalled worker was not waited for"
    );
}

/// A one-page PDF whose content stream inflates to `inflated` spaces: a decompression bomb.
fn bomb(inflated: usize) -> Vec<u8> {
    bombs(inflated, 1)
}

/// A one-page PDF with `streams` content streams that inflate to `inflated` spaces each.
fn bombs(inflated: usize, streams: usize) -> Vec<u8> {
    bombs_drawn(inflated, streams, streams)
}

/// The same, its page drawing `draws` content streams: the `streams` objects in turn, so that
/// with more draws than streams some object is drawn twice.
fn bombs_drawn(inflated: usize, streams: usize, draws: usize) -> Vec<u8> {
    let mut z = ZlibEncoder::new(Vec::new(), Compression::fast());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..inflated >> 20 {
        z.write_all(&chunk).unwrap();
    }
    let stream = z.finish().unwrap();
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    let contents: Vec<String> = (0..draws)
        .map(|i| format!("{} 0 R", 4 + i % streams))
        .collect();
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [{}] >>",
            contents.join(" ")
        )
        .into_bytes(),
    ];
    let head = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        stream.len()
    );
    for _ in 0..streams {
        objects.push([head.as_bytes(), &stream, b"\nendstream"].concat());
    }
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        pdf.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[test]
fn a_decompression_bomb_is_stopped_at_the_stream_cap() {
    // 1 GB of content from about 1 MB of file: over the 256 MB stream cap.
    let dir = sandwich("bomb-cap", Some(&bomb(1 << 30)));
    let recs = run(&dir, &[], &[]);
    let (kind, msg) = error_of(&recs[1]);
    assert_eq!(kind, "limit", "{msg}");
    assert!(
        msg.contains("object 4 inflates past 256 MB (--max-stream-mb)"),
        "{msg}"
    );
}

#[test]
fn many_streams_under_the_stream_cap_are_caught_by_the_document_cap() {
    // Three streams of 100 MB each: each under a 200 MB stream cap, together over 250 MB.
    let dir = sandwich("bomb-doc", Some(&bombs(100 << 20, 3)));
    let recs = run(
        &dir,
        &["--max-stream-mb", "200", "--max-document-mb", "250"],
        &[],
    );
    let (kind, msg) = error_of(&recs[1]);
    assert_eq!(kind, "limit", "{msg}");
    assert!(
        msg.contains("streams inflate to more than 250 MB (--max-document-mb)"),
        "{msg}"
    );
}

/// `bombs(mb MB, streams)` read by the library under the given caps (MB): its page count.
fn load_capped(pdf: Vec<u8>, stream_mb: u64, document_mb: u64) -> Result<usize, String> {
    let limits = ordex::Limits {
        stream_bytes: stream_mb << 20,
        document_bytes: document_mb << 20,
        ..ordex::Limits::default()
    };
    let bytes = ordex::pdf::Bytes::new(pdf.into());
    ordex::pdf::load(bytes, &limits, &mut |_| {})
        .map(|doc| doc.pages.len())
        .map_err(|e| format!("{}: {e}", e.kind()))
}

#[test]
fn the_inflate_caps_stop_streams_as_they_inflate_and_count_each_object_once() {
    // Under both caps: read.
    assert_eq!(load_capped(bombs(3 << 20, 2), 4, 7), Ok(1));
    // One stream past the stream cap, named.
    let err = load_capped(bombs(3 << 20, 1), 2, 100).unwrap_err();
    assert!(
        err.starts_with("limit: ") && err.contains("object 4 inflates past 2 MB (--max-stream-mb)"),
        "{err}"
    );
    // Three streams each under the stream cap, together past the document cap.
    let err = load_capped(bombs(3 << 20, 3), 4, 7).unwrap_err();
    assert!(
        err.contains("the document's streams inflate to more than 7 MB (--max-document-mb)"),
        "{err}"
    );
    // An object drawn twice counts once against the document cap (3 MB, not 6).
    assert_eq!(load_capped(bombs_drawn(3 << 20, 1, 2), 4, 5), Ok(1));
    // Each load starts afresh: the breaches of the loads above are gone.
    assert_eq!(load_capped(bombs(3 << 20, 1), 4, 100), Ok(1));
}

#[test]
fn a_decompression_bomb_past_the_stream_caps_hits_the_memory_cap() {
    // 2 GB of content from about 2 MB of file, the stream caps lifted, against a 1 GB
    // address-space cap: the worker dies on the allocation and is replaced.
    let dir = sandwich("bomb-mem", Some(&bomb(2 << 30)));
    let recs = run(
        &dir,
        &[
            "--max-memory-mb",
            "1024",
            "--max-stream-mb",
            "100000",
            "--max-document-mb",
            "100000",
        ],
        &[],
    );
    let (kind, msg) = error_of(&recs[1]);
    assert_eq!(kind, "memory", "{msg}");
    assert!(msg.contains("1024 MB"), "{msg}");
}

#[test]
fn caps_on_pages_glyphs_and_file_size_give_limit_records() {
    let big =
        std::fs::read(common::fixtures().join("cacd-stipulation-proposed-order-01.pdf")).unwrap();
    for (flags, says) in [
        (
            vec!["--max-pages", "1"],
            "pages, over the cap of 1 (--max-pages)",
        ),
        (
            vec!["--max-glyphs-per-page", "100"],
            "draws more than 100 glyphs (--max-glyphs-per-page)",
        ),
    ] {
        let dir = sandwich("caps", Some(&big));
        // (The file-size cap, whose least value is 1 MB, is checked in tests/flags.rs.)
        let mut cmd = ordex();
        let out = cmd
            .args(["extract", "--no-ocr", "-j", "1"])
            .args(&flags)
            .arg(dir.join("b-bad.pdf"))
            .output()
            .unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let rec: serde_json::Value =
            serde_json::from_slice(out.stdout.split(|&b| b == b'\n').next().unwrap()).unwrap();
        let (kind, msg) = error_of(&rec);
        assert_eq!(kind, "limit", "{flags:?}");
        assert!(msg.contains(says), "{flags:?}: {msg}");
    }
}

#[test]
fn threads_and_processes_make_the_same_records() {
    let run = |how: &str| {
        ordex()
            .args(["extract", "--no-ocr", "-j", "2", "--isolation", how])
            .arg(common::fixtures())
            .output()
            .unwrap()
            .stdout
    };
    let (threads, processes) = (run("thread"), run("process"));
    assert!(!threads.is_empty());
    assert_eq!(
        String::from_utf8(threads).unwrap(),
        String::from_utf8(processes).unwrap()
    );
}
