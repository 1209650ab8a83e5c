//! The 奖金 Payouts workspace: the payout model editor, this month's payouts
//! with totals against the budget and the budget solver, what-if shifts,
//! the Monte Carlo cost forecast, the pay-cliff scan, and saved scenarios
//! compared side by side. Charts come with table views.

use super::fields::{select_value, NumberField};
use super::scores::pts;
use crate::i18n::{Lang, Msg};
use crate::model::forecast::joint::{choose as choose_correlation, Joint};
use crate::model::forecast::{
    variabilities, Cause, CliffScan, CvSource, Forecast, ForecastResult, ForecastSpec, SolveReply,
    SolveSpec, Variability, MAX_MONTHS,
};
use crate::model::formula::value::general;
use crate::model::payout::{
    apply_shifts, compare, compute, CoefStep, Coefficient, Component, GradeCoef, PayGate,
    PayoutModel, Payouts, Prorate, Scenario, Shift, Solved, Tier, TierMode, ROUNDING_UNITS,
};
use crate::model::plan::{score, Plan, PlanScores};
use crate::model::unit::format_grouped;
use crate::model::{Command, Table, Unit};
use crate::ui::jobs;
use crate::ui::state::{Action, AppContext, Notice};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Yuan as shown: grouped, no decimals unless the model pays cents.
pub fn money(v: f64, cents: bool) -> String {
    let s = format_grouped(v, if cents { 2 } else { 0 });
    if v < 0.0 {
        format!("-¥{}", s.trim_start_matches('-'))
    } else {
        format!("¥{s}")
    }
}

fn signed_money(v: f64, cents: bool) -> String {
    if v > 0.0 {
        format!("+{}", money(v, cents))
    } else {
        money(v, cents)
    }
}

fn pct(v: f64) -> String {
    format!("{}%", format_grouped(v * 100.0, 1))
}

/// Numeric columns of the table (candidates for sales, gates, days, bases, what-if).
fn numeric_columns(t: &Table) -> Vec<(String, Unit)> {
    t.columns
        .iter()
        .filter(|c| c.unit != Unit::Text)
        .map(|c| (c.name.clone(), c.unit))
        .collect()
}

fn input_value(e: &Event) -> Option<String> {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
}

/// A callback that applies `f` with a number to a copy of `m` and sends it on.
fn on_num(
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
fn on_text(
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
fn on_click(
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

fn column_select(
    id: String,
    label: Msg,
    current: &str,
    cols: &[(String, Unit)],
    lang: Lang,
    onchange: Callback<Event>,
) -> Html {
    let known = cols.iter().any(|(c, _)| c == current);
    html! {
        <div class="field"><label for={id.clone()}>{ label.t(lang) }</label>
            <select {id} {onchange}>
                if !known { <option value={current.to_string()} selected=true>{ Msg::PayMissingColumn.fill(lang, &[current.to_string()]) }</option> }
                { for cols.iter().map(|(c, _)| html! { <option value={c.clone()} selected={c == current}>{ c.clone() }</option> }) }
            </select>
        </div>
    }
}

/// An edit of a coefficient rule with a number.
type CoefEdit = Box<dyn Fn(&mut Coefficient, f64)>;

fn coef_editor(
    m: &PayoutModel,
    ci: usize,
    coef: &Coefficient,
    grades: &[String],
    lang: Lang,
    on: &Callback<PayoutModel>,
) -> Html {
    let set_coef = move |f: CoefEdit| {
        on_num(m, on, move |m, v| {
            if let Some(Component::Target { coef, .. }) = m.components.get_mut(ci) {
                f(coef, v);
            }
        })
    };
    let kind = match coef {
        Coefficient::ScoreTable { .. } => "table",
        Coefficient::GradeTable(_) => "grade",
        Coefficient::Curve { .. } => "curve",
    };
    let grades_owned = grades.to_vec();
    let on_kind = on_text(m, on, move |m, v| {
        if let Some(Component::Target { coef, .. }) = m.components.get_mut(ci) {
            *coef = match v.as_str() {
                "grade" => Coefficient::GradeTable(
                    grades_owned
                        .iter()
                        .enumerate()
                        .map(|(i, g)| GradeCoef {
                            grade: g.clone(),
                            coef: (1.5 - 0.3 * i as f64).max(0.0),
                        })
                        .collect(),
                ),
                "curve" => Coefficient::Curve {
                    threshold: 60.0,
                    start: 0.6,
                    slope: 0.02,
                    cap: 1.5,
                },
                _ => match PayoutModel::example("").components.into_iter().next() {
                    Some(Component::Target { coef, .. }) => coef,
                    _ => Coefficient::ScoreTable {
                        steps: Vec::new(),
                        otherwise: 0.0,
                    },
                },
            };
        }
    });
    let id = |s: &str| format!("pay-c{ci}-{s}");
    let body = match coef {
        Coefficient::ScoreTable { steps, otherwise } => {
            let rows = steps.iter().enumerate().map(|(si, s)| {
                let remove = on_click(m, on, move |m| {
                    if let Some(Component::Target {
                        coef: Coefficient::ScoreTable { steps, .. },
                        ..
                    }) = m.components.get_mut(ci)
                    {
                        if si < steps.len() {
                            steps.remove(si);
                        }
                    }
                });
                let step_set = move |min: bool| {
                    set_coef(Box::new(move |c, v| {
                        if let Coefficient::ScoreTable { steps, .. } = c {
                            if let Some(s) = steps.get_mut(si) {
                                if min {
                                    s.min = v;
                                } else {
                                    s.coef = v;
                                }
                            }
                        }
                    }))
                };
                html! {
                    <div class="band">
                        <NumberField id={id(&format!("min{si}"))} label={Msg::PayStepMin.t(lang)} value={s.min} {lang} suffix={Msg::PayPointsSuffix.t(lang)} on_change={step_set(true)} />
                        <span aria-hidden="true">{ "→" }</span>
                        <NumberField id={id(&format!("coef{si}"))} label={Msg::PayCoef.t(lang)} value={s.coef} {lang} suffix="×" on_change={step_set(false)} />
                        <button type="button" class="link" onclick={remove} aria-label={Msg::PayRemoveStep.t(lang)}>{ "✕" }</button>
                    </div>
                }
            });
            let add = on_click(m, on, move |m| {
                if let Some(Component::Target {
                    coef: Coefficient::ScoreTable { steps, .. },
                    ..
                }) = m.components.get_mut(ci)
                {
                    let min = steps.iter().map(|s| s.min).fold(0.0, f64::max) + 5.0;
                    steps.push(CoefStep { min, coef: 1.0 });
                }
            });
            html! { <div class="params bands">
                { for rows }
                <div class="band">
                    <NumberField id={id("otherwise")} label={Msg::PayOtherwise.t(lang)} value={*otherwise} {lang} suffix="×"
                        on_change={set_coef(Box::new(|c, v| if let Coefficient::ScoreTable { otherwise, .. } = c { *otherwise = v; }))} />
                    <button type="button" class="link" onclick={add}>{ Msg::PayAddStep.t(lang) }</button>
                </div>
            </div> }
        }
        Coefficient::GradeTable(g) => {
            let rows = grades.iter().map(|label| {
                let value = g.iter().find(|x| x.grade == *label).map(|x| x.coef).unwrap_or(0.0);
                let l = label.clone();
                let cb = set_coef(Box::new(move |c, v| {
                    if let Coefficient::GradeTable(list) = c {
                        match list.iter_mut().find(|x| x.grade == l) {
                            Some(x) => x.coef = v,
                            None => list.push(GradeCoef { grade: l.clone(), coef: v }),
                        }
                    }
                }));
                html! { <NumberField id={id(&format!("g-{label}"))} label={Msg::PayGradeCoef.fill(lang, std::slice::from_ref(label))} {value} {lang} suffix="×" on_change={cb} /> }
            });
            html! { <div class="params">{ for rows }</div> }
        }
        Coefficient::Curve {
            threshold,
            start,
            slope,
            cap,
        } => {
            let f = |which: u8| {
                set_coef(Box::new(move |c, v| {
                    if let Coefficient::Curve {
                        threshold,
                        start,
                        slope,
                        cap,
                    } = c
                    {
                        match which {
                            0 => *threshold = v,
                            1 => *start = v,
                            2 => *slope = v,
                            _ => *cap = v,
                        }
                    }
                }))
            };
            html! { <div class="params">
                <NumberField id={id("thr")} label={Msg::PayCurveThreshold.t(lang)} value={*threshold} {lang} suffix={Msg::PayPointsSuffix.t(lang)} on_change={f(0)} />
                <NumberField id={id("start")} label={Msg::PayCurveStart.t(lang)} value={*start} {lang} suffix="×" on_change={f(1)} />
                <NumberField id={id("slope")} label={Msg::PayCurveSlope.t(lang)} value={*slope} {lang} on_change={f(2)} />
                <NumberField id={id("cap")} label={Msg::PayCurveCap.t(lang)} value={*cap} {lang} suffix="×" on_change={f(3)} />
            </div> }
        }
    };
    html! {
        <>
            <div class="field"><label for={id("kind")}>{ Msg::PayCoefBy.t(lang) }</label>
                <select id={id("kind")} onchange={on_kind}>
                    <option value="table" selected={kind == "table"}>{ Msg::PayCoefTable.t(lang) }</option>
                    <option value="grade" selected={kind == "grade"}>{ Msg::PayCoefGrade.t(lang) }</option>
                    <option value="curve" selected={kind == "curve"}>{ Msg::PayCoefCurve.t(lang) }</option>
                </select></div>
            { body }
        </>
    }
}

fn component_editor(
    m: &PayoutModel,
    ci: usize,
    comp: &Component,
    grades: &[String],
    cols: &[(String, Unit)],
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
                            { for cols.iter().map(|(c, _)| html! { <option value={c.clone()} selected={*c == current}>{ c.clone() }</option> }) }
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

fn gates_editor(
    m: &PayoutModel,
    cols: &[(String, Unit)],
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

fn model_editor(
    m: &PayoutModel,
    grades: &[String],
    cols: &[(String, Unit)],
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

/// Horizontal bars, one per label; negative values extend left of the axis.
fn bars(title: &str, items: &[(String, f64)], cents: bool, testid: &str) -> Html {
    let max = items.iter().map(|i| i.1.abs()).fold(0.0, f64::max).max(1.0);
    let any_neg = items.iter().any(|i| i.1 < 0.0);
    let row_h = 18.0;
    let (w, label_w) = (640.0, 84.0);
    let h = row_h * items.len() as f64 + 8.0;
    let axis = if any_neg {
        label_w + (w - label_w - 90.0) / 2.0
    } else {
        label_w
    };
    let span = if any_neg {
        (w - label_w - 90.0) / 2.0
    } else {
        w - label_w - 90.0
    };
    html! {
        <svg class="chart bars" viewBox={format!("0 0 {w} {h}")} role="img" aria-label={title.to_string()} data-testid={testid.to_string()}>
            <title>{ title.to_string() }</title>
            <line class="axis" x1={axis.to_string()} x2={axis.to_string()} y1="0" y2={h.to_string()} />
            { for items.iter().enumerate().map(|(i, (label, v))| {
                let y = 4.0 + i as f64 * row_h;
                let len = v.abs() / max * span;
                let x = if *v < 0.0 { axis - len } else { axis };
                html! { <g>
                    <text class="tick" x={(label_w - 6.0).to_string()} y={format!("{:.1}", y + 13.0)} text-anchor="end">{ label.chars().take(8).collect::<String>() }</text>
                    <rect class={classes!("bar", (*v < 0.0).then_some("neg"))} x={format!("{x:.1}")} y={format!("{:.1}", y + 2.0)} width={format!("{len:.1}")} height={format!("{:.1}", row_h - 5.0)} />
                    <text class="tick" x={format!("{:.1}", if *v < 0.0 { axis + 4.0 } else { axis + len + 4.0 })} y={format!("{:.1}", y + 13.0)}>{ if any_neg { signed_money(*v, cents) } else { money(*v, cents) } }</text>
                </g> }
            }) }
        </svg>
    }
}

/// How many agents the bar charts draw (the table lists everyone).
const CHART_ROWS: usize = 40;

/// The forecast's short line on the correlations it used.
fn correlation_text(j: &Joint, from: Option<usize>, user: f64, lang: Lang) -> String {
    let pairs = j.pairs();
    if pairs.is_empty() {
        return Msg::McCorrIndependent.t(lang).to_string();
    }
    let list: Vec<String> = pairs
        .iter()
        .map(|(a, b, r)| format!("{a}–{b} {r:.2}"))
        .collect();
    let source = match from {
        Some(m) => Msg::McCorrFromHistory.fill(lang, &[m.to_string()]),
        None if user != 0.0 => Msg::McCorrUser.t(lang).to_string(),
        None => String::new(),
    };
    format!(
        "{}{}",
        Msg::McCorrUsed.fill(lang, &[list.join("，")]),
        source
    )
}

#[derive(Properties, PartialEq)]
struct ForecastProps {
    table: Rc<Table>,
    months_tables: Rc<Vec<Table>>,
    plan: Rc<Plan>,
    model: Rc<PayoutModel>,
    names: Rc<Vec<String>>,
    lang: Lang,
    cents: bool,
}

#[component]
fn ForecastPanel(p: &ForecastProps) -> Html {
    let lang = p.lang;
    let months = use_state(|| 10_000.0f64);
    let seed = use_state(|| 1.0f64);
    let default_cv = use_state(|| 0.1f64);
    let user_rho = use_state(|| 0.0f64);
    let note = use_state(|| None::<jobs::Note>);
    let corr_line = use_state(String::new);
    let job = use_mut_ref(|| None::<Forecast>);
    let cancel = use_mut_ref(|| Rc::new(Cell::new(false)));
    let progress = use_state(|| None::<(usize, usize)>);
    let result = use_state(|| None::<(ForecastResult, Vec<Variability>)>);
    let vars_used = use_mut_ref(Vec::<Variability>::new);
    let agents_shown = use_state(|| super::fields::PAGE_ROWS);
    {
        // Leaving the workspace stops a running forecast.
        let cancel = cancel.clone();
        use_effect_with((), move |_| move || cancel.borrow().set(true));
    }
    let refs: Vec<&Table> = p.months_tables.iter().collect();
    let vars = variabilities(&refs, &p.table, &p.plan, &p.model, *default_cv);
    let on_run = {
        let (job, cancel, progress, result, vars_used) = (
            job.clone(),
            cancel.clone(),
            progress.clone(),
            result.clone(),
            vars_used.clone(),
        );
        let (table, plan, model, vars) = (
            p.table.clone(),
            p.plan.clone(),
            p.model.clone(),
            vars.clone(),
        );
        let (months, seed) = (*months, *seed);
        let n_agents = p.names.len();
        let (note, corr_line, months_tables, user_rho) = (
            note.clone(),
            corr_line.clone(),
            p.months_tables.clone(),
            *user_rho,
        );
        Callback::from(move |_| {
            cancel.borrow().set(true);
            let flag = Rc::new(Cell::new(false));
            *cancel.borrow_mut() = flag.clone();
            if months > MAX_MONTHS as f64 {
                note.set(Some(jobs::Note {
                    msg: Msg::McTooMany,
                    args: vec![format_grouped(MAX_MONTHS as f64, 0)],
                    ended: true,
                }));
                progress.set(None);
                return;
            }
            let n = months.max(1.0) as usize;
            let refs: Vec<&Table> = months_tables.iter().collect();
            let (correlation, from) = choose_correlation(&refs, &vars, user_rho);
            let f = Forecast::from_spec(ForecastSpec {
                table: (*table).clone(),
                plan: (*plan).clone(),
                model: (*model).clone(),
                vars: vars.clone(),
                months: n,
                seed: seed.max(0.0) as u64,
                correlation,
            });
            corr_line.set(correlation_text(f.correlations(), from, user_rho, lang));
            *job.borrow_mut() = Some(f);
            *vars_used.borrow_mut() = vars.clone();
            progress.set(Some((0, n)));
            note.set(None);
            let on_note = {
                let (note, progress) = (note.clone(), progress.clone());
                Callback::from(move |x: jobs::Note| {
                    if x.ended {
                        progress.set(None);
                    }
                    note.set(Some(x));
                })
            };
            let slot = job.clone();
            let (progress, result, vars_used) =
                (progress.clone(), result.clone(), vars_used.clone());
            let on_tick = Callback::from(move |finished: bool| {
                let guard = slot.borrow();
                let Some(f) = guard.as_ref() else { return };
                if finished {
                    result.set(Some((f.result(), vars_used.borrow().clone())));
                    progress.set(None);
                } else {
                    progress.set(Some(f.progress()));
                }
            });
            // About 20,000 agent-months per chunk, so a chunk stays well under a slice.
            let chunk = (20_000 / n_agents.max(1)).max(1);
            jobs::run_noting(job.clone(), flag, chunk, on_tick, on_note);
        })
    };
    let on_cancel = {
        let (cancel, progress) = (cancel.clone(), progress.clone());
        Callback::from(move |_| {
            cancel.borrow().set(true);
            progress.set(None);
        })
    };
    let source = |v: &Variability| match v.source {
        CvSource::History(n) => Msg::McFromHistory.fill(lang, &[n.to_string()]),
        CvSource::Default => Msg::McFromDefault.t(lang).to_string(),
        CvSource::Held => Msg::McHeld.t(lang).to_string(),
    };
    let running = progress.is_some();
    let res = result.as_ref().map(|(r, used)| {
        let cents = p.cents;
        let max_count = r.histogram.iter().map(|b| b.2).max().unwrap_or(1).max(1) as f64;
        let (w, h) = (640.0, 200.0);
        let bw = (w - 20.0) / r.histogram.len().max(1) as f64;
        html! { <div data-testid="mc-result">
            <dl class="stats">
                <div><dt>{ "P5" }</dt><dd data-testid="mc-p5">{ money(r.p5, cents) }</dd></div>
                <div><dt>{ "P50" }</dt><dd data-testid="mc-p50">{ money(r.p50, cents) }</dd></div>
                <div><dt>{ "P95" }</dt><dd data-testid="mc-p95">{ money(r.p95, cents) }</dd></div>
                <div><dt>{ Msg::McMean.t(lang) }</dt><dd>{ money(r.mean, cents) }</dd></div>
                if let Some(o) = r.p_over_budget { <div><dt>{ Msg::McOverBudget.t(lang) }</dt><dd data-testid="mc-over">{ pct(o) }</dd></div> }
            </dl>
            <p class="muted">{ Msg::McDone.fill(lang, &[r.months.to_string()]) }</p>
            <svg class="chart hist" viewBox={format!("0 0 {w} {h}")} role="img" aria-label={Msg::McHistTitle.t(lang)}>
                <title>{ Msg::McHistTitle.t(lang) }</title>
                { for r.histogram.iter().enumerate().map(|(i, (lo, _, c))| {
                    let bh = *c as f64 / max_count * (h - 40.0);
                    let x = 10.0 + i as f64 * bw;
                    html! { <g>
                        <rect class="bar" x={format!("{:.1}", x + 1.0)} y={format!("{:.1}", h - 24.0 - bh)} width={format!("{:.1}", (bw - 2.0).max(1.0))} height={format!("{bh:.1}")} />
                        if i % 4 == 0 { <text class="tick" x={format!("{x:.1}")} y={format!("{:.1}", h - 8.0)}>{ money(*lo, false) }</text> }
                    </g> }
                }) }
            </svg>
            <details class="table-view"><summary>{ Msg::QaCurveTable.t(lang) }</summary>
                <table class="plain" data-testid="mc-hist-table">
                    <thead><tr><th>{ Msg::McBin.t(lang) }</th><th class="num">{ Msg::McMonths.t(lang) }</th></tr></thead>
                    <tbody>{ for r.histogram.iter().map(|(lo, hi, c)| html! { <tr><td>{ format!("{} – {}", money(*lo, cents), money(*hi, cents)) }</td><td class="num">{ c }</td></tr> }) }</tbody>
                </table></details>
            <details class="table-view"><summary>{ Msg::McVarTitle.t(lang) }</summary>
                <table class="plain"><thead><tr><th>{ Msg::McColMetric.t(lang) }</th><th class="num">{ Msg::McColCv.t(lang) }</th><th>{ Msg::McColSource.t(lang) }</th></tr></thead>
                <tbody>{ for used.iter().map(|v| html! { <tr><td>{ v.column.clone() }</td><td class="num">{ pct(v.cv) }</td><td>{ source(v) }</td></tr> }) }</tbody></table></details>
            <details class="table-view"><summary>{ Msg::McAgentTitle.fill(lang, &[r.per_agent_months.to_string()]) }</summary>
                <table class="plain" data-testid="mc-agents"><thead><tr><th>{ Msg::ColAgent.t(lang) }</th><th class="num">{ "P5" }</th><th class="num">{ "P50" }</th><th class="num">{ "P95" }</th></tr></thead>
                <tbody>{ for r.per_agent.iter().enumerate().take(*agents_shown).map(|(i, (_, lo, mid, hi))| html! {
                    <tr><td>{ p.names.get(i).cloned().unwrap_or_default() }</td><td class="num">{ money(*lo, cents) }</td><td class="num">{ money(*mid, cents) }</td><td class="num">{ money(*hi, cents) }</td></tr>
                }) }</tbody></table>
                { super::fields::more_rows(&agents_shown, r.per_agent.len(), lang) }</details>
        </div> }
    });
    let setter = |h: &UseStateHandle<f64>| {
        let h = h.clone();
        Callback::from(move |v: f64| h.set(v))
    };
    html! {
        <section class="card" aria-labelledby="mc-title">
            <h3 id="mc-title">{ Msg::McTitle.t(lang) }</h3>
            <p class="help muted">{ Msg::McHelp.t(lang) }</p>
            <div class="params">
                <NumberField id="mc-months" label={Msg::McMonthsLabel.t(lang)} value={*months} {lang} on_change={setter(&months)} />
                <NumberField id="mc-seed" label={Msg::McSeed.t(lang)} value={*seed} {lang} on_change={setter(&seed)} />
                <NumberField id="mc-cv" label={Msg::McDefaultCv.t(lang)} value={*default_cv} unit={Unit::Percent} {lang} suffix="%" on_change={setter(&default_cv)} />
                <NumberField id="mc-rho" label={Msg::McCorrLabel.t(lang)} value={*user_rho} {lang} on_change={setter(&user_rho)} />
            </div>
            <table class="plain compact"><thead><tr><th>{ Msg::McColMetric.t(lang) }</th><th class="num">{ Msg::McColCv.t(lang) }</th><th>{ Msg::McColSource.t(lang) }</th></tr></thead>
                <tbody>{ for vars.iter().map(|v| html! { <tr><td>{ v.column.clone() }</td><td class="num">{ if v.source == CvSource::Held { "—".into() } else { pct(v.cv) } }</td><td>{ source(v) }</td></tr> }) }</tbody></table>
            <div class="actions">
                <button type="button" class="primary" onclick={on_run} disabled={running} data-testid="mc-run">{ Msg::McRun.t(lang) }</button>
                if running { <button type="button" onclick={on_cancel} data-testid="mc-cancel">{ Msg::McCancel.t(lang) }</button> }
            </div>
            if let Some((done, all)) = *progress {
                <div class="progress" role="status">
                    <progress max={all.to_string()} value={done.to_string()} data-testid="mc-progress"></progress>
                    <span>{ Msg::McProgress.fill(lang, &[done.to_string(), all.to_string()]) }</span>
                </div>
            }
            if !corr_line.is_empty() { <p class="muted" data-testid="mc-corr">{ (*corr_line).clone() }</p> }
            if let Some(n) = note.as_ref() { <p class={if n.ended { "field-error" } else { "muted" }} role="status" data-testid="mc-note">{ n.msg.fill(lang, &n.args) }</p> }
            { for res }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CliffProps {
    table: Rc<Table>,
    plan: Rc<Plan>,
    model: Rc<PayoutModel>,
    lang: Lang,
    cents: bool,
}

fn cause_text(
    c: &Cause,
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
                    .map(|it| it.column.clone())
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
                .map(|g| g.column.clone())
                .unwrap_or_default()],
        ),
    }
}

#[component]
fn CliffPanel(p: &CliffProps) -> Html {
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
            let on_note = {
                let (note, progress) = (note.clone(), progress.clone());
                Callback::from(move |x: jobs::Note| {
                    if x.ended {
                        progress.set(None);
                    }
                    note.set(Some(x));
                })
            };
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
            match unit {
                Unit::Percent => {
                    Msg::CliffStepPp.fill(lang, &[sign.into(), general(c.step.abs() * 100.0)])
                }
                _ => format!(
                    "{sign}{}",
                    crate::model::unit::format_value(c.step.abs(), unit, lang)
                ),
            }
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
                            <td>{ c.agent.clone() }</td><td>{ c.column.clone() }</td><td>{ step_text(c) }</td>
                            <td class="num">{ format!("{} → {}", money(c.pay_before, p.cents), money(c.pay_after, p.cents)) }</td>
                            <td class={classes!("num", if c.change() < 0.0 { "down" } else { "up" })}>{ signed_money(c.change(), p.cents) }</td>
                            <td>{ c.causes.iter().map(|x| cause_text(x, &p.plan, &p.model, &grades, lang)).collect::<Vec<_>>().join("；") }</td>
                        </tr> }) }</tbody></table></div>
                }
            }
        </section>
    }
}

/// Payouts of one scenario: its month's table, plan and model.
fn run_scenario(wb: &crate::model::Workbook, s: &Scenario) -> Result<Payouts, (Msg, Vec<String>)> {
    let table = wb
        .table_for(&s.month)
        .ok_or((Msg::ErrNoSuchMonth, vec![s.month.clone()]))?;
    let plan = wb
        .plans()
        .iter()
        .find(|p| p.name == s.plan)
        .ok_or((Msg::ScnNoPlan, vec![s.plan.clone()]))?;
    let model = wb
        .payouts()
        .iter()
        .find(|m| m.name == s.payout)
        .ok_or((Msg::ScnNoModel, vec![s.payout.clone()]))?;
    Ok(compute(table, plan, &score(table, plan), model))
}

#[derive(Properties, PartialEq)]
struct ScenarioProps {
    /// The scenario the workspace shows now (unsaved).
    current: Scenario,
    lang: Lang,
}

#[component]
fn ScenarioPanel(p: &ScenarioProps) -> Html {
    let state = use_context::<AppContext>();
    let lang = p.lang;
    let a = use_state(|| 0usize);
    let b = use_state(|| 1usize);
    let name = use_state(String::new);
    let Some(state) = state else {
        return html! {};
    };
    let wb = &state.workbook;
    let list = wb.scenarios().to_vec();
    let on_save = {
        let (state, name, current, list) =
            (state.clone(), name.clone(), p.current.clone(), list.clone());
        Callback::from(move |_| {
            let mut s = current.clone();
            let n = name.trim();
            s.name = if n.is_empty() {
                format!("{} · {} · {}", s.month, s.plan, s.payout)
            } else {
                n.chars().take(60).collect()
            };
            let mut next = list.clone();
            match next.iter_mut().find(|x| x.name == s.name) {
                Some(x) => *x = s,
                None => next.push(s),
            }
            state.dispatch(Action::Apply(Command::SetScenarios(Box::new(next))));
            name.set(String::new());
        })
    };
    let rows = list.iter().enumerate().map(|(i, s)| {
        let remove = {
            let (state, list) = (state.clone(), list.clone());
            Callback::from(move |_| {
                let mut next = list.clone();
                if i < next.len() {
                    next.remove(i);
                }
                state.dispatch(Action::Apply(Command::SetScenarios(Box::new(next))));
            })
        };
        let total = run_scenario(wb, s)
            .map(|p| money(p.stats.total, false))
            .unwrap_or_else(|(m, a)| m.fill(lang, &a));
        html! { <tr><td>{ s.name.clone() }</td><td>{ s.month.clone() }</td><td>{ s.plan.clone() }</td><td>{ s.payout.clone() }</td>
            <td class="num">{ total }</td>
            <td><button type="button" class="link" onclick={remove}>{ Msg::PayRemovePart.t(lang) }</button></td></tr> }
    });
    let pick = |h: &UseStateHandle<usize>| {
        let h = h.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e).and_then(|v| v.parse().ok()) {
                h.set(v);
            }
        })
    };
    let options = |sel: usize| {
        list.iter()
            .enumerate()
            .map(|(i, s)| html! { <option value={i.to_string()} selected={i == sel}>{ s.name.clone() }</option> })
            .collect::<Html>()
    };
    let comparison = match (list.get(*a), list.get(*b)) {
        (Some(sa), Some(sb)) if list.len() >= 2 => {
            Some(match (run_scenario(wb, sa), run_scenario(wb, sb)) {
                (Ok(pa), Ok(pb)) => {
                    let c = compare(&pa, &pb);
                    let cents = false;
                    let mut chart: Vec<(String, f64)> =
                        c.rows.iter().map(|r| (r.agent.clone(), r.change)).collect();
                    chart.sort_by(|x, y| y.1.total_cmp(&x.1));
                    chart.truncate(CHART_ROWS);
                    let csv_name =
                        format!("{}-{}-{}.csv", Msg::FileCompare.t(lang), sa.name, sb.name);
                    let on_csv = {
                        let (state, c) = (state.clone(), c.clone());
                        Callback::from(move |_| {
                            let text = crate::io::export::comparison_csv(&c, lang);
                            if let Err(e) = crate::ui::browser::download(
                                &csv_name,
                                "text/csv;charset=utf-8",
                                &text,
                            ) {
                                state.dispatch(Action::Notify(Notice {
                                    msg: Msg::DownloadFailed,
                                    args: vec![e],
                                    error: true,
                                }));
                            }
                        })
                    };
                    html! { <div data-testid="scn-compare">
                        <p class="recommendation" data-testid="scn-summary">{ Msg::ScnSummary.fill(lang, &[
                            money(c.total_a, cents), money(c.total_b, cents), signed_money(c.total_b - c.total_a, cents),
                            c.winners.to_string(), c.losers.to_string(), c.unchanged.to_string()]) }</p>
                        { bars(Msg::ScnChartTitle.t(lang), &chart, cents, "scn-chart") }
                        <div class="actions"><button type="button" onclick={on_csv}>{ Msg::ExportCsv.t(lang) }</button></div>
                        <details class="table-view" open=true><summary>{ Msg::QaCurveTable.t(lang) }</summary>
                        <div class="table-scroll"><table class="plain" data-testid="scn-table">
                            <thead><tr><th>{ Msg::ColAgent.t(lang) }</th><th class="num">{ sa.name.clone() }</th><th class="num">{ sb.name.clone() }</th><th class="num">{ Msg::ColDelta.t(lang) }</th></tr></thead>
                            <tbody>{ for c.rows.iter().map(|r| html! { <tr><td>{ r.agent.clone() }</td>
                                <td class="num">{ r.a.map(|v| money(v, cents)).unwrap_or_else(|| "—".into()) }</td>
                                <td class="num">{ r.b.map(|v| money(v, cents)).unwrap_or_else(|| "—".into()) }</td>
                                <td class={classes!("num", if r.change < 0.0 { "down" } else if r.change > 0.0 { "up" } else { "" })}>{ signed_money(r.change, cents) }</td></tr> }) }</tbody>
                        </table></div></details>
                    </div> }
                }
                (Err((m, a)), _) | (_, Err((m, a))) => {
                    html! { <p class="field-error">{ m.fill(lang, &a) }</p> }
                }
            })
        }
        _ => None,
    };
    html! {
        <section class="card" aria-labelledby="scn-title">
            <h3 id="scn-title">{ Msg::ScnTitle.t(lang) }</h3>
            <p class="help muted">{ Msg::ScnHelp.t(lang) }</p>
            <div class="params">
                <div class="field"><label for="scn-name">{ Msg::ScnName.t(lang) }</label>
                    <input id="scn-name" type="text" value={(*name).clone()} placeholder={format!("{} · {} · {}", p.current.month, p.current.plan, p.current.payout)}
                        oninput={{ let name = name.clone(); Callback::from(move |e: InputEvent| {
                            if let Some(i) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) { name.set(i.value()); }
                        }) }} /></div>
                <div class="actions"><button type="button" onclick={on_save} data-testid="scn-save">{ Msg::ScnSave.t(lang) }</button></div>
            </div>
            if list.is_empty() { <p class="muted">{ Msg::ScnEmpty.t(lang) }</p> } else {
                <table class="plain" data-testid="scn-list"><thead><tr><th>{ Msg::ScnName.t(lang) }</th><th>{ Msg::MonthLabel.t(lang) }</th><th>{ Msg::PlanSelect.t(lang) }</th><th>{ Msg::PayModel.t(lang) }</th><th class="num">{ Msg::PayTotal.t(lang) }</th><th></th></tr></thead>
                    <tbody>{ for rows }</tbody></table>
            }
            if list.len() >= 2 {
                <div class="params">
                    <div class="field"><label for="scn-a">{ Msg::ScnA.t(lang) }</label><select id="scn-a" onchange={pick(&a)}>{ options(*a) }</select></div>
                    <div class="field"><label for="scn-b">{ Msg::ScnB.t(lang) }</label><select id="scn-b" onchange={pick(&b)}>{ options(*b) }</select></div>
                </div>
            }
            { for comparison }
        </section>
    }
}

/// Teams larger than this type the agent's name instead of picking it.
const AGENT_SELECT_MAX: usize = 300;

/// The what-if panel: shifts to apply on top of the month's data.
fn what_if(
    state: &AppContext,
    table: &Table,
    cols: &[(String, Unit)],
    draft: &UseStateHandle<(String, String, f64)>,
    lang: Lang,
) -> Html {
    let (col, agent, delta) = (**draft).clone();
    let col = if cols.iter().any(|(c, _)| *c == col) {
        col
    } else {
        cols.first().map(|c| c.0.clone()).unwrap_or_default()
    };
    let unit = cols
        .iter()
        .find(|(c, _)| *c == col)
        .map(|c| c.1)
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
            .find(|(c, _)| *c == s.column)
            .map(|c| c.1)
            .unwrap_or(Unit::Number);
        let sign = if s.delta < 0.0 { "−" } else { "+" };
        match u {
            Unit::Percent => {
                Msg::CliffStepPp.fill(lang, &[sign.into(), general(s.delta.abs() * 100.0)])
            }
            _ => format!(
                "{sign}{}",
                crate::model::unit::format_value(s.delta.abs(), u, lang)
            ),
        }
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
        html! { <li>{ format!("{} {} · {}", s.column, shown_delta(s), s.agent.clone().unwrap_or_else(|| Msg::WhatIfEveryone.t(lang).into())) }
            <button type="button" class="link" onclick={remove}>{ Msg::PayRemovePart.t(lang) }</button></li> }
    });
    let names: Vec<String> = (0..table.len()).map(|r| table.agent_name(r)).collect();
    html! {
        <section class="card" aria-labelledby="wi-title">
            <h3 id="wi-title">{ Msg::WhatIfTitle.t(lang) }</h3>
            <p class="help muted">{ Msg::WhatIfHelp.t(lang) }</p>
            <div class="params">
                <div class="field"><label for="wi-col">{ Msg::McColMetric.t(lang) }</label>
                    <select id="wi-col" onchange={set(0)}>{ for cols.iter().map(|(c, _)| html! { <option value={c.clone()} selected={*c == col}>{ c.clone() }</option> }) }</select></div>
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

/// The Payouts workspace.
#[component]
pub fn PayWorkspace() -> Html {
    let state = use_context::<AppContext>();
    let draft = use_state(|| (String::new(), String::new(), 0.0));
    let solved = use_state(|| None::<Result<Solved, (Msg, Vec<String>)>>);
    let shown = use_state(|| super::fields::PAGE_ROWS);
    let Some(state) = state else {
        return html! {};
    };
    let lang = state.lang;
    let wb = &state.workbook;
    let plans = wb.plans();
    let models = wb.payouts();
    let on_models = {
        let state = state.clone();
        let idx = state.payout;
        let all = models.to_vec();
        Callback::from(move |m: PayoutModel| {
            let mut next = all.clone();
            match next.get_mut(idx) {
                Some(slot) => *slot = m,
                None => next.push(m),
            }
            state.dispatch(Action::Apply(Command::SetPayouts(Box::new(next))));
        })
    };
    let on_new = {
        let state = state.clone();
        let all = models.to_vec();
        Callback::from(move |_| {
            let mut next = all.clone();
            let mut name = Msg::PayDefaultName.t(lang).to_string();
            let mut k = 2;
            while next.iter().any(|m| m.name == name) {
                name = format!("{} {k}", Msg::PayDefaultName.t(lang));
                k += 1;
            }
            next.push(PayoutModel::example(&name));
            let at = next.len() - 1;
            state.dispatch(Action::Apply(Command::SetPayouts(Box::new(next))));
            state.dispatch(Action::SelectPayout(at));
        })
    };
    let Some(plan) = plans.get(state.plan) else {
        return html! { <div class="workspace pay"><p class="muted">{ Msg::NoPlans.t(lang) }</p></div> };
    };
    let Some(model) = models.get(state.payout) else {
        return html! { <div class="workspace pay">
            <p class="muted" data-testid="pay-empty">{ Msg::PayNoModels.t(lang) }</p>
            <button type="button" class="primary" onclick={on_new}>{ Msg::PayNew.t(lang) }</button>
        </div> };
    };
    let base_table = wb.table_for(&plan.month).unwrap_or(wb.table());
    let shifted = (!state.shifts.is_empty()).then(|| apply_shifts(base_table, &state.shifts));
    let table = shifted.as_ref().unwrap_or(base_table);
    let scores: PlanScores = score(table, plan);
    let pays = compute(table, plan, &scores, model);
    let before = shifted
        .as_ref()
        .map(|_| compute(base_table, plan, &score(base_table, plan), model));
    let cents = model.rounding < 1.0;
    let cols = numeric_columns(base_table);
    let grades = scores.grade_labels.clone();

    let on_plan = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = select_value(&e).and_then(|v| v.parse().ok()) {
                state.dispatch(Action::SelectPlan(i));
            }
        })
    };
    let on_model = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = select_value(&e).and_then(|v| v.parse().ok()) {
                state.dispatch(Action::SelectPayout(i));
            }
        })
    };
    let on_copy = {
        let state = state.clone();
        let all = models.to_vec();
        let m = model.clone();
        Callback::from(move |_| {
            let mut next = all.clone();
            let mut c = m.clone();
            c.name = Msg::PayCopyName.fill(lang, std::slice::from_ref(&m.name));
            next.push(c);
            let at = next.len() - 1;
            state.dispatch(Action::Apply(Command::SetPayouts(Box::new(next))));
            state.dispatch(Action::SelectPayout(at));
        })
    };
    let on_delete = {
        let state = state.clone();
        let all = models.to_vec();
        let idx = state.payout;
        Callback::from(move |_| {
            let mut next = all.clone();
            if idx < next.len() {
                next.remove(idx);
            }
            state.dispatch(Action::Apply(Command::SetPayouts(Box::new(next))));
            state.dispatch(Action::SelectPayout(idx.saturating_sub(1)));
        })
    };
    let solve_for = model
        .components
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let what = match c {
                Component::Target { .. } => Msg::PaySolveBase,
                Component::Pool { .. } => Msg::PaySolvePool,
                Component::Commission { .. } => Msg::PaySolveMultiplier,
            };
            let (state, solved) = (state.clone(), solved.clone());
            // Read at click time: no copy of a 10,000-agent table per button per render.
            let onclick = Callback::from(move |_| {
                let wb = &state.workbook;
                let (Some(plan), Some(m)) = (wb.plans().get(state.plan), wb.payouts().get(state.payout)) else {
                    return;
                };
                let Some(budget) = m.budget else {
                    solved.set(Some(Err((Msg::PaySolveNoBudget, Vec::new()))));
                    return;
                };
                let base = wb.table_for(&plan.month).unwrap_or(wb.table());
                let shifted = (!state.shifts.is_empty()).then(|| apply_shifts(base, &state.shifts));
                let table = shifted.as_ref().unwrap_or(base);
                let spec = SolveSpec { table: table.clone(), plan: plan.clone(), model: m.clone(), component: i, budget };
                let (state, solved) = (state.clone(), solved.clone());
                jobs::solve(spec, Callback::from(move |r: SolveReply| {
                    let r = r.map(|(value, total, above)| Solved { value, total, above });
                    if let Ok(s) = &r {
                        let mut next = state.workbook.payouts().to_vec();
                        if let Some(slot) = next.get_mut(state.payout).and_then(|x| x.components.get_mut(i)) {
                            *slot = slot.with_param(s.value);
                        }
                        state.dispatch(Action::Apply(Command::SetPayouts(Box::new(next))));
                    }
                    solved.set(Some(r));
                }));
            });
            html! { <button type="button" {onclick} data-testid={format!("pay-solve-{i}")}>{ what.fill(lang, &[(i + 1).to_string()]) }</button> }
        })
        .collect::<Html>();
    let solved_note = solved.as_ref().map(|r| match r {
        Ok(s) => html! { <p class="recommendation" data-testid="pay-solved">{ Msg::PaySolved.fill(lang, &[
            general(s.value), money(s.total, cents),
            s.above.map(|a| money(a, cents)).unwrap_or_default()]) }</p> },
        Err((m, a)) => html! { <p class="field-error" role="alert">{ m.fill(lang, a) }</p> },
    });
    let st = &pays.stats;
    let budget_line = model.budget.map(|b| {
        let gap = b - st.total;
        let (msg, cls) = if gap >= 0.0 {
            (Msg::PayUnderBudget, "ok")
        } else {
            (Msg::PayOverBudget, "bad")
        };
        html! { <p class={classes!("validation", cls)} data-testid="pay-budget-line">{ msg.fill(lang, &[money(b, cents), money(gap.abs(), cents)]) }</p> }
    });
    let issues = pays.issues.iter().map(|i| {
        html! { <li class={if i.error { "bad" } else { "warn" }}>{ i.msg.fill(lang, &i.args) }</li> }
    });
    let mut chart_items: Vec<(String, f64)> = pays
        .agents
        .iter()
        .map(|a| (a.agent.clone(), a.pay))
        .collect();
    chart_items.sort_by(|a, b| b.1.total_cmp(&a.1));
    let chart_note = (chart_items.len() > CHART_ROWS).then(|| {
        Msg::PayChartTop.fill(
            lang,
            &[CHART_ROWS.to_string(), chart_items.len().to_string()],
        )
    });
    chart_items.truncate(CHART_ROWS);
    let grade_label = |g: usize| grades.get(g).cloned().unwrap_or_default();
    let rows = pays.agents.iter().enumerate().take(*shown).map(|(i, a)| {
        let b = before.as_ref().and_then(|p| p.agents.get(i));
        let gates: Vec<String> = a
            .failed_gates
            .iter()
            .filter_map(|g| model.gates.get(*g).map(|x| x.column.clone()))
            .collect();
        html! { <tr>
            <th scope="row">{ a.agent.clone() }</th>
            <td class="num">{ pts(a.score) }</td>
            <td class="center"><span class={classes!("grade", format!("g{}", a.grade))}>{ grade_label(a.grade) }</span></td>
            <td class="num">{ a.coef.map(|c| format!("{}×", general(c))).unwrap_or_else(|| "—".into()) }</td>
            { for a.parts.iter().map(|p| html! { <td class="num">{ money(*p, true) }</td> }) }
            <td class="num">{ if gates.is_empty() { "—".to_string() } else { format!("{} ({}×)", gates.join("、"), general(a.gate_factor)) } }</td>
            <td class="num">{ if a.days_factor < 1.0 { pct(a.days_factor) } else { "—".into() } }</td>
            <td class="num strong" data-testid={format!("pay-{}", a.row)}>{ money(a.pay, cents) }</td>
            if let Some(b) = b { <td class="num">{ money(b.pay, cents) }</td>
                <td class={classes!("num", if a.pay < b.pay { "down" } else if a.pay > b.pay { "up" } else { "" })}>{ signed_money(a.pay - b.pay, cents) }</td> }
        </tr> }
    });
    let csv_name = format!(
        "{}-{}-{}.csv",
        Msg::FilePayouts.t(lang),
        plan.name,
        model.name
    );
    let on_csv = {
        let (state, pays, model) = (state.clone(), pays.clone(), model.clone());
        Callback::from(move |_| {
            let text = crate::io::export::payouts_csv(&pays, &model, lang);
            if let Err(e) = crate::ui::browser::download(&csv_name, "text/csv;charset=utf-8", &text)
            {
                state.dispatch(Action::Notify(Notice {
                    msg: Msg::DownloadFailed,
                    args: vec![e],
                    error: true,
                }));
            }
        })
    };
    let names: Vec<String> = pays.agents.iter().map(|a| a.agent.clone()).collect();
    let months_tables: Vec<Table> = wb
        .months()
        .iter()
        .filter_map(|m| wb.table_for(m).cloned())
        .collect();
    let shared_table = Rc::new(table.clone());
    let current = Scenario {
        name: String::new(),
        month: plan.month.clone(),
        plan: plan.name.clone(),
        payout: model.name.clone(),
    };
    html! {
        <div class="workspace pay">
            <div class="plan-bar">
                <div class="field"><label for="pay-plan">{ Msg::PlanSelect.t(lang) }</label>
                    <select id="pay-plan" onchange={on_plan}>
                        { for plans.iter().enumerate().map(|(i, p)| html! { <option value={i.to_string()} selected={i == state.plan}>{ format!("{} · {}", p.name, p.month) }</option> }) }
                    </select></div>
                <div class="field"><label for="pay-model">{ Msg::PayModel.t(lang) }</label>
                    <select id="pay-model" onchange={on_model}>
                        { for models.iter().enumerate().map(|(i, m)| html! { <option value={i.to_string()} selected={i == state.payout}>{ m.name.clone() }</option> }) }
                    </select></div>
                <div class="actions">
                    <button type="button" onclick={on_new}>{ Msg::PayNew.t(lang) }</button>
                    <button type="button" onclick={on_copy}>{ Msg::PayCopy.t(lang) }</button>
                    <button type="button" onclick={on_delete}>{ Msg::PayDelete.t(lang) }</button>
                </div>
            </div>
            <div class="pay-layout">
                { model_editor(model, &grades, &cols, lang, &on_models) }
                <div class="pay-results">
                    if shifted.is_some() { <p class="validation warn" data-testid="wi-active">{ Msg::WhatIfActive.t(lang) }</p> }
                    <dl class="stats" data-testid="pay-stats">
                        <div><dt>{ Msg::PayTotal.t(lang) }</dt><dd data-testid="pay-total">{ money(st.total, cents) }</dd></div>
                        if let Some(b) = &before { <div><dt>{ Msg::WhatIfBefore.t(lang) }</dt><dd data-testid="pay-total-before">{ money(b.stats.total, cents) }</dd></div> }
                        <div><dt>{ Msg::PayMean.t(lang) }</dt><dd>{ money(st.mean, true) }</dd></div>
                        <div><dt>{ Msg::PayMedian.t(lang) }</dt><dd>{ money(st.median, true) }</dd></div>
                        <div><dt>{ Msg::PayMinMax.t(lang) }</dt><dd>{ format!("{} – {}", money(st.min, cents), money(st.max, cents)) }</dd></div>
                        <div><dt>{ Msg::PayTop20.t(lang) }</dt><dd>{ pct(st.top20_share) }</dd></div>
                    </dl>
                    { for budget_line }
                    <div class="actions wrap">{ solve_for }</div>
                    { for solved_note }
                    if !pays.issues.is_empty() { <ul class="issues" data-testid="pay-issues">{ for issues }</ul> }
                    { super::qa_noise::pay_warning(table, plan, model, wb.qa(), lang) }
                    <div class="actions">
                        <button type="button" onclick={on_csv} data-testid="pay-csv">{ Msg::ExportPayoutsCsv.t(lang) }</button>
                    </div>
                    { bars(Msg::PayChartTitle.t(lang), &chart_items, cents, "pay-chart") }
                    if let Some(n) = chart_note { <p class="muted">{ n }</p> }
                </div>
            </div>
            <h3 class="table-title">{ Msg::PayTableTitle.t(lang) }</h3>
            <div class="table-scroll">
                <table class="plain pay-table" data-testid="pay-table">
                    <thead><tr>
                        <th>{ Msg::ColAgent.t(lang) }</th><th class="num">{ Msg::ColTotal.t(lang) }</th><th>{ Msg::ColGrade.t(lang) }</th><th class="num">{ Msg::PayCoef.t(lang) }</th>
                        { for model.components.iter().enumerate().map(|(i, c)| html! { <th class="num">{ format!("{}. {}", i + 1, match c {
                            Component::Target { .. } => Msg::PayTarget, Component::Pool { .. } => Msg::PayPool, Component::Commission { .. } => Msg::PayCommission }.t(lang)) }</th> }) }
                        <th class="num">{ Msg::PayGates.t(lang) }</th><th class="num">{ Msg::PayDaysFactor.t(lang) }</th><th class="num">{ Msg::PayPay.t(lang) }</th>
                        if before.is_some() { <th class="num">{ Msg::WhatIfBefore.t(lang) }</th><th class="num">{ Msg::ColDelta.t(lang) }</th> }
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            { super::fields::more_rows(&shown, pays.agents.len(), lang) }
            { what_if(&state, base_table, &cols, &draft, lang) }
            <ForecastPanel table={shared_table.clone()} months_tables={Rc::new(months_tables)} plan={Rc::new(plan.clone())}
                model={Rc::new(model.clone())} names={Rc::new(names)} {lang} {cents} />
            <CliffPanel table={shared_table} plan={Rc::new(plan.clone())} model={Rc::new(model.clone())} {lang} {cents} />
            <ScenarioPanel {current} {lang} />
            <super::paysheet::PaySheetPanel />
        </div>
    }
}
