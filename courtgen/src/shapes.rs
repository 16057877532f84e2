//! The shapes court papers share, as blocks: pleading-paper and plain sheets, captions with a
//! ")" column or a dashed box, attorney blocks, signature blocks, headings and paragraphs.
//!
//! These are the forms of the Central, Northern, Eastern and Southern Districts of California
//! (Civil L.R. 3-4, L.R. 11-3: 28 numbered lines, a caption with the case number at the
//! right), of the Southern District of New York (a caption boxed by dashed lines, "-against-")
//! and of the courts of appeals. What it never does: hold the text of a paper (that is
//! `papers`) or draw anything (that is `flow`).

use crate::flow::{
    page_number_footer, pleading_footer, Align, Block, FooterInfo, MarginNumbers, Piece, Sheet,
    StampForm, StampInfo,
};
use crate::pdf::Font;

/// Pleading paper: 28 margin numbers right-aligned at x = 60 on a 24 pt pitch, a double rule
/// at the left and a single one at the right, the short title in the footer.
pub fn pleading(
    stamp: Option<StampForm>,
    stamp_info: StampInfo,
    short_title: &str,
    case_line: &str,
) -> Sheet {
    Sheet {
        top: 732.0,
        slot: 12.0,
        slots: 56,
        left: 90.0,
        right: 535.0,
        size: 12.0,
        margin_numbers: Some(MarginNumbers {
            count: 28,
            x_right: 60.0,
            top: 720.0,
            pitch: 24.0,
            font: Font::Roman,
            size: 12.0,
        }),
        rules: vec![68.0, 71.0, 542.0],
        footer: pleading_footer,
        footer_info: FooterInfo {
            title: short_title.into(),
            second: case_line.into(),
        },
        stamp,
        stamp_info,
    }
}

/// A plain sheet: one-inch margins, 14 pt slots, the page number at the foot.
pub fn plain(stamp: Option<StampForm>, stamp_info: StampInfo) -> Sheet {
    Sheet {
        top: 720.0,
        slot: 14.0,
        slots: 46,
        left: 72.0,
        right: 540.0,
        size: 12.0,
        margin_numbers: None,
        rules: Vec::new(),
        footer: page_number_footer,
        footer_info: FooterInfo::default(),
        stamp,
        stamp_info,
    }
}

/// The stamp's fields.
pub fn stamp(case: &str, doc: &str, filed: &str, page_id: u32) -> StampInfo {
    StampInfo {
        case: case.into(),
        doc: doc.into(),
        filed: filed.into(),
        page_id,
    }
}

/// A double-spaced paragraph with a half-inch first-line indent.
pub fn para(text: &str) -> Block {
    Block::Para {
        text: text.into(),
        indent: 36.0,
        spacing: 2,
        inset: 0.0,
        font: Font::Roman,
    }
}

/// A single-spaced paragraph (block quotes, forms, letters), indented `indent` on the first
/// line and `inset` on all.
pub fn single(text: &str, indent: f64, inset: f64) -> Block {
    Block::Para {
        text: text.into(),
        indent,
        spacing: 1,
        inset,
        font: Font::Roman,
    }
}

/// A line of text at x, left-aligned, taking `slots` slots.
pub fn at(x: f64, text: &str, font: Font, slots: usize) -> Block {
    Block::Row {
        pieces: vec![piece(x, text, font, Align::Left)],
        slots,
    }
}

/// A piece of a row.
pub fn piece(x: f64, text: &str, font: Font, align: Align) -> Piece {
    Piece {
        x,
        text: text.into(),
        font,
        align,
    }
}

/// A line centred on x, taking `slots` slots.
pub fn center_at(x: f64, text: &str, font: Font, slots: usize) -> Block {
    Block::Row {
        pieces: vec![piece(x, text, font, Align::Center)],
        slots,
    }
}

/// Lines centred on the text column of `sheet`, single-spaced, in `font`.
pub fn centered(sheet: &Sheet, lines: &[&str], font: Font) -> Vec<Block> {
    let cx = (sheet.left + sheet.right) / 2.0;
    lines.iter().map(|l| center_at(cx, l, font, 1)).collect()
}

/// A left-column / ")" / right-column caption, single-spaced: the parties at the left edge,
/// the case number and title right of the parenthesis column at `paren`.
pub fn paren_caption(
    sheet: &Sheet,
    left: &[&str],
    right: &[(&str, Font)],
    paren: f64,
) -> Vec<Block> {
    let rows = left.len().max(right.len());
    (0..rows)
        .map(|i| {
            let mut pieces = Vec::new();
            if let Some(l) = left.get(i).filter(|l| !l.is_empty()) {
                // Role lines ("Plaintiff,") are indented as typed with tabs.
                let role = l.trim_start().len() != l.len();
                let x = sheet.left + if role { 72.0 } else { 0.0 };
                pieces.push(piece(x, l.trim_start(), Font::Roman, Align::Left));
            }
            pieces.push(piece(paren, ")", Font::Roman, Align::Left));
            if let Some((r, f)) = right.get(i).filter(|r| !r.0.is_empty()) {
                pieces.push(piece(paren + 14.0, r, *f, Align::Left));
            }
            Block::Row { pieces, slots: 1 }
        })
        .collect()
}

/// The attorney block at the top left of a filing, single-spaced from line 1.
pub fn attorney_block(sheet: &Sheet, lines: &[&str]) -> Vec<Block> {
    lines
        .iter()
        .map(|l| at(sheet.left, l, Font::Roman, 1))
        .collect()
}

/// A signature block at the right half of the column, one line a slot.
pub fn signature(x: f64, lines: &[&str]) -> Vec<Block> {
    lines.iter().map(|l| at(x, l, Font::Roman, 1)).collect()
}

/// A centred bold heading taking two slots.
pub fn heading(sheet: &Sheet, text: &str) -> Block {
    center_at((sheet.left + sheet.right) / 2.0, text, Font::Bold, 2)
}

/// "Dated:" on the left and the judge's signature lines on the right, as California
/// district orders end.
pub fn dated_and_signed(sheet: &Sheet, dated: &str, sig: &[&str]) -> Vec<Block> {
    let x = 320.0;
    let mut out = vec![Block::Row {
        pieces: vec![piece(sheet.left, dated, Font::Roman, Align::Left)],
        slots: 2,
    }];
    out.push(Block::Gap(1));
    for l in sig {
        let font = if l.starts_with("/s/") {
            Font::Italic
        } else {
            Font::Roman
        };
        out.push(Block::Row {
            pieces: vec![piece(x, l, font, Align::Left)],
            slots: 1,
        });
    }
    out
}
