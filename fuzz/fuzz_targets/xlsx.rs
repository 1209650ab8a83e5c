//! The xlsx import path: any bytes named .xlsx never panic; sheets that open
//! go through the importer.
#![no_main]
use kpi_sandbox::io::import::import_grid;
use kpi_sandbox::io::xlsx::{open, Opened};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(Opened::Sheets(sheets)) = open(data, "book.xlsx", &|_| None) {
        for s in &sheets {
            let _ = import_grid(s.grid());
        }
    }
});
