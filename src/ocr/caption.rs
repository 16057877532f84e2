//! A second reading of the first page's caption, alone and as sparse text.
//!
//! Tesseract's page layout (`--psm 3`) goes wrong most often in a caption: two columns set at
//! different heights are taken for one line on one baseline (a title's last line read with the
//! party beside it, and read badly), a short line alone between rules is skipped (a centred
//! "ORDER"), and a stamp beside the court's name joins its lines. So the caption, the part of
//! the page above the first paragraph of body text, cropped to the body's column (the line
//! numbers of pleading paper and the margin stay out), is read once more as sparse text
//! (`--psm 11`: each run of text a line of its own, so columns and a lone title come out
//! apart, each on its own baseline).
//!
//! Nothing is chosen here: the second reading's words are added to the first's, and
//! `page_lines` keeps, at each place read twice, the more confident word (its rule for two
//! readings of one place), and adds what only one reading found. Words the crop cut (touching
//! its edge) are left out; the first reading's words outside the crop stay as they are.

use super::hocr::{self, OcrWord};
use super::{tesseract, MARGIN, MIN_CONF};
use crate::pdf::raster::Raster;
use std::time::Instant;

/// A line of body text has at least this many words set close together ...
const BODY_WORDS: usize = 6;
/// ... read with at least this mean confidence ...
const BODY_CONF: f64 = 80.0;
/// ... across at least this share of the page's width.
const BODY_WIDTH: f64 = 0.5;
/// Words closer than this many text sizes (`x_size`) are one run of text.
const WORD_GAP: f64 = 2.5;
/// A word of the second reading this close (pixels) to the crop's edge was cut by it.
const EDGE: f64 = 2.0;
/// The caption is read again only when its first reading left at least this many words
/// unread (under [`MIN_CONF`], which `page_lines` drops): a sign that text is being lost there.
/// Most captions are read well, and the second reading costs a third of the page's time.
const UNREAD_WORDS: usize = 2;

/// The words of the page's reading (`words`, from `hocr::parse`) with the second reading of its
/// caption added, when the page has one (a paragraph of body text below something else) and
/// its first reading left words unread there; `words` unchanged otherwise, or when Tesseract
/// fails or time is up.
pub fn reread_caption(mut words: Vec<OcrWord>, raster: &Raster, deadline: Instant) -> Vec<OcrWord> {
    let Some(region) = caption_region(&words, f64::from(raster.width)) else {
        return words;
    };
    // Words starting in the top margin are left out of the count: a CM/ECF stamp over the scan
    // is read there as letters nobody can vouch for, and is kept as drawn anyway.
    let top_margin = MARGIN * raster.dpi / 72.0;
    let unread = words
        .iter()
        .filter(|w| {
            let [x0, y0, x1, y1] = w.bbox;
            w.conf < MIN_CONF
                && y0 > top_margin
                && x0 >= region[0]
                && x1 <= region[2]
                && y1 <= region[3]
        })
        .count();
    if unread < UNREAD_WORDS {
        return words;
    }
    if Instant::now() >= deadline {
        return words;
    }
    let Some(crop) = raster.crop(region.map(|v| v.max(0.0) as u32)) else {
        return words;
    };
    let Ok(text) = tesseract::hocr(&crop, 11, deadline) else {
        return words;
    };
    let (dx, dy) = (region[0].max(0.0).floor(), region[1].max(0.0).floor());
    let (w, h) = (f64::from(crop.width), f64::from(crop.height));
    // Lines of the second reading follow the first's, so that no two readings share a line.
    let first_line = words.iter().map(|w| w.line + 1).max().unwrap_or(0);
    let again = hocr::parse(&text)
        .into_iter()
        .filter(|o| {
            let [x0, y0, x1, y1] = o.bbox;
            x0 > EDGE && y0 > EDGE && x1 < w - EDGE && y1 < h - EDGE
        })
        .map(|o| {
            let mut o = o.moved(dx, dy);
            o.line += first_line;
            o
        });
    words.extend(again);
    words
}

/// The caption's box in pixels (left, top, right, bottom): from the top of the page down to
/// the first of two lines of body text in a row, across the body's column (its leftmost and
/// rightmost word, half a text size more on each side); `page_width` in pixels. `None` when the page has no two such
/// lines, or nothing above them.
pub fn caption_region(words: &[OcrWord], page_width: f64) -> Option<[f64; 4]> {
    let runs: Vec<Option<&[OcrWord]>> = lines(words)
        .into_iter()
        .map(|l| body_run(l, page_width))
        .collect();
    let first = runs
        .windows(2)
        .position(|pair| pair[0].is_some() && pair[1].is_some())?;
    let body: Vec<&[OcrWord]> = runs.iter().flatten().copied().collect();
    let x0 = body
        .iter()
        .map(|r| r[0].bbox[0])
        .fold(f64::INFINITY, f64::min);
    let x1 = body
        .iter()
        .map(|r| r[r.len() - 1].bbox[2])
        .fold(f64::NEG_INFINITY, f64::max);
    let mut sizes: Vec<f64> = body.iter().map(|r| r[0].x_size).collect();
    sizes.sort_by(f64::total_cmp);
    let size = sizes[sizes.len() / 2];
    let top = runs[first]?
        .iter()
        .map(|w| w.bbox[1])
        .fold(f64::INFINITY, f64::min);
    let bottom = top - 0.25 * size;
    (bottom > 2.0 * size).then_some([x0 - 0.5 * size, 0.0, x1 + 0.5 * size, bottom])
}

/// The page's lines in reading order (words of a line are consecutive in `hocr::parse`).
fn lines(words: &[OcrWord]) -> Vec<&[OcrWord]> {
    words.chunk_by(|a, b| a.line == b.line).collect()
}

/// The line's run of body text: its longest run of words set close together, when that run
/// looks like a line of a paragraph (enough words, well read, across half the page or more).
/// A caption's line (two columns, a party and a case number far apart) has no such run.
fn body_run(line: &[OcrWord], page_width: f64) -> Option<&[OcrWord]> {
    let run = line
        .chunk_by(|a, b| b.bbox[0] - a.bbox[2] < WORD_GAP * a.x_size)
        .max_by_key(|r| r.len())?;
    let width = run[run.len() - 1].bbox[2] - run[0].bbox[0];
    let conf = run.iter().map(|w| w.conf).sum::<f64>() / run.len() as f64;
    (run.len() >= BODY_WORDS && conf >= BODY_CONF && width >= BODY_WIDTH * page_width)
        .then_some(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of `n` words 100 px wide, 20 px apart, from `x`, its top at `y`.
    fn line(index: usize, x: f64, y: f64, n: usize, conf: f64) -> Vec<OcrWord> {
        (0..n)
            .map(|i| {
                let x0 = x + 120.0 * i as f64;
                OcrWord {
                    text: "word".into(),
                    bbox: [x0, y, x0 + 100.0, y + 40.0],
                    conf,
                    baseline: y + 40.0,
                    x_size: 45.0,
                    line: index,
                }
            })
            .collect()
    }

    #[test]
    fn the_caption_is_above_the_first_paragraph_across_its_column() {
        // A page 2550 px wide: a heading, a caption line of two far columns, then a paragraph
        // of three lines from x 300 (its first indented) to 300 + 15 words.
        let mut words = line(0, 900.0, 300.0, 3, 95.0);
        words.extend(line(1, 300.0, 600.0, 2, 95.0));
        words.extend(line(1, 1700.0, 600.0, 2, 95.0));
        words.extend(line(2, 450.0, 1000.0, 13, 95.0));
        words.extend(line(3, 300.0, 1100.0, 15, 95.0));
        words.extend(line(4, 300.0, 1200.0, 15, 95.0));
        let r = caption_region(&words, 2550.0).expect("a caption");
        let right = 300.0 + 120.0 * 14.0 + 100.0;
        assert_eq!(r, [300.0 - 22.5, 0.0, right + 22.5, 1000.0 - 0.25 * 45.0]);
        // A paragraph read unsurely is not one; nor is a page that starts with its body.
        let unsure: Vec<OcrWord> = words
            .iter()
            .cloned()
            .map(|mut w| {
                w.conf = 60.0;
                w
            })
            .collect();
        assert_eq!(caption_region(&unsure, 2550.0), None);
        let body_first: Vec<OcrWord> = words[7..]
            .iter()
            .cloned()
            .map(|mut w| {
                w.bbox[1] -= 940.0;
                w.bbox[3] -= 940.0;
                w
            })
            .collect();
        assert_eq!(caption_region(&body_first, 2550.0), None);
    }
}
