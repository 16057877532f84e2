//! CM/ECF stamps: find them, parse them into `Ecf`, and drop them from the text.

use serde::Serialize;

/// The CM/ECF stamp of a document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Ecf {
    /// Case number as stamped.
    pub case_number: Option<String>,
}
