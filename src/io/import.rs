//! Turns split rows into a team table: header mapping, value parsing by unit,
//! summary-row and blank-agent cleaning, duplicate detection.
//!
//! Never fails as a whole: an input it cannot use gives an empty table and an
//! error diagnostic; the caller keeps its previous state in that case.

use super::delimited::{split, Delimiter, Grid};
use super::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::model::metric::lookup_header;
use crate::model::unit::{infer_percent_scale, is_missing, parse_value, Direction, Parsed, Unit};
use crate::model::{Cell, Column, MetricId, Table};
use std::collections::HashSet;

/// What an import produced.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportResult {
    /// The table; empty when the input could not be used.
    pub table: Table,
    pub delimiter: Delimiter,
    /// Every finding, errors first in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// Summary rows (汇总, 合计…) that were dropped: (source line, label).
    pub dropped: Vec<(usize, String)>,
}

impl ImportResult {
    /// True when the input gave no usable table.
    pub fn is_rejected(&self) -> bool {
        self.table.columns.is_empty()
    }
}

/// Most columns accepted (a wider paste is a mistake, not a team export).
pub const MAX_COLUMNS: usize = 1_000;

/// Labels of summary rows in exports (compared lower-case, spaces removed).
const SUMMARY_LABELS: &[&str] = &[
    "汇总",
    "合计",
    "总计",
    "平均",
    "均值",
    "平均值",
    "小计",
    "总和",
    "total",
    "totals",
    "sum",
    "average",
    "avg",
    "mean",
    "subtotal",
    "grandtotal",
];

/// True when a row labelled `label` is a summary row, not an agent.
pub fn is_summary_label(label: &str) -> bool {
    let n: String = label
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ':' | '：'))
        .collect::<String>()
        .to_lowercase();
    SUMMARY_LABELS.contains(&n.as_str())
}

fn diag(
    severity: Severity,
    row: Option<usize>,
    col: Option<usize>,
    msg: Msg,
    args: Vec<String>,
) -> Diagnostic {
    Diagnostic {
        severity,
        row,
        col,
        msg,
        args,
    }
}

/// Infers the unit of a custom (unrecognised) column from its values.
fn infer_custom_unit<'a>(values: impl Iterator<Item = &'a str> + Clone) -> Unit {
    let present: Vec<&str> = values.filter(|v| !is_missing(v)).collect();
    if present.is_empty() {
        return Unit::Number;
    }
    let all = |unit: Unit| {
        present.iter().all(|v| {
            matches!(
                parse_value(v, unit, crate::model::PercentScale::Points),
                Parsed::Number(_)
            )
        })
    };
    if present
        .iter()
        .all(|v| v.trim().ends_with('%') || v.trim().ends_with('％'))
        && all(Unit::Percent)
    {
        Unit::Percent
    } else if all(Unit::Number) {
        Unit::Number
    } else {
        Unit::Text
    }
}

/// Imports pasted or delimited text.
pub fn import_text(text: &str) -> ImportResult {
    import_grid(split(text))
}

/// Imports rows already split.
pub fn import_grid(grid: Grid) -> ImportResult {
    let Grid {
        delimiter,
        rows,
        mut diagnostics,
    } = grid;
    let reject = |mut diagnostics: Vec<Diagnostic>, msg: Msg| {
        diagnostics.insert(0, diag(Severity::Error, None, None, msg, Vec::new()));
        ImportResult {
            table: Table::default(),
            delimiter,
            diagnostics,
            dropped: Vec::new(),
        }
    };
    // Title rows above the header (赤兔 and 千牛 exports open with a report
    // title in one merged cell, sometimes a date line too): leading rows with
    // one filled cell that is not a known header, before a wider row within
    // the first few, are skipped with a note.
    let mut rows = rows;
    let filled = |r: &[String]| r.iter().filter(|c| !c.trim().is_empty()).count();
    let lone = |r: &[String]| {
        filled(r) == 1
            && r.iter()
                .find(|c| !c.trim().is_empty())
                .is_some_and(|t| lookup_header(t).is_none())
    };
    if let Some(k) = rows.iter().take(6).position(|(_, r)| filled(r) >= 2) {
        if rows.iter().take(k).all(|(_, r)| lone(r)) {
            for (row_no, r) in rows.drain(..k) {
                let title = r.into_iter().find(|c| !c.trim().is_empty());
                diagnostics.push(diag(
                    Severity::Warning,
                    Some(row_no),
                    None,
                    Msg::ImpTitleRowSkipped,
                    title.into_iter().collect(),
                ));
            }
        }
    }
    let Some(((_, header), body)) = rows.split_first() else {
        return reject(diagnostics, Msg::ErrEmptyInput);
    };
    // One cell that is not a known header: a stray copy, not a header row.
    if body.is_empty()
        && header.len() == 1
        && header.first().and_then(|h| lookup_header(h)).is_none()
    {
        let mut r = reject(diagnostics, Msg::ImpErrSingleCell);
        if let Some(d) = r.diagnostics.first_mut() {
            d.args = vec![header.first().cloned().unwrap_or_default()];
        }
        return r;
    }
    if header.len() > MAX_COLUMNS {
        let mut r = reject(diagnostics, Msg::ImpErrTooManyColumns);
        if let Some(d) = r.diagnostics.first_mut() {
            d.args = vec![header.len().to_string(), MAX_COLUMNS.to_string()];
        }
        return r;
    }

    // Map headers; a metric claimed by an earlier column makes later ones custom.
    let mut used = HashSet::new();
    let mut metrics: Vec<Option<MetricId>> = Vec::with_capacity(header.len());
    for h in header {
        let m = lookup_header(h).map(|d| d.id).filter(|id| used.insert(*id));
        metrics.push(m);
    }
    let Some(agent_col) = metrics.iter().position(|m| *m == Some(MetricId::Agent)) else {
        return reject(diagnostics, Msg::ErrNoAgentColumn);
    };
    let width = header.len();
    let cell_text = |r: &[String], c: usize| -> String { r.get(c).cloned().unwrap_or_default() };

    // Clean rows: summary rows, blank agents, ragged rows.
    let mut kept: Vec<(usize, &Vec<String>)> = Vec::new();
    let mut dropped = Vec::new();
    for (line, r) in body {
        let name = cell_text(r, agent_col);
        let first = r.first().cloned().unwrap_or_default();
        if is_summary_label(&name) || (name.trim().is_empty() && is_summary_label(&first)) {
            let label = if name.trim().is_empty() { first } else { name };
            diagnostics.push(diag(
                Severity::Warning,
                Some(*line),
                None,
                Msg::WarnSummaryRowDropped,
                vec![line.to_string(), label.trim().to_string()],
            ));
            dropped.push((*line, label.trim().to_string()));
            continue;
        }
        if name.trim().is_empty() {
            diagnostics.push(diag(
                Severity::Warning,
                Some(*line),
                None,
                Msg::WarnBlankAgent,
                vec![line.to_string()],
            ));
            continue;
        }
        if r.len() > width {
            diagnostics.push(diag(
                Severity::Warning,
                Some(*line),
                None,
                Msg::WarnRaggedRow,
                vec![line.to_string(), r.len().to_string(), width.to_string()],
            ));
        }
        kept.push((*line, r));
    }

    if kept.is_empty() {
        return reject(diagnostics, Msg::ImpErrNoRows);
    }

    // Columns with units.
    let mut columns = Vec::with_capacity(width);
    for (c, h) in header.iter().enumerate() {
        let col = match metrics
            .get(c)
            .copied()
            .flatten()
            .and_then(crate::model::metric::def)
        {
            Some(d) => Column {
                name: h.trim().to_string(),
                metric: Some(d.id),
                unit: d.unit,
                direction: d.direction,
                formula: None,
            },
            None => Column {
                name: h.trim().to_string(),
                metric: None,
                unit: infer_custom_unit(
                    kept.iter()
                        .map(|(_, r)| r.get(c).map(String::as_str).unwrap_or("")),
                ),
                direction: Direction::Neutral,
                formula: None,
            },
        };
        columns.push(col);
    }

    // Parse values column by column (the percent rule looks at the whole column).
    let mut table_cols: Vec<Vec<Cell>> = Vec::with_capacity(width);
    for (c, col) in columns.iter().enumerate() {
        let scale = infer_percent_scale(
            kept.iter()
                .map(|(_, r)| r.get(c).map(String::as_str).unwrap_or("")),
        );
        let mut out = Vec::with_capacity(kept.len());
        for (line, r) in kept.iter() {
            let raw = r.get(c).map(String::as_str).unwrap_or("");
            let cell = Cell::from_parsed(parse_value(raw, col.unit, scale), raw);
            if let Cell::Invalid { problem, .. } = &cell {
                diagnostics.push(diag(
                    Severity::Warning,
                    Some(*line),
                    Some(c + 1),
                    *problem,
                    vec![raw.trim().to_string()],
                ));
            }
            out.push(cell);
        }
        table_cols.push(out);
    }

    // Known numeric columns that hold nothing readable mean the wrong range or file.
    let (mut numbers, mut invalid) = (0usize, 0usize);
    for (c, col) in columns.iter().enumerate() {
        if col.metric.is_some() && col.unit.is_numeric() {
            for cell in table_cols.get(c).map(Vec::as_slice).unwrap_or(&[]) {
                match cell {
                    Cell::Number(_) => numbers += 1,
                    Cell::Invalid { .. } => invalid += 1,
                    _ => {}
                }
            }
        }
    }
    if numbers == 0 && invalid > 0 {
        return reject(diagnostics, Msg::ImpErrAllInvalid);
    }

    // Duplicate agents are kept but flagged.
    let mut seen = HashSet::new();
    for (line, r) in &kept {
        let name = cell_text(r, agent_col).trim().to_string();
        if !seen.insert(name.clone()) {
            diagnostics.push(diag(
                Severity::Warning,
                Some(*line),
                Some(agent_col + 1),
                Msg::WarnDuplicateAgent,
                vec![name, line.to_string()],
            ));
        }
    }

    diagnostics.sort_by_key(|d| {
        (
            d.severity != Severity::Error,
            d.row.unwrap_or(0),
            d.col.unwrap_or(0),
        )
    });
    ImportResult {
        table: Table::from_columns(columns, table_cols),
        delimiter,
        diagnostics,
        dropped,
    }
}
