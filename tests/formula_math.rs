//! Math functions. Expected values are Excel's documented results, worked by hand.
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
fn rounding_is_half_away_from_zero_on_the_decimal() {
    check(
        &small(),
        &[
            ("ROUND(2.5,0)", n(3.0)),
            ("ROUND(-2.5,0)", n(-3.0)),
            ("ROUND(1.005,2)", n(1.01)), // Excel: 1.01 (binary 1.00499… is not what it shows)
            ("ROUND(1234.5678,-2)", n(1200.0)),
            ("ROUND(1250,-2)", n(1300.0)),
            ("ROUND(0.5%,2)", n(0.01)),
            ("ROUNDUP(3.2,0)", n(4.0)),
            ("ROUNDUP(-3.2,0)", n(-4.0)),     // away from zero
            ("ROUNDUP(2.3*100,0)", n(230.0)), // 229.99999999999997 is 230 as shown
            ("ROUNDUP(54.3211,3)", n(54.322)),
            ("ROUNDUP(1234,-2)", n(1300.0)),
            ("ROUNDDOWN(3.7,0)", n(3.0)),
            ("ROUNDDOWN(-3.7,0)", n(-3.0)), // toward zero
            ("ROUNDDOWN(5.43219,3)", n(5.432)),
            ("ROUND(\"2.5\",0)", n(3.0)),
            ("ROUND(\"x\",0)", e(Value)),
        ],
    );
}

#[test]
fn integer_parts_powers_and_roots() {
    check(
        &small(),
        &[
            ("INT(3.7)", n(3.0)),
            ("INT(-3.5)", n(-4.0)), // INT floors
            ("MOD(7,3)", n(1.0)),
            ("MOD(-3,2)", n(1.0)), // sign of the divisor
            ("MOD(3,-2)", n(-1.0)),
            ("MOD(5,0)", e(Div0)),
            ("POWER(2,10)", n(1024.0)),
            ("POWER(4,0.5)", n(2.0)),
            ("POWER(0,0)", e(Num)),
            ("0^-1", e(Div0)),
            ("(-8)^(1/3)", e(Num)),
            ("(-2)^3", n(-8.0)),
            ("SQRT(16)", n(4.0)),
            ("SQRT(-1)", e(Num)),
            ("ABS(-2.5)", n(2.5)),
            ("ABS(\"-3\")", n(3.0)),
            ("ABS(1/0)", e(Div0)), // errors propagate
        ],
    );
}
