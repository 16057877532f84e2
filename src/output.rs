//! Where a run's records go, opened so that no file is harmed.
//!
//! - `-` is standard output; a FIFO or a device (`/dev/null`) is written as it is.
//! - A regular file is locked (`flock`, exclusive) before anything else, and stays locked while
//!   the run writes it: a second run on the same file is refused, never interleaved.
//! - It is truncated (or, with `--resume`, appended to) only if it is empty, new, or already an
//!   ordex output: its first line starts as a record or a `_bulk` action does. Anything else
//!   (an input PDF, notes, a file of another program) is refused and left unchanged.
//! - `--resume` reads what is there first ([`crate::inputs::resume`]), which refuses a damaged
//!   file or one written by another ordex version, unchanged.
//!
//! That the output is not one of the run's inputs is the caller's check (it knows the inputs);
//! [`Output::id`] is what it compares with.

use crate::inputs::{self, Done, FileId};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

/// An output opened for a run.
pub struct Output {
    /// Where the records go.
    pub writer: Box<dyn Write>,
    /// Standard output (a closed pipe there ends a run quietly).
    pub stdout: bool,
    /// The file's identity, for a regular file.
    pub id: Option<FileId>,
    /// With `--resume`: what the file held.
    pub done: Option<Done>,
}

/// Which of standard input, output and error were closed when the process started.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClosedStdio {
    /// Standard input was closed.
    pub stdin: bool,
    /// Standard output was closed: records written there would be lost.
    pub stdout: bool,
    /// Standard error was closed.
    pub stderr: bool,
}

/// Put `/dev/null` on each of the three standard descriptors that is closed, and say which
/// were. Call first thing: a closed descriptor 1 would otherwise be the next file or pipe
/// opened, and records "to standard output" would go into it (a worker's input, a file).
///
/// Rust's runtime already does the first part before `main` on Linux, opening `/dev/null`
/// read-write on a closed descriptor; a descriptor that is `/dev/null` open read-write is taken
/// for one that was closed (a shell redirects `>/dev/null` write-only).
pub fn claim_closed_stdio() -> ClosedStdio {
    #[cfg(unix)]
    {
        let null_dev = std::fs::metadata("/dev/null").ok().map(|m| {
            use std::os::unix::fs::MetadataExt;
            m.rdev()
        });
        let mut closed = [false; 3];
        for (fd, was) in closed.iter_mut().enumerate() {
            let fd = fd as libc::c_int;
            // SAFETY: F_GETFD and F_GETFL only ask about the descriptor, fstat fills a zeroed
            // struct; open returns the lowest free descriptor, which is `fd` when it is the one
            // closed (0, 1, 2 in order).
            unsafe {
                if libc::fcntl(fd, libc::F_GETFD) == -1 {
                    *was = true;
                    let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDWR);
                    if null != fd && null >= 0 {
                        libc::dup2(null, fd);
                        libc::close(null);
                    }
                    continue;
                }
                let mut st: libc::stat = std::mem::zeroed();
                let read_write = libc::fcntl(fd, libc::F_GETFL) & libc::O_ACCMODE == libc::O_RDWR;
                if read_write
                    && libc::fstat(fd, &mut st) == 0
                    && (st.st_mode & libc::S_IFMT) == libc::S_IFCHR
                    && Some(st.st_rdev as u64) == null_dev
                {
                    *was = true;
                }
            }
        }
        ClosedStdio {
            stdin: closed[0],
            stdout: closed[1],
            stderr: closed[2],
        }
    }
    #[cfg(not(unix))]
    ClosedStdio::default()
}

/// Is `path` the standard-output name `-`?
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Open `path` for a run's records (`None`: standard output). With `resume`, the file is read
/// first and the records are appended; `bulk` is the format asked for, which a resumed file
/// must already have. Errors are one line, naming the file.
pub fn open(path: Option<&Path>, resume: bool, bulk: bool) -> Result<Output, String> {
    let path = match path {
        Some(p) if !is_stdout(p) => p,
        _ => {
            if resume {
                return Err("--resume needs -o FILE: standard output cannot be resumed".into());
            }
            return Ok(Output {
                writer: Box::new(std::io::stdout().lock()),
                stdout: true,
                id: None,
                done: None,
            });
        }
    };
    let name = path.display();
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => return Err(format!("-o {name} is a folder")),
        Ok(m) if !m.is_file() => {
            let what = crate::file_kind(&m);
            if resume {
                return Err(format!(
                    "--resume needs a regular file to read back; {name} is {what}"
                ));
            }
            // A FIFO or a device is written as it is: nothing there to lock or truncate.
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| format!("cannot write {name}: {e}"))?;
            return Ok(Output {
                writer: Box::new(file),
                stdout: false,
                id: None,
                done: None,
            });
        }
        _ => {}
    }
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|e| format!("cannot write {name}: {e}"))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            return Err(format!(
                "{name} is being written by another ordex run; not writing it too"
            ))
        }
        // A file system without locks: written unlocked, as before locks were taken.
        Err(std::fs::TryLockError::Error(_)) => {}
    }
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot write {name}: {e}"))?;
    let id = inputs::file_id(&meta);
    if meta.len() > 0 {
        let mut head = [0u8; 32];
        let n = read_head(&mut file, &mut head).map_err(|e| format!("cannot read {name}: {e}"))?;
        if !inputs::starts_like_ordex(&head[..n]) {
            let shown: String = String::from_utf8_lossy(&head[..n.min(16)])
                .chars()
                .map(|c| if c.is_control() { '.' } else { c })
                .collect();
            return Err(format!(
                "{name} exists and is not an ordex output (it starts {shown:?}); not writing \
                 over it"
            ));
        }
    }
    let done = if resume {
        let done = inputs::resume(&mut file, path)?;
        if done.lines > 0 && done.bulk != bulk {
            return Err(format!(
                "{name} holds {}; resume it with --format {}",
                if done.bulk {
                    "_bulk output"
                } else {
                    "JSON Lines records"
                },
                if done.bulk {
                    "opensearch-bulk"
                } else {
                    "jsonl"
                }
            ));
        }
        file.seek(SeekFrom::End(0))
            .map_err(|e| format!("cannot append to {name}: {e}"))?;
        Some(done)
    } else {
        file.set_len(0)
            .and_then(|()| file.seek(SeekFrom::Start(0)).map(|_| ()))
            .map_err(|e| format!("cannot write {name}: {e}"))?;
        None
    };
    Ok(Output {
        writer: Box::new(file),
        stdout: false,
        id: Some(id),
        done,
    })
}

/// Read the first bytes of `file` into `head`, as many as there are; back at the start after.
fn read_head(file: &mut File, head: &mut [u8]) -> std::io::Result<usize> {
    file.seek(SeekFrom::Start(0))?;
    let mut n = 0;
    while n < head.len() {
        match file.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    file.seek(SeekFrom::Start(0))?;
    Ok(n)
}
