//! Plans that fit the data: templates built for the table at hand, rule
//! defaults from a column's unit and its actual values, the reason a plan
//! scores nobody, and one naming rule for new plans.
//!
//! Owns: choosing columns and starting numbers for a manager who has not
//! set any yet. It never changes a plan the user edited; it only proposes
//! (the UI applies the proposal as one command).

use super::formula::calc::resolve;
use super::metric::MetricId;
use super::plan::{template, Band, Plan, PlanItem, Rule, RuleKind, Template};
use super::table::{Cell, Table};
use super::unit::{Direction, Unit};
use crate::i18n::Msg;

/// A note about how a template was fitted: (message, arguments).
pub type Note = (Msg, Vec<String>);

/// A template fitted to a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Fitted {
    pub plan: Plan,
    pub notes: Vec<Note>,
}

/// Rounds `v` to a step people use for `unit`: whole percentage points
/// (half points below 10 %), whole seconds, two significant figures for
/// counts and money, half points for scores, 0.05 for ratios.
pub fn nice(v: f64, unit: Unit) -> f64 {
    if !v.is_finite() {
        return v;
    }
    let step = |s: f64| (v / s).round() * s;
    let r = match unit {
        Unit::Percent => {
            if v.abs() < 0.1 {
                step(0.005)
            } else {
                step(0.01)
            }
        }
        Unit::Seconds | Unit::Days => step(1.0),
        Unit::Points => step(0.5),
        Unit::Ratio => step(0.05),
        Unit::Count | Unit::Money | Unit::Number | Unit::Text => {
            if v.abs() < 10.0 {
                step(if unit == Unit::Count { 1.0 } else { 0.1 })
            } else {
                let mag = 10f64.powi(v.abs().log10().floor() as i32 - 1);
                step(mag)
            }
        }
    };
    // Steps of 0.01 leave binary noise (0.35000000000000003): print-round it.
    super::round::round_dp(r, 6)
}

/// The present numbers of column `col`, sorted.
fn sorted_values(table: &Table, col: usize, rows: &[usize]) -> Vec<f64> {
    let mut v: Vec<f64> = rows
        .iter()
        .filter_map(|r| table.cell(*r, col).and_then(Cell::number))
        .filter(|x| x.is_finite())
        .collect();
    crate::model::order::sort_f64(&mut v, false);
    v
}

/// The `p`-quantile of sorted values (linear interpolation, as PERCENTILE.INC).
fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let h = (n - 1) as f64 * p.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    let (a, b) = (sorted.get(lo)?, sorted.get(hi)?);
    Some(a + (b - a) * (h - lo as f64))
}

/// A starting rule of `kind` for `column` of `table` (over `rows`), from its
/// unit and values: targets at the median, bands at the quartiles, linear
/// from the 10th to the 90th percentile — each rounded to a sensible step.
pub fn rule_for(kind: RuleKind, table: &Table, column: &str, rows: &[usize], lower: bool) -> Rule {
    let Some(col) = resolve(table, column) else {
        return kind.default_rule(1.0, lower);
    };
    let unit = table
        .columns
        .get(col)
        .map(|c| c.unit)
        .unwrap_or(Unit::Number);
    let v = sorted_values(table, col, rows);
    let q = |p: f64| quantile(&v, p).map(|x| nice(x, unit));
    let Some(median) = q(0.5) else {
        return kind.default_rule(1.0, lower);
    };
    match kind {
        RuleKind::Ratio => Rule::Ratio {
            target: if median > 0.0 { median } else { 1.0 },
            floor: 0.0,
            cap: 120.0,
        },
        RuleKind::Linear => {
            let (lo, hi) = (q(0.1).unwrap_or(median), q(0.9).unwrap_or(median));
            let (zero_at, full_at) = if lower { (hi, lo) } else { (lo, hi) };
            if zero_at == full_at {
                kind.default_rule(median, lower)
            } else {
                Rule::Linear {
                    zero_at,
                    full_at,
                    stretch: None,
                    cap: 100.0,
                }
            }
        }
        RuleKind::Bands => {
            // Best quarter → 100, above the median → 80, above the worst quarter → 60.
            let ps = if lower {
                [0.25, 0.5, 0.75]
            } else {
                [0.75, 0.5, 0.25]
            };
            let mut ts: Vec<f64> = ps.iter().filter_map(|p| q(*p)).collect();
            ts.dedup();
            if ts.len() < 2 {
                return kind.default_rule(median, lower);
            }
            let points = [100.0, 80.0, 60.0];
            Rule::Bands {
                bands: ts
                    .iter()
                    .zip(points)
                    .map(|(t, points)| Band {
                        threshold: *t,
                        points,
                    })
                    .collect(),
                otherwise: 0.0,
            }
        }
        RuleKind::Gate => Rule::Gate {
            threshold: q(0.1).unwrap_or(median),
            zero_total: false,
        },
        other => other.default_rule(median, lower),
    }
}

/// Candidate metrics for each template, best first: (metric, weight, rule kind, fixed).
fn candidates(t: Template) -> &'static [(MetricId, f64, RuleKind, bool)] {
    use MetricId as M;
    use RuleKind as K;
    match t {
        Template::PreSales => &[
            (M::Conversion, 40.0, K::Bands, true),
            (M::Sales, 20.0, K::Relative, false),
            (M::FirstResponse, 15.0, K::Bands, false),
            (M::ReplyRate, 10.0, K::Linear, false),
            (M::Satisfaction, 15.0, K::Ratio, false),
            // Replacements, in order.
            (M::AvgResponse, 0.0, K::Bands, false),
            (M::Answer30s, 0.0, K::Linear, false),
            (M::Reply3Min, 0.0, K::Linear, false),
            (M::Aov, 0.0, K::Relative, false),
            (M::AnswerRatio, 0.0, K::Linear, false),
            (M::Inquiries, 0.0, K::Relative, false),
        ],
        Template::AfterSales => &[
            (M::Satisfaction, 30.0, K::Ratio, true),
            (M::RefundRate, 20.0, K::Ratio, false),
            (M::BadReviews, 15.0, K::Bands, false),
            (M::QaScore, 25.0, K::Linear, false),
            (M::AvgResponse, 10.0, K::Bands, false),
            (M::FirstResponse, 0.0, K::Bands, false),
            (M::RefundTime, 0.0, K::Bands, false),
            (M::DisputeRefundRate, 0.0, K::Ratio, false),
            (M::AfterSalesTime, 0.0, K::Bands, false),
            (M::ReplyRate, 0.0, K::Linear, false),
        ],
    }
}

fn metric_name(id: MetricId) -> String {
    super::metric::def(id)
        .map(|d| d.zh.to_string())
        .unwrap_or_default()
}

/// True when `table` has a column for `metric` with at least one number.
fn has_values(table: &Table, metric: MetricId) -> bool {
    table
        .column_of(metric)
        .is_some_and(|c| table.column_cells(c).iter().any(|x| x.number().is_some()))
}

/// Template `t` for `table`: the seed's items where the table has them,
/// replacements where it does not (said so), weights kept on the seed's
/// 5 % grid and summing to 100, the group filter only if the group exists,
/// and rule numbers from the table's own values.
pub fn fit_template(t: Template, name: &str, month: &str, table: &Table) -> Fitted {
    let base = template(t, name, month);
    let mut notes = Vec::new();
    // The group applies only if the table has it.
    let group = base.group.clone().filter(|g| {
        let has = table.groups().iter().any(|(x, _)| x == g);
        if !has {
            notes.push((Msg::FitNoGroup, vec![g.clone()]));
        }
        has
    });
    let rows: Vec<usize> = Plan {
        group: group.clone(),
        ..base.clone()
    }
    .members(table);
    let cands = candidates(t);
    let seed: Vec<&(MetricId, f64, RuleKind, bool)> = cands.iter().filter(|c| c.1 > 0.0).collect();
    let mut spare: Vec<&(MetricId, f64, RuleKind, bool)> = cands
        .iter()
        .filter(|c| c.1 == 0.0 && has_values(table, c.0))
        .collect();
    let mut items: Vec<PlanItem> = Vec::new();
    let mut dropped_weight = 0.0;
    for (i, (metric, weight, kind, fixed)) in seed.iter().copied().enumerate() {
        let chosen = if has_values(table, *metric) {
            Some((*metric, *kind))
        } else if !spare.is_empty() {
            let r = spare.remove(0);
            notes.push((
                Msg::FitReplaced,
                vec![metric_name(*metric), metric_name(r.0)],
            ));
            Some((r.0, r.2))
        } else {
            notes.push((Msg::FitDropped, vec![metric_name(*metric)]));
            dropped_weight += weight;
            None
        };
        let Some((m, k)) = chosen else { continue };
        let column = metric_name(m);
        let lower = super::metric::def(m).map(|d| d.direction) == Some(Direction::Lower);
        // The seed's own numbers where the seed item is used as is; the data's otherwise.
        let rule = match base.items.get(i) {
            Some(it) if m == *metric && rule_fits(&it.rule, table, &column) => it.rule.clone(),
            _ => rule_for(k, table, &column, &rows, lower),
        };
        items.push(PlanItem::new(&column, *weight, rule, *fixed));
    }
    // Weight of items that could not be filled goes to the fixed item (else the first).
    if dropped_weight > 0.0 {
        if let Some(it) = items.iter_mut().find(|i| i.fixed) {
            it.weight += dropped_weight;
        } else if let Some(it) = items.first_mut() {
            it.weight += dropped_weight;
        }
    }
    if items.is_empty() {
        notes.push((Msg::FitNothing, Vec::new()));
    }
    Fitted {
        plan: Plan {
            group,
            items,
            ..base
        },
        notes,
    }
}

/// Whether the seed's rule numbers make sense for this column's values:
/// its thresholds lie within the range the team's values span, widened.
fn rule_fits(rule: &Rule, table: &Table, column: &str) -> bool {
    let Some(col) = resolve(table, column) else {
        return false;
    };
    let all: Vec<usize> = (0..table.len()).collect();
    let v = sorted_values(table, col, &all);
    let (Some(lo), Some(hi)) = (v.first(), v.last()) else {
        return false;
    };
    let span = (hi - lo).abs().max(hi.abs() * 0.5).max(1e-9);
    let inside = |x: f64| x >= lo - span && x <= hi + span;
    match rule {
        Rule::Bands { bands, .. } => bands.iter().all(|b| inside(b.threshold)),
        Rule::Ratio { target, .. } => inside(*target),
        Rule::Linear {
            zero_at, full_at, ..
        } => inside(*zero_at) && inside(*full_at),
        Rule::Gate { threshold, .. } => inside(*threshold),
        _ => true,
    }
}

/// Why `plan` scores nobody on `table`, if it does: the message and its
/// arguments (no agent in the group; no column for an item; an item's
/// column with no values).
pub fn why_empty(plan: &Plan, table: &Table) -> Option<Note> {
    if table.is_empty() {
        return Some((Msg::WhyEmptyNoAgents, Vec::new()));
    }
    if plan.items.is_empty() {
        return Some((Msg::WhyEmptyNoItems, Vec::new()));
    }
    if plan.members(table).is_empty() {
        if let Some(g) = &plan.group {
            let groups: Vec<String> = table.groups().into_iter().map(|(g, _)| g).collect();
            return Some(if groups.is_empty() {
                (Msg::WhyEmptyNoGroupColumn, vec![g.clone()])
            } else {
                (Msg::WhyEmptyNoGroup, vec![g.clone(), groups.join("、")])
            });
        }
    }
    None
}

/// Items of `plan` whose column is missing or holds no values for its
/// members: (item index, message, arguments).
pub fn item_problems(plan: &Plan, table: &Table) -> Vec<(usize, Msg, Vec<String>)> {
    let rows = plan.members(table);
    let mut out = Vec::new();
    for (i, it) in plan.items.iter().enumerate() {
        match resolve(table, &it.column) {
            None => out.push((i, Msg::WhyItemNoColumn, vec![it.column.clone()])),
            Some(c) => {
                let any = rows
                    .iter()
                    .any(|r| table.cell(*r, c).and_then(Cell::number).is_some());
                if !any && !rows.is_empty() {
                    out.push((i, Msg::WhyItemNoValues, vec![it.column.clone()]));
                }
            }
        }
    }
    out
}

/// The one naming rule lives with the ids.
pub use super::id::unique_name;
