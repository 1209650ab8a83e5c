//! The bars around the grid: find (Ctrl+F) above, by agent or value (Enter
//! goes to the next hit after the active cell, Shift+Enter back), and
//! Excel's status bar below (average, count and sum of the range).

use super::{focus, View};
use crate::i18n::Msg;
use crate::model::range;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The find bar while it is open (else nothing).
pub(super) fn find_bar(
    v: &View,
    find: &UseStateHandle<Option<String>>,
    find_status: &UseStateHandle<String>,
    find_ref: &NodeRef,
) -> Html {
    let View {
        state,
        order,
        go,
        cursor_ref,
        sel_row,
        sel_col,
        lang,
        ..
    } = v.clone();
    let on_find_keydown = {
        let state = state.clone();
        let order = order.clone();
        let find = find.clone();
        let find_status = find_status.clone();
        let go = go.clone();
        let cursor_ref = cursor_ref.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                let q = (*find).clone().unwrap_or_default();
                let hits = range::find(state.workbook.table(), &order, &q, lang);
                let here = (sel_row, sel_col);
                let at = if e.shift_key() {
                    hits.iter()
                        .rposition(|h| *h < here)
                        .unwrap_or(hits.len().saturating_sub(1))
                } else {
                    hits.iter().position(|h| *h > here).unwrap_or(0)
                };
                match hits.get(at) {
                    Some(h) => {
                        go(*h, false);
                        find_status.set(
                            Msg::FindHits
                                .fill(lang, &[(at + 1).to_string(), hits.len().to_string()]),
                        );
                    }
                    None => find_status.set(Msg::FindNone.fill(lang, &[q])),
                }
            }
            "Escape" => {
                e.prevent_default();
                find.set(None);
                find_status.set(String::new());
                focus(&cursor_ref);
            }
            _ => {}
        })
    };
    let on_find_input = {
        let find = find.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                find.set(Some(t.value()));
            }
        })
    };
    let on_find_close = {
        let find = find.clone();
        let find_status = find_status.clone();
        let cursor_ref = cursor_ref.clone();
        Callback::from(move |_| {
            find.set(None);
            find_status.set(String::new());
            focus(&cursor_ref);
        })
    };
    let find_bar = find.as_ref().map(|q| html! {
        <div class="find-bar" role="search">
            <label for="grid-find">{ Msg::FindLabel.t(lang) }</label>
            <input id="grid-find" type="search" ref={find_ref.clone()} value={q.clone()}
                placeholder={Msg::FindPlaceholder.t(lang)} onkeydown={on_find_keydown} oninput={on_find_input} />
            <span class="muted" data-testid="find-status" aria-live="polite">{ (**find_status).clone() }</span>
            <button type="button" class="link" onclick={on_find_close} aria-label={Msg::FindClose.t(lang)}>{ "×" }</button>
        </div>
    });
    find_bar.unwrap_or_default()
}

/// The range's average, count and sum (nothing for one cell).
pub(super) fn status(v: &View) -> Html {
    let View {
        state,
        order,
        range,
        multi,
        lang,
        ..
    } = v.clone();
    let table = state.workbook.table();
    let status = multi.then(|| {
        let s = range::stats(table, &order, range);
        html! {
            <>
                if let Some(avg) = s.average() { <span>{ Msg::StatusAverage.fill(lang, &[s.show(avg, lang)]) }</span> }
                <span>{ Msg::StatusCount.fill(lang, &[s.count.to_string()]) }</span>
                if s.numbers > 0 { <span>{ Msg::StatusSum.fill(lang, &[s.show(s.sum, lang)]) }</span> }
            </>
        }
    });
    status.unwrap_or_default()
}
