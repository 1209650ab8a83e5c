//! Files and links written by earlier versions keep opening unchanged.
//!
//! The fixtures in `tests/fixtures/saved/` were written once by
//! `examples/gen_saved_v2.rs` on the code of version 2 and are frozen (see
//! their README.md). The
//! expected values below were read from the fixture JSON by hand (and a
//! short Python sum), not from this program: 30 agents in 2026-11, 20 of
//! them in 售前 and 10 in 售后; the ten 售后 sales figures are 5138.01,
//! 7259.54, 3620.74, 6098.65, 4468.39, 10995.32, 12692.68, 8155.00, 3946.86
//! and 5499.28, so 1 % of each rounded to the fen sums to ¥678.75.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::io::scenario::from_json;
use kpi_sandbox::io::share::{decode, Shared};
use kpi_sandbox::model::payout::compute;
use kpi_sandbox::model::plan::score;
use kpi_sandbox::model::workbook::Snapshot;
use kpi_sandbox::model::Workbook;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/saved/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

const PLANS: [(&str, &str); 4] = [
    ("售前考核方案", "2026-11"),
    ("售后考核方案", "2026-11"),
    ("售前考核方案 2026-12", "2026-12"),
    ("售前考核方案（副本）", "2026-11"),
];
const MODELS: [&str; 4] = [
    "月度绩效奖金",
    "固定奖金",
    "销售提成",
    "月度绩效奖金（副本）",
];

/// (scenario, month, plan, payout model, total paid in that month); the
/// last one names a plan that no longer exists and still opens.
/// (name, month, plan, payout model, total).
type Expected = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    Option<f64>,
);
const SCENARIOS: [Expected; 4] = [
    (
        "现行",
        "2026-11",
        Some("售前考核方案"),
        "月度绩效奖金",
        None,
    ),
    (
        "固定",
        "2026-11",
        Some("售前考核方案"),
        "固定奖金",
        Some(20_000.0),
    ),
    (
        "提成",
        "2026-11",
        Some("售后考核方案"),
        "销售提成",
        Some(678.75),
    ),
    ("旧方案", "2026-10", None, "月度绩效奖金", None),
];

/// Checks a whole-workbook snapshot against what the fixture holds.
fn check(s: Snapshot) {
    let wb = Workbook::from_snapshot(s);
    assert_eq!(wb.month(), "2026-11");
    assert_eq!(wb.months(), vec!["2026-10", "2026-11"]);
    assert_eq!(wb.table().len(), 30);
    assert_eq!(wb.table_for("2026-10").unwrap().len(), 2);
    let plans: Vec<(&str, &str)> = wb
        .plans()
        .iter()
        .map(|p| (p.name.as_str(), p.month.as_str()))
        .collect();
    assert_eq!(plans, PLANS);
    let models: Vec<&str> = wb.payouts().iter().map(|m| m.name.as_str()).collect();
    assert_eq!(models, MODELS);
    assert_eq!(wb.scenarios().len(), SCENARIOS.len());
    for (sc, (name, month, plan, model, total)) in wb.scenarios().iter().zip(SCENARIOS) {
        assert_eq!(sc.name, name);
        assert_eq!(sc.month, month);
        let p = wb.scenario_plan(sc);
        assert_eq!(p.map(|p| p.name.as_str()), plan, "{name}");
        let m = wb.scenario_payout(sc).unwrap();
        assert_eq!(m.name, model, "{name}");
        if let (Some(p), Some(total)) = (p, total) {
            let table = wb.table_for(&sc.month).unwrap();
            let scores = score(table, p);
            let pay = compute(table, p, &scores, m);
            assert!(
                (pay.stats.total - total).abs() < 1e-6,
                "{name}: {}",
                pay.stats.total
            );
        }
    }
}

#[test]
fn a_version_2_file_opens_with_its_plans_models_scenarios_and_totals() {
    check(from_json(&fixture("workbook_v2.json")).unwrap());
}

#[test]
fn a_version_2_share_link_opens_the_same_workbook() {
    match decode(&fixture("share_v2_everything.txt")).unwrap() {
        Shared::Workbook(s) => {
            // Day files never travel; everything else does.
            check(*s);
        }
        other => panic!("not a workbook: {other:?}"),
    }
}

#[test]
fn a_version_2_plans_link_opens_its_plans_and_models() {
    match decode(&fixture("share_v2_plans.txt")).unwrap() {
        Shared::Plans { plans, payouts } => {
            let names: Vec<&str> = plans.iter().map(|p| p.name.as_str()).collect();
            assert_eq!(names, PLANS.map(|p| p.0));
            let models: Vec<&str> = payouts.iter().map(|m| m.name.as_str()).collect();
            assert_eq!(models, MODELS);
        }
        other => panic!("not plans: {other:?}"),
    }
}

// ---- version 3 (written by commit 0e5aaf7, scripts/gen_saved_v3.sh) ----

#[path = "saved_compat/v3.rs"]
mod v3;

/// Every part of a version-3 snapshot against the literals of `v3.rs`;
/// `days` only where the file carries them (links never do).
fn check_v3(s: &Snapshot, with_days: bool) {
    assert_eq!(s.month, "2026-11");
    let months: Vec<&str> = s.tables.iter().map(|(m, _)| m.as_str()).collect();
    assert_eq!(months, ["2026-10", "2026-11"]);
    assert_eq!(s.tables[0].1, v3::october());
    assert_eq!(s.tables[1].1, v3::november());
    for (got, want) in s.plans.iter().zip(v3::plans()) {
        assert_eq!(*got, want, "plan {}", want.name);
    }
    assert_eq!(s.plans.len(), 3);
    for (got, want) in s.payouts.iter().zip(v3::payouts()) {
        assert_eq!(*got, want, "payout model {}", want.name);
    }
    assert_eq!(s.payouts.len(), 3);
    assert_eq!(s.scenarios, v3::scenarios());
    assert_eq!(s.qa, v3::qa());
    assert_eq!(s.months_settings, v3::months_settings());
    assert_eq!(s.memory, v3::memory());
    assert_eq!(s.next_id, 10);
    if with_days {
        assert_eq!(s.days.len(), 1);
        assert_eq!(s.days[0].date, "2026-11-03");
        assert_eq!(s.days[0].source, "11-03.xlsx");
        assert_eq!(s.days[0].table, v3::day());
    } else {
        assert!(s.days.is_empty());
    }
}

#[test]
fn a_version_3_file_opens_with_every_plan_model_scenario_month_and_qa_input() {
    check_v3(&from_json(&fixture("workbook_v3.json")).unwrap(), true);
}

#[test]
fn a_version_3_file_is_written_back_byte_for_byte() {
    let text = fixture("workbook_v3.json");
    let s = from_json(&text).unwrap();
    assert_eq!(kpi_sandbox::io::scenario::to_json(&s) + "\n", text);
}

#[test]
fn a_version_3_share_link_opens_the_same_workbook() {
    match decode(&fixture("share_v3_everything.txt")).unwrap() {
        Shared::Workbook(s) => check_v3(&s, false),
        other => panic!("not a workbook: {other:?}"),
    }
}

#[test]
fn a_version_3_plans_link_opens_its_plans_and_models() {
    match decode(&fixture("share_v3_plans.txt")).unwrap() {
        Shared::Plans { plans, payouts } => {
            assert_eq!(plans, v3::plans());
            assert_eq!(payouts, v3::payouts());
        }
        other => panic!("not plans: {other:?}"),
    }
}

// ---- message codes ----

/// `(kind, code)` of `tests/fixtures/saved/codes.txt`.
fn frozen_codes() -> Vec<(String, String)> {
    fixture("codes.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (k, c) = l.split_once(' ').unwrap();
            (k.to_string(), c.trim().to_string())
        })
        .collect()
}

#[test]
fn every_frozen_code_still_reads_as_its_message() {
    use kpi_sandbox::i18n::Msg;
    use kpi_sandbox::io::scenario::file::codes::{
        error_code, error_of, problem_code, problem_of, role_code, role_of,
    };
    let codes = frozen_codes();
    assert_eq!(codes.len(), 26);
    // Expected messages, written out: what each code meant when frozen.
    let problem = |c: &str| match c {
        "not-a-number" | "ErrNotANumber" => Msg::ErrNotANumber,
        "not-finite" | "ErrNotFinite" => Msg::ErrNotFinite,
        "bad-duration" | "ErrBadDuration" => Msg::ErrBadDuration,
        "negative" | "ErrNegative" => Msg::ErrNegative,
        other => panic!("unexpected problem code {other}"),
    };
    let role = |c: &str| match c {
        "QaRoleLead" => Msg::QaRoleLead,
        "QaRoleGroupLeader" => Msg::QaRoleGroupLeader,
        "QaRoleSpecialist" => Msg::QaRoleSpecialist,
        "QaRoleAfterSales" => Msg::QaRoleAfterSales,
        "QaRoleOtherTeams" => Msg::QaRoleOtherTeams,
        "QaNewRole" => Msg::QaNewRole,
        other => panic!("unexpected role code {other}"),
    };
    for (kind, code) in &codes {
        match kind.as_str() {
            "problem" => {
                assert_eq!(problem_of(code), problem(code), "{code}");
                assert_eq!(problem_code(problem(code)), code);
            }
            "problem-v2" => assert_eq!(problem_of(code), problem(code), "{code}"),
            "error" => assert_eq!(error_code(error_of(code).unwrap()), code),
            "error-v2" => assert!(error_of(code).is_some(), "{code}"),
            "role" => {
                assert_eq!(role_of(code), Some(role(code)), "{code}");
                assert_eq!(role_code(role(code)), Some(code.as_str()));
                // The Chinese and English names are still there.
                assert!(!role(code).t(kpi_sandbox::i18n::Lang::Zh).is_empty());
            }
            other => panic!("unknown kind {other}"),
        }
    }
}

#[test]
fn every_code_the_writer_can_produce_is_frozen() {
    use kpi_sandbox::i18n::Msg;
    use kpi_sandbox::io::scenario::file::codes::{
        error_code, problem_code, role_code, ERROR_CODES, ROLE_CODES,
    };
    let codes = frozen_codes();
    let has = |kind: &str, code: &str| codes.iter().any(|(k, c)| k == kind && c == code);
    for m in Msg::ALL {
        assert!(has("problem", problem_code(*m)), "{}", problem_code(*m));
    }
    for (_, _, k) in ERROR_CODES {
        assert!(has("error", error_code(*k)), "{}", error_code(*k));
    }
    for (_, m) in ROLE_CODES {
        let code = role_code(*m).unwrap();
        assert!(has("role", code), "{code}");
    }
}

#[test]
fn an_unknown_role_code_is_a_problem_at_its_path() {
    let text = fixture("workbook_v3.json").replace("\"QaRoleSpecialist\"", "\"QaRoleGone\"");
    let problems = from_json(&text).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "qa.roles[2].name");
    assert_eq!(problems[0].msg, kpi_sandbox::i18n::Msg::FileErrRoleCode);
    assert_eq!(problems[0].args, ["QaRoleGone"]);
}

#[test]
fn fields_left_out_of_a_file_take_their_documented_defaults() {
    use kpi_sandbox::model::findings::Scoring;
    use kpi_sandbox::model::paysheet::Floor;
    use kpi_sandbox::model::qa::Confidence;
    use kpi_sandbox::model::staffing::Target;
    let mut v: serde_json::Value = serde_json::from_str(&fixture("workbook_v3.json")).unwrap();
    let qa = v["qa"].as_object_mut().unwrap();
    qa.remove("noise");
    qa.remove("findings");
    qa.remove("findings_scoring");
    // A partial staffing block: the rest takes the defaults.
    qa.insert("staffing".into(), serde_json::json!({ "aht": 300.0 }));
    v["payouts"][1].as_object_mut().unwrap().remove("lines");
    v["payouts"][2]["lines"] = serde_json::json!({ "items": [] });
    v["months_settings"] = serde_json::json!({ "aliases": [["AMY", "Amy"]] });
    let s = from_json(&v.to_string()).unwrap();
    // docs/SCENARIO.md and the model's defaults, written out.
    let st = &s.qa.staffing;
    assert_eq!(st.aht, 300.0);
    assert_eq!(st.concurrency, 3);
    assert_eq!(
        st.target,
        Target::ServiceLevel {
            share: 0.8,
            seconds: 30.0
        }
    );
    assert_eq!((st.shrinkage, st.max_occupancy), (0.30, 0.85));
    assert_eq!((st.shift_hours, st.workdays_per_week), (8.0, 5.0));
    assert_eq!((st.scale, st.salary), (1.0, 6_000.0));
    assert_eq!(st.days.len(), 1);
    assert_eq!(st.days[0].len(), 24);
    assert_eq!(st.days[0].iter().sum::<f64>(), 3_000.0);
    let n = &s.qa.noise;
    assert_eq!(n.confidence, Confidence::C95);
    assert_eq!((n.samples, n.sd), (6.0, 8.0));
    assert_eq!(n.bands, [90.0, 80.0]);
    assert!(n.score_column.is_empty() && n.chat_scores.is_empty());
    assert!(s.qa.findings.is_empty());
    assert_eq!(s.qa.findings_scoring, Scoring::Deductions { start: 100.0 });
    for m in &s.payouts[1..] {
        assert!(m.lines.items.is_empty() && m.lines.vetoes.is_empty());
        assert_eq!((m.lines.floor, m.lines.rounding), (Floor::Total, 0.01));
    }
    let ms = &s.months_settings;
    assert_eq!(ms.aliases, [("AMY".to_string(), "Amy".to_string())]);
    assert!(ms.targets.is_empty());
    assert_eq!((ms.talent.k, ms.talent.n), (4, 6));
    assert_eq!((ms.talent.top_share, ms.talent.bottom_share), (0.2, 0.1));
    assert_eq!(ms.talent.bottom_months, 2);
    assert_eq!(
        (ms.talent.elite_score, ms.talent.senior_score),
        (85.0, 90.0)
    );
}
