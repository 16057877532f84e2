//! OCR end to end. Needs the `tesseract` command (Debian: tesseract-ocr, tesseract-ocr-eng);
//! without it these tests fail and say so, they do not skip.
//!
//! The scanned twins in `fixtures/scanned/` are made by courtgen (`scan::twin`) from generated
//! fixtures: every page rendered by hayro at 300 dpi, bilevel, stored as one FlateDecode image
//! (or three strips, or filled rectangles), with the CM/ECF stamp drawn back on top as text.
//! Read with `--ocr`, a twin must give the record its born-digital original gives, within what
//! OCR can read (compared as the scorer compares).

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

fn scanned(file: &str) -> std::path::PathBuf {
    common::fixtures().join("scanned").join(file)
}

fn twin(name: &str) -> (Record, Record) {
    twin_as(name, "twin")
}

/// The born-digital fixture `name` and its scanned version `fixtures/scanned/{name}-{kind}.pdf`.
fn twin_as(name: &str, kind: &str) -> (Record, Record) {
    require_tesseract();
    let digital = run(&common::fixtures().join(format!("{name}.pdf")), false);
    let scanned = run(&scanned(&format!("{name}-{kind}.pdf")), true);
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
    check_common_but_clauses(d, s, min_f1);
    assert_eq!(d.order.clauses.len(), s.order.clauses.len());
    for (a, b) in d.order.clauses.iter().zip(&s.order.clauses) {
        assert!(similar(&a.text, &b.text) >= 0.9, "{} | {}", a.text, b.text);
    }
}

/// [`check_common`] without the clauses, for an original whose clauses are wrong.
fn check_common_but_clauses(d: &Record, s: &Record, min_f1: f64) {
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

/// Caption, parties and signature of the twin equal the original's, as the scorer compares
/// them (court and title similar at 0.9, names at 0.9, the judge and title at 0.9; a field
/// the original lacks must be lacking in the twin too).
fn same_caption_and_signature(d: &Record, s: &Record) {
    let sim = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (None, None) => 1.0,
        (Some(a), Some(b)) => similar(a, b),
        _ => 0.0,
    };
    assert!(
        sim(&d.caption.court, &s.caption.court) >= 0.9,
        "{:?} | {:?}",
        d.caption.court,
        s.caption.court
    );
    assert!(
        sim(&d.caption.title, &s.caption.title) >= 0.9,
        "{:?} | {:?}",
        d.caption.title,
        s.caption.title
    );
    assert_eq!(d.caption.parties.len(), s.caption.parties.len());
    for (a, b) in d.caption.parties.iter().zip(&s.caption.parties) {
        assert_eq!(a.role, b.role, "{} | {}", a.name, b.name);
    }
    same_parties(d, s);
    assert!(
        sim(&d.signature.judge, &s.signature.judge) >= 0.9,
        "{:?} | {:?}",
        d.signature.judge,
        s.signature.judge
    );
    assert!(
        sim(&d.signature.title, &s.signature.title) >= 0.9,
        "{:?} | {:?}",
        d.signature.title,
        s.signature.title
    );
}

#[test]
fn scanned_twin_on_pleading_paper_keeps_body_and_order() {
    // Two pages of pleading paper: the margin numbers in the image must not reach the body,
    // the ")" column must not join the parties, and the five numbered clauses keep their
    // numbers.
    let (d, s) = twin("cand-order-scheduling-clauses-01");
    check_common(&d, &s, 0.98);
    same_caption_and_signature(&d, &s);
    assert_eq!(d.order.clauses.len(), 5);
    let numbers = |r: &Record| {
        r.order
            .clauses
            .iter()
            .map(|c| c.number.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(numbers(&d), numbers(&s));
    assert_eq!(s.quality.line_number_pages, d.quality.line_number_pages);
    assert!(s.body.text.contains("IT IS SO ORDERED"), "{}", s.body.text);
}

#[test]
fn scanned_twin_of_a_new_york_order_reads_like_the_original() {
    // The dashed-box caption with its ":" column and "-against-", over two pages. The
    // born-digital body starts with the caption's closing rule of dashes and the judge's
    // "RAYMOND G. MORCOTT, United States District Judge:" line (FIXTURE-REVIEW: wrong), which
    // the twin's body leaves out, as it should; the twin also leaves "SO ORDERED." to the
    // signature page's block. So F1 0.975 against a body that is itself off, not 0.98. The
    // original's rule-and-judge line is also taken for a lead-in, which makes all three
    // paragraphs clauses (wrong: the decretal paragraph is the last one); the twin gives the
    // last one alone. So its clauses are not compared with the original's until that is
    // mended (FIXTURE-REVIEW.md); they must hold the decretal paragraph.
    // Tesseract reads the rules of dashes as a lone "x" each, which ordex then takes into the
    // first party's name and as a third party "x" (FIXTURE-REVIEW.md): the twin must hold the
    // original's two parties with their roles, its court, title and signature.
    let (d, s) = twin("nysd-order-stay-discovery-01");
    check_common_but_clauses(&d, &s, 0.97);
    assert_eq!(d.caption.court, s.caption.court);
    assert_eq!(d.caption.title, s.caption.title);
    assert_eq!(
        serde_json::to_value(&d.signature).unwrap(),
        serde_json::to_value(&s.signature).unwrap()
    );
    for a in &d.caption.parties {
        assert!(
            s.caption
                .parties
                .iter()
                .any(|b| a.role == b.role && similar(&a.name, &b.name) >= 0.9),
            "{} not in {:?}",
            a.name,
            s.caption.parties
        );
    }
    let decretal = d.order.clauses.last().expect("a clause");
    assert!(
        s.order
            .clauses
            .iter()
            .any(|c| similar(&c.text, &decretal.text) >= 0.9),
        "{:?}",
        s.order.clauses
    );
}

#[test]
fn scanned_twin_of_an_appellate_order_reads_like_the_original() {
    // A stacked caption between rules and a clerk's signature.
    let (d, s) = twin("ca11-order-clerk-extension-01");
    check_common(&d, &s, 0.98);
    assert_eq!(s.caption.court_id.as_deref(), Some("ca11"));
    same_caption_and_signature(&d, &s);
}

#[test]
fn a_scan_stored_as_image_strips_is_rendered_and_read() {
    // The ca11 order as a scan cut into three image strips: no image covers the page, so it
    // is rendered whole, and the stamp drawn over it is still kept out of the OCR.
    let (d, s) = twin_as("ca11-order-clerk-extension-01", "strips");
    check_common(&d, &s, 0.98);
    assert_eq!(s.caption.court_id.as_deref(), Some("ca11"));
    same_caption_and_signature(&d, &s);
}

#[test]
fn a_scan_drawn_as_paths_is_flagged_rendered_and_read() {
    // The ca11 order at 150 dpi drawn as one filled rectangle per run of black pixels: no
    // image at all, only the stamp as text.
    let plain = run(&scanned("ca11-order-clerk-extension-01-vector.pdf"), false);
    assert!(plain.quality.needs_ocr, "{:?}", plain.quality);
    assert_eq!(plain.quality.ocr_pages, vec![1]);
    let (d, s) = twin_as("ca11-order-clerk-extension-01", "vector");
    check_common(&d, &s, 0.95);
    assert_eq!(s.caption.court_id.as_deref(), Some("ca11"));
    assert_eq!(d.caption.title, s.caption.title);
    // At 150 dpi Tesseract reads "Detendant-Appellee.", so the second party's role line is
    // not seen and the lines under it run into its name: the first party is read as such.
    assert!(similar(&d.caption.parties[0].name, &s.caption.parties[0].name) >= 0.9);
}

#[test]
fn strips_render_like_the_one_image_they_were_cut_from() {
    // The page image of the strips twin (rendered) against that of the one-image twin of the
    // same page (decoded): same grid, and ink in the same places.
    let image = |file: &str| {
        let bytes = std::fs::read(scanned(file)).unwrap();
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
    let strips = image("ca11-order-clerk-extension-01-strips.pdf");
    let whole = image("ca11-order-clerk-extension-01-twin.pdf");
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
fn a_scan_with_only_its_stamp_as_text_is_read() {
    // The E.D. Cal. criminal order as a court scans a paper filing: one page image, the
    // CM/ECF stamp as the only text.
    require_tesseract();
    let path = common::fixtures().join("caed-order-scanned-image-01.pdf");
    let digital = run(
        &common::fixtures().join("caed-order-criminal-continuance-01.pdf"),
        false,
    );
    let plain = run(&path, false);
    // Without --ocr: flagged, nothing segmented, no OCR fields.
    assert!(plain.quality.needs_ocr && !plain.quality.ocr_applied);
    assert_eq!(plain.caption.court_id, None);
    let r = run(&path, true);
    assert!(r.quality.ocr_applied && r.quality.needs_ocr);
    assert_eq!(r.quality.ocr_pages, vec![1]);
    assert_eq!(r.caption.court_id.as_deref(), Some("caed"));
    assert_eq!(r.caption.case_numbers, digital.caption.case_numbers);
    assert_eq!(r.signature.date, digital.signature.date);
    assert_eq!(r.signature.date.as_deref(), Some("2023-11-02"));
    // The stamp comes from the text layer, once.
    let ecf = r.ecf.as_ref().expect("stamp parsed");
    assert_eq!(ecf.document_number.as_deref(), Some("88"));
    let page = &r.pages[0].text;
    assert_eq!(page.matches("Document 88").count(), 0, "{page}");
    assert!(
        r.body
            .text
            .contains("ends of justice served by the continuance"),
        "{}",
        r.body.text
    );
}

#[test]
fn an_ocr_text_layer_is_read_as_text_and_not_ocrd_again() {
    // The same scan with the words laid invisibly over the image (3 Tr), as ocrmypdf leaves
    // it: read from the layer, with --ocr or without, as the born-digital order reads.
    let digital = run(
        &common::fixtures().join("caed-order-criminal-continuance-01.pdf"),
        false,
    );
    let path = common::fixtures().join("caed-order-ocr-layer-01.pdf");
    let a = run(&path, false);
    let b = run(&path, true);
    assert!(
        !a.quality.needs_ocr && !b.quality.ocr_applied,
        "{:?}",
        b.quality
    );
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
    assert_eq!(a.caption.title, digital.caption.title);
    assert_eq!(a.signature.date, digital.signature.date);
    assert!(word_f1(&digital.body.text, &a.body.text) >= 0.98);
}

#[test]
fn born_digital_pages_are_never_ocrd() {
    // A text fixture with --ocr: same record as without, no OCR fields set.
    let path = common::fixtures().join("ca11-order-clerk-extension-01.pdf");
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
    let path = scanned("cand-order-scheduling-clauses-01-twin.pdf");
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
