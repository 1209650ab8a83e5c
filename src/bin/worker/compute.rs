//! The worker's compute protocol (#16): a share of a Monte Carlo forecast's
//! months, a share of a cliff scan's agents, or one budget solve. The page
//! side is `src/ui/worker_compute.rs`; the model is
//! `kpi_sandbox::model::forecast` (its `parts` are what travels).
//!
//! Requests are arrays whose first element names the kind:
//! - `["mc", job, spec JSON, start, end]` → several
//!   `["mc-part", job, first month, totals (Float64Array), pays (Float64Array), last]`
//!   (buffers transferred), about every [`REPORT_MS`] of work; a worker
//!   gets several such ranges of one job, one after the other, and keeps
//!   the job's forecast between them (the spec is read once);
//! - `["mc-result", job, spec JSON, 0, months, [[first month, totals, pays]…]]`
//!   (the parts the `mc` requests answered, buffers transferred) →
//!   `["mc-result", job, result (Float64Array, see [`encode_result`])]`:
//!   the merge and the percentiles run here, not on the page;
//! - `["cliff", job, spec JSON, start, end]` → several
//!   `["cliff-part", job, part JSON, last]`;
//! - `["solve", job, spec JSON]` → `["solve-done", job, solution JSON or null]`.
//!
//! A request that cannot be read answers `["err", job, text]`. The worker
//! computes synchronously and posts as it goes; the page stops a run by
//! terminating the worker.

use kpi_sandbox::model::forecast::{
    CliffScan, CliffSpec, Forecast, ForecastResult, ForecastSpec, SolveSpec,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::DedicatedWorkerGlobalScope;

/// How long the worker computes between two progress messages.
pub const REPORT_MS: f64 = 40.0;

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(items: &[JsValue], transfer: &[JsValue]) {
    let msg: js_sys::Array = items.iter().collect();
    let list: js_sys::Array = transfer.iter().collect();
    let _ = scope().post_message_with_transfer(&msg, &list);
}

fn fail(job: f64, text: String) {
    post(
        &[
            JsValue::from_str("err"),
            JsValue::from(job),
            JsValue::from_str(&text),
        ],
        &[],
    );
}

/// Handles a compute request; false when `data` is not one (a file request).
pub fn handle(data: &JsValue) -> bool {
    let Some(arr) = data.dyn_ref::<js_sys::Array>() else {
        return false;
    };
    let Some(kind) = arr.get(0).as_string() else {
        return false;
    };
    let job = arr.get(1).as_f64().unwrap_or(0.0);
    let json = arr.get(2).as_string().unwrap_or_default();
    let at = |i: u32| arr.get(i).as_f64().unwrap_or(0.0).max(0.0) as usize;
    if kind != "mc" {
        // Another job: the held forecast is not needed again.
        HELD.with(|h| h.borrow_mut().take());
    }
    match kind.as_str() {
        "mc" => forecast(job, &json, at(3), at(4)),
        "mc-result" => forecast_result(job, &json, &arr.get(5)),
        "cliff" => cliffs(job, &json, at(3), at(4)),
        "solve" => solve(job, &json),
        _ => return false,
    }
    true
}

thread_local! {
    /// The forecast of the job this worker computed months of last: the
    /// page hands a worker several ranges of one job (guided scheduling,
    /// `model::forecast::guided`), and each after the first moves this one
    /// on instead of reading the spec again.
    static HELD: std::cell::RefCell<Option<(f64, Forecast)>> =
        const { std::cell::RefCell::new(None) };
}

fn forecast(job: f64, json: &str, start: usize, end: usize) {
    let held = HELD.with(|h| h.borrow_mut().take());
    let mut f = match held {
        Some((j, mut f)) if j == job => {
            f.move_to(start, end);
            f
        }
        _ => match serde_json::from_str::<ForecastSpec>(json) {
            Ok(spec) => Forecast::part(spec, start, end),
            Err(e) => return fail(job, e.to_string()),
        },
    };
    // About 20,000 agent-months between clock reads.
    let chunk = (20_000 / f.agents().max(1)).max(1);
    loop {
        let t0 = js_sys::Date::now();
        let last = loop {
            if f.run(chunk) {
                break true;
            }
            if js_sys::Date::now() - t0 > REPORT_MS {
                break false;
            }
        };
        let p = f.take_partial();
        let totals = js_sys::Float64Array::from(p.totals.as_slice());
        let pays = js_sys::Float64Array::from(p.pays.as_slice());
        post(
            &[
                JsValue::from_str("mc-part"),
                JsValue::from(job),
                JsValue::from(p.start as f64),
                totals.clone().into(),
                pays.clone().into(),
                JsValue::from_bool(last),
            ],
            &[totals.buffer().into(), pays.buffer().into()],
        );
        if last {
            HELD.with(|h| *h.borrow_mut() = Some((job, f)));
            return;
        }
    }
}

/// A forecast's result as one flat array: months, mean, P5, P50, P95, the
/// share over budget (NaN: no budget), per-agent months, the bin count,
/// (from, to, count) per bin, the agent count, (row, P5, P50, P95) per agent.
/// The page reads it back in `src/ui/worker_compute.rs` (`decode_result`).
fn encode_result(r: &ForecastResult) -> Vec<f64> {
    let mut v = vec![
        r.months as f64,
        r.mean,
        r.p5,
        r.p50,
        r.p95,
        r.p_over_budget.unwrap_or(f64::NAN),
        r.per_agent_months as f64,
        r.histogram.len() as f64,
    ];
    for (lo, hi, c) in &r.histogram {
        v.extend([*lo, *hi, *c as f64]);
    }
    v.push(r.per_agent.len() as f64);
    for (row, lo, mid, hi) in &r.per_agent {
        v.extend([*row as f64, *lo, *mid, *hi]);
    }
    v
}

fn forecast_result(job: f64, json: &str, parts: &JsValue) {
    let spec: ForecastSpec = match serde_json::from_str(json) {
        Ok(s) => s,
        Err(e) => return fail(job, e.to_string()),
    };
    let mut f = Forecast::from_spec(spec);
    for part in js_sys::Array::from(parts).iter() {
        let part = js_sys::Array::from(&part);
        let (Some(start), Ok(totals), Ok(pays)) = (
            part.get(0).as_f64(),
            part.get(1).dyn_into::<js_sys::Float64Array>(),
            part.get(2).dyn_into::<js_sys::Float64Array>(),
        ) else {
            return fail(job, "bad part".to_string());
        };
        // The pays go straight from the typed array into the merged
        // forecast (≈ 40 MB for 10,000 × 500: one copy, not two).
        let fits = f.absorb_into(
            start.max(0.0) as usize,
            &totals.to_vec(),
            pays.length() as usize,
            |dst| pays.copy_to(dst),
        );
        if !fits {
            return fail(job, "bad part".to_string());
        }
    }
    let flat = js_sys::Float64Array::from(encode_result(&f.result()).as_slice());
    post(
        &[
            JsValue::from_str("mc-result"),
            JsValue::from(job),
            flat.clone().into(),
        ],
        &[flat.buffer().into()],
    );
}

fn cliffs(job: f64, json: &str, start: usize, end: usize) {
    let spec: CliffSpec = match serde_json::from_str(json) {
        Ok(s) => s,
        Err(e) => return fail(job, e.to_string()),
    };
    let mut scan = CliffScan::part(spec, start, end);
    loop {
        let t0 = js_sys::Date::now();
        let last = loop {
            if scan.run(1) {
                break true;
            }
            if js_sys::Date::now() - t0 > REPORT_MS {
                break false;
            }
        };
        let text = match serde_json::to_string(&scan.take_part()) {
            Ok(t) => t,
            Err(e) => return fail(job, e.to_string()),
        };
        post(
            &[
                JsValue::from_str("cliff-part"),
                JsValue::from(job),
                JsValue::from_str(&text),
                JsValue::from_bool(last),
            ],
            &[],
        );
        if last {
            return;
        }
    }
}

fn solve(job: f64, json: &str) {
    let spec: SolveSpec = match serde_json::from_str(json) {
        Ok(s) => s,
        Err(e) => return fail(job, e.to_string()),
    };
    // Only a solution travels back; a refusal is recomputed on the page
    // (refusals are quick), so the page never parses message keys.
    match serde_json::to_string(&spec.solve().ok()) {
        Ok(text) => post(
            &[
                JsValue::from_str("solve-done"),
                JsValue::from(job),
                JsValue::from_str(&text),
            ],
            &[],
        ),
        Err(e) => fail(job, e.to_string()),
    }
}
