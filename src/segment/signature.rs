//! The signature block: date, judge, title, page; and where it begins, which is where the
//! body ends.

use super::Signature;
use crate::clean::reflow::TLine;
use crate::dates::parse_date;
use crate::pattern::{Compile, Pattern};
use regex::Regex;

fn re(p: &str) -> Regex {
    Regex::new(p).expect("static regex") // invariant: the patterns below are literals
}

/// A judge's or clerk's title, possibly after the name on the same line.
static TITLE: Pattern = Pattern::new(|| {
    re(
        r"(?i)(?:^|[\s,]+)((?:the\s+)?(?:chief\s+|senior\s+|presiding\s+)?(?:united\s+states\s+|u\.\s?s\.\s+)?(?:chief\s+|senior\s+)?(?:district|magistrate|bankruptcy|circuit|administrative\s+law|tax\s+court)\s+(?:court\s+)?judge|(?:deputy\s+)?clerk(?:\s+of\s+(?:the\s+)?court)?|court\s+of\s+workers.{0,3}\s+compensat(?-u:\w)*(?:\s+claims)?|judge\s+of\s+the\s+[a-z ]+court)\s*$",
    )
});
static SO_ORDERED: Pattern = Pattern::new(|| re(r"(?i)\b(it\s+is\s+)?so\s+ordered\b"));
static DATE_LINE: Pattern =
    Pattern::new(|| re(r"(?i)^\s*(dated|date|entered|signed|filed|issued)\b|\bday\s+of\b"));
static FOR_THE_COURT: Pattern = Pattern::new(|| re(r"(?i)^(entered\s+)?(for|by)\s+the\s+court:?$"));
static HONORIFIC: Pattern = Pattern::new(|| {
    re(r"(?i)^(?:/s/\s*|s/\s*|hon\.\s*|honorable\s+|the\s+honorable\s+|judge\s+)+")
});

/// This module's patterns, compiled ahead by [`crate::pattern::compile_all`].
pub(crate) static PATTERNS: [&dyn Compile; 5] =
    [&TITLE, &SO_ORDERED, &DATE_LINE, &FOR_THE_COURT, &HONORIFIC];

/// Where the signature block sits in the lines, and what it says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// The signature.
    pub signature: Signature,
    /// Index of the first line of the block (the body ends before it).
    pub start: usize,
    /// Index one past the block's last line.
    pub end: usize,
}

fn is_rule(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, '_' | '-' | '.' | ' ' | '/' | 's'))
        && t.chars().filter(|c| *c == '_').count() >= 3
}

/// A person's name as printed: two to six words, letters and initials, no digits.
fn looks_like_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && !text.chars().any(|c| c.is_ascii_digit())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                || matches!(*w, "de" | "la" | "van" | "von" | "der")
        })
        && !text.trim_end().ends_with(':')
}

fn strip_honorific(text: &str) -> String {
    let t = HONORIFIC.get().replace(text.trim(), "");
    t.trim().trim_end_matches(',').trim().to_string()
}

/// A date typed into a form line: "_O_c_t_o_b_e_r__2_9_,_2_0_2_0___" reads "October 29,2020".
fn date_of(text: &str) -> Option<String> {
    if text.contains('_') {
        let t = text.replace("__", " ").replace('_', "");
        if let Some(d) = parse_date(&t) {
            return Some(d);
        }
    }
    parse_date(text)
}

/// A block signed by an image alone, with no printed name or title: the last "Dated:" line
/// with a date, after the order's last words, is the block.
fn dated_only(lines: &[TLine], from: usize) -> Option<Found> {
    let at = (from..lines.len()).rev().take(6).find(|&i| {
        let t = lines[i].text.trim_start();
        t.len() < 60 && DATE_LINE.get().is_match(t) && date_of(t).is_some()
    })?;
    let date = date_of(&lines[at].text);
    Some(Found {
        signature: Signature {
            date,
            judge: None,
            title: None,
            page: Some(lines[at].page),
        },
        start: at,
        end: at + 1,
    })
}

/// Find the signature block among the body lines starting at `from`.
pub fn find(lines: &[TLine], from: usize) -> Option<Found> {
    let so = (from..lines.len())
        .rev()
        .find(|&i| SO_ORDERED.get().is_match(&lines[i].text));
    let region_start = so.unwrap_or(from + (lines.len().saturating_sub(from)) / 3);
    let Some(title_at) = (region_start..lines.len()).find(|&i| {
        let t = lines[i].text.trim();
        t.len() < 90 && TITLE.get().is_match(t) && !t.ends_with('.')
    }) else {
        return dated_only(lines, region_start);
    };
    let caps = TITLE.get().captures(lines[title_at].text.trim())?;
    let title_match = caps.get(1)?;
    let title_line = lines[title_at].text.trim();
    let title = title_match.as_str().trim().to_string();
    let before_title = title_line[..title_match.start()]
        .trim()
        .trim_end_matches(',')
        .trim();

    // The name: before the title on its line, or on a line just above.
    let mut judge = None;
    let mut start = title_at;
    if looks_like_name(&strip_honorific(before_title)) {
        judge = Some(strip_honorific(before_title));
    } else {
        for i in (title_at.saturating_sub(3)..title_at).rev() {
            if so.is_some_and(|s| i <= s) {
                break;
            }
            let t = lines[i].text.trim();
            if is_rule(t) || t.is_empty() {
                start = i;
                continue;
            }
            let name = strip_honorific(t);
            if looks_like_name(&name) && !DATE_LINE.get().is_match(t) {
                judge = Some(name);
                start = i;
            }
            break;
        }
    }
    // "JUDGE KENNETH M. SWITZER" / "Court of Workers' Compensation Claims": name above title.
    // The date: a "Dated:" line in the block or just above it.
    let look_from = so.map_or(start.saturating_sub(6), |s| s + 1).max(from);
    let mut date = None;
    for i in look_from..(title_at + 3).min(lines.len()) {
        let t = &lines[i].text;
        if DATE_LINE.get().is_match(t) || (i > title_at && date_of(t).is_some()) {
            if let Some(d) = date_of(t).or_else(|| lines.get(i + 1).and_then(|n| date_of(&n.text)))
            {
                date = Some(d);
                start = start.min(i);
                break;
            }
        }
    }
    // Rules, "/s/" lines, "FOR THE COURT:" and a date line left blank ("Dated: ______",
    // "Dated this ___ day of ____") above the name belong to the block too.
    while start > look_from && start > 0 {
        let t = lines[start - 1].text.trim();
        let blank_date =
            DATE_LINE.get().is_match(t) && (t.contains("__") || t.trim_end().ends_with(':'));
        if is_rule(t) || t.starts_with("/s/") || FOR_THE_COURT.get().is_match(t) || blank_date {
            start -= 1;
        } else {
            break;
        }
    }
    let end = (title_at + 1).min(lines.len());
    Some(Found {
        signature: Signature {
            date,
            judge,
            title: Some(title),
            page: Some(lines[title_at].page),
        },
        start,
        end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<TLine> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| TLine {
                page: 1,
                text: t.to_string(),
                x0: 100.0,
                x1: 300.0,
                baseline: 100.0 + 24.0 * i as f64,
                size: 12.0,
            })
            .collect()
    }

    #[test]
    fn dated_rule_name_title() {
        let l = lines(&[
            "the parties shall file.",
            "IT IS SO ORDERED.",
            "Dated: March 15, 2021",
            "______________",
            "RUTH MADSEN HOLLAND",
            "United States District Judge",
        ]);
        let f = find(&l, 0).unwrap();
        assert_eq!(f.signature.date.as_deref(), Some("2021-03-15"));
        assert_eq!(f.signature.judge.as_deref(), Some("RUTH MADSEN HOLLAND"));
        assert_eq!(
            f.signature.title.as_deref(),
            Some("United States District Judge")
        );
        assert_eq!(f.start, 2);
    }

    #[test]
    fn hon_prefix_and_image_signature() {
        let l = lines(&[
            "text.",
            "DATED: _O_c_t_o_b_e_r__2_9_,_2_0_2_0_______",
            "Hon. Hollis D. Brannock",
            "United States Magistrate Judge",
        ]);
        let f = find(&l, 0).unwrap();
        assert_eq!(f.signature.judge.as_deref(), Some("Hollis D. Brannock"));
        assert_eq!(f.signature.date.as_deref(), Some("2020-10-29"));
        let l = lines(&[
            "IT IS SO ORDERED.",
            "Dated: December 1, 2020",
            "UNITED STATES DISTRICT JUDGE",
        ]);
        let f = find(&l, 0).unwrap();
        assert_eq!(f.signature.judge, None);
        assert_eq!(f.signature.date.as_deref(), Some("2020-12-01"));
    }

    #[test]
    fn image_signature_with_a_date_only() {
        let l = lines(&[
            "3. The parties shall refrain from filing.",
            "Dated: April 22, 2020",
            "/cran0208.icr",
        ]);
        let f = find(&l, 0).unwrap();
        assert_eq!(f.signature.date.as_deref(), Some("2020-04-22"));
        assert_eq!((f.start, f.end), (1, 2));
        let l = lines(&[
            "IT IS SO ORDERED.",
            "Dated: January 31, 2017 ______",
            "HONORABLE ANDRÉ BIROTTE JR.",
            "UNITED STATES DISTRICT COURT JUDGE",
        ]);
        let f = find(&l, 0).unwrap();
        assert_eq!(f.signature.judge.as_deref(), Some("ANDRÉ BIROTTE JR."));
        assert_eq!(
            f.signature.title.as_deref(),
            Some("UNITED STATES DISTRICT COURT JUDGE")
        );
    }

    #[test]
    fn blank_date_line_of_a_proposed_order() {
        let l = lines(&[
            "IT IS SO ORDERED.",
            "Dated: _______________",
            "The Honorable Noreen M. Halvard",
            "United States District Judge",
        ]);
        let f = find(&l, 0).unwrap();
        assert_eq!(f.start, 1);
        assert_eq!(f.signature.date, None);
        assert_eq!(f.signature.judge.as_deref(), Some("Noreen M. Halvard"));
    }

    #[test]
    fn no_signature() {
        assert_eq!(find(&lines(&["Just text.", "More text."]), 0), None);
    }
}
