//! The Web Worker binary (Trunk `data-type="worker"`): reads `.xls` and
//! `.ods` workbooks off the page's thread with calamine
//! ([`kpi_sandbox::io::sheets`]). It is the only binary that links calamine,
//! and the page starts it only when such a file is opened (see
//! `src/ui/worker.rs` for the page side and the protocol).
//!
//! Protocol: once its message handler is set, the worker posts the text
//! `ready`. Each request is an array `[id, file name, ArrayBuffer]` (the
//! buffer transferred, not copied); each answer is the text of
//! `io::sheets::reply_text` (CSV records). A panic (calamine still has some on damaged files) posts
//! the file kind's "damaged" refusal for the request being read, then the
//! module traps (release builds abort on panic) and the page sees
//! the worker's `error` event.
//!
//! It also runs forecasts, cliff scans and the budget solver for the page
//! (`compute`, protocol in `src/bin/worker/compute.rs`); those requests are
//! arrays led by a text tag, told apart before the file protocol reads them.
//!
//! Natively there is nothing to run; `cargo test` only checks it compiles.

fn main() {
    #[cfg(target_arch = "wasm32")]
    serve::start();
}

/// Forecasts, cliff scans and the budget solver (#16): `src/bin/worker/compute.rs`.
#[cfg(target_arch = "wasm32")]
#[path = "worker/compute.rs"]
mod compute;

#[cfg(target_arch = "wasm32")]
mod serve {
    use kpi_sandbox::io::sheets::{answer, crashed, kind_of, reply_text, Kind, Reply};
    use std::cell::Cell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    thread_local! {
        /// The request being read and its kind, for the panic hook's answer.
        static CURRENT: Cell<(u32, Option<Kind>)> = const { Cell::new((0, None)) };
    }

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    pub fn start() {
        // A panic inside the reader means a file it cannot read: answer
        // with that kind's "damaged file" refusal; the module then traps.
        std::panic::set_hook(Box::new(|info| {
            let (id, kind) = CURRENT.with(Cell::get);
            let detail = info.payload_as_str().unwrap_or("panic").to_string();
            let text = reply_text(id, &Reply::Refused(crashed(kind, detail)));
            let _ = scope().post_message(&JsValue::from_str(&text));
        }));
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(|e: MessageEvent| {
            if crate::compute::handle(&e.data()) {
                return;
            }
            let data = js_sys::Array::from(&e.data());
            let id = data.get(0).as_f64().unwrap_or(0.0) as u32;
            let name = data.get(1).as_string().unwrap_or_default();
            let bytes = js_sys::Uint8Array::new(&data.get(2)).to_vec();
            CURRENT.with(|c| c.set((id, kind_of(&bytes, &name))));
            let text = answer(id, &bytes, &name);
            let _ = scope().post_message(&JsValue::from_str(&text));
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let _ = scope().post_message(&JsValue::from_str("ready"));
    }
}
