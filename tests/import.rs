//! Header mapping and import cleaning. Expected values worked out by hand.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::Msg;
use kpi_sandbox::io::delimited::{split, Delimiter};
use kpi_sandbox::io::demo::demo_table;
use kpi_sandbox::io::import::{import_text, is_summary_label};
use kpi_sandbox::io::Severity;
use kpi_sandbox::model::{lookup_header, Cell, MetricId, Unit};

#[test]
fn headers_map_to_the_dictionary() {
    let cases: &[(&str, Option<MetricId>)] = &[
        ("客服昵称", Some(MetricId::Agent)),
        ("客服(子账号)", Some(MetricId::Agent)),
        ("客服（子账号）", Some(MetricId::Agent)),
        ("旺旺", Some(MetricId::Agent)),
        ("Agent", Some(MetricId::Agent)),
        ("询单->最终付款成功率", Some(MetricId::Conversion)),
        ("询单→最终付款成功率", Some(MetricId::Conversion)),
        ("询单转化率", Some(MetricId::Conversion)),
        ("Conversion rate", Some(MetricId::Conversion)),
        ("询单->最终付款人数", Some(MetricId::InquiryPaid)),
        ("首次响应(秒)", Some(MetricId::FirstResponse)),
        ("First response (s)", Some(MetricId::FirstResponse)),
        ("平均响应时间(秒)", Some(MetricId::AvgResponse)),
        ("AOV", Some(MetricId::Aov)),
        ("客单价(元)", Some(MetricId::Aov)),
        ("销售额", Some(MetricId::Sales)),
        ("客服满意率", Some(MetricId::Satisfaction)),
        ("出勤天数", Some(MetricId::Attendance)),
        ("质检得分", Some(MetricId::QaScore)),
        ("备注", None),
        ("", None),
        ("()", None),
    ];
    for (h, want) in cases {
        assert_eq!(lookup_header(h).map(|d| d.id), *want, "{h:?}");
    }
}

#[test]
fn summary_labels() {
    for l in [
        "汇总",
        "合计",
        "平均",
        "均值",
        "总计",
        "Total",
        " AVERAGE ",
        "合计：",
    ] {
        assert!(is_summary_label(l), "{l}");
    }
    for l in ["小雨", "汇总组", "Totalis", ""] {
        assert!(!is_summary_label(l), "{l}");
    }
}

#[test]
fn delimiter_and_quoting() {
    let g = split("客服昵称\t备注\n小雨\t\"第一行\n第二行\"\n");
    assert_eq!(g.delimiter, Delimiter::Tab);
    assert_eq!(g.rows.len(), 2);
    assert_eq!(
        g.rows[1].1,
        vec!["小雨".to_string(), "第一行\n第二行".to_string()]
    );
    let g = split("\u{feff}Agent,\"Sales, total\"\nA,\"1,234\"\n\n\nB,5,,\n");
    assert_eq!(g.delimiter, Delimiter::Comma);
    assert_eq!(g.rows.len(), 3, "blank lines skipped");
    assert_eq!(g.rows[0].1[0], "Agent", "BOM stripped");
    assert_eq!(g.rows[1].1[1], "1,234");
    assert_eq!(
        g.rows[2].1,
        vec!["B".to_string(), "5".to_string()],
        "trailing empties trimmed"
    );
    assert_eq!(g.rows[2].0, 5, "source line kept");
}

#[test]
fn import_cleans_and_parses() {
    let text = "客服昵称\t询单转化率\t首次响应(秒)\t客单价\t备注\n\
                小雨\t46\t32秒\t¥1,234.50\tok\n\
                阿杰\t0.5\t1分20秒\t-\t\n\
                \t40\t10\n\
                小雨\t38\tfast\t100\n\
                合计\t45\t30\t500\n";
    let r = import_text(text);
    let t = &r.table;
    assert_eq!(t.len(), 3);
    assert_eq!(t.columns[1].metric, Some(MetricId::Conversion));
    assert_eq!(t.columns[4].metric, None);
    assert_eq!(t.columns[4].unit, Unit::Text);
    // Bare 46 in a column where some value > 1: points, so 46 → 0.46 and 0.5 → 0.005.
    assert_eq!(t.at(0, 1).clone(), Cell::Number(0.46));
    assert_eq!(t.at(1, 1).clone(), Cell::Number(0.005));
    assert_eq!(t.at(1, 2).clone(), Cell::Number(80.0));
    assert_eq!(t.at(0, 3).clone(), Cell::Number(1234.5));
    assert_eq!(t.at(1, 3).clone(), Cell::Empty);
    assert_eq!(
        t.at(2, 2).clone(),
        Cell::Invalid {
            raw: "fast".into(),
            problem: Msg::ErrBadDuration
        }
    );
    assert_eq!(r.dropped, vec![(6, "合计".to_string())]);
    let msgs: Vec<(Msg, Option<usize>)> = r.diagnostics.iter().map(|d| (d.msg, d.row)).collect();
    assert_eq!(
        msgs,
        vec![
            (Msg::WarnBlankAgent, Some(4)),
            (Msg::WarnDuplicateAgent, Some(5)), // column 1 before column 3
            (Msg::ErrBadDuration, Some(5)),
            (Msg::WarnSummaryRowDropped, Some(6)),
        ]
    );
}

#[test]
fn unusable_inputs_are_rejected_with_a_reason() {
    let cases: &[(&str, Msg)] = &[
        ("", Msg::ErrEmptyInput),
        ("\n\n  \n", Msg::ErrEmptyInput),
        ("询单人数\t客单价\n100\t20\n", Msg::ErrNoAgentColumn),
        ("hello", Msg::ImpErrSingleCell),
        ("hello\tworld", Msg::ErrNoAgentColumn),
    ];
    for (text, want) in cases {
        let r = import_text(text);
        assert!(r.is_rejected(), "{text:?}");
        assert_eq!(r.diagnostics[0].msg, *want, "{text:?}");
        assert_eq!(r.diagnostics[0].severity, Severity::Error);
    }
}

#[test]
fn the_demo_team_is_complete_and_clean() {
    let r = import_text(kpi_sandbox::io::demo::DEMO_TSV);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let t = demo_table();
    assert_eq!(t.len(), 30);
    assert_eq!(t.columns.len(), 19);
    assert!(
        t.columns.iter().all(|c| c.metric.is_some()),
        "every demo column is a known metric"
    );
    let g = t.column_of(MetricId::Group).unwrap();
    let pre = t
        .column_cells(g)
        .iter()
        .filter(|c| **c == Cell::Text("售前".into()))
        .count();
    assert_eq!(pre, 20);
    // First agent, as written in the TSV: 32.26% conversion, ¥254.79 AOV, 30.1 s first response.
    let c = |m| t.at(0, t.column_of(m).unwrap()).clone();
    assert_eq!(t.agent_name(0), "小雨");
    assert_eq!(c(MetricId::Conversion), Cell::Number(0.3226));
    assert_eq!(c(MetricId::Aov), Cell::Number(254.79));
    assert_eq!(c(MetricId::FirstResponse), Cell::Number(30.1));
    // The demo keeps the identity 客服销售额 = 询单人数 × 询单转化率 × 客单价 × (1 − 退款率)
    // to within the rounding of the exported conversion rate (2 decimals of a percent).
    for i in 0..t.len() {
        let v = |m| t.at(i, t.column_of(m).unwrap()).number().unwrap();
        let paid = v(MetricId::InquiryPaid);
        let want = paid * v(MetricId::Aov) * (1.0 - v(MetricId::RefundRate));
        assert!(
            (v(MetricId::Sales) - want).abs() < 0.02,
            "row {i}: {} vs {want}",
            v(MetricId::Sales)
        );
    }
}
