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
    // Initials and abbreviations are no letter labels: "S. C. § 636", "J. Smith".
    if label.len() == 1
        && label.chars().all(|c| c.is_ascii_alphabetic())
        && head.ends_with('.')
        && !head.starts_with('(')
    {
        let next = rest.split_whitespace().next().unwrap_or("");
        let initial = next.len() <= 3
            && next.ends_with('.')
            && next.chars().next().is_some_and(char::is_uppercase);
        if initial {
            return false;
        }
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

/// An item of a list in legal drafting ends in a semicolon, the last but one in "; and" or
/// "; or": an indented line after one starts the next item.
fn ends_list_item(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with("; and") || t.ends_with("; or")
}

fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    t.ends_with(['.', ':', ';', '?', '!']) || t.len() < text.len() && text.ends_with(')')
}

/// What a document writes, to tell a word broken at a line end from a compound: its
/// lower-cased words, and the hyphenated compounds it writes within a line ("non-practicing").
#[derive(Debug, Default)]
pub struct Vocabulary {
    words: HashSet<String>,
    compounds: HashSet<String>,
}

/// The vocabulary of `lines`.
pub fn vocabulary(lines: &[TLine]) -> Vocabulary {
    let mut v = Vocabulary::default();
    for l in lines {
        let text = l.text.trim_end_matches('-');
        for token in text.split_whitespace() {
            let token = token.trim_matches(|c: char| !c.is_alphanumeric());
            let lower = token.to_lowercase();
            let mut parts = lower.split('-');
            if lower.contains('-')
                && parts.all(|p| p.len() > 1 && p.chars().all(char::is_alphabetic))
            {
                v.compounds.insert(lower.clone());
            }
            for w in lower
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 2)
            {
                v.words.insert(w.to_string());
            }
        }
    }
    v
}

/// Prefixes that make hyphenated compounds in legal writing ("non-practicing", "co-counsel",
/// "self-executing", "pre-suit"): at a line end before a word they keep their hyphen, unless
/// the document writes the word solid.
const COMPOUNDING: &[&str] = &[
    "non", "self", "co", "pre", "post", "anti", "cross", "counter", "quasi", "semi", "multi", "ex",
    "mid", "pro", "re", "sub", "inter", "intra", "over", "under", "well", "third", "first",
    "second", "long", "short", "full", "part", "half", "court",
];

/// Append `next` to `text`. An end-of-line hyphen goes when it only broke a word: the joined
/// word is in the document or in the word list (`words`), and it is no compound the document
/// writes hyphenated, no compound of a prefix such as "non-", and no name ("Plaintiff-" /
/// "Appellant", "Calderon-" / "Fuentes"). Otherwise it stays, without a space ("time-" +
/// "consuming", "01090-" + "JGB").
pub fn join_line(text: &mut String, next: &str, vocab: &Vocabulary) {
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
            if joins(&head, &tail, vocab) {
                text.pop();
            }
            text.push_str(next);
            return;
        }
    }
    text.push(' ');
    text.push_str(next);
}

/// Does the hyphen between `head` (the letters before a line-end hyphen) and `tail` (the
/// letters after it) only break a word?
fn joins(head: &str, tail: &str, vocab: &Vocabulary) -> bool {
    // A number or a code on either side ("18-" / "cv-1234", "01090-" / "JGB").
    if head.is_empty() || tail.is_empty() {
        return false;
    }
    // A capital after a lower-case letter starts a word of its own: a name or a title
    // ("Defendant-" / "Intervenor"); in text set in capitals both sides are capitals.
    let head_last_lower = head.chars().last().is_some_and(char::is_lowercase);
    if head_last_lower && tail.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let joined = format!("{head}{tail}").to_lowercase();
    let compound = format!("{head}-{tail}").to_lowercase();
    if vocab.compounds.contains(&compound) {
        return false;
    }
    if vocab.words.contains(&joined) {
        return true;
    }
    // A prefix keeps its hyphen before a word ("non-" / "final", "co-" / "defendant"); before
    // what is no word alone it only broke one ("pro-" / "tect", "re-" / "spondent").
    if COMPOUNDING.contains(&head.to_lowercase().as_str())
        && super::words::is_word(&tail.to_lowercase())
    {
        return false;
    }
    super::words::is_word(&joined)
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
        Vocabulary::default()
    };
    let mut out: Vec<Paragraph> = Vec::new();
    let mut prev: Option<&TLine> = None;
    let mut prev_heading = false;
    for l in lines {
        let f = frame_of(l.page);
        // A line that completes the sentence of the line before ("the judgment of the district
        // court is" / "Affirmed.") is no heading, however it is set.
        let completes = prev.is_some_and(|p| {
            !ends_sentence(&p.text) && !prev_heading && l.text.trim_end().ends_with('.')
        });
        let heading = is_heading(l, &f) && !completes;
        let brk = match prev {
            None => true,
            // A word or two that end the sentence of the line before belong to its paragraph,
            // however far below they are set ("... the judgment of the district court is" /
            // "Affirmed.").
            Some(_) if completes && l.text.split_whitespace().count() <= 3 => false,
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
                    || (indent && (ends_sentence(&p.text) || ends_list_item(&p.text) || !same_page))
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
        let vocab = vocabulary(&[tl(1, "a complaint and a pre-suit notice", 72.0, 300.0, 0.0)]);
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
        // Broken words the document never writes whole, joined by the word list.
        check_join(
            "the presump-",
            "tion of innocence",
            "the presumption of innocence",
        );
        check_join("its propri-", "etary code", "its proprietary code");
        check_join("which establ-", "ishes that", "which establishes that");
        check_join("THE PRESUMP-", "TION", "THE PRESUMPTION");
        // Compounds, names and codes keep their hyphen.
        check_join("a court-", "ordered deposit", "a court-ordered deposit");
        check_join("the Defendant-", "Intervenor", "the Defendant-Intervenor");
        check_join("Mr. Calderon-", "Fuentes said", "Mr. Calderon-Fuentes said");
        check_join("Case No. 18-", "cv-1234", "Case No. 18-cv-1234");
        check_join("a pre-", "suit notice", "a pre-suit notice");
        check_join("a self-", "executing clause", "a self-executing clause");
        // A prefix before what is no word alone only broke a word.
        check_join("to pro-", "tect the", "to protect the");
        check_join("the re-", "spondent", "the respondent");
        check_join("a co-", "defendant", "a co-defendant");
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
