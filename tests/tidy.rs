//! House rules checked on the source tree.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Returns the offending lines of `src` that name a browser crate.
fn browser_imports(src: &str) -> Vec<String> {
    const CRATES: &[&str] = &["yew", "web_sys", "gloo", "js_sys", "wasm_bindgen"];
    src.lines()
        .filter(|l| {
            let t = l.trim_start();
            !t.starts_with("//")
                && CRATES.iter().any(|c| {
                    t.starts_with(&format!("use {c}"))
                        || t.starts_with(&format!("extern crate {c}"))
                        || t.contains(&format!("{c}::"))
                })
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn core_is_headless() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/model"), &mut files);
    rust_files(&root.join("src/io"), &mut files);
    files.push(root.join("src/i18n.rs"));
    assert!(
        files.len() >= 8,
        "expected the core's files, found {files:?}"
    );
    let mut bad = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        for l in browser_imports(&src) {
            bad.push(format!("{}: {l}", f.display()));
        }
    }
    assert!(
        bad.is_empty(),
        "browser crates in the headless core:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_checker_catches_each_forbidden_form() {
    for line in [
        "use yew::prelude::*;",
        "use web_sys::Window;",
        "    let w = gloo::utils::window();",
        "use js_sys::Date;",
        "use wasm_bindgen::prelude::*;",
        "extern crate yew;",
    ] {
        assert_eq!(browser_imports(line).len(), 1, "{line}");
    }
    assert!(browser_imports("// yew::Html is only used in ui").is_empty());
    assert!(browser_imports("use serde::Serialize;").is_empty());
}

#[test]
fn ui_is_only_compiled_for_the_browser() {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    assert!(lib.contains("#[cfg(target_arch = \"wasm32\")]\npub mod ui;"));
}
