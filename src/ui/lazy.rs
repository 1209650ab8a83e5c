//! Workspaces whose code loads on first use (#16: the first load).
//!
//! The page opens on 数据 (the grid, import and the shell); the code of
//! 方案, 成绩, 奖金, 趋势 and 质检 — their views and whatever only they
//! reach (the payout editor, forecast and cliff views, the pay sheet, the
//! trends, staffing and QA models) — is split out of the page's wasm into
//! one chunk per workspace by `wasm-split-cli` (scripts/split.mjs, run by
//! the post-build hook on a build with the `split` feature). Each chunk is
//! fetched the first time its tab is opened, and all of them are fetched in
//! the background once the page has been idle for a moment, so a later tab
//! switch does not wait and the app keeps working offline.
//!
//! A chunk that fails to load (offline before it was cached, a file missing
//! from a deploy) shows a message in the user's language with a retry
//! button; the workbook and every other workspace are untouched. A failed
//! load is not kept: wasm_split_helpers' loader and the loader script of
//! wasm-split-cli (0.2.4) memoize successes only, so the next call fetches
//! the chunk anew.
//!
//! Inside 数据, code only a click reaches is split the same way: the .xlsx
//! exporter ([`with_xlsx`]), the import preview (`components::import`; the
//! card itself is `components::import_card`), the library and share panels
//! (`components::lazy_panel::PanelButton`) and the in-browser benchmarks
//! ([`run_bench`]); all but the benchmarks are fetched in the background
//! too. After a failure the preview's card has a retry button; a panel's
//! button and the export fetch again on the next click.
//!
//! The English text table is a chunk too (`english`): an English page
//! fetches it before its first render, a switch to English before it
//! switches; until it is here texts fall back to Chinese.
//!
//! Without the `split` feature (native tests, wasm-bindgen tests, the
//! worker) every workspace is in the one binary and renders at once.

use super::components::data::DataWorkspace;
use super::state::{AppContext, Tab};
use crate::i18n::{Lang, Msg};
#[cfg(feature = "split")]
use std::cell::RefCell;
use yew::prelude::*;

/// A loaded workspace: renders its root component.
type View = fn() -> Html;

/// A chunk could not be fetched or started.
#[derive(Debug)]
pub struct LoadError;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for LoadError {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        LoadError
    }
}

// One split point per workspace. The body is the only reference to the
// workspace's component, so everything reachable only from it moves into
// that workspace's chunk.
#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(plan, fallible))]
fn plan_view() -> Result<View, LoadError> {
    Ok(|| html! { <super::components::plan::PlanWorkspace /> })
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(scores, fallible))]
fn scores_view() -> Result<View, LoadError> {
    Ok(|| html! { <super::components::scores::ScoresWorkspace /> })
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(pay, fallible))]
fn pay_view() -> Result<View, LoadError> {
    Ok(|| html! { <super::components::payout::PayWorkspace /> })
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(trends, fallible))]
fn trends_view() -> Result<View, LoadError> {
    Ok(|| html! { <super::components::trends::TrendsWorkspace /> })
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(qa, fallible))]
fn qa_view() -> Result<View, LoadError> {
    Ok(|| html! { <super::components::qa::QaWorkspace /> })
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(english, fallible))]
fn english_table() -> Result<fn(Msg) -> &'static str, LoadError> {
    Ok(Msg::en)
}

/// Writes a workbook as .xlsx (the exporter with its zip writer).
pub type XlsxWriter = fn(&crate::model::workbook::Snapshot, Lang) -> Vec<u8>;

// Code only a click reaches stays out of the first load: the .xlsx
// exporter (with the pay sheet it writes and the deflate of its zip) and
// the in-browser benchmarks (`#bench`).
#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(xlsx, fallible))]
fn xlsx_writer() -> Result<XlsxWriter, LoadError> {
    Ok(crate::io::xlsx_write::workbook_xlsx)
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(bench, fallible))]
fn bench_runner() -> Result<fn(), LoadError> {
    Ok(super::bench::run_and_publish)
}

/// Runs `then` with what a split function returns, once its code is here
/// (at once without the split).
#[cfg(feature = "split")]
pub fn after<T: 'static>(
    load: impl std::future::Future<Output = Result<T, LoadError>> + 'static,
    then: impl FnOnce(Result<T, LoadError>) + 'static,
) {
    yew::platform::spawn_local(async move { then(load.await) });
}

#[cfg(not(feature = "split"))]
pub fn after<T>(load: Result<T, LoadError>, then: impl FnOnce(Result<T, LoadError>)) {
    then(load);
}

/// Code behind a split point, kept once loaded: `$here()` is the code if it
/// is here (always without the split), `$load(then)` fetches it, then
/// `then(ok)`. `$code` is the split function returning it.
macro_rules! kept_code {
    ($slot:ident, $code:ident, $here:ident, $load:ident, $ty:ty) => {
        #[cfg(feature = "split")]
        thread_local! {
            static $slot: std::cell::Cell<Option<$ty>> = const { std::cell::Cell::new(None) };
        }

        #[cfg(feature = "split")]
        fn $here() -> Option<$ty> {
            $slot.with(std::cell::Cell::get)
        }

        #[cfg(not(feature = "split"))]
        fn $here() -> Option<$ty> {
            $code().ok()
        }

        pub fn $load(then: Box<dyn FnOnce(bool)>) {
            $crate::ui::lazy::after($code(), move |r| {
                #[cfg(feature = "split")]
                if let Ok(f) = &r {
                    $slot.with(|c| c.set(Some(*f)));
                }
                then(r.is_ok());
            });
        }
    };
}
pub(crate) use kept_code;

/// Runs `then` with the .xlsx writer once its code is here.
pub fn with_xlsx(then: impl FnOnce(Result<XlsxWriter, LoadError>) + 'static) {
    after(xlsx_writer(), then);
}

/// Runs the in-browser benchmarks once their code is here.
pub fn run_bench() {
    after(bench_runner(), |run| {
        if let Ok(run) = run {
            run();
        }
    });
}

/// Makes texts in `lang` ready (fetches the English table in the split
/// build), then runs `then(true)`; `then(false)` if it could not be fetched
/// (texts then fall back to Chinese).
pub fn with_language(lang: Lang, then: impl FnOnce(bool) + 'static) {
    if crate::i18n::ready(lang) {
        then(true);
        return;
    }
    yew::platform::spawn_local(async move { then(load_english().await.is_ok()) });
}

/// `lang` if its texts are here, else Chinese (an English page whose
/// English table could not be fetched opens in Chinese).
pub fn usable(lang: Lang) -> Lang {
    if crate::i18n::ready(lang) {
        lang
    } else {
        Lang::Zh
    }
}

#[cfg(feature = "split")]
async fn load_english() -> Result<(), LoadError> {
    let en = english_table().await?;
    crate::i18n::install_english(en);
    Ok(())
}

#[cfg(not(feature = "split"))]
async fn load_english() -> Result<(), LoadError> {
    english_table().map(|_| ())
}

/// The 数据 workspace is always in the page.
fn data_view() -> Html {
    html! { <DataWorkspace /> }
}

/// The workspace's view without waiting: every workspace is in this binary.
#[cfg(not(feature = "split"))]
fn ready(tab: Tab) -> Option<View> {
    match tab {
        Tab::Data => Ok(data_view as View),
        Tab::Plan => plan_view(),
        Tab::Scores => scores_view(),
        Tab::Pay => pay_view(),
        Tab::Trends => trends_view(),
        Tab::Qa => qa_view(),
    }
    .ok()
}

/// Never reached without the split: [`ready`] always has the view.
#[cfg(not(feature = "split"))]
async fn load(tab: Tab) -> Result<View, LoadError> {
    ready(tab).ok_or(LoadError)
}

/// Nothing to fetch: every workspace is in this binary.
#[cfg(not(feature = "split"))]
pub fn prefetch_all(_delay_ms: u32) {}

#[cfg(feature = "split")]
fn slot(tab: Tab) -> usize {
    Tab::ALL.iter().position(|t| *t == tab).unwrap_or(0)
}

#[cfg(feature = "split")]
thread_local! {
    /// Views loaded so far, by tab (in `Tab::ALL` order).
    static LOADED: RefCell<[Option<View>; 6]> = const { RefCell::new([None; 6]) };
}

/// The view of `tab` if its code is here.
#[cfg(feature = "split")]
fn ready(tab: Tab) -> Option<View> {
    if tab == Tab::Data {
        return Some(data_view);
    }
    LOADED.with(|l| l.borrow().get(slot(tab)).copied().flatten())
}

/// Loads the code of `tab` (once; concurrent calls share the fetch).
#[cfg(feature = "split")]
async fn load(tab: Tab) -> Result<View, LoadError> {
    if let Some(v) = ready(tab) {
        return Ok(v);
    }
    let view = match tab {
        Tab::Data => Ok(data_view as View),
        Tab::Plan => plan_view().await,
        Tab::Scores => scores_view().await,
        Tab::Pay => pay_view().await,
        Tab::Trends => trends_view().await,
        Tab::Qa => qa_view().await,
    }?;
    LOADED.with(|l| {
        if let Some(s) = l.borrow_mut().get_mut(slot(tab)) {
            *s = Some(view);
        }
    });
    Ok(view)
}

/// Fetches every workspace's code in the background, one after another,
/// after the page has been idle for `delay_ms` (called once from the shell).
#[cfg(feature = "split")]
pub fn prefetch_all(delay_ms: u32) {
    gloo::timers::callback::Timeout::new(delay_ms, || {
        yew::platform::spawn_local(async {
            let _ = load_english().await;
            for tab in Tab::ALL {
                // A failure here is silent: opening the tab retries and
                // reports it.
                let _ = load(tab).await;
            }
            // Code only a click reaches in 数据: the exporter, the import
            // preview, the library and the share panel.
            let _ = xlsx_writer().await;
            super::components::import::load_preview(Box::new(|_| {}));
            super::components::library::load_panel(Box::new(|_| {}));
            super::components::share::load_panel(Box::new(|_| {}));
        });
    })
    .forget();
}

#[derive(Properties, PartialEq)]
pub struct WorkspaceProps {
    pub tab: Tab,
}

/// The workspace of `tab`: its view once its code is here; until then a
/// loading line, or the failure with a retry button.
#[component]
pub fn Workspace(props: &WorkspaceProps) -> Html {
    let state = use_context::<AppContext>();
    let lang = state.map(|s| s.lang).unwrap_or_default();
    let tab = props.tab;
    let redraw = use_force_update();
    // The tab whose load failed, and a counter that restarts the load.
    let failed = use_state(|| None::<Tab>);
    let attempt = use_state(|| 0u32);
    {
        let failed = failed.clone();
        use_effect_with((tab, *attempt), move |&(tab, _)| {
            if ready(tab).is_none() {
                // A new attempt shows the loading line, not the last failure.
                failed.set(None);
                yew::platform::spawn_local(async move {
                    match load(tab).await {
                        Ok(_) => {
                            failed.set(None);
                            redraw.force_update();
                        }
                        Err(LoadError) => failed.set(Some(tab)),
                    }
                });
            }
        });
    }
    if let Some(view) = ready(tab) {
        return view();
    }
    if *failed == Some(tab) {
        let retry = {
            let attempt = attempt.clone();
            let failed = failed.clone();
            Callback::from(move |_| {
                failed.set(None);
                attempt.set(attempt.wrapping_add(1));
            })
        };
        return html! {
            <div class="notice error" role="alert">
                <p>{ Msg::WorkspaceLoadFailed.t(lang) }</p>
                <button type="button" onclick={retry}>{ Msg::WorkspaceLoadRetry.t(lang) }</button>
            </div>
        };
    }
    html! { <p class="loading" role="status">{ Msg::WorkspaceLoading.t(lang) }</p> }
}
