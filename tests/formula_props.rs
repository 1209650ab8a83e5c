//! Property tests: the parser never panics; printing a tree and parsing it
//! back gives the same tree.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::io::demo::demo_table;
use kpi_sandbox::model::formula::ast::{BinOp, Expr, UnOp};
use kpi_sandbox::model::formula::calc::eval_formula;
use kpi_sandbox::model::formula::parse;
use proptest::prelude::*;

fn leaf() -> impl Strategy<Value = Expr> {
    prop_oneof![
        (0.0f64..1e12).prop_map(Expr::Number),
        any::<u32>().prop_map(|v| Expr::Number(f64::from(v))),
        "[^\"]{0,6}".prop_map(Expr::Text),
        any::<bool>().prop_map(Expr::Bool),
        ("[a-z询单人数客价率]{1,5}", any::<bool>())
            .prop_map(|(name, this_row)| Expr::Ref { name, this_row }),
        prop::collection::vec(
            prop_oneof![
                (-1e6f64..1e6).prop_map(Expr::Number),
                "[a-z]{0,3}".prop_map(Expr::Text),
                any::<bool>().prop_map(Expr::Bool)
            ],
            1..4
        )
        .prop_map(Expr::Array),
    ]
}

fn expr() -> impl Strategy<Value = Expr> {
    let ops = prop::sample::select(vec![
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::Div,
        BinOp::Pow,
        BinOp::Concat,
        BinOp::Eq,
        BinOp::Ne,
        BinOp::Lt,
        BinOp::Le,
        BinOp::Gt,
        BinOp::Ge,
    ]);
    leaf().prop_recursive(5, 40, 4, move |inner| {
        prop_oneof![
            (
                prop::sample::select(vec![UnOp::Neg, UnOp::Plus]),
                inner.clone()
            )
                .prop_map(|(o, e)| Expr::Unary(o, Box::new(e))),
            inner.clone().prop_map(|e| Expr::Percent(Box::new(e))),
            // `Expr::binary` flattens a left operand of the same precedence
            // into one chain, as the parser does.
            (ops.clone(), inner.clone(), inner.clone()).prop_map(|(o, a, b)| Expr::binary(o, a, b)),
            (
                "[A-Z][A-Z0-9]{0,5}",
                prop::collection::vec(inner.clone(), 0..4)
            )
                .prop_filter("not a logical constant", |(n, _)| n != "TRUE"
                    && n != "FALSE")
                .prop_map(|(n, args)| Expr::Call(n, args)),
            ("IF|XLOOKUP", inner.clone(), inner)
                .prop_map(|(n, a, b)| Expr::Call(n, vec![a, Expr::Omitted, b])),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn printing_round_trips(e in expr()) {
        let printed = e.to_string();
        let back = parse(&printed).map_err(|err| TestCaseError::fail(format!("{printed}: {err:?}")))?;
        prop_assert_eq!(back, e, "{}", printed);
    }

    #[test]
    fn the_parser_never_panics(s in "\\PC{0,60}") {
        let _ = parse(&s);
    }

    #[test]
    fn formula_like_text_never_panics_when_evaluated(
        s in "[=\\-+*/^&%<>(),{}\\[\\]\"@0-9.a-zA-Z询单人数客价率 ]{0,40}"
    ) {
        let t = demo_table();
        let _ = eval_formula(&t, &s, 0);
    }
}
