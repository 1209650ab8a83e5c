//! The trends as CSV (#18): one row per agent (and the team), metric and
//! month, with the change from the previous month held.

use super::export::{csv, Out};
use crate::i18n::{Lang, Msg};
use crate::model::months::{trends, History};

/// Rows `agent, metric, month, value, change, change %` — the team first
/// (its figure: sum for counts and money, mean otherwise), then each agent.
pub fn trends_csv(h: &History, lang: Lang) -> String {
    let header: Vec<String> = [
        Msg::ColAgent,
        Msg::MoMetric,
        Msg::MoMonth,
        Msg::MoValue,
        Msg::MoChange,
        Msg::MoShare,
    ]
    .iter()
    .map(|m| m.t(lang).to_string())
    .collect();
    let mut rows = Vec::new();
    let num = |v: Option<f64>| v.map(Out::Number).unwrap_or(Out::Empty);
    for s in &h.metrics {
        for (m, label) in h.months.iter().enumerate() {
            let c = trends::team_change(s, m);
            rows.push(vec![
                Out::Text(Msg::MoTeam.t(lang).to_string()),
                Out::Text(s.label(lang)),
                Out::Text(label.clone()),
                num(trends::team(s, m).map(|t| t.figure(s.unit))),
                num(c.map(|c| c.delta)),
                num(c.and_then(|c| c.rel)),
            ]);
        }
    }
    for (a, name) in h.agents.iter().enumerate() {
        for s in &h.metrics {
            for (m, label) in h.months.iter().enumerate() {
                let Some(v) = s.value(a, m) else { continue };
                let c = trends::change(s, a, m);
                rows.push(vec![
                    Out::Text(name.clone()),
                    Out::Text(s.label(lang)),
                    Out::Text(label.clone()),
                    Out::Number(v),
                    num(c.map(|c| c.delta)),
                    num(c.and_then(|c| c.rel)),
                ]);
            }
        }
    }
    csv(&header, &rows)
}
