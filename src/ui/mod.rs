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
pub mod idb;
pub mod jobs;
pub mod lazy;
pub mod state;
pub mod store;
pub mod worker;
/// Forecasts, cliff scans and the solver in workers (#16).
pub mod worker_compute;

use crate::i18n::Msg;

/// Installs the panic hook and renders the app into `<main id="app">`.
pub fn start() {
    install_panic_hook();
    install_trap_handler();
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    // The storage opens first (IndexedDB, a migration from localStorage,
    // the autosave read), so the first render restores the last workbook.
    store::init(move || {
        // An English page waits for the English texts (a chunk of their
        // own in the split build; on failure texts fall back to Chinese).
        lazy::with_language(browser::preferred_lang(), move |_| render(root));
    });
}

/// Mounts the app on `root` (after the store and the texts are ready).
fn render(root: web_sys::Element) {
    // The banner was filled before the texts were ready (an English page
    // in the split build had Chinese then): fill it again.
    fill_crash_banner("");
    {
        // Remove the static "loading" text; yew appends to the root.
        root.set_inner_html("");
        yew::Renderer::<app::App>::with_root(root).render();
        browser::mark("app-rendered");
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        if hash == "#bench" {
            lazy::run_bench();
        }
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
    fill_crash_banner(detail);
    reveal_crash_banner(detail);
}

/// Writes the crash banner's texts in the user's language (still hidden).
fn fill_crash_banner(detail: &str) {
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
}

/// Shows the (already filled) crash banner with `detail`.
fn reveal_crash_banner(detail: &str) {
    let doc = gloo::utils::document();
    if let Some(el) = doc.get_element_by_id("crash-detail") {
        el.set_text_content(Some(detail));
    }
    if let Some(el) = doc.get_element_by_id("crash") {
        let _ = el.remove_attribute("hidden");
    }
}

/// A wasm trap (out of memory, `unreachable` after an aborting panic) or a
/// JS stack overflow is not a Rust panic: the hook never runs, the event
/// handler that trapped is gone and the page may no longer respond. The
/// window's `error` and `unhandledrejection` events still see it; for those
/// two kinds (and only those: an extension's script error is not ours) the
/// crash banner is shown, whose reload link opens the last autosave.
/// The banner's text is filled now, so that showing it later allocates as
/// little as possible in a module that may be in a bad state.
pub fn install_trap_handler() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    fill_crash_banner("");
    let Some(win) = web_sys::window() else {
        return;
    };
    fn fatal(err: &wasm_bindgen::JsValue) -> Option<String> {
        if err.is_instance_of::<js_sys::WebAssembly::RuntimeError>() {
            return Some(String::from(js_sys::Error::from(err.clone()).message()));
        }
        if let Some(e) = err.dyn_ref::<js_sys::RangeError>() {
            let msg = String::from(e.message());
            if msg.contains("call stack") {
                return Some(msg);
            }
        }
        None
    }
    let on_error = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(|e: web_sys::ErrorEvent| {
        if let Some(detail) = fatal(&e.error()) {
            reveal_crash_banner(&detail);
        }
    });
    let on_reject = Closure::<dyn Fn(web_sys::PromiseRejectionEvent)>::new(
        |e: web_sys::PromiseRejectionEvent| {
            if let Some(detail) = fatal(&e.reason()) {
                reveal_crash_banner(&detail);
            }
        },
    );
    let _ = win.add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref());
    let _ = win
        .add_event_listener_with_callback("unhandledrejection", on_reject.as_ref().unchecked_ref());
    on_error.forget();
    on_reject.forget();
}
