//! Pages and the PDF file: what a page draws (text in the standard-14 fonts, rules, fills,
//! 1-bit images) and how a list of pages becomes the bytes of a PDF, written with lopdf.
//!
//! Output is deterministic: objects are numbered in one fixed order, streams are compressed at
//! one fixed level, the document information holds fixed dates, and the trailer `/ID` is made
//! from the document's own bytes, never from the clock or a random source. What it never does:
//! lay out text (that is `flow`), embed a font program, or read a PDF back (that is `scan`).

use crate::widths;
use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use std::io::Write;

/// The standard-14 fonts courtgen draws with, in WinAnsi encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Font {
    /// Times-Roman: the body of most court papers.
    Roman,
    /// Times-Bold: titles and headings.
    Bold,
    /// Times-Italic: case names in citations, signatures.
    Italic,
    /// Helvetica: CM/ECF stamps, forms.
    Sans,
    /// Helvetica-Bold: form headings.
    SansBold,
    /// Courier: transcripts.
    Mono,
}

impl Font {
    const ALL: [Font; 6] = [
        Font::Roman,
        Font::Bold,
        Font::Italic,
        Font::Sans,
        Font::SansBold,
        Font::Mono,
    ];

    fn base_name(self) -> &'static str {
        match self {
            Font::Roman => "Times-Roman",
            Font::Bold => "Times-Bold",
            Font::Italic => "Times-Italic",
            Font::Sans => "Helvetica",
            Font::SansBold => "Helvetica-Bold",
            Font::Mono => "Courier",
        }
    }

    fn resource(self) -> String {
        format!("F{}", self as usize + 1)
    }

    fn widths(self) -> &'static [u16; 224] {
        match self {
            Font::Roman => &widths::TIMES_ROMAN,
            Font::Bold => &widths::TIMES_BOLD,
            Font::Italic => &widths::TIMES_ITALIC,
            Font::Sans => &widths::HELVETICA,
            Font::SansBold => &widths::HELVETICA_BOLD,
            Font::Mono => &widths::COURIER,
        }
    }
}

/// The WinAnsi bytes of `s`; a character WinAnsi lacks becomes `?` (the papers' texts use
/// only what it has: Latin-1, curly quotes, dashes, the section and paragraph signs).
pub fn winansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '\u{2018}' => 0x91,
            '\u{2019}' => 0x92,
            '\u{201C}' => 0x93,
            '\u{201D}' => 0x94,
            '\u{2022}' => 0x95,
            '\u{2013}' => 0x96,
            '\u{2014}' => 0x97,
            '\u{2026}' => 0x85,
            '\u{2020}' => 0x86,
            '\u{2122}' => 0x99,
            c if (' '..='~').contains(&c) || ('\u{A0}'..='\u{FF}').contains(&c) => c as u8,
            _ => b'?',
        })
        .collect()
}

/// The advance width of `s` in `font` at `size` points, as a word processor measures it.
pub fn width(font: Font, size: f64, s: &str) -> f64 {
    let w = font.widths();
    let units: u32 = winansi(s)
        .iter()
        .map(|&b| u32::from(w[usize::from(b.max(32)) - 32]))
        .sum();
    f64::from(units) * size / 1000.0
}

/// A bilevel image: `data` holds rows of `width` bits packed from the high bit, each row
/// padded to a byte; 0 is black and 1 white (DeviceGray at 1 bit per component).
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// Pixels across.
    pub width: u32,
    /// Pixels down.
    pub height: u32,
    /// Packed rows, top row first.
    pub data: Vec<u8>,
}

/// One page: its size in points and its content stream, built by the drawing calls.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// Width in points (US Letter: 612).
    pub width: f64,
    /// Height in points (US Letter: 792).
    pub height: f64,
    content: Vec<u8>,
    images: Vec<Image>,
    fonts: Vec<Font>,
    /// Every visible line of text drawn, in drawing order (the OCR layer is made from it).
    pub runs: Vec<TextRun>,
    /// The CM/ECF stamp line, drawn last, over everything: CM/ECF adds it to the filed PDF.
    pub stamp: Option<String>,
    /// The text state last set (Tr, Tz, Tw): it outlives `ET`, so a change is written and
    /// only a change.
    state: (u8, i64, i64),
}

/// One line of text as drawn: font, size, baseline start, text, word spacing.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// The font.
    pub font: Font,
    /// Type size in points.
    pub size: f64,
    /// Baseline start x.
    pub x: f64,
    /// Baseline y.
    pub y: f64,
    /// The text.
    pub text: String,
    /// Extra space per space character (Tw).
    pub word_spacing: f64,
}

impl TextRun {
    /// The run's drawn width, word spacing included.
    pub fn width(&self) -> f64 {
        width(self.font, self.size, &self.text)
            + self.word_spacing * self.text.matches(' ').count() as f64
    }
}

/// Numbers as a word processor writes them into a content stream: at most 3 decimals, no
/// trailing zeros.
fn num(v: f64) -> String {
    let s = format!("{:.3}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

/// A PDF literal string of WinAnsi bytes, with `(`, `)` and `\` escaped.
fn literal(s: &str) -> Vec<u8> {
    let mut out = vec![b'('];
    for b in winansi(s) {
        if matches!(b, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.push(b')');
    out
}

impl Page {
    /// An empty US Letter page.
    pub fn letter() -> Page {
        Page {
            width: 612.0,
            height: 792.0,
            state: (0, 100_000, 0),
            ..Page::default()
        }
    }

    fn raw(&mut self, s: &str) {
        self.content.extend_from_slice(s.as_bytes());
    }

    fn use_font(&mut self, font: Font) {
        if !self.fonts.contains(&font) {
            self.fonts.push(font);
        }
    }

    /// One line of text with its baseline starting at (x, y), in its own `BT ... ET`, as
    /// word processors write a line; `word_spacing` (Tw) stretches its spaces to justify it.
    pub fn text(&mut self, font: Font, size: f64, x: f64, y: f64, s: &str, word_spacing: f64) {
        self.runs.push(TextRun {
            font,
            size,
            x,
            y,
            text: s.into(),
            word_spacing,
        });
        self.text_mode(font, size, x, y, s, word_spacing, 0, 100.0);
    }

    /// Sets the CM/ECF stamp line, drawn centred at the top over the page's content.
    pub fn set_stamp(&mut self, s: &str) {
        self.use_font(Font::Sans);
        self.stamp = Some(s.into());
    }

    /// The same page without its stamp: the paper as it was before it was filed.
    pub fn unstamped(&self) -> Page {
        Page {
            stamp: None,
            ..self.clone()
        }
    }

    /// The content stream: what was drawn, then the stamp.
    fn full_content(&self) -> Vec<u8> {
        let mut out = self.content.clone();
        if let Some(s) = &self.stamp {
            if self.state != (0, 100_000, 0) {
                out.extend_from_slice(b"0 Tr 100 Tz 0 Tw\n");
            }
            // A long stamp (the bankruptcy courts') wraps to a second line.
            for (i, line) in s.split('\n').enumerate() {
                let x = (self.width - width(Font::Sans, 8.0, line)) / 2.0;
                let y = self.height - 22.0 - 10.0 * i as f64;
                out.extend_from_slice(
                    format!(
                        "BT\n/{} 8 Tf\n{} {} Td\n",
                        Font::Sans.resource(),
                        num(x),
                        num(y)
                    )
                    .as_bytes(),
                );
                out.extend_from_slice(&literal(line));
                out.extend_from_slice(b" Tj\nET\n");
            }
        }
        out
    }

    /// Text drawn in render mode 3 (invisible), scaled horizontally (Tz) by `hscale` percent,
    /// as OCR programs lay their recognised words over a scan.
    pub fn invisible(&mut self, font: Font, size: f64, x: f64, y: f64, s: &str, hscale: f64) {
        self.text_mode(font, size, x, y, s, 0.0, 3, hscale);
    }

    #[allow(clippy::too_many_arguments)] // the text state a line needs, spelled out
    fn text_mode(
        &mut self,
        font: Font,
        size: f64,
        x: f64,
        y: f64,
        s: &str,
        word_spacing: f64,
        mode: u8,
        hscale: f64,
    ) {
        if s.is_empty() {
            return;
        }
        self.use_font(font);
        let mut op = format!("BT\n/{} {} Tf\n", font.resource(), num(size));
        // Kept in thousandths, as written.
        let (tz, tw) = (
            (hscale * 1000.0).round() as i64,
            (word_spacing * 1000.0).round() as i64,
        );
        if mode != self.state.0 {
            op.push_str(&format!("{mode} Tr\n"));
        }
        if tz != self.state.1 {
            op.push_str(&format!("{} Tz\n", num(hscale)));
        }
        if tw != self.state.2 {
            op.push_str(&format!("{} Tw\n", num(word_spacing)));
        }
        self.state = (mode, tz, tw);
        op.push_str(&format!("{} {} Td\n", num(x), num(y)));
        self.raw(&op);
        self.content.extend_from_slice(&literal(s));
        self.raw(" Tj\nET\n");
    }

    /// A straight rule of `w` points from (x1, y1) to (x2, y2).
    pub fn rule(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, w: f64) {
        self.raw(&format!(
            "{} w\n{} {} m\n{} {} l\nS\n",
            num(w),
            num(x1),
            num(y1),
            num(x2),
            num(y2)
        ));
    }

    /// A filled rectangle, `gray` from 0 (black) to 1 (white).
    pub fn fill(&mut self, x: f64, y: f64, w: f64, h: f64, gray: f64) {
        self.raw(&format!(
            "{} g\n{} {} {} {} re\nf\n0 g\n",
            num(gray),
            num(x),
            num(y),
            num(w),
            num(h)
        ));
    }

    /// A 1-bit image drawn over the rectangle (x, y, w, h).
    pub fn image(&mut self, image: Image, x: f64, y: f64, w: f64, h: f64) {
        self.images.push(image);
        self.raw(&format!(
            "q\n{} 0 0 {} {} {} cm\n/Im{} Do\nQ\n",
            num(w),
            num(h),
            num(x),
            num(y),
            self.images.len()
        ));
    }
}

/// A document: its pages and the information dictionary a court's software leaves.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    /// The pages, first first.
    pub pages: Vec<Page>,
    /// `/Producer`.
    pub producer: String,
    /// `/Creator`.
    pub creator: String,
    /// `/Title`, when the word processor wrote one.
    pub title: Option<String>,
    /// `/CreationDate` and `/ModDate`, as a PDF date (`D:20240314101500-07'00'`): fixed, made
    /// up, never the clock.
    pub date: String,
    /// Embed a font program for the serif body face, as word processors embed their fonts:
    /// the Foxit Serif CFF font that hayro-font vendors (PDFium's, BSD-licensed,
    /// `vendor/hayro-font/assets/LICENSE_FOXIT`), metric-compatible with Times-Roman, as a
    /// `FontFile3` of subtype Type1C.
    pub embed_serif: bool,
}

/// The Foxit Serif program, a bare CFF font (PDF's Type1C), as hayro-font vendors it.
const FOXIT_SERIF: &[u8] = include_bytes!("../../vendor/hayro-font/assets/FoxitSerif.pfb");

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
    // invariant: writing to a Vec cannot fail
    z.write_all(data).expect("write to Vec");
    z.finish().expect("finish to Vec")
}

fn text_string(s: &str) -> Object {
    Object::String(winansi(s), StringFormat::Literal)
}

/// Builds the lopdf document of `doc`, its objects numbered in a fixed order: catalog, page
/// tree, info, fonts, then per page the page, its content and its images.
fn build(doc: &Doc) -> Document {
    let mut pdf = Document::with_version("1.6");
    let catalog_id = pdf.new_object_id();
    let pages_id = pdf.new_object_id();
    let info_id = pdf.new_object_id();
    let mut used: Vec<Font> = doc.pages.iter().flat_map(|p| p.fonts.clone()).collect();
    used.sort();
    used.dedup();
    let mut font_dict = Dictionary::new();
    for font in Font::ALL.iter().filter(|f| used.contains(f)) {
        let widths: Vec<Object> = font
            .widths()
            .iter()
            .map(|&w| Object::Integer(i64::from(w)))
            .collect();
        let mut dict = dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => font.base_name(),
            "Encoding" => "WinAnsiEncoding",
            "FirstChar" => 32,
            "LastChar" => 255,
            "Widths" => widths,
        };
        if doc.embed_serif && *font == Font::Roman {
            let file = pdf.add_object(Stream::new(
                dictionary! { "Subtype" => "Type1C", "Filter" => "FlateDecode" },
                deflate(FOXIT_SERIF),
            ));
            let descriptor = pdf.add_object(dictionary! {
                "Type" => "FontDescriptor",
                "FontName" => "FoxitSerif",
                "Flags" => 34,
                "FontBBox" => vec![(-168).into(), (-218).into(), 1000.into(), 898.into()],
                "ItalicAngle" => 0,
                "Ascent" => 683,
                "Descent" => -217,
                "CapHeight" => 662,
                "StemV" => 84,
                "FontFile3" => file,
            });
            dict.set("BaseFont", "FoxitSerif");
            dict.set("FontDescriptor", descriptor);
        }
        let id = pdf.add_object(dict);
        font_dict.set(font.resource(), id);
    }
    let mut kids = Vec::new();
    for page in &doc.pages {
        let page_id = pdf.new_object_id();
        let content_id = pdf.add_object(Stream::new(
            dictionary! { "Filter" => "FlateDecode" },
            deflate(&page.full_content()),
        ));
        let mut xobjects = Dictionary::new();
        for (i, img) in page.images.iter().enumerate() {
            let id = pdf.add_object(Stream::new(
                dictionary! {
                    "Type" => "XObject",
                    "Subtype" => "Image",
                    "Width" => i64::from(img.width),
                    "Height" => i64::from(img.height),
                    "ColorSpace" => "DeviceGray",
                    "BitsPerComponent" => 1,
                    "Filter" => "FlateDecode",
                },
                deflate(&img.data),
            ));
            xobjects.set(format!("Im{}", i + 1), id);
        }
        let mut resources = dictionary! { "Font" => font_dict.clone() };
        if !xobjects.is_empty() {
            resources.set("XObject", xobjects);
            resources.set(
                "ProcSet",
                vec!["PDF".into(), "Text".into(), "ImageB".into()],
            );
        } else {
            resources.set("ProcSet", vec!["PDF".into(), "Text".into()]);
        }
        pdf.objects.insert(
            page_id,
            Object::Dictionary(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "MediaBox" => vec![0.into(), 0.into(), Object::Real(page.width as f32), Object::Real(page.height as f32)],
                "Resources" => resources,
                "Contents" => content_id,
            }),
        );
        kids.push(Object::Reference(page_id));
    }
    let count = kids.len() as i64;
    pdf.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    pdf.objects.insert(
        catalog_id,
        Object::Dictionary(dictionary! { "Type" => "Catalog", "Pages" => pages_id }),
    );
    let mut info = dictionary! {
        "Producer" => text_string(&doc.producer),
        "Creator" => text_string(&doc.creator),
        "CreationDate" => text_string(&doc.date),
        "ModDate" => text_string(&doc.date),
    };
    if let Some(t) = &doc.title {
        info.set("Title", text_string(t));
    }
    pdf.objects.insert(info_id, Object::Dictionary(info));
    pdf.trailer.set("Root", catalog_id);
    pdf.trailer.set("Info", info_id);
    pdf
}

/// A fixed `/ID` made from the content: the first 16 bytes of a simple FNV-style hash chain
/// over the page streams, so two documents differ in ID and one document never changes.
fn file_id(doc: &Doc) -> Vec<u8> {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut out = Vec::with_capacity(16);
    for part in doc
        .pages
        .iter()
        .map(|p| p.full_content())
        .chain([doc.producer.as_bytes().to_vec()])
    {
        for &b in &part {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    for i in 0..2u64 {
        out.extend_from_slice(&(h.rotate_left(17 * i as u32) ^ i).to_be_bytes());
    }
    out
}

fn finish(mut pdf: Document, id: Vec<u8>) -> Vec<u8> {
    pdf.trailer.set(
        "ID",
        vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ],
    );
    // A classic cross-reference table, as word processors and iText write it.
    pdf.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
    let mut out = Vec::new();
    // invariant: saving to a Vec cannot fail for a document built above
    pdf.save_to(&mut out).expect("save to Vec");
    out
}

/// The bytes of `doc` as a PDF.
pub fn write(doc: &Doc) -> Vec<u8> {
    let id = file_id(doc);
    finish(build(doc), id)
}

/// The bytes of `doc` encrypted by the standard security handler (RC4, 40-bit key, revision
/// 2, as old court and agency software still writes), opened with `user` ("" opens it
/// without asking, as a PDF that only restricts printing or copying).
pub fn write_encrypted(doc: &Doc, user: &str, owner: &str) -> Vec<u8> {
    let id = file_id(doc);
    let mut pdf = build(doc);
    pdf.trailer.set(
        "ID",
        vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id.clone(), StringFormat::Hexadecimal),
        ],
    );
    let version = lopdf::EncryptionVersion::V1 {
        document: &pdf,
        owner_password: owner,
        user_password: user,
        permissions: lopdf::Permissions::PRINTABLE,
    };
    // invariant: V1 needs only the trailer /ID set above
    let state = lopdf::EncryptionState::try_from(version).expect("RC4 encryption state");
    pdf.encrypt(&state).expect("encrypt");
    finish(pdf, id)
}

/// The object id type, for modules that patch documents.
pub type Id = ObjectId;
