//! The one reducer, as Yew sees it: a thin wrapper around the headless
//! [`crate::model::session`] (where the state, the actions and their tests
//! live), plus the start-up that reads the autosave (a browser effect).

use crate::i18n::{Lang, Msg};
use crate::io::demo::demo_table;
pub use crate::model::session::{Action, AppState, Notice, Tab, DEMO_MONTH};
use crate::model::Workbook;
use std::rc::Rc;
use yew::prelude::*;

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
                notice: Some(Notice {
                    msg: Msg::AutosaveRestored,
                    args: Vec::new(),
                    error: false,
                }),
                ..AppState::with_workbook(Workbook::from_snapshot(snapshot), lang)
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
        AppState::demo(lang, demo_table())
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        crate::model::session::reduce(self, action)
    }
}

/// The handle components use to read state and dispatch actions.
pub type AppContext = UseReducerHandle<AppState>;
