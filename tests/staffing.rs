//! Chat staffing by Erlang C with concurrency.
//!
//! Expected numbers come from `scripts/erlang_check.py`, an independent
//! computation: the textbook closed form of Erlang C (powers and factorials)
//! in exact rational arithmetic with Python's `Fraction` (big integers, so
//! nothing overflows or rounds), and the exponentials of SL and ASA in
//! mpmath at 40 digits. The code under test uses the Erlang B recursion in
//! f64 instead; the two share no method.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::Msg;
use kpi_sandbox::model::qa::{size_team, AgentSource, QaField, QaParams};
use kpi_sandbox::model::staffing::*;

fn close(got: f64, want: f64, tol: f64, what: &str) {
    assert!(
        (got - want).abs() <= tol,
        "{what}: got {got}, want {want} (±{tol})"
    );
}

/// One Erlang C case: traffic, agents, handle time, target seconds, and the
/// oracle's P_w, ASA and SL(t).
fn check(a: f64, n: u32, h: f64, t: f64, pw: f64, asa_s: f64, sl: f64) {
    let what = format!("A={a} N={n}");
    close(erlang_c(a, n), pw, 1e-11, &format!("{what} P_w"));
    close(
        asa(a, n, h),
        asa_s,
        1e-9 * asa_s.max(1.0),
        &format!("{what} ASA"),
    );
    close(service_level(a, n, h, t), sl, 1e-11, &format!("{what} SL"));
}

#[test]
fn westbay_mitan_worked_example_360_calls_per_half_hour() {
    // Source: Westbay Engineers / Mitan, "The Erlang-C Formula"
    // (http://www.mitan.co.uk/erlang/elgcmath.htm): 360 calls per half hour,
    // average call 4 minutes, 55 agents, service-level target 15 seconds.
    // A = 360 × 240 ÷ 1800 = 48 Erlangs; occupancy 48 ÷ 55 = 87.3 %.
    let a = 360.0 * 240.0 / 1800.0;
    assert_eq!(a, 48.0);
    close(a / 55.0, 0.872727272727273, 1e-12, "occupancy");
    check(
        a,
        55,
        240.0,
        15.0,
        0.238700936378009,
        8.18403210438889,
        0.84588309217058,
    );
    // 55 is also the smallest team that reaches 80 % in 15 s.
    let s = agents_for(
        a,
        240.0,
        Target::ServiceLevel {
            share: 0.8,
            seconds: 15.0,
        },
        1.0,
    )
    .unwrap();
    assert_eq!(s.agents, 55);
}

#[test]
fn call_centre_helper_worked_example_100_calls_in_30_minutes() {
    // Source: Call Centre Helper, "Erlang C Formula – Made Simple With an Easy
    // Worked Example": 100 calls in 30 minutes, AHT 180 s, target 80 % in 20 s
    // → A = 10 Erlangs; the article reaches 14 agents (88.8 % in 20 s).
    let a = 100.0 * 180.0 / 1800.0;
    let cases: &[(u32, f64, f64, f64)] = &[
        (11, 0.682118204689332, 122.78127684408, 0.389613811729153),
        (12, 0.449388224298271, 40.4449401868444, 0.640158040374007),
        (13, 0.285270453036493, 17.1162271821896, 0.795594788417783),
        (14, 0.17413193359505, 7.83593701177724, 0.888350019179467),
        (15, 0.102042367007988, 3.67352521228757, 0.941452842869022),
    ];
    for (n, pw, w, sl) in cases {
        check(a, *n, 180.0, 20.0, *pw, *w, *sl);
    }
    let target = Target::ServiceLevel {
        share: 0.8,
        seconds: 20.0,
    };
    let s = agents_for(a, 180.0, target, 1.0).unwrap();
    assert_eq!(s.agents, 14);
    assert_eq!(s.binding, Binding::Target);
    close(s.service_level, 0.888350019179467, 1e-11, "SL at 14");
    close(s.occupancy, 10.0 / 14.0, 1e-15, "occupancy at 14");
    // The same hour with an average-wait target of 20 s: 13 agents (17.1 s;
    // 12 agents wait 40.4 s).
    let s = agents_for(a, 180.0, Target::AverageWait { seconds: 20.0 }, 1.0).unwrap();
    assert_eq!(s.agents, 13);
}

#[test]
fn large_traffic_300_and_1000_erlangs_without_overflow() {
    // 4,320 chats an hour at 250 s = 300 Erlangs; the closed form needs
    // 300^310 / 310!, far beyond f64 — the oracle does it in exact rationals.
    let a = 4320.0 * 250.0 / 3600.0;
    assert_eq!(a, 300.0);
    check(
        a,
        301,
        250.0,
        20.0,
        0.93057698296004,
        232.64424574001,
        0.140969175458429,
    );
    check(
        a,
        310,
        250.0,
        20.0,
        0.455930605823898,
        11.3982651455974,
        0.795137173175811,
    );
    check(
        a,
        320,
        250.0,
        20.0,
        0.176081281715962,
        2.20101602144952,
        0.964449802337511,
    );
    let t = Target::ServiceLevel {
        share: 0.8,
        seconds: 20.0,
    };
    assert_eq!(agents_for(a, 250.0, t, 1.0).unwrap().agents, 311);
    check(
        1000.0,
        1030,
        100.0,
        10.0,
        0.248908785843602,
        0.829695952812007,
        0.987607561261843,
    );
    let t = Target::ServiceLevel {
        share: 0.9,
        seconds: 10.0,
    };
    assert_eq!(agents_for(1000.0, 100.0, t, 1.0).unwrap().agents, 1017);
    // Erlang B itself: 5 Erlangs on 10 servers is the tables' 1.84 %.
    close(erlang_b(5.0, 10), 0.018384570336648132, 1e-14, "B(5,10)");
    close(
        erlang_b(300.0, 310),
        0.026320774282362965,
        1e-12,
        "B(300,310)",
    );
}

#[test]
fn too_few_agents_wait_forever() {
    assert_eq!(erlang_c(10.0, 10), 1.0);
    assert_eq!(erlang_c(10.0, 9), 1.0);
    assert_eq!(service_level(10.0, 10, 180.0, 20.0), 0.0);
    assert!(asa(10.0, 10, 180.0).is_infinite());
    assert_eq!(erlang_c(0.0, 3), 0.0);
}

#[test]
fn concurrency_divides_handle_time_by_the_efficiency_factor() {
    let mut p = StaffingParams {
        aht: 360.0,
        ..StaffingParams::default()
    };
    // factors 1, 1.7, 2.5, 2.9, 3.5 → 360, 211.76…, 144, 124.13…, 102.86…
    let cases: &[(u32, f64, f64)] = &[
        (1, 1.0, 360.0),
        (2, 1.7, 360.0 / 1.7),
        (3, 2.5, 144.0),
        (4, 2.9, 360.0 / 2.9),
        (5, 3.5, 360.0 / 3.5),
    ];
    for (c, f, h) in cases {
        p.concurrency = *c;
        assert_eq!(p.factor(), *f, "factor for {c}");
        close(
            p.effective_aht(),
            *h,
            1e-12,
            &format!("effective AHT for {c}"),
        );
    }
    // Factors are editable.
    p.efficiency[2] = 2.0;
    p.concurrency = 3;
    assert_eq!(p.effective_aht(), 180.0);
    // A sixth concurrency has no factor: refused.
    p.concurrency = 6;
    assert!(p
        .validate()
        .iter()
        .any(|e| e.field == StaffField::Concurrency && e.msg == Msg::StaffErrConcurrency));
}

/// A one-day plan with `volume` in hour 20 only.
fn one_hour(volume: f64) -> StaffingParams {
    let mut day = vec![0.0; HOURS];
    day[20] = volume;
    StaffingParams {
        days: vec![day],
        ..StaffingParams::default()
    }
}

#[test]
fn chat_hour_fte_after_shrinkage_and_the_roster() {
    // 270 chats at 20:00, AHT 360 s, 3 at once (2.5) → 144 s → A = 10.8;
    // 80 % in 30 s needs 14 (oracle: SL 85.97 %); occupancy cap 85 % needs
    // ⌈10.8 ÷ 0.85⌉ = 13, so the target binds.
    let p = one_hour(270.0);
    assert!(p.validate().is_empty());
    let r = plan(&p);
    let h = r.days[0][20];
    close(h.traffic, 10.8, 1e-12, "traffic");
    let s = h.staffed.unwrap();
    assert_eq!(s.agents, 14);
    assert_eq!(s.binding, Binding::Target);
    close(s.service_level, 0.8596741137207264, 1e-11, "SL");
    // FTE = 14 ÷ (1 − 0.30) = 20.
    close(h.fte, 20.0, 1e-12, "FTE");
    assert_eq!(r.peak, Some((0, 20, 14)));
    close(r.peak_fte, 20.0, 1e-12, "peak FTE");
    // Agent-hours: 14 a day × 7 = 98 a week; ÷ (8 h × 5 days) ÷ 0.7 = 3.5 FTE.
    close(r.agent_hours_week, 98.0, 1e-12, "agent-hours");
    close(r.roster_fte, 3.5, 1e-12, "roster FTE");
    // Headcount ⌈max(20, 3.5)⌉ = 20; cost 20 × 6,000.
    assert_eq!(r.headcount, 20);
    assert_eq!(r.cost, 120_000.0);
    // Every other hour is idle.
    assert_eq!(r.days[0][3].staffed.unwrap().binding, Binding::Idle);
    assert_eq!(r.days[0][3].fte, 0.0);
}

#[test]
fn a_busy_day_is_bound_by_the_roster_not_the_peak() {
    // 270 every hour: 24 × 14 = 336 agent-hours a day, 2,352 a week,
    // ÷ 40 ÷ 0.7 = 84 FTE > the peak's 20.
    let p = StaffingParams {
        days: vec![vec![270.0; HOURS]],
        ..StaffingParams::default()
    };
    let r = plan(&p);
    close(r.roster_fte, 84.0, 1e-9, "roster");
    assert_eq!(r.headcount, 84);
    // Seven days given: no ×7 (the same week: the same 84).
    let p = StaffingParams {
        days: vec![vec![270.0; HOURS]; 7],
        ..StaffingParams::default()
    };
    assert_eq!(plan(&p).headcount, 84);
}

#[test]
fn the_occupancy_cap_adds_agents_when_it_binds() {
    // A = 10.8 with a 70 % cap: ⌈10.8 ÷ 0.7⌉ = ⌈15.43⌉ = 16 > 14.
    let mut p = one_hour(270.0);
    p.max_occupancy = 0.7;
    let s = plan(&p).days[0][20].staffed.unwrap();
    assert_eq!(s.agents, 16);
    assert_eq!(s.binding, Binding::Occupancy);
    close(s.occupancy, 0.675, 1e-15, "occupancy");
    close(s.p_wait, 0.100716872994788, 1e-11, "P_w at 16");
    close(s.service_level, 0.965910820766397, 1e-11, "SL at 16");
}

#[test]
fn what_if_x3_and_the_qa_team_follows() {
    // ×3: 810 chats → A = 32.4 → 37 agents meet 80 % in 30 s (oracle: 87.2 %),
    // not 3 × 14 = 42; the 85 % cap then needs ⌈32.4 ÷ 0.85⌉ = ⌈38.12⌉ = 39.
    let mut qa = QaParams {
        source: AgentSource::Staffing,
        staffing: one_hour(270.0),
        ..QaParams::default()
    };
    qa.staffing.scale = 3.0;
    let r = plan(&qa.staffing);
    let s = r.days[0][20].staffed.unwrap();
    assert_eq!((s.agents, s.binding), (39, Binding::Occupancy));
    let t = qa.staffing.target;
    assert_eq!(agents_for(32.4, 144.0, t, 1.0).unwrap().agents, 37);
    // Headcount ⌈39 ÷ 0.7⌉ = ⌈55.71⌉ = 56; QA by the seed's ratio ⌈56 × 10 ÷ 150⌉ = 4.
    assert_eq!(r.headcount, 56);
    let table = kpi_sandbox::model::Table::default();
    let eff = qa.resolved(&table);
    assert_eq!(eff.agents, 56);
    assert_eq!(size_team(&eff).ratio.headcount, 4);
    // ×1: 20 agents → ⌈20 × 10 ÷ 150⌉ = 2 QA.
    qa.staffing.scale = 1.0;
    let eff = qa.resolved(&table);
    assert_eq!(eff.agents, 20);
    assert_eq!(size_team(&eff).ratio.headcount, 2);
}

#[test]
fn comparing_with_the_team_in_the_data() {
    let mut p = one_hour(270.0);
    p.scale = 3.0;
    let r = plan(&p);
    // 30 agents: capacity 30 × 0.7 × 0.85 = 17.85 Erlangs < 32.4 at 20:00.
    let c = check_team(&p, &r, 30);
    assert_eq!(c.gap, 56 - 30);
    assert_eq!(c.beyond.len(), 1);
    let (d, h, traffic, cap) = c.beyond[0];
    assert_eq!((d, h), (0, 20));
    close(traffic, 32.4, 1e-12, "traffic");
    close(cap, 17.85, 1e-12, "capacity");
    let c = check_team(&p, &r, 60);
    assert_eq!(c.gap, -4);
    assert!(c.beyond.is_empty());
}

#[test]
fn bad_inputs_are_refused_with_their_field() {
    let base = StaffingParams::default();
    type Change = Box<dyn Fn(&mut StaffingParams)>;
    let cases: Vec<(Change, StaffField, Msg)> = vec![
        (
            Box::new(|p| p.days[0][5] = -1.0),
            StaffField::Volume(0, 5),
            Msg::StaffErrVolume,
        ),
        (
            Box::new(|p| p.days[0][5] = f64::NAN),
            StaffField::Volume(0, 5),
            Msg::StaffErrVolume,
        ),
        (
            Box::new(|p| p.days[0].truncate(23)),
            StaffField::Days,
            Msg::StaffErrDays,
        ),
        (
            Box::new(|p| p.days = vec![vec![0.0; HOURS]; 8]),
            StaffField::Days,
            Msg::StaffErrDays,
        ),
        (Box::new(|p| p.aht = 0.0), StaffField::Aht, Msg::StaffErrAht),
        (
            Box::new(|p| p.aht = -30.0),
            StaffField::Aht,
            Msg::StaffErrAht,
        ),
        (
            Box::new(|p| p.concurrency = 0),
            StaffField::Concurrency,
            Msg::StaffErrConcurrency,
        ),
        (
            Box::new(|p| p.efficiency[1] = 0.0),
            StaffField::Efficiency(1),
            Msg::StaffErrEfficiency,
        ),
        (
            Box::new(|p| {
                p.target = Target::ServiceLevel {
                    share: 1.0,
                    seconds: 30.0,
                }
            }),
            StaffField::Target,
            Msg::StaffErrUnreachable,
        ),
        (
            Box::new(|p| p.target = Target::AverageWait { seconds: 0.0 }),
            StaffField::Target,
            Msg::StaffErrAsaZero,
        ),
        (
            Box::new(|p| p.shrinkage = 1.0),
            StaffField::Shrinkage,
            Msg::StaffErrShrinkage,
        ),
        (
            Box::new(|p| p.max_occupancy = 0.0),
            StaffField::MaxOccupancy,
            Msg::StaffErrOccupancy,
        ),
        (
            Box::new(|p| p.scale = 0.0),
            StaffField::Scale,
            Msg::StaffErrScale,
        ),
    ];
    assert!(base.validate().is_empty());
    for (change, field, msg) in cases {
        let mut p = base.clone();
        change(&mut p);
        let problems = p.validate();
        assert!(
            problems.iter().any(|e| e.field == field && e.msg == msg),
            "{field:?}: {problems:?}"
        );
        // The QA inputs carrying it are refused too, at the staffing field.
        let qa = QaParams {
            staffing: p,
            ..QaParams::default()
        };
        assert!(qa
            .validate()
            .iter()
            .any(|e| e.field == QaField::Staffing(field)));
    }
}

#[test]
fn an_hour_no_headcount_can_serve_is_reported_with_the_cap() {
    // 10 million chats at 7,200 s, one at a time: 20 million Erlangs.
    let mut p = one_hour(1e7);
    p.aht = 7_200.0;
    p.concurrency = 1;
    assert!(p.validate().is_empty());
    let r = plan(&p);
    assert!(r.days[0][20].staffed.is_none());
    assert_eq!(
        r.notices,
        vec![StaffNotice::Unserved {
            day: 0,
            hour: 20,
            traffic: 2e7
        }]
    );
    // Right below the limit the search still ends: 42,000 Erlangs at a 85 %
    // cap need ⌈49,411.8⌉ = 49,412 ≤ 50,000 seats.
    assert_eq!(
        agents_for(42_000.0, 100.0, StaffingParams::default().target, 0.85)
            .unwrap()
            .agents,
        49_412
    );
    // 45,000 Erlangs at 85 % would need 52,942: over the limit.
    assert!(agents_for(45_000.0, 100.0, StaffingParams::default().target, 0.85).is_none());
}

#[test]
fn zero_volume_staffs_nobody_and_says_so() {
    let p = StaffingParams {
        days: vec![vec![0.0; HOURS]],
        ..StaffingParams::default()
    };
    let r = plan(&p);
    assert_eq!(r.headcount, 0);
    assert_eq!(r.peak, None);
    assert_eq!(r.notices, vec![StaffNotice::NoVolume]);
}

#[test]
fn standard_curve_spreads_a_daily_total() {
    close(STANDARD_CURVE.iter().sum::<f64>(), 1.0, 1e-12, "curve sum");
    let d = standard_day(3_000.0);
    assert_eq!(d.len(), 24);
    assert_eq!(d.iter().sum::<f64>(), 3_000.0);
    assert!(d.iter().all(|v| v.fract() == 0.0));
    // 21:00 carries 7.5 % = 225; 3:00 carries 0.2 % = 6.
    assert_eq!(d[21], 225.0);
    assert_eq!(d[3], 6.0);
    assert_eq!(standard_day(0.0), vec![0.0; 24]);
}

#[test]
fn hour_labels_as_exports_write_them() {
    let cases: &[(&str, Option<usize>)] = &[
        ("0", Some(0)),
        ("08", Some(8)),
        ("8点", Some(8)),
        ("8时", Some(8)),
        ("08:00", Some(8)),
        ("08:00-09:00", Some(8)),
        ("23:00~24:00", Some(23)),
        ("00-01", Some(0)),
        ("24", None),
        ("汇总", None),
        ("8am", None),
        ("", None),
    ];
    for (s, want) in cases {
        assert_eq!(parse_hour(s), *want, "{s:?}");
    }
}

#[test]
fn saved_files_from_before_staffing_still_open_and_new_inputs_round_trip() {
    use kpi_sandbox::io::scenario::{from_json, to_json};
    use kpi_sandbox::model::{Command, Workbook};
    let mut wb = Workbook::with_plans(kpi_sandbox::io::demo::demo_table(), "2026-11", Vec::new());
    let mut qa = QaParams {
        source: AgentSource::Staffing,
        ..QaParams::default()
    };
    qa.staffing.scale = 3.0;
    qa.staffing.days = vec![vec![12.5; HOURS]; 7];
    wb.apply(Command::SetQa(Box::new(qa.clone()))).unwrap();
    let text = to_json(&wb.snapshot());
    let back = from_json(&text).unwrap();
    assert_eq!(back.qa, qa, "round trip");
    // A version-2 file written before #19 has no `staffing` or `noise`.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let q = v["qa"].as_object_mut().unwrap();
    q.remove("staffing");
    q.remove("noise");
    q.insert("source".into(), serde_json::json!("Team"));
    let old = from_json(&v.to_string()).unwrap();
    assert_eq!(old.qa.staffing, StaffingParams::default());
    assert_eq!(old.qa.source, AgentSource::Team);
    // A saved file with a bad staffing input is refused with its path.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["qa"]["staffing"]["aht"] = serde_json::json!(-5.0);
    let err = from_json(&v.to_string()).unwrap_err();
    assert!(
        err.iter()
            .any(|p| p.path.contains("Staffing(Aht)") && p.msg == Msg::StaffErrAht),
        "{err:?}"
    );
}

#[test]
fn a_pasted_fenshi_jiedai_sheet_gives_24_hours() {
    use kpi_sandbox::io::hourly::read_hourly;
    // A 赤兔 分时接待 copy: a title row, the header, hours as ranges, 汇总 last.
    let mut text =
        String::from("分时接待数据 2026-11-11\n时间段\t接待人数\t咨询人数\t平均响应(秒)\n");
    for h in 0..24 {
        text.push_str(&format!(
            "{h:02}:00-{:02}:00\t{}\t{}\t30\n",
            h + 1,
            h * 9,
            h * 10
        ));
    }
    text.push_str("汇总\t2484\t2760\t30\n");
    let r = read_hourly(&text).unwrap();
    assert_eq!(r.column, "咨询人数", "咨询人数 wins over 接待人数");
    assert_eq!(r.found, 24);
    assert!(r.missing.is_empty());
    assert_eq!(r.values[0], 0.0);
    assert_eq!(r.values[21], 210.0);
    assert_eq!(r.values.iter().sum::<f64>(), 2760.0);
    // Bare two columns with hours like 8点, a bad count, hours missing.
    let r = read_hourly("8点,120\n9点,1300\n10点,abc\n").unwrap();
    assert_eq!(r.found, 2);
    assert_eq!(r.values[8], 120.0);
    assert_eq!(r.values[9], 1_300.0);
    assert_eq!(r.skipped, vec![(3, "abc".to_string())]);
    assert_eq!(r.missing.len(), 22);
    assert_eq!(read_hourly("客服昵称\t询单人数\n小雨\t12\n"), None);
    assert_eq!(read_hourly(""), None);
}

#[test]
fn a_csv_hourly_sheet_under_a_title_line_is_read() {
    // Regression: the title line (no commas) made the CSV read as one column.
    let text = "分时接待 2026-11-11\n时段,咨询人数\n20:00-21:00,270\n21:00-22:00,abc\n";
    let r = kpi_sandbox::io::hourly::read_hourly(text).unwrap();
    assert_eq!(r.values[20], 270.0);
    assert_eq!(r.skipped, vec![(4, "abc".to_string())]);
}

#[test]
fn the_fenshi_jiedai_xlsx_export_is_read() {
    // Generated by scripts/gen_staffing_fixtures.py: inquiries 10·h + 5.
    let bytes = std::fs::read("tests/fixtures/staffing/fenshi.xlsx").unwrap();
    let r = kpi_sandbox::io::hourly::read_hourly_file(&bytes, "fenshi.xlsx", &|_| None)
        .unwrap()
        .unwrap();
    assert_eq!(r.column, "咨询人数");
    assert_eq!(r.found, 24);
    assert_eq!(r.values[0], 5.0);
    assert_eq!(r.values[20], 205.0);
    assert_eq!(r.values.iter().sum::<f64>(), 2_880.0);
    // A file that is not a workbook or text is refused with the importer's reason.
    assert!(kpi_sandbox::io::hourly::read_hourly_file(
        b"\x89PNG\r\n\x1a\n\0\0\0",
        "x.png",
        &|_| None
    )
    .is_err());
}
