//! What kind of paper a document is, and which papers one PDF holds.
//!
//! A stage of its own between `clean` and `segment`, so that segmentation knows what it reads.
//! The type comes from how court papers are made, in this order of weight:
//!
//! 1. The paper's title, read by its head noun (`title`): captions name the paper ("NOTICE OF
//!    MOTION AND MOTION ...", "DECLARATION OF ...", "[PROPOSED] ORDER ..."), and so do the
//!    clerk's minutes forms ("CIVIL MINUTES - GENERAL").
//! 2. Who signs it: an order the court has not signed and dated, lodged by counsel, is a
//!    proposed order; a "[PROPOSED] ORDER" the judge signed and dated is the court's order; a
//!    bare "MEMORANDUM" is an opinion when the court signs it and a brief when counsel does.
//! 3. Without a title, the marks of its form (`forms`): transcripts' colloquy and reporter's
//!    certificates, declarations' "under penalty of perjury", verdict forms, letters,
//!    complaints, notices of motion, appellate opinions' panel lines.
//! 4. How a filing is put together (`pages`): a paper behind an exhibit slip sheet or marked
//!    with an exhibit stamp is an exhibit (a transcript or a declaration filed as an exhibit
//!    keeps its own type: both are evidence by nature and are typed by their form); an
//!    attachment (`Document 59-1`) with no caption of its own and no other form is an exhibit;
//!    a new caption or a page headed "[PROPOSED] ORDER" / "DECLARATION OF" / "CERTIFICATE OF
//!    SERVICE" starts the next paper of the filing.
//!
//! A document whose pages have no text layer (a scan) is `other`: nothing in it can be read
//! without OCR, and guessing from the file would put errors into a search index.
//!
//! Pure: reads the cleaned pages, calls the caption and signature finders, never does I/O.

pub mod forms;
pub mod pages;
pub mod title;

use crate::clean::{CleanDoc, CleanPage};
use crate::pattern::Pattern;
use crate::pdf::Line;
use crate::segment::{caption, minutes, signature, tline};
use serde::{Deserialize, Serialize};
use title::Kind;

/// The kinds of court paper (`doc_type`), as `docs/doctypes.md` defines them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    /// Signed by the court: orders, appellate and per curiam orders, warrants.
    Order,
    /// An unsigned "[PROPOSED] ORDER" lodged by a party.
    ProposedOrder,
    /// Clerk's minutes ("CIVIL MINUTES - GENERAL", minute entries).
    MinuteOrder,
    /// Judgments, judgment and commitment.
    Judgment,
    /// Opinions, memorandum opinions and decisions, findings and conclusions.
    Opinion,
    /// Motions, notices of motion, applications, requests, petitions for a writ.
    Motion,
    /// Stipulations of the parties, with or without an order at their end.
    Stipulation,
    /// Declarations and affidavits.
    Declaration,
    /// Memoranda of points and authorities, oppositions, replies, briefs.
    Brief,
    /// Exhibits: slip sheets and what they introduce, uncaptioned attachments.
    Exhibit,
    /// Deposition and hearing transcripts.
    Transcript,
    /// Notices of appearance, lodging, filing; clerk's notices.
    Notice,
    /// Letters to or from the court.
    Letter,
    /// Complaints, and petitions that start a case.
    Complaint,
    /// Verdict forms and jury notes.
    Verdict,
    /// Anything else: certificates, forms, reports, lists, unreadable scans.
    #[default]
    Other,
}

impl DocType {
    /// The name the record uses.
    pub fn as_str(self) -> &'static str {
        use DocType::*;
        match self {
            Order => "order",
            ProposedOrder => "proposed_order",
            MinuteOrder => "minute_order",
            Judgment => "judgment",
            Opinion => "opinion",
            Motion => "motion",
            Stipulation => "stipulation",
            Declaration => "declaration",
            Brief => "brief",
            Exhibit => "exhibit",
            Transcript => "transcript",
            Notice => "notice",
            Letter => "letter",
            Complaint => "complaint",
            Verdict => "verdict",
            Other => "other",
        }
    }

    /// Every type, in the order above.
    pub const ALL: [DocType; 16] = {
        use DocType::*;
        [
            Order,
            ProposedOrder,
            MinuteOrder,
            Judgment,
            Opinion,
            Motion,
            Stipulation,
            Declaration,
            Brief,
            Exhibit,
            Transcript,
            Notice,
            Letter,
            Complaint,
            Verdict,
            Other,
        ]
    };

    /// The type of that name.
    pub fn parse(name: &str) -> Option<DocType> {
        DocType::ALL.into_iter().find(|t| t.as_str() == name)
    }

    /// Is a paper of this type, as a whole, an order the court signs or would sign?
    pub fn is_order(self) -> bool {
        matches!(
            self,
            DocType::Order | DocType::ProposedOrder | DocType::MinuteOrder | DocType::Judgment
        )
    }
}

/// One paper of a PDF.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// Its type.
    pub doc_type: DocType,
    /// First page (1-based).
    pub first_page: usize,
    /// Last page.
    pub last_page: usize,
    /// Its title as printed, when one was read.
    pub title: Option<String>,
}

/// What the document is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Classification {
    /// The type of the filing: its first paper's.
    pub doc_type: DocType,
    /// The signals that decided it.
    pub evidence: Vec<String>,
    /// The papers in the PDF, in page order.
    pub parts: Vec<Part>,
    /// The part that is, or holds, the operative order: an order-type paper, a proposed order
    /// filed with a motion or stipulation, or the paper whose own closing section orders (an
    /// opinion's disposition, a stipulation's "IT IS SO ORDERED").
    pub order_part: Option<usize>,
}

/// A page as the classifier reads it.
struct PageView<'a> {
    page: &'a CleanPage,
    texts: Vec<String>,
}

impl PageView<'_> {
    fn chars(&self) -> usize {
        self.texts
            .iter()
            .map(|t| t.chars().filter(|c| c.is_alphanumeric()).count())
            .sum()
    }
}

/// What a page shows about where papers begin.
enum Opening {
    /// An exhibit slip sheet.
    Slip,
    /// A heading naming a paper of this type ("[PROPOSED] ORDER" atop a page).
    Paper(DocType),
    /// A caption whose title names a paper of this type.
    Caption(DocType),
    /// Nothing: the page continues the paper before it.
    None,
}

impl Opening {
    /// The type of paper the page opens, if it opens one.
    fn kind(&self) -> Option<DocType> {
        match self {
            Opening::Paper(t) | Opening::Caption(t) => Some(*t),
            Opening::Slip | Opening::None => None,
        }
    }
}

/// Classify a cleaned document. `attachment` is the CM/ECF stamp's attachment number, if the
/// stamp says the document is one (`Document 59-1`).
pub fn classify(doc: &CleanDoc) -> Classification {
    let ecf_case = doc.ecf.as_ref().and_then(|e| e.case_number.clone());
    let attachment = doc
        .ecf
        .as_ref()
        .and_then(|e| e.document_number.as_deref())
        .and_then(|n| n.split_once('-'))
        .map(|(_, a)| a.to_string())
        .filter(|a| a != "0");
    let views: Vec<PageView> = doc
        .pages
        .iter()
        .map(|p| PageView {
            page: p,
            texts: if p.needs_ocr && p.ocr_confidence.is_none() {
                Vec::new()
            } else {
                p.lines.iter().map(Line::text).collect()
            },
        })
        .collect();
    let slip_first = views
        .iter()
        .find(|v| !v.texts.is_empty())
        .is_some_and(|v| pages::slip_sheet(&v.texts).is_some());
    if views.iter().map(PageView::chars).sum::<usize>() < 40 && !slip_first {
        let why = if doc.quality.needs_ocr {
            "no text layer (a scan): --ocr reads it"
        } else {
            "too little text to tell"
        };
        return Classification {
            doc_type: DocType::Other,
            evidence: vec![why.to_string()],
            parts: vec![Part {
                doc_type: DocType::Other,
                first_page: 1,
                last_page: doc.pages.len().max(1),
                title: None,
            }],
            order_part: None,
        };
    }

    // Where papers begin.
    let mut starts = vec![0];
    let mut by_caption = vec![false];
    let mut current = opening(&views[0], true);
    // Pages of sheets (slip and cover sheets) at the start of the current part: an exhibit's
    // slip sheet may stand behind another ("EXHIBIT 1 of EXHIBIT C", "Exhibit X" then
    // "Exhibit 13 ... SOUGHT TO BE SEALED").
    let sheet = |v: &PageView| {
        v.texts.is_empty() || pages::slip_sheet(&v.texts).is_some() || pages::cover_sheet(&v.texts)
    };
    let mut only_sheets = sheet(&views[0]);
    for (i, v) in views.iter().enumerate().skip(1) {
        let o = opening(v, false);
        let new = match (o.kind(), current.kind()) {
            _ if only_sheets => false,
            (None, _) => matches!(o, Opening::Slip),
            // The separate opinions of a decision open with the court's caption again (a
            // slip opinion's concurrences and dissents): they continue the opinion.
            (Some(_), Some(DocType::Opinion)) if matches!(o, Opening::Caption(_)) => false,
            (Some(t), Some(c)) => t != c,
            (Some(_), None) => true,
        };
        if new {
            starts.push(i);
            by_caption.push(matches!(o, Opening::Caption(_)));
            current = o;
            only_sheets = sheet(v);
        } else if only_sheets && !sheet(v) {
            only_sheets = false;
            if o.kind().is_some() {
                current = o;
            }
        }
    }
    let mut parts: Vec<Part> = Vec::new();
    let mut evidence = Vec::new();
    let mut filing_court: Option<String> = None;
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(views.len());
        let (mut doc_type, ev, title, court) = type_part(
            &views[s..e],
            attachment.as_deref(),
            ecf_case.as_deref(),
            k == 0,
        );
        if k == 0 {
            evidence = ev;
            filing_court = court.clone();
        } else if court.is_some() && filing_court.is_some() && court != filing_court {
            // A later paper of another court is a copy of its ruling (an appendix, an exhibit).
            doc_type = DocType::Exhibit;
        } else if k == 1
            && by_caption[1]
            && parts[0].title.is_none()
            && parts[0].last_page == parts[0].first_page
        {
            // An untitled cover page (an appellate judgment's list of counsel) and the
            // captioned paper after it are one paper, of the paper's type.
            let first = &mut parts[0];
            first.doc_type = doc_type;
            first.title = title;
            first.last_page = views[e - 1].page.number;
            evidence = ev;
            continue;
        } else if by_caption[k] {
            // The separate opinions of a decision open with the court's caption again (a
            // slip opinion's concurrences and dissents): they continue the opinion.
            if let Some(last) = parts
                .last_mut()
                .filter(|p: &&mut Part| p.doc_type == DocType::Opinion)
            {
                last.last_page = views[e - 1].page.number;
                continue;
            }
        }
        parts.push(Part {
            doc_type,
            first_page: views[s].page.number,
            last_page: views[e - 1].page.number,
            title,
        });
    }
    // A bankruptcy case starts with its voluntary petition, filed as Document 1: that form is
    // the paper that starts the case; the same form filed later (amended) is a form.
    let doc_number = doc.ecf.as_ref().and_then(|e| e.document_number.as_deref());
    if doc_number == Some("1")
        && parts[0].doc_type == DocType::Other
        && parts[0]
            .title
            .as_deref()
            .is_some_and(|t| t.to_uppercase().contains("VOLUNTARY PETITION"))
    {
        parts[0].doc_type = DocType::Complaint;
        evidence.push("the voluntary petition that starts the case (Document 1)".to_string());
    }
    let doc_type = parts[0].doc_type;
    if let Some(a) = &attachment {
        evidence.push(format!("CM/ECF stamp: attachment {a}"));
    }
    if parts.len() > 1 {
        let kinds: Vec<&str> = parts.iter().map(|p| p.doc_type.as_str()).collect();
        evidence.push(format!("{} papers: {}", parts.len(), kinds.join(", ")));
    }
    let order_part = order_part(doc_type, &parts);
    Classification {
        doc_type,
        evidence,
        parts,
        order_part,
    }
}

/// The part that holds the operative order.
fn order_part(doc_type: DocType, parts: &[Part]) -> Option<usize> {
    if doc_type.is_order() {
        return Some(0);
    }
    match doc_type {
        // A filing that asks for an order may carry it: the "[PROPOSED] ORDER" behind a motion
        // or a stipulation, or the order a stipulation ends with.
        // A motion can hold only the order it asks for: a signed order inside it is a copy of
        // an earlier ruling (an exhibit, an appendix). A stipulation may end in the court's
        // order on it.
        DocType::Motion | DocType::Notice | DocType::Brief => parts
            .iter()
            .position(|p| p.doc_type == DocType::ProposedOrder),
        DocType::Stipulation => parts
            .iter()
            .position(|p| matches!(p.doc_type, DocType::ProposedOrder | DocType::Order))
            .or(Some(0)),
        // An opinion orders in its disposition.
        DocType::Opinion => Some(0),
        _ => None,
    }
}

/// Does this page open a paper, and of what type?
fn opening(v: &PageView, first: bool) -> Opening {
    if v.texts.is_empty() {
        return Opening::None;
    }
    if !first && pages::slip_sheet(&v.texts).is_some() {
        return Opening::Slip;
    }
    let head_type = |t: &str| match title::head(t) {
        Some((Kind::Is(t), _)) => Some(t),
        Some((Kind::Memorandum, _)) => Some(DocType::Brief),
        None => None,
    };
    if let Some(h) = pages::opening_heading(&v.texts) {
        if let Some(t) = head_type(&h) {
            return Opening::Paper(t);
        }
    }
    // A caption: a court's name near the top of the page, and a title under it.
    let captioned = v.texts.iter().take(25).any(|t| caption::is_court_line(t));
    if captioned && !minutes::is_minutes(&v.texts) {
        let (cap, ..) = caption::find(&v.page.lines, v.page.width);
        if let Some(t) = cap.title.as_deref().and_then(head_type) {
            return Opening::Caption(t);
        }
    }
    if first {
        return Opening::Paper(DocType::Other);
    }
    Opening::None
}

/// The type of one paper (its pages), the evidence, and its title.
fn type_part(
    pages: &[PageView],
    attachment: Option<&str>,
    ecf_case: Option<&str>,
    first: bool,
) -> Typed {
    let mut evidence = Vec::new();
    let mut from = 0;
    let mut label = None;
    while from + 1 < pages.len() || (from < pages.len() && label.is_none()) {
        let texts = &pages[from].texts;
        if let Some(l) = pages::slip_sheet(texts) {
            label.get_or_insert((l, "slip sheet"));
        } else if from + 1 < pages.len() && pages::cover_sheet(texts) {
            evidence.push("cover sheet (sealed or redacted version)".to_string());
        } else {
            break;
        }
        from += 1;
    }
    let label = label.or_else(|| {
        pages[from..]
            .first()
            .and_then(|p| pages::exhibit_stamp(&p.texts))
            .map(|l| (l, "exhibit stamp"))
    });
    let content = &pages[from..];
    let lone_sheet = content.len() == 1 && label.is_none() && pages::cover_sheet(&content[0].texts);
    let (t, ev, title, court_id) =
        if lone_sheet || content.iter().map(PageView::chars).sum::<usize>() < 40 {
            match &label {
                Some(_) => (DocType::Exhibit, Vec::new(), None, None),
                None => {
                    // A placeholder page for a sealed paper names the paper it stands for.
                    let words: Vec<&str> = pages
                        .iter()
                        .flat_map(|p| p.texts.iter().map(String::as_str))
                        .collect();
                    let text = words.join(" ");
                    match title::head(&text) {
                        Some((Kind::Is(t), h)) => {
                            (t, vec![format!("placeholder page: {h}")], None, None)
                        }
                        _ => (
                            DocType::Other,
                            vec!["no text layer (a scan): --ocr reads it".to_string()],
                            None,
                            None,
                        ),
                    }
                }
            }
        } else {
            type_content(
                content,
                attachment.is_some() && first && label.is_none(),
                ecf_case,
            )
        };
    evidence.extend(ev);
    // Evidence keeps its own type behind a slip sheet, and so does the proposed order a motion
    // attaches as an exhibit (the relief it asks for); anything else is an exhibit.
    let keeps = matches!(t, DocType::Transcript | DocType::Declaration)
        || (!first && t == DocType::ProposedOrder);
    match label {
        Some((l, how)) if !keeps => {
            evidence.insert(0, format!("exhibit {how}: {l}"));
            (DocType::Exhibit, evidence, title, court_id)
        }
        Some((l, how)) => {
            evidence.push(format!(
                "filed as an exhibit ({how}: {l}), typed by its form"
            ));
            (t, evidence, title, court_id)
        }
        None => (t, evidence, title, court_id),
    }
}

/// Type a paper's pages from its title, its signatures and the marks of its form.
/// `bare_attachment`: the document is an attachment, so a paper of no form is an exhibit.
fn type_content(pages: &[PageView], bare_attachment: bool, ecf_case: Option<&str>) -> Typed {
    // A scanned first page says nothing: the first page with text stands for the paper.
    let first = pages
        .iter()
        .find(|p| !p.texts.is_empty())
        .unwrap_or(&pages[0]);
    // The running heads and feet count for the form's marks ("Official Reporter", a form's
    // name), not for the paper's text.
    let all: Vec<&str> = pages
        .iter()
        .flat_map(|p| p.texts.iter().map(String::as_str))
        .collect();
    let with_running: Vec<&str> = pages
        .iter()
        .flat_map(|p| {
            p.texts
                .iter()
                .map(String::as_str)
                .chain(p.page.running.iter().map(String::as_str))
        })
        .collect();
    let signals = forms::signals(&with_running);
    // The end of the paper is where it is signed.
    let tail: Vec<&str> = all[all.len().saturating_sub(40)..].to_vec();
    let mut tail_lines: Vec<_> = pages
        .iter()
        .rev()
        .flat_map(|p| p.page.lines.iter().rev().map(|l| (p.page.number, l)))
        .take(40)
        .map(|(n, l)| tline(n, l))
        .collect();
    tail_lines.reverse();
    let tail_lines = &tail_lines[..];
    let block = signature::find(tail_lines, 0);
    let court = block.clone().filter(|f| {
        let t = f.signature.title.as_deref().unwrap_or("").to_lowercase();
        (t.contains("judge") || t.contains("clerk") || t.contains("court"))
            && f.end + 12 >= tail_lines.len()
    });
    let court_dated = court.as_ref().is_some_and(|f| {
        f.signature.date.is_some()
            || tail_lines[f.start..f.end]
                .iter()
                .any(|l| l.text.contains("/s/") || l.text.starts_with("s/"))
    });
    let counsel = forms::counsel_signed(&tail);
    // A date written into an order's date line means the judge signed it, even when the
    // signature is an image with no printed name: counsel lodge the line blank.
    let court_dated =
        court_dated || (!counsel && block.as_ref().is_some_and(|f| f.signature.date.is_some()));
    let mut evidence = Vec::new();
    if minutes::is_minutes(&first.texts) {
        evidence.push("clerk's minutes form".to_string());
        return (DocType::MinuteOrder, evidence, None, None);
    }
    let (cap, ..) = caption::find(&first.page.lines, first.page.width);
    let captioned = cap.court.is_some();
    let court_id = cap.court_id.clone();
    // The title: the caption's; else a heading of the first page; else the form's own name
    // (federal and court forms print it beside the form number, often in the footer); else a
    // centred heading of the next two pages (a complaint's title after a long counsel list).
    let running: Vec<&str> = first.page.running.iter().map(String::as_str).collect();
    let title = cap
        .title
        .clone()
        .or_else(|| heading_title(first, 40, false))
        .or_else(|| {
            form_title(
                first
                    .texts
                    .iter()
                    .map(String::as_str)
                    .chain(running.iter().copied()),
            )
        })
        .or_else(|| {
            // An appellate decision shows its form on its first page (the panel, "Per
            // Curiam"); a heading inside its text is no title.
            if captioned && signals.count(DocType::Opinion) > 0 {
                return None;
            }
            pages
                .iter()
                .skip(1)
                .take(2)
                .find_map(|p| heading_title(p, 40, true))
        });
    let head = title.as_deref().and_then(title::head);
    let head_found = head.is_some();
    let signer = if court.is_some() {
        if court_dated {
            "signed by the court"
        } else {
            "court's signature block, not dated"
        }
    } else if counsel {
        "signed by counsel"
    } else {
        ""
    };
    if !signer.is_empty() {
        evidence.push(signer.to_string());
    }
    let length = pages.len();
    let t = match head {
        Some((kind, h)) => {
            evidence.insert(0, format!("title: {h}"));
            match kind {
                Kind::Is(DocType::ProposedOrder) if court_dated => {
                    evidence.push("proposed order signed and dated: entered".to_string());
                    DocType::Order
                }
                Kind::Is(t @ (DocType::Order | DocType::Judgment))
                    if !court_dated && (counsel || !cap.attorneys.is_empty()) =>
                {
                    evidence.push("lodged by counsel, not signed by the court".to_string());
                    let _ = t;
                    DocType::ProposedOrder
                }
                Kind::Is(DocType::Judgment)
                    if length >= 4 && signals.count(DocType::Opinion) >= 1 =>
                {
                    evidence.push(format!(
                        "an appellate panel's reasoned decision ({})",
                        signals.names(DocType::Opinion)
                    ));
                    DocType::Opinion
                }
                Kind::Is(t) => t,
                Kind::Memorandum if court.is_some() => DocType::Opinion,
                Kind::Memorandum if counsel || !cap.attorneys.is_empty() => DocType::Brief,
                Kind::Memorandum if captioned => DocType::Opinion,
                Kind::Memorandum => DocType::Other,
            }
        }
        None => {
            let (t, why) = by_form(
                &signals,
                captioned,
                court.is_some(),
                counsel,
                length,
                bare_attachment,
            );
            evidence.push(why);
            t
        }
    };
    // A paper that is mostly colloquy is a transcript, whatever its caption's title reads
    // (the caption of a transcript repeats the case's, "In re Application of ...").
    // Mostly colloquy, or much colloquy under a court reporter's marks.
    let colloquy = signals.colloquy >= 20
        && (signals.colloquy * 5 >= signals.lines
            || (signals.colloquy * 10 >= signals.lines && signals.count(DocType::Transcript) >= 2));
    // A transcript's cover names it ("Videotaped deposition of ...", "REPORTER'S TRANSCRIPT
    // OF PROCEEDINGS") where a caption's title would be; a weak title (an index page's
    // "EXHIBITS") does not outweigh that.
    let weak = matches!(t, DocType::Exhibit | DocType::Other | DocType::Notice);
    let cover = forms::signals(&first.texts.iter().map(String::as_str).collect::<Vec<_>>())
        .count(DocType::Transcript)
        > 0;
    let t = if t != DocType::Transcript && (colloquy || (weak && cover && signals.transcript())) {
        evidence.push(format!(
            "a transcript: {} lines of colloquy; {}",
            signals.colloquy,
            signals.names(DocType::Transcript)
        ));
        DocType::Transcript
    } else {
        t
    };
    // A copy of another court's or another case's paper, filed in this case, is an exhibit
    // (a state court's order, a lower court's opinion in an appendix).
    if let Some(why) = foreign(&cap, ecf_case) {
        if !matches!(t, DocType::Transcript | DocType::Declaration) {
            evidence.push(why);
            return (DocType::Exhibit, evidence, title, court_id);
        }
    }
    // An attachment that is no court paper of its own (a letter, a report, an email) is an
    // exhibit; a transcript, a declaration or a proposed order filed as one keeps its form.
    // A court's form filed as an attachment (a civil cover sheet, a summons) stays a form.
    let form = t == DocType::Other && head_found;
    if bare_attachment
        && !captioned
        && !form
        && !matches!(
            t,
            DocType::Transcript | DocType::Declaration | DocType::ProposedOrder | DocType::Exhibit
        )
    {
        evidence.push("attachment without a caption of its own".to_string());
        return (DocType::Exhibit, evidence, title, court_id);
    }
    (t, evidence, title, court_id)
}

/// A paper's type, the evidence, its title and its court's id.
type Typed = (DocType, Vec<String>, Option<String>, Option<String>);

/// Why a captioned paper is a copy from elsewhere: its caption names a court that is no
/// federal court while the CM/ECF stamp says it was filed in one (a state court's order or
/// filing attached as an exhibit). Case numbers do not tell: a case keeps its court but may
/// change its number (a magistrate's "mj" matter indicted as "cr", a member case filed under
/// its lead case's number).
fn foreign(cap: &crate::segment::Caption, ecf_case: Option<&str>) -> Option<String> {
    ecf_case?;
    let court = cap.court.as_deref()?;
    let upper = court.to_uppercase();
    let federal = ["UNITED STATES", "U.S. ", "U. S. ", "FEDERAL", "BANKRUPTCY"]
        .iter()
        .any(|k| upper.contains(k));
    (!federal).then(|| format!("a state court's paper ({court}) filed in a federal case"))
}

/// The type of a paper that has no title, from the marks of its form.
fn by_form(
    s: &forms::Signals,
    captioned: bool,
    court_signed: bool,
    counsel: bool,
    pages: usize,
    bare_attachment: bool,
) -> (DocType, String) {
    use DocType::*;
    let mark = |t: DocType| format!("no title; {}", s.names(t));
    if s.transcript() {
        let why = if s.count(Transcript) > 0 {
            mark(Transcript)
        } else {
            format!("no title; {} lines of colloquy", s.colloquy)
        };
        return (Transcript, why);
    }
    if s.count(Verdict) > 0 {
        return (Verdict, mark(Verdict));
    }
    if s.count(Declaration) > 0 && !court_signed {
        return (Declaration, mark(Declaration));
    }
    // A letter is a letter whoever writes it (clerks and judges write letters too), unless it
    // orders something in so many words (a judge's letter order is an order).
    // A letterhead is no caption: a paper that closes as a letter does ("Very truly yours,")
    // and has its "RE:" line or salutation is one, court's name at its head or not.
    let has = |name: &str| s.marks.iter().any(|m| m.1 == name);
    if s.count(Letter) > 0
        && !s.orders
        && (!captioned || has("salutation") || (has("letter close") && s.count(Letter) >= 2))
    {
        return (Letter, mark(Letter));
    }
    if s.count(Complaint) >= 2 {
        return (Complaint, mark(Complaint));
    }
    if captioned && (s.count(Opinion) > 0 || (court_signed && pages >= 3)) {
        return (
            Opinion,
            format!("no title; a court's decision ({})", s.names(Opinion)),
        );
    }
    if s.count(Motion) > 0 && counsel {
        return (Motion, mark(Motion));
    }
    if court_signed {
        return (Order, "no title; signed by the court".to_string());
    }
    if bare_attachment {
        return (
            Exhibit,
            "attachment without a caption of its own".to_string(),
        );
    }
    if s.count(Letter) > 0 && !captioned {
        return (Letter, mark(Letter));
    }
    // Reasoning with citations is a brief when counsel argue it and the court's decision when
    // the court rules in it ("the Court GRANTS", "is AFFIRMED", "SO ORDERED").
    if s.citations >= 3 && !counsel && s.rules {
        return (
            Opinion,
            format!("no title; {} case citations and rulings", s.citations),
        );
    }
    if s.citations >= 3 {
        return (Brief, format!("no title; {} case citations", s.citations));
    }
    (Other, "no title and no known form".to_string())
}

/// A title printed as a heading: among the first `limit` lines of the page, the first that
/// names a kind of paper and is set as a title, in capitals or as a short centred line in
/// title case ("Memorandum Opinion"); with `centred`, only centred lines count.
fn heading_title(v: &PageView, limit: usize, centred: bool) -> Option<String> {
    let width = v.page.width;
    // A title stands before the text begins: no line of prose above it on its page.
    let mut prose_above = false;
    let mut prose_lines = 0;
    for (i, l) in v.page.lines.iter().take(limit).enumerate() {
        let t = l.text();
        let t = t.trim();
        let mid = (l.bbox.x0 + l.bbox.x1) / 2.0;
        let is_centred = (mid - width / 2.0).abs() < 0.08 * width && l.bbox.x0 > 0.15 * width;
        let words: Vec<&str> = t.split_whitespace().collect();
        let capitals = caption::upper_share(t) > 0.7;
        let title_case = words.len() <= 8
            && words.iter().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| !c.is_alphabetic() || c.is_uppercase())
                    || matches!(*w, "of" | "and" | "to" | "for" | "the" | "in" | "on" | "re")
            });
        // A title in title case stands at the head of its page, or centred before the text;
        // lower down such a line is a table's header or a heading inside the text.
        let set = capitals || (title_case && (i < 2 || (is_centred && (i < 3 || !prose_above))));
        let fits = t.len() >= 4
            && t.len() < 200
            && set
            && (is_centred || !centred)
            && title::head(t).is_some()
            && !caption::is_court_line(t);
        if fits {
            return Some(t.to_string());
        }
        prose_lines += usize::from(words.len() >= 8 && !capitals);
        prose_above = prose_lines >= 3;
    }
    None
}

/// A form's name as printed beside its number: "AO 440 (Rev. 06/12) Summons in a Civil
/// Action", "CR-104 (wpd 12/20) JUDGMENT & PROBATION/COMMITMENT ORDER Page 1 of 6", "Official
/// Form 101 Voluntary Petition for Individuals Filing for Bankruptcy".
fn form_title<'a>(lines: impl Iterator<Item = &'a str>) -> Option<String> {
    let re = FORM.get();
    let lines: Vec<&str> = lines.take(60).collect();
    lines.iter().enumerate().find_map(|(i, l)| {
        let l = l.trim();
        let name = match re.captures(l) {
            Some(c) => c.get(1)?.as_str().trim(),
            // The number on a line of its own, the name on the next.
            None if FORM_NUMBER.get().is_match(l) => lines.get(i + 1)?.trim(),
            None => return None,
        };
        title::head(name).map(|_| name.to_string())
    })
}

static FORM: Pattern = Pattern::new(|| {
    regex::Regex::new(
        r"^(?:AO|CJA|CR|CV|G|Official\s+Form|Form)\s?-?\s?[0-9]{1,4}[A-Z]?\b(?:\s*\([^)]{0,30}\))?\s+(.{4,120}?)(?:\s+Page\s+[0-9]+\s+of\s+[0-9]+)?\s*$",
    )
    .expect("static regex") // invariant: the pattern is a literal
});

static FORM_NUMBER: Pattern = Pattern::new(|| {
    regex::Regex::new(
        r"^(?:AO|B|CJA|Official\s+Form|Form)\s?-?\s?[0-9]{1,4}[A-Z]?(?:\s*\([^)]{0,30}\))?$",
    )
    .expect("static regex") // invariant: the pattern is a literal
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::stamps::Ecf;
    use crate::pdf::{BBox, Word};

    /// A page of monospace text (a character 6 pt wide, a line 24 pt high), as the segment
    /// shape tests lay pages out: leading spaces place a line, runs of spaces split columns.
    fn page(number: usize, text: &str) -> CleanPage {
        let mut lines = Vec::new();
        for (row, t) in text.lines().enumerate() {
            let y = 72.0 + 24.0 * row as f64;
            let mut words = Vec::new();
            let mut start = None;
            for (i, ch) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
                match (ch == ' ', start) {
                    (false, None) => start = Some(i),
                    (true, Some(s)) => {
                        let col = t[..s].chars().count() as f64;
                        let len = t[s..i].chars().count() as f64;
                        let x0 = 72.0 + 6.0 * col;
                        words.push(Word {
                            text: t[s..i].to_string(),
                            bbox: BBox {
                                x0,
                                y0: y - 9.6,
                                x1: x0 + 6.0 * len,
                                y1: y + 2.4,
                            },
                            size: 12.0,
                            sup: false,
                        });
                        start = None;
                    }
                    _ => {}
                }
            }
            if !words.is_empty() {
                let mut l = Line::from_words(words);
                l.baseline = y;
                lines.push(l);
            }
        }
        CleanPage {
            number,
            width: 612.0,
            height: 792.0,
            lines,
            ..CleanPage::default()
        }
    }

    fn doc(pages: &[&str], document: Option<&str>) -> CleanDoc {
        CleanDoc {
            pages: pages
                .iter()
                .enumerate()
                .map(|(i, t)| page(i + 1, t))
                .collect(),
            ecf: document.map(|d| Ecf {
                case_number: Some("3:23-cv-04512-ABC".to_string()),
                document_number: Some(d.to_string()),
                ..Ecf::default()
            }),
            ..CleanDoc::default()
        }
    }

    fn kind(pages: &[&str], document: Option<&str>) -> (DocType, Classification) {
        let c = classify(&doc(pages, document));
        (c.doc_type, c)
    }

    const CAPTION: &str = "                    UNITED STATES DISTRICT COURT
                   NORTHERN DISTRICT OF CALIFORNIA
ACME WIDGET CO.,                   )   Case No. 3:23-cv-04512-ABC
                                   )
          Plaintiff,               )   TITLE_LINE_1
                                   )   TITLE_LINE_2
     v.                            )
                                   )
GLOBEX CORPORATION,                )   Judge: Hon. Mary R. Poe
                                   )
          Defendant.               )
";

    fn captioned(title1: &str, title2: &str, body: &str) -> String {
        format!(
            "JANE Q. ROE (SBN 123456)\nROE & DOE LLP\nAttorneys for Plaintiff ACME WIDGET CO.\n{}{body}",
            CAPTION.replace("TITLE_LINE_1", title1).replace("TITLE_LINE_2", title2)
        )
    }

    #[test]
    fn a_notice_of_motion_is_a_motion_and_holds_no_order() {
        let p1 = captioned(
            "PLAINTIFF'S NOTICE OF MOTION",
            "AND MOTION TO COMPEL",
            "TO ALL PARTIES AND THEIR ATTORNEYS OF RECORD:
PLEASE TAKE NOTICE that on May 1, 2024, Plaintiff will and hereby does move the Court
for an order compelling Defendant to produce documents responsive to Request No. 4.",
        );
        let p2 = "The motion rests on this notice, the memorandum and the record of the case.
Dated: April 2, 2024                     Respectfully submitted,
                                         /s/ Jane Q. Roe
                                         Attorneys for Plaintiff";
        let (t, c) = kind(&[&p1, p2], Some("41"));
        assert_eq!(t, DocType::Motion, "{:?}", c.evidence);
        assert_eq!(c.order_part, None);
    }

    #[test]
    fn the_first_head_noun_of_the_caption_title_decides() {
        for (t1, t2, want) in [
            (
                "DECLARATION OF JOHN DOE IN",
                "SUPPORT OF MOTION TO COMPEL",
                DocType::Declaration,
            ),
            (
                "MEMORANDUM OF POINTS AND",
                "AUTHORITIES IN OPPOSITION",
                DocType::Brief,
            ),
            (
                "JOINT STIPULATION AND [PROPOSED]",
                "ORDER TO CONTINUE HEARING",
                DocType::Stipulation,
            ),
            (
                "FIRST AMENDED COMPLAINT FOR",
                "DAMAGES AND INJUNCTIVE RELIEF",
                DocType::Complaint,
            ),
        ] {
            let p = captioned(t1, t2, "The parties state as follows in the paragraphs below, which the Court reads in full.");
            assert_eq!(kind(&[&p], Some("20")).0, want, "{t1} {t2}");
        }
    }

    #[test]
    fn a_proposed_order_is_the_courts_once_dated() {
        let body = |date: &str| {
            captioned(
                "[PROPOSED] ORDER GRANTING",
                "MOTION TO COMPEL",
                &format!(
                    "Having considered the motion, IT IS HEREBY ORDERED that the motion is GRANTED.
IT IS SO ORDERED.
Dated: {date}
                                         ______________________________
                                         Hon. Mary R. Poe
                                         United States District Judge"
                ),
            )
        };
        let (t, c) = kind(&[&body("__________")], Some("41-2"));
        assert_eq!(t, DocType::ProposedOrder, "{:?}", c.evidence);
        assert_eq!(c.order_part, Some(0));
        let (t, c) = kind(&[&body("May 3, 2024")], Some("47"));
        assert_eq!(t, DocType::Order, "{:?}", c.evidence);
    }

    #[test]
    fn a_motion_holds_the_proposed_order_filed_behind_it() {
        let p1 = captioned(
            "NOTICE OF MOTION AND MOTION",
            "TO EXTEND TIME",
            "PLEASE TAKE NOTICE that Plaintiff hereby moves the Court to extend the time to reply.
                                         Respectfully submitted,
                                         /s/ Jane Q. Roe
                                         Attorneys for Plaintiff",
        );
        let p2 = "                         [PROPOSED] ORDER
Good cause appearing, the time to reply is extended to June 1, 2024.
IT IS SO ORDERED.
Dated: ______________               ______________________________
                                    United States District Judge";
        let (t, c) = kind(&[&p1, p2], Some("50"));
        assert_eq!(t, DocType::Motion);
        assert_eq!(c.parts.len(), 2);
        assert_eq!(c.parts[1].doc_type, DocType::ProposedOrder);
        assert_eq!(c.order_part, Some(1));
    }

    #[test]
    fn slip_sheets_make_exhibits_but_a_transcript_stays_one() {
        let slip = "\n\n\n                              EXHIBIT 12";
        let email = "From: John Doe <jdoe@example.com>
Sent: Monday, March 4, 2024 9:12 AM
To: Jane Roe
Subject: Production schedule
Jane, we will produce the remaining documents by Friday of next week as discussed.";
        assert_eq!(kind(&[slip, email], Some("30-3")).0, DocType::Exhibit);
        let colloquy = "Q. Where were you on the night of March 3?\nA. At home.\n".repeat(12);
        let depo = format!("VIDEOTAPED DEPOSITION OF JOHN DOE\n{colloquy}");
        assert_eq!(kind(&[slip, &depo], Some("30-4")).0, DocType::Transcript);
    }

    #[test]
    fn forms_without_a_title() {
        let letter = "ROE & DOE LLP
100 Main Street, Oakland, CA 94612
March 4, 2024
The Honorable Mary R. Poe
Re: Acme Widget Co. v. Globex Corp., No. 3:23-cv-04512-ABC
Dear Judge Poe:
We write on behalf of both parties to report that discovery is complete and we ask nothing.
Respectfully,
/s/ Jane Q. Roe";
        assert_eq!(kind(&[letter], Some("60")).0, DocType::Letter);
        // A clerk's letter under the court's letterhead, its addressees first, closing as a
        // letter does: the letterhead is no caption.
        let clerk = "OFFICE OF THE CLERK
UNITED STATES COURT OF APPEALS
FOR THE NINTH CIRCUIT
95 SEVENTH STREET, SAN FRANCISCO, CA 94103
May 2, 2031
John Q. Roe
Roe & Doe LLP
100 Main Street
Oakland, CA 94612
RE: Acme Widget Co. v. Globex Corp.
Case Number: 31-1234
Today the Court entered its judgment in the above-captioned matter pursuant to Fed. R. App. P. 36.
A mandate will be issued at the appropriate time in accordance with Fed. R. App. P. 41.
Very truly yours,
Molly C. Dwyer, Clerk
By: s/ Pat Doe
Case Manager";
        assert_eq!(
            kind(
                &[clerk, "Page two of the rules on rehearing."],
                Some("40-2")
            )
            .0,
            DocType::Letter
        );
        let verdict = "We, the jury in the above-entitled action, answer the questions as follows:
Question No. 1: Did Globex breach the contract?   Yes ____   No ____
                                         ______________________
                                         FOREPERSON";
        assert_eq!(kind(&[verdict], Some("88")).0, DocType::Verdict);
        let declaration = "I, John Q. Doe, declare as follows:
1. I am the chief financial officer of Acme Widget Co. and know the facts stated here.
I declare under penalty of perjury that the foregoing is true and correct.";
        assert_eq!(kind(&[declaration], Some("41-1")).0, DocType::Declaration);
        let report = "Quarterly report of the receiver on the accounts of the estate for the second quarter.";
        assert_eq!(kind(&[report], Some("41-5")).0, DocType::Exhibit);
    }

    #[test]
    fn an_untitled_appellate_decision_is_an_opinion() {
        let p = "                UNITED STATES COURT OF APPEALS
                     FOR THE NINTH CIRCUIT
JANE ROE,                                    No. 23-1234
          Plaintiff-Appellant,
     v.
ACME WIDGET CO.,
          Defendant-Appellee.
Appeal from the United States District Court for the Northern District of California
Before: POE, DOE, and LOE, Circuit Judges.
PER CURIAM:
Jane Roe appeals the dismissal of her complaint. We have jurisdiction and we affirm.
AFFIRMED.";
        let (t, c) = kind(&[p], None);
        assert_eq!(t, DocType::Opinion, "{:?}", c.evidence);
        assert_eq!(c.order_part, Some(0));
    }

    #[test]
    fn a_state_courts_paper_in_a_federal_case_is_an_exhibit() {
        let p = "          IN THE CIRCUIT COURT OF THE STATE OF OREGON
                    FOR THE COUNTY OF LANE
STATE OF OREGON,                     )   Case No. 23CR00001
          Plaintiff,                 )
     v.                              )   ORDER OF RELEASE
JOHN DOE,                            )
          Defendant.                 )
IT IS HEREBY ORDERED that the defendant is released on his own recognizance.";
        let (t, c) = kind(&[p], Some("35-9"));
        assert_eq!(t, DocType::Exhibit, "{:?}", c.evidence);
    }

    #[test]
    fn no_text_says_so() {
        let c = classify(&doc(&[""], Some("12")));
        assert_eq!(c.doc_type, DocType::Other);
        assert!(
            c.evidence[0].contains("too little text"),
            "{:?}",
            c.evidence
        );
    }

    #[test]
    fn forms_name_themselves_beside_their_number() {
        let lines = [
            "CR-104 (wpd 12/20) JUDGMENT & PROBATION/COMMITMENT ORDER Page 1 of 6",
            "AO 440 (Rev. 06/12) Summons in a Civil Action",
        ];
        assert_eq!(
            form_title(lines.iter().copied()).as_deref(),
            Some("JUDGMENT & PROBATION/COMMITMENT ORDER")
        );
        assert_eq!(
            form_title(lines[1..].iter().copied()).as_deref(),
            Some("Summons in a Civil Action")
        );
        let split = [
            "Official Form 101",
            "Voluntary Petition for Individuals Filing for Bankruptcy 12/17",
        ];
        assert_eq!(
            form_title(split.iter().copied()).as_deref(),
            Some("Voluntary Petition for Individuals Filing for Bankruptcy 12/17")
        );
    }
}
