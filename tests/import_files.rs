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
use kpi_sandbox::io::import::{import_grid, import_text, ImportResult};
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
    // 千牛 writes 店铺:客服; the shop part is dropped unless the user keeps it.
    assert_eq!(r.table.agent_name(0), "小雨");
    assert_eq!(
        r.shop.as_ref().map(|s| (s.shops.clone(), s.dropped)),
        Some((vec!["店铺".to_string()], true))
    );
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

#[test]
fn xlsx_workbooks_open_sheet_by_sheet() {
    use kpi_sandbox::io::xlsx::{default_sheet, open, Opened};
    let read = |name: &str| {
        let bytes = std::fs::read(format!("tests/fixtures/imports/{name}")).unwrap();
        open(&bytes, name, &gbk)
    };
    let Ok(Opened::Sheets(sheets)) = read("chitu.xlsx") else {
        panic!("chitu.xlsx did not open as sheets")
    };
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["说明", "客服数据"]);
    // The notes sheet is not a team table; the data sheet is picked.
    assert_eq!(default_sheet(&sheets), 1);
    let r = import_grid(sheets[1].grid());
    assert_eq!(r.table.len(), 3, "合计 dropped");
    assert_eq!(
        r.dropped,
        vec![(5, "合计".to_string())],
        "Excel row numbers"
    );
    let t = &r.table;
    let col = |n: &str| t.columns.iter().position(|c| c.name == n).unwrap();
    // Stored 0.4621 in a percent column reads as 46.21 %; a formula's cached
    // result is its value; #N/A is missing; entities are decoded; inline strings read.
    assert_eq!(t.at(0, col("询单转化率")).number(), Some(0.4621));
    assert_eq!(t.at(2, col("询单转化率")), &Cell::Empty);
    assert_eq!(t.at(0, col("客服销售额")).number(), Some(165_306.04));
    assert_eq!(t.at(0, col("备注")), &Cell::Text("A&B <早班>".into()));
    assert_eq!(t.at(1, col("备注")), &Cell::Text("新人".into()));
    assert_eq!(t.at(2, col("首次响应时间")), &Cell::Empty);
    assert_eq!(t.agent_name(2), "南风");
    // Stored (uncompressed) zips read the same.
    let Ok(Opened::Sheets(stored)) = read("stored.xlsx") else {
        panic!()
    };
    assert_eq!(stored[0].rows, sheets[1].rows[..3].to_vec());
    // Refusals, each with its own message.
    for (name, msg) in [
        ("password.xlsx", Msg::ImpErrXlsxPassword),
        ("truncated.xlsx", Msg::ImpErrXlsxCorrupt),
        ("book.xlsx", Msg::ImpErrXlsxCorrupt),
        ("old.xls", Msg::ImpErrXls),
    ] {
        assert_eq!(read(name).map(|_| ()).unwrap_err().msg, msg, "{name}");
    }
    // A CSV still opens as text.
    assert!(matches!(read("chitu_utf8.csv"), Ok(Opened::Text(..))));
}
