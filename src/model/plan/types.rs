//! The plan's types: rules, items, grading, the plan itself, and the
//! scores it produces. Their serde derives serve the messages to Web
//! Workers (`forecast::parts`) only; saved files and links have their own
//! types (`io::scenario::file`), so these may change freely.

use super::rules::CompiledRule;
use crate::i18n::Msg;
use crate::model::round::round_dp;
use crate::model::table::{Cell, Table};
use crate::model::unit::Direction;
use serde::{Deserialize, Serialize};

/// One band of a band table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Band {
    pub threshold: f64,
    pub points: f64,
}

/// How an item's value becomes points.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Rule {
    Ratio {
        target: f64,
        floor: f64,
        cap: f64,
    },
    Linear {
        zero_at: f64,
        full_at: f64,
        stretch: Option<(f64, f64)>,
        cap: f64,
    },
    Bands {
        bands: Vec<Band>,
        otherwise: f64,
    },
    Relative {
        cap: f64,
    },
    Rank,
    Percentile,
    Gate {
        threshold: f64,
        zero_total: bool,
    },
}

impl Rule {
    /// The rule's kind, for editors.
    pub fn kind(&self) -> RuleKind {
        match self {
            Rule::Ratio { .. } => RuleKind::Ratio,
            Rule::Linear { .. } => RuleKind::Linear,
            Rule::Bands { .. } => RuleKind::Bands,
            Rule::Relative { .. } => RuleKind::Relative,
            Rule::Rank => RuleKind::Rank,
            Rule::Percentile => RuleKind::Percentile,
            Rule::Gate { .. } => RuleKind::Gate,
        }
    }

    /// The most points the rule can give.
    pub fn max_points(&self) -> f64 {
        CompiledRule::new(self, false).max_points()
    }
}

/// The rule kinds, in menu order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuleKind {
    Ratio,
    Linear,
    Bands,
    Relative,
    Rank,
    Percentile,
    Gate,
}

impl RuleKind {
    /// The rule's name in the text table.
    pub fn label(self) -> Msg {
        match self {
            RuleKind::Ratio => Msg::RuleRatio,
            RuleKind::Linear => Msg::RuleLinear,
            RuleKind::Bands => Msg::RuleBands,
            RuleKind::Relative => Msg::RuleRelative,
            RuleKind::Rank => Msg::RuleRank,
            RuleKind::Percentile => Msg::RulePercentile,
            RuleKind::Gate => Msg::RuleGate,
        }
    }

    pub const ALL: [RuleKind; 7] = [
        RuleKind::Ratio,
        RuleKind::Linear,
        RuleKind::Bands,
        RuleKind::Relative,
        RuleKind::Rank,
        RuleKind::Percentile,
        RuleKind::Gate,
    ];

    /// A sensible starting rule of this kind for a column whose typical value is `typical`.
    pub fn default_rule(self, typical: f64, lower: bool) -> Rule {
        let t = if typical.is_finite() && typical > 0.0 {
            round_dp(typical, 4)
        } else {
            1.0
        };
        match self {
            RuleKind::Ratio => Rule::Ratio {
                target: t,
                floor: 0.0,
                cap: 120.0,
            },
            RuleKind::Linear => {
                if lower {
                    Rule::Linear {
                        zero_at: round_dp(t * 2.0, 4),
                        full_at: t,
                        stretch: None,
                        cap: 100.0,
                    }
                } else {
                    Rule::Linear {
                        zero_at: round_dp(t * 0.5, 4),
                        full_at: t,
                        stretch: None,
                        cap: 100.0,
                    }
                }
            }
            RuleKind::Bands => {
                let f = if lower {
                    [1.0, 1.2, 1.4]
                } else {
                    [1.0, 0.9, 0.8]
                };
                Rule::Bands {
                    bands: vec![
                        Band {
                            threshold: round_dp(t * f[0], 4),
                            points: 100.0,
                        },
                        Band {
                            threshold: round_dp(t * f[1], 4),
                            points: 80.0,
                        },
                        Band {
                            threshold: round_dp(t * f[2], 4),
                            points: 60.0,
                        },
                    ],
                    otherwise: 0.0,
                }
            }
            RuleKind::Relative => Rule::Relative { cap: 120.0 },
            RuleKind::Rank => Rule::Rank,
            RuleKind::Percentile => Rule::Percentile,
            RuleKind::Gate => Rule::Gate {
                threshold: t,
                zero_total: false,
            },
        }
    }
}

/// One item of a plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanItem {
    /// The column, by name (a header, or a metric's Chinese/English name).
    pub column: String,
    /// Weight in percent (30 = 30 %).
    pub weight: f64,
    /// Overrides the column's direction.
    pub direction: Option<Direction>,
    pub rule: Rule,
    /// Kept as is when the plan is copied to the next month (the fixed main
    /// item); other items are the rotated ones.
    pub fixed: bool,
}

/// A grade by minimum total.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GradeThreshold {
    pub label: String,
    pub min: f64,
}

/// A grade by share of the team.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GradeShare {
    pub label: String,
    /// Share of agents (0.2 = 20 %).
    pub share: f64,
}

/// How totals become grades.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Grading {
    /// Highest minimum first; the last entry's minimum is ignored (everyone else).
    Thresholds(Vec<GradeThreshold>),
    /// Best first; shares should sum to 1.
    Forced(Vec<GradeShare>),
}

impl Grading {
    /// S ≥ 95, A ≥ 85, B ≥ 70, C ≥ 60, D.
    pub fn default_thresholds() -> Grading {
        let g = |l: &str, m: f64| GradeThreshold {
            label: l.into(),
            min: m,
        };
        Grading::Thresholds(vec![
            g("S", 95.0),
            g("A", 85.0),
            g("B", 70.0),
            g("C", 60.0),
            g("D", 0.0),
        ])
    }

    /// The seed's 20 / 70 / 10.
    pub fn default_forced() -> Grading {
        let g = |l: &str, s: f64| GradeShare {
            label: l.into(),
            share: s,
        };
        Grading::Forced(vec![g("A", 0.2), g("B", 0.7), g("C", 0.1)])
    }
}

/// A weighted KPI plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Stable identity within a workbook (0 until it enters one).
    #[serde(default)]
    pub id: crate::model::id::Id,
    pub name: String,
    /// `YYYY-MM`.
    pub month: String,
    /// The group it applies to (`None`: everyone).
    pub group: Option<String>,
    pub items: Vec<PlanItem>,
    pub grading: Grading,
}

/// Most items a plan may have.
pub const MAX_ITEMS: usize = 12;

/// A finding about a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanIssue {
    /// Errors break the seed rules; the plan still computes, marked invalid.
    pub error: bool,
    /// The item it concerns, if one.
    pub item: Option<usize>,
    pub msg: Msg,
    pub args: Vec<String>,
}

impl Plan {
    /// Rows of the agents the plan applies to, in table order.
    pub fn members(&self, table: &Table) -> Vec<usize> {
        let gc = table.column_of(crate::model::MetricId::Group);
        (0..table.len())
            .filter(|r| match (&self.group, gc) {
                (None, _) => true,
                (Some(g), Some(c)) => matches!(table.cell(*r, c), Some(Cell::Text(t)) if t == g),
                (Some(_), None) => false,
            })
            .collect()
    }
}

/// How one item's points came about, with the numbers filled in.
#[derive(Clone, Debug, PartialEq)]
pub enum Explain {
    Missing,
    Ratio {
        actual: f64,
        target: f64,
        lower: bool,
        raw: f64,
        floor: f64,
        cap: f64,
    },
    Linear {
        actual: f64,
        knots: Vec<(f64, f64)>,
        raw: f64,
        cap: f64,
    },
    Band {
        actual: f64,
        lower: bool,
        matched: Option<Band>,
        otherwise: f64,
    },
    Relative {
        actual: f64,
        average: f64,
        lower: bool,
        raw: f64,
        cap: f64,
    },
    Rank {
        rank: usize,
        n: usize,
    },
    Percentile {
        worse: usize,
        n: usize,
    },
    Gate {
        actual: f64,
        threshold: f64,
        lower: bool,
        passed: bool,
        zero_total: bool,
    },
}

/// One item's result for one agent.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemScore {
    pub raw: Option<f64>,
    /// Points before weighting.
    pub points: f64,
    /// `points × weight ÷ 100`.
    pub weighted: f64,
    pub explain: Explain,
}

/// One agent's result.
#[derive(Clone, Debug, PartialEq)]
pub struct AgentScore {
    pub row: usize,
    pub items: Vec<ItemScore>,
    pub total: f64,
    /// Competition rank among the plan's agents (1 = best).
    pub rank: usize,
    /// Index into the plan's grade list.
    pub grade: usize,
    /// A gate with `zero_total` failed.
    pub gated: bool,
}

/// The scores of a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanScores {
    /// In table order.
    pub agents: Vec<AgentScore>,
    pub grade_labels: Vec<String>,
    /// Team averages: per item (points, weighted) and the total.
    pub item_averages: Vec<(f64, f64)>,
    pub average_total: f64,
    pub issues: Vec<PlanIssue>,
}

impl PlanScores {
    /// The result for table row `row`.
    pub fn for_row(&self, row: usize) -> Option<&AgentScore> {
        self.agents.iter().find(|a| a.row == row)
    }
}

impl PlanItem {
    /// An item on `column` with the column's own direction.
    pub fn new(column: &str, weight: f64, rule: Rule, fixed: bool) -> PlanItem {
        PlanItem {
            column: column.into(),
            weight,
            direction: None,
            rule,
            fixed,
        }
    }
}

impl Rule {
    /// A band table from `(threshold, points)` pairs.
    pub fn bands(b: &[(f64, f64)], otherwise: f64) -> Rule {
        Rule::Bands {
            bands: b
                .iter()
                .map(|(t, p)| Band {
                    threshold: *t,
                    points: *p,
                })
                .collect(),
            otherwise,
        }
    }
}
