//! Which inputs a run takes: paths and folders expanded in order, one shard of them
//! (`--shard I/N`), and what an earlier run already wrote (`--resume`).
//!
//! - Listing: folders are walked for `*.pdf` (any case) in sorted order; `-` reads paths from
//!   standard input. The list is the run's input order.
//! - Sharding: an input belongs to shard `I` of `N` when the first 8 bytes of the SHA-256 of
//!   its path (as listed), read as a big-endian number, are `I` modulo `N`. Stable across
//!   machines, versions and runs, with no coordinator: N machines given the same list each take
//!   their own part, and the parts make the whole.
//! - Resuming: records are appended one line at a time, so a killed run leaves complete lines
//!   and at most one torn last line. [`resume`] cuts the torn tail off and returns, per path,
//!   the sha256 its record was made from (records of this schema only); an input is done when
//!   its path has a record and the file still has that sha256.

use crate::record::SCHEMA;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::{self, BufRead, Read as _};
use std::path::{Path, PathBuf};

/// Expand the arguments into the list of input files, in order. `-` reads paths from `stdin`.
pub fn collect(args: &[String], stdin: &mut dyn BufRead) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for arg in args {
        if arg == "-" {
            for line in stdin.lines() {
                let line = line.map_err(|e| {
                    format!("cannot read the list of paths from standard input: {e}")
                })?;
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
            walk(path, &mut found).map_err(|e| format!("cannot read folder {arg}: {e}"))?;
            found.sort();
            out.extend(found.into_iter().map(|p| p.to_string_lossy().into_owned()));
        } else if path.exists() {
            out.push(arg.clone());
        } else {
            return Err(format!("no such file or folder: {arg}"));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
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

/// One shard of `N`: `index` counts from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// This shard, `0..count`.
    pub index: u64,
    /// How many shards the inputs are split into.
    pub count: u64,
}

/// Parse `I/N` with `0 <= I < N`.
pub fn parse_shard(s: &str) -> Result<Shard, String> {
    let bad = || format!("--shard wants I/N with 0 <= I < N (e.g. 0/4), not {s:?}");
    let (i, n) = s.split_once('/').ok_or_else(bad)?;
    let index: u64 = i.trim().parse().map_err(|_| bad())?;
    let count: u64 = n.trim().parse().map_err(|_| bad())?;
    if count == 0 || index >= count {
        return Err(bad());
    }
    Ok(Shard { index, count })
}

/// Does `path` belong to `shard`?
pub fn in_shard(path: &str, shard: Shard) -> bool {
    let digest = Sha256::digest(path.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first) % shard.count == shard.index
}

/// What an earlier run left in its output file.
#[derive(Debug, Default)]
pub struct Done {
    /// Path → sha256 of the file its record was made from (records of this schema only).
    pub records: HashMap<String, String>,
    /// Complete record lines kept.
    pub lines: usize,
    /// Bytes of a torn last line that were cut off.
    pub torn_bytes: u64,
}

/// Read the output file of an earlier run, cut a torn last line off it (a line without its
/// newline, or one that is not a JSON object), and say which records it holds. A missing file
/// is an empty one. A malformed line before the last is an error: that file was not written
/// by an interrupted run alone, and appending to it would hide the damage.
pub fn resume(output: &Path) -> Result<Done, String> {
    let mut file = match std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(output)
    {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Done::default()),
        Err(e) => return Err(format!("cannot open {} to resume: {e}", output.display())),
    };
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {} to resume: {e}", output.display()))?;
    let mut done = Done::default();
    let mut good_end = 0usize;
    let mut start = 0usize;
    while start < bytes.len() {
        let end = bytes[start..].iter().position(|&b| b == b'\n');
        let line = &bytes[start..end.map_or(bytes.len(), |e| start + e)];
        let parsed: Option<serde_json::Value> = end
            .and_then(|_| serde_json::from_slice(line).ok())
            .filter(|v: &serde_json::Value| v.is_object());
        let Some(rec) = parsed else {
            let rest_is_last = end.is_none_or(|e| start + e + 1 == bytes.len());
            if rest_is_last {
                break;
            }
            return Err(format!(
                "{}: line {} is not a JSON record; not resuming into a damaged file",
                output.display(),
                done.lines + 1
            ));
        };
        done.lines += 1;
        good_end = start + line.len() + 1;
        start = good_end;
        if rec["schema"] != SCHEMA {
            continue;
        }
        if let (Some(path), Some(sha)) = (
            rec["source"]["path"].as_str(),
            rec["source"]["sha256"].as_str(),
        ) {
            done.records.insert(path.to_string(), sha.to_string());
        }
    }
    done.torn_bytes = (bytes.len() - good_end) as u64;
    if done.torn_bytes > 0 {
        file.set_len(good_end as u64)
            .map_err(|e| format!("cannot cut the torn last line of {}: {e}", output.display()))?;
    }
    Ok(done)
}

/// Is `path` done: does it have a record made from the bytes it holds now? A record without a
/// sha256 (the file could not be read) is redone.
pub fn is_done(path: &str, done: &Done) -> bool {
    let Some(sha) = done.records.get(path) else {
        return false;
    };
    match std::fs::read(path) {
        Ok(bytes) => crate::hex(&Sha256::digest(&bytes)) == *sha,
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_parse_accepts_i_of_n_from_zero() {
        assert_eq!(parse_shard("0/4"), Ok(Shard { index: 0, count: 4 }));
        assert_eq!(parse_shard("3/4"), Ok(Shard { index: 3, count: 4 }));
        for bad in ["4/4", "1/0", "a/2", "2", "-1/3", ""] {
            assert!(parse_shard(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn shards_partition_the_inputs_and_spread_them() {
        let paths: Vec<String> = (0..1000).map(|i| format!("/dump/{i:05}.pdf")).collect();
        let n = 4;
        let mut sizes = vec![0; n as usize];
        for p in &paths {
            let owners: Vec<u64> = (0..n)
                .filter(|&i| in_shard(p, Shard { index: i, count: n }))
                .collect();
            assert_eq!(owners.len(), 1, "{p} belongs to exactly one shard");
            sizes[owners[0] as usize] += 1;
        }
        assert!(sizes.iter().all(|&s| s > 200), "{sizes:?}");
    }

    fn temp(name: &str, content: &[u8]) -> PathBuf {
        let path = std::env::temp_dir().join(format!("ordex-{}-{name}", std::process::id()));
        std::fs::write(&path, content).unwrap();
        path
    }

    #[test]
    fn resume_cuts_a_torn_last_line_and_keeps_complete_records() {
        let a = r#"{"schema":"ordex/1","source":{"path":"a.pdf","sha256":"aa"}}"#;
        let old = r#"{"schema":"ordex/0","source":{"path":"b.pdf","sha256":"bb"}}"#;
        let torn = r#"{"schema":"ordex/1","source":{"path":"c.pd"#;
        let path = temp("torn.jsonl", format!("{a}\n{old}\n{torn}").as_bytes());
        let done = resume(&path).unwrap();
        assert_eq!(done.lines, 2);
        assert_eq!(done.torn_bytes, torn.len() as u64);
        assert_eq!(done.records.get("a.pdf").map(String::as_str), Some("aa"));
        assert!(
            !done.records.contains_key("b.pdf"),
            "other schema is redone"
        );
        let kept = std::fs::read_to_string(&path).unwrap();
        assert_eq!(kept, format!("{a}\n{old}\n"));
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn resume_cuts_a_last_line_that_is_not_json_even_with_its_newline() {
        let a = r#"{"schema":"ordex/1","source":{"path":"a.pdf","sha256":"aa"}}"#;
        let path = temp("garbage.jsonl", format!("{a}\n{{\"sche\n").as_bytes());
        let done = resume(&path).unwrap();
        assert_eq!((done.lines, done.torn_bytes), (1, 7));
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn resume_refuses_a_file_damaged_before_its_end() {
        let a = r#"{"schema":"ordex/1","source":{"path":"a.pdf","sha256":"aa"}}"#;
        let path = temp("damaged.jsonl", format!("not json\n{a}\n").as_bytes());
        let err = resume(&path).unwrap_err();
        assert!(err.contains("line 1 is not a JSON record"), "{err}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            format!("not json\n{a}\n")
        );
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn resume_of_a_missing_file_is_empty() {
        let done = resume(Path::new("/nonexistent/ordex/out.jsonl")).unwrap();
        assert_eq!((done.lines, done.records.len()), (0, 0));
    }
}
