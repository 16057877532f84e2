//! Case numbers as the federal courts print them: found in a text ([`find`]), read into their
//! parts ([`parse`]: office, year, type, number, judges' initials) and written in one canonical
//! form ([`normalized`]), so that a search for a case finds every paper of it, whichever form
//! its caption or its CM/ECF stamp prints.
//!
//! The canonical form is `[office:]yy-type-nnnnn`: the office (division) digit only where it is
//! printed, the year in two digits, the type in lower case (`cv`, `cr`, `mj`, `mc`, `md`, `ml`,
//! `bk`, `ap`, `sw`, `po`, or any other two letters a court's CM/ECF prints), the number in five
//! digits. A court of appeals' number has no type: `yy-nnnnn`. The Judicial Panel on
//! Multidistrict Litigation's number has no year: `mdl-nnnnn`. Judges' initials go to their own
//! list, in upper case, a C.D. Cal. magistrate's `x` dropped. `docs/case-numbers.md` has the
//! table of forms.
//!
//! A bare `yy-nnnnn` has a type only where something printed gives it: the label before it
//! ("Civil Action No." is `cv`, "Adv. Proc. No." is `ap`), or the court ([`Court`]): a bankruptcy
//! court's bare number is its main case (`bk`), a court of appeals' is an appellate number.
//! A district court's bare "Case No. 19-05257" is left without a normalized form.
//!
//! Never invents: no office, type or year that the text (or its label or court) does not give;
//! a number it cannot read whole is found as printed and not normalized; state, agency and
//! other national courts' numbers ("2018-06-1735", "No. ED108783", Tax Court "19031-13") are
//! found as printed and never normalized. Pure: no I/O, no state; used by `clean::stamps` on
//! the stamp and by `segment::caption` on the caption.

use crate::pattern::Pattern;
use regex::Regex;

/// The dashes a text layer gives for a hyphen: hyphen-minus, U+2010 hyphen, U+2011
/// non-breaking hyphen, figure dash, en and em dash, horizontal bar, U+2212 minus (D. Or.
/// prints its numbers with it), and the small and full-width hyphen-minus.
const DASH: &str = r"[-\x{2010}-\x{2015}\x{2212}\x{FE58}\x{FE63}\x{FF0D}]";

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

fn re(p: &str) -> Regex {
    Regex::new(p).expect("static regex") // invariant: the patterns below are built from literals
}

/// The two-letter types CM/ECF prints that are also read without dashes ("18cv1944").
const TYPES: &str = "cv|cr|mj|mc|md|ml|bk|ap|sw|po";

/// CM/ECF numbers with their type: `2:17-cv-01666`, `17-cv-4467`, `18cv1944`, `'24CV0318`,
/// W.D. Tex.'s `SA-19-CV-01234` (a division's letters before the year), E.D. and W.D. Wis.'s
/// `05-C-0999` (C for civil).
static TYPED: Pattern = Pattern::new(|| {
    re(&format!(
        r"(?i)(?:\b[0-9]{{1,2}}[ \t]?:[ \t]?)?(?:\b(?-i:[A-Z]{{1,3}}){DASH})?['’]?\b[0-9]{{2}}(?:[ \t]?{DASH}[ \t]?(?:[a-z]{{2}}|(?-i:C))[ \t]?{DASH}[ \t]?|[ \t]?{DASH}?[ \t]?(?:{TYPES})[ \t]?{DASH}?[ \t]?)[0-9]{{1,5}}"
    ))
});

/// Court-local forms with the type before the year: C.D. Cal. `CV 17-1234`, `SACR 16-76`,
/// `SA CR 19-061`, `EDCV`, `LA CV17-00308`, `ML 10-2151`; N.D. Cal. `C 04-0098`,
/// `C19-04593`; D. Ariz. `CV-25-3367`; `MDL 15-02641`.
static PREFIXED: Pattern = Pattern::new(|| {
    re(&format!(
        r"\b(?:(?:(?:SA|ED|LA)[ \t]?)?C[VR]|Cv|Cr|MDL|ML|MC|MJ|C)(?:[ \t]?{DASH}[ \t]?|[ \t])?[0-9]{{2}}{DASH}[0-9]{{1,5}}"
    ))
});

/// S.D.N.Y. and E.D.N.Y. `09 Civ. 1751`, `20 Cr. 123`, `20 Mag. 1234`; N.D. Ill. `19 C 1234`.
static SPACED: Pattern = Pattern::new(|| {
    re(
        r"\b[0-9]{2}[ \t]+(?:Civ|CIV|Crim|CRIM|Cr|CR|Mag|MAG|Misc|MISC|CV|Cv|MJ|MC|C)\.?[ \t]+[0-9]{1,5}\b",
    )
});

/// A label that ends before a number: up to three words and "No." / "Nos." / "Number" ("Civil
/// Action No.", "Adv. Proc. No.", "Case number (if known)"), or a stamp's "Case:",
/// "USCA11 Case:", "Appellate Case:", "USCA4 Appeal:", "USCA Case #", and the 2d Cir.'s
/// "Docket #:".
static LABEL: Pattern = Pattern::new(|| {
    re(
        r"(?i)(?P<words>(?:\b[a-z][a-z.]*[ \t]+){0,3})(?:\bnos?|\bnumber)\b\.?(?:[ \t]*\(if known\))?[ \t]*[:#]?\s*|\b(?:USCA[0-9]{0,2}[ \t]*)?(?:Appellate[ \t]+)?(?:Case|Appeal|Docket)[ \t]*(?:#[ \t]*:?|:)\s*",
    )
});

/// After a label: a number without a type, `[office:]yy-nnnnn` (or a four-digit year).
static BARE: Pattern = Pattern::new(|| {
    re(&format!(
        r"^(?:[0-9]{{1,2}}[ \t]?:[ \t]?)?(?:[0-9]{{4}}|[0-9]{{2}})[ \t]?{DASH}[ \t]?[0-9]{{1,5}}"
    ))
});

/// After a civil or criminal label: D. Md.'s judge first, `ELH-19-1234`.
static JUDGE_FIRST: Pattern =
    Pattern::new(|| re(&format!(r"^[A-Z]{{2,4}}{DASH}[0-9]{{2}}{DASH}[0-9]{{1,5}}")));

/// After "MDL No.": the Panel's number, `2741`.
static PANEL: Pattern = Pattern::new(|| re(r"^[0-9]{3,5}\b"));

/// After a label, any other number as printed: state courts' and agencies' `2018-06-1735`,
/// `ED108783`, `363A14-4`, `58665-2018`.
static OTHER: Pattern = Pattern::new(|| re(&format!(r"^[0-9A-Z]+(?:(?:{DASH}|[:.])[0-9A-Z]+)*")));

/// Between the numbers of a list after "Nos.": `, `, ` and `, ` & `, `; `.
static LIST_SEP: Pattern = Pattern::new(|| {
    re(r"^(?:[ \t]*,[ \t]*(?:and[ \t]+|&[ \t]*)?|[ \t]+and[ \t]+|[ \t]*&[ \t]*|[ \t]*;[ \t]*)")
});

/// "No." and a number of any kind ([`has_labelled_number`]).
static ANY_LABELLED: Pattern = Pattern::new(|| {
    re(&format!(
        r"(?i)\b(?:no|nos|number)\.?\s*:?\s*[0-9](?:[0-9:]|{DASH}){{3,}}[0-9]"
    ))
});

/// A line that is only a number: an appellate caption's `2009-1361`, `17-2543`, the 2d Cir.'s
/// `08-6301-cv`, a list's `20-1234(L)`.
static ALONE: Pattern = Pattern::new(|| {
    re(&format!(
        r"(?m)^[ \t]*((?:[0-9]{{4}}|[0-9]{{2}}){DASH}[0-9]{{3,5}})(?:{DASH}[a-z]{{2}}|\([A-Za-z]{{1,3}}\))?[ \t]*$"
    ))
});

/// The parsing forms, on a number in [`canonical`] spelling, anchored; each ends in `rest`, the
/// judges' suffix.
static PARSE_TYPED: Pattern = Pattern::new(|| {
    re(&format!(
        r"^(?:(?P<office>[0-9]{{1,2}}):)?(?:[A-Z]{{1,3}}-)?(?P<year>[0-9]{{2}})(?:-(?P<t1>[A-Za-z]{{2}}|C)-|[- ]?(?P<t2>(?i:{TYPES}))[- ]?)(?P<num>[0-9]{{1,5}})(?P<rest>.*)$"
    ))
});
static PARSE_SPACED: Pattern = Pattern::new(|| {
    re(
        r"^(?P<year>[0-9]{2}) (?P<t>Civ|CIV|Crim|CRIM|Cr|CR|Mag|MAG|Misc|MISC|CV|Cv|MJ|MC|C)\.? (?P<num>[0-9]{1,5})(?P<rest>.*)$",
    )
});
static PARSE_PREFIXED: Pattern = Pattern::new(|| {
    re(
        r"^(?P<t>(?:(?:SA|ED|LA) ?)?C[VR]|Cv|Cr|MDL|ML|MC|MJ|C)[- ]?(?P<year>[0-9]{2})-(?P<num>[0-9]{1,5})(?P<rest>.*)$",
    )
});
static PARSE_JUDGE_FIRST: Pattern = Pattern::new(|| {
    re(r"^(?P<first>[A-Z]{2,4})-(?P<year>[0-9]{2})-(?P<num>[0-9]{1,5})(?P<rest>.*)$")
});
static PARSE_TYPE_AFTER: Pattern = Pattern::new(|| {
    re(r"^(?P<year>[0-9]{2})-(?P<num>[0-9]{1,5})-(?P<t>CV|CR|cv|cr)(?P<rest>-.*)?$")
});
static PARSE_PANEL: Pattern =
    Pattern::new(|| re(r"(?i)^(?:M\.? ?D\.? ?L\.?(?: Docket)? No\.? ?)?(?P<num>[0-9]{3,5})$"));
static PARSE_BARE: Pattern = Pattern::new(|| {
    re(r"^(?:(?P<office>[0-9]{1,2}):)?(?P<year>[0-9]{4}|[0-9]{2})-(?P<num>[0-9]{1,5})(?P<rest>.*)$")
});

/// A case number found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printed {
    /// The number as printed, judges' initials included, its label left out ("14-1632 (EGS)"
    /// of "Civil Action No. 14-1632 (EGS)").
    pub text: String,
    /// The type the label before it names: `cv` for "Civil Action No.", `cr`, `mc`, `mj`,
    /// `ap` ("Adv. Proc. No."), `bk` ("Bankr. No."), `md` ("MDL No."); `dc` for "D.C. No.", a
    /// district court's number cited by a court of appeals (its type not said); None for "Case
    /// No.", "No." and numbers without a label.
    pub label: Option<&'static str>,
}

/// A case number read into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseNumber {
    /// The office (division) digit, where printed: the `2` of `2:17-cv-01666`.
    pub office: Option<u8>,
    /// The year, two digits; None for the Panel's MDL number, which has none.
    pub year: Option<u8>,
    /// The type in lower case (`cv`, `bk`, `mdl` for the Panel's number); None for a court of
    /// appeals' number.
    pub kind: Option<String>,
    /// The number within the year.
    pub number: u32,
    /// Judges' initials in upper case, in the order printed.
    pub judges: Vec<String>,
}

/// What kind of court printed a number: it decides what a bare `yy-nnnnn` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Court {
    /// A federal district court (and the Panel on Multidistrict Litigation).
    District,
    /// A federal bankruptcy court: a bare number is a main case, `bk`.
    Bankruptcy,
    /// A federal court of appeals or the Supreme Court: a bare number is an appellate number.
    Appellate,
    /// A state court, an agency, a bankruptcy appellate panel, or a national court with numbers
    /// of its own (Tax Court, Court of Federal Claims): only CM/ECF numbers with a type are
    /// read; the rest stay as printed.
    Other,
}

/// The kind of court a caption names: `name` as printed, `id` its CourtListener id.
pub fn court_of(name: &str, id: Option<&str>) -> Court {
    let upper = name.to_uppercase();
    let federal = upper.contains("UNITED STATES")
        || upper.contains("UNITED STATED")
        || upper.contains("U.S.")
        || id.is_some();
    if upper.contains("BANKRUPTCY") {
        if upper.contains("APPELLATE PANEL") {
            return Court::Other;
        }
        return Court::Bankruptcy;
    }
    let appellate_id = id.is_some_and(|id| {
        matches!(id, "scotus" | "cadc" | "cafc")
            || id
                .strip_prefix("ca")
                .and_then(|n| n.parse::<u8>().ok())
                .is_some_and(|n| (1..=11).contains(&n))
    });
    if appellate_id {
        return Court::Appellate;
    }
    if id == Some("jpml") {
        return Court::District;
    }
    // A district court of the United States, or one the court table knows; a caption that
    // names "United States District Court" without its district still is one.
    if upper.contains("DISTRICT COURT") && !upper.contains("APPEAL") && federal {
        return Court::District;
    }
    Court::Other
}

/// The kind of court a CM/ECF stamp's form (`clean::stamps::Stamp::form`) belongs to.
pub fn court_of_stamp(form: &str) -> Court {
    match form {
        "district" => Court::District,
        "bankruptcy" => Court::Bankruptcy,
        _ => Court::Appellate,
    }
}

/// The case numbers in `text`, in order, as printed, each with the type its label names.
/// `text` may hold several lines: a label at the end of one line reads with the number that
/// starts the next.
pub fn find(text: &str) -> Vec<Printed> {
    let mut found: Vec<(usize, usize, Option<&'static str>)> = Vec::new();
    let free = |found: &[(usize, usize, Option<&'static str>)], s: usize, e: usize| {
        !found.iter().any(|(a, b, _)| s < *b && *a < e)
    };
    for pattern in [&TYPED, &PREFIXED, &SPACED] {
        let prefixed = std::ptr::eq(pattern, &PREFIXED);
        for m in pattern.get().find_iter(text) {
            let rest = &text[m.end()..];
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                continue; // more digits than a number has: a part of something else
            }
            // N.D. Cal.'s "C" before a number of three digits or more only ("Exhibit C 12-34").
            let t = m.as_str();
            let c_alone =
                t.starts_with('C') && !t[1..].starts_with(|c: char| c.is_ascii_alphabetic());
            let digits = t.rsplit(is_dash).next().map_or(0, str::len);
            if prefixed && c_alone && digits < 3 {
                continue;
            }
            let end = m.end() + suffix_len(rest);
            if free(&found, m.start(), end) {
                found.push((m.start(), end, None));
            }
        }
    }
    for l in LABEL.get().captures_iter(text) {
        let Some(m) = l.get(0) else { continue };
        let chain = label_chain(l.name("words").map_or("", |w| w.as_str()));
        let Some(chain) = chain else { continue };
        // "(Docket No. 45)", "[ECF No. 12]": a reference to a paper of the docket.
        let before = text[..m.start() + chain.start].trim_end();
        if before.ends_with(['(', '[']) {
            continue;
        }
        let label = label_kind(&chain.words);
        let mut at = m.end();
        let mut first = true;
        loop {
            if found.iter().any(|(s, _, _)| *s == at) {
                break; // a number with its type, found above
            }
            let Some(len) = after_label(&text[at..], label, &chain, first) else {
                break;
            };
            let (mut s, e) = (at, at + len);
            // The Panel's number is read with its label: "MDL No. 2741".
            if label == Some("md") && text[s..e].bytes().all(|b| b.is_ascii_digit()) {
                s = m.start() + chain.start;
            }
            if !free(&found, s, e) {
                break;
            }
            found.push((s, e, label));
            // "Nos. 24–1287 and 25–250": the numbers of a list share the label.
            let Some(sep) = LIST_SEP.get().find(&text[e..]) else {
                break;
            };
            at = e + sep.end();
            first = false;
        }
    }
    for c in ALONE.get().captures_iter(text) {
        if let Some(m) = c.get(1) {
            let end = m.end() + suffix_len(&text[m.end()..]);
            if free(&found, m.start(), end) {
                found.push((m.start(), end, None));
            }
        }
    }
    found.sort_unstable();
    found
        .into_iter()
        .map(|(s, e, label)| Printed {
            text: text[s..e].trim().to_string(),
            label,
        })
        .collect()
}

/// Whether `text` holds a number after "No." of any kind, case number or not ("JAMS No.
/// 1220055347", "CSR No. 12272"): such a line lists numbers, it is no part of a title.
pub fn has_labelled_number(text: &str) -> bool {
    ANY_LABELLED.get().is_match(text)
}

/// The numbers of `text` as printed ([`find`] without the labels).
pub fn printed(text: &str) -> Vec<String> {
    find(text).into_iter().map(|p| p.text).collect()
}

/// The words of a label before "No.": the last of them that name a case number (`Civil
/// Action`, `Adv. Proc.`, `Case`), lower case, their final dots gone, and where they start in
/// the words; `named` when the word just before "No." is one of them (or there is none).
struct Chain {
    words: Vec<String>,
    start: usize,
    named: bool,
}

/// Words before "No." that name a number of another kind ("Bar No.", "ECF No.", "CSR No.",
/// "Social Security No.", "General Order No."): no case number follows.
const OTHER_NUMBERS: &[&str] = &[
    "bar",
    "sbn",
    "csr",
    "jams",
    "job",
    "ecf",
    "dkt",
    "doc",
    "docs",
    "entry",
    "security",
    "ssn",
    "register",
    "reg",
    "registration",
    "patent",
    "serial",
    "account",
    "acct",
    "policy",
    "claim",
    "limine",
    "order",
    "rule",
    "exhibit",
    "ex",
    "item",
    "license",
    "lic",
    "id",
    "invoice",
    "resolution",
    "ordinance",
    "page",
    "paragraph",
    "count",
    "form",
    "attachment",
    "document",
    "motion",
    "request",
    "interrogatory",
    "certificate",
    "loan",
    "contract",
    "permit",
];

fn label_chain(words: &str) -> Option<Chain> {
    const LABEL_WORDS: &[&str] = &[
        "case",
        "cases",
        "civil",
        "civ",
        "criminal",
        "crim",
        "cr",
        "action",
        "docket",
        "misc",
        "miscellaneous",
        "magistrate",
        "mag",
        "adv",
        "adversary",
        "proc",
        "pro",
        "proceeding",
        "bankr",
        "bankruptcy",
        "bk",
        "mdl",
        "m.d.l",
        "appeal",
        "appeals",
        "appellate",
        "d.c",
        "bap",
        "agency",
        "file",
        "index",
        "cause",
        "c.a",
        "ca",
        "c",
        "a",
        "lead",
        "member",
        "related",
        "consolidated",
        "court",
        "district",
        "circuit",
        "trial",
        "lower",
        "tax",
        "d",
    ];
    let mut spans: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for w in words.split([' ', '\t']) {
        if !w.is_empty() {
            spans.push((at, w));
        }
        at += w.len() + 1;
    }
    let mut chain: Vec<String> = Vec::new();
    let mut start = words.len();
    for &(i, w) in spans.iter().rev() {
        let w = w.trim_end_matches('.').to_lowercase();
        if !LABEL_WORDS.contains(&w.as_str()) {
            break;
        }
        chain.insert(0, w);
        start = i;
    }
    let before = spans
        .last()
        .map(|(_, w)| w.trim_end_matches('.').to_lowercase());
    if before.is_some_and(|w| OTHER_NUMBERS.contains(&w.as_str())) {
        return None;
    }
    // Another word before "No." (a name, when a caption's columns run together: "In re:
    // RICHARD P. DOE No. 21-800") lets only a number of a case number's shape follow.
    let named = !chain.is_empty() || spans.is_empty();
    Some(Chain {
        words: chain,
        start,
        named,
    })
}

/// The type a label's words name.
fn label_kind(words: &[String]) -> Option<&'static str> {
    let has = |ws: &[&str]| words.iter().any(|w| ws.contains(&w.as_str()));
    if has(&["adv", "adversary"]) {
        Some("ap")
    } else if has(&["bankr", "bankruptcy", "bk"]) {
        Some("bk")
    } else if has(&["misc", "miscellaneous"]) {
        Some("mc")
    } else if has(&["mag", "magistrate"]) {
        Some("mj")
    } else if has(&["mdl", "m.d.l"]) {
        Some("md")
    } else if has(&["criminal", "crim", "cr"]) {
        Some("cr")
    } else if has(&["civil", "civ", "c.a", "ca"]) || has(&["c"]) && has(&["a"]) {
        Some("cv")
    } else if has(&["d.c"]) || has(&["d"]) && has(&["c"]) {
        // "D.C. No.", "D. C. Docket No.": a district court's number cited by a court of
        // appeals, its type not said by the label.
        Some("dc")
    } else {
        None
    }
}

/// The length of the number that starts `rest`, just after a label, judges included.
fn after_label(
    rest: &str,
    label: Option<&'static str>,
    chain: &Chain,
    first: bool,
) -> Option<usize> {
    let words = &chain.words;
    // The number ends here: no letter or digit follows, nor a dash that goes on with one,
    // except a dash before a word of prose ("No. 07-00095—James L. Roe, District Judge").
    let word_ends = |s: &str| {
        let mut cs = s.chars();
        match (cs.next(), cs.next(), cs.next()) {
            (Some(c), _, _) if c.is_alphanumeric() => false,
            (Some(c), Some(a), b) if is_dash(c) && a.is_alphanumeric() => {
                a.is_uppercase() && b.is_some_and(char::is_lowercase)
            }
            // Cut at the end of a line: the rest is on the next ("No. 17-CV-").
            (Some(c), a, _) if is_dash(c) => !a.is_none_or(char::is_whitespace),
            _ => true,
        }
    };
    if let Some(m) = BARE.get().find(rest) {
        let after = &rest[m.end()..];
        // "2018-06-1735" has three parts: not `yy-nnnnn` (read as printed below).
        let three_parts = after.starts_with(is_dash)
            && after
                .chars()
                .skip(1)
                .take_while(char::is_ascii_digit)
                .count()
                >= 3;
        if !after.starts_with(|c: char| c.is_ascii_digit()) && !three_parts {
            let end = m.end() + suffix_len(after);
            if word_ends(&rest[end..]) {
                return Some(end);
            }
        }
    }
    if matches!(label, Some("cv" | "cr")) {
        if let Some(m) = JUDGE_FIRST.get().find(rest) {
            if word_ends(&rest[m.end()..]) {
                return Some(m.end() + suffix_len(&rest[m.end()..]));
            }
        }
    }
    if label == Some("md") {
        if let Some(m) = PANEL.get().find(rest) {
            return Some(m.end());
        }
    }
    if !chain.named {
        return None; // after a name, only a number of a case number's shape
    }
    let m = OTHER.get().find(rest)?;
    let t = m.as_str();
    // A list goes on with numbers of two parts ("Docket Nos. 19031-13 and 27735-13").
    if !first && !t.contains(is_dash) {
        return None;
    }
    let digits = t.chars().any(|c| c.is_ascii_digit());
    // Digits alone are a case number only after "Case", "File", "Index" or "Cause" ("Docket
    // No. 45" is a paper of the docket).
    let plain = t.chars().all(|c| c.is_ascii_digit());
    let case_word = words
        .last()
        .is_some_and(|w| matches!(w.as_str(), "case" | "file" | "index" | "cause"));
    (digits && t.chars().count() >= 4 && (!plain || case_word) && word_ends(&rest[m.end()..]))
        .then_some(m.end())
}

/// Words after a number (after one space) that are not judges' initials.
const NOT_JUDGES: &[&str] = &[
    "AND", "OR", "VS", "THE", "OF", "FOR", "IN", "RE", "ON", "TO", "AT", "BY", "NO", "NOS", "LLC",
    "INC", "LTD", "LLP", "CO", "USA", "ET", "AL", "DATE", "TIME", "DEPT", "CTRM", "CASE", "JURY",
    "ALL", "MDL", "CIV", "CV", "CR", "MAG", "ETC", "DC",
];

/// The length of the judges' suffix at the start of `rest` (the text just after a number):
/// `-KJN`, `-DAD-BAM`, `-abc` (bankruptcy), `-1` (a defendant's number), ` QBP`, ` TLN KJN`,
/// `(XRFx)`, ` (VEC) (SDA)`, `(RMB-JS)`, `(LMB/IDD)`, and initials set directly after the
/// digits (`76JVS`, `04593LB`).
fn suffix_len(rest: &str) -> usize {
    let letters = |s: &str| s.bytes().take_while(u8::is_ascii_alphabetic).count();
    let alnum_next = |s: &str| s.starts_with(|c: char| c.is_alphanumeric());
    let mut at = 0;
    let caps = rest.bytes().take_while(u8::is_ascii_uppercase).count();
    let attached = caps + usize::from(caps > 0 && rest[caps..].starts_with('x'));
    if (1..=4).contains(&caps) && !alnum_next(&rest[attached..]) {
        at = attached;
    }
    let mut spaced = 0;
    loop {
        let r = &rest[at..];
        if let Some(d) = r.chars().next().filter(|c| is_dash(*c)).map(char::len_utf8) {
            let after = &r[d..];
            let n = letters(after);
            // Initials in capitals (a magistrate's `x` after them), or in lower case as
            // bankruptcy courts and the 2d Cir. print them; never a word ("—James").
            let word = after[..n]
                .strip_suffix('x')
                .filter(|w| !w.is_empty())
                .unwrap_or(&after[..n]);
            let uniform = word.bytes().all(|b| b.is_ascii_uppercase())
                || after[..n].bytes().all(|b| b.is_ascii_lowercase());
            if (1..=5).contains(&n) && uniform && !alnum_next(&after[n..]) {
                at += d + n;
                continue;
            }
            // A text layer's space after the hyphen: "8:16-ml-02693- JLS (KESx)".
            if let Some(spaced) = after.strip_prefix(' ') {
                let n = spaced.bytes().take_while(u8::is_ascii_uppercase).count();
                if (2..=4).contains(&n) && !alnum_next(&spaced[n..]) {
                    at += d + 1 + n;
                    continue;
                }
            }
            let n = after.bytes().take_while(u8::is_ascii_digit).count();
            // A defendant's number ("-1", D. Ariz.'s "-001-TUC-RM"), not a part of a longer
            // number ("2018-06-1735").
            let next = &after[n..];
            let digit_after_dash = next.starts_with(is_dash)
                && next.chars().nth(1).is_some_and(|c| c.is_ascii_digit());
            if (1..=3).contains(&n)
                && !next.starts_with(|c: char| c.is_alphanumeric())
                && !digit_after_dash
            {
                at += d + n;
                continue;
            }
            break;
        }
        let spaces = r.len() - r.trim_start_matches(' ').len();
        let r2 = &r[spaces..];
        if spaces <= 2 && r2.starts_with('(') {
            if let Some(n) = parens_len(r2) {
                at += spaces + n;
                continue;
            }
        }
        if spaces == 1 && spaced < 2 {
            let n = r2.bytes().take_while(u8::is_ascii_uppercase).count();
            let n = n + usize::from(n > 0 && r2[n..].starts_with('x'));
            let word = r2[..n].trim_end_matches('x');
            let ends = r2[n..].is_empty()
                || r2[n..].starts_with([' ', '(', ')', ',', ';', '\n', '\t'])
                || r2[n..].starts_with(is_dash);
            if (2..=4).contains(&word.len()) && ends && !NOT_JUDGES.contains(&word) {
                at += spaces + n;
                spaced += 1;
                continue;
            }
        }
        break;
    }
    at
}

/// The length of `(JEMx)`, `(RMB-JS)`, `(LMB/IDD)`, and of an appellate `(L)` or `(Con)`, at the
/// start of `s`; None when the parentheses hold anything else.
fn parens_len(s: &str) -> Option<usize> {
    let close = s.find(')')?;
    let inner = &s[1..close];
    let token = |t: &str| {
        let caps = t.trim_end_matches('x');
        (!caps.is_empty() && caps.len() <= 5 && caps.bytes().all(|b| b.is_ascii_uppercase()))
            || matches!(t, "Con" | "CON" | "XAP")
    };
    (!inner.is_empty() && inner.split(['-', '/', ',']).all(|t| token(t.trim())))
        .then_some(close + 1)
}

/// `printed` with every dash a hyphen, whitespace single spaces, no spaces around a hyphen or
/// a colon, and no year's apostrophe in front (`'24CV0318`).
fn canonical(printed: &str) -> String {
    let mapped: String = printed
        .chars()
        .map(|c| {
            if is_dash(c) {
                '-'
            } else if c.is_whitespace() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut s = mapped.split_whitespace().collect::<Vec<_>>().join(" ");
    for (from, to) in [(" -", "-"), ("- ", "-"), (" :", ":"), (": ", ":")] {
        while s.contains(from) {
            s = s.replace(from, to);
        }
    }
    s.trim_start_matches(['\'', '’']).to_string()
}

/// Initials that stand in a suffix but name no judge: CM/ECF's `NONE` (no district judge
/// assigned), D. Ariz.'s divisions.
const NOT_INITIALS: &[&str] = &["NONE", "PHX", "TUC", "PCT"];

/// E.D. Cal.'s marks of the kind of case, in parentheses after the number: prisoner, habeas,
/// pro se. Not initials there (outside parentheses they may be a judge's).
const CASE_MARKS: &[&str] = &["(PC)", "(HC)", "(PS)"];

/// The judges' initials of a suffix, or None when `rest` is not a whole suffix.
fn judges(rest: &str) -> Option<Vec<String>> {
    if suffix_len(rest) != rest.len() {
        return None;
    }
    let mut rest = rest.to_string();
    for mark in CASE_MARKS {
        rest = rest.replace(mark, " ");
    }
    let mut out: Vec<String> = Vec::new();
    for t in rest.split(|c: char| !c.is_ascii_alphanumeric()) {
        if t.is_empty() || t.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        // C.D. Cal.'s "JEMx": the x marks the magistrate judge.
        let t = match t.strip_suffix('x') {
            Some(caps) if !caps.is_empty() && caps.bytes().all(|b| b.is_ascii_uppercase()) => caps,
            _ => t,
        };
        // Bankruptcy courts print initials in lower case ("23-10456-abc").
        let t = if t.bytes().all(|b| b.is_ascii_lowercase()) {
            t.to_uppercase()
        } else {
            t.to_string()
        };
        if t.bytes().all(|b| b.is_ascii_uppercase())
            && !NOT_INITIALS.contains(&t.as_str())
            && !out.contains(&t)
        {
            out.push(t);
        }
    }
    Some(out)
}

/// Read a number as printed (a [`Printed::text`], or a stamp's number) into its parts.
/// `label` is the type its label names ([`Printed::label`]), `court` the court that printed
/// it. None when the number is not a federal one that can be read whole, or its type is not
/// printed ("Case No. 19-05257" of a district court).
pub fn parse(printed: &str, label: Option<&str>, court: Court) -> Option<CaseNumber> {
    let s = canonical(printed);
    let two = |y: &str| y.parse::<u8>().ok();
    let office = |c: &regex::Captures| c.name("office").and_then(|o| o.as_str().parse().ok());
    let number = |c: &regex::Captures| c["num"].parse::<u32>().ok();
    let local = court != Court::Other;
    if let Some(c) = PARSE_TYPED.get().captures(&s) {
        let kind = match c.name("t1").or(c.name("t2"))?.as_str() {
            "C" => "cv".to_string(),
            t => t.to_lowercase(),
        };
        return Some(CaseNumber {
            office: office(&c),
            year: Some(two(&c["year"])?),
            kind: Some(kind),
            number: number(&c)?,
            judges: judges(&c["rest"])?,
        });
    }
    if let Some(c) = PARSE_SPACED.get().captures(&s).filter(|_| local) {
        let kind = match &c["t"] {
            "Civ" | "CIV" | "CV" | "Cv" | "C" => "cv",
            "Crim" | "CRIM" | "Cr" | "CR" => "cr",
            "Mag" | "MAG" | "MJ" => "mj",
            _ => "mc",
        };
        return Some(CaseNumber {
            office: None,
            year: Some(two(&c["year"])?),
            kind: Some(kind.to_string()),
            number: number(&c)?,
            judges: judges(&c["rest"])?,
        });
    }
    if let Some(c) = PARSE_PREFIXED.get().captures(&s).filter(|_| local) {
        let t = &c["t"];
        let kind = match t {
            "MDL" => "md",
            "ML" => "ml",
            "MC" => "mc",
            "MJ" => "mj",
            _ if t.ends_with('R') || t == "Cr" => "cr",
            _ => "cv",
        };
        return Some(CaseNumber {
            office: None,
            year: Some(two(&c["year"])?),
            kind: Some(kind.to_string()),
            number: number(&c)?,
            judges: judges(&c["rest"])?,
        });
    }
    if let (Some(c), Some(kind @ ("cv" | "cr"))) = (PARSE_JUDGE_FIRST.get().captures(&s), label) {
        if local {
            let mut all = vec![c["first"].to_string()];
            for j in judges(&c["rest"])? {
                if !all.contains(&j) {
                    all.push(j);
                }
            }
            return Some(CaseNumber {
                office: None,
                year: Some(two(&c["year"])?),
                kind: Some(kind.to_string()),
                number: number(&c)?,
                judges: all,
            });
        }
    }
    // The 11th Cir.'s "D. C. Docket No. 06-02274-CV-AR-S": the district court's number with
    // its type after it, then the judge and the division's letter (N.D. Ala.'s S, W, NE...).
    let dc = label == Some("dc");
    if let Some(c) = PARSE_TYPE_AFTER.get().captures(&s).filter(|_| local && dc) {
        let mut all = judges(c.name("rest").map_or("", |r| r.as_str()))?;
        if all.len() >= 2 && all.last().is_some_and(|d| d.len() <= 2) {
            all.pop();
        }
        return Some(CaseNumber {
            office: None,
            year: Some(two(&c["year"])?),
            kind: Some(c["t"].to_lowercase()),
            number: number(&c)?,
            judges: all,
        });
    }
    let panel = s
        .to_uppercase()
        .replace(['.', ' '], "")
        .starts_with("MDLNO");
    if label == Some("md") || panel {
        if let Some(c) = PARSE_PANEL.get().captures(&s).filter(|_| local) {
            return Some(CaseNumber {
                office: None,
                year: None,
                kind: Some("mdl".to_string()),
                number: number(&c)?,
                judges: Vec::new(),
            });
        }
    }
    if let Some(c) = PARSE_BARE.get().captures(&s).filter(|_| local) {
        let kind = match (label, court) {
            // A district court's number whose type is not printed.
            (Some("dc"), _) => return None,
            (Some(k), _) => Some(k),
            (None, Court::Bankruptcy) => Some("bk"),
            (None, Court::Appellate) => None,
            _ => return None,
        };
        let year = &c["year"];
        // The Federal Circuit prints four-digit years ("2009-1361"), its stamps two ("Case:
        // 09-1361"): an appellate number keeps the last two.
        let year = match (year.len(), kind) {
            (2, _) => two(year)?,
            (4, None) if year.starts_with("19") || year.starts_with("20") => two(&year[2..])?,
            _ => return None,
        };
        return Some(CaseNumber {
            office: office(&c),
            year: Some(year),
            kind: kind.map(str::to_string),
            number: number(&c)?,
            // A court of appeals' number carries no judges: its suffixes are the 2d Cir.'s
            // types ("17-3510-cv") and a list's marks ("(L)", "(Con)").
            judges: if kind.is_some() {
                judges(&c["rest"])?
            } else {
                judges(&c["rest"]).map(|_| Vec::new())?
            },
        });
    }
    None
}

/// The canonical form of a parsed number: `2:17-cv-01666`, `18-cv-01944`, `16-bk-24364`,
/// appellate `19-01234`, the Panel's `mdl-02741`.
pub fn normalized(c: &CaseNumber) -> String {
    let office = c.office.map(|o| format!("{o}:")).unwrap_or_default();
    match (c.year, &c.kind) {
        (Some(y), Some(k)) => format!("{office}{y:02}-{k}-{:05}", c.number),
        (Some(y), None) => format!("{office}{y:02}-{:05}", c.number),
        (None, Some(k)) => format!("{k}-{:05}", c.number),
        (None, None) => format!("{:05}", c.number),
    }
}

/// [`parse`] and [`normalized`] in one.
pub fn normalize(printed: &str, label: Option<&str>, court: Court) -> Option<String> {
    parse(printed, label, court).map(|c| normalized(&c))
}

/// A normalized number without its office digit: `2:16-cv-06794` → `16-cv-06794`. A caption
/// prints the office less often than the stamp does; within a court this key joins the two
/// (in courts that number each division apart it can join two cases, which the office then
/// tells apart).
pub fn without_office(normalized: &str) -> &str {
    match normalized.split_once(':') {
        Some((office, rest))
            if !office.is_empty() && office.bytes().all(|b| b.is_ascii_digit()) =>
        {
            rest
        }
        _ => normalized,
    }
}

/// The adversary proceeding that a bankruptcy court's bare number `normalized` (read as its
/// main case, `20-bk-03050`) names, when `caption` holds that number as one (`20-ap-03050`):
/// the two print alike. The office is the one `normalized` has.
pub fn as_adversary(normalized: &str, caption: &[String]) -> Option<String> {
    let bare = without_office(normalized);
    let office = &normalized[..normalized.len() - bare.len()];
    let (year, number) = bare.split_once("-bk-")?;
    let ap = format!("{year}-ap-{number}");
    caption
        .iter()
        .any(|c| without_office(c) == ap)
        .then(|| format!("{office}{ap}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The numbers of `text` as printed.
    fn check(text: &str, want: &[&str]) {
        assert_eq!(printed(text), want, "{text}");
    }

    /// One number of `text`, in a district court: as printed, normalized, its judges.
    fn check_district(text: &str, as_printed: &str, want: &str, judges: &[&str]) {
        check_in(Court::District, text, as_printed, want, judges);
    }

    fn check_in(court: Court, text: &str, as_printed: &str, want: &str, want_judges: &[&str]) {
        let found = find(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].text, as_printed, "{text}");
        let c = parse(&found[0].text, found[0].label, court)
            .unwrap_or_else(|| panic!("not parsed: {text}"));
        assert_eq!(normalized(&c), want, "{text}");
        assert_eq!(c.judges, want_judges, "{text}");
    }

    /// Found as printed, not normalized in `court`.
    fn check_unread(court: Court, text: &str, as_printed: &str) {
        let found = find(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].text, as_printed, "{text}");
        assert_eq!(parse(&found[0].text, found[0].label, court), None, "{text}");
    }

    #[test]
    fn cm_ecf_district_numbers() {
        let d = check_district;
        d(
            "Case No. 2:17-cv-1666-KJN",
            "2:17-cv-1666-KJN",
            "2:17-cv-01666",
            &["KJN"],
        );
        d(
            "No. 1:20-cv-04455-QNQ-ONZ",
            "1:20-cv-04455-QNQ-ONZ",
            "1:20-cv-04455",
            &["QNQ", "ONZ"],
        );
        d(
            "Case No. 8:16-cv-4794 QBP (XRFx)",
            "8:16-cv-4794 QBP (XRFx)",
            "8:16-cv-04794",
            &["QBP", "XRF"],
        );
        d("1:18-cr-00123", "1:18-cr-00123", "1:18-cr-00123", &[]);
        d(
            "CASE NO. 2:20-SW-106 QO",
            "2:20-SW-106 QO",
            "2:20-sw-00106",
            &["QO"],
        );
        d(
            "Case No. 1:20-MJ-00104 EPG",
            "1:20-MJ-00104 EPG",
            "1:20-mj-00104",
            &["EPG"],
        );
        d(
            "Case No. 2:15-cv-0208 TLN KJN",
            "2:15-cv-0208 TLN KJN",
            "2:15-cv-00208",
            &["TLN", "KJN"],
        );
        d(
            "Civil Action No. 3:18-cv-49764(OEZ)(GWO)",
            "3:18-cv-49764(OEZ)(GWO)",
            "3:18-cv-49764",
            &["OEZ", "GWO"],
        );
        d(
            "Case No. 1:18-cv-08653 (VEC) (SDA)",
            "1:18-cv-08653 (VEC) (SDA)",
            "1:18-cv-08653",
            &["VEC", "SDA"],
        );
        d(
            "Case No. 2:16-cv-08962-CAS-KSx",
            "2:16-cv-08962-CAS-KSx",
            "2:16-cv-08962",
            &["CAS", "KS"],
        );
        d(
            "Case No. 17-cv-08892-OYS",
            "17-cv-08892-OYS",
            "17-cv-08892",
            &["OYS"],
        );
        d("Case No. 19-MC-80215", "19-MC-80215", "19-mc-80215", &[]);
        d(
            "Case No. 19-md-02918-MMC",
            "19-md-02918-MMC",
            "19-md-02918",
            &["MMC"],
        );
        d(
            "Case No. 8:16-ml-02693-JLS-KES",
            "8:16-ml-02693-JLS-KES",
            "8:16-ml-02693",
            &["JLS", "KES"],
        );
        d("Misc. No. 19-mc-00012", "19-mc-00012", "19-mc-00012", &[]);
        d(
            "Case No. 2:20-po-00321-DB",
            "2:20-po-00321-DB",
            "2:20-po-00321",
            &["DB"],
        );
        // No district judge assigned yet: CM/ECF prints NONE in the judge's place.
        d(
            "Case No. 1:11-cv-00637-NONE-EPG",
            "1:11-cv-00637-NONE-EPG",
            "1:11-cv-00637",
            &["EPG"],
        );
        // A defendant's number after the judge: not a judge, not part of the case.
        d(
            "Case No. 18-cr-00258-EJD-1",
            "18-cr-00258-EJD-1",
            "18-cr-00258",
            &["EJD"],
        );
        // N.D. Tex.: one letter for a judge.
        d(
            "Civil Action No. 4:19-cv-00512-O",
            "4:19-cv-00512-O",
            "4:19-cv-00512",
            &["O"],
        );
        // D. Minn.'s office 0.
        d(
            "Case No. 0:20-cv-01234-ABC-DEF",
            "0:20-cv-01234-ABC-DEF",
            "0:20-cv-01234",
            &["ABC", "DEF"],
        );
        // E.D. Va. without dashes, judges joined by a slash.
        d(
            "Civil Action No. 1:19cv1234 (LMB/IDD)",
            "1:19cv1234 (LMB/IDD)",
            "1:19-cv-01234",
            &["LMB", "IDD"],
        );
        // W.D. Tex.: the division's letters before the year.
        d(
            "Civil Action No. SA-19-CV-01234-XR",
            "SA-19-CV-01234-XR",
            "19-cv-01234",
            &["XR"],
        );
        // S.D.N.Y. and E.D.N.Y. with dashes.
        d(
            "No. 20-CV-1234 (ABC)",
            "20-CV-1234 (ABC)",
            "20-cv-01234",
            &["ABC"],
        );
        // D.N.J.: two judges in one pair of parentheses.
        d(
            "Civil No. 2:16-cv-4465 (RMB-JS)",
            "2:16-cv-4465 (RMB-JS)",
            "2:16-cv-04465",
            &["RMB", "JS"],
        );
        // E.D. Cal.'s mark of a prisoner's case is no judge.
        d(
            "No. 2:19-cv-0123 DB (PC)",
            "2:19-cv-0123 DB (PC)",
            "2:19-cv-00123",
            &["DB"],
        );
    }

    #[test]
    fn suffixes_that_name_no_judge() {
        let d = check_district;
        // D. Ariz.'s defendant number has three digits, its division stands before the judge.
        let line = "No. CR-18-01234-001-TUC-RM";
        d(line, "CR-18-01234-001-TUC-RM", "18-cr-01234", &["RM"]);
        // E.D. Cal.'s marks of the kind of case, in parentheses; the same letters after a
        // hyphen are a judge's.
        let line = "No. 2:19-cv-0456-KJM-DB (PS)";
        d(
            line,
            "2:19-cv-0456-KJM-DB (PS)",
            "2:19-cv-00456",
            &["KJM", "DB"],
        );
        d(
            "No. 1:19-cv-0789 (HC)",
            "1:19-cv-0789 (HC)",
            "1:19-cv-00789",
            &[],
        );
        d(
            "No. 2:19-cv-0790-PS",
            "2:19-cv-0790-PS",
            "2:19-cv-00790",
            &["PS"],
        );
        // D.D.C.'s defendant number without dashes in the number.
        d("No. 06cr00298-01", "06cr00298-01", "06-cr-00298", &[]);
    }

    #[test]
    fn more_court_forms() {
        let d = check_district;
        // E.D. and W.D. Wis.: C for civil between the year and the number.
        d("No. 05-C-00999", "05-C-00999", "05-cv-00999", &[]);
        d("Case No. 12-CR-345", "12-CR-345", "12-cr-00345", &[]);
        // C.D. Cal.'s division set apart from the type.
        d(
            "SA CR 19-061-JVS",
            "SA CR 19-061-JVS",
            "19-cr-00061",
            &["JVS"],
        );
        d(
            "Case No. LA CV17-00308 JAK (AFMx)",
            "LA CV17-00308 JAK (AFMx)",
            "17-cv-00308",
            &["JAK", "AFM"],
        );
        // A space after the hyphen, as a text layer may set it.
        d(
            "Case No. 8:16-ml-02693- JLS (KESx)",
            "8:16-ml-02693- JLS (KESx)",
            "8:16-ml-02693",
            &["JLS", "KES"],
        );
        // A name after a dash is no judge.
        check(
            "No. 05-C-00999\u{2014}Charles N. Clevert, Jr., Chief Judge.",
            &["05-C-00999"],
        );
        check(
            "No. 07-00095\u{2014}James L. Graham, District Judge.",
            &["07-00095"],
        );
    }

    #[test]
    fn more_appellate_forms() {
        let a = |text: &str, as_printed: &str, want: &str| {
            check_in(Court::Appellate, text, as_printed, want, &[])
        };
        a("Docket #: 17-3510 DC Court: SDNY", "17-3510", "17-03510");
        a("08-6301-cv", "08-6301-cv", "08-06301");
        a("20-1234(L)", "20-1234(L)", "20-01234");
        check(
            "Docket Nos. 19031-13 and 27735-13",
            &["19031-13", "27735-13"],
        );
    }

    #[test]
    fn every_dash_is_a_hyphen() {
        let d = check_district;
        // D. Or. sets its numbers with U+2212 minus signs.
        d(
            "Case No. 3:24\u{2212}cv\u{2212}00838\u{2212}SB",
            "3:24\u{2212}cv\u{2212}00838\u{2212}SB",
            "3:24-cv-00838",
            &["SB"],
        );
        d(
            "Case No.: 17\u{2013}cv\u{2013}10310",
            "17\u{2013}cv\u{2013}10310",
            "17-cv-10310",
            &[],
        );
        d(
            "Case No. 5:21\u{2014}cv\u{2014}00457",
            "5:21\u{2014}cv\u{2014}00457",
            "5:21-cv-00457",
            &[],
        );
        d(
            "Case No. 2:18\u{2011}cv\u{2011}04321\u{2011}ABC",
            "2:18\u{2011}cv\u{2011}04321\u{2011}ABC",
            "2:18-cv-04321",
            &["ABC"],
        );
        // Spaced out by a text layer, as S.D.N.Y. stamps are.
        d(
            "1 : 09 - cv - 02814",
            "1 : 09 - cv - 02814",
            "1:09-cv-02814",
            &[],
        );
    }

    #[test]
    fn court_local_district_forms() {
        let d = check_district;
        // C.D. Cal.
        d(
            "Case No. CV 17-1234-ABC (JEMx)",
            "CV 17-1234-ABC (JEMx)",
            "17-cv-01234",
            &["ABC", "JEM"],
        );
        d(
            "Case No. CV 20-9886-TJ-WRZx",
            "CV 20-9886-TJ-WRZx",
            "20-cv-09886",
            &["TJ", "WRZ"],
        );
        d(
            "Case No. CV 15-2370 JVS(DFMx)",
            "CV 15-2370 JVS(DFMx)",
            "15-cv-02370",
            &["JVS", "DFM"],
        );
        d(
            "Case No. CV17-00308 JAK (AFMx)",
            "CV17-00308 JAK (AFMx)",
            "17-cv-00308",
            &["JAK", "AFM"],
        );
        d(
            "Case No. CV 99-8333-DMG (Ex)",
            "CV 99-8333-DMG (Ex)",
            "99-cv-08333",
            &["DMG", "E"],
        );
        d(
            "Case No. CR 20-155 VAP",
            "CR 20-155 VAP",
            "20-cr-00155",
            &["VAP"],
        );
        d(
            "Docket No. SACR 16-76JVS",
            "SACR 16-76JVS",
            "16-cr-00076",
            &["JVS"],
        );
        d(
            "Case No. SACV 18-0456-DOC (KESx)",
            "SACV 18-0456-DOC (KESx)",
            "18-cv-00456",
            &["DOC", "KES"],
        );
        d(
            "Case No. EDCV 19-1022 JGB (SPx)",
            "EDCV 19-1022 JGB (SPx)",
            "19-cv-01022",
            &["JGB", "SP"],
        );
        d(
            "ML 10-2151-JVS(FMOx)",
            "ML 10-2151-JVS(FMOx)",
            "10-ml-02151",
            &["JVS", "FMO"],
        );
        // N.D. Cal. before 2007, and with the judge set against the number.
        d("No. C 04-0098 SI", "C 04-0098 SI", "04-cv-00098", &["SI"]);
        d(
            "Case No. C19-04593LB",
            "C19-04593LB",
            "19-cv-04593",
            &["LB"],
        );
        d(
            "No. CR-19-0491 JST",
            "CR-19-0491 JST",
            "19-cr-00491",
            &["JST"],
        );
        // S.D. Cal.
        d(
            "Case No.: '24CV0318 JKL MNO",
            "'24CV0318 JKL MNO",
            "24-cv-00318",
            &["JKL", "MNO"],
        );
        d(
            "Case No. 18cv1944-AJB (BLM)",
            "18cv1944-AJB (BLM)",
            "18-cv-01944",
            &["AJB", "BLM"],
        );
        // S.D.N.Y., E.D.N.Y., N.D. Ill.
        d(
            "09 Civ. 1751 (JGK)",
            "09 Civ. 1751 (JGK)",
            "09-cv-01751",
            &["JGK"],
        );
        d(
            "S1 20 Cr. 123 (PKC)",
            "20 Cr. 123 (PKC)",
            "20-cr-00123",
            &["PKC"],
        );
        d("20 Mag. 4567", "20 Mag. 4567", "20-mj-04567", &[]);
        d("No. 19 C 6543", "19 C 6543", "19-cv-06543", &[]);
        // D. Ariz.: the division between the number and the judge.
        d(
            "No. CV-25-3367-PHX-CDB",
            "CV-25-3367-PHX-CDB",
            "25-cv-03367",
            &["CDB"],
        );
        d(
            "No. CR-18-01234-TUC-RM",
            "CR-18-01234-TUC-RM",
            "18-cr-01234",
            &["RM"],
        );
        d(
            "MDL 15-02641-PHX-DGC",
            "MDL 15-02641-PHX-DGC",
            "15-md-02641",
            &["DGC"],
        );
    }

    #[test]
    fn labelled_district_numbers() {
        let d = check_district;
        // D.D.C., E.D. Pa., D. Mass., D. Del., D. Haw., D.P.R.
        d(
            "Civil Action No. 14-1632 (EGS)",
            "14-1632 (EGS)",
            "14-cv-01632",
            &["EGS"],
        );
        d(
            "Criminal No. 21-12 (ABC)",
            "21-12 (ABC)",
            "21-cr-00012",
            &["ABC"],
        );
        d("Criminal Action No. 21-345", "21-345", "21-cr-00345", &[]);
        d(
            "Misc. Action No. 21-123 (BAH)",
            "21-123 (BAH)",
            "21-mc-00123",
            &["BAH"],
        );
        d("Civil Action No. 19-5678", "19-5678", "19-cv-05678", &[]);
        d(
            "Civil Action No. 19-11234-ADB",
            "19-11234-ADB",
            "19-cv-11234",
            &["ADB"],
        );
        d(
            "C.A. No. 19-1234-CFC",
            "19-1234-CFC",
            "19-cv-01234",
            &["CFC"],
        );
        d(
            "CIV. NO. 19-00123 JAO-RT",
            "19-00123 JAO-RT",
            "19-cv-00123",
            &["JAO", "RT"],
        );
        d(
            "CR. NO. 19-00456 JMS",
            "19-00456 JMS",
            "19-cr-00456",
            &["JMS"],
        );
        d(
            "Civil No. 19-1234 (ADC)",
            "19-1234 (ADC)",
            "19-cv-01234",
            &["ADC"],
        );
        d(
            "Civ. No. 16-4465 (RMB-JS)",
            "16-4465 (RMB-JS)",
            "16-cv-04465",
            &["RMB", "JS"],
        );
        d("Magistrate No. 20-1234", "20-1234", "20-mj-01234", &[]);
        // D. Md.: the judge before the year.
        d(
            "Civil Action No. ELH-18-3191",
            "ELH-18-3191",
            "18-cv-03191",
            &["ELH"],
        );
        d(
            "Criminal No. RDB-19-0123",
            "RDB-19-0123",
            "19-cr-00123",
            &["RDB"],
        );
        // The Panel's number in a transferee court's caption.
        d("MDL No. 2741", "MDL No. 2741", "mdl-02741", &[]);
        d("M.D.L. No. 2885", "M.D.L. No. 2885", "mdl-02885", &[]);
        d(
            "IN RE: ROUNDUP PRODUCTS LIABILITY LITIGATION MDL No. 2741",
            "MDL No. 2741",
            "mdl-02741",
            &[],
        );
        // A label on the line above its number.
        d(
            "Civil Action No.\n22-1234 (ABC)",
            "22-1234 (ABC)",
            "22-cv-01234",
            &["ABC"],
        );
    }

    #[test]
    fn bankruptcy_numbers() {
        let b = |text: &str, as_printed: &str, want: &str, judges: &[&str]| {
            check_in(Court::Bankruptcy, text, as_printed, want, judges)
        };
        b(
            "Case No. 16-24364-NB",
            "16-24364-NB",
            "16-bk-24364",
            &["NB"],
        );
        b(
            "Case No. 23-10456-abc",
            "23-10456-abc",
            "23-bk-10456",
            &["ABC"],
        );
        b(
            "Bankr. No. 19-29613-gmh",
            "19-29613-gmh",
            "19-bk-29613",
            &["GMH"],
        );
        b(
            "In re: ) Case No. 20-50682 (MEH)",
            "20-50682 (MEH)",
            "20-bk-50682",
            &["MEH"],
        );
        b(
            "Chapter 11 Case No. 20-30242 (HLB)",
            "20-30242 (HLB)",
            "20-bk-30242",
            &["HLB"],
        );
        b(
            "Case number (if known) 18-53173",
            "18-53173",
            "18-bk-53173",
            &[],
        );
        b(
            "Adv. Proc. No. 20-03050 (HLB)",
            "20-03050 (HLB)",
            "20-ap-03050",
            &["HLB"],
        );
        b("Adv. Pro. No. 20-03051", "20-03051", "20-ap-03051", &[]);
        b(
            "Adv. No. 21-01012-abc",
            "21-01012-abc",
            "21-ap-01012",
            &["ABC"],
        );
        b("Adversary No. 19-5012", "19-5012", "19-ap-05012", &[]);
        b(
            "Adversary Proceeding No. 22-90033",
            "22-90033",
            "22-ap-90033",
            &[],
        );
        b(
            "Case No. 8:19-bk-10822-SC",
            "8:19-bk-10822-SC",
            "8:19-bk-10822",
            &["SC"],
        );
        b(
            "Adv. No. 2:20-ap-01456-ER",
            "2:20-ap-01456-ER",
            "2:20-ap-01456",
            &["ER"],
        );
        // A bankruptcy appeal in a district court: the label gives the type.
        check_district(
            "Bankr. No. 19-29613-gmh",
            "19-29613-gmh",
            "19-bk-29613",
            &["GMH"],
        );
    }

    #[test]
    fn appellate_numbers() {
        let a = |text: &str, as_printed: &str, want: &str| {
            check_in(Court::Appellate, text, as_printed, want, &[])
        };
        a("No. 19-1234", "19-1234", "19-01234");
        a("Case No. 21-55123", "21-55123", "21-55123");
        a("Docket No. 20-3977", "20-3977", "20-03977");
        a("USCA11 Case: 21-12355", "21-12355", "21-12355");
        a("Appellate Case: 19-1234", "19-1234", "19-01234");
        a("USCA4 Appeal: 17-2218", "17-2218", "17-02218");
        a("USCA Case #19-5022", "19-5022", "19-05022");
        // The Federal Circuit's four-digit year.
        a("2009-1361", "2009-1361", "09-01361");
        a("Appeal No. 2020-1567", "2020-1567", "20-01567");
        // The Second Circuit's type after the number, and a list's lead mark: no judges.
        a("Docket No. 17-3510-cv", "17-3510-cv", "17-03510");
        a("No. 20-1234(L)", "20-1234(L)", "20-01234");
        let found = find("Nos. 24\u{2013}1287 and 25\u{2013}250");
        let texts: Vec<&str> = found.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["24\u{2013}1287", "25\u{2013}250"]);
        let norm: Vec<Option<String>> = found
            .iter()
            .map(|p| normalize(&p.text, p.label, Court::Appellate))
            .collect();
        assert_eq!(norm, [Some("24-01287".into()), Some("25-00250".into())]);
        check(
            "Nos. 12-2207, 12-2208 & 12-2209",
            &["12-2207", "12-2208", "12-2209"],
        );
        // The Ninth Circuit's D.C. No. is the district court's: a number of its own.
        let line = "No. 19-56285 D.C. No. 2:18-cv-04321-ABC";
        check(line, &["19-56285", "2:18-cv-04321-ABC"]);
        let n: Vec<Option<String>> = find(line)
            .iter()
            .map(|p| normalize(&p.text, p.label, Court::Appellate))
            .collect();
        assert_eq!(n, [Some("19-56285".into()), Some("2:18-cv-04321".into())]);
        // A court of appeals' caption may print the district court's number in its local
        // form ("D.C. No. CV-00-13002-DDP").
        check_in(
            Court::Appellate,
            "D.C. No. CV-00-13002-DDP",
            "CV-00-13002-DDP",
            "00-cv-13002",
            &["DDP"],
        );
        // The 11th Cir. cites N.D. Ala.'s older form: type after the number, then the judge
        // and the division.
        check_in(
            Court::Appellate,
            "D. C. Docket No. 06-04321-CV-AB-S",
            "06-04321-CV-AB-S",
            "06-cv-04321",
            &["AB"],
        );
        // A D.C. No. without its type is not read as the appellate number it is not.
        check_unread(Court::Appellate, "D.C. No. 19-1234", "19-1234");
        // Columns run together: a name before "No.".
        check_in(
            Court::Appellate,
            "In re: RICHARD P. ROE No. 21-801",
            "21-801",
            "21-00801",
            &[],
        );
    }

    #[test]
    fn what_is_not_normalized() {
        // A district court's number without its type: the type is not printed.
        check_unread(Court::District, "Debtors. ) NO. 19-05257 JD", "19-05257 JD");
        check_unread(Court::District, "Case No. 20-02829", "20-02829");
        // State courts and agencies: found as printed, never normalized.
        check_unread(Court::Other, "Docket No. 2018-06-1735", "2018-06-1735");
        check_unread(Court::Other, "State File No. 58665-2018", "58665-2018");
        check_unread(Court::Other, "No. ED108783", "ED108783");
        check_unread(Court::Other, "No. 363A14-4", "363A14-4");
        check_unread(Court::Other, "Docket No. 19031-13", "19031-13");
        check_unread(
            Court::Other,
            "(Mobile Circuit Court: CV-18-90069)",
            "CV-18-90069",
        );
        check_unread(Court::Other, "Case No. 2019-0123", "2019-0123");
        // A four-digit year outside a court of appeals.
        check_unread(Court::District, "Case No. 2019-0123", "2019-0123");
    }

    #[test]
    fn what_is_no_case_number() {
        check("Ark. Bar No. 2003047", &[]);
        check("Annick M. Persinger (State Bar No. 272996)", &[]);
        check("DANIEL T. ROWE, CSR NO. 10987", &[]);
        check("CORP., JAMS No. 1220055347", &[]);
        check("JOB NO. 150159", &[]);
        check("Social Security No. 0 9 8 2", &[]);
        check("ORDER GRANTING MOTION (Docket No. 45)", &[]);
        check("(ECF No. 26-2)", &[]);
        check("ORDER SEALING DOCKET NUMBERS 26-2 AND 26-3", &[]);
        check("Telephone: (415) 391-5400", &[]);
        check("San Francisco, CA 94111-4067", &[]);
        check("MOTION IN LIMINE NO. 1 TO PRECLUDE TESTIMONY", &[]);
        check("Dkt. No. 123-4", &[]);
        // A number cut at the end of a line is not taken in part.
        check("See Doe v. Roe Univ., No. 17-CV-", &[]);
        check("General Order No. 19-07", &[]);
        check("JANE ROE No. 1220055347", &[]);
        check("ORDER GRANTING REQUEST FOR REDACTION", &[]);
        check("Civil Action No. 1:21-cv-______________", &[]);
        check("Pursuant to Local Rule 3.7(a)(1), all civil cases", &[]);
        // A word after the number that is not a judge's initials.
        check("Case No. 19-cv-01234 DATE: May 1, 2024", &["19-cv-01234"]);
        check(
            "Case No. 19-cv-01234 AND 19-cv-05678",
            &["19-cv-01234", "19-cv-05678"],
        );
        check("Case No. 2:17-cv-01666 ORDER", &["2:17-cv-01666"]);
    }

    #[test]
    fn courts() {
        let c = court_of;
        assert_eq!(
            c(
                "UNITED STATES BANKRUPTCY COURT NORTHERN DISTRICT OF CALIFORNIA",
                Some("canb")
            ),
            Court::Bankruptcy
        );
        assert_eq!(
            c(
                "UNITED STATES BANKRUPTCY APPELLATE PANEL OF THE NINTH CIRCUIT",
                Some("bap9")
            ),
            Court::Other
        );
        assert_eq!(
            c(
                "United States Court of Appeals For the First Circuit",
                Some("ca1")
            ),
            Court::Appellate
        );
        assert_eq!(
            c("Supreme Court of the United States", Some("scotus")),
            Court::Appellate
        );
        assert_eq!(
            c(
                "UNITED STATES DISTRICT COURT EASTERN DISTRICT OF CALIFORNIA",
                Some("caed")
            ),
            Court::District
        );
        assert_eq!(c("United States District Court", None), Court::District);
        assert_eq!(c("UNITED STATES TAX COURT", Some("tax")), Court::Other);
        assert_eq!(c("THE SUPREME COURT OF ALABAMA", Some("ala")), Court::Other);
        assert_eq!(
            c("DISTRICT COURT OF APPEAL OF FLORIDA", Some("fladistctapp")),
            Court::Other
        );
        assert_eq!(court_of_stamp("district"), Court::District);
        assert_eq!(court_of_stamp("bankruptcy"), Court::Bankruptcy);
        assert_eq!(court_of_stamp("ca11"), Court::Appellate);
    }

    #[test]
    fn stamp_numbers() {
        // As `clean::stamps` gives them: spaces gone, dashes hyphens.
        let s = |n: &str, form: &str| normalize(n, None, court_of_stamp(form));
        assert_eq!(
            s("2:17-cv-01666-KJN", "district").as_deref(),
            Some("2:17-cv-01666")
        );
        assert_eq!(
            s("16-24364-NB", "bankruptcy").as_deref(),
            Some("16-bk-24364")
        );
        assert_eq!(
            s("23-10456-abc", "bankruptcy").as_deref(),
            Some("23-bk-10456")
        );
        assert_eq!(
            s("2:16-bk-78598-AO", "bankruptcy").as_deref(),
            Some("2:16-bk-78598")
        );
        assert_eq!(s("19-1234", "ca10").as_deref(), Some("19-01234"));
        assert_eq!(s("21-12355", "ca11").as_deref(), Some("21-12355"));
        assert_eq!(s("17-2218", "ca4").as_deref(), Some("17-02218"));
        assert_eq!(
            s("1:09-cv-02814-WFE-EYR", "district").as_deref(),
            Some("1:09-cv-02814")
        );
        let p = parse("2:16-cv-06794-AB-JC", None, Court::District).expect("parsed");
        assert_eq!(p.judges, ["AB", "JC"]);
        assert_eq!(p.office, Some(2));
    }

    #[test]
    fn adversary_of_the_caption() {
        let caption = ["20-bk-30242".to_string(), "20-ap-03050".to_string()];
        assert_eq!(
            as_adversary("20-bk-03050", &caption).as_deref(),
            Some("20-ap-03050")
        );
        assert_eq!(as_adversary("20-bk-30242", &caption), None);
        assert_eq!(as_adversary("2:20-cv-03050", &caption), None);
    }

    #[test]
    fn office_free_key() {
        assert_eq!(without_office("2:16-cv-06794"), "16-cv-06794");
        assert_eq!(without_office("16-cv-06794"), "16-cv-06794");
        assert_eq!(without_office("mdl-02741"), "mdl-02741");
    }
}
