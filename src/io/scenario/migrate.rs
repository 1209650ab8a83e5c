//! Reading older files: version 2's references by name become ids, and
//! messages saved by name or by code become the model's messages.

use super::{FileV1, VERSION};
use crate::i18n::Msg;
use crate::model::formula::ErrorKind;

/// The stable code saved for why a cell's text did not parse.
pub fn problem_code(m: Msg) -> &'static str {
    match m {
        Msg::ErrBadDuration => "bad-duration",
        Msg::ErrNotFinite => "not-finite",
        Msg::ErrNegative => "negative",
        _ => "not-a-number",
    }
}

/// The message of a saved problem code (or of a version-2 message name);
/// anything unknown reads as "not a number", the cell's text is kept.
pub fn problem_of(code: &str) -> Msg {
    match code {
        "bad-duration" | "ErrBadDuration" => Msg::ErrBadDuration,
        "not-finite" | "ErrNotFinite" => Msg::ErrNotFinite,
        "negative" | "ErrNegative" => Msg::ErrNegative,
        _ => Msg::ErrNotANumber,
    }
}

const ERROR_KINDS: [ErrorKind; 6] = [
    ErrorKind::Div0,
    ErrorKind::Value,
    ErrorKind::Name,
    ErrorKind::NA,
    ErrorKind::Num,
    ErrorKind::Cycle,
];

/// The error kind of a saved code (`#DIV/0!`, or version 2's `Div0`).
pub(super) fn error_of(code: &str) -> Option<ErrorKind> {
    ERROR_KINDS
        .into_iter()
        .find(|k| k.code() == code || format!("{k:?}") == code)
}

/// Version 2 → 3: plans, payout models and scenarios get ids in file order
/// (plans from 1, then models, then scenarios), and scenarios refer to the
/// first plan and model of the name they gave (none when it is gone).
pub(super) fn migrate_2_to_3(file: &mut FileV1) {
    let mut next = 1u32;
    let mut give = |id: &mut u32| {
        *id = next;
        next += 1;
    };
    for p in file.plans.iter_mut() {
        give(&mut p.id);
    }
    for m in file.payouts.iter_mut() {
        give(&mut m.id);
    }
    let plan_id = |name: &Option<String>| {
        name.as_ref()
            .and_then(|n| file.plans.iter().find(|p| p.name == *n))
            .map(|p| p.id)
    };
    let model_id = |name: &Option<String>| {
        name.as_ref()
            .and_then(|n| file.payouts.iter().find(|m| m.name == *n))
            .map(|m| m.id)
    };
    let refs: Vec<(Option<u32>, Option<u32>)> = file
        .scenarios
        .iter()
        .map(|s| (plan_id(&s.plan), model_id(&s.payout)))
        .collect();
    for (s, (p, m)) in file.scenarios.iter_mut().zip(refs) {
        give(&mut s.id);
        s.plan_id = Some(p.unwrap_or(0));
        s.payout_id = Some(m.unwrap_or(0));
        s.plan = None;
        s.payout = None;
    }
    file.next_id = next;
    file.version = VERSION;
}
