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
//! struct + [`Def`] impl in `own.rs` (rules on the agent's own value) or
//! `team.rs` (rules relative to the team), one arm in [`Kind::compile`] and
//! [`Kind::def`], and its tests (tests/plan.rs; the LibreOffice oracle in
//! tests/sheets recomputes its formula).

mod own;
mod team;

pub use own::{linear_knots, sorted_bands};
use own::{Bands, Gate, Linear, Ratio};
use team::{Percentile, Rank, Relative};

use super::{Explain, Rule};
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
    /// The same order as (key, agent): [`order_key`] of the value and the
    /// agent's index, ties in agent order.
    pub order: &'a [(u64, u32)],
}

impl Team<'static> {
    /// No team: for rules that need none.
    pub const NONE: Team<'static> = Team {
        average: 0.0,
        sorted: &[],
        order: &[],
    };
}

/// Reusable buffers for [`Team::of`] (no allocation per call once grown).
#[derive(Clone, Debug, Default)]
pub struct TeamBuf {
    sorted: Vec<f64>,
    order: Vec<(u64, u32)>,
    tmp: Vec<(u64, u32)>,
    counts: Vec<u32>,
}

/// An integer whose order is the numbers' order (−0 taken as +0, so values
/// equal under `==` get equal keys; NaN above everything).
pub fn order_key(x: f64) -> u64 {
    let b = (x + 0.0).to_bits();
    if b >> 63 == 1 {
        !b
    } else {
        b | (1 << 63)
    }
}

/// The number an [`order_key`] came from.
pub fn from_order_key(k: u64) -> f64 {
    f64::from_bits(if k >> 63 == 1 { k & !(1 << 63) } else { !k })
}

/// The agent index of a [`Team::order`] entry.
pub fn order_index(k: (u64, u32)) -> usize {
    k.1 as usize
}

/// Sorts `v` (keys of [`order_key`], agents) by key, stably; `v` must
/// come in increasing agent order, which is then the order of equal keys.
/// The numbers go into about 2n buckets by value (a monotone map, so the
/// buckets are in order), then an insertion sort moves keys only within
/// their bucket (runs of equal keys cost nothing): a few linear passes for
/// the few hundred drawn values of a month. When that would take long (a
/// far outlier squeezes the rest into one bucket; infinities), it finishes
/// by a comparison sort of (key, agent), the same order. `tmp` and `counts`
/// are reusable buffers (`counts` also keeps each entry's bucket, computed
/// once); `v` and `tmp` may trade storage.
pub fn sort_keyed(v: &mut Vec<(u64, u32)>, tmp: &mut Vec<(u64, u32)>, counts: &mut Vec<u32>) {
    let n = v.len();
    if n < 2 {
        return;
    }
    // The extremes by key are the extremes by value (the key is monotone),
    // and NaN and the infinities have keys beyond every finite one, so a
    // value that is not finite shows at one end.
    let (mut kmin, mut kmax) = (u64::MAX, 0u64);
    for e in v.iter() {
        kmin = kmin.min(e.0);
        kmax = kmax.max(e.0);
    }
    let (lo, hi) = (from_order_key(kmin), from_order_key(kmax));
    if !lo.is_finite() || !hi.is_finite() {
        v.sort_unstable();
        return;
    }
    if kmin == kmax {
        return;
    }
    let top = 2 * n;
    let scale = top as f64 / (hi - lo);
    if !scale.is_finite() || scale <= 0.0 {
        v.sort_unstable();
        return;
    }
    // Nondecreasing in x: a subtraction, a positive product, a floor, a min.
    counts.clear();
    counts.resize(top + 1 + n, 0);
    let (hist, ids) = counts.split_at_mut(top + 1);
    for (e, id) in v.iter().zip(ids.iter_mut()) {
        let b = (((from_order_key(e.0) - lo) * scale) as usize).min(top);
        *id = b as u32;
        if let Some(c) = hist.get_mut(b) {
            *c += 1;
        }
    }
    let mut sum = 0u32;
    for c in hist.iter_mut() {
        let k = *c;
        *c = sum;
        sum += k;
    }
    tmp.clear();
    tmp.resize(n, (0, 0));
    for (e, id) in v.iter().zip(ids.iter()) {
        if let Some(o) = hist.get_mut(*id as usize) {
            if let Some(slot) = tmp.get_mut(*o as usize) {
                *slot = *e;
            }
            *o += 1;
        }
    }
    std::mem::swap(v, tmp);
    // Stable insertion sort: a key moves left only past larger keys of its
    // bucket (held aside and put down once, past the entries shifted right).
    let mut budget = 8 * n;
    for i in 1..n {
        let (Some(&cur), Some(prev)) = (v.get(i), v.get(i - 1)) else {
            continue;
        };
        if prev.0 <= cur.0 {
            continue;
        }
        let mut j = i;
        while j > 0 {
            match v.get(j - 1).copied() {
                Some(a) if a.0 > cur.0 => {
                    if let Some(slot) = v.get_mut(j) {
                        *slot = a;
                    }
                }
                _ => break,
            }
            j -= 1;
            budget = budget.saturating_sub(1);
        }
        if let Some(slot) = v.get_mut(j) {
            *slot = cur;
        }
        if budget == 0 {
            v.sort_unstable();
            return;
        }
    }
}

impl<'a> Team<'a> {
    /// The context `needs` asks for over `vals` (NaN is missing), sorting
    /// into `buf` when the order is needed. The average is summed in table
    /// order, so every caller gets the same bits.
    pub fn of(needs: Needs, vals: &[f64], buf: &'a mut TeamBuf) -> Team<'a> {
        buf.sorted.clear();
        buf.order.clear();
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
                let present = vals.iter().enumerate().filter(|(_, v)| !v.is_nan());
                buf.order
                    .extend(present.map(|(i, v)| (order_key(*v), i as u32)));
                sort_keyed(&mut buf.order, &mut buf.tmp, &mut buf.counts);
                buf.sorted
                    .extend(buf.order.iter().map(|k| from_order_key(k.0)));
            }
        }
        Team {
            average,
            sorted: &buf.sorted,
            order: &buf.order,
        }
    }

    /// For each run of equal present values in the order, `(agents below,
    /// agents above, present agents)` and the agents of the run: how the
    /// team rules get every agent's counts in one pass instead of two
    /// binary searches each.
    pub fn runs(&self, mut each: impl FnMut(usize, usize, usize, &[(u64, u32)])) {
        let n = self.sorted.len();
        let mut i = 0;
        while i < n {
            let v = self.sorted.get(i).copied().unwrap_or(f64::NAN);
            let mut j = i + 1;
            while self.sorted.get(j).is_some_and(|w| *w == v) {
                j += 1;
            }
            each(i, n - j, n, self.order.get(i..j).unwrap_or_default());
            i = j;
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

/// `x.max(y)` by comparisons (a NaN argument gives the other one), so
/// the kernel's inner loops do not call out to `fmax` (they do on x86-64
/// and wasm32 at the release profile's `opt-level = "z"`).
#[inline]
pub fn max_num(x: f64, y: f64) -> f64 {
    if x.is_nan() || x < y {
        y
    } else {
        x
    }
}

/// `x.min(y)` by comparisons (a NaN argument gives the other one).
#[inline]
pub fn min_num(x: f64, y: f64) -> f64 {
    if y.is_nan() || x < y {
        x
    } else {
        y
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
