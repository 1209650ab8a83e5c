//! The library of named workbooks saved in this browser: save as, open,
//! overwrite, rename, delete, and the whole library exported as one file and
//! imported back. It lives in IndexedDB (localStorage where that is missing,
//! see [`crate::ui::store`]); every change is one write of the entry and the
//! index together, so a refusal leaves the library as it was, and is shown.

use crate::i18n::{Lang, Msg};
use crate::io::library::{entry_key, export_file, import_file, index_key, Library};
use crate::model::Command;
use crate::ui::state::{Action, AppContext, Notice};
use crate::ui::{browser, store};
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

/// Set once the app has asked for persistent storage.
pub const PERSIST_ASKED: &str = "kpi-sandbox.persist-asked";

/// Asks the browser once (ever, per browser) to keep the library
/// persistently: on the first save into it, a moment the user cares.
fn ask_persist_once(refresh: &UseStateHandle<u32>) {
    if browser::load(PERSIST_ASKED).is_some() {
        return;
    }
    let _ = browser::store(PERSIST_ASKED, "1");
    let refresh = refresh.clone();
    browser::storage_persisted(true, move |_| refresh.set(*refresh + 1));
}

/// The library handle and the things every action needs.
#[derive(Clone)]
struct Ctx {
    state: AppContext,
    lib: UseStateHandle<Option<Library>>,
    refresh: UseStateHandle<u32>,
}

impl Ctx {
    fn current(&self) -> Library {
        (*self.lib).clone().unwrap_or_default()
    }

    fn tell(&self, msg: Msg, args: Vec<String>, error: bool) {
        self.state.dispatch(notice(msg, args, error));
    }

    /// Writes `puts`/`deletes` with the new index `next`; on success shows
    /// `next` and says `ok`, else reports the refusal (nothing changed).
    fn commit(
        &self,
        next: Library,
        puts: Vec<(String, String)>,
        deletes: Vec<String>,
        ok: impl FnOnce(&Ctx) + 'static,
    ) {
        self.commit_boxed(next, puts, deletes, Box::new(ok))
    }

    fn commit_boxed(
        &self,
        next: Library,
        mut puts: Vec<(String, String)>,
        deletes: Vec<String>,
        ok: Box<dyn FnOnce(&Ctx)>,
    ) {
        puts.push((index_key().to_string(), next.to_json()));
        let c = self.clone();
        store::write(puts, deletes, move |r| match r {
            Ok(()) => {
                c.lib.set(Some(next));
                c.refresh.set(*c.refresh + 1);
                ok(&c);
            }
            Err(e) => c.tell(Msg::LibErrStorage, vec![e], true),
        });
    }

    /// Saves the current workbook as `name` (replacing an entry of that
    /// name when `overwrite`); `saved` runs after it is stored.
    fn save(&self, name: &str, overwrite: bool, saved: impl FnOnce() + 'static) {
        let snapshot = self.state.workbook.snapshot();
        let mut next = self.current();
        let id = match next.save(name, &snapshot, now(), overwrite) {
            Ok(id) => id,
            Err(m) => return self.tell(m, Vec::new(), true),
        };
        let shown = next
            .entries
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.name.clone())
            .unwrap_or_default();
        let json = crate::io::scenario::to_json(&snapshot);
        self.commit(next, vec![(entry_key(id), json)], Vec::new(), move |c| {
            c.tell(Msg::LibSaved, vec![shown], false);
            ask_persist_once(&c.refresh);
            saved();
        });
    }

    fn reload(&self) {
        let lib = self.lib.clone();
        store::get(index_key(), move |r| {
            lib.set(Some(Library::parse(r.ok().flatten().as_deref())))
        });
    }

    /// Every entry's saved workbook, read together.
    fn read_all(&self, done: impl FnOnce(Vec<(u64, String)>) + 'static) {
        let ids: Vec<u64> = self.current().entries.iter().map(|e| e.id).collect();
        let c = self.clone();
        store::get_many(
            ids.iter().map(|id| entry_key(*id)).collect(),
            move |r| match r {
                Ok(vals) => done(
                    ids.into_iter()
                        .zip(vals)
                        .filter_map(|(id, v)| Some((id, v?)))
                        .collect(),
                ),
                Err(e) => c.tell(Msg::LibErrStorage, vec![e], true),
            },
        );
    }

    fn export(&self, lang: Lang) {
        let c = self.clone();
        self.read_all(move |data| {
            let out = export_file(&c.current(), &data, now());
            let d = js_sys::Date::new_0();
            let file = format!(
                "kpi-sandbox-library-{}-{:02}-{:02}.json",
                d.get_full_year(),
                d.get_month() + 1,
                d.get_date()
            );
            match browser::download(&file, "application/json", &out.json) {
                Ok(()) => {
                    let missing = if out.missing.is_empty() {
                        String::new()
                    } else {
                        Msg::LibExportMissing.fill(lang, &[out.missing.join("、")])
                    };
                    c.tell(
                        Msg::LibExported,
                        vec![out.count.to_string(), missing],
                        false,
                    );
                }
                Err(e) => c.tell(Msg::LibErrStorage, vec![e], true),
            }
        });
    }

    fn import(&self, text: String, lang: Lang) {
        let c = self.clone();
        self.read_all(move |existing| {
            let lib = c.current();
            match import_file(&lib, &existing, &text, now()) {
                Err(e) => {
                    let mut args = e.args.clone();
                    if e.msg == Msg::LibImportDamaged {
                        args.push(
                            e.problem
                                .as_ref()
                                .map(|p| {
                                    Msg::FileProblemAt
                                        .fill(lang, &[p.path.clone(), p.msg.fill(lang, &p.args)])
                                })
                                .unwrap_or_default(),
                        );
                    }
                    c.tell(e.msg, args, true);
                }
                Ok(imp) => {
                    let mut detail = String::new();
                    if !imp.renamed.is_empty() {
                        let r: Vec<String> = imp
                            .renamed
                            .iter()
                            .map(|(a, b)| format!("{a} → {b}"))
                            .collect();
                        detail.push_str(&Msg::LibImportRenamed.fill(lang, &[r.join("、")]));
                    }
                    if !imp.same.is_empty() {
                        detail.push_str(&Msg::LibImportSame.fill(lang, &[imp.same.join("、")]));
                    }
                    let count = imp.writes.len().to_string();
                    let puts = imp
                        .writes
                        .iter()
                        .map(|(id, w)| (entry_key(*id), w.clone()))
                        .collect();
                    c.commit(imp.library, puts, Vec::new(), move |c| {
                        c.tell(Msg::LibImported, vec![count, detail], false)
                    });
                }
            }
        });
    }
}

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    /// Opens at once (the first click fetched this code: `LibraryButton`).
    #[prop_or_default]
    pub open: bool,
}

#[component]
pub fn LibraryPanel(props: &LibraryProps) -> Html {
    let state = use_context::<AppContext>();
    let open = use_state(|| props.open);
    let lib = use_state(|| None::<Library>);
    {
        // Opened at once: read the library as a click on the button does.
        // Also when `open` turns true after this panel was made closed (the
        // background fetch brought the code just before the first click).
        let (lib, shown) = (lib.clone(), open.clone());
        use_effect_with(props.open, move |&open| {
            if open {
                shown.set(true);
                store::get(index_key(), move |r| {
                    lib.set(Some(Library::parse(r.ok().flatten().as_deref())))
                });
            }
        });
    }
    let refresh = use_state(|| 0u32);
    let name = use_state(String::new);
    let renaming = use_state(|| None::<(u64, String)>);
    let deleting = use_state(|| None::<u64>);
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let Some(state) = state else {
        return html! {};
    };
    let lang = state.lang;
    let ctx = Ctx {
        state: state.clone(),
        lib: lib.clone(),
        refresh: refresh.clone(),
    };
    let toggle = {
        let (open, ctx) = (open.clone(), ctx.clone());
        Callback::from(move |_| {
            if !*open {
                // Another tab may have changed the library.
                ctx.reload();
            }
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
        let (ctx, name) = (ctx.clone(), name.clone());
        Callback::from(move |_| {
            let n = name.clone();
            ctx.save(&name, false, move || n.set(String::new()));
        })
    };
    let on_export = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.export(lang))
    };
    let on_import = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let f = gloo::file::File::from(file);
            if f.size() > crate::io::decode::MAX_BYTES as u64 {
                ctx.tell(Msg::LibImportNotLibrary, Vec::new(), true);
                return;
            }
            let ctx = ctx.clone();
            let r = gloo::file::callbacks::read_as_text(&f, move |res| match res {
                Ok(text) => ctx.import(text, lang),
                Err(_) => ctx.tell(Msg::LibImportNotLibrary, Vec::new(), true),
            });
            *reader.borrow_mut() = Some(r);
        })
    };
    let current = lib.as_ref().cloned();
    let rows = current.iter().flat_map(|l| l.entries.clone()).map(|e| {
        let id = e.id;
        let on_open = {
            let (ctx, ename) = (ctx.clone(), e.name.clone());
            Callback::from(move |_| {
                let (ctx, ename) = (ctx.clone(), ename.clone());
                store::get(&entry_key(id), move |r| {
                    let json = match r {
                        Ok(Some(json)) => json,
                        Ok(None) => {
                            ctx.tell(Msg::LibErrMissing, Vec::new(), true);
                            let mut next = ctx.current();
                            next.remove(id);
                            ctx.commit(next, Vec::new(), Vec::new(), |_| ());
                            return;
                        }
                        Err(e) => return ctx.tell(Msg::LibErrStorage, vec![e], true),
                    };
                    match crate::io::scenario::from_json(&json) {
                        Ok(s) => {
                            ctx.state.dispatch(Action::Apply(Command::Load(Box::new(s))));
                            ctx.tell(Msg::LibOpened, vec![ename], false);
                        }
                        Err(p) => {
                            let why = p.first().map(|p| Msg::FileProblemAt.fill(lang, &[p.path.clone(), p.msg.fill(lang, &p.args)])).unwrap_or_default();
                            ctx.tell(Msg::LibErrDamaged, vec![why], true);
                        }
                    }
                });
            })
        };
        let on_overwrite = {
            let (ctx, ename) = (ctx.clone(), e.name.clone());
            Callback::from(move |_| ctx.save(&ename, true, || ()))
        };
        let on_rename_start = {
            let (renaming, ename) = (renaming.clone(), e.name.clone());
            Callback::from(move |_| renaming.set(Some((id, ename.clone()))))
        };
        let on_delete = {
            let (ctx, deleting, ename) = (ctx.clone(), deleting.clone(), e.name.clone());
            Callback::from(move |_| {
                if *deleting != Some(id) {
                    deleting.set(Some(id));
                    return;
                }
                let mut next = ctx.current();
                next.remove(id);
                let ename = ename.clone();
                ctx.commit(next, Vec::new(), vec![entry_key(id)], move |c| {
                    c.tell(Msg::LibDeleted, vec![ename], false)
                });
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
                    let (ctx, renaming, text) = (ctx.clone(), renaming.clone(), text.clone());
                    Callback::from(move |_| {
                        let mut next = ctx.current();
                        match next.rename(id, &text) {
                            Ok(()) => {
                                let renaming = renaming.clone();
                                ctx.commit(next, Vec::new(), Vec::new(), move |_| renaming.set(None));
                            }
                            Err(m) => ctx.tell(m, Vec::new(), true),
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
    let body = match &current {
        None => html! { <p class="muted">{ Msg::LibLoading.t(lang) }</p> },
        Some(l) if l.entries.is_empty() => html! { <p class="muted">{ Msg::LibEmpty.t(lang) }</p> },
        Some(_) => html! {
            <div class="table-scroll"><table class="plain" data-testid="lib-table">
                <thead><tr><th>{ Msg::LibName.t(lang) }</th><th>{ Msg::LibColWhat.t(lang) }</th><th>{ Msg::LibColSaved.t(lang) }</th><th></th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table></div>
        },
    };
    let empty = current.as_ref().is_none_or(|l| l.entries.is_empty());
    html! {
        <section class="card library" aria-labelledby="lib-title" data-testid="lib-panel">
            <h3 id="lib-title">{ Msg::LibTitle.t(lang) }</h3>
            <p class="help muted">{ Msg::LibHelp.t(lang) }</p>
            <super::storage::StorageInfo refresh={*refresh} />
            <div class="lib-save">
                <label for="lib-name">{ Msg::LibName.t(lang) }</label>
                <input id="lib-name" type="text" value={(*name).clone()} oninput={text_input(&name)} maxlength="60" />
                <button type="button" class="primary" onclick={on_save_as} data-testid="lib-save">{ Msg::LibSaveAs.t(lang) }</button>
                <button type="button" onclick={toggle}>{ Msg::ShareClose.t(lang) }</button>
            </div>
            { body }
            <div class="lib-file">
                <button type="button" onclick={on_export} disabled={empty} data-testid="lib-export">{ Msg::LibExport.t(lang) }</button>
                <label class="file-button">{ Msg::LibImport.t(lang) }
                    <input type="file" accept=".json,application/json" onchange={on_import} aria-label={Msg::LibImport.t(lang)} data-testid="lib-import" />
                </label>
            </div>
        </section>
    }
}

use super::lazy_panel::PanelFn;

// The library (saved workbooks, compare, import and export of the library
// file) is code only its button reaches: out of the first load (lazy.rs).
#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(library, fallible))]
fn panel_code() -> Result<PanelFn, crate::ui::lazy::LoadError> {
    Ok(|open| html! { <LibraryPanel {open} /> })
}

// Fetched in the background too (`lazy::prefetch_all`).
crate::ui::lazy::kept_code!(PANEL, panel_code, panel_here, load_panel, PanelFn);

/// The library's button in the toolbar (`lazy_panel::PanelButton`).
#[component]
pub fn LibraryButton() -> Html {
    html! {
        <super::lazy_panel::PanelButton label={Msg::LibButton} testid="lib-open"
            here={panel_here as fn() -> Option<PanelFn>} load={load_panel as fn(Box<dyn FnOnce(bool)>)} />
    }
}
