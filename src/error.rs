//! Per-document errors: each becomes an error record, and the batch goes on.

use thiserror::Error;

/// Why one document could not be read. `kind()` is the record's `error.kind`.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum DocError {
    /// The file could not be read from disk.
    #[error("cannot read file: {0}")]
    Io(String),
    /// The file holds no content: no bytes at all, or only zero bytes and blanks (a download
    /// that was created, or preallocated at its full size, and never received its content).
    /// The number is the file's size.
    #[error("empty file: {}", empty_size(*.0))]
    Empty(usize),
    /// The bytes are not a PDF at all.
    #[error("not a PDF: {0}")]
    NotPdf(String),
    /// A PDF whose structure could not be recovered.
    #[error("damaged PDF: {0}")]
    Damaged(String),
    /// Encrypted with a password other than the empty one, or in a way that cannot be read.
    #[error("encrypted PDF: {0}")]
    Encrypted(String),
    /// The PDF engine panicked on this file.
    #[error("the PDF engine panicked: {0}")]
    Panic(String),
    /// The document took longer than its time limit (the message says which).
    #[error("timed out: {0}")]
    Timeout(String),
    /// The worker reading the document went over the memory cap.
    #[error("over the memory cap: {0}")]
    Memory(String),
    /// The worker reading the document died (a crash, an abort, a stack overflow).
    #[error("crashed: {0}")]
    Crashed(String),
    /// The document is over one of the caps against hostile input (size, pages, glyphs).
    #[error("over a limit: {0}")]
    Limit(String),
}

impl DocError {
    /// The stable, machine-readable kind used in records.
    pub fn kind(&self) -> &'static str {
        match self {
            DocError::Io(_) => "io",
            DocError::Empty(_) => "empty",
            DocError::NotPdf(_) => "not_pdf",
            DocError::Damaged(_) => "damaged",
            DocError::Encrypted(_) => "encrypted",
            DocError::Panic(_) => "panic",
            DocError::Timeout(_) => "timeout",
            DocError::Memory(_) => "memory",
            DocError::Crashed(_) => "crashed",
            DocError::Limit(_) => "limit",
        }
    }
}

/// An empty file's size as its message says it: "0 bytes", or the size of one that holds
/// only zero bytes and blanks.
fn empty_size(bytes: usize) -> String {
    match bytes {
        0 => "0 bytes".to_string(),
        n => format!("{n} bytes, all zero or blank (a download that never received its content)"),
    }
}
