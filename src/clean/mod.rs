//! Clean the pages: drop pleading line numbers, CM/ECF stamps, running headers and footers,
//! page numbers; parse the stamps into `Ecf`; flag scanned and garbled pages.
//!
//! Works on `pdf::Page` lines and returns lines (words with their boxes, for `segment`). It
//! never reorders text and never adds words; every word it drops is a line number, a stamp, a
//! running header or footer, or a page number.

pub mod encoding;
pub mod ligatures;
pub mod line_numbers;
pub mod reflow;
pub mod running;
pub mod stamps;
pub mod words;

use crate::pdf::layout::run_text;
use crate::pdf::{Document, Glyph, Line};
use serde::{Deserialize, Serialize};
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
    /// No real text beyond stamps (in the PDF's own text layer).
    pub needs_ocr: bool,
    /// Mean OCR word confidence (0..100) when the page's words were read by OCR.
    pub ocr_confidence: Option<f64>,
    /// The running header and footer lines taken off this page (page numbers aside): a
    /// pleading paper's footer names the paper, a form's footer its form.
    pub running: Vec<String>,
}

/// Text-layer quality, as the record reports it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Quality {
    /// Some page has no real text layer beyond stamps.
    pub needs_ocr: bool,
    /// The pages that need OCR (whether or not it was applied).
    pub ocr_pages: Vec<usize>,
    /// The text layer decodes to gibberish.
    pub garbled_text: bool,
    /// Some page's words were read by OCR (`pages[].ocr_confidence` says which).
    pub ocr_applied: bool,
    /// The OCR engine and version ("tesseract 5.3.0") when OCR was applied, else null.
    pub ocr_engine: Option<String>,
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

/// Clean a loaded document (taken by value: its lines are moved, not copied).
pub fn clean(mut doc: Document) -> CleanDoc {
    let mut warnings = std::mem::take(&mut doc.warnings);
    let mut lines: Vec<Vec<Line>> = doc
        .pages
        .iter_mut()
        .map(|p| std::mem::take(&mut p.lines))
        .collect();

    // 1. Encoding: flag a garbled layer; repair a proved constant shift.
    let verdict = encoding::check(&lines);
    if let Some(shift) = verdict.shift {
        warnings.push(format!(
            "repaired a font encoding shifted by {shift:+} (raw glyph codes, no Unicode map)"
        ));
    } else if verdict.garbled {
        warnings.push(format!(
            "garbled text layer: {:.0}% of the glyphs have no Unicode and no shift reads as English",
            100.0 * verdict.raw_share
        ));
    }
    for l in lines.iter_mut() {
        encoding::repair(l, verdict.shift);
    }
    let mended = ligatures::mend(&mut lines);
    if mended > 0 {
        warnings.push(format!(
            "mended {mended} word(s) a font read without its fi/fl ligature"
        ));
    }

    let text_before: Vec<usize> = lines.iter().map(|l| text_lines(l)).collect();

    // 2. Stamps, then 3. line numbers, page by page.
    let mut stamps_per_page = Vec::new();
    let mut pages: Vec<CleanPage> = Vec::with_capacity(doc.pages.len());
    for (p, mut lines) in doc.pages.iter().zip(lines) {
        if p.redacted_glyphs > 0 {
            warnings.push(format!(
                "page {}: {} characters under black redaction boxes left out (the text layer still holds them)",
                p.number, p.redacted_glyphs
            ));
        }
        let (found, unparsed) = take_stamps(&mut lines, p.height, &p.band_runs);
        if unparsed > 0 {
            warnings.push(format!(
                "page {}: {unparsed} stamp-like header line(s) overlaid or unreadable, removed",
                p.number
            ));
        }
        if !found.is_empty() {
            stamps_per_page.push((p.number, found));
        }
        // Pleading paper fills the rest of a page with "///" lines.
        lines.retain(|l| !l.words.iter().all(|w| w.text.chars().all(|c| c == '/')));
        let line_numbers = line_numbers::strip(&mut lines, p.width);
        if line_numbers {
            crate::pdf::layout::fold_marks(&mut lines);
        }
        // Text at the paper's very edge is a filing system's legend ("ATL-DC-007956-25
        // 10/27/2025 Pg 1 of 3 Trans ID: ...", stamped on every page like CM/ECF's): no text of
        // the page's own.
        let edge = 0.06 * p.height;
        let text_chars: usize = lines
            .iter()
            .filter(|l| l.baseline > edge && l.baseline < p.height - edge)
            .flat_map(|l| &l.words)
            .map(|w| w.text.chars().filter(|c| c.is_alphanumeric()).count())
            .sum();
        // A page image with (almost) no text but stamps is a scan: the stamp layer is not text.
        // A page read by OCR was one.
        let needs_ocr = p.ocr_confidence.is_some() || (p.image_cover > 0.4 && text_chars < 40);
        pages.push(CleanPage {
            number: p.number,
            width: p.width,
            height: p.height,
            rotation: p.rotation,
            lines,
            line_numbers,
            needs_ocr,
            ocr_confidence: p.ocr_confidence,
            running: Vec::new(),
        });
    }
    let (ecf, stamp_warnings) = stamps::summarize(&stamps_per_page);
    warnings.extend(stamp_warnings);

    // 4. Running headers, footers, page numbers.
    let stripped = running::strip(&mut pages);
    for (page, gone, of) in stripped.kept {
        warnings.push(format!(
            "page {page}: {gone} of its {of} lines repeat at the same place on other pages; \
             kept (not taken for running heads or feet)"
        ));
    }
    // No page is emptied silently: one that kept under half of its lines of text says so.
    for (p, before) in pages.iter().zip(&text_before) {
        let after = text_lines(&p.lines);
        if !p.needs_ocr && *before >= 4 && after * 2 < *before {
            warnings.push(format!(
                "page {}: cleaning left {after} of its {before} lines of text (stamps, line \
                 numbers, running heads and feet removed)",
                p.number
            ));
        }
    }

    // 5. A year split in two by OCR or a kerning gap ("November 2, 20 23") is joined where the
    // document proves the year: the stamp's filing year, or the year written whole elsewhere.
    let mut years: Vec<String> = ecf
        .iter()
        .flat_map(|e| e.stamps.iter())
        .filter_map(|s| s.filed.as_deref().map(|d| d[..4.min(d.len())].to_string()))
        .collect();
    for p in &pages {
        for l in &p.lines {
            for w in &l.words {
                let t = w.text.trim_matches(|c: char| !c.is_ascii_digit());
                if t.len() == 4 && (t.starts_with("19") || t.starts_with("20")) {
                    years.push(t.to_string());
                }
            }
        }
    }
    for p in pages.iter_mut() {
        for l in p.lines.iter_mut() {
            join_split_years(l, &years);
        }
    }

    let quality = Quality {
        needs_ocr: pages.iter().any(|p| p.needs_ocr),
        ocr_pages: pages
            .iter()
            .filter(|p| p.needs_ocr)
            .map(|p| p.number)
            .collect(),
        garbled_text: verdict.garbled,
        ocr_applied: pages.iter().any(|p| p.ocr_confidence.is_some()),
        ocr_engine: None,
        text_repaired: verdict.shift.is_some(),
        line_number_pages: pages
            .iter()
            .filter(|p| p.line_numbers)
            .map(|p| p.number)
            .collect(),
    };
    CleanDoc {
        pages,
        ecf,
        quality,
        warnings,
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Join "20" + "23" into "2023" in a date ("November 2, 20 23", "December 20 18") when the
/// joined year is one of `years`.
fn join_split_years(line: &mut Line, years: &[String]) {
    let is_month = |w: &str| {
        let w = w.trim_end_matches(['.', ',']).to_lowercase();
        MONTHS
            .iter()
            .any(|m| *m == w || (w.len() >= 3 && m.starts_with(&w)))
    };
    let mut i = 1;
    let mut changed = false;
    while i + 1 < line.words.len() {
        let (a, b) = (&line.words[i], &line.words[i + 1]);
        let b_digits: String = b.text.chars().take_while(char::is_ascii_digit).collect();
        let century = a.text == "19" || a.text == "20";
        let after_date = is_month(&line.words[i - 1].text)
            || (i >= 2
                && is_month(&line.words[i - 2].text)
                && line.words[i - 1]
                    .text
                    .trim_end_matches(',')
                    .chars()
                    .all(|c| c.is_ascii_digit()));
        let year = format!("{}{b_digits}", a.text);
        if century && after_date && b_digits.len() == 2 && years.contains(&year) {
            let b = line.words.remove(i + 1);
            let a = &mut line.words[i];
            a.text.push_str(&b.text);
            a.bbox.union(&b.bbox);
            changed = true;
        }
        i += 1;
    }
    if changed {
        *line = Line::from_words(std::mem::take(&mut line.words));
    }
}

/// Lines with a letter in them: what a reader calls the page's lines (line numbers and rules
/// are not).
fn text_lines(lines: &[Line]) -> usize {
    lines
        .iter()
        .filter(|l| {
            l.words
                .iter()
                .any(|w| w.text.chars().any(char::is_alphabetic))
        })
        .count()
}

/// Stamps sit in the top or bottom 15% of the page.
const STAMP_BAND: f64 = 0.15;

/// Remove the CM/ECF stamp lines of a page; return the parsed stamps and how many stamp-like
/// lines could not be parsed (overlaid stamps of re-filed documents) but were removed too.
fn take_stamps(
    lines: &mut Vec<Line>,
    height: f64,
    runs: &[Vec<Glyph>],
) -> (Vec<stamps::Stamp>, usize) {
    let mut found = Vec::new();
    let mut unparsed = 0;
    let mut drop = vec![false; lines.len()];
    let in_band =
        |l: &Line| l.baseline < STAMP_BAND * height || l.baseline > (1.0 - STAMP_BAND) * height;
    let mut i = 0;
    while i < lines.len() {
        if !in_band(&lines[i]) {
            i += 1;
            continue;
        }
        let text = lines[i].text();
        if stamps::wraps_to_next_line(&text) {
            if let Some(next) = lines.get(i + 1) {
                if let Some(s) = stamps::parse_stamp(&format!("{text} {}", next.text())) {
                    found.push(s);
                    drop[i] = true;
                    drop[i + 1] = true;
                    i += 2;
                    continue;
                }
            }
        }
        if let Some(s) =
            stamps::parse_stamp(&text).or_else(|| stamps::parse_stamp(&join_split_numbers(&text)))
        {
            found.push(s);
            drop[i] = true;
        } else if looks_like_overlaid_stamp(&text) {
            // Read the stamps apart from the runs that drew them.
            let texts: Vec<String> = runs
                .iter()
                .map(|run| run_text(run))
                .filter(|t| !t.is_empty())
                .collect();
            let apart = stamps_from_runs(&texts);
            if apart.is_empty() {
                unparsed += 1;
            }
            for s in apart {
                if !found.contains(&s) {
                    found.push(s);
                }
            }
            drop[i] = true;
            // The overlay's tail ("ID #:5238") may wrap onto a line of its own just below.
            if let Some(next) = lines.get(i + 1) {
                if next.baseline - lines[i].baseline < 2.0 * lines[i].size.max(1.0)
                    && next.text().contains("ID")
                    && next.words.len() <= 3
                {
                    drop[i + 1] = true;
                }
            }
        }
        i += 1;
    }
    let mut k = 0;
    lines.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
    (found, unparsed)
}

/// The stamps among the text runs drawn in a page's stamp bands, a run continued by the next
/// when it wraps ("... Page" + "ID #:5238").
fn stamps_from_runs(runs: &[String]) -> Vec<stamps::Stamp> {
    let clean = |t: &str| {
        t.trim_end_matches(|c: char| !c.is_ascii_graphic())
            .to_string()
    };
    let mut out: Vec<stamps::Stamp> = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        let run = clean(&runs[i]);
        let joined = runs.get(i + 1).map(|next| format!("{run} {}", clean(next)));
        let parsed = match joined.as_deref().and_then(stamps::parse_stamp) {
            Some(s) if stamps::wraps_to_next_line(&run) => {
                i += 1;
                Some(s)
            }
            _ => stamps::parse_stamp(&run),
        };
        if let Some(s) = parsed.filter(|s| !out.contains(s)) {
            out.push(s);
        }
        i += 1;
    }
    out
}

/// A case number broken by a kerning gap ("1:20-cr-0 0425-NONE-FXB") joined again: a space
/// goes when the token before it is part of a case number (has ':' or '-' and ends in a digit)
/// and the token after it starts with a digit.
fn join_split_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let tokens: Vec<&str> = text.split(' ').collect();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            let prev = tokens[i - 1];
            let joins = prev.contains([':', '-'])
                && prev.ends_with(|c: char| c.is_ascii_digit())
                && t.starts_with(|c: char| c.is_ascii_digit());
            if !joins {
                out.push(' ');
            }
        }
        out.push_str(t);
    }
    out
}

/// Two stamps drawn over each other interleave their glyphs ("CCasaes e2 :21:91-9c-rc-r0...").
/// Such a line starts with a C and holds every letter of "Case Document" at least twice over
/// (one stamp holds them once).
fn looks_like_overlaid_stamp(text: &str) -> bool {
    let t: String = text
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_lowercase();
    // Stamps are mostly numbers (case number, dates, pages); prose is not.
    let digits = text.chars().filter(|c| c.is_ascii_digit()).count();
    if !t.starts_with('c') || digits * 4 < t.len() + digits {
        return false;
    }
    let count = |s: &str, c: char| s.chars().filter(|x| *x == c).count();
    // Identical glyphs at the same place are drawn once ("Filed" may come out single), so only
    // the letters of "Case Document", which the two stamps place apart, must be doubled.
    let stamp = "casedocument";
    stamp.chars().all(|c| count(&t, c) >= 2 * count(stamp, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_split_year_is_joined_where_the_document_proves_it() {
        let line = |t: &str| {
            Line::from_words(
                t.split(' ')
                    .enumerate()
                    .map(|(i, w)| crate::pdf::Word {
                        text: w.into(),
                        bbox: crate::pdf::BBox {
                            x0: 72.0 + 40.0 * i as f64,
                            y0: 90.0,
                            x1: 100.0 + 40.0 * i as f64,
                            y1: 102.0,
                        },
                        size: 12.0,
                        sup: false,
                    })
                    .collect(),
            )
        };
        let years = vec!["2023".to_string()];
        for (input, want) in [
            ("Dated: November 2, 20 23", "Dated: November 2, 2023"),
            ("in December 20 23 and", "in December 2023 and"),
            (
                "filed on Nov. 6, 20 23, through",
                "filed on Nov. 6, 2023, through",
            ),
            // A year nothing proves stays as read; so do numbers outside a date.
            ("on January 8, 20 24, at", "on January 8, 20 24, at"),
            ("items 20 23 and 24", "items 20 23 and 24"),
        ] {
            let mut l = line(input);
            join_split_years(&mut l, &years);
            assert_eq!(l.text(), want, "{input}");
        }
    }

    #[test]
    fn split_case_numbers_are_joined() {
        assert_eq!(
            join_split_numbers(
                "Case 1:20-cr-0 0425-NONE-FXB Document 6 Filed 09/23/20 Page 1 of 1"
            ),
            "Case 1:20-cr-00425-NONE-FXB Document 6 Filed 09/23/20 Page 1 of 1"
        );
        assert_eq!(join_split_numbers("Page 1 of 1"), "Page 1 of 1");
    }

    #[test]
    fn overlaid_stamps_are_recognised() {
        // Two stamps of a re-filed sealed exhibit drawn over each other, as text extraction
        // interleaves them (made-up stamps, in the form of a C.D. Cal. corpus file's).
        let line = "CCaases e5: 251-:c2r-10-09c8r7--I0NC0 9Do8c7um-eIntN C27 4D-1o3c *uSmEAeLnEDt*  F3i2le3d- 092 /1F0i/2l1e Pda ge0 21 /o1f 02/ P2a1ge  PIDa g#:e6 571 of 2 Page ID #:571";
        assert!(looks_like_overlaid_stamp(line));
        assert!(!looks_like_overlaid_stamp(
            "Case 2:17-cv-04999-XWA Document 34 Filed 04/20/22 Page 1 of 2"
        ));
        assert!(!looks_like_overlaid_stamp(
            "The case was filed and the document paged."
        ));
    }
}
