//! Arbitrary positioned glyphs through layout, clean and segment (no PDF parsing): the stages
//! after the engine must be total on any page geometry and any text.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use ordex::pdf::layout::{build_lines, Glyph};
use ordex::pdf::{Document, Page};

/// Words the stages look for, so that the fuzzer reaches their branches quickly.
const TOKENS: &[&str] = &[
    "ORDER", "IT IS SO ORDERED", "IT IS HEREBY ORDERED that", "Case 2:17-cv-04999-XWA",
    "Document 34", "Filed 04/20/22", "Page 1 of 2", "UNITED STATES DISTRICT COURT",
    "NORTHERN DISTRICT OF CALIFORNIA", "Plaintiff,", "Defendant.", "v.", ")", "Dated:",
    "United States District Judge", "/s/", "Hon.", "1.", "(a)", "Case No.", "In re", "///",
    "CIVIL MINUTES - GENERAL", "Present: The Honorable", "Proceedings:", "*", "†",
    "Appellate Case: 21-1234", "Entered 01/02/2020", "Doc 12", "FOR THE COURT:", "-",
];

#[derive(Arbitrary, Debug)]
struct Run {
    token: u8,
    x: u16,
    y: u16,
    size: u8,
    spacing: u8,
}

#[derive(Arbitrary, Debug)]
struct FuzzPage {
    width: u16,
    height: u16,
    image_cover: u8,
    rotation: u8,
    runs: Vec<Run>,
}

fuzz_target!(|pages: Vec<FuzzPage>| {
    let pages = pages
        .into_iter()
        .take(40)
        .enumerate()
        .map(|(i, p)| {
            let mut glyphs = Vec::new();
            for run in p.runs.iter().take(2000) {
                let text: String = match TOKENS.get(run.token as usize) {
                    Some(t) => t.to_string(),
                    // Everything else: one character, from ASCII through a few scripts.
                    None => char::from_u32(u32::from(run.token) * 37 % 0x2100)
                        .unwrap_or('x')
                        .to_string(),
                };
                let size = f64::from(run.size) / 8.0;
                let adv = size * (0.3 + f64::from(run.spacing) / 200.0);
                for (k, ch) in text.chars().enumerate() {
                    glyphs.push(Glyph {
                        ch,
                        x: f64::from(run.x) / 64.0 + adv * k as f64,
                        y: f64::from(run.y) / 64.0,
                        size,
                        adv,
                    });
                }
            }
            Page {
                number: i + 1,
                width: f64::from(p.width) / 64.0,
                height: f64::from(p.height) / 64.0,
                rotation: u16::from(p.rotation % 4) * 90,
                lines: build_lines(glyphs),
                image_cover: f64::from(p.image_cover) / 255.0,
                ..Page::default()
            }
        })
        .collect();
    let rec = ordex::build_record(Document {
        pages,
        producer: None,
        warnings: Vec::new(),
    });
    serde_json::to_string(&rec).expect("a record always serialises");
});
