//! OCR of scanned pages: page image → Tesseract → the same positioned words `pdf` makes.
//!
//! Runs between `pdf::load` and `clean`, only on the pages `clean` calls scans (a page image
//! with no text beyond stamps), and only when the run asks for it (`Config::ocr`). For each:
//!
//! 1. `pdf::raster` decodes the page's own scan (CCITT, JPEG, JBIG2, Flate), upright, at its
//!    own resolution or 300 dpi where that is lower; a page that is not one image (strips, a
//!    scan drawn as paths, drawings over the image) is rendered whole at 300 dpi instead.
//! 2. [`tesseract`] runs the `tesseract` command on it (PGM in, hOCR out; a process of its own,
//!    so a crash or a hang of the engine costs a page, and it is killed at the time limit).
//! 3. [`hocr`] reads each word's box, confidence, and its line's baseline and text size.
//! 4. Words are filtered and turned into glyphs on their baselines, then into lines by
//!    `pdf::layout::build_lines`, as drawn text is; `clean` and `segment` then run unchanged
//!    (line numbers drop by geometry, stamps and footers by position and repetition).
//!
//! What is dropped, not guessed: margin rules read as "|"; the less confident of two words
//! read at one place (a signature over the typed name); small unsure words (scribbles); words
//! that overlap text already on the page (the CM/ECF stamp drawn over the scan is kept as
//! drawn, not read twice); words in the margins under [`MARGIN_MIN_CONF`] (specks, handwriting, punch holes); words anywhere under
//! [`MIN_CONF`]. Never touches a page that has a text layer.

pub mod hocr;
pub mod tesseract;

use crate::pdf::layout::{build_lines, push_char};
use crate::pdf::raster::{page_rasters, Raster};
use crate::pdf::{Glyph, Line, Page};
use hocr::OcrWord;
use std::time::Instant;

/// Page images are made at least this fine (Tesseract reads 300 dpi best) ...
pub const MIN_DPI: f64 = 300.0;
/// ... and at most this fine (a 1200 dpi scan costs four times the time for nothing).
pub const MAX_DPI: f64 = 400.0;
/// Words in the page margins below this confidence are dropped.
pub const MARGIN_MIN_CONF: f64 = 60.0;
/// Words anywhere below this confidence are dropped.
pub const MIN_CONF: f64 = 20.0;
/// The margins: this many points from each edge of the page.
const MARGIN: f64 = 54.0;
/// Tesseract's `x_size` (ascender to descender, in pixels) times this is the font size.
const SIZE_PER_XSIZE: f64 = 1.0;

/// The OCR of one page.
#[derive(Debug, Clone)]
pub struct OcrPage {
    /// 1-based page number.
    pub number: usize,
    /// The recognised lines, display space in points, top to bottom.
    pub lines: Vec<Line>,
    /// Mean confidence (0..100) of the words kept; 0 when none was.
    pub confidence: f64,
}

/// What an OCR run over a document did.
#[derive(Debug, Clone, Default)]
pub struct OcrRun {
    /// The engine and its version ("tesseract 5.3.0"), when it could be run.
    pub engine: Option<String>,
    /// The pages read, in order.
    pub pages: Vec<OcrPage>,
    /// Pages that could not be read, and why.
    pub warnings: Vec<String>,
}

/// OCR `wanted` (1-based page numbers) of the PDF in `bytes`, whose extracted pages are
/// `pages`. Stops starting pages at `deadline` and kills a page still running then.
pub fn ocr_pages(bytes: Vec<u8>, pages: &[Page], wanted: &[usize], deadline: Instant) -> OcrRun {
    let mut run = OcrRun::default();
    if wanted.is_empty() {
        return run;
    }
    match tesseract::version() {
        Ok(v) => run.engine = Some(v),
        Err(e) => {
            run.warnings.push(format!("OCR not done: {e}"));
            return run;
        }
    }
    page_rasters(bytes, wanted, MIN_DPI, MAX_DPI, |number, raster| {
        let Some(page) = pages.get(number.wrapping_sub(1)) else {
            return true;
        };
        let Some(raster) = raster else {
            run.warnings
                .push(format!("page {number}: not OCR'd: the page could not be read"));
            return true;
        };
        if Instant::now() >= deadline {
            run.warnings.push(format!(
                "page {number}: not OCR'd: the document's time limit was reached"
            ));
            return true;
        }
        match tesseract::hocr(&raster, 3, deadline) {
            Ok(text) => {
                let (lines, confidence) = page_lines(&hocr::parse(&text), &raster, page);
                run.pages.push(OcrPage {
                    number,
                    lines,
                    confidence,
                });
            }
            Err(e) => run.warnings.push(format!("page {number}: not OCR'd: {e}")),
        }
        true
    });
    run
}

/// The kept words of a page as lines, and their mean confidence.
pub fn page_lines(words: &[OcrWord], raster: &Raster, page: &Page) -> (Vec<Line>, f64) {
    let k = 72.0 / raster.dpi.max(1.0);
    let kept: Vec<&OcrWord> = words.iter().filter(|w| keep(w, k, page)).collect();
    // Two readings of one place on two lines (a signature scribbled over the typed name): the
    // less confident goes, so that their letters do not interleave. (Neighbours on one line
    // that overlap are set apart below.)
    let kept: Vec<&OcrWord> = kept
        .iter()
        .filter(|w| {
            !kept.iter().any(|o| {
                o.line != w.line
                    && (o.conf, o.line) > (w.conf, w.line)
                    && overlap(&o.bbox, &w.bbox) > 0.3 * area(&w.bbox).min(area(&o.bbox))
            })
        })
        .copied()
        .collect();
    // Tesseract's text size wavers from line to line by a tenth; one body size per page keeps
    // size-based rules (footnotes, headings) from reading noise as a change of font.
    let mut sizes: Vec<f64> = kept.iter().map(|w| w.x_size * k * SIZE_PER_XSIZE).collect();
    sizes.sort_by(f64::total_cmp);
    let body = sizes.get(sizes.len() / 2).copied().unwrap_or(12.0);
    // Tiny, unsure "text" is a scribble or specks (a signature read as letters).
    let kept: Vec<&OcrWord> = kept
        .into_iter()
        .filter(|w| w.conf >= MARGIN_MIN_CONF || w.x_size * k * SIZE_PER_XSIZE >= 0.6 * body)
        .collect();
    let confidence = if kept.is_empty() {
        0.0
    } else {
        kept.iter().map(|w| w.conf).sum::<f64>() / kept.len() as f64
    };
    let mut glyphs = Vec::new();
    // Where the previous word of the same line ended: boxes of neighbours may overlap, and
    // their letters must not interleave when `build_lines` sorts glyphs by x.
    let mut prev: Option<(usize, f64)> = None;
    for w in kept {
        let raw = w.x_size * k * SIZE_PER_XSIZE;
        let size = if (raw - body).abs() <= 0.12 * body {
            body
        } else {
            raw
        };
        let mut chars = Vec::with_capacity(w.text.len());
        w.text.chars().for_each(|c| push_char(&mut chars, c));
        let (mut x0, mut x1) = (w.bbox[0] * k, w.bbox[2] * k);
        if let Some((line, end)) = prev {
            if line == w.line && x0 < end + 0.05 {
                x0 = end + 0.05;
                x1 = x1.max(x0 + 0.1 * chars.len().max(1) as f64);
            }
        }
        prev = Some((w.line, x1));
        let adv = (x1 - x0).max(0.1) / chars.len().max(1) as f64;
        let y = w.baseline * k;
        for (i, &ch) in chars.iter().enumerate() {
            glyphs.push(Glyph {
                ch,
                x: x0 + adv * i as f64,
                y,
                size,
                adv,
            });
        }
        // Word boundaries as Tesseract found them, not re-guessed from gaps.
        glyphs.push(Glyph {
            ch: ' ',
            x: x1,
            y,
            size,
            adv: 0.0,
        });
    }
    (build_lines(glyphs), confidence)
}

fn area(b: &[f64; 4]) -> f64 {
    (b[2] - b[0]).max(0.0) * (b[3] - b[1]).max(0.0)
}

fn overlap(a: &[f64; 4], b: &[f64; 4]) -> f64 {
    area(&[
        a[0].max(b[0]),
        a[1].max(b[1]),
        a[2].min(b[2]),
        a[3].min(b[3]),
    ])
}

/// Whether a word is kept: not a second reading of text drawn on the page, and confident
/// enough for where it is.
fn keep(w: &OcrWord, k: f64, page: &Page) -> bool {
    let [x0, y0, x1, y1] = w.bbox.map(|v| v * k);
    if w.conf < MIN_CONF {
        return false;
    }
    // A "|" is a ruled line read as text: the margin rules of pleading paper go; one in the
    // middle of the page stays, as it may be the rule between a caption's two columns.
    let mid = 0.5 * (x0 + x1);
    if w.text.chars().all(|c| c == '|') && !(0.3 * page.width..0.7 * page.width).contains(&mid) {
        return false;
    }
    let in_margin =
        x1 < MARGIN || x0 > page.width - MARGIN || y1 < MARGIN || y0 > page.height - MARGIN;
    if in_margin && w.conf < MARGIN_MIN_CONF {
        return false;
    }
    let h = (y1 - y0).max(0.1);
    !page.lines.iter().any(|l| {
        let b = &l.bbox;
        let v = (y1.min(b.y1 + 1.0) - y0.max(b.y0 - 1.0)).max(0.0);
        let across = x0 < b.x1 + 2.0 && x1 > b.x0 - 2.0;
        across && v >= 0.4 * h
    })
}

/// Put OCR'd lines among the page's own lines, top to bottom. An OCR'd line beside a drawn
/// one on (nearly) the same baseline is one line of the page ("Dated:" printed on the scan,
/// the date typed in by the court): their words are joined, left to right.
pub fn merge_lines(page: &mut Page, ocr: Vec<Line>) {
    for line in ocr {
        let beside = page.lines.iter_mut().find(|l| {
            let size = l.size.max(line.size).max(1.0);
            (l.baseline - line.baseline).abs() < 0.4 * size
                && (l.bbox.x1 < line.bbox.x0 || line.bbox.x1 < l.bbox.x0)
        });
        match beside {
            Some(l) => {
                let mut words = std::mem::take(&mut l.words);
                words.extend(line.words);
                words.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
                *l = Line::from_words(words);
            }
            None => page.lines.push(line),
        }
    }
    page.lines.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::layout::{BBox, Word};

    fn word(text: &str, bbox: [f64; 4], conf: f64) -> OcrWord {
        OcrWord {
            text: text.into(),
            bbox,
            conf,
            baseline: bbox[3],
            x_size: 50.0,
            line: 0,
        }
    }

    fn page_with_stamp() -> Page {
        // A stamp line drawn as text at the top of a letter page: y 30..42 pt, x 100..500.
        let bbox = BBox {
            x0: 100.0,
            y0: 30.0,
            x1: 500.0,
            y1: 42.0,
        };
        Page {
            number: 1,
            width: 612.0,
            height: 792.0,
            lines: vec![Line::from_words(vec![Word {
                text: "Case 1:20-cv-1 Document 3 Filed 01/02/20 Page 1 of 1".into(),
                bbox,
                size: 12.0,
                sup: false,
            }])],
            image_cover: 1.0,
            ..Page::default()
        }
    }

    #[test]
    fn words_become_lines_in_points() {
        let raster = Raster {
            width: 2550,
            height: 3300,
            dpi: 300.0,
            gray: Vec::new(),
        };
        let page = page_with_stamp();
        let mut words = [
            // The stamp again, read from the image: dropped.
            word("Case", [420.0, 130.0, 520.0, 170.0], 95.0),
            word("IT", [500.0, 1000.0, 540.0, 1040.0], 96.0),
            word("IS", [560.0, 1000.0, 600.0, 1040.0], 96.0),
            word("ORDERED.", [620.0, 1000.0, 900.0, 1040.0], 91.0),
            // A speck in the margin: dropped; a smudge anywhere: dropped.
            word("~", [20.0, 1500.0, 40.0, 1520.0], 40.0),
            word("lIl", [900.0, 1500.0, 960.0, 1540.0], 10.0),
            // A confident margin number stays (pleading line numbers are read by geometry).
            word("12", [150.0, 1800.0, 190.0, 1840.0], 93.0),
        ];
        // Lines: the stamp, the sentence, then one a word.
        for (i, w) in words.iter_mut().enumerate() {
            w.line = if (1..=3).contains(&i) { 1 } else { i };
        }
        let (lines, conf) = page_lines(&words, &raster, &page);
        let texts: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(texts, ["IT IS ORDERED.", "12"]);
        assert!((conf - (96.0 + 96.0 + 91.0 + 93.0) / 4.0).abs() < 1e-9);
        // 300 dpi: 1000 px = 240 pt; baseline at the box bottom, 1040 px = 249.6 pt.
        assert!((lines[0].words[0].bbox.x0 - 120.0).abs() < 1e-6);
        assert!(
            (lines[0].baseline - 249.6).abs() < 0.5,
            "{}",
            lines[0].baseline
        );
        assert!((lines[0].size - 50.0 * 0.24 * SIZE_PER_XSIZE).abs() < 1e-6);
    }
}
