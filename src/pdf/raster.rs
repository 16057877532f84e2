//! Page images for OCR: the scan a page is made of, decoded and turned upright, or the page
//! rendered.
//!
//! A scanned page is most often one image (CCITT G4, JPEG, JBIG2 or Flate) drawn over the whole
//! page, with the CM/ECF stamp drawn as text on top. Such an image is decoded by hayro-interpret
//! at its own resolution and resampled (nearest pixel) onto a grid in display space at `dpi`
//! dots per inch, so that `/Rotate`, flips and the image's placement are undone once here and a
//! pixel of the result maps to points by `72 / dpi` alone. The resolution is the image's own,
//! raised to the floor asked for (300 dpi suits Tesseract) and capped at the ceiling.
//!
//! Any other page asked for (a scan stored as several image strips, a scan drawn as vector
//! paths, an image with drawings over it) is rendered whole by the `hayro` rasterizer at the
//! floor resolution, grayscale on white: what a reader sees is what is read. The text drawn on
//! the page is rendered too; `ocr` drops the words that fall on it. Only pages the caller has
//! already found to need OCR are asked for; this module never decides that.

use hayro_interpret::font::GlyphRun;
use hayro_interpret::hayro_syntax::Pdf;
use hayro_interpret::kurbo::{Affine, BezPath, PathEl, Point, Rect, Shape};
use hayro_interpret::{
    interpret_page, BlendMode, ClipPath, Device, DrawMode, DrawProps, Image, ImageData,
    ImageDrawProps, InterpreterCache, InterpreterSettings, SoftMask,
};

/// Least share of the page an image must cover to be taken as the page's scan (the share at
/// which `clean` calls a page without text a scan).
const SCAN_COVER: f64 = 0.4;
/// Most share of the page that other images and dark drawings may cover (filled boxes, and
/// strokes as their length times a point, summed) for the scan to be read alone; more, and the
/// page is rendered. Real scans carry rules, boxes and pen strokes drawn over them (the
/// hand-edited scan of the fixtures has strike-through lines, and reads worse rendered).
const OTHER_MARKS: f64 = 0.05;

/// A grayscale page image in display orientation: `gray[y * width + x]`, 0 black, 255 white.
#[derive(Debug, Clone, Default)]
pub struct Raster {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Pixels per inch: a pixel is `72 / dpi` points.
    pub dpi: f64,
    /// One byte per pixel, rows top to bottom.
    pub gray: Vec<u8>,
}

impl Raster {
    /// The pixels of the box `[x0, y0, x1, y1]` (clamped to the image), same resolution; `None`
    /// when the box holds no pixel.
    pub fn crop(&self, b: [u32; 4]) -> Option<Raster> {
        let (x0, y0) = (b[0].min(self.width), b[1].min(self.height));
        let (x1, y1) = (b[2].min(self.width), b[3].min(self.height));
        if x1 <= x0 || y1 <= y0 || self.gray.len() != self.width as usize * self.height as usize {
            return None;
        }
        let mut gray = Vec::with_capacity(((x1 - x0) * (y1 - y0)) as usize);
        for y in y0..y1 {
            let row = y as usize * self.width as usize;
            gray.extend_from_slice(&self.gray[row + x0 as usize..row + x1 as usize]);
        }
        Some(Raster {
            width: x1 - x0,
            height: y1 - y0,
            dpi: self.dpi,
            gray,
        })
    }
}

/// The decoded scan of one page, before resampling: pixels in the image's own grid and the
/// transform from that grid (declared width × height) to display space.
struct Scan {
    gray: Vec<u8>,
    width: u32,
    height: u32,
    declared: (f64, f64),
    to_page: Affine,
}

/// Rendered pages are at most this many pixels (a letter page at 300 dpi is 8.4 million); a
/// larger page is rendered coarser.
const MAX_RENDER_PIXELS: f64 = 40e6;

/// Make the page images of `pages` (1-based numbers) of the PDF in `bytes` one at a time, in
/// the order asked, and hand each to `each` with its number (`None`: the page does not exist or
/// could not be read). One image is alive at a time; `each` returning false stops the run.
pub fn page_rasters(
    bytes: super::Bytes,
    pages: &[usize],
    min_dpi: f64,
    max_dpi: f64,
    each: impl FnMut(usize, Option<Raster>) -> bool,
) {
    let _ = rasters(bytes, pages, min_dpi, max_dpi, None, each);
}

/// [`page_rasters`] under the caps of `limits` (as `load` reads a document's text): a stream
/// or an image past a cap stops the run with the `limit` error that says which.
pub fn page_rasters_capped(
    bytes: super::Bytes,
    pages: &[usize],
    min_dpi: f64,
    max_dpi: f64,
    limits: &crate::Limits,
    each: impl FnMut(usize, Option<Raster>) -> bool,
) -> Result<(), crate::error::DocError> {
    rasters(bytes, pages, min_dpi, max_dpi, Some(limits), each)
}

fn rasters(
    bytes: super::Bytes,
    pages: &[usize],
    min_dpi: f64,
    max_dpi: f64,
    limits: Option<&crate::Limits>,
    mut each: impl FnMut(usize, Option<Raster>) -> bool,
) -> Result<(), crate::error::DocError> {
    let _caps = limits.map(super::inflate::Caps::set);
    let check = || limits.map_or(Ok(()), super::inflate::check);
    let Ok(pdf) = Pdf::new(bytes) else {
        check()?;
        for &n in pages {
            if !each(n, None) {
                return Ok(());
            }
        }
        return Ok(());
    };
    let cache = InterpreterCache::new();
    let settings = InterpreterSettings::default();
    let all = pdf.pages();
    let raster = |n: usize| -> Option<Raster> {
        let page = all.get(n.checked_sub(1)?)?;
        let (w, h, mut ctx) = super::page_context(page, &cache, &settings);
        let mut grab = Grabber {
            page_area: (w * h).max(1.0),
            best: None,
            best_area: 0.0,
            other_area: 0.0,
        };
        interpret_page(page, &mut ctx, &mut grab);
        match grab.best {
            // One image and little else painted but text: the scan itself is read.
            Some(scan) if grab.other_area < OTHER_MARKS * grab.page_area => {
                Some(resample(&scan, w, h, min_dpi, max_dpi))
            }
            _ => render(page, &settings, w, h, min_dpi),
        }
    };
    for &n in pages {
        let image = raster(n);
        check()?;
        if !each(n, image) {
            return Ok(());
        }
    }
    Ok(())
}

/// Render a page whole at `dpi` (less for a huge page), grayscale on white.
fn render(
    page: &hayro_interpret::hayro_syntax::page::Page<'_>,
    settings: &InterpreterSettings,
    w: f64,
    h: f64,
    dpi: f64,
) -> Option<Raster> {
    // The pixmap's sides are u16; a page of over 218 inches is shrunk to fit.
    let scale = (dpi / 72.0)
        .min((MAX_RENDER_PIXELS / (w * h).max(1.0)).sqrt())
        .min(65_000.0 / w.max(h).max(1.0));
    if !scale.is_finite() || w * scale < 1.0 || h * scale < 1.0 {
        return None;
    }
    // The renderer truncates the page's size in pixels (792 pt × 300/72 in f32 is 3299.9998);
    // a hair more scale gives the whole last row.
    let scale = scale as f32 * (1.0 + 1e-5);
    let cache = hayro::RenderCache::new();
    let pixmap = hayro::render(
        page,
        &cache,
        settings,
        &hayro::RenderSettings::default(),
        &hayro::PixmapSettings {
            x_scale: scale,
            y_scale: scale,
            bg_color: hayro::vello_cpu::color::palette::css::WHITE,
        },
    );
    // Opaque white under everything: premultiplied and straight RGBA agree.
    let gray = pixmap
        .data()
        .iter()
        .map(|p| ((299 * p.r as u32 + 587 * p.g as u32 + 114 * p.b as u32) / 1000) as u8)
        .collect::<Vec<u8>>();
    let (width, height) = (pixmap.width() as u32, pixmap.height() as u32);
    if gray.len() != width as usize * height as usize {
        return None;
    }
    Some(Raster {
        width,
        height,
        // Pixels per inch as laid out along the width (the hair of extra scale is not seen).
        dpi: 72.0 * width as f64 / w.max(1.0),
        gray,
    })
}

/// Resample the scan onto a display-space grid covering the page.
fn resample(scan: &Scan, page_w: f64, page_h: f64, min_dpi: f64, max_dpi: f64) -> Raster {
    // The image's own resolution: its pixels per inch along the page, the finer axis.
    let [a, b, c, d, _, _] = scan.to_page.as_coeffs();
    let pt_per_px_x = (a * a + b * b).sqrt().max(1e-9);
    let pt_per_px_y = (c * c + d * d).sqrt().max(1e-9);
    let own = 72.0 / pt_per_px_x.min(pt_per_px_y);
    let dpi = own.clamp(min_dpi, max_dpi).round();
    let width = ((page_w * dpi / 72.0).round() as u32).max(1);
    let height = ((page_h * dpi / 72.0).round() as u32).max(1);
    let inv = scan.to_page.inverse();
    // Declared grid → decoded pixels (a decoder may give fewer pixels than declared).
    let sx = scan.width as f64 / scan.declared.0.max(1.0);
    let sy = scan.height as f64 / scan.declared.1.max(1.0);
    let scale = 72.0 / dpi;
    let mut gray = vec![255u8; width as usize * height as usize];
    for y in 0..height {
        let row = &mut gray[(y as usize) * width as usize..][..width as usize];
        for (x, px) in row.iter_mut().enumerate() {
            let p = inv * Point::new((x as f64 + 0.5) * scale, (y as f64 + 0.5) * scale);
            let (u, v) = (p.x * sx, p.y * sy);
            if u >= 0.0 && v >= 0.0 && u < scan.width as f64 && v < scan.height as f64 {
                *px = scan.gray[v as usize * scan.width as usize + u as usize];
            }
        }
    }
    Raster {
        width,
        height,
        dpi,
        gray,
    }
}

/// A device that decodes the largest image drawn over most of the page, and sums the area
/// painted besides it (a page of one image and text is a scan to take as it is).
struct Grabber {
    page_area: f64,
    best: Option<Scan>,
    best_area: f64,
    /// Area of the page's other images and of its dark paths' boxes, summed.
    other_area: f64,
}

impl<'a> Device<'a> for Grabber {
    fn draw_image(&mut self, image: Image<'a, '_>, props: ImageDrawProps<'a>) {
        let declared = (image.width() as f64, image.height() as f64);
        let area = props
            .transform
            .transform_rect_bbox(Rect::new(0.0, 0.0, declared.0, declared.1))
            .area();
        if !area.is_finite() || area < SCAN_COVER * self.page_area || area <= self.best_area {
            if area.is_finite() {
                self.other_area += area;
            }
            return;
        }
        let mut decoded: Option<(Vec<u8>, u32, u32)> = None;
        match &image {
            // A stencil paints its colour where the mask is set (255): dark ink on white paper.
            Image::Stencil(s) => s.with_stencil(
                |luma, _| {
                    let gray = luma.data.iter().map(|&m| 255 - m).collect();
                    decoded = Some((gray, luma.width, luma.height));
                },
                None,
            ),
            Image::Raster(r) => r.with_rgba(
                |data, alpha| {
                    let (w, h) = (data.width(), data.height());
                    let mut gray: Vec<u8> = match data {
                        ImageData::Luma(l) => l.data,
                        ImageData::Rgb(rgb) => rgb
                            .data
                            .chunks_exact(3)
                            .map(|p| {
                                ((299 * p[0] as u32 + 587 * p[1] as u32 + 114 * p[2] as u32) / 1000)
                                    as u8
                            })
                            .collect(),
                    };
                    // Transparent pixels show the white page beneath.
                    if let Some(alpha) = alpha.filter(|a| a.width == w && a.height == h) {
                        for (g, a) in gray.iter_mut().zip(alpha.data) {
                            *g = 255 - ((255 - *g as u32) * a as u32 / 255) as u8;
                        }
                    }
                    decoded = Some((gray, w, h));
                },
                None,
            ),
        }
        if let Some((gray, width, height)) = decoded {
            if gray.len() == width as usize * height as usize && width > 0 && height > 0 {
                // The scan taken before is one of the other marks now.
                self.other_area += self.best_area;
                self.best_area = area;
                self.best = Some(Scan {
                    gray,
                    width,
                    height,
                    declared,
                    to_page: props.transform,
                });
            }
        }
    }

    fn draw_glyph_run(&mut self, _: &GlyphRun<'_, 'a>, _: DrawProps<'a>, _: &DrawMode) {}
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, mode: &DrawMode) {
        // White or light paint (a page background, a box under the scan) hides nothing.
        if super::paint_rgba(&props.paint).is_some_and(super::is_light) {
            return;
        }
        // Each subpath by its box: a fill covers the box, a stroke (a rule, a pen line through
        // words) about its length times a point.
        let stroke = matches!(mode, DrawMode::Stroke(_));
        let mut sub = BezPath::new();
        let mut add = |sub: &BezPath| {
            let r = props.transform.transform_rect_bbox(sub.bounding_box());
            let a = if stroke {
                r.width() + r.height()
            } else {
                r.area()
            };
            if a.is_finite() {
                self.other_area += a;
            }
        };
        for el in path.elements() {
            if matches!(el, PathEl::MoveTo(_)) && !sub.elements().is_empty() {
                add(&sub);
                sub = BezPath::new();
            }
            sub.push(*el);
        }
        if !sub.elements().is_empty() {
            add(&sub);
        }
    }
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}
