//! Small multiples: one line chart per metric across the months held — the
//! team mean with the min–max band (or the chosen agent's line over the
//! team band) — spaced by calendar month so a gap shows as a gap; and the
//! same numbers as a table.

use super::{signed, Ctx};
use crate::i18n::Msg;
use crate::model::months::{parse_month, trends, Series};
use crate::model::unit::format_value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub ctx: Ctx,
}

const W: f64 = 240.0;
const H: f64 = 110.0;
const PAD_L: f64 = 8.0;
const PAD_R: f64 = 8.0;
const PAD_T: f64 = 8.0;
const PAD_B: f64 = 18.0;

/// A count's or a day figure's unit after its number (73条, 23.59天,
/// 23.59 days); English counts stay bare ("73"), as a manager reads them.
fn with_unit(v: f64, s: &Series, lang: crate::i18n::Lang) -> String {
    use crate::model::months::MetricKey;
    use crate::model::Unit;
    let text = format_value(v, s.unit, lang);
    let metric = match &s.key {
        MetricKey::Known(id) => Some(*id),
        _ => None,
    };
    match (s.unit, lang) {
        (Unit::Days, crate::i18n::Lang::Zh) => format!("{text}{}", Msg::UnitDays.t(lang)),
        (Unit::Days, crate::i18n::Lang::En) => format!("{text} {}", Msg::UnitDays.t(lang)),
        (Unit::Count, crate::i18n::Lang::Zh) => format!(
            "{text}{}",
            crate::ui::components::fields::count_unit(metric).t(lang)
        ),
        _ => text,
    }
}

/// Calendar positions of the months (ordinal month numbers; labels that are
/// not `YYYY-MM` are spaced one apart).
fn positions(months: &[String]) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::with_capacity(months.len());
    for (i, m) in months.iter().enumerate() {
        let p = match parse_month(m) {
            Some((y, mo)) => f64::from(y) * 12.0 + f64::from(mo),
            None => out.last().map(|l| l + 1.0).unwrap_or(i as f64),
        };
        out.push(p);
    }
    out
}

fn path(points: &[(f64, f64)]) -> String {
    let mut d = String::new();
    let mut pen_up = true;
    for (x, y) in points {
        if !y.is_finite() {
            pen_up = true;
            continue;
        }
        d.push_str(&format!("{}{x:.1},{y:.1} ", if pen_up { "M" } else { "L" }));
        pen_up = false;
    }
    d
}

fn small(s: &Series, ctx: &Ctx, xs: &[f64]) -> Html {
    let lang = ctx.lang;
    let h = &ctx.history;
    let n = h.months.len();
    let stats: Vec<Option<trends::TeamStat>> = (0..n).map(|m| trends::team(s, m)).collect();
    let agent: Vec<Option<f64>> = (0..n)
        .map(|m| ctx.agent.and_then(|a| s.value(a, m)))
        .collect();
    let lo = stats
        .iter()
        .flatten()
        .map(|t| t.min)
        .chain(agent.iter().flatten().copied())
        .fold(f64::INFINITY, f64::min);
    let hi = stats
        .iter()
        .flatten()
        .map(|t| t.max)
        .chain(agent.iter().flatten().copied())
        .fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() || !hi.is_finite() {
        return Html::default();
    }
    let span = if hi > lo { hi - lo } else { hi.abs().max(1.0) };
    let (x0, x1) = (
        xs.first().copied().unwrap_or(0.0),
        xs.last().copied().unwrap_or(1.0),
    );
    let xspan = if x1 > x0 { x1 - x0 } else { 1.0 };
    let px = |x: f64| PAD_L + (x - x0) / xspan * (W - PAD_L - PAD_R);
    let py = |y: f64| PAD_T + (1.0 - (y - lo) / span) * (H - PAD_T - PAD_B);
    let mean: Vec<(f64, f64)> = xs
        .iter()
        .zip(&stats)
        .map(|(x, t)| (px(*x), t.map(|t| py(t.mean)).unwrap_or(f64::NAN)))
        .collect();
    let band_top: Vec<(f64, f64)> = xs
        .iter()
        .zip(&stats)
        .filter_map(|(x, t)| t.map(|t| (px(*x), py(t.max))))
        .collect();
    let band_bottom: Vec<(f64, f64)> = xs
        .iter()
        .zip(&stats)
        .filter_map(|(x, t)| t.map(|t| (px(*x), py(t.min))))
        .rev()
        .collect();
    let band: String = band_top
        .iter()
        .chain(band_bottom.iter())
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    let agent_pts: Vec<(f64, f64)> = xs
        .iter()
        .zip(&agent)
        .map(|(x, v)| (px(*x), v.map(py).unwrap_or(f64::NAN)))
        .collect();
    let label = s.label(lang);
    let now = stats.get(ctx.month).copied().flatten();
    let change = match ctx.agent {
        Some(a) => trends::change(s, a, ctx.month),
        None => trends::team_change(s, ctx.month),
    };
    let figure = match ctx.agent {
        Some(a) => s.value(a, ctx.month),
        None => now.map(|t| t.figure(s.unit)),
    };
    let cls = change.map(|c| {
        if s.up_is_better().is_none() || c.gain == 0.0 {
            ""
        } else if c.gain > 0.0 {
            "up"
        } else {
            "down"
        }
    });
    let first = h.months.first().cloned().unwrap_or_default();
    let last = h.months.last().cloned().unwrap_or_default();
    html! {
        <figure class="small-multiple" data-testid="small-multiple">
            <figcaption>
                <span class="strong">{ label.clone() }</span>
                { " " }
                <span>{ figure.map(|v| with_unit(v, s, lang)).unwrap_or_else(|| "—".into()) }</span>
                { " " }
                <span class={classes!("delta", cls)}>{ change.map(|c| signed(c.delta, s.unit, lang)).unwrap_or_default() }</span>
            </figcaption>
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={label.clone()}>
                <title>{ label }</title>
                if band_top.len() > 1 { <polygon class="band" points={band} /> }
                <path class="mean" d={path(&mean)} />
                { for mean.iter().filter(|p| p.1.is_finite()).map(|(x, y)| html! { <circle class="mean-dot" cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="2" /> }) }
                if ctx.agent.is_some() {
                    <path class="agent" d={path(&agent_pts)} />
                    { for agent_pts.iter().filter(|p| p.1.is_finite()).map(|(x, y)| html! { <circle class="agent-dot" cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="2.5" /> }) }
                }
                <text class="tick" x={PAD_L.to_string()} y={(H - 4.0).to_string()}>{ first }</text>
                <text class="tick" x={(W - PAD_R).to_string()} y={(H - 4.0).to_string()} text-anchor="end">{ last }</text>
            </svg>
        </figure>
    }
}

#[component]
pub fn ChartsPanel(props: &PanelProps) -> Html {
    let ctx = &props.ctx;
    let lang = ctx.lang;
    let h = &ctx.history;
    let xs = positions(&h.months);
    let who = ctx
        .agent
        .and_then(|a| h.agents.get(a).cloned())
        .unwrap_or_else(|| Msg::MoTeam.t(lang).to_string());
    let rows = h.metrics.iter().map(|s| {
        let cells = (0..h.months.len()).map(|m| {
            let (v, c) = match ctx.agent {
                Some(a) => (s.value(a, m), trends::change(s, a, m)),
                None => (
                    trends::team(s, m).map(|t| t.figure(s.unit)),
                    trends::team_change(s, m),
                ),
            };
            let spread = match ctx.agent {
                None => trends::team(s, m).map(|t| {
                    format!(
                        "{}–{} · σ {}",
                        format_value(t.min, s.unit, lang),
                        format_value(t.max, s.unit, lang),
                        format_value(t.sd, s.unit, lang)
                    )
                }),
                Some(_) => None,
            };
            html! { <td class="num">
                { v.map(|v| with_unit(v, s, lang)).unwrap_or_else(|| "—".into()) }
                if let Some(c) = c { <br /><span class="muted small">{ signed(c.delta, s.unit, lang) }</span> }
                if let Some(sp) = spread { <br /><span class="muted small">{ sp }</span> }
            </td> }
        });
        html! { <tr><th scope="row">{ s.label(lang) }</th>{ for cells }</tr> }
    });
    html! {
        <section class="card" aria-labelledby="charts-title">
            <h3 id="charts-title">{ Msg::MoChartsTitle.fill(lang, std::slice::from_ref(&who)) }</h3>
            <p class="help muted">{ Msg::MoChartsHelp.t(lang) }</p>
            <div class="multiples">
                { for h.metrics.iter().map(|s| small(s, ctx, &xs)) }
            </div>
            <details class="table-view">
                <summary>{ Msg::MoTableView.t(lang) }</summary>
                <div class="table-scroll">
                    <table class="plain" data-testid="trends-table">
                        <thead><tr><th>{ Msg::MoMetric.t(lang) }</th>
                            { for h.months.iter().map(|m| html! { <th class="num">{ m.clone() }</th> }) }
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}
