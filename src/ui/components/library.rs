//! The library of named workbooks saved in this browser: save as, open,
//! overwrite, rename, delete. Storage refusals are shown, never silent.

use crate::i18n::Msg;
use crate::io::library::{entry_key, index_key, Library};
use crate::model::Command;
use crate::ui::browser;
use crate::ui::state::{Action, AppContext, Notice};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn notice(msg: Msg, args: Vec<String>, error: bool) -> Action {
    Action::Notify(Notice { msg, args, error })
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn when(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Saves the current workbook as `name` (replacing an entry of that name
/// when `overwrite`): data first, then the index, so a refusal leaves the
/// library as it was.
fn save(state: &AppContext, lib: &UseStateHandle<Library>, name: &str, overwrite: bool) -> bool {
    let snapshot = state.workbook.snapshot();
    let mut next = (**lib).clone();
    let id = match next.save(name, &snapshot, now(), overwrite) {
        Ok(id) => id,
        Err(m) => {
            state.dispatch(notice(m, Vec::new(), true));
            return false;
        }
    };
    let stored = browser::store(&entry_key(id), &crate::io::scenario::to_json(&snapshot))
        .and_then(|_| browser::store(index_key(), &next.to_json()));
    match stored {
        Ok(()) => {
            let saved = next
                .entries
                .iter()
                .find(|e| e.id == id)
                .map(|e| e.name.clone())
                .unwrap_or_default();
            lib.set(next);
            state.dispatch(notice(Msg::LibSaved, vec![saved], false));
            true
        }
        Err(e) => {
            state.dispatch(notice(Msg::LibErrStorage, vec![e], true));
            false
        }
    }
}

#[component]
pub fn LibraryPanel() -> Html {
    let state = use_context::<AppContext>();
    let open = use_state(|| false);
    let lib = use_state(|| Library::parse(browser::load(index_key()).as_deref()));
    let name = use_state(String::new);
    let renaming = use_state(|| None::<(u64, String)>);
    let deleting = use_state(|| None::<u64>);
    let Some(state) = state else {
        return html! {};
    };
    let lang = state.lang;
    let toggle = {
        let (open, lib) = (open.clone(), lib.clone());
        Callback::from(move |_| {
            // Another tab may have changed the library.
            lib.set(Library::parse(browser::load(index_key()).as_deref()));
            open.set(!*open);
        })
    };
    if !*open {
        return html! { <button type="button" onclick={toggle} data-testid="lib-open">{ Msg::LibButton.t(lang) }</button> };
    }
    let text_input = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                h.set(i.value());
            }
        })
    };
    let on_save_as = {
        let (state, lib, name) = (state.clone(), lib.clone(), name.clone());
        Callback::from(move |_| {
            if save(&state, &lib, &name, false) {
                name.set(String::new());
            }
        })
    };
    let rows = lib.entries.iter().map(|e| {
        let id = e.id;
        let on_open = {
            let (state, lib, ename) = (state.clone(), lib.clone(), e.name.clone());
            Callback::from(move |_| {
                let Some(json) = browser::load(&entry_key(id)) else {
                    state.dispatch(notice(Msg::LibErrMissing, Vec::new(), true));
                    let mut next = (*lib).clone();
                    next.remove(id);
                    let _ = browser::store(index_key(), &next.to_json());
                    lib.set(next);
                    return;
                };
                match crate::io::scenario::from_json(&json) {
                    Ok(s) => {
                        state.dispatch(Action::Apply(Command::Load(Box::new(s))));
                        state.dispatch(notice(Msg::LibOpened, vec![ename.clone()], false));
                    }
                    Err(p) => {
                        let why = p.first().map(|p| Msg::FileProblemAt.fill(lang, &[p.path.clone(), p.msg.fill(lang, &p.args)])).unwrap_or_default();
                        state.dispatch(notice(Msg::LibErrDamaged, vec![why], true));
                    }
                }
            })
        };
        let on_overwrite = {
            let (state, lib, ename) = (state.clone(), lib.clone(), e.name.clone());
            Callback::from(move |_| {
                save(&state, &lib, &ename, true);
            })
        };
        let on_rename_start = {
            let (renaming, ename) = (renaming.clone(), e.name.clone());
            Callback::from(move |_| renaming.set(Some((id, ename.clone()))))
        };
        let on_delete = {
            let (state, lib, deleting, ename) = (state.clone(), lib.clone(), deleting.clone(), e.name.clone());
            Callback::from(move |_| {
                if *deleting != Some(id) {
                    deleting.set(Some(id));
                    return;
                }
                let mut next = (*lib).clone();
                next.remove(id);
                match browser::store(index_key(), &next.to_json()) {
                    Ok(()) => {
                        browser::remove(&entry_key(id));
                        lib.set(next);
                        state.dispatch(notice(Msg::LibDeleted, vec![ename.clone()], false));
                    }
                    Err(e) => state.dispatch(notice(Msg::LibErrStorage, vec![e], true)),
                }
                deleting.set(None);
            })
        };
        let name_cell = match &*renaming {
            Some((rid, text)) if *rid == id => {
                let on_input = {
                    let renaming = renaming.clone();
                    Callback::from(move |ev: InputEvent| {
                        if let Some(i) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                            renaming.set(Some((id, i.value())));
                        }
                    })
                };
                let on_commit = {
                    let (state, lib, renaming, text) = (state.clone(), lib.clone(), renaming.clone(), text.clone());
                    Callback::from(move |_| {
                        let mut next = (*lib).clone();
                        match next.rename(id, &text) {
                            Ok(()) => match browser::store(index_key(), &next.to_json()) {
                                Ok(()) => {
                                    lib.set(next);
                                    renaming.set(None);
                                }
                                Err(e) => state.dispatch(notice(Msg::LibErrStorage, vec![e], true)),
                            },
                            Err(m) => state.dispatch(notice(m, Vec::new(), true)),
                        }
                    })
                };
                html! { <td><input type="text" class="lib-rename" value={text.clone()} oninput={on_input} aria-label={Msg::LibName.t(lang)} />
                    <button type="button" onclick={on_commit}>{ Msg::LibRenameOk.t(lang) }</button></td> }
            }
            _ => html! { <td>{ e.name.clone() }</td> },
        };
        html! { <tr data-testid={format!("lib-row-{id}")}>
            { name_cell }
            <td>{ Msg::LibWhat.fill(lang, &[e.months.to_string(), e.month.clone(), e.agents.to_string(), e.plans.to_string()]) }</td>
            <td>{ when(e.saved_at) }</td>
            <td class="lib-actions">
                <button type="button" onclick={on_open}>{ Msg::LibOpen.t(lang) }</button>
                <button type="button" onclick={on_overwrite}>{ Msg::LibOverwrite.t(lang) }</button>
                <button type="button" onclick={on_rename_start}>{ Msg::LibRename.t(lang) }</button>
                <button type="button" class={classes!((*deleting == Some(id)).then_some("danger"))} onclick={on_delete}>
                    { if *deleting == Some(id) { Msg::LibConfirmDelete.t(lang) } else { Msg::LibDelete.t(lang) } }</button>
            </td>
        </tr> }
    });
    html! {
        <section class="card library" aria-labelledby="lib-title" data-testid="lib-panel">
            <h3 id="lib-title">{ Msg::LibTitle.t(lang) }</h3>
            <p class="help muted">{ Msg::LibHelp.t(lang) }</p>
            <super::storage::StorageInfo />
            <div class="lib-save">
                <label for="lib-name">{ Msg::LibName.t(lang) }</label>
                <input id="lib-name" type="text" value={(*name).clone()} oninput={text_input(&name)} maxlength="60" />
                <button type="button" class="primary" onclick={on_save_as} data-testid="lib-save">{ Msg::LibSaveAs.t(lang) }</button>
                <button type="button" onclick={toggle}>{ Msg::ShareClose.t(lang) }</button>
            </div>
            if lib.entries.is_empty() { <p class="muted">{ Msg::LibEmpty.t(lang) }</p> } else {
                <div class="table-scroll"><table class="plain" data-testid="lib-table">
                    <thead><tr><th>{ Msg::LibName.t(lang) }</th><th>{ Msg::LibColWhat.t(lang) }</th><th>{ Msg::LibColSaved.t(lang) }</th><th></th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table></div>
            }
        </section>
    }
}
