//! The library's storage line: how much this browser holds for the app and
//! how much it allows (`navigator.storage.estimate()`), and whether it keeps
//! the data when space runs low; a button asks for that once
//! (`navigator.storage.persist()`), with what it means.

use crate::i18n::Msg;
use crate::ui::browser;
use crate::ui::state::AppContext;
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

#[component]
pub fn StorageInfo() -> Html {
    let estimate = use_state(|| None::<(f64, f64)>);
    let persisted = use_state(|| None::<bool>);
    {
        let (estimate, persisted) = (estimate.setter(), persisted.setter());
        use_effect_with((), move |_| {
            browser::storage_estimate(move |e| estimate.set(e));
            browser::storage_persisted(false, move |p| persisted.set(p));
        });
    }
    let Some(state) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = state.lang;
    let ask = {
        let persisted = persisted.setter();
        Callback::from(move |_| {
            let persisted = persisted.clone();
            browser::storage_persisted(true, move |p| persisted.set(Some(p.unwrap_or(false))));
        })
    };
    html! {
        <p class="muted storage-info" data-testid="storage-info">
            { Msg::StorageLocal.fill(lang, &[bytes(browser::local_storage_bytes())]) }
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
                    <button type="button" class="link" onclick={ask} data-testid="storage-persist">{ Msg::StoragePersistAsk.t(lang) }</button>
                </> },
            } }
        </p>
    }
}
