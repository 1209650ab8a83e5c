//! The Monte Carlo cost forecast panel (moved here unchanged from the
//! single-file workspace; the forecast itself lives in `model::forecast`).

use super::*;
use crate::i18n::{Lang, Msg};
use crate::model::forecast::joint::{choose as choose_correlation, Joint};
use crate::model::forecast::{
    variabilities, CvSource, Forecast, ForecastResult, ForecastSpec, Variability, MAX_MONTHS,
};
use crate::model::payout::PayoutModel;
use crate::model::plan::Plan;
use crate::model::{Table, Unit};
use crate::ui::components::fields::NumberField;
use crate::ui::jobs;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;
/// Round tick values over `[lo, hi]` (a step of 1, 2, 2.5 or 5 × 10ⁿ giving
/// at most about five labels), each with its position as a fraction of the span.
fn round_ticks(lo: Option<f64>, hi: Option<f64>) -> Vec<(f64, f64)> {
    let (Some(lo), Some(hi)) = (lo, hi) else {
        return Vec::new();
    };
    let span = hi - lo;
    if !(span.is_finite() && span > 0.0) {
        return vec![(lo, 0.5)];
    }
    let raw = span / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let first = (lo / step).ceil();
    (0..12)
        .map(|k| (first + k as f64) * step)
        .take_while(|v| *v <= hi)
        .map(|v| (v, (v - lo) / span))
        .collect()
}

/// The forecast's short line on the correlations it used.
fn correlation_text(j: &Joint, from: Option<usize>, user: f64, lang: Lang) -> String {
    let pairs = j.pairs();
    if pairs.is_empty() {
        return Msg::McCorrIndependent.t(lang).to_string();
    }
    let sep = if lang == Lang::En { ", " } else { "，" };
    let list: Vec<String> = pairs
        .iter()
        .map(|(a, b, r)| format!("{a}–{b} {r:.2}"))
        .collect();
    let source = match from {
        Some(m) => Msg::McCorrFromHistory.fill(lang, &[m.to_string()]),
        None if user != 0.0 => Msg::McCorrUser.t(lang).to_string(),
        None => String::new(),
    };
    format!(
        "{}{}",
        Msg::McCorrUsed.fill(lang, &[list.join(sep)]),
        source
    )
}

#[derive(Properties, PartialEq)]
pub(super) struct ForecastProps {
    pub(super) table: Rc<Table>,
    pub(super) months_tables: Rc<Vec<Table>>,
    pub(super) plan: Rc<Plan>,
    pub(super) model: Rc<PayoutModel>,
    pub(super) names: Rc<Vec<String>>,
    pub(super) lang: Lang,
    pub(super) cents: bool,
}

#[component]
pub(super) fn ForecastPanel(p: &ForecastProps) -> Html {
    let lang = p.lang;
    let months = use_state(|| 10_000.0f64);
    let seed = use_state(|| 1.0f64);
    let default_cv = use_state(|| 0.1f64);
    let user_rho = use_state(|| 0.0f64);
    let note = use_state(|| None::<jobs::Note>);
    let corr_line = use_state(String::new);
    let cancel = use_mut_ref(|| Rc::new(Cell::new(false)));
    let progress = use_state(|| None::<(usize, usize)>);
    let result = use_state(|| None::<(Rc<ForecastResult>, Rc<Vec<Variability>>)>);
    let vars_used = use_mut_ref(|| Rc::new(Vec::<Variability>::new()));
    {
        // Leaving the workspace stops a running forecast.
        let cancel = cancel.clone();
        use_effect_with((), move |_| move || cancel.borrow().set(true));
    }
    // Recomputed only when its inputs change, not on every progress render.
    let vars = {
        let (months_tables, table, plan, model) = (
            p.months_tables.clone(),
            p.table.clone(),
            p.plan.clone(),
            p.model.clone(),
        );
        let key = (
            Rc::as_ptr(&p.months_tables) as usize,
            Rc::as_ptr(&p.table) as usize,
            Rc::as_ptr(&p.plan) as usize,
            Rc::as_ptr(&p.model) as usize,
            default_cv.to_bits(),
        );
        let cv = *default_cv;
        use_memo(key, move |_| {
            let refs: Vec<&Table> = months_tables.iter().collect();
            variabilities(&refs, &table, &plan, &model, cv)
        })
    };
    let on_run = {
        let (cancel, progress, result, vars_used) = (
            cancel.clone(),
            progress.clone(),
            result.clone(),
            vars_used.clone(),
        );
        let (table, plan, model, vars) = (
            p.table.clone(),
            p.plan.clone(),
            p.model.clone(),
            (*vars).clone(),
        );
        let (months, seed) = (*months, *seed);
        let n_agents = p.names.len();
        let (note, corr_line, months_tables, user_rho) = (
            note.clone(),
            corr_line.clone(),
            p.months_tables.clone(),
            *user_rho,
        );
        Callback::from(move |_| {
            cancel.borrow().set(true);
            let flag = Rc::new(Cell::new(false));
            *cancel.borrow_mut() = flag.clone();
            if months > MAX_MONTHS as f64 {
                note.set(Some(jobs::Note {
                    msg: Msg::McTooMany,
                    args: vec![crate::model::unit::format_grouped(MAX_MONTHS as f64, 0)],
                    ended: true,
                }));
                progress.set(None);
                return;
            }
            let n = months.max(1.0) as usize;
            let refs: Vec<&Table> = months_tables.iter().collect();
            let (correlation, from) = choose_correlation(&refs, &vars, user_rho);
            let spec = ForecastSpec {
                table: (*table).clone(),
                plan: (*plan).clone(),
                model: (*model).clone(),
                vars: vars.clone(),
                months: n,
                seed: seed.max(0.0) as u64,
                correlation,
            };
            // The correlations do not depend on the months: a one-month
            // forecast names them without the page holding every month's pays.
            let probe = Forecast::from_spec(ForecastSpec {
                months: 1,
                ..spec.clone()
            });
            corr_line.set(correlation_text(probe.correlations(), from, user_rho, lang));
            *vars_used.borrow_mut() = Rc::new(vars.clone());
            progress.set(Some((0, n)));
            note.set(None);
            let on_note = super::note_callback(&note, &progress);
            let (progress, result, vars_used) =
                (progress.clone(), result.clone(), vars_used.clone());
            let on_tick = Callback::from(move |t: jobs::Tick| match t {
                jobs::Tick::Done(r) => {
                    result.set(Some((r, vars_used.borrow().clone())));
                    progress.set(None);
                }
                jobs::Tick::Progress(done, all) => progress.set(Some((done, all))),
            });
            // About 20,000 agent-months per chunk, so a chunk stays well under a slice.
            let chunk = (20_000 / n_agents.max(1)).max(1);
            jobs::forecast(spec, flag, chunk, on_tick, on_note);
        })
    };
    let on_cancel = {
        let (cancel, progress) = (cancel.clone(), progress.clone());
        Callback::from(move |_| {
            cancel.borrow().set(true);
            progress.set(None);
        })
    };
    let source = |v: &Variability| match v.source {
        CvSource::History(n) => Msg::McFromHistory.fill(lang, &[n.to_string()]),
        CvSource::Default => Msg::McFromDefault.t(lang).to_string(),
        CvSource::Held => Msg::McHeld.t(lang).to_string(),
        CvSource::Formula => Msg::McRecomputed.t(lang).to_string(),
    };
    let recomputed: Vec<String> = vars
        .iter()
        .filter(|v| v.source == CvSource::Formula)
        .map(|v| display_name(&p.table, &v.column, lang))
        .collect();
    let running = progress.is_some();
    let res = result.as_ref().map(|(r, used)| {
        html! { <ForecastResultView result={r.clone()} used={used.clone()} table={p.table.clone()} names={p.names.clone()} {lang} cents={p.cents} /> }
    });
    let setter = |h: &UseStateHandle<f64>| {
        let h = h.clone();
        Callback::from(move |v: f64| h.set(v))
    };
    html! {
        <section class="card" aria-labelledby="mc-title">
            <h3 id="mc-title">{ Msg::McTitle.t(lang) }</h3>
            <p class="help muted">{ Msg::McHelp.t(lang) }</p>
            <div class="params">
                <NumberField id="mc-months" label={Msg::McMonthsLabel.t(lang)} value={*months} {lang} on_change={setter(&months)} />
                <NumberField id="mc-seed" label={Msg::McSeed.t(lang)} value={*seed} {lang} on_change={setter(&seed)} />
                <NumberField id="mc-cv" label={Msg::McDefaultCv.t(lang)} value={*default_cv} unit={Unit::Percent} {lang} suffix="%" on_change={setter(&default_cv)} />
                <NumberField id="mc-rho" label={Msg::McCorrLabel.t(lang)} value={*user_rho} {lang} on_change={setter(&user_rho)} />
            </div>
            <table class="plain compact"><thead><tr><th>{ Msg::McColMetric.t(lang) }</th><th class="num">{ Msg::McColCv.t(lang) }</th><th>{ Msg::McColSource.t(lang) }</th></tr></thead>
                <tbody>{ for vars.iter().map(|v| html! { <tr><td>{ display_name(&p.table, &v.column, lang) }</td><td class="num">{ if matches!(v.source, CvSource::Held | CvSource::Formula) { "—".into() } else { pct(v.cv) } }</td><td>{ source(v) }</td></tr> }) }</tbody></table>
            if !recomputed.is_empty() { <p class="muted" data-testid="mc-recomputed">{ Msg::McRecomputedLine.fill(lang, &[recomputed.join(if lang == crate::i18n::Lang::Zh { "、" } else { ", " })]) }</p> }
            <div class="actions">
                <button type="button" class="primary" onclick={on_run} disabled={running} data-testid="mc-run">{ Msg::McRun.t(lang) }</button>
                if running { <button type="button" onclick={on_cancel} data-testid="mc-cancel">{ Msg::McCancel.t(lang) }</button> }
            </div>
            if let Some((done, all)) = *progress {
                <div class="progress" role="status">
                    <progress max={all.to_string()} value={done.to_string()} data-testid="mc-progress"></progress>
                    <span>{ Msg::McProgress.fill(lang, &[done.to_string(), all.to_string()]) }</span>
                </div>
            }
            if !corr_line.is_empty() { <p class="muted" data-testid="mc-corr">{ (*corr_line).clone() }</p> }
            if let Some(n) = note.as_ref() { <p class={if n.ended { "field-error" } else { "muted" }} role="status" data-testid="mc-note">{ n.msg.fill(lang, &n.args) }</p> }
            { for res }
        </section>
    }
}

#[derive(Properties)]
struct ResultProps {
    result: Rc<ForecastResult>,
    used: Rc<Vec<Variability>>,
    table: Rc<Table>,
    names: Rc<Vec<String>>,
    lang: Lang,
    cents: bool,
}

/// Same result, same inputs: by pointer, so a progress render of the panel
/// compares a few words instead of the tables.
impl PartialEq for ResultProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.result, &o.result)
            && Rc::ptr_eq(&self.used, &o.used)
            && Rc::ptr_eq(&self.table, &o.table)
            && Rc::ptr_eq(&self.names, &o.names)
            && self.lang == o.lang
            && self.cents == o.cents
    }
}

/// A finished forecast: its own component, so progress updates of the
/// panel during the next run do not re-render it.
#[component]
fn ForecastResultView(p: &ResultProps) -> Html {
    let (lang, cents) = (p.lang, p.cents);
    let (r, used) = (&*p.result, &*p.used);
    let agents_shown = use_state(|| crate::ui::components::fields::PAGE_ROWS);
    let source = |v: &Variability| match v.source {
        CvSource::History(n) => Msg::McFromHistory.fill(lang, &[n.to_string()]),
        CvSource::Default => Msg::McFromDefault.t(lang).to_string(),
        CvSource::Held => Msg::McHeld.t(lang).to_string(),
        CvSource::Formula => Msg::McRecomputed.t(lang).to_string(),
    };
    let max_count = r.histogram.iter().map(|b| b.2).max().unwrap_or(1).max(1) as f64;
    let (w, h) = (640.0, 200.0);
    let bw = (w - 20.0) / r.histogram.len().max(1) as f64;
    html! { <div data-testid="mc-result">
        <dl class="stats">
            <div><dt>{ "P5" }</dt><dd data-testid="mc-p5">{ money(r.p5, cents) }</dd></div>
            <div><dt>{ "P50" }</dt><dd data-testid="mc-p50">{ money(r.p50, cents) }</dd></div>
            <div><dt>{ "P95" }</dt><dd data-testid="mc-p95">{ money(r.p95, cents) }</dd></div>
            <div><dt>{ Msg::McMean.t(lang) }</dt><dd>{ money(r.mean, cents) }</dd></div>
            if let Some(o) = r.p_over_budget { <div><dt>{ Msg::McOverBudget.t(lang) }</dt><dd data-testid="mc-over">{ pct(o) }</dd></div> }
        </dl>
        <p class="muted">{ Msg::McDone.fill(lang, &[r.months.to_string()]) }</p>
        <svg class="chart hist" viewBox={format!("0 0 {w} {h}")} role="img" aria-label={Msg::McHistTitle.t(lang)}>
            <title>{ Msg::McHistTitle.t(lang) }</title>
            { for r.histogram.iter().enumerate().map(|(i, (_, _, c))| {
                let bh = *c as f64 / max_count * (h - 40.0);
                let x = 10.0 + i as f64 * bw;
                html! { <g>
                    <rect class="bar" x={format!("{:.1}", x + 1.0)} y={format!("{:.1}", h - 24.0 - bh)} width={format!("{:.1}", (bw - 2.0).max(1.0))} height={format!("{bh:.1}")} />
                </g> }
            }) }
            // Axis labels at round amounts (¥1,000, ¥2,000…), placed by value, not at bin edges.
            { for round_ticks(r.histogram.first().map(|b| b.0), r.histogram.last().map(|b| b.1)).into_iter().map(|(v, frac)| {
                let x = 10.0 + frac * (w - 20.0);
                html! { <text class="tick" x={format!("{x:.1}")} y={format!("{:.1}", h - 8.0)} text-anchor="middle">{ money(v, false) }</text> }
            }) }
        </svg>
        <details class="table-view"><summary>{ Msg::QaCurveTable.t(lang) }</summary>
            <table class="plain" data-testid="mc-hist-table">
                <thead><tr><th>{ Msg::McBin.t(lang) }</th><th class="num">{ Msg::McMonths.t(lang) }</th></tr></thead>
                <tbody>{ for r.histogram.iter().map(|(lo, hi, c)| html! { <tr><td>{ format!("{} – {}", money(*lo, cents), money(*hi, cents)) }</td><td class="num">{ c }</td></tr> }) }</tbody>
            </table></details>
        <details class="table-view"><summary>{ Msg::McVarTitle.t(lang) }</summary>
            <table class="plain"><thead><tr><th>{ Msg::McColMetric.t(lang) }</th><th class="num">{ Msg::McColCv.t(lang) }</th><th>{ Msg::McColSource.t(lang) }</th></tr></thead>
            <tbody>{ for used.iter().map(|v| html! { <tr><td>{ display_name(&p.table, &v.column, lang) }</td><td class="num">{ if matches!(v.source, CvSource::Held | CvSource::Formula) { "—".into() } else { pct(v.cv) } }</td><td>{ source(v) }</td></tr> }) }</tbody></table></details>
        <details class="table-view"><summary>{ Msg::McAgentTitle.fill(lang, &[r.per_agent_months.to_string()]) }</summary>
            <table class="plain" data-testid="mc-agents"><thead><tr><th>{ Msg::ColAgent.t(lang) }</th><th class="num">{ "P5" }</th><th class="num">{ "P50" }</th><th class="num">{ "P95" }</th></tr></thead>
            <tbody>{ for r.per_agent.iter().enumerate().take(*agents_shown).map(|(i, (_, lo, mid, hi))| html! {
                <tr><td>{ p.names.get(i).cloned().unwrap_or_default() }</td><td class="num">{ money(*lo, cents) }</td><td class="num">{ money(*mid, cents) }</td><td class="num">{ money(*hi, cents) }</td></tr>
            }) }</tbody></table>
            { crate::ui::components::fields::more_rows(&agents_shown, r.per_agent.len(), lang) }</details>
    </div> }
}
