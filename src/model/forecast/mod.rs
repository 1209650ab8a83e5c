//! Risk: the Monte Carlo cost forecast and the pay-cliff scan.
//!
//! Both re-score the plan many times, so they use [`ScoreKernel`]: the
//! plan's compiled form (`plan::CompiledPlan`, `plan/engine.rs`) over plain
//! `f64` columns (NaN is missing) — the very code `plan::score` runs, so the
//! totals and grades agree by construction (without the explanations).
//!
//! **Forecast model.** Each simulated month draws, for every agent and every
//! metric the plan or the payout model reads (sales, gates; not the days or
//! pool-base columns, which are held), `v × (1 + cv × z)` with `z` standard
//! normal, kept in the unit's range. The `z` of one agent's metrics are
//! drawn jointly when a correlation applies ([`joint`]: from ≥ 3 months of
//! history, or the user's value; Cholesky), else independently. Formula
//! columns (e.g. 客服销售额) are still drawn as metrics in their own right
//! rather than recomputed from drawn inputs. `cv` is estimated per metric
//! from the monthly tables when at least 3 months hold it (the median over
//! agents present in ≥ 3 of them of their month-to-month coefficient of
//! variation), otherwise the user's value.
//!
//! **Reproducibility.** The generator is xoshiro256** seeded by SplitMix64;
//! month `m` draws from it jumped `m` times (2^128 steps each, [`rng`]), and
//! normals come from a ziggurat whose tables and rare branches use `libm`,
//! so the same seed gives the same months bit for bit natively and in every
//! browser, and any split of the months across workers or chunks merges
//! ([`Forecast::absorb`]) to the same result. Within a month the draw order
//! is metric, then agent.

use super::formula::calc::resolve;
use super::payout::{clamp_unit, column_values, percentile_inc, Compiled, Inputs, PayoutModel};
use super::plan::Plan;
use super::table::Table;
use super::Unit;

/// The plan's compiled form and its buffers live with the rule engine
/// (`plan/engine.rs`); the forecast and the cliff scan run its kernel.
pub use super::plan::{CompiledPlan as ScoreKernel, Scratch};

/// xoshiro256** (Blackman & Vigna), seeded through SplitMix64.
#[derive(Clone, Debug)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut x = seed;
        let mut next = || {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Rng {
            s: [next(), next(), next(), next()],
        }
    }

    pub fn next_u64(&mut self) -> u64 {
        let [s0, s1, s2, s3] = &mut self.s;
        let result = s1.wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = *s1 << 17;
        *s2 ^= *s0;
        *s3 ^= *s1;
        *s1 ^= *s2;
        *s0 ^= *s3;
        *s2 ^= t;
        *s3 = s3.rotate_left(45);
        result
    }

    /// Uniform in the open interval (0, 1).
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// Standard normal (by the inverse CDF; the forecast uses [`Ziggurat`]).
    pub fn normal(&mut self) -> f64 {
        normal_inv(self.uniform())
    }
}

/// Natural logarithm from basic operations only (same bits on every platform).
pub fn ln(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return x;
    }
    let mut bits = x.to_bits();
    let mut e: i64 = ((bits >> 52) & 0x7ff) as i64;
    if e == 0 {
        // Subnormal: scale up by 2^54.
        let y = x * 18_014_398_509_481_984.0;
        bits = y.to_bits();
        e = ((bits >> 52) & 0x7ff) as i64 - 54;
    }
    let mut m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    let mut k = e - 1023;
    if m > std::f64::consts::SQRT_2 {
        m /= 2.0;
        k += 1;
    }
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    // 2·atanh(s) = 2(s + s³/3 + s⁵/5 + …); |s| < 0.172 so 12 terms exceed f64 precision.
    let mut term = s;
    let mut sum = 0.0;
    let mut d = 1.0;
    for _ in 0..12 {
        sum += term / d;
        term *= s2;
        d += 2.0;
    }
    2.0 * sum + k as f64 * std::f64::consts::LN_2
}

/// Acklam's inverse of the standard normal CDF (relative error < 1.2e-9).
pub fn normal_inv(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    let [a0, a1, a2, a3, a4, a5] = A;
    let [b0, b1, b2, b3, b4] = B;
    let [c0, c1, c2, c3, c4, c5] = C;
    let [d0, d1, d2, d3] = D;
    let tail = |q: f64| {
        (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5)
            / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1.0)
    };
    const P_LOW: f64 = 0.02425;
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if p >= 1.0 {
        return f64::INFINITY;
    }
    if p < P_LOW {
        tail((-2.0 * ln(p)).sqrt())
    } else if p <= 1.0 - P_LOW {
        let q = p - 0.5;
        let r = q * q;
        (((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q
            / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1.0)
    } else {
        -tail((-2.0 * ln(1.0 - p)).sqrt())
    }
}

/// Where a metric's variability comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CvSource {
    /// Estimated from this many monthly tables.
    History(usize),
    /// The user's value (fewer than 3 months hold the metric).
    Default,
    /// Held at its current value (days worked, pool bases).
    Held,
}

/// One simulated metric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Variability {
    pub column: String,
    pub cv: f64,
    pub source: CvSource,
}

/// The coefficient of variation of `column` across `months` (each a
/// table), when at least 3 hold it: per agent present (with a number) in
/// ≥ 3 months, sample standard deviation ÷ |mean|; the median over agents.
pub fn history_cv(months: &[&Table], column: &str) -> Option<(f64, usize)> {
    let holding: Vec<(&Table, usize)> = months
        .iter()
        .filter_map(|t| resolve(t, column).map(|c| (*t, c)))
        .collect();
    if holding.len() < 3 {
        return None;
    }
    // By name; the map's order does not matter (the CVs are sorted below).
    let mut per_agent: std::collections::HashMap<String, Vec<f64>> =
        std::collections::HashMap::new();
    for (t, c) in &holding {
        for r in 0..t.len() {
            let Some(v) = t.cell(r, *c).and_then(super::Cell::number) else {
                continue;
            };
            let name = t.agent_name(r);
            if name.is_empty() {
                continue;
            }
            per_agent.entry(name).or_default().push(v);
        }
    }
    let mut cvs: Vec<f64> = per_agent
        .values()
        .filter(|v| v.len() >= 3)
        .filter_map(|v| {
            let n = v.len() as f64;
            let mean = v.iter().sum::<f64>() / n;
            if mean == 0.0 {
                return None;
            }
            let var = v.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1.0);
            Some(var.sqrt() / mean.abs())
        })
        .collect();
    if cvs.is_empty() {
        return None;
    }
    cvs.sort_by(|a, b| a.total_cmp(b));
    Some((percentile_inc(&cvs, 0.5), holding.len()))
}

/// The metrics a forecast draws, with their variability: the plan's items,
/// then the payout model's sales and gate columns (each column once).
pub fn variabilities(
    months: &[&Table],
    table: &Table,
    plan: &Plan,
    model: &PayoutModel,
    default_cv: f64,
) -> Vec<Variability> {
    let mut names: Vec<(String, bool)> = plan
        .items
        .iter()
        .map(|i| (i.column.clone(), true))
        .collect();
    for c in &model.components {
        if let super::payout::Component::Commission { column, .. } = c {
            names.push((column.clone(), true));
        }
    }
    names.extend(model.gates.iter().map(|g| (g.column.clone(), true)));
    names.extend(model.prorate.iter().map(|p| (p.column.clone(), false)));
    let mut seen: Vec<(Option<usize>, String)> = Vec::new();
    let mut out = Vec::new();
    for (name, drawn) in names {
        let c = resolve(table, &name);
        let key = name.trim().to_lowercase();
        if seen
            .iter()
            .any(|(sc, sn)| (c.is_some() && *sc == c) || *sn == key)
        {
            // A column both drawn and held (a gate on days worked) is drawn.
            continue;
        }
        seen.push((c, key));
        let (cv, source) = if !drawn {
            (0.0, CvSource::Held)
        } else {
            match history_cv(months, &name) {
                Some((cv, m)) => (cv, CvSource::History(m)),
                None => (default_cv, CvSource::Default),
            }
        };
        out.push(Variability {
            column: name,
            cv,
            source,
        });
    }
    out
}

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

/// Most agent-months kept for per-agent ranges (16 MB of f64).
pub const AGENT_MONTHS_KEPT: usize = 2_000_000;

/// Most months one forecast may ask for: 100,000 months keep the totals
/// under 1 MB and a run under a minute on one core; a larger request is
/// refused with this limit named (`Msg::McTooMany`).
pub const MAX_MONTHS: usize = 100_000;

/// A Monte Carlo forecast in progress; [`Forecast::run`] advances it in
/// chunks so a page can show progress and stop it. Month `m` always draws
/// from the seed's stream jumped `m` times, so any split of the months
/// ([`Forecast::part`]) merged with [`Forecast::absorb`] gives the same bits.
#[derive(Clone, Debug)]
pub struct Forecast {
    kernel: ScoreKernel,
    pay: Compiled,
    rows: Vec<usize>,
    /// Current values per plan item and per pay slot.
    base_items: Vec<Vec<f64>>,
    base_slots: Inputs,
    /// (cv, unit) per plan item and per pay slot; cv 0 holds the value.
    item_draw: Vec<(f64, Unit)>,
    slot_draw: Vec<(f64, Unit)>,
    /// Draw group per item and slot: the same column is drawn once.
    item_group: Vec<usize>,
    slot_group: Vec<usize>,
    groups: usize,
    /// Whether a group is drawn at all (some member has cv > 0).
    group_drawn: Vec<bool>,
    /// How the drawn groups are correlated (identity when independent).
    joint: joint::Joint,
    /// The generator at the start of month `next`.
    rng: Rng,
    zig: Ziggurat,
    target: usize,
    /// This instance computes months `start..end`; `next` is the next one.
    start: usize,
    end: usize,
    next: usize,
    budget: Option<f64>,
    /// Totals of months `start..end` in month order; `have` marks those in.
    totals: Vec<f64>,
    have: Vec<bool>,
    filled: usize,
    /// Pays of months `start..min(end, keep_months)`, month-major.
    agent_pays: Vec<f64>,
    keep_months: usize,
    /// Months (from `start`) already handed out by [`Forecast::take_partial`].
    taken: usize,
    scratch: Scratch,
    items_buf: Vec<Vec<f64>>,
    slots_buf: Inputs,
    draws: Vec<Vec<f64>>,
    /// What it was built from, so it can be rebuilt elsewhere (a worker).
    spec: ForecastSpec,
}

impl Forecast {
    /// Sets up `months` simulated months of `plan` × `model` on `table`,
    /// drawing each column with the cv given for it in `vars` (by name),
    /// independently.
    pub fn new(
        table: &Table,
        plan: &Plan,
        model: &PayoutModel,
        vars: &[Variability],
        months: usize,
        seed: u64,
    ) -> Forecast {
        Forecast::from_spec(ForecastSpec {
            table: table.clone(),
            plan: plan.clone(),
            model: model.clone(),
            vars: vars.to_vec(),
            months,
            seed,
            correlation: Correlation::default(),
        })
    }

    /// Builds the forecast a [`ForecastSpec`] describes (all its months).
    pub fn from_spec(spec: ForecastSpec) -> Forecast {
        let months = spec.months;
        let table = &spec.table;
        let (plan, model, vars) = (&spec.plan, &spec.model, &spec.vars);
        let kernel = ScoreKernel::new(plan, table);
        let pay = Compiled::new(model, table, &kernel.grade_labels);
        let rows = plan.members(table);
        let cv_of = |c: Option<usize>| -> (f64, Unit) {
            let unit = c
                .and_then(|c| table.columns.get(c))
                .map(|c| c.unit)
                .unwrap_or(Unit::Number);
            let cv = vars
                .iter()
                .find(|v| c.is_some() && resolve(table, &v.column) == c)
                .filter(|v| v.source != CvSource::Held)
                .map(|v| v.cv.max(0.0))
                .unwrap_or(0.0);
            (cv, unit)
        };
        let mut group_cols: Vec<Option<usize>> = Vec::new();
        let mut group = |c: Option<usize>| -> usize {
            match group_cols.iter().position(|g| g.is_some() && *g == c) {
                Some(i) => i,
                None => {
                    group_cols.push(c);
                    group_cols.len() - 1
                }
            }
        };
        let item_group: Vec<usize> = kernel.columns.iter().map(|c| group(*c)).collect();
        let slot_group: Vec<usize> = pay.slot_columns.iter().map(|c| group(*c)).collect();
        let groups = group_cols.len();
        let base_items: Vec<Vec<f64>> = kernel
            .columns
            .iter()
            .map(|c| column_values(table, *c, &rows))
            .collect();
        let base_slots = pay.inputs(table, &rows);
        let item_draw: Vec<(f64, Unit)> = kernel.columns.iter().map(|c| cv_of(*c)).collect();
        let slot_draw: Vec<(f64, Unit)> = pay.slot_columns.iter().map(|c| cv_of(*c)).collect();
        let mut group_drawn = vec![false; groups];
        for (g, d) in item_group
            .iter()
            .zip(&item_draw)
            .chain(slot_group.iter().zip(&slot_draw))
        {
            if d.0 > 0.0 {
                if let Some(x) = group_drawn.get_mut(*g) {
                    *x = true;
                }
            }
        }
        // The drawn groups' columns, in group order, for the correlation.
        let drawn_cols: Vec<Option<usize>> = group_cols
            .iter()
            .zip(&group_drawn)
            .filter(|(_, d)| **d)
            .map(|(c, _)| *c)
            .collect();
        let joint = joint::Joint::new(table, &drawn_cols, &spec.correlation);
        let n = rows.len();
        let keep_months = AGENT_MONTHS_KEPT
            .checked_div(n)
            .map(|k| months.min(k))
            .unwrap_or(0);
        let mut f = Forecast {
            items_buf: base_items.clone(),
            slots_buf: base_slots.clone(),
            draws: vec![vec![0.0; n]; groups],
            kernel,
            pay,
            rows,
            base_items,
            base_slots,
            item_draw,
            slot_draw,
            item_group,
            slot_group,
            groups,
            group_drawn,
            joint,
            rng: Rng::new(spec.seed),
            zig: Ziggurat::new(),
            target: months,
            start: 0,
            end: 0,
            next: 0,
            budget: model.budget,
            totals: Vec::new(),
            have: Vec::new(),
            filled: 0,
            agent_pays: Vec::new(),
            keep_months,
            taken: 0,
            scratch: Scratch::default(),
            spec,
        };
        f.restrict(0, months);
        f
    }

    /// The forecast of months `start..end` only (clamped to the months asked
    /// for), for one worker: its partial results merge into the whole with
    /// [`Forecast::absorb`].
    pub fn part(spec: ForecastSpec, start: usize, end: usize) -> Forecast {
        let mut f = Forecast::from_spec(spec);
        f.restrict(start, end);
        f
    }

    fn restrict(&mut self, start: usize, end: usize) {
        let end = end.min(self.target);
        let start = start.min(end);
        let n = self.rows.len();
        self.start = start;
        self.end = end;
        self.next = start;
        self.taken = 0;
        self.filled = 0;
        self.totals = vec![0.0; end - start];
        self.have = vec![false; end - start];
        let kept = self.keep_months.min(end).saturating_sub(start);
        self.agent_pays = vec![0.0; kept * n];
        self.rng = Rng::new(self.spec.seed);
        for _ in 0..start {
            self.rng.jump();
        }
    }

    /// What it was built from.
    pub fn spec(&self) -> &ForecastSpec {
        &self.spec
    }

    /// The correlations the draws use (drawn columns by name, row-major).
    pub fn correlations(&self) -> &joint::Joint {
        &self.joint
    }

    /// Months done and months asked for.
    pub fn progress(&self) -> (usize, usize) {
        (self.filled, self.end - self.start)
    }

    pub fn done(&self) -> bool {
        self.filled >= self.end - self.start
    }

    /// Agents simulated per month.
    pub fn agents(&self) -> usize {
        self.rows.len()
    }

    /// Simulates up to `chunk` more months; true when finished.
    pub fn run(&mut self, chunk: usize) -> bool {
        let n = self.rows.len();
        for _ in 0..chunk {
            if self.next >= self.end {
                break;
            }
            let month = self.next;
            let mut rng = self.rng.clone();
            self.rng.jump();
            // One standard normal per drawn column group and agent, group
            // by group, then mixed per agent by the correlation.
            for g in 0..self.groups {
                if !self.group_drawn.get(g).copied().unwrap_or(false) {
                    continue;
                }
                let Some(d) = self.draws.get_mut(g) else {
                    continue;
                };
                for z in d.iter_mut().take(n) {
                    *z = self.zig.normal(&mut rng);
                }
            }
            self.joint.mix(&self.group_drawn, &mut self.draws);
            fill(
                &self.base_items,
                &self.item_draw,
                &self.item_group,
                &self.draws,
                &mut self.items_buf,
            );
            fill(
                &self.base_slots,
                &self.slot_draw,
                &self.slot_group,
                &self.draws,
                &mut self.slots_buf,
            );
            self.kernel.score(&self.items_buf, &mut self.scratch, false);
            let pays = self.pay.evaluate(
                &self.scratch.totals,
                &self.scratch.grades,
                &self.kernel.grade_labels,
                &self.slots_buf,
                None,
            );
            let at = month - self.start;
            if let (Some(t), Some(h)) = (self.totals.get_mut(at), self.have.get_mut(at)) {
                *t = super::payout::sum_fen(&pays);
                if !*h {
                    *h = true;
                    self.filled += 1;
                }
            }
            if month < self.keep_months {
                if let Some(dst) = self.agent_pays.get_mut(at * n..(at + 1) * n) {
                    for (d, p) in dst.iter_mut().zip(&pays) {
                        *d = *p;
                    }
                }
            }
            self.next += 1;
        }
        self.done()
    }

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
        let n = self.rows.len();
        let months = p.totals.len();
        let Some(end) = p.start.checked_add(months) else {
            return false;
        };
        if p.start < self.start || end > self.end {
            return false;
        }
        let kept = self.keep_months.min(end).saturating_sub(p.start);
        if p.pays.len() != kept * n {
            return false;
        }
        for (k, t) in p.totals.iter().enumerate() {
            let at = p.start + k - self.start;
            if let (Some(slot), Some(h)) = (self.totals.get_mut(at), self.have.get_mut(at)) {
                *slot = *t;
                if !*h {
                    *h = true;
                    self.filled += 1;
                }
            }
            if k < kept {
                let (src, dst) = (
                    p.pays.get(k * n..(k + 1) * n),
                    self.agent_pays.get_mut(at * n..(at + 1) * n),
                );
                if let (Some(src), Some(dst)) = (src, dst) {
                    dst.copy_from_slice(src);
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
        sorted.sort_by(|a, b| a.total_cmp(b));
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
        let mut s = Vec::with_capacity(kept.len());
        let per_agent = self
            .rows
            .iter()
            .enumerate()
            .map(|(a, r)| {
                s.clear();
                s.extend(
                    kept.iter()
                        .filter_map(|k| self.agent_pays.get(k * n + a).copied()),
                );
                // Order statistics by selection: the same values a sort gives.
                (
                    *r,
                    percentile_select(&mut s, 0.05),
                    percentile_select(&mut s, 0.5),
                    percentile_select(&mut s, 0.95),
                )
            })
            .collect();
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

/// `out[i][a] = base[i][a] × (1 + cv_i × draws[group_i][a])`, kept in range.
fn fill(
    base: &[Vec<f64>],
    draw: &[(f64, Unit)],
    group: &[usize],
    draws: &[Vec<f64>],
    out: &mut [Vec<f64>],
) {
    for (i, o) in out.iter_mut().enumerate() {
        let (Some(b), Some((cv, unit)), Some(g)) = (base.get(i), draw.get(i), group.get(i)) else {
            continue;
        };
        let z = draws.get(*g);
        for (a, slot) in o.iter_mut().enumerate() {
            let v = b.get(a).copied().unwrap_or(f64::NAN);
            *slot = if *cv == 0.0 || v.is_nan() {
                v
            } else {
                let zz = z.and_then(|z| z.get(a)).copied().unwrap_or(0.0);
                clamp_unit(v * (1.0 + cv * zz), *unit)
            };
        }
    }
}

/// What caused a cliff.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Cause {
    /// A plan item's points changed (item index, points before, after).
    Item(usize, f64, f64),
    /// The grade changed (before, after).
    Grade(usize, usize),
    /// A payout component's amount jumped (component index).
    Component(usize),
    /// A payout gate passed or failed (gate index).
    Gate(usize),
}

/// A place where a small move in one metric swings one agent's pay.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cliff {
    pub row: usize,
    pub agent: String,
    pub column: String,
    /// The move, in stored units (0.01 is 1 pp for a share).
    pub step: f64,
    /// Whether the step is relative (1 % of the value) rather than absolute.
    pub relative: bool,
    pub pay_before: f64,
    pub pay_after: f64,
    pub causes: Vec<Cause>,
}

impl Cliff {
    pub fn change(&self) -> f64 {
        self.pay_after - self.pay_before
    }
}

/// The step a cliff scan moves a metric of `unit` by: 1 pp for a share,
/// 1 s, 1 day or 1 point; otherwise 1 % of the value (relative).
pub fn cliff_step(unit: Unit) -> (f64, bool) {
    match unit {
        Unit::Percent => (0.01, false),
        Unit::Seconds | Unit::Days | Unit::Points => (1.0, false),
        _ => (0.01, true),
    }
}

/// A pay-cliff scan in progress (chunked like [`Forecast`]): for each agent
/// and each metric the plan or model reads, moves the value one step up and
/// one step down with everyone else held, and keeps the moves that change
/// the agent's pay by more than `share` of the larger of the two pays.
#[derive(Clone, Debug)]
pub struct CliffScan {
    kernel: ScoreKernel,
    pay: Compiled,
    rows: Vec<usize>,
    names: Vec<String>,
    items: Vec<Vec<f64>>,
    slots: Inputs,
    /// The drawn columns: (name, table column, unit).
    metrics: Vec<(String, Option<usize>, Unit)>,
    base_pays: Vec<f64>,
    base_points: Vec<f64>,
    base_grades: Vec<usize>,
    base_parts: Vec<super::payout::AgentPay>,
    share: f64,
    /// This instance scans agents `start..end`; `next_agent` is the next one.
    start: usize,
    end: usize,
    next_agent: usize,
    /// Agents scanned here or taken in from workers.
    scanned: usize,
    scratch: Scratch,
    pub found: Vec<Cliff>,
    spec: CliffSpec,
}

impl CliffScan {
    pub fn new(table: &Table, plan: &Plan, model: &PayoutModel, share: f64) -> CliffScan {
        CliffScan::from_spec(CliffSpec {
            table: table.clone(),
            plan: plan.clone(),
            model: model.clone(),
            share,
        })
    }

    /// Agents `start..end` of the scan `spec` describes, for one worker.
    pub fn part(spec: CliffSpec, start: usize, end: usize) -> CliffScan {
        let mut s = CliffScan::from_spec(spec);
        s.end = end.min(s.rows.len());
        s.start = start.min(s.end);
        s.next_agent = s.start;
        s
    }

    /// What it was built from.
    pub fn spec(&self) -> &CliffSpec {
        &self.spec
    }

    /// The cliffs found since the last call, with the agents they cover.
    pub fn take_part(&mut self) -> CliffPart {
        let part = CliffPart {
            start: self.start,
            end: self.next_agent,
            found: std::mem::take(&mut self.found),
        };
        self.start = self.next_agent;
        part
    }

    /// Takes in a worker's part; the cliffs are kept in agent order, as one
    /// scan finds them, whatever order the parts arrive in.
    pub fn absorb(&mut self, part: CliffPart) {
        let pos = |r: usize| self.rows.iter().position(|x| *x == r).unwrap_or(usize::MAX);
        let mut found = std::mem::take(&mut self.found);
        self.scanned += part.end.saturating_sub(part.start);
        found.extend(part.found);
        let mut keyed: Vec<(usize, Cliff)> = found.into_iter().map(|c| (pos(c.row), c)).collect();
        keyed.sort_by_key(|(k, _)| *k);
        self.found = keyed.into_iter().map(|(_, c)| c).collect();
    }

    fn from_spec(spec: CliffSpec) -> CliffScan {
        let (table, plan, model, share) = (&spec.table, &spec.plan, &spec.model, spec.share);
        let kernel = ScoreKernel::new(plan, table);
        let pay = Compiled::new(model, table, &kernel.grade_labels);
        let rows = plan.members(table);
        let n_rows = rows.len();
        let names = rows.iter().map(|r| table.agent_name(*r)).collect();
        let items: Vec<Vec<f64>> = kernel
            .columns
            .iter()
            .map(|c| column_values(table, *c, &rows))
            .collect();
        let slots = pay.inputs(table, &rows);
        let vars = variabilities(&[], table, plan, model, 1.0);
        let metrics = vars
            .iter()
            .filter(|v| v.source != CvSource::Held)
            .map(|v| {
                let c = resolve(table, &v.column);
                let unit = c
                    .and_then(|c| table.columns.get(c))
                    .map(|c| c.unit)
                    .unwrap_or(Unit::Number);
                (v.column.clone(), c, unit)
            })
            .filter(|m| m.1.is_some())
            .collect();
        let mut scratch = Scratch::default();
        kernel.score(&items, &mut scratch, true);
        let mut base_parts = Vec::new();
        let base_pays = pay.evaluate(
            &scratch.totals,
            &scratch.grades,
            &kernel.grade_labels,
            &slots,
            Some(&mut base_parts),
        );
        CliffScan {
            base_points: scratch.points.clone(),
            base_grades: scratch.grades.clone(),
            kernel,
            pay,
            rows,
            names,
            items,
            slots,
            metrics,
            base_pays,
            base_parts,
            share,
            start: 0,
            end: n_rows,
            next_agent: 0,
            scanned: 0,
            scratch,
            found: Vec::new(),
            spec,
        }
    }

    /// Agents scanned and agents in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.scanned, self.rows.len())
    }

    /// Scans up to `chunk` more agents; true when finished.
    pub fn run(&mut self, chunk: usize) -> bool {
        let n = self.rows.len();
        let n_items = self.kernel.columns.len();
        for _ in 0..chunk {
            let a = self.next_agent;
            if a >= self.end {
                break;
            }
            self.next_agent += 1;
            self.scanned += 1;
            let before = self.base_pays.get(a).copied().unwrap_or(0.0);
            for (name, col, unit) in self.metrics.clone() {
                let (step, relative) = cliff_step(unit);
                for dir in [1.0, -1.0] {
                    let mut items = self.items.clone();
                    let mut slots = self.slots.clone();
                    let mut moved = false;
                    let mv = |v: &mut f64| {
                        if v.is_nan() {
                            return false;
                        }
                        let d = if relative { v.abs() * step } else { step };
                        *v = clamp_unit(*v + dir * d, unit);
                        true
                    };
                    for (i, c) in self.kernel.columns.iter().enumerate() {
                        if *c == col {
                            if let Some(v) = items.get_mut(i).and_then(|v| v.get_mut(a)) {
                                moved |= mv(v);
                            }
                        }
                    }
                    for (s, c) in self.pay.slot_columns.iter().enumerate() {
                        if *c == col {
                            if let Some(v) = slots.get_mut(s).and_then(|v| v.get_mut(a)) {
                                moved |= mv(v);
                            }
                        }
                    }
                    if !moved {
                        continue;
                    }
                    self.kernel.score(&items, &mut self.scratch, true);
                    let mut parts = Vec::new();
                    let pays = self.pay.evaluate(
                        &self.scratch.totals,
                        &self.scratch.grades,
                        &self.kernel.grade_labels,
                        &slots,
                        Some(&mut parts),
                    );
                    let after = pays.get(a).copied().unwrap_or(0.0);
                    let big = before.abs().max(after.abs());
                    if big == 0.0 || (after - before).abs() <= self.share * big {
                        continue;
                    }
                    let mut causes = Vec::new();
                    for i in 0..n_items {
                        let p0 = self.base_points.get(i * n + a).copied().unwrap_or(0.0);
                        let p1 = self.scratch.points.get(i * n + a).copied().unwrap_or(0.0);
                        if p0 != p1 {
                            causes.push(Cause::Item(i, p0, p1));
                        }
                    }
                    let g0 = self.base_grades.get(a).copied().unwrap_or(0);
                    let g1 = self.scratch.grades.get(a).copied().unwrap_or(0);
                    if g0 != g1 {
                        causes.push(Cause::Grade(g0, g1));
                    }
                    if let (Some(b), Some(x)) = (self.base_parts.get(a), parts.get(a)) {
                        for (gi, _) in self.pay.model.gates.iter().enumerate() {
                            if b.failed_gates.contains(&gi) != x.failed_gates.contains(&gi) {
                                causes.push(Cause::Gate(gi));
                            }
                        }
                        for (ci, (p0, p1)) in b.parts.iter().zip(&x.parts).enumerate() {
                            let comp = self.pay.model.components.get(ci);
                            let is_commission =
                                matches!(comp, Some(super::payout::Component::Commission { .. }));
                            if is_commission && (p1 - p0).abs() > self.share * big {
                                causes.push(Cause::Component(ci));
                            }
                        }
                    }
                    self.found.push(Cliff {
                        row: self.rows.get(a).copied().unwrap_or(0),
                        agent: self.names.get(a).cloned().unwrap_or_default(),
                        column: name.clone(),
                        step: dir * step,
                        relative,
                        pay_before: before,
                        pay_after: after,
                        causes,
                    });
                }
            }
        }
        self.next_agent >= self.end
    }

    /// The cliffs found so far, largest swing first.
    pub fn worst(&self, limit: usize) -> Vec<Cliff> {
        let mut v = self.found.clone();
        v.sort_by(|a, b| {
            b.change()
                .abs()
                .total_cmp(&a.change().abs())
                .then(a.row.cmp(&b.row))
        });
        v.truncate(limit);
        v
    }
}

// ---- forecast in workers (#16): the random streams, the joint draws and
// the pieces workers compute live in these submodules.
use serde::{Deserialize, Serialize};

pub mod joint;
pub mod parts;
pub mod rng;

pub use parts::{
    split, CliffPart, CliffSpec, Correlation, ForecastSpec, Partial, SolveReply, SolveSpec,
};
pub use rng::Ziggurat;
