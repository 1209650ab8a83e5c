//! The app's state and its one reducer, headless: what the UI shows
//! (workbook, language, tab, selections, notice, a pending share link) and
//! what each action does to it. The Yew `Reducible` impl in `ui::state` is a
//! thin wrapper around [`reduce`], so every action is tested natively
//! (`tests/session.rs`).
//!
//! Owns: selections by id (the plan, the compared plan and the payout model
//! the user is looking at stay theirs across edits, undo and removals of
//! others). Must never: touch storage, the URL or the clipboard — effects run
//! in components; return a new `Rc` when nothing changed.

use super::id::Id;
use super::payout::{PayoutModel, Shift};
use super::plan::{template, Plan, Template};
use super::table::Table;
use super::workbook::{Command, Select, Snapshot};
use super::Workbook;
use crate::i18n::{Lang, Msg};
use std::rc::Rc;

/// The month of the demo team's data.
pub const DEMO_MONTH: &str = "2026-11";

/// A workspace tab. Only workspaces that exist are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Data,
    Plan,
    Scores,
    Pay,
    Trends,
    Qa,
}

impl Tab {
    /// In the order of the manager's month (GUIDE.md); later workspaces slot in between.
    pub const ALL: [Tab; 6] = [
        Tab::Data,
        Tab::Plan,
        Tab::Scores,
        Tab::Pay,
        Tab::Trends,
        Tab::Qa,
    ];

    pub fn label(self) -> Msg {
        match self {
            Tab::Data => Msg::TabData,
            Tab::Plan => Msg::TabPlan,
            Tab::Scores => Msg::TabScores,
            Tab::Pay => Msg::TabPay,
            Tab::Trends => Msg::TabTrends,
            Tab::Qa => Msg::TabQa,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Tab::Data => "data",
            Tab::Plan => "plan",
            Tab::Scores => "scores",
            Tab::Pay => "pay",
            Tab::Trends => "trends",
            Tab::Qa => "qa",
        }
    }
}

/// A message shown in the status bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub msg: Msg,
    pub args: Vec<String>,
    pub error: bool,
}

/// What a share link holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Shared {
    Workbook(Box<Snapshot>),
    Plans {
        plans: Vec<Plan>,
        payouts: Vec<PayoutModel>,
    },
}

/// Everything the UI shows.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Shared, so actions that do not change it (tabs, selections, notices)
    /// do not copy the tables and the undo history; changes go through
    /// `Rc::make_mut`.
    pub workbook: Rc<Workbook>,
    pub lang: Lang,
    pub tab: Tab,
    pub notice: Option<Notice>,
    /// Bumped on every data change so views can key memoised work on it.
    pub revision: u64,
    /// The plan shown in the Plan, Scores and Payouts workspaces (by id;
    /// the first plan when it is gone).
    pub plan_id: Id,
    /// The plan compared with it in Scores.
    pub compare_id: Option<Id>,
    /// The payout model shown in Payouts (by id; the first when it is gone).
    pub payout_id: Id,
    /// What-if moves applied on top of the data in Payouts (never saved;
    /// resetting restores the data untouched).
    pub shifts: Vec<Shift>,
    /// A share link the page was opened with, waiting for the user's yes.
    pub pending_link: Option<Shared>,
    /// Whether the user has looked at how the columns were mapped this
    /// session: an import preview confirmed, or the columns list of the
    /// first steps opened (#15). Never saved; the user can take it back.
    pub columns_checked: bool,
}

/// What the UI can ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    SelectTab(Tab),
    /// Apply a command; what it created (or the neighbour of what it
    /// removed) becomes the selection.
    Apply(Command),
    Undo,
    Redo,
    DismissNotice,
    /// Select the plan at this position of the list.
    SelectPlan(usize),
    /// Compare with the plan at this position (none: no comparison).
    SetCompare(Option<usize>),
    /// Select the payout model at this position of the list.
    SelectPayout(usize),
    /// Ask whether to open a share link's content.
    OfferLink(Shared),
    /// Open it: a workbook replaces the current one (one undoable step),
    /// its first plan and model selected (the ones the sender was viewing);
    /// plans and payout models are added (one undoable step).
    AcceptLink,
    RejectLink,
    SetShifts(Vec<Shift>),
    /// Show a message (from an effect, e.g. a failed autosave).
    Notify(Notice),
    /// The user has seen the column mapping (true), or takes that back.
    CheckColumns(bool),
}

impl AppState {
    /// A state showing `workbook`, its first plan and model selected.
    pub fn with_workbook(workbook: Workbook, lang: Lang) -> Self {
        let plan_id = workbook.plans().first().map(|p| p.id).unwrap_or_default();
        let payout_id = workbook.payouts().first().map(|m| m.id).unwrap_or_default();
        AppState {
            workbook: Rc::new(workbook),
            lang,
            tab: Tab::Data,
            notice: None,
            revision: 0,
            plan_id,
            compare_id: None,
            payout_id,
            shifts: Vec::new(),
            pending_link: None,
            columns_checked: false,
        }
    }

    /// The start state: `table` (the demo team) with the two templates and
    /// the example payout model, named in `lang`.
    pub fn demo(lang: Lang, table: Table) -> Self {
        let plans = vec![
            template(Template::PreSales, Msg::TplPreSales.t(lang), DEMO_MONTH),
            template(Template::AfterSales, Msg::TplAfterSales.t(lang), DEMO_MONTH),
        ];
        let wb = Workbook::with_plans(table, DEMO_MONTH, plans)
            .with_payouts(vec![PayoutModel::example(Msg::PayDefaultName.t(lang))]);
        AppState::with_workbook(wb, lang)
    }

    /// The position of the selected plan (0 when it is gone).
    pub fn plan(&self) -> usize {
        self.workbook.plan_index(self.plan_id).unwrap_or(0)
    }

    /// The position of the selected payout model (0 when it is gone).
    pub fn payout(&self) -> usize {
        self.workbook.payout_index(self.payout_id).unwrap_or(0)
    }

    /// The position of the compared plan, if it still exists.
    pub fn compare(&self) -> Option<usize> {
        self.compare_id.and_then(|id| self.workbook.plan_index(id))
    }

    /// The plan the user is looking at.
    pub fn current_plan(&self) -> Option<&Plan> {
        self.workbook.plans().get(self.plan())
    }

    /// The payout model the user is looking at.
    pub fn current_payout(&self) -> Option<&PayoutModel> {
        self.workbook.payouts().get(self.payout())
    }

    /// The workbook as saved, with the plan and model the user is looking
    /// at first: what a share link and the .xlsx export carry, so the
    /// recipient (or the file) shows the same plan and total.
    pub fn viewed_snapshot(&self) -> Snapshot {
        let mut s = self.workbook.snapshot();
        front(&mut s.plans, |p| p.id == self.plan_id);
        front(&mut s.payouts, |m| m.id == self.payout_id);
        s
    }

    fn select(&mut self, sel: Option<Select>) {
        match sel {
            Some(Select::Plan(id)) => {
                self.plan_id = id;
                if self.compare_id == Some(id) {
                    self.compare_id = None;
                }
            }
            Some(Select::Payout(id)) => self.payout_id = id,
            Some(Select::NoPlan) => self.plan_id = Id::NONE,
            Some(Select::NoPayout) => self.payout_id = Id::NONE,
            Some(Select::Scenario(_)) | None => {}
        }
    }

    fn error(&mut self, msg: Msg, args: Vec<String>) {
        self.notice = Some(Notice {
            msg,
            args,
            error: true,
        });
    }
}

/// Moves the first item matching `is` to the front, keeping the others' order.
fn front<T>(list: &mut Vec<T>, is: impl Fn(&T) -> bool) {
    if let Some(i) = list.iter().position(is) {
        let x = list.remove(i);
        list.insert(0, x);
    }
}

/// The one reducer: `state` after `action`; the same `Rc` when nothing changed.
pub fn reduce(state: Rc<AppState>, action: Action) -> Rc<AppState> {
    let with = |f: &dyn Fn(&mut AppState)| {
        let mut next = (*state).clone();
        f(&mut next);
        Rc::new(next)
    };
    match action {
        Action::SetLang(lang) if lang != state.lang => with(&|s| s.lang = lang),
        Action::SelectTab(tab) if tab != state.tab => with(&|s| s.tab = tab),
        Action::Apply(cmd) => {
            let mut next = (*state).clone();
            // Removing another plan or model than the one on screen keeps it on screen.
            let removing = matches!(
                cmd,
                Command::RemovePlan { .. } | Command::RemovePayoutModel { .. }
            );
            // An import is confirmed in its preview, which shows the mapping.
            let previewed = matches!(
                cmd,
                Command::ImportSheet { .. }
                    | Command::ImportDays { .. }
                    | Command::JoinColumns { .. }
                    | Command::Load(_)
            );
            match Rc::make_mut(&mut next.workbook).dispatch(cmd) {
                Ok(applied) => {
                    next.revision += 1;
                    next.notice = None;
                    next.columns_checked |= previewed;
                    let kept = match applied.select {
                        Some(Select::Plan(_) | Select::NoPlan) => {
                            next.workbook.plan(next.plan_id).is_some()
                        }
                        Some(Select::Payout(_) | Select::NoPayout) => {
                            next.workbook.payout(next.payout_id).is_some()
                        }
                        _ => false,
                    };
                    if !(removing && kept) {
                        next.select(applied.select);
                    }
                }
                Err(e) => next.error(e.msg, e.args),
            }
            Rc::new(next)
        }
        Action::Undo | Action::Redo => {
            let mut next = (*state).clone();
            let undo = action == Action::Undo;
            let done = if undo {
                Rc::make_mut(&mut next.workbook).undo()
            } else {
                Rc::make_mut(&mut next.workbook).redo()
            };
            if done.is_some() {
                next.revision += 1;
                next.notice = None;
            } else {
                next.notice = Some(Notice {
                    msg: if undo {
                        Msg::NothingToUndo
                    } else {
                        Msg::NothingToRedo
                    },
                    args: Vec::new(),
                    error: false,
                });
            }
            Rc::new(next)
        }
        Action::SelectPlan(i) => match state.workbook.plans().get(i).map(|p| p.id) {
            Some(id) if id != state.plan_id => with(&|s| s.select(Some(Select::Plan(id)))),
            _ => state,
        },
        Action::SetCompare(c) => {
            let id = c.and_then(|i| state.workbook.plans().get(i).map(|p| p.id));
            if id == state.compare_id || (c.is_some() && id.is_none()) {
                state
            } else {
                with(&|s| s.compare_id = id)
            }
        }
        Action::SelectPayout(i) => match state.workbook.payouts().get(i).map(|m| m.id) {
            Some(id) if id != state.payout_id => with(&|s| s.payout_id = id),
            _ => state,
        },
        Action::OfferLink(shared) => {
            let mut next = (*state).clone();
            next.pending_link = Some(shared);
            Rc::new(next)
        }
        Action::RejectLink if state.pending_link.is_some() => with(&|s| s.pending_link = None),
        Action::CheckColumns(seen) if seen != state.columns_checked => {
            with(&|s| s.columns_checked = seen)
        }
        Action::AcceptLink => {
            let Some(shared) = state.pending_link.clone() else {
                return state;
            };
            let mut next = (*state).clone();
            next.pending_link = None;
            let models_before: Vec<Id> = next.workbook.payouts().iter().map(|m| m.id).collect();
            let result = match shared {
                Shared::Workbook(s) => {
                    let r = Rc::make_mut(&mut next.workbook).dispatch(Command::Load(s));
                    if r.is_ok() {
                        next.shifts.clear();
                        next.compare_id = None;
                        let wb = &next.workbook;
                        next.plan_id = wb.plans().first().map(|p| p.id).unwrap_or_default();
                        next.payout_id = wb.payouts().first().map(|m| m.id).unwrap_or_default();
                    }
                    r.map(|_| ())
                }
                Shared::Plans { plans, payouts } => {
                    let r = Rc::make_mut(&mut next.workbook)
                        .dispatch(Command::MergeShared { plans, payouts });
                    if let Ok(a) = &r {
                        next.select(a.select);
                        // The first model the link added is shown with its plans.
                        let added = next
                            .workbook
                            .payouts()
                            .iter()
                            .find(|m| !models_before.contains(&m.id))
                            .map(|m| m.id);
                        if let Some(id) = added {
                            next.payout_id = id;
                        }
                    }
                    r.map(|_| ())
                }
            };
            match result {
                Ok(()) => {
                    next.notice = Some(Notice {
                        msg: Msg::LinkOpened,
                        args: Vec::new(),
                        error: false,
                    })
                }
                Err(e) => next.error(e.msg, e.args),
            }
            next.revision += 1;
            Rc::new(next)
        }
        Action::SetShifts(shifts) if shifts != state.shifts => {
            let mut next = (*state).clone();
            next.shifts = shifts;
            Rc::new(next)
        }
        Action::Notify(n) if state.notice.as_ref() != Some(&n) => {
            let mut next = (*state).clone();
            next.notice = Some(n);
            Rc::new(next)
        }
        Action::DismissNotice if state.notice.is_some() => with(&|s| s.notice = None),
        _ => state,
    }
}
