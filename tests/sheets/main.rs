//! The spreadsheet oracle (`make test-sheets`): a real spreadsheet,
//! LibreOffice Calc, recomputes
//! 1. exported workbooks — the demo team with plans and payout models that
//!    use every rule kind, coefficient kind, pool, commission mode, gate,
//!    pro-rating and rounding unit, and seeded random plans and models over
//!    random teams — with their cached values removed; every formula cell
//!    must equal the model's own value (`plan::score`, `payout::compute`);
//! 2. a generated corpus of formula columns over generated tables, written
//!    as equivalent Excel formulas; every cell must equal the app's formula
//!    engine, unless the difference is one of the deliberate ones listed in
//!    docs/FORMULAS.md (each counted and named in the report).
//!
//! Numbers must agree to 1e-9 relative, text exactly. All workbooks go
//! through one `soffice --convert-to xlsx` run. It fails (never skips) when
//! LibreOffice is missing.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod corpus;
mod lo;
mod plans;
mod rng;

use kpi_sandbox::i18n::Lang;
use std::path::PathBuf;
use std::time::Instant;

/// Random plan workbooks (seeded, so every run checks the same ones).
const RANDOM_BOOKS: usize = 20;

fn main() {
    let t0 = Instant::now();
    let bin = match lo::soffice() {
        Ok(b) => b,
        Err(msg) => {
            eprintln!("test-sheets: {msg}");
            std::process::exit(2);
        }
    };
    let mut books: Vec<(lo::Book, bool)> = Vec::new();
    books.push((
        plans::book("demo-zh", &plans::demo_workbook(), Lang::Zh),
        false,
    ));
    books.push((
        plans::book("demo-en", &plans::demo_workbook(), Lang::En),
        false,
    ));
    for k in 0..RANDOM_BOOKS {
        let wb = plans::random_workbook(0x5EED_0000 + k as u64, k);
        books.push((plans::book(&format!("random-{k:02}"), &wb, Lang::Zh), false));
    }
    for b in corpus::books() {
        books.push((b, true));
    }
    let n_plan_books = books.iter().filter(|b| !b.1).count();

    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sheets");
    let (dir_in, dir_out) = (root.join("in"), root.join("out"));
    let _ = std::fs::remove_dir_all(&dir_in);
    let _ = std::fs::remove_dir_all(&dir_out);
    std::fs::create_dir_all(&dir_in).expect("dir");
    let mut paths = Vec::new();
    let mut stripped = Vec::new();
    for (b, _) in &books {
        let s = lo::strip_cached(&b.bytes);
        let p = dir_in.join(format!("{}.xlsx", b.name));
        std::fs::write(&p, &s).expect("write input");
        paths.push(p);
        stripped.push(s);
    }
    let t_lo = Instant::now();
    lo::recompute(&bin, &paths, &dir_out, &root.join("lo-profile"));
    let lo_secs = t_lo.elapsed().as_secs_f64();

    let mut failed = false;
    let (mut cells_plan, mut cells_corpus, mut formulas_corpus) = (0, 0, 0);
    let mut deliberate: std::collections::BTreeMap<&'static str, usize> = Default::default();
    let mut shown = 0;
    // SHEETS_SHOW=n shows more (or fewer) of the differences.
    let show: usize = std::env::var("SHEETS_SHOW")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60);
    for ((b, is_corpus), s) in books.iter().zip(&stripped) {
        let out = std::fs::read(dir_out.join(format!("{}.xlsx", b.name)))
            .unwrap_or_else(|e| panic!("{}: LibreOffice wrote no result ({e})", b.name));
        let res = lo::check(b, s, &out);
        if *is_corpus {
            cells_corpus += res.compared;
            formulas_corpus += corpus::formula_count(b);
        } else {
            cells_plan += res.compared;
        }
        for u in &res.uncovered {
            failed = true;
            eprintln!("UNCHECKED formula cell {}: {u}", b.name);
        }
        for d in &res.diffs {
            if *is_corpus {
                if let Some(why) = corpus::deliberate(d) {
                    *deliberate.entry(why).or_default() += 1;
                    continue;
                }
            }
            failed = true;
            if shown < show {
                eprintln!(
                    "DIFF {} {}!{} {}: app {:?}, LibreOffice {}",
                    d.book, d.sheet, d.cell, d.label, d.want, d.got
                );
            }
            shown += 1;
        }
    }
    println!(
        "test-sheets: {n_plan_books} exported workbooks, {cells_plan} formula cells compared; \
         formula corpus: {} workbooks, {formulas_corpus} formulas, {cells_corpus} cells compared; \
         LibreOffice {lo_secs:.1} s, total {:.1} s",
        books.len() - n_plan_books,
        t0.elapsed().as_secs_f64()
    );
    for (why, n) in &deliberate {
        println!("  deliberate difference ({n} cells): {why}");
    }
    if failed {
        eprintln!(
            "test-sheets: {shown} unexplained differences (inputs kept in {})",
            dir_in.display()
        );
        std::process::exit(1);
    }
    println!("test-sheets: no unexplained differences");
}
