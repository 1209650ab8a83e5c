//! The fast kernel behind the forecast and the cliff scan (#16): rank and
//! percentile from one pass over the team's order, forced grades from one
//! integer sort, score-table coefficients from precompiled steps, and pay
//! buffers reused across evaluations. Each is checked against an oracle
//! written here from the rule's definition (plan/mod.rs, payout/types.rs),
//! by brute force, never against the kernel itself.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::io::import::import_text;
use kpi_sandbox::model::forecast::Rng;
use kpi_sandbox::model::payout::{CoefStep, Coefficient, Compiled, PayScratch, PayoutModel};
use kpi_sandbox::model::plan::{
    assign_grades, CompiledRule, GradeBuf, GradeShare, Grading, Needs, Rule, Team, TeamBuf,
};

/// Values with many ties, both zeros and missing ones.
fn values(r: &mut Rng, n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| match i % 9 {
            0 => f64::NAN,
            1 => 0.0,
            2 => -0.0,
            3 => 50.0,
            _ => (r.uniform() * 20.0).round() - 5.0,
        })
        .collect()
}

/// Rank and percentile points by their definitions: n present values;
/// rank = 1 + agents strictly better, points 100·(n − rank)/(n − 1);
/// percentile points 100·(agents strictly worse)/(n − 1); n ≤ 1 gives 100;
/// a missing value 0.
fn oracle(vals: &[f64], lower: bool, rank: bool) -> Vec<f64> {
    let present: Vec<f64> = vals.iter().copied().filter(|v| !v.is_nan()).collect();
    let n = present.len();
    vals.iter()
        .map(|&x| {
            if x.is_nan() {
                return 0.0;
            }
            let better = present
                .iter()
                .filter(|o| if lower { **o < x } else { **o > x })
                .count();
            let worse = present
                .iter()
                .filter(|o| if lower { **o > x } else { **o < x })
                .count();
            if n <= 1 {
                100.0
            } else if rank {
                100.0 * (n - (better + 1)) as f64 / (n - 1) as f64
            } else {
                100.0 * worse as f64 / (n - 1) as f64
            }
        })
        .collect()
}

#[test]
fn rank_and_percentile_in_one_pass_follow_their_definition() {
    let mut r = Rng::new(42);
    for n in [0usize, 1, 2, 3, 10, 57, 500] {
        let vals = values(&mut r, n);
        for (rule, is_rank) in [(Rule::Rank, true), (Rule::Percentile, false)] {
            for lower in [false, true] {
                let c = CompiledRule::new(&rule, lower);
                assert_eq!(c.needs(), Needs::Order);
                let mut buf = TeamBuf::default();
                let team = Team::of(c.needs(), &vals, &mut buf);
                let mut got = Vec::new();
                c.points_into(&vals, &team, &mut got);
                let want = oracle(&vals, lower, is_rank);
                let one_by_one: Vec<f64> = vals.iter().map(|x| c.points(*x, &team)).collect();
                for (a, ((g, w), o)) in got.iter().zip(&want).zip(&one_by_one).enumerate() {
                    assert_eq!(
                        g.to_bits(),
                        w.to_bits(),
                        "n {n} rank {is_rank} lower {lower} agent {a}"
                    );
                    assert_eq!(o.to_bits(), w.to_bits(), "explanation path, agent {a}");
                }
            }
        }
    }
}

#[test]
fn small_team_ranks_by_hand() {
    // Values 10, 20, 20, missing, 5 (higher is better): 20s share rank 1
    // (4 present → 100·3/3 = 100), 10 is rank 3 → 100·1/3, 5 rank 4 → 0.
    // Percentile: 20s beat 2 → 66.67; 10 beats 1 → 33.33; 5 → 0.
    let vals = [10.0, 20.0, 20.0, f64::NAN, 5.0];
    let mut buf = TeamBuf::default();
    let mut got = Vec::new();
    let c = CompiledRule::new(&Rule::Rank, false);
    c.points_into(&vals, &Team::of(Needs::Order, &vals, &mut buf), &mut got);
    assert_eq!(got, vec![100.0 / 3.0, 100.0, 100.0, 0.0, 0.0]);
    let c = CompiledRule::new(&Rule::Percentile, false);
    c.points_into(&vals, &Team::of(Needs::Order, &vals, &mut buf), &mut got);
    assert_eq!(got, vec![100.0 / 3.0, 200.0 / 3.0, 200.0 / 3.0, 0.0, 0.0]);
}

/// Forced grades by definition: an agent's position is the number of
/// agents with a higher total; by the tie rule equal totals take the grade
/// of the best-placed of them, whose position is that same count. Grade g
/// covers positions below round(n × cumulative share g).
fn forced_oracle(totals: &[f64], shares: &[f64]) -> Vec<usize> {
    let n = totals.len();
    let mut bounds = Vec::new();
    let mut cum = 0.0;
    for s in shares {
        cum += s;
        bounds.push((n as f64 * cum + 0.5).floor() as usize);
    }
    totals
        .iter()
        .map(|t| {
            let pos = totals.iter().filter(|o| *o > t).count();
            bounds
                .iter()
                .position(|b| pos < *b)
                .unwrap_or(shares.len() - 1)
        })
        .collect()
}

#[test]
fn forced_grades_from_one_sort_follow_the_tie_rule() {
    let mut r = Rng::new(7);
    let shares = [0.2, 0.7, 0.1];
    let grading = Grading::Forced(
        ["A", "B", "C"]
            .iter()
            .zip(shares)
            .map(|(l, s)| GradeShare {
                label: (*l).into(),
                share: s,
            })
            .collect(),
    );
    let mut buf = GradeBuf::default();
    let mut out = Vec::new();
    for n in [1usize, 2, 5, 10, 99, 500, 3] {
        // Totals on a coarse grid, so many are tied (and 0.0 appears).
        let totals: Vec<f64> = (0..n)
            .map(|_| (r.uniform() * 12.0).floor() * 10.0)
            .collect();
        assign_grades(&totals, &grading, &mut out, &mut buf);
        assert_eq!(out, forced_oracle(&totals, &shares), "n {n}: {totals:?}");
    }
    // By hand: 10 agents, bounds 2, 9, 10. Totals 90 90 80 … : the two 90s
    // are A; 80 at position 2 is B; a third 90 would still be A.
    let totals = [50.0, 90.0, 80.0, 90.0, 70.0, 60.0, 40.0, 30.0, 20.0, 10.0];
    assign_grades(&totals, &grading, &mut out, &mut buf);
    assert_eq!(out, vec![1, 0, 1, 0, 1, 1, 1, 1, 1, 2]);
    let totals = [90.0, 90.0, 90.0, 80.0, 70.0, 60.0, 40.0, 30.0, 20.0, 10.0];
    assign_grades(&totals, &grading, &mut out, &mut buf);
    assert_eq!(out, vec![0, 0, 0, 1, 1, 1, 1, 1, 1, 2]);
}

fn model_with_steps(steps: Vec<CoefStep>) -> PayoutModel {
    let mut m = PayoutModel::example("steps");
    m.components = vec![kpi_sandbox::model::payout::Component::Target {
        base: 1000.0,
        coef: Coefficient::ScoreTable {
            steps,
            otherwise: 0.1,
        },
    }];
    m.gates.clear();
    m.prorate = None;
    m.rounding = 0.01;
    m
}

#[test]
fn precompiled_score_steps_and_reused_pay_buffers() {
    let step = |min: f64, coef: f64| CoefStep { min, coef };
    // Two steps at 80: "the step with the highest min not above the score"
    // is the one listed last (1.3); 60 → 0.5; below every step, otherwise.
    let steps = vec![
        step(80.0, 1.2),
        step(60.0, 0.5),
        step(80.0, 1.3),
        step(f64::NAN, 9.0),
    ];
    let table = import_text("客服昵称\t质检得分\n甲\t1\n").table;
    let model = model_with_steps(steps);
    let c = Compiled::new(&model, &table, &[]);
    let mut s = PayScratch::default();
    // 500 agents first, so the buffers are long, then 4: nothing stale remains.
    let big: Vec<f64> = (0..500).map(|i| i as f64 / 5.0).collect();
    c.evaluate_into(&big, &vec![0; 500], &[], &vec![], None, &mut s);
    assert_eq!(s.pays.len(), 500);
    assert_eq!(s.pays[499], 1300.0, "99.8 reaches the 80 step listed last");
    let scores = [85.0, 80.0, 79.9, 10.0];
    c.evaluate_into(&scores, &[0; 4], &[], &vec![], None, &mut s);
    assert_eq!(s.pays, vec![1300.0, 1300.0, 500.0, 100.0]);
    assert_eq!(c.evaluate(&scores, &[0; 4], &[], &vec![], None), s.pays);
    match &model.components[0] {
        kpi_sandbox::model::payout::Component::Target { coef, .. } => {
            assert_eq!(coef.of(85.0, ""), 1.3);
            assert_eq!(coef.of(10.0, ""), 0.1);
        }
        _ => unreachable!(),
    }
}

#[test]
fn the_bucket_sort_is_a_stable_sort_by_key() {
    use kpi_sandbox::model::plan::rules::{from_order_key, order_key, sort_keyed};
    let mut r = Rng::new(3);
    let (mut v, mut tmp, mut counts) = (Vec::new(), Vec::new(), Vec::new());
    for (n, wide) in [0usize, 1, 2, 5, 47, 48, 49, 300, 1_000]
        .into_iter()
        .flat_map(|n| [(n, true), (n, false)])
    {
        // Wide: ties, both signs, zeros, huge and tiny magnitudes, so every
        // byte varies (a far outlier: the comparison fallback). Narrow: a
        // drawn metric around 85 with some exact ties (the bucket path).
        let vals: Vec<f64> = (0..n)
            .map(|i| match (wide, i % 6) {
                (true, 0) => (r.uniform() * 10.0).floor(),
                (true, 1) => -r.uniform() * 1e300,
                (true, 2) => r.uniform() * 1e-300,
                (true, 3) => -0.0,
                (true, _) => r.uniform() - 0.5,
                (false, 0) => 85.0,
                (false, _) => 85.0 * (1.0 + 0.1 * (r.uniform() - 0.5)),
            })
            .collect();
        v.clear();
        v.extend(
            vals.iter()
                .enumerate()
                .map(|(i, x)| (order_key(*x), i as u32)),
        );
        let mut want = v.clone();
        want.sort_by_key(|e| e.0); // the standard library's stable sort
        sort_keyed(&mut v, &mut tmp, &mut counts);
        assert_eq!(v, want, "n {n} wide {wide}");
        // The keys order the numbers as `<` does (−0 with +0).
        for w in v.windows(2) {
            let (a, b) = (from_order_key(w[0].0), from_order_key(w[1].0));
            assert!(a <= b, "{a} {b}");
        }
    }
    assert_eq!(order_key(-0.0), order_key(0.0));
    assert!(order_key(-1.0) < order_key(-0.5) && order_key(0.5) < order_key(f64::INFINITY));
}

#[test]
fn max_and_min_by_comparison_keep_the_nan_rule() {
    use kpi_sandbox::model::plan::rules::{max_num, min_num};
    let cases = [
        (1.0, 2.0, 2.0, 1.0),
        (2.0, 1.0, 2.0, 1.0),
        (f64::NAN, 3.0, 3.0, 3.0),
        (3.0, f64::NAN, 3.0, 3.0),
        (-5.0, f64::INFINITY, f64::INFINITY, -5.0),
    ];
    for (x, y, max, min) in cases {
        assert_eq!((max_num(x, y), min_num(x, y)), (max, min), "{x} {y}");
    }
    assert!(max_num(f64::NAN, f64::NAN).is_nan());
}

#[test]
fn the_bucket_sort_handles_infinities_nan_and_one_crowded_bucket() {
    use kpi_sandbox::model::plan::rules::{order_key, sort_keyed};
    let mut r = Rng::new(11);
    let (mut tmp, mut counts) = (Vec::new(), Vec::new());
    let cases: Vec<Vec<f64>> = vec![
        vec![3.0, f64::INFINITY, -1.0, f64::NEG_INFINITY, 3.0, 0.0],
        vec![2.0, f64::NAN, 1.0, -f64::NAN, 2.0],
        vec![7.0; 40],
        // One far outlier squeezes 200 values into one bucket: the
        // insertion sort runs out of budget and the comparison sort ends it.
        (0..200)
            .map(|i| if i == 100 { 1e12 } else { r.uniform() })
            .collect(),
        // Descending values: every key moves within its bucket.
        (0..300).map(|i| 300.0 - (i / 2) as f64).collect(),
    ];
    for vals in cases {
        let mut v: Vec<(u64, u32)> = vals
            .iter()
            .enumerate()
            .map(|(i, x)| (order_key(*x), i as u32))
            .collect();
        let mut want = v.clone();
        want.sort_by_key(|e| e.0);
        sort_keyed(&mut v, &mut tmp, &mut counts);
        assert_eq!(v, want, "{vals:?}");
    }
}

#[test]
fn whole_fen_rounding_is_rust_round_bit_for_bit() {
    use kpi_sandbox::model::payout::round_half_away;
    let mut cases = vec![
        0.0,
        -0.0,
        0.5,
        -0.5,
        1.5,
        2.5,
        -2.5,
        0.49999999999999994,
        -0.49999999999999994,
        4_503_599_627_370_495.5,
        4_503_599_627_370_497.0,
        9_007_199_254_740_993.0,
        1e300,
        -1e-300,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::MAX,
    ];
    let mut r = Rng::new(5);
    for _ in 0..10_000 {
        let x = (r.uniform() - 0.5) * 2e7;
        cases.extend([x, (x * 100.0).floor() / 100.0 * 100.0, x.floor() + 0.5]);
    }
    for x in cases {
        assert_eq!(round_half_away(x).to_bits(), x.round().to_bits(), "{x}");
    }
    assert!(round_half_away(f64::NAN).is_nan());
}
