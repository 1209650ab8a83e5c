//! The chat staffing (人力测算) panel at the top of the 质检 QA workspace:
//! inquiries by hour (typed, pasted from 赤兔's 分时接待, or a daily total on
//! the standard curve), handle time, concurrency, target and shrinkage in;
//! agents per hour, FTE, roster, cost, the 大促 what-if, the team check and
//! the chain inquiries → agents → inspectors → cost out.
//!
//! Inputs live in `QaParams::staffing` and change only through
//! `Command::SetQa`; a candidate that fails validation is not applied and
//! its message shows at the field.

use super::chart::{Series, StepChart};
use super::fields::{select_value, NumberField};
use crate::i18n::{Lang, Msg};
use crate::model::qa::{size_team, AgentSource, QaParams};
use crate::model::staffing::{
    check_team, plan, standard_day, Binding, StaffField, StaffNotice, StaffingParams,
    StaffingReport, Target, HOURS,
};
use crate::model::{format_value_pub as fmtv, Command, Unit};
use crate::ui::state::{Action, AppContext};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A number for display: up to `dp` decimals, trailing zeros dropped.
fn num(v: f64, dp: usize) -> String {
    if !v.is_finite() {
        return "∞".into();
    }
    crate::ui::format::trimmed(v, dp)
}

fn pct(v: f64) -> String {
    format!("{}%", num(v * 100.0, 1))
}

/// 周一…周日 for a week, nothing for a single typical day.
pub fn day_name(day: usize, days: usize, lang: Lang) -> String {
    if days <= 1 {
        return String::new();
    }
    let m = [
        Msg::DayMon,
        Msg::DayTue,
        Msg::DayWed,
        Msg::DayThu,
        Msg::DayFri,
        Msg::DaySat,
        Msg::DaySun,
    ];
    m.get(day)
        .map(|m| m.t(lang).to_string())
        .unwrap_or_else(|| format!("{}", day + 1))
}

fn at_label(day: usize, hour: usize, days: usize, lang: Lang) -> String {
    let d = day_name(day, days, lang);
    if d.is_empty() {
        format!("{hour}:00")
    } else {
        format!("{d} {hour}:00")
    }
}

/// GB18030 through the browser's TextDecoder (no bundle cost).
fn gb18030(bytes: &[u8]) -> Option<String> {
    let opts = web_sys::TextDecoderOptions::new();
    opts.set_fatal(true);
    web_sys::TextDecoder::new_with_label_and_options("gb18030", &opts)
        .ok()?
        .decode_with_u8_array(bytes)
        .ok()
}

type Change = Box<dyn FnOnce(&mut StaffingParams)>;
type Apply = Rc<dyn Fn(StaffField, Change)>;
type Setter = Rc<dyn Fn(&mut StaffingParams, f64)>;

#[component]
pub fn StaffingPanel() -> Html {
    let state = use_context::<AppContext>();
    let errors = use_state(HashMap::<StaffField, Msg>::new);
    let daily_mode = use_state(|| false);
    let day_sel = use_state(|| 0usize);
    let paste_msg = use_state(|| None::<(bool, String)>);
    let paste_ref = use_node_ref();
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let Some(state) = state else {
        return Html::default();
    };
    let lang = state.lang;
    let qa = state.workbook.qa().clone();
    let sp = qa.staffing.clone();
    let report = plan(&sp);
    let n_days = sp.days.len();
    let day = (*day_sel).min(n_days.saturating_sub(1));

    let apply: Apply = {
        let state = state.clone();
        let errors = errors.clone();
        let qa = qa.clone();
        Rc::new(move |field, change| {
            let mut cand = qa.clone();
            change(&mut cand.staffing);
            let problems = cand
                .staffing
                .validate()
                .into_iter()
                .map(|p| (p.field, p.msg));
            if crate::ui::components::field_errors::settle(&errors, field, problems) {
                state.dispatch(Action::Apply(Command::SetQa(Box::new(cand))));
            }
        })
    };
    let err = |f: StaffField| {
        errors
            .get(&f)
            .map(|m| AttrValue::from(m.t(lang).to_string()))
    };
    let field = |id: String,
                 label: String,
                 value: f64,
                 unit: Unit,
                 suffix: &str,
                 f: StaffField,
                 set: Setter| {
        let apply = apply.clone();
        let on_change = Callback::from(move |v: f64| {
            let set = set.clone();
            apply(f, Box::new(move |p: &mut StaffingParams| set(p, v)))
        });
        html! {
            <NumberField id={id} label={label} {value} {unit} suffix={suffix.to_string()}
                error={err(f)} {lang} {on_change} />
        }
    };

    // Volume input: hour by hour, or a daily total on the standard curve.
    let on_mode = {
        let daily_mode = daily_mode.clone();
        Callback::from(move |e: Event| {
            daily_mode.set(select_value(&e).as_deref() == Some("daily"));
        })
    };
    let on_week = {
        let apply = apply.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let week = input.checked();
            apply(
                StaffField::Days,
                Box::new(move |p: &mut StaffingParams| {
                    let first = p.days.first().cloned().unwrap_or_else(|| vec![0.0; HOURS]);
                    p.days = if week { vec![first; 7] } else { vec![first] };
                }),
            )
        })
    };
    let on_day = {
        let day_sel = day_sel.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e).and_then(|v| v.parse::<usize>().ok()) {
                day_sel.set(v);
            }
        })
    };
    let current_day: Vec<f64> = sp.days.get(day).cloned().unwrap_or_default();
    let day_total: f64 = current_day.iter().sum();
    let volume_editor = if *daily_mode {
        field(
            "staff-daily".into(),
            Msg::StaffDailyTotal.t(lang).into(),
            day_total,
            Unit::Number,
            "",
            StaffField::Volume(day, 0),
            Rc::new(move |p, v| {
                if let Some(d) = p.days.get_mut(day) {
                    *d = if v.is_finite() && v >= 0.0 {
                        standard_day(v)
                    } else {
                        vec![v; HOURS]
                    };
                }
            }),
        )
    } else {
        html! {
            <div class="hours-grid" data-testid="staff-hours">
                { for (0..HOURS).map(|h| {
                    let label = Msg::StaffVolumeAt.fill(lang, &[format!("{h}:00")]);
                    field(format!("staff-h-{h}"), label, current_day.get(h).copied().unwrap_or(0.0),
                        Unit::Number, "", StaffField::Volume(day, h),
                        Rc::new(move |p, v| {
                            if let Some(x) = p.days.get_mut(day).and_then(|d| d.get_mut(h)) {
                                *x = v;
                            }
                        }))
                }) }
            </div>
        }
    };

    // Paste or pick 赤兔's 分时接待.
    let take_read: Rc<dyn Fn(Option<crate::io::hourly::HourlyRead>)> = {
        let apply = apply.clone();
        let paste_msg = paste_msg.clone();
        Rc::new(move |read| match read {
            Some(r) => {
                let mut msg =
                    Msg::StaffPasteRead.fill(lang, &[r.found.to_string(), r.column.clone()]);
                if !r.missing.is_empty() {
                    let hours: Vec<String> = r.missing.iter().map(|h| format!("{h}:00")).collect();
                    msg.push('；');
                    msg.push_str(&Msg::StaffPasteMissing.fill(lang, &[hours.join(", ")]));
                }
                for (line, raw) in &r.skipped {
                    msg.push('；');
                    msg.push_str(
                        &Msg::StaffPasteSkipped.fill(lang, &[line.to_string(), raw.clone()]),
                    );
                }
                paste_msg.set(Some((true, msg)));
                let values = r.values;
                apply(
                    StaffField::Days,
                    Box::new(move |p: &mut StaffingParams| {
                        if let Some(d) = p.days.get_mut(day) {
                            *d = values;
                        }
                    }),
                );
            }
            None => paste_msg.set(Some((false, Msg::StaffPasteNone.t(lang).to_string()))),
        })
    };
    let on_paste = {
        let take_read = take_read.clone();
        let paste_ref = paste_ref.clone();
        Callback::from(move |_| {
            if let Some(area) = paste_ref.cast::<web_sys::HtmlTextAreaElement>() {
                take_read(crate::io::hourly::read_hourly(&area.value()));
            }
        })
    };
    let on_file = {
        let take_read = take_read.clone();
        let paste_msg = paste_msg.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let Some(file) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|i| i.files())
                .and_then(|f| f.get(0))
            else {
                return;
            };
            let name = file.name();
            let f = gloo::file::File::from(file);
            if f.size() > crate::io::decode::MAX_BYTES as u64 {
                paste_msg.set(Some((false, Msg::StaffPasteNone.t(lang).to_string())));
                return;
            }
            let take_read = take_read.clone();
            let paste_msg = paste_msg.clone();
            let r = gloo::file::callbacks::read_as_bytes(&f, move |res| match res {
                Ok(bytes) => match crate::io::hourly::read_hourly_file(&bytes, &name, &gb18030) {
                    Ok(read) => take_read(read),
                    Err(refusal) => {
                        paste_msg.set(Some((false, refusal.msg.fill(lang, &refusal.args))))
                    }
                },
                Err(_) => paste_msg.set(Some((false, Msg::StaffPasteNone.t(lang).to_string()))),
            });
            *reader.borrow_mut() = Some(r);
        })
    };

    // Concurrency, target.
    let on_conc = {
        let apply = apply.clone();
        Callback::from(move |e: Event| {
            if let Some(c) = select_value(&e).and_then(|v| v.parse::<u32>().ok()) {
                apply(
                    StaffField::Concurrency,
                    Box::new(move |p: &mut StaffingParams| p.concurrency = c),
                );
            }
        })
    };
    let is_sl = matches!(sp.target, Target::ServiceLevel { .. });
    let on_target_mode = {
        let apply = apply.clone();
        Callback::from(move |e: Event| {
            let to_sl = select_value(&e).as_deref() == Some("sl");
            apply(
                StaffField::Target,
                Box::new(move |p: &mut StaffingParams| {
                    p.target = if to_sl {
                        Target::ServiceLevel {
                            share: 0.8,
                            seconds: 30.0,
                        }
                    } else {
                        Target::AverageWait { seconds: 20.0 }
                    };
                }),
            )
        })
    };
    let target_fields = match sp.target {
        Target::ServiceLevel { share, seconds } => html! { <>
            { field("staff-share".into(), Msg::StaffShare.t(lang).into(), share, Unit::Percent, "%", StaffField::Target,
                Rc::new(move |p, v| if let Target::ServiceLevel { share, .. } = &mut p.target { *share = v; })) }
            { field("staff-seconds".into(), Msg::StaffSeconds.t(lang).into(), seconds, Unit::Number, "", StaffField::Target,
                Rc::new(move |p, v| if let Target::ServiceLevel { seconds, .. } = &mut p.target { *seconds = v; })) }
        </> },
        Target::AverageWait { seconds } => field(
            "staff-asa".into(),
            Msg::StaffAsaSeconds.t(lang).into(),
            seconds,
            Unit::Number,
            "",
            StaffField::Target,
            Rc::new(move |p, v| {
                if let Target::AverageWait { seconds } = &mut p.target {
                    *seconds = v;
                }
            }),
        ),
    };
    let eff_fields = sp.efficiency.iter().enumerate().map(|(i, f)| {
        field(
            format!("staff-eff-{}", i + 1),
            Msg::StaffEfficiencyAt.fill(lang, &[(i + 1).to_string()]),
            *f,
            Unit::Number,
            "",
            StaffField::Efficiency(i),
            Rc::new(move |p, v| {
                if let Some(x) = p.efficiency.get_mut(i) {
                    *x = v;
                }
            }),
        )
    });

    // What-if.
    let scale_button = |x: f64| {
        let apply = apply.clone();
        let onclick = Callback::from(move |_| {
            apply(
                StaffField::Scale,
                Box::new(move |p: &mut StaffingParams| p.scale = x),
            )
        });
        let label = Msg::StaffScaleX.fill(lang, &[num(x, 2)]);
        html! { <button type="button" class={classes!((sp.scale == x).then_some("active"))} {onclick}
        aria-pressed={(sp.scale == x).to_string()} data-testid={format!("staff-x{x}")}>{ label }</button> }
    };

    // Link into QA sizing.
    let on_use = {
        let state = state.clone();
        let qa = qa.clone();
        Callback::from(move |_| {
            let mut cand = qa.clone();
            cand.source = AgentSource::Staffing;
            state.dispatch(Action::Apply(Command::SetQa(Box::new(cand))));
        })
    };
    let team = u32::try_from(state.workbook.table().len()).unwrap_or(u32::MAX);

    html! {
        <section class="card staffing" aria-labelledby="staff-title">
            <h3 id="staff-title">{ Msg::StaffTitle.t(lang) }</h3>
            <p class="help muted">{ Msg::StaffIntro.t(lang) }</p>
            <div class="inline-fields mode-row">
                <div class="field">
                    <label for="staff-mode">{ Msg::StaffInputMode.t(lang) }</label>
                    <select id="staff-mode" onchange={on_mode}>
                        <option value="hourly" selected={!*daily_mode}>{ Msg::StaffModeHourly.t(lang) }</option>
                        <option value="daily" selected={*daily_mode}>{ Msg::StaffModeDaily.t(lang) }</option>
                    </select>
                </div>
                <div class="field checkbox">
                    <label><input type="checkbox" id="staff-week" checked={n_days == 7} onchange={on_week} />{ " " }{ Msg::StaffWeek.t(lang) }</label>
                </div>
                if n_days > 1 {
                    <div class="field">
                        <label for="staff-day">{ Msg::StaffDay.t(lang) }</label>
                        <select id="staff-day" onchange={on_day}>
                            { for (0..n_days).map(|d| html! { <option value={d.to_string()} selected={d == day}>{ day_name(d, n_days, lang) }</option> }) }
                        </select>
                    </div>
                }
            </div>
            { volume_editor }
            if let Some(m) = errors.get(&StaffField::Days) { <p class="field-error" role="alert">{ m.t(lang) }</p> }
            <details class="paste-hours">
                <summary>{ Msg::StaffPaste.t(lang) }</summary>
                <textarea ref={paste_ref} rows="4" aria-label={Msg::StaffPaste.t(lang)} data-testid="staff-paste" />
                <div class="actions">
                    <button type="button" onclick={on_paste}>{ Msg::StaffPasteApply.t(lang) }</button>
                    <label class="file-pick">{ Msg::StaffFile.t(lang) }{ " " }
                        <input type="file" accept=".xlsx,.csv,.tsv,.txt" onchange={on_file} data-testid="staff-file" /></label>
                </div>
                if let Some((ok, m)) = &*paste_msg {
                    <p class={classes!(if *ok { "help" } else { "field-error" })} role="status">{ m.clone() }</p>
                }
            </details>
            <div class="inline-fields">
                { field("staff-aht".into(), Msg::StaffAht.t(lang).into(), sp.aht, Unit::Number, "", StaffField::Aht, Rc::new(|p, v| p.aht = v)) }
                <div class={classes!("field", errors.contains_key(&StaffField::Concurrency).then_some("has-error"))}>
                    <label for="staff-conc">{ Msg::StaffConcurrency.t(lang) }</label>
                    <select id="staff-conc" onchange={on_conc}>
                        { for (1..=sp.efficiency.len()).map(|c| html! {
                            <option value={c.to_string()} selected={usize::try_from(sp.concurrency).ok() == Some(c)}>{ format!("{c} · ×{}", num(sp.efficiency.get(c - 1).copied().unwrap_or(1.0), 2)) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="staff-target">{ Msg::StaffTargetMode.t(lang) }</label>
                    <select id="staff-target" onchange={on_target_mode}>
                        <option value="sl" selected={is_sl}>{ Msg::StaffTargetSl.t(lang) }</option>
                        <option value="asa" selected={!is_sl}>{ Msg::StaffTargetAsa.t(lang) }</option>
                    </select>
                </div>
                { target_fields }
                { field("staff-shrink".into(), Msg::StaffShrinkage.t(lang).into(), sp.shrinkage, Unit::Percent, "%", StaffField::Shrinkage, Rc::new(|p, v| p.shrinkage = v)) }
                { field("staff-occ".into(), Msg::StaffMaxOcc.t(lang).into(), sp.max_occupancy, Unit::Percent, "%", StaffField::MaxOccupancy, Rc::new(|p, v| p.max_occupancy = v)) }
                { field("staff-shift".into(), Msg::StaffShift.t(lang).into(), sp.shift_hours, Unit::Number, "", StaffField::ShiftHours, Rc::new(|p, v| p.shift_hours = v)) }
                { field("staff-workdays".into(), Msg::StaffWorkdays.t(lang).into(), sp.workdays_per_week, Unit::Number, "", StaffField::Workdays, Rc::new(|p, v| p.workdays_per_week = v)) }
                { field("staff-salary".into(), Msg::StaffSalary.t(lang).into(), sp.salary, Unit::Number, "", StaffField::Salary, Rc::new(|p, v| p.salary = v)) }
            </div>
            <details class="efficiency">
                <summary>{ Msg::StaffEfficiency.t(lang) }</summary>
                <div class="inline-fields">{ for eff_fields }</div>
            </details>
            <div class="whatif" role="group" aria-labelledby="staff-whatif">
                <h4 id="staff-whatif">{ Msg::StaffWhatIf.t(lang) }</h4>
                <div class="inline-fields mode-row">
                    { field("staff-scale".into(), Msg::StaffScale.t(lang).into(), sp.scale, Unit::Number, "×", StaffField::Scale, Rc::new(|p, v| p.scale = v)) }
                    <div class="actions scale-buttons">{ scale_button(1.0) }{ scale_button(2.0) }{ scale_button(3.0) }{ scale_button(5.0) }</div>
                </div>
            </div>
            { results(&sp, &report, &qa, team, day, lang) }
            <div class="actions">
                if qa.source != AgentSource::Staffing {
                    <button type="button" data-testid="staff-use" onclick={on_use}>{ Msg::StaffUse.t(lang) }</button>
                }
            </div>
        </section>
    }
}

fn results(
    sp: &StaffingParams,
    r: &StaffingReport,
    qa: &QaParams,
    team: u32,
    day: usize,
    lang: Lang,
) -> Html {
    let n_days = sp.days.len();
    let money = |v: f64| fmtv(v, Unit::Money, lang);
    let (peak_label, peak_agents) = match r.peak {
        Some((d, h, a)) => (at_label(d, h, n_days, lang), a),
        None => ("—".into(), 0),
    };
    // The chain: inquiries → agents → QA (recommended method) → cost.
    let chain_qa = size_team(&QaParams {
        agents: r.headcount,
        ..qa.clone()
    });
    let qa_res = chain_qa.recommended_result();
    let per_day = sp.days.iter().flatten().sum::<f64>() * sp.scale
        / f64::from(u32::try_from(n_days.max(1)).unwrap_or(1));
    let chain = Msg::StaffChain.fill(
        lang,
        &[
            num(per_day, 0),
            r.headcount.to_string(),
            qa_res.headcount.to_string(),
            money(r.cost + qa_res.cost),
            money(r.cost),
            money(qa_res.cost),
            match chain_qa.recommended {
                crate::model::qa::Recommended::Workload => Msg::QaMethodWorkload,
                crate::model::qa::Recommended::Statistical => Msg::QaMethodStat,
            }
            .t(lang)
            .to_string(),
        ],
    );
    let tc = check_team(sp, r, team);
    let team_line = if tc.gap > 0 {
        Msg::StaffTeamShort.fill(
            lang,
            &[
                team.to_string(),
                tc.gap.to_string(),
                r.headcount.to_string(),
            ],
        )
    } else {
        Msg::StaffTeamOk.fill(
            lang,
            &[
                team.to_string(),
                r.headcount.to_string(),
                (-tc.gap).to_string(),
            ],
        )
    };
    let notices = r.notices.iter().map(|n| match n {
        StaffNotice::Unserved { day, hour, traffic } => Msg::StaffNoticeUnserved.fill(
            lang,
            &[
                at_label(*day, *hour, n_days, lang),
                num(*traffic, 0),
                crate::model::staffing::MAX_SEATS.to_string(),
                num(sp.max_occupancy * 100.0, 1),
            ],
        ),
        StaffNotice::NoVolume => Msg::StaffNoticeNoVolume.t(lang).to_string(),
    });
    let beyond = tc.beyond.iter().take(6).map(|(d, h, traffic, cap)| {
        Msg::StaffBeyondTeam.fill(
            lang,
            &[
                at_label(*d, *h, n_days, lang),
                num(*traffic, 1),
                team.to_string(),
                num(sp.max_occupancy * 100.0, 1),
                num(*cap, 1),
            ],
        )
    });
    let hours: &[crate::model::staffing::HourResult] =
        r.days.get(day).map(Vec::as_slice).unwrap_or(&[]);
    let mut pts: Vec<(f64, f64)> = hours
        .iter()
        .map(|h| {
            (
                h.hour as f64,
                f64::from(h.staffed.map(|s| s.agents).unwrap_or(0)),
            )
        })
        .collect();
    if let Some(last) = pts.last().copied() {
        pts.push((24.0, last.1));
    }
    let chart_title = {
        let d = day_name(day, n_days, lang);
        if d.is_empty() {
            Msg::StaffChartTitle.t(lang).to_string()
        } else {
            format!("{} · {d}", Msg::StaffChartTitle.t(lang))
        }
    };
    let series = vec![Series {
        label: Msg::StaffColAgents.t(lang).into(),
        class: "s0".into(),
        points: pts,
    }];
    let binding = |b: Binding| match b {
        Binding::Idle => Msg::StaffBindIdle,
        Binding::Target => Msg::StaffBindTarget,
        Binding::Occupancy => Msg::StaffBindOcc,
    };
    let shrink = num(sp.shrinkage, 4);
    html! {
        <div class="staff-results" aria-live="polite">
            <dl class="stats">
                <div><dt>{ Msg::StaffHeadcount.t(lang) }</dt><dd data-testid="staff-headcount">{ r.headcount }</dd></div>
                <div><dt>{ Msg::StaffPeakLabel.t(lang) }</dt><dd data-testid="staff-peak">{ format!("{peak_label} · {peak_agents}") }</dd></div>
                <div><dt>{ Msg::StaffPeakFte.t(lang) }</dt><dd data-testid="staff-peak-fte">{ num(r.peak_fte, 2) }</dd></div>
                <div><dt>{ Msg::StaffCost.t(lang) }</dt><dd data-testid="staff-cost">{ money(r.cost) }</dd></div>
            </dl>
            <ol class="working" data-testid="staff-working">
                <li>{ Msg::StaffWorkingAht.fill(lang, &[num(sp.aht, 2), num(r.factor, 2), sp.concurrency.to_string(), num(r.effective_aht, 2)]) }</li>
                <li>{ Msg::StaffWorkingTraffic.fill(lang, &[num(r.effective_aht, 2)]) }</li>
                <li>{ Msg::StaffWorkingPeak.fill(lang, &[peak_label.clone(), peak_agents.to_string(), shrink.clone(), num(r.peak_fte, 2)]) }</li>
                <li>{ Msg::StaffWorkingRoster.fill(lang, &[num(r.agent_hours_week, 1), num(sp.shift_hours, 2), num(sp.workdays_per_week, 2), shrink, num(r.roster_fte, 2)]) }</li>
                <li class="strong">{ Msg::StaffWorkingHeadcount.fill(lang, &[num(r.peak_fte, 2), num(r.roster_fte, 2), r.headcount.to_string(), money(sp.salary), money(r.cost)]) }</li>
            </ol>
            <p class={classes!("recommendation", (tc.gap > 0).then_some("short"))} data-testid="staff-team">{ team_line }</p>
            <p class="recommendation" data-testid="staff-chain">{ chain }</p>
            if !r.notices.is_empty() || !tc.beyond.is_empty() {
                <ul class="issues" data-testid="staff-notices">
                    { for notices.map(|t| html! { <li class="warn">{ t }</li> }) }
                    { for beyond.map(|t| html! { <li class="warn">{ t }</li> }) }
                </ul>
            }
            <StepChart title={chart_title} x_label={Msg::StaffHour.t(lang)} {series} />
            <details class="table-view">
                <summary>{ Msg::StaffTableView.t(lang) }</summary>
                <div class="table-scroll short">
                    <table class="plain" data-testid="staff-table">
                        <thead><tr>
                            <th>{ Msg::StaffHour.t(lang) }</th><th class="num">{ Msg::StaffVolumeAt.fill(lang, &[String::new()]).trim().to_string() }</th>
                            <th class="num">{ Msg::StaffColTraffic.t(lang) }</th><th class="num">{ Msg::StaffColAgents.t(lang) }</th>
                            <th class="num">{ Msg::StaffColSl.t(lang) }</th><th class="num">{ Msg::StaffColAsa.t(lang) }</th>
                            <th class="num">{ Msg::StaffColOcc.t(lang) }</th><th class="num">{ Msg::StaffColFte.t(lang) }</th>
                            <th>{ Msg::StaffColBinding.t(lang) }</th>
                        </tr></thead>
                        <tbody>{ for hours.iter().map(|h| {
                            match h.staffed {
                                Some(s) => html! { <tr>
                                    <td>{ format!("{}:00", h.hour) }</td><td class="num">{ num(h.volume, 1) }</td>
                                    <td class="num">{ num(h.traffic, 2) }</td><td class="num strong">{ s.agents }</td>
                                    <td class="num">{ pct(s.service_level) }</td><td class="num">{ num(s.asa, 1) }</td>
                                    <td class="num">{ pct(s.occupancy) }</td><td class="num">{ num(h.fte, 2) }</td>
                                    <td>{ binding(s.binding).t(lang) }</td>
                                </tr> },
                                None => html! { <tr class="bad">
                                    <td>{ format!("{}:00", h.hour) }</td><td class="num">{ num(h.volume, 1) }</td>
                                    <td class="num">{ num(h.traffic, 2) }</td><td class="num" colspan="6">{ "—" }</td>
                                </tr> },
                            }
                        }) }</tbody>
                    </table>
                </div>
            </details>
            if n_days == 7 { { heat_map(r, lang) } }
        </div>
    }
}

/// The week as a 7 × 24 grid of agents online, with its numbers as a table.
fn heat_map(r: &StaffingReport, lang: Lang) -> Html {
    let max = r.peak.map(|p| p.2).unwrap_or(0).max(1);
    let (cw, ch, left, top) = (26.0, 22.0, 44.0, 16.0);
    let w = left + cw * HOURS as f64 + 4.0;
    let h = top + ch * r.days.len() as f64 + 4.0;
    let n_days = r.days.len();
    html! {
        <div class="heat" data-testid="staff-heat">
            <h4>{ Msg::StaffHeatTitle.t(lang) }</h4>
            <svg class="chart heat" viewBox={format!("0 0 {w} {h}")} role="img" aria-label={Msg::StaffHeatTitle.t(lang)}>
                <title>{ Msg::StaffHeatTitle.t(lang) }</title>
                { for (0..HOURS).step_by(3).map(|hr| html! {
                    <text class="tick" x={format!("{:.1}", left + cw * hr as f64 + cw / 2.0)} y={(top - 4.0).to_string()} text-anchor="middle">{ hr }</text>
                }) }
                { for r.days.iter().enumerate().map(|(d, row)| html! { <g>
                    <text class="tick" x={(left - 6.0).to_string()} y={format!("{:.1}", top + ch * d as f64 + ch / 2.0 + 4.0)} text-anchor="end">{ day_name(d, n_days, lang) }</text>
                    { for row.iter().map(|c| {
                        let a = c.staffed.map(|s| s.agents).unwrap_or(0);
                        let op = 0.08 + 0.92 * f64::from(a) / f64::from(max);
                        html! { <rect class="cell" x={format!("{:.1}", left + cw * c.hour as f64)} y={format!("{:.1}", top + ch * d as f64)}
                            width={(cw - 2.0).to_string()} height={(ch - 2.0).to_string()} fill-opacity={format!("{op:.3}")}>
                            <title>{ format!("{} {}:00 · {a}", day_name(d, n_days, lang), c.hour) }</title>
                        </rect> }
                    }) }
                </g> }) }
            </svg>
            <details class="table-view">
                <summary>{ Msg::StaffTableView.t(lang) }</summary>
                <div class="table-scroll short">
                    <table class="plain heat-table">
                        <thead><tr><th></th>{ for (0..HOURS).map(|h| html! { <th class="num">{ h }</th> }) }</tr></thead>
                        <tbody>{ for r.days.iter().enumerate().map(|(d, row)| html! { <tr>
                            <th scope="row">{ day_name(d, n_days, lang) }</th>
                            { for row.iter().map(|c| html! { <td class="num">{ c.staffed.map(|s| s.agents.to_string()).unwrap_or_else(|| "—".into()) }</td> }) }
                        </tr> }) }</tbody>
                    </table>
                </div>
            </details>
        </div>
    }
}
