//! Bringing team data in: paste (Ctrl+V anywhere in the Data workspace, or
//! the paste area for touch devices), a file picker and drag-and-drop. Every
//! path ends in a preview that shows what was detected; confirming imports
//! the table as one undoable step, cancelling changes nothing.

use crate::i18n::{Lang, Msg};
use crate::io::decode::{Encoding, Refusal};
use crate::io::delimited::Delimiter;
use crate::io::import::{import_text, ImportResult};
use crate::io::Severity;
use crate::model::{metric, Command, Unit};
use crate::ui::state::{Action, AppContext};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// What the preview shows.
#[derive(Clone, PartialEq)]
pub enum Pending {
    Ready {
        source: String,
        encoding: Option<Encoding>,
        result: Rc<ImportResult>,
        /// An xlsx workbook's sheets and the one shown.
        sheets: Option<(Rc<Vec<crate::io::xlsx::Sheet>>, usize)>,
    },
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

fn from_text(source: String, encoding: Option<Encoding>, text: &str) -> Pending {
    Pending::Ready {
        source,
        encoding,
        result: Rc::new(import_text(text)),
        sheets: None,
    }
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
) {
    if text.len() < LARGE_TEXT {
        pending.set(Some(from_text(source, encoding, &text)));
        return;
    }
    pending.set(Some(Pending::Reading {
        source: source.clone(),
    }));
    gloo::timers::callback::Timeout::new(0, move || {
        let grid = crate::io::delimited::split(&text);
        drop(text);
        gloo::timers::callback::Timeout::new(0, move || {
            pending.set(Some(Pending::Ready {
                source,
                encoding,
                result: Rc::new(crate::io::import::import_grid(grid)),
                sheets: None,
            }));
        })
        .forget();
    })
    .forget();
}

/// The preview of sheet `pick` of a workbook.
fn from_sheets(source: String, sheets: Rc<Vec<crate::io::xlsx::Sheet>>, pick: usize) -> Pending {
    let result = sheets
        .get(pick)
        .map(|s| crate::io::import::import_grid(s.grid()))
        .unwrap_or_else(|| import_text(""));
    Pending::Ready {
        source,
        encoding: None,
        result: Rc::new(result),
        sheets: Some((sheets, pick)),
    }
}

fn from_bytes(name: String, bytes: &[u8]) -> Pending {
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
        Ok(crate::io::xlsx::Opened::Text(text, enc)) => from_text(name, Some(enc), &text),
        Ok(crate::io::xlsx::Opened::Sheets(sheets)) => {
            let pick = crate::io::xlsx::default_sheet(&sheets);
            from_sheets(name, Rc::new(sheets), pick)
        }
        Err(refusal) => Pending::Refused {
            source: name,
            refusal,
        },
    }
}

/// Reads a picked or dropped file and sets the preview.
fn read_file(
    file: web_sys::File,
    pending: UseStateHandle<Option<Pending>>,
    keep: Rc<RefCell<Option<gloo::file::callbacks::FileReader>>>,
) {
    let name = file.name();
    let f = gloo::file::File::from(file);
    if f.size() > crate::io::decode::MAX_BYTES as u64 {
        // Refuse before reading 50 MB into memory.
        let mb = f.size() as f64 / 1024.0 / 1024.0;
        pending.set(Some(Pending::Refused {
            source: name,
            refusal: Refusal {
                msg: Msg::ImpErrTooLarge,
                args: vec![
                    format!("{mb:.1}"),
                    (crate::io::decode::MAX_BYTES / 1024 / 1024).to_string(),
                ],
            },
        }));
        return;
    }
    let reader = gloo::file::callbacks::read_as_bytes(&f, move |res| match res {
        Ok(bytes) if crate::io::sheets::kind_of(&bytes, &name).is_some() => {
            read_in_worker(name, &bytes, pending)
        }
        Ok(bytes) => {
            // Large text files are read in steps, like large pastes.
            if !name.to_lowercase().ends_with(".json") {
                if let Ok(crate::io::xlsx::Opened::Text(text, enc)) =
                    crate::io::xlsx::open(&bytes, &name, &gb18030)
                {
                    import_later(pending, name, Some(enc), text);
                    return;
                }
            }
            pending.set(Some(from_bytes(name, &bytes)))
        }
        Err(_) => pending.set(Some(Pending::Refused {
            source: name,
            refusal: Refusal {
                msg: Msg::ImpErrRead,
                args: Vec::new(),
            },
        })),
    });
    *keep.borrow_mut() = Some(reader);
}

/// An `.xls`/`.ods` workbook: read in the worker (see `ui::worker`), then
/// the same preview as an `.xlsx`.
fn read_in_worker(name: String, bytes: &[u8], pending: UseStateHandle<Option<Pending>>) {
    pending.set(Some(Pending::Reading {
        source: name.clone(),
    }));
    crate::ui::worker::read_sheets(name.clone(), bytes, move |answer| {
        pending.set(Some(match answer {
            Ok(sheets) => {
                let pick = crate::io::xlsx::default_sheet(&sheets);
                from_sheets(name, Rc::new(sheets), pick)
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
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let drag = use_state(|| false);
    let paste_ref = use_node_ref();
    let month_ref = use_node_ref();

    // Ctrl+V anywhere in the workspace (not inside a text field).
    {
        let pending = pending.clone();
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
                    import_later(pending.clone(), String::new(), None, text);
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
        let pending = pending.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                read_file(f, pending.clone(), reader.clone());
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let pending = pending.clone();
        let reader = reader.clone();
        let drag = drag.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            drag.set(false);
            if let Some(f) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|l| l.get(0))
            {
                read_file(f, pending.clone(), reader.clone());
            }
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
        Callback::from(move |_| {
            if let Some(t) = paste_ref.cast::<HtmlTextAreaElement>() {
                import_later(pending.clone(), String::new(), None, t.value());
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
            if let Some(Pending::Workbook { snapshot, .. }) = &*pending {
                state.dispatch(Action::Apply(Command::Load(Box::new((**snapshot).clone()))));
                pending.set(None);
                return;
            }
            if let Some(Pending::Ready { result, .. }) = &*pending {
                let month = month_ref
                    .cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_else(|| state.workbook.month().to_string());
                state.dispatch(Action::Apply(Command::ImportMonth {
                    month,
                    table: Box::new(result.table.clone()),
                }));
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

    html! {
        <div class={classes!("import", drag.then_some("dragging"))} ondrop={on_drop} ondragover={on_dragover} ondragleave={on_dragleave}>
            <div class="import-bar">
                <button type="button" onclick={toggle_paste} aria-expanded={paste_open.to_string()}>{ Msg::ImpPasteButton.t(lang) }</button>
                <label class="file-button">
                    { Msg::ImpOpenFile.t(lang) }
                    <input type="file" accept=".csv,.tsv,.txt,.json,.xlsx,.xls,.ods,text/csv,text/plain,application/json" onchange={on_file} aria-label={Msg::ImpOpenFile.t(lang)} />
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
                <span class="muted hint">{ Msg::ImpHint.t(lang) }</span>
            </div>
            if *paste_open {
                <div class="paste-area">
                    <label for="paste-text">{ Msg::ImpPasteLabel.t(lang) }</label>
                    <textarea id="paste-text" ref={paste_ref} rows="5" placeholder={Msg::ImpPastePlaceholder.t(lang)} />
                    <button type="button" onclick={preview_paste}>{ Msg::ImpPreviewButton.t(lang) }</button>
                </div>
            }
            { match &*pending {
                None => Html::default(),
                Some(p) => preview(p, lang, confirm, cancel, month_ref.clone(), state.workbook.month(), {
                    let pending = pending.clone();
                    Callback::from(move |p: Pending| pending.set(Some(p)))
                }),
            } }
        </div>
    }
}

fn preview(
    p: &Pending,
    lang: Lang,
    confirm: Callback<MouseEvent>,
    cancel: Callback<MouseEvent>,
    month_ref: NodeRef,
    month: &str,
    on_pick: Callback<Pending>,
) -> Html {
    let source_name = |s: &str| {
        if s.is_empty() {
            Msg::ImpSourcePaste.t(lang).to_string()
        } else {
            s.to_string()
        }
    };
    match p {
        Pending::Workbook { source, snapshot } => html! {
            <section class="card preview" data-testid="import-preview">
                <h3>{ Msg::ImpPreviewTitle.fill(lang, &[source_name(source)]) }</h3>
                <p>{ Msg::WbPreview.fill(lang, &[snapshot.tables.len().to_string(), snapshot.month.clone(), snapshot.plans.len().to_string()]) }</p>
                <p class="muted">{ Msg::WbReplaceWarning.t(lang) }</p>
                <div class="actions">
                    <button type="button" class="primary" onclick={confirm}>{ Msg::WbOpen.t(lang) }</button>
                    <button type="button" onclick={cancel}>{ Msg::ImpCancel.t(lang) }</button>
                </div>
            </section>
        },
        Pending::BadWorkbook { source, problems } => html! {
            <section class="card preview refused" data-testid="import-preview" role="alert">
                <h3>{ Msg::ImpPreviewTitle.fill(lang, &[source_name(source)]) }</h3>
                <p class="field-error">{ Msg::WbRefused.fill(lang, &[problems.len().to_string()]) }</p>
                <ul class="problems error">{ for problems.iter().take(50).map(|p| html! {
                    <li>{ Msg::FileProblemAt.fill(lang, &[p.path.clone(), p.msg.fill(lang, &p.args)]) }</li>
                }) }</ul>
                <button type="button" onclick={cancel}>{ Msg::Dismiss.t(lang) }</button>
            </section>
        },
        Pending::Reading { source } => html! {
            <section class="card preview" data-testid="import-preview" role="status">
                <h3>{ Msg::ImpPreviewTitle.fill(lang, &[source_name(source)]) }</h3>
                <p class="muted">{ Msg::ImpReading.t(lang) }</p>
            </section>
        },
        Pending::Refused { source, refusal } => html! {
            <section class="card preview refused" data-testid="import-preview" role="alert">
                <h3>{ Msg::ImpPreviewTitle.fill(lang, &[source_name(source)]) }</h3>
                <p class="field-error">{ refusal.msg.fill(lang, &refusal.args) }</p>
                <p class="muted">{ Msg::ImpNothingChanged.t(lang) }</p>
                <button type="button" onclick={cancel}>{ Msg::Dismiss.t(lang) }</button>
            </section>
        },
        Pending::Ready {
            source,
            encoding,
            result,
            sheets,
        } => {
            let sheet_pick = sheets.as_ref().filter(|(s, _)| s.len() > 1).map(|(s, pick)| {
                let (on_pick, all, source) = (on_pick.clone(), s.clone(), source.clone());
                let onchange = Callback::from(move |e: Event| {
                    if let Some(i) = super::fields::select_value(&e).and_then(|v| v.parse::<usize>().ok()) {
                        on_pick.emit(from_sheets(source.clone(), all.clone(), i));
                    }
                });
                html! { <li class="field"><label for="import-sheet">{ Msg::ImpSheet.t(lang) }</label>
                    <select id="import-sheet" {onchange}>
                        { for s.iter().enumerate().map(|(i, sh)| html! {
                            <option value={i.to_string()} selected={i == *pick}>{ Msg::ImpSheetOption.fill(lang, &[sh.name.clone(), sh.rows.len().to_string()]) }</option>
                        }) }
                    </select></li> }
            });
            let t = &result.table;
            let errors: Vec<_> = result
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            let warnings: Vec<_> = result
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .collect();
            let delim = match result.delimiter {
                Delimiter::Tab => Msg::ImpDelimTab,
                Delimiter::Comma => Msg::ImpDelimComma,
                Delimiter::Semicolon => Msg::ImpDelimSemicolon,
                Delimiter::Sheet => Msg::ImpDelimSheet,
            };
            let columns = t.columns.iter().map(|c| {
                let mapped = match c.metric.and_then(metric::def) {
                    Some(d) => match lang { Lang::Zh => d.zh.to_string(), Lang::En => d.en.to_string() },
                    None => format!("{} ({})", Msg::CustomColumn.t(lang), unit_name(c.unit, lang)),
                };
                html! { <li><span class="from">{ c.name.clone() }</span>{ " → " }<span class={classes!(c.metric.is_none().then_some("custom"))}>{ mapped }</span></li> }
            });
            let shown = 5.min(t.len());
            html! {
                <section class="card preview" data-testid="import-preview" aria-labelledby="import-title">
                    <h3 id="import-title">{ Msg::ImpPreviewTitle.fill(lang, &[source_name(source)]) }</h3>
                    <ul class="facts">
                        if let Some(e) = encoding { <li>{ Msg::ImpEncoding.fill(lang, &[e.name().to_string()]) }</li> }
                        { for sheet_pick }
                        <li>{ Msg::ImpDelimiter.fill(lang, &[delim.t(lang).to_string()]) }</li>
                        <li data-testid="import-rows">{ Msg::ImpRows.fill(lang, &[t.len().to_string(), t.columns.len().to_string()]) }</li>
                        if !result.dropped.is_empty() {
                            <li data-testid="import-dropped">{ Msg::ImpDropped.fill(lang, &[result.dropped.iter().map(|(_, l)| l.clone()).collect::<Vec<_>>().join("、")]) }</li>
                        }
                    </ul>
                    if !errors.is_empty() {
                        <ul class="problems error">{ for errors.iter().map(|d| html! { <li>{ d.text(lang) }</li> }) }</ul>
                        <p class="muted">{ Msg::ImpNothingChanged.t(lang) }</p>
                    }
                    if !warnings.is_empty() {
                        <details open={warnings.len() <= 5}>
                            <summary>{ Msg::ImpProblems.fill(lang, &[warnings.len().to_string()]) }</summary>
                            <ul class="problems">{ for warnings.iter().take(50).map(|d| html! { <li>{ d.text(lang) }</li> }) }</ul>
                        </details>
                    }
                    if !t.columns.is_empty() {
                        <details>
                            <summary>{ Msg::ImpColumns.t(lang) }</summary>
                            <ul class="mapping">{ for columns }</ul>
                        </details>
                        <div class="table-scroll">
                            <table class="plain sample">
                                <thead><tr>{ for t.columns.iter().map(|c| html! { <th>{ c.label(lang).to_string() }</th> }) }</tr></thead>
                                <tbody>{ for (0..shown).map(|r| html! {
                                    <tr>{ for t.columns.iter().enumerate().map(|(c, col)| html! {
                                        <td class={classes!(col.unit.is_numeric().then_some("num"))}>{ t.at(r, c).display(col.unit, lang) }</td>
                                    }) }</tr>
                                }) }</tbody>
                            </table>
                        </div>
                    }
                    if !result.is_rejected() {
                        <div class="field month-field">
                            <label for="import-month">{ Msg::ImpAsMonth.t(lang) }</label>
                            <input id="import-month" type="text" ref={month_ref} value={month.to_string()} title={Msg::ImpMonthHint.t(lang)} />
                            <span class="muted hint">{ Msg::ImpMonthHint.t(lang) }</span>
                        </div>
                    }
                    <div class="actions">
                        if !result.is_rejected() {
                            <button type="button" class="primary" onclick={confirm}>{ Msg::ImpConfirm.fill(lang, &[t.len().to_string()]) }</button>
                        }
                        <button type="button" onclick={cancel}>{ Msg::ImpCancel.t(lang) }</button>
                    </div>
                </section>
            }
        }
    }
}

fn unit_name(u: Unit, lang: Lang) -> &'static str {
    match u {
        Unit::Percent => Msg::UnitPercent.t(lang),
        Unit::Seconds => Msg::UnitSeconds.t(lang),
        Unit::Money => Msg::UnitYuan.t(lang),
        Unit::Text => Msg::UnitTextName.t(lang),
        _ => Msg::UnitNumberName.t(lang),
    }
}
