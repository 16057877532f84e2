//! Hostile inputs and hostile surroundings, through the real binary: files built to exhaust a
//! decoder or an allocator, inputs that are not files, names that are not UTF-8, folders that
//! loop or cannot be read, pipes that close, signals mid-run, two runs on one output.
//! Every run must end, give exactly one record per input, and harm no file.

mod common;

use serde_json::Value;
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn ordex() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ordex"))
}

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ordex-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn records(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn kind(rec: &Value) -> &str {
    rec["error"]["kind"].as_str().unwrap_or("ok")
}

fn message(rec: &Value) -> &str {
    rec["error"]["message"].as_str().unwrap_or("")
}

/// A good one-page order.
fn good_pdf() -> Vec<u8> {
    common::pdf(&[vec![
        common::Op::Text(72.0, 700.0, 12.0, "UNITED STATES DISTRICT COURT"),
        common::Op::Text(72.0, 680.0, 12.0, "ORDER GRANTING MOTION TO SEAL"),
        common::Op::Text(72.0, 600.0, 12.0, "IT IS SO ORDERED."),
    ]])
}

/// `extract -j1` over the given files (written into a fresh folder, in this order, between a
/// good file before and after): the records, which must be one per input, the good ones ok.
fn between_good(name: &str, bad: &[(&str, Vec<u8>)], flags: &[&str]) -> Vec<Value> {
    let dir = scratch(name);
    std::fs::write(dir.join("a-before.pdf"), good_pdf()).unwrap();
    for (file, bytes) in bad {
        std::fs::write(dir.join(file), bytes).unwrap();
    }
    std::fs::write(dir.join("z-after.pdf"), good_pdf()).unwrap();
    let out = ordex()
        .args(["extract", "--no-ocr", "-j", "1"])
        .args(flags)
        .arg(&dir)
        .output()
        .unwrap();
    let recs = records(&out.stdout);
    assert_eq!(
        recs.len(),
        bad.len() + 2,
        "one record per input: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(kind(&recs[0]), "ok", "{}", recs[0]);
    assert_eq!(kind(&recs[recs.len() - 1]), "ok");
    std::fs::remove_dir_all(&dir).unwrap();
    recs[1..recs.len() - 1].to_vec()
}

#[test]
fn an_lzw_bomb_is_stopped_at_the_stream_cap() {
    // About 400 KB of LZW that decodes to 1 GB.
    let bomb = common::one_page_pdf("/Filter /LZWDecode", &common::lzw_bomb(1 << 30), "", &[]);
    assert!(bomb.len() < 1 << 20);
    let recs = between_good("lzw", &[("b-lzw.pdf", bomb)], &[]);
    assert_eq!(kind(&recs[0]), "limit", "{}", recs[0]);
    assert!(
        message(&recs[0]).contains("past 256 MB (--max-stream-mb)"),
        "{}",
        recs[0]
    );
}

#[test]
fn every_filter_of_a_chain_counts_against_the_stream_cap() {
    // Flate, then RunLength: 20 KB of file, 1 GB at the end of the chain.
    let chain = common::deflate(&common::run_length_bomb(1 << 30));
    let chained = common::one_page_pdf("/Filter [/FlateDecode /RunLengthDecode]", &chain, "", &[]);
    // ASCII85 `z`: four zero bytes of one input byte, under RunLength's 64 to 1.
    let z = [vec![b'z'; 300 << 20], b"~>".to_vec()].concat();
    let ascii85 = common::one_page_pdf(
        "/Filter [/FlateDecode /ASCII85Decode]",
        &common::deflate(&z),
        "",
        &[],
    );
    let recs = between_good(
        "chain",
        &[("b-chain.pdf", chained), ("c-ascii85.pdf", ascii85)],
        &["--max-stream-mb", "64"],
    );
    for rec in &recs {
        assert_eq!(kind(rec), "limit", "{rec}");
        assert!(
            message(rec).contains("past 64 MB (--max-stream-mb)"),
            "{rec}"
        );
    }
}

#[test]
fn a_string_of_millions_of_glyphs_is_a_limit_not_a_memory_record() {
    // 40 MB of one string in 40 KB of file: each code would become a positioned glyph.
    let mut content = b"BT /F1 12 Tf 72 700 Td (".to_vec();
    content.extend(std::iter::repeat_n(b'a', 40 << 20));
    content.extend_from_slice(b") Tj ET");
    let pdf = common::one_page_pdf("/Filter /FlateDecode", &common::deflate(&content), "", &[]);
    assert!(pdf.len() < 200 << 10);
    let recs = between_good(
        "string",
        &[("b-string.pdf", pdf)],
        &["--max-memory-mb", "1024"],
    );
    assert_eq!(kind(&recs[0]), "limit", "{}", recs[0]);
    assert!(
        message(&recs[0]).contains("more than 500000 glyphs (--max-glyphs-per-page)"),
        "{}",
        recs[0]
    );
}

#[test]
fn numbers_in_the_file_do_not_size_allocations_past_the_caps() {
    let text = b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET".to_vec();
    // A simple font whose widths start at code four billion.
    let first_char = common::one_page_pdf("", &text, "", &[]);
    let first_char = String::from_utf8_lossy(&first_char).replace(
        "/Encoding /WinAnsiEncoding >>",
        "/Encoding /WinAnsiEncoding /FirstChar 4000000000 /LastChar 4000000001 /Widths [500 500] >>",
    );
    // A CID font whose width range spans every 32-bit CID.
    let cid_font = common::one_page_pdf(
        "",
        b"BT /F2 12 Tf 72 700 Td <00480065> Tj ET",
        "/Font << /F2 6 0 R >>",
        &[
            b"<< /Type /Font /Subtype /Type0 /BaseFont /Helvetica /Encoding /Identity-H /DescendantFonts [7 0 R] >>".to_vec(),
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Helvetica /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /W [0 4294967295 500] /DW 1000 >>".to_vec(),
        ],
    );
    // A predictor row of four trillion columns over a few bytes of data.
    let predictor = common::one_page_pdf(
        "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4000000000000 /Colors 255 /BitsPerComponent 16 >>",
        &common::deflate(&text),
        "",
        &[],
    );
    // A sampled function of 100 million one-bit samples (12.5 MB, compressed to a few KB):
    // its table of floats would be 400 MB.
    let samples = common::deflate(&vec![0u8; 100_000_000 / 8]);
    let function = common::one_page_pdf(
        "",
        b"/CS0 cs 1 scn 0 0 100 100 re f BT /F1 12 Tf 72 700 Td (Hello) Tj ET",
        "/ColorSpace << /CS0 [/Separation /Spot /DeviceGray 6 0 R] >>",
        &[[
            format!(
                "<< /FunctionType 0 /Domain [0 1] /Range [0 1] /Size [100000000] /BitsPerSample 1 /Filter /FlateDecode /Length {} >>\nstream\n",
                samples.len()
            )
            .as_bytes(),
            &samples,
            b"\nendstream",
        ]
        .concat()],
    );
    let recs = between_good(
        "numbers",
        &[
            ("b-first-char.pdf", first_char.into_bytes()),
            ("c-cid-widths.pdf", cid_font),
            ("d-predictor.pdf", predictor),
            ("e-function.pdf", function),
        ],
        &["--max-memory-mb", "1024"],
    );
    let kinds: Vec<&str> = recs.iter().map(kind).collect();
    // Widths clamped to the codes and CIDs that exist: the text reads (with the widths at 0, as
    // the file says: two l's drawn at one place read as one). The predictor's row is longer
    // than the data: no rows, an empty page. The function's table is over the cap.
    assert_eq!(kinds, ["ok", "ok", "ok", "limit"], "{recs:?}");
    assert_eq!(recs[0]["pages"][0]["text"], "Helo");
    assert!(
        message(&recs[3]).contains("a sampled function's table would take 381 MB"),
        "{}",
        recs[3]
    );
}

#[test]
fn an_image_of_huge_dimensions_is_refused_before_it_is_decoded() {
    // 60,000 × 60,000 pixels declared, a few bytes of CCITT data: the page image for OCR
    // would be 3.6 GB of gray, 14 GB of RGBA.
    let ccitt = [0x00u8, 0x10, 0x01];
    let pdf = common::one_page_pdf(
        "",
        b"q 612 0 0 792 0 0 cm /Im0 Do Q",
        "/XObject << /Im0 6 0 R >>",
        &[[
            format!(
                "<< /Type /XObject /Subtype /Image /Width 60000 /Height 60000 /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 60000 /Rows 60000 >> /Length {} >>\nstream\n",
                ccitt.len()
            )
            .as_bytes(),
            &ccitt,
            b"\nendstream",
        ]
        .concat()],
    );
    let limits = ordex::Limits::default();
    let mut got = 0;
    let made = ordex::pdf::raster::page_rasters_capped(
        std::sync::Arc::new(pdf.into()),
        &[1],
        300.0,
        400.0,
        &limits,
        |_, _| {
            got += 1;
            true
        },
    );
    let err = made.unwrap_err();
    assert_eq!(err.kind(), "limit", "{err}");
    assert!(err.to_string().contains("--max-stream-mb"), "{err}");
    assert_eq!(got, 0, "no page image was handed on");
}

#[test]
fn inputs_that_are_not_regular_files_get_a_record_at_once() {
    let dir = scratch("special");
    std::fs::write(dir.join("a-good.pdf"), good_pdf()).unwrap();
    let fifo = dir.join("b-fifo.pdf");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    std::os::unix::fs::symlink("/dev/zero", dir.join("c-zero.pdf")).unwrap();
    let sock = std::os::unix::net::UnixListener::bind(dir.join("d-socket.pdf")).unwrap();
    std::os::unix::fs::symlink(dir.join("nowhere"), dir.join("e-dangling.pdf")).unwrap();
    std::fs::create_dir(dir.join("f-folder.pdf")).unwrap();
    // The folder named like a PDF is walked, not read: a file inside it is an input.
    std::fs::write(dir.join("f-folder.pdf/inner.pdf"), good_pdf()).unwrap();
    let out = ordex()
        .args(["extract", "--no-ocr", "-j", "2", "--timeout", "600"])
        .arg(&dir)
        .output()
        .unwrap();
    drop(sock);
    let recs = records(&out.stdout);
    let got: Vec<(String, String)> = recs
        .iter()
        .map(|r| {
            let path = r["source"]["path"].as_str().unwrap();
            let name = Path::new(path).file_name().unwrap().to_string_lossy();
            (name.into_owned(), format!("{}: {}", kind(r), message(r)))
        })
        .collect();
    let want = [
        ("a-good.pdf", "ok: "),
        (
            "b-fifo.pdf",
            "io: cannot read file: not a regular file (a FIFO); not read",
        ),
        (
            "c-zero.pdf",
            "io: cannot read file: not a regular file (a character device); not read",
        ),
        (
            "d-socket.pdf",
            "io: cannot read file: not a regular file (a socket); not read",
        ),
        ("e-dangling.pdf", "io: cannot read file: No such file"),
        ("inner.pdf", "ok: "),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((name, what), (want_name, want_what)) in got.iter().zip(want) {
        assert_eq!(name, want_name);
        assert!(what.starts_with(want_what), "{name}: {what}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_symlink_loop_is_walked_once_and_each_file_listed_once() {
    let dir = scratch("loop");
    let sub = dir.join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    for i in 0..5 {
        std::fs::write(sub.join(format!("{i}.pdf")), good_pdf()).unwrap();
    }
    std::os::unix::fs::symlink(&dir, sub.join("back-to-top")).unwrap();
    std::os::unix::fs::symlink(&sub, dir.join("again")).unwrap();
    std::os::unix::fs::symlink(sub.join("0.pdf"), dir.join("zero-again.pdf")).unwrap();
    let out = ordex()
        .args(["extract", "--no-ocr", "-j", "2"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 5, "five files, five records: {recs:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn names_are_taken_byte_for_byte() {
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch("names");
    let latin1 = std::ffi::OsStr::from_bytes(b"caf\xe9.pdf");
    let spaced = " spaced .pdf";
    std::fs::write(dir.join(latin1), good_pdf()).unwrap();
    std::fs::write(dir.join(spaced), good_pdf()).unwrap();
    let check = |recs: &[Value]| {
        assert_eq!(recs.len(), 2, "{recs:?}");
        for r in recs {
            assert_eq!(kind(r), "ok", "{r}");
        }
        let spaced_rec = recs
            .iter()
            .find(|r| r["source"]["path"].as_str().unwrap().ends_with(spaced))
            .expect("the spaced name kept its spaces");
        assert!(spaced_rec["source"].get("path_bytes").is_none());
        let latin = recs
            .iter()
            .find(|r| r["source"].get("path_bytes").is_some())
            .expect("the Latin-1 name has its bytes");
        let hex = latin["source"]["path_bytes"].as_str().unwrap();
        let want: String = dir
            .join(latin1)
            .as_os_str()
            .as_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(hex, want);
        assert!(latin["source"]["path"]
            .as_str()
            .unwrap()
            .ends_with("caf\u{fffd}.pdf"));
    };
    // A folder walk, arguments, and a list on standard input.
    let walked = ordex()
        .args(["extract", "--no-ocr"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(walked.status.code(), Some(0));
    check(&records(&walked.stdout));
    let named = ordex()
        .args(["extract", "--no-ocr"])
        .arg(dir.join(latin1))
        .arg(dir.join(spaced))
        .output()
        .unwrap();
    check(&records(&named.stdout));
    let mut list = dir.join(latin1).as_os_str().as_bytes().to_vec();
    list.push(b'\n');
    list.extend_from_slice(dir.join(spaced).as_os_str().as_bytes());
    list.push(b'\n');
    let mut child = ordex()
        .args(["extract", "--no-ocr", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&list).unwrap();
    let listed = child.wait_with_output().unwrap();
    assert_eq!(listed.status.code(), Some(0));
    check(&records(&listed.stdout));
    // A resumed run finds them done, by their bytes.
    let out = dir.join("out.jsonl");
    let first = ordex()
        .args(["extract", "--no-ocr"])
        .arg(&dir)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(first.status.code(), Some(0));
    let again = ordex()
        .args(["extract", "--no-ocr", "--resume", "-o"])
        .arg(&out)
        .arg(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains("2 of 2 inputs done, 0 to do"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Run `ordex` as the unprivileged user `nobody` when the tests run as root (who reads any
/// file), so that a file or folder without permissions cannot be read.
fn unprivileged(mut cmd: Command) -> Command {
    use std::os::unix::process::CommandExt;
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        cmd.uid(65534).gid(65534);
    }
    cmd
}

#[test]
fn an_unreadable_folder_or_file_gets_a_record_naming_it_and_the_run_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("unreadable");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    for sub in ["a", "b", "c"] {
        std::fs::create_dir(dir.join(sub)).unwrap();
        std::fs::write(dir.join(sub).join("x.pdf"), good_pdf()).unwrap();
    }
    std::fs::write(dir.join("c/y.pdf"), good_pdf()).unwrap();
    std::fs::set_permissions(dir.join("b"), std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(dir.join("c/y.pdf"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let mut cmd = ordex();
    cmd.args(["extract", "--no-ocr", "-j", "1", "--isolation", "thread"])
        .arg(&dir);
    let out = unprivileged(cmd).output().unwrap();
    std::fs::set_permissions(dir.join("b"), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out.stdout);
    let got: Vec<(String, &str)> = recs
        .iter()
        .map(|r| {
            let p = r["source"]["path"].as_str().unwrap();
            (
                p.strip_prefix(dir.to_str().unwrap()).unwrap().to_string(),
                kind(r),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("/a/x.pdf".to_string(), "ok"),
            ("/b".to_string(), "io"),
            ("/c/x.pdf".to_string(), "ok"),
            ("/c/y.pdf".to_string(), "io"),
        ]
    );
    assert!(
        message(&recs[1]).contains("a folder that cannot be read"),
        "{}",
        recs[1]
    );
    assert!(
        message(&recs[3]).contains("Permission denied"),
        "{}",
        recs[3]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn endless_streams_as_lists_records_or_outputs_are_refused_at_once() {
    let dir = scratch("endless");
    let zero = std::fs::File::open("/dev/zero").unwrap();
    let list = ordex()
        .args(["extract", "--no-ocr", "-"])
        .stdin(zero)
        .output()
        .unwrap();
    assert_eq!(list.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&list.stderr).contains("NUL byte"));
    let recs = ordex()
        .args(["index", "--records", "/dev/zero", "--index"])
        .arg(dir.join("idx"))
        .output()
        .unwrap();
    assert_eq!(recs.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&recs.stderr).contains("NUL byte"));
    std::fs::write(dir.join("a.pdf"), good_pdf()).unwrap();
    let full = ordex()
        .args(["extract", "--no-ocr", "--resume", "-o", "/dev/full"])
        .arg(dir.join("a.pdf"))
        .output()
        .unwrap();
    assert_eq!(full.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&full.stderr).contains("needs a regular file"),
        "{}",
        String::from_utf8_lossy(&full.stderr)
    );
    // A list line far longer than any path.
    let mut child = ordex()
        .args(["extract", "--no-ocr", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&vec![b'a'; 1 << 20]);
    });
    let out = child.wait_with_output().unwrap();
    let _ = writer.join();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("longer than 65536 bytes"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn no_file_that_is_not_ordex_output_is_written_over() {
    let dir = scratch("harm");
    let (a, b) = (dir.join("a.pdf"), dir.join("b.pdf"));
    std::fs::write(&a, good_pdf()).unwrap();
    std::fs::write(&b, good_pdf()).unwrap();
    let notes = dir.join("notes.txt");
    std::fs::write(&notes, "my notes\n").unwrap();
    let refused = |args: &[&std::ffi::OsStr], says: &str| {
        let out = ordex()
            .args(["extract", "--no-ocr"])
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    };
    refused(
        &[a.as_os_str(), b.as_os_str(), "-o".as_ref(), a.as_os_str()],
        "is one of the inputs",
    );
    refused(
        &[b.as_os_str(), "-o".as_ref(), notes.as_os_str()],
        "is not an ordex output",
    );
    refused(
        &[
            b.as_os_str(),
            "--resume".as_ref(),
            "-o".as_ref(),
            notes.as_os_str(),
        ],
        "not an ordex output",
    );
    assert_eq!(
        std::fs::read(&a).unwrap(),
        good_pdf(),
        "the input is unchanged"
    );
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my notes\n");
    // `-o -` is standard output, not a file named "-".
    let out = ordex()
        .current_dir(&dir)
        .args(["extract", "--no-ocr", "-o", "-", "a.pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(records(&out.stdout).len(), 1);
    assert!(!dir.join("-").exists());
    // An index goes only into a new, empty or ordex index folder.
    let busy = dir.join("busy");
    std::fs::create_dir(&busy).unwrap();
    std::fs::write(busy.join("thesis.tex"), "x").unwrap();
    let out = ordex()
        .args(["index", "--index"])
        .arg(&busy)
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("holds files but no ordex index"));
    assert_eq!(
        std::fs::read_dir(&busy).unwrap().count(),
        1,
        "nothing written into it"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A good one-page order that differs from the others by `n` (its own sha256).
fn good_pdf_numbered(n: usize) -> Vec<u8> {
    let line: &'static str = Box::leak(format!("Docket entry {n}.").into_boxed_str());
    common::pdf(&[vec![
        common::Op::Text(72.0, 700.0, 12.0, "UNITED STATES DISTRICT COURT"),
        common::Op::Text(72.0, 680.0, 12.0, "ORDER GRANTING MOTION TO SEAL"),
        common::Op::Text(72.0, 640.0, 12.0, line),
        common::Op::Text(72.0, 600.0, 12.0, "IT IS SO ORDERED."),
    ]])
}

/// A folder holding `in/`, with `n` good PDFs, each its own; the names sort as `p00.pdf`,
/// `p01.pdf`, ...
fn folder_of_good(name: &str, n: usize) -> PathBuf {
    let dir = scratch(name);
    let input = dir.join("in");
    std::fs::create_dir(&input).unwrap();
    for i in 0..n {
        std::fs::write(input.join(format!("p{i:02}.pdf")), good_pdf_numbered(i)).unwrap();
    }
    dir
}

#[test]
fn a_closed_pipe_on_standard_output_ends_the_run_quietly() {
    let dir = folder_of_good("pipe", 30);
    let mut child = ordex()
        .args(["extract", "--no-ocr", "-j", "2"])
        .arg(dir.join("in"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one record, then close the pipe, as `| head -n1` does.
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"schema\""));
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(!stderr.to_lowercase().contains("broken pipe"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The lines of `path` once it holds at least `n` complete ones (waits, within reason).
fn wait_for_lines(path: &Path, n: usize) -> Vec<Value> {
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let complete = text.matches('\n').count();
        if complete >= n {
            return records(text.as_bytes());
        }
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "{path:?} never reached {n} lines"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn signal(child: &std::process::Child, sig: i32) {
    // SAFETY: a plain system call on a child we started.
    unsafe {
        libc::kill(child.id() as libc::pid_t, sig);
    }
}

#[test]
fn a_signal_mid_run_keeps_finished_records_and_says_how_to_resume() {
    for (sig, code) in [(libc::SIGINT, 130), (libc::SIGTERM, 143)] {
        let dir = folder_of_good(&format!("signal-{sig}"), 6);
        let out = dir.join("out.jsonl");
        // The fourth document never ends: the run waits on it until the signal.
        let child = ordex()
            .args(["extract", "--no-ocr", "-j", "1", "--timeout", "3600", "-o"])
            .arg(&out)
            .arg(dir.join("in"))
            .env("ORDEX_WORKER_FAULT", "hang:p03")
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let written = wait_for_lines(&out, 3);
        signal(&child, sig);
        let done = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&done.stderr);
        assert_eq!(done.status.code(), Some(code), "{stderr}");
        assert!(stderr.contains("--resume"), "{stderr}");
        let kept = records(&std::fs::read(&out).unwrap());
        assert_eq!(kept.len(), 3, "the finished records, and no other");
        assert_eq!(kept, written);
        assert!(kept.iter().all(|r| kind(r) == "ok"));
        let resumed = ordex()
            .args(["extract", "--no-ocr", "-j", "1", "--resume", "-o"])
            .arg(&out)
            .arg(dir.join("in"))
            .output()
            .unwrap();
        assert_eq!(resumed.status.code(), Some(0));
        assert_eq!(records(&std::fs::read(&out).unwrap()).len(), 6);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

/// The processes whose parent is `pid`, with their names (`/proc/PID/comm`).
fn children(pid: u32) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(child) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{child}/stat")) else {
            continue;
        };
        // pid (comm) state ppid ...: the name may hold spaces, so read after its ')'.
        let after = &stat[stat.rfind(')').map_or(0, |i| i + 1)..];
        let ppid = after.split_whitespace().nth(1).and_then(|p| p.parse().ok());
        if ppid == Some(pid) {
            let comm = std::fs::read_to_string(format!("/proc/{child}/comm")).unwrap_or_default();
            out.push((child, comm.trim().to_string()));
        }
    }
    out
}

#[test]
fn a_second_run_on_an_output_being_written_is_refused() {
    let dir = folder_of_good("lock", 4);
    let out = dir.join("out.jsonl");
    let mut first = ordex()
        .args(["extract", "--no-ocr", "-j", "1", "--timeout", "3600", "-o"])
        .arg(&out)
        .arg(dir.join("in"))
        .env("ORDEX_WORKER_FAULT", "hang:p01")
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for_lines(&out, 1);
    // While it runs: its workers show as `ordex worker`.
    let names: Vec<String> = children(first.id()).into_iter().map(|c| c.1).collect();
    assert!(names.iter().any(|n| n == "ordex worker"), "{names:?}");
    let before = std::fs::read(&out).unwrap();
    for flags in [&[][..], &["--resume"][..]] {
        let second = ordex()
            .args(["extract", "--no-ocr", "-j", "1", "-o"])
            .arg(&out)
            .args(flags)
            .arg(dir.join("in"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&second.stderr);
        assert_eq!(second.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains("being written by another ordex run"),
            "{stderr}"
        );
    }
    assert_eq!(
        std::fs::read(&out).unwrap(),
        before,
        "the first run's file untouched"
    );
    signal(&first, libc::SIGTERM);
    assert_eq!(first.wait().unwrap().code(), Some(143));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_huge_job_count_is_a_usage_error_before_any_work() {
    for jobs in ["99999999999", "0", "-1", "many", "257"] {
        let out = ordex()
            .args(["extract", "--no-ocr", "-j", jobs, "/no/such/file.pdf"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "-j {jobs}: {stderr}");
        assert!(stderr.contains("-j wants 1 to"), "-j {jobs}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn a_time_limit_starts_when_the_worker_starts_the_document() {
    let dir = folder_of_good("startup", 2);
    // Workers take 4 s to start; each document has 3 s once started.
    let out = ordex()
        .args([
            "extract",
            "--no-ocr",
            "-j",
            "1",
            "--timeout",
            "3",
            "--timeout-per-page",
            "0",
        ])
        .arg(dir.join("in"))
        .env("ORDEX_WORKER_FAULT", "startup:4")
        .output()
        .unwrap();
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 2);
    for r in &recs {
        assert_eq!(kind(r), "ok", "{r}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn retry_failed_redoes_timeouts_and_the_last_record_of_a_path_counts() {
    let dir = folder_of_good("retry", 3);
    let out = dir.join("out.jsonl");
    let first = ordex()
        .args(["extract", "--no-ocr", "-j", "1", "--timeout", "2", "-o"])
        .arg(&out)
        .arg(dir.join("in"))
        .env("ORDEX_WORKER_FAULT", "hang:p01")
        .output()
        .unwrap();
    assert_eq!(first.status.code(), Some(1));
    let kinds = |recs: &[Value]| {
        recs.iter()
            .map(kind)
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        kinds(&records(&std::fs::read(&out).unwrap())),
        ["ok", "timeout", "ok"]
    );
    // --resume alone keeps the timeout as done.
    let resumed = ordex()
        .args(["extract", "--no-ocr", "--resume", "-o"])
        .arg(&out)
        .arg(dir.join("in"))
        .output()
        .unwrap();
    assert_eq!(resumed.status.code(), Some(0));
    assert_eq!(records(&std::fs::read(&out).unwrap()).len(), 3);
    // --retry-failed runs it again and appends its new record.
    let retried = ordex()
        .args(["extract", "--no-ocr", "--resume", "--retry-failed", "-o"])
        .arg(&out)
        .arg(dir.join("in"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&retried.stderr);
    assert_eq!(retried.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("1 timeout or crashed records retried"),
        "{stderr}"
    );
    let recs = records(&std::fs::read(&out).unwrap());
    assert_eq!(kinds(&recs), ["ok", "timeout", "ok", "ok"]);
    assert_eq!(recs[1]["source"]["path"], recs[3]["source"]["path"]);
    // The index honours the last record of the path: p01 is found.
    let index = dir.join("idx");
    let indexed = ordex()
        .args(["index", "--index"])
        .arg(&index)
        .arg("--records")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&indexed.stderr);
    assert!(stderr.contains("3 in the index"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn ocr_without_a_working_tesseract_is_a_usage_error() {
    let dir = scratch("no-ocr");
    std::fs::write(dir.join("a.pdf"), good_pdf()).unwrap();
    let out = ordex()
        .args(["extract", "--ocr"])
        .arg(dir.join("a.pdf"))
        .env("ORDEX_TESSERACT", dir.join("no-such-tesseract"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("--ocr needs a working tesseract"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty(), "no work was done");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn cleaning_never_empties_a_page_silently() {
    // A form page: four lines near the top, the same on every page at the same places, which
    // is what a running head looks like; a page is not a head.
    const FORM: [&str; 4] = [
        "APPLICATION FOR WRIT OF EXECUTION",
        "Name and address of the judgment creditor",
        "Name and address of the judgment debtor",
        "Amount of the judgment and costs after it",
    ];
    let page = || -> Vec<common::Op> {
        FORM.iter()
            .enumerate()
            .map(|(i, t)| common::Op::Text(72.0, 740.0 - 30.0 * i as f64, 12.0, t))
            .collect()
    };
    let form = common::pdf(&[page(), page(), page(), page()]);
    let rec = ordex::process("form.pdf", form, &ordex::Config::default());
    assert_eq!(rec.status, "ok");
    for p in &rec.pages {
        assert_eq!(
            p.text.lines().count(),
            4,
            "page {} kept its lines",
            p.number
        );
    }
    let kept: Vec<&String> = rec
        .warnings
        .iter()
        .filter(|w| w.contains("kept (not taken for running heads or feet)"))
        .collect();
    assert_eq!(kept.len(), 3, "pages 2 to 4 say so: {:?}", rec.warnings);
    // A real running head and page numbers still go, without a word said.
    let page = |n: usize| -> Vec<common::Op> {
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        // Body lines differ from page to page by their words (digits are masked).
        let word = ["first", "second", "third"][n - 1];
        vec![
            common::Op::Text(72.0, 760.0, 10.0, "SMITH v. JONES, ORDER ON MOTIONS"),
            common::Op::Text(
                72.0,
                600.0,
                12.0,
                leak(format!("The {word} motion is granted in part.")),
            ),
            common::Op::Text(
                72.0,
                580.0,
                12.0,
                leak(format!("The parties shall confer on the {word} issue.")),
            ),
            common::Op::Text(300.0, 40.0, 10.0, leak(n.to_string())),
        ]
    };
    let order = common::pdf(&[page(1), page(2), page(3)]);
    let rec = ordex::process("order.pdf", order, &ordex::Config::default());
    for p in &rec.pages[1..] {
        assert!(!p.text.contains("SMITH v. JONES"), "{}", p.text);
        assert!(!p.text.lines().any(|l| l.trim() == p.number.to_string()));
        assert!(p.text.contains("shall confer"));
    }
    assert!(
        rec.warnings.iter().all(|w| !w.contains("lines")),
        "{:?}",
        rec.warnings
    );
}
