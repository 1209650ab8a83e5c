//! Saved files: reading never panics; an accepted file loads into a workbook.
#![no_main]
use kpi_sandbox::io::scenario::from_json;
use kpi_sandbox::model::Workbook;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match from_json(&text) {
        Ok(s) => {
            let _ = Workbook::from_snapshot(s);
        }
        Err(p) => assert!(!p.is_empty()),
    }
});
