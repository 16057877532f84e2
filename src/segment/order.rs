//! The decretal part: a lead-in ("IT IS HEREBY ORDERED that:", "Accordingly,", an "ORDER" or
//! "CONCLUSION" heading) and the clauses after it, numbered or not. Sub-items fold into their
//! clause; "IT IS SO ORDERED." is not a clause. Without a lead-in, the body's decretal
//! paragraphs (with their recitals trimmed) are the clauses. Never invents text.

use super::{Clause, Order};
use crate::clean::reflow::{starts_item, Paragraph};
use crate::pattern::{Compile, Pattern};
use regex::Regex;

fn re(p: &str) -> Regex {
    Regex::new(p).expect("static regex") // invariant: the patterns below are literals
}

static SO_ORDERED: Pattern = Pattern::new(|| re(r"(?i)^\s*(it\s+is\s+)?so\s+ordered\.?\s*$"));
static LEAD_IN: Pattern = Pattern::new(|| {
    re(
        r"(?i)(\bordered\b[^.]*:\s*$|\borders?\b[^.]*\bas\s+follows\b[^.]*[:.]?\s*$|^(accordingly|therefore|thus|for\s+(the|these)\s+[^.]*reasons[^.]*|based\s+on\s+the\s+foregoing[^.]*|good\s+cause\s+appearing[^.]*),?\s*$|:\s*$)",
    )
});
static HEADING: Pattern = Pattern::new(|| {
    re(
        r"(?i)^\s*(?:[IVX]+\.|[A-Z]\.|[0-9]+\.)?\s*(order|orders|conclusion|conclusions|disposition)\s*$",
    )
});
static DECRETAL: Pattern = Pattern::new(|| {
    re(
        r"(GRANTED|DENIED|ORDERED|ORDERS|GRANTS|DENIES|DISMISSED|VACATED|REMANDED|AFFIRMED|SUSTAINED|OVERRULED|STRICKEN|SEALED|DIRECTED|ENJOINED)|(?i)\b(is|are|be)\s+(hereby\s+)?(granted|denied|dismissed|vacated|sealed|unsealed|lifted|stricken|terminated|continued|enjoined)\b|(?i)\b(directs?|shall|must|is\s+ordered|are\s+ordered|is\s+directed|are\s+directed)\b",
    )
});
static STRONG: Pattern = Pattern::new(|| {
    re(
        r"(?i:\bit\s+is\s+(?:hereby\s+|further\s+)*ordered\b)|\b(ORDERS|ORDERED|GRANTS|DENIES|GRANTED|DENIED|DISMISSED)\b",
    )
});
static CLOSING: Pattern = Pattern::new(|| re(r"(?i)^\s*(dated|date:)"));
static RECITAL: Pattern = Pattern::new(|| {
    re(
        r"(?i)^(on\s+(?-u:\w)+\s+[0-9]|see\s|the\s+(?-u:\w)+\s+references)|\b(filed|issued|moved|lodged|submitted)\b",
    )
});

/// This module's patterns, compiled ahead by [`crate::pattern::compile_all`].
pub(crate) static PATTERNS: [&dyn Compile; 7] = [
    &SO_ORDERED,
    &LEAD_IN,
    &HEADING,
    &DECRETAL,
    &STRONG,
    &CLOSING,
    &RECITAL,
];

/// Split a label ("1.", "(a)", "A.") off a clause; returns (label, rest).
fn label(text: &str) -> (Option<String>, String) {
    if starts_item(text) {
        if let Some((head, rest)) = text.trim_start().split_once(' ') {
            let l = head.trim_matches(|c| matches!(c, '(' | ')' | '.'));
            return (Some(l.to_string()), rest.trim().to_string());
        }
    }
    (None, text.trim().to_string())
}

/// How an item is labelled: "1." and "(1)" and "(a)" are three different levels.
#[derive(PartialEq, Clone, Copy)]
enum Style {
    Digit,
    Letter,
    ParenDigit,
    ParenLetter,
    Bullet,
    None,
}

fn style(text: &str) -> Style {
    let t = text.trim_start();
    if !starts_item(t) {
        return Style::None;
    }
    if let Some(inner) = t.strip_prefix('(') {
        if inner.starts_with(|c: char| c.is_ascii_digit()) {
            Style::ParenDigit
        } else {
            Style::ParenLetter
        }
    } else if t.starts_with(char::is_numeric) {
        Style::Digit
    } else if t.starts_with(char::is_alphabetic) {
        Style::Letter
    } else {
        Style::Bullet
    }
}

/// Find the order part of the body's paragraphs.
pub fn find(paras: &[Paragraph]) -> (Order, Vec<String>) {
    // The order ends at "IT IS SO ORDERED", or at a "Dated:" line of an unsigned block.
    let end = paras
        .iter()
        .rposition(|p| SO_ORDERED.get().is_match(&p.text))
        .or_else(|| paras.iter().position(|p| CLOSING.get().is_match(&p.text)))
        .unwrap_or(paras.len());
    let mut order = Order::default();
    // The last lead-in or heading before the end opens the operative section.
    let lead = (0..end).rev().find(|&i| {
        let t = paras[i].text.trim();
        HEADING.get().is_match(t)
            || (LEAD_IN.get().is_match(t) && !starts_item(t) && t.len() < 400 && (i + 1 < end))
    });
    if let Some(i) = lead {
        let heading = HEADING.get().is_match(paras[i].text.trim());
        let mut first = i + 1;
        if heading {
            if let Some(p) = paras.get(first).filter(|p| {
                first < end && LEAD_IN.get().is_match(p.text.trim()) && !starts_item(&p.text)
            }) {
                order.lead_in = Some(p.text.clone());
                first += 1;
            }
        } else {
            order.lead_in = Some(paras[i].text.clone());
        }
        let items = &paras[first.min(end)..end];
        let top = items.first().map_or(Style::None, |p| style(&p.text));
        for p in items {
            let s = style(&p.text);
            let is_sub = top != Style::None && s != top && !order.clauses.is_empty();
            if is_sub {
                if let Some(last) = order.clauses.last_mut() {
                    last.text.push(' ');
                    last.text.push_str(p.text.trim());
                }
                continue;
            }
            // A number printed on a line of its own ("1.") takes the next paragraph as its text.
            if let Some(last) = order.clauses.last_mut().filter(|c| c.text.is_empty()) {
                last.text = p.text.trim().to_string();
                continue;
            }
            let (number, text) = label(&p.text);
            let number = if top == Style::None { None } else { number };
            let text = if top == Style::None {
                p.text.trim().to_string()
            } else {
                text
            };
            order.clauses.push(Clause {
                number,
                text,
                page: p.page,
            });
        }
    }
    order.clauses.retain(|c| !c.text.is_empty());
    if order.clauses.is_empty() {
        // No lead-in: the decretal paragraphs themselves, recitals trimmed from their start.
        order.lead_in = None;
        for p in &paras[..end] {
            if !DECRETAL.get().is_match(&p.text) || p.text.len() < 20 {
                continue;
            }
            let sentences = sentences(&p.text);
            let keep_from = sentences
                .iter()
                .position(|s| !RECITAL.get().is_match(s) || DECRETAL.get().is_match(s))
                .unwrap_or(0);
            let text = sentences[keep_from..].join(" ");
            order.clauses.push(Clause {
                number: None,
                text,
                page: p.page,
            });
        }
        // Only the last run of decretal paragraphs is the order: earlier ones are reasoning.
        let keep = trailing_run(paras, end, &order.clauses);
        order.clauses.drain(..order.clauses.len() - keep);
        // Within that run, when some paragraph orders in so many words ("IT IS ORDERED",
        // "GRANTS"), the paragraphs before it that only say "shall" are reasoning.
        if let Some(first) = order
            .clauses
            .iter()
            .position(|c| STRONG.get().is_match(&c.text))
        {
            order.clauses.drain(..first);
        }
    }
    let mut warnings = Vec::new();
    if order.clauses.is_empty() {
        warnings.push("no ORDER section found".to_string());
    }
    (order, warnings)
}

/// How many of the found clauses belong to the last run of decretal paragraphs before `end`
/// (paragraphs after it that order nothing, such as a note on where to find the rules, are
/// stepped over).
fn trailing_run(paras: &[Paragraph], end: usize, clauses: &[Clause]) -> usize {
    let decretal = |p: &Paragraph| DECRETAL.get().is_match(&p.text) && p.text.len() >= 20;
    let Some(last) = paras[..end].iter().rposition(decretal) else {
        return 0;
    };
    // Clauses were made from every decretal paragraph in order, so the run is their tail.
    let n = paras[..=last]
        .iter()
        .rev()
        .take_while(|p| decretal(p))
        .count();
    n.min(clauses.len())
}

/// Split text into sentences at ". " followed by a capital (not after common abbreviations).
fn sentences(text: &str) -> Vec<String> {
    const ABBR: &[&str] = &[
        "No", "Nos", "v", "Mr", "Ms", "Mrs", "Dr", "Inc", "Co", "Corp", "Id", "U.S", "Cal", "Civ",
        "Doc", "Dkt", "ECF", "St", "Fed", "R", "P", "Cir", "e.g", "i.e", "al", "Ltd", "Jr",
    ];
    let mut out = Vec::new();
    let mut cur = String::new();
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
        let next_cap = words.get(i + 1).is_some_and(|n| {
            n.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '(' || c == '“' || c == '"')
        });
        let stem = w.trim_end_matches(['.', ')', '”', '"']);
        let abbr = ABBR.iter().any(|a| stem.eq_ignore_ascii_case(a)) || stem.len() == 1;
        if (w.ends_with('.') || w.ends_with(".)") || w.ends_with(".”")) && next_cap && !abbr {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(texts: &[&str]) -> Vec<Paragraph> {
        texts
            .iter()
            .map(|t| Paragraph {
                text: t.to_string(),
                page: 1,
            })
            .collect()
    }

    fn clause_texts(o: &Order) -> Vec<&str> {
        o.clauses.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn numbered_after_accordingly() {
        let p = paras(&[
            "Reasons here.",
            "Accordingly,",
            "1. The request is granted;",
            "2. The documents shall be sent.",
            "IT IS SO ORDERED.",
        ]);
        let (o, w) = find(&p);
        assert!(w.is_empty());
        assert_eq!(o.lead_in.as_deref(), Some("Accordingly,"));
        assert_eq!(
            clause_texts(&o),
            ["The request is granted;", "The documents shall be sent."]
        );
        assert_eq!(o.clauses[0].number.as_deref(), Some("1"));
    }

    #[test]
    fn sub_items_fold_into_their_clause() {
        let p = paras(&[
            "THUS, IT IS HEREBY ORDERED THAT:",
            "1. Defendant is enjoined from:",
            "(a) using the data;",
            "(b) selling it.",
            "2. No bond is required.",
            "IT IS SO ORDERED",
        ]);
        let (o, _) = find(&p);
        assert_eq!(
            clause_texts(&o),
            [
                "Defendant is enjoined from: (a) using the data; (b) selling it.",
                "No bond is required."
            ]
        );
    }

    #[test]
    fn conclusion_heading_with_one_paragraph() {
        let p = paras(&[
            "Discussion.",
            "VI. CONCLUSION",
            "For the forgoing reasons, the motion is GRANTED.",
            "IT IS SO ORDERED.",
        ]);
        let (o, _) = find(&p);
        assert_eq!(
            clause_texts(&o),
            ["For the forgoing reasons, the motion is GRANTED."]
        );
    }

    #[test]
    fn recitals_are_trimmed_without_lead_in() {
        let p = paras(&["On March 12, 2021, the Court issued its Order. See ECF 413. To give the parties time, the Court directs the parties to submit redactions.", "IT IS SO ORDERED."]);
        let (o, _) = find(&p);
        assert_eq!(
            clause_texts(&o),
            ["To give the parties time, the Court directs the parties to submit redactions."]
        );
    }

    #[test]
    fn nothing_decretal_means_no_clauses() {
        let (o, w) = find(&paras(&[
            "The Court held a hearing.",
            "The parties appeared.",
        ]));
        assert!(o.clauses.is_empty());
        assert_eq!(w.len(), 1);
    }
}
