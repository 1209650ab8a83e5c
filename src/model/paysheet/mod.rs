//! The month's pay sheet (绩效工资表): every pay line from 底薪 to 应发合计.
//!
//! A payout model's [`PayLines`] (saved with the model, `PayoutModel::lines`)
//! add what finance pays beside the bonus: fixed amounts (底薪, 岗位工资 by
//! level, 工龄工资), allowances with conditions (全勤奖, 餐补/话补 per day),
//! one-off awards (出师奖励, 大促奖), deductions (迟到 × ¥20, 质检扣分 below a
//! line × ¥ per point), each with an optional monthly cap, and 红线 vetoes.
//!
//! **Why a layer over the evaluation, not inside it.** The bonus is still
//! computed by [`super::payout::Compiled::evaluate`] alone — the one
//! evaluation behind the 奖金 workspace, the budget solver, the what-if
//! view and the forecast — and this module consumes its per-agent result
//! ([`super::payout::AgentPay`]: parts, gates, days factor, rounded pay).
//! Pay lines never change how the bonus is computed, so the solver and the
//! Monte Carlo stay as fast and as tested as before, and the pay sheet's
//! 绩效奖金 column is, to the fen, the 奖金 workspace's figure.
//!
//! **Order of application** (docs/PAYSHEET.md has the worked example):
//!
//! 1. 绩效奖金 = the evaluation's pay: parts → gates → pro-rating → the
//!    model's rounding (docs/PAYOUTS.md);
//! 2. 红线: a triggered veto zeroes the bonus ([`VetoScope::Bonus`]) or the
//!    bonus and every allowance and award ([`VetoScope::Variable`], 浮动工资);
//!    fixed pay stays;
//! 3. each earning line (fixed, allowance, award), then capped at its cap;
//! 4. each deduction, then capped at its cap;
//! 5. the floor ([`Floor`]): by default 应发合计 is not below 0 (deductions
//!    beyond the pay are not taken, and the row is flagged); or deductions
//!    take at most the variable pay (bonus + allowances + awards), so fixed
//!    pay is protected; or no floor;
//! 6. one rounding: 应发合计 rounded half up to [`PayLines::rounding`]
//!    (¥0.01 by default). Line amounts are not rounded on their own.
//!
//! So 应发合计 = ROUND(MAX(0, 固定 + 浮动 − 扣款), 2) with the default floor —
//! the formula the .xlsx export writes.

mod eval;
pub mod statement;

pub use eval::{evaluate, label_of, money, read, LineAmount, PaySheet, Read, SheetIssue, SheetRow};

use serde::{Deserialize, Serialize};

/// What a line is, for the totals and the veto.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineKind {
    /// 固定工资: 底薪, 岗位工资, 工龄工资. A veto never touches it.
    Fixed,
    /// 补贴/津贴: 全勤奖, 餐补, 话补. Variable pay.
    Allowance,
    /// 一次性奖励: 出师奖励, 大促奖. Variable pay.
    Award,
    /// 扣款: subtracted.
    Deduction,
}

/// A comparison in a condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cmp {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
}

impl Cmp {
    /// Whether `v` compares so with `to`.
    pub fn holds(self, v: f64, to: f64) -> bool {
        match self {
            Cmp::Ge => v >= to,
            Cmp::Gt => v > to,
            Cmp::Le => v <= to,
            Cmp::Lt => v < to,
            Cmp::Eq => (v - to).abs() < 1e-9,
        }
    }

    /// The sign, for rules in words and formulas.
    pub fn symbol(self) -> &'static str {
        match self {
            Cmp::Ge => ">=",
            Cmp::Gt => ">",
            Cmp::Le => "<=",
            Cmp::Lt => "<",
            Cmp::Eq => "=",
        }
    }
}

/// A condition on a column: 上班天数 ≥ 22, 事假天数 = 0.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    pub column: String,
    pub cmp: Cmp,
    pub value: f64,
}

/// An amount for one label of a text column (岗位工资 for level P2).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabelAmount {
    pub label: String,
    pub amount: f64,
}

/// How a line's amount is found, before its cap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum LineCalc {
    /// The same amount for everyone.
    Flat { amount: f64 },
    /// The agent's value in a column (底薪 per agent).
    Column { column: String },
    /// By the agent's label in a text column (岗位工资 by 职级); unlisted
    /// labels get `otherwise` and are reported.
    ByLabel {
        column: String,
        amounts: Vec<LabelAmount>,
        otherwise: f64,
    },
    /// `max(value − above, 0) × rate`: 餐补 ¥15 per 上班天数, 迟到 × ¥20,
    /// 工龄 years × ¥50.
    PerUnit {
        column: String,
        rate: f64,
        above: f64,
    },
    /// `max(line − value, 0) × rate`: 质检扣分, points below the line × ¥ per point.
    BelowLine {
        column: String,
        line: f64,
        rate: f64,
    },
    /// `amount` when every condition holds (全勤奖: 上班天数 ≥ 22 and 事假 = 0);
    /// a missing value fails its condition.
    IfAll {
        amount: f64,
        conditions: Vec<Condition>,
    },
    /// Named agents' amounts (出师奖励, 大促奖), 0 for the others.
    ByAgent { amounts: Vec<LabelAmount> },
}

impl LineCalc {
    /// The columns the line reads.
    pub fn columns(&self) -> Vec<&str> {
        match self {
            LineCalc::Flat { .. } | LineCalc::ByAgent { .. } => Vec::new(),
            LineCalc::Column { column }
            | LineCalc::ByLabel { column, .. }
            | LineCalc::PerUnit { column, .. }
            | LineCalc::BelowLine { column, .. } => vec![column.as_str()],
            LineCalc::IfAll { conditions, .. } => {
                conditions.iter().map(|c| c.column.as_str()).collect()
            }
        }
    }
}

/// One pay line: a name as printed (底薪, 全勤奖, 迟到扣款), its kind, how
/// it is computed and an optional monthly cap (deductions and earnings alike).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PayLine {
    pub name: String,
    pub kind: LineKind,
    pub calc: LineCalc,
    #[serde(default)]
    pub cap: Option<f64>,
}

/// What a triggered 红线 zeroes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VetoScope {
    /// The 绩效奖金 only.
    Bonus,
    /// The bonus, the allowances and the awards (all 浮动工资).
    Variable,
}

/// A 红线 veto: the agent's `column` names a finding. With `findings` empty,
/// any flag triggers (a non-zero number, or text other than 无/否/no/0/-);
/// otherwise a listed finding triggers (several may be separated by 、,;/)
/// and other text is reported as unknown and does not trigger.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Veto {
    pub name: String,
    pub column: String,
    #[serde(default)]
    pub findings: Vec<String>,
    pub scope: VetoScope,
}

/// How far deductions may go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Floor {
    /// 应发合计 is at least 0.
    #[default]
    Total,
    /// Deductions take at most the variable pay; fixed pay is protected.
    Variable,
    /// No floor: 应发合计 may be negative (flagged).
    None,
}

fn cent() -> f64 {
    0.01
}

/// The pay lines of a payout model. Empty by default, so files saved before
/// pay lines open unchanged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PayLines {
    #[serde(default)]
    pub items: Vec<PayLine>,
    #[serde(default)]
    pub vetoes: Vec<Veto>,
    #[serde(default)]
    pub floor: Floor,
    /// The one rounding of 应发合计: one of `payout::ROUNDING_UNITS`.
    #[serde(default = "cent")]
    pub rounding: f64,
}

impl Default for PayLines {
    fn default() -> Self {
        PayLines {
            items: Vec::new(),
            vetoes: Vec::new(),
            floor: Floor::Total,
            rounding: 0.01,
        }
    }
}

/// Most lines and vetoes one model may have.
pub const MAX_LINES: usize = 40;

impl PayLines {
    /// Whether there is anything beyond the bonus.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.vetoes.is_empty()
    }

    /// The columns the lines and vetoes read, once each, in order.
    pub fn columns(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let names = self
            .items
            .iter()
            .flat_map(|l| l.calc.columns())
            .chain(self.vetoes.iter().map(|v| v.column.as_str()));
        for n in names {
            if !out.iter().any(|o| o == n) {
                out.push(n.to_string());
            }
        }
        out
    }
}

/// `P1=300、P2=600` (also `,` `，` `;` `；` and `:` `：`) as label amounts;
/// `None` names the first piece that is not `label=amount ≥ 0`.
pub fn parse_label_amounts(text: &str) -> Result<Vec<LabelAmount>, String> {
    let mut out = Vec::new();
    for piece in text
        .split(['、', ',', '，', ';', '；', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (l, a) = piece
            .split_once(['=', ':', '：'])
            .ok_or_else(|| piece.to_string())?;
        let amount: f64 = a.trim().parse().map_err(|_| piece.to_string())?;
        if !amount.is_finite() || amount < 0.0 || l.trim().is_empty() {
            return Err(piece.to_string());
        }
        out.push(LabelAmount {
            label: l.trim().to_string(),
            amount,
        });
    }
    Ok(out)
}

/// Label amounts written back as `P1=300、P2=600`.
pub fn show_label_amounts(v: &[LabelAmount]) -> String {
    v.iter()
        .map(|a| format!("{}={}", a.label, a.amount))
        .collect::<Vec<_>>()
        .join("、")
}

/// `出勤天数>=22、事假天数=0` as conditions (`>=` `>` `<=` `<` `=`, also `≥` `≤`).
pub fn parse_conditions(text: &str) -> Result<Vec<Condition>, String> {
    let mut out = Vec::new();
    for piece in text
        .split(['、', ',', '，', ';', '；', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let ops: [(&str, Cmp); 7] = [
            (">=", Cmp::Ge),
            ("≥", Cmp::Ge),
            ("<=", Cmp::Le),
            ("≤", Cmp::Le),
            (">", Cmp::Gt),
            ("<", Cmp::Lt),
            ("=", Cmp::Eq),
        ];
        let found = ops
            .iter()
            .find_map(|(s, c)| piece.split_once(s).map(|(l, r)| (l, *c, r)));
        let (l, cmp, r) = found.ok_or_else(|| piece.to_string())?;
        let value: f64 = r.trim().parse().map_err(|_| piece.to_string())?;
        if l.trim().is_empty() || !value.is_finite() {
            return Err(piece.to_string());
        }
        out.push(Condition {
            column: l.trim().to_string(),
            cmp,
            value,
        });
    }
    Ok(out)
}

/// Conditions written back as `出勤天数>=22、事假天数=0`.
pub fn show_conditions(v: &[Condition]) -> String {
    v.iter()
        .map(|c| format!("{}{}{}", c.column, c.cmp.symbol(), c.value))
        .collect::<Vec<_>>()
        .join("、")
}
