//! The payouts sheet: score and grade from the scores sheet, inputs, the
//! coefficient, each part, gate and days factors, gross and paid.

use super::{cell_ref, header_row, n, sheet_ref, style_of, unit_of, Cached, Out, SheetOut, Style};
use crate::i18n::{Lang, Msg};
use crate::model::formula::calc::resolve;
use crate::model::payout::{compute, pay_formula, Component, PayoutModel, Tiers};
use crate::model::plan::{score, Plan};
use crate::model::{Cell, Table};

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
    head.extend(inputs.iter().map(|c| super::column_label(Some(t), c, lang)));
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
            Component::Target { coef, .. } => Some(coef.formula(&score_ref, &grade_ref)),
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
                        format!("{}*{}", n(*base), coef.formula(&score_ref, &grade_ref))
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
                    row.push(Out::Formula(
                        Tiers::new(tiers, *mode).formula(&x, *multiplier),
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
            .filter_map(|g| Some(g.formula(&cell_ref(input_of(&g.column)?, r))))
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
            .and_then(|pr| Some(pr.formula(&cell_ref(input_of(&pr.column)?, r))))
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
        row.push(Out::Formula(
            pay_formula(&g, model.rounding),
            Cached::Num(a.pay),
            Style::Money,
        ));
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
