//! The budget solver: the largest number of one part that keeps the total
//! within the budget.

use super::{bad, Compiled, PayoutModel};
use crate::i18n::Msg;
use crate::model::plan::PlanScores;
use crate::model::table::Table;

/// The result of the budget solver.
#[derive(Clone, Debug, PartialEq)]
pub struct Solved {
    /// The component's new number.
    pub value: f64,
    /// The total it gives (≤ budget).
    pub total: f64,
    /// The total one step of the number above (> budget), when there is one.
    pub above: Option<f64>,
}

/// Finds the largest value of component `comp`'s number (base bonus, pool
/// or commission multiplier) whose total does not exceed `budget`, with as
/// few decimals as give the same total. Totals only grow with the number,
/// so bisection finds the edge of the rounding step exactly.
pub fn solve(
    table: &Table,
    scores: &PlanScores,
    model: &PayoutModel,
    comp: usize,
    budget: f64,
) -> Result<Solved, (Msg, Vec<String>)> {
    let Some(component) = model.components.get(comp) else {
        return Err((Msg::PayErrComponent, vec![(comp + 1).to_string()]));
    };
    if bad(budget) {
        return Err((Msg::PayErrNegative, Vec::new()));
    }
    let c0 = Compiled::new(model, table, &scores.grade_labels);
    let rows: Vec<usize> = scores.agents.iter().map(|a| a.row).collect();
    let totals: Vec<f64> = scores.agents.iter().map(|a| a.total).collect();
    let grades: Vec<usize> = scores.agents.iter().map(|a| a.grade).collect();
    let inputs = c0.inputs(table, &rows);
    let total_at = |v: f64| -> f64 {
        let mut m = model.clone();
        if let Some(slot) = m.components.get_mut(comp) {
            *slot = component.with_param(v);
        }
        let mut c = c0.clone();
        c.model = m;
        c.evaluate(&totals, &grades, &scores.grade_labels, &inputs, None)
            .iter()
            .sum()
    };
    let t0 = total_at(0.0);
    if t0 > budget {
        return Err((Msg::PaySolveBelowRest, vec![format!("{t0}")]));
    }
    let mut hi = component.param().max(1.0);
    let mut guard = 0;
    while total_at(hi) <= budget {
        hi *= 2.0;
        guard += 1;
        if guard > 80 {
            return Err((Msg::PaySolveNoEffect, Vec::new()));
        }
    }
    let mut lo = 0.0;
    for _ in 0..200 {
        let mid = lo + (hi - lo) / 2.0;
        if mid <= lo || mid >= hi {
            break;
        }
        if total_at(mid) <= budget {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let total = total_at(lo);
    // The fewest decimals (rounded down) that keep the same total.
    let mut value = lo;
    for dp in 0..=8 {
        let scale = 10f64.powi(dp);
        let v = (lo * scale).floor() / scale;
        if total_at(v) == total {
            value = v;
            break;
        }
    }
    Ok(Solved {
        value,
        total,
        above: Some(total_at(hi)),
    })
}
