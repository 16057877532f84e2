//! C.D. Cal.-style CIVIL / CRIMINAL MINUTES forms: a boxed header of labelled fields instead of
//! a pleading caption. "Case No." and "Date", "Title" (the parties), "Present: The Honorable"
//! (the judge, who signs nothing: the form is entered by the deputy clerk), "Proceedings:"
//! (what the order is about). The body starts after the proceedings line.

use super::caption::case_numbers;
use super::{Caption, Party, Signature};
use crate::dates::parse_date;
use crate::pattern::Pattern;
use crate::pdf::Line;
use regex::Regex;

static PRESENT: Pattern = Pattern::new(|| {
    Regex::new(r"(?i)^present:?\s*(?:the\s+)?honorable\s+(.+?)(?:,\s*|\s+)((?:chief\s+|senior\s+)?(?:united\s+states\s+|u\.\s?s\.\s+)?(?:district|magistrate|bankruptcy)\s+judge)\b")
        .expect("static regex") // invariant: the pattern is a literal
});

static PAGE_OF: Pattern =
    Pattern::new(|| Regex::new(r"\s*Page [0-9]+ of [0-9]+\s*$").expect("static regex")); // invariant: literal

/// Is this page-1 text a minutes form?
pub fn is_minutes(texts: &[String]) -> bool {
    texts.iter().take(8).any(|t| {
        let u = t.to_uppercase();
        u.contains("MINUTES")
            && (u.contains("CIVIL") || u.contains("CRIMINAL") || u.contains("GENERAL"))
    })
}

/// The line where the form's body ends: the deputy clerk's "Initials of Preparer" box.
pub fn body_end(texts: &[&str]) -> Option<usize> {
    let mut end = texts.iter().position(|t| t.contains("Initials of"))?;
    // The minutes-in-court box (": 25") sits just above it.
    while end > 0
        && texts[end - 1]
            .trim()
            .chars()
            .all(|c| c == ':' || c.is_ascii_digit() || c.is_whitespace())
    {
        end -= 1;
    }
    Some(end)
}

/// Fill `cap` from the form's fields (court already set); return how many lines the header
/// spans and the signature the form stands for (judge, title, date), if it names them.
pub fn read(lines: &[Line], texts: &[String], cap: &mut Caption) -> (usize, Option<Signature>) {
    let mut date = None;
    let mut signature = None;
    let mut end = 0;
    let mut i = 0;
    while i < texts.len() && i < 40 {
        let t = texts[i].trim();
        let lower = t.to_lowercase();
        if lower.starts_with("case no") {
            cap.case_numbers = case_numbers(t);
            if let Some(at) = lower.find("date") {
                date = parse_date(&t[at..]);
            }
        } else if let Some(rest) = t.strip_prefix("Title").or_else(|| t.strip_prefix("TITLE")) {
            let rest = PAGE_OF.get().replace(rest, "");
            cap.parties = parties(rest.trim_start_matches(':').trim());
        } else if let Some(c) = PRESENT.get().captures(t) {
            let judge = c[1].trim().trim_end_matches(',').to_string();
            cap.judge = Some(judge.clone());
            signature = Some(Signature {
                date: None,
                judge: Some(judge),
                title: Some(c[2].trim().to_string()),
                page: Some(1),
            });
        } else if lower.starts_with("proceedings") {
            // The proceedings text, and its continuation lines set at the same indent.
            let first = t.split_once(':').map_or("", |(_, r)| r).trim().to_string();
            let indent = lines[i]
                .words
                .iter()
                .find(|w| !w.text.ends_with(':'))
                .map_or(0.0, |w| w.bbox.x0);
            let mut title = first;
            let mut j = i + 1;
            while j < lines.len() && (lines[j].bbox.x0 - indent).abs() < 4.0 && j < i + 8 {
                title.push(' ');
                title.push_str(texts[j].trim());
                j += 1;
            }
            cap.title = Some(title.trim().to_string()).filter(|t| !t.is_empty());
            end = j;
            break;
        }
        i += 1;
    }
    if let Some(s) = signature.as_mut() {
        s.date = date;
    }
    (end, signature)
}

/// "Martin J. Ravell v. Northbridge East Asset Management, LLC" → the two sides.
fn parties(title: &str) -> Vec<Party> {
    let split = [" v. ", " vs. ", " V. ", " VS. ", " V ", " v "]
        .iter()
        .find_map(|sep| title.split_once(sep));
    match split {
        Some((p, d)) => vec![
            Party {
                name: p.trim().trim_end_matches(',').to_string(),
                role: "plaintiff".into(),
            },
            Party {
                name: d.trim().trim_end_matches(',').to_string(),
                role: "defendant".into(),
            },
        ],
        None if !title.is_empty() => vec![Party {
            name: title.to_string(),
            role: "other".into(),
        }],
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn present_line() {
        let c = PRESENT
            .get()
            .captures("Present: The Honorable HELEN K. OYE, UNITED STATES DISTRICT JUDGE")
            .unwrap();
        assert_eq!(&c[1], "HELEN K. OYE");
        assert_eq!(&c[2], "UNITED STATES DISTRICT JUDGE");
    }

    #[test]
    fn title_line_parties() {
        let p = parties("Dana Roe v. Bright Harbor Studios US, et al.");
        assert_eq!(p[0].name, "Dana Roe");
        assert_eq!(p[1].name, "Bright Harbor Studios US, et al.");
        assert_eq!(p[1].role, "defendant");
    }
}
