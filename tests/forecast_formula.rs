//! Formula columns in the forecast (#16): recomputed each month from the
//! drawn inputs they read (over the drawn team for aggregates), not drawn
//! as metrics of their own. Expected numbers are worked out by hand in the
//! comments.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::io::import::import_text;
use kpi_sandbox::model::forecast::recompute::{plan_recompute, Recompute};
use kpi_sandbox::model::forecast::*;
use kpi_sandbox::model::payout::{compute, Component, PayoutModel, Tier, TierMode};
use kpi_sandbox::model::plan::{score, Grading, Plan, PlanItem, Rule};
use kpi_sandbox::model::{Command, Table, Unit, Workbook};

/// `tsv` with the formula columns added through the workbook, as the app does.
fn table_with(tsv: &str, formulas: &[(&str, &str)]) -> Table {
    let mut wb = Workbook::new(import_text(tsv).table);
    for (name, f) in formulas {
        wb.apply(Command::AddFormulaColumn {
            name: (*name).into(),
            formula: (*f).into(),
            unit: Unit::Number,
        })
        .unwrap();
    }
    wb.table().clone()
}

/// n agents with x = 1000 and y = 10 (and a varied z), named 客服01….
fn team(n: usize) -> String {
    let mut s = String::from("客服昵称\tx\ty\tz");
    for i in 0..n {
        s.push_str(&format!("\n客服{i:02}\t1000\t10\t{}", 5 + i));
    }
    s
}

fn plan_on(column: &str) -> Plan {
    Plan {
        id: Default::default(),
        name: "p".into(),
        month: "2026-11".into(),
        group: None,
        items: vec![PlanItem::new(
            column,
            100.0,
            Rule::Ratio {
                target: 100.0,
                floor: 0.0,
                cap: 200.0,
            },
            false,
        )],
        grading: Grading::default_thresholds(),
    }
}

/// Pays exactly the column's value (a single commission tier at 100 % from
/// 0), rounded to ¥0.01: the forecast's totals are sums of the column.
fn pay_the_column(column: &str) -> PayoutModel {
    let mut m = PayoutModel::example("col");
    m.components = vec![Component::Commission {
        column: column.into(),
        tiers: vec![Tier {
            from: 0.0,
            rate: 1.0,
        }],
        mode: TierMode::Marginal,
        multiplier: 1.0,
    }];
    m.gates.clear();
    m.prorate = None;
    m.rounding = 0.01;
    m
}

#[test]
fn the_variabilities_mark_formula_columns_and_draw_their_inputs() {
    let t = table_with(&team(3), &[("ratio", "[x]/[y]"), ("twice", "[ratio]*2")]);
    let plan = plan_on("twice");
    let model = pay_the_column("z");
    let vars = variabilities(&[], &t, &plan, &model, 0.1);
    let got: Vec<(&str, f64, CvSource)> = vars
        .iter()
        .map(|v| (v.column.as_str(), v.cv, v.source.clone()))
        .collect();
    // twice reads ratio reads x and y: twice is recomputed, x and y are drawn
    // (listed after the plan's and the model's columns); z is drawn as before.
    assert_eq!(
        got,
        vec![
            ("twice", 0.0, CvSource::Formula),
            ("z", 0.1, CvSource::Default),
            ("x", 0.1, CvSource::Default),
            ("y", 0.1, CvSource::Default),
        ]
    );
    let f = Forecast::new(&t, &plan, &model, &vars, 5, 1);
    assert_eq!(f.recomputed(), &["twice".to_string()]);
    // A formula with an unknown name cannot be recomputed: it is drawn.
    let bad = table_with(&team(3), &[("odd", "[x]/[nothere]")]);
    let vars = variabilities(&[], &bad, &plan_on("odd"), &model, 0.1);
    assert_eq!(vars[0].source, CvSource::Default);
}

#[test]
fn with_the_table_values_written_the_recomputed_columns_equal_the_table() {
    // Row formulas, an aggregate over the team and a rank: written back with
    // the table's own inputs, every recomputed cell equals the table's bits.
    let t = table_with(
        &team(7),
        &[
            ("ratio", "[x]/[y]+[z]"),
            ("rel", "[z]/AVERAGE([z])"),
            ("pos", "RANK.EQ([z],[z])"),
        ],
    );
    let cols: Vec<usize> = ["ratio", "rel", "pos"]
        .iter()
        .map(|n| t.columns.iter().position(|c| c.name == *n).unwrap())
        .collect();
    let (asked, formulas, inputs) = plan_recompute(&t, &cols);
    assert_eq!(asked, cols);
    assert_eq!(inputs, vec![1, 2, 3], "x, y and z");
    let rows: Vec<usize> = (0..7).collect();
    let mut rc = Recompute::new(&t, &rows, &formulas, &inputs);
    for c in &inputs {
        let v: Vec<f64> = rows
            .iter()
            .map(|r| t.cell(*r, *c).unwrap().number().unwrap())
            .collect();
        rc.set(*c, &v);
    }
    rc.run();
    for c in &cols {
        let mut out = vec![0.0; 7];
        rc.get(*c, &mut out);
        for (r, v) in out.iter().enumerate() {
            let want = t.cell(r, *c).unwrap().number().unwrap();
            assert_eq!(v.to_bits(), want.to_bits(), "row {r} col {c}");
        }
    }
    // By hand: z = 5..11, mean 8, so rel of the first agent is 5/8.
    let mut out = vec![0.0; 7];
    rc.get(cols[1], &mut out);
    assert_eq!(out[0], 0.625);
    // New inputs change the recomputed values: z all 4 → rel all 1, ranks all 1.
    rc.set(3, &[4.0; 7]);
    rc.run();
    rc.get(cols[1], &mut out);
    assert_eq!(out, vec![1.0; 7]);
    rc.get(cols[2], &mut out);
    assert_eq!(out, vec![1.0; 7]);
}

#[test]
fn variation_zero_reproduces_the_deterministic_payout_through_the_formulas() {
    let t = table_with(&team(12), &[("ratio", "[x]/[y]*[z]/10")]);
    let (plan, model) = (plan_on("ratio"), pay_the_column("ratio"));
    let det = compute(&t, &plan, &score(&t, &plan), &model);
    // ratio = 1000/10 × z/10 = 10·z, z = 5..16 → Σ = 10 × 126 = 1,260.
    assert_eq!(det.stats.total, 1_260.0);
    let vars = variabilities(&[], &t, &plan, &model, 0.0);
    let mut f = Forecast::new(&t, &plan, &model, &vars, 30, 4);
    assert_eq!(f.recomputed(), &["ratio".to_string()]);
    assert!(f.run(usize::MAX));
    let r = f.result();
    assert_eq!((r.p5, r.p50, r.p95), (1_260.0, 1_260.0, 1_260.0));
}

#[test]
fn a_ratio_of_two_drawn_inputs_has_the_ratios_mean_not_the_inputs() {
    // x = 1000 (1 + 0.1 z₁), y = 10 (1 + 0.1 z₂), independent: the ratio's
    // mean is 100 · E[1/(1 + 0.1 z₂)] = 100 · (1 + 0.1² + 3·0.1⁴ + 15·0.1⁶ + …)
    // = 101.0316 per agent-month (drawn as a metric itself it would be 100).
    // Its standard deviation ≈ 100·√(0.1² + 0.1²) ≈ 14.2, so a month's total
    // over 20 agents has sd ≈ 63.5 and the mean of 2,000 months an SE ≈ 1.42;
    // 4 SE is 5.7, against a difference of 20.6 from 2,000.
    let t = table_with(&team(20), &[("ratio", "[x]/[y]")]);
    let (plan, model) = (plan_on("ratio"), pay_the_column("ratio"));
    let vars = variabilities(&[], &t, &plan, &model, 0.1);
    let mut f = Forecast::new(&t, &plan, &model, &vars, 2_000, 2026);
    assert!(f.run(usize::MAX));
    let r = f.result();
    assert!((r.mean - 2_020.63).abs() < 5.7, "mean {}", r.mean);
    // Each agent's P5 and P95: Python (random.gauss, 2·10⁶ draws of
    // 100·(1 + 0.1a)/(1 + 0.1b)) gives 79.03 and 126.52 (a ratio drawn as a
    // metric would give 83.6 and 116.4). One agent's estimate from 2,000
    // months has an SE ≈ 0.7; the mean over 20 agents ≈ 0.15.
    let (p5, p95) = r
        .per_agent
        .iter()
        .fold((0.0, 0.0), |(a, b), x| (a + x.1, b + x.3));
    let (p5, p95) = (p5 / 20.0, p95 / 20.0);
    assert!((p5 - 79.03).abs() < 1.0, "P5 {p5}");
    assert!((p95 - 126.52).abs() < 1.0, "P95 {p95}");
}

#[test]
fn an_aggregate_formula_is_recomputed_over_the_drawn_team() {
    // rel = 100·z/AVERAGE(z): whatever z draws, the team's rel sums to 100·n
    // exactly (up to each pay's rounding to ¥0.01: ±0.005 × 20 = ±0.1), so
    // every month's total is 2,000 while each agent's pay moves.
    let t = table_with(&team(20), &[("rel", "100*[z]/AVERAGE([z])")]);
    let (plan, model) = (plan_on("rel"), pay_the_column("rel"));
    let vars = variabilities(&[], &t, &plan, &model, 0.2);
    let mut f = Forecast::new(&t, &plan, &model, &vars, 200, 9);
    assert!(f.run(usize::MAX));
    let r = f.result();
    assert!(
        (r.p5 - 2_000.0).abs() <= 0.1 && (r.p95 - 2_000.0).abs() <= 0.1,
        "{r:?}"
    );
    assert!(
        r.per_agent.iter().all(|a| a.3 - a.1 > 1.0),
        "agents' pays vary"
    );
}

#[test]
fn recomputed_months_are_the_same_bits_in_any_partition() {
    let t = table_with(
        &team(9),
        &[("ratio", "[x]/[y]"), ("rel", "[z]/AVERAGE([z])")],
    );
    let mut plan = plan_on("ratio");
    plan.items
        .push(PlanItem::new("rel", 0.0, Rule::Rank, false));
    let model = pay_the_column("ratio");
    let vars = variabilities(&[], &t, &plan, &model, 0.15);
    let spec = ForecastSpec {
        table: t,
        plan,
        model,
        vars,
        months: 50,
        seed: 11,
        correlation: Correlation::Uniform(0.3),
    };
    let mut one = Forecast::from_spec(spec.clone());
    one.run(usize::MAX);
    let want = one.result();
    let mut whole = Forecast::from_spec(spec.clone());
    for (s, e) in split(50, 3) {
        let mut w = Forecast::part(spec.clone(), s, e);
        while !w.run(4) {}
        assert!(whole.absorb(&w.take_partial()));
    }
    assert_eq!(whole.result(), want);
    assert!(want.p5 < want.p95);
}

#[test]
fn a_formula_of_a_formula_is_recomputed_after_it_month_after_month() {
    // twice reads ratio, so ratio must be evaluated first each month.
    // x = 1000, y = 10: ratio = 100 + z, twice = 2 × ratio + AVERAGE(ratio).
    let t = table_with(
        &team(4),
        &[
            ("ratio", "[x]/[y]+[z]"),
            ("twice", "[ratio]*2+AVERAGE([ratio])"),
        ],
    );
    let col = |n: &str| t.columns.iter().position(|c| c.name == n).unwrap();
    let (ratio, twice) = (col("ratio"), col("twice"));
    let (_, formulas, inputs) = plan_recompute(&t, &[twice]);
    assert_eq!(formulas, vec![ratio, twice]);
    let rows: Vec<usize> = (0..4).collect();
    let mut rc = Recompute::new(&t, &rows, &formulas, &inputs);
    let mut out = vec![0.0; 4];
    for (month, x) in [(0, 2000.0), (1, 500.0), (2, 1000.0)] {
        rc.set(col("x"), &[x; 4]);
        rc.run();
        rc.get(twice, &mut out);
        // z = 5, 6, 7, 8: ratio = x/10 + z, its mean x/10 + 6.5.
        let want: Vec<f64> = (0..4)
            .map(|i| 2.0 * (x / 10.0 + 5.0 + i as f64) + (x / 10.0 + 6.5))
            .collect();
        assert_eq!(out, want, "month {month}");
    }
}
