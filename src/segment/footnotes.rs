//! Footnotes: the block at the foot of a page that starts with a note mark (set in smaller type,
//! or in body type with a raised mark), continued onto the next page when a note runs over;
//! and the reference marks in the text, which are removed from the body.

use super::Footnote;
use crate::clean::reflow::{join_line, Vocabulary};
use crate::pdf::{Line, Word};
use std::borrow::Cow;

/// The note number a footnote line starts with, if any: a raised mark, or a small number
/// followed by text.
fn marker(line: &Line, body_size: f64) -> Option<String> {
    let w = line.words.first()?;
    let is_mark = |t: &str| {
        (!t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()))
            || matches!(t, "*" | "**" | "†" | "‡")
    };
    (is_mark(&w.text) && (w.sup || (line.words.len() > 1 && w.size <= body_size)))
        .then(|| w.text.clone())
}

/// Start of the bottom run of lines set closer than the page's usual pitch (single-spaced
/// notes under a double-spaced body); `lines.len()` when there is none.
fn tight_run(lines: &[Line]) -> usize {
    let mut gaps: Vec<f64> = lines
        .windows(2)
        .map(|w| w[1].baseline - w[0].baseline)
        .filter(|g| *g > 1.0)
        .collect();
    if gaps.len() < 4 {
        return lines.len();
    }
    gaps.sort_by(f64::total_cmp);
    let pitch = gaps[gaps.len() / 2];
    let mut k = lines.len() - 1;
    while k > 0 && lines[k].baseline - lines[k - 1].baseline < 0.7 * pitch {
        k -= 1;
    }
    // The run's first line stands apart from the body above it.
    if k + 1 < lines.len() && k > 0 && lines[k].baseline - lines[k - 1].baseline > 0.9 * pitch {
        k
    } else {
        lines.len()
    }
}

/// Notes are numbered from 1 (or marked with symbols) and go up by one.
fn plausible_mark(mark: &str, notes: &[Footnote]) -> bool {
    let Ok(v) = mark.parse::<u32>() else {
        return true;
    };
    let expected = notes
        .last()
        .and_then(|n| n.number.as_deref()?.parse::<u32>().ok())
        .map_or(1, |n| n + 1);
    v == expected || v == 1
}

/// A symbol mark ("*", "†") starts a note only when the page above refers to it, by the mark
/// raised or ending a word ("JUDGMENT*"); a form's "* Attach an additional sheet" line does
/// not. Numbered notes are held to their sequence by [`plausible_mark`] instead.
fn referenced(mark: &str, above: &[Line]) -> bool {
    mark.bytes().all(|b| b.is_ascii_digit())
        || above.iter().flat_map(|l| &l.words).any(|w| {
            (w.sup && w.text == mark) || (w.text.len() > mark.len() && w.text.ends_with(mark))
        })
}

fn is_ref_mark(w: &Word) -> bool {
    w.sup
        && !w.text.is_empty()
        && w.text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡'))
}

/// A page's body lines (number, lines), borrowed when nothing had to come out of them.
pub type BodyPage<'a> = (usize, Cow<'a, [Line]>);

/// Split each page's lines into body lines and footnotes. `body_size` is the document's body
/// font size. Reference marks (raised numbers) are removed from the body lines.
pub fn split<'a>(
    pages: &[(usize, &'a [Line])],
    body_size: f64,
) -> (Vec<BodyPage<'a>>, Vec<Footnote>) {
    let mut notes: Vec<Footnote> = Vec::new();
    let mut out = Vec::with_capacity(pages.len());
    for &(page, lines) in pages {
        // A note block: the lines from the first note mark in the lower part of the page to the
        // foot (notes may be set in body type, so the mark decides), or a bottom run of smaller
        // type that continues a note from the page before.
        let lowest = lines.last().map_or(0.0, |l| l.baseline);
        let highest = lines.first().map_or(0.0, |l| l.baseline);
        let lower = highest + 0.4 * (lowest - highest);
        let mark_at = (1..lines.len()).find(|&i| {
            let l = &lines[i];
            l.baseline >= lower
                && marker(l, body_size)
                    .is_some_and(|m| plausible_mark(&m, &notes) && referenced(&m, &lines[..i]))
                && (l.words[0].sup || l.size < 0.9 * body_size)
                && lines[i..].iter().all(|x| x.size <= 1.05 * body_size)
        });
        let mut k = lines.len();
        while k > 1 && lines[k - 1].size > 0.0 && lines[k - 1].size < 0.9 * body_size {
            k -= 1;
        }
        // A note that ran over: the previous note ends mid-sentence, and this page ends in a
        // run of smaller type, or of tighter line pitch than its double-spaced body.
        let unfinished = notes.last().is_some_and(|n| {
            let t = n.text.trim_end_matches(['"', '”', ')', '’']);
            n.page + 1 == page && !t.ends_with(['.', '?', '!'])
        });
        if unfinished && k == lines.len() {
            k = tight_run(lines);
        }
        let continues =
            unfinished && k < lines.len() && k > 0 && marker(&lines[k], body_size).is_none();
        let start = match mark_at {
            Some(m) if continues => k.min(m),
            Some(m) => m,
            None if continues => k,
            None => lines.len(),
        };
        let (body, block) = lines.split_at(start);
        for l in block {
            let mark = marker(l, body_size);
            let new_note = mark.as_deref().is_some_and(|m| plausible_mark(m, &notes));
            if new_note {
                let text = l.words[1..]
                    .iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                notes.push(Footnote {
                    number: mark,
                    text,
                    page,
                });
            } else if let Some(last) = notes.last_mut() {
                join_line(&mut last.text, &l.text(), &Vocabulary::default());
            }
        }
        // Borrowed as is unless some line has a mark to take out (most pages have none).
        let body: Cow<'a, [Line]> = if body.iter().any(|l| l.words.iter().any(is_ref_mark)) {
            Cow::Owned(
                body.iter()
                    .filter_map(|l| {
                        if !l.words.iter().any(is_ref_mark) {
                            return Some(l.clone());
                        }
                        let words: Vec<Word> = l
                            .words
                            .iter()
                            .filter(|w| !is_ref_mark(w))
                            .cloned()
                            .collect();
                        (!words.is_empty()).then(|| Line::from_words(words))
                    })
                    .collect(),
            )
        } else {
            Cow::Borrowed(body)
        };
        out.push((page, body));
    }
    (out, notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::BBox;

    /// A line of `words` at baseline `y`, all of `size` points.
    fn line(words: &[&str], y: f64, size: f64) -> Line {
        let mut x = 72.0;
        let words = words
            .iter()
            .map(|t| {
                let w = 0.5 * size * t.chars().count() as f64;
                let word = Word {
                    text: t.to_string(),
                    bbox: BBox {
                        x0: x,
                        y0: y - 0.8 * size,
                        x1: x + w,
                        y1: y + 0.2 * size,
                    },
                    size,
                    sup: false,
                };
                x += w + 0.3 * size;
                word
            })
            .collect();
        Line::from_words(words)
    }

    /// A page headed `title`, ten body lines, and a small-type line starting with "*" at its foot.
    fn notes_on_page(title: &[&str]) -> Vec<Footnote> {
        let mut lines = vec![line(title, 72.0, 12.0)];
        for k in 1..=10 {
            lines.push(line(
                &["the", "court", "has", "read", "the", "motion"],
                72.0 + 24.0 * k as f64,
                12.0,
            ));
        }
        lines.push(line(&["*", "Not", "for", "publication."], 360.0, 10.0));
        split(&[(1, &lines[..])], 12.0).1
    }

    #[test]
    fn a_symbol_note_needs_a_reference_above_it() {
        let referenced = notes_on_page(&["ORDER", "AND", "JUDGMENT*"]);
        assert_eq!(referenced.len(), 1);
        assert_eq!(referenced[0].number.as_deref(), Some("*"));
        // A form's "* Attach an additional sheet" line refers to nothing: it stays body text.
        assert!(notes_on_page(&["ORDER", "AND", "JUDGMENT"]).is_empty());
    }
}
