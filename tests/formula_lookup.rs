//! Lookup, choice and text functions. Expected values are Excel's documented results.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
use common::*;
use kpi_sandbox::model::formula::ErrorKind::*;

#[test]
fn lookup_bands() {
    check(
        &small(),
        &[
            ("LOOKUP(72,{0,60,70,80},{\"D\",\"C\",\"B\",\"A\"})", s("B")),
            ("LOOKUP(80,{0,60,70,80},{0,60,80,100})", n(100.0)),
            ("LOOKUP(59.9,{0,60,70,80})", n(0.0)),
            ("LOOKUP(-1,{0,60})", e(NA)),
            // The seed's conversion bands: ≥45 % → 100, ≥40 % → 80, ≥35 % → 60, else 0.
            (
                "LOOKUP([询单转化率],{0,0.35,0.4,0.45},{0,60,80,100})",
                n(80.0),
            ),
        ],
    );
}

#[test]
fn xlookup_modes() {
    let t = small();
    check(
        &t,
        &[
            ("XLOOKUP(3,{1,2,3},{\"a\",\"b\",\"c\"})", s("c")),
            ("XLOOKUP(4,{1,2,3},{\"a\",\"b\",\"c\"})", e(NA)),
            ("XLOOKUP(4,{1,2,3},{\"a\",\"b\",\"c\"},\"none\")", s("none")),
            ("XLOOKUP(2.5,{1,2,3},{\"a\",\"b\",\"c\"},,-1)", s("b")), // exact or next smaller
            ("XLOOKUP(2.5,{1,2,3},{\"a\",\"b\",\"c\"},,1)", s("c")),  // exact or next larger
            ("XLOOKUP(2.5,{3,1,2},{\"c\",\"a\",\"b\"},,-1)", s("b")), // unsorted is fine
            ("XLOOKUP(1,{1,2},{\"a\"})", e(Value)),
            ("XLOOKUP(\"丁\",[客服昵称],[得分])", n(70.0)),
            ("XLOOKUP(\"DING\",[客服昵称],[得分],0)", n(0.0)),
            ("XLOOKUP(80,[得分],[客服昵称],,0,-1)", s("戊")), // last to first
        ],
    );
}

#[test]
fn choose_and_text() {
    check(
        &small(),
        &[
            ("CHOOSE(2,\"a\",\"b\",\"c\")", s("b")),
            ("CHOOSE(2.9,\"a\",\"b\",\"c\")", s("b")),
            ("CHOOSE(4,\"a\",\"b\",\"c\")", e(Value)),
            ("CHOOSE(0,\"a\")", e(Value)),
            ("TEXT(0.4621,\"0.0%\")", s("46.2%")),
            ("TEXT(1234.5,\"#,##0.00\")", s("1,234.50")),
            ("TEXT(5.43219,\"0.00\")", s("5.43")),
            ("TEXT(1234.5,\"¥#,##0\")", s("¥1,235")),
            ("TEXT(2.5,\"0\")", s("3")),
            ("TEXT(92.45,\"0.0\"\"分\"\"\")", s("92.5分")),
            ("TEXT(\"abc\",\"0.0\")", s("abc")),
            ("TEXT(1,\"yyyy-mm-dd\")", e(Value)), // dates are not supported
        ],
    );
}
