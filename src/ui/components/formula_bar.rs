//! The formula bar (for the selected column) and the "add formula column"
//! panel: syntax highlighting from the core's lexer, autocomplete of column
//! and function names, and syntax errors pointing at their position.
//!
//! A formula is checked with `formula::validate` before it is sent as a
//! command, so the message can point at the spot; the model validates again.

use crate::i18n::{Lang, Msg};
use crate::model::formula::calc::resolve;
use crate::model::formula::functions::Func;
use crate::model::formula::lexer::{lex, Tok};
use crate::model::formula::{validate, SyntaxError};
use crate::model::{Command, Table, Unit};
use crate::ui::state::{Action, AppContext};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Tokens coloured at most; the rest of a longer formula is shown plain
/// (a formula of 100,000 terms would otherwise be 200,000 DOM nodes).
const MAX_HIGHLIGHTED: usize = 2_000;

/// Coloured spans of a formula, from the core's lexer. `error` marks the
/// characters a syntax error points at (or the end, for "incomplete").
pub fn highlight(src: &str, table: &Table, error: Option<(usize, usize)>) -> Html {
    let chars: Vec<char> = src.chars().collect();
    let toks = lex(src);
    let mut out: Vec<Html> = Vec::new();
    let mut pos = 0;
    for (i, t) in toks.iter().enumerate().take(MAX_HIGHLIGHTED) {
        if t.start > pos {
            let gap: String = chars.get(pos..t.start).unwrap_or(&[]).iter().collect();
            out.push(html! { <span class="tk-plain">{ gap }</span> });
        }
        let text: String = chars.get(t.start..t.end).unwrap_or(&[]).iter().collect();
        let class = match &t.tok {
            Tok::Number(_) => "tk-num",
            Tok::Text(_) | Tok::UnclosedText(_) => "tk-text",
            Tok::Ref { name, .. } => {
                if resolve(table, name).is_some() {
                    "tk-ref"
                } else {
                    "tk-bad"
                }
            }
            Tok::Ident(w) => {
                let call = toks.get(i + 1).is_some_and(|n| n.tok == Tok::LParen);
                if call {
                    if Func::from_name(w).is_some() {
                        "tk-fn"
                    } else {
                        "tk-bad"
                    }
                } else if w.eq_ignore_ascii_case("TRUE") || w.eq_ignore_ascii_case("FALSE") {
                    "tk-num"
                } else if resolve(table, w).is_some() {
                    "tk-ref"
                } else {
                    "tk-bad"
                }
            }
            Tok::UnclosedRef(_) | Tok::Unknown(_) => "tk-bad",
            _ => "tk-op",
        };
        let at_error = error.is_some_and(|(s, e)| t.start < e.max(s + 1) && s < t.end);
        out.push(html! { <span class={classes!(class, at_error.then_some("tk-errpos"))}>{ text }</span> });
        pos = t.end;
    }
    if pos < chars.len() {
        let rest: String = chars.get(pos..).unwrap_or(&[]).iter().collect();
        out.push(html! { <span class="tk-plain">{ rest }</span> });
    }
    if let Some((s, _)) = error {
        if s >= chars.len() {
            out.push(html! { <span class="tk-errpos tk-end">{ "␣" }</span> });
        }
    }
    html! { <code class="fx-preview" aria-hidden="true">{ for out }</code> }
}

/// Completions for the word being typed before the caret (`caret` in chars):
/// `(replace_from, suggestions)`. After `[`, only columns; otherwise
/// functions and columns starting with the prefix.
pub fn completions(src: &str, caret: usize, table: &Table) -> (usize, Vec<String>) {
    let chars: Vec<char> = src.chars().collect();
    let caret = caret.min(chars.len());
    let before = chars.get(..caret).unwrap_or(&[]);
    // Inside an open bracket?
    if let Some(open) = before.iter().rposition(|c| *c == '[' || *c == '【') {
        if !before.get(open..).unwrap_or(&[]).contains(&']') {
            let prefix: String = before.get(open + 1..).unwrap_or(&[]).iter().collect();
            let p = prefix.trim_start_matches('@').to_lowercase();
            let cols: Vec<String> = table
                .columns
                .iter()
                .map(|c| c.name.clone())
                .filter(|n| n.to_lowercase().contains(&p))
                .take(8)
                .map(|n| format!("[{}{n}]", if prefix.starts_with('@') { "@" } else { "" }))
                .collect();
            return (open, cols);
        }
    }
    let start = before
        .iter()
        .rposition(|c| !(c.is_alphanumeric() || *c == '_' || *c == '.'))
        .map(|i| i + 1)
        .unwrap_or(0);
    let prefix: String = before.get(start..).unwrap_or(&[]).iter().collect();
    if prefix.is_empty() || prefix.starts_with(|c: char| c.is_ascii_digit()) {
        return (caret, Vec::new());
    }
    let p = prefix.to_lowercase();
    let mut out: Vec<String> = Func::ALL
        .iter()
        .filter(|f| f.name().to_lowercase().starts_with(&p))
        .map(|f| format!("{}(", f.name()))
        .collect();
    out.extend(
        table
            .columns
            .iter()
            .filter(|c| c.name.to_lowercase().starts_with(&p))
            .map(|c| format!("[{}]", c.name)),
    );
    out.truncate(8);
    (start, out)
}

fn syntax_message(e: &SyntaxError, lang: Lang) -> String {
    Msg::FxSyntaxAt.fill(
        lang,
        &[(e.start + 1).to_string(), e.msg.fill(lang, &e.args)],
    )
}

#[derive(Properties, PartialEq)]
pub struct FormulaInputProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// Called with the formula when the user presses Enter or the apply button.
    pub on_commit: Callback<String>,
    pub button: AttrValue,
}

/// A formula input with highlighting, autocomplete and syntax errors.
#[component]
pub fn FormulaInput(props: &FormulaInputProps) -> Html {
    let state = use_context::<AppContext>();
    let text = use_state(|| props.value.to_string());
    let error = use_state(|| None::<SyntaxError>);
    let sugg = use_state(|| (0usize, Vec::<String>::new()));
    let input_ref = use_node_ref();
    {
        let text = text.clone();
        let error = error.clone();
        let sugg = sugg.clone();
        use_effect_with(props.value.clone(), move |v| {
            text.set(v.to_string());
            error.set(None);
            sugg.set((0, Vec::new()));
        });
    }
    let Some(state) = state else {
        return Html::default();
    };
    let lang = state.lang;
    // Borrowed when needed, never copied: the table can hold 10,000 agents.
    let table = state.workbook.table();

    let submit = {
        let text = text.clone();
        let error = error.clone();
        let on_commit = props.on_commit.clone();
        let sugg = sugg.clone();
        move || match validate(&text) {
            Ok(_) => {
                error.set(None);
                sugg.set((0, Vec::new()));
                on_commit.emit((*text).clone());
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let oninput = {
        let text = text.clone();
        let sugg = sugg.clone();
        let error = error.clone();
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let v = input.value();
            let caret_utf16 = input.selection_start().ok().flatten().unwrap_or(0) as usize;
            // selectionStart counts UTF-16 units; completions count chars.
            let caret = v
                .chars()
                .scan(0usize, |n, c| {
                    *n += c.len_utf16();
                    Some(*n)
                })
                .take_while(|n| *n <= caret_utf16)
                .count();
            sugg.set(completions(&v, caret, state.workbook.table()));
            error.set(None);
            text.set(v);
        })
    };
    let onkeydown = {
        let submit = submit.clone();
        Callback::from(move |e: KeyboardEvent| {
            e.stop_propagation();
            if e.key() == "Enter" {
                e.prevent_default();
                submit();
            }
        })
    };
    let onclick = {
        let submit = submit.clone();
        Callback::from(move |_: MouseEvent| submit())
    };
    let pick = |s: String| {
        let text = text.clone();
        let sugg = sugg.clone();
        let input_ref = input_ref.clone();
        let from = sugg.0;
        Callback::from(move |_: MouseEvent| {
            let chars: Vec<char> = text.chars().collect();
            let caret = input_ref
                .cast::<HtmlInputElement>()
                .and_then(|i| i.selection_start().ok().flatten())
                .map(|c| c as usize)
                .unwrap_or(chars.len());
            let caret_chars = text
                .chars()
                .scan(0usize, |n, c| {
                    *n += c.len_utf16();
                    Some(*n)
                })
                .take_while(|n| *n <= caret)
                .count()
                .max(from);
            let head: String = chars.get(..from).unwrap_or(&[]).iter().collect();
            let tail: String = chars.get(caret_chars..).unwrap_or(&[]).iter().collect();
            text.set(format!("{head}{s}{tail}"));
            sugg.set((0, Vec::new()));
            if let Some(i) = input_ref.cast::<HtmlInputElement>() {
                let _ = i.focus();
            }
        })
    };
    let err_id = format!("{}-error", props.id);
    html! {
        <div class="fx-input">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <div class="fx-row">
                <span class="fx-sign" aria-hidden="true">{ "ƒx" }</span>
                <input id={props.id.clone()} ref={input_ref.clone()} type="text" spellcheck="false"
                    autocomplete="off" value={(*text).clone()} {oninput} {onkeydown}
                    aria-invalid={error.is_some().to_string()}
                    aria-describedby={error.is_some().then(|| err_id.clone())} />
                <button type="button" {onclick}>{ props.button.clone() }</button>
            </div>
            { highlight(&text, table, error.as_ref().map(|e| (e.start, e.end))) }
            if !sugg.1.is_empty() {
                <div class="fx-suggest" role="listbox" aria-label={Msg::FxSuggestions.t(lang)}>
                    { for sugg.1.iter().map(|s| html! {
                        <button type="button" role="option" class="chip" onclick={pick(s.clone())}>{ s.clone() }</button>
                    }) }
                </div>
            }
            if let Some(e) = &*error {
                <p class="field-error" id={err_id} role="alert">
                    { syntax_message(e, lang) }
                </p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ColumnBarProps {
    /// The selected column.
    pub col: usize,
    /// The selected data row, if any.
    #[prop_or_default]
    pub row: Option<usize>,
}

use super::import_preview::UNITS;

/// Name, formula and removal of the selected column.
#[component]
pub fn ColumnBar(props: &ColumnBarProps) -> Html {
    let Some(state) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = state.lang;
    let table = state.workbook.table();
    let Some(column) = table.columns.get(props.col) else {
        return Html::default();
    };
    let col = props.col;
    let on_rename = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                state.dispatch(Action::Apply(Command::RenameColumn {
                    col,
                    name: i.value(),
                }));
            }
        })
    };
    let on_formula = {
        let state = state.clone();
        Callback::from(move |f: String| {
            state.dispatch(Action::Apply(Command::SetFormula { col, formula: f }))
        })
    };
    let on_remove = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Apply(Command::RemoveColumn { col })))
    };
    let issue = state.workbook.calc().issue(col).map(|i| i.text(lang));
    html! {
        <div class="column-bar" data-testid="column-bar">
            <div class="field name">
                <label for="col-name">{ Msg::ColumnName.t(lang) }</label>
                <input id="col-name" type="text" value={column.name.clone()} onchange={on_rename} />
            </div>
            if let Some(f) = &column.formula {
                <FormulaInput id="col-formula" label={Msg::FormulaLabel.t(lang)} value={f.clone()}
                    on_commit={on_formula} button={Msg::FormulaApply.t(lang)} />
                <button type="button" class="danger" onclick={on_remove}>{ Msg::RemoveColumn.t(lang) }</button>
            } else {
                { data_column_controls(col, column, &state, lang) }
            }
            <div class="row-ops">
                <button type="button" onclick={{
                    let state = state.clone();
                    Callback::from(move |_| state.dispatch(Action::Apply(Command::AddRow { at: usize::MAX })))
                }}>{ "+ " }{ Msg::AddRow.t(lang) }</button>
                <button type="button" data-testid="add-column" onclick={{
                    let state = state.clone();
                    Callback::from(move |_| {
                        let taken = |n: &str| state.workbook.table().columns.iter().any(|c| c.name == n);
                        let base = Msg::NewColumnName.t(lang);
                        let mut name = base.to_string();
                        let mut k = 2;
                        while taken(&name) {
                            name = format!("{base}{k}");
                            k += 1;
                        }
                        state.dispatch(Action::Apply(Command::AddColumn { after: col, name, unit: Unit::Number }));
                    })
                }}>{ Msg::InsertDataColumn.t(lang) }</button>
                if let Some(r) = props.row {
                    <button type="button" class="danger" onclick={{
                        let state = state.clone();
                        Callback::from(move |_| state.dispatch(Action::Apply(Command::RemoveRow { row: r })))
                    }}>{ Msg::RemoveRow.fill(lang, &[(r + 1).to_string()]) }</button>
                }
            </div>
            if let Some(i) = issue {
                <p class="field-error" role="alert" data-testid="column-issue">{ i }</p>
            }
        </div>
    }
}

/// Metric and unit of a data column, and its removal (not the agent column).
fn data_column_controls(
    col: usize,
    column: &crate::model::Column,
    state: &AppContext,
    lang: Lang,
) -> Html {
    use crate::model::{MetricId, METRICS};
    let metric = column.metric;
    let unit = column.unit;
    let on_metric = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let Some(v) = super::fields::select_value(&e) else {
                return;
            };
            let m: Option<MetricId> = METRICS
                .iter()
                .find(|d| format!("{:?}", d.id) == v)
                .map(|d| d.id);
            // A known metric brings its unit; "custom" keeps the current one.
            let u = m
                .and_then(crate::model::metric::def)
                .map(|d| d.unit)
                .unwrap_or(unit);
            state.dispatch(Action::Apply(Command::RemapColumn {
                col,
                metric: m,
                unit: u,
            }));
        })
    };
    let on_unit = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let Some(v) = super::fields::select_value(&e) else {
                return;
            };
            if let Some((u, _)) = UNITS.iter().find(|(u, _)| format!("{u:?}") == v) {
                state.dispatch(Action::Apply(Command::RemapColumn {
                    col,
                    metric,
                    unit: *u,
                }));
            }
        })
    };
    let on_remove = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Apply(Command::RemoveColumn { col })))
    };
    html! {
        <>
            <div class="field narrow">
                <label for="col-metric">{ Msg::ColumnMetric.t(lang) }</label>
                <select id="col-metric" onchange={on_metric}>
                    <option value="" selected={metric.is_none()}>{ Msg::ColumnCustom.t(lang) }</option>
                    { for METRICS.iter().map(|d| html! {
                        <option value={format!("{:?}", d.id)} selected={metric == Some(d.id)}>{ match lang { Lang::Zh => d.zh, Lang::En => d.en } }</option>
                    }) }
                </select>
            </div>
            <div class="field narrow">
                <label for="col-unit">{ Msg::ColumnUnit.t(lang) }</label>
                <select id="col-unit" onchange={on_unit}>
                    { for UNITS.iter().map(|(u, m)| html! {
                        <option value={format!("{u:?}")} selected={*u == unit}>{ m.t(lang) }</option>
                    }) }
                </select>
            </div>
            if metric != Some(MetricId::Agent) {
                <button type="button" class="danger" onclick={on_remove}>{ Msg::RemoveColumn.t(lang) }</button>
            }
            <p class="muted fx-hint">{ Msg::InputColumnHint.t(lang) }</p>
        </>
    }
}

/// Adds a formula column: a name, a formula, a unit; and one-click built-ins.
#[component]
pub fn AddFormula() -> Html {
    let open = use_state(|| false);
    let name = use_state(String::new);
    let unit = use_state(|| Unit::Number);
    let Some(state) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = state.lang;
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let builtins = [
        (
            Msg::FxBuiltinSales,
            "=[询单人数]*[询单转化率]*[客单价]*(1-[退款率])",
            Unit::Money,
        ),
        (
            Msg::FxBuiltinConversion,
            "=[询单->最终付款人数]/[询单人数]",
            Unit::Percent,
        ),
        (
            Msg::FxBuiltinAov,
            "=[客服销售额]/[询单->最终付款人数]",
            Unit::Money,
        ),
    ];
    let builtin_buttons = builtins.iter().map(|(label, f, u)| {
        let state = state.clone();
        let (label, f, u) = (*label, *f, *u);
        let onclick = Callback::from(move |_| {
            state.dispatch(Action::Apply(Command::AddFormulaColumn {
                name: label.t(lang).to_string(),
                formula: f.to_string(),
                unit: u,
            }))
        });
        html! { <button type="button" class="chip" {onclick} title={f}>{ "+ " }{ label.t(lang) }</button> }
    });
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                name.set(i.value());
            }
        })
    };
    let on_unit = {
        let unit = unit.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = super::fields::select_value(&e) {
                unit.set(match v.as_str() {
                    "percent" => Unit::Percent,
                    "money" => Unit::Money,
                    "seconds" => Unit::Seconds,
                    "points" => Unit::Points,
                    _ => Unit::Number,
                });
            }
        })
    };
    let on_add = {
        let state = state.clone();
        let name = name.clone();
        let unit = unit.clone();
        let open = open.clone();
        Callback::from(move |f: String| {
            state.dispatch(Action::Apply(Command::AddFormulaColumn {
                name: (*name).clone(),
                formula: f,
                unit: *unit,
            }));
            open.set(false);
        })
    };
    html! {
        <div class="add-formula">
            <button type="button" onclick={toggle} aria-expanded={open.to_string()}>{ "ƒx " }{ Msg::AddFormulaColumn.t(lang) }</button>
            { for builtin_buttons }
            if *open {
                <div class="card add-formula-form">
                    <div class="inline-fields">
                        <div class="field">
                            <label for="new-col-name">{ Msg::ColumnName.t(lang) }</label>
                            <input id="new-col-name" type="text" value={(*name).clone()} oninput={on_name} />
                        </div>
                        <div class="field">
                            <label for="new-col-unit">{ Msg::ColumnUnit.t(lang) }</label>
                            <select id="new-col-unit" onchange={on_unit}>
                                <option value="number" selected={*unit == Unit::Number}>{ Msg::UnitNumberName.t(lang) }</option>
                                <option value="percent" selected={*unit == Unit::Percent}>{ Msg::UnitPercent.t(lang) }</option>
                                <option value="money" selected={*unit == Unit::Money}>{ Msg::UnitYuan.t(lang) }</option>
                                <option value="seconds" selected={*unit == Unit::Seconds}>{ Msg::UnitSeconds.t(lang) }</option>
                                <option value="points" selected={*unit == Unit::Points}>{ Msg::UnitPoints.t(lang) }</option>
                            </select>
                        </div>
                    </div>
                    <FormulaInput id="new-col-formula" label={Msg::FormulaLabel.t(lang)} value=""
                        on_commit={on_add} button={Msg::AddColumn.t(lang)} />
                    <p class="help muted">{ Msg::FormulaHelp.t(lang) }</p>
                </div>
            }
        </div>
    }
}
