//! Checking a plan against the seed rules (errors) and common pitfalls
//! (warnings). Each rule kind's own checks live with its definition
//! ([`super::rules`]).

use super::rules::CompiledRule;
use super::{Grading, Plan, PlanIssue, MAX_ITEMS};
use crate::i18n::Msg;
use crate::model::formula::calc::resolve;
use crate::model::round::round_dp;
use crate::model::table::{Cell, Table};

fn fmt_num(v: f64) -> String {
    let s = format!("{}", round_dp(v, 4));
    s
}

impl Plan {
    /// Checks the plan against the seed rules (errors) and common pitfalls
    /// (warnings). `table` is used to find columns and missing values.
    pub fn validate(&self, table: &Table) -> Vec<PlanIssue> {
        let mut out = Vec::new();
        let mut push = |error: bool, item: Option<usize>, msg: Msg, args: Vec<String>| {
            out.push(PlanIssue {
                error,
                item,
                msg,
                args,
            })
        };
        if self.items.is_empty() || self.items.len() > MAX_ITEMS {
            push(
                true,
                None,
                Msg::PlanErrItemCount,
                vec![self.items.len().to_string()],
            );
        }
        let sum: f64 = self.items.iter().map(|i| i.weight).sum();
        // A NaN weight makes the sum NaN, which must count as wrong too.
        if !sum.is_finite() || (sum - 100.0).abs() > 1e-9 {
            push(true, None, Msg::PlanErrWeightSum, vec![fmt_num(sum)]);
        }
        for (i, it) in self.items.iter().enumerate() {
            let n = (i + 1).to_string();
            if !it.weight.is_finite() || it.weight < 5.0 {
                push(
                    true,
                    Some(i),
                    Msg::PlanErrWeightMin,
                    vec![n.clone(), fmt_num(it.weight)],
                );
            } else if (it.weight / 5.0 - (it.weight / 5.0).round()).abs() > 1e-9 {
                push(
                    true,
                    Some(i),
                    Msg::PlanErrWeightStep,
                    vec![n.clone(), fmt_num(it.weight)],
                );
            }
            match resolve(table, &it.column) {
                None => push(
                    true,
                    Some(i),
                    Msg::PlanErrNoColumn,
                    vec![n.clone(), it.column.clone()],
                ),
                Some(c) => {
                    let missing = self
                        .members(table)
                        .into_iter()
                        .filter(|r| table.cell(*r, c).and_then(Cell::number).is_none())
                        .count();
                    if missing > 0 {
                        push(
                            false,
                            Some(i),
                            Msg::PlanWarnMissing,
                            vec![n.clone(), it.column.clone(), missing.to_string()],
                        );
                    }
                }
            }
            if let Some(msg) = CompiledRule::new(&it.rule, false).problem() {
                push(true, Some(i), msg, vec![n.clone()]);
            }
            let dup = self
                .items
                .iter()
                .take(i)
                .any(|o| o.column.trim().eq_ignore_ascii_case(it.column.trim()));
            if dup {
                push(
                    false,
                    Some(i),
                    Msg::PlanWarnDuplicate,
                    vec![n, it.column.clone()],
                );
            }
        }
        if !self.items.is_empty() && (self.items.len() < 3 || self.items.len() > 8) {
            push(
                false,
                None,
                Msg::PlanWarnItemCount,
                vec![self.items.len().to_string()],
            );
        }
        match &self.grading {
            Grading::Thresholds(t) if t.is_empty() => {
                push(true, None, Msg::PlanErrGrades, Vec::new())
            }
            Grading::Forced(s) => {
                let total: f64 = s.iter().map(|g| g.share).sum();
                if s.is_empty()
                    || s.iter().any(|g| !g.share.is_finite() || g.share < 0.0)
                    || !total.is_finite()
                    || (total - 1.0).abs() > 1e-9
                {
                    push(true, None, Msg::PlanErrShares, vec![fmt_num(total * 100.0)]);
                }
            }
            _ => {}
        }
        out
    }

    /// Whether the plan breaks no seed rule.
    pub fn is_valid(&self, table: &Table) -> bool {
        !self.validate(table).iter().any(|i| i.error)
    }
}
