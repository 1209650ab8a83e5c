//! The language of every .xlsx export (#15): each kind written in English is
//! unzipped part by part (sheet names, headers, titles, notes, number
//! formats) and must hold no CJK character outside the user's own data
//! (agent names, original headers, text cells, plan, model and pay-line
//! names). Anonymised exports read "Agent 01" in English and 客服01 in
//! Chinese, and must not leak any real name. The seconds format is
//! `0.0"秒"` in Chinese and `0.0" s"` in English (written here by hand from
//! the SpreadsheetML number-format syntax). LibreOffice recomputes the
//! workbook in both languages in tests/sheets (`make test-sheets`).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::Lang;
use kpi_sandbox::io::import::import_text;
use kpi_sandbox::io::months_export::trends_xlsx;
use kpi_sandbox::io::share::{anonymize, anonymize_in};
use kpi_sandbox::io::xlsx_write::paysheet::{
    anonymize as anon_sheet, paysheet_xlsx, statements_xlsx,
};
use kpi_sandbox::io::xlsx_write::workbook_xlsx;
use kpi_sandbox::model::months::History;
use kpi_sandbox::model::payout::*;
use kpi_sandbox::model::paysheet::statement::{month, statement};
use kpi_sandbox::model::paysheet::*;
use kpi_sandbox::model::plan::{template, Grading, Plan, PlanItem, Rule, Template};
use kpi_sandbox::model::{Table, Workbook};
use std::io::{Cursor, Read};

const NAMES: [&str; 4] = ["小雨", "阿杰", "晓晨", "大卫"];

/// Four agents with Chinese headers (the user's own, as exports spell them),
/// seconds, money, days and counts.
fn team() -> Table {
    import_text(
        "客服昵称\t分组\t询单人数\t询单转化率\t首次响应时间\t客服销售额\t出勤天数\t中差评数\t底薪\t备注\n\
         小雨\t售前\t420\t46%\t18\t52000\t22\t0\t3000\t优秀\n\
         阿杰\t售前\t380\t38%\t25\t41000\t21\t1\t3000\t\n\
         晓晨\t售后\t300\t30%\t32\t30000\t20\t2\t2800\t新人\n\
         大卫\t售后\t350\t41%\t21\t45000\t22\t0\t2800\t\n",
    )
    .table
}

fn plan() -> Plan {
    Plan {
        id: Default::default(),
        name: "绩效方案".into(),
        month: "2026-11".into(),
        group: None,
        items: vec![
            PlanItem::new(
                "询单转化率",
                70.0,
                Rule::Ratio {
                    target: 0.4,
                    floor: 0.0,
                    cap: 150.0,
                },
                false,
            ),
            PlanItem::new("首次响应时间", 30.0, Rule::Rank, false),
        ],
        grading: Grading::default_thresholds(),
    }
}

fn model() -> PayoutModel {
    let mut m = PayoutModel::example("月度奖金");
    m.lines = PayLines {
        items: vec![PayLine {
            name: "底薪".into(),
            kind: LineKind::Fixed,
            calc: LineCalc::Column {
                column: "底薪".into(),
            },
            cap: None,
        }],
        ..PayLines::default()
    };
    m
}

/// The user's own text in `t` and the plan and model names: allowed in any language.
fn user_data(t: &Table, with_names: bool) -> Vec<String> {
    let mut v: Vec<String> = t.columns.iter().map(|c| c.name.clone()).collect();
    for r in 0..t.len() {
        for c in 0..t.columns.len() {
            if let kpi_sandbox::model::Cell::Text(s) = t.at(r, c) {
                v.push(s.clone());
            }
        }
    }
    v.extend(["绩效方案", "月度奖金", "底薪", "售前", "售后"].map(String::from));
    // A template's plan name is the user's to edit; it is their data too.
    v.push(template(Template::PreSales, "售前", "2026-11").name);
    if !with_names {
        v.retain(|s| !NAMES.contains(&s.as_str()));
    }
    v.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    v
}

/// Every part of the package as text, XML entities of quotes undone.
fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            (
                f.name().to_string(),
                s.replace("&quot;", "\"").replace("&amp;", "&"),
            )
        })
        .collect()
}

fn cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF)
}

/// Fails on the first CJK text outside `allowed`, naming the part and the text around it.
fn check_no_cjk(kind: &str, bytes: &[u8], allowed: &[String]) {
    let mut found = Vec::new();
    for (name, text) in parts(bytes) {
        let mut rest = text.clone();
        for a in allowed {
            rest = rest.replace(a.as_str(), "");
        }
        // Each text run between tags with a CJK character in it.
        for run in rest.split(['<', '>']) {
            if run.contains(cjk) && !found.iter().any(|(_, r)| r == run) {
                found.push((name.clone(), run.to_string()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "{kind}: CJK outside user data: {found:#?}"
    );
}

fn styles(bytes: &[u8]) -> String {
    parts(bytes)
        .into_iter()
        .find(|(n, _)| n == "xl/styles.xml")
        .unwrap()
        .1
}

fn has(bytes: &[u8], needle: &str) -> bool {
    parts(bytes).iter().any(|(_, t)| t.contains(needle))
}

fn workbook() -> Workbook {
    Workbook::with_plans(
        team(),
        "2026-11",
        vec![plan(), template(Template::PreSales, "售前", "2026-11")],
    )
    .with_payouts(vec![model()])
}

/// Each export kind in `lang`, with whether it is anonymised.
fn exports(lang: Lang) -> Vec<(&'static str, Vec<u8>, bool)> {
    let t = team();
    let p = plan();
    let m = model();
    let (s, pays, sh) = month(&t, &p, &m);
    let sts: Vec<_> = (0..t.len())
        .map(|k| statement(&t, &p, &s, &pays, &sh, &m, k, false, None).unwrap())
        .collect();
    let mut anon_sts = sts.clone();
    let mut anon_sh = sh.clone();
    anon_sheet(&mut anon_sh, &mut anon_sts, lang);
    let older = team();
    let h = History::build(
        &[("2026-10".to_string(), &older), ("2026-11".to_string(), &t)],
        &[],
        None,
        None,
    );
    vec![
        (
            "workbook",
            workbook_xlsx(&workbook().snapshot(), lang),
            false,
        ),
        (
            "pay sheet",
            paysheet_xlsx(&t, &p, &m, &pays, false, lang),
            false,
        ),
        (
            "pay sheet, anonymised",
            paysheet_xlsx(&t, &p, &m, &pays, true, lang),
            true,
        ),
        ("statements", statements_xlsx(&t, &p, &m, &sts, lang), false),
        (
            "statements, anonymised",
            statements_xlsx(&t, &p, &m, &anon_sts, lang),
            true,
        ),
        ("trends", trends_xlsx(&h, lang), false),
    ]
}

#[test]
fn english_exports_hold_no_chinese_outside_user_data() {
    let t = team();
    for (kind, bytes, anon) in exports(Lang::En) {
        check_no_cjk(kind, &bytes, &user_data(&t, !anon));
        if anon {
            assert!(has(&bytes, "Agent 01") && has(&bytes, "Agent 04"), "{kind}");
        }
    }
}

#[test]
fn anonymised_exports_name_agents_in_the_language_and_leak_no_name() {
    for (lang, first) in [(Lang::Zh, "客服01"), (Lang::En, "Agent 01")] {
        for (kind, bytes, anon) in exports(lang) {
            if !anon {
                continue;
            }
            assert!(has(&bytes, first), "{kind} {lang:?}");
            for n in NAMES {
                assert!(!has(&bytes, n), "{kind} {lang:?} leaks {n}");
            }
        }
    }
    // The anonymised share link: same names, same order (first seen first).
    let s = workbook().snapshot();
    let zh = anonymize(&s);
    let en = anonymize_in(&s, Lang::En);
    let names = |s: &kpi_sandbox::model::workbook::Snapshot| -> Vec<String> {
        let t = &s.tables[0].1;
        (0..t.len()).map(|r| t.agent_name(r)).collect()
    };
    assert_eq!(names(&zh), ["客服01", "客服02", "客服03", "客服04"]);
    assert_eq!(names(&en), ["Agent 01", "Agent 02", "Agent 03", "Agent 04"]);
}

#[test]
fn seconds_format_follows_the_language() {
    // Table: (language, the format code expected, the one that must be absent).
    let cases = [
        (Lang::Zh, "formatCode=\"0.0\"秒\"\"", "0.0\" s\""),
        (Lang::En, "formatCode=\"0.0\" s\"\"", "秒"),
    ];
    for (lang, want, absent) in cases {
        for (kind, bytes, _) in exports(lang) {
            let st = styles(&bytes);
            assert!(st.contains(want), "{kind} {lang:?}: {st}");
            assert!(!st.contains(absent), "{kind} {lang:?}");
            // ¥ and percent are the same in both languages.
            assert!(st.contains("formatCode=\"\"¥\"#,##0.00\""), "{kind}");
            assert!(st.contains("formatCode=\"0.00%\""), "{kind}");
        }
    }
}

/// One name per column: the scores and rules sheets name an item by its
/// metric in the language (the table's original header stays in the data
/// sheet), also for an item whose column the table lacks (回复率).
#[test]
fn exports_name_columns_by_their_metric_in_the_language() {
    use calamine::{Reader, Xlsx};
    // (language, scores sheet header cells 1..=3, a rules-sheet item, grading text)
    let cases = [
        (
            Lang::En,
            [
                "Conversion rate",
                "Conversion rate · Points",
                "Conversion rate · Weighted (70%)",
            ],
            "Reply rate",
            "S ≥ 95, A ≥ 85, B ≥ 70, C ≥ 60, D ≥ 0",
        ),
        (
            Lang::Zh,
            ["询单转化率", "询单转化率 · 得分", "询单转化率 · 加权 (70%)"],
            "回复率",
            "S ≥ 95，A ≥ 85，B ≥ 70，C ≥ 60，D ≥ 0",
        ),
    ];
    for (lang, head, missing, grading) in cases {
        let bytes = workbook_xlsx(&workbook().snapshot(), lang);
        let mut x: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        let names = x.sheet_names().to_vec();
        let scores = x.worksheet_range(&names[2]).unwrap();
        let got: Vec<String> = (1..=3)
            .map(|c| scores.get((0, c)).unwrap().to_string())
            .collect();
        assert_eq!(got, head, "{lang:?} {}", names[2]);
        let rules = x.worksheet_range(&names[1]).unwrap();
        let col2: Vec<String> = rules.rows().map(|r| r[2].to_string()).collect();
        assert!(col2.iter().any(|c| c == missing), "{lang:?} {col2:?}");
        let col4: Vec<String> = rules.rows().map(|r| r[4].to_string()).collect();
        assert!(col4.iter().any(|c| c == grading), "{lang:?} {col4:?}");
    }
}
