//! The browser layer: the only code that touches yew, web-sys, gloo, js-sys or
//! wasm-bindgen. Compiled only for wasm32.
//!
//! It reads plain query results from the model and changes state only by
//! dispatching actions to the one reducer in [`state`], which calls
//! `Workbook::apply`/`undo`/`redo`. Storage and DOM side effects run in
//! `use_effect_with`, never in the reducer.

pub mod app;
pub mod bench;
pub mod browser;
pub mod components;
pub mod format;
pub mod jobs;
pub mod state;
pub mod worker;

use crate::i18n::Msg;

/// Installs the panic hook and renders the app into `<main id="app">`.
pub fn start() {
    install_panic_hook();
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    // Remove the static "loading" text; yew appends to the root.
    root.set_inner_html("");
    yew::Renderer::<app::App>::with_root(root).render();
    browser::mark("app-rendered");
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    if hash == "#bench" {
        bench::run_and_publish();
    }
}

/// A panic in wasm stops the module. The hook logs it and reveals the static
/// error banner in index.html, filled in the user's language, instead of
/// leaving a dead page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let detail = info.to_string();
        web_sys::console::error_1(&detail.clone().into());
        show_crash_banner(&detail);
    }));
}

/// Fills and shows the crash banner (`#crash` in index.html).
pub fn show_crash_banner(detail: &str) {
    let lang = browser::preferred_lang();
    let doc = gloo::utils::document();
    let set = |id: &str, text: &str| {
        if let Some(el) = doc.get_element_by_id(id) {
            el.set_text_content(Some(text));
        }
    };
    set("crash-title", Msg::CrashTitle.t(lang));
    set("crash-body", Msg::CrashBody.t(lang));
    set("crash-detail", detail);
    set("crash-reload", Msg::Reload.t(lang));
    if let Some(el) = doc.get_element_by_id("crash") {
        let _ = el.remove_attribute("hidden");
    }
}
