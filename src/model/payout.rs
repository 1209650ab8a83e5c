//! Bonus payouts: what a plan pays each agent, in total, and against a budget.
//!
//! A [`PayoutModel`] is a sum of [`Component`]s — target bonus × 绩效系数, a
//! fixed pool split by (base × score), sales commission with marginal or
//! retroactive tiers — followed by gates, pro-rating by days worked and one
//! rounding, in this order (docs/PAYOUTS.md has the worked examples):
//!
//! 1. each component gives an amount per agent;
//! 2. the non-pool amounts are multiplied by every failed gate's `1 − cut`
//!    and by the days factor `min(days ÷ full days, 1)`; a pool component
//!    already folds both into its weights, so the whole pool is paid out to
//!    those who remain;
//! 3. the sum is rounded once, half up, to the model's unit (¥0.01, ¥1, ¥10
//!    or ¥100). Totals are sums of rounded payouts.
//!
//! A missing gate or days value does not apply (the agent is listed in the
//! result's issues); a missing sales value pays no commission.
//!
//! The same evaluation ([`Compiled::evaluate`]) serves the deterministic
//! payout, the budget solver, the what-if view, the pay-cliff scan and every
//! simulated month of the forecast, so they cannot disagree.

use super::formula::calc::resolve;
use super::plan::{Plan, PlanScores};
use super::table::{Cell, Table};
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// A 绩效系数 step: scores at or above `min` get `coef`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoefStep {
    pub min: f64,
    pub coef: f64,
}

/// A 绩效系数 by grade label.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GradeCoef {
    pub grade: String,
    pub coef: f64,
}

/// How a score becomes a performance coefficient.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Coefficient {
    /// The step with the highest `min` not above the score; below every step, `otherwise`.
    ScoreTable {
        steps: Vec<CoefStep>,
        otherwise: f64,
    },
    /// By the plan's grade; a grade not listed gives 0.
    GradeTable(Vec<GradeCoef>),
    /// 0 below `threshold`; from it, `start + slope × (score − threshold)`, at most `cap`.
    Curve {
        threshold: f64,
        start: f64,
        slope: f64,
        cap: f64,
    },
}

impl Coefficient {
    /// The coefficient for `score` (and the agent's grade label).
    pub fn of(&self, score: f64, grade: &str) -> f64 {
        match self {
            Coefficient::ScoreTable { steps, otherwise } => steps
                .iter()
                .filter(|s| score >= s.min)
                .max_by(|a, b| a.min.total_cmp(&b.min))
                .map(|s| s.coef)
                .unwrap_or(*otherwise),
            Coefficient::GradeTable(g) => g
                .iter()
                .find(|g| g.grade == grade)
                .map(|g| g.coef)
                .unwrap_or(0.0),
            Coefficient::Curve {
                threshold,
                start,
                slope,
                cap,
            } => {
                if score < *threshold {
                    0.0
                } else {
                    (start + slope * (score - threshold)).min(*cap).max(0.0)
                }
            }
        }
    }
}

/// How commission tiers apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TierMode {
    /// Each slice of sales at its own rate.
    Marginal,
    /// The highest rate reached, on all of the sales.
    Retroactive,
}

/// A commission tier: sales from `from` on earn `rate` (0.05 = 5 %).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tier {
    pub from: f64,
    pub rate: f64,
}

/// Commission on `sales` with `tiers` (any order).
pub fn commission(sales: f64, tiers: &[Tier], mode: TierMode) -> f64 {
    let mut sorted = tiers.to_vec();
    sorted.sort_by(|a, b| a.from.total_cmp(&b.from));
    commission_sorted(sales, &sorted, mode)
}

/// [`commission`] with the tiers already sorted by `from`.
fn commission_sorted(sales: f64, sorted: &[Tier], mode: TierMode) -> f64 {
    if !sales.is_finite() || sales <= 0.0 {
        return 0.0;
    }
    match mode {
        TierMode::Retroactive => sorted
            .iter()
            .rev()
            .find(|t| sales >= t.from)
            .map(|t| t.rate * sales)
            .unwrap_or(0.0),
        TierMode::Marginal => {
            let mut pay = 0.0;
            for (i, t) in sorted.iter().enumerate() {
                let end = sorted.get(i + 1).map(|n| n.from).unwrap_or(f64::INFINITY);
                let slice = sales.min(end) - t.from;
                if slice > 0.0 {
                    pay += t.rate * slice;
                }
            }
            pay
        }
    }
}

/// One part of a payout model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Component {
    /// 目标奖金 × 绩效系数.
    Target { base: f64, coef: Coefficient },
    /// A fixed pool split in proportion to base × score, each agent between
    /// `floor` and `cap`, the leftover redistributed until stable. The base
    /// is the agent's value in `base_column`, else 1.
    Pool {
        amount: f64,
        base_column: Option<String>,
        floor: f64,
        cap: Option<f64>,
    },
    /// Commission on a sales column, × `multiplier`.
    Commission {
        column: String,
        tiers: Vec<Tier>,
        mode: TierMode,
        multiplier: f64,
    },
}

impl Component {
    /// A commission on 客服销售额 with marginal tiers 0.5 % to ¥80k, 0.8 % to
    /// ¥120k, 1 % above (the editor's starting point and the benchmarks').
    pub fn default_commission() -> Component {
        let tier = |from: f64, rate: f64| Tier { from, rate };
        Component::Commission {
            column: "客服销售额".into(),
            tiers: vec![
                tier(0.0, 0.005),
                tier(80_000.0, 0.008),
                tier(120_000.0, 0.01),
            ],
            mode: TierMode::Marginal,
            multiplier: 1.0,
        }
    }

    /// The number the budget solver moves: the base bonus, the pool, or the
    /// commission multiplier.
    pub fn param(&self) -> f64 {
        match self {
            Component::Target { base, .. } => *base,
            Component::Pool { amount, .. } => *amount,
            Component::Commission { multiplier, .. } => *multiplier,
        }
    }

    /// This component with its solver number set to `v`.
    pub fn with_param(&self, v: f64) -> Component {
        let mut c = self.clone();
        match &mut c {
            Component::Target { base, .. } => *base = v,
            Component::Pool { amount, .. } => *amount = v,
            Component::Commission { multiplier, .. } => *multiplier = v,
        }
        c
    }
}

/// A gate: agents whose `column` is below (or, with `fail_below` false,
/// above) `threshold` lose `cut` of their non-pool payout (1 = all of it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PayGate {
    pub column: String,
    pub threshold: f64,
    pub fail_below: bool,
    pub cut: f64,
}

impl PayGate {
    /// Whether `v` fails the gate.
    pub fn fails(&self, v: f64) -> bool {
        if self.fail_below {
            v < self.threshold
        } else {
            v > self.threshold
        }
    }
}

/// Pro-rating: pay × min(days ÷ `full_days`, 1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Prorate {
    pub column: String,
    pub full_days: f64,
}

/// The rounding units a model may use.
pub const ROUNDING_UNITS: [f64; 4] = [0.01, 1.0, 10.0, 100.0];

/// A payout model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PayoutModel {
    /// Stable identity within a workbook (0 until it enters one).
    #[serde(default)]
    pub id: super::id::Id,
    pub name: String,
    pub components: Vec<Component>,
    pub gates: Vec<PayGate>,
    pub prorate: Option<Prorate>,
    /// One of [`ROUNDING_UNITS`].
    pub rounding: f64,
    /// The month's budget, if set.
    pub budget: Option<f64>,
    /// Pay lines beyond the bonus (底薪, 全勤奖, 扣款, 红线) for the pay sheet;
    /// none in files saved before them. See [`super::paysheet`].
    #[serde(default)]
    pub lines: super::paysheet::PayLines,
}

/// Most components and gates a model may have.
pub const MAX_PARTS: usize = 8;

/// A finding about a model or its inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct PayIssue {
    pub error: bool,
    pub msg: Msg,
    pub args: Vec<String>,
}

fn issue(error: bool, msg: Msg, args: Vec<String>) -> PayIssue {
    PayIssue { error, msg, args }
}

fn bad(v: f64) -> bool {
    !v.is_finite() || v < 0.0
}

impl PayoutModel {
    /// The demo's model: ¥1,000 × a 绩效系数 by score, an attendance gate, pro-rating over 22 days, ¥10 rounding.
    pub fn example(name: &str) -> PayoutModel {
        let step = |min: f64, coef: f64| CoefStep { min, coef };
        PayoutModel {
            id: Default::default(),
            name: name.into(),
            components: vec![Component::Target {
                base: 1000.0,
                coef: Coefficient::ScoreTable {
                    steps: vec![
                        step(95.0, 1.5),
                        step(85.0, 1.2),
                        step(70.0, 1.0),
                        step(60.0, 0.6),
                    ],
                    otherwise: 0.0,
                },
            }],
            gates: vec![PayGate {
                column: "出勤天数".into(),
                threshold: 18.0,
                fail_below: true,
                cut: 1.0,
            }],
            prorate: Some(Prorate {
                column: "出勤天数".into(),
                full_days: 22.0,
            }),
            rounding: 10.0,
            budget: None,
            lines: Default::default(),
        }
    }

    /// Refuses what cannot be computed: negative or non-finite amounts,
    /// rates, cuts outside 0–100 %, an unknown rounding unit, too many parts.
    pub fn validate(&self) -> Vec<PayIssue> {
        let mut out = Vec::new();
        let mut err = |m: Msg, a: Vec<String>| out.push(issue(true, m, a));
        if self.components.is_empty() {
            err(Msg::PayErrNoComponent, Vec::new());
        }
        if self.components.len() > MAX_PARTS || self.gates.len() > MAX_PARTS {
            err(Msg::PayErrTooMany, vec![MAX_PARTS.to_string()]);
        }
        if !ROUNDING_UNITS.contains(&self.rounding) {
            err(Msg::PayErrRounding, vec![self.rounding.to_string()]);
        }
        if self.budget.is_some_and(bad) {
            err(Msg::PayErrNegative, Vec::new());
        }
        for (i, c) in self.components.iter().enumerate() {
            let n = (i + 1).to_string();
            match c {
                Component::Target { base, coef } => {
                    let coef_bad = match coef {
                        Coefficient::ScoreTable { steps, otherwise } => {
                            bad(*otherwise)
                                || steps.iter().any(|s| !s.min.is_finite() || bad(s.coef))
                        }
                        Coefficient::GradeTable(g) => g.iter().any(|g| bad(g.coef)),
                        Coefficient::Curve {
                            threshold,
                            start,
                            slope,
                            cap,
                        } => {
                            !threshold.is_finite() || bad(*start) || !slope.is_finite() || bad(*cap)
                        }
                    };
                    if bad(*base) || coef_bad {
                        err(Msg::PayErrComponent, vec![n]);
                    }
                }
                Component::Pool {
                    amount, floor, cap, ..
                } => {
                    if bad(*amount) || bad(*floor) || cap.is_some_and(bad) {
                        err(Msg::PayErrComponent, vec![n]);
                    } else if cap.is_some_and(|c| c < *floor) {
                        err(Msg::PayErrCapBelowFloor, vec![n]);
                    }
                }
                Component::Commission {
                    tiers, multiplier, ..
                } => {
                    if bad(*multiplier)
                        || tiers.is_empty()
                        || tiers
                            .iter()
                            .any(|t| bad(t.from) || bad(t.rate) || t.rate > 1.0)
                    {
                        err(Msg::PayErrComponent, vec![n]);
                    }
                }
            }
        }
        for (i, g) in self.gates.iter().enumerate() {
            if !g.threshold.is_finite() || !(0.0..=1.0).contains(&g.cut) {
                err(Msg::PayErrGate, vec![(i + 1).to_string()]);
            }
        }
        if let Some(p) = &self.prorate {
            if !(p.full_days.is_finite() && p.full_days > 0.0) {
                err(Msg::PayErrProrate, Vec::new());
            }
        }
        out
    }

    /// The columns the model reads, by name (sales, gates, days, pool bases).
    pub fn columns(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for c in &self.components {
            match c {
                Component::Commission { column, .. } => out.push(column.clone()),
                Component::Pool {
                    base_column: Some(b),
                    ..
                } => out.push(b.clone()),
                _ => {}
            }
        }
        out.extend(self.gates.iter().map(|g| g.column.clone()));
        out.extend(self.prorate.iter().map(|p| p.column.clone()));
        out
    }
}

/// Rounds `x` half up to a multiple of `unit`. Payouts are sums of products
/// of decimal inputs, so a result meant as 12.5 may arrive as 12.4999999999;
/// a quotient within 1e-9 of the half is taken as the half.
pub fn round_unit(x: f64, unit: f64) -> f64 {
    if !x.is_finite() || unit <= 0.0 {
        return x;
    }
    let q = x / unit;
    let n = q.floor();
    let r = if q - n >= 0.5 - 1e-9 { n + 1.0 } else { n };
    // Rebuild through the unit's decimals so ¥0.01 units give 12.35, not 12.350000000000001.
    if unit < 1.0 {
        let places = (1.0 / unit).round();
        r / places
    } else {
        r * unit
    }
}

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
    /// Commission tiers sorted by `from` (per component; empty for others).
    sorted_tiers: Vec<Vec<Tier>>,
}

/// One agent's payout, with how it came about.
#[derive(Clone, Debug, PartialEq)]
pub struct AgentPay {
    /// Table row.
    pub row: usize,
    pub agent: String,
    pub score: f64,
    pub grade: usize,
    /// The coefficient of the first target-bonus component.
    pub coef: Option<f64>,
    /// Per component, before gates and days (a pool part is final).
    pub parts: Vec<f64>,
    /// Indices of the gates failed.
    pub failed_gates: Vec<usize>,
    /// The product of the failed gates' `1 − cut`.
    pub gate_factor: f64,
    /// min(days ÷ full days, 1); 1 without pro-rating or without a value.
    pub days_factor: f64,
    /// Before rounding.
    pub gross: f64,
    /// Rounded: what is paid.
    pub pay: f64,
}

/// Summary figures of a set of payouts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PayStats {
    pub count: usize,
    pub total: f64,
    pub mean: f64,
    pub median: f64,
    pub min: f64,
    pub max: f64,
    /// Share of the total paid to the best-paid 20 % (rounded up to whole agents).
    pub top20_share: f64,
}

impl PayStats {
    /// Figures of `pays`.
    pub fn of(pays: &[f64]) -> PayStats {
        let n = pays.len();
        if n == 0 {
            return PayStats::default();
        }
        let mut sorted = pays.to_vec();
        sorted.sort_by(|a, b| a.total_cmp(b));
        let total = sum_fen(&sorted);
        let k = n.div_ceil(5);
        let top = sum_fen(sorted.get(n - k..).unwrap_or(&[]));
        PayStats {
            count: n,
            total,
            mean: total / n as f64,
            median: percentile_inc(&sorted, 0.5),
            min: sorted.first().copied().unwrap_or(0.0),
            max: sorted.last().copied().unwrap_or(0.0),
            top20_share: if total > 0.0 { top / total } else { 0.0 },
        }
    }
}

/// The sum of amounts in whole fen (¥0.01), exact and independent of order:
/// every pay is a multiple of its rounding unit, at least ¥0.01, so summing
/// integers of fen avoids binary noise such as 9,370.519999999999.
pub fn sum_fen(pays: &[f64]) -> f64 {
    let fen: f64 = pays.iter().map(|p| (p * 100.0).round()).sum();
    fen / 100.0
}

/// Excel's PERCENTILE.INC on sorted data (linear between closest ranks).
pub fn percentile_inc(sorted: &[f64], p: f64) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return 0.0;
    }
    let h = (n - 1) as f64 * p.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let a = sorted.get(lo).copied().unwrap_or(0.0);
    let b = sorted.get(lo + 1).copied().unwrap_or(a);
    a + (h - lo as f64) * (b - a)
}

/// The payouts of one plan on one table.
#[derive(Clone, Debug, PartialEq)]
pub struct Payouts {
    pub agents: Vec<AgentPay>,
    pub stats: PayStats,
    /// Budget − total, when a budget is set.
    pub budget_gap: Option<f64>,
    pub issues: Vec<PayIssue>,
}

/// Numbers per agent, by slot; NaN is a missing value.
pub type Inputs = Vec<Vec<f64>>;

/// Column `c`'s numbers for `rows` (NaN where missing).
pub fn column_values(table: &Table, c: Option<usize>, rows: &[usize]) -> Vec<f64> {
    rows.iter()
        .map(|r| {
            c.and_then(|c| table.cell(*r, c))
                .and_then(Cell::number)
                .unwrap_or(f64::NAN)
        })
        .collect()
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
        let sorted_tiers = model
            .components
            .iter()
            .map(|c| match c {
                Component::Commission { tiers, .. } => {
                    let mut t = tiers.clone();
                    t.sort_by(|a, b| a.from.total_cmp(&b.from));
                    t
                }
                _ => Vec::new(),
            })
            .collect();
        Compiled {
            sorted_tiers,
            model: model.clone(),
            slot_columns,
            comp_slots,
            gate_slots,
            days_slot,
            grade_coefs,
        }
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
        mut detail: Option<&mut Vec<AgentPay>>,
    ) -> Vec<f64> {
        let n = scores.len();
        let slot = |s: Option<usize>, a: usize| -> f64 {
            s.and_then(|s| inputs.get(s))
                .and_then(|v| v.get(a))
                .copied()
                .unwrap_or(f64::NAN)
        };
        // Gates and days first: the pool folds them into its weights.
        let mut gate_factor = vec![1.0; n];
        let mut failed: Vec<Vec<usize>> = if detail.is_some() {
            vec![Vec::new(); n]
        } else {
            Vec::new()
        };
        for (gi, (g, s)) in self.model.gates.iter().zip(&self.gate_slots).enumerate() {
            for (a, f) in gate_factor.iter_mut().enumerate() {
                let v = slot(Some(*s), a);
                if !v.is_nan() && g.fails(v) {
                    *f *= 1.0 - g.cut;
                    if let Some(list) = failed.get_mut(a) {
                        list.push(gi);
                    }
                }
            }
        }
        let days_factor: Vec<f64> = (0..n)
            .map(|a| match (&self.model.prorate, self.days_slot) {
                (Some(p), Some(s)) => {
                    let d = slot(Some(s), a);
                    if d.is_nan() {
                        1.0
                    } else {
                        (d / p.full_days).clamp(0.0, 1.0)
                    }
                }
                _ => 1.0,
            })
            .collect();
        let mut plain = vec![0.0; n];
        let mut pooled = vec![0.0; n];
        let mut parts: Vec<Vec<f64>> = if detail.is_some() {
            vec![Vec::with_capacity(self.model.components.len()); n]
        } else {
            Vec::new()
        };
        let mut first_coef: Vec<Option<f64>> = vec![None; if detail.is_some() { n } else { 0 }];
        let mut pool_buf = vec![0.0; n];
        for (ci, comp) in self.model.components.iter().enumerate() {
            let cslot = self.comp_slots.get(ci).copied().flatten();
            match comp {
                Component::Target { base, coef } => {
                    let by_grade = self.grade_coefs.get(ci).filter(|g| !g.is_empty());
                    for a in 0..n {
                        let s = scores.get(a).copied().unwrap_or(0.0);
                        let k = match by_grade {
                            Some(g) => grades
                                .get(a)
                                .and_then(|gi| g.get(*gi))
                                .copied()
                                .unwrap_or(0.0),
                            None => {
                                let label = grades
                                    .get(a)
                                    .and_then(|g| grade_labels.get(*g))
                                    .map(String::as_str)
                                    .unwrap_or("");
                                coef.of(s, label)
                            }
                        };
                        let amount = base * k;
                        if let Some(p) = plain.get_mut(a) {
                            *p += amount;
                        }
                        if let Some(p) = parts.get_mut(a) {
                            p.push(amount);
                        }
                        if let Some(fc) = first_coef.get_mut(a) {
                            fc.get_or_insert(k);
                        }
                    }
                }
                Component::Commission {
                    mode, multiplier, ..
                } => {
                    let tiers = self.sorted_tiers.get(ci).map(Vec::as_slice).unwrap_or(&[]);
                    for a in 0..n {
                        let amount = commission_sorted(slot(cslot, a), tiers, *mode) * multiplier;
                        if let Some(p) = plain.get_mut(a) {
                            *p += amount;
                        }
                        if let Some(p) = parts.get_mut(a) {
                            p.push(amount);
                        }
                    }
                }
                Component::Pool {
                    amount, floor, cap, ..
                } => {
                    let weights: Vec<f64> = (0..n)
                        .map(|a| {
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
                            let s = scores.get(a).copied().unwrap_or(0.0);
                            let g = gate_factor.get(a).copied().unwrap_or(1.0);
                            let d = days_factor.get(a).copied().unwrap_or(1.0);
                            (base * s * g * d).max(0.0)
                        })
                        .collect();
                    split_pool(*amount, &weights, *floor, *cap, &mut pool_buf);
                    for a in 0..n {
                        let v = pool_buf.get(a).copied().unwrap_or(0.0);
                        if let Some(p) = pooled.get_mut(a) {
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
        let mut pays = Vec::with_capacity(n);
        for a in 0..n {
            let g = gate_factor.get(a).copied().unwrap_or(1.0);
            let d = days_factor.get(a).copied().unwrap_or(1.0);
            let gross = plain.get(a).copied().unwrap_or(0.0) * g * d
                + pooled.get(a).copied().unwrap_or(0.0);
            let pay = round_unit(gross.max(0.0), unit);
            pays.push(pay);
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
        pays
    }
}

/// Splits `amount` in proportion to `weights`, each share between `floor`
/// and `cap`, the leftover redistributed until stable: every agent with a
/// positive weight gets `clamp(λ × weight, floor, cap)` with λ such that the
/// shares sum to `amount` (found by a sweep over the breakpoints where agents
/// leave the floor or reach the cap). Agents with weight 0 get 0. When the
/// floors alone exceed the pool, the pool is split equally; when everyone is
/// capped, the rest stays unpaid.
pub fn split_pool(amount: f64, weights: &[f64], floor: f64, cap: Option<f64>, out: &mut Vec<f64>) {
    out.clear();
    out.resize(weights.len(), 0.0);
    let eligible = weights.iter().filter(|w| **w > 0.0).count();
    if eligible == 0 || amount <= 0.0 {
        return;
    }
    let n = eligible as f64;
    let cap = cap.unwrap_or(f64::INFINITY).max(floor);
    let fill = |out: &mut Vec<f64>, f: &dyn Fn(f64) -> f64| {
        for (o, w) in out.iter_mut().zip(weights) {
            if *w > 0.0 {
                *o = f(*w);
            }
        }
    };
    if floor * n >= amount {
        fill(out, &|_| amount / n);
        return;
    }
    if cap * n <= amount {
        fill(out, &|_| cap);
        return;
    }
    // Events in λ: an agent leaves the floor at floor/w and reaches the cap at cap/w.
    let mut events: Vec<(f64, bool, f64)> = Vec::with_capacity(2 * eligible);
    for w in weights.iter().filter(|w| **w > 0.0) {
        events.push((floor / w, false, *w));
        if cap.is_finite() {
            events.push((cap / w, true, *w));
        }
    }
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    // S(λ) = floors + caps + λ × free weight, between events.
    let mut floors = floor * n;
    let mut caps = 0.0;
    let mut free_w = 0.0;
    let mut lambda = 0.0;
    let mut found = false;
    for (at, to_cap, w) in &events {
        if free_w > 0.0 && floors + caps + at * free_w >= amount {
            lambda = (amount - floors - caps) / free_w;
            found = true;
            break;
        }
        if *to_cap {
            free_w -= w;
            caps += cap;
        } else {
            free_w += w;
            floors -= floor;
        }
    }
    if !found && free_w > 0.0 {
        lambda = (amount - floors - caps) / free_w;
    }
    fill(out, &|w| (lambda * w).clamp(floor, cap));
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

/// A named combination: a month's data, a plan and a payout model (by id).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// Stable identity within a workbook (0 until it enters one).
    #[serde(default)]
    pub id: super::id::Id,
    pub name: String,
    pub month: String,
    /// The plan's id (`Id::NONE` when the plan it named is gone).
    pub plan: super::id::Id,
    /// The payout model's id (`Id::NONE` when the model it named is gone).
    pub payout: super::id::Id,
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    let calc = super::formula::compile(&t);
    super::formula::recalc_all(&mut t, &calc);
    t
}

/// Keeps `v` in its unit's range: shares in 0–1, nothing below 0 except plain numbers.
pub fn clamp_unit(v: f64, unit: super::Unit) -> f64 {
    use super::Unit;
    match unit {
        Unit::Percent => v.clamp(0.0, 1.0),
        Unit::Number | Unit::Text => v,
        _ => v.max(0.0),
    }
}
