//! KPI plans (考核方案) and scoring (成绩): weighted items, scoring rules,
//! grades, and the explanation of every point.
//!
//! ## Scoring rules (points before weighting; `a` = the agent's value)
//! - **Ratio to target**: higher is better `a ÷ target × 100`; lower is better
//!   `(2 − a ÷ target) × 100`; then clamped to `[floor, cap]`. A target ≤ 0
//!   gives 0 points (and a plan error).
//! - **Linear**: 0 points at `zero_at`, 100 at `full_at`, optionally
//!   `stretch_points` at `stretch_at`; straight lines between these knots,
//!   flat beyond the ends, capped at `cap`. Works both ways (for lower is
//!   better, `zero_at` is the larger value).
//! - **Bands**: a threshold table. Higher is better: the points of the first
//!   band (highest threshold first) with `a ≥ threshold`; lower is better:
//!   the first band (lowest threshold first) with `a ≤ threshold`; else
//!   `otherwise`.
//! - **Relative to the team average** (the plan's group, agents with a
//!   value): `a ÷ avg × 100` (lower: `(2 − a ÷ avg) × 100`), clamped to
//!   `[0, cap]`; an average of 0 gives 0.
//! - **Rank**: `100 × (n − rank) ÷ (n − 1)` with rank 1 the best and ties
//!   sharing the best rank; n = 1 gives 100.
//! - **Percentile**: `100 × (agents strictly worse) ÷ (n − 1)`; n = 1 gives 100.
//! - **Gate**: pass (`a ≥ threshold`, or `≤` for lower is better) gives 100,
//!   fail gives 0, and with `zero_total` a fail makes the whole score 0.
//!
//! A missing value scores 0 points (the plan warns which items have them).
//! Weighted points are `points × weight ÷ 100`; the total is their sum. No
//! rounding happens in scoring: the UI rounds for display only, so scores
//! are reproducible bit for bit.
//!
//! ## Grades
//! - **Thresholds**: the first grade (highest minimum first) whose minimum the
//!   total reaches; the last grade takes everyone else.
//! - **Forced distribution**: agents sorted by total (best first; equal totals
//!   keep table order), grade `i` covers positions below
//!   `round_half_up(n × cumulative share_i)`. **Tie rule:** an agent whose
//!   total equals a better-placed agent's gets that agent's grade, so equal
//!   scores never get different grades.
//!
//! ## Ranks
//! Competition ranking ("1224"): 1 + the number of agents with a higher total.

use super::formula::calc::resolve;
use super::round::round_dp;
use super::table::{Cell, Table};
use super::unit::Direction;
use crate::i18n::Msg;
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
        match self {
            Rule::Ratio { cap, .. } | Rule::Relative { cap } => *cap,
            Rule::Linear { cap, stretch, .. } => {
                cap.min(stretch.map(|s| s.1).unwrap_or(100.0).max(100.0))
            }
            Rule::Bands { bands, otherwise } => {
                bands.iter().map(|b| b.points).fold(*otherwise, f64::max)
            }
            Rule::Rank | Rule::Percentile | Rule::Gate { .. } => 100.0,
        }
    }
}

/// The rule kinds, in menu order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    pub id: super::id::Id,
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

fn fmt_num(v: f64) -> String {
    let s = format!("{}", round_dp(v, 4));
    s
}

impl Plan {
    /// Checks the plan against the seed rules (errors) and common pitfalls
    /// (warnings). `table` is used to find columns and missing values.
    pub fn validate(&self, table: &Table) -> Vec<PlanIssue> {
        let mut out = Vec::new();
        let mut push = |error: bool, item: Option<usize>, msg: Msg, args: Vec<String>| {
            out.push(PlanIssue {
                error,
                item,
                msg,
                args,
            })
        };
        if self.items.is_empty() || self.items.len() > MAX_ITEMS {
            push(
                true,
                None,
                Msg::PlanErrItemCount,
                vec![self.items.len().to_string()],
            );
        }
        let sum: f64 = self.items.iter().map(|i| i.weight).sum();
        // A NaN weight makes the sum NaN, which must count as wrong too.
        if !sum.is_finite() || (sum - 100.0).abs() > 1e-9 {
            push(true, None, Msg::PlanErrWeightSum, vec![fmt_num(sum)]);
        }
        for (i, it) in self.items.iter().enumerate() {
            let n = (i + 1).to_string();
            if !it.weight.is_finite() || it.weight < 5.0 {
                push(
                    true,
                    Some(i),
                    Msg::PlanErrWeightMin,
                    vec![n.clone(), fmt_num(it.weight)],
                );
            } else if (it.weight / 5.0 - (it.weight / 5.0).round()).abs() > 1e-9 {
                push(
                    true,
                    Some(i),
                    Msg::PlanErrWeightStep,
                    vec![n.clone(), fmt_num(it.weight)],
                );
            }
            match resolve(table, &it.column) {
                None => push(
                    true,
                    Some(i),
                    Msg::PlanErrNoColumn,
                    vec![n.clone(), it.column.clone()],
                ),
                Some(c) => {
                    let missing = self
                        .members(table)
                        .into_iter()
                        .filter(|r| table.cell(*r, c).and_then(Cell::number).is_none())
                        .count();
                    if missing > 0 {
                        push(
                            false,
                            Some(i),
                            Msg::PlanWarnMissing,
                            vec![n.clone(), it.column.clone(), missing.to_string()],
                        );
                    }
                }
            }
            if let Some(msg) = rule_problem(&it.rule) {
                push(true, Some(i), msg, vec![n.clone()]);
            }
            let dup = self
                .items
                .iter()
                .take(i)
                .any(|o| o.column.trim().eq_ignore_ascii_case(it.column.trim()));
            if dup {
                push(
                    false,
                    Some(i),
                    Msg::PlanWarnDuplicate,
                    vec![n, it.column.clone()],
                );
            }
        }
        if !self.items.is_empty() && (self.items.len() < 3 || self.items.len() > 8) {
            push(
                false,
                None,
                Msg::PlanWarnItemCount,
                vec![self.items.len().to_string()],
            );
        }
        match &self.grading {
            Grading::Thresholds(t) if t.is_empty() => {
                push(true, None, Msg::PlanErrGrades, Vec::new())
            }
            Grading::Forced(s) => {
                let total: f64 = s.iter().map(|g| g.share).sum();
                if s.is_empty()
                    || s.iter().any(|g| !g.share.is_finite() || g.share < 0.0)
                    || !total.is_finite()
                    || (total - 1.0).abs() > 1e-9
                {
                    push(true, None, Msg::PlanErrShares, vec![fmt_num(total * 100.0)]);
                }
            }
            _ => {}
        }
        out
    }

    /// Whether the plan breaks no seed rule.
    pub fn is_valid(&self, table: &Table) -> bool {
        !self.validate(table).iter().any(|i| i.error)
    }

    /// Rows of the agents the plan applies to, in table order.
    pub fn members(&self, table: &Table) -> Vec<usize> {
        let gc = table.column_of(super::MetricId::Group);
        (0..table.len())
            .filter(|r| match (&self.group, gc) {
                (None, _) => true,
                (Some(g), Some(c)) => matches!(table.cell(*r, c), Some(Cell::Text(t)) if t == g),
                (Some(_), None) => false,
            })
            .collect()
    }

    /// The next month's plan: same items (fixed ones marked so), month + 1,
    /// and a name that says which month it is for (`售前方案 2026-11` →
    /// `售前方案 2026-12`; a name without a month gets it appended), so it is
    /// never taken for this month's plan.
    pub fn copy_to_next_month(&self) -> Plan {
        let next = next_month(&self.month);
        let base = self.name.trim();
        let base = base
            .strip_suffix(self.month.as_str())
            .map(|b| b.trim_end_matches([' ', '·', '-', '_']).trim_end())
            .unwrap_or(base);
        Plan {
            name: format!("{base} {next}"),
            month: next,
            ..self.clone()
        }
    }
}

/// `"2026-11"` → `"2026-12"`, `"2026-12"` → `"2027-01"`; anything else unchanged.
pub fn next_month(m: &str) -> String {
    let Some((y, mo)) = m.split_once('-') else {
        return m.to_string();
    };
    match (y.parse::<i32>(), mo.parse::<u32>()) {
        (Ok(y), Ok(mo)) if (1..=12).contains(&mo) => {
            if mo == 12 {
                format!("{:04}-01", y + 1)
            } else {
                format!("{y:04}-{:02}", mo + 1)
            }
        }
        _ => m.to_string(),
    }
}

fn rule_problem(r: &Rule) -> Option<Msg> {
    let fin = |v: f64| v.is_finite();
    match r {
        Rule::Ratio { target, floor, cap } => {
            if !fin(*target) || *target <= 0.0 {
                Some(Msg::PlanErrTarget)
            } else if !fin(*floor) || !fin(*cap) || floor > cap {
                Some(Msg::PlanErrCap)
            } else {
                None
            }
        }
        Rule::Linear {
            zero_at,
            full_at,
            stretch,
            cap,
        } => {
            let stretch_ok = stretch
                .is_none_or(|(x, p)| fin(x) && fin(p) && (x - full_at) * (full_at - zero_at) > 0.0);
            if !fin(*zero_at) || !fin(*full_at) || zero_at == full_at || !stretch_ok {
                Some(Msg::PlanErrLinear)
            } else if !fin(*cap) || *cap < 0.0 {
                Some(Msg::PlanErrCap)
            } else {
                None
            }
        }
        Rule::Bands { bands, otherwise } => {
            if bands.is_empty()
                || !fin(*otherwise)
                || bands.iter().any(|b| !fin(b.threshold) || !fin(b.points))
            {
                Some(Msg::PlanErrBands)
            } else {
                None
            }
        }
        Rule::Relative { cap } => (!fin(*cap) || *cap <= 0.0).then_some(Msg::PlanErrCap),
        Rule::Gate { threshold, .. } => (!fin(*threshold)).then_some(Msg::PlanErrTarget),
        Rule::Rank | Rule::Percentile => None,
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

/// The direction an item scores in (its override, else the column's; a
/// neutral column scores higher-is-better).
pub fn item_lower(item: &PlanItem, table: &Table) -> bool {
    let col_dir = resolve(table, &item.column)
        .and_then(|c| table.columns.get(c))
        .map(|c| c.direction);
    item.direction.or(col_dir) == Some(Direction::Lower)
}

/// Points for value `a` under `rule` for rules that need no team context.
fn points_alone(rule: &Rule, a: f64, lower: bool) -> Option<(f64, Explain)> {
    Some(match rule {
        Rule::Ratio { target, floor, cap } => {
            let raw = if *target > 0.0 {
                ratio_points(a, *target, lower)
            } else {
                0.0
            };
            let p = raw.max(*floor).min(*cap);
            (
                p,
                Explain::Ratio {
                    actual: a,
                    target: *target,
                    lower,
                    raw,
                    floor: *floor,
                    cap: *cap,
                },
            )
        }
        Rule::Linear {
            zero_at,
            full_at,
            stretch,
            cap,
        } => {
            let knots = linear_knots(*zero_at, *full_at, *stretch);
            let raw = interpolate(&knots, a);
            (
                raw.min(*cap).max(0.0),
                Explain::Linear {
                    actual: a,
                    knots,
                    raw,
                    cap: *cap,
                },
            )
        }
        Rule::Bands { bands, otherwise } => {
            let matched = sorted_bands(bands, lower).into_iter().find(|b| {
                if lower {
                    a <= b.threshold
                } else {
                    a >= b.threshold
                }
            });
            let p = matched.as_ref().map(|b| b.points).unwrap_or(*otherwise);
            (
                p,
                Explain::Band {
                    actual: a,
                    lower,
                    matched,
                    otherwise: *otherwise,
                },
            )
        }
        Rule::Gate {
            threshold,
            zero_total,
        } => {
            let passed = if lower {
                a <= *threshold
            } else {
                a >= *threshold
            };
            (
                if passed { 100.0 } else { 0.0 },
                Explain::Gate {
                    actual: a,
                    threshold: *threshold,
                    lower,
                    passed,
                    zero_total: *zero_total,
                },
            )
        }
        Rule::Relative { .. } | Rule::Rank | Rule::Percentile => return None,
    })
}

/// `a ÷ reference × 100`, or `(2 − a ÷ reference) × 100` when lower is better
/// (shared by ratio-to-target and relative-to-average).
pub(crate) fn ratio_points(a: f64, reference: f64, lower: bool) -> f64 {
    if lower {
        (2.0 - a / reference) * 100.0
    } else {
        a / reference * 100.0
    }
}

/// Bands best first: highest threshold first, or lowest when lower is better
/// (the first band an agent reaches is theirs).
pub fn sorted_bands(bands: &[Band], lower: bool) -> Vec<Band> {
    let mut sorted = bands.to_vec();
    if lower {
        sorted.sort_by(|x, y| x.threshold.total_cmp(&y.threshold));
    } else {
        sorted.sort_by(|x, y| y.threshold.total_cmp(&x.threshold));
    }
    sorted
}

/// The knots of a linear rule, sorted by value: (zero_at, 0), (full_at,
/// 100) and the stretch point if any.
pub fn linear_knots(zero_at: f64, full_at: f64, stretch: Option<(f64, f64)>) -> Vec<(f64, f64)> {
    let mut knots = vec![(zero_at, 0.0), (full_at, 100.0)];
    knots.extend(stretch);
    knots.sort_by(|x, y| x.0.total_cmp(&y.0));
    knots
}

/// Piecewise-linear through `knots` (sorted by x), flat beyond the ends.
pub(crate) fn interpolate(knots: &[(f64, f64)], x: f64) -> f64 {
    let (Some(first), Some(last)) = (knots.first(), knots.last()) else {
        return 0.0;
    };
    if x <= first.0 {
        return first.1;
    }
    if x >= last.0 {
        return last.1;
    }
    for w in knots.windows(2) {
        if let [(x0, y0), (x1, y1)] = w {
            if x >= *x0 && x <= *x1 {
                return if x1 == x0 {
                    *y1
                } else {
                    y0 + (x - x0) / (x1 - x0) * (y1 - y0)
                };
            }
        }
    }
    last.1
}

/// Scores every agent of the plan's group.
pub fn score(table: &Table, plan: &Plan) -> PlanScores {
    let members = plan.members(table);
    let n_items = plan.items.len();
    // Per item: the column and each member's value.
    let cols: Vec<Option<usize>> = plan
        .items
        .iter()
        .map(|it| resolve(table, &it.column))
        .collect();
    let values: Vec<Vec<Option<f64>>> = cols
        .iter()
        .map(|c| {
            members
                .iter()
                .map(|r| c.and_then(|c| table.cell(*r, c)).and_then(Cell::number))
                .collect()
        })
        .collect();
    let mut agents: Vec<AgentScore> = members
        .iter()
        .map(|r| AgentScore {
            row: *r,
            items: Vec::with_capacity(n_items),
            total: 0.0,
            rank: 0,
            grade: 0,
            gated: false,
        })
        .collect();
    for (i, item) in plan.items.iter().enumerate() {
        let lower = item_lower(item, table);
        let vals = values.get(i).cloned().unwrap_or_default();
        let present: Vec<f64> = vals.iter().flatten().copied().collect();
        let avg = if present.is_empty() {
            0.0
        } else {
            present.iter().sum::<f64>() / present.len() as f64
        };
        // Sorted once so rank and percentile are binary searches, not scans.
        let mut sorted = present.clone();
        sorted.sort_by(|a, b| a.total_cmp(b));
        for (a, v) in agents.iter_mut().zip(&vals) {
            let (points, explain) = match v {
                None => (0.0, Explain::Missing),
                Some(x) => match &item.rule {
                    Rule::Relative { cap } => {
                        let raw = if avg != 0.0 {
                            ratio_points(*x, avg, lower)
                        } else {
                            0.0
                        };
                        (
                            raw.max(0.0).min(*cap),
                            Explain::Relative {
                                actual: *x,
                                average: avg,
                                lower,
                                raw,
                                cap: *cap,
                            },
                        )
                    }
                    Rule::Rank | Rule::Percentile => {
                        let n = sorted.len();
                        let below = sorted.partition_point(|o| o < x);
                        let above = n - sorted.partition_point(|o| o <= x);
                        let (better, worse) = if lower {
                            (below, above)
                        } else {
                            (above, below)
                        };
                        if item.rule == Rule::Rank {
                            let rank = better + 1;
                            let p = if n <= 1 {
                                100.0
                            } else {
                                100.0 * (n - rank) as f64 / (n - 1) as f64
                            };
                            (p, Explain::Rank { rank, n })
                        } else {
                            let p = if n <= 1 {
                                100.0
                            } else {
                                100.0 * worse as f64 / (n - 1) as f64
                            };
                            (p, Explain::Percentile { worse, n })
                        }
                    }
                    other => points_alone(other, *x, lower).unwrap_or((0.0, Explain::Missing)),
                },
            };
            if let (
                Rule::Gate {
                    zero_total: true, ..
                },
                Explain::Gate { passed: false, .. },
            ) = (&item.rule, &explain)
            {
                a.gated = true;
            }
            let weighted = points * item.weight / 100.0;
            a.items.push(ItemScore {
                raw: *v,
                points,
                weighted,
                explain,
            });
        }
    }
    for a in agents.iter_mut() {
        a.total = if a.gated {
            0.0
        } else {
            a.items.iter().map(|i| i.weighted).sum()
        };
    }
    let totals: Vec<f64> = agents.iter().map(|a| a.total).collect();
    // Competition rank: 1 + the number of higher totals (binary search).
    let mut desc = totals.clone();
    desc.sort_by(|a, b| b.total_cmp(a));
    for a in agents.iter_mut() {
        a.rank = 1 + desc.partition_point(|t| *t > a.total);
    }
    let grade_labels = grade(&mut agents, &plan.grading);
    let n = agents.len().max(1) as f64;
    let item_averages = (0..n_items)
        .map(|i| {
            let (p, w) = agents.iter().fold((0.0, 0.0), |(p, w), a| {
                let s = a.items.get(i);
                (
                    p + s.map(|s| s.points).unwrap_or(0.0),
                    w + s.map(|s| s.weighted).unwrap_or(0.0),
                )
            });
            (p / n, w / n)
        })
        .collect();
    let average_total = totals.iter().sum::<f64>() / n;
    PlanScores {
        agents,
        grade_labels,
        item_averages,
        average_total,
        issues: plan.validate(table),
    }
}

impl Grading {
    /// The grade labels, best first (the index [`assign_grades`] gives).
    pub fn labels(&self) -> Vec<String> {
        match self {
            Grading::Thresholds(t) => {
                let mut sorted: Vec<&GradeThreshold> = t.iter().collect();
                sorted.sort_by(|a, b| b.min.total_cmp(&a.min));
                sorted.iter().map(|g| g.label.clone()).collect()
            }
            Grading::Forced(shares) => shares.iter().map(|g| g.label.clone()).collect(),
        }
    }
}

/// The grade index of each total into `out` (best first, as
/// [`Grading::labels`]). Thresholds: the first minimum reached; the last
/// grade takes everyone else. Forced: by position in the ranking, the
/// cumulative shares rounded to whole agents; equal totals share the better
/// grade. `order` is a reusable buffer.
pub fn assign_grades(
    totals: &[f64],
    grading: &Grading,
    out: &mut Vec<usize>,
    order: &mut Vec<usize>,
) {
    let n = totals.len();
    out.clear();
    out.resize(n, 0);
    match grading {
        Grading::Thresholds(t) => {
            let mut mins: Vec<f64> = t.iter().map(|g| g.min).collect();
            mins.sort_by(|a, b| b.total_cmp(a));
            let last = mins.len().saturating_sub(1);
            for (g, total) in out.iter_mut().zip(totals) {
                *g = mins
                    .iter()
                    .take(last)
                    .position(|m| *total >= *m)
                    .unwrap_or(last);
            }
        }
        Grading::Forced(shares) => {
            order.clear();
            order.extend(0..n);
            order.sort_by(|x, y| {
                let (ax, ay) = (totals.get(*x), totals.get(*y));
                ay.partial_cmp(&ax)
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(x.cmp(y))
            });
            let mut bounds = Vec::with_capacity(shares.len());
            let mut cum = 0.0;
            for g in shares {
                cum += g.share;
                bounds.push(round_dp(n as f64 * cum, 0) as usize);
            }
            let last = shares.len().saturating_sub(1);
            let mut prev: Option<(f64, usize)> = None;
            for (pos, idx) in order.iter().enumerate() {
                let total = totals.get(*idx).copied().unwrap_or(0.0);
                let by_pos = bounds.iter().position(|b| pos < *b).unwrap_or(last);
                // Tie rule: equal totals share the better grade.
                let g = match prev {
                    Some((t, g)) if t == total => g,
                    _ => by_pos,
                };
                if let Some(slot) = out.get_mut(*idx) {
                    *slot = g;
                }
                prev = Some((total, g));
            }
        }
    }
}

/// Assigns grades; returns the labels.
fn grade(agents: &mut [AgentScore], grading: &Grading) -> Vec<String> {
    let totals: Vec<f64> = agents.iter().map(|a| a.total).collect();
    let (mut grades, mut order) = (Vec::new(), Vec::new());
    assign_grades(&totals, grading, &mut grades, &mut order);
    for (a, g) in agents.iter_mut().zip(grades) {
        a.grade = g;
    }
    grading.labels()
}

/// What an agent needs for the next grade (threshold grading only).
#[derive(Clone, Debug, PartialEq)]
pub struct NextGrade {
    pub label: String,
    pub gap: f64,
    /// Per item that could close the gap alone: (item index, value needed).
    pub by_item: Vec<(usize, f64)>,
}

/// The next grade up and, per item, the value that alone would reach it
/// (holding everything else equal; rules that depend on the team are skipped).
pub fn next_grade(table: &Table, plan: &Plan, a: &AgentScore) -> Option<NextGrade> {
    let Grading::Thresholds(t) = &plan.grading else {
        return None;
    };
    let mut sorted: Vec<&GradeThreshold> = t.iter().collect();
    sorted.sort_by(|x, y| y.min.total_cmp(&x.min));
    let better = sorted.get(..a.grade)?.last()?;
    let gap = better.min - a.total;
    if gap <= 0.0 || a.gated {
        return None;
    }
    let mut by_item = Vec::new();
    for (i, (item, s)) in plan.items.iter().zip(&a.items).enumerate() {
        let Some(x) = s.raw else { continue };
        let lower = item_lower(item, table);
        let want_points = s.points + gap * 100.0 / item.weight.max(1e-9);
        if want_points > item.rule.max_points() + 1e-9
            || points_alone(&item.rule, x, lower).is_none()
        {
            continue;
        }
        // Bisection on the value between x and a far bound in the better direction.
        let score_at = |v: f64| {
            points_alone(&item.rule, v, lower)
                .map(|p| p.0)
                .unwrap_or(0.0)
        };
        let span = x.abs().max(1.0) * 100.0;
        let (mut lo, mut hi) = if lower { (x - span, x) } else { (x, x + span) };
        let reaches = |v: f64| score_at(v) >= want_points - 1e-9;
        if !reaches(if lower { lo } else { hi }) {
            continue;
        }
        for _ in 0..80 {
            let mid = (lo + hi) / 2.0;
            let ok = reaches(mid);
            if lower {
                if ok {
                    lo = mid
                } else {
                    hi = mid
                }
            } else if ok {
                hi = mid
            } else {
                lo = mid
            }
        }
        by_item.push((i, if lower { lo } else { hi }));
    }
    Some(NextGrade {
        label: better.label.clone(),
        gap,
        by_item,
    })
}

/// Built-in plan templates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    PreSales,
    AfterSales,
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

/// A template plan named `name` for `month`, from the seed material: 售前
/// weighs conversion (fixed), sales, first response, reply rate and
/// satisfaction; 售后 weighs satisfaction (fixed), refund rate, bad reviews,
/// QA score and average response.
pub fn template(t: Template, name: &str, month: &str) -> Plan {
    let items = match t {
        Template::PreSales => vec![
            PlanItem::new(
                "询单转化率",
                40.0,
                Rule::bands(&[(0.45, 100.0), (0.40, 80.0), (0.35, 60.0)], 0.0),
                true,
            ),
            PlanItem::new("客服销售额", 20.0, Rule::Relative { cap: 120.0 }, false),
            PlanItem::new(
                "首次响应时间",
                15.0,
                Rule::bands(&[(35.0, 100.0), (45.0, 80.0), (55.0, 60.0)], 0.0),
                false,
            ),
            PlanItem::new(
                "回复率",
                10.0,
                Rule::Linear {
                    zero_at: 0.9,
                    full_at: 1.0,
                    stretch: None,
                    cap: 100.0,
                },
                false,
            ),
            PlanItem::new(
                "客户满意度",
                15.0,
                Rule::Ratio {
                    target: 0.95,
                    floor: 0.0,
                    cap: 110.0,
                },
                false,
            ),
        ],
        Template::AfterSales => vec![
            PlanItem::new(
                "客户满意度",
                30.0,
                Rule::Ratio {
                    target: 0.95,
                    floor: 0.0,
                    cap: 110.0,
                },
                true,
            ),
            PlanItem::new(
                "退款率",
                20.0,
                Rule::Ratio {
                    target: 0.05,
                    floor: 0.0,
                    cap: 120.0,
                },
                false,
            ),
            PlanItem::new(
                "中差评数",
                15.0,
                Rule::bands(&[(0.0, 100.0), (1.0, 80.0), (3.0, 60.0)], 0.0),
                false,
            ),
            PlanItem::new(
                "质检得分",
                25.0,
                Rule::Linear {
                    zero_at: 60.0,
                    full_at: 95.0,
                    stretch: None,
                    cap: 100.0,
                },
                false,
            ),
            PlanItem::new(
                "平均响应时间",
                10.0,
                Rule::bands(&[(40.0, 100.0), (50.0, 80.0), (60.0, 60.0)], 0.0),
                false,
            ),
        ],
    };
    Plan {
        id: Default::default(),
        name: name.into(),
        month: month.into(),
        group: Some(match t {
            Template::PreSales => "售前".into(),
            Template::AfterSales => "售后".into(),
        }),
        items,
        grading: Grading::default_thresholds(),
    }
}
