//! Choose the passage of a body that best shows why it matched, and where the query words are.
//!
//! tantivy's `SnippetGenerator` scores a fragment by summing the weights of every matched word
//! in it, so a passage repeating "the", "to" and "information" outscores the one passage that
//! holds the phrase searched for. Here a window scores the sum of the weights of the distinct
//! query words it holds (each counted once), weights being BM25's idf, so the passage where
//! most of the query (and its rarest words) comes together wins. Pure: text in, passage out.

use std::collections::{BTreeMap, HashMap};
use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer, TokenStream};

/// A passage and the byte ranges in it of the query words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Passage {
    pub text: String,
    pub highlights: Vec<[usize; 2]>,
}

/// The query words with their weights, and a memo of which words of a text are query words.
/// A text is split and lower-cased (cheap), and each distinct word then goes once through the
/// field's analyser (the stemmer is the costly part: stemming every word of every hit's body
/// was 80% of a search), memoised across the documents of one search.
pub struct QueryWords {
    /// (word as indexed, weight).
    words: Vec<(String, f32)>,
    analyzer: TextAnalyzer,
    splitter: TextAnalyzer,
    memo: HashMap<String, Option<usize>>,
}

impl QueryWords {
    /// `weights` maps each query word, as `analyzer` indexes it (lower case, stemmed), to its
    /// weight. `analyzer` must split text as tantivy's `SimpleTokenizer` does (the `default`
    /// and `en_stem` analysers do).
    pub fn new(weights: BTreeMap<String, f32>, analyzer: TextAnalyzer) -> QueryWords {
        QueryWords {
            words: weights.into_iter().collect(),
            analyzer,
            splitter: TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .build(),
            memo: HashMap::new(),
        }
    }

    /// The query word a lower-cased word of the text stands for, by index.
    fn lookup(&mut self, word: &str) -> Option<usize> {
        if let Some(&found) = self.memo.get(word) {
            return found;
        }
        let mut stream = self.analyzer.token_stream(word);
        let found = if stream.advance() {
            let indexed = stream.token().text.as_str();
            self.words.iter().position(|(w, _)| w == indexed)
        } else {
            None
        };
        self.memo.insert(word.to_string(), found);
        found
    }
}

/// The best passage of at most about `max_bytes` of `text`. With no query word in the text,
/// the passage is the text's beginning, without highlights.
pub fn passage(text: &str, query: &mut QueryWords, max_bytes: usize) -> Passage {
    // (start, end, query word) of each occurrence of a query word, in text order.
    let mut hits: Vec<(usize, usize, usize)> = Vec::new();
    let mut stream = query.splitter.token_stream(text);
    let mut words = Vec::new();
    while stream.advance() {
        let token = stream.token();
        words.push((token.offset_from, token.offset_to, token.text.clone()));
    }
    drop(stream);
    for (from, to, word) in words {
        if let Some(w) = query.lookup(&word) {
            hits.push((from, to, w));
        }
    }
    let weights = &query.words;
    let (mut best, mut best_score) = ((0, 0), 0.0f32);
    for i in 0..hits.len() {
        let mut seen: Vec<usize> = Vec::new();
        let mut score = 0.0;
        for j in i..hits.len() {
            if hits[j].1 - hits[i].0 > max_bytes {
                break;
            }
            if !seen.contains(&hits[j].2) {
                seen.push(hits[j].2);
                score += weights[hits[j].2].1;
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

    fn check(text: &str, words: &[(&str, f32)], max: usize, expected: &str) {
        let weights = words.iter().map(|(w, s)| (w.to_string(), *s)).collect();
        let analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(tantivy::tokenizer::Stemmer::default())
            .build();
        let p = passage(text, &mut QueryWords::new(weights, analyzer), max);
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
        // Words are matched as the analyser indexes them: "Cats" is "cat".
        check("Two Cats.", &[("cat", 1.0)], 100, "Two [Cats].");
        check(text, &[("the", 0.1), ("cat", 0.5)], 12, "[the] [cat] and");
    }

    #[test]
    fn no_query_word_gives_the_beginning() {
        check("Αβγ δεζ ηθι κλμ", &[("x", 1.0)], 8, "Αβγ");
        check("short", &[], 100, "short");
        check("", &[("x", 1.0)], 100, "");
    }
}
