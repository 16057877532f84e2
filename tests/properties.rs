//! Properties of the pure stages: no panic on any input, cleaning twice changes nothing,
//! segmentation loses no text.

mod common;

use ordex::clean::reflow::{paragraphs, TLine};
use ordex::clean::{clean, CleanDoc};
use ordex::pdf::layout::{build_lines, Glyph};
use ordex::pdf::{Document, Page};
use ordex::segment::segment;
use proptest::prelude::*;
use std::collections::HashMap;

/// Glyphs for `text` at (x, y): 12 pt, 6 pt advance, a space glyph between words.
fn glyphs(text: &str, x: f64, y: f64, size: f64) -> Vec<Glyph> {
    let adv = 0.5 * size;
    text.chars()
        .enumerate()
        .map(|(i, ch)| Glyph {
            ch,
            x: x + adv * i as f64,
            y,
            size,
            adv,
        })
        .collect()
}

/// A pleading-paper page: numbers 1..28 in the margin, a stamp on top, `body` lines from line 3.
fn page(number: usize, of: usize, body: &[String], numbered: bool) -> Page {
    let mut g = glyphs(
        &format!("Case 2:21-cv-03318-PQR Document 34 Filed 04/20/22 Page {number} of {of}"),
        110.0,
        22.0,
        9.0,
    );
    for i in 1..=28usize {
        let y = 68.0 + 24.0 * i as f64;
        if numbered {
            let n = i.to_string();
            g.extend(glyphs(&n, 86.0 - 6.0 * n.len() as f64, y, 12.0));
        }
        if let Some(t) = i.checked_sub(3).and_then(|k| body.get(k)) {
            g.extend(glyphs(t, 100.0, y, 12.0));
        }
    }
    Page {
        number,
        width: 612.0,
        height: 792.0,
        lines: build_lines(g),
        ..Page::default()
    }
}

fn document(pages: &[Vec<String>], numbered: bool) -> Document {
    let n = pages.len();
    Document {
        pages: pages
            .iter()
            .enumerate()
            .map(|(i, b)| page(i + 1, n, b, numbered))
            .collect(),
        producer: None,
        warnings: Vec::new(),
    }
}

/// The cleaned pages as a document again, to clean a second time.
fn reload(c: &CleanDoc) -> Document {
    Document {
        pages: c
            .pages
            .iter()
            .map(|p| Page {
                number: p.number,
                width: p.width,
                height: p.height,
                lines: p.lines.clone(),
                ..Page::default()
            })
            .collect(),
        producer: None,
        warnings: Vec::new(),
    }
}

fn texts(c: &CleanDoc) -> Vec<Vec<String>> {
    c.pages
        .iter()
        .map(|p| p.lines.iter().map(|l| l.text()).collect())
        .collect()
}

/// Letters and digits with their counts: what "no text lost" compares (reflow may join a
/// hyphenated word, which only drops the hyphen).
fn alnum(text: &str) -> HashMap<char, usize> {
    let mut m = HashMap::new();
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        *m.entry(c).or_insert(0) += 1;
    }
    m
}

/// Every letter and digit of the cleaned pages is in some segment.
fn check_no_text_lost(c: &CleanDoc) -> Result<(), String> {
    if c.quality.garbled_text && !c.quality.text_repaired {
        return Ok(());
    }
    let s = segment(c);
    // Raised marks are footnote numbers: segmentation keeps them as `number`, not as text.
    let cleaned: String = c
        .pages
        .iter()
        .filter(|p| !p.needs_ocr)
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.words)
        .filter(|w| !w.sup)
        .map(|w| w.text.clone() + " ")
        .collect();
    let mut parts = vec![
        s.caption_text.clone(),
        s.body.text.clone(),
        s.signature_text.clone(),
        s.trailing_text.clone(),
    ];
    for f in &s.footnotes {
        parts.push(f.text.clone());
    }
    let have = alnum(&parts.join("\n"));
    for (ch, n) in alnum(&cleaned) {
        let got = have.get(&ch).copied().unwrap_or(0);
        if got < n {
            return Err(format!(
                "{n} × {ch:?} in the cleaned text, {got} in the segments"
            ));
        }
    }
    Ok(())
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,10}",
        "[A-Z][a-z]{1,8}",
        Just("12".to_string()),
        Just("1.".to_string()),
        Just("ORDER".to_string()),
        Just("GRANTED.".to_string()),
        Just("v.".to_string()),
        Just("Plaintiffs,".to_string()),
        Just("com-".to_string()),
    ]
}

fn line() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..9).prop_map(|w| w.join(" "))
}

fn pages() -> impl Strategy<Value = Vec<Vec<String>>> {
    prop::collection::vec(prop::collection::vec(line(), 0..25), 1..4)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn layout_never_panics_and_keeps_characters(raw in prop::collection::vec((any::<char>(), -50.0f64..700.0, -50.0f64..900.0, 0.0f64..40.0, -5.0f64..30.0), 0..300)) {
        let g: Vec<Glyph> = raw.iter().map(|&(ch, x, y, size, adv)| Glyph { ch, x, y, size, adv }).collect();
        let input = alnum(&g.iter().map(|g| g.ch).collect::<String>());
        let lines = build_lines(g);
        let out = alnum(&lines.iter().map(|l| l.text()).collect::<String>());
        // Overprinted duplicates may be dropped, nothing is invented.
        for (ch, n) in out {
            prop_assert!(input.get(&ch).copied().unwrap_or(0) >= n);
        }
        for l in &lines {
            prop_assert!(l.words.iter().all(|w| !w.text.is_empty() && !w.text.contains(char::is_whitespace)));
        }
    }

    #[test]
    fn cleaning_twice_changes_nothing(body in pages(), numbered in any::<bool>()) {
        let once = clean(document(&body, numbered));
        let twice = clean(reload(&once));
        prop_assert_eq!(texts(&once), texts(&twice));
    }

    #[test]
    fn cleaning_removes_only_numbers_and_stamps(body in pages()) {
        let c = clean(document(&body, true));
        // Every body line survives whole: the margin numbers and the stamp are all that went.
        for (p, lines) in texts(&c).iter().enumerate() {
            let want: Vec<&String> = body[p].iter().take(26).collect();
            let got: Vec<&String> = lines.iter().collect();
            // A body line that is only a page-number shape in the bottom band may go too.
            prop_assert!(got.len() <= want.len());
            for g in got {
                prop_assert!(want.contains(&g), "{g:?} was not in the input");
            }
        }
    }

    #[test]
    fn dehyphenation_changes_only_words_split_at_a_line_end(
        lines in prop::collection::vec(prop::collection::vec(prop_oneof![
            word(),
            Just("court-ordered".to_string()),
            Just("non-".to_string()),
            Just("18-cv-1234".to_string()),
            Just("presump-".to_string()),
            Just("tion".to_string()),
        ], 1..8), 1..12)
    ) {
        // One paragraph of full-width lines, as a body page sets them.
        let tl: Vec<TLine> = lines.iter().enumerate().map(|(i, w)| TLine {
            page: 1,
            text: w.join(" "),
            x0: 72.0,
            x1: 540.0,
            baseline: 100.0 + 14.0 * i as f64,
            size: 12.0,
        }).collect();
        let out: Vec<String> = paragraphs(&tl)
            .iter()
            .flat_map(|p| p.text.split_whitespace().map(str::to_string).collect::<Vec<_>>())
            .collect();
        // Every word but a line's last (when it ends in a hyphen) and the next line's first
        // comes out as it went in, in order.
        let mut at = 0;
        for (i, ws) in lines.iter().enumerate() {
            let split_before = i > 0 && lines[i - 1].last().is_some_and(|w| w.ends_with('-'));
            for (j, w) in ws.iter().enumerate() {
                let at_break = (j == 0 && split_before) || (j + 1 == ws.len() && w.ends_with('-'));
                if at_break {
                    continue;
                }
                let found = out[at..].iter().position(|o| o == w);
                prop_assert!(found.is_some(), "{w:?} changed: {out:?}");
                at += found.unwrap_or(0) + 1;
            }
        }
    }

    #[test]
    fn segmentation_loses_no_text(body in pages(), numbered in any::<bool>()) {
        let c = clean(document(&body, numbered));
        prop_assert_eq!(check_no_text_lost(&c), Ok(()));
    }
}

#[test]
fn fixtures_clean_idempotently_and_segment_without_loss() {
    for entry in std::fs::read_dir(common::fixtures()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        let Ok(doc) = ordex::pdf::load(
            std::sync::Arc::new(std::fs::read(&path).unwrap().into()),
            &ordex::Limits::default(),
            &mut |_| {},
        ) else {
            continue;
        };
        let once = clean(doc);
        let twice = clean(reload(&once));
        assert_eq!(texts(&once), texts(&twice), "{}", path.display());
        assert_eq!(check_no_text_lost(&once), Ok(()), "{}", path.display());
    }
}
