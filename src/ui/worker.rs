//! The page side of the Web Worker (`src/bin/worker.rs`): started on first
//! use, kept for later requests, restarted after it dies.
//!
//! The worker's script name is content-hashed by `scripts/postbuild.mjs`,
//! which writes it into `<meta name="kpi-worker" content="./worker-….js">`;
//! a relative URL, so the site works under any sub-path. Nothing of the
//! worker is fetched before [`read_sheets`] is first called.
//!
//! Failures never touch the page's state: a worker that cannot start (no
//! script, blocked, wasm that fails to load, no answer in time) answers every
//! waiting request with [`Msg::WorkerStartFailed`]; one that dies while
//! reading answers with [`Msg::WorkerDied`] and is dropped, so the next
//! request starts a fresh one.

use crate::i18n::Msg;
use crate::io::decode::Refusal;
use crate::io::xlsx::Sheet;
use gloo::events::EventListener;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

/// What a request gets back.
pub type Answer = Result<Vec<Sheet>, Refusal>;
type Done = Box<dyn FnOnce(Answer)>;

/// How long a worker may take to say it is ready.
const START_TIMEOUT_MS: u32 = 30_000;

struct Conn {
    worker: web_sys::Worker,
    ready: bool,
    /// Requests not yet sent (the worker drops messages before it is ready).
    queue: Vec<(u32, String, js_sys::Uint8Array)>,
    /// Requests sent or queued, waiting for their answer.
    waiting: Vec<(u32, Done)>,
    _listeners: Vec<EventListener>,
    _start_timer: Option<gloo::timers::callback::Timeout>,
}

thread_local! {
    static CONN: RefCell<Option<Conn>> = const { RefCell::new(None) };
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

fn refusal(msg: Msg, detail: String) -> Refusal {
    Refusal {
        msg,
        args: vec![detail],
    }
}

/// The hashed script name from the page's `<meta name="kpi-worker">`.
pub(crate) fn script_url() -> Option<String> {
    thread_local! {
        // The page's worker never changes: read its meta once.
        static URL: std::cell::OnceCell<Option<String>> = const { std::cell::OnceCell::new() };
    }
    URL.with(|u| {
        u.get_or_init(|| {
            gloo::utils::document()
                .query_selector("meta[name=kpi-worker]")
                .ok()
                .flatten()
                .and_then(|m| m.get_attribute("content"))
                .filter(|c| !c.is_empty())
        })
        .clone()
    })
}

/// A JS error or value as text, for a refusal's detail.
pub(crate) fn js_text(v: &JsValue) -> String {
    v.as_string()
        .or_else(|| {
            v.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "error".to_string())
}

/// Ends the worker and answers everything still waiting with `msg`.
fn fail_all(msg: Msg, detail: String) {
    let conn = CONN.with(|c| c.borrow_mut().take());
    if let Some(conn) = conn {
        conn.worker.terminate();
        // This may run inside one of the worker's listeners or its timer:
        // drop those later, not while they run.
        let later = (conn._listeners, conn._start_timer);
        gloo::timers::callback::Timeout::new(0, move || drop(later)).forget();
        for (_, done) in conn.waiting {
            done(Err(refusal(msg, detail.clone())));
        }
    }
}

fn on_message(data: JsValue) {
    let Some(text) = data.as_string() else {
        return;
    };
    if text == "ready" {
        let queue = CONN.with(|c| {
            let mut c = c.borrow_mut();
            let conn = c.as_mut()?;
            conn.ready = true;
            conn._start_timer = None;
            Some((conn.worker.clone(), std::mem::take(&mut conn.queue)))
        });
        if let Some((worker, queue)) = queue {
            for (id, name, bytes) in queue {
                if let Err(e) = post(&worker, id, &name, &bytes) {
                    answer(id, Err(refusal(Msg::WorkerStartFailed, js_text(&e))));
                }
            }
        }
        return;
    }
    match crate::io::sheets::parse_reply(&text) {
        Some((id, result)) => answer(id, result),
        None => fail_all(Msg::WorkerDied, "bad reply".to_string()),
    }
}

/// Hands request `id`'s answer to its caller.
fn answer(id: u32, result: Answer) {
    let done = CONN.with(|c| {
        let mut c = c.borrow_mut();
        let conn = c.as_mut()?;
        let at = conn.waiting.iter().position(|(i, _)| *i == id)?;
        Some(conn.waiting.swap_remove(at).1)
    });
    if let Some(done) = done {
        done(result);
    }
}

fn post(
    worker: &web_sys::Worker,
    id: u32,
    name: &str,
    bytes: &js_sys::Uint8Array,
) -> Result<(), JsValue> {
    let msg = js_sys::Array::of3(
        &JsValue::from(id),
        &JsValue::from_str(name),
        &bytes.buffer(),
    );
    worker.post_message_with_transfer(&msg, &js_sys::Array::of1(&bytes.buffer()))
}

/// Starts the worker.
fn spawn() -> Result<Conn, String> {
    let url = script_url().ok_or_else(|| "no worker in this build".to_string())?;
    let worker = web_sys::Worker::new(&url).map_err(|e| js_text(&e))?;
    let on_msg = EventListener::new(&worker, "message", |e| {
        if let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() {
            on_message(e.data());
        }
    });
    let on_err = EventListener::new(&worker, "error", |e| {
        // A script that fails to load fires a plain Event; an uncaught
        // error (a trap after a panic, wasm that fails to load) an ErrorEvent.
        let detail = e
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "script".to_string());
        let ready = CONN.with(|c| c.borrow().as_ref().is_some_and(|c| c.ready));
        let msg = if ready {
            Msg::WorkerDied
        } else {
            Msg::WorkerStartFailed
        };
        fail_all(msg, detail);
    });
    let timer = gloo::timers::callback::Timeout::new(START_TIMEOUT_MS, || {
        let ready = CONN.with(|c| c.borrow().as_ref().map(|c| c.ready));
        if ready == Some(false) {
            fail_all(Msg::WorkerStartFailed, "timeout".to_string());
        }
    });
    Ok(Conn {
        worker,
        ready: false,
        queue: Vec::new(),
        waiting: Vec::new(),
        _listeners: vec![on_msg, on_err],
        _start_timer: Some(timer),
    })
}

/// Reads an `.xls`/`.ods` workbook in the worker; `done` gets the sheets or
/// why not, exactly once (at once when the worker cannot even be created).
pub fn read_sheets(name: String, bytes: &[u8], done: impl FnOnce(Answer) + 'static) {
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1).max(1));
        id
    });
    let started = CONN.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = Some(spawn()?);
        }
        Ok::<(), String>(())
    });
    if let Err(detail) = started {
        done(Err(refusal(Msg::WorkerStartFailed, detail)));
        return;
    }
    // One copy into a fresh ArrayBuffer, which is then transferred.
    let array = js_sys::Uint8Array::from(bytes);
    let send = CONN.with(|c| {
        let mut c = c.borrow_mut();
        let conn = c.as_mut()?;
        conn.waiting.push((id, Box::new(done) as Done));
        if conn.ready {
            Some(conn.worker.clone())
        } else {
            conn.queue.push((id, name.clone(), array.clone()));
            None
        }
    });
    if let Some(worker) = send {
        if let Err(e) = post(&worker, id, &name, &array) {
            answer(id, Err(refusal(Msg::WorkerDied, js_text(&e))));
        }
    }
}

/// Whether the worker is running (for tests and the bench page).
pub fn is_running() -> bool {
    CONN.with(|c| c.borrow().is_some())
}
