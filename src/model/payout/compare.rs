//! Scenarios, side-by-side comparison of payouts and what-if shifts.

use super::Payouts;
use crate::model::formula::calc::resolve;
use crate::model::table::{Cell, Table};

/// A named combination: a month's data, a plan and a payout model (by id).
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// Stable identity within a workbook (0 until it enters one).
    pub id: crate::model::id::Id,
    pub name: String,
    pub month: String,
    /// The plan's id (`Id::NONE` when the plan it named is gone).
    pub plan: crate::model::id::Id,
    /// The payout model's id (`Id::NONE` when the model it named is gone).
    pub payout: crate::model::id::Id,
}

/// One agent in a comparison (matched by name).
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    pub agent: String,
    pub a: Option<f64>,
    pub b: Option<f64>,
    /// b − a, missing as 0.
    pub change: f64,
}

/// Two payouts side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub rows: Vec<CompareRow>,
    pub total_a: f64,
    pub total_b: f64,
    pub winners: usize,
    pub losers: usize,
    pub unchanged: usize,
}

/// Compares payouts `a` and `b` agent by agent (by name; agents in only one
/// side count as paid 0 on the other). Rows keep `a`'s order, then `b`'s newcomers.
pub fn compare(a: &Payouts, b: &Payouts) -> Comparison {
    let mut rows: Vec<CompareRow> = a
        .agents
        .iter()
        .map(|x| CompareRow {
            agent: x.agent.clone(),
            a: Some(x.pay),
            b: None,
            change: 0.0,
        })
        .collect();
    for y in &b.agents {
        match rows
            .iter_mut()
            .find(|r| r.agent == y.agent && r.b.is_none())
        {
            Some(r) => r.b = Some(y.pay),
            None => rows.push(CompareRow {
                agent: y.agent.clone(),
                a: None,
                b: Some(y.pay),
                change: 0.0,
            }),
        }
    }
    let (mut winners, mut losers, mut unchanged) = (0, 0, 0);
    for r in rows.iter_mut() {
        r.change = r.b.unwrap_or(0.0) - r.a.unwrap_or(0.0);
        if r.change > 0.0 {
            winners += 1;
        } else if r.change < 0.0 {
            losers += 1;
        } else {
            unchanged += 1;
        }
    }
    Comparison {
        rows,
        total_a: a.stats.total,
        total_b: b.stats.total,
        winners,
        losers,
        unchanged,
    }
}

/// A what-if move of one metric, for everyone or one agent (by name).
#[derive(Clone, Debug, PartialEq)]
pub struct Shift {
    pub column: String,
    pub agent: Option<String>,
    /// Added to the stored value (a percent as a fraction: +2 pp is 0.02).
    pub delta: f64,
}

/// `table` with `shifts` applied and formula columns recomputed. Values
/// stay in range for their unit (no negative seconds, shares within
/// 0–100 %). The original table is untouched.
pub fn apply_shifts(table: &Table, shifts: &[Shift]) -> Table {
    let mut t = table.clone();
    for s in shifts {
        let Some(c) = resolve(&t, &s.column) else {
            continue;
        };
        let Some(col) = t.columns.get(c) else {
            continue;
        };
        if col.is_formula() || !s.delta.is_finite() {
            continue;
        }
        let unit = col.unit;
        for r in 0..t.len() {
            if s.agent
                .as_ref()
                .is_some_and(|name| t.agent_name(r) != *name)
            {
                continue;
            }
            if let Some(Cell::Number(v)) = t.cell_mut(r, c) {
                *v = clamp_unit(*v + s.delta, unit);
            }
        }
    }
    let calc = crate::model::formula::compile(&t);
    crate::model::formula::recalc_all(&mut t, &calc);
    t
}

/// Keeps `v` in its unit's range: shares in 0–1, nothing below 0 except plain numbers.
#[inline]
pub fn clamp_unit(v: f64, unit: crate::model::Unit) -> f64 {
    use crate::model::Unit;
    match unit {
        Unit::Percent => v.clamp(0.0, 1.0),
        Unit::Number | Unit::Text => v,
        _ => v.max(0.0),
    }
}
