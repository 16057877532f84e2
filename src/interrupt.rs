//! SIGINT, SIGTERM and SIGHUP: noted, not obeyed at once, so that a run can end on its own
//! terms (every finished record written, a line saying how to resume, exit 130, 143 or 129).
//!
//! [`catch`] installs a handler that only records the signal; [`caught`] tells the run. A
//! second signal of the same run ends the process at once, as if no handler were there (a
//! user pressing Ctrl-C twice means it). Worker processes [`ignore`] both: their supervisor
//! decides what an interrupted run keeps, and kills them. Unix only; elsewhere nothing is
//! caught.

use std::sync::atomic::{AtomicI32, Ordering};

/// The signal caught, or 0.
static CAUGHT: AtomicI32 = AtomicI32::new(0);

#[cfg(unix)]
extern "C" fn note(sig: libc::c_int) {
    if CAUGHT.swap(sig, Ordering::SeqCst) != 0 {
        // SAFETY: signal and raise are async-signal-safe; the default action ends the process.
        unsafe {
            libc::signal(sig, libc::SIG_DFL);
            libc::raise(sig);
        }
    }
}

/// From now on, SIGINT, SIGTERM and SIGHUP are noted for [`caught`] instead of ending the
/// process.
pub fn catch() {
    #[cfg(unix)]
    // SAFETY: `note` only touches an atomic and calls async-signal-safe functions.
    unsafe {
        let handler = note as extern "C" fn(libc::c_int) as libc::sighandler_t;
        libc::signal(libc::SIGINT, handler);
        libc::signal(libc::SIGTERM, handler);
        libc::signal(libc::SIGHUP, handler);
    }
}

/// The signal caught since [`catch`] (SIGHUP 1, SIGINT 2, SIGTERM 15), if one was.
pub fn caught() -> Option<i32> {
    match CAUGHT.load(Ordering::SeqCst) {
        0 => None,
        sig => Some(sig),
    }
}

/// The exit status of a run ended by `sig`: 128 + its number (130 for SIGINT, 143 for SIGTERM,
/// 129 for SIGHUP).
pub fn exit_status(sig: i32) -> u8 {
    u8::try_from(128 + sig).unwrap_or(128)
}

/// The signal's name, for messages.
pub fn name(sig: i32) -> &'static str {
    match sig {
        1 => "SIGHUP",
        2 => "SIGINT",
        15 => "SIGTERM",
        _ => "a signal",
    }
}

/// SIGINT, SIGTERM and SIGHUP do nothing to this process (worker processes).
pub fn ignore() {
    #[cfg(unix)]
    // SAFETY: setting a signal to be ignored is always sound.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_IGN);
        libc::signal(libc::SIGTERM, libc::SIG_IGN);
        libc::signal(libc::SIGHUP, libc::SIG_IGN);
    }
}
