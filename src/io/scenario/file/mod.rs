//! The saved format's own types: plans, payout models, QA inputs, the
//! across-months settings and the plain enums (units, directions, metrics)
//! they use, each with explicit field and variant names and conversions to
//! and from the model's types. The model's types carry no part of the file
//! format: a refactor of one is a compile error in a conversion here, never
//! a silent change of what is written. Field by field in `docs/SCENARIO.md`.
//!
//! Conversions that cannot fail are `From`; the one that can (a built-in
//! role's code) is `TryFrom` with problems at their paths.

pub mod codes;
pub(crate) mod common;
mod payout;
mod plan;
mod qa;
mod settings;

pub(crate) use payout::PayoutModelFile;
pub(crate) use plan::PlanFile;
pub(crate) use qa::QaFile;
pub(crate) use settings::MonthsSettingsFile;
