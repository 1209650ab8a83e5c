//! Entry point: renders the Yew app in the browser. Natively there is no UI;
//! the library is exercised by `cargo test` and `cargo bench`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    kpi_sandbox::ui::start();
}
