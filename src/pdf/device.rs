//! The hayro `Device` that records glyphs (and image coverage) instead of painting.

use super::layout::{push_char, BBox, Glyph, Line, Word};
use super::RAW_BASE;
use hayro_interpret::font::GlyphRun;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::kurbo::{BezPath, Point, Rect};
use hayro_interpret::{
    BlendMode, ClipPath, Device, DrawMode, DrawProps, Image, ImageDrawProps, SoftMask,
};

/// Dark filled shapes on a page from which it is taken for a scan drawn as paths (a typed page
/// drawn so has a shape a run of pixels, tens of thousands; a chart has tens or hundreds).
const DRAWN_SCAN_SHAPES: usize = 2000;

/// Collects the glyphs of one page.
pub(super) struct Collector {
    page_area: f64,
    glyphs: Vec<Glyph>,
    /// One glyph's characters, a buffer kept from run to run.
    chars: Vec<char>,
    rotated: Vec<Line>,
    image_cover: f64,
    /// Page share of the images spanning most of the page's width or height (a scan stored
    /// as strips), summed.
    strips_cover: f64,
    /// Dark filled shapes (subpaths) drawn, and the box around them: a scan drawn as paths.
    shapes: usize,
    shapes_box: Option<Rect>,
    page_width: f64,
    invisible: usize,
    /// Opaque dark rectangles, with how many glyphs had been drawn before each.
    boxes: Vec<(Rect, usize)>,
    page_height: f64,
    /// Text runs drawn in the top or bottom 15% of the page (stamps), each on its own: two
    /// stamps drawn over each other interleave as lines but stay apart as runs.
    band_runs: Vec<Vec<Glyph>>,
    /// Glyphs drawn so far, and the most the page may draw before the rest are ignored.
    seen: usize,
    cap: usize,
}

impl Collector {
    pub(super) fn new(width: f64, height: f64, cap: usize) -> Self {
        Collector {
            page_area: (width * height).max(1.0),
            // A page of an order draws a few thousand glyphs: start there, not at zero.
            glyphs: Vec::with_capacity(4096),
            chars: Vec::with_capacity(4),
            rotated: Vec::new(),
            image_cover: 0.0,
            strips_cover: 0.0,
            shapes: 0,
            shapes_box: None,
            page_width: width,
            invisible: 0,
            boxes: Vec::new(),
            page_height: height,
            band_runs: Vec::new(),
            seen: 0,
            cap,
        }
    }

    /// The page drew more glyphs than the cap (those past it were not kept).
    pub(super) fn over_cap(&self) -> bool {
        self.seen > self.cap
    }

    /// The glyphs of each run drawn in the stamp bands (read only if a stamp needs them).
    pub(super) fn take_band_runs(&mut self) -> Vec<Vec<Glyph>> {
        std::mem::take(&mut self.band_runs)
    }

    /// Upright glyphs, rotated runs, image cover (the largest image's, or a scan's strips'
    /// together), invisible glyph count, and the number
    /// of glyphs left out because a black box was painted over them (a redaction).
    pub(super) fn finish(self) -> (Vec<Glyph>, Vec<Line>, f64, usize, usize) {
        let Collector {
            mut glyphs,
            rotated,
            image_cover,
            strips_cover,
            shapes,
            shapes_box,
            page_area,
            invisible,
            boxes,
            ..
        } = self;
        // Thousands of filled shapes spread over the page are a scan drawn as paths (fax and
        // vectorising software): the page is covered as by an image.
        let drawn_cover = match shapes_box {
            Some(r) if shapes >= DRAWN_SCAN_SHAPES => (r.area() / page_area).min(1.0),
            _ => 0.0,
        };
        let image_cover = image_cover.max(strips_cover.min(1.0)).max(drawn_cover);
        let before = glyphs.len();
        if !boxes.is_empty() {
            let mut i = 0;
            glyphs.retain(|g| {
                i += 1;
                // The whole glyph, not just part of it, lies under the box.
                let inside = |r: &Rect| {
                    g.x >= r.x0 - 0.5
                        && g.x + g.adv <= r.x1 + 0.5
                        && g.y - 0.3 * g.size >= r.y0
                        && g.y - 0.3 * g.size <= r.y1
                };
                !boxes.iter().any(|(r, drawn)| i <= *drawn && inside(r))
            });
        }
        let redacted = before - glyphs.len();
        (glyphs, rotated, image_cover, invisible, redacted)
    }
}

impl<'a> Device<'a> for Collector {
    /// Glyph runs are read for where they are, never for their colour (paths are: see
    /// `draw_path`), so hayro skips making their paint.
    fn reads_glyph_paint(&self) -> bool {
        false
    }

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, mode: &DrawMode) {
        if self.over_cap() {
            return;
        }
        let invisible = matches!(mode, DrawMode::Invisible);
        let first_glyph = self.glyphs.len();
        let mut chars = std::mem::take(&mut self.chars);
        let mut rotated_words: Vec<(char, Point)> = Vec::new();
        for g in run.glyphs() {
            self.seen += 1;
            // Past the cap the page is refused: the rest of the run is not worth keeping.
            if self.seen > self.cap {
                break;
            }
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
                None => chars.push(
                    char::from_u32(RAW_BASE + (g.char_code() & 0xFFFF)).unwrap_or('\u{FFFD}'),
                ),
            }
            if invisible {
                self.invisible += chars.len();
            }
            let adv_units = match &**g {
                hayro_interpret::font::Glyph::Outline(o) => o.advance_width(),
                hayro_interpret::font::Glyph::Type3(t3) => t3.advance_width(),
            };
            let adv_units = adv_units
                .map(|v| v as f64)
                .filter(|v| v.is_finite() && *v > 0.0)
                .unwrap_or(500.0);
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
                self.glyphs.push(Glyph {
                    ch,
                    x: e + adv * k as f64 / n,
                    y: f,
                    size,
                    adv: adv / n,
                });
            }
        }
        self.chars = chars;
        let drawn = &self.glyphs[first_glyph..];
        if let Some(g) = drawn.first() {
            if g.y < 0.15 * self.page_height || g.y > 0.85 * self.page_height {
                self.band_runs.push(drawn.to_vec());
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
        let placed = props
            .transform
            .transform_rect_bbox(Rect::new(0.0, 0.0, w, h));
        let area = placed.area();
        if area.is_finite() {
            self.image_cover = self.image_cover.max((area / self.page_area).min(1.0));
        }
        let page = Rect::new(0.0, 0.0, self.page_width, self.page_height);
        let on_page = placed.intersect(page);
        if on_page.area().is_finite()
            && (on_page.width() >= 0.8 * page.width() || on_page.height() >= 0.8 * page.height())
        {
            self.strips_cover += on_page.area() / self.page_area;
        }
    }

    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, mode: &DrawMode) {
        // Only fills matter, to cover the page (a scan drawn as paths) or to hide text.
        if !matches!(mode, DrawMode::Fill(_) | DrawMode::FillAndStroke(..)) {
            return;
        }
        let rgba = super::paint_rgba(&props.paint);
        let light = rgba.is_some_and(super::is_light);
        if !light {
            use hayro_interpret::kurbo::{PathEl, Shape};
            self.shapes += path
                .elements()
                .iter()
                .filter(|e| matches!(e, PathEl::MoveTo(_)))
                .count();
            let r = props.transform.transform_rect_bbox(path.bounding_box());
            if r.area().is_finite() {
                self.shapes_box = Some(self.shapes_box.map_or(r, |b| b.union(r)));
            }
        }
        // An opaque near-black rectangle hides the text drawn before it; a near-white one drawn
        // later over it (a border drawn as two boxes) undoes that.
        let Some([r, g, b, a]) = rgba else {
            return;
        };
        let dark = r < 60 && g < 60 && b < 60;
        if self.glyphs.is_empty() || a < 200 || !(dark || light) {
            return;
        }
        for rect in rectangles(path) {
            let r = props.transform.transform_rect_bbox(rect);
            if light {
                self.boxes
                    .retain(|(d, _)| d.intersect(r).area() < 0.5 * d.area());
            } else if r.width() > 4.0 && r.height() > 4.0 && r.area() < 0.3 * self.page_area {
                self.boxes.push((r, self.glyphs.len()));
            }
        }
    }

    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}

/// The axis-aligned rectangles among a path's subpaths (`re`, or four straight sides).
fn rectangles(path: &BezPath) -> Vec<Rect> {
    use hayro_interpret::kurbo::PathEl;
    let mut out = Vec::new();
    let mut pts: Vec<Point> = Vec::new();
    let mut straight = true;
    let mut flush = |pts: &mut Vec<Point>, straight: bool| {
        if straight && (4..=5).contains(&pts.len()) {
            let bb = pts
                .iter()
                .fold(Rect::from_points(pts[0], pts[0]), |r, p| r.union_pt(*p));
            // Every corner on the box's edges: an axis-aligned rectangle.
            let on_edge = |p: &Point| {
                ((p.x - bb.x0).abs() < 0.01 || (p.x - bb.x1).abs() < 0.01)
                    && ((p.y - bb.y0).abs() < 0.01 || (p.y - bb.y1).abs() < 0.01)
            };
            if pts.iter().all(on_edge) {
                out.push(bb);
            }
        }
        pts.clear();
    };
    for el in path.elements() {
        match *el {
            PathEl::MoveTo(p) => {
                flush(&mut pts, straight);
                straight = true;
                pts.push(p);
            }
            PathEl::LineTo(p) => pts.push(p),
            PathEl::ClosePath => {}
            _ => straight = false,
        }
    }
    flush(&mut pts, straight);
    out
}

/// A rotated run becomes one line of text with the box of its glyph origins.
fn rotated_line(glyphs: &[(char, Point)]) -> Line {
    let text: String = glyphs.iter().map(|g| g.0).collect();
    let mut bbox = BBox {
        x0: f64::MAX,
        y0: f64::MAX,
        x1: f64::MIN,
        y1: f64::MIN,
    };
    for (_, p) in glyphs {
        bbox.x0 = bbox.x0.min(p.x);
        bbox.y0 = bbox.y0.min(p.y);
        bbox.x1 = bbox.x1.max(p.x);
        bbox.y1 = bbox.y1.max(p.y);
    }
    let word = Word {
        text,
        bbox,
        size: 0.0,
        sup: false,
    };
    Line {
        words: vec![word],
        bbox,
        baseline: bbox.y1,
        size: 0.0,
    }
}
