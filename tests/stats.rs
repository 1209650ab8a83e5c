//! The shared statistics (model::stats). Expected values by hand: the
//! classic 2,4,4,4,5,5,7,9 set has mean 5, squared deviations summing to
//! 32, so population sd √(32/8) = 2 and sample sd √(32/7); PERCENTILE.INC
//! of 1..4 at 0.25 is 1 + 0.75 × (2 − 1) = 1.75 (Excel gives the same).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use kpi_sandbox::model::stats::{mean, percentile_inc, sd};

fn check(got: Option<f64>, want: Option<f64>) {
    match (got, want) {
        (Some(g), Some(w)) => assert!((g - w).abs() < 1e-12, "got {g}, want {w}"),
        (g, w) => assert_eq!(g, w),
    }
}

#[test]
fn mean_and_standard_deviation() {
    let x = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
    check(mean(&x), Some(5.0));
    check(sd(&x, false), Some(2.0));
    check(sd(&x, true), Some((32.0f64 / 7.0).sqrt()));
    check(mean(&[]), None);
    check(sd(&[], false), None);
    // One value: a population sd of 0, no sample sd.
    check(sd(&[3.0], false), Some(0.0));
    check(sd(&[3.0], true), None);
}

#[test]
fn percentile_inc_like_excel() {
    let s = [1.0, 2.0, 3.0, 4.0];
    for (p, want) in [
        (0.0, 1.0),
        (0.25, 1.75),
        (0.5, 2.5),
        (0.9, 3.7),
        (1.0, 4.0),
        // Out of range is clamped.
        (-1.0, 1.0),
        (2.0, 4.0),
    ] {
        check(Some(percentile_inc(&s, p)), Some(want));
    }
    assert_eq!(percentile_inc(&[], 0.5), 0.0);
    assert_eq!(percentile_inc(&[7.0], 0.3), 7.0);
}
