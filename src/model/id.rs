//! Stable identities for plans, payout models and scenarios.
//!
//! Owns: the [`Id`] type and the one naming rule for new and copied names.
//! Names are for people; references between plans, payout models and
//! scenarios go by ids that never change. A workbook hands out ids from one
//! counter (so the same actions give the same ids on every machine); `Id(0)`
//! means "not yet given one" and is replaced whenever something enters a
//! workbook.

use serde::{Deserialize, Serialize};

/// The id of a plan, a payout model or a scenario; unique within a workbook.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Id(pub u32);

impl Id {
    /// The id of something not yet in a workbook.
    pub const NONE: Id = Id(0);

    /// Whether this is a real id (given by a workbook).
    pub fn is_set(self) -> bool {
        self != Id::NONE
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The one naming rule: `base`, or `base (2)`, `base (3)`… — the first not
/// in `taken` (compared trimmed, ignoring case).
pub fn unique_name(base: &str, taken: &[&str]) -> String {
    let is_taken = |n: &str| {
        taken
            .iter()
            .any(|t| t.trim().to_lowercase() == n.trim().to_lowercase())
    };
    let base = base.trim();
    if !is_taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|k| format!("{base} ({k})"))
        .find(|n| !is_taken(n))
        .unwrap_or_else(|| base.to_string())
}

/// `name` without a trailing ` (k)` counter and a trailing month label
/// (`YYYY-MM`, with the separator before it), so copies do not pile them up.
pub fn base_name(name: &str) -> &str {
    let mut n = base_name_counter(name);
    let is_month = |s: &str| {
        let b = s.as_bytes();
        b.len() == 7
            && b.get(4) == Some(&b'-')
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || c.is_ascii_digit())
    };
    if let Some(tail) = n.get(n.len().saturating_sub(7)..) {
        if is_month(tail) {
            let head = n.get(..n.len() - 7).unwrap_or("");
            let head = head.trim_end_matches([' ', '·', '-', '_']).trim_end();
            if !head.is_empty() {
                n = head;
            }
        }
    }
    n
}

/// The name of a plan for `month`: the base of `name`, ` · `, the month,
/// then the counter of [`unique_name`] if that is taken (`售前考核方案` for
/// 2026-12 → `售前考核方案 · 2026-12`; again → `售前考核方案 · 2026-12 (2)`).
pub fn month_name(name: &str, month: &str, taken: &[&str]) -> String {
    let base = base_name(name);
    let month = month.trim();
    let named = if month.is_empty() {
        base.to_string()
    } else {
        format!("{base} · {month}")
    };
    unique_name(&named, taken)
}

/// The name of a copy of something without a month (a payout model, a
/// scenario): the base of `name` with the first free counter.
pub fn copy_name(name: &str, taken: &[&str]) -> String {
    let base = base_name_counter(name);
    let mut with: Vec<&str> = taken.to_vec();
    with.push(base);
    unique_name(base, &with)
}

/// `name` without a trailing ` (k)` counter only.
fn base_name_counter(name: &str) -> &str {
    let n = name.trim();
    if let Some(open) = n.rfind(" (") {
        let inner = n.get(open + 2..).and_then(|r| r.strip_suffix(')'));
        if inner.is_some_and(|k| !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit())) {
            return n.get(..open).unwrap_or(n).trim_end();
        }
    }
    n
}
