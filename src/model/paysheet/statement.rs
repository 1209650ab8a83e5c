//! One agent's statement (个人绩效明细): the same numbers as the scores, the
//! payout and the pay sheet — taken from their results, never recomputed —
//! plus the team averages, the month before and what would have paid more.

use super::{evaluate, PaySheet, SheetRow};
use crate::model::formula::calc::resolve;
use crate::model::payout::{apply_shifts, compute, AgentPay, PayoutModel, Payouts, Shift};
use crate::model::plan::{item_lower, next_grade, score, AgentScore, Plan, PlanScores};
use crate::model::{Cell, Table};

/// One plan item on the statement.
#[derive(Clone, Debug, PartialEq)]
pub struct StatementItem {
    /// Index into the plan's items.
    pub item: usize,
    pub column: String,
    /// The agent's value (None when missing).
    pub value: Option<f64>,
    /// The mean over the plan's agents who have a value.
    pub team_average: Option<f64>,
}

/// A single-metric change that reaches the next grade, and what it pays.
#[derive(Clone, Debug, PartialEq)]
pub struct Better {
    pub item: usize,
    pub column: String,
    pub from: f64,
    pub to: f64,
    /// 应发合计 with the change, minus 应发合计 now (the same evaluation
    /// rerun); `None` when not priced (large teams).
    pub gain: Option<f64>,
}

/// What would have paid more.
#[derive(Clone, Debug, PartialEq)]
pub struct NextStep {
    pub grade: String,
    pub gap: f64,
    pub options: Vec<Better>,
}

/// The month before, when the workbook holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct PrevMonth {
    pub month: String,
    pub total: f64,
    pub grade: String,
    pub bonus: f64,
    pub pay: f64,
}

/// One agent's statement; `score`, `pay` and `row` are the evaluation's own
/// results for that agent.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    pub agent: String,
    pub score: AgentScore,
    pub team_size: usize,
    pub grade: String,
    pub items: Vec<StatementItem>,
    pub pay: AgentPay,
    pub row: SheetRow,
    pub next: Option<NextStep>,
    pub prev: Option<PrevMonth>,
}

/// `v` with 5 significant digits, rounded up (or down, for lower-is-better).
fn nice(v: f64, lower: bool) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let step = 10f64.powi(v.abs().log10().floor() as i32 - 4);
    let q = v / step;
    // Within 1e-6 of a step counts as on it (0.379999999996 is 0.38).
    let r = q.round();
    let q = if (q - r).abs() < 1e-6 {
        r
    } else if lower {
        q.floor()
    } else {
        q.ceil()
    };
    crate::model::round::round_dp(q * step, 12)
}

fn mean_of(table: &Table, column: &str, rows: &[usize]) -> Option<f64> {
    let c = resolve(table, column)?;
    let v: Vec<f64> = rows
        .iter()
        .filter_map(|r| table.cell(*r, c).and_then(Cell::number))
        .collect();
    crate::model::stats::mean(&v)
}

/// The statement of the `k`-th agent of `sheet` (built from `scores`,
/// `payouts` and `sheet` of one month). `with_gain` reruns the evaluation
/// once per option of "what would have paid more" to price it; `prev` is
/// the month before's table (and its name), if any.
#[allow(clippy::too_many_arguments)]
pub fn statement(
    table: &Table,
    plan: &Plan,
    scores: &PlanScores,
    payouts: &Payouts,
    sheet: &PaySheet,
    model: &PayoutModel,
    k: usize,
    with_gain: bool,
    prev: Option<(&str, &Table)>,
) -> Option<Statement> {
    let row = sheet.rows.get(k)?.clone();
    let pay = payouts.agents.iter().find(|a| a.row == row.row)?.clone();
    let sc = scores.for_row(row.row)?.clone();
    let members: Vec<usize> = scores.agents.iter().map(|a| a.row).collect();
    let items = plan
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| StatementItem {
            item: i,
            column: it.column.clone(),
            value: sc.items.get(i).and_then(|s| s.raw),
            team_average: mean_of(table, &it.column, &members),
        })
        .collect();
    let next = next_grade(table, plan, &sc).map(|n| NextStep {
        options: n
            .by_item
            .iter()
            .filter_map(|(i, to)| {
                let it = plan.items.get(*i)?;
                let from = sc.items.get(*i).and_then(|s| s.raw)?;
                let lower = item_lower(it, table);
                // The search stops within 1e-9 of the grade line; show a value
                // with 5 significant digits, rounded the better way, and price
                // it a hair past, so strict steps (score ≥ 95) are reached.
                let to = &nice(*to, lower);
                let hair = to.abs().max(1e-6) * 1e-9;
                let at = if lower { to - hair } else { to + hair };
                let gain = with_gain.then(|| {
                    let shifted = apply_shifts(
                        table,
                        &[Shift {
                            column: it.column.clone(),
                            agent: Some(row.agent.clone()),
                            delta: at - from,
                        }],
                    );
                    let s2 = score(&shifted, plan);
                    let p2 = compute(&shifted, plan, &s2, model);
                    let sh2 = evaluate(&shifted, &p2, &model.lines);
                    sh2.rows
                        .iter()
                        .find(|r| r.row == row.row)
                        .map(|r| r.total - row.total)
                        .unwrap_or(0.0)
                });
                Some(Better {
                    item: *i,
                    column: it.column.clone(),
                    from,
                    to: *to,
                    gain,
                })
            })
            .collect(),
        grade: n.label,
        gap: n.gap,
    });
    let prev = prev.and_then(|(month, t)| previous(t, month, plan, model, &row.agent));
    Some(Statement {
        agent: row.agent.clone(),
        grade: scores
            .grade_labels
            .get(sc.grade)
            .cloned()
            .unwrap_or_default(),
        team_size: scores.agents.len(),
        score: sc,
        items,
        pay,
        row,
        next,
        prev,
    })
}

/// The same plan and model on the month before, for one agent (by name).
fn previous(
    t: &Table,
    month: &str,
    plan: &Plan,
    model: &PayoutModel,
    agent: &str,
) -> Option<PrevMonth> {
    let s = score(t, plan);
    let p = compute(t, plan, &s, model);
    let sh = evaluate(t, &p, &model.lines);
    let r = sh.rows.iter().find(|r| r.agent == agent)?;
    let a = s.for_row(r.row)?;
    Some(PrevMonth {
        month: month.to_string(),
        total: a.total,
        grade: s.grade_labels.get(a.grade).cloned().unwrap_or_default(),
        bonus: r.bonus,
        pay: r.total,
    })
}

/// Everything a month's statements need, computed once: scores, payouts and
/// the pay sheet of `plan` under `model` on `table`.
pub fn month(table: &Table, plan: &Plan, model: &PayoutModel) -> (PlanScores, Payouts, PaySheet) {
    let s = score(table, plan);
    let p = compute(table, plan, &s, model);
    let sh = evaluate(table, &p, &model.lines);
    (s, p, sh)
}
