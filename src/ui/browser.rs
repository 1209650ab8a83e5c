//! Thin wrappers over browser APIs (storage, navigator, performance), each
//! failing soft: a blocked localStorage or missing API never panics.

use crate::i18n::Lang;

const LANG_KEY: &str = "kpi-sandbox.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored language choice, else the browser's preference.
pub fn preferred_lang() -> Lang {
    if let Some(l) = storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|t| Lang::from_tag(&t))
    {
        return l;
    }
    let Some(window) = web_sys::window() else {
        return Lang::En;
    };
    let nav = window.navigator();
    let mut prefs: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if prefs.is_empty() {
        if let Some(l) = nav.language() {
            prefs.push(l);
        }
    }
    Lang::from_preferences(prefs.iter().map(String::as_str))
}

/// Remembers the language choice. Storage may be unavailable (private mode);
/// the choice then lasts for the session only, which is harmless.
pub fn store_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.tag());
    }
}

/// Sets `<html lang>` and the document title.
pub fn set_document_lang(lang: Lang, title: &str) {
    let doc = gloo::utils::document();
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("lang", lang.tag());
    }
    doc.set_title(title);
}

/// Milliseconds since page start (`performance.now()`), for in-browser timings.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Records a named mark so end-to-end tests can read timings from the page.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

pub const AUTOSAVE_KEY: &str = "kpi-sandbox.autosave";
const BACKUP_KEY: &str = "kpi-sandbox.autosave.backup";

/// The autosaved workbook (JSON), if any, as read when the storage opened.
pub fn load_autosave() -> Option<String> {
    super::store::autosave()
}

/// The localStorage item under `key`, if any.
pub fn load(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Removes `key` from localStorage.
pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Stores `value` under `key` in localStorage; the error's name when storage
/// refuses (full, blocked).
pub fn store(key: &str, value: &str) -> Result<(), String> {
    let s = storage().ok_or_else(|| "localStorage unavailable".to_string())?;
    s.set_item(key, value).map_err(|e| {
        e.as_string()
            .or_else(|| {
                js_sys::Reflect::get(&e, &"name".into())
                    .ok()
                    .and_then(|n| n.as_string())
            })
            .unwrap_or_else(|| "QuotaExceededError".into())
    })
}

/// Keeps an autosave that could not be restored, so it is never lost.
pub fn backup_autosave(json: &str) {
    super::store::write(
        vec![(BACKUP_KEY.to_string(), json.to_string())],
        Vec::new(),
        |_| (),
    );
}

/// Runs `f` once the page is idle (at most a second later), so work that
/// can wait (serialising the autosave) never delays a keystroke; at once
/// where the browser has no `requestIdleCallback`.
pub fn when_idle(f: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let cell = std::rc::Rc::new(std::cell::RefCell::new(Some(f)));
    let run = {
        let cell = cell.clone();
        move || {
            let f = cell.borrow_mut().take();
            if let Some(f) = f {
                f();
            }
        }
    };
    let opts = web_sys::IdleRequestOptions::new();
    opts.set_timeout(1000);
    let js = wasm_bindgen::closure::Closure::once_into_js(run.clone());
    let asked = web_sys::window()
        .map(|w| {
            w.request_idle_callback_with_options(js.unchecked_ref(), &opts)
                .is_ok()
        })
        .unwrap_or(false);
    if !asked {
        run();
    }
}

/// Saves `text` as a file named `name` through the browser's download (a
/// Blob URL: nothing leaves the machine).
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    save_parts(
        name,
        mime,
        &js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text)),
    )
}

/// The same for bytes (an .xlsx).
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    save_parts(
        name,
        mime,
        &js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)),
    )
}

fn save_parts(name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let err = |e: wasm_bindgen::JsValue| e.as_string().unwrap_or_else(|| "download failed".into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob =
        web_sys::Blob::new_with_buffer_source_sequence_and_options(parts, &opts).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let doc = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(err)?
        .dyn_into()
        .map_err(|_| "no anchor".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
    }
    a.click();
    a.remove();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The `#share=…` fragment of the address, if there is one, removed from the
/// address (so a reload does not ask again).
pub fn take_share_fragment() -> Option<String> {
    let w = web_sys::window()?;
    let loc = w.location();
    let hash = loc.hash().ok()?;
    if !hash.starts_with("#share=") {
        return None;
    }
    let clean = format!(
        "{}{}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    );
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
    }
    Some(hash)
}

/// Runs `done` with what a storage promise resolves to (`None` when the
/// browser has no `navigator.storage` or refuses).
fn on_storage_promise(
    promise: Option<js_sys::Promise>,
    done: impl FnOnce(Option<wasm_bindgen::JsValue>) + 'static,
) {
    let Some(p) = promise else {
        done(None);
        return;
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let d2 = done.clone();
    let ok = wasm_bindgen::closure::Closure::once(move |v: wasm_bindgen::JsValue| {
        if let Some(f) = done.borrow_mut().take() {
            f(Some(v));
        }
    });
    let err = wasm_bindgen::closure::Closure::once(move |_: wasm_bindgen::JsValue| {
        if let Some(f) = d2.borrow_mut().take() {
            f(None);
        }
    });
    let _ = p.then2(&ok, &err);
    ok.forget();
    err.forget();
}

/// The origin's storage: bytes used and the quota, from `navigator.storage.estimate()`.
pub fn storage_estimate(done: impl FnOnce(Option<(f64, f64)>) + 'static) {
    let p = gloo::utils::window().navigator().storage().estimate().ok();
    on_storage_promise(p, move |v| {
        let est = v.map(wasm_bindgen::JsCast::unchecked_into::<web_sys::StorageEstimate>);
        done(est.and_then(|e| Some((e.get_usage()?, e.get_quota()?))));
    });
}

/// Whether the browser keeps this origin's data under storage pressure;
/// with `ask`, asks for it (`navigator.storage.persist()`).
pub fn storage_persisted(ask: bool, done: impl FnOnce(Option<bool>) + 'static) {
    let s = gloo::utils::window().navigator().storage();
    let p = if ask {
        s.persist().ok()
    } else {
        s.persisted().ok()
    };
    on_storage_promise(p, move |v| done(v.and_then(|v| v.as_bool())));
}

/// Bytes this app keeps in localStorage (UTF-16: two per code unit), which
/// `navigator.storage.estimate()` does not count.
pub fn local_storage_bytes() -> f64 {
    let Some(s) = storage() else {
        return 0.0;
    };
    let n = s.length().unwrap_or(0);
    let mut total = 0.0;
    for i in 0..n {
        if let Some(k) = s.key(i).ok().flatten() {
            if k.starts_with("kpi-sandbox") {
                let v = s.get_item(&k).ok().flatten().unwrap_or_default();
                total += 2.0 * (k.encode_utf16().count() + v.encode_utf16().count()) as f64;
            }
        }
    }
    total
}
