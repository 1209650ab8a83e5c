//! **The rule engine: every scoring rule kind, defined once.**
//!
//! A [`Rule`] (the saved, editable form) compiles with its item's direction
//! into a [`CompiledRule`]: band tables sorted best first, linear knots
//! sorted. Each kind is one struct here with one [`Def`] impl that gives
//! everything the app needs from a rule:
//! - its **points** for a present value (the only arithmetic: the scores,
//!   the forecast's kernel and the cliff scan all call it),
//! - its **explanation** with the numbers filled in (on demand),
//! - its **Excel formula** over a value cell and the item's value column,
//! - its checks ([`Def::problem`]), its most points and its words.
//!
//! A missing value (NaN) scores 0 for every kind; that is handled here once,
//! outside the kinds. Team rules (relative, rank, percentile) read a
//! [`Team`] built once per item from the present values.
//!
//! Adding a rule kind: a [`Rule`] variant (and its [`super::RuleKind`]), one
//! struct + [`Def`] impl below, one arm in [`Kind::compile`] and
//! [`Kind::def`], and its tests (tests/plan.rs; the LibreOffice oracle in
//! tests/sheets recomputes its formula).

use super::{Band, Explain, Rule};
use crate::i18n::Msg;

/// What a rule reads from the team besides the agent's own value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    Nothing,
    /// The average of the present values.
    Average,
    /// The present values sorted ascending.
    Order,
}

/// The team context of one item (what [`Needs`] asked for).
#[derive(Clone, Copy, Debug)]
pub struct Team<'a> {
    pub average: f64,
    /// Present values, ascending.
    pub sorted: &'a [f64],
}

impl Team<'static> {
    /// No team: for rules that need none.
    pub const NONE: Team<'static> = Team {
        average: 0.0,
        sorted: &[],
    };
}

impl<'a> Team<'a> {
    /// The context `needs` asks for over `vals` (NaN is missing), sorting
    /// into `buf` when the order is needed. The average is summed in table
    /// order, so every caller gets the same bits.
    pub fn of(needs: Needs, vals: &[f64], buf: &'a mut Vec<f64>) -> Team<'a> {
        buf.clear();
        let mut average = 0.0;
        match needs {
            Needs::Nothing => {}
            Needs::Average => {
                let (mut sum, mut n) = (0.0, 0usize);
                for v in vals.iter().filter(|v| !v.is_nan()) {
                    sum += v;
                    n += 1;
                }
                if n > 0 {
                    average = sum / n as f64;
                }
            }
            Needs::Order => {
                buf.extend(vals.iter().filter(|v| !v.is_nan()));
                // Equal keys under total_cmp are identical values, so an unstable sort is exact.
                buf.sort_unstable_by(|a, b| a.total_cmp(b));
            }
        }
        Team {
            average,
            sorted: buf,
        }
    }
}

/// One rule kind's definition. `x` is a present value; `lower` is the
/// item's direction.
pub trait Def {
    fn needs(&self) -> Needs {
        Needs::Nothing
    }
    /// Points before weighting.
    fn points(&self, x: f64, lower: bool, team: &Team) -> f64;
    /// How the points came about.
    fn explain(&self, x: f64, lower: bool, team: &Team) -> Explain;
    /// Excel's points for value cell `x` (a number) over the value column
    /// `range`, in the same arithmetic and order as [`Def::points`]. Only
    /// functions Excel, WPS and LibreOffice compute alike: comparisons of
    /// numbers, never text criteria.
    fn formula(&self, x: &str, lower: bool, range: &str) -> String;
    /// The most points the rule can give.
    fn max_points(&self) -> f64 {
        100.0
    }
    /// What breaks the seed rules, if anything.
    fn problem(&self) -> Option<Msg> {
        None
    }
    /// Whether 0 points (a failed gate) zeroes the whole total.
    fn zeroes_total(&self) -> bool {
        false
    }
    /// The rule's numbers in words: values through `val` (in the column's
    /// unit), points through `pts`.
    fn detail(&self, val: &dyn Fn(f64) -> String, pts: &dyn Fn(f64) -> String) -> String;
    /// Points of every value into `out` (NaN scores 0): the kernel's inner
    /// loop, dispatched once per item and statically per value.
    fn points_into(&self, vals: &[f64], lower: bool, team: &Team, out: &mut Vec<f64>) {
        out.clear();
        out.extend(vals.iter().map(|&x| {
            if x.is_nan() {
                0.0
            } else {
                self.points(x, lower, team)
            }
        }));
    }
}

fn fin(v: f64) -> bool {
    v.is_finite()
}

/// A number as Excel formulas take it: shortest round-trip form.
pub fn xl(v: f64) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        "0".into()
    }
}

/// `a ÷ reference × 100`, or `(2 − a ÷ reference) × 100` when lower is better
/// (shared by ratio-to-target and relative-to-average).
pub(crate) fn ratio_points(a: f64, reference: f64, lower: bool) -> f64 {
    if lower {
        (2.0 - a / reference) * 100.0
    } else {
        a / reference * 100.0
    }
}

/// Excel's [`ratio_points`] of cell `x` to the expression `reference`.
fn ratio_formula(x: &str, reference: &str, lower: bool) -> String {
    if lower {
        format!("(2-{x}/{reference})*100")
    } else {
        format!("{x}/{reference}*100")
    }
}

// ---- Ratio to target ----

#[derive(Clone, Debug)]
pub struct Ratio {
    target: f64,
    floor: f64,
    cap: f64,
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
        self.raw(x, lower).max(self.floor).min(self.cap)
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
    zero_at: f64,
    full_at: f64,
    stretch: Option<(f64, f64)>,
    /// Sorted by value.
    knots: Vec<(f64, f64)>,
    cap: f64,
}

/// The knots of a linear rule, sorted by value: (zero_at, 0), (full_at,
/// 100) and the stretch point if any.
pub fn linear_knots(zero_at: f64, full_at: f64, stretch: Option<(f64, f64)>) -> Vec<(f64, f64)> {
    let mut knots = vec![(zero_at, 0.0), (full_at, 100.0)];
    knots.extend(stretch);
    knots.sort_by(|x, y| x.0.total_cmp(&y.0));
    knots
}

/// Piecewise-linear through `knots` (sorted by x), flat beyond the ends.
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
        interpolate(&self.knots, x).min(self.cap).max(0.0)
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
    bands: Vec<Band>,
    otherwise: f64,
}

/// Bands best first: highest threshold first, or lowest when lower is better
/// (the first band an agent reaches is theirs).
pub fn sorted_bands(bands: &[Band], lower: bool) -> Vec<Band> {
    let mut sorted = bands.to_vec();
    if lower {
        sorted.sort_by(|x, y| x.threshold.total_cmp(&y.threshold));
    } else {
        sorted.sort_by(|x, y| y.threshold.total_cmp(&x.threshold));
    }
    sorted
}

impl Bands {
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

// ---- Relative to the team average ----

#[derive(Clone, Debug)]
pub struct Relative {
    cap: f64,
}

impl Relative {
    fn raw(x: f64, lower: bool, team: &Team) -> f64 {
        if team.average != 0.0 {
            ratio_points(x, team.average, lower)
        } else {
            0.0
        }
    }
}

impl Def for Relative {
    fn needs(&self) -> Needs {
        Needs::Average
    }
    fn points(&self, x: f64, lower: bool, team: &Team) -> f64 {
        Relative::raw(x, lower, team).max(0.0).min(self.cap)
    }
    fn explain(&self, x: f64, lower: bool, team: &Team) -> Explain {
        Explain::Relative {
            actual: x,
            average: team.average,
            lower,
            raw: Relative::raw(x, lower, team),
            cap: self.cap,
        }
    }
    fn formula(&self, x: &str, lower: bool, range: &str) -> String {
        let avg = format!("AVERAGE({range})");
        let raw = ratio_formula(x, &avg, lower);
        let cap = xl(self.cap);
        format!("IF({avg}<>0,MIN({cap},MAX(0,{raw})),MIN({cap},0))")
    }
    fn max_points(&self) -> f64 {
        self.cap
    }
    fn problem(&self) -> Option<Msg> {
        (!fin(self.cap) || self.cap <= 0.0).then_some(Msg::PlanErrCap)
    }
    fn detail(&self, _: &dyn Fn(f64) -> String, pts: &dyn Fn(f64) -> String) -> String {
        format!("≤{}", pts(self.cap))
    }
}

// ---- Rank and percentile ----

/// (agents better, agents worse) than `x` among the sorted present values.
fn better_worse(x: f64, lower: bool, sorted: &[f64]) -> (usize, usize) {
    let below = sorted.partition_point(|o| *o < x);
    let above = sorted.len() - sorted.partition_point(|o| *o <= x);
    if lower {
        (below, above)
    } else {
        (above, below)
    }
}

/// `100 × k ÷ (n − 1)`, or 100 when n ≤ 1.
fn share_points(k: usize, n: usize) -> f64 {
    if n <= 1 {
        100.0
    } else {
        100.0 * k as f64 / (n - 1) as f64
    }
}

/// Excel's [`share_points`] of the expression `k` over the numbers of `range`.
fn share_formula(k: &str, range: &str) -> String {
    format!("IF(COUNT({range})<=1,100,100*{k}/(COUNT({range})-1))")
}

#[derive(Clone, Debug)]
pub struct Rank;

impl Def for Rank {
    fn needs(&self) -> Needs {
        Needs::Order
    }
    fn points(&self, x: f64, lower: bool, team: &Team) -> f64 {
        let n = team.sorted.len();
        let rank = better_worse(x, lower, team.sorted).0 + 1;
        share_points(n.saturating_sub(rank), n)
    }
    fn explain(&self, x: f64, lower: bool, team: &Team) -> Explain {
        Explain::Rank {
            rank: better_worse(x, lower, team.sorted).0 + 1,
            n: team.sorted.len(),
        }
    }
    // RANK compares the numbers themselves. COUNTIF(range,">"&x) would
    // compare with x turned into 15-digit text, so an agent could count as
    // better than itself (found by the LibreOffice oracle).
    fn formula(&self, x: &str, lower: bool, range: &str) -> String {
        // Rank 1 = best: descending (0) when higher is better.
        let order = if lower { 1 } else { 0 };
        share_formula(
            &format!("(COUNT({range})-RANK({x},{range},{order}))"),
            range,
        )
    }
    fn detail(&self, _: &dyn Fn(f64) -> String, _: &dyn Fn(f64) -> String) -> String {
        String::new()
    }
}

#[derive(Clone, Debug)]
pub struct Percentile;

impl Def for Percentile {
    fn needs(&self) -> Needs {
        Needs::Order
    }
    fn points(&self, x: f64, lower: bool, team: &Team) -> f64 {
        share_points(better_worse(x, lower, team.sorted).1, team.sorted.len())
    }
    fn explain(&self, x: f64, lower: bool, team: &Team) -> Explain {
        Explain::Percentile {
            worse: better_worse(x, lower, team.sorted).1,
            n: team.sorted.len(),
        }
    }
    fn formula(&self, x: &str, lower: bool, range: &str) -> String {
        // Agents strictly worse = rank from the worst end − 1.
        let order = if lower { 0 } else { 1 };
        share_formula(&format!("(RANK({x},{range},{order})-1)"), range)
    }
    fn detail(&self, _: &dyn Fn(f64) -> String, _: &dyn Fn(f64) -> String) -> String {
        String::new()
    }
}

// ---- Gate ----

#[derive(Clone, Debug)]
pub struct Gate {
    threshold: f64,
    zero_total: bool,
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

// ---- The compiled form ----

#[derive(Clone, Debug)]
enum Kind {
    Ratio(Ratio),
    Linear(Linear),
    Bands(Bands),
    Relative(Relative),
    Rank(Rank),
    Percentile(Percentile),
    Gate(Gate),
}

impl Kind {
    fn compile(rule: &Rule, lower: bool) -> Kind {
        match rule {
            Rule::Ratio { target, floor, cap } => Kind::Ratio(Ratio {
                target: *target,
                floor: *floor,
                cap: *cap,
            }),
            Rule::Linear {
                zero_at,
                full_at,
                stretch,
                cap,
            } => Kind::Linear(Linear {
                zero_at: *zero_at,
                full_at: *full_at,
                stretch: *stretch,
                knots: linear_knots(*zero_at, *full_at, *stretch),
                cap: *cap,
            }),
            Rule::Bands { bands, otherwise } => Kind::Bands(Bands {
                bands: sorted_bands(bands, lower),
                otherwise: *otherwise,
            }),
            Rule::Relative { cap } => Kind::Relative(Relative { cap: *cap }),
            Rule::Rank => Kind::Rank(Rank),
            Rule::Percentile => Kind::Percentile(Percentile),
            Rule::Gate {
                threshold,
                zero_total,
            } => Kind::Gate(Gate {
                threshold: *threshold,
                zero_total: *zero_total,
            }),
        }
    }

    fn def(&self) -> &dyn Def {
        match self {
            Kind::Ratio(k) => k,
            Kind::Linear(k) => k,
            Kind::Bands(k) => k,
            Kind::Relative(k) => k,
            Kind::Rank(k) => k,
            Kind::Percentile(k) => k,
            Kind::Gate(k) => k,
        }
    }
}

/// One item's rule, compiled with its direction: the one form behind the
/// points, the explanation, the kernel and the Excel formula.
#[derive(Clone, Debug)]
pub struct CompiledRule {
    kind: Kind,
    pub lower: bool,
}

impl CompiledRule {
    pub fn new(rule: &Rule, lower: bool) -> CompiledRule {
        CompiledRule {
            kind: Kind::compile(rule, lower),
            lower,
        }
    }

    pub fn needs(&self) -> Needs {
        self.kind.def().needs()
    }

    /// Points for value `x` (NaN is missing: 0 points).
    pub fn points(&self, x: f64, team: &Team) -> f64 {
        if x.is_nan() {
            0.0
        } else {
            self.kind.def().points(x, self.lower, team)
        }
    }

    /// Points of every value of `vals` into `out`.
    pub fn points_into(&self, vals: &[f64], team: &Team, out: &mut Vec<f64>) {
        self.kind.def().points_into(vals, self.lower, team, out);
    }

    /// How value `x`'s points came about.
    pub fn explain(&self, x: f64, team: &Team) -> Explain {
        if x.is_nan() {
            Explain::Missing
        } else {
            self.kind.def().explain(x, self.lower, team)
        }
    }

    /// Excel's points for value cell `x` over the value column `range`; a
    /// missing value (not a number) scores 0.
    pub fn formula(&self, x: &str, range: &str) -> String {
        let body = self.kind.def().formula(x, self.lower, range);
        format!("IF(ISNUMBER({x}),{body},0)")
    }

    pub fn max_points(&self) -> f64 {
        self.kind.def().max_points()
    }

    pub fn problem(&self) -> Option<Msg> {
        self.kind.def().problem()
    }

    /// Whether 0 points from a present value zeroes the whole total.
    pub fn zeroes_total(&self) -> bool {
        self.kind.def().zeroes_total()
    }

    /// The rule's numbers in words (values through `val`, points through `pts`).
    pub fn detail(&self, val: &dyn Fn(f64) -> String, pts: &dyn Fn(f64) -> String) -> String {
        self.kind.def().detail(val, pts)
    }
}
