//! Plans, payout models and scenarios: the intents that add, copy, edit
//! and remove them by id, and the ids themselves.
//!
//! Owns: the rules components used to carry — a new or copied item gets a
//! fresh id and a free name by the one naming rule of [`crate::model::id`],
//! an edit keeps the id, a removal says what to select next. Each intent is
//! one step, so one undo takes it back whole.

use super::command::{PayoutEdit, Select};
use super::history::{Change, Step};
use super::{refuse, Command, ModelError, Workbook, MAX_MODELS};
use crate::i18n::Msg;
use crate::model::id::{copy_name, month_name, unique_name, Id};
use crate::model::payout::{PayoutModel, Scenario, MAX_PARTS};
use crate::model::plan::{Plan, MAX_ITEMS};

/// Most characters of a scenario's name.
const SCENARIO_NAME_CHARS: usize = 60;

fn names<T>(list: &[T], name: impl Fn(&T) -> &str) -> Vec<&str> {
    list.iter().map(name).collect()
}

fn insert<T>(list: &[T], item: T) -> Change<T> {
    Change::Insert {
        idx: list.len(),
        item: Box::new(item),
        remove: false,
    }
}

/// The removal of item `idx` and what to select after it: the item before,
/// else the one after, else `none`.
fn removal<T: Clone>(
    list: &[T],
    idx: usize,
    id: impl Fn(&T) -> Id,
    select: fn(Id) -> Select,
    none: Select,
) -> Option<(Change<T>, Select)> {
    let item = list.get(idx)?.clone();
    let next = idx
        .checked_sub(1)
        .and_then(|i| list.get(i))
        .or_else(|| list.get(idx + 1))
        .map(|x| select(id(x)))
        .unwrap_or(none);
    Some((
        Change::Insert {
            idx,
            item: Box::new(item),
            remove: true,
        },
        next,
    ))
}

fn check_items(p: &Plan) -> Result<(), ModelError> {
    if p.items.len() > MAX_ITEMS {
        return Err(refuse(
            Msg::PlanErrItemCount,
            vec![p.items.len().to_string()],
        ));
    }
    Ok(())
}

fn check_parts(m: &PayoutModel) -> Result<(), ModelError> {
    if m.components.len() > MAX_PARTS || m.gates.len() > MAX_PARTS {
        return Err(refuse(Msg::PayErrTooMany, vec![MAX_PARTS.to_string()]));
    }
    Ok(())
}

/// An edited name: trimmed, not empty, not another item's.
fn edited_name(name: &str, others: &[&str]) -> Result<String, ModelError> {
    let n = name.trim();
    if n.is_empty() {
        return Err(refuse(Msg::ErrNameEmpty, Vec::new()));
    }
    if others
        .iter()
        .any(|o| o.trim().to_lowercase() == n.to_lowercase())
    {
        return Err(refuse(Msg::ErrNameTaken, vec![n.to_string()]));
    }
    Ok(n.to_string())
}

impl Workbook {
    /// The index of plan `id`.
    pub fn plan_index(&self, id: Id) -> Option<usize> {
        self.plans.iter().position(|p| p.id == id)
    }

    /// The index of payout model `id`.
    pub fn payout_index(&self, id: Id) -> Option<usize> {
        self.payouts.iter().position(|m| m.id == id)
    }

    /// The `k`-th fresh id this command may give (0 for the first).
    fn fresh(&self, k: usize) -> Id {
        Id(self
            .next_id
            .saturating_add(u32::try_from(k).unwrap_or(u32::MAX)))
    }

    /// Gives every plan, model and scenario without an id (or with one
    /// already taken before it, in order) a fresh one, and moves the counter
    /// above every id held.
    pub(super) fn give_ids(&mut self) {
        // Ids already given come first, so a fresh one never takes them.
        let held = self.max_id();
        let mut seen: Vec<Id> = Vec::new();
        let mut next = self.next_id.max(1).max(held.saturating_add(1));
        let mut fix = |id: &mut Id, seen: &mut Vec<Id>| {
            if !id.is_set() || seen.contains(id) {
                *id = Id(next);
                next += 1;
            }
            seen.push(*id);
        };
        for p in self.plans.iter_mut() {
            fix(&mut p.id, &mut seen);
        }
        for m in self.payouts.iter_mut() {
            fix(&mut m.id, &mut seen);
        }
        for s in self.scenarios.iter_mut() {
            fix(&mut s.id, &mut seen);
        }
        self.next_id = next;
    }

    /// `s` with ids given as [`Workbook::from_snapshot`] gives them, above
    /// every id this workbook gave (so a load and its undo never share one).
    pub(super) fn with_ids(&self, mut s: super::Snapshot) -> super::Snapshot {
        let mut tmp = Workbook {
            plans: std::mem::take(&mut s.plans),
            payouts: std::mem::take(&mut s.payouts),
            scenarios: std::mem::take(&mut s.scenarios),
            next_id: self.next_id.max(s.next_id),
            ..Workbook::default()
        };
        tmp.give_ids();
        s.plans = tmp.plans;
        s.payouts = tmp.payouts;
        s.scenarios = tmp.scenarios;
        s.next_id = tmp.next_id;
        s
    }

    /// The highest id held by a plan, model or scenario (0 for none).
    fn max_id(&self) -> u32 {
        let plans = self.plans.iter().map(|p| p.id.0);
        let models = self.payouts.iter().map(|m| m.id.0);
        let scenarios = self.scenarios.iter().map(|s| s.id.0);
        plans.chain(models).chain(scenarios).max().unwrap_or(0)
    }

    /// After a step: the counter stays above every id ever given.
    pub(super) fn bump_ids(&mut self) {
        self.next_id = self.next_id.max(self.max_id().saturating_add(1));
    }

    /// The step of an intent on plans, payout models or scenarios.
    pub(super) fn collection_step(
        &self,
        cmd: Command,
    ) -> Result<(Step, Option<Select>), ModelError> {
        let no_plan = || refuse(Msg::ErrNoSuchPlan, Vec::new());
        let no_model = || refuse(Msg::ErrNoSuchModel, Vec::new());
        let plan_names = || names(&self.plans, |p| p.name.as_str());
        let model_names = || names(&self.payouts, |m| m.name.as_str());
        Ok(match cmd {
            Command::AddPlan(mut plan) => {
                check_items(&plan)?;
                plan.id = self.fresh(0);
                plan.name = unique_name(&plan.name, &plan_names());
                let id = plan.id;
                (
                    Step::Plan(insert(&self.plans, *plan)),
                    Some(Select::Plan(id)),
                )
            }
            Command::CopyPlan { id, month } => {
                let p = self.plan(id).ok_or_else(no_plan)?;
                let month = month.unwrap_or_else(|| p.month.clone());
                let copy = Plan {
                    id: self.fresh(0),
                    name: month_name(&p.name, &month, &plan_names()),
                    month,
                    ..p.clone()
                };
                let id = copy.id;
                (
                    Step::Plan(insert(&self.plans, copy)),
                    Some(Select::Plan(id)),
                )
            }
            Command::EditPlan { id, mut plan } => {
                let idx = self.plan_index(id).ok_or_else(no_plan)?;
                check_items(&plan)?;
                let others: Vec<&str> = self
                    .plans
                    .iter()
                    .filter(|p| p.id != id)
                    .map(|p| p.name.as_str())
                    .collect();
                plan.name = edited_name(&plan.name, &others)?;
                plan.id = id;
                let before = self.plans.get(idx).cloned().ok_or_else(no_plan)?;
                (
                    Step::Plan(Change::Set {
                        idx,
                        before: Box::new(before),
                        after: plan,
                    }),
                    None,
                )
            }
            Command::RemovePlan { id } => {
                let idx = self.plan_index(id).ok_or_else(no_plan)?;
                let (c, next) = removal(&self.plans, idx, |p| p.id, Select::Plan, Select::NoPlan)
                    .ok_or_else(no_plan)?;
                (Step::Plan(c), Some(next))
            }
            Command::AddPayoutModel(mut m) => {
                self.room_for_models(1)?;
                check_parts(&m)?;
                m.id = self.fresh(0);
                m.name = unique_name(&m.name, &model_names());
                let id = m.id;
                (
                    Step::Payout(insert(&self.payouts, *m)),
                    Some(Select::Payout(id)),
                )
            }
            Command::CopyPayoutModel { id } => {
                self.room_for_models(1)?;
                let m = self.payout(id).ok_or_else(no_model)?;
                let copy = PayoutModel {
                    id: self.fresh(0),
                    name: copy_name(&m.name, &model_names()),
                    ..m.clone()
                };
                let id = copy.id;
                (
                    Step::Payout(insert(&self.payouts, copy)),
                    Some(Select::Payout(id)),
                )
            }
            Command::EditPayoutModel { id, edit } => {
                let idx = self.payout_index(id).ok_or_else(no_model)?;
                let before = self.payouts.get(idx).cloned().ok_or_else(no_model)?;
                let after = self.edited_model(&before, edit)?;
                (
                    Step::Payout(Change::Set {
                        idx,
                        before: Box::new(before),
                        after: Box::new(after),
                    }),
                    None,
                )
            }
            Command::RemovePayoutModel { id } => {
                let idx = self.payout_index(id).ok_or_else(no_model)?;
                let (c, next) = removal(
                    &self.payouts,
                    idx,
                    |m| m.id,
                    Select::Payout,
                    Select::NoPayout,
                )
                .ok_or_else(no_model)?;
                (Step::Payout(c), Some(next))
            }
            Command::AddScenario {
                name,
                month,
                plan,
                payout,
            } => {
                if self.scenarios.len() >= MAX_MODELS {
                    return Err(refuse(Msg::PayErrTooMany, vec![MAX_MODELS.to_string()]));
                }
                let p = self.plan(plan).ok_or_else(no_plan)?;
                let m = self.payout(payout).ok_or_else(no_model)?;
                let n = name.trim();
                let named = if n.is_empty() {
                    format!("{} · {} · {}", month.trim(), p.name, m.name)
                } else {
                    n.chars().take(SCENARIO_NAME_CHARS).collect()
                };
                let s = Scenario {
                    id: self.fresh(0),
                    name: unique_name(&named, &names(&self.scenarios, |s| s.name.as_str())),
                    month: month.trim().to_string(),
                    plan,
                    payout,
                };
                let id = s.id;
                (
                    Step::Scenario(insert(&self.scenarios, s)),
                    Some(Select::Scenario(id)),
                )
            }
            Command::RemoveScenario { id } => {
                let idx = self
                    .scenarios
                    .iter()
                    .position(|s| s.id == id)
                    .ok_or_else(|| refuse(Msg::ErrNoSuchScenario, Vec::new()))?;
                let (c, _) = removal(
                    &self.scenarios,
                    idx,
                    |s| s.id,
                    Select::Scenario,
                    Select::NoPlan,
                )
                .ok_or_else(|| refuse(Msg::ErrNoSuchScenario, Vec::new()))?;
                (Step::Scenario(c), None)
            }
            Command::MergeShared { plans, payouts } => self.merge_step(plans, payouts)?,
            _ => return Err(refuse(Msg::ErrEmptyInput, Vec::new())),
        })
    }

    fn room_for_models(&self, more: usize) -> Result<(), ModelError> {
        if self.payouts.len() + more > MAX_MODELS {
            return Err(refuse(Msg::PayErrTooMany, vec![MAX_MODELS.to_string()]));
        }
        Ok(())
    }

    /// Model `before` after `edit`; its id stays.
    fn edited_model(
        &self,
        before: &PayoutModel,
        edit: PayoutEdit,
    ) -> Result<PayoutModel, ModelError> {
        let mut m = before.clone();
        match edit {
            PayoutEdit::Replace(after) => {
                let others: Vec<&str> = self
                    .payouts
                    .iter()
                    .filter(|x| x.id != before.id)
                    .map(|x| x.name.as_str())
                    .collect();
                m = *after;
                m.name = edited_name(&m.name, &others)?;
                m.id = before.id;
            }
            PayoutEdit::SetParam { part, value } => {
                let Some(c) = m.components.get_mut(part) else {
                    return Err(refuse(Msg::ErrNoSuchModel, Vec::new()));
                };
                *c = c.with_param(value);
            }
            PayoutEdit::SetComponent { part, component } => {
                let Some(c) = m.components.get_mut(part) else {
                    return Err(refuse(Msg::ErrNoSuchModel, Vec::new()));
                };
                *c = component;
            }
            PayoutEdit::SetLines(lines) => m.lines = *lines,
        }
        check_parts(&m)?;
        Ok(m)
    }

    /// Plans and models from a link, added with fresh ids and free names.
    fn merge_step(
        &self,
        plans: Vec<Plan>,
        payouts: Vec<PayoutModel>,
    ) -> Result<(Step, Option<Select>), ModelError> {
        if plans.is_empty() && payouts.is_empty() {
            return Err(refuse(Msg::ErrEmptyInput, Vec::new()));
        }
        self.room_for_models(payouts.len())?;
        let mut all_plans = self.plans.clone();
        let mut all_models = self.payouts.clone();
        let mut steps = Vec::new();
        let mut k = 0;
        let mut first = None;
        for mut p in plans {
            check_items(&p)?;
            p.id = self.fresh(k);
            k += 1;
            p.name = unique_name(&p.name, &names(&all_plans, |p| p.name.as_str()));
            first = first.or(Some(p.id));
            steps.push(Step::Plan(insert(&all_plans, p.clone())));
            all_plans.push(p);
        }
        for mut m in payouts {
            check_parts(&m)?;
            m.id = self.fresh(k);
            k += 1;
            m.name = unique_name(&m.name, &names(&all_models, |m| m.name.as_str()));
            first = first.or(Some(m.id));
            steps.push(Step::Payout(insert(&all_models, m.clone())));
            all_models.push(m);
        }
        let select = first.map(|id| {
            if all_plans.iter().any(|p| p.id == id) {
                Select::Plan(id)
            } else {
                Select::Payout(id)
            }
        });
        Ok((Step::Multi(steps), select))
    }
}
