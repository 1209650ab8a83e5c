//! Workspace components.

pub mod data;
pub mod grid;
