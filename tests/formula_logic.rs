//! Logical functions. Expected values are Excel's documented results.
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
fn conditionals() {
    check(
        &small(),
        &[
            ("IF(1>2,\"y\",\"n\")", s("n")),
            ("IF(1>2,\"y\")", b(false)), // omitted else is FALSE
            ("IF(1,\"y\")", s("y")),
            ("IF(\"x\",1,2)", e(Value)),
            ("IF(TRUE,1,1/0)", n(1.0)), // the branch not taken is not evaluated
            (
                "IF([询单转化率]>=45%,100,IF([询单转化率]>=40%,80,IF([询单转化率]>=35%,60,0)))",
                n(80.0),
            ),
            (
                "IFS([询单转化率]>=45%,100,[询单转化率]>=40%,80,TRUE,0)",
                n(80.0),
            ),
            ("IFS(FALSE,1)", e(NA)),
            ("IFERROR(1/0,\"x\")", s("x")),
            ("IFERROR(5,\"x\")", n(5.0)),
            ("IFERROR([不存在],0)", n(0.0)),
        ],
    );
}

#[test]
fn and_or_not() {
    check(
        &small(),
        &[
            ("AND(TRUE,1)", b(true)),
            ("AND(TRUE,0)", b(false)),
            ("OR(0,FALSE)", b(false)),
            ("OR(0,\"TRUE\")", b(true)),
            ("AND(\"a\")", e(Value)),
            ("NOT(0)", b(true)),
            ("NOT(1/0)", e(Div0)),
            ("AND([询单人数]>50,[得分]>=90)", b(true)),
            ("OR([询单转化率]>0.5,[客单价]<100)", b(false)),
            ("AND([备注])", e(Value)), // a range of text only: no logical values
        ],
    );
}

/// Differences from Excel found by the LibreOffice oracle (tests/sheets).
#[test]
fn found_by_the_spreadsheet_oracle() {
    check(
        &small(),
        &[
            // Numbers equal to 15 significant digits compare equal, as in
            // Excel and LibreOffice (0.1+0.2 is 0.30000000000000004).
            ("0.1+0.2=0.3", b(true)),
            ("0.1+0.2>0.3", b(false)),
            ("0.1+0.2<>0.3", b(false)),
            ("0.3<=0.1+0.2", b(true)),
            ("1/3*3=1", b(true)),
            ("0.3+1e-12>0.3", b(true)),
            // A cell reference inside an aggregate: its text is skipped, not
            // coerced (备注 is "ok" in row 0).
            ("SUM([@备注],1)", n(1.0)),
            ("MAX([@备注],5)", n(5.0)),
            ("AVERAGE([@备注],4)", n(4.0)),
            // Text typed as an argument is still counted, as in Excel.
            ("SUM(\"3\",2)", n(5.0)),
            // TEXT puts the minus sign before a literal prefix; none on a shown zero.
            ("TEXT(-5.1,\"¥0.00\")", s("-¥5.10")),
            ("TEXT(-1234.5,\"#,##0\")", s("-1,235")),
            ("TEXT(-0.5,\"0%\")", s("-50%")),
            ("TEXT(-0.001,\"0.00\")", s("0.00")),
        ],
    );
}
