//! Long computations (the Monte Carlo forecast, the pay-cliff scan, the
//! budget solver) run in Web Workers on every core (`worker_compute`), so
//! the page's thread only merges results and shows progress. When no worker
//! can start (CSP, a missing file) they run here instead, in time slices of
//! about 30 ms between browser frames, with a notice; the page keeps
//! responding, shows progress and can stop them either way.
//!
//! A job's numbers do not depend on where it ran: a forecast split across
//! workers merges to the same bits as one run (`model::forecast::parts`).

use super::browser::now_ms;
use super::worker_compute::{self, Event, Reply, Request};
use crate::i18n::Msg;
use crate::model::forecast::{split, CliffScan, Forecast, SolveReply, SolveSpec};
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
    fn requests(&self, workers: usize) -> Option<Vec<Request>> {
        let json = serde_json::to_string(self.spec()).ok()?;
        let months = self.progress().1;
        Some(
            split(months, workers)
                .into_iter()
                .map(|(start, end)| Request {
                    kind: "mc",
                    json: json.clone(),
                    start,
                    end,
                })
                .collect(),
        )
    }
    fn take(&mut self, reply: Reply) {
        if let Reply::Months(p) = reply {
            self.absorb(&p);
        }
    }
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
                    on_note.emit(Note {
                        msg: Msg::CalcFallback,
                        args: vec![detail],
                        ended: false,
                    });
                    slices(slot.clone(), cancel.clone(), chunk, on_tick.clone());
                }
                Event::Died(detail) => {
                    moved.set(true);
                    on_note.emit(Note {
                        msg: Msg::CalcDied,
                        args: vec![detail],
                        ended: true,
                    });
                }
            }
        })
    };
    if let Err(detail) = worker_compute::start(requests, cancel.clone(), on_event) {
        on_note.emit(Note {
            msg: Msg::CalcFallback,
            args: vec![detail],
            ended: false,
        });
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
    if worker_compute::start(vec![request], Rc::new(Cell::new(false)), on_event).is_err() {
        done.emit(spec.solve());
    }
}
