//! The 面谈 list (agents whose score or a chosen metric fell by more than a
//! set amount or share, with what else fell) and the largest movers per
//! metric, for the month shown.

use super::{signed, signed_share, Ctx};
use crate::i18n::Msg;
use crate::model::metric::MetricId;
use crate::model::months::trends::{self, TalkRule};
use crate::model::months::MetricKey;
use crate::model::unit::format_value;
use crate::model::Unit;
use crate::ui::components::fields::{select_value, NumberField};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub ctx: Ctx,
}

#[component]
pub fn TalkPanel(props: &PanelProps) -> Html {
    let ctx = &props.ctx;
    let h = &ctx.history;
    let lang = ctx.lang;
    let default_metric = h
        .metric(&MetricKey::Score)
        .or_else(|| h.metric(&MetricKey::Known(MetricId::Conversion)))
        .unwrap_or(0);
    let metric = use_state(|| None::<usize>);
    let shown = use_state(|| crate::ui::components::fields::PAGE_ROWS);
    let drop = use_state(|| f64::NAN);
    let share = use_state(|| 0.1f64);
    let m = metric
        .filter(|m| *m < h.metrics.len())
        .unwrap_or(default_metric);
    let Some(series) = h.metrics.get(m) else {
        return Html::default();
    };
    let rule = TalkRule {
        metric: m,
        min_drop: drop.is_finite().then_some(*drop),
        min_share: share.is_finite().then_some(*share),
        also_share: 0.05,
    };
    let list = trends::talk_list(h, ctx.month, &rule);
    let on_metric = {
        let metric = metric.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e).and_then(|v| v.parse().ok()) {
                metric.set(Some(v))
            }
        })
    };
    let on_drop = {
        let drop = drop.clone();
        Callback::from(move |v: f64| drop.set(v))
    };
    let on_share = {
        let share = share.clone();
        Callback::from(move |v: f64| share.set(v))
    };
    let drop_unit = if series.unit == Unit::Percent {
        Unit::Percent
    } else {
        Unit::Number
    };
    let rows = list.iter().take(*shown).map(|e| {
        let name = h.agents.get(e.agent).cloned().unwrap_or_default();
        let also = e
            .also
            .iter()
            .take(4)
            .filter_map(|(mi, c)| {
                h.metrics.get(*mi).map(|s| {
                    format!(
                        "{} {} → {} ({})",
                        s.label(lang),
                        format_value(c.from, s.unit, lang),
                        format_value(c.to, s.unit, lang),
                        c.rel.map(signed_share).unwrap_or_default()
                    )
                })
            })
            .collect::<Vec<_>>()
            .join(if lang == crate::i18n::Lang::Zh { "；" } else { "; " });
        html! { <tr data-testid="talk-row">
            <th scope="row">{ name }</th>
            <td class="num">{ format_value(e.change.from, series.unit, lang) }</td>
            <td class="num">{ format_value(e.change.to, series.unit, lang) }</td>
            <td class="num down">{ signed(e.change.delta, series.unit, lang) }</td>
            <td class="num down">{ e.change.rel.map(signed_share).unwrap_or_else(|| "—".into()) }</td>
            <td>{ if also.is_empty() { "—".to_string() } else { also } }</td>
        </tr> }
    });
    let movers = h
        .metrics
        .iter()
        .filter(|s| s.up_is_better().is_some())
        .filter_map(|s| {
            let (up, down) = trends::movers(h, s, ctx.month, 3);
            if up.is_empty() && down.is_empty() {
                return None;
            }
            let fmt = |v: &[(usize, trends::Change)]| -> String {
                v.iter()
                    .map(|(a, c)| {
                        format!(
                            "{} {}",
                            h.agents.get(*a).cloned().unwrap_or_default(),
                            signed(c.delta, s.unit, lang)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(super::sep(lang))
            };
            Some(html! { <tr>
                <th scope="row">{ s.label(lang) }</th>
                <td class="up" data-label={Msg::MoImproved.t(lang)}>{ fmt(&up) }</td>
                <td class="down" data-label={Msg::MoWorsened.t(lang)}>{ fmt(&down) }</td>
            </tr> })
        });
    let month_label = h.months.get(ctx.month).cloned().unwrap_or_default();
    let prev_label = h
        .months
        .get(ctx.month.saturating_sub(1))
        .cloned()
        .unwrap_or_default();
    html! {
        <section class="card" aria-labelledby="talk-title" data-testid="talk-list">
            <h3 id="talk-title">{ Msg::MoTalkTitle.fill(lang, &[month_label, prev_label]) }</h3>
            <div class="plan-bar">
                <div class="field"><label for="talk-metric">{ Msg::MoTalkMetric.t(lang) }</label>
                    <select id="talk-metric" onchange={on_metric}>
                        { for h.metrics.iter().enumerate().filter(|(_, s)| s.up_is_better().is_some()).map(|(i, s)| html! {
                            <option value={i.to_string()} selected={i == m}>{ s.label(lang) }</option>
                        }) }
                    </select></div>
                <NumberField id="talk-drop" label={Msg::MoTalkDrop.t(lang)} value={*drop} unit={drop_unit}
                    allow_empty=true lang={lang} on_change={on_drop} />
                <NumberField id="talk-share" label={Msg::MoTalkShare.t(lang)} value={*share} unit={Unit::Percent}
                    suffix="%" allow_empty=true lang={lang} on_change={on_share} />
            </div>
            <p class="help muted">{ Msg::MoTalkHelp.t(lang) }</p>
            if list.is_empty() {
                <p class="muted" data-testid="talk-none">{ Msg::MoTalkNone.t(lang) }</p>
            } else {
                <div class="table-scroll">
                    <table class="plain">
                        <thead><tr>
                            <th>{ Msg::ColAgent.t(lang) }</th>
                            <th class="num">{ Msg::MoBefore.t(lang) }</th><th class="num">{ Msg::MoNow.t(lang) }</th>
                            <th class="num">{ Msg::MoChange.t(lang) }</th><th class="num">{ Msg::MoShare.t(lang) }</th>
                            <th>{ Msg::MoAlsoFell.t(lang) }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
                { crate::ui::components::fields::more_rows(&shown, list.len(), lang) }
            }
            <details class="table-view" open=true>
                <summary>{ Msg::MoMoversTitle.t(lang) }</summary>
                <div class="table-scroll">
                    <table class="plain" data-testid="movers">
                        <thead><tr><th>{ Msg::MoMetric.t(lang) }</th><th>{ Msg::MoImproved.t(lang) }</th><th>{ Msg::MoWorsened.t(lang) }</th></tr></thead>
                        <tbody>{ for movers }</tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}
