//! The "QA scores and their noise" panel of the 质检 QA workspace: each
//! agent's QA score with its Student-t interval, the Cochran margin each
//! agent's sampling achieves, and warnings where a rank or grade boundary
//! separates agents whose intervals overlap. Also the scores-view warning
//! for plans that score the QA score.
//!
//! Inputs live in `QaParams::noise` and change only through `Command::SetQa`.

use super::fields::{select_value, NumberField};
use crate::i18n::{Lang, Msg};
use crate::model::payout::PayoutModel;
use crate::model::plan::Plan;
use crate::model::qa::{achieved_margin, Confidence, QaField, QaParams};
use crate::model::qa_noise::{
    agent_intervals, overlaps, pay_noise, plan_overlaps, NoiseParams, Noisy, Separation,
};
use crate::model::{Command, Table};
use crate::ui::state::{Action, AppContext};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn num(v: f64, dp: usize) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    crate::ui::format::trimmed(v, dp)
}

fn band_label(i: usize, bands: &[f64]) -> String {
    let mut b = bands.to_vec();
    crate::model::order::sort_f64(&mut b, true);
    match b.get(i) {
        Some(t) => format!("≥{}", num(*t, 2)),
        None => b
            .last()
            .map(|t| format!("<{}", num(*t, 2)))
            .unwrap_or_default(),
    }
}

type Change = Box<dyn FnOnce(&mut NoiseParams)>;

/// The scores and payout warnings rescore the plan twice per render; above
/// this many agents they are left out so those views stay responsive.
const NOISE_VIEW_MAX: usize = 2_000;

#[component]
pub fn NoisePanel() -> Html {
    let state = use_context::<AppContext>();
    let error = use_state(|| None::<Msg>);
    let chats_ref = use_node_ref();
    let chats_msg = use_state(|| None::<String>);
    let Some(state) = state else {
        return Html::default();
    };
    let lang = state.lang;
    let table = state.workbook.table();
    let qa = state.workbook.qa().clone();
    let np = qa.noise.clone();
    let apply: Rc<dyn Fn(Change)> = {
        let state = state.clone();
        let error = error.clone();
        let qa = qa.clone();
        Rc::new(move |change| {
            let mut cand: QaParams = qa.clone();
            change(&mut cand.noise);
            match cand
                .validate()
                .into_iter()
                .find(|p| matches!(p.field, QaField::Noise(_)))
            {
                Some(p) => error.set(Some(p.msg)),
                None => {
                    error.set(None);
                    state.dispatch(Action::Apply(Command::SetQa(Box::new(cand))));
                }
            }
        })
    };
    let columns: Vec<String> = table
        .columns
        .iter()
        .filter(|c| c.unit.is_numeric())
        .map(|c| c.name.clone())
        .collect();
    let col_select = |id: &'static str,
                      label: Msg,
                      current: &str,
                      none_label: String,
                      set: fn(&mut NoiseParams, String)| {
        let apply = apply.clone();
        let onchange = Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e) {
                apply(Box::new(move |p: &mut NoiseParams| set(p, v)));
            }
        });
        html! {
            <div class="field">
                <label for={id}>{ label.t(lang) }</label>
                <select {id} {onchange}>
                    <option value="" selected={current.is_empty()}>{ none_label }</option>
                    { for columns.iter().map(|c| html! { <option value={c.clone()} selected={current == c}>{ super::fields::column_label(table, c, lang) }</option> }) }
                </select>
            </div>
        }
    };
    let num_field = |id: &'static str, label: Msg, value: f64, set: fn(&mut NoiseParams, f64)| {
        let apply = apply.clone();
        let on_change =
            Callback::from(move |v: f64| apply(Box::new(move |p: &mut NoiseParams| set(p, v))));
        html! { <NumberField id={id} label={label.t(lang)} {value} {lang} {on_change} /> }
    };
    let on_conf = {
        let apply = apply.clone();
        Callback::from(move |e: Event| {
            let c = match select_value(&e).as_deref() {
                Some("90") => Confidence::C90,
                Some("99") => Confidence::C99,
                _ => Confidence::C95,
            };
            apply(Box::new(move |p: &mut NoiseParams| p.confidence = c));
        })
    };
    let on_bands = {
        let apply = apply.clone();
        let error = error.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let parsed: Result<Vec<f64>, ()> = input
                .value()
                .split([',', '，', ' ', '、'])
                .filter(|s| !s.trim().is_empty())
                .map(|s| s.trim().parse::<f64>().map_err(|_| ()))
                .collect();
            match parsed {
                Ok(b) => apply(Box::new(move |p: &mut NoiseParams| p.bands = b)),
                Err(()) => error.set(Some(Msg::NoiseErrBands)),
            }
        })
    };
    let on_chats = {
        let apply = apply.clone();
        let chats_ref = chats_ref.clone();
        let chats_msg = chats_msg.clone();
        Callback::from(move |_| {
            let Some(area) = chats_ref.cast::<web_sys::HtmlTextAreaElement>() else {
                return;
            };
            let (chats, skipped) = crate::io::findings::read_chat_scores(&area.value());
            if chats.is_empty() {
                chats_msg.set(Some(Msg::NoiseChatsNone.t(lang).to_string()));
                return;
            }
            chats_msg.set(skipped.first().map(|(line, _)| {
                Msg::NoiseChatsSkipped.fill(lang, &[skipped.len().to_string(), line.to_string()])
            }));
            apply(Box::new(move |p: &mut NoiseParams| p.chat_scores = chats));
        })
    };
    let on_clear = {
        let apply = apply.clone();
        Callback::from(move |_| apply(Box::new(|p: &mut NoiseParams| p.chat_scores.clear())))
    };
    let chat_agents = {
        let mut a: Vec<&str> = np.chat_scores.iter().map(|(n, _)| n.as_str()).collect();
        a.sort_unstable();
        a.dedup();
        a.len()
    };
    let bands_text = np
        .bands
        .iter()
        .map(|b| num(*b, 2))
        .collect::<Vec<_>>()
        .join(", ");

    let body = match agent_intervals(table, &np) {
        None => html! { <p class="field-error" role="status">{ Msg::NoiseNoColumn.t(lang) }</p> },
        Some(rows) => {
            let items: Vec<Noisy> = rows
                .iter()
                .filter_map(|r| {
                    Some(Noisy {
                        row: r.row,
                        value: r.score?,
                        n: r.n.unwrap_or(0.0),
                        half: r.half,
                        group: np.band_of(r.score?),
                    })
                })
                .collect();
            let ov = overlaps(&items, np.confidence);
            let pairs = items
                .iter()
                .filter(|x| x.half.is_some())
                .count()
                .saturating_sub(1);
            let rank_overlaps = ov.len();
            let name = |row: usize| table.agent_name(row);
            let score_of = |row: usize| {
                rows.iter()
                    .find(|r| r.row == row)
                    .and_then(|r| r.score)
                    .unwrap_or(f64::NAN)
            };
            let warn = ov
                .iter()
                .filter(|o| o.kind == Separation::Boundary)
                .map(|o| {
                    let (u, l) = (o.upper, o.lower);
                    let args = [
                        name(u),
                        format!(
                            "{} · {}",
                            num(score_of(u), 2),
                            band_label(np.band_of(score_of(u)), &np.bands)
                        ),
                        name(l),
                        format!(
                            "{} · {}",
                            num(score_of(l), 2),
                            band_label(np.band_of(score_of(l)), &np.bands)
                        ),
                        num(o.diff, 2),
                        o.needed
                            .map(|n| n.to_string())
                            .unwrap_or_else(|| "—".into()),
                    ];
                    let m = if o.needed.is_some() {
                        Msg::NoiseOverlapBoundary
                    } else {
                        Msg::NoiseOverlapNever
                    };
                    html! { <li class="warn">{ m.fill(lang, &args) }</li> }
                });
            let no_interval: Vec<String> = rows
                .iter()
                .filter(|r| r.score.is_some() && r.half.is_none())
                .map(|r| {
                    format!(
                        "{}（n = {}）",
                        r.name,
                        r.n.map(|n| num(n, 0)).unwrap_or_else(|| "—".into())
                    )
                })
                .collect();
            let overlapped: Vec<usize> = ov.iter().flat_map(|o| [o.upper, o.lower]).collect();
            let z = np.confidence.z();
            let population = qa.chats_per_month();
            html! { <>
                <ul class="issues" data-testid="noise-warnings">
                    { for warn }
                    <li>{ Msg::NoiseRankSummary.fill(lang, &[pairs.to_string(), rank_overlaps.to_string()]) }</li>
                    if !no_interval.is_empty() {
                        <li class="warn">{ Msg::NoiseNoIntervalList.fill(lang, &[no_interval.join("、")]) }</li>
                    }
                </ul>
                <details class="table-view">
                    <summary>{ Msg::NoiseTitle.t(lang) }</summary>
                    <div class="table-scroll short">
                        <table class="plain noise-table" data-testid="noise-table">
                            <thead><tr>
                                <th>{ Msg::NoiseColAgent.t(lang) }</th><th class="num">{ Msg::NoiseColScore.t(lang) }</th>
                                <th class="num">{ Msg::NoiseColN.t(lang) }</th><th class="num">{ Msg::NoiseColSd.t(lang) }</th>
                                <th class="num">{ Msg::NoiseColInterval.fill(lang, &[np.confidence.percent().to_string()]) }</th>
                                <th class="num">{ Msg::NoiseColMargin.t(lang) }</th>
                            </tr></thead>
                            <tbody>{ for rows.iter().map(|r| {
                                let interval = match (r.score, r.half) {
                                    (Some(s), Some(h)) => format!("{} ± {} [{}, {}]", num(s, 2), num(h, 2), num(s - h, 2), num(s + h, 2)),
                                    (Some(_), None) => Msg::NoiseNoInterval.t(lang).to_string(),
                                    _ => "—".into(),
                                };
                                let margin = r.n.map(|n| achieved_margin(z, qa.p, n, population));
                                html! { <tr class={classes!(overlapped.contains(&r.row).then_some("overlap"))}>
                                    <td>{ r.name.clone() }</td>
                                    <td class="num">{ r.score.map(|s| num(s, 2)).unwrap_or_else(|| "—".into()) }</td>
                                    <td class="num">{ r.n.map(|n| num(n, 0)).unwrap_or_else(|| "—".into()) }</td>
                                    <td class="num">{ r.sd.map(|s| num(s, 2)).unwrap_or_else(|| "—".into()) }</td>
                                    <td class="num">{ interval }</td>
                                    <td class="num">{ margin.map(|m| if m.is_finite() { format!("±{}%", num(m * 100.0, 1)) } else { "∞".into() }).unwrap_or_else(|| "—".into()) }</td>
                                </tr> }
                            }) }</tbody>
                        </table>
                    </div>
                </details>
            </> }
        }
    };
    html! {
        <section class="card noise" aria-labelledby="noise-title">
            <h3 id="noise-title">{ Msg::NoiseTitle.t(lang) }</h3>
            <p class="help muted">{ Msg::NoiseIntro.t(lang) }</p>
            <div class="inline-fields">
                { col_select("noise-score-col", Msg::NoiseScoreCol, &np.score_column, Msg::NoiseColScore.t(lang).to_string(), |p, v| p.score_column = v) }
                { col_select("noise-n-col", Msg::NoiseSamplesCol, &np.samples_column, Msg::NoiseFixed.t(lang).to_string(), |p, v| p.samples_column = v) }
                if np.samples_column.is_empty() { { num_field("noise-n", Msg::NoiseSamples, np.samples, |p, v| p.samples = v) } }
                { col_select("noise-sd-col", Msg::NoiseSdCol, &np.sd_column, Msg::NoiseFixed.t(lang).to_string(), |p, v| p.sd_column = v) }
                if np.sd_column.is_empty() { { num_field("noise-sd", Msg::NoiseSd, np.sd, |p, v| p.sd = v) } }
                <div class="field">
                    <label for="noise-conf">{ Msg::QaConfidence.t(lang) }</label>
                    <select id="noise-conf" onchange={on_conf}>
                        { for Confidence::ALL.iter().map(|c| html! {
                            <option value={c.percent().to_string()} selected={*c == np.confidence}>{ format!("{}%", c.percent()) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="noise-bands">{ Msg::NoiseBands.t(lang) }</label>
                    <input id="noise-bands" type="text" value={bands_text} onchange={on_bands} />
                </div>
            </div>
            if let Some(m) = *error { <p class="field-error" role="alert">{ m.t(lang) }</p> }
            <details class="paste-chats">
                <summary>{ Msg::NoisePasteChats.t(lang) }</summary>
                <textarea ref={chats_ref} rows="4" aria-label={Msg::NoisePasteChats.t(lang)} data-testid="noise-chats" />
                <div class="actions">
                    <button type="button" onclick={on_chats}>{ Msg::NoisePasteRead.t(lang) }</button>
                    if !np.chat_scores.is_empty() { <button type="button" onclick={on_clear}>{ Msg::NoiseChatsClear.t(lang) }</button> }
                </div>
                if let Some(m) = &*chats_msg { <p class="help" role="status">{ m.clone() }</p> }
            </details>
            if !np.chat_scores.is_empty() {
                <p class="help" data-testid="noise-chats-loaded">{ Msg::NoiseChatsLoaded.fill(lang, &[np.chat_scores.len().to_string(), chat_agents.to_string()]) }</p>
            }
            { body }
        </section>
    }
}

/// The scores view's warning: grade boundaries of `plan` that QA noise
/// blurs. Empty when the plan does not score the QA score.
pub fn scores_warning(table: &Table, plan: &Plan, qa: &QaParams, lang: Lang) -> Html {
    if table.len() > NOISE_VIEW_MAX {
        return Html::default();
    }
    let Some(pn) = plan_overlaps(table, plan, &qa.noise) else {
        return Html::default();
    };
    if pn.boundary.is_empty() {
        return Html::default();
    }
    let label = |row: usize| {
        pn.scores
            .for_row(row)
            .and_then(|a| pn.scores.grade_labels.get(a.grade).cloned())
            .unwrap_or_default()
    };
    let qa_of = |row: usize| {
        table
            .column_of(crate::model::MetricId::QaScore)
            .and_then(|c| table.cell(row, c))
            .and_then(|c| c.number())
            .map(|v| num(v, 2))
            .unwrap_or_else(|| "—".into())
    };
    let samples = if qa.noise.samples_column.is_empty() {
        num(qa.noise.samples, 0)
    } else {
        qa.noise.samples_column.clone()
    };
    html! {
        <div class="validation warn" role="status" data-testid="scores-noise">
            <p>{ Msg::NoiseScoresWarn.fill(lang, &[qa.noise.confidence.percent().to_string(), samples]) }</p>
            <ul class="issues">
                { for pn.boundary.iter().take(8).map(|o| html! { <li class="warn">{ Msg::NoiseScoresPair.fill(lang, &[
                    table.agent_name(o.upper), label(o.upper), qa_of(o.upper),
                    table.agent_name(o.lower), label(o.lower), qa_of(o.lower),
                    o.needed.map(|n| n.to_string()).unwrap_or_else(|| "—".into()),
                ]) }</li> }) }
            </ul>
        </div>
    }
}

/// The payout view's warning: agents whose pay moves within the QA noise
/// (a step, grade, gate or curve reached by their QA interval's ends).
pub fn pay_warning(
    table: &Table,
    plan: &Plan,
    model: &PayoutModel,
    qa: &QaParams,
    lang: Lang,
) -> Html {
    let Some(list) = pay_noise(table, plan, model, &qa.noise) else {
        return Html::default();
    };
    if list.is_empty() {
        return Html::default();
    }
    let money = |v: f64| crate::model::format_value_pub(v, crate::model::Unit::Money, lang);
    html! {
        <details class="validation warn" data-testid="pay-noise">
            <summary>{ Msg::NoisePayWarn.fill(lang, &[list.len().to_string(), qa.noise.confidence.percent().to_string()]) }</summary>
            <ul class="issues">
                { for list.iter().take(10).map(|p| html! { <li class="warn">{ Msg::NoisePayRow.fill(lang, &[
                    table.agent_name(p.row), money(p.pay), money(p.low), money(p.high),
                ]) }</li> }) }
            </ul>
        </details>
    }
}
