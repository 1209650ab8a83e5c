//! Real exports as they arrive: every platform's headers, unit hints, title
//! rows, xlsx number formats, placeholders, `店铺:客服` names, day files
//! rolled up to the month, a second source joined by agent, remembered
//! mappings. Fixtures come from scripts/gen_platform_fixtures.py; expected
//! values are worked out by hand from the numbers written there (sums and
//! weighted means in the comments; checked in Python).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::Msg;
use kpi_sandbox::io::import::{
    find_period, import_grid, import_grid_with, import_text, ImportOptions, ImportResult, MappedBy,
};
use kpi_sandbox::io::join::plan_join;
use kpi_sandbox::io::xlsx::{
    classify_format, day_fraction_as_clock, open as open_file, serial_as_date, NumKind, Opened,
};
use kpi_sandbox::model::metric::{
    agent_key, split_shop, unit_hint, HeaderMapping, ImportMemory, UnitHint,
};
use kpi_sandbox::model::rollup::{roll_up, DayFile};
use kpi_sandbox::model::workbook::JoinedColumn;
use kpi_sandbox::model::{lookup_header, Cell, Command, MetricId, Table, Unit, Workbook};

fn gbk(bytes: &[u8]) -> Option<String> {
    let (s, _, bad) = encoding_rs::GB18030.decode(bytes);
    (!bad).then(|| s.into_owned())
}

/// Opens a platform fixture as the app does (xlsx → first team sheet; text decoded).
fn open_with(name: &str, options: &ImportOptions) -> ImportResult {
    let path = format!(
        "{}/tests/fixtures/platforms/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    match open_file(&bytes, name, &gbk).unwrap_or_else(|r| panic!("{name}: {r:?}")) {
        Opened::Text(text, _) => {
            import_grid_with(kpi_sandbox::io::delimited::split(&text), options)
        }
        Opened::Sheets(sheets) => {
            let pick = kpi_sandbox::io::xlsx::default_sheet(&sheets);
            import_grid_with(sheets[pick].grid(), options)
        }
    }
}

fn open(name: &str) -> ImportResult {
    open_with(name, &ImportOptions::default())
}

fn num(t: &Table, row: usize, m: MetricId) -> Option<f64> {
    let c = t
        .column_of(m)
        .unwrap_or_else(|| panic!("no column for {m:?}"));
    t.at(row, c).number()
}

fn close(a: Option<f64>, b: f64, what: &str) {
    let a = a.unwrap_or_else(|| panic!("{what}: no value"));
    assert!(
        (a - b).abs() <= 1e-12 * b.abs().max(1.0),
        "{what}: {a} vs {b}"
    );
}

/// Checks (agent row, metric, expected value; None = missing) on `t`.
fn check(t: &Table, cases: &[(usize, MetricId, Option<f64>)], file: &str) {
    for (row, m, want) in cases {
        let got = num(t, *row, *m);
        match want {
            Some(w) => close(got, *w, &format!("{file} row {row} {m:?}")),
            None => assert_eq!(got, None, "{file} row {row} {m:?} should be missing"),
        }
    }
}

fn no_invalid(r: &ImportResult, file: &str) {
    for c in 0..r.table.columns.len() {
        for cell in r.table.column_cells(c) {
            assert!(
                !matches!(cell, Cell::Invalid { .. }),
                "{file}: invalid cell {cell:?} in {}",
                r.table.columns[c].name
            );
        }
    }
}

const DAY1: &str = "自定义报表_客服数据_下单优先判定_2026-10-01至2026-10-01.xlsx";
const DAY2: &str = "自定义报表_客服数据_下单优先判定_2026-10-02至2026-10-02.xlsx";
const DAY3: &str = "自定义报表_客服数据_下单优先判定_2026-10-03至2026-10-03.xlsx";
const DAY1_AGAIN: &str = "自定义报表_客服数据_下单优先判定_2026-10-01至2026-10-01(1).xlsx";
const NOV1: &str = "自定义报表_客服数据_下单优先判定_2026-11-01至2026-11-01.xlsx";

#[test]
fn every_platform_header_maps() {
    use MetricId as M;
    let cases: &[(&str, Option<MetricId>)] = &[
        // 赤兔
        ("聊天人数(原咨询人数)", Some(M::Consultations)),
        ("直接接入人数", Some(M::DirectIn)),
        ("转发接入人数", Some(M::TransferIn)),
        ("转出人数", Some(M::TransferOut)),
        ("总消息数", Some(M::TotalMessages)),
        ("买家消息数", Some(M::BuyerMessages)),
        ("客服消息数", Some(M::AgentMessages)),
        ("客服字数", Some(M::AgentChars)),
        ("最大同时聊天数", Some(M::MaxConcurrent)),
        ("未回复人数", Some(M::Unreplied)),
        ("慢接待人数", Some(M::SlowResponses)),
        ("长接待人数", Some(M::LongSessions)),
        ("平均响应(秒)", Some(M::AvgResponse)),
        ("平均接待时长", Some(M::AvgSessionTime)),
        ("上班天数", Some(M::Attendance)),
        ("客户满意率", Some(M::Satisfaction)),
        ("询单->最终付款转化率", Some(M::Conversion)),
        ("询单->最终下单人数", Some(M::InquiryOrdered)),
        ("下单->最终付款成功率", Some(M::OrderToPay)),
        ("询单->次日付款人数", Some(M::NextDayPaid)),
        ("销售人数", Some(M::Buyers)),
        ("客件数", Some(M::ItemsPerCustomer)),
        ("在线总时长(秒)", Some(M::OnlineTime)),
        ("挂起总时长", Some(M::HoldTime)),
        // 千牛/生意参谋
        ("账户名", Some(M::Agent)),
        ("完成退款金额", Some(M::RefundAmount)),
        ("E客服评价发送率", Some(M::EvalSendRate)),
        ("客户满意比", Some(M::Satisfaction)),
        ("旺旺回复率", Some(M::ReplyRate)),
        ("客服答问比", Some(M::AnswerRatio)),
        ("首次响应时长（秒）", Some(M::FirstResponse)),
        ("平均响应时长（秒）", Some(M::AvgResponse)),
        // Tmall CS models
        ("旺旺昵称", Some(M::Agent)),
        ("旺旺分组", Some(M::Group)),
        ("有效接待人数", Some(M::Served)),
        ("当日询单人数", Some(M::Inquiries)),
        ("净销售额", Some(M::Sales)),
        ("询单流失人数", Some(M::LostInquiries)),
        ("淘宝答问比", Some(M::AnswerRatio)),
        ("询单最终付款转化率", Some(M::Conversion)),
        // 拼多多
        ("客服账号", Some(M::Agent)),
        ("3分钟人工回复率(8-23点)", Some(M::Reply3Min)),
        ("30秒应答率(8-23点)", Some(M::Answer30s)),
        ("平均人工响应时长(分钟)", Some(M::AvgResponse)),
        ("最终成团人数", Some(M::Buyers)),
        ("去退销售额（元）", Some(M::Sales)),
        ("客服服务分", Some(M::ServiceScore)),
        // 抖店/飞鸽
        ("账号名称", Some(M::Agent)),
        ("人工已接待人数", Some(M::Served)),
        ("满意率", Some(M::Satisfaction)),
        ("不满意率", Some(M::Dissatisfaction)),
        ("客服销售额（元）", Some(M::Sales)),
        ("下单人数", Some(M::Orders)),
        ("支付人数", Some(M::Buyers)),
        ("PC在线时长（时）", Some(M::OnlineTime)),
        // 京东 咚咚
        ("客服", Some(M::Agent)),
        ("UID", None),
        ("技能组", Some(M::Group)),
        ("接待量", Some(M::Served)),
        ("首次平均响应时间", Some(M::FirstResponse)),
        ("30s应答率", Some(M::Answer30s)),
        ("促成下单商品金额", Some(M::Sales)),
        ("好评量", Some(M::GoodReviews)),
        ("差评量", Some(M::BadReviews)),
        // 售后
        ("退款时长", Some(M::RefundTime)),
        ("纠纷退款率", Some(M::DisputeRefundRate)),
        ("平台介入率", Some(M::InterventionRate)),
        ("品质退款率", Some(M::QualityRefundRate)),
        ("售后处理时长", Some(M::AfterSalesTime)),
        // Unknown headers stay custom.
        ("红线次数", None),
        ("备注（手填）", None),
    ];
    for (h, want) in cases {
        assert_eq!(lookup_header(h).map(|d| d.id), *want, "{h}");
    }
}

#[test]
fn unit_hints_in_brackets() {
    let cases: &[(&str, Option<UnitHint>)] = &[
        ("首次响应(秒)", Some(UnitHint::Seconds)),
        ("首次响应时长（秒）", Some(UnitHint::Seconds)),
        ("平均人工响应时长(分钟)", Some(UnitHint::Minutes)),
        ("PC在线时长（时）", Some(UnitHint::Hours)),
        ("在线时长(小时)", Some(UnitHint::Hours)),
        ("客服销售额（元）", Some(UnitHint::Yuan)),
        ("销售额(万元)", Some(UnitHint::TenThousandYuan)),
        ("转化率(%)", Some(UnitHint::Percent)),
        ("转化率（％）", Some(UnitHint::Percent)),
        ("3分钟人工回复率(8-23点)", None),
        ("聊天人数(原咨询人数)", None),
        ("客服昵称", None),
    ];
    for (h, want) in cases {
        assert_eq!(unit_hint(h), *want, "{h}");
    }
    // Hints convert bare numbers; values written with their own units are read as written.
    let r = import_text(
        "客服昵称\t平均人工响应时长(分钟)\t销售额(万元)\t转化率(%)\t挂起时长(小时)\t自定义时长(分钟)\n\
         小雨\t0.45\t1.2\t46.21\t1.5\t2\n\
         阿杰\t1分30秒\t8500元\t38\t0.25\t-\n",
    );
    check(
        &r.table,
        &[
            (0, MetricId::AvgResponse, Some(27.0)),
            (1, MetricId::AvgResponse, Some(90.0)),
            (0, MetricId::Sales, Some(12_000.0)),
            (1, MetricId::Sales, Some(8_500.0)),
            (0, MetricId::Conversion, Some(0.4621)),
            (1, MetricId::Conversion, Some(0.38)),
            (0, MetricId::HoldTime, Some(5400.0)),
            (1, MetricId::HoldTime, Some(900.0)),
        ],
        "hints",
    );
    // A custom column takes its unit from the hint.
    let c = r
        .table
        .columns
        .iter()
        .position(|c| c.name == "自定义时长(分钟)")
        .unwrap();
    assert_eq!(r.table.columns[c].unit, Unit::Seconds);
    assert_eq!(r.table.at(0, c).number(), Some(120.0));
    assert_eq!(r.table.at(1, c), &Cell::Empty);
}

#[test]
fn placeholders_are_missing_not_invalid() {
    let r = import_text(
        "客服昵称\t客户满意率\t首次响应(秒)\t客服服务分\t退款率\n\
         小雨\t延迟统计\t--\t暂无\t/\n\
         阿杰\t96%\t统计中\tN/A\t#DIV/0!\n",
    );
    no_invalid(&r, "placeholders");
    assert_eq!(num(&r.table, 0, MetricId::Satisfaction), None);
    assert_eq!(num(&r.table, 1, MetricId::Satisfaction), Some(0.96));
    assert_eq!(num(&r.table, 1, MetricId::FirstResponse), None);
}

#[test]
fn chitu_day_file_title_rows_formats_and_summaries() {
    let r = open(DAY1);
    no_invalid(&r, DAY1);
    // Title at line 1, blank line 2, header at line 3.
    assert_eq!(r.header_line, 3);
    assert_eq!(r.header_index, 1);
    assert_eq!(
        r.period,
        Some(("2026-10-01".to_string(), "2026-10-01".to_string()))
    );
    assert!(r
        .diagnostics
        .iter()
        .any(|d| d.msg == Msg::WarnRowAboveHeader));
    let dropped: Vec<&str> = r.dropped.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(dropped, ["汇总", "均值"]);
    let t = &r.table;
    assert_eq!(t.len(), 3);
    assert_eq!(t.agent_name(2), "南风");
    use MetricId as M;
    check(
        t,
        &[
            (0, M::Consultations, Some(60.0)),
            (0, M::Served, Some(50.0)),
            (0, M::Inquiries, Some(40.0)),
            (0, M::InquiryPaid, Some(20.0)),
            // A 0.00% cell holding 0.5.
            (0, M::Conversion, Some(0.5)),
            (1, M::Conversion, Some(0.3)),
            (0, M::Sales, Some(5000.0)),
            (0, M::FirstResponse, Some(20.0)),
            (0, M::AvgResponse, Some(30.0)),
            // [h]:mm:ss cells hold fractions of a day: 300 s is 0.003472…
            (0, M::AvgSessionTime, Some(300.0)),
            (1, M::AvgSessionTime, Some(420.0)),
            (0, M::Satisfaction, Some(0.9)),
            // 延迟统计 is a missing value.
            (2, M::Satisfaction, None),
            (0, M::ReplyRate, Some(0.98)),
            (2, M::ReplyRate, Some(1.0)),
            (0, M::AnswerRatio, Some(1.2)),
            (0, M::MaxConcurrent, Some(5.0)),
            (0, M::Attendance, Some(1.0)),
        ],
        DAY1,
    );
    // Picking the title row as the header is the user's choice, and refused clearly.
    let r = open_with(
        DAY1,
        &ImportOptions {
            header_row: Some(0),
            ..ImportOptions::default()
        },
    );
    assert!(r.is_rejected());
    assert_eq!(r.diagnostics[0].msg, Msg::ErrNoAgentColumn);
}

fn day(name: &str) -> DayFile {
    let r = open(name);
    let date = find_period(name).unwrap().0;
    DayFile {
        date,
        source: name.to_string(),
        table: r.table,
    }
}

#[test]
fn day_files_roll_up_to_the_month() {
    use MetricId as M;
    // In any order.
    let rolled = roll_up(vec![day(DAY3), day(DAY1), day(DAY2)], &[]).unwrap();
    assert_eq!(rolled.month, "2026-10");
    assert_eq!(rolled.days, ["2026-10-01", "2026-10-02", "2026-10-03"]);
    assert!(rolled.missing_days.is_empty());
    assert_eq!(rolled.absent, vec![("南风".to_string(), 2)]);
    let t = &rolled.table;
    assert_eq!(t.len(), 3);
    assert_eq!(
        (0..3).map(|r| t.agent_name(r)).collect::<Vec<_>>(),
        ["小雨", "阿杰", "南风"]
    );
    check(
        t,
        &[
            // 小雨: counts summed over three days.
            (0, M::Consultations, Some(180.0)), // 60 + 70 + 50
            (0, M::Served, Some(150.0)),        // 50 + 60 + 40
            (0, M::Inquiries, Some(120.0)),     // 40 + 50 + 30
            (0, M::InquiryPaid, Some(62.0)),    // 20 + 30 + 12
            (0, M::Sales, Some(15_500.0)),      // 5000 + 7500 + 3000
            // Conversion recomputed from the counts: 62 / 120.
            (0, M::Conversion, Some(62.0 / 120.0)),
            // Weighted by 接待人数: (20·50 + 26·60 + 30·40) / 150 = 3760 / 150.
            (0, M::FirstResponse, Some(3760.0 / 150.0)),
            (0, M::AvgResponse, Some(5260.0 / 150.0)),
            // (300·50 + 240·60 + 330·40) / 150 = 284.
            (0, M::AvgSessionTime, Some(284.0)),
            // (0.9·50 + 0.95·60 + 1.0·40) / 150 = 142 / 150.
            (0, M::Satisfaction, Some(142.0 / 150.0)),
            (0, M::ReplyRate, Some(147.8 / 150.0)),
            // No message counts in the files: weighted, (1.2·50 + 1.3·60 + 1.1·40) / 150.
            (0, M::AnswerRatio, Some(182.0 / 150.0)),
            (0, M::MaxConcurrent, Some(6.0)),
            (0, M::Attendance, Some(3.0)),
            // 阿杰: 27 / 75 and (40·40 + 34·20 + 28·40) / 100.
            (1, M::Conversion, Some(0.36)),
            (1, M::FirstResponse, Some(34.0)),
            (1, M::Satisfaction, Some(0.82)),
            (1, M::Attendance, Some(3.0)),
            // 南风 on two days; 延迟统计 on the 1st leaves only the 3rd's 90 %.
            (2, M::Served, Some(40.0)),
            (2, M::Conversion, Some(0.4)), // 12 / 30
            (2, M::Satisfaction, Some(0.9)),
            (2, M::Attendance, Some(2.0)),
        ],
        "roll-up",
    );
    // Day 2 missing: listed.
    let rolled = roll_up(vec![day(DAY1), day(DAY3)], &[]).unwrap();
    assert_eq!(rolled.missing_days, ["2026-10-02"]);
    // Days imported before are rolled up with the new one.
    let kept = [day(DAY1), day(DAY2)];
    let later = roll_up(vec![day(DAY3)], &kept).unwrap();
    assert_eq!(later.days.len(), 3);
    close(num(&later.table, 0, M::Served), 150.0, "kept days");
}

#[test]
fn a_day_twice_is_not_counted_twice() {
    use MetricId as M;
    let rolled = roll_up(vec![day(DAY1), day(DAY2), day(DAY3), day(DAY1_AGAIN)], &[]).unwrap();
    assert_eq!(rolled.replaced, ["2026-10-01"]);
    assert_eq!(rolled.days.len(), 3);
    // The re-export of the 1st (only 小雨) replaced the first file of that day.
    close(num(&rolled.table, 0, M::Served), 150.0, "小雨 served");
    close(
        num(&rolled.table, 1, M::Served),
        60.0,
        "阿杰 served (2nd + 3rd)",
    );
    assert!(rolled.notes.iter().any(|n| n.msg == Msg::ImpDaysReplaced));
}

#[test]
fn day_files_of_two_months_are_refused() {
    let e = roll_up(vec![day(DAY1), day(NOV1)], &[]).unwrap_err();
    assert_eq!(e.msg, Msg::ImpErrMixedMonths);
    assert_eq!(e.args, ["2026-10、2026-11"]);
}

#[test]
fn day_files_through_the_workbook_one_undo_step() {
    use MetricId as M;
    let mut wb = Workbook::with_plans(
        import_text("客服昵称\t询单人数\n甲\t1\n").table,
        "2026-09",
        vec![],
    );
    wb.apply(Command::ImportDays {
        days: vec![day(DAY1), day(DAY2)],
        memory: Box::default(),
    })
    .unwrap();
    assert_eq!(wb.month(), "2026-10");
    assert_eq!(wb.days_of("2026-10").len(), 2);
    // A later paste of the 3rd joins the days already there.
    wb.apply(Command::ImportDays {
        days: vec![day(DAY3)],
        memory: Box::default(),
    })
    .unwrap();
    close(num(wb.table(), 0, M::Served), 150.0, "after the 3rd");
    assert_eq!(wb.days_of("2026-10").len(), 3);
    wb.undo();
    close(num(wb.table(), 0, M::Served), 110.0, "undo: days 1–2"); // 50 + 60
    assert_eq!(wb.days_of("2026-10").len(), 2);
    wb.undo();
    assert_eq!(wb.month(), "2026-09");
    assert!(wb.days_of("2026-10").is_empty());
    // Mixed months change nothing.
    let before = wb.snapshot();
    assert!(wb
        .apply(Command::ImportDays {
            days: vec![day(DAY1), day(NOV1)],
            memory: Box::default(),
        })
        .is_err());
    assert_eq!(wb.snapshot(), before);
}

#[test]
fn qianniu_shop_prefix_1904_dates_and_placeholders() {
    use MetricId as M;
    let name = "千牛_服务绩效_202610.xlsx";
    let r = open(name);
    no_invalid(&r, name);
    let shop = r.shop.clone().unwrap();
    assert_eq!(shop.shops, ["花间小铺"]);
    assert!(shop.dropped);
    assert_eq!(r.table.agent_name(0), "小雨");
    // Serial 44834 in the 1904 system is 2026-10-01.
    let dc = r.table.column_of(M::Date).unwrap();
    assert_eq!(r.table.at(0, dc), &Cell::Text("2026-10-01".into()));
    check(
        &r.table,
        &[
            (0, M::Sales, Some(123_456.78)),
            (1, M::RefundAmount, Some(0.0)),
            (0, M::EvalSendRate, Some(0.8123)),
            (0, M::Satisfaction, Some(0.9512)),
            (1, M::Satisfaction, None), // 暂无
            (2, M::ReplyRate, Some(1.0)),
            (0, M::AnswerRatio, Some(1.35)),
            (0, M::Attendance, Some(22.0)),
            (0, M::FirstResponse, Some(18.5)),
            (2, M::AvgResponse, Some(41.5)),
        ],
        name,
    );
    // Keeping the shop is a per-import choice.
    let kept = open_with(
        name,
        &ImportOptions {
            memory: ImportMemory {
                drop_shop: Some(false),
                ..ImportMemory::default()
            },
            ..ImportOptions::default()
        },
    );
    assert_eq!(kept.table.agent_name(0), "花间小铺:小雨");
    assert!(!kept.shop.unwrap().dropped);
}

#[test]
fn tmall_pdd_douyin_jd_and_after_sales_layouts() {
    use MetricId as M;
    let name = "天猫客服绩效模型_2026-10.csv";
    let r = open(name);
    no_invalid(&r, name);
    assert_eq!(r.dropped.len(), 1);
    check(
        &r.table,
        &[
            (0, M::Served, Some(1520.0)),
            (0, M::Inquiries, Some(980.0)),
            (0, M::Sales, Some(352_108.5)),
            (2, M::Sales, Some(12_345.67)),
            (0, M::LostInquiries, Some(310.0)),
            (0, M::AnswerRatio, Some(1.28)),
            (0, M::Conversion, Some(0.4621)),
        ],
        name,
    );

    let name = "拼多多_客服绩效.xlsx";
    let r = open(name);
    no_invalid(&r, name);
    assert_eq!(r.header_line, 2);
    assert_eq!(
        r.period,
        Some(("2026-10-01".to_string(), "2026-10-31".to_string()))
    );
    assert_eq!(r.table.agent_name(0), "pdd12345_小雨");
    check(
        &r.table,
        &[
            (0, M::Reply3Min, Some(0.9876)),
            (0, M::Answer30s, Some(0.9123)),
            // (分钟): 0.45 min = 27 s, 1.2 min = 72 s; 1分30秒 is read as written.
            (0, M::AvgResponse, Some(27.0)),
            (1, M::AvgResponse, Some(72.0)),
            (2, M::AvgResponse, Some(90.0)),
            (0, M::Buyers, Some(812.0)),
            (0, M::Sales, Some(65_432.1)),
            (0, M::ServiceScore, Some(4.85)),
            (1, M::ServiceScore, None), // --
        ],
        name,
    );

    let name = "飞鸽_客服数据_2026-10.csv";
    let r = open(name);
    no_invalid(&r, name);
    check(
        &r.table,
        &[
            (0, M::Served, Some(1888.0)),
            (0, M::FirstResponse, Some(12.3)),
            (2, M::FirstResponse, None),
            (2, M::AvgResponse, Some(32.5)),
            (0, M::Satisfaction, Some(0.925)),
            (0, M::Dissatisfaction, Some(0.012)),
            (2, M::Satisfaction, None),
            (0, M::Sales, Some(88_888.8)),
            (0, M::Orders, Some(300.0)),
            (0, M::Buyers, Some(280.0)),
            // (时): 7.5 h = 27,000 s; 8.25 h = 29,700 s.
            (0, M::OnlineTime, Some(27_000.0)),
            (1, M::OnlineTime, Some(29_700.0)),
        ],
        name,
    );

    let name = "京东咚咚_客服工作量.csv";
    let r = open(name);
    no_invalid(&r, name);
    let g = r.table.column_of(M::Group).unwrap();
    assert_eq!(r.table.at(0, g), &Cell::Text("售前组".into()));
    let uid = r
        .table
        .columns
        .iter()
        .position(|c| c.name == "UID")
        .unwrap();
    assert_eq!(r.table.columns[uid].metric, None);
    check(
        &r.table,
        &[
            (0, M::Served, Some(1320.0)),
            (0, M::FirstResponse, Some(12.5)),
            (0, M::Answer30s, Some(0.951)),
            (0, M::Sales, Some(12_000.0)), // 1.2万
            (1, M::Sales, Some(8_500.0)),
            (0, M::GoodReviews, Some(88.0)),
            (1, M::BadReviews, Some(3.0)),
        ],
        name,
    );

    let name = "售后考核_2026-10.csv";
    let r = open(name);
    no_invalid(&r, name);
    check(
        &r.table,
        &[
            (0, M::RefundTime, Some(528.0)),  // 8分48秒
            (1, M::RefundTime, Some(3900.0)), // 1小时5分
            (0, M::DisputeRefundRate, Some(0.005)),
            (0, M::InterventionRate, Some(0.001)),
            (0, M::QualityRefundRate, Some(0.012)),
            (0, M::AfterSalesTime, Some(750.0)), // 00:12:30
            (1, M::AfterSalesTime, Some(480.0)),
            (0, M::HoldTime, Some(3720.0)), // 1小时2分
            (1, M::HoldTime, Some(2700.0)), // 45分钟
        ],
        name,
    );
}

#[test]
fn a_seconds_header_over_clock_times_is_said() {
    let name = "首响_时钟.csv";
    let r = open(name);
    // 08:48 read as minutes:seconds = 528 s, and a warning says so.
    check(
        &r.table,
        &[
            (0, MetricId::FirstResponse, Some(528.0)),
            (1, MetricId::FirstResponse, Some(35.0)),
        ],
        name,
    );
    let w: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.msg == Msg::WarnHintClock)
        .collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].args[1], "08:48");
}

#[test]
fn a_header_that_cannot_be_found_is_refused() {
    let r = open("只有说明.csv");
    assert!(r.is_rejected());
    assert_eq!(r.diagnostics[0].msg, Msg::ErrNoAgentColumn);
}

#[test]
fn number_formats_classify() {
    let cases: &[(&str, NumKind)] = &[
        ("0.00%", NumKind::Percent),
        ("0%", NumKind::Percent),
        ("[h]:mm:ss", NumKind::Time),
        ("mm:ss", NumKind::Time),
        ("h:mm:ss", NumKind::Time),
        ("[$-409]h:mm AM/PM", NumKind::Time),
        ("yyyy-mm-dd", NumKind::Date),
        ("yyyy\"年\"m\"月\"d\"日\"", NumKind::Date),
        ("m/d/yy", NumKind::Date),
        ("yyyy-mm-dd hh:mm:ss", NumKind::DateTime),
        ("General", NumKind::Plain),
        ("0.00", NumKind::Plain),
        ("#,##0.00_);[Red](#,##0.00)", NumKind::Plain),
        ("\"¥\"#,##0.00", NumKind::Plain),
        ("0.00E+00", NumKind::Plain),
        ("\"seconds\" 0", NumKind::Plain),
        ("@", NumKind::Plain),
    ];
    for (code, want) in cases {
        assert_eq!(classify_format(code), *want, "{code}");
    }
}

#[test]
fn serials_and_day_fractions() {
    // Serial 46296 is 2026-10-01 in the 1900 system (Python: date(2026,10,1) - date(1899,12,30)).
    let cases: &[(f64, bool, bool, &str)] = &[
        (46296.0, false, false, "2026-10-01"),
        (44834.0, true, false, "2026-10-01"),
        (1.0, false, false, "1900-01-01"),
        (61.0, false, false, "1900-03-01"),
        (45658.0, false, false, "2025-01-01"),
        (0.0, true, false, "1904-01-01"),
        (46296.5, false, true, "2026-10-01 12:00:00"),
    ];
    for (v, d1904, time, want) in cases {
        assert_eq!(
            serial_as_date(*v, *d1904, *time).as_deref(),
            Some(*want),
            "{v}"
        );
    }
    assert_eq!(serial_as_date(-1.0, false, false), None);
    let clocks: &[(f64, &str)] = &[
        (27.0 / 86400.0, "0:00:27"),
        (0.0003125, "0:00:27"),
        (1.5, "36:00:00"),
        (1234.5 / 86400.0, "0:20:34.500"),
    ];
    for (v, want) in clocks {
        assert_eq!(day_fraction_as_clock(*v), *want, "{v}");
    }
}

#[test]
fn periods_in_names_and_titles() {
    let cases: &[(&str, Option<(&str, &str)>)] = &[
        (DAY1, Some(("2026-10-01", "2026-10-01"))),
        (
            "客服绩效报表 统计时间：2026-10-01至2026-10-31",
            Some(("2026-10-01", "2026-10-31")),
        ),
        ("客服数据20261005.xlsx", Some(("2026-10-05", "2026-10-05"))),
        ("2026年10月5日 报表", Some(("2026-10-05", "2026-10-05"))),
        ("2026/10/5", Some(("2026-10-05", "2026-10-05"))),
        ("2026-02-30", None),
        ("订单号 1234567890123", None),
        ("报表.xlsx", None),
    ];
    for (text, want) in cases {
        assert_eq!(
            find_period(text),
            want.map(|(a, b)| (a.to_string(), b.to_string())),
            "{text}"
        );
    }
}

#[test]
fn agent_names_split_and_match() {
    assert_eq!(split_shop("花间小铺:小雨"), (Some("花间小铺"), "小雨"));
    assert_eq!(split_shop("花间小铺：小雨"), (Some("花间小铺"), "小雨"));
    assert_eq!(split_shop("小雨"), (None, "小雨"));
    assert_eq!(split_shop(":小雨"), (None, ":小雨"));
    assert_eq!(agent_key("花间小铺:小雨"), agent_key(" 小雨 "));
    assert_eq!(agent_key("Ａｍｙ"), agent_key("amy"));
    assert_ne!(agent_key("小雨"), agent_key("小雪"));
}

/// The columns a join plan writes, as the command takes them.
fn joined(plan: &kpi_sandbox::io::join::JoinPlan) -> Vec<JoinedColumn> {
    plan.columns
        .iter()
        .map(|c| JoinedColumn {
            column: c.column.clone(),
            cells: c.cells.clone(),
            replaces: c.replaces,
        })
        .collect()
}

#[test]
fn a_quality_sheet_joins_by_agent() {
    use MetricId as M;
    let month = roll_up(vec![day(DAY1), day(DAY2), day(DAY3)], &[])
        .unwrap()
        .table;
    let source = open("质检评分_2026-10.csv").table;
    let plan = plan_join(&month, &source, &[]).unwrap();
    // 花间小铺:小雨 → 小雨, "阿杰 " → 阿杰; 小夏 is not in October's data.
    assert_eq!(plan.matches, vec![Some(0), Some(1), None]);
    assert_eq!(plan.unmatched, vec![(2, "小夏".to_string())]);
    assert_eq!(plan.missing, ["南风"]);
    assert_eq!(plan.columns.len(), 2);
    assert_eq!(plan.columns[0].column.metric, Some(M::QaScore));
    assert_eq!(
        plan.columns[0].cells,
        vec![Cell::Number(96.5), Cell::Number(88.0), Cell::Empty]
    );
    // The user matches 小夏 to 南风 by hand.
    let fixed = plan_join(&month, &source, &[(2, Some(2))]).unwrap();
    assert_eq!(
        fixed.columns[0].cells,
        vec![Cell::Number(96.5), Cell::Number(88.0), Cell::Number(90.0)]
    );

    // Through the workbook: one undo step.
    let mut wb = Workbook::with_plans(month.clone(), "2026-10", vec![]);
    let width = wb.table().columns.len();
    wb.apply(Command::JoinColumns {
        columns: joined(&plan),
        memory: Box::default(),
    })
    .unwrap();
    assert_eq!(wb.table().columns.len(), width + 2);
    assert_eq!(num(wb.table(), 1, M::QaScore), Some(88.0));
    wb.undo();
    assert_eq!(wb.table(), &month);

    // Joining again replaces the values of the column already there.
    let mut wb = Workbook::with_plans(month, "2026-10", vec![]);
    wb.apply(Command::JoinColumns {
        columns: joined(&plan),
        memory: Box::default(),
    })
    .unwrap();
    let again = plan_join(wb.table(), &source, &[(2, Some(2))]).unwrap();
    assert!(again.columns.iter().all(|c| c.replaces.is_some()));
    assert_eq!(num(wb.table(), 2, M::QaScore), None);
}

#[test]
fn join_sources_that_cannot_be_matched() {
    let month = import_text("客服昵称\t询单人数\n小雨\t1\n阿杰\t2\n").table;
    let dup = open("质检评分_重复.csv").table;
    let e = plan_join(&month, &dup, &[]).unwrap_err();
    assert_eq!(e.msg, Msg::JoinErrDuplicates);
    assert_eq!(e.args, ["小雨"]);
    let r = open("质检评分_无客服列.csv");
    assert!(r.is_rejected());
    assert_eq!(r.diagnostics[0].msg, Msg::ErrNoAgentColumn);
    let stranger = import_text("客服昵称\t质检得分\n小夏\t90\n").table;
    assert_eq!(
        plan_join(&month, &stranger, &[]).unwrap_err().msg,
        Msg::JoinErrNoMatch
    );
    let only_agents = import_text("客服昵称\n小雨\n").table;
    assert_eq!(
        plan_join(&month, &only_agents, &[]).unwrap_err().msg,
        Msg::JoinErrNothing
    );
}

#[test]
fn remapped_headers_are_remembered() {
    let text = "客服昵称\t上岗天数\t询单人数\n小雨\t22\t100\n";
    let first = import_text(text);
    let c = first
        .table
        .columns
        .iter()
        .position(|c| c.name == "上岗天数")
        .unwrap();
    assert_eq!(first.table.columns[c].metric, None);
    assert_eq!(first.info[c].mapped_by, MappedBy::Custom);

    // The user remaps it in the grid; the workbook remembers.
    let mut wb = Workbook::with_plans(first.table.clone(), "2026-10", vec![]);
    wb.apply(Command::RemapColumn {
        col: c,
        metric: Some(MetricId::Attendance),
        unit: Unit::Days,
    })
    .unwrap();
    let memory = wb.import_memory().clone();
    assert_eq!(
        memory.find("上岗天数"),
        Some(&HeaderMapping {
            header: "上岗天数".into(),
            metric: Some(MetricId::Attendance),
            unit: Unit::Days,
        })
    );
    // The next import maps it the same way.
    let again = import_grid_with(
        kpi_sandbox::io::delimited::split(text),
        &ImportOptions {
            memory: memory.clone(),
            ..ImportOptions::default()
        },
    );
    assert_eq!(again.table.columns[c].metric, Some(MetricId::Attendance));
    assert_eq!(again.info[c].mapped_by, MappedBy::Remembered);
    assert_eq!(num(&again.table, 0, MetricId::Attendance), Some(22.0));
    // It travels in the saved workbook.
    let json = kpi_sandbox::io::scenario::to_json(&wb.snapshot());
    let back = kpi_sandbox::io::scenario::from_json(&json).unwrap();
    assert_eq!(back.memory, memory);
    // Undo forgets it with the remap; a reset forgets everything.
    wb.undo();
    assert!(wb.import_memory().is_empty());
    wb.redo();
    wb.apply(Command::ForgetMappings).unwrap();
    assert!(wb.import_memory().is_empty());
    assert!(wb.apply(Command::ForgetMappings).is_err());
    // Unchanged default import.
    assert_eq!(
        import_grid(kpi_sandbox::io::delimited::split(text)).table,
        first.table
    );
}

#[test]
fn day_files_travel_in_the_saved_workbook() {
    let mut wb = Workbook::with_plans(
        import_text("客服昵称\t询单人数\n甲\t1\n").table,
        "2026-09",
        vec![],
    );
    wb.apply(Command::ImportDays {
        days: vec![day(DAY1), day(DAY2)],
        memory: Box::default(),
    })
    .unwrap();
    let json = kpi_sandbox::io::scenario::to_json(&wb.snapshot());
    let back = kpi_sandbox::io::scenario::from_json(&json).unwrap();
    assert_eq!(back.days.len(), 2);
    assert_eq!(back.days, wb.snapshot().days);
}

#[test]
fn share_links_leave_day_files_behind() {
    let mut wb = Workbook::with_plans(
        import_text("客服昵称\t询单人数\n甲\t1\n").table,
        "2026-09",
        vec![],
    );
    wb.apply(Command::ImportDays {
        days: vec![day(DAY1), day(DAY2)],
        memory: Box::default(),
    })
    .unwrap();
    for scope in [
        kpi_sandbox::io::share::Scope::Everything,
        kpi_sandbox::io::share::Scope::Anonymous,
    ] {
        let link = kpi_sandbox::io::share::encode(&wb.snapshot(), scope);
        match kpi_sandbox::io::share::decode(&link).unwrap() {
            kpi_sandbox::io::share::Shared::Workbook(s) => {
                assert!(s.days.is_empty());
                // The rolled-up month itself travels.
                assert_eq!(
                    s.tables
                        .iter()
                        .find(|(m, _)| m == "2026-10")
                        .unwrap()
                        .1
                        .len(),
                    3
                );
            }
            _ => panic!("a workbook link"),
        }
    }
    // The anonymised snapshot carries no day file with real names.
    assert!(kpi_sandbox::io::share::anonymize(&wb.snapshot())
        .days
        .is_empty());
}
