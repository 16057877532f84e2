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
//! 3. [`hocr`] reads each word's box, confidence, and its line's baseline and text size. Weak
//!    signature lines are read again alone; on page 1, when the caption's reading left words
//!    unread, [`caption`] reads the caption again as sparse text and adds its words.
//! 4. Words are filtered and turned into glyphs on their baselines, then into lines by
//!    `pdf::layout::build_lines`, as drawn text is; `clean` and `segment` then run unchanged
//!    (line numbers drop by geometry, stamps and footers by position and repetition).
//!
//! What is dropped, not guessed: margin rules read as "|"; the less confident of two words
//! read at one place (a signature over the typed name); small unsure words (scribbles); words
//! that overlap text already on the page (the CM/ECF stamp drawn over the scan is kept as
//! drawn, not read twice); words in the margins under [`MARGIN_MIN_CONF`] (specks, handwriting, punch holes); words anywhere under
//! [`MIN_CONF`]. Never touches a page that has a text layer.

pub mod caption;
pub mod hocr;
pub mod tesseract;

use crate::pdf::layout::{build_lines, push_char};
use crate::pdf::raster::{page_rasters_capped, Raster};
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
pub(crate) const MARGIN: f64 = 54.0;
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
    /// A page image past one of the caps: the document's error.
    pub limit: Option<crate::error::DocError>,
}

/// OCR `wanted` (1-based page numbers) of the PDF in `bytes`, whose extracted pages are
/// `pages`. Stops starting pages at `deadline` and kills a page still running then. Page
/// images are made under the caps of `limits`; one past a cap ends the run with
/// [`OcrRun::limit`] set.
pub fn ocr_pages(
    bytes: crate::pdf::Bytes,
    pages: &[Page],
    wanted: &[usize],
    deadline: Instant,
    limits: &crate::Limits,
) -> OcrRun {
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
    let made = page_rasters_capped(bytes, wanted, MIN_DPI, MAX_DPI, limits, |number, raster| {
        let Some(page) = pages.get(number.wrapping_sub(1)) else {
            return true;
        };
        let Some(raster) = raster else {
            run.warnings.push(format!(
                "page {number}: not OCR'd: the page could not be read"
            ));
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
                let words = reread_weak_lines(hocr::parse(&text), &raster, deadline);
                let words = if number == 1 {
                    caption::reread_caption(words, &raster, deadline)
                } else {
                    words
                };
                let (lines, confidence) = page_lines(&words, &raster, page);
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
    run.limit = made.err();
    run
}

/// A line of typed text read less surely than this (mean word confidence) is read again.
const WEAK_LINE_CONF: f64 = 60.0;
/// At most this many lines of a page are read again.
const MAX_REREADS: usize = 4;

/// Read again, alone, the lines of typed text that the page's reading got wrong: most often the
/// typed name under a signature, where the ink crosses the letters and the page's layout
/// analysis takes name and scribble for one block. The line's region (a line height above and
/// below, one to each side) goes to Tesseract as one block of text (`--psm 6`), and the words
/// it finds on the line's band replace the line's words when they are read more surely. Only a
/// name-over-title shape is read again: a line of two words or more, its text size not under
/// two thirds of the page's median nor over twice it (ink through a name swells its box), with
/// a well-read line just below that starts where it starts (the judge's title). A caption line
/// that two columns share, or a scribble alone, is left as read.
pub fn reread_weak_lines(words: Vec<OcrWord>, raster: &Raster, deadline: Instant) -> Vec<OcrWord> {
    let mut sizes: Vec<f64> = words.iter().map(|w| w.x_size).collect();
    sizes.sort_by(f64::total_cmp);
    let Some(&body) = sizes.get(sizes.len() / 2) else {
        return words;
    };
    // Lines in order: (line index, first word, one past the last); words of a line are
    // consecutive (hocr::parse).
    let mut start = 0;
    let spans: Vec<(usize, usize, usize)> = words
        .chunk_by(|a, b| a.line == b.line)
        .map(|l| {
            start += l.len();
            (l[0].line, start - l.len(), start)
        })
        .collect();
    let mean = |ws: &[OcrWord]| ws.iter().map(|w| w.conf).sum::<f64>() / ws.len().max(1) as f64;
    let weak: Vec<(usize, usize, usize)> = spans
        .iter()
        .zip(spans.iter().skip(1))
        .filter(|&(&(_, a, b), &(_, c, d))| {
            let (ws, next) = (&words[a..b], &words[c..d]);
            let h = (ws[0].bbox[3] - ws[0].bbox[1]).max(1.0);
            b - a >= 2
                && mean(ws) < WEAK_LINE_CONF
                && (2.0 * body / 3.0..=2.0 * body).contains(&ws[0].x_size)
                && mean(next) >= 80.0
                && (next[0].bbox[0] - ws[0].bbox[0]).abs() < h
                && next[0].bbox[1] > ws[0].bbox[1]
                && next[0].bbox[1] - ws[0].bbox[3] < h
        })
        .map(|(&s, _)| s)
        .take(MAX_REREADS)
        .collect();
    let mut out = words.clone();
    // Replacements, applied from the last line back so that earlier spans keep their indices.
    for &(line, a, b) in weak.iter().rev() {
        if Instant::now() >= deadline {
            break;
        }
        let ws = &words[a..b];
        let x0 = ws.iter().map(|w| w.bbox[0]).fold(f64::INFINITY, f64::min);
        let y0 = ws.iter().map(|w| w.bbox[1]).fold(f64::INFINITY, f64::min);
        let x1 = ws
            .iter()
            .map(|w| w.bbox[2])
            .fold(f64::NEG_INFINITY, f64::max);
        let y1 = ws
            .iter()
            .map(|w| w.bbox[3])
            .fold(f64::NEG_INFINITY, f64::max);
        let h = (y1 - y0).max(1.0);
        let region = [(x0 - h).max(0.0), (y0 - h).max(0.0), x1 + h, y1 + h];
        let Some(crop) = raster.crop(region.map(|v| v as u32)) else {
            continue;
        };
        let Ok(text) = tesseract::hocr(&crop, 6, deadline) else {
            continue;
        };
        let (dx, dy) = (region[0].floor(), region[1].floor());
        let again: Vec<OcrWord> = hocr::parse(&text)
            .into_iter()
            .map(|w| OcrWord {
                line,
                ..w.moved(dx, dy)
            })
            // On the line's band: the middle of the word within the old line's box.
            .filter(|w| {
                (y0..=y1).contains(&(0.5 * (w.bbox[1] + w.bbox[3])))
                    && (x0 - 0.5 * h..=x1 + 0.5 * h).contains(&(0.5 * (w.bbox[0] + w.bbox[2])))
            })
            .collect();
        if !again.is_empty() && mean(&again) > mean(ws) + 10.0 {
            out.splice(a..b, again);
        }
    }
    out
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
                    // One place, not a tall box (a name with the ink above it) reaching into
                    // the line below.
                    && v_overlap(&o.bbox, &w.bbox) > 0.5 * height(&w.bbox).min(height(&o.bbox))
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
    let texts = mend(&kept);
    let mut glyphs = Vec::new();
    // Where the previous word of the same line ended: boxes of neighbours may overlap, and
    // their letters must not interleave when `build_lines` sorts glyphs by x.
    let mut prev: Option<(usize, f64)> = None;
    for (w, text) in kept.into_iter().zip(texts) {
        let raw = w.x_size * k * SIZE_PER_XSIZE;
        let size = if (raw - body).abs() <= 0.12 * body {
            body
        } else {
            raw
        };
        let mut chars = Vec::with_capacity(text.len());
        text.chars().for_each(|c| push_char(&mut chars, c));
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

/// The words' texts, with the OCR confusions that are common and cannot be meant mended:
/// "Inre" is "In re" (the space of a caption's "In re:" lost), and a "y" or "Vv" standing alone
/// between wide gaps on its line is a caption's "v." (neither is an English word), and a
/// dash standing alone after a party's role ("Defendant — Appellant") is the en dash roles are
/// set with (OCR cannot tell the two dashes apart by their length; prose dashes stay). And
/// "ISSO ORDERED" is the decretal "IS SO ORDERED" with its space lost (tight capitals), which
/// would otherwise hide the phrase the order and signature are found by.
fn mend(words: &[&OcrWord]) -> Vec<String> {
    let alone = |i: usize| {
        let w = words[i];
        let gap = 3.0 * w.x_size;
        let before = i
            .checked_sub(1)
            .map(|j| words[j])
            .filter(|p| p.line == w.line)
            .is_none_or(|p| w.bbox[0] - p.bbox[2] > gap);
        let after = words
            .get(i + 1)
            .filter(|n| n.line == w.line)
            .is_none_or(|n| n.bbox[0] - w.bbox[2] > gap);
        before && after
    };
    let ordered_next = |i: usize| {
        words
            .get(i + 1)
            .is_some_and(|n| n.text.to_lowercase().starts_with("ordered"))
    };
    let after_role = |i: usize| {
        i.checked_sub(1).is_some_and(|j| {
            let p = words[j].text.to_lowercase();
            words[j].line == words[i].line
                && [
                    "plaintiff",
                    "defendant",
                    "petitioner",
                    "respondent",
                    "counter",
                    "cross",
                ]
                .iter()
                .any(|r| p.starts_with(r))
        })
    };
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let t = w.text.as_str();
            let (head, tail) = t.split_at(t.find(':').unwrap_or(t.len()));
            match head {
                "Inre" => format!("In re{tail}"),
                "INRE" => format!("IN RE{tail}"),
                "y" | "y." | "Vv" | "Vv." if alone(i) => "v.".to_string(),
                "\u{2014}" if after_role(i) => "\u{2013}".to_string(),
                "ISSO" | "Isso" | "isso" if ordered_next(i) => {
                    format!("{} {}", &head[..2], &head[2..])
                }
                _ => t.to_string(),
            }
        })
        .collect()
}

fn height(b: &[f64; 4]) -> f64 {
    (b[3] - b[1]).max(0.0)
}

fn v_overlap(a: &[f64; 4], b: &[f64; 4]) -> f64 {
    (a[3].min(b[3]) - a[1].max(b[1])).max(0.0)
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
    // Letters a few pixels tall are a ruled line read as text (a dashed rule as "eee"); a dash
    // is flat and stays.
    if w.bbox[3] - w.bbox[1] < 0.25 * w.x_size && w.text.chars().any(char::is_alphanumeric) {
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
    // A word both drawn as live text and read from the image under it (a CM/ECF stamp drawn
    // over a scan) is read once: the live one, which is exact.
    let live: Vec<crate::pdf::BBox> = page
        .lines
        .iter()
        .flat_map(|l| l.words.iter().map(|w| w.bbox))
        .collect();
    let covered = |b: &crate::pdf::BBox| {
        let area = ((b.x1 - b.x0) * (b.y1 - b.y0)).max(1e-6);
        live.iter().any(|l| {
            let w = (b.x1.min(l.x1) - b.x0.max(l.x0)).max(0.0);
            let h = (b.y1.min(l.y1) - b.y0.max(l.y0)).max(0.0);
            w * h > 0.5 * area.min(((l.x1 - l.x0) * (l.y1 - l.y0)).max(1e-6))
        })
    };
    let ocr: Vec<Line> = ocr
        .into_iter()
        .filter_map(|l| {
            let words: Vec<_> = l.words.into_iter().filter(|w| !covered(&w.bbox)).collect();
            (!words.is_empty()).then(|| Line::from_words(words))
        })
        .collect();
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
    fn a_lost_space_in_is_so_ordered_is_mended_and_nothing_else() {
        let texts = |t: &[&str]| {
            let ws: Vec<OcrWord> = t
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    word(
                        t,
                        [i as f64 * 200.0, 0.0, i as f64 * 200.0 + 150.0, 40.0],
                        90.0,
                    )
                })
                .collect();
            mend(&ws.iter().collect::<Vec<_>>())
        };
        assert_eq!(
            texts(&["IT", "ISSO", "ORDERED."]),
            ["IT", "IS SO", "ORDERED."]
        );
        assert_eq!(
            texts(&["It", "isso", "ordered"]),
            ["It", "is so", "ordered"]
        );
        // Not before "ordered": left as read.
        assert_eq!(texts(&["ISSO", "FOUND"]), ["ISSO", "FOUND"]);
        assert_eq!(texts(&["ISSO"]), ["ISSO"]);
    }

    #[test]
    fn a_word_both_live_and_read_from_the_image_is_read_once() {
        let mut page = page_with_stamp();
        let ocr_word = |text: &str, x0: f64, y0: f64| Word {
            text: text.into(),
            bbox: BBox {
                x0,
                y0,
                x1: x0 + 60.0,
                y1: y0 + 12.0,
            },
            size: 12.0,
            sup: false,
        };
        // The stamp read again from the image, where the live stamp is; and a line of text.
        let ocr = vec![
            Line::from_words(vec![ocr_word("Case", 101.0, 30.5)]),
            Line::from_words(vec![ocr_word("ORDER", 250.0, 200.0)]),
        ];
        merge_lines(&mut page, ocr);
        let texts: Vec<String> = page.lines.iter().map(Line::text).collect();
        assert_eq!(
            texts,
            [
                "Case 1:20-cv-1 Document 3 Filed 01/02/20 Page 1 of 1",
                "ORDER"
            ]
        );
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
            // A dashed rule read as letters three pixels tall: dropped.
            word("eee", [600.0, 2000.0, 1400.0, 2003.0], 60.0),
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
