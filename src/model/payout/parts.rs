//! **Each payout part defined once**: its evaluation and its Excel
//! formula side by side — the 绩效系数 kinds, commission tiers, gates,
//! pro-rating and rounding — so [`super::Compiled::evaluate`] and the
//! exported payouts sheet cannot drift apart (the LibreOffice oracle in
//! tests/sheets recomputes every formula). The pool is written as values
//! (it has no faithful closed-form formula).

use super::{bad, CoefStep, Coefficient, PayGate, Prorate, Tier, TierMode};

/// A number as Excel formulas take it: shortest round-trip form.
fn xl(v: f64) -> String {
    crate::model::plan::rules::xl(v)
}

/// Text inside an Excel string literal.
fn xl_text(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

impl Coefficient {
    /// Whether a number of the coefficient cannot be computed.
    pub fn is_bad(&self) -> bool {
        match self {
            Coefficient::ScoreTable { steps, otherwise } => {
                bad(*otherwise) || steps.iter().any(|s| !s.min.is_finite() || bad(s.coef))
            }
            Coefficient::GradeTable(g) => g.iter().any(|g| bad(g.coef)),
            Coefficient::Curve {
                threshold,
                start,
                slope,
                cap,
            } => !threshold.is_finite() || bad(*start) || !slope.is_finite() || bad(*cap),
        }
    }

    /// Excel's [`Coefficient::of`] over the score cell and the grade cell.
    /// Grade labels are compared with EXACT: `=` ignores case in Excel, WPS
    /// and LibreOffice, so "a" would take "A"'s coefficient.
    pub fn formula(&self, score_ref: &str, grade_ref: &str) -> String {
        match self {
            Coefficient::ScoreTable { steps, otherwise } => {
                let mut sorted: Vec<&CoefStep> = steps.iter().collect();
                crate::model::order::sort_by(&mut sorted, |a, b| b.min.total_cmp(&a.min));
                let mut f = xl(*otherwise);
                for st in sorted.iter().rev() {
                    f = format!("IF({score_ref}>={},{},{f})", xl(st.min), xl(st.coef));
                }
                f
            }
            Coefficient::GradeTable(g) => {
                let mut f = "0".to_string();
                for gc in g.iter().rev() {
                    f = format!(
                        "IF(EXACT({grade_ref},{}),{},{f})",
                        xl_text(&gc.grade),
                        xl(gc.coef)
                    );
                }
                f
            }
            Coefficient::Curve {
                threshold,
                start,
                slope,
                cap,
            } => format!(
                "IF({score_ref}<{},0,MAX(0,MIN({},{}+{}*({score_ref}-{}))))",
                xl(*threshold),
                xl(*cap),
                xl(*start),
                xl(*slope),
                xl(*threshold)
            ),
        }
    }

    /// The coefficient for `score` (and the agent's grade label).
    pub fn of(&self, score: f64, grade: &str) -> f64 {
        match self {
            Coefficient::ScoreTable { steps, otherwise } => {
                step_coef(&steps_best_first(steps), *otherwise, score)
            }
            Coefficient::GradeTable(g) => g
                .iter()
                .find(|g| g.grade == grade)
                .map(|g| g.coef)
                .unwrap_or(0.0),
            Coefficient::Curve {
                threshold,
                start,
                slope,
                cap,
            } => {
                if score < *threshold {
                    0.0
                } else {
                    (start + slope * (score - threshold)).min(*cap).max(0.0)
                }
            }
        }
    }
}

/// Score-table steps in the order [`step_coef`] reads them: highest `min`
/// first, and of equal minimums the one listed last first (the step
/// "with the highest `min` not above the score" is the last such one listed).
pub fn steps_best_first(steps: &[CoefStep]) -> Vec<CoefStep> {
    let mut sorted: Vec<CoefStep> = steps.iter().rev().cloned().collect();
    crate::model::order::sort_by(&mut sorted, |a, b| b.min.total_cmp(&a.min));
    sorted
}

/// The score table's coefficient for `score`: the first step (of
/// [`steps_best_first`]) whose minimum it reaches, else `otherwise`. A NaN
/// minimum is never reached.
#[inline]
pub fn step_coef(best_first: &[CoefStep], otherwise: f64, score: f64) -> f64 {
    // The first step reached, without a branch per step: each step from
    // the last up overrides a reached one after it.
    let mut k = otherwise;
    for s in best_first.iter().rev() {
        k = select(score >= s.min, s.coef, k);
    }
    k
}

/// `if c { a } else { b }`, marked unpredictable so that the compiler keeps
/// it free of branches (a conditional move; masking bits by hand is seen
/// through and turned back into a branch): the kernels' conditions (a score
/// past a step, a gate failed) follow drawn values and would be
/// mispredicted often. The result is `a` or `b`, exactly.
#[inline(always)]
pub fn select(c: bool, a: f64, b: f64) -> f64 {
    std::hint::select_unpredictable(c, a, b)
}

/// Commission tiers sorted by `from`, with their mode: the commission part.
#[derive(Clone, Debug, PartialEq)]
pub struct Tiers {
    sorted: Vec<Tier>,
    mode: TierMode,
}

impl Tiers {
    pub fn new(tiers: &[Tier], mode: TierMode) -> Tiers {
        let mut sorted = tiers.to_vec();
        crate::model::order::sort_by(&mut sorted, |a, b| a.from.total_cmp(&b.from));
        Tiers { sorted, mode }
    }

    /// Commission on `sales` (none for a missing, non-positive or infinite value).
    #[inline]
    pub fn amount(&self, sales: f64) -> f64 {
        commission_sorted(sales, &self.sorted, self.mode)
    }

    /// Excel's [`Tiers::amount`] × `multiplier` over the sales cell `x`.
    pub fn formula(&self, x: &str, multiplier: f64) -> String {
        let sorted = &self.sorted;
        let body = match self.mode {
            TierMode::Marginal => {
                let slices: Vec<String> = sorted
                    .iter()
                    .enumerate()
                    .map(|(i, tr)| match sorted.get(i + 1) {
                        Some(next) => format!(
                            "{}*MAX(0,MIN({x},{})-{})",
                            xl(tr.rate),
                            xl(next.from),
                            xl(tr.from)
                        ),
                        None => format!("{}*MAX(0,{x}-{})", xl(tr.rate), xl(tr.from)),
                    })
                    .collect();
                format!("({})", slices.join("+"))
            }
            TierMode::Retroactive => {
                let mut f = "0".to_string();
                for tr in sorted {
                    f = format!("IF({x}>={},{}*{x},{f})", xl(tr.from), xl(tr.rate));
                }
                f
            }
        };
        format!("IF(AND(ISNUMBER({x}),{x}>0),{body}*{},0)", xl(multiplier))
    }
}

/// Commission on `sales` with `tiers` (any order).
pub fn commission(sales: f64, tiers: &[Tier], mode: TierMode) -> f64 {
    let mut sorted = tiers.to_vec();
    crate::model::order::sort_by(&mut sorted, |a, b| a.from.total_cmp(&b.from));
    commission_sorted(sales, &sorted, mode)
}

/// [`commission`] with the tiers already sorted by `from`.
#[inline]
fn commission_sorted(sales: f64, sorted: &[Tier], mode: TierMode) -> f64 {
    if !sales.is_finite() || sales <= 0.0 {
        return 0.0;
    }
    match mode {
        TierMode::Retroactive => sorted
            .iter()
            .rev()
            .find(|t| sales >= t.from)
            .map(|t| t.rate * sales)
            .unwrap_or(0.0),
        TierMode::Marginal => {
            let mut pay = 0.0;
            for (i, t) in sorted.iter().enumerate() {
                let end = sorted.get(i + 1).map(|n| n.from).unwrap_or(f64::INFINITY);
                // `min` by comparisons (no `fmin` call): `sales` is positive
                // and finite, so no NaN or zero of either sign is in question.
                let slice = crate::model::plan::rules::min_num(sales, end) - t.from;
                // (Adding 0 leaves `pay`, never −0, as it is: no branch.)
                pay += select(slice > 0.0, t.rate * slice, 0.0);
            }
            pay
        }
    }
}

impl PayGate {
    /// The factor on the non-pool parts for value `v`: `1 − cut` when it
    /// fails, else 1 (a missing value does not apply).
    #[inline]
    pub fn factor(&self, v: f64) -> f64 {
        // (`fails` is false for a NaN: `applies` without its test.)
        select(self.fails(v), 1.0 - self.cut, 1.0)
    }

    /// `factors[a] *= factor(vals[a])` for every agent in both, with the
    /// comparison's direction chosen once, not per agent.
    #[inline]
    pub fn cut_into(&self, vals: &[f64], factors: &mut [f64]) {
        let (t, k) = (self.threshold, 1.0 - self.cut);
        let each = factors.iter_mut().zip(vals);
        if self.fail_below {
            each.for_each(|(f, v)| *f *= select(*v < t, k, 1.0));
        } else {
            each.for_each(|(f, v)| *f *= select(*v > t, k, 1.0));
        }
    }

    /// Whether the gate cuts value `v` (it fails; a missing value never does).
    #[inline]
    pub fn applies(&self, v: f64) -> bool {
        !v.is_nan() && self.fails(v)
    }

    /// Excel's [`PayGate::factor`] over the value cell `x`.
    pub fn formula(&self, x: &str) -> String {
        let op = if self.fail_below { "<" } else { ">" };
        format!(
            "IF(AND(ISNUMBER({x}),{x}{op}{}),{},1)",
            xl(self.threshold),
            xl(1.0 - self.cut)
        )
    }

    /// Whether `v` fails the gate.
    #[inline]
    pub fn fails(&self, v: f64) -> bool {
        if self.fail_below {
            v < self.threshold
        } else {
            v > self.threshold
        }
    }
}

impl Prorate {
    /// The days factor `min(max(days ÷ full days, 0), 1)`; 1 for a missing value.
    #[inline]
    pub fn factor(&self, days: f64) -> f64 {
        if days.is_nan() {
            1.0
        } else {
            (days / self.full_days).clamp(0.0, 1.0)
        }
    }

    /// Excel's [`Prorate::factor`] over the days cell `d`.
    pub fn formula(&self, d: &str) -> String {
        format!(
            "IF(ISNUMBER({d}),MIN(1,MAX(0,{d}/{})),1)",
            xl(self.full_days)
        )
    }
}

/// Rounds `x` half up to a multiple of `unit`. Payouts are sums of products
/// of decimal inputs, so a result meant as 12.5 may arrive as 12.4999999999;
/// a quotient within 1e-9 of the half is taken as the half.
#[inline]
pub fn round_unit(x: f64, unit: f64) -> f64 {
    if !x.is_finite() || unit <= 0.0 {
        return x;
    }
    let q = x / unit;
    let n = q.floor();
    let r = select(q - n >= 0.5 - 1e-9, n + 1.0, n);
    // Rebuild through the unit's decimals so ¥0.01 units give 12.35, not 12.350000000000001.
    if unit < 1.0 {
        let places = (1.0 / unit).round();
        r / places
    } else {
        r * unit
    }
}

/// The pay for `gross`: never negative, rounded once to `unit`.
#[inline]
pub fn pay(gross: f64, unit: f64) -> f64 {
    round_unit(crate::model::plan::rules::max_num(gross, 0.0), unit)
}

/// Excel's [`pay`] over the gross cell `g`.
pub fn pay_formula(g: &str, unit: f64) -> String {
    if unit < 1.0 {
        format!("ROUND(MAX(0,{g}),2)")
    } else {
        format!("ROUND(MAX(0,{g})/{},0)*{}", xl(unit), xl(unit))
    }
}

/// Splits `amount` in proportion to `weights`, each share between `floor`
/// and `cap`, the leftover redistributed until stable: every agent with a
/// positive weight gets `clamp(λ × weight, floor, cap)` with λ such that the
/// shares sum to `amount` (found by a sweep over the breakpoints where agents
/// leave the floor or reach the cap). Agents with weight 0 get 0. When the
/// floors alone exceed the pool, the pool is split equally; when everyone is
/// capped, the rest stays unpaid.
pub fn split_pool(amount: f64, weights: &[f64], floor: f64, cap: Option<f64>, out: &mut Vec<f64>) {
    split_pool_with(amount, weights, floor, cap, out, &mut Vec::new());
}

/// [`split_pool`] with a reusable buffer for the sweep's events.
pub fn split_pool_with(
    amount: f64,
    weights: &[f64],
    floor: f64,
    cap: Option<f64>,
    out: &mut Vec<f64>,
    events: &mut Vec<(f64, bool, f64)>,
) {
    out.clear();
    out.resize(weights.len(), 0.0);
    let eligible = weights.iter().filter(|w| **w > 0.0).count();
    if eligible == 0 || amount <= 0.0 {
        return;
    }
    let n = eligible as f64;
    let cap = cap.unwrap_or(f64::INFINITY).max(floor);
    let fill = |out: &mut Vec<f64>, f: &dyn Fn(f64) -> f64| {
        for (o, w) in out.iter_mut().zip(weights) {
            if *w > 0.0 {
                *o = f(*w);
            }
        }
    };
    if floor * n >= amount {
        fill(out, &|_| amount / n);
        return;
    }
    if cap * n <= amount {
        fill(out, &|_| cap);
        return;
    }
    // Events in λ: an agent leaves the floor at floor/w and reaches the cap at cap/w.
    events.clear();
    for w in weights.iter().filter(|w| **w > 0.0) {
        events.push((floor / w, false, *w));
        if cap.is_finite() {
            events.push((cap / w, true, *w));
        }
    }
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    // S(λ) = floors + caps + λ × free weight, between events.
    let mut floors = floor * n;
    let mut caps = 0.0;
    let mut free_w = 0.0;
    let mut lambda = 0.0;
    let mut found = false;
    for (at, to_cap, w) in events.iter() {
        if free_w > 0.0 && floors + caps + at * free_w >= amount {
            lambda = (amount - floors - caps) / free_w;
            found = true;
            break;
        }
        if *to_cap {
            free_w -= w;
            caps += cap;
        } else {
            free_w += w;
            floors -= floor;
        }
    }
    if !found && free_w > 0.0 {
        lambda = (amount - floors - caps) / free_w;
    }
    fill(out, &|w| (lambda * w).clamp(floor, cap));
}
