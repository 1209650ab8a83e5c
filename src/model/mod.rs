//! The headless domain core: units and value parsing, the metric dictionary,
//! the team table and the workbook with its undo history.
//!
//! Must never import a browser crate (yew, web-sys, gloo, js-sys,
//! wasm-bindgen); `tests/tidy.rs` enforces it. Time, locale and random seeds
//! come in as arguments.

pub mod findings;
pub mod forecast;
pub mod formula;
pub mod id;
pub mod metric;
pub mod months;
pub mod order;
pub mod payout;
pub mod paysheet;
pub mod plan;
pub mod plan_fit;
pub mod qa;
pub mod qa_noise;
pub mod range;
pub mod rollup;
pub mod round;
pub mod session;
pub mod staffing;
pub mod stats;
pub mod table;
pub mod unit;
pub mod workbook;

pub use metric::{lookup_header, MetricDef, MetricId, METRICS};
pub use table::{Cell, Column, Table};
pub use unit::{format_value as format_value_pub, Direction, Parsed, PercentScale, Unit};
pub use workbook::{Command, ModelError, Snapshot, Touched, Workbook};
