//! Why 客服销售额 changed: the LMDI split into 询单人数, 询单转化率, 客单价
//! and 退款率, as a waterfall (last month → four steps → this month) with
//! the numbers as a table; zeros, missing and impossible factors explained.

use super::{signed, Ctx};
use crate::i18n::{Lang, Msg};
use crate::model::metric::{def, MetricId};
use crate::model::months::lmdi::{self, Outcome, Split, FACTORS};
use crate::model::unit::format_value;
use crate::model::Unit;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub ctx: Ctx,
}

fn factor_name(i: usize, lang: Lang) -> String {
    FACTORS
        .get(i)
        .and_then(|id| def(*id))
        .map(|d| match lang {
            Lang::Zh => d.zh.to_string(),
            Lang::En => d.en.to_string(),
        })
        .unwrap_or_default()
}

fn names(list: &[usize], lang: Lang) -> String {
    list.iter()
        .map(|i| factor_name(*i, lang))
        .collect::<Vec<_>>()
        .join(super::sep(lang))
}

/// The explanation of a split that is not the plain formula.
fn explain(s: &Split, months: (&str, &str), lang: Lang) -> Option<String> {
    let which = |v: &[(usize, usize)]| -> String {
        v.iter()
            .map(|(f, m)| {
                format!(
                    "{} ({})",
                    factor_name(*f, lang),
                    if *m == 0 { months.0 } else { months.1 }
                )
            })
            .collect::<Vec<_>>()
            .join(super::sep(lang))
    };
    match &s.outcome {
        Outcome::Exact => None,
        Outcome::FromZero(z) => Some(Msg::MoLmdiFromZero.fill(lang, &[names(z, lang)])),
        Outcome::ToZero(z) => Some(Msg::MoLmdiToZero.fill(lang, &[names(z, lang)])),
        Outcome::BothZero => Some(Msg::MoLmdiBothZero.t(lang).to_string()),
        Outcome::Missing(v) => Some(Msg::MoLmdiMissing.fill(lang, &[which(v)])),
        Outcome::Invalid(v) => Some(Msg::MoLmdiInvalid.fill(lang, &[which(v)])),
    }
}

const W: f64 = 560.0;
const H: f64 = 220.0;
const B: f64 = 34.0;
const T: f64 = 14.0;

/// The waterfall on a phone: one row per step (start, the four factors,
/// end), bars across the screen's width, names left and amounts right at
/// their CSS size — six columns of labels do not fit in 350 px.
fn rows_chart(
    s0: f64,
    s1: f64,
    levels: &[f64],
    parts: &[f64],
    (lo, span): (f64, f64),
    months: (&str, &str),
    lang: Lang,
) -> Html {
    let w = crate::ui::components::chart::chart_width();
    let (label_w, value_w, row_h) = (112.0, 92.0, 26.0);
    let px = |v: f64| label_w + (v - lo) / span * (w - label_w - value_w);
    let h = row_h * 6.0 + 4.0;
    let rows = (0..6usize).map(|i| {
        let (a, b, class, text, name) = match i {
            0 => (0.0, s0, "total", format_value(s0, Unit::Money, lang), months.0.to_string()),
            5 => (0.0, s1, "total", format_value(s1, Unit::Money, lang), months.1.to_string()),
            k => {
                let before = levels.get(k - 1).copied().unwrap_or(0.0);
                let after = levels.get(k).copied().unwrap_or(0.0);
                let p = parts.get(k - 1).copied().unwrap_or(0.0);
                let class = if p >= 0.0 { "rise" } else { "fall" };
                (before, after, class, signed(p, Unit::Money, lang), factor_name(k - 1, lang))
            }
        };
        let (x0, x1) = (px(a.min(b)), px(a.max(b)));
        let y = 2.0 + i as f64 * row_h;
        html! { <g>
            <text class="tick" x={(label_w - 6.0).to_string()} y={format!("{:.1}", y + row_h / 2.0 + 4.0)} text-anchor="end">{ name }</text>
            <rect class={classes!("wf", class)} x={format!("{x0:.1}")} y={format!("{:.1}", y + 4.0)} width={format!("{:.1}", (x1 - x0).max(1.0))} height={format!("{:.1}", row_h - 8.0)} />
            <text class="val" x={format!("{:.1}", x1 + 4.0)} y={format!("{:.1}", y + row_h / 2.0 + 4.0)}>{ text }</text>
        </g> }
    });
    html! {
        <svg class="chart waterfall narrow" viewBox={format!("0 0 {w} {h}")} role="img" aria-label={Msg::MoLmdiTitle.t(lang)} data-testid="waterfall">
            <title>{ Msg::MoLmdiTitle.t(lang) }</title>
            { for rows }
        </svg>
    }
}

fn chart(s: &Split, months: (&str, &str), lang: Lang) -> Html {
    let (Some(s0), Some(s1)) = (s.s0, s.s1) else {
        return Html::default();
    };
    let parts: Vec<f64> = s.parts.iter().map(|p| p.unwrap_or(0.0)).collect();
    // Running levels: start, after each factor, end.
    let mut levels = vec![s0];
    let mut acc = s0;
    for p in &parts {
        acc += p;
        levels.push(acc);
    }
    let hi = levels.iter().copied().fold(s1, f64::max).max(0.0);
    let lo = levels.iter().copied().fold(s1, f64::min).min(0.0);
    let span = if hi > lo { hi - lo } else { 1.0 };
    if crate::ui::components::chart::chart_width() < 500.0 {
        return rows_chart(s0, s1, &levels, &parts, (lo, span), months, lang);
    }
    let py = |v: f64| T + (hi - v) / span * (H - T - B);
    let n = 6.0;
    let slot = W / n;
    let bw = slot * 0.6;
    let mut bars = Vec::new();
    let label = |i: usize| -> String {
        match i {
            0 => months.0.to_string(),
            5 => months.1.to_string(),
            k => factor_name(k - 1, lang),
        }
    };
    for i in 0..6usize {
        let (top, bottom, class, value) = match i {
            0 => (s0, 0.0, "total", s0),
            5 => (s1, 0.0, "total", s1),
            k => {
                let before = levels.get(k - 1).copied().unwrap_or(0.0);
                let after = levels.get(k).copied().unwrap_or(0.0);
                let p = parts.get(k - 1).copied().unwrap_or(0.0);
                (
                    before.max(after),
                    before.min(after),
                    if p >= 0.0 { "rise" } else { "fall" },
                    p,
                )
            }
        };
        let x = i as f64 * slot + (slot - bw) / 2.0;
        let y = py(top);
        let hgt = (py(bottom) - py(top)).max(1.0);
        let text = if i == 0 || i == 5 {
            format_value(value, Unit::Money, lang)
        } else {
            signed(value, Unit::Money, lang)
        };
        bars.push(html! { <g>
            <rect class={classes!("wf", class)} x={format!("{x:.1}")} y={format!("{y:.1}")} width={format!("{bw:.1}")} height={format!("{hgt:.1}")} />
            <text class="val" x={format!("{:.1}", x + bw / 2.0)} y={format!("{:.1}", (y - 3.0).max(10.0))} text-anchor="middle">{ text }</text>
            <text class="tick" x={format!("{:.1}", x + bw / 2.0)} y={format!("{:.1}", H - 14.0)} text-anchor="middle">{ label(i) }</text>
        </g> });
    }
    html! {
        <svg class="chart waterfall" viewBox={format!("0 0 {W} {H}")} role="img" aria-label={Msg::MoLmdiTitle.t(lang)} data-testid="waterfall">
            <title>{ Msg::MoLmdiTitle.t(lang) }</title>
            <line class="axis" x1="0" x2={W.to_string()} y1={format!("{:.1}", py(0.0))} y2={format!("{:.1}", py(0.0))} />
            { for bars }
        </svg>
    }
}

#[component]
pub fn WaterfallPanel(props: &PanelProps) -> Html {
    let ctx = &props.ctx;
    let h = &ctx.history;
    let lang = ctx.lang;
    let m0 = h
        .months
        .get(ctx.month.saturating_sub(1))
        .cloned()
        .unwrap_or_default();
    let m1 = h.months.get(ctx.month).cloned().unwrap_or_default();
    let (split, left_out, who) = match ctx.agent {
        Some(a) => (
            lmdi::agent_split(h, a, ctx.month),
            Vec::new(),
            h.agents.get(a).cloned().unwrap_or_default(),
        ),
        None => match lmdi::team_split(h, ctx.month) {
            Some((s, l)) => (Some(s), l, Msg::MoTeam.t(lang).to_string()),
            None => (None, Vec::new(), Msg::MoTeam.t(lang).to_string()),
        },
    };
    let body = match &split {
        None => {
            html! { <p class="muted">{ Msg::MoLmdiNotBoth.fill(lang, std::slice::from_ref(&who)) }</p> }
        }
        Some(s) => {
            let note = explain(s, (&m0, &m1), lang);
            let recorded = h.series(&crate::model::months::MetricKey::Known(MetricId::Sales));
            let rec = |m: usize| -> Option<f64> {
                let r = recorded?;
                match ctx.agent {
                    Some(a) => r.value(a, m),
                    None => crate::model::months::trends::team(r, m).map(|t| t.sum),
                }
            };
            let gap_note = match (s.s1, rec(ctx.month)) {
                (Some(p), Some(r)) if (p - r).abs() > 0.005 * r.abs().max(1.0) => {
                    Some(Msg::MoLmdiIdentityGap.fill(
                        lang,
                        &[
                            format_value(r, Unit::Money, lang),
                            format_value(p, Unit::Money, lang),
                        ],
                    ))
                }
                _ => None,
            };
            let table_rows = (0..4).map(|i| {
                let p = s.parts.get(i).copied().flatten();
                html! { <tr><th scope="row">{ factor_name(i, lang) }</th>
                    <td class={classes!("num", p.map(|p| if p >= 0.0 { "up" } else { "down" }))}>{ p.map(|p| signed(p, Unit::Money, lang)).unwrap_or_else(|| "—".into()) }</td></tr> }
            });
            html! { <>
                { chart(s, (&m0, &m1), lang) }
                if let Some(n) = note { <p class="warn" data-testid="lmdi-note">{ n }</p> }
                if let Some(n) = gap_note { <p class="muted">{ n }</p> }
                <details class="table-view">
                    <summary>{ Msg::MoTableView.t(lang) }</summary>
                    <table class="plain" data-testid="lmdi-table">
                        <tbody>
                            <tr><th scope="row">{ m0.clone() }</th><td class="num">{ s.s0.map(|v| format_value(v, Unit::Money, lang)).unwrap_or_else(|| "—".into()) }</td></tr>
                            { for table_rows }
                            <tr><th scope="row">{ m1.clone() }</th><td class="num">{ s.s1.map(|v| format_value(v, Unit::Money, lang)).unwrap_or_else(|| "—".into()) }</td></tr>
                            <tr><th scope="row">{ Msg::MoChange.t(lang) }</th><td class="num strong">{ s.delta.map(|v| signed(v, Unit::Money, lang)).unwrap_or_else(|| "—".into()) }</td></tr>
                        </tbody>
                    </table>
                </details>
            </> }
        }
    };
    let out = if left_out.is_empty() {
        None
    } else {
        Some(
            left_out
                .iter()
                .filter_map(|a| h.agents.get(*a).cloned())
                .collect::<Vec<_>>()
                .join(super::sep(lang)),
        )
    };
    html! {
        <section class="card" aria-labelledby="lmdi-title">
            <h3 id="lmdi-title">{ Msg::MoLmdiHead.fill(lang, &[who.clone(), m0.clone(), m1.clone()]) }</h3>
            <p class="help muted">{ Msg::MoLmdiHelp.t(lang) }</p>
            { body }
            if let Some(o) = out { <p class="muted" data-testid="lmdi-left-out">{ Msg::MoLmdiLeftOut.fill(lang, &[o]) }</p> }
        </section>
    }
}
