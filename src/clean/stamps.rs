//! CM/ECF stamps: parse the filing stamp printed across the top (sometimes the bottom) of every
//! page of a federal court PDF, and combine the per-page stamps into the record's `Ecf`.
//!
//! A stamp is recognised by its shape, anchored at the start of the line: an optional court
//! prefix (`Case`, `Case:`, `Appeal:`, `USCA4 Appeal:`, `Appellate Case:`, `USCA11 Case:`,
//! `USCA Case #`), a case number, then labelled fields (`Document`, `Doc`, `DktEntry`, `Filed`,
//! `Date Filed`, `Entered`, `Desc`, `Page i of n`, `Pg`, `Pages`, `Page ID`, `Entry ID`, `ID`)
//! or the bare date and ID of the comma-separated 2d/9th Cir. forms. Each form needs its filing
//! date, a page number or count, and a document number or ID, so prose that merely mentions a
//! case number and a document is not taken for a stamp. Text after the last field is ignored
//! (it is not part of [`Stamp::text`]).
//!
//! What it never does: find the stamp lines (the caller picks them by position), join the two
//! lines of a wrapped stamp (the caller does, told by [`wraps_to_next_line`]), pull apart two
//! overlaid stamps whose words are interleaved on one line (that needs word positions), drop
//! text, or guess a field that is not printed.

use crate::case_number::{self, CaseNumber};
use crate::pattern::Pattern;
use regex::Regex;
use serde::{Deserialize, Serialize};

/// One stamp, parsed from one line (or two joined lines) of text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stamp {
    /// The stamp's form: `district`, `bankruptcy`, `ca1`..`ca11`, `cadc`, `cafc`, `acms` (the
    /// 2d/9th Cir. ACMS form without an ID), or `appellate` (a court of appeals form that
    /// cannot be told apart, e.g. the 3d Cir.'s, which the 5th Cir.'s shares).
    pub form: &'static str,
    /// Case number as printed, with spaces removed and dashes made ASCII hyphens.
    pub case_number: String,
    /// Document number (`34`, attachments `59-1`), 9th Cir. `DktEntry`, 4th Cir. `Doc`.
    pub document_number: Option<String>,
    /// Filing date, ISO (`2022-04-20`).
    pub filed: Option<String>,
    /// Page `i` of the filed document.
    pub page: Option<u32>,
    /// Page count `n` of the filed document.
    pub page_count: Option<u32>,
    /// `365` from `Page ID #:365`, `PageID: 1234`, `PageID.123`, `Pg ID 1`.
    pub page_id: Option<String>,
    /// Appellate `ID:` / `Entry ID:` (or the bare ID of the 2d Cir. form).
    pub entry_id: Option<String>,
    /// The matched stamp text, whitespace-normalised.
    pub text: String,
}

/// The record's `ecf` object.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Ecf {
    /// Case number of the first stamped page.
    pub case_number: Option<String>,
    /// The same in the canonical form of [`crate::case_number`] (`2:17-cv-01666`, bankruptcy
    /// `16-bk-24364`, appellate `19-01234`); None when it cannot be read whole.
    #[serde(default)]
    pub case_number_normalized: Option<String>,
    /// Judges' initials printed in that case number (`2:16-cv-06794-AB-JC`: AB, JC), upper
    /// case; none for an appellate number.
    #[serde(default)]
    pub case_judges: Vec<String>,
    /// Document number of the first stamped page.
    pub document_number: Option<String>,
    /// Filing date of the first stamped page, ISO.
    pub filed: Option<String>,
    /// Page count of the first stamped page.
    pub page_count: Option<u32>,
    /// The first stamped page's PageID, where printed.
    pub page_id: Option<String>,
    /// Every distinct stamp (by case number, document number and date), first seen first.
    pub stamps: Vec<StampSummary>,
}

/// One distinct stamp and the pages that carry it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct StampSummary {
    /// The stamp's form, as in [`Stamp::form`].
    pub form: std::borrow::Cow<'static, str>,
    /// Case number.
    pub case_number: String,
    /// The same, normalized as [`Ecf::case_number_normalized`].
    #[serde(default)]
    pub case_number_normalized: Option<String>,
    /// Document number.
    pub document_number: Option<String>,
    /// Filing date, ISO.
    pub filed: Option<String>,
    /// Page count, as first seen.
    pub page_count: Option<u32>,
    /// The 1-based PDF pages carrying this stamp.
    pub pages: Vec<usize>,
}

const DASH: &str = r"[-\x{2010}-\x{2015}\x{2212}]";
const DATE: &str = r"[0-9]{1,2} ?/ ?[0-9]{1,2} ?/ ?[0-9]{2,4}|[0-9]{4}-[0-9]{2}-[0-9]{2}";

/// Court prefix and case number, at the start of a whitespace-normalised line.
static HEAD: Pattern = Pattern::new(|| {
    let case = format!(
        r"(?:[0-9]{{1,2}} ?: ?)?[0-9]{{2}} ?{DASH} ?(?:[A-Za-z]{{1,4}} ?{DASH} ?)?[0-9]{{1,6}}(?: ?{DASH} ?(?:[A-Za-z]{{1,5}}|[0-9]{{1,2}}))*"
    );
    let prefix = r"USCA11 ?Case ?:?|USCA4 ?Appeal ?:?|USCA ?Case ?#?:?|Appellate ?Case ?:?|Appeal ?:?|(?i:case) ?:?";
    // A constant pattern: failing to compile is a programming error caught by every test.
    Regex::new(&format!(r"^(?:(?P<pre>{prefix}) ?)?(?P<case>{case})")).expect("HEAD regex")
});

/// A labelled field of a stamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    PageId,
    Pages,
    Page,
    /// `1 of 12.` without a label (N.D. Ohio); recorded as `Page`.
    PageBare,
    Dkt,
    Doc,
    Filed,
    Entered,
    Desc,
    EntryId,
    Date,
    Number,
    Usdc,
    Sealed,
}

/// The order in which fields are tried at the current position.
const FIELD_ORDER: [Field; 14] = {
    use Field::*;
    [
        PageId, Pages, Page, PageBare, Dkt, Doc, Filed, Entered, Desc, EntryId, Date, Number, Usdc,
        Sealed,
    ]
};

impl Field {
    /// The field's pattern: group `v` is the value, `n` the page count, `l` the label; `DATE` and
    /// `PAGE` stand for the date and `Page i of n` patterns.
    fn pattern(self) -> &'static str {
        match self {
            Field::PageId => r"(?:Page ?ID|Pg ?ID) ?(?:# ?)?[:.]? ?(?P<v>[0-9]+)?",
            Field::Pages => r"Pages ?: ?(?P<v>[0-9]+)",
            Field::Page => r"(?:Page|Pg) ?:? ?(?P<v>[0-9]+)(?: ?of(?: ?(?P<n>[0-9]+))?)?",
            Field::PageBare => r"(?P<v>[0-9]{1,4}) of (?P<n>[0-9]{1,4})\.?",
            Field::Dkt => r"DktEntry ?:? ?(?P<v>[0-9]+(?:[.-][0-9]+)?)",
            Field::Doc => {
                r"(?P<l>Document|Doc\.?|ECF ?No\.?) ?(?:# ?:?|:)? ?(?P<v>[0-9]+(?:-[0-9]+)?)"
            }
            // `Filed in TXSD on 04/12/18` (S.D. Tex.), `filed 10/18/17` (W.D. Mich.).
            Field::Filed => {
                r"(?P<l>Date ?Filed|[Ff]iled)(?: in [A-Z]{4,6})?(?: on)? ?:? ?(?P<v>DATE)"
            }
            Field::Entered => r"Entered ?:? ?(?:DATE)(?: ?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?",
            Field::Desc => r"Desc\b ?(?P<v>.*?) ?PAGE",
            Field::EntryId => r"(?:Entry ?)?ID ?:? ?(?P<v>[0-9]+)",
            Field::Date => r"(?P<v>DATE)\b",
            Field::Number => r"(?P<v>[0-9]{5,})\b",
            Field::Usdc => r"USDC(?: (?:New|North|South|West|Rhode))? [A-Z][a-z]+",
            Field::Sealed => r"\*?SEALED\*?",
        }
    }
}

/// The field patterns in [`FIELD_ORDER`], compiled and anchored.
static FIELDS: Pattern<Vec<(Field, Regex)>> = Pattern::new(|| {
    let page = r"(?:Page|Pg) ?:? ?[0-9]+ ?of ?[0-9]+";
    let anchored = |f: &Field| {
        format!(
            "^(?:{})",
            f.pattern().replace("DATE", DATE).replace("PAGE", page)
        )
    };
    // Constant patterns: failing to compile is a programming error caught by every test.
    FIELD_ORDER
        .iter()
        .map(|f| (*f, Regex::new(&anchored(f)).expect("FIELDS regex")))
        .collect()
});

/// What one pass over a line found, before the form is decided.
#[derive(Debug, Default)]
struct Scan {
    prefix: String,
    case: String,
    order: Vec<Field>,
    doc: Option<String>,
    doc_short: bool,
    dkt: Option<String>,
    filed: Option<String>,
    date_filed_label: bool,
    page: Option<u32>,
    page_count: Option<u32>,
    page_id: Option<String>,
    entry_id: Option<String>,
    /// Byte offset just past the last field.
    end: usize,
}

impl Scan {
    fn has(&self, f: Field) -> bool {
        self.order.contains(&f)
    }
    fn before(&self, a: Field, b: Field) -> bool {
        let pos = |f| self.order.iter().position(|x| *x == f);
        matches!((pos(a), pos(b)), (Some(i), Some(j)) if i < j)
    }
}

/// Collapse whitespace (and control characters, which broken text layers scatter) to one space.
fn normalize(text: &str) -> String {
    let words = text.split(|c: char| c.is_whitespace() || c.is_control());
    words
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Read the prefix, case number and fields of a normalised line.
fn scan(norm: &str) -> Option<Scan> {
    let head = HEAD.get().captures(norm)?;
    let mut s = Scan {
        prefix: head
            .name("pre")
            .map_or(String::new(), |m| m.as_str().replace([' ', ':', '#'], "")),
        case: head["case"]
            .replace(|c: char| !c.is_ascii() && !c.is_alphanumeric(), "-")
            .replace(' ', ""),
        end: head.get(0).map_or(0, |m| m.end()),
        ..Scan::default()
    };
    loop {
        let rest = &norm[s.end..];
        let skip = rest.len() - rest.trim_start_matches([' ', ',', ';']).len();
        let rest = &rest[skip..];
        let Some((found, caps)) = FIELDS
            .get()
            .iter()
            .find_map(|(f, re)| re.captures(rest).map(|c| (*f, c)))
        else {
            break;
        };
        let field = if found == Field::PageBare {
            Field::Page
        } else {
            found
        };
        if s.has(field) {
            break; // a second copy of a field: another stamp or garbage, not this one
        }
        let v = caps.name("v").map(|m| m.as_str().replace(' ', ""));
        match field {
            Field::PageId => s.page_id = v,
            Field::Pages => s.page_count = v.and_then(|v| v.parse().ok()),
            Field::Page => {
                s.page = v.and_then(|v| v.parse().ok());
                s.page_count = caps.name("n").and_then(|m| m.as_str().parse().ok());
            }
            Field::Dkt => s.dkt = v,
            Field::Doc => {
                s.doc = v;
                s.doc_short = caps["l"].starts_with("Doc") && &caps["l"] != "Document";
            }
            Field::Filed => {
                s.filed = v;
                s.date_filed_label = caps["l"].starts_with("Date");
            }
            Field::EntryId | Field::Number => s.entry_id = v,
            Field::Date => s.filed = v,
            Field::PageBare | Field::Entered | Field::Desc | Field::Usdc | Field::Sealed => {}
        }
        s.order.push(field);
        // `Desc` consumes only its description; the `Page i of n` after it is the next field.
        let consumed = if field == Field::Desc {
            caps.name("v")
        } else {
            caps.get(0)
        };
        s.end += skip + consumed.map_or(0, |m| m.end());
    }
    Some(s)
}

/// A district case number: office prefix (`2:`) or case type (`-cv-`).
fn district_shaped(case: &str) -> bool {
    case.contains(':')
        || case
            .split('-')
            .nth(1)
            .is_some_and(|t| t.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Decide the form from the prefix, the case number and the fields found.
fn classify(s: &Scan) -> &'static str {
    let doc = s.doc.as_deref().unwrap_or("");
    match s.prefix.as_str() {
        "USCA4Appeal" | "Appeal" => return "ca4",
        "AppellateCase" if s.doc.is_some() => return "ca10",
        "AppellateCase" => return "ca8",
        "USCA11Case" => return "ca11",
        "USCACase" => return "cadc",
        _ => {}
    }
    if s.has(Field::Entered) || (s.doc_short && !district_shaped(&s.case)) {
        "bankruptcy"
    } else if s.dkt.is_some() {
        if s.entry_id.is_some() {
            "ca9"
        } else {
            "acms"
        }
    } else if s.has(Field::Date) {
        "ca2"
    } else if district_shaped(&s.case) {
        "district"
    } else if s.has(Field::Pages) {
        "ca7"
    } else if s.date_filed_label && s.before(Field::Filed, Field::Page) && s.page_count.is_some() {
        "ca11" // the form before the `USCA11` prefix: `Case: 17-12345 Date Filed: .. Page: 1 of 3`
    } else if s.before(Field::Page, Field::Filed) && s.date_filed_label {
        if s.entry_id.is_some() || (doc.len() == 11 && doc.starts_with("001")) {
            "ca1"
        } else if doc.len() == 11 && doc.starts_with("005") {
            "ca5"
        } else if doc.len() == 12 && doc.starts_with("003") {
            "ca3"
        } else {
            "appellate"
        }
    } else if s.before(Field::Page, Field::Filed) {
        "cafc"
    } else if s.before(Field::Filed, Field::Page) && s.page_count.is_none() {
        "ca6"
    } else {
        "appellate"
    }
}

/// Parse a stamp from a line's text; None when the text is not a stamp.
///
/// Accepts the two lines of a bankruptcy stamp joined with a space. Rejects prose that merely
/// mentions a case number and a document: the stamp must start the line and carry its form's
/// fields (filing date; page or page count; document number or ID).
pub fn parse_stamp(text: &str) -> Option<Stamp> {
    let norm = normalize(text);
    let s = scan(&norm)?;
    let form = classify(&s);
    let filed = us_date(s.filed.as_deref()?)?;
    let document_number = s.doc.clone().or(s.dkt.clone());
    let full_pages = s.page.is_some() && s.page_count.is_some();
    let ok = match form {
        "district" => {
            (!s.prefix.is_empty() || s.case.contains(':'))
                && document_number.is_some()
                && full_pages
        }
        "bankruptcy" => !s.prefix.is_empty() && document_number.is_some() && full_pages,
        "ca11" => s.page.is_some(),
        _ => {
            !s.prefix.is_empty()
                && (s.page.is_some() || s.page_count.is_some())
                && (document_number.is_some() || s.entry_id.is_some())
        }
    };
    ok.then(|| Stamp {
        form,
        case_number: s.case.clone(),
        document_number,
        filed: Some(filed),
        page: s.page,
        page_count: s.page_count,
        page_id: s.page_id.clone(),
        entry_id: s.entry_id.clone(),
        text: norm[..s.end].trim_end_matches([' ', ',', ';']).to_string(),
    })
}

/// True when `text` looks like the first line of a two-line bankruptcy stamp
/// (`Case 2:16-bk-78598-AO Doc 1 Filed 10/31/16 Entered 10/31/16 11:52:49 Desc`) whose second
/// line (`Main Document Page 1 of 9`) follows. Also true when the first line ends in
/// `Desc Main` (second line `Document Page 1 of 9`) or in `Page 10 of` (second line `30`).
pub fn is_bankruptcy_first_line(text: &str) -> bool {
    let norm = normalize(text);
    scan(&norm).is_some_and(|s| bankruptcy_first(&norm, &s))
}

/// [`is_bankruptcy_first_line`] on a line already normalized and scanned.
fn bankruptcy_first(norm: &str, s: &Scan) -> bool {
    let rest = norm[s.end..].trim_start();
    !s.prefix.is_empty()
        && s.has(Field::Entered)
        && s.doc.is_some()
        && s.filed.as_deref().and_then(us_date).is_some()
        && s.page_count.is_none()
        && (rest.is_empty() || rest == "Desc" || rest.starts_with("Desc "))
}

/// True when `text` is the first line of a stamp that continues on the next line, so that the
/// caller should join the two lines with a space and parse the result: a bankruptcy stamp's first
/// line ([`is_bankruptcy_first_line`]), a stamp cut after `Page i of` (its count wraps), or a
/// C.D. Cal. stamp cut after `Page ID` (its `#:98395` wraps).
pub fn wraps_to_next_line(text: &str) -> bool {
    let norm = normalize(text);
    let Some(s) = scan(&norm) else { return false };
    if bankruptcy_first(&norm, &s) {
        return true;
    }
    let cut_count = s.page.is_some() && s.page_count.is_none() && norm.ends_with("of");
    let cut_id = s.has(Field::PageId) && s.page_id.is_none() && norm.ends_with("ID");
    s.end == norm.len() && s.filed.is_some() && (cut_count || cut_id)
}

/// Combine the stamps found per page (PDF page number, stamps found on that page — usually one,
/// two on re-filed documents whose stamps are overlaid) into the `Ecf` plus warnings.
///
/// Top-level fields come from the first stamped page's primary stamp. A page's primary stamp is
/// the one whose `Page i` matches the page's position relative to the first stamped page (on the
/// first stamped page: `Page i` equal to the PDF page number), else the first listed. Warnings:
/// more than one distinct stamp, a `Page i` that disagrees with the page's position, a case
/// number or page count that differs from the first page's, a `Page i` beyond `of n`.
/// Returns (None, []) when no page has a stamp.
pub fn summarize(per_page: &[(usize, Vec<Stamp>)]) -> (Option<Ecf>, Vec<String>) {
    let stamped = per_page.iter().filter(|(_, s)| !s.is_empty());
    let Some((first_pdf, first_stamps)) = stamped.clone().next() else {
        return (None, Vec::new());
    };
    let first_pdf = *first_pdf;
    let wanted = u32::try_from(first_pdf).ok();
    // `stamped` holds only non-empty lists, so `[0]` below is always there.
    // Of stamps drawn over each other, the latest filing is the document's own (RECAP files a
    // re-filed order under its new number); otherwise the one whose page number fits.
    let fits: Vec<&Stamp> = first_stamps
        .iter()
        .filter(|s| s.page.is_some() && s.page == wanted)
        .collect();
    let pool: Vec<&Stamp> = if fits.is_empty() {
        first_stamps.iter().collect()
    } else {
        fits
    };
    let top = pool
        .iter()
        .copied()
        .max_by(|a, b| a.filed.cmp(&b.filed))
        .unwrap_or(&first_stamps[0]);
    let mut warnings = Vec::new();
    let mut summaries: Vec<StampSummary> = Vec::new();
    for (pdf, stamps) in stamped {
        let offset = u32::try_from(pdf.saturating_sub(first_pdf)).ok();
        let expected = top.page.zip(offset).map(|(b, o)| b.saturating_add(o));
        let primary = stamps
            .iter()
            .find(|s| s.page.is_some() && s.page == expected)
            .unwrap_or(&stamps[0]);
        for s in stamps {
            let same = |x: &&mut StampSummary| {
                x.case_number == s.case_number
                    && x.document_number == s.document_number
                    && x.filed == s.filed
            };
            match summaries.iter_mut().find(same) {
                Some(x) if x.pages.last() != Some(pdf) => x.pages.push(*pdf),
                Some(_) => {}
                None => summaries.push(StampSummary {
                    form: s.form.into(),
                    case_number: s.case_number.clone(),
                    case_number_normalized: parsed(s).map(|c| case_number::normalized(&c)),
                    document_number: s.document_number.clone(),
                    filed: s.filed.clone(),
                    page_count: s.page_count,
                    pages: vec![*pdf],
                }),
            }
        }
        if let (Some(i), Some(e)) = (primary.page, expected) {
            if i != e {
                warnings.push(format!(
                    "page {pdf}: CM/ECF stamp says Page {i}, expected Page {e} from its position (pages missing, added or out of order?)"
                ));
            }
        }
        if primary.case_number != top.case_number {
            warnings.push(format!(
                "page {pdf}: CM/ECF stamp case number {} differs from {} on page {first_pdf}",
                primary.case_number, top.case_number
            ));
        }
        if let (Some(n), Some(m)) = (primary.page_count, top.page_count) {
            if n != m {
                warnings.push(format!(
                    "page {pdf}: CM/ECF stamp says {n} pages, page {first_pdf} says {m}"
                ));
            }
        }
        if let (Some(i), Some(n)) = (primary.page, primary.page_count) {
            if i > n {
                warnings.push(format!("page {pdf}: CM/ECF stamp says Page {i} of {n}"));
            }
        }
    }
    if summaries.len() > 1 {
        let list: Vec<String> = summaries.iter().map(describe).collect();
        warnings.push(format!(
            "{} distinct CM/ECF stamps: document re-filed? ({})",
            summaries.len(),
            list.join("; ")
        ));
    }
    let top_parsed = parsed(top);
    let ecf = Ecf {
        case_number: Some(top.case_number.clone()),
        case_number_normalized: top_parsed.as_ref().map(case_number::normalized),
        case_judges: top_parsed.map(|c| c.judges).unwrap_or_default(),
        document_number: top.document_number.clone(),
        filed: top.filed.clone(),
        page_count: top.page_count,
        page_id: top.page_id.clone(),
        stamps: summaries,
    };
    (Some(ecf), warnings)
}

/// A stamp's case number read in the court its form belongs to: a bankruptcy stamp's bare
/// `yy-nnnnn` is a main case, an appellate stamp's an appellate number.
fn parsed(s: &Stamp) -> Option<CaseNumber> {
    case_number::parse(&s.case_number, None, case_number::court_of_stamp(s.form))
}

/// A bankruptcy stamp prints a main case and an adversary proceeding alike, as a bare
/// `yy-nnnnn`, which read alone is the main case (`bk`). When the caption prints the same
/// number as an adversary proceeding ("Adv. Proc. No. 20-03050"), the stamp's number is that
/// proceeding's: its normalized form takes the caption's `ap`. Nothing else of the caption is
/// taken (an office digit printed only in the caption stays out).
pub fn adopt_adversary(ecf: &mut Ecf, caption_normalized: &[String]) {
    let adversary = |printed: &str, form: &str, normalized: &mut Option<String>| {
        // Printed with its type ("2:20-bk-01234"): the stamp says which it is.
        let typed = case_number::parse(printed, None, case_number::Court::Other).is_some();
        if form != "bankruptcy" || typed {
            return;
        }
        if let Some(n) = normalized.as_deref() {
            if let Some(ap) = case_number::as_adversary(n, caption_normalized) {
                *normalized = Some(ap);
            }
        }
    };
    let form = ecf
        .stamps
        .first()
        .map_or(String::new(), |s| s.form.to_string());
    if let Some(printed) = ecf.case_number.clone() {
        adversary(&printed, &form, &mut ecf.case_number_normalized);
    }
    for s in &mut ecf.stamps {
        adversary(&s.case_number, &s.form, &mut s.case_number_normalized);
    }
}

fn describe(s: &StampSummary) -> String {
    let pages: Vec<String> = s.pages.iter().map(|p| p.to_string()).collect();
    format!(
        "case {} document {} filed {} on pages {}",
        s.case_number,
        s.document_number.as_deref().unwrap_or("?"),
        s.filed.as_deref().unwrap_or("?"),
        pages.join(", ")
    )
}

/// Parse a US date "04/20/22", "4/20/2022", "2022-04-20" to ISO "2022-04-20"; None if invalid.
///
/// Two-digit years 00-69 are 20xx, 70-99 are 19xx. Spaces inside the date are ignored.
pub fn us_date(s: &str) -> Option<String> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let parts: Vec<&str> = s.split(if s.contains('/') { '/' } else { '-' }).collect();
    let digits = |p: &&str| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit());
    if parts.len() != 3 || !parts.iter().all(digits) || parts[1].len() > 2 {
        return None;
    }
    let num = |p: &str| p.parse::<u32>().ok();
    let (y, m, d) = match (s.contains('/'), parts[0].len(), parts[2].len()) {
        (true, 1 | 2, 2) => {
            let y = num(parts[2])?;
            (
                if y < 70 { 2000 + y } else { 1900 + y },
                num(parts[0])?,
                num(parts[1])?,
            )
        }
        (true, 1 | 2, 4) => (num(parts[2])?, num(parts[0])?, num(parts[1])?),
        (false, 4, 1 | 2) => (num(parts[0])?, num(parts[1])?, num(parts[2])?),
        _ => return None,
    };
    let days = crate::dates::days_in_month(y, m)?;
    ((1900..=2099).contains(&y) && (1..=days).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(line: &str) -> Stamp {
        parse_stamp(line).unwrap_or_else(|| panic!("not parsed: {line}"))
    }

    fn check(
        line: &str,
        form: &str,
        case: &str,
        doc: Option<&str>,
        filed: &str,
        page: (Option<u32>, Option<u32>),
    ) -> Stamp {
        let s = p(line);
        assert_eq!(s.form, form, "{line}");
        assert_eq!(s.case_number, case, "{line}");
        assert_eq!(s.document_number.as_deref(), doc, "{line}");
        assert_eq!(s.filed.as_deref(), Some(filed), "{line}");
        assert_eq!((s.page, s.page_count), page, "{line}");
        s
    }

    // District courts: lines in the forms of the corpus files named below, their case numbers
    // and judges' initials made up.

    #[test]
    fn district_plain() {
        // caed-order-discovery-incamera-01.pdf
        let line = "Case 2:15-cv-00706-GYA-XWA Document 209 Filed 04/22/20 Page 1 of 5";
        let s = check(
            line,
            "district",
            "2:15-cv-00706-GYA-XWA",
            Some("209"),
            "2020-04-22",
            (Some(1), Some(5)),
        );
        assert_eq!(s.text, line);
        assert_eq!(s.page_id, None);
    }

    #[test]
    fn district_cacd_page_id() {
        // cacd-order-granting-motion-01.pdf
        let line =
            "Case 8:16-cv-04794-QBP-XRF Document 40 Filed 08/05/16 Page 1 of 4 Page ID #:365";
        let s = check(
            line,
            "district",
            "8:16-cv-04794-QBP-XRF",
            Some("40"),
            "2016-08-05",
            (Some(1), Some(4)),
        );
        assert_eq!(s.page_id.as_deref(), Some("365"));
        assert_eq!(s.text, line);
    }

    #[test]
    fn district_njd_page_id_colon() {
        // njd-opinion-01.pdf
        let s = p("Case 3:18-cv-49764-OEZ-GWO Document 32 Filed 06/30/20 Page 1 of 9 PageID: 263");
        assert_eq!((s.form, s.page_id.as_deref()), ("district", Some("263")));
    }

    #[test]
    fn district_ilnd_document_hash() {
        // ilnd-brief-page-01.pdf
        let line =
            "Case: 1:18-cv-03362 Document #: 1000 Filed: 06/01/21 Page 8 of 18 PageID #:32475";
        let s = check(
            line,
            "district",
            "1:18-cv-03362",
            Some("1000"),
            "2021-06-01",
            (Some(8), Some(18)),
        );
        assert_eq!(s.page_id.as_deref(), Some("32475"));
    }

    #[test]
    fn district_attachment_and_case_types() {
        // cand-order-daubert-01.pdf, caed-response-detention-01.pdf, caed-order-unseal-warrant-01.pdf,
        // caed-proposed-order-redacted-affidavit-01.pdf, cand-complaint-02.pdf, nysd-order-broken-encoding-01.pdf
        let d = "district";
        check(
            "Case 5:17-cv-00027-OYS Document 551-1 Filed 04/20/20 Page 1 of 27",
            d,
            "5:17-cv-00027-OYS",
            Some("551-1"),
            "2020-04-20",
            (Some(1), Some(27)),
        );
        check(
            "Case 2:20-cr-00068-GYA Document 14 Filed 06/10/20 Page 1 of 8",
            d,
            "2:20-cr-00068-GYA",
            Some("14"),
            "2020-06-10",
            (Some(1), Some(8)),
        );
        check(
            "Case 2:20-sw-00106-QO Document 4 Filed 10/29/20 Page 1 of 1",
            d,
            "2:20-sw-00106-QO",
            Some("4"),
            "2020-10-29",
            (Some(1), Some(1)),
        );
        check(
            "Case 2:20-mj-00486-NP Document 5 Filed 10/02/20 Page 1 of 1",
            d,
            "2:20-mj-00486-NP",
            Some("5"),
            "2020-10-02",
            (Some(1), Some(1)),
        );
        check(
            "Case 3:17-cv-00332 Document 1 Filed 02/02/17 Page 1 of 36",
            d,
            "3:17-cv-00332",
            Some("1"),
            "2017-02-02",
            (Some(1), Some(36)),
        );
        check(
            "Case 1:13-cv-08568-CNR-UOC Document 212 Filed 06/22/20 Page 1 of 2",
            d,
            "1:13-cv-08568-CNR-UOC",
            Some("212"),
            "2020-06-22",
            (Some(1), Some(2)),
        );
        // cacd-proposed-order-prelim-approval-01.pdf: multidistrict litigation, attachment -12.
        check(
            "Case 8:16-ml-07915-WYF-XRF Document 282-12 Filed 10/04/18 Page 1 of 9 Page ID",
            d,
            "8:16-ml-07915-WYF-XRF",
            Some("282-12"),
            "2018-10-04",
            (Some(1), Some(9)),
        );
    }

    #[test]
    fn district_colorado_usdc() {
        // cod-complaint-01.pdf
        let line = "Case 1:21-cv-04094-XYZ Document 1 Filed 04/16/21 USDC Colorado Page 1 of 16";
        let s = check(
            line,
            "district",
            "1:21-cv-04094-XYZ",
            Some("1"),
            "2021-04-16",
            (Some(1), Some(16)),
        );
        assert_eq!(s.text, line);
    }

    #[test]
    fn district_mied_pg() {
        // mied-complaint-01.pdf: no `Case` prefix, `Doc #`, `Pg`, `Pg ID`.
        let line = "2:17-cv-40540-INE-FQQ Doc # 1 Filed 01/31/17 Pg 1 of 19 Pg ID 1";
        let s = check(
            line,
            "district",
            "2:17-cv-40540-INE-FQQ",
            Some("1"),
            "2017-01-31",
            (Some(1), Some(19)),
        );
        assert_eq!(s.page_id.as_deref(), Some("1"));
    }

    #[test]
    fn district_nysd_spaced_case_number() {
        // nysd-order-scanned-ocr-01.pdf
        let s = p("Case 1:09-cv-02814-WFE -EYR Document 14 Filed 06/17/11 Page 1 of 2\u{3}");
        assert_eq!(s.case_number, "1:09-cv-02814-WFE-EYR");
        assert_eq!(
            s.text,
            "Case 1:09-cv-02814-WFE -EYR Document 14 Filed 06/17/11 Page 1 of 2"
        );
    }

    #[test]
    fn district_cacd_wrapped_page_id() {
        // cacd-findings-conclusions-01.pdf: `#:98395` wraps to the next line.
        let first = "Case 8:14-cv-00584-WIF-QSZ Document 1962 Filed 09/14/18 Page 1 of 115 Page ID";
        let s = p(first);
        assert_eq!(
            (s.page, s.page_count, s.page_id),
            (Some(1), Some(115), None)
        );
        assert!(wraps_to_next_line(first));
        let joined = p(&format!("{first} #:98395"));
        assert_eq!(joined.page_id.as_deref(), Some("98395"));
        assert!(!wraps_to_next_line(
            "Case 8:16-cv-04794-QBP-XRF Document 40 Filed 08/05/16 Page 1 of 4 Page ID #:365"
        ));
    }

    #[test]
    fn district_trailing_overlay_text() {
        // cacd-stipulation-01.pdf: a FILED stamp overlaps the end; cacd-sealed-exhibit-double-stamp-01.pdf page 2.
        let s = p("Case 2:20-cv-02501-QFS-WP Document 64 Filed 08/18/20 Page 1 of 5 Page IDFILED");
        assert_eq!(
            s.text,
            "Case 2:20-cv-02501-QFS-WP Document 64 Filed 08/18/20 Page 1 of 5 Page ID"
        );
        assert_eq!(s.page_id, None);
        let s =
            p("Case 2:19-cr-00987-INC Document 323-9 Filed 02/10/21 Page 2 of 2 Page ID #:6572");
        assert_eq!(
            (s.document_number.as_deref(), s.page_id.as_deref()),
            (Some("323-9"), Some("6572"))
        );
    }

    #[test]
    fn district_other_courts() {
        // Forms of courts not in the corpus: W.D. Mich., S.D. Tex., N.D. Ohio, D. Minn.
        let s = p("Case 1:17-cv-00840-CYZ-CWT ECF No. 47 filed 10/18/17 PageID.473 Page 1 of 2");
        assert_eq!(
            (s.document_number.as_deref(), s.page_id.as_deref(), s.page),
            (Some("47"), Some("473"), Some(1))
        );
        let s = p("Case 4:17-cv-07240 Document 23 Filed in TXSD on 04/12/18 Page 1 of 3");
        assert_eq!(
            (s.filed.as_deref(), s.page_count),
            (Some("2018-04-12"), Some(3))
        );
        let s = p("Case: 1:17-cv-01234-DAP Doc #: 23 Filed: 05/15/18 1 of 12. PageID #: 456");
        assert_eq!(
            (s.form, s.page, s.page_count, s.page_id.as_deref()),
            ("district", Some(1), Some(12), Some("456"))
        );
        let s = p("CASE 0:20-cv-01234-ABC-DEF Doc. 45 Filed 03/02/20 Page 1 of 5");
        assert_eq!(
            (s.form, s.document_number.as_deref()),
            ("district", Some("45"))
        );
    }

    #[test]
    fn tolerant_spacing_and_dashes() {
        let s =
            p("  Case   2:17\u{2013}cv\u{2013}04999-XWA  Document34 Filed 04/20/22 Page1 of 2 ");
        assert_eq!(s.case_number, "2:17-cv-04999-XWA");
        assert_eq!(
            (s.document_number.as_deref(), s.page, s.page_count),
            (Some("34"), Some(1), Some(2))
        );
        assert_eq!(
            s.text,
            "Case 2:17\u{2013}cv\u{2013}04999-XWA Document34 Filed 04/20/22 Page1 of 2"
        );
    }

    // Bankruptcy courts.

    #[test]
    fn bankruptcy_two_lines() {
        // bankr-filing-page-01.pdf: first line ends in `Desc Main`.
        let first = "Case 09-00781 Doc 83 Filed 03/09/10 Entered 03/09/10 09:03:58 Desc Main";
        assert!(is_bankruptcy_first_line(first));
        assert!(wraps_to_next_line(first));
        assert_eq!(parse_stamp(first), None);
        let line = format!("{first} Document Page 1 of 4");
        let s = check(
            &line,
            "bankruptcy",
            "09-00781",
            Some("83"),
            "2010-03-09",
            (Some(1), Some(4)),
        );
        assert_eq!(s.text, line);
        // ganb-bankruptcy-schedules-01.pdf
        let first = "Case 18-36545-wjp Doc 35 Filed 01/30/19 Entered 01/30/19 11:51:34 Desc Main";
        assert!(is_bankruptcy_first_line(first));
        check(
            &format!("{first} Document Page 1 of 42"),
            "bankruptcy",
            "18-36545-wjp",
            Some("35"),
            "2019-01-30",
            (Some(1), Some(42)),
        );
    }

    #[test]
    fn bankruptcy_desc_variants() {
        let first = "Case 2:16-bk-78598-AO Doc 1 Filed 10/31/16 Entered 10/31/16 11:52:49 Desc";
        assert!(is_bankruptcy_first_line(first));
        check(
            &format!("{first} Main Document Page 1 of 9"),
            "bankruptcy",
            "2:16-bk-78598-AO",
            Some("1"),
            "2016-10-31",
            (Some(1), Some(9)),
        );
        let s = p("Case 2:16-bk-78598-AO Doc 59-1 Filed 10/31/16 Entered 10/31/16 11:52:49 Desc Exhibit A Page 3 of 5");
        assert_eq!(
            (s.form, s.document_number.as_deref(), s.page),
            ("bankruptcy", Some("59-1"), Some(3))
        );
    }

    #[test]
    fn bankruptcy_canb_one_line_and_wrapped_count() {
        // canb-motion-proposed-order-01.pdf: one line; from page 10 on the count wraps.
        let line = "Case: 20-30967 Doc# 33 Filed: 04/28/20 Entered: 04/28/20 19:02:54 Page 1 of 30";
        check(
            line,
            "bankruptcy",
            "20-30967",
            Some("33"),
            "2020-04-28",
            (Some(1), Some(30)),
        );
        assert!(!is_bankruptcy_first_line(line));
        let first = "Case: 20-30967 Doc# 33 Filed: 04/28/20 Entered: 04/28/20 19:02:54 Page 10 of";
        assert_eq!(parse_stamp(first), None);
        assert!(is_bankruptcy_first_line(first));
        check(
            &format!("{first} 30"),
            "bankruptcy",
            "20-30967",
            Some("33"),
            "2020-04-28",
            (Some(10), Some(30)),
        );
    }

    // Courts of appeals.

    #[test]
    fn ca9() {
        // ca9-brief-01.pdf
        let line = "Case: 20-49729, 08/05/2020, ID: 11778722, DktEntry: 19, Page 1 of 15";
        let s = check(
            line,
            "ca9",
            "20-49729",
            Some("19"),
            "2020-08-05",
            (Some(1), Some(15)),
        );
        assert_eq!(s.entry_id.as_deref(), Some("11778722"));
        assert_eq!(s.text, line);
    }

    #[test]
    fn ca2_acms() {
        // ca2-order-acms-01.pdf
        let s = check(
            "Case: 25-4961, 07/15/2025, DktEntry: 28.1, Page 1 of 2",
            "acms",
            "25-4961",
            Some("28.1"),
            "2025-07-15",
            (Some(1), Some(2)),
        );
        assert_eq!(s.entry_id, None);
    }

    #[test]
    fn ca2() {
        // ca2-clerk-notice-01.pdf
        let s = check(
            "Case 17-5340, Document 1-1, 10/31/2017, 2161300, Page1 of 2",
            "ca2",
            "17-5340",
            Some("1-1"),
            "2017-10-31",
            (Some(1), Some(2)),
        );
        assert_eq!(s.entry_id.as_deref(), Some("2161300"));
    }

    #[test]
    fn ca4() {
        // ca4-filing-scanned-01.pdf
        check(
            "Appeal: 17-7746 Doc: 17 Filed: 10/31/2017 Pg: 1 of 1",
            "ca4",
            "17-7746",
            Some("17"),
            "2017-10-31",
            (Some(1), Some(1)),
        );
        check(
            "USCA4 Appeal: 15-4308 Doc: 6 Filed: 05/12/2015 Pg: 1 of 4",
            "ca4",
            "15-4308",
            Some("6"),
            "2015-05-12",
            (Some(1), Some(4)),
        );
    }

    #[test]
    fn ca8() {
        // ca8-designation-issues-01.pdf
        let s = check(
            "Appellate Case: 17-7385 Page: 1 Date Filed: 07/26/2017 Entry ID: 4561396",
            "ca8",
            "17-7385",
            None,
            "2017-07-26",
            (Some(1), None),
        );
        assert_eq!(s.entry_id.as_deref(), Some("4561396"));
    }

    #[test]
    fn ca10() {
        // ca10-order-01.pdf
        check(
            "Appellate Case: 21-600 Document: 010110462922 Date Filed: 01/11/2021 Page: 1",
            "ca10",
            "21-600",
            Some("010110462922"),
            "2021-01-11",
            (Some(1), None),
        );
    }

    #[test]
    fn ca1() {
        // ca1-opinion-02.pdf
        let s = check(
            "Case: 20-4302 Document: 00117684624 Page: 1 Date Filed: 12/22/2020 Entry ID: 6390389",
            "ca1",
            "20-4302",
            Some("00117684624"),
            "2020-12-22",
            (Some(1), None),
        );
        assert_eq!(s.entry_id.as_deref(), Some("6390389"));
    }

    #[test]
    fn ca5() {
        // ca5-opinion-01.pdf
        check(
            "Case: 07-56063 Document: 00511021443 Page: 1 Date Filed: 02/05/2010",
            "ca5",
            "07-56063",
            Some("00511021443"),
            "2010-02-05",
            (Some(1), None),
        );
    }

    #[test]
    fn cadc_ca11_and_others() {
        check(
            "USCA Case #16-4097 Document #1600692 Filed: 02/24/2016 Page 1 of 3",
            "cadc",
            "16-4097",
            Some("1600692"),
            "2016-02-24",
            (Some(1), Some(3)),
        );
        check(
            "USCA11 Case: 21-47533 Date Filed: 07/13/2021 Page: 1 of 2",
            "ca11",
            "21-47533",
            None,
            "2021-07-13",
            (Some(1), Some(2)),
        );
        check(
            "USCA11 Case: 21-47533 Document: 12 Date Filed: 07/13/2021 Page: 1 of 2",
            "ca11",
            "21-47533",
            Some("12"),
            "2021-07-13",
            (Some(1), Some(2)),
        );
        check(
            "Case: 17-12345 Date Filed: 01/02/2018 Page: 1 of 3",
            "ca11",
            "17-12345",
            None,
            "2018-01-02",
            (Some(1), Some(3)),
        );
        check(
            "Case: 19-1234 Document: 45 Page: 1 Date Filed: 01/02/2020",
            "appellate",
            "19-1234",
            Some("45"),
            "2020-01-02",
            (Some(1), None),
        );
        check(
            "Case: 19-1234 Document: 003113456789 Page: 1 Date Filed: 01/02/2020",
            "ca3",
            "19-1234",
            Some("003113456789"),
            "2020-01-02",
            (Some(1), None),
        );
        check(
            "Case: 19-1234 Document: 45-1 Filed: 01/02/2020 Page: 1",
            "ca6",
            "19-1234",
            Some("45-1"),
            "2020-01-02",
            (Some(1), None),
        );
        check(
            "Case: 19-7003 Document: 37 Filed: 07/29/2020 Pages: 30",
            "ca7",
            "19-7003",
            Some("37"),
            "2020-07-29",
            (None, Some(30)),
        );
        check(
            "Case: 18-4295 Document: 45 Page: 1 Filed: 01/08/2019",
            "cafc",
            "18-4295",
            Some("45"),
            "2019-01-08",
            (Some(1), None),
        );
        check(
            "Case 20-1234, Document 45, 01/02/2021, 3000000, Page1 of 3",
            "ca2",
            "20-1234",
            Some("45"),
            "2021-01-02",
            (Some(1), Some(3)),
        );
    }

    // Rejections.

    #[test]
    fn rejects_prose_captions_and_fragments() {
        for line in [
            "",
            "   ",
            "See Case No. 2:17-cv-04999, Document 34, filed on 04/20/22.",
            "Case No. 2:17-cv-04999-XWA",
            "Case 2:17-cv-04999-XWA",
            "Case 2:17-cv-04999-XWA Document 34",
            "Case 2:17-cv-04999-XWA Document 34 Filed 04/20/22",
            "Case 2:17-cv-04999-XWA Document 34 Filed 13/45/22 Page 1 of 2",
            "Case: 20-4302",
            "Appeal from the United States District Court",
            "Case No. CV 16-09218 NO (WPx) Date: February 12, 2019",
            "(Doc. No. 200)",
            "Page 1 of 2",
            "Case Case 2:19-cr-00987-INC 2:19-cr-00987-INC Document Document 271-13 323-9 *SEALED* Filed 02/10/21",
        ] {
            assert_eq!(parse_stamp(line), None, "{line:?}");
            assert!(!is_bankruptcy_first_line(line), "{line:?}");
            assert!(!wraps_to_next_line(line), "{line:?}");
        }
    }

    #[test]
    fn us_dates() {
        assert_eq!(us_date("04/20/22").as_deref(), Some("2022-04-20"));
        assert_eq!(us_date("4/20/2022").as_deref(), Some("2022-04-20"));
        assert_eq!(us_date("2022-04-20").as_deref(), Some("2022-04-20"));
        assert_eq!(us_date("08/23/05").as_deref(), Some("2005-08-23"));
        assert_eq!(us_date("11/06/69").as_deref(), Some("2069-11-06"));
        assert_eq!(us_date("11/06/70").as_deref(), Some("1970-11-06"));
        assert_eq!(us_date("02/29/2020").as_deref(), Some("2020-02-29"));
        assert_eq!(us_date("04 / 20 / 22").as_deref(), Some("2022-04-20"));
        for bad in [
            "02/29/2021",
            "13/01/20",
            "00/10/20",
            "04/31/20",
            "4/20/202",
            "2022/04/20",
            "abc",
            "",
            "04-20-22",
        ] {
            assert_eq!(us_date(bad), None, "{bad:?}");
        }
    }

    // summarize.

    fn stamp(doc: &str, filed: &str, page: u32, count: u32) -> Stamp {
        p(&format!(
            "Case 4:08-cv-07748-FON Document {doc} Filed {filed} Page {page} of {count} PageID: {}",
            100 + page
        ))
    }

    #[test]
    fn summarize_one_stamp_three_pages() {
        let per_page: Vec<(usize, Vec<Stamp>)> = (1..=3)
            .map(|i| (i, vec![stamp("34", "04/20/22", i as u32, 3)]))
            .collect();
        let (ecf, warnings) = summarize(&per_page);
        let ecf = ecf.expect("ecf");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(ecf.case_number.as_deref(), Some("4:08-cv-07748-FON"));
        assert_eq!(ecf.document_number.as_deref(), Some("34"));
        assert_eq!(ecf.filed.as_deref(), Some("2022-04-20"));
        assert_eq!(
            (ecf.page_count, ecf.page_id.as_deref()),
            (Some(3), Some("101"))
        );
        assert_eq!(ecf.stamps.len(), 1);
        assert_eq!(ecf.stamps[0].pages, vec![1, 2, 3]);
        assert_eq!(ecf.stamps[0].form, "district");
    }

    #[test]
    fn summarize_refiled_two_stamps() {
        // cand-stip-order-discovery-cutoff-01.pdf: documents 26 and 27 stamped over each other.
        let per_page: Vec<(usize, Vec<Stamp>)> = (1..=2)
            .map(|i| {
                (
                    i,
                    vec![
                        stamp("26", "01/29/2009", i as u32, 2),
                        stamp("27", "02/03/09", i as u32, 2),
                    ],
                )
            })
            .collect();
        let (ecf, warnings) = summarize(&per_page);
        let ecf = ecf.expect("ecf");
        // The later filing (27) is the document's own number; both stamps are reported.
        assert_eq!(ecf.document_number.as_deref(), Some("27"));
        assert_eq!(ecf.filed.as_deref(), Some("2009-02-03"));
        assert_eq!(ecf.stamps.len(), 2);
        assert_eq!(ecf.stamps[1].document_number.as_deref(), Some("27"));
        assert_eq!(ecf.stamps[1].filed.as_deref(), Some("2009-02-03"));
        assert_eq!(ecf.stamps[1].pages, vec![1, 2]);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].starts_with("2 distinct CM/ECF stamps: document re-filed?"),
            "{warnings:?}"
        );
    }

    #[test]
    fn summarize_primary_stamp_matches_page_numbering() {
        // The re-filed copy's own numbering differs; the stamp whose `Page i` fits is primary.
        let per_page = vec![
            (
                1,
                vec![
                    stamp("27", "02/03/09", 5, 6),
                    stamp("26", "01/29/2009", 1, 2),
                ],
            ),
            (
                2,
                vec![
                    stamp("27", "02/03/09", 6, 6),
                    stamp("26", "01/29/2009", 2, 2),
                ],
            ),
        ];
        let (ecf, warnings) = summarize(&per_page);
        let ecf = ecf.expect("ecf");
        assert_eq!(
            (ecf.document_number.as_deref(), ecf.page_count),
            (Some("26"), Some(2))
        );
        assert_eq!(warnings.len(), 1, "{warnings:?}");
    }

    #[test]
    fn summarize_wrong_page_number_and_case() {
        let mut other = stamp("34", "04/20/22", 4, 3);
        other.case_number = "2:17-cv-04999-XWA".into();
        let per_page = vec![
            (1, vec![stamp("34", "04/20/22", 1, 3)]),
            (2, vec![]),
            (3, vec![stamp("34", "04/20/22", 2, 3)]),
            (4, vec![other]),
        ];
        let (ecf, warnings) = summarize(&per_page);
        let ecf = ecf.expect("ecf");
        assert_eq!(ecf.stamps.len(), 2);
        assert_eq!(ecf.stamps[0].pages, vec![1, 3]);
        let all = warnings.join("\n");
        assert!(
            all.contains("page 3: CM/ECF stamp says Page 2, expected Page 3"),
            "{all}"
        );
        assert!(
            all.contains("page 4: CM/ECF stamp case number 2:17-cv-04999-XWA differs"),
            "{all}"
        );
        assert!(
            all.contains("page 4: CM/ECF stamp says Page 4 of 3"),
            "{all}"
        );
        assert!(all.contains("2 distinct CM/ECF stamps"), "{all}");
    }

    #[test]
    fn summarize_page_count_disagrees_and_excerpt() {
        // ilnd-brief-page-01.pdf is an excerpt: its only page is `Page 8 of 18`; no warning.
        let s =
            p("Case: 1:18-cv-03362 Document #: 1000 Filed: 06/01/21 Page 8 of 18 PageID #:32475");
        let (ecf, warnings) = summarize(&[(1, vec![s])]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(ecf.expect("ecf").page_id.as_deref(), Some("32475"));
        let per_page = vec![
            (1, vec![stamp("34", "04/20/22", 1, 3)]),
            (2, vec![stamp("34", "04/20/22", 2, 4)]),
        ];
        let (_, warnings) = summarize(&per_page);
        assert!(
            warnings
                .iter()
                .any(|w| w == "page 2: CM/ECF stamp says 4 pages, page 1 says 3"),
            "{warnings:?}"
        );
    }

    /// The record's normalized stamp number and judges, from a one-page document with `line`.
    fn normalized(line: &str) -> (Option<String>, Vec<String>) {
        let (ecf, _) = summarize(&[(1, vec![p(line)])]);
        let ecf = ecf.expect("ecf");
        assert_eq!(
            ecf.stamps[0].case_number_normalized, ecf.case_number_normalized,
            "{line}"
        );
        (ecf.case_number_normalized, ecf.case_judges)
    }

    #[test]
    fn stamp_numbers_normalized() {
        let check = |line: &str, want: &str, judges: &[&str]| {
            let (n, j) = normalized(line);
            assert_eq!(n.as_deref(), Some(want), "{line}");
            assert_eq!(j, judges, "{line}");
        };
        // District forms: the office digit is printed, so it stays.
        check(
            "Case 2:17-cv-01666-KJN Document 34 Filed 04/20/22 Page 1 of 2",
            "2:17-cv-01666",
            &["KJN"],
        );
        check(
            "Case 8:16-cv-04794-QBP-XRF Document 40 Filed 08/05/16 Page 1 of 4 Page ID #:365",
            "8:16-cv-04794",
            &["QBP", "XRF"],
        );
        check(
            "Case 1:11-cv-00637-NONE-EPG Document 51 Filed 03/02/21 Page 1 of 3",
            "1:11-cv-00637",
            &["EPG"],
        );
        check(
            "Case 5:18-cr-00258-EJD-1 Document 77 Filed 09/14/20 Page 1 of 2",
            "5:18-cr-00258",
            &["EJD"],
        );
        check(
            "Case 2:20-sw-00908-DB Document 5 Filed 01/04/21 Page 1 of 1",
            "2:20-sw-00908",
            &["DB"],
        );
        check(
            "Case 8:10-ml-02151-JVS-FMO Document 5715 Filed 06/01/15 Page 1 of 4 Page ID #:2117",
            "8:10-ml-02151",
            &["JVS", "FMO"],
        );
        // D. Or.'s minus signs, S.D.N.Y.'s spaces.
        check(
            "Case 3:24\u{2212}cv\u{2212}00838\u{2212}SB Document 12 Filed 05/06/24 Page 1 of 3",
            "3:24-cv-00838",
            &["SB"],
        );
        check(
            "Case 1 : 09 - cv - 02814 - WFE - EYR Document 61 Filed 09/30/10 Page 1 of 5",
            "1:09-cv-02814",
            &["WFE", "EYR"],
        );
        // Bankruptcy forms: a bare number is the main case; initials in lower case.
        check(
            "Case 16-24364-NB Doc 45 Filed 05/01/20 Entered 05/01/20 10:11:12 Desc Main Document Page 1 of 3",
            "16-bk-24364",
            &["NB"],
        );
        check(
            "Case 23-10456-abc Doc 45 Filed 05/01/23 Entered 05/01/23 10:11:12 Desc Main Document Page 1 of 3",
            "23-bk-10456",
            &["ABC"],
        );
        check(
            "Case: 20-30967 Doc# 33 Filed: 04/28/20 Entered: 04/28/20 19:02:54 Page 1 of 30",
            "20-bk-30967",
            &[],
        );
        check(
            "Case 2:16-bk-78598-AO Doc 1 Filed 10/31/16 Entered 10/31/16 11:52:49 Desc Main Document Page 1 of 9",
            "2:16-bk-78598",
            &["AO"],
        );
        // Courts of appeals: `yy-nnnnn`, no type, no judges.
        check(
            "Case: 19-1234 Document: 45-1 Filed: 01/02/2020 Page: 1",
            "19-01234",
            &[],
        );
        check(
            "USCA11 Case: 21-12355 Date Filed: 07/13/2021 Page: 1 of 2",
            "21-12355",
            &[],
        );
        check(
            "Appellate Case: 19-1234 Document: 010110462922 Date Filed: 01/11/2021 Page: 1",
            "19-01234",
            &[],
        );
        check(
            "USCA4 Appeal: 17-2218 Doc: 6 Filed: 05/12/2017 Pg: 1 of 4",
            "17-02218",
            &[],
        );
        check(
            "USCA Case #16-4097 Document #1600692 Filed: 02/24/2016 Page 1 of 3",
            "16-04097",
            &[],
        );
        check(
            "Case: 20-49729, 08/05/2020, ID: 11778722, DktEntry: 19, Page 1 of 15",
            "20-49729",
            &[],
        );
        check(
            "Case 17-5340, Document 1-1, 10/31/2017, 2161300, Page1 of 2",
            "17-05340",
            &[],
        );
    }

    #[test]
    fn adversary_number_from_the_caption() {
        let line = "Case: 20-03050 Doc# 201 Filed: 02/03/21 Entered: 02/03/21 10:11:12 Page 1 of 5";
        let (ecf, _) = summarize(&[(1, vec![p(line)])]);
        let mut ecf = ecf.expect("ecf");
        assert_eq!(ecf.case_number_normalized.as_deref(), Some("20-bk-03050"));
        // The caption names the main case and the adversary proceeding.
        adopt_adversary(&mut ecf, &["20-bk-30242".into(), "20-ap-03050".into()]);
        assert_eq!(ecf.case_number_normalized.as_deref(), Some("20-ap-03050"));
        assert_eq!(
            ecf.stamps[0].case_number_normalized.as_deref(),
            Some("20-ap-03050")
        );
        // A caption that does not name it as one leaves the main case.
        let (ecf, _) = summarize(&[(1, vec![p(line)])]);
        let mut ecf = ecf.expect("ecf");
        adopt_adversary(&mut ecf, &["20-bk-03050".into()]);
        assert_eq!(ecf.case_number_normalized.as_deref(), Some("20-bk-03050"));
        // A number printed with its type is not changed.
        let (ecf, _) = summarize(&[(1, vec![p("Case 2:20-bk-03050-ER Doc 1 Filed 10/31/20 Entered 10/31/20 11:52:49 Desc Main Document Page 1 of 9")])]);
        let mut ecf = ecf.expect("ecf");
        adopt_adversary(&mut ecf, &["20-ap-03050".into()]);
        assert_eq!(ecf.case_number_normalized.as_deref(), Some("2:20-bk-03050"));
    }

    #[test]
    fn summarize_nothing() {
        let (ecf, warnings) = summarize(&[(1, vec![]), (2, vec![])]);
        assert!(ecf.is_none() && warnings.is_empty());
        assert!(summarize(&[]).0.is_none());
    }
}
