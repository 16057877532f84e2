//! Parties from a caption's left column (or its stacked lines): names accumulate until a role
//! line ("Plaintiffs,", "Defendant-Appellant.") names their side; "v." separates the sides;
//! "In re" and "In the Matter of" captions name one party of role `in_re`.
//!
//! Names are kept as printed, without the role word and the trailing comma.

use super::caption::upper_share;
use super::Party;
use crate::pattern::Pattern;
use regex::Regex;

fn re(p: &str) -> Regex {
    Regex::new(p).expect("static regex") // invariant: the patterns below are literals
}

static ROLE: Pattern = Pattern::new(|| {
    re(
        r"(?i)^(?:and\s+)?(plaintiffs?|defendants?|petitioners?|respondents?|appellants?|appellees?|movants?|debtors?|intervenors?|claimants?|counter-?claimants?|counter-?defendants?|third-party (?:plaintiffs?|defendants?)|cross-?(?:complainants?|defendants?)|employee|employer|carrier|real parties in interest|plaintiffs?[-–,\s]+appellants?|plaintiffs?[-–,\s]+appellees?|defendants?[-–,\s]+appellants?|defendants?[-–,\s]+appellees?|petitioners?[-–,\s]+appellants?|respondents?[-–,\s]+appellees?)(?:\s*\(s\))?\s*(?:and\s+(?:counter-?(?-u:\w)+|appell(?-u:\w)+))?[.,;]*$",
    )
});

static POSTURE: Pattern = Pattern::new(|| {
    re(
        r"(?i)^(?:on\s+)?(?:appeals?|petitions?)\s+(?:from|for)\b|^on\s+(?:writ|remand|review)\b|^(?:submitted|argued|decided|filed)\b|^\((?:filed|argued|submitted)\b|^(?:d\.\s?c\.|district\s+court|agency|bap)\s+(?:no|docket|case)|^district\s+judge:",
    )
});

/// The role named by a role line ("Plaintiffs," → plaintiff), if the text is one.
pub fn role_of(text: &str) -> Option<&'static str> {
    let t = text.trim();
    let caps = ROLE.get().captures(t)?;
    let word = caps.get(1)?.as_str().to_lowercase();
    let role = if word.contains("appellant") {
        "appellant"
    } else if word.contains("appellee") {
        "appellee"
    } else if word.starts_with("plaintiff")
        || word.starts_with("counter") && word.contains("claimant")
        || word.starts_with("cross-c")
        || word.starts_with("crossc")
    {
        "plaintiff"
    } else if word.starts_with("defendant") || word.contains("defendant") {
        "defendant"
    } else if word.starts_with("petitioner") || word == "employee" || word.starts_with("claimant") {
        "petitioner"
    } else if word.starts_with("respondent") || word == "employer" || word == "carrier" {
        "respondent"
    } else if word.starts_with("movant") {
        "movant"
    } else if word.starts_with("debtor") {
        "debtor"
    } else if word.starts_with("intervenor") {
        "intervenor"
    } else {
        "other"
    };
    Some(role)
}

/// Corporate and name suffixes that follow a comma inside one party's name: the entity
/// designators the states' corporation and LLC acts require in a name, abbreviated or spelled
/// out ("Inc." / "Incorporated", "Ltd." / "Limited", "Chartered", "P.A." for a professional
/// association), those of the foreign companies that appear in federal suits (S.A., S.A.U.,
/// S.p.A., N.V., B.V., GmbH, AG, PLC, Pty), and the generational suffixes of a person's name.
const SUFFIXES: &[&str] = &[
    "INC",
    "INCORPORATED",
    "LLC",
    "L.L.C",
    "LLP",
    "L.L.P",
    "LP",
    "L.P",
    "CORP",
    "CO",
    "LTD",
    "LIMITED",
    "CHARTERED",
    "N.A",
    "JR",
    "SR",
    "II",
    "III",
    "IV",
    "P.C",
    "P.A",
    "PLLC",
    "P.L.L.C",
    "S.A",
    "S.A.U",
    "S.P.A",
    "S.A.S",
    "S.R.L",
    "N.V",
    "B.V",
    "AG",
    "GMBH",
    "PLC",
    "PTY",
    "ET",
];

/// Split "CITY OF ALDERA, COUNTY OF ALDERA" into two names, but keep "ACME, INC." whole; a list
/// of names each closed by ";" is split there ("A; B; C;"), but "ANSELMO NEVE; and DOES 1
/// through 10" (the Doe-defendant idiom, one semicolon) stays one entry.
fn split_names(text: &str) -> Vec<String> {
    if text.matches("; ").count() >= 2 {
        return text.split("; ").flat_map(split_names_commas).collect();
    }
    // "ACME WIDGET, INC.; GLOBEX LLC": one semicolon between two names in capitals (not the
    // "; and DOES 1 through 10" idiom).
    if let Some((a, b)) = text.split_once("; ") {
        if caps_name(a) && caps_name(b) && !b.to_lowercase().starts_with("and ") {
            return [a, b].into_iter().flat_map(split_names_commas).collect();
        }
    }
    split_names_commas(text)
}

/// A name set in capitals (its corporate suffix and descriptors aside).
fn caps_name(text: &str) -> bool {
    let head = text.split(", ").next().unwrap_or(text);
    upper_share(head) > 0.9 && head.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

/// Is `word` a corporate or name suffix ("Inc.", "LLC", "L.P.", "Jr.")?
fn is_suffix(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',', ';']);
    SUFFIXES.iter().any(|s| w.eq_ignore_ascii_case(s)) || w.eq_ignore_ascii_case("et")
}

fn split_names_commas(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for piece in text.split(", ") {
        let head = piece.trim_start_matches("and ").trim();
        let first = head
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches(['.', ',']);
        let starts_name = upper_share(head) > 0.9
            && head.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && !is_suffix(first);
        // A new name after a name in capitals, or after "and" (a party's descriptor, "a
        // Delaware corporation", may stand between).
        let joined_by_and = piece.starts_with("and ") || piece.starts_with("AND ");
        if !cur.is_empty() && starts_name && (upper_share(&cur) > 0.9 || joined_by_and) {
            out.push(std::mem::take(&mut cur));
            cur.push_str(head);
        } else {
            if !cur.is_empty() {
                cur.push_str(", ");
            }
            cur.push_str(piece);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// "ALDER SIGNAL SYSTEMS LIMITED and BRISK CIPHER TECHNOLOGIES LIMITED" → two names.
fn split_lower_and(name: &str) -> Vec<String> {
    match name.split_once(" and ") {
        Some((a, b)) if caps_name(a) && caps_name(b) => {
            let mut out = vec![a.to_string()];
            out.extend(split_lower_and(b));
            out
        }
        _ => vec![name.to_string()],
    }
}

fn clean_name(name: &str) -> String {
    let name = name.trim();
    let name = name
        .strip_prefix("and ")
        .or_else(|| name.strip_prefix("And "))
        .or_else(|| name.strip_prefix("AND "))
        .unwrap_or(name);
    let mut n = name.trim_end_matches([',', ';', ' ']).trim().to_string();
    for tail in [" and", " AND", ", and", ";"] {
        if let Some(s) = n.strip_suffix(tail) {
            n = s.trim_end_matches([',', ' ']).to_string();
        }
    }
    n
}

/// Parties from the left column's lines: names accumulate until a role line names their side.
pub fn parties(lines: &[String]) -> Vec<Party> {
    let mut out: Vec<Party> = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut side = 0; // 0 before "v.", 1 after
    let mut in_panel = false;
    let flush = |pending: &mut Vec<String>, role: &str, out: &mut Vec<Party>| {
        let mut entries: Vec<String> = Vec::new();
        for line in pending.drain(..) {
            let starts_new = !entries.is_empty()
                && entries.last().is_some_and(|e| {
                    let e = e.trim_end();
                    e.ends_with(',') || e.ends_with(", and") || e.ends_with("; and")
                })
                && line.split_whitespace().next().is_some_and(|w| {
                    upper_share(w) > 0.9
                        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                        && !is_suffix(w)
                });
            if starts_new {
                entries.push(line);
            } else if let Some(last) = entries.last_mut() {
                last.push(' ');
                last.push_str(&line);
            } else {
                entries.push(line);
            }
        }
        for e in entries {
            // In a caption set in capitals a lower-case "and" joins two parties ("ACME CORP.
            // and GLOBEX LLC"); an "AND" in capitals is part of a name ("ROOTER AND PLUMBING").
            let names: Vec<String> = split_names(e.trim())
                .into_iter()
                .flat_map(|n| split_lower_and(&n))
                .collect();
            for name in names {
                let name = clean_name(&name);
                if name.chars().any(|c| c.is_alphabetic()) {
                    let lower = name.to_lowercase();
                    let role = if lower.starts_with("in re") || lower.starts_with("in the matter") {
                        "in_re"
                    } else {
                        role
                    };
                    out.push(Party {
                        name,
                        role: role.to_string(),
                    });
                }
            }
        }
    };
    for raw in lines {
        let t = raw
            .trim()
            .trim_matches(|c| c == ')' || c == '§' || c == '_')
            .trim();
        if t.is_empty() || t.chars().all(|c| c == '_' || c == '-' || c == ' ') {
            continue;
        }
        // An appellate panel ("Before: ..., Circuit Judges.") precedes the parties; a byline
        // ("MARTINOTTI, DISTRICT JUDGE") closes the caption.
        let upper = t.to_uppercase();
        let judge_end = ["JUDGE", "JUDGE:", "JUDGES", "JUDGE.", "JUDGES.", "JUDGES:"]
            .iter()
            .any(|e| upper.ends_with(e));
        if upper.starts_with("BEFORE") {
            in_panel = !judge_end;
            continue;
        }
        if in_panel {
            in_panel = !judge_end;
            continue;
        }
        // The posture of an appeal or a petition closes the parties ("On Appeal from the
        // United States District Court ...", "Submitted ...", "(Filed: ...)").
        if judge_end || POSTURE.get().is_match(t) {
            break;
        }
        let lower = t.to_lowercase();
        if matches!(
            lower.as_str(),
            "v." | "v"
                | "vs."
                | "vs"
                | "versus"
                | "against"
                | "- against -"
                | "-against-"
                | "- v. -"
        ) {
            if !pending.is_empty() {
                flush(&mut pending, "plaintiff", &mut out);
            }
            side = 1;
            continue;
        }
        if let Some(role) = role_of(t) {
            flush(&mut pending, role, &mut out);
            continue;
        }
        // "MARISOL VANTERPOOL, Plaintiff," on one line.
        if let Some((name, role_text)) = t.rsplit_once(", ") {
            if let Some(role) = role_of(role_text) {
                pending.push(name.to_string());
                flush(&mut pending, role, &mut out);
                continue;
            }
        }
        pending.push(t.to_string());
    }
    if !pending.is_empty() {
        let in_re = pending.first().is_some_and(|p| {
            let l = p.to_lowercase();
            l.starts_with("in re") || l.starts_with("in the matter")
        });
        // The side after "v." that names no role takes the counterpart of the first side's.
        let counterpart = match out.first().map(|p| p.role.as_str()) {
            Some("appellant") => "appellee",
            Some("appellee") => "appellant",
            Some("petitioner") => "respondent",
            Some("respondent") => "petitioner",
            _ => "defendant",
        };
        let role = if in_re {
            "in_re"
        } else if side == 1 {
            counterpart
        } else {
            "other"
        };
        if in_re {
            let joined = pending.join(" ");
            pending.clear();
            out.push(Party {
                name: clean_name(&joined),
                role: role.to_string(),
            });
        } else {
            flush(&mut pending, role, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        assert_eq!(role_of("Plaintiffs,"), Some("plaintiff"));
        assert_eq!(role_of("Defendant."), Some("defendant"));
        assert_eq!(role_of("Plaintiff-Appellant,"), Some("appellant"));
        // A clerk's form prints the role for one or many.
        assert_eq!(role_of("Plaintiff(s),"), Some("plaintiff"));
        assert_eq!(role_of("Defendant(s)."), Some("defendant"));
        assert_eq!(role_of("Employer"), Some("respondent"));
        assert_eq!(role_of("Plaintiff, Appellant,"), Some("appellant"));
        assert_eq!(role_of("NADIA VELLORA"), None);
    }

    #[test]
    fn parties_from_left_column() {
        let lines: Vec<String> = [
            "NADIA VELLORA, et al.,",
            "Plaintiffs,",
            "v.",
            "HEARTHWELL HOME PRODUCTS",
            "INC., et al.,",
            "Defendants.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let p = parties(&lines);
        assert_eq!(p.len(), 2);
        assert_eq!(
            (p[0].name.as_str(), p[0].role.as_str()),
            ("NADIA VELLORA, et al.", "plaintiff")
        );
        assert_eq!(
            (p[1].name.as_str(), p[1].role.as_str()),
            ("HEARTHWELL HOME PRODUCTS INC., et al.", "defendant")
        );
    }

    #[test]
    fn semicolon_lists_split_but_not_the_doe_idiom() {
        let names = |lines: &[&str]| -> Vec<String> {
            parties(&lines.iter().map(|s| s.to_string()).collect::<Vec<_>>())
                .into_iter()
                .map(|p| p.name)
                .collect()
        };
        assert_eq!(
            names(&[
                "SAMIR HADDAD KHALIL NASSER;",
                "KARIM SAMIR HADDAD",
                "KHALIL NASSER;",
                "LAYLA QUDSI;",
                "Plaintiffs,"
            ]),
            [
                "SAMIR HADDAD KHALIL NASSER",
                "KARIM SAMIR HADDAD KHALIL NASSER",
                "LAYLA QUDSI"
            ]
        );
        assert_eq!(
            names(&[
                "ANSELMO NEVE; and DOES 1",
                "through 10, inclusive,",
                "Defendants."
            ]),
            ["ANSELMO NEVE; and DOES 1 through 10, inclusive"]
        );
    }

    /// The names of the parties read from a caption's left column.
    fn names_of(lines: &[&str]) -> Vec<String> {
        let lines: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
        parties(&lines).into_iter().map(|p| p.name).collect()
    }

    #[test]
    fn spelled_out_and_foreign_designators_stay_with_their_name() {
        assert_eq!(
            names_of(&[
                "MERIDIAN SHIELD, INCORPORATED,",
                "ALDER SIGNAL SYSTEMS, LIMITED,",
                "PETRA ENERGIA, S.A.U., and",
                "KESTREL HOLDINGS, N.V.,",
                "Defendants.",
            ]),
            [
                "MERIDIAN SHIELD, INCORPORATED",
                "ALDER SIGNAL SYSTEMS, LIMITED",
                "PETRA ENERGIA, S.A.U.",
                "KESTREL HOLDINGS, N.V."
            ]
        );
    }

    #[test]
    fn several_parties_per_side() {
        assert_eq!(
            names_of(&[
                "CITY OF ALDERA, COUNTY OF ALDERA,",
                "PACIFIC MEDIVAN CO,",
                "DATAHARBOR.COM, INC. dba",
                "Defendants.",
            ]),
            [
                "CITY OF ALDERA",
                "COUNTY OF ALDERA",
                "PACIFIC MEDIVAN CO",
                "DATAHARBOR.COM, INC. dba"
            ]
        );
    }
}
