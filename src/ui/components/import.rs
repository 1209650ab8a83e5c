//! Bringing team data in: paste (Ctrl+V anywhere in the Data workspace, or
//! the paste area for touch devices), a file picker and drag-and-drop. Every
//! path ends in a preview that shows what was detected; confirming imports
//! the table as one undoable step, cancelling changes nothing.

use super::import_preview::{command_for, single_day, DaysImport, SheetImport};
use crate::i18n::{Lang, Msg};
use crate::io::decode::{Encoding, Refusal};
use crate::io::delimited::Grid;
use crate::model::metric::ImportMemory;
use crate::model::rollup::DayFile;
use crate::model::Command;
use crate::ui::state::{Action, AppContext};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// What the preview shows.
#[derive(Clone, PartialEq)]
pub enum Pending {
    /// A sheet or paste, with the user's choices.
    Ready(SheetImport),
    /// Several day files rolled up to their month.
    Days(DaysImport),
    Refused {
        source: String,
        refusal: Refusal,
    },
    /// A large paste or file being read (in two steps between frames).
    Reading {
        source: String,
    },
    /// A saved workbook file, ready to open.
    Workbook {
        source: String,
        snapshot: Rc<crate::model::Snapshot>,
    },
    /// A workbook file with problems (each with its path).
    BadWorkbook {
        source: String,
        problems: Rc<Vec<crate::io::scenario::FileProblem>>,
    },
}

/// Decodes GB18030 with the browser's TextDecoder (no bundle cost); `None`
/// when the bytes are not valid GB18030 either.
fn gb18030(bytes: &[u8]) -> Option<String> {
    let opts = web_sys::TextDecoderOptions::new();
    opts.set_fatal(true);
    web_sys::TextDecoder::new_with_label_and_options("gb18030", &opts)
        .ok()?
        .decode_with_u8_array(bytes)
        .ok()
}

fn from_text(
    source: String,
    encoding: Option<Encoding>,
    text: &str,
    memory: &ImportMemory,
) -> Pending {
    Pending::Ready(SheetImport::new(
        source,
        encoding,
        None,
        crate::io::delimited::split(text),
        memory,
    ))
}

/// Texts larger than this are read in two steps (split, then import),
/// each in its own task, so neither blocks the page as long as both would.
const LARGE_TEXT: usize = 256 * 1024;

/// Sets the preview for `text`: at once when small, else in two tasks.
fn import_later(
    pending: UseStateHandle<Option<Pending>>,
    source: String,
    encoding: Option<Encoding>,
    text: String,
    memory: ImportMemory,
) {
    if text.len() < LARGE_TEXT {
        pending.set(Some(from_text(source, encoding, &text, &memory)));
        return;
    }
    pending.set(Some(Pending::Reading {
        source: source.clone(),
    }));
    gloo::timers::callback::Timeout::new(0, move || {
        let grid = crate::io::delimited::split(&text);
        drop(text);
        gloo::timers::callback::Timeout::new(0, move || {
            pending.set(Some(Pending::Ready(SheetImport::new(
                source, encoding, None, grid, &memory,
            ))));
        })
        .forget();
    })
    .forget();
}

/// The preview of sheet `pick` of a workbook.
pub(super) fn from_sheets(
    source: String,
    sheets: Rc<Vec<crate::io::xlsx::Sheet>>,
    pick: usize,
    memory: &ImportMemory,
) -> Pending {
    let grid = sheets.get(pick).map(|s| s.grid()).unwrap_or(Grid {
        delimiter: crate::io::delimited::Delimiter::Sheet,
        rows: Vec::new(),
        diagnostics: Vec::new(),
    });
    Pending::Ready(SheetImport::new(
        source,
        None,
        Some((sheets, pick)),
        grid,
        memory,
    ))
}

fn from_bytes(name: String, bytes: &[u8], memory: &ImportMemory) -> Pending {
    if name.to_lowercase().ends_with(".json") {
        let text = String::from_utf8_lossy(bytes);
        return match crate::io::scenario::from_json(text.trim_start_matches('\u{feff}')) {
            Ok(s) => Pending::Workbook {
                source: name,
                snapshot: Rc::new(s),
            },
            Err(p) => Pending::BadWorkbook {
                source: name,
                problems: Rc::new(p),
            },
        };
    }
    match crate::io::xlsx::open(bytes, &name, &gb18030) {
        Ok(crate::io::xlsx::Opened::Text(text, enc)) => from_text(name, Some(enc), &text, memory),
        Ok(crate::io::xlsx::Opened::Sheets(sheets)) => {
            let pick = crate::io::xlsx::default_sheet(&sheets);
            from_sheets(name, Rc::new(sheets), pick, memory)
        }
        Err(refusal) => Pending::Refused {
            source: name,
            refusal,
        },
    }
}

/// A file too large to read, refused before reading it into memory.
fn too_large(f: &gloo::file::File) -> Option<Refusal> {
    (f.size() > crate::io::decode::MAX_BYTES as u64).then(|| {
        let mb = f.size() as f64 / 1024.0 / 1024.0;
        Refusal {
            msg: Msg::ImpErrTooLarge,
            args: vec![
                format!("{mb:.1}"),
                (crate::io::decode::MAX_BYTES / 1024 / 1024).to_string(),
            ],
        }
    })
}

/// Reads a picked or dropped file and sets the preview.
fn read_file(
    file: web_sys::File,
    pending: UseStateHandle<Option<Pending>>,
    keep: Rc<RefCell<Vec<gloo::file::callbacks::FileReader>>>,
    memory: ImportMemory,
) {
    let name = file.name();
    let f = gloo::file::File::from(file);
    if let Some(refusal) = too_large(&f) {
        pending.set(Some(Pending::Refused {
            source: name,
            refusal,
        }));
        return;
    }
    let reader = gloo::file::callbacks::read_as_bytes(&f, move |res| match res {
        Ok(bytes) if crate::io::sheets::kind_of(&bytes, &name).is_some() => {
            read_in_worker(name, &bytes, pending, memory)
        }
        Ok(bytes) => {
            // Large text files are read in steps, like large pastes.
            if !name.to_lowercase().ends_with(".json") {
                if let Ok(crate::io::xlsx::Opened::Text(text, enc)) =
                    crate::io::xlsx::open(&bytes, &name, &gb18030)
                {
                    import_later(pending, name, Some(enc), text, memory);
                    return;
                }
            }
            pending.set(Some(from_bytes(name, &bytes, &memory)))
        }
        Err(_) => pending.set(Some(Pending::Refused {
            source: name,
            refusal: Refusal {
                msg: Msg::ImpErrRead,
                args: Vec::new(),
            },
        })),
    });
    keep.borrow_mut().push(reader);
}

/// One day file read, or why it is not one.
fn day_of(name: String, bytes: &[u8], memory: &ImportMemory) -> Result<DayFile, Refusal> {
    let refuse = |msg: Msg, args: Vec<String>| Refusal { msg, args };
    let pending = from_bytes(name.clone(), bytes, memory);
    match pending {
        Pending::Ready(s) => {
            if s.result.is_rejected() {
                let why = s
                    .result
                    .diagnostics
                    .first()
                    .map(|d| d.text(Lang::Zh))
                    .unwrap_or_default();
                return Err(refuse(Msg::ImpErrDayRejected, vec![name, why]));
            }
            match single_day(&name, &s.result) {
                Some(date) => Ok(DayFile {
                    date,
                    source: name,
                    table: s.result.table.clone(),
                }),
                None => Err(refuse(Msg::ImpErrNoDate, vec![name])),
            }
        }
        Pending::Refused { refusal, .. } => Err(refuse(
            Msg::ImpErrDayRejected,
            vec![name, refusal.msg.fill(Lang::Zh, &refusal.args)],
        )),
        _ => Err(refuse(Msg::ImpErrNoDate, vec![name])),
    }
}

/// Reads several files dropped or picked at once as day files of one month.
fn read_days(
    files: Vec<web_sys::File>,
    pending: UseStateHandle<Option<Pending>>,
    keep: Rc<RefCell<Vec<gloo::file::callbacks::FileReader>>>,
    state: crate::ui::state::AppContext,
) {
    let total = files.len();
    type Got = Rc<RefCell<Vec<(usize, Result<DayFile, Refusal>)>>>;
    let got: Got = Rc::new(RefCell::new(Vec::new()));
    pending.set(Some(Pending::Reading {
        source: Msg::ImpFilesCount.fill(state.lang, &[total.to_string()]),
    }));
    for (i, file) in files.into_iter().enumerate() {
        let name = file.name();
        let f = gloo::file::File::from(file);
        let (got, pending, state) = (got.clone(), pending.clone(), state.clone());
        let lang = state.lang;
        let memory = state.workbook.import_memory().clone();
        let finish = move |entry: Result<DayFile, Refusal>| {
            got.borrow_mut().push((i, entry));
            if got.borrow().len() < total {
                return;
            }
            let mut all = std::mem::take(&mut *got.borrow_mut());
            crate::model::order::sort_by_key(&mut all, |(i, _)| *i);
            let mut days = Vec::new();
            for (_, r) in all {
                match r {
                    Ok(d) => days.push(d),
                    Err(refusal) => {
                        pending.set(Some(Pending::Refused {
                            source: Msg::ImpFilesCount.fill(lang, &[total.to_string()]),
                            refusal,
                        }));
                        return;
                    }
                }
            }
            pending.set(Some(Pending::Days(DaysImport::new(days, &state.workbook))));
        };
        if let Some(refusal) = too_large(&f) {
            finish(Err(Refusal {
                msg: Msg::ImpErrDayRejected,
                args: vec![name, refusal.msg.fill(Lang::Zh, &refusal.args)],
            }));
            continue;
        }
        let reader = gloo::file::callbacks::read_as_bytes(&f, move |res| match res {
            Ok(bytes) => finish(day_of(name, &bytes, &memory)),
            Err(_) => finish(Err(Refusal {
                msg: Msg::ImpErrRead,
                args: Vec::new(),
            })),
        });
        keep.borrow_mut().push(reader);
    }
}

/// Reads one file or, for several, day files of one month.
fn read_files(
    list: Option<web_sys::FileList>,
    pending: UseStateHandle<Option<Pending>>,
    keep: Rc<RefCell<Vec<gloo::file::callbacks::FileReader>>>,
    state: crate::ui::state::AppContext,
) {
    let Some(list) = list else { return };
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    keep.borrow_mut().clear();
    match files.len() {
        0 => {}
        1 => {
            if let Some(f) = files.into_iter().next() {
                read_file(f, pending, keep, state.workbook.import_memory().clone());
            }
        }
        _ => read_days(files, pending, keep, state),
    }
}

/// An `.xls`/`.ods` workbook: read in the worker (see `ui::worker`), then
/// the same preview as an `.xlsx`.
fn read_in_worker(
    name: String,
    bytes: &[u8],
    pending: UseStateHandle<Option<Pending>>,
    memory: ImportMemory,
) {
    pending.set(Some(Pending::Reading {
        source: name.clone(),
    }));
    crate::ui::worker::read_sheets(name.clone(), bytes, move |answer| {
        pending.set(Some(match answer {
            Ok(sheets) => {
                let pick = crate::io::xlsx::default_sheet(&sheets);
                from_sheets(name, Rc::new(sheets), pick, &memory)
            }
            Err(refusal) => Pending::Refused {
                source: name,
                refusal,
            },
        }))
    });
}

#[component]
pub fn ImportPanel() -> Html {
    let state = use_context::<AppContext>();
    let pending = use_state(|| None::<Pending>);
    let paste_open = use_state(|| false);
    let readers = use_mut_ref(Vec::<gloo::file::callbacks::FileReader>::new);
    let drag = use_state(|| false);
    let paste_ref = use_node_ref();
    let month_ref = use_node_ref();
    // The preview's code is fetched when an import first needs it, and
    // again on each retry after a failure (a failed fetch is not kept: the
    // loader fetches the chunk anew, as for a workspace in lazy.rs).
    let redraw = use_force_update();
    let preview_failed = use_state(|| false);
    let preview_attempt = use_state(|| 0u32);
    {
        let failed = preview_failed.clone();
        use_effect_with((pending.is_some(), *preview_attempt), move |&(some, _)| {
            if some && preview_code_here().is_none() {
                failed.set(false);
                load_preview(Box::new(move |ok| {
                    if ok {
                        redraw.force_update();
                    } else {
                        failed.set(true);
                    }
                }));
            }
        });
    }
    // The importer's memory as of this render, for the paste listener.
    let memory_now = use_mut_ref(ImportMemory::default);
    if let Some(s) = &state {
        *memory_now.borrow_mut() = s.workbook.import_memory().clone();
    }

    // Ctrl+V anywhere in the workspace (not inside a text field).
    {
        let pending = pending.clone();
        let memory_now = memory_now.clone();
        use_effect_with((), move |_| {
            let l = gloo::events::EventListener::new(&gloo::utils::document(), "paste", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
                    return;
                };
                let in_field = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| {
                        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    });
                if in_field {
                    return;
                }
                if let Some(text) = e
                    .clipboard_data()
                    .and_then(|d| d.get_data("text/plain").ok())
                {
                    let memory = memory_now.borrow().clone();
                    import_later(pending.clone(), String::new(), None, text, memory);
                }
            });
            move || drop(l)
        });
    }
    let Some(state) = state else {
        return Html::default();
    };
    let lang = state.lang;

    let on_file = {
        let (pending, readers, state) = (pending.clone(), readers.clone(), state.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            read_files(
                input.files(),
                pending.clone(),
                readers.clone(),
                state.clone(),
            );
            input.set_value("");
        })
    };
    let on_drop = {
        let (pending, readers, state) = (pending.clone(), readers.clone(), state.clone());
        let drag = drag.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            drag.set(false);
            read_files(
                e.data_transfer().and_then(|d| d.files()),
                pending.clone(),
                readers.clone(),
                state.clone(),
            );
        })
    };
    let on_dragover = {
        let drag = drag.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*drag {
                drag.set(true);
            }
        })
    };
    let on_dragleave = {
        let drag = drag.clone();
        Callback::from(move |_: DragEvent| drag.set(false))
    };
    let toggle_paste = {
        let paste_open = paste_open.clone();
        Callback::from(move |_| paste_open.set(!*paste_open))
    };
    let preview_paste = {
        let pending = pending.clone();
        let paste_ref = paste_ref.clone();
        let state = state.clone();
        Callback::from(move |_| {
            if let Some(t) = paste_ref.cast::<HtmlTextAreaElement>() {
                let memory = state.workbook.import_memory().clone();
                import_later(pending.clone(), String::new(), None, t.value(), memory);
            }
        })
    };
    let cancel = {
        let pending = pending.clone();
        Callback::from(move |_| pending.set(None))
    };
    let confirm = {
        let pending = pending.clone();
        let state = state.clone();
        let paste_open = paste_open.clone();
        let month_ref = month_ref.clone();
        Callback::from(move |_| {
            let cmd = match &*pending {
                Some(Pending::Workbook { snapshot, .. }) => {
                    Some(Command::Load(Box::new((**snapshot).clone())))
                }
                Some(Pending::Ready(s)) => {
                    let month = month_ref
                        .cast::<HtmlInputElement>()
                        .map(|i| i.value())
                        .unwrap_or_else(|| state.workbook.month().to_string());
                    match command_for(s, &state.workbook, month) {
                        Ok(c) => Some(c),
                        Err((msg, args)) => {
                            state.dispatch(Action::Notify(crate::ui::state::Notice {
                                msg,
                                args,
                                error: true,
                            }));
                            None
                        }
                    }
                }
                Some(Pending::Days(d)) => Some(Command::ImportDays {
                    days: d.files.clone(),
                    memory: Box::new(state.workbook.import_memory().clone()),
                }),
                _ => None,
            };
            if let Some(cmd) = cmd {
                state.dispatch(Action::Apply(cmd));
                pending.set(None);
                paste_open.set(false);
            }
        })
    };
    let restore_demo = {
        let state = state.clone();
        Callback::from(move |_| {
            state.dispatch(Action::Apply(Command::ImportTable(Box::new(
                crate::io::demo::demo_table(),
            ))))
        })
    };
    let remembered = state.workbook.import_memory().mappings.len();
    let forget = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Apply(Command::ForgetMappings)))
    };

    html! {
        <div class={classes!("import", drag.then_some("dragging"))} ondrop={on_drop} ondragover={on_dragover} ondragleave={on_dragleave}>
            <div class="import-bar">
                <button type="button" onclick={toggle_paste} aria-expanded={paste_open.to_string()}>{ Msg::ImpPasteButton.t(lang) }</button>
                <label class="file-button">
                    { Msg::ImpOpenFile.t(lang) }
                    <input type="file" multiple=true accept=".csv,.tsv,.txt,.json,.xlsx,.xls,.ods,text/csv,text/plain,application/json" onchange={on_file} aria-label={Msg::ImpOpenFile.t(lang)} />
                </label>
                <button type="button" onclick={{
                    let state = state.clone();
                    Callback::from(move |_| {
                        let json = crate::io::scenario::to_json(&state.workbook.snapshot());
                        let name = format!("{}-{}.json", Msg::FileWorkbook.t(lang), state.workbook.month());
                        if let Err(e) = crate::ui::browser::download(&name, "application/json", &json) {
                            state.dispatch(Action::Notify(crate::ui::state::Notice { msg: Msg::DownloadFailed, args: vec![e], error: true }));
                        }
                    })
                }}>{ Msg::SaveWorkbook.t(lang) }</button>
                <button type="button" class="link" onclick={restore_demo}>{ Msg::ImpRestoreDemo.t(lang) }</button>
                if remembered > 0 {
                    <button type="button" class="link" onclick={forget}>{ Msg::ImpForgetMappings.fill(lang, &[remembered.to_string()]) }</button>
                }
                <span class="muted hint">{ Msg::ImpHint.t(lang) }</span>
            </div>
            if *paste_open {
                <div class="paste-area">
                    <label for="paste-text">{ Msg::ImpPasteLabel.t(lang) }</label>
                    <textarea id="paste-text" ref={paste_ref} rows="5" placeholder={Msg::ImpPastePlaceholder.t(lang)} />
                    <button type="button" onclick={preview_paste}>{ Msg::ImpPreviewButton.t(lang) }</button>
                </div>
            }
            { match (&*pending, preview_code_here()) {
                (None, _) => Html::default(),
                (Some(p), Some(view)) => view(p, &state, confirm, cancel, month_ref.clone(), {
                    let pending = pending.clone();
                    Callback::from(move |p: Pending| pending.set(Some(p)))
                }),
                // The preview's code is still on its way, or could not be fetched.
                // Retry shows the preview still pending once the code is here.
                (Some(_), None) if *preview_failed => {
                    let retry = {
                        let (failed, attempt) = (preview_failed.clone(), preview_attempt.clone());
                        Callback::from(move |_| {
                            failed.set(false);
                            attempt.set(attempt.wrapping_add(1));
                        })
                    };
                    html! {
                        <section class="card preview refused" data-testid="import-preview" role="alert">
                            <p class="field-error">{ Msg::PartLoadFailed.t(lang) }</p>
                            <p class="muted">{ Msg::ImpNothingChanged.t(lang) }</p>
                            <div class="actions">
                                <button type="button" class="primary" onclick={retry}>{ Msg::WorkspaceLoadRetry.t(lang) }</button>
                                <button type="button" onclick={cancel}>{ Msg::Dismiss.t(lang) }</button>
                            </div>
                        </section>
                    }
                }
                (Some(_), None) => html! {
                    <section class="card preview" data-testid="import-preview" role="status">
                        <p class="muted loading">{ Msg::PartLoading.t(lang) }</p>
                    </section>
                },
            } }
        </div>
    }
}

/// Renders an import's preview (its own chunk in the split build).
type PreviewFn = fn(
    &Pending,
    &AppContext,
    Callback<MouseEvent>,
    Callback<MouseEvent>,
    NodeRef,
    Callback<Pending>,
) -> Html;

// The preview (samples, choices, the join and day-file views: the
// `import_card` module) is code only an import reaches: out of the first
// load (lazy.rs). This is the only reference to the card.
#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(preview, fallible))]
fn preview_code() -> Result<PreviewFn, crate::ui::lazy::LoadError> {
    Ok(super::import_card::preview)
}

crate::ui::lazy::kept_code!(
    PREVIEW,
    preview_code,
    preview_code_here,
    load_preview,
    PreviewFn
);
