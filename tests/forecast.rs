//! The Monte Carlo forecast and the pay-cliff scan: determinism, agreement
//! with the deterministic payout, convergence on a case with a known answer.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::io::demo::demo_table;
use kpi_sandbox::io::import::import_text;
use kpi_sandbox::io::synthetic::bench_plan;
use kpi_sandbox::model::forecast::*;
use kpi_sandbox::model::payout::*;
use kpi_sandbox::model::plan::{score, template, Grading, Plan, PlanItem, Rule, Template};
use kpi_sandbox::model::Table;

#[test]
fn logarithm_and_normal_quantiles() {
    for x in [
        1e-300, 1e-10, 0.001, 0.02425, 0.3, 0.5, 0.7, 0.999, 1.0, 2.0, 1e10,
    ] {
        let (got, want) = (ln(x), x.ln());
        assert!(
            (got - want).abs() <= 4e-16 * want.abs().max(1.0),
            "ln {x}: {got} vs {want}"
        );
    }
    assert!(ln(f64::MIN_POSITIVE / 8.0).is_finite());
    // Standard normal quantiles (tables): Φ⁻¹(0.975) = 1.959964, Φ⁻¹(0.95) = 1.644854,
    // Φ⁻¹(0.999) = 3.090232; Acklam's error is below 1.2e-9 relative.
    for (p, want) in [
        (0.5, 0.0),
        (0.975, 1.959_963_985),
        (0.95, 1.644_853_627),
        (0.84134474607, 1.0),
        (0.001, -3.090_232_306),
        (0.999, 3.090_232_306),
        (0.01, -2.326_347_874),
    ] {
        let got = normal_inv(p);
        assert!((got - want).abs() < 1e-8, "Φ⁻¹({p}) = {got}, want {want}");
    }
}

#[test]
fn generator_is_seeded_and_reproducible() {
    let mut a = Rng::new(42);
    let mut b = Rng::new(42);
    let mut c = Rng::new(43);
    let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
    let ys: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
    let zs: Vec<u64> = (0..5).map(|_| c.next_u64()).collect();
    assert_eq!(xs, ys);
    assert_ne!(xs, zs);
    // Mean and variance of 100,000 normals: 0 ± 0.013, 1 ± 0.02 (4 standard errors).
    let mut r = Rng::new(7);
    let v: Vec<f64> = (0..100_000).map(|_| r.normal()).collect();
    let mean = v.iter().sum::<f64>() / v.len() as f64;
    let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / v.len() as f64;
    assert!(mean.abs() < 0.013, "{mean}");
    assert!((var - 1.0).abs() < 0.02, "{var}");
}

fn plans_on(t: &Table) -> Vec<Plan> {
    let mut forced = template(Template::PreSales, "forced", "2026-11");
    forced.grading = Grading::default_forced();
    forced
        .items
        .push(PlanItem::new("客单价", 0.0, Rule::Rank, false));
    forced
        .items
        .push(PlanItem::new("退款率", 0.0, Rule::Percentile, false));
    forced.items.push(PlanItem::new(
        "出勤天数",
        0.0,
        Rule::Gate {
            threshold: 20.0,
            zero_total: true,
        },
        false,
    ));
    let _ = t;
    vec![
        template(Template::PreSales, "pre", "2026-11"),
        template(Template::AfterSales, "after", "2026-11"),
        forced,
        bench_plan(),
    ]
}

fn pool_model() -> PayoutModel {
    PayoutModel {
        id: Default::default(),
        name: "pool".into(),
        components: vec![
            Component::Pool {
                amount: 20_000.0,
                base_column: None,
                floor: 200.0,
                cap: Some(2_500.0),
            },
            Component::Commission {
                column: "客服销售额".into(),
                tiers: vec![
                    Tier {
                        from: 0.0,
                        rate: 0.005,
                    },
                    Tier {
                        from: 80_000.0,
                        rate: 0.01,
                    },
                ],
                mode: TierMode::Retroactive,
                multiplier: 1.0,
            },
        ],
        gates: vec![PayGate {
            column: "质检得分".into(),
            threshold: 80.0,
            fail_below: true,
            cut: 0.3,
        }],
        prorate: None,
        rounding: 1.0,
        budget: Some(30_000.0),
        lines: Default::default(),
    }
}

/// ¥1,000 × a 绩效系数 by grade (the forced plans' A/B/C): the one kind of
/// pay that reads the grades, so the forecast grades each month for it.
fn grade_model() -> PayoutModel {
    let mut m = PayoutModel::example("grades");
    let g = |grade: &str, coef: f64| GradeCoef {
        grade: grade.into(),
        coef,
    };
    m.components = vec![Component::Target {
        base: 1000.0,
        coef: Coefficient::GradeTable(vec![g("A", 1.5), g("B", 1.0), g("C", 0.5)]),
    }];
    m
}

#[test]
fn zero_variability_reproduces_the_deterministic_payout() {
    let t = demo_table();
    for p in plans_on(&t) {
        for m in [PayoutModel::example("ex"), pool_model(), grade_model()] {
            let det = compute(&t, &p, &score(&t, &p), &m);
            let vars: Vec<Variability> = variabilities(&[], &t, &p, &m, 0.0);
            let mut f = Forecast::new(&t, &p, &m, &vars, 50, 1);
            assert!(f.run(1_000));
            let r = f.result();
            assert_eq!(r.months, 50);
            assert_eq!(
                (r.p5, r.p50, r.p95, r.mean),
                (
                    det.stats.total,
                    det.stats.total,
                    det.stats.total,
                    det.stats.total
                ),
                "{} {}",
                p.name,
                m.name
            );
            for ((row, lo, mid, hi), a) in r.per_agent.iter().zip(&det.agents) {
                assert_eq!(*row, a.row);
                assert_eq!(
                    (*lo, *mid, *hi),
                    (a.pay, a.pay, a.pay),
                    "{} {}",
                    p.name,
                    a.agent
                );
            }
            assert_eq!(r.histogram, vec![(det.stats.total, det.stats.total, 50)]);
        }
    }
}

#[test]
fn same_seed_same_months_in_one_run_or_in_chunks() {
    let t = demo_table();
    let p = template(Template::PreSales, "pre", "2026-11");
    let m = pool_model();
    let vars = variabilities(&[], &t, &p, &m, 0.1);
    let mut one = Forecast::new(&t, &p, &m, &vars, 1_000, 2026);
    one.run(usize::MAX);
    let mut chunked = Forecast::new(&t, &p, &m, &vars, 1_000, 2026);
    let mut steps = 0;
    while !chunked.run(97) {
        steps += 1;
        assert_eq!(chunked.progress().1, 1_000);
    }
    assert_eq!(steps, 10);
    assert_eq!(one.result(), chunked.result());
    let mut other = Forecast::new(&t, &p, &m, &vars, 1_000, 2027);
    other.run(usize::MAX);
    assert_ne!(one.result().p50, other.result().p50);
    // The spread is real: the 5th and 95th percentiles differ.
    let r = one.result();
    assert!(r.p5 < r.p50 && r.p50 < r.p95, "{r:?}");
    assert_eq!(r.histogram.iter().map(|h| h.2).sum::<usize>(), 1_000);
}

#[test]
fn percentiles_converge_on_a_normal_total() {
    // 100 agents with ¥10,000 sales, a flat 10 % commission, cv 10 %: each pays
    // 1,000 × (1 + 0.1 z), so the total is normal with mean 100,000 and sd
    // 100 × √100 = 1,000. P5 = 100,000 − 1,644.85, P95 = 100,000 + 1,644.85,
    // P(total > 101,000) = 1 − Φ(1) = 0.1587. Tolerances are 4 standard errors
    // of each estimate over 10,000 months.
    let mut tsv = String::from("客服昵称\t客服销售额\n");
    for i in 0..100 {
        tsv.push_str(&format!("客服{i:03}\t10000\n"));
    }
    let t = import_text(&tsv).table;
    let p = Plan {
        id: Default::default(),
        name: "p".into(),
        month: "2026-11".into(),
        group: None,
        items: vec![PlanItem::new(
            "客服销售额",
            100.0,
            Rule::Relative { cap: 120.0 },
            true,
        )],
        grading: Grading::default_thresholds(),
    };
    let m = PayoutModel {
        id: Default::default(),
        name: "c".into(),
        components: vec![Component::Commission {
            column: "客服销售额".into(),
            tiers: vec![Tier {
                from: 0.0,
                rate: 0.1,
            }],
            mode: TierMode::Marginal,
            multiplier: 1.0,
        }],
        gates: Vec::new(),
        prorate: None,
        rounding: 0.01,
        budget: Some(101_000.0),
        lines: Default::default(),
    };
    let vars = variabilities(&[], &t, &p, &m, 0.1);
    assert_eq!(vars.len(), 1);
    let mut f = Forecast::new(&t, &p, &m, &vars, 10_000, 12345);
    f.run(usize::MAX);
    let r = f.result();
    assert!((r.mean - 100_000.0).abs() < 40.0, "{}", r.mean);
    assert!((r.p50 - 100_000.0).abs() < 60.0, "{}", r.p50);
    assert!((r.p5 - 98_355.15).abs() < 90.0, "{}", r.p5);
    assert!((r.p95 - 101_644.85).abs() < 90.0, "{}", r.p95);
    let over = r.p_over_budget.unwrap();
    assert!((over - 0.1587).abs() < 0.015, "{over}");
    // Each agent: 1,000 ± 164.5 at P5/P95.
    let (_, lo, mid, hi) = r.per_agent[0];
    assert!(
        (lo - 835.5).abs() < 15.0 && (hi - 1_164.5).abs() < 15.0 && (mid - 1_000.0).abs() < 10.0,
        "{lo} {mid} {hi}"
    );
    assert_eq!(r.per_agent_months, 10_000);
}

#[test]
fn variability_comes_from_three_months_when_there_are_three() {
    let month = |v: [&str; 3]| {
        import_text(&format!(
            "客服昵称\t询单转化率\t客服销售额\n甲\t{}\t1000\n乙\t{}\t1000\n丙\t{}\t1000\n",
            v[0], v[1], v[2]
        ))
        .table
    };
    // 甲: 40, 44, 36 % → mean 40 %, sd 4 pp → cv 0.1. 乙: 50, 50, 50 → 0.
    // 丙: 20, 30, 40 → mean 30, sd 10 → 0.3333. Median: 0.1.
    let a = month(["40%", "50%", "20%"]);
    let b = month(["44%", "50%", "30%"]);
    let c = month(["36%", "50%", "40%"]);
    let (cv, n) = history_cv(&[&a, &b, &c], "询单转化率").unwrap();
    assert!((cv - 0.1).abs() < 1e-12, "{cv}");
    assert_eq!(n, 3);
    assert_eq!(
        history_cv(&[&a, &b], "询单转化率"),
        None,
        "two months are not enough"
    );
    let p = Plan {
        id: Default::default(),
        name: "p".into(),
        month: "2026-11".into(),
        group: None,
        items: vec![PlanItem::new("询单转化率", 100.0, Rule::Rank, true)],
        grading: Grading::default_thresholds(),
    };
    let vars = variabilities(&[&a, &b, &c], &c, &p, &PayoutModel::example("x"), 0.08);
    assert_eq!(
        vars[0],
        Variability {
            column: "询单转化率".into(),
            cv: vars[0].cv,
            source: CvSource::History(3)
        }
    );
    // 出勤天数 is a gate (drawn, user cv: not in these tables) and the days (held).
    assert_eq!(vars[1].source, CvSource::Default);
    assert_eq!(vars[1].cv, 0.08);
    assert_eq!(vars.len(), 2, "{vars:?}");
}

#[test]
fn cliffs_are_found_at_band_edges_and_tiers() {
    // 甲 at 44.9 %: one more point crosses the 45 % band (80 → 100 points,
    // 绩效系数 1.2 → 1.5, ¥1,200 → ¥1,500). 乙 sells ¥24,900: 1 % more
    // crosses the retroactive ¥25,000 tier (7 % → 10 %: ¥1,743 → ¥2,514.90).
    let t =
        import_text("客服昵称\t询单转化率\t客服销售额\n甲\t44.9%\t1000\n乙\t30%\t24900\n").table;
    let p = Plan {
        id: Default::default(),
        name: "p".into(),
        month: "2026-11".into(),
        group: None,
        items: vec![PlanItem::new(
            "询单转化率",
            100.0,
            Rule::bands(&[(0.45, 100.0), (0.40, 80.0), (0.35, 60.0)], 0.0),
            true,
        )],
        grading: Grading::default_thresholds(),
    };
    let s = |min: f64, coef: f64| CoefStep { min, coef };
    let m = PayoutModel {
        id: Default::default(),
        name: "m".into(),
        components: vec![
            Component::Target {
                base: 1_000.0,
                coef: Coefficient::ScoreTable {
                    steps: vec![s(95.0, 1.5), s(75.0, 1.2)],
                    otherwise: 0.0,
                },
            },
            Component::Commission {
                column: "客服销售额".into(),
                tiers: vec![
                    Tier {
                        from: 0.0,
                        rate: 0.05,
                    },
                    Tier {
                        from: 10_000.0,
                        rate: 0.07,
                    },
                    Tier {
                        from: 25_000.0,
                        rate: 0.10,
                    },
                ],
                mode: TierMode::Retroactive,
                multiplier: 1.0,
            },
        ],
        gates: Vec::new(),
        prorate: None,
        rounding: 0.01,
        budget: None,
        lines: Default::default(),
    };
    let mut scan = CliffScan::new(&t, &p, &m, 0.1);
    assert!(scan.run(10));
    let w = scan.worst(10);
    // 乙 (0 points, coefficient 0): +1 % sales → 1,743 → 2,514.90 (+771.90).
    // 甲: +1 pp → 1,200 + 50 → 1,500 + 50 (+300). Nothing else moves more than 10 %.
    assert_eq!(w.len(), 2, "{w:?}");
    assert_eq!(w[0].agent, "乙");
    assert_eq!(w[0].column, "客服销售额");
    assert!(w[0].relative && w[0].step == 0.01);
    assert!(
        (w[0].pay_before - 1_743.0).abs() < 1e-9 && (w[0].pay_after - 2_514.9).abs() < 1e-9,
        "{:?}",
        w[0]
    );
    assert_eq!(w[0].causes, vec![Cause::Component(1)]);
    assert_eq!(w[1].agent, "甲");
    assert_eq!(w[1].column, "询单转化率");
    assert_eq!(w[1].step, 0.01);
    assert_eq!((w[1].pay_before, w[1].pay_after), (1_250.0, 1_550.0));
    assert!(
        w[1].causes.contains(&Cause::Item(0, 80.0, 100.0)),
        "{:?}",
        w[1].causes
    );
}
