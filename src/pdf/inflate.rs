//! Caps on decompressed bytes, checked before the engine decodes anything: the engine inflates
//! a stream whole, so a decompression bomb must be caught here or by the worker's memory cap.
//!
//! Deflate expands at most 1032:1, so a stream whose compressed size times that bound is
//! under the cap needs no look at all (nearly every stream of an honest order). Larger ones
//! are inflated into a small buffer and counted, never kept, up to the cap. Image streams are
//! skipped (ordex never decodes pixels), and so are filter chains other than one Flate layer,
//! whose bound is left to the memory cap.

use crate::error::DocError;
use crate::Limits;
use hayro_interpret::hayro_syntax::object::{Name, Object, ObjectIdentifier, Stream};
use hayro_interpret::hayro_syntax::{Filter, Pdf};
use std::io::Read;

/// Most bytes one byte of deflate data can become.
const FLATE_RATIO: u64 = 1032;

/// What a stream can inflate to, measuring it when its bound is over the stream cap: exact
/// (`Ok(Some((n, true)))`) or a bound (`Ok(Some((n, false)))`); `None` for other objects.
fn size_of(obj: &Object<'_>, limits: &Limits) -> Result<Option<(u64, bool)>, DocError> {
    let Object::Stream(stream) = obj else {
        return Ok(None);
    };
    let filters = stream.filters();
    let image = stream
        .dict()
        .get::<Name<'_>>(b"Subtype")
        .is_some_and(|n| n.as_ref() == b"Image")
        || filters.iter().any(|f| {
            matches!(
                f,
                Filter::DctDecode
                    | Filter::JpxDecode
                    | Filter::Jbig2Decode
                    | Filter::CcittFaxDecode
            )
        });
    if image {
        return Ok(Some((0, true)));
    }
    let raw = stream.raw_data();
    let raw_len = raw.len() as u64;
    if !matches!(filters.as_slice(), [Filter::FlateDecode]) {
        // No filter, or a chain: counted as stored; the memory cap bounds the rest.
        return Ok(Some((raw_len, true)));
    }
    let bound = raw_len.saturating_mul(FLATE_RATIO);
    if bound <= limits.stream_bytes {
        return Ok(Some((bound, false)));
    }
    let (size, over) = inflated_size(&raw, limits.stream_bytes);
    if over {
        return Err(DocError::Limit(format!(
            "object {} inflates past {} MB (--max-stream-mb): a decompression bomb?",
            stream.obj_id().obj_number,
            limits.stream_bytes >> 20
        )));
    }
    Ok(Some((size, true)))
}

/// Check every stream of `pdf` against the per-stream and per-document caps.
pub(super) fn check(pdf: &Pdf, limits: &Limits) -> Result<(), DocError> {
    let mut total: u64 = 0;
    // Streams known only by a bound, largest first: the ones to measure if need be.
    let mut bounded: Vec<(u64, ObjectIdentifier)> = Vec::new();
    for obj in pdf.objects() {
        if let Some((n, exact)) = size_of(&obj, limits)? {
            total = total.saturating_add(n);
            if let (false, Object::Stream(s)) = (exact, &obj) {
                bounded.push((n, s.obj_id()));
            }
        }
    }
    // The bounds say the total could be over: measure the largest until what is left cannot
    // take it over, or until it is over for certain.
    bounded.sort_by_key(|b| std::cmp::Reverse(b.0));
    for (bound, id) in bounded {
        if total <= limits.document_bytes {
            return Ok(());
        }
        let size = pdf
            .xref()
            .get::<Stream<'_>>(id)
            .map_or(0, |s| inflated_size(&s.raw_data(), bound).0);
        total = total - bound + size;
    }
    if total <= limits.document_bytes {
        return Ok(());
    }
    Err(DocError::Limit(format!(
        "the document's streams inflate to more than {} MB (--max-document-mb)",
        limits.document_bytes >> 20
    )))
}

/// Inflate `raw` (zlib, else raw deflate, as the engine reads it) without keeping the output:
/// its size, and whether it went past `cap` (counting stops there).
fn inflated_size(raw: &[u8], cap: u64) -> (u64, bool) {
    let zlib = count(flate2::read::ZlibDecoder::new(raw), cap);
    if zlib.0 > 0 {
        return zlib;
    }
    count(flate2::read::DeflateDecoder::new(raw), cap)
}

fn count(mut reader: impl Read, cap: u64) -> (u64, bool) {
    let mut buf = vec![0u8; 64 << 10];
    let mut n: u64 = 0;
    loop {
        match reader.read(&mut buf) {
            Ok(0) | Err(_) => return (n, false),
            Ok(k) => {
                n += k as u64;
                if n > cap {
                    return (n, true);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(data).unwrap();
        z.finish().unwrap()
    }

    #[test]
    fn counts_what_a_stream_inflates_to_and_stops_at_the_cap() {
        let raw = zlib(&vec![b'x'; 100_000]);
        assert_eq!(inflated_size(&raw, 1 << 20), (100_000, false));
        let (n, over) = inflated_size(&raw, 50_000);
        assert!(over && n > 50_000 && n <= 50_000 + (64 << 10));
    }

    #[test]
    fn raw_deflate_is_counted_too() {
        let mut d = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        d.write_all(&[7u8; 5000]).unwrap();
        assert_eq!(inflated_size(&d.finish().unwrap(), 1 << 20), (5000, false));
    }
}
