//! Evaluation of compiled formula columns: one [`Eval`] per recalculation
//! holds the column values, numbers and sorted copies it has read, then
//! evaluates each row's tree (operators with Excel's coercions, functions,
//! aggregates over whole columns through the kept sorted copies).

use super::*;
/// A column's numbers in row order, or the first error in it.
type Numbers = Result<Rc<Vec<f64>>, ErrorKind>;

/// Evaluation state for one column's recalculation.
pub(super) struct Eval<'a> {
    table: &'a Table,
    cache: &'a SortCache,
    pub(super) slots: Vec<Value>,
    columns: RefCell<HashMap<usize, Rc<Vec<Value>>>>,
    numbers: RefCell<HashMap<usize, Numbers>>,
    /// Indexed by column: filled on first use in this recalculation.
    sorted: RefCell<Vec<Option<Sorted>>>,
}

impl<'a> Eval<'a> {
    pub(super) fn new(table: &'a Table, cache: &'a SortCache) -> Self {
        Eval {
            table,
            cache,
            slots: Vec::new(),
            columns: RefCell::new(HashMap::new()),
            numbers: RefCell::new(HashMap::new()),
            sorted: RefCell::new(vec![None; table.columns.len()]),
        }
    }

    /// The column's numbers, sorted (RANK.EQ, PERCENTRANK.INC and MEDIAN
    /// read them), once per recalculation and patched between them (see
    /// [`SortCache`]).
    fn sorted_column(&self, c: usize) -> Sorted {
        if let Some(Some(v)) = self.sorted.borrow().get(c) {
            return v.clone();
        }
        let res = self.cache.sorted(c, self.table.column_cells(c));
        if let Some(slot) = self.sorted.borrow_mut().get_mut(c) {
            *slot = Some(res.clone());
        }
        res
    }

    /// The column's numbers in row order, as an aggregate over the column
    /// alone reads them (text, logicals and blanks skipped; an error stops).
    fn column_numbers(&self, c: usize) -> Numbers {
        if let Some(v) = self.numbers.borrow().get(&c) {
            return v.clone();
        }
        let mut nums = Vec::with_capacity(self.table.len());
        let mut res: Numbers = Ok(Rc::new(Vec::new()));
        for cell in self.table.column_cells(c) {
            match cell {
                Cell::Number(n) => nums.push(*n),
                Cell::Error(e) => {
                    res = Err(*e);
                    break;
                }
                _ => {}
            }
        }
        if res.is_ok() {
            res = Ok(Rc::new(nums));
        }
        self.numbers.borrow_mut().insert(c, res.clone());
        res
    }

    fn column(&self, c: usize) -> Rc<Vec<Value>> {
        if let Some(v) = self.columns.borrow().get(&c) {
            return v.clone();
        }
        let v: Rc<Vec<Value>> = Rc::new(
            self.table
                .column_cells(c)
                .iter()
                .map(|cell| cell_value(Some(cell)))
                .collect(),
        );
        self.columns.borrow_mut().insert(c, v.clone());
        v
    }

    fn arg(&self, n: &Node, row: usize) -> Arg {
        match n {
            Node::Column(c) => Arg::Range(self.column(*c)),
            Node::Array(a) => Arg::Range(a.clone()),
            other => Arg::Scalar(self.eval(other, row)),
        }
    }

    pub(super) fn eval(&self, n: &Node, row: usize) -> Value {
        match n {
            Node::Const(v) => v.clone(),
            Node::Cell(c) => cell_value(self.table.cell(row, *c)),
            // A whole column or array where one value is needed.
            Node::Column(_) | Node::Array(_) => Value::Error(ErrorKind::Value),
            Node::Slot(i) => self
                .slots
                .get(*i)
                .cloned()
                .unwrap_or(Value::Error(ErrorKind::Value)),
            Node::Error(e) => Value::Error(*e),
            Node::Unary(op, a) => match self.eval(a, row).to_number() {
                Ok(x) => num(if *op == UnOp::Neg { -x } else { x }),
                Err(e) => Value::Error(e),
            },
            Node::Percent(a) => match self.eval(a, row).to_number() {
                Ok(x) => num(x / 100.0),
                Err(e) => Value::Error(e),
            },
            Node::Chain(_, rest) if rest.first().is_some_and(|(op, _)| is_arith(*op)) => {
                match self.eval_num(n, row) {
                    Ok(x) => num(x),
                    Err(e) => Value::Error(e),
                }
            }
            // `a & b & …` joins once into one string (a fold would copy the
            // growing text at every step); the first error wins, as in the fold.
            Node::Chain(first, rest)
                if rest.first().is_some_and(|(op, _)| *op == BinOp::Concat) =>
            {
                let mut out = match concat_text(&self.eval(first, row)) {
                    Ok(t) => t,
                    Err(e) => return Value::Error(e),
                };
                for (_, b) in rest {
                    match concat_text(&self.eval(b, row)) {
                        Ok(t) => out.push_str(&t),
                        Err(e) => return Value::Error(e),
                    }
                }
                Value::Text(out)
            }
            // Left to right, as Excel's left-associative operators: both
            // sides are evaluated and the first error wins.
            Node::Chain(first, rest) => {
                let mut acc = self.eval(first, row);
                for (op, b) in rest {
                    acc = binary(*op, acc, self.eval(b, row));
                }
                acc
            }
            Node::Call(f, args) => self.call(*f, args, row),
        }
    }

    /// Every row of `RANK.EQ([@c],[c])` or `PERCENTRANK.INC([c],[@c])`
    /// (the order or significance a constant, or left out) at once: the
    /// column's numbers are ordered once with their rows and each run of
    /// equal values gets its rank from its place in that order, instead of
    /// a binary search per row. Rows whose cell is not a number are
    /// evaluated as usual. `None` when the formula is not of this form or
    /// the column holds an error (then the general path answers).
    pub(super) fn self_rank_column(&self, n: &Node) -> Option<super::Values> {
        let Node::Call(f, args) = n else {
            return None;
        };
        let c = match (f, args.first(), args.get(1)) {
            (Func::RankEq, Some(Node::Cell(x)), Some(Node::Column(r)))
            | (Func::PercentRankInc, Some(Node::Column(r)), Some(Node::Cell(x)))
                if x == r =>
            {
                *r
            }
            _ => return None,
        };
        let third = match args.get(2) {
            None => None,
            Some(Node::Const(Value::Number(t))) if args.len() == 3 => Some(*t),
            Some(_) => return None,
        };
        let cells = self.table.column_cells(c);
        if cells.iter().any(|x| matches!(x, Cell::Error(_))) {
            return None;
        }
        let order = self.cache.ordered(c, cells);
        let m = order.len();
        let value_at = |i: usize| {
            order
                .get(i)
                .map(|(o, _)| f64::from_bits(super::from_ord(*o)))
        };
        // Per row: its number, or (when not `done`) the general path's cell.
        let mut nums = vec![0.0; cells.len()];
        let mut done = vec![false; cells.len()];
        let mut others = Vec::new();
        let mut lo = 0;
        while let Some(x) = value_at(lo) {
            // Values equal to x (as numbers: -0 and 0 are one run) sit at lo..hi.
            let mut hi = lo + 1;
            while value_at(hi).is_some_and(|y| y == x) {
                hi += 1;
            }
            let v = if *f == Func::RankEq {
                let ascending = third.is_some_and(|t| t != 0.0);
                Value::Number(if ascending { lo + 1 } else { m - hi + 1 } as f64)
            } else {
                crate::model::formula::functions::percentrank_member(m, lo, third.unwrap_or(3.0))
                    .unwrap_or_else(Value::Error)
            };
            let cell = value_cell(v);
            for (_, row) in order.get(lo..hi).unwrap_or(&[]) {
                let row = *row as usize;
                match (&cell, nums.get_mut(row), done.get_mut(row)) {
                    (Cell::Number(x), Some(slot), Some(d)) => {
                        *slot = *x;
                        *d = true;
                    }
                    (_, _, Some(d)) => {
                        others.push((row, cell.clone()));
                        *d = true;
                    }
                    _ => {}
                }
            }
            lo = hi;
        }
        for (row, d) in done.iter().enumerate() {
            if !d {
                others.push((row, value_cell(self.eval(n, row))));
            }
        }
        self.cache.keep(c, order);
        others.sort_unstable_by_key(|(row, _)| *row);
        Some(super::Values::Numbers(nums, others))
    }

    /// `RANK.EQ([@x],[r])` (the order a constant or left out) in `rows`:
    /// the ranked column's sorted copy is fetched once and each number cell
    /// ranked straight from it, as `call` does per row; other cells take
    /// the general path. `None` when the formula is not of this form or the
    /// ranked column holds an error.
    pub(super) fn rank_rows(&self, n: &Node, rows: &[usize]) -> Option<Vec<Cell>> {
        let Node::Call(Func::RankEq, args) = n else {
            return None;
        };
        let (Some(Node::Cell(x)), Some(Node::Column(r))) = (args.first(), args.get(1)) else {
            return None;
        };
        let ascending = match args.get(2) {
            None => false,
            Some(Node::Const(Value::Number(t))) if args.len() == 3 => *t != 0.0,
            Some(_) => return None,
        };
        let sorted = self.sorted_column(*r).ok()?;
        let xs = self.table.column_cells(*x);
        Some(
            rows.iter()
                .map(|row| match xs.get(*row) {
                    Some(Cell::Number(v)) => value_cell(
                        crate::model::formula::functions::rank_eq(&sorted, *v, ascending)
                            .unwrap_or_else(Value::Error),
                    ),
                    _ => value_cell(self.eval(n, *row)),
                })
                .collect(),
        )
    }

    /// The numeric fast path: evaluates arithmetic straight to `f64`, reading
    /// number cells without building values. Same results and the same
    /// error (the first, left to right) as the general path.
    fn eval_num(&self, n: &Node, row: usize) -> Result<f64, ErrorKind> {
        match n {
            Node::Const(Value::Number(v)) => Ok(*v),
            Node::Cell(c) => match self.table.cell(row, *c) {
                Some(Cell::Number(v)) => Ok(*v),
                Some(Cell::Empty) | None => Ok(0.0),
                other => cell_value(other).to_number(),
            },
            Node::Unary(op, a) => {
                let x = self.eval_num(a, row)?;
                Ok(if *op == UnOp::Neg { -x } else { x })
            }
            Node::Percent(a) => Ok(self.eval_num(a, row)? / 100.0),
            Node::Slot(i) => match self.slots.get(*i) {
                Some(Value::Number(v)) => Ok(*v),
                _ => self.eval(n, row).to_number(),
            },
            // MIN/MAX of number cells and constants (`MIN([@x],1.2)`): as the
            // per-row path in `call` computes it when every value is a number.
            Node::Call(f @ (Func::Min | Func::Max), args)
                if args
                    .iter()
                    .all(|a| matches!(a, Node::Cell(_) | Node::Const(Value::Number(_)))) =>
            {
                let min = *f == Func::Min;
                let mut acc = if min {
                    f64::INFINITY
                } else {
                    f64::NEG_INFINITY
                };
                for a in args {
                    let x = match a {
                        Node::Const(Value::Number(v)) => *v,
                        Node::Cell(c) => match self.table.cell(row, *c) {
                            Some(Cell::Number(v)) => *v,
                            _ => return self.eval(n, row).to_number(),
                        },
                        _ => return self.eval(n, row).to_number(),
                    };
                    acc = if min { acc.min(x) } else { acc.max(x) };
                }
                if args.is_empty() {
                    return self.eval(n, row).to_number();
                }
                num(acc).to_number()
            }
            Node::Chain(first, rest) if rest.first().is_some_and(|(op, _)| is_arith(*op)) => {
                let mut acc = self.eval_num(first, row)?;
                for (op, b) in rest {
                    let y = self.eval_num(b, row)?;
                    acc = arith(*op, acc, y)?;
                }
                Ok(acc)
            }
            other => self.eval(other, row).to_number(),
        }
    }

    fn call(&self, f: Func, args: &[Node], row: usize) -> Value {
        let ev = |i: usize| args.get(i).map(|a| self.eval(a, row));
        match f {
            Func::If => {
                let cond = match ev(0).unwrap_or(Value::Blank).to_bool() {
                    Ok(b) => b,
                    Err(e) => return Value::Error(e),
                };
                if cond {
                    ev(1).unwrap_or(Value::Bool(true))
                } else {
                    ev(2).unwrap_or(Value::Bool(false))
                }
            }
            Func::Ifs => {
                for pair in args.chunks(2) {
                    let (Some(c), Some(v)) = (pair.first(), pair.get(1)) else {
                        break;
                    };
                    match self.eval(c, row).to_bool() {
                        Ok(true) => return self.eval(v, row),
                        Ok(false) => {}
                        Err(e) => return Value::Error(e),
                    }
                }
                Value::Error(ErrorKind::NA)
            }
            Func::IfError => match ev(0) {
                Some(Value::Error(_)) => ev(1).unwrap_or(Value::Blank),
                Some(v) => v,
                None => Value::Blank,
            },
            Func::Choose => {
                let i = match ev(0).unwrap_or(Value::Blank).to_number() {
                    Ok(x) => x.trunc(),
                    Err(e) => return Value::Error(e),
                };
                if i < 1.0 || i >= args.len() as f64 {
                    return Value::Error(ErrorKind::Value);
                }
                ev(i as usize).unwrap_or(Value::Error(ErrorKind::Value))
            }
            // Per-row MIN/MAX/SUM/AVERAGE over single values (`MIN([@x],120)`):
            // no argument vectors, same coercions as the general path.
            Func::Min | Func::Max | Func::Sum | Func::Average
                if args
                    .iter()
                    .all(|a| !matches!(a, Node::Column(_) | Node::Array(_))) =>
            {
                let mut acc = match f {
                    Func::Min => f64::INFINITY,
                    Func::Max => f64::NEG_INFINITY,
                    _ => 0.0,
                };
                let mut count = 0usize;
                for a in args {
                    // A cell reference's text and logicals are skipped (see `args`).
                    let is_ref = matches!(a, Node::Cell(_));
                    let x = match self.eval(a, row) {
                        Value::Number(x) => x,
                        Value::Blank => continue,
                        Value::Bool(_) | Value::Text(_) if is_ref => continue,
                        Value::Bool(b) => f64::from(u8::from(b)),
                        Value::Text(t) => match crate::model::formula::value::text_to_number(&t) {
                            Some(x) => x,
                            None => return Value::Error(ErrorKind::Value),
                        },
                        Value::Error(e) => return Value::Error(e),
                    };
                    count += 1;
                    acc = match f {
                        Func::Min => acc.min(x),
                        Func::Max => acc.max(x),
                        _ => acc + x,
                    };
                }
                match f {
                    Func::Min | Func::Max if count == 0 => Value::Number(0.0),
                    Func::Average if count == 0 => Value::Error(ErrorKind::Div0),
                    Func::Average => num(acc / count as f64),
                    _ => num(acc),
                }
            }
            // Numeric LOOKUP over array constants (score bands): the last key
            // ≤ x among numbers, as `functions::lookup`, without allocating.
            Func::Lookup
                if matches!(args.get(1), Some(Node::Array(_)))
                    && matches!(args.get(2), None | Some(Node::Array(_))) =>
            {
                let x = match args.first().map(|a| self.eval(a, row)) {
                    Some(Value::Number(x)) => x,
                    _ => {
                        let vals: Vec<Arg> = args.iter().map(|a| self.arg(a, row)).collect();
                        return call(f, &vals);
                    }
                };
                let Some(Node::Array(keys)) = args.get(1) else {
                    return Value::Error(ErrorKind::NA);
                };
                let found = keys
                    .iter()
                    .rposition(|k| matches!(k, Value::Number(n) if *n <= x));
                let Some(i) = found else {
                    return Value::Error(ErrorKind::NA);
                };
                let results = match args.get(2) {
                    Some(Node::Array(res)) => res,
                    _ => keys,
                };
                results
                    .get(i)
                    .cloned()
                    .unwrap_or(Value::Error(ErrorKind::NA))
            }
            // SUM, AVERAGE and MEDIAN of one whole column read its numbers
            // straight from the cells (MEDIAN from the kept sorted copy):
            // the same numbers in the same order as the general path.
            Func::Sum | Func::Average | Func::Median
                if args.len() == 1 && matches!(args.first(), Some(Node::Column(_))) =>
            {
                let Some(Node::Column(c)) = args.first() else {
                    return Value::Error(ErrorKind::Value);
                };
                let r = if f == Func::Median {
                    self.sorted_column(*c)
                        .and_then(|s| crate::model::formula::functions::median_sorted(&s))
                } else {
                    self.column_numbers(*c).and_then(|xs| match f {
                        Func::Sum => Ok(num(xs.iter().sum())),
                        _ => crate::model::stats::mean(&xs)
                            .map(num)
                            .ok_or(ErrorKind::Div0),
                    })
                };
                r.unwrap_or_else(Value::Error)
            }
            Func::RankEq | Func::PercentRankInc => {
                let (range, x, third) = if f == Func::RankEq {
                    (args.get(1), args.first(), args.get(2))
                } else {
                    (args.first(), args.get(1), args.get(2))
                };
                let Some(Node::Column(c)) = range else {
                    return call(f, &self.args(f, args, row));
                };
                let sorted = match self.sorted_column(*c) {
                    Ok(s) => s,
                    Err(e) => return Value::Error(e),
                };
                let x = match x
                    .map(|n| self.eval(n, row))
                    .unwrap_or(Value::Blank)
                    .to_number()
                {
                    Ok(x) => x,
                    Err(e) => return Value::Error(e),
                };
                let third = match third.map(|n| self.eval(n, row).to_number()).transpose() {
                    Ok(t) => t,
                    Err(e) => return Value::Error(e),
                };
                let r = if f == Func::RankEq {
                    crate::model::formula::functions::rank_eq(
                        &sorted,
                        x,
                        third.is_some_and(|t| t != 0.0),
                    )
                } else {
                    crate::model::formula::functions::percentrank_inc(
                        &sorted,
                        x,
                        third.unwrap_or(3.0),
                    )
                };
                r.unwrap_or_else(Value::Error)
            }
            _ => call(f, &self.args(f, args, row)),
        }
    }

    /// Evaluated arguments of `f`. A row reference where `f` takes a range
    /// (`SUM([@x],1)`) is a one-cell range, as a cell reference is in Excel:
    /// its text and logicals are skipped, not coerced like typed values.
    fn args(&self, f: Func, args: &[Node], row: usize) -> Vec<Arg> {
        args.iter()
            .enumerate()
            .map(|(i, a)| match a {
                Node::Cell(_) if f.is_range_arg(i) => Arg::Range(Rc::new(vec![self.eval(a, row)])),
                other => self.arg(other, row),
            })
            .collect()
    }
}

fn is_arith(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Pow
    )
}

/// Arithmetic with Excel's errors; overflow is `#NUM!`.
fn arith(op: BinOp, x: f64, y: f64) -> Result<f64, ErrorKind> {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div if y == 0.0 => return Err(ErrorKind::Div0),
        BinOp::Div => x / y,
        BinOp::Pow => return pow(x, y).and_then(|v| v.to_number()),
        _ => return Err(ErrorKind::Value),
    };
    if r.is_finite() {
        Ok(r)
    } else {
        Err(ErrorKind::Num)
    }
}

fn binary(op: BinOp, a: Value, b: Value) -> Value {
    if is_arith(op) {
        let r = a
            .to_number()
            .and_then(|x| b.to_number().and_then(|y| arith(op, x, y)));
        return r.map(num).unwrap_or_else(Value::Error);
    }
    // Two numbers compare directly (values are never NaN: `num` makes them
    // #NUM!), equal to 15 significant digits; everything else by Excel's full rules.
    if let (Value::Number(x), Value::Number(y), false) = (&a, &b, op == BinOp::Concat) {
        let o = crate::model::formula::value::num_cmp(*x, *y);
        return Value::Bool(match op {
            BinOp::Eq => o == Ordering::Equal,
            BinOp::Ne => o != Ordering::Equal,
            BinOp::Lt => o == Ordering::Less,
            BinOp::Le => o != Ordering::Greater,
            BinOp::Gt => o == Ordering::Greater,
            _ => o != Ordering::Less,
        });
    }
    match op {
        BinOp::Concat => match (concat_text(&a), concat_text(&b)) {
            (Ok(x), Ok(y)) => Value::Text(x + &y),
            (Err(e), _) | (_, Err(e)) => Value::Error(e),
        },
        _ => match compare(&a, &b) {
            Ok(o) => Value::Bool(match op {
                BinOp::Eq => o == Ordering::Equal,
                BinOp::Ne => o != Ordering::Equal,
                BinOp::Lt => o == Ordering::Less,
                BinOp::Le => o != Ordering::Greater,
                BinOp::Gt => o == Ordering::Greater,
                _ => o != Ordering::Less,
            }),
            Err(e) => Value::Error(e),
        },
    }
}
