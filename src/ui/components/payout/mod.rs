//! The 奖金 Payouts workspace: the payout model editor, this month's payouts
//! with totals against the budget and the budget solver, what-if shifts,
//! the Monte Carlo cost forecast, the pay-cliff scan, and saved scenarios
//! compared side by side. Charts come with table views.
//!
//! A folder of panels: [`editor`] and [`coef`] (the model editor),
//! [`what_if`], [`forecast`], [`cliff`], [`scenarios`]; this file is the
//! workspace that lays them out. Money and percentages are formatted by
//! [`crate::ui::format`]. Components only dispatch intents
//! (`Command::AddPayoutModel`, `CopyPayoutModel {id}`, `EditPayoutModel
//! {id, edit}`…); the workbook names copies and says what to select.

mod charts;
mod cliff;
mod coef;
mod editor;
mod forecast;
mod scenarios;
mod what_if;

use crate::i18n::{Lang, Msg};
use crate::model::forecast::{SolveReply, SolveSpec};
use crate::model::formula::value::general;
use crate::model::payout::{apply_shifts, compute, Component, PayoutModel, Scenario, Solved};
use crate::model::plan::{score, PlanScores};
use crate::model::workbook::PayoutEdit;
use crate::model::{Command, Table, Unit};
use crate::ui::components::fields::select_value;
use crate::ui::components::scores::pts;
pub use crate::ui::format::money;
use crate::ui::format::{list, pct, signed_money};
use crate::ui::jobs;
use crate::ui::state::{Action, AppContext, Notice};
/// A job's notes (workers used, fallback, a worker that died): shown in the
/// panel; a note that ends the job also ends its progress bar.
pub(super) fn note_callback(
    note: &UseStateHandle<Option<jobs::Note>>,
    progress: &UseStateHandle<Option<(usize, usize)>>,
) -> Callback<jobs::Note> {
    let (note, progress) = (note.clone(), progress.clone());
    Callback::from(move |x: jobs::Note| {
        if x.ended {
            progress.set(None);
        }
        note.set(Some(x));
    })
}

use charts::*;
use cliff::*;
use coef::*;
use editor::*;
use forecast::*;
use scenarios::*;
use std::rc::Rc;
use what_if::*;
use yew::prelude::*;

/// A column a payout picker offers: its header (the value saved in the
/// model), the name shown (the metric's name in the user's language, so
/// every tab calls it the same) and its unit.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct PickCol {
    pub(super) header: String,
    pub(super) label: String,
    pub(super) unit: Unit,
    /// The metric's names in both languages (a model may name it either way).
    names: Vec<String>,
}

impl PickCol {
    /// Whether a model's column `name` is this column (by header or metric name).
    pub(super) fn matches(&self, name: &str) -> bool {
        let n = name.trim().to_lowercase();
        self.header.trim().to_lowercase() == n || self.names.iter().any(|m| m.to_lowercase() == n)
    }

    /// The original header, shown on hover when the name differs.
    pub(super) fn title(&self) -> Option<String> {
        (self.label != self.header).then(|| self.header.clone())
    }
}

/// Numeric columns of the table (candidates for sales, gates, days, bases, what-if).
fn numeric_columns(t: &Table, lang: Lang) -> Vec<PickCol> {
    t.columns
        .iter()
        .filter(|c| c.unit != Unit::Text)
        .map(|c| {
            let def = c.metric.and_then(crate::model::metric::def);
            PickCol {
                header: c.name.clone(),
                label: match (def, lang) {
                    (Some(d), Lang::Zh) => d.zh.to_string(),
                    (Some(d), Lang::En) => d.en.to_string(),
                    (None, _) => c.name.clone(),
                },
                unit: c.unit,
                names: def
                    .map(|d| vec![d.zh.to_string(), d.en.to_string()])
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// How column `name` of `table` is shown: its metric's name in `lang`
/// (the name every tab uses), else as written.
pub(super) fn display_name(table: &Table, name: &str, lang: Lang) -> String {
    crate::model::formula::calc::resolve(table, name)
        .and_then(|i| table.columns.get(i))
        .and_then(|c| c.metric)
        .and_then(crate::model::metric::def)
        .map(|d| match lang {
            Lang::Zh => d.zh.to_string(),
            Lang::En => d.en.to_string(),
        })
        .unwrap_or_else(|| name.to_string())
}

/// How a model's column `name` is shown: the picker's name for it, else as written.
pub(super) fn shown_column(cols: &[PickCol], name: &str) -> String {
    cols.iter()
        .find(|c| c.matches(name))
        .map(|c| c.label.clone())
        .unwrap_or_else(|| name.to_string())
}

/// The Payouts workspace.
#[component]
pub fn PayWorkspace() -> Html {
    let state = use_context::<AppContext>();
    let draft = use_state(|| (String::new(), String::new(), 0.0));
    let solved = use_state(|| None::<(usize, Result<Solved, (Msg, Vec<String>)>)>);
    let shown = use_state(|| crate::ui::components::fields::PAGE_ROWS);
    let Some(state) = state else {
        return html! {};
    };
    let lang = state.lang;
    let wb = &state.workbook;
    let plans = wb.plans();
    let models = wb.payouts();
    // Components only say what the user meant; the workbook names, ids and selects.
    let intent = |cmd: Command| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Apply(cmd.clone())))
    };
    let on_new = intent(Command::AddPayoutModel(Box::new(PayoutModel::example(
        Msg::PayDefaultName.t(lang),
    ))));
    let Some(plan) = plans.get(state.plan()) else {
        return html! { <div class="workspace pay"><p class="muted">{ Msg::NoPlans.t(lang) }</p></div> };
    };
    let Some(model) = models.get(state.payout()) else {
        return html! { <div class="workspace pay">
            <p class="muted" data-testid="pay-empty">{ Msg::PayNoModels.t(lang) }</p>
            <button type="button" class="primary" onclick={on_new}>{ Msg::PayNew.t(lang) }</button>
        </div> };
    };
    let on_models = {
        let (state, id) = (state.clone(), model.id);
        Callback::from(move |m: PayoutModel| {
            state.dispatch(Action::Apply(Command::EditPayoutModel {
                id,
                edit: PayoutEdit::Replace(Box::new(m)),
            }));
        })
    };
    let base_table = wb.table_for_plan(plan);
    let shifted = (!state.shifts.is_empty()).then(|| apply_shifts(base_table, &state.shifts));
    let table = shifted.as_ref().unwrap_or(base_table);
    let scores: PlanScores = score(table, plan);
    let pays = compute(table, plan, &scores, model);
    let before = shifted
        .as_ref()
        .map(|_| compute(base_table, plan, &score(base_table, plan), model));
    let cents = model.rounding < 1.0;
    let cols = numeric_columns(base_table, lang);
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
    let on_copy = intent(Command::CopyPayoutModel { id: model.id });
    let on_delete = intent(Command::RemovePayoutModel { id: model.id });
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
                let (Some(plan), Some(m)) = (wb.plans().get(state.plan()), wb.payouts().get(state.payout())) else {
                    return;
                };
                let Some(budget) = m.budget else {
                    solved.set(Some((i, Err((Msg::PaySolveNoBudget, Vec::new())))));
                    return;
                };
                let base = wb.table_for_plan(plan);
                let shifted = (!state.shifts.is_empty()).then(|| apply_shifts(base, &state.shifts));
                let table = shifted.as_ref().unwrap_or(base);
                // The solver runs in a worker (or in page slices without one); the
                // answer edits the model it was asked for, by id.
                let spec = SolveSpec { table: table.clone(), plan: plan.clone(), model: m.clone(), component: i, budget };
                let id = m.id;
                let (state, solved) = (state.clone(), solved.clone());
                jobs::solve(spec, Callback::from(move |r: SolveReply| {
                    let r = r.map(|(value, total, above)| Solved { value, total, above });
                    if let Ok(s) = &r {
                        state.dispatch(Action::Apply(Command::EditPayoutModel {
                            id,
                            edit: PayoutEdit::SetParam { part: i, value: s.value },
                        }));
                    }
                    solved.set(Some((i, r)));
                }));
            });
            html! { <button type="button" {onclick} data-testid={format!("pay-solve-{i}")}>{ what.fill(lang, &[(i + 1).to_string()]) }</button> }
        })
        .collect::<Html>();
    let solved_note = solved.as_ref().map(|(part, r)| match r {
        Ok(s) => html! { <p class="recommendation" data-testid="pay-solved">{ Msg::PaySolved.fill(lang, &[
            // A base or a pool is money ("已设为 ¥1,159"); a multiplier is a factor.
            match model.components.get(*part) {
                Some(Component::Commission { .. }) => format!("{}×", general(s.value)),
                _ => money(s.value, cents),
            },
            money(s.total, cents),
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
    crate::model::order::sort_by(&mut chart_items, |a, b| b.1.total_cmp(&a.1));
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
            .filter_map(|g| model.gates.get(*g).map(|x| shown_column(&cols, &x.column)))
            .collect();
        // "出勤天数 未达标，奖金清零" rather than "出勤天数 (0×)".
        let gate_text = if gates.is_empty() {
            "—".to_string()
        } else if a.gate_factor <= 0.0 {
            Msg::PayGateMissedAll.fill(lang, &[list(&gates, lang)])
        } else {
            Msg::PayGateMissedCut.fill(lang, &[list(&gates, lang), pct(1.0 - a.gate_factor)])
        };
        html! { <tr>
            <th scope="row">{ a.agent.clone() }</th>
            <td class="num">{ pts(a.score) }</td>
            <td class="center"><span class={classes!("grade", format!("g{}", a.grade))}>{ grade_label(a.grade) }</span></td>
            <td class="num">{ a.coef.map(|c| format!("{}×", general(c))).unwrap_or_else(|| "—".into()) }</td>
            { for a.parts.iter().map(|p| html! { <td class="num">{ money(*p, true) }</td> }) }
            <td class="num">{ gate_text }</td>
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
        id: Default::default(),
        name: String::new(),
        month: plan.month.clone(),
        plan: plan.id,
        payout: model.id,
    };
    html! {
        <div class="workspace pay">
            <div class="plan-bar">
                <div class="field"><label for="pay-plan">{ Msg::PlanSelect.t(lang) }</label>
                    <select id="pay-plan" onchange={on_plan}>
                        { for plans.iter().enumerate().map(|(i, p)| html! { <option value={i.to_string()} selected={i == state.plan()}>{ format!("{} · {}", p.name, p.month) }</option> }) }
                    </select></div>
                <div class="field"><label for="pay-model">{ Msg::PayModel.t(lang) }</label>
                    <select id="pay-model" onchange={on_model}>
                        { for models.iter().enumerate().map(|(i, m)| html! { <option value={i.to_string()} selected={i == state.payout()}>{ m.name.clone() }</option> }) }
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
                        <div><dt>{ Msg::PayMean.t(lang) }</dt><dd>{ money(st.mean, cents || st.mean.fract() != 0.0) }</dd></div>
                        <div><dt>{ Msg::PayMedian.t(lang) }</dt><dd>{ money(st.median, cents || st.median.fract() != 0.0) }</dd></div>
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
            { crate::ui::components::fields::more_rows(&shown, pays.agents.len(), lang) }
            { what_if(&state, base_table, &cols, &draft, lang) }
            <ForecastPanel table={shared_table.clone()} months_tables={Rc::new(months_tables)} plan={Rc::new(plan.clone())}
                model={Rc::new(model.clone())} names={Rc::new(names)} {lang} {cents} />
            <CliffPanel table={shared_table} plan={Rc::new(plan.clone())} model={Rc::new(model.clone())} {lang} {cents} />
            <ScenarioPanel {current} {lang} />
            <super::paysheet::PaySheetPanel />
        </div>
    }
}
