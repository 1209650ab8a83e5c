//! Formula syntax: precedence, literals, printing, syntax errors with positions.
//! Expected values follow Excel (and LibreOffice, which agrees on these).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
use common::*;
use kpi_sandbox::i18n::Msg;
use kpi_sandbox::model::formula::{parse, ErrorKind};

#[test]
fn precedence_matches_excel() {
    let t = small();
    check(
        &t,
        &[
            ("-2^2", n(4.0)), // negation binds tighter than ^ in Excel
            ("=-(2^2)", n(-4.0)),
            ("2^-1", n(0.5)),
            ("2^3^2", n(64.0)), // ^ is left-associative in Excel: (2^3)^2
            ("1+2*3", n(7.0)),
            ("(1+2)*3", n(9.0)),
            ("10-4-3", n(3.0)),
            ("12/3/2", n(2.0)),
            ("50%", n(0.5)),
            ("10+50%", n(10.5)),
            ("200%%", n(0.02)),
            ("-5%", n(-0.05)),
            ("2*-3", n(-6.0)),
            ("1--1", n(2.0)),
            ("1+2&3", s("33")), // & below +: (1+2)&3
            ("1+2=3", b(true)), // comparison lowest
            ("1<2=TRUE", b(true)),
            ("1/0", e(ErrorKind::Div0)),
            ("0/0", e(ErrorKind::Div0)),
            ("1e308*10", e(ErrorKind::Num)),
            (".5+1.5e1", n(15.5)),
        ],
    );
}

#[test]
fn text_numbers_and_comparisons() {
    let t = small();
    check(
        &t,
        &[
            ("\"a\"&1", s("a1")),
            ("1&TRUE", s("1TRUE")),
            ("0.1+0.2&\"\"", s("0.3")), // General format: 15 significant digits
            ("1/3&\"\"", s("0.333333333333333")),
            ("\"say \"\"hi\"\"\"", s("say \"hi\"")),
            ("\"1\"+1", n(2.0)),
            ("\"abc\"+1", e(ErrorKind::Value)),
            ("\"a\"=\"A\"", b(true)), // text compares case-insensitively
            ("\"a\"<\"b\"", b(true)),
            ("1<\"a\"", b(true)),    // numbers sort before text
            ("\"z\"<TRUE", b(true)), // text before logicals
            ("TRUE>1", b(true)),
            ("TRUE+1", n(2.0)),
            ("\"2\"=2", b(false)), // no coercion in comparisons
            ("1<>1", b(false)),
            ("3>=3", b(true)),
            ("“中文引号”&\"\"", s("中文引号")),
        ],
    );
}

#[test]
fn references_by_bracket_bare_name_and_metric_name() {
    let t = small();
    check(
        &t,
        &[
            ("[询单人数]", n(100.0)),
            ("询单人数*2", n(200.0)),
            ("[@询单人数]+0", n(100.0)),
            ("[Inquiries]", n(100.0)), // the metric's English name
            ("[询单转化率]", n(0.4)),  // percents are fractions, as in Excel
            ("[备注]&\"!\"", s("ok!")),
            ("[客单价]*[询单转化率]*[询单人数]", n(8000.0)),
        ],
    );
    // A blank behaves like Excel's: 0 in arithmetic, "" in text.
    assert_eq!(eval_on(&t, "[得分]+1", 2), n(1.0));
    assert_eq!(eval_on(&t, "[得分]&\"x\"", 2), s("x"));
    assert_eq!(eval_on(&t, "[得分]=0", 2), b(true));
    assert_eq!(eval_on(&t, "[得分]=\"\"", 2), b(true));
    // Unknown names are #NAME?.
    assert_eq!(eval_on(&t, "[询单转化]", 0), e(ErrorKind::Name));
    assert_eq!(eval_on(&t, "SUMM(1)", 0), e(ErrorKind::Name));
}

#[test]
fn printing_is_canonical_and_round_trips() {
    let cases: &[(&str, &str)] = &[
        ("=-2^2", "-2.0^2.0"),
        ("-(2^2)", "-(2.0^2.0)"),
        ("2^-1", "2.0^-1.0"),
        ("(1+2)*3", "(1.0+2.0)*3.0"),
        ("1-(2-3)", "1.0-(2.0-3.0)"),
        ("(1-2)-3", "1.0-2.0-3.0"),
        ("(-5)%", "(-5.0)%"),
        (
            "if(a>1, \"x\", {1,-2,\"t\",TRUE})",
            "IF([a]>1.0,\"x\",{1.0,-2.0,\"t\",TRUE})",
        ),
        ("xlookup(1,[a],[b],,-1)", "XLOOKUP(1.0,[a],[b],,-1.0)"),
        ("[@询单人数]", "[@询单人数]"),
    ];
    for (src, want) in cases {
        let ast = parse(src).unwrap();
        assert_eq!(ast.to_string(), *want, "{src}");
        assert_eq!(parse(&ast.to_string()).unwrap(), ast, "{src} round trip");
    }
}

#[test]
fn syntax_errors_point_at_the_spot() {
    // (formula, message, start char, end char)
    let cases: &[(&str, Msg, usize, usize)] = &[
        ("", Msg::FxErrEmpty, 0, 0),
        ("=", Msg::FxErrEmpty, 0, 1),
        ("1+", Msg::FxErrUnexpectedEnd, 2, 2),
        ("(1+2", Msg::FxErrExpected, 4, 4),
        ("1+2)", Msg::FxErrUnexpected, 3, 4),
        ("1 2", Msg::FxErrUnexpected, 2, 3),
        ("\"abc", Msg::FxErrUnclosedText, 0, 4),
        ("[询单人数", Msg::FxErrUnclosedRef, 0, 5),
        ("[]", Msg::FxErrEmptyRef, 0, 2),
        ("1 $ 2", Msg::FxErrUnexpected, 2, 3),
        ("{1,[a]}", Msg::FxErrArrayItem, 3, 6),
        ("2abc+1", Msg::FxErrBadNumber, 0, 4),
        ("SUM(1 2)", Msg::FxErrExpected, 6, 7),
    ];
    for (src, msg, start, end) in cases {
        let err = parse(src).unwrap_err();
        assert_eq!(
            (err.msg, err.start, err.end),
            (*msg, *start, *end),
            "{src:?}"
        );
    }
    let err = kpi_sandbox::model::formula::validate("=ROUND(1)").unwrap_err();
    assert_eq!(err.msg, Msg::FxErrArity);
    assert_eq!((err.start, err.end), (1, 6));
    assert_eq!(
        err.args,
        vec!["ROUND".to_string(), "2".to_string(), "1".to_string()]
    );
    assert!(
        kpi_sandbox::model::formula::validate("IFS(TRUE,1,FALSE)").is_err(),
        "IFS needs pairs"
    );
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let deep = format!("{}1{}", "(".repeat(5000), ")".repeat(5000));
    assert_eq!(parse(&deep).unwrap_err().msg, Msg::FxErrTooDeep);
    let negs = format!("{}1", "-".repeat(5000));
    assert_eq!(parse(&negs).unwrap_err().msg, Msg::FxErrTooDeep);
}

/// Found by `make fuzz` (fuzz/artifacts/formula/crash-0ee1511e…): an
/// out-of-range literal parsed to infinity and printed as `inf`, which read
/// back as a column name.
#[test]
fn regression_out_of_range_literals_are_syntax_errors() {
    for src in ["=TE>6666E66=66E666666666666666", "1e999", "2*1E400"] {
        let err = parse(src).unwrap_err();
        assert_eq!(err.msg, Msg::FxErrBadNumber, "{src}");
    }
    assert_eq!(parse("1e308").unwrap().to_string(), "1e308");
}

#[test]
fn regression_this_row_marker_after_spaces() {
    // Found by `make fuzz` (tests/fixtures/fuzz/formula-crash-03639430.txt):
    // `[<form feeds>@价]` parsed as a column named "@价" but printed as
    // `[@价]`, which reads back as this-row 价.
    let src = std::fs::read_to_string("tests/fixtures/fuzz/formula-crash-03639430.txt").unwrap();
    let ast = parse(&src).unwrap();
    assert_eq!(parse(&ast.to_string()).unwrap(), ast);
    for (a, b) in [
        ("=[ @询单人数]", "=[@询单人数]"),
        ("=[\t@客单价 ]", "=[@客单价]"),
    ] {
        assert_eq!(parse(a).unwrap(), parse(b).unwrap(), "{a:?}");
    }
}
