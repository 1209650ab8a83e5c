//! The pay sheet (绩效工资表): pay lines beyond the bonus, in the documented
//! order (bonus → 红线 → lines and caps → deductions → floor → one rounding).
//! Every expected number is worked by hand in the comments (docs/PAYSHEET.md
//! repeats the 6-agent example).
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
use kpi_sandbox::model::paysheet::*;
use kpi_sandbox::model::plan::{score, Grading, Plan, PlanItem, Rule};
use kpi_sandbox::model::Table;

/// Six agents. Scores = 询单转化率 ÷ 40 % × 100: 甲 100, 乙 90, 丙 75, 丁 55,
/// 戊 97.5, 己 62.5.
pub fn team() -> Table {
    import_text(
        "客服昵称\t询单转化率\t出勤天数\t底薪\t职级\t工龄\t事假天数\t迟到次数\t中差评数\t质检得分\t红线\n\
         甲\t40%\t22\t3000\tP2\t3\t0\t0\t0\t95\t无\n\
         乙\t36%\t21.5\t3000\tP1\t5\t0.5\t7\t1\t82\t\n\
         丙\t30%\t22\t2800\tP3\t0\t0\t2\t0\t70\t辱骂客户\n\
         丁\t22%\t22\t2800\tP1\t1\t0\t0\t2\t88\t泄露客户信息\n\
         戊\t39%\t20\t2600\tP9\t0.5\t0\t0\t0\t90\t迟到早退\n\
         己\t25%\t8\t0\t\t0\t2\t3\t8\t60\t无\n",
    )
    .table
}

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

fn line(name: &str, kind: LineKind, calc: LineCalc, cap: Option<f64>) -> PayLine {
    PayLine {
        name: name.into(),
        kind,
        calc,
        cap,
    }
}

fn la(label: &str, amount: f64) -> LabelAmount {
    LabelAmount {
        label: label.into(),
        amount,
    }
}

fn per(column: &str, rate: f64) -> LineCalc {
    LineCalc::PerUnit {
        column: column.into(),
        rate,
        above: 0.0,
    }
}

/// Every line type: 底薪 by column, 岗位工资 by level, 工龄工资 per year
/// (cap 200), 全勤奖 (出勤 ≥ 22 and 事假 = 0), 餐补 ¥15 per day, 出师奖励 for
/// 戊 (and 庚, who is not in the month), 迟到 × ¥20 (cap 100), 中差评 × ¥50,
/// 质检 (90 − score) × ¥10 (cap 150); 红线: 泄露客户信息 zeroes all variable
/// pay, 辱骂客户 the bonus.
pub fn lines() -> PayLines {
    use LineKind::*;
    PayLines {
        items: vec![
            line(
                "底薪",
                Fixed,
                LineCalc::Column {
                    column: "底薪".into(),
                },
                None,
            ),
            line(
                "岗位工资",
                Fixed,
                LineCalc::ByLabel {
                    column: "职级".into(),
                    amounts: vec![la("P1", 300.0), la("P2", 600.0), la("P3", 1000.0)],
                    otherwise: 0.0,
                },
                None,
            ),
            line("工龄工资", Fixed, per("工龄", 50.0), Some(200.0)),
            line(
                "全勤奖",
                Allowance,
                LineCalc::IfAll {
                    amount: 200.0,
                    conditions: vec![
                        Condition {
                            column: "出勤天数".into(),
                            cmp: Cmp::Ge,
                            value: 22.0,
                        },
                        Condition {
                            column: "事假天数".into(),
                            cmp: Cmp::Eq,
                            value: 0.0,
                        },
                    ],
                },
                None,
            ),
            line("餐补", Allowance, per("出勤天数", 15.0), None),
            line(
                "出师奖励",
                Award,
                LineCalc::ByAgent {
                    amounts: vec![la("戊", 500.0), la("庚", 500.0)],
                },
                None,
            ),
            line("迟到扣款", Deduction, per("迟到次数", 20.0), Some(100.0)),
            line("中差评扣款", Deduction, per("中差评数", 50.0), None),
            line(
                "质检扣款",
                Deduction,
                LineCalc::BelowLine {
                    column: "质检得分".into(),
                    line: 90.0,
                    rate: 10.0,
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
        floor: Floor::Total,
        rounding: 0.01,
    }
}

/// ¥1,000 × 绩效系数 (95→1.5, 85→1.2, 70→1.0, 60→0.6), a gate 出勤天数 < 10
/// takes all of it, pro-rated over 22 days, rounded to ¥10.
pub fn model(lines: PayLines) -> PayoutModel {
    let s = |min: f64, coef: f64| CoefStep { min, coef };
    PayoutModel {
        id: Default::default(),
        name: "工资方案".into(),
        components: vec![Component::Target {
            base: 1000.0,
            coef: Coefficient::ScoreTable {
                steps: vec![s(95.0, 1.5), s(85.0, 1.2), s(70.0, 1.0), s(60.0, 0.6)],
                otherwise: 0.0,
            },
        }],
        gates: vec![PayGate {
            column: "出勤天数".into(),
            threshold: 10.0,
            fail_below: true,
            cut: 1.0,
        }],
        prorate: Some(Prorate {
            column: "出勤天数".into(),
            full_days: 22.0,
        }),
        rounding: 10.0,
        budget: None,
        lines,
    }
}

fn sheet(t: &Table, m: &PayoutModel) -> PaySheet {
    let p = plan();
    let pays = compute(t, &p, &score(t, &p), m);
    evaluate(t, &pays, &m.lines)
}

/// One agent's expected row: bonus as paid, line amounts, deducted, total.
struct Want {
    agent: &'static str,
    bonus: f64,
    lines: [f64; 9],
    deducted: f64,
    floored: bool,
    total: f64,
}

fn check(got: &PaySheet, want: &[Want]) {
    assert_eq!(got.rows.len(), want.len());
    for (g, w) in got.rows.iter().zip(want) {
        assert_eq!(g.agent, w.agent);
        let amounts: Vec<f64> = g.lines.iter().map(|l| l.amount).collect();
        for (i, (a, b)) in amounts.iter().zip(&w.lines).enumerate() {
            assert!(
                (a - b).abs() < 1e-9,
                "{} line {i}: got {a}, want {b}",
                w.agent
            );
        }
        assert_eq!(g.bonus, w.bonus, "{} bonus", w.agent);
        assert!(
            (g.deducted - w.deducted).abs() < 1e-9,
            "{} deducted {} want {}",
            w.agent,
            g.deducted,
            w.deducted
        );
        assert_eq!(g.floored, w.floored, "{} floored", w.agent);
        assert_eq!(g.total, w.total, "{} total", w.agent);
    }
}

/// The hand-worked sheet; lines are 底薪 岗位 工龄 全勤 餐补 出师 迟到 差评 质检.
fn worked() -> Vec<Want> {
    vec![
        // 甲: 1,000 × 1.5 = 1,500, full month. Fixed 3,000 + 600 + 3 × 50 = 3,750;
        // variable 1,500 + 200 + 22 × 15 = 2,030; QA 95 ≥ 90: nothing. 5,780.
        Want {
            agent: "甲",
            bonus: 1500.0,
            lines: [3000.0, 600.0, 150.0, 200.0, 330.0, 0.0, 0.0, 0.0, 0.0],
            deducted: 0.0,
            floored: false,
            total: 5780.0,
        },
        // 乙: 1,200 × 21.5/22 = 1,172.73 → 1,170. 工龄 5 × 50 = 250 capped at 200;
        // 21.5 days and 0.5 事假: no 全勤; 餐补 21.5 × 15 = 322.5; 迟到 7 × 20 = 140
        // capped at 100; 中差评 50; 质检 (90 − 82) × 10 = 80.
        // 3,500 + 1,170 + 322.5 − 230 = 4,762.50.
        Want {
            agent: "乙",
            bonus: 1170.0,
            lines: [3000.0, 300.0, 200.0, 0.0, 322.5, 0.0, 100.0, 50.0, 80.0],
            deducted: 230.0,
            floored: false,
            total: 4762.5,
        },
        // 丙: 辱骂客户 → the bonus (1,000) is zeroed, allowances stay.
        // 3,800 + 200 + 330 − (40 + 150 capped from 200) = 4,140.
        Want {
            agent: "丙",
            bonus: 0.0,
            lines: [2800.0, 1000.0, 0.0, 200.0, 330.0, 0.0, 40.0, 0.0, 150.0],
            deducted: 190.0,
            floored: false,
            total: 4140.0,
        },
        // 丁: score 55 → no bonus; 泄露客户信息 → 全勤奖 and 餐补 zeroed too.
        // 3,150 − (100 + 20) = 3,030.
        Want {
            agent: "丁",
            bonus: 0.0,
            lines: [2800.0, 300.0, 50.0, 0.0, 0.0, 0.0, 0.0, 100.0, 20.0],
            deducted: 120.0,
            floored: false,
            total: 3030.0,
        },
        // 戊: 1,500 × 20/22 = 1,363.64 → 1,360; P9 is not in the table → 0;
        // 迟到早退 is not a listed finding → no veto. 2,625 + 1,360 + 300 + 500 = 4,785.
        Want {
            agent: "戊",
            bonus: 1360.0,
            lines: [2600.0, 0.0, 25.0, 0.0, 300.0, 500.0, 0.0, 0.0, 0.0],
            deducted: 0.0,
            floored: false,
            total: 4785.0,
        },
        // 己: 8 days fail the gate (< 10) → no bonus. 餐补 120; deductions
        // 60 + 400 + 150 (capped from 300) = 610 > 120 → only 120 taken, 0.
        Want {
            agent: "己",
            bonus: 0.0,
            lines: [0.0, 0.0, 0.0, 0.0, 120.0, 0.0, 60.0, 400.0, 150.0],
            deducted: 120.0,
            floored: true,
            total: 0.0,
        },
    ]
}

#[test]
fn six_agents_every_line_type_worked_by_hand() {
    let t = team();
    assert_eq!(t.len(), 6);
    let m = model(lines());
    let s = sheet(&t, &m);
    check(&s, &worked());
    // The bonus before the veto is the 奖金 workspace's figure.
    let before: Vec<f64> = s.rows.iter().map(|r| r.bonus_before_veto).collect();
    assert_eq!(before, vec![1500.0, 1170.0, 1000.0, 0.0, 1360.0, 0.0]);
    assert_eq!(s.rows[2].veto, Some((1, "辱骂客户".into())));
    assert_eq!(s.rows[3].veto, Some((0, "泄露客户信息".into())));
    assert!(s.rows[3].lines[3].vetoed && s.rows[3].lines[4].vetoed);
    assert!(s.rows[1].lines[2].capped && s.rows[1].lines[6].capped);
    assert_eq!(s.rows[1].lines[2].uncapped, 250.0);
    assert!(s.rows[1].lines[3].unmet && !s.rows[0].lines[3].unmet);
    // Totals: 5,780 + 4,762.5 + 4,140 + 3,030 + 4,785 + 0.
    assert_eq!(s.total, 22_497.5);
    assert!((s.mean() - 22_497.5 / 6.0).abs() < 1e-9);
    assert_eq!(s.bonus_total, 4_030.0);
    assert_eq!(
        s.line_totals,
        vec![14_200.0, 2_200.0, 425.0, 400.0, 1_402.5, 500.0, 200.0, 550.0, 400.0]
    );
    // 610 computed, 120 taken from 己: 1,150 − 490.
    assert_eq!(s.deducted_total, 660.0);
    // What the manager is told.
    let has = |m: Msg, arg: &str| {
        s.issues
            .iter()
            .any(|i| i.msg == m && i.args.iter().any(|a| a == arg))
    };
    assert!(has(Msg::SheetWarnUnknownLabel, "P9"));
    assert!(has(Msg::SheetWarnUnknownFlag, "迟到早退"));
    assert!(has(Msg::SheetWarnAbsent, "庚"));
    assert!(has(Msg::SheetWarnFloored, "己"));
    assert!(has(Msg::SheetWarnMissing, "岗位工资"), "{:?}", s.issues);
    assert!(
        s.issues.iter().all(|i| !i.error || i.agent.is_some()),
        "{:?}",
        s.issues
    );
    // Unknown labels and flags warn; they are not errors.
    assert!(s
        .issues
        .iter()
        .filter(|i| matches!(
            i.msg,
            Msg::SheetWarnUnknownLabel | Msg::SheetWarnUnknownFlag
        ))
        .all(|i| !i.error));
}

#[test]
fn floor_variants_and_the_one_rounding() {
    let t = team();
    // Floor::Variable protects fixed pay: 丁 (variable 0 after the veto) loses
    // none of its 120 → 3,150; 己 the same as before (120 taken) → 0.
    let mut l = lines();
    l.floor = Floor::Variable;
    let s = sheet(&t, &model(l));
    let totals: Vec<f64> = s.rows.iter().map(|r| r.total).collect();
    assert_eq!(totals, vec![5780.0, 4762.5, 4140.0, 3150.0, 4785.0, 0.0]);
    assert!(s.rows[3].floored);
    // No floor: 己 120 − 610 = −490, flagged.
    let mut l = lines();
    l.floor = Floor::None;
    let s = sheet(&t, &model(l));
    assert_eq!(s.rows[5].total, -490.0);
    assert!(!s.rows[5].floored);
    assert!(s.issues.iter().any(|i| i.msg == Msg::SheetWarnNegative));
    // ¥1 rounding of the total only: 乙 4,762.5 → 4,763 (half up); lines unrounded.
    let mut l = lines();
    l.rounding = 1.0;
    let s = sheet(&t, &model(l));
    assert_eq!(s.rows[1].total, 4763.0);
    assert_eq!(s.rows[1].lines[4].amount, 322.5);
    assert_eq!(s.total, 22_498.0);
}

#[test]
fn bad_cells_get_a_message_and_count_as_zero() {
    let t = import_text(
        "客服昵称\t底薪\t迟到次数\t红线\n\
         甲\t三千\t1\t\n\
         乙\t-500\t2\t是\n\
         丙\t3000\t\t1\n",
    )
    .table;
    let l = PayLines {
        items: vec![
            line(
                "底薪",
                LineKind::Fixed,
                LineCalc::Column {
                    column: "底薪".into(),
                },
                None,
            ),
            line("迟到扣款", LineKind::Deduction, per("迟到次数", 20.0), None),
            line(
                "绩效",
                LineKind::Fixed,
                LineCalc::Column {
                    column: "没有这列".into(),
                },
                None,
            ),
        ],
        // Any flag vetoes: 是 and 1 do, blank does not.
        vetoes: vec![Veto {
            name: "红线".into(),
            column: "红线".into(),
            findings: Vec::new(),
            scope: VetoScope::Bonus,
        }],
        ..PayLines::default()
    };
    let m = PayoutModel {
        lines: l,
        ..model(PayLines::default())
    };
    let mut p = plan();
    p.items.clear();
    let pays = compute(&t, &p, &score(&t, &p), &m);
    let s = evaluate(&t, &pays, &m.lines);
    let cell = |msg: Msg, agent: usize| {
        s.issues
            .iter()
            .any(|i| i.msg == msg && i.agent == Some(agent) && i.line == Some(0))
    };
    assert!(cell(Msg::SheetErrTextCell, 0), "{:?}", s.issues);
    assert!(cell(Msg::SheetErrNegativeCell, 1));
    assert!(s
        .issues
        .iter()
        .any(|i| i.msg == Msg::PayErrNoColumn && i.args == ["没有这列"]));
    // 甲: 0 − 20 → floored at 0; 乙: 0 − 40 → 0; 丙: 3,000 − 0 (no 迟到 value).
    let totals: Vec<f64> = s.rows.iter().map(|r| r.total).collect();
    assert_eq!(totals, vec![0.0, 0.0, 3000.0]);
    let vetoed: Vec<bool> = s.rows.iter().map(|r| r.veto.is_some()).collect();
    assert_eq!(vetoed, vec![false, true, true]);
}

#[test]
fn invalid_lines_are_refused() {
    let t = team();
    let mut l = lines();
    l.items[6].cap = Some(-1.0);
    l.items[0].name = " ".into();
    l.rounding = 5.0;
    let s = sheet(&t, &model(l));
    let errs: Vec<Msg> = s
        .issues
        .iter()
        .filter(|i| i.error && i.agent.is_none())
        .map(|i| i.msg)
        .collect();
    assert!(errs.contains(&Msg::SheetErrLine));
    assert!(errs.contains(&Msg::SheetErrNoName));
    assert!(errs.contains(&Msg::PayErrRounding));
}

#[test]
fn models_saved_before_pay_lines_open_with_none() {
    let old =
        r#"{"name":"m","components":[],"gates":[],"prorate":null,"rounding":10.0,"budget":null}"#;
    let m: PayoutModel = serde_json::from_str(old).unwrap();
    assert!(m.lines.is_empty());
    assert_eq!(m.lines.rounding, 0.01);
    assert_eq!(m.lines.floor, Floor::Total);
    // And a model with lines survives a round trip.
    let full = model(lines());
    let back: PayoutModel = serde_json::from_str(&serde_json::to_string(&full).unwrap()).unwrap();
    assert_eq!(back, full);
}

#[test]
fn statement_numbers_are_the_evaluations_and_price_the_next_grade() {
    use kpi_sandbox::model::paysheet::statement::{month, statement};
    let t = team();
    let p = plan();
    let m = model(lines());
    let (s, pays, sh) = month(&t, &p, &m);
    let prev_t = import_text(
        &kpi_sandbox::io::export::table_csv(&t, kpi_sandbox::i18n::Lang::Zh)
            .trim_start_matches('\u{feff}')
            .replace("乙,36", "乙,30"),
    )
    .table;
    let st = statement(
        &t,
        &p,
        &s,
        &pays,
        &sh,
        &m,
        1,
        true,
        Some(("2026-10", &prev_t)),
    )
    .unwrap();
    assert_eq!(st.agent, "乙");
    // The same numbers as the sheet and the payout, not a second calculation.
    assert_eq!(st.row, sh.rows[1]);
    assert_eq!(st.pay, pays.agents[1]);
    assert_eq!(st.score, s.agents[1]);
    assert_eq!(st.row.total, 4762.5);
    // Scores 100, 90, 75, 55, 97.5, 62.5: 乙 is 3rd of 6, grade A (≥ 85).
    assert_eq!(
        (st.score.rank, st.team_size, st.grade.as_str()),
        (3, 6, "A")
    );
    // Team average conversion (40 + 36 + 30 + 22 + 39 + 25) / 6 = 32 %.
    assert!((st.items[0].team_average.unwrap() - 0.32).abs() < 1e-12);
    assert!((st.items[0].value.unwrap() - 0.36).abs() < 1e-12);
    // Next grade S at 95: 5 points; conversion 38 % alone reaches it, which
    // lifts the coefficient to 1.5: 1,500 × 21.5/22 = 1,465.91 → 1,470, +300.
    let n = st.next.unwrap();
    assert_eq!(n.grade, "S");
    assert!((n.gap - 5.0).abs() < 1e-6);
    assert_eq!(n.options.len(), 1);
    assert!((n.options[0].to - 0.38).abs() < 1e-6, "{:?}", n.options[0]);
    assert_eq!(n.options[0].gain, Some(300.0), "{:?}", n.options[0]);
    // The month before at 30 %: score 75, B, 1,000 × 21.5/22 → 980;
    // 3,500 + 980 + 322.5 − 230 = 4,572.50.
    let pm = st.prev.unwrap();
    assert_eq!(pm.grade, "B");
    assert_eq!(pm.bonus, 980.0);
    assert_eq!(pm.pay, 4572.5);
}

#[test]
fn pay_sheet_and_statements_files_reopen_with_the_same_numbers() {
    use calamine::{Data, Reader, Xlsx};
    use kpi_sandbox::i18n::Lang;
    use kpi_sandbox::io::xlsx_write::paysheet::*;
    use kpi_sandbox::model::paysheet::statement::{month, statement};
    use std::io::Cursor;
    let t = team();
    let p = plan();
    let m = model(lines());
    let (s, pays, sh) = month(&t, &p, &m);
    // CSV: a row per agent, then 合计 and 平均; 应发合计 is the 4th from last column.
    let text = paysheet_csv(&sh, &m.lines, ["2026-11", "p", "工资方案"], Lang::Zh);
    let rows: Vec<Vec<String>> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect();
    assert_eq!(rows[0][0], "客服");
    assert_eq!(rows[0][rows[0].len() - 2], "应发合计");
    let total_col = rows[0].len() - 2;
    let totals: Vec<&str> = rows[1..7].iter().map(|r| r[total_col].as_str()).collect();
    assert_eq!(totals, ["5780", "4762.5", "4140", "3030", "4785", "0"]);
    assert_eq!(rows[7][0], "合计", "{text}");
    assert_eq!(rows[7][total_col], "22497.5");
    assert_eq!(rows[8][total_col], "3749.58", "{text}"); // 22,497.5 ÷ 6
    assert!(text.contains("2026-11 绩效工资表"));
    assert!(text.contains("制表："));
    assert!(
        rows[6].last().unwrap().contains("只扣 120.00"),
        "{:?}",
        rows[6]
    );
    // The pay sheet alone as xlsx: cached results of the formulas.
    let bytes = paysheet_xlsx(&t, &p, &m, &pays, false, Lang::Zh);
    let mut x: Xlsx<_> = Reader::new(Cursor::new(bytes)).unwrap();
    let r = x.worksheet_range("工资表").unwrap();
    let head: Vec<String> = r
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let tc = head.iter().position(|h| h == "应发合计").unwrap();
    let col: Vec<f64> = r
        .rows()
        .skip(1)
        .take(7)
        .map(|row| match &row[tc] {
            Data::Float(v) => *v,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        col,
        vec![5780.0, 4762.5, 4140.0, 3030.0, 4785.0, 0.0, 22_497.5]
    );
    let formulas = x.worksheet_formula("工资表").unwrap();
    let f = formulas.get_value((1, tc as u32)).unwrap();
    assert!(f.starts_with("ROUND(MAX(0,"), "{f}");
    // Every statement as one workbook: a sheet per agent, 应发合计 on each.
    let mut sts: Vec<_> = (0..6)
        .map(|k| statement(&t, &p, &s, &pays, &sh, &m, k, false, None).unwrap())
        .collect();
    let bytes = statements_xlsx(&t, &p, &m, &sts, Lang::Zh);
    let mut x: Xlsx<_> = Reader::new(Cursor::new(bytes)).unwrap();
    assert_eq!(x.sheet_names(), ["甲", "乙", "丙", "丁", "戊", "己"]);
    let r = x.worksheet_range("乙").unwrap();
    let total = r
        .rows()
        .find(|row| row[0] == "应发合计")
        .map(|row| row[1].clone())
        .unwrap();
    assert_eq!(total, Data::Float(4762.5));
    let all: Vec<String> = r.rows().map(|row| row[0].to_string()).collect();
    assert!(
        all.iter().any(|c| c.contains("排名 3/6，等级 A")),
        "{all:?}"
    );
    assert!(all.iter().any(|c| c == "迟到扣款"));
    // Anonymised at export: 客服01… in sheet order, numbers unchanged.
    let mut sh2 = sh.clone();
    anonymize(&mut sh2, &mut sts, Lang::Zh);
    assert_eq!(sts[1].agent, "客服02");
    assert_eq!(sh2.rows[5].agent, "客服06");
    let csv = statements_csv(&t, &p, &m, &sts, Lang::En);
    assert!(!csv.contains('乙') && csv.contains("客服02"));
    assert!(csv.contains("Gross pay,4762.5"), "{csv}");
}

type ListCase<'a> = (&'a str, Result<Vec<(&'a str, f64)>, &'a str>);

#[test]
fn list_fields_parse_and_print_back() {
    let cases: &[ListCase] = &[
        ("P1=300、P2=600", Ok(vec![("P1", 300.0), ("P2", 600.0)])),
        (
            " 戊：500 ，庚:1200.5 ",
            Ok(vec![("戊", 500.0), ("庚", 1200.5)]),
        ),
        ("", Ok(vec![])),
        ("P1=300、P2", Err("P2")),
        ("P1=-5", Err("P1=-5")),
        ("=5", Err("=5")),
    ];
    for (text, want) in cases {
        let got = parse_label_amounts(text).map(|v| {
            v.into_iter()
                .map(|a| (a.label, a.amount))
                .collect::<Vec<_>>()
        });
        let want = want
            .clone()
            .map(|v| {
                v.into_iter()
                    .map(|(l, a)| (l.to_string(), a))
                    .collect::<Vec<_>>()
            })
            .map_err(str::to_string);
        assert_eq!(got, want, "{text}");
    }
    let c = parse_conditions("出勤天数>=22、事假天数=0，迟到次数≤3").unwrap();
    assert_eq!(
        c.iter()
            .map(|c| (c.column.as_str(), c.cmp, c.value))
            .collect::<Vec<_>>(),
        vec![
            ("出勤天数", Cmp::Ge, 22.0),
            ("事假天数", Cmp::Eq, 0.0),
            ("迟到次数", Cmp::Le, 3.0)
        ]
    );
    assert_eq!(show_conditions(&c), "出勤天数>=22、事假天数=0、迟到次数<=3");
    assert_eq!(
        parse_conditions("出勤天数 22"),
        Err("出勤天数 22".to_string())
    );
    assert_eq!(
        show_label_amounts(&parse_label_amounts("P1=300、P2=600").unwrap()),
        "P1=300、P2=600"
    );
}

#[test]
fn ten_thousand_agents_sum_exactly() {
    use kpi_sandbox::io::synthetic::{bench_payout, bench_plan, big_tsv};
    let t = import_text(&big_tsv(10_000)).table;
    let p = bench_plan();
    let mut m = bench_payout();
    m.lines = PayLines {
        items: vec![
            line(
                "底薪",
                LineKind::Fixed,
                LineCalc::Flat { amount: 3000.0 },
                None,
            ),
            line(
                "餐补",
                LineKind::Allowance,
                per("出勤天数", 15.5),
                Some(380.0),
            ),
            line(
                "中差评扣款",
                LineKind::Deduction,
                per("中差评数", 900.0),
                None,
            ),
        ],
        ..PayLines::default()
    };
    let pays = compute(&t, &p, &score(&t, &p), &m);
    let s = evaluate(&t, &pays, &m.lines);
    assert_eq!(s.rows.len(), pays.agents.len());
    assert!(s.rows.len() > 1000);
    // Every total is a whole number of fen, never below 0 (the default floor), and
    // the sheet total is their exact sum in fen.
    let mut fen: i64 = 0;
    for r in &s.rows {
        let f = (r.total * 100.0).round();
        assert!(
            (r.total * 100.0 - f).abs() < 1e-6 && r.total >= 0.0,
            "{r:?}"
        );
        fen += f as i64;
    }
    assert_eq!((s.total * 100.0).round() as i64, fen);
    assert!(
        s.rows.iter().any(|r| r.floored),
        "900 per review floors some"
    );
}
