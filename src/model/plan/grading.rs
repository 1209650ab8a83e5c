//! Totals to grades: thresholds or a forced distribution.

use super::rules::{order_index, order_key, sort_keyed};
use super::{GradeThreshold, Grading};
use crate::model::round::round_dp;

impl Grading {
    /// The grade labels, best first (the index [`assign_grades`] gives).
    pub fn labels(&self) -> Vec<String> {
        match self {
            Grading::Thresholds(t) => {
                let mut sorted: Vec<&GradeThreshold> = t.iter().collect();
                crate::model::order::sort_by(&mut sorted, |a, b| b.min.total_cmp(&a.min));
                sorted.iter().map(|g| g.label.clone()).collect()
            }
            Grading::Forced(shares) => shares.iter().map(|g| g.label.clone()).collect(),
        }
    }
}

/// Reusable buffers for [`assign_grades`].
#[derive(Clone, Debug, Default)]
pub struct GradeBuf {
    mins: Vec<f64>,
    order: Vec<(u64, u32)>,
    tmp: Vec<(u64, u32)>,
    counts: Vec<u32>,
    bounds: Vec<usize>,
}

/// The grade index of each total into `out` (best first, as
/// [`Grading::labels`]). Thresholds: the first minimum reached; the last
/// grade takes everyone else. Forced: by position in the ranking, the
/// cumulative shares rounded to whole agents; equal totals share the better
/// grade. `buf` is reused, so a call allocates nothing once it has grown.
pub fn assign_grades(totals: &[f64], grading: &Grading, out: &mut Vec<usize>, buf: &mut GradeBuf) {
    let n = totals.len();
    out.clear();
    out.resize(n, 0);
    match grading {
        Grading::Thresholds(t) => {
            let mins = &mut buf.mins;
            mins.clear();
            mins.extend(t.iter().map(|g| g.min));
            crate::model::order::sort_f64(mins, true);
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
            // Best first, equal totals in table order: a stable sort by the
            // key of −total (−0 and +0 are one key).
            let order = &mut buf.order;
            order.clear();
            order.extend(
                totals
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (order_key(-*t), i as u32)),
            );
            sort_keyed(order, &mut buf.tmp, &mut buf.counts);
            let bounds = &mut buf.bounds;
            bounds.clear();
            let mut cum = 0.0;
            for g in shares {
                cum += g.share;
                bounds.push(round_dp(n as f64 * cum, 0) as usize);
            }
            let last = shares.len().saturating_sub(1);
            let mut prev: Option<(f64, usize)> = None;
            for (pos, k) in order.iter().enumerate() {
                let idx = order_index(*k);
                let total = totals.get(idx).copied().unwrap_or(0.0);
                let by_pos = bounds.iter().position(|b| pos < *b).unwrap_or(last);
                // Tie rule: equal totals share the better grade.
                let g = match prev {
                    Some((t, g)) if t == total => g,
                    _ => by_pos,
                };
                if let Some(slot) = out.get_mut(idx) {
                    *slot = g;
                }
                prev = Some((total, g));
            }
        }
    }
}
