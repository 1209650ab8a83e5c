//! Statistical functions over whole columns and arrays. The small team's 得分
//! column is 90, 80, (blank), 70, 80. Expected values worked by hand; the
//! standard deviations checked in Python (statistics.pstdev / stdev).
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
fn aggregates_over_a_column_skip_blanks_and_text() {
    check(
        &small(),
        &[
            ("SUM([得分])", n(320.0)),
            ("AVERAGE([得分])", n(80.0)), // 320 / 4: the blank is not counted
            ("COUNT([得分])", n(4.0)),
            ("COUNT([备注])", n(0.0)),
            ("MIN([得分])", n(70.0)),
            ("MAX([得分])", n(90.0)),
            ("MEDIAN([得分])", n(80.0)),
            ("MEDIAN({1,2,3,4})", n(2.5)),
            ("SUM([备注])", n(0.0)), // text in a range is skipped
            ("AVERAGE([备注])", e(Div0)),
            ("MIN([备注])", n(0.0)),
            ("MEDIAN([备注])", e(Num)),
            ("SUM(1,\"2\",TRUE)", n(4.0)), // scalars are coerced
            ("SUM(1,\"x\")", e(Value)),
            ("SUM([得分],10)", n(330.0)),
            ("[@得分]/AVERAGE([得分])", n(1.125)),
            ("AVERAGE([@得分],100)", n(95.0)), // [@x] is this row even in an aggregate
            ("STDEV.P({2,4,4,4,5,5,7,9})", n(2.0)),
            ("STDEV.S({2,4,4,4,5,5,7,9})", n(2.138_089_935_299_395)),
            ("STDEVP({2,4,4,4,5,5,7,9})", n(2.0)),
            ("STDEV.S(1)", e(Div0)),
            ("STDEV.P([得分])", n(7.071_067_811_865_476)), // √50
            ("PERCENTILE.INC({1,2,3,4},0.25)", n(1.75)),
            ("PERCENTILE.INC([得分],0.5)", n(80.0)),
            ("PERCENTILE.INC([得分],0.9)", n(87.0)), // 70,80,80,90: pos 2.7 → 80+0.7×10
            ("PERCENTILE.INC({1,2,3},1.5)", e(Num)),
        ],
    );
}

#[test]
fn rank_and_percentrank_per_row() {
    let t = small();
    // 得分 90, 80, -, 70, 80: descending ranks 1, 2, -, 4, 2 (ties share the best rank).
    let ranks: Vec<_> = (0..5)
        .map(|r| eval_on(&t, "RANK.EQ([@得分],[得分])", r))
        .collect();
    assert_eq!(ranks, vec![n(1.0), n(2.0), e(NA), n(4.0), n(2.0)]);
    // Blank row: 0 is not in the column → #N/A, as in Excel.
    let asc: Vec<_> = (0..5)
        .map(|r| eval_on(&t, "RANK.EQ([@得分],[得分],1)", r))
        .collect();
    assert_eq!(asc, vec![n(4.0), n(2.0), e(NA), n(1.0), n(2.0)]);
    // PERCENTRANK.INC: values below ÷ (n − 1), truncated to 3 digits.
    let pr: Vec<_> = (0..5)
        .map(|r| eval_on(&t, "PERCENTRANK.INC([得分],[@得分])", r))
        .collect();
    assert_eq!(pr, vec![n(1.0), n(0.333), e(NA), n(0.0), n(0.333)]);
    check(
        &t,
        &[
            ("PERCENTRANK.INC({1,2,3,4,5},3)", n(0.5)),
            ("PERCENTRANK.INC({1,2,3,4},2.5)", n(0.5)), // between 1/3 and 2/3
            ("PERCENTRANK.INC({1,2,3,4,5,6,7},2)", n(0.166)), // 1/6 truncated
            ("PERCENTRANK.INC({1,2,3,4,5,6,7},2,1)", n(0.1)),
            ("PERCENTRANK.INC({1,2,3},9)", e(NA)),
            ("RANK.EQ(85,[得分])", e(NA)),
            // Runs of ties, counted by hand: nine 2s over one 1.
            ("RANK.EQ(2,{2,2,2,2,2,2,2,2,2,1})", n(1.0)),
            ("RANK.EQ(2,{2,2,2,2,2,2,2,2,2,1},1)", n(2.0)),
            ("RANK.EQ(1,{2,2,2,2,2,2,2,2,2,1})", n(10.0)),
            // 1, 2, 2, 2, 3, 3: two values above 2, one below.
            ("RANK.EQ(2,{3,2,1,2,3,2})", n(3.0)),
            ("RANK.EQ(2,{3,2,1,2,3,2},1)", n(2.0)),
            ("RANK.EQ(3,{3,2,1,2,3,2},1)", n(5.0)),
        ],
    );
}
