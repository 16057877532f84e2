//! ORDEX-PATCH: caps on what streams decode to, enforced by the decoders as they decode, and on
//! what numbers read from a file may make the engine allocate.
//!
//! A caller that reads untrusted files sets [`InflateCaps`] for its thread with
//! [`set_inflate_caps`]. From then on, each stream decoded on that thread stops decoding at
//! the per-stream cap, and the distinct streams decoded (counted once each, by object) stop at
//! the total cap. A stream that would pass a cap fails to decode, as a damaged one does, and
//! every stream after it fails too; [`inflate_breach`] tells the caller which cap was passed
//! and by which object. Without caps (the default), nothing changes.
//!
//! Every filter counts its output: Flate, LZW, RunLength and ASCII85 as they decode (their
//! output can be far larger than their input), ASCIIHex at its end (its output is half its
//! input), CCITT, JBIG2, DCT and JPX from the dimensions they are about to decode to, before
//! they allocate. In a chain of filters, each filter's output is capped in turn, so a chain
//! costs at most twice the cap at once. Outside a stream, [`allow`] checks an allocation sized
//! by numbers read from the file (a sampled function's table, an image's pixels) against the
//! per-stream cap, and [`glyph_cap`] is the most glyphs one text run may collect.

use crate::object::ObjectIdentifier;

/// The caps for the streams decoded on one thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InflateCaps {
    /// Most bytes one stream may decode to; also the most bytes [`allow`] lets one allocation
    /// sized by the file take.
    pub stream_bytes: u64,
    /// Most bytes all the distinct streams decoded may decode to together.
    pub total_bytes: u64,
    /// Most glyphs one text run may collect before it is drawn ([`glyph_cap`]).
    pub glyphs: u64,
}

/// Which cap a stream passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InflateBreach {
    /// This object alone decodes past the per-stream cap.
    Stream(ObjectIdentifier),
    /// The streams decoded so far, this object with them, decode past the total cap.
    Total(ObjectIdentifier),
    /// An allocation sized by numbers read from the file (`what`) would take `bytes`, past the
    /// per-stream cap.
    Alloc {
        /// What it was for.
        what: &'static str,
        /// How many bytes it asked for.
        bytes: u64,
    },
    /// A text run collects more glyphs than [`InflateCaps::glyphs`].
    Glyphs,
}

#[cfg(feature = "std")]
mod state {
    use super::{InflateBreach, InflateCaps, ObjectIdentifier};
    use std::cell::RefCell;
    use std::collections::HashSet;

    struct State {
        caps: InflateCaps,
        /// Bytes the distinct streams decoded so far inflated to.
        used: u64,
        /// The objects counted in `used`.
        seen: HashSet<ObjectIdentifier>,
        breach: Option<InflateBreach>,
        /// The cap on the Flate output of the stream being decoded, and whether it was hit.
        limit: Option<u64>,
        over: bool,
    }

    std::thread_local! {
        static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
    }

    pub(super) fn set(caps: Option<InflateCaps>) {
        STATE.with(|s| {
            *s.borrow_mut() = caps.map(|caps| State {
                caps,
                used: 0,
                seen: HashSet::new(),
                breach: None,
                limit: None,
                over: false,
            })
        });
    }

    pub(super) fn breach() -> Option<InflateBreach> {
        STATE.with(|s| s.borrow().as_ref().and_then(|st| st.breach))
    }

    /// Before decoding `id`: `Err(())` if a cap was passed already; else set the decoder's limit
    /// and return the one in force (a stream decoded while another is, for its parameters).
    pub(super) fn begin(id: ObjectIdentifier) -> Result<Option<u64>, ()> {
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            let Some(st) = s.as_mut() else {
                return Ok(None);
            };
            if st.breach.is_some() {
                return Err(());
            }
            let outer = st.limit;
            let counted = id.obj_number != 0 && st.seen.contains(&id);
            let left = st.caps.total_bytes.saturating_sub(st.used);
            st.limit = Some(if counted {
                st.caps.stream_bytes
            } else {
                st.caps.stream_bytes.min(left)
            });
            st.over = false;
            Ok(outer)
        })
    }

    /// After decoding `id` to `len` bytes (`None`: it failed); `outer` is what `begin` gave.
    pub(super) fn end(id: ObjectIdentifier, len: Option<usize>, outer: Option<u64>) {
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            let Some(st) = s.as_mut() else {
                return;
            };
            st.limit = outer;
            if std::mem::take(&mut st.over) {
                let left = st.caps.total_bytes.saturating_sub(st.used);
                st.breach = Some(if st.caps.stream_bytes <= left {
                    InflateBreach::Stream(id)
                } else {
                    InflateBreach::Total(id)
                });
                return;
            }
            if let Some(len) = len {
                if id.obj_number == 0 || st.seen.insert(id) {
                    st.used = st.used.saturating_add(len as u64);
                }
            }
        });
    }

    pub(super) fn limit() -> Option<u64> {
        STATE.with(|s| s.borrow().as_ref().and_then(|st| st.limit))
    }

    /// `Some(cap)` when caps are set: the per-stream cap, for allocations outside a stream.
    pub(super) fn stream_cap() -> Option<u64> {
        STATE.with(|s| s.borrow().as_ref().map(|st| st.caps.stream_bytes))
    }

    pub(super) fn glyph_cap() -> Option<u64> {
        STATE.with(|s| s.borrow().as_ref().map(|st| st.caps.glyphs))
    }

    /// Record `breach` unless one is recorded already (the first cause is the one told).
    pub(super) fn breach_with(breach: InflateBreach) {
        STATE.with(|s| {
            if let Some(st) = s.borrow_mut().as_mut() {
                st.breach.get_or_insert(breach);
            }
        });
    }

    pub(super) fn mark_over() {
        STATE.with(|s| {
            if let Some(st) = s.borrow_mut().as_mut() {
                st.over = true;
            }
        });
    }
}

#[cfg(not(feature = "std"))]
mod state {
    use super::{InflateBreach, InflateCaps, ObjectIdentifier};
    pub(super) fn set(_: Option<InflateCaps>) {}
    pub(super) fn breach() -> Option<InflateBreach> {
        None
    }
    pub(super) fn begin(_: ObjectIdentifier) -> Result<Option<u64>, ()> {
        Ok(None)
    }
    pub(super) fn end(_: ObjectIdentifier, _: Option<usize>, _: Option<u64>) {}
    pub(super) fn limit() -> Option<u64> {
        None
    }
    pub(super) fn stream_cap() -> Option<u64> {
        None
    }
    pub(super) fn glyph_cap() -> Option<u64> {
        None
    }
    pub(super) fn breach_with(_: InflateBreach) {}
    pub(super) fn mark_over() {}
}

/// Set (or with `None`, lift) the caps for streams decoded on this thread, starting the count
/// afresh. Without the `std` feature, caps are not kept.
pub fn set_inflate_caps(caps: Option<InflateCaps>) {
    state::set(caps);
}

/// The cap passed since the caps were set on this thread, if one was.
pub fn inflate_breach() -> Option<InflateBreach> {
    state::breach()
}

/// Before decoding the stream `id`: `Err(())` if a cap was passed already (the stream is not
/// decoded); else a value to hand to [`end`].
pub(crate) fn begin(id: ObjectIdentifier) -> Result<Option<u64>, ()> {
    state::begin(id)
}

/// After decoding the stream `id` to `len` bytes (`None`: it failed).
pub(crate) fn end(id: ObjectIdentifier, len: Option<usize>, outer: Option<u64>) {
    state::end(id, len, outer);
}

/// Most bytes the output of the stream being decoded may have, if capped.
pub(crate) fn limit() -> Option<u64> {
    state::limit()
}

/// [`limit`] as a length: `usize::MAX` when there is none. Read once per stream by a decoder,
/// which then compares its output's length with it as it grows.
pub(crate) fn output_limit() -> usize {
    limit().map_or(usize::MAX, |l| usize::try_from(l).unwrap_or(usize::MAX))
}

/// A decoder stopped at `limit()`.
pub(crate) fn mark_over() {
    state::mark_over();
}

/// Is `len` bytes of output past the stream's cap? If so, it is marked as passed (the stream
/// then fails to decode, and the caller is told).
pub(crate) fn over(len: u64) -> bool {
    if limit().is_some_and(|l| len > l) {
        mark_over();
        return true;
    }
    false
}

/// May `bytes` be allocated for `what`, sized by numbers read from the file? Under caps, not
/// past the per-stream cap: a refusal is recorded as the breach (if none was yet) and the
/// caller gives up on what it was making, as on damaged data. Without caps, always.
pub fn allow(what: &'static str, bytes: u64) -> bool {
    match state::stream_cap() {
        Some(cap) if bytes > cap => {
            state::breach_with(InflateBreach::Alloc { what, bytes });
            false
        }
        _ => true,
    }
}

/// The most glyphs one text run may collect (`None`: no cap). A run that would collect more
/// stops there, and [`glyphs_over`] records it.
pub fn glyph_cap() -> Option<u64> {
    state::glyph_cap()
}

/// A text run reached [`glyph_cap`].
pub fn glyphs_over() {
    state::breach_with(InflateBreach::Glyphs);
}
