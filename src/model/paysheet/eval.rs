//! Evaluating pay lines over one month's payouts, in the documented order.

use super::{Floor, LineCalc, LineKind, PayLine, PayLines, Veto, VetoScope, MAX_LINES};
use crate::i18n::Msg;
use crate::model::formula::calc::resolve;
use crate::model::payout::{round_unit, sum_fen, Payouts, ROUNDING_UNITS};
use crate::model::round::round_dp;
use crate::model::{Cell, Table};

/// One line's amount for one agent, with what it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct LineAmount {
    /// What is paid (or deducted) on this line: after the cap and the veto.
    pub amount: f64,
    /// Before the cap and the veto.
    pub uncapped: f64,
    /// The input the line read (days, count, QA score), if one.
    pub basis: Option<f64>,
    /// The label the line read (岗位工资's level), if one.
    pub label: Option<String>,
    /// The cap cut the amount.
    pub capped: bool,
    /// A 红线 zeroed the amount.
    pub vetoed: bool,
    /// The condition failed (全勤奖 not earned), or the input was missing.
    pub unmet: bool,
}

/// One agent's row of the pay sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetRow {
    /// Table row.
    pub row: usize,
    pub agent: String,
    /// The evaluation's bonus (the 奖金 workspace's figure).
    pub bonus_before_veto: f64,
    /// 绩效奖金 as paid: 0 when a veto applies.
    pub bonus: f64,
    /// The veto that applied (index into [`PayLines::vetoes`]) and the finding.
    pub veto: Option<(usize, String)>,
    /// Per line of [`PayLines::items`].
    pub lines: Vec<LineAmount>,
    /// 固定工资: the fixed lines.
    pub fixed: f64,
    /// 浮动工资: bonus + allowances + awards.
    pub variable: f64,
    /// 扣款 as computed (after caps).
    pub deductions: f64,
    /// 扣款 actually taken (after the floor).
    pub deducted: f64,
    /// The floor stopped part of the deductions.
    pub floored: bool,
    /// 应发合计, rounded once.
    pub total: f64,
}

/// A finding about the lines or their inputs; `agent` is a sheet row index
/// when the finding is about one cell.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetIssue {
    pub error: bool,
    pub msg: Msg,
    pub args: Vec<String>,
    pub agent: Option<usize>,
    pub line: Option<usize>,
}

/// The month's pay sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct PaySheet {
    pub rows: Vec<SheetRow>,
    /// Sums per line (deductions as taken before the floor), in fen.
    pub line_totals: Vec<f64>,
    pub bonus_total: f64,
    pub deducted_total: f64,
    pub total: f64,
    pub issues: Vec<SheetIssue>,
}

impl PaySheet {
    /// 应发合计's mean over the agents (0 for none).
    pub fn mean(&self) -> f64 {
        if self.rows.is_empty() {
            0.0
        } else {
            self.total / self.rows.len() as f64
        }
    }
}

/// Most cell-level messages listed; the rest are counted.
pub const MAX_CELL_ISSUES: usize = 50;

/// A cell as the pay lines read it.
#[derive(Clone, Debug, PartialEq)]
pub enum Read {
    Num(f64),
    Missing,
    Text(String),
}

/// Column `col`'s cell at `row` as the pay lines read it: numbers, plain
/// amounts written as text (`3,000`, `¥200`) as numbers, other text as text.
pub fn read(table: &Table, col: Option<usize>, row: usize) -> Read {
    match col.and_then(|c| table.cell(row, c)) {
        Some(Cell::Number(v)) => Read::Num(*v),
        Some(Cell::Bool(b)) => Read::Num(if *b { 1.0 } else { 0.0 }),
        Some(Cell::Text(t)) | Some(Cell::Invalid { raw: t, .. }) => text_or_number(t),
        Some(Cell::Error(e)) => Read::Text(e.code().to_string()),
        Some(Cell::Empty) | None => Read::Missing,
    }
}

/// Text that is a plain amount (`-500`, `3,000`, `¥200`, `200元`) reads as
/// the number, so a mixed column still gets messages about values, not text.
fn text_or_number(t: &str) -> Read {
    let t = t.trim();
    let plain: String = t
        .trim_start_matches('¥')
        .trim_start_matches('￥')
        .trim_end_matches('元')
        .chars()
        .filter(|c| *c != ',')
        .collect();
    match plain.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && !plain.trim().is_empty() => Read::Num(v),
        _ => Read::Text(t.to_string()),
    }
}

/// A number as a label (`3`, not `3.0`).
pub fn label_of(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        v.to_string()
    }
}

/// Text meaning "no finding" in a 红线 column.
fn no_flag(t: &str) -> bool {
    let t = t.trim().to_lowercase();
    matches!(
        t.as_str(),
        "" | "无" | "否" | "没有" | "-" | "—" | "0" | "no" | "none" | "n" | "false" | "/"
    )
}

fn bad(v: f64) -> bool {
    !v.is_finite() || v < 0.0
}

struct Issues {
    out: Vec<SheetIssue>,
    cells: usize,
}

impl Issues {
    fn push(&mut self, error: bool, msg: Msg, args: Vec<String>, line: Option<usize>) {
        self.out.push(SheetIssue {
            error,
            msg,
            args,
            agent: None,
            line,
        });
    }

    fn cell(&mut self, msg: Msg, args: Vec<String>, agent: usize, line: Option<usize>) {
        self.cells += 1;
        if self.cells <= MAX_CELL_ISSUES {
            // Unknown labels and flags are paid as stated; bad numbers count as 0.
            let error = !matches!(msg, Msg::SheetWarnUnknownLabel | Msg::SheetWarnUnknownFlag);
            self.out.push(SheetIssue {
                error,
                msg,
                args,
                agent: Some(agent),
                line,
            });
        }
    }
}

fn validate(lines: &PayLines, issues: &mut Issues) {
    if lines.items.len() > MAX_LINES || lines.vetoes.len() > MAX_LINES {
        issues.push(
            true,
            Msg::SheetErrTooMany,
            vec![MAX_LINES.to_string()],
            None,
        );
    }
    if !ROUNDING_UNITS.contains(&lines.rounding) {
        issues.push(
            true,
            Msg::PayErrRounding,
            vec![lines.rounding.to_string()],
            None,
        );
    }
    for (i, l) in lines.items.iter().enumerate() {
        let n = (i + 1).to_string();
        if l.name.trim().is_empty() {
            issues.push(true, Msg::SheetErrNoName, vec![n.clone()], Some(i));
        }
        let nums: Vec<f64> = match &l.calc {
            LineCalc::Flat { amount } => vec![*amount],
            LineCalc::Column { .. } => Vec::new(),
            LineCalc::ByLabel {
                amounts, otherwise, ..
            } => amounts
                .iter()
                .map(|a| a.amount)
                .chain([*otherwise])
                .collect(),
            LineCalc::PerUnit { rate, above, .. } => vec![*rate, *above],
            LineCalc::BelowLine { line, rate, .. } => vec![*rate, *line],
            LineCalc::IfAll { amount, conditions } => {
                if conditions.iter().any(|c| !c.value.is_finite()) {
                    vec![f64::NAN]
                } else {
                    vec![*amount]
                }
            }
            LineCalc::ByAgent { amounts } => amounts.iter().map(|a| a.amount).collect(),
        };
        if nums.iter().any(|v| bad(*v)) || l.cap.is_some_and(bad) {
            issues.push(true, Msg::SheetErrLine, vec![n, l.name.clone()], Some(i));
        }
    }
}

/// The pay sheet of `payouts` (one month, one plan, one model) with
/// `lines`, reading inputs from `table`. The bonus is taken from `payouts`
/// as computed; nothing here recomputes it.
pub fn evaluate(table: &Table, payouts: &Payouts, lines: &PayLines) -> PaySheet {
    let mut issues = Issues {
        out: Vec::new(),
        cells: 0,
    };
    validate(lines, &mut issues);
    // Resolve each line's columns once; a missing column is reported once.
    let mut missing_cols: Vec<String> = Vec::new();
    let mut col = |name: &str, line: Option<usize>, issues: &mut Issues| -> Option<usize> {
        let c = resolve(table, name);
        if c.is_none() && !missing_cols.iter().any(|m| m == name) {
            missing_cols.push(name.to_string());
            issues.push(true, Msg::PayErrNoColumn, vec![name.to_string()], line);
        }
        c
    };
    let line_cols: Vec<Vec<Option<usize>>> = lines
        .items
        .iter()
        .enumerate()
        .map(|(i, l)| {
            l.calc
                .columns()
                .iter()
                .map(|n| col(n, Some(i), &mut issues))
                .collect()
        })
        .collect();
    let veto_cols: Vec<Option<usize>> = lines
        .vetoes
        .iter()
        .map(|v| col(&v.column, None, &mut issues))
        .collect();
    // Awards for agents not in this month.
    for (i, l) in lines.items.iter().enumerate() {
        if let LineCalc::ByAgent { amounts } = &l.calc {
            let absent: Vec<String> = amounts
                .iter()
                .filter(|a| !payouts.agents.iter().any(|p| p.agent == a.label))
                .map(|a| a.label.clone())
                .collect();
            if !absent.is_empty() {
                issues.push(
                    false,
                    Msg::SheetWarnAbsent,
                    vec![l.name.clone(), absent.join("、")],
                    Some(i),
                );
            }
        }
    }
    let mut missing_count = vec![0usize; lines.items.len()];
    let mut rows = Vec::with_capacity(payouts.agents.len());
    for (ai, ap) in payouts.agents.iter().enumerate() {
        let r = ap.row;
        // 2. 红线.
        let mut veto: Option<(usize, String, VetoScope)> = None;
        for (vi, (v, c)) in lines.vetoes.iter().zip(&veto_cols).enumerate() {
            if let Some(found) = veto_finding(v, read(table, *c, r)) {
                match found {
                    Ok(f) => {
                        if veto.is_none()
                            || (v.scope == VetoScope::Variable
                                && veto.as_ref().is_some_and(|x| x.2 == VetoScope::Bonus))
                        {
                            veto = Some((vi, f, v.scope));
                        }
                    }
                    Err(unknown) => issues.cell(
                        Msg::SheetWarnUnknownFlag,
                        vec![ap.agent.clone(), v.column.clone(), unknown],
                        ai,
                        None,
                    ),
                }
            }
        }
        let bonus = if veto.is_some() { 0.0 } else { ap.pay };
        let zero_variable = veto.as_ref().is_some_and(|v| v.2 == VetoScope::Variable);
        // 3–4. Lines and caps.
        let mut amounts = Vec::with_capacity(lines.items.len());
        for (li, l) in lines.items.iter().enumerate() {
            let cols = line_cols.get(li).map(Vec::as_slice).unwrap_or(&[]);
            let mut a = line_amount(table, l, cols, r, &ap.agent, ai, li, &mut issues);
            if a.unmet && a.basis.is_none() && a.label.is_none() && uses_input(&l.calc) {
                if let Some(m) = missing_count.get_mut(li) {
                    *m += 1;
                }
            }
            // Binary noise off ((90 − 77.3) × 10 is 127.00000000000003); not a rounding rule.
            a.amount = round_dp(a.amount, 9);
            a.uncapped = a.amount;
            if let Some(cap) = l.cap {
                if a.amount > cap {
                    a.amount = cap;
                    a.capped = true;
                }
            }
            if zero_variable
                && matches!(l.kind, LineKind::Allowance | LineKind::Award)
                && a.amount != 0.0
            {
                a.amount = 0.0;
                a.vetoed = true;
            }
            amounts.push(a);
        }
        let sum_kind = |k: &[LineKind]| -> f64 {
            let v: Vec<f64> = lines
                .items
                .iter()
                .zip(&amounts)
                .filter(|(l, _)| k.contains(&l.kind))
                .map(|(_, a)| a.amount)
                .collect();
            v.iter().sum()
        };
        let fixed = sum_kind(&[LineKind::Fixed]);
        let variable = bonus + sum_kind(&[LineKind::Allowance, LineKind::Award]);
        let deductions = sum_kind(&[LineKind::Deduction]);
        // 5. Floor.
        let room = match lines.floor {
            Floor::Total => (fixed + variable).max(0.0),
            Floor::Variable => variable.max(0.0),
            Floor::None => f64::INFINITY,
        };
        let floored = deductions > room + 1e-9;
        let deducted = if floored { room } else { deductions };
        // 6. One rounding.
        let total = round_unit(fixed + variable - deducted, lines.rounding);
        if floored {
            issues.push(
                false,
                Msg::SheetWarnFloored,
                vec![ap.agent.clone(), money(deductions), money(deducted)],
                None,
            );
            if let Some(last) = issues.out.last_mut() {
                last.agent = Some(ai);
            }
        } else if total < 0.0 {
            issues.push(
                false,
                Msg::SheetWarnNegative,
                vec![ap.agent.clone(), money(total)],
                None,
            );
            if let Some(last) = issues.out.last_mut() {
                last.agent = Some(ai);
            }
        }
        rows.push(SheetRow {
            row: r,
            agent: ap.agent.clone(),
            bonus_before_veto: ap.pay,
            bonus,
            veto: veto.map(|(i, f, _)| (i, f)),
            lines: amounts,
            fixed,
            variable,
            deductions,
            deducted,
            floored,
            total,
        });
    }
    for (li, n) in missing_count.iter().enumerate() {
        if *n > 0 {
            let name = lines
                .items
                .get(li)
                .map(|l| l.name.clone())
                .unwrap_or_default();
            issues.push(
                false,
                Msg::SheetWarnMissing,
                vec![name, n.to_string()],
                Some(li),
            );
        }
    }
    if issues.cells > MAX_CELL_ISSUES {
        issues.push(
            true,
            Msg::SheetMoreCells,
            vec![(issues.cells - MAX_CELL_ISSUES).to_string()],
            None,
        );
    }
    let line_totals = (0..lines.items.len())
        .map(|li| {
            let v: Vec<f64> = rows
                .iter()
                .filter_map(|r| r.lines.get(li).map(|a| a.amount))
                .collect();
            sum_fen(&v)
        })
        .collect();
    let col_sum = |f: &dyn Fn(&SheetRow) -> f64| sum_fen(&rows.iter().map(f).collect::<Vec<_>>());
    PaySheet {
        line_totals,
        bonus_total: col_sum(&|r| r.bonus),
        deducted_total: col_sum(&|r| r.deducted),
        total: col_sum(&|r| r.total),
        rows,
        issues: issues.out,
    }
}

fn uses_input(c: &LineCalc) -> bool {
    !matches!(c, LineCalc::Flat { .. } | LineCalc::ByAgent { .. })
}

/// ¥ with two decimals, for messages.
pub fn money(v: f64) -> String {
    format!("{:.2}", round_unit(v, 0.01))
}

/// `None`: no finding. `Some(Ok(f))`: veto with finding `f`.
/// `Some(Err(t))`: unknown text `t`.
fn veto_finding(v: &Veto, value: Read) -> Option<Result<String, String>> {
    match value {
        Read::Missing => None,
        Read::Num(x) => {
            if x == 0.0 || x.is_nan() {
                None
            } else if v.findings.is_empty() {
                Some(Ok(label_of(x)))
            } else {
                let l = label_of(x);
                if v.findings.iter().any(|f| f.trim() == l) {
                    Some(Ok(l))
                } else {
                    Some(Err(l))
                }
            }
        }
        Read::Text(t) => {
            if no_flag(&t) {
                return None;
            }
            if v.findings.is_empty() {
                return Some(Ok(t));
            }
            let parts: Vec<&str> = t
                .split(['、', ',', '，', ';', '；', '/'])
                .map(str::trim)
                .filter(|p| !no_flag(p))
                .collect();
            let hit = parts
                .iter()
                .find(|p| v.findings.iter().any(|f| f.trim() == **p));
            match hit {
                Some(h) => Some(Ok((*h).to_string())),
                None => Some(Err(t)),
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn line_amount(
    table: &Table,
    l: &PayLine,
    cols: &[Option<usize>],
    r: usize,
    agent: &str,
    ai: usize,
    li: usize,
    issues: &mut Issues,
) -> LineAmount {
    let mut a = LineAmount {
        amount: 0.0,
        uncapped: 0.0,
        basis: None,
        label: None,
        capped: false,
        vetoed: false,
        unmet: false,
    };
    let first = cols.first().copied().flatten();
    // A number ≥ 0 from the line's first column, or a cell-level message.
    let number = |c: Option<usize>, name: &str, issues: &mut Issues| -> Option<f64> {
        match read(table, c, r) {
            Read::Num(v) if v.is_finite() && v >= 0.0 => Some(v),
            Read::Num(v) => {
                issues.cell(
                    Msg::SheetErrNegativeCell,
                    vec![agent.to_string(), name.to_string(), label_of(v)],
                    ai,
                    Some(li),
                );
                None
            }
            Read::Text(t) => {
                issues.cell(
                    Msg::SheetErrTextCell,
                    vec![agent.to_string(), name.to_string(), t],
                    ai,
                    Some(li),
                );
                None
            }
            Read::Missing => None,
        }
    };
    match &l.calc {
        LineCalc::Flat { amount } => a.amount = *amount,
        LineCalc::Column { column } => match number(first, column, issues) {
            Some(v) => {
                a.basis = Some(v);
                a.amount = v;
            }
            None => a.unmet = true,
        },
        LineCalc::PerUnit {
            column,
            rate,
            above,
        } => match number(first, column, issues) {
            Some(v) => {
                a.basis = Some(v);
                a.amount = (v - above).max(0.0) * rate;
            }
            None => a.unmet = true,
        },
        LineCalc::BelowLine { column, line, rate } => match number(first, column, issues) {
            Some(v) => {
                a.basis = Some(v);
                a.amount = (line - v).max(0.0) * rate;
            }
            None => a.unmet = true,
        },
        LineCalc::ByLabel {
            column,
            amounts,
            otherwise,
        } => {
            let label = match read(table, first, r) {
                Read::Num(v) => Some(label_of(v)),
                Read::Text(t) if !t.is_empty() => Some(t),
                _ => None,
            };
            match label {
                Some(lb) => {
                    match amounts.iter().find(|x| x.label.trim() == lb) {
                        Some(x) => a.amount = x.amount,
                        None => {
                            a.amount = *otherwise;
                            issues.cell(
                                Msg::SheetWarnUnknownLabel,
                                vec![
                                    agent.to_string(),
                                    column.clone(),
                                    lb.clone(),
                                    money(*otherwise),
                                ],
                                ai,
                                Some(li),
                            );
                        }
                    }
                    a.label = Some(lb);
                }
                None => a.unmet = true,
            }
        }
        LineCalc::IfAll { amount, conditions } => {
            let mut all = true;
            let mut first_basis = None;
            for (ci, c) in conditions.iter().enumerate() {
                let v = number(cols.get(ci).copied().flatten(), &c.column, issues);
                if ci == 0 {
                    first_basis = v;
                }
                if !v.is_some_and(|v| c.cmp.holds(v, c.value)) {
                    all = false;
                }
            }
            a.basis = first_basis;
            if all {
                a.amount = *amount;
            } else {
                a.unmet = true;
            }
        }
        LineCalc::ByAgent { amounts } => {
            a.amount = amounts
                .iter()
                .filter(|x| x.label.trim() == agent.trim())
                .map(|x| x.amount)
                .sum();
        }
    }
    a
}
