//! Share links: decoding any fragment never panics; whatever is accepted
//! loads into a workbook, and a link made from it reads back the same.
#![no_main]
use kpi_sandbox::io::share::{decode, encode, Scope, Shared};
use kpi_sandbox::model::Workbook;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Raw fragments, and the bytes wrapped as a link so the inflater and the
    // JSON reader get exercised, not only the base64 layer.
    let wrapped = format!(
        "share=1.{}",
        kpi_sandbox::io::share::b64_encode(&kpi_sandbox::io::share::seal(
            miniz_oxide::deflate::compress_to_vec_zlib(data, 1)
        ))
    );
    for f in [text.as_ref(), wrapped.as_str()] {
        if let Ok(Shared::Workbook(s)) = decode(f) {
            let wb = Workbook::from_snapshot(*s);
            let again = decode(&encode(&wb.snapshot(), Scope::Everything));
            assert!(again.is_ok());
        }
    }
});
