//! Running headers, footers and page numbers: found by repetition across pages, and by shape
//! for page numbers (which a one-page document cannot repeat).
//!
//! Only lines in the top and bottom bands of a page are considered, so body text that happens
//! to repeat ("IT IS SO ORDERED.") is never touched; and only the lines at a page's edges: a
//! head is the run of such lines from the top of the page, a foot the run from its bottom, each
//! at most [`EDGE_LINES`] lines, never a page. A page that would still lose most of its lines (a
//! form whose every line repeats at the same place on every page) keeps them, and [`strip`]
//! says which pages did.

use super::CleanPage;
use crate::pattern::Pattern;
use crate::pdf::Line;
use regex::Regex;
use std::collections::HashMap;

/// Top band: lines whose baseline is above this share of the page height.
const TOP: f64 = 0.11;
/// Bottom band: lines whose baseline is below this share of the page height.
const BOTTOM: f64 = 0.90;
/// Lines repeated word for word at the same height are heads only above this share of the
/// page height (or feet in the bottom band).
const PLACED_TOP: f64 = 0.3;
/// A running head or foot is at most this many lines (a minutes form's head is the court's
/// name in three lines and a box of two).
pub const EDGE_LINES: usize = 6;

static PAGE_NUMBER: Pattern = Pattern::new(|| {
    // "3", "- 3 -", "(3)", "Page 3", "Page 3 of 9", "3 of 9", "ii", "Page | 3"
    Regex::new(
        r"(?i)^(page\s*\|?\s*)?[-–—(\[]?\s*([0-9]{1,4}|[ivxl]{1,6})\s*[-–—)\]]?(\s*of\s*[0-9]{1,4})?\.?$",
    )
    .expect("static regex") // invariant: the pattern is a literal
});

static CASE_NO: Pattern = Pattern::new(|| {
    Regex::new(r"(?i)\b[0-9]{1,2}:[0-9]{2}-[a-z]{2,4}-[0-9]{2,6}|\b(case|civil|criminal)?\s*no\.\s*\S*[0-9]")
        .expect("static regex")
});

/// The page's bands, as shares of its height: [`TOP`] and [`BOTTOM`], or, where the printed
/// block stands well inside the paper (a book page of the United States Reports or a slip
/// opinion set on letter paper, its head 1.7 inches down), the same depth from the block's own
/// top and bottom, which are the usual first and last baselines of the document's pages.
#[derive(Clone, Copy)]
struct Bands {
    top: f64,
    bottom: f64,
}

/// The bands of the paper itself.
const PAPER: Bands = Bands {
    top: TOP,
    bottom: BOTTOM,
};

fn bands(pages: &[CleanPage]) -> Bands {
    // Full pages only (a short last page or a page of images says nothing of the block), and
    // enough of them to be the document's habit.
    const FULL: usize = 8;
    let full: Vec<&CleanPage> = pages.iter().filter(|p| p.lines.len() >= FULL).collect();
    if full.len() < 3 {
        return PAPER;
    }
    let median = |f: &dyn Fn(&CleanPage) -> f64| -> f64 {
        let mut v: Vec<f64> = full.iter().map(|p| f(p)).collect();
        v.sort_by(f64::total_cmp);
        v[(v.len() - 1) / 2]
    };
    let share = |l: Option<&Line>, p: &CleanPage| l.map_or(0.0, |l| l.baseline / p.height.max(1.0));
    let first = median(&|p| share(p.lines.first(), p));
    let last = median(&|p| share(p.lines.last(), p));
    // Only a block that starts (ends) well below (above) the usual band moves it, and never
    // past a quarter of the page.
    const DEPTH: f64 = 0.04;
    Bands {
        top: if first > TOP + 0.03 {
            (first + DEPTH).min(0.25)
        } else {
            TOP
        },
        bottom: if last < BOTTOM - 0.05 {
            (last - DEPTH).max(0.75)
        } else {
            BOTTOM
        },
    }
}

fn band(line: &Line, height: f64, b: Bands) -> Option<bool> {
    if line.baseline < b.top * height {
        Some(true)
    } else if line.baseline > b.bottom * height {
        Some(false)
    } else {
        None
    }
}

/// Mask digits so "Page 3 of 9" and "Page 4 of 9" are the same line.
fn key(line: &Line) -> String {
    let mut k = String::with_capacity(line.words.iter().map(|w| w.text.len()).sum());
    for c in line.words.iter().flat_map(|w| w.text.chars()) {
        if c.is_ascii_digit() {
            if !k.ends_with('#') {
                k.push('#');
            }
        } else if c.is_ascii() {
            k.push(c.to_ascii_lowercase());
        } else {
            k.extend(c.to_lowercase());
        }
    }
    k
}

/// Is this a page-number line by its shape alone?
pub fn is_page_number(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.len() <= 20 && PAGE_NUMBER.get().is_match(t)
}

/// What [`strip`] did.
#[derive(Debug, Default)]
pub struct Stripped {
    /// Lines removed.
    pub removed: usize,
    /// Pages that kept their lines, with how many would have gone of how many: most of the page
    /// repeats at the same place on other pages, which no running head or foot does.
    pub kept: Vec<(usize, usize, usize)>,
}

/// Remove running headers, footers and page numbers from every page.
pub fn strip(pages: &mut [CleanPage]) -> Stripped {
    let n = pages.len();
    let bands = bands(pages);
    // Each line's masked text, once.
    let keys: Vec<Vec<String>> = pages
        .iter()
        .map(|p| p.lines.iter().map(key).collect())
        .collect();
    // Lines in the top or bottom band, counted by the pages they occur on; and, anywhere on the
    // page, lines repeated word for word at the same height (a minutes form's boxed header runs
    // well below the top band).
    let mut counts: HashMap<(bool, &str), Vec<usize>> = HashMap::new();
    let mut placed: HashMap<(i64, &str), usize> = HashMap::new();
    for (i, (p, page_keys)) in pages.iter().zip(&keys).enumerate() {
        let mut seen: Vec<(bool, &str)> = Vec::new();
        let mut seen_placed: Vec<(i64, &str)> = Vec::new();
        for (l, k) in p.lines.iter().zip(page_keys) {
            let at = (height_bucket(l), k.as_str());
            if !seen_placed.contains(&at) {
                seen_placed.push(at);
            }
            if let Some(top) = band(l, p.height, bands) {
                if !seen.contains(&(top, k.as_str())) {
                    seen.push((top, k.as_str()));
                }
            }
        }
        for k in seen {
            counts.entry(k).or_default().push(i);
        }
        for k in seen_placed {
            *placed.entry(k).or_default() += 1;
        }
    }
    let need = 2.max((0.4 * n as f64).ceil() as usize);
    // A head repeated through the document, or through one of its parts: a volume of
    // opinions heads each its own way ("Opinion of the Court", then "THOMAS, J., concurring"),
    // so a head of one part is on three of any six pages running, alternate pages included.
    const RUN: usize = 3;
    const WINDOW: usize = 6;
    let through_document = |key: &(bool, &str)| counts.get(key).is_some_and(|on| on.len() >= need);
    let through_part = |key: &(bool, &str)| {
        key.1.len() >= 8
            && counts
                .get(key)
                .is_some_and(|on| on.windows(RUN).any(|w| w[RUN - 1] - w[0] < WINDOW))
    };
    let placed_need = 3.max((0.5 * n as f64).ceil() as usize);
    let first_page = pages.first().map_or(0, |p| p.number);
    let mut drop: Vec<Vec<bool>> = Vec::with_capacity(n);
    for (p, page_keys) in pages.iter().zip(&keys) {
        let body_size = dominant_size(&p.lines);
        // How surely a line goes: 2 by the rules for the whole document, 1 as the head of one
        // of its parts only, 0 not.
        let goes = |(l, k): (&Line, &String)| -> u8 {
            // A head or foot repeated word for word sits near an edge (a minutes form's box
            // under the court's name), not in the middle of the page.
            let near_edge = l.baseline < PLACED_TOP * p.height || l.baseline > BOTTOM * p.height;
            let repeated = k.len() >= 8
                && near_edge
                && placed
                    .get(&(height_bucket(l), k.as_str()))
                    .copied()
                    .unwrap_or(0)
                    >= placed_need;
            if repeated && !(p.number == first_page && l.baseline < 0.5 * p.height) {
                return 2;
            }
            let Some(top) = band(l, p.height, bands) else {
                return 0;
            };
            let text = l.text();
            // A page number by shape alone only in the paper's own bands: in a book block's
            // wider head, a section's "II" is no folio.
            if is_page_number(&text) && band(l, p.height, PAPER).is_some() {
                return 2;
            }
            // The first page's heading is its caption (the court name of a minutes form repeats
            // on every page): only later pages lose a repeated top line.
            let first_top = top && p.number == first_page;
            let key = (top, k.as_str());
            if n >= 2 && !first_top && k.len() >= 2 && through_document(&key) {
                return 2;
            }
            // A footer in a smaller type that names the case ("ORDER – 2:17-cv-01666-KJN").
            let small = l.size > 0.0 && l.size < 0.85 * body_size;
            if small && !top && text.len() < 100 && CASE_NO.get().is_match(&text) {
                return 2;
            }
            u8::from(n >= 2 && !first_top && through_part(&key))
        };
        // A head is such lines among the page's first EDGE_LINES lines, a foot among its last:
        // a pleading foot holds the page number, a rule, the paper's title and the case number,
        // and only some of them repeat, so a line that stays does not end it.
        let goes: Vec<u8> = p.lines.iter().zip(page_keys).map(goes).collect();
        let edges = |least: u8| {
            let mut page_drop = vec![false; goes.len()];
            for i in (0..goes.len()).take(EDGE_LINES) {
                page_drop[i] = goes[i] >= least;
            }
            for i in (0..goes.len()).rev().take(EDGE_LINES) {
                page_drop[i] = goes[i] >= least;
            }
            page_drop
        };
        // A part's heads go unless the page would be all but emptied (a form's page); then
        // only what the whole document repeats is weighed.
        let all = edges(1);
        let page_drop = if emptied(all.iter().filter(|d| **d).count(), p.lines.len()) {
            edges(2)
        } else {
            all
        };
        drop.push(page_drop);
    }
    // A printed book's head carries its folio at one end ("OCTOBER TERM, 2025 11", "12 DOE v.
    // ROE"): heads that differ from page to page but number the pages in turn are heads,
    // however few the pages.
    let folios: Vec<Option<u32>> = pages
        .iter()
        .map(|p| {
            p.lines
                .first()
                .filter(|l| band(l, p.height, bands) == Some(true))
                .and_then(folio)
        })
        .collect();
    for i in 0..n {
        let Some(f) = folios[i] else { continue };
        let before = i > 0 && folios[i - 1] == f.checked_sub(1);
        let after = i + 1 < n && folios[i + 1] == Some(f + 1);
        if (before || after) && pages[i].number != first_page {
            if let Some(d) = drop[i].first_mut() {
                *d = true;
            }
        }
    }
    let mut out = Stripped::default();
    for (p, page_drop) in pages.iter_mut().zip(drop) {
        let gone = page_drop.iter().filter(|d| **d).count();
        // A page that would be all but emptied (a form whose every line repeats at one place)
        // keeps its lines; a short last page that loses its foot is no such page.
        if emptied(gone, p.lines.len()) {
            out.kept.push((p.number, gone, p.lines.len()));
            continue;
        }
        out.removed += gone;
        let lines = std::mem::take(&mut p.lines);
        for (l, gone) in lines.into_iter().zip(page_drop) {
            if !gone {
                p.lines.push(l);
                continue;
            }
            // What the running lines said stays known (a pleading footer names the paper).
            let text = l.text();
            if !is_page_number(&text) {
                p.running.push(text);
            }
        }
        // A page number set just above (or below) a running footer (a transcript's "Page 12"
        // over the reporter's name) is the page's last (or first) line once the footer is gone,
        // though outside the bands.
        let edge = |l: &Line, top: bool| {
            let y = l.baseline / p.height;
            is_page_number(&l.text()) && if top { y < 0.2 } else { y > 0.8 }
        };
        if n >= 2 && p.lines.len() > 1 && p.lines.last().is_some_and(|l| edge(l, false)) {
            p.lines.pop();
            out.removed += 1;
        }
        if n >= 2 && p.lines.len() > 1 && p.lines.first().is_some_and(|l| edge(l, true)) {
            p.lines.remove(0);
            out.removed += 1;
        }
    }
    out
}

/// The folio of a book's running head: a bare number at either end of a short line that is
/// more than the number ("OCTOBER TERM, 2025 11", "12 DOE v. ROE"), not a numbered paragraph
/// ("12. Plaintiff ...").
fn folio(l: &Line) -> Option<u32> {
    let text = l.text();
    if text.len() > 70 || l.words.len() < 2 {
        return None;
    }
    let bare = |w: &str| {
        (w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    let first = l.words.first().and_then(|w| bare(&w.text));
    let last = l.words.last().and_then(|w| bare(&w.text));
    first.or(last)
}

/// Would a page that loses `gone` of its `lines` be all but emptied?
fn emptied(gone: usize, lines: usize) -> bool {
    gone >= 3 && lines - gone < 2
}

/// Lines at the same height on different pages share a bucket (3 pt).
fn height_bucket(l: &Line) -> i64 {
    (l.baseline / 3.0).round() as i64
}

/// The font size of most characters on the page.
pub fn dominant_size<'a>(lines: impl IntoIterator<Item = &'a Line>) -> f64 {
    let mut weight: Vec<(f64, usize)> = Vec::new();
    for w in lines.into_iter().flat_map(|l| &l.words) {
        let n = w.text.chars().count();
        match weight.iter_mut().find(|(s, _)| (s - w.size).abs() < 0.25) {
            Some(e) => e.1 += n,
            None => weight.push((w.size, n)),
        }
    }
    weight
        .iter()
        .max_by_key(|e| e.1)
        .map(|e| e.0)
        .unwrap_or(12.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_number_shapes() {
        for t in [
            "3",
            "- 3 -",
            "(3)",
            "Page 3",
            "Page 3 of 9",
            "3 of 9",
            "ii",
            "–12–",
            "Page | 3",
        ] {
            assert!(is_page_number(t), "{t}");
        }
        for t in [
            "IT IS SO ORDERED.",
            "2021 was a year",
            "3. The Court",
            "Dated: May 3, 2022",
            "",
        ] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    fn line(text: &str, y: f64) -> Line {
        Line::from_words(
            text.split(' ')
                .enumerate()
                .map(|(i, t)| crate::pdf::Word {
                    text: t.into(),
                    bbox: crate::pdf::BBox {
                        x0: 165.0 + 30.0 * i as f64,
                        y0: y - 9.0,
                        x1: 190.0 + 30.0 * i as f64,
                        y1: y,
                    },
                    size: 9.0,
                    sup: false,
                })
                .collect(),
        )
    }

    #[test]
    fn the_head_of_a_book_block_set_on_letter_paper_goes() {
        // A slip opinion: a 6 x 9 block on letter paper, its head 1.7 inches down, alternating
        // "Cite as: ... N" and "N ROE v. DOE", each over a second head line.
        let pages: Vec<CleanPage> = (1..=6)
            .map(|n| {
                let head = if n % 2 == 1 {
                    format!("Cite as: 601 U. S. ____ (2030) {n}")
                } else {
                    format!("{n} ROE v. DOE")
                };
                let mut lines = vec![line(&head, 122.0), line("Opinion of the Court", 146.0)];
                if n == 4 {
                    lines.push(line("II", 165.0));
                }
                for i in 0..30 {
                    // Lines that differ in their letters, as a body's do.
                    let word: String = [n * 40 + i, (n * 40 + i) / 26]
                        .iter()
                        .map(|k| char::from(b'a' + (k % 26) as u8))
                        .collect();
                    lines.push(line(
                        &format!("body {word} reads on"),
                        180.0 + 14.0 * i as f64,
                    ));
                }
                CleanPage {
                    number: n,
                    width: 612.0,
                    height: 792.0,
                    lines,
                    ..CleanPage::default()
                }
            })
            .collect();
        let mut pages = pages;
        strip(&mut pages);
        for p in &pages {
            let first = p.lines[0].text();
            // The first page's head is its caption's place: it stays.
            if p.number == 1 {
                continue;
            }
            if p.number == 4 {
                assert_eq!(
                    first, "II",
                    "a section number in the block's head is no folio"
                );
            } else {
                assert!(
                    first.starts_with("body ") && p.lines.len() == 30,
                    "page {}: {first}",
                    p.number
                );
            }
        }
    }

    #[test]
    fn each_part_of_a_volume_loses_its_own_head() {
        // Three opinions of five pages each, each headed its own way: no head is on 40% of the
        // pages, each is on every page of its part.
        let heads = [
            "Opinion of the Court",
            "ROE, J., concurring",
            "DOE, J., dissenting",
        ];
        let mut pages: Vec<CleanPage> = (1..=15)
            .map(|n| {
                let mut lines = vec![line(heads[(n - 1) / 5], 60.0)];
                for i in 0..20 {
                    let word: String = [n * 40 + i, (n * 40 + i) / 26]
                        .iter()
                        .map(|k| char::from(b'a' + (k % 26) as u8))
                        .collect();
                    lines.push(line(
                        &format!("body {word} reads on"),
                        90.0 + 14.0 * i as f64,
                    ));
                }
                CleanPage {
                    number: n,
                    width: 612.0,
                    height: 792.0,
                    lines,
                    ..CleanPage::default()
                }
            })
            .collect();
        strip(&mut pages);
        for p in pages.iter().skip(1) {
            assert!(
                p.lines[0].text().starts_with("body "),
                "page {}: {}",
                p.number,
                p.lines[0].text()
            );
        }
    }

    #[test]
    fn heads_that_number_the_pages_in_turn_go_however_few() {
        let page = |n: usize, head: &str| {
            let mut lines = vec![line(head, 60.0)];
            let word = ["alpha", "beta", "gamma"][n - 1];
            lines.push(line(&format!("the text of {word} goes on"), 90.0));
            CleanPage {
                number: n,
                width: 612.0,
                height: 792.0,
                lines,
                ..CleanPage::default()
            }
        };
        let mut pages = vec![
            page(1, "PRELIMINARY PRINT"),
            page(2, "OCTOBER TERM, 2030 11"),
            page(3, "12 ROE v. DOE"),
        ];
        strip(&mut pages);
        assert!(pages[1].lines[0].text().starts_with("the text"));
        assert!(pages[2].lines[0].text().starts_with("the text"));
        // Numbered paragraphs that open two pages are no heads.
        let mut pages = vec![
            page(1, "UNITED STATES DISTRICT COURT"),
            page(2, "12. Plaintiff alleges that"),
            page(3, "13. Defendant denies it"),
        ];
        strip(&mut pages);
        assert_eq!(pages[1].lines[0].text(), "12. Plaintiff alleges that");
    }
}
