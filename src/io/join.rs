//! Joining a second source into the month: a 质检 score sheet, an
//! attendance sheet or another platform's export, keyed by agent, adds its
//! columns to the current month's table.
//!
//! Agents are matched by [`agent_key`] (shop prefix, spaces and width
//! folded). The plan lists what matched, what did not and what is
//! ambiguous; the user can fix a match by hand before anything changes.
//! A source column whose metric (or, for custom columns, header) is
//! already in the month replaces that column's values for the matched
//! agents; the others are added. Agents of the month that the source does
//! not list keep their values (an added column is empty for them).

use crate::i18n::Msg;
use crate::model::metric::{agent_key, normalize_header};
use crate::model::{Cell, Column, MetricId, Table};
use std::collections::HashMap;

/// One column the join writes.
#[derive(Clone, Debug, PartialEq)]
pub struct JoinColumn {
    pub column: Column,
    /// One cell per row of the month's table.
    pub cells: Vec<Cell>,
    /// The month's column it replaces, if any.
    pub replaces: Option<usize>,
}

/// What a join would do.
#[derive(Clone, Debug, PartialEq)]
pub struct JoinPlan {
    /// Per source row: the month row it goes to.
    pub matches: Vec<Option<usize>>,
    /// Source agents with no match: (source row, name).
    pub unmatched: Vec<(usize, String)>,
    /// Source agents that match several month agents: (source row, name, month rows).
    pub ambiguous: Vec<(usize, String, Vec<usize>)>,
    /// Month agents the source does not list.
    pub missing: Vec<String>,
    pub columns: Vec<JoinColumn>,
}

impl JoinPlan {
    /// How many source agents are matched.
    pub fn matched(&self) -> usize {
        self.matches.iter().filter(|m| m.is_some()).count()
    }
}

/// Why a source cannot be joined.
#[derive(Clone, Debug, PartialEq)]
pub struct JoinError {
    pub msg: Msg,
    pub args: Vec<String>,
}

fn err(msg: Msg, args: Vec<String>) -> JoinError {
    JoinError { msg, args }
}

/// Plans joining `source` into `month`. `fixes` are the user's choices for
/// source agents by row: `Some(month row)` to match, `None` to leave out.
pub fn plan_join(
    month: &Table,
    source: &Table,
    fixes: &[(usize, Option<usize>)],
) -> Result<JoinPlan, JoinError> {
    if month.is_empty() || month.column_of(MetricId::Agent).is_none() {
        return Err(err(Msg::JoinErrNoMonth, Vec::new()));
    }
    let Some(src_agent) = source.column_of(MetricId::Agent) else {
        return Err(err(Msg::ErrNoAgentColumn, vec![String::new()]));
    };
    // Duplicated agents cannot be matched one to one.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut dups: Vec<String> = Vec::new();
    for r in 0..source.len() {
        let name = source.agent_name(r);
        let k = agent_key(&name);
        if k.is_empty() {
            continue;
        }
        if seen.insert(k, r).is_some() && !dups.contains(&name) {
            dups.push(name);
        }
    }
    if !dups.is_empty() {
        return Err(err(Msg::JoinErrDuplicates, vec![dups.join("、")]));
    }
    let cols: Vec<usize> = (0..source.columns.len())
        .filter(|c| *c != src_agent)
        .filter(|c| source.columns.get(*c).is_some_and(|col| !col.is_formula()))
        .collect();
    if cols.is_empty() {
        return Err(err(Msg::JoinErrNothing, Vec::new()));
    }

    let mut month_index: HashMap<String, Vec<usize>> = HashMap::new();
    for r in 0..month.len() {
        let k = agent_key(&month.agent_name(r));
        if !k.is_empty() {
            month_index.entry(k).or_default().push(r);
        }
    }
    let mut matches = Vec::with_capacity(source.len());
    let mut unmatched = Vec::new();
    let mut ambiguous = Vec::new();
    for r in 0..source.len() {
        let name = source.agent_name(r);
        if let Some((_, fix)) = fixes.iter().find(|(row, _)| *row == r) {
            matches.push(fix.filter(|m| *m < month.len()));
            continue;
        }
        let k = agent_key(&name);
        match month_index.get(&k).map(Vec::as_slice) {
            Some([one]) => matches.push(Some(*one)),
            Some(many) if many.len() > 1 => {
                ambiguous.push((r, name, many.to_vec()));
                matches.push(None);
            }
            _ => {
                if !k.is_empty() {
                    unmatched.push((r, name));
                }
                matches.push(None);
            }
        }
    }
    // A month row claimed twice (by hand) keeps the first claim.
    let mut claimed = vec![false; month.len()];
    for m in matches.iter_mut() {
        if let Some(row) = *m {
            match claimed.get_mut(row) {
                Some(c) if !*c => *c = true,
                _ => *m = None,
            }
        }
    }
    if matches.iter().all(Option::is_none) && fixes.is_empty() {
        return Err(err(Msg::JoinErrNoMatch, Vec::new()));
    }
    let missing: Vec<String> = (0..month.len())
        .filter(|r| !claimed.get(*r).copied().unwrap_or(false))
        .map(|r| month.agent_name(r))
        .collect();

    let mut columns = Vec::with_capacity(cols.len());
    for c in cols {
        let Some(col) = source.columns.get(c) else {
            continue;
        };
        let replaces = month.columns.iter().position(|m| {
            !m.is_formula()
                && match col.metric {
                    Some(id) => m.metric == Some(id),
                    None => {
                        m.metric.is_none()
                            && normalize_header(&m.name) == normalize_header(&col.name)
                    }
                }
        });
        let mut cells: Vec<Cell> = match replaces {
            Some(mc) => month.column_cells(mc).to_vec(),
            None => vec![Cell::Empty; month.len()],
        };
        for (sr, m) in matches.iter().enumerate() {
            if let Some(mr) = m {
                if let Some(slot) = cells.get_mut(*mr) {
                    *slot = source.at(sr, c).clone();
                }
            }
        }
        let column = match replaces.and_then(|mc| month.columns.get(mc)) {
            Some(existing) => Column {
                unit: col.unit,
                ..existing.clone()
            },
            None => col.clone(),
        };
        columns.push(JoinColumn {
            column,
            cells,
            replaces,
        });
    }
    Ok(JoinPlan {
        matches,
        unmatched,
        ambiguous,
        missing,
        columns,
    })
}
