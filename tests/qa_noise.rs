//! QA scores with their noise: Student-t intervals and the overlap warning.
//!
//! t quantiles: textbook t-table values (3 decimals) and mpmath's inverse
//! of the regularised incomplete beta function (`scripts/erlang_check.py`,
//! 10+ digits). Intervals worked by hand below.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::model::qa::Confidence;
use kpi_sandbox::model::qa_noise::*;

fn close(got: f64, want: f64, tol: f64, what: &str) {
    assert!(
        (got - want).abs() <= tol,
        "{what}: got {got}, want {want} (±{tol})"
    );
}

#[test]
fn t_quantiles_match_the_tables() {
    // (confidence, df, t-table value, mpmath value)
    let cases = [
        (Confidence::C95, 1.0, 12.706, 12.7062047362),
        (Confidence::C95, 3.0, 3.182, 3.18244630528),
        (Confidence::C95, 5.0, 2.571, 2.57058183564),
        (Confidence::C90, 9.0, 1.833, 1.83311293266),
        (Confidence::C99, 4.0, 4.604, 4.60409487135),
        (Confidence::C95, 29.0, 2.045, 2.04522964213),
        (Confidence::C95, 200.0, 1.972, 1.97189622363),
    ];
    for (c, df, table, exact) in cases {
        let t = t_quantile(c, df).unwrap();
        close(t, table, 0.0005, &format!("t table {c:?} df {df}"));
        close(t, exact, 1e-8, &format!("t exact {c:?} df {df}"));
    }
    assert_eq!(t_quantile(Confidence::C95, 0.0), None);
}

#[test]
fn intervals_worked_by_hand() {
    // Four chats scored 90, 85, 80, 95: mean 87.5; deviations ±2.5, ±7.5;
    // s² = (6.25 + 6.25 + 56.25 + 56.25) ÷ 3 = 41.667, s = 6.4550;
    // 95 %: 3.18245 × 6.45497 ÷ √4 = 10.2713 → [77.23, 97.77].
    let (mean, sd) = mean_sd(&[90.0, 85.0, 80.0, 95.0]).unwrap();
    assert_eq!(mean, 87.5);
    close(sd, (125.0f64 / 3.0).sqrt(), 1e-12, "sd");
    let h = half_width(sd, 4.0, Confidence::C95).unwrap();
    close(h, 3.18244630528 * 6.45497224368 / 2.0, 1e-8, "half 95");
    close(h, 10.2713, 1e-4, "half 95 rounded");
    // 90 %: t(0.95, 3) = 2.353 → 2.3534 × 6.4550 ÷ 2 = 7.5955.
    close(
        half_width(sd, 4.0, Confidence::C90).unwrap(),
        7.5955,
        2e-4,
        "half 90",
    );
    // 6 chats, sd 8, 95 %: 2.5706 × 8 ÷ √6 = 8.3955 (mpmath 8.39548511917).
    close(
        half_width(8.0, 6.0, Confidence::C95).unwrap(),
        8.39548511917,
        1e-9,
        "6 chats",
    );
}

#[test]
fn zero_or_one_sample_has_no_interval() {
    assert_eq!(half_width(8.0, 0.0, Confidence::C95), None);
    assert_eq!(half_width(8.0, 1.0, Confidence::C95), None);
    assert_eq!(half_width(f64::NAN, 6.0, Confidence::C95), None);
    assert_eq!(half_width(-1.0, 6.0, Confidence::C95), None);
    let (m, sd) = mean_sd(&[77.0]).unwrap();
    assert_eq!(m, 77.0);
    assert!(sd.is_nan());
    assert_eq!(mean_sd(&[]), None);
}

fn agent(row: usize, value: f64, n: f64, sd: f64, group: usize) -> Noisy {
    Noisy {
        row,
        value,
        n,
        half: half_width(sd, n, Confidence::C95),
        group,
    }
}

#[test]
fn a_grade_boundary_between_overlapping_agents_is_warned() {
    // Two agents at 88 and 84 with 6 chats, sd 8: half-widths 8.40 each;
    // 88 − 8.40 = 79.6 < 84 + 8.40 = 92.4 → overlap. A boundary at 85 puts
    // them in two grades. To separate 4 points: 16·t(n−1)/√n < 4, first at
    // n = 64 (t(63) = 1.99834, ÷ 8 = 0.24979; n = 63: 1.99897 ÷ 7.937 = 0.25185).
    let items = [
        agent(0, 88.0, 6.0, 8.0, 0),
        agent(1, 84.0, 6.0, 8.0, 1),
        // Far below: 60 with the same noise does not overlap 84 (84 − 60 = 24 > 16.8).
        agent(2, 60.0, 6.0, 8.0, 1),
        // One chat: no interval, left out of the pairs.
        agent(3, 70.0, 1.0, 8.0, 1),
    ];
    let o = overlaps(&items, Confidence::C95);
    assert_eq!(o.len(), 1, "{o:?}");
    assert_eq!((o[0].upper, o[0].lower), (0, 1));
    assert_eq!(o[0].kind, Separation::Boundary);
    assert_eq!(o[0].diff, 4.0);
    assert_eq!(o[0].needed, Some(64));
    // Same grade: a rank overlap.
    let items = [agent(0, 88.0, 6.0, 8.0, 0), agent(1, 84.0, 6.0, 8.0, 0)];
    assert_eq!(overlaps(&items, Confidence::C95)[0].kind, Separation::Rank);
}

#[test]
fn equal_scores_can_never_be_separated() {
    let items = [agent(0, 85.0, 6.0, 8.0, 0), agent(1, 85.0, 6.0, 8.0, 1)];
    let o = overlaps(&items, Confidence::C95);
    assert_eq!(o.len(), 1);
    assert_eq!(o[0].needed, None);
}

#[test]
fn samples_to_separate_handles_mixed_sample_counts() {
    // Agent A: half 8.3955 from 6 chats; agent B: sd 0 (half 0). d = 4:
    // 8·t(n−1)/√n < 4 → t(n−1)/√n < 0.5: n = 18 (t(17) = 2.1098, ÷ 4.2426 = 0.4973;
    // n = 17: t(16) = 2.1199 ÷ 4.1231 = 0.5142).
    let h = half_width(8.0, 6.0, Confidence::C95).unwrap();
    assert_eq!(
        samples_to_separate(4.0, (h, 6.0), (0.0, 6.0), Confidence::C95),
        Some(18)
    );
    // Already separated at 2.
    assert_eq!(
        samples_to_separate(100.0, (1.0, 6.0), (1.0, 6.0), Confidence::C95),
        Some(2)
    );
}

#[test]
fn bands_give_the_grade_index() {
    let p = NoiseParams::default(); // 90, 80
    assert_eq!(p.band_of(95.0), 0);
    assert_eq!(p.band_of(90.0), 0);
    assert_eq!(p.band_of(89.9), 1);
    assert_eq!(p.band_of(79.0), 2);
}

#[test]
fn agent_intervals_read_the_demo_team() {
    let t = kpi_sandbox::io::demo::demo_table();
    let p = NoiseParams::default();
    let rows = agent_intervals(&t, &p).unwrap();
    assert_eq!(rows.len(), 30);
    // 小雨 scores 77.3 in the demo; 6 chats at sd 8 → ±8.3955.
    assert_eq!(rows[0].name, "小雨");
    assert_eq!(rows[0].score, Some(77.3));
    close(rows[0].half.unwrap(), 8.39548511917, 1e-9, "half");
    // No score column: None.
    let p = NoiseParams {
        score_column: "没有这一列".into(),
        ..NoiseParams::default()
    };
    assert_eq!(agent_intervals(&t, &p), None);
}

#[test]
fn a_plan_grade_boundary_blurred_by_qa_noise_is_found() {
    use kpi_sandbox::model::plan::{Grading, Plan, PlanItem, Rule};
    let table =
        kpi_sandbox::io::import::import_text("客服昵称\t质检得分\n甲\t88\n乙\t84\n丙\t40\n").table;
    // One item: QA score linear 60 → 0, 95 → 100. 甲 (88 − 60) ÷ 35 × 100 = 80 (B ≥ 70);
    // 乙 (84 − 60) ÷ 35 × 100 = 68.57 (C ≥ 60); 丙 0 (D).
    let plan = Plan {
        id: Default::default(),
        name: "质检".into(),
        month: "2026-11".into(),
        group: None,
        items: vec![PlanItem::new(
            "质检得分",
            100.0,
            Rule::Linear {
                zero_at: 60.0,
                full_at: 95.0,
                stretch: None,
                cap: 100.0,
            },
            false,
        )],
        grading: Grading::default_thresholds(),
    };
    let p = NoiseParams::default(); // 6 chats, sd 8, 95 %: QA ± 8.3955
    let n = plan_overlaps(&table, &plan, &p).unwrap();
    // Noisy totals: ± 8.3955 ÷ 35 × 100 = ± 23.99 for 乙; 甲's high end is capped
    // at 100 (+20) but its low end is −23.99. 80 − 68.57 = 11.43 < 47.97: overlap.
    assert_eq!(n.boundary.len(), 1, "{:?}", n.boundary);
    let o = &n.boundary[0];
    assert_eq!((o.upper, o.lower), (0, 1));
    close(o.diff, 80.0 - 24.0 / 35.0 * 100.0, 1e-9, "diff");
    // Half-widths shrink like t(n−1)/√n: 2 × 22.86 × t/√n < 11.43 → t/√n < 0.25 → 64.
    assert_eq!(o.needed, Some(64));
    let (_, lo, hi) = n.low_high[1];
    close(
        lo,
        (84.0 - 8.39548511917 - 60.0) / 35.0 * 100.0,
        1e-8,
        "乙 low",
    );
    close(
        hi,
        (84.0 + 8.39548511917 - 60.0) / 35.0 * 100.0,
        1e-8,
        "乙 high",
    );
    // 丙 at 0 is far from everyone: no boundary pair with 乙? 68.57 − 0 = 68.57 >
    // 23.99 + (0 at both ends: 40 ± 8.4 stays below 60) → no overlap.
    assert!(n.no_interval.is_empty());
    // A plan without the QA score: nothing to say.
    let mut other = plan.clone();
    other.items[0].column = "询单人数".into();
    assert_eq!(plan_overlaps(&table, &other, &p), None);
}

#[test]
fn per_chat_scores_give_each_agent_its_own_n_and_sd() {
    let t = kpi_sandbox::io::demo::demo_table();
    let (chats, skipped) = kpi_sandbox::io::findings::read_chat_scores(
        "客服昵称\t质检得分\n小雨\t90\n小雨\t85\n小雨\t80\n小雨\t95\n阿杰\t88\n阿杰\t九十\n",
    );
    assert_eq!(chats.len(), 5);
    assert_eq!(skipped, vec![(7, "九十".to_string())]);
    let p = NoiseParams {
        chat_scores: chats,
        ..NoiseParams::default()
    };
    let rows = agent_intervals(&t, &p).unwrap();
    // 小雨: 4 chats, s = √(125/3) = 6.455 → ± 10.2713 (worked above); the
    // table's 77.3 stays the score.
    assert_eq!(rows[0].n, Some(4.0));
    close(rows[0].sd.unwrap(), (125.0f64 / 3.0).sqrt(), 1e-12, "sd");
    close(rows[0].half.unwrap(), 10.2713, 1e-4, "half");
    assert_eq!(rows[0].score, Some(77.3));
    // 阿杰: one chat → no interval.
    assert_eq!(rows[1].n, Some(1.0));
    assert_eq!(rows[1].half, None);
    // Everyone else keeps the typed 6 chats at sd 8.
    close(rows[2].half.unwrap(), 8.39548511917, 1e-9, "others");
}

#[test]
fn pay_steps_reached_within_the_qa_noise_are_listed() {
    use kpi_sandbox::model::payout::PayoutModel;
    use kpi_sandbox::model::plan::{Grading, Plan, PlanItem, Rule};
    let table = kpi_sandbox::io::import::import_text("客服昵称\t质检得分\n甲\t90\n乙\t40\n").table;
    let plan = Plan {
        id: Default::default(),
        name: "质检".into(),
        month: "2026-11".into(),
        group: None,
        items: vec![PlanItem::new(
            "质检得分",
            100.0,
            Rule::Linear {
                zero_at: 60.0,
                full_at: 95.0,
                stretch: None,
                cap: 100.0,
            },
            false,
        )],
        grading: Grading::default_thresholds(),
    };
    // ¥1,000 × coefficient by score steps ≥95 1.5, ≥85 1.2, ≥70 1.0, ≥60 0.6, else 0.
    let mut model = PayoutModel::example("m");
    model.gates.clear();
    model.prorate = None;
    let got = pay_noise(&table, &plan, &model, &NoiseParams::default()).unwrap();
    // 甲: QA 90 → (90 − 60) ÷ 35 × 100 = 85.71 → 1.2 → ¥1,200. QA 90 − 8.40 = 81.60
    // → 61.72 → 0.6 → ¥600; QA 98.40 → 110 capped at 100 → 1.5 → ¥1,500.
    // 乙: QA 40 ± 8.4 stays below 60 → 0 points → ¥0 at both ends: not listed.
    assert_eq!(
        got,
        vec![PayNoise {
            row: 0,
            pay: 1_200.0,
            low: 600.0,
            high: 1_500.0
        }]
    );
}
