//! The one rule for settings forms that validate before they apply (质检,
//! staffing): an edit is tried on a copy; if the copy has a problem, the
//! first one at the edited field (else the first at all) is shown beside
//! that field and nothing is applied; otherwise the field's message clears
//! and the caller applies the copy.

use crate::i18n::Msg;
use std::collections::HashMap;
use std::hash::Hash;
use yew::UseStateHandle;

/// Records the outcome of validating an edit of `field`; `true` when the
/// candidate has no problem and may be applied.
pub fn settle<F: Copy + Eq + Hash>(
    errors: &UseStateHandle<HashMap<F, Msg>>,
    field: F,
    problems: impl IntoIterator<Item = (F, Msg)>,
) -> bool {
    let problems: Vec<(F, Msg)> = problems.into_iter().collect();
    let mut errs = (**errors).clone();
    errs.remove(&field);
    let shown = problems
        .iter()
        .find(|(f, _)| *f == field)
        .or(problems.first())
        .copied();
    let clean = match shown {
        Some((_, msg)) => {
            errs.insert(field, msg);
            false
        }
        None => true,
    };
    errors.set(errs);
    clean
}
