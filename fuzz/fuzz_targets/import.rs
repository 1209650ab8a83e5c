//! Paste/CSV import: never panics; every column has one cell per row.
#![no_main]
use kpi_sandbox::io::import::import_text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let r = import_text(&text);
    let t = &r.table;
    for c in 0..t.columns.len() {
        assert_eq!(t.column_cells(c).len(), t.len());
    }
    if r.is_rejected() {
        assert!(!r.diagnostics.is_empty());
    }
});
