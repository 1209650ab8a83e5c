//! The shared sorting helpers (model::order, #16 size): one copy of the sort
//! for every call site, with exactly the stable sort's results. Expected
//! orders are worked out by hand in the tables; the random cases compare
//! with the standard library's own stable `sort_by`, a sort we did not write.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::unnecessary_sort_by
)]

use kpi_sandbox::model::order::{sort, sort_by, sort_by_key, sort_f64, stable_order};

/// Sorts (key, tag) pairs by key only and compares with `want`; equal keys
/// must keep their input order (the tags show it).
fn check(input: &[(i32, char)], want: &[(i32, char)]) {
    let mut v = input.to_vec();
    sort_by(&mut v, |a, b| a.0.cmp(&b.0));
    assert_eq!(v, want, "input {input:?}");
}

#[test]
fn stable_by_key_table() {
    check(&[], &[]);
    check(&[(1, 'a')], &[(1, 'a')]);
    check(&[(2, 'a'), (1, 'b')], &[(1, 'b'), (2, 'a')]);
    // Ties keep input order: a before c, b before d.
    check(
        &[(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')],
        &[(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')],
    );
    // A 3-cycle (c a b) and a fixed point.
    check(
        &[(3, 'a'), (1, 'b'), (2, 'c'), (4, 'd')],
        &[(1, 'b'), (2, 'c'), (3, 'a'), (4, 'd')],
    );
    // Reversed input, all ties.
    check(
        &[(5, 'a'), (4, 'b'), (3, 'c'), (2, 'd'), (1, 'e')],
        &[(1, 'e'), (2, 'd'), (3, 'c'), (4, 'b'), (5, 'a')],
    );
    check(
        &[(7, 'a'), (7, 'b'), (7, 'c')],
        &[(7, 'a'), (7, 'b'), (7, 'c')],
    );
}

#[test]
fn order_of_indices() {
    // Keys 30, 10, 20, 10: the two 10s (indices 1 and 3) keep index order.
    let keys = [30, 10, 20, 10];
    assert_eq!(
        stable_order(4, &|a, b| keys[a].cmp(&keys[b])),
        vec![1, 3, 2, 0]
    );
    assert_eq!(
        stable_order(0, &|_, _| std::cmp::Ordering::Equal),
        Vec::<usize>::new()
    );
    // Descending with ties: 30, 20, then the 10s in index order.
    assert_eq!(
        stable_order(4, &|a, b| keys[b].cmp(&keys[a])),
        vec![0, 2, 1, 3]
    );
}

#[test]
fn natural_key_and_float_orders() {
    let mut s = vec![
        "b".to_string(),
        "a".to_string(),
        "c".to_string(),
        "a".to_string(),
    ];
    sort(&mut s);
    assert_eq!(s, ["a", "a", "b", "c"]);
    let mut k = vec![(3, 'x'), (1, 'y'), (3, 'z'), (2, 'w')];
    sort_by_key(&mut k, |p| p.0);
    assert_eq!(k, [(1, 'y'), (2, 'w'), (3, 'x'), (3, 'z')]);
    let mut f = vec![2.5, -1.0, 0.0, -0.0, 10.0, 2.5];
    sort_f64(&mut f, false);
    // total_cmp puts −0 before +0.
    assert_eq!(
        f.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
        [-1.0f64, -0.0, 0.0, 2.5, 2.5, 10.0]
            .iter()
            .map(|x| x.to_bits())
            .collect::<Vec<_>>()
    );
    sort_f64(&mut f, true);
    assert_eq!(
        f.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
        [10.0f64, 2.5, 2.5, 0.0, -0.0, -1.0]
            .iter()
            .map(|x| x.to_bits())
            .collect::<Vec<_>>()
    );
}

#[test]
fn same_as_std_stable_sort_on_random_inputs() {
    // A small LCG: many lengths, few distinct keys, so ties are everywhere.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (seed >> 33) as u32
    };
    for len in 0..200usize {
        let v: Vec<(u32, usize)> = (0..len).map(|i| (next() % 7, i)).collect();
        let mut want = v.clone();
        want.sort_by(|a, b| b.0.cmp(&a.0));
        let mut got = v.clone();
        sort_by(&mut got, |a, b| b.0.cmp(&a.0));
        assert_eq!(got, want, "len {len}");
    }
}
