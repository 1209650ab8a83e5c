//! A key–value store in IndexedDB over the web-sys bindings (no crate: the
//! callbacks below are all the app needs, and `rexie`/`idb` would bring
//! futures and serde glue into a bundle that is near its budget).
//!
//! One database `kpi-sandbox`, one object store `kv`, string keys and string
//! values. Every write is one `readwrite` transaction, so a save of several
//! keys (a library entry and its index) lands whole or not at all: a refusal
//! (quota, a private window, a blocked database) aborts it and the previous
//! copy stays. Callbacks run once, from the browser's event loop; nothing here
//! blocks the page.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB_NAME: &str = "kpi-sandbox";
const STORE: &str = "kv";
const VERSION: u32 = 1;

/// A name for what went wrong: the DOMException's name (`QuotaExceededError`,
/// `InvalidStateError`…), else its text.
pub fn error_name(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "UnknownError".into())
}

fn tx_error(tx: &IdbTransaction) -> String {
    tx.error()
        .map(|e| e.name())
        .unwrap_or_else(|| "AbortError".into())
}

/// A callback that can be handed to several events and runs at most once.
type Once<T> = Rc<RefCell<Option<Box<dyn FnOnce(T)>>>>;

fn once<T: 'static>(f: impl FnOnce(T) + 'static) -> Once<T> {
    Rc::new(RefCell::new(Some(Box::new(f))))
}

fn fire<T>(cell: &Once<T>, v: T) {
    let f = cell.borrow_mut().take();
    if let Some(f) = f {
        f(v);
    }
}

/// Sets `handler` as an event listener property and leaks it for the page's
/// life (a handful of closures per operation; the alternative is keeping
/// them in the request).
fn on(set: impl FnOnce(Option<&js_sys::Function>), handler: impl FnMut(web_sys::Event) + 'static) {
    let c = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
    set(Some(c.as_ref().unchecked_ref()));
    c.forget();
}

/// Opens (creating on first use) the database; `Err` with a reason when the
/// browser has no IndexedDB, refuses it, or does not answer.
pub fn open(done: impl FnOnce(Result<IdbDatabase, String>) + 'static) {
    open_boxed(once(done))
}

fn open_boxed(done: Once<Result<IdbDatabase, String>>) {
    let factory = match web_sys::window().map(|w| w.indexed_db()) {
        Some(Ok(Some(f))) => f,
        Some(Err(e)) => return fire(&done, Err(error_name(&e))),
        _ => return fire(&done, Err("no indexedDB".into())),
    };
    let req = match factory.open_with_u32(DB_NAME, VERSION) {
        Ok(r) => r,
        Err(e) => return fire(&done, Err(error_name(&e))),
    };
    on(|f| req.set_onupgradeneeded(f), {
        let req = req.clone();
        move |_| {
            if let Ok(db) = req.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        }
    });
    on(|f| req.set_onsuccess(f), {
        let (req, done) = (req.clone(), done.clone());
        move |_| match req.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
            Ok(db) => {
                // Another tab of a newer build wants to upgrade: let it.
                on(|f| db.set_onversionchange(f), {
                    let db = db.clone();
                    move |_| db.close()
                });
                fire(&done, Ok(db));
            }
            Err(e) => fire(&done, Err(error_name(&e))),
        }
    });
    on(|f| req.set_onerror(f), {
        let (req, done) = (req.clone(), done.clone());
        move |_| {
            let why = req
                .error()
                .ok()
                .flatten()
                .map(|e| e.name())
                .unwrap_or_else(|| "open failed".into());
            fire(&done, Err(why));
        }
    });
    on(|f| req.set_onblocked(f), {
        let done = done.clone();
        move |_| fire(&done, Err("blocked".into()))
    });
    // A browser that never answers (seen in some private modes) counts as none.
    let done2 = done.clone();
    gloo::timers::callback::Timeout::new(4000, move || fire(&done2, Err("timeout".into())))
        .forget();
}

fn transaction(
    db: &IdbDatabase,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, web_sys::IdbObjectStore), String> {
    let tx = db
        .transaction_with_str_and_mode(STORE, mode)
        .map_err(|e| error_name(&e))?;
    let store = tx.object_store(STORE).map_err(|e| error_name(&e))?;
    Ok((tx, store))
}

/// Reads `keys` in one transaction: each value, or `None` where absent.
pub fn get_many(
    db: &IdbDatabase,
    keys: Vec<String>,
    done: impl FnOnce(Result<Vec<Option<String>>, String>) + 'static,
) {
    get_many_boxed(db, keys, once(done))
}

fn get_many_boxed(
    db: &IdbDatabase,
    keys: Vec<String>,
    done: Once<Result<Vec<Option<String>>, String>>,
) {
    let (tx, store) = match transaction(db, IdbTransactionMode::Readonly) {
        Ok(t) => t,
        Err(e) => return fire(&done, Err(e)),
    };
    let out: Rc<RefCell<Vec<Option<String>>>> = Rc::new(RefCell::new(vec![None; keys.len()]));
    for (i, k) in keys.iter().enumerate() {
        let req: IdbRequest = match store.get(&JsValue::from_str(k)) {
            Ok(r) => r,
            Err(e) => {
                let _ = tx.abort();
                return fire(&done, Err(error_name(&e)));
            }
        };
        on(|f| req.set_onsuccess(f), {
            let (req, out) = (req.clone(), out.clone());
            move |_| {
                let v = req.result().ok().and_then(|v| v.as_string());
                if let Some(slot) = out.borrow_mut().get_mut(i) {
                    *slot = v;
                }
            }
        });
    }
    on(|f| tx.set_oncomplete(f), {
        let (done, out) = (done.clone(), out.clone());
        move |_| fire(&done, Ok(out.take()))
    });
    let fail = {
        let (done, tx) = (done.clone(), tx.clone());
        move |_| fire(&done, Err(tx_error(&tx)))
    };
    on(|f| tx.set_onerror(f), fail.clone());
    on(|f| tx.set_onabort(f), fail);
}

/// Every key in the store.
pub fn keys(db: &IdbDatabase, done: impl FnOnce(Result<Vec<String>, String>) + 'static) {
    keys_boxed(db, once(done))
}

fn keys_boxed(db: &IdbDatabase, done: Once<Result<Vec<String>, String>>) {
    let (tx, store) = match transaction(db, IdbTransactionMode::Readonly) {
        Ok(t) => t,
        Err(e) => return fire(&done, Err(e)),
    };
    let req = match store.get_all_keys() {
        Ok(r) => r,
        Err(e) => return fire(&done, Err(error_name(&e))),
    };
    on(|f| req.set_onsuccess(f), {
        let (req, done) = (req.clone(), done.clone());
        move |_| {
            let keys = req
                .result()
                .ok()
                .map(|v| {
                    js_sys::Array::from(&v)
                        .iter()
                        .filter_map(|k| k.as_string())
                        .collect()
                })
                .unwrap_or_default();
            fire(&done, Ok(keys))
        }
    });
    let fail = {
        let (done, tx) = (done.clone(), tx.clone());
        move |_| fire(&done, Err(tx_error(&tx)))
    };
    on(|f| tx.set_onerror(f), fail.clone());
    on(|f| tx.set_onabort(f), fail);
}

/// Writes `puts` and removes `deletes` in one transaction: `Ok` once it is
/// committed (on disk as far as the browser goes), else the reason, with
/// nothing changed.
pub fn write(
    db: &IdbDatabase,
    puts: Vec<(String, String)>,
    deletes: Vec<String>,
    done: impl FnOnce(Result<(), String>) + 'static,
) {
    write_boxed(db, puts, deletes, once(done))
}

fn write_boxed(
    db: &IdbDatabase,
    puts: Vec<(String, String)>,
    deletes: Vec<String>,
    done: Once<Result<(), String>>,
) {
    let (tx, store) = match transaction(db, IdbTransactionMode::Readwrite) {
        Ok(t) => t,
        Err(e) => return fire(&done, Err(e)),
    };
    for (k, v) in &puts {
        if let Err(e) = store.put_with_key(&JsValue::from_str(v), &JsValue::from_str(k)) {
            let _ = tx.abort();
            return fire(&done, Err(error_name(&e)));
        }
    }
    for k in &deletes {
        if let Err(e) = store.delete(&JsValue::from_str(k)) {
            let _ = tx.abort();
            return fire(&done, Err(error_name(&e)));
        }
    }
    on(|f| tx.set_oncomplete(f), {
        let done = done.clone();
        move |_| fire(&done, Ok(()))
    });
    let fail = {
        let (done, tx) = (done.clone(), tx.clone());
        move |_| fire(&done, Err(tx_error(&tx)))
    };
    on(|f| tx.set_onerror(f), fail.clone());
    on(|f| tx.set_onabort(f), fail);
    // Commit now rather than when the page's event loop next notices the
    // transaction is idle: a write started as the page is hidden or left
    // (the autosave's flush on `pagehide`) still reaches the disk. A browser
    // without `commit()` auto-commits as before. (Called through Reflect:
    // web-sys marks its binding deprecated.)
    if let Ok(f) = js_sys::Reflect::get(&tx, &JsValue::from_str("commit")) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(&tx);
        }
    }
}
