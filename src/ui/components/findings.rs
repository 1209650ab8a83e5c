//! The QA findings (质检记录) panel of the 质检 QA workspace: paste findings,
//! see the month's roll-up (质检得分, red lines, unknown agents) and write it
//! into the team data as the 质检得分 and 红线 columns, one undoable step.
//!
//! Findings and the scoring rule live in `QaParams` and change only through
//! `Command::SetQa`; writing the roll-up is `Command::ReplaceTable`.

use super::fields::select_value;
use crate::i18n::Msg;
use crate::io::findings::{read_findings, Skip};
use crate::model::findings::{rollup, write_rollup, Scoring};
use crate::model::Command;
use crate::ui::state::{Action, AppContext};
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn num(v: f64) -> String {
    crate::ui::format::trimmed(v, 2)
}

/// `服务态度=30, 专业度=40` → items; `None` when a part does not read.
fn parse_sheet(text: &str) -> Option<Vec<(String, f64)>> {
    text.split([',', '，', ';', '；', '\n'])
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let (name, v) = p.split_once(['=', '：', ':'])?;
            let v: f64 = v.trim().parse().ok()?;
            (v.is_finite() && v >= 0.0 && !name.trim().is_empty())
                .then(|| (name.trim().to_string(), v))
        })
        .collect()
}

#[component]
pub fn FindingsPanel() -> Html {
    let state = use_context::<AppContext>();
    let paste_ref = use_node_ref();
    let message = use_state(|| None::<(bool, String)>);
    let Some(state) = state else {
        return Html::default();
    };
    let lang = state.lang;
    let wb = &state.workbook;
    let table = wb.table();
    let qa = wb.qa().clone();
    let month = wb.month().to_string();
    let names: Vec<String> = (0..table.len()).map(|i| table.agent_name(i)).collect();
    let r = rollup(&qa.findings, &names, &month, &qa.findings_scoring);

    let on_read = {
        let state = state.clone();
        let paste_ref = paste_ref.clone();
        let message = message.clone();
        let qa = qa.clone();
        let names = names.clone();
        let month = month.clone();
        Callback::from(move |_| {
            let Some(area) = paste_ref.cast::<web_sys::HtmlTextAreaElement>() else {
                return;
            };
            let read = read_findings(&area.value());
            if !read.missing.is_empty() {
                message.set(Some((false, Msg::FindMissing.t(lang).to_string())));
                return;
            }
            let roll = rollup(&read.findings, &names, &month, &qa.findings_scoring);
            let with = roll.agents.iter().filter(|a| a.findings > 0).count();
            let red = roll.agents.iter().filter(|a| a.red_line).count();
            let mut text = Msg::FindReadDone.fill(
                lang,
                &[
                    read.findings.len().to_string(),
                    with.to_string(),
                    red.to_string(),
                ],
            );
            for (line, why, raw) in &read.skipped {
                let why = match why {
                    Skip::NoAgent => Msg::FindSkipNoAgent.t(lang).to_string(),
                    Skip::BadDeduction => {
                        Msg::FindSkipDeduction.fill(lang, std::slice::from_ref(raw))
                    }
                    Skip::BadRedLine => Msg::FindSkipRedLine.fill(lang, std::slice::from_ref(raw)),
                };
                text.push('；');
                text.push_str(&Msg::FindSkipped.fill(lang, &[line.to_string(), why]));
            }
            message.set(Some((true, text)));
            let mut cand = qa.clone();
            cand.findings = read.findings;
            state.dispatch(Action::Apply(Command::SetQa(Box::new(cand))));
        })
    };
    let is_sheet = matches!(qa.findings_scoring, Scoring::Sheet(_));
    let on_scoring = {
        let state = state.clone();
        let qa = qa.clone();
        Callback::from(move |e: Event| {
            let mut cand = qa.clone();
            cand.findings_scoring = if select_value(&e).as_deref() == Some("sheet") {
                Scoring::Sheet(vec![
                    ("服务态度".into(), 30.0),
                    ("专业度".into(), 40.0),
                    ("流程规范".into(), 30.0),
                ])
            } else {
                Scoring::default()
            };
            state.dispatch(Action::Apply(Command::SetQa(Box::new(cand))));
        })
    };
    let sheet_text = match &qa.findings_scoring {
        Scoring::Sheet(items) => items
            .iter()
            .map(|(n, v)| format!("{n}={}", num(*v)))
            .collect::<Vec<_>>()
            .join(", "),
        Scoring::Deductions { .. } => String::new(),
    };
    let on_sheet = {
        let state = state.clone();
        let qa = qa.clone();
        let message = message.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            match parse_sheet(&input.value()) {
                Some(items) if !items.is_empty() => {
                    let mut cand = qa.clone();
                    cand.findings_scoring = Scoring::Sheet(items);
                    state.dispatch(Action::Apply(Command::SetQa(Box::new(cand))));
                }
                _ => message.set(Some((false, Msg::FindErrDeduction.t(lang).to_string()))),
            }
        })
    };
    let on_write = {
        let state = state.clone();
        let r = r.clone();
        Callback::from(move |_| {
            let t = write_rollup(state.workbook.table(), &r);
            state.dispatch(Action::Apply(Command::ReplaceTable(Box::new(t))));
        })
    };
    let with_findings: Vec<_> = r.agents.iter().filter(|a| a.findings > 0).collect();
    html! {
        <section class="card findings" aria-labelledby="find-title">
            <h3 id="find-title">{ Msg::FindTitle.t(lang) }</h3>
            <p class="help muted">{ Msg::FindIntro.t(lang) }</p>
            <div class="inline-fields">
                <div class="field">
                    <label for="find-scoring">{ Msg::FindScoring.t(lang) }</label>
                    <select id="find-scoring" onchange={on_scoring}>
                        <option value="deduct" selected={!is_sheet}>{ Msg::FindScoringDeduct.t(lang) }</option>
                        <option value="sheet" selected={is_sheet}>{ Msg::FindScoringSheet.t(lang) }</option>
                    </select>
                </div>
                if is_sheet {
                    <div class="field">
                        <label for="find-sheet">{ Msg::FindSheet.t(lang) }</label>
                        <input id="find-sheet" type="text" value={sheet_text} onchange={on_sheet} />
                    </div>
                }
            </div>
            <textarea ref={paste_ref} rows="4" aria-label={Msg::FindPaste.t(lang)} placeholder={Msg::FindPaste.t(lang)} data-testid="find-paste" />
            <div class="actions"><button type="button" onclick={on_read}>{ Msg::FindRead.t(lang) }</button></div>
            if let Some((ok, m)) = &*message {
                <p class={classes!(if *ok { "help" } else { "field-error" })} role="status" data-testid="find-message">{ m.clone() }</p>
            }
            if !r.unknown.is_empty() || r.other_months > 0 {
                <ul class="issues" data-testid="find-issues">
                    if !r.unknown.is_empty() {
                        <li class="warn">{ Msg::FindUnknown.fill(lang, &[r.unknown.iter().map(|(n, c)| format!("{n}（{c}）")).collect::<Vec<_>>().join("、")]) }</li>
                    }
                    if r.other_months > 0 {
                        <li class="warn">{ Msg::FindOtherMonths.fill(lang, &[r.other_months.to_string(), month.clone()]) }</li>
                    }
                </ul>
            }
            if !with_findings.is_empty() {
                <div class="table-scroll short">
                    <table class="plain" data-testid="find-table">
                        <thead><tr>
                            <th>{ Msg::NoiseColAgent.t(lang) }</th><th class="num">{ Msg::FindColFindings.t(lang) }</th>
                            <th class="num">{ Msg::FindColDeducted.t(lang) }</th><th class="num">{ Msg::NoiseColScore.t(lang) }</th>
                            <th>{ Msg::FindColRedLine.t(lang) }</th>
                        </tr></thead>
                        <tbody>{ for with_findings.iter().map(|a| html! { <tr class={classes!(a.red_line.then_some("bad"))}>
                            <td>{ a.agent.clone() }</td><td class="num">{ a.findings }</td>
                            <td class="num">{ num(a.deducted) }</td><td class="num strong">{ num(a.score) }</td>
                            <td>{ if a.red_line { Msg::FindYes.t(lang) } else { "" } }</td>
                        </tr> }) }</tbody>
                    </table>
                </div>
                <div class="actions"><button type="button" data-testid="find-write" onclick={on_write}>{ Msg::FindWrite.t(lang) }</button></div>
            }
        </section>
    }
}
