//! The hayro `Device` that records glyphs (and image coverage) instead of painting.

use super::layout::{BBox, Glyph, Line, Word};
use super::RAW_BASE;
use hayro_interpret::font::GlyphRun;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::kurbo::{BezPath, Point};
use hayro_interpret::{
    BlendMode, ClipPath, Device, DrawMode, DrawProps, Image, ImageDrawProps, SoftMask,
};

/// Collects the glyphs of one page.
pub(super) struct Collector {
    page_area: f64,
    glyphs: Vec<Glyph>,
    rotated: Vec<Line>,
    image_cover: f64,
    invisible: usize,
}

impl Collector {
    pub(super) fn new(page_area: f64) -> Self {
        Collector { page_area: page_area.max(1.0), glyphs: Vec::new(), rotated: Vec::new(), image_cover: 0.0, invisible: 0 }
    }

    /// Upright glyphs, rotated runs, largest image cover, invisible glyph count.
    pub(super) fn finish(self) -> (Vec<Glyph>, Vec<Line>, f64, usize) {
        (self.glyphs, self.rotated, self.image_cover, self.invisible)
    }
}

/// Push `c`, decomposing the Latin ligatures U+FB00–FB06 into plain letters.
fn push_char(out: &mut Vec<char>, c: char) {
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

impl<'a> Device<'a> for Collector {
    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, mode: &DrawMode) {
        let invisible = matches!(mode, DrawMode::Invisible);
        let mut chars: Vec<char> = Vec::with_capacity(4);
        let mut rotated_words: Vec<(char, Point)> = Vec::new();
        for g in run.glyphs() {
            // Glyph space is 1/1000 em; the combined transform maps it to display space.
            let t = props.transform * g.transform();
            let [a, b, c, d, e, f] = t.as_coeffs();
            let size = (c * c + d * d).sqrt() * 1000.0;
            if !size.is_finite() || size < 0.5 || !e.is_finite() || !f.is_finite() {
                continue;
            }
            chars.clear();
            match g.as_unicode() {
                Some(BfString::Char(ch)) => push_char(&mut chars, ch),
                Some(BfString::String(s)) => s.chars().for_each(|ch| push_char(&mut chars, ch)),
                None => chars.push(char::from_u32(RAW_BASE + (g.char_code() & 0xFFFF)).unwrap_or('\u{FFFD}')),
            }
            if invisible {
                self.invisible += chars.len();
            }
            let adv_units = match &**g {
                hayro_interpret::font::Glyph::Outline(o) => o.advance_width(),
                hayro_interpret::font::Glyph::Type3(t3) => t3.advance_width(),
            };
            let adv_units = adv_units.map(|v| v as f64).filter(|v| v.is_finite() && *v > 0.0).unwrap_or(500.0);
            // Upright text: the glyph's x axis points right and its y axis up (down in display space).
            let upright = a > 0.0 && b.abs() < 0.05 * a && d < 0.0 && c.abs() < 0.05 * d.abs();
            if !upright {
                let p = t * Point::new(0.0, 0.0);
                chars.iter().for_each(|&ch| rotated_words.push((ch, p)));
                continue;
            }
            let adv = a * adv_units;
            let n = chars.len().max(1) as f64;
            for (k, &ch) in chars.iter().enumerate() {
                self.glyphs.push(Glyph { ch, x: e + adv * k as f64 / n, y: f, size, adv: adv / n, font: 0 });
            }
        }
        if !rotated_words.is_empty() {
            self.rotated.push(rotated_line(&rotated_words));
        }
    }

    fn draw_image(&mut self, image: Image<'a, '_>, props: ImageDrawProps<'a>) {
        // The transform maps the image's pixel grid to the page; its corners give the box.
        // Only the size is read: the pixels are never decoded.
        let (w, h) = match &image {
            Image::Stencil(s) => (s.width() as f64, s.height() as f64),
            Image::Raster(r) => (r.width() as f64, r.height() as f64),
        };
        let corners = [(0.0, 0.0), (w, 0.0), (0.0, h), (w, h)].map(|(x, y)| props.transform * Point::new(x, y));
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for p in corners {
            x0 = x0.min(p.x);
            y0 = y0.min(p.y);
            x1 = x1.max(p.x);
            y1 = y1.max(p.y);
        }
        let area = (x1 - x0).max(0.0) * (y1 - y0).max(0.0);
        if area.is_finite() {
            self.image_cover = self.image_cover.max((area / self.page_area).min(1.0));
        }
    }

    fn draw_path(&mut self, _: &BezPath, _: DrawProps<'a>, _: &DrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}

/// A rotated run becomes one line of text with the box of its glyph origins.
fn rotated_line(glyphs: &[(char, Point)]) -> Line {
    let text: String = glyphs.iter().map(|g| g.0).collect();
    let mut bbox = BBox { x0: f64::MAX, y0: f64::MAX, x1: f64::MIN, y1: f64::MIN };
    for (_, p) in glyphs {
        bbox.x0 = bbox.x0.min(p.x);
        bbox.y0 = bbox.y0.min(p.y);
        bbox.x1 = bbox.x1.max(p.x);
        bbox.y1 = bbox.y1.max(p.y);
    }
    let word = Word { text, bbox, size: 0.0, font: 0, sup: false };
    Line { words: vec![word], bbox, baseline: bbox.y1, size: 0.0 }
}
