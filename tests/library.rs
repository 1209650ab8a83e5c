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

// ---- the whole library as one file (#20 storage) ----

fn workbook(month: &str) -> String {
    kpi_sandbox::io::scenario::to_json(
        &Workbook::with_plans(demo_table(), month, Vec::new()).snapshot(),
    )
}

/// A library holding `names` (each with the workbook of `months[i]`) and its data by id.
fn library_of(names: &[(&str, &str)]) -> (Library, Vec<(u64, String)>) {
    let mut lib = Library::default();
    let mut data = Vec::new();
    for (i, (name, month)) in names.iter().enumerate() {
        let json = workbook(month);
        let s = kpi_sandbox::io::scenario::from_json(&json).unwrap();
        let id = lib
            .save(name, &s, 1000.0 * (i as f64 + 1.0), false)
            .unwrap();
        data.push((id, json));
    }
    (lib, data)
}

#[test]
fn export_then_import_into_an_empty_library_keeps_everything() {
    let (lib, data) = library_of(&[("十一月定稿", "2026-11"), ("十月", "2026-10")]);
    let out = export_file(&lib, &data, 5000.0);
    assert_eq!((out.count, out.missing.len()), (2, 0));
    let imp = import_file(&Library::default(), &[], &out.json, 9999.0).unwrap();
    assert_eq!(
        imp.added,
        vec!["十一月定稿".to_string(), "十月".to_string()]
    );
    assert!(imp.renamed.is_empty() && imp.same.is_empty());
    let got: Vec<(&str, f64, &str, usize)> = imp
        .library
        .entries
        .iter()
        .map(|e| (e.name.as_str(), e.saved_at, e.month.as_str(), e.agents))
        .collect();
    // Names, times and what the index says come back; the demo team has 30 agents.
    assert_eq!(
        got,
        vec![
            ("十一月定稿", 1000.0, "2026-11", 30),
            ("十月", 2000.0, "2026-10", 30)
        ]
    );
    // Each workbook is stored byte for byte as it was.
    for (e, (_, want)) in imp.library.entries.iter().zip(&data) {
        let (_, w) = imp.writes.iter().find(|(id, _)| *id == e.id).unwrap();
        assert_eq!(w, want);
    }
}

#[test]
fn an_entry_without_data_is_named_not_exported() {
    let (lib, mut data) = library_of(&[("甲", "2026-11"), ("乙", "2026-10")]);
    data.retain(|(id, _)| *id != lib.entries[1].id);
    let out = export_file(&lib, &data, 0.0);
    assert_eq!((out.count, out.missing), (1, vec!["乙".to_string()]));
}

/// (added, renamed as (from, to), skipped as the same, final names).
type Expected<'a> = (
    &'a [&'a str],
    &'a [(&'a str, &'a str)],
    &'a [&'a str],
    &'a [&'a str],
);

/// Imports a file of `incoming` (name, month) into a library of `present`;
/// expects (added, renamed, skipped as the same) and the final names.
fn check_conflicts(present: &[(&str, &str)], incoming: &[(&str, &str)], expected: Expected) {
    let (lib, data) = library_of(present);
    let (src, src_data) = library_of(incoming);
    let file = export_file(&src, &src_data, 0.0).json;
    let imp = import_file(&lib, &data, &file, 0.0).unwrap();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(imp.added, s(expected.0), "added");
    let renamed: Vec<(String, String)> = expected
        .1
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(imp.renamed, renamed, "renamed");
    assert_eq!(imp.same, s(expected.2), "same");
    let names: Vec<&str> = imp
        .library
        .entries
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names, expected.3, "final names");
    assert_eq!(
        imp.writes.len(),
        expected.0.len() + expected.1.len(),
        "one write per new entry"
    );
}

#[test]
fn conflicting_names_are_renamed_and_identical_workbooks_skipped() {
    // Same name, same workbook: skipped (importing the same file twice adds nothing).
    check_conflicts(
        &[("十一月", "2026-11")],
        &[("十一月", "2026-11")],
        (&[], &[], &["十一月"], &["十一月"]),
    );
    // Same name, another workbook: kept under the next free name, nothing overwritten.
    check_conflicts(
        &[("十一月", "2026-11")],
        &[("十一月", "2026-10"), ("新的", "2026-11")],
        (
            &["新的"],
            &[("十一月", "十一月 (2)")],
            &[],
            &["十一月", "十一月 (2)", "新的"],
        ),
    );
    // Imported before under `name (2)`: the same file twice adds nothing.
    check_conflicts(
        &[("十一月", "2026-10"), ("十一月 (2)", "2026-11")],
        &[("十一月", "2026-11")],
        (&[], &[], &["十一月"], &["十一月", "十一月 (2)"]),
    );
    // (2) taken as well: (3).
    check_conflicts(
        &[("草稿", "2026-11"), ("草稿 (2)", "2026-11")],
        &[("草稿", "2026-09")],
        (
            &[],
            &[("草稿", "草稿 (3)")],
            &[],
            &["草稿", "草稿 (2)", "草稿 (3)"],
        ),
    );
}

#[test]
fn a_renamed_long_name_stays_within_the_limit() {
    let long = "长".repeat(MAX_NAME);
    let (lib, data) = library_of(&[(&long, "2026-11")]);
    let (src, src_data) = library_of(&[(&long, "2026-10")]);
    let imp = import_file(&lib, &data, &export_file(&src, &src_data, 0.0).json, 0.0).unwrap();
    let (_, given) = &imp.renamed[0];
    assert_eq!(given.chars().count(), MAX_NAME);
    assert!(given.ends_with(" (2)"));
}

/// A refused file: the message and its arguments.
fn check_refused(text: &str, msg: Msg, args: &[&str]) {
    let (lib, data) = library_of(&[("已有", "2026-11")]);
    let e = import_file(&lib, &data, text, 0.0).unwrap_err();
    assert_eq!(
        (e.msg, e.args.iter().map(String::as_str).collect::<Vec<_>>()),
        (msg, args.to_vec()),
        "{text:.80}"
    );
}

#[test]
fn bad_library_files_are_refused_with_a_reason() {
    let good = workbook("2026-11");
    let entry =
        |name: &str, w: &str| serde_json::json!({"name": name, "saved_at": 1.0, "workbook": w});
    let file = |version: serde_json::Value, entries: serde_json::Value| {
        serde_json::json!({"kind": "kpi-sandbox-library", "version": version, "entries": entries})
            .to_string()
    };
    check_refused("", Msg::LibImportNotLibrary, &[]);
    check_refused("not json at all", Msg::LibImportNotLibrary, &[]);
    check_refused("{}", Msg::LibImportNotLibrary, &[]);
    // A saved workbook file is not a library file.
    check_refused(&good, Msg::LibImportNotLibrary, &[]);
    check_refused(
        r#"{"kind":"something-else","version":1,"entries":[]}"#,
        Msg::LibImportNotLibrary,
        &[],
    );
    check_refused(
        &file(serde_json::json!(0), serde_json::json!([])),
        Msg::LibImportNotLibrary,
        &[],
    );
    check_refused(
        &file(serde_json::json!(2), serde_json::json!([])),
        Msg::LibImportNewer,
        &["2"],
    );
    // Entries missing: serde names the field and where the text ended (42 characters).
    check_refused(
        r#"{"kind":"kpi-sandbox-library","version":1}"#,
        Msg::LibImportShape,
        &["missing field `entries` at line 1 column 42"],
    );
    // One damaged workbook refuses the whole file (the good one is not half-imported).
    check_refused(
        &file(
            serde_json::json!(1),
            serde_json::json!([
                entry("好的", &good),
                entry("坏的", "{\"app\":\"kpi-sandbox\"")
            ]),
        ),
        Msg::LibImportDamaged,
        &["坏的"],
    );
    // More than the library holds.
    let many: Vec<serde_json::Value> = (0..MAX_ENTRIES)
        .map(|i| entry(&format!("w{i}"), &good))
        .collect();
    check_refused(
        &file(serde_json::json!(1), serde_json::Value::Array(many)),
        Msg::LibImportFull,
        &["50"],
    );
}

#[test]
fn a_damaged_workbook_says_where() {
    let text = serde_json::json!({"kind": "kpi-sandbox-library", "version": 1,
        "entries": [{"name": "坏的", "workbook": "{\"app\":\"kpi-sandbox\",\"version\":1,\"months\":5}"}]})
    .to_string();
    let e = import_file(&Library::default(), &[], &text, 0.0).unwrap_err();
    assert_eq!(e.msg, Msg::LibImportDamaged);
    assert!(
        e.problem.is_some(),
        "the reader's first problem travels with the refusal"
    );
}
