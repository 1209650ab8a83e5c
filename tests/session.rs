//! The app's reducer, natively: every action, one table. Each case starts
//! from the demo state (plans 售前考核方案 and 售后考核方案, model 月度绩效奖金,
//! Chinese, Data tab), applies its actions and compares what the user sees.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::{Lang, Msg};
use kpi_sandbox::io::demo::demo_table;
use kpi_sandbox::io::share::{decode, encode, Scope};
use kpi_sandbox::model::id::Id;
use kpi_sandbox::model::payout::{PayoutModel, Shift};
use kpi_sandbox::model::plan::{template, Template};
use kpi_sandbox::model::session::{reduce, Action, AppState, Notice, Shared, Tab};
use kpi_sandbox::model::Command;
use std::rc::Rc;

fn start() -> Rc<AppState> {
    Rc::new(AppState::demo(Lang::Zh, demo_table()))
}

/// What a case checks: language, tab, selected plan, compared plan,
/// selected model, the notice's message, data revision, a pending link.
#[derive(Debug, PartialEq)]
struct Seen {
    lang: Lang,
    tab: Tab,
    plan: String,
    compare: Option<String>,
    payout: String,
    notice: Option<Msg>,
    revision: u64,
    pending: bool,
}

fn seen(s: &AppState) -> Seen {
    Seen {
        lang: s.lang,
        tab: s.tab,
        plan: s.current_plan().map(|p| p.name.clone()).unwrap_or_default(),
        compare: s.compare().map(|i| s.workbook.plans()[i].name.clone()),
        payout: s
            .current_payout()
            .map(|m| m.name.clone())
            .unwrap_or_default(),
        notice: s.notice.as_ref().map(|n| n.msg),
        revision: s.revision,
        pending: s.pending_link.is_some(),
    }
}

fn base() -> Seen {
    Seen {
        lang: Lang::Zh,
        tab: Tab::Data,
        plan: "售前考核方案".into(),
        compare: None,
        payout: "月度绩效奖金".into(),
        notice: None,
        revision: 0,
        pending: false,
    }
}

fn check(actions: Vec<Action>, want: Seen) {
    let mut s = start();
    for a in actions {
        s = reduce(s, a);
    }
    assert_eq!(seen(&s), want);
}

fn add_pre() -> Action {
    Action::Apply(Command::AddPlan(Box::new(template(
        Template::PreSales,
        "售前考核方案",
        "2026-11",
    ))))
}

#[test]
fn every_action() {
    let link = |scope| {
        let mut other = AppState::demo(Lang::Zh, demo_table());
        other = (*reduce(Rc::new(other), Action::SelectPlan(1))).clone();
        decode(&encode(&other.viewed_snapshot(), scope)).unwrap()
    };
    let cases: Vec<(Vec<Action>, Seen)> = vec![
        (
            vec![Action::SetLang(Lang::En)],
            Seen {
                lang: Lang::En,
                ..base()
            },
        ),
        (
            vec![Action::SelectTab(Tab::Pay)],
            Seen {
                tab: Tab::Pay,
                ..base()
            },
        ),
        (
            vec![Action::SelectPlan(1)],
            Seen {
                plan: "售后考核方案".into(),
                ..base()
            },
        ),
        // Out of range: nothing changes.
        (vec![Action::SelectPlan(9)], base()),
        (
            vec![Action::SetCompare(Some(1))],
            Seen {
                compare: Some("售后考核方案".into()),
                ..base()
            },
        ),
        // Selecting the compared plan ends the comparison.
        (
            vec![Action::SetCompare(Some(1)), Action::SelectPlan(1)],
            Seen {
                plan: "售后考核方案".into(),
                ..base()
            },
        ),
        (
            vec![Action::SetCompare(Some(1)), Action::SetCompare(None)],
            base(),
        ),
        // An added plan is selected (one dispatch).
        (
            vec![add_pre()],
            Seen {
                plan: "售前考核方案 (2)".into(),
                revision: 1,
                ..base()
            },
        ),
        // The selection stays with its plan when one before it goes.
        (
            vec![
                Action::SelectPlan(1),
                Action::Apply(Command::RemovePlan { id: Id(1) }),
            ],
            Seen {
                plan: "售后考核方案".into(),
                revision: 1,
                ..base()
            },
        ),
        (
            vec![Action::Apply(Command::RemovePlan { id: Id(2) })],
            Seen {
                revision: 1,
                ..base()
            },
        ),
        (
            vec![add_pre(), Action::Undo],
            Seen {
                plan: "售前考核方案".into(),
                revision: 2,
                ..base()
            },
        ),
        (
            vec![add_pre(), Action::Undo, Action::Redo],
            Seen {
                plan: "售前考核方案 (2)".into(),
                revision: 3,
                ..base()
            },
        ),
        (
            vec![Action::Undo],
            Seen {
                notice: Some(Msg::NothingToUndo),
                ..base()
            },
        ),
        (
            vec![Action::Redo],
            Seen {
                notice: Some(Msg::NothingToRedo),
                ..base()
            },
        ),
        // A refused command leaves everything and says why.
        (
            vec![Action::Apply(Command::RemovePlan { id: Id(42) })],
            Seen {
                notice: Some(Msg::ErrNoSuchPlan),
                ..base()
            },
        ),
        (
            vec![
                Action::Apply(Command::RemovePlan { id: Id(42) }),
                Action::DismissNotice,
            ],
            base(),
        ),
        (
            vec![Action::Apply(Command::CopyPayoutModel { id: Id(3) })],
            Seen {
                payout: "月度绩效奖金 (2)".into(),
                revision: 1,
                ..base()
            },
        ),
        (
            vec![
                Action::Apply(Command::CopyPayoutModel { id: Id(3) }),
                Action::SelectPayout(0),
                Action::Apply(Command::RemovePayoutModel { id: Id(3) }),
            ],
            Seen {
                payout: "月度绩效奖金 (2)".into(),
                revision: 2,
                ..base()
            },
        ),
        (
            vec![Action::Notify(Notice {
                msg: Msg::LinkOpened,
                args: Vec::new(),
                error: false,
            })],
            Seen {
                notice: Some(Msg::LinkOpened),
                ..base()
            },
        ),
        // A workbook link: offered, then opened on the plan the sender viewed.
        (
            vec![Action::OfferLink(link(Scope::Everything))],
            Seen {
                pending: true,
                ..base()
            },
        ),
        (
            vec![
                Action::OfferLink(link(Scope::Everything)),
                Action::RejectLink,
            ],
            base(),
        ),
        (
            vec![
                Action::OfferLink(link(Scope::Everything)),
                Action::AcceptLink,
            ],
            Seen {
                plan: "售后考核方案".into(),
                notice: Some(Msg::LinkOpened),
                revision: 1,
                ..base()
            },
        ),
        // Plans only: added with free names, the first one and its model selected.
        (
            vec![
                Action::OfferLink(link(Scope::PlansOnly)),
                Action::AcceptLink,
            ],
            Seen {
                plan: "售后考核方案 (2)".into(),
                payout: "月度绩效奖金 (2)".into(),
                notice: Some(Msg::LinkOpened),
                revision: 1,
                ..base()
            },
        ),
        (vec![Action::AcceptLink], base()),
    ];
    for (actions, want) in cases {
        check(actions, want);
    }
}

#[test]
fn nothing_changed_is_the_same_rc() {
    let s = start();
    for a in [
        Action::SetLang(Lang::Zh),
        Action::SelectTab(Tab::Data),
        Action::SelectPlan(0),
        Action::SelectPlan(5),
        Action::SelectPayout(0),
        Action::SetCompare(None),
        Action::DismissNotice,
        Action::RejectLink,
        Action::AcceptLink,
        Action::SetShifts(Vec::new()),
    ] {
        let next = reduce(s.clone(), a.clone());
        assert!(Rc::ptr_eq(&s, &next), "{a:?}");
    }
}

#[test]
fn shifts_are_kept_and_cleared_by_a_loaded_workbook() {
    let shift = Shift {
        column: "询单转化率".into(),
        agent: None,
        delta: 0.02,
    };
    let s = reduce(start(), Action::SetShifts(vec![shift.clone()]));
    assert_eq!(s.shifts, vec![shift]);
    let snap = AppState::demo(Lang::En, demo_table()).workbook.snapshot();
    let s = reduce(s, Action::OfferLink(Shared::Workbook(Box::new(snap))));
    let s = reduce(s, Action::AcceptLink);
    assert!(s.shifts.is_empty());
    assert_eq!(s.current_plan().unwrap().name, "Pre-sales plan");
}

#[test]
fn the_viewed_plan_and_model_go_first_in_what_is_shared() {
    let mut s = start();
    s = reduce(
        s,
        Action::Apply(Command::AddPayoutModel(Box::new(PayoutModel::example("B")))),
    );
    s = reduce(s, Action::SelectPlan(1));
    let snap = s.viewed_snapshot();
    let names: Vec<&str> = snap.plans.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["售后考核方案", "售前考核方案"]);
    let models: Vec<&str> = snap.payouts.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(models, ["B", "月度绩效奖金"]);
}

/// "Check the columns" (#15) is ticked by seeing the mapping, never by data
/// alone: editing or replacing the table without a preview leaves it; a
/// confirmed import preview (ImportSheet) or opening the list ticks it; the
/// user can take it back. (actions, columns_checked after them)
#[test]
fn columns_are_checked_only_when_the_mapping_was_seen() {
    use kpi_sandbox::io::import::import_text;
    let own = || import_text("客服昵称\t询单人数\n甲\t10\n乙\t20\n").table;
    let import = || {
        Action::Apply(Command::ImportSheet {
            month: "2026-12".into(),
            table: Box::new(own()),
            memory: Box::default(),
        })
    };
    let cases: Vec<(Vec<Action>, bool)> = vec![
        (vec![], false),
        (
            vec![Action::Apply(Command::ImportTable(Box::new(own())))],
            false,
        ),
        (vec![Action::SelectTab(Tab::Data)], false),
        (vec![import()], true),
        (vec![Action::CheckColumns(true)], true),
        (vec![import(), Action::CheckColumns(false)], false),
        (
            vec![Action::CheckColumns(true), Action::CheckColumns(false)],
            false,
        ),
    ];
    for (actions, want) in cases {
        let mut s = start();
        for a in actions.clone() {
            s = reduce(s, a);
        }
        assert_eq!(s.columns_checked, want, "{actions:?}");
    }
    // Nothing changes: the same state back.
    let s = start();
    assert!(Rc::ptr_eq(
        &s,
        &reduce(s.clone(), Action::CheckColumns(false))
    ));
}
