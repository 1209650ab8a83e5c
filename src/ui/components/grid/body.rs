//! The grid's rows: cells with their state (invalid, missing, in the range,
//! active), the mouse (click, Shift+click, drag, double-click), and the
//! editor laid in the active cell while editing.

use super::header::error_title;
use super::{cell_id, focus, View};
use crate::i18n::Msg;
use crate::model::Cell;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The rows `lo..hi` of the view order.
pub(super) fn rows(v: &View, lo: usize, hi: usize) -> Html {
    let View {
        state,
        order,
        go,
        start_edit,
        editing,
        draft,
        input_ref,
        cursor_ref,
        dragging,
        commit,
        sel_row,
        sel_col,
        n_rows,
        n_cols,
        range,
        multi,
        lang,
    } = v.clone();
    let table = state.workbook.table();
    order.iter().enumerate().skip(lo).take(hi - lo).map(|(vr, &row)| {
        let cells = table.columns.iter().enumerate().map(|(ci, col)| {
            let cell = table.cell(row, ci).cloned().unwrap_or(Cell::Empty);
            let active = vr == sel_row && ci == sel_col;
            let in_range = range.contains(vr, ci);
            let onmousedown = {
                let go = go.clone();
                let cursor_ref = cursor_ref.clone();
                let dragging = dragging.clone();
                Callback::from(move |e: MouseEvent| {
                    if e.button() != 0 {
                        return;
                    }
                    // Keeps the focus on the cursor input and the text unselected.
                    e.prevent_default();
                    go((vr, ci), e.shift_key());
                    *dragging.borrow_mut() = true;
                    focus(&cursor_ref);
                })
            };
            let onmouseover = {
                let go = go.clone();
                let dragging = dragging.clone();
                Callback::from(move |e: MouseEvent| {
                    if *dragging.borrow() {
                        if e.buttons() & 1 == 1 {
                            go((vr, ci), true);
                        } else {
                            *dragging.borrow_mut() = false;
                        }
                    }
                })
            };
            let ondblclick = {
                let start_edit = start_edit.clone();
                let go = go.clone();
                let text = cell.edit_text(col.unit);
                Callback::from(move |_| {
                    go((vr, ci), false);
                    start_edit(text.clone(), (vr, ci));
                })
            };
            if active && *editing {
                let initial = draft.borrow().clone().unwrap_or_default();
                let oninput = {
                    let draft = draft.clone();
                    Callback::from(move |e: InputEvent| {
                        if let Some(t) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                            if let Some(d) = draft.borrow_mut().as_mut() {
                                *d = t.value();
                            }
                        }
                    })
                };
                let onkeydown = {
                    let commit = commit.clone();
                    let go = go.clone();
                    let editing = editing.clone();
                    let draft = draft.clone();
                    let cursor_ref = cursor_ref.clone();
                    Callback::from(move |e: KeyboardEvent| {
                        e.stop_propagation();
                        if e.is_composing() {
                            return;
                        }
                        // Focus goes back to the grid at once, before the editor
                        // is removed, so keys typed right after are not lost.
                        match e.key().as_str() {
                            "Enter" => {
                                e.prevent_default();
                                commit(vr, ci);
                                focus(&cursor_ref);
                                let down = if e.shift_key() { vr.saturating_sub(1) } else { (vr + 1).min(n_rows.saturating_sub(1)) };
                                go((down, ci), false);
                            }
                            "Tab" => {
                                e.prevent_default();
                                commit(vr, ci);
                                focus(&cursor_ref);
                                let next = if e.shift_key() { ci.saturating_sub(1) } else { (ci + 1).min(n_cols.saturating_sub(1)) };
                                go((vr, next), false);
                            }
                            "Escape" => {
                                e.prevent_default();
                                draft.borrow_mut().take();
                                focus(&cursor_ref);
                                editing.set(false);
                            }
                            _ => {}
                        }
                    })
                };
                let onblur = {
                    let commit = commit.clone();
                    Callback::from(move |_: FocusEvent| commit(vr, ci))
                };
                return html! {
                    <td class="editing" id={cell_id(vr, ci)} role="gridcell" aria-colindex={(ci + 2).to_string()} aria-selected="true">
                        <input ref={input_ref.clone()} type="text" value={initial}
                            aria-label={Msg::EditCell.t(lang)} {oninput} {onkeydown} {onblur} />
                    </td>
                };
            }
            let (class, title) = match &cell {
                Cell::Invalid { raw, problem } => (
                    "invalid",
                    Some(Msg::InvalidCellTitle.fill(lang, &[problem.fill(lang, std::slice::from_ref(raw))])),
                ),
                Cell::Empty => ("missing", Some(Msg::MissingValue.t(lang).to_string())),
                Cell::Number(_) => ("num", None),
                Cell::Text(_) => ("text", None),
                Cell::Bool(_) => ("bool", None),
                Cell::Error(kind) => (
                    "invalid",
                    Some(error_title(*kind, state.workbook.calc().issue(ci), lang)),
                ),
            };
            html! {
                <td id={cell_id(vr, ci)} role="gridcell" aria-colindex={(ci + 2).to_string()} aria-selected={in_range.to_string()}
                    class={classes!(class, col.unit.is_numeric().then_some("num"), active.then_some("sel"),
                        (in_range && multi).then_some("in-range"), (ci == 0).then_some("sticky-col"))}
                    {title} {onmousedown} {onmouseover} {ondblclick}>
                    { cell.display(col.unit, lang) }
                </td>
            }
        });
        html! {
            <tr key={row} role="row" aria-rowindex={(vr + 2).to_string()}>
                <th scope="row" role="rowheader" aria-colindex="1" class="rownum">{ vr + 1 }</th>
                { for cells }
            </tr>
        }
    })
    .collect::<Html>()
}
