//! Saved scenarios (month + plan + payout model, by id) and two of them
//! compared side by side.

use super::*;
use crate::i18n::{Lang, Msg};
use crate::model::payout::{compare, compute, Payouts, Scenario};
use crate::model::plan::score;
use crate::model::Command;
use crate::ui::components::fields::select_value;
use crate::ui::state::{Action, AppContext, Notice};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;
/// Payouts of one scenario: its month's table, plan and model (by id).
pub(super) fn run_scenario(
    wb: &crate::model::Workbook,
    s: &Scenario,
) -> Result<Payouts, (Msg, Vec<String>)> {
    let table = wb
        .table_for(&s.month)
        .ok_or((Msg::ErrNoSuchMonth, vec![s.month.clone()]))?;
    let plan = wb.scenario_plan(s).ok_or((Msg::ScnNoPlan, Vec::new()))?;
    let model = wb.scenario_payout(s).ok_or((Msg::ScnNoModel, Vec::new()))?;
    Ok(compute(table, plan, &score(table, plan), model))
}

#[derive(Properties, PartialEq)]
pub(super) struct ScenarioProps {
    /// The scenario the workspace shows now (unsaved).
    pub(super) current: Scenario,
    pub(super) lang: Lang,
}

#[component]
pub(super) fn ScenarioPanel(p: &ScenarioProps) -> Html {
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
        let (state, name, current) = (state.clone(), name.clone(), p.current.clone());
        // The workbook names it (month · plan · model when left empty) and gives it an id.
        Callback::from(move |_| {
            state.dispatch(Action::Apply(Command::AddScenario {
                name: (*name).clone(),
                month: current.month.clone(),
                plan: current.plan,
                payout: current.payout,
            }));
            name.set(String::new());
        })
    };
    let gone = |m: Msg| format!("({})", m.t(lang));
    let rows = list.iter().map(|s| {
        let remove = {
            let (state, id) = (state.clone(), s.id);
            Callback::from(move |_| state.dispatch(Action::Apply(Command::RemoveScenario { id })))
        };
        let total = run_scenario(wb, s)
            .map(|p| money(p.stats.total, false))
            .unwrap_or_else(|(m, a)| m.fill(lang, &a));
        let plan = wb.scenario_plan(s).map(|p| p.name.clone()).unwrap_or_else(|| gone(Msg::ScnNoPlan));
        let model = wb.scenario_payout(s).map(|m| m.name.clone()).unwrap_or_else(|| gone(Msg::ScnNoModel));
        html! { <tr><td>{ s.name.clone() }</td><td>{ s.month.clone() }</td><td>{ plan }</td><td>{ model }</td>
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
                    crate::model::order::sort_by(&mut chart, |x, y| y.1.total_cmp(&x.1));
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
                    <input id="scn-name" type="text" value={(*name).clone()} placeholder={format!("{} · {} · {}", p.current.month, wb.plan(p.current.plan).map(|x| x.name.as_str()).unwrap_or(""), wb.payout(p.current.payout).map(|x| x.name.as_str()).unwrap_or(""))}
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
