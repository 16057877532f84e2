//! A paper's title read as court papers are titled: the first *head noun* of the title names
//! the kind of paper, and what follows it names what the paper is about. "NOTICE OF MOTION AND
//! MOTION FOR SUMMARY JUDGMENT" is a motion (about a judgment), "DECLARATION OF JANE ROE IN
//! SUPPORT OF MOTION TO DISMISS" a declaration, "ORDER GRANTING MOTION TO STRIKE" an order,
//! "STIPULATION AND [PROPOSED] ORDER" a stipulation. Words before the head noun qualify it
//! (the filer, "JOINT", "AMENDED", "REDACTED", "EX PARTE") and never decide.
//!
//! Pure text; knows nothing of layout or signatures (`classify` weighs those).

use super::DocType;
use crate::pattern::Pattern;
use regex::Regex;

/// What a head noun names: a type, or a word whose type depends on who signs the paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The type, whoever signs.
    Is(DocType),
    /// A bare "MEMORANDUM": the court's memorandum is its opinion (E.D. Pa., D. Mass. title
    /// their opinions so); a party's is its brief.
    Memorandum,
}

fn re(p: &str) -> Regex {
    Regex::new(p).expect("static regex") // invariant: the patterns below are literals
}

/// The head nouns, each with the type it names; the leftmost match in a title wins and, at one
/// position, the longest. The title is upper-cased, quotes
/// made straight and "[PROPOSED]" / "(PROPOSED)" read as the word PROPOSED before matching.
static HEADS: Pattern<Vec<(Regex, Kind)>> = Pattern::new(|| {
    use DocType::*;
    let w = r"[A-Z0-9'.,&/-]+"; // one word of a title
    let table: Vec<(String, Kind)> = vec![
        // Motions: a notice of motion is the motion (C.D. Cal. and N.D. Cal. L.R. 7-2 join
        // them); an application, a request and a petition for a writ ask for an order too.
        (format!(r"\bNOTICE OF (?:{w} ){{0,5}}(?:MOTIONS?|APPLICATION)\b"), Kind::Is(Motion)),
        (r"\bNOTICE (?:AND|&) (?:MOTIONS?|APPLICATION)\b".into(), Kind::Is(Motion)),
        (r"\bMOTIONS?\b|\bAPPLICATIONS?\b|\bREQUESTS?\b".into(), Kind::Is(Motion)),
        (
            r"\bPETITION FOR (?:A |AN )?(?:WRIT|REHEARING|REVIEW|PERMISSION|LEAVE|PANEL|EN BANC)\b".into(),
            Kind::Is(Motion),
        ),
        // A petition that is no request within a case starts one; the bankruptcy "Voluntary
        // Petition" is an official form.
        (r"\bVOLUNTARY PETITION\b|\bCOVER SHEET\b".into(), Kind::Is(Other)),
        (r"\bPETITION\b".into(), Kind::Is(Complaint)),
        (r"\b(?:AMENDED |VERIFIED |CLASS ACTION |CRIMINAL )*COMPLAINT\b|\bINDICTMENT\b|\bCOUNTERCLAIMS?\b".into(), Kind::Is(Complaint)),
        // Briefs argue a motion; a response to the court's order reports compliance.
        (r"\bMEMORANDUM OF (?:POINTS|LAW)\b|\bMEMORANDUM IN (?:SUPPORT|OPPOSITION|REPLY|RESPONSE)\b|\bSUPPLEMENTAL MEMORANDUM\b".into(), Kind::Is(Brief)),
        (r"\bRESPONSE TO (?:THE )?(?:COURT'?S? )?(?:ORDER|MINUTE ORDER)\b".into(), Kind::Is(Other)),
        (r"\bBRIEF\b|\bOPPOSITION\b|\bREPLY\b|\bSUR-?REPLY\b|\bRESPONSES? (?:TO|IN)\b|\bOBJECTIONS?\b|\bOPPOSE\b".into(), Kind::Is(Brief)),
        // The court's decisions.
        (r"\bMEMORANDUM (?:OPINION|DECISION|FINDINGS)\b|\bMEMORANDUM (?:AND|&) (?:OPINION|ORDER|DECISION)\b".into(), Kind::Is(Opinion)),
        (r"\bMEMORANDUM ORDER\b".into(), Kind::Is(Order)),
        (r"\bMEMORANDUM\b".into(), Kind::Memorandum),
        (r"\bOPINIONS?\b|\bDECISION\b|\bFINDINGS OF FACTS?\b|\bREPORT (?:AND|&) RECOMMENDATIONS?\b|\bRECOMMENDATION\b".into(), Kind::Is(Opinion)),
        (r"\bORDERS? (?:AND|&) (?:OPINION|DECISION|REASONS)\b".into(), Kind::Is(Opinion)),
        // Stipulations, even those that end in a proposed order (the parties sign them).
        (r"\bSTIPULAT(?:ION|ED)\b".into(), Kind::Is(Stipulation)),
        // Orders.
        (format!(r"\bPROPOSED (?:{w} ){{0,4}}(?:ORDERS?|JUDGMENT|DECREE)\b"), Kind::Is(ProposedOrder)),
        (r"\bMINUTES?\b|\bMINUTE (?:ORDER|ENTRY)\b".into(), Kind::Is(MinuteOrder)),
        (r"\bORDERS? (?:AND|&) (?:FINAL )?JUDGE?MENT\b".into(), Kind::Is(Judgment)),
        (r"\bJUDGE?MENTS?\b|\bDECREE\b".into(), Kind::Is(Judgment)),
        (r"\bORDERS?\b|\bINJUNCTION\b|\bWARRANT\b|\bMANDATE\b".into(), Kind::Is(Order)),
        // Evidence and the record.
        (r"\bDECLARATIONS?\b|\bDECL\.|\bAFFIDAVITS?\b|\bAFFIRMATION\b".into(), Kind::Is(Declaration)),
        (r"\bTRANSCRIPTS?\b|\bDEPOSITION\b|\bPROCEEDINGS\b|\bTESTIMONY\b".into(), Kind::Is(Transcript)),
        (r"\bVERDICTS?\b|\bJURY NOTES?\b|\bJURY QUESTIONS?\b|\bNOTES? FROM (?:THE )?JURY\b".into(), Kind::Is(Verdict)),
        (r"\bEXHIBITS?\b".into(), Kind::Is(Exhibit)),
        (r"\bLETTER\b".into(), Kind::Is(Letter)),
        // Forms, certificates, reports and lists are none of the above.
        (r"\bCERTIFICATES?\b|\bPROOF OF SERVICE\b|\bSUMMONS\b|\bSUBPOENA\b|\bCONSENT (?:TO|FORM)\b|\bELECTION\b|\bDESIGNATION\b|\bSTATEMENT\b|\bREPORT\b|\bLIST\b|\bINSTRUCTIONS?\b|\bANSWER\b|\bSCHEDULES?\b|\bAGREEMENT\b".into(), Kind::Is(Other)),
        // A violation notice is a charging form of the Central Violations Bureau, not a notice
        // of the court or a party.
        (r"\bVIOLATION NOTICE\b".into(), Kind::Is(Other)),
        (r"\bNOTICE\b|\bAPPEARANCE\b".into(), Kind::Is(Notice)),
    ];
    table.into_iter().map(|(p, k)| (re(&p), k)).collect()
});

static PROPOSED: Pattern = Pattern::new(|| re(r"[\[(]\s*PROPOSED\s*[\])]"));
static POSTURE: Pattern = Pattern::new(|| {
    re(
        r"^(?:ON|UPON) (?:A )?(?:PETITIONS? FOR REVIEW|APPEALS?|CROSS-APPEALS?|WRIT OF|CERTIFI(?:ED|CATION)|REMAND|PETITION FOR (?:A )?WRIT)\b",
    )
});

/// The title as the head nouns are matched against it.
pub fn normalize(title: &str) -> String {
    let t = despace(title)
        .to_uppercase()
        .replace(['\u{2018}', '\u{2019}', '`'], "'")
        .replace(['\u{201C}', '\u{201D}'], "\"");
    let t = PROPOSED.get().replace_all(&t, " PROPOSED ");
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A word set letter-spaced ("O R D E R", "M E M O R A N D U M"), as appellate courts set
/// titles, read as one word: a run of three or more single letters in capitals.
pub fn despace(text: &str) -> String {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let single = |t: &str| t.chars().count() == 1 && t.chars().all(|c| c.is_uppercase());
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let run = tokens[i..].iter().take_while(|t| single(t)).count();
        if run >= 3 {
            out.push(tokens[i..i + run].concat());
            i += run;
        } else {
            out.push(tokens[i].to_string());
            i += 1;
        }
    }
    out.join(" ")
}

/// The kind of paper a title names, and the head noun that names it.
pub fn head(title: &str) -> Option<(Kind, String)> {
    let t = normalize(title);
    // An appellate caption's posture line says how the case came up ("On Petition for Review
    // of an Order of the FCC", "On Appeal from ...", "On Writ of Certiorari to ..."): it names
    // the proceeding below, not this paper.
    if POSTURE.get().is_match(&t) {
        return None;
    }
    let heads = HEADS.get();
    let mut best: Option<(usize, usize, Kind)> = None;
    for (r, kind) in heads.iter() {
        if let Some(m) = r.find(&t) {
            let better = match best {
                None => true,
                Some((s, e, _)) => m.start() < s || (m.start() == s && m.end() > e),
            };
            if better {
                best = Some((m.start(), m.end(), *kind));
            }
        }
    }
    best.map(|(s, e, k)| (k, t[s..e].to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use DocType::*;

    fn check(title: &str, want: Option<DocType>) {
        let got = head(title).and_then(|(k, _)| match k {
            Kind::Is(t) => Some(t),
            Kind::Memorandum => None,
        });
        assert_eq!(got, want, "{title}");
    }

    #[test]
    fn the_first_head_noun_decides() {
        check(
            "DEFENDANTS' NOTICE OF MOTION AND MOTION FOR SUMMARY JUDGMENT",
            Some(Motion),
        );
        check(
            "DECLARATION OF JANE Q. ROE IN SUPPORT OF PLAINTIFF'S MOTION TO COMPEL",
            Some(Declaration),
        );
        check(
            "PLAINTIFFS' MEMORANDUM OF POINTS AND AUTHORITIES IN OPPOSITION TO MOTION TO DISMISS",
            Some(Brief),
        );
        check("ORDER GRANTING MOTION FOR SUMMARY JUDGMENT", Some(Order));
        check(
            "[PROPOSED] ORDER GRANTING ADMINISTRATIVE MOTION",
            Some(ProposedOrder),
        );
        check(
            "JOINT STIPULATION AND [PROPOSED] ORDER TO CONTINUE HEARING",
            Some(Stipulation),
        );
        check(
            "REPLY IN SUPPORT OF MOTION FOR CLASS CERTIFICATION",
            Some(Brief),
        );
        check("APPLICATION FOR LEAVE TO FILE UNDER SEAL", Some(Motion));
        check("NOTICE OF APPEARANCE OF COUNSEL", Some(Notice));
        check("NOTICE OF MANUAL FILING OR LODGING", Some(Notice));
        check("OPINION AND ORDER", Some(Opinion));
        check("MEMORANDUM AND ORDER", Some(Opinion));
        check("JUDGMENT IN A CIVIL CASE", Some(Judgment));
        check("FINAL PRETRIAL CONFERENCE ORDER", Some(Order));
        check("CIVIL MINUTES - GENERAL", Some(MinuteOrder));
        check("REPORTER'S TRANSCRIPT OF PROCEEDINGS", Some(Transcript));
        check("VIDEOTAPED DEPOSITION OF JOHN DOE", Some(Transcript));
        check("VERDICT FORM", Some(Verdict));
        check("JURY NOTE NO. 2", Some(Verdict));
        check("FIRST AMENDED COMPLAINT FOR DAMAGES", Some(Complaint));
        check("PETITION FOR A WRIT OF CERTIORARI", Some(Motion));
        // A posture line is no title.
        check(
            "On Petition for Review and Notice of Appeal of an Order of the Federal Communications Commission",
            None,
        );
        check("ON APPEAL FROM THE UNITED STATES DISTRICT COURT", None);
        check("CERTIFICATE OF SERVICE", Some(Other));
        check(
            "DEFENDANTS' RESPONSE TO THE COURT'S ORDER (ECF NO. 12)",
            Some(Other),
        );
        check(
            "RESPONSE TO PLAINTIFF'S MOTION IN LIMINE NO. 1",
            Some(Brief),
        );
        check("SUMMONS IN A CIVIL ACTION", Some(Other));
        check("ORDER TO SHOW CAUSE", Some(Order));
        check("O R D E R", Some(Order));
        assert_eq!(despace("FOR THE COURT: A B"), "FOR THE COURT: A B");
        check("The Court has read the papers.", None);
        assert_eq!(head("MEMORANDUM").map(|(k, _)| k), Some(Kind::Memorandum));
    }
}
