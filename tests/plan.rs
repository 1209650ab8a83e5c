//! KPI plans and scoring. Every expected number is worked by hand (arithmetic
//! in the comments); the worked example was also recomputed in Python.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::Msg;
use kpi_sandbox::io::import::import_text;
use kpi_sandbox::model::plan::*;
use kpi_sandbox::model::{Direction, Table};

/// 甲乙丙 售前, 丁 售后; 丙 has no QA score.
fn team() -> Table {
    import_text(
        "客服昵称\t分组\t询单转化率\t首次响应时间\t客户满意度\t质检得分\t退款率\n\
         甲\t售前\t46%\t30\t96%\t90\t2%\n\
         乙\t售前\t41%\t50\t90%\t80\t4%\n\
         丙\t售前\t30%\t60\t99%\t\t6%\n\
         丁\t售后\t38%\t40\t95%\t70\t5%\n",
    )
    .table
}

fn one_item(column: &str, rule: Rule) -> Plan {
    Plan {
        id: Default::default(),
        name: "t".into(),
        month: "2026-11".into(),
        group: None,
        items: vec![PlanItem {
            column: column.into(),
            weight: 100.0,
            direction: None,
            rule,
            fixed: false,
        }],
        grading: Grading::default_thresholds(),
    }
}

/// Points of each agent (table order) under a one-item plan.
fn points(column: &str, rule: Rule) -> Vec<f64> {
    score(&team(), &one_item(column, rule))
        .agents
        .iter()
        .map(|a| a.items[0].points)
        .collect()
}

fn close(got: &[f64], want: &[f64]) {
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() < 1e-9, "got {got:?}, want {want:?}");
    }
}

#[test]
fn ratio_to_target_both_directions() {
    // Conversion 46/41/30/38 % vs 40 %: 115, 102.5, 75, 95.
    close(
        &points(
            "询单转化率",
            Rule::Ratio {
                target: 0.40,
                floor: 0.0,
                cap: 120.0,
            },
        ),
        &[115.0, 102.5, 75.0, 95.0],
    );
    // Capped at 110: 115 → 110.
    close(
        &points(
            "询单转化率",
            Rule::Ratio {
                target: 0.40,
                floor: 0.0,
                cap: 110.0,
            },
        ),
        &[110.0, 102.5, 75.0, 95.0],
    );
    // First response is lower-is-better: (2 − a/40) × 100 → 30 s: 125 → cap 120; 50 s: 75; 60 s: 50; 40 s: 100.
    close(
        &points(
            "首次响应时间",
            Rule::Ratio {
                target: 40.0,
                floor: 0.0,
                cap: 120.0,
            },
        ),
        &[120.0, 75.0, 50.0, 100.0],
    );
    // Floor 60 lifts 50 to 60.
    close(
        &points(
            "首次响应时间",
            Rule::Ratio {
                target: 40.0,
                floor: 60.0,
                cap: 120.0,
            },
        ),
        &[120.0, 75.0, 60.0, 100.0],
    );
    // A zero target scores 0 and is a plan error.
    close(
        &points(
            "询单转化率",
            Rule::Ratio {
                target: 0.0,
                floor: 0.0,
                cap: 120.0,
            },
        ),
        &[0.0; 4],
    );
    let issues = one_item(
        "询单转化率",
        Rule::Ratio {
            target: 0.0,
            floor: 0.0,
            cap: 120.0,
        },
    )
    .validate(&team());
    assert!(issues
        .iter()
        .any(|i| i.msg == Msg::PlanErrTarget && i.error));
}

#[test]
fn linear_with_stretch_and_reverse() {
    // QA 90/80/—/70 on 60 → 0, 95 → 100: (90−60)/35×100 = 85.714…, 57.142…, missing 0, 28.571…
    let r = Rule::Linear {
        zero_at: 60.0,
        full_at: 95.0,
        stretch: Some((100.0, 120.0)),
        cap: 120.0,
    };
    close(
        &points("质检得分", r),
        &[3000.0 / 35.0, 2000.0 / 35.0, 0.0, 1000.0 / 35.0],
    );
    // Lower is better: 60 s → 0, 30 s → 100: 30 → 100, 50 → 33.33…, 60 → 0, 40 → 66.66…
    let r = Rule::Linear {
        zero_at: 60.0,
        full_at: 30.0,
        stretch: None,
        cap: 100.0,
    };
    close(
        &points("首次响应时间", r),
        &[100.0, 100.0 / 3.0, 0.0, 200.0 / 3.0],
    );
    // The stretch segment: 97.5 lies halfway from (95, 100) to (100, 120) → 110.
    let t = import_text("客服昵称\t质检得分\nA\t97.5\nB\t120\n").table;
    let p = one_item(
        "质检得分",
        Rule::Linear {
            zero_at: 60.0,
            full_at: 95.0,
            stretch: Some((100.0, 120.0)),
            cap: 115.0,
        },
    );
    let s = score(&t, &p);
    close(
        &[s.agents[0].items[0].points, s.agents[1].items[0].points],
        &[110.0, 115.0],
    ); // flat beyond, then capped
}

#[test]
fn bands_both_directions() {
    // The seed's conversion bands: ≥45 → 100, ≥40 → 80, ≥35 → 60, else 0.
    let conv = bands_rule(&[(0.45, 100.0), (0.40, 80.0), (0.35, 60.0)]);
    close(&points("询单转化率", conv), &[100.0, 80.0, 0.0, 60.0]);
    // First response ≤35 → 100, ≤45 → 80, ≤55 → 60: 30 → 100, 50 → 60, 60 → 0, 40 → 80.
    let fr = bands_rule(&[(35.0, 100.0), (45.0, 80.0), (55.0, 60.0)]);
    close(&points("首次响应时间", fr), &[100.0, 60.0, 0.0, 80.0]);
    // Band order in the table does not matter; a value on a threshold is in the band.
    let shuffled = bands_rule(&[(0.40, 80.0), (0.35, 60.0), (0.46, 100.0)]);
    close(&points("询单转化率", shuffled), &[100.0, 80.0, 0.0, 60.0]);
}

fn bands_rule(b: &[(f64, f64)]) -> Rule {
    Rule::bands(b, 0.0)
}

#[test]
fn relative_rank_percentile_and_direction_override() {
    // Satisfaction 96/90/99/95 %: average 95 %. 96/95 = 101.0526…, 94.7368…, 104.2105…, 100.
    close(
        &points("客户满意度", Rule::Relative { cap: 120.0 }),
        &[96.0 / 0.95, 90.0 / 0.95, 99.0 / 0.95, 100.0],
    );
    close(
        &points("客户满意度", Rule::Relative { cap: 102.0 }),
        &[96.0 / 0.95, 90.0 / 0.95, 102.0, 100.0],
    );
    // Conversion 46/41/30/38: ranks 1, 2, 4, 3 of 4 → 100 × (4 − r)/3.
    close(
        &points("询单转化率", Rule::Rank),
        &[100.0, 200.0 / 3.0, 0.0, 100.0 / 3.0],
    );
    close(
        &points("询单转化率", Rule::Percentile),
        &[100.0, 200.0 / 3.0, 0.0, 100.0 / 3.0],
    );
    // Ties: 80, 80, 70: rank 1, 1, 3 → 100, 100, 0; percentile: worse 1, 1, 0 → 50, 50, 0.
    let t = import_text("客服昵称\t质检得分\nA\t80\nB\t80\nC\t70\n").table;
    let s = score(&t, &one_item("质检得分", Rule::Rank));
    close(
        &s.agents
            .iter()
            .map(|a| a.items[0].points)
            .collect::<Vec<_>>(),
        &[100.0, 100.0, 0.0],
    );
    let s = score(&t, &one_item("质检得分", Rule::Percentile));
    close(
        &s.agents
            .iter()
            .map(|a| a.items[0].points)
            .collect::<Vec<_>>(),
        &[50.0, 50.0, 0.0],
    );
    // Overriding the direction: refund rate scored as if higher were better.
    let mut p = one_item("退款率", Rule::Rank);
    p.items[0].direction = Some(Direction::Higher);
    let s = score(&team(), &p);
    close(
        &s.agents
            .iter()
            .map(|a| a.items[0].points)
            .collect::<Vec<_>>(),
        &[0.0, 100.0 / 3.0, 100.0, 200.0 / 3.0],
    );
}

#[test]
fn gates_zero_the_item_or_the_whole_score() {
    let mut p = one_item(
        "质检得分",
        Rule::Gate {
            threshold: 75.0,
            zero_total: false,
        },
    );
    p.items[0].weight = 50.0;
    p.items.push(PlanItem {
        column: "询单转化率".into(),
        weight: 50.0,
        direction: None,
        rule: Rule::Ratio {
            target: 0.4,
            floor: 0.0,
            cap: 120.0,
        },
        fixed: false,
    });
    let s = score(&team(), &p);
    // 甲 90 passes: 100×0.5 + 115×0.5 = 107.5; 丁 70 fails the item: 0 + 95×0.5 = 47.5.
    assert_eq!(s.agents[0].total, 107.5);
    assert_eq!(s.agents[3].total, 47.5);
    p.items[0].rule = Rule::Gate {
        threshold: 75.0,
        zero_total: true,
    };
    let s = score(&team(), &p);
    assert_eq!(
        s.agents[3].total, 0.0,
        "a failed zero-total gate zeroes the score"
    );
    assert!(s.agents[3].gated);
    // A missing value scores 0 for the item but cannot fail the gate: 丙 0 + 75×0.5
    // (0.30/0.40 is 0.7499… in binary floating point).
    assert!((s.agents[2].total - 37.5).abs() < 1e-9);
    assert!(!s.agents[2].gated);
}

/// The worked example: 3 items over the 4 agents, thresholds S/A/B/C/D.
fn worked() -> Plan {
    Plan {
        id: Default::default(),
        name: "示例".into(),
        month: "2026-11".into(),
        group: None,
        items: vec![
            PlanItem {
                column: "询单转化率".into(),
                weight: 40.0,
                direction: None,
                rule: bands_rule(&[(0.45, 100.0), (0.40, 80.0), (0.35, 60.0)]),
                fixed: true,
            },
            PlanItem {
                column: "首次响应时间".into(),
                weight: 30.0,
                direction: None,
                rule: Rule::Ratio {
                    target: 40.0,
                    floor: 0.0,
                    cap: 120.0,
                },
                fixed: false,
            },
            PlanItem {
                column: "客户满意度".into(),
                weight: 30.0,
                direction: None,
                rule: Rule::Relative { cap: 120.0 },
                fixed: false,
            },
        ],
        grading: Grading::default_thresholds(),
    }
}

#[test]
fn the_worked_example() {
    // 甲: 100×0.4 + 120×0.3 + 101.0526×0.3 = 40 + 36 + 30.3158 = 106.3158
    // 乙:  80×0.4 +  75×0.3 +  94.7368×0.3 = 32 + 22.5 + 28.4211 = 82.9211
    // 丙:   0×0.4 +  50×0.3 + 104.2105×0.3 =  0 + 15 + 31.2632 = 46.2632
    // 丁:  60×0.4 + 100×0.3 + 100×0.3      = 24 + 30 + 30      = 84
    // (Python: [106.3157894737, 82.9210526316, 46.2631578947, 84.0])
    let s = score(&team(), &worked());
    close(
        &s.agents.iter().map(|a| a.total).collect::<Vec<_>>(),
        &[
            40.0 + 36.0 + 0.3 * 96.0 / 0.95,
            32.0 + 22.5 + 0.3 * 90.0 / 0.95,
            15.0 + 0.3 * 99.0 / 0.95,
            84.0,
        ],
    );
    assert_eq!(
        s.agents.iter().map(|a| a.rank).collect::<Vec<_>>(),
        vec![1, 3, 4, 2]
    );
    let grades: Vec<&str> = s
        .agents
        .iter()
        .map(|a| s.grade_labels[a.grade].as_str())
        .collect();
    assert_eq!(grades, vec!["S", "B", "D", "B"]);
    assert!(worked().is_valid(&team()));
    // The item explanations carry the numbers.
    assert_eq!(
        s.agents[1].items[1].explain,
        Explain::Ratio {
            actual: 50.0,
            target: 40.0,
            lower: true,
            raw: 75.0,
            floor: 0.0,
            cap: 120.0
        }
    );
    // 乙 needs 85 − 82.9211 = 2.0789 more for A: conversion to the 45 % band, or
    // first response to 40 × (2 − (75 + 2.0789/0.3)/100) = 47.228 s.
    let ng = next_grade(&team(), &worked(), &s.agents[1]).unwrap();
    assert_eq!(ng.label, "A");
    assert!((ng.gap - (85.0 - s.agents[1].total)).abs() < 1e-12);
    assert_eq!(
        ng.by_item.len(),
        2,
        "the relative item depends on the team and is skipped"
    );
    assert!((ng.by_item[0].1 - 0.45).abs() < 1e-9);
    assert!(
        (ng.by_item[1].1 - 47.228_070_175).abs() < 1e-6,
        "{}",
        ng.by_item[1].1
    );
    // The group filter: only 售前 agents are scored, and averages follow.
    let mut pre = worked();
    pre.group = Some("售前".into());
    let s = score(&team(), &pre);
    assert_eq!(
        s.agents.iter().map(|a| a.row).collect::<Vec<_>>(),
        vec![0, 1, 2]
    );
    // Relative is against the 售前 average (96+90+99)/3 = 95 %, the same here by construction.
    assert!(
        (s.average_total - (106.315_789_473_7 + 82.921_052_631_6 + 46.263_157_894_7) / 3.0).abs()
            < 1e-9
    );
}

#[test]
fn weight_rules_are_errors_and_the_plan_still_computes() {
    let cases: &[(&[f64], &[Msg])] = &[
        (&[40.0, 30.0, 30.0], &[]),
        (&[40.0, 30.0, 25.0], &[Msg::PlanErrWeightSum]),
        (
            &[50.0, 47.0, 3.0],
            &[Msg::PlanErrWeightStep, Msg::PlanErrWeightMin],
        ),
        (
            &[200.0, -50.0, -50.0],
            &[Msg::PlanErrWeightMin, Msg::PlanErrWeightMin],
        ),
        (
            &[f64::NAN, 50.0, 50.0],
            &[Msg::PlanErrWeightSum, Msg::PlanErrWeightMin],
        ),
    ];
    for (weights, want) in cases {
        let mut p = worked();
        for (it, w) in p.items.iter_mut().zip(weights.iter()) {
            it.weight = *w;
        }
        let errors: Vec<Msg> = p
            .validate(&team())
            .into_iter()
            .filter(|i| i.error)
            .map(|i| i.msg)
            .collect();
        assert_eq!(&errors, want, "{weights:?}");
        let s = score(&team(), &p);
        assert_eq!(s.agents.len(), 4, "an invalid plan still computes");
    }
}

#[test]
fn warnings_name_the_pitfalls() {
    let mut p = worked();
    p.items.truncate(2);
    p.items[0].weight = 50.0;
    p.items[1].weight = 50.0;
    p.items[1].column = "质检得分".into();
    let w: Vec<(Msg, Vec<String>)> = p
        .validate(&team())
        .into_iter()
        .filter(|i| !i.error)
        .map(|i| (i.msg, i.args))
        .collect();
    assert_eq!(
        w,
        vec![
            (
                Msg::PlanWarnMissing,
                vec!["2".into(), "质检得分".into(), "1".into()]
            ),
            (Msg::PlanWarnItemCount, vec!["2".into()]),
        ]
    );
    p.items[1].column = "询单转化率".into();
    assert!(p
        .validate(&team())
        .iter()
        .any(|i| i.msg == Msg::PlanWarnDuplicate));
    p.items[1].column = "不存在".into();
    assert!(p
        .validate(&team())
        .iter()
        .any(|i| i.msg == Msg::PlanErrNoColumn && i.error));
}

#[test]
fn forced_distribution_with_the_tie_rule() {
    // Totals 90, 90, 80, 70 with 25/50/25: positions 0 → A, 1 → B by position
    // but tied with an A → A; 2 → B; 3 → C.
    let t = import_text("客服昵称\t质检得分\nA\t90\nB\t90\nC\t80\nD\t70\n").table;
    let mut p = one_item(
        "质检得分",
        Rule::Ratio {
            target: 100.0,
            floor: 0.0,
            cap: 120.0,
        },
    );
    let g = |l: &str, s: f64| GradeShare {
        label: l.into(),
        share: s,
    };
    p.grading = Grading::Forced(vec![g("A", 0.25), g("B", 0.5), g("C", 0.25)]);
    let s = score(&t, &p);
    let grades: Vec<&str> = s
        .agents
        .iter()
        .map(|a| s.grade_labels[a.grade].as_str())
        .collect();
    assert_eq!(grades, vec!["A", "A", "B", "C"]);
    // The seed's 20/70/10 over 10 agents: bounds round(2), round(9), 10.
    let rows: String = (0..10)
        .map(|i| format!("客服{i}\t{}\n", 100 - i * 5))
        .collect();
    let t = import_text(&format!("客服昵称\t质检得分\n{rows}")).table;
    p.grading = Grading::default_forced();
    let s = score(&t, &p);
    let grades: String = s
        .agents
        .iter()
        .map(|a| s.grade_labels[a.grade].as_str())
        .collect();
    assert_eq!(grades, "AABBBBBBBC");
    // Shares must sum to 100 %.
    p.grading = Grading::Forced(vec![g("A", 0.2), g("B", 0.7)]);
    assert!(p.validate(&t).iter().any(|i| i.msg == Msg::PlanErrShares));
}

#[test]
fn templates_are_valid_on_the_demo_team() {
    let demo = kpi_sandbox::io::demo::demo_table();
    for t in [Template::PreSales, Template::AfterSales] {
        let p = template(t, "x", "2026-11");
        let issues = p.validate(&demo);
        assert!(issues.is_empty(), "{t:?}: {issues:?}");
        let s = score(&demo, &p);
        assert_eq!(
            s.agents.len(),
            if t == Template::PreSales { 20 } else { 10 }
        );
        assert!(s.agents.iter().all(|a| a.total >= 0.0 && a.total <= 120.0));
    }
}

#[test]
fn months_roll_over() {
    assert_eq!(next_month("2026-11"), "2026-12");
    assert_eq!(next_month("2026-12"), "2027-01");
    assert_eq!(next_month("oops"), "oops");
    let w = worked();
    let p = w.copy_to_next_month();
    assert_eq!(p.month, "2026-12");
    // The copy's name says its month: "<name> 2026-12", and a copy of that "<name> 2027-01".
    assert_eq!(p.name, format!("{} 2026-12", w.name.trim()));
    assert_eq!(
        p.copy_to_next_month().name,
        format!("{} 2027-01", w.name.trim())
    );
    assert!(p.items[0].fixed && !p.items[1].fixed);
}

/// Points worked back from an explanation by the module doc's formulas
/// (independent of the rule engine's code): what the "why" panel shows must
/// give the points the agent got.
fn points_from_explain(e: &Explain) -> f64 {
    let ratio = |a: f64, r: f64, lower: bool| {
        if lower {
            (2.0 - a / r) * 100.0
        } else {
            a / r * 100.0
        }
    };
    match e {
        Explain::Missing => 0.0,
        Explain::Ratio {
            actual,
            target,
            lower,
            floor,
            cap,
            ..
        } => ratio(*actual, *target, *lower).max(*floor).min(*cap),
        Explain::Linear {
            actual, knots, cap, ..
        } => {
            // Straight lines between knots, flat beyond the ends.
            let (first, last) = (knots[0], knots[knots.len() - 1]);
            let raw = if *actual <= first.0 {
                first.1
            } else if *actual >= last.0 {
                last.1
            } else {
                let w = knots
                    .windows(2)
                    .find(|w| *actual >= w[0].0 && *actual <= w[1].0)
                    .unwrap();
                w[0].1 + (actual - w[0].0) * (w[1].1 - w[0].1) / (w[1].0 - w[0].0)
            };
            raw.min(*cap).max(0.0)
        }
        Explain::Band {
            matched, otherwise, ..
        } => matched.as_ref().map(|b| b.points).unwrap_or(*otherwise),
        Explain::Relative {
            actual,
            average,
            lower,
            cap,
            ..
        } => {
            if *average == 0.0 {
                0.0
            } else {
                ratio(*actual, *average, *lower).max(0.0).min(*cap)
            }
        }
        Explain::Rank { rank, n } => {
            if *n <= 1 {
                100.0
            } else {
                100.0 * (n - rank) as f64 / (n - 1) as f64
            }
        }
        Explain::Percentile { worse, n } => {
            if *n <= 1 {
                100.0
            } else {
                100.0 * *worse as f64 / (n - 1) as f64
            }
        }
        Explain::Gate { passed, .. } => {
            if *passed {
                100.0
            } else {
                0.0
            }
        }
    }
}

/// Every rule kind, both directions, missing values, on the demo team and
/// 500 generated agents: the explanation reproduces each item's points, a
/// failed all-or-nothing gate is the only thing that zeroes a total, and
/// the total is the sum of weighted points otherwise.
#[test]
fn explanations_reproduce_the_points() {
    use kpi_sandbox::io::demo::demo_table;
    use kpi_sandbox::io::synthetic::{bench_plan, big_tsv};
    let mut all = template(Template::PreSales, "all", "2026-11");
    all.group = None;
    all.items.extend([
        PlanItem::new("客单价", 0.0, Rule::Rank, false),
        PlanItem::new("退款率", 0.0, Rule::Percentile, false),
        PlanItem::new("平均响应时间", 0.0, Rule::Relative { cap: 150.0 }, false),
        PlanItem::new(
            "出勤天数",
            0.0,
            Rule::Gate {
                threshold: 21.0,
                zero_total: true,
            },
            false,
        ),
        PlanItem::new(
            "首次响应时间",
            0.0,
            Rule::Linear {
                zero_at: 60.0,
                full_at: 30.0,
                stretch: Some((20.0, 120.0)),
                cap: 110.0,
            },
            false,
        ),
    ]);
    let mut checked = 0;
    for t in [demo_table(), import_text(&big_tsv(500)).table] {
        for p in [
            all.clone(),
            template(Template::AfterSales, "after", "2026-11"),
            bench_plan(),
        ] {
            let s = score(&t, &p);
            assert!(!s.agents.is_empty(), "{}", p.name);
            for a in &s.agents {
                let mut sum = 0.0;
                let mut gated = false;
                for (it, sc) in p.items.iter().zip(&a.items) {
                    let want = points_from_explain(&sc.explain);
                    assert!(
                        (sc.points - want).abs() < 1e-9,
                        "{} {}: {} vs {want} ({:?})",
                        p.name,
                        it.column,
                        sc.points,
                        sc.explain
                    );
                    assert_eq!(sc.raw.is_none(), sc.explain == Explain::Missing);
                    sum += sc.points * it.weight / 100.0;
                    gated |= matches!(
                        sc.explain,
                        Explain::Gate {
                            passed: false,
                            zero_total: true,
                            ..
                        }
                    );
                    checked += 1;
                }
                assert_eq!(a.gated, gated);
                let want_total = if gated { 0.0 } else { sum };
                assert!((a.total - want_total).abs() < 1e-9, "{}", p.name);
            }
        }
    }
    assert!(checked > 10_000, "{checked}");
}
