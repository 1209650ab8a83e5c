//! Value parsing and formatting by unit. Expected values worked out by hand.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::{Lang, Msg};
use kpi_sandbox::model::unit::{format_value, infer_percent_scale, parse_single, parse_value};
use kpi_sandbox::model::{Parsed, PercentScale, Unit};

fn check(raw: &str, unit: Unit, scale: PercentScale, want: Parsed) {
    let got = parse_value(raw, unit, scale);
    match (&got, &want) {
        (Parsed::Number(a), Parsed::Number(b)) => {
            assert!(
                (a - b).abs() <= 1e-12 * b.abs().max(1.0),
                "{raw:?} as {unit:?}: got {a}, want {b}"
            );
            assert!(
                a.to_bits() != (-0.0f64).to_bits(),
                "{raw:?}: negative zero leaked"
            );
        }
        _ => assert_eq!(got, want, "{raw:?} as {unit:?}"),
    }
}

use Parsed::{Invalid, Missing, Number as N};
use PercentScale::{Fraction as F, Points as P};

#[test]
fn percent() {
    let cases: &[(&str, PercentScale, Parsed)] = &[
        ("46%", F, N(0.46)),
        ("46%", P, N(0.46)),
        ("0.46", F, N(0.46)),
        ("46", P, N(0.46)),
        ("46.21%", F, N(0.4621)),
        ("４６％", F, N(0.46)),
        (" 100% ", F, N(1.0)),
        ("1", F, N(1.0)),
        ("0", P, N(0.0)),
        ("-0", F, N(0.0)),
        ("-5%", F, Invalid(Msg::ErrNegative)),
        ("abc", F, Invalid(Msg::ErrNotANumber)),
        ("NaN", F, Invalid(Msg::ErrNotFinite)),
        ("inf%", F, Invalid(Msg::ErrNotFinite)),
        ("-", F, Missing),
        ("—", F, Missing),
        ("#N/A", F, Missing),
        ("", F, Missing),
    ];
    for (raw, scale, want) in cases {
        check(raw, Unit::Percent, *scale, want.clone());
    }
}

#[test]
fn percent_scale_looks_at_the_whole_column() {
    let cases: &[(&[&str], PercentScale)] = &[
        (&["0.46", "0.5", "1"], F), // all ≤ 1: fractions (1 = 100 %)
        (&["46", "0.5", "50"], P),  // one > 1: points for every bare value
        (&["46%", "0.5"], F),       // values with % do not vote
        (&["-", "", "#N/A"], F),    // nothing to look at
        (&["46%", "38%", "5"], P),
    ];
    for (vals, want) in cases {
        assert_eq!(infer_percent_scale(vals.iter().copied()), *want, "{vals:?}");
    }
    // A single typed value is judged alone: 46 → 46 %, 0.46 → 46 %, 1 → 100 %.
    assert_eq!(parse_single("46", Unit::Percent), N(0.46));
    assert_eq!(parse_single("0.46", Unit::Percent), N(0.46));
    assert_eq!(parse_single("1", Unit::Percent), N(1.0));
}

#[test]
fn durations() {
    let cases: &[(&str, Parsed)] = &[
        ("32", N(32.0)),
        ("32.5", N(32.5)),
        ("32秒", N(32.0)),
        ("32s", N(32.0)),
        ("32 sec", N(32.0)),
        ("1分20秒", N(80.0)),
        ("1分钟20秒", N(80.0)),
        ("2分", N(120.0)),
        ("1小时2分3秒", N(3723.0)),
        ("1m20s", N(80.0)),
        ("00:01:20", N(80.0)),
        ("01:20", N(80.0)),
        ("1:02:03", N(3723.0)),
        ("１分２０秒", N(80.0)),
        ("1:", Invalid(Msg::ErrBadDuration)),
        ("1:2:3:4", Invalid(Msg::ErrBadDuration)),
        ("fast", Invalid(Msg::ErrBadDuration)),
        ("20秒1", Invalid(Msg::ErrBadDuration)),
        ("-3", Invalid(Msg::ErrNegative)),
        ("-", Missing),
    ];
    for (raw, want) in cases {
        check(raw, Unit::Seconds, F, want.clone());
    }
}

#[test]
fn money_and_counts() {
    let cases: &[(&str, Unit, Parsed)] = &[
        ("¥1,234.50", Unit::Money, N(1234.5)),
        ("￥1,234.50", Unit::Money, N(1234.5)),
        ("1234.5元", Unit::Money, N(1234.5)),
        ("1.2万", Unit::Money, N(12000.0)),
        ("3亿", Unit::Money, N(3e8)),
        ("-200", Unit::Money, N(-200.0)),
        ("1e308", Unit::Money, N(1e308)),
        ("1e308万", Unit::Money, Invalid(Msg::ErrNotFinite)),
        ("1,234", Unit::Count, N(1234.0)),
        ("-1", Unit::Count, Invalid(Msg::ErrNegative)),
        ("26", Unit::Days, N(26.0)),
        ("92.5", Unit::Points, N(92.5)),
        ("1.25", Unit::Ratio, N(1.25)),
        ("12 34", Unit::Count, N(1234.0)),
        ("twelve", Unit::Count, Invalid(Msg::ErrNotANumber)),
        ("N/A", Unit::Count, Missing),
    ];
    for (raw, unit, want) in cases {
        check(raw, *unit, F, want.clone());
    }
}

#[test]
fn text_is_trimmed_and_missing_markers_are_empty() {
    assert_eq!(
        parse_value("  小雨 ", Unit::Text, F),
        Parsed::Text("小雨".into())
    );
    assert_eq!(parse_value("-", Unit::Text, F), Missing);
}

#[test]
fn formatting() {
    let cases: &[(f64, Unit, Lang, &str)] = &[
        (0.4621, Unit::Percent, Lang::Zh, "46.21%"),
        (1.0, Unit::Percent, Lang::En, "100.00%"),
        (32.0, Unit::Seconds, Lang::Zh, "32.0秒"),
        (30.06, Unit::Seconds, Lang::En, "30.1 s"),
        (32.5, Unit::Seconds, Lang::En, "32.5 s"),
        (1234.5, Unit::Money, Lang::Zh, "¥1,234.50"),
        (-50.0, Unit::Money, Lang::En, "-¥50.00"),
        (113919.41, Unit::Money, Lang::En, "¥113,919.41"),
        (1584.0, Unit::Count, Lang::Zh, "1,584"),
        (26.0, Unit::Days, Lang::Zh, "26"),
        (1.5, Unit::Ratio, Lang::En, "1.50"),
        (77.25, Unit::Points, Lang::En, "77.3"),
        (0.125, Unit::Number, Lang::En, "0.125"),
    ];
    for (v, unit, lang, want) in cases {
        assert_eq!(format_value(*v, *unit, *lang), *want, "{v} {unit:?}");
    }
}
