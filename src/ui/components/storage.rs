//! The library's storage line: where the library lives (IndexedDB, or
//! localStorage where that is missing), how much this browser holds for the
//! site and how much it allows (`navigator.storage.estimate()`, which counts
//! IndexedDB and the offline cache), and whether it keeps the data when space
//! runs low. The app asks for that (`navigator.storage.persist()`) once, on
//! the first save into the library; the line says why, and a button asks
//! again on request.

use crate::i18n::Msg;
use crate::ui::state::AppContext;
use crate::ui::{browser, store};
use yew::prelude::*;

/// Bytes as people read them: 512 B, 1.2 MB, 2.1 GB.
fn bytes(v: f64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut v = v.max(0.0);
    let mut u = 0;
    while v >= 1024.0 && u + 1 < UNITS.len() {
        v /= 1024.0;
        u += 1;
    }
    let unit = UNITS.get(u).copied().unwrap_or("B");
    if u == 0 {
        format!("{v:.0} {unit}")
    } else {
        format!("{v:.1} {unit}")
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Changed after each write, to read the figures again.
    #[prop_or_default]
    pub refresh: u32,
}

#[component]
pub fn StorageInfo(props: &Props) -> Html {
    let estimate = use_state(|| None::<(f64, f64)>);
    let persisted = use_state(|| None::<bool>);
    let asked = use_state(|| false);
    {
        let (estimate, persisted) = (estimate.setter(), persisted.setter());
        use_effect_with(props.refresh, move |_| {
            browser::storage_estimate(move |e| estimate.set(e));
            browser::storage_persisted(false, move |p| persisted.set(p));
        });
    }
    let Some(state) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = state.lang;
    let ask = {
        let (persisted, asked) = (persisted.setter(), asked.setter());
        Callback::from(move |_| {
            let persisted = persisted.clone();
            asked.set(true);
            browser::storage_persisted(true, move |p| persisted.set(Some(p.unwrap_or(false))));
        })
    };
    let local = store::is_local();
    // Asked already (here, or on the first save into the library).
    let asked = *asked || browser::load(super::library::PERSIST_ASKED).is_some();
    html! {
        <p class="muted storage-info" data-testid="storage-info">
            if local {
                <span class="warn" data-testid="storage-fallback">{ Msg::StorageFallback.t(lang) }</span>{ " " }
                { Msg::StorageLocal.fill(lang, &[bytes(browser::local_storage_bytes())]) }
            } else {
                { Msg::StorageIdb.t(lang) }
            }
            { " " }
            { match *estimate {
                Some((used, quota)) => Msg::StorageUsed.fill(lang, &[bytes(used), bytes((quota - used).max(0.0))]),
                None => Msg::StorageUnknown.t(lang).to_string(),
            } }
            { " " }
            { match *persisted {
                Some(true) => html! { <span>{ Msg::StoragePersisted.t(lang) }</span> },
                _ => html! { <>
                    <span>{ Msg::StorageNotPersisted.t(lang) }</span>{ " " }
                    <span>{ if asked { Msg::StoragePersistDenied.t(lang) } else { Msg::StoragePersistWhy.t(lang) } }</span>{ " " }
                    <button type="button" class="link" onclick={ask} data-testid="storage-persist">{ Msg::StoragePersistAsk.t(lang) }</button>
                </> },
            } }
        </p>
    }
}
