//! Recomputing formula columns again and again over the same table (the
//! forecast's months, #16) without allocating a result column each time:
//! [`Recompiled`] keeps the compiled columns in evaluation order, one
//! [`SortCache`] and one buffer of cells, and writes each column's results
//! into the table's own cells. The evaluation is [`eval_column`]'s (the
//! same slots, the same whole-column rank path, the same column-at-a-time
//! path for plain arithmetic (`fast`), the same rows), so the cells are the
//! ones [`crate::model::formula::recompute`] writes. (The arithmetic path
//! still allocates its few `f64` columns per run: a handful of blocks,
//! against a tree walk per row without it.)

use super::*;
use crate::model::formula::Calc;
use std::collections::BTreeSet;

/// Formula columns compiled once for repeated recomputation (see the module doc).
#[derive(Clone, Debug)]
pub struct Recompiled {
    /// (column, compiled), in `calc`'s evaluation order.
    cols: Vec<(usize, Compiled)>,
    /// Columns on a cycle among those asked for: `#CYCLE!` in every row.
    cyclic: Vec<usize>,
    cache: SortCache,
    buf: Vec<Cell>,
    /// The rows of a column of plain arithmetic that the general path gives.
    others: Vec<(usize, Cell)>,
}

impl Recompiled {
    /// The formula columns `cols` of `table`, ordered as `calc` (compiled
    /// from `table`) evaluates them.
    pub fn new(table: &Table, calc: &Calc, cols: &BTreeSet<usize>) -> Recompiled {
        let compiled = calc
            .order()
            .into_iter()
            .filter(|c| cols.contains(c))
            .filter_map(|c| {
                let src = table.columns.get(c)?.formula.as_ref()?;
                Some((c, compile_column(table, src)))
            })
            .collect();
        Recompiled {
            cols: compiled,
            cyclic: cols
                .iter()
                .copied()
                .filter(|c| calc.is_cyclic(*c))
                .collect(),
            cache: SortCache::default(),
            buf: Vec::new(),
            others: Vec::new(),
        }
    }

    /// Recomputes the columns in every row of `table` (the table they were
    /// compiled from, with new values in its plain cells), in place.
    pub fn run(&mut self, table: &mut Table) {
        let n = table.len();
        for &c in &self.cyclic {
            for r in 0..n {
                if let Some(x) = table.cell_mut(r, c) {
                    *x = Cell::Error(ErrorKind::Cycle);
                }
            }
        }
        for (c, k) in &self.cols {
            let mut ev = Eval::new(table, &self.cache);
            let slots: Vec<Value> = k.slots.iter().map(|s| ev.eval(s, 0)).collect();
            ev.slots = slots;
            if let Some(values) = ev.self_rank_column(&k.node) {
                drop(ev);
                match values {
                    super::Values::Cells(cells) => table.set_column(*c, cells),
                    super::Values::Numbers(nums, others) => {
                        let col = table.column_cells_mut(*c);
                        for (x, v) in col.iter_mut().zip(nums) {
                            *x = Cell::Number(v);
                        }
                        for (r, cell) in others {
                            if let Some(x) = col.get_mut(r) {
                                *x = cell;
                            }
                        }
                    }
                }
                continue;
            }
            // Plain arithmetic a column at a time, as `eval_column` computes
            // a whole column: the rows `fast` marks take the general path.
            if let Some((mut vals, bad)) = fast::arith_column(table, &k.node, &ev.slots) {
                self.others.clear();
                for (r, (x, bad)) in vals.iter_mut().zip(bad).enumerate() {
                    if bad {
                        self.others.push((r, value_cell(ev.eval(&k.node, r))));
                    } else if *x == 0.0 {
                        // As `num`: a zero result is +0.
                        *x = 0.0;
                    }
                }
                drop(ev);
                let col = table.column_cells_mut(*c);
                for (x, v) in col.iter_mut().zip(vals) {
                    *x = Cell::Number(v);
                }
                for (r, cell) in self.others.drain(..) {
                    if let Some(x) = col.get_mut(r) {
                        *x = cell;
                    }
                }
                continue;
            }
            self.buf.clear();
            self.buf
                .extend((0..n).map(|r| value_cell(ev.eval(&k.node, r))));
            drop(ev);
            for (r, cell) in self.buf.drain(..).enumerate() {
                if let Some(x) = table.cell_mut(r, *c) {
                    *x = cell;
                }
            }
        }
    }
}
