//! The pay-cliff scan: agents whose pay jumps when one input moves by a
//! small step (a threshold, a gate, a grade boundary), with the causes, run
//! in parts by agent so workers can share it (see [`super::parts`]).

use super::*;
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
    /// The unmoved values, to undo a move with.
    base_items: Vec<Vec<f64>>,
    base_slots: Inputs,
    /// The drawn columns: (name, table column, unit).
    metrics: Vec<(String, Option<usize>, Unit)>,
    base_pays: Vec<f64>,
    base_points: Vec<f64>,
    base_grades: Vec<usize>,
    base_parts: Vec<crate::model::payout::AgentPay>,
    share: f64,
    /// This instance scans agents `start..end`; `next_agent` is the next one.
    start: usize,
    end: usize,
    next_agent: usize,
    /// Agents scanned here or taken in from workers.
    scanned: usize,
    scratch: Scratch,
    pay_scratch: PayScratch,
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
        crate::model::order::sort_by_key(&mut keyed, |(k, _)| *k);
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
            base_items: items.clone(),
            base_slots: slots.clone(),
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
            pay_scratch: PayScratch::default(),
            found: Vec::new(),
            spec,
        }
    }

    /// Agents scanned and agents in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.scanned, self.rows.len())
    }

    /// Scans up to `chunk` more agents; true when finished. Each move is
    /// made in place and undone after, scored and paid without explanations
    /// (reused buffers); only a move that is a cliff is evaluated again with
    /// the breakdown its causes come from.
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
            for m in 0..self.metrics.len() {
                let Some((name, col, unit)) = self.metrics.get(m).cloned() else {
                    continue;
                };
                let (step, relative) = cliff_step(unit);
                for dir in [1.0, -1.0] {
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
                            if let Some(v) = self.items.get_mut(i).and_then(|v| v.get_mut(a)) {
                                moved |= mv(v);
                            }
                        }
                    }
                    for (s, c) in self.pay.slot_columns.iter().enumerate() {
                        if *c == col {
                            if let Some(v) = self.slots.get_mut(s).and_then(|v| v.get_mut(a)) {
                                moved |= mv(v);
                            }
                        }
                    }
                    let found = if moved {
                        self.try_move(a, before, n, n_items, &name, dir * step, relative)
                    } else {
                        None
                    };
                    self.undo_move(a, col);
                    self.found.extend(found);
                }
            }
        }
        self.next_agent >= self.end
    }

    /// Puts agent `a`'s values of column `col` back.
    fn undo_move(&mut self, a: usize, col: Option<usize>) {
        for (i, c) in self.kernel.columns.iter().enumerate() {
            if *c == col {
                let v = self.base_items.get(i).and_then(|v| v.get(a)).copied();
                if let (Some(dst), Some(v)) = (self.items.get_mut(i).and_then(|x| x.get_mut(a)), v)
                {
                    *dst = v;
                }
            }
        }
        for (s, c) in self.pay.slot_columns.iter().enumerate() {
            if *c == col {
                let v = self.base_slots.get(s).and_then(|v| v.get(a)).copied();
                if let (Some(dst), Some(v)) = (self.slots.get_mut(s).and_then(|x| x.get_mut(a)), v)
                {
                    *dst = v;
                }
            }
        }
    }

    /// Scores and pays the moved values; the cliff, when agent `a`'s pay
    /// swings by more than the share.
    #[allow(clippy::too_many_arguments)]
    fn try_move(
        &mut self,
        a: usize,
        before: f64,
        n: usize,
        n_items: usize,
        name: &str,
        step: f64,
        relative: bool,
    ) -> Option<Cliff> {
        self.kernel.score(&self.items, &mut self.scratch, false);
        self.pay.evaluate_into(
            &self.scratch.totals,
            &self.scratch.grades,
            &self.kernel.grade_labels,
            &self.slots,
            None,
            &mut self.pay_scratch,
        );
        let after = self.pay_scratch.pays.get(a).copied().unwrap_or(0.0);
        let big = before.abs().max(after.abs());
        if big == 0.0 || (after - before).abs() <= self.share * big {
            return None;
        }
        // A cliff (rare): the same evaluation again with points and the breakdown.
        self.kernel.score(&self.items, &mut self.scratch, true);
        let mut parts = Vec::new();
        self.pay.evaluate_into(
            &self.scratch.totals,
            &self.scratch.grades,
            &self.kernel.grade_labels,
            &self.slots,
            Some(&mut parts),
            &mut self.pay_scratch,
        );
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
                let is_commission = matches!(
                    comp,
                    Some(crate::model::payout::Component::Commission { .. })
                );
                if is_commission && (p1 - p0).abs() > self.share * big {
                    causes.push(Cause::Component(ci));
                }
            }
        }
        Some(Cliff {
            row: self.rows.get(a).copied().unwrap_or(0),
            agent: self.names.get(a).cloned().unwrap_or_default(),
            column: name.to_string(),
            step,
            relative,
            pay_before: before,
            pay_after: after,
            causes,
        })
    }

    /// The cliffs found so far, largest swing first.
    pub fn worst(&self, limit: usize) -> Vec<Cliff> {
        let mut v = self.found.clone();
        crate::model::order::sort_by(&mut v, |a, b| {
            b.change()
                .abs()
                .total_cmp(&a.change().abs())
                .then(a.row.cmp(&b.row))
        });
        v.truncate(limit);
        v
    }
}
