//! Formula parser (Pratt), Excel precedence:
//! prefix `-`/`+` > postfix `%` > `^` > `* /` > `+ -` > `&` > comparisons.
//!
//! Errors carry the character span they point at and a message key, so the
//! formula bar can underline the spot and explain it in the user's language.
//!
//! Operators of one precedence in a row become one n-ary [`Expr::Chain`]
//! (built in a loop, any length). What truly nests is bounded by
//! [`MAX_NESTING`], counted one way: each bracket pair, function call,
//! prefix sign and postfix `%` around a point is one level. Between two
//! such levels the tree can step through at most five operator chains
//! (comparison → `&` → `+ -` → `* /` → `^`), so the depth of every tree the
//! parser returns — and of every recursion over it — is bounded too.

use super::ast::{BinOp, Expr, UnOp};
use super::lexer::{lex, Tok, Token};
use crate::i18n::Msg;

/// A syntax error: where and what.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub start: usize,
    pub end: usize,
    pub msg: Msg,
    pub args: Vec<String>,
}

/// Deepest nesting accepted (brackets, function calls, signs and `%`
/// around any point); deeper input is refused with
/// [`Msg::FxErrTooDeep`] rather than risking the stack. Excel's own limit
/// for nested functions is 64 levels.
pub const MAX_NESTING: usize = 64;

struct Parser {
    toks: Vec<Token>,
    pos: usize,
    end: usize,
    /// Current nesting (see [`MAX_NESTING`]).
    depth: usize,
}

fn err(start: usize, end: usize, msg: Msg, args: Vec<String>) -> SyntaxError {
    SyntaxError {
        start,
        end,
        msg,
        args,
    }
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.tok)
    }

    fn span(&self) -> (usize, usize) {
        self.toks
            .get(self.pos)
            .map(|t| (t.start, t.end))
            .unwrap_or((self.end, self.end))
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }

    fn expect_tok(&mut self, want: &Tok, what: &str) -> Result<(), SyntaxError> {
        if self.peek() == Some(want) {
            self.pos += 1;
            Ok(())
        } else {
            let (s, e) = self.span();
            Err(err(s, e, Msg::FxErrExpected, vec![what.to_string()]))
        }
    }

    /// Opens one nesting level; refused past [`MAX_NESTING`].
    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            let (s, e) = self.span();
            return Err(err(s, e, Msg::FxErrTooDeep, vec![MAX_NESTING.to_string()]));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn binop(&self) -> Option<BinOp> {
        Some(match self.peek()? {
            Tok::Plus => BinOp::Add,
            Tok::Minus => BinOp::Sub,
            Tok::Star => BinOp::Mul,
            Tok::Slash => BinOp::Div,
            Tok::Caret => BinOp::Pow,
            Tok::Amp => BinOp::Concat,
            Tok::Eq => BinOp::Eq,
            Tok::Ne => BinOp::Ne,
            Tok::Lt => BinOp::Lt,
            Tok::Le => BinOp::Le,
            Tok::Gt => BinOp::Gt,
            Tok::Ge => BinOp::Ge,
            _ => return None,
        })
    }

    /// Operators of binding power ≥ `min`. The loop gathers a run of one
    /// power into one chain; a tighter operator recurses at most five times
    /// (one per precedence level) before reaching a prefix, a bracket or an atom.
    fn expr(&mut self, min: u8) -> Result<Expr, SyntaxError> {
        let mut lhs = self.unary()?;
        while let Some(op) = self.binop() {
            let p = op.power();
            if p < min {
                break;
            }
            self.pos += 1;
            let rhs = self.expr(p + 1)?;
            lhs = Expr::binary(op, lhs, rhs);
        }
        Ok(lhs)
    }

    fn unary(&mut self) -> Result<Expr, SyntaxError> {
        let op = match self.peek() {
            Some(Tok::Minus) => Some(UnOp::Neg),
            Some(Tok::Plus) => Some(UnOp::Plus),
            _ => None,
        };
        if let Some(op) = op {
            self.pos += 1;
            self.enter()?;
            let inner = self.unary()?;
            self.leave();
            return Ok(Expr::Unary(op, Box::new(inner)));
        }
        let mut e = self.primary()?;
        let mut percents = 0;
        while self.peek() == Some(&Tok::Percent) {
            self.enter()?;
            percents += 1;
            self.pos += 1;
            e = Expr::Percent(Box::new(e));
        }
        for _ in 0..percents {
            self.leave();
        }
        Ok(e)
    }

    fn array_item(&mut self) -> Result<Expr, SyntaxError> {
        let (s, e) = self.span();
        let neg = self.peek() == Some(&Tok::Minus);
        if neg {
            self.pos += 1;
        }
        let item = match self.next().map(|t| t.tok) {
            Some(Tok::Number(v)) => Expr::Number(if neg { -v } else { v }),
            Some(Tok::Text(t)) if !neg => Expr::Text(t),
            Some(Tok::Ident(w)) if !neg && w.eq_ignore_ascii_case("TRUE") => Expr::Bool(true),
            Some(Tok::Ident(w)) if !neg && w.eq_ignore_ascii_case("FALSE") => Expr::Bool(false),
            _ => return Err(err(s, e, Msg::FxErrArrayItem, Vec::new())),
        };
        Ok(item)
    }

    fn primary(&mut self) -> Result<Expr, SyntaxError> {
        let (s, e) = self.span();
        let Some(tok) = self.next() else {
            return Err(err(s, e, Msg::FxErrUnexpectedEnd, Vec::new()));
        };
        match tok.tok {
            Tok::Number(v) => Ok(Expr::Number(v)),
            Tok::Text(t) => Ok(Expr::Text(t)),
            Tok::Ref { name, at } => {
                if name.is_empty() {
                    Err(err(s, e, Msg::FxErrEmptyRef, Vec::new()))
                } else {
                    Ok(Expr::Ref { name, this_row: at })
                }
            }
            Tok::Ident(w) => {
                if self.peek() == Some(&Tok::LParen) {
                    self.pos += 1;
                    self.enter()?;
                    let mut args = Vec::new();
                    if self.peek() == Some(&Tok::RParen) {
                        self.pos += 1;
                    } else {
                        loop {
                            if matches!(self.peek(), Some(Tok::Comma) | Some(Tok::RParen)) {
                                args.push(Expr::Omitted);
                            } else {
                                args.push(self.expr(0)?);
                            }
                            match self.peek() {
                                Some(Tok::Comma) => self.pos += 1,
                                Some(Tok::RParen) => {
                                    self.pos += 1;
                                    break;
                                }
                                _ => {
                                    let (s2, e2) = self.span();
                                    return Err(err(
                                        s2,
                                        e2,
                                        Msg::FxErrExpected,
                                        vec![", )".into()],
                                    ));
                                }
                            }
                        }
                    }
                    self.leave();
                    Ok(Expr::Call(w.to_uppercase(), args))
                } else if w.eq_ignore_ascii_case("TRUE") {
                    Ok(Expr::Bool(true))
                } else if w.eq_ignore_ascii_case("FALSE") {
                    Ok(Expr::Bool(false))
                } else if w.starts_with(|c: char| c.is_ascii_digit()) {
                    Err(err(s, e, Msg::FxErrBadNumber, vec![w]))
                } else {
                    Ok(Expr::Ref {
                        name: w,
                        this_row: false,
                    })
                }
            }
            Tok::LParen => {
                self.enter()?;
                let inner = self.expr(0)?;
                self.expect_tok(&Tok::RParen, ")")?;
                self.leave();
                Ok(inner)
            }
            Tok::LBrace => {
                let mut items = Vec::new();
                if self.peek() != Some(&Tok::RBrace) {
                    loop {
                        items.push(self.array_item()?);
                        match self.peek() {
                            Some(Tok::Comma) | Some(Tok::Semicolon) => self.pos += 1,
                            _ => break,
                        }
                    }
                }
                self.expect_tok(&Tok::RBrace, "}")?;
                if items.is_empty() {
                    return Err(err(s, e, Msg::FxErrArrayItem, Vec::new()));
                }
                Ok(Expr::Array(items))
            }
            Tok::UnclosedText(_) => Err(err(s, self.end, Msg::FxErrUnclosedText, Vec::new())),
            Tok::UnclosedRef(_) => Err(err(s, self.end, Msg::FxErrUnclosedRef, Vec::new())),
            Tok::Unknown(c) => Err(err(s, e, Msg::FxErrUnexpected, vec![c.to_string()])),
            other => Err(err(s, e, Msg::FxErrUnexpected, vec![tok_text(&other)])),
        }
    }
}

fn tok_text(t: &Tok) -> String {
    match t {
        Tok::RParen => ")".into(),
        Tok::LBrace => "{".into(),
        Tok::RBrace => "}".into(),
        Tok::Comma => ",".into(),
        Tok::Semicolon => ";".into(),
        Tok::Star => "*".into(),
        Tok::Slash => "/".into(),
        Tok::Caret => "^".into(),
        Tok::Amp => "&".into(),
        Tok::Percent => "%".into(),
        Tok::Eq => "=".into(),
        Tok::Ne => "<>".into(),
        Tok::Lt => "<".into(),
        Tok::Le => "<=".into(),
        Tok::Gt => ">".into(),
        Tok::Ge => ">=".into(),
        Tok::Number(v) => format!("{v}"),
        Tok::Ident(w) => w.clone(),
        Tok::Ref { name, at } => format!("[{}{name}]", if *at { "@" } else { "" }),
        Tok::Text(t) => format!("\"{t}\""),
        other => format!("{other:?}"),
    }
}

/// Parses a formula (the leading `=` is optional).
pub fn parse(src: &str) -> Result<Expr, SyntaxError> {
    let toks = lex(src);
    let end = src.chars().count();
    if toks.is_empty() {
        return Err(err(0, end, Msg::FxErrEmpty, Vec::new()));
    }
    let mut p = Parser {
        toks,
        pos: 0,
        end,
        depth: 0,
    };
    let e = p.expr(0)?;
    if p.pos < p.toks.len() {
        let (s, e2) = p.span();
        let what = p.peek().map(tok_text).unwrap_or_default();
        return Err(err(s, e2, Msg::FxErrUnexpected, vec![what]));
    }
    Ok(e)
}
