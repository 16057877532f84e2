//! Caps on decoded bytes, and on what numbers in a file may make the engine allocate, enforced
//! where the bytes are made.
//!
//! The engine's decoders (hayro-syntax, patched: `inflate_cap`) stop a stream at the
//! per-stream cap as they decode, every filter and each filter of a chain (Flate, LZW,
//! RunLength, ASCII85 and ASCIIHex; CCITT, JBIG2, DCT and JPX by the size they are about to
//! decode to), and count the distinct streams decoded (each object once) against the
//! per-document cap. So a decompression bomb costs at most the cap, and a stream that is never
//! read (an embedded font the text does not need, an image) costs nothing. Allocations sized by
//! numbers read from the file (a sampled function's table, an image's pixels) are checked
//! against the per-stream cap before they are made, and a text run stops collecting glyphs at
//! the per-page glyph cap (the engine would otherwise make a positioned glyph for every code of
//! a string of millions). Width ranges of fonts are clamped to the codes and CIDs that exist
//! (hayro-font). Images are not decoded when text is read; the OCR raster, which decodes them,
//! runs under the same caps ([`Caps::set`] there too).

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
            glyphs: limits.glyphs_per_page as u64,
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
        Some(InflateBreach::Alloc { what, bytes }) => Err(DocError::Limit(format!(
            "{what} would take {} MB, over the cap of {} MB (--max-stream-mb)",
            bytes >> 20,
            limits.stream_bytes >> 20
        ))),
        Some(InflateBreach::Glyphs) => Err(DocError::Limit(format!(
            "a text run draws more than {} glyphs (--max-glyphs-per-page)",
            limits.glyphs_per_page
        ))),
    }
}
