//! Across months (#18): trends and changes, the 面谈 list, the LMDI split of
//! 客服销售额, rotation proposals and the talent view.
//!
//! Fixtures: `scripts/gen_months.py` (tests/fixtures/months). Every expected
//! number below was worked out by that script's own arithmetic (`python3
//! scripts/gen_months.py --expect`) or by hand in the comments, never copied
//! from this crate's output.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::Lang;
use kpi_sandbox::io::import::import_text;
use kpi_sandbox::model::metric::MetricId;
use kpi_sandbox::model::months::lmdi::{self, Outcome};
use kpi_sandbox::model::months::rotation::{self, Reason};
use kpi_sandbox::model::months::talent::{self, Settings, Tier};
use kpi_sandbox::model::months::trends::{self, TalkRule};
use kpi_sandbox::model::months::{suggest_matches, History, MetricKey, Presence};
use kpi_sandbox::model::plan::{Band, Grading, Plan, PlanItem, Rule};
use kpi_sandbox::model::Table;

fn load(prefix: &str, months: &[&str]) -> Vec<(String, Table)> {
    months
        .iter()
        .map(|m| {
            let path = format!("tests/fixtures/months/{prefix}-{m}.tsv");
            let text = std::fs::read_to_string(&path).unwrap();
            (m.to_string(), import_text(&text).table)
        })
        .collect()
}

fn three() -> Vec<(String, Table)> {
    load("3m", &["2026-08", "2026-10", "2026-11"])
}

fn refs(v: &[(String, Table)]) -> Vec<(String, &Table)> {
    v.iter().map(|(l, t)| (l.clone(), t)).collect()
}

fn amy() -> Vec<(String, String)> {
    vec![("AMY".to_string(), "Amy".to_string())]
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * b.abs().max(1.0)
}

fn agent(h: &History, name: &str) -> usize {
    h.agents.iter().position(|a| a == name).unwrap()
}

fn key(id: MetricId) -> MetricKey {
    MetricKey::Known(id)
}

// ---- history: months, gaps, who joined and left, spellings ----

#[test]
fn history_lines_up_months_gaps_and_presence() {
    let data = three();
    let h = History::build(&refs(&data), &amy(), None, None);
    assert_eq!(h.months, ["2026-08", "2026-10", "2026-11"]);
    // 2026-09 is missing between August and October.
    assert_eq!(h.gaps, vec![vec![], vec!["2026-09".to_string()], vec![]]);
    assert_eq!(h.agents, ["小雨", "Amy", "晓晨", "新人"]);
    let check = |name: &str, month: usize, expected: Presence| {
        assert_eq!(
            h.presence(agent(&h, name), month),
            expected,
            "{name} {month}"
        );
    };
    check("晓晨", 2, Presence::Left);
    check("新人", 1, Presence::Joined);
    check("新人", 0, Presence::Absent);
    check("Amy", 2, Presence::Stayed);
    let (joined, left) = h.joined_left(2);
    assert!(joined.is_empty());
    assert_eq!(left, vec![agent(&h, "晓晨")]);
}

#[test]
fn two_spellings_are_suggested_not_merged_until_confirmed() {
    let data = three();
    let h = History::build(&refs(&data), &[], None, None);
    // Without the confirmation AMY is a new agent of November.
    assert_eq!(h.agents, ["小雨", "Amy", "晓晨", "新人", "AMY"]);
    let m = suggest_matches(&h);
    assert_eq!(m.len(), 1);
    assert_eq!((m[0].earlier.as_str(), m[0].later.as_str()), ("Amy", "AMY"));
    let confirmed = History::build(&refs(&data), &amy(), None, None);
    assert!(suggest_matches(&confirmed).is_empty());
}

// ---- changes and team figures ----

/// (agent, metric, month, from, to, delta, rel, gain)
type ChangeCase = (
    &'static str,
    MetricId,
    usize,
    f64,
    f64,
    f64,
    Option<f64>,
    f64,
);

fn check_change(h: &History, c: ChangeCase) {
    let (name, id, month, from, to, delta, rel, gain) = c;
    let s = h.series(&key(id)).unwrap();
    let got = trends::change(s, agent(h, name), month).unwrap();
    assert!(
        close(got.from, from, 1e-12),
        "{name} {id:?} from {}",
        got.from
    );
    assert!(close(got.to, to, 1e-12), "{name} {id:?} to {}", got.to);
    assert!(
        close(got.delta, delta, 1e-9),
        "{name} {id:?} delta {}",
        got.delta
    );
    match (got.rel, rel) {
        (Some(a), Some(b)) => assert!(close(a, b, 1e-9), "{name} {id:?} rel {a}"),
        (a, b) => assert_eq!(a, b),
    }
    assert!(
        close(got.gain, gain, 1e-9),
        "{name} {id:?} gain {}",
        got.gain
    );
    assert_eq!(got.prev, month - 1);
}

#[test]
fn changes_are_against_the_previous_month_held() {
    let data = three();
    let h = History::build(&refs(&data), &amy(), None, None);
    let cases: [ChangeCase; 5] = [
        // October against August (September missing): 40 % → 35 %.
        (
            "小雨",
            MetricId::Conversion,
            1,
            0.40,
            0.35,
            -0.05,
            Some(-0.125),
            -0.05,
        ),
        // Lower is better: 30 s → 38 s is a gain of −8.
        (
            "小雨",
            MetricId::FirstResponse,
            1,
            30.0,
            38.0,
            8.0,
            Some(8.0 / 30.0),
            -8.0,
        ),
        // AMY in November is Amy once confirmed: 820 → 900.
        (
            "Amy",
            MetricId::Inquiries,
            2,
            820.0,
            900.0,
            80.0,
            Some(80.0 / 820.0),
            80.0,
        ),
        (
            "Amy",
            MetricId::RefundRate,
            1,
            0.04,
            0.03,
            -0.01,
            Some(-0.25),
            0.01,
        ),
        (
            "新人",
            MetricId::Conversion,
            2,
            0.20,
            0.30,
            0.10,
            Some(0.5),
            0.10,
        ),
    ];
    for c in cases {
        check_change(&h, c);
    }
    // No change where a month is missing: 新人 joined in October, has no
    // 首次响应时间 in November; 晓晨 left.
    let fr = h.series(&key(MetricId::FirstResponse)).unwrap();
    assert_eq!(trends::change(fr, agent(&h, "新人"), 1), None);
    assert_eq!(trends::change(fr, agent(&h, "新人"), 2), None);
    assert_eq!(trends::change(fr, agent(&h, "晓晨"), 2), None);
}

#[test]
fn team_mean_spread_and_sum() {
    let data = three();
    let h = History::build(&refs(&data), &amy(), None, None);
    let conv = h.series(&key(MetricId::Conversion)).unwrap();
    let t = trends::team(conv, 1).unwrap();
    // (0.35 + 0.52 + 0.28 + 0.20) / 4 = 0.3375
    assert_eq!(t.n, 4);
    assert!(close(t.mean, 0.3375, 1e-12));
    assert!(close(t.min, 0.20, 1e-12) && close(t.max, 0.52, 1e-12));
    // deviations .0125 .1825 −.0575 −.1375: Σd² = 0.055675 → sd = √(0.01391875)
    assert!(close(t.sd, 0.013_918_75f64.sqrt(), 1e-9));
    let inq = h.series(&key(MetricId::Inquiries)).unwrap();
    // Counts add up: team 询单人数 in November 1050 + 900 + 400 = 2350, October 2770.
    let c = trends::team_change(inq, 2).unwrap();
    assert!(close(c.from, 2770.0, 1e-12) && close(c.to, 2350.0, 1e-12));
    // 首次响应时间 in November: only two agents have it (33, 28).
    let fr = trends::team(h.series(&key(MetricId::FirstResponse)).unwrap(), 2).unwrap();
    assert_eq!(fr.n, 2);
    assert!(close(fr.mean, 30.5, 1e-12));
}

#[test]
fn risers_and_fallers_follow_the_direction() {
    let data = three();
    let h = History::build(&refs(&data), &amy(), None, None);
    let names = |v: &[(usize, trends::Change)]| -> Vec<String> {
        v.iter().map(|(a, _)| h.agents[*a].clone()).collect()
    };
    let check = |id: MetricId, month: usize, up: &[&str], down: &[&str]| {
        let s = h.series(&key(id)).unwrap();
        let (r, f) = trends::movers(&h, s, month, 5);
        assert_eq!(names(&r), up, "{id:?} risers");
        assert_eq!(names(&f), down, "{id:?} fallers");
    };
    // October conversion: Amy +2 pt; 小雨 −5 pt, 晓晨 −2 pt.
    check(MetricId::Conversion, 1, &["Amy"], &["小雨", "晓晨"]);
    // October first response (lower is better): Amy 25→24 improves; 晓晨 +1, 小雨 +8 worsen.
    check(MetricId::FirstResponse, 1, &["Amy"], &["小雨", "晓晨"]);
    // November first response: 小雨 38→33 improves, Amy 24→28 worsens.
    check(MetricId::FirstResponse, 2, &["小雨"], &["Amy"]);
}

// ---- 面谈 list ----

fn check_talk(h: &History, rule: TalkRule, month: usize, expected: &[(&str, &[MetricId])]) {
    let got = trends::talk_list(h, month, &rule);
    let got: Vec<(String, Vec<MetricKey>)> = got
        .iter()
        .map(|e| {
            (
                h.agents[e.agent].clone(),
                e.also
                    .iter()
                    .map(|(m, _)| h.metrics[*m].key.clone())
                    .collect(),
            )
        })
        .collect();
    let want: Vec<(String, Vec<MetricKey>)> = expected
        .iter()
        .map(|(n, m)| (n.to_string(), m.iter().map(|i| key(*i)).collect()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn talk_list_by_share_or_amount_with_what_fell() {
    let data = three();
    let h = History::build(&refs(&data), &amy(), None, None);
    let conv = h.metric(&key(MetricId::Conversion)).unwrap();
    let rule = |drop: Option<f64>, share: Option<f64>| TalkRule {
        metric: conv,
        min_drop: drop,
        min_share: share,
        also_share: 0.05,
    };
    // October: 小雨 fell 12.5 % (5 pt), 晓晨 6.7 % (2 pt). With a 10 % share only 小雨;
    // what else fell by ≥ 5 %: 首次响应时间 30→38 (26.7 % worse), 退款率 5→6 % (20 % worse).
    check_talk(
        &h,
        rule(None, Some(0.10)),
        1,
        &[("小雨", &[MetricId::FirstResponse, MetricId::RefundRate])],
    );
    // By amount (2 pt) both; for 晓晨 退款率 2→2.5 % (25 % worse), 客服销售额
    // 31,752 → 27,777.75 (12.5 %) and 询单人数 600→550 (8.3 %) fell.
    check_talk(
        &h,
        rule(Some(0.02), None),
        1,
        &[
            ("小雨", &[MetricId::FirstResponse, MetricId::RefundRate]),
            (
                "晓晨",
                &[MetricId::RefundRate, MetricId::Sales, MetricId::Inquiries],
            ),
        ],
    );
    // November: Amy 52 → 45 % (13.5 %); 小雨 and 新人 rose.
    check_talk(
        &h,
        rule(None, Some(0.10)),
        2,
        &[("Amy", &[MetricId::FirstResponse])],
    );
    // Neither threshold: nobody.
    check_talk(&h, rule(None, None), 1, &[]);
}

// ---- LMDI ----

fn f(i: f64, c: f64, a: f64, r: f64) -> lmdi::Factors {
    [Some(i), Some(c), Some(a), Some(r)]
}

fn check_split(f0: lmdi::Factors, f1: lmdi::Factors, parts: [f64; 4], outcome: Outcome) {
    let s = lmdi::split(&f0, &f1);
    assert_eq!(s.outcome, outcome);
    let delta = s.delta.unwrap();
    let sum: f64 = s.parts.iter().map(|p| p.unwrap()).sum();
    assert!((sum - delta).abs() < 1e-9, "sum {sum} vs change {delta}");
    for (got, want) in s.parts.iter().zip(parts) {
        assert!(close(got.unwrap(), want, 1e-9), "{got:?} vs {want}");
    }
}

#[test]
fn lmdi_by_hand_for_two_agents() {
    // 小雨, August → October: S0 = 1000·0.40·200·0.95 = 76,000,
    // S1 = 1100·0.35·210·0.94 = 75,999; L(75999, 76000) ≈ 75,999.5;
    // parts L·ln(1.1), L·ln(0.875), L·ln(1.05), L·ln(0.94/0.95).
    check_split(
        f(1000.0, 0.40, 200.0, 0.05),
        f(1100.0, 0.35, 210.0, 0.06),
        [
            7243.526010396402,
            -10148.319074268433,
            3708.028081977814,
            -804.2350181058492,
        ],
        Outcome::Exact,
    );
    // Amy: 57,600 → 64,109.24.
    check_split(
        f(800.0, 0.50, 150.0, 0.04),
        f(820.0, 0.52, 155.0, 0.03),
        [
            1501.2257696505071,
            2384.4842288067866,
            1993.5082536929708,
            630.0217478497616,
        ],
        Outcome::Exact,
    );
}

#[test]
fn lmdi_zero_missing_and_impossible_factors() {
    // From zero: conversion 0 → 30 %: the whole 100·0.3·200·0.95 = 5,700 is conversion's.
    check_split(
        f(100.0, 0.0, 200.0, 0.05),
        f(100.0, 0.30, 200.0, 0.05),
        [0.0, 5700.0, 0.0, 0.0],
        Outcome::FromZero(vec![1]),
    );
    // To zero: 100 % refunded and no inquiries: −(200·0.5·100·0.9) = −9,000 shared by both.
    check_split(
        f(200.0, 0.5, 100.0, 0.1),
        f(0.0, 0.5, 100.0, 1.0),
        [-4500.0, 0.0, 0.0, -4500.0],
        Outcome::ToZero(vec![0, 3]),
    );
    check_split(
        f(0.0, 0.5, 100.0, 0.1),
        f(0.0, 0.4, 90.0, 0.1),
        [0.0; 4],
        Outcome::BothZero,
    );
    // Missing 客单价 in the later month: no split, and it says which.
    let s = lmdi::split(
        &f(1.0, 0.5, 100.0, 0.1),
        &[Some(1.0), Some(0.5), None, Some(0.1)],
    );
    assert_eq!(s.outcome, Outcome::Missing(vec![(2, 1)]));
    assert_eq!(s.parts, [None; 4]);
    assert_eq!(s.delta, None);
    // 退款率 above 100 % is impossible.
    let s = lmdi::split(&f(1.0, 0.5, 100.0, 1.2), &f(1.0, 0.5, 100.0, 0.1));
    assert_eq!(s.outcome, Outcome::Invalid(vec![(3, 0)]));
    // Equal months: L(a, a) = a, every part 0.
    check_split(
        f(10.0, 0.5, 100.0, 0.1),
        f(10.0, 0.5, 100.0, 0.1),
        [0.0; 4],
        Outcome::Exact,
    );
}

#[test]
fn lmdi_on_the_fixture_team_and_agents() {
    let data = three();
    let h = History::build(&refs(&data), &amy(), None, None);
    let s = lmdi::agent_split(&h, agent(&h, "小雨"), 1).unwrap();
    assert!(close(s.s0.unwrap(), 76000.0, 1e-12));
    assert!(close(s.parts[1].unwrap(), -10148.319074268433, 1e-9));
    // Team August → October over the three agents in both months; 新人 (joined) left out.
    let (t, left_out) = lmdi::team_split(&h, 1).unwrap();
    assert_eq!(left_out, vec![agent(&h, "新人")]);
    assert!(close(t.s0.unwrap(), 165352.0, 1e-12));
    assert!(close(t.s1.unwrap(), 167885.99, 1e-12));
    let want = [
        4790.1060192130535,
        -7291.016999809311,
        5405.714743241874,
        -370.813762645656,
    ];
    for (g, w) in t.parts.iter().zip(want) {
        assert!(close(g.unwrap(), w, 1e-9), "{g:?} {w}");
    }
    let sum: f64 = t.parts.iter().map(|p| p.unwrap()).sum();
    assert!((sum - t.delta.unwrap()).abs() < 1e-9);
    // 晓晨 left in November: no split for her.
    assert_eq!(lmdi::agent_split(&h, agent(&h, "晓晨"), 2), None);
}

// ---- rotation ----

fn presales_plan() -> Plan {
    let item = |c: &str, w: f64, rule: Rule, fixed: bool| PlanItem {
        column: c.into(),
        weight: w,
        direction: None,
        rule,
        fixed,
    };
    Plan {
        id: Default::default(),
        name: "售前方案 2026-11".into(),
        month: "2026-11".into(),
        group: None,
        items: vec![
            item(
                "询单转化率",
                50.0,
                Rule::Ratio {
                    target: 0.45,
                    floor: 0.0,
                    cap: 120.0,
                },
                true,
            ),
            item(
                "首次响应时间",
                25.0,
                Rule::Bands {
                    bands: vec![
                        Band {
                            threshold: 35.0,
                            points: 100.0,
                        },
                        Band {
                            threshold: 45.0,
                            points: 80.0,
                        },
                    ],
                    otherwise: 0.0,
                },
                false,
            ),
            item(
                "客单价",
                25.0,
                Rule::Ratio {
                    target: 180.0,
                    floor: 0.0,
                    cap: 120.0,
                },
                false,
            ),
        ],
        grading: Grading::default_thresholds(),
    }
}

#[test]
fn rotation_proposes_the_known_weak_metrics() {
    let data = three();
    let h = History::build(&refs(&data), &amy(), None, None);
    let plan = presales_plan();
    let nov = &data[2].1;
    let scores = kpi_sandbox::model::plan::score(nov, &plan);
    let targets = vec![(key(MetricId::Sales), 300000.0)];
    let weak = rotation::weaknesses(&h, 2, &plan, Some(&scores), Some(nov), &targets);
    let got: Vec<(MetricKey, f64)> = weak
        .iter()
        .map(|w| (h.metrics[w.metric].key.clone(), w.gap))
        .collect();
    // 客服销售额: team 158,993.25 against 300,000 → 47.0 % short.
    // 首次响应时间: points 100, 100, 0 (新人 has none) → average 66.7 → 33.3 % short.
    // 客单价: points 113.9, 88.9, 88.9 → 97.2 → 2.78 % short (history only 0.47 %).
    // 退款率: 4.0 % now vs 3.896 % before → 2.67 % worse. 询单人数 is a
    // traffic count: not a candidate.
    let want = [
        (key(MetricId::Sales), 0.4700225),
        (key(MetricId::FirstResponse), 1.0 / 3.0),
        (
            key(MetricId::Aov),
            1.0 - (205.0 / 180.0 + 2.0 * 160.0 / 180.0) / 3.0,
        ),
        (key(MetricId::RefundRate), 0.02673796791443859),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((gk, gg), (wk, wg)) in got.iter().zip(want.iter()) {
        assert_eq!(gk, wk);
        assert!(close(*gg, *wg, 1e-9), "{gk:?} {gg} vs {wg}");
    }
    assert!(matches!(weak[0].reason, Reason::Target { target, .. } if target == 300000.0));
    assert!(matches!(weak[1].reason, Reason::Plan { .. }));
    assert!(matches!(weak[3].reason, Reason::History { .. }));

    let next = rotation::propose(&h, 2, &plan, &weak, &targets, Lang::Zh);
    assert_eq!(next.name, "售前方案 2026-12");
    assert_eq!(next.month, "2026-12");
    let items: Vec<(&str, f64, bool)> = next
        .items
        .iter()
        .map(|i| (i.column.as_str(), i.weight, i.fixed))
        .collect();
    assert_eq!(
        items,
        [
            ("询单转化率", 50.0, true),
            ("客服销售额", 25.0, false),
            ("首次响应时间", 25.0, false),
        ]
    );
    // A kept item keeps its rule; a new one is a ratio to this month's team mean.
    assert_eq!(next.items[2].rule, plan.items[1].rule);
    assert_eq!(
        next.items[1].rule,
        Rule::Ratio {
            target: 52997.75,
            floor: 0.0,
            cap: 120.0
        }
    );
    assert!(next.is_valid(nov), "{:?}", next.validate(nov));
}

#[test]
fn weights_share_in_steps_of_five() {
    let check = |total: f64, n: usize, want: &[f64]| {
        assert_eq!(rotation::share_weights(total, n), want, "{total} {n}");
    };
    check(50.0, 2, &[25.0, 25.0]);
    check(50.0, 3, &[20.0, 15.0, 15.0]);
    check(60.0, 4, &[15.0, 15.0, 15.0, 15.0]);
    check(10.0, 3, &[]);
    check(52.0, 2, &[]);
    check(50.0, 0, &[]);
}

#[test]
fn plan_names_lose_their_old_month() {
    let check = |name: &str, want: &str| assert_eq!(rotation::strip_month(name), want);
    check("售前方案 2026-11", "售前方案");
    check("售前方案2026-11", "售前方案");
    check("Pre-sales", "Pre-sales");
    check("2026-11", "");
}

#[test]
fn announcement_in_words() {
    let data = three();
    let plan = presales_plan();
    let a = rotation::announcement(&plan, &data[2].1, Lang::Zh);
    assert_eq!(a.month, "2026-11");
    assert_eq!(a.items.len(), 3);
    assert!(a.items[0].fixed);
    assert!(a.items[0].rule.contains("45.00%"), "{}", a.items[0].rule);
    // Bands on a lower-is-better column, best (lowest) first.
    assert!(a.items[1].rule.contains("35"), "{}", a.items[1].rule);
    assert!(a.items[1].rule.contains("越低越好"), "{}", a.items[1].rule);
    let en = rotation::announcement(&plan, &data[2].1, Lang::En);
    assert!(en.items[2].rule.contains("target"), "{}", en.items[2].rule);
}

// ---- talent ----

fn six() -> Vec<(String, Table)> {
    load(
        "6m",
        &[
            "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
        ],
    )
}

#[test]
fn top_fifth_and_bottom_over_six_months() {
    let data = six();
    let months = refs(&data);
    let h = History::build(&months, &[], None, None);
    let score = h.metric(&MetricKey::Custom("总分".into())).unwrap();
    let hire = talent::hire_dates(&h, &months, &[]);
    let rows = talent::talent(&h, score, 5, &hire, &Settings::default());
    let find = |n: &str| rows.iter().find(|r| h.agents[r.agent] == n).unwrap();
    // Top fifth per month (python): 01 乙; 02–04 甲; 05, 06 甲 辛.
    // k = 4 of n = 6: only 甲 (5 months).
    let tops: Vec<&str> = rows
        .iter()
        .filter(|r| r.consistent_top)
        .map(|r| h.agents[r.agent].as_str())
        .collect();
    assert_eq!(tops, ["甲"]);
    assert_eq!(find("甲").top_months, vec![1, 2, 3, 4, 5]);
    assert_eq!(find("辛").top_months, vec![4, 5]);
    // Bottom tenth in the last 2 months: 戊 (also 02–04). 壬 scores lowest
    // but is in probation (2.5 months) and so is left out.
    let bottoms: Vec<&str> = rows
        .iter()
        .filter(|r| r.bottom_candidate)
        .map(|r| h.agents[r.agent].as_str())
        .collect();
    assert_eq!(bottoms, ["戊"]);
    assert_eq!(find("戊").bottom_run, vec![4, 5]);
    assert!(find("壬").probation && find("癸").probation);
    assert!(!find("辛").probation);
    // Tenure at the end of 2026-06: 甲 hired 2025-01-10: 17 + 1 − 9/31.
    assert!(close(find("甲").tenure.unwrap(), 18.0 - 9.0 / 31.0, 1e-12));
    assert!(close(find("壬").tenure.unwrap(), 2.5, 1e-12));
    // Tiers: 甲 (17.7 months, average 92.7) and 乙 (16, 90.17) ≥ 12 months and
    // ≥ 90 → 资深; 丁 10 months, 82.9 → 专员; 辛 4 months → 专员; 癸 2 → 新人.
    assert_eq!(find("甲").tier, Some(Tier::Senior));
    assert_eq!(find("乙").tier, Some(Tier::Senior));
    assert_eq!(find("丁").tier, Some(Tier::Specialist));
    assert_eq!(find("辛").tier, Some(Tier::Specialist));
    assert_eq!(find("癸").tier, Some(Tier::Newcomer));
    // With 资深 at 91 points, 乙 is 精英 (≥ 6 months, ≥ 85).
    let strict = Settings {
        senior_score: 91.0,
        ..Settings::default()
    };
    let rows2 = talent::talent(&h, score, 5, &hire, &strict);
    let yi = rows2.iter().find(|r| h.agents[r.agent] == "乙").unwrap();
    assert_eq!(yi.tier, Some(Tier::Elite));
    assert_eq!(talent::stage(2.5), 0);
    assert_eq!(talent::stage(7.0), 2);
    assert_eq!(talent::stage(17.7), 4);
    // k = 2 of the last 2 months: 甲 and 辛.
    let s = Settings {
        k: 2,
        n: 2,
        ..Settings::default()
    };
    let rows = talent::talent(&h, score, 5, &hire, &s);
    let tops: Vec<&str> = rows
        .iter()
        .filter(|r| r.consistent_top)
        .map(|r| h.agents[r.agent].as_str())
        .collect();
    assert_eq!(tops, ["甲", "辛"]);
}

#[test]
fn dates_in_many_spellings() {
    use kpi_sandbox::model::Cell;
    let check = |c: Cell, want: Option<(i32, u32, u32)>| assert_eq!(talent::parse_date(&c), want);
    check(Cell::Text("2026-08-16".into()), Some((2026, 8, 16)));
    check(Cell::Text("2026/8/1".into()), Some((2026, 8, 1)));
    check(Cell::Text("2026年8月".into()), Some((2026, 8, 1)));
    check(Cell::Text("2026-02-30".into()), None);
    // Excel serial 46250 = 2026-08-16.
    check(Cell::Number(46250.0), Some((2026, 8, 16)));
    check(Cell::Text("soon".into()), None);
}

// ---- targets and settings ----

#[test]
fn completion_and_share_of_team() {
    let check = |figure: f64, target: f64, up: Option<bool>, want: Option<f64>| {
        let got = trends::completion(figure, target, up);
        match (got, want) {
            (Some(a), Some(b)) => assert!(close(a, b, 1e-12), "{a} vs {b}"),
            (a, b) => assert_eq!(a, b),
        }
    };
    // ¥1.08M of ¥1.2M → 90 %.
    check(1_080_000.0, 1_200_000.0, Some(true), Some(0.9));
    // 首次响应时间 30 s against 24 s target (lower is better): 24 / 30 = 80 %.
    check(30.0, 24.0, Some(false), Some(0.8));
    check(0.0, 24.0, Some(false), None);
    check(5.0, 0.0, Some(true), None);
    let data = three();
    let h = History::build(&refs(&data), &amy(), None, None);
    // 询单人数 in November: Amy 900 of 2,350.
    let inq = h.series(&key(MetricId::Inquiries)).unwrap();
    assert!(close(
        trends::share_of_team(inq, agent(&h, "Amy"), 2).unwrap(),
        900.0 / 2350.0,
        1e-12
    ));
    // Rates are averaged, not summed: no share.
    let conv = h.series(&key(MetricId::Conversion)).unwrap();
    assert_eq!(trends::share_of_team(conv, agent(&h, "Amy"), 2), None);
}

#[test]
fn settings_are_a_command_with_undo_and_are_saved() {
    use kpi_sandbox::io::scenario::{from_json, to_json};
    use kpi_sandbox::model::months::MonthsSettings;
    use kpi_sandbox::model::{Command, Workbook};
    let data = three();
    let mut wb = Workbook::with_plans(data[2].1.clone(), "2026-11", vec![presales_plan()]);
    let s = MonthsSettings {
        aliases: amy(),
        targets: vec![(key(MetricId::Sales), 1_200_000.0)],
        talent: Settings {
            k: 2,
            n: 3,
            ..Settings::default()
        },
    };
    wb.apply(Command::SetMonthsSettings(Box::new(s.clone())))
        .unwrap();
    assert_eq!(wb.months_settings(), &s);
    // Saved and read back.
    let back = Workbook::from_snapshot(from_json(&to_json(&wb.snapshot())).unwrap());
    assert_eq!(back.months_settings(), &s);
    // Refused: a name mapped to itself, a NaN target, a share above 100 %.
    let bad = [
        MonthsSettings {
            aliases: vec![("a".into(), "a".into())],
            ..MonthsSettings::default()
        },
        MonthsSettings {
            targets: vec![(key(MetricId::Sales), f64::NAN)],
            ..MonthsSettings::default()
        },
        MonthsSettings {
            talent: Settings {
                top_share: 1.5,
                ..Settings::default()
            },
            ..MonthsSettings::default()
        },
    ];
    for b in bad {
        assert!(wb.apply(Command::SetMonthsSettings(Box::new(b))).is_err());
        assert_eq!(
            wb.months_settings(),
            &s,
            "a refused command changes nothing"
        );
    }
    wb.undo();
    assert_eq!(wb.months_settings(), &MonthsSettings::default());
    wb.redo();
    assert_eq!(wb.months_settings(), &s);
    // A file written before #18 (no months_settings) opens with the defaults.
    let json = to_json(&wb.snapshot());
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut obj = v.as_object().unwrap().clone();
    assert!(obj.remove("months_settings").is_some());
    let old = serde_json::to_string(&obj).unwrap();
    let opened = from_json(&old).unwrap();
    assert_eq!(opened.months_settings, MonthsSettings::default());
}

#[test]
fn trends_csv_has_team_and_agent_rows() {
    let data = three();
    let h = History::build(&refs(&data), &amy(), None, None);
    let csv = kpi_sandbox::io::months_export::trends_csv(&h, Lang::Zh);
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "客服,指标,月份,数值,变化,变化幅度");
    // Team 询单人数 in November: 2,350, change −420 (from 2,770), −420/2770.
    let want = format!(
        "团队,询单人数,2026-11,2350,-420,{}",
        (-420.0f64 / 2770.0 * 1e6).round() / 1e6
    );
    assert!(lines.contains(&want.as_str()), "{want} not in {lines:?}");
    // 小雨's conversion in October: 0.35, −0.05, −0.125.
    assert!(
        lines.contains(&"小雨,询单转化率,2026-10,0.35,-0.05,-0.125"),
        "{lines:?}"
    );
    // 晓晨 has no November rows (she left).
    assert!(!lines
        .iter()
        .any(|l| l.starts_with("晓晨,") && l.contains("2026-11")));
}

#[test]
fn trends_xlsx_reads_back() {
    use calamine::{Data, Reader, Xlsx};
    let data = three();
    let h = History::build(&refs(&data), &amy(), None, None);
    let bytes = kpi_sandbox::io::months_export::trends_xlsx(&h, Lang::Zh);
    let mut x: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = x.sheet_names().to_vec();
    assert_eq!(names[0], "趋势");
    assert!(names.contains(&"询单转化率".to_string()));
    // The wide sheet: team mean of 询单转化率 in October 0.3375; 新人 absent in August.
    let r = x.worksheet_range("询单转化率").unwrap();
    assert_eq!(r.get((0, 2)), Some(&Data::String("2026-10".into())));
    assert_eq!(r.get((1, 0)), Some(&Data::String("团队".into())));
    match r.get((1, 2)) {
        Some(Data::Float(v)) => assert!(close(*v, 0.3375, 1e-12)),
        other => panic!("{other:?}"),
    }
    let xinren = (0..r.height())
        .find(|i| r.get((*i, 0)) == Some(&Data::String("新人".into())))
        .unwrap();
    assert!(matches!(r.get((xinren, 1)), None | Some(Data::Empty)));
    // The long sheet has as many rows as the CSV.
    let long = x.worksheet_range("趋势").unwrap();
    let csv = kpi_sandbox::io::months_export::trends_csv(&h, Lang::Zh);
    assert_eq!(long.height(), csv.lines().count());
}
