//! Where one paper ends and the next begins inside a PDF, from how filings are put together:
//! an exhibit slip sheet (a page that only says "EXHIBIT A", sometimes with what the exhibit
//! is) opens each exhibit; a cover sheet ("REDACTED VERSION OF DOCUMENT PROPOSED TO BE FILED
//! UNDER SEAL") stands before the paper it covers; a new caption, or a page headed "[PROPOSED]
//! ORDER", "DECLARATION OF ..." or "CERTIFICATE OF SERVICE", opens the next paper of a filing
//! (a motion with its declaration and proposed order; a stipulation with its order).
//!
//! Works on a page's line texts; never reads the PDF.

use crate::pattern::Pattern;
use regex::Regex;

fn re(p: &str) -> Regex {
    Regex::new(p).expect("static regex") // invariant: the patterns below are literals
}

/// An exhibit's label as slip sheets and exhibit stamps print it: "EXHIBIT A", "Exhibit 27",
/// "Ex. M", "EXHIBIT D-12", "Attachment 3", "Appendix B", "TAB F".
static LABEL: Pattern = Pattern::new(|| {
    re(
        r"(?:^|\s)(?:EXHIBITS?|Exhibits?|EXH\.|Exh\.|EX\.|Ex\.|ATTACHMENT|Attachment|APPENDIX|Appendix|ANNEX|Annex|TAB|Tab)\s+(?:No\.\s*)?[A-Z0-9]{1,4}(?:[-.][A-Z0-9]{1,4})*\b",
    )
});
/// What a cover sheet or a placeholder for a sealed paper says.
static SEALED: Pattern = Pattern::new(|| {
    re(
        r"(?i)\bunder\s+seal\b|\bredacted\b|\bpublic\s+version\b|\bsealed\b|\bsought\s+to\s+be\s+sealed\b|\bconfidential\b",
    )
});
/// Headings that open a paper of their own when they head a page.
static OPENS: Pattern = Pattern::new(|| {
    re(
        r"^(?:\[?\(?PROPOSED\)?\]?\s+)?(?:[A-Z'’.,&-]+\s+){0,3}(?:ORDER|JUDGMENT)\b|^(?:SUPPLEMENTAL\s+|AMENDED\s+)?(?:DECLARATION|AFFIDAVIT)\s+OF\b|^(?:CERTIFICATE|PROOF)\s+OF\s+(?:E-?)?SERVICE\b|^VERIFICATION\s*$",
    )
});

/// Non-empty lines and words of a page's text.
fn size(lines: &[String]) -> (usize, usize) {
    let n = lines.iter().filter(|l| !l.trim().is_empty()).count();
    let words = lines.iter().map(|l| l.split_whitespace().count()).sum();
    (n, words)
}

/// A page that holds a few words and nothing else: a slip sheet or a cover sheet.
fn is_sparse(lines: &[String]) -> bool {
    let (n, words) = size(lines);
    n > 0 && n <= 8 && words <= 45
}

/// The exhibit label of a slip sheet: a sparse page with a line that names an exhibit.
pub fn slip_sheet(lines: &[String]) -> Option<String> {
    if !is_sparse(lines) {
        return None;
    }
    lines
        .iter()
        .find_map(|l| LABEL.get().find(l).map(|m| m.as_str().trim().to_string()))
}

/// A cover sheet: a sparse page that says the paper behind it is a sealed or redacted version,
/// and names no exhibit.
pub fn cover_sheet(lines: &[String]) -> bool {
    is_sparse(lines)
        && slip_sheet(lines).is_none()
        && lines.iter().any(|l| SEALED.get().is_match(l))
}

/// An exhibit stamp on a full page: a short line at the top or the bottom of the page that is
/// only an exhibit label ("EXHIBIT 1", "Exhibit 57 Page 242", "Exh. B - 3").
pub fn exhibit_stamp(lines: &[String]) -> Option<String> {
    let texts: Vec<&String> = lines.iter().filter(|l| !l.trim().is_empty()).collect();
    let n = texts.len();
    texts
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < 3 || *i + 3 >= n)
        .find_map(|(_, l)| {
            let t = l.trim();
            let m = LABEL.get().find(t)?;
            (m.start() == 0 && t.split_whitespace().count() <= 6)
                .then(|| m.as_str().trim().to_string())
        })
}

/// The heading that opens a paper when it heads a page ("[PROPOSED] ORDER", "DECLARATION OF
/// JANE ROE", "CERTIFICATE OF SERVICE"): one of the page's first three lines, in capitals.
pub fn opening_heading(lines: &[String]) -> Option<String> {
    lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take(3)
        .map(|l| l.trim())
        .find(|t| {
            t.len() < 160
                && crate::segment::caption::upper_share(t) > 0.7
                && OPENS.get().is_match(&super::title::normalize(t))
        })
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn slip_sheets_and_cover_sheets() {
        assert_eq!(
            slip_sheet(&page(&["EXHIBIT D-12"])).as_deref(),
            Some("EXHIBIT D-12")
        );
        assert_eq!(
            slip_sheet(&page(&[
                "Exhibit 27",
                "to the Declaration of",
                "John Q. Doe"
            ]))
            .as_deref(),
            Some("Exhibit 27")
        );
        assert_eq!(
            slip_sheet(&page(&["Daubert Motion Ex. M", "(Filed Under Seal)"])).as_deref(),
            Some("Ex. M")
        );
        assert!(cover_sheet(&page(&[
            "REDACTED VERSION",
            "OF DOCUMENT",
            "PROPOSED TO BE FILED",
            "UNDER SEAL"
        ])));
        assert!(!cover_sheet(&page(&[
            "EXHIBIT A",
            "REDACTED PUBLIC VERSION"
        ])));
        let prose = page(&["The parties met and conferred about Exhibit A and agreed to the following schedule for the case, which the Court adopts in full today without change."; 3]);
        assert_eq!(slip_sheet(&prose), None);
    }

    #[test]
    fn exhibit_stamps_and_headings() {
        let mut p = page(&["EXHIBIT 1"]);
        p.extend(page(&["ACME WIDGET CO.'S POSITION STATEMENT"; 10]));
        assert_eq!(exhibit_stamp(&p).as_deref(), Some("EXHIBIT 1"));
        assert_eq!(
            opening_heading(&page(&[
                "[PROPOSED] ORDER",
                "Having considered the motion,"
            ]))
            .as_deref(),
            Some("[PROPOSED] ORDER")
        );
        assert!(
            opening_heading(&page(&["DECLARATION OF JANE ROE", "I, Jane Roe, declare:"])).is_some()
        );
        assert!(opening_heading(&page(&["CERTIFICATE OF SERVICE"])).is_some());
        assert!(
            opening_heading(&page(&["the order of the Court was entered on May 1."])).is_none()
        );
    }
}
