//! Browser component tests (wasm-bindgen-test in headless Chromium).
//! Run: `make test-web`. Natively this crate is empty.
#![cfg(target_arch = "wasm32")]
