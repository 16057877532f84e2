//! Read Tesseract's hOCR: each word with its box, confidence, and its line's baseline and
//! text size. Only what Tesseract writes is read (one element per line, attributes in `title`),
//! so a few patterns do instead of an HTML parser.

use regex::Regex;
use std::sync::OnceLock;

/// One recognised word, in pixels of the page image (origin top-left).
#[derive(Debug, Clone, PartialEq)]
pub struct OcrWord {
    /// The text, HTML entities decoded.
    pub text: String,
    /// Left, top, right, bottom.
    pub bbox: [f64; 4],
    /// Tesseract's word confidence, 0..100.
    pub conf: f64,
    /// The baseline of the word's line under the middle of the word.
    pub baseline: f64,
    /// The line's text size (`x_size`: ascender to descender height).
    pub x_size: f64,
    /// Index of the word's line in the page (words of a line are consecutive).
    pub line: usize,
}

impl OcrWord {
    /// The word read from a crop whose top left corner is at (`dx`, `dy`) of the page image,
    /// moved to page-image coordinates.
    pub fn moved(mut self, dx: f64, dy: f64) -> OcrWord {
        self.bbox = [
            self.bbox[0] + dx,
            self.bbox[1] + dy,
            self.bbox[2] + dx,
            self.bbox[3] + dy,
        ];
        self.baseline += dy;
        self
    }
}

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    // The patterns are literals of this file, checked by the tests below.
    cell.get_or_init(|| Regex::new(pat).expect("valid regex literal"))
}

/// The words of a page's hOCR, in Tesseract's reading order. Lines set at an angle
/// (`textangle`, a court name up the margin) are left out, as `pdf` keeps such text apart too.
pub fn parse(hocr: &str) -> Vec<OcrWord> {
    static LINE: OnceLock<Regex> = OnceLock::new();
    static WORD: OnceLock<Regex> = OnceLock::new();
    static BBOX: OnceLock<Regex> = OnceLock::new();
    static CONF: OnceLock<Regex> = OnceLock::new();
    static BASE: OnceLock<Regex> = OnceLock::new();
    static XSIZE: OnceLock<Regex> = OnceLock::new();
    let line_re = re(
        &LINE,
        r#"<span class='(?:ocr_line|ocr_header|ocr_caption|ocr_textfloat)'[^>]*title="([^"]*)""#,
    );
    let word_re = re(
        &WORD,
        r"<span class='ocrx_word'[^>]*title='([^']*)'[^>]*>(.*?)</span>",
    );
    let bbox_re = re(&BBOX, r"bbox (-?[0-9]+) (-?[0-9]+) (-?[0-9]+) (-?[0-9]+)");
    let conf_re = re(&CONF, r"x_wconf ([0-9]+)");
    let base_re = re(&BASE, r"baseline (-?[[0-9].]+) (-?[[0-9].]+)");
    let xsize_re = re(&XSIZE, r"x_size ([[0-9].]+)");
    let bbox = |t: &str| -> Option<[f64; 4]> {
        let c = bbox_re.captures(t)?;
        let n = |i: usize| c[i].parse::<f64>().ok();
        Some([n(1)?, n(2)?, n(3)?, n(4)?])
    };
    let mut out = Vec::new();
    // Line elements in order, each with the text up to the next one.
    let starts: Vec<_> = line_re.captures_iter(hocr).collect();
    for (i, cap) in starts.iter().enumerate() {
        let title = &cap[1];
        let Some(whole) = cap.get(0) else { continue };
        let end = starts
            .get(i + 1)
            .and_then(|c| c.get(0))
            .map_or(hocr.len(), |m| m.start());
        if title.contains("textangle") {
            continue;
        }
        let Some(lb) = bbox(title) else { continue };
        let (slope, offset) = base_re
            .captures(title)
            .and_then(|c| Some((c[1].parse::<f64>().ok()?, c[2].parse::<f64>().ok()?)))
            .unwrap_or((0.0, 0.0));
        let x_size = xsize_re
            .captures(title)
            .and_then(|c| c[1].parse::<f64>().ok())
            .unwrap_or(lb[3] - lb[1]);
        for w in word_re.captures_iter(&hocr[whole.end()..end]) {
            let Some(b) = bbox(&w[1]) else { continue };
            let conf = conf_re
                .captures(&w[1])
                .and_then(|c| c[1].parse::<f64>().ok())
                .unwrap_or(0.0);
            let text = unescape(&strip_tags(&w[2]));
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let mid = 0.5 * (b[0] + b[2]);
            out.push(OcrWord {
                text: text.to_string(),
                bbox: b,
                conf,
                baseline: lb[3] + offset + slope * (mid - lb[0]),
                x_size,
                line: i,
            });
        }
    }
    out
}

/// Tesseract wraps styled words in `<strong>`/`<em>`; their text is what counts.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
   <div class='ocr_carea' id='block_1_3' title="bbox 122 1462 214 2078">
     <span class='ocr_line' id='line_1_3' title="bbox 122 1490 155 2051; textangle 90; x_size 38.5; x_descenders 5.5; x_ascenders 9.5">
      <span class='ocrx_word' id='word_1_10' title='bbox 122 1911 155 2051; x_wconf 96'>United</span>
     </span>
     <span class='ocr_line' id='line_1_5' title="bbox 487 57 2062 103; baseline 0.01 -10; x_size 46; x_descenders 10; x_ascenders 9">
      <span class='ocrx_word' id='word_1_18' title='bbox 487 58 599 93; x_wconf 88'>Case</span>
      <span class='ocrx_word' id='word_1_19' title='bbox 617 58 1041 93; x_wconf 7'><strong>A&amp;B&#39;s</strong></span>
     </span>
"#;

    #[test]
    fn words_lines_and_angles() {
        let words = parse(SAMPLE);
        assert_eq!(words.len(), 2, "{words:?}");
        assert_eq!(words[0].text, "Case");
        assert_eq!(words[0].bbox, [487.0, 58.0, 599.0, 93.0]);
        assert_eq!(words[0].conf, 88.0);
        assert_eq!(words[0].x_size, 46.0);
        // Baseline: bottom of the line box + offset + slope × distance from its left edge.
        assert!((words[0].baseline - (103.0 - 10.0 + 0.01 * 56.0)).abs() < 1e-9);
        assert_eq!(words[1].text, "A&B's");
        assert_eq!(words[1].conf, 7.0);
    }
}
