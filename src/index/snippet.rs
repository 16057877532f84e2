//! Choose the passage of a body that best shows why it matched, and where the query words are.
//!
//! tantivy's `SnippetGenerator` scores a fragment by summing the weights of every matched word
//! in it, so a passage repeating "the", "to" and "information" outscores the one passage that
//! holds the phrase searched for. Here a window scores the sum of the weights of the distinct
//! query words it holds (each counted once), weights being BM25's idf, so the passage where
//! most of the query (and its rarest words) comes together wins. Pure: text in, passage out.

use std::collections::BTreeMap;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

/// A passage and the byte ranges in it of the query words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Passage {
    pub text: String,
    pub highlights: Vec<[usize; 2]>,
}

/// The best passage of at most about `max_bytes` of `text`. `weights` maps each query word,
/// as `analyzer` indexes it (lower case, stemmed), to its weight. With no query word in the
/// text, the passage is the text's beginning, without highlights.
pub fn passage(
    text: &str,
    weights: &BTreeMap<String, f32>,
    analyzer: &mut TextAnalyzer,
    max_bytes: usize,
) -> Passage {
    // (start, end, word) of each occurrence of a query word, in text order.
    let mut hits: Vec<(usize, usize, &str)> = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let token = stream.token();
        if let Some((word, _)) = weights.get_key_value(token.text.as_str()) {
            hits.push((token.offset_from, token.offset_to, word.as_str()));
        }
    }
    let (mut best, mut best_score) = ((0, 0), 0.0f32);
    for i in 0..hits.len() {
        let mut seen: Vec<&str> = Vec::new();
        let mut score = 0.0;
        for j in i..hits.len() {
            if hits[j].1 - hits[i].0 > max_bytes {
                break;
            }
            if !seen.contains(&hits[j].2) {
                seen.push(hits[j].2);
                score += weights[hits[j].2];
            }
            // Ties go to the narrower window: the words closer together.
            let narrower = hits[j].1 - hits[i].0 < hits[best.1].1 - hits[best.0].0;
            if score > best_score || (score == best_score && narrower) {
                (best, best_score) = ((i, j), score);
            }
        }
    }
    let (from, to) = if hits.is_empty() {
        (0, 0)
    } else {
        (hits[best.0].0, hits[best.1].1)
    };
    // Context around the words found, split evenly (more on one side at an end of the text),
    // then cut at spaces.
    let extra = max_bytes.saturating_sub(to - from);
    let mut start = from - (extra / 2).min(from);
    let mut end = (start + max_bytes).max(to).min(text.len());
    start = start.min(end.saturating_sub(max_bytes).min(from));
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let space_before = |at: usize| text[..at].ends_with(char::is_whitespace);
    if start > 0 && !space_before(start) {
        if let Some(space) = text[start..from].find(char::is_whitespace) {
            start += space + 1;
        }
    }
    if end < text.len() && !text[end..].starts_with(char::is_whitespace) {
        if let Some(space) = text[to..end].rfind(char::is_whitespace) {
            end = to + space;
        }
    }
    let highlights = hits
        .iter()
        .filter(|h| h.0 >= start && h.1 <= end)
        .map(|h| [h.0 - start, h.1 - start])
        .collect();
    Passage {
        text: text[start..end].to_string(),
        highlights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer};

    fn check(text: &str, words: &[(&str, f32)], max: usize, expected: &str) {
        let weights = words.iter().map(|(w, s)| (w.to_string(), *s)).collect();
        let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .build();
        let p = passage(text, &weights, &mut analyzer, max);
        let mut marked = String::new();
        let mut at = 0;
        for [s, e] in &p.highlights {
            marked.push_str(&p.text[at..*s]);
            marked.push('[');
            marked.push_str(&p.text[*s..*e]);
            marked.push(']');
            at = *e;
        }
        marked.push_str(&p.text[at..]);
        assert_eq!(marked, expected);
    }

    #[test]
    fn the_rare_word_with_its_phrase_beats_repeated_common_words() {
        let text = "the cat and the dog and the cat sat. Later, much later, the rare cat spoke.";
        check(
            text,
            &[("the", 0.1), ("cat", 0.5), ("rare", 3.0)],
            26,
            "later, [the] [rare] [cat] spoke.",
        );
        check(text, &[("the", 0.1), ("cat", 0.5)], 12, "[the] [cat] and");
    }

    #[test]
    fn no_query_word_gives_the_beginning() {
        check("Αβγ δεζ ηθι κλμ", &[("x", 1.0)], 8, "Αβγ");
        check("short", &[], 100, "short");
        check("", &[("x", 1.0)], 100, "");
    }
}
