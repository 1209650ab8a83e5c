//! CSV export: BOM, units in headers, numbers without float noise, and
//! formula injection neutralised.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::Lang;
use kpi_sandbox::io::export::{csv, neutralize, scores_csv, table_csv, Out};
use kpi_sandbox::io::import::import_text;
use kpi_sandbox::model::plan::{score, template, Template};

#[test]
fn injection_is_neutralised() {
    let cases: &[(&str, &str)] = &[
        ("=1+1", "'=1+1"),
        ("+86 138", "'+86 138"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("小雨", "小雨"),
        ("", ""),
        ("a=b", "a=b"),
    ];
    for (input, want) in cases {
        assert_eq!(neutralize(input), *want, "{input:?}");
    }
    let text = csv(
        &["名字".into(), "值".into()],
        &[vec![
            Out::Text("=HYPERLINK(\"x\")".into()),
            Out::Number(-5.0),
        ]],
    );
    assert_eq!(
        text, "\u{feff}名字,值\r\n\"'=HYPERLINK(\"\"x\"\")\",-5\r\n",
        "numbers stay numbers, even negative"
    );
}

#[test]
fn the_team_table_exports_with_units_and_clean_numbers() {
    let t = import_text("客服昵称\t询单转化率\t首次响应时间\t客单价\n小雨\t33.76%\t1分20秒\t¥1,234.50\n=阿杰\t\t30\t-\n").table;
    let text = table_csv(&t, Lang::Zh);
    assert!(text.starts_with('\u{feff}'));
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(
        lines[0],
        "客服昵称,询单转化率 (%),首次响应时间 (秒),客单价 (元)"
    );
    assert_eq!(
        lines[1], "小雨,33.76,80,1234.5",
        "0.3376 × 100 written without float noise"
    );
    assert_eq!(lines[2], "'=阿杰,,30,");
    // It opens again as the same data.
    let back = import_text(&text).table;
    assert_eq!(back.at(0, 1).number(), Some(0.3376));
}

#[test]
fn scores_export_in_rank_order() {
    let demo = kpi_sandbox::io::demo::demo_table();
    let plan = template(Template::PreSales, "售前", "2026-11");
    let s = score(&demo, &plan);
    let text = scores_csv(&demo, &plan, &s, Lang::En);
    let lines: Vec<&str> = text
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 21, "header + 20 pre-sales agents");
    assert!(lines[0].starts_with(
        "Rank,Agent,Group,询单转化率 · Value (%),询单转化率 · Points,询单转化率 · Weighted (40%)"
    ));
    assert!(lines[1].starts_with("1,"));
    assert!(lines[0].ends_with("Total,Grade"));
}
