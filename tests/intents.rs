//! Intents on plans, payout models and scenarios: ids, names, selection and
//! one undo step each. Expected names follow the one naming rule by hand:
//! a taken name gets " (2)", " (3)"…; a plan copy is named for its month
//! ("base · YYYY-MM"), dropping the month and counter it already had.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::Msg;
use kpi_sandbox::io::demo::demo_table;
use kpi_sandbox::model::id::{base_name, copy_name, month_name, unique_name, Id};
use kpi_sandbox::model::payout::PayoutModel;
use kpi_sandbox::model::plan::{template, Template};
use kpi_sandbox::model::workbook::{PayoutEdit, Select};
use kpi_sandbox::model::{Command, Workbook};

/// The demo workbook: plans 售前考核方案 (id 1) and 售后考核方案 (id 2) for
/// 2026-11, model 月度绩效奖金 (id 3).
fn demo() -> Workbook {
    Workbook::with_plans(
        demo_table(),
        "2026-11",
        vec![
            template(Template::PreSales, "售前考核方案", "2026-11"),
            template(Template::AfterSales, "售后考核方案", "2026-11"),
        ],
    )
    .with_payouts(vec![PayoutModel::example("月度绩效奖金")])
}

fn plans(wb: &Workbook) -> Vec<(u32, String, String)> {
    wb.plans()
        .iter()
        .map(|p| (p.id.0, p.name.clone(), p.month.clone()))
        .collect()
}

fn models(wb: &Workbook) -> Vec<(u32, String)> {
    wb.payouts()
        .iter()
        .map(|m| (m.id.0, m.name.clone()))
        .collect()
}

fn pre() -> Box<kpi_sandbox::model::plan::Plan> {
    Box::new(template(Template::PreSales, "售前考核方案", "2026-11"))
}

/// Applies `cmds` to the demo; checks the selection of the last one, the
/// plans and models after, and that one undo per command restores the demo.
fn check(
    cmds: Vec<Command>,
    select: Option<Select>,
    want_plans: &[(u32, &str, &str)],
    want_models: &[(u32, &str)],
) {
    let mut wb = demo();
    let start = (plans(&wb), models(&wb), wb.scenarios().to_vec());
    let n = cmds.len();
    let mut last = None;
    for c in cmds {
        last = wb
            .dispatch(c.clone())
            .unwrap_or_else(|e| panic!("{c:?}: {e:?}"))
            .select;
    }
    assert_eq!(last, select);
    let got: Vec<(u32, &str, &str)> = wb
        .plans()
        .iter()
        .map(|p| (p.id.0, p.name.as_str(), p.month.as_str()))
        .collect();
    assert_eq!(got, want_plans);
    let got: Vec<(u32, &str)> = wb
        .payouts()
        .iter()
        .map(|m| (m.id.0, m.name.as_str()))
        .collect();
    assert_eq!(got, want_models);
    for _ in 0..n {
        assert!(wb.undo().is_some());
    }
    assert_eq!((plans(&wb), models(&wb), wb.scenarios().to_vec()), start);
}

const PRE: (u32, &str, &str) = (1, "售前考核方案", "2026-11");
const POST: (u32, &str, &str) = (2, "售后考核方案", "2026-11");
const MODEL: (u32, &str) = (3, "月度绩效奖金");

#[test]
fn plan_intents() {
    let id = Id;
    // A template added twice: two names, two ids.
    check(
        vec![Command::AddPlan(pre()), Command::AddPlan(pre())],
        Some(Select::Plan(id(5))),
        &[
            PRE,
            POST,
            (4, "售前考核方案 (2)", "2026-11"),
            (5, "售前考核方案 (3)", "2026-11"),
        ],
        &[MODEL],
    );
    // Copies are named for their month; copying a copy does not pile up.
    check(
        vec![
            Command::CopyPlan {
                id: id(1),
                month: Some("2026-12".into()),
            },
            Command::CopyPlan {
                id: id(4),
                month: None,
            },
            Command::CopyPlan {
                id: id(1),
                month: None,
            },
            Command::CopyPlan {
                id: id(1),
                month: None,
            },
        ],
        Some(Select::Plan(id(7))),
        &[
            PRE,
            POST,
            (4, "售前考核方案 · 2026-12", "2026-12"),
            (5, "售前考核方案 · 2026-12 (2)", "2026-12"),
            (6, "售前考核方案 · 2026-11", "2026-11"),
            (7, "售前考核方案 · 2026-11 (2)", "2026-11"),
        ],
        &[MODEL],
    );
    // Removing selects the plan before it, else the one after.
    check(
        vec![Command::RemovePlan { id: id(2) }],
        Some(Select::Plan(id(1))),
        &[PRE],
        &[MODEL],
    );
    check(
        vec![Command::RemovePlan { id: id(1) }],
        Some(Select::Plan(id(2))),
        &[POST],
        &[MODEL],
    );
    check(
        vec![
            Command::RemovePlan { id: id(1) },
            Command::RemovePlan { id: id(2) },
        ],
        Some(Select::NoPlan),
        &[],
        &[MODEL],
    );
    // An id is never given twice, not even after an undo.
    let mut wb = demo();
    wb.apply(Command::AddPlan(pre())).unwrap();
    wb.undo();
    wb.apply(Command::AddPlan(pre())).unwrap();
    assert_eq!(wb.plans()[2].id, id(5));
}

#[test]
fn model_intents() {
    let id = Id;
    check(
        vec![
            Command::AddPayoutModel(Box::new(PayoutModel::example("月度绩效奖金"))),
            Command::CopyPayoutModel { id: id(3) },
            Command::CopyPayoutModel { id: id(4) },
        ],
        Some(Select::Payout(id(6))),
        &[PRE, POST],
        &[
            MODEL,
            (4, "月度绩效奖金 (2)"),
            (5, "月度绩效奖金 (3)"),
            (6, "月度绩效奖金 (4)"),
        ],
    );
    check(
        vec![Command::EditPayoutModel {
            id: id(3),
            edit: PayoutEdit::SetParam {
                part: 0,
                value: 1200.0,
            },
        }],
        None,
        &[PRE, POST],
        &[MODEL],
    );
    check(
        vec![
            Command::CopyPayoutModel { id: id(3) },
            Command::RemovePayoutModel { id: id(3) },
        ],
        Some(Select::Payout(id(4))),
        &[PRE, POST],
        &[(4, "月度绩效奖金 (2)")],
    );
    // Shared plans and models are merged with fresh ids and free names, one step.
    check(
        vec![Command::MergeShared {
            plans: vec![*pre()],
            payouts: vec![PayoutModel::example("月度绩效奖金")],
        }],
        Some(Select::Plan(id(4))),
        &[PRE, POST, (4, "售前考核方案 (2)", "2026-11")],
        &[MODEL, (5, "月度绩效奖金 (2)")],
    );
}

#[test]
fn edits_keep_ids_and_refuse_taken_names() {
    let mut wb = demo();
    let mut p = wb.plans()[0].clone();
    p.name = " 售后考核方案 ".into();
    p.id = Id(77);
    let e = wb
        .apply(Command::EditPlan {
            id: Id(1),
            plan: Box::new(p.clone()),
        })
        .unwrap_err();
    assert_eq!(
        (e.msg, e.args),
        (Msg::ErrNameTaken, vec!["售后考核方案".into()])
    );
    p.name = "售前 v2".into();
    wb.apply(Command::EditPlan {
        id: Id(1),
        plan: Box::new(p),
    })
    .unwrap();
    assert_eq!(wb.plans()[0].id, Id(1));
    assert_eq!(wb.plans()[0].name, "售前 v2");
    let mut m = wb.payouts()[0].clone();
    m.name = "  ".into();
    let e = wb
        .apply(Command::EditPayoutModel {
            id: Id(3),
            edit: PayoutEdit::Replace(Box::new(m)),
        })
        .unwrap_err();
    assert_eq!(e.msg, Msg::ErrNameEmpty);
    for bad in [
        Command::RemovePlan { id: Id(9) },
        Command::CopyPlan {
            id: Id(3),
            month: None,
        },
    ] {
        assert_eq!(wb.apply(bad).unwrap_err().msg, Msg::ErrNoSuchPlan);
    }
    assert_eq!(
        wb.apply(Command::CopyPayoutModel { id: Id(1) })
            .unwrap_err()
            .msg,
        Msg::ErrNoSuchModel
    );
}

#[test]
fn scenarios_are_named_and_refer_by_id() {
    let mut wb = demo();
    let add = |name: &str| Command::AddScenario {
        name: name.into(),
        month: "2026-11".into(),
        plan: Id(1),
        payout: Id(3),
    };
    wb.apply(add("")).unwrap();
    wb.apply(add("")).unwrap();
    wb.apply(add("现行")).unwrap();
    let names: Vec<(u32, &str)> = wb
        .scenarios()
        .iter()
        .map(|s| (s.id.0, s.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            (4, "2026-11 · 售前考核方案 · 月度绩效奖金"),
            (5, "2026-11 · 售前考核方案 · 月度绩效奖金 (2)"),
            (6, "现行"),
        ]
    );
    wb.apply(Command::RemoveScenario { id: Id(5) }).unwrap();
    assert_eq!(wb.scenarios().len(), 2);
    assert_eq!(
        wb.apply(Command::AddScenario {
            name: String::new(),
            month: "2026-11".into(),
            plan: Id(3),
            payout: Id(3),
        })
        .unwrap_err()
        .msg,
        Msg::ErrNoSuchPlan
    );
}

#[test]
fn one_naming_rule() {
    for (base, taken, want) in [
        ("售前", vec![], "售前"),
        ("售前", vec!["售前"], "售前 (2)"),
        ("售前", vec!["售前", "售前 (2)"], "售前 (3)"),
        (" Sales ", vec!["sales"], "Sales (2)"),
    ] {
        assert_eq!(unique_name(base, &taken), want);
    }
    for (name, want) in [
        ("售前考核方案", "售前考核方案"),
        ("售前考核方案 · 2026-11", "售前考核方案"),
        ("售前考核方案 2026-11", "售前考核方案"),
        ("售前考核方案 · 2026-11 (3)", "售前考核方案"),
        ("2026-11", "2026-11"),
        ("方案 (x)", "方案 (x)"),
    ] {
        assert_eq!(base_name(name), want, "{name}");
    }
    assert_eq!(
        month_name("售前 · 2026-11 (2)", "2026-12", &["售前 · 2026-12"]),
        "售前 · 2026-12 (2)"
    );
    assert_eq!(copy_name("奖金 (2)", &["奖金", "奖金 (2)"]), "奖金 (3)");
}
