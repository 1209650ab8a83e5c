//! The spreadsheet-like grid over the team table.
//!
//! Keyboard: arrows, Home/End, PageUp/PageDown and Tab move; Enter or F2
//! edits; typing a character replaces the cell; Esc cancels; Enter/Tab in the
//! editor commits and moves; Delete clears. Clicking a header sorts (the sort
//! is a view order and never changes the data). Edits go through
//! `Command::SetCell`, so they are parsed by the same rules as imports and
//! are undoable.

use crate::i18n::{Lang, Msg};
use crate::model::formula::{ErrorKind, Issue};
use crate::model::{Cell, Column, Command, Direction, Unit};
use crate::ui::state::{Action, AppContext};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

/// Rows moved by PageUp/PageDown.
const PAGE_ROWS: usize = 20;

/// Row height in pixels (fixed by the stylesheet: `.grid tbody tr`), used to
/// window large tables.
const ROW_H: f64 = 28.0;
/// Tables up to this many rows render every row; larger ones render the
/// visible window plus `OVERSCAN` rows each side, so 10,000 agents stay fast.
const WINDOW_FROM: usize = 300;
const OVERSCAN: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq)]
struct Sort {
    col: usize,
    ascending: bool,
}

fn cell_id(row: usize, col: usize) -> String {
    format!("cell-{row}-{col}")
}

fn header_title(c: &Column, lang: Lang) -> String {
    let unit = match c.unit {
        Unit::Percent => Some(Msg::UnitPercent),
        Unit::Seconds => Some(Msg::UnitSeconds),
        Unit::Money => Some(Msg::UnitYuan),
        Unit::Days => Some(Msg::UnitDays),
        Unit::Points => Some(Msg::UnitPoints),
        Unit::Count => Some(Msg::UnitCount),
        _ => None,
    };
    let dir = match c.direction {
        Direction::Higher => Some(Msg::DirectionHigher),
        Direction::Lower => Some(Msg::DirectionLower),
        Direction::Neutral => None,
    };
    let mut parts = vec![c.name.clone()];
    if let Some(u) = unit {
        parts.push(u.t(lang).to_string());
    }
    if let Some(d) = dir {
        parts.push(d.t(lang).to_string());
    }
    if c.metric.is_none() {
        parts.push(Msg::CustomColumn.t(lang).to_string());
    }
    parts.join(" · ")
}

/// The tooltip of an error cell: what the error means, and the column's
/// formula problem when there is one.
pub fn error_title(kind: ErrorKind, issue: Option<&Issue>, lang: Lang) -> String {
    let what = match kind {
        ErrorKind::Div0 => Msg::FxExplainDiv0,
        ErrorKind::Value => Msg::FxExplainValue,
        ErrorKind::Name => Msg::FxExplainName,
        ErrorKind::NA => Msg::FxExplainNA,
        ErrorKind::Num => Msg::FxExplainNum,
        ErrorKind::Cycle => Msg::FxExplainCycle,
    };
    match issue {
        Some(i) => format!("{} {} — {}", kind.code(), what.t(lang), i.text(lang)),
        None => format!("{} {}", kind.code(), what.t(lang)),
    }
}

#[component]
pub fn Grid() -> Html {
    let state = use_context::<AppContext>();
    let sort = use_state(|| None::<Sort>);
    let sel = use_state(|| (0usize, 0usize));
    let editing = use_state(|| false);
    // The editor's text lives outside render state so committing twice (Enter
    // followed by the blur of the removed input) can only happen once.
    let draft: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    let wrap_ref = use_node_ref();
    let input_ref = use_node_ref();
    let was_editing = use_mut_ref(|| false);

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

    // Focus the editor when it opens; give focus back to the grid when it closes.
    {
        let input_ref = input_ref.clone();
        let wrap_ref = wrap_ref.clone();
        let was_editing = was_editing.clone();
        use_effect_with(*editing, move |editing| {
            if *editing {
                if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                    let len = input.value().encode_utf16().count() as u32;
                    let _ = input.set_selection_range(len, len);
                }
            } else if *was_editing.borrow() {
                if let Some(w) = wrap_ref.cast::<HtmlElement>() {
                    let _ = w.focus();
                }
            }
            *was_editing.borrow_mut() = *editing;
        });
    }
    // The first row of the rendered window (large tables only).
    let first = use_state(|| 0usize);
    let view_rows = use_state(|| 40usize);
    let top_spacer = use_node_ref();
    let bottom_spacer = use_node_ref();
    // Keep the selected cell in view: scroll the wrapper so its row is
    // visible (it may not be rendered yet), then the cell itself sideways.
    {
        let wrap_ref = wrap_ref.clone();
        use_effect_with(*sel, move |(r, c)| {
            if let Some(w) = wrap_ref.cast::<HtmlElement>() {
                let header = 34.0;
                let top = *r as f64 * ROW_H;
                let st = f64::from(w.scroll_top());
                let h = f64::from(w.client_height());
                if top < st {
                    w.set_scroll_top(top as i32);
                } else if top + ROW_H > st + h - header {
                    w.set_scroll_top((top + ROW_H - h + header) as i32);
                }
            }
            if let Some(el) = gloo::utils::document().get_element_by_id(&cell_id(*r, *c)) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                opts.set_inline(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        });
    }

    let Some(state) = state else {
        return Html::default();
    };
    let lang = state.lang;
    let table = state.workbook.table();
    let n_rows = order.len();
    let n_cols = table.columns.len();
    let (sel_row, sel_col) = (
        sel.0.min(n_rows.saturating_sub(1)),
        sel.1.min(n_cols.saturating_sub(1)),
    );

    // Commits the draft to the data row under view row `vr`.
    let commit = {
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

    let start_edit = {
        let draft = draft.clone();
        let editing = editing.clone();
        Rc::new(move |text: String| {
            *draft.borrow_mut() = Some(text);
            editing.set(true);
        })
    };

    let on_grid_keydown = {
        let sel = sel.clone();
        let state = state.clone();
        let order = order.clone();
        let start_edit = start_edit.clone();
        let editing = editing.clone();
        let draft = draft.clone();
        let input_ref = input_ref.clone();
        let commit = commit.clone();
        Callback::from(move |e: KeyboardEvent| {
            if n_rows == 0 || n_cols == 0 {
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
                        sel.set(next);
                    }
                    "Escape" => {
                        e.prevent_default();
                        draft.borrow_mut().take();
                        editing.set(false);
                    }
                    _ if key.chars().count() == 1
                        && !e.ctrl_key()
                        && !e.meta_key()
                        && !e.alt_key() =>
                    {
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
            let mut moved = None;
            match e.key().as_str() {
                "ArrowUp" => moved = Some((r.saturating_sub(1), c)),
                "ArrowDown" => moved = Some(((r + 1).min(last_r), c)),
                "ArrowLeft" => moved = Some((r, c.saturating_sub(1))),
                "ArrowRight" => moved = Some((r, (c + 1).min(last_c))),
                "Home" if e.ctrl_key() => moved = Some((0, 0)),
                "End" if e.ctrl_key() => moved = Some((last_r, last_c)),
                "Home" => moved = Some((r, 0)),
                "End" => moved = Some((r, last_c)),
                "PageUp" => moved = Some((r.saturating_sub(PAGE_ROWS), c)),
                "PageDown" => moved = Some(((r + PAGE_ROWS).min(last_r), c)),
                "Tab" if e.shift_key() => moved = Some((r, c.saturating_sub(1))),
                "Tab" => moved = Some((r, (c + 1).min(last_c))),
                "Enter" | "F2" => {
                    e.prevent_default();
                    let unit = state.workbook.table().columns.get(c).map(|x| x.unit);
                    let text = order
                        .get(r)
                        .and_then(|row| state.workbook.table().cell(*row, c))
                        .zip(unit)
                        .map(|(cell, unit)| cell.edit_text(unit))
                        .unwrap_or_default();
                    start_edit(text);
                }
                "Delete" | "Backspace" => {
                    e.prevent_default();
                    if let Some(row) = order.get(r).copied() {
                        state.dispatch(Action::Apply(Command::SetCell {
                            row,
                            col: c,
                            raw: String::new(),
                        }));
                    }
                }
                key if key.chars().count() == 1
                    && !e.ctrl_key()
                    && !e.meta_key()
                    && !e.alt_key() =>
                {
                    e.prevent_default();
                    start_edit(key.to_string());
                }
                _ => {}
            }
            if let Some(m) = moved {
                e.prevent_default();
                sel.set(m);
            }
        })
    };

    let headers = table.columns.iter().enumerate().map(|(ci, c)| {
        let sort_state = *sort;
        let aria_sort = match sort_state {
            Some(s) if s.col == ci && s.ascending => "ascending",
            Some(s) if s.col == ci => "descending",
            _ => "none",
        };
        let indicator = match aria_sort {
            "ascending" => "▲",
            "descending" => "▼",
            _ => "",
        };
        let onclick = {
            let sort = sort.clone();
            Callback::from(move |_| {
                // Numbers sort best-first on the first click: descending for
                // higher-is-better and neutral, ascending for lower-is-better.
                let next = match sort_state {
                    Some(s) if s.col == ci => Sort { col: ci, ascending: !s.ascending },
                    _ => Sort { col: ci, ascending: false },
                };
                sort.set(Some(next));
            })
        };
        let label = c.label(lang).to_string();
        let title = match (&c.formula, state.workbook.calc().issue(ci)) {
            (Some(f), Some(issue)) => format!("{} — {}", Msg::FormulaColumnTitle.fill(lang, std::slice::from_ref(f)), issue.text(lang)),
            (Some(f), None) => Msg::FormulaColumnTitle.fill(lang, std::slice::from_ref(f)),
            (None, _) => header_title(c, lang),
        };
        let is_formula = c.is_formula();
        let has_issue = state.workbook.calc().issue(ci).is_some();
        let dir = match c.direction {
            Direction::Higher => "↑",
            Direction::Lower => "↓",
            Direction::Neutral => "",
        };
        html! {
            <th scope="col" aria-sort={aria_sort} {title}
                class={classes!(c.unit.is_numeric().then_some("num"), (ci == 0).then_some("sticky-col"),
                    is_formula.then_some("formula"), has_issue.then_some("has-issue"))}>
                <button type="button" class="sort" {onclick}
                    aria-label={Msg::SortBy.fill(lang, std::slice::from_ref(&label))}>
                    if is_formula { <span class="fx-mark" aria-hidden="true">{ "ƒ" }</span> }
                    <span class="label">{ label }</span>
                    if !dir.is_empty() { <span class="dir" aria-hidden="true">{ dir }</span> }
                    <span class="ind" aria-hidden="true">{ indicator }</span>
                </button>
            </th>
        }
    });

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

    let body = order.iter().enumerate().skip(lo).take(hi - lo).map(|(vr, &row)| {
        let cells = table.columns.iter().enumerate().map(|(ci, col)| {
            let cell = table.cell(row, ci).cloned().unwrap_or(Cell::Empty);
            let selected = vr == sel_row && ci == sel_col;
            let onclick = {
                let sel = sel.clone();
                let wrap_ref = wrap_ref.clone();
                Callback::from(move |_| {
                    sel.set((vr, ci));
                    if let Some(w) = wrap_ref.cast::<HtmlElement>() {
                        let _ = w.focus();
                    }
                })
            };
            let ondblclick = {
                let sel = sel.clone();
                let start_edit = start_edit.clone();
                let text = cell.edit_text(col.unit);
                Callback::from(move |_| {
                    sel.set((vr, ci));
                    start_edit(text.clone());
                })
            };
            if selected && *editing {
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
                    let sel = sel.clone();
                    let editing = editing.clone();
                    let draft = draft.clone();
                    let wrap_ref = wrap_ref.clone();
                    // Focus goes back to the grid at once, before the editor is
                    // removed, so keys typed right after are not lost on <body>.
                    let refocus = move || {
                        if let Some(w) = wrap_ref.cast::<HtmlElement>() {
                            let _ = w.focus();
                        }
                    };
                    Callback::from(move |e: KeyboardEvent| {
                        e.stop_propagation();
                        match e.key().as_str() {
                            "Enter" => {
                                e.prevent_default();
                                commit(vr, ci);
                                refocus();
                                let down = if e.shift_key() { vr.saturating_sub(1) } else { (vr + 1).min(n_rows.saturating_sub(1)) };
                                sel.set((down, ci));
                            }
                            "Tab" => {
                                e.prevent_default();
                                commit(vr, ci);
                                refocus();
                                let next = if e.shift_key() { ci.saturating_sub(1) } else { (ci + 1).min(n_cols.saturating_sub(1)) };
                                sel.set((vr, next));
                            }
                            "Escape" => {
                                e.prevent_default();
                                draft.borrow_mut().take();
                                refocus();
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
                    <td class="editing" id={cell_id(vr, ci)} role="gridcell" aria-selected="true">
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
                <td id={cell_id(vr, ci)} role="gridcell" aria-selected={selected.to_string()}
                    class={classes!(class, col.unit.is_numeric().then_some("num"), selected.then_some("sel"), (ci == 0).then_some("sticky-col"))}
                    {title} {onclick} {ondblclick}>
                    { cell.display(col.unit, lang) }
                </td>
            }
        });
        html! {
            <tr key={row}>
                <th scope="row" class="rownum">{ vr + 1 }</th>
                { for cells }
            </tr>
        }
    });

    html! {
        <>
        <super::formula_bar::ColumnBar col={sel_col} row={order.get(sel_row).copied()} />
        <div class="grid-wrap" ref={wrap_ref.clone()} tabindex="0" onkeydown={on_grid_keydown} {onscroll}
            role="region" aria-label={Msg::GridLabel.t(lang)}>
            <table class="grid" role="grid" aria-rowcount={(n_rows + 1).to_string()}
                aria-colcount={(n_cols + 1).to_string()} aria-label={Msg::GridLabel.t(lang)}>
                <thead>
                    <tr>
                        <th scope="col" class="rownum corner">{ Msg::RowNumber.t(lang) }</th>
                        { for headers }
                    </tr>
                </thead>
                <tbody>
                    if windowed { <tr class="spacer" ref={top_spacer.clone()} aria-hidden="true"><td colspan={(n_cols + 1).to_string()}></td></tr> }
                    { for body }
                    if windowed { <tr class="spacer" ref={bottom_spacer.clone()} aria-hidden="true"><td colspan={(n_cols + 1).to_string()}></td></tr> }
                </tbody>
            </table>
        </div>
        </>
    }
}
