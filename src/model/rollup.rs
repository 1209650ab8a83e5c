//! Day files → the month: several per-day exports (赤兔 writes one file per
//! day) rolled up to one row per agent.
//!
//! The rules (documented in the preview and `docs/IMPORT.md`): counts and
//! amounts are summed; rates are recomputed from their counts where the
//! counts are in the files (询单转化率 = Σ付款人数 ÷ Σ询单人数, 客单价 =
//! Σ销售额 ÷ Σ付款人数, 答问比 = Σ客服消息数 ÷ Σ买家消息数) and otherwise averaged
//! weighted by 接待人数 (or 询单人数); response times and satisfaction are
//! weighted by 接待人数; 上班天数 is the sum of a per-day days column, or the
//! number of days the agent appears. Each metric's rule is in the metric
//! dictionary ([`crate::model::metric::Rollup`]); custom columns are summed
//! when they hold counts, amounts or plain numbers and weighted by 接待人数
//! when they hold shares, durations, ratios or points.
//!
//! Agents are matched across days by [`agent_key`] (shop prefix, spaces and
//! width folded), so `店铺:小雨` on one day and `小雨` on another are one agent.
//! The same day twice is not counted twice: the later file replaces it.

use super::metric::{agent_key, def, normalize_header, Rollup};
use super::{Cell, Column, MetricId, Table, Unit};
use crate::i18n::Msg;
use std::collections::HashMap;

/// One day's export.
#[derive(Clone, Debug, PartialEq)]
pub struct DayFile {
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// Where it came from (a file name), for messages.
    pub source: String,
    pub table: Table,
}

/// A month rolled up from its days.
#[derive(Clone, Debug, PartialEq)]
pub struct Rolled {
    /// `YYYY-MM`.
    pub month: String,
    pub table: Table,
    /// The days used, sorted (each once).
    pub days: Vec<String>,
    /// Days between the first and the last found that have no file.
    pub missing_days: Vec<String>,
    /// Agents not present every day: (name, days present).
    pub absent: Vec<(String, usize)>,
    /// Days that came more than once (the later file was used).
    pub replaced: Vec<String>,
    /// Warnings for the preview.
    pub notes: Vec<Note>,
    /// The day files, one per day, to keep with the month.
    pub files: Vec<DayFile>,
}

/// A warning about the roll-up.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub msg: Msg,
    pub args: Vec<String>,
}

/// Days in `month` of `year` (Gregorian); 0 for a month outside 1–12.
pub fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

/// Why day files could not be rolled up.
#[derive(Clone, Debug, PartialEq)]
pub struct RollupError {
    pub msg: Msg,
    pub args: Vec<String>,
}

/// A column of the month: its key across days and its definition.
struct MonthColumn {
    key: ColumnKey,
    column: Column,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ColumnKey {
    Metric(MetricId),
    Custom(String),
}

fn key_of(c: &Column) -> ColumnKey {
    match c.metric {
        Some(m) => ColumnKey::Metric(m),
        None => ColumnKey::Custom(normalize_header(&c.name)),
    }
}

/// How a column rolls up.
fn rule_of(c: &Column) -> Rollup {
    if let Some(d) = c.metric.and_then(def) {
        return d.rollup;
    }
    match c.unit {
        Unit::Text => Rollup::Last,
        Unit::Count | Unit::Money | Unit::Number | Unit::Days => Rollup::Sum,
        Unit::Percent | Unit::Seconds | Unit::Ratio | Unit::Points => Rollup::Weighted(&[
            MetricId::Served,
            MetricId::Consultations,
            MetricId::Inquiries,
        ]),
    }
}

/// One agent's value of one column on one day.
type DayValues = Vec<Option<f64>>;

/// Rolls `files` (days of one month, in any order) up to the month.
/// `kept` are day files of the same month imported before, rolled up with
/// them (a day in `files` replaces the same day in `kept`).
pub fn roll_up(files: Vec<DayFile>, kept: &[DayFile]) -> Result<Rolled, RollupError> {
    // Months must agree.
    let mut months: Vec<String> = files
        .iter()
        .map(|f| f.date.get(..7).unwrap_or("").to_string())
        .collect();
    crate::model::order::sort(&mut months);
    months.dedup();
    if months.len() > 1 {
        return Err(RollupError {
            msg: Msg::ImpErrMixedMonths,
            args: vec![months.join("、")],
        });
    }
    let Some(month) = months.first().cloned() else {
        return Err(RollupError {
            msg: Msg::ErrEmptyInput,
            args: Vec::new(),
        });
    };
    // One file per day: kept days of this month first, then the new files in
    // order; a later file of the same day replaces the earlier.
    let mut replaced = Vec::new();
    let mut by_day: Vec<DayFile> = kept
        .iter()
        .filter(|k| k.date.starts_with(&month))
        .cloned()
        .collect();
    for f in files {
        if let Some(slot) = by_day.iter_mut().find(|d| d.date == f.date) {
            replaced.push(f.date.clone());
            *slot = f;
        } else {
            by_day.push(f);
        }
    }
    crate::model::order::sort_by(&mut by_day, |a, b| a.date.cmp(&b.date));
    crate::model::order::sort(&mut replaced);
    replaced.dedup();

    let mut notes = Vec::new();
    for d in &replaced {
        notes.push(Note {
            msg: Msg::ImpDaysReplaced,
            args: vec![d.clone()],
        });
    }

    // The month's columns: the union, in order of first appearance.
    let mut cols: Vec<MonthColumn> = Vec::new();
    for f in &by_day {
        for c in &f.table.columns {
            if c.is_formula() {
                continue;
            }
            let key = key_of(c);
            if !cols.iter().any(|m| m.key == key) {
                cols.push(MonthColumn {
                    key,
                    column: Column {
                        formula: None,
                        ..c.clone()
                    },
                });
            }
        }
    }
    let agent_key_col = ColumnKey::Metric(MetricId::Agent);
    // 上班天数 is added (days present) when the files do not have it.
    if !cols
        .iter()
        .any(|c| c.key == ColumnKey::Metric(MetricId::Attendance))
    {
        if let Some(d) = def(MetricId::Attendance) {
            cols.push(MonthColumn {
                key: ColumnKey::Metric(MetricId::Attendance),
                column: Column::input(d.zh, Some(d.id), d.unit, d.direction),
            });
        }
    }

    // Agents across days, by key, in order of first appearance.
    let mut agents: Vec<(String, String)> = Vec::new(); // (key, display name)
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut first_agent_header: Option<String> = None;
    let mut seen_keys: Vec<std::collections::HashSet<String>> = Vec::new();
    for f in &by_day {
        let t = &f.table;
        let Some(ac) = t.column_of(MetricId::Agent) else {
            continue;
        };
        let header = t
            .columns
            .get(ac)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        match &first_agent_header {
            None => first_agent_header = Some(header),
            Some(h) if normalize_header(h) != normalize_header(&header) => {
                notes.push(Note {
                    msg: Msg::WarnDayAgentHeader,
                    args: vec![f.source.clone(), header, h.clone()],
                });
            }
            _ => {}
        }
        let mut keys = std::collections::HashSet::new();
        for r in 0..t.len() {
            let name = t.agent_name(r);
            let k = agent_key(&name);
            if k.is_empty() {
                continue;
            }
            keys.insert(k.clone());
            if !index.contains_key(&k) {
                index.insert(k.clone(), agents.len());
                agents.push((k, name.trim().to_string()));
            }
        }
        seen_keys.push(keys);
    }
    // A day sharing no agent with the others is likely another kind of account.
    if seen_keys.len() > 1 {
        for (i, f) in by_day.iter().enumerate() {
            let Some(mine) = seen_keys.get(i) else {
                continue;
            };
            let others = seen_keys
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .any(|(_, s)| s.iter().any(|k| mine.contains(k)));
            if !others && !mine.is_empty() {
                notes.push(Note {
                    msg: Msg::WarnDayNoOverlap,
                    args: vec![f.source.clone()],
                });
            }
        }
    }

    // Per column, per agent, per day: the value (and text for text columns).
    let n_days = by_day.len();
    let n_agents = agents.len();
    let mut numbers: Vec<Vec<DayValues>> = cols
        .iter()
        .map(|_| vec![vec![None; n_days]; n_agents])
        .collect();
    let mut texts: Vec<Vec<Option<String>>> = cols.iter().map(|_| vec![None; n_agents]).collect();
    let mut present = vec![vec![false; n_days]; n_agents];
    let mut invalid = 0usize;
    for (d, f) in by_day.iter().enumerate() {
        let t = &f.table;
        let col_of: Vec<Option<usize>> = cols
            .iter()
            .map(|mc| {
                t.columns
                    .iter()
                    .position(|c| key_of(c) == mc.key && !c.is_formula())
            })
            .collect();
        for r in 0..t.len() {
            let k = agent_key(&t.agent_name(r));
            let Some(&a) = index.get(&k) else {
                continue;
            };
            if let Some(p) = present.get_mut(a).and_then(|row| row.get_mut(d)) {
                *p = true;
            }
            for (ci, src) in col_of.iter().enumerate() {
                let Some(src) = src else { continue };
                let cell = t.at(r, *src);
                match cell {
                    Cell::Number(v) => {
                        if let Some(slot) = numbers
                            .get_mut(ci)
                            .and_then(|c| c.get_mut(a))
                            .and_then(|c| c.get_mut(d))
                        {
                            *slot = Some(*v);
                        }
                    }
                    Cell::Text(s) if !s.trim().is_empty() => {
                        if let Some(slot) = texts.get_mut(ci).and_then(|c| c.get_mut(a)) {
                            *slot = Some(s.clone());
                        }
                    }
                    Cell::Invalid { .. } => invalid += 1,
                    _ => {}
                }
            }
        }
    }
    if invalid > 0 {
        notes.push(Note {
            msg: Msg::WarnDayInvalidCells,
            args: vec![invalid.to_string()],
        });
    }

    let pos = |m: MetricId| cols.iter().position(|c| c.key == ColumnKey::Metric(m));
    let sum_of = |ci: usize, a: usize| -> Option<f64> {
        let vals = numbers.get(ci)?.get(a)?;
        let mut any = false;
        let mut s = 0.0;
        for v in vals.iter().flatten() {
            s += v;
            any = true;
        }
        any.then_some(s)
    };
    let first_col = |ms: &[MetricId]| ms.iter().find_map(|m| pos(*m));
    let weighted = |ci: usize, a: usize, ws: &[MetricId]| -> Option<f64> {
        let vals = numbers.get(ci)?.get(a)?;
        if let Some(wc) = first_col(ws) {
            let wv = numbers.get(wc)?.get(a)?;
            let (mut num, mut den) = (0.0, 0.0);
            for (v, w) in vals.iter().zip(wv) {
                if let (Some(v), Some(w)) = (v, w) {
                    num += v * w;
                    den += w;
                }
            }
            if den > 0.0 {
                return Some(num / den);
            }
        }
        let present: Vec<f64> = vals.iter().flatten().copied().collect();
        crate::model::stats::mean(&present)
    };

    let mut out_cols: Vec<Vec<Cell>> = Vec::with_capacity(cols.len());
    for (ci, mc) in cols.iter().enumerate() {
        let mut cells = Vec::with_capacity(n_agents);
        for (a, (_, display)) in agents.iter().enumerate() {
            let cell = if mc.key == agent_key_col {
                Cell::Text(display.clone())
            } else if mc.column.unit == Unit::Text {
                texts
                    .get(ci)
                    .and_then(|c| c.get(a))
                    .cloned()
                    .flatten()
                    .map(Cell::Text)
                    .unwrap_or(Cell::Empty)
            } else {
                let v = match rule_of(&mc.column) {
                    Rollup::Sum => sum_of(ci, a),
                    Rollup::Max => numbers
                        .get(ci)
                        .and_then(|c| c.get(a))
                        .and_then(|vals| vals.iter().flatten().copied().reduce(f64::max)),
                    Rollup::Mean => weighted(ci, a, &[]),
                    Rollup::Weighted(ws) => weighted(ci, a, ws),
                    Rollup::Ratio { num, den, weight } => match (first_col(num), first_col(den)) {
                        (Some(nc), Some(dc)) => match (sum_of(nc, a), sum_of(dc, a)) {
                            (Some(n), Some(d)) if d > 0.0 => Some(n / d),
                            (Some(_), Some(_)) => None,
                            _ => weighted(ci, a, weight),
                        },
                        _ => weighted(ci, a, weight),
                    },
                    Rollup::DaysPresent => {
                        let has_column = by_day
                            .iter()
                            .any(|f| f.table.column_of(MetricId::Attendance).is_some());
                        if has_column {
                            sum_of(ci, a)
                        } else {
                            let n = present.get(a).map(|p| p.iter().filter(|x| **x).count());
                            n.map(|n| n as f64)
                        }
                    }
                    Rollup::Last => None,
                };
                v.map(Cell::Number).unwrap_or(Cell::Empty)
            };
            cells.push(cell);
        }
        out_cols.push(cells);
    }
    let columns: Vec<Column> = cols.into_iter().map(|c| c.column).collect();
    let table = Table::from_columns(columns, out_cols);

    let days: Vec<String> = by_day.iter().map(|f| f.date.clone()).collect();
    let absent: Vec<(String, usize)> = agents
        .iter()
        .enumerate()
        .filter_map(|(a, (_, name))| {
            let n = present.get(a)?.iter().filter(|x| **x).count();
            (n < n_days).then(|| (name.clone(), n))
        })
        .collect();
    let missing_days = missing_between(&days);
    Ok(Rolled {
        month,
        table,
        days,
        missing_days,
        absent,
        replaced,
        notes,
        files: by_day,
    })
}

/// The days between the first and the last of `days` (sorted `YYYY-MM-DD`
/// of one month) that are not in it.
fn missing_between(days: &[String]) -> Vec<String> {
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Vec::new();
    };
    let parse = |s: &str| -> Option<(u32, u32, u32)> {
        Some((
            s.get(..4)?.parse().ok()?,
            s.get(5..7)?.parse().ok()?,
            s.get(8..10)?.parse().ok()?,
        ))
    };
    let (Some((y, m, d0)), Some((_, _, d1))) = (parse(first), parse(last)) else {
        return Vec::new();
    };
    (d0..=d1.min(days_in_month(y, m)))
        .map(|d| format!("{y:04}-{m:02}-{d:02}"))
        .filter(|s| !days.contains(s))
        .collect()
}
