//! Bonus payout models, the budget solver, comparisons and what-if shifts.
//! Every expected number is worked by hand in the comments.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::Msg;
use kpi_sandbox::io::import::import_text;
use kpi_sandbox::model::payout::*;
use kpi_sandbox::model::plan::{score, Grading, Plan, PlanItem, Rule};
use kpi_sandbox::model::Table;

fn domain_tiers() -> Vec<Tier> {
    vec![
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
    ]
}

#[test]
fn commission_tiers_marginal_and_retroactive() {
    use TierMode::*;
    let cases: &[(f64, TierMode, f64)] = &[
        // DOMAIN.md: 10k×5 % + 15k×7 % + 5k×10 % = 500 + 1,050 + 500.
        (30_000.0, Marginal, 2_050.0),
        (25_000.0, Marginal, 1_550.0),
        (10_000.0, Marginal, 500.0),
        (12_000.0, Marginal, 640.0), // 500 + 2,000 × 7 %
        (5_000.0, Marginal, 250.0),
        (0.0, Marginal, 0.0),
        (-100.0, Marginal, 0.0),
        (f64::NAN, Marginal, 0.0),
        // Retroactive: the reached rate on everything.
        (30_000.0, Retroactive, 3_000.0),
        (25_000.0, Retroactive, 2_500.0),
        (24_999.0, Retroactive, 1_749.93),
        (10_000.0, Retroactive, 700.0),
        (9_999.0, Retroactive, 499.95),
    ];
    for (sales, mode, want) in cases {
        let got = commission(*sales, &domain_tiers(), *mode);
        assert!(
            (got - want).abs() < 1e-9,
            "{sales} {mode:?}: got {got}, want {want}"
        );
    }
    // Tiers in any order give the same answer.
    let mut rev = domain_tiers();
    rev.reverse();
    assert_eq!(
        commission(30_000.0, &rev, Marginal),
        commission(30_000.0, &domain_tiers(), Marginal)
    );
    // A first tier above 0 pays nothing below it.
    let from_5k = [Tier {
        from: 5_000.0,
        rate: 0.1,
    }];
    assert_eq!(commission(4_000.0, &from_5k, Marginal), 0.0);
    assert!((commission(6_000.0, &from_5k, Marginal) - 100.0).abs() < 1e-9);
    assert!((commission(6_000.0, &from_5k, Retroactive) - 600.0).abs() < 1e-9);
}

fn steps() -> Coefficient {
    let s = |min: f64, coef: f64| CoefStep { min, coef };
    Coefficient::ScoreTable {
        steps: vec![s(95.0, 1.5), s(85.0, 1.2), s(70.0, 1.0), s(60.0, 0.6)],
        otherwise: 0.0,
    }
}

#[test]
fn coefficients_by_table_grade_and_curve() {
    let curve = Coefficient::Curve {
        threshold: 60.0,
        start: 0.6,
        slope: 0.02,
        cap: 1.5,
    };
    let grades = Coefficient::GradeTable(vec![
        GradeCoef {
            grade: "A".into(),
            coef: 1.3,
        },
        GradeCoef {
            grade: "B".into(),
            coef: 1.0,
        },
    ]);
    let cases: &[(&Coefficient, f64, &str, f64)] = &[
        (&steps(), 95.0, "", 1.5),
        (&steps(), 94.99, "", 1.2),
        (&steps(), 85.0, "", 1.2),
        (&steps(), 70.0, "", 1.0),
        (&steps(), 60.0, "", 0.6),
        (&steps(), 59.9, "", 0.0),
        (&steps(), 130.0, "", 1.5),
        // 0.6 + 0.02 × (score − 60), capped at 1.5, 0 below 60.
        (&curve, 59.0, "", 0.0),
        (&curve, 60.0, "", 0.6),
        (&curve, 80.0, "", 1.0),
        (&curve, 100.0, "", 1.4),
        (&curve, 120.0, "", 1.5),
        (&grades, 0.0, "A", 1.3),
        (&grades, 99.0, "B", 1.0),
        (&grades, 99.0, "C", 0.0),
    ];
    for (c, s, g, want) in cases {
        let got = c.of(*s, g);
        assert!(
            (got - want).abs() < 1e-12,
            "{c:?} at {s}/{g}: got {got}, want {want}"
        );
    }
}

#[test]
fn pool_split_with_floors_caps_and_redistribution() {
    let w = [1.0, 2.0, 3.0, 4.0];
    /// (pool, floor, cap, weights, expected shares)
    type Case<'a> = (f64, f64, Option<f64>, &'a [f64], [f64; 4]);
    let cases: &[Case] = &[
        // Plain proportion: 10,000 × w / 10.
        (
            10_000.0,
            0.0,
            None,
            &w,
            [1_000.0, 2_000.0, 3_000.0, 4_000.0],
        ),
        // Cap 3,500: the 4th is capped, 6,500 goes 1:2:3 → 1,083.33, 2,166.67, 3,250.
        (
            10_000.0,
            0.0,
            Some(3_500.0),
            &w,
            [6_500.0 / 6.0, 13_000.0 / 6.0, 3_250.0, 3_500.0],
        ),
        // Floor 1,500: the 1st is lifted, 8,500 goes 2:3:4 → 1,888.89, 2,833.33, 3,777.78.
        (
            10_000.0,
            1_500.0,
            None,
            &w,
            [1_500.0, 17_000.0 / 9.0, 25_500.0 / 9.0, 34_000.0 / 9.0],
        ),
        // Both: 1,500 + 3,500 fixed, 5,000 goes 2:3 → λ = 1,000.
        (
            10_000.0,
            1_500.0,
            Some(3_500.0),
            &w,
            [1_500.0, 2_000.0, 3_000.0, 3_500.0],
        ),
        // Floors above the pool: split equally.
        (1_000.0, 300.0, None, &w, [250.0; 4]),
        // Everyone capped: 2,000 each, 2,000 unpaid.
        (10_000.0, 0.0, Some(2_000.0), &w, [2_000.0; 4]),
        // A weight of 0 (gated, zero score) gets nothing, not even the floor.
        (
            9_000.0,
            500.0,
            None,
            &[0.0, 1.0, 1.0, 1.0],
            [0.0, 3_000.0, 3_000.0, 3_000.0],
        ),
        (9_000.0, 0.0, None, &[0.0; 4], [0.0; 4]),
    ];
    let mut out = Vec::new();
    for (amount, floor, cap, weights, want) in cases {
        split_pool(*amount, weights, *floor, *cap, &mut out);
        for (g, w) in out.iter().zip(want) {
            assert!(
                (g - w).abs() < 1e-6,
                "{amount} {floor} {cap:?}: got {out:?}, want {want:?}"
            );
        }
    }
}

#[test]
fn rounding_is_half_up_to_the_unit() {
    let cases: &[(f64, f64, f64)] = &[
        (2_045.0, 10.0, 2_050.0),
        (2_044.99, 10.0, 2_040.0),
        (1_234.5, 1.0, 1_235.0),
        (1_234.49, 1.0, 1_234.0),
        // 12.345 is 12.3449999… in binary; meant as 12.345, it rounds up.
        (12.345, 0.01, 12.35),
        (149.99, 100.0, 100.0),
        (150.0, 100.0, 200.0),
        (0.0, 10.0, 0.0),
        // 1,840 × 20 / 22 = 1,672.73 → 1,670.
        (1_840.0 * 20.0 / 22.0, 10.0, 1_670.0),
    ];
    for (x, unit, want) in cases {
        assert_eq!(round_unit(*x, *unit), *want, "{x} to {unit}");
    }
}

/// 甲乙丙丁 with conversion (target 40 %), days and sales.
fn team() -> Table {
    import_text(
        "客服昵称\t分组\t询单转化率\t出勤天数\t客服销售额\n\
         甲\t售前\t40%\t22\t30000\n\
         乙\t售前\t36%\t20\t12000\n\
         丙\t售前\t30%\t11\t8000\n\
         丁\t售前\t22%\t22\t26000\n\
         合计\t\t\t\t76000\n",
    )
    .table
}

/// Score = conversion ÷ 40 % × 100: 100, 90, 75, 55.
fn plan() -> Plan {
    Plan {
        id: Default::default(),
        name: "p".into(),
        month: "2026-11".into(),
        group: None,
        items: vec![PlanItem::new(
            "询单转化率",
            100.0,
            Rule::Ratio {
                target: 0.4,
                floor: 0.0,
                cap: 150.0,
            },
            true,
        )],
        grading: Grading::default_thresholds(),
    }
}

fn model(components: Vec<Component>) -> PayoutModel {
    PayoutModel {
        id: Default::default(),
        name: "m".into(),
        components,
        gates: Vec::new(),
        prorate: None,
        rounding: 10.0,
        budget: None,
        lines: Default::default(),
    }
}

fn pays(t: &Table, p: &Plan, m: &PayoutModel) -> Payouts {
    compute(t, p, &score(t, p), m)
}

#[test]
fn target_commission_gate_and_days_together() {
    let t = team();
    assert_eq!(t.len(), 4, "the 合计 row is dropped on import");
    let mut m = model(vec![
        Component::Target {
            base: 1_000.0,
            coef: steps(),
        },
        Component::Commission {
            column: "客服销售额".into(),
            tiers: domain_tiers(),
            mode: TierMode::Marginal,
            multiplier: 1.0,
        },
    ]);
    m.gates.push(PayGate {
        column: "出勤天数".into(),
        threshold: 18.0,
        fail_below: true,
        cut: 0.5,
    });
    m.prorate = Some(Prorate {
        column: "出勤天数".into(),
        full_days: 22.0,
    });
    m.budget = Some(7_000.0);
    let p = pays(&t, &plan(), &m);
    assert!(p.issues.iter().all(|i| !i.error), "{:?}", p.issues);
    // 甲: 1,000 × 1.5 + 2,050 = 3,550, full month.
    // 乙: 1,000 × 1.2 + 640 = 1,840 × 20/22 = 1,672.73 → 1,670.
    // 丙: 1,000 × 1.0 + 400 = 1,400, gate (11 < 18) halves → 700, × 11/22 → 350.
    // 丁: score 55 → coefficient 0; commission 500 + 1,050 + 100 = 1,650.
    let got: Vec<f64> = p.agents.iter().map(|a| a.pay).collect();
    assert_eq!(got, vec![3_550.0, 1_670.0, 350.0, 1_650.0]);
    assert_eq!(p.agents[2].failed_gates, vec![0]);
    assert_eq!(p.agents[2].gate_factor, 0.5);
    assert_eq!(p.agents[2].days_factor, 0.5);
    assert_eq!(p.agents[0].coef, Some(1.5));
    assert_eq!(p.agents[3].parts.len(), 2);
    assert_eq!(p.agents[1].agent, "乙");
    let s = &p.stats;
    assert_eq!(s.total, 7_220.0);
    assert_eq!(s.mean, 1_805.0);
    assert_eq!(s.median, 1_660.0); // (1,650 + 1,670) / 2
    assert_eq!((s.min, s.max), (350.0, 3_550.0));
    // Top 20 % of 4 agents is 1 agent: 3,550 / 7,220.
    assert!((s.top20_share - 3_550.0 / 7_220.0).abs() < 1e-12);
    assert_eq!(p.budget_gap, Some(-220.0));
}

#[test]
fn pool_is_paid_out_by_score_and_rounded_once() {
    let t = team();
    let m = PayoutModel {
        rounding: 1.0,
        ..model(vec![Component::Pool {
            amount: 10_000.0,
            base_column: None,
            floor: 0.0,
            cap: None,
        }])
    };
    // Weights 100 : 90 : 75 : 55 (sum 320) → 3,125, 2,812.5, 2,343.75, 1,718.75,
    // each rounded half up to ¥1: the total is 10,001, not 10,000.
    let p = pays(&t, &plan(), &m);
    let got: Vec<f64> = p.agents.iter().map(|a| a.pay).collect();
    assert_eq!(got, vec![3_125.0, 2_813.0, 2_344.0, 1_719.0]);
    assert_eq!(p.stats.total, 10_001.0);

    // A gate that zeroes 丙 (days < 18) takes them out of the pool: 10,000 over 100 : 90 : 55.
    let mut gated = m.clone();
    gated.gates.push(PayGate {
        column: "出勤天数".into(),
        threshold: 18.0,
        fail_below: true,
        cut: 1.0,
    });
    let p = pays(&t, &plan(), &gated);
    let got: Vec<f64> = p.agents.iter().map(|a| a.pay).collect();
    // 10,000 × 100/245 = 4,081.63; × 90/245 = 3,673.47; 0; × 55/245 = 2,244.90.
    assert_eq!(got, vec![4_082.0, 3_673.0, 0.0, 2_245.0]);

    // Bases from a column: 甲 and 乙 on 2, the others on 1 → 200 : 180 : 75 : 55 of 510.
    let t2 =
        import_text("客服昵称\t询单转化率\t基数\n甲\t40%\t2\n乙\t36%\t2\n丙\t30%\t1\n丁\t22%\t1\n")
            .table;
    let based = PayoutModel {
        rounding: 0.01,
        ..model(vec![Component::Pool {
            amount: 5_100.0,
            base_column: Some("基数".into()),
            floor: 600.0,
            cap: None,
        }])
    };
    // Plain shares 2,000, 1,800, 750, 550; 丁 is lifted to the floor 600, the
    // other 4,500 goes 200 : 180 : 75 (455) → 1,978.02, 1,780.22, 741.76.
    let p = pays(&t2, &plan(), &based);
    let got: Vec<f64> = p.agents.iter().map(|a| a.pay).collect();
    assert_eq!(got, vec![1_978.02, 1_780.22, 741.76, 600.0]);
}

#[test]
fn budget_solver_finds_the_largest_base_within_budget() {
    let t = team();
    let m = model(vec![Component::Target {
        base: 1_000.0,
        coef: steps(),
    }]);
    let sc = score(&t, &plan());
    // Coefficients 1.5, 1.2, 1.0, 0; pays round to ¥10. At base b:
    // 甲 1.5b < 2,035, 乙 1.2b < 1,625, 丙 b < 1,355 keep 2,030 + 1,620 + 1,350 = 5,000;
    // 乙 tips to 1,630 at b = 1,354.1667, so the answer is the whole 1,354.
    let s = solve(&t, &sc, &m, 0, 5_000.0).unwrap();
    assert_eq!(s.value, 1_354.0);
    assert_eq!(s.total, 5_000.0);
    assert_eq!(s.above, Some(5_010.0));
    let s = solve(&t, &sc, &m, 0, 5_005.0).unwrap();
    assert_eq!((s.value, s.total), (1_354.0, 5_000.0));
    // Commission multiplier: 4 × marginal commission = 2,050 + 640 + 400 + 1,650 = 4,740 at 1.0.
    let c = PayoutModel {
        rounding: 1.0,
        ..model(vec![Component::Commission {
            column: "客服销售额".into(),
            tiers: domain_tiers(),
            mode: TierMode::Marginal,
            multiplier: 1.0,
        }])
    };
    let s = solve(&t, &sc, &c, 0, 2_370.0).unwrap();
    // Half the budget: the multiplier 0.5 pays 1,025 + 320 + 200 + 825 = 2,370 exactly.
    assert_eq!(s.total, 2_370.0);
    assert!(s.value >= 0.5 && s.value < 0.5002, "{}", s.value);
    // What the other parts pay already exceeds the budget.
    let both = model(vec![
        Component::Target {
            base: 1_000.0,
            coef: steps(),
        },
        Component::Commission {
            column: "客服销售额".into(),
            tiers: domain_tiers(),
            mode: TierMode::Marginal,
            multiplier: 1.0,
        },
    ]);
    let err = solve(&t, &sc, &both, 0, 1_000.0).unwrap_err();
    assert_eq!(err.0, Msg::PaySolveBelowRest);
    // A part that pays nothing cannot be solved for.
    let zero = model(vec![Component::Target {
        base: 1_000.0,
        coef: Coefficient::ScoreTable {
            steps: Vec::new(),
            otherwise: 0.0,
        },
    }]);
    assert_eq!(
        solve(&t, &sc, &zero, 0, 1_000.0).unwrap_err().0,
        Msg::PaySolveNoEffect
    );
    assert_eq!(
        solve(&t, &sc, &zero, 3, 1_000.0).unwrap_err().0,
        Msg::PayErrComponent
    );
    assert_eq!(
        solve(&t, &sc, &m, 0, f64::NAN).unwrap_err().0,
        Msg::PayErrNegative
    );
}

#[test]
fn validation_refuses_what_cannot_be_paid() {
    let good = PayoutModel::example("x");
    assert!(good.validate().is_empty(), "{:?}", good.validate());
    let cases: Vec<(PayoutModel, Msg)> = vec![
        (model(Vec::new()), Msg::PayErrNoComponent),
        (
            PayoutModel {
                rounding: 5.0,
                ..good.clone()
            },
            Msg::PayErrRounding,
        ),
        (
            model(vec![Component::Target {
                base: -1.0,
                coef: steps(),
            }]),
            Msg::PayErrComponent,
        ),
        (
            model(vec![Component::Commission {
                column: "客服销售额".into(),
                tiers: vec![Tier {
                    from: 0.0,
                    rate: 2.0,
                }],
                mode: TierMode::Marginal,
                multiplier: 1.0,
            }]),
            Msg::PayErrComponent,
        ),
        (
            model(vec![Component::Pool {
                amount: 100.0,
                base_column: None,
                floor: 50.0,
                cap: Some(10.0),
            }]),
            Msg::PayErrCapBelowFloor,
        ),
        (
            PayoutModel {
                gates: vec![PayGate {
                    column: "出勤天数".into(),
                    threshold: 18.0,
                    fail_below: true,
                    cut: 1.5,
                }],
                ..good.clone()
            },
            Msg::PayErrGate,
        ),
        (
            PayoutModel {
                prorate: Some(Prorate {
                    column: "出勤天数".into(),
                    full_days: 0.0,
                }),
                ..good.clone()
            },
            Msg::PayErrProrate,
        ),
        (
            PayoutModel {
                budget: Some(f64::NAN),
                ..good.clone()
            },
            Msg::PayErrNegative,
        ),
    ];
    for (m, want) in cases {
        let got: Vec<Msg> = m.validate().iter().map(|i| i.msg).collect();
        assert!(got.contains(&want), "{m:?}: {got:?}");
    }
}

#[test]
fn missing_columns_and_values_are_reported() {
    let t = import_text("客服昵称\t询单转化率\t出勤天数\n甲\t40%\t22\n乙\t36%\t\n").table;
    let mut m = PayoutModel::example("x");
    m.components.push(Component::Commission {
        column: "客服销售额".into(),
        tiers: domain_tiers(),
        mode: TierMode::Marginal,
        multiplier: 1.0,
    });
    let p = pays(&t, &plan(), &m);
    let msgs: Vec<(Msg, Vec<String>)> = p.issues.iter().map(|i| (i.msg, i.args.clone())).collect();
    assert!(
        msgs.contains(&(Msg::PayErrNoColumn, vec!["客服销售额".into()])),
        "{msgs:?}"
    );
    assert!(
        msgs.contains(&(Msg::PayWarnMissing, vec!["出勤天数".into(), "1".into()])),
        "{msgs:?}"
    );
    // 乙 has no days: neither the gate nor pro-rating applies; score 90 → 1.2 × 1,000.
    assert_eq!(p.agents[1].pay, 1_200.0);
    assert_eq!(p.agents[0].pay, 1_500.0);
}

#[test]
fn comparison_counts_winners_and_losers_by_name() {
    let t = team();
    let sc = score(&t, &plan());
    let a = compute(
        &t,
        &plan(),
        &sc,
        &model(vec![Component::Target {
            base: 1_000.0,
            coef: steps(),
        }]),
    );
    let b = compute(
        &t,
        &plan(),
        &sc,
        &model(vec![Component::Target {
            base: 1_000.0,
            coef: Coefficient::Curve {
                threshold: 60.0,
                start: 0.6,
                slope: 0.02,
                cap: 1.5,
            },
        }]),
    );
    // Steps: 1,500, 1,200, 1,000, 0. Curve (score 100, 90, 75, 55): 1.4, 1.2, 0.9, 0 →
    // 1,400, 1,200, 900, 0.
    let c = compare(&a, &b);
    let changes: Vec<f64> = c.rows.iter().map(|r| r.change).collect();
    assert_eq!(changes, vec![-100.0, 0.0, -100.0, 0.0]);
    assert_eq!((c.winners, c.losers, c.unchanged), (0, 2, 2));
    assert_eq!((c.total_a, c.total_b), (3_700.0, 3_500.0));
    // An agent only on one side counts as paid 0 on the other.
    let mut b2 = b.clone();
    b2.agents.pop();
    b2.agents[0].agent = "新人".into();
    let c = compare(&a, &b2);
    assert_eq!(c.rows.len(), 5);
    assert_eq!(c.rows[0].b, None);
    assert_eq!(c.rows[4].agent, "新人");
    assert_eq!(c.rows[4].a, None);
}

#[test]
fn what_if_shifts_move_scores_and_leave_the_data_alone() {
    let t = team();
    let p = plan();
    let shifted = apply_shifts(
        &t,
        &[Shift {
            column: "询单转化率".into(),
            agent: None,
            delta: 0.02,
        }],
    );
    // +2 pp: 42 %, 38 %, 32 %, 24 % → 105, 95, 80, 60 (±1e-9).
    let want = [105.0, 95.0, 80.0, 60.0];
    for (a, w) in score(&shifted, &p).agents.iter().zip(want) {
        assert!((a.total - w).abs() < 1e-9, "{} vs {w}", a.total);
    }
    assert_eq!(
        score(&t, &p).agents[0].total,
        100.0,
        "the original is untouched"
    );
    // One agent only, and shares stay within 0–100 %.
    let one = apply_shifts(
        &t,
        &[Shift {
            column: "Conversion rate".into(),
            agent: Some("丙".into()),
            delta: 0.9,
        }],
    );
    let conv = one
        .columns
        .iter()
        .position(|c| c.name == "询单转化率")
        .unwrap();
    assert_eq!(one.at(2, conv).number(), Some(1.0));
    assert_eq!(one.at(0, conv).number(), Some(0.4));
    // Days cannot go below 0; an unknown column changes nothing.
    let d = apply_shifts(
        &t,
        &[
            Shift {
                column: "出勤天数".into(),
                agent: None,
                delta: -30.0,
            },
            Shift {
                column: "没有这列".into(),
                agent: None,
                delta: 1.0,
            },
        ],
    );
    let days = d.columns.iter().position(|c| c.name == "出勤天数").unwrap();
    assert_eq!(d.at(0, days).number(), Some(0.0));
}

#[test]
fn formula_columns_follow_a_shift() {
    use kpi_sandbox::model::{Command, Unit, Workbook};
    let mut wb = Workbook::new(import_text("客服昵称\t询单人数\t询单转化率\n甲\t100\t40%\n").table);
    wb.apply(Command::AddFormulaColumn {
        name: "付款人数".into(),
        formula: "[询单人数]*[询单转化率]".into(),
        unit: Unit::Count,
    })
    .unwrap();
    let shifted = apply_shifts(
        wb.table(),
        &[Shift {
            column: "询单人数".into(),
            agent: None,
            delta: 50.0,
        }],
    );
    assert_eq!(shifted.at(0, 3).number(), Some(60.0)); // 150 × 40 %
}
