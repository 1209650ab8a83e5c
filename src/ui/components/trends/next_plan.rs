//! Next month's plan (轮换): the weak spots with their reasons, the proposal
//! (fixed items kept, the rest rotated to the weakest metrics), weights
//! edited within the seed's rules (changing one rotating weight re-shares
//! the others in steps of 5 %), a new plan for the new month, and the
//! printable announcement (下月考核项目和占比).

use super::{signed_share, Ctx};
use crate::i18n::{Lang, Msg};
use crate::model::months::rotation::{self, Reason, Weakness};
use crate::model::plan::{score, Plan};
use crate::model::unit::format_value;
use crate::model::{Command, Table, Unit};
use crate::ui::components::fields::NumberField;
use crate::ui::state::{Action, AppContext};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub ctx: Ctx,
}

fn reason_text(w: &Weakness, ctx: &Ctx) -> String {
    let lang = ctx.lang;
    let unit = ctx
        .history
        .metrics
        .get(w.metric)
        .map(|s| s.unit)
        .unwrap_or(Unit::Number);
    let f = |v: f64| format_value(v, unit, lang);
    match &w.reason {
        Reason::Target { team, target } => Msg::MoWeakTarget.fill(lang, &[f(*team), f(*target)]),
        Reason::History { now, before } => Msg::MoWeakHistory.fill(lang, &[f(*now), f(*before)]),
        Reason::Plan { points } => {
            Msg::MoWeakPlan.fill(lang, &[crate::model::unit::format_grouped(*points, 1)])
        }
        Reason::None => Msg::MoWeakNone.t(lang).to_string(),
    }
}

/// Sets item `i`'s weight and re-shares the other rotating items' weight.
fn reweigh(plan: &Plan, i: usize, w: f64) -> Plan {
    let mut p = plan.clone();
    if let Some(it) = p.items.get_mut(i) {
        it.weight = w;
    }
    let fixed: f64 = p.items.iter().filter(|x| x.fixed).map(|x| x.weight).sum();
    let this_fixed = p.items.get(i).is_some_and(|x| x.fixed);
    let others: Vec<usize> = (0..p.items.len())
        .filter(|k| *k != i && p.items.get(*k).is_some_and(|x| !x.fixed))
        .collect();
    let left = 100.0 - fixed - if this_fixed { 0.0 } else { w };
    let shares = rotation::share_weights(left, others.len());
    if shares.len() == others.len() {
        for (k, s) in others.iter().zip(shares) {
            if let Some(it) = p.items.get_mut(*k) {
                it.weight = s;
            }
        }
    }
    p
}

fn announcement(plan: &Plan, table: &Table, lang: Lang) -> Html {
    let a = rotation::announcement(plan, table, lang);
    html! {
        <section class="announcement" data-testid="announcement" aria-labelledby="ann-title">
            <h3 id="ann-title">{ Msg::MoAnnTitle.fill(lang, std::slice::from_ref(&a.month)) }</h3>
            <p>{ Msg::MoAnnIntro.fill(lang, &[a.month.clone(), a.plan.clone()]) }</p>
            <table class="plain">
                <thead><tr><th>{ Msg::PlanColColumn.t(lang) }</th><th class="num">{ Msg::PlanColWeight.t(lang) }</th><th>{ Msg::MoAnnKind.t(lang) }</th><th>{ Msg::PlanColRule.t(lang) }</th></tr></thead>
                <tbody>{ for a.items.iter().map(|it| html! { <tr>
                    <td class="strong">{ super::super::fields::column_label(table, &it.column, lang) }</td>
                    <td class="num">{ format!("{}%", crate::model::unit::format_grouped(it.weight, 0)) }</td>
                    <td>{ if it.fixed { Msg::MoFixed.t(lang) } else { Msg::MoRotating.t(lang) } }</td>
                    <td>{ it.rule.clone() }</td>
                </tr> }) }</tbody>
            </table>
            <p class="muted">{ Msg::MoAnnFoot.fill(lang, std::slice::from_ref(&a.month)) }</p>
        </section>
    }
}

#[component]
pub fn NextPlanPanel(props: &PanelProps) -> Html {
    let ctx = &props.ctx;
    let lang = ctx.lang;
    let draft = use_state(|| None::<Plan>);
    let Some(state) = use_context::<AppContext>() else {
        return Html::default();
    };
    let h = &ctx.history;
    let wb = &state.workbook;
    let Some(plan) = wb.plans().get(state.plan()) else {
        return html! { <section class="card"><p class="muted">{ Msg::NoPlans.t(lang) }</p></section> };
    };
    let label = h.months.get(ctx.month).cloned().unwrap_or_default();
    let Some(table) = wb.table_for(&label) else {
        return Html::default();
    };
    let scores = score(table, plan);
    let targets = wb.months_settings().targets.clone();
    let weak = rotation::weaknesses(h, ctx.month, plan, Some(&scores), Some(table), &targets);
    let proposal = rotation::propose(h, ctx.month, plan, &weak, &targets, lang);
    // A draft is for this plan and month only.
    let current = draft
        .as_ref()
        .filter(|d| d.month == proposal.month && d.name == proposal.name)
        .cloned()
        .unwrap_or_else(|| proposal.clone());
    let issues = current.validate(table);
    let errors: Vec<String> = issues
        .iter()
        .filter(|i| i.error)
        .map(|i| i.msg.fill(lang, &i.args))
        .collect();
    let weak_rows = weak.iter().take(6).map(|w| {
        let name = h.metrics.get(w.metric).map(|s| s.label(lang)).unwrap_or_default();
        html! { <tr><th scope="row">{ name }</th><td class="num">{ if w.gap > 0.0 { signed_share(-w.gap) } else { "—".into() } }</td><td>{ reason_text(w, ctx) }</td></tr> }
    });
    let item_rows = current.items.iter().enumerate().map(|(i, it)| {
        let on_change = {
            let draft = draft.clone();
            let current = current.clone();
            Callback::from(move |v: f64| draft.set(Some(reweigh(&current, i, v))))
        };
        let shown = crate::model::formula::calc::resolve(table, &it.column)
            .and_then(|c| table.columns.get(c))
            .map(|c| c.label(lang).to_string())
            .unwrap_or_else(|| it.column.clone());
        html! { <tr>
            <td class="strong">{ shown }</td>
            <td>{ if it.fixed { Msg::MoFixed.t(lang) } else { Msg::MoRotating.t(lang) } }</td>
            <td class="weight"><NumberField id={format!("next-w-{i}")} label={Msg::PlanColWeight.t(lang)} value={it.weight}
                suffix="%" lang={lang} on_change={on_change} /></td>
        </tr> }
    });
    let exists = wb
        .plans()
        .iter()
        .any(|p| p.name == current.name && p.month == current.month);
    let on_create = {
        let state = state.clone();
        let current = current.clone();
        // The current plan stays selected: the new one is next month's, found in 考核方案.
        Callback::from(move |_| {
            state.dispatch(Action::Apply(Command::AddPlan(Box::new(current.clone()))));
        })
    };
    let on_reset = {
        let draft = draft.clone();
        Callback::from(move |_| draft.set(None))
    };
    let on_print = Callback::from(|_| {
        let _ = gloo::utils::window().print();
    });
    html! {
        <section class="card next-plan" aria-labelledby="next-title" data-testid="next-plan">
            <h3 id="next-title">{ Msg::MoNextTitle.fill(lang, &[current.month.clone(), plan.name.clone()]) }</h3>
            <p class="help muted">{ Msg::MoNextHelp.t(lang) }</p>
            <div class="two-col">
                <div>
                    <h4>{ Msg::MoWeakTitle.t(lang) }</h4>
                    <table class="plain" data-testid="weak-spots">
                        <thead><tr><th>{ Msg::MoMetric.t(lang) }</th><th class="num">{ Msg::MoShort.t(lang) }</th><th>{ Msg::MoReason.t(lang) }</th></tr></thead>
                        <tbody>{ for weak_rows }</tbody>
                    </table>
                </div>
                <div>
                    <h4>{ Msg::MoProposal.fill(lang, std::slice::from_ref(&current.name)) }</h4>
                    <table class="plain items" data-testid="proposal">
                        <thead><tr><th>{ Msg::PlanColColumn.t(lang) }</th><th>{ Msg::MoAnnKind.t(lang) }</th><th>{ Msg::PlanColWeight.t(lang) }</th></tr></thead>
                        <tbody>{ for item_rows }</tbody>
                    </table>
                    if errors.is_empty() {
                        <p class="validation ok">{ "✓ " }{ Msg::MoWeightsOk.t(lang) }</p>
                    } else {
                        <ul class="validation bad" role="alert">{ for errors.iter().map(|e| html! { <li>{ e.clone() }</li> }) }</ul>
                    }
                    <div class="actions">
                        <button type="button" onclick={on_create} disabled={!errors.is_empty() || exists} data-testid="create-next">{ Msg::MoCreate.fill(lang, std::slice::from_ref(&current.month)) }</button>
                        <button type="button" onclick={on_reset}>{ Msg::MoReset.t(lang) }</button>
                        <button type="button" onclick={on_print} data-testid="print-announcement">{ Msg::MoPrint.t(lang) }</button>
                    </div>
                    if exists { <p class="muted" data-testid="next-created">{ Msg::MoCreated.fill(lang, std::slice::from_ref(&current.name)) }</p> }
                </div>
            </div>
            { announcement(&current, table, lang) }
        </section>
    }
}
