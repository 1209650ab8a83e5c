//! The in-browser measurement path: opening the app at `#bench` runs the core
//! benchmarks in wasm with `performance.now()` and publishes the figures as
//! JSON in `<pre id="bench-results">` (read by `tests/e2e/bench.mjs`, run by
//! `make bench`). It changes nothing for normal use.

use super::browser::now_ms;
use crate::io::import::import_text;
use crate::io::synthetic::{big_tsv, BENCH_FORMULAS};
use crate::model::formula;
use crate::model::{Command, MetricId, Unit, Workbook};

const N: usize = 10_000;

/// Median of `runs` timings of `f`, in milliseconds.
fn time(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let s = now_ms();
            f();
            now_ms() - s
        })
        .collect();
    crate::model::order::sort_f64(&mut t, false);
    t.get(t.len() / 2).copied().unwrap_or(0.0)
}

/// Runs the benchmarks and returns `[(name, median ms)]`.
pub fn run() -> Vec<(&'static str, f64)> {
    let text = big_tsv(N);
    let import = time(5, || {
        let _ = import_text(&text);
    });
    let mut wb = Workbook::new(import_text(&text).table);
    for (name, f) in BENCH_FORMULAS {
        let _ = wb.apply(Command::AddFormulaColumn {
            name: (*name).into(),
            formula: (*f).into(),
            unit: Unit::Number,
        });
    }
    let mut table = wb.table().clone();
    let full = time(11, || {
        let calc = formula::compile(&table);
        formula::recalc_all(&mut table, &calc);
    });
    let aov = wb.table().column_of(MetricId::Aov).unwrap_or(0);
    let qa = wb.table().column_of(MetricId::QaScore).unwrap_or(0);
    let mut i = 0usize;
    let edit_agg = time(21, || {
        i += 1;
        let _ = wb.apply(Command::SetCell {
            row: i % N,
            col: aov,
            raw: format!("{}", 100 + i % 50),
        });
    });
    let edit_row = time(51, || {
        i += 1;
        let _ = wb.apply(Command::SetCell {
            row: i % N,
            col: qa,
            raw: format!("{}", 70 + i % 30),
        });
    });
    let plan = crate::io::synthetic::bench_plan();
    let scoring = time(11, || {
        let _ = crate::model::plan::score(wb.table(), &plan);
    });
    let sort = time(11, || {
        let _ = wb.table().sorted_order(6, false);
    });
    let model = crate::io::synthetic::bench_payout();
    let scores = crate::model::plan::score(wb.table(), &plan);
    let payouts = time(11, || {
        let _ = crate::model::payout::compute(wb.table(), &plan, &scores, &model);
    });
    let small = import_text(&big_tsv(500)).table;
    let vars = crate::model::forecast::variabilities(&[], &small, &plan, &model, 0.1);
    let monte_carlo = time(3, || {
        let mut f = crate::model::forecast::Forecast::new(&small, &plan, &model, &vars, 10_000, 1);
        f.run(usize::MAX);
        let _ = f.result();
    });
    vec![
        ("import_tsv_10k_x_30", import),
        ("formula_full_recalc_10k_x_10", full),
        ("formula_edit_aggregated_input", edit_agg),
        ("formula_edit_row_only_input", edit_row),
        ("score_10k_on_8_items", scoring),
        ("sort_10k_by_conversion", sort),
        ("payouts_10k", payouts),
        ("monte_carlo_10k_months_500_agents_8_items", monte_carlo),
    ]
}

/// The 10,000-agent sheet the benchmarks use, for the peer engine
/// (HyperFormula, run beside the app by `tests/bench/browser.mjs`): every
/// input column's canonical numbers (percent as a fraction; `null` for
/// anything else), the formula columns as written, and the sum of the
/// weighted total (综合) for both engines to agree on.
pub fn peer_sheet() -> String {
    let mut wb = Workbook::new(import_text(&big_tsv(N)).table);
    for (name, f) in BENCH_FORMULAS {
        let _ = wb.apply(Command::AddFormulaColumn {
            name: (*name).into(),
            formula: (*f).into(),
            unit: Unit::Number,
        });
    }
    let t = wb.table();
    let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let mut names = Vec::new();
    let mut cols = Vec::new();
    for (c, col) in t.columns.iter().enumerate() {
        if col.is_formula() {
            continue;
        }
        names.push(quote(&col.name));
        let vals: Vec<String> = t
            .column_cells(c)
            .iter()
            .map(|cell| match cell {
                crate::model::Cell::Number(x) => format!("{x}"),
                _ => "null".into(),
            })
            .collect();
        cols.push(format!("[{}]", vals.join(",")));
    }
    let formulas: Vec<String> = BENCH_FORMULAS
        .iter()
        .map(|(n, f)| format!("[{},{}]", quote(n), quote(f)))
        .collect();
    let total: f64 = t
        .columns
        .iter()
        .position(|c| c.name == "综合")
        .map(|c| {
            t.column_cells(c)
                .iter()
                .filter_map(|cell| match cell {
                    crate::model::Cell::Number(x) => Some(*x),
                    _ => None,
                })
                .sum()
        })
        .unwrap_or(0.0);
    let aov = t.column_of(MetricId::Aov).unwrap_or(0);
    format!(
        "{{\"names\":[{}],\"columns\":[{}],\"formulas\":[{}],\"edit_column\":{},\"total\":{total}}}",
        names.join(","),
        cols.join(","),
        formulas.join(","),
        quote(t.columns.get(aov).map_or("", |c| c.name.as_str())),
    )
}

/// Runs the benchmarks and writes the JSON into the page.
pub fn run_and_publish() {
    let results = run();
    let body: Vec<String> = results
        .iter()
        .map(|(k, v)| format!("\"{k}\":{v:.3}"))
        .collect();
    let json = format!("{{{}}}", body.join(","));
    let doc = gloo::utils::document();
    if let Ok(pre) = doc.create_element("pre") {
        pre.set_id("bench-results");
        pre.set_text_content(Some(&json));
        if let Some(b) = doc.body() {
            let _ = b.append_child(&pre);
        }
    }
    if let Ok(pre) = doc.create_element("pre") {
        pre.set_id("bench-sheet");
        pre.set_attribute("hidden", "").ok();
        pre.set_text_content(Some(&peer_sheet()));
        if let Some(b) = doc.body() {
            let _ = b.append_child(&pre);
        }
    }
}
