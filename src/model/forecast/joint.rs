//! Metrics drawn jointly: the correlation between the drawn columns, from
//! the team's monthly history or the user's value, applied to independent
//! normals through its Cholesky factor (`z = L·e`).
//!
//! **History.** With at least 3 monthly tables holding both columns, the
//! correlation of a pair is the pooled within-agent correlation of their
//! relative deviations: per agent present with both numbers in ≥ 3 months,
//! `x/x̄ − 1` and `y/ȳ − 1`; then `Σ dx·dy / √(Σ dx² · Σ dy²)` over all
//! agents and months. It measures how an agent's months move together,
//! not how agents differ from each other.
//!
//! **Always valid.** A matrix that is not positive definite (a user's −0.9
//! for five metrics) is shrunk toward independence in steps of 10 % until
//! its factor exists; [`Joint::rho`] is what was used.

use super::parts::Correlation;
use crate::model::formula::calc::resolve;
use crate::model::table::Table;
use crate::model::Cell;

/// The correlation the draws use, over the drawn columns in draw order.
#[derive(Clone, Debug, PartialEq)]
pub struct Joint {
    /// The drawn columns' names (table headers), in draw order.
    pub names: Vec<String>,
    /// The correlation used, row-major `names.len()`².
    pub rho: Vec<f64>,
    /// Lower-triangular Cholesky factor of `rho`, row-major; empty when
    /// the draws are independent.
    l: Vec<f64>,
    buf: Vec<f64>,
}

/// The Cholesky factor of a `d × d` correlation matrix, if it is positive definite.
pub fn cholesky(rho: &[f64], d: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; d * d];
    for i in 0..d {
        for j in 0..=i {
            let mut s = rho.get(i * d + j).copied()?;
            for k in 0..j {
                s -= l.get(i * d + k).copied()? * l.get(j * d + k).copied()?;
            }
            if i == j {
                if s <= 1e-12 {
                    return None;
                }
                *l.get_mut(i * d + i)? = s.sqrt();
            } else {
                let ljj = l.get(j * d + j).copied()?;
                *l.get_mut(i * d + j)? = s / ljj;
            }
        }
    }
    Some(l)
}

impl Joint {
    /// The correlation of `cols` (drawn columns of `table`, in draw order) as `c` asks.
    pub fn new(table: &Table, cols: &[Option<usize>], c: &Correlation) -> Joint {
        let d = cols.len();
        let names: Vec<String> = cols
            .iter()
            .map(|c| {
                c.and_then(|c| table.columns.get(c))
                    .map(|c| c.name.clone())
                    .unwrap_or_default()
            })
            .collect();
        let mut rho = vec![0.0; d * d];
        for i in 0..d {
            for j in 0..d {
                let r = if i == j {
                    1.0
                } else {
                    match c {
                        Correlation::Independent => 0.0,
                        Correlation::Uniform(r) => *r,
                        Correlation::Matrix { names: ns, rho: m } => {
                            // By column, so an alias names the same metric.
                            let at = |col: Option<usize>| {
                                ns.iter()
                                    .position(|n| col.is_some() && resolve(table, n) == col)
                            };
                            let (ci, cj) = (
                                cols.get(i).copied().flatten(),
                                cols.get(j).copied().flatten(),
                            );
                            match (at(ci), at(cj)) {
                                (Some(a), Some(b)) => {
                                    m.get(a * ns.len() + b).copied().unwrap_or(0.0)
                                }
                                _ => 0.0,
                            }
                        }
                    }
                };
                let r = if r.is_finite() {
                    r.clamp(-1.0, 1.0)
                } else {
                    0.0
                };
                if let Some(x) = rho.get_mut(i * d + j) {
                    *x = r;
                }
            }
        }
        let independent = rho.iter().enumerate().all(|(k, r)| {
            if k / d.max(1) == k % d.max(1) {
                true
            } else {
                *r == 0.0
            }
        });
        if independent {
            return Joint {
                names,
                rho,
                l: Vec::new(),
                buf: Vec::new(),
            };
        }
        // Shrink toward the identity until the factor exists.
        let mut keep = 1.0;
        loop {
            let used: Vec<f64> = rho
                .iter()
                .enumerate()
                .map(|(k, r)| if k / d == k % d { 1.0 } else { r * keep })
                .collect();
            if let Some(l) = cholesky(&used, d) {
                return Joint {
                    names,
                    rho: used,
                    l,
                    buf: vec![0.0; d],
                };
            }
            keep -= 0.1;
            if keep <= 0.05 {
                return Joint {
                    names,
                    rho: (0..d * d)
                        .map(|k| if k / d == k % d { 1.0 } else { 0.0 })
                        .collect(),
                    l: Vec::new(),
                    buf: Vec::new(),
                };
            }
        }
    }

    /// Whether the draws are independent.
    pub fn independent(&self) -> bool {
        self.l.is_empty()
    }

    /// The pairs with a non-zero correlation: (name, name, ρ).
    pub fn pairs(&self) -> Vec<(String, String, f64)> {
        let d = self.names.len();
        let mut out = Vec::new();
        for i in 0..d {
            for j in 0..i {
                let r = self.rho.get(i * d + j).copied().unwrap_or(0.0);
                if r != 0.0 {
                    out.push((
                        self.names.get(j).cloned().unwrap_or_default(),
                        self.names.get(i).cloned().unwrap_or_default(),
                        r,
                    ));
                }
            }
        }
        out
    }

    /// Mixes the independent normals of the drawn groups (`drawn[g]`) in
    /// `draws` into correlated ones, agent by agent.
    pub fn mix(&mut self, drawn: &[bool], draws: &mut [Vec<f64>]) {
        if self.l.is_empty() {
            return;
        }
        let d = self.buf.len();
        let n = draws.first().map(Vec::len).unwrap_or(0);
        for a in 0..n {
            let mut k = 0;
            for (g, z) in draws.iter().enumerate() {
                if drawn.get(g).copied().unwrap_or(false) {
                    if let Some(b) = self.buf.get_mut(k) {
                        *b = z.get(a).copied().unwrap_or(0.0);
                    }
                    k += 1;
                }
            }
            let mut i = 0;
            for (g, z) in draws.iter_mut().enumerate() {
                if !drawn.get(g).copied().unwrap_or(false) {
                    continue;
                }
                let row = self.l.get(i * d..i * d + i + 1).unwrap_or_default();
                let v: f64 = row.iter().zip(&self.buf).map(|(l, e)| l * e).sum();
                if let Some(x) = z.get_mut(a) {
                    *x = v;
                }
                i += 1;
            }
        }
    }
}

/// The correlations of `columns` seen in `months` (each a table), when at
/// least 3 of them hold both columns of a pair; the matrix by name and the
/// number of months used (the fewest over pairs), or `None` when no pair
/// has the history.
pub fn history_correlation(months: &[&Table], columns: &[String]) -> Option<(Correlation, usize)> {
    let d = columns.len();
    let mut rho = vec![0.0; d * d];
    let mut any = false;
    let mut fewest = usize::MAX;
    for i in 0..d {
        if let Some(x) = rho.get_mut(i * d + i) {
            *x = 1.0;
        }
        for j in 0..i {
            let (Some(a), Some(b)) = (columns.get(i), columns.get(j)) else {
                continue;
            };
            if let Some((r, m)) = pair_correlation(months, a, b) {
                any = true;
                fewest = fewest.min(m);
                for k in [i * d + j, j * d + i] {
                    if let Some(x) = rho.get_mut(k) {
                        *x = r;
                    }
                }
            }
        }
    }
    any.then(|| {
        (
            Correlation::Matrix {
                names: columns.to_vec(),
                rho,
            },
            fewest,
        )
    })
}

fn pair_correlation(months: &[&Table], a: &str, b: &str) -> Option<(f64, usize)> {
    let holding: Vec<(&Table, usize, usize)> = months
        .iter()
        .filter_map(|t| Some((*t, resolve(t, a)?, resolve(t, b)?)))
        .collect();
    if holding.len() < 3 {
        return None;
    }
    // Per agent (by name, in first-seen order), the months with both numbers.
    let mut agents: Vec<(String, Vec<(f64, f64)>)> = Vec::new();
    for (t, ca, cb) in &holding {
        for r in 0..t.len() {
            let x = t.cell(r, *ca).and_then(Cell::number);
            let y = t.cell(r, *cb).and_then(Cell::number);
            let (Some(x), Some(y)) = (x, y) else { continue };
            let name = t.agent_name(r);
            if name.is_empty() {
                continue;
            }
            match agents.iter_mut().find(|(n, _)| *n == name) {
                Some((_, v)) => v.push((x, y)),
                None => agents.push((name, vec![(x, y)])),
            }
        }
    }
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (_, v) in agents.iter().filter(|(_, v)| v.len() >= 3) {
        let n = v.len() as f64;
        let mx = v.iter().map(|p| p.0).sum::<f64>() / n;
        let my = v.iter().map(|p| p.1).sum::<f64>() / n;
        if mx == 0.0 || my == 0.0 {
            continue;
        }
        for (x, y) in v {
            let (dx, dy) = (x / mx - 1.0, y / my - 1.0);
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
    }
    if sxx == 0.0 || syy == 0.0 {
        return None;
    }
    Some(((sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0), holding.len()))
}

/// The correlation a forecast of `vars` uses: the history's where at least
/// 3 monthly tables hold a pair of drawn metrics (with the months used),
/// else `user` for every pair (0 means independent).
pub fn choose(
    months: &[&Table],
    vars: &[super::Variability],
    user: f64,
) -> (Correlation, Option<usize>) {
    let drawn: Vec<String> = vars
        .iter()
        .filter(|v| v.source != super::CvSource::Held && v.cv > 0.0)
        .map(|v| v.column.clone())
        .collect();
    if let Some((c, m)) = history_correlation(months, &drawn) {
        return (c, Some(m));
    }
    if user != 0.0 && user.is_finite() {
        (Correlation::Uniform(user.clamp(-1.0, 1.0)), None)
    } else {
        (Correlation::Independent, None)
    }
}
