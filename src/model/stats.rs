//! Descriptive statistics shared by the whole core: mean, standard
//! deviation and Excel's PERCENTILE.INC. One definition each, so the
//! formula engine's AVERAGE/STDEV/PERCENTILE, the forecast's bands and the
//! QA noise agree to the bit. Values are summed in the order given.

/// The arithmetic mean; `None` for no values.
pub fn mean(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        None
    } else {
        Some(xs.iter().sum::<f64>() / xs.len() as f64)
    }
}

/// The standard deviation around the mean: sample (`n − 1`, Excel's
/// STDEV.S) or population (`n`, STDEV.P). `None` when the divisor is 0.
pub fn sd(xs: &[f64], sample: bool) -> Option<f64> {
    let n = xs.len();
    let d = if sample { n.saturating_sub(1) } else { n };
    if d == 0 {
        return None;
    }
    let m = mean(xs)?;
    let ss: f64 = xs.iter().map(|x| (x - m) * (x - m)).sum();
    Some((ss / d as f64).sqrt())
}

/// Excel's PERCENTILE.INC on data sorted ascending (linear between closest
/// ranks); `p` is clamped to `[0, 1]`; no data gives 0.
pub fn percentile_inc(sorted: &[f64], p: f64) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return 0.0;
    }
    let h = (n - 1) as f64 * p.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let a = sorted.get(lo).copied().unwrap_or(0.0);
    let b = sorted.get(lo + 1).copied().unwrap_or(a);
    a + (h - lo as f64) * (b - a)
}
