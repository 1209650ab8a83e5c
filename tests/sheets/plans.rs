//! Exported workbooks for the oracle: the demo team with plans and payout
//! models that use every rule kind, coefficient kind, pool, commission mode,
//! gate and pro-rating, and seeded random plans and models over random teams
//! (ties, missing values, tiny groups). The expected value of every formula
//! cell comes from the model functions (`plan::score`, `payout::compute`),
//! not from the values the writer cached.

use crate::lo::{Book, Sheets, Want};
use crate::rng::Rng;
use kpi_sandbox::i18n::Lang;
use kpi_sandbox::io::import::import_text;
use kpi_sandbox::io::xlsx_write::workbook_xlsx;
use kpi_sandbox::model::payout::{
    compute, CoefStep, Coefficient, Component, GradeCoef, PayGate, PayoutModel, Prorate, Tier,
    TierMode, ROUNDING_UNITS,
};
use kpi_sandbox::model::paysheet::{
    evaluate, Cmp, Condition, Floor, LabelAmount, LineCalc, LineKind, PayLine, PayLines, Veto,
    VetoScope,
};
use kpi_sandbox::model::plan::{
    score, template, Band, GradeShare, GradeThreshold, Grading, Plan, PlanItem, Rule, Template,
};
use kpi_sandbox::model::{Direction, Table, Workbook};
use std::collections::BTreeMap;
use std::io::Cursor;

fn item(column: &str, weight: f64, rule: Rule, direction: Option<Direction>) -> PlanItem {
    PlanItem {
        column: column.into(),
        weight,
        direction,
        rule,
        fixed: false,
    }
}

fn thresholds(g: &[(&str, f64)]) -> Grading {
    Grading::Thresholds(
        g.iter()
            .map(|(l, m)| GradeThreshold {
                label: (*l).into(),
                min: *m,
            })
            .collect(),
    )
}

fn forced(g: &[(&str, f64)]) -> Grading {
    Grading::Forced(
        g.iter()
            .map(|(l, s)| GradeShare {
                label: (*l).into(),
                share: *s,
            })
            .collect(),
    )
}

fn tiers(t: &[(f64, f64)]) -> Vec<Tier> {
    t.iter()
        .map(|(from, rate)| Tier {
            from: *from,
            rate: *rate,
        })
        .collect()
}

/// The demo team with every rule, coefficient, component, gate and rounding.
pub fn demo_workbook() -> Workbook {
    let higher = vec![
        item(
            "询单转化率",
            20.0,
            Rule::Ratio {
                target: 0.4,
                floor: 20.0,
                cap: 120.0,
            },
            None,
        ),
        item(
            "客服销售额",
            15.0,
            Rule::Linear {
                zero_at: 20_000.0,
                full_at: 100_000.0,
                stretch: Some((150_000.0, 130.0)),
                cap: 130.0,
            },
            None,
        ),
        item(
            "回复率",
            10.0,
            Rule::bands(&[(0.95, 100.0), (0.98, 120.0), (0.9, 60.0)], 10.0),
            None,
        ),
        item("客单价", 15.0, Rule::Relative { cap: 120.0 }, None),
        item("询单人数", 15.0, Rule::Rank, None),
        item("客户满意度", 15.0, Rule::Percentile, None),
        item(
            "质检得分",
            10.0,
            Rule::Gate {
                threshold: 70.0,
                zero_total: true,
            },
            None,
        ),
    ];
    let lower = vec![
        item(
            "首次响应时间",
            20.0,
            Rule::Ratio {
                target: 40.0,
                floor: 0.0,
                cap: 110.0,
            },
            None,
        ),
        item(
            "平均响应时间",
            15.0,
            Rule::Linear {
                zero_at: 90.0,
                full_at: 40.0,
                stretch: None,
                cap: 100.0,
            },
            None,
        ),
        item(
            "退款率",
            15.0,
            Rule::bands(&[(0.01, 100.0), (0.02, 80.0), (0.03, 60.0)], 0.0),
            None,
        ),
        item("慢响应人数", 10.0, Rule::Relative { cap: 150.0 }, None),
        item("中差评数", 15.0, Rule::Rank, None),
        item("首次响应时间", 15.0, Rule::Percentile, None),
        // Direction overridden: fewer days pass (a made-up gate, for the ≤ form).
        item(
            "出勤天数",
            10.0,
            Rule::Gate {
                threshold: 24.0,
                zero_total: false,
            },
            Some(Direction::Lower),
        ),
    ];
    let plans = vec![
        Plan {
            id: Default::default(),
            name: "售前全规则".into(),
            month: "2026-11".into(),
            group: Some("售前".into()),
            items: higher,
            grading: thresholds(&[
                ("S", 95.0),
                ("A", 85.0),
                ("B", 70.0),
                ("C", 60.0),
                ("D", 0.0),
            ]),
        },
        Plan {
            id: Default::default(),
            name: "全员越低越好".into(),
            month: "2026-11".into(),
            group: None,
            items: lower,
            grading: forced(&[("优", 0.2), ("良", 0.7), ("差", 0.1)]),
        },
    ];
    // The templates too: their 售前 scores sheet is where the COUNTIF rank
    // (total cut to 15-digit text) ranked an agent below itself.
    let mut plans = plans;
    plans.push(template(Template::PreSales, "售前", "2026-11"));
    plans.push(template(Template::AfterSales, "售后", "2026-11"));
    let step = |min: f64, coef: f64| CoefStep { min, coef };
    let models = vec![
        // Score table, a zeroing gate, pro-rating, ¥10.
        PayoutModel::example("系数表"),
        // Grade table (both plans' labels, and one neither has), marginal
        // commission, a halving gate on refunds (fails above), ¥1.
        PayoutModel {
            id: Default::default(),
            name: "等级提成".into(),
            components: vec![
                Component::Target {
                    base: 800.0,
                    coef: Coefficient::GradeTable(vec![
                        GradeCoef {
                            grade: "S".into(),
                            coef: 1.6,
                        },
                        GradeCoef {
                            grade: "A".into(),
                            coef: 1.2,
                        },
                        GradeCoef {
                            grade: "B".into(),
                            coef: 1.0,
                        },
                        GradeCoef {
                            grade: "优".into(),
                            coef: 1.5,
                        },
                        GradeCoef {
                            grade: "良".into(),
                            coef: 1.0,
                        },
                        GradeCoef {
                            grade: "X".into(),
                            coef: 9.0,
                        },
                    ]),
                },
                Component::Commission {
                    column: "客服销售额".into(),
                    tiers: tiers(&[(0.0, 0.005), (80_000.0, 0.008), (120_000.0, 0.01)]),
                    mode: TierMode::Marginal,
                    multiplier: 1.0,
                },
            ],
            gates: vec![PayGate {
                column: "退款率".into(),
                threshold: 0.03,
                fail_below: false,
                cut: 0.5,
            }],
            prorate: None,
            rounding: 1.0,
            budget: None,
            lines: Default::default(),
        },
        // Curve, retroactive commission, a second target part (score
        // table, computed inline), a pool by sales, two gates, ¥100.
        PayoutModel {
            id: Default::default(),
            name: "曲线奖池".into(),
            components: vec![
                Component::Target {
                    base: 1500.0,
                    coef: Coefficient::Curve {
                        threshold: 50.0,
                        start: 0.5,
                        slope: 0.02,
                        cap: 1.4,
                    },
                },
                Component::Commission {
                    column: "客服销售额".into(),
                    tiers: tiers(&[(50_000.0, 0.01), (0.0, 0.004), (100_000.0, 0.012)]),
                    mode: TierMode::Retroactive,
                    multiplier: 1.5,
                },
                Component::Target {
                    base: 300.0,
                    coef: Coefficient::ScoreTable {
                        steps: vec![step(80.0, 1.0), step(60.0, 0.5)],
                        otherwise: 0.1,
                    },
                },
                Component::Pool {
                    amount: 30_000.0,
                    base_column: Some("客服销售额".into()),
                    floor: 100.0,
                    cap: Some(3_000.0),
                },
            ],
            gates: vec![
                PayGate {
                    column: "质检得分".into(),
                    threshold: 75.0,
                    fail_below: true,
                    cut: 0.3,
                },
                PayGate {
                    column: "出勤天数".into(),
                    threshold: 20.0,
                    fail_below: true,
                    cut: 1.0,
                },
            ],
            prorate: Some(Prorate {
                column: "出勤天数".into(),
                full_days: 21.75,
            }),
            rounding: 100.0,
            budget: Some(80_000.0),
            lines: Default::default(),
        },
        // A pool alone, to the fen.
        PayoutModel {
            id: Default::default(),
            name: "奖池".into(),
            components: vec![Component::Pool {
                amount: 20_000.0,
                base_column: None,
                floor: 200.0,
                cap: Some(2_500.0),
            }],
            gates: Vec::new(),
            prorate: Some(Prorate {
                column: "出勤天数".into(),
                full_days: 22.0,
            }),
            rounding: 0.01,
            budget: None,
            lines: Default::default(),
        },
    ];
    let mut models = models;
    // Pay lines on three models: every line kind, caps, both veto scopes,
    // the three floors and two rounding units.
    // 中差评 × ¥50, × ¥1,200 (3 or more take some below 0) and × ¥400
    // (more than the variable pay of several).
    models[0].lines = demo_lines(Floor::Total, 0.01, 50.0);
    models[1].lines = demo_lines(Floor::None, 10.0, 1200.0);
    models[2].lines = demo_lines(Floor::Total, 0.01, 1200.0);
    models[3].lines = demo_lines(Floor::Variable, 1.0, 400.0);
    Workbook::with_plans(flagged_demo_table(), "2026-11", plans).with_payouts(models)
}

/// The demo team with a 红线 column: 泄露客户信息 on the 3rd agent, 辱骂客户
/// on the 8th, an unknown finding on the 12th.
fn flagged_demo_table() -> Table {
    let mut out = String::new();
    for (i, line) in kpi_sandbox::io::demo::DEMO_TSV.lines().enumerate() {
        let flag = match i {
            0 => "红线",
            3 => "泄露客户信息",
            8 => "辱骂客户",
            12 => "迟到早退",
            _ => "",
        };
        out.push_str(&format!("{line}\t{flag}\n"));
    }
    import_text(&out).table
}

fn demo_lines(floor: Floor, rounding: f64, per_review: f64) -> PayLines {
    use LineKind::*;
    let line = |name: &str, kind: LineKind, calc: LineCalc, cap: Option<f64>| PayLine {
        name: name.into(),
        kind,
        calc,
        cap,
    };
    let la = |label: &str, amount: f64| LabelAmount {
        label: label.into(),
        amount,
    };
    PayLines {
        items: vec![
            line(
                "底薪",
                Fixed,
                LineCalc::ByLabel {
                    column: "分组".into(),
                    amounts: vec![la("售前", 3000.0), la("售后", 2800.0)],
                    otherwise: 2500.0,
                },
                None,
            ),
            line("岗位工资", Fixed, LineCalc::Flat { amount: 500.0 }, None),
            line(
                "全勤奖",
                Allowance,
                LineCalc::IfAll {
                    amount: 200.0,
                    conditions: vec![Condition {
                        column: "出勤天数".into(),
                        cmp: Cmp::Ge,
                        value: 22.0,
                    }],
                },
                None,
            ),
            line(
                "餐补",
                Allowance,
                LineCalc::PerUnit {
                    column: "出勤天数".into(),
                    rate: 15.5,
                    above: 0.0,
                },
                Some(380.0),
            ),
            line(
                "出师奖励",
                Award,
                LineCalc::ByAgent {
                    amounts: vec![la("阿杰", 500.0)],
                },
                None,
            ),
            line(
                "慢响应扣款",
                Deduction,
                LineCalc::PerUnit {
                    column: "慢响应人数".into(),
                    rate: 20.0,
                    above: 5.0,
                },
                Some(100.0),
            ),
            line(
                "中差评扣款",
                Deduction,
                LineCalc::PerUnit {
                    column: "中差评数".into(),
                    rate: per_review,
                    above: 0.0,
                },
                None,
            ),
            line(
                "质检扣款",
                Deduction,
                LineCalc::BelowLine {
                    column: "质检得分".into(),
                    line: 85.0,
                    rate: 12.5,
                },
                Some(150.0),
            ),
        ],
        vetoes: vec![
            Veto {
                name: "严重红线".into(),
                column: "红线".into(),
                findings: vec!["泄露客户信息".into()],
                scope: VetoScope::Variable,
            },
            Veto {
                name: "一般红线".into(),
                column: "红线".into(),
                findings: vec!["辱骂客户".into()],
                scope: VetoScope::Bonus,
            },
        ],
        floor,
        rounding,
    }
}

/// Metric columns of a random team: header, low, high, decimals, percent.
const METRICS: &[(&str, f64, f64, u32, bool)] = &[
    ("询单人数", 0.0, 2000.0, 0, false),
    ("询单转化率", 15.0, 60.0, 2, true),
    ("客单价", 50.0, 400.0, 2, false),
    ("客服销售额", 0.0, 200_000.0, 2, false),
    ("退款率", 0.0, 8.0, 2, true),
    ("首次响应时间", 8.0, 80.0, 1, false),
    ("回复率", 85.0, 100.0, 2, true),
    ("客户满意度", 80.0, 100.0, 2, true),
    ("中差评数", 0.0, 8.0, 0, false),
    ("出勤天数", 10.0, 26.0, 0, false),
    ("质检得分", 50.0, 100.0, 1, false),
];

fn random_team(rng: &mut Rng) -> Table {
    let n = match rng.below(10) {
        0 => 1 + rng.below(3) as usize,
        _ => 4 + rng.below(22) as usize,
    };
    let mut s = String::from("客服昵称\t分组");
    for m in METRICS {
        s.push('\t');
        s.push_str(m.0);
    }
    s.push('\n');
    // A few values per column that agents share, so ties happen.
    let pools: Vec<Vec<f64>> = METRICS
        .iter()
        .map(|(_, lo, hi, _, _)| (0..3).map(|_| rng.range(*lo, *hi)).collect())
        .collect();
    for i in 0..n {
        let group = if rng.below(3) == 0 {
            "售后"
        } else {
            "售前"
        };
        s.push_str(&format!("客服{i}\t{group}"));
        for (m, pool) in METRICS.iter().zip(&pools) {
            let (_, lo, hi, dp, pct) = *m;
            s.push('\t');
            match rng.below(100) {
                0..=6 => {}
                7 => s.push('-'),
                8..=30 => {
                    let v = pool[rng.below(3) as usize];
                    s.push_str(&fmt(v, dp, pct));
                }
                _ => s.push_str(&fmt(rng.range(lo, hi), dp, pct)),
            }
        }
        s.push('\n');
    }
    import_text(&s).table
}

fn fmt(v: f64, dp: u32, pct: bool) -> String {
    let s = format!("{v:.*}", dp as usize);
    if pct {
        format!("{s}%")
    } else {
        s
    }
}

const LABELS: &[&str] = &["S", "A", "B", "C", "D", "优", "良", "中", "a", "B+"];

fn random_rule(rng: &mut Rng, lo: f64, hi: f64, lower: bool, scale: f64) -> Rule {
    let r = |_: &mut Rng, x: f64| (x * scale).round() / scale;
    let v = rng.range(lo, hi);
    let mid = r(rng, v);
    let caps = [100.0, 110.0, 120.0, 150.0];
    match rng.below(7) {
        0 => Rule::Ratio {
            target: mid.max(1.0 / scale),
            floor: [0.0, 0.0, 20.0, 50.0][rng.below(4) as usize],
            cap: caps[rng.below(4) as usize],
        },
        1 => {
            let (va, vb) = (rng.range(lo, mid), rng.range(mid, hi));
            let (a, b) = (r(rng, va), r(rng, vb));
            let (zero_at, full_at) = if lower { (b, a) } else { (a, b) };
            if zero_at == full_at {
                return Rule::Rank;
            }
            let stretch = (rng.below(2) == 0).then(|| {
                let beyond = full_at + (full_at - zero_at) * 0.5;
                ((beyond * scale).round() / scale, 120.0)
            });
            let stretch = stretch.filter(|s| (s.0 - full_at) * (full_at - zero_at) > 0.0);
            Rule::Linear {
                zero_at,
                full_at,
                stretch,
                cap: caps[rng.below(4) as usize],
            }
        }
        2 => {
            let k = 1 + rng.below(4);
            let bands = (0..k)
                .map(|_| Band {
                    threshold: (rng.range(lo, hi) * scale).round() / scale,
                    points: [100.0, 90.0, 80.0, 60.0, 120.0][rng.below(5) as usize],
                })
                .collect();
            Rule::Bands {
                bands,
                otherwise: [0.0, 0.0, 30.0][rng.below(3) as usize],
            }
        }
        3 => Rule::Relative {
            cap: caps[rng.below(4) as usize],
        },
        4 => Rule::Rank,
        5 => Rule::Percentile,
        _ => Rule::Gate {
            threshold: mid,
            zero_total: rng.below(2) == 0,
        },
    }
}

fn random_plan(rng: &mut Rng, k: usize) -> Plan {
    let n_items = 1 + rng.below(6) as usize;
    let mut cols: Vec<usize> = (0..METRICS.len()).collect();
    rng.shuffle(&mut cols);
    let mut items = Vec::new();
    for &c in cols.iter().take(n_items) {
        let (name, lo, hi, dp, pct) = METRICS[c];
        let (lo, hi, scale) = if pct {
            (lo / 100.0, hi / 100.0, 10f64.powi(dp as i32 + 2))
        } else {
            (lo, hi, 10f64.powi(dp as i32))
        };
        let direction = match rng.below(6) {
            0 => Some(Direction::Higher),
            1 => Some(Direction::Lower),
            _ => None,
        };
        let lower = matches!(direction, Some(Direction::Lower))
            || (direction.is_none() && matches!(name, "退款率" | "首次响应时间" | "中差评数"));
        items.push(item(
            name,
            5.0 * (1 + rng.below(8)) as f64,
            random_rule(rng, lo, hi, lower, scale),
            direction,
        ));
    }
    let mut labels: Vec<&str> = LABELS.to_vec();
    rng.shuffle(&mut labels);
    let n_grades = 2 + rng.below(4) as usize;
    let grading = if rng.below(3) == 0 {
        let shares: Vec<f64> = match n_grades {
            2 => vec![0.3, 0.7],
            3 => vec![0.2, 0.7, 0.1],
            4 => vec![0.1, 0.2, 0.4, 0.3],
            _ => vec![0.1, 0.2, 0.3, 0.3, 0.1],
        };
        Grading::Forced(
            shares
                .iter()
                .zip(&labels)
                .map(|(s, l)| GradeShare {
                    label: (*l).into(),
                    share: *s,
                })
                .collect(),
        )
    } else {
        Grading::Thresholds(
            (0..n_grades)
                .map(|i| GradeThreshold {
                    label: labels[i].into(),
                    min: (rng.range(30.0, 100.0)).round(),
                })
                .collect(),
        )
    };
    Plan {
        id: Default::default(),
        name: format!("随机{k}"),
        month: "2026-11".into(),
        group: match rng.below(4) {
            0 => Some("售前".into()),
            1 => Some("售后".into()),
            _ => None,
        },
        items,
        grading,
    }
}

fn random_coef(rng: &mut Rng, labels: &[String]) -> Coefficient {
    match rng.below(3) {
        0 => Coefficient::ScoreTable {
            steps: (0..1 + rng.below(4))
                .map(|_| CoefStep {
                    min: rng.range(40.0, 100.0).round(),
                    coef: (rng.range(0.2, 2.0) * 10.0).round() / 10.0,
                })
                .collect(),
            otherwise: [0.0, 0.3][rng.below(2) as usize],
        },
        1 => {
            let mut g: Vec<GradeCoef> = Vec::new();
            for l in labels {
                if rng.below(5) != 0 {
                    g.push(GradeCoef {
                        grade: l.clone(),
                        coef: (rng.range(0.0, 2.0) * 10.0).round() / 10.0,
                    });
                }
            }
            // A label of another case, which must not match (text is compared exactly).
            if let Some(first) = labels.first() {
                let other = if first.to_lowercase() != *first {
                    first.to_lowercase()
                } else {
                    first.to_uppercase()
                };
                if other != *first {
                    g.push(GradeCoef {
                        grade: other,
                        coef: 7.0,
                    });
                }
            }
            Coefficient::GradeTable(g)
        }
        _ => Coefficient::Curve {
            threshold: rng.range(30.0, 80.0).round(),
            start: (rng.range(0.2, 1.0) * 10.0).round() / 10.0,
            slope: (rng.range(0.0, 0.05) * 1000.0).round() / 1000.0,
            cap: (rng.range(1.0, 2.0) * 10.0).round() / 10.0,
        },
    }
}

fn random_model(rng: &mut Rng, k: usize, labels: &[String]) -> PayoutModel {
    let mut components = Vec::new();
    for _ in 0..1 + rng.below(3) {
        components.push(match rng.below(4) {
            0 | 1 => Component::Target {
                base: 100.0 * (5 + rng.below(26)) as f64,
                coef: random_coef(rng, labels),
            },
            2 => {
                let mut t = vec![(0.0, (rng.range(0.002, 0.01) * 1e4).round() / 1e4)];
                for _ in 0..rng.below(3) {
                    t.push((
                        (rng.range(10_000.0, 150_000.0) / 1000.0).round() * 1000.0,
                        (rng.range(0.002, 0.02) * 1e4).round() / 1e4,
                    ));
                }
                Component::Commission {
                    column: if rng.below(5) == 0 {
                        "询单人数".into()
                    } else {
                        "客服销售额".into()
                    },
                    tiers: tiers(&t),
                    mode: if rng.below(2) == 0 {
                        TierMode::Marginal
                    } else {
                        TierMode::Retroactive
                    },
                    multiplier: [1.0, 0.5, 1.5, 2.0][rng.below(4) as usize],
                }
            }
            _ => Component::Pool {
                amount: 1000.0 * (1 + rng.below(40)) as f64,
                base_column: (rng.below(2) == 0).then(|| "客服销售额".to_string()),
                floor: [0.0, 100.0, 300.0][rng.below(3) as usize],
                cap: [None, Some(2000.0), Some(5000.0)][rng.below(3) as usize],
            },
        });
    }
    let gate_pool = [
        ("出勤天数", 18.0, true),
        ("质检得分", 70.0, true),
        ("退款率", 0.05, false),
        ("首次响应时间", 60.0, false),
    ];
    let gates = (0..rng.below(3))
        .map(|_| {
            let (column, threshold, fail_below) = gate_pool[rng.below(4) as usize];
            PayGate {
                column: column.into(),
                threshold,
                fail_below,
                cut: [1.0, 0.5, 0.3, 0.25][rng.below(4) as usize],
            }
        })
        .collect();
    PayoutModel {
        id: Default::default(),
        name: format!("模型{k}"),
        components,
        gates,
        prorate: (rng.below(3) != 0).then(|| Prorate {
            column: "出勤天数".into(),
            full_days: [22.0, 21.75, 26.0][rng.below(3) as usize],
        }),
        rounding: ROUNDING_UNITS[rng.below(4) as usize],
        budget: None,
        lines: Default::default(),
    }
}

/// Seeded random workbook `k`: a random team, 1–2 plans, 1–3 models.
pub fn random_workbook(seed: u64, k: usize) -> Workbook {
    let mut rng = Rng::new(seed);
    let table = random_team(&mut rng);
    let plans: Vec<Plan> = (0..1 + rng.below(2) as usize)
        .map(|i| random_plan(&mut rng, k * 10 + i))
        .collect();
    let labels: Vec<String> = plans.iter().flat_map(|p| p.grading.labels()).collect();
    let models = (0..1 + rng.below(3) as usize)
        .map(|i| random_model(&mut rng, k * 10 + i, &labels))
        .collect();
    Workbook::with_plans(table, "2026-11", plans).with_payouts(models)
}

/// The export of `wb` with, per sheet, the model's value of each formula cell.
pub fn book(name: &str, wb: &Workbook, lang: Lang) -> Book {
    let bytes = workbook_xlsx(&wb.snapshot(), lang);
    let x: calamine::Xlsx<_> =
        calamine::Reader::new(Cursor::new(bytes.clone())).expect("read export");
    let names = calamine::Reader::sheet_names(&x).to_vec();
    let t = wb.table();
    let mut want: Sheets = BTreeMap::new();
    // Sheets in the writer's order: data, plans, then per plan its scores and payouts.
    let mut at = 1 + usize::from(!wb.plans().is_empty());
    let mut reached = [false; 3];
    for plan in wb.plans() {
        let s = score(t, plan);
        let sheet = want.entry(names[at].clone()).or_default();
        at += 1;
        let n = plan.items.len();
        let total_col = 1 + 3 * n;
        for (k, a) in s.agents.iter().enumerate() {
            let r = (k + 1) as u32;
            let who = t.agent_name(a.row);
            for (i, it) in a.items.iter().enumerate() {
                let c = (2 + 3 * i) as u32;
                let what = format!("{} {who} {}", plan.name, plan.items[i].column);
                sheet.insert((r, c), (Want::Num(it.points), format!("{what} points")));
                sheet.insert(
                    (r, c + 1),
                    (Want::Num(it.weighted), format!("{what} weighted")),
                );
            }
            let tc = total_col as u32;
            sheet.insert((r, tc), (Want::Num(a.total), format!("{who} total")));
            sheet.insert(
                (r, tc + 1),
                (Want::Num(a.rank as f64), format!("{who} rank")),
            );
            sheet.insert(
                (r, tc + 2),
                (
                    Want::Text(s.grade_labels[a.grade].clone()),
                    format!("{who} grade"),
                ),
            );
        }
        for m in wb.payouts() {
            let p = compute(t, plan, &s, m);
            let sheet = want.entry(names[at].clone()).or_default();
            at += 1;
            let mut inputs: Vec<String> = Vec::new();
            for c in m.columns() {
                if !inputs.contains(&c) {
                    inputs.push(c);
                }
            }
            let coef_col = 3 + inputs.len() as u32;
            let parts_col = coef_col + 1;
            let gate_col = parts_col + m.components.len() as u32;
            let (days_col, gross_col, pay_col) = (gate_col + 1, gate_col + 2, gate_col + 3);
            for (k, a) in p.agents.iter().enumerate() {
                let r = (k + 1) as u32;
                let who = format!("{} {}", m.name, a.agent);
                let mut put = |c: u32, w: Want, what: &str| {
                    sheet.insert((r, c), (w, format!("{who} {what}")));
                };
                put(1, Want::Num(a.score), "score");
                put(2, Want::Text(s.grade_labels[a.grade].clone()), "grade");
                put(coef_col, Want::Num(a.coef.unwrap_or(0.0)), "coefficient");
                for (i, part) in a.parts.iter().enumerate() {
                    put(
                        parts_col + i as u32,
                        Want::Num(*part),
                        &format!("part {}", i + 1),
                    );
                }
                put(gate_col, Want::Num(a.gate_factor), "gate factor");
                put(days_col, Want::Num(a.days_factor), "days factor");
                put(gross_col, Want::Num(a.gross), "gross");
                put(pay_col, Want::Num(a.pay), "pay");
            }
            sheet.insert(
                (p.agents.len() as u32 + 1, pay_col),
                (Want::Num(p.stats.total), format!("{} total", m.name)),
            );
            if !m.lines.is_empty() {
                // The pay sheet: bonus, each formula line, the subtotals and
                // 应发合计; then 合计 and 平均 rows (layout in xlsx_write/paysheet.rs).
                let ps = evaluate(t, &p, &m.lines);
                let sheet = want.entry(names[at].clone()).or_default();
                at += 1;
                let nl = m.lines.items.len();
                let total_col = 2 + nl + 3;
                for (k, r) in ps.rows.iter().enumerate() {
                    let row = (k + 1) as u32;
                    let who = format!("{} {}", m.name, r.agent);
                    let mut put = |c: usize, v: f64, what: &str| {
                        sheet.insert((row, c as u32), (Want::Num(v), format!("{who} {what}")));
                    };
                    put(1, r.bonus, "绩效奖金");
                    for (i, (l, a)) in m.lines.items.iter().zip(&r.lines).enumerate() {
                        if !matches!(l.calc, LineCalc::ByAgent { .. }) {
                            put(2 + i, a.amount, &l.name);
                        }
                    }
                    put(2 + nl, r.fixed, "固定");
                    put(3 + nl, r.variable, "浮动");
                    put(4 + nl, r.deductions, "扣款");
                    put(5 + nl, r.total, "应发合计");
                }
                let n = ps.rows.len();
                for c in 1..=total_col {
                    let col: Vec<f64> = ps
                        .rows
                        .iter()
                        .map(|r| match c {
                            1 => r.bonus,
                            c if c < 2 + nl => r.lines[c - 2].amount,
                            c if c == 2 + nl => r.fixed,
                            c if c == 3 + nl => r.variable,
                            c if c == 4 + nl => r.deductions,
                            _ => r.total,
                        })
                        .collect();
                    let sum: f64 = col.iter().sum();
                    let label = format!("{} column {c}", m.name);
                    sheet.insert(
                        ((n + 1) as u32, c as u32),
                        (Want::Num(sum), format!("{label} sum")),
                    );
                    sheet.insert(
                        ((n + 2) as u32, c as u32),
                        (Want::Num(sum / n as f64), format!("{label} mean")),
                    );
                }
                // The floors are exercised, not only written (checked below).
                for r in &ps.rows {
                    match m.lines.floor {
                        Floor::None if r.total < 0.0 => reached[2] = true,
                        Floor::Total if r.floored => reached[0] = true,
                        Floor::Variable if r.floored => reached[1] = true,
                        _ => {}
                    }
                }
            }
        }
    }
    assert_eq!(at + 1, names.len(), "{name}: sheets {names:?}");
    let any_lines = wb.payouts().iter().any(|m| !m.lines.is_empty());
    assert!(
        !any_lines || reached == [true; 3],
        "{name}: floors reached (total, variable, none) {reached:?}"
    );
    Book {
        name: name.into(),
        bytes,
        want,
    }
}
