//! Browser component tests (wasm-bindgen-test in headless Chromium).
//! Run: `make test-web`. Natively this crate is empty.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::ui::app::App;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn tick() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

/// Renders the app into a fresh container and waits for it.
async fn render_app() -> Element {
    // Each test starts from the default language choice.
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("kpi-sandbox.lang").unwrap();
    storage.remove_item("kpi-sandbox.autosave").unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    tick().await;
    root
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

#[wasm_bindgen_test]
async fn renders_the_demo_team_in_the_grid() {
    let root = render_app().await;
    let rows = root.query_selector_all("table.grid tbody tr").unwrap();
    assert_eq!(rows.length(), 30);
    let headers = root.query_selector_all("table.grid thead th").unwrap();
    assert_eq!(headers.length(), 20, "row-number column + 19 metrics");
    assert_eq!(text(&root, "#cell-0-0"), "小雨");
    // Numbers are right-aligned through the `num` class; text is not.
    assert!(root.query_selector("#cell-0-6.num").unwrap().is_some());
    assert!(root.query_selector("#cell-0-0.num").unwrap().is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn the_language_switch_retranslates_labels_and_values() {
    let root = render_app().await;
    click(&root, "button.lang-btn[lang='en']");
    tick().await;
    assert_eq!(text(&root, "h1"), "KPI Sandbox");
    assert_eq!(text(&root, "#cell-0-10"), "30.1 s");
    click(&root, "button.lang-btn[lang='zh-CN']");
    tick().await;
    assert_eq!(text(&root, "h1"), "客服绩效沙盘");
    assert_eq!(text(&root, "#cell-0-10"), "30.1秒");
    root.remove();
}

#[wasm_bindgen_test]
async fn double_click_opens_an_editor_with_the_raw_value() {
    let root = render_app().await;
    let cell = root.query_selector("#cell-0-6").unwrap().unwrap();
    let ev = web_sys::MouseEvent::new("dblclick").unwrap();
    cell.dispatch_event(&ev).unwrap();
    tick().await;
    let input = root
        .query_selector("#cell-0-6 input")
        .unwrap()
        .expect("editor opened")
        .dyn_into::<web_sys::HtmlInputElement>()
        .unwrap();
    assert_eq!(
        input.value(),
        "32.26%",
        "percent edited in points with its sign"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn clicking_a_header_sorts_without_changing_data() {
    let root = render_app().await;
    click(&root, "th:nth-child(8) button.sort"); // 客单价, column 7
    tick().await;
    let first: f64 = text(&root, "#cell-0-7")
        .trim_start_matches('¥')
        .replace(',', "")
        .parse()
        .unwrap();
    let second: f64 = text(&root, "#cell-1-7")
        .trim_start_matches('¥')
        .replace(',', "")
        .parse()
        .unwrap();
    assert!(
        first >= second,
        "descending on first click: {first} ≥ {second}"
    );
    assert_eq!(
        root.query_selector_all("table.grid tbody tr")
            .unwrap()
            .length(),
        30
    );
    root.remove();
}

#[wasm_bindgen_test]
fn the_crash_banner_is_filled_and_shown() {
    let doc = document();
    let banner = doc.create_element("div").unwrap();
    banner.set_id("crash");
    banner.set_attribute("hidden", "").unwrap();
    banner.set_inner_html(
        "<strong id='crash-title'></strong><p id='crash-body'></p><pre id='crash-detail'></pre><a id='crash-reload'></a>",
    );
    doc.body().unwrap().append_child(&banner).unwrap();
    kpi_sandbox::ui::show_crash_banner("index out of bounds");
    assert!(!banner.has_attribute("hidden"));
    assert_eq!(
        doc.get_element_by_id("crash-detail")
            .unwrap()
            .text_content()
            .unwrap(),
        "index out of bounds"
    );
    let title = doc
        .get_element_by_id("crash-title")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        title == "程序出错了" || title == "Something went wrong",
        "{title}"
    );
    banner.remove();
}

#[wasm_bindgen_test]
async fn the_qa_tab_sizes_the_demo_team() {
    let root = render_app().await;
    click(&root, "#tab-qa");
    tick().await;
    // 30 demo agents: ⌈30 × 10 ÷ 150⌉ = 2 by the ratio method.
    assert_eq!(text(&root, "[data-testid='qa-headcount-ratio']"), "2");
    assert!(
        root.query_selector("svg.chart path.line")
            .unwrap()
            .is_some(),
        "the curve is drawn"
    );
    assert_eq!(
        root.query_selector_all("[data-testid='qa-curve-table'] tbody tr")
            .unwrap()
            .length(),
        51
    );
    root.remove();
}
