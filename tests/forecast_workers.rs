//! The forecast split across workers (#16): jumpable streams, ziggurat
//! normals, bit-identical results whatever the partition and chunking,
//! the spec a worker receives, cliff scans in parts, and joint draws.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::io::import::import_text;
use kpi_sandbox::io::synthetic::{bench_payout, bench_plan, big_tsv};
use kpi_sandbox::model::forecast::joint::{cholesky, history_correlation, Joint};
use kpi_sandbox::model::forecast::*;
use kpi_sandbox::model::payout::compute;
use kpi_sandbox::model::plan::score;

#[test]
fn jump_matches_the_reference() {
    // Expected states from an independent Python port of the reference C
    // (xoshiro256starstar.c, SplitMix64 seeding): seed 1, then one jump.
    let r = Rng::new(1);
    assert_eq!(
        r.state(),
        [
            0x910a_2dec_8902_5cc1,
            0xbeeb_8da1_658e_ec67,
            0xf893_a2ee_fb32_555e,
            0x71c1_8690_ee42_c90b
        ]
    );
    let mut j = r.clone();
    j.jump();
    assert_eq!(
        j.state(),
        [
            0x53d6_3007_6a13_7ded,
            0xed07_f666_882e_dfc6,
            0x963e_c961_7b0b_dbd3,
            0x84b9_6906_e4b2_569a
        ]
    );
    assert_eq!(j.next_u64(), 0x3328_02f8_1eaa_e9d0);
}

#[test]
fn ziggurat_normals_have_the_normal_distribution() {
    let z = Ziggurat::new();
    let mut r = Rng::new(11);
    let n = 1_000_000;
    let (mut sum, mut sq, mut below1, mut beyond3, mut beyond_r) =
        (0.0, 0.0, 0usize, 0usize, 0usize);
    for _ in 0..n {
        let x = z.normal(&mut r);
        assert!(x.is_finite());
        sum += x;
        sq += x * x;
        below1 += usize::from(x < 1.0);
        beyond3 += usize::from(x.abs() > 3.0);
        beyond_r += usize::from(x.abs() > 3.654_152_885_361_009);
    }
    let nf = n as f64;
    let mean = sum / nf;
    let var = sq / nf - mean * mean;
    // Tables: Φ(1) = 0.841345; P(|Z| > 3) = 0.0026998; P(|Z| > 3.6542) = 0.00025807.
    // Bounds are 4 standard errors of each estimate at n = 10^6.
    assert!(mean.abs() < 0.004, "{mean}");
    assert!((var - 1.0).abs() < 0.0057, "{var}");
    let p1 = below1 as f64 / nf;
    assert!(
        (p1 - 0.841_345).abs() < 4.0 * (0.841_345f64 * 0.158_655 / nf).sqrt(),
        "{p1}"
    );
    let p3 = beyond3 as f64 / nf;
    assert!(
        (p3 - 0.002_699_8).abs() < 4.0 * (0.002_699_8f64 / nf).sqrt(),
        "{p3}"
    );
    let pr = beyond_r as f64 / nf;
    assert!(
        (pr - 0.000_258_07).abs() < 4.0 * (0.000_258_07f64 / nf).sqrt(),
        "{pr}"
    );
}

/// Every number of a result as bits, so "equal" means bit for bit.
fn bits(r: &ForecastResult) -> Vec<u64> {
    let mut v = vec![
        r.months as u64,
        r.mean.to_bits(),
        r.p5.to_bits(),
        r.p50.to_bits(),
        r.p95.to_bits(),
        r.p_over_budget.map(f64::to_bits).unwrap_or(u64::MAX),
        r.per_agent_months as u64,
    ];
    for (lo, hi, c) in &r.histogram {
        v.extend([lo.to_bits(), hi.to_bits(), *c as u64]);
    }
    for (row, a, b, c) in &r.per_agent {
        v.extend([*row as u64, a.to_bits(), b.to_bits(), c.to_bits()]);
    }
    v
}

fn spec(agents: usize, months: usize, seed: u64, correlation: Correlation) -> ForecastSpec {
    let table = import_text(&big_tsv(agents)).table;
    let plan = bench_plan();
    let model = bench_payout();
    let vars = variabilities(&[], &table, &plan, &model, 0.15);
    ForecastSpec {
        table,
        plan,
        model,
        vars,
        months,
        seed,
        correlation,
    }
}

/// Runs `parts` workers' shares of `spec` with the given chunk sizes (cycled),
/// collecting every partial, and merges them in reverse order.
fn partitioned(spec: &ForecastSpec, parts: usize, chunks: &[usize]) -> ForecastResult {
    let mut pieces = Vec::new();
    for (k, (s, e)) in split(spec.months, parts).into_iter().enumerate() {
        let mut w = Forecast::part(spec.clone(), s, e);
        let mut i = k;
        loop {
            let finished = w.run(chunks[i % chunks.len()]);
            i += 1;
            pieces.push(w.take_partial());
            if finished {
                break;
            }
        }
    }
    let mut whole = Forecast::from_spec(spec.clone());
    pieces.reverse();
    for p in &pieces {
        assert!(whole.absorb(p), "partial {} fits", p.start);
    }
    assert!(whole.done());
    whole.result()
}

#[test]
fn any_partition_and_chunking_gives_the_same_bits() {
    for correlation in [Correlation::Independent, Correlation::Uniform(0.4)] {
        let s = spec(40, 301, 2026, correlation);
        let mut one = Forecast::from_spec(s.clone());
        assert!(one.run(usize::MAX));
        let want = one.result();
        assert_eq!(want.months, 301);
        assert!(want.p5 < want.p95, "{want:?}");
        for (parts, chunks) in [
            (1, &[301][..]),
            (2, &[7, 1, 13][..]),
            (3, &[1][..]),
            (8, &[5, 2][..]),
            (8, &[1_000][..]),
        ] {
            let got = partitioned(&s, parts, chunks);
            assert_eq!(
                bits(&got),
                bits(&want),
                "{parts} workers, chunks {chunks:?}"
            );
        }
    }
}

/// Months past the per-agent bound (`AGENT_MONTHS_KEPT` / agents: 100 months
/// for 20,000 agents) keep totals only: a partial that starts past it, and
/// one that straddles it, merge to the same bits as one worker.
#[test]
fn partials_past_the_per_agent_bound_merge_the_same() {
    let s = spec(20_000, 130, 11, Correlation::Independent);
    let mut one = Forecast::from_spec(s.clone());
    assert!(one.run(usize::MAX));
    let want = one.result();
    assert_eq!((want.months, want.per_agent_months), (130, 100));
    // 5 parts of 26 months: 78..104 straddles the bound, 104..130 keeps none.
    assert_eq!(bits(&partitioned(&s, 5, &[7])), bits(&want));
}

#[test]
fn a_worker_rebuilds_the_same_forecast_from_the_json_spec() {
    let s = spec(30, 120, 7, Correlation::Uniform(0.3));
    let json = serde_json::to_string(&s).unwrap();
    let back: ForecastSpec = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    let mut a = Forecast::from_spec(s);
    a.run(usize::MAX);
    let mut b = Forecast::part(back, 0, 120);
    b.run(usize::MAX);
    let mut whole = Forecast::from_spec(a.spec().clone());
    assert!(whole.absorb(&b.take_partial()));
    assert_eq!(bits(&whole.result()), bits(&a.result()));
}

#[test]
fn a_partial_that_does_not_fit_changes_nothing() {
    let s = spec(10, 20, 1, Correlation::Independent);
    let mut whole = Forecast::from_spec(s.clone());
    let mut w = Forecast::part(s, 15, 20);
    w.run(usize::MAX);
    let mut p = w.take_partial();
    assert_eq!((p.start, p.totals.len(), p.pays.len()), (15, 5, 50));
    p.start = 18; // would run past month 20
    assert!(!whole.absorb(&p));
    p.start = 15;
    p.pays.pop(); // an agent's pay missing
    assert!(!whole.absorb(&p));
    assert_eq!(whole.progress(), (0, 20));
    // A second take hands out nothing new.
    assert_eq!(w.take_partial().totals.len(), 0);
}

/// The page's scheduling: ranges of [`guided`] handed out in order to
/// whichever worker is free, each worker keeping one forecast and moving it
/// to its next range (`move_to`, no new spec), here dealt round-robin or
/// all to one worker, and one worker moved backwards too; merged in any
/// order, every bit equals one worker's run.
#[test]
fn guided_ranges_on_reused_workers_give_the_same_bits() {
    let s = spec(25, 400, 99, Correlation::Uniform(0.25));
    let mut one = Forecast::from_spec(s.clone());
    assert!(one.run(usize::MAX));
    let want = bits(&one.result());
    let ranges = guided(400, 3, 10);
    assert!(ranges.len() > 3, "{ranges:?}");
    for workers in [1, 2, 3] {
        let mut held: Vec<Option<Forecast>> = (0..workers).map(|_| None).collect();
        let mut pieces = Vec::new();
        for (k, (a, b)) in ranges.iter().enumerate() {
            let w = &mut held[k % workers];
            match w {
                Some(f) => f.move_to(*a, *b),
                None => *w = Some(Forecast::part(s.clone(), *a, *b)),
            }
            let f = w.as_mut().unwrap();
            assert!(f.run(usize::MAX));
            pieces.push(f.take_partial());
        }
        let mut whole = Forecast::from_spec(s.clone());
        pieces.reverse();
        for p in &pieces {
            assert!(whole.absorb(p));
        }
        assert!(whole.done());
        assert_eq!(bits(&whole.result()), want, "{workers} workers");
    }
    // A worker sent back to earlier months starts their streams anew.
    let mut f = Forecast::part(s.clone(), 300, 400);
    assert!(f.run(usize::MAX));
    let late = f.take_partial();
    f.move_to(0, 300);
    assert!(f.run(usize::MAX));
    let early = f.take_partial();
    let mut whole = Forecast::from_spec(s);
    assert!(whole.absorb(&late) && whole.absorb(&early));
    assert_eq!(bits(&whole.result()), want);
}

#[test]
fn guided_ranges_cover_every_month_once_and_shrink() {
    // Hand-worked: 100 months, 2 workers, at least 5: ⌈100/4⌉ = 25, then
    // ⌈75/4⌉ = 19, ⌈56/4⌉ = 14, ⌈42/4⌉ = 11, ⌈31/4⌉ = 8, ⌈23/4⌉ = 6, then
    // 5 (⌈17/4⌉ = 5), 5 (⌈12/4⌉ = 3 → 5), 5, and the last 2.
    assert_eq!(
        guided(100, 2, 5),
        vec![
            (0, 25),
            (25, 44),
            (44, 58),
            (58, 69),
            (69, 77),
            (77, 83),
            (83, 88),
            (88, 93),
            (93, 98),
            (98, 100)
        ]
    );
    assert_eq!(guided(100, 1, 5), vec![(0, 100)]);
    assert_eq!(guided(0, 4, 5), vec![(0, 0)]);
    assert_eq!(guided(3, 8, 0), vec![(0, 1), (1, 2), (2, 3)]);
    for (total, workers, least) in [(10_000, 2, 100), (10_000, 8, 100), (77, 3, 1)] {
        let g = guided(total, workers, least);
        assert_eq!(g.first().map(|r| r.0), Some(0));
        assert_eq!(g.last().map(|r| r.1), Some(total));
        for w in g.windows(2) {
            assert_eq!(w[0].1, w[1].0, "contiguous");
            assert!(w[0].1 - w[0].0 >= w[1].1 - w[1].0, "shrinking: {g:?}");
        }
    }
}

#[test]
fn split_covers_every_month_once() {
    assert_eq!(split(10, 3), vec![(0, 4), (4, 7), (7, 10)]);
    assert_eq!(split(2, 8), vec![(0, 1), (1, 2)]);
    assert_eq!(split(0, 4), vec![(0, 0)]);
    assert_eq!(split(5, 0), vec![(0, 5)]);
}

#[test]
fn cliff_scan_in_parts_finds_what_one_scan_finds() {
    let table = import_text(&big_tsv(24)).table;
    let (plan, model) = (bench_plan(), bench_payout());
    let mut one = CliffScan::new(&table, &plan, &model, 0.02);
    assert!(one.run(usize::MAX));
    assert!(!one.found.is_empty(), "the fixture has cliffs");
    for parts in [2, 3, 8] {
        let mut whole = CliffScan::new(&table, &plan, &model, 0.02);
        let mut pieces = Vec::new();
        for (s, e) in split(24, parts) {
            let mut w = CliffScan::part(whole.spec().clone(), s, e);
            while !w.run(2) {
                pieces.push(w.take_part());
            }
            pieces.push(w.take_part());
        }
        pieces.reverse();
        for p in pieces {
            let json = serde_json::to_string(&p).unwrap();
            whole.absorb(serde_json::from_str(&json).unwrap());
        }
        assert_eq!(whole.progress(), (24, 24));
        assert_eq!(whole.found, one.found, "{parts} parts");
        assert_eq!(whole.worst(30), one.worst(30));
    }
}

#[test]
fn correlated_draws_reproduce_the_correlation() {
    // Two drawn columns with ρ = 0.6 through the Cholesky factor; the sample
    // correlation of 200,000 pairs has standard error (1 − ρ²)/√n ≈ 0.0014.
    let table = import_text("客服昵称\ta\tb\n甲\t1\t2\n").table;
    let mut joint = Joint::new(&table, &[Some(1), Some(2)], &Correlation::Uniform(0.6));
    assert_eq!(joint.rho, vec![1.0, 0.6, 0.6, 1.0]);
    let n = 200_000;
    let z = Ziggurat::new();
    let mut r = Rng::new(5);
    let mut draws = vec![vec![0.0; n], vec![0.0; n]];
    for d in draws.iter_mut() {
        for x in d.iter_mut() {
            *x = z.normal(&mut r);
        }
    }
    joint.mix(&[true, true], &mut draws);
    let (x, y) = (&draws[0], &draws[1]);
    let nf = n as f64;
    let (mx, my) = (x.iter().sum::<f64>() / nf, y.iter().sum::<f64>() / nf);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    let rho = sxy / (sxx * syy).sqrt();
    assert!((rho - 0.6).abs() < 0.006, "{rho}");
    assert!(
        (syy / nf - 1.0).abs() < 0.013,
        "the mixed draw keeps unit variance"
    );
}

#[test]
fn correlation_from_three_months_of_history() {
    let month = |v: [&str; 4]| {
        import_text(&format!(
            "客服昵称\t询单转化率\t客服销售额\n甲\t{}\t{}\n乙\t{}\t{}\n",
            v[0], v[1], v[2], v[3]
        ))
        .table
    };
    // 甲: conversion 40/44/36 % → deviations 0, +0.1, −0.1; sales 1000/1200/800 → 0, +0.2, −0.2.
    // 乙: 50/55/45 % → 0, +0.1, −0.1; sales 1000/900/1100 → 0, −0.1, +0.1.
    // Σdx·dy = 0.04 − 0.02 = 0.02; Σdx² = 0.04; Σdy² = 0.10 → ρ = 0.02/√0.004 = 1/√10.
    let a = month(["40%", "1000", "50%", "1000"]);
    let b = month(["44%", "1200", "55%", "900"]);
    let c = month(["36%", "800", "45%", "1100"]);
    let cols = vec!["询单转化率".to_string(), "客服销售额".to_string()];
    let (corr, m) = history_correlation(&[&a, &b, &c], &cols).unwrap();
    assert_eq!(m, 3);
    let Correlation::Matrix { names, rho } = &corr else {
        panic!("{corr:?}")
    };
    assert_eq!(names, &cols);
    assert!((rho[1] - 1.0 / 10f64.sqrt()).abs() < 1e-12, "{rho:?}");
    assert_eq!(rho[1], rho[2]);
    assert_eq!(
        history_correlation(&[&a, &b], &cols),
        None,
        "two months are not enough"
    );
    // The matrix reaches the draws by column.
    let joint = Joint::new(&c, &[Some(2), Some(1)], &corr);
    assert_eq!(
        joint.names,
        vec!["客服销售额".to_string(), "询单转化率".to_string()]
    );
    assert!((joint.rho[1] - 1.0 / 10f64.sqrt()).abs() < 1e-12);
}

#[test]
fn an_impossible_correlation_is_shrunk_until_it_is_one() {
    // −0.9 between each of three metrics is not a correlation matrix
    // (its smallest eigenvalue is 1 − 2·0.9 < 0 for the all-ones direction: 1 + 2ρ < 0).
    assert!(cholesky(&[1.0, -0.9, -0.9, -0.9, 1.0, -0.9, -0.9, -0.9, 1.0], 3).is_none());
    let table = import_text("客服昵称\ta\tb\tc\n甲\t1\t2\t3\n").table;
    let joint = Joint::new(
        &table,
        &[Some(1), Some(2), Some(3)],
        &Correlation::Uniform(-0.9),
    );
    // 1 + 2ρ > 0 needs ρ > −0.5: shrunk by 10 % steps to −0.9 × 0.5 = −0.45.
    assert!((joint.rho[1] + 0.45).abs() < 1e-9, "{:?}", joint.rho);
    assert!(!joint.independent());
}

#[test]
fn zero_cv_with_a_correlation_still_gives_the_deterministic_payout() {
    let table = import_text(&big_tsv(25)).table;
    let (plan, model) = (bench_plan(), bench_payout());
    let det = compute(&table, &plan, &score(&table, &plan), &model);
    let vars = variabilities(&[], &table, &plan, &model, 0.0);
    let mut f = Forecast::from_spec(ForecastSpec {
        table,
        plan,
        model,
        vars,
        months: 20,
        seed: 3,
        correlation: Correlation::Uniform(0.7),
    });
    assert!(f.run(usize::MAX));
    let r = f.result();
    assert_eq!(
        (r.p5, r.p50, r.p95),
        (det.stats.total, det.stats.total, det.stats.total)
    );
    assert!(f.correlations().independent(), "nothing is drawn");
}

#[test]
fn percentiles_by_selection_equal_percentiles_of_the_sorted_data() {
    use kpi_sandbox::model::payout::percentile_inc;
    // The integer keys order as total_cmp does and give the numbers back.
    let special = [
        f64::NEG_INFINITY,
        -1.5,
        -0.0,
        0.0,
        1e-300,
        7.25,
        f64::INFINITY,
        f64::NAN,
    ];
    for w in special.windows(2) {
        if let [a, b] = w {
            assert!(order_key(*a) < order_key(*b), "{a} before {b}");
        }
    }
    for x in special {
        assert_eq!(from_order_key(order_key(x)).to_bits(), x.to_bits());
    }
    let mut r = Rng::new(9);
    for n in [1usize, 2, 3, 10, 101, 4_000] {
        // Repeated values and both zeros, so ties and signs are exercised.
        let v: Vec<f64> = (0..n)
            .map(|i| match i % 7 {
                0 => 0.0,
                1 => -0.0,
                2 => 120.0,
                _ => (r.uniform() * 1_000.0).round(),
            })
            .collect();
        let mut sorted = v.clone();
        sorted.sort_by(|a, b| a.total_cmp(b));
        // Three at once, from integer keys (the per-agent ranges' path).
        for ps in [
            [0.05, 0.5, 0.95],
            [0.0, 0.0, 1.0],
            [0.5, 0.5, 0.5],
            [0.0, 0.3, 0.31],
        ] {
            let mut keys: Vec<i64> = v.iter().map(|x| order_key(*x)).collect();
            let got = percentiles_of_keys(&mut keys, ps);
            for (g, p) in got.iter().zip(ps) {
                assert_eq!(
                    g.to_bits(),
                    percentile_inc(&sorted, p).to_bits(),
                    "three at once: n {n} p {p}"
                );
            }
        }
        for p in [0.0, 0.05, 0.5, 0.95, 1.0] {
            let mut w = v.clone();
            let got = percentile_select(&mut w, p);
            assert_eq!(
                got.to_bits(),
                percentile_inc(&sorted, p).to_bits(),
                "n {n} p {p}"
            );
        }
    }
}
