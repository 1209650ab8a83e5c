//! A range of cells to and from the clipboard as tab-separated text, the
//! format Excel and WPS put on the clipboard and read back into cells.
//!
//! Out: one line per row (CRLF between rows, none after the last), cells
//! quoted only when they hold a tab, a newline or a quote; text that would
//! start a formula gets a leading apostrophe ("CSV injection", as in
//! [`super::export::neutralize`]). In: Excel's quoted multi-line cells are
//! read as one cell, a trailing newline is not a row, and the apostrophe we
//! add is taken off again so a copy pasted back is the same value.

use crate::model::range::Range;
use crate::model::{Cell, Table, Unit};

/// One cell as copied: the editor's text (numbers without grouping, percents
/// as `32.26%`), with text that would start a formula neutralised. Numbers
/// are never neutralised (`-5` stays a number).
pub fn cell_text(cell: &Cell, unit: Unit) -> String {
    match cell {
        Cell::Number(_) | Cell::Empty | Cell::Bool(_) | Cell::Error(_) => cell.edit_text(unit),
        Cell::Text(_) | Cell::Invalid { .. } => super::export::neutralize(&cell.edit_text(unit)),
    }
}

fn quote(field: &str) -> String {
    if field.contains(['\t', '\n', '\r', '"']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// Rows of cell texts as TSV.
pub fn to_tsv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for (i, r) in rows.iter().enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        for (j, f) in r.iter().enumerate() {
            if j > 0 {
                out.push('\t');
            }
            out.push_str(&quote(f));
        }
    }
    out
}

/// Takes off the apostrophe [`cell_text`] adds before `=`, `+`, `-`, `@`.
fn unneutralize(field: String) -> String {
    let mut chars = field.chars();
    match (chars.next(), chars.next()) {
        (Some('\''), Some('=' | '+' | '-' | '@')) => field.chars().skip(1).collect(),
        _ => field,
    }
}

/// Pasted text as rows of cell texts. A single line without tabs is one
/// cell; ragged rows keep their lengths (missing cells are left alone by a
/// paste). An empty paste is no rows.
pub fn from_tsv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows: Vec<Vec<String>> = Vec::new();
    for rec in rdr.records() {
        match rec {
            Ok(r) => rows.push(r.iter().map(|f| unneutralize(f.to_string())).collect()),
            // A broken quote: keep the rest of the text as plain lines.
            Err(_) => break,
        }
    }
    // A blank line at the end (Excel ends its copy with a newline) is no row.
    while rows
        .last()
        .is_some_and(|r| r.iter().all(|f| f.is_empty()) && r.len() <= 1)
    {
        rows.pop();
    }
    rows
}

/// The cells of a range as copied, row by row.
pub fn range_texts(table: &Table, order: &[usize], range: Range) -> Vec<Vec<String>> {
    range
        .rows(order)
        .into_iter()
        .map(|row| {
            (range.c0..=range.c1.min(table.columns.len().saturating_sub(1)))
                .map(|c| {
                    let unit = table.columns.get(c).map(|x| x.unit).unwrap_or(Unit::Text);
                    table
                        .cell(row, c)
                        .map(|cell| cell_text(cell, unit))
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect()
}
