//! The scores sheet (per item value, points and weighted points as live
//! formulas from the rule engine, total, rank, grade) and the rules sheet.

use super::{
    cell_ref, col_name, column_label, header_row, list_sep, n, style_of, unit_of, Cached, Out,
    SheetOut, Style,
};
use crate::i18n::{Lang, Msg};
use crate::model::plan::{item_lower, score, CompiledPlan, CompiledRule, Grading, Plan, PlanItem};
use crate::model::workbook::Snapshot;
use crate::model::{Table, Unit};

/// Scores sheet: agent, then per item value / points / weighted, total,
/// rank, grade. Returns the sheet and, per table row, the sheet row of its
/// agent (for payouts to reference the total and grade).
pub(super) fn scores_sheet(
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
        let label = column_label(Some(t), &it.column, lang);
        head.push(label.clone());
        head.push(format!("{label} · {}", Msg::ColPoints.t(lang)));
        head.push(format!(
            "{label} · {} ({}%)",
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
                crate::model::order::sort_by(&mut sorted, |a, b| b.min.total_cmp(&a.min));
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
pub(super) fn rule_text(item: &PlanItem, t: Option<&Table>, lang: Lang) -> String {
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
pub(super) fn table_for<'a>(s: &'a Snapshot, plan: &Plan) -> Option<&'a Table> {
    s.tables
        .iter()
        .find(|(m, _)| *m == plan.month)
        .or_else(|| s.tables.iter().find(|(m, _)| *m == s.month))
        .map(|(_, t)| t)
}

pub(super) fn plan_sheet(name: String, s: &Snapshot, lang: Lang) -> SheetOut {
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
                Out::Text(column_label(t, &it.column, lang)),
                Out::Num(it.weight / 100.0, Style::Percent),
                Out::Text(rule_text(it, t, lang)),
            ]);
        }
        let grading = match &p.grading {
            Grading::Thresholds(t) => t
                .iter()
                .map(|g| format!("{} ≥ {}", g.label, n(g.min)))
                .collect::<Vec<_>>()
                .join(list_sep(lang)),
            Grading::Forced(g) => g
                .iter()
                .map(|g| format!("{} {}%", g.label, n(g.share * 100.0)))
                .collect::<Vec<_>>()
                .join(list_sep(lang)),
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
