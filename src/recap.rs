//! RECAP's file names: `gov.uscourts.<court>.<pacer_case_id>.<document_number>.<attachment_number>.pdf`,
//! read into the keys that join a record with CourtListener's docket data (`source.recap`).
//!
//! The forms read, all seen in RECAP's archive and CourtListener's storage:
//!
//! - a district or bankruptcy court's paper: `gov.uscourts.cand.345242.197.8.pdf` (court
//!   `cand`, PACER case id `345242`, docket entry 197, attachment 8; attachment 0 is the main
//!   document);
//! - a court of appeals' paper, whose case id is the docket number and whose document number
//!   is the appellate court's long one: `gov.uscourts.ca1.12-2209.00106475093.0.pdf`;
//! - either with the suffix storage adds to a name already taken, `_1` or `_a1b2c3d`, before
//!   `.pdf`: `gov.uscourts.cacd.624044.478.0_1.pdf` is still entry 478, attachment 0.
//!
//! Only the file name counts (not the folders above it), and only a whole match: any other name
//! has no RECAP keys, never a guess. The document number stays as printed in the name (text:
//! an appellate court's keeps its leading zeros); the CM/ECF stamp's number is `ecf`'s, read
//! from the paper, and the two may differ. Pure: no I/O.

use serde::{Deserialize, Serialize};

/// The RECAP keys of a file name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recap {
    /// CourtListener's court id (`cand`, `ca9`, `canb`).
    pub court_id: String,
    /// PACER's case id: digits for a district or bankruptcy court, the docket number
    /// (`12-2209`) for a court of appeals.
    pub pacer_case_id: String,
    /// The docket entry's number, as the name prints it.
    pub document_number: String,
    /// The attachment's number; 0 for the main document.
    pub attachment_number: u32,
}

/// The RECAP keys of `path`'s file name (the part after the last `/`), if it is a RECAP name.
pub fn of_path(path: &str) -> Option<Recap> {
    parse(path.rsplit('/').next().unwrap_or(path))
}

/// The RECAP keys of a file name; None unless the whole name has RECAP's form.
pub fn parse(name: &str) -> Option<Recap> {
    let stem = strip_suffix_ignore_case(name, ".pdf")?;
    let rest = stem.strip_prefix("gov.uscourts.")?;
    let mut parts = rest.split('.');
    let (court, case, doc, att) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let court_ok = court.starts_with(|c: char| c.is_ascii_lowercase())
        && court
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    let case_ok = match case.split_once('-') {
        Some((year, number)) => digits(year) && digits(number),
        None => digits(case),
    };
    // A name taken already gets `_<something>` from the storage that saved the file.
    let att = match att.split_once('_') {
        Some((n, suffix))
            if !suffix.is_empty() && suffix.bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            n
        }
        Some(_) => return None,
        None => att,
    };
    if !(court_ok && case_ok && digits(doc) && digits(att)) {
        return None;
    }
    Some(Recap {
        court_id: court.to_string(),
        pacer_case_id: case.to_string(),
        document_number: doc.to_string(),
        attachment_number: att.parse().ok()?,
    })
}

fn strip_suffix_ignore_case<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suffix.len())?;
    (s.is_char_boundary(cut) && s[cut..].eq_ignore_ascii_case(suffix)).then(|| &s[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, want: Option<(&str, &str, &str, u32)>) {
        let got = parse(name);
        let got = got.as_ref().map(|r| {
            (
                r.court_id.as_str(),
                r.pacer_case_id.as_str(),
                r.document_number.as_str(),
                r.attachment_number,
            )
        });
        assert_eq!(got, want, "{name}");
    }

    #[test]
    fn recap_names_and_others() {
        check(
            "gov.uscourts.nvd.123456.42.0.pdf",
            Some(("nvd", "123456", "42", 0)),
        );
        check(
            "gov.uscourts.flsb.98765.7.12.pdf",
            Some(("flsb", "98765", "7", 12)),
        );
        check(
            "gov.uscourts.ca3.21-4321.00112345678.0.pdf",
            Some(("ca3", "21-4321", "00112345678", 0)),
        );
        check(
            "gov.uscourts.txnb.555.1.0_1.pdf",
            Some(("txnb", "555", "1", 0)),
        );
        check(
            "gov.uscourts.txnb.555.1.3_x7Kq2Pz.PDF",
            Some(("txnb", "555", "1", 3)),
        );
        check("gov.uscourts.nvd.123456.42.pdf", None);
        check("gov.uscourts.nvd.123456.42.0.1.pdf", None);
        check("gov.uscourts.nvd.123456.42.0_.pdf", None);
        check("gov.uscourts.NVD.123456.42.0.pdf", None);
        check("gov.uscourts.nvd.12a456.42.0.pdf", None);
        check("gov.uscourts.nvd.123456.42.0.txt", None);
        check("D.Nev._2_21-cv-00123_42_0.pdf", None);
        check("order.pdf", None);
        check("", None);
        check(".pdf", None);
    }

    #[test]
    fn only_the_file_name_counts() {
        let r = of_path("/data/gov.uscourts.nvd.1/gov.uscourts.nvd.1.2.0.pdf").unwrap();
        assert_eq!(
            (r.court_id.as_str(), r.document_number.as_str()),
            ("nvd", "2")
        );
        assert_eq!(of_path("gov.uscourts.nvd.1.2.0.pdf/notes.pdf"), None);
    }
}
