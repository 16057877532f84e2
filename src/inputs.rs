//! Which inputs a run takes: paths and folders expanded in order, one shard of them
//! (`--shard I/N`), and what an earlier run already wrote (`--resume`).
//!
//! - Listing: folders are walked for `*.pdf` (any case) in sorted order; `-` reads paths from
//!   standard input, one a line. The list is the run's input order. Paths are bytes: a name
//!   that is not UTF-8, or that starts or ends with spaces, is taken as it is (a line of the
//!   list loses its `\n` and nothing else). A walk enters each folder once, however many
//!   symlinks lead to it (a symlink loop ends there), and lists each file once, by device and
//!   inode (a file reached by two names is listed under the first in sorted order). A folder it
//!   cannot read is listed itself, so that its error record names it, and the walk goes on.
//! - Lines read from standard input or from a file of records are capped ([`read_line`]): a
//!   line over the cap, or holding a NUL byte (no path or JSON text has one), is refused rather
//!   than read without end.
//! - Sharding: an input belongs to shard `I` of `N` when the first 8 bytes of the SHA-256 of
//!   its path (as listed, its bytes), read as a big-endian number, are `I` modulo `N`. Stable
//!   across machines, versions and runs, with no coordinator: N machines given the same list
//!   each take their own part, and the parts make the whole.
//! - Resuming: records are appended one line at a time, so a killed run leaves complete lines
//!   and at most one torn last line. [`resume`] reads an earlier run's output without holding
//!   it in memory, refuses a file that is not an ordex output or was written by another ordex
//!   version (unchanged), cuts the torn tail off, and returns, per path, the last record's
//!   sha256 and error kind: the last record of a path is the one that counts. An input is done
//!   when its path has a record made from the bytes it holds now (`--retry-failed`: and that
//!   record is not a `timeout` or `crashed` error).
//!
//! This module reads folders and files; it never writes, except to cut a torn last line.

use crate::record::{SCHEMA, VERSION};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::io::{self, BufRead, Read as _};
use std::path::{Path, PathBuf};

/// Longest line of a list of paths (`-`), in bytes: paths on Linux are at most 4,096.
pub const PATH_LINE_MAX: usize = 64 << 10;
/// Longest line of a file of records (`--records`, `--resume`), in bytes. A record of the
/// largest document the default caps let through is well under it.
pub const RECORD_LINE_MAX: usize = 1 << 30;

/// How [`read_line`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnd {
    /// A line and its newline.
    Newline,
    /// A last line without a newline.
    Torn,
    /// Nothing more to read.
    Eof,
    /// The line is longer than the cap (what was read of it is left unread).
    TooLong,
    /// The line holds a NUL byte.
    Nul,
}

/// Read one line into `buf` (without its `\n`), at most `cap` bytes of it, stopping at a NUL
/// byte: a device that streams zeros or a file without newlines costs at most `cap` bytes.
pub fn read_line(r: &mut dyn BufRead, buf: &mut Vec<u8>, cap: usize) -> io::Result<LineEnd> {
    buf.clear();
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(if buf.is_empty() {
                LineEnd::Eof
            } else {
                LineEnd::Torn
            });
        }
        let stop = chunk.iter().position(|&b| b == b'\n' || b == 0);
        let part = &chunk[..stop.unwrap_or(chunk.len())];
        if buf.len() + part.len() > cap {
            return Ok(LineEnd::TooLong);
        }
        buf.extend_from_slice(part);
        match stop {
            Some(i) if chunk[i] == 0 => return Ok(LineEnd::Nul),
            Some(i) => {
                r.consume(i + 1);
                return Ok(LineEnd::Newline);
            }
            None => {
                let n = chunk.len();
                r.consume(n);
            }
        }
    }
}

/// A path from its bytes (on Unix, exactly; elsewhere as UTF-8, lossily).
pub fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        PathBuf::from(OsString::from_vec(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// A path's bytes.
pub fn path_bytes(path: &Path) -> &[u8] {
    path.as_os_str().as_encoded_bytes()
}

/// A file's identity: (device, inode).
pub type FileId = (u64, u64);

/// The identity of the file `meta` describes.
pub fn file_id(meta: &std::fs::Metadata) -> FileId {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        (0, 0)
    }
}

/// Expand the arguments into the list of input files, in order. `-` reads paths from `stdin`.
/// An argument that does not exist is an error (a mistyped path, before any work); so is a
/// list line over [`PATH_LINE_MAX`] or holding a NUL byte. A listed path that does not exist,
/// or cannot be read, stays in the list: its record says why.
pub fn collect(args: &[OsString], stdin: &mut dyn BufRead) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut walk = Walk::default();
    for arg in args {
        if arg == "-" {
            read_list(stdin, &mut out)?;
            continue;
        }
        let path = PathBuf::from(arg);
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk.folder(&path, &mut out),
            Ok(_) => out.push(path),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                // A symlink that leads nowhere is an input (its record says so); a name that
                // is nothing at all is a mistake in the command.
                if std::fs::symlink_metadata(&path).is_ok() {
                    out.push(path);
                } else {
                    return Err(format!(
                        "no such file or folder: {}",
                        path.to_string_lossy()
                    ));
                }
            }
            // It exists but cannot be looked at (a folder on the way is unreadable): its
            // record names it.
            Err(_) => out.push(path),
        }
    }
    Ok(out)
}

/// Append the paths listed one a line on `stdin`: bytes as they are, without their `\n`;
/// empty lines skipped.
fn read_list(stdin: &mut dyn BufRead, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let mut buf = Vec::new();
    for n in 1.. {
        let end = read_line(stdin, &mut buf, PATH_LINE_MAX)
            .map_err(|e| format!("cannot read the list of paths from standard input: {e}"))?;
        match end {
            LineEnd::Eof => break,
            LineEnd::TooLong => {
                return Err(format!(
                    "standard input, line {n}: longer than {PATH_LINE_MAX} bytes: not a list of \
                     paths"
                ))
            }
            LineEnd::Nul => {
                return Err(format!(
                    "standard input, line {n}: a NUL byte: not a list of paths"
                ))
            }
            LineEnd::Newline | LineEnd::Torn => {
                if !buf.is_empty() {
                    out.push(path_from_bytes(std::mem::take(&mut buf)));
                }
                if end == LineEnd::Torn {
                    break;
                }
            }
        }
    }
    Ok(())
}

/// A walk over folders, shared by the folders of one run: folders entered and files listed so
/// far, by identity.
#[derive(Default)]
struct Walk {
    folders: HashSet<FileId>,
    files: HashSet<FileId>,
}

impl Walk {
    /// Walk `root` and append its PDFs (sorted by path, each file once) to `out`.
    fn folder(&mut self, root: &Path, out: &mut Vec<PathBuf>) {
        let mut found: Vec<(PathBuf, Option<FileId>)> = Vec::new();
        if let Ok(m) = std::fs::metadata(root) {
            if !self.folders.insert(file_id(&m)) {
                return;
            }
        }
        self.descend(root, &mut found);
        found.sort_by(|a, b| a.0.cmp(&b.0));
        for (path, id) in found {
            if id.is_none_or(|id| self.files.insert(id)) {
                out.push(path);
            }
        }
    }

    fn descend(&mut self, dir: &Path, found: &mut Vec<(PathBuf, Option<FileId>)>) {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(_) => {
                // Listed itself: its record says it cannot be read.
                found.push((dir.to_path_buf(), None));
                return;
            }
        };
        for entry in entries {
            let Ok(entry) = entry else {
                found.push((dir.to_path_buf(), None));
                return;
            };
            let path = entry.path();
            let is_pdf = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
            let Ok(kind) = entry.file_type() else {
                if is_pdf {
                    found.push((path, None));
                }
                continue;
            };
            // A symlink is followed: to a folder (entered once), or to a file (listed once).
            let meta = if kind.is_symlink() {
                std::fs::metadata(&path)
            } else {
                entry.metadata()
            };
            match meta {
                Ok(m) if m.is_dir() => {
                    if self.folders.insert(file_id(&m)) {
                        self.descend(&path, found);
                    }
                }
                Ok(m) if is_pdf => found.push((path, Some(file_id(&m)))),
                Ok(_) => {}
                // A dangling symlink named *.pdf: its record says so.
                Err(_) if is_pdf => found.push((path, None)),
                Err(_) => {}
            }
        }
    }
}

/// One shard of `N`: `index` counts from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// This shard, `0..count`.
    pub index: u64,
    /// How many shards the inputs are split into.
    pub count: u64,
}

/// Most shards `--shard` splits inputs into.
pub const MAX_SHARDS: u64 = 1_000_000;

/// Parse `I/N` with `0 <= I < N <= MAX_SHARDS`.
pub fn parse_shard(s: &str) -> Result<Shard, String> {
    let bad = || format!("wants I/N with 0 <= I < N <= {MAX_SHARDS} (e.g. 0/4), not {s:?}");
    let (i, n) = s.split_once('/').ok_or_else(bad)?;
    let index: u64 = i.trim().parse().map_err(|_| bad())?;
    let count: u64 = n.trim().parse().map_err(|_| bad())?;
    if count == 0 || index >= count || count > MAX_SHARDS {
        return Err(bad());
    }
    Ok(Shard { index, count })
}

/// Does `path` belong to `shard`?
pub fn in_shard(path: &Path, shard: Shard) -> bool {
    let digest = Sha256::digest(path_bytes(path));
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first) % shard.count == shard.index
}

/// The last record of one path in an earlier run's output.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Last {
    /// The sha256 of the file it was made from (none: the file could not be read).
    pub sha256: Option<String>,
    /// Its error kind, for an error record.
    pub error: Option<String>,
}

/// What an earlier run left in its output file.
#[derive(Debug, Default)]
pub struct Done {
    /// Path (its bytes) → its last record.
    pub records: HashMap<Vec<u8>, Last>,
    /// Complete record lines kept.
    pub lines: usize,
    /// Bytes of a torn last line (or a bulk action line without its document) cut off.
    pub torn_bytes: u64,
    /// The file holds `_bulk` action and document lines, not records alone.
    pub bulk: bool,
}

/// The few fields of an output line that resuming reads (the rest is skipped unread).
#[derive(Deserialize)]
struct Seen {
    schema: Option<String>,
    ordex_version: Option<String>,
    source: Option<SeenSource>,
    error: Option<SeenError>,
    /// A `_bulk` action line: `{"index":{"_id":...}}`.
    index: Option<serde::de::IgnoredAny>,
}

#[derive(Deserialize)]
struct SeenSource {
    path: Option<String>,
    path_bytes: Option<String>,
    sha256: Option<String>,
}

#[derive(Deserialize)]
struct SeenError {
    kind: String,
}

/// How every record line begins, and every `_bulk` action line: a torn last line that does
/// not begin so (or with a part of it) was not written by ordex.
const RECORD_START: &[u8] = b"{\"schema\":\"ordex/";
const ACTION_START: &[u8] = b"{\"index\":{";

/// Could `line` be the start of a line ordex writes?
pub fn starts_like_ordex(line: &[u8]) -> bool {
    [RECORD_START, ACTION_START].iter().any(|start| {
        let n = line.len().min(start.len());
        line[..n] == start[..n]
    })
}

/// The path (its bytes) a record names: `source.path_bytes` when there, else `source.path`.
fn record_path(source: &SeenSource) -> Option<Vec<u8>> {
    if let Some(hex) = &source.path_bytes {
        return unhex(hex);
    }
    source.path.as_ref().map(|p| p.as_bytes().to_vec())
}

/// Bytes from hex; `None` if it is not hex.
pub fn unhex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Read the output file of an earlier run (open for reading and writing, at its start), cut a
/// torn last line off it, and say which records it holds. Refused, the file unchanged: a file
/// that is not ordex output (a line that is not a record, anywhere but a torn last line that
/// starts as a record does), and one with a record written by another ordex version (finish it
/// with that version, or write a new file). `name` is for messages.
pub fn resume(file: &mut std::fs::File, name: &Path) -> Result<Done, String> {
    let name = name.display();
    let mut done = Done::default();
    let mut reader = io::BufReader::with_capacity(1 << 20, &*file);
    let mut buf = Vec::new();
    // Bytes read so far, and the end of the last line kept.
    let (mut at, mut good_end) = (0u64, 0u64);
    // In a bulk file: the end of the last document line (an action line after it is torn).
    let mut action_open = false;
    for n in 1usize.. {
        let end = read_line(&mut reader, &mut buf, RECORD_LINE_MAX)
            .map_err(|e| format!("cannot read {name} to resume: {e}"))?;
        let not_ours = |why: &str| {
            format!("{name}: line {n} {why}: not an ordex output; not resuming into it")
        };
        match end {
            LineEnd::Eof => break,
            LineEnd::TooLong => {
                return Err(not_ours(&format!(
                    "is longer than {} MB",
                    RECORD_LINE_MAX >> 20
                )))
            }
            LineEnd::Nul => return Err(not_ours("holds a NUL byte")),
            LineEnd::Newline | LineEnd::Torn => {}
        }
        let line_len = buf.len() as u64 + u64::from(end == LineEnd::Newline);
        let parsed = serde_json::from_slice::<Seen>(&buf).ok();
        let last_line = end == LineEnd::Torn || reader.fill_buf().map_or(true, |b| b.is_empty());
        let Some(seen) = parsed.filter(|_| end == LineEnd::Newline) else {
            // A torn last line of a killed run is cut; anything else means another writer.
            if last_line && starts_like_ordex(&buf) {
                break;
            }
            return Err(not_ours("is not a JSON record"));
        };
        at += line_len;
        if seen.index.is_some() && seen.schema.is_none() {
            if n == 1 {
                done.bulk = true;
            }
            if !done.bulk || action_open {
                return Err(not_ours("is a _bulk action out of place"));
            }
            action_open = true;
            continue;
        }
        let schema = seen.schema.as_deref().unwrap_or_default();
        if !schema.starts_with("ordex/") {
            return Err(not_ours("is not an ordex record"));
        }
        if done.bulk && !action_open {
            return Err(not_ours("is a _bulk document without its action line"));
        }
        action_open = false;
        let version = seen.ordex_version.as_deref();
        if version != Some(VERSION) || schema != SCHEMA {
            return Err(format!(
                "{name}: line {n} was written by {} (schema {schema}); this is ordex {VERSION} \
                 (schema {SCHEMA}): finish the file with that version, or write a new one",
                version.map_or("an ordex that does not say its version".to_string(), |v| {
                    format!("ordex {v}")
                })
            ));
        }
        done.lines += 1;
        good_end = at;
        if let Some(path) = seen.source.as_ref().and_then(record_path) {
            let source = seen.source.as_ref();
            done.records.insert(
                path,
                Last {
                    sha256: source.and_then(|s| s.sha256.clone()),
                    error: seen.error.map(|e| e.kind),
                },
            );
        }
    }
    drop(reader);
    let len = file
        .metadata()
        .map_err(|e| format!("cannot read {name} to resume: {e}"))?
        .len();
    done.torn_bytes = len.saturating_sub(good_end);
    if done.torn_bytes > 0 {
        file.set_len(good_end)
            .map_err(|e| format!("cannot cut the torn last line of {name}: {e}"))?;
    }
    Ok(done)
}

/// Error kinds that `--retry-failed` runs again: the document may read another time.
pub const RETRIED: [&str; 2] = ["timeout", "crashed"];

/// Is `path` done: does its last record come from the bytes it holds now (and, with `retry`,
/// is it not a `timeout` or `crashed` record)? A record without a sha256 (the file could not
/// be read) is redone.
pub fn is_done(path: &Path, done: &Done, retry: bool) -> bool {
    let Some(last) = done.records.get(path_bytes(path)) else {
        return false;
    };
    if retry && last.error.as_deref().is_some_and(|k| RETRIED.contains(&k)) {
        return false;
    }
    let Some(sha) = &last.sha256 else {
        return false;
    };
    file_sha256(path).is_some_and(|now| now == *sha)
}

/// Hex SHA-256 of a regular file's bytes, read in pieces; `None` for anything else (a FIFO
/// is never opened for a read that would block).
pub fn file_sha256(path: &Path) -> Option<String> {
    file_digest::<Sha256>(path)
}

/// Hex SHA-1 of a regular file's bytes, as [`file_sha256`] reads them.
pub fn file_sha1(path: &Path) -> Option<String> {
    file_digest::<sha1::Sha1>(path)
}

fn file_digest<D: Digest>(path: &Path) -> Option<String> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let mut file = options.open(path).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut hasher = D::new();
    let mut chunk = vec![0u8; 1 << 20];
    loop {
        match file.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => hasher.update(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    Some(crate::hex(&hasher.finalize()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_parse_accepts_i_of_n_from_zero() {
        assert_eq!(parse_shard("0/4"), Ok(Shard { index: 0, count: 4 }));
        assert_eq!(parse_shard("3/4"), Ok(Shard { index: 3, count: 4 }));
        for bad in ["4/4", "1/0", "a/2", "2", "-1/3", "", "0/1000001"] {
            assert!(parse_shard(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn shards_partition_the_inputs_and_spread_them() {
        let paths: Vec<PathBuf> = (0..1000)
            .map(|i| PathBuf::from(format!("/dump/{i:05}.pdf")))
            .collect();
        let n = 4;
        let mut sizes = vec![0; n as usize];
        for p in &paths {
            let owners: Vec<u64> = (0..n)
                .filter(|&i| in_shard(p, Shard { index: i, count: n }))
                .collect();
            assert_eq!(owners.len(), 1, "{p:?} belongs to exactly one shard");
            sizes[owners[0] as usize] += 1;
        }
        assert!(sizes.iter().all(|&s| s > 200), "{sizes:?}");
    }

    #[test]
    fn lines_are_capped_and_stop_at_nul() {
        let mut buf = Vec::new();
        let mut r: &[u8] = b" a b \nlong line\nx\0y\nlast";
        let mut line = |r: &mut &[u8], cap| read_line(r, &mut buf, cap).unwrap();
        assert_eq!(line(&mut r, 100), LineEnd::Newline);
        assert_eq!(line(&mut r, 4), LineEnd::TooLong);
        let mut r: &[u8] = b"x\0y\nlast";
        assert_eq!(line(&mut r, 100), LineEnd::Nul);
        let mut r: &[u8] = b"last";
        assert_eq!(line(&mut r, 100), LineEnd::Torn);
        assert_eq!(line(&mut r, 100), LineEnd::Eof);
        let mut r: &[u8] = b" a b \n";
        read_line(&mut r, &mut buf, 100).unwrap();
        assert_eq!(buf, b" a b ", "spaces are kept");
    }

    #[test]
    fn a_list_keeps_paths_byte_for_byte() {
        let mut out = Vec::new();
        let mut list: &[u8] = b" lead.pdf\ntrail.pdf \n\n\xffname.pdf\nlast.pdf";
        read_list(&mut list, &mut out).unwrap();
        let bytes: Vec<&[u8]> = out.iter().map(|p| path_bytes(p)).collect();
        assert_eq!(
            bytes,
            [
                &b" lead.pdf"[..],
                b"trail.pdf ",
                b"\xffname.pdf",
                b"last.pdf"
            ]
        );
        let mut zeros: &[u8] = &[0u8; 10];
        assert!(read_list(&mut zeros, &mut out)
            .unwrap_err()
            .contains("NUL byte"));
    }

    fn temp(name: &str, content: &[u8]) -> PathBuf {
        let path = std::env::temp_dir().join(format!("ordex-{}-{name}", std::process::id()));
        std::fs::write(&path, content).unwrap();
        path
    }

    fn resume_file(path: &Path) -> Result<Done, String> {
        let mut f = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)
            .unwrap();
        resume(&mut f, path)
    }

    fn rec(path: &str, sha: &str) -> String {
        format!(
            r#"{{"schema":"{SCHEMA}","ordex_version":"{VERSION}","source":{{"path":"{path}","sha256":"{sha}"}},"error":null}}"#
        )
    }

    #[test]
    fn resume_cuts_a_torn_last_line_and_keeps_complete_records() {
        let a = rec("a.pdf", "aa");
        let a2 = rec("a.pdf", "a2");
        let torn = format!(r#"{{"schema":"{SCHEMA}","source":{{"path":"c.pd"#);
        let path = temp("torn.jsonl", format!("{a}\n{a2}\n{torn}").as_bytes());
        let done = resume_file(&path).unwrap();
        assert_eq!(done.lines, 2);
        assert_eq!(done.torn_bytes, torn.len() as u64);
        assert_eq!(
            done.records[&b"a.pdf"[..]].sha256.as_deref(),
            Some("a2"),
            "the last record of a path counts"
        );
        let kept = std::fs::read_to_string(&path).unwrap();
        assert_eq!(kept, format!("{a}\n{a2}\n"));
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn resume_cuts_a_last_line_that_is_not_json_even_with_its_newline() {
        let a = rec("a.pdf", "aa");
        let path = temp("garbage.jsonl", format!("{a}\n{{\"sche\n").as_bytes());
        let done = resume_file(&path).unwrap();
        assert_eq!((done.lines, done.torn_bytes), (1, 7));
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn resume_refuses_other_files_and_versions_unchanged() {
        let a = rec("a.pdf", "aa");
        let old = a.replace(VERSION, "0.0.1");
        for (name, content, says) in [
            (
                "damaged",
                format!("not json\n{a}\n"),
                "line 1 is not a JSON record",
            ),
            (
                "text",
                "hello world".to_string(),
                "line 1 is not a JSON record",
            ),
            (
                "other",
                r#"{"a":1}"#.to_string() + "\n",
                "not an ordex record",
            ),
            (
                "old",
                format!("{a}\n{old}\n"),
                "line 2 was written by ordex 0.0.1",
            ),
            ("zeros", "\0\0\0".to_string(), "NUL byte"),
        ] {
            let path = temp(&format!("{name}.jsonl"), content.as_bytes());
            let err = resume_file(&path).unwrap_err();
            assert!(err.contains(says), "{name}: {err}");
            assert_eq!(std::fs::read_to_string(&path).unwrap(), content, "{name}");
            std::fs::remove_file(path).unwrap();
        }
    }

    #[test]
    fn retry_failed_redoes_timeouts_and_crashes_only() {
        let path = temp("retry.pdf", b"%PDF-1.4 x");
        let sha = file_sha256(&path).unwrap();
        let mut done = Done::default();
        let key = path_bytes(&path).to_vec();
        for (kind, retried) in [
            (None, false),
            (Some("timeout"), true),
            (Some("crashed"), true),
            (Some("damaged"), false),
        ] {
            done.records.insert(
                key.clone(),
                Last {
                    sha256: Some(sha.clone()),
                    error: kind.map(str::to_string),
                },
            );
            assert!(is_done(&path, &done, false), "{kind:?}");
            assert_eq!(!is_done(&path, &done, true), retried, "{kind:?}");
        }
        std::fs::remove_file(path).unwrap();
    }
}
