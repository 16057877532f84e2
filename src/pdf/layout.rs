//! Glyphs to words to lines: pure geometry, no PDF engine.
//!
//! Lines are clusters of glyphs on one baseline (superscripts folded into the line they sit
//! on); words are split at space glyphs and at gaps wider than a fraction of the font size,
//! because some producers draw no space glyphs at all (the word gap is kerning).

use serde::{Deserialize, Serialize};

/// A glyph in display space: origin on the baseline, advance along x.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// The character (ligatures already decomposed; raw codes in the private-use block).
    pub ch: char,
    /// Left edge of the glyph origin, points from the left.
    pub x: f64,
    /// Baseline, points from the top.
    pub y: f64,
    /// Font size in points.
    pub size: f64,
    /// Advance width in points.
    pub adv: f64,
}

/// An axis-aligned box in display space.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BBox {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

impl BBox {
    /// Grow to cover `o` too.
    pub fn union(&mut self, o: &BBox) {
        self.x0 = self.x0.min(o.x0);
        self.y0 = self.y0.min(o.y0);
        self.x1 = self.x1.max(o.x1);
        self.y1 = self.y1.max(o.y1);
    }
}

/// A word: glyphs with no gap between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// The text.
    pub text: String,
    /// Its box (ascent to descent, estimated from the font size).
    pub bbox: BBox,
    /// Font size in points.
    pub size: f64,
    /// Set on a raised, smaller word folded into the line below it (a footnote mark).
    pub sup: bool,
}

/// A line: words on one baseline, left to right.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Words left to right.
    pub words: Vec<Word>,
    /// Union of the word boxes.
    pub bbox: BBox,
    /// Baseline, points from the top.
    pub baseline: f64,
    /// The dominant font size (of the most characters).
    pub size: f64,
}

impl Line {
    /// The words joined by single spaces.
    pub fn text(&self) -> String {
        let mut s = String::with_capacity(self.words.iter().map(|w| w.text.len() + 1).sum());
        for (i, w) in self.words.iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(&w.text);
        }
        s
    }

    /// Build a line from words (sorted left to right by the caller).
    pub fn from_words(words: Vec<Word>) -> Line {
        let mut bbox = words.first().map(|w| w.bbox).unwrap_or(BBox {
            x0: 0.0,
            y0: 0.0,
            x1: 0.0,
            y1: 0.0,
        });
        let mut weight: Vec<(f64, usize)> = Vec::new();
        for w in &words {
            bbox.union(&w.bbox);
            if w.sup {
                continue;
            }
            let n = w.text.chars().count();
            match weight.iter_mut().find(|(s, _)| (s - w.size).abs() < 0.25) {
                Some(e) => e.1 += n,
                None => weight.push((w.size, n)),
            }
        }
        let size = weight
            .iter()
            .max_by_key(|e| e.1)
            .map(|e| e.0)
            .unwrap_or(0.0);
        let baseline = words
            .iter()
            .filter(|w| !w.sup)
            .map(|w| w.bbox.y1 - 0.2 * w.size)
            .fold(f64::MIN, f64::max);
        let baseline = if baseline == f64::MIN {
            bbox.y1
        } else {
            baseline
        };
        Line {
            words,
            bbox,
            baseline,
            size,
        }
    }
}

/// Push `c`, decomposing the Latin ligatures U+FB00–FB06 into plain letters.
pub fn push_char(out: &mut Vec<char>, c: char) {
    let s: &[char] = match c {
        '\u{FB00}' => &['f', 'f'],
        '\u{FB01}' => &['f', 'i'],
        '\u{FB02}' => &['f', 'l'],
        '\u{FB03}' => &['f', 'f', 'i'],
        '\u{FB04}' => &['f', 'f', 'l'],
        '\u{FB05}' | '\u{FB06}' => &['s', 't'],
        '\0' => &[],
        _ => {
            out.push(c);
            return;
        }
    };
    out.extend_from_slice(s);
}

/// Group a page's upright glyphs into lines, top to bottom, words left to right.
pub fn build_lines(mut glyphs: Vec<Glyph>) -> Vec<Line> {
    glyphs.retain(|g| g.ch != '\u{FFFF}');
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // 1. Cluster by baseline. Sorted by y, each cluster is a run of the glyphs: keep where
    //    each starts.
    let mut starts: Vec<usize> = Vec::new();
    let mut base = f64::MIN;
    let mut size = 0.0f64;
    for (i, g) in glyphs.iter().enumerate() {
        let tol = 0.3 * size.max(g.size).max(1.0);
        if !starts.is_empty() && (g.y - base).abs() <= tol {
            if g.size > size {
                size = g.size;
                base = g.y;
            }
        } else {
            base = g.y;
            size = g.size;
            starts.push(i);
        }
    }
    let ends = starts.iter().skip(1).copied().chain([glyphs.len()]);
    let clusters: Vec<(usize, usize)> = starts.iter().copied().zip(ends).collect();
    // 2. Fold superscripts (smaller, raised a little) into the line below them: a superscript
    //    cluster runs straight into the next one, so the line is the two runs together.
    let mut lines = Vec::with_capacity(clusters.len());
    let mut sup_from: Option<usize> = None;
    let mut scratch = Scratch::default();
    for (k, &(from, to)) in clusters.iter().enumerate() {
        let next = clusters.get(k + 1).map(|&(a, b)| &glyphs[a..b]);
        if next.is_some_and(|next| is_superscript_of(&glyphs[from..to], next)) {
            sup_from.get_or_insert(from);
            continue;
        }
        let line_from = from;
        let from = sup_from.take().unwrap_or(from);
        let line = words_of_line(&mut glyphs[from..to], line_from - from, &mut scratch);
        if !line.words.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// The text of one run of glyphs, laid out as lines and joined by spaces.
pub fn run_text(glyphs: &[Glyph]) -> String {
    build_lines(glyphs.to_vec())
        .iter()
        .map(Line::text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Fold a line made only of small raised marks (a footnote number, an ordinal's "th" left
/// alone once a margin line number on its baseline was removed) into the line just below it,
/// as marks.
pub fn fold_marks(lines: &mut Vec<Line>) {
    let mut i = 0;
    while i + 1 < lines.len() {
        let (a, b) = (&lines[i], &lines[i + 1]);
        let small = a.words.iter().all(|w| {
            w.size < 0.85 * b.size
                && !w.text.is_empty()
                && (w.text.chars().all(|c| c.is_ascii_digit() || c == '*')
                    || matches!(w.text.as_str(), "th" | "st" | "nd" | "rd" | "d"))
        });
        let above = b.baseline - a.baseline > 0.0 && b.baseline - a.baseline < 0.6 * b.size;
        // A mark touches the words it is raised on, at either end.
        let reach = 0.6 * b.size;
        let touches = a.bbox.x1 >= b.bbox.x0 - reach && a.bbox.x0 <= b.bbox.x1 + reach;
        if small && above && touches && a.words.len() <= 2 {
            let mut words: Vec<Word> = lines.remove(i).words;
            words.iter_mut().for_each(|w| w.sup = true);
            words.extend(std::mem::take(&mut lines[i].words));
            words.sort_by(|x, y| x.bbox.x0.total_cmp(&y.bbox.x0));
            // An ordinal's suffix belongs to its number ("5" + raised "th" is "5th").
            let mut merged: Vec<Word> = Vec::with_capacity(words.len());
            for w in words {
                let ordinal = w.sup && matches!(w.text.as_str(), "th" | "st" | "nd" | "rd" | "d");
                match merged.last_mut() {
                    Some(prev)
                        if ordinal
                            && prev.text.ends_with(|c: char| c.is_ascii_digit())
                            && w.bbox.x0 - prev.bbox.x1 < 0.5 * prev.size.max(1.0) =>
                    {
                        prev.text.push_str(&w.text);
                        prev.bbox.union(&w.bbox);
                    }
                    _ => merged.push(w),
                }
            }
            lines[i] = Line::from_words(merged);
        } else {
            i += 1;
        }
    }
}

/// Does `next` carry on an ordinal begun in `word` ("4" + "t", "4t" + "h", "22" + "n")?
fn ordinal_goes_on(word: &[Glyph], next: char) -> bool {
    let digits = word.iter().take_while(|g| g.ch.is_ascii_digit()).count();
    if digits == 0 || digits > 2 {
        return false;
    }
    let suffix: String = word[digits..]
        .iter()
        .map(|g| g.ch)
        .chain(std::iter::once(next))
        .collect::<String>()
        .to_lowercase();
    ["st", "nd", "rd", "th"]
        .iter()
        .any(|o| o.starts_with(suffix.as_str()))
}

fn max_size(c: &[Glyph]) -> f64 {
    c.iter().map(|g| g.size).fold(0.0, f64::max)
}

/// A cluster is a superscript of the next when it is all small glyphs sitting less than half
/// the next line's size above its baseline, and it is short (footnote marks, "th", "st").
fn is_superscript_of(c: &[Glyph], next: &[Glyph]) -> bool {
    let (s, ns) = (max_size(c), max_size(next));
    let (y, ny) = (c[0].y, next[0].y);
    if !(c.len() <= 6 && s < 0.85 * ns && ny - y > 0.0 && ny - y < 0.55 * ns) {
        return false;
    }
    // A mark touches the text it belongs to; a margin line number stands well apart.
    let extent = |g: &[Glyph]| {
        g.iter().fold((f64::MAX, f64::MIN), |(a, b), g| {
            (a.min(g.x), b.max(g.x + g.adv))
        })
    };
    let ((sx0, sx1), (nx0, nx1)) = (extent(c), extent(next));
    sx1 >= nx0 - 0.5 * ns && sx0 <= nx1 + 0.5 * ns
}

/// The upper median of `values` (the middle one, or the higher of the two), with `buf` as
/// working space; `None` when there are none.
fn median(buf: &mut Vec<f64>, values: impl Iterator<Item = f64>) -> Option<f64> {
    buf.clear();
    buf.extend(values);
    let mid = buf.len() / 2;
    (!buf.is_empty()).then(|| *buf.select_nth_unstable_by(mid, f64::total_cmp).1)
}

/// Buffers `words_of_line` reuses from line to line (growing a fresh vector for every line and
/// word was a tenth of the layout's cost).
#[derive(Default)]
struct Scratch {
    values: Vec<f64>,
    words: Vec<Word>,
    word: Vec<Glyph>,
}

/// The words of one line's glyphs, the first `sup_len` of them folded superscripts (sorted
/// here left to right).
fn words_of_line(glyphs: &mut [Glyph], sup_len: usize, scratch: &mut Scratch) -> Line {
    let has_sup = sup_len > 0;
    // Left to right; the line's own glyphs before its superscripts' where x ties.
    glyphs.rotate_left(sup_len);
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    let glyphs: &[Glyph] = glyphs;
    let line_size = median(&mut scratch.values, glyphs.iter().map(|g| g.size)).unwrap_or(0.0);
    let full_size = glyphs.iter().filter(|g| g.size >= 0.85 * line_size);
    let line_base = median(&mut scratch.values, full_size.map(|g| g.y)).unwrap_or(glyphs[0].y);
    let Scratch {
        words, word: cur, ..
    } = scratch;
    words.clear();
    cur.clear();
    let flush = |cur: &mut Vec<Glyph>, words: &mut Vec<Word>| {
        if cur.is_empty() {
            return;
        }
        let mut text = String::with_capacity(cur.len());
        text.extend(cur.iter().map(|g| g.ch));
        let size = max_size(cur);
        let base = cur.iter().map(|g| g.y).fold(f64::MIN, f64::max);
        let last = cur[cur.len() - 1];
        let bbox = BBox {
            x0: cur[0].x,
            y0: base - 0.8 * size,
            x1: last.x + last.adv,
            y1: base + 0.2 * size,
        };
        // A raised, smaller word is a mark (footnote reference), whether it was folded from a
        // line of its own or drawn on this baseline.
        let raised = line_base - base > 0.15 * line_size;
        let sup = size < 0.85 * line_size && (has_sup || raised);
        words.push(Word {
            text,
            bbox,
            size,
            sup,
        });
        cur.clear();
    };
    // A space between two digits that takes no room ("December 20 18" drawn as "2018") joins
    // them, and so does one that takes none at all inside an ordinal (a form's blank filled
    // glyph by glyph: "4 t h" drawn as "4th"): it is decided at the next glyph, by the gap the
    // eye sees.
    let mut spaced = false;
    for &g in glyphs {
        if g.ch.is_whitespace() {
            spaced = true;
            continue;
        }
        if std::mem::take(&mut spaced) {
            let tight = cur.last().is_some_and(|prev| {
                let gap = g.x - (prev.x + prev.adv);
                let size = prev.size.max(g.size);
                (prev.ch.is_ascii_digit() && g.ch.is_ascii_digit() && gap < 0.2 * size)
                    || (gap < 0.03 * size && ordinal_goes_on(cur, g.ch))
            });
            if !tight {
                flush(cur, words);
            }
        }
        if let Some(prev) = cur.last() {
            // Overprinted duplicates (fake bold, "ghost" stamps) are drawn once.
            if cur
                .iter()
                .rev()
                .take(4)
                .any(|p| p.ch == g.ch && (p.x - g.x).abs() < 0.15 * g.size)
            {
                continue;
            }
            let gap = g.x - (prev.x + prev.adv);
            let big = prev.size.max(g.size);
            let size_change = (g.size - prev.size).abs() > 0.15 * big;
            let shifted = (g.y - prev.y).abs() > 0.12 * big;
            // A size change alone does not end a word: small caps ("P ER CURIAM") change size
            // on one baseline with no gap.
            // Digits set with letter spacing ("2 3 , 2020", "0 0173") stay one number.
            let digits = prev.ch.is_ascii_digit() && (g.ch.is_ascii_digit() || g.ch == ',');
            let limit = if digits { 0.25 } else { 0.12 };
            if gap > limit * big || (size_change && (gap > 0.08 * big || shifted)) {
                flush(cur, words);
            }
        } else if let Some(pw) = words.last() {
            if pw.text.ends_with(g.ch) && (pw.bbox.x1 - g.adv - g.x).abs() < 0.15 * g.size {
                continue;
            }
        }
        cur.push(g);
    }
    flush(cur, words);
    // Moved out at their exact number; the buffer stays for the next line.
    let mut line_words = Vec::with_capacity(words.len());
    line_words.append(words);
    Line::from_words(line_words)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lay out `text` as glyphs of `size` points starting at (x, y), with `gap` points between
    /// words and no space glyphs (as pdfLaTeX draws them) when `spaces` is false.
    fn run(text: &str, x: f64, y: f64, size: f64, gap: f64, spaces: bool) -> Vec<Glyph> {
        let adv = 0.5 * size;
        let mut out = Vec::new();
        let mut cx = x;
        for ch in text.chars() {
            if ch == ' ' {
                if spaces {
                    out.push(Glyph {
                        ch,
                        x: cx,
                        y,
                        size,
                        adv: 0.25 * size,
                    });
                }
                cx += gap;
                continue;
            }
            out.push(Glyph {
                ch,
                x: cx,
                y,
                size,
                adv,
            });
            cx += adv;
        }
        out
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    #[test]
    fn words_from_kerning_gaps_without_space_glyphs() {
        // pdfLaTeX: inter-word gap about a third of an em, no space glyph.
        let lines = build_lines(run("the Court finds", 72.0, 100.0, 12.0, 4.0, false));
        assert_eq!(texts(&lines), ["the Court finds"]);
    }

    #[test]
    fn an_ordinal_filled_in_glyph_by_glyph_is_one_word() {
        // A form's blank filled as "4 t h" with spaces that take no room: the eye reads 4th.
        let mut glyphs = run("DATED this", 72.0, 100.0, 12.0, 4.0, true);
        glyphs.extend(run("4 t h", 140.0, 100.0, 12.0, 0.0, true));
        glyphs.extend(run("day of June", 170.0, 100.0, 12.0, 4.0, true));
        assert_eq!(texts(&build_lines(glyphs)), ["DATED this 4th day of June"]);
        // Words set as tight as that stay words: only an ordinal joins.
        let glyphs = run("of Action 10. Plaintiff", 72.0, 100.0, 12.0, 0.0, true);
        assert_eq!(texts(&build_lines(glyphs)), ["of Action 10. Plaintiff"]);
    }

    #[test]
    fn a_space_that_takes_no_room_between_digits_joins_them() {
        // "December 20 18" drawn with a zero-width space: the eye reads 2018.
        assert_eq!(
            texts(&build_lines(run(
                "December 20 18 and",
                72.0,
                100.0,
                12.0,
                0.5,
                true
            ))),
            ["December 2018 and"]
        );
        // A real gap between numbers stays a gap ("pages 5 6").
        assert_eq!(
            texts(&build_lines(run("pages 5 6", 72.0, 100.0, 12.0, 3.0, true))),
            ["pages 5 6"]
        );
    }

    #[test]
    fn a_raised_ordinal_left_alone_joins_its_number() {
        // "505, 5th Floor" with "th" raised on a line of its own once a margin number went.
        let mark = Line::from_words(vec![Word {
            text: "th".into(),
            bbox: BBox {
                x0: 140.0,
                y0: 582.0,
                x1: 148.0,
                y1: 590.0,
            },
            size: 8.5,
            sup: false,
        }]);
        let words = ["505,", "5", "Floor,"]
            .iter()
            .zip([108.0, 134.0, 151.0])
            .map(|(t, x)| Word {
                text: t.to_string(),
                bbox: BBox {
                    x0: x,
                    y0: 584.0,
                    x1: x + 6.0 * t.len() as f64,
                    y1: 597.0,
                },
                size: 13.0,
                sup: false,
            })
            .collect();
        let mut lines = vec![mark, Line::from_words(words)];
        lines[0].baseline = 589.9;
        lines[1].baseline = 594.4;
        fold_marks(&mut lines);
        assert_eq!(texts(&lines), ["505, 5th Floor,"]);
    }

    #[test]
    fn tight_kerning_does_not_split_words() {
        let mut g = run("Office", 72.0, 100.0, 12.0, 0.0, false);
        for (i, gl) in g.iter_mut().enumerate() {
            gl.x -= 0.3 * i as f64; // negative kerning
        }
        assert_eq!(texts(&build_lines(g)), ["Office"]);
    }

    #[test]
    fn space_glyphs_split_words() {
        assert_eq!(
            texts(&build_lines(run(
                "IT IS SO ORDERED.",
                100.0,
                300.0,
                12.0,
                3.0,
                true
            ))),
            ["IT IS SO ORDERED."]
        );
    }

    #[test]
    fn lines_top_to_bottom_whatever_the_drawing_order() {
        // The stamp is drawn last but sits at the top; the line number is drawn first.
        let mut g = run("second line", 100.0, 124.0, 12.0, 3.0, true);
        g.extend(run("first line", 100.0, 100.0, 12.0, 3.0, true));
        g.extend(run(
            "Case 2:17-cv-04999-XWA Document 34",
            100.0,
            20.0,
            9.0,
            2.0,
            true,
        ));
        assert_eq!(
            texts(&build_lines(g)),
            [
                "Case 2:17-cv-04999-XWA Document 34",
                "first line",
                "second line"
            ]
        );
    }

    #[test]
    fn line_number_on_text_baseline_stays_a_separate_word() {
        let mut g = run("16", 72.0, 400.0, 12.0, 3.0, true);
        g.extend(run(
            "brought against Defendants",
            108.0,
            400.5,
            12.0,
            3.0,
            true,
        ));
        let lines = build_lines(g);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].words[0].text, "16");
        assert_eq!(lines[0].text(), "16 brought against Defendants");
    }

    #[test]
    fn superscript_folds_into_its_line() {
        let mut g = run("at issue.", 100.0, 200.0, 12.0, 3.0, true);
        let end = g.last().map(|l| l.x + l.adv).unwrap();
        g.extend(run("1", end + 0.5, 195.5, 7.0, 2.0, true));
        let lines = build_lines(g);
        assert_eq!(lines.len(), 1);
        let last = lines[0].words.last().unwrap();
        assert_eq!(last.text, "1");
        assert!(last.sup);
    }

    #[test]
    fn small_margin_number_is_not_a_superscript() {
        // A 9 pt line number 19 pt left of 14 pt text, a little above its baseline.
        let mut g = run("6", 53.0, 194.0, 9.0, 2.0, true);
        g.extend(run("ORLANDO FRIAS", 72.0, 198.6, 14.0, 3.0, true));
        let lines = build_lines(g);
        assert_eq!(lines.len(), 2);
        assert!(!lines[0].words[0].sup);
    }

    #[test]
    fn small_caps_stay_one_word() {
        let mut g = run("P", 100.0, 200.0, 12.0, 3.0, true);
        let x = g[0].x + g[0].adv + 0.2;
        g.extend(run("ER CURIAM", x, 200.0, 9.6, 3.0, true));
        assert_eq!(texts(&build_lines(g)), ["PER CURIAM"]);
    }

    #[test]
    fn overprinted_text_is_kept_once() {
        let mut g = run("ORDER", 200.0, 300.0, 12.0, 3.0, true);
        g.extend(run("ORDER", 200.3, 300.0, 12.0, 3.0, true));
        assert_eq!(texts(&build_lines(g)), ["ORDER"]);
    }
}
