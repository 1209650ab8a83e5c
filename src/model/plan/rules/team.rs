//! Rule kinds relative to the team: to the average, rank and percentile.

use super::{
    fin, max_num, min_num, order_index, ratio_formula, ratio_points, xl, Def, Needs, Team,
};
use crate::i18n::Msg;
use crate::model::plan::Explain;

// ---- Relative to the team average ----

#[derive(Clone, Debug)]
pub struct Relative {
    pub(super) cap: f64,
}

impl Relative {
    fn raw(x: f64, lower: bool, team: &Team) -> f64 {
        if team.average != 0.0 {
            ratio_points(x, team.average, lower)
        } else {
            0.0
        }
    }
}

impl Def for Relative {
    fn needs(&self) -> Needs {
        Needs::Average
    }
    fn points(&self, x: f64, lower: bool, team: &Team) -> f64 {
        min_num(max_num(Relative::raw(x, lower, team), 0.0), self.cap)
    }
    fn explain(&self, x: f64, lower: bool, team: &Team) -> Explain {
        Explain::Relative {
            actual: x,
            average: team.average,
            lower,
            raw: Relative::raw(x, lower, team),
            cap: self.cap,
        }
    }
    fn formula(&self, x: &str, lower: bool, range: &str) -> String {
        let avg = format!("AVERAGE({range})");
        let raw = ratio_formula(x, &avg, lower);
        let cap = xl(self.cap);
        format!("IF({avg}<>0,MIN({cap},MAX(0,{raw})),MIN({cap},0))")
    }
    fn max_points(&self) -> f64 {
        self.cap
    }
    fn problem(&self) -> Option<Msg> {
        (!fin(self.cap) || self.cap <= 0.0).then_some(Msg::PlanErrCap)
    }
    fn detail(&self, _: &dyn Fn(f64) -> String, pts: &dyn Fn(f64) -> String) -> String {
        format!("≤{}", pts(self.cap))
    }
}

// ---- Rank and percentile ----

/// (agents better, agents worse) than `x` among the sorted present values.
fn better_worse(x: f64, lower: bool, sorted: &[f64]) -> (usize, usize) {
    let below = sorted.partition_point(|o| *o < x);
    let above = sorted.len() - sorted.partition_point(|o| *o <= x);
    if lower {
        (below, above)
    } else {
        (above, below)
    }
}

/// `100 × k ÷ (n − 1)`, or 100 when n ≤ 1.
fn share_points(k: usize, n: usize) -> f64 {
    if n <= 1 {
        100.0
    } else {
        100.0 * k as f64 / (n - 1) as f64
    }
}

/// The kernel's form of a team rule: every agent's points from the runs of
/// equal values (`f(better, worse, n)`), one pass over the order; the same
/// counts [`better_worse`] gives each value, so the same points.
fn by_runs(
    vals: &[f64],
    lower: bool,
    team: &Team,
    out: &mut Vec<f64>,
    f: impl Fn(usize, usize, usize) -> f64,
) {
    out.clear();
    out.resize(vals.len(), 0.0);
    team.runs(|below, above, n, run| {
        let (better, worse) = if lower {
            (below, above)
        } else {
            (above, below)
        };
        let p = f(better, worse, n);
        for k in run {
            if let Some(o) = out.get_mut(order_index(*k)) {
                *o = p;
            }
        }
    });
}

/// Rank points from the agents better and the agents present.
fn rank_points(better: usize, n: usize) -> f64 {
    share_points(n.saturating_sub(better + 1), n)
}

/// Excel's [`share_points`] of the expression `k` over the numbers of `range`.
fn share_formula(k: &str, range: &str) -> String {
    format!("IF(COUNT({range})<=1,100,100*{k}/(COUNT({range})-1))")
}

#[derive(Clone, Debug)]
pub struct Rank;

impl Def for Rank {
    fn needs(&self) -> Needs {
        Needs::Order
    }
    fn points(&self, x: f64, lower: bool, team: &Team) -> f64 {
        rank_points(better_worse(x, lower, team.sorted).0, team.sorted.len())
    }
    fn points_into(&self, vals: &[f64], lower: bool, team: &Team, out: &mut Vec<f64>) {
        by_runs(vals, lower, team, out, |better, _, n| {
            rank_points(better, n)
        });
    }
    fn explain(&self, x: f64, lower: bool, team: &Team) -> Explain {
        Explain::Rank {
            rank: better_worse(x, lower, team.sorted).0 + 1,
            n: team.sorted.len(),
        }
    }
    // RANK compares the numbers themselves. COUNTIF(range,">"&x) would
    // compare with x turned into 15-digit text, so an agent could count as
    // better than itself (found by the LibreOffice oracle).
    fn formula(&self, x: &str, lower: bool, range: &str) -> String {
        // Rank 1 = best: descending (0) when higher is better.
        let order = if lower { 1 } else { 0 };
        share_formula(
            &format!("(COUNT({range})-RANK({x},{range},{order}))"),
            range,
        )
    }
    fn detail(&self, _: &dyn Fn(f64) -> String, _: &dyn Fn(f64) -> String) -> String {
        String::new()
    }
}

#[derive(Clone, Debug)]
pub struct Percentile;

impl Def for Percentile {
    fn needs(&self) -> Needs {
        Needs::Order
    }
    fn points(&self, x: f64, lower: bool, team: &Team) -> f64 {
        share_points(better_worse(x, lower, team.sorted).1, team.sorted.len())
    }
    fn points_into(&self, vals: &[f64], lower: bool, team: &Team, out: &mut Vec<f64>) {
        by_runs(vals, lower, team, out, |_, worse, n| share_points(worse, n));
    }
    fn explain(&self, x: f64, lower: bool, team: &Team) -> Explain {
        Explain::Percentile {
            worse: better_worse(x, lower, team.sorted).1,
            n: team.sorted.len(),
        }
    }
    fn formula(&self, x: &str, lower: bool, range: &str) -> String {
        // Agents strictly worse = rank from the worst end − 1.
        let order = if lower { 0 } else { 1 };
        share_formula(&format!("(RANK({x},{range},{order})-1)"), range)
    }
    fn detail(&self, _: &dyn Fn(f64) -> String, _: &dyn Fn(f64) -> String) -> String {
        String::new()
    }
}
