//! Turns split rows into a team table: header-row detection, header mapping
//! (dictionary, remembered mappings, unit hints in brackets), value parsing
//! by unit, `店铺:客服` names, summary-row and blank-agent cleaning,
//! duplicate detection.
//!
//! Never fails as a whole: an input it cannot use gives an empty table and an
//! error diagnostic; the caller keeps its previous state in that case.

use super::delimited::{split, Delimiter, Grid};
use super::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::model::metric::{
    def, lookup_header, split_shop, unit_hint, HintFactor, ImportMemory, UnitHint,
};
use crate::model::unit::{
    infer_percent_scale, is_missing, parse_value, Direction, Parsed, PercentScale, Unit,
};
use crate::model::{Cell, Column, MetricId, Table};
use std::collections::HashSet;

/// How one imported column got its meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MappedBy {
    /// The header is in the metric dictionary.
    Dictionary,
    /// The user mapped this header before (remembered) or in this preview.
    Remembered,
    /// Not recognised: a custom column (its unit from a hint or its values).
    Custom,
}

/// What the preview shows of one column.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnInfo {
    /// The header as it was in the file.
    pub header: String,
    /// A unit hint found in the header's brackets.
    pub hint: Option<UnitHint>,
    pub mapped_by: MappedBy,
}

/// The `店铺:客服` prefixes found in the agent column.
#[derive(Clone, Debug, PartialEq)]
pub struct ShopPrefix {
    /// The distinct shop names, in order of first appearance.
    pub shops: Vec<String>,
    /// Whether the names were imported without them.
    pub dropped: bool,
}

/// Choices the user (or the remembered settings) makes for one import.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportOptions {
    /// The header row, as an index into the grid's rows; `None` detects it.
    pub header_row: Option<usize>,
    /// Remembered mappings and the shop-prefix choice.
    pub memory: ImportMemory,
}

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
    /// The header row taken, as an index into the grid's rows.
    pub header_index: usize,
    /// Its source line (1-based).
    pub header_line: usize,
    /// The first rows of the input (index, line, cells joined), to pick
    /// another header row from.
    pub candidates: Vec<(usize, usize, String)>,
    /// One entry per table column.
    pub info: Vec<ColumnInfo>,
    /// Shop prefixes in agent names, if any.
    pub shop: Option<ShopPrefix>,
    /// A day or period named in title rows above the header
    /// (`统计时间：2026-10-01至2026-10-01`): (first, last) as `YYYY-MM-DD`.
    pub period: Option<(String, String)>,
}

impl ImportResult {
    /// True when the input gave no usable table.
    pub fn is_rejected(&self) -> bool {
        self.table.columns.is_empty()
    }
}

/// Most columns accepted (a wider paste is a mistake, not a team export).
pub const MAX_COLUMNS: usize = 1_000;
/// How many leading rows are searched for the header.
const HEADER_SEARCH: usize = 30;
/// How many leading rows the preview offers as header candidates.
const CANDIDATES: usize = 12;

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
    "总体",
    "全部",
    "团队汇总",
    "团队平均",
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

/// True when `raw` reads as a duration written with units or a clock
/// (`8分48秒`, `00:01:20`, `32s`), not a bare number.
fn looks_like_duration(raw: &str) -> bool {
    let t = raw.trim();
    matches!(
        parse_value(t, Unit::Seconds, PercentScale::Points),
        Parsed::Number(_)
    ) && !matches!(
        parse_value(t, Unit::Number, PercentScale::Points),
        Parsed::Number(_)
    )
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
                parse_value(v, unit, PercentScale::Points),
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
    } else if all(Unit::Seconds) && present.iter().any(|v| looks_like_duration(v)) {
        Unit::Seconds
    } else {
        Unit::Text
    }
}

/// Finds `YYYY-MM-DD` dates in `text` (also `YYYY/MM/DD`, `YYYY年MM月DD日` and
/// `YYYYMMDD`): the first and the last, for a period such as
/// `2026-10-01至2026-10-01` in a file name or a title row.
pub fn find_period(text: &str) -> Option<(String, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut found: Vec<String> = Vec::new();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let s: String = chars.get(from..from + n)?.iter().collect();
        if s.chars().all(|c| c.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let before_ok = i == 0 || !chars.get(i - 1).is_some_and(|c| c.is_ascii_digit());
        if !before_ok {
            i += 1;
            continue;
        }
        if let Some(y) = digits(i, 4).filter(|y| (2000..=2100).contains(y)) {
            // Separated: 2026-10-01, 2026/10/1, 2026年10月1日, 2026.10.01
            let sep = chars.get(i + 4).copied();
            if matches!(sep, Some('-' | '/' | '年' | '.')) {
                let mut j = i + 5;
                let m_len = if digits(j, 2).is_some() { 2 } else { 1 };
                if let Some(m) = digits(j, m_len) {
                    j += m_len;
                    if matches!(chars.get(j), Some('-' | '/' | '月' | '.')) {
                        j += 1;
                        let d_len = if digits(j, 2).is_some() { 2 } else { 1 };
                        if let Some(d) = digits(j, d_len) {
                            if valid_date(y, m, d) {
                                found.push(format!("{y:04}-{m:02}-{d:02}"));
                                i = j + d_len;
                                continue;
                            }
                        }
                    }
                }
            } else if let (Some(m), Some(d)) = (digits(i + 4, 2), digits(i + 6, 2)) {
                let after_ok = !chars.get(i + 8).is_some_and(|c| c.is_ascii_digit());
                if after_ok && valid_date(y, m, d) {
                    found.push(format!("{y:04}-{m:02}-{d:02}"));
                    i += 8;
                    continue;
                }
            }
        }
        i += 1;
    }
    let first = found.first()?.clone();
    let last = found.last().cloned().unwrap_or_else(|| first.clone());
    Some((first, last))
}

fn valid_date(y: u32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= crate::model::rollup::days_in_month(y, m)
}

/// Imports pasted or delimited text.
pub fn import_text(text: &str) -> ImportResult {
    import_grid(split(text))
}

/// Imports rows already split, detecting the header row.
pub fn import_grid(grid: Grid) -> ImportResult {
    import_grid_with(grid, &ImportOptions::default())
}

/// How a header maps: (metric, unit, how) from the remembered mappings,
/// then the dictionary, else custom (unit decided later).
fn map_header(h: &str, memory: &ImportMemory) -> (Option<MetricId>, Option<Unit>, MappedBy) {
    if let Some(m) = memory.find(h) {
        return (m.metric, Some(m.unit), MappedBy::Remembered);
    }
    match lookup_header(h) {
        Some(d) => (Some(d.id), Some(d.unit), MappedBy::Dictionary),
        None => (None, None, MappedBy::Custom),
    }
}

/// The row that looks most like the header among the first rows: the first
/// with an agent column and another known header; else the first with an
/// agent column; else the one with most known headers; else the first row.
pub fn detect_header(rows: &[(usize, Vec<String>)], memory: &ImportMemory) -> usize {
    let mut best: Option<(usize, usize)> = None;
    let mut first_agent = None;
    for (i, (_, row)) in rows.iter().take(HEADER_SEARCH).enumerate() {
        let mapped: Vec<Option<MetricId>> = row.iter().map(|h| map_header(h, memory).0).collect();
        let known = mapped.iter().filter(|m| m.is_some()).count();
        let agent = mapped.contains(&Some(MetricId::Agent));
        if agent && known >= 2 {
            return i;
        }
        if agent && first_agent.is_none() {
            first_agent = Some(i);
        }
        if known >= 2 && best.is_none_or(|(_, k)| known > k) {
            best = Some((i, known));
        }
    }
    first_agent.or(best.map(|(i, _)| i)).unwrap_or(0)
}

/// Parses `raw` for a column of `unit` whose header had `hint`: bare
/// numbers are scaled by the hint (minutes → seconds, 万元 → yuan); values
/// written with their own units (`8分48秒`, `1.2万`) are read as written.
fn parse_hinted(raw: &str, unit: Unit, scale: PercentScale, hint: Option<UnitHint>) -> Parsed {
    let Some(h) = hint else {
        return parse_value(raw, unit, scale);
    };
    if unit == Unit::Percent && h == UnitHint::Percent {
        return parse_value(raw, unit, PercentScale::Points);
    }
    let bare = matches!(
        parse_value(raw, Unit::Number, PercentScale::Points),
        Parsed::Number(_)
    ) && !raw.contains(['万', '亿', '%', '％', '元', '¥', '￥']);
    match (h.factor(), bare, unit) {
        (HintFactor::Times(f), true, Unit::Seconds) if f != 1.0 => {
            match parse_value(raw, unit, scale) {
                Parsed::Number(v) => Parsed::Number(v * f),
                other => other,
            }
        }
        (HintFactor::Pow10(4), true, Unit::Money) => {
            parse_value(&format!("{}万", raw.trim()), unit, scale)
        }
        _ => parse_value(raw, unit, scale),
    }
}

/// Imports rows already split, with the user's choices.
pub fn import_grid_with(grid: Grid, options: &ImportOptions) -> ImportResult {
    let Grid {
        delimiter,
        rows,
        mut diagnostics,
    } = grid;
    let memory = &options.memory;
    let candidates: Vec<(usize, usize, String)> = rows
        .iter()
        .take(CANDIDATES)
        .enumerate()
        .map(|(i, (line, r))| {
            let text: Vec<&str> = r
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .take(8)
                .collect();
            (i, *line, text.join(" | "))
        })
        .collect();
    let header_index = options
        .header_row
        .filter(|i| *i < rows.len())
        .unwrap_or_else(|| detect_header(&rows, memory));
    let header_line = rows.get(header_index).map(|(l, _)| *l).unwrap_or(1);
    let reject = |mut diagnostics: Vec<Diagnostic>, msg: Msg, args: Vec<String>| {
        diagnostics.insert(0, diag(Severity::Error, None, None, msg, args));
        ImportResult {
            table: Table::default(),
            delimiter,
            diagnostics,
            dropped: Vec::new(),
            header_index,
            header_line,
            candidates: candidates.clone(),
            info: Vec::new(),
            shop: None,
            period: None,
        }
    };
    let Some((_, header)) = rows.get(header_index) else {
        return reject(diagnostics, Msg::ErrEmptyInput, Vec::new());
    };
    let above = rows.get(..header_index).unwrap_or(&[]);
    let body = rows.get(header_index + 1..).unwrap_or(&[]);
    // One cell that is not a known header: a stray copy, not a header row.
    if body.is_empty()
        && above.is_empty()
        && header.len() == 1
        && header.first().and_then(|h| lookup_header(h)).is_none()
    {
        let cell = header.first().cloned().unwrap_or_default();
        return reject(diagnostics, Msg::ImpErrSingleCell, vec![cell]);
    }
    if header.len() > MAX_COLUMNS {
        return reject(
            diagnostics,
            Msg::ImpErrTooManyColumns,
            vec![header.len().to_string(), MAX_COLUMNS.to_string()],
        );
    }
    // Title and note rows above the header are skipped, and said so.
    let mut period = None;
    if let (Some((first, _)), Some((last, _))) = (above.first(), above.last()) {
        let text: Vec<String> = above
            .iter()
            .map(|(_, r)| {
                r.iter()
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let joined = text.join(" / ");
        period = find_period(&joined);
        let shown: String = joined.chars().take(60).collect();
        let (msg, args) = if first == last {
            (Msg::WarnRowAboveHeader, vec![first.to_string(), shown])
        } else {
            (
                Msg::WarnRowsAboveHeader,
                vec![first.to_string(), last.to_string(), shown],
            )
        };
        diagnostics.push(diag(Severity::Warning, Some(*first), None, msg, args));
    }

    // Map headers; a metric claimed by an earlier column makes later ones custom.
    let mut used = HashSet::new();
    let mut mapped: Vec<(Option<MetricId>, Option<Unit>, MappedBy)> =
        Vec::with_capacity(header.len());
    for h in header {
        let (m, u, by) = map_header(h, memory);
        match m {
            Some(id) if !used.insert(id) => mapped.push((None, None, MappedBy::Custom)),
            _ => mapped.push((m, u, by)),
        }
    }
    let Some(agent_col) = mapped.iter().position(|m| m.0 == Some(MetricId::Agent)) else {
        let seen: Vec<String> = header
            .iter()
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty())
            .take(6)
            .collect();
        return reject(diagnostics, Msg::ErrNoAgentColumn, vec![seen.join("、")]);
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
        return reject(diagnostics, Msg::ImpErrNoRows, Vec::new());
    }

    // Columns with units: a remembered mapping, else the metric's unit, else
    // the header's hint, else what the values look like.
    let mut columns = Vec::with_capacity(width);
    let mut info = Vec::with_capacity(width);
    let mut hints = Vec::with_capacity(width);
    for (c, h) in header.iter().enumerate() {
        let (metric, unit, by) = mapped
            .get(c)
            .copied()
            .unwrap_or((None, None, MappedBy::Custom));
        let hint = unit_hint(h);
        let d = metric.and_then(def);
        let values = kept
            .iter()
            .map(|(_, r)| r.get(c).map(String::as_str).unwrap_or(""));
        let unit = match (unit, hint) {
            (Some(u), _) => u,
            (None, Some(hn)) => hn.unit(),
            (None, None) => infer_custom_unit(values),
        };
        // A hint that names another kind of unit than the metric's is reported, not applied.
        let hint = match hint {
            Some(hn) if hn.unit() != unit => {
                diagnostics.push(diag(
                    Severity::Warning,
                    Some(header_line),
                    Some(c + 1),
                    Msg::WarnHintIgnored,
                    vec![h.trim().to_string(), hn.label().to_string()],
                ));
                None
            }
            other => other,
        };
        hints.push(hint);
        columns.push(Column {
            name: h.trim().to_string(),
            metric,
            unit,
            direction: d.map(|d| d.direction).unwrap_or(Direction::Neutral),
            formula: None,
        });
        info.push(ColumnInfo {
            header: h.trim().to_string(),
            hint,
            mapped_by: by,
        });
    }

    // Parse values column by column (the percent rule looks at the whole column).
    let mut table_cols: Vec<Vec<Cell>> = Vec::with_capacity(width);
    for (c, col) in columns.iter().enumerate() {
        let scale = infer_percent_scale(
            kept.iter()
                .map(|(_, r)| r.get(c).map(String::as_str).unwrap_or("")),
        );
        let hint = hints.get(c).copied().flatten();
        let mut out = Vec::with_capacity(kept.len());
        let mut clock_warned = false;
        for (line, r) in kept.iter() {
            let raw = r.get(c).map(String::as_str).unwrap_or("");
            let cell = Cell::from_parsed(parse_hinted(raw, col.unit, scale, hint), raw);
            // `(秒)` over `08:48`: read as minutes:seconds, and said once.
            if !clock_warned
                && hint == Some(UnitHint::Seconds)
                && raw.contains([':', '：'])
                && matches!(cell, Cell::Number(_))
            {
                clock_warned = true;
                diagnostics.push(diag(
                    Severity::Warning,
                    Some(*line),
                    Some(c + 1),
                    Msg::WarnHintClock,
                    vec![
                        col.name.clone(),
                        raw.trim().to_string(),
                        cell.number().map(|v| format!("{v}")).unwrap_or_default(),
                    ],
                ));
            }
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
        // Seconds that are all tiny fractions were likely stored as days.
        if col.unit == Unit::Seconds {
            let nums: Vec<f64> = out.iter().filter_map(Cell::number).collect();
            if !nums.is_empty() && nums.iter().all(|v| *v > 0.0 && *v < 0.01) {
                diagnostics.push(diag(
                    Severity::Warning,
                    Some(header_line),
                    Some(c + 1),
                    Msg::WarnSecondsAsDays,
                    vec![col.name.clone()],
                ));
            }
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
        return reject(diagnostics, Msg::ImpErrAllInvalid, Vec::new());
    }

    // `店铺:客服` names: the shop part is dropped unless the user keeps it.
    let mut shops: Vec<String> = Vec::new();
    if let Some(agents) = table_cols.get(agent_col) {
        for cell in agents {
            if let Cell::Text(t) = cell {
                if let (Some(s), _) = split_shop(t) {
                    if !shops.iter().any(|x| x == s) {
                        shops.push(s.to_string());
                    }
                }
            }
        }
    }
    let shop = if shops.is_empty() {
        None
    } else {
        let drop = memory.drop_shop.unwrap_or(true);
        if drop {
            if let Some(agents) = table_cols.get_mut(agent_col) {
                for cell in agents.iter_mut() {
                    if let Cell::Text(t) = cell {
                        let short = split_shop(t).1.to_string();
                        *t = short;
                    }
                }
            }
        }
        Some(ShopPrefix {
            shops,
            dropped: drop,
        })
    };

    // Duplicate agents are kept but flagged.
    let mut seen = HashSet::new();
    if let Some(agents) = table_cols.get(agent_col) {
        for ((line, _), cell) in kept.iter().zip(agents) {
            let name = match cell {
                Cell::Text(t) => t.trim().to_string(),
                other => other.edit_text(Unit::Text),
            };
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
    }

    crate::model::order::sort_by_key(&mut diagnostics, |d| {
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
        header_index,
        header_line,
        candidates,
        info,
        shop,
        period,
    }
}
