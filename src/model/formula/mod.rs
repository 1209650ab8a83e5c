//! The formula engine: formula columns over the team table, with Excel's
//! syntax and semantics. See `docs/FORMULAS.md` for the language.
//!
//! lexer → parser (Pratt, Excel precedence) → AST (printable, round-trips) →
//! compiled nodes with resolved columns → topological evaluation with cached
//! aggregates and incremental recalculation (`calc`). Errors are values
//! ([`ErrorKind`]); syntax errors carry their position.

pub mod ast;
pub mod calc;
pub mod functions;
pub mod lexer;
pub mod parser;
pub mod value;

pub use ast::Expr;
pub use calc::{compile, recalc_all, recalc_cell, rename_refs, validate, Calc, Issue};
pub use parser::{parse, SyntaxError};
pub use value::{ErrorKind, Value};
