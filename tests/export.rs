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
    // English headers name the metric in English (询单转化率 is "Conversion rate").
    assert!(lines[0].starts_with(
        "Rank,Agent,Group,Conversion rate · Value (%),Conversion rate · Points,Conversion rate · Weighted (40%)"
    ));
    // Points, weighted points and totals carry at most two decimals (as shown).
    for l in &lines[1..] {
        for f in l.split(',').skip(3) {
            if let Some((_, dec)) = f.split_once('.') {
                if f.parse::<f64>().is_ok() {
                    assert!(dec.len() <= 2, "{f} in {l}");
                }
            }
        }
    }
    assert!(lines[1].starts_with("1,"));
    assert!(lines[0].ends_with("Total,Grade"));
}

#[test]
fn payouts_comparison_and_qa_export_as_csv() {
    use kpi_sandbox::io::export::{comparison_csv, payouts_csv, qa_csv};
    use kpi_sandbox::model::payout::*;
    use kpi_sandbox::model::plan::{score, Grading, Plan, PlanItem, Rule};
    let t = import_text(
        "客服昵称\t询单转化率\t出勤天数\t客服销售额\n甲\t40%\t22\t30000\n乙\t36%\t20\t12000\n",
    )
    .table;
    let plan = Plan {
        id: Default::default(),
        name: "p".into(),
        month: "2026-11".into(),
        group: None,
        items: vec![PlanItem::new(
            "询单转化率",
            100.0,
            Rule::Ratio {
                target: 0.4,
                floor: 0.0,
                cap: 150.0,
            },
            true,
        )],
        grading: Grading::default_thresholds(),
    };
    let step = |min: f64, coef: f64| CoefStep { min, coef };
    let m = PayoutModel {
        id: Default::default(),
        name: "m".into(),
        components: vec![
            Component::Target {
                base: 1000.0,
                coef: Coefficient::ScoreTable {
                    steps: vec![step(95.0, 1.5), step(85.0, 1.2)],
                    otherwise: 0.0,
                },
            },
            Component::Commission {
                column: "客服销售额".into(),
                tiers: vec![
                    Tier {
                        from: 0.0,
                        rate: 0.05,
                    },
                    Tier {
                        from: 10_000.0,
                        rate: 0.07,
                    },
                    Tier {
                        from: 25_000.0,
                        rate: 0.10,
                    },
                ],
                mode: TierMode::Marginal,
                multiplier: 1.0,
            },
        ],
        gates: Vec::new(),
        prorate: Some(Prorate {
            column: "出勤天数".into(),
            full_days: 22.0,
        }),
        rounding: 10.0,
        budget: None,
        lines: Default::default(),
    };
    let p = compute(&t, &plan, &score(&t, &plan), &m);
    let text = payouts_csv(&p, &m, Lang::Zh);
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}客服,总分,绩效系数,1. 目标奖金 × 绩效系数 (元),2. 销售提成 (元),门槛系数,出勤折算,取整前 (元),实发奖金 (元)"
    );
    // 甲: 1,500 + 2,050 in full. 乙: (1,200 + 640) × 20/22 = 1,672.73 → 1,670.
    assert_eq!(lines[1], "甲,100,1.5,1500,2050,1,1,3550,3550");
    // Factors to 4 decimals: 20/22 = 0.90909… → 0.9091.
    assert_eq!(lines[2], "乙,90,1.2,1200,640,1,0.9091,1672.73,1670");
    assert_eq!(lines[3], "奖金总额,,,,,,,,5220");
    // A comparison against a copy paying ¥1,200 base.
    let mut m2 = m.clone();
    m2.components[0] = m.components[0].with_param(1200.0);
    let p2 = compute(&t, &plan, &score(&t, &plan), &m2);
    let c = compare(&p, &p2);
    let text = comparison_csv(&c, Lang::En);
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(lines[0], "\u{feff}Agent,Pay A (¥),Pay B (¥),Change");
    // 甲: 1,800 + 2,050 = 3,850 (+300). 乙: (1,440 + 640) × 20/22 = 1,890.91 → 1,890 (+220).
    assert_eq!(lines[1], "甲,3550,3850,300");
    assert_eq!(lines[2], "乙,1670,1890,220");
    assert_eq!(lines[3], "Total payout,5220,5740,520");
    // QA staffing for 150 agents: the seed's 10 per 150, split 1/1/3/2/3;
    // 12,000 + 9,000 + 3 × 6,500 + 2 × 6,500 + 3 × 6,000 = 71,500 a month, 476.67 per agent.
    let qa = kpi_sandbox::model::qa::QaParams::default();
    let report = kpi_sandbox::model::qa::report_for(&qa, 150);
    let names: Vec<String> = ["主管", "组长", "质检专员", "售后质检", "其他"]
        .map(String::from)
        .to_vec();
    let text = qa_csv(&report, &names, 150, Lang::Zh);
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}方法,折合全职,人数,主管,组长,质检专员,售后质检,其他,月成本 (元),每名客服分摊 (元),推荐"
    );
    assert_eq!(lines[1], "比例法,10,10,1,1,3,2,3,71500,476.67,");
    assert_eq!(lines.len(), 4);
    assert_eq!(lines.iter().filter(|l| l.ends_with(",✓")).count(), 1);
}

/// English exports hold no Chinese outside user data (#15): the demo's agent
/// names and groups are the only Chinese left in the team and score CSVs.
#[test]
fn english_exports_have_no_chinese_outside_user_data() {
    let demo = kpi_sandbox::io::demo::demo_table();
    let plan = template(Template::PreSales, "Pre-sales", "2026-11");
    let mut user: Vec<String> = (0..demo.len()).map(|r| demo.agent_name(r)).collect();
    user.extend(demo.groups().into_iter().map(|(g, _)| g));
    user.sort_by_key(|u| std::cmp::Reverse(u.chars().count()));
    let cjk = |c: char| {
        ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{4e00}'..='\u{9fff}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    };
    for (what, text) in [
        ("team", table_csv(&demo, Lang::En)),
        (
            "scores",
            scores_csv(&demo, &plan, &score(&demo, &plan), Lang::En),
        ),
    ] {
        let mut rest = text;
        for u in &user {
            rest = rest.replace(u.as_str(), "");
        }
        let leak: String = rest.chars().filter(|c| cjk(*c)).collect();
        assert!(leak.is_empty(), "{what}: Chinese left: {leak}");
    }
}
