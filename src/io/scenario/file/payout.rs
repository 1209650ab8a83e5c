//! A payout model as saved: its parts, coefficients, gates, pro-rating and
//! pay lines.

use super::common::file_enum;
use crate::model::id::Id;
use crate::model::payout::{
    CoefStep, Coefficient, Component, GradeCoef, PayGate, PayoutModel, Prorate, Tier, TierMode,
};
use crate::model::paysheet::{
    Cmp, Condition, Floor, LabelAmount, LineCalc, LineKind, PayLine, PayLines, Veto, VetoScope,
};
use serde::{Deserialize, Serialize};

/// A payout model (`payouts[i]`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct PayoutModelFile {
    /// Since version 3; version 2 files have none (migrated).
    #[serde(default)]
    pub(crate) id: u32,
    pub(crate) name: String,
    pub(crate) components: Vec<ComponentFile>,
    pub(crate) gates: Vec<GateFile>,
    prorate: Option<ProrateFile>,
    rounding: f64,
    budget: Option<f64>,
    /// Since the pay sheet (#17); absent: none.
    #[serde(default)]
    lines: PayLinesFile,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct CoefStepFile {
    min: f64,
    coef: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct GradeCoefFile {
    grade: String,
    coef: f64,
}

/// A 绩效系数, tagged by its kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) enum CoefFile {
    ScoreTable {
        steps: Vec<CoefStepFile>,
        otherwise: f64,
    },
    GradeTable(Vec<GradeCoefFile>),
    Curve {
        threshold: f64,
        start: f64,
        slope: f64,
        cap: f64,
    },
}

file_enum! {
    /// How commission tiers apply.
    TierModeFile <=> TierMode {
        "Marginal" => Marginal,
        "Retroactive" => Retroactive,
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct TierFile {
    from: f64,
    rate: f64,
}

/// One part of a model, tagged by its kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) enum ComponentFile {
    Target {
        base: f64,
        coef: CoefFile,
    },
    Pool {
        amount: f64,
        base_column: Option<String>,
        floor: f64,
        cap: Option<f64>,
    },
    Commission {
        column: String,
        tiers: Vec<TierFile>,
        mode: TierModeFile,
        multiplier: f64,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct GateFile {
    column: String,
    threshold: f64,
    fail_below: bool,
    cut: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct ProrateFile {
    column: String,
    full_days: f64,
}

file_enum! {
    /// What a pay line is.
    LineKindFile <=> LineKind {
        "Fixed" => Fixed,
        "Allowance" => Allowance,
        "Award" => Award,
        "Deduction" => Deduction,
    }
}

file_enum! {
    /// A comparison of a condition.
    CmpFile <=> Cmp {
        "Ge" => Ge,
        "Gt" => Gt,
        "Le" => Le,
        "Lt" => Lt,
        "Eq" => Eq,
    }
}

file_enum! {
    /// What a triggered 红线 zeroes.
    VetoScopeFile <=> VetoScope {
        "Bonus" => Bonus,
        "Variable" => Variable,
    }
}

file_enum! {
    /// How far deductions may go.
    FloorFile <=> Floor {
        "Total" => Total,
        "Variable" => Variable,
        "None" => None,
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct ConditionFile {
    column: String,
    cmp: CmpFile,
    value: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct LabelAmountFile {
    label: String,
    amount: f64,
}

/// How a pay line's amount is found, tagged by its kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum LineCalcFile {
    Flat {
        amount: f64,
    },
    Column {
        column: String,
    },
    ByLabel {
        column: String,
        amounts: Vec<LabelAmountFile>,
        otherwise: f64,
    },
    PerUnit {
        column: String,
        rate: f64,
        above: f64,
    },
    BelowLine {
        column: String,
        line: f64,
        rate: f64,
    },
    IfAll {
        amount: f64,
        conditions: Vec<ConditionFile>,
    },
    ByAgent {
        amounts: Vec<LabelAmountFile>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct PayLineFile {
    name: String,
    kind: LineKindFile,
    calc: LineCalcFile,
    #[serde(default)]
    cap: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct VetoFile {
    name: String,
    column: String,
    #[serde(default)]
    findings: Vec<String>,
    scope: VetoScopeFile,
}

fn cent() -> f64 {
    0.01
}

fn total() -> FloorFile {
    FloorFile::Total
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct PayLinesFile {
    #[serde(default)]
    items: Vec<PayLineFile>,
    #[serde(default)]
    vetoes: Vec<VetoFile>,
    #[serde(default = "total")]
    floor: FloorFile,
    #[serde(default = "cent")]
    rounding: f64,
}

impl Default for PayLinesFile {
    fn default() -> Self {
        PayLinesFile {
            items: Vec::new(),
            vetoes: Vec::new(),
            floor: total(),
            rounding: cent(),
        }
    }
}

fn label_amounts(v: &[LabelAmount]) -> Vec<LabelAmountFile> {
    v.iter()
        .map(|a| LabelAmountFile {
            label: a.label.clone(),
            amount: a.amount,
        })
        .collect()
}

fn label_amounts_back(v: Vec<LabelAmountFile>) -> Vec<LabelAmount> {
    v.into_iter()
        .map(|a| LabelAmount {
            label: a.label,
            amount: a.amount,
        })
        .collect()
}

impl From<&LineCalc> for LineCalcFile {
    fn from(c: &LineCalc) -> Self {
        match c {
            LineCalc::Flat { amount } => LineCalcFile::Flat { amount: *amount },
            LineCalc::Column { column } => LineCalcFile::Column {
                column: column.clone(),
            },
            LineCalc::ByLabel {
                column,
                amounts,
                otherwise,
            } => LineCalcFile::ByLabel {
                column: column.clone(),
                amounts: label_amounts(amounts),
                otherwise: *otherwise,
            },
            LineCalc::PerUnit {
                column,
                rate,
                above,
            } => LineCalcFile::PerUnit {
                column: column.clone(),
                rate: *rate,
                above: *above,
            },
            LineCalc::BelowLine { column, line, rate } => LineCalcFile::BelowLine {
                column: column.clone(),
                line: *line,
                rate: *rate,
            },
            LineCalc::IfAll { amount, conditions } => LineCalcFile::IfAll {
                amount: *amount,
                conditions: conditions
                    .iter()
                    .map(|c| ConditionFile {
                        column: c.column.clone(),
                        cmp: c.cmp.into(),
                        value: c.value,
                    })
                    .collect(),
            },
            LineCalc::ByAgent { amounts } => LineCalcFile::ByAgent {
                amounts: label_amounts(amounts),
            },
        }
    }
}

impl From<LineCalcFile> for LineCalc {
    fn from(c: LineCalcFile) -> Self {
        match c {
            LineCalcFile::Flat { amount } => LineCalc::Flat { amount },
            LineCalcFile::Column { column } => LineCalc::Column { column },
            LineCalcFile::ByLabel {
                column,
                amounts,
                otherwise,
            } => LineCalc::ByLabel {
                column,
                amounts: label_amounts_back(amounts),
                otherwise,
            },
            LineCalcFile::PerUnit {
                column,
                rate,
                above,
            } => LineCalc::PerUnit {
                column,
                rate,
                above,
            },
            LineCalcFile::BelowLine { column, line, rate } => {
                LineCalc::BelowLine { column, line, rate }
            }
            LineCalcFile::IfAll { amount, conditions } => LineCalc::IfAll {
                amount,
                conditions: conditions
                    .into_iter()
                    .map(|c| Condition {
                        column: c.column,
                        cmp: c.cmp.into(),
                        value: c.value,
                    })
                    .collect(),
            },
            LineCalcFile::ByAgent { amounts } => LineCalc::ByAgent {
                amounts: label_amounts_back(amounts),
            },
        }
    }
}

impl From<&PayLines> for PayLinesFile {
    fn from(l: &PayLines) -> Self {
        PayLinesFile {
            items: l
                .items
                .iter()
                .map(|x| PayLineFile {
                    name: x.name.clone(),
                    kind: x.kind.into(),
                    calc: (&x.calc).into(),
                    cap: x.cap,
                })
                .collect(),
            vetoes: l
                .vetoes
                .iter()
                .map(|v| VetoFile {
                    name: v.name.clone(),
                    column: v.column.clone(),
                    findings: v.findings.clone(),
                    scope: v.scope.into(),
                })
                .collect(),
            floor: l.floor.into(),
            rounding: l.rounding,
        }
    }
}

impl From<PayLinesFile> for PayLines {
    fn from(l: PayLinesFile) -> Self {
        PayLines {
            items: l
                .items
                .into_iter()
                .map(|x| PayLine {
                    name: x.name,
                    kind: x.kind.into(),
                    calc: x.calc.into(),
                    cap: x.cap,
                })
                .collect(),
            vetoes: l
                .vetoes
                .into_iter()
                .map(|v| Veto {
                    name: v.name,
                    column: v.column,
                    findings: v.findings,
                    scope: v.scope.into(),
                })
                .collect(),
            floor: l.floor.into(),
            rounding: l.rounding,
        }
    }
}

impl From<&Coefficient> for CoefFile {
    fn from(c: &Coefficient) -> Self {
        match c {
            Coefficient::ScoreTable { steps, otherwise } => CoefFile::ScoreTable {
                steps: steps
                    .iter()
                    .map(|s| CoefStepFile {
                        min: s.min,
                        coef: s.coef,
                    })
                    .collect(),
                otherwise: *otherwise,
            },
            Coefficient::GradeTable(v) => CoefFile::GradeTable(
                v.iter()
                    .map(|g| GradeCoefFile {
                        grade: g.grade.clone(),
                        coef: g.coef,
                    })
                    .collect(),
            ),
            Coefficient::Curve {
                threshold,
                start,
                slope,
                cap,
            } => CoefFile::Curve {
                threshold: *threshold,
                start: *start,
                slope: *slope,
                cap: *cap,
            },
        }
    }
}

impl From<CoefFile> for Coefficient {
    fn from(c: CoefFile) -> Self {
        match c {
            CoefFile::ScoreTable { steps, otherwise } => Coefficient::ScoreTable {
                steps: steps
                    .into_iter()
                    .map(|s| CoefStep {
                        min: s.min,
                        coef: s.coef,
                    })
                    .collect(),
                otherwise,
            },
            CoefFile::GradeTable(v) => Coefficient::GradeTable(
                v.into_iter()
                    .map(|g| GradeCoef {
                        grade: g.grade,
                        coef: g.coef,
                    })
                    .collect(),
            ),
            CoefFile::Curve {
                threshold,
                start,
                slope,
                cap,
            } => Coefficient::Curve {
                threshold,
                start,
                slope,
                cap,
            },
        }
    }
}

impl From<&Component> for ComponentFile {
    fn from(c: &Component) -> Self {
        match c {
            Component::Target { base, coef } => ComponentFile::Target {
                base: *base,
                coef: coef.into(),
            },
            Component::Pool {
                amount,
                base_column,
                floor,
                cap,
            } => ComponentFile::Pool {
                amount: *amount,
                base_column: base_column.clone(),
                floor: *floor,
                cap: *cap,
            },
            Component::Commission {
                column,
                tiers,
                mode,
                multiplier,
            } => ComponentFile::Commission {
                column: column.clone(),
                tiers: tiers
                    .iter()
                    .map(|t| TierFile {
                        from: t.from,
                        rate: t.rate,
                    })
                    .collect(),
                mode: (*mode).into(),
                multiplier: *multiplier,
            },
        }
    }
}

impl From<ComponentFile> for Component {
    fn from(c: ComponentFile) -> Self {
        match c {
            ComponentFile::Target { base, coef } => Component::Target {
                base,
                coef: coef.into(),
            },
            ComponentFile::Pool {
                amount,
                base_column,
                floor,
                cap,
            } => Component::Pool {
                amount,
                base_column,
                floor,
                cap,
            },
            ComponentFile::Commission {
                column,
                tiers,
                mode,
                multiplier,
            } => Component::Commission {
                column,
                tiers: tiers
                    .into_iter()
                    .map(|t| Tier {
                        from: t.from,
                        rate: t.rate,
                    })
                    .collect(),
                mode: mode.into(),
                multiplier,
            },
        }
    }
}

impl From<&PayoutModel> for PayoutModelFile {
    fn from(m: &PayoutModel) -> Self {
        PayoutModelFile {
            id: m.id.0,
            name: m.name.clone(),
            components: m.components.iter().map(Into::into).collect(),
            gates: m
                .gates
                .iter()
                .map(|g| GateFile {
                    column: g.column.clone(),
                    threshold: g.threshold,
                    fail_below: g.fail_below,
                    cut: g.cut,
                })
                .collect(),
            prorate: m.prorate.as_ref().map(|p| ProrateFile {
                column: p.column.clone(),
                full_days: p.full_days,
            }),
            rounding: m.rounding,
            budget: m.budget,
            lines: (&m.lines).into(),
        }
    }
}

impl From<PayoutModelFile> for PayoutModel {
    fn from(m: PayoutModelFile) -> Self {
        PayoutModel {
            id: Id(m.id),
            name: m.name,
            components: m.components.into_iter().map(Into::into).collect(),
            gates: m
                .gates
                .into_iter()
                .map(|g| PayGate {
                    column: g.column,
                    threshold: g.threshold,
                    fail_below: g.fail_below,
                    cut: g.cut,
                })
                .collect(),
            prorate: m.prorate.map(|p| Prorate {
                column: p.column,
                full_days: p.full_days,
            }),
            rounding: m.rounding,
            budget: m.budget,
            lines: m.lines.into(),
        }
    }
}
