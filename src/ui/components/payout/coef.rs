//! The editor of a component's 绩效系数 rule (score table, grade table, curve).

use super::*;
use crate::i18n::{Lang, Msg};
use crate::model::payout::{CoefStep, Coefficient, Component, GradeCoef, PayoutModel};
use crate::ui::components::fields::NumberField;
use yew::prelude::*;
/// An edit of a coefficient rule with a number.
pub(super) type CoefEdit = Box<dyn Fn(&mut Coefficient, f64)>;

pub(super) fn coef_editor(
    m: &PayoutModel,
    ci: usize,
    coef: &Coefficient,
    grades: &[String],
    lang: Lang,
    on: &Callback<PayoutModel>,
) -> Html {
    let set_coef = move |f: CoefEdit| {
        on_num(m, on, move |m, v| {
            if let Some(Component::Target { coef, .. }) = m.components.get_mut(ci) {
                f(coef, v);
            }
        })
    };
    let kind = match coef {
        Coefficient::ScoreTable { .. } => "table",
        Coefficient::GradeTable(_) => "grade",
        Coefficient::Curve { .. } => "curve",
    };
    let grades_owned = grades.to_vec();
    let on_kind = on_text(m, on, move |m, v| {
        if let Some(Component::Target { coef, .. }) = m.components.get_mut(ci) {
            *coef = match v.as_str() {
                "grade" => Coefficient::GradeTable(
                    grades_owned
                        .iter()
                        .enumerate()
                        .map(|(i, g)| GradeCoef {
                            grade: g.clone(),
                            coef: (1.5 - 0.3 * i as f64).max(0.0),
                        })
                        .collect(),
                ),
                "curve" => Coefficient::Curve {
                    threshold: 60.0,
                    start: 0.6,
                    slope: 0.02,
                    cap: 1.5,
                },
                _ => match PayoutModel::example("").components.into_iter().next() {
                    Some(Component::Target { coef, .. }) => coef,
                    _ => Coefficient::ScoreTable {
                        steps: Vec::new(),
                        otherwise: 0.0,
                    },
                },
            };
        }
    });
    let id = |s: &str| format!("pay-c{ci}-{s}");
    let body = match coef {
        Coefficient::ScoreTable { steps, otherwise } => {
            let rows = steps.iter().enumerate().map(|(si, s)| {
                let remove = on_click(m, on, move |m| {
                    if let Some(Component::Target {
                        coef: Coefficient::ScoreTable { steps, .. },
                        ..
                    }) = m.components.get_mut(ci)
                    {
                        if si < steps.len() {
                            steps.remove(si);
                        }
                    }
                });
                let step_set = move |min: bool| {
                    set_coef(Box::new(move |c, v| {
                        if let Coefficient::ScoreTable { steps, .. } = c {
                            if let Some(s) = steps.get_mut(si) {
                                if min {
                                    s.min = v;
                                } else {
                                    s.coef = v;
                                }
                            }
                        }
                    }))
                };
                html! {
                    <div class="band">
                        <NumberField id={id(&format!("min{si}"))} label={Msg::PayStepMin.t(lang)} value={s.min} {lang} suffix={Msg::PayPointsSuffix.t(lang)} on_change={step_set(true)} />
                        <span aria-hidden="true">{ "→" }</span>
                        <NumberField id={id(&format!("coef{si}"))} label={Msg::PayCoef.t(lang)} value={s.coef} {lang} suffix="×" on_change={step_set(false)} />
                        <button type="button" class="link" onclick={remove} aria-label={Msg::PayRemoveStep.t(lang)}>{ "✕" }</button>
                    </div>
                }
            });
            let add = on_click(m, on, move |m| {
                if let Some(Component::Target {
                    coef: Coefficient::ScoreTable { steps, .. },
                    ..
                }) = m.components.get_mut(ci)
                {
                    let min = steps.iter().map(|s| s.min).fold(0.0, f64::max) + 5.0;
                    steps.push(CoefStep { min, coef: 1.0 });
                }
            });
            html! { <div class="params bands">
                { for rows }
                <div class="band">
                    <NumberField id={id("otherwise")} label={Msg::PayOtherwise.t(lang)} value={*otherwise} {lang} suffix="×"
                        on_change={set_coef(Box::new(|c, v| if let Coefficient::ScoreTable { otherwise, .. } = c { *otherwise = v; }))} />
                    <button type="button" class="link" onclick={add}>{ Msg::PayAddStep.t(lang) }</button>
                </div>
            </div> }
        }
        Coefficient::GradeTable(g) => {
            let rows = grades.iter().map(|label| {
                let value = g.iter().find(|x| x.grade == *label).map(|x| x.coef).unwrap_or(0.0);
                let l = label.clone();
                let cb = set_coef(Box::new(move |c, v| {
                    if let Coefficient::GradeTable(list) = c {
                        match list.iter_mut().find(|x| x.grade == l) {
                            Some(x) => x.coef = v,
                            None => list.push(GradeCoef { grade: l.clone(), coef: v }),
                        }
                    }
                }));
                html! { <NumberField id={id(&format!("g-{label}"))} label={Msg::PayGradeCoef.fill(lang, std::slice::from_ref(label))} {value} {lang} suffix="×" on_change={cb} /> }
            });
            html! { <div class="params">{ for rows }</div> }
        }
        Coefficient::Curve {
            threshold,
            start,
            slope,
            cap,
        } => {
            let f = |which: u8| {
                set_coef(Box::new(move |c, v| {
                    if let Coefficient::Curve {
                        threshold,
                        start,
                        slope,
                        cap,
                    } = c
                    {
                        match which {
                            0 => *threshold = v,
                            1 => *start = v,
                            2 => *slope = v,
                            _ => *cap = v,
                        }
                    }
                }))
            };
            html! { <div class="params">
                <NumberField id={id("thr")} label={Msg::PayCurveThreshold.t(lang)} value={*threshold} {lang} suffix={Msg::PayPointsSuffix.t(lang)} on_change={f(0)} />
                <NumberField id={id("start")} label={Msg::PayCurveStart.t(lang)} value={*start} {lang} suffix="×" on_change={f(1)} />
                <NumberField id={id("slope")} label={Msg::PayCurveSlope.t(lang)} value={*slope} {lang} on_change={f(2)} />
                <NumberField id={id("cap")} label={Msg::PayCurveCap.t(lang)} value={*cap} {lang} suffix="×" on_change={f(3)} />
            </div> }
        }
    };
    html! {
        <>
            <div class="field"><label for={id("kind")}>{ Msg::PayCoefBy.t(lang) }</label>
                <select id={id("kind")} onchange={on_kind}>
                    <option value="table" selected={kind == "table"}>{ Msg::PayCoefTable.t(lang) }</option>
                    <option value="grade" selected={kind == "grade"}>{ Msg::PayCoefGrade.t(lang) }</option>
                    <option value="curve" selected={kind == "curve"}>{ Msg::PayCoefCurve.t(lang) }</option>
                </select></div>
            { body }
        </>
    }
}
