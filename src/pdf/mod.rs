//! Load a PDF and turn its glyphs into positioned words and lines, page by page.
//!
//! This is the only module that names the PDF engine (hayro). Everything after it works on
//! [`Page`], [`Line`] and [`Word`]. Coordinates are display space: points, origin at the
//! top-left corner of the page as shown (after `/Rotate`), y growing downwards.
//!
//! What it never does: decide what text means (line numbers, stamps) — that is `clean`.

mod device;
mod inflate;
pub mod layout;
pub mod raster;

use crate::error::DocError;
use crate::Limits;
use device::Collector;
use hayro_interpret::hayro_syntax::page::Rotation;
use hayro_interpret::hayro_syntax::{DecryptionError, LoadPdfError, Pdf};
use hayro_interpret::kurbo::{Affine, Rect};
use hayro_interpret::{interpret_page, Context, InterpreterCache, InterpreterSettings};
pub use layout::{BBox, Glyph, Line, Word};

/// First code point of the private-use block that carries raw glyph codes.
///
/// A glyph whose font gives no Unicode is kept as `RAW_BASE + code`, so a later stage can see
/// how much of a page is unmapped and can repair a shifted encoding from the codes.
pub const RAW_BASE: u32 = 0xF0000;

/// One page as extracted: its size, rotation, text lines and image coverage.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// 1-based page number.
    pub number: usize,
    /// Width in points, as displayed.
    pub width: f64,
    /// Height in points, as displayed.
    pub height: f64,
    /// `/Rotate` of the page in degrees (0, 90, 180, 270).
    pub rotation: u16,
    /// Horizontal text lines in reading order (top to bottom).
    pub lines: Vec<Line>,
    /// Text drawn at an angle (e.g. the court name up the N.D. Cal. margin), one line per run.
    pub rotated: Vec<Line>,
    /// Share of the page area covered by its largest image, or by the images spanning most of
    /// its width or height together (a scan stored as strips) where that is more (0..1); a scan
    /// is close to 1.
    pub image_cover: f64,
    /// Number of glyphs drawn as invisible text (render mode 3, typical of an OCR layer).
    pub invisible_glyphs: usize,
    /// Glyphs left out because an opaque black box was painted over them: text a reader of the
    /// page cannot see (a redaction that left the text layer in place).
    pub redacted_glyphs: usize,
    /// The glyphs of each run drawn in the top or bottom 15% of the page, run by run: stamps
    /// overlaid on each other can be read apart here ([`layout::run_text`] gives the text).
    pub band_runs: Vec<Vec<Glyph>>,
    /// Set when the page's words were read by OCR: their mean confidence (0..100).
    pub ocr_confidence: Option<f64>,
}

/// A loaded document: its pages and the metadata the record reports.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Pages in order.
    pub pages: Vec<Page>,
    /// The `/Producer` of the Info dictionary, if any.
    pub producer: Option<String>,
    /// What was wrong with the file though it could be read (e.g. truncated).
    pub warnings: Vec<String>,
}

/// A PDF file's bytes: read into memory, or mapped from the file. Shared ([`Bytes`]) by the
/// parser and OCR's rasterizer, so that neither copies them.
pub enum FileBytes {
    /// Read into memory.
    Read(Vec<u8>),
    /// Mapped from the file: no copy, and no fresh memory to fault in page by page. A file
    /// truncated while mapped makes the process fault (`SIGBUS`), so only worker processes,
    /// where that costs one record, map files.
    Mapped(memmap2::Mmap),
}

impl AsRef<[u8]> for FileBytes {
    fn as_ref(&self) -> &[u8] {
        match self {
            FileBytes::Read(v) => v,
            FileBytes::Mapped(m) => m,
        }
    }
}

/// A PDF file's bytes, shared.
pub type Bytes = std::sync::Arc<FileBytes>;

impl From<Vec<u8>> for FileBytes {
    fn from(v: Vec<u8>) -> Self {
        FileBytes::Read(v)
    }
}

/// Files this large or larger are mapped when mapping is asked for; smaller ones are read
/// (a small read costs less than setting up and tearing down a mapping).
const MAP_FROM: u64 = 256 << 10;

/// The bytes of the file at `path`: mapped when `map` is set and the file is at least
/// [`MAP_FROM`] bytes, read otherwise.
pub fn read_file(path: &str, map: bool) -> std::io::Result<FileBytes> {
    let file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    read_open(file, len, map, u64::MAX).map_err(|e| match e {
        ReadError::Io(e) => e,
        ReadError::OverCap(n) => std::io::Error::other(format!("{n} bytes, over the cap")),
    })
}

/// Why [`read_open`] gave no bytes.
#[derive(Debug)]
pub enum ReadError {
    /// Reading failed.
    Io(std::io::Error),
    /// The file held more than the cap (it grew since it was measured): at least this many
    /// bytes.
    OverCap(u64),
}

/// The bytes of an open regular file of `len` bytes: mapped when `map` is set and it is at
/// least [`MAP_FROM`] bytes, read otherwise; never more than `cap` bytes are read (a file that
/// grows while it is read stops there).
pub fn read_open(
    file: std::fs::File,
    len: u64,
    map: bool,
    cap: u64,
) -> Result<FileBytes, ReadError> {
    if map && len >= MAP_FROM && len <= cap {
        // SAFETY: the map is read only and private. Another process truncating the file
        // while it is mapped makes a read fault (SIGBUS); the callers that ask for a map are
        // worker processes, where the supervisor turns that into one error record.
        if let Ok(m) = unsafe { memmap2::MmapOptions::new().populate().map(&file) } {
            return Ok(FileBytes::Mapped(m));
        }
    }
    let mut v = Vec::with_capacity(usize::try_from(len.min(cap)).unwrap_or(0));
    std::io::Read::read_to_end(
        &mut std::io::Read::take(&file, cap.saturating_add(1)),
        &mut v,
    )
    .map_err(ReadError::Io)?;
    if v.len() as u64 > cap {
        return Err(ReadError::OverCap(v.len() as u64));
    }
    Ok(FileBytes::Read(v))
}

/// Parse `bytes` and extract every page's positioned text.
///
/// Files encrypted with an empty user password are decrypted; damaged cross-reference tables are
/// rebuilt by scanning the file. Errors are per document and never panic on purpose (callers
/// still run this under `catch_unwind`, as the engine may).
///
/// `on_pages` hears the page count once the page tree is read, before the pages are. A document
/// over `limits.pages`, or a page drawing more than `limits.glyphs_per_page` glyphs, is an error.
pub fn load(
    bytes: Bytes,
    limits: &Limits,
    on_pages: &mut dyn FnMut(usize),
) -> Result<Document, DocError> {
    let data: &[u8] = (*bytes).as_ref();
    // No content: nothing, or only zero bytes and blanks (download managers create or
    // preallocate the file before its bytes arrive). A PDF's first byte ends the scan.
    if data.iter().all(|b| *b == 0 || b.is_ascii_whitespace()) {
        return Err(DocError::Empty(data.len()));
    }
    check_header(data)?;
    let truncated = !has_eof_marker(data);
    // Only a truncated file reports how many pages it declared (a scan of the whole file).
    let declared = if truncated {
        declared_pages(data)
    } else {
        None
    };
    // From here on, Flate streams stop at the caps as they inflate (see `inflate`).
    let _caps = inflate::Caps::set(limits);
    // A cross-reference or object stream over a cap fails the load: the cap is the cause.
    let pdf = Pdf::new(bytes.clone()).map_err(|e| {
        inflate::check(limits).err().unwrap_or_else(|| match e {
            LoadPdfError::Decryption(d) => DocError::Encrypted(
                match d {
                    DecryptionError::PasswordProtected => {
                        "a user password is needed; the empty one does not open it"
                    }
                    DecryptionError::MissingIDEntry => {
                        "the trailer has no /ID, which decryption needs"
                    }
                    DecryptionError::InvalidEncryption => "the encryption dictionary is invalid",
                    DecryptionError::UnsupportedAlgorithm => {
                        "the encryption algorithm is not supported"
                    }
                }
                .to_string(),
            ),
            LoadPdfError::Invalid if truncated => DocError::Damaged(
                "truncated (no end-of-file marker, a download cut short?) and no page could be \
                 recovered from what is there"
                    .into(),
            ),
            LoadPdfError::Invalid => {
                DocError::Damaged("no readable cross-reference table or page tree".into())
            }
        })
    })?;
    let producer = pdf
        .metadata()
        .producer
        .as_ref()
        .map(|p| decode_pdf_string(p))
        .filter(|p| !p.is_empty());
    let count = pdf.pages().len();
    if count > limits.pages {
        return Err(DocError::Limit(format!(
            "{count} pages, over the cap of {} (--max-pages)",
            limits.pages
        )));
    }
    inflate::check(limits)?;
    on_pages(count);
    // One cache for the whole document: fonts and objects are shared across pages. Text only:
    // simple fonts that give their widths are made without loading their embedded programs
    // (outlines are never drawn here; the OCR raster uses a cache of its own).
    let cache = InterpreterCache::text_only();
    let settings = InterpreterSettings::default();
    let mut pages = Vec::with_capacity(pdf.pages().len());
    for (i, page) in pdf.pages().iter().enumerate() {
        let (w, h, mut ctx) = page_context(page, &cache, &settings);
        let mut dev = Collector::new(w, h, limits.glyphs_per_page);
        interpret_page(page, &mut ctx, &mut dev);
        inflate::check(limits)?;
        if dev.over_cap() {
            return Err(DocError::Limit(format!(
                "page {} draws more than {} glyphs (--max-glyphs-per-page)",
                i + 1,
                limits.glyphs_per_page
            )));
        }
        let rotation = match page.rotation() {
            Rotation::None => 0,
            Rotation::Horizontal => 90,
            Rotation::Flipped => 180,
            Rotation::FlippedHorizontal => 270,
        };
        let band_runs = dev.take_band_runs();
        let (glyphs, rotated, image_cover, invisible_glyphs, redacted_glyphs) = dev.finish();
        pages.push(Page {
            number: i + 1,
            width: w,
            height: h,
            rotation,
            lines: layout::build_lines(glyphs),
            rotated,
            image_cover,
            invisible_glyphs,
            redacted_glyphs,
            band_runs,
            ocr_confidence: None,
        });
    }
    if pages.is_empty() {
        return Err(DocError::Damaged(if truncated {
            "truncated (no end-of-file marker, a download cut short?) and no page could be \
             recovered from what is there"
                .into()
        } else {
            "the page tree has no pages".into()
        }));
    }
    let mut warnings = Vec::new();
    if truncated {
        let n = pages.len();
        warnings.push(match declared {
            Some(total) if total > n => format!(
                "truncated: no end-of-file marker; {n} of {total} pages ({}%) recovered",
                n * 100 / total
            ),
            _ => format!(
                "truncated: no end-of-file marker; {n} page{} recovered",
                if n == 1 { "" } else { "s" }
            ),
        });
    }
    Ok(Document {
        pages,
        producer,
        warnings,
    })
}

/// A fill or stroke colour as 8-bit RGBA; `None` for a pattern.
pub(crate) fn paint_rgba(paint: &hayro_interpret::Paint<'_>) -> Option<[u8; 4]> {
    match paint {
        hayro_interpret::Paint::Color(color) => Some(color.to_rgba().to_rgba8()),
        _ => None,
    }
}

/// Near-white paint: a page background or a box that hides nothing.
pub(crate) fn is_light([r, g, b, _]: [u8; 4]) -> bool {
    r > 200 && g > 200 && b > 200
}

/// A page's display size and an interpreter context that maps its content to display space
/// (points, top-left origin, `/Rotate` applied), sharing the document's cache.
pub(crate) fn page_context<'a>(
    page: &'a hayro_interpret::hayro_syntax::page::Page<'a>,
    cache: &'a InterpreterCache<'a>,
    settings: &InterpreterSettings,
) -> (f64, f64, Context<'a>) {
    let (w, h) = page.render_dimensions();
    let (w, h) = (w as f64, h as f64);
    let init = Affine::new(page.initial_transform(true).as_coeffs());
    let ctx = Context::new(
        init,
        Rect::new(0.0, 0.0, w, h),
        cache,
        page.xref(),
        settings.clone(),
    );
    (w, h, ctx)
}

/// A complete PDF ends with `%%EOF` (give or take trailing junk, and padding with zero bytes
/// as some archives store files in whole blocks); a download cut short does not.
fn has_eof_marker(bytes: &[u8]) -> bool {
    let end = bytes
        .iter()
        .rposition(|&b| b != 0 && !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    let tail = &bytes[end.saturating_sub(2048)..end];
    tail.windows(5).any(|w| w == b"%%EOF")
}

/// The page count the file declares: the largest `/Count` of a page-tree node found in the
/// raw bytes (the root's). Objects inside compressed object streams are not seen.
fn declared_pages(bytes: &[u8]) -> Option<usize> {
    static COUNT: crate::pattern::Pattern<regex::bytes::Regex> = crate::pattern::Pattern::new(
        || {
            // Bytes, not text: `(?-u)` keeps `[^>]` one byte wide (a small automaton).
            regex::bytes::Regex::new(r"(?-u)/Type\s*/Pages\b[^>]{0,200}?/Count\s+(\d{1,7})|/Count\s+(\d{1,7})[^>]{0,200}?/Type\s*/Pages\b")
            .expect("a valid pattern")
        },
    );
    COUNT
        .get()
        .captures_iter(bytes)
        .filter_map(|c| c.get(1).or_else(|| c.get(2)))
        .filter_map(|m| std::str::from_utf8(m.as_bytes()).ok()?.parse().ok())
        .max()
}

/// A PDF starts with `%PDF-` within its first 1024 bytes; anything else is named by what it is.
fn check_header(bytes: &[u8]) -> Result<(), DocError> {
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(());
    }
    let start = String::from_utf8_lossy(&bytes[..bytes.len().min(40)]).to_lowercase();
    let what = if start.contains("<html") || start.contains("<!doctype") {
        "an HTML page"
    } else if start.starts_with("pk\u{3}\u{4}") {
        "a ZIP archive"
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        "a JPEG image"
    } else if bytes.starts_with(b"\x89PNG") {
        "a PNG image"
    } else if bytes.starts_with(b"II*") || bytes.starts_with(b"MM\0*") {
        "a TIFF image"
    } else {
        "unknown data"
    };
    let shown: String = String::from_utf8_lossy(&bytes[..bytes.len().min(16)])
        .chars()
        .map(|c| if c.is_control() { '.' } else { c })
        .collect();
    Err(DocError::NotPdf(format!(
        "no %PDF- header; starts with {shown:?} ({what})"
    )))
}

/// Decode a PDF text string: UTF-16BE with a byte-order mark, else PDFDocEncoding (as Latin-1).
fn decode_pdf_string(bytes: &[u8]) -> String {
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
    .trim_matches(char::from(0))
    .trim()
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_named() {
        let err = load(
            Bytes::new(b"<html><body>session expired</body></html>".to_vec().into()),
            &Limits::default(),
            &mut |_| {},
        )
        .unwrap_err();
        assert_eq!(err.kind(), "not_pdf");
        assert!(err.to_string().contains("HTML"), "{err}");
    }

    #[test]
    fn empty_is_empty() {
        let err = |bytes: Vec<u8>| {
            load(Bytes::new(bytes.into()), &Limits::default(), &mut |_| {}).unwrap_err()
        };
        assert_eq!(err(Vec::new()).kind(), "empty");
        assert_eq!(err(Vec::new()).to_string(), "empty file: 0 bytes");
        // A preallocated download that never received its bytes, and one of blank lines.
        let zeros = err(vec![0; 4096]);
        assert_eq!(zeros.kind(), "empty");
        assert!(
            zeros
                .to_string()
                .starts_with("empty file: 4096 bytes, all zero"),
            "{zeros}"
        );
        assert_eq!(err(b"\r\n \n".to_vec()).kind(), "empty");
        // One byte of content is no longer empty.
        assert_eq!(err(b"\0\0x".to_vec()).kind(), "not_pdf");
    }

    #[test]
    fn garbage_after_header_is_damaged() {
        let err = load(
            Bytes::new(b"%PDF-1.4\n garbage garbage".to_vec().into()),
            &Limits::default(),
            &mut |_| {},
        )
        .unwrap_err();
        assert_eq!(err.kind(), "damaged");
    }

    /// Every glyph (character, position, size, advance) of every page of `bytes`, read
    /// through a text-only font cache or a full one.
    fn glyphs_through(bytes: &[u8], text_only: bool) -> Vec<layout::Glyph> {
        let pdf = Pdf::new(bytes.to_vec()).expect("fixture opens");
        let cache = if text_only {
            InterpreterCache::text_only()
        } else {
            InterpreterCache::new()
        };
        let settings = InterpreterSettings::default();
        let mut out = Vec::new();
        for page in pdf.pages().iter() {
            let (w, h, mut ctx) = page_context(page, &cache, &settings);
            let mut dev = Collector::new(w, h, usize::MAX);
            interpret_page(page, &mut ctx, &mut dev);
            out.extend(dev.finish().0);
        }
        out
    }

    /// The text-only font cache skips embedded programs; the text must not notice.
    #[test]
    fn text_only_fonts_read_the_same_glyphs() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut checked = 0;
        // Generated fixtures (courtgen): the S.D.N.Y. order embeds its serif font (a CFF
        // program), the others use the standard fonts; an OCR text layer, Courier, Helvetica.
        for name in [
            "nysd-order-stay-discovery-01.pdf",
            "caed-order-criminal-continuance-01.pdf",
            "caed-order-ocr-layer-01.pdf",
            "cacd-minute-order-chambers-01.pdf",
            "ca11-order-clerk-extension-01.pdf",
            "cand-transcript-deposition-01.pdf",
            "ganb-order-relief-stay-01.pdf",
        ] {
            let bytes = std::fs::read(dir.join(name)).expect("fixture");
            let full = glyphs_through(&bytes, false);
            let text_only = glyphs_through(&bytes, true);
            assert!(!full.is_empty(), "{name}: no glyphs");
            assert_eq!(full, text_only, "{name}");
            checked += 1;
        }
        assert_eq!(checked, 7);
    }

    /// A large file is mapped when asked, a small one read; both give the file's bytes.
    #[test]
    fn files_are_mapped_or_read() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        // No fixture is that large: a file of MAP_FROM bytes made here.
        let big = std::env::temp_dir().join(format!("ordex-map-{}.pdf", std::process::id()));
        std::fs::write(&big, vec![b'%'; MAP_FROM as usize]).unwrap();
        let small = dir.join("fixtures/cand-order-encrypted-no-password-01.pdf");
        for (path, map, mapped) in [
            (&big, true, true),
            (&big, false, false),
            (&small, true, false),
        ] {
            let want = std::fs::read(path).unwrap();
            assert!((want.len() as u64 >= MAP_FROM) == (path == &big));
            let got = read_file(path.to_str().unwrap(), map).unwrap();
            assert_eq!(
                matches!(got, FileBytes::Mapped(_)),
                mapped,
                "{path:?} {map}"
            );
            assert_eq!(got.as_ref(), &want[..]);
        }
        std::fs::remove_file(&big).ok();
    }

    #[test]
    fn utf16_producer() {
        assert_eq!(decode_pdf_string(&[0xFE, 0xFF, 0, b'A', 0, b'B']), "AB");
        assert_eq!(decode_pdf_string(b"iText 2.1.7"), "iText 2.1.7");
    }
}
