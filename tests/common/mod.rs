//! Shared helpers for the formula tests.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::io::import::import_text;
use kpi_sandbox::model::formula::calc::eval_formula;
use kpi_sandbox::model::formula::{ErrorKind, Value};
use kpi_sandbox::model::Table;

/// A small team: 5 agents with a score column holding a blank and text.
pub fn small() -> Table {
    import_text(
        "客服昵称\t分组\t询单人数\t询单转化率\t客单价\t得分\t备注\n\
         甲\t售前\t100\t40%\t200\t90\tok\n\
         乙\t售前\t200\t50%\t100\t80\t\n\
         丙\t售后\t50\t30%\t300\t\tx\n\
         丁\t售后\t150\t45%\t150\t70\t\n\
         戊\t售前\t120\t35%\t250\t80\t\n",
    )
    .table
}

/// Evaluates `src` on row `row` of `t`.
pub fn eval_on(t: &Table, src: &str, row: usize) -> Value {
    eval_formula(t, src, row).unwrap_or_else(|e| panic!("{src}: syntax error {e:?}"))
}

pub fn n(v: f64) -> Value {
    Value::Number(v)
}
pub fn s(v: &str) -> Value {
    Value::Text(v.into())
}
pub fn b(v: bool) -> Value {
    Value::Bool(v)
}
pub fn e(k: ErrorKind) -> Value {
    Value::Error(k)
}

/// Checks each (formula, expected) on row 0 of `t`; numbers to 1e-9 relative.
pub fn check(t: &Table, cases: &[(&str, Value)]) {
    for (src, want) in cases {
        let got = eval_on(t, src, 0);
        match (&got, want) {
            (Value::Number(a), Value::Number(w)) => {
                assert!(
                    (a - w).abs() <= 1e-9 * w.abs().max(1.0),
                    "{src}: got {a}, want {w}"
                )
            }
            _ => assert_eq!(&got, want, "{src}"),
        }
    }
}
