//! Garbled text layers: detect them, and repair a constant code shift where one can be proved.
//!
//! Some producers embed fonts without a Unicode map; `pdf` keeps such glyphs as raw codes in a
//! private-use block. Often the codes are glyph ids that sit a constant distance from ASCII (the
//! "−29 shift": "the" drawn with codes that read `WKH`). A shift is accepted only when it turns
//! the raw text into English: common short words must make up a real share of the tokens.
//! Other broken fonts (subset order codes) cannot be read and are only flagged.

use crate::pdf::{Line, Word, RAW_BASE};

/// Common English words in court orders; their share of tokens tells prose from gibberish.
const COMMON: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "that",
    "is",
    "for",
    "on",
    "by",
    "with",
    "as",
    "be",
    "this",
    "or",
    "not",
    "court",
    "it",
    "at",
    "an",
    "was",
    "are",
    "its",
    "from",
    "has",
    "shall",
    "order",
    "any",
    "which",
    "case",
    "no",
    "motion",
    "plaintiff",
    "defendant",
    "have",
    "been",
    "under",
    "such",
    "if",
    "his",
    "her",
    "their",
];

/// What the encoding check found for a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Verdict {
    /// The text layer is gibberish (before any repair).
    pub garbled: bool,
    /// The shift applied to raw codes, when one was proved.
    pub shift: Option<i32>,
    /// Share of non-space characters that had no Unicode.
    pub raw_share: f64,
}

fn is_raw(c: char) -> bool {
    (RAW_BASE..RAW_BASE + 0x10000).contains(&(c as u32))
}

/// The character a raw code stands for under `shift`, if printable ASCII.
fn shifted(c: char, shift: i32) -> Option<char> {
    let code = c as i64 - RAW_BASE as i64 + shift as i64;
    u8::try_from(code)
        .ok()
        .filter(|b| (0x20..0x7F).contains(b))
        .map(char::from)
}

/// Share of tokens of `text` (two letters or more) that are common English words, the number
/// of such tokens, and how many distinct common words occur.
pub fn english_share(text: &str) -> (f64, usize, usize) {
    let mut n = 0usize;
    let mut hits = 0usize;
    let mut distinct = [false; 64];
    for tok in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| t.chars().count() >= 2)
    {
        n += 1;
        if let Some(i) = COMMON.iter().position(|w| w.eq_ignore_ascii_case(tok)) {
            hits += 1;
            distinct[i] = true;
        }
    }
    let share = if n == 0 { 0.0 } else { hits as f64 / n as f64 };
    (share, n, distinct.iter().filter(|d| **d).count())
}

/// Share of alphabetic tokens written as prose writes them: all lower case, or capitalised.
fn prose_case_share(text: &str) -> f64 {
    let mut n = 0usize;
    let mut prose = 0usize;
    for tok in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|t| t.len() >= 2)
    {
        n += 1;
        if tok.chars().skip(1).all(|c| c.is_lowercase()) {
            prose += 1;
        }
    }
    if n == 0 {
        0.0
    } else {
        prose as f64 / n as f64
    }
}

/// Look at all pages' lines and decide whether the text is garbled and how to repair it.
pub fn check(pages: &[Vec<Line>]) -> Verdict {
    let mut raw: Vec<char> = Vec::new();
    let mut total = 0usize;
    for w in pages.iter().flatten().flat_map(|l| &l.words) {
        for c in w.text.chars() {
            total += 1;
            if is_raw(c) {
                raw.push(c);
            }
        }
        if w.text.chars().any(is_raw) {
            raw.push(' ');
        }
    }
    let raw_share = if total == 0 {
        0.0
    } else {
        raw.iter().filter(|c| **c != ' ').count() as f64 / total as f64
    };
    if raw_share < 0.2 || raw.len() < 40 {
        return Verdict {
            garbled: false,
            shift: None,
            raw_share,
        };
    }
    // The raw code of a space glyph is the strongest clue: try every shift, keep the one whose
    // decoded text reads as English. Every shift is tried on the first 2,000 codes; the eight
    // that read best there are scored on up to 20,000.
    let sample: Vec<char> = raw.iter().copied().take(20_000).collect();
    let decode = |codes: &[char], shift: i32| -> String {
        codes
            .iter()
            .map(|&c| {
                if c == ' ' {
                    ' '
                } else {
                    shifted(c, shift).unwrap_or('\u{1}')
                }
            })
            .collect()
    };
    // A shift 32 off maps lower case to capitals and reads the same words; prose is mostly
    // "lower" and "Capitalised" tokens, not ALL CAPS.
    let score = |text: &str| -> (f64, usize, usize) {
        let (share, n, distinct) = english_share(text);
        (share * prose_case_share(text), n, distinct)
    };
    let head = &sample[..sample.len().min(2_000)];
    let mut ranked: Vec<(f64, i32)> = (-64..=96)
        .map(|shift| (score(&decode(head, shift)).0, shift))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut best = (0.0, None);
    let mut finalists: Vec<i32> = ranked.iter().take(8).map(|r| r.1).collect();
    finalists.sort_unstable();
    for shift in finalists {
        let (score, n, distinct) = score(&decode(&sample, shift));
        if n >= 10 && distinct >= 5 && score > best.0 {
            best = (score, Some(shift));
        }
    }
    let shift = if best.0 >= 0.1 {
        best.1
    } else {
        known_shift(&sample)
    };
    Verdict {
        garbled: true,
        shift,
        raw_share,
    }
}

/// The usual shift, +29 (TrueType glyph ids in the standard Macintosh order drawn as codes),
/// accepted without prose when it turns the codes into words: a table's "Total Acme Aerospace
/// Corp" holds no common English word, but its tokens are capitalised or lower-case words with
/// vowels, which other shifts of the same codes do not give.
fn known_shift(sample: &[char]) -> Option<i32> {
    const SHIFT: i32 = 29;
    let text: String = sample
        .iter()
        .map(|&c| {
            if c == ' ' {
                ' '
            } else {
                shifted(c, SHIFT).unwrap_or('\u{1}')
            }
        })
        .collect();
    let tokens: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|t| t.len() >= 3)
        .collect();
    if tokens.len() < 20 {
        return None;
    }
    let vowelled = tokens
        .iter()
        .filter(|t| t.chars().any(|c| "aeiouyAEIOUY".contains(c)))
        .count();
    let ok = prose_case_share(&text) >= 0.7 && vowelled as f64 >= 0.85 * tokens.len() as f64;
    ok.then_some(SHIFT)
}

/// Apply a proved shift to every raw code in `lines`; raw codes that stay unreadable become
/// U+FFFD. Without a shift, raw codes become U+FFFD.
pub fn repair(lines: &mut [Line], shift: Option<i32>) {
    for line in lines.iter_mut() {
        if !line.words.iter().any(|w| w.text.chars().any(is_raw)) {
            continue;
        }
        let mut words = Vec::with_capacity(line.words.len());
        for w in std::mem::take(&mut line.words) {
            if !w.text.chars().any(is_raw) {
                words.push(w);
                continue;
            }
            let fixed: Vec<char> = w
                .text
                .chars()
                .map(|c| {
                    if is_raw(c) {
                        shift.and_then(|s| shifted(c, s)).unwrap_or('\u{FFFD}')
                    } else {
                        c
                    }
                })
                .collect();
            // A decoded space glyph splits the word; the pieces share the box by characters.
            let per = (w.bbox.x1 - w.bbox.x0) / fixed.len().max(1) as f64;
            let mut start = 0;
            for piece in fixed.split(|c| *c == ' ') {
                if !piece.is_empty() {
                    let mut bbox = w.bbox;
                    bbox.x0 = w.bbox.x0 + per * start as f64;
                    bbox.x1 = bbox.x0 + per * piece.len() as f64;
                    words.push(Word {
                        text: piece.iter().collect(),
                        bbox,
                        ..w.clone()
                    });
                }
                start += piece.len() + 1;
            }
        }
        *line = Line::from_words(words);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::BBox;

    fn word(text: String) -> Word {
        Word {
            text,
            bbox: BBox {
                x0: 0.0,
                y0: 0.0,
                x1: 1.0,
                y1: 1.0,
            },
            size: 12.0,
            sup: false,
        }
    }

    fn raw_line(text: &str, shift: i32) -> Line {
        let raw = |c: char| char::from_u32(RAW_BASE + (c as u32 as i32 - shift) as u32).unwrap();
        Line::from_words(
            text.split(' ')
                .map(|t| word(t.chars().map(raw).collect()))
                .collect(),
        )
    }

    #[test]
    fn minus_29_shift_is_found_and_repaired() {
        let text = "the court finds that the motion is granted and the order of the court shall be entered in this case";
        let mut lines = vec![raw_line(text, 29)];
        let v = check(std::slice::from_ref(&lines));
        assert!(v.garbled);
        assert_eq!(v.shift, Some(29));
        repair(&mut lines, v.shift);
        assert_eq!(lines[0].text(), text);
    }

    #[test]
    fn a_table_in_the_usual_shift_is_repaired() {
        // Column heads and fund names: no common English word among them.
        let text = "Total Acme Aerospace Corp Fund Name Assets Performance Allocation Retirement Path Income Growth Balanced Target Stable Value Equity Index Bond Market International Small Large Capital Return Ratio";
        let lines = vec![raw_line(text, 29)];
        let v = check(std::slice::from_ref(&lines));
        assert_eq!(v.shift, Some(29));
    }

    #[test]
    fn unreadable_codes_are_flagged_not_guessed() {
        // Subset-order codes: no shift makes English of them.
        let words: Vec<Word> = (0..60)
            .map(|i| {
                word(
                    (0..5)
                        .map(|k| {
                            char::from_u32(RAW_BASE + 1 + ((i * 7 + k * 13) % 40) as u32).unwrap()
                        })
                        .collect(),
                )
            })
            .collect();
        let mut lines = vec![Line::from_words(words)];
        let v = check(std::slice::from_ref(&lines));
        assert!(v.garbled);
        assert_eq!(v.shift, None);
        repair(&mut lines, None);
        assert!(lines[0].text().chars().all(|c| c == '\u{FFFD}' || c == ' '));
    }

    #[test]
    fn plain_text_is_not_garbled() {
        let l = Line::from_words(vec![word("Plain".into())]);
        assert!(!check(&[vec![l]]).garbled);
    }
}
