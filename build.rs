//! Build script: one linker flag for the page's split build (#16 size).
//!
//! With the `split` feature, the page binary keeps the linker's relocations
//! (`--emit-relocs`): wasm-split-cli needs them to move each workspace's code
//! into its own chunk (scripts/split.mjs), and wasm-bindgen drops them from
//! what is served. Only the page binary gets the flag: the Web Worker and the
//! tests link as before (relocations left in a binary would reach dist/).
fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    if wasm && split {
        println!("cargo::rustc-link-arg-bin=kpi-sandbox=--emit-relocs");
    }
}
