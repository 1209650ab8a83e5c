//! QA findings (质检记录) roll up to a monthly 质检得分 and red-line flags.
//! Expected scores worked by hand in the comments.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::io::findings::{read_findings, Skip};
use kpi_sandbox::model::findings::*;

fn f(agent: &str, date: &str, item: &str, deduction: f64, red_line: bool) -> Finding {
    Finding {
        agent: agent.into(),
        date: date.into(),
        item: item.into(),
        deduction,
        red_line,
    }
}

fn team() -> Vec<String> {
    vec!["甲".into(), "乙".into(), "丙".into()]
}

/// One roll-up case: findings, scoring, expected (agent, score, red line).
fn check(findings: &[Finding], scoring: &Scoring, want: &[(&str, f64, bool)]) -> Rollup {
    let r = rollup(findings, &team(), "2026-11", scoring);
    let got: Vec<(&str, f64, bool)> = r
        .agents
        .iter()
        .map(|a| (a.agent.as_str(), a.score, a.red_line))
        .collect();
    assert_eq!(got, want.to_vec());
    r
}

#[test]
fn deductions_from_100_with_red_lines_and_unknown_agents_listed() {
    let findings = [
        f("甲", "2026-11-02", "服务态度", 5.0, false),
        f("甲", "2026-11-15", "专业度", 3.0, false),
        f("甲", "2026-10-30", "专业度", 50.0, false), // October: not counted
        f("乙", "2026-11-20", "辱骂客户", 10.0, true),
        f("路人", "2026-11-03", "流程", 2.0, false),
        f("路人", "2026-11-04", "流程", 2.0, false),
    ];
    // 甲 100 − 5 − 3 = 92; 乙 100 − 10 = 90 and red line; 丙 no findings: 100.
    let r = check(
        &findings,
        &Scoring::default(),
        &[
            ("甲", 92.0, false),
            ("乙", 90.0, true),
            ("丙", 100.0, false),
        ],
    );
    assert_eq!(r.unknown, vec![("路人".to_string(), 2)]);
    assert_eq!(r.other_months, 1);
    assert_eq!(r.agents[0].findings, 2);
    assert_eq!(r.agents[0].deducted, 8.0);
    // Deductions never go below 0: 100 − 120 → 0.
    check(
        &[f("丙", "2026-11-01", "x", 120.0, false)],
        &Scoring::default(),
        &[
            ("甲", 100.0, false),
            ("乙", 100.0, false),
            ("丙", 0.0, false),
        ],
    );
}

#[test]
fn an_item_sheet_caps_each_items_loss() {
    let sheet = Scoring::Sheet(vec![
        ("服务态度".into(), 30.0),
        ("专业度".into(), 40.0),
        ("流程".into(), 30.0),
    ]);
    assert_eq!(full_score(&sheet), 100.0);
    let findings = [
        // 服务态度 loses 35 but only has 30 → 0; 专业度 40 − 5 = 35; 流程 30 → 65;
        // an off-sheet item (其他, 3) comes off the total → 62.
        f("甲", "2026-11-02", "服务态度", 20.0, false),
        f("甲", "2026-11-03", "服务态度", 15.0, false),
        f("甲", "2026-11-04", "专业度", 5.0, false),
        f("甲", "2026-11-05", "其他", 3.0, false),
    ];
    check(
        &findings,
        &sheet,
        &[
            ("甲", 62.0, false),
            ("乙", 100.0, false),
            ("丙", 100.0, false),
        ],
    );
}

#[test]
fn pasted_findings_are_read_with_bad_rows_listed() {
    let text = "质检记录 2026-11\n\
        客服昵称,质检日期,质检项,扣分,是否红线\n\
        甲,2026-11-02,服务态度,-5,否\n\
        乙,2026-11-20,辱骂客户,10,是\n\
        ,2026-11-21,流程,2,否\n\
        丙,2026-11-22,流程,两分,否\n\
        丙,2026-11-23,流程,2,也许\n\
        路人,2026-11-03,流程,2,\n";
    let r = read_findings(text);
    assert!(r.missing.is_empty());
    assert_eq!(
        r.findings,
        vec![
            f("甲", "2026-11-02", "服务态度", 5.0, false),
            f("乙", "2026-11-20", "辱骂客户", 10.0, true),
            f("路人", "2026-11-03", "流程", 2.0, false),
        ]
    );
    assert_eq!(
        r.skipped,
        vec![
            (5, Skip::NoAgent, String::new()),
            (6, Skip::BadDeduction, "两分".to_string()),
            (7, Skip::BadRedLine, "也许".to_string()),
        ]
    );
    assert_eq!(
        read_findings("姓名\t分数\n甲\t1\n").missing,
        vec!["客服", "扣分"]
    );
}

#[test]
fn the_rollup_is_written_into_the_team_table() {
    let table =
        kpi_sandbox::io::import::import_text("客服昵称\t分组\n甲\t售前\n乙\t售后\n丁\t售后\n")
            .table;
    let findings = [
        f("甲", "2026-11-02", "服务态度", 5.0, false),
        f("乙", "2026-11-20", "辱骂客户", 10.0, true),
    ];
    let names: Vec<String> = (0..table.len()).map(|i| table.agent_name(i)).collect();
    let r = rollup(&findings, &names, "2026-11", &Scoring::default());
    let t = write_rollup(&table, &r);
    let qa = t
        .column_of(kpi_sandbox::model::MetricId::QaScore)
        .expect("a 质检得分 column is added");
    let red = t
        .columns
        .iter()
        .position(|c| c.name == RED_LINE_COLUMN)
        .unwrap();
    let num = |r: usize, c: usize| t.at(r, c).number();
    assert_eq!(
        (num(0, qa), num(1, qa), num(2, qa)),
        (Some(95.0), Some(90.0), Some(100.0))
    );
    assert_eq!(
        (num(0, red), num(1, red), num(2, red)),
        (Some(0.0), Some(1.0), Some(0.0))
    );
    // The original is untouched and a second write reuses the columns.
    assert_eq!(table.columns.len(), 2);
    assert_eq!(write_rollup(&t, &r).columns.len(), t.columns.len());
}

#[test]
fn bad_deductions_are_refused_in_the_saved_inputs() {
    use kpi_sandbox::model::qa::{QaField, QaParams};
    let qa = QaParams {
        findings: vec![f("甲", "2026-11-02", "x", f64::NAN, false)],
        ..QaParams::default()
    };
    assert!(qa.validate().iter().any(|p| p.field == QaField::Findings));
}

#[test]
fn windows_line_ends_and_a_title_line() {
    let text = "标题\r\n客服,扣分,红线\r\n甲,3,是\r\n乙,x,否\r\n";
    let r = read_findings(text);
    assert_eq!(r.findings, vec![f("甲", "", "", 3.0, true)]);
    assert_eq!(r.skipped, vec![(4, Skip::BadDeduction, "x".to_string())]);
}
