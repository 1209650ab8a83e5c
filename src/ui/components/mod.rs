//! Workspace components.

pub mod chart;
pub mod data;
pub mod fields;
pub mod formula_bar;
pub mod grid;
pub mod import;
pub mod import_preview;
pub mod library;
pub mod payout;
pub mod plan;
pub mod qa;
pub mod scores;
pub mod share;
pub mod storage;
pub mod update;
