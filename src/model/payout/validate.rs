//! Checking a payout model: what cannot be computed is refused.

use super::{bad, issue, Component, PayIssue, PayoutModel, MAX_PARTS, ROUNDING_UNITS};
use crate::i18n::Msg;

impl PayoutModel {
    /// Refuses what cannot be computed: negative or non-finite amounts,
    /// rates, cuts outside 0–100 %, an unknown rounding unit, too many parts.
    pub fn validate(&self) -> Vec<PayIssue> {
        let mut out = Vec::new();
        let mut err = |m: Msg, a: Vec<String>| out.push(issue(true, m, a));
        if self.components.is_empty() {
            err(Msg::PayErrNoComponent, Vec::new());
        }
        if self.components.len() > MAX_PARTS || self.gates.len() > MAX_PARTS {
            err(Msg::PayErrTooMany, vec![MAX_PARTS.to_string()]);
        }
        if !ROUNDING_UNITS.contains(&self.rounding) {
            err(Msg::PayErrRounding, vec![self.rounding.to_string()]);
        }
        if self.budget.is_some_and(bad) {
            err(Msg::PayErrNegative, Vec::new());
        }
        for (i, c) in self.components.iter().enumerate() {
            let n = (i + 1).to_string();
            match c {
                Component::Target { base, coef } => {
                    if bad(*base) || coef.is_bad() {
                        err(Msg::PayErrComponent, vec![n]);
                    }
                }
                Component::Pool {
                    amount, floor, cap, ..
                } => {
                    if bad(*amount) || bad(*floor) || cap.is_some_and(bad) {
                        err(Msg::PayErrComponent, vec![n]);
                    } else if cap.is_some_and(|c| c < *floor) {
                        err(Msg::PayErrCapBelowFloor, vec![n]);
                    }
                }
                Component::Commission {
                    tiers, multiplier, ..
                } => {
                    if bad(*multiplier)
                        || tiers.is_empty()
                        || tiers
                            .iter()
                            .any(|t| bad(t.from) || bad(t.rate) || t.rate > 1.0)
                    {
                        err(Msg::PayErrComponent, vec![n]);
                    }
                }
            }
        }
        for (i, g) in self.gates.iter().enumerate() {
            if !g.threshold.is_finite() || !(0.0..=1.0).contains(&g.cut) {
                err(Msg::PayErrGate, vec![(i + 1).to_string()]);
            }
        }
        if let Some(p) = &self.prorate {
            if !(p.full_days.is_finite() && p.full_days > 0.0) {
                err(Msg::PayErrProrate, Vec::new());
            }
        }
        out
    }

    /// The columns the model reads, by name (sales, gates, days, pool bases).
    pub fn columns(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for c in &self.components {
            match c {
                Component::Commission { column, .. } => out.push(column.clone()),
                Component::Pool {
                    base_column: Some(b),
                    ..
                } => out.push(b.clone()),
                _ => {}
            }
        }
        out.extend(self.gates.iter().map(|g| g.column.clone()));
        out.extend(self.prorate.iter().map(|p| p.column.clone()));
        out
    }
}
