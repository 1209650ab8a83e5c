//! A payout model compiled against one table, its evaluation for any
//! scores (the deterministic payout, the solver, what-ifs, the cliff scan
//! and the forecast all run it), and the payouts of a plan.

use super::parts::{pay, split_pool_with, step_coef, steps_best_first, Tiers};
use super::{
    issue, AgentPay, CoefStep, Coefficient, Component, Inputs, PayIssue, PayStats, PayoutModel,
    Payouts,
};
use crate::i18n::Msg;
use crate::model::formula::calc::resolve;
use crate::model::plan::{column_values, Plan, PlanScores};
use crate::model::table::Table;

/// Where a model reads each input, resolved against one table: `slots[i]`
/// is a column index (or none), and `inputs` in [`Compiled::evaluate`] gives
/// the slot's value per agent.
#[derive(Clone, Debug, PartialEq)]
pub struct Compiled {
    pub model: PayoutModel,
    /// The table column of each input slot.
    pub slot_columns: Vec<Option<usize>>,
    comp_slots: Vec<Option<usize>>,
    gate_slots: Vec<usize>,
    days_slot: Option<usize>,
    /// 绩效系数 per grade index, for grade tables (per Target component).
    grade_coefs: Vec<Vec<f64>>,
    /// Commission tiers (per component; `None` for others).
    tiers: Vec<Option<Tiers>>,
    /// Score-table steps best first (per Target component with a score
    /// table; empty for others), as [`Coefficient::of`] reads them.
    steps: Vec<Vec<CoefStep>>,
}

/// Reusable buffers for [`Compiled::evaluate_into`]: a forecast or a scan
/// evaluates thousands of times without allocating.
#[derive(Clone, Debug, Default)]
pub struct PayScratch {
    gate_factor: Vec<f64>,
    days_factor: Vec<f64>,
    plain: Vec<f64>,
    pooled: Vec<f64>,
    weights: Vec<f64>,
    pool: Vec<f64>,
    events: Vec<(f64, bool, f64)>,
    coefs: Vec<f64>,
    /// The rounded pays of the last evaluation, per agent.
    pub pays: Vec<f64>,
}

impl Compiled {
    /// Resolves `model`'s columns in `table`; `grade_labels` are the plan's.
    pub fn new(model: &PayoutModel, table: &Table, grade_labels: &[String]) -> Compiled {
        let mut slot_columns: Vec<Option<usize>> = Vec::new();
        let mut slot = |name: &str| {
            let c = resolve(table, name);
            match slot_columns.iter().position(|s| *s == c && c.is_some()) {
                Some(i) => i,
                None => {
                    slot_columns.push(c);
                    slot_columns.len() - 1
                }
            }
        };
        let comp_slots = model
            .components
            .iter()
            .map(|c| match c {
                Component::Commission { column, .. } => Some(slot(column)),
                Component::Pool {
                    base_column: Some(b),
                    ..
                } => Some(slot(b)),
                _ => None,
            })
            .collect();
        let gate_slots = model.gates.iter().map(|g| slot(&g.column)).collect();
        let days_slot = model.prorate.as_ref().map(|p| slot(&p.column));
        let grade_coefs = model
            .components
            .iter()
            .map(|c| match c {
                Component::Target {
                    coef: Coefficient::GradeTable(_),
                    ..
                } => grade_labels
                    .iter()
                    .map(|l| match c {
                        Component::Target { coef, .. } => coef.of(0.0, l),
                        _ => 0.0,
                    })
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        let tiers = model
            .components
            .iter()
            .map(|c| match c {
                Component::Commission { tiers, mode, .. } => Some(Tiers::new(tiers, *mode)),
                _ => None,
            })
            .collect();
        let steps = model
            .components
            .iter()
            .map(|c| match c {
                Component::Target {
                    coef: Coefficient::ScoreTable { steps, .. },
                    ..
                } => steps_best_first(steps),
                _ => Vec::new(),
            })
            .collect();
        Compiled {
            tiers,
            steps,
            model: model.clone(),
            slot_columns,
            comp_slots,
            gate_slots,
            days_slot,
            grade_coefs,
        }
    }

    /// Whether the pays depend on the grades (a 绩效系数 by grade): without
    /// such a component, [`Compiled::evaluate`] never reads them.
    pub fn reads_grades(&self) -> bool {
        self.model.components.iter().any(|c| {
            matches!(
                c,
                Component::Target {
                    coef: Coefficient::GradeTable(_),
                    ..
                }
            )
        })
    }

    /// The slots' values for `rows` of `table`.
    pub fn inputs(&self, table: &Table, rows: &[usize]) -> Inputs {
        self.slot_columns
            .iter()
            .map(|c| column_values(table, *c, rows))
            .collect()
    }

    /// Problems with the inputs: columns not found, agents without a gate or days value.
    pub fn input_issues(&self, inputs: &Inputs) -> Vec<PayIssue> {
        let mut out = Vec::new();
        let names = self.model.columns();
        for (name, slot) in names.iter().zip(
            self.comp_slots
                .iter()
                .flatten()
                .chain(self.gate_slots.iter())
                .chain(self.days_slot.iter()),
        ) {
            match self.slot_columns.get(*slot) {
                Some(Some(_)) => {
                    let missing = inputs
                        .get(*slot)
                        .map(|v| v.iter().filter(|x| x.is_nan()).count())
                        .unwrap_or(0);
                    if missing > 0 {
                        out.push(issue(
                            false,
                            Msg::PayWarnMissing,
                            vec![name.clone(), missing.to_string()],
                        ));
                    }
                }
                _ => out.push(issue(true, Msg::PayErrNoColumn, vec![name.clone()])),
            }
        }
        out.dedup();
        out
    }

    /// Pays for agents with `scores` and `grades` (plan order) and `inputs`
    /// (per slot, same order). Returns the rounded pays; with `detail`, also
    /// each agent's breakdown (rows and names left for the caller).
    pub fn evaluate(
        &self,
        scores: &[f64],
        grades: &[usize],
        grade_labels: &[String],
        inputs: &Inputs,
        detail: Option<&mut Vec<AgentPay>>,
    ) -> Vec<f64> {
        let mut s = PayScratch::default();
        self.evaluate_into(scores, grades, grade_labels, inputs, detail, &mut s);
        s.pays
    }

    /// [`Compiled::evaluate`] into `s.pays`, reusing `s`'s buffers (no
    /// allocation without `detail` once they have grown).
    pub fn evaluate_into(
        &self,
        scores: &[f64],
        grades: &[usize],
        grade_labels: &[String],
        inputs: &Inputs,
        mut detail: Option<&mut Vec<AgentPay>>,
        s: &mut PayScratch,
    ) {
        let n = scores.len();
        let slot = |s: Option<usize>, a: usize| -> f64 {
            s.and_then(|s| inputs.get(s))
                .and_then(|v| v.get(a))
                .copied()
                .unwrap_or(f64::NAN)
        };
        let reset = |v: &mut Vec<f64>, x: f64| {
            v.clear();
            v.resize(n, x);
        };
        // Gates and days first: the pool folds them into its weights.
        reset(&mut s.gate_factor, 1.0);
        let mut failed: Vec<Vec<usize>> = if detail.is_some() {
            vec![Vec::new(); n]
        } else {
            Vec::new()
        };
        for (gi, (g, gs)) in self.model.gates.iter().zip(&self.gate_slots).enumerate() {
            let vals = inputs.get(*gs).map(Vec::as_slice).unwrap_or_default();
            // `factor` is 1 where the gate does not apply (× 1 keeps the
            // bits), so an agent past the end of `vals` keeps its factor.
            g.cut_into(vals, &mut s.gate_factor);
            for (a, list) in failed.iter_mut().enumerate() {
                if g.applies(vals.get(a).copied().unwrap_or(f64::NAN)) {
                    list.push(gi);
                }
            }
        }
        reset(&mut s.days_factor, 1.0);
        if let (Some(p), Some(ds)) = (&self.model.prorate, self.days_slot) {
            let vals = inputs.get(ds).map(Vec::as_slice).unwrap_or_default();
            // (A missing value's factor is 1, the one set above.)
            for (d, v) in s.days_factor.iter_mut().zip(vals) {
                *d = p.factor(*v);
            }
        }
        reset(&mut s.plain, 0.0);
        reset(&mut s.pooled, 0.0);
        let mut parts: Vec<Vec<f64>> = if detail.is_some() {
            vec![Vec::with_capacity(self.model.components.len()); n]
        } else {
            Vec::new()
        };
        let mut first_coef: Vec<Option<f64>> = vec![None; if detail.is_some() { n } else { 0 }];
        for (ci, comp) in self.model.components.iter().enumerate() {
            let cslot = self.comp_slots.get(ci).copied().flatten();
            match comp {
                Component::Target { base, coef } => {
                    let by_grade = self.grade_coefs.get(ci).filter(|g| !g.is_empty());
                    let steps = self.steps.get(ci).map(Vec::as_slice).unwrap_or_default();
                    // Each agent's coefficient, by a loop for the one kind
                    // (no match per agent), then the amounts.
                    s.coefs.clear();
                    match (by_grade, coef) {
                        (Some(g), _) => s.coefs.extend((0..n).map(|a| {
                            grades
                                .get(a)
                                .and_then(|gi| g.get(*gi))
                                .copied()
                                .unwrap_or(0.0)
                        })),
                        (None, Coefficient::ScoreTable { otherwise, .. }) => s
                            .coefs
                            .extend(scores.iter().map(|sc| step_coef(steps, *otherwise, *sc))),
                        (None, _) => s.coefs.extend((0..n).map(|a| {
                            let label = grades
                                .get(a)
                                .and_then(|g| grade_labels.get(*g))
                                .map(String::as_str)
                                .unwrap_or("");
                            coef.of(scores.get(a).copied().unwrap_or(0.0), label)
                        })),
                    }
                    for (p, k) in s.plain.iter_mut().zip(&s.coefs) {
                        *p += base * k;
                    }
                    for ((p, fc), k) in parts.iter_mut().zip(first_coef.iter_mut()).zip(&s.coefs) {
                        p.push(base * k);
                        fc.get_or_insert(*k);
                    }
                }
                Component::Commission { multiplier, .. } => {
                    let tiers = self.tiers.get(ci).and_then(Option::as_ref);
                    let sales = cslot
                        .and_then(|c| inputs.get(c))
                        .map(Vec::as_slice)
                        .unwrap_or_default();
                    let amount = |a: usize| {
                        let x = sales.get(a).copied().unwrap_or(f64::NAN);
                        tiers.map(|t| t.amount(x)).unwrap_or(0.0) * multiplier
                    };
                    match tiers {
                        // Every agent's sales at hand: one loop over them.
                        Some(t) if sales.len() >= n => {
                            for (p, x) in s.plain.iter_mut().zip(sales) {
                                *p += t.amount(*x) * multiplier;
                            }
                        }
                        _ => {
                            for (a, p) in s.plain.iter_mut().enumerate() {
                                *p += amount(a);
                            }
                        }
                    }
                    for (a, p) in parts.iter_mut().enumerate() {
                        p.push(amount(a));
                    }
                }
                Component::Pool {
                    amount, floor, cap, ..
                } => {
                    s.weights.clear();
                    s.weights.extend((0..n).map(|a| {
                        let base = if cslot.is_some() {
                            let b = slot(cslot, a);
                            if b.is_nan() {
                                0.0
                            } else {
                                b
                            }
                        } else {
                            1.0
                        };
                        let sc = scores.get(a).copied().unwrap_or(0.0);
                        let g = s.gate_factor.get(a).copied().unwrap_or(1.0);
                        let d = s.days_factor.get(a).copied().unwrap_or(1.0);
                        (base * sc * g * d).max(0.0)
                    }));
                    split_pool_with(
                        *amount,
                        &s.weights,
                        *floor,
                        *cap,
                        &mut s.pool,
                        &mut s.events,
                    );
                    for a in 0..n {
                        let v = s.pool.get(a).copied().unwrap_or(0.0);
                        if let Some(p) = s.pooled.get_mut(a) {
                            *p += v;
                        }
                        if let Some(p) = parts.get_mut(a) {
                            p.push(v);
                        }
                    }
                }
            }
        }
        let unit = self.model.rounding;
        s.pays.clear();
        if detail.is_none() {
            // The pays alone (the forecast's and the scan's case): one loop
            // over the columns, the same operations in the same order.
            let each = s.plain.iter().zip(&s.gate_factor).zip(&s.days_factor);
            s.pays.extend(
                each.zip(&s.pooled)
                    .map(|(((p, g), d), q)| pay(p * g * d + q, unit)),
            );
            return;
        }
        for a in 0..n {
            let g = s.gate_factor.get(a).copied().unwrap_or(1.0);
            let d = s.days_factor.get(a).copied().unwrap_or(1.0);
            let gross = s.plain.get(a).copied().unwrap_or(0.0) * g * d
                + s.pooled.get(a).copied().unwrap_or(0.0);
            let pay = pay(gross, unit);
            s.pays.push(pay);
            if let Some(out) = detail.as_deref_mut() {
                out.push(AgentPay {
                    row: a,
                    agent: String::new(),
                    score: scores.get(a).copied().unwrap_or(0.0),
                    grade: grades.get(a).copied().unwrap_or(0),
                    coef: first_coef.get(a).copied().flatten(),
                    parts: parts.get(a).cloned().unwrap_or_default(),
                    failed_gates: failed.get(a).cloned().unwrap_or_default(),
                    gate_factor: g,
                    days_factor: d,
                    gross,
                    pay,
                });
            }
        }
    }
}

/// Payouts of `plan` on `table` under `model`, from the plan's scores.
pub fn compute(table: &Table, plan: &Plan, scores: &PlanScores, model: &PayoutModel) -> Payouts {
    let c = Compiled::new(model, table, &scores.grade_labels);
    let rows: Vec<usize> = scores.agents.iter().map(|a| a.row).collect();
    let totals: Vec<f64> = scores.agents.iter().map(|a| a.total).collect();
    let grades: Vec<usize> = scores.agents.iter().map(|a| a.grade).collect();
    let inputs = c.inputs(table, &rows);
    let mut detail = Vec::with_capacity(rows.len());
    let pays = c.evaluate(
        &totals,
        &grades,
        &scores.grade_labels,
        &inputs,
        Some(&mut detail),
    );
    for (d, r) in detail.iter_mut().zip(&rows) {
        d.row = *r;
        d.agent = table.agent_name(*r);
    }
    let mut issues = model.validate();
    issues.extend(c.input_issues(&inputs));
    if plan.items.is_empty() {
        issues.push(issue(true, Msg::PayErrEmptyPlan, Vec::new()));
    }
    for comp in &model.components {
        if let Component::Pool {
            amount, floor, cap, ..
        } = comp
        {
            let eligible = scores.agents.len() as f64;
            if *floor * eligible > *amount && eligible > 0.0 {
                issues.push(issue(false, Msg::PayWarnFloors, Vec::new()));
            }
            if cap.is_some_and(|c| c * eligible < *amount) {
                issues.push(issue(false, Msg::PayWarnPoolUnspent, Vec::new()));
            }
        }
    }
    let stats = PayStats::of(&pays);
    Payouts {
        budget_gap: model.budget.map(|b| b - stats.total),
        agents: detail,
        stats,
        issues,
    }
}
