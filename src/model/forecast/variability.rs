//! What a forecast draws and how much it varies: the metrics the plan and
//! the payout model read, with a coefficient of variation from the team's
//! monthly history (≥ 3 months) or the user's default.

use super::*;
/// Where a metric's variability comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CvSource {
    /// Estimated from this many monthly tables.
    History(usize),
    /// The user's value (fewer than 3 months hold the metric).
    Default,
    /// Held at its current value (days worked, pool bases).
    Held,
    /// A formula column recomputed each month from its drawn inputs
    /// (listed after it), not drawn itself ([`super::recompute`]).
    Formula,
}

/// One simulated metric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Variability {
    pub column: String,
    pub cv: f64,
    pub source: CvSource,
}

/// The coefficient of variation of `column` across `months` (each a
/// table), when at least 3 hold it: per agent present (with a number) in
/// ≥ 3 months, sample standard deviation ÷ |mean|; the median over agents.
pub fn history_cv(months: &[&Table], column: &str) -> Option<(f64, usize)> {
    let holding: Vec<(&Table, usize)> = months
        .iter()
        .filter_map(|t| resolve(t, column).map(|c| (*t, c)))
        .collect();
    if holding.len() < 3 {
        return None;
    }
    // By name; the map's order does not matter (the CVs are sorted below).
    let mut per_agent: std::collections::HashMap<String, Vec<f64>> =
        std::collections::HashMap::new();
    for (t, c) in &holding {
        for r in 0..t.len() {
            let Some(v) = t.cell(r, *c).and_then(crate::model::Cell::number) else {
                continue;
            };
            let name = t.agent_name(r);
            if name.is_empty() {
                continue;
            }
            per_agent.entry(name).or_default().push(v);
        }
    }
    let mut cvs: Vec<f64> = per_agent
        .values()
        .filter(|v| v.len() >= 3)
        .filter_map(|v| {
            let n = v.len() as f64;
            let mean = v.iter().sum::<f64>() / n;
            if mean == 0.0 {
                return None;
            }
            let var = v.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1.0);
            Some(var.sqrt() / mean.abs())
        })
        .collect();
    if cvs.is_empty() {
        return None;
    }
    crate::model::order::sort_f64(&mut cvs, false);
    Some((percentile_inc(&cvs, 0.5), holding.len()))
}

/// The metrics a forecast draws, with their variability: the plan's items,
/// then the payout model's sales and gate columns (each column once), then
/// the inputs of the formula columns among them (those are marked
/// [`CvSource::Formula`]: recomputed, not drawn).
pub fn variabilities(
    months: &[&Table],
    table: &Table,
    plan: &Plan,
    model: &PayoutModel,
    default_cv: f64,
) -> Vec<Variability> {
    let mut names: Vec<(String, bool)> = plan
        .items
        .iter()
        .map(|i| (i.column.clone(), true))
        .collect();
    for c in &model.components {
        if let crate::model::payout::Component::Commission { column, .. } = c {
            names.push((column.clone(), true));
        }
    }
    names.extend(model.gates.iter().map(|g| (g.column.clone(), true)));
    names.extend(model.prorate.iter().map(|p| (p.column.clone(), false)));
    let mut seen: Vec<(Option<usize>, String)> = Vec::new();
    let mut out = Vec::new();
    for (name, drawn) in names {
        let c = resolve(table, &name);
        let key = name.trim().to_lowercase();
        if seen
            .iter()
            .any(|(sc, sn)| (c.is_some() && *sc == c) || *sn == key)
        {
            // A column both drawn and held (a gate on days worked) is drawn.
            continue;
        }
        seen.push((c, key));
        let (cv, source) = if !drawn {
            (0.0, CvSource::Held)
        } else {
            match history_cv(months, &name) {
                Some((cv, m)) => (cv, CvSource::History(m)),
                None => (default_cv, CvSource::Default),
            }
        };
        out.push(Variability {
            column: name,
            cv,
            source,
        });
    }
    // Formula columns are recomputed from their inputs, which are drawn
    // in their place (text inputs, e.g. a group for an IF, are held).
    let drawn: Vec<usize> = out
        .iter()
        .filter(|v| v.source != CvSource::Held)
        .filter_map(|v| resolve(table, &v.column))
        .collect();
    let (asked, _, inputs) = super::recompute::plan_recompute(table, &drawn);
    for v in out.iter_mut() {
        if resolve(table, &v.column).is_some_and(|c| asked.contains(&c)) {
            v.cv = 0.0;
            v.source = CvSource::Formula;
        }
    }
    for c in inputs {
        let Some(col) = table.columns.get(c) else {
            continue;
        };
        if col.unit == Unit::Text || seen.iter().any(|(sc, _)| *sc == Some(c)) {
            continue;
        }
        seen.push((Some(c), col.name.trim().to_lowercase()));
        let (cv, source) = match history_cv(months, &col.name) {
            Some((cv, m)) => (cv, CvSource::History(m)),
            None => (default_cv, CvSource::Default),
        };
        out.push(Variability {
            column: col.name.clone(),
            cv,
            source,
        });
    }
    out
}
