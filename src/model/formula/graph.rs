//! The dependency graph of the formula columns, kept up to date edit by
//! edit.
//!
//! [`Calc`] holds every formula column compiled, who reads whom, and an
//! evaluation order. The order is canonical — by *level* (one more than the
//! highest level among the formula columns a column reads; cycle members
//! do not count), then by column index — so it does not depend on the order
//! of past edits, and an incrementally maintained `Calc` equals one built
//! from scratch ([`compile`]).
//!
//! A change of columns ([`Changes`]: one inserted, removed, renamed or
//! re-formulated) recompiles only the columns it can affect — itself, and
//! those that mention a name whose meaning may have changed — and then
//! re-orders and recomputes only those and what reads them, downstream.
//! Nothing here walks the whole sheet per edit except the renumbering that
//! inserting or removing a column before others needs.
//!
//! Must never: recurse over the column graph (chains of thousands of
//! columns are walked with explicit stacks).

use super::calc::{
    compile_column, eval_column, norm, remap_node, write, Compiled, Issue, Node, SortCache, Values,
};
use super::functions::Func;
use super::value::ErrorKind;
use crate::i18n::Msg;
use crate::model::metric;
use crate::model::table::{Cell, Column, Table};
use std::collections::{BTreeMap, BTreeSet};

/// The compiled state of every formula column.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Calc {
    compiled: BTreeMap<usize, Compiled>,
    /// Evaluation order: `(level, column)` ascending (cycle members excluded).
    order: BTreeSet<(usize, usize)>,
    level: BTreeMap<usize, usize>,
    /// Members of a cycle, with the message naming their cycle.
    cyclic: BTreeMap<usize, Issue>,
    /// Column → the formula columns that read it.
    readers: BTreeMap<usize, BTreeSet<usize>>,
    /// Normalised column name → the formula columns that mention it.
    by_name: BTreeMap<String, BTreeSet<usize>>,
    /// Formula columns whose issue is an unknown column: their "did you
    /// mean" hint reads every column name.
    hinted: BTreeSet<usize>,
    /// Sorted copies of ranked columns, patched edit by edit (a cache:
    /// it never makes two graphs unequal).
    cache: SortCache,
}

impl Calc {
    /// The problem with formula column `col`, if any.
    pub fn issue(&self, col: usize) -> Option<&Issue> {
        self.cyclic
            .get(&col)
            .or_else(|| self.compiled.get(&col).and_then(|k| k.issue.as_ref()))
    }

    /// Columns in evaluation order.
    pub fn order(&self) -> Vec<usize> {
        self.order.iter().map(|(_, c)| *c).collect()
    }

    /// Whether formula column `col` is on a cycle.
    pub fn is_cyclic(&self, col: usize) -> bool {
        self.cyclic.contains_key(&col)
    }

    fn deps(&self, col: usize) -> &[usize] {
        self.compiled.get(&col).map_or(&[], |k| k.deps.as_slice())
    }

    /// Forgets column `col`'s compiled formula and every edge and place it had.
    fn unlink(&mut self, col: usize) {
        let Some(k) = self.compiled.remove(&col) else {
            return;
        };
        for d in &k.deps {
            if let Some(r) = self.readers.get_mut(d) {
                r.remove(&col);
                if r.is_empty() {
                    self.readers.remove(d);
                }
            }
        }
        for n in &k.names {
            if let Some(r) = self.by_name.get_mut(n) {
                r.remove(&col);
                if r.is_empty() {
                    self.by_name.remove(n);
                }
            }
        }
        self.hinted.remove(&col);
        self.unplace(col);
    }

    fn unplace(&mut self, col: usize) {
        if let Some(l) = self.level.remove(&col) {
            self.order.remove(&(l, col));
        }
        self.cyclic.remove(&col);
    }

    fn link(&mut self, col: usize, k: Compiled) {
        for d in &k.deps {
            self.readers.entry(*d).or_default().insert(col);
        }
        for n in &k.names {
            self.by_name.entry(n.clone()).or_default().insert(col);
        }
        if k.issue
            .as_ref()
            .is_some_and(|i| i.msg == Msg::FxUnknownColumn)
        {
            self.hinted.insert(col);
        }
        self.compiled.insert(col, k);
    }

    /// The highest column index the graph mentions: every index is a
    /// formula column's or a column some formula reads.
    fn highest(&self) -> Option<usize> {
        let a = self.compiled.keys().next_back().copied();
        let b = self.readers.keys().next_back().copied();
        a.max(b)
    }

    /// Renumbers every column index by `f`, which must be increasing on the
    /// indices still present.
    fn remap(&mut self, f: impl Fn(usize) -> usize) {
        let compiled = std::mem::take(&mut self.compiled);
        self.compiled = compiled
            .into_iter()
            .map(|(c, mut k)| {
                remap_node(&mut k.node, &f);
                for s in &mut k.slots {
                    remap_node(s, &f);
                }
                for v in [&mut k.row_deps, &mut k.col_deps, &mut k.deps] {
                    v.iter_mut().for_each(|d| *d = f(*d));
                }
                (f(c), k)
            })
            .collect();
        self.order = self.order.iter().map(|(l, c)| (*l, f(*c))).collect();
        self.level = self.level.iter().map(|(c, l)| (f(*c), *l)).collect();
        self.cyclic = std::mem::take(&mut self.cyclic)
            .into_iter()
            .map(|(c, i)| (f(c), i))
            .collect();
        self.readers = std::mem::take(&mut self.readers)
            .into_iter()
            .map(|(c, r)| (f(c), r.into_iter().map(&f).collect()))
            .collect();
        for r in self.by_name.values_mut() {
            *r = r.iter().map(|c| f(*c)).collect();
        }
        self.hinted = self.hinted.iter().map(|c| f(*c)).collect();
    }

    /// Brings the graph up to date with `table` after `changes` and returns
    /// the formula columns whose values must be recomputed (see [`recompute`]).
    pub fn update(&mut self, table: &Table, changes: &Changes) -> BTreeSet<usize> {
        let mut todo = changes.compile.clone();
        if !changes.names.is_empty() {
            for n in &changes.names {
                if let Some(cols) = self.by_name.get(n) {
                    todo.extend(cols);
                }
            }
            todo.extend(&self.hinted);
        }
        let mut seeds = changes.data.clone();
        for &c in &todo {
            self.unlink(c);
            if let Some(src) = table.columns.get(c).and_then(|col| col.formula.as_deref()) {
                self.link(c, compile_column(table, src));
            }
            seeds.insert(c);
        }
        // Everything downstream of a recompiled or changed column.
        let mut reach = BTreeSet::new();
        let mut seen = BTreeSet::new();
        let mut stack: Vec<usize> = seeds.into_iter().collect();
        while let Some(c) = stack.pop() {
            if !seen.insert(c) {
                continue;
            }
            if self.compiled.contains_key(&c) {
                reach.insert(c);
            }
            if let Some(r) = self.readers.get(&c) {
                stack.extend(r.iter().filter(|x| !seen.contains(x)));
            }
        }
        self.place(table, &reach);
        reach
    }

    /// Orders `set` (a downstream-closed set of formula columns: nothing
    /// outside reads anything inside) and finds the cycles among them.
    fn place(&mut self, table: &Table, set: &BTreeSet<usize>) {
        for &c in set {
            self.unplace(c);
        }
        let left = self.kahn(set);
        if left.is_empty() {
            return;
        }
        // Columns left over are on a cycle or read one.
        let comps = components(&left, |c| {
            self.deps(c)
                .iter()
                .copied()
                .filter(|d| left.contains(d))
                .collect()
        });
        for comp in comps {
            let is_cycle = comp.len() > 1
                || comp
                    .first()
                    .is_some_and(|c| self.deps(*c).binary_search(c).is_ok());
            if !is_cycle {
                continue;
            }
            let mut members = comp;
            members.sort_unstable();
            let names: Vec<String> = members
                .iter()
                .filter_map(|m| table.columns.get(*m).map(|col| col.name.clone()))
                .collect();
            let issue = Issue {
                msg: Msg::FxCycle,
                args: vec![names.join(" → ")],
            };
            for m in members {
                self.cyclic.insert(m, issue.clone());
            }
        }
        // Columns behind a cycle still evaluate (reading #CYCLE! values).
        let behind: BTreeSet<usize> = left
            .iter()
            .copied()
            .filter(|c| !self.cyclic.contains_key(c))
            .collect();
        self.kahn(&behind);
    }

    /// Gives every column of `set` whose inputs are all placed (or outside
    /// `set`) its level; returns the columns that could not be placed.
    fn kahn(&mut self, set: &BTreeSet<usize>) -> BTreeSet<usize> {
        let mut waiting: BTreeMap<usize, usize> = BTreeMap::new();
        let mut ready = Vec::new();
        for &c in set {
            let n = self.deps(c).iter().filter(|d| set.contains(d)).count();
            if n == 0 {
                ready.push(c);
            } else {
                waiting.insert(c, n);
            }
        }
        while let Some(c) = ready.pop() {
            let lvl = self
                .deps(c)
                .iter()
                .filter_map(|d| self.level.get(d))
                .max()
                .map_or(0, |m| m + 1);
            self.level.insert(c, lvl);
            self.order.insert((lvl, c));
            if let Some(rs) = self.readers.get(&c) {
                for r in rs {
                    if let Some(n) = waiting.get_mut(r) {
                        *n -= 1;
                        if *n == 0 {
                            waiting.remove(r);
                            ready.push(*r);
                        }
                    }
                }
            }
        }
        waiting.into_keys().collect()
    }
}

/// Strongly connected components of the graph on `nodes` with edges
/// `succ(v)` (Tarjan's algorithm with an explicit stack).
fn components(nodes: &BTreeSet<usize>, succ: impl Fn(usize) -> Vec<usize>) -> Vec<Vec<usize>> {
    let mut index: BTreeMap<usize, usize> = BTreeMap::new();
    let mut low: BTreeMap<usize, usize> = BTreeMap::new();
    let mut on_stack = BTreeSet::new();
    let mut stack = Vec::new();
    let mut out = Vec::new();
    let mut next = 0usize;
    for &root in nodes {
        if index.contains_key(&root) {
            continue;
        }
        // Frames of the depth-first search: a node, its successors, how many were visited.
        let mut frames: Vec<(usize, Vec<usize>, usize)> = Vec::new();
        index.insert(root, next);
        low.insert(root, next);
        next += 1;
        stack.push(root);
        on_stack.insert(root);
        frames.push((root, succ(root), 0));
        while let Some((v, succs, i)) = frames.last_mut() {
            let v = *v;
            if let Some(&w) = succs.get(*i) {
                *i += 1;
                if let std::collections::btree_map::Entry::Vacant(e) = index.entry(w) {
                    e.insert(next);
                    low.insert(w, next);
                    next += 1;
                    stack.push(w);
                    on_stack.insert(w);
                    frames.push((w, succ(w), 0));
                } else if on_stack.contains(&w) {
                    let iw = index.get(&w).copied().unwrap_or(usize::MAX);
                    if let Some(lv) = low.get_mut(&v) {
                        *lv = (*lv).min(iw);
                    }
                }
                continue;
            }
            frames.pop();
            let lv = low.get(&v).copied().unwrap_or(usize::MAX);
            if let Some((p, ..)) = frames.last() {
                if let Some(lp) = low.get_mut(p) {
                    *lp = (*lp).min(lv);
                }
            }
            if index.get(&v) == Some(&lv) {
                let mut comp = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack.remove(&w);
                    comp.push(w);
                    if w == v {
                        break;
                    }
                }
                out.push(comp);
            }
        }
    }
    out
}

/// The names a column answers to in formulas: its header and, for a
/// dictionary metric, the metric's Chinese and English names.
fn names_of(column: &Column) -> Vec<String> {
    let mut v = vec![norm(&column.name)];
    if let Some(d) = column.metric.and_then(metric::def) {
        v.push(d.zh.to_lowercase());
        v.push(d.en.to_lowercase());
    }
    v
}

/// What a step did to the table's columns, gathered while it runs (the
/// graph is renumbered as columns come and go) and applied to the graph by
/// [`Calc::update`] once the table is final.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    full: bool,
    /// Formula columns to recompile.
    compile: BTreeSet<usize>,
    /// Columns whose cells changed.
    data: BTreeSet<usize>,
    /// Names whose meaning may have changed.
    names: BTreeSet<String>,
}

impl Changes {
    /// The table changed in ways not described here (rows, a new table):
    /// everything is compiled and computed again.
    pub fn everything(&mut self) {
        self.full = true;
    }

    /// Whether everything must be compiled and computed again.
    pub fn is_full(&self) -> bool {
        self.full
    }

    /// Column `at` was inserted (the table already holds it).
    pub fn inserted(&mut self, calc: &mut Calc, at: usize, column: &Column) {
        let f = |c: usize| if c >= at { c + 1 } else { c };
        // Appending a column (the usual case) renumbers nothing.
        if calc.highest().is_some_and(|h| h >= at) {
            calc.remap(f);
        }
        self.compile = self.compile.iter().map(|c| f(*c)).collect();
        self.data = self.data.iter().map(|c| f(*c)).collect();
        if column.is_formula() {
            self.compile.insert(at);
        } else {
            self.data.insert(at);
        }
        self.names.extend(names_of(column));
    }

    /// Column `at` was removed (the table no longer holds it).
    pub fn removed(&mut self, calc: &mut Calc, at: usize, column: &Column) {
        calc.unlink(at);
        // Its readers compile again: their references now mean something else.
        let readers = calc.readers.remove(&at).unwrap_or_default();
        for r in &readers {
            calc.unlink(*r);
        }
        self.compile.extend(readers);
        let f = |c: usize| if c > at { c - 1 } else { c };
        if calc.highest().is_some_and(|h| h > at) {
            calc.remap(f);
        }
        let shift = |s: &BTreeSet<usize>| -> BTreeSet<usize> {
            s.iter().filter(|c| **c != at).map(|c| f(*c)).collect()
        };
        self.compile = shift(&self.compile);
        self.data = shift(&self.data);
        self.names.extend(names_of(column));
    }

    /// Column `col`'s definition changed from `before` to `after` (header,
    /// unit, metric or formula); `data` when its cells changed too.
    pub fn changed(
        &mut self,
        calc: &Calc,
        col: usize,
        before: &Column,
        after: &Column,
        data: bool,
    ) {
        if before.formula != after.formula || calc.is_cyclic(col) {
            self.compile.insert(col);
        }
        if before.name != after.name || before.metric != after.metric {
            self.names.extend(names_of(before));
            self.names.extend(names_of(after));
        }
        if data {
            self.data.insert(col);
        }
    }

    /// Cells of column `col` changed.
    pub fn cells(&mut self, col: usize) {
        self.data.insert(col);
    }
}

/// Compiles every formula column of `table` and orders them.
pub fn compile(table: &Table) -> Calc {
    let mut calc = Calc::default();
    let mut all = BTreeSet::new();
    for (ci, col) in table.columns.iter().enumerate() {
        if let Some(src) = &col.formula {
            calc.link(ci, compile_column(table, src));
            all.insert(ci);
        }
    }
    calc.place(table, &all);
    calc
}

/// Recomputes every formula column.
pub fn recalc_all(table: &mut Table, calc: &Calc) {
    let all: BTreeSet<usize> = calc.compiled.keys().copied().collect();
    recompute(table, calc, &all);
}

/// Recomputes the formula columns in `cols` (every row), in evaluation order.
pub fn recompute(table: &mut Table, calc: &Calc, cols: &BTreeSet<usize>) {
    let all: Vec<usize> = (0..table.len()).collect();
    for &c in cols {
        if calc.is_cyclic(c) {
            write(
                table,
                c,
                &all,
                Values::Cells(vec![Cell::Error(ErrorKind::Cycle); all.len()]),
            );
        }
    }
    let mut todo: Vec<(usize, usize)> = cols
        .iter()
        .filter_map(|c| calc.level.get(c).map(|l| (*l, *c)))
        .collect();
    todo.sort_unstable();
    for (_, c) in todo {
        if let Some(k) = calc.compiled.get(&c) {
            let cells = eval_column(table, k, &all, &calc.cache);
            write(table, c, &all, cells);
        }
    }
}

/// Recomputes what an edit of (`row`, `col`) reaches. Returns the formula
/// columns that were evaluated in every row (the rest only in some rows).
///
/// It follows the rows whose values actually changed, column by column in
/// evaluation order: a column that reads a changed column as a range (an
/// aggregate, a rank) is evaluated in every row, one that reads changed
/// columns only row by row in just those rows; either way only the rows
/// whose value differs (bit for bit) from before are written and passed on,
/// so the walk stops at columns whose values did not change.
pub fn recalc_cell(table: &mut Table, calc: &Calc, row: usize, col: usize) -> Vec<usize> {
    // Column → what changed in it. The edited cell's old value is gone, so
    // its column has no interval.
    let mut changed: BTreeMap<usize, Changed> = BTreeMap::from([(
        col,
        Changed {
            rows: vec![row],
            span: None,
        },
    )]);
    let mut full = Vec::new();
    let n = table.len();
    for &(_, c) in &calc.order {
        let Some(k) = calc.compiled.get(&c) else {
            continue;
        };
        let whole = k.col_deps.iter().any(|d| changed.contains_key(d));
        let more = if whole {
            rank_rows(table, k, &changed)
        } else {
            Some(Vec::new())
        };
        let rows: Vec<usize> = match more {
            // Every row: the row references' changes need not be gathered.
            None => {
                full.push(c);
                (0..n).collect()
            }
            Some(mut rows) => {
                for ch in k.row_deps.iter().filter_map(|d| changed.get(d)) {
                    rows.extend_from_slice(&ch.rows);
                }
                rows.sort_unstable();
                rows.dedup();
                rows
            }
        };
        if rows.is_empty() {
            continue;
        }
        let mut d = Diff::default();
        match eval_column(table, k, &rows, &calc.cache) {
            Values::Cells(cells) => {
                for (r, cell) in rows.iter().zip(cells) {
                    if let Some(old) = table.cell_mut(*r, c) {
                        d.put(*r, old, cell);
                    }
                }
            }
            Values::Numbers(nums, others) => {
                let mut others = others.into_iter().peekable();
                for (r, (old, x)) in table.column_cells_mut(c).iter_mut().zip(nums).enumerate() {
                    let cell = match others.next_if(|(i, _)| *i == r) {
                        Some((_, cell)) => cell,
                        None if matches!(old, Cell::Number(a) if a.to_bits() == x.to_bits()) => {
                            continue
                        }
                        None => {
                            d.number(r, old, x);
                            continue;
                        }
                    };
                    d.put(r, old, cell);
                }
            }
        }
        let Diff {
            rows: diff,
            span,
            spanned,
        } = d;
        if !diff.is_empty() {
            let span = span.filter(|_| spanned && diff.len() <= RANK_PATCH_LIMIT);
            changed.insert(c, Changed { rows: diff, span });
        }
    }
    full
}

/// The rows of one column an edit changed, gathered as they are written.
struct Diff {
    rows: Vec<usize>,
    /// The smallest and largest old and new values of numbers changed into numbers.
    span: Option<(f64, f64)>,
    /// Whether every change was a number into a number.
    spanned: bool,
}

impl Default for Diff {
    fn default() -> Self {
        Diff {
            rows: Vec::new(),
            span: None,
            spanned: true,
        }
    }
}

impl Diff {
    /// Writes `cell` over `old` (row `r`) unless they are the same bit for bit.
    fn put(&mut self, r: usize, old: &mut Cell, cell: Cell) {
        if same_bits(old, &cell) {
            return;
        }
        if let Cell::Number(x) = cell {
            return self.number(r, old, x);
        }
        self.spanned = false;
        *old = cell;
        self.rows.push(r);
    }

    /// Writes the number `x` over `old` (row `r`), which differs from it.
    fn number(&mut self, r: usize, old: &mut Cell, x: f64) {
        match old {
            Cell::Number(a) => {
                // Comparisons, not `f64::min` (a libm call on some
                // targets); the values are never NaN.
                let (lo, hi) = if *a < x { (*a, x) } else { (x, *a) };
                self.span = Some(match self.span {
                    Some((l, h)) => (if lo < l { lo } else { l }, if hi > h { hi } else { h }),
                    None => (lo, hi),
                });
                *a = x;
            }
            _ => {
                self.spanned = false;
                *old = Cell::Number(x);
            }
        }
        self.rows.push(r);
    }
}

/// What an edit changed in one column.
struct Changed {
    /// The rows whose value changed, ascending.
    rows: Vec<usize>,
    /// When a few numbers changed into numbers: the smallest and largest of
    /// their old and new values.
    span: Option<(f64, f64)>,
}

/// More changed rows than this and a rank reads its column anew.
const RANK_PATCH_LIMIT: usize = 64;

/// For a column `RANK.EQ([@x],[r])` (order constant or left out) whose
/// ranked column changed in a few numbers from `lo`..`hi` to numbers in
/// that span: the rows whose rank can have changed besides the changed
/// ones — those whose `x` is within the span, or not a number. Elsewhere
/// every changed value stayed on the same side of `x`, so the count of
/// values above (below) it, and its presence in the column, are as before.
/// `None` when the column is not such a rank: then every row is evaluated.
fn rank_rows(
    table: &Table,
    k: &Compiled,
    changed: &BTreeMap<usize, Changed>,
) -> Option<Vec<usize>> {
    let Node::Call(Func::RankEq, args) = &k.node else {
        return None;
    };
    let (Some(Node::Cell(x)), Some(Node::Column(r))) = (args.first(), args.get(1)) else {
        return None;
    };
    if !matches!(args.get(2), None | Some(Node::Const(_))) || !k.slots.is_empty() {
        return None;
    }
    // Only the ranked column may have changed among the ranges.
    if k.col_deps.iter().any(|d| d != r && changed.contains_key(d)) {
        return None;
    }
    let ch = changed.get(r)?;
    let (lo, hi) = ch.span?;
    let mut rows = ch.rows.clone();
    for (i, cell) in table.column_cells(*x).iter().enumerate() {
        match cell {
            Cell::Number(v) if *v < lo || *v > hi => {}
            _ => rows.push(i),
        }
    }
    Some(rows)
}

/// Whether two cells are the same, numbers bit for bit (so `-0` and `0`
/// differ, as they would after a full recalculation).
fn same_bits(a: &Cell, b: &Cell) -> bool {
    match (a, b) {
        (Cell::Number(x), Cell::Number(y)) => x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}
