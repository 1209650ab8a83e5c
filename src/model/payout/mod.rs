//! Bonus payouts: what a plan pays each agent, in total, and against a budget.
//!
//! A [`PayoutModel`] is a sum of [`Component`]s — target bonus × 绩效系数, a
//! fixed pool split by (base × score), sales commission with marginal or
//! retroactive tiers — followed by gates, pro-rating by days worked and one
//! rounding, in this order (docs/PAYOUTS.md has the worked examples):
//!
//! 1. each component gives an amount per agent;
//! 2. the non-pool amounts are multiplied by every failed gate's `1 − cut`
//!    and by the days factor `min(days ÷ full days, 1)`; a pool component
//!    already folds both into its weights, so the whole pool is paid out to
//!    those who remain;
//! 3. the sum is rounded once, half up, to the model's unit (¥0.01, ¥1, ¥10
//!    or ¥100). Totals are sums of rounded payouts.
//!
//! A missing gate or days value does not apply (the agent is listed in the
//! result's issues); a missing sales value pays no commission.
//!
//! The same evaluation ([`Compiled::evaluate`]) serves the deterministic
//! payout, the budget solver, the what-if view, the pay-cliff scan and every
//! simulated month of the forecast, so they cannot disagree.
//!
//! ## Files
//! `types.rs` (the model and results), `validate.rs`, `parts.rs` (**each
//! part's evaluation and Excel formula, once**), `compile.rs` (the compiled
//! model, its evaluation, [`compute`]), `solver.rs` (the budget solver),
//! `compare.rs` (scenarios, comparisons, what-if shifts).

mod compare;
mod compile;
mod parts;
mod solver;
mod types;
mod validate;

pub use super::plan::column_values;
pub use super::stats::percentile_inc;
pub use compare::*;
pub use compile::*;
pub use parts::{commission, pay, pay_formula, round_unit, split_pool, Tiers};
pub use solver::*;
pub use types::*;
