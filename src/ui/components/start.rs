//! First steps (#15): a checklist above the workspaces that leads a new
//! manager from the demo (or their own paste) through checking the columns,
//! a plan, scores and pay, with each step's state read from the workbook.
//!
//! It only reads the workbook and switches tabs; the steps' own actions
//! (import, templates, fixes) live in their workspaces and go through the
//! model's commands, so each is one undo step — the checklist offers Undo
//! for the last one. Hidden with one click (for this session).

use crate::i18n::{Lang, Msg};
use crate::model::plan::score;
use crate::model::unit::format_value;
use crate::model::{Table, Unit};
use crate::ui::state::{Action, AppContext, Tab};
use std::rc::Rc;
use yew::prelude::*;

/// How far a step is.
#[derive(Clone, Copy, PartialEq)]
enum Status {
    Done,
    Todo,
    Problem,
}

struct Step {
    title: Msg,
    status: Status,
    detail: String,
    tab: Tab,
    go: Msg,
}

/// The custom columns' headers (a mapped column has a metric).
fn custom_columns(t: &Table) -> Vec<String> {
    t.columns
        .iter()
        .filter(|c| c.metric.is_none() && !c.is_formula())
        .map(|c| c.name.clone())
        .collect()
}

fn steps(state: &AppContext, demo: &Table, lang: Lang) -> Vec<Step> {
    let wb = &state.workbook;
    let table = wb.table();
    let is_demo = table == demo;
    let n = table.len().to_string();
    let data = Step {
        title: Msg::StartData,
        status: if table.is_empty() {
            Status::Problem
        } else if is_demo {
            Status::Todo
        } else {
            Status::Done
        },
        detail: if table.is_empty() {
            Msg::WhyEmptyNoAgents.t(lang).to_string()
        } else if is_demo {
            Msg::StartDataDemo.fill(lang, std::slice::from_ref(&n))
        } else {
            Msg::StartDataOwn.fill(lang, &[n.clone(), wb.month().to_string()])
        },
        tab: Tab::Data,
        go: if is_demo || table.is_empty() {
            Msg::StartBringData
        } else {
            Msg::StartOpenData
        },
    };
    let custom = custom_columns(table);
    let mapped = table.columns.len().saturating_sub(custom.len());
    // Ticked once the user has seen the mapping (an import preview
    // confirmed, or the column list below opened), never by data alone.
    let columns = Step {
        title: Msg::StartColumns,
        status: if !is_demo && !table.is_empty() && state.columns_checked {
            Status::Done
        } else {
            Status::Todo
        },
        detail: if custom.is_empty() {
            Msg::StartColumnsAll.fill(lang, &[mapped.to_string()])
        } else {
            Msg::StartColumnsSome.fill(
                lang,
                &[mapped.to_string(), custom.join(Msg::ListSep.t(lang))],
            )
        },
        tab: Tab::Data,
        go: Msg::StartCheck,
    };
    let plan = wb.plans().get(state.plan());
    let plan_table = plan.and_then(|p| wb.table_for(&p.month)).unwrap_or(table);
    let (plan_step, scores_step, pay_step) = match plan {
        None => (
            Step {
                title: Msg::StartPlan,
                status: Status::Todo,
                detail: Msg::NoPlans.t(lang).to_string(),
                tab: Tab::Plan,
                go: Msg::StartPickPlan,
            },
            Step {
                title: Msg::StartScores,
                status: Status::Todo,
                detail: String::new(),
                tab: Tab::Scores,
                go: Msg::StartSee,
            },
            Step {
                title: Msg::StartPay,
                status: Status::Todo,
                detail: String::new(),
                tab: Tab::Pay,
                go: Msg::StartSee,
            },
        ),
        Some(p) => {
            let valid = p.is_valid(plan_table);
            let s = score(plan_table, p);
            let scored = s.agents.len();
            let why = crate::model::plan_fit::why_empty(p, plan_table);
            let plan_step = Step {
                title: Msg::StartPlan,
                status: if valid { Status::Done } else { Status::Problem },
                detail: if valid {
                    Msg::StartPlanValid.fill(lang, &[p.name.clone(), p.items.len().to_string()])
                } else {
                    Msg::StartPlanInvalid.fill(lang, std::slice::from_ref(&p.name))
                },
                tab: Tab::Plan,
                go: Msg::StartPickPlan,
            };
            let scores_step = Step {
                title: Msg::StartScores,
                status: if scored > 0 {
                    Status::Done
                } else {
                    Status::Problem
                },
                detail: match (&why, scored) {
                    (Some((m, a)), 0) => m.fill(lang, a),
                    _ => match &p.group {
                        Some(g) if scored < plan_table.len() => Msg::StartScoredGroup.fill(
                            lang,
                            &[scored.to_string(), plan_table.len().to_string(), g.clone()],
                        ),
                        _ => Msg::StartScored
                            .fill(lang, &[scored.to_string(), plan_table.len().to_string()]),
                    },
                },
                tab: Tab::Scores,
                go: Msg::StartSee,
            };
            let model = wb
                .payouts()
                .get(state.payout())
                .or_else(|| wb.payouts().first());
            let pay_step = match model {
                Some(m) if scored > 0 => {
                    let pay = crate::model::payout::compute(plan_table, p, &s, m);
                    Step {
                        title: Msg::StartPay,
                        status: Status::Done,
                        detail: Msg::StartPaid.fill(
                            lang,
                            &[
                                format_value(pay.stats.total, Unit::Money, lang),
                                pay.stats.count.to_string(),
                                m.name.clone(),
                            ],
                        ),
                        tab: Tab::Pay,
                        go: Msg::StartSee,
                    }
                }
                _ => Step {
                    title: Msg::StartPay,
                    status: Status::Todo,
                    detail: Msg::StartPayWaits.t(lang).to_string(),
                    tab: Tab::Pay,
                    go: Msg::StartSee,
                },
            };
            (plan_step, scores_step, pay_step)
        }
    };
    vec![data, columns, plan_step, scores_step, pay_step]
}

/// Each column's original header and what it was read as, in `lang`.
fn mapping_list(t: &Table, lang: Lang) -> Html {
    let rows = t.columns.iter().map(|c| {
        let text = match c.metric {
            Some(_) => Msg::StartColumnMapped.fill(
                lang,
                &[
                    c.name.clone(),
                    c.label(lang).to_string(),
                    unit_name(c, lang).to_string(),
                ],
            ),
            None => Msg::StartColumnCustom.fill(lang, std::slice::from_ref(&c.name)),
        };
        html! { <li class={classes!(c.metric.is_none().then_some("custom"))}>{ text }</li> }
    });
    html! { <ul class="col-map">{ for rows }</ul> }
}

/// The unit's name as the import preview's unit picker says it.
fn unit_name(c: &crate::model::Column, lang: Lang) -> &'static str {
    super::import_preview::UNITS
        .iter()
        .find(|(u, _)| *u == c.unit)
        .map(|(u, m)| match u {
            Unit::Count => super::fields::count_unit(c.metric).t(lang),
            _ => m.t(lang),
        })
        .unwrap_or("")
}

/// Opens the import's paste box (its first button) unless it is open, and
/// brings it into view.
fn open_paste_box() {
    use wasm_bindgen::JsCast;
    let doc = gloo::utils::document();
    let Ok(Some(el)) = doc.query_selector(".import-bar button[aria-expanded]") else {
        return;
    };
    let Ok(button) = el.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    if button.get_attribute("aria-expanded").as_deref() != Some("true") {
        button.click();
    }
    button.scroll_into_view();
    let _ = button.focus();
}

/// Under "check the columns": the mapping to open (opening it ticks the
/// step), or, once ticked, the way to take it back.
fn columns_extra(state: &AppContext, demo: &Table, status: Status, lang: Lang) -> Html {
    let table = state.workbook.table();
    if table.is_empty() || table == demo {
        return html! { <span class="detail">{ Msg::StartColumnsWaits.t(lang) }</span> };
    }
    let uncheck = (status == Status::Done).then(|| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::CheckColumns(false)))
    });
    let ontoggle = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            let open = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|d| d.has_attribute("open"));
            if open {
                state.dispatch(Action::CheckColumns(true));
            }
        })
    };
    html! {
        <>
            <details class="col-map-box" {ontoggle} data-testid="columns-list">
                <summary>{ Msg::StartColumnsList.t(lang) }</summary>
                { mapping_list(table, lang) }
            </details>
            if let Some(onclick) = uncheck {
                <button type="button" class="link small" data-testid="columns-uncheck" {onclick}>{ Msg::StartColumnsUncheck.t(lang) }</button>
            }
        </>
    }
}

#[component]
pub fn FirstSteps() -> Html {
    let hidden = use_state(|| false);
    let demo = use_memo((), |_| crate::io::demo::demo_table());
    let Some(state) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = state.lang;
    let toggle = {
        let hidden = hidden.clone();
        Callback::from(move |_| hidden.set(!*hidden))
    };
    if *hidden {
        return html! {
            <div class="first-steps folded">
                <button type="button" class="link" onclick={toggle} aria-expanded="false">{ Msg::StartShow.t(lang) }</button>
            </div>
        };
    }
    let demo: Rc<Table> = demo;
    let list = steps(&state, &demo, lang);
    let done = list.iter().filter(|s| s.status == Status::Done).count();
    let total = list.len();
    let items = list.into_iter().enumerate().map(|(i, s)| {
        let (mark, class, label) = match s.status {
            Status::Done => ("✓", "done", Msg::StartDone),
            Status::Todo => ("○", "todo", Msg::StartTodo),
            Status::Problem => ("!", "problem", Msg::StartProblem),
        };
        let current = state.tab == s.tab;
        let onclick = {
            let state = state.clone();
            let tab = s.tab;
            let open_paste = s.go == Msg::StartBringData;
            Callback::from(move |_| {
                state.dispatch(Action::SelectTab(tab));
                if open_paste {
                    // Once the Data workspace is drawn, open its paste box.
                    gloo::timers::callback::Timeout::new(0, open_paste_box).forget();
                }
            })
        };
        let extra = if s.title == Msg::StartColumns {
            columns_extra(&state, &demo, s.status, lang)
        } else {
            Html::default()
        };
        html! {
            <li class={classes!("step", class, current.then_some("current"))} data-testid={format!("step-{i}")}>
                <span class="mark" aria-label={label.t(lang)} role="img">{ mark }</span>
                <div class="step-body">
                    <strong>{ format!("{}. {}", i + 1, s.title.t(lang)) }</strong>
                    if !s.detail.is_empty() { <span class="detail">{ s.detail }</span> }
                    { extra }
                </div>
                <button type="button" class="link" {onclick} aria-current={current.then_some("step")}>{ s.go.t(lang) }</button>
            </li>
        }
    });
    let on_undo = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Undo))
    };
    html! {
        <section class={classes!("first-steps", (done == total).then_some("all-done"))} aria-labelledby="steps-title" data-testid="first-steps">
            <div class="steps-head">
                <h2 id="steps-title">{ Msg::StartTitle.t(lang) }</h2>
                <span class="muted" data-testid="steps-progress">{ Msg::StartProgress.fill(lang, &[done.to_string(), total.to_string()]) }</span>
                <span class="spacer"></span>
                <button type="button" onclick={on_undo} disabled={!state.workbook.can_undo()}
                    title={Msg::UndoHint.t(lang)}>{ "↶ " }{ Msg::StartUndo.t(lang) }</button>
                <button type="button" class="link" onclick={toggle} aria-expanded="true">{ Msg::StartHide.t(lang) }</button>
            </div>
            <ol class="steps">{ for items }</ol>
        </section>
    }
}
