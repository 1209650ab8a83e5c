//! QA scores with their noise: a confidence interval for each agent's 质检得分
//! and the warnings when a ranking or a grade boundary separates agents whose
//! intervals overlap.
//!
//! Owns the arithmetic only. Never touches a browser.
//!
//! ## The interval
//! An agent's QA score is the mean of `n` sampled chats with standard
//! deviation `s` (the sample sd of the per-chat scores, or a typed team-wide
//! sd). The interval is `mean ± t(1 − α/2, n − 1)·s ÷ √n` with Student's t,
//! because `n` is small (surveys: 4–10 chats per agent per month), where the
//! normal z would claim too much precision (for n = 4 at 95 %, t = 3.182
//! against z = 1.96). With `n < 2` there is no interval: one chat says
//! nothing about the spread.
//!
//! ## Overlaps
//! Agents sorted by score: each neighbouring pair whose intervals overlap
//! (`d ≤ h₁ + h₂`, with `d` the difference and `h` the half-widths) is
//! within the noise. When a grade boundary falls between them the split is
//! called out. The samples that would separate them: the smallest common
//! `n ≥ 2` with `h₁(n) + h₂(n) < d`, where each half-width scales as
//! `hᵢ(n) = hᵢ·(t(n−1)/√n) ÷ (t(nᵢ−1)/√nᵢ)`; none when `d = 0`.

use super::qa::Confidence;
use super::stats;
use statrs::distribution::{ContinuousCDF, StudentsT};

/// Most samples per agent the separation search considers.
pub const MAX_SAMPLES: u32 = 10_000;

/// The two-sided Student-t quantile `t(1 − α/2, df)` for `conf`; `None`
/// for `df < 1`.
pub fn t_quantile(conf: Confidence, df: f64) -> Option<f64> {
    if !df.is_finite() || df < 1.0 {
        return None;
    }
    let p = match conf {
        Confidence::C90 => 0.95,
        Confidence::C95 => 0.975,
        Confidence::C99 => 0.995,
    };
    let t = StudentsT::new(0.0, 1.0, df).ok()?;
    let q = t.inverse_cdf(p);
    q.is_finite().then_some(q)
}

/// Half-width of the interval of a mean of `n` chats with sd `sd`; `None`
/// when `n < 2` or the sd is not a number ≥ 0.
pub fn half_width(sd: f64, n: f64, conf: Confidence) -> Option<f64> {
    if !n.is_finite() || n < 2.0 || !sd.is_finite() || sd < 0.0 {
        return None;
    }
    Some(t_quantile(conf, n - 1.0)? * sd / n.sqrt())
}

/// Mean and sample standard deviation (n − 1) of per-chat scores.
pub fn mean_sd(scores: &[f64]) -> Option<(f64, f64)> {
    let mean = stats::mean(scores)?;
    Some((mean, stats::sd(scores, true).unwrap_or(f64::NAN)))
}

/// One agent's score with its noise.
#[derive(Clone, Debug, PartialEq)]
pub struct Noisy {
    /// Table row (or any id the caller keeps).
    pub row: usize,
    pub value: f64,
    /// Samples behind the value.
    pub n: f64,
    /// Half-width of the interval; `None` when there is none (n < 2).
    pub half: Option<f64>,
    /// Grade (or pay step) index: a change between neighbours is a boundary.
    pub group: usize,
}

/// What separates two neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separation {
    /// Only their order (rank).
    Rank,
    /// A grade boundary (or pay step).
    Boundary,
}

/// Two neighbours whose intervals overlap.
#[derive(Clone, Debug, PartialEq)]
pub struct Overlap {
    /// The row ranked higher.
    pub upper: usize,
    pub lower: usize,
    pub kind: Separation,
    /// Difference of their values.
    pub diff: f64,
    /// Samples per agent that would separate them; `None` for equal values
    /// or beyond [`MAX_SAMPLES`].
    pub needed: Option<u32>,
}

/// `t(n − 1)/√n`, the factor a half-width scales with.
fn spread(conf: Confidence, n: f64) -> Option<f64> {
    Some(t_quantile(conf, n - 1.0)? / n.sqrt())
}

/// The smallest common sample count `n ≥ 2` at which two intervals of
/// half-widths `h1` (from `n1` samples) and `h2` (from `n2`) no longer
/// overlap over a difference `d`.
pub fn samples_to_separate(
    d: f64,
    (h1, n1): (f64, f64),
    (h2, n2): (f64, f64),
    conf: Confidence,
) -> Option<u32> {
    let d = d.abs();
    if !d.is_finite() || d <= 0.0 {
        return None;
    }
    let k1 = h1 / spread(conf, n1)?;
    let k2 = h2 / spread(conf, n2)?;
    if !(k1 + k2).is_finite() {
        return None;
    }
    if k1 + k2 <= 0.0 {
        return Some(2);
    }
    // h(n) falls monotonically in n; bisect over [2, MAX_SAMPLES].
    let sep = |n: u32| spread(conf, f64::from(n)).is_some_and(|s| (k1 + k2) * s < d);
    if !sep(MAX_SAMPLES) {
        return None;
    }
    let (mut lo, mut hi) = (2u32, MAX_SAMPLES);
    if sep(lo) {
        return Some(lo);
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if sep(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(hi)
}

/// Neighbours (by value, highest first) whose intervals overlap. Agents
/// without an interval are skipped (the caller lists them).
pub fn overlaps(items: &[Noisy], conf: Confidence) -> Vec<Overlap> {
    let mut sorted: Vec<&Noisy> = items
        .iter()
        .filter(|x| x.half.is_some() && x.value.is_finite())
        .collect();
    crate::model::order::sort_by(&mut sorted, |a, b| {
        b.value.total_cmp(&a.value).then(a.row.cmp(&b.row))
    });
    let mut out = Vec::new();
    for w in sorted.windows(2) {
        let [u, l] = w else { continue };
        let (Some(hu), Some(hl)) = (u.half, l.half) else {
            continue;
        };
        let d = u.value - l.value;
        if d <= hu + hl {
            out.push(Overlap {
                upper: u.row,
                lower: l.row,
                kind: if u.group != l.group {
                    Separation::Boundary
                } else {
                    Separation::Rank
                },
                diff: d,
                needed: samples_to_separate(d, (hu, u.n), (hl, l.n), conf),
            });
        }
    }
    out
}

/// Where the per-agent figures come from.
#[derive(Clone, Debug, PartialEq)]
pub struct NoiseParams {
    pub confidence: Confidence,
    /// The score column by name; empty: the 质检得分 metric column.
    pub score_column: String,
    /// A column with each agent's sampled chats; empty: `samples` for everyone.
    pub samples_column: String,
    pub samples: f64,
    /// A column with each agent's sd of per-chat scores; empty: `sd` for everyone.
    pub sd_column: String,
    /// Standard deviation of one chat's score, in points.
    pub sd: f64,
    /// Grade boundaries on the QA score (e.g. 90, 80), highest first.
    pub bands: Vec<f64>,
    /// Per-chat scores `(agent, score)`: where an agent has any, they give
    /// that agent's sample count and sd (and the score when the table has none).
    pub chat_scores: Vec<(String, f64)>,
}

impl Default for NoiseParams {
    fn default() -> Self {
        NoiseParams {
            confidence: Confidence::C95,
            score_column: String::new(),
            samples_column: String::new(),
            samples: 6.0,
            sd_column: String::new(),
            sd: 8.0,
            bands: vec![90.0, 80.0],
            chat_scores: Vec::new(),
        }
    }
}

/// Problems with the noise inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoiseField {
    Samples,
    Sd,
    Bands,
}

impl NoiseParams {
    /// Every problem, as (field, message); empty when usable.
    pub fn validate(&self) -> Vec<(NoiseField, crate::i18n::Msg)> {
        use crate::i18n::Msg;
        let mut out = Vec::new();
        if !(self.samples.is_finite() && self.samples >= 0.0 && self.samples <= 100_000.0) {
            out.push((NoiseField::Samples, Msg::NoiseErrSamples));
        }
        if !(self.sd.is_finite() && self.sd >= 0.0 && self.sd <= 1_000.0) {
            out.push((NoiseField::Sd, Msg::NoiseErrSd));
        }
        if self.bands.len() > 12 || self.bands.iter().any(|b| !b.is_finite()) {
            out.push((NoiseField::Bands, Msg::NoiseErrBands));
        }
        if self.chat_scores.len() > 1_000_000
            || self.chat_scores.iter().any(|(_, v)| !v.is_finite())
        {
            out.push((NoiseField::Samples, Msg::NoiseErrSamples));
        }
        out
    }

    /// The grade index of `v` under `bands` (0 = at or above the first).
    pub fn band_of(&self, v: f64) -> usize {
        let mut b: Vec<f64> = self.bands.clone();
        crate::model::order::sort_f64(&mut b, true);
        b.iter().position(|t| v >= *t).unwrap_or(b.len())
    }
}

/// One agent's row of the noise table.
#[derive(Clone, Debug, PartialEq)]
pub struct AgentNoise {
    pub row: usize,
    pub name: String,
    pub score: Option<f64>,
    pub n: Option<f64>,
    pub sd: Option<f64>,
    pub half: Option<f64>,
}

/// Every agent's score, samples, sd and half-width from `table`; `None`
/// when the table has no score column.
pub fn agent_intervals(table: &super::Table, p: &NoiseParams) -> Option<Vec<AgentNoise>> {
    let find = |name: &str| -> Option<usize> {
        let n = name.trim();
        if n.is_empty() {
            None
        } else {
            super::formula::calc::resolve(table, n)
        }
    };
    let score_col = if p.score_column.trim().is_empty() {
        table.column_of(super::MetricId::QaScore)
    } else {
        find(&p.score_column)
    }?;
    let samples_col = find(&p.samples_column);
    let sd_col = find(&p.sd_column);
    let num =
        |r: usize, c: Option<usize>| c.and_then(|c| table.cell(r, c)).and_then(|x| x.number());
    Some(
        (0..table.len())
            .map(|r| {
                let name = table.agent_name(r);
                let chats: Vec<f64> = p
                    .chat_scores
                    .iter()
                    .filter(|(a, _)| a.trim() == name.trim())
                    .map(|(_, v)| *v)
                    .collect();
                let from_chats = mean_sd(&chats);
                let mut score = num(r, Some(score_col));
                let (n, sd) = if let Some((mean, sd)) = from_chats {
                    score = score.or(Some(mean));
                    (Some(chats.len() as f64), sd.is_finite().then_some(sd))
                } else {
                    let n = if samples_col.is_some() {
                        num(r, samples_col)
                    } else {
                        Some(p.samples)
                    };
                    let sd = if sd_col.is_some() {
                        num(r, sd_col)
                    } else {
                        Some(p.sd)
                    };
                    (n, sd)
                };
                let half = match (score, n, sd) {
                    (Some(_), Some(n), Some(sd)) => half_width(sd, n, p.confidence),
                    _ => None,
                };
                AgentNoise {
                    row: r,
                    name,
                    score,
                    n,
                    sd,
                    half,
                }
            })
            .collect(),
    )
}

/// A plan's totals with the QA noise carried through.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanNoise {
    /// The scores as they are.
    pub scores: super::plan::PlanScores,
    /// Per agent (table row): the total with every QA score at its interval's
    /// low end and at its high end.
    pub low_high: Vec<(usize, f64, f64)>,
    /// Neighbours by total whose noisy totals overlap across a grade boundary.
    pub boundary: Vec<Overlap>,
    /// Agents without an interval (fewer than 2 samples or no score).
    pub no_interval: Vec<usize>,
}

/// How QA noise moves `plan`'s totals and which grade boundaries it blurs;
/// `None` when the plan has no item on the QA score column (or the table
/// has none).
///
/// The plan is scored three times: as is, with every agent's QA score at
/// the low end of its interval, and at the high end (formula columns
/// recomputed each time). An agent's noisy total is `total ± h` with
/// `h = max(|high − total|, |total − low|)`; neighbours by total whose noisy
/// totals overlap across a grade boundary are reported, with the samples per
/// agent that would separate them if `h` shrinks as the QA interval does.
pub fn plan_overlaps(
    table: &super::Table,
    plan: &super::plan::Plan,
    p: &NoiseParams,
) -> Option<PlanNoise> {
    use super::formula::calc::resolve;
    use super::plan::score;
    let rows = agent_intervals(table, p)?;
    let qa_col = if p.score_column.trim().is_empty() {
        table.column_of(super::MetricId::QaScore)
    } else {
        resolve(table, p.score_column.trim())
    }?;
    if !plan
        .items
        .iter()
        .any(|it| resolve(table, &it.column) == Some(qa_col))
    {
        return None;
    }
    let shifted = |sign: f64| score(&shifted_table(table, &rows, qa_col, sign), plan);
    let scores = score(table, plan);
    let low = shifted(-1.0);
    let high = shifted(1.0);
    let mut low_high = Vec::new();
    let mut items = Vec::new();
    let mut no_interval = Vec::new();
    for a in &scores.agents {
        let lo = low.for_row(a.row).map(|x| x.total).unwrap_or(a.total);
        let hi = high.for_row(a.row).map(|x| x.total).unwrap_or(a.total);
        low_high.push((a.row, lo.min(hi), lo.max(hi)));
        let info = rows.iter().find(|r| r.row == a.row);
        let half = info.and_then(|r| r.half).map(|_| {
            (hi - a.total)
                .abs()
                .max((a.total - lo).abs())
                .max((hi - lo).abs() / 2.0)
        });
        if half.is_none() {
            no_interval.push(a.row);
        }
        items.push(Noisy {
            row: a.row,
            value: a.total,
            n: info.and_then(|r| r.n).unwrap_or(0.0),
            half,
            group: a.grade,
        });
    }
    let boundary = overlaps(&items, p.confidence)
        .into_iter()
        .filter(|o| o.kind == Separation::Boundary)
        .collect();
    Some(PlanNoise {
        scores,
        low_high,
        boundary,
        no_interval,
    })
}

/// `table` with every agent's QA score moved to `score + sign × half` (where
/// it has an interval), formula columns recomputed.
fn shifted_table(
    table: &super::Table,
    rows: &[AgentNoise],
    qa_col: usize,
    sign: f64,
) -> super::Table {
    let mut t = table.clone();
    let cells: Vec<super::Cell> = rows
        .iter()
        .map(|a| match (a.score, a.half) {
            (Some(s), Some(h)) => super::Cell::Number(s + sign * h),
            _ => t.at(a.row, qa_col).clone(),
        })
        .collect();
    t.set_column(qa_col, cells);
    let calc = super::formula::compile(&t);
    super::formula::recalc_all(&mut t, &calc);
    t
}

/// One agent's pay with QA noise: as computed, and with every QA score at
/// its interval's low and high end.
#[derive(Clone, Debug, PartialEq)]
pub struct PayNoise {
    pub row: usize,
    pub pay: f64,
    pub low: f64,
    pub high: f64,
}

/// Agents whose pay under `model` changes within the QA noise (a pay step,
/// grade, gate or curve reached by the interval's ends), largest swing
/// first; `None` when the table has no QA score column. Models that read
/// the QA score (a 质检 gate, a plan item) are what this catches.
pub fn pay_noise(
    table: &super::Table,
    plan: &super::plan::Plan,
    model: &super::payout::PayoutModel,
    p: &NoiseParams,
) -> Option<Vec<PayNoise>> {
    use super::payout::compute;
    use super::plan::score;
    let rows = agent_intervals(table, p)?;
    let qa_col = if p.score_column.trim().is_empty() {
        table.column_of(super::MetricId::QaScore)
    } else {
        super::formula::calc::resolve(table, p.score_column.trim())
    }?;
    let pay_of = |t: &super::Table| compute(t, plan, &score(t, plan), model);
    let base = pay_of(table);
    let lo_t = shifted_table(table, &rows, qa_col, -1.0);
    let hi_t = shifted_table(table, &rows, qa_col, 1.0);
    let (lo, hi) = (pay_of(&lo_t), pay_of(&hi_t));
    let find = |ps: &super::payout::Payouts, row: usize| {
        ps.agents.iter().find(|a| a.row == row).map(|a| a.pay)
    };
    let mut out: Vec<PayNoise> = base
        .agents
        .iter()
        .filter_map(|a| {
            let l = find(&lo, a.row).unwrap_or(a.pay);
            let h = find(&hi, a.row).unwrap_or(a.pay);
            let (low, high) = (a.pay.min(l).min(h), a.pay.max(l).max(h));
            (high - low > 0.005).then_some(PayNoise {
                row: a.row,
                pay: a.pay,
                low,
                high,
            })
        })
        .collect();
    crate::model::order::sort_by(&mut out, |a, b| {
        (b.high - b.low)
            .total_cmp(&(a.high - a.low))
            .then(a.row.cmp(&b.row))
    });
    Some(out)
}
