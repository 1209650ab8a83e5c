//! The file types of a month's table: its columns and cells, written and
//! read back (formula cells are saved as null and recomputed).

use super::file::codes::{error_code, error_of};
use super::file::common::{DirectionFile, MetricFile, UnitFile};
use super::{problem, problem_code, problem_of, FileProblem};
use crate::i18n::Msg;
use crate::model::{Cell, Column, MetricId, Table};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub(super) struct MonthV1 {
    pub(super) month: String,
    columns: Vec<ColumnV1>,
    /// Row-major; formula cells are saved as null (they are recomputed).
    rows: Vec<Vec<Option<CellV1>>>,
}

#[derive(Serialize, Deserialize)]
struct ColumnV1 {
    name: String,
    metric: Option<MetricFile>,
    unit: UnitFile,
    direction: DirectionFile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    formula: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum CellV1 {
    Number(f64),
    Text(String),
    Bool(bool),
    /// `problem`: a stable code of [`problem_code`] (version 2 wrote the
    /// name of the message instead; both are read).
    Invalid {
        invalid: String,
        problem: String,
    },
    /// `error`: the cell's code (`#DIV/0!`; version 2 wrote `Div0`).
    Error {
        error: String,
    },
}

pub(super) fn month_to_file(month: &str, t: &Table) -> MonthV1 {
    MonthV1 {
        month: month.to_string(),
        columns: t
            .columns
            .iter()
            .map(|c| ColumnV1 {
                name: c.name.clone(),
                metric: c.metric.map(Into::into),
                unit: c.unit.into(),
                direction: c.direction.into(),
                formula: c.formula.clone(),
            })
            .collect(),
        rows: (0..t.len())
            .map(|r| {
                t.columns
                    .iter()
                    .enumerate()
                    .map(|(c, col)| {
                        if col.is_formula() {
                            return None;
                        }
                        match t.at(r, c) {
                            Cell::Empty => None,
                            Cell::Number(v) => Some(CellV1::Number(*v)),
                            Cell::Text(s) => Some(CellV1::Text(s.clone())),
                            Cell::Bool(b) => Some(CellV1::Bool(*b)),
                            Cell::Invalid { raw, problem } => Some(CellV1::Invalid {
                                invalid: raw.clone(),
                                problem: problem_code(*problem).to_string(),
                            }),
                            Cell::Error(e) => Some(CellV1::Error {
                                error: error_code(*e).to_string(),
                            }),
                        }
                    })
                    .collect()
            })
            .collect(),
    }
}

/// One month (or day) table of a file, its problems added to `problems`.
pub(super) fn read_month(base: &str, m: &MonthV1, problems: &mut Vec<FileProblem>) -> Table {
    if m.month.trim().is_empty() {
        problems.push(problem(
            format!("{base}.month"),
            Msg::ErrMonthEmpty,
            Vec::new(),
        ));
    }
    if !m
        .columns
        .iter()
        .any(|c| c.metric.map(MetricId::from) == Some(MetricId::Agent))
    {
        problems.push(problem(
            format!("{base}.columns"),
            Msg::ErrNoAgentColumn,
            Vec::new(),
        ));
    }
    for (ci, c) in m.columns.iter().enumerate() {
        if let Some(f) = &c.formula {
            if let Err(e) = crate::model::formula::validate(f) {
                problems.push(problem(
                    format!("{base}.columns[{ci}].formula"),
                    e.msg,
                    e.args,
                ));
            }
        }
    }
    let width = m.columns.len();
    let mut rows = Vec::with_capacity(m.rows.len());
    for (ri, r) in m.rows.iter().enumerate() {
        if r.len() != width {
            problems.push(problem(
                format!("{base}.rows[{ri}]"),
                Msg::FileErrRowWidth,
                vec![r.len().to_string(), width.to_string()],
            ));
        }
        rows.push(
            r.iter()
                .map(|c| match c {
                    None => Cell::Empty,
                    Some(CellV1::Number(v)) if v.is_finite() => Cell::Number(*v),
                    Some(CellV1::Number(_)) => Cell::Empty,
                    Some(CellV1::Text(s)) => Cell::Text(s.clone()),
                    Some(CellV1::Bool(b)) => Cell::Bool(*b),
                    Some(CellV1::Invalid { invalid, problem }) => Cell::Invalid {
                        raw: invalid.clone(),
                        problem: problem_of(problem),
                    },
                    Some(CellV1::Error { error }) => match error_of(error) {
                        Some(e) => Cell::Error(e),
                        None => Cell::Empty,
                    },
                })
                .collect(),
        );
    }
    let columns = m
        .columns
        .iter()
        .map(|c| Column {
            name: c.name.clone(),
            metric: c.metric.map(Into::into),
            unit: c.unit.into(),
            direction: c.direction.into(),
            formula: c.formula.clone(),
        })
        .collect();
    Table::from_rows(columns, rows)
}
