//! Opening real-looking export files: encodings detected, headers mapped,
//! units parsed, summary rows dropped, bad files refused with a reason.
//! Fixtures come from scripts/gen_fixtures.py; expected values are as written
//! in the generator.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::Msg;
use kpi_sandbox::io::decode::{decode, Encoding, Refusal};
use kpi_sandbox::io::import::{import_text, ImportResult};
use kpi_sandbox::model::{Cell, MetricId};

fn gbk(bytes: &[u8]) -> Option<String> {
    let (s, _, bad) = encoding_rs::GB18030.decode(bytes);
    (!bad).then(|| s.into_owned())
}

fn open(name: &str) -> Result<(ImportResult, Encoding), Refusal> {
    let path = format!(
        "{}/tests/fixtures/imports/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(path).unwrap();
    let (text, enc) = decode(&bytes, name, &gbk)?;
    Ok((import_text(&text), enc))
}

fn num(r: &ImportResult, row: usize, m: MetricId) -> Option<f64> {
    r.table.at(row, r.table.column_of(m).unwrap()).number()
}

#[test]
fn exports_in_every_encoding() {
    // (file, encoding, agents, dropped summary label)
    let cases: &[(&str, Encoding, usize, &str)] = &[
        ("chitu_utf8.csv", Encoding::Utf8, 3, "合计"),
        ("chitu_utf8_bom.csv", Encoding::Utf8Bom, 3, "合计"),
        ("qianniu_gbk.csv", Encoding::Gb18030, 3, "平均"),
        ("excel_unicode.txt", Encoding::Utf16Le, 2, "总计"),
        ("shengyi.tsv", Encoding::Utf8, 2, "Total"),
    ];
    for (file, enc, agents, dropped) in cases {
        let (r, e) = open(file).unwrap();
        assert_eq!(e, *enc, "{file}");
        assert_eq!(r.table.len(), *agents, "{file}");
        assert_eq!(r.dropped.len(), 1, "{file}");
        assert_eq!(r.dropped[0].1, *dropped, "{file}");
        assert!(!r.is_rejected(), "{file}");
    }
}

#[test]
fn values_parse_by_unit() {
    let (r, _) = open("chitu_utf8.csv").unwrap();
    assert_eq!(r.table.agent_name(0), "小雨");
    assert_eq!(num(&r, 0, MetricId::Conversion), Some(0.3226));
    assert_eq!(num(&r, 0, MetricId::Sales), Some(113_919.41));
    let note = r.table.column_cells(7)[0].clone();
    assert_eq!(
        note,
        Cell::Text("早班\n兼职".into()),
        "a quoted multi-line cell"
    );

    let (r, _) = open("qianniu_gbk.csv").unwrap();
    assert_eq!(r.table.agent_name(0), "店铺:小雨");
    assert_eq!(num(&r, 0, MetricId::Conversion), Some(0.4621));
    assert_eq!(num(&r, 0, MetricId::Aov), Some(1234.5));
    assert_eq!(num(&r, 1, MetricId::Aov), Some(123.69));
    assert_eq!(num(&r, 0, MetricId::FirstResponse), Some(32.0));
    assert_eq!(num(&r, 0, MetricId::AvgResponse), Some(80.0));
    assert_eq!(num(&r, 1, MetricId::AvgResponse), Some(65.0));
    assert_eq!(num(&r, 2, MetricId::Conversion), None, "— is missing");
    assert_eq!(num(&r, 2, MetricId::AvgResponse), None, "#N/A is missing");
    assert_eq!(
        r.table.groups(),
        vec![("售前".to_string(), 2), ("售后".to_string(), 1)]
    );

    // Bare percentages with some > 1: points (46 → 46 %).
    let (r, _) = open("excel_unicode.txt").unwrap();
    assert_eq!(num(&r, 0, MetricId::Conversion), Some(0.46));
    assert_eq!(num(&r, 1, MetricId::RefundRate), Some(0.02));
    // Bare percentages all ≤ 1: fractions; 万 and durations.
    let (r, _) = open("shengyi.tsv").unwrap();
    assert_eq!(num(&r, 0, MetricId::Conversion), Some(0.46));
    assert_eq!(num(&r, 0, MetricId::Sales), Some(12_000.0));
    assert_eq!(num(&r, 0, MetricId::FirstResponse), Some(80.0));
    assert_eq!(num(&r, 1, MetricId::Aov), Some(92.5));
}

#[test]
fn bad_files_are_refused_or_flagged() {
    // Refused before parsing.
    let refused: &[(&str, Msg)] = &[
        ("image.png", Msg::ImpErrBinary),
        ("old.xls", Msg::ImpErrXls),
        ("book.xlsx", Msg::ImpErrXlsx),
    ];
    for (file, msg) in refused {
        assert_eq!(open(file).unwrap_err().msg, *msg, "{file}");
    }
    // Parsed but unusable: the import is rejected with a reason.
    let rejected: &[(&str, Msg)] = &[
        ("header_only.csv", Msg::ImpErrNoRows),
        ("no_agent.csv", Msg::ErrNoAgentColumn),
        ("all_invalid.csv", Msg::ImpErrAllInvalid),
    ];
    for (file, msg) in rejected {
        let (r, _) = open(file).unwrap();
        assert!(r.is_rejected(), "{file}");
        assert_eq!(r.diagnostics[0].msg, *msg, "{file}");
    }
    // Usable with warnings.
    let (r, _) = open("ragged.csv").unwrap();
    assert_eq!(r.table.len(), 2);
    assert!(r
        .diagnostics
        .iter()
        .any(|d| d.msg == Msg::WarnRaggedRow && d.row == Some(2)));
    let (r, _) = open("unbalanced_quotes.csv").unwrap();
    assert!(r
        .diagnostics
        .iter()
        .any(|d| d.msg == Msg::WarnUnbalancedQuote && d.row == Some(2)));
    let (r, _) = open("odd_numbers.csv").unwrap();
    assert_eq!(num(&r, 0, MetricId::Sales), Some(1e308));
    assert_eq!(
        r.table.at(0, 2).clone(),
        Cell::Invalid {
            raw: "NaN".into(),
            problem: Msg::ErrNotFinite
        }
    );
    assert_eq!(num(&r, 0, MetricId::RefundRate), Some(0.0), "-0 is 0");
    assert!(num(&r, 0, MetricId::RefundRate).unwrap().is_sign_positive());
    assert_eq!(
        r.table.at(1, 3).clone(),
        Cell::Invalid {
            raw: "inf%".into(),
            problem: Msg::ErrNotFinite
        }
    );
}

#[test]
fn size_and_width_limits() {
    let big = vec![b'a'; kpi_sandbox::io::decode::MAX_BYTES + 1];
    assert_eq!(
        decode(&big, "big.csv", &gbk).unwrap_err().msg,
        Msg::ImpErrTooLarge
    );
    let header: Vec<String> = std::iter::once("客服昵称".to_string())
        .chain((0..5000).map(|i| format!("c{i}")))
        .collect();
    let wide = format!("{}\n小雨{}\n", header.join(","), ",1".repeat(5000));
    let r = import_text(&wide);
    assert!(r.is_rejected());
    assert_eq!(r.diagnostics[0].msg, Msg::ImpErrTooManyColumns);
    assert_eq!(
        r.diagnostics[0].args,
        vec!["5001".to_string(), "1000".to_string()]
    );
    assert_eq!(
        decode(b"", "empty.csv", &gbk).unwrap_err().msg,
        Msg::ErrEmptyInput
    );
    // A single cell is a header with no rows.
    assert_eq!(
        import_text("客服昵称").diagnostics[0].msg,
        Msg::ImpErrNoRows
    );
}
