//! The decretal part of an order: a lead-in ("IT IS HEREBY ORDERED that:", "Accordingly,", an
//! "ORDER" or "CONCLUSION" heading) and the clauses after it, numbered or not.
//!
//! How judges and clerks write the operative part, which these rules follow:
//! - After a lead-in that orders ("IT IS ORDERED:", "the Court ORDERS as follows:"), every
//!   item is a clause: numbered or lettered items split at every label of the same level,
//!   wherever the line breaks ("...; and 4. Defendants ..."); sub-items of another level stay
//!   in their item; unnumbered paragraphs are a clause each, and so is each "IT IS FURTHER
//!   ORDERED" sentence.
//! - After a heading or a bare "Accordingly," only the paragraphs that decide are clauses.
//! - Without a lead-in, the last run of deciding paragraphs before "IT IS SO ORDERED" is the
//!   operative part; reasoning before it is not, "shall" or not.
//! - Within a deciding paragraph, recitals and reasoning before the first deciding sentence
//!   are cut off ("Having considered the papers, ... IT IS ORDERED that ..."); a paragraph
//!   whose reasoning holds one ruling ("The court agrees ... Accordingly, the motion is
//!   DENIED. The court makes no ruling ...") keeps only its ruling sentences.
//! - An opinion's clauses are the sentences of its disposition ("AFFIRMED.", "the motion is
//!   GRANTED").
//!
//! "IT IS SO ORDERED." is no clause. Never invents text: every clause is cut from a paragraph.

use super::{Clause, Order};
use crate::classify::DocType;
use crate::clean::reflow::{starts_item, Paragraph, TLine};
use crate::pattern::Pattern;
use regex::Regex;

fn re(p: &str) -> Regex {
    Regex::new(p).expect("static regex") // invariant: the patterns below are literals
}

/// "IT IS SO ORDERED." ends the order, alone or with a running head the reflow ran into it.
static SO_ORDERED: Pattern = Pattern::new(|| {
    re(
        r"(?i)^\s*(?:(?:pursuant\s+to\s+(?:the\s+)?stipulation|good\s+cause\s+appearing(?:\s+therefor)?),?\s+)?(it\s+is\s+)?so\s+ordered\b[.!]?(?:\s+\S.{0,60})?\s*$",
    )
});
/// A paragraph that opens the operative part and orders nothing itself: it ends in a colon
/// after an ordering word ("IT IS, THEREFORE, ORDERED AS FOLLOWS:", "the Court ORDERS as
/// follows:"), or is a bare transition ("Accordingly,", "For the foregoing reasons,").
static LEAD_IN: Pattern = Pattern::new(|| {
    re(
        r"(?i)(?:\b(?:ordered|orders|adjudged|decreed|directs?|enjoined|recommends?|recommended)\b[^.]{0,120}:\s*$|\bas\s+follows\s*[:.]?\s*$|^(?:accordingly|therefore|thus|wherefore|for\s+(?:the|these|all)\s+[^.]{0,60}reasons[^.]{0,80}|based\s+(?:up)?on\s+the\s+foregoing[^.]{0,80}|good\s+cause\s+appearing[^.]{0,40}|it\s+is\s+(?:hereby\s+)?ordered(?:\s+that)?)[,:]?\s*$)",
    )
});
/// The lead-ins above that order in so many words (the items after them are all clauses).
static ORDERS: Pattern =
    Pattern::new(|| re(r"(?i)\b(?:ordered|orders|adjudged|decreed|directs?|enjoined)\b"));
static HEADING: Pattern = Pattern::new(|| {
    re(
        r"(?i)^\s*(?:[IVX]+\.|[A-Z]\.|[0-9]+\.)?\s*(?:\[?proposed\]?\s+)?(order|orders|conclusion|conclusions|disposition|conclusion\s+and\s+order|decretal\s+paragraphs?|scheduling\s+order|order\s+to\s+show\s+cause)\s*$",
    )
});
/// The head of a stipulation's or a motion's closing order section.
static ORDER_SECTION: Pattern = Pattern::new(|| {
    re(
        r"(?i)^\s*(?:\[?\(?proposed\)?\]?\s*)?(?:[a-z]+\s+){0,3}order\s*$|^\s*(?:(?:pursuant\s+to\s+(?:the\s+)?stipulation|good\s+cause\s+appearing(?:\s+therefor)?|the\s+court\s+having\s+(?:read|reviewed|considered)[^.]{0,80}),?\s+)?it\s+is\s+(?:hereby\s+|so\s+)*ordered",
    )
});
/// A sentence that decides: a ruling in capitals, the court's own verb, a party's duty.
static DECIDES: Pattern = Pattern::new(|| {
    re(
        r"\b(?:GRANTED|DENIED|ORDERED|ORDERS|GRANTS|DENIES|DISMISSED|DISMISSES|VACATED|VACATES|REMANDED|AFFIRMED|REVERSED|SUSTAINED|OVERRULED|STRICKEN|STRUCK|SEALED|UNSEALED|ENJOINED|RESTRAINED|ADJUDGED|DECREED|DIRECTED|DIRECTS|DEFERRED|TERMINATED|ADOPTED|APPROVED|FINDS)\b|(?i:\b(?:is|are|be|been|remains?)\s+(?:hereby\s+|therefore\s+|also\s+|further\s+)?(?:granted|denied|dismissed|vacated|sealed|unsealed|lifted|stricken|struck|terminated|continued|enjoined|affirmed|reversed|remanded|overruled|sustained|adopted|approved|consolidated|extended|stayed|reset|closed|waived|exonerated|transferred|referred|modified|deferred|discharged|released|withdrawn|committed|placed)\b|\bthe\s+court\s+(?:hereby\s+|therefore\s+|further\s+|also\s+)?(?:orders|grants|denies|directs|dismisses|adopts|approves|affirms|reverses|vacates|remands|sets|continues|strikes|overrules|sustains|authorizes|declines|stays|extends|adjudges|finds\s+and\s+orders)\b|\bthe\s+court\s+(?:further\s+|also\s+|hereby\s+)?finds\b|\bthe\s+court\s+(?:further\s+|also\s+|hereby\s+)?finds\b|\b(?:the\s+court|we)(?:\s+(?:will|shall|must|therefore|thus|accordingly|hereby|also|further|now))*\s+(?:\(\s?[0-9a-z]\s?\)\s+)?(?:affirm|reverse|vacate|remand|dismiss|deny|grant|modify|enter|adopt|approve|transfer|stay)\b|\bit\s+is\s+(?:hereby\s+|further\s+|therefore\s+|so\s+)*ordered\b|\b(?:shall|must)\b|\b(?:is|are)\s+(?:respectfully\s+)?(?:directed|requested|ordered|instructed)\s+to\b|\b(?:shall|may|must)\s+show\s+cause\b|\b(?:is|are|shall\s+be)\s+due\b|\bordered\s+to\s+show\s+cause\b|(?i:\bwe\b[^.;]{0,200}\band\s+(?:therefore\s+)?(?:affirm|reverse|vacate|remand)\b)|\bjudgment\s+(?:is|shall\s+be|will\s+be)\s+entered\b|\bdecisions?\s+will\s+be\s+entered\b)",
    )
});
/// Rulings in so many words: a paragraph without one in a run of "shall" paragraphs is
/// reasoning about duties, not an order.
static STRONG: Pattern = Pattern::new(|| {
    re(
        r"(?i:\bit\s+is\s+(?:hereby\s+|further\s+|therefore\s+)*ordered\b|\bthe\s+court\s+(?:hereby\s+)?(?:orders|grants|denies|directs)\b)|\b(?:ORDERS|ORDERED|GRANTS|DENIES|GRANTED|DENIED|DISMISSED|AFFIRMED|REVERSED|VACATED|ENJOINED|ADJUDGED)\b",
    )
});
/// "shall" or "must" said of what the law provides, not of what the court commands: quoted,
/// cited, or in a statement of the rule.
static RULE_TALK: Pattern = Pattern::new(|| {
    re(
        r#"(?i)["“”]|§|\bU\.\s?S\.\s?C\.|\bFed\.\s?R\.|\bprovides?\b|\brequires?\b|\bunder\s+(?:rule|section)\b|\bthe\s+(?:rule|statute|court)\s+(?:shall|must)\s+(?:consider|weigh|determine|find)|\bL\.?\s?R\.?\s?[0-9]|\blocal\s+rules?\b|\bthe\s+court\s+(?:notes|reminds|advises)\b|\bwe\s+(?:must|shall)\b|\bcourts?\s+must\b|\bwould\b|\bshould\b|\bcould\b|\bif\s+(?:the|a|an)\b"#,
    )
});
static FURTHER: Pattern = Pattern::new(|| {
    re(
        r"(?:^|[.;:]\s+)((?:AND\s+)?IT\s+IS\s+(?:HEREBY\s+)?(?:FURTHER\s+)?(?:ORDERED|ADJUDGED|DECREED)|(?i:and\s+)?It\s+is\s+(?:hereby\s+)?further\s+ordered)\b|(?i:\bit\s+is\s+(?:hereby\s+)?further\s+)(ORDERED)\b",
    )
});
static SEPARATE: Pattern = Pattern::new(|| {
    re(
        r"^(?:(?:CHIEF\s+|Chief\s+)?(?:JUSTICE|Justice)\s+[A-Z][A-Za-z'’-]+|[A-Z][A-Za-z'’-]+,\s+(?:(?:Chief|Senior|Circuit|District)\s+)*(?:Judge|J\.|C\.\s?J\.)),?\s+(?:(?:with\s+whom\s+[^,]{0,80},\s+)?(?:joins?\s+)?)?(?:concur|dissent)",
    )
});
static FORM_CHOICES: Pattern =
    Pattern::new(|| re(r"(?i)\bgranted\s*[.,/]\s*(?:or\s+)?denied\s*[.,/]"));
static DECRETAL_PHRASE: Pattern = Pattern::new(|| {
    re(
        r"(?i)\b(?:ordered|adjudged|decreed|enjoined|granted|denied|affirmed|reversed|vacated|remanded|dismissed|affirm|reverse|vacate|remand|grant|deny|dismiss|directed)\b|\b(?:ORDERS|GRANTS|DENIES|DISMISSES|DIRECTS)\b|(?i:\bthe\s+court\s+(?:hereby\s+)?(?:orders|grants|denies|directs|dismisses)\b)",
    )
});
static ORDER_TITLE: Pattern = Pattern::new(|| {
    re(r"(?i)\b(?:orders?|judge?ments?|decree|minutes|minute\s+(?:order|entry))\b")
});
/// An order's opening summary of what it will rule ("For the reasons that follow, the motion
/// is GRANTED in part."): the ruling itself comes at the end, with its terms.
static PREVIEW: Pattern = Pattern::new(|| {
    re(
        r"(?i)\bfor\s+the\s+reasons?\s+(?:that\s+follows?|set\s+(?:forth|out)\s+below|stated\s+below|below|discussed\s+below|explained\s+below)\b",
    )
});
/// The end marks courts print under an order ("END OF DOCUMENT", "###").
static END_MARK: Pattern = Pattern::new(|| {
    re(r"(?i)^\s*(?:\[?\s*end\s+of\s+(?:document|order)\s*\]?|#{3,}|\*\s*\*\s*\*)\s*$")
});
/// A sentence of authority: "See ...", "Cf. ...", "Id. at ...".
static CITES: Pattern =
    Pattern::new(|| re(r"^(?:See(?:,\s+e\.g\.,)?|Cf\.|Id\.|Accord|But\s+see)\s"));
static CLOSING: Pattern = Pattern::new(|| re(r"(?i)^\s*(dated|date:)"));
static IT_IS_ORDERED: Pattern = Pattern::new(|| {
    re(r"(?i)\bit\s+is\s+(?:hereby\s+|further\s+|therefore\s+)*(?:ordered|adjudged|decreed)\b")
});
/// A paragraph that opens with the decretal formula ("IT IS FURTHER ORDERED that", "AND IT
/// IS ADJUDGED", D.D.C.'s bare "ORDERED that").
static FORMULA: Pattern = Pattern::new(|| {
    re(
        r"(?i)^\s*(?:and\s+)?(?:it\s+is\s+(?:hereby\s+|further\s+|therefore\s+|also\s+)*|(?:further\s+)?)(?:ordered|adjudged|decreed)\b",
    )
});
/// The panel of an appellate judgment ("PER CURIAM (ROE, DOE, and POE, Circuit Judges).") is
/// who decided, not what.
static PANEL: Pattern =
    Pattern::new(|| re(r"(?i)^\s*(?:per\s+curiam|before:?)\b[^.]{0,160}\bjudges?\b[.)\s]*$"));

static SO_ORDERED_LINE: Pattern = Pattern::new(|| re(r"(?i)\bso\s+ordered\b"));

/// Does the text hold one of the phrases by which courts decree: ORDERED, ADJUDGED, DECREED,
/// ENJOINED, GRANTED, DENIED, AFFIRMED, REVERSED, VACATED, REMANDED, DISMISSED, "SO
/// ORDERED", "it is hereby ordered" (in any case), or the court's own verbs ("the Court
/// ORDERS", "GRANTS", "DENIES")?
pub fn has_decretal_phrase(text: &str) -> bool {
    DECRETAL_PHRASE.get().is_match(text)
}

/// Is the paragraph a heading that names an order ("ORDER", "SCHEDULING ORDER", "ORDER TO
/// SHOW CAUSE")? A magistrate judge's findings and recommendation ends with one over the
/// objection deadlines: the one order the paper makes.
pub fn order_heading(text: &str) -> bool {
    let t = text.trim();
    HEADING.get().is_match(t) && ORDER_TITLE.get().is_match(t)
}

/// Does a title name an order ("ORDER ...", "... ORDER", "JUDGMENT", "MINUTES")?
pub fn names_an_order(title: &str) -> bool {
    ORDER_TITLE.get().is_match(title)
}

/// A separate opinion's heading: "JUSTICE ROE, concurring.", "DOE, Circuit Judge,
/// dissenting:", "ROE, J., concurring in part and dissenting in part".
pub fn separate_opinion(text: &str) -> bool {
    SEPARATE.get().is_match(text.trim())
}

/// Where the order section of a paper that is not an order begins, as an index into `lines`
/// (its body lines): the last "[PROPOSED] ORDER" heading or "IT IS SO ORDERED" of a
/// stipulation or motion; an opinion's last "CONCLUSION" heading, or else its last pages.
pub fn section_start(lines: &[TLine], doc_type: DocType) -> Option<usize> {
    match doc_type {
        DocType::Opinion => {
            let heading = lines
                .iter()
                .rposition(|l| HEADING.get().is_match(l.text.trim()));
            // Without a heading the disposition is in the closing lines.
            Some(heading.unwrap_or(lines.len().saturating_sub(60)))
        }
        _ => lines.iter().rposition(|l| {
            let t = l.text.trim();
            ORDER_SECTION.get().is_match(t)
                && (crate::segment::caption::upper_share(t) > 0.6
                    || SO_ORDERED_LINE.get().is_match(t))
        }),
    }
}

/// Split a label ("1.", "(a)", "A.") off a clause; returns (label, rest).
fn label(text: &str) -> (Option<String>, String) {
    if starts_item(text) {
        if let Some((head, rest)) = text.trim_start().split_once(' ') {
            let l = head.trim_matches(|c| matches!(c, '(' | ')' | '.'));
            return (Some(l.to_string()), rest.trim().to_string());
        }
    }
    (None, text.trim().to_string())
}

/// How an item is labelled: "1." and "(1)" and "(a)" are three different levels.
#[derive(PartialEq, Clone, Copy, Debug)]
enum Style {
    Digit,
    Letter,
    ParenDigit,
    ParenLetter,
    Bullet,
    None,
}

fn style(text: &str) -> Style {
    let t = text.trim_start();
    if !starts_item(t) {
        return Style::None;
    }
    if let Some(inner) = t.strip_prefix('(') {
        if inner.starts_with(|c: char| c.is_ascii_digit()) {
            Style::ParenDigit
        } else {
            Style::ParenLetter
        }
    } else if t.starts_with(char::is_numeric) {
        Style::Digit
    } else if t.starts_with(char::is_alphabetic) {
        Style::Letter
    } else {
        Style::Bullet
    }
}

/// The label that follows `label` in its sequence, as printed ("3." → "4.", "(b)" → "(c)").
fn next_label(label: &str) -> Option<String> {
    let t = label.trim();
    let (open, body, close) = match t.strip_prefix('(') {
        Some(rest) => ("(", rest.strip_suffix(')')?, ")"),
        None => {
            let body = t.strip_suffix(['.', ')'])?;
            ("", body, &t[body.len()..])
        }
    };
    let next = if let Ok(n) = body.parse::<u32>() {
        (n + 1).to_string()
    } else if body.len() == 1 {
        let c = body.chars().next()?;
        if !c.is_ascii_alphabetic() || c == 'z' || c == 'Z' {
            return None;
        }
        char::from(c as u8 + 1).to_string()
    } else {
        return None;
    };
    Some(format!("{open}{next}{close}"))
}

/// Split a labelled item at the labels of its own sequence that a reflowed line run into it
/// ("...untimely; and 4. Defendants' ..."): the next label of the sequence, after a sentence
/// end, a semicolon, a colon or "and"/"or", starts the next item.
fn split_sequence(text: &str) -> Vec<String> {
    let t = text.trim();
    let Some(first) = t.split_whitespace().next().filter(|_| starts_item(t)) else {
        return vec![t.to_string()];
    };
    let mut out = Vec::new();
    let mut rest = t;
    let mut current = first.to_string();
    while let Some(next) = next_label(&current) {
        let needle = format!(" {next} ");
        let mut at = None;
        let mut from = 0;
        while let Some(i) = rest[from..].find(&needle) {
            let i = from + i;
            let before = rest[..i].trim_end();
            let ok = before.ends_with(['.', ';', ':'])
                || before.ends_with(" and")
                || before.ends_with(" or")
                || before.ends_with(".”")
                || before.ends_with(".\"");
            if ok && i > 0 {
                at = Some(i);
                break;
            }
            from = i + needle.len();
        }
        let Some(i) = at else { break };
        out.push(rest[..i].trim().to_string());
        rest = &rest[i + 1..];
        current = next;
    }
    out.push(rest.trim().to_string());
    out
}

/// Split an unnumbered paragraph at each "IT IS FURTHER ORDERED" sentence.
fn split_further(text: &str) -> Vec<String> {
    // "...; and it is further" / "ORDERED that ..." (D.D.C.'s form) cuts before "ORDERED".
    let mut cuts: Vec<usize> = FURTHER
        .get()
        .captures_iter(text)
        .filter_map(|c| c.get(1).or_else(|| c.get(2)))
        .map(|m| m.start())
        .filter(|&s| s > 0)
        .collect();
    cuts.dedup();
    let mut out = Vec::new();
    let mut from = 0;
    for c in cuts {
        let piece = text[from..c].trim();
        if !piece.is_empty() {
            out.push(piece.to_string());
        }
        from = c;
    }
    out.push(text[from..].trim().to_string());
    out.retain(|p| !p.is_empty());
    out
}

/// Does this sentence decide something?
fn decides(sentence: &str) -> bool {
    // A printed form's alternatives ("Motion ... is granted. denied. submitted.") are no
    // ruling: only the one marked is, and the form's text does not say which.
    if FORM_CHOICES.get().is_match(sentence) || PREVIEW.get().is_match(sentence) {
        return false;
    }
    let d = DECIDES.get();
    let Some(m) = d.find(sentence) else {
        return false;
    };
    // A modal states a view, not a decree: "relief should be denied", "the motion would be
    // granted", "the claim may be dismissed". ("shall be" decrees.)
    let modal = |at: usize| {
        let before = sentence[..at].trim_end().to_lowercase();
        let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let last = if last == "not" {
            before
                .trim_end_matches("not")
                .trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("")
        } else {
            last
        };
        matches!(last, "should" | "would" | "could" | "might" | "may")
    };
    if d.find_iter(sentence).all(|m| modal(m.start())) {
        return false;
    }
    // A bare "shall"/"must" in a statement of the law decides nothing.
    let weak = {
        let w = m.as_str().to_lowercase();
        w == "shall" || w == "must"
    };
    if weak
        && d.find_iter(sentence).all(|m| {
            let w = m.as_str().to_lowercase();
            w == "shall" || w == "must"
        })
    {
        return !RULE_TALK.get().is_match(sentence);
    }
    true
}

/// The deciding part of a paragraph: all of it when its first sentence decides, else its
/// sentences from the first to the last that decide. None when no sentence decides.
fn deciding_part(text: &str) -> Option<String> {
    let mut sentences = sentences(text);
    let first = sentences.iter().position(|s| decides(s))?;
    // Authority cited after a ruling ("See Roe v. Doe, No. 1:09-cv-1, 2009 WL 1 (E.D. Cal.
    // 2009) (remanding ...)") supports it and decrees nothing: the clause ends where the
    // signal opens it, whatever the citation's abbreviations do to the sentences after.
    if let Some(c) = (first + 1..sentences.len()).find(|&i| CITES.get().is_match(&sentences[i])) {
        sentences.truncate(c);
    }
    let text = sentences.join(" ");
    let text = text.as_str();
    let kept = if first == 0 {
        text.trim().to_string()
    } else {
        let last = sentences.iter().rposition(|s| decides(s))?;
        sentences[first..=last].join(" ")
    };
    Some(from_ordered(&kept).to_string())
}

/// A decretal sentence opened by its recitals ("The Court having considered the motion, and
/// good cause appearing, IT IS ORDERED that ...") begins, as a clause, at "IT IS ORDERED".
fn from_ordered(text: &str) -> &str {
    match IT_IS_ORDERED.get().find(text) {
        Some(m) if m.start() > 0 && sentences(&text[..m.start()]).len() == 1 => {
            let at = &text[m.start()..];
            // "... it is hereby" / "ORDERED that ...": the clause is the ORDERED paragraph.
            match at.find("ORDERED") {
                Some(k)
                    if !at[..k].contains("IT IS") && at.starts_with(|c: char| c.is_lowercase()) =>
                {
                    &at[k..]
                }
                _ => at,
            }
        }
        _ => text,
    }
}

/// An order written as "IT IS ORDERED ..." / "IT IS FURTHER ORDERED ..." paragraphs marks
/// where each clause begins with the formula: a paragraph or two between two of them that
/// open without it ("Plaintiff is directed to ...", "The case will be updated ...") go on
/// with the clause before. After the last one the formula marks nothing; what follows stands
/// on its own (a closing note or a further ruling). A labelled item is a clause of its own, a
/// paragraph that orders in the formula's words somewhere in it is one too, and a formula that
/// ends in a colon leads a list.
fn join_continuations(paras: &[Paragraph]) -> Vec<Paragraph> {
    const MAX_GAP: usize = 2;
    let formula = |p: &Paragraph| FORMULA.get().is_match(&p.text);
    // Sentences that order nothing in the formula's words; not a label, a heading, or a
    // form's signature line.
    let continues = |t: &str| {
        let t = t.trim();
        !starts_item(t)
            && !HEADING.get().is_match(t)
            && !IT_IS_ORDERED.get().is_match(t)
            && t.ends_with(['.', ')', '"', '”'])
    };
    let marks: Vec<usize> = (0..paras.len()).filter(|&i| formula(&paras[i])).collect();
    let mut joined_into: Vec<Option<usize>> = vec![None; paras.len()];
    for w in marks.windows(2) {
        let (a, b) = (w[0], w[1]);
        let gap = &paras[a + 1..b];
        if gap.is_empty()
            || gap.len() > MAX_GAP
            || paras[a].text.trim_end().ends_with(':')
            || !gap.iter().all(|p| continues(&p.text))
        {
            continue;
        }
        for slot in &mut joined_into[a + 1..b] {
            *slot = Some(a);
        }
    }
    let mut out: Vec<Paragraph> = Vec::with_capacity(paras.len());
    let mut at: Vec<usize> = vec![0; paras.len()];
    for (i, p) in paras.iter().enumerate() {
        match joined_into[i] {
            Some(a) => {
                let t = &mut out[at[a]].text;
                t.push(' ');
                t.push_str(p.text.trim());
            }
            None => {
                at[i] = out.len();
                out.push(p.clone());
            }
        }
    }
    out
}

/// A paragraph that opens an order's "IT IS ORDERED" series: the formula, not "further" (a
/// "FURTHER ORDERED" follows a ruling made before it).
fn opens_series(text: &str) -> bool {
    IT_IS_ORDERED
        .get()
        .find(text)
        .is_some_and(|m| !m.as_str().to_lowercase().contains("further"))
}

/// Find the order part of an order's body paragraphs.
pub fn find(paras: &[Paragraph], doc_type: DocType) -> (Order, Vec<String>) {
    // The order ends at "IT IS SO ORDERED", or at a "Dated:" line of an unsigned block.
    let end = paras
        .iter()
        .rposition(|p| SO_ORDERED.get().is_match(&p.text) || END_MARK.get().is_match(&p.text))
        .or_else(|| paras.iter().position(|p| CLOSING.get().is_match(&p.text)))
        .unwrap_or(paras.len());
    let paras = &join_continuations(&paras[..end]);
    let mut order = Order::default();
    let opinion = doc_type == DocType::Opinion;
    // The last lead-in or heading before the end opens the operative section.
    let lead = (0..paras.len()).rev().find(|&i| {
        let t = paras[i].text.trim();
        (HEADING.get().is_match(t)
            || (LEAD_IN.get().is_match(t) && !starts_item(t) && t.len() < 400))
            && i + 1 < paras.len()
    });
    if let Some(i) = lead {
        let t = paras[i].text.trim();
        let mut first = i + 1;
        let mut explicit = !HEADING.get().is_match(t) && ORDERS.get().is_match(t);
        if HEADING.get().is_match(t) {
            if let Some(p) = paras
                .get(first)
                .filter(|p| LEAD_IN.get().is_match(p.text.trim()) && !starts_item(&p.text))
            {
                order.lead_in = Some(p.text.clone());
                explicit = ORDERS.get().is_match(&p.text);
                first += 1;
            }
        } else {
            order.lead_in = Some(t.to_string());
        }
        let under_order = order_heading(t);
        order.clauses = items(&paras[first..], explicit && !opinion, under_order);
    }
    if order.clauses.is_empty() {
        order.lead_in = None;
        order.clauses = unled(paras);
    }
    if opinion {
        // An opinion disposes in its own words (affirmed, reversed, vacated, remanded, "we
        // affirm"); its "shall" and "must" state the law it applies.
        order.clauses.retain(|c| {
            DECIDES.get().find_iter(&c.text).any(|m| {
                let w = m.as_str().to_lowercase();
                w != "shall" && w != "must"
            })
        });
        // A disposition that rules on several judgments in as many sentences ("The judgment in
        // No. 1 is affirmed. The judgment in No. 2 is vacated, and ...") is a clause each.
        order.clauses = std::mem::take(&mut order.clauses)
            .into_iter()
            .flat_map(|c| {
                let ss = sentences(&c.text);
                if ss.len() >= 2 && ss.iter().all(|s| decides(s)) {
                    ss.into_iter()
                        .map(|text| Clause { text, ..c.clone() })
                        .collect()
                } else {
                    vec![c]
                }
            })
            .collect();
    }
    let mut warnings = Vec::new();
    if order.clauses.is_empty() && doc_type != DocType::Opinion {
        warnings.push("no ORDER section found".to_string());
    }
    (order, warnings)
}

/// The clauses of the items after a lead-in. `explicit`: the lead-in orders in so many words,
/// so every item is a clause; else only the items that decide are.
/// `under_order`: the items stand under a heading that names an order, so a paragraph that
/// decides is order text whole (no reasoning to trim from it).
fn items(items: &[Paragraph], explicit: bool, under_order: bool) -> Vec<Clause> {
    // Labels run into a paragraph by the reflow are split off first.
    let pieces: Vec<(String, usize)> = items
        .iter()
        .flat_map(|p| {
            split_sequence(&p.text)
                .into_iter()
                .flat_map(|t| {
                    if style(&t) == Style::None {
                        split_further(&t)
                    } else {
                        vec![t]
                    }
                })
                .map(move |t| (t, p.page))
        })
        .collect();
    let top = pieces.first().map_or(Style::None, |(t, _)| style(t));
    let mut clauses: Vec<Clause> = Vec::new();
    for (text, page) in &pieces {
        let s = style(text);
        if top != Style::None && s != top && !clauses.is_empty() {
            if let Some(last) = clauses.last_mut() {
                if !last.text.is_empty() {
                    last.text.push(' ');
                }
                last.text.push_str(text.trim());
            }
            continue;
        }
        // A number printed on a line of its own ("1.") takes the next paragraph as its text.
        if let Some(last) = clauses.last_mut().filter(|c| c.text.is_empty()) {
            last.text = text.trim().to_string();
            continue;
        }
        let (number, body) = label(text);
        let (number, body) = if top == Style::None {
            (None, from_ordered(text.trim()).to_string())
        } else {
            (number, body)
        };
        clauses.push(Clause {
            number,
            text: body,
            page: *page,
        });
    }
    clauses.retain(|c| !c.text.is_empty() && !PANEL.get().is_match(&c.text));
    // Unnumbered items of a drafted list end in ";" or "; and": an item the reflow ran into the
    // next one splits after its "; and".
    if top == Style::None && clauses.iter().any(|c| c.text.trim_end().ends_with(';')) {
        clauses = clauses
            .into_iter()
            .flat_map(|c| {
                let mut out = Vec::new();
                let mut rest = c.text.as_str();
                while let Some(i) = rest.find("; and ").or_else(|| rest.find("; or ")) {
                    let cut = i + rest[i..].find(' ').unwrap_or(1) + 1;
                    let cut = cut + rest[cut..].find(' ').unwrap_or(0);
                    let next = rest[cut..].trim_start();
                    if !next.chars().next().is_some_and(char::is_uppercase) {
                        break;
                    }
                    out.push(rest[..cut].trim().to_string());
                    rest = next;
                }
                out.push(rest.trim().to_string());
                out.into_iter()
                    .map(move |text| Clause { text, ..c.clone() })
            })
            .collect();
    }
    if !explicit {
        clauses = clauses
            .into_iter()
            .filter_map(|mut c| {
                if c.number.is_some() {
                    return decides(&c.text).then_some(c);
                }
                let part = deciding_part(&c.text)?;
                if !under_order {
                    c.text = part;
                }
                Some(c)
            })
            .collect();
        // An order that decrees in "IT IS ORDERED" paragraphs says so there: the unnumbered
        // paragraphs before them that restate its rulings ("As explained above, the court
        // denies ...") are its reasoning's end.
        if top == Style::None {
            if let Some(k) = clauses.iter().position(|c| opens_series(&c.text)) {
                clauses.drain(..k);
            }
        }
    }
    clauses
}

/// Without a lead-in: the deciding paragraphs of the last run of them.
fn unled(paras: &[Paragraph]) -> Vec<Clause> {
    // A ruling may stand alone in one word ("AFFIRMED.").
    let deciding = |p: &Paragraph| {
        (p.text.len() >= 12 || STRONG.get().is_match(&p.text))
            && sentences(&p.text).iter().any(|s| decides(s))
    };
    let Some(last) = paras.iter().rposition(deciding) else {
        return Vec::new();
    };
    // The run: deciding paragraphs back from the last one, stepping over short paragraphs
    // that decide nothing (a note on where to find the rules). A short order (a page of
    // text) has no reasoning to set apart: all of it is the run.
    let short = paras.iter().map(|p| p.text.len()).sum::<usize>() < 3000;
    let mut first = last;
    let mut i = last;
    while i > 0 {
        i -= 1;
        if deciding(&paras[i]) {
            first = i;
        } else if !short && (paras[i].text.len() > 200 || starts_item(&paras[i].text)) {
            break;
        }
    }
    let run: Vec<&Paragraph> = paras[first..=last].iter().filter(|p| deciding(p)).collect();
    // When some paragraph rules in so many words ("IT IS ORDERED", "GRANTS"), the paragraphs
    // of the run before it that only say "shall" are reasoning about duties.
    // An order that decrees in "IT IS ORDERED" paragraphs says so there: the paragraphs that
    // only summarize the rulings before them ("As explained above, the court denies ...")
    // are reasoning.
    let strong = run
        .iter()
        .position(|p| opens_series(&p.text))
        .or_else(|| run.iter().position(|p| STRONG.get().is_match(&p.text)))
        .unwrap_or(0);
    let mut out = Vec::new();
    for p in &run[strong..] {
        for piece in split_further(&p.text) {
            if let Some(text) = deciding_part(&piece) {
                out.push(Clause {
                    number: None,
                    text,
                    page: p.page,
                });
            }
        }
    }
    out
}

/// Split text into sentences at ". " followed by a capital (not after common abbreviations).
fn sentences(text: &str) -> Vec<String> {
    const ABBR: &[&str] = &[
        "No", "Nos", "v", "Mr", "Ms", "Mrs", "Dr", "Inc", "Co", "Corp", "Id", "U.S", "Cal", "Civ",
        "Doc", "Dkt", "ECF", "St", "Fed", "R", "P", "Cir", "e.g", "i.e", "al", "Ltd", "Jr", "U",
        "S", "C", "Ct", "Supp", "App", "Ex", "Exh", "Sec", "Art", "Par", "para", "cf", "Hon",
        "Dist", "Ariz", "Wash", "Mass", "Pa", "Ill", "Tex", "Fla", "Ga", "Md", "Va", "Colo",
        // Record citations: "Oral Arg. Tr. 81", "Pl.'s Br. 4", "Def. Mot. 2", "Compl. ¶ 3".
        "Tr", "Arg", "Br", "Mot", "Compl", "Decl", "Mem", "Op", "Opp", "Resp", "Pl", "Def", "Pls",
        "Defs",
    ];
    let mut out = Vec::new();
    let mut cur = String::new();
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
        let next_cap = words.get(i + 1).is_some_and(|n| {
            n.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '(' || c == '“' || c == '"')
        });
        let stem = w.trim_end_matches(['.', ')', '”', '"']);
        let abbr = ABBR.iter().any(|a| stem.eq_ignore_ascii_case(a)) || stem.chars().count() == 1;
        if (w.ends_with('.') || w.ends_with(".)") || w.ends_with(".”") || w.ends_with(".\""))
            && next_cap
            && !abbr
        {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(texts: &[&str]) -> Vec<Paragraph> {
        texts
            .iter()
            .map(|t| Paragraph {
                text: t.to_string(),
                page: 1,
            })
            .collect()
    }

    fn clause_texts(o: &Order) -> Vec<&str> {
        o.clauses.iter().map(|c| c.text.as_str()).collect()
    }

    fn clauses_of(texts: &[&str]) -> Vec<String> {
        let (o, _) = find(&paras(texts), DocType::Order);
        o.clauses.into_iter().map(|c| c.text).collect()
    }

    #[test]
    fn numbered_after_accordingly() {
        let p = paras(&[
            "Reasons here.",
            "Accordingly,",
            "1. The request is granted;",
            "2. The documents shall be sent.",
            "IT IS SO ORDERED.",
        ]);
        let (o, w) = find(&p, DocType::Order);
        assert!(w.is_empty());
        assert_eq!(o.lead_in.as_deref(), Some("Accordingly,"));
        assert_eq!(
            clause_texts(&o),
            ["The request is granted;", "The documents shall be sent."]
        );
        assert_eq!(o.clauses[0].number.as_deref(), Some("1"));
    }

    #[test]
    fn sub_items_fold_into_their_clause() {
        let p = paras(&[
            "THUS, IT IS HEREBY ORDERED THAT:",
            "1. Defendant is enjoined from:",
            "(a) using the data;",
            "(b) selling it.",
            "2. No bond is required.",
            "IT IS SO ORDERED",
        ]);
        let (o, _) = find(&p, DocType::Order);
        assert_eq!(
            clause_texts(&o),
            [
                "Defendant is enjoined from: (a) using the data; (b) selling it.",
                "No bond is required."
            ]
        );
    }

    #[test]
    fn labels_run_into_a_paragraph_split_it() {
        assert_eq!(
            clauses_of(&[
                "IT IS HEREBY ORDERED that:",
                "1. The motion is GRANTED;",
                "2. Counts One and Two are DISMISSED as waived; and 3. Count Three is DISMISSED without prejudice.",
                "IT IS SO ORDERED.",
            ]),
            [
                "The motion is GRANTED;",
                "Counts One and Two are DISMISSED as waived; and",
                "Count Three is DISMISSED without prejudice."
            ]
        );
        // "Section 2." in the text is no label of the sequence.
        assert_eq!(
            split_sequence("1. The parties shall comply with Section 2. The Court so finds."),
            ["1. The parties shall comply with Section 2. The Court so finds."]
        );
    }

    #[test]
    fn each_further_ordered_is_a_clause() {
        assert_eq!(
            clauses_of(&[
                "Plaintiff has not filed the form.",
                "IT IS ORDERED that Plaintiff shall file the form by May 1, 2024.",
                "IT IS FURTHER ORDERED that the hearing is vacated. IT IS FURTHER ORDERED that the Clerk shall mail this Order.",
            ]),
            [
                "IT IS ORDERED that Plaintiff shall file the form by May 1, 2024.",
                "IT IS FURTHER ORDERED that the hearing is vacated.",
                "IT IS FURTHER ORDERED that the Clerk shall mail this Order."
            ]
        );
    }

    #[test]
    fn unnumbered_decretal_paragraphs_of_an_injunction() {
        assert_eq!(
            clauses_of(&[
                "The Court finds that Plaintiff is likely to succeed on the merits.",
                "Accordingly,",
                "Defendants, their officers, agents and employees are ENJOINED AND RESTRAINED from using the ACME mark.",
                "Defendants shall file a report of compliance within 14 days.",
            ]),
            [
                "Defendants, their officers, agents and employees are ENJOINED AND RESTRAINED from using the ACME mark.",
                "Defendants shall file a report of compliance within 14 days."
            ]
        );
    }

    #[test]
    fn conclusion_heading_with_one_paragraph() {
        let p = paras(&[
            "Discussion.",
            "VI. CONCLUSION",
            "For the forgoing reasons, the motion is GRANTED.",
            "IT IS SO ORDERED.",
        ]);
        let (o, _) = find(&p, DocType::Order);
        assert_eq!(
            clause_texts(&o),
            ["For the forgoing reasons, the motion is GRANTED."]
        );
    }

    #[test]
    fn recitals_are_trimmed_without_lead_in() {
        assert_eq!(
            clauses_of(&["On March 12, 2021, the Court issued its Order. See ECF 413. To give the parties time, the Court directs the parties to submit redactions.", "IT IS SO ORDERED."]),
            ["To give the parties time, the Court directs the parties to submit redactions."]
        );
        assert_eq!(
            clauses_of(&["Having reviewed the petition and the papers, IT IS ORDERED AND ADJUDGED that the petition is dismissed."]),
            ["IT IS ORDERED AND ADJUDGED that the petition is dismissed."]
        );
    }

    #[test]
    fn a_ruling_inside_reasoning_keeps_only_the_ruling() {
        assert_eq!(
            clauses_of(&[
                "The court agrees with plaintiff that the testimony is discoverable. Accordingly, defendant's motion to quash is DENIED. The court makes no ruling at this time about admissibility.",
                "IT IS SO ORDERED.",
            ]),
            ["Accordingly, defendant's motion to quash is DENIED."]
        );
    }

    #[test]
    fn the_law_saying_shall_is_no_clause() {
        assert_eq!(
            clauses_of(&[
                "Rule 26 provides that a party shall disclose its witnesses.",
                "The Court has reviewed the disclosures.",
            ]),
            Vec::<String>::new()
        );
    }

    #[test]
    fn an_opinion_disposes_in_its_conclusion() {
        let (o, w) = find(
            &paras(&[
                "The district court did not err.",
                "CONCLUSION",
                "We have considered the remaining arguments and find them without merit.",
                "The judgment of the district court is AFFIRMED.",
            ]),
            DocType::Opinion,
        );
        assert!(w.is_empty());
        assert_eq!(
            clause_texts(&o),
            ["The judgment of the district court is AFFIRMED."]
        );
    }

    #[test]
    fn nothing_decretal_means_no_clauses() {
        let (o, w) = find(
            &paras(&["The Court held a hearing.", "The parties appeared."]),
            DocType::Order,
        );
        assert!(o.clauses.is_empty());
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn formula_paragraphs_carry_what_follows_them() {
        let got = clauses_of(&[
            "Pursuant to the request of Plaintiff Dana Roe, and good cause appearing,",
            "IT IS HEREBY ORDERED that Plaintiff is granted permission to file electronically.",
            "Plaintiff is directed to register for an account. The docket will be updated within one day.",
            "IT IS FURTHER ORDERED that Plaintiff may file only in this case.",
            "The Court notes that Plaintiff must keep an address on file.",
            "IT IS SO ORDERED.",
        ]);
        assert_eq!(
            got,
            vec![
                "IT IS HEREBY ORDERED that Plaintiff is granted permission to file electronically. \
                 Plaintiff is directed to register for an account. The docket will be updated within one day.",
                "IT IS FURTHER ORDERED that Plaintiff may file only in this case.",
            ]
        );
        // A paragraph between them that orders in the formula's words is a clause of its own.
        let got = clauses_of(&[
            "IT IS ORDERED that the defendant pay $100.",
            "In addition, it is hereby ordered that the standard conditions apply.",
            "IT IS FURTHER ORDERED that the bond is exonerated.",
        ]);
        assert_eq!(got.len(), 3, "{got:?}");
    }

    #[test]
    fn restated_rulings_before_the_formula_are_reasoning() {
        let got = clauses_of(&[
            "CONCLUSION",
            "As explained above, the court denies plaintiff's motion to reconsider.",
            "IT IS THEREFORE ORDERED that plaintiff's motion (Doc. 17) is denied.",
            "IT IS FURTHER ORDERED that plaintiff's motion (Doc. 18) is denied.",
        ]);
        assert_eq!(
            got,
            vec![
                "IT IS THEREFORE ORDERED that plaintiff's motion (Doc. 17) is denied.",
                "IT IS FURTHER ORDERED that plaintiff's motion (Doc. 18) is denied.",
            ]
        );
        // "FURTHER ORDERED" follows a ruling: the one before it stands.
        let got = clauses_of(&[
            "CONCLUSION",
            "For these reasons, the Court GRANTS the motion to dismiss.",
            "IT IS FURTHER ORDERED that the Clerk close the case.",
        ]);
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn authority_after_a_ruling_is_no_part_of_it() {
        let got = clauses_of(&[
            "Background and reasons.",
            "Accordingly, the Court REMANDS this case to Lane County Circuit Court. See Roe v. Doe, No. 1:09-cv-01234-ABC, 2009 WL 100000, at *1 (E.D. Cal. Dec. 3, 2009) (remanding where the plaintiff removed).",
            "IT IS SO ORDERED.",
        ]);
        assert_eq!(
            got,
            vec!["Accordingly, the Court REMANDS this case to Lane County Circuit Court."]
        );
    }

    #[test]
    fn a_scheduling_order_under_its_heading_is_read_whole() {
        let p = paras(&[
            "CONCLUSION",
            "For the reasons stated, the Court recommends that the district judge DISMISS the claims.",
            "SCHEDULING ORDER",
            "The Court will refer its Findings and Recommendation to a district judge. Objections, if any, are due within fourteen (14) days.",
        ]);
        assert!(order_heading(&p[2].text) && !order_heading(&p[0].text));
        let (o, _) = find(&p, DocType::Opinion);
        assert_eq!(
            clause_texts(&o),
            vec!["The Court will refer its Findings and Recommendation to a district judge. Objections, if any, are due within fourteen (14) days."]
        );
    }

    #[test]
    fn a_view_is_no_decree_and_an_opinion_disposes_in_its_own_words() {
        assert!(!decides(
            "The court is of the opinion that relief should be denied."
        ));
        assert!(!decides(
            "Had she moved in time, the motion would not be granted."
        ));
        assert!(decides("Accordingly, relator's petition is denied."));
        assert!(decides("We hold the statute is constitutional and affirm."));
        let (o, _) = find(
            &paras(&[
                "In light of that history, the President must identify clear authorization.",
                "The judgment of the Court of Appeals is affirmed.",
            ]),
            DocType::Opinion,
        );
        assert_eq!(
            clause_texts(&o),
            vec!["The judgment of the Court of Appeals is affirmed."]
        );
        // The United States Reports set the Justices' names in small capitals.
        assert!(separate_opinion("Justice Roe, concurring."));
        assert!(separate_opinion(
            "JUSTICE ROE, with whom JUSTICE DOE joins, dissenting."
        ));
        assert!(separate_opinion("Doe, J., dissenting"));
    }
}
