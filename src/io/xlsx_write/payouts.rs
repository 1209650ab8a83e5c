//! The payouts sheet: score and grade from the scores sheet, inputs, the
//! coefficient, each part, gate and days factors, gross and paid.

use super::{cell_ref, header_row, n, sheet_ref, style_of, unit_of, Cached, Out, SheetOut, Style};
use crate::i18n::{Lang, Msg};
use crate::model::formula::calc::resolve;
use crate::model::payout::{compute, Coefficient, Component, PayoutModel, TierMode};
use crate::model::plan::{score, Plan};
use crate::model::{Cell, Table};

/// Excel's 绩效系数 for `coef` over the score cell and the grade cell, as
/// [`Coefficient::of`] computes it. Grade labels are compared with EXACT:
/// `=` ignores case in Excel, WPS and LibreOffice, so "a" would take "A"'s
/// coefficient.
fn coef_formula(coef: &Coefficient, score_ref: &str, grade_ref: &str) -> String {
    match coef {
        Coefficient::ScoreTable { steps, otherwise } => {
            let mut sorted: Vec<_> = steps.iter().collect();
            sorted.sort_by(|a, b| b.min.total_cmp(&a.min));
            let mut f = n(*otherwise);
            for st in sorted.iter().rev() {
                f = format!("IF({score_ref}>={},{},{f})", n(st.min), n(st.coef));
            }
            f
        }
        Coefficient::GradeTable(g) => {
            let mut f = "0".to_string();
            for gc in g.iter().rev() {
                f = format!(
                    "IF(EXACT({grade_ref},\"{}\"),{},{f})",
                    gc.grade.replace('"', "\"\""),
                    n(gc.coef)
                );
            }
            f
        }
        Coefficient::Curve {
            threshold,
            start,
            slope,
            cap,
        } => format!(
            "IF({score_ref}<{},0,MAX(0,MIN({},{}+{}*({score_ref}-{}))))",
            n(*threshold),
            n(*cap),
            n(*start),
            n(*slope),
            n(*threshold)
        ),
    }
}

/// Payouts sheet: agent, score (from the scores sheet), inputs, coefficient,
/// parts, gate and days factors, gross and paid, and a total row.
#[allow(clippy::too_many_arguments)]
pub(super) fn payouts_sheet(
    name: String,
    t: &Table,
    plan: &Plan,
    model: &PayoutModel,
    scores_name: &str,
    at: &[(usize, usize)],
    total_col: usize,
    grade_col: usize,
    lang: Lang,
    notes: &mut Vec<String>,
) -> SheetOut {
    let s = score(t, plan);
    let p = compute(t, plan, &s, model);
    let sref = sheet_ref(scores_name);
    // Input columns: each distinct column the model reads.
    let inputs: Vec<String> = {
        let mut v: Vec<String> = Vec::new();
        for c in model.columns() {
            if !v.contains(&c) {
                v.push(c);
            }
        }
        v
    };
    let mut head = vec![
        Msg::ColAgent.t(lang).to_string(),
        Msg::ColTotal.t(lang).to_string(),
        Msg::ColGrade.t(lang).to_string(),
    ];
    head.extend(inputs.iter().cloned());
    let coef_col = head.len();
    head.push(Msg::PayCoef.t(lang).to_string());
    let parts_col = head.len();
    for (i, c) in model.components.iter().enumerate() {
        let kind = match c {
            Component::Target { .. } => Msg::PayTarget,
            Component::Pool { .. } => Msg::PayPool,
            Component::Commission { .. } => Msg::PayCommission,
        };
        head.push(format!("{}. {}", i + 1, kind.t(lang)));
    }
    let gate_col = head.len();
    head.push(Msg::PayGateFactor.t(lang).to_string());
    let days_col = gate_col + 1;
    head.push(Msg::PayDaysFactor.t(lang).to_string());
    let gross_col = days_col + 1;
    head.push(Msg::PayGross.t(lang).to_string());
    let pay_col = gross_col + 1;
    head.push(Msg::PayPay.t(lang).to_string());
    let mut rows = vec![header_row(&head)];
    let input_of = |name: &str| inputs.iter().position(|c| c == name).map(|i| 3 + i);
    let mut pooled = false;
    for (k, a) in p.agents.iter().enumerate() {
        let r = 1 + k;
        let src = at
            .iter()
            .find(|(row, _)| *row == a.row)
            .map(|(_, sr)| *sr)
            .unwrap_or(r);
        let mut row = vec![
            Out::Text(a.agent.clone()),
            Out::Formula(
                format!("{sref}{}", cell_ref(total_col, src)),
                Cached::Num(a.score),
                Style::Decimal,
            ),
            Out::Formula(
                format!("{sref}{}", cell_ref(grade_col, src)),
                Cached::Text(s.grade_labels.get(a.grade).cloned().unwrap_or_default()),
                Style::General,
            ),
        ];
        for c in &inputs {
            let unit = unit_of(t, c);
            let v = resolve(t, c)
                .and_then(|col| t.cell(a.row, col))
                .and_then(Cell::number);
            row.push(v.map(|v| Out::Num(v, style_of(unit))).unwrap_or(Out::Empty));
        }
        let score_ref = cell_ref(1, r);
        let grade_ref = cell_ref(2, r);
        // The coefficient of the first target part (as the app shows it).
        let first_coef = model.components.iter().find_map(|c| match c {
            Component::Target { coef, .. } => Some(coef_formula(coef, &score_ref, &grade_ref)),
            _ => None,
        });
        let coef_ref = cell_ref(coef_col, r);
        row.push(match first_coef {
            Some(f) => Out::Formula(f, Cached::Num(a.coef.unwrap_or(0.0)), Style::Decimal),
            None => Out::Empty,
        });
        let mut plain_refs = Vec::new();
        let mut pool_refs = Vec::new();
        let mut first_target = true;
        for (ci, (c, part)) in model.components.iter().zip(&a.parts).enumerate() {
            let pref = cell_ref(parts_col + ci, r);
            match c {
                Component::Target { base, coef } => {
                    // Later target parts compute their own coefficient inline.
                    let f = if first_target {
                        format!("{}*{coef_ref}", n(*base))
                    } else {
                        format!(
                            "{}*{}",
                            n(*base),
                            coef_formula(coef, &score_ref, &grade_ref)
                        )
                    };
                    first_target = false;
                    row.push(Out::Formula(f, Cached::Num(*part), Style::Money));
                    plain_refs.push(pref);
                }
                Component::Commission {
                    column,
                    tiers,
                    mode,
                    multiplier,
                } => {
                    let Some(ic) = input_of(column) else {
                        row.push(Out::Num(*part, Style::Money));
                        plain_refs.push(pref);
                        continue;
                    };
                    let x = cell_ref(ic, r);
                    let mut sorted = tiers.clone();
                    sorted.sort_by(|a, b| a.from.total_cmp(&b.from));
                    let body = match mode {
                        TierMode::Marginal => {
                            let slices: Vec<String> = sorted
                                .iter()
                                .enumerate()
                                .map(|(i, tr)| match sorted.get(i + 1) {
                                    Some(next) => format!(
                                        "{}*MAX(0,MIN({x},{})-{})",
                                        n(tr.rate),
                                        n(next.from),
                                        n(tr.from)
                                    ),
                                    None => format!("{}*MAX(0,{x}-{})", n(tr.rate), n(tr.from)),
                                })
                                .collect();
                            format!("({})", slices.join("+"))
                        }
                        TierMode::Retroactive => {
                            let mut f = "0".to_string();
                            for tr in &sorted {
                                f = format!("IF({x}>={},{}*{x},{f})", n(tr.from), n(tr.rate));
                            }
                            f
                        }
                    };
                    row.push(Out::Formula(
                        format!("IF(AND(ISNUMBER({x}),{x}>0),{body}*{},0)", n(*multiplier)),
                        Cached::Num(*part),
                        Style::Money,
                    ));
                    plain_refs.push(pref);
                }
                Component::Pool { .. } => {
                    pooled = true;
                    row.push(Out::Num(*part, Style::Money));
                    pool_refs.push(pref);
                }
            }
        }
        let gate_terms: Vec<String> = model
            .gates
            .iter()
            .filter_map(|g| {
                let x = cell_ref(input_of(&g.column)?, r);
                let op = if g.fail_below { "<" } else { ">" };
                Some(format!(
                    "IF(AND(ISNUMBER({x}),{x}{op}{}),{},1)",
                    n(g.threshold),
                    n(1.0 - g.cut)
                ))
            })
            .collect();
        row.push(Out::Formula(
            if gate_terms.is_empty() {
                "1".into()
            } else {
                gate_terms.join("*")
            },
            Cached::Num(a.gate_factor),
            Style::Decimal,
        ));
        let days = model
            .prorate
            .as_ref()
            .and_then(|pr| Some((input_of(&pr.column)?, pr.full_days)))
            .map(|(ic, full)| {
                let d = cell_ref(ic, r);
                format!("IF(ISNUMBER({d}),MIN(1,MAX(0,{d}/{})),1)", n(full))
            })
            .unwrap_or_else(|| "1".into());
        row.push(Out::Formula(
            days,
            Cached::Num(a.days_factor),
            Style::Decimal,
        ));
        let plain = if plain_refs.is_empty() {
            "0".to_string()
        } else {
            format!("({})", plain_refs.join("+"))
        };
        let mut gross = format!(
            "{plain}*{}*{}",
            cell_ref(gate_col, r),
            cell_ref(days_col, r)
        );
        for pr in &pool_refs {
            gross = format!("{gross}+{pr}");
        }
        row.push(Out::Formula(gross, Cached::Num(a.gross), Style::Money));
        let g = cell_ref(gross_col, r);
        let unit = model.rounding;
        let pay = if unit < 1.0 {
            format!("ROUND(MAX(0,{g}),2)")
        } else {
            format!("ROUND(MAX(0,{g})/{},0)*{}", n(unit), n(unit))
        };
        row.push(Out::Formula(pay, Cached::Num(a.pay), Style::Money));
        rows.push(row);
    }
    let last = p.agents.len();
    let mut total = vec![Out::Text(Msg::PayTotal.t(lang).to_string())];
    total.resize(pay_col, Out::Empty);
    // With no agents the total row is row 2 itself: SUM(J2:J2) would be circular.
    total.push(if last == 0 {
        Out::Num(0.0, Style::Money)
    } else {
        Out::Formula(
            format!("SUM({}:{})", cell_ref(pay_col, 1), cell_ref(pay_col, last)),
            Cached::Num(p.stats.total),
            Style::Money,
        )
    });
    rows.push(total);
    if pooled {
        notes.push(Msg::XlsxNotePool.fill(lang, std::slice::from_ref(&name)));
    }
    let mut widths = vec![12.0, 9.0, 7.0];
    widths.extend(std::iter::repeat_n(12.0, head.len().saturating_sub(3)));
    SheetOut { name, rows, widths }
}
