//! Scoring a plan on a table: the compiled kernel's totals and grades,
//! plus ranks, per-item explanations and team averages; and what an agent
//! needs for the next grade.

use super::engine::{CompiledPlan, Scratch};
use super::rules::{CompiledRule, Needs, Team, TeamBuf};
use super::{item_lower, AgentScore, GradeThreshold, Grading, ItemScore, Plan, PlanScores};
use crate::model::table::Table;

/// Scores every agent of the plan's group.
pub fn score(table: &Table, plan: &Plan) -> PlanScores {
    let members = plan.members(table);
    let kernel = CompiledPlan::new(plan, table);
    let values = kernel.values(table, &members);
    let mut s = Scratch::default();
    kernel.score(&values, &mut s, true);
    let n = members.len();
    let mut agents: Vec<AgentScore> = members
        .iter()
        .enumerate()
        .map(|(a, r)| AgentScore {
            row: *r,
            items: Vec::with_capacity(kernel.items().len()),
            total: s.totals.get(a).copied().unwrap_or(0.0),
            rank: 0,
            grade: s.grades.get(a).copied().unwrap_or(0),
            gated: s.gated().get(a).copied().unwrap_or(false),
        })
        .collect();
    // The explanations, from the same compiled rules and team context.
    let mut sorted = TeamBuf::default();
    for (i, (item, vals)) in kernel.items().iter().zip(&values).enumerate() {
        let team = Team::of(item.rule.needs(), vals, &mut sorted);
        let points = s.points.iter().skip(i * n).take(n);
        for ((a, &x), &p) in agents.iter_mut().zip(vals).zip(points) {
            a.items.push(ItemScore {
                raw: (!x.is_nan()).then_some(x),
                points: p,
                weighted: p * item.weight / 100.0,
                explain: item.rule.explain(x, &team),
            });
        }
    }
    // Competition rank: 1 + the number of higher totals (binary search).
    let mut desc = s.totals.clone();
    crate::model::order::sort_f64(&mut desc, true);
    for a in agents.iter_mut() {
        a.rank = 1 + desc.partition_point(|t| *t > a.total);
    }
    let nf = agents.len().max(1) as f64;
    let item_averages = (0..kernel.items().len())
        .map(|i| {
            let (p, w) = agents.iter().fold((0.0, 0.0), |(p, w), a| {
                let s = a.items.get(i);
                (
                    p + s.map(|s| s.points).unwrap_or(0.0),
                    w + s.map(|s| s.weighted).unwrap_or(0.0),
                )
            });
            (p / nf, w / nf)
        })
        .collect();
    let average_total = s.totals.iter().sum::<f64>() / nf;
    PlanScores {
        agents,
        grade_labels: kernel.grade_labels,
        item_averages,
        average_total,
        issues: plan.validate(table),
    }
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
    crate::model::order::sort_by(&mut sorted, |x, y| y.min.total_cmp(&x.min));
    let better = sorted.get(..a.grade)?.last()?;
    let gap = better.min - a.total;
    if gap <= 0.0 || a.gated {
        return None;
    }
    let mut by_item = Vec::new();
    for (i, (item, s)) in plan.items.iter().zip(&a.items).enumerate() {
        let Some(x) = s.raw else { continue };
        let lower = item_lower(item, table);
        let rule = CompiledRule::new(&item.rule, lower);
        let want_points = s.points + gap * 100.0 / item.weight.max(1e-9);
        if want_points > rule.max_points() + 1e-9 || rule.needs() != Needs::Nothing {
            continue;
        }
        // Bisection on the value between x and a far bound in the better direction.
        let score_at = |v: f64| rule.points(v, &Team::NONE);
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
