//! KPI plans (考核方案) and scoring (成绩): weighted items, scoring rules,
//! grades, and the explanation of every point.
//!
//! ## Scoring rules (points before weighting; `a` = the agent's value)
//! - **Ratio to target**: higher is better `a ÷ target × 100`; lower is better
//!   `(2 − a ÷ target) × 100`; then clamped to `[floor, cap]`. A target ≤ 0
//!   gives 0 points (and a plan error).
//! - **Linear**: 0 points at `zero_at`, 100 at `full_at`, optionally
//!   `stretch_points` at `stretch_at`; straight lines between these knots,
//!   flat beyond the ends, capped at `cap`. Works both ways (for lower is
//!   better, `zero_at` is the larger value).
//! - **Bands**: a threshold table. Higher is better: the points of the first
//!   band (highest threshold first) with `a ≥ threshold`; lower is better:
//!   the first band (lowest threshold first) with `a ≤ threshold`; else
//!   `otherwise`.
//! - **Relative to the team average** (the plan's group, agents with a
//!   value): `a ÷ avg × 100` (lower: `(2 − a ÷ avg) × 100`), clamped to
//!   `[0, cap]`; an average of 0 gives 0.
//! - **Rank**: `100 × (n − rank) ÷ (n − 1)` with rank 1 the best and ties
//!   sharing the best rank; n = 1 gives 100.
//! - **Percentile**: `100 × (agents strictly worse) ÷ (n − 1)`; n = 1 gives 100.
//! - **Gate**: pass (`a ≥ threshold`, or `≤` for lower is better) gives 100,
//!   fail gives 0, and with `zero_total` a fail makes the whole score 0.
//!
//! A missing value scores 0 points (the plan warns which items have them).
//! Weighted points are `points × weight ÷ 100`; the total is their sum. No
//! rounding happens in scoring: the UI rounds for display only, so scores
//! are reproducible bit for bit.
//!
//! ## Grades
//! - **Thresholds**: the first grade (highest minimum first) whose minimum the
//!   total reaches; the last grade takes everyone else.
//! - **Forced distribution**: agents sorted by total (best first; equal totals
//!   keep table order), grade `i` covers positions below
//!   `round_half_up(n × cumulative share_i)`. **Tie rule:** an agent whose
//!   total equals a better-placed agent's gets that agent's grade, so equal
//!   scores never get different grades.
//!
//! ## Ranks
//! Competition ranking ("1224"): 1 + the number of agents with a higher total.
//!
//! ## Files
//! - `types.rs`: the plan, its rules, items and grading; the scores' types.
//! - `rules.rs`: **the rule engine**: each rule kind defined once (points,
//!   explanation, Excel formula, checks, words).
//! - `engine.rs`: a plan compiled once per table: the fast kernel
//!   ([`CompiledPlan::score`]) the forecast and the cliff scan run.
//! - `score.rs`: [`score`] (the kernel plus ranks and explanations) and
//!   [`next_grade`].
//! - `grading.rs`: totals to grades. `validate.rs`: the seed rules.
//!   `templates.rs`: built-in plans and the copy to the next month.

mod engine;
mod grading;
pub mod rules;
mod score;
mod templates;
mod types;
mod validate;

pub use engine::{column_values, item_lower, CompiledItem, CompiledPlan, Scratch};
pub use grading::{assign_grades, GradeBuf};
pub use rules::{linear_knots, sorted_bands, CompiledRule, Needs, Team, TeamBuf};
pub use score::{next_grade, score, NextGrade};
pub use templates::{next_month, template, Template};
pub use types::*;
