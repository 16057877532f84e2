//! Segment a cleaned document into caption, body, order clauses, signature and footnotes.
//!
//! Total and pure: it returns what it found plus warnings, never does I/O, never invents text
//! (every field is cut from the cleaned lines), and never panics on purpose.

pub mod caption;
pub mod courts;
pub mod footnotes;
pub mod minutes;
pub mod order;
pub mod parties;
pub mod signature;

use crate::clean::reflow::{self, Paragraph, TLine};
use crate::clean::{running, CleanDoc};
use crate::pdf::Line;
use serde::{Deserialize, Serialize};

/// A party named in the caption.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Party {
    /// The name as printed, without the role word and trailing comma.
    pub name: String,
    /// plaintiff, defendant, petitioner, respondent, appellant, appellee, movant, debtor,
    /// intervenor, in_re or other.
    pub role: String,
}

/// The caption of the first page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Caption {
    /// The court as printed, its lines joined.
    pub court: Option<String>,
    /// CourtListener's id for the court.
    pub court_id: Option<String>,
    /// Case numbers as printed.
    pub case_numbers: Vec<String>,
    /// The same, normalised for joins with docket data ("2:17-cv-04999").
    pub case_numbers_normalized: Vec<String>,
    /// Parties with roles.
    pub parties: Vec<Party>,
    /// The document's title as printed.
    pub title: Option<String>,
    /// Lines of the attorney block above the court name (proposed orders).
    pub attorneys: Vec<String>,
    /// A judge named in the caption ("Judge Kenneth M. Switzer", "Hon. Anthony W. Ishii").
    pub judge: Option<String>,
}

/// The body: the text between caption and signature, footnotes left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Body {
    /// Paragraphs separated by a blank line.
    pub text: String,
    /// The paragraphs with the page each begins on.
    pub paragraphs: Vec<Paragraph>,
}

/// One decretal clause.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Clause {
    /// Its printed number or letter, without punctuation.
    pub number: Option<String>,
    /// Its text, sub-items included.
    pub text: String,
    /// The page it begins on.
    pub page: usize,
}

/// The decretal part.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Order {
    /// The sentence that opens it ("IT IS HEREBY ORDERED that:").
    pub lead_in: Option<String>,
    /// The clauses in order.
    pub clauses: Vec<Clause>,
}

/// The signature block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Signature {
    /// ISO date.
    pub date: Option<String>,
    /// Name as printed, without "/s/", "Hon.", "HONORABLE".
    pub judge: Option<String>,
    /// Title as printed.
    pub title: Option<String>,
    /// Page of the block.
    pub page: Option<usize>,
}

/// A footnote.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Footnote {
    /// Its mark ("1", "*").
    pub number: Option<String>,
    /// Its text, continued across pages.
    pub text: String,
    /// The page it begins on.
    pub page: usize,
}

/// Everything segmentation found.
#[derive(Debug, Clone, Default)]
pub struct Segments {
    /// Caption.
    pub caption: Caption,
    /// Body.
    pub body: Body,
    /// Order.
    pub order: Order,
    /// Signature.
    pub signature: Signature,
    /// Footnotes.
    pub footnotes: Vec<Footnote>,
    /// Soft problems: fields not found.
    pub warnings: Vec<String>,
    /// The caption's lines as read (court, parties, title and all).
    pub caption_text: String,
    /// The signature block's lines.
    pub signature_text: String,
    /// What follows the signature block (certificates of service, attachments).
    pub trailing_text: String,
}

fn tline(page: usize, l: &Line) -> TLine {
    TLine {
        page,
        text: l.text(),
        x0: l.bbox.x0,
        x1: l.bbox.x1,
        baseline: l.baseline,
        size: l.size,
    }
}

/// Segment a cleaned document.
pub fn segment(doc: &CleanDoc) -> Segments {
    let mut warnings = Vec::new();
    if doc.quality.garbled_text && !doc.quality.text_repaired {
        warnings.push("text layer garbled and not repairable: not segmented".to_string());
        return Segments {
            warnings,
            ..Segments::default()
        };
    }
    let body_size = running::dominant_size(doc.pages.iter().flat_map(|p| &p.lines));
    let pages: Vec<(usize, &[Line])> = doc
        .pages
        .iter()
        // A scanned page is read once OCR has given it words.
        .filter(|p| !p.needs_ocr || p.ocr_confidence.is_some())
        .map(|p| (p.number, p.lines.as_slice()))
        .collect();
    let (pages, footnotes) = footnotes::split(&pages, body_size);

    // Caption on the first page with text.
    let mut caption = Caption::default();
    let mut caption_text = String::new();
    let mut minutes_signature = None;
    let mut skip = 0;
    let mut texted = pages.iter().filter(|(_, l)| !l.is_empty());
    if let Some((number, first_lines)) = texted.next() {
        let width = doc
            .pages
            .iter()
            .find(|p| p.number == *number)
            .map_or(612.0, |p| p.width);
        let (mut c, mut n, mut w, mut form_signature) = caption::find(first_lines, width);
        // A long caption (a list of parties) runs onto the next page: when page 1 holds no
        // prose and no party found a role, read the two pages as one caption.
        let no_role = c.parties.iter().all(|p| p.role == "other");
        if n >= first_lines.len() && no_role {
            if let Some((_, second)) = texted.next() {
                let both: Vec<Line> = first_lines.iter().chain(second.iter()).cloned().collect();
                let again = caption::find(&both, width);
                if again.0.parties.iter().any(|p| p.role != "other") {
                    (c, n, w, form_signature) = again;
                }
            }
        }
        minutes_signature = form_signature;
        caption = c;
        skip = n;
        let mut rest = n;
        let mut texts = Vec::new();
        for (_, ls) in pages.iter().filter(|(_, l)| !l.is_empty()) {
            let take = rest.min(ls.len());
            texts.extend(ls[..take].iter().map(Line::text));
            rest -= take;
            if rest == 0 {
                break;
            }
        }
        caption_text = texts.join("\n");
        warnings.extend(w);
    } else {
        warnings.push("no text to segment".to_string());
    }
    // The body starts after the caption's lines, which may reach onto page 2.
    let mut lines: Vec<TLine> = Vec::new();
    for (page, ls) in &pages {
        let from = skip.min(ls.len());
        skip -= from;
        lines.extend(ls.iter().skip(from).map(|l| tline(*page, l)));
    }

    let mut found = signature::find(&lines, 0);
    if found.is_none() {
        // A minutes form is signed by nobody: the judge it names stands for the signature.
        found = minutes_signature.map(|signature| {
            let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
            let start = minutes::body_end(&texts).unwrap_or(lines.len());
            signature::Found {
                signature,
                start,
                end: start,
            }
        });
    }
    if let Some(f) = found.as_mut().filter(|f| f.signature.judge.is_none()) {
        // The signed name is an image: the judge the caption names is the signer.
        if let Some(j) = &caption.judge {
            f.signature.judge = Some(j.clone());
            warnings.push("signature: no printed name; judge taken from the caption".to_string());
        }
    }
    let (body_lines, signature_lines, trailing_lines) = match &found {
        Some(f) => (&lines[..f.start], &lines[f.start..f.end], &lines[f.end..]),
        None => {
            warnings.push("no signature block found".to_string());
            (&lines[..], &lines[..0], &lines[..0])
        }
    };
    let join = |ls: &[TLine]| {
        ls.iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let paragraphs = reflow::paragraphs(body_lines);
    let (order, w) = order::find(&paragraphs);
    warnings.extend(w);
    let text = paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    Segments {
        caption,
        body: Body { text, paragraphs },
        order,
        signature: found.map(|f| f.signature).unwrap_or_default(),
        footnotes,
        warnings,
        caption_text,
        signature_text: join(signature_lines),
        trailing_text: join(trailing_lines),
    }
}
