//! Property tests of payouts: for any team and any valid model, pays are
//! non-negative multiples of the rounding unit (rounding applied once, at
//! the end), the total is the sum of the rows, a pool pays out its amount
//! (to within the rounding) unless floors or caps prevent it, and a
//! forecast with no variability reproduces the deterministic payout.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::io::import::import_text;
use kpi_sandbox::model::forecast::{variabilities, Forecast};
use kpi_sandbox::model::payout::*;
use kpi_sandbox::model::plan::{score, template, Template};
use proptest::prelude::*;

fn team() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (0.0f64..0.7, 0.0f64..200_000.0, 0u32..27, 50.0f64..100.0, 5.0f64..80.0),
        1..25,
    )
    .prop_map(|rows| {
        let mut s = String::from("客服昵称\t询单转化率\t客服销售额\t出勤天数\t质检得分\t首次响应时间\t回复率\t客户满意度\n");
        for (i, (c, sales, days, qa, resp)) in rows.iter().enumerate() {
            s.push_str(&format!(
                "客服{i}\t{:.4}\t{sales:.2}\t{days}\t{qa:.1}\t{resp:.1}\t0.95\t0.93\n",
                c
            ));
        }
        s
    })
}

fn model() -> impl Strategy<Value = PayoutModel> {
    let target = (0.0f64..5_000.0, 0.0f64..100.0, 0.0f64..0.05, 0.5f64..2.0).prop_map(
        |(base, threshold, slope, cap)| Component::Target {
            base,
            coef: Coefficient::Curve {
                threshold,
                start: 0.5,
                slope,
                cap,
            },
        },
    );
    let pool = (
        0.0f64..100_000.0,
        0.0f64..2_000.0,
        prop::option::of(2_000.0f64..20_000.0),
    )
        .prop_map(|(amount, floor, cap)| Component::Pool {
            amount,
            base_column: None,
            floor,
            cap,
        });
    let commission = (
        0.0f64..0.1,
        0.0f64..0.1,
        1_000.0f64..100_000.0,
        any::<bool>(),
        0.0f64..3.0,
    )
        .prop_map(|(r1, r2, from, retro, multiplier)| Component::Commission {
            column: "客服销售额".into(),
            tiers: vec![
                Tier {
                    from: 0.0,
                    rate: r1,
                },
                Tier { from, rate: r2 },
            ],
            mode: if retro {
                TierMode::Retroactive
            } else {
                TierMode::Marginal
            },
            multiplier,
        });
    (
        prop::collection::vec(prop_oneof![target, pool, commission], 1..4),
        prop::option::of((10.0f64..26.0, 0.0f64..=1.0)),
        any::<bool>(),
        prop::sample::select(ROUNDING_UNITS.to_vec()),
    )
        .prop_map(|(components, gate, prorate, rounding)| PayoutModel {
            id: Default::default(),
            name: "p".into(),
            components,
            gates: gate
                .map(|(threshold, cut)| PayGate {
                    column: "出勤天数".into(),
                    threshold,
                    fail_below: true,
                    cut,
                })
                .into_iter()
                .collect(),
            prorate: prorate.then(|| Prorate {
                column: "出勤天数".into(),
                full_days: 22.0,
            }),
            rounding,
            budget: Some(50_000.0),
            lines: Default::default(),
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn payouts_keep_their_invariants(tsv in team(), m in model()) {
        let t = import_text(&tsv).table;
        let plan = template(Template::PreSales, "p", "2026-11");
        let plan = kpi_sandbox::model::plan::Plan { group: None, ..plan };
        prop_assert!(m.validate().is_empty(), "{:?}", m.validate());
        let sc = score(&t, &plan);
        let p = compute(&t, &plan, &sc, &m);
        let unit = m.rounding;
        let mut sum = 0.0;
        for a in &p.agents {
            prop_assert!(a.pay >= 0.0 && a.pay.is_finite(), "{a:?}");
            let q = a.pay / unit;
            prop_assert!((q - q.round()).abs() < 1e-6, "{} is not a multiple of {unit}", a.pay);
            // Rounded once: within half a unit of the unrounded amount.
            prop_assert!((a.pay - a.gross.max(0.0)).abs() <= unit / 2.0 + 1e-6, "{a:?}");
            sum += a.pay;
        }
        // The total is the exact sum of the rows, in whole fen.
        let fen: i64 = p.agents.iter().map(|a| (a.pay * 100.0).round() as i64).sum();
        prop_assert_eq!(p.stats.total, fen as f64 / 100.0);
        prop_assert!((p.stats.total - sum).abs() < 1e-6 * sum.max(1.0));
        // A pool pays out its amount when floors and caps allow.
        for (ci, c) in m.components.iter().enumerate() {
            if let Component::Pool { amount, floor, cap, .. } = c {
                let eligible = p.agents.iter().filter(|a| a.parts[ci] > 0.0).count() as f64;
                let paid: f64 = p.agents.iter().map(|a| a.parts[ci]).sum();
                if eligible > 0.0 && floor * eligible < *amount && cap.is_none_or(|c| c * eligible > *amount) {
                    prop_assert!((paid - amount).abs() < 1e-6 * amount.max(1.0), "pool {amount} paid {paid}");
                }
                prop_assert!(paid <= amount + 1e-6 * amount.max(1.0));
            }
        }
        // No variability: every simulated month is the deterministic total.
        let vars = variabilities(&[], &t, &plan, &m, 0.0);
        let mut f = Forecast::new(&t, &plan, &m, &vars, 3, 9);
        f.run(10);
        let r = f.result();
        prop_assert_eq!((r.p5, r.p95), (p.stats.total, p.stats.total));
    }
}
