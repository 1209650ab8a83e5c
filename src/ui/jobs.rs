//! Long computations (the Monte Carlo forecast, the pay-cliff scan, the
//! budget solver) run in Web Workers on every core (`worker_compute`), so
//! the page's thread only merges results and shows progress. When no worker
//! can start (CSP, a missing file) they run here instead, in time slices of
//! about 30 ms between browser frames, with a notice; the page keeps
//! responding, shows progress and can stop them either way.
//!
//! A forecast's months go out in guided ranges (long ones first, short ones
//! at the end), each to the first worker free, so the workers finish
//! together whatever their speed. They come back as JavaScript arrays that
//! the page only holds: when all are in, one worker merges them and computes the
//! percentiles, histogram and per-agent ranges ([`forecast`]), so the page
//! never copies or sorts the agents' pays (2 M numbers: ≈ 0.1–0.2 s).
//!
//! A job's numbers do not depend on where it ran: a forecast split across
//! workers merges to the same bits as one run (`model::forecast::parts`).

use super::browser::now_ms;
use super::worker_compute::{self, Event, MonthsPart, Reply, Request};
use crate::i18n::Msg;
use crate::model::forecast::{
    guided, split, CliffScan, Forecast, ForecastResult, ForecastSpec, SolveReply, SolveSpec,
};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::Callback;

/// Work that advances in chunks.
pub trait Chunked: 'static {
    /// Does up to `n` units; true when finished.
    fn advance(&mut self, n: usize) -> bool;
    /// Units done and units in all.
    fn done_of(&self) -> (usize, usize);
    /// The requests that run it in up to `workers` Web Workers, if it can run there.
    fn requests(&self, _workers: usize) -> Option<Vec<Request>> {
        None
    }
    /// Takes in a worker's reply.
    fn take(&mut self, _reply: Reply) {}
}

impl Chunked for Forecast {
    fn advance(&mut self, n: usize) -> bool {
        self.run(n)
    }
    fn done_of(&self) -> (usize, usize) {
        self.progress()
    }
    // In workers a forecast runs through [`forecast`], which builds its
    // result in a worker too; here it only runs on the page.
}

impl Chunked for CliffScan {
    fn advance(&mut self, n: usize) -> bool {
        self.run(n)
    }
    fn done_of(&self) -> (usize, usize) {
        self.progress()
    }
    fn requests(&self, workers: usize) -> Option<Vec<Request>> {
        let json = serde_json::to_string(self.spec()).ok()?;
        let agents = self.progress().1;
        Some(
            split(agents, workers)
                .into_iter()
                .map(|(start, end)| Request {
                    kind: "cliff",
                    json: json.clone(),
                    start,
                    end,
                    extra: None,
                })
                .collect(),
        )
    }
    fn take(&mut self, reply: Reply) {
        if let Reply::Cliffs(p) = reply {
            self.absorb(p);
        }
    }
}

/// Something the panel should say about a run: how it ran, or why it stopped.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub msg: Msg,
    pub args: Vec<String>,
    /// The run ended without a result (the previous one stays shown).
    pub ended: bool,
}

/// The longest a slice runs before yielding to the browser.
const SLICE_MS: f64 = 30.0;
/// The shortest time between two progress updates from workers.
const PROGRESS_MS: f64 = 100.0;

/// Runs the job in `slot` until it finishes or `cancel` is set; `on_tick`
/// gets `true` once when finished, `false` after progress.
pub fn run<J: Chunked>(
    slot: Rc<RefCell<Option<J>>>,
    cancel: Rc<Cell<bool>>,
    chunk: usize,
    on_tick: Callback<bool>,
) {
    run_noting(slot, cancel, chunk, on_tick, Callback::noop());
}

/// [`run`], also telling `on_note` how it ran (workers, or on the page and
/// why) and when a worker died (then `on_tick` is not called again).
pub fn run_noting<J: Chunked>(
    slot: Rc<RefCell<Option<J>>>,
    cancel: Rc<Cell<bool>>,
    chunk: usize,
    on_tick: Callback<bool>,
    on_note: Callback<Note>,
) {
    let workers = worker_compute::worker_count();
    let requests = slot.borrow().as_ref().and_then(|j| j.requests(workers));
    let Some(requests) = requests.filter(|r| !r.is_empty()) else {
        slices(slot, cancel, chunk, on_tick);
        return;
    };
    let used = requests.len();
    // Set once the run falls back to the page, so late worker events are ignored.
    let moved = Rc::new(Cell::new(false));
    // Progress is shown at most every PROGRESS_MS, so replies from many
    // workers do not re-render the panel for each one.
    let last_tick = Rc::new(Cell::new(now_ms()));
    let on_event: Rc<dyn Fn(Event)> = {
        let (slot, cancel, on_tick, on_note, moved) = (
            slot.clone(),
            cancel.clone(),
            on_tick.clone(),
            on_note.clone(),
            moved.clone(),
        );
        let last_tick = last_tick.clone();
        Rc::new(move |ev: Event| {
            if cancel.get() || moved.get() {
                return;
            }
            match ev {
                Event::Reply(reply) => {
                    let finished = {
                        let mut guard = slot.borrow_mut();
                        let Some(job) = guard.as_mut() else { return };
                        job.take(reply);
                        let (done, all) = job.done_of();
                        done >= all
                    };
                    if finished {
                        on_note.emit(Note {
                            msg: Msg::McWorkers,
                            args: vec![used.to_string()],
                            ended: false,
                        });
                    }
                    if finished || now_ms() - last_tick.get() > PROGRESS_MS {
                        last_tick.set(now_ms());
                        on_tick.emit(finished);
                    }
                }
                Event::StartFailed(detail) => {
                    moved.set(true);
                    notify(&on_note, Msg::CalcFallback, detail, false);
                    slices(slot.clone(), cancel.clone(), chunk, on_tick.clone());
                }
                Event::Died(detail) => {
                    moved.set(true);
                    notify(&on_note, Msg::CalcDied, detail, true);
                }
            }
        })
    };
    if let Err(detail) = worker_compute::start(requests, used, cancel.clone(), on_event) {
        notify(&on_note, Msg::CalcFallback, detail, false);
        slices(slot, cancel, chunk, on_tick);
    }
}

/// Runs the job on the page, slice by slice.
fn slices<J: Chunked>(
    slot: Rc<RefCell<Option<J>>>,
    cancel: Rc<Cell<bool>>,
    chunk: usize,
    on_tick: Callback<bool>,
) {
    gloo::timers::callback::Timeout::new(0, move || {
        if cancel.get() {
            return;
        }
        let start = now_ms();
        let finished = {
            let mut guard = slot.borrow_mut();
            let Some(job) = guard.as_mut() else {
                return;
            };
            loop {
                if job.advance(chunk) {
                    break true;
                }
                if now_ms() - start > SLICE_MS {
                    break false;
                }
            }
        };
        on_tick.emit(finished);
        if !finished {
            slices(slot, cancel, chunk, on_tick);
        }
    })
    .forget();
}

/// Runs the budget solver in a worker (on the page when none can start);
/// `done` gets the answer once, or why there is none.
pub fn solve(spec: SolveSpec, done: Callback<SolveReply>) {
    let Ok(json) = serde_json::to_string(&spec) else {
        done.emit(spec.solve());
        return;
    };
    let request = Request {
        kind: "solve",
        json,
        start: 0,
        end: 0,
        extra: None,
    };
    let answered = Rc::new(Cell::new(false));
    let on_event: Rc<dyn Fn(Event)> = {
        let (spec, done, answered) = (spec.clone(), done.clone(), answered.clone());
        Rc::new(move |ev: Event| {
            if answered.replace(true) {
                return;
            }
            match ev {
                Event::Reply(Reply::Solved(Some(r))) => done.emit(Ok(r)),
                Event::Reply(Reply::Solved(None)) => done.emit(spec.solve()),
                Event::Reply(_) | Event::Died(_) => {
                    let detail = match ev {
                        Event::Died(d) => d,
                        _ => "bad reply".to_string(),
                    };
                    done.emit(Err((Msg::SolveStopped, vec![detail])));
                }
                Event::StartFailed(_) => done.emit(spec.solve()),
            }
        })
    };
    if worker_compute::start(vec![request], 1, Rc::new(Cell::new(false)), on_event).is_err() {
        done.emit(spec.solve());
    }
}

/// What a forecast run tells its panel.
#[derive(Clone, Debug)]
pub enum Tick {
    /// Months done, months in all.
    Progress(usize, usize),
    Done(Rc<ForecastResult>),
}

/// The months that came back from workers, held as JavaScript arrays.
#[derive(Default)]
struct Parts {
    list: Vec<MonthsPart>,
    filled: usize,
}

impl Parts {
    /// `[[start, totals, pays]…]` and the buffers to transfer.
    fn to_js(&self) -> (js_sys::Array, js_sys::Array) {
        let (list, transfer) = (js_sys::Array::new(), js_sys::Array::new());
        for p in &self.list {
            list.push(&p.to_js());
            transfer.push(&p.totals.buffer());
            transfer.push(&p.pays.buffer());
        }
        (list, transfer)
    }
}

/// Runs the forecast `spec` describes in up to `hardwareConcurrency`
/// workers, then has one worker merge the parts and compute the result; on
/// the page in slices when no worker can start (then the page computes the
/// result). The page builds the forecast itself (≈ 16 MB for the agents'
/// pays) only then. `on_tick` hears progress (at most every
/// [`PROGRESS_MS`]) and the result once; `on_note` how it ran, and when a
/// worker died. The work starts in a task of its own, after the caller's.
pub fn forecast(
    spec: ForecastSpec,
    cancel: Rc<Cell<bool>>,
    chunk: usize,
    on_tick: Callback<Tick>,
    on_note: Callback<Note>,
) {
    gloo::timers::callback::Timeout::new(0, move || {
        if !cancel.get() {
            forecast_now(spec, cancel, chunk, on_tick, on_note);
        }
    })
    .forget();
}

fn forecast_now(
    spec: ForecastSpec,
    cancel: Rc<Cell<bool>>,
    chunk: usize,
    on_tick: Callback<Tick>,
    on_note: Callback<Note>,
) {
    let months = spec.months;
    let spec_agents = spec.table.len();
    let json = serde_json::to_string(&spec).ok();
    // Filled only when the page computes (no worker could start).
    let slot: Rc<RefCell<Option<Forecast>>> = Rc::new(RefCell::new(None));
    let on_page = {
        let (slot, on_tick) = (slot.clone(), on_tick.clone());
        Callback::from(move |finished: bool| {
            let tick = {
                let guard = slot.borrow();
                let Some(f) = guard.as_ref() else { return };
                if finished {
                    Tick::Done(Rc::new(f.result()))
                } else {
                    let (done, all) = f.progress();
                    Tick::Progress(done, all)
                }
            };
            on_tick.emit(tick);
        })
    };
    // The page's own run: builds the forecast, then computes in slices.
    let local: Rc<dyn Fn() -> Rc<RefCell<Option<Forecast>>>> = {
        let slot = slot.clone();
        Rc::new(move || {
            if slot.borrow().is_none() {
                *slot.borrow_mut() = Some(Forecast::from_spec(spec.clone()));
            }
            slot.clone()
        })
    };
    let workers = worker_compute::worker_count();
    let Some(json) = json.filter(|_| months > 0) else {
        slices(local(), cancel, chunk, on_page);
        return;
    };
    // Guided ranges, each to the first worker free (a worker sharing its
    // core with the page finishes later than one that does not: equal
    // halves left the other idle for up to a tenth of a second), down to
    // about 50,000 agent-months (≈ 10 ms of work) at the end.
    let least = (50_000 / spec_agents.max(1)).max(1);
    let requests: Vec<Request> = guided(months, workers, least)
        .into_iter()
        .map(|(start, end)| Request {
            kind: "mc",
            json: json.clone(),
            start,
            end,
            extra: None,
        })
        .collect();
    let used = workers.min(requests.len());
    let parts = Rc::new(RefCell::new(Parts::default()));
    // Set once the run falls back to the page, so late worker events are ignored.
    let moved = Rc::new(Cell::new(false));
    let last_tick = Rc::new(Cell::new(now_ms()));
    // The last step: one worker merges the parts and computes the result.
    let merge: Rc<dyn Fn()> = {
        let (local, cancel, on_tick, on_note, on_page, parts) = (
            local.clone(),
            cancel.clone(),
            on_tick.clone(),
            on_note.clone(),
            on_page.clone(),
            parts.clone(),
        );
        Rc::new(move || {
            let answered = Rc::new(Cell::new(false));
            let on_event: Rc<dyn Fn(Event)> = {
                let (local, cancel, on_tick, on_note, on_page, parts) = (
                    local.clone(),
                    cancel.clone(),
                    on_tick.clone(),
                    on_note.clone(),
                    on_page.clone(),
                    parts.clone(),
                );
                let answered = answered.clone();
                Rc::new(move |ev: Event| {
                    if cancel.get() || answered.replace(true) {
                        return;
                    }
                    match ev {
                        Event::Reply(Reply::Forecast(r)) => {
                            on_note.emit(Note {
                                msg: Msg::McWorkers,
                                args: vec![used.to_string()],
                                ended: false,
                            });
                            on_tick.emit(Tick::Done(Rc::new(*r)));
                        }
                        Event::StartFailed(_) => {
                            // No worker for the merge: the page does it (its
                            // parts were transferred only if the message went).
                            absorb_all(&local(), &parts.borrow().list);
                            on_page.emit(true);
                        }
                        Event::Reply(_) => on_note.emit(Note {
                            msg: Msg::CalcDied,
                            args: vec!["bad reply".to_string()],
                            ended: true,
                        }),
                        Event::Died(detail) => on_note.emit(Note {
                            msg: Msg::CalcDied,
                            args: vec![detail],
                            ended: true,
                        }),
                    }
                })
            };
            let request = Request {
                kind: "mc-result",
                json: json.clone(),
                start: 0,
                end: months,
                extra: Some(parts.borrow().to_js()),
            };
            if worker_compute::start(vec![request], 1, cancel.clone(), on_event).is_err() {
                absorb_all(&local(), &parts.borrow().list);
                on_page.emit(true);
            }
        })
    };
    let on_event: Rc<dyn Fn(Event)> = {
        let (local, cancel, on_tick, on_note, on_page, moved) = (
            local.clone(),
            cancel.clone(),
            on_tick.clone(),
            on_note.clone(),
            on_page.clone(),
            moved.clone(),
        );
        Rc::new(move |ev: Event| {
            if cancel.get() || moved.get() {
                return;
            }
            match ev {
                Event::Reply(Reply::Months(part)) => {
                    let filled = {
                        let mut p = parts.borrow_mut();
                        p.filled += part.months();
                        p.list.push(part);
                        p.filled
                    };
                    if filled >= months {
                        moved.set(true);
                        on_tick.emit(Tick::Progress(months, months));
                        merge();
                    } else if now_ms() - last_tick.get() > PROGRESS_MS {
                        last_tick.set(now_ms());
                        on_tick.emit(Tick::Progress(filled, months));
                    }
                }
                Event::Reply(_) => {
                    moved.set(true);
                    on_note.emit(Note {
                        msg: Msg::CalcDied,
                        args: vec!["bad reply".to_string()],
                        ended: true,
                    });
                }
                Event::StartFailed(detail) => {
                    moved.set(true);
                    notify(&on_note, Msg::CalcFallback, detail, false);
                    slices(local(), cancel.clone(), chunk, on_page.clone());
                }
                Event::Died(detail) => {
                    moved.set(true);
                    notify(&on_note, Msg::CalcDied, detail, true);
                }
            }
        })
    };
    if let Err(detail) = worker_compute::start(requests, used, cancel.clone(), on_event) {
        notify(&on_note, Msg::CalcFallback, detail, false);
        slices(local(), cancel, chunk, on_page);
    }
}

/// Takes the workers' parts into the page's forecast (when no worker is
/// left to merge them).
fn absorb_all(slot: &Rc<RefCell<Option<Forecast>>>, parts: &[MonthsPart]) {
    if let Some(f) = slot.borrow_mut().as_mut() {
        for p in parts {
            f.absorb(&p.to_partial());
        }
    }
}

/// A worker's failure said in the user's language: `ended` when the job
/// stopped, not when it carries on in page slices.
fn notify(on_note: &Callback<Note>, msg: Msg, detail: String, ended: bool) {
    on_note.emit(Note {
        msg,
        args: vec![detail],
        ended,
    });
}
