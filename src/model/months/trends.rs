//! Changes month over month: per agent, per team, the largest movers and the
//! 面谈 (talk-to) list of agents whose figures fell.
//!
//! A change is always against the previous month *held* (see
//! [`super::History::gaps`]). "Better" follows the metric's direction: a
//! rise of 首次响应时间 is a fall in performance. Neutral metrics (出勤天数)
//! have changes but are never better or worse, so they rank by value.

use super::{History, Series};
use crate::model::stats;
use crate::model::unit::Unit;

/// One agent's change of one metric into one month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    /// The month compared with (the previous month held).
    pub prev: usize,
    pub from: f64,
    pub to: f64,
    /// `to − from`.
    pub delta: f64,
    /// `delta ÷ |from|`; `None` when `from` is 0.
    pub rel: Option<f64>,
    /// The change in the better direction (`delta`, or `−delta` for lower is
    /// better; `delta` for neutral metrics).
    pub gain: f64,
}

/// The change of `agent`'s `series` into `month`, when both months have a value.
pub fn change(series: &Series, agent: usize, month: usize) -> Option<Change> {
    let prev = month.checked_sub(1)?;
    let from = series.value(agent, prev)?;
    let to = series.value(agent, month)?;
    Some(make(prev, from, to, series.up_is_better()))
}

fn make(prev: usize, from: f64, to: f64, up_better: Option<bool>) -> Change {
    let delta = to - from;
    Change {
        prev,
        from,
        to,
        delta,
        rel: (from != 0.0).then(|| delta / from.abs()),
        gain: if up_better == Some(false) {
            -delta
        } else {
            delta
        },
    }
}

/// The team's figures of one metric in one month (agents with a value).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TeamStat {
    pub n: usize,
    pub mean: f64,
    pub min: f64,
    pub max: f64,
    /// Population standard deviation.
    pub sd: f64,
    pub sum: f64,
}

impl TeamStat {
    /// The team figure: the sum for amounts and counts, else the mean.
    pub fn figure(&self, unit: Unit) -> f64 {
        if additive(unit) {
            self.sum
        } else {
            self.mean
        }
    }
}

/// Whether a team adds the unit up (counts and money) rather than averaging it.
pub fn additive(unit: Unit) -> bool {
    matches!(unit, Unit::Count | Unit::Money)
}

/// The team's figures of `series` in `month`; `None` when no agent has a value.
pub fn team(series: &Series, month: usize) -> Option<TeamStat> {
    let vals: Vec<f64> = (0..series.values.len())
        .filter_map(|a| series.value(a, month))
        .collect();
    let mean = stats::mean(&vals)?;
    Some(TeamStat {
        n: vals.len(),
        mean,
        min: vals.iter().copied().fold(f64::INFINITY, f64::min),
        max: vals.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        sd: stats::sd(&vals, false).unwrap_or(0.0),
        sum: vals.iter().sum(),
    })
}

/// The change of the team figure of `series` into `month`.
pub fn team_change(series: &Series, month: usize) -> Option<Change> {
    let prev = month.checked_sub(1)?;
    let a = team(series, prev)?.figure(series.unit);
    let b = team(series, month)?.figure(series.unit);
    Some(make(prev, a, b, series.up_is_better()))
}

/// Agents with their change.
pub type Movers = Vec<(usize, Change)>;

/// The agents who improved most and who worsened most on `series` into
/// `month`, at most `n` each, best gain first / worst first.
pub fn movers(h: &History, series: &Series, month: usize, n: usize) -> (Movers, Movers) {
    let mut all: Vec<(usize, Change)> = (0..h.agents.len())
        .filter_map(|a| change(series, a, month).map(|c| (a, c)))
        .collect();
    crate::model::order::sort_by(&mut all, |x, y| {
        y.1.gain.total_cmp(&x.1.gain).then(x.0.cmp(&y.0))
    });
    let risers = all
        .iter()
        .filter(|x| x.1.gain > 0.0)
        .take(n)
        .copied()
        .collect();
    let mut fallers: Vec<(usize, Change)> = all.into_iter().filter(|x| x.1.gain < 0.0).collect();
    crate::model::order::sort_by(&mut fallers, |x, y| {
        x.1.gain.total_cmp(&y.1.gain).then(x.0.cmp(&y.0))
    });
    fallers.truncate(n);
    (risers, fallers)
}

/// When an agent goes on the 面谈 list.
#[derive(Clone, Debug, PartialEq)]
pub struct TalkRule {
    /// The metric watched (an index into [`History::metrics`]); usually the score.
    pub metric: usize,
    /// A fall of at least this much, in the metric's unit (percent as a fraction).
    pub min_drop: Option<f64>,
    /// Or a fall of at least this share of the previous value (0.1 = 10 %).
    pub min_share: Option<f64>,
    /// Other metrics are listed as "what fell" when they fell by at least this share.
    pub also_share: f64,
}

/// One agent to talk to.
#[derive(Clone, Debug, PartialEq)]
pub struct TalkEntry {
    pub agent: usize,
    /// The watched metric's change.
    pub change: Change,
    /// What else fell, worst share first: (metric, change).
    pub also: Vec<(usize, Change)>,
}

/// The 面谈 list for `month`: agents present in it and in the previous month
/// held whose watched metric fell by at least `min_drop` or by at least
/// `min_share` (either is enough; a rule with neither lists nobody). Sorted by
/// the size of the fall as a share, then as an amount.
pub fn talk_list(h: &History, month: usize, rule: &TalkRule) -> Vec<TalkEntry> {
    let Some(series) = h.metrics.get(rule.metric) else {
        return Vec::new();
    };
    let mut out: Vec<TalkEntry> = (0..h.agents.len())
        .filter_map(|a| {
            let c = change(series, a, month)?;
            let drop = -c.gain;
            if drop <= 0.0 {
                return None;
            }
            let share = (c.from != 0.0).then(|| drop / c.from.abs());
            let by_amount = rule.min_drop.is_some_and(|d| drop >= d - 1e-12);
            let by_share = rule
                .min_share
                .is_some_and(|s| share.is_some_and(|x| x >= s - 1e-12));
            if !(by_amount || by_share) {
                return None;
            }
            Some(TalkEntry {
                agent: a,
                change: c,
                also: what_fell(h, a, month, rule.metric, rule.also_share),
            })
        })
        .collect();
    crate::model::order::sort_by(&mut out, |x, y| {
        let sx = x.change.rel.map(f64::abs).unwrap_or(f64::INFINITY);
        let sy = y.change.rel.map(f64::abs).unwrap_or(f64::INFINITY);
        sy.total_cmp(&sx)
            .then((-y.change.gain).total_cmp(&(-x.change.gain)))
            .then(x.agent.cmp(&y.agent))
    });
    out
}

/// The directional metrics (other than `except`) that fell for `agent` into
/// `month` by at least `share` of their previous value, worst first.
pub fn what_fell(
    h: &History,
    agent: usize,
    month: usize,
    except: usize,
    share: f64,
) -> Vec<(usize, Change)> {
    let mut v: Vec<(usize, Change, f64)> = h
        .metrics
        .iter()
        .enumerate()
        .filter(|(i, s)| *i != except && s.up_is_better().is_some())
        .filter_map(|(i, s)| {
            let c = change(s, agent, month)?;
            let fall = -c.gain / c.from.abs();
            (c.gain < 0.0 && c.from != 0.0 && fall >= share - 1e-12).then_some((i, c, fall))
        })
        .collect();
    crate::model::order::sort_by(&mut v, |x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)));
    v.into_iter().map(|(i, c, _)| (i, c)).collect()
}

/// 完成度 of a team target: `figure ÷ target` (lower is better:
/// `target ÷ figure`); `None` when the divisor is not positive.
pub fn completion(figure: f64, target: f64, up_better: Option<bool>) -> Option<f64> {
    let (a, b) = if up_better == Some(false) {
        (target, figure)
    } else {
        (figure, target)
    };
    (b > 0.0 && a.is_finite()).then(|| a / b)
}

/// `agent`'s share of the team's sum of `series` in `month` (for counts and
/// money, where the team figure is a sum); `None` otherwise or when the sum is 0.
pub fn share_of_team(series: &Series, agent: usize, month: usize) -> Option<f64> {
    if !additive(series.unit) {
        return None;
    }
    let v = series.value(agent, month)?;
    let t = team(series, month)?;
    (t.sum != 0.0).then(|| v / t.sum)
}
