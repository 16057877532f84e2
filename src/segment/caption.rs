//! The caption of page 1: court, case numbers, parties with roles, title, attorney block.
//!
//! Reads the two-column layout by geometry: a column of ")" (or ":", "§", or the "|" OCR reads
//! of a ruled line) separators, or a right column that starts at one x, splits party names
//! (left) from case number and title (right); stacked appellate captions and centred titles run
//! across. The caption ends at the first line of prose (after an appellate recital, at the party
//! table that follows it).
//! Party lines go to `parties`; a C.D. Cal. minutes form goes to `minutes`. Never invents text.

use super::courts;
use super::parties::{parties, role_of};
use super::{minutes, Caption, Signature};
use crate::case_number;
use crate::pattern::Pattern;
use crate::pdf::Line;
use regex::Regex;

fn re(p: &str) -> Regex {
    Regex::new(p).expect("static regex") // invariant: the patterns below are literals
}

/// A case number with its label, to the end of the line.
static CASE_LABEL: Pattern = Pattern::new(|| {
    re(
        r"(?i)\s*\b(?:case|civil|criminal|docket|action|civil action)?\s*(?:no|nos|number)\.?\s*:?\s*\S*[0-9].*$",
    )
});

static TITLE: Pattern = Pattern::new(|| {
    re(
        r"(?i)^\[?(?:\[?proposed\]?\s+|redacted\s+|amended\s+|stipulated\s+|supplemental\s+|final\s+|further\s+|joint\s+|second\s+|first\s+|preliminary\s+|temporary\s+|corrected\s+|expedited\s+|memorandum\s+|report\s+and\s+|tentative\s+)*(order|opinion|memorandum|judgment|stipulation|report|findings|notice|decision|decree|injunction|civil minutes|criminal minutes|minute|hearing|declaration|motion|scheduling|case management|pretrial|ruling|permanent|consent|default|statement|verdict|writ|mandate|application|complaint|petition|reply|opposition|response)\b",
    )
});

static JUDGE: Pattern = Pattern::new(|| {
    re(
        // "Judge Warren M. Hollis", "Judge: Hon. Ruth J. Calloway", "Hon. Peter W. Okafor"
        // (a prefix is required: a bare name in the right column is no judge).
        r"^(?:(?:Judge|JUDGE):?\s+(?:(?:Hon\.|HON\.|Honorable|HONORABLE|The Honorable)\s+)?|(?:Hon\.|HON\.|Honorable|HONORABLE|The Honorable)\s+)([A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.']*){1,4})\s*$",
    )
});

/// A labelled field of a caption's right column ("Date: May 1, 2024", "Judge: Hon. ...",
/// "Complaint Filed: ..."): a few words and a colon at the start of the line.
static LABEL_LINE: Pattern = Pattern::new(|| {
    re(
        r"^(?:[A-Z][a-z][A-Za-z .'/&-]{0,23}|DATE|TIME|JUDGE|DEPT|DEPARTMENT|CTRM|COURTROOM|PLACE|LOCATION|HEARING(?: DATE)?|TRIAL(?: DATE)?|(?:ACTION|COMPLAINT|PETITION) FILED|(?:MAGISTRATE|DISTRICT) JUDGE):\s*\S",
    )
});

/// An author line: "JANE Q. ROE, United States District Judge:", "ROE, District Judge.",
/// "BECKERMAN, U.S. Magistrate Judge." (a rule's "x" may stand before it).
static AUTHOR: Pattern = Pattern::new(|| {
    re(
        r"^(?:[-_= x]*\s)?([A-Z][A-Za-z.'’ -]{1,60}?),\s+(?:(?:Chief|Senior)\s+)?(?:United\s+States\s+|U\.\s?S\.\s+)?(?:(?:Chief|Senior)\s+)?(?:District|Magistrate|Bankruptcy|Circuit)\s+Judge[.:]?\s*$",
    )
});

/// Case numbers as printed in `text`, in order ([`case_number::find`]).
pub fn case_numbers(text: &str) -> Vec<String> {
    case_number::printed(text)
}

/// The caption's numbers normalized and their judges' initials, read in the caption's court
/// (which decides what a bare `yy-nnnnn` is). `found` holds the numbers with their labels.
/// An office digit printed only in the CM/ECF stamp is not added: `ecf` keeps its own
/// normalized number (docs/case-numbers.md).
fn normalize_all(cap: &mut Caption, found: &[case_number::Printed]) {
    let court = case_number::court_of(cap.court.as_deref().unwrap_or(""), cap.court_id.as_deref());
    cap.case_numbers_normalized.clear();
    cap.case_judges.clear();
    for n in found {
        let Some(parsed) = case_number::parse(&n.text, n.label, court) else {
            continue;
        };
        let key = case_number::normalized(&parsed);
        if !cap.case_numbers_normalized.contains(&key) {
            cap.case_numbers_normalized.push(key);
        }
        for j in parsed.judges {
            if !cap.case_judges.contains(&j) {
                cap.case_judges.push(j);
            }
        }
    }
}

pub(crate) fn upper_share(text: &str) -> f64 {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return 0.0;
    }
    letters.iter().filter(|c| c.is_uppercase()).count() as f64 / letters.len() as f64
}

/// Does this line name a court?
pub(crate) fn is_court_line(text: &str) -> bool {
    let t = text.to_uppercase();
    let court = t.contains("COURT") || t.contains("TRIBUNAL");
    let kind = [
        "UNITED STATES",
        "DISTRICT",
        "SUPREME",
        "APPEALS",
        "BANKRUPTCY",
        "CIRCUIT",
        "STATE OF",
        "COMPENSATION",
        "TAX",
        "SUPERIOR",
        "CLAIMS",
        "COUNTY",
    ]
    .iter()
    .any(|k| t.contains(k));
    // Printed in capitals, or in title case when it names the court in full ("United States
    // Court of Appeals for the Federal Circuit").
    let titled = (t.starts_with("UNITED STATES")
        || t.starts_with("IN THE")
        || t.starts_with("SUPREME COURT"))
        && !text.trim_end().ends_with('.');
    court
        && kind
        && (upper_share(text) > 0.6 || titled)
        && !t.contains("CLERK")
        && !t.contains("FILED")
        && text.len() < 120
}

fn continues_court(text: &str) -> bool {
    let t = text.to_uppercase();
    // "For the First Circuit" under "United States Court of Appeals" is in title case.
    let titled = t.starts_with("FOR THE ") && (t.contains("CIRCUIT") || t.contains("DISTRICT"));
    (upper_share(text) > 0.75 || titled)
        && text.len() < 90
        && [
            "DISTRICT", "DIVISION", "CIRCUIT", "COUNTY", "FOR THE", "OF ", "CLAIMS", "AT ",
        ]
        .iter()
        .any(|k| t.contains(k))
        && !t.contains(')')
        && role_of(text).is_none()
        && case_numbers(text).is_empty()
        && !TITLE.get().is_match(text.trim())
}

fn precedes_court(text: &str) -> bool {
    let t = text.to_uppercase();
    upper_share(text) > 0.8
        && ["BUREAU", "DEPARTMENT", "STATE OF", "COMMONWEALTH", "IN THE"]
            .iter()
            .any(|k| t.contains(k))
        && !t.contains("PUBLICATION")
}

fn is_attorney_like(text: &str) -> bool {
    let t = text.to_lowercase();
    [
        "attorney",
        "bar no",
        "esq",
        "counsel for",
        "telephone",
        "facsimile",
        "fax",
        "@",
        "llp",
        "suite",
        "sbn",
        "law office",
        "p.c.",
    ]
    .iter()
    .any(|k| t.contains(k))
}

/// A caption line cut at the column split: (left, right), or the whole line when it runs across
/// the split without a separator or a gap (a centred title under a two-column table).
enum Cut {
    Columns(String, String),
    Across(String),
}

fn split_line(line: &Line, sep: Option<f64>, page_mid: f64) -> Cut {
    let Some(x) = sep else {
        return Cut::Columns(line.text(), String::new());
    };

    let is_sep = |t: &str| matches!(t, ")" | ":" | "§" | ")(" | "))" | "|" | "]" | "][");
    let mut left: Vec<&crate::pdf::Word> = Vec::new();
    let mut right: Vec<&crate::pdf::Word> = Vec::new();
    let mut had_sep = false;
    for w in &line.words {
        if is_sep(&w.text) && (w.bbox.x0 - x).abs() < 8.0 {
            had_sep = true;
        } else if w.bbox.x0 > x {
            right.push(w);
        } else {
            left.push(w);
        }
    }
    let join = |ws: &[&crate::pdf::Word]| {
        ws.iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    if !had_sep {
        // A word that starts at the right column's edge is the column's, however close the
        // left column's words come (the column is left-aligned).
        let at_column = right
            .first()
            .is_some_and(|r| (r.bbox.x0 - (x + 4.0)).abs() < 3.0);
        match (left.last(), right.first()) {
            // Words on both sides with no gap between: a line across the table.
            (Some(l), Some(r)) if r.bbox.x0 - l.bbox.x1 < 2.0 * r.size.max(6.0) && !at_column => {
                return Cut::Across(line.text())
            }
            (Some(_), Some(_)) => {}
            // A centred line on one side belongs to neither column ("OF REORGANIZATION").
            _ => {
                let mid = (line.bbox.x0 + line.bbox.x1) / 2.0;
                if (mid - page_mid).abs() < 0.12 * page_mid && line.bbox.x0 > 0.5 * page_mid {
                    return Cut::Across(line.text());
                }
            }
        }
    }
    Cut::Columns(join(&left), join(&right))
}

/// The x of the separator column, or of the right column's left edge.
fn find_split(lines: &[Line], width: f64) -> Option<f64> {
    let mut seps: Vec<f64> = lines
        .iter()
        .flat_map(|l| &l.words)
        .filter(|w| {
            matches!(
                w.text.as_str(),
                ")" | ":" | "§" | ")(" | "))" | "|" | "]" | "]["
            ) && w.bbox.x0 > 0.3 * width
                && w.bbox.x0 < 0.7 * width
        })
        .map(|w| w.bbox.x0)
        .collect();
    seps.sort_by(f64::total_cmp);
    let mut best: Option<(usize, f64)> = None;
    for &x in &seps {
        let n = seps.iter().filter(|y| (*y - x).abs() < 6.0).count();
        if n >= 3 && best.is_none_or(|(bn, _)| n > bn) {
            best = Some((n, x));
        }
    }
    if let Some((_, x)) = best {
        return Some(x - 2.0);
    }
    // A right column: words starting at a common x in the right half, after a wide gap (or
    // first on their line). A left-aligned column holds its x however long the party names
    // beside it run, so a word at that x after a narrower gap (more than a space) counts too,
    // once a wide-gap start has shown the column.
    let mut strong: Vec<f64> = Vec::new();
    let mut weak: Vec<f64> = Vec::new();
    // Starts after a wide gap with the right edge of their line: a right column may be set
    // flush right (its lines end at one x), not flush left.
    let mut flush: Vec<(f64, f64)> = Vec::new();
    for l in lines {
        if let Some(pair) = l.words.windows(2).find(|p| {
            p[1].bbox.x0 - p[0].bbox.x1 > 3.0 * p[1].size.max(6.0) && p[1].bbox.x0 > 0.4 * width
        }) {
            flush.push((pair[1].bbox.x0, l.bbox.x1));
        }
        for pair in l.words.windows(2) {
            let gap = pair[1].bbox.x0 - pair[0].bbox.x1;
            let size = pair[1].size.max(6.0);
            if pair[1].bbox.x0 > 0.4 * width {
                if gap > 3.0 * size {
                    strong.push(pair[1].bbox.x0);
                } else if gap > 0.8 * size {
                    weak.push(pair[1].bbox.x0);
                }
            }
        }
        if let Some(w) = l.words.first() {
            if w.bbox.x0 > 0.45 * width && w.bbox.x0 < 0.7 * width {
                strong.push(w.bbox.x0);
            }
        }
    }
    let mut best: Option<(usize, f64)> = None;
    for &x in &strong {
        let near: Vec<f64> = strong
            .iter()
            .copied()
            .filter(|y| (*y - x).abs() < 12.0)
            .collect();
        let aligned = weak.iter().filter(|y| (*y - x).abs() < 3.0).count();
        let n = near.len() + aligned;
        let min = near.iter().copied().fold(f64::MAX, f64::min);
        if n >= 2 && best.is_none_or(|(bn, _)| n > bn) {
            best = Some((n, min));
        }
    }
    if best.is_none() {
        for &(_, right) in &flush {
            let same: Vec<f64> = flush
                .iter()
                .filter(|(_, r)| (r - right).abs() < 3.0)
                .map(|(x, _)| *x)
                .collect();
            if same.len() >= 2 && right > 0.6 * width {
                let min = same.iter().copied().fold(f64::MAX, f64::min);
                return Some(min - 4.0);
            }
        }
    }
    best.map(|(_, x)| x - 4.0)
}

/// A line of prose: wide, mostly lower case, no column gap.
fn is_prose(line: &Line, width: f64) -> bool {
    let text = line.text();
    let wide = line.bbox.x1 - line.bbox.x0 > 0.5 * width;
    // A short sentence ends in a period and reads as prose: several lower-case words, which a
    // party's name ("Harbor Point Capital Management, L.P., et al.") does not have.
    let lower_words = line
        .words
        .iter()
        .filter(|w| w.text.chars().next().is_some_and(char::is_lowercase))
        .count();
    let sentence = line.words.len() >= 5
        && lower_words >= 3
        && text.trim_end().ends_with(['.', ':'])
        && line.bbox.x0 < 0.35 * width;
    let gap = line
        .words
        .windows(2)
        .any(|p| p[1].bbox.x0 - p[0].bbox.x1 > 3.0 * p[1].size.max(6.0));
    (wide || sentence)
        && !gap
        && upper_share(&text) < 0.5
        && !text.contains(" ) ")
        && role_of(&text).is_none()
}

/// A clerk's "FILED" stamp in the top right corner (FILED / date / court / clerk's name) is
/// not caption: its words are taken out. The stamp is the word "FILED" alone on the right half
/// of a line in the top third, and the words under it, in its column, on the next nine lines.
fn drop_filed_stamp(lines: &[Line], width: f64) -> Vec<Line> {
    let mut out: Vec<Line> = lines.to_vec();
    let Some((at, x)) = lines.iter().enumerate().take(15).find_map(|(i, l)| {
        let right: Vec<&crate::pdf::Word> = l
            .words
            .iter()
            .filter(|w| w.bbox.x0 > 0.55 * width)
            .collect();
        (right.len() == 1 && right[0].text.eq_ignore_ascii_case("FILED"))
            .then(|| (i, right[0].bbox.x0))
    }) else {
        return out;
    };
    let column = x - 0.12 * width;
    for l in out.iter_mut().skip(at).take(10) {
        // The stamp's part of a line: its last words, from column on, set apart by a gap.
        let column = column.max(0.5 * width);
        let k = (0..l.words.len()).find(|&k| {
            l.words[k].bbox.x0 >= column
                && (k == 0
                    || l.words[k].bbox.x0 - l.words[k - 1].bbox.x1 > 2.0 * l.words[k].size.max(6.0))
        });
        if let Some(k) = k {
            let keep = l.words[..k].to_vec();
            *l = Line::from_words(keep);
        }
    }
    // Emptied lines stay, so that line counts still index the page's lines.
    out
}

/// Find the caption on the first page's lines. Returns it and how many of the lines it spans
/// (the body begins after them), plus warnings.
pub fn find(lines: &[Line], width: f64) -> (Caption, usize, Vec<String>, Option<Signature>) {
    let mut warnings = Vec::new();
    let mut cap = Caption::default();
    let lines = &drop_filed_stamp(lines, width);
    let texts: Vec<String> = lines.iter().map(Line::text).collect();
    let limit = texts.len().min(40);
    let Some(mut court_at) = (0..limit).find(|&i| is_court_line(&texts[i])) else {
        warnings.push("no court name found in the caption".to_string());
        return (cap, 0, warnings, None);
    };
    if court_at > 0 && precedes_court(&texts[court_at - 1]) {
        court_at -= 1;
    }
    // The court's lines sit under one another; lines off to the side (a clerk's FILED stamp)
    // are stepped over.
    let court_line = (court_at..texts.len())
        .find(|&i| is_court_line(&texts[i]))
        .unwrap_or(court_at);
    let (cx0, cx1) = (lines[court_line].bbox.x0, lines[court_line].bbox.x1);
    let mut court_lines: Vec<usize> = (court_at..=court_line).collect();
    let mut court_end = court_line + 1;
    let mut i = court_end;
    while i < texts.len() && i < court_end + 3 {
        let mid = (lines[i].bbox.x0 + lines[i].bbox.x1) / 2.0;
        if mid < cx0 || mid > cx1 {
            i += 1;
            continue;
        }
        if !continues_court(&texts[i]) {
            break;
        }
        court_lines.push(i);
        i += 1;
        court_end = i;
    }
    let court = court_lines
        .iter()
        .map(|&i| texts[i].as_str())
        .collect::<Vec<_>>()
        .join(" ");
    cap.court_id = courts::court_id(&court).map(str::to_string);
    if cap.court_id.is_none() {
        warnings.push(format!("court not in the court table: {court:?}"));
    }
    cap.court = Some(court);
    if minutes::is_minutes(&texts) {
        let (end, signature) = minutes::read(lines, &texts, &mut cap);
        let found = case_number::find(&cap.case_numbers.join("\n"));
        normalize_all(&mut cap, &found);
        if cap.title.is_none() {
            warnings.push("minutes form without a Proceedings line".to_string());
        }
        return (cap, end, warnings, signature);
    }
    let before: Vec<&String> = texts[..court_at].iter().collect();
    if before.iter().any(|t| is_attorney_like(t)) {
        cap.attorneys = before.iter().map(|t| t.to_string()).collect();
    }

    // The caption table runs from the court to the first line of prose.
    let mut start = court_end;
    let mut end = (court_end..texts.len())
        .find(|&i| is_prose(&lines[i], width))
        .unwrap_or(texts.len());
    // Appellate orders set a recital ("At a Stated Term of ...") and the panel between the
    // court and the parties' table: when the first table holds no party, take the table that
    // follows the recital.
    let has_party = |from: usize, to: usize| {
        (from..to).any(|i| {
            role_of(&texts[i]).is_some()
                || texts[i].split(", ").any(|p| role_of(p).is_some())
                || texts[i].to_lowercase().contains("docket no")
        })
    };
    if !has_party(start, end) {
        if let Some(k) = (end..texts.len().min(end + 15)).find(|&i| has_party(i, i + 1)) {
            let from = (end..k)
                .rev()
                .find(|&i| is_prose(&lines[i], width))
                .map_or(end, |i| i + 1);
            let to = (k..texts.len())
                .find(|&i| is_prose(&lines[i], width))
                .unwrap_or(texts.len());
            start = from;
            end = to;
        }
    }
    let table = &lines[start..end];
    let split = find_split(table, width);
    let mut left: Vec<String> = Vec::new();
    let mut right: Vec<String> = Vec::new();
    let mut across: Vec<String> = Vec::new();
    let mut stacked: Vec<(String, bool)> = Vec::new();
    for l in table {
        match split_line(l, split, width / 2.0) {
            Cut::Across(t) => {
                stacked.push((t.clone(), true));
                across.push(t);
            }
            Cut::Columns(a, b) => {
                // Parties read in order: the left column, lines across, and role words set
                // off to the right of a stacked appellate caption.
                if !a.is_empty() {
                    stacked.push((a.clone(), false));
                }
                if role_of(&b).is_some() {
                    stacked.push((b.clone(), false));
                }
                if !a.is_empty() {
                    left.push(a);
                }
                if !b.is_empty() {
                    right.push(b);
                }
            }
        }
    }
    // Each column read as one text, so that a label ends one line and its number starts the
    // next ("Civil Action No." / "22-1234 (ABC)").
    let mut found: Vec<case_number::Printed> = Vec::new();
    for column in [&left, &right, &across] {
        for n in case_number::find(&column.join("\n")) {
            if !found.iter().any(|f| f.text == n.text) {
                found.push(n);
            }
        }
    }
    // A number on a line that the table left out (a first line read as prose, a line set
    // beside the court's name) is still the caption's.
    if found.is_empty() {
        let skipped: Vec<&str> = (court_at..start)
            .filter(|i| !court_lines.contains(i))
            .map(|i| texts[i].as_str())
            .collect();
        found = case_number::find(&skipped.join("\n"));
    }
    cap.case_numbers = found.iter().map(|n| n.text.clone()).collect();
    normalize_all(&mut cap, &found);
    if cap.case_numbers.is_empty() {
        warnings.push("no case number found in the caption".to_string());
    }

    // Title: in the right column, else among the stacked lines.
    // A title's footnote mark ("OPINION*") and a colon leading into the ruling ("ORDER:") are
    // not part of it.
    cap.title = title(&right, true)
        .or_else(|| title(&across, false))
        .or_else(|| title(&left, false))
        .map(|t| t.trim_end_matches(['*', ':', ' ', '†']).to_string())
        .filter(|t| !t.is_empty());
    cap.judge = right.iter().chain(across.iter()).find_map(|t| {
        let c = JUDGE.get().captures(t.trim())?;
        Some(c[1].trim().trim_end_matches(',').to_string())
    });
    if cap.title.is_none() {
        warnings.push("no document title found in the caption".to_string());
    }
    // A case number printed beside a name ("In re: GERALD P. WINSLOW  No. 21-456") is cut
    // off; a line that is only a case number or a title goes.
    // A line across the table that is part of the title is no party.
    let party_lines: Vec<String> = stacked
        .iter()
        .filter(|(t, across)| {
            !(*across
                && cap
                    .title
                    .as_deref()
                    .is_some_and(|title| title.contains(t.trim())))
        })
        .map(|(t, _)| t)
        .filter(|t| !TITLE.get().is_match(t.trim()) && !is_attorney_like(t))
        .map(|t| CASE_LABEL.get().replace(t, "").trim().to_string())
        .filter(|t| !t.is_empty() && case_numbers(t).is_empty())
        .collect();
    cap.parties = parties(&party_lines);
    if cap.parties.is_empty() {
        warnings.push("no parties found in the caption".to_string());
    }
    // The caption's closing rule and the author line under it ("RAYMOND Q. DOE, United States
    // District Judge:", as S.D.N.Y. and D.N.J. papers open) end the caption, not start the
    // body; the author is the caption's judge.
    while let Some(t) = texts.get(end).map(|t| t.trim()) {
        let rule = !t.is_empty()
            && t.chars()
                .all(|c| matches!(c, '-' | '_' | '=' | '*' | 'x' | 'X' | ' '));
        if rule {
            end += 1;
            continue;
        }
        if let Some(c) = AUTHOR.get().captures(t) {
            if cap.judge.is_none() {
                cap.judge = Some(c[1].trim().to_string());
            }
            end += 1;
        }
        break;
    }
    (cap, end, warnings, None)
}

/// The title among `lines` (one column of the caption, or its lines across). `named`: any
/// block of title lines counts if it names a kind of paper (the right column, which holds
/// nothing but case numbers, labels and the title); else a block must start with a title word
/// (the left column and the lines across also hold the parties).
fn title(lines: &[String], named: bool) -> Option<String> {
    // Letter-spaced titles ("O R D E R") are read as their words.
    let lines: Vec<String> = lines
        .iter()
        .map(|l| crate::classify::title::despace(l))
        .collect();
    let lines = &lines[..];
    // Every block that starts with a title word, joined: an order can carry two titles, one
    // under the other with its docket reference between ("ORDER GRANTING MOTION FOR FEES /
    // (ECF No. 26) / ORDER SEALING DOCKET NUMBERS 26-2 AND 26-3 ...").
    // A title in capitals, or a short one in title case ("Civil Case Assignment Order").
    let starts = |t: &str| {
        let t = t.trim();
        TITLE.get().is_match(t) && (upper_share(t) > 0.6 || title_case(t))
    };
    let block_end = |from: usize| {
        let mut j = from + 1;
        while lines.get(j).is_some_and(|t| {
            let t = t.trim();
            !title_stops(t) && (!named || title_like(t))
        }) {
            j += 1;
        }
        j
    };
    let mut i = if named {
        let mut found = None;
        let mut k = 0;
        while k < lines.len() {
            let t = lines[k].trim();
            if !title_like(t) || title_stops(t) {
                k += 1;
                continue;
            }
            let e = block_end(k);
            let text: Vec<&str> = lines[k..e].iter().map(|t| t.trim()).collect();
            if crate::classify::title::head(&text.join(" ")).is_some() {
                found = Some(k);
                break;
            }
            k = e;
        }
        found?
    } else {
        let mut i = lines.iter().position(|t| starts(t))?;
        // The title's first words may stand on lines above its head noun: the filer
        // ("PLAINTIFFS' UNOPPOSED") and its qualifiers.
        while i > 0 && continues_title_upward(lines[i - 1].trim()) {
            i -= 1;
        }
        i
    };
    let mut blocks: Vec<String> = Vec::new();
    loop {
        let e = block_end(i);
        let text: Vec<&str> = lines[i..e].iter().map(|t| t.trim()).collect();
        blocks.push(text.join(" "));
        i = e;
        // A second title follows only its docket reference, directly.
        let after_reference = lines
            .get(i)
            .is_some_and(|t| t.trim().starts_with(['(', '[']));
        match lines.get(i + 1) {
            Some(t) if after_reference && starts(t) => i += 1,
            _ => break,
        }
    }
    Some(blocks.join(" "))
}

/// A short line with every word capitalized but the small ones.
fn title_case(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (1..=10).contains(&words.len())
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| !c.is_alphabetic() || c.is_uppercase())
                || matches!(
                    *w,
                    "of" | "and" | "to" | "for" | "the" | "in" | "on" | "re" | "a"
                )
        })
}

/// A line that can be part of a title: in capitals, not a label, a case number, a party's
/// role or name line, or a caption marker ("CLASS ACTION", "JURY TRIAL DEMANDED").
fn title_like(t: &str) -> bool {
    let lower = t.to_lowercase();
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    // Caption markers are lines of their own; a title may start with the same word
    // ("REDACTED ORDER GRANTING ...").
    let marker = [
        "class action",
        "collective action",
        "jury trial demanded",
        "demand for jury trial",
        "under seal",
        "filed under seal",
        "redacted",
        "redacted version",
        "public version",
        "public redacted version",
        "all actions",
    ]
    .contains(&bare);
    !t.is_empty()
        && !marker
        && !title_stops(t)
        && role_of(t).is_none()
        && !lower.contains(" v.")
        && !lower.contains(" vs")
        && ![
            "hon.",
            "honorable",
            "the honorable",
            "magistrate judge",
            "district judge",
            "this document relates",
            "chapter ",
        ]
        .iter()
        .any(|k| lower.starts_with(k))
}

/// A line above a title's head noun that belongs to the title: a title line that does not
/// end the line before it (a party's name ends in a comma).
fn continues_title_upward(t: &str) -> bool {
    title_like(t) && !t.ends_with([',', ';', ':'])
}

/// A title ends at a reference line ("(ECF No. 26)", "[Re: Dkt. 5]"), a hearing block, a line
/// in lower case, or a case number.
fn title_stops(t: &str) -> bool {
    let lower = t.to_lowercase();
    t.starts_with(['(', '[']) && !lower.starts_with("[proposed")
        || [
            "re:",
            "judge",
            "case no",
            "civil action no",
            "criminal no",
            "docket no",
            // The posture of an appeal is no title ("ON WRIT OF CERTIORARI TO ...").
            "on writ of",
            "on writs of",
            "on petition for",
            "on petitions for",
            "on appeal",
            "appeal from",
            "appeals from",
            "date:",
            "time:",
            "ctrm",
            "courtroom",
            "complaint filed",
            "action filed",
            "trial date",
            "hearing date",
            "dept",
            "place:",
        ]
        .iter()
        .any(|k| lower.starts_with(k))
        || upper_share(t) < 0.6
        || !case_numbers(t).is_empty()
        || case_number::has_labelled_number(t)
        || LABEL_LINE.get().is_match(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_numbers(text: &str, want: &[&str]) {
        assert_eq!(case_numbers(text), want, "{text}");
    }

    #[test]
    fn case_number_forms() {
        check_numbers(
            "Case No. 8:16-cv-4794 QBP (XRFx)",
            &["8:16-cv-4794 QBP (XRFx)"],
        );
        check_numbers("No. 1:20-cv-04455-QNQ-ONZ", &["1:20-cv-04455-QNQ-ONZ"]);
        check_numbers("CASE NO. 2:20-SW-106 QO", &["2:20-SW-106 QO"]);
        check_numbers("Case No. CV 20-9886-TJ-WRZx", &["CV 20-9886-TJ-WRZx"]);
        check_numbers("Case No. 17-cv-08892-OYS", &["17-cv-08892-OYS"]);
        check_numbers("13 Civ. 8586 (CNR)", &["13 Civ. 8586 (CNR)"]);
        check_numbers(
            "Civil Action No. 3:18-cv-49764(OEZ)(GWO)",
            &["3:18-cv-49764(OEZ)(GWO)"],
        );
        check_numbers(
            "CASE NO. 1:18-cv-00472 NJV (RCT)",
            &["1:18-cv-00472 NJV (RCT)"],
        );
        check_numbers("Docket No. 2018-06-4253", &["2018-06-4253"]);
        check_numbers("2009-4594", &["2009-4594"]);
        check_numbers("MDL 15-07984-PHX-QTP", &["MDL 15-07984-PHX-QTP"]);
        check_numbers("No. C 04-0016 FV", &["C 04-0016 FV"]);
        check_numbers("ORDER GRANTING REQUEST FOR REDACTION", &[]);
    }

    #[test]
    fn judge_named_in_the_caption() {
        let judge = |t: &str| JUDGE.get().captures(t).map(|c| c[1].to_string());
        assert_eq!(
            judge("Judge Warren M. Hollis").as_deref(),
            Some("Warren M. Hollis")
        );
        assert_eq!(
            judge("Judge: Hon. Ruth J. Calloway").as_deref(),
            Some("Ruth J. Calloway")
        );
        assert_eq!(
            judge("Hon. Peter W. Okafor").as_deref(),
            Some("Peter W. Okafor")
        );
        assert_eq!(judge("ORDER GRANTING MOTION"), None);
    }
}
