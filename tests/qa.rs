//! QA staffing: ratio split, workload and Cochran. Expected values worked out by hand.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::model::qa::*;

fn defaults() -> QaParams {
    QaParams::default()
}

#[test]
fn the_seed_team_150_agents_is_10_in_1_1_3_2_3() {
    let p = defaults();
    assert_eq!(ratio_total(150, 10, 150), 10);
    assert_eq!(split_roles(10, &p.roles), vec![1, 1, 3, 2, 3]);
    let r = size_team(&p);
    assert_eq!(r.ratio.headcount, 10);
    assert_eq!(r.ratio.split, vec![1, 1, 3, 2, 3]);
    // 1×12,000 + 1×9,000 + 3×6,500 + 2×6,500 + 3×6,000 = 71,500.
    assert_eq!(r.ratio.cost, 71_500.0);
}

#[test]
fn ratio_scales_by_the_documented_rule() {
    let roles = defaults().roles;
    // (agents, total = ⌈agents×10/150⌉, split)
    let cases: &[(u32, u32, [u32; 5])] = &[
        (0, 0, [0, 0, 0, 0, 0]),
        (1, 1, [0, 0, 1, 0, 0]), // 1 specialist: quotas 3/8, 2/8, 3/8 → remainders tie, earlier wins
        (30, 2, [0, 0, 1, 0, 1]), // quotas .75/.5/.75 → the two .75s
        (60, 4, [0, 0, 2, 1, 1]), // 12/8=1.5, 8/8=1, 12/8=1.5 → floors 1/1/1, +1 to first .5
        (75, 5, [0, 1, 2, 1, 1]), // T=5 ≥ 5: group leader max(1, ⌊1×5/10⌋)=1; 4 left as above
        (100, 7, [0, 1, 2, 2, 2]), // 6 left: 18/8=2.25, 12/8=1.5, 18/8=2.25 → 2/1/2, +1 to the .5
        (149, 10, [1, 1, 3, 2, 3]), // ⌈149×10/150⌉ = ⌈9.93⌉ = 10
        (151, 11, [1, 1, 4, 2, 3]), // 9 left: 27/8=3.375, 18/8=2.25, 27/8=3.375 → 3/2/3 +1 to first .375
        (300, 20, [2, 2, 6, 4, 6]), // leaders ⌊1×20/10⌋ = 2 each; 16 left split 6/4/6
        (500, 34, [3, 3, 11, 7, 10]), // leaders ⌊34/10⌋=3; 28 left: 10.5/7/10.5 → 10/7/10 +1 first
    ];
    for (agents, total, split) in cases {
        assert_eq!(ratio_total(*agents, 10, 150), *total, "total for {agents}");
        let got = split_roles(*total, &roles);
        assert_eq!(got, split.to_vec(), "split for {agents} agents");
        assert_eq!(got.iter().sum::<u32>(), *total, "split sums to the total");
    }
}

#[test]
fn leaders_never_exceed_the_total_and_roles_can_be_anything() {
    let mut roles = defaults().roles;
    roles[0].from_total = 1; // a lead from the first QA on
    roles[1].from_total = 1;
    assert_eq!(
        split_roles(1, &roles),
        vec![1, 0, 0, 0, 0],
        "the lead takes the only seat"
    );
    assert_eq!(split_roles(2, &roles), vec![1, 1, 0, 0, 0]);
    // A custom two-role plan: 1 leader from 3, specialists scale.
    let custom = vec![
        Role {
            name: RoleName::Custom("组长".into()),
            base: 1,
            leadership: true,
            from_total: 3,
            salary: 8000.0,
        },
        Role {
            name: RoleName::Custom("专员".into()),
            base: 4,
            leadership: false,
            from_total: 0,
            salary: 6000.0,
        },
    ];
    assert_eq!(split_roles(2, &custom), vec![0, 2]);
    assert_eq!(split_roles(3, &custom), vec![1, 2]);
    assert_eq!(split_roles(12, &custom), vec![2, 10]); // ⌊1×12/5⌋ = 2
}

#[test]
fn cochran_matches_the_textbook() {
    // 95 %, ±5 %, p = 0.5: n₀ = 1.96² × 0.25 / 0.0025 = 384.16 → 385 rounded up.
    let (n0, n) = cochran(1.96, 0.5, 0.05, None);
    assert!((n0 - 384.16).abs() < 1e-9, "{n0}");
    assert_eq!(n.ceil(), 385.0);
    // N = 1,000: 384.16 / (1 + 383.16/1000) = 384.16 / 1.38316 = 277.7408… → 278
    // (quotient checked in Python: 277.7408253564302).
    let (_, n) = cochran(1.96, 0.5, 0.05, Some(1000.0));
    assert!((n - 277.740_825_356).abs() < 1e-6, "{n}");
    assert_eq!(n.ceil(), 278.0);
    // 90 %, ±10 %: 1.645² × 0.25 / 0.01 = 67.650625; N = 2,200 → 65.6575… → 66.
    let (n0, n) = cochran(1.645, 0.5, 0.10, Some(2200.0));
    assert!((n0 - 67.650_625).abs() < 1e-9);
    assert_eq!(n.ceil(), 66.0);
    // The achieved margin inverts the formula: n reviews of N give back e.
    let e = achieved_margin(1.96, 0.5, 277.740_825_356_430_2, 1000.0);
    assert!((e - 0.05).abs() < 1e-9, "{e}");
    assert_eq!(achieved_margin(1.96, 0.5, 0.0, 1000.0), f64::INFINITY);
    assert_eq!(achieved_margin(1.96, 0.5, 1000.0, 1000.0), 0.0);
}

#[test]
fn workload_hand_worked() {
    // Defaults: 150 agents, 100 chats/day, 22 workdays, 3 % sampled, 5 min per
    // review, 60 coaching min, 6.5 productive hours.
    // reviews = 100 × 22 × 0.03 = 66 per agent per month
    // minutes/agent = 66 × 5 + 60 = 390; total = 150 × 390 = 58,500
    // capacity = 6.5 × 60 × 22 = 8,580 per QA; FTE = 58,500 / 8,580 = 6.818… → 7
    let r = size_team(&defaults());
    let w = &r.workload_detail;
    assert!((w.reviews_per_agent - 66.0).abs() < 1e-9);
    assert!((w.minutes_per_agent - 390.0).abs() < 1e-9);
    assert!((w.total_minutes - 58_500.0).abs() < 1e-6);
    assert!((w.capacity - 8_580.0).abs() < 1e-9);
    assert!((r.workload.fte - 58_500.0 / 8_580.0).abs() < 1e-12);
    assert_eq!(r.workload.headcount, 7);
    assert_eq!(r.workload.split, vec![0, 1, 2, 2, 2]); // T=7 by the ratio split rule
                                                       // Statistical: N = 2,200; n = 65.66 → 66 reviews; 66 ≥ current 66 → same FTE.
    assert_eq!(r.statistical_detail.reviews, 66.0);
    assert_eq!(r.statistical.headcount, 7);
    // 66 reviews of 2,200 at 90 %: e = 1.645 × √(0.25 × 2134 / (66 × 2199)) = 0.099735… ≤ 0.10
    // (checked in Python: 0.0997352158025633).
    assert!(
        (r.statistical_detail.achieved_margin - 0.099_735_215_8).abs() < 1e-9,
        "{}",
        r.statistical_detail.achieved_margin
    );
    assert_eq!(r.recommended, Recommended::Workload);
}

#[test]
fn a_stricter_target_recommends_the_statistical_method() {
    let mut p = defaults();
    p.confidence = Confidence::C95;
    p.margin = 0.05;
    let r = size_team(&p);
    // N = 2,200: n = 384.16 / (1 + 383.16/2200) = 327.18… → 328 reviews.
    assert_eq!(r.statistical_detail.reviews, 328.0);
    // minutes = 150 × (328 × 5 + 60) = 255,000; / 8,580 = 29.72 → 30.
    assert_eq!(r.statistical.headcount, 30);
    assert_eq!(r.recommended, Recommended::Statistical);
    assert_eq!(r.recommended_result().headcount, 30);
}

#[test]
fn fixed_reviews_replace_the_share() {
    let mut p = defaults();
    p.sampling = Sampling::Reviews(30.0);
    let r = size_team(&p);
    // 150 × (30 × 5 + 60) = 31,500 / 8,580 = 3.67 → 4.
    assert_eq!(r.workload.headcount, 4);
}

#[test]
fn invalid_inputs_are_reported_by_field() {
    let mut p = defaults();
    p.agents = 200_000;
    p.workdays = 0.0;
    p.sampling = Sampling::Share(1.5);
    p.margin = f64::NAN;
    p.roles.iter_mut().for_each(|r| r.leadership = true);
    let fields: Vec<QaField> = p.validate().into_iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        vec![
            QaField::Agents,
            QaField::Roles,
            QaField::Workdays,
            QaField::Sampling,
            QaField::Margin
        ]
    );
    assert!(defaults().validate().is_empty());
    let mut p = defaults();
    p.sampling = Sampling::Reviews(5000.0); // more than 2,200 chats a month
    assert_eq!(p.validate().len(), 1);
}

#[test]
fn the_curve_steps_through_team_sizes() {
    let c = curve(&defaults(), 500, 50);
    assert_eq!(c.len(), 11);
    assert_eq!(c[0], (0, 0, 0, 0));
    assert_eq!(c[3].0, 150);
    assert_eq!(c[3].1, 10);
    assert_eq!(c[3].2, 7);
    assert!(
        c.windows(2)
            .all(|w| w[0].1 <= w[1].1 && w[0].2 <= w[1].2 && w[0].3 <= w[1].3),
        "monotone"
    );
}

#[test]
fn the_agent_count_comes_from_the_team_table_or_is_typed() {
    let table = kpi_sandbox::io::demo::demo_table();
    let mut p = defaults();
    assert_eq!(p.resolved(&table).agents, 30, "the team table by default");
    p.source = AgentSource::Manual;
    assert_eq!(p.resolved(&table).agents, 150, "typed in");
    p.source = AgentSource::Team;
    assert_eq!(p.resolved(&table).agents, 30);
    p.source = AgentSource::Group("售后".into());
    assert_eq!(p.resolved(&table).agents, 10);
    p.source = AgentSource::Group("电话".into());
    assert_eq!(
        p.resolved(&table).agents,
        0,
        "a group that is not in the data has no agents"
    );
    assert_eq!(
        table.groups(),
        vec![("售前".to_string(), 20), ("售后".to_string(), 10)]
    );
}
