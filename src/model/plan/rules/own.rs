//! Rule kinds on the agent's own value: ratio to target, linear, bands and
//! the gate.

use super::{fin, max_num, min_num, ratio_formula, ratio_points, xl, Def, Team};
use crate::i18n::Msg;
use crate::model::plan::{Band, Explain};

// ---- Ratio to target ----

#[derive(Clone, Debug)]
pub struct Ratio {
    pub(super) target: f64,
    pub(super) floor: f64,
    pub(super) cap: f64,
}

impl Ratio {
    fn raw(&self, x: f64, lower: bool) -> f64 {
        if self.target > 0.0 {
            ratio_points(x, self.target, lower)
        } else {
            0.0
        }
    }
}

impl Def for Ratio {
    fn points(&self, x: f64, lower: bool, _: &Team) -> f64 {
        min_num(max_num(self.raw(x, lower), self.floor), self.cap)
    }
    fn explain(&self, x: f64, lower: bool, _: &Team) -> Explain {
        Explain::Ratio {
            actual: x,
            target: self.target,
            lower,
            raw: self.raw(x, lower),
            floor: self.floor,
            cap: self.cap,
        }
    }
    fn formula(&self, x: &str, lower: bool, _: &str) -> String {
        let raw = if self.target > 0.0 {
            ratio_formula(x, &xl(self.target), lower)
        } else {
            "0".into()
        };
        format!("MIN({},MAX({},{raw}))", xl(self.cap), xl(self.floor))
    }
    fn max_points(&self) -> f64 {
        self.cap
    }
    fn problem(&self) -> Option<Msg> {
        if !fin(self.target) || self.target <= 0.0 {
            Some(Msg::PlanErrTarget)
        } else if !fin(self.floor) || !fin(self.cap) || self.floor > self.cap {
            Some(Msg::PlanErrCap)
        } else {
            None
        }
    }
    fn detail(&self, val: &dyn Fn(f64) -> String, pts: &dyn Fn(f64) -> String) -> String {
        format!(
            "{} ({}–{})",
            val(self.target),
            pts(self.floor),
            pts(self.cap)
        )
    }
}

// ---- Linear ----

#[derive(Clone, Debug)]
pub struct Linear {
    pub(super) zero_at: f64,
    pub(super) full_at: f64,
    pub(super) stretch: Option<(f64, f64)>,
    /// Sorted by value.
    pub(super) knots: Vec<(f64, f64)>,
    pub(super) cap: f64,
}

/// The knots of a linear rule, sorted by value: (zero_at, 0), (full_at,
/// 100) and the stretch point if any.
pub fn linear_knots(zero_at: f64, full_at: f64, stretch: Option<(f64, f64)>) -> Vec<(f64, f64)> {
    let mut knots = vec![(zero_at, 0.0), (full_at, 100.0)];
    knots.extend(stretch);
    crate::model::order::sort_by(&mut knots, |x, y| x.0.total_cmp(&y.0));
    knots
}

/// Piecewise-linear through `knots` (sorted by x), flat beyond the ends.
#[inline]
pub(crate) fn interpolate(knots: &[(f64, f64)], x: f64) -> f64 {
    let (Some(first), Some(last)) = (knots.first(), knots.last()) else {
        return 0.0;
    };
    if x <= first.0 {
        return first.1;
    }
    if x >= last.0 {
        return last.1;
    }
    for w in knots.windows(2) {
        if let [(x0, y0), (x1, y1)] = w {
            if x >= *x0 && x <= *x1 {
                return if x1 == x0 {
                    *y1
                } else {
                    y0 + (x - x0) / (x1 - x0) * (y1 - y0)
                };
            }
        }
    }
    last.1
}

impl Def for Linear {
    fn points(&self, x: f64, _: bool, _: &Team) -> f64 {
        max_num(min_num(interpolate(&self.knots, x), self.cap), 0.0)
    }
    fn explain(&self, x: f64, _: bool, _: &Team) -> Explain {
        Explain::Linear {
            actual: x,
            knots: self.knots.clone(),
            raw: interpolate(&self.knots, x),
            cap: self.cap,
        }
    }
    fn formula(&self, x: &str, _: bool, _: &str) -> String {
        let (Some(first), Some(last)) = (self.knots.first(), self.knots.last()) else {
            return "0".into();
        };
        // Nested IFs over the segments, flat beyond the ends.
        let mut inner = xl(last.1);
        for w in self.knots.windows(2).rev() {
            if let [(x0, y0), (x1, y1)] = w {
                let seg = if x1 == x0 {
                    xl(*y1)
                } else {
                    format!(
                        "{}+({x}-{})/({})*({})",
                        xl(*y0),
                        xl(*x0),
                        xl(x1 - x0),
                        xl(y1 - y0)
                    )
                };
                inner = format!("IF({x}<={},{seg},{inner})", xl(*x1));
            }
        }
        let interp = format!(
            "IF({x}<={},{},IF({x}>={},{},{inner}))",
            xl(first.0),
            xl(first.1),
            xl(last.0),
            xl(last.1)
        );
        format!("MAX(0,MIN({},{interp}))", xl(self.cap))
    }
    fn max_points(&self) -> f64 {
        self.cap
            .min(self.stretch.map(|s| s.1).unwrap_or(100.0).max(100.0))
    }
    fn problem(&self) -> Option<Msg> {
        let (zero_at, full_at) = (self.zero_at, self.full_at);
        let stretch_ok = self
            .stretch
            .is_none_or(|(x, p)| fin(x) && fin(p) && (x - full_at) * (full_at - zero_at) > 0.0);
        if !fin(zero_at) || !fin(full_at) || zero_at == full_at || !stretch_ok {
            Some(Msg::PlanErrLinear)
        } else if !fin(self.cap) || self.cap < 0.0 {
            Some(Msg::PlanErrCap)
        } else {
            None
        }
    }
    fn detail(&self, val: &dyn Fn(f64) -> String, pts: &dyn Fn(f64) -> String) -> String {
        let mut k = vec![
            format!("{}→0", val(self.zero_at)),
            format!("{}→100", val(self.full_at)),
        ];
        if let Some((x, y)) = self.stretch {
            k.push(format!("{}→{}", val(x), pts(y)));
        }
        format!("{} (≤{})", k.join(" · "), pts(self.cap))
    }
}

// ---- Bands ----

#[derive(Clone, Debug)]
pub struct Bands {
    /// Best first (see [`sorted_bands`]).
    pub(super) bands: Vec<Band>,
    pub(super) otherwise: f64,
}

/// Bands best first: highest threshold first, or lowest when lower is better
/// (the first band an agent reaches is theirs).
pub fn sorted_bands(bands: &[Band], lower: bool) -> Vec<Band> {
    let mut sorted = bands.to_vec();
    if lower {
        crate::model::order::sort_by(&mut sorted, |x, y| x.threshold.total_cmp(&y.threshold));
    } else {
        crate::model::order::sort_by(&mut sorted, |x, y| y.threshold.total_cmp(&x.threshold));
    }
    sorted
}

impl Bands {
    #[inline]
    fn matched(&self, x: f64, lower: bool) -> Option<&Band> {
        if lower {
            self.bands.iter().find(|b| x <= b.threshold)
        } else {
            self.bands.iter().find(|b| x >= b.threshold)
        }
    }
}

impl Def for Bands {
    fn points(&self, x: f64, lower: bool, _: &Team) -> f64 {
        self.matched(x, lower)
            .map(|b| b.points)
            .unwrap_or(self.otherwise)
    }
    fn explain(&self, x: f64, lower: bool, _: &Team) -> Explain {
        Explain::Band {
            actual: x,
            lower,
            matched: self.matched(x, lower).cloned(),
            otherwise: self.otherwise,
        }
    }
    fn formula(&self, x: &str, lower: bool, _: &str) -> String {
        let op = if lower { "<=" } else { ">=" };
        let mut f = xl(self.otherwise);
        for b in self.bands.iter().rev() {
            f = format!("IF({x}{op}{},{},{f})", xl(b.threshold), xl(b.points));
        }
        f
    }
    fn max_points(&self) -> f64 {
        self.bands
            .iter()
            .map(|b| b.points)
            .fold(self.otherwise, f64::max)
    }
    fn problem(&self) -> Option<Msg> {
        let bad = self.bands.is_empty()
            || !fin(self.otherwise)
            || self
                .bands
                .iter()
                .any(|b| !fin(b.threshold) || !fin(b.points));
        bad.then_some(Msg::PlanErrBands)
    }
    fn detail(&self, val: &dyn Fn(f64) -> String, pts: &dyn Fn(f64) -> String) -> String {
        let mut k: Vec<String> = self
            .bands
            .iter()
            .map(|b| format!("{}→{}", val(b.threshold), pts(b.points)))
            .collect();
        k.push(pts(self.otherwise));
        k.join(" · ")
    }
}

// ---- Gate ----

#[derive(Clone, Debug)]
pub struct Gate {
    pub(super) threshold: f64,
    pub(super) zero_total: bool,
}

impl Gate {
    fn passed(&self, x: f64, lower: bool) -> bool {
        if lower {
            x <= self.threshold
        } else {
            x >= self.threshold
        }
    }
}

impl Def for Gate {
    fn points(&self, x: f64, lower: bool, _: &Team) -> f64 {
        if self.passed(x, lower) {
            100.0
        } else {
            0.0
        }
    }
    fn explain(&self, x: f64, lower: bool, _: &Team) -> Explain {
        Explain::Gate {
            actual: x,
            threshold: self.threshold,
            lower,
            passed: self.passed(x, lower),
            zero_total: self.zero_total,
        }
    }
    fn formula(&self, x: &str, lower: bool, _: &str) -> String {
        let op = if lower { "<=" } else { ">=" };
        format!("IF({x}{op}{},100,0)", xl(self.threshold))
    }
    fn problem(&self) -> Option<Msg> {
        (!fin(self.threshold)).then_some(Msg::PlanErrTarget)
    }
    fn zeroes_total(&self) -> bool {
        self.zero_total
    }
    fn detail(&self, val: &dyn Fn(f64) -> String, _: &dyn Fn(f64) -> String) -> String {
        val(self.threshold)
    }
}
