//! The talent view (梯队): the seed's 28法则 — know the 20 % who expose and
//! improve problems and keep their pay satisfying; in the slow season replace
//! the bottom (末位淘汰) — plus tiers 新人 → 专员 → 精英 → 资深 and growth
//! stages 0–3, 3–6, 6–9, 9–12 months.
//!
//! Rules (all numbers are the user's settings):
//! - **Top fifth of a month**: agents with a score that month, probation
//!   excluded, sorted best first; the first `round_half_up(n × top_share)`
//!   (at least one) plus anyone tied with the last of them.
//! - **Consistent top**: in the top fifth in at least `k` of the last `n`
//!   months held (up to the chosen month).
//! - **末位 candidate**: in the bottom `round_half_up(n × bottom_share)` (at
//!   least one, ties included) of each of the last `m` months held, in a row,
//!   ending with the chosen month.
//! - **Tenure** at the end of a month, from the hire date `y-m-d`: whole
//!   calendar months from the hire month to that month, plus the share of the
//!   hire month still ahead on the hire day: `(Y·12+M) − (y·12+m) + 1 − (d−1) ÷ days(y, m)`.
//!   Hired 2026-08-01 → 3.0 at the end of 2026-10.
//! - **Probation**: tenure below `probation_months`; such agents are left out
//!   of the top and bottom lists (and shown as in probation).
//! - **Tier**: tenure below `specialist_months` → 新人; else tenure ≥
//!   `senior_months` and average score over the window ≥ `senior_score` →
//!   资深; else tenure ≥ `elite_months` and average ≥ `elite_score` → 精英;
//!   else 专员. Without a hire date: no tier.
//! - **Growth stage**: 0–3, 3–6, 6–9, 9–12 months, then 12+.

use super::{parse_month, History};
use crate::model::table::{Cell, Table};

/// The user's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub k: usize,
    pub n: usize,
    pub top_share: f64,
    pub bottom_share: f64,
    pub bottom_months: usize,
    pub probation_months: f64,
    pub specialist_months: f64,
    pub elite_months: f64,
    pub elite_score: f64,
    pub senior_months: f64,
    pub senior_score: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            k: 4,
            n: 6,
            top_share: 0.2,
            bottom_share: 0.1,
            bottom_months: 2,
            probation_months: 3.0,
            specialist_months: 3.0,
            elite_months: 6.0,
            elite_score: 85.0,
            senior_months: 12.0,
            senior_score: 90.0,
        }
    }
}

impl Settings {
    /// Finite, non-negative numbers and shares within 0–100 %.
    pub fn is_valid(&self) -> bool {
        let nums = [
            self.probation_months,
            self.specialist_months,
            self.elite_months,
            self.elite_score,
            self.senior_months,
            self.senior_score,
        ];
        nums.iter().all(|v| v.is_finite() && *v >= 0.0)
            && (0.0..=1.0).contains(&self.top_share)
            && (0.0..=1.0).contains(&self.bottom_share)
            && self.k <= 120
            && self.n <= 120
            && self.bottom_months <= 120
    }
}

/// A tier of the team ladder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tier {
    Newcomer,
    Specialist,
    Elite,
    Senior,
}

/// A growth stage by tenure: index 0 = 0–3 months … 3 = 9–12, 4 = 12+.
pub fn stage(tenure: f64) -> usize {
    if tenure < 3.0 {
        0
    } else if tenure < 6.0 {
        1
    } else if tenure < 9.0 {
        2
    } else if tenure < 12.0 {
        3
    } else {
        4
    }
}

/// One agent in the talent view.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub agent: usize,
    pub tenure: Option<f64>,
    pub probation: bool,
    pub tier: Option<Tier>,
    /// Months (indices) of the window in which the agent was in the top fifth.
    pub top_months: Vec<usize>,
    /// The bottom months in a row ending with the chosen month.
    pub bottom_run: Vec<usize>,
    pub consistent_top: bool,
    pub bottom_candidate: bool,
    /// Average score over the window's months with a score.
    pub avg_score: Option<f64>,
}

/// A date `y-m-d` from text (`2026-08-16`, `2026/8/16`, `2026.08.16`,
/// `2026-08` as the 1st) or an Excel serial day number.
pub fn parse_date(c: &Cell) -> Option<(i32, u32, u32)> {
    match c {
        Cell::Number(v) if *v > 20000.0 && *v < 80000.0 => {
            // Excel serial: day 25569 is 1970-01-01.
            civil((v.floor() as i64) - 25569)
        }
        Cell::Text(t) | Cell::Invalid { raw: t, .. } => {
            let parts: Vec<&str> = t
                .trim()
                .split(['-', '/', '.', '年', '月', '日'])
                .filter(|p| !p.is_empty())
                .collect();
            let y: i32 = parts.first()?.trim().parse().ok()?;
            let m: u32 = parts.get(1)?.trim().parse().ok()?;
            let d: u32 = match parts.get(2) {
                Some(p) => p.trim().parse().ok()?,
                None => 1,
            };
            ((1900..=2200).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in(y, m))
                .then_some((y, m, d))
        }
        _ => None,
    }
}

/// Days since 1970-01-01 → (y, m, d) (Howard Hinnant's civil_from_days).
fn civil(z: i64) -> Option<(i32, u32, u32)> {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Some((
        i32::try_from(y).ok()?,
        u32::try_from(m).ok()?,
        u32::try_from(d).ok()?,
    ))
}

/// Days in month `m` of year `y`.
pub fn days_in(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// Tenure in months at the end of month `label` for a hire date.
pub fn tenure(hire: (i32, u32, u32), label: &str) -> Option<f64> {
    let (y, m) = parse_month(label)?;
    let (hy, hm, hd) = hire;
    let whole = (i64::from(y) * 12 + i64::from(m)) - (i64::from(hy) * 12 + i64::from(hm));
    let t = whole as f64 + 1.0 - f64::from(hd - 1) / f64::from(days_in(hy, hm));
    Some(t.max(0.0))
}

/// The hire-date column of a table: a header with 入职 or "hire".
pub fn hire_column(t: &Table) -> Option<usize> {
    t.columns.iter().position(|c| {
        let n = c.name.to_lowercase();
        n.contains("入职") || n.contains("hire")
    })
}

/// Agents at the top (`top` true) or bottom of `month` by `score`, probation
/// excluded, with ties at the cut included.
fn cut(
    h: &History,
    score: usize,
    month: usize,
    share: f64,
    top: bool,
    excluded: &[bool],
) -> Vec<usize> {
    let Some(s) = h.metrics.get(score) else {
        return Vec::new();
    };
    let mut v: Vec<(usize, f64)> = (0..h.agents.len())
        .filter(|a| !excluded.get(*a).copied().unwrap_or(false))
        .filter_map(|a| s.value(a, month).map(|x| (a, x)))
        .collect();
    if v.is_empty() || share <= 0.0 {
        return Vec::new();
    }
    crate::model::order::sort_by(&mut v, |x, y| {
        let o = y.1.total_cmp(&x.1);
        (if top { o } else { o.reverse() }).then(x.0.cmp(&y.0))
    });
    let count = ((v.len() as f64 * share + 0.5).floor() as usize).clamp(1, v.len());
    let Some(last) = v.get(count - 1).map(|x| x.1) else {
        return Vec::new();
    };
    v.iter()
        .enumerate()
        .take_while(|(i, (_, x))| *i < count || *x == last)
        .map(|(_, (a, _))| *a)
        .collect()
}

/// The talent view at `month` by the score series `score` (an index into
/// [`History::metrics`]); `hire[agent]` the hire dates.
pub fn talent(
    h: &History,
    score: usize,
    month: usize,
    hire: &[Option<(i32, u32, u32)>],
    s: &Settings,
) -> Vec<Row> {
    let label = h.months.get(month).cloned().unwrap_or_default();
    let tenures: Vec<Option<f64>> = (0..h.agents.len())
        .map(|a| {
            hire.get(a)
                .copied()
                .flatten()
                .and_then(|d| tenure(d, &label))
        })
        .collect();
    let start = (month + 1).saturating_sub(s.n.max(1));
    let window: Vec<usize> = (start..=month).collect();
    // Probation per month, judged at each month's end.
    let on_probation = |a: usize, m: usize| -> bool {
        let t = hire
            .get(a)
            .copied()
            .flatten()
            .and_then(|d| h.months.get(m).and_then(|l| tenure(d, l)));
        t.is_some_and(|t| t < s.probation_months)
    };
    let excluded_in =
        |m: usize| -> Vec<bool> { (0..h.agents.len()).map(|a| on_probation(a, m)).collect() };
    let tops: Vec<Vec<usize>> = window
        .iter()
        .map(|m| cut(h, score, *m, s.top_share, true, &excluded_in(*m)))
        .collect();
    let bottoms: Vec<(usize, Vec<usize>)> = (0..=month)
        .rev()
        .take(s.bottom_months.max(1))
        .map(|m| (m, cut(h, score, m, s.bottom_share, false, &excluded_in(m))))
        .collect();
    let series = h.metrics.get(score);
    (0..h.agents.len())
        .filter(|a| h.is_present(*a, month))
        .map(|a| {
            let top_months: Vec<usize> = window
                .iter()
                .zip(&tops)
                .filter(|(_, t)| t.contains(&a))
                .map(|(m, _)| *m)
                .collect();
            let mut bottom_run: Vec<usize> = bottoms
                .iter()
                .take_while(|(_, b)| b.contains(&a))
                .map(|(m, _)| *m)
                .collect();
            bottom_run.reverse();
            let vals: Vec<f64> = window
                .iter()
                .filter_map(|m| series.and_then(|x| x.value(a, *m)))
                .collect();
            let avg = crate::model::stats::mean(&vals);
            let tenure = tenures.get(a).copied().flatten();
            let probation = on_probation(a, month);
            let tier = tenure.map(|t| {
                let avg = avg.unwrap_or(f64::NEG_INFINITY);
                if t < s.specialist_months {
                    Tier::Newcomer
                } else if t >= s.senior_months && avg >= s.senior_score {
                    Tier::Senior
                } else if t >= s.elite_months && avg >= s.elite_score {
                    Tier::Elite
                } else {
                    Tier::Specialist
                }
            });
            Row {
                agent: a,
                tenure,
                probation,
                tier,
                consistent_top: !probation && top_months.len() >= s.k.max(1),
                bottom_candidate: !probation && bottom_run.len() >= s.bottom_months.max(1),
                top_months,
                bottom_run,
                avg_score: avg,
            }
        })
        .collect()
}

/// Each agent's hire date: from the latest month holding one.
pub fn hire_dates(
    h: &History,
    months: &[(String, &Table)],
    aliases: &[(String, String)],
) -> Vec<Option<(i32, u32, u32)>> {
    let mut out = vec![None; h.agents.len()];
    let index: std::collections::HashMap<&str, usize> = h
        .agents
        .iter()
        .enumerate()
        .map(|(i, a)| (a.as_str(), i))
        .collect();
    let mut ms: Vec<&(String, &Table)> = months.iter().collect();
    crate::model::order::sort_by(&mut ms, |a, b| b.0.cmp(&a.0));
    for (_, t) in ms {
        let Some(c) = hire_column(t) else { continue };
        for r in 0..t.len() {
            let name = super::canonical(&t.agent_name(r), aliases);
            if let Some(a) = index.get(name.as_str()).copied() {
                if let Some(slot) = out.get_mut(a) {
                    if slot.is_none() {
                        *slot = t.cell(r, c).and_then(parse_date);
                    }
                }
            }
        }
    }
    out
}
