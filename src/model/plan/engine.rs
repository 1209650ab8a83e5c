//! A plan compiled once against a table: per item its [`CompiledRule`],
//! weight and column, plus the grading. [`CompiledPlan::score`] is the fast
//! kernel over plain `f64` columns (NaN is missing) that the forecast and
//! the cliff scan run many times; [`super::score`] runs the same kernel and
//! adds ranks and explanations; the xlsx writer takes each item's formula
//! from here. So scores, forecast and export agree by construction.

use super::grading::{assign_grades, GradeBuf};
use super::rules::{CompiledRule, Team, TeamBuf};
use super::{Grading, Plan, PlanItem};
use crate::model::formula::calc::resolve;
use crate::model::table::{Cell, Table};
use crate::model::unit::Direction;

/// The direction an item scores in (its override, else the column's; a
/// neutral column scores higher-is-better).
pub fn item_lower(item: &PlanItem, table: &Table) -> bool {
    let col_dir = resolve(table, &item.column)
        .and_then(|c| table.columns.get(c))
        .map(|c| c.direction);
    item.direction.or(col_dir) == Some(Direction::Lower)
}

/// The numbers of column `c` at `rows` (NaN where missing or not a number).
pub fn column_values(table: &Table, c: Option<usize>, rows: &[usize]) -> Vec<f64> {
    rows.iter()
        .map(|r| {
            c.and_then(|c| table.cell(*r, c))
                .and_then(Cell::number)
                .unwrap_or(f64::NAN)
        })
        .collect()
}

/// One compiled item.
#[derive(Clone, Debug)]
pub struct CompiledItem {
    pub rule: CompiledRule,
    /// Weight in percent.
    pub weight: f64,
}

/// A plan compiled for scoring (also known to the forecast as `ScoreKernel`).
#[derive(Clone, Debug)]
pub struct CompiledPlan {
    items: Vec<CompiledItem>,
    grading: Grading,
    /// Per item, the table column it reads.
    pub columns: Vec<Option<usize>>,
    pub grade_labels: Vec<String>,
}

/// Reusable buffers for [`CompiledPlan::score`].
#[derive(Clone, Debug, Default)]
pub struct Scratch {
    team: TeamBuf,
    item_points: Vec<f64>,
    pub totals: Vec<f64>,
    pub grades: Vec<usize>,
    gated: Vec<bool>,
    grading: GradeBuf,
    /// Points per item, item-major (`item × n + agent`), when asked for.
    pub points: Vec<f64>,
}

impl Scratch {
    /// Per agent: whether a gate with `zero_total` failed (total set to 0).
    pub fn gated(&self) -> &[bool] {
        &self.gated
    }
}

impl CompiledPlan {
    /// Compiles `plan` against `table`'s columns and directions.
    pub fn new(plan: &Plan, table: &Table) -> CompiledPlan {
        let items = plan
            .items
            .iter()
            .map(|it| CompiledItem {
                rule: CompiledRule::new(&it.rule, item_lower(it, table)),
                weight: it.weight,
            })
            .collect();
        CompiledPlan {
            items,
            grading: plan.grading.clone(),
            columns: plan
                .items
                .iter()
                .map(|it| resolve(table, &it.column))
                .collect(),
            grade_labels: plan.grading.labels(),
        }
    }

    /// The compiled items, in plan order.
    pub fn items(&self) -> &[CompiledItem] {
        &self.items
    }

    /// Each item's values for the agents at `rows`, as [`CompiledPlan::score`] takes them.
    pub fn values(&self, table: &Table, rows: &[usize]) -> Vec<Vec<f64>> {
        self.columns
            .iter()
            .map(|c| column_values(table, *c, rows))
            .collect()
    }

    /// Totals and grades into `s.totals` / `s.grades` for `values` (one
    /// vector per item, same agents in each). With `keep_points`, each
    /// item's points go to `s.points`.
    pub fn score(&self, values: &[Vec<f64>], s: &mut Scratch, keep_points: bool) {
        self.score_graded(values, s, keep_points, true);
    }

    /// [`CompiledPlan::score`], with the grades only when `grades` is true
    /// (else `s.grades` is left empty): a forecast whose pay does not read
    /// the grades skips the forced distribution's sort.
    pub fn score_graded(
        &self,
        values: &[Vec<f64>],
        s: &mut Scratch,
        keep_points: bool,
        grades: bool,
    ) {
        let n = values.first().map(Vec::len).unwrap_or(0);
        s.totals.clear();
        s.totals.resize(n, 0.0);
        s.gated.clear();
        s.gated.resize(n, false);
        s.points.clear();
        if keep_points {
            s.points.resize(n * self.items.len(), 0.0);
        }
        let Scratch {
            team: team_buf,
            item_points,
            totals,
            gated,
            points,
            ..
        } = &mut *s;
        for (i, item) in self.items.iter().enumerate() {
            let Some(vals) = values.get(i) else { continue };
            let team = Team::of(item.rule.needs(), vals, team_buf);
            item.rule.points_into(vals, &team, item_points);
            let w = item.weight;
            let zeroes = item.rule.zeroes_total();
            let each = item_points.iter().zip(vals).zip(totals.iter_mut());
            for (a, ((&p, &x), t)) in each.enumerate() {
                *t += p * w / 100.0;
                if zeroes && p == 0.0 && !x.is_nan() {
                    if let Some(g) = gated.get_mut(a) {
                        *g = true;
                    }
                }
            }
            if keep_points {
                let slots = points.iter_mut().skip(i * n).take(n);
                for (slot, p) in slots.zip(item_points.iter()) {
                    *slot = *p;
                }
            }
        }
        for (t, g) in s.totals.iter_mut().zip(&s.gated) {
            if *g {
                *t = 0.0;
            }
        }
        if grades {
            assign_grades(&s.totals, &self.grading, &mut s.grades, &mut s.grading);
        } else {
            s.grades.clear();
        }
    }
}
