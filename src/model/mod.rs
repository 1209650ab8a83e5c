//! The headless domain core: units and value parsing, the metric dictionary,
//! the team table and the workbook with its undo history.
//!
//! Must never import a browser crate (yew, web-sys, gloo, js-sys,
//! wasm-bindgen); `tests/tidy.rs` enforces it. Time, locale and random seeds
//! come in as arguments.

pub mod forecast;
pub mod formula;
pub mod metric;
pub mod payout;
pub mod plan;
pub mod qa;
pub mod range;
pub mod rollup;
pub mod round;
pub mod table;
pub mod unit;
pub mod workbook;

pub use metric::{lookup_header, MetricDef, MetricId, METRICS};
pub use table::{Cell, Column, Table};
pub use unit::{format_value as format_value_pub, Direction, Parsed, PercentScale, Unit};
pub use workbook::{Command, ModelError, Snapshot, Touched, Workbook};
