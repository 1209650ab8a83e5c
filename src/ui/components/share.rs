//! Share links: the panel that makes one (scope, length, chat-app warning,
//! copy) and the prompt shown when the page opens with one.

use super::lazy_panel::PanelFn;
use crate::i18n::Msg;
use crate::io::share::{encode_in, Scope, Shared, CHAT_LIMIT};
use crate::ui::state::{Action, AppContext};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The page's address without its fragment, plus `#` and `fragment`.
fn link_for(fragment: &str) -> String {
    let loc = web_sys::window().map(|w| w.location());
    let base = loc
        .and_then(|l| {
            let href = l.href().ok()?;
            Some(href.split('#').next().unwrap_or_default().to_string())
        })
        .unwrap_or_default();
    format!("{base}#{fragment}")
}

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// Opens at once (the first click fetched this code: `ShareButton`).
    #[prop_or_default]
    pub open: bool,
}

/// The "share link" panel.
#[component]
pub fn SharePanel(props: &ShareProps) -> Html {
    let state = use_context::<AppContext>();
    let open = use_state(|| props.open);
    {
        // `open` can turn true after this panel was made closed (the
        // background fetch brought the code just before the first click).
        let shown = open.clone();
        use_effect_with(props.open, move |&open| {
            if open {
                shown.set(true);
            }
        });
    }
    let scope = use_state(|| Scope::Everything);
    let copied = use_state(|| None::<bool>);
    let Some(state) = state else {
        return html! {};
    };
    let lang = state.lang;
    let toggle = {
        let (open, copied) = (open.clone(), copied.clone());
        Callback::from(move |_| {
            open.set(!*open);
            copied.set(None);
        })
    };
    if !*open {
        return html! { <button type="button" onclick={toggle} data-testid="share-open">{ Msg::ShareButton.t(lang) }</button> };
    }
    // The plan and model on screen go first, so the recipient lands on them.
    let link = link_for(&encode_in(&state.viewed_snapshot(), *scope, lang));
    let len = link.chars().count();
    let pick = |s: Scope| {
        let (scope, copied) = (scope.clone(), copied.clone());
        Callback::from(move |_| {
            scope.set(s);
            copied.set(None);
        })
    };
    let on_copy = {
        let (link, copied) = (link.clone(), copied.clone());
        Callback::from(move |_| {
            let ok = web_sys::window()
                .map(|w| {
                    let _promise = w.navigator().clipboard().write_text(&link);
                    true
                })
                .unwrap_or(false);
            // Also select the text, so a refused clipboard still leaves it one keypress away.
            if let Some(t) = gloo::utils::document()
                .get_element_by_id("share-link")
                .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            {
                t.select();
            }
            copied.set(Some(ok));
        })
    };
    let radio = |s: Scope, id: &str, label: Msg| {
        html! { <label class="check"><input type="radio" name="share-scope" id={id.to_string()} checked={*scope == s} onclick={pick(s)} />{ label.t(lang) }</label> }
    };
    html! {
        <section class="card share" aria-labelledby="share-title" data-testid="share-panel">
            <h3 id="share-title">{ Msg::ShareTitle.t(lang) }</h3>
            <p class="help muted">{ Msg::ShareHelp.t(lang) }</p>
            <div class="scopes">
                { radio(Scope::Everything, "share-all", Msg::ShareScopeAll) }
                { radio(Scope::PlansOnly, "share-plans", Msg::ShareScopePlans) }
                { radio(Scope::Anonymous, "share-anon", Msg::ShareScopeAnon) }
            </div>
            <textarea id="share-link" readonly=true rows="3" value={link.clone()} data-testid="share-link"
                aria-label={Msg::ShareTitle.t(lang)} />
            <p class="muted" data-testid="share-length">{ Msg::ShareLength.fill(lang, &[len.to_string()]) }</p>
            if len > CHAT_LIMIT { <p class="validation warn" data-testid="share-too-long">{ Msg::ShareTooLong.fill(lang, &[CHAT_LIMIT.to_string()]) }</p> }
            <div class="actions">
                <button type="button" class="primary" onclick={on_copy}>{ Msg::ShareCopy.t(lang) }</button>
                <button type="button" onclick={toggle}>{ Msg::ShareClose.t(lang) }</button>
                if let Some(ok) = *copied { <span class="muted" role="status">{ if ok { Msg::ShareCopied.t(lang) } else { Msg::ShareCopyFailed.t(lang) } }</span> }
            </div>
        </section>
    }
}

/// The prompt for a link the page was opened with.
#[component]
pub fn LinkPrompt() -> Html {
    let Some(state) = use_context::<AppContext>() else {
        return html! {};
    };
    let lang = state.lang;
    let Some(shared) = state.pending_link.as_ref() else {
        return html! {};
    };
    let text = match shared {
        Shared::Workbook(s) => {
            let agents = s
                .tables
                .iter()
                .find(|(m, _)| *m == s.month)
                .map(|(_, t)| t.len())
                .unwrap_or(0);
            Msg::LinkHoldsWorkbook.fill(
                lang,
                &[
                    s.tables.len().to_string(),
                    s.month.clone(),
                    agents.to_string(),
                    s.plans.len().to_string(),
                    s.payouts.len().to_string(),
                    s.scenarios.len().to_string(),
                ],
            )
        }
        Shared::Plans { plans, payouts } => {
            Msg::LinkHoldsPlans.fill(lang, &[plans.len().to_string(), payouts.len().to_string()])
        }
    };
    let on_open = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::AcceptLink))
    };
    let on_cancel = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::RejectLink))
    };
    html! {
        <section class="card link-prompt" role="dialog" aria-labelledby="link-title" data-testid="link-prompt">
            <h3 id="link-title">{ Msg::LinkOpenTitle.t(lang) }</h3>
            <p data-testid="link-summary">{ text }</p>
            <div class="actions">
                <button type="button" class="primary" onclick={on_open} data-testid="link-open">{ Msg::LinkOpen.t(lang) }</button>
                <button type="button" onclick={on_cancel} data-testid="link-cancel">{ Msg::LinkCancel.t(lang) }</button>
            </div>
        </section>
    }
}

// Making a link (the deflate of the saved workbook) is code only this
// button reaches: out of the first load (lazy.rs). Opening a link is not.
#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(share, fallible))]
fn panel_code() -> Result<PanelFn, crate::ui::lazy::LoadError> {
    Ok(|open| html! { <SharePanel {open} /> })
}

// Fetched in the background too (`lazy::prefetch_all`).
crate::ui::lazy::kept_code!(PANEL, panel_code, panel_here, load_panel, PanelFn);

/// The share button in the toolbar (`lazy_panel::PanelButton`).
#[component]
pub fn ShareButton() -> Html {
    html! {
        <super::lazy_panel::PanelButton label={Msg::ShareButton} testid="share-open"
            here={panel_here as fn() -> Option<PanelFn>} load={load_panel as fn(Box<dyn FnOnce(bool)>)} />
    }
}
