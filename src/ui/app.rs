//! The app shell: header with the language switch, workspace tabs, status bar.

use super::browser;
use super::state::{Action, AppContext, AppState, Tab};
use crate::i18n::{Lang, Msg};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The root component.
#[component]
pub fn App() -> Html {
    let state =
        use_reducer(|| AppState::restore_or_new(super::lazy::usable(browser::preferred_lang())));
    let lang = state.lang;

    // Autosave: 600 ms after the last change, once the page is idle, the
    // whole workbook is serialised and written to IndexedDB (localStorage
    // where that is missing) in one asynchronous transaction; a refusal
    // (quota, private mode) is shown, never silent, and the previous copy
    // stays. Another tab that autosaves (told over a BroadcastChannel, or by
    // the storage event in the localStorage fallback) pauses this tab's
    // autosave, with a notice, so neither overwrites the other silently (#20).
    // The other workspaces' code, fetched once the page has settled (#16).
    use_effect_with((), |_| super::lazy::prefetch_all(1500));

    let other_tab = use_mut_ref(|| false);
    {
        let state = state.clone();
        let other_tab = other_tab.clone();
        use_effect_with((), move |_| {
            if let Some(n) = super::store::take_start_notice() {
                state.dispatch(Action::Notify(n));
            }
            let told = move || {
                if !*other_tab.borrow() {
                    *other_tab.borrow_mut() = true;
                    state.dispatch(Action::Notify(crate::ui::state::Notice {
                        msg: Msg::OtherTabSaved,
                        args: Vec::new(),
                        error: true,
                    }));
                }
            };
            super::store::on_other_autosave(told.clone());
            let l = gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |e| {
                let ours = e
                    .dyn_ref::<web_sys::StorageEvent>()
                    .and_then(|e| e.key())
                    .is_some_and(|k| k == browser::AUTOSAVE_KEY);
                if ours {
                    told();
                }
            });
            move || drop(l)
        });
    }
    {
        let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        // The state whose save is still to come: a page that is hidden or left
        // (tab closed, reload) saves it at once instead of losing the last
        // ~1.6 s of edits to the debounce and the idle wait.
        let unsaved = use_mut_ref(|| None::<UseReducerHandle<AppState>>);
        {
            let (unsaved, pending) = (unsaved.clone(), pending.clone());
            use_effect_with((), move |_| {
                let flush = std::rc::Rc::new(move || {
                    let s = unsaved.borrow_mut().take();
                    if let Some(s) = s {
                        pending.borrow_mut().take();
                        autosave(s);
                    }
                });
                let f = flush.clone();
                let hide = gloo::events::EventListener::new(
                    &gloo::utils::window(),
                    "pagehide",
                    move |_| f(),
                );
                let vis = gloo::events::EventListener::new(
                    &gloo::utils::document(),
                    "visibilitychange",
                    move |_| {
                        if gloo::utils::document().hidden() {
                            flush();
                        }
                    },
                );
                move || {
                    drop(hide);
                    drop(vis);
                }
            });
        }
        let state = state.clone();
        use_effect_with(state.revision, move |rev| {
            if *rev > 0 && *other_tab.borrow() {
                // Paused: the notice stays up while edits go unsaved.
                state.dispatch(Action::Notify(crate::ui::state::Notice {
                    msg: Msg::OtherTabSaved,
                    args: Vec::new(),
                    error: true,
                }));
            } else if *rev > 0 {
                *unsaved.borrow_mut() = Some(state.clone());
                let u = unsaved.clone();
                *pending.borrow_mut() =
                    Some(gloo::timers::callback::Timeout::new(600, move || {
                        browser::when_idle(move || {
                            let s = u.borrow_mut().take();
                            if let Some(s) = s {
                                autosave(s);
                            }
                        });
                    }));
            }
        });
    }

    // A share link in the address (on load, or pasted into this tab later):
    // read it, take it out of the address, and ask before opening it.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let check = {
                let state = state.clone();
                move || {
                    if let Some(fragment) = browser::take_share_fragment() {
                        state.dispatch(link_action(&fragment, state.lang));
                    }
                }
            };
            check();
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    check()
                });
            move || drop(listener)
        });
    }

    // Language side effects: remember the choice, set <html lang> and title.
    use_effect_with(lang, |lang| {
        browser::store_lang(*lang);
        browser::set_document_lang(*lang, Msg::AppTitle.t(*lang));
    });

    // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y anywhere on the page (also when focus fell
    // back to <body>, e.g. after the undo button became disabled), except inside
    // text fields, where the browser's own undo applies to the text being typed.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                move |e| {
                    if let Some(e) = e.dyn_ref::<KeyboardEvent>() {
                        if let Some(action) = undo_shortcut(e) {
                            e.prevent_default();
                            state.dispatch(action);
                        }
                    }
                },
            );
            move || drop(listener)
        });
    }

    let lang_buttons = Lang::ALL.iter().map(|l| {
        let l = *l;
        let state = state.clone();
        // The texts first (the English table is fetched on first use in
        // the split build); a failed fetch is reported, the language stays.
        let onclick = Callback::from(move |_| {
            let state = state.clone();
            super::lazy::with_language(l, move |ok| {
                if ok {
                    state.dispatch(Action::SetLang(l));
                } else {
                    state.dispatch(Action::Notify(crate::ui::state::Notice {
                        msg: Msg::LanguageLoadFailed,
                        args: Vec::new(),
                        error: true,
                    }));
                }
            });
        });
        html! {
            <button type="button" class="lang-btn" aria-pressed={(l == lang).to_string()}
                lang={l.tag()} {onclick}>{ l.native_name() }</button>
        }
    });

    let tabs = Tab::ALL.iter().map(|t| {
        let t = *t;
        let state = state.clone();
        let selected = state.tab == t;
        let onclick = Callback::from(move |_| state.dispatch(Action::SelectTab(t)));
        html! {
            <button type="button" role="tab" id={format!("tab-{}", t.id())}
                aria-selected={selected.to_string()} aria-controls={format!("panel-{}", t.id())}
                class={classes!("tab", selected.then_some("active"))} {onclick}>
                { t.label().t(lang) }
            </button>
        }
    });

    let notice = state.notice.as_ref().map(|n| {
        let state = state.clone();
        let ondismiss = Callback::from(move |_| state.dispatch(Action::DismissNotice));
        html! {
            <div class={classes!("notice", n.error.then_some("error"))} role="status">
                <span>{ n.msg.fill(lang, &n.args) }</span>
                <button type="button" class="link" onclick={ondismiss}>{ Msg::Dismiss.t(lang) }</button>
            </div>
        }
    });

    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <div class="shell">
                <header class="topbar">
                    <div class="brand">
                        <h1>{ Msg::AppTitle.t(lang) }</h1>
                        <p class="tagline">{ Msg::AppTagline.t(lang) }</p>
                    </div>
                    <div class="lang-switch" role="group" aria-label={Msg::LanguageLabel.t(lang)}>
                        { for lang_buttons }
                    </div>
                </header>
                <nav class="tabs" role="tablist" aria-label={Msg::MainTabsLabel.t(lang)}>
                    { for tabs }
                </nav>
                { for notice }
                <super::components::update::UpdateOffer />
                <super::components::share::LinkPrompt />
                <super::components::start::FirstSteps />
                <section class="panel" role="tabpanel" id={format!("panel-{}", state.tab.id())}
                    aria-labelledby={format!("tab-{}", state.tab.id())}>
                    <super::lazy::Workspace tab={state.tab} />
                </section>
            </div>
        </ContextProvider<AppContext>>
    }
}

/// Writes the workbook as the autosave; reports a refusal.
fn autosave(s: UseReducerHandle<AppState>) {
    let json = crate::io::scenario::to_json(&s.workbook.snapshot());
    super::store::write(
        vec![(browser::AUTOSAVE_KEY.to_string(), json)],
        Vec::new(),
        move |r| match r {
            Ok(()) => super::store::announce_autosave(),
            Err(e) => s.dispatch(Action::Notify(crate::ui::state::Notice {
                msg: Msg::AutosaveFailed,
                args: vec![e],
                error: true,
            })),
        },
    );
}

/// What to do with a share link: offer its content, or say why it cannot be opened.
fn link_action(fragment: &str, lang: Lang) -> Action {
    match crate::io::share::decode(fragment) {
        Ok(shared) => Action::OfferLink(shared),
        Err(e) => {
            let args = match &e.problem {
                Some(p) => {
                    vec![Msg::FileProblemAt.fill(lang, &[p.path.clone(), p.msg.fill(lang, &p.args)])]
                }
                None => e.args.clone(),
            };
            Action::Notify(crate::ui::state::Notice {
                msg: e.msg,
                args,
                error: true,
            })
        }
    }
}

/// The undo/redo action for a shortcut, if `e` is one outside a text field.
fn undo_shortcut(e: &KeyboardEvent) -> Option<Action> {
    if !(e.ctrl_key() || e.meta_key()) || in_text_field(e) {
        return None;
    }
    match e.key().to_ascii_lowercase().as_str() {
        "z" if e.shift_key() => Some(Action::Redo),
        "z" => Some(Action::Undo),
        "y" => Some(Action::Redo),
        _ => None,
    }
}

/// True when the event comes from an input, textarea or select.
fn in_text_field(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
        .unwrap_or(false)
}
