//! The Excel export: read back with calamine (and with the app's own
//! reader): sheets, numbers, number formats' cached values, and formula
//! cells that hold the formulas. Formulas are checked as text against forms
//! worked out by hand from the rules; `make test-sheets` (tests/sheets/)
//! recomputes every exported formula in LibreOffice.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use calamine::{Data, Reader, Xlsx};
use kpi_sandbox::i18n::{Lang, Msg};
use kpi_sandbox::io::demo::demo_table;
use kpi_sandbox::io::xlsx_write::{col_name, workbook_xlsx};
use kpi_sandbox::model::payout::{compute, Component, PayoutModel};
use kpi_sandbox::model::plan::{score, template, Template};
use kpi_sandbox::model::{Command, Unit, Workbook};
use std::io::Cursor;

fn workbook() -> Workbook {
    let mut pool = PayoutModel::example("奖金池");
    pool.components = vec![Component::Pool {
        amount: 20_000.0,
        base_column: None,
        floor: 200.0,
        cap: Some(2_500.0),
    }];
    let mut wb = Workbook::with_plans(
        demo_table(),
        "2026-11",
        vec![
            template(Template::PreSales, "售前", "2026-11"),
            template(Template::AfterSales, "售后", "2026-11"),
        ],
    )
    .with_payouts(vec![PayoutModel::example("月度奖金"), pool]);
    wb.apply(Command::AddFormulaColumn {
        name: "双倍".into(),
        formula: "=[询单人数]*2".into(),
        unit: Unit::Number,
    })
    .unwrap();
    wb
}

fn num(d: &Data) -> f64 {
    match d {
        Data::Float(v) => *v,
        Data::Int(v) => *v as f64,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn the_workbook_exports_with_live_formulas() {
    let wb = workbook();
    let bytes = workbook_xlsx(&wb.snapshot(), Lang::Zh);
    let mut x: Xlsx<_> = Xlsx::new(Cursor::new(bytes.clone())).unwrap();
    let names = x.sheet_names().to_vec();
    assert_eq!(
        names,
        [
            "团队数据-2026-11",
            "考核方案",
            "成绩-售前",
            "奖金-售前-月度奖金",
            "奖金-售前-奖金池",
            "成绩-售后",
            "奖金-售后-月度奖金",
            "奖金-售后-奖金池",
            "说明"
        ]
    );
    // Team data: values as numbers (a percent as its fraction), text as text.
    let data = x.worksheet_range("团队数据-2026-11").unwrap();
    assert_eq!(data.get((0, 0)), Some(&Data::String("客服昵称".into())));
    assert_eq!(data.get((1, 0)), Some(&Data::String("小雨".into())));
    assert_eq!(num(data.get((1, 6)).unwrap()), 0.3226);
    assert_eq!(
        num(data.get((1, 19)).unwrap()),
        2808.0,
        "formula column written as its value"
    );
    assert_eq!(data.height(), 31);

    // Scores: cached results equal the app's; the formulas are there.
    let t = wb.table();
    let plan = &wb.plans()[0];
    let s = score(t, plan);
    let sc = x.worksheet_range("成绩-售前").unwrap();
    let sf = x.worksheet_formula("成绩-售前").unwrap();
    let total_col = 1 + 3 * plan.items.len();
    assert_eq!(sc.height(), 1 + s.agents.len());
    for (k, a) in s.agents.iter().enumerate() {
        assert_eq!(
            num(sc.get((k + 1, total_col)).unwrap()),
            a.total,
            "agent {k}"
        );
        assert_eq!(num(sc.get((k + 1, total_col + 1)).unwrap()), a.rank as f64);
        assert_eq!(
            sc.get((k + 1, total_col + 2)),
            Some(&Data::String(s.grade_labels[a.grade].clone()))
        );
        for (i, it) in a.items.iter().enumerate() {
            assert_eq!(
                num(sc.get((k + 1, 2 + 3 * i)).unwrap()),
                it.points,
                "agent {k} item {i}"
            );
        }
    }
    // get_value takes absolute (row, column) positions.
    let at = |r: usize, c: usize| {
        sf.get_value((r as u32, c as u32))
            .cloned()
            .unwrap_or_default()
    };
    // 询单转化率 bands (≥45 % → 100, ≥40 % → 80, ≥35 % → 60, else 0), missing → 0.
    assert_eq!(
        at(1, 2),
        "IF(ISNUMBER(B2),IF(B2>=0.45,100,IF(B2>=0.4,80,IF(B2>=0.35,60,0))),0)"
    );
    assert_eq!(at(1, 3), "C2*40/100");
    // 客服销售额 vs the team average, capped at 120.
    assert_eq!(
        at(1, 5),
        "IF(ISNUMBER(E2),IF(AVERAGE($E$2:$E$21)<>0,MIN(120,MAX(0,E2/AVERAGE($E$2:$E$21)*100)),MIN(120,0)),0)"
    );
    // 首次响应时间: lower is better, so the bands read ≤.
    assert_eq!(
        at(1, 8),
        "IF(ISNUMBER(H2),IF(H2<=35,100,IF(H2<=45,80,IF(H2<=55,60,0))),0)"
    );
    // 回复率 linear from 90 % (0) to 100 % (100).
    assert_eq!(
        at(1, 11),
        "IF(ISNUMBER(K2),MAX(0,MIN(100,IF(K2<=0.9,0,IF(K2>=1,100,IF(K2<=1,0+(K2-0.9)/(0.09999999999999998)*(100),100))))),0)"
    );
    // 客户满意度 ratio to a 95 % target, capped at 110.
    assert_eq!(at(1, 14), "IF(ISNUMBER(N2),MIN(110,MAX(0,N2/0.95*100)),0)");
    let tc = col_name(total_col);
    assert_eq!(at(1, total_col), "D2+G2+J2+M2+P2");
    assert_eq!(
        at(1, total_col + 1),
        // RANK, not COUNTIF(…,">"&Q2): a text criterion compares with the total
        // cut to 15 digits, so an agent could count as better than itself.
        format!("RANK({tc}2,${tc}$2:${tc}$21,0)")
    );
    assert_eq!(
        at(1, total_col + 2),
        format!(
            "IF({tc}2>=95,\"S\",IF({tc}2>=85,\"A\",IF({tc}2>=70,\"B\",IF({tc}2>=60,\"C\",\"D\"))))"
        )
    );

    // Payouts: cached pays and total equal the app's; formulas reference the scores sheet.
    let m = &wb.payouts()[0];
    let p = compute(t, plan, &s, m);
    let pr = x.worksheet_range("奖金-售前-月度奖金").unwrap();
    let pf = x.worksheet_formula("奖金-售前-月度奖金").unwrap();
    let width = pr.width();
    for (k, a) in p.agents.iter().enumerate() {
        assert_eq!(num(pr.get((k + 1, width - 1)).unwrap()), a.pay, "pay {k}");
    }
    assert_eq!(
        num(pr.get((p.agents.len() + 1, width - 1)).unwrap()),
        p.stats.total
    );
    let pat = |r: usize, c: usize| {
        pf.get_value((r as u32, c as u32))
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(pat(1, 1), format!("'成绩-售前'!{tc}2"));
    // Columns: 客服, 总分, 等级, 出勤天数, 绩效系数, 1. target, gate, days, gross, pay.
    assert_eq!(
        pat(1, 4),
        "IF(B2>=95,1.5,IF(B2>=85,1.2,IF(B2>=70,1,IF(B2>=60,0.6,0))))"
    );
    assert_eq!(pat(1, 5), "1000*E2");
    assert_eq!(pat(1, 6), "IF(AND(ISNUMBER(D2),D2<18),0,1)");
    assert_eq!(pat(1, 7), "IF(ISNUMBER(D2),MIN(1,MAX(0,D2/22)),1)");
    assert_eq!(pat(1, 8), "(F2)*G2*H2");
    assert_eq!(pat(1, 9), "ROUND(MAX(0,I2)/10,0)*10");
    assert_eq!(pat(21, 9), "SUM(J2:J21)");

    // The pool is written as values and the notes say so, as for the formula column.
    let notes = x.worksheet_range("说明").unwrap();
    let text: Vec<String> = notes.rows().map(|r| r[0].to_string()).collect();
    assert!(
        text.iter()
            .any(|l| l.contains("奖金-售前-奖金池") && l.contains("以数值写出")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|l| l.contains("团队数据-2026-11") && l.contains("公式列")),
        "{text:?}"
    );

    // The plan sheet describes each rule in words and numbers, values in
    // the column's unit: 询单转化率 is a rate, so 45 %, not 0.45 (#15);
    // 首次响应时间 (seconds) stays as written, bands best first.
    let plans = x.worksheet_range("考核方案").unwrap();
    assert_eq!(
        plans.get((1, 4)),
        Some(&Data::String("分档: 45%→100 · 40%→80 · 35%→60 · 0".into()))
    );
    assert_eq!(
        plans.get((3, 4)),
        Some(&Data::String("分档: 35→100 · 45→80 · 55→60 · 0".into()))
    );
    assert_eq!(num(plans.get((1, 3)).unwrap()), 0.4);

    // The app's own reader opens it too (as a user re-importing it would).
    let sheets = kpi_sandbox::io::xlsx::read_xlsx(&bytes).unwrap();
    assert_eq!(sheets.len(), names.len());
    assert_eq!(sheets[0].rows[1].1[0], "小雨");
}

#[test]
fn english_names_and_awkward_sheet_names() {
    let mut wb = workbook();
    let mut p = wb.plans()[0].clone();
    p.name = "Q4: plan/[draft]*a-very-long-name-over-31-characters".into();
    wb.apply(Command::AddPlan(Box::new(p))).unwrap();
    let bytes = workbook_xlsx(&wb.snapshot(), Lang::En);
    let x: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let names = x.sheet_names().to_vec();
    assert_eq!(
        names[0],
        "team-data-2026-11".replace("team-data", Msg::FileTeamData.t(Lang::En))
    );
    for n in &names {
        assert!(n.chars().count() <= 31, "{n}");
        assert!(!n.contains(['[', ']', ':', '*', '?', '/', '\\']), "{n}");
    }
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), names.len(), "unique");
}

/// Rank and percentile compare numbers (RANK), never text criteria, and
/// grade coefficients compare labels exactly (EXACT: `=` ignores case).
/// Found by the LibreOffice oracle (tests/sheets): COUNTIF($Q$2:$Q$21,">"&Q17)
/// cut Q17 to 15 digits and ranked an agent below itself; "a" took "A"'s
/// coefficient.
#[test]
fn rank_percentile_and_grade_formulas_compare_exactly() {
    use kpi_sandbox::model::payout::{Coefficient, GradeCoef};
    use kpi_sandbox::model::plan::{Grading, Plan, PlanItem, Rule};
    let plan = Plan {
        id: Default::default(),
        name: "排名".into(),
        month: "2026-11".into(),
        group: None,
        items: vec![
            PlanItem::new("询单人数", 50.0, Rule::Rank, false),
            PlanItem::new("首次响应时间", 50.0, Rule::Percentile, false),
        ],
        grading: Grading::default_thresholds(),
    };
    let mut model = PayoutModel::example("等级");
    model.components = vec![Component::Target {
        base: 1000.0,
        coef: Coefficient::GradeTable(vec![
            GradeCoef {
                grade: "S".into(),
                coef: 1.5,
            },
            GradeCoef {
                grade: "a".into(),
                coef: 1.0,
            },
        ]),
    }];
    let wb = Workbook::with_plans(demo_table(), "2026-11", vec![plan]).with_payouts(vec![model]);
    let bytes = workbook_xlsx(&wb.snapshot(), Lang::Zh);
    let mut x: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let sf = x.worksheet_formula("成绩-排名").unwrap();
    let at = |r: u32, c: u32| sf.get_value((r, c)).cloned().unwrap_or_default();
    // 询单人数, higher is better: points 100 × (n − rank) ÷ (n − 1), rank by RANK descending.
    assert_eq!(
        at(1, 2),
        "IF(ISNUMBER(B2),IF(COUNT($B$2:$B$31)<=1,100,100*(COUNT($B$2:$B$31)-RANK(B2,$B$2:$B$31,0))/(COUNT($B$2:$B$31)-1)),0)"
    );
    // 首次响应时间, lower is better: agents strictly worse (slower) = descending rank − 1.
    assert_eq!(
        at(1, 5),
        "IF(ISNUMBER(E2),IF(COUNT($E$2:$E$31)<=1,100,100*(RANK(E2,$E$2:$E$31,0)-1)/(COUNT($E$2:$E$31)-1)),0)"
    );
    // The rank column (8) ranks the total (column 7, H) among all totals.
    assert_eq!(at(1, 8), "RANK(H2,$H$2:$H$31,0)");
    let pf = x.worksheet_formula("奖金-排名-等级").unwrap();
    // Columns: 客服, 总分, 等级, 出勤天数, 绩效系数, …
    assert_eq!(
        pf.get_value((1, 4)).cloned().unwrap_or_default(),
        "IF(EXACT(C2,\"S\"),1.5,IF(EXACT(C2,\"a\"),1,0))"
    );
}

/// The zip's CRC-32 against the published check values (the IEEE
/// polynomial's "123456789" → CBF43926, and the well-known fox sentence).
#[test]
fn crc32_matches_the_standard_check_values() {
    use kpi_sandbox::io::xlsx_write::crc32;
    for (input, want) in [
        ("", 0u32),
        ("a", 0xE8B7_BE43),
        ("123456789", 0xCBF4_3926),
        ("The quick brown fox jumps over the lazy dog", 0x414F_A339),
    ] {
        assert_eq!(crc32(input.as_bytes()), want, "{input:?}");
    }
}
