//! Why 客服销售额 changed: the seed identity
//! `客服销售额 = 询单人数 × 询单转化率 × 客单价 × (1 − 退款率)` split month over
//! month into its four drivers by LMDI (logarithmic mean Divisia index):
//!
//! `contribution_i = L(S₁, S₀) · ln(f_i1 ÷ f_i0)`, `L(a, b) = (a − b) ÷ (ln a − ln b)`, `L(a, a) = a`.
//!
//! Because `Σ ln(f_i1 ÷ f_i0) = ln(S₁ ÷ S₀)` and `L · ln(S₁ ÷ S₀) = S₁ − S₀`,
//! the four contributions add up to the change exactly (up to float rounding).
//! The fourth factor is `1 − 退款率`.
//!
//! **Zeros.** A factor of 0 makes `S` 0 and the logarithm undefined. The
//! standard treatment (Ang & Choi 1997; Ang & Liu 2007) replaces the zero by
//! a small δ and lets δ → 0; the limit is used directly:
//! - `S₀ = 0 < S₁`: the whole change `S₁` goes to the factors that were 0 in
//!   the first month, shared equally; the others contribute 0.
//! - `S₁ = 0 < S₀`: `−S₀` goes to the factors that became 0, shared equally.
//! - both 0: no change, every contribution 0.
//!
//! **Missing or impossible values** (no value, a negative one, 退款率 above
//! 100 %) make the split impossible: the result says which factor in which
//! month, and no contribution is invented.
//!
//! **The team.** The team's factors are built so their product is the sum
//! of the agents' products: `I = ΣI`, `C = ΣIC ÷ ΣI`, `A = ΣICA ÷ ΣIC`,
//! `1 − R = ΣICA(1−R) ÷ ΣICA`. Agents missing a factor in either month are
//! left out of both months' team figures and named.

use super::History;
use crate::model::metric::MetricId;

/// The identity's factors, in order: 询单人数, 询单转化率, 客单价, 退款率.
pub const FACTORS: [MetricId; 4] = [
    MetricId::Inquiries,
    MetricId::Conversion,
    MetricId::Aov,
    MetricId::RefundRate,
];

/// One month's factors as held: 询单人数, 询单转化率, 客单价, 退款率 (not yet `1 − R`).
pub type Factors = [Option<f64>; 4];

/// How the split went.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Every factor positive in both months: the LMDI formula.
    Exact,
    /// Sales were 0 in the first month because of these factors (indices);
    /// the change is theirs, shared equally.
    FromZero(Vec<usize>),
    /// Sales became 0 because of these factors; the fall is theirs.
    ToZero(Vec<usize>),
    /// Sales were 0 in both months: nothing changed.
    BothZero,
    /// A factor has no value: (factor, month 0 or 1).
    Missing(Vec<(usize, usize)>),
    /// A factor is impossible (negative, or 退款率 above 100 %): (factor, month).
    Invalid(Vec<(usize, usize)>),
}

/// The split of one change.
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    /// Sales by the identity in the earlier and the later month.
    pub s0: Option<f64>,
    pub s1: Option<f64>,
    /// `s1 − s0`.
    pub delta: Option<f64>,
    /// Per factor; `None` when the split is impossible.
    pub parts: [Option<f64>; 4],
    pub outcome: Outcome,
}

/// The logarithmic mean `L(a, b)` of two positive numbers.
pub fn log_mean(a: f64, b: f64) -> f64 {
    if a == b {
        return a;
    }
    // Close values lose digits in (a − b) ÷ ln(a ÷ b); the series
    // L = b·(1 + x/2 − x²/12 + x³/24 − …) with x = a/b − 1 keeps them.
    let x = a / b - 1.0;
    if x.abs() < 1e-4 {
        return b * (1.0 + x / 2.0 - x * x / 12.0 + x * x * x / 24.0);
    }
    (a - b) / (a.ln() - b.ln())
}

/// The factors as multiplied: the fourth becomes `1 − 退款率`. `Err` lists
/// what is missing or impossible.
/// What is wrong with a month's factors: (factor, month) and whether they are
/// impossible (`true`) rather than missing.
type Problem = (Vec<(usize, usize)>, bool);

fn effective(f: &Factors, month: usize) -> Result<[f64; 4], Problem> {
    let mut out = [0.0; 4];
    let mut missing = Vec::new();
    let mut invalid = Vec::new();
    for (i, (v, o)) in f.iter().zip(out.iter_mut()).enumerate() {
        match v {
            None => missing.push((i, month)),
            Some(v) if !v.is_finite() => missing.push((i, month)),
            Some(v) => {
                let e = if i == 3 { 1.0 - v } else { *v };
                // 退款率 is a share: below 0 or above 1 is impossible; the others
                // cannot be negative.
                if e < 0.0 || (i == 3 && *v < 0.0) {
                    invalid.push((i, month));
                }
                *o = e;
            }
        }
    }
    if !missing.is_empty() {
        Err((missing, false))
    } else if !invalid.is_empty() {
        Err((invalid, true))
    } else {
        Ok(out)
    }
}

/// Splits the change of sales from factors `f0` to `f1`.
pub fn split(f0: &Factors, f1: &Factors) -> Split {
    let (e0, e1) = match (effective(f0, 0), effective(f1, 1)) {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            let mut missing = Vec::new();
            let mut invalid = Vec::new();
            for (list, bad) in [a.err(), b.err()].into_iter().flatten() {
                if bad {
                    invalid.extend(list);
                } else {
                    missing.extend(list);
                }
            }
            return Split {
                s0: None,
                s1: None,
                delta: None,
                parts: [None; 4],
                outcome: if missing.is_empty() {
                    Outcome::Invalid(invalid)
                } else {
                    Outcome::Missing(missing)
                },
            };
        }
    };
    let s0: f64 = e0.iter().product();
    let s1: f64 = e1.iter().product();
    let delta = s1 - s0;
    let zeros = |e: &[f64; 4]| -> Vec<usize> {
        e.iter()
            .enumerate()
            .filter(|(_, v)| **v == 0.0)
            .map(|(i, _)| i)
            .collect()
    };
    let (parts, outcome) = match (s0 == 0.0, s1 == 0.0) {
        (true, true) => ([0.0; 4], Outcome::BothZero),
        (true, false) => {
            let z = zeros(&e0);
            (shared(&z, s1), Outcome::FromZero(z))
        }
        (false, true) => {
            let z = zeros(&e1);
            (shared(&z, -s0), Outcome::ToZero(z))
        }
        (false, false) => {
            let l = log_mean(s1, s0);
            let mut p = [0.0; 4];
            for ((o, a), b) in p.iter_mut().zip(e0.iter()).zip(e1.iter()) {
                *o = l * (b / a).ln();
            }
            (p, Outcome::Exact)
        }
    };
    Split {
        s0: Some(s0),
        s1: Some(s1),
        delta: Some(delta),
        parts: parts.map(Some),
        outcome,
    }
}

fn shared(zeros: &[usize], amount: f64) -> [f64; 4] {
    let mut p = [0.0; 4];
    let n = zeros.len().max(1) as f64;
    for z in zeros {
        if let Some(x) = p.get_mut(*z) {
            *x = amount / n;
        }
    }
    p
}

/// `agent`'s factors in `month`: the held values; 询单转化率 falls back to
/// 询单->最终付款人数 ÷ 询单人数 when its column is missing.
pub fn agent_factors(h: &History, agent: usize, month: usize) -> Factors {
    let get = |id: MetricId| {
        h.series(&super::MetricKey::Known(id))
            .and_then(|s| s.value(agent, month))
    };
    let [inq, conv, aov, refund] = FACTORS.map(get);
    let conv = conv.or_else(|| match (get(MetricId::InquiryPaid), inq) {
        (Some(paid), Some(i)) if i > 0.0 => Some(paid / i),
        _ => None,
    });
    [inq, conv, aov, refund]
}

/// The split of `agent`'s sales change into `month` (against the previous month held).
pub fn agent_split(h: &History, agent: usize, month: usize) -> Option<Split> {
    let prev = month.checked_sub(1)?;
    if !h.is_present(agent, month) || !h.is_present(agent, prev) {
        return None;
    }
    Some(split(
        &agent_factors(h, agent, prev),
        &agent_factors(h, agent, month),
    ))
}

/// The team split into `month`, with the agents left out (missing or
/// impossible factors in either month, or not present in both).
pub fn team_split(h: &History, month: usize) -> Option<(Split, Vec<usize>)> {
    let prev = month.checked_sub(1)?;
    let mut left_out = Vec::new();
    // Σ I, Σ IC, Σ ICA, Σ ICA(1−R) per month.
    let mut sums = [[0.0f64; 4]; 2];
    for a in 0..h.agents.len() {
        if !h.is_present(a, month) && !h.is_present(a, prev) {
            continue;
        }
        let f = [agent_factors(h, a, prev), agent_factors(h, a, month)];
        let e: Vec<_> = f.iter().enumerate().map(|(m, x)| effective(x, m)).collect();
        match (e.first(), e.get(1)) {
            (Some(Ok(a0)), Some(Ok(a1))) if h.is_present(a, month) && h.is_present(a, prev) => {
                for (s, x) in sums.iter_mut().zip([a0, a1]) {
                    let mut acc = 1.0;
                    for (slot, v) in s.iter_mut().zip(x.iter()) {
                        acc *= v;
                        *slot += acc;
                    }
                }
            }
            _ => left_out.push(a),
        }
    }
    let team = |s: &[f64; 4]| -> Factors {
        let [i, ic, ica, icar] = *s;
        let div = |a: f64, b: f64| (b > 0.0).then(|| a / b);
        [
            Some(i),
            div(ic, i),
            div(ica, ic),
            div(icar, ica).map(|k| 1.0 - k),
        ]
    };
    let (a, b) = (sums.first()?, sums.get(1)?);
    Some((split(&team(a), &team(b)), left_out))
}
