//! The grid's effects: IME listeners on the cursor input, focus moving
//! between the editor and the grid, and keeping the active cell in view
//! with the cursor input laid over it.

use super::{cell_id, focus, ROW_H};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

/// What a finished IME composition calls (the latest render's handler).
pub(super) type ImeEnd = Option<Rc<dyn Fn(String)>>;

/// Yew has no composition listeners: they are attached once to the cursor
/// input, and call the latest render's handler through `ime_end`.
#[hook]
pub(super) fn use_ime(
    cursor_ref: NodeRef,
    composing: UseStateSetter<bool>,
    ime_end: Rc<RefCell<ImeEnd>>,
) {
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

/// Focuses the editor when it opens; gives focus back to the grid when it closes.
#[hook]
pub(super) fn use_edit_focus(
    editing: bool,
    input_ref: NodeRef,
    cursor_ref: NodeRef,
    was_editing: Rc<RefCell<bool>>,
) {
    let was_editing = was_editing.clone();
    use_effect_with(editing, move |editing| {
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

/// Keeps the selected cell in view: scrolls the wrapper so its row is
/// visible (it may not be rendered yet), then the cell itself sideways; then
/// lays the cursor input over the cell (an IME shows its text there).
#[hook]
pub(super) fn use_keep_in_view(
    sel: (usize, usize),
    revision: u64,
    wrap_ref: NodeRef,
    cursor_ref: NodeRef,
) {
    use_effect_with((sel, revision), move |((r, c), _)| {
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
