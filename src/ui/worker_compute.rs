//! The page side of the compute workers (#16): forecasts, cliff scans and
//! the budget solver run in Web Workers (the same `worker` binary that
//! reads .xls/.ods; its protocol for this is in `src/bin/worker/compute.rs`),
//! several workers at once, each taking the run's next request when done
//! with one (the forecast's guided ranges).
//!
//! A run leases workers: ready ones left idle by an earlier run, else new
//! ones (nothing is fetched before the first run). A finished run gives its
//! workers back; a stopped one terminates them (a worker computes without
//! pausing, so stopping is ending it). The caller hears of each reply, of a
//! worker that could not start (so it can compute on the page instead) and
//! of one that died; none of these touches the page's state by itself.

use crate::model::forecast::{CliffPart, ForecastResult, Partial};
use gloo::events::EventListener;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// How long a new worker may take to say it is ready.
const START_TIMEOUT_MS: u32 = 15_000;
/// How often a run checks whether it was stopped.
const CANCEL_POLL_MS: u32 = 50;

/// One worker's share of a job.
#[derive(Clone, Debug)]
pub struct Request {
    /// `mc`, `cliff` or `solve`.
    pub kind: &'static str,
    pub json: String,
    pub start: usize,
    pub end: usize,
    /// More to send after `end` (the forecast's parts for `mc-result`),
    /// with the buffers to transfer rather than copy.
    pub extra: Option<(js_sys::Array, js_sys::Array)>,
}

/// A share of a forecast's months as it came from a worker: the buffers
/// stay JavaScript arrays (the page never copies the agents' pays into its
/// own memory; they go on to the worker that builds the result).
#[derive(Clone, Debug)]
pub struct MonthsPart {
    pub start: usize,
    pub totals: js_sys::Float64Array,
    pub pays: js_sys::Float64Array,
}

impl MonthsPart {
    /// Months in this part.
    pub fn months(&self) -> usize {
        self.totals.length() as usize
    }

    /// The part as the model's [`Partial`] (copies it into this memory).
    pub fn to_partial(&self) -> Partial {
        Partial {
            start: self.start,
            totals: self.totals.to_vec(),
            pays: self.pays.to_vec(),
        }
    }

    /// `[start, totals, pays]`, as `mc-result` takes it.
    pub fn to_js(&self) -> js_sys::Array {
        [
            JsValue::from(self.start as f64),
            self.totals.clone().into(),
            self.pays.clone().into(),
        ]
        .iter()
        .collect()
    }
}

/// What a worker sends back.
#[derive(Clone, Debug)]
pub enum Reply {
    Months(MonthsPart),
    /// A whole forecast's result, built in a worker from its parts.
    Forecast(Box<ForecastResult>),
    Cliffs(CliffPart),
    /// The solution (value, total, total one step above), or none: refused.
    Solved(Option<(f64, f64, Option<f64>)>),
}

/// What the caller of [`start`] hears.
pub enum Event {
    Reply(Reply),
    /// A worker could not start (no script, blocked, failed to load, timeout).
    StartFailed(String),
    /// A worker stopped while working (out of memory, a trap) or answered nonsense.
    Died(String),
}

struct Slot {
    worker: web_sys::Worker,
    ready: bool,
    /// The request, until the worker is ready for it.
    pending: Option<(js_sys::Array, js_sys::Array)>,
    /// Whether its last reply came.
    finished: bool,
    listeners: Vec<EventListener>,
}

struct Run {
    slots: Vec<Slot>,
    /// Requests not yet sent: each goes to the first worker done with its
    /// last one (in order).
    queue: std::collections::VecDeque<(js_sys::Array, js_sys::Array)>,
    over: bool,
    timers: Vec<Box<dyn std::any::Any>>,
}

thread_local! {
    /// Ready workers with nothing to do.
    static IDLE: RefCell<Vec<web_sys::Worker>> = const { RefCell::new(Vec::new()) };
    static NEXT_JOB: Cell<u32> = const { Cell::new(1) };
    /// Runs not yet ended: held here so a run lives until it ends, whatever
    /// its caller keeps.
    static ACTIVE: RefCell<Vec<Rc<RefCell<Run>>>> = const { RefCell::new(Vec::new()) };
}

/// Workers to use: `navigator.hardwareConcurrency`, at least 1, at most 8.
pub fn worker_count() -> usize {
    let n = web_sys::window()
        .map(|w| w.navigator().hardware_concurrency())
        .unwrap_or(1.0);
    if n.is_finite() {
        (n as usize).clamp(1, 8)
    } else {
        1
    }
}

use super::worker::{js_text, script_url};

/// A running job's handle: dropping it does nothing (the run lives until it
/// ends); [`Lease::stop`] ends it.
#[derive(Clone)]
pub struct Lease {
    run: Rc<RefCell<Run>>,
}

impl Lease {
    /// Terminates the run's workers (they are not reused).
    pub fn stop(&self) {
        end(&self.run, false);
    }
}

/// Ends a run: its workers go back to the idle list (`reuse`) or are
/// terminated; listeners and timers are dropped later, not inside their own
/// callbacks.
fn end(run: &Rc<RefCell<Run>>, reuse: bool) {
    let (slots, timers) = {
        let mut r = run.borrow_mut();
        if r.over {
            return;
        }
        r.over = true;
        (std::mem::take(&mut r.slots), std::mem::take(&mut r.timers))
    };
    let held = ACTIVE.with(|a| {
        let mut a = a.borrow_mut();
        a.iter()
            .position(|x| Rc::ptr_eq(x, run))
            .map(|i| a.swap_remove(i))
    });
    let mut later: Vec<EventListener> = Vec::new();
    for s in slots {
        if reuse && s.ready && s.finished {
            IDLE.with(|i| i.borrow_mut().push(s.worker.clone()));
        } else {
            s.worker.terminate();
        }
        later.extend(s.listeners);
    }
    gloo::timers::callback::Timeout::new(0, move || drop((later, timers, held))).forget();
}

/// The request message and what to transfer with it.
fn request_array(job: u32, r: &Request) -> (js_sys::Array, js_sys::Array) {
    let msg: js_sys::Array = [
        JsValue::from_str(r.kind),
        JsValue::from(job),
        JsValue::from_str(&r.json),
        JsValue::from(r.start as f64),
        JsValue::from(r.end as f64),
    ]
    .iter()
    .collect();
    match &r.extra {
        Some((more, transfer)) => {
            msg.push(more);
            (msg, transfer.clone())
        }
        None => (msg, js_sys::Array::new()),
    }
}

/// A forecast's result from the flat array the worker sends (see
/// `src/bin/worker/compute.rs`, `encode_result`).
fn decode_result(a: &js_sys::Float64Array) -> Option<ForecastResult> {
    let v = a.to_vec();
    let mut it = v.into_iter();
    let mut next = || it.next();
    let months = next()? as usize;
    let mean = next()?;
    let (p5, p50, p95) = (next()?, next()?, next()?);
    let over = next()?;
    let per_agent_months = next()? as usize;
    let bins = next()? as usize;
    let mut histogram = Vec::with_capacity(bins.min(1_000));
    for _ in 0..bins {
        histogram.push((next()?, next()?, next()? as usize));
    }
    let agents = next()? as usize;
    let mut per_agent = Vec::with_capacity(agents.min(1_000_000));
    for _ in 0..agents {
        per_agent.push((next()? as usize, next()?, next()?, next()?));
    }
    Some(ForecastResult {
        months,
        mean,
        p5,
        p50,
        p95,
        p_over_budget: (!over.is_nan()).then_some(over),
        histogram,
        per_agent,
        per_agent_months,
    })
}

fn parse(job: u32, data: &JsValue) -> Option<(Reply, bool)> {
    let a = data.dyn_ref::<js_sys::Array>()?;
    let kind = a.get(0).as_string()?;
    if a.get(1).as_f64()? as u32 != job {
        return None;
    }
    match kind.as_str() {
        "mc-part" => {
            let start = a.get(2).as_f64()? as usize;
            let totals = a.get(3).dyn_into::<js_sys::Float64Array>().ok()?;
            let pays = a.get(4).dyn_into::<js_sys::Float64Array>().ok()?;
            let last = a.get(5).as_bool()?;
            Some((
                Reply::Months(MonthsPart {
                    start,
                    totals,
                    pays,
                }),
                last,
            ))
        }
        "mc-result" => {
            let flat = a.get(2).dyn_into::<js_sys::Float64Array>().ok()?;
            Some((Reply::Forecast(Box::new(decode_result(&flat)?)), true))
        }
        "cliff-part" => {
            let part: CliffPart = serde_json::from_str(&a.get(2).as_string()?).ok()?;
            Some((Reply::Cliffs(part), a.get(3).as_bool()?))
        }
        "solve-done" => {
            let r: Option<(f64, f64, Option<f64>)> =
                serde_json::from_str(&a.get(2).as_string()?).ok()?;
            Some((Reply::Solved(r), true))
        }
        _ => None,
    }
}

/// Starts `workers` workers (no more than there are requests) on the first
/// requests; each worker done with one takes the next still unsent, in
/// order. `on_event` hears every reply and failure until the run ends (all
/// last replies in, a failure, or `stop` set). Fails at once when no worker
/// can even be created.
pub fn start(
    requests: Vec<Request>,
    workers: usize,
    stop: Rc<Cell<bool>>,
    on_event: Rc<dyn Fn(Event)>,
) -> Result<Lease, String> {
    let job = NEXT_JOB.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1).max(1));
        id
    });
    let used = workers.clamp(1, requests.len().max(1));
    let run = Rc::new(RefCell::new(Run {
        slots: Vec::new(),
        queue: requests
            .iter()
            .skip(used)
            .map(|r| request_array(job, r))
            .collect(),
        over: false,
        timers: Vec::new(),
    }));
    for (k, r) in requests.iter().take(used).enumerate() {
        let reused = IDLE.with(|i| i.borrow_mut().pop());
        let (worker, ready) = match reused {
            Some(w) => (w, true),
            None => {
                let url = script_url().ok_or_else(|| "no worker in this build".to_string());
                let made = url.and_then(|u| web_sys::Worker::new(&u).map_err(|e| js_text(&e)));
                match made {
                    Ok(w) => (w, false),
                    Err(e) => {
                        end(&run, true);
                        return Err(e);
                    }
                }
            }
        };
        let weak = Rc::downgrade(&run);
        let on_ev = on_event.clone();
        let on_msg = EventListener::new(&worker, "message", move |e| {
            let Some(run) = weak.upgrade() else { return };
            let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
                return;
            };
            let data = e.data();
            if data.as_string().as_deref() == Some("ready") {
                let send = {
                    let mut r = run.borrow_mut();
                    r.slots.get_mut(k).and_then(|s| {
                        s.ready = true;
                        s.pending.take().map(|m| (s.worker.clone(), m))
                    })
                };
                if let Some((w, (m, t))) = send {
                    if let Err(e) = w.post_message_with_transfer(&m, &t) {
                        end(&run, false);
                        on_ev(Event::StartFailed(js_text(&e)));
                    }
                }
                return;
            }
            if data.is_string() {
                // A file reply (the panic hook's answer): not ours.
                return;
            }
            if run.borrow().over {
                return;
            }
            match parse(job, &data) {
                Some((reply, last)) => {
                    let (all, next) = {
                        let mut r = run.borrow_mut();
                        // A worker done with its request takes the next one.
                        let next = if last { r.queue.pop_front() } else { None };
                        let worker = r.slots.get(k).map(|s| s.worker.clone());
                        if let Some(s) = r.slots.get_mut(k) {
                            s.finished |= last && next.is_none();
                        }
                        (r.slots.iter().all(|s| s.finished), next.zip(worker))
                    };
                    if let Some(((m, t), w)) = next {
                        if let Err(e) = w.post_message_with_transfer(&m, &t) {
                            end(&run, false);
                            on_ev(Event::Died(js_text(&e)));
                            return;
                        }
                    }
                    if all {
                        end(&run, true);
                    }
                    on_ev(Event::Reply(reply));
                }
                None => {
                    let text = js_sys::Array::from(&data)
                        .get(2)
                        .as_string()
                        .unwrap_or_else(|| "bad reply".to_string());
                    end(&run, false);
                    on_ev(Event::Died(text));
                }
            }
        });
        let weak = Rc::downgrade(&run);
        let on_ev = on_event.clone();
        let on_err = EventListener::new(&worker, "error", move |e| {
            let Some(run) = weak.upgrade() else { return };
            let detail = e
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "script".to_string());
            let ready = run.borrow().slots.get(k).is_some_and(|s| s.ready);
            if run.borrow().over {
                return;
            }
            end(&run, false);
            on_ev(if ready {
                Event::Died(detail)
            } else {
                Event::StartFailed(detail)
            });
        });
        let msg = request_array(job, r);
        let pending = if ready {
            if let Err(e) = worker.post_message_with_transfer(&msg.0, &msg.1) {
                end(&run, false);
                return Err(js_text(&e));
            }
            None
        } else {
            Some(msg)
        };
        run.borrow_mut().slots.push(Slot {
            worker,
            ready,
            pending,
            finished: false,
            listeners: vec![on_msg, on_err],
        });
    }
    let weak = Rc::downgrade(&run);
    let on_ev = on_event.clone();
    let timeout = gloo::timers::callback::Timeout::new(START_TIMEOUT_MS, move || {
        let Some(run) = weak.upgrade() else { return };
        let late = {
            let r = run.borrow();
            !r.over && r.slots.iter().any(|s| !s.ready)
        };
        if late {
            end(&run, false);
            on_ev(Event::StartFailed("timeout".to_string()));
        }
    });
    let weak = Rc::downgrade(&run);
    let poll = gloo::timers::callback::Interval::new(CANCEL_POLL_MS, move || {
        if stop.get() {
            if let Some(run) = weak.upgrade() {
                end(&run, false);
            }
        }
    });
    {
        let mut r = run.borrow_mut();
        r.timers.push(Box::new(timeout));
        r.timers.push(Box::new(poll));
    }
    ACTIVE.with(|a| a.borrow_mut().push(run.clone()));
    Ok(Lease { run })
}
