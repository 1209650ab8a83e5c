//! Across months (#18): the months a workbook holds, read side by side.
//!
//! Owns: lining up agents and metrics across months ([`History`]), the
//! changes and the 面谈 list (`trends`), the exact split of a 客服销售额
//! change into its four drivers (`lmdi`), next month's rotating plan and its
//! announcement (`rotation`), and the talent view — the consistent top 20 %,
//! 末位 candidates, tiers and growth stages (`talent`).
//!
//! Everything here is a pure function of the workbook's months (and the plan
//! and payout model chosen), so it recomputes whenever a month is imported or
//! edited and never stores anything of its own.
//!
//! **Identity across months.** An agent is followed by the trimmed name in the
//! agent column, after the confirmed spellings (`aliases`: spelling → the
//! name it means) are applied; nothing is merged without the user's yes.
//! [`suggest_matches`] proposes pairs that look like one person spelled two
//! ways and never appear in the same month. A metric is followed by its
//! dictionary id, else by its header, so a column named differently in two
//! exports but mapped to the same metric is one line.
//!
//! **Gaps.** Changes are always against the previous month *held* (a workbook
//! with 2026-08 and 2026-10 compares October with August); [`History::gaps`]
//! says which calendar months are missing in between, so the view can say so.

pub mod lmdi;
pub mod rotation;
pub mod talent;
pub mod trends;

use super::metric::{def, MetricId};
use super::payout::{self, PayoutModel};
use super::plan::{self, Plan};
use super::table::{Cell, Table};
use super::unit::{Direction, Unit};
use crate::i18n::Lang;

/// What the manager sets for the across-months views, saved with the
/// workbook (`Command::SetMonthsSettings`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MonthsSettings {
    /// Confirmed spellings: (spelling, the name it means).
    pub aliases: Vec<(String, String)>,
    /// Monthly team targets per metric (the team figure: sum for counts and
    /// money, mean otherwise).
    pub targets: Vec<(MetricKey, f64)>,
    /// The talent view's rules.
    pub talent: talent::Settings,
}

/// Most aliases or targets kept.
pub const MAX_SETTINGS: usize = 500;

impl MonthsSettings {
    /// Whether the settings can be stored: bounded lists, finite targets,
    /// no alias mapping a name to itself or empty.
    pub fn is_valid(&self) -> bool {
        self.aliases.len() <= MAX_SETTINGS
            && self.targets.len() <= MAX_SETTINGS
            && self.targets.iter().all(|(_, v)| v.is_finite())
            && self
                .aliases
                .iter()
                .all(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty() && a.trim() != b.trim())
            && self.talent.is_valid()
    }
}

/// What a line across months follows.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum MetricKey {
    /// A dictionary metric, whatever its header said that month.
    Known(MetricId),
    /// A custom column, by its trimmed, lower-cased header.
    Custom(String),
    /// The chosen plan's total score.
    Score,
    /// The chosen payout model's pay.
    Pay,
}

/// One metric across months: `values[agent][month]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub key: MetricKey,
    /// The header as first seen (what a plan item names).
    pub name: String,
    pub unit: Unit,
    pub direction: Direction,
    pub values: Vec<Vec<Option<f64>>>,
}

impl Series {
    /// The name to show: a dictionary metric's name in `lang`, else the header.
    pub fn label(&self, lang: Lang) -> String {
        match &self.key {
            MetricKey::Known(id) => def(*id)
                .map(|d| match lang {
                    Lang::Zh => d.zh.to_string(),
                    Lang::En => d.en.to_string(),
                })
                .unwrap_or_else(|| self.name.clone()),
            MetricKey::Score => crate::i18n::Msg::MoScore.t(lang).to_string(),
            MetricKey::Pay => crate::i18n::Msg::MoPay.t(lang).to_string(),
            MetricKey::Custom(_) => self.name.clone(),
        }
    }

    /// The value of `agent` in `month`.
    pub fn value(&self, agent: usize, month: usize) -> Option<f64> {
        self.values
            .get(agent)
            .and_then(|v| v.get(month))
            .copied()
            .flatten()
    }

    /// Whether a change up is better (`Some(true)`), worse, or neither.
    pub fn up_is_better(&self) -> Option<bool> {
        match self.direction {
            Direction::Higher => Some(true),
            Direction::Lower => Some(false),
            Direction::Neutral => None,
        }
    }
}

/// The months of a workbook, lined up by agent and metric.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    /// Month labels, sorted.
    pub months: Vec<String>,
    /// `gaps[i]`: the calendar months missing between `months[i-1]` and
    /// `months[i]` (empty for the first month and for labels that are not `YYYY-MM`).
    pub gaps: Vec<Vec<String>>,
    /// Agents, by first appearance (month order, then table order).
    pub agents: Vec<String>,
    /// `present[agent][month]`: the agent has a row that month.
    pub present: Vec<Vec<bool>>,
    /// Every numeric metric seen in any month, then score and pay when a
    /// plan (and a payout model) is given.
    pub metrics: Vec<Series>,
    /// `grades[agent][month]`: the grade label under the plan.
    pub grades: Vec<Vec<Option<String>>>,
    /// The same name twice in one month: (month, name). The first row counts.
    pub duplicates: Vec<(String, String)>,
}

/// How the agent was held in a month compared with the previous month held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// In both months.
    Stayed,
    /// New this month.
    Joined,
    /// In the previous month, not in this one.
    Left,
    /// In neither.
    Absent,
}

impl History {
    /// Lines up `months` (label, table) — any order — with confirmed
    /// `aliases` (spelling → name). With a plan, every month is scored by it
    /// (score and grade); with a payout model too, the pay is added.
    pub fn build(
        months: &[(String, &Table)],
        aliases: &[(String, String)],
        plan: Option<&Plan>,
        payout_model: Option<&PayoutModel>,
    ) -> History {
        let mut ms: Vec<(String, &Table)> = months
            .iter()
            .map(|(l, t)| (l.trim().to_string(), *t))
            .collect();
        crate::model::order::sort_by(&mut ms, |a, b| a.0.cmp(&b.0));
        ms.dedup_by(|a, b| a.0 == b.0);
        let n_months = ms.len();
        let mut h = History {
            months: ms.iter().map(|(l, _)| l.clone()).collect(),
            ..History::default()
        };
        h.gaps = (0..n_months)
            .map(|i| {
                match (
                    i.checked_sub(1).and_then(|p| h.months.get(p)),
                    h.months.get(i),
                ) {
                    (Some(a), Some(b)) => months_between(a, b),
                    _ => Vec::new(),
                }
            })
            .collect();
        // Rows of each month per agent (a map keeps 10,000-agent teams linear).
        let mut rows: Vec<Vec<Option<usize>>> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for (mi, (label, table)) in ms.iter().enumerate() {
            for r in 0..table.len() {
                let name = canonical(&table.agent_name(r), aliases);
                if name.is_empty() {
                    continue;
                }
                let a = match index.get(&name) {
                    Some(a) => *a,
                    None => {
                        h.agents.push(name.clone());
                        rows.push(vec![None; n_months]);
                        index.insert(name.clone(), h.agents.len() - 1);
                        h.agents.len() - 1
                    }
                };
                if let Some(slot) = rows.get_mut(a).and_then(|v| v.get_mut(mi)) {
                    if slot.is_some() {
                        h.duplicates.push((label.clone(), name));
                    } else {
                        *slot = Some(r);
                    }
                }
            }
        }
        h.present = rows
            .iter()
            .map(|v| v.iter().map(Option::is_some).collect())
            .collect();
        // Numeric columns by key, in order of first appearance.
        for (mi, (_, table)) in ms.iter().enumerate() {
            for (ci, col) in table.columns.iter().enumerate() {
                if !col.unit.is_numeric() || matches!(col.metric, Some(MetricId::Agent)) {
                    continue;
                }
                let key = match col.metric {
                    Some(id) => MetricKey::Known(id),
                    None => MetricKey::Custom(col.name.trim().to_lowercase()),
                };
                let s = match h.metrics.iter().position(|s| s.key == key) {
                    Some(s) => s,
                    None => {
                        h.metrics.push(Series {
                            key,
                            name: col.name.trim().to_string(),
                            unit: col.unit,
                            direction: col.direction,
                            values: vec![vec![None; n_months]; h.agents.len()],
                        });
                        h.metrics.len() - 1
                    }
                };
                let Some(series) = h.metrics.get_mut(s) else {
                    continue;
                };
                for (a, agent_rows) in rows.iter().enumerate() {
                    let v = agent_rows
                        .get(mi)
                        .copied()
                        .flatten()
                        .and_then(|r| table.cell(r, ci))
                        .and_then(Cell::number)
                        .filter(|v| v.is_finite());
                    if let Some(slot) = series.values.get_mut(a).and_then(|x| x.get_mut(mi)) {
                        if slot.is_none() {
                            *slot = v;
                        }
                    }
                }
            }
        }
        h.grades = vec![vec![None; n_months]; h.agents.len()];
        if let Some(plan) = plan {
            let mut score = blank(MetricKey::Score, Unit::Points, n_months, h.agents.len());
            let mut pay = blank(MetricKey::Pay, Unit::Money, n_months, h.agents.len());
            for (mi, (_, table)) in ms.iter().enumerate() {
                let scores = plan::score(table, plan);
                let pays = payout_model.map(|m| payout::compute(table, plan, &scores, m));
                for (a, agent_rows) in rows.iter().enumerate() {
                    let Some(r) = agent_rows.get(mi).copied().flatten() else {
                        continue;
                    };
                    if let Some(s) = scores.for_row(r) {
                        set(&mut score, a, mi, s.total);
                        if let Some(g) = h.grades.get_mut(a).and_then(|x| x.get_mut(mi)) {
                            *g = scores.grade_labels.get(s.grade).cloned();
                        }
                    }
                    if let Some(p) = pays
                        .as_ref()
                        .and_then(|p| p.agents.iter().find(|x| x.row == r))
                    {
                        set(&mut pay, a, mi, p.pay);
                    }
                }
            }
            h.metrics.push(score);
            if payout_model.is_some() {
                h.metrics.push(pay);
            }
        }
        h
    }

    /// The index of the metric followed by `key`.
    pub fn metric(&self, key: &MetricKey) -> Option<usize> {
        self.metrics.iter().position(|s| s.key == *key)
    }

    /// The series followed by `key`.
    pub fn series(&self, key: &MetricKey) -> Option<&Series> {
        self.metrics.iter().find(|s| s.key == *key)
    }

    /// Whether `agent` has a row in `month`.
    pub fn is_present(&self, agent: usize, month: usize) -> bool {
        self.present
            .get(agent)
            .and_then(|v| v.get(month))
            .copied()
            .unwrap_or(false)
    }

    /// How `agent` was held in `month` against the previous month held (the
    /// first month: present agents count as stayed).
    pub fn presence(&self, agent: usize, month: usize) -> Presence {
        let now = self.is_present(agent, month);
        let before = match month.checked_sub(1) {
            Some(p) => self.is_present(agent, p),
            None => now,
        };
        match (before, now) {
            (true, true) => Presence::Stayed,
            (false, true) => Presence::Joined,
            (true, false) => Presence::Left,
            (false, false) => Presence::Absent,
        }
    }

    /// The agents who joined and who left in `month`.
    pub fn joined_left(&self, month: usize) -> (Vec<usize>, Vec<usize>) {
        let mut joined = Vec::new();
        let mut left = Vec::new();
        for a in 0..self.agents.len() {
            match self.presence(a, month) {
                Presence::Joined => joined.push(a),
                Presence::Left => left.push(a),
                _ => {}
            }
        }
        (joined, left)
    }
}

fn blank(key: MetricKey, unit: Unit, months: usize, agents: usize) -> Series {
    let name = match key {
        MetricKey::Score => "score".to_string(),
        _ => "pay".to_string(),
    };
    Series {
        key,
        name,
        unit,
        direction: Direction::Higher,
        values: vec![vec![None; months]; agents],
    }
}

fn set(s: &mut Series, agent: usize, month: usize, v: f64) {
    if let Some(slot) = s.values.get_mut(agent).and_then(|x| x.get_mut(month)) {
        *slot = v.is_finite().then_some(v);
    }
}

/// The name `raw` is followed by: trimmed, then through the aliases.
pub fn canonical(raw: &str, aliases: &[(String, String)]) -> String {
    let n = raw.trim();
    aliases
        .iter()
        .find(|(from, _)| from.trim() == n)
        .map(|(_, to)| to.trim().to_string())
        .unwrap_or_else(|| n.to_string())
}

/// `(year, month)` of a `YYYY-MM` label.
pub fn parse_month(label: &str) -> Option<(i32, u32)> {
    let (y, m) = label.trim().split_once('-')?;
    let y: i32 = y.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    (y > 0 && (1..=12).contains(&m) && label.trim().len() == 7).then_some((y, m))
}

/// The `YYYY-MM` labels strictly between `a` and `b` (both `YYYY-MM`, `a` < `b`).
pub fn months_between(a: &str, b: &str) -> Vec<String> {
    let (Some((ya, ma)), Some((yb, mb))) = (parse_month(a), parse_month(b)) else {
        return Vec::new();
    };
    let ia = i64::from(ya) * 12 + i64::from(ma) - 1;
    let ib = i64::from(yb) * 12 + i64::from(mb) - 1;
    // A label typo such as 2062 must not make a list of decades.
    if ib - ia > 120 {
        return Vec::new();
    }
    ((ia + 1)..ib)
        .map(|i| format!("{:04}-{:02}", i.div_euclid(12), i.rem_euclid(12) + 1))
        .collect()
}

/// A name reduced for comparison: no shop prefix (`店铺:名`), no spaces,
/// full-width letters and digits made half-width, lower case.
pub fn match_form(name: &str) -> String {
    let n = name.trim();
    let n = n.rsplit([':', '：']).next().unwrap_or(n);
    n.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// Above this many agents missing from some month, no matches are proposed
/// (the pairwise comparison would stall the page).
pub const MAX_MATCH_CANDIDATES: usize = 2000;

/// A proposed "same person": `later` (first seen later) is probably `earlier`.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub earlier: String,
    pub later: String,
}

/// Pairs of agents that never share a month and whose names match after
/// [`match_form`], or differ by one character when both have at least four.
/// The user confirms a pair; the confirmed spelling then maps `later` → `earlier`.
pub fn suggest_matches(h: &History) -> Vec<Match> {
    let forms: Vec<Vec<char>> = h
        .agents
        .iter()
        .map(|a| match_form(a).chars().collect())
        .collect();
    let mut out = Vec::new();
    for (i, fi) in forms.iter().enumerate() {
        for (j, fj) in forms.iter().enumerate().skip(i + 1) {
            let together = (0..h.months.len()).any(|m| h.is_present(i, m) && h.is_present(j, m));
            if together {
                continue;
            }
            let close = fi == fj || (fi.len() >= 4 && fj.len() >= 4 && edit_distance(fi, fj) == 1);
            if close {
                if let (Some(e), Some(l)) = (h.agents.get(i), h.agents.get(j)) {
                    out.push(Match {
                        earlier: e.clone(),
                        later: l.clone(),
                    });
                }
            }
        }
    }
    out
}
