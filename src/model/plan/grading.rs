//! Totals to grades: thresholds or a forced distribution.

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
            crate::model::order::sort_f64(&mut mins, true);
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
            crate::model::order::sort_by(order, |x, y| {
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
