//! Next month's plan (轮换): keep the fixed items, rotate the others toward
//! the team's weak spots, keep the seed's weight rules, announce it.
//!
//! **Weak spots.** Every directional metric of the month (not the score, not
//! pay, not a fixed item, not a higher-is-better count such as 询单人数,
//! which follows traffic) gets a shortfall, the largest of:
//! - against a team target: `(target − team) ÷ target` (lower is better:
//!   `(team − target) ÷ target`), the team figure being the sum for counts
//!   and money and the mean otherwise;
//! - against the team's history: the mean of up to three previous months
//!   held, `(before − now) ÷ |before|` (reversed for lower is better);
//! - against the plan's own thresholds, for metrics the plan scores:
//!   `1 − average points ÷ 100`.
//!
//! The reason with the largest shortfall is shown with its numbers. Metrics
//! with no shortfall rank after those with one.
//!
//! **The proposal.** As many rotating items as the current plan has (at least
//! one when the fixed items leave weight over), the weakest first. The weight
//! the fixed items leave is shared in steps of 5 %, each item at least 5 %,
//! the weakest getting the remainder first, so the proposal always passes
//! [`Plan::validate`]'s weight rules. An item the plan already scored keeps its
//! rule; a new one gets a ratio-to-target rule (target: the team target when
//! set, else this month's team mean). The result is a new plan for the next
//! month with the month in its name, never a renamed copy.

use super::trends::{self, additive};
use super::{History, MetricKey};
use crate::i18n::{Lang, Msg};
use crate::model::formula::calc::resolve;
use crate::model::plan::{self, next_month, Plan, PlanItem, PlanScores, Rule, RuleKind};
use crate::model::table::Table;
use crate::model::unit::{format_value, Direction, Unit};

/// Why a metric is weak, with the numbers.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    Target {
        team: f64,
        target: f64,
    },
    History {
        now: f64,
        before: f64,
    },
    Plan {
        points: f64,
    },
    /// No shortfall found.
    None,
}

/// One candidate for a rotating item.
#[derive(Clone, Debug, PartialEq)]
pub struct Weakness {
    /// Index into [`History::metrics`].
    pub metric: usize,
    /// The shortfall (0.1 = 10 % short); 0 when none.
    pub gap: f64,
    pub reason: Reason,
}

/// The candidates for `month`, weakest first. `scores` are the plan's scores
/// of that month (for the plan-threshold reason); `targets` the team targets.
pub fn weaknesses(
    h: &History,
    month: usize,
    plan: &Plan,
    scores: Option<&PlanScores>,
    table: Option<&Table>,
    targets: &[(MetricKey, f64)],
) -> Vec<Weakness> {
    let fixed: Vec<String> = plan
        .items
        .iter()
        .filter(|i| i.fixed)
        .map(|i| i.column.trim().to_lowercase())
        .collect();
    let mut out = Vec::new();
    for (mi, s) in h.metrics.iter().enumerate() {
        let Some(up) = s.up_is_better() else { continue };
        // Higher-is-better counts (询单人数, 付款人数) follow traffic more than
        // the agent; lower-is-better ones (中差评数, 慢响应人数) stay candidates.
        if matches!(s.key, MetricKey::Score | MetricKey::Pay) || (up && s.unit == Unit::Count) {
            continue;
        }
        if names_match(s, &fixed, table) {
            continue;
        }
        let Some(now) = trends::team(s, month) else {
            continue;
        };
        let sign = if up { 1.0 } else { -1.0 };
        let mut best: (f64, Reason) = (f64::NEG_INFINITY, Reason::None);
        let mut consider = |gap: f64, r: Reason| {
            if gap.is_finite() && gap > best.0 {
                best = (gap, r);
            }
        };
        if let Some((_, target)) = targets.iter().find(|(k, _)| *k == s.key) {
            let team = now.figure(s.unit);
            if *target != 0.0 {
                consider(
                    sign * (target - team) / target.abs(),
                    Reason::Target {
                        team,
                        target: *target,
                    },
                );
            }
        }
        let before: Vec<f64> = (0..month)
            .rev()
            .take(3)
            .filter_map(|m| trends::team(s, m).map(|t| t.mean))
            .collect();
        if let Some(b) = crate::model::stats::mean(&before) {
            if b != 0.0 {
                consider(
                    sign * (b - now.mean) / b.abs(),
                    Reason::History {
                        now: now.mean,
                        before: b,
                    },
                );
            }
        }
        if let (Some(sc), Some(t)) = (scores, table) {
            let item = plan
                .items
                .iter()
                .position(|it| resolve(t, &it.column) == column_in(s, t));
            if let Some((points, _)) = item.and_then(|i| sc.item_averages.get(i)) {
                consider(1.0 - points / 100.0, Reason::Plan { points: *points });
            }
        }
        let (gap, reason) = best;
        out.push(Weakness {
            metric: mi,
            gap: if gap > 0.0 { gap } else { 0.0 },
            reason: if gap > 0.0 { reason } else { Reason::None },
        });
    }
    crate::model::order::sort_by(&mut out, |a, b| {
        b.gap.total_cmp(&a.gap).then(a.metric.cmp(&b.metric))
    });
    out
}

/// The column of `s` in `t`, by metric id or header.
fn column_in(s: &super::Series, t: &Table) -> Option<usize> {
    match &s.key {
        MetricKey::Known(id) => t.column_of(*id),
        _ => resolve(t, &s.name),
    }
}

fn names_match(s: &super::Series, names: &[String], table: Option<&Table>) -> bool {
    names.iter().any(|n| {
        *n == s.name.trim().to_lowercase()
            || table.is_some_and(|t| resolve(t, n).is_some() && resolve(t, n) == column_in(s, t))
    })
}

/// Shares `total` (a multiple of 5) among `n` items in steps of 5, each at
/// least 5, the first ones getting the remainder. Empty when it cannot.
pub fn share_weights(total: f64, n: usize) -> Vec<f64> {
    let steps = (total / 5.0).round();
    if n == 0 || steps < n as f64 || (steps * 5.0 - total).abs() > 1e-9 {
        return Vec::new();
    }
    let steps = steps as usize;
    let base = steps / n;
    let extra = steps % n;
    (0..n)
        .map(|i| 5.0 * (base + usize::from(i < extra)) as f64)
        .collect()
}

/// The proposal for the month after `month`: the fixed items of `plan`,
/// then the weakest `weak` metrics as rotating items.
pub fn propose(
    h: &History,
    month: usize,
    plan: &Plan,
    weak: &[Weakness],
    targets: &[(MetricKey, f64)],
    lang: Lang,
) -> Plan {
    let fixed: Vec<PlanItem> = plan.items.iter().filter(|i| i.fixed).cloned().collect();
    let fixed_weight: f64 = fixed.iter().map(|i| i.weight).sum();
    let free = 100.0 - fixed_weight;
    let wanted = plan.items.len().saturating_sub(fixed.len()).max(1);
    let mut n = wanted.min(weak.len());
    let mut weights = share_weights(free, n);
    while weights.is_empty() && n > 0 {
        n -= 1;
        weights = share_weights(free, n);
    }
    let mut items = fixed;
    for (w, weight) in weak.iter().zip(weights) {
        let Some(s) = h.metrics.get(w.metric) else {
            continue;
        };
        let old = plan.items.iter().find(|it| {
            it.column.trim().eq_ignore_ascii_case(s.name.trim())
                || it.column.trim() == s.label(lang)
        });
        let item = match old {
            Some(o) => PlanItem {
                weight,
                fixed: false,
                ..o.clone()
            },
            None => {
                let typical = targets
                    .iter()
                    .find(|(k, _)| *k == s.key)
                    .map(|(_, t)| *t)
                    .filter(|_| !additive(s.unit))
                    .or_else(|| trends::team(s, month).map(|t| t.mean))
                    .unwrap_or(1.0);
                PlanItem {
                    column: s.name.clone(),
                    weight,
                    direction: None,
                    rule: RuleKind::Ratio.default_rule(typical, s.direction == Direction::Lower),
                    fixed: false,
                }
            }
        };
        items.push(item);
    }
    let base = h
        .months
        .get(month)
        .cloned()
        .unwrap_or_else(|| plan.month.clone());
    let new_month = next_month(&base);
    Plan {
        id: Default::default(),
        name: format!("{} {}", strip_month(&plan.name), new_month),
        month: new_month,
        group: plan.group.clone(),
        items,
        grading: plan.grading.clone(),
    }
}

/// A plan name without a trailing `YYYY-MM` (and the space before it).
pub fn strip_month(name: &str) -> String {
    let t = name.trim();
    let n = t.chars().count();
    if n >= 7 {
        let tail: String = t.chars().skip(n - 7).collect();
        if super::parse_month(&tail).is_some() {
            let head: String = t.chars().take(n - 7).collect();
            return head.trim_end().to_string();
        }
    }
    t.to_string()
}

/// A rule in words: its name and the plan engine's own detail of its
/// numbers (`CompiledRule::detail`, the same text as the workbook's rules
/// sheet), values formatted in `unit`, then "lower is better" and "a
/// failed gate zeroes the whole score" where they apply
/// ("分档：45.00%→100 · 40.00%→80 · 0").
pub fn rule_words(rule: &Rule, unit: Unit, lower: bool, lang: Lang) -> String {
    let compiled = plan::CompiledRule::new(rule, lower);
    let pts = |v: f64| crate::model::unit::format_grouped(v, 0);
    let detail = compiled.detail(&|v| format_value(v, unit, lang), &pts);
    let mut out = rule.kind().label().t(lang).to_string();
    if !detail.is_empty() {
        out.push_str(match lang {
            Lang::Zh => "：",
            Lang::En => ": ",
        });
        out.push_str(&detail);
    }
    if lower {
        out.push_str(lang_sep(lang));
        out.push_str(Msg::DirectionLower.t(lang));
    }
    if compiled.zeroes_total() {
        out.push_str(lang_sep(lang));
        out.push_str(Msg::WhyGated.t(lang));
    }
    out
}

fn lang_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    }
}

/// One line of the announcement.
#[derive(Clone, Debug, PartialEq)]
pub struct AnnouncedItem {
    pub column: String,
    pub weight: f64,
    pub fixed: bool,
    pub rule: String,
}

/// 下月考核项目和占比: what the team is told at month end.
#[derive(Clone, Debug, PartialEq)]
pub struct Announcement {
    pub plan: String,
    pub month: String,
    pub items: Vec<AnnouncedItem>,
}

/// The announcement of `plan`, units read from `table` (the latest month).
pub fn announcement(plan: &Plan, table: &Table, lang: Lang) -> Announcement {
    let items = plan
        .items
        .iter()
        .map(|it| {
            let col = resolve(table, &it.column).and_then(|c| table.columns.get(c));
            let unit = col.map(|c| c.unit).unwrap_or(Unit::Number);
            let column = col
                .map(|c| c.label(lang).to_string())
                .unwrap_or_else(|| it.column.clone());
            AnnouncedItem {
                column,
                weight: it.weight,
                fixed: it.fixed,
                rule: rule_words(&it.rule, unit, plan::item_lower(it, table), lang),
            }
        })
        .collect();
    Announcement {
        plan: plan.name.clone(),
        month: plan.month.clone(),
        items,
    }
}
