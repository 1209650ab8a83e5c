//! The 趋势 Trends workspace (#18): the months a workbook holds side by side.
//!
//! Panels: `charts` (small multiples per metric, team mean and spread, with
//! a table view), `talk` (the 面谈 list and the largest movers), `waterfall`
//! (why 客服销售额 changed, LMDI), `next_plan` (next month's rotating plan and
//! its printable announcement) and `talent` (梯队: top 20 %, 末位, tiers).
//!
//! Everything is read from `model::months` on the workbook's months; the
//! history is rebuilt when the workbook changes (any import or edit bumps
//! the revision), so the view is never stale.

mod charts;
mod next_plan;
mod talent;
mod talk;
mod targets;
mod waterfall;

use super::fields::select_value;
use crate::i18n::{Lang, Msg};
use crate::model::months::{suggest_matches, History};
use crate::model::unit::format_value;
use crate::model::{Command, Unit};
use crate::ui::state::{Action, AppContext};
use std::rc::Rc;
use yew::prelude::*;

/// What the panels share.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub history: Rc<History>,
    /// The month shown (index into `history.months`).
    pub month: usize,
    /// The agent followed (None: the team).
    pub agent: Option<usize>,
    pub lang: Lang,
}

/// The separator of a list in running text.
pub fn sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    }
}

/// A change with its sign (`+5.00%`, `−3`).
pub fn signed(v: f64, unit: Unit, lang: Lang) -> String {
    let s = format_value(v.abs(), unit, lang);
    if v > 0.0 {
        format!("+{s}")
    } else if v < 0.0 {
        format!("−{s}")
    } else {
        s
    }
}

/// A share as a signed percent (`−12.5%`).
pub fn signed_share(v: f64) -> String {
    let s = crate::model::unit::format_grouped(v.abs() * 100.0, 1);
    if v > 0.0 {
        format!("+{s}%")
    } else if v < 0.0 {
        format!("−{s}%")
    } else {
        format!("{s}%")
    }
}

#[component]
pub fn TrendsWorkspace() -> Html {
    let month_sel = use_state(|| None::<usize>);
    let agent_sel = use_state(|| None::<String>);
    let state = use_context::<AppContext>();
    let history = {
        let deps = state.as_ref().map(|s| {
            (
                s.revision,
                s.plan_id,
                s.payout_id,
                Rc::as_ptr(&s.workbook) as usize,
            )
        });
        let state = state.clone();
        use_memo(deps, move |_| {
            let Some(state) = state else {
                return History::default();
            };
            let wb = &state.workbook;
            let months: Vec<(String, &crate::model::Table)> = wb
                .months()
                .into_iter()
                .filter_map(|m| wb.table_for(&m).map(|t| (m, t)))
                .collect();
            let plan = wb.plans().get(state.plan());
            let aliases = &wb.months_settings().aliases;
            History::build(&months, aliases, plan, wb.payouts().get(state.payout()))
        })
    };
    let Some(state) = state else {
        return Html::default();
    };
    let lang = state.lang;
    let h = history.clone();
    if h.months.len() < 2 {
        return html! {
            <div class="workspace trends">
                <p class="muted" data-testid="trends-empty">{ Msg::MoNeedTwo.fill(lang, &[h.months.len().to_string()]) }</p>
            </div>
        };
    }
    let last = h.months.len() - 1;
    let month = month_sel.filter(|m| *m >= 1 && *m <= last).unwrap_or(last);
    let agent = agent_sel
        .as_ref()
        .and_then(|n| h.agents.iter().position(|a| a == n));
    let ctx = Ctx {
        history: h.clone(),
        month,
        agent,
        lang,
    };
    let on_month = {
        let month_sel = month_sel.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e).and_then(|v| v.parse().ok()) {
                month_sel.set(Some(v))
            }
        })
    };
    let on_agent = {
        let agent_sel = agent_sel.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e) {
                agent_sel.set((!v.is_empty()).then_some(v))
            }
        })
    };
    let on_plan = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e).and_then(|v| v.parse().ok()) {
                state.dispatch(Action::SelectPlan(v))
            }
        })
    };
    let plans = state.workbook.plans();
    let prev = month - 1;
    let gap = h.gaps.get(month).cloned().unwrap_or_default();
    let (joined, left) = h.joined_left(month);
    let names = |v: &[usize]| -> String {
        v.iter()
            .filter_map(|a| h.agents.get(*a).cloned())
            .collect::<Vec<_>>()
            .join(sep(lang))
    };
    let settings = state.workbook.months_settings().clone();
    let aliases = settings.aliases.clone();
    let matches = suggest_matches(&h);
    let match_rows = matches.iter().map(|m| {
        let onclick = {
            let state = state.clone();
            let pair = (m.later.clone(), m.earlier.clone());
            Callback::from(move |_| {
                let mut s = state.workbook.months_settings().clone();
                s.aliases.push(pair.clone());
                state.dispatch(Action::Apply(Command::SetMonthsSettings(Box::new(s))));
            })
        };
        html! {
            <li>
                { Msg::MoMatchAsk.fill(lang, &[m.later.clone(), m.earlier.clone()]) }
                <button type="button" class="link" {onclick} data-testid="match-confirm">{ Msg::MoMatchYes.t(lang) }</button>
            </li>
        }
    });
    let confirmed = aliases.iter().map(|(from, to)| {
        let onclick = {
            let state = state.clone();
            let from = from.clone();
            Callback::from(move |_| {
                let mut s = state.workbook.months_settings().clone();
                s.aliases.retain(|(f, _)| *f != from);
                state.dispatch(Action::Apply(Command::SetMonthsSettings(Box::new(s))));
            })
        };
        html! { <li>{ Msg::MoMatchDone.fill(lang, &[from.clone(), to.clone()]) }
        <button type="button" class="link" {onclick}>{ Msg::MoMatchUndo.t(lang) }</button></li> }
    });
    let on_csv = {
        let h = h.clone();
        let state = state.clone();
        Callback::from(move |_| {
            let text = crate::io::months_export::trends_csv(&h, lang);
            let name = format!("{}.csv", Msg::MoFileTrends.t(lang));
            if let Err(e) = crate::ui::browser::download(&name, "text/csv;charset=utf-8", &text) {
                state.dispatch(Action::Notify(crate::ui::state::Notice {
                    msg: Msg::DownloadFailed,
                    args: vec![e],
                    error: true,
                }));
            }
        })
    };
    let on_xlsx = {
        let h = h.clone();
        let state = state.clone();
        Callback::from(move |_| {
            let bytes = crate::io::months_export::trends_xlsx(&h, lang);
            let name = format!("{}.xlsx", Msg::MoFileTrends.t(lang));
            let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            if let Err(e) = crate::ui::browser::download_bytes(&name, mime, &bytes) {
                state.dispatch(Action::Notify(crate::ui::state::Notice {
                    msg: Msg::DownloadFailed,
                    args: vec![e],
                    error: true,
                }));
            }
        })
    };
    html! {
        <div class="workspace trends">
            <div class="plan-bar">
                <div class="field"><label for="trends-month">{ Msg::MoMonth.t(lang) }</label>
                    <select id="trends-month" onchange={on_month}>
                        { for (1..=last).map(|i| html! {
                            <option value={i.to_string()} selected={i == month}>{ format!("{} ← {}", h.months.get(i).cloned().unwrap_or_default(), h.months.get(i - 1).cloned().unwrap_or_default()) }</option>
                        }) }
                    </select></div>
                <div class="field"><label for="trends-agent">{ Msg::MoAgent.t(lang) }</label>
                    <select id="trends-agent" onchange={on_agent}>
                        <option value="" selected={agent.is_none()}>{ Msg::MoTeam.t(lang) }</option>
                        { for h.agents.iter().enumerate().map(|(i, a)| html! { <option value={a.clone()} selected={agent == Some(i)}>{ a.clone() }</option> }) }
                    </select></div>
                <div class="field"><label for="trends-plan">{ Msg::MoPlanForScore.t(lang) }</label>
                    <select id="trends-plan" onchange={on_plan}>
                        { for plans.iter().enumerate().map(|(i, p)| html! { <option value={i.to_string()} selected={i == state.plan()}>{ format!("{} · {}", p.name, p.month) }</option> }) }
                    </select></div>
                <div class="actions"><button type="button" onclick={on_csv} data-testid="trends-csv">{ Msg::MoExportCsv.t(lang) }</button>
                    <button type="button" onclick={on_xlsx} data-testid="trends-xlsx">{ Msg::MoExportXlsx.t(lang) }</button></div>
            </div>
            <section class="card months-summary" data-testid="months-summary">
                <p>{ Msg::MoHeld.fill(lang, &[h.months.join(sep(lang))]) }</p>
                if !gap.is_empty() {
                    <p class="warn" data-testid="month-gap">{ Msg::MoGap.fill(lang, &[h.months.get(prev).cloned().unwrap_or_default(), h.months.get(month).cloned().unwrap_or_default(), gap.join(sep(lang))]) }</p>
                }
                if !joined.is_empty() { <p data-testid="joined">{ Msg::MoJoined.fill(lang, &[names(&joined)]) }</p> }
                if !left.is_empty() { <p data-testid="left">{ Msg::MoLeft.fill(lang, &[names(&left)]) }</p> }
                if !h.duplicates.is_empty() {
                    <p class="warn">{ Msg::MoDuplicates.fill(lang, &[h.duplicates.iter().map(|(m, n)| format!("{m} {n}")).collect::<Vec<_>>().join(sep(lang))]) }</p>
                }
                if !matches.is_empty() { <ul class="matches" data-testid="matches">{ for match_rows }</ul> }
                if !aliases.is_empty() { <ul class="matches">{ for confirmed }</ul> }
            </section>
            <talk::TalkPanel ctx={ctx.clone()} />
            <charts::ChartsPanel ctx={ctx.clone()} />
            <waterfall::WaterfallPanel ctx={ctx.clone()} />
            <targets::TargetsPanel ctx={ctx.clone()} />
            <next_plan::NextPlanPanel ctx={ctx.clone()} />
            <talent::TalentPanel ctx={ctx} />
        </div>
    }
}
