//! The offer of a new build: `static/sw-register.js` raises `kpi-sw-update`
//! when a new service worker is installed and waiting; this bar says so and,
//! only when the user clicks, raises `kpi-sw-apply` (the new build takes
//! over and the page reloads). Never forced: an edit in progress stays until
//! the user chooses. The autosave has kept the workbook by then.

use crate::i18n::Msg;
use crate::ui::state::AppContext;
use yew::prelude::*;

#[component]
pub fn UpdateOffer() -> Html {
    let ready = use_state(|| false);
    {
        let ready = ready.setter();
        use_effect_with((), move |_| {
            let l = gloo::events::EventListener::new(
                &gloo::utils::window(),
                "kpi-sw-update",
                move |_| ready.set(true),
            );
            move || drop(l)
        });
    }
    let Some(state) = use_context::<AppContext>() else {
        return Html::default();
    };
    if !*ready {
        return Html::default();
    }
    let lang = state.lang;
    let onclick = Callback::from(move |_| {
        if let Ok(e) = web_sys::Event::new("kpi-sw-apply") {
            let _ = gloo::utils::window().dispatch_event(&e);
        }
    });
    let later = {
        let ready = ready.clone();
        Callback::from(move |_| ready.set(false))
    };
    html! {
        <div class="notice update" role="status" data-testid="update-offer">
            <span>{ Msg::UpdateReady.t(lang) }</span>
            <button type="button" {onclick}>{ Msg::UpdateReload.t(lang) }</button>
            <button type="button" class="link" onclick={later}>{ Msg::UpdateLater.t(lang) }</button>
        </div>
    }
}
