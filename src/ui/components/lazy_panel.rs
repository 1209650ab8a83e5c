//! A toolbar button whose panel's code loads on first use (#16: the first
//! load). Until the code is here the button looks and reads the same; the
//! first click fetches the code and opens the panel; a failure is said in
//! the user's language and nothing else changes: the button stays, and its
//! next click fetches the code again (a failed load is not kept, lazy.rs).

use crate::i18n::Msg;
use crate::ui::state::{Action, AppContext, Notice};
use yew::prelude::*;

/// Renders a panel (its own chunk in the split build); `true`: open.
pub type PanelFn = fn(bool) -> Html;

#[derive(Properties)]
pub struct PanelButtonProps {
    /// The button's text.
    pub label: Msg,
    pub testid: &'static str,
    /// The panel's code if it is here.
    pub here: fn() -> Option<PanelFn>,
    /// Fetches the panel's code, then `then(ok)`.
    pub load: fn(Box<dyn FnOnce(bool)>),
}

// A button's code functions never change: the label and id tell two apart
// (function pointers have no meaningful equality).
impl PartialEq for PanelButtonProps {
    fn eq(&self, other: &Self) -> bool {
        self.label == other.label && self.testid == other.testid
    }
}

/// The panel once its code is here; before that its button, which fetches
/// the code and opens the panel.
#[component]
pub fn PanelButton(props: &PanelButtonProps) -> Html {
    let state = use_context::<AppContext>();
    let opened = use_state(|| false);
    let waiting = use_state(|| false);
    let lang = state.as_ref().map(|s| s.lang).unwrap_or_default();
    if let Some(panel) = (props.here)() {
        return panel(*opened);
    }
    let onclick = {
        let (opened, waiting, load) = (opened.clone(), waiting.clone(), props.load);
        Callback::from(move |_| {
            waiting.set(true);
            let (opened, waiting, state) = (opened.clone(), waiting.clone(), state.clone());
            load(Box::new(move |ok| {
                waiting.set(false);
                if ok {
                    opened.set(true);
                } else if let Some(state) = state {
                    state.dispatch(Action::Notify(Notice {
                        msg: Msg::PartLoadFailed,
                        args: Vec::new(),
                        error: true,
                    }));
                }
            }));
        })
    };
    html! {
        <button type="button" {onclick} disabled={*waiting} aria-busy={waiting.to_string()}
            data-testid={props.testid}>{ props.label.t(lang) }</button>
    }
}
