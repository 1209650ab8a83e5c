//! Reading older files: version 2's references by name become ids
//! (messages saved by name are read by `file::codes`).

use super::{FileV1, VERSION};

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
