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
//! ([`crate::model::plan::Team::runs`]), forced grades one integer sort
//! (and none when the pay reads no grade: `Compiled::reads_grades`),
//! score-table coefficients are looked up in precompiled steps. A
//! recomputed formula column goes through the formula engine's own
//! evaluation, into the month's copy of the table through a reused buffer
//! ([`recompute`]).

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
    /// Per pay slot, the plan item drawn the same way (same column, values,
    /// cv and unit), whose month's values it copies instead of drawing them
    /// again (the commission's sales, a gate on a scored metric).
    slot_item: Vec<Option<usize>>,
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
    /// Whether the pay reads the grades (else the month skips grading).
    graded: bool,
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
        Forecast::build(spec, 0, months)
    }

    /// [`Forecast::from_spec`] set to months `start..end` from the start
    /// (a worker's part holds only its own months' pays).
    fn build(spec: ForecastSpec, start: usize, end: usize) -> Forecast {
        let months = spec.months;
        let table = &spec.table;
        let (plan, model, vars) = (&spec.plan, &spec.model, &spec.vars);
        let kernel = ScoreKernel::new(plan, table);
        let pay = Compiled::new(model, table, &kernel.grade_labels);
        let graded = pay.reads_grades();
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
        let same_bits = |a: &[f64], b: &[f64]| {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits())
        };
        let slot_item: Vec<Option<usize>> = (0..slot_group.len())
            .map(|j| {
                let (g, d, b) = (slot_group.get(j)?, slot_draw.get(j)?, base_slots.get(j)?);
                if slot_recomputed.get(j).copied().unwrap_or(true) {
                    return None;
                }
                (0..item_group.len()).find(|i| {
                    item_group.get(*i) == Some(g)
                        && item_draw.get(*i) == Some(d)
                        && base_items.get(*i).is_some_and(|x| same_bits(x, b))
                        && !item_recomputed.get(*i).copied().unwrap_or(true)
                })
            })
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
            slot_item,
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
            graded,
            pay_scratch: PayScratch::default(),
            spec,
        };
        f.restrict(start, end);
        f
    }

    /// The forecast of months `start..end` only (clamped to the months asked
    /// for), for one worker: its partial results merge into the whole with
    /// [`Forecast::absorb`].
    pub fn part(spec: ForecastSpec, start: usize, end: usize) -> Forecast {
        Forecast::build(spec, start, end)
    }

    /// Sets this forecast to compute months `start..end` next (a worker's
    /// next share of the same forecast, without reading its spec again);
    /// what it computed before must have been taken ([`Forecast::take_partial`]),
    /// as it is dropped. The same months give the same bits as a new part.
    pub fn move_to(&mut self, start: usize, end: usize) {
        self.restrict(start, end);
    }

    fn restrict(&mut self, start: usize, end: usize) {
        let end = end.min(self.target);
        let start = start.min(end);
        let n = self.rows.len();
        self.start = start;
        self.end = end;
        self.taken = 0;
        self.filled = 0;
        self.totals = vec![0.0; end - start];
        self.have = vec![false; end - start];
        let kept = self.keep_months.min(end).saturating_sub(start);
        self.agent_pays = vec![0.0; kept * n];
        // `rng` is month `next`'s stream: a later start jumps on from it,
        // an earlier one from month 0 (the same stream either way).
        let from = if start >= self.next {
            self.next
        } else {
            self.rng = Rng::new(self.spec.seed);
            0
        };
        for _ in from..start {
            self.rng.jump();
        }
        self.next = start;
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
            for (j, o) in self.slots_buf.iter_mut().enumerate() {
                let from = self.slot_item.get(j).copied().flatten();
                if let Some(x) = from.and_then(|i| self.items_buf.get(i)) {
                    o.clear();
                    o.extend_from_slice(x);
                    continue;
                }
                let (Some(b), Some(d), Some(g)) = (
                    self.base_slots.get(j),
                    self.slot_draw.get(j),
                    self.slot_group.get(j),
                ) else {
                    continue;
                };
                fill_one(b, *d, self.draws.get(*g), o);
            }
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
            self.kernel
                .score_graded(&self.items_buf, &mut self.scratch, false, self.graded);
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
    if cv == 0.0 {
        out.copy_from_slice(base);
        return;
    }
    let z = z.map(Vec::as_slice).unwrap_or_default();
    // The unit as a constant in each loop: no branch on it per agent.
    match unit {
        Unit::Number | Unit::Text => fill_in(base, cv, Unit::Number, z, out),
        Unit::Percent => fill_in(base, cv, Unit::Percent, z, out),
        _ => fill_in(base, cv, unit, z, out),
    }
}

/// [`fill_one`]'s loop for one unit.
#[inline(always)]
fn fill_in(base: &[f64], cv: f64, unit: Unit, z: &[f64], out: &mut [f64]) {
    for (a, (slot, &v)) in out.iter_mut().zip(base).enumerate() {
        *slot = if v.is_nan() {
            v
        } else {
            let zz = z.get(a).copied().unwrap_or(0.0);
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
mod result;
pub mod rng;
pub mod variability;

pub use cliff::{cliff_step, Cause, Cliff, CliffScan};
pub use parts::{
    guided, split, CliffPart, CliffSpec, Correlation, ForecastSpec, Partial, SolveReply, SolveSpec,
};
pub use result::{
    from_order_key, order_key, percentile_select, percentiles_of_keys, ForecastResult,
};
pub use rng::{ln, normal_inv, Rng, Ziggurat};
pub use variability::{history_cv, variabilities, CvSource, Variability};
