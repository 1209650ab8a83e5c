//! File bytes: encoding detection and refusal never panic; text that decodes imports.
#![no_main]
use kpi_sandbox::io::decode::decode;
use kpi_sandbox::io::import::import_text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lossy = |b: &[u8]| Some(String::from_utf8_lossy(b).into_owned());
    if let Ok((text, _)) = decode(data, "fuzz.csv", &lossy) {
        let _ = import_text(&text);
    }
});
