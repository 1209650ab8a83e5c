//! Sorting through a few non-generic helpers (#16 size).
//!
//! Every `slice::sort_by` with its own closure is a fresh copy of the
//! standard library's stable sort (driftsort, ≈ 5 KB of wasm each); forty of
//! them were ≈ 224 KB of the page. Here one sort of indices, with the
//! comparison behind `&dyn Fn`, serves every call site: [`sort_by`] sorts the
//! indices, then moves the items into place by swaps. Ties are broken by the
//! original index, so the result is exactly what a stable sort gives.
//!
//! Floats by [`f64::total_cmp`] go through [`sort_f64`]: values equal under
//! `total_cmp` have the same bits, so an unstable sort cannot be told apart.
//!
//! The indirection costs speed (the grid's 10,000-row column sort measured
//! 1.17 ms this way against 0.43 ms inlined), so `Table::sorted_order`, a
//! benchmarked hot path, keeps its own copy of the standard sort.

use std::cmp::Ordering;

/// The stable order of `n` items by `cmp` on their indices: `order[i]` is the
/// index of the item that goes to place `i`; ties keep index order.
pub fn stable_order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    idx
}

/// The swaps that put item `order[i]` at place `i` for every `i`, applied in
/// the order given (each permutation cycle is walked once).
fn swaps_for(order: &[usize]) -> Vec<(usize, usize)> {
    let mut order = order.to_vec();
    let mut swaps = Vec::new();
    for i in 0..order.len() {
        let mut cur = i;
        while let Some(&next) = order.get(cur) {
            if let Some(slot) = order.get_mut(cur) {
                *slot = cur;
            }
            if next == i || next == cur {
                break;
            }
            swaps.push((cur, next));
            cur = next;
        }
    }
    swaps
}

/// Sorts `v` by `cmp` exactly as `slice::sort_by` does (stable), with one
/// shared copy of the sorting code.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = v;
        stable_order(items.len(), &|a, b| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        })
    };
    for (a, b) in swaps_for(&order) {
        v.swap(a, b);
    }
}

/// Sorts `v` by the key `key` (stable), as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its natural order (stable), as `slice::sort` does.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts floats by [`f64::total_cmp`], ascending or descending.
pub fn sort_f64(v: &mut [f64], descending: bool) {
    v.sort_unstable_by(f64::total_cmp);
    if descending {
        v.reverse();
    }
}
