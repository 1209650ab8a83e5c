//! The talent view (梯队): the consistent top 20 % (top fifth in at least k
//! of the last n months), 末位 candidates (bottom x % for m months in a
//! row), tiers 新人/专员/精英/资深 by the user's rules, probation and growth
//! stage from the hire date (a column named 入职… or hire…).

use super::Ctx;
use crate::i18n::Msg;
use crate::model::months::talent::{self, Settings, Tier};
use crate::model::months::MetricKey;
use crate::model::Command;
use crate::model::Unit;
use crate::ui::components::fields::NumberField;
use crate::ui::state::{Action, AppContext};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub ctx: Ctx,
}

fn tier_name(t: Tier) -> Msg {
    match t {
        Tier::Newcomer => Msg::MoTierNew,
        Tier::Specialist => Msg::MoTierSpecialist,
        Tier::Elite => Msg::MoTierElite,
        Tier::Senior => Msg::MoTierSenior,
    }
}

const STAGES: [&str; 5] = ["0–3", "3–6", "6–9", "9–12", "12+"];

#[component]
pub fn TalentPanel(props: &PanelProps) -> Html {
    let ctx = &props.ctx;
    let lang = ctx.lang;
    let h = &ctx.history;
    let shown = use_state(|| crate::ui::components::fields::PAGE_ROWS);
    let Some(state) = use_context::<AppContext>() else {
        return Html::default();
    };
    let settings = state.workbook.months_settings().talent.clone();
    let Some(score) = h.metric(&MetricKey::Score) else {
        return html! { <section class="card"><p class="muted">{ Msg::NoPlans.t(lang) }</p></section> };
    };
    let wb = &state.workbook;
    let months: Vec<(String, &crate::model::Table)> = h
        .months
        .iter()
        .filter_map(|m| wb.table_for(m).map(|t| (m.clone(), t)))
        .collect();
    let hire = talent::hire_dates(h, &months, &wb.months_settings().aliases);
    let rows = talent::talent(h, score, ctx.month, &hire, &settings);
    let field = |id: &'static str,
                 label: Msg,
                 value: f64,
                 unit: Unit,
                 set: fn(&mut Settings, f64)| {
        let state = state.clone();
        let on_change = Callback::from(move |v: f64| {
            if v.is_finite() && v >= 0.0 {
                let mut all = state.workbook.months_settings().clone();
                set(&mut all.talent, v);
                state.dispatch(Action::Apply(Command::SetMonthsSettings(Box::new(all))));
            }
        });
        let suffix = if unit == Unit::Percent { "%" } else { "" };
        html! { <NumberField id={id} label={label.t(lang)} value={value} unit={unit} suffix={suffix} lang={lang} on_change={on_change} /> }
    };
    let s = &settings;
    let month_list = |v: &[usize]| -> String {
        v.iter()
            .filter_map(|m| h.months.get(*m).cloned())
            .collect::<Vec<_>>()
            .join(super::sep(lang))
    };
    let names = |f: &dyn Fn(&talent::Row) -> bool| -> String {
        rows.iter()
            .filter(|r| f(r))
            .filter_map(|r| h.agents.get(r.agent).cloned())
            .collect::<Vec<_>>()
            .join(super::sep(lang))
    };
    let tops = names(&|r| r.consistent_top);
    let bottoms = names(&|r| r.bottom_candidate);
    let probation = names(&|r| r.probation);
    let none = || Msg::MoNobody.t(lang).to_string();
    let body = rows.iter().take(*shown).map(|r| {
        let name = h.agents.get(r.agent).cloned().unwrap_or_default();
        html! { <tr class={classes!(r.consistent_top.then_some("top"), r.bottom_candidate.then_some("bottom"))}>
            <th scope="row">{ name }</th>
            <td class="num">{ r.tenure.map(|t| crate::model::unit::format_grouped(t, 1)).unwrap_or_else(|| "—".into()) }</td>
            <td>{ r.tenure.map(|t| STAGES.get(talent::stage(t)).copied().unwrap_or("")).unwrap_or("—") }</td>
            <td>{ r.tier.map(|t| tier_name(t).t(lang)).unwrap_or("—") }</td>
            <td>{ if r.probation { Msg::MoProbation.t(lang) } else { "" } }</td>
            <td class="num">{ r.avg_score.map(|v| crate::model::unit::format_grouped(v, 1)).unwrap_or_else(|| "—".into()) }</td>
            <td>{ if r.top_months.is_empty() { "—".to_string() } else { format!("{} · {}", r.top_months.len(), month_list(&r.top_months)) } }</td>
            <td>{ month_list(&r.bottom_run) }</td>
        </tr> }
    });
    html! {
        <section class="card talent" aria-labelledby="talent-title" data-testid="talent">
            <h3 id="talent-title">{ Msg::MoTalentTitle.t(lang) }</h3>
            <p class="help muted">{ Msg::MoTalentHelp.t(lang) }</p>
            <div class="plan-bar">
                { field("tal-k", Msg::MoTalK, s.k as f64, Unit::Number, |s, v| s.k = v.round() as usize) }
                { field("tal-n", Msg::MoTalN, s.n as f64, Unit::Number, |s, v| s.n = v.round().max(1.0) as usize) }
                { field("tal-top", Msg::MoTalTop, s.top_share, Unit::Percent, |s, v| s.top_share = v.min(1.0)) }
                { field("tal-bottom", Msg::MoTalBottom, s.bottom_share, Unit::Percent, |s, v| s.bottom_share = v.min(1.0)) }
                { field("tal-m", Msg::MoTalM, s.bottom_months as f64, Unit::Number, |s, v| s.bottom_months = v.round().max(1.0) as usize) }
                { field("tal-prob", Msg::MoTalProbation, s.probation_months, Unit::Number, |s, v| s.probation_months = v) }
            </div>
            <details class="table-view">
                <summary>{ Msg::MoTierRules.t(lang) }</summary>
                <div class="plan-bar">
                    { field("tal-spec", Msg::MoTalSpecMonths, s.specialist_months, Unit::Number, |s, v| s.specialist_months = v) }
                    { field("tal-elite-m", Msg::MoTalEliteMonths, s.elite_months, Unit::Number, |s, v| s.elite_months = v) }
                    { field("tal-elite-s", Msg::MoTalEliteScore, s.elite_score, Unit::Number, |s, v| s.elite_score = v) }
                    { field("tal-senior-m", Msg::MoTalSeniorMonths, s.senior_months, Unit::Number, |s, v| s.senior_months = v) }
                    { field("tal-senior-s", Msg::MoTalSeniorScore, s.senior_score, Unit::Number, |s, v| s.senior_score = v) }
                </div>
            </details>
            <p data-testid="talent-top"><span class="strong">{ Msg::MoTopList.fill(lang, &[s.k.to_string(), s.n.to_string()]) }</span>{ if tops.is_empty() { none() } else { tops } }</p>
            <p data-testid="talent-bottom"><span class="strong">{ Msg::MoBottomList.fill(lang, &[s.bottom_months.to_string()]) }</span>{ if bottoms.is_empty() { none() } else { bottoms } }</p>
            <p><span class="strong">{ Msg::MoProbationList.t(lang) }</span>{ if probation.is_empty() { none() } else { probation } }</p>
            if hire.iter().all(Option::is_none) { <p class="muted">{ Msg::MoNoHire.t(lang) }</p> }
            <div class="table-scroll short">
                <table class="plain" data-testid="talent-table">
                    <thead><tr>
                        <th>{ Msg::ColAgent.t(lang) }</th><th class="num">{ Msg::MoTenure.t(lang) }</th><th>{ Msg::MoStage.t(lang) }</th>
                        <th>{ Msg::MoTier.t(lang) }</th><th>{ Msg::MoProbation.t(lang) }</th><th class="num">{ Msg::MoAvgScore.t(lang) }</th>
                        <th>{ Msg::MoTopMonths.t(lang) }</th><th>{ Msg::MoBottomMonths.t(lang) }</th>
                    </tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
            { crate::ui::components::fields::more_rows(&shown, rows.len(), lang) }
        </section>
    }
}
