//! An agent's statement in words and rows: how the coefficient was chosen,
//! why each pay line applies, and the statement's rows for CSV, xlsx and print.

use super::*;
/// How the first target part's coefficient was chosen, in words.
pub fn coef_how(model: &PayoutModel, st: &Statement, lang: Lang) -> String {
    let score = num(st.score.total);
    let coef = model.components.iter().find_map(|c| match c {
        Component::Target { coef, .. } => Some(coef),
        _ => None,
    });
    match coef {
        None => Msg::StmCoefNone.t(lang).to_string(),
        Some(Coefficient::ScoreTable { steps, .. }) => {
            let mut sorted: Vec<_> = steps.iter().collect();
            crate::model::order::sort_by(&mut sorted, |a, b| b.min.total_cmp(&a.min));
            match sorted.iter().find(|s| st.score.total >= s.min) {
                Some(s) => Msg::StmCoefStep.fill(lang, &[score, num(s.min)]),
                None => Msg::StmCoefOtherwise.fill(lang, &[score]),
            }
        }
        Some(Coefficient::GradeTable(_)) => {
            Msg::StmCoefGrade.fill(lang, std::slice::from_ref(&st.grade))
        }
        Some(Coefficient::Curve {
            threshold,
            start,
            slope,
            cap,
        }) => Msg::StmCoefCurve.fill(
            lang,
            &[num(*start), num(*slope), score, num(*threshold), num(*cap)],
        ),
    }
}

/// One pay line's basis in words.
pub fn line_reason(t: &Table, l: &PayLine, a: &LineAmount, lang: Lang) -> String {
    let val = |column: &str| match a.basis {
        Some(v) => format_value(v, unit_of_col(t, column), lang),
        None => Msg::StmMissing.t(lang).to_string(),
    };
    let lbl = |column: &str| super::super::column_label(Some(t), column, lang);
    let mut s = match &l.calc {
        LineCalc::Flat { .. } => Msg::StmFlat.t(lang).to_string(),
        LineCalc::Column { column } => Msg::StmColumn.fill(lang, &[lbl(column), val(column)]),
        LineCalc::ByLabel { column, .. } => Msg::StmByLabel.fill(
            lang,
            &[
                lbl(column),
                a.label
                    .clone()
                    .unwrap_or_else(|| Msg::StmMissing.t(lang).to_string()),
            ],
        ),
        LineCalc::PerUnit {
            column,
            rate,
            above,
        } => {
            if *above == 0.0 {
                Msg::StmPerUnit.fill(lang, &[lbl(column), val(column), num(*rate)])
            } else {
                Msg::StmPerUnitAbove
                    .fill(lang, &[lbl(column), val(column), num(*above), num(*rate)])
            }
        }
        LineCalc::BelowLine { column, line, rate } => {
            Msg::StmBelowLine.fill(lang, &[num(*line), lbl(column), val(column), num(*rate)])
        }
        LineCalc::IfAll { conditions, .. } => {
            let sep = if lang == Lang::Zh { "，" } else { ", " };
            let c: Vec<String> = conditions
                .iter()
                .map(|c| format!("{} {} {}", lbl(&c.column), c.cmp.symbol(), num(c.value)))
                .collect();
            let m = if a.unmet {
                Msg::StmCondUnmet
            } else {
                Msg::StmCondMet
            };
            m.fill(lang, &[c.join(sep)])
        }
        LineCalc::ByAgent { .. } => Msg::StmByAgent.t(lang).to_string(),
    };
    if a.capped {
        s.push_str(&Msg::StmCapped.fill(lang, &[money(a.uncapped)]));
    }
    if a.vetoed {
        s.push_str(Msg::StmVetoed.t(lang));
    }
    s
}

/// The statement as rows of cells (the print view, the CSV and the xlsx
/// sheet show the same rows).
pub fn statement_rows(
    t: &Table,
    plan: &Plan,
    model: &PayoutModel,
    st: &Statement,
    lang: Lang,
) -> Vec<Vec<CsvOut>> {
    use CsvOut::{Empty, Number as N, Text as T};
    let txt = |m: Msg| T(m.t(lang).to_string());
    let mut rows = vec![
        vec![T(
            Msg::StmTitle.fill(lang, &[plan.month.clone(), st.agent.clone()])
        )],
        vec![T(
            Msg::StmPlanLine.fill(lang, &[plan.name.clone(), model.name.clone()])
        )],
        Vec::new(),
        vec![
            txt(Msg::PlanColColumn),
            txt(Msg::StmColSelf),
            txt(Msg::StmColTeam),
            txt(Msg::PlanColWeight),
            txt(Msg::PlanColRule),
            txt(Msg::ColPoints),
            txt(Msg::ColWeighted),
        ],
    ];
    for (it, si) in plan.items.iter().zip(&st.items) {
        let unit = unit_of_col(t, &it.column);
        let sc = st.score.items.get(si.item);
        rows.push(vec![
            T(super::super::column_label(Some(t), &it.column, lang)),
            si.value
                .map(|v| T(format_value(v, unit, lang)))
                .unwrap_or(T(Msg::StmMissing.t(lang).to_string())),
            si.team_average
                .map(|v| T(format_value(v, unit, lang)))
                .unwrap_or(Empty),
            N(it.weight),
            T(crate::io::xlsx_write::rule_text(it, Some(t), lang)),
            sc.map(|s| N(crate::model::round::round_dp(s.points, 2)))
                .unwrap_or(Empty),
            sc.map(|s| N(crate::model::round::round_dp(s.weighted, 2)))
                .unwrap_or(Empty),
        ]);
    }
    rows.push(vec![T(Msg::StmTotalLine.fill(
        lang,
        &[
            num(st.score.total),
            st.score.rank.to_string(),
            st.team_size.to_string(),
            st.grade.clone(),
        ],
    ))]);
    if let Some(c) = st.pay.coef {
        rows.push(vec![T(
            Msg::StmCoefLine.fill(lang, &[num(c), coef_how(model, st, lang)])
        )]);
    }
    rows.push(Vec::new());
    rows.push(vec![
        txt(Msg::StmColItem),
        txt(Msg::StmColAmount),
        txt(Msg::StmColReason),
    ]);
    let lines = &model.lines;
    let bonus_reason = match &st.row.veto {
        Some((vi, f)) => Msg::StmBonusVetoed.fill(
            lang,
            &[
                lines
                    .vetoes
                    .get(*vi)
                    .map(|v| v.name.clone())
                    .unwrap_or_default(),
                f.clone(),
                money(st.row.bonus_before_veto),
            ],
        ),
        None => Msg::StmBonusReason.fill(
            lang,
            &[
                st.pay
                    .parts
                    .iter()
                    .map(|p| money(*p))
                    .collect::<Vec<_>>()
                    .join(" + "),
                num(st.pay.gate_factor),
                num(st.pay.days_factor),
                num(model.rounding),
            ],
        ),
    };
    rows.push(vec![
        txt(Msg::SheetColBonus),
        N(st.row.bonus),
        T(bonus_reason),
    ]);
    for (l, a) in lines.items.iter().zip(&st.row.lines) {
        let signed = if l.kind == LineKind::Deduction {
            -a.amount
        } else {
            a.amount
        };
        rows.push(vec![
            T(l.name.clone()),
            N(signed),
            T(line_reason(t, l, a, lang)),
        ]);
    }
    rows.push(vec![
        txt(Msg::SheetColDeductions),
        N(-st.row.deducted),
        if st.row.floored {
            T(Msg::StmFloored.fill(lang, &[money(st.row.deductions), money(st.row.deducted)]))
        } else {
            Empty
        },
    ]);
    rows.push(vec![txt(Msg::SheetColTotal), N(st.row.total)]);
    rows.push(Vec::new());
    rows.push(vec![txt(Msg::StmNextTitle)]);
    match &st.next {
        Some(n) if !n.options.is_empty() => {
            for o in &n.options {
                let unit = unit_of_col(t, &o.column);
                let (mut from, mut to) = (
                    format_value(o.from, unit, lang),
                    format_value(o.to, unit, lang),
                );
                if from == to {
                    // A change smaller than the display's precision: show more digits.
                    let scale = if unit == crate::model::Unit::Percent {
                        100.0
                    } else {
                        1.0
                    };
                    let suffix = if scale == 100.0 { "%" } else { "" };
                    from = format!(
                        "{}{suffix}",
                        crate::model::formula::value::general(o.from * scale)
                    );
                    to = format!(
                        "{}{suffix}",
                        crate::model::formula::value::general(o.to * scale)
                    );
                }
                let mut args = vec![
                    super::super::column_label(Some(t), &o.column, lang),
                    from,
                    to,
                    n.grade.clone(),
                ];
                let m = match o.gain {
                    Some(g) => {
                        args.push(money(g));
                        Msg::StmNextLine
                    }
                    None => Msg::StmNextLineUnpriced,
                };
                rows.push(vec![T(m.fill(lang, &args))]);
            }
        }
        Some(n) => rows.push(vec![T(
            Msg::StmNextNoOption.fill(lang, &[num(n.gap), n.grade.clone()])
        )]),
        None => rows.push(vec![txt(Msg::StmTop)]),
    }
    if let Some(p) = &st.prev {
        rows.push(vec![T(Msg::StmPrevLine.fill(
            lang,
            &[
                p.month.clone(),
                num(p.total),
                p.grade.clone(),
                money(p.bonus),
                money(p.pay),
            ],
        ))]);
    }
    rows.push(Vec::new());
    rows.push(vec![txt(Msg::StmSign)]);
    rows
}
