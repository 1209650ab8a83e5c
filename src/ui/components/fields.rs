//! Labelled input fields shared by the workspaces.
//!
//! A `NumberField` commits on change (Enter or leaving the field), parses with
//! the core's value parser, and shows its own message when the text is not a
//! number; the workspace passes the model's validation message as `error`.
//! The typed text is kept while it is wrong, so nothing the user typed is lost.

use crate::i18n::{Lang, Msg};
use crate::model::unit::{format_grouped, parse_value};
use crate::model::{Parsed, PercentScale, Unit};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The name a column reference (a plan item's or a picker's) shows in `lang`:
/// the column's metric name in `lang` (the header as typed for a custom
/// column), a known metric's name when the table lacks it, else the name as
/// written. One name per column in every workspace (#15).
pub fn column_label(table: &crate::model::Table, name: &str, lang: Lang) -> String {
    crate::io::xlsx_write::column_label(Some(table), name, lang)
}

/// The counting word of a count column: people (人) for head counts, items
/// (条) for reviews, messages and findings — 中差评数 counts reviews, not people.
pub fn count_unit(metric: Option<crate::model::MetricId>) -> Msg {
    let zh = metric
        .and_then(crate::model::metric::def)
        .map(|d| d.zh)
        .unwrap_or("");
    if zh.contains("评") || zh.contains("消息") || zh.contains("字数") {
        Msg::UnitCountItems
    } else {
        Msg::UnitCount
    }
}

/// The tooltip of a column's name: its original header, when the name shown differs.
pub fn column_title(table: &crate::model::Table, name: &str, lang: Lang) -> Option<AttrValue> {
    let c = crate::model::formula::calc::resolve(table, name).and_then(|c| table.columns.get(c))?;
    (c.label(lang) != c.name).then(|| {
        Msg::OriginalHeader
            .fill(lang, std::slice::from_ref(&c.name))
            .into()
    })
}

/// The value of the `<select>` a change event came from.
pub fn select_value(e: &Event) -> Option<String> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
}

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// The current value in canonical form (a percent as a fraction).
    pub value: f64,
    /// `Unit::Percent` shows and reads points (3 means 3 %); anything else is a plain number.
    #[prop_or(Unit::Number)]
    pub unit: Unit,
    #[prop_or_default]
    pub suffix: AttrValue,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub lang: Lang,
    #[prop_or_default]
    pub disabled: bool,
    /// An empty field is allowed and sends NaN ("no value"), shown empty.
    #[prop_or_default]
    pub allow_empty: bool,
    pub on_change: Callback<f64>,
}

fn shown(value: f64, unit: Unit) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let v = if unit == Unit::Percent {
        value * 100.0
    } else {
        value
    };
    let s = format_grouped(v, 6).replace(',', "");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let text = use_state(|| shown(props.value, props.unit));
    let parse_error = use_state(|| None::<Msg>);
    {
        // An outside change (undo, another source) replaces the text.
        let text = text.clone();
        let parse_error = parse_error.clone();
        use_effect_with((props.value.to_bits(), props.unit), move |(bits, unit)| {
            text.set(shown(f64::from_bits(*bits), *unit));
            parse_error.set(None);
        });
    }
    let onchange = {
        let text = text.clone();
        let parse_error = parse_error.clone();
        let on_change = props.on_change.clone();
        let unit = props.unit;
        let allow_empty = props.allow_empty;
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let raw = input.value();
            text.set(raw.clone());
            let parsed = match unit {
                Unit::Percent => parse_value(&raw, Unit::Percent, PercentScale::Points),
                _ => parse_value(&raw, Unit::Number, PercentScale::Points),
            };
            match parsed {
                Parsed::Number(v) => {
                    parse_error.set(None);
                    on_change.emit(v);
                }
                Parsed::Invalid(m) => parse_error.set(Some(m)),
                Parsed::Missing if allow_empty && raw.trim().is_empty() => {
                    parse_error.set(None);
                    on_change.emit(f64::NAN);
                }
                _ => parse_error.set(Some(Msg::QaNotANumber)),
            }
        })
    };
    let message = parse_error
        .map(|m| m.fill(props.lang, std::slice::from_ref(&*text)))
        .or_else(|| props.error.as_ref().map(|e| e.to_string()));
    let err_id = format!("{}-error", props.id);
    html! {
        <div class={classes!("field", message.is_some().then_some("has-error"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <div class="input-row">
                <input id={props.id.clone()} type="text" inputmode="decimal" value={(*text).clone()}
                    disabled={props.disabled} {onchange}
                    aria-invalid={message.is_some().to_string()}
                    aria-describedby={message.is_some().then(|| err_id.clone())} />
                if !props.suffix.is_empty() { <span class="suffix">{ props.suffix.clone() }</span> }
            </div>
            if let Some(m) = message { <p class="field-error" id={err_id} role="alert">{ m }</p> }
        </div>
    }
}

/// Rows a long table shows at first; "show more" adds this many again.
pub const PAGE_ROWS: usize = 100;

/// The "showing n of m — show more" line under a long table.
pub fn more_rows(shown: &UseStateHandle<usize>, total: usize, lang: Lang) -> Html {
    if total <= **shown {
        return Html::default();
    }
    let onclick = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + PAGE_ROWS))
    };
    let all = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(total))
    };
    html! {
        <p class="more-rows" data-testid="more-rows">
            { Msg::RowsShown.fill(lang, &[(**shown).to_string(), total.to_string()]) }
            <button type="button" class="link" {onclick}>{ Msg::RowsMore.fill(lang, &[PAGE_ROWS.to_string()]) }</button>
            <button type="button" class="link" onclick={all}>{ Msg::RowsAll.t(lang) }</button>
        </p>
    }
}
