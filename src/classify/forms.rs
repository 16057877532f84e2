//! The marks each kind of paper carries because of how it is made, counted over a paper's
//! text: a transcript's Q./A. colloquy and speaker lines and its reporter's certificate (court
//! reporters' format rules), a declaration's 28 U.S.C. § 1746 "under penalty of perjury", a
//! verdict form's "We, the jury", a letter's salutation and close, a complaint's counts and
//! prayer, a notice of motion's "PLEASE TAKE NOTICE", an appellate opinion's panel line and
//! disposition, and the signature blocks of counsel and of the court.
//!
//! Pure text: it counts and names what it found and decides nothing (`classify` does).

use super::DocType;
use crate::pattern::Pattern;
use regex::Regex;

/// A pattern of this module, its word boundaries made ASCII ([`ascii_words`]).
fn re(p: &str) -> Regex {
    Regex::new(&ascii_words(p)).expect("static regex") // invariant: the patterns below are literals
}

/// One mark: the type it speaks for, its name in the evidence, its pattern.
const MARKS: &[(DocType, &str, &str)] = &[
    (
        DocType::Transcript,
        "reporter's transcript",
        r"(?i)reporter'?s\s+transcript|transcript\s+of\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}proceedings|official\s+(?:court\s+)?reporter|certified\s+shorthand\s+reporter|\bCSR\s+(?:no\.?\s*)?[0-9]",
    ),
    (
        DocType::Transcript,
        "reporter's certificate",
        r"(?i)(?:reporter'?s\s+certificate|certificate\s+of\s+(?:the\s+)?(?:official\s+|court\s+|certified\s+)?(?:shorthand\s+)?reporter|I\s+(?:hereby\s+)?certify\s+that\s+the\s+foregoing\s+is\s+a\s+(?:true\s+and\s+)?(?:correct|accurate|true)\s+transcript)",
    ),
    (
        DocType::Transcript,
        "deposition",
        r"(?i)\b(?:videotaped\s+|video-recorded\s+|remote\s+|oral\s+)*deposition\s+of\b|\bdeponent\b",
    ),
    (
        DocType::Transcript,
        "examination",
        r"(?:E X A M I N A T I O N|P R O C E E D I N G S|(?i:\b(?:direct|cross|redirect|recross)[- ]examination\b)|EXAMINATION BY|\(Whereupon|I N D E X)",
    ),
    (
        DocType::Verdict,
        "we the jury",
        r"(?i)\bwe,?\s+the\s+(?:[a-z]+\s+)?jury\b|\bunanimous(?:ly)?\s+(?:find|agree|verdict)",
    ),
    (
        DocType::Verdict,
        "verdict form",
        r"(?i)\b(?:special\s+)?verdict\s+form\b|\bjury\s+(?:note|question)\b|\bforeperson\b|\bpresiding\s+juror\b",
    ),
    (
        DocType::Declaration,
        "under penalty of perjury",
        r"(?i)declares?\s+(?:and\s+states?\s+)?under\s+(?:the\s+)?penalty\s+of\s+perjury|being\s+(?:first\s+)?duly\s+sworn|subscribed\s+and\s+sworn",
    ),
    (
        DocType::Declaration,
        "I declare",
        r"(?m)^\s*I,\s+[A-Z][^,\n]{2,60},\s+(?:[a-z]+\s+){0,4}(?:declare|state|depose|certify|affirm)",
    ),
    (
        DocType::Letter,
        "salutation",
        r"(?m)^\s*(?:Dear\s+(?:Judge|Magistrate|Chief|Justice|Hon|Mr|Ms|Mrs|Dr|Sir|Madam|Counsel|Clerk)|Your\s+Honor:|To\s+(?:All\s+)?(?:Parties|Counsel)[^:\n]{0,30}:\s*$)",
    ),
    (
        DocType::Letter,
        "re line and address",
        r"(?m)^\s*(?:RE|Re):\s+\S(?s:.{0,600})^.*\b[A-Z]{2}\s+[0-9]{5}(?:-[0-9]{4})?\s*$|(?m)^.*\b[A-Z]{2}\s+[0-9]{5}(?:-[0-9]{4})?\s*$(?s:.{0,600})^\s*(?:RE|Re):\s+\S",
    ),
    (
        DocType::Letter,
        "letter close",
        r"(?m)^\s*(?:Respectfully(?:\s+yours)?|Sincerely(?:\s+yours)?|Very\s+truly\s+yours|Yours\s+(?:truly|sincerely)|Best\s+regards)[,.]?\s*$",
    ),
    (
        DocType::Complaint,
        "counts and prayer",
        r"(?i)prayer\s+for\s+relief|\bcauses?\s+of\s+action\b|(?m:^\s*COUNT\s+(?:I|ONE|1)\b)|\b(?:first|second)\s+claim\s+for\s+relief|nature\s+of\s+the\s+action",
    ),
    (
        DocType::Complaint,
        "jury demand",
        r"(?i)jury\s+trial\s+demanded|demand\s+for\s+(?:a\s+)?(?:trial\s+by\s+)?jury",
    ),
    (
        DocType::Motion,
        "notice of motion",
        r"(?i)please\s+take\s+notice|(?:hereby|respectfully)\s+(?:moves?|applies|apply|petitions?)\b|\bwill\s+(?:and\s+hereby\s+do(?:es)?\s+)?move\b",
    ),
    (
        DocType::Opinion,
        "panel",
        r"(?i)\bbefore:?\s[^\n]{0,140}\b(?:circuit|chief|senior|appellate)\s+judges?\b|\bper\s+curiam\b|delivered\s+the\s+opinion\s+of\s+the\s+court|\bopinion\s+of\s+the\s+court\b|\bopinion\s+by\b",
    ),
    (
        DocType::Opinion,
        "appeal",
        r"(?i)appeals?\s+from\s+the\s+(?:united\s+states\s+)?(?:district|bankruptcy|superior|circuit|tax)\s+court|on\s+petition\s+for\s+review|\b(?:argued|submitted)\s*:?\s+[A-Z][a-z]+\.?\s+[0-9]{1,2},\s+[0-9]{4}|\[(?:do\s+not\s+)?publish\]|not\s+(?:recommended\s+)?for\s+(?:full-text\s+)?publication|\bnot\s+precedential\b",
    ),
    (
        DocType::Brief,
        "citations",
        r"\b[0-9]{1,4}\s+(?:F\.(?:\s?[234]d|\s?4th)?|F\.\s?Supp\.(?:\s?[23]d)?|U\.S\.|S\.\s?Ct\.|L\.\s?Ed\.)\s+[0-9]{1,4}",
    ),
];

/// The marks, one regex each, with ASCII word boundaries. Each is asked only whether it
/// matches, so its search stops at the first match and stays in the lazy DFA. A `RegexSet`
/// must report every pattern over the whole text, and a Unicode `\b` sends the search to the
/// slow PikeVM once the text holds one non-ASCII character (a curly quote, a section sign:
/// every court paper). Measured: the corpus took 4.0 s of CPU with the set, 2.1 s without.
static SET: Pattern<Vec<Regex>> = Pattern::new(|| MARKS.iter().map(|(_, _, p)| re(p)).collect());

/// A pattern with its word boundaries ASCII (`(?-u:\b)`): the marks are English words, and an
/// ASCII boundary keeps the search in the lazy DFA on any text.
fn ascii_words(p: &str) -> String {
    p.replace(r"\b", r"(?-u:\b)")
}
static CITATION: Pattern = Pattern::new(|| re(MARKS[MARKS.len() - 1].2));
/// A line of colloquy: "Q. ..." / "A. ..." (depositions), or a speaker's name and a colon
/// ("THE COURT:", "MR. SMITH:"), as court reporters set them.
static COLLOQUY: Pattern = Pattern::new(|| {
    re(
        r"^(?:[QA][.:]?\s|(?:THE\s+(?:COURT|WITNESS|CLERK|DEPUTY|REPORTER|INTERPRETER|DEFENDANT|PLAINTIFF|MARSHAL|JUROR)|(?:MR|MS|MRS|DR)\.\s+[A-Z][A-Z'’-]+|BY\s+(?:MR|MS|MRS)\.\s+[A-Z'’-]+)\s*:)",
    )
});
/// Counsel's e-signature: "/s/ Name" (or "s/ Name"), with its "Attorneys for" or "Respectfully
/// submitted" within the block.
static SLASH_S: Pattern = Pattern::new(|| re(r"^(?:By:?\s*)?/?s/\s*[A-Z]"));
static COUNSEL: Pattern = Pattern::new(|| {
    re(
        r"(?i)\b(?:attorneys?|counsel)\s+(?:of\s+record\s+)?for\b|\bpro\s+(?:se|per)\b|in\s+propria\s+persona|respectfully\s+submitted|\bAUSA\b|assistant\s+united\s+states\s+attorney",
    )
});

static ORDERS: Pattern = Pattern::new(|| {
    re(r"(?i:\bit\s+is\s+(?:hereby\s+|further\s+|therefore\s+)*ordered\b|\bso\s+ordered\b)")
});

static RULES: Pattern = Pattern::new(|| {
    re(
        r"\b(?:the\s+Court|this\s+Court)\s+(?:hereby\s+)?(?:GRANTS|DENIES|AFFIRMS|REVERSES|ORDERS|DISMISSES)\b|\b(?:is|are)\s+(?:hereby\s+)?(?:AFFIRMED|REVERSED|GRANTED|DENIED|DISMISSED|VACATED)\b|(?i:\b(?:it\s+is\s+)?so\s+ordered\b)",
    )
});

/// What a paper's text shows.
#[derive(Debug, Clone, Default)]
pub struct Signals {
    /// Names of the marks found, with the type each speaks for.
    pub marks: Vec<(DocType, &'static str)>,
    /// Lines of Q./A. colloquy or speaker lines.
    pub colloquy: usize,
    /// Non-empty lines read.
    pub lines: usize,
    /// Case citations ("123 F.3d 456").
    pub citations: usize,
    /// It orders in so many words ("IT IS ORDERED", "SO ORDERED").
    pub orders: bool,
    /// The court rules in it: "the Court GRANTS", "is AFFIRMED", "SO ORDERED".
    pub rules: bool,
}

impl Signals {
    /// How many marks speak for `t`.
    pub fn count(&self, t: DocType) -> usize {
        self.marks.iter().filter(|(k, _)| *k == t).count()
    }

    /// The names of the marks for `t`, joined for the evidence.
    pub fn names(&self, t: DocType) -> String {
        let names: Vec<&str> = self
            .marks
            .iter()
            .filter(|(k, _)| *k == t)
            .map(|(_, n)| *n)
            .collect();
        names.join(", ")
    }

    /// Set like a transcript: most of its lines are colloquy, or a reporter certifies it.
    pub fn transcript(&self) -> bool {
        let colloquy = self.colloquy >= 8 && self.colloquy * 10 >= self.lines;
        colloquy || self.count(DocType::Transcript) >= 2
    }
}

/// Count the marks over `lines` (a paper's text, line by line).
pub fn signals(lines: &[&str]) -> Signals {
    let text = lines.join("\n");
    let set = SET.get();
    let marks = MARKS
        .iter()
        .zip(set.iter())
        .filter(|(_, r)| r.is_match(&text))
        .map(|((t, name, _), _)| (*t, *name))
        .collect();
    let colloquy = COLLOQUY.get();
    Signals {
        marks,
        colloquy: lines
            .iter()
            .filter(|l| colloquy.is_match(l.trim_start()))
            .count(),
        lines: lines.iter().filter(|l| !l.trim().is_empty()).count(),
        citations: CITATION.get().find_iter(&text).count(),
        orders: ORDERS.get().is_match(&text),
        rules: RULES.get().is_match(&text),
    }
}

/// Does the block of `lines` (a paper's last lines) hold counsel's signature: an "/s/" line
/// or a "Respectfully submitted", with an "Attorneys for" or the like?
pub fn counsel_signed(lines: &[&str]) -> bool {
    let slash = lines.iter().any(|l| SLASH_S.get().is_match(l.trim_start()));
    let counsel = lines.iter().any(|l| COUNSEL.get().is_match(l));
    counsel && (slash || lines.iter().any(|l| l.contains("___")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colloquy_makes_a_transcript() {
        let mut lines = vec!["Q. Where were you on the night of March 3?"; 6];
        lines.extend(["A. At home.", "THE COURT: Go on.", "MR. ROE: Objection."]);
        lines.push("some other line");
        let s = signals(&lines);
        assert_eq!(s.colloquy, 9);
        assert!(s.transcript());
        let brief = [
            "The witness said:",
            "Q. Did you see it?",
            "A. No.",
            "That settles it.",
        ];
        assert!(!signals(&brief).transcript());
    }

    #[test]
    fn marks_are_named() {
        let s = signals(&[
            "I, Jane Q. Roe, declare as follows:",
            "I declare under penalty of perjury that the foregoing is true.",
        ]);
        assert_eq!(s.count(DocType::Declaration), 2);
        let s = signals(&["We, the jury, answer the questions as follows:"]);
        assert_eq!(s.names(DocType::Verdict), "we the jury");
        assert_eq!(
            signals(&["See Roe v. Doe, 123 F.3d 456 (9th Cir. 1999); 550 U.S. 544"]).citations,
            2
        );
    }

    #[test]
    fn counsel_signature_blocks() {
        assert!(counsel_signed(&[
            "Respectfully submitted,",
            "/s/ Jane Q. Roe",
            "Attorneys for Plaintiff ACME WIDGET CO."
        ]));
        assert!(!counsel_signed(&[
            "IT IS SO ORDERED.",
            "/s/ Jane Q. Roe",
            "United States District Judge"
        ]));
    }
}
