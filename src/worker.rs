//! Worker processes: documents read where a fatal failure costs one record, not the run.
//!
//! The supervisor (`ordex extract`) starts one worker process per batch worker, the same
//! binary run as `ordex worker --config JSON`, and talks to it over pipes, one document at a
//! time:
//!
//! ```text
//! supervisor ── <path bytes in hex>\n ───────────────────────▶ worker   (stdin)
//! supervisor ◀── S\n, P <pages>\n, then R <record JSON>\n ─── worker   (stdout)
//! supervisor ◀── panic and abort messages ────────────────── worker   (stderr, last lines kept)
//! ```
//!
//! The worker caps its own address space (`setrlimit(RLIMIT_AS)`), reads on a thread with a deep
//! stack, names itself `ordex worker` (what `ps` and `top` show), ignores SIGINT, SIGTERM and SIGHUP
//! (its supervisor decides what an interrupted run keeps), and dies with its supervisor
//! (`PR_SET_PDEATHSIG`, set before it runs a line of its own). Each worker is a process group of
//! its own, so a terminal's Ctrl-C reaches the supervisor alone. The supervisor waits for `S`
//! (the worker has the document: its time limit starts there, not while the worker starts up),
//! then for the record under the document's time limit (fixed part, plus a part per page once
//! `P` is heard). A worker that overruns is killed (SIGKILL); one that dies is read for the cause (an allocation
//! over the cap aborts with "memory allocation of N bytes failed", a stack overflow says so,
//! anything else by its signal or exit status). Either way the document gets an error record
//! (`timeout`, `memory`, `crashed`) and the next document a new worker.

use crate::batch::{failed, give_back_memory, wait, Finished, Msg, Unfinished, Written, DOC_STACK};
use crate::error::DocError;
use crate::{process_file, Config};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread::JoinHandle;

/// Lines of a worker's standard error kept to explain its death.
const STDERR_TAIL: usize = 8;

/// A running worker process, as its supervisor sees it.
struct Proc {
    child: Child,
    stdin: Option<ChildStdin>,
    msgs: mpsc::Receiver<Msg>,
    stderr: Option<JoinHandle<String>>,
}

impl Proc {
    fn spawn(program: &Path, args: &[String]) -> std::io::Result<Proc> {
        let mut cmd = Command::new(program);
        #[cfg(unix)]
        {
            // Named as the user knows it in `ps`, not as /proc/self/exe.
            use std::os::unix::process::CommandExt;
            cmd.arg0("ordex");
            // SAFETY: `own_group_dying_with_parent` makes only async-signal-safe calls.
            unsafe {
                cmd.pre_exec(own_group_dying_with_parent(true));
            }
        }
        let mut child = cmd
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        register(child.id(), true);
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().ok_or_else(|| missing("stdout"))?;
        let stderr = child.stderr.take().ok_or_else(|| missing("stderr"))?;
        let (tx, msgs) = mpsc::channel();
        std::thread::Builder::new()
            .name("ordex-worker-out".into())
            .spawn(move || {
                for line in BufReader::new(stdout).lines() {
                    let Ok(line) = line else { break };
                    if tx.send(parse_line(&line)).is_err() {
                        break;
                    }
                }
            })?;
        let stderr = std::thread::Builder::new()
            .name("ordex-worker-err".into())
            .spawn(move || last_words(BufReader::new(stderr)))?;
        Ok(Proc {
            child,
            stdin,
            msgs,
            stderr: Some(stderr),
        })
    }

    /// Hand the worker a document: its path's bytes in hex (any byte of a name goes through).
    fn send(&mut self, path: &Path) -> std::io::Result<()> {
        let stdin = self.stdin.as_mut().ok_or_else(|| missing("stdin"))?;
        let mut line = crate::hex(crate::inputs::path_bytes(path));
        line.push('\n');
        stdin.write_all(line.as_bytes())?;
        stdin.flush()
    }

    /// Wait for the worker to end (after a kill, or once it closed its output), and say why
    /// it ended: its exit status and the last lines it wrote to standard error.
    fn reap(mut self) -> (Option<ExitStatus>, String) {
        self.stdin = None;
        let status = self.child.wait().ok();
        register(self.child.id(), false);
        let tail = self
            .stderr
            .take()
            .and_then(|h| h.join().ok())
            .unwrap_or_default();
        (status, tail)
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        // Closing its input ends an idle worker; it is reaped so that no zombie stays behind.
        self.stdin = None;
        let _ = self.child.wait();
        register(self.child.id(), false);
    }
}

/// The worker processes alive, by pid (each the leader of its own process group).
static LIVE: std::sync::Mutex<Vec<u32>> = std::sync::Mutex::new(Vec::new());

fn register(pid: u32, alive: bool) {
    let mut live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    live.retain(|&p| p != pid);
    if alive {
        live.push(pid);
    }
}

/// Kill every worker process of this supervisor (SIGKILL to each one's process group): a run
/// that ends early does not wait for the documents they are reading.
pub(crate) fn kill_all() {
    let live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    for &pid in live.iter() {
        kill_group(pid);
    }
}

/// SIGKILL to the process group led by `pid` (the worker, and anything of its group).
fn kill_group(pid: u32) {
    #[cfg(unix)]
    if let Ok(pid) = libc::pid_t::try_from(pid) {
        // SAFETY: a plain system call; a group that is gone makes it fail, harmlessly.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
    #[cfg(not(unix))]
    let _ = pid;
}

/// What a child ordex starts runs before its program (`Command::pre_exec`): with `group`, a
/// process group of its own (a terminal's Ctrl-C does not reach it, and a kill of the group
/// reaches what it started); always, death with the thread that started it (`PR_SET_PDEATHSIG`),
/// and at once if that is gone already. Only async-signal-safe calls.
#[cfg(unix)]
pub(crate) fn own_group_dying_with_parent(
    group: bool,
) -> impl FnMut() -> std::io::Result<()> + Send + Sync + 'static {
    // SAFETY: getpid is always safe; read in the parent, before the fork.
    let parent = unsafe { libc::getpid() };
    move || {
        // SAFETY: setpgid, prctl and getppid are async-signal-safe and change only this
        // (child) process.
        unsafe {
            if group {
                libc::setpgid(0, 0);
            }
            #[cfg(target_os = "linux")]
            {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                if libc::getppid() != parent {
                    libc::_exit(1);
                }
            }
        }
        Ok(())
    }
}

/// What a dying worker wrote that explains its death: the first line that names a cause (an
/// allocation failure, a stack overflow, a panic), else its last lines. Backtraces that follow
/// such a line are left out.
fn last_words(stderr: impl BufRead) -> String {
    const CAUSES: [&str; 3] = [
        "memory allocation of",
        "has overflowed its stack",
        "panicked at",
    ];
    let mut tail = VecDeque::new();
    let mut cause = None;
    // Read to the end even after a cause: a worker that lives on must not block on a full pipe.
    for line in stderr.lines() {
        let Ok(line) = line else { break };
        let line = line.trim();
        if cause.is_none() && CAUSES.iter().any(|c| line.contains(c)) {
            cause = Some(line.to_string());
        }
        if line.is_empty() || cause.is_some() {
            continue;
        }
        if tail.len() == STDERR_TAIL {
            tail.pop_front();
        }
        tail.push_back(line.to_string());
    }
    cause.unwrap_or_else(|| Vec::from(tail).join(" | "))
}

fn missing(what: &str) -> std::io::Error {
    std::io::Error::other(format!("the worker's {what} is not a pipe"))
}

/// One line from a worker: `S` (started), `P <pages>`, `R <record>`, or `Q <OCR seconds>
/// <record>` (the seconds are not part of the record's JSON); anything else is a broken worker.
fn parse_line(line: &str) -> Msg {
    if line == "S" {
        return Msg::Started;
    }
    if let Some((secs, json)) = line.strip_prefix("Q ").and_then(|r| r.split_once(' ')) {
        if let Some(w) = secs
            .parse()
            .ok()
            .and_then(|secs| Written::parse(json, secs))
        {
            return Msg::Done(Finished::Written(Box::new(w)));
        }
    }
    if let Some(n) = line.strip_prefix("P ") {
        if let Ok(n) = n.trim().parse() {
            return Msg::Pages(n);
        }
    }
    if let Some(json) = line.strip_prefix("R ") {
        if let Some(w) = Written::parse(json, 0.0) {
            return Msg::Done(Finished::Written(Box::new(w)));
        }
    }
    Msg::Garbled(line.chars().take(80).collect())
}

thread_local! {
    static PROC: std::cell::RefCell<Option<Proc>> = const { std::cell::RefCell::new(None) };
}

/// End this batch worker's worker process, if it has one: its input closes, it exits, and it
/// is reaped.
pub(crate) fn shut_down() {
    PROC.with(|slot| slot.borrow_mut().take());
}

/// One document in this batch worker's worker process (started on first use, replaced after
/// a death or a time-out).
pub(crate) fn run_one(path: &Path, config: &Config, program: &Path, args: &[String]) -> Finished {
    PROC.with(|slot| {
        let mut slot = slot.borrow_mut();
        // A worker that died between documents shows it when handed the next: one retry.
        for attempt in 0..2 {
            if slot.is_none() {
                match Proc::spawn(program, args) {
                    Ok(p) => *slot = Some(p),
                    Err(e) => {
                        return failed(
                            path,
                            DocError::Crashed(format!(
                                "cannot start a worker process ({}): {e}",
                                program.display()
                            )),
                        )
                    }
                }
            }
            let Some(proc) = slot.as_mut() else {
                continue;
            };
            if proc.send(path).is_err() {
                slot.take();
                if attempt == 0 {
                    continue;
                }
                return failed(
                    path,
                    DocError::Crashed("the worker closed its input".into()),
                );
            }
            let outcome = wait(&proc.msgs, config);
            return match outcome {
                Ok(rec) => rec,
                Err(Unfinished::Timeout(why)) => {
                    kill(slot.take());
                    failed(path, DocError::Timeout(why))
                }
                Err(Unfinished::NotStarted) => {
                    kill(slot.take());
                    failed(
                        path,
                        DocError::Crashed(format!(
                            "the worker did not start the document within {} s",
                            crate::batch::START_LIMIT.as_secs()
                        )),
                    )
                }
                Err(Unfinished::Garbled(shown)) => {
                    // Out of step with its supervisor: replaced, not trusted with the next one.
                    kill(slot.take());
                    failed(
                        path,
                        DocError::Crashed(format!(
                            "the worker wrote a line that is not a record: {shown:?}"
                        )),
                    )
                }
                Err(Unfinished::Gone) => {
                    let (status, tail) = slot.take().map(Proc::reap).unwrap_or_default();
                    failed(path, death(status, &tail, config))
                }
            };
        }
        failed(
            path,
            DocError::Crashed("the worker could not be started".into()),
        )
    })
}

/// Kill a worker and its process group (SIGKILL) and reap it.
fn kill(proc: Option<Proc>) {
    if let Some(mut proc) = proc {
        kill_group(proc.child.id());
        let _ = proc.child.kill();
        proc.reap();
    }
}

/// Why a worker died, from its exit status and its last words.
fn death(status: Option<ExitStatus>, stderr: &str, config: &Config) -> DocError {
    let said = if stderr.is_empty() {
        String::new()
    } else {
        format!("; it said: {stderr}")
    };
    if stderr.contains("memory allocation of") {
        return DocError::Memory(format!(
            "the worker hit its {} MB address-space cap (--max-memory-mb){said}",
            config.limits.memory_bytes >> 20
        ));
    }
    if stderr.contains("has overflowed its stack") {
        return DocError::Crashed(format!(
            "the worker overflowed its stack (something in the file nests too deep){said}"
        ));
    }
    let how = match status {
        Some(s) => describe_status(s),
        None => "ended".to_string(),
    };
    DocError::Crashed(format!("the worker {how}{said}"))
}

#[cfg(unix)]
fn describe_status(status: ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (_, Some(sig)) => {
            let name = match sig {
                libc::SIGSEGV => " (SIGSEGV)",
                libc::SIGABRT => " (SIGABRT)",
                libc::SIGBUS => " (SIGBUS)",
                libc::SIGILL => " (SIGILL)",
                libc::SIGFPE => " (SIGFPE)",
                libc::SIGKILL => {
                    " (SIGKILL: killed from outside, perhaps by the kernel's OOM killer)"
                }
                _ => "",
            };
            format!("was killed by signal {sig}{name}")
        }
        (Some(code), None) => format!("exited with status {code} without a record"),
        (None, None) => "ended".to_string(),
    }
}

#[cfg(not(unix))]
fn describe_status(status: ExitStatus) -> String {
    format!("ended ({status}) without a record")
}

/// The worker side: cap this process, then read paths from standard input and write each
/// one's page count and record to standard output until the input ends.
pub fn serve(config: &Config) -> std::io::Result<()> {
    limit_self(config.limits.memory_bytes);
    crate::interrupt::ignore();
    slow_start();
    let config = config.clone();
    let reader = std::thread::Builder::new()
        .name("ordex-worker".into())
        .stack_size(DOC_STACK)
        .spawn(move || -> std::io::Result<()> {
            let stdin = std::io::stdin().lock();
            let mut out = std::io::stdout().lock();
            for (i, line) in stdin.lines().enumerate() {
                let line = line?;
                if i > 0 {
                    // Before the next document, not after each: the last one's memory goes
                    // back with the process, for nothing.
                    give_back_memory();
                }
                let path = crate::inputs::unhex(line.trim())
                    .map(crate::inputs::path_from_bytes)
                    .ok_or_else(|| std::io::Error::other("a path line that is not hex"))?;
                writeln!(out, "S").and_then(|()| out.flush())?;
                fault(&path);
                let mut pages_err = None;
                let rec = process_file(&path, &config, true, &mut |n| {
                    if let Err(e) = writeln!(out, "P {n}").and_then(|()| out.flush()) {
                        pages_err = Some(e);
                    }
                });
                if let Some(e) = pages_err {
                    return Err(e);
                }
                let json = serde_json::to_string(&rec).map_err(std::io::Error::other)?;
                if rec.ocr_secs > 0.0 {
                    writeln!(out, "Q {} {json}", rec.ocr_secs)?;
                } else {
                    writeln!(out, "R {json}")?;
                }
                out.flush()?;
            }
            Ok(())
        })?;
    reader
        .join()
        .unwrap_or_else(|_| Err(std::io::Error::other("the worker thread panicked")))
}

/// Fault injection for the tests of the supervisor: `ORDEX_WORKER_FAULT=startup:SECS` makes the
/// worker take SECS seconds to start (a loaded machine).
fn slow_start() {
    if let Some(secs) = std::env::var("ORDEX_WORKER_FAULT")
        .ok()
        .and_then(|s| s.strip_prefix("startup:")?.parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
    {
        std::thread::sleep(std::time::Duration::from_secs_f64(secs.min(3600.0)));
    }
}

/// Fault injection for the tests of the supervisor: `ORDEX_WORKER_FAULT=KIND:NEEDLE` makes the
/// worker fail the way KIND says (`abort`, `overflow` of its stack, `hang`) on a path containing
/// NEEDLE. Unset (always, outside tests), it does nothing.
fn fault(path: &Path) {
    let path = path.to_string_lossy();
    let Ok(spec) = std::env::var("ORDEX_WORKER_FAULT") else {
        return;
    };
    let Some((kind, needle)) = spec.split_once(':') else {
        return;
    };
    if needle.is_empty() || !path.contains(needle) {
        return;
    }
    match kind {
        "abort" => std::process::abort(),
        "overflow" => {
            // Recursion without end, as a parser meeting a cycle would do.
            fn deeper(n: u64) -> u64 {
                let pad = std::hint::black_box([n; 64]);
                if pad[(n % 64) as usize] == u64::MAX {
                    return 0;
                }
                deeper(pad[(n % 64) as usize] + 1) + pad[0]
            }
            std::hint::black_box(deeper(0));
        }
        "hang" => loop {
            std::thread::sleep(std::time::Duration::from_secs(3600));
        },
        _ => {}
    }
}

/// Cap the address space, end with the supervisor (Linux; set before exec too, see
/// [`own_group_dying_with_parent`]) so that a worker busy on an endless document does not
/// outlive a killed run, and take the name `ordex worker` (started as /proc/self/exe, it would
/// show as `exe`).
#[cfg(unix)]
fn limit_self(memory_bytes: u64) {
    let lim = libc::rlimit {
        rlim_cur: memory_bytes as libc::rlim_t,
        rlim_max: memory_bytes as libc::rlim_t,
    };
    // SAFETY: plain system calls on this process with valid arguments; failure is harmless
    // (the cap or the name is then not applied) and leaves no state behind. The name is a
    // NUL-terminated literal of under 16 bytes, as PR_SET_NAME wants.
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &lim);
        #[cfg(target_os = "linux")]
        {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            libc::prctl(libc::PR_SET_NAME, c"ordex worker".as_ptr());
        }
    }
}

#[cfg(not(unix))]
fn limit_self(_memory_bytes: u64) {}
