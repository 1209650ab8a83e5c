//! The payout model's types and the results' types. The serde derives
//! serve the messages to Web Workers (`forecast::parts`) only; saved files
//! and links have their own types (`io::scenario::file`).

use crate::i18n::Msg;
use crate::model::stats::percentile_inc;
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
    pub id: crate::model::id::Id,
    pub name: String,
    pub components: Vec<Component>,
    pub gates: Vec<PayGate>,
    pub prorate: Option<Prorate>,
    /// One of [`ROUNDING_UNITS`].
    pub rounding: f64,
    /// The month's budget, if set.
    pub budget: Option<f64>,
    /// Pay lines beyond the bonus (底薪, 全勤奖, 扣款, 红线) for the pay sheet;
    /// none in files saved before them. See [`crate::model::paysheet`].
    #[serde(default)]
    pub lines: crate::model::paysheet::PayLines,
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

pub(super) fn issue(error: bool, msg: Msg, args: Vec<String>) -> PayIssue {
    PayIssue { error, msg, args }
}

pub(super) fn bad(v: f64) -> bool {
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
        crate::model::order::sort_f64(&mut sorted, false);
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
    let fen: f64 = pays.iter().map(|p| round_half_away(p * 100.0)).sum();
    fen / 100.0
}

/// `x.round()` (half away from zero) by `trunc`, bit for bit: `x − trunc(x)`
/// is exact, and so is the step to the next integer. `trunc` is one wasm
/// instruction; `round` is a library call there.
#[inline]
pub fn round_half_away(x: f64) -> f64 {
    let t = x.trunc();
    if (x - t).abs() >= 0.5 {
        t + 1f64.copysign(x)
    } else {
        t
    }
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
