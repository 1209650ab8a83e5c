//! The what-if panel: shifts applied on top of the month's data.

use super::*;
use crate::i18n::{Lang, Msg};
use crate::model::payout::Shift;
use crate::model::{Table, Unit};
use crate::ui::components::fields::{select_value, NumberField};
use crate::ui::state::{Action, AppContext};
use yew::prelude::*;
/// Teams larger than this type the agent's name instead of picking it.
pub(super) const AGENT_SELECT_MAX: usize = 300;

/// The what-if panel: shifts to apply on top of the month's data.
pub(super) fn what_if(
    state: &AppContext,
    table: &Table,
    cols: &[PickCol],
    draft: &UseStateHandle<(String, String, f64)>,
    lang: Lang,
) -> Html {
    let (col, agent, delta) = (**draft).clone();
    let col = if cols.iter().any(|c| c.header == col) {
        col
    } else {
        cols.first().map(|c| c.header.clone()).unwrap_or_default()
    };
    let unit = cols
        .iter()
        .find(|c| c.header == col)
        .map(|c| c.unit)
        .unwrap_or(Unit::Number);
    let set = |which: u8| {
        let d = draft.clone();
        let col = col.clone();
        Callback::from(move |e: Event| {
            let Some(v) = select_value(&e) else { return };
            let (c, a, x) = (*d).clone();
            let c = if c.is_empty() { col.clone() } else { c };
            d.set(if which == 0 { (v, a, x) } else { (c, v, x) });
        })
    };
    let on_delta = {
        let d = draft.clone();
        let col = col.clone();
        Callback::from(move |v: f64| {
            let (_, a, _) = (*d).clone();
            d.set((col.clone(), a, v));
        })
    };
    let on_add = {
        let (state, col, agent) = (state.clone(), col.clone(), agent.clone());
        Callback::from(move |_| {
            if col.is_empty() || delta == 0.0 || !delta.is_finite() {
                return;
            }
            let mut next = state.shifts.clone();
            next.push(Shift {
                column: col.clone(),
                agent: (!agent.is_empty()).then(|| agent.clone()),
                delta,
            });
            state.dispatch(Action::SetShifts(next));
        })
    };
    let on_reset = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::SetShifts(Vec::new())))
    };
    let shown_delta = |s: &Shift| {
        let u = cols
            .iter()
            .find(|c| c.header == s.column)
            .map(|c| c.unit)
            .unwrap_or(Unit::Number);
        crate::ui::format::signed_move(s.delta, u, lang)
    };
    let list = state.shifts.iter().enumerate().map(|(i, s)| {
        let remove = {
            let state = state.clone();
            Callback::from(move |_| {
                let mut next = state.shifts.clone();
                if i < next.len() {
                    next.remove(i);
                }
                state.dispatch(Action::SetShifts(next));
            })
        };
        html! { <li>{ format!("{} {} · {}", shown_column(cols, &s.column), shown_delta(s), s.agent.clone().unwrap_or_else(|| Msg::WhatIfEveryone.t(lang).into())) }
            <button type="button" class="link" onclick={remove}>{ Msg::PayRemovePart.t(lang) }</button></li> }
    });
    let names: Vec<String> = (0..table.len()).map(|r| table.agent_name(r)).collect();
    html! {
        <section class="card" aria-labelledby="wi-title">
            <h3 id="wi-title">{ Msg::WhatIfTitle.t(lang) }</h3>
            <p class="help muted">{ Msg::WhatIfHelp.t(lang) }</p>
            <div class="params">
                <div class="field"><label for="wi-col">{ Msg::McColMetric.t(lang) }</label>
                    <select id="wi-col" onchange={set(0)}>{ for cols.iter().map(|c| html! { <option value={c.header.clone()} title={c.title()} selected={c.header == col}>{ c.label.clone() }</option> }) }</select></div>
                <div class="field"><label for="wi-agent">{ Msg::ColAgent.t(lang) }</label>
                    if names.len() <= AGENT_SELECT_MAX {
                        <select id="wi-agent" onchange={set(1)}>
                            <option value="" selected={agent.is_empty()}>{ Msg::WhatIfEveryone.t(lang) }</option>
                            { for names.iter().map(|n| html! { <option value={n.clone()} selected={*n == agent}>{ n.clone() }</option> }) }
                        </select>
                    } else {
                        // A large team: type the name (a 10,000-option list would stall the page).
                        <input id="wi-agent" type="text" value={agent.clone()} placeholder={Msg::WhatIfEveryone.t(lang)} onchange={{
                            let d = draft.clone();
                            let col = col.clone();
                            Callback::from(move |e: Event| {
                                let Some(v) = input_value(&e) else { return };
                                let (c, _, x) = (*d).clone();
                                let c = if c.is_empty() { col.clone() } else { c };
                                d.set((c, v.trim().to_string(), x));
                            })
                        }} />
                    }
                </div>
                <NumberField id="wi-delta" label={Msg::WhatIfDelta.t(lang)} value={delta} {unit} {lang}
                    suffix={if unit == Unit::Percent { Msg::WhatIfPp.t(lang) } else { "" }} on_change={on_delta} />
                <div class="actions"><button type="button" onclick={on_add} data-testid="wi-add">{ Msg::WhatIfApply.t(lang) }</button>
                    <button type="button" onclick={on_reset} disabled={state.shifts.is_empty()} data-testid="wi-reset">{ Msg::WhatIfReset.t(lang) }</button></div>
            </div>
            if !state.shifts.is_empty() { <ul class="shifts" data-testid="wi-list">{ for list }</ul> }
        </section>
    }
}
