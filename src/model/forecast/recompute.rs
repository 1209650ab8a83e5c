//! Formula columns recomputed from drawn inputs: a formula column the plan
//! or the payout model reads (客服销售额 = 询单人数 × 询单转化率 × 客单价) is
//! not drawn as a metric of its own; each simulated month its inputs are
//! drawn and the formula engine evaluates it again, over the whole drawn
//! team (so `AVERAGE`, `RANK` and other aggregates see the drawn month).
//!
//! Only the formula engine's public API is used: the formulas are compiled
//! once ([`formula::compile`]) on a copy of the table cut down to the
//! columns involved (in table order, so every name resolves to the same
//! column as in the full table), and each month they are evaluated after
//! the drawn inputs are written into that copy, by [`Recompiled`]: what
//! [`formula::recompute`] computes, written into the copy's own cells
//! through one reused buffer (no result column allocated per month).
//!
//! A formula column is recomputed only when it and every formula column it
//! reads compile without a problem (no unknown name, no cycle); otherwise
//! it is drawn as before.

use crate::model::formula::calc::into::Recompiled;
use crate::model::formula::{self, calc::resolve, parse, Calc, Expr};
use crate::model::table::{Cell, Table};
use std::collections::BTreeSet;

/// The columns formula column `col` reads directly, or `None` when it is
/// not a formula column, does not parse or names a column that is not there.
fn reads(table: &Table, col: usize) -> Option<Vec<usize>> {
    let src = table.columns.get(col)?.formula.as_ref()?;
    let expr = parse(src).ok()?;
    let mut out = Vec::new();
    // An explicit stack: a formula's tree is at most 64 levels deep, but
    // nothing here needs recursion.
    let mut stack = vec![&expr];
    while let Some(e) = stack.pop() {
        match e {
            Expr::Ref { name, .. } => out.push(resolve(table, name)?),
            Expr::Array(v) | Expr::Call(_, v) => stack.extend(v.iter()),
            Expr::Unary(_, b) | Expr::Percent(b) => stack.push(b),
            Expr::Chain(first, rest) => {
                stack.push(first);
                stack.extend(rest.iter().map(|(_, e)| e));
            }
            Expr::Number(_) | Expr::Text(_) | Expr::Bool(_) | Expr::Omitted => {}
        }
    }
    Some(out)
}

/// What recomputing formula column `col` involves: the formula columns
/// (itself and those it reads, transitively) and the plain columns under
/// them. `None` when `col` is not a formula column or one of them cannot
/// be recomputed (see the module doc).
pub fn closure(table: &Table, calc: &Calc, col: usize) -> Option<(Vec<usize>, Vec<usize>)> {
    let mut formulas = BTreeSet::new();
    let mut inputs = BTreeSet::new();
    let mut stack = vec![col];
    while let Some(c) = stack.pop() {
        if !formulas.insert(c) {
            continue;
        }
        if calc.is_cyclic(c) || calc.issue(c).is_some() {
            return None;
        }
        for d in reads(table, c)? {
            let is_formula = table.columns.get(d).is_some_and(|x| x.is_formula());
            if is_formula {
                stack.push(d);
            } else {
                inputs.insert(d);
            }
        }
    }
    Some((formulas.into_iter().collect(), inputs.into_iter().collect()))
}

/// The formula columns among `cols` that can be recomputed, each once, in
/// the order given, with their closures merged: (formula columns asked
/// for, every formula column involved, the plain input columns).
pub fn plan_recompute(table: &Table, cols: &[usize]) -> (Vec<usize>, Vec<usize>, Vec<usize>) {
    let mut asked = Vec::new();
    let mut formulas = BTreeSet::new();
    let mut inputs = BTreeSet::new();
    if !cols
        .iter()
        .any(|c| table.columns.get(*c).is_some_and(|x| x.is_formula()))
    {
        return (asked, Vec::new(), Vec::new());
    }
    let calc = formula::compile(table);
    for &c in cols {
        if asked.contains(&c) {
            continue;
        }
        if let Some((f, i)) = closure(table, &calc, c) {
            asked.push(c);
            formulas.extend(f);
            inputs.extend(i);
        }
    }
    (
        asked,
        formulas.into_iter().collect(),
        inputs.into_iter().collect(),
    )
}

/// A month's copy of the columns a recomputation involves, with the
/// formulas compiled once; the forecast writes each month's drawn inputs
/// into it and reads the recomputed formula columns back.
#[derive(Clone, Debug)]
pub struct Recompute {
    /// The cut-down table: the involved columns (table order), every row.
    month: Table,
    /// The formula columns (indices of `month`), compiled in evaluation order.
    calc: Recompiled,
    /// Full-table column → index in `month`.
    map: Vec<(usize, usize)>,
    /// The agents simulated (table rows, plan order).
    rows: Vec<usize>,
}

impl Recompute {
    /// The copy of `table` for recomputing `formulas` (every formula
    /// column involved) from `inputs`, for the agents at `rows`.
    pub fn new(table: &Table, rows: &[usize], formulas: &[usize], inputs: &[usize]) -> Recompute {
        let mut keep: Vec<usize> = formulas.iter().chain(inputs).copied().collect();
        keep.sort_unstable();
        keep.dedup();
        let columns = keep
            .iter()
            .filter_map(|c| table.columns.get(*c).cloned())
            .collect();
        let cells = keep
            .iter()
            .map(|c| table.column_cells(*c).to_vec())
            .collect();
        let month = Table::from_columns(columns, cells);
        let calc = formula::compile(&month);
        let map: Vec<(usize, usize)> = keep.iter().enumerate().map(|(i, c)| (*c, i)).collect();
        let cols: BTreeSet<usize> = map
            .iter()
            .filter(|(full, _)| formulas.contains(full))
            .map(|(_, i)| *i)
            .collect();
        let calc = Recompiled::new(&month, &calc, &cols);
        Recompute {
            month,
            calc,
            map,
            rows: rows.to_vec(),
        }
    }

    fn at(&self, col: usize) -> Option<usize> {
        self.map.iter().find(|(c, _)| *c == col).map(|(_, i)| *i)
    }

    /// Writes this month's values of input column `col` (table index), one
    /// per simulated agent; a missing value (NaN) leaves the cell as it was.
    pub fn set(&mut self, col: usize, values: &[f64]) {
        let Some(c) = self.at(col) else { return };
        for (r, v) in self.rows.iter().zip(values) {
            if v.is_nan() {
                continue;
            }
            if let Some(cell) = self.month.cell_mut(*r, c) {
                *cell = Cell::Number(*v);
            }
        }
    }

    /// Recomputes the formula columns from the values written.
    pub fn run(&mut self) {
        self.calc.run(&mut self.month);
    }

    /// Formula column `col`'s (table index) values for the simulated
    /// agents into `out` (NaN where not a number, as the scores read it).
    pub fn get(&self, col: usize, out: &mut [f64]) {
        let Some(c) = self.at(col) else { return };
        for (o, r) in out.iter_mut().zip(&self.rows) {
            *o = self
                .month
                .cell(*r, c)
                .and_then(Cell::number)
                .unwrap_or(f64::NAN);
        }
    }
}
