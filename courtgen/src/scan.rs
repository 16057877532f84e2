//! Scans made from generated papers, as a court makes them: the paper (without its stamp) is
//! rendered by hayro, thresholded to 1 bit and stored as one FlateDecode image filling the
//! page; CM/ECF then draws the stamp on top as live text. Variants: the image cut into
//! strips, the image drawn as filled rectangles (no image at all), and an OCR text layer
//! drawn invisibly (`3 Tr`) over the image, as ocrmypdf or Acrobat leave it.
//!
//! Rendering is deterministic: hayro draws without anti-aliasing (a coverage threshold), and
//! the threshold to 1 bit is fixed. What it never does: add noise, skew or dither (a twin
//! must read as its original does), or touch the born-digital paper.

use crate::pdf::{self, Doc, Font, Image, Page};
use hayro::hayro_syntax::Pdf;
use std::sync::Arc;

/// The page images of `doc` at `dpi`, 1 bit, 0 = black; stamps left out unless `stamped`
/// (a paper printed from CM/ECF and scanned again carries its stamp in the image).
pub fn render(doc: &Doc, dpi: f64, stamped: bool) -> Vec<Image> {
    let bare = Doc {
        pages: doc
            .pages
            .iter()
            .map(|p| if stamped { p.clone() } else { p.unstamped() })
            .collect(),
        ..doc.clone()
    };
    let bytes = pdf::write(&bare);
    // invariant: the bytes were just written by `pdf::write`
    let file = Pdf::new(Arc::new(bytes)).expect("a PDF courtgen wrote reads back");
    let cache = hayro::RenderCache::new();
    let settings = hayro::hayro_interpret::InterpreterSettings::default();
    let render = hayro::RenderSettings {
        aliasing_threshold: Some(110),
        ..hayro::RenderSettings::default()
    };
    let scale = (dpi / 72.0) as f32 * (1.0 + 1e-5);
    file.pages()
        .iter()
        .map(|page| {
            let pixmap = hayro::render(
                page,
                &cache,
                &settings,
                &render,
                &hayro::PixmapSettings {
                    x_scale: scale,
                    y_scale: scale,
                    bg_color: hayro::vello_cpu::color::palette::css::WHITE,
                },
            );
            let (w, h) = (pixmap.width() as u32, pixmap.height() as u32);
            let row = w.div_ceil(8) as usize;
            let mut data = vec![0xFFu8; row * h as usize];
            for (i, p) in pixmap.data().iter().enumerate() {
                let lum = (299 * p.r as u32 + 587 * p.g as u32 + 114 * p.b as u32) / 1000;
                if lum < 128 {
                    let (x, y) = (i % w as usize, i / w as usize);
                    data[y * row + x / 8] &= !(0x80 >> (x % 8));
                }
            }
            Image {
                width: w,
                height: h,
                data,
            }
        })
        .collect()
}

/// How a scan's pages are stored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// One image per page.
    Whole,
    /// Each page image cut into `n` horizontal strips, each its own image.
    Strips(usize),
    /// No image: one filled rectangle per run of black pixels in a row.
    Vector,
}

/// The scanned twin of `doc`: page images at `dpi`, stored as `kind`, with each page's stamp
/// drawn back as live text.
pub fn twin(doc: &Doc, dpi: f64, kind: Kind) -> Doc {
    twin_of(doc, dpi, kind, false)
}

fn twin_of(doc: &Doc, dpi: f64, kind: Kind, stamped: bool) -> Doc {
    let images = render(doc, dpi, stamped);
    let pages = doc
        .pages
        .iter()
        .zip(images)
        .map(|(orig, img)| {
            let mut page = Page::letter();
            let (w, h) = (page.width, page.height);
            match kind {
                Kind::Whole => page.image(img, 0.0, 0.0, w, h),
                Kind::Strips(n) => {
                    let row = img.width.div_ceil(8) as usize;
                    let rows_per = (img.height as usize).div_ceil(n);
                    for k in 0..n {
                        let top = k * rows_per;
                        let bottom = ((k + 1) * rows_per).min(img.height as usize);
                        if top >= bottom {
                            break;
                        }
                        let strip = Image {
                            width: img.width,
                            height: (bottom - top) as u32,
                            data: img.data[top * row..bottom * row].to_vec(),
                        };
                        let y = h * (1.0 - bottom as f64 / img.height as f64);
                        let sh = h * (bottom - top) as f64 / img.height as f64;
                        page.image(strip, 0.0, y, w, sh);
                    }
                }
                Kind::Vector => {
                    let row = img.width.div_ceil(8) as usize;
                    let px = w / img.width as f64;
                    for y in 0..img.height as usize {
                        let mut x = 0usize;
                        while x < img.width as usize {
                            let black =
                                |x: usize| img.data[y * row + x / 8] & (0x80 >> (x % 8)) == 0;
                            if black(x) {
                                let start = x;
                                while x < img.width as usize && black(x) {
                                    x += 1;
                                }
                                page.fill(
                                    start as f64 * px,
                                    h - (y + 1) as f64 * px,
                                    (x - start) as f64 * px,
                                    px,
                                    0.0,
                                );
                            } else {
                                x += 1;
                            }
                        }
                    }
                }
            }
            if let Some(s) = &orig.stamp {
                page.set_stamp(s);
            }
            page
        })
        .collect();
    Doc {
        pages,
        producer: "Canon iR-ADV C5535 PDF; CM/ECF stamp added; courtgen 0.1 (made-up court paper)"
            .into(),
        creator: "Canon iR-ADV C5535".into(),
        ..doc.clone()
    }
}

/// OCR noise to put in a text layer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Noise {
    /// The words as drawn.
    None,
    /// As OCR engines slip: a four-digit year split in two ("20 24"), and the stamp read from
    /// the image into the layer although CM/ECF also drew it as text (a doubled stamp).
    Typical,
}

/// The scan of `doc` with an OCR text layer: each line of the paper drawn invisibly in
/// Helvetica, scaled (Tz) to the width the image shows it at, on its baseline.
pub fn ocr_layer(doc: &Doc, dpi: f64, noise: Noise) -> Doc {
    let mut scanned = twin_of(doc, dpi, Kind::Whole, noise == Noise::Typical);
    for (page, orig) in scanned.pages.iter_mut().zip(&doc.pages) {
        let mut runs = orig.runs.clone();
        if noise == Noise::Typical {
            if let Some(s) = &orig.stamp {
                runs.insert(
                    0,
                    pdf::TextRun {
                        font: Font::Sans,
                        size: 8.0,
                        x: (orig.width - pdf::width(Font::Sans, 8.0, s)) / 2.0,
                        y: orig.height - 22.0,
                        text: s.clone(),
                        word_spacing: 0.0,
                    },
                );
            }
        }
        for run in runs {
            let text = match noise {
                Noise::None => run.text.clone(),
                Noise::Typical => split_year(&run.text),
            };
            let natural = pdf::width(Font::Sans, run.size, &text);
            let scale = if natural > 0.0 {
                100.0 * run.width() / natural
            } else {
                100.0
            };
            page.invisible(Font::Sans, run.size, run.x, run.y, &text, scale);
        }
    }
    scanned.producer =
        "ocrmypdf 16.0 / Tesseract OCR-PDF 5.3; courtgen 0.1 (made-up court paper)".into();
    scanned
}

/// "2024" read as "20 24": the first four-digit number from 1900 on gets a space in the middle.
fn split_year(s: &str) -> String {
    let b = s.as_bytes();
    for i in 0..b.len().saturating_sub(3) {
        let is_year = b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && (i + 4 == b.len() || !b[i + 4].is_ascii_digit())
            && (b[i] == b'1' || b[i] == b'2');
        if is_year {
            return format!("{} {}", &s[..i + 2], &s[i + 2..]);
        }
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn split_year_splits_the_first_year_only() {
        assert_eq!(
            super::split_year("March 14, 2024, and 2025"),
            "March 14, 20 24, and 2025"
        );
        assert_eq!(super::split_year("No. 12345"), "No. 12345");
    }
}
