//! Where the autosave and the workbook library live: IndexedDB ([`super::idb`])
//! when the browser has it, else localStorage, with a notice (#20).
//!
//! [`init`] runs once before the app renders: it opens the database, moves
//! the keys older builds kept in localStorage (`kpi-sandbox.autosave*`,
//! `kpi-sandbox.library*`) into it, and reads the autosave so the first
//! render can restore it synchronously. The migration loses nothing: a key is
//! copied only where the database lacks it, read back, and removed from
//! localStorage only when the copy read back equals it; a key whose database
//! copy differs is left in localStorage untouched. If the database cannot be
//! opened or written, the session keeps using localStorage as before.
//!
//! Reads and writes are asynchronous (callbacks) in both backends, so callers
//! are written once. A write of several keys is one transaction in IndexedDB;
//! in localStorage it is undone key by key when one is refused.

use super::browser;
use super::idb;
use crate::i18n::Msg;
use crate::ui::state::Notice;
use std::cell::RefCell;
use web_sys::IdbDatabase;

enum Backend {
    Idb(IdbDatabase),
    Local,
}

thread_local! {
    static BACKEND: RefCell<Backend> = const { RefCell::new(Backend::Local) };
    static AUTOSAVE: RefCell<Option<String>> = const { RefCell::new(None) };
    static START_NOTICE: RefCell<Option<Notice>> = const { RefCell::new(None) };
    static CHANNEL: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
}

/// Keys that belong to the autosave and the library (moved by the migration).
pub fn is_workbook_key(k: &str) -> bool {
    let autosave = browser::AUTOSAVE_KEY;
    let library = crate::io::library::index_key();
    k == autosave
        || k.strip_prefix(autosave).is_some_and(|r| r.starts_with('.'))
        || k == library
        || k.strip_prefix(library).is_some_and(|r| r.starts_with('.'))
}

/// True when this session stores in localStorage (IndexedDB unavailable).
pub fn is_local() -> bool {
    BACKEND.with(|b| matches!(*b.borrow(), Backend::Local))
}

/// The autosave read at start-up, if any.
pub fn autosave() -> Option<String> {
    AUTOSAVE.with(|a| a.borrow().clone())
}

/// A notice from start-up (fallback, migration), taken once by the app.
pub fn take_start_notice() -> Option<Notice> {
    START_NOTICE.with(|n| n.borrow_mut().take())
}

fn db() -> Option<IdbDatabase> {
    BACKEND.with(|b| match &*b.borrow() {
        Backend::Idb(db) => Some(db.clone()),
        Backend::Local => None,
    })
}

fn notice(msg: Msg, args: Vec<String>, error: bool) {
    START_NOTICE.with(|n| *n.borrow_mut() = Some(Notice { msg, args, error }));
}

/// Opens the storage (see the module doc), then calls `ready`.
pub fn init(ready: impl FnOnce() + 'static) {
    idb::open(move |r| match r {
        Ok(db) => migrate(db, Box::new(ready)),
        Err(why) => {
            web_sys::console::warn_1(&format!("IndexedDB unavailable: {why}").into());
            notice(Msg::StorageFallback, Vec::new(), true);
            preload(Box::new(ready));
        }
    });
}

fn local_workbook_items() -> Vec<(String, String)> {
    let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return Vec::new();
    };
    let n = s.length().unwrap_or(0);
    let mut out = Vec::new();
    for i in 0..n {
        if let Some(k) = s.key(i).ok().flatten() {
            if is_workbook_key(&k) {
                if let Some(v) = s.get_item(&k).ok().flatten() {
                    out.push((k, v));
                }
            }
        }
    }
    crate::model::order::sort(&mut out);
    out
}

fn give_up(why: String, ready: Box<dyn FnOnce()>) {
    web_sys::console::warn_1(&format!("migration to IndexedDB failed: {why}").into());
    notice(Msg::StorageMigrateFailed, vec![why], true);
    preload(ready);
}

fn migrate(db: IdbDatabase, ready: Box<dyn FnOnce()>) {
    let local = local_workbook_items();
    if local.is_empty() {
        BACKEND.with(|b| *b.borrow_mut() = Backend::Idb(db));
        return preload(ready);
    }
    let keys: Vec<String> = local.iter().map(|(k, _)| k.clone()).collect();
    let db2 = db.clone();
    idb::get_many(&db, keys.clone(), move |r| {
        let there = match r {
            Ok(v) => v,
            Err(e) => return give_up(e, ready),
        };
        let puts: Vec<(String, String)> = local
            .iter()
            .zip(&there)
            .filter(|(_, t)| t.is_none())
            .map(|(kv, _)| kv.clone())
            .collect();
        let moved = puts.len();
        let db3 = db2.clone();
        idb::write(&db2, puts, Vec::new(), move |r| {
            if let Err(e) = r {
                return give_up(e, ready);
            }
            // Read back; only what equals its localStorage original goes.
            idb::get_many(&db3.clone(), keys, move |r| {
                let back = match r {
                    Ok(v) => v,
                    Err(e) => return give_up(e, ready),
                };
                for ((k, v), b) in local.iter().zip(&back) {
                    if b.as_deref() == Some(v.as_str()) {
                        browser::remove(k);
                    }
                }
                BACKEND.with(|b| *b.borrow_mut() = Backend::Idb(db3));
                if moved > 0 {
                    notice(Msg::StorageMigrated, vec![moved.to_string()], false);
                }
                preload(ready);
            });
        });
    });
}

fn preload(ready: Box<dyn FnOnce()>) {
    get(browser::AUTOSAVE_KEY, move |v| {
        AUTOSAVE.with(|a| *a.borrow_mut() = v.ok().flatten());
        ready();
    });
}

/// The value stored under `key` (`Ok(None)` when absent).
pub fn get(key: &str, done: impl FnOnce(Result<Option<String>, String>) + 'static) {
    get_many(vec![key.to_string()], move |r| {
        done(r.map(|v| v.into_iter().next().flatten()))
    });
}

/// The values under `keys`, read together.
pub fn get_many(
    keys: Vec<String>,
    done: impl FnOnce(Result<Vec<Option<String>>, String>) + 'static,
) {
    match db() {
        Some(db) => idb::get_many(&db, keys, done),
        None => done(Ok(keys.iter().map(|k| browser::load(k)).collect())),
    }
}

/// Every stored key that starts with `prefix`.
pub fn keys_with_prefix(prefix: &str, done: impl FnOnce(Vec<String>) + 'static) {
    let prefix = prefix.to_string();
    match db() {
        Some(db) => idb::keys(&db, move |r| {
            done(
                r.unwrap_or_default()
                    .into_iter()
                    .filter(|k| k.starts_with(&prefix))
                    .collect(),
            )
        }),
        None => done(
            local_workbook_items()
                .into_iter()
                .map(|(k, _)| k)
                .filter(|k| k.starts_with(&prefix))
                .collect(),
        ),
    }
}

/// Stores `puts` and removes `deletes` together: all or nothing. `Err` names
/// the browser's refusal (`QuotaExceededError`…), the previous values intact.
pub fn write(
    puts: Vec<(String, String)>,
    deletes: Vec<String>,
    done: impl FnOnce(Result<(), String>) + 'static,
) {
    match db() {
        Some(db) => idb::write(&db, puts, deletes, done),
        None => done(write_local(&puts, &deletes)),
    }
}

fn write_local(puts: &[(String, String)], deletes: &[String]) -> Result<(), String> {
    let before: Vec<(String, Option<String>)> = puts
        .iter()
        .map(|(k, _)| (k.clone(), browser::load(k)))
        .collect();
    for (k, v) in puts {
        if let Err(e) = browser::store(k, v) {
            for (k, old) in &before {
                match old {
                    Some(old) => {
                        let _ = browser::store(k, old);
                    }
                    None => browser::remove(k),
                }
            }
            return Err(e);
        }
    }
    for k in deletes {
        browser::remove(k);
    }
    Ok(())
}

fn channel() -> Option<web_sys::BroadcastChannel> {
    CHANNEL.with(|c| {
        if c.borrow().is_none() {
            *c.borrow_mut() = web_sys::BroadcastChannel::new("kpi-sandbox.autosave").ok();
        }
        c.borrow().clone()
    })
}

/// Tells the other tabs of this browser that this tab autosaved.
pub fn announce_autosave() {
    if let Some(c) = channel() {
        let _ = c.post_message(&"autosaved".into());
    }
}

/// Calls `f` whenever another tab announces an autosave (for the page's life).
pub fn on_other_autosave(f: impl Fn() + 'static) {
    if let Some(c) = channel() {
        let cb = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |_: web_sys::MessageEvent| f(),
        );
        c.set_onmessage(Some(wasm_bindgen::JsCast::unchecked_ref(cb.as_ref())));
        cb.forget();
    }
}
