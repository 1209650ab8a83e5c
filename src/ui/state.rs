//! The one reducer. It only calls the model and returns the same `Rc` when
//! nothing changed; effects (storage, DOM) live in components.

use crate::i18n::{Lang, Msg};
use crate::io::demo::demo_table;
use crate::model::payout::{PayoutModel, Shift};
use crate::model::plan::{template, Template};
use crate::model::{Command, Workbook};

/// The month of the demo team's data.
pub const DEMO_MONTH: &str = "2026-11";
use std::rc::Rc;
use yew::prelude::*;

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
    /// The plan shown in the Plan and Scores workspaces.
    pub plan: usize,
    /// The plan compared with it in Scores.
    pub compare: Option<usize>,
    /// The payout model shown in Payouts.
    pub payout: usize,
    /// What-if moves applied on top of the data in Payouts (never saved;
    /// resetting restores the data untouched).
    pub shifts: Vec<Shift>,
    /// A share link the page was opened with, waiting for the user's yes.
    pub pending_link: Option<crate::io::share::Shared>,
}

impl AppState {
    /// The start state: the autosaved workbook when there is one, else the
    /// demo team in `lang`. An autosave that cannot be restored is kept as a
    /// backup and reported; it is never overwritten silently.
    pub fn restore_or_new(lang: Lang) -> Self {
        let Some(json) = super::browser::load_autosave() else {
            return AppState::new(lang);
        };
        match crate::io::scenario::from_json(&json) {
            Ok(snapshot) => AppState {
                workbook: Rc::new(Workbook::from_snapshot(snapshot)),
                notice: Some(Notice {
                    msg: Msg::AutosaveRestored,
                    args: Vec::new(),
                    error: false,
                }),
                ..AppState::new(lang)
            },
            Err(problems) => {
                super::browser::backup_autosave(&json);
                let why = problems
                    .first()
                    .map(|p| {
                        Msg::FileProblemAt.fill(lang, &[p.path.clone(), p.msg.fill(lang, &p.args)])
                    })
                    .unwrap_or_default();
                AppState {
                    notice: Some(Notice {
                        msg: Msg::AutosaveBroken,
                        args: vec![why],
                        error: true,
                    }),
                    ..AppState::new(lang)
                }
            }
        }
    }

    /// The start state: the demo team in `lang`.
    pub fn new(lang: Lang) -> Self {
        let plans = vec![
            template(Template::PreSales, Msg::TplPreSales.t(lang), DEMO_MONTH),
            template(Template::AfterSales, Msg::TplAfterSales.t(lang), DEMO_MONTH),
        ];
        AppState {
            workbook: Rc::new(
                Workbook::with_plans(demo_table(), DEMO_MONTH, plans)
                    .with_payouts(vec![PayoutModel::example(Msg::PayDefaultName.t(lang))]),
            ),
            lang,
            tab: Tab::Data,
            notice: None,
            revision: 0,
            plan: 0,
            compare: None,
            payout: 0,
            shifts: Vec::new(),
            pending_link: None,
        }
    }
}

/// What the UI can ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    SelectTab(Tab),
    Apply(Command),
    Undo,
    Redo,
    DismissNotice,
    SelectPlan(usize),
    SetCompare(Option<usize>),
    SelectPayout(usize),
    /// Ask whether to open a share link's content.
    OfferLink(crate::io::share::Shared),
    /// Open it: a workbook replaces the current one (one undoable step);
    /// plans and payout models are added.
    AcceptLink,
    RejectLink,
    SetShifts(Vec<Shift>),
    /// Show a message (from an effect, e.g. a failed autosave).
    Notify(Notice),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetLang(lang) if lang != self.lang => Rc::new(AppState {
                lang,
                ..(*self).clone()
            }),
            Action::SelectTab(tab) if tab != self.tab => Rc::new(AppState {
                tab,
                ..(*self).clone()
            }),
            Action::Apply(cmd) => {
                let mut next = (*self).clone();
                match Rc::make_mut(&mut next.workbook).apply(cmd) {
                    Ok(_) => {
                        next.revision += 1;
                        next.notice = None;
                    }
                    Err(e) => {
                        next.notice = Some(Notice {
                            msg: e.msg,
                            args: e.args,
                            error: true,
                        })
                    }
                }
                Rc::new(next)
            }
            Action::Undo | Action::Redo => {
                let mut next = (*self).clone();
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
            Action::SelectPlan(p) if p != self.plan => Rc::new(AppState {
                plan: p,
                compare: self.compare.filter(|c| *c != p),
                ..(*self).clone()
            }),
            Action::SetCompare(c) if c != self.compare => Rc::new(AppState {
                compare: c,
                ..(*self).clone()
            }),
            Action::OfferLink(shared) => Rc::new(AppState {
                pending_link: Some(shared),
                ..(*self).clone()
            }),
            Action::RejectLink if self.pending_link.is_some() => Rc::new(AppState {
                pending_link: None,
                ..(*self).clone()
            }),
            Action::AcceptLink => {
                let Some(shared) = self.pending_link.clone() else {
                    return self;
                };
                let mut next = AppState {
                    pending_link: None,
                    ..(*self).clone()
                };
                let result = match shared {
                    crate::io::share::Shared::Workbook(s) => {
                        next.plan = 0;
                        next.payout = 0;
                        next.compare = None;
                        next.shifts.clear();
                        Rc::make_mut(&mut next.workbook).apply(Command::Load(s))
                    }
                    crate::io::share::Shared::Plans { plans, payouts } => {
                        let mut r = Ok(crate::model::Touched::Inputs);
                        for p in plans {
                            r = r.and(
                                Rc::make_mut(&mut next.workbook)
                                    .apply(Command::AddPlan(Box::new(p))),
                            );
                        }
                        if !payouts.is_empty() {
                            let mut all = next.workbook.payouts().to_vec();
                            for mut m in payouts {
                                while all.iter().any(|x| x.name == m.name) {
                                    m.name.push('′');
                                }
                                all.push(m);
                            }
                            r = r.and(
                                Rc::make_mut(&mut next.workbook)
                                    .apply(Command::SetPayouts(Box::new(all))),
                            );
                        }
                        r
                    }
                };
                next.notice = Some(match result {
                    Ok(_) => Notice {
                        msg: Msg::LinkOpened,
                        args: Vec::new(),
                        error: false,
                    },
                    Err(e) => Notice {
                        msg: e.msg,
                        args: e.args,
                        error: true,
                    },
                });
                next.revision += 1;
                Rc::new(next)
            }
            Action::SelectPayout(p) if p != self.payout => Rc::new(AppState {
                payout: p,
                ..(*self).clone()
            }),
            Action::SetShifts(shifts) if shifts != self.shifts => Rc::new(AppState {
                shifts,
                ..(*self).clone()
            }),
            Action::Notify(n) if self.notice.as_ref() != Some(&n) => Rc::new(AppState {
                notice: Some(n),
                ..(*self).clone()
            }),
            Action::DismissNotice if self.notice.is_some() => Rc::new(AppState {
                notice: None,
                ..(*self).clone()
            }),
            _ => self,
        }
    }
}

/// The handle components use to read state and dispatch actions.
pub type AppContext = UseReducerHandle<AppState>;
