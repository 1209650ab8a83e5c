//! Plans that fit the data: templates for the table at hand, rule defaults
//! from a column's values, why a plan scores nobody, one naming rule.
//! Expected numbers worked out by hand (quartiles by PERCENTILE.INC's
//! interpolation, as a spreadsheet computes them).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::Msg;
use kpi_sandbox::io::import::import_text;
use kpi_sandbox::model::plan::{score, Band, Rule, RuleKind, Template};
use kpi_sandbox::model::plan_fit::{fit_template, nice, rule_for, unique_name, why_empty};
use kpi_sandbox::model::{Command, Unit, Workbook};

#[test]
fn numbers_round_to_steps_people_use() {
    let cases: &[(f64, Unit, f64)] = &[
        (563.93, Unit::Count, 560.0),
        (7.6, Unit::Count, 8.0),
        (113_919.41, Unit::Money, 110_000.0),
        (254.79, Unit::Money, 250.0),
        (0.4621, Unit::Percent, 0.46),
        (0.0462, Unit::Percent, 0.045),
        (32.4, Unit::Seconds, 32.0),
        (1.234, Unit::Ratio, 1.25),
        (87.3, Unit::Points, 87.5),
        (22.4, Unit::Days, 22.0),
    ];
    for (v, u, want) in cases {
        assert_eq!(nice(*v, *u), *want, "{v} {u:?}");
    }
}

/// A small export without a 分组 column, without 客服销售额 and 回复率.
fn small() -> kpi_sandbox::model::Table {
    import_text(
        "客服昵称\t询单人数\t询单转化率\t首次响应时间\t平均响应时间\t客户满意度\n\
         小雨\t120\t46%\t20\t30\t96%\n\
         阿杰\t80\t38%\t30\t40\t90%\n\
         南风\t100\t41%\t40\t50\t93%\n",
    )
    .table
}

#[test]
fn a_template_fits_a_table_without_groups_or_some_metrics() {
    let t = small();
    let f = fit_template(Template::PreSales, "售前考核方案", "2026-11", &t);
    assert_eq!(
        f.plan.group, None,
        "no 分组 column: the plan covers everyone"
    );
    let cols: Vec<(&str, f64)> = f
        .plan
        .items
        .iter()
        .map(|i| (i.column.as_str(), i.weight))
        .collect();
    assert_eq!(
        cols,
        [
            ("询单转化率", 40.0),
            ("平均响应时间", 20.0),
            ("首次响应时间", 15.0),
            ("询单人数", 10.0),
            ("客户满意度", 15.0),
        ]
    );
    assert_eq!(
        f.notes,
        vec![
            (Msg::FitNoGroup, vec!["售前".to_string()]),
            (
                Msg::FitReplaced,
                vec!["客服销售额".into(), "平均响应时间".into()]
            ),
            (Msg::FitReplaced, vec!["回复率".into(), "询单人数".into()]),
        ]
    );
    // The seed's conversion bands fit these values and are kept.
    assert_eq!(
        f.plan.items[0].rule,
        Rule::bands(&[(0.45, 100.0), (0.40, 80.0), (0.35, 60.0)], 0.0)
    );
    // 平均响应时间 30/40/50 s (lower is better): quartiles 35, 40, 45.
    assert_eq!(
        f.plan.items[1].rule,
        Rule::Bands {
            bands: vec![
                Band {
                    threshold: 35.0,
                    points: 100.0
                },
                Band {
                    threshold: 40.0,
                    points: 80.0
                },
                Band {
                    threshold: 45.0,
                    points: 60.0
                },
            ],
            otherwise: 0.0,
        }
    );
    // Every agent gets a score.
    let s = score(&t, &f.plan);
    assert_eq!(s.agents.len(), 3);
    assert!(why_empty(&f.plan, &t).is_none());
}

#[test]
fn rule_defaults_come_from_the_values() {
    let t = small();
    let all = [0, 1, 2];
    // 询单人数 80/100/120: median 100, linear from P10 = 84 to P90 = 116 → 120 (two figures).
    assert_eq!(
        rule_for(RuleKind::Ratio, &t, "询单人数", &all, false),
        Rule::Ratio {
            target: 100.0,
            floor: 0.0,
            cap: 120.0
        }
    );
    assert_eq!(
        rule_for(RuleKind::Linear, &t, "询单人数", &all, false),
        Rule::Linear {
            zero_at: 84.0,
            full_at: 120.0,
            stretch: None,
            cap: 100.0
        }
    );
    // 客户满意度 90/93/96 %: quartiles 91.5 → 92 %, 93 %, 94.5 → 95 % (whole points; 0.945 rounds up).
    assert_eq!(
        rule_for(RuleKind::Bands, &t, "客户满意度", &all, false),
        Rule::Bands {
            bands: vec![
                Band {
                    threshold: 0.95,
                    points: 100.0
                },
                Band {
                    threshold: 0.93,
                    points: 80.0
                },
                Band {
                    threshold: 0.92,
                    points: 60.0
                },
            ],
            otherwise: 0.0,
        }
    );
}

#[test]
fn an_empty_plan_says_why() {
    let t = small();
    let mut plan = kpi_sandbox::model::plan::template(Template::PreSales, "p", "2026-11");
    assert_eq!(
        why_empty(&plan, &t),
        Some((Msg::WhyEmptyNoGroupColumn, vec!["售前".to_string()]))
    );
    let grouped = import_text("客服昵称\t分组\t询单人数\n甲\t售后\t1\n乙\t售后组\t2\n").table;
    assert_eq!(
        why_empty(&plan, &grouped),
        Some((
            Msg::WhyEmptyNoGroup,
            vec!["售前".to_string(), "售后、售后组".to_string()]
        ))
    );
    plan.items.clear();
    plan.group = None;
    assert_eq!(why_empty(&plan, &t), Some((Msg::WhyEmptyNoItems, vec![])));
}

#[test]
fn plans_never_share_a_name() {
    assert_eq!(
        unique_name("售前考核方案 · 2026-11", &[]),
        "售前考核方案 · 2026-11"
    );
    assert_eq!(
        unique_name(
            "售前考核方案 · 2026-11",
            &["售前考核方案 · 2026-11", "售前考核方案 · 2026-11 (2)"]
        ),
        "售前考核方案 · 2026-11 (3)"
    );
    let mut wb = Workbook::new(small());
    let p =
        kpi_sandbox::model::plan::template(Template::PreSales, "售前考核方案 · 2026-11", "2026-11");
    wb.apply(Command::AddPlan(Box::new(p.clone()))).unwrap();
    wb.apply(Command::AddPlan(Box::new(p))).unwrap();
    let names: Vec<&str> = wb.plans().iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["售前考核方案 · 2026-11", "售前考核方案 · 2026-11 (2)"]
    );
}
