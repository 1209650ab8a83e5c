//! Headless conversion between text/bytes and the model: pasted or delimited
//! text → team table, with diagnostics; the embedded demo team.
//!
//! Parsing never fails as a whole: every entry point returns what it could
//! read plus a list of [`Diagnostic`]s with row and column. Must never import a
//! browser crate; `tests/tidy.rs` enforces it.

pub mod clipboard;
pub mod decode;
pub mod delimited;
pub mod demo;
pub mod export;
pub mod findings;
pub mod hourly;
pub mod import;
pub mod join;
pub mod library;
pub mod months_export;
pub mod scenario;
pub mod share;
pub mod sheets;
pub mod synthetic;
pub mod xlsx;
pub mod xlsx_write;

use crate::i18n::{Lang, Msg};

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The input (or a part of it) could not be used.
    Error,
    /// The input was used, but something was dropped or looks wrong.
    Warning,
}

/// One finding about an input, located by 1-based source row and column.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub row: Option<usize>,
    pub col: Option<usize>,
    pub msg: Msg,
    pub args: Vec<String>,
}

impl Diagnostic {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        self.msg.fill(lang, &self.args)
    }
}
