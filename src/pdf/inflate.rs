//! Caps on decompressed bytes, enforced where the bytes are made.
//!
//! The engine's Flate decoder (hayro-syntax, patched: `inflate_cap`) stops a stream at the
//! per-stream cap as it inflates, and counts the distinct streams it decodes (each object once)
//! against the per-document cap. So a decompression bomb costs at most the cap, and a stream
//! that is never read (an embedded font the text does not need, an image) costs nothing.
//! Images are not decoded when text is read; the OCR raster, which decodes them, runs after the
//! caps are lifted and is bounded by the worker's memory cap. Only Flate output is capped: the
//! other filters are bounded by their input, or (LZW) by the memory cap.

use crate::error::DocError;
use crate::Limits;
use hayro_interpret::hayro_syntax::inflate_cap::{
    inflate_breach, set_inflate_caps, InflateBreach, InflateCaps,
};

/// The caps, in force on this thread while it lives.
pub(super) struct Caps;

impl Caps {
    pub(super) fn set(limits: &Limits) -> Caps {
        set_inflate_caps(Some(InflateCaps {
            stream_bytes: limits.stream_bytes,
            total_bytes: limits.document_bytes,
        }));
        Caps
    }
}

impl Drop for Caps {
    fn drop(&mut self) {
        set_inflate_caps(None);
    }
}

/// The error for a cap passed since the caps were set, if one was.
pub(super) fn check(limits: &Limits) -> Result<(), DocError> {
    match inflate_breach() {
        None => Ok(()),
        Some(InflateBreach::Stream(id)) => Err(DocError::Limit(format!(
            "object {} inflates past {} MB (--max-stream-mb): a decompression bomb?",
            id.obj_number,
            limits.stream_bytes >> 20
        ))),
        Some(InflateBreach::Total(_)) => Err(DocError::Limit(format!(
            "the document's streams inflate to more than {} MB (--max-document-mb)",
            limits.document_bytes >> 20
        ))),
    }
}
