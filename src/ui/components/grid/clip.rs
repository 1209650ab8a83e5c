//! Copy and paste on the grid: Ctrl+C copies the range as TSV (Excel and
//! WPS paste it into cells; CSV-injection-safe); Ctrl+V pastes values from
//! the range's corner as one undo step (one copied cell fills the range, as
//! in Excel), asking before it adds agents.

use super::View;
use crate::i18n::Msg;
use crate::io::clipboard;
use crate::model::Command;
use crate::ui::state::{Action, Notice};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Ctrl+C: the range as TSV.
pub(super) fn on_copy(v: &View) -> Callback<Event> {
    let View {
        state,
        order,
        range,
        ..
    } = v.clone();
    Callback::from(move |e: Event| {
        let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
            return;
        };
        let Some(data) = e.clipboard_data() else {
            return;
        };
        e.prevent_default();
        let texts = clipboard::range_texts(state.workbook.table(), &order, range);
        let _ = data.set_data("text/plain", &clipboard::to_tsv(&texts));
    })
}

/// Ctrl+V: values into the grid.
pub(super) fn on_paste(v: &View) -> Callback<Event> {
    let View {
        state,
        order,
        go,
        range,
        multi,
        n_rows,
        n_cols,
        lang,
        ..
    } = v.clone();
    let notify = move |msg: Msg, args: Vec<String>, error: bool| {
        state.dispatch(Action::Notify(Notice { msg, args, error }));
    };
    let state = v.state.clone();
    Callback::from(move |e: Event| {
        let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
            return;
        };
        e.prevent_default();
        let text = e
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
            .unwrap_or_default();
        let mut values = clipboard::from_tsv(&text);
        if values.is_empty() || n_cols == 0 {
            return;
        }
        let single = values.len() == 1 && values.first().is_some_and(|r| r.len() == 1);
        if single && multi {
            let v = values
                .first()
                .and_then(|r| r.first())
                .cloned()
                .unwrap_or_default();
            values = vec![vec![v; range.width()]; range.height()];
        }
        let fit = n_rows.saturating_sub(range.r0);
        if values.len() > fit {
            let extra = values.len() - fit;
            let ask = Msg::PasteAddRows.fill(
                lang,
                &[values.len().to_string(), fit.to_string(), extra.to_string()],
            );
            let yes = gloo::utils::window()
                .confirm_with_message(&ask)
                .unwrap_or(false);
            if !yes {
                values.truncate(fit);
            }
        }
        let width = values.iter().map(Vec::len).max().unwrap_or(0);
        let dropped = (range.c0 + width).saturating_sub(n_cols);
        let rows: Vec<usize> = order
            .iter()
            .skip(range.r0)
            .take(values.len())
            .copied()
            .collect();
        let h = values.len();
        state.dispatch(Action::Apply(Command::SetRange {
            rows,
            col: range.c0,
            values,
        }));
        let last = (
            range.r0 + h.saturating_sub(1),
            (range.c0 + width.saturating_sub(1)).min(n_cols - 1),
        );
        // The pasted block is the range; the active cell stays at its
        // top-left corner, as in Excel.
        go(last, false);
        go((range.r0, range.c0), true);
        if dropped > 0 {
            notify(Msg::PasteColumnsDropped, vec![dropped.to_string()], false);
        }
    })
}
