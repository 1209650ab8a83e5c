//! The pay sheet (绩效工资表) as an xlsx sheet with live formulas.
//!
//! Layout (0-based columns; row 1 is the header, one row per agent, then a
//! 合计 row, an 平均 row, a blank row, the title and the signature line):
//!
//! | col | content |
//! |---|---|
//! | 0 | 客服 |
//! | 1 | 绩效奖金 = `IF(scope>=1,0,'奖金…'!pay)` |
//! | 2 … 2+L−1 | each pay line, a formula over the input columns (caps as `MIN`, a variable-pay veto as `IF(scope=2,0,…)`); award lists by name are values |
//! | 2+L … 2+L+3 | 固定工资小计, 浮动工资小计, 扣款合计, 应发合计 (the floor and the one rounding) |
//! | then | each input column the lines read, as the app read it |
//! | then | 红线 (the finding that applied), 否决范围 (0, 1 = bonus, 2 = all variable) |
//! | last | 备注 |
//!
//! `tests/sheets` recomputes every formula cell in LibreOffice against
//! `paysheet::evaluate`.

use super::{cell_ref, header_row, n, sheet_ref, Cached, Out, SheetOut, Style};
use crate::i18n::{Lang, Msg};
use crate::model::formula::calc::resolve;
use crate::model::payout::Payouts;
use crate::model::paysheet::{
    evaluate, money, read, Cmp, Floor, LineCalc, LineKind, PayLine, PayLines, PaySheet, Read,
    VetoScope,
};
use crate::model::Table;

/// The input columns of `lines` (items only), distinct, in order.
pub fn input_columns(lines: &PayLines) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for l in &lines.items {
        for c in l.calc.columns() {
            if !v.iter().any(|x| x == c) {
                v.push(c.to_string());
            }
        }
    }
    v
}

fn text_lit(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// A line's formula for row `r`, or `None` when it is written as a value.
fn line_formula(
    l: &PayLine,
    r: usize,
    input_at: &dyn Fn(&str) -> Option<usize>,
    scope_ref: &str,
) -> Option<String> {
    let x = |c: &str| input_at(c).map(|i| cell_ref(i, r));
    let num_ok = |x: &str| format!("AND(ISNUMBER({x}),{x}>=0)");
    let body = match &l.calc {
        LineCalc::Flat { amount } => n(*amount),
        LineCalc::ByAgent { .. } => return None,
        LineCalc::Column { column } => {
            let x = x(column)?;
            format!("IF({},{x},0)", num_ok(&x))
        }
        LineCalc::PerUnit {
            column,
            rate,
            above,
        } => {
            let x = x(column)?;
            format!("IF({},MAX(0,{x}-{})*{},0)", num_ok(&x), n(*above), n(*rate))
        }
        LineCalc::BelowLine { column, line, rate } => {
            let x = x(column)?;
            format!("IF({},MAX(0,{}-{x})*{},0)", num_ok(&x), n(*line), n(*rate))
        }
        LineCalc::ByLabel {
            column,
            amounts,
            otherwise,
        } => {
            let x = x(column)?;
            let mut f = n(*otherwise);
            for a in amounts.iter().rev() {
                f = format!(
                    "IF(EXACT({x},{}),{},{f})",
                    text_lit(a.label.trim()),
                    n(a.amount)
                );
            }
            format!("IF({x}=\"\",0,{f})")
        }
        LineCalc::IfAll { amount, conditions } => {
            let mut terms = Vec::new();
            for c in conditions {
                let x = x(&c.column)?;
                terms.push(num_ok(&x));
                let op = match c.cmp {
                    Cmp::Ge => ">=",
                    Cmp::Gt => ">",
                    Cmp::Le => "<=",
                    Cmp::Lt => "<",
                    Cmp::Eq => "=",
                };
                terms.push(format!("{x}{op}{}", n(c.value)));
            }
            if terms.is_empty() {
                n(*amount)
            } else {
                format!("IF(AND({}),{},0)", terms.join(","), n(*amount))
            }
        }
    };
    let capped = match l.cap {
        Some(c) => format!("MIN({},{body})", n(c)),
        None => body,
    };
    Some(match l.kind {
        LineKind::Allowance | LineKind::Award => format!("IF({scope_ref}=2,0,{capped})"),
        _ => capped,
    })
}

/// The pay sheet of `payouts` under `lines`; `payouts_name` and `pay_col`
/// locate each agent's 奖金 cell (row k + 1 for the k-th agent).
#[allow(clippy::too_many_arguments)]
pub(super) fn paysheet_sheet(
    name: String,
    t: &Table,
    payouts: &Payouts,
    lines: &PayLines,
    payouts_name: &str,
    pay_col: usize,
    title: [&str; 3],
    lang: Lang,
    notes: &mut Vec<String>,
) -> (SheetOut, PaySheet) {
    let sheet = evaluate(t, payouts, lines);
    let inputs = input_columns(lines);
    let nl = lines.items.len();
    let first_line = 2;
    let fixed_col = first_line + nl;
    let (var_col, ded_col, total_col) = (fixed_col + 1, fixed_col + 2, fixed_col + 3);
    let input_col0 = total_col + 1;
    let veto_col = input_col0 + inputs.len();
    let scope_col = veto_col + 1;
    let mut head = vec![
        Msg::ColAgent.t(lang).to_string(),
        Msg::SheetColBonus.t(lang).to_string(),
    ];
    head.extend(lines.items.iter().map(|l| l.name.clone()));
    for m in [
        Msg::SheetColFixed,
        Msg::SheetColVariable,
        Msg::SheetColDeductions,
        Msg::SheetColTotal,
    ] {
        head.push(m.t(lang).to_string());
    }
    head.extend(inputs.iter().cloned());
    head.push(Msg::SheetColVeto.t(lang).to_string());
    head.push(Msg::SheetColVetoScope.t(lang).to_string());
    head.push(Msg::SheetColNote.t(lang).to_string());
    let input_at = |c: &str| inputs.iter().position(|x| x == c).map(|i| input_col0 + i);
    let pref = sheet_ref(payouts_name);
    let mut rows = vec![header_row(&head)];
    let mut by_agent_noted = vec![false; nl];
    for (k, sr) in sheet.rows.iter().enumerate() {
        let r = 1 + k;
        let scope_ref = cell_ref(scope_col, r);
        let scope = sr
            .veto
            .as_ref()
            .and_then(|(vi, _)| lines.vetoes.get(*vi))
            .map(|v| match v.scope {
                VetoScope::Bonus => 1.0,
                VetoScope::Variable => 2.0,
            })
            .unwrap_or(0.0);
        let mut row = vec![
            Out::Text(sr.agent.clone()),
            Out::Formula(
                format!("IF({scope_ref}>=1,0,{pref}{})", cell_ref(pay_col, r)),
                Cached::Num(sr.bonus),
                Style::Money,
            ),
        ];
        for (li, (l, a)) in lines.items.iter().zip(&sr.lines).enumerate() {
            match line_formula(l, r, &input_at, &scope_ref) {
                Some(f) => row.push(Out::Formula(f, Cached::Num(a.amount), Style::Money)),
                None => {
                    if let Some(done) = by_agent_noted.get_mut(li) {
                        if !*done {
                            *done = true;
                            notes.push(
                                Msg::SheetXlsxNoteByAgent
                                    .fill(lang, &[name.clone(), l.name.clone()]),
                            );
                        }
                    }
                    row.push(Out::Num(a.amount, Style::Money));
                }
            }
        }
        let refs = |k: &[LineKind]| -> Vec<String> {
            lines
                .items
                .iter()
                .enumerate()
                .filter(|(_, l)| k.contains(&l.kind))
                .map(|(i, _)| cell_ref(first_line + i, r))
                .collect()
        };
        let sum = |v: Vec<String>| {
            if v.is_empty() {
                "0".to_string()
            } else {
                v.join("+")
            }
        };
        let mut var = vec![cell_ref(1, r)];
        var.extend(refs(&[LineKind::Allowance, LineKind::Award]));
        row.push(Out::Formula(
            sum(refs(&[LineKind::Fixed])),
            Cached::Num(sr.fixed),
            Style::Money,
        ));
        row.push(Out::Formula(
            sum(var),
            Cached::Num(sr.variable),
            Style::Money,
        ));
        row.push(Out::Formula(
            sum(refs(&[LineKind::Deduction])),
            Cached::Num(sr.deductions),
            Style::Money,
        ));
        let (f, v, d) = (
            cell_ref(fixed_col, r),
            cell_ref(var_col, r),
            cell_ref(ded_col, r),
        );
        let net = match lines.floor {
            Floor::Total => format!("MAX(0,{f}+{v}-{d})"),
            Floor::Variable => format!("{f}+MAX(0,{v}-{d})"),
            Floor::None => format!("{f}+{v}-{d}"),
        };
        let unit = lines.rounding;
        let total = if unit < 1.0 {
            format!("ROUND({net},2)")
        } else {
            format!("ROUND(({net})/{},0)*{}", n(unit), n(unit))
        };
        row.push(Out::Formula(total, Cached::Num(sr.total), Style::Money));
        for c in &inputs {
            row.push(match read(t, resolve(t, c), sr.row) {
                Read::Num(v) => Out::Num(v, Style::General),
                Read::Text(s) => Out::Text(s),
                Read::Missing => Out::Empty,
            });
        }
        row.push(match &sr.veto {
            Some((_, f)) => Out::Text(f.clone()),
            None => Out::Empty,
        });
        row.push(Out::Num(scope, Style::General));
        row.push(Out::Text(row_note(sr, lines, lang)));
        rows.push(row);
    }
    let count = sheet.rows.len();
    if count > 0 {
        for (label, func) in [(Msg::SheetRowTotal, "SUM"), (Msg::SheetRowMean, "AVERAGE")] {
            let mut row = vec![Out::Text(label.t(lang).to_string())];
            for c in 1..=total_col {
                let cached = column_total(&sheet, c, nl);
                let cached = if func == "SUM" {
                    cached
                } else {
                    cached / count as f64
                };
                row.push(Out::Formula(
                    format!("{func}({}:{})", cell_ref(c, 1), cell_ref(c, count)),
                    Cached::Num(cached),
                    Style::Money,
                ));
            }
            rows.push(row);
        }
    }
    rows.push(Vec::new());
    rows.push(vec![Out::Text(
        Msg::SheetTitle.fill(lang, &title.map(str::to_string)),
    )]);
    rows.push(vec![Out::Text(Msg::SheetSignature.t(lang).to_string())]);
    let mut widths = vec![12.0];
    widths.extend(std::iter::repeat_n(12.0, head.len().saturating_sub(2)));
    widths.push(40.0);
    (SheetOut { name, rows, widths }, sheet)
}

/// The sum of sheet column `c` (1 = bonus, then lines, then the subtotals
/// and the total), exact in fen where the amounts are.
pub fn column_total(sheet: &PaySheet, c: usize, nl: usize) -> f64 {
    let vals: Vec<f64> = sheet
        .rows
        .iter()
        .map(|r| {
            if c == 1 {
                r.bonus
            } else if c < 2 + nl {
                r.lines.get(c - 2).map(|a| a.amount).unwrap_or(0.0)
            } else {
                match c - 2 - nl {
                    0 => r.fixed,
                    1 => r.variable,
                    2 => r.deductions,
                    _ => r.total,
                }
            }
        })
        .collect();
    vals.iter().sum()
}

/// 备注: the veto, caps and the floor of one row.
pub fn row_note(sr: &crate::model::paysheet::SheetRow, lines: &PayLines, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some((vi, f)) = &sr.veto {
        let name = lines.vetoes.get(*vi).map(|v| v.name.as_str()).unwrap_or("");
        parts.push(Msg::SheetNoteVeto.fill(lang, &[name.to_string(), f.clone()]));
    }
    for (l, a) in lines.items.iter().zip(&sr.lines) {
        if a.capped {
            parts.push(Msg::SheetNoteCapped.fill(lang, &[l.name.clone(), money(a.amount)]));
        }
    }
    if sr.floored {
        parts.push(Msg::SheetNoteFloored.fill(lang, &[money(sr.deductions), money(sr.deducted)]));
    }
    parts.join(if lang == Lang::Zh { "；" } else { "; " })
}
