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

use crate::i18n::{Lang, Msg};
use crate::io::clipboard;
use crate::model::formula::{ErrorKind, Issue};
use crate::model::range::{self, Range};
use crate::model::{Cell, Column, Command, Direction, Unit};
use crate::ui::state::{Action, AppContext, Notice};
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
        Unit::Count => Some(super::fields::count_unit(c.metric)),
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

/// Puts the grid's keyboard input (the focused element) back.
fn focus(r: &NodeRef) {
    if let Some(i) = r.cast::<HtmlElement>() {
        let _ = i.focus();
    }
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
    type ImeEnd = Option<Rc<dyn Fn(String)>>;
    let ime_end: Rc<RefCell<ImeEnd>> = use_mut_ref(|| None);
    {
        let cursor_ref = cursor_ref.clone();
        let composing = composing.setter();
        let ime_end = ime_end.clone();
        use_effect_with((), move |_| {
            let mut listeners = Vec::new();
            if let Some(el) = cursor_ref.cast::<HtmlElement>() {
                let c = composing.clone();
                listeners.push(gloo::events::EventListener::new(
                    &el,
                    "compositionstart",
                    move |_| c.set(true),
                ));
                listeners.push(gloo::events::EventListener::new(
                    &el,
                    "compositionend",
                    move |e| {
                        composing.set(false);
                        let text = e
                            .dyn_ref::<web_sys::CompositionEvent>()
                            .and_then(|e| e.data())
                            .unwrap_or_default();
                        if let Some(t) = e
                            .target()
                            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                        {
                            t.set_value("");
                        }
                        let handler = ime_end.borrow().clone();
                        if let Some(h) = handler {
                            h(text);
                        }
                    },
                ));
            }
            move || drop(listeners)
        });
    }

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
        let cursor_ref = cursor_ref.clone();
        let was_editing = was_editing.clone();
        use_effect_with(*editing, move |editing| {
            if *editing {
                if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                    let len = input.value().encode_utf16().count() as u32;
                    let _ = input.set_selection_range(len, len);
                }
            } else if *was_editing.borrow() {
                focus(&cursor_ref);
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
    // visible (it may not be rendered yet), then the cell itself sideways;
    // then lay the cursor input over the cell (an IME shows its text there).
    {
        let wrap_ref = wrap_ref.clone();
        let cursor_ref = cursor_ref.clone();
        use_effect_with((*sel, revision), move |((r, c), _)| {
            let (r, c) = (*r, *c);
            if let Some(w) = wrap_ref.cast::<HtmlElement>() {
                let header = 34.0;
                let top = r as f64 * ROW_H;
                let st = f64::from(w.scroll_top());
                let h = f64::from(w.client_height());
                if top < st {
                    w.set_scroll_top(top as i32);
                } else if top + ROW_H > st + h - header {
                    w.set_scroll_top((top + ROW_H - h + header) as i32);
                }
            }
            if let Some(el) = gloo::utils::document().get_element_by_id(&cell_id(r, c)) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                opts.set_inline(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
                if let (Some(w), Some(i)) = (
                    wrap_ref.cast::<HtmlElement>(),
                    cursor_ref.cast::<HtmlElement>(),
                ) {
                    let (cr, wr) = (el.get_bounding_client_rect(), w.get_bounding_client_rect());
                    let st = i.style();
                    let top = cr.top() - wr.top() + f64::from(w.scroll_top());
                    let left = cr.left() - wr.left() + f64::from(w.scroll_left());
                    let _ = st.set_property("top", &format!("{top}px"));
                    let _ = st.set_property("left", &format!("{left}px"));
                    let _ = st.set_property("width", &format!("{}px", cr.width()));
                    let _ = st.set_property("height", &format!("{}px", cr.height()));
                }
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
    let clamp = |p: (usize, usize)| {
        (
            p.0.min(n_rows.saturating_sub(1)),
            p.1.min(n_cols.saturating_sub(1)),
        )
    };
    let (sel_row, sel_col) = clamp(*sel);
    let range = Range::span(clamp(*anchor), (sel_row, sel_col));
    let multi = range.cells() > 1;

    // Moves the active cell; `extend` keeps the anchor (a range grows).
    let go = {
        let sel = sel.clone();
        let anchor = anchor.clone();
        Rc::new(move |to: (usize, usize), extend: bool| {
            sel.set(to);
            if !extend {
                anchor.set(to);
            }
        })
    };

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
        let anchor = anchor.clone();
        Rc::new(move |text: String, at: (usize, usize)| {
            *draft.borrow_mut() = Some(text);
            anchor.set(at);
            editing.set(true);
        })
    };

    let notify = {
        let state = state.clone();
        move |msg: Msg, args: Vec<String>, error: bool| {
            state.dispatch(Action::Notify(Notice { msg, args, error }));
        }
    };

    let on_grid_keydown = {
        let go = go.clone();
        let state = state.clone();
        let order = order.clone();
        let start_edit = start_edit.clone();
        let editing = editing.clone();
        let draft = draft.clone();
        let input_ref = input_ref.clone();
        let commit = commit.clone();
        let find = find.clone();
        let find_ref = find_ref.clone();
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
    };

    // Ctrl+C: the range as TSV (Excel and WPS paste it into cells).
    let oncopy = {
        let state = state.clone();
        let order = order.clone();
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
    };

    // Ctrl+V: values into the grid from the range's corner, one undo step;
    // one copied cell fills the whole range (as in Excel).
    let onpaste = {
        let state = state.clone();
        let order = order.clone();
        let go = go.clone();
        let notify = notify.clone();
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
    };

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
            <th scope="col" role="columnheader" aria-colindex={(ci + 2).to_string()} aria-sort={aria_sort} {title} id={format!("colhead-{ci}")}
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
    });

    // Find: Enter goes to the next hit after the active cell, Shift+Enter back.
    let on_find_keydown = {
        let state = state.clone();
        let order = order.clone();
        let find = find.clone();
        let find_status = find_status.clone();
        let go = go.clone();
        let cursor_ref = cursor_ref.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                let q = (*find).clone().unwrap_or_default();
                let hits = range::find(state.workbook.table(), &order, &q, lang);
                let here = (sel_row, sel_col);
                let at = if e.shift_key() {
                    hits.iter()
                        .rposition(|h| *h < here)
                        .unwrap_or(hits.len().saturating_sub(1))
                } else {
                    hits.iter().position(|h| *h > here).unwrap_or(0)
                };
                match hits.get(at) {
                    Some(h) => {
                        go(*h, false);
                        find_status.set(
                            Msg::FindHits
                                .fill(lang, &[(at + 1).to_string(), hits.len().to_string()]),
                        );
                    }
                    None => find_status.set(Msg::FindNone.fill(lang, &[q])),
                }
            }
            "Escape" => {
                e.prevent_default();
                find.set(None);
                find_status.set(String::new());
                focus(&cursor_ref);
            }
            _ => {}
        })
    };
    let on_find_input = {
        let find = find.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                find.set(Some(t.value()));
            }
        })
    };
    let on_find_close = {
        let find = find.clone();
        let find_status = find_status.clone();
        let cursor_ref = cursor_ref.clone();
        Callback::from(move |_| {
            find.set(None);
            find_status.set(String::new());
            focus(&cursor_ref);
        })
    };
    let find_bar = find.as_ref().map(|q| html! {
        <div class="find-bar" role="search">
            <label for="grid-find">{ Msg::FindLabel.t(lang) }</label>
            <input id="grid-find" type="search" ref={find_ref.clone()} value={q.clone()}
                placeholder={Msg::FindPlaceholder.t(lang)} onkeydown={on_find_keydown} oninput={on_find_input} />
            <span class="muted" data-testid="find-status" aria-live="polite">{ (*find_status).clone() }</span>
            <button type="button" class="link" onclick={on_find_close} aria-label={Msg::FindClose.t(lang)}>{ "×" }</button>
        </div>
    });
    // Focus the find field when the bar opens.
    {
        let find_ref = find_ref.clone();
        use_effect_with(find.is_some(), move |open| {
            if *open {
                focus(&find_ref);
            }
        });
    }

    // Excel's status bar: average, count and sum of the range.
    // (The bar and the find slot are always rendered, so the grid between
    // them keeps its place in the DOM and its focus.)
    let status = multi.then(|| {
        let s = range::stats(table, &order, range);
        html! {
            <>
                if let Some(avg) = s.average() { <span>{ Msg::StatusAverage.fill(lang, &[s.show(avg, lang)]) }</span> }
                <span>{ Msg::StatusCount.fill(lang, &[s.count.to_string()]) }</span>
                if s.numbers > 0 { <span>{ Msg::StatusSum.fill(lang, &[s.show(s.sum, lang)]) }</span> }
            </>
        }
    });

    let onmouseup = {
        let dragging = dragging.clone();
        Callback::from(move |_: MouseEvent| *dragging.borrow_mut() = false)
    };
    let active_id = (n_rows > 0 && n_cols > 0 && !*editing).then(|| cell_id(sel_row, sel_col));

    html! {
        <>
        <super::formula_bar::ColumnBar col={sel_col} row={order.get(sel_row).copied()} />
        <div class="find-slot">{ for find_bar }</div>
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
                        { for headers }
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    if windowed { <tr class="spacer" ref={top_spacer.clone()} aria-hidden="true"><td colspan={(n_cols + 1).to_string()}></td></tr> }
                    { for body }
                    if windowed { <tr class="spacer" ref={bottom_spacer.clone()} aria-hidden="true"><td colspan={(n_cols + 1).to_string()}></td></tr> }
                </tbody>
            </table>
        </div>
        <div class="grid-status" data-testid="grid-status" aria-live="polite">{ for status }</div>
        </>
    }
}
