//! A rectangular range of the grid in view coordinates (the sorted view's
//! rows, the table's columns) and what is done with one: the Excel status
//! bar figures, the texts of a copy, the command of a fill down or a clear,
//! and finding a cell by agent or value.
//!
//! Rows are view rows: `order[view_row]` is the table row, so a range in a
//! sorted view maps to whatever table rows it shows.

use super::table::{Cell, Table};
use super::unit::{format_value, Unit};
use super::workbook::Command;
use crate::i18n::Lang;

/// Corners included; `r0 <= r1`, `c0 <= c1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub r0: usize,
    pub c0: usize,
    pub r1: usize,
    pub c1: usize,
}

impl Range {
    /// The range spanned by an anchor and the active cell, either way round.
    pub fn span(a: (usize, usize), b: (usize, usize)) -> Range {
        Range {
            r0: a.0.min(b.0),
            c0: a.1.min(b.1),
            r1: a.0.max(b.0),
            c1: a.1.max(b.1),
        }
    }

    pub fn contains(&self, r: usize, c: usize) -> bool {
        (self.r0..=self.r1).contains(&r) && (self.c0..=self.c1).contains(&c)
    }

    pub fn height(&self) -> usize {
        self.r1 - self.r0 + 1
    }

    pub fn width(&self) -> usize {
        self.c1 - self.c0 + 1
    }

    /// Number of cells.
    pub fn cells(&self) -> usize {
        self.height().saturating_mul(self.width())
    }

    /// The table rows of the range's view rows (rows past the view dropped).
    pub fn rows(&self, order: &[usize]) -> Vec<usize> {
        order
            .get(self.r0..order.len().min(self.r1 + 1))
            .unwrap_or_default()
            .to_vec()
    }
}

/// What Excel shows in its status bar for a range: the count of non-empty
/// cells, and the sum and average of the numbers among them.
#[derive(Clone, Debug, PartialEq)]
pub struct Stats {
    pub count: usize,
    pub numbers: usize,
    pub sum: f64,
    /// The unit all numbers share, if they do (to show the sum as `¥1,234.00`).
    pub unit: Option<Unit>,
}

impl Stats {
    pub fn average(&self) -> Option<f64> {
        (self.numbers > 0).then(|| self.sum / self.numbers as f64)
    }

    /// `v` in the numbers' common unit, else as a plain number.
    pub fn show(&self, v: f64, lang: Lang) -> String {
        format_value(v, self.unit.unwrap_or(Unit::Number), lang)
    }
}

pub fn stats(table: &Table, order: &[usize], range: Range) -> Stats {
    let mut s = Stats {
        count: 0,
        numbers: 0,
        sum: 0.0,
        unit: None,
    };
    let mut units: Option<Option<Unit>> = None;
    for row in range.rows(order) {
        for c in range.c0..=range.c1 {
            let (Some(cell), Some(col)) = (table.cell(row, c), table.columns.get(c)) else {
                continue;
            };
            match cell {
                Cell::Empty => {}
                Cell::Number(v) => {
                    s.count += 1;
                    s.numbers += 1;
                    s.sum += v;
                    units = match units {
                        None => Some(Some(col.unit)),
                        Some(Some(u)) if u == col.unit => Some(Some(u)),
                        Some(_) => Some(None),
                    };
                }
                _ => s.count += 1,
            }
        }
    }
    s.unit = units.flatten();
    s
}

/// Delete on a range: every cell emptied (formula columns keep computing).
pub fn clear(order: &[usize], range: Range) -> Command {
    Command::SetRange {
        rows: range.rows(order),
        col: range.c0,
        values: vec![vec![String::new(); range.width()]; range.height()],
    }
}

/// Ctrl+D: the range's top row copied into the rows below it; on a single
/// row, the row above copied into it (as Excel does). `None` when there is
/// nothing to fill from.
pub fn fill_down(table: &Table, order: &[usize], range: Range) -> Option<Command> {
    let (source, targets) = if range.r0 == range.r1 {
        let above = range.r0.checked_sub(1)?;
        (
            above,
            Range {
                r0: range.r0,
                ..range
            },
        )
    } else {
        (
            range.r0,
            Range {
                r0: range.r0 + 1,
                ..range
            },
        )
    };
    let src = Range {
        r0: source,
        r1: source,
        ..range
    };
    let raw: Vec<String> = (range.c0..=range.c1)
        .map(|c| {
            let unit = table.columns.get(c).map(|x| x.unit).unwrap_or(Unit::Text);
            src.rows(order)
                .first()
                .and_then(|row| table.cell(*row, c))
                .map(|cell| cell.edit_text(unit))
                .unwrap_or_default()
        })
        .collect();
    let rows = targets.rows(order);
    Some(Command::SetRange {
        values: vec![raw; rows.len()],
        rows,
        col: range.c0,
    })
}

/// Every cell, in view order row by row, whose shown or edited text holds
/// `query` (case-insensitive): the agent column and values alike.
pub fn find(table: &Table, order: &[usize], query: &str, lang: Lang) -> Vec<(usize, usize)> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (vr, row) in order.iter().enumerate() {
        for (c, col) in table.columns.iter().enumerate() {
            let Some(cell) = table.cell(*row, c) else {
                continue;
            };
            if matches!(cell, Cell::Empty) {
                continue;
            }
            let shown = cell.display(col.unit, lang).to_lowercase();
            if shown.contains(&q) || cell.edit_text(col.unit).to_lowercase().contains(&q) {
                hits.push((vr, c));
            }
        }
    }
    hits
}
