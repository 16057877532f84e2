//! Court names as printed in a caption, mapped to CourtListener court ids.
//!
//! [`court_id`] normalises a name (case, punctuation, curly apostrophes, "U.S.") and looks it
//! up in fixed tables written from the courts' own names: the Supreme Court and the other
//! national courts, the thirteen courts of appeals and the bankruptcy appellate panels, the 94
//! district courts with their bankruptcy courts, and the highest and intermediate appellate
//! courts of the states. Words after "APPEAL FROM", "CERTIORARI TO" and the like name a lower
//! court and are ignored.
//!
//! It never guesses: a name that fits no row, names a district without its direction ("DISTRICT
//! OF CALIFORNIA"), names two states, or names a state trial court gives `None`. It does no I/O
//! and keeps no state.

use crate::pattern::Pattern;
use std::cmp::Reverse;

use regex::Regex;

/// A court known by a phrase that no other court's name contains.
struct Named {
    phrase: &'static str,
    id: &'static str,
}

const fn n(phrase: &'static str, id: &'static str) -> Named {
    Named { phrase, id }
}

/// National courts, checked first and in this order (longer phrases before their prefixes).
const NATIONAL: &[Named] = &[
    n("SUPREME COURT OF THE UNITED STATES", "scotus"),
    n("UNITED STATES SUPREME COURT", "scotus"),
    n("FOREIGN INTELLIGENCE SURVEILLANCE COURT OF REVIEW", "fiscr"),
    n("FOREIGN INTELLIGENCE SURVEILLANCE COURT", "fisc"),
    n("JUDICIAL PANEL ON MULTIDISTRICT LITIGATION", "jpml"),
    n("COURT OF FEDERAL CLAIMS", "uscfc"),
    n("COURT OF INTERNATIONAL TRADE", "cit"),
    n("UNITED STATES TAX COURT", "tax"),
    n("COURT OF APPEALS FOR VETERANS CLAIMS", "cavc"),
    n("COURT OF APPEALS FOR THE ARMED FORCES", "armfor"),
];

/// A federal circuit: the words printed before "CIRCUIT", its court of appeals and, where
/// CourtListener has one, its bankruptcy appellate panel.
struct Circuit {
    names: &'static [&'static str],
    appeals: &'static str,
    bap: Option<&'static str>,
}

const fn c(
    names: &'static [&'static str],
    appeals: &'static str,
    bap: Option<&'static str>,
) -> Circuit {
    Circuit {
        names,
        appeals,
        bap,
    }
}

const CIRCUITS: &[Circuit] = &[
    c(&["FIRST", "1ST"], "ca1", Some("bap1")),
    c(&["SECOND", "2ND"], "ca2", Some("bap2")),
    c(&["THIRD", "3RD"], "ca3", None),
    c(&["FOURTH", "4TH"], "ca4", None),
    c(&["FIFTH", "5TH"], "ca5", None),
    c(&["SIXTH", "6TH"], "ca6", Some("bap6")),
    c(&["SEVENTH", "7TH"], "ca7", None),
    c(&["EIGHTH", "8TH"], "ca8", Some("bap8")),
    c(&["NINTH", "9TH"], "ca9", Some("bap9")),
    c(&["TENTH", "10TH"], "ca10", Some("bap10")),
    c(&["ELEVENTH", "11TH"], "ca11", None),
    c(&["DISTRICT OF COLUMBIA", "D C", "DC"], "cadc", None),
    c(&["FEDERAL"], "cafc", None),
];

/// A federal judicial district: "{direction} DISTRICT OF {place}" (direction empty for a
/// whole-state district), its district court and its bankruptcy court.
struct District {
    direction: &'static str,
    place: &'static str,
    district: &'static str,
    bankruptcy: &'static str,
}

const fn d(
    direction: &'static str,
    place: &'static str,
    district: &'static str,
    bankruptcy: &'static str,
) -> District {
    District {
        direction,
        place,
        district,
        bankruptcy,
    }
}

/// All 94 districts. Bankruptcy ids are the district id with "b" for the trailing "d", except
/// Arizona ("arb") and Nebraska ("nebraskab"), where CourtListener deviates.
const DISTRICTS: &[District] = &[
    d("MIDDLE", "ALABAMA", "almd", "almb"),
    d("NORTHERN", "ALABAMA", "alnd", "alnb"),
    d("SOUTHERN", "ALABAMA", "alsd", "alsb"),
    d("", "ALASKA", "akd", "akb"),
    d("", "ARIZONA", "azd", "arb"),
    d("EASTERN", "ARKANSAS", "ared", "areb"),
    d("WESTERN", "ARKANSAS", "arwd", "arwb"),
    d("CENTRAL", "CALIFORNIA", "cacd", "cacb"),
    d("EASTERN", "CALIFORNIA", "caed", "caeb"),
    d("NORTHERN", "CALIFORNIA", "cand", "canb"),
    d("SOUTHERN", "CALIFORNIA", "casd", "casb"),
    d("", "COLORADO", "cod", "cob"),
    d("", "CONNECTICUT", "ctd", "ctb"),
    d("", "DELAWARE", "ded", "deb"),
    d("", "COLUMBIA", "dcd", "dcb"),
    d("MIDDLE", "FLORIDA", "flmd", "flmb"),
    d("NORTHERN", "FLORIDA", "flnd", "flnb"),
    d("SOUTHERN", "FLORIDA", "flsd", "flsb"),
    d("MIDDLE", "GEORGIA", "gamd", "gamb"),
    d("NORTHERN", "GEORGIA", "gand", "ganb"),
    d("SOUTHERN", "GEORGIA", "gasd", "gasb"),
    d("", "HAWAII", "hid", "hib"),
    d("", "IDAHO", "idd", "idb"),
    d("CENTRAL", "ILLINOIS", "ilcd", "ilcb"),
    d("NORTHERN", "ILLINOIS", "ilnd", "ilnb"),
    d("SOUTHERN", "ILLINOIS", "ilsd", "ilsb"),
    d("NORTHERN", "INDIANA", "innd", "innb"),
    d("SOUTHERN", "INDIANA", "insd", "insb"),
    d("NORTHERN", "IOWA", "iand", "ianb"),
    d("SOUTHERN", "IOWA", "iasd", "iasb"),
    d("", "KANSAS", "ksd", "ksb"),
    d("EASTERN", "KENTUCKY", "kyed", "kyeb"),
    d("WESTERN", "KENTUCKY", "kywd", "kywb"),
    d("EASTERN", "LOUISIANA", "laed", "laeb"),
    d("MIDDLE", "LOUISIANA", "lamd", "lamb"),
    d("WESTERN", "LOUISIANA", "lawd", "lawb"),
    d("", "MAINE", "med", "meb"),
    d("", "MARYLAND", "mdd", "mdb"),
    d("", "MASSACHUSETTS", "mad", "mab"),
    d("EASTERN", "MICHIGAN", "mied", "mieb"),
    d("WESTERN", "MICHIGAN", "miwd", "miwb"),
    d("", "MINNESOTA", "mnd", "mnb"),
    d("NORTHERN", "MISSISSIPPI", "msnd", "msnb"),
    d("SOUTHERN", "MISSISSIPPI", "mssd", "mssb"),
    d("EASTERN", "MISSOURI", "moed", "moeb"),
    d("WESTERN", "MISSOURI", "mowd", "mowb"),
    d("", "MONTANA", "mtd", "mtb"),
    d("", "NEBRASKA", "ned", "nebraskab"),
    d("", "NEVADA", "nvd", "nvb"),
    d("", "NEW HAMPSHIRE", "nhd", "nhb"),
    d("", "NEW JERSEY", "njd", "njb"),
    d("", "NEW MEXICO", "nmd", "nmb"),
    d("EASTERN", "NEW YORK", "nyed", "nyeb"),
    d("NORTHERN", "NEW YORK", "nynd", "nynb"),
    d("SOUTHERN", "NEW YORK", "nysd", "nysb"),
    d("WESTERN", "NEW YORK", "nywd", "nywb"),
    d("EASTERN", "NORTH CAROLINA", "nced", "nceb"),
    d("MIDDLE", "NORTH CAROLINA", "ncmd", "ncmb"),
    d("WESTERN", "NORTH CAROLINA", "ncwd", "ncwb"),
    d("", "NORTH DAKOTA", "ndd", "ndb"),
    d("NORTHERN", "OHIO", "ohnd", "ohnb"),
    d("SOUTHERN", "OHIO", "ohsd", "ohsb"),
    d("EASTERN", "OKLAHOMA", "oked", "okeb"),
    d("NORTHERN", "OKLAHOMA", "oknd", "oknb"),
    d("WESTERN", "OKLAHOMA", "okwd", "okwb"),
    d("", "OREGON", "ord", "orb"),
    d("EASTERN", "PENNSYLVANIA", "paed", "paeb"),
    d("MIDDLE", "PENNSYLVANIA", "pamd", "pamb"),
    d("WESTERN", "PENNSYLVANIA", "pawd", "pawb"),
    d("", "RHODE ISLAND", "rid", "rib"),
    d("", "SOUTH CAROLINA", "scd", "scb"),
    d("", "SOUTH DAKOTA", "sdd", "sdb"),
    d("EASTERN", "TENNESSEE", "tned", "tneb"),
    d("MIDDLE", "TENNESSEE", "tnmd", "tnmb"),
    d("WESTERN", "TENNESSEE", "tnwd", "tnwb"),
    d("EASTERN", "TEXAS", "txed", "txeb"),
    d("NORTHERN", "TEXAS", "txnd", "txnb"),
    d("SOUTHERN", "TEXAS", "txsd", "txsb"),
    d("WESTERN", "TEXAS", "txwd", "txwb"),
    d("", "UTAH", "utd", "utb"),
    d("", "VERMONT", "vtd", "vtb"),
    d("EASTERN", "VIRGINIA", "vaed", "vaeb"),
    d("WESTERN", "VIRGINIA", "vawd", "vawb"),
    d("EASTERN", "WASHINGTON", "waed", "waeb"),
    d("WESTERN", "WASHINGTON", "wawd", "wawb"),
    d("NORTHERN", "WEST VIRGINIA", "wvnd", "wvnb"),
    d("SOUTHERN", "WEST VIRGINIA", "wvsd", "wvsb"),
    d("EASTERN", "WISCONSIN", "wied", "wieb"),
    d("WESTERN", "WISCONSIN", "wiwd", "wiwb"),
    d("", "WYOMING", "wyd", "wyb"),
    d("", "PUERTO RICO", "prd", "prb"),
    d("", "GUAM", "gud", "gub"),
    d("", "NORTHERN MARIANA ISLANDS", "nmid", "nmib"),
    d("", "VIRGIN ISLANDS", "vid", "vib"),
];

/// Territories whose district court is named "DISTRICT COURT OF {place}" rather than after a
/// "DISTRICT OF {place}".
const TERRITORIES: &[&str] = &["GUAM", "NORTHERN MARIANA ISLANDS", "VIRGIN ISLANDS"];

/// A state (or the District of Columbia): what a court named "SUPREME COURT" (or "SUPREME
/// JUDICIAL COURT") and what a court named "COURT OF APPEAL(S)" of that state is.
struct State {
    name: &'static str,
    supreme: Option<&'static str>,
    appeals: Option<&'static str>,
}

const fn s(name: &'static str, supreme: &'static str, appeals: Option<&'static str>) -> State {
    State {
        name,
        supreme: Some(supreme),
        appeals,
    }
}

const STATES: &[State] = &[
    s("ALABAMA", "ala", Some("alactapp")),
    s("ALASKA", "alaska", Some("alaskactapp")),
    s("ARIZONA", "ariz", Some("arizctapp")),
    s("ARKANSAS", "ark", Some("arkctapp")),
    s("CALIFORNIA", "cal", Some("calctapp")),
    s("COLORADO", "colo", Some("coloctapp")),
    s("CONNECTICUT", "conn", None),
    s("DELAWARE", "del", None),
    State {
        name: "DISTRICT OF COLUMBIA",
        supreme: None,
        appeals: Some("dc"),
    },
    s("FLORIDA", "fla", None),
    s("GEORGIA", "ga", Some("gactapp")),
    s("HAWAII", "haw", Some("hawapp")),
    s("IDAHO", "idaho", Some("idahoctapp")),
    s("ILLINOIS", "ill", None),
    s("INDIANA", "ind", Some("indctapp")),
    s("IOWA", "iowa", Some("iowactapp")),
    s("KANSAS", "kan", Some("kanctapp")),
    s("KENTUCKY", "ky", Some("kyctapp")),
    s("LOUISIANA", "la", Some("lactapp")),
    s("MAINE", "me", None),
    // The Court of Appeals was Maryland's highest court until it was renamed in 2022.
    s("MARYLAND", "md", Some("md")),
    s("MASSACHUSETTS", "mass", None),
    s("MICHIGAN", "mich", Some("michctapp")),
    s("MINNESOTA", "minn", Some("minnctapp")),
    s("MISSISSIPPI", "miss", Some("missctapp")),
    s("MISSOURI", "mo", Some("moctapp")),
    s("MONTANA", "mont", None),
    s("NEBRASKA", "neb", Some("nebctapp")),
    s("NEVADA", "nev", None),
    s("NEW HAMPSHIRE", "nh", None),
    s("NEW JERSEY", "nj", None),
    s("NEW MEXICO", "nm", Some("nmctapp")),
    // New York's Supreme Court is a trial court; its highest court is the Court of Appeals.
    s("NEW YORK", "nysupct", Some("ny")),
    s("NORTH CAROLINA", "nc", Some("ncctapp")),
    s("NORTH DAKOTA", "nd", Some("ndctapp")),
    s("OHIO", "ohio", Some("ohioctapp")),
    s("OKLAHOMA", "okla", None),
    s("OREGON", "or", Some("orctapp")),
    s("PENNSYLVANIA", "pa", None),
    s("RHODE ISLAND", "ri", None),
    s("SOUTH CAROLINA", "sc", Some("scctapp")),
    s("SOUTH DAKOTA", "sd", None),
    s("TENNESSEE", "tenn", Some("tennctapp")),
    s("TEXAS", "tex", Some("texapp")),
    s("UTAH", "utah", Some("utahctapp")),
    s("VERMONT", "vt", None),
    s("VIRGINIA", "va", Some("vactapp")),
    s("WASHINGTON", "wash", Some("washctapp")),
    // "SUPREME COURT OF APPEALS OF WEST VIRGINIA" is caught by "SUPREME COURT" first.
    s("WEST VIRGINIA", "wva", None),
    s("WISCONSIN", "wis", Some("wisctapp")),
    s("WYOMING", "wyo", None),
];

/// A state court known by its own phrase, checked before the generic "SUPREME COURT" and
/// "COURT OF APPEALS" rules; first match wins.
struct StateCourt {
    state: &'static str,
    phrase: &'static str,
    id: &'static str,
}

const fn sc(state: &'static str, phrase: &'static str, id: &'static str) -> StateCourt {
    StateCourt { state, phrase, id }
}

const STATE_COURTS: &[StateCourt] = &[
    // The Appeals Board's opinions say "Appeal from the Court of Workers' Compensation
    // Claims", so the board comes first.
    sc(
        "TENNESSEE",
        "WORKERS COMPENSATION APPEALS BOARD",
        "tennworkcompapp",
    ),
    sc(
        "TENNESSEE",
        "COURT OF WORKERS COMPENSATION CLAIMS",
        "tennworkcompcl",
    ),
    sc("TENNESSEE", "COURT OF CRIMINAL APPEALS", "tenncrimapp"),
    sc("TEXAS", "COURT OF CRIMINAL APPEALS", "texcrimapp"),
    sc("OKLAHOMA", "COURT OF CRIMINAL APPEALS", "oklacrimapp"),
    sc("OKLAHOMA", "COURT OF CIVIL APPEALS", "oklacivapp"),
    sc("ALABAMA", "COURT OF CRIMINAL APPEALS", "alacrimapp"),
    sc("ALABAMA", "COURT OF CIVIL APPEALS", "alacivapp"),
    sc("MARYLAND", "COURT OF SPECIAL APPEALS", "mdctspecapp"),
    sc("MARYLAND", "APPELLATE COURT OF MARYLAND", "mdctspecapp"),
    sc("MASSACHUSETTS", "APPEALS COURT", "massappct"),
    sc("ILLINOIS", "APPELLATE COURT", "illappct"),
    sc("CONNECTICUT", "APPELLATE COURT", "connappct"),
    sc("NEW YORK", "APPELLATE DIVISION", "nyappdiv"),
    sc("NEW YORK", "APPELLATE TERM", "nyappterm"),
    sc("NEW JERSEY", "APPELLATE DIVISION", "njsuperctappdiv"),
    sc("FLORIDA", "DISTRICT COURT OF APPEAL", "fladistctapp"),
    sc("PENNSYLVANIA", "SUPERIOR COURT", "pasuperct"),
    sc("PENNSYLVANIA", "COMMONWEALTH COURT", "pacommwct"),
];

/// Phrases after which a caption names the lower court, not the one deciding.
const LOWER_COURT_MARKERS: &[&str] = &[
    "APPEAL FROM",
    "APPEALS FROM",
    "APPEALED FROM",
    "ON APPEAL",
    "CERTIORARI TO",
    "ON PETITION",
    "PETITION FOR REVIEW",
    "ON REVIEW",
];

/// "<ordinal> CIRCUIT", built from [`CIRCUITS`].
static CIRCUIT_RE: Pattern = Pattern::new(|| {
    let names = longest_first(CIRCUITS.iter().flat_map(|c| c.names.iter().copied()));
    let pattern = format!(r"\b({names}) (?:CIRCUIT|CIR)\b");
    // The pattern is built from the fixed table above and escaped, so it always compiles.
    Regex::new(&pattern).expect("circuit pattern from the fixed table compiles")
});

/// "[direction] DISTRICT OF|FOR [THE] place", or "DISTRICT COURT OF|FOR [THE] territory".
static DISTRICT_RE: Pattern = Pattern::new(|| {
    let places = longest_first(DISTRICTS.iter().map(|d| d.place));
    let territories = longest_first(TERRITORIES.iter().copied());
    let pattern = format!(
        r"\b(?:(NORTHERN|SOUTHERN|EASTERN|WESTERN|MIDDLE|CENTRAL) )?DISTRICT (?:OF|FOR) (?:THE )?(?:STATE OF )?({places})\b|\bDISTRICT COURT (?:OF|FOR) (?:THE )?({territories})\b"
    );
    // The pattern is built from the fixed table above and escaped, so it always compiles.
    Regex::new(&pattern).expect("district pattern from the fixed table compiles")
});

/// Any state name from [`STATES`], longest first so "WEST VIRGINIA" beats "VIRGINIA".
static STATE_RE: Pattern = Pattern::new(|| {
    let names = longest_first(STATES.iter().map(|s| s.name));
    // The pattern is built from the fixed table above and escaped, so it always compiles.
    Regex::new(&format!(r"\b(?:{names})\b")).expect("state pattern from the fixed table compiles")
});

/// CourtListener's court id for a court name as printed in a caption (lines joined by spaces,
/// any case), e.g. "UNITED STATES DISTRICT COURT FOR THE EASTERN DISTRICT OF CALIFORNIA" -> "caed".
pub fn court_id(name: &str) -> Option<&'static str> {
    let text = normalize(name);
    let text = before_lower_court(&text);
    if text.trim().is_empty() {
        return None;
    }
    if let Some(row) = NATIONAL.iter().find(|row| has(text, row.phrase)) {
        return Some(row.id);
    }
    let federal = has(text, "UNITED STATES");
    let states = states_named(text);
    if let Some(circuit) = first_circuit(text) {
        if has(text, "BANKRUPTCY APPELLATE PANEL") {
            return circuit.bap;
        }
        // Louisiana's and Hawaii's state courts also have numbered circuits.
        if court_of_appeals(text) && (federal || states.is_empty()) {
            return Some(circuit.appeals);
        }
    }
    let district = first_district(text);
    if let Some(bankruptcy_at) = find(text, "BANKRUPTCY COURT") {
        if find(text, "DISTRICT COURT").is_none_or(|district_at| bankruptcy_at < district_at) {
            return district.map(|d| d.bankruptcy);
        }
    }
    if let Some(d) = district {
        // A bare "SOUTHERN DISTRICT OF NEW YORK" is the federal court; "SUPERIOR COURT OF THE
        // DISTRICT OF COLUMBIA" or "DISTRICT OF COLUMBIA COURT OF APPEALS" is not.
        if has(text, "DISTRICT COURT") || federal || !has(text, "COURT") {
            return Some(d.district);
        }
    }
    if federal {
        return None;
    }
    match states[..] {
        [state] => state_court(text, state),
        _ => None,
    }
}

/// Upper case, apostrophes dropped ("WORKERS’" -> "WORKERS", "HAWAI'I" -> "HAWAII"), every
/// other non-alphanumeric a space, "U.S." -> "UNITED STATES", single spaces, one space at
/// each end so that [`has`] can match whole words.
fn normalize(name: &str) -> String {
    let mut cleaned = String::with_capacity(name.len() + 2);
    for c in name.chars() {
        match c {
            '\'' | '`' | '\u{2018}' | '\u{2019}' | '\u{02BB}' | '\u{02BC}' | '\u{2032}' => {}
            '&' => cleaned.push_str(" AND "),
            c if c.is_alphanumeric() => cleaned.extend(c.to_uppercase()),
            _ => cleaned.push(' '),
        }
    }
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let mut out = String::with_capacity(cleaned.len() + 16);
    out.push(' ');
    let mut i = 0;
    while i < words.len() {
        if words[i] == "U" && words.get(i + 1) == Some(&"S") {
            out.push_str("UNITED STATES ");
            i += 2;
        } else if words[i] == "US" {
            out.push_str("UNITED STATES ");
            i += 1;
        } else {
            out.push_str(words[i]);
            out.push(' ');
            i += 1;
        }
    }
    out
}

/// The normalised text up to the first phrase that introduces a lower court, keeping the
/// space that ends the last word.
fn before_lower_court(text: &str) -> &str {
    let cut = LOWER_COURT_MARKERS
        .iter()
        .filter_map(|marker| find(text, marker))
        .min()
        .map_or(text.len(), |at| at + 1);
    &text[..cut]
}

/// Byte offset of `phrase` as whole words in normalised `text`.
fn find(text: &str, phrase: &str) -> Option<usize> {
    text.find(&format!(" {phrase} "))
}

/// Whether normalised `text` contains `phrase` as whole words.
fn has(text: &str, phrase: &str) -> bool {
    find(text, phrase).is_some()
}

fn court_of_appeals(text: &str) -> bool {
    has(text, "COURT OF APPEALS") || has(text, "COURT OF APPEAL")
}

/// The circuit of the first "<ordinal> CIRCUIT" in `text`.
fn first_circuit(text: &str) -> Option<&'static Circuit> {
    let name = CIRCUIT_RE.get().captures(text)?.get(1)?.as_str();
    CIRCUITS.iter().find(|c| c.names.contains(&name))
}

/// The first district phrase in `text` that names a real district.
fn first_district(text: &str) -> Option<&'static District> {
    DISTRICT_RE.get().captures_iter(text).find_map(|caps| {
        if let Some(territory) = caps.get(3) {
            return DISTRICTS.iter().find(|d| d.place == territory.as_str());
        }
        let direction = caps.get(1).map_or("", |m| m.as_str());
        let place = caps.get(2)?.as_str();
        DISTRICTS
            .iter()
            .find(|d| d.direction == direction && d.place == place)
    })
}

/// The distinct states named in `text`, in order, leaving out "KANSAS CITY", "WASHINGTON
/// COUNTY", "WASHINGTON, D.C." and the like, which name places, not states.
fn states_named(text: &str) -> Vec<&'static State> {
    let mut found: Vec<&'static State> = Vec::new();
    for m in STATE_RE.get().find_iter(text) {
        let after = &text[m.end()..];
        if ["COUNTY", "CITY", "D C", "DC"]
            .iter()
            .any(|w| after.starts_with(&format!(" {w} ")))
        {
            continue;
        }
        if let Some(state) = STATES.iter().find(|s| s.name == m.as_str()) {
            if !found.iter().any(|f| f.name == state.name) {
                found.push(state);
            }
        }
    }
    found
}

/// The court of `state` that `text` names: a court of its own first, then its supreme court,
/// then its court of appeals; `None` for anything else (trial courts, agencies).
fn state_court(text: &str, state: &State) -> Option<&'static str> {
    if let Some(row) = STATE_COURTS
        .iter()
        .find(|row| row.state == state.name && has(text, row.phrase))
    {
        return Some(row.id);
    }
    if has(text, "SUPREME COURT") || has(text, "SUPREME JUDICIAL COURT") {
        return state.supreme;
    }
    if court_of_appeals(text) {
        return state.appeals;
    }
    None
}

/// Regex alternation of `names`, escaped, duplicates removed, longest first.
fn longest_first<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut names: Vec<&str> = names.collect();
    names.sort_by_key(|n| (Reverse(n.len()), *n));
    names.dedup();
    names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn check(input: &str, expected: Option<&str>) {
        assert_eq!(court_id(input), expected, "court_id({input:?})");
    }

    #[test]
    fn district_courts() {
        check(
            "UNITED STATES DISTRICT COURT FOR THE EASTERN DISTRICT OF CALIFORNIA",
            Some("caed"),
        );
        check(
            "UNITED STATES DISTRICT COURT EASTERN DISTRICT OF CALIFORNIA",
            Some("caed"),
        );
        check(
            "IN THE UNITED STATES DISTRICT COURT EASTERN DISTRICT OF CALIFORNIA",
            Some("caed"),
        );
        check(
            "UNITED STATES DISTRICT COURT EASTERN DISTRICT OF CALIFORNIA, FRESNO DIVISION",
            Some("caed"),
        );
        check(
            "UNITED STATES DISTRICT COURT CENTRAL DISTRICT OF CALIFORNIA",
            Some("cacd"),
        );
        check(
            "UNITED STATES DISTRICT COURT NORTHERN DISTRICT OF CALIFORNIA",
            Some("cand"),
        );
        check(
            "NORTHERN DISTRICT OF CALIFORNIA SAN JOSE DIVISION",
            Some("cand"),
        );
        check(
            "United States District Court Northern District of California",
            Some("cand"),
        );
        check(
            "IN THE UNITED STATES DISTRICT COURT FOR THE DISTRICT OF NEW JERSEY",
            Some("njd"),
        );
        check(
            "UNITED STATES DISTRICT COURT DISTRICT OF NEW JERSEY",
            Some("njd"),
        );
        check("DISTRICT OF ARIZONA", Some("azd"));
        check("SOUTHERN DISTRICT OF NEW YORK", Some("nysd"));
        check(
            "UNITED STATES DISTRICT COURT SOUTHERN DISTRICT OF NEW YORK",
            Some("nysd"),
        );
        check(
            "UNITED STATES DISTRICT COURT FOR THE DISTRICT OF COLUMBIA",
            Some("dcd"),
        );
        check(
            "CENTRAL DISTRICT OF CALIFORNIA - WESTERN DIVISION",
            Some("cacd"),
        );
        check("IN THE UNITED STATES DISTRICT COURT FOR THE EASTERN DISTRICT OF MICHIGAN SOUTHERN DIVISION", Some("mied"));
        check(
            "U.S. District Court for the Western District of Pennsylvania",
            Some("pawd"),
        );
        check(
            "CLERK, U.S. DISTRICT COURT CENTRAL DISTRICT OF CALIFORNIA",
            Some("cacd"),
        );
    }

    #[test]
    fn district_look_alikes() {
        check(
            "UNITED STATES DISTRICT COURT NORTHERN DISTRICT OF WEST VIRGINIA",
            Some("wvnd"),
        );
        check(
            "UNITED STATES DISTRICT COURT WESTERN DISTRICT OF VIRGINIA",
            Some("vawd"),
        );
        check(
            "UNITED STATES DISTRICT COURT EASTERN DISTRICT OF ARKANSAS",
            Some("ared"),
        );
        check(
            "UNITED STATES DISTRICT COURT FOR THE DISTRICT OF KANSAS",
            Some("ksd"),
        );
        check(
            "UNITED STATES DISTRICT COURT DISTRICT OF SOUTH CAROLINA COLUMBIA DIVISION",
            Some("scd"),
        );
        check("UNITED STATES DISTRICT COURT WESTERN DISTRICT OF MISSOURI WESTERN DIVISION KANSAS CITY", Some("mowd"));
        check(
            "UNITED STATES DISTRICT COURT FOR THE NORTHERN MARIANA ISLANDS",
            Some("nmid"),
        );
        check("DISTRICT COURT OF THE VIRGIN ISLANDS", Some("vid"));
        check(
            "UNITED STATES DISTRICT COURT FOR THE DISTRICT OF PUERTO RICO",
            Some("prd"),
        );
        check(
            "UNITED STATES DISTRICT COURT SOUTHERN DISTRICT OF INDIANA INDIANAPOLIS DIVISION",
            Some("insd"),
        );
        // No such district, or no direction where the state has several: unclear.
        check(
            "UNITED STATES DISTRICT COURT EASTERN DISTRICT OF ARIZONA",
            None,
        );
        check("UNITED STATES DISTRICT COURT DISTRICT OF CALIFORNIA", None);
        check("UNITED STATES DISTRICT COURT", None);
    }

    #[test]
    fn bankruptcy_courts() {
        check(
            "UNITED STATES BANKRUPTCY COURT NORTHERN DISTRICT OF CALIFORNIA",
            Some("canb"),
        );
        check(
            "United States Bankruptcy Court for the: NORTHERN DISTRICT OF GEORGIA",
            Some("ganb"),
        );
        check(
            "UNITED STATES BANKRUPTCY COURT FOR THE DISTRICT OF ALASKA",
            Some("akb"),
        );
        check(
            "UNITED STATES BANKRUPTCY COURT SOUTHERN DISTRICT OF NEW YORK",
            Some("nysb"),
        );
        check(
            "UNITED STATES BANKRUPTCY COURT FOR THE DISTRICT OF DELAWARE",
            Some("deb"),
        );
        check(
            "UNITED STATES BANKRUPTCY COURT DISTRICT OF ARIZONA",
            Some("arb"),
        );
        check(
            "UNITED STATES BANKRUPTCY COURT FOR THE DISTRICT OF NEBRASKA",
            Some("nebraskab"),
        );
        check(
            "UNITED STATES BANKRUPTCY APPELLATE PANEL OF THE NINTH CIRCUIT",
            Some("bap9"),
        );
        check("UNITED STATES BANKRUPTCY COURT", None);
    }

    #[test]
    fn courts_of_appeals() {
        check(
            "UNITED STATES COURT OF APPEALS FOR THE NINTH CIRCUIT",
            Some("ca9"),
        );
        check(
            "United States Court of Appeals For the Second Circuit",
            Some("ca2"),
        );
        check("UNITED STATES COURT OF APPEALS TENTH CIRCUIT", Some("ca10"));
        check("U.S. COURT OF APPEALS ELEVENTH CIRCUIT", Some("ca11"));
        check(
            "In the United States Court of Appeal For the Eighth Circuit",
            Some("ca8"),
        );
        check(
            "United States Court of Appeals FOR THE DISTRICT OF COLUMBIA CIRCUIT",
            Some("cadc"),
        );
        check(
            "United States Court of Appeals for the Federal Circuit",
            Some("cafc"),
        );
        check(
            "UNITED STATES COURT OF APPEALS FOR THE 5TH CIRCUIT",
            Some("ca5"),
        );
        check(
            "UNITED STATES COURT OF APPEALS FOR THE FOURTH CIRCUIT Appeal from the United States \
             District Court for the Eastern District of Virginia",
            Some("ca4"),
        );
        check(
            "United States Court of Appeals for the Federal Circuit Appeal from the United States \
             Court of Federal Claims",
            Some("cafc"),
        );
    }

    #[test]
    fn national_courts() {
        check("SUPREME COURT OF THE UNITED STATES", Some("scotus"));
        check(
            "Supreme Court of the United States On Petition for a Writ of Certiorari to the United \
             States Court of Appeals for the Sixth Circuit",
            Some("scotus"),
        );
        check("UNITED STATES COURT OF FEDERAL CLAIMS", Some("uscfc"));
        check("UNITED STATES COURT OF INTERNATIONAL TRADE", Some("cit"));
        check("UNITED STATES TAX COURT", Some("tax"));
        check(
            "UNITED STATES FOREIGN INTELLIGENCE SURVEILLANCE COURT WASHINGTON, D.C.",
            Some("fisc"),
        );
        check(
            "UNITED STATES JUDICIAL PANEL on MULTIDISTRICT LITIGATION",
            Some("jpml"),
        );
        check("TAX COURT", None);
    }

    #[test]
    fn state_courts() {
        check("THE SUPREME COURT OF ALABAMA", Some("ala"));
        check("IN THE SUPREME COURT OF NORTH CAROLINA", Some("nc"));
        check("SUPREME COURT OF CALIFORNIA", Some("cal"));
        check("IN THE SUPREME COURT OF TEXAS", Some("tex"));
        check(
            "IN THE COURT OF CRIMINAL APPEALS OF TEXAS",
            Some("texcrimapp"),
        );
        check("SUPREME COURT OF MISSOURI en banc", Some("mo"));
        check(
            "In the Missouri Court of Appeals Eastern District DIVISION THREE",
            Some("moctapp"),
        );
        check(
            "IN THE SUPREME COURT OF TENNESSEE AT NASHVILLE",
            Some("tenn"),
        );
        check("STATE OF NEW YORK COURT OF APPEALS", Some("ny"));
        check(
            "SUPREME COURT OF THE STATE OF NEW YORK COUNTY OF NEW YORK",
            Some("nysupct"),
        );
        check(
            "SUPREME COURT OF THE STATE OF NEW YORK APPELLATE DIVISION: FIRST DEPARTMENT",
            Some("nyappdiv"),
        );
        check("SUPREME COURT OF APPEALS OF WEST VIRGINIA", Some("wva"));
        check("SUPREME COURT OF VIRGINIA", Some("va"));
        check("SUPREME COURT OF ARKANSAS", Some("ark"));
        check("SUPREME COURT OF KANSAS", Some("kan"));
        check("SUPREME JUDICIAL COURT OF MASSACHUSETTS", Some("mass"));
        check("DISTRICT OF COLUMBIA COURT OF APPEALS", Some("dc"));
        check(
            "STATE OF LOUISIANA COURT OF APPEAL, FIRST CIRCUIT",
            Some("lactapp"),
        );
        check(
            "TENNESSEE BUREAU OF WORKERS' COMPENSATION IN THE COURT OF WORKERS' COMPENSATION CLAIMS",
            Some("tennworkcompcl"),
        );
        check(
            "TENNESSEE BUREAU OF WORKERS\u{2019} COMPENSATION IN THE COURT OF WORKERS\u{2019} \
             COMPENSATION CLAIMS AT NASHVILLE",
            Some("tennworkcompcl"),
        );
        check(
            "TENNESSEE BUREAU OF WORKERS’ COMPENSATION WORKERS’ COMPENSATION APPEALS BOARD \
             Appeal from the Court of Workers’ Compensation Claims",
            Some("tennworkcompapp"),
        );
        check(
            "IN THE INTERMEDIATE COURT OF APPEALS OF THE STATE OF HAWAI\u{2018}I",
            Some("hawapp"),
        );
        // Trial courts, two states, or no state: unclear.
        check("SUPERIOR COURT OF THE DISTRICT OF COLUMBIA", None);
        check("IN THE CIRCUIT COURT OF THE ELEVENTH JUDICIAL CIRCUIT IN AND FOR MIAMI-DADE COUNTY, FLORIDA", None);
        check("SUPERIOR COURT OF CALIFORNIA, COUNTY OF LOS ANGELES", None);
        check("SUPREME COURT OF TEXAS AND OKLAHOMA", None);
        check("SUPREME COURT", None);
        check("COURT OF APPEALS OF WEST VIRGINIA", None);
    }

    #[test]
    fn not_courts() {
        check("", None);
        check("   ", None);
        check("ORDER GRANTING MOTION TO DISMISS", None);
        check(
            "Appeal from the United States District Court for the Northern District of Alabama",
            None,
        );
    }

    #[test]
    fn district_table_is_complete_and_consistent() {
        let expected = "almd alnd alsd akd azd ared arwd cacd caed cand casd cod ctd ded dcd flmd \
            flnd flsd gamd gand gasd hid idd ilcd ilnd ilsd innd insd iand iasd ksd kyed kywd \
            laed lamd lawd med mdd mad mied miwd mnd msnd mssd moed mowd mtd ned nvd nhd njd nmd \
            nyed nynd nysd nywd nced ncmd ncwd ndd ohnd ohsd oked oknd okwd ord paed pamd pawd \
            rid scd sdd tned tnmd tnwd txed txnd txsd txwd utd vtd vaed vawd waed wawd wvnd wvsd \
            wied wiwd wyd prd gud nmid vid";
        let expected: HashSet<&str> = expected.split_whitespace().collect();
        let ids: HashSet<&str> = DISTRICTS.iter().map(|d| d.district).collect();
        assert_eq!(expected.len(), 94);
        assert_eq!(DISTRICTS.len(), 94);
        assert_eq!(ids, expected);
        for d in DISTRICTS {
            let rule = format!("{}b", d.district.strip_suffix('d').unwrap_or(d.district));
            match d.district {
                "azd" => assert_eq!(d.bankruptcy, "arb"),
                "ned" => assert_eq!(d.bankruptcy, "nebraskab"),
                _ => assert_eq!(d.bankruptcy, rule),
            }
        }
    }

    #[test]
    fn every_district_round_trips_from_its_name() {
        for d in DISTRICTS {
            let district = if d.direction.is_empty() {
                format!("DISTRICT OF {}", d.place)
            } else {
                format!("{} DISTRICT OF {}", d.direction, d.place)
            };
            let district_court = format!("United States District Court for the {district}");
            let bankruptcy_court = format!("United States Bankruptcy Court {district}");
            assert_eq!(
                court_id(&district_court),
                Some(d.district),
                "{district_court}"
            );
            assert_eq!(court_id(&district), Some(d.district), "{district}");
            assert_eq!(
                court_id(&bankruptcy_court),
                Some(d.bankruptcy),
                "{bankruptcy_court}"
            );
        }
    }

    #[test]
    fn every_state_high_court_round_trips_from_its_name() {
        for state in STATES.iter().filter(|s| s.name != "NEW YORK") {
            let name = format!("IN THE SUPREME COURT OF THE STATE OF {}", state.name);
            assert_eq!(court_id(&name), state.supreme, "{name}");
            let name = format!("COURT OF APPEALS OF {}", state.name);
            assert_eq!(court_id(&name), state.appeals, "{name}");
        }
    }

    #[test]
    fn every_circuit_round_trips_from_its_name() {
        for circuit in CIRCUITS {
            for name in circuit.names {
                let caption = format!("United States Court of Appeals for the {name} Circuit");
                assert_eq!(court_id(&caption), Some(circuit.appeals), "{caption}");
            }
        }
    }
}
