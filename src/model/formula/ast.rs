//! The formula syntax tree and its printer.
//!
//! The printer writes the canonical form (upper-case function names,
//! bracketed references, the fewest parentheses that keep the tree), and
//! `parse(print(ast)) == ast` for every tree the parser produces.
//!
//! Operators of one precedence level in a row (`1+2-3+…`, `a&b&c`) are one
//! [`Expr::Chain`] node holding its operands in a vector, not a left-leaning
//! tower of binary nodes: a chain of any length costs no depth, so every
//! walk over the tree (compiling, evaluating, printing, cloning, dropping)
//! recurses only as deep as the formula truly nests, which the parser bounds
//! ([`crate::model::formula::parser::MAX_NESTING`]).

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
    /// `first op₁ x₁ op₂ x₂ …`, evaluated left to right (Excel's operators
    /// are all left-associative, `^` included). Every `op` has the same
    /// [`BinOp::power`], `rest` is never empty, and `first` is never itself
    /// a chain of that power (build with [`Expr::binary`], which flattens).
    Chain(Box<Expr>, Vec<(BinOp, Expr)>),
    /// A function call; the name is upper case.
    Call(String, Vec<Expr>),
    /// An omitted argument, as in `XLOOKUP(x,a,b,,-1)`.
    Omitted,
}

impl Expr {
    /// `a op b`: appended to `a` when `a` is a chain of the same precedence
    /// (`(1+2)-3` is `1+2-3`, the same value and the same printed form),
    /// otherwise a new two-operand chain.
    pub fn binary(op: BinOp, a: Expr, b: Expr) -> Expr {
        match a {
            Expr::Chain(first, mut rest) if chain_power(&rest) == Some(op.power()) => {
                rest.push((op, b));
                Expr::Chain(first, rest)
            }
            a => Expr::Chain(Box::new(a), vec![(op, b)]),
        }
    }
}

/// The precedence shared by a chain's operators.
pub fn chain_power(rest: &[(BinOp, Expr)]) -> Option<u8> {
    rest.first().map(|(op, _)| op.power())
}

/// Precedence of a node for printing: atoms 9, unary 7, percent 6, chains by op.
fn prec(e: &Expr) -> u8 {
    match e {
        Expr::Chain(_, rest) => chain_power(rest).unwrap_or(9),
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
            Expr::Chain(first, rest) => {
                let p = chain_power(rest).unwrap_or(9);
                // Left-associative: the first operand may share the power,
                // the later ones may not.
                if prec(first) >= p {
                    write!(f, "{first}")?;
                } else {
                    write!(f, "({first})")?;
                }
                for (op, r) in rest {
                    write!(f, "{}", op.symbol())?;
                    if prec(r) > p {
                        write!(f, "{r}")?;
                    } else {
                        write!(f, "({r})")?;
                    }
                }
                Ok(())
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
