//! The formula engine: formula columns over the team table, with Excel's
//! syntax and semantics. See `docs/FORMULAS.md` for the language.
//!
//! lexer → parser (Pratt, Excel precedence) → AST (printable, round-trips) →
//! compiled nodes with resolved columns (`calc`) → a dependency graph kept up
//! to date edit by edit, topological evaluation with cached aggregates and
//! incremental recalculation (`graph`). Errors are values
//! ([`ErrorKind`]); syntax errors carry their position.

pub mod ast;
pub mod calc;
pub mod functions;
pub mod graph;
pub mod lexer;
pub mod parser;
pub mod value;

pub use ast::Expr;
pub use calc::{rename_refs, validate, Issue};
pub use graph::{compile, recalc_all, recalc_cell, recompute, Calc, Changes};
pub use parser::{parse, SyntaxError};
pub use value::{ErrorKind, Value};
