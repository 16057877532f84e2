//! Tagged-text fixtures for the segmenter's shapes (`fixtures/segment/*.txt`): a page laid out
//! in monospace (one character = 6 pt, one line = 24 pt), with `<caption>`, `<clause>` and
//! `<signature>` blocks marking what segmentation must find. Untagged lines are body text.

mod common;

use ordex::clean::{CleanDoc, CleanPage};
use ordex::pdf::{BBox, Line, Word};
use ordex::segment::segment;

/// One text line as positioned words: column c starts at x = 72 + 6c.
fn line(text: &str, row: usize) -> Option<Line> {
    let y = 72.0 + 24.0 * row as f64;
    let mut words = Vec::new();
    let mut start = None;
    for (i, ch) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (ch == ' ', start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                let col = text[..s].chars().count() as f64;
                let len = text[s..i].chars().count() as f64;
                let x0 = 72.0 + 6.0 * col;
                words.push(Word {
                    text: text[s..i].to_string(),
                    bbox: BBox {
                        x0,
                        y0: y - 9.6,
                        x1: x0 + 6.0 * len,
                        y1: y + 2.4,
                    },
                    size: 12.0,
                    sup: false,
                });
                start = None;
            }
            _ => {}
        }
    }
    (!words.is_empty()).then(|| Line::from_words(words))
}

struct Expect {
    caption: Vec<String>,
    clauses: Vec<String>,
    signature: Vec<String>,
}

fn squash(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page the tagged text lays out, and what its tags expect.
fn read(tagged: &str) -> (CleanDoc, Expect) {
    let mut lines = Vec::new();
    let mut expect = Expect {
        caption: vec![],
        clauses: vec![],
        signature: vec![],
    };
    let mut block: Option<&str> = None;
    let mut clause = String::new();
    let mut row = 0;
    for raw in tagged.lines() {
        match raw.trim() {
            "<caption>" | "<clause>" | "<signature>" => {
                block = Some(raw.trim());
                continue;
            }
            "</clause>" => {
                expect.clauses.push(squash(&clause));
                clause.clear();
                block = None;
                continue;
            }
            "</caption>" | "</signature>" => {
                block = None;
                continue;
            }
            _ => {}
        }
        if let Some(l) = line(raw, row) {
            match block {
                Some("<caption>") => expect.caption.push(l.text()),
                Some("<signature>") => expect.signature.push(l.text()),
                Some("<clause>") => {
                    clause.push(' ');
                    clause.push_str(raw.trim());
                }
                _ => {}
            }
            lines.push(l);
        }
        row += 1;
    }
    let page = CleanPage {
        number: 1,
        width: 612.0,
        height: 792.0,
        lines,
        ..CleanPage::default()
    };
    (
        CleanDoc {
            pages: vec![page],
            ..CleanDoc::default()
        },
        expect,
    )
}

#[test]
fn segmenter_shapes() {
    let dir = common::fixtures().join("segment");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 3);
    for f in files {
        let (doc, want) = read(&std::fs::read_to_string(&f).unwrap());
        let s = segment(&doc);
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let got_caption: Vec<&str> = s.caption_text.lines().collect();
        assert_eq!(got_caption, want.caption, "{name}: caption");
        // A clause's label ("1.") is its number, not its text.
        let got_clauses: Vec<String> = s
            .order
            .clauses
            .iter()
            .map(|c| match &c.number {
                Some(n) if !want.clauses.iter().any(|w| w.starts_with(&c.text)) => {
                    format!("{n}. {}", c.text)
                }
                _ => c.text.clone(),
            })
            .collect();
        assert_eq!(got_clauses, want.clauses, "{name}: clauses");
        let got_signature: Vec<&str> = s.signature_text.lines().collect();
        assert_eq!(got_signature, want.signature, "{name}: signature block");
    }
}
