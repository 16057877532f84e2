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

use crate::classify::Classification;
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
    /// The same, normalised for joins with docket data ("2:17-cv-04999"), in the canonical
    /// form of [`crate::case_number`]; a number that cannot be read whole has none.
    pub case_numbers_normalized: Vec<String>,
    /// Judges' initials printed with the case numbers ("2:17-cv-1666-KJN (JEMx)": KJN, JEM),
    /// upper case, first seen first.
    #[serde(default)]
    pub case_judges: Vec<String>,
    /// Parties with roles.
    pub parties: Vec<Party>,
    /// The document's title as printed.
    pub title: Option<String>,
    /// Lines of the attorney block above the court name (proposed orders).
    pub attorneys: Vec<String>,
    /// A judge named in the caption ("Judge Warren M. Hollis", "Hon. Peter W. Okafor").
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
    /// The pages (1-based) of the operative order: a whole order, judgment or minute order;
    /// the disposition of an opinion; the order section of a stipulation or motion. Empty when
    /// the document has none.
    pub pages: Vec<usize>,
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

pub(crate) fn tline(page: usize, l: &Line) -> TLine {
    TLine {
        page,
        text: l.text(),
        x0: l.bbox.x0,
        x1: l.bbox.x1,
        baseline: l.baseline,
        size: l.size,
    }
}

/// Segment a cleaned document, classifying it first.
pub fn segment(doc: &CleanDoc) -> Segments {
    segment_as(doc, &crate::classify::classify(doc))
}

/// Segment a cleaned document of the kind `class` says it is: the order's clauses and the
/// court's signature are looked for only in the paper that holds the operative order, and
/// only there; a paper that is no order (a motion, a declaration, a transcript) has neither.
pub fn segment_as(doc: &CleanDoc, class: &Classification) -> Segments {
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

    // Caption on the first page with text; a cover sheet or an exhibit slip sheet before it
    // is stepped over (its lines go with the caption's).
    let mut caption = Caption::default();
    let mut caption_text = String::new();
    let mut minutes_signature = None;
    let mut skip = 0;
    let texted: Vec<&(usize, std::borrow::Cow<[Line]>)> =
        pages.iter().filter(|(_, l)| !l.is_empty()).collect();
    let width_of = |number: usize| {
        doc.pages
            .iter()
            .find(|p| p.number == number)
            .map_or(612.0, |p| p.width)
    };
    let sparse = |ls: &[Line]| {
        let texts: Vec<String> = ls.iter().map(Line::text).collect();
        crate::classify::pages::cover_sheet(&texts)
            || crate::classify::pages::slip_sheet(&texts).is_some()
    };
    let lead = match texted.first() {
        Some((_, ls)) if texted.len() > 1 && sparse(ls) => 1,
        _ => 0,
    };
    // Some courts sign above the caption (bankruptcy courts' "IT IS ORDERED as set forth
    // below:" with the judge's signature block at the top of page 1).
    let mut head_lines: Vec<TLine> = Vec::new();
    // A letter has no caption: its address block names a court but is no caption.
    let captioned = class.doc_type != crate::classify::DocType::Letter;
    if let Some((number, first_lines)) = texted.get(lead).filter(|_| captioned) {
        let width = width_of(*number);
        let (mut c, mut n, mut w, mut form_signature) = caption::find(first_lines, width);
        // A long caption (a list of parties) runs onto the next page: when page 1 holds no
        // prose and no party found a role, read the two pages as one caption.
        let no_role = c.parties.iter().all(|p| p.role == "other");
        if n >= first_lines.len() && no_role {
            if let Some((_, second)) = texted.get(lead + 1) {
                let both: Vec<Line> = first_lines.iter().chain(second.iter()).cloned().collect();
                let again = caption::find(&both, width);
                if again.0.parties.iter().any(|p| p.role != "other") {
                    (c, n, w, form_signature) = again;
                }
            }
        }
        if lead > 0 && c.court.is_none() {
            // No caption behind the sheet either: the body starts after the sheet.
            n = 0;
            w.clear();
        }
        minutes_signature = form_signature;
        if let Some(court_at) = first_lines[..n.min(first_lines.len())]
            .iter()
            .position(|l| caption::is_court_line(&l.text()))
        {
            head_lines = first_lines[..court_at]
                .iter()
                .map(|l| tline(*number, l))
                .collect();
        }
        caption = c;
        skip = n + texted[..lead].iter().map(|(_, l)| l.len()).sum::<usize>();
        let mut rest = skip;
        let mut texts = Vec::new();
        for (_, ls) in &texted {
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

    // The paper that holds the order, as lines [scope_start, scope_end), and where in it the
    // order begins: the whole paper for an order, its closing section for a stipulation, a
    // motion or an opinion.
    let part = class.order_part.and_then(|i| class.parts.get(i));
    let (scope_start, scope_end) = match part {
        Some(p) => (
            lines
                .iter()
                .position(|l| l.page >= p.first_page)
                .unwrap_or(lines.len()),
            lines
                .iter()
                .position(|l| l.page > p.last_page)
                .unwrap_or(lines.len()),
        ),
        None => (lines.len(), lines.len()),
    };
    // A syllabus is the Reporter of Decisions' summary, "no part of the opinion of the Court":
    // its "affirmed." disposes of nothing. An opinion's order comes after its syllabus pages
    // (headed "Syllabus"), and a PDF of the syllabus alone has none.
    let scope_start = match class.doc_type {
        crate::classify::DocType::Opinion => {
            let syllabus = |n: usize| {
                doc.pages.iter().find(|p| p.number == n).is_some_and(|p| {
                    let is = |t: &str| t.trim().eq_ignore_ascii_case("syllabus");
                    p.running.iter().any(|r| is(r)) || p.lines.iter().take(4).any(|l| is(&l.text()))
                })
            };
            (scope_start..scope_end)
                .find(|&i| !syllabus(lines[i].page))
                .unwrap_or(scope_end)
        }
        _ => scope_start,
    };
    // An opinion of the court disposes before the separate opinions that follow it
    // ("JUSTICE ROE, concurring."): they are not the court's order.
    let scope_end = match class.doc_type {
        crate::classify::DocType::Opinion => (scope_start..scope_end)
            .find(|&i| {
                // The heading may wrap: "JUSTICE ROE, with whom JUSTICE DOE joins," /
                // "concurring."
                let next = lines.get(i + 1).map_or("", |l| l.text.as_str());
                i > scope_start && order::separate_opinion(&format!("{} {next}", lines[i].text))
            })
            .unwrap_or(scope_end),
        _ => scope_end,
    };
    let whole = part.is_some_and(|p| p.doc_type.is_order());
    let section = match part {
        Some(_) if whole => Some(scope_start),
        Some(_) => order::section_start(&lines[scope_start..scope_end], class.doc_type)
            .map(|i| scope_start + i),
        None => None,
    };

    let mut found = section.and_then(|from| {
        signature::find(&lines[..scope_end], from).filter(|f| f.start >= scope_start)
    });
    if found.is_none() && whole {
        // A minutes form is signed by nobody: the judge it names stands for the signature.
        found = minutes_signature.map(|signature| {
            let texts: Vec<&str> = lines[..scope_end].iter().map(|l| l.text.as_str()).collect();
            let start = minutes::body_end(&texts).unwrap_or(scope_end);
            signature::Found {
                signature,
                start,
                end: start,
            }
        });
    }
    let top = match &found {
        None if whole => signature::find(&head_lines, 0)
            .filter(|f| f.signature.title.is_some())
            .map(|f| f.signature),
        _ => None,
    };
    if let Some(f) = found.as_mut().filter(|f| f.signature.judge.is_none()) {
        // The signed name is an image: the judge the caption names is the signer.
        if let Some(j) = &caption.judge {
            f.signature.judge = Some(j.clone());
            warnings.push("signature: no printed name; judge taken from the caption".to_string());
        }
    }
    // An order's body ends at its signature, or with the order's paper; what follows
    // (certificates of service, attached forms, exhibits) is trailing text.
    let body_end = match (&found, whole) {
        (Some(f), _) => f.start,
        (None, true) => scope_end,
        (None, false) => lines.len(),
    };
    let (sig_end, trailing_from) = match &found {
        Some(f) => (f.end, f.end),
        None => (body_end, body_end),
    };
    if found.is_none() && section.is_some() {
        warnings.push("no signature block found".to_string());
    }
    let join = |ls: &[TLine]| {
        ls.iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let paragraphs = reflow::paragraphs(&lines[..body_end]);
    let mut order = Order::default();
    if let Some(from) = section {
        // The order's paragraphs: its lines from its first to its signature, within its paper.
        let first_page = lines.get(from).map_or(usize::MAX, |l| l.page);
        let order_end = body_end.min(scope_end).max(from.min(body_end));
        let ops = reflow::paragraphs(&lines[from.min(order_end)..order_end]);
        if std::env::var_os("ORDEX_DEBUG").is_some() {
            eprintln!("from {from} order_end {order_end} scope {scope_start}..{scope_end} body_end {body_end} n {}", lines.len());
            for p in &ops {
                eprintln!("  OP {:?}", &p.text[..p.text.len().min(100)]);
            }
        }
        // A paper that never orders in the court's words (ORDERED, GRANTED, DENIED, AFFIRMED,
        // ...) and is not titled an order has no decretal clauses, "shall" or not.
        let decretal = caption.title.as_deref().is_some_and(order::names_an_order)
            || part
                .and_then(|p| p.title.as_deref())
                .is_some_and(order::names_an_order)
            || ops
                .iter()
                .any(|p| order::has_decretal_phrase(&p.text) || order::order_heading(&p.text));
        let (o, w) = if decretal {
            order::find(&ops, class.doc_type)
        } else {
            (
                Order::default(),
                vec!["no decretal phrase: no order clauses".to_string()],
            )
        };
        order = o;
        warnings.extend(w);
        let last_page = found
            .as_ref()
            .and_then(|f| f.signature.page)
            .or_else(|| lines[..order_end].last().map(|l| l.page))
            .unwrap_or(first_page);
        // An order paper is the order, whole; a closing section or a minutes form orders
        // only where it says so.
        let holds = if whole && class.doc_type != crate::classify::DocType::MinuteOrder {
            true
        } else {
            !order.clauses.is_empty()
        };
        if holds {
            let (a, b) = if whole {
                part.map_or((first_page, last_page), |p| (p.first_page, p.last_page))
            } else {
                (
                    order
                        .clauses
                        .first()
                        .map_or(first_page, |c| c.page.min(first_page.max(1))),
                    last_page,
                )
            };
            order.pages = (a..=b.max(a)).collect();
        }
    }
    // The court signs its order: a paper that holds none has no court's signature (a minutes
    // form of a trial names the judge who presided, and orders nothing).
    let signature = match (&found, part) {
        // An opinion is the court's, signed by it, whether or not this PDF holds its disposition.
        (Some(f), Some(_))
            if !order.pages.is_empty() || class.doc_type == crate::classify::DocType::Opinion =>
        {
            f.signature.clone()
        }
        (None, Some(_)) if !order.pages.is_empty() => top.unwrap_or_default(),
        _ => Signature::default(),
    };
    let text = paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    Segments {
        caption,
        body: Body { text, paragraphs },
        order,
        signature,
        footnotes,
        warnings,
        caption_text,
        signature_text: join(&lines[body_end..sig_end]),
        trailing_text: join(&lines[trailing_from..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::CleanPage;
    use crate::pdf::{BBox, Word};
    use proptest::prelude::*;

    /// Words of court papers that decree nothing: captions, recitals, reasoning, duties.
    const WORDS: &[&str] = &[
        "UNITED",
        "STATES",
        "DISTRICT",
        "COURT",
        "Plaintiff",
        "Defendant",
        "v.",
        "Case",
        "No.",
        "the",
        "motion",
        "shall",
        "must",
        "file",
        "parties",
        "by",
        "May",
        "1,",
        "2024.",
        "Court",
        "has",
        "reviewed",
        "papers",
        "and",
        "finds",
        "that",
        "good",
        "cause",
        "exists",
        "Accordingly,",
        "IT",
        "IS",
        "HEREBY",
        ":",
        "1.",
        "2.",
        "(a)",
        "Dated:",
        "____",
        "United",
        "States",
        "Judge",
        "respectfully",
        "submitted",
        "/s/",
        "Jane",
        "Roe",
        "CONCLUSION",
        "For",
        "these",
        "reasons,",
        "request",
        "hearing",
        "is",
        "set",
        "for",
    ];

    fn doc_of(lines: &[Vec<usize>]) -> CleanDoc {
        let lines = lines
            .iter()
            .enumerate()
            .map(|(row, ws)| {
                let y = 72.0 + 20.0 * row as f64;
                let mut x = 72.0;
                let words = ws
                    .iter()
                    .map(|&i| {
                        let text = WORDS[i % WORDS.len()].to_string();
                        let w = 6.0 * text.chars().count() as f64;
                        let word = Word {
                            text,
                            bbox: BBox {
                                x0: x,
                                y0: y - 9.6,
                                x1: x + w,
                                y1: y + 2.4,
                            },
                            size: 12.0,
                            sup: false,
                        };
                        x += w + 6.0;
                        word
                    })
                    .collect();
                let mut l = Line::from_words(words);
                l.baseline = y;
                l
            })
            .collect();
        CleanDoc {
            pages: vec![CleanPage {
                number: 1,
                width: 612.0,
                height: 792.0,
                lines,
                ..CleanPage::default()
            }],
            ..CleanDoc::default()
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// A paper in which the court decrees nothing in its own words (no ORDERED, GRANTED,
        /// DENIED, AFFIRMED, ...) has no order clauses, whatever its "shall"s, headings and
        /// lead-ins, and whatever it is taken for.
        #[test]
        fn no_decretal_phrase_means_no_clauses(
            lines in prop::collection::vec(prop::collection::vec(0usize..WORDS.len(), 1..12), 1..40)
        ) {
            let s = segment_as(&doc_of(&lines), &as_order());
            prop_assert!(s.order.clauses.is_empty(), "{:?}", s.order.clauses);
        }
    }

    /// The classification of an untitled order: the whole page is the order, so the clause
    /// finder reads all of it.
    fn as_order() -> Classification {
        use crate::classify::{DocType, Part};
        Classification {
            doc_type: DocType::Order,
            parts: vec![Part {
                doc_type: DocType::Order,
                first_page: 1,
                last_page: 1,
                title: None,
            }],
            order_part: Some(0),
            ..Classification::default()
        }
    }

    #[test]
    fn the_same_paper_with_a_ruling_has_its_clause() {
        // "The parties shall file by May 1, 2024." decrees only once the court rules.
        let words = |ws: &[&str]| -> Vec<usize> {
            ws.iter()
                .map(|w| WORDS.iter().position(|x| x == w).unwrap())
                .collect()
        };
        let shall = words(&[
            "the", "parties", "shall", "file", "by", "May", "1,", "2024.",
        ]);
        let s = segment_as(&doc_of(std::slice::from_ref(&shall)), &as_order());
        assert!(s.order.clauses.is_empty());
        let mut doc = doc_of(&[shall]);
        doc.pages[0].lines[0].words[0].text = "GRANTED: the".to_string();
        let s = segment_as(&doc, &as_order());
        assert_eq!(s.order.clauses.len(), 1, "{:?}", s.warnings);
    }

    fn page_of(number: usize, texts: &[&str]) -> CleanPage {
        let lines = texts
            .iter()
            .enumerate()
            .map(|(row, t)| {
                let y = 90.0 + 14.0 * row as f64;
                let mut x = 72.0;
                let words = t
                    .split(' ')
                    .map(|w| {
                        let width = 6.0 * w.chars().count() as f64;
                        let word = Word {
                            text: w.to_string(),
                            bbox: BBox {
                                x0: x,
                                y0: y - 9.6,
                                x1: x + width,
                                y1: y + 2.4,
                            },
                            size: 12.0,
                            sup: false,
                        };
                        x += width + 6.0;
                        word
                    })
                    .collect();
                let mut l = Line::from_words(words);
                l.baseline = y;
                l
            })
            .collect();
        CleanPage {
            number,
            width: 612.0,
            height: 792.0,
            lines,
            ..CleanPage::default()
        }
    }

    #[test]
    fn a_syllabus_disposes_of_nothing() {
        use crate::classify::{DocType, Part};
        let opinion = Classification {
            doc_type: DocType::Opinion,
            parts: vec![Part {
                doc_type: DocType::Opinion,
                first_page: 1,
                last_page: 2,
                title: None,
            }],
            order_part: Some(0),
            ..Classification::default()
        };
        let syllabus = |last: &str| CleanDoc {
            pages: vec![
                page_of(
                    1,
                    &[
                        "Syllabus",
                        "ROE v. DOE",
                        "Held: The judgment below is affirmed.",
                        "The Court must read the statute as written.",
                    ],
                ),
                page_of(2, &["Syllabus", "The standard must be objective.", last]),
            ],
            ..CleanDoc::default()
        };
        let s = segment_as(&syllabus("123 F. 4th 456, affirmed."), &opinion);
        assert!(s.order.clauses.is_empty(), "{:?}", s.order.clauses);
        // The opinion after it disposes.
        let mut doc = syllabus("123 F. 4th 456, affirmed.");
        doc.pages[1] = page_of(
            2,
            &[
                "Opinion of the Court",
                "For these reasons, the judgment of the Court of Appeals is affirmed.",
            ],
        );
        let s = segment_as(&doc, &opinion);
        assert_eq!(s.order.clauses.len(), 1, "{:?}", s.order.clauses);
    }
}
