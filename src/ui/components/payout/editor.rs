//! The payout model editor: components, gates, pro-rating, rounding and
//! budget, each field sending the whole edited model on.

use super::*;
use crate::i18n::{Lang, Msg};
use crate::model::formula::value::general;
use crate::model::payout::{
    Component, PayGate, PayoutModel, Prorate, Tier, TierMode, ROUNDING_UNITS,
};
use crate::model::Unit;
use crate::ui::components::fields::{select_value, NumberField};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;
pub(super) fn input_value(e: &Event) -> Option<String> {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
}

/// A callback that applies `f` with a number to a copy of `m` and sends it on.
pub(super) fn on_num(
    m: &PayoutModel,
    on: &Callback<PayoutModel>,
    f: impl Fn(&mut PayoutModel, f64) + 'static,
) -> Callback<f64> {
    let (m, on) = (m.clone(), on.clone());
    Callback::from(move |v: f64| {
        let mut next = m.clone();
        f(&mut next, v);
        on.emit(next);
    })
}

/// The same for a `<select>` or text field's value.
pub(super) fn on_text(
    m: &PayoutModel,
    on: &Callback<PayoutModel>,
    f: impl Fn(&mut PayoutModel, String) + 'static,
) -> Callback<Event> {
    let (m, on) = (m.clone(), on.clone());
    Callback::from(move |e: Event| {
        let Some(v) = select_value(&e).or_else(|| input_value(&e)) else {
            return;
        };
        let mut next = m.clone();
        f(&mut next, v);
        on.emit(next);
    })
}

/// The same for a button.
pub(super) fn on_click(
    m: &PayoutModel,
    on: &Callback<PayoutModel>,
    f: impl Fn(&mut PayoutModel) + 'static,
) -> Callback<MouseEvent> {
    let (m, on) = (m.clone(), on.clone());
    Callback::from(move |_| {
        let mut next = m.clone();
        f(&mut next);
        on.emit(next);
    })
}

pub(super) fn column_select(
    id: String,
    label: Msg,
    current: &str,
    cols: &[PickCol],
    lang: Lang,
    onchange: Callback<Event>,
) -> Html {
    // A model names a column by header or by metric; either finds a mapped
    // column (as the payout does), so a gate that fires is never "not in the table".
    let at = cols.iter().position(|c| c.matches(current));
    html! {
        <div class="field"><label for={id.clone()}>{ label.t(lang) }</label>
            <select {id} {onchange}>
                if at.is_none() { <option value={current.to_string()} selected=true>{ Msg::PayMissingColumn.fill(lang, &[current.to_string()]) }</option> }
                { for cols.iter().enumerate().map(|(i, c)| html! { <option value={c.header.clone()} title={c.title()} selected={Some(i) == at}>{ c.label.clone() }</option> }) }
            </select>
        </div>
    }
}

pub(super) fn component_editor(
    m: &PayoutModel,
    ci: usize,
    comp: &Component,
    grades: &[String],
    cols: &[PickCol],
    lang: Lang,
    on: &Callback<PayoutModel>,
) -> Html {
    let id = |s: &str| format!("pay-c{ci}-{s}");
    let remove = on_click(m, on, move |m| {
        if ci < m.components.len() {
            m.components.remove(ci);
        }
    });
    let (title, body) = match comp {
        Component::Target { base, coef } => (
            Msg::PayTarget,
            html! { <>
                <NumberField id={id("base")} label={Msg::PayBase.t(lang)} value={*base} {lang} suffix="¥"
                    on_change={on_num(m, on, move |m, v| if let Some(Component::Target { base, .. }) = m.components.get_mut(ci) { *base = v; })} />
                { coef_editor(m, ci, coef, grades, lang, on) }
            </> },
        ),
        Component::Pool {
            amount,
            base_column,
            floor,
            cap,
        } => {
            let on_base = on_text(m, on, move |m, v| {
                if let Some(Component::Pool { base_column, .. }) = m.components.get_mut(ci) {
                    *base_column = (!v.is_empty()).then_some(v);
                }
            });
            let current = base_column.clone().unwrap_or_default();
            (
                Msg::PayPool,
                html! { <div class="params">
                    <NumberField id={id("amount")} label={Msg::PayPoolAmount.t(lang)} value={*amount} {lang} suffix="¥"
                        on_change={on_num(m, on, move |m, v| if let Some(Component::Pool { amount, .. }) = m.components.get_mut(ci) { *amount = v; })} />
                    <div class="field"><label for={id("basecol")}>{ Msg::PayPoolBase.t(lang) }</label>
                        <select id={id("basecol")} onchange={on_base}>
                            <option value="" selected={current.is_empty()}>{ Msg::PayPoolBaseNone.t(lang) }</option>
                            { for cols.iter().map(|c| html! { <option value={c.header.clone()} title={c.title()} selected={c.matches(&current)}>{ c.label.clone() }</option> }) }
                        </select></div>
                    <NumberField id={id("floor")} label={Msg::PayFloor.t(lang)} value={*floor} {lang} suffix="¥"
                        on_change={on_num(m, on, move |m, v| if let Some(Component::Pool { floor, .. }) = m.components.get_mut(ci) { *floor = v; })} />
                    <NumberField id={id("cap")} label={Msg::PayCap.t(lang)} value={cap.unwrap_or(f64::NAN)} {lang} suffix="¥" allow_empty=true
                        on_change={on_num(m, on, move |m, v| if let Some(Component::Pool { cap, .. }) = m.components.get_mut(ci) { *cap = v.is_finite().then_some(v); })} />
                </div> },
            )
        }
        Component::Commission {
            column,
            tiers,
            mode,
            multiplier,
        } => {
            let tier_rows = tiers.iter().enumerate().map(|(ti, t)| {
                let set = move |from: bool| {
                    on_num(m, on, move |m, v| {
                        if let Some(Component::Commission { tiers, .. }) = m.components.get_mut(ci) {
                            if let Some(t) = tiers.get_mut(ti) {
                                if from {
                                    t.from = v;
                                } else {
                                    t.rate = v;
                                }
                            }
                        }
                    })
                };
                let remove = on_click(m, on, move |m| {
                    if let Some(Component::Commission { tiers, .. }) = m.components.get_mut(ci) {
                        if ti < tiers.len() {
                            tiers.remove(ti);
                        }
                    }
                });
                html! { <div class="band">
                    <NumberField id={id(&format!("from{ti}"))} label={Msg::PayTierFrom.t(lang)} value={t.from} {lang} suffix="¥" on_change={set(true)} />
                    <span aria-hidden="true">{ "→" }</span>
                    <NumberField id={id(&format!("rate{ti}"))} label={Msg::PayTierRate.t(lang)} value={t.rate} unit={Unit::Percent} {lang} suffix="%" on_change={set(false)} />
                    <button type="button" class="link" onclick={remove} aria-label={Msg::PayRemoveStep.t(lang)}>{ "✕" }</button>
                </div> }
            });
            let add = on_click(m, on, move |m| {
                if let Some(Component::Commission { tiers, .. }) = m.components.get_mut(ci) {
                    let from = tiers.iter().map(|t| t.from).fold(0.0, f64::max) + 10_000.0;
                    let rate = tiers.iter().map(|t| t.rate).fold(0.0, f64::max) + 0.01;
                    tiers.push(Tier {
                        from,
                        rate: rate.min(1.0),
                    });
                }
            });
            let on_mode = on_text(m, on, move |m, v| {
                if let Some(Component::Commission { mode, .. }) = m.components.get_mut(ci) {
                    *mode = if v == "retro" {
                        TierMode::Retroactive
                    } else {
                        TierMode::Marginal
                    };
                }
            });
            let on_col = on_text(m, on, move |m, v| {
                if let Some(Component::Commission { column, .. }) = m.components.get_mut(ci) {
                    *column = v;
                }
            });
            (
                Msg::PayCommission,
                html! { <>
                    <div class="params">
                        { column_select(id("col"), Msg::PayCommissionColumn, column, cols, lang, on_col) }
                        <div class="field"><label for={id("mode")}>{ Msg::PayTierMode.t(lang) }</label>
                            <select id={id("mode")} onchange={on_mode}>
                                <option value="marginal" selected={*mode == TierMode::Marginal}>{ Msg::PayMarginal.t(lang) }</option>
                                <option value="retro" selected={*mode == TierMode::Retroactive}>{ Msg::PayRetroactive.t(lang) }</option>
                            </select></div>
                        <NumberField id={id("mult")} label={Msg::PayMultiplier.t(lang)} value={*multiplier} {lang} suffix="×"
                            on_change={on_num(m, on, move |m, v| if let Some(Component::Commission { multiplier, .. }) = m.components.get_mut(ci) { *multiplier = v; })} />
                    </div>
                    <div class="params bands">{ for tier_rows }
                        <button type="button" class="link" onclick={add}>{ Msg::PayAddTier.t(lang) }</button></div>
                </> },
            )
        }
    };
    html! {
        <fieldset class="pay-part" data-testid={format!("pay-part-{ci}")}>
            <legend>{ format!("{}. {}", ci + 1, title.t(lang)) }
                <button type="button" class="link" onclick={remove}>{ Msg::PayRemovePart.t(lang) }</button></legend>
            { body }
        </fieldset>
    }
}

pub(super) fn gates_editor(
    m: &PayoutModel,
    cols: &[PickCol],
    lang: Lang,
    on: &Callback<PayoutModel>,
) -> Html {
    let rows = m.gates.iter().enumerate().map(|(gi, g)| {
        let id = |s: &str| format!("pay-g{gi}-{s}");
        let on_col = on_text(m, on, move |m, v| {
            if let Some(g) = m.gates.get_mut(gi) {
                g.column = v;
            }
        });
        let on_dir = on_text(m, on, move |m, v| {
            if let Some(g) = m.gates.get_mut(gi) {
                g.fail_below = v == "below";
            }
        });
        let remove = on_click(m, on, move |m| {
            if gi < m.gates.len() {
                m.gates.remove(gi);
            }
        });
        html! { <div class="params gate-row" data-testid={format!("pay-gate-{gi}")}>
            { column_select(id("col"), Msg::PayGateColumn, &g.column, cols, lang, on_col) }
            <div class="field"><label for={id("dir")}>{ Msg::PayGateWhen.t(lang) }</label>
                <select id={id("dir")} onchange={on_dir}>
                    <option value="below" selected={g.fail_below}>{ Msg::PayGateBelow.t(lang) }</option>
                    <option value="above" selected={!g.fail_below}>{ Msg::PayGateAbove.t(lang) }</option>
                </select></div>
            <NumberField id={id("thr")} label={Msg::PayGateThreshold.t(lang)} value={g.threshold} {lang}
                on_change={on_num(m, on, move |m, v| if let Some(g) = m.gates.get_mut(gi) { g.threshold = v; })} />
            <NumberField id={id("cut")} label={Msg::PayGateCut.t(lang)} value={g.cut} unit={Unit::Percent} {lang} suffix="%"
                on_change={on_num(m, on, move |m, v| if let Some(g) = m.gates.get_mut(gi) { g.cut = v; })} />
            <button type="button" class="link" onclick={remove}>{ Msg::PayRemovePart.t(lang) }</button>
        </div> }
    });
    let add = on_click(m, on, |m| {
        m.gates.push(PayGate {
            column: "质检得分".into(),
            threshold: 80.0,
            fail_below: true,
            cut: 0.2,
        })
    });
    html! { <fieldset class="pay-part"><legend>{ Msg::PayGates.t(lang) }</legend>
        if m.gates.is_empty() { <p class="muted">{ Msg::PayNoGates.t(lang) }</p> }
        { for rows }
        <button type="button" class="link" onclick={add}>{ Msg::PayAddGate.t(lang) }</button>
    </fieldset> }
}

pub(super) fn model_editor(
    m: &PayoutModel,
    grades: &[String],
    cols: &[PickCol],
    lang: Lang,
    on: &Callback<PayoutModel>,
) -> Html {
    let parts = m
        .components
        .iter()
        .enumerate()
        .map(|(ci, c)| component_editor(m, ci, c, grades, cols, lang, on));
    let add_target = on_click(m, on, |m| {
        if let Some(c) = PayoutModel::example("").components.into_iter().next() {
            m.components.push(c);
        }
    });
    let add_pool = on_click(m, on, |m| {
        m.components.push(Component::Pool {
            amount: 20_000.0,
            base_column: None,
            floor: 0.0,
            cap: None,
        })
    });
    let add_comm = on_click(m, on, |m| {
        m.components.push(Component::default_commission())
    });
    let prorate_on = m.prorate.is_some();
    let toggle_prorate = on_click(m, on, move |m| {
        m.prorate = if prorate_on {
            None
        } else {
            Some(Prorate {
                column: "出勤天数".into(),
                full_days: 22.0,
            })
        };
    });
    let on_round = on_text(m, on, |m, v| {
        if let Ok(u) = v.parse::<f64>() {
            m.rounding = u;
        }
    });
    let on_name = on_text(m, on, |m, v| {
        let v = v.trim();
        if !v.is_empty() {
            m.name = v.chars().take(60).collect();
        }
    });
    html! {
        <div class="pay-editor">
            <div class="field"><label for="pay-name">{ Msg::PayModelName.t(lang) }</label>
                <input id="pay-name" type="text" value={m.name.clone()} onchange={on_name} /></div>
            { for parts }
            <div class="actions wrap">
                <button type="button" onclick={add_target}>{ Msg::PayAddTarget.t(lang) }</button>
                <button type="button" onclick={add_pool}>{ Msg::PayAddPool.t(lang) }</button>
                <button type="button" onclick={add_comm}>{ Msg::PayAddCommission.t(lang) }</button>
            </div>
            { gates_editor(m, cols, lang, on) }
            <fieldset class="pay-part"><legend>{ Msg::PayProrate.t(lang) }</legend>
                <label class="check"><input type="checkbox" checked={prorate_on} onclick={toggle_prorate} id="pay-prorate" />{ Msg::PayProrateOn.t(lang) }</label>
                if let Some(p) = &m.prorate {
                    <div class="params">
                        { column_select("pay-days-col".into(), Msg::PayDaysColumn, &p.column, cols, lang,
                            on_text(m, on, |m, v| if let Some(p) = m.prorate.as_mut() { p.column = v; })) }
                        <NumberField id="pay-full-days" label={Msg::PayFullDays.t(lang)} value={p.full_days} {lang} suffix={Msg::UnitDays.t(lang)}
                            on_change={on_num(m, on, |m, v| if let Some(p) = m.prorate.as_mut() { p.full_days = v; })} />
                    </div>
                }
            </fieldset>
            <div class="params">
                <div class="field"><label for="pay-rounding">{ Msg::PayRounding.t(lang) }</label>
                    <select id="pay-rounding" onchange={on_round}>
                        { for ROUNDING_UNITS.iter().map(|u| html! { <option value={u.to_string()} selected={*u == m.rounding}>{ Msg::PayRoundTo.fill(lang, &[general(*u)]) }</option> }) }
                    </select></div>
                <NumberField id="pay-budget" label={Msg::PayBudget.t(lang)} value={m.budget.unwrap_or(f64::NAN)} {lang} suffix="¥" allow_empty=true
                    on_change={on_num(m, on, |m, v| m.budget = v.is_finite().then_some(v))} />
            </div>
        </div>
    }
}
