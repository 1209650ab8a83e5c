//! The forecast's results, bit for bit, pinned across changes to its
//! kernel (the payout evaluation, the formula recomputation, the scoring):
//! a faster month must give the very same months.
//!
//! The expected hashes were computed once by the code before the kernel's
//! rework of December 2026 (commit 059c5a2) and pasted here; they are not
//! worked out by hand (nothing short of the program can give 300 months ×
//! 200 agents of pays), so this is a regression guard, not a correctness
//! proof — the other forecast tests check the numbers themselves.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::io::import::import_text;
use kpi_sandbox::io::synthetic::{bench_payout, bench_plan, big_tsv, BENCH_FORMULAS};
use kpi_sandbox::model::forecast::{variabilities, Correlation, Forecast, ForecastSpec};
use kpi_sandbox::model::payout::{CoefStep, Coefficient, Component, GradeCoef};
use kpi_sandbox::model::plan::{PlanItem, Rule};
use kpi_sandbox::model::{Command, Unit, Workbook};

/// FNV-1a over 64-bit words: a hash whose value is fixed by its definition
/// (std's hasher may change between releases).
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn word(&mut self, w: u64) {
        for b in w.to_le_bytes() {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn f(&mut self, x: f64) {
        self.word(x.to_bits());
    }
}

/// Every month's total and pays (in month order, handed out in chunks as a
/// worker does) and the whole result, hashed; plus the months' count.
fn hash_forecast(mut f: Forecast) -> (u64, usize) {
    let mut h = Fnv::new();
    let mut months = 0;
    loop {
        let done = f.run(37);
        let p = f.take_partial();
        h.word(p.start as u64);
        months += p.totals.len();
        p.totals.iter().for_each(|t| h.f(*t));
        p.pays.iter().for_each(|t| h.f(*t));
        if done {
            break;
        }
    }
    let r = f.result();
    h.word(r.months as u64);
    for x in [r.mean, r.p5, r.p50, r.p95, r.p_over_budget.unwrap_or(-1.0)] {
        h.f(x);
    }
    for (a, b, c) in &r.histogram {
        h.f(*a);
        h.f(*b);
        h.word(*c as u64);
    }
    for (row, a, b, c) in &r.per_agent {
        h.word(*row as u64);
        h.f(*a);
        h.f(*b);
        h.f(*c);
    }
    h.word(r.per_agent_months as u64);
    (h.0, months)
}

/// The benchmark's forecast (8 items with rank and percentile, target
/// bonus by score steps, tiered commission, two gates, pro-rating), 200
/// agents, 300 months.
#[test]
fn the_benchmark_forecast_keeps_its_bits() {
    let table = import_text(&big_tsv(200)).table;
    let plan = bench_plan();
    let model = bench_payout();
    let vars = variabilities(&[], &table, &plan, &model, 0.1);
    let f = Forecast::new(&table, &plan, &model, &vars, 300, 1);
    assert!(f.recomputed().is_empty());
    assert_eq!(hash_forecast(f), (BENCH_HASH, 300));
}

const BENCH_HASH: u64 = 15_052_827_336_568_931_952;

/// Formula columns recomputed each month — plain arithmetic (the column-at-
/// a-time path), one reading another, an aggregate slot, an `IF` — over a
/// team with a blank input, a text input and a zero divisor; rank and
/// percentile items; a pay of every kind (steps, grades, a curve,
/// commission, a pool with a base column), gates and pro-rating; correlated
/// draws.
#[test]
fn a_forecast_with_formula_columns_keeps_its_bits() {
    let mut wb = Workbook::new(import_text(&big_tsv(200)).table);
    // 询单人数 is column 4, 客单价 7: a blank, a zero and a text.
    for (row, col, raw) in [(3, 4, ""), (11, 4, "0"), (7, 7, "n/a")] {
        wb.apply(Command::SetCell {
            row,
            col,
            raw: raw.into(),
        })
        .unwrap();
    }
    let (sales, sales_f) = BENCH_FORMULAS[0];
    let (conv, conv_f) = BENCH_FORMULAS[1];
    for (name, f) in [
        (sales, sales_f),
        ("单价比", "=[客单价]/AVERAGE([客单价])*100"),
        ("单均销售", "=[销售额计算]/[询单人数]"),
        (conv, conv_f),
    ] {
        wb.apply(Command::AddFormulaColumn {
            name: name.into(),
            formula: f.into(),
            unit: Unit::Number,
        })
        .unwrap();
    }
    let table = wb.table().clone();
    let mut plan = bench_plan();
    for it in plan.items.iter_mut().filter(|i| i.column == "客服销售额") {
        it.column = sales.into();
    }
    plan.items.extend([
        PlanItem::new("单价比", 5.0, Rule::Relative { cap: 150.0 }, false),
        PlanItem::new("单均销售", 5.0, Rule::Rank, false),
        PlanItem::new(
            conv,
            5.0,
            Rule::Linear {
                zero_at: 0.0,
                full_at: 100.0,
                stretch: None,
                cap: 100.0,
            },
            false,
        ),
    ]);
    let mut model = bench_payout();
    for c in model.components.iter_mut() {
        if let Component::Commission { column, .. } = c {
            *column = sales.into();
        }
    }
    let grade = |g: &str, coef: f64| GradeCoef {
        grade: g.into(),
        coef,
    };
    model.components.extend([
        Component::Pool {
            amount: 40_000.0,
            base_column: Some("单均销售".into()),
            floor: 50.0,
            cap: Some(1_500.0),
        },
        Component::Target {
            base: 500.0,
            coef: Coefficient::GradeTable(vec![grade("A", 1.5), grade("B", 1.0), grade("C", 0.5)]),
        },
        Component::Target {
            base: 300.0,
            coef: Coefficient::Curve {
                threshold: 60.0,
                start: 0.5,
                slope: 0.02,
                cap: 1.4,
            },
        },
        Component::Target {
            base: 200.0,
            coef: Coefficient::ScoreTable {
                steps: vec![CoefStep {
                    min: 80.0,
                    coef: 1.1,
                }],
                otherwise: 0.3,
            },
        },
    ]);
    model.rounding = 1.0;
    let vars = variabilities(&[], &table, &plan, &model, 0.12);
    let f = Forecast::from_spec(ForecastSpec {
        table,
        plan,
        model,
        vars,
        months: 300,
        seed: 20_261_202,
        correlation: Correlation::Uniform(0.3),
    });
    let mut names = f.recomputed().to_vec();
    names.sort();
    let mut want = vec![sales, "单价比", "单均销售", conv];
    want.sort();
    assert_eq!(names, want);
    assert_eq!(hash_forecast(f), (FORMULA_HASH, 300));
}

const FORMULA_HASH: u64 = 7_856_092_701_654_829_378;
