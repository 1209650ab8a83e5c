//! The grid's keyboard: moves, Shift+moves (a range), Ctrl+A, Ctrl+D (fill
//! down), Ctrl+F (find), Enter/F2 (edit), Delete (clear), typing (replace),
//! and the keys that arrive while an edit is opening.

use super::{focus, View};
use crate::model::range;
use crate::ui::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Rows moved by PageUp/PageDown.
const PAGE_ROWS: usize = 20;

/// The keydown handler of the grid (its frame and the cursor input).
pub(super) fn on_keydown(
    v: &View,
    find: UseStateHandle<Option<String>>,
    find_ref: NodeRef,
) -> Callback<KeyboardEvent> {
    let View {
        state,
        order,
        go,
        start_edit,
        editing,
        draft,
        input_ref,
        commit,
        sel_row,
        sel_col,
        n_rows,
        n_cols,
        range,
        ..
    } = v.clone();
    Callback::from(move |e: KeyboardEvent| {
        if n_rows == 0 || n_cols == 0 || e.is_composing() {
            return;
        }
        // An edit was opened but its input is not rendered or focused yet
        // (fast typing outruns rendering): the keys belong to the editor.
        let pending = draft.borrow().is_some();
        if pending {
            let key = e.key();
            match key.as_str() {
                "Enter" | "Tab" => {
                    e.prevent_default();
                    commit(sel_row, sel_col);
                    let next = match (key.as_str(), e.shift_key()) {
                        ("Enter", false) => ((sel_row + 1).min(n_rows - 1), sel_col),
                        ("Enter", true) => (sel_row.saturating_sub(1), sel_col),
                        (_, false) => (sel_row, (sel_col + 1).min(n_cols - 1)),
                        (_, true) => (sel_row, sel_col.saturating_sub(1)),
                    };
                    go(next, false);
                }
                "Escape" => {
                    e.prevent_default();
                    draft.borrow_mut().take();
                    editing.set(false);
                }
                _ if key.chars().count() == 1 && !e.ctrl_key() && !e.meta_key() && !e.alt_key() => {
                    e.prevent_default();
                    if let Some(d) = draft.borrow_mut().as_mut() {
                        d.push_str(&key);
                        if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                            input.set_value(d);
                            let _ = input.focus();
                        }
                    }
                }
                _ => {}
            }
            return;
        }
        let (r, c) = (sel_row, sel_col);
        let last_r = n_rows - 1;
        let last_c = n_cols - 1;
        let shift = e.shift_key();
        let ctrl = e.ctrl_key() || e.meta_key();
        let mut moved = None;
        match e.key().as_str() {
            "ArrowUp" => moved = Some((r.saturating_sub(1), c)),
            "ArrowDown" => moved = Some(((r + 1).min(last_r), c)),
            "ArrowLeft" => moved = Some((r, c.saturating_sub(1))),
            "ArrowRight" => moved = Some((r, (c + 1).min(last_c))),
            "Home" if ctrl => moved = Some((0, 0)),
            "End" if ctrl => moved = Some((last_r, last_c)),
            "Home" => moved = Some((r, 0)),
            "End" => moved = Some((r, last_c)),
            "PageUp" => moved = Some((r.saturating_sub(PAGE_ROWS), c)),
            "PageDown" => moved = Some(((r + PAGE_ROWS).min(last_r), c)),
            "Tab" => {
                e.prevent_default();
                let to = if shift {
                    (r, c.saturating_sub(1))
                } else {
                    (r, (c + 1).min(last_c))
                };
                go(to, false);
            }
            "Escape" => go((r, c), false),
            "a" | "A" if ctrl => {
                e.prevent_default();
                go((0, 0), false);
                go((last_r, last_c), true);
            }
            "d" | "D" if ctrl => {
                e.prevent_default();
                if let Some(cmd) = range::fill_down(state.workbook.table(), &order, range) {
                    state.dispatch(Action::Apply(cmd));
                }
            }
            "f" | "F" if ctrl => {
                e.prevent_default();
                find.set(Some((*find).clone().unwrap_or_default()));
                focus(&find_ref);
            }
            // Copy and paste arrive as their own events on the cursor input.
            _ if ctrl => {}
            "Enter" | "F2" => {
                e.prevent_default();
                let unit = state.workbook.table().columns.get(c).map(|x| x.unit);
                let text = order
                    .get(r)
                    .and_then(|row| state.workbook.table().cell(*row, c))
                    .zip(unit)
                    .map(|(cell, unit)| cell.edit_text(unit))
                    .unwrap_or_default();
                start_edit(text, (r, c));
            }
            "Delete" | "Backspace" => {
                e.prevent_default();
                state.dispatch(Action::Apply(range::clear(&order, range)));
            }
            key if key.chars().count() == 1 && !e.alt_key() => {
                e.prevent_default();
                start_edit(key.to_string(), (r, c));
            }
            _ => {}
        }
        if let Some(m) = moved {
            e.prevent_default();
            go(m, shift);
        }
    })
}
