//! The signature block: date, judge, title, page; and where it begins, which is where the
//! body ends.

use super::Signature;
use crate::clean::reflow::TLine;
use crate::dates::{last_date, parse_date};
use crate::pattern::Pattern;
use regex::Regex;

fn re(p: &str) -> Regex {
    Regex::new(p).expect("static regex") // invariant: the patterns below are literals
}

/// A judge's or clerk's title as courts print it under the signature, possibly after the name
/// on the same line: "United States District Judge", "U.S. MAGISTRATE JUDGE", "U.S.D.J.",
/// "Circuit Judge", "Clerk of Court", "District Court Executive/Clerk of Court"; and the
/// abbreviations of judicial office that hold a "J." for judge or justice ("J.S.C.", judge of
/// the Superior Court; "P.J.Cv.", presiding judge, civil; "C.J.A.D.", "J.A.D."), but not a
/// lawyer's degree ("J.D.").
const TITLE_WORDS: &str = r"(?:the\s+)?(?:chief\s+|senior\s+|presiding\s+)?(?:united\s+states\s+|u\.\s?s\.\s+)?(?:chief\s+|senior\s+)?(?:district|magistrate|bankruptcy|circuit|administrative\s+law|tax\s+court)\s+(?:court\s+)?judge|u\.\s?s\.\s?[dmb]\.\s?j\.|usdj|usmj|(?:[a-z]{1,2}\.\s?){1,3}j\.(?:\s?[a-z]{1,2}\.){0,3}|j\.(?:\s?[a-z]{1,2}\.){2,3}|j\.\s?(?:[a-ce-z]|[a-z]{2})\.|(?:district\s+court\s+executive\s*/\s*)?(?:deputy\s+)?clerk(?:\s+of\s+(?:the\s+)?(?:united\s+states\s+)?court(?:\s+of\s+appeals)?(?:\s+for\s+the\s+[a-z]+(?:\s+[a-z]+)?\s+circuit)?)?|court\s+of\s+workers.{0,3}\s+compensat(?-u:\w)*(?:\s+claims)?|judge\s+of\s+the\s+[a-z ]+court";
static TITLE: Pattern = Pattern::new(|| re(&format!(r"(?i)(?:^|[\s,]+)({TITLE_WORDS})\.?\s*$")));
/// The title first and the name after it, as some forms print them ("U. S. District Judge
/// JANE Q. ROE").
static TITLE_FIRST: Pattern = Pattern::new(|| re(&format!(r"(?i)^({TITLE_WORDS})\s+(\S.*)$")));
static NAME_JUDGE: Pattern = Pattern::new(|| {
    re(r"^(?:/s/\s*)?((?:hon(?:orable)?\.?\s+)?[A-Z][A-Za-z.'’ -]{2,60}),\s+((?i:judge))\.?$")
});
static SO_ORDERED: Pattern = Pattern::new(|| re(r"(?i)\b(it\s+is\s+)?so\s+ordered\b"));
static DATE_LINE: Pattern =
    Pattern::new(|| re(r"(?i)^\s*(dated|date|entered|signed|filed|issued)\b|\bday\s+of\b"));
static FOR_THE_COURT: Pattern = Pattern::new(|| {
    re(r"(?i)^(entered\s+)?(for|by)\s+the\s+court(?:\s*[-–,]\s*by\s+direction)?:?$")
});
static HONORIFIC: Pattern = Pattern::new(|| {
    re(r"(?i)^(?:/s/\s*|s/\s*|hon\.\s*|honorable\s+|the\s+honorable\s+|judge\s+)+")
});
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
        // Letters typed one to a blank ("_O_c_t_o_b_e_r__2_9_,_2_0_2_0___", a double blank
        // between words), or a date typed over the line ("____A_u_g__u_s_t _7_, _2_0_2_4___").
        for t in [
            text.replace("__", " ").replace('_', ""),
            text.replace('_', ""),
        ] {
            if let Some(d) = parse_date(&t) {
                return Some(d);
            }
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

/// A line that holds a judge's or clerk's title: the title, the name printed on the same line
/// (before it, or after it on forms), and a date set at the line's end.
struct TitleLine {
    title: String,
    name: Option<String>,
    date: Option<String>,
}

fn title_line(text: &str) -> Option<TitleLine> {
    let t = text.trim();
    if t.len() > 110 {
        return None;
    }
    // A date beside the title ("Clerk of Court     October 20, 2025") is the block's date.
    let (t, date) = match last_date(t) {
        Some((s, e, d)) if e == t.len() && s > 0 => {
            (t[..s].trim_end().trim_end_matches(','), Some(d))
        }
        _ => (t, None),
    };
    if let Some(caps) = TITLE.get().captures(t) {
        let m = caps.get(1)?;
        let before = t[..m.start()].trim().trim_end_matches(',').trim();
        let name = Some(strip_honorific(before)).filter(|n| looks_like_name(n));
        // A sentence that ends in a title ("... referred to the Magistrate Judge.") is prose.
        if t.ends_with('.') && !m.as_str().ends_with('.') && name.is_none() && !before.is_empty() {
            return None;
        }
        return Some(TitleLine {
            title: m.as_str().trim().to_string(),
            name,
            date,
        });
    }
    // "Hon. Jane Roe, Judge": a bare "Judge" is a title only after a name.
    if let Some(c) = NAME_JUDGE.get().captures(t) {
        let name = strip_honorific(&c[1]);
        if looks_like_name(&name) {
            return Some(TitleLine {
                title: c[2].trim().to_string(),
                name: Some(name),
                date,
            });
        }
    }
    let caps = TITLE_FIRST.get().captures(t)?;
    let name = strip_honorific(caps.get(2)?.as_str());
    looks_like_name(&name).then(|| TitleLine {
        title: caps[1].trim().to_string(),
        name: Some(name),
        date,
    })
}

/// A line that belongs to a signature block, not to the text above it: a rule, "/s/", "FOR THE
/// COURT:", "SO ORDERED", a date line, a place ("New York, New York"), a name.
fn block_line(t: &str) -> bool {
    let t = t.trim();
    t.is_empty()
        || is_rule(t)
        || t.starts_with("/s/")
        || t.starts_with("s/")
        || FOR_THE_COURT.get().is_match(t)
        || SO_ORDERED.get().is_match(t) && t.len() < 60
        || DATE_LINE.get().is_match(t) && t.len() < 80
        || date_of(t).is_some() && t.len() < 40
        || looks_like_name(&strip_honorific(t))
        || t.len() < 40 && !t.ends_with('.')
}

/// Find the signature block among the body lines starting at `from`.
pub fn find(lines: &[TLine], from: usize) -> Option<Found> {
    let so = (from..lines.len())
        .rev()
        .find(|&i| SO_ORDERED.get().is_match(&lines[i].text));
    let region_start = so.unwrap_or(from + (lines.len().saturating_sub(from)) / 3);
    // A long title may wrap ("Clerk of the United States Court of" / "Appeals for the Eleventh
    // Circuit"): a line that ends on a joining word is read with the next.
    let Some((title_at, span, found)) = (region_start..lines.len()).find_map(|i| {
        if let Some(f) = title_line(&lines[i].text) {
            return Some((i, 1, f));
        }
        let t = lines[i].text.trim_end();
        let last = t.rsplit(' ').next().unwrap_or("").to_lowercase();
        if !["of", "for", "the", "and", "to"].contains(&last.as_str()) {
            return None;
        }
        let next = lines.get(i + 1)?;
        title_line(&format!("{t} {}", next.text.trim())).map(|f| (i, 2, f))
    }) else {
        return dated_only(lines, region_start);
    };
    let title = found.title;

    // The name: on the title's line, or on a line just above.
    let mut judge = found.name;
    let mut start = title_at;
    if judge.is_none() {
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
    // The date: beside the title, on a "Dated:" line in the block or just above it (the
    // lines between it and the name all block lines), or just below the title.
    let mut date = found.date;
    let mut above = start;
    while above > from && above > so.map_or(0, |s| s + 1) && start - above < 6 {
        if !block_line(&lines[above - 1].text) {
            break;
        }
        above -= 1;
    }
    if date.is_none() {
        for i in above..(title_at + 3).min(lines.len()) {
            let t = &lines[i].text;
            if DATE_LINE.get().is_match(t) || (i > title_at && date_of(t).is_some()) {
                if let Some(d) =
                    date_of(t).or_else(|| lines.get(i + 1).and_then(|n| date_of(&n.text)))
                {
                    date = Some(d);
                    start = start.min(i);
                    break;
                }
            }
        }
    }
    // Rules, "/s/" lines, "FOR THE COURT:" and a date line left blank ("Dated: ______",
    // "Dated this ___ day of ____") above the name belong to the block too.
    while start > above && start > 0 {
        let t = lines[start - 1].text.trim();
        let blank_date =
            DATE_LINE.get().is_match(t) && (t.contains("__") || t.trim_end().ends_with(':'));
        if is_rule(t) || t.starts_with("/s/") || FOR_THE_COURT.get().is_match(t) || blank_date {
            start -= 1;
        } else {
            break;
        }
    }
    let end = (title_at + span).min(lines.len());
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
            "HONORABLE RENÉ DUVALLE JR.",
            "UNITED STATES DISTRICT COURT JUDGE",
        ]);
        let f = find(&l, 0).unwrap();
        assert_eq!(f.signature.judge.as_deref(), Some("RENÉ DUVALLE JR."));
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

    fn sig(texts: &[&str]) -> Signature {
        find(&lines(texts), 0)
            .map(|f| f.signature)
            .unwrap_or_default()
    }

    #[test]
    fn blocks_of_courts_across_the_country() {
        // S.D.N.Y.: "SO ORDERED.", the place and the date on two lines, the judge under a rule.
        let s = sig(&[
            "The Clerk of Court is respectfully directed to close the case.",
            "SO ORDERED.",
            "Dated: New York, New York",
            "March 3, 2024",
            "______________________________",
            "JANE Q. ROE",
            "United States District Judge",
        ]);
        assert_eq!(s.date.as_deref(), Some("2024-03-03"));
        assert_eq!(s.judge.as_deref(), Some("JANE Q. ROE"));
        // D.D.C.: the date under the title.
        let s = sig(&[
            "SO ORDERED.",
            "JOHN P. DOE",
            "United States District Judge",
            "Date: April 9, 2024",
        ]);
        assert_eq!(
            (s.judge.as_deref(), s.date.as_deref()),
            (Some("JOHN P. DOE"), Some("2024-04-09"))
        );
        // D.N.J.: the name and "U.S.D.J." on one line.
        let s = sig(&[
            "IT IS SO ORDERED.",
            "/s/ Mary R. Poe",
            "MARY R. POE, U.S.D.J.",
        ]);
        assert_eq!(
            (s.judge.as_deref(), s.title.as_deref()),
            (Some("MARY R. POE"), Some("U.S.D.J."))
        );
        // State courts' abbreviations of office: "J.S.C.", "P.J. Cv.", "C.J.A.D.".
        for (line, title) in [
            ("HON. DANA R. ROE, J.S.C.", "J.S.C."),
            ("HON. DANA R. ROE, P.J. CV.", "P.J. CV."),
            ("DANA R. ROE, C.J.A.D.", "C.J.A.D."),
        ] {
            let s = sig(&["IT IS SO ORDERED.", "/s/ Dana R. Roe", line]);
            assert_eq!(s.title.as_deref(), Some(title), "{line}");
            assert!(
                s.judge
                    .as_deref()
                    .is_some_and(|j| j.to_uppercase().contains("DANA R. ROE")),
                "{line}: {s:?}"
            );
        }
        // A lawyer's degree is no office.
        assert!(!TITLE.get().is_match("DANA R. ROE, J.D."));
        assert!(TITLE.get().is_match("DANA R. ROE, J.A.D."));
        // A clerk's order signed by a deputy in the clerk's name, the date beside the title.
        let s = sig(&[
            "IT IS FURTHER ORDERED that the hearing is vacated.",
            "MARY A. SMITH",
            "District Court Executive/Clerk of Court        October 20, 2025",
            "s/ J. Doe",
            "By Deputy Clerk",
        ]);
        assert_eq!(s.judge.as_deref(), Some("MARY A. SMITH"));
        assert_eq!(
            s.title.as_deref(),
            Some("District Court Executive/Clerk of Court")
        );
        assert_eq!(s.date.as_deref(), Some("2025-10-20"));
        // A circuit clerk.
        let s = sig(&[
            "The motion is granted.",
            "FOR THE COURT:",
            "Molly Q. Public",
            "Clerk of Court",
        ]);
        assert_eq!(
            (s.judge.as_deref(), s.title.as_deref()),
            (Some("Molly Q. Public"), Some("Clerk of Court"))
        );
        // A form that prints the title before the name.
        let s = sig(&["July 12, 2024", "Date", "U. S. District Judge JANE ROE"]);
        assert_eq!(
            (s.judge.as_deref(), s.title.as_deref()),
            (Some("JANE ROE"), Some("U. S. District Judge"))
        );
        // The title with a period, as some e-signed blocks end.
        let s = sig(&[
            "DATED this 29th day of May, 2024 /s/Jane Q. Roe",
            "Honorable Jane Q. Roe",
            "United States Magistrate Judge.",
        ]);
        assert_eq!(
            (s.judge.as_deref(), s.date.as_deref()),
            (Some("Jane Q. Roe"), Some("2024-05-29"))
        );
    }

    #[test]
    fn a_date_above_the_text_is_not_the_blocks() {
        let s = sig(&[
            "Entered: January 3, 2024",
            "These three appeals are consolidated for briefing and argument before the panel.",
            "By the Court:",
            "/s/ Molly Q. Public, Clerk",
        ]);
        assert_eq!(s.judge.as_deref(), Some("Molly Q. Public"));
        assert_eq!(s.date, None);
        let f = find(
            &lines(&[
                "Entered: January 3, 2024",
                "These three appeals are consolidated for briefing and argument before the panel.",
                "By the Court:",
                "/s/ Molly Q. Public, Clerk",
            ]),
            0,
        )
        .unwrap();
        assert_eq!(f.start, 2, "the body keeps its text");
    }

    #[test]
    fn a_sentence_ending_in_a_title_is_no_block() {
        assert_eq!(
            find(
                &lines(&["The matter was referred to the assigned Magistrate Judge."]),
                0
            ),
            None
        );
    }
}
