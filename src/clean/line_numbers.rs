//! Pleading-paper line numbers, found by geometry and removed.
//!
//! A column of small integers in a page margin, aligned at one x (right- or left-aligned), at a
//! regular pitch, rising down the page. Each candidate is the first (left margin) or last (right
//! margin) word of a line. A column is accepted when enough candidates fit one straight line
//! `y = y0 + value × pitch`: that is what tells it from a numbered list ("1." has a period and
//! sits at paragraph pitch), a table's numeric column (values do not follow the y position), or
//! a sentence that begins with a number.
//!
//! Never looks at the prose itself; removes only the words of the accepted column.

use crate::pdf::{Line, Word};

/// Fewest numbers that make a column (a page may show only a few if the rest are blank lines
/// of a short order, but a column has at least this many).
const MIN_NUMBERS: usize = 6;

/// Which side of a line a candidate sits on.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Left,
    Right,
}

struct Cand {
    line: usize,
    side: Side,
    value: f64,
    x0: f64,
    x1: f64,
    y: f64,
}

/// Remove the line-number column from `lines` (a page of width `width`); true if one was found.
pub fn strip(lines: &mut Vec<Line>, width: f64) -> bool {
    let found = find(lines, width);
    if found.is_empty() {
        return false;
    }
    for (line, side) in found {
        let words = &mut lines[line].words;
        match side {
            Side::Left => drop(words.remove(0)),
            Side::Right => drop(words.pop()),
        }
    }
    lines.retain(|l| !l.words.is_empty());
    for l in lines.iter_mut() {
        *l = Line::from_words(std::mem::take(&mut l.words));
    }
    true
}

fn number(w: &Word) -> Option<f64> {
    // A raised number may still be a margin number (set smaller, off the text's baseline): the
    // column fit decides.
    if w.text.is_empty() || w.text.len() > 2 || !w.text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: u32 = w.text.parse().ok()?;
    (1..=40).contains(&v).then_some(v as f64)
}

/// The (line index, side) of every number in the accepted column(s).
fn find(lines: &[Line], width: f64) -> Vec<(usize, Side)> {
    let mut cands = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if let Some(w) = l.words.first() {
            if w.bbox.x1 < 0.3 * width {
                if let Some(v) = number(w) {
                    cands.push(Cand {
                        line: i,
                        side: Side::Left,
                        value: v,
                        x0: w.bbox.x0,
                        x1: w.bbox.x1,
                        y: l.baseline,
                    });
                }
            }
        }
        if let Some(w) = l.words.last() {
            if w.bbox.x0 > 0.75 * width {
                if let Some(v) = number(w) {
                    cands.push(Cand {
                        line: i,
                        side: Side::Right,
                        value: v,
                        x0: w.bbox.x0,
                        x1: w.bbox.x1,
                        y: l.baseline,
                    });
                }
            }
        }
    }
    let mut out = Vec::new();
    for side in [Side::Left, Side::Right] {
        let side_cands: Vec<&Cand> = cands.iter().filter(|c| c.side == side).collect();
        if let Some(col) = best_column(&side_cands) {
            out.extend(col.into_iter().map(|c| (c.line, side)));
        }
    }
    out
}

/// Among candidates aligned on a common right (or left) edge, the largest set that fits
/// `y = y0 + value × pitch` with a pitch of 8..40 points.
fn best_column<'a>(cands: &[&'a Cand]) -> Option<Vec<&'a Cand>> {
    if cands.len() < MIN_NUMBERS {
        return None;
    }
    let mut best: Option<Vec<&Cand>> = None;
    for anchor in cands {
        for right_aligned in [true, false] {
            let edge = |c: &Cand| if right_aligned { c.x1 } else { c.x0 };
            let aligned: Vec<&Cand> = cands
                .iter()
                .copied()
                .filter(|c| (edge(c) - edge(anchor)).abs() < 2.5)
                .collect();
            if aligned.len() < MIN_NUMBERS
                || best.as_ref().is_some_and(|b| b.len() >= aligned.len())
            {
                continue;
            }
            let found = fit_pitch(&aligned).into_iter().chain(counted(&aligned));
            for fit in found {
                if best.as_ref().is_none_or(|b| fit.len() > b.len()) {
                    best = Some(fit);
                }
            }
        }
    }
    best
}

/// A column that counts its lines from 1, down the page, one number after the other, however
/// the lines are spaced: a transcript's 1–25 on an index or cover page, where headings set
/// apart shift the numbers off a regular pitch.
fn counted<'a>(aligned: &[&'a Cand]) -> Option<Vec<&'a Cand>> {
    let mut by_y: Vec<&Cand> = aligned.to_vec();
    by_y.sort_by(|a, b| a.y.total_cmp(&b.y));
    let start = by_y.iter().position(|c| c.value == 1.0)?;
    let mut run = vec![by_y[start]];
    for c in &by_y[start + 1..] {
        if c.value == run.len() as f64 + 1.0 {
            run.push(c);
        } else {
            break;
        }
    }
    (run.len() >= 10).then_some(run)
}

/// The candidates that lie on one line `y = y0 + value × pitch`, if they are enough.
fn fit_pitch<'a>(aligned: &[&'a Cand]) -> Option<Vec<&'a Cand>> {
    // Pitch from every pair with distinct values; take the median.
    let mut pitches: Vec<f64> = Vec::new();
    for (i, a) in aligned.iter().enumerate() {
        for b in &aligned[i + 1..] {
            let dv = b.value - a.value;
            if dv.abs() >= 1.0 {
                pitches.push((b.y - a.y) / dv);
            }
        }
    }
    if pitches.is_empty() {
        return None;
    }
    pitches.sort_by(f64::total_cmp);
    let pitch = pitches[pitches.len() / 2];
    if !(8.0..=40.0).contains(&pitch) {
        return None;
    }
    let mut offsets: Vec<f64> = aligned.iter().map(|c| c.y - c.value * pitch).collect();
    offsets.sort_by(f64::total_cmp);
    let y0 = offsets[offsets.len() / 2];
    let fit: Vec<&Cand> = aligned
        .iter()
        .copied()
        .filter(|c| (c.y - y0 - c.value * pitch).abs() < 0.3 * pitch)
        .collect();
    let mut values: Vec<u32> = fit.iter().map(|c| c.value as u32).collect();
    values.sort_unstable();
    values.dedup();
    // A real column has distinct values, mostly consecutive.
    let span = values.last().copied().unwrap_or(0) - values.first().copied().unwrap_or(0) + 1;
    if values.len() >= MIN_NUMBERS
        && values.len() == fit.len()
        && values.len() as f64 >= 0.5 * span as f64
    {
        Some(fit)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::BBox;

    fn word(text: &str, x0: f64, y: f64) -> Word {
        let w = 6.0 * text.chars().count() as f64;
        Word {
            text: text.into(),
            bbox: BBox {
                x0,
                y0: y - 9.6,
                x1: x0 + w,
                y1: y + 2.4,
            },
            size: 12.0,
            sup: false,
        }
    }

    fn line(words: &[(&str, f64)], y: f64) -> Line {
        Line::from_words(words.iter().map(|(t, x)| word(t, *x, y)).collect())
    }

    /// A pleading page: numbers right-aligned at x=80, pitch 24, text at x=100 on some lines.
    fn pleading(n: usize, text_every: usize) -> Vec<Line> {
        (1..=n)
            .map(|i| {
                let num = i.to_string();
                let x = 80.0 - 6.0 * num.len() as f64;
                let y = 68.0 + 24.0 * i as f64;
                if i % text_every == 0 {
                    line(&[(&num, x), ("the", 100.0), ("Court", 130.0)], y)
                } else {
                    line(&[(&num, x)], y)
                }
            })
            .collect()
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    #[test]
    fn strips_28_right_aligned_numbers() {
        let mut lines = pleading(28, 2);
        assert!(strip(&mut lines, 612.0));
        assert_eq!(lines.len(), 14);
        assert!(texts(&lines).iter().all(|t| t == "the Court"));
    }

    #[test]
    fn transcript_25_and_32_lines() {
        for n in [25, 32] {
            let mut lines = pleading(n, 3);
            assert!(strip(&mut lines, 612.0), "{n}");
            assert!(texts(&lines).iter().all(|t| t == "the Court"));
        }
    }

    #[test]
    fn missing_numbers_still_found() {
        let mut lines = pleading(28, 2);
        lines.retain(|l| !matches!(l.words[0].text.as_str(), "5" | "6" | "17"));
        assert!(strip(&mut lines, 612.0));
        assert!(texts(&lines).iter().all(|t| t == "the Court"));
    }

    #[test]
    fn numbered_list_is_not_a_column() {
        // "1. Counsel shall ..." items at paragraph pitch: the numbers carry periods.
        let mut lines: Vec<Line> = (1..=8)
            .map(|i| {
                line(
                    &[(&format!("{i}."), 100.0), ("Counsel", 120.0)],
                    100.0 + 48.0 * i as f64,
                )
            })
            .collect();
        assert!(!strip(&mut lines, 612.0));
        assert_eq!(lines.len(), 8);
    }

    #[test]
    fn numeric_table_column_is_kept() {
        // A table of docket numbers at the left: values do not follow the y position.
        let values = ["12", "3", "27", "8", "15", "2", "33", "19"];
        let mut lines: Vec<Line> = values
            .iter()
            .enumerate()
            .map(|(i, v)| line(&[(v, 72.0), ("Motion", 120.0)], 100.0 + 14.0 * i as f64))
            .collect();
        assert!(!strip(&mut lines, 612.0));
        assert_eq!(lines.len(), 8);
    }

    #[test]
    fn sentences_starting_with_numbers_are_kept() {
        let mut lines = vec![
            line(&[("3", 72.0), ("days", 80.0)], 100.0),
            line(&[("10", 72.0), ("exhibits", 86.0)], 300.0),
            line(&[("2", 72.0), ("parties", 80.0)], 500.0),
        ];
        assert!(!strip(&mut lines, 612.0));
    }

    #[test]
    fn numbers_on_the_baseline_of_text() {
        // D. Ariz.: "16 brought against Defendants" on one baseline.
        let mut lines: Vec<Line> = (1..=28)
            .map(|i| {
                let n = i.to_string();
                line(
                    &[
                        (&n, 60.0 - 6.0 * n.len() as f64),
                        ("brought", 80.0),
                        ("against", 130.0),
                    ],
                    60.0 + 24.0 * i as f64,
                )
            })
            .collect();
        assert!(strip(&mut lines, 792.0));
        assert!(texts(&lines).iter().all(|t| t == "brought against"));
    }

    #[test]
    fn a_transcript_index_page_counts_its_lines_off_pitch() {
        // 1-25 right-aligned at x=80; headings ("PAGE") stand on lines of their own between
        // the first numbers, so numbers 1-9 are off the pitch of 10-25.
        let mut lines = Vec::new();
        let mut y = 60.0;
        for i in 1..=25usize {
            let num = i.to_string();
            let x = 80.0 - 6.0 * num.len() as f64;
            let text = match i {
                1 => vec![(num.as_str(), x), ("INDEX", 300.0)],
                6 => vec![(num.as_str(), x), ("EXHIBITS", 300.0)],
                _ => vec![(num.as_str(), x)],
            };
            lines.push(line(&text, y));
            y += 23.4;
            if i == 2 || i == 3 {
                lines.push(line(&[("PAGE", 495.0)], y));
                y += 23.4;
            }
        }
        assert!(strip(&mut lines, 612.0));
        assert_eq!(texts(&lines), ["INDEX", "PAGE", "PAGE", "EXHIBITS"]);
    }
}
