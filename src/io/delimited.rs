//! Splits pasted or delimited text into rows of cells.
//!
//! Excel and WPS put tab-separated text on the clipboard, quoting cells that
//! hold tabs, quotes or line breaks; CSV files use commas with the same
//! quoting. The `csv` crate implements exactly that quoting, so it does the
//! splitting; this module picks the delimiter and tidies the result.

use super::{Diagnostic, Severity};
use crate::i18n::Msg;

/// The field separator that was detected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delimiter {
    Tab,
    Comma,
    Semicolon,
    /// Cells of an xlsx sheet (no delimiter).
    Sheet,
}

impl Delimiter {
    fn byte(self) -> u8 {
        match self {
            Delimiter::Tab => b'\t',
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Sheet => b'\t',
        }
    }
}

/// Rows of raw cell text, with what was detected and found.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    pub delimiter: Delimiter,
    /// Non-blank rows, each with trailing empty cells removed, paired with
    /// their 1-based line number in the source.
    pub rows: Vec<(usize, Vec<String>)>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Picks the delimiter from the first non-empty line, outside quotes: tab if
/// present (what spreadsheets copy), else comma, else semicolon, else tab
/// (a single column).
pub fn detect_delimiter(text: &str) -> Delimiter {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let (mut tabs, mut commas, mut semis, mut quoted) = (0, 0, 0, false);
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            '\t' if !quoted => tabs += 1,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semis += 1,
            _ => {}
        }
    }
    if tabs > 0 {
        Delimiter::Tab
    } else if commas > 0 {
        Delimiter::Comma
    } else if semis > 0 {
        Delimiter::Semicolon
    } else {
        Delimiter::Tab
    }
}

/// Splits `text` into rows. Never fails: unreadable records become diagnostics.
pub fn split(text: &str) -> Grid {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = detect_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter.byte())
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // The csv crate does not count the blank lines it skips, so source lines
    // are found from byte offsets instead.
    let newlines: Vec<usize> = text
        .bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'\n')
        .map(|(i, _)| i)
        .collect();
    // A record's reported start lies before the blank lines skipped ahead of it.
    let bytes = text.as_bytes();
    let line_of = |byte: u64| -> usize {
        let mut byte = usize::try_from(byte).unwrap_or(usize::MAX);
        while bytes.get(byte).is_some_and(|b| *b == b'\n' || *b == b'\r') {
            byte += 1;
        }
        newlines.partition_point(|&nl| nl < byte) + 1
    };
    let mut rows = Vec::new();
    let mut diagnostics = Vec::new();
    for record in reader.records() {
        match record {
            Ok(rec) => {
                let line = rec.position().map(|p| line_of(p.byte())).unwrap_or(0);
                let mut cells: Vec<String> = rec.iter().map(|s| s.to_string()).collect();
                while cells.last().is_some_and(|c| c.trim().is_empty()) {
                    cells.pop();
                }
                if !cells.is_empty() {
                    rows.push((line, cells));
                }
            }
            Err(e) => {
                let line = e.position().map(|p| line_of(p.byte())).unwrap_or(0);
                diagnostics.push(Diagnostic {
                    severity: Severity::Error,
                    row: Some(line),
                    col: None,
                    msg: Msg::ErrCsvSyntax,
                    args: vec![line.to_string(), e.to_string()],
                });
            }
        }
    }
    // A quote that never closes makes the rest of the input one cell; say so,
    // pointing at the record where it opened (the last one with a line break
    // inside a cell).
    if text.bytes().filter(|b| *b == b'"').count() % 2 == 1 {
        let line = rows
            .iter()
            .rev()
            .find(|(_, cells)| cells.iter().any(|c| c.contains('\n')))
            .map(|(l, _)| *l)
            .unwrap_or(0);
        diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            row: Some(line),
            col: None,
            msg: Msg::WarnUnbalancedQuote,
            args: vec![line.to_string()],
        });
    }
    Grid {
        delimiter,
        rows,
        diagnostics,
    }
}
