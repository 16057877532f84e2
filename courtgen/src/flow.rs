//! Text flow: a paper's blocks (paragraphs, centred titles, caption rows, signature lines)
//! laid onto the lines of a sheet, page after page, then drawn with what every page of that
//! sheet carries (pleading-paper margin numbers and rules, the CM/ECF stamp, the footer).
//!
//! Lines sit on a grid of slots of `slot` points; a double-spaced paragraph line takes two
//! slots, a single-spaced one one. Paragraphs are justified as word processors justify them:
//! greedy line breaks, the spaces of every line but the last stretched by `Tw`. What it never
//! does: hyphenate, keep a paragraph's lines together, or know what the text means.

use crate::pdf::{width, Doc, Font, Page};

/// One footer line: its centre x, baseline y, type size and text.
pub type FooterLine = (f64, f64, f64, String);

/// What a sheet's footer draws on page `i` of `n`.
pub type Footer = fn(&FooterInfo, usize, usize) -> Vec<FooterLine>;

/// A court's CM/ECF stamp line for page `i` of `n`.
pub type StampForm = fn(&StampInfo, usize, usize) -> String;

/// A run of text at a fixed x on one line of a block.
#[derive(Debug, Clone)]
pub struct Piece {
    /// Left edge in points; see `align`.
    pub x: f64,
    /// The text.
    pub text: String,
    /// Its font.
    pub font: Font,
    /// Where `x` is: the left edge (`Left`), the centre (`Center`) or the right edge (`Right`).
    pub align: Align,
}

/// How a piece hangs on its x.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Align {
    /// x is the left edge.
    Left,
    /// x is the centre.
    Center,
    /// x is the right edge.
    Right,
}

/// What a paper is made of, in reading order.
#[derive(Debug, Clone)]
pub enum Block {
    /// A justified paragraph: first-line indent, slots per line (2 double-spaced), left and
    /// right inset from the text column, font.
    Para {
        /// The paragraph's words.
        text: String,
        /// First-line indent in points.
        indent: f64,
        /// Slots a line takes.
        spacing: usize,
        /// Left inset of every line (a block quote, a numbered list's hanging text).
        inset: f64,
        /// The font.
        font: Font,
    },
    /// One line made of pieces at fixed places, taking `slots` slots.
    Row {
        /// The pieces.
        pieces: Vec<Piece>,
        /// Slots the line takes.
        slots: usize,
    },
    /// Empty slots.
    Gap(usize),
    /// The rest of the page left empty.
    PageBreak,
    /// A horizontal rule across the text column, in the middle of one slot.
    Rule,
    /// A footnote of the current page: set at the foot of the page in 10 pt under a short
    /// rule, single-spaced, its first line led by `mark`; the page's text stops above it.
    Footnote {
        /// The mark ("*", "1").
        mark: String,
        /// The note's text.
        text: String,
    },
}

/// What every page of a sheet carries, and where its text column is.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// Baseline of the first slot, in points from the bottom.
    pub top: f64,
    /// Slot height in points.
    pub slot: f64,
    /// Slots per page.
    pub slots: usize,
    /// Text column's left edge.
    pub left: f64,
    /// Text column's right edge.
    pub right: f64,
    /// Body type size.
    pub size: f64,
    /// Margin line numbers: how many, the x of their right edge, their font, and the
    /// baseline of number 1 and the pitch (pleading paper: 28 on a 24 pt pitch).
    pub margin_numbers: Option<MarginNumbers>,
    /// Vertical rules (x) from top to bottom of the page's text area, as pleading paper has
    /// (two at the left, one at the right).
    pub rules: Vec<f64>,
    /// The footer lines drawn on every page, made from (page, of); each is (x centre, y, size,
    /// text).
    pub footer: Footer,
    /// What the footer prints (short title, page label).
    pub footer_info: FooterInfo,
    /// The CM/ECF stamp line of page i of n, drawn across the top; None: not filed.
    pub stamp: Option<StampForm>,
    /// The stamp's fields.
    pub stamp_info: StampInfo,
}

/// Pleading-paper or transcript margin numbers.
#[derive(Debug, Clone, Copy)]
pub struct MarginNumbers {
    /// How many (28 on pleading paper, 25 on a transcript).
    pub count: usize,
    /// Right edge of the numbers.
    pub x_right: f64,
    /// Baseline of number 1.
    pub top: f64,
    /// Pitch in points.
    pub pitch: f64,
    /// Font and size.
    pub font: Font,
    /// Type size.
    pub size: f64,
}

/// What a footer prints.
#[derive(Debug, Clone, Default)]
pub struct FooterInfo {
    /// The short title under the footer rule (pleading paper) or the form's name.
    pub title: String,
    /// A second line (case number, reporter's name).
    pub second: String,
}

/// What a CM/ECF stamp prints.
#[derive(Debug, Clone, Default)]
pub struct StampInfo {
    /// Case number as CM/ECF prints it in the stamp.
    pub case: String,
    /// Document number (`59`, `59-1`).
    pub doc: String,
    /// Filing date as printed (`03/14/24`).
    pub filed: String,
    /// PageID of the first page, where the court prints one.
    pub page_id: u32,
}

/// A sheet's empty footer.
pub fn no_footer(_: &FooterInfo, _: usize, _: usize) -> Vec<FooterLine> {
    Vec::new()
}

/// A centred page number, "- 2 -" style is not used: a plain number at the foot.
pub fn page_number_footer(_: &FooterInfo, page: usize, _: usize) -> Vec<FooterLine> {
    vec![(306.0, 40.0, 12.0, page.to_string())]
}

/// Pleading paper's footer: the page number, a rule, then the short title in small type.
pub fn pleading_footer(info: &FooterInfo, page: usize, _: usize) -> Vec<FooterLine> {
    let mut v = vec![(306.0, 46.0, 12.0, page.to_string())];
    if !info.title.is_empty() {
        v.push((306.0, 32.0, 8.0, info.title.clone()));
    }
    if !info.second.is_empty() {
        v.push((306.0, 23.0, 8.0, info.second.clone()));
    }
    v
}

/// The district courts' stamp: `Case 2:23-cv-04512-ABC-XYZ Document 59-1 Filed 03/14/24
/// Page 1 of 3`.
pub fn district_stamp(s: &StampInfo, page: usize, of: usize) -> String {
    format!(
        "Case {} Document {} Filed {} Page {} of {}",
        s.case, s.doc, s.filed, page, of
    )
}

/// The C.D. Cal. stamp: the district form with ` Page ID #:812`.
pub fn cacd_stamp(s: &StampInfo, page: usize, of: usize) -> String {
    format!(
        "Case {} Document {} Filed {} Page {} of {} Page ID #:{}",
        s.case,
        s.doc,
        s.filed,
        page,
        of,
        s.page_id + page as u32 - 1
    )
}

/// The S.D. Ind. / N.D. Ind. stamp: `PageID #: 45`.
pub fn insd_stamp(s: &StampInfo, page: usize, of: usize) -> String {
    format!(
        "Case {} Document {} Filed {} Page {} of {} PageID #: {}",
        s.case,
        s.doc,
        s.filed,
        page,
        of,
        s.page_id + page as u32 - 1
    )
}

/// The Federal Circuit's form: `Case: 23-1234 Document: 17 Page: 1 Filed: 03/14/2024`.
pub fn appellate_stamp(s: &StampInfo, page: usize, _: usize) -> String {
    format!(
        "Case: {}    Document: {}    Page: {}    Filed: {}",
        s.case, s.doc, page, s.filed
    )
}

/// The Eleventh Circuit's: `USCA11 Case: 23-12345 Document: 12 Date Filed: 03/14/2024
/// Page: 1 of 3`.
pub fn ca11_stamp(s: &StampInfo, page: usize, of: usize) -> String {
    format!(
        "USCA11 Case: {}    Document: {}    Date Filed: {}    Page: {} of {}",
        s.case, s.doc, s.filed, page, of
    )
}

/// Bankruptcy courts', on two lines: `Case 23-10456-abc Doc 45 Filed 03/14/24 Entered
/// 03/14/24 15:02:11 Desc Main` / `Document Page 1 of 2`.
pub fn bankruptcy_stamp(s: &StampInfo, page: usize, of: usize) -> String {
    format!(
        "Case {} Doc {} Filed {} Entered {} 15:02:11 Desc Main\nDocument Page {} of {}",
        s.case, s.doc, s.filed, s.filed, page, of
    )
}

/// The Third Circuit's: `Case: 23-1234 Document: 45 Page: 1 Date Filed: 03/14/2024`.
pub fn ca3_stamp(s: &StampInfo, page: usize, _: usize) -> String {
    format!(
        "Case: {}    Document: {}    Page: {}    Date Filed: {}",
        s.case, s.doc, page, s.filed
    )
}

/// One laid-out line: pieces (already placed at absolute x) with their word spacing, at a
/// baseline.
#[derive(Debug, Clone)]
struct Placed {
    y: f64,
    x: f64,
    text: String,
    font: Font,
    size: f64,
    tw: f64,
}

/// Greedy line breaks of `text` into lines no wider than `first` (the first line) and
/// `rest` (the others).
pub fn wrap(font: Font, size: f64, text: &str, first: f64, rest: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let limit = if lines.is_empty() { first } else { rest };
        let trial = if cur.is_empty() {
            word.to_string()
        } else {
            format!("{cur} {word}")
        };
        if !cur.is_empty() && width(font, size, &trial) > limit {
            lines.push(std::mem::take(&mut cur));
            cur = word.to_string();
        } else {
            cur = trial;
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Lays `blocks` onto pages of `sheet` and draws them into `doc`'s pages.
pub fn lay(sheet: &Sheet, blocks: &[Block]) -> Vec<Page> {
    let mut c = Cursor {
        sheet,
        slot: 0,
        reserved: 0,
        pages: vec![Vec::new()],
        rules: vec![Vec::new()],
        notes: vec![Vec::new()],
    };
    let size = sheet.size;
    let col = sheet.right - sheet.left;
    for block in blocks {
        match block {
            Block::Para {
                text,
                indent,
                spacing,
                inset,
                font,
            } => {
                let avail = col - inset;
                let lines = wrap(*font, size, text, avail - indent, avail);
                let last = lines.len().saturating_sub(1);
                for (i, line) in lines.iter().enumerate() {
                    let y = c.need(*spacing);
                    let x = sheet.left + inset + if i == 0 { *indent } else { 0.0 };
                    let limit = avail - if i == 0 { *indent } else { 0.0 };
                    let spaces = line.matches(' ').count();
                    let tw = if i < last && spaces > 0 {
                        (limit - width(*font, size, line)) / spaces as f64
                    } else {
                        0.0
                    };
                    c.placed().push(Placed {
                        y,
                        x,
                        text: line.clone(),
                        font: *font,
                        size,
                        tw,
                    });
                }
            }
            Block::Row { pieces, slots } => {
                let y = c.need(*slots);
                for p in pieces {
                    let w = width(p.font, size, &p.text);
                    let x = match p.align {
                        Align::Left => p.x,
                        Align::Center => p.x - w / 2.0,
                        Align::Right => p.x - w,
                    };
                    c.placed().push(Placed {
                        y,
                        x,
                        text: p.text.clone(),
                        font: p.font,
                        size,
                        tw: 0.0,
                    });
                }
            }
            Block::Gap(n) => {
                c.slot = (c.slot + n).min(sheet.slots);
            }
            Block::PageBreak => c.slot = sheet.slots,
            Block::Footnote { mark, text } => {
                let lines = wrap(Font::Roman, 10.0, &format!("{mark} {text}"), col, col);
                // Slots of the page kept for the note and its rule, counted in 12 pt lines.
                let keep = ((lines.len() as f64 + 1.5) * 12.0 / sheet.slot).ceil() as usize;
                c.reserved += keep;
                let notes = c.notes.last_mut().expect("a page");
                notes.extend(lines);
            }
            Block::Rule => {
                let y = c.need(1);
                c.rules
                    .last_mut()
                    .expect("a page")
                    .push(y + sheet.slot * 0.35);
            }
        }
    }
    let of = c.pages.len();
    // The baseline of the page's last slot: footnotes end there.
    let foot = sheet.top - sheet.slot * (sheet.slots - 1) as f64;
    c.pages
        .iter()
        .zip(&c.rules)
        .zip(&c.notes)
        .enumerate()
        .map(|(i, ((placed, hrules), notes))| {
            let mut page = Page::letter();
            draw_frame(&mut page, sheet, i + 1, of);
            for y in hrules {
                page.rule(sheet.left, *y, sheet.right, *y, 0.75);
            }
            for p in placed {
                page.text(p.font, p.size, p.x, p.y, &p.text, p.tw);
            }
            if !notes.is_empty() {
                let top = foot + 12.0 * (notes.len() - 1) as f64;
                page.rule(sheet.left, top + 14.0, sheet.left + 144.0, top + 14.0, 0.5);
                for (k, line) in notes.iter().enumerate() {
                    page.text(
                        Font::Roman,
                        10.0,
                        sheet.left,
                        top - 12.0 * k as f64,
                        line,
                        0.0,
                    );
                }
            }
            page
        })
        .collect()
}

/// Where the next line goes: the slot on the current page, and what is placed so far.
struct Cursor<'a> {
    sheet: &'a Sheet,
    slot: usize,
    /// Slots at the foot of the current page kept for its footnotes.
    reserved: usize,
    pages: Vec<Vec<Placed>>,
    rules: Vec<Vec<f64>>,
    notes: Vec<Vec<String>>,
}

impl Cursor<'_> {
    /// The baseline of a line taking `n` slots, on a new page when it does not fit.
    fn need(&mut self, n: usize) -> f64 {
        if self.slot + n + self.reserved > self.sheet.slots {
            self.pages.push(Vec::new());
            self.rules.push(Vec::new());
            self.notes.push(Vec::new());
            self.slot = 0;
            self.reserved = 0;
        }
        let y = self.sheet.top - self.sheet.slot * (self.slot + n - 1) as f64;
        self.slot += n;
        y
    }

    fn placed(&mut self) -> &mut Vec<Placed> {
        // invariant: `pages` starts with one page and only grows
        self.pages.last_mut().expect("a page")
    }
}

/// What every page of the sheet carries: stamp, margin numbers, rules, footer.
fn draw_frame(page: &mut Page, sheet: &Sheet, n: usize, of: usize) {
    if let Some(stamp) = sheet.stamp {
        page.set_stamp(&stamp(&sheet.stamp_info, n, of));
    }
    if let Some(m) = sheet.margin_numbers {
        for i in 1..=m.count {
            let s = i.to_string();
            let y = m.top - m.pitch * (i - 1) as f64;
            page.text(
                m.font,
                m.size,
                m.x_right - width(m.font, m.size, &s),
                y,
                &s,
                0.0,
            );
        }
    }
    for &x in &sheet.rules {
        page.rule(x, 0.0, x, page.height, 0.5);
    }
    for (cx, y, size, text) in (sheet.footer)(&sheet.footer_info, n, of) {
        let w = width(Font::Roman, size, &text);
        page.text(Font::Roman, size, cx - w / 2.0, y, &text, 0.0);
    }
}

/// A document from pages with the usual word-processor information.
pub fn doc(pages: Vec<Page>, creator: &str, date: &str) -> Doc {
    Doc {
        pages,
        producer: format!("{creator}; courtgen 0.1 (made-up court paper)"),
        creator: creator.into(),
        title: None,
        date: date.into(),
        embed_serif: false,
    }
}
