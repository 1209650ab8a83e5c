//! The 数据 Data workspace: the team table with its toolbar.

use super::grid::Grid;
use crate::i18n::Msg;
use crate::ui::state::{Action, AppContext};
use yew::prelude::*;

#[component]
pub fn DataWorkspace() -> Html {
    let Some(state) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = state.lang;
    let table = state.workbook.table();
    let on_undo = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Undo))
    };
    let on_redo = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Redo))
    };
    html! {
        <div class="workspace data">
            <div class="toolbar">
                <div class="title">
                    <h2>{ Msg::TeamData.t(lang) }</h2>
                    <span class="muted" data-testid="counts">
                        { Msg::AgentsCount.fill(lang, &[table.len().to_string(), table.columns.len().to_string()]) }
                    </span>
                </div>
                <div class="actions">
                    <div class="field month-select">
                        <label for="month-select">{ Msg::MonthLabel.t(lang) }</label>
                        <select id="month-select" onchange={{
                            let state = state.clone();
                            Callback::from(move |e: Event| {
                                if let Some(v) = super::fields::select_value(&e) {
                                    state.dispatch(Action::Apply(crate::model::Command::SelectMonth(v)));
                                }
                            })
                        }}>
                            { for state.workbook.months().into_iter().map(|m| {
                                let current = m == state.workbook.month();
                                let label = if current { Msg::MonthCurrent.fill(lang, std::slice::from_ref(&m)) } else { m.clone() };
                                html! { <option value={m} selected={current}>{ label }</option> }
                            }) }
                        </select>
                    </div>
                    <button type="button" onclick={{
                        let state = state.clone();
                        Callback::from(move |_| {
                            let text = crate::io::export::table_csv(state.workbook.table(), lang);
                            let name = format!("{}-{}.csv", Msg::FileTeamData.t(lang), state.workbook.month());
                            if let Err(e) = crate::ui::browser::download(&name, "text/csv;charset=utf-8", &text) {
                                state.dispatch(Action::Notify(crate::ui::state::Notice { msg: Msg::DownloadFailed, args: vec![e], error: true }));
                            }
                        })
                    }}>{ Msg::ExportCsv.t(lang) }</button>
                    <button type="button" data-testid="export-xlsx" onclick={{
                        let state = state.clone();
                        Callback::from(move |_| {
                            // The exporter is a chunk of its own (lazy.rs): the
                            // workbook is read as it is at the click.
                            let snapshot = state.viewed_snapshot();
                            let name = format!("{}-{}.xlsx", Msg::AppTitle.t(lang), state.workbook.month());
                            let state = state.clone();
                            crate::ui::lazy::with_xlsx(move |writer| {
                                let Ok(write) = writer else {
                                    state.dispatch(Action::Notify(crate::ui::state::Notice { msg: Msg::PartLoadFailed, args: vec![], error: true }));
                                    return;
                                };
                                let bytes = write(&snapshot, lang);
                                let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                                if let Err(e) = crate::ui::browser::download_bytes(&name, mime, &bytes) {
                                    state.dispatch(Action::Notify(crate::ui::state::Notice { msg: Msg::DownloadFailed, args: vec![e], error: true }));
                                }
                            });
                        })
                    }}>{ Msg::ExportXlsx.t(lang) }</button>
                    <super::library::LibraryButton />
                    <super::share::ShareButton />
                    <button type="button" onclick={on_undo} disabled={!state.workbook.can_undo()}
                        title={Msg::UndoHint.t(lang)} aria-label={Msg::Undo.t(lang)}>{ "↶ " }{ Msg::Undo.t(lang) }</button>
                    <button type="button" onclick={on_redo} disabled={!state.workbook.can_redo()}
                        title={Msg::RedoHint.t(lang)} aria-label={Msg::Redo.t(lang)}>{ "↷ " }{ Msg::Redo.t(lang) }</button>
                </div>
            </div>
            <super::import::ImportPanel />
            <p class="help muted">{ Msg::GridHelp.t(lang) }</p>
            <super::formula_bar::AddFormula />
            <Grid />
        </div>
    }
}
