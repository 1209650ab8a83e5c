//! The calculation engine over the team table.
//!
//! Each formula column is parsed once and compiled to a [`Node`] tree with
//! column references resolved to indices. The columns form a dependency
//! graph: a row reference (`[@x]`, or `[x]` in a scalar position) and a
//! whole-column reference (`[x]` as a range argument, e.g. `AVERAGE([x])`)
//! are both edges. Columns are evaluated in topological order; the members
//! of a cycle get `#CYCLE!` in every row and a message naming the cycle.
//!
//! Row-invariant calls (those that read no row value, such as
//! `AVERAGE([客单价])`) are evaluated once per recalculation and cached;
//! whole columns and their sorted copies (for RANK.EQ, PERCENTRANK.INC) are
//! materialised once per recalculation of the column that reads them. A
//! column of plain arithmetic is computed a column at a time over `f64`s
//! (`fast`), rows that are not plain numbers by the general path.
//!
//! Incremental recalculation after editing one cell recomputes, in
//! topological order, only the formula columns the edit reaches: just that
//! row where the path is made of row references, every row where an
//! aggregate reads a changed column.

use super::ast::{BinOp, Expr, UnOp};
use super::functions::{call, concat_text, pow, Arg, Func};
use super::parser::{parse, SyntaxError};
use super::value::{compare, num, ErrorKind, Value};
use crate::i18n::Msg;
use crate::model::metric;
use crate::model::table::{Cell, Table};
use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::rc::Rc;

mod eval;
mod fast;
use eval::Eval;
pub mod into;

/// A compiled expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Const(Value),
    Array(Rc<Vec<Value>>),
    /// This row's value of a column.
    Cell(usize),
    /// A whole column (only as a range argument).
    Column(usize),
    Unary(UnOp, Box<Node>),
    Percent(Box<Node>),
    /// An operator chain of one precedence, left to right (see [`Expr::Chain`]).
    Chain(Box<Node>, Vec<(BinOp, Node)>),
    Call(Func, Vec<Node>),
    /// A row-invariant call, evaluated once per recalculation.
    Slot(usize),
    Error(ErrorKind),
}

/// A problem with a formula column, shown at its header and in the formula bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    pub msg: Msg,
    pub args: Vec<String>,
}

impl Issue {
    /// The message in `lang`, with "did you mean …" when there is a suggestion.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        match self.msg {
            Msg::FxUnknownColumn | Msg::FxUnknownFunction => {
                let name = self.args.first().cloned().unwrap_or_default();
                let hint = match self.args.get(1).filter(|h| !h.is_empty()) {
                    Some(h) => Msg::FxDidYouMean.fill(lang, std::slice::from_ref(h)),
                    None => String::new(),
                };
                self.msg.fill(lang, &[name, hint])
            }
            _ => self.msg.fill(lang, &self.args),
        }
    }
}

/// One formula column, compiled.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Compiled {
    pub(super) node: Node,
    pub(super) slots: Vec<Node>,
    pub(super) row_deps: Vec<usize>,
    pub(super) col_deps: Vec<usize>,
    /// Every column read, sorted, each once.
    pub(super) deps: Vec<usize>,
    /// Every column name the formula mentions, normalised as [`resolve`]
    /// compares them: a column that appears, disappears or is renamed under
    /// one of these names can change what the formula reads.
    pub(super) names: Vec<String>,
    /// The problem found while compiling (unknown name, syntax), if any.
    pub(super) issue: Option<Issue>,
}

/// A column name as [`resolve`] compares it.
pub(super) fn norm(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Finds the column a name refers to: its header, or a known metric's Chinese
/// or English name (case-insensitive).
pub fn resolve(table: &Table, name: &str) -> Option<usize> {
    let n = name.trim().to_lowercase();
    table
        .columns
        .iter()
        .position(|c| lower_eq(c.name.trim(), &n))
        .or_else(|| {
            table.columns.iter().position(|c| {
                c.metric
                    .and_then(metric::def)
                    .is_some_and(|d| d.zh.to_lowercase() == n || d.en.to_lowercase() == n)
            })
        })
}

/// `a.to_lowercase() == lower`, without building the lower-case copy (this
/// runs for every column on every name lookup). `char::to_lowercase` agrees
/// with `str::to_lowercase` except for a capital sigma, which the latter
/// lowers by its place in the word: that case takes the slow path.
pub fn lower_eq(a: &str, lower: &str) -> bool {
    if a.is_ascii() {
        return a.len() == lower.len()
            && a.bytes()
                .zip(lower.bytes())
                .all(|(x, y)| x.to_ascii_lowercase() == y);
    }
    if a.chars().any(|c| c == 'Σ') {
        return a.to_lowercase() == lower;
    }
    a.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// Edit distance in characters (for "did you mean").
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            if let Some(c) = cur.get_mut(j + 1) {
                *c = sub.min(del).min(ins);
            }
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// The closest of `candidates` to `name`, if reasonably close.
pub fn suggest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let limit = (name.chars().count() / 2).max(2);
    candidates
        .into_iter()
        .map(|c| (distance(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.to_string())
}

fn column_names(table: &Table) -> Vec<&str> {
    let mut v: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
    for c in &table.columns {
        if let Some(d) = c.metric.and_then(metric::def) {
            v.push(d.zh);
            v.push(d.en);
        }
    }
    v
}

/// Checks function names' argument counts. Unknown functions are not syntax
/// errors (they evaluate to `#NAME?`, as in Excel).
pub fn check_arity(src: &str, e: &Expr) -> Result<(), SyntaxError> {
    match e {
        Expr::Call(name, args) => {
            if let Some(f) = Func::from_name(name) {
                let (min, max) = f.arity();
                let n = args.len();
                let ok = n >= min && max.is_none_or(|m| n <= m) && !(f == Func::Ifs && n % 2 == 1);
                if !ok {
                    let (start, end) = find_ident(src, name);
                    let range = match max {
                        Some(m) if m == min => min.to_string(),
                        Some(m) => format!("{min}–{m}"),
                        None => format!("≥{min}"),
                    };
                    return Err(SyntaxError {
                        start,
                        end,
                        msg: Msg::FxErrArity,
                        args: vec![f.name().to_string(), range, n.to_string()],
                    });
                }
            }
            args.iter().try_for_each(|a| check_arity(src, a))
        }
        Expr::Unary(_, a) | Expr::Percent(a) => check_arity(src, a),
        Expr::Chain(first, rest) => {
            check_arity(src, first)?;
            rest.iter().try_for_each(|(_, b)| check_arity(src, b))
        }
        Expr::Array(items) => items.iter().try_for_each(|a| check_arity(src, a)),
        _ => Ok(()),
    }
}

fn find_ident(src: &str, name: &str) -> (usize, usize) {
    for t in super::lexer::lex(src) {
        if let super::lexer::Tok::Ident(w) = &t.tok {
            if w.eq_ignore_ascii_case(name) {
                return (t.start, t.end);
            }
        }
    }
    (0, src.chars().count())
}

/// Parses and checks a formula the user typed; the error points at the spot.
pub fn validate(src: &str) -> Result<Expr, SyntaxError> {
    let e = parse(src)?;
    check_arity(src, &e)?;
    Ok(e)
}

struct Compiler<'a> {
    table: &'a Table,
    row_deps: Vec<usize>,
    col_deps: Vec<usize>,
    names: Vec<String>,
    issue: Option<Issue>,
}

impl Compiler<'_> {
    fn unknown(&mut self, msg: Msg, name: &str, candidates: Vec<&str>) -> Node {
        if self.issue.is_none() {
            let hint = suggest(name, candidates).unwrap_or_default();
            self.issue = Some(Issue {
                msg,
                args: vec![name.to_string(), hint],
            });
        }
        Node::Error(ErrorKind::Name)
    }

    fn reference(&mut self, name: &str, this_row: bool, range_pos: bool) -> Node {
        match resolve(self.table, name) {
            Some(c) if range_pos && !this_row => {
                self.col_deps.push(c);
                Node::Column(c)
            }
            Some(c) => {
                self.row_deps.push(c);
                Node::Cell(c)
            }
            None => {
                let names = column_names(self.table);
                self.unknown(Msg::FxUnknownColumn, name, names)
            }
        }
    }

    fn compile(&mut self, e: &Expr, range_pos: bool) -> Node {
        match e {
            Expr::Number(v) => Node::Const(Value::Number(*v)),
            Expr::Omitted => Node::Const(Value::Blank),
            Expr::Text(t) => Node::Const(Value::Text(t.clone())),
            Expr::Bool(b) => Node::Const(Value::Bool(*b)),
            Expr::Ref { name, this_row } => {
                self.names.push(norm(name));
                self.reference(name, *this_row, range_pos)
            }
            Expr::Array(items) => Node::Array(Rc::new(
                items
                    .iter()
                    .map(|i| match i {
                        Expr::Number(v) => Value::Number(*v),
                        Expr::Text(t) => Value::Text(t.clone()),
                        Expr::Bool(b) => Value::Bool(*b),
                        _ => Value::Error(ErrorKind::Value),
                    })
                    .collect(),
            )),
            Expr::Unary(op, a) => Node::Unary(*op, Box::new(self.compile(a, false))),
            Expr::Percent(a) => Node::Percent(Box::new(self.compile(a, false))),
            Expr::Chain(first, rest) => Node::Chain(
                Box::new(self.compile(first, false)),
                rest.iter()
                    .map(|(op, b)| (*op, self.compile(b, false)))
                    .collect(),
            ),
            Expr::Call(name, args) => match Func::from_name(name) {
                Some(f) => Node::Call(
                    f,
                    args.iter()
                        .enumerate()
                        .map(|(i, a)| self.compile(a, f.is_range_arg(i)))
                        .collect(),
                ),
                None => {
                    let names: Vec<&str> = Func::ALL.iter().map(|f| f.name()).collect();
                    self.unknown(Msg::FxUnknownFunction, name, names)
                }
            },
        }
    }
}

fn reads_row(n: &Node) -> bool {
    match n {
        Node::Cell(_) => true,
        Node::Unary(_, a) | Node::Percent(a) => reads_row(a),
        Node::Chain(first, rest) => reads_row(first) || rest.iter().any(|(_, b)| reads_row(b)),
        Node::Call(_, args) => args.iter().any(reads_row),
        _ => false,
    }
}

/// Replaces maximal row-invariant calls with slots evaluated once.
fn hoist(n: Node, slots: &mut Vec<Node>) -> Node {
    match n {
        Node::Call(f, args) if !args.iter().any(reads_row) => {
            slots.push(Node::Call(f, args));
            Node::Slot(slots.len() - 1)
        }
        Node::Call(f, args) => Node::Call(f, args.into_iter().map(|a| hoist(a, slots)).collect()),
        Node::Unary(op, a) => Node::Unary(op, Box::new(hoist(*a, slots))),
        Node::Percent(a) => Node::Percent(Box::new(hoist(*a, slots))),
        Node::Chain(first, rest) => Node::Chain(
            Box::new(hoist(*first, slots)),
            rest.into_iter()
                .map(|(op, b)| (op, hoist(b, slots)))
                .collect(),
        ),
        other => other,
    }
}

/// Compiles formula `src` against `table`'s columns.
pub(super) fn compile_column(table: &Table, src: &str) -> Compiled {
    match validate(src) {
        Ok(expr) => {
            let mut c = Compiler {
                table,
                row_deps: Vec::new(),
                col_deps: Vec::new(),
                names: Vec::new(),
                issue: None,
            };
            let node = c.compile(&expr, false);
            let mut slots = Vec::new();
            let node = hoist(node, &mut slots);
            let mut deps: Vec<usize> = c.row_deps.iter().chain(&c.col_deps).copied().collect();
            deps.sort_unstable();
            deps.dedup();
            let mut names = c.names;
            names.sort_unstable();
            names.dedup();
            Compiled {
                node,
                slots,
                row_deps: c.row_deps,
                col_deps: c.col_deps,
                deps,
                names,
                issue: c.issue,
            }
        }
        // Formulas are validated before they are stored; a stored one that
        // no longer parses (an old file) shows #VALUE! with the reason.
        Err(e) => Compiled {
            node: Node::Error(ErrorKind::Value),
            slots: Vec::new(),
            row_deps: Vec::new(),
            col_deps: Vec::new(),
            deps: Vec::new(),
            names: Vec::new(),
            issue: Some(Issue {
                msg: e.msg,
                args: e.args,
            }),
        },
    }
}

/// Rewrites every column index in `n` by `f` (after a column is inserted or
/// removed before it).
pub(super) fn remap_node(n: &mut Node, f: &impl Fn(usize) -> usize) {
    match n {
        Node::Cell(c) | Node::Column(c) => *c = f(*c),
        Node::Unary(_, a) | Node::Percent(a) => remap_node(a, f),
        Node::Chain(first, rest) => {
            remap_node(first, f);
            for (_, b) in rest {
                remap_node(b, f);
            }
        }
        Node::Call(_, args) => args.iter_mut().for_each(|a| remap_node(a, f)),
        Node::Const(_) | Node::Array(_) | Node::Slot(_) | Node::Error(_) => {}
    }
}

/// Turns a cell into a formula value.
pub fn cell_value(c: Option<&Cell>) -> Value {
    match c {
        Some(Cell::Number(v)) => Value::Number(*v),
        Some(Cell::Text(t)) => Value::Text(t.clone()),
        Some(Cell::Bool(b)) => Value::Bool(*b),
        Some(Cell::Error(e)) => Value::Error(*e),
        // Unparseable input is text, as Excel would hold it.
        Some(Cell::Invalid { raw, .. }) => Value::Text(raw.clone()),
        Some(Cell::Empty) | None => Value::Blank,
    }
}

/// Turns a formula result into a cell. A blank result shows 0, as in Excel.
pub fn value_cell(v: Value) -> Cell {
    match v {
        Value::Number(n) if n.is_finite() => Cell::Number(n),
        Value::Number(_) => Cell::Error(ErrorKind::Num),
        Value::Text(t) => Cell::Text(t),
        Value::Bool(b) => Cell::Bool(b),
        Value::Blank => Cell::Number(0.0),
        Value::Error(e) => Cell::Error(e),
    }
}

/// A column's numbers sorted ascending, or the first error in it.
type Sorted = Result<Rc<Vec<f64>>, ErrorKind>;

/// What a cell contributes to its column's sorted numbers. Two cells with
/// the same key contribute the same (numbers compare by their bits).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Key {
    Num(u64),
    Err(ErrorKind),
    Skip,
}

fn key_of(cell: &Cell) -> Key {
    match cell {
        Cell::Number(n) => Key::Num(n.to_bits()),
        Cell::Error(e) => Key::Err(*e),
        _ => Key::Skip,
    }
}

/// One column's sorted numbers and, per row, the key they were built from.
#[derive(Clone, Debug)]
struct SortedColumn {
    keys: Vec<Key>,
    sorted: Rc<Vec<f64>>,
}

/// More changed rows than this and a column is sorted again rather than
/// patched (each patch moves the vector's tail once).
const PATCH_LIMIT: usize = 64;

/// Columns' sorted numbers kept from one recalculation to the next, so an
/// edit that changes a few cells of a ranked column patches its sorted copy
/// (one binary search and one move per changed cell) instead of sorting it
/// again.
///
/// The cache checks itself: each use compares every row's key with the one
/// the sorted copy was built from, so it is right whatever happened to the
/// table in between (undo, new rows, columns renumbered); a column whose
/// rows mostly changed is sorted again from scratch. A sorted multiset under
/// `f64::total_cmp` has one arrangement, so a patched copy equals a fresh
/// sort bit for bit. It is a cache, not state: two caches always compare
/// equal, and a clone shares the copies until one is patched.
#[derive(Clone, Default)]
pub struct SortCache(
    RefCell<HashMap<usize, SortedColumn>>,
    /// Per column, its number cells' rows in the order of their values at
    /// the last whole-column rank ([`SortCache::ordered`]).
    RefCell<HashMap<usize, Vec<(u64, u32)>>>,
);

impl PartialEq for SortCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for SortCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SortCache")
    }
}

impl SortCache {
    /// `cells`' numbers as (`to_ord` of the value, row), sorted: the last
    /// order of this column with its keys refreshed, then sorted again —
    /// after an edit the order has barely moved, and a stable sort of a
    /// nearly sorted list is close to one pass. Equal keys are ordered by
    /// row, so the result is the same as a fresh sort. Give it back with
    /// [`SortCache::keep`] to reuse it.
    pub(super) fn ordered(&self, col: usize, cells: &[Cell]) -> Vec<(u64, u32)> {
        let mut map = self.1.borrow_mut();
        let count = cells
            .iter()
            .filter(|c| matches!(c, Cell::Number(_)))
            .count();
        let mut order = map
            .remove(&col)
            .filter(|o| o.len() == count)
            .unwrap_or_default();
        let kept = !order.is_empty()
            && order
                .iter_mut()
                .all(|(o, row)| match cells.get(*row as usize) {
                    Some(Cell::Number(v)) => {
                        *o = to_ord(v.to_bits());
                        true
                    }
                    _ => false,
                });
        if !kept {
            order = cells
                .iter()
                .enumerate()
                .filter_map(|(i, x)| match x {
                    Cell::Number(v) => Some((to_ord(v.to_bits()), i as u32)),
                    _ => None,
                })
                .collect();
        }
        order.sort();
        order
    }

    /// Keeps `order` (from [`SortCache::ordered`], used) for the next edit.
    pub(super) fn keep(&self, col: usize, order: Vec<(u64, u32)>) {
        self.1.borrow_mut().insert(col, order);
    }

    /// `cells` sorted (numbers only), or the first error in row order.
    fn sorted(&self, col: usize, cells: &[Cell]) -> Sorted {
        let mut map = self.0.borrow_mut();
        let entry = map.remove(&col).filter(|e| e.keys.len() == cells.len());
        let entry = match entry {
            Some(mut e) => {
                let mut changed: Vec<(Key, Key)> = Vec::new();
                let mut many = false;
                for (k, cell) in e.keys.iter_mut().zip(cells) {
                    let new = key_of(cell);
                    if *k != new {
                        if changed.len() < PATCH_LIMIT {
                            changed.push((*k, new));
                        } else {
                            many = true;
                        }
                        *k = new;
                    }
                }
                if many {
                    e.sorted = Rc::new(sort_keys(&e.keys));
                } else if !changed.is_empty() {
                    let v = Rc::make_mut(&mut e.sorted);
                    for (old, new) in changed {
                        if let Key::Num(b) = old {
                            let x = f64::from_bits(b);
                            let i = v.partition_point(|y| y.total_cmp(&x) == Ordering::Less);
                            if v.get(i).is_some_and(|y| y.to_bits() == b) {
                                v.remove(i);
                            }
                        }
                        if let Key::Num(b) = new {
                            let x = f64::from_bits(b);
                            let i = v.partition_point(|y| y.total_cmp(&x) != Ordering::Greater);
                            v.insert(i, x);
                        }
                    }
                }
                e
            }
            None => {
                let keys: Vec<Key> = cells.iter().map(key_of).collect();
                let sorted = Rc::new(sort_keys(&keys));
                SortedColumn { keys, sorted }
            }
        };
        let first_error = entry.keys.iter().find_map(|k| match k {
            Key::Err(e) => Some(*e),
            _ => None,
        });
        let res = match first_error {
            Some(e) => Err(e),
            None => Ok(entry.sorted.clone()),
        };
        map.insert(col, entry);
        res
    }
}

/// The numbers among `keys`, in `f64::total_cmp` order. They are sorted as
/// integers that order the same way (sign bit flipped for positives, every
/// bit for negatives — what `total_cmp` compares), which is several times
/// faster than a float comparator; equal integers are equal bits, so an
/// unstable sort gives the one arrangement.
/// The bits of an `f64` as an integer that orders as `f64::total_cmp` does.
pub(super) fn to_ord(b: u64) -> u64 {
    const SIGN: u64 = 1 << 63;
    if b & SIGN != 0 {
        !b
    } else {
        b | SIGN
    }
}

/// The inverse of [`to_ord`].
pub(super) fn from_ord(o: u64) -> u64 {
    const SIGN: u64 = 1 << 63;
    if o & SIGN != 0 {
        o & !SIGN
    } else {
        !o
    }
}

fn sort_keys(keys: &[Key]) -> Vec<f64> {
    let mut ords: Vec<u64> = keys
        .iter()
        .filter_map(|k| match k {
            Key::Num(b) => Some(to_ord(*b)),
            _ => None,
        })
        .collect();
    ords.sort_unstable();
    ords.into_iter()
        .map(|o| f64::from_bits(from_ord(o)))
        .collect()
}

/// A formula column's new values for the rows asked.
pub(super) enum Values {
    /// One cell per row asked, in their order.
    Cells(Vec<Cell>),
    /// Every row of the table (asked in order): a number per row, except
    /// the rows listed (ascending), whose cells are given — no cell per row
    /// is built where the old one may be kept.
    Numbers(Vec<f64>, Vec<(usize, Cell)>),
}

impl Values {
    /// One cell per row asked.
    pub(super) fn into_cells(self) -> Vec<Cell> {
        match self {
            Values::Cells(cells) => cells,
            Values::Numbers(nums, others) => {
                let mut cells: Vec<Cell> = nums.into_iter().map(Cell::Number).collect();
                for (r, cell) in others {
                    if let Some(slot) = cells.get_mut(r) {
                        *slot = cell;
                    }
                }
                cells
            }
        }
    }
}

pub(super) fn eval_column(
    table: &Table,
    k: &Compiled,
    rows: &[usize],
    cache: &SortCache,
) -> Values {
    let mut ev = Eval::new(table, cache);
    let slots: Vec<Value> = k.slots.iter().map(|s| ev.eval(s, 0)).collect();
    ev.slots = slots;
    if rows.len() == table.len() {
        if let Some(values) = ev.self_rank_column(&k.node) {
            return values;
        }
        if let Some((mut vals, bad)) = fast::arith_column(table, &k.node, &ev.slots) {
            let mut others = Vec::new();
            for (r, (x, bad)) in vals.iter_mut().zip(bad).enumerate() {
                if bad {
                    others.push((r, value_cell(ev.eval(&k.node, r))));
                } else if *x == 0.0 {
                    // As `num`: a zero result is +0.
                    *x = 0.0;
                }
            }
            return Values::Numbers(vals, others);
        }
    }
    if let Some(cells) = ev.rank_rows(&k.node, rows) {
        return Values::Cells(cells);
    }
    Values::Cells(
        rows.iter()
            .map(|r| value_cell(ev.eval(&k.node, *r)))
            .collect(),
    )
}

pub(super) fn write(table: &mut Table, col: usize, rows: &[usize], values: Values) {
    let cells = values.into_cells();
    if rows.len() == table.len() {
        // A full column (rows are 0..n in order): replace it whole.
        table.set_column(col, cells);
        return;
    }
    for (r, cell) in rows.iter().zip(cells) {
        if let Some(c) = table.cell_mut(*r, col) {
            *c = cell;
        }
    }
}

/// Rewrites references to column `old` as `[new]` in `src`, keeping the rest
/// of the text as the user wrote it.
pub fn rename_refs(src: &str, old: &str, new: &str) -> String {
    let toks = super::lexer::lex(src);
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::new();
    let mut pos = 0;
    for (i, t) in toks.iter().enumerate() {
        let hit = match &t.tok {
            super::lexer::Tok::Ref { name, at } => name.eq_ignore_ascii_case(old).then_some(*at),
            super::lexer::Tok::Ident(w) => {
                let is_call = toks
                    .get(i + 1)
                    .is_some_and(|n| n.tok == super::lexer::Tok::LParen);
                (!is_call && w.eq_ignore_ascii_case(old)).then_some(false)
            }
            _ => None,
        };
        if let Some(at) = hit {
            out.extend(chars.get(pos..t.start).unwrap_or(&[]).iter());
            out.push_str(&format!("[{}{new}]", if at { "@" } else { "" }));
            pos = t.end;
        }
    }
    out.extend(chars.get(pos..).unwrap_or(&[]).iter());
    out
}

/// For tests and tools: evaluates `src` against row `row` of `table` as a
/// formula column would (the table's own formula columns are used as they are).
pub fn eval_formula(table: &Table, src: &str, row: usize) -> Result<Value, SyntaxError> {
    validate(src)?;
    let k = compile_column(table, src);
    let cache = SortCache::default();
    let mut ev = Eval::new(table, &cache);
    ev.slots = k.slots.iter().map(|s| ev.eval(s, 0)).collect();
    Ok(ev.eval(&k.node, row))
}
