//! The 质检 QA workspace: agent count, the three sizing methods with their
//! arithmetic, the comparison with a recommendation, cost, and the curve.
//!
//! Inputs change only through `Command::SetQa`; a candidate that fails the
//! model's validation is not applied, and its message shows at the field.

use super::chart::{Series, StepChart};
use super::fields::NumberField;
use crate::i18n::{Lang, Msg};
use crate::model::qa::{
    curve, size_team, AgentSource, Confidence, MethodResult, QaField, QaParams, QaReport,
    Recommended, Role, RoleName, Sampling,
};
use crate::model::{format_value_pub as fmtv, Command, Unit};
use crate::ui::state::{Action, AppContext};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Upper end and step of the headcount curve.
const CURVE_MAX: u32 = 500;
const CURVE_STEP: u32 = 10;

fn role_name(r: &Role, lang: Lang) -> String {
    match &r.name {
        RoleName::Builtin(m) => m.t(lang).to_string(),
        RoleName::Custom(s) => s.clone(),
    }
}

/// A number for the working: up to `dp` decimals, trailing zeros dropped.
fn num(v: f64, dp: usize) -> String {
    crate::ui::format::trimmed(v, dp)
}

fn pct(v: f64) -> String {
    format!("{}%", num(v * 100.0, 2))
}

fn money(v: f64, lang: Lang) -> String {
    fmtv(v, Unit::Money, lang)
}

type Apply = Rc<dyn Fn(QaField, Box<dyn FnOnce(&mut QaParams)>)>;
type SetRole = Rc<dyn Fn(&mut Role, f64)>;

#[component]
pub fn QaWorkspace() -> Html {
    let state = use_context::<AppContext>();
    let errors = use_state(HashMap::<QaField, Msg>::new);
    let Some(state) = state else {
        return Html::default();
    };
    let lang = state.lang;
    let table = state.workbook.table();
    let qa = state.workbook.qa().clone();
    let eff = qa.resolved(table);
    let report = size_team(&eff);
    let staff_headcount = crate::model::staffing::plan(&qa.staffing).headcount;

    // Builds a candidate, validates it in the model, and applies it or shows why not.
    let apply: Apply = {
        let state = state.clone();
        let errors = errors.clone();
        let qa = qa.clone();
        Rc::new(move |field, change| {
            let mut cand = qa.clone();
            change(&mut cand);
            let problems = cand.validate().into_iter().map(|p| (p.field, p.msg));
            if crate::ui::components::field_errors::settle(&errors, field, problems) {
                state.dispatch(Action::Apply(Command::SetQa(Box::new(cand))));
            }
        })
    };
    let err = |f: QaField| {
        errors
            .get(&f)
            .map(|m| AttrValue::from(m.t(lang).to_string()))
    };
    let field = |id: &'static str,
                 label: Msg,
                 value: f64,
                 unit: Unit,
                 suffix: &str,
                 f: QaField,
                 set: fn(&mut QaParams, f64)| {
        let apply = apply.clone();
        let on_change =
            Callback::from(move |v: f64| apply(f, Box::new(move |p: &mut QaParams| set(p, v))));
        html! {
            <NumberField id={id} label={label.t(lang)} {value} {unit} suffix={suffix.to_string()}
                error={err(f)} {lang} {on_change} />
        }
    };

    // Agent source.
    let groups = table.groups();
    let source_value = match &qa.source {
        AgentSource::Team => "team".to_string(),
        AgentSource::Group(g) => format!("group:{g}"),
        AgentSource::Manual => "manual".to_string(),
        AgentSource::Staffing => "staffing".to_string(),
    };
    let on_source = {
        let apply = apply.clone();
        Callback::from(move |e: Event| {
            let Some(v) = super::fields::select_value(&e) else {
                return;
            };
            let source = if v == "team" {
                AgentSource::Team
            } else if v == "staffing" {
                AgentSource::Staffing
            } else if let Some(g) = v.strip_prefix("group:") {
                AgentSource::Group(g.to_string())
            } else {
                AgentSource::Manual
            };
            apply(
                QaField::Agents,
                Box::new(move |p: &mut QaParams| p.source = source),
            );
        })
    };
    let manual = qa.source == AgentSource::Manual;
    let agents_field = {
        let apply = apply.clone();
        let on_change = Callback::from(move |v: f64| {
            apply(
                QaField::Agents,
                Box::new(move |p: &mut QaParams| {
                    // Fractions and negatives are refused by validation through a
                    // sentinel above the maximum rather than silently rounded.
                    p.agents = if v >= 0.0 && v.fract() == 0.0 && v <= f64::from(u32::MAX) {
                        v as u32
                    } else {
                        u32::MAX
                    };
                    p.source = AgentSource::Manual;
                }),
            )
        });
        html! {
            <NumberField id="qa-agents" label={Msg::QaAgentsLabel.t(lang)} value={f64::from(eff.agents)}
                error={err(QaField::Agents)} {lang} {on_change} disabled={!manual} />
        }
    };

    // Ratio inputs.
    let int_field = |id: &'static str,
                     label: Msg,
                     value: u32,
                     f: QaField,
                     set: fn(&mut QaParams, u32)| {
        let apply = apply.clone();
        let on_change = Callback::from(move |v: f64| {
            let n = if v >= 0.0 && v.fract() == 0.0 && v <= 1e9 {
                v as u32
            } else {
                u32::MAX
            };
            apply(f, Box::new(move |p: &mut QaParams| set(p, n)))
        });
        html! {
            <NumberField id={id} label={label.t(lang)} value={f64::from(value)} error={err(f)} {lang} {on_change} />
        }
    };

    let roles_rows = qa.roles.iter().enumerate().map(|(i, r)| {
        let name = role_name(r, lang);
        let on_name = {
            let apply = apply.clone();
            Callback::from(move |e: Event| {
                if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                    let v = input.value().trim().to_string();
                    if !v.is_empty() {
                        apply(QaField::Roles, Box::new(move |p: &mut QaParams| {
                            if let Some(r) = p.roles.get_mut(i) {
                                r.name = RoleName::Custom(v);
                            }
                        }));
                    }
                }
            })
        };
        let on_lead = {
            let apply = apply.clone();
            Callback::from(move |e: Event| {
                if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                    let checked = input.checked();
                    apply(QaField::Roles, Box::new(move |p: &mut QaParams| {
                        if let Some(r) = p.roles.get_mut(i) {
                            r.leadership = checked;
                        }
                    }));
                }
            })
        };
        let on_remove = {
            let apply = apply.clone();
            Callback::from(move |_| {
                apply(QaField::Roles, Box::new(move |p: &mut QaParams| {
                    if i < p.roles.len() {
                        p.roles.remove(i);
                    }
                }))
            })
        };
        let num_cell = |id: String, label: String, value: f64, f: QaField, set: SetRole| {
            let apply = apply.clone();
            let on_change = Callback::from(move |v: f64| {
                let set = set.clone();
                apply(f, Box::new(move |p: &mut QaParams| {
                    if let Some(r) = p.roles.get_mut(i) {
                        set(r, v);
                    }
                }))
            });
            html! { <NumberField id={id} label={label} {value} error={err(f)} {lang} {on_change} /> }
        };
        let whole = |v: f64| if v >= 0.0 && v.fract() == 0.0 && v <= 1e9 { v as u32 } else { u32::MAX };
        html! {
            <tr key={i}>
                <td><input type="text" class="role-name" value={name.clone()} onchange={on_name}
                    aria-label={format!("{} {}", Msg::QaRoleName.t(lang), i + 1)} /></td>
                <td class="num">{ num_cell(format!("qa-role-base-{i}"), format!("{} · {name}", Msg::QaRoleBase.t(lang)), f64::from(r.base), QaField::RoleBase(i), Rc::new(move |r: &mut Role, v| r.base = whole(v))) }</td>
                <td class="center"><input type="checkbox" checked={r.leadership} onchange={on_lead}
                    aria-label={format!("{} · {name}", Msg::QaRoleLeadership.t(lang))} /></td>
                <td class="num">{ if r.leadership { num_cell(format!("qa-role-from-{i}"), format!("{} · {name}", Msg::QaRoleFrom.t(lang)), f64::from(r.from_total), QaField::RoleBase(i), Rc::new(move |r: &mut Role, v| r.from_total = whole(v))) } else { html! { <span class="muted">{ "—" }</span> } } }</td>
                <td class="num">{ num_cell(format!("qa-role-salary-{i}"), format!("{} · {name}", Msg::QaRoleSalary.t(lang)), r.salary, QaField::RoleSalary(i), Rc::new(|r: &mut Role, v| r.salary = v)) }</td>
                <td class="num strong" data-testid={format!("ratio-split-{i}")}>{ report.ratio.split.get(i).copied().unwrap_or(0) }</td>
                <td><button type="button" class="link" onclick={on_remove}
                    aria-label={Msg::QaRemoveRole.fill(lang, std::slice::from_ref(&name))}>{ "✕" }</button></td>
            </tr>
        }
    });
    let on_add_role = {
        let apply = apply.clone();
        Callback::from(move |_| {
            apply(
                QaField::Roles,
                Box::new(move |p: &mut QaParams| {
                    p.roles.push(Role {
                        name: RoleName::Builtin(Msg::QaNewRole),
                        base: 1,
                        leadership: false,
                        from_total: 0,
                        salary: 6_000.0,
                    })
                }),
            )
        })
    };

    // Sampling mode.
    let share_mode = matches!(qa.sampling, Sampling::Share(_));
    let on_mode = {
        let apply = apply.clone();
        let chats_month = qa.chats_per_month();
        let reviews = qa.current_reviews();
        Callback::from(move |e: Event| {
            let Some(v) = super::fields::select_value(&e) else {
                return;
            };
            let to_share = v == "share";
            apply(
                QaField::Sampling,
                Box::new(move |p: &mut QaParams| {
                    // Switching keeps the same number of reviews.
                    p.sampling = if to_share {
                        Sampling::Share(if chats_month > 0.0 {
                            reviews / chats_month
                        } else {
                            0.03
                        })
                    } else {
                        Sampling::Reviews(reviews.round().max(1.0))
                    };
                }),
            )
        })
    };
    let sampling_field = match qa.sampling {
        Sampling::Share(s) => field(
            "qa-share",
            Msg::QaShare,
            s,
            Unit::Percent,
            "%",
            QaField::Sampling,
            |p, v| p.sampling = Sampling::Share(v),
        ),
        Sampling::Reviews(r) => field(
            "qa-reviews",
            Msg::QaReviews,
            r,
            Unit::Number,
            "",
            QaField::Sampling,
            |p, v| p.sampling = Sampling::Reviews(v),
        ),
    };
    let on_conf = {
        let apply = apply.clone();
        Callback::from(move |e: Event| {
            let Some(v) = super::fields::select_value(&e) else {
                return;
            };
            let c = match v.as_str() {
                "90" => Confidence::C90,
                "99" => Confidence::C99,
                _ => Confidence::C95,
            };
            apply(
                QaField::Margin,
                Box::new(move |p: &mut QaParams| p.confidence = c),
            );
        })
    };

    let w = &report.workload_detail;
    let st = &report.statistical_detail;
    let agents_s = num(f64::from(eff.agents), 0);
    let working_workload = html! {
        <ol class="working" data-testid="workload-working">
            <li>{ match eff.sampling {
                Sampling::Share(s) => Msg::QaWlReviewsShare.fill(lang, &[num(eff.chats_per_day, 2), num(eff.workdays, 2), pct(s), num(w.reviews_per_agent, 2)]),
                Sampling::Reviews(r) => Msg::QaWlReviewsFixed.fill(lang, &[num(r, 2)]),
            } }</li>
            <li>{ Msg::QaWlPerAgent.fill(lang, &[num(w.reviews_per_agent, 2), num(eff.minutes_per_review, 2), num(eff.coaching_minutes, 2), num(w.minutes_per_agent, 2)]) }</li>
            <li>{ Msg::QaWlTotal.fill(lang, &[agents_s.clone(), num(w.minutes_per_agent, 2), num(w.total_minutes, 2)]) }</li>
            <li>{ Msg::QaWlCapacity.fill(lang, &[num(eff.productive_hours, 2), num(eff.workdays, 2), num(w.capacity, 2)]) }</li>
            <li class="strong">{ Msg::QaWlFte.fill(lang, &[num(w.total_minutes, 2), num(w.capacity, 2), num(report.workload.fte, 2), report.workload.headcount.to_string()]) }</li>
        </ol>
    };
    let working_stat = html! {
        <ol class="working" data-testid="stat-working">
            <li>{ Msg::QaStPopulation.fill(lang, &[num(eff.chats_per_day, 2), num(eff.workdays, 2), num(st.population, 2)]) }</li>
            <li>{ Msg::QaStN0.fill(lang, &[num(st.z, 3), num(eff.p, 4), num(1.0 - eff.p, 4), num(eff.margin, 4), num(st.n0, 2)]) }</li>
            <li>{ Msg::QaStN.fill(lang, &[num(st.n, 2), num(st.reviews, 0)]) }</li>
            <li class="strong">{ Msg::QaStFte.fill(lang, &[agents_s.clone(), num(st.reviews, 0), num(eff.minutes_per_review, 2), num(eff.coaching_minutes, 2), num(w.capacity, 2), num(report.statistical.fte, 2), report.statistical.headcount.to_string()]) }</li>
            <li>{ Msg::QaStAchieved.fill(lang, &[num(w.reviews_per_agent, 2), if st.achieved_margin.is_finite() { pct(st.achieved_margin) } else { "∞".into() }, pct(eff.margin)]) }</li>
        </ol>
    };

    html! {
        <div class="workspace qa">
            <div class="toolbar"><div class="title"><h2>{ Msg::QaTitle.t(lang) }</h2></div></div>
            <p class="help muted">{ Msg::QaIntro.t(lang) }</p>
            <super::staffing::StaffingPanel />
            <div class="qa-grid">
                <section class="card" aria-labelledby="qa-agents-title">
                    <h3 id="qa-agents-title">{ Msg::QaAgentsTitle.t(lang) }</h3>
                    <div class="field">
                        <label for="qa-source">{ Msg::QaAgentsSource.t(lang) }</label>
                        <select id="qa-source" onchange={on_source}>
                            <option value="team" selected={source_value == "team"}>{ Msg::QaSourceAll.fill(lang, &[table.len().to_string()]) }</option>
                            { for groups.iter().map(|(g, n)| {
                                let v = format!("group:{g}");
                                html! { <option value={v.clone()} selected={source_value == v}>{ Msg::QaSourceGroup.fill(lang, &[g.clone(), n.to_string()]) }</option> }
                            }) }
                            <option value="staffing" selected={qa.source == AgentSource::Staffing}>{ Msg::QaSourceStaffing.fill(lang, &[staff_headcount.to_string()]) }</option>
                            <option value="manual" selected={manual}>{ Msg::QaSourceManual.t(lang) }</option>
                        </select>
                    </div>
                    { agents_field }
                </section>
                <section class="card" aria-labelledby="qa-ratio-title">
                    <h3 id="qa-ratio-title">{ Msg::QaRatioTitle.t(lang) }</h3>
                    <div class="inline-fields">
                        { int_field("qa-ratio-qa", Msg::QaRatioQa, qa.qa_per, QaField::QaPer, |p, v| p.qa_per = v) }
                        { int_field("qa-ratio-agents", Msg::QaRatioPer, qa.agents_per, QaField::AgentsPer, |p, v| p.agents_per = v) }
                    </div>
                    <p class="working strong" data-testid="ratio-working">{ Msg::QaRatioExplain.fill(lang, &[agents_s.clone(), qa.qa_per.to_string(), qa.agents_per.to_string(), num(report.ratio.fte, 2), report.ratio.headcount.to_string()]) }</p>
                </section>
                <section class="card" aria-labelledby="qa-wl-title">
                    <h3 id="qa-wl-title">{ Msg::QaWorkloadTitle.t(lang) }</h3>
                    <div class="inline-fields">
                        { field("qa-chats", Msg::QaChatsPerDay, qa.chats_per_day, Unit::Number, "", QaField::ChatsPerDay, |p, v| p.chats_per_day = v) }
                        { field("qa-workdays", Msg::QaWorkdays, qa.workdays, Unit::Number, "", QaField::Workdays, |p, v| p.workdays = v) }
                        <div class="field">
                            <label for="qa-mode">{ Msg::QaSamplingMode.t(lang) }</label>
                            <select id="qa-mode" onchange={on_mode}>
                                <option value="share" selected={share_mode}>{ Msg::QaSampleShare.t(lang) }</option>
                                <option value="reviews" selected={!share_mode}>{ Msg::QaSampleReviews.t(lang) }</option>
                            </select>
                        </div>
                        { sampling_field }
                        { field("qa-minutes", Msg::QaMinutesPerReview, qa.minutes_per_review, Unit::Number, "", QaField::MinutesPerReview, |p, v| p.minutes_per_review = v) }
                        { field("qa-coaching", Msg::QaCoaching, qa.coaching_minutes, Unit::Number, "", QaField::Coaching, |p, v| p.coaching_minutes = v) }
                        { field("qa-hours", Msg::QaProductiveHours, qa.productive_hours, Unit::Number, "", QaField::ProductiveHours, |p, v| p.productive_hours = v) }
                    </div>
                    { working_workload }
                </section>
                <section class="card" aria-labelledby="qa-st-title">
                    <h3 id="qa-st-title">{ Msg::QaStatTitle.t(lang) }</h3>
                    <div class="inline-fields">
                        <div class="field">
                            <label for="qa-conf">{ Msg::QaConfidence.t(lang) }</label>
                            <select id="qa-conf" onchange={on_conf}>
                                { for Confidence::ALL.iter().map(|c| html! {
                                    <option value={c.percent().to_string()} selected={*c == qa.confidence}>{ format!("{}%", c.percent()) }</option>
                                }) }
                            </select>
                        </div>
                        { field("qa-margin", Msg::QaMargin, qa.margin, Unit::Percent, "%", QaField::Margin, |p, v| p.margin = v) }
                        { field("qa-p", Msg::QaP, qa.p, Unit::Percent, "%", QaField::P, |p, v| p.p = v) }
                    </div>
                    { working_stat }
                </section>
            </div>
            <super::qa_noise::NoisePanel />
            <super::findings::FindingsPanel />
            <section class="card" aria-labelledby="qa-roles-title">
                <h3 id="qa-roles-title">{ Msg::QaRolesTitle.t(lang) }</h3>
                if let Some(m) = errors.get(&QaField::Roles) { <p class="field-error" role="alert">{ m.t(lang) }</p> }
                <div class="table-scroll">
                    <table class="plain roles">
                        <thead><tr>
                            <th>{ Msg::QaRoleName.t(lang) }</th><th>{ Msg::QaRoleBase.t(lang) }</th>
                            <th>{ Msg::QaRoleLeadership.t(lang) }</th><th>{ Msg::QaRoleFrom.t(lang) }</th>
                            <th>{ Msg::QaRoleSalary.t(lang) }</th><th>{ Msg::QaMethodRatio.t(lang) }</th><th></th>
                        </tr></thead>
                        <tbody>{ for roles_rows }</tbody>
                    </table>
                </div>
                <button type="button" onclick={on_add_role}>{ "+ " }{ Msg::QaAddRole.t(lang) }</button>
                <p class="help muted">{ Msg::QaSplitRule.t(lang) }</p>
            </section>
            { compare(&report, &qa, &eff, lang) }
            { curve_view(&eff, lang) }
        </div>
    }
}

fn split_text(m: &MethodResult, roles: &[Role], lang: Lang) -> String {
    m.split
        .iter()
        .zip(roles)
        .filter(|(n, _)| **n > 0)
        .map(|(n, r)| format!("{} {n}", role_name(r, lang)))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn compare(report: &QaReport, qa: &QaParams, eff: &QaParams, lang: Lang) -> Html {
    let agents = f64::from(eff.agents);
    let rows = [
        (Msg::QaMethodRatio, &report.ratio, None, "ratio"),
        (
            Msg::QaMethodWorkload,
            &report.workload,
            Some(Recommended::Workload),
            "workload",
        ),
        (
            Msg::QaMethodStat,
            &report.statistical,
            Some(Recommended::Statistical),
            "statistical",
        ),
    ];
    let st = &report.statistical_detail;
    let achieved = if st.achieved_margin.is_finite() {
        pct(st.achieved_margin)
    } else {
        "∞".into()
    };
    let reason = match report.recommended {
        Recommended::Workload => Msg::QaReasonWorkload.fill(
            lang,
            &[
                report.workload.headcount.to_string(),
                achieved,
                pct(qa.margin),
                report.ratio.headcount.to_string(),
            ],
        ),
        Recommended::Statistical => Msg::QaReasonStat.fill(
            lang,
            &[
                report.statistical.headcount.to_string(),
                achieved,
                pct(qa.margin),
                num(st.reviews, 0),
                report.ratio.headcount.to_string(),
            ],
        ),
    };
    html! {
        <section class="card" aria-labelledby="qa-compare-title">
            <h3 id="qa-compare-title">{ Msg::QaCompareTitle.t(lang) }</h3>
            <div class="table-scroll">
                <table class="plain compare" data-testid="qa-compare">
                    <thead><tr>
                        <th>{ Msg::QaColMethod.t(lang) }</th><th class="num">{ Msg::QaColFte.t(lang) }</th>
                        <th class="num">{ Msg::QaColHeadcount.t(lang) }</th><th>{ Msg::QaColSplit.t(lang) }</th>
                        <th class="num">{ Msg::QaColCost.t(lang) }</th><th class="num">{ Msg::QaColCostPerAgent.t(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|(label, m, rec, key)| {
                            let is_rec = *rec == Some(report.recommended);
                            html! {
                                <tr class={classes!(is_rec.then_some("recommended"))} data-testid={format!("qa-row-{key}")}>
                                    <th scope="row">{ label.t(lang) }
                                        if is_rec { <span class="badge">{ Msg::QaRecommended.t(lang) }</span> }</th>
                                    <td class="num">{ num(m.fte, 2) }</td>
                                    <td class="num strong" data-testid={format!("qa-headcount-{key}")}>{ m.headcount }</td>
                                    <td>{ split_text(m, &qa.roles, lang) }</td>
                                    <td class="num" data-testid={format!("qa-cost-{key}")}>{ money(m.cost, lang) }</td>
                                    <td class="num">{ if agents > 0.0 { money(m.cost / agents, lang) } else { "—".into() } }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="recommendation" data-testid="qa-reason">{ reason }</p>
            <div class="actions"><button type="button" data-testid="qa-csv" onclick={{
                let report = report.clone();
                let names: Vec<String> = qa.roles.iter().map(|r| role_name(r, lang)).collect();
                let agents = eff.agents;
                Callback::from(move |_| {
                    let text = crate::io::export::qa_csv(&report, &names, agents, lang);
                    let name = format!("{}-{agents}.csv", Msg::FileQa.t(lang));
                    if let Err(e) = crate::ui::browser::download(&name, "text/csv;charset=utf-8", &text) {
                        web_sys::console::error_1(&e.into());
                    }
                })
            }}>{ Msg::ExportCsv.t(lang) }</button></div>
        </section>
    }
}

fn curve_view(eff: &QaParams, lang: Lang) -> Html {
    let pts = curve(eff, CURVE_MAX, CURVE_STEP);
    let series = |label: Msg, class: &str, pick: fn(&(u32, u32, u32, u32)) -> u32| Series {
        label: label.t(lang).into(),
        class: class.to_string().into(),
        points: pts
            .iter()
            .map(|p| (f64::from(p.0), f64::from(pick(p))))
            .collect(),
    };
    let all = vec![
        series(Msg::QaMethodRatio, "s0", |p| p.1),
        series(Msg::QaMethodWorkload, "s1", |p| p.2),
        series(Msg::QaMethodStat, "s2", |p| p.3),
    ];
    html! {
        <section class="card" aria-labelledby="qa-curve-title">
            <h3 id="qa-curve-title">{ Msg::QaCurveTitle.t(lang) }</h3>
            <StepChart title={Msg::QaCurveTitle.t(lang)} x_label={Msg::QaCurveAgents.t(lang)} series={all} />
            <details class="table-view">
                <summary>{ Msg::QaCurveTable.t(lang) }</summary>
                <div class="table-scroll short">
                    <table class="plain" data-testid="qa-curve-table">
                        <thead><tr>
                            <th class="num">{ Msg::QaCurveAgents.t(lang) }</th><th class="num">{ Msg::QaMethodRatio.t(lang) }</th>
                            <th class="num">{ Msg::QaMethodWorkload.t(lang) }</th><th class="num">{ Msg::QaMethodStat.t(lang) }</th>
                        </tr></thead>
                        <tbody>{ for pts.iter().map(|p| html! {
                            <tr><td class="num">{ p.0 }</td><td class="num">{ p.1 }</td><td class="num">{ p.2 }</td><td class="num">{ p.3 }</td></tr>
                        }) }</tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}
