//! The saved format: round trips, versions, and hostile files.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::Msg;
use kpi_sandbox::io::demo::demo_table;
use kpi_sandbox::io::import::import_text;
use kpi_sandbox::io::scenario::{from_json, to_json};
use kpi_sandbox::model::plan::{template, Template};
use kpi_sandbox::model::{Command, Unit, Workbook};
use proptest::prelude::*;

/// A workbook with two months, plans, a formula column, an invalid cell and QA inputs.
fn rich() -> Workbook {
    let plans = vec![
        template(Template::PreSales, "售前", "2026-11"),
        template(Template::AfterSales, "售后", "2026-11"),
    ];
    let mut wb = Workbook::with_plans(demo_table(), "2026-11", plans);
    wb.apply(Command::AddFormulaColumn {
        name: "双倍".into(),
        formula: "=[询单人数]*2".into(),
        unit: Unit::Number,
    })
    .unwrap();
    wb.apply(Command::SetCell {
        row: 0,
        col: 10,
        raw: "soon".into(),
    })
    .unwrap();
    wb.apply(Command::SetCell {
        row: 1,
        col: 6,
        raw: "-".into(),
    })
    .unwrap();
    let oct = import_text("客服昵称\t询单人数\t询单转化率\n小雨\t900\t41.5%\n").table;
    wb.apply(Command::ImportMonth {
        month: "2026-10".into(),
        table: Box::new(oct),
    })
    .unwrap();
    wb.apply(Command::SelectMonth("2026-11".into())).unwrap();
    let mut qa = wb.qa().clone();
    qa.agents = 321;
    wb.apply(Command::SetQa(Box::new(qa))).unwrap();
    wb
}

#[test]
fn a_workbook_survives_a_round_trip() {
    let wb = rich();
    let json = to_json(&wb.snapshot());
    let back = Workbook::from_snapshot(from_json(&json).unwrap());
    // Same data, formulas recomputed, same months, plans and QA inputs.
    assert_eq!(back.table(), wb.table());
    assert_eq!(back.month(), "2026-11");
    assert_eq!(back.months(), wb.months());
    assert_eq!(back.plans(), wb.plans());
    assert_eq!(back.qa(), wb.qa());
    // Writing again gives the same text.
    assert_eq!(to_json(&back.snapshot()), json);
    assert!(json.contains("\"version\":3"));
}

#[test]
fn payout_models_and_scenarios_round_trip_and_version_1_files_migrate() {
    use kpi_sandbox::model::payout::PayoutModel;
    let mut wb = rich();
    wb.apply(Command::AddPayoutModel(Box::new(PayoutModel::example(
        "月度奖金",
    ))))
    .unwrap();
    let (plan, payout) = (wb.plans()[0].id, wb.payouts()[0].id);
    wb.apply(Command::AddScenario {
        name: "现行".into(),
        month: "2026-11".into(),
        plan,
        payout,
    })
    .unwrap();
    let json = to_json(&wb.snapshot());
    let back = from_json(&json).unwrap();
    assert_eq!(back.payouts, wb.payouts());
    assert_eq!(back.scenarios, wb.scenarios());
    // A version 1 file (no payouts, no scenarios) still opens, with none.
    let v1 = to_json(&rich().snapshot())
        .replacen("\"version\":3", "\"version\":1", 1)
        .replace(",\"payouts\":[],\"scenarios\":[]", "");
    assert!(!v1.contains("payouts"));
    let old = from_json(&v1).unwrap();
    assert!(old.payouts.is_empty() && old.scenarios.is_empty());
    assert!(Workbook::from_snapshot(old).table() == rich().table());
    // Undo takes the payout change back.
    wb.undo();
    assert!(wb.scenarios().is_empty());
    wb.undo();
    assert!(wb.payouts().is_empty());
}

#[test]
fn foreign_future_and_broken_files_are_refused_with_paths() {
    let good = to_json(&rich().snapshot());
    let with = |from: &str, to: &str| good.replacen(from, to, 1);
    let cases: Vec<(String, Msg, &str)> = vec![
        ("not json".into(), Msg::FileErrJson, "line 1, column 2"),
        ("{}".into(), Msg::FileErrNotOurs, "app"),
        (
            with("\"version\":3", "\"version\":4"),
            Msg::FileErrFuture,
            "version",
        ),
        (
            with("\"version\":3", "\"version\":\"3\""),
            Msg::FileErrVersion,
            "version",
        ),
        (
            with(
                "\"current_month\":\"2026-11\"",
                "\"current_month\":\"2030-01\"",
            ),
            Msg::ErrNoSuchMonth,
            "current_month",
        ),
        (
            with("=[询单人数]*2", "=[询单人数]*("),
            Msg::FxErrUnexpectedEnd,
            "months[0].columns[3].formula",
        ),
        (with("\"plans\":[", "\"plans\":[7,"), Msg::FileErrShape, ""),
    ];
    for (text, msg, path) in cases {
        let err = from_json(&text).unwrap_err();
        assert_eq!(
            (err[0].msg, err[0].path.as_str()),
            (msg, path),
            "{}",
            &text[..text.len().min(60)]
        );
    }
    // A row of the wrong width names its row.
    let bad = good.replacen("[\"小雨\",900.0,0.415", "[\"小雨\",900.0", 1);
    let err = from_json(&bad).unwrap_err();
    assert_eq!(err[0].path, "months[0].rows[0]");
    assert_eq!(err[0].msg, Msg::FileErrRowWidth);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Random damage to a valid file never panics; it either still loads or
    /// reports at least one problem.
    #[test]
    fn damaged_files_never_panic(cut in 0usize..20_000, flip in 0usize..20_000, byte in any::<u8>()) {
        let good = to_json(&rich().snapshot());
        let mut bytes = good.into_bytes();
        let i = flip % bytes.len();
        bytes[i] = byte;
        bytes.truncate(bytes.len() - cut % bytes.len());
        let text = String::from_utf8_lossy(&bytes);
        match from_json(&text) {
            Ok(s) => { let _ = Workbook::from_snapshot(s); }
            Err(p) => prop_assert!(!p.is_empty()),
        }
    }
}

#[test]
fn messages_are_saved_by_stable_codes_and_version_2_names_still_read() {
    use kpi_sandbox::model::Cell;
    // `rich` holds an invalid cell ("soon" typed into 首次响应时间, seconds).
    let wb = rich();
    let json = to_json(&wb.snapshot());
    assert!(json.contains(r#""invalid":"soon","problem":"bad-duration""#));
    assert!(!json.contains("ErrBadDuration"));
    // Version 2 wrote the message's name; it reads as the same cell.
    let v2 = json.replacen("\"version\":3", "\"version\":2", 1).replace(
        r#""problem":"bad-duration""#,
        r#""problem":"ErrBadDuration""#,
    );
    let back = Workbook::from_snapshot(from_json(&v2).unwrap());
    assert_eq!(back.table(), wb.table());
    assert!(matches!(
        back.table().cell(0, 10),
        Some(Cell::Invalid {
            problem: Msg::ErrBadDuration,
            ..
        })
    ));
    // Codes read back: each of the four, and an unknown one as "not a number".
    for (code, msg) in [
        ("bad-duration", Msg::ErrBadDuration),
        ("not-finite", Msg::ErrNotFinite),
        ("negative", Msg::ErrNegative),
        ("not-a-number", Msg::ErrNotANumber),
        ("ErrBadDuration", Msg::ErrBadDuration),
        ("something-new", Msg::ErrNotANumber),
    ] {
        assert_eq!(kpi_sandbox::io::scenario::problem_of(code), msg, "{code}");
    }
}
