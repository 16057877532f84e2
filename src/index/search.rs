//! Query the embedded index: literal queries (or tantivy's query language) plus filters, BM25
//! ranking, snippets.
//!
//! A query is read literally by default ([`Syntax::Literal`]): every word the user types is
//! required, as the index's analyser splits it (punctuation ignored, so `12(b)(6)` is the words
//! 12, b and 6, and `Plaintiff's motion` is plaintiff, s and motion), and `"quoted words"` are
//! a phrase; each word or phrase may match in any of the text fields (title, counted double,
//! body, order clauses, parties, judge, court, case numbers). A query with no word matches
//! every document (the filters then choose). With [`Syntax::Tantivy`] the query is parsed by
//! tantivy's `QueryParser` over the same fields, terms joined by AND unless the query says
//! `OR`; `field:term`, `"phrases"`, `+must -not`, `court_id:/cacd` and
//! `filed:[2020-10-01T00:00:00Z TO 2020-12-31T00:00:00Z]` work as tantivy documents them, and
//! parentheses nest at most [`MAX_DEPTH`] deep (tantivy's parser recurses on them).
//! The flags (court, case, type, judge, filed dates) are filters: they are added as required
//! clauses with a score of zero, so the ranking is the BM25 score of the query alone.
//!
//! The case filter ([`case_filter`]) reads the number it is given as `case_number` reads a
//! caption's or a stamp's ("2:17-cv-1666-KJN" → `2:17-cv-01666`) and looks it up among each
//! document's `case_number_normalized` keys, which hold every number also without its office:
//! a number given without an office finds the papers of every office; one given with an office
//! finds the papers that print that office, or print none and no other. A bare `yy-nnnnn` is
//! looked for as a court of appeals' number and as a bankruptcy court's main case; a number
//! that is no federal one ("2018-06-1735") as the words printed in `case_number`.

use super::snippet::{passage, Passage, QueryWords};
use super::{court_facet, format_day, open_existing, parse_day, Fields, IndexError};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound;
use std::path::Path;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, QueryParser,
    RangeQuery, TermQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption, Value};
use tantivy::tokenizer::TokenStream;
use tantivy::{Index, Searcher, TantivyDocument, Term};

/// The length of a snippet, in bytes (about as many characters in English).
const SNIPPET_BYTES: usize = 240;
/// Longest query, in bytes: the longest single argument Linux passes to a program (128 KB).
pub const MAX_QUERY_BYTES: usize = 128 << 10;
/// Most words and phrases a literal query holds.
pub const MAX_WORDS: usize = 256;
/// Deepest nesting of parentheses in a tantivy-syntax query.
pub const MAX_DEPTH: usize = 32;

/// How a query's text is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Syntax {
    /// Every word required, "quoted words" a phrase, nothing else special.
    #[default]
    Literal,
    /// tantivy's query language.
    Tantivy,
}

/// A search: the query and its filters.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// What to find, read as `syntax` says.
    pub query: String,
    /// How `query` is read.
    pub syntax: Syntax,
    /// Only this court (`caption.court_id`, e.g. "cand").
    pub court: Option<String>,
    /// Only the papers of this case: a number in any printed form ([`case_filter`]).
    pub case_number: Option<String>,
    /// Only documents of this type (`doc_type`, e.g. "order").
    pub doc_type: Option<String>,
    /// Only documents whose judge field has every word of this name.
    pub judge: Option<String>,
    /// Only documents filed on or after this day (YYYY-MM-DD).
    pub filed_after: Option<String>,
    /// Only documents filed on or before this day (YYYY-MM-DD).
    pub filed_before: Option<String>,
    /// At most this many hits.
    pub limit: usize,
}

/// One hit, best first.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Hit {
    /// BM25 score of the query.
    pub score: f32,
    /// `source.sha256`.
    pub id: String,
    /// `source.sha1`.
    pub sha1: Option<String>,
    pub path: String,
    /// `source.recap`: the RECAP file name's court, case, entry and attachment.
    pub recap: Option<crate::recap::Recap>,
    /// `doc_type`.
    pub doc_type: Option<String>,
    pub title: Option<String>,
    pub court_id: Option<String>,
    pub court: Option<String>,
    /// As printed.
    pub case_numbers: Vec<String>,
    pub ecf_document_number: Option<String>,
    /// YYYY-MM-DD.
    pub filed: Option<String>,
    /// YYYY-MM-DD.
    pub signed: Option<String>,
    pub judge: Option<String>,
    /// The passage of the body that best shows the match (newlines as spaces); the body's
    /// beginning when no query word is in it.
    pub snippet: String,
    /// Byte ranges of `snippet` that matched, as `[start, end)`.
    pub highlights: Vec<[usize; 2]>,
}

/// The hits of a search and the number of documents that matched in all.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// Run a search on the index in `dir`.
pub fn search(dir: &Path, req: &SearchRequest) -> Result<Results, IndexError> {
    let (index, f) = open_existing(dir)?;
    if req.query.len() > MAX_QUERY_BYTES {
        return Err(IndexError::Query(format!(
            "longer than {MAX_QUERY_BYTES} bytes"
        )));
    }
    let user_query = match req.syntax {
        _ if req.query.trim().is_empty() => Box::new(AllQuery),
        Syntax::Literal => literal(&index, &f, &req.query)?,
        Syntax::Tantivy => parse(&index, &f, &req.query)?,
    };
    let query = with_filters(&index, &f, user_query.box_clone(), req)?;
    let reader = index.reader()?;
    let searcher = reader.searcher();
    let (top, total) = searcher.search(
        &query,
        &(
            TopDocs::with_limit(req.limit.max(1)).order_by_score(),
            Count,
        ),
    )?;
    let weights = word_weights(&searcher, &*user_query, f.body)?;
    let mut words = QueryWords::new(weights, index.tokenizer_for_field(f.body)?);
    let mut hits = Vec::with_capacity(top.len());
    for (score, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        let body = doc.get_first(f.body).and_then(|v| v.as_str()).unwrap_or("");
        let passage = passage(body, &mut words, SNIPPET_BYTES);
        hits.push(hit(&doc, &f, score, passage));
    }
    Ok(Results { total, hits })
}

/// BM25's idf of each query word in `field`, ln(1 + (N − df + ½) / (df + ½)): words in
/// nearly every document weigh nearly nothing in the choice of a snippet.
fn word_weights(
    searcher: &Searcher,
    query: &dyn Query,
    field: Field,
) -> Result<BTreeMap<String, f32>, IndexError> {
    let mut terms: BTreeSet<&Term> = BTreeSet::new();
    query.query_terms(&mut |term, _| {
        if term.field() == field {
            terms.insert(term);
        }
    });
    let n = searcher.num_docs() as f32;
    let mut weights = BTreeMap::new();
    for term in terms {
        let value = term.value();
        let Some(text) = value.as_str() else {
            continue;
        };
        let df = searcher.doc_freq(term)? as f32;
        if df > 0.0 {
            weights.insert(text.to_string(), (1.0 + (n - df + 0.5) / (df + 0.5)).ln());
        }
    }
    Ok(weights)
}

/// The text fields a query's words are looked for in.
fn text_fields(f: &Fields) -> [Field; 7] {
    [
        f.title,
        f.body,
        f.clause,
        f.party,
        f.judge,
        f.court,
        f.case_number,
    ]
}

/// The deepest nesting of parentheses in `query`, outside quotes.
fn depth(query: &str) -> usize {
    let (mut now, mut most, mut quoted) = (0usize, 0usize, false);
    for c in query.chars() {
        match c {
            '"' => quoted = !quoted,
            '(' if !quoted => {
                now += 1;
                most = most.max(now);
            }
            ')' if !quoted => now = now.saturating_sub(1),
            _ => {}
        }
    }
    most
}

/// A literal query: each word (as the index's analysers split it) and each "quoted phrase" is
/// required, in any text field; no word at all matches every document.
fn literal(index: &Index, f: &Fields, query: &str) -> Result<Box<dyn Query>, IndexError> {
    // Text between quotes is a phrase; an unclosed quote runs to the end.
    let parts: Vec<(bool, &str)> = query
        .split('"')
        .enumerate()
        .map(|(i, part)| (i % 2 == 1, part))
        .collect();
    let fields = text_fields(f);
    let mut analyzers = Vec::with_capacity(fields.len());
    for &field in &fields {
        analyzers.push((field, index.tokenizer_for_field(field)?));
    }
    let mut splitter =
        tantivy::tokenizer::TextAnalyzer::from(tantivy::tokenizer::SimpleTokenizer::default());
    let mut required: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut add = |alternatives: Vec<(Occur, Box<dyn Query>)>| -> Result<(), IndexError> {
        if alternatives.is_empty() {
            // No field keeps this word (too long to index): it was dropped from every
            // document too, so it cannot be asked for.
            return Ok(());
        }
        if required.len() == MAX_WORDS {
            return Err(IndexError::Query(format!(
                "more than {MAX_WORDS} words; use fewer"
            )));
        }
        required.push((Occur::Must, Box::new(BooleanQuery::new(alternatives))));
        Ok(())
    };
    for (phrase, text) in parts {
        let mut pieces: Vec<String> = Vec::new();
        if phrase {
            pieces.push(text.to_string());
        } else {
            let mut stream = splitter.token_stream(text);
            while stream.advance() {
                pieces.push(stream.token().text.clone());
            }
        }
        for piece in pieces {
            let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for (field, analyzer) in analyzers.iter_mut() {
                let mut terms: Vec<(usize, Term)> = Vec::new();
                let mut stream = analyzer.token_stream(&piece);
                while stream.advance() {
                    let t = stream.token();
                    terms.push((t.position, Term::from_field_text(*field, &t.text)));
                }
                let q: Box<dyn Query> = match terms.len() {
                    0 => continue,
                    1 => Box::new(TermQuery::new(
                        terms.remove(0).1,
                        IndexRecordOption::WithFreqs,
                    )),
                    _ => Box::new(PhraseQuery::new_with_offset(terms)),
                };
                let q: Box<dyn Query> = if *field == f.title {
                    Box::new(BoostQuery::new(q, 2.0))
                } else {
                    q
                };
                alternatives.push((Occur::Should, q));
            }
            add(alternatives)?;
        }
    }
    if required.is_empty() {
        return Ok(Box::new(AllQuery));
    }
    Ok(Box::new(BooleanQuery::new(required)))
}

/// Parse the user's query in tantivy's language over the text fields, AND by default, titles
/// weighing double.
fn parse(index: &Index, f: &Fields, query: &str) -> Result<Box<dyn Query>, IndexError> {
    if depth(query) > MAX_DEPTH {
        return Err(IndexError::Query(format!(
            "parentheses nest more than {MAX_DEPTH} deep"
        )));
    }
    let mut parser = QueryParser::for_index(index, text_fields(f).to_vec());
    parser.set_conjunction_by_default();
    parser.set_field_boost(f.title, 2.0);
    Ok(parser.parse_query(query)?)
}

/// The query with the request's filters as required, zero-score clauses.
fn with_filters(
    index: &Index,
    f: &Fields,
    query: Box<dyn Query>,
    req: &SearchRequest,
) -> Result<BooleanQuery, IndexError> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
    let mut filter = |q: Box<dyn Query>| {
        clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0))));
    };
    if let Some(court) = &req.court {
        let term = Term::from_facet(f.court_id, &court_facet(court));
        filter(Box::new(TermQuery::new(term, IndexRecordOption::Basic)));
    }
    if let Some(case) = &req.case_number {
        filter(case_filter(index, f, case)?);
    }
    if let Some(doc_type) = &req.doc_type {
        let term = Term::from_field_text(f.doc_type, doc_type.trim());
        filter(Box::new(TermQuery::new(term, IndexRecordOption::Basic)));
    }
    if let Some(judge) = &req.judge {
        let mut analyzer = index.tokenizer_for_field(f.judge)?;
        let mut stream = analyzer.token_stream(judge);
        let mut words: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        while stream.advance() {
            let term = Term::from_field_text(f.judge, &stream.token().text);
            words.push((
                Occur::Must,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            ));
        }
        filter(Box::new(BooleanQuery::new(words)));
    }
    let day = |s: &Option<String>| -> Result<Bound<Term>, IndexError> {
        match s {
            None => Ok(Bound::Unbounded),
            Some(s) => {
                let date = parse_day(s.trim()).ok_or_else(|| IndexError::Date(s.clone()))?;
                Ok(Bound::Included(Term::from_field_date_for_search(
                    f.filed, date,
                )))
            }
        }
    };
    let (after, before) = (day(&req.filed_after)?, day(&req.filed_before)?);
    if !matches!((&after, &before), (Bound::Unbounded, Bound::Unbounded)) {
        filter(Box::new(RangeQuery::new(after, before)));
    }
    Ok(BooleanQuery::new(clauses))
}

/// The normalized keys (as `case_number_normalized` holds them) of a case number given in any
/// printed form, judges' initials left off, each with its office digit if it has one. A bare
/// `yy-nnnnn` gives two: a court of appeals' number and a bankruptcy court's main case.
pub fn case_query_keys(printed: &str) -> Vec<String> {
    use crate::case_number::{find, normalize, Court};
    let printed = printed.trim();
    let found = find(printed);
    let mut candidates: Vec<(&str, Option<&str>)> =
        found.iter().map(|p| (p.text.as_str(), p.label)).collect();
    candidates.push((printed, None));
    let mut keys = Vec::new();
    for (text, label) in candidates {
        for court in [Court::District, Court::Bankruptcy, Court::Appellate] {
            if let Some(k) = normalize(text, label, court) {
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
        }
        if !keys.is_empty() {
            break;
        }
    }
    keys
}

/// The `--case` filter: the documents that hold one of [`case_query_keys`] of `printed`. A key
/// with an office (`2:17-cv-01666`) matches a document with that key, or with the key without
/// the office (`17-cv-01666`, printed so) and no other office's; a key without one matches any
/// office's. A number with no key is looked for as the words of `case_number`.
fn case_filter(index: &Index, f: &Fields, printed: &str) -> Result<Box<dyn Query>, IndexError> {
    use crate::case_number::without_office;
    let term = |key: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(f.case_number_normalized, key),
            IndexRecordOption::Basic,
        ))
    };
    let keys = case_query_keys(printed);
    if keys.is_empty() {
        let mut analyzer = index.tokenizer_for_field(f.case_number)?;
        let mut stream = analyzer.token_stream(printed);
        let mut terms: Vec<(usize, Term)> = Vec::new();
        while stream.advance() {
            let t = stream.token();
            terms.push((t.position, Term::from_field_text(f.case_number, &t.text)));
        }
        return match terms.len() {
            0 => Err(IndexError::Query(format!(
                "--case {printed:?}: no case number in it"
            ))),
            1 => Ok(Box::new(TermQuery::new(
                terms.remove(0).1,
                IndexRecordOption::Basic,
            ))),
            _ => Ok(Box::new(PhraseQuery::new_with_offset(terms))),
        };
    }
    let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for key in &keys {
        let bare = without_office(key);
        if bare == key {
            any.push((Occur::Should, term(key)));
            continue;
        }
        any.push((Occur::Should, term(key)));
        // Printed without an office, and with no other office anywhere in the document.
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, term(bare))];
        for office in (0..=9).map(|n: u8| format!("{n}:{bare}")) {
            if office != *key {
                clauses.push((Occur::MustNot, term(&office)));
            }
        }
        any.push((Occur::Should, Box::new(BooleanQuery::new(clauses))));
    }
    Ok(Box::new(BooleanQuery::new(any)))
}

/// A stored document as a [`Hit`].
fn hit(doc: &TantivyDocument, f: &Fields, score: f32, passage: Passage) -> Hit {
    let first = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let day = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_datetime())
            .map(format_day)
    };
    Hit {
        score,
        id: first(f.id).unwrap_or_default(),
        sha1: first(f.sha1),
        path: first(f.path).unwrap_or_default(),
        recap: (|| {
            Some(crate::recap::Recap {
                court_id: first(f.recap_court_id)?,
                pacer_case_id: first(f.recap_pacer_case_id)?,
                document_number: first(f.recap_document_number)?,
                attachment_number: first(f.recap_attachment_number)?.parse().ok()?,
            })
        })(),
        doc_type: first(f.doc_type),
        title: first(f.title),
        court_id: doc
            .get_first(f.court_id)
            .and_then(|v| v.as_facet())
            .and_then(|encoded| Facet::from_encoded(encoded.as_bytes().to_vec()).ok())
            .map(|facet| facet.to_path().join("/")),
        court: first(f.court),
        case_numbers: doc
            .get_all(f.case_number)
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        ecf_document_number: first(f.ecf_document_number),
        filed: day(f.filed),
        signed: day(f.signed),
        judge: first(f.judge),
        // Same byte length, so the highlight ranges stay right.
        snippet: passage.text.replace(['\n', '\r', '\t'], " "),
        highlights: passage.highlights,
    }
}

/// The snippet with each highlight between `open` and `close` (e.g. `**` and `**`, or ANSI).
pub fn mark(hit: &Hit, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(hit.snippet.len() + 8 * hit.highlights.len());
    let mut at = 0;
    for &[start, end] in &hit.highlights {
        let (Some(before), Some(word)) = (hit.snippet.get(at..start), hit.snippet.get(start..end))
        else {
            continue;
        };
        out.push_str(before);
        out.push_str(open);
        out.push_str(word);
        out.push_str(close);
        at = end;
    }
    out.push_str(hit.snippet.get(at..).unwrap_or_default());
    out
}

/// A hit as a few lines of plain text: rank and title, then court, case, date, judge, then the
/// path, then the marked snippet.
pub fn format_hit(rank: usize, hit: &Hit, open: &str, close: &str) -> String {
    let title = hit.title.as_deref().unwrap_or("(no title)");
    let mut facts: Vec<String> = hit.doc_type.iter().chain(&hit.court_id).cloned().collect();
    if let Some(case) = hit.case_numbers.first() {
        facts.push(case.clone());
    }
    if let Some(filed) = &hit.filed {
        facts.push(format!("filed {filed}"));
    }
    if let Some(judge) = &hit.judge {
        facts.push(judge.clone());
    }
    let mut out = format!("{rank}. {title}  [{:.2}]\n", hit.score);
    if !facts.is_empty() {
        out.push_str(&format!("   {}\n", facts.join(" · ")));
    }
    out.push_str(&format!("   {}\n", hit.path));
    if !hit.snippet.is_empty() {
        out.push_str(&format!("   {}\n", mark(hit, open, close)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_parentheses_outside_quotes() {
        assert_eq!(depth("a (b (c)) d"), 2);
        assert_eq!(depth("\"((((\" a"), 0);
        assert_eq!(depth(&"(".repeat(60_000)), 60_000);
        assert_eq!(depth("a) ) (b"), 1);
    }

    #[test]
    fn a_case_number_in_any_printed_form_gives_its_keys() {
        let check = |printed: &str, want: &[&str]| {
            assert_eq!(case_query_keys(printed), want, "{printed}");
        };
        check("2:17-cv-1666", &["2:17-cv-01666"]);
        check("2:17-cv-01666-KJN", &["2:17-cv-01666"]);
        check("17-cv-1666", &["17-cv-01666"]);
        check("  Case No. 2:17-cv-01666-KJN (JEMx) ", &["2:17-cv-01666"]);
        check("CV 17-1666", &["17-cv-01666"]);
        check("19-1234", &["19-bk-01234", "19-01234"]);
        check("2018-06-1735", &[]);
        check("", &[]);
    }

    #[test]
    fn marks_wrap_each_highlight() {
        let hit = Hit {
            score: 1.0,
            id: String::new(),
            sha1: None,
            path: String::new(),
            recap: None,
            doc_type: None,
            title: None,
            court_id: None,
            court: None,
            case_numbers: vec![],
            ecf_document_number: None,
            filed: None,
            signed: None,
            judge: None,
            snippet: "the court seals the seal".to_string(),
            highlights: vec![[10, 15], [20, 24]],
        };
        assert_eq!(mark(&hit, "**", "**"), "the court **seals** the **seal**");
    }
}
