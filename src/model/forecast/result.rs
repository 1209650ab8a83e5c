//! A forecast's outcome: the months computed elsewhere taken in
//! ([`Forecast::absorb`], in any order), the months computed here handed
//! out ([`Forecast::take_partial`]), and the distribution of the months in
//! ([`Forecast::result`]: percentiles by selection, the histogram, per-agent
//! ranges).

use super::*;

/// Outcome of a finished (or partial) forecast.
#[derive(Clone, Debug, PartialEq)]
pub struct ForecastResult {
    pub months: usize,
    pub mean: f64,
    pub p5: f64,
    pub p50: f64,
    pub p95: f64,
    /// Share of months above the budget, when there is one.
    pub p_over_budget: Option<f64>,
    /// (from, to, months) for 20 equal bins between the lowest and highest total.
    pub histogram: Vec<(f64, f64, usize)>,
    /// Per agent (plan order): table row, P5, P50, P95 of their payout.
    pub per_agent: Vec<(usize, f64, f64, f64)>,
    /// How many months the per-agent ranges use (all, up to a memory bound).
    pub per_agent_months: usize,
}

impl Forecast {
    /// The months simulated since the last call, to send to the page.
    pub fn take_partial(&mut self) -> Partial {
        let n = self.rows.len();
        let (from, to) = (self.taken, self.next - self.start);
        self.taken = to;
        let kept_to = to.min(self.agent_pays.len().checked_div(n).unwrap_or(0));
        Partial {
            start: self.start + from,
            totals: self.totals.get(from..to).unwrap_or_default().to_vec(),
            pays: self
                .agent_pays
                .get(from.min(kept_to) * n..kept_to * n)
                .unwrap_or_default()
                .to_vec(),
        }
    }

    /// Takes in months computed elsewhere (a worker's [`Partial`]), in any
    /// order; false (and nothing changed) when it does not fit this forecast.
    pub fn absorb(&mut self, p: &Partial) -> bool {
        self.absorb_into(p.start, &p.totals, p.pays.len(), |dst| {
            dst.copy_from_slice(&p.pays)
        })
    }

    /// [`Forecast::absorb`] of months `start..start + totals.len()` whose
    /// `pays_len` per-agent pays `fill` writes straight into place (the
    /// worker that merges copies them out of a typed array, with no copy in
    /// between); false (and nothing changed, `fill` not called) when they
    /// do not fit this forecast.
    pub fn absorb_into(
        &mut self,
        start: usize,
        totals: &[f64],
        pays_len: usize,
        fill: impl FnOnce(&mut [f64]),
    ) -> bool {
        let n = self.rows.len();
        let months = totals.len();
        let Some(end) = start.checked_add(months) else {
            return false;
        };
        if start < self.start || end > self.end {
            return false;
        }
        let kept = self.keep_months.min(end).saturating_sub(start);
        if pays_len != kept * n {
            return false;
        }
        // The kept months are contiguous, month-major: one block (none for
        // months past the per-agent bound).
        let from = start - self.start;
        if kept > 0 {
            let Some(dst) = self.agent_pays.get_mut(from * n..(from + kept) * n) else {
                return false;
            };
            fill(dst);
        }
        for (k, t) in totals.iter().enumerate() {
            let at = from + k;
            if let (Some(slot), Some(h)) = (self.totals.get_mut(at), self.have.get_mut(at)) {
                *slot = *t;
                if !*h {
                    *h = true;
                    self.filled += 1;
                }
            }
        }
        true
    }

    /// The distribution so far (the months in, in month order).
    pub fn result(&self) -> ForecastResult {
        let totals: Vec<f64> = self
            .totals
            .iter()
            .zip(&self.have)
            .filter(|(_, h)| **h)
            .map(|(t, _)| *t)
            .collect();
        let n = self.rows.len();
        let kept: Vec<usize> = (0..self.agent_pays.len().checked_div(n).unwrap_or(0))
            .filter(|k| self.have.get(*k).copied().unwrap_or(false))
            .collect();
        let mut sorted = totals.clone();
        crate::model::order::sort_f64(&mut sorted, false);
        let m = sorted.len();
        let mean = if m == 0 {
            0.0
        } else {
            totals.iter().sum::<f64>() / m as f64
        };
        let (lo, hi) = (
            sorted.first().copied().unwrap_or(0.0),
            sorted.last().copied().unwrap_or(0.0),
        );
        const BINS: usize = 20;
        let width = if hi > lo {
            (hi - lo) / BINS as f64
        } else {
            1.0
        };
        let mut counts = [0usize; BINS];
        for t in &sorted {
            let b = (((t - lo) / width) as usize).min(BINS - 1);
            if let Some(c) = counts.get_mut(b) {
                *c += 1;
            }
        }
        let histogram = if m == 0 {
            Vec::new()
        } else if hi == lo {
            vec![(lo, hi, m)]
        } else {
            counts
                .iter()
                .enumerate()
                .map(|(i, c)| (lo + width * i as f64, lo + width * (i + 1) as f64, *c))
                .collect()
        };
        // Per agent, the kept months gathered in blocks of agents: a month's
        // pays of one block share a cache line (the pays are month-major, so
        // one agent at a time would read one line per value), as
        // order-preserving integer keys, so the selections compare integers.
        const BLOCK: usize = 8;
        let mut keys: Vec<Vec<i64>> = (0..BLOCK).map(|_| Vec::with_capacity(kept.len())).collect();
        let mut per_agent = Vec::with_capacity(n);
        for (b, rows) in self.rows.chunks(BLOCK).enumerate() {
            let first = b * BLOCK;
            keys.iter_mut().for_each(Vec::clear);
            for k in &kept {
                let at = k * n + first;
                if let Some(pays) = self.agent_pays.get(at..at + rows.len()) {
                    for (ks, p) in keys.iter_mut().zip(pays) {
                        ks.push(order_key(*p));
                    }
                }
            }
            for (r, ks) in rows.iter().zip(keys.iter_mut()) {
                let [p5, p50, p95] = percentiles_of_keys(ks, [0.05, 0.5, 0.95]);
                per_agent.push((*r, p5, p50, p95));
            }
        }
        ForecastResult {
            months: m,
            mean,
            p5: percentile_inc(&sorted, 0.05),
            p50: percentile_inc(&sorted, 0.5),
            p95: percentile_inc(&sorted, 0.95),
            p_over_budget: self
                .budget
                .filter(|_| m > 0)
                .map(|b| sorted.iter().filter(|t| **t > b).count() as f64 / m as f64),
            histogram,
            per_agent,
            per_agent_months: kept.len(),
        }
    }
}

/// [`percentile_inc`] of `v` without sorting it: the order statistics it
/// interpolates between, found by selection (total order, so the same
/// values, bit for bit, as on the sorted data). `v` is reordered.
pub fn percentile_select(v: &mut [f64], p: f64) -> f64 {
    let n = v.len();
    if n == 0 {
        return 0.0;
    }
    let h = (n - 1) as f64 * p.clamp(0.0, 1.0);
    let lo = (h.floor() as usize).min(n - 1);
    let (_, a, rest) = v.select_nth_unstable_by(lo, |x, y| x.total_cmp(y));
    let a = *a;
    let b = rest
        .iter()
        .copied()
        .min_by(|x, y| x.total_cmp(y))
        .unwrap_or(a);
    a + (h - lo as f64) * (b - a)
}

/// `x` as an integer in `f64::total_cmp`'s order (the same transform):
/// comparing keys compares the numbers. [`from_order_key`] undoes it.
pub fn order_key(x: f64) -> i64 {
    let b = x.to_bits() as i64;
    b ^ (((b >> 63) as u64) >> 1) as i64
}

/// The number whose [`order_key`] is `k`, bit for bit.
pub fn from_order_key(k: i64) -> f64 {
    f64::from_bits((k ^ (((k >> 63) as u64) >> 1) as i64) as u64)
}

/// [`percentile_select`] at three ascending `ps` at once, of numbers given
/// as [`order_key`]s (reordered): each selection searches only what lies
/// above the previous one. The same values, bit for bit.
pub fn percentiles_of_keys(keys: &mut [i64], ps: [f64; 3]) -> [f64; 3] {
    let n = keys.len();
    let mut out = [0.0; 3];
    if n == 0 {
        return out;
    }
    // Everything before `from` is at or below what was selected last.
    let mut from = 0usize;
    for (o, p) in out.iter_mut().zip(ps) {
        let h = (n - 1) as f64 * p.clamp(0.0, 1.0);
        let lo = (h.floor() as usize).min(n - 1).max(from);
        let Some(tail) = keys.get_mut(from..) else {
            break;
        };
        let (_, a, rest) = tail.select_nth_unstable(lo - from);
        let a = *a;
        let b = rest.iter().copied().min().unwrap_or(a);
        let (a, b) = (from_order_key(a), from_order_key(b));
        *o = a + (h - lo as f64) * (b - a);
        from = lo;
    }
    out
}
