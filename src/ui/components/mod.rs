//! Workspace components.

pub mod chart;
pub mod data;
pub mod fields;
pub mod grid;
pub mod qa;
