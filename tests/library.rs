//! The workbook library's index: names, overwrite, rename, remove, limits.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::Msg;
use kpi_sandbox::io::demo::demo_table;
use kpi_sandbox::io::library::*;
use kpi_sandbox::model::Workbook;

#[test]
fn save_rename_overwrite_and_remove() {
    let s = Workbook::with_plans(demo_table(), "2026-11", Vec::new()).snapshot();
    let mut lib = Library::default();
    let a = lib.save("  十一月  ", &s, 1000.0, false).unwrap();
    let e = &lib.entries[0];
    assert_eq!(
        (
            e.name.as_str(),
            e.month.as_str(),
            e.months,
            e.agents,
            e.plans
        ),
        ("十一月", "2026-11", 1, 30, 0)
    );
    assert_eq!(
        lib.save("十一月", &s, 2000.0, false),
        Err(Msg::LibErrNameTaken)
    );
    assert_eq!(
        lib.save("十一月", &s, 2000.0, true),
        Ok(a),
        "overwrite keeps the id"
    );
    assert_eq!(lib.entries[0].saved_at, 2000.0);
    assert_eq!(lib.save("   ", &s, 1.0, false), Err(Msg::LibErrNameEmpty));
    let b = lib.save("草稿", &s, 3000.0, false).unwrap();
    assert_ne!(a, b);
    assert_eq!(lib.rename(b, "十一月"), Err(Msg::LibErrNameTaken));
    assert_eq!(lib.rename(b, ""), Err(Msg::LibErrNameEmpty));
    assert_eq!(lib.rename(99, "x"), Err(Msg::LibErrMissing));
    lib.rename(b, "定稿").unwrap();
    // The index survives storage, ids are never reused after a removal.
    let mut back = Library::parse(Some(&lib.to_json()));
    assert_eq!(back, lib);
    assert!(back.remove(a));
    assert!(!back.remove(a));
    let c = back.save("新", &s, 4000.0, false).unwrap();
    assert!(c != a && c != b);
    // A long name is cut to 60 characters.
    let long = "名".repeat(80);
    let d = back.save(&long, &s, 5000.0, false).unwrap();
    assert_eq!(
        back.entries
            .iter()
            .find(|e| e.id == d)
            .unwrap()
            .name
            .chars()
            .count(),
        MAX_NAME
    );
    assert_eq!(entry_key(7), "kpi-sandbox.library.7");
}

#[test]
fn the_library_has_limits_and_survives_damage() {
    let s = Workbook::new(demo_table()).snapshot();
    let mut lib = Library::default();
    for i in 0..MAX_ENTRIES {
        lib.save(&format!("w{i}"), &s, 0.0, false).unwrap();
    }
    assert_eq!(lib.save("one more", &s, 0.0, false), Err(Msg::LibErrFull));
    assert!(
        lib.save("w3", &s, 1.0, true).is_ok(),
        "overwriting still works when full"
    );
    assert_eq!(Library::parse(Some("{broken")), Library::default());
    assert_eq!(Library::parse(None), Library::default());
}
