//! Long computations (the Monte Carlo forecast, the pay-cliff scan) run in
//! time slices of about 30 ms between browser frames, so the page keeps
//! responding, shows progress and can stop them.

use super::browser::now_ms;
use crate::model::forecast::{CliffScan, Forecast};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::Callback;

/// Work that advances in chunks.
pub trait Chunked: 'static {
    /// Does up to `n` units; true when finished.
    fn advance(&mut self, n: usize) -> bool;
    /// Units done and units in all.
    fn done_of(&self) -> (usize, usize);
}

impl Chunked for Forecast {
    fn advance(&mut self, n: usize) -> bool {
        self.run(n)
    }
    fn done_of(&self) -> (usize, usize) {
        self.progress()
    }
}

impl Chunked for CliffScan {
    fn advance(&mut self, n: usize) -> bool {
        self.run(n)
    }
    fn done_of(&self) -> (usize, usize) {
        self.progress()
    }
}

/// The longest a slice runs before yielding to the browser.
const SLICE_MS: f64 = 30.0;

/// Runs the job in `slot` slice by slice until it finishes or `cancel` is
/// set; `on_tick` gets `true` once when finished, `false` after other slices.
pub fn run<J: Chunked>(
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
            run(slot, cancel, chunk, on_tick);
        }
    })
    .forget();
}
