//! Whole-column arithmetic a column at a time: a formula that is plain
//! arithmetic (`+ - * /`, unary minus, `%`) over this row's cells, number
//! constants, row-invariant numbers (`AVERAGE([x])`) and `MIN`/`MAX` of
//! cells and constants is evaluated as a few tight loops over `f64`
//! columns instead of one tree walk per row.
//!
//! It computes exactly what `Eval::eval_num` computes for a row whose
//! inputs are all numbers and whose every step stays finite (IEEE
//! operations are the same one by one or in a loop). Every other row — a
//! blank, text, logical or error input (read as NaN, which every step
//! carries on), a division by zero, an overflow — is marked and evaluated
//! by the general path, so errors and coercions stay Excel's.

use super::super::ast::{BinOp, UnOp};
use super::super::functions::Func;
use super::super::value::Value;
use super::{Cell, Node, Table};

/// An operand: one number for every row, or one per row.
enum Col {
    Scalar(f64),
    Rows(Vec<f64>),
}

/// The column's values for every row of `table`, with the rows that must be
/// evaluated by the general path marked `true`; `None` when `node` is not
/// of the supported form (then every row takes the general path).
pub(super) fn arith_column(
    table: &Table,
    node: &Node,
    slots: &[Value],
) -> Option<(Vec<f64>, Vec<bool>)> {
    // Only a top-level arithmetic chain: `eval` turns its `eval_num` result
    // into a value with `num`, which the caller mirrors.
    let Node::Chain(_, rest) = node else {
        return None;
    };
    if !rest.first().is_some_and(|(op, _)| is_arith(*op)) {
        return None;
    }
    let n = table.len();
    let mut f = Fast {
        table,
        slots,
        bad: vec![false; n],
    };
    let vals = match f.eval(node)? {
        Col::Rows(v) => v,
        Col::Scalar(x) => vec![x; n],
    };
    Some((vals, f.bad))
}

struct Fast<'a> {
    table: &'a Table,
    slots: &'a [Value],
    /// Rows whose result the general path must give.
    bad: Vec<bool>,
}

impl Fast<'_> {
    /// Mirrors `Eval::eval_num` on the rows that stay plain numbers.
    fn eval(&mut self, n: &Node) -> Option<Col> {
        match n {
            Node::Const(Value::Number(v)) if v.is_finite() => Some(Col::Scalar(*v)),
            Node::Cell(c) => Some(Col::Rows(self.cell_numbers(*c))),
            Node::Slot(i) => match self.slots.get(*i) {
                Some(Value::Number(v)) if v.is_finite() => Some(Col::Scalar(*v)),
                _ => None,
            },
            Node::Unary(op, a) => {
                let x = self.eval(a)?;
                Some(if *op == UnOp::Neg { map(x, |v| -v) } else { x })
            }
            Node::Percent(a) => {
                let x = self.eval(a)?;
                Some(map(x, |v| v / 100.0))
            }
            Node::Call(f @ (Func::Min | Func::Max), args)
                if !args.is_empty()
                    && args
                        .iter()
                        .all(|a| matches!(a, Node::Cell(_) | Node::Const(Value::Number(_)))) =>
            {
                self.min_max(*f == Func::Min, args)
            }
            Node::Chain(first, rest) if rest.first().is_some_and(|(op, _)| is_arith(*op)) => {
                let mut acc = self.eval(first)?;
                for (op, b) in rest {
                    let y = self.eval(b)?;
                    acc = self.arith(*op, acc, y)?;
                }
                Some(acc)
            }
            _ => None,
        }
    }

    /// Column `c`'s numbers, NaN where a cell holds anything else: every
    /// operation below carries a NaN to the result, which is then marked
    /// as not finite (cells never hold NaN: a formula's NaN is `#NUM!`).
    fn cell_numbers(&self, c: usize) -> Vec<f64> {
        let cells = self.table.column_cells(c);
        let mut out: Vec<f64> = cells
            .iter()
            .map(|cell| match cell {
                Cell::Number(v) => *v,
                _ => f64::NAN,
            })
            .collect();
        // A column shorter than the table (never, but stay in step).
        out.resize(self.bad.len(), f64::NAN);
        out
    }

    /// `MIN`/`MAX` of cells and number constants, as `eval_num` folds them:
    /// from ±∞, then `num` (a zero result is +0).
    fn min_max(&mut self, min: bool, args: &[Node]) -> Option<Col> {
        let start = if min {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        };
        let mut acc = Col::Scalar(start);
        for a in args {
            let x = match a {
                Node::Const(Value::Number(v)) if v.is_finite() => Col::Scalar(*v),
                Node::Cell(c) => Col::Rows(self.cell_numbers(*c)),
                _ => return None,
            };
            // Comparisons rather than `f64::min` (a libm call on some
            // targets) that carry a NaN on; on numbers they agree except
            // for the sign of a zero, which `num` drops below.
            acc = if min {
                zip(acc, x, |a, b| if b < a || b.is_nan() { b } else { a })
            } else {
                zip(acc, x, |a, b| if b > a || b.is_nan() { b } else { a })
            };
        }
        let acc = map(acc, |v| if v == 0.0 { 0.0 } else { v });
        // `num`: a result that is not finite (a NaN from a cell that is not
        // a number, an infinite cell) is an error or a skipped cell.
        self.mark(&acc);
        Some(acc)
    }

    /// Marks the rows where `x` is not finite.
    fn mark(&mut self, x: &Col) {
        match x {
            Col::Scalar(v) if !v.is_finite() => self.bad.iter_mut().for_each(|m| *m = true),
            Col::Scalar(_) => {}
            Col::Rows(vs) => {
                for (m, v) in self.bad.iter_mut().zip(vs) {
                    *m |= !v.is_finite();
                }
            }
        }
    }

    /// `x op y` row by row; rows where `arith` would give an error are
    /// marked: a result that is not finite (a zero divisor gives ±∞ or NaN,
    /// so it is among them).
    fn arith(&mut self, op: BinOp, x: Col, y: Col) -> Option<Col> {
        let f: fn(f64, f64) -> f64 = match op {
            BinOp::Add => |a, b| a + b,
            BinOp::Sub => |a, b| a - b,
            BinOp::Mul => |a, b| a * b,
            BinOp::Div => |a, b| a / b,
            // `pow` has its own rules (negative bases, 0^0): general path.
            _ => return None,
        };
        let r = zip(x, y, f);
        self.mark(&r);
        Some(r)
    }
}

fn is_arith(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Pow
    )
}

fn map(x: Col, f: impl Fn(f64) -> f64) -> Col {
    match x {
        Col::Scalar(v) => Col::Scalar(f(v)),
        Col::Rows(mut v) => {
            v.iter_mut().for_each(|a| *a = f(*a));
            Col::Rows(v)
        }
    }
}

/// `f(x, y)` row by row, reusing one of the operands' vectors.
fn zip(x: Col, y: Col, f: impl Fn(f64, f64) -> f64) -> Col {
    match (x, y) {
        (Col::Scalar(a), Col::Scalar(b)) => Col::Scalar(f(a, b)),
        (Col::Rows(mut a), Col::Scalar(b)) => {
            a.iter_mut().for_each(|v| *v = f(*v, b));
            Col::Rows(a)
        }
        (Col::Scalar(a), Col::Rows(mut b)) => {
            b.iter_mut().for_each(|v| *v = f(a, *v));
            Col::Rows(b)
        }
        (Col::Rows(mut a), Col::Rows(b)) => {
            a.iter_mut().zip(&b).for_each(|(v, w)| *v = f(*v, *w));
            Col::Rows(a)
        }
    }
}
