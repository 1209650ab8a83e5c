//! QA findings (质检记录): per-agent findings (date, item, 扣分, 红线) rolled up
//! to a monthly 质检得分 and red-line flags that plans and payout models read
//! as ordinary columns.
//!
//! ## Scoring
//! - **Deductions** (default): `score = max(0, start − Σ 扣分)`, start 100.
//! - **Item sheet**: each item has a maximum (its weight, e.g. 服务态度 30);
//!   an item loses at most its maximum, so `score = Σ max(0, maxᵢ − Σ 扣分ᵢ)`
//!   over the sheet's items; findings on an item not on the sheet come off
//!   the total, floored at 0.
//!
//! A red-line finding (红线, 一票否决) flags the agent for the month; the
//! score itself is computed as above, and plans or payouts decide what the
//! flag does (a gate on the 红线 column).
//!
//! Findings for names not in the team are listed, never dropped.

/// One finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub agent: String,
    /// `YYYY-MM-DD` (or any text starting with the month `YYYY-MM`).
    pub date: String,
    pub item: String,
    /// Points deducted (≥ 0).
    pub deduction: f64,
    pub red_line: bool,
}

/// How findings become a score.
#[derive(Clone, Debug, PartialEq)]
pub enum Scoring {
    /// `max(0, start − Σ deductions)`.
    Deductions { start: f64 },
    /// Items with their maximum points.
    Sheet(Vec<(String, f64)>),
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring::Deductions { start: 100.0 }
    }
}

/// One agent's month.
#[derive(Clone, Debug, PartialEq)]
pub struct AgentRollup {
    pub agent: String,
    pub score: f64,
    pub findings: usize,
    pub deducted: f64,
    pub red_line: bool,
}

/// The month's roll-up.
#[derive(Clone, Debug, PartialEq)]
pub struct Rollup {
    /// Team agents, in table order (those without findings get the full score).
    pub agents: Vec<AgentRollup>,
    /// Names in the findings that are not in the team, with their count.
    pub unknown: Vec<(String, usize)>,
    /// Findings of other months, not counted.
    pub other_months: usize,
}

/// The full score under `scoring`.
pub fn full_score(scoring: &Scoring) -> f64 {
    match scoring {
        Scoring::Deductions { start } => *start,
        Scoring::Sheet(items) => items.iter().map(|(_, m)| m.max(0.0)).sum(),
    }
}

fn score_of(scoring: &Scoring, findings: &[&Finding]) -> f64 {
    match scoring {
        Scoring::Deductions { start } => {
            (start - findings.iter().map(|f| f.deduction).sum::<f64>()).max(0.0)
        }
        Scoring::Sheet(items) => {
            let mut total = 0.0;
            for (name, max) in items {
                let lost: f64 = findings
                    .iter()
                    .filter(|f| f.item.trim() == name.trim())
                    .map(|f| f.deduction)
                    .sum();
                total += (max - lost).max(0.0);
            }
            let off_sheet: f64 = findings
                .iter()
                .filter(|f| !items.iter().any(|(n, _)| n.trim() == f.item.trim()))
                .map(|f| f.deduction)
                .sum();
            (total - off_sheet).max(0.0)
        }
    }
}

/// Rolls `findings` of `month` (`YYYY-MM`; empty: every finding) up for the
/// team `agents` (names as in the table).
pub fn rollup(findings: &[Finding], agents: &[String], month: &str, scoring: &Scoring) -> Rollup {
    let month = month.trim();
    let in_month: Vec<&Finding> = findings
        .iter()
        .filter(|f| month.is_empty() || f.date.trim().starts_with(month))
        .collect();
    let other_months = findings.len() - in_month.len();
    let rows = agents
        .iter()
        .map(|a| {
            let mine: Vec<&Finding> = in_month
                .iter()
                .copied()
                .filter(|f| f.agent.trim() == a.trim())
                .collect();
            AgentRollup {
                agent: a.clone(),
                score: score_of(scoring, &mine),
                findings: mine.len(),
                deducted: mine.iter().map(|f| f.deduction).sum(),
                red_line: mine.iter().any(|f| f.red_line),
            }
        })
        .collect();
    let mut unknown: Vec<(String, usize)> = Vec::new();
    for f in &in_month {
        let name = f.agent.trim();
        if agents.iter().any(|a| a.trim() == name) {
            continue;
        }
        match unknown.iter_mut().find(|(n, _)| n == name) {
            Some((_, c)) => *c += 1,
            None => unknown.push((name.to_string(), 1)),
        }
    }
    Rollup {
        agents: rows,
        unknown,
        other_months,
    }
}

/// The 红线 column's header.
pub const RED_LINE_COLUMN: &str = "红线";

/// `table` with the roll-up written in: the 质检得分 column (added when
/// missing) and a 红线 column (1 = a red-line finding this month, 0 = none).
/// Agents are matched by name; rows keep their order.
pub fn write_rollup(table: &super::Table, r: &Rollup) -> super::Table {
    use super::{Cell, Column, Direction, MetricId, Unit};
    let mut t = table.clone();
    let score_col = match t.column_of(MetricId::QaScore) {
        Some(c) => c,
        None => {
            let at = t.columns.len();
            t.insert_column(
                at,
                Column::input(
                    "质检得分",
                    Some(MetricId::QaScore),
                    Unit::Points,
                    Direction::Higher,
                ),
                Vec::new(),
            );
            at
        }
    };
    let red_col = match t
        .columns
        .iter()
        .position(|c| c.name.trim() == RED_LINE_COLUMN)
    {
        Some(c) => c,
        None => {
            let at = t.columns.len();
            t.insert_column(
                at,
                Column::input(RED_LINE_COLUMN, None, Unit::Count, Direction::Lower),
                Vec::new(),
            );
            at
        }
    };
    let names: Vec<String> = (0..t.len()).map(|i| t.agent_name(i)).collect();
    for (row, name) in names.iter().enumerate() {
        if let Some(a) = r.agents.iter().find(|a| a.agent.trim() == name.trim()) {
            if let Some(c) = t.cell_mut(row, score_col) {
                *c = Cell::Number(a.score);
            }
            if let Some(c) = t.cell_mut(row, red_col) {
                *c = Cell::Number(if a.red_line { 1.0 } else { 0.0 });
            }
        }
    }
    t
}
