//! OCR end to end. Needs the `tesseract` command (Debian: tesseract-ocr, tesseract-ocr-eng);
//! without it these tests fail and say so, they do not skip.
//!
//! The scanned twins in `tests/scanned/` were made by `bench/scanned_twin.py` from fixtures:
//! every page rendered at 300 dpi, bilevel, wrapped back as a CCITT G4 image, with the CM/ECF
//! stamp drawn back on top as text. Read with `--ocr`, a twin must give the record its
//! born-digital original gives, within what OCR can read (compared as the scorer compares).

mod common;

use ordex::record::Record;
use ordex::{process, Config, OcrConfig, TimeLimit};
use std::collections::HashMap;

fn require_tesseract() {
    if let Err(e) = ordex::ocr::tesseract::version() {
        panic!("these tests need tesseract (apt-get install tesseract-ocr tesseract-ocr-eng): {e}");
    }
}

fn run(path: &std::path::Path, ocr: bool) -> Record {
    let config = Config {
        ocr: OcrConfig {
            enabled: ocr,
            ..OcrConfig::default()
        },
        time: TimeLimit {
            secs: 300.0,
            secs_per_page: 10.0,
        },
        ..Config::default()
    };
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    process(&name, std::fs::read(path).unwrap(), &config)
}

fn twin(name: &str) -> (Record, Record) {
    twin_as(name, "twin")
}

/// The born-digital fixture `name` and its scanned version `tests/scanned/{name}-{kind}.pdf`.
fn twin_as(name: &str, kind: &str) -> (Record, Record) {
    require_tesseract();
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let digital = run(&common::fixtures().join(format!("{name}.pdf")), false);
    let scanned = run(&root.join(format!("tests/scanned/{name}-{kind}.pdf")), true);
    assert_eq!(scanned.status, "ok", "{:?}", scanned.error);
    (digital, scanned)
}

/// Case-folded, quotes and dashes unified, whitespace collapsed (as `score.py` compares).
fn norm(s: &str) -> String {
    s.to_lowercase()
        .replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{201C}', '\u{201D}'], "\"")
        .replace(['\u{2013}', '\u{2014}'], "-")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// 1 − edit distance / longer length, on normalised text.
fn similar(a: &str, b: &str) -> f64 {
    let (a, b): (Vec<char>, Vec<char>) = (norm(a).chars().collect(), norm(b).chars().collect());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    1.0 - row[b.len()] as f64 / a.len().max(b.len()).max(1) as f64
}

/// Word-bag F1 of two texts (letters and digits only).
fn word_f1(want: &str, got: &str) -> f64 {
    let bag = |s: &str| {
        let mut m: HashMap<String, usize> = HashMap::new();
        for w in norm(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            *m.entry(w.to_string()).or_default() += 1;
        }
        m
    };
    let (w, g) = (bag(want), bag(got));
    let common: usize = w
        .iter()
        .map(|(k, n)| (*n).min(*g.get(k).unwrap_or(&0)))
        .sum();
    let (nw, ng) = (w.values().sum::<usize>(), g.values().sum::<usize>());
    if nw + ng == 0 {
        return 1.0;
    }
    2.0 * common as f64 / (nw + ng) as f64
}

/// What every twin must keep: OCR reported, the stamp parsed once from its text (not doubled
/// from the image), the body (word F1 at least `min_f1`), the clauses, the signature date.
fn check_common(d: &Record, s: &Record, min_f1: f64) {
    let q = &s.quality;
    assert!(q.ocr_applied && q.needs_ocr, "{q:?}");
    assert!(q
        .ocr_engine
        .as_deref()
        .unwrap_or("")
        .starts_with("tesseract "));
    assert_eq!(q.ocr_pages, (1..=s.pages.len()).collect::<Vec<_>>());
    for p in &s.pages {
        let conf = p.ocr_confidence.expect("every page OCR'd");
        assert!(conf > 80.0, "page {}: mean confidence {conf}", p.number);
    }
    assert!(d.quality.ocr_engine.is_none() && d.pages.iter().all(|p| p.ocr_confidence.is_none()));
    assert_eq!(
        serde_json::to_value(&d.ecf).unwrap(),
        serde_json::to_value(&s.ecf).unwrap()
    );
    let f1 = word_f1(&d.body.text, &s.body.text);
    assert!(
        f1 >= min_f1,
        "body word F1 {f1:.3}\n--- born-digital\n{}\n--- scanned\n{}",
        d.body.text,
        s.body.text
    );
    // The stamp is not read twice into the text.
    assert!(!s.body.text.contains("Document"), "{}", s.body.text);
    assert_eq!(d.order.clauses.len(), s.order.clauses.len());
    for (a, b) in d.order.clauses.iter().zip(&s.order.clauses) {
        assert!(similar(&a.text, &b.text) >= 0.9, "{} | {}", a.text, b.text);
    }
    assert_eq!(d.signature.date, s.signature.date);
    assert_eq!(d.caption.court_id, s.caption.court_id);
    assert_eq!(
        d.caption.case_numbers_normalized,
        s.caption.case_numbers_normalized
    );
}

/// The twin's parties are the original's, one for one, their names alike (OCR may add a
/// stray mark).
fn same_parties(d: &Record, s: &Record) {
    assert_eq!(d.caption.parties.len(), s.caption.parties.len());
    for (a, b) in d.caption.parties.iter().zip(&s.caption.parties) {
        assert!(similar(&a.name, &b.name) >= 0.9, "{} | {}", a.name, b.name);
    }
}

#[test]
fn scanned_twin_of_an_eastern_district_order_reads_like_the_original() {
    let (d, s) = twin("caed-order-unseal-warrant-01");
    check_common(&d, &s, 0.98);
    let sim = |a: &Option<String>, b: &Option<String>| {
        similar(a.as_deref().unwrap_or(""), b.as_deref().unwrap_or(""))
    };
    assert!(sim(&d.caption.court, &s.caption.court) >= 0.9);
    assert!(sim(&d.caption.title, &s.caption.title) >= 0.9);
    assert_eq!(d.caption.parties.len(), s.caption.parties.len());
    for (a, b) in d.caption.parties.iter().zip(&s.caption.parties) {
        assert_eq!(a.role, b.role);
        assert!(similar(&a.name, &b.name) >= 0.85, "{} | {}", a.name, b.name);
    }
    assert_eq!(
        d.signature.title.as_deref().map(norm),
        s.signature.title.as_deref().map(norm)
    );
    // The judge's name lies under an "/s/" signature image: the ink swells the name's box
    // into the title line below, and only the band test keeps the name from being taken for
    // a second reading of the title's place. The ink still costs a letter: "Jeremy). Peterson"
    // (two edits in 18; 0.91 by the scorer's measure).
    assert!(
        similar(
            d.signature.judge.as_deref().unwrap_or("?"),
            s.signature.judge.as_deref().unwrap_or("")
        ) >= 0.85,
        "{:?} | {:?}",
        d.signature.judge,
        s.signature.judge
    );
}

#[test]
fn scanned_twin_of_an_appellate_order_reads_like_the_original() {
    // The ACMS order with the damaged cross-reference table, scanned: six parties over two
    // columns with roles set as "Defendant – Appellant", and a clerk's signature. Every field
    // the twin comparison checks is equal.
    let (d, s) = twin("ca2-order-acms-01");
    check_common(&d, &s, 0.98);
    assert_eq!(d.caption.court, s.caption.court);
    assert_eq!(d.caption.title, s.caption.title);
    assert_eq!(
        serde_json::to_value(&d.caption.parties).unwrap(),
        serde_json::to_value(&s.caption.parties).unwrap()
    );
    assert_eq!(
        serde_json::to_value(&d.signature).unwrap(),
        serde_json::to_value(&s.signature).unwrap()
    );
}

#[test]
fn scanned_twin_on_pleading_paper_keeps_body_and_order() {
    // Line numbers in the image must not reach the body; the caption's ")" column and the
    // signature drawn over the judge's name are where OCR still differs (README). Tesseract
    // reads "IT IS SO ORDERED." as "IT ISSO ORDERED.", mended (`ocr::mend`): the body is read
    // word for word, the bar of F1 0.98 is met.
    let (d, s) = twin("cand-order-redactions-short-01");
    check_common(&d, &s, 0.98);
    assert!(s.body.text.contains("IT IS SO ORDERED"), "{}", s.body.text);
    assert!(s.body.text.contains("March 22, 2021"), "{}", s.body.text);
    // "v." is read as a lone "y": mended, it separates the sides instead of adding a party.
    let names = |r: &Record| {
        r.caption
            .parties
            .iter()
            .map(|p| (p.role.clone(), norm(&p.name)))
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&d), names(&s));
    assert_eq!(d.signature.judge, s.signature.judge);
    // The title's last line sits beside the second party, lower: the page's layout joined
    // the two and lost "MARCH 22, 2021"; the caption's second reading (ocr::caption) has it.
    // Still short of equal: "STIPULATED" read "SITPULATED", and "PARTIES" lost (its box in the
    // first reading overlaps the second reading's surer "TO", which drops it, while it drops
    // the second reading's "PARTTES"): 0.94 by the scorer's measure, 0.89 by edit distance.
    let (dt, st) = (
        d.caption.title.as_deref().unwrap_or("?"),
        s.caption.title.as_deref().unwrap_or(""),
    );
    assert!(similar(dt, st) >= 0.85, "{dt:?} | {st:?}");
    assert!(norm(st).ends_with("on or before march 22, 2021"), "{st:?}");
}

#[test]
fn scanned_twin_of_a_tenth_circuit_order_keeps_its_caption() {
    // The page's layout reads "TENTH" as "TENIH" and skips the "ORDER" between two dashed
    // rules; the caption's second reading has both. The body is still read with OCR's errors
    // ("New Y ork", "attommey", "cal0"): F1 0.959.
    // The party is read, but a "|" (the rule between the caption's columns) is set on a row
    // of its own above it and leads the name, so its role is not seen: "other", not "in_re".
    let (d, s) = twin("ca10-order-01");
    check_common(&d, &s, 0.95);
    assert_eq!(s.caption.court_id.as_deref(), Some("ca10"));
    assert_eq!(d.caption.title, s.caption.title);
    same_parties(&d, &s);
}

#[test]
fn a_scan_stored_as_image_strips_is_rendered_and_read() {
    // The ca10 order as a scan cut into three image strips (`bench/scanned_twin.py --strips
    // 3`): no image covers the page, so it is rendered whole, and the stamp drawn over it is
    // still kept out of the OCR.
    // Tesseract's page layout skips the "In re:" line between its dashed rules and the
    // centred "ORDER" on this page image; the caption's second reading has both.
    let (d, s) = twin_as("ca10-order-01", "strips");
    check_common(&d, &s, 0.95);
    assert_eq!(d.caption.court_id.as_deref(), Some("ca10"));
    assert_eq!(d.caption.title, s.caption.title);
    // The party as on the one-image twin: its name, with the "|" in front (see above).
    same_parties(&d, &s);
    assert_eq!(
        d.signature.judge.as_deref().map(norm),
        s.signature.judge.as_deref().map(norm)
    );
}

#[test]
fn a_scan_drawn_as_paths_is_flagged_rendered_and_read() {
    // The ca10 order at 150 dpi drawn as one filled rectangle per run of black pixels
    // (`bench/scanned_twin.py ... 150 --vector`): no image at all, only the stamp as text.
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let plain = run(&root.join("tests/scanned/ca10-order-01-vector.pdf"), false);
    assert!(plain.quality.needs_ocr, "{:?}", plain.quality);
    assert_eq!(plain.quality.ocr_pages, vec![1]);
    let (d, s) = twin_as("ca10-order-01", "vector");
    check_common(&d, &s, 0.95);
    assert_eq!(d.caption.court_id.as_deref(), Some("ca10"));
    assert_eq!(d.caption.title, s.caption.title);
    assert_eq!(d.caption.parties.len(), s.caption.parties.len());
    // The clerk's name under the signature is not read from this coarse drawing (README).
}

#[test]
fn strips_render_like_the_one_image_they_were_cut_from() {
    // The page image of the strips twin (rendered) against that of the one-image twin of the
    // same page (decoded): same grid, and ink in the same places.
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let image = |file: &str| {
        let bytes = std::fs::read(root.join("tests/scanned").join(file)).unwrap();
        let mut out = None;
        ordex::pdf::raster::page_rasters(
            std::sync::Arc::new(bytes.into()),
            &[1],
            300.0,
            300.0,
            |n, r| {
                assert_eq!(n, 1);
                out = r;
                true
            },
        );
        out.expect("a page image")
    };
    let strips = image("ca10-order-01-strips.pdf");
    let whole = image("ca10-order-01-twin.pdf");
    assert_eq!((strips.width, strips.height), (2550, 3300));
    assert_eq!((whole.width, whole.height), (2550, 3300));
    assert_eq!(strips.dpi, 300.0);
    let ink = |r: &ordex::pdf::raster::Raster| r.gray.iter().filter(|&&g| g < 128).count();
    let both = strips
        .gray
        .iter()
        .zip(&whole.gray)
        .filter(|(a, b)| **a < 128 && **b < 128)
        .count();
    let (a, b) = (ink(&strips), ink(&whole));
    // Rendering smooths the scan's edges (and adds the drawn stamp): most ink in common.
    assert!(b > 50_000, "{b} dark pixels");
    assert!(both as f64 > 0.8 * b.min(a) as f64, "{both} of {a} / {b}");
}

#[test]
fn a_real_scan_with_only_its_stamp_as_text_is_read() {
    require_tesseract();
    let path = common::fixtures().join("cand-order-scanned-handedit-01.pdf");
    let plain = run(&path, false);
    // Without --ocr: flagged, nothing segmented, no OCR fields.
    assert!(plain.quality.needs_ocr && !plain.quality.ocr_applied);
    assert_eq!(plain.caption.court_id, None);
    let r = run(&path, true);
    assert!(r.quality.ocr_applied && r.quality.needs_ocr);
    assert_eq!(r.quality.ocr_pages, vec![1]);
    assert_eq!(r.caption.court_id.as_deref(), Some("cand"));
    assert_eq!(r.caption.case_numbers, vec!["CV08-02448-MMC"]);
    assert_eq!(r.signature.judge.as_deref(), Some("MAXINE M. CHESNEY"));
    // The date typed into the scan's "Dated:" line by the court (text) joins the OCR'd line.
    assert_eq!(r.signature.date.as_deref(), Some("2009-03-04"));
    // The stamp comes from the text layer, once.
    let ecf = r.ecf.as_ref().expect("stamp parsed");
    assert_eq!(ecf.document_number.as_deref(), Some("17"));
    let page = &r.pages[0].text;
    assert_eq!(page.matches("Document 17").count(), 0, "{page}");
    assert!(
        r.body
            .text
            .contains("appear telephonically at the Case Management Conference"),
        "{}",
        r.body.text
    );
}

#[test]
fn born_digital_pages_are_never_ocrd() {
    // A text fixture with --ocr: same record as without, no OCR fields set.
    let path = common::fixtures().join("ca10-order-01.pdf");
    let a = run(&path, false);
    let b = run(&path, true);
    assert!(!b.quality.ocr_applied && b.quality.ocr_engine.is_none());
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
}

#[test]
fn page_limit_is_kept_and_said() {
    require_tesseract();
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("tests/scanned/cand-order-redactions-short-01-twin.pdf");
    let config = Config {
        ocr: OcrConfig {
            enabled: true,
            max_pages: 0,
        },
        ..Config::default()
    };
    let r = process("twin", std::fs::read(path).unwrap(), &config);
    assert!(!r.quality.ocr_applied && r.quality.needs_ocr);
    assert!(
        r.warnings.iter().any(|w| w.contains("--ocr-max-pages")),
        "{:?}",
        r.warnings
    );
}
