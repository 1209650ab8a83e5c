//! The pay-cliff scan: agents a small change of one input moves across a
//! threshold, with the causes in words.

use super::*;
use crate::i18n::{Lang, Msg};
use crate::model::forecast::{Cause, CliffScan};
use crate::model::formula::value::general;
use crate::model::payout::PayoutModel;
use crate::model::plan::Plan;
use crate::model::{Table, Unit};
use crate::ui::components::fields::NumberField;
use crate::ui::components::scores::pts;
use crate::ui::jobs;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;
#[derive(Properties, PartialEq)]
pub(super) struct CliffProps {
    pub(super) table: Rc<Table>,
    pub(super) plan: Rc<Plan>,
    pub(super) model: Rc<PayoutModel>,
    pub(super) lang: Lang,
    pub(super) cents: bool,
}

pub(super) fn cause_text(
    c: &Cause,
    table: &Table,
    plan: &Plan,
    model: &PayoutModel,
    grades: &[String],
    lang: Lang,
) -> String {
    match c {
        Cause::Item(i, a, b) => Msg::CliffCauseItem.fill(
            lang,
            &[
                plan.items
                    .get(*i)
                    .map(|it| display_name(table, &it.column, lang))
                    .unwrap_or_default(),
                pts(*a),
                pts(*b),
            ],
        ),
        Cause::Grade(a, b) => Msg::CliffCauseGrade.fill(
            lang,
            &[
                grades.get(*a).cloned().unwrap_or_default(),
                grades.get(*b).cloned().unwrap_or_default(),
            ],
        ),
        Cause::Component(i) => Msg::CliffCauseTier.fill(lang, &[(i + 1).to_string()]),
        Cause::Gate(i) => Msg::CliffCauseGate.fill(
            lang,
            &[model
                .gates
                .get(*i)
                .map(|g| display_name(table, &g.column, lang))
                .unwrap_or_default()],
        ),
    }
}

#[component]
pub(super) fn CliffPanel(p: &CliffProps) -> Html {
    let lang = p.lang;
    let share = use_state(|| 0.1);
    let job = use_mut_ref(|| None::<CliffScan>);
    let cancel = use_mut_ref(|| Rc::new(Cell::new(false)));
    let progress = use_state(|| None::<(usize, usize)>);
    let found = use_state(|| None::<Vec<crate::model::forecast::Cliff>>);
    let note = use_state(|| None::<jobs::Note>);
    {
        let cancel = cancel.clone();
        use_effect_with((), move |_| move || cancel.borrow().set(true));
    }
    let on_run = {
        let (job, cancel, progress, found, note) = (
            job.clone(),
            cancel.clone(),
            progress.clone(),
            found.clone(),
            note.clone(),
        );
        let (table, plan, model, share) =
            (p.table.clone(), p.plan.clone(), p.model.clone(), *share);
        Callback::from(move |_| {
            cancel.borrow().set(true);
            let flag = Rc::new(Cell::new(false));
            *cancel.borrow_mut() = flag.clone();
            let scan = CliffScan::new(&table, &plan, &model, share);
            progress.set(Some(scan.progress()));
            *job.borrow_mut() = Some(scan);
            found.set(None);
            let on_note = super::note_callback(&note, &progress);
            let slot = job.clone();
            let (progress, found) = (progress.clone(), found.clone());
            let on_tick = Callback::from(move |finished: bool| {
                let guard = slot.borrow();
                let Some(s) = guard.as_ref() else { return };
                if finished {
                    found.set(Some(s.worst(30)));
                    progress.set(None);
                } else {
                    progress.set(Some(s.progress()));
                }
            });
            jobs::run_noting(job.clone(), flag, 1, on_tick, on_note);
        })
    };
    let grades = crate::model::forecast::ScoreKernel::new(&p.plan, &p.table).grade_labels;
    let step_text = |c: &crate::model::forecast::Cliff| {
        let sign = if c.step < 0.0 { "−" } else { "+" };
        if c.relative {
            Msg::CliffStepRel.fill(lang, &[sign.into(), general(c.step.abs() * 100.0)])
        } else {
            let unit = crate::model::formula::calc::resolve(&p.table, &c.column)
                .and_then(|i| p.table.columns.get(i))
                .map(|c| c.unit)
                .unwrap_or(Unit::Number);
            crate::ui::format::signed_move(c.step, unit, lang)
        }
    };
    html! {
        <section class="card" aria-labelledby="cliff-title">
            <h3 id="cliff-title">{ Msg::CliffTitle.t(lang) }</h3>
            <p class="help muted">{ Msg::CliffHelp.t(lang) }</p>
            <div class="params">
                <NumberField id="cliff-share" label={Msg::CliffShare.t(lang)} value={*share} unit={Unit::Percent} {lang} suffix="%"
                    on_change={{ let s = share.clone(); Callback::from(move |v: f64| s.set(v)) }} />
            </div>
            <div class="actions"><button type="button" class="primary" onclick={on_run} disabled={progress.is_some()} data-testid="cliff-run">{ Msg::CliffRun.t(lang) }</button></div>
            if let Some((done, all)) = *progress {
                <div class="progress" role="status"><progress max={all.to_string()} value={done.to_string()}></progress>
                    <span>{ Msg::McProgress.fill(lang, &[done.to_string(), all.to_string()]) }</span></div>
            }
            if let Some(n) = note.as_ref().filter(|n| n.ended || n.msg != Msg::McWorkers) { <p class={if n.ended { "field-error" } else { "muted" }} role="status" data-testid="cliff-note">{ n.msg.fill(lang, &n.args) }</p> }
            if let Some(list) = found.as_ref() {
                if list.is_empty() { <p data-testid="cliff-none">{ Msg::CliffNone.fill(lang, &[pct(*share)]) }</p> } else {
                    <div class="table-scroll"><table class="plain" data-testid="cliff-table">
                        <thead><tr><th>{ Msg::ColAgent.t(lang) }</th><th>{ Msg::McColMetric.t(lang) }</th><th>{ Msg::CliffMove.t(lang) }</th>
                            <th class="num">{ Msg::CliffPay.t(lang) }</th><th class="num">{ Msg::ColDelta.t(lang) }</th><th>{ Msg::CliffCause.t(lang) }</th></tr></thead>
                        <tbody>{ for list.iter().map(|c| html! { <tr>
                            <td>{ c.agent.clone() }</td><td>{ display_name(&p.table, &c.column, lang) }</td><td>{ step_text(c) }</td>
                            <td class="num">{ format!("{} → {}", money(c.pay_before, p.cents), money(c.pay_after, p.cents)) }</td>
                            <td class={classes!("num", if c.change() < 0.0 { "down" } else { "up" })}>{ signed_money(c.change(), p.cents) }</td>
                            <td>{ c.causes.iter().map(|x| cause_text(x, &p.table, &p.plan, &p.model, &grades, lang)).collect::<Vec<_>>().join("；") }</td>
                        </tr> }) }</tbody></table></div>
                }
            }
        </section>
    }
}
