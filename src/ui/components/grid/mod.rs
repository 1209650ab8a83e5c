//! The spreadsheet-like grid over the team table.
//!
//! Keyboard: arrows, Home/End, PageUp/PageDown and Tab move; Shift with a
//! move, Shift+click or a mouse drag selects a range; Ctrl+A selects all;
//! Enter or F2 edits; typing a character replaces the cell; Esc cancels;
//! Enter/Tab in the editor commits and moves; Delete clears the range;
//! Ctrl+D fills down; Ctrl+C copies the range as TSV and Ctrl+V pastes values
//! into it (one undo step); Ctrl+F finds an agent or a value. The range's
//! average, count and sum show below, as in Excel's status bar. Clicking a
//! header sorts (the sort is a view order and never changes the data).
//!
//! A click on a cell (or the end of an edit) puts the focus on one text
//! input laid over the active cell (the "cursor"): it takes keys, copy,
//! paste into the range, and IME compositions (Chinese typed
//! straight into a cell is composed there, then opens the editor with the
//! committed text); `aria-activedescendant` names the active cell, the
//! table follows the WAI-ARIA grid pattern (row and column indexes on
//! windowed rows). While the grid's frame itself has the focus (tabbing
//! in), keys work the same and a paste still imports (the workspace-wide
//! paste of `import.rs`). Edits go through `Command::SetCell`/`SetRange`, so they
//! are parsed by the same rules as imports and are undoable.
//!
//! Files by seam: `header.rs` (column headers, sorting, error tooltips),
//! `body.rs` (rows, cells, the mouse, the editor), `keys.rs` (the keyboard),
//! `clip.rs` (copy and paste), `bars.rs` (find and the status bar),
//! `hooks.rs` (IME listeners, focus, keeping the cell in view); this file
//! holds the state, the windowing of large tables and the layout.

mod bars;
mod body;
mod clip;
mod header;
mod hooks;
mod keys;

use crate::i18n::{Lang, Msg};
use crate::model::range::Range;
use crate::model::Command;
use crate::ui::state::{Action, AppContext};
use header::Sort;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

/// Row height in pixels (fixed by the stylesheet: `.grid tbody tr`), used to
/// window large tables.
const ROW_H: f64 = 28.0;
/// Tables up to this many rows render every row; larger ones render the
/// visible window plus `OVERSCAN` rows each side, so 10,000 agents stay fast.
const WINDOW_FROM: usize = 300;
const OVERSCAN: usize = 20;

fn cell_id(row: usize, col: usize) -> String {
    format!("cell-{row}-{col}")
}

/// Puts the grid's keyboard input (the focused element) back.
fn focus(r: &NodeRef) {
    if let Some(i) = r.cast::<HtmlElement>() {
        let _ = i.focus();
    }
}

/// Moves the active cell; `extend` keeps the anchor (a range grows).
type Go = Rc<dyn Fn((usize, usize), bool)>;

/// What the handlers of one render share.
#[derive(Clone)]
struct View {
    state: AppContext,
    order: Rc<Vec<usize>>,
    go: Go,
    /// Opens the editor on a cell with a text.
    start_edit: Rc<dyn Fn(String, (usize, usize))>,
    editing: UseStateHandle<bool>,
    draft: Rc<RefCell<Option<String>>>,
    input_ref: NodeRef,
    cursor_ref: NodeRef,
    dragging: Rc<RefCell<bool>>,
    /// Commits the draft to the data row under view row `vr`, column `col`.
    commit: Rc<dyn Fn(usize, usize)>,
    sel_row: usize,
    sel_col: usize,
    n_rows: usize,
    n_cols: usize,
    range: Range,
    multi: bool,
    lang: Lang,
}

#[component]
pub fn Grid() -> Html {
    let state = use_context::<AppContext>();
    let sort = use_state(|| None::<Sort>);
    // The active cell and the other corner of the selected range (view rows).
    let sel = use_state(|| (0usize, 0usize));
    let anchor = use_state(|| (0usize, 0usize));
    let editing = use_state(|| false);
    let composing = use_state(|| false);
    // A mouse drag selecting a range is under way.
    let dragging = use_mut_ref(|| false);
    // Find (Ctrl+F): the query while the bar is open, and what it found.
    let find = use_state(|| None::<String>);
    let find_status = use_state(String::new);
    let find_ref = use_node_ref();
    // The editor's text lives outside render state so committing twice (Enter
    // followed by the blur of the removed input) can only happen once.
    let draft: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    let wrap_ref = use_node_ref();
    let input_ref = use_node_ref();
    // The focused element of the grid: an input that takes keys, IME
    // compositions, copy and paste, with aria-activedescendant on the cell.
    let cursor_ref = use_node_ref();
    let was_editing = use_mut_ref(|| false);
    let ime_end: Rc<RefCell<hooks::ImeEnd>> = use_mut_ref(|| None);
    hooks::use_ime(cursor_ref.clone(), composing.setter(), ime_end.clone());

    let revision = state.as_ref().map(|s| s.revision).unwrap_or(0);
    let order = {
        let state = state.clone();
        use_memo((revision, *sort), move |(_, sort)| {
            let Some(state) = state else {
                return Vec::new();
            };
            let table = state.workbook.table();
            match sort {
                Some(s) => table.sorted_order(s.col, s.ascending),
                None => (0..table.len()).collect(),
            }
        })
    };

    hooks::use_edit_focus(
        *editing,
        input_ref.clone(),
        cursor_ref.clone(),
        was_editing.clone(),
    );
    // The first row of the rendered window (large tables only).
    let first = use_state(|| 0usize);
    let view_rows = use_state(|| 40usize);
    let top_spacer = use_node_ref();
    let bottom_spacer = use_node_ref();
    hooks::use_keep_in_view(*sel, revision, wrap_ref.clone(), cursor_ref.clone());

    let Some(state) = state else {
        return Html::default();
    };
    let lang = state.lang;
    let table = state.workbook.table();
    let n_rows = order.len();
    let n_cols = table.columns.len();
    let clamp = |p: (usize, usize)| {
        (
            p.0.min(n_rows.saturating_sub(1)),
            p.1.min(n_cols.saturating_sub(1)),
        )
    };
    let (sel_row, sel_col) = clamp(*sel);
    let range = Range::span(clamp(*anchor), (sel_row, sel_col));
    let multi = range.cells() > 1;

    let go: Go = {
        let sel = sel.clone();
        let anchor = anchor.clone();
        Rc::new(move |to: (usize, usize), extend: bool| {
            sel.set(to);
            if !extend {
                anchor.set(to);
            }
        })
    };

    let commit: Rc<dyn Fn(usize, usize)> = {
        let state = state.clone();
        let order = order.clone();
        let draft = draft.clone();
        let editing = editing.clone();
        Rc::new(move |vr: usize, col: usize| {
            let text = draft.borrow_mut().take();
            editing.set(false);
            if let (Some(raw), Some(row)) = (text, order.get(vr).copied()) {
                state.dispatch(Action::Apply(Command::SetCell { row, col, raw }));
            }
        })
    };

    let start_edit: Rc<dyn Fn(String, (usize, usize))> = {
        let draft = draft.clone();
        let editing = editing.clone();
        let anchor = anchor.clone();
        Rc::new(move |text: String, at: (usize, usize)| {
            *draft.borrow_mut() = Some(text);
            anchor.set(at);
            editing.set(true);
        })
    };

    let v = View {
        state: state.clone(),
        order: order.clone(),
        go: go.clone(),
        start_edit: start_edit.clone(),
        editing: editing.clone(),
        draft: draft.clone(),
        input_ref: input_ref.clone(),
        cursor_ref: cursor_ref.clone(),
        dragging: dragging.clone(),
        commit,
        sel_row,
        sel_col,
        n_rows,
        n_cols,
        range,
        multi,
        lang,
    };
    let on_grid_keydown = keys::on_keydown(&v, find.clone(), find_ref.clone());
    let oncopy = clip::on_copy(&v);
    let onpaste = clip::on_paste(&v);

    // An IME composes in the cursor input; what it commits opens the editor.
    // (Yew has no composition listeners: they are attached once, and call
    // the latest render's handler.)
    // Text that arrives while an edit is opening (fast typing or dictation
    // outruns rendering) is added to the draft, never replaces it.
    let type_in = {
        let start_edit = start_edit.clone();
        let draft = draft.clone();
        let input_ref = input_ref.clone();
        Rc::new(move |text: String| {
            if text.is_empty() || n_rows == 0 {
                return;
            }
            let mut d = draft.borrow_mut();
            match d.as_mut() {
                Some(d) => {
                    d.push_str(&text);
                    if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                        input.set_value(d);
                        let _ = input.focus();
                    }
                }
                None => {
                    drop(d);
                    start_edit(text, (sel_row, sel_col));
                }
            }
        })
    };
    {
        let type_in = type_in.clone();
        *ime_end.borrow_mut() = Some(Rc::new(move |text: String| type_in(text)));
    }
    // Text that reached the cursor input without a key (dictation, an IME
    // that does not compose): the same as typing it.
    let oncursorinput = {
        let type_in = type_in.clone();
        let composing = composing.clone();
        Callback::from(move |e: InputEvent| {
            if *composing || e.is_composing() {
                return;
            }
            if let Some(t) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                let v = t.value();
                t.set_value("");
                type_in(v);
            }
        })
    };

    let headers = header::headers(&state, &sort, lang);

    // Rows to render: all of a small table, the visible window of a large one.
    let windowed = n_rows > WINDOW_FROM;
    let (lo, hi) = if windowed {
        let lo = first.saturating_sub(OVERSCAN).min(n_rows);
        (
            lo,
            (first.saturating_add(*view_rows + OVERSCAN)).min(n_rows),
        )
    } else {
        (0, n_rows)
    };
    {
        // Spacer heights go through the CSSOM: the CSP forbids style attributes.
        let (top, bottom) = (top_spacer.clone(), bottom_spacer.clone());
        let heights = (lo as f64 * ROW_H, (n_rows - hi) as f64 * ROW_H);
        use_effect_with((heights.0.to_bits(), heights.1.to_bits()), move |_| {
            for (r, h) in [(top, heights.0), (bottom, heights.1)] {
                if let Some(el) = r.cast::<HtmlElement>() {
                    let _ = el.style().set_property("height", &format!("{h}px"));
                }
            }
        });
    }
    let onscroll = {
        let first = first.clone();
        let view_rows = view_rows.clone();
        Callback::from(move |e: Event| {
            if !windowed {
                return;
            }
            if let Some(w) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
                let f = (f64::from(w.scroll_top()) / ROW_H).floor() as usize;
                let v = (f64::from(w.client_height()) / ROW_H).ceil() as usize + 1;
                // Re-render only when the window moves by a few rows.
                if f.abs_diff(*first) >= OVERSCAN / 2 || v != *view_rows {
                    first.set(f);
                    view_rows.set(v);
                }
            }
        })
    };

    let body = body::rows(&v, lo, hi);
    let find_bar = bars::find_bar(&v, &find, &find_status, &find_ref);
    // Focus the find field when the bar opens.
    {
        let find_ref = find_ref.clone();
        use_effect_with(find.is_some(), move |open| {
            if *open {
                focus(&find_ref);
            }
        });
    }
    // (The status bar and the find slot are always rendered, so the grid
    // between them keeps its place in the DOM and its focus.)
    let status = bars::status(&v);

    let onmouseup = {
        let dragging = dragging.clone();
        Callback::from(move |_: MouseEvent| *dragging.borrow_mut() = false)
    };
    let active_id = (n_rows > 0 && n_cols > 0 && !*editing).then(|| cell_id(sel_row, sel_col));

    html! {
        <>
        <super::formula_bar::ColumnBar col={sel_col} row={order.get(sel_row).copied()} />
        <div class="find-slot">{ find_bar }</div>
        <div class="grid-wrap" ref={wrap_ref.clone()} tabindex="0" onkeydown={on_grid_keydown} {onscroll}
            {onmouseup} {oncopy} role="region" aria-label={Msg::GridLabel.t(lang)}>
            <input type="text" class={classes!("grid-cursor", composing.then_some("composing"))} ref={cursor_ref.clone()}
                data-testid="grid-cursor" tabindex="-1" aria-label={Msg::GridCursorLabel.t(lang)} aria-controls="team-grid"
                aria-activedescendant={active_id} autocomplete="off" spellcheck="false"
                {onpaste} oninput={oncursorinput} />
            <table class="grid" id="team-grid" role="grid" aria-multiselectable="true" aria-rowcount={(n_rows + 1).to_string()}
                aria-colcount={(n_cols + 1).to_string()} aria-label={Msg::GridLabel.t(lang)}>
                <thead role="rowgroup">
                    <tr role="row" aria-rowindex="1">
                        <th scope="col" role="columnheader" aria-colindex="1" class="rownum corner">{ Msg::RowNumber.t(lang) }</th>
                        { headers }
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    if windowed { <tr class="spacer" ref={top_spacer.clone()} aria-hidden="true"><td colspan={(n_cols + 1).to_string()}></td></tr> }
                    { body }
                    if windowed { <tr class="spacer" ref={bottom_spacer.clone()} aria-hidden="true"><td colspan={(n_cols + 1).to_string()}></td></tr> }
                </tbody>
            </table>
        </div>
        <div class="grid-status" data-testid="grid-status" aria-live="polite">{ status }</div>
        </>
    }
}
