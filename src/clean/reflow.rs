//! Rebuild paragraphs from lines: indentation, line pitch, short last lines, headings and
//! numbered items decide where a paragraph ends; end-of-line hyphens are undone where the
//! hyphen only broke the word.
//!
//! Pure text and geometry; never drops a word.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// A line of text with the geometry reflow needs.
#[derive(Debug, Clone, PartialEq)]
pub struct TLine {
    /// 1-based page number.
    pub page: usize,
    /// The line's words joined by spaces.
    pub text: String,
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Baseline from the top.
    pub baseline: f64,
    /// Dominant font size.
    pub size: f64,
}

/// A paragraph and the page it begins on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The text, lines joined.
    pub text: String,
    /// 1-based page of its first line.
    pub page: usize,
}

/// Page geometry of the body text: left and right margins, the usual line pitch, and whether
/// the text is justified (most lines end at the right margin).
#[derive(Debug, Clone, Copy)]
struct Frame {
    left: f64,
    right: f64,
    pitch: f64,
    justified: bool,
}

impl Frame {
    /// A line that stops well before the right margin ends its paragraph (if it ends a
    /// sentence). Justified text tells this at a much smaller shortfall than ragged text.
    fn is_short(&self, l: &TLine) -> bool {
        let slack = if self.justified {
            2.0 * l.size.max(6.0)
        } else {
            0.12 * (self.right - self.left)
        };
        l.x1 < self.right - slack
    }
}

fn frame(lines: &[&TLine]) -> Frame {
    let mut x0: Vec<f64> = lines.iter().map(|l| l.x0).collect();
    let mut x1: Vec<f64> = lines.iter().map(|l| l.x1).collect();
    x0.sort_by(f64::total_cmp);
    x1.sort_by(f64::total_cmp);
    let left = x0.get(x0.len() / 5).copied().unwrap_or(72.0);
    let right = x1.get(x1.len() * 9 / 10).copied().unwrap_or(540.0);
    let mut gaps: Vec<f64> = lines
        .windows(2)
        .map(|w| w[1].baseline - w[0].baseline)
        .filter(|g| *g > 2.0)
        .collect();
    gaps.sort_by(f64::total_cmp);
    let pitch = gaps.get(gaps.len() / 3).copied().unwrap_or(14.0);
    let at_right = lines.iter().filter(|l| (l.x1 - right).abs() < 3.0).count();
    let justified = lines.len() >= 6 && at_right * 2 >= lines.len();
    Frame {
        left,
        right,
        pitch,
        justified,
    }
}

/// Starts like a numbered or lettered item: "1.", "2)", "(a)", "A.", "iv.", "•".
pub fn starts_item(text: &str) -> bool {
    let t = text.trim_start();
    if t.starts_with(['•', '●', '▪', '◦']) {
        return true;
    }
    let Some((head, rest)) = t.split_once(' ') else {
        return false;
    };
    if rest.is_empty() {
        return false;
    }
    let inner = head.strip_prefix('(').unwrap_or(head);
    let Some(label) = inner.strip_suffix(['.', ')']) else {
        return false;
    };
    // Numbers up to three digits ("(1974)" is a year), one letter, or a roman numeral.
    if label.is_empty() || label.len() > 4 {
        return false;
    }
    (label.len() <= 3 && label.chars().all(|c| c.is_ascii_digit()))
        || (label.len() == 1 && label.chars().all(|c| c.is_ascii_alphabetic()))
        || label
            .chars()
            .all(|c| matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X'))
}

/// The closing lines of an order stand apart from the paragraph before them.
fn starts_closing(text: &str) -> bool {
    let t = text.trim_start().to_uppercase();
    t.starts_with("IT IS SO ORDERED")
        || t.starts_with("SO ORDERED")
        || t.starts_with("DATED")
        || t.starts_with("DATE:")
}

/// A heading: short and mostly capitals, or centred in the frame.
fn is_heading(l: &TLine, f: &Frame) -> bool {
    let letters: Vec<char> = l.text.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return false;
    }
    let upper = letters.iter().filter(|c| c.is_uppercase()).count() as f64 / letters.len() as f64;
    let width = f.right - f.left;
    let centred = ((l.x0 + l.x1) / 2.0 - (f.left + f.right) / 2.0).abs() < 0.06 * width
        && l.x0 > f.left + 0.1 * width;
    let short = l.x1 - l.x0 < 0.75 * width;
    let t = l.text.trim_end();
    let open_end = t.ends_with([',', ';', '.']) && !t.ends_with("..");
    let starts_capital = t
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '[' || c == '(');
    short && (upper > 0.8 || centred) && !open_end && starts_capital
}

fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    t.ends_with(['.', ':', ';', '?', '!']) || t.len() < text.len() && text.ends_with(')')
}

/// The lower-cased words of `lines`, to tell a broken word from a compound at a line-end
/// hyphen.
pub fn vocabulary(lines: &[TLine]) -> HashSet<String> {
    lines
        .iter()
        .flat_map(|l| l.text.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .collect()
}

/// Append `next` to `text`. An end-of-line hyphen is dropped only when the joined word occurs
/// elsewhere in the document unbroken ("com-" + "plaint"); otherwise it is kept without a space
/// ("time-" + "consuming", "01090-" + "JGB").
pub fn join_line(text: &mut String, next: &str, vocab: &HashSet<String>) {
    if text.is_empty() {
        text.push_str(next);
        return;
    }
    if let Some(stem) = text.strip_suffix('-') {
        let stem_ends_alnum = stem.chars().last().is_some_and(|c| c.is_alphanumeric());
        if stem_ends_alnum && next.chars().next().is_some_and(|c| c.is_alphanumeric()) {
            let head: String = stem
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let tail: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
            let joined = format!("{head}{tail}").to_lowercase();
            if !head.is_empty() && !tail.is_empty() && vocab.contains(&joined) {
                text.pop();
            }
            text.push_str(next);
            return;
        }
    }
    text.push(' ');
    text.push_str(next);
}

/// Join lines into paragraphs. Lines are in reading order, possibly over several pages.
pub fn paragraphs(lines: &[TLine]) -> Vec<Paragraph> {
    // Margins and justification from the whole document (a short last page says little);
    // line pitch per page.
    let doc = frame(&lines.iter().collect::<Vec<_>>());
    let mut frames: Vec<(usize, Frame)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let page = lines[i].page;
        let same: Vec<&TLine> = lines[i..].iter().take_while(|l| l.page == page).collect();
        i += same.len();
        frames.push((
            page,
            Frame {
                pitch: frame(&same).pitch,
                ..doc
            },
        ));
    }
    let frame_of = |page: usize| {
        frames
            .iter()
            .find(|(p, _)| *p == page)
            .map(|(_, f)| *f)
            .unwrap_or(Frame {
                left: 72.0,
                right: 540.0,
                pitch: 14.0,
                justified: false,
            })
    };
    // Only a line-end hyphen consults the vocabulary: without one, it is not built.
    let vocab = if lines.iter().any(|l| l.text.ends_with('-')) {
        vocabulary(lines)
    } else {
        HashSet::new()
    };
    let mut out: Vec<Paragraph> = Vec::new();
    let mut prev: Option<&TLine> = None;
    let mut prev_heading = false;
    for l in lines {
        let f = frame_of(l.page);
        let heading = is_heading(l, &f);
        let brk = match prev {
            None => true,
            Some(p) => {
                let pf = frame_of(p.page);
                let short_end = pf.is_short(p) && ends_sentence(&p.text);
                let same_page = p.page == l.page;
                let gap = l.baseline - p.baseline;
                let indent =
                    l.x0 > p.x0 + 0.6 * l.size.max(6.0) && l.x0 > f.left + 0.6 * l.size.max(6.0);
                // An item label starts a paragraph only after a sentence, a colon or a
                // heading or a short line: "(1974)" or "v. Dream Team" mid-sentence is no item.
                let after_break = ends_sentence(&p.text)
                    || p.text.trim_end().ends_with(':')
                    || prev_heading
                    || pf.is_short(p);
                // A short labelled line without end punctuation is a run-in heading
                // ("I. Plaintiff's Allegations"): what follows starts anew.
                let labelled_heading = starts_item(&p.text)
                    && pf.is_short(p)
                    && !p.text.trim_end().ends_with([',', ';', '.', ':']);
                heading
                    || prev_heading
                    || labelled_heading
                    || (starts_item(&l.text) && after_break)
                    || starts_closing(&l.text)
                    || short_end
                    || p.text.trim_end().ends_with(':') && (starts_item(&l.text) || indent)
                    || (same_page && (gap > 1.6 * f.pitch || gap < -1.0))
                    || (indent && (ends_sentence(&p.text) || !same_page))
            }
        };
        if brk || out.is_empty() {
            out.push(Paragraph {
                text: l.text.clone(),
                page: l.page,
            });
        } else if let Some(last) = out.last_mut() {
            join_line(&mut last.text, &l.text, &vocab);
        }
        prev = Some(l);
        prev_heading = heading;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tl(page: usize, text: &str, x0: f64, x1: f64, y: f64) -> TLine {
        TLine {
            page,
            text: text.into(),
            x0,
            x1,
            baseline: y,
            size: 12.0,
        }
    }

    fn check_join(a: &str, b: &str, want: &str) {
        let vocab: HashSet<String> = ["complaint".to_string()].into();
        let mut s = a.to_string();
        join_line(&mut s, b, &vocab);
        assert_eq!(s, want);
    }

    #[test]
    fn hyphenation() {
        check_join("the com-", "plaint was filed", "the complaint was filed");
        check_join("a non-", "practicing entity", "a non-practicing entity");
        check_join("too time-", "consuming.", "too time-consuming.");
        check_join(
            "No. 5:15-cv-04010-",
            "WTO-XX, 2016",
            "No. 5:15-cv-04010-WTO-XX, 2016",
        );
        check_join("the Court", "finds", "the Court finds");
        check_join("pages 5 -", "6", "pages 5 - 6");
    }

    #[test]
    fn items() {
        for t in [
            "1. Counsel shall",
            "(a) the",
            "A. Background",
            "iv. Other",
            "2) Next",
        ] {
            assert!(starts_item(t), "{t}");
        }
        for t in [
            "1",
            "No. 5",
            "In 2020, the",
            "Dr. Smith",
            "(1974) (holding",
            "2021. The",
        ] {
            assert!(!starts_item(t), "{t}");
        }
    }

    #[test]
    fn indented_first_lines_and_page_breaks() {
        let lines = vec![
            tl(
                1,
                "On December 1, the defendant filed a motion to dismiss in this",
                136.0,
                540.0,
                100.0,
            ),
            tl(1, "action. (Doc. No. 199.)", 100.0, 250.0, 124.0),
            tl(
                1,
                "Defendant contends that filing a redacted version of the documents",
                136.0,
                540.0,
                148.0,
            ),
            tl(
                1,
                "is warranted because they reflect trade secrets and that the purchase",
                100.0,
                540.0,
                172.0,
            ),
            tl(
                2,
                "orders identify per unit pricing information.",
                100.0,
                400.0,
                72.0,
            ),
            tl(2, "IT IS SO ORDERED.", 136.0, 250.0, 96.0),
        ];
        let p = paragraphs(&lines);
        let texts: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "On December 1, the defendant filed a motion to dismiss in this action. (Doc. No. 199.)",
                "Defendant contends that filing a redacted version of the documents is warranted because they reflect trade secrets and that the purchase orders identify per unit pricing information.",
                "IT IS SO ORDERED.",
            ]
        );
        assert_eq!(p[1].page, 1);
    }

    #[test]
    fn headings_and_items_are_their_own_paragraphs() {
        let lines = vec![
            tl(1, "Accordingly,", 136.0, 200.0, 100.0),
            tl(
                1,
                "1. Defendant's request is granted, and only the parties to this action",
                136.0,
                540.0,
                124.0,
            ),
            tl(1, "shall have access;", 100.0, 200.0, 148.0),
            tl(
                1,
                "2. The court orders that the documents be sent.",
                136.0,
                400.0,
                172.0,
            ),
        ];
        let p = paragraphs(&lines);
        assert_eq!(p.len(), 3);
        assert_eq!(p[1].text, "1. Defendant's request is granted, and only the parties to this action shall have access;");
    }
}
