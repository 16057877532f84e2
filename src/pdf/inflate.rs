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

#[cfg(test)]
mod tests {
    use super::super::{load, Bytes};
    use super::*;
    use std::io::Write;

    /// A one-page PDF whose page has `streams` Flate content streams (objects 4, 5, ...) of
    /// `inflated` bytes each: a text line, then spaces.
    fn pdf(inflated: usize, streams: usize) -> Vec<u8> {
        let mut content = b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET\n".to_vec();
        content.resize(inflated, b' ');
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(&content).unwrap();
        let stream = z.finish().unwrap();
        let refs: Vec<String> = (0..streams).map(|i| format!("{} 0 R", 5 + i)).collect();
        let mut objects: Vec<Vec<u8>> = vec![
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
                 /Resources << /Font << /F1 4 0 R >> >> /Contents [{}] >>",
                refs.join(" ")
            )
            .into_bytes(),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        ];
        let head = format!(
            "<< /Length {} /Filter /FlateDecode >>\nstream\n",
            stream.len()
        );
        for _ in 0..streams {
            objects.push([head.as_bytes(), &stream, b"\nendstream"].concat());
        }
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes(),
        );
        for off in offsets {
            out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        out
    }

    fn read(pdf: Vec<u8>, stream_mb: u64, document_mb: u64) -> Result<String, DocError> {
        let limits = Limits {
            stream_bytes: stream_mb << 20,
            document_bytes: document_mb << 20,
            ..Limits::default()
        };
        let doc = load(Bytes::new(pdf.into()), &limits, &mut |_| {})?;
        Ok(doc.pages[0].lines.iter().map(|l| l.text()).collect())
    }

    #[test]
    fn streams_under_the_caps_are_read() {
        assert_eq!(read(pdf(3 << 20, 2), 4, 7).unwrap(), "Hello");
    }

    #[test]
    fn a_stream_past_the_stream_cap_is_a_limit_naming_its_object() {
        let err = read(pdf(3 << 20, 1), 2, 100).unwrap_err();
        assert_eq!(err.kind(), "limit");
        assert!(
            err.to_string()
                .contains("object 5 inflates past 2 MB (--max-stream-mb)"),
            "{err}"
        );
    }

    #[test]
    fn streams_past_the_document_cap_together_are_a_limit() {
        // Three streams of 3 MB, each under the 4 MB stream cap, 9 MB together.
        let err = read(pdf(3 << 20, 3), 4, 7).unwrap_err();
        assert_eq!(err.kind(), "limit");
        assert!(
            err.to_string()
                .contains("the document's streams inflate to more than 7 MB (--max-document-mb)"),
            "{err}"
        );
    }

    #[test]
    fn the_caps_are_lifted_after_a_document() {
        let _ = read(pdf(3 << 20, 1), 2, 100).unwrap_err();
        assert_eq!(inflate_breach(), None);
        assert_eq!(read(pdf(3 << 20, 1), 4, 100).unwrap(), "Hello");
    }
}
