//! Commands, validation and undo/redo.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::Msg;
use kpi_sandbox::io::demo::demo_table;
use kpi_sandbox::model::workbook::HISTORY_LIMIT;
use kpi_sandbox::model::{Cell, Command, MetricId, Touched, Workbook};

fn set(row: usize, col: usize, raw: &str) -> Command {
    Command::SetCell {
        row,
        col,
        raw: raw.into(),
    }
}

#[test]
fn edits_parse_like_imports_and_undo_restores() {
    let mut wb = Workbook::new(demo_table());
    let conv = wb.table().column_of(MetricId::Conversion).unwrap();
    let fr = wb.table().column_of(MetricId::FirstResponse).unwrap();
    let original = wb.table().clone();
    let cases: &[(usize, &str, Cell)] = &[
        (conv, "50", Cell::Number(0.5)),
        (conv, "0.5", Cell::Number(0.5)),
        (conv, "50%", Cell::Number(0.5)),
        (fr, "1分5秒", Cell::Number(65.0)),
        (fr, "-", Cell::Empty),
        (
            fr,
            "soon",
            Cell::Invalid {
                raw: "soon".into(),
                problem: Msg::ErrBadDuration,
            },
        ),
    ];
    for (col, raw, want) in cases {
        assert_eq!(
            wb.apply(set(3, *col, raw)),
            Ok(Touched::Cell { row: 3, col: *col })
        );
        assert_eq!(wb.table().at(3, *col).clone(), *want, "{raw}");
    }
    for _ in cases {
        assert!(wb.undo().is_some());
    }
    assert_eq!(*wb.table(), original);
    assert!(wb.undo().is_none());
    for _ in cases {
        assert!(wb.redo().is_some());
    }
    assert_eq!(
        wb.table().at(3, fr).clone(),
        Cell::Invalid {
            raw: "soon".into(),
            problem: Msg::ErrBadDuration
        }
    );
}

#[test]
fn a_rejected_command_changes_nothing() {
    let mut wb = Workbook::new(demo_table());
    let before = wb.clone();
    let err = wb.apply(set(30, 0, "x")).unwrap_err();
    assert_eq!(err.msg, Msg::ErrCellOutOfRange);
    assert_eq!(err.args, vec!["31".to_string(), "1".to_string()]);
    assert!(wb.apply(set(0, 19, "x")).is_err());
    assert_eq!(wb, before);
}

#[test]
fn a_new_edit_clears_redo_and_history_is_bounded() {
    let mut wb = Workbook::new(demo_table());
    wb.apply(set(0, 2, "1")).unwrap();
    wb.undo();
    assert!(wb.can_redo());
    wb.apply(set(0, 2, "2")).unwrap();
    assert!(!wb.can_redo());
    for i in 0..HISTORY_LIMIT + 50 {
        wb.apply(set(0, 2, &i.to_string())).unwrap();
    }
    let mut n = 0;
    while wb.undo().is_some() {
        n += 1;
    }
    assert_eq!(n, HISTORY_LIMIT);
}

#[test]
fn sorting_is_numeric_stable_and_puts_blanks_last() {
    let mut wb = Workbook::new(demo_table());
    let col = wb.table().column_of(MetricId::Conversion).unwrap();
    wb.apply(set(0, col, "-")).unwrap();
    wb.apply(set(1, col, "oops")).unwrap();
    for ascending in [true, false] {
        let order = wb.table().sorted_order(col, ascending);
        assert_eq!(order.len(), 30);
        assert_eq!(order[28], 1, "invalid before empty");
        assert_eq!(order[29], 0, "empty last");
        let vals: Vec<f64> = order[..28]
            .iter()
            .map(|&r| wb.table().at(r, col).clone().number().unwrap())
            .collect();
        assert!(vals.windows(2).all(|w| if ascending {
            w[0] <= w[1]
        } else {
            w[0] >= w[1]
        }));
    }
    let names = wb.table().column_of(MetricId::Agent).unwrap();
    let order = wb.table().sorted_order(names, true);
    assert_eq!(
        wb.table().agent_name(order[0]),
        "一诺",
        "Unicode order: 一 (U+4E00) first"
    );
}

#[test]
fn qa_inputs_are_validated_applied_and_undoable() {
    use kpi_sandbox::model::qa::QaParams;
    let mut wb = Workbook::new(demo_table());
    let qa = QaParams {
        agents: 300,
        ..QaParams::default()
    };
    assert_eq!(
        wb.apply(Command::SetQa(Box::new(qa.clone()))),
        Ok(Touched::Inputs)
    );
    assert_eq!(wb.qa().agents, 300);
    let mut bad = qa.clone();
    bad.workdays = -1.0;
    let err = wb.apply(Command::SetQa(Box::new(bad))).unwrap_err();
    assert_eq!(err.msg, Msg::QaErrWorkdays);
    assert_eq!(
        wb.qa().workdays,
        22.0,
        "a refused change leaves the inputs as they were"
    );
    wb.undo();
    assert_eq!(wb.qa().agents, 150);
    wb.redo();
    assert_eq!(wb.qa().agents, 300);
}

#[test]
fn plans_are_commands_and_follow_renames() {
    use kpi_sandbox::model::plan::{template, Template};
    let mut wb = Workbook::new(demo_table());
    let p = template(Template::PreSales, "售前方案", "2026-11");
    wb.apply(Command::AddPlan(Box::new(p.clone()))).unwrap();
    assert_eq!(wb.plans().len(), 1);
    let id = wb.plans()[0].id;
    let mut q = p.clone();
    q.items[0].weight = 35.0;
    wb.apply(Command::EditPlan {
        id,
        plan: Box::new(q),
    })
    .unwrap();
    assert_eq!(wb.plans()[0].items[0].weight, 35.0);
    assert_eq!(wb.plans()[0].id, id);
    assert_eq!(
        wb.apply(Command::EditPlan {
            id: kpi_sandbox::model::id::Id(99),
            plan: Box::new(p.clone())
        })
        .unwrap_err()
        .msg,
        Msg::ErrNoSuchPlan
    );
    // Renaming a column carries plan items with it; undo restores both.
    let conv = wb.table().column_of(MetricId::Conversion).unwrap();
    wb.apply(Command::RenameColumn {
        col: conv,
        name: "转化".into(),
    })
    .unwrap();
    // The item named the metric "询单转化率"; the header was also 询单转化率.
    assert_eq!(wb.plans()[0].items[0].column, "转化");
    wb.undo();
    assert_eq!(wb.plans()[0].items[0].column, "询单转化率");
    wb.apply(Command::RemovePlan { id }).unwrap();
    assert!(wb.plans().is_empty());
    wb.undo();
    assert_eq!(wb.plans()[0].items[0].weight, 35.0);
}

#[test]
fn months_are_imported_switched_and_undone() {
    use kpi_sandbox::io::import::import_text;
    let oct = import_text("客服昵称\t询单人数\n小雨\t900\n").table;
    let sep = import_text("客服昵称\t询单人数\n小雨\t800\n阿杰\t700\n").table;
    let mut wb = Workbook::with_plans(demo_table(), "2026-11", Vec::new());
    let inq = |wb: &Workbook| {
        wb.table()
            .at(0, wb.table().column_of(MetricId::Inquiries).unwrap())
            .number()
    };
    // A formula column travels to imported months.
    wb.apply(Command::AddFormulaColumn {
        name: "双倍".into(),
        formula: "[询单人数]*2".into(),
        unit: kpi_sandbox::model::Unit::Number,
    })
    .unwrap();
    wb.apply(Command::ImportMonth {
        month: "2026-10".into(),
        table: Box::new(oct),
    })
    .unwrap();
    assert_eq!(wb.month(), "2026-10");
    assert_eq!(
        wb.months(),
        vec!["2026-10".to_string(), "2026-11".to_string()]
    );
    assert_eq!(inq(&wb), Some(900.0));
    assert_eq!(
        wb.table().at(0, 2).clone(),
        Cell::Number(1800.0),
        "formula column carried and computed"
    );
    wb.apply(Command::ImportMonth {
        month: "2026-09".into(),
        table: Box::new(sep),
    })
    .unwrap();
    assert_eq!(
        wb.months(),
        vec![
            "2026-09".to_string(),
            "2026-10".to_string(),
            "2026-11".to_string()
        ]
    );
    assert_eq!(wb.table_for("2026-11").unwrap().len(), 30);
    assert_eq!(wb.table_for("2026-10").unwrap().len(), 1);
    assert!(wb.table_for("2026-08").is_none());
    // Switch to November, then undo the switch.
    wb.apply(Command::SelectMonth("2026-11".into())).unwrap();
    assert_eq!(wb.month(), "2026-11");
    assert_eq!(inq(&wb), Some(1404.0));
    wb.undo();
    assert_eq!(wb.month(), "2026-09");
    assert_eq!(wb.table().len(), 2);
    // Re-importing an existing month replaces it.
    let oct2 = import_text("客服昵称\t询单人数\n小雨\t950\n").table;
    wb.apply(Command::ImportMonth {
        month: "2026-10".into(),
        table: Box::new(oct2),
    })
    .unwrap();
    assert_eq!(wb.months().len(), 3);
    assert_eq!(inq(&wb), Some(950.0));
    wb.undo();
    assert_eq!(wb.month(), "2026-09");
    assert_eq!(
        wb.table_for("2026-10").unwrap().at(0, 1).number(),
        Some(900.0)
    );
    // Refusals change nothing.
    assert_eq!(
        wb.apply(Command::SelectMonth("2030-01".into()))
            .unwrap_err()
            .msg,
        Msg::ErrNoSuchMonth
    );
    let t = import_text("客服昵称\t询单人数\n小雨\t1\n").table;
    assert_eq!(
        wb.apply(Command::ImportMonth {
            month: " ".into(),
            table: Box::new(t)
        })
        .unwrap_err()
        .msg,
        Msg::ErrMonthEmpty
    );
    assert_eq!(wb.month(), "2026-09");
}

#[test]
fn rows_and_column_remaps_are_undoable() {
    use kpi_sandbox::model::Unit;
    let mut wb = Workbook::new(demo_table());
    let n = wb.table().len();
    wb.apply(Command::AddRow { at: usize::MAX }).unwrap();
    assert_eq!(wb.table().len(), n + 1);
    assert_eq!(*wb.table().at(n, 0), Cell::Empty);
    wb.apply(Command::RemoveRow { row: 0 }).unwrap();
    assert_eq!(wb.table().agent_name(0), "阿杰");
    wb.undo();
    assert_eq!(wb.table().agent_name(0), "小雨");
    assert!(wb.apply(Command::RemoveRow { row: 999 }).is_err());
    // Percent → number: 32.26 % is read again from "32.26%" as 32.26.
    let conv = wb.table().column_of(MetricId::Conversion).unwrap();
    wb.apply(Command::RemapColumn {
        col: conv,
        metric: None,
        unit: Unit::Number,
    })
    .unwrap();
    assert_eq!(wb.table().at(0, conv).clone(), Cell::Number(32.26));
    assert_eq!(wb.table().columns[conv].metric, None);
    // … and back: bare numbers > 1 in the column are percentage points.
    wb.apply(Command::RemapColumn {
        col: conv,
        metric: Some(MetricId::Conversion),
        unit: Unit::Percent,
    })
    .unwrap();
    assert_eq!(wb.table().at(0, conv).clone(), Cell::Number(0.3226));
    wb.undo();
    wb.undo();
    assert_eq!(wb.table().columns[conv].unit, Unit::Percent);
    assert_eq!(wb.table().at(0, conv).clone(), Cell::Number(0.3226));
    // Text → seconds re-reads the text and marks what does not parse.
    let agent = wb.table().column_of(MetricId::Agent).unwrap();
    assert_eq!(
        wb.apply(Command::RemoveColumn { col: agent })
            .unwrap_err()
            .msg,
        Msg::ErrAgentColumnKept
    );
    let group = wb.table().column_of(MetricId::Group).unwrap();
    wb.apply(Command::RemapColumn {
        col: group,
        metric: None,
        unit: Unit::Seconds,
    })
    .unwrap();
    assert!(matches!(wb.table().at(0, group), Cell::Invalid { .. }));
}

#[test]
fn data_columns_are_inserted_mapped_and_undone() {
    use kpi_sandbox::model::Unit;
    let mut wb = Workbook::new(demo_table());
    let width = wb.table().columns.len();
    // A known header is mapped like an import's: 咨询量 is not, 慢响应率 is not, 中差评数 exists already.
    wb.apply(Command::AddColumn {
        after: 0,
        name: "  备注2 ".into(),
        unit: Unit::Number,
    })
    .unwrap();
    assert_eq!(wb.table().columns.len(), width + 1);
    assert_eq!(wb.table().columns[1].name, "备注2");
    assert_eq!(wb.table().columns[1].metric, None);
    assert_eq!(wb.table().at(5, 1), &Cell::Empty);
    // Typing into it parses by its unit.
    wb.apply(set(0, 1, "12")).unwrap();
    assert_eq!(wb.table().at(0, 1), &Cell::Number(12.0));
    // A metric already present is not claimed twice; an empty or taken name is refused.
    wb.apply(Command::AddColumn {
        after: usize::MAX,
        name: "Conversion rate".into(),
        unit: Unit::Number,
    })
    .unwrap();
    let last = wb.table().columns.last().unwrap();
    assert_eq!((last.metric, last.unit), (None, Unit::Number));
    for (name, msg) in [
        (" ", Msg::ErrColumnNameEmpty),
        ("客服昵称", Msg::ErrColumnNameTaken),
    ] {
        let err = wb
            .apply(Command::AddColumn {
                after: 0,
                name: name.into(),
                unit: Unit::Number,
            })
            .unwrap_err();
        assert_eq!(err.msg, msg);
    }
    wb.undo();
    wb.undo();
    wb.undo();
    assert_eq!(wb.table().columns.len(), width);
    assert_eq!(wb.table(), Workbook::new(demo_table()).table());
}

#[test]
fn scenarios_follow_plan_and_model_renames() {
    use kpi_sandbox::model::payout::PayoutModel;
    use kpi_sandbox::model::plan::{template, Template};
    use kpi_sandbox::model::workbook::PayoutEdit;
    let mut wb = Workbook::with_plans(
        demo_table(),
        "2026-11",
        vec![template(Template::PreSales, "售前", "2026-11")],
    )
    .with_payouts(vec![PayoutModel::example("月度奖金")]);
    let (plan, payout) = (wb.plans()[0].id, wb.payouts()[0].id);
    wb.apply(Command::AddScenario {
        name: "现行".into(),
        month: "2026-11".into(),
        plan,
        payout,
    })
    .unwrap();
    let sc = wb.scenarios()[0].clone();
    // Scenarios refer by id: renaming the plan changes nothing in them.
    let mut p = wb.plans()[0].clone();
    p.name = "售前 v2".into();
    assert_eq!(
        wb.apply(Command::EditPlan {
            id: plan,
            plan: Box::new(p)
        })
        .unwrap(),
        Touched::Inputs
    );
    assert_eq!(wb.scenarios()[0], sc);
    assert_eq!(wb.scenario_plan(&sc).unwrap().name, "售前 v2");
    wb.undo();
    assert_eq!(wb.plans()[0].name, "售前");
    // The same for a payout model renamed in place; removing it leaves the
    // scenario pointing at nothing, and undo brings it back.
    let mut m = wb.payouts()[0].clone();
    m.name = "十一月奖金".into();
    wb.apply(Command::EditPayoutModel {
        id: payout,
        edit: PayoutEdit::Replace(Box::new(m)),
    })
    .unwrap();
    assert_eq!(wb.scenario_payout(&sc).unwrap().name, "十一月奖金");
    wb.apply(Command::RemovePayoutModel { id: payout }).unwrap();
    assert!(wb.scenario_payout(&sc).is_none());
    wb.undo();
    wb.undo();
    assert_eq!(wb.scenario_payout(&sc).unwrap().name, "月度奖金");
    assert_eq!(wb.scenarios()[0], sc);
}
