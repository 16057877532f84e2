//! The English word list the cleaning consults to tell a word broken at a line end
//! ("presump-" / "tion") from a compound ("court-" / "ordered"): SCOWL's American English list
//! at size 70 (Debian's `wamerican-large`, lower-case words only), and a short legal
//! vocabulary of our own for terms SCOWL lacks ("unredacted", "nonmovant", "vacatur"). Both
//! are kept in `data/words/` as sorted lines and compiled in; a look-up is a binary search
//! over the text itself, so a process pays nothing to load them (`docs/hyphenation.md`).
//!
//! Knows words, nothing of documents.

/// SCOWL (size 70, American), lower-case words of two letters or more, sorted bytewise.
static ENGLISH: &str = include_str!("../../data/words/en.txt");
/// Legal terms SCOWL lacks, sorted bytewise.
static LEGAL: &str = include_str!("../../data/words/legal.txt");

/// Is `word` (lower case) an English or legal word?
pub fn is_word(word: &str) -> bool {
    contains(ENGLISH, word) || contains(LEGAL, word)
}

/// Binary search for a whole line equal to `word` in `list`, a sorted list of lines.
fn contains(list: &str, word: &str) -> bool {
    let bytes = list.as_bytes();
    let (mut lo, mut hi) = (0, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes[..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1)
            .max(lo);
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| start + p);
        match list[start..end].cmp(word) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_not_words() {
        for w in [
            "presumption",
            "proprietary",
            "establishes",
            "aa",
            "zygote",
            "unredacted",
            "vacatur",
        ] {
            assert!(is_word(w), "{w}");
        }
        for w in ["courtordered", "presump", "tion", "", "Presumption", "zzzz"] {
            assert!(!is_word(w), "{w}");
        }
    }

    #[test]
    fn the_lists_are_sorted_lower_case_lines() {
        for list in [ENGLISH, LEGAL] {
            let lines: Vec<&str> = list.lines().collect();
            assert!(
                lines.windows(2).all(|w| w[0] < w[1]),
                "sorted, no duplicates"
            );
            assert!(lines
                .iter()
                .all(|l| l.len() >= 2 && l.bytes().all(|b| b.is_ascii_lowercase())));
        }
        // Every line of each list is found by the search.
        assert!(LEGAL.lines().all(is_word));
        assert!(ENGLISH.lines().step_by(97).all(is_word));
    }
}
