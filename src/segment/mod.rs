//! Segment a cleaned document into caption, body, order clauses, signature and footnotes.

use crate::clean::CleanDoc;
use serde::Serialize;

/// The caption.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Caption {
    /// Court as printed.
    pub court: Option<String>,
}
/// The body.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Body {
    /// Text.
    pub text: String,
}
/// The order.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Order {
    /// Lead-in.
    pub lead_in: Option<String>,
}
/// The signature.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Signature {
    /// Date.
    pub date: Option<String>,
}
/// A footnote.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Footnote {
    /// Text.
    pub text: String,
}
/// All segments.
#[derive(Debug, Clone, Default)]
pub struct Segments {
    /// Caption.
    pub caption: Caption,
    /// Body.
    pub body: Body,
    /// Order.
    pub order: Order,
    /// Signature.
    pub signature: Signature,
    /// Footnotes.
    pub footnotes: Vec<Footnote>,
    /// Warnings.
    pub warnings: Vec<String>,
}

/// Segment.
pub fn segment(doc: &CleanDoc) -> Segments {
    let text = doc.pages.iter().flat_map(|p| p.lines.iter().map(|l| l.text())).collect::<Vec<_>>().join("\n");
    Segments { body: Body { text }, ..Segments::default() }
}
