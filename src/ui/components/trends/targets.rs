//! Monthly team targets (e.g. 客服销售额 ¥1.2M, 询单转化率 45 %) with 完成度,
//! and each agent's share of the team figure; saved with the workbook and
//! used by the rotation proposal.

use super::{signed_share, Ctx};
use crate::i18n::Msg;
use crate::model::months::{trends, MetricKey};
use crate::model::unit::format_value;
use crate::model::{Command, Unit};
use crate::ui::components::fields::NumberField;
use crate::ui::state::{Action, AppContext};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub ctx: Ctx,
}

#[component]
pub fn TargetsPanel(props: &PanelProps) -> Html {
    let ctx = &props.ctx;
    let lang = ctx.lang;
    let h = &ctx.history;
    let Some(state) = use_context::<AppContext>() else {
        return Html::default();
    };
    let settings = state.workbook.months_settings();
    let rows = h
        .metrics
        .iter()
        .enumerate()
        .filter(|(_, s)| s.up_is_better().is_some() && !matches!(s.key, MetricKey::Pay))
        .map(|(i, s)| {
            let figure = trends::team(s, ctx.month).map(|t| t.figure(s.unit));
            let target = settings
                .targets
                .iter()
                .find(|(k, _)| *k == s.key)
                .map(|(_, v)| *v);
            let done = match (figure, target) {
                (Some(f), Some(t)) => trends::completion(f, t, s.up_is_better()),
                _ => None,
            };
            let share = match ctx.agent {
                Some(a) => trends::share_of_team(s, a, ctx.month).map(|x| {
                    format!("{} {}", h.agents.get(a).cloned().unwrap_or_default(), signed_share(x).trim_start_matches('+'))
                }),
                None => (0..h.agents.len())
                    .filter_map(|a| trends::share_of_team(s, a, ctx.month).map(|x| (a, x)))
                    .max_by(|x, y| x.1.total_cmp(&y.1))
                    .map(|(a, x)| format!("{} {}", h.agents.get(a).cloned().unwrap_or_default(), signed_share(x).trim_start_matches('+'))),
            };
            let key = s.key.clone();
            let on_change = {
                let state = state.clone();
                Callback::from(move |v: f64| {
                    let mut all = state.workbook.months_settings().clone();
                    all.targets.retain(|(k, _)| *k != key);
                    if v.is_finite() {
                        all.targets.push((key.clone(), v));
                    }
                    state.dispatch(Action::Apply(Command::SetMonthsSettings(Box::new(all))));
                })
            };
            let unit = if s.unit == Unit::Percent { Unit::Percent } else { Unit::Number };
            html! { <tr>
                <th scope="row">{ s.label(lang) }</th>
                <td class="num">{ figure.map(|v| format_value(v, s.unit, lang)).unwrap_or_else(|| "—".into()) }</td>
                <td class="weight"><NumberField id={format!("target-{i}")} label={Msg::MoTarget.t(lang)} value={target.unwrap_or(f64::NAN)}
                    unit={unit} suffix={if unit == Unit::Percent { "%" } else { "" }} allow_empty=true lang={lang} on_change={on_change} /></td>
                <td class={classes!("num", done.map(|d| if d >= 1.0 { "up" } else { "down" }))} data-testid={format!("done-{i}")}>
                    { done.map(|d| format!("{}%", crate::model::unit::format_grouped(d * 100.0, 1))).unwrap_or_else(|| "—".into()) }
                </td>
                <td>{ share.unwrap_or_default() }</td>
            </tr> }
        });
    let month = h.months.get(ctx.month).cloned().unwrap_or_default();
    html! {
        <details class="card targets" data-testid="targets">
            <summary class="strong">{ Msg::MoTargetsTitle.t(lang) }{ " · " }{ month }</summary>
            <p class="help muted">{ Msg::MoTargetsHelp.t(lang) }</p>
            <div class="table-scroll">
                <table class="plain items">
                    <thead><tr>
                        <th>{ Msg::MoMetric.t(lang) }</th><th class="num">{ Msg::MoTeam.t(lang) }</th>
                        <th>{ Msg::MoTarget.t(lang) }</th><th class="num">{ Msg::MoDone.t(lang) }</th>
                        <th>{ Msg::MoShareOfTeam.t(lang) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </details>
    }
}
