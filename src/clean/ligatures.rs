//! Ligatures a font's Unicode map reads short: a "fi" or "fl" glyph mapped to "f" alone, so
//! the text says "affrm", "frst", "confict" where the page shows "affirm", "first",
//! "conflict" (typesetting systems that set ligatures, and some print drivers, make such
//! fonts). A document is taken to have them when several of its words are no words but become
//! one with an "i" or an "l" after an "f"; then those words, and only those, are mended. A
//! word that is one already ("fled" for "filed") is left as printed: nothing proves it.
//!
//! Consults the word list; never touches a word the list knows.

use super::words::is_word;
use crate::pdf::Line;

/// Fewest distinct mendable words that show a document's font drops ligatures.
const MIN_EVIDENCE: usize = 3;

/// The word with the letter that completes a short-read ligature, if exactly one such
/// insertion makes it a word.
fn mended(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if lower.len() < 3 || !lower.bytes().all(|b| b.is_ascii_lowercase()) || is_word(&lower) {
        return None;
    }
    let mut found: Option<String> = None;
    for (i, _) in word.match_indices(['f', 'F']) {
        for add in ['i', 'l'] {
            let candidate = format!("{}{add}{}", &lower[..=i], &lower[i + 1..]);
            if is_word(&candidate) {
                if found.is_some() {
                    return None; // two readings: nothing proves either
                }
                let upper = word.chars().all(|c| c.is_uppercase());
                let add = if upper { add.to_ascii_uppercase() } else { add };
                found = Some(format!("{}{add}{}", &word[..=i], &word[i + 1..]));
            }
        }
    }
    found
}

/// The letters of a word, split from its punctuation: ("(", "affrm", ").").
fn split(word: &str) -> (&str, &str, &str) {
    let start = word.find(|c: char| c.is_alphabetic()).unwrap_or(word.len());
    let end = word.rfind(|c: char| c.is_alphabetic()).map_or(start, |i| {
        i + word[i..].chars().next().map_or(1, char::len_utf8)
    });
    (
        &word[..start],
        &word[start..end.max(start)],
        &word[end.max(start)..],
    )
}

/// The words of a line that stand whole: not the part after a line-end hyphen ("justi-" /
/// "fied" is one word, mended or joined as one) and not a part before one.
fn whole(l: &Line, after_hyphen: bool) -> impl Iterator<Item = usize> + '_ {
    (0..l.words.len())
        .filter(move |&i| !(l.words[i].text.ends_with('-') || (i == 0 && after_hyphen)))
}

fn ends_hyphen(l: &Line) -> bool {
    l.words.last().is_some_and(|w| w.text.ends_with('-'))
}

/// Mend the short-read ligatures of a document's pages, if it has them. Returns how many
/// words were mended.
pub fn mend(pages: &mut [Vec<Line>]) -> usize {
    let mut evidence: Vec<String> = Vec::new();
    let mut after_hyphen = false;
    for l in pages.iter().flatten() {
        let whole_words: Vec<usize> = whole(l, after_hyphen).collect();
        after_hyphen = ends_hyphen(l);
        for w in whole_words.into_iter().map(|i| &l.words[i]) {
            let (_, core, _) = split(&w.text);
            if core.contains(['f', 'F'])
                && mended(core).is_some()
                && !evidence.iter().any(|e| e == core)
            {
                evidence.push(core.to_string());
                if evidence.len() >= MIN_EVIDENCE {
                    break;
                }
            }
        }
        if evidence.len() >= MIN_EVIDENCE {
            break;
        }
    }
    if evidence.len() < MIN_EVIDENCE {
        return 0;
    }
    let mut n = 0;
    let mut after_hyphen = false;
    for l in pages.iter_mut().flatten() {
        let mut changed = false;
        let whole_words: Vec<usize> = whole(l, after_hyphen).collect();
        after_hyphen = ends_hyphen(l);
        for i in whole_words {
            let w = &mut l.words[i];
            let (head, core, tail) = split(&w.text);
            if !core.contains(['f', 'F']) {
                continue;
            }
            if let Some(m) = mended(core) {
                w.text = format!("{head}{m}{tail}");
                changed = true;
                n += 1;
            }
        }
        if changed {
            *l = Line::from_words(std::mem::take(&mut l.words));
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::{BBox, Word};

    fn line(text: &str) -> Line {
        Line::from_words(
            text.split(' ')
                .enumerate()
                .map(|(i, t)| Word {
                    text: t.into(),
                    bbox: BBox {
                        x0: 10.0 * i as f64,
                        y0: 0.0,
                        x1: 10.0 * i as f64 + 8.0,
                        y1: 10.0,
                    },
                    size: 10.0,
                    sup: false,
                })
                .collect(),
        )
    }

    #[test]
    fn words_and_their_mending() {
        assert_eq!(mended("affrm").as_deref(), Some("affirm"));
        assert_eq!(mended("frst").as_deref(), Some("first"));
        assert_eq!(mended("confict").as_deref(), Some("conflict"));
        assert_eq!(mended("AFFRMED").as_deref(), Some("AFFIRMED"));
        assert_eq!(mended("fled"), None, "a word already");
        assert_eq!(mended("office"), None);
        assert_eq!(split("(affrm)."), ("(", "affrm", ")."));
    }

    #[test]
    fn only_a_document_that_shows_it_is_mended() {
        let mut pages = vec![vec![line("we affrm the frst ruling; the confict is fled.")]];
        assert_eq!(mend(&mut pages), 3);
        assert_eq!(
            pages[0][0].text(),
            "we affirm the first ruling; the conflict is fled."
        );
        // The part after a line-end hyphen is no word alone: "justi-" / "fied" is left whole.
        let mut pages = vec![vec![
            line("we affrm the frst ruling, justi-"),
            line("fied as the confict is."),
        ]];
        assert_eq!(mend(&mut pages), 3);
        assert_eq!(pages[0][1].text(), "fied as the conflict is.");
        // One odd word is a typo, not a font's habit: left as printed.
        let mut pages = vec![vec![line("the frst ruling stands")]];
        assert_eq!(mend(&mut pages), 0);
        assert_eq!(pages[0][0].text(), "the frst ruling stands");
    }
}
