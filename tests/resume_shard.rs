//! `--resume` after a real SIGKILL, and `--shard I/N` parts that make the whole.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn ordex() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ordex"))
}

/// A fresh folder under the system temp dir.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ordex-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `copies` copies of every fixture PDF in `dir`, under distinct names; their paths, sorted.
fn batch_of_copies(dir: &Path, copies: usize) -> Vec<String> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(common::fixtures()).unwrap() {
        let src = entry.unwrap().path();
        if src.extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        let stem = src.file_stem().unwrap().to_string_lossy().into_owned();
        for i in 0..copies {
            let dst = dir.join(format!("{stem}-{i:02}.pdf"));
            std::fs::copy(&src, &dst).unwrap();
            paths.push(dst.to_string_lossy().into_owned());
        }
    }
    paths.sort();
    paths
}

/// `n` made-up 14-page pleading-paper documents in `dir`, first in path order (records of
/// some 60 KB each, written past the writer's buffer); their paths.
fn long_documents(dir: &Path, n: usize) -> Vec<String> {
    // Every line differs from every other (lines repeated page after page would be taken
    // for running heads and dropped).
    const WORDS: [&str; 12] = [
        "motion",
        "schedule",
        "discovery",
        "counsel",
        "hearing",
        "deadline",
        "exhibit",
        "witness",
        "record",
        "briefing",
        "conference",
        "stipulation",
    ];
    let pages: Vec<_> = (1..=14usize)
        .map(|p| {
            let body: Vec<&'static str> = (0..27usize)
                .map(|i| {
                    let w = |k: usize| WORDS[(p * 7 + i * 5 + k * 3) % WORDS.len()];
                    &*Box::leak(
                        format!(
                            "The {} and the {} follow the {} set for the {} on day {}.",
                            w(0),
                            w(1),
                            w(2),
                            w(3),
                            p * 100 + i
                        )
                        .into_boxed_str(),
                    )
                })
                .collect();
            common::pleading_page(p, 14, 2, &body)
        })
        .collect();
    let bytes = common::pdf(&pages);
    (0..n)
        .map(|i| {
            let path = dir.join(format!("a-long-{i:02}.pdf"));
            std::fs::write(&path, &bytes).unwrap();
            path.to_string_lossy().into_owned()
        })
        .collect()
}

/// Every line of `out` parsed; panics on a malformed line.
fn lines(out: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("malformed line {l:?}: {e}")))
        .collect()
}

fn count_by_path(recs: &[serde_json::Value]) -> BTreeMap<String, usize> {
    let mut n = BTreeMap::new();
    for r in recs {
        *n.entry(r["source"]["path"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    n
}

/// Start a run, SIGKILL it once `out` holds `kill_after` bytes (0: at once), return how many
/// bytes it had written.
fn run_and_kill(input: &Path, out: &Path, kill_after: u64) -> u64 {
    let mut child = ordex()
        .args(["extract", "--no-ocr", "-j", "2", "-o"])
        .arg(out)
        .arg(input)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while kill_after > 0 && start.elapsed() < Duration::from_secs(60) {
        let len = std::fs::metadata(out).map_or(0, |m| m.len());
        if len >= kill_after || child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    std::fs::metadata(out).map_or(0, |m| m.len())
}

#[test]
fn killed_runs_resume_to_exactly_one_record_per_input() {
    let dir = scratch("resume");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    // Ten copies of the generated fixtures (about 1.3 MB of records, so the later kills land
    // mid-run) and long documents whose records outgrow the writer's buffer, which are the
    // ones a kill can tear.
    let mut paths = batch_of_copies(&input, 10);
    paths.extend(long_documents(&input, 20));
    paths.sort();
    let out = dir.join("out.jsonl");
    // Kill at once, then after some bytes (mid-record, most likely: records are written
    // through a buffer), then later still; resume after each kill.
    let mut torn_seen = false;
    for kill_after in [0, 20_000, 200_000, 600_000] {
        let had = run_and_kill(&input, &out, kill_after);
        let text = std::fs::read(&out).unwrap_or_default();
        torn_seen |= !text.is_empty() && !text.ends_with(b"\n");
        let resumed = ordex()
            .args(["extract", "--no-ocr", "-j", "2", "--resume", "-o"])
            .arg(&out)
            .arg(&input)
            .output()
            .unwrap();
        assert!(
            matches!(resumed.status.code(), Some(0 | 1)),
            "resume after a kill at {had} bytes: {}",
            String::from_utf8_lossy(&resumed.stderr)
        );
        let recs = lines(&out);
        let counts = count_by_path(&recs);
        assert_eq!(
            counts.keys().cloned().collect::<Vec<_>>(),
            paths,
            "every input has a record"
        );
        assert!(
            counts.values().all(|&n| n == 1),
            "no input has two records: {counts:?}"
        );
        // The next round starts from scratch.
        std::fs::remove_file(&out).unwrap();
    }
    assert!(torn_seen, "at least one kill left a torn last line to redo");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn resume_of_a_finished_run_does_nothing_and_a_changed_file_is_redone() {
    let dir = scratch("resume-done");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let paths = batch_of_copies(&input, 1);
    let out = dir.join("out.jsonl");
    let first = ordex()
        .args(["extract", "--no-ocr", "-o"])
        .arg(&out)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(first.status.code(), Some(1), "three fixtures are bad files");
    let before = std::fs::read(&out).unwrap();
    let again = ordex()
        .args(["extract", "--no-ocr", "--resume", "-o"])
        .arg(&out)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(
        again.status.code(),
        Some(0),
        "nothing left to do, nothing failed"
    );
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains(&format!("{0} of {0} inputs done, 0 to do", paths.len())),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(&out).unwrap(),
        before,
        "the file is untouched"
    );
    // Each copy of a PDF differs from the others only by its name: overwrite one with another
    // fixture's bytes, and only that one is redone.
    let changed = paths
        .iter()
        .find(|p| p.contains("ca11-order-clerk-extension-01"))
        .unwrap();
    let other = paths
        .iter()
        .find(|p| p.contains("ganb-order-relief-stay-01"))
        .unwrap();
    std::fs::copy(other, changed).unwrap();
    let redo = ordex()
        .args(["extract", "--no-ocr", "--resume", "-o"])
        .arg(&out)
        .arg(&input)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&redo.stderr);
    assert!(stderr.contains("1 to do"), "{stderr}");
    let recs = lines(&out);
    let last = recs.last().unwrap();
    assert_eq!(last["source"]["path"].as_str(), Some(changed.as_str()));
    assert_eq!(
        last["caption"]["court_id"], "ganb",
        "the new bytes were read"
    );
    assert_eq!(
        count_by_path(&recs)[changed.as_str()],
        2,
        "the old record stays (the file is only ever appended to); the new one follows it"
    );
    assert!(stderr.contains("1 changed since"), "{stderr}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn shards_concatenate_into_the_whole_run() {
    let whole = ordex()
        .args(["extract", "--no-ocr", "-j", "2"])
        .arg(common::fixtures())
        .output()
        .unwrap();
    let mut all: Vec<String> = String::from_utf8(whole.stdout)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let mut parts = Vec::new();
    let mut sizes = Vec::new();
    for i in 0..3 {
        let out = ordex()
            .args([
                "extract",
                "--no-ocr",
                "-j",
                "1",
                "--shard",
                &format!("{i}/3"),
            ])
            .arg(common::fixtures())
            .output()
            .unwrap();
        let part: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(String::from)
            .collect();
        sizes.push(part.len());
        parts.extend(part);
    }
    assert!(
        sizes.iter().filter(|&&n| n > 0).count() >= 2,
        "the fixtures spread over the shards: {sizes:?}"
    );
    all.sort();
    parts.sort();
    assert_eq!(
        parts, all,
        "the shards' records are the whole run's, once each"
    );
    let bad = ordex()
        .args(["extract", "--no-ocr", "--shard", "3/3"])
        .arg(common::fixtures())
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}
