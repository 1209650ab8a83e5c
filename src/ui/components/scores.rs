//! The 成绩 Scores workspace: every agent's raw value, item points, weighted
//! points, total, rank and grade under a plan; team averages; a histogram
//! of totals with a table view; "why this score" for one agent; and plan A
//! vs plan B.

use super::fields::{column_label, column_title, select_value};
use super::plan::rule_name;
use crate::i18n::{Lang, Msg};
use crate::model::formula::value::general;
use crate::model::plan::{item_lower, next_grade, score, AgentScore, Explain, Plan, PlanScores};
use crate::model::round::round_dp;
use crate::model::unit::format_value;
use crate::model::{Command, MetricId, Table, Unit};
use crate::ui::state::{Action, AppContext};
use yew::prelude::*;

/// Points as shown: two decimals, rounded half away from zero.
pub fn pts(v: f64) -> String {
    crate::model::unit::format_grouped(v, 2)
}

fn unit_of(table: &Table, column: &str) -> Unit {
    crate::model::formula::calc::resolve(table, column)
        .and_then(|c| table.columns.get(c))
        .map(|c| c.unit)
        .unwrap_or(Unit::Number)
}

/// The rule applied, with the agent's numbers filled in.
pub fn explain_text(e: &Explain, unit: Unit, lang: Lang) -> String {
    let v = |x: f64| format_value(x, unit, lang);
    let p = |x: f64| general(round_dp(x, 4));
    match e {
        Explain::Missing => Msg::ExMissing.t(lang).into(),
        Explain::Ratio {
            actual,
            target,
            lower,
            raw,
            floor,
            cap,
        } => {
            let head = if *lower {
                Msg::ExRatioLower
            } else {
                Msg::ExRatio
            };
            let mut s = head.fill(lang, &[v(*actual), v(*target), p(*raw)]);
            if raw > cap || raw < floor {
                s.push_str(
                    &Msg::ExClamp.fill(lang, &[p(*floor), p(*cap), p(raw.max(*floor).min(*cap))]),
                );
            }
            s
        }
        Explain::Linear {
            actual,
            knots,
            raw,
            cap,
        } => {
            let k: Vec<String> = knots
                .iter()
                .map(|(x, y)| format!("{} → {}", v(*x), p(*y)))
                .collect();
            let shown = raw.min(*cap).max(0.0);
            Msg::ExLinear.fill(lang, &[k.join(Msg::ListSep.t(lang)), v(*actual), p(shown)])
        }
        Explain::Band {
            actual,
            lower,
            matched,
            otherwise,
        } => match matched {
            Some(b) => Msg::ExBand.fill(
                lang,
                &[
                    v(*actual),
                    if *lower { "≤" } else { "≥" }.into(),
                    v(b.threshold),
                    p(b.points),
                ],
            ),
            None => Msg::ExBandNone.fill(lang, &[v(*actual), p(*otherwise)]),
        },
        Explain::Relative {
            actual,
            average,
            lower,
            raw,
            cap,
        } => {
            let head = if *lower {
                Msg::ExRelativeLower
            } else {
                Msg::ExRelative
            };
            let mut s = head.fill(lang, &[v(*actual), v(*average), p(*raw)]);
            if raw > cap || *raw < 0.0 {
                s.push_str(
                    &Msg::ExClamp.fill(lang, &["0".into(), p(*cap), p(raw.max(0.0).min(*cap))]),
                );
            }
            s
        }
        Explain::Rank { rank, n } => {
            let pts = if *n <= 1 {
                100.0
            } else {
                100.0 * (n - rank) as f64 / (n - 1) as f64
            };
            Msg::ExRank.fill(lang, &[rank.to_string(), n.to_string(), p(pts)])
        }
        Explain::Percentile { worse, n } => {
            let pts = if *n <= 1 {
                100.0
            } else {
                100.0 * *worse as f64 / (n - 1) as f64
            };
            Msg::ExPercentile.fill(lang, &[worse.to_string(), n.to_string(), p(pts)])
        }
        Explain::Gate {
            actual,
            threshold,
            lower,
            passed,
            ..
        } => {
            let m = if *passed {
                Msg::ExGatePass
            } else {
                Msg::ExGateFail
            };
            m.fill(
                lang,
                &[
                    if *lower { "≤" } else { "≥" }.into(),
                    v(*threshold),
                    v(*actual),
                ],
            )
        }
    }
}

/// Histogram bins of 10 points, 0–10, 10–20, … up to the highest total.
fn bins(totals: &[f64]) -> Vec<(u32, usize)> {
    let top = totals.iter().copied().fold(100.0f64, f64::max).min(1000.0);
    let n = (top / 10.0).ceil() as u32;
    (0..n.max(1))
        .map(|b| {
            let lo = f64::from(b) * 10.0;
            let last = b + 1 == n.max(1);
            let c = totals
                .iter()
                .filter(|t| **t >= lo && (**t < lo + 10.0 || (last && **t <= lo + 10.0)))
                .count();
            (b * 10, c)
        })
        .collect()
}

fn histogram(totals: &[f64], lang: Lang) -> Html {
    let bs = bins(totals);
    let max = bs.iter().map(|b| b.1).max().unwrap_or(1).max(1) as f64;
    // Drawn at the width it gets on screen, so a phone keeps 12 px labels.
    let w = crate::ui::components::chart::chart_width();
    let narrow = w < 500.0;
    let h = 180.0;
    // Room above the tallest bar for its count.
    let top = 20.0;
    let bw = (w - 40.0) / bs.len().max(1) as f64;
    html! {
        <section class="card">
            <h3>{ Msg::HistTitle.t(lang) }</h3>
            <svg class={classes!("chart", "hist", "scores-hist", narrow.then_some("narrow"))} viewBox={format!("0 0 {w} {h}")} role="img" aria-label={Msg::HistTitle.t(lang)}>
                <title>{ Msg::HistTitle.t(lang) }</title>
                { for bs.iter().enumerate().map(|(i, (lo, c))| {
                    let bh = *c as f64 / max * (h - 24.0 - top);
                    let x = 30.0 + i as f64 * bw;
                    html! { <g>
                        <rect class="bar" x={format!("{:.1}", x + 2.0)} y={format!("{:.1}", h - 24.0 - bh)} width={format!("{:.1}", bw - 4.0)} height={format!("{bh:.1}")} />
                        if *c > 0 { <text x={format!("{:.1}", x + bw / 2.0)} y={format!("{:.1}", h - 28.0 - bh)} text-anchor="middle" class="count">{ c }</text> }
                        <text class={classes!("tick", (i % 2 == 1).then_some("odd"))} x={format!("{:.1}", x + bw / 2.0)} y={format!("{:.1}", h - 8.0)} text-anchor="middle">{ lo }</text>
                    </g> }
                }) }
            </svg>
            <details class="table-view">
                <summary>{ Msg::QaCurveTable.t(lang) }</summary>
                <table class="plain" data-testid="hist-table">
                    <thead><tr><th>{ Msg::HistBin.t(lang) }</th><th class="num">{ Msg::HistCount.t(lang) }</th></tr></thead>
                    <tbody>{ for bs.iter().map(|(lo, c)| html! { <tr><td>{ format!("{lo}–{}", lo + 10) }</td><td class="num">{ c }</td></tr> }) }</tbody>
                </table>
            </details>
        </section>
    }
}

fn why(
    table: &Table,
    plan: &Plan,
    s: &PlanScores,
    a: &AgentScore,
    lang: Lang,
    on_close: Callback<MouseEvent>,
) -> Html {
    let name = table.agent_name(a.row);
    let label = s.grade_labels.get(a.grade).cloned().unwrap_or_default();
    let next = next_grade(table, plan, a);
    html! {
        <section class="card why" data-testid="why" aria-labelledby="why-title">
            <div class="why-head">
                <h3 id="why-title">{ Msg::WhyTitle.fill(lang, std::slice::from_ref(&name)) }</h3>
                <button type="button" class="link" onclick={on_close}>{ Msg::WhyClose.t(lang) }</button>
            </div>
            <table class="plain why-table">
                <thead><tr>
                    <th>{ Msg::PlanColColumn.t(lang) }</th><th class="num">{ Msg::PlanColWeight.t(lang) }</th>
                    <th>{ Msg::PlanColRule.t(lang) }</th><th class="num">{ Msg::ColPoints.t(lang) }</th><th class="num">{ Msg::ColWeighted.t(lang) }</th>
                </tr></thead>
                <tbody>
                    { for plan.items.iter().zip(&a.items).map(|(it, sc)| {
                        let unit = unit_of(table, &it.column);
                        html! { <tr>
                            <td class="why-item" title={column_title(table, &it.column, lang)}>{ column_label(table, &it.column, lang) }</td>
                            <td class="num" data-label={Msg::PlanColWeight.t(lang)}>{ format!("{}%", general(it.weight)) }</td>
                            <td class="why-rule" data-label={Msg::PlanColRule.t(lang)}>{ rule_name(it.rule.kind()).t(lang) }{ Msg::LabelColon.t(lang) }{ explain_text(&sc.explain, unit, lang) }</td>
                            <td class="num" data-label={Msg::ColPoints.t(lang)}>{ pts(sc.points) }</td>
                            <td class="num strong" data-label={Msg::ColWeighted.t(lang)}>{ format!("{} × {}% = {}", pts(sc.points), general(it.weight), pts(sc.weighted)) }</td>
                        </tr> }
                    }) }
                </tbody>
            </table>
            <p class="strong">{ Msg::WhyTotal.fill(lang, &[pts(a.total), a.rank.to_string(), label]) }</p>
            if a.gated { <p class="field-error">{ Msg::WhyGated.t(lang) }</p> }
            { match next {
                Some(n) => html! { <div data-testid="next-grade">
                    <p>{ Msg::WhyNext.fill(lang, &[n.label.clone(), pts(n.gap)]) }</p>
                    <ul>{ for n.by_item.iter().filter_map(|(i, v)| plan.items.get(*i).map(|it| {
                        let unit = unit_of(table, &it.column);
                        let _ = item_lower(it, table);
                        html! { <li>{ Msg::WhyNextItem.fill(lang, &[column_label(table, &it.column, lang), format_value(*v, unit, lang)]) }</li> }
                    })) }</ul>
                </div> },
                None if a.grade == 0 => html! { <p>{ Msg::WhyTop.t(lang) }</p> },
                None => Html::default(),
            } }
        </section>
    }
}

#[component]
pub fn ScoresWorkspace() -> Html {
    let selected = use_state(|| None::<usize>);
    let filter = use_state(String::new);
    let sort = use_state(|| (None::<usize>, false));
    let shown = use_state(|| super::fields::PAGE_ROWS);
    let Some(state) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = state.lang;
    let plans = state.workbook.plans();
    let idx = state.plan().min(plans.len().saturating_sub(1));
    let Some(plan) = plans.get(idx) else {
        return html! { <div class="workspace scores"><p class="muted">{ Msg::NoPlans.t(lang) }</p></div> };
    };
    // A month's plan scores that month's table.
    let month_table = state.workbook.table_for(&plan.month);
    let table = state.workbook.table_for_plan(plan);
    let month_note = match month_table {
        Some(_) => Msg::ScoresMonth.fill(lang, std::slice::from_ref(&plan.month)),
        None => Msg::ScoresMonthFallback.fill(
            lang,
            &[plan.month.clone(), state.workbook.month().to_string()],
        ),
    };
    let s = score(table, plan);
    // A plan that scores nobody says why, with the fix one click away.
    let empty_why = s
        .agents
        .is_empty()
        .then(|| crate::model::plan_fit::why_empty(plan, table))
        .flatten()
        .map(|(m, mut a)| {
            // The groups the data has, listed the way `lang` lists things.
            if let Some(g) = a.get_mut(1) {
                *g = g.split('、').collect::<Vec<_>>().join(Msg::ListSep.t(lang));
            }
            (m, a)
        });
    let item_problems: Vec<_> = crate::model::plan_fit::item_problems(plan, table)
        .into_iter()
        .map(|(i, m, a)| {
            (
                i,
                m,
                a.iter()
                    .map(|c| column_label(table, c, lang))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let cmp = state
        .compare()
        .filter(|c| *c != idx)
        .and_then(|c| plans.get(c))
        .map(|p| (p, score(table, p)));
    let valid = !s.issues.iter().any(|i| i.error);
    let gcol = table.column_of(MetricId::Group);
    let group_of = |row: usize| {
        gcol.and_then(|c| table.cell(row, c))
            .map(|c| c.display(Unit::Text, lang))
            .unwrap_or_default()
    };

    // Row order: by rank unless a column was chosen.
    let mut rows: Vec<&AgentScore> = s
        .agents
        .iter()
        .filter(|a| filter.is_empty() || group_of(a.row) == *filter)
        .collect();
    let (sort_col, asc) = *sort;
    crate::model::order::sort_by(&mut rows, |a, b| {
        let key = |x: &AgentScore| match sort_col {
            Some(i) => x.items.get(i).map(|s| s.points).unwrap_or(0.0),
            None => x.total,
        };
        let o = key(b).total_cmp(&key(a)).then(a.row.cmp(&b.row));
        if asc {
            o.reverse()
        } else {
            o
        }
    });
    let sort_by = |c: Option<usize>| {
        let sort = sort.clone();
        Callback::from(move |_| {
            let (cur, asc) = *sort;
            sort.set(if cur == c { (c, !asc) } else { (c, false) });
        })
    };
    let on_plan = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e).and_then(|v| v.parse().ok()) {
                state.dispatch(Action::SelectPlan(v))
            }
        })
    };
    let on_cmp = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e) {
                state.dispatch(Action::SetCompare(v.parse().ok()))
            }
        })
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e) {
                filter.set(v)
            }
        })
    };
    let grade_of = |sc: &PlanScores, row: usize| {
        sc.for_row(row)
            .and_then(|a| sc.grade_labels.get(a.grade).cloned())
    };

    let head_items = plan.items.iter().enumerate().map(|(i, it)| html! {
        <th colspan="3" class="item-head" title={column_title(table, &it.column, lang)}>
            <button type="button" class="sort" onclick={sort_by(Some(i))}>{ format!("{} · {}%", column_label(table, &it.column, lang), general(it.weight)) }</button>
        </th>
    });
    let row_count = rows.len();
    let body = rows.iter().take(*shown).map(|a| {
        let row = a.row;
        let onclick = {
            let selected = selected.clone();
            Callback::from(move |_| selected.set(Some(row)))
        };
        let cells = plan.items.iter().zip(&a.items).map(|(it, sc)| {
            let unit = unit_of(table, &it.column);
            html! { <>
                <td class="num raw">{ sc.raw.map(|v| format_value(v, unit, lang)).unwrap_or_else(|| "—".into()) }</td>
                <td class="num">{ pts(sc.points) }</td>
                <td class="num muted">{ pts(sc.weighted) }</td>
            </> }
        });
        let grade = s.grade_labels.get(a.grade).cloned().unwrap_or_default();
        let compare_cells = cmp.as_ref().map(|(_, cs)| {
            let b = cs.for_row(row);
            let tb = b.map(|b| b.total).unwrap_or(0.0);
            let d = tb - a.total;
            let gb = grade_of(cs, row).unwrap_or_else(|| "—".into());
            html! { <>
                <td class="num">{ b.map(|b| pts(b.total)).unwrap_or_else(|| "—".into()) }</td>
                <td class={classes!("num", if d > 0.0 { "up" } else if d < 0.0 { "down" } else { "" })}>{ if b.is_some() { format!("{}{}", if d > 0.0 { "+" } else { "" }, pts(d)) } else { "—".into() } }</td>
                <td class="num">{ format!("{} → {}", a.rank, b.map(|b| b.rank.to_string()).unwrap_or_else(|| "—".into())) }</td>
                <td class={classes!((gb != grade).then_some("moved"))}>{ format!("{grade} → {gb}") }</td>
            </> }
        });
        html! {
            <tr key={row} class={classes!((*selected == Some(row)).then_some("sel"))} {onclick} data-testid={format!("score-row-{row}")}>
                <td class="num">{ a.rank }</td>
                <th scope="row"><button type="button" class="link agent">{ table.agent_name(row) }</button></th>
                <td>{ group_of(row) }</td>
                { for cells }
                <td class="num strong" data-testid={format!("total-{row}")}>{ pts(a.total) }</td>
                <td class="center"><span class={classes!("grade", format!("g{}", a.grade))}>{ grade }</span></td>
                { for compare_cells }
            </tr>
        }
    });
    let averages = s.item_averages.iter().map(|(p, w)| html! { <><td></td><td class="num">{ pts(*p) }</td><td class="num muted">{ pts(*w) }</td></> });
    let summary = cmp.as_ref().map(|(_, cs)| {
        let mut up = 0;
        let mut down = 0;
        for a in &s.agents {
            if let Some(b) = cs.for_row(a.row) {
                let (la, lb) = (s.grade_labels.get(a.grade), cs.grade_labels.get(b.grade));
                if la != lb {
                    // Grades are listed best first, so a lower index is a better grade.
                    if b.grade < a.grade { up += 1 } else { down += 1 }
                }
            }
        }
        html! { <p class="recommendation" data-testid="compare-summary">{ Msg::CompareSummary.fill(lang, &[(up + down).to_string(), up.to_string(), down.to_string()]) }</p> }
    });
    let selected_score = selected.and_then(|r| s.for_row(r));
    let on_close = {
        let selected = selected.clone();
        Callback::from(move |_| selected.set(None))
    };
    let totals: Vec<f64> = s.agents.iter().map(|a| a.total).collect();
    html! {
        <div class="workspace scores">
            <div class="plan-bar">
                <div class="field"><label for="scores-plan">{ Msg::PlanSelect.t(lang) }</label>
                    <select id="scores-plan" onchange={on_plan}>
                        { for plans.iter().enumerate().map(|(i, p)| html! { <option value={i.to_string()} selected={i == idx}>{ format!("{} · {}", p.name, p.month) }</option> }) }
                    </select></div>
                <div class="field"><label for="scores-compare">{ Msg::ScoresCompare.t(lang) }</label>
                    <select id="scores-compare" onchange={on_cmp}>
                        <option value="" selected={cmp.is_none()}>{ Msg::ScoresCompareNone.t(lang) }</option>
                        { for plans.iter().enumerate().filter(|(i, _)| *i != idx).map(|(i, p)| html! {
                            <option value={i.to_string()} selected={state.compare() == Some(i)}>{ format!("{} · {}", p.name, p.month) }</option>
                        }) }
                    </select></div>
                <div class="field"><label for="scores-filter">{ Msg::ScoresFilter.t(lang) }</label>
                    <select id="scores-filter" onchange={on_filter}>
                        <option value="" selected={filter.is_empty()}>{ Msg::PlanGroupAll.t(lang) }</option>
                        { for table.groups().iter().map(|(g, _)| html! { <option value={g.clone()} selected={*filter == *g}>{ g.clone() }</option> }) }
                    </select></div>
            </div>
            <p class={classes!("muted", month_table.is_none().then_some("field-error"))} data-testid="scores-month">{ month_note }</p>
            <div class="actions"><button type="button" onclick={{
                let state = state.clone();
                let name = format!("{}-{}-{}.csv", Msg::FileScores.t(lang), plan.name, plan.month);
                // Built on click, not on every render.
                Callback::from(move |_| {
                    let wb = &state.workbook;
                    let Some(plan) = wb.plans().get(idx) else { return };
                    let table = wb.table_for_plan(plan);
                    let text = crate::io::export::scores_csv(table, plan, &score(table, plan), lang);
                    if let Err(e) = crate::ui::browser::download(&name, "text/csv;charset=utf-8", &text) {
                        state.dispatch(Action::Notify(crate::ui::state::Notice { msg: Msg::DownloadFailed, args: vec![e], error: true }));
                    }
                })
            }}>{ Msg::ExportScoresCsv.t(lang) }</button></div>
            if let Some((m, a)) = &empty_why {
                <div class="validation bad" role="alert" data-testid="scores-empty">
                    <p>{ m.fill(lang, a) }</p>
                    if plan.group.is_some() && *m != Msg::WhyEmptyNoAgents {
                        <button type="button" onclick={{
                            let state = state.clone();
                            let mut fixed = plan.clone();
                            fixed.group = None;
                            Callback::from(move |_| state.dispatch(Action::Apply(Command::EditPlan { id: fixed.id, plan: Box::new(fixed.clone()) })))
                        }}>{ Msg::WhyEmptyFixGroup.t(lang) }</button>
                    }
                </div>
            }
            if !item_problems.is_empty() {
                <ul class="validation warn" data-testid="scores-item-problems">{ for item_problems.iter().map(|(_, m, a)| html! { <li>{ m.fill(lang, a) }</li> }) }</ul>
            }
            if !valid && empty_why.is_none() { <p class="validation bad" role="alert" data-testid="scores-invalid">{ "✗ " }{ Msg::ScoresInvalid.t(lang) }</p> }
            <p class="help muted">{ Msg::WhyHint.t(lang) }</p>
            { super::qa_noise::scores_warning(table, plan, state.workbook.qa(), lang) }
            { for summary }
            <div class="table-scroll scores-scroll">
                <table class="plain scores-table" data-testid="scores-table">
                    <thead>
                        <tr>
                            <th rowspan="2"><button type="button" class="sort" onclick={sort_by(None)}>{ Msg::ColRank.t(lang) }</button></th>
                            <th rowspan="2">{ Msg::ColAgent.t(lang) }</th><th rowspan="2">{ Msg::ColGroup.t(lang) }</th>
                            { for head_items }
                            <th rowspan="2" class="num"><button type="button" class="sort" onclick={sort_by(None)}>{ Msg::ColTotal.t(lang) }</button></th>
                            <th rowspan="2">{ Msg::ColGrade.t(lang) }</th>
                            if cmp.is_some() {
                                <th rowspan="2" class="num">{ Msg::ColTotalB.t(lang) }</th><th rowspan="2" class="num">{ Msg::ColDelta.t(lang) }</th>
                                <th rowspan="2" class="num">{ Msg::ColRankB.t(lang) }</th><th rowspan="2">{ Msg::ColGradeB.t(lang) }</th>
                            }
                        </tr>
                        <tr>{ for plan.items.iter().map(|_| html! { <>
                            <th class="num sub">{ Msg::ColRaw.t(lang) }</th><th class="num sub">{ Msg::ColPoints.t(lang) }</th><th class="num sub">{ Msg::ColWeighted.t(lang) }</th>
                        </> }) }</tr>
                    </thead>
                    <tbody>{ for body }</tbody>
                    <tfoot><tr>
                        <td></td><th scope="row">{ Msg::RowAverage.t(lang) }</th><td></td>
                        { for averages }
                        <td class="num strong" data-testid="average-total">{ pts(s.average_total) }</td><td></td>
                        if cmp.is_some() { <td colspan="4"></td> }
                    </tr></tfoot>
                </table>
            </div>
            { super::fields::more_rows(&shown, row_count, lang) }
            { selected_score.map(|a| why(table, plan, &s, a, lang, on_close)).unwrap_or_default() }
            { histogram(&totals, lang) }
        </div>
    }
}
