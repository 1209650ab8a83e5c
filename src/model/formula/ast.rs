//! The formula syntax tree and its printer.
//!
//! The printer writes the canonical form (upper-case function names,
//! bracketed references, the fewest parentheses that keep the tree), and
//! `parse(print(ast)) == ast` for every tree the parser produces.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Plus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    Concat,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl BinOp {
    /// Binding power (higher binds tighter), Excel's order: comparisons < & <
    /// + - < * / < ^. All are left-associative, `^` included (2^3^2 = 64).
    pub fn power(self) -> u8 {
        match self {
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => 1,
            BinOp::Concat => 2,
            BinOp::Add | BinOp::Sub => 3,
            BinOp::Mul | BinOp::Div => 4,
            BinOp::Pow => 5,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Pow => "^",
            BinOp::Concat => "&",
            BinOp::Eq => "=",
            BinOp::Ne => "<>",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
        }
    }
}

/// A formula expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Number(f64),
    Text(String),
    Bool(bool),
    /// A column reference: `[name]` / a bare name (`this_row: false`) or `[@name]`.
    Ref {
        name: String,
        this_row: bool,
    },
    /// An array constant `{1,2,3}`.
    Array(Vec<Expr>),
    Unary(UnOp, Box<Expr>),
    /// Postfix `%`: divides by 100.
    Percent(Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// A function call; the name is upper case.
    Call(String, Vec<Expr>),
    /// An omitted argument, as in `XLOOKUP(x,a,b,,-1)`.
    Omitted,
}

/// Precedence of a node for printing: atoms 9, unary 7, percent 6, binary by op.
fn prec(e: &Expr) -> u8 {
    match e {
        Expr::Binary(op, ..) => op.power(),
        Expr::Percent(_) => 6,
        Expr::Unary(..) => 7,
        _ => 9,
    }
}

fn write_num(f: &mut fmt::Formatter<'_>, v: f64) -> fmt::Result {
    // Rust's shortest round-trip representation parses back to the same bits.
    write!(f, "{v:?}")
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Number(v) => write_num(f, *v),
            Expr::Text(s) => write!(f, "\"{}\"", s.replace('"', "\"\"")),
            Expr::Bool(b) => write!(f, "{}", if *b { "TRUE" } else { "FALSE" }),
            Expr::Ref { name, this_row } => {
                write!(f, "[{}{}]", if *this_row { "@" } else { "" }, name)
            }
            Expr::Array(items) => {
                write!(f, "{{")?;
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        write!(f, ",")?;
                    }
                    write!(f, "{it}")?;
                }
                write!(f, "}}")
            }
            Expr::Unary(op, inner) => {
                let sym = if *op == UnOp::Neg { "-" } else { "+" };
                // The operand of a prefix operator is an atom, a percent or
                // another prefix; anything looser needs parentheses.
                if prec(inner) >= 6 {
                    write!(f, "{sym}{inner}")
                } else {
                    write!(f, "{sym}({inner})")
                }
            }
            Expr::Percent(inner) => {
                if prec(inner) >= 9 || matches!(**inner, Expr::Percent(_)) {
                    write!(f, "{inner}%")
                } else {
                    write!(f, "({inner})%")
                }
            }
            Expr::Binary(op, l, r) => {
                let p = op.power();
                // Left-associative: the left child may share the power, the right may not.
                if prec(l) >= p {
                    write!(f, "{l}")?;
                } else {
                    write!(f, "({l})")?;
                }
                write!(f, "{}", op.symbol())?;
                if prec(r) > p {
                    write!(f, "{r}")
                } else {
                    write!(f, "({r})")
                }
            }
            Expr::Omitted => Ok(()),
            Expr::Call(name, args) => {
                write!(f, "{name}(")?;
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        write!(f, ",")?;
                    }
                    write!(f, "{a}")?;
                }
                write!(f, ")")
            }
        }
    }
}
