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
//! history, or the user's value; Cholesky), else independently. A formula
//! column (e.g. 客服销售额 = 询单人数 × 询单转化率 × 客单价) is not drawn: its
//! inputs are, and the formula engine recomputes it each month over the
//! drawn team ([`recompute`]; [`Forecast::recomputed`] names them, and
//! [`variabilities`] marks them [`CvSource::Formula`]). `cv` is estimated per metric
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
//! is metric, then agent (the plan's columns, the model's, then formula
//! inputs).
//!
//! **Kernel.** A month allocates nothing once the buffers have grown: the
//! plan's [`Scratch`] and the payout's [`PayScratch`] are reused, rank and
//! percentile take one integer sort and one pass per item
//! ([`crate::model::plan::Team::runs`]), forced grades one integer sort,
//! score-table coefficients are looked up in precompiled steps. Only a
//! recomputed formula column goes through the formula engine's own
//! evaluation, which allocates its result column.

use super::formula::calc::resolve;
use super::payout::{
    clamp_unit, column_values, percentile_inc, Compiled, Inputs, PayScratch, PayoutModel,
};
use super::plan::Plan;
use super::table::Table;
use super::Unit;

/// The plan's compiled form and its buffers live with the rule engine
/// (`plan/engine.rs`); the forecast and the cliff scan run its kernel.
pub use super::plan::{CompiledPlan as ScoreKernel, Scratch};

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
    /// Formula columns recomputed each month from drawn inputs
    /// ([`recompute`]): the inputs (table columns) with their current
    /// values, (cv, unit) and draw group; which items and slots read a
    /// recomputed column; the month's copy of the columns involved.
    inputs: Vec<usize>,
    base_inputs: Vec<Vec<f64>>,
    input_draw: Vec<(f64, Unit)>,
    input_group: Vec<usize>,
    item_recomputed: Vec<bool>,
    slot_recomputed: Vec<bool>,
    recompute: Option<recompute::Recompute>,
    /// The recomputed columns' names (table headers).
    recomputed: Vec<String>,
    input_buf: Vec<f64>,
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
    pay_scratch: PayScratch,
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
        // Formula columns the variabilities mark as recomputed, and their
        // inputs: drawn after the items' and slots' columns, each once.
        let formula_cols: Vec<usize> = vars
            .iter()
            .filter(|v| v.source == CvSource::Formula)
            .filter_map(|v| resolve(table, &v.column))
            .collect();
        let (asked, formulas, inputs) = recompute::plan_recompute(table, &formula_cols);
        let input_group: Vec<usize> = inputs.iter().map(|c| group(Some(*c))).collect();
        let groups = group_cols.len();
        let is_recomputed = |c: &Option<usize>| c.is_some_and(|c| asked.contains(&c));
        let item_recomputed: Vec<bool> = kernel.columns.iter().map(is_recomputed).collect();
        let slot_recomputed: Vec<bool> = pay.slot_columns.iter().map(is_recomputed).collect();
        let input_draw: Vec<(f64, Unit)> = inputs.iter().map(|c| cv_of(Some(*c))).collect();
        let base_inputs: Vec<Vec<f64>> = inputs
            .iter()
            .map(|c| column_values(table, Some(*c), &rows))
            .collect();
        // (With no input drawn, every month recomputes the table's values.)
        let recompute = (!asked.is_empty())
            .then(|| recompute::Recompute::new(table, &rows, &formulas, &inputs));
        let recomputed = asked
            .iter()
            .filter_map(|c| table.columns.get(*c).map(|c| c.name.clone()))
            .collect();
        let base_items: Vec<Vec<f64>> = kernel
            .columns
            .iter()
            .map(|c| column_values(table, *c, &rows))
            .collect();
        let base_slots = pay.inputs(table, &rows);
        // A recomputed column is not drawn itself.
        let held = |(d, r): ((f64, Unit), &bool)| if *r { (0.0, d.1) } else { d };
        let item_draw: Vec<(f64, Unit)> = kernel
            .columns
            .iter()
            .map(|c| cv_of(*c))
            .zip(&item_recomputed)
            .map(held)
            .collect();
        let slot_draw: Vec<(f64, Unit)> = pay
            .slot_columns
            .iter()
            .map(|c| cv_of(*c))
            .zip(&slot_recomputed)
            .map(held)
            .collect();
        let mut group_drawn = vec![false; groups];
        for (g, d) in item_group
            .iter()
            .zip(&item_draw)
            .chain(slot_group.iter().zip(&slot_draw))
            .chain(input_group.iter().zip(&input_draw))
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
            inputs,
            base_inputs,
            input_draw,
            input_group,
            item_recomputed,
            slot_recomputed,
            recompute,
            recomputed,
            input_buf: Vec::new(),
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
            pay_scratch: PayScratch::default(),
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

    /// The formula columns recomputed each month from drawn inputs rather
    /// than drawn (table headers, in the order the plan and model read them).
    pub fn recomputed(&self) -> &[String] {
        &self.recomputed
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
            if let Some(rc) = self.recompute.as_mut() {
                for (j, c) in self.inputs.iter().enumerate() {
                    let (Some(b), Some(d), Some(g)) = (
                        self.base_inputs.get(j),
                        self.input_draw.get(j),
                        self.input_group.get(j),
                    ) else {
                        continue;
                    };
                    if d.0 == 0.0 {
                        continue;
                    }
                    fill_one(b, *d, self.draws.get(*g), &mut self.input_buf);
                    rc.set(*c, &self.input_buf);
                }
                rc.run();
                let outs = self
                    .kernel
                    .columns
                    .iter()
                    .zip(&self.item_recomputed)
                    .zip(self.items_buf.iter_mut())
                    .chain(
                        self.pay
                            .slot_columns
                            .iter()
                            .zip(&self.slot_recomputed)
                            .zip(self.slots_buf.iter_mut()),
                    );
                for ((c, r), out) in outs {
                    if let (true, Some(c)) = (*r, c) {
                        rc.get(*c, out);
                    }
                }
            }
            self.kernel.score(&self.items_buf, &mut self.scratch, false);
            self.pay.evaluate_into(
                &self.scratch.totals,
                &self.scratch.grades,
                &self.kernel.grade_labels,
                &self.slots_buf,
                None,
                &mut self.pay_scratch,
            );
            let pays = &self.pay_scratch.pays;
            let at = month - self.start;
            if let (Some(t), Some(h)) = (self.totals.get_mut(at), self.have.get_mut(at)) {
                *t = super::payout::sum_fen(pays);
                if !*h {
                    *h = true;
                    self.filled += 1;
                }
            }
            if month < self.keep_months {
                if let Some(dst) = self.agent_pays.get_mut(at * n..(at + 1) * n) {
                    for (d, p) in dst.iter_mut().zip(pays) {
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
        let (Some(b), Some(d), Some(g)) = (base.get(i), draw.get(i), group.get(i)) else {
            continue;
        };
        fill_one(b, *d, draws.get(*g), o);
    }
}

/// One column of [`fill`]: `out[a] = base[a] × (1 + cv × z[a])`, kept in
/// the unit's range; a missing value, or cv 0, keeps the value.
fn fill_one(base: &[f64], (cv, unit): (f64, Unit), z: Option<&Vec<f64>>, out: &mut Vec<f64>) {
    out.resize(base.len(), f64::NAN);
    for (a, (slot, &v)) in out.iter_mut().zip(base).enumerate() {
        *slot = if cv == 0.0 || v.is_nan() {
            v
        } else {
            let zz = z.and_then(|z| z.get(a)).copied().unwrap_or(0.0);
            clamp_unit(v * (1.0 + cv * zz), unit)
        };
    }
}

// ---- forecast in workers (#16): the random streams, the joint draws and
// the pieces workers compute live in these submodules.
use serde::{Deserialize, Serialize};

pub mod cliff;
pub mod joint;
pub mod parts;
pub mod recompute;
pub mod rng;
pub mod variability;

pub use cliff::{cliff_step, Cause, Cliff, CliffScan};
pub use parts::{
    split, CliffPart, CliffSpec, Correlation, ForecastSpec, Partial, SolveReply, SolveSpec,
};
pub use rng::{ln, normal_inv, Rng, Ziggurat};
pub use variability::{history_cv, variabilities, CvSource, Variability};
