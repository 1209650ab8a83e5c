//! Writes the version-3 saved-file and share-link fixtures in
//! `tests/fixtures/saved/` from the literal workbook of
//! `scripts/saved_v3_data.rs`. Run by `scripts/gen_saved_v3.sh` on a
//! checkout of commit 0e5aaf7 (the code that wrote version 3 through the
//! model's own serde derives). The fixtures are frozen: later versions must
//! keep opening them unchanged (`tests/saved_compat.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../scripts/saved_v3_data.rs"]
mod data;

use kpi_sandbox::io::scenario::to_json;
use kpi_sandbox::io::share::{encode, Scope};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: gen_saved_v3 OUT_DIR");
    let s = data::snapshot();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(format!("{dir}/workbook_v3.json"), to_json(&s) + "\n").unwrap();
    std::fs::write(
        format!("{dir}/share_v3_everything.txt"),
        encode(&s, Scope::Everything) + "\n",
    )
    .unwrap();
    std::fs::write(
        format!("{dir}/share_v3_plans.txt"),
        encode(&s, Scope::PlansOnly) + "\n",
    )
    .unwrap();
    println!("wrote {dir}/workbook_v3.json, share_v3_everything.txt, share_v3_plans.txt");
}
