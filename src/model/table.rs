//! The team table: one row per agent, one typed column per metric.
//!
//! Owns: cells, columns, lookups and sort orders. It never formats for display
//! beyond [`Cell::display`] and never touches a browser.

use super::formula::ErrorKind;
use super::metric::MetricId;
use super::unit::{format_value, parse_single, Direction, Parsed, Unit};
use crate::i18n::{Lang, Msg};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// A column of the team table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// The header as imported (or as renamed by the user).
    pub name: String,
    /// The dictionary metric it was mapped to, if any; `None` is a custom column.
    pub metric: Option<MetricId>,
    pub unit: Unit,
    pub direction: Direction,
    /// The formula of a formula column (its cells are computed, not typed).
    #[serde(default)]
    pub formula: Option<String>,
}

impl Column {
    /// A typed (input) column.
    pub fn input(name: &str, metric: Option<MetricId>, unit: Unit, direction: Direction) -> Column {
        Column {
            name: name.to_string(),
            metric,
            unit,
            direction,
            formula: None,
        }
    }

    /// Whether the cells are computed by a formula.
    pub fn is_formula(&self) -> bool {
        self.formula.is_some()
    }

    /// The header to show: a known metric's name in `lang`, else the raw name.
    pub fn label(&self, lang: Lang) -> &str {
        match self.metric.and_then(super::metric::def) {
            Some(d) => match lang {
                Lang::Zh => d.zh,
                Lang::En => d.en,
            },
            None => &self.name,
        }
    }
}

/// One cell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    /// No value (empty, `-`, `#N/A`…). Behaves like an Excel blank.
    Empty,
    /// A number in its column's canonical unit.
    Number(f64),
    /// Text (in text columns).
    Text(String),
    /// Text that could not be parsed for the column's unit; kept verbatim.
    Invalid { raw: String, problem: Msg },
    /// A logical result of a formula.
    Bool(bool),
    /// An error result of a formula (`#DIV/0!`…).
    Error(ErrorKind),
}

impl Cell {
    /// Builds a cell from a parse result, keeping `raw` when it failed.
    pub fn from_parsed(p: Parsed, raw: &str) -> Cell {
        match p {
            Parsed::Missing => Cell::Empty,
            Parsed::Number(v) => Cell::Number(v),
            Parsed::Text(t) => Cell::Text(t),
            Parsed::Invalid(problem) => Cell::Invalid {
                raw: raw.to_string(),
                problem,
            },
        }
    }

    /// The number, if the cell holds one.
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Number(v) => Some(*v),
            _ => None,
        }
    }

    /// The cell as shown in the grid.
    pub fn display(&self, unit: Unit, lang: Lang) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Number(v) => format_value(*v, unit, lang),
            Cell::Text(t) => t.clone(),
            Cell::Invalid { raw, .. } => raw.clone(),
            Cell::Bool(b) => {
                if *b {
                    "TRUE".into()
                } else {
                    "FALSE".into()
                }
            }
            Cell::Error(e) => e.code().to_string(),
        }
    }

    /// The cell as put in the editor: numbers without grouping, percents in points.
    pub fn edit_text(&self, unit: Unit) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Number(v) => {
                let shown = if unit == Unit::Percent { v * 100.0 } else { *v };
                let s = format!("{shown:.6}");
                let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
                if unit == Unit::Percent {
                    format!("{s}%")
                } else {
                    s
                }
            }
            Cell::Text(t) => t.clone(),
            Cell::Invalid { raw, .. } => raw.clone(),
            Cell::Bool(b) => {
                if *b {
                    "TRUE".into()
                } else {
                    "FALSE".into()
                }
            }
            Cell::Error(e) => e.code().to_string(),
        }
    }
}

/// The team table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub columns: Vec<Column>,
    /// Row-major cells; every row has exactly `columns.len()` cells.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// Number of agents.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when there are no agents.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The cell at (`row`, `col`).
    pub fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        self.rows.get(row).and_then(|r| r.get(col))
    }

    /// The index of the column mapped to `metric`.
    pub fn column_of(&self, metric: MetricId) -> Option<usize> {
        self.columns.iter().position(|c| c.metric == Some(metric))
    }

    /// The agent's name in `row`, or an empty string.
    pub fn agent_name(&self, row: usize) -> String {
        self.column_of(MetricId::Agent)
            .and_then(|c| self.cell(row, c))
            .map(|c| match c {
                Cell::Text(t) => t.clone(),
                Cell::Number(v) => v.to_string(),
                Cell::Invalid { raw, .. } => raw.clone(),
                Cell::Bool(b) => b.to_string(),
                Cell::Error(e) => e.code().to_string(),
                Cell::Empty => String::new(),
            })
            .unwrap_or_default()
    }

    /// The groups (售前, 售后…) in order of first appearance, with their sizes.
    pub fn groups(&self) -> Vec<(String, usize)> {
        let Some(gc) = self.column_of(MetricId::Group) else {
            return Vec::new();
        };
        let mut out: Vec<(String, usize)> = Vec::new();
        for r in &self.rows {
            if let Some(Cell::Text(g)) = r.get(gc) {
                match out.iter_mut().find(|(name, _)| name == g) {
                    Some((_, n)) => *n += 1,
                    None => out.push((g.clone(), 1)),
                }
            }
        }
        out
    }

    /// Parses `raw` with the same rules as imports, for column `col`.
    pub fn parse_for(&self, col: usize, raw: &str) -> Option<Cell> {
        let c = self.columns.get(col)?;
        Some(Cell::from_parsed(parse_single(raw, c.unit), raw))
    }

    /// Row indices ordered by column `col`. Numbers sort numerically, text by
    /// Unicode order; empty and invalid cells always go last; ties keep the
    /// original order (the sort is stable), so the result is deterministic.
    pub fn sorted_order(&self, col: usize, ascending: bool) -> Vec<usize> {
        fn rank(c: Option<&Cell>) -> u8 {
            match c {
                Some(Cell::Number(_)) | Some(Cell::Text(_)) | Some(Cell::Bool(_)) => 0,
                Some(Cell::Invalid { .. }) | Some(Cell::Error(_)) => 1,
                _ => 2,
            }
        }
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        order.sort_by(|&a, &b| {
            let (ca, cb) = (self.cell(a, col), self.cell(b, col));
            let (ra, rb) = (rank(ca), rank(cb));
            if ra != rb || ra != 0 {
                return ra.cmp(&rb);
            }
            let ord = match (ca, cb) {
                (Some(Cell::Number(x)), Some(Cell::Number(y))) => x.total_cmp(y),
                (Some(Cell::Text(x)), Some(Cell::Text(y))) => x.cmp(y),
                (Some(Cell::Bool(x)), Some(Cell::Bool(y))) => x.cmp(y),
                // Numbers before text before logicals, as in Excel.
                (Some(Cell::Number(_)), _) => Ordering::Less,
                (Some(Cell::Text(_)), Some(Cell::Bool(_))) => Ordering::Less,
                _ => Ordering::Greater,
            };
            if ascending {
                ord
            } else {
                ord.reverse()
            }
        });
        order
    }
}
