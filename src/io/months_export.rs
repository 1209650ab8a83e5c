//! The trends as CSV and xlsx (#18): one row per agent (and the team),
//! metric and month, with the change from the previous month held; the xlsx
//! adds one wide sheet per metric (agents × months, the team first).

use super::export::{csv, Out};
use super::xlsx_write::{plain_xlsx, PlainCell};
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

/// The trends as xlsx: the long sheet of [`trends_csv`] with number formats,
/// then one sheet per metric with a row per agent and a column per month.
pub fn trends_xlsx(h: &History, lang: Lang) -> Vec<u8> {
    let text = |m: Msg| PlainCell::Text(m.t(lang).to_string());
    let mut long = vec![vec![
        text(Msg::ColAgent),
        text(Msg::MoMetric),
        text(Msg::MoMonth),
        text(Msg::MoValue),
        text(Msg::MoChange),
        text(Msg::MoShare),
    ]];
    let num = |v: Option<f64>, u: crate::model::Unit| match v {
        Some(v) => PlainCell::Number(v, u),
        None => PlainCell::Empty,
    };
    let pct = crate::model::Unit::Percent;
    let mut sheets = Vec::new();
    for s in &h.metrics {
        let mut wide = vec![std::iter::once(text(Msg::ColAgent))
            .chain(h.months.iter().map(|m| PlainCell::Text(m.clone())))
            .collect::<Vec<_>>()];
        let mut team_row = vec![text(Msg::MoTeam)];
        for (m, label) in h.months.iter().enumerate() {
            let figure = trends::team(s, m).map(|t| t.figure(s.unit));
            let c = trends::team_change(s, m);
            long.push(vec![
                text(Msg::MoTeam),
                PlainCell::Text(s.label(lang)),
                PlainCell::Text(label.clone()),
                num(figure, s.unit),
                num(c.map(|c| c.delta), s.unit),
                num(c.and_then(|c| c.rel), pct),
            ]);
            team_row.push(num(figure, s.unit));
        }
        wide.push(team_row);
        for (a, name) in h.agents.iter().enumerate() {
            let mut row = vec![PlainCell::Text(name.clone())];
            row.extend((0..h.months.len()).map(|m| num(s.value(a, m), s.unit)));
            wide.push(row);
        }
        sheets.push((s.label(lang), wide));
    }
    for (a, name) in h.agents.iter().enumerate() {
        for s in &h.metrics {
            for (m, label) in h.months.iter().enumerate() {
                let Some(v) = s.value(a, m) else { continue };
                let c = trends::change(s, a, m);
                long.push(vec![
                    PlainCell::Text(name.clone()),
                    PlainCell::Text(s.label(lang)),
                    PlainCell::Text(label.clone()),
                    PlainCell::Number(v, s.unit),
                    num(c.map(|c| c.delta), s.unit),
                    num(c.and_then(|c| c.rel), pct),
                ]);
            }
        }
    }
    let mut all = vec![(Msg::MoFileTrends.t(lang).to_string(), long)];
    all.extend(sheets);
    plain_xlsx(&all, lang)
}
