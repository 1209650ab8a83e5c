//! What a forecast or a cliff scan is built from, as plain data that can
//! travel to a Web Worker (serde; numbers round-trip bit for bit through
//! `serde_json`'s `float_roundtrip`), and the pieces workers send back.
//!
//! **Order-free merging.** A [`Partial`] carries the months it covers by
//! their index; [`super::Forecast::absorb`] puts each month's total in its
//! place, so results are the same whatever the arrival order, the number of
//! workers ([`split`]) or the chunk sizes.

use super::{Cliff, Variability};
use crate::model::payout::PayoutModel;
use crate::model::plan::Plan;
use crate::model::table::Table;
use serde::{Deserialize, Serialize};

/// How the drawn metrics move together.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum Correlation {
    /// Each metric drawn on its own.
    #[default]
    Independent,
    /// The same correlation for every pair of drawn metrics (the user's value).
    Uniform(f64),
    /// Pairwise correlations by column name (row-major, `names.len()`²),
    /// e.g. estimated from the team's monthly history; pairs not listed are 0.
    Matrix { names: Vec<String>, rho: Vec<f64> },
}

/// Everything a forecast needs, for building it in a worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ForecastSpec {
    #[serde(with = "lean_table")]
    pub table: Table,
    pub plan: Plan,
    pub model: PayoutModel,
    pub vars: Vec<Variability>,
    pub months: usize,
    pub seed: u64,
    #[serde(default)]
    pub correlation: Correlation,
}

/// Everything a cliff scan needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CliffSpec {
    #[serde(with = "lean_table")]
    pub table: Table,
    pub plan: Plan,
    pub model: PayoutModel,
    pub share: f64,
}

/// Months `start..start + totals.len()` of a forecast: each month's total
/// and, for the months within the per-agent bound, every agent's pay
/// (month-major: `month × agents + agent`).
#[derive(Clone, Debug, PartialEq)]
pub struct Partial {
    pub start: usize,
    pub totals: Vec<f64>,
    pub pays: Vec<f64>,
}

/// Agents `start..end` of a cliff scan and the cliffs found among them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CliffPart {
    pub start: usize,
    pub end: usize,
    pub found: Vec<Cliff>,
}

/// `0..total` cut into `parts` contiguous ranges of near-equal length (the
/// first ones one longer), none empty unless `total` is 0.
pub fn split(total: usize, parts: usize) -> Vec<(usize, usize)> {
    let parts = parts.clamp(1, total.max(1));
    let (each, extra) = (total / parts, total % parts);
    let mut out = Vec::with_capacity(parts);
    let mut at = 0;
    for k in 0..parts {
        let len = each + usize::from(k < extra);
        out.push((at, at + len));
        at += len;
    }
    out
}

/// `0..total` cut for `workers` workers that each take the next range when
/// done with one (guided scheduling): ranges shrink from about a
/// `2 × workers`-th of what is left down to `least`, so the workers start
/// with long ranges (few round trips) and finish within a short one of each
/// other, whatever their speed. One range for one worker; none empty
/// unless `total` is 0.
pub fn guided(total: usize, workers: usize, least: usize) -> Vec<(usize, usize)> {
    if workers <= 1 || total == 0 {
        return vec![(0, total)];
    }
    let least = least.max(1);
    let mut out = Vec::new();
    let mut at = 0;
    while at < total {
        let left = total - at;
        let len = left.div_ceil(2 * workers).max(least).min(left);
        out.push((at, at + len));
        at += len;
    }
    out
}

/// Everything the budget solver needs (`payout::solve`), for a worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SolveSpec {
    #[serde(with = "lean_table")]
    pub table: Table,
    pub plan: Plan,
    pub model: PayoutModel,
    pub component: usize,
    pub budget: f64,
}

/// The solver's answer as it travels back: `payout::Solved`'s numbers
/// (value, total, the total one step above) or the refusal.
pub type SolveReply = Result<(f64, f64, Option<f64>), (crate::i18n::Msg, Vec<String>)>;

impl SolveSpec {
    /// Runs the solver (in a worker, or on the page as the fallback).
    pub fn solve(&self) -> SolveReply {
        let scores = crate::model::plan::score(&self.table, &self.plan);
        crate::model::payout::solve(
            &self.table,
            &scores,
            &self.model,
            self.component,
            self.budget,
        )
        .map(|s| (s.value, s.total, s.above))
    }
}

/// The table as it travels to a worker: columns and cells, where a cell
/// that did not parse travels as its text (it counts as no number either
/// way). This keeps the page from carrying a serializer for every message
/// key (`Cell::Invalid` holds one), and the JSON short.
mod lean_table {
    use crate::model::formula::ErrorKind;
    use crate::model::table::{Cell, Column, Table};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    enum LeanCell {
        E,
        N(f64),
        T(String),
        B(bool),
        X(ErrorKind),
    }

    #[derive(Serialize, Deserialize)]
    struct Lean {
        columns: Vec<Column>,
        rows: Vec<Vec<LeanCell>>,
    }

    pub fn serialize<S: Serializer>(t: &Table, s: S) -> Result<S::Ok, S::Error> {
        let rows = (0..t.len())
            .map(|r| {
                (0..t.columns.len())
                    .map(|c| match t.cell(r, c) {
                        None | Some(Cell::Empty) => LeanCell::E,
                        Some(Cell::Number(v)) => LeanCell::N(*v),
                        Some(Cell::Text(x)) => LeanCell::T(x.clone()),
                        Some(Cell::Invalid { raw, .. }) => LeanCell::T(raw.clone()),
                        Some(Cell::Bool(b)) => LeanCell::B(*b),
                        Some(Cell::Error(k)) => LeanCell::X(*k),
                    })
                    .collect()
            })
            .collect();
        Lean {
            columns: t.columns.clone(),
            rows,
        }
        .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Table, D::Error> {
        let lean = Lean::deserialize(d)?;
        let rows = lean
            .rows
            .into_iter()
            .map(|r| {
                r.into_iter()
                    .map(|c| match c {
                        LeanCell::E => Cell::Empty,
                        LeanCell::N(v) => Cell::Number(v),
                        LeanCell::T(x) => Cell::Text(x),
                        LeanCell::B(b) => Cell::Bool(b),
                        LeanCell::X(k) => Cell::Error(k),
                    })
                    .collect()
            })
            .collect();
        Ok(Table::from_rows(lean.columns, rows))
    }
}
