//! Writing the workbook as `.xlsx`: one sheet per monthly table, the plans,
//! each plan's scores and each payout model's payouts with **live Excel
//! formulas** (cached results stored too, so viewers that do not recompute
//! still show the numbers), and a notes sheet listing what is written as a
//! value because it has no faithful formula.
//!
//! Written by hand on the zip/deflate code the reader already uses: the
//! SpreadsheetML needed here (inline strings, number formats, frozen header,
//! column widths, formulas with cached values) is small, and
//! `rust_xlsxwriter` would add ≈ 150 KB gzip to every page load.

pub mod paysheet;

use crate::i18n::{Lang, Msg};
use crate::model::formula::calc::resolve;
use crate::model::payout::{compute, Coefficient, Component, PayoutModel, TierMode};
use crate::model::plan::{item_lower, score, CompiledPlan, CompiledRule, Grading, Plan, PlanItem};
use crate::model::workbook::Snapshot;
use crate::model::{Cell, Table, Unit};

/// A cell to write.
#[derive(Clone, Debug)]
enum Out {
    Num(f64, Style),
    Text(String),
    /// A formula (without `=`) with its cached number or text.
    Formula(String, Cached, Style),
    Empty,
}

#[derive(Clone, Debug)]
enum Cached {
    Num(f64),
    Text(String),
}

/// Cell styles (indices into `cellXfs` in styles.xml).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Style {
    General = 0,
    Header = 1,
    Percent = 2,
    Money = 3,
    Seconds = 4,
    Decimal = 5,
}

fn style_of(unit: Unit) -> Style {
    match unit {
        Unit::Percent => Style::Percent,
        Unit::Money => Style::Money,
        Unit::Seconds => Style::Seconds,
        Unit::Ratio | Unit::Points => Style::Decimal,
        _ => Style::General,
    }
}

struct SheetOut {
    name: String,
    rows: Vec<Vec<Out>>,
    widths: Vec<f64>,
}

/// `A`, `B`, … `AA` for a 0-based column.
pub fn col_name(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn cell_ref(col: usize, row: usize) -> String {
    format!("{}{}", col_name(col), row + 1)
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A number as Excel formulas and XML take it: shortest round-trip form.
fn n(v: f64) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        "0".into()
    }
}

/// A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters, unique.
fn sheet_name(raw: &str, taken: &[String]) -> String {
    let clean: String = raw
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let base: String = clean.chars().take(28).collect();
    let mut name = base.clone();
    let mut k = 2;
    while taken
        .iter()
        .any(|t| t.to_lowercase() == name.to_lowercase())
    {
        name = format!("{base}~{k}");
        k += 1;
    }
    name
}

/// `'name'!` for references to another sheet.
fn sheet_ref(name: &str) -> String {
    format!("'{}'!", name.replace('\'', "''"))
}

fn unit_of(t: &Table, column: &str) -> Unit {
    resolve(t, column)
        .and_then(|c| t.columns.get(c))
        .map(|c| c.unit)
        .unwrap_or(Unit::Number)
}

fn value_cell(c: &Cell, unit: Unit) -> Out {
    match c {
        Cell::Number(v) => Out::Num(*v, style_of(unit)),
        Cell::Text(s) => Out::Text(s.clone()),
        Cell::Bool(b) => Out::Text(if *b { "TRUE" } else { "FALSE" }.into()),
        Cell::Invalid { raw, .. } => Out::Text(raw.clone()),
        Cell::Error(e) => Out::Text(e.code().into()),
        Cell::Empty => Out::Empty,
    }
}

fn header_row(names: &[String]) -> Vec<Out> {
    names.iter().map(|h| Out::Text(h.clone())).collect()
}

fn data_sheet(name: String, t: &Table, lang: Lang) -> SheetOut {
    let mut rows = vec![header_row(
        &t.columns
            .iter()
            .map(|c| c.label(lang).to_string())
            .collect::<Vec<_>>(),
    )];
    for r in 0..t.len() {
        rows.push(
            t.columns
                .iter()
                .enumerate()
                .map(|(c, col)| value_cell(t.at(r, c), col.unit))
                .collect(),
        );
    }
    let widths = t
        .columns
        .iter()
        .map(|c| (c.name.chars().count() as f64 * 2.0 + 2.0).clamp(8.0, 30.0))
        .collect();
    SheetOut { name, rows, widths }
}

/// Scores sheet: agent, then per item value / points / weighted, total,
/// rank, grade. Returns the sheet and, per table row, the sheet row of its
/// agent (for payouts to reference the total and grade).
fn scores_sheet(
    name: String,
    t: &Table,
    plan: &Plan,
    lang: Lang,
    notes: &mut Vec<String>,
) -> (SheetOut, Vec<(usize, usize)>, usize, usize) {
    let s = score(t, plan);
    let compiled = CompiledPlan::new(plan, t);
    let n_agents = s.agents.len();
    let mut head = vec![Msg::ColAgent.t(lang).to_string()];
    for it in &plan.items {
        head.push(it.column.clone());
        head.push(format!("{} · {}", it.column, Msg::ColPoints.t(lang)));
        head.push(format!(
            "{} · {} ({}%)",
            it.column,
            Msg::ColWeighted.t(lang),
            n(it.weight)
        ));
    }
    let total_col = 1 + 3 * plan.items.len();
    head.push(Msg::ColTotal.t(lang).to_string());
    head.push(Msg::ColRank.t(lang).to_string());
    head.push(Msg::ColGrade.t(lang).to_string());
    let mut rows = vec![header_row(&head)];
    let first = 1;
    let last = n_agents; // sheet rows 1..=n (0-based row 0 is the header)
    let mut at = Vec::new();
    for (k, a) in s.agents.iter().enumerate() {
        let r = first + k;
        at.push((a.row, r));
        let mut row = vec![Out::Text(t.agent_name(a.row))];
        let mut weighted_refs = Vec::new();
        let mut gate_checks = Vec::new();
        let items = plan.items.iter().zip(compiled.items()).zip(&a.items);
        for (i, ((it, ci), sc)) in items.enumerate() {
            let vc = 1 + 3 * i;
            let x = cell_ref(vc, r);
            let range = format!("${c}${}:${c}${}", first + 1, last + 1, c = col_name(vc));
            let unit = unit_of(t, &it.column);
            row.push(match sc.raw {
                Some(v) => Out::Num(v, style_of(unit)),
                None => Out::Empty,
            });
            row.push(Out::Formula(
                ci.rule.formula(&x, &range),
                Cached::Num(sc.points),
                Style::Decimal,
            ));
            row.push(Out::Formula(
                format!("{}*{}/100", cell_ref(vc + 1, r), n(it.weight)),
                Cached::Num(sc.weighted),
                Style::Decimal,
            ));
            weighted_refs.push(cell_ref(vc + 2, r));
            if ci.rule.zeroes_total() {
                gate_checks.push(format!("AND(ISNUMBER({x}),{}=0)", cell_ref(vc + 1, r)));
            }
        }
        let sum = if weighted_refs.is_empty() {
            "0".to_string()
        } else {
            weighted_refs.join("+")
        };
        let total = if gate_checks.is_empty() {
            sum
        } else {
            format!("IF(OR({}),0,{sum})", gate_checks.join(","))
        };
        let tref = cell_ref(total_col, r);
        let trange = format!(
            "${c}${}:${c}${}",
            first + 1,
            last + 1,
            c = col_name(total_col)
        );
        row.push(Out::Formula(total, Cached::Num(a.total), Style::Decimal));
        row.push(Out::Formula(
            format!("RANK({tref},{trange},0)"),
            Cached::Num(a.rank as f64),
            Style::General,
        ));
        let label = s.grade_labels.get(a.grade).cloned().unwrap_or_default();
        match &plan.grading {
            Grading::Thresholds(th) => {
                let mut sorted: Vec<_> = th.iter().collect();
                sorted.sort_by(|a, b| b.min.total_cmp(&a.min));
                let mut f = format!(
                    "\"{}\"",
                    sorted
                        .last()
                        .map(|g| g.label.replace('"', "\"\""))
                        .unwrap_or_default()
                );
                for g in sorted.iter().rev().skip(1) {
                    f = format!(
                        "IF({tref}>={},\"{}\",{f})",
                        n(g.min),
                        g.label.replace('"', "\"\"")
                    );
                }
                row.push(Out::Formula(f, Cached::Text(label), Style::General));
            }
            Grading::Forced(_) => row.push(Out::Text(label)),
        }
        rows.push(row);
    }
    if matches!(plan.grading, Grading::Forced(_)) {
        notes.push(Msg::XlsxNoteForced.fill(lang, std::slice::from_ref(&name)));
    }
    let mut widths = vec![12.0];
    widths.extend(std::iter::repeat_n(11.0, 3 * plan.items.len()));
    widths.extend([9.0, 7.0, 7.0]);
    (
        SheetOut { name, rows, widths },
        at,
        total_col,
        total_col + 2,
    )
}

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
fn payouts_sheet(
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

/// A value of a column in `unit` as the rules sheet shows it: a rate as a
/// percentage (`45%`, not `0.45`), anything else as the number.
fn unit_text(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Percent => format!("{}%", n(crate::model::round::round_dp(v * 100.0, 6))),
        _ => n(v),
    }
}

/// A rule in words and numbers: its name, then its thresholds (values in
/// the column's unit, bands best first).
fn rule_text(item: &PlanItem, t: Option<&Table>, lang: Lang) -> String {
    let name = item.rule.kind().label().t(lang);
    let (unit, lower) = t
        .map(|t| (unit_of(t, &item.column), item_lower(item, t)))
        .unwrap_or((Unit::Number, false));
    let detail = CompiledRule::new(&item.rule, lower).detail(&|v| unit_text(v, unit), &n);
    if detail.is_empty() {
        name.to_string()
    } else {
        format!("{name}: {detail}")
    }
}

/// The table a plan scores: its month's, else the current month's.
fn table_for<'a>(s: &'a Snapshot, plan: &Plan) -> Option<&'a Table> {
    s.tables
        .iter()
        .find(|(m, _)| *m == plan.month)
        .or_else(|| s.tables.iter().find(|(m, _)| *m == s.month))
        .map(|(_, t)| t)
}

fn plan_sheet(name: String, s: &Snapshot, lang: Lang) -> SheetOut {
    let mut rows = vec![header_row(&[
        Msg::PlanSelect.t(lang).to_string(),
        Msg::MonthLabel.t(lang).to_string(),
        Msg::PlanColColumn.t(lang).to_string(),
        Msg::PlanColWeight.t(lang).to_string(),
        Msg::PlanColRule.t(lang).to_string(),
    ])];
    for p in &s.plans {
        let t = table_for(s, p);
        for it in &p.items {
            rows.push(vec![
                Out::Text(p.name.clone()),
                Out::Text(p.month.clone()),
                Out::Text(it.column.clone()),
                Out::Num(it.weight / 100.0, Style::Percent),
                Out::Text(rule_text(it, t, lang)),
            ]);
        }
        let grading = match &p.grading {
            Grading::Thresholds(t) => t
                .iter()
                .map(|g| format!("{} ≥ {}", g.label, n(g.min)))
                .collect::<Vec<_>>()
                .join("，"),
            Grading::Forced(g) => g
                .iter()
                .map(|g| format!("{} {}%", g.label, n(g.share * 100.0)))
                .collect::<Vec<_>>()
                .join("，"),
        };
        rows.push(vec![
            Out::Text(p.name.clone()),
            Out::Text(p.month.clone()),
            Out::Text(Msg::ColGrade.t(lang).to_string()),
            Out::Empty,
            Out::Text(grading),
        ]);
    }
    SheetOut {
        name,
        rows,
        widths: vec![16.0, 9.0, 16.0, 8.0, 60.0],
    }
}

fn sheet_xml(s: &SheetOut) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    );
    x.push_str("<sheetViews><sheetView workbookViewId=\"0\"><pane xSplit=\"1\" ySplit=\"1\" topLeftCell=\"B2\" activePane=\"bottomRight\" state=\"frozen\"/></sheetView></sheetViews>");
    if !s.widths.is_empty() {
        x.push_str("<cols>");
        for (i, w) in s.widths.iter().enumerate() {
            x.push_str(&format!(
                "<col min=\"{0}\" max=\"{0}\" width=\"{1}\" customWidth=\"1\"/>",
                i + 1,
                n(*w)
            ));
        }
        x.push_str("</cols>");
    }
    x.push_str("<sheetData>");
    for (r, row) in s.rows.iter().enumerate() {
        x.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, cell) in row.iter().enumerate() {
            let at = cell_ref(c, r);
            let hs = if r == 0 { Style::Header as u8 } else { 0 };
            match cell {
                Out::Empty => {}
                Out::Num(v, st) => x.push_str(&format!(
                    "<c r=\"{at}\" s=\"{}\"><v>{}</v></c>",
                    *st as u8,
                    n(*v)
                )),
                Out::Text(t) => x.push_str(&format!(
                    "<c r=\"{at}\" s=\"{hs}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                    esc(t)
                )),
                Out::Formula(f, Cached::Num(v), st) => x.push_str(&format!(
                    "<c r=\"{at}\" s=\"{}\"><f>{}</f><v>{}</v></c>",
                    *st as u8,
                    esc(f),
                    n(*v)
                )),
                Out::Formula(f, Cached::Text(v), st) => x.push_str(&format!(
                    "<c r=\"{at}\" s=\"{}\" t=\"str\"><f>{}</f><v>{}</v></c>",
                    *st as u8,
                    esc(f),
                    esc(v)
                )),
            }
        }
        x.push_str("</row>");
    }
    x.push_str("</sheetData></worksheet>");
    x
}

const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"0.00%\"/><numFmt numFmtId=\"165\" formatCode=\"&quot;¥&quot;#,##0.00\"/><numFmt numFmtId=\"166\" formatCode=\"0.0&quot;秒&quot;\"/></numFmts><fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"6\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/><xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"166\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"2\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>";

/// CRC-32 (IEEE), as zip needs (and share links, to catch any changed byte).
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for b in data {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// A zip of `(name, bytes)` parts, deflated.
fn zip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let le16 = |v: usize| (v as u16).to_le_bytes();
    let le32 = |v: usize| (v as u32).to_le_bytes();
    for (name, data) in parts {
        let packed = miniz_oxide::deflate::compress_to_vec(data, 6);
        let crc = crc32(data).to_le_bytes();
        let offset = out.len();
        // Local header: version 20, no flags, deflate, fixed time 2026-01-01.
        out.extend([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 0, 0, 0x21, 0x5c]);
        out.extend(crc);
        out.extend(le32(packed.len()));
        out.extend(le32(data.len()));
        out.extend(le16(name.len()));
        out.extend([0, 0]);
        out.extend(name.as_bytes());
        out.extend(&packed);
        central.extend([
            0x50, 0x4b, 0x01, 0x02, 20, 0, 20, 0, 0, 0, 8, 0, 0, 0, 0x21, 0x5c,
        ]);
        central.extend(crc);
        central.extend(le32(packed.len()));
        central.extend(le32(data.len()));
        central.extend(le16(name.len()));
        central.extend([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        central.extend(le32(offset));
        central.extend(name.as_bytes());
    }
    let dir_at = out.len();
    out.extend(&central);
    out.extend([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]);
    out.extend(le16(parts.len()));
    out.extend(le16(parts.len()));
    out.extend(le32(central.len()));
    out.extend(le32(dir_at));
    out.extend([0, 0]);
    out
}

/// The whole workbook as xlsx bytes.
pub fn workbook_xlsx(s: &Snapshot, lang: Lang) -> Vec<u8> {
    let mut sheets: Vec<SheetOut> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let add = |sheets: &mut Vec<SheetOut>, names: &mut Vec<String>, sh: SheetOut| {
        names.push(sh.name.clone());
        sheets.push(sh);
    };
    for (m, t) in &s.tables {
        let name = sheet_name(&format!("{}-{m}", Msg::FileTeamData.t(lang)), &names);
        if t.columns.iter().any(|c| c.is_formula()) {
            notes.push(Msg::XlsxNoteFormulaColumns.fill(lang, std::slice::from_ref(&name)));
        }
        add(&mut sheets, &mut names, data_sheet(name, t, lang));
    }
    if !s.plans.is_empty() {
        let name = sheet_name(Msg::TabPlan.t(lang), &names);
        add(&mut sheets, &mut names, plan_sheet(name, s, lang));
    }
    for plan in &s.plans {
        let Some(t) = table_for(s, plan) else {
            continue;
        };
        let sname = sheet_name(
            &format!("{}-{}", Msg::FileScores.t(lang), plan.name),
            &names,
        );
        let (sheet, at, total_col, grade_col) =
            scores_sheet(sname.clone(), t, plan, lang, &mut notes);
        add(&mut sheets, &mut names, sheet);
        for model in &s.payouts {
            let pname = sheet_name(
                &format!("{}-{}-{}", Msg::FilePayouts.t(lang), plan.name, model.name),
                &names,
            );
            let sheet = payouts_sheet(
                pname.clone(),
                t,
                plan,
                model,
                &sname,
                &at,
                total_col,
                grade_col,
                lang,
                &mut notes,
            );
            let pay_col = sheet
                .rows
                .first()
                .map(|r| r.len().saturating_sub(1))
                .unwrap_or(0);
            add(&mut sheets, &mut names, sheet);
            if !model.lines.is_empty() {
                let wname = sheet_name(
                    &format!("{}-{}-{}", Msg::FilePaySheet.t(lang), plan.name, model.name),
                    &names,
                );
                let p = compute(t, plan, &score(t, plan), model);
                let (ws, _) = paysheet::paysheet_sheet(
                    wname,
                    t,
                    &p,
                    &model.lines,
                    Some((pname.as_str(), pay_col)),
                    [plan.month.as_str(), plan.name.as_str(), model.name.as_str()],
                    false,
                    lang,
                    &mut notes,
                );
                add(&mut sheets, &mut names, ws);
            }
        }
    }
    let notes_name = sheet_name(Msg::XlsxNotes.t(lang), &names);
    let mut note_rows = vec![vec![Out::Text(Msg::XlsxNotesHead.t(lang).to_string())]];
    note_rows.extend(notes.iter().map(|t| vec![Out::Text(t.clone())]));
    add(
        &mut sheets,
        &mut names,
        SheetOut {
            name: notes_name,
            rows: note_rows,
            widths: vec![110.0],
        },
    );

    package(&sheets)
}

/// The sheets as an xlsx package.
fn package(sheets: &[SheetOut]) -> Vec<u8> {
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    let mut types = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
    let mut wb = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
    let mut rels = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    for (i, sh) in sheets.iter().enumerate() {
        let k = i + 1;
        types.push_str(&format!("<Override PartName=\"/xl/worksheets/sheet{k}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"));
        wb.push_str(&format!(
            "<sheet name=\"{}\" sheetId=\"{k}\" r:id=\"rId{k}\"/>",
            esc(&sh.name)
        ));
        rels.push_str(&format!("<Relationship Id=\"rId{k}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{k}.xml\"/>"));
        parts.push((
            format!("xl/worksheets/sheet{k}.xml"),
            sheet_xml(sh).into_bytes(),
        ));
    }
    let styles_id = sheets.len() + 1;
    rels.push_str(&format!("<Relationship Id=\"rId{styles_id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>"));
    // Full recalculation on open, so Excel/WPS/LibreOffice show their own results.
    wb.push_str("</sheets><calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>");
    types.push_str("</Types>");
    let root_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    let mut all = vec![
        ("[Content_Types].xml".to_string(), types.into_bytes()),
        ("_rels/.rels".to_string(), root_rels.as_bytes().to_vec()),
        ("xl/workbook.xml".to_string(), wb.into_bytes()),
        ("xl/_rels/workbook.xml.rels".to_string(), rels.into_bytes()),
        ("xl/styles.xml".to_string(), STYLES.as_bytes().to_vec()),
    ];
    all.extend(parts);
    zip(&all)
}

/// A cell of a plain sheet (exports other than the workbook, e.g. trends).
#[derive(Clone, Debug, PartialEq)]
pub enum PlainCell {
    /// A number shown in its unit's format (percent, ¥, seconds…).
    Number(f64, Unit),
    Text(String),
    Empty,
}

/// Plain sheets (name, rows; the first row is the header) as xlsx bytes:
/// values only, number formats by unit, header frozen.
pub fn plain_xlsx(sheets: &[(String, Vec<Vec<PlainCell>>)]) -> Vec<u8> {
    let mut names: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (raw, rows) in sheets {
        let name = sheet_name(raw, &names);
        names.push(name.clone());
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let rows: Vec<Vec<Out>> = rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|c| match c {
                        PlainCell::Number(v, u) if v.is_finite() => Out::Num(*v, style_of(*u)),
                        PlainCell::Number(..) | PlainCell::Empty => Out::Empty,
                        PlainCell::Text(t) => Out::Text(t.clone()),
                    })
                    .collect()
            })
            .collect();
        out.push(SheetOut {
            name,
            rows,
            widths: vec![14.0; width.max(1)],
        });
    }
    package(&out)
}
