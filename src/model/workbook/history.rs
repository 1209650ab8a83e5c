//! The undo history: what one step holds (enough to go both ways) and how
//! it is run forwards and backwards.
//!
//! **Invariant:** a step is built from the state it applies to, so running it
//! backwards restores exactly what it replaced; undo and redo never diverge.

use super::{MonthsState, Snapshot, Touched, Workbook, HISTORY_LIMIT};
use crate::model::formula::{self, Changes};
use crate::model::metric::ImportMemory;
use crate::model::months::MonthsSettings;
use crate::model::payout::{PayoutModel, Scenario};
use crate::model::plan::Plan;
use crate::model::qa::QaParams;
use crate::model::table::{Cell, Column, Table};

/// One recorded step: enough to go both ways.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Step {
    Cell {
        row: usize,
        col: usize,
        before: Cell,
        after: Cell,
    },
    Table {
        before: Box<Table>,
        after: Box<Table>,
    },
    Qa {
        before: Box<QaParams>,
        after: Box<QaParams>,
    },
    /// Column `at` appears (forward) or disappears (backward).
    Insert {
        at: usize,
        column: Box<Column>,
        cells: Vec<Cell>,
    },
    /// Column `at` disappears (forward) or reappears (backward).
    Remove {
        at: usize,
        column: Box<Column>,
        cells: Vec<Cell>,
    },
    /// A column's header, unit or formula changes.
    Meta {
        col: usize,
        before: Box<Column>,
        after: Box<Column>,
    },
    /// A plan appears, disappears or changes.
    Plan(Change<Plan>),
    /// The months before and after an import of a month.
    Months {
        before: Box<MonthsState>,
        after: Box<MonthsState>,
    },
    /// A row appears (forward) or disappears (backward); with `remove` the other way round.
    Row {
        at: usize,
        cells: Vec<Cell>,
        remove: bool,
    },
    /// A column's definition and cells change together.
    ColumnData {
        col: usize,
        before: Box<(Column, Vec<Cell>)>,
        after: Box<(Column, Vec<Cell>)>,
    },
    /// Switch the current month from one label to another.
    SwitchMonth { from: String, to: String },
    /// Everything before and after a load.
    Load {
        before: Box<Snapshot>,
        after: Box<Snapshot>,
    },
    /// A payout model appears, disappears or changes.
    Payout(Change<PayoutModel>),
    /// A scenario appears, disappears or changes.
    Scenario(Change<Scenario>),
    /// The importer's memory before and after.
    Memory {
        before: Box<ImportMemory>,
        after: Box<ImportMemory>,
    },
    /// Several steps as one (a rename with the formulas that follow it).
    Multi(Vec<Step>),
    /// The across-months settings before and after.
    MonthsSettings {
        before: Box<MonthsSettings>,
        after: Box<MonthsSettings>,
    },
}

/// One item of a list (plans, payout models, scenarios) appears,
/// disappears or changes at its place.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Change<T> {
    /// Item `idx` appears (forward) or disappears (backward); with `remove`
    /// the other way round.
    Insert {
        idx: usize,
        item: Box<T>,
        remove: bool,
    },
    /// Item `idx` changes.
    Set {
        idx: usize,
        before: Box<T>,
        after: Box<T>,
    },
}

impl<T: Clone> Change<T> {
    fn run(&self, list: &mut Vec<T>, forward: bool) {
        match self {
            Change::Insert { idx, item, remove } => {
                if forward != *remove {
                    let at = (*idx).min(list.len());
                    list.insert(at, (**item).clone());
                } else if *idx < list.len() {
                    list.remove(*idx);
                }
            }
            Change::Set { idx, before, after } => {
                if let Some(x) = list.get_mut(*idx) {
                    *x = if forward {
                        (**after).clone()
                    } else {
                        (**before).clone()
                    };
                }
            }
        }
    }
}

impl Workbook {
    /// Records an applied step (dropping the oldest past the limit) and
    /// forgets what could be redone.
    pub(super) fn record(&mut self, step: Step) {
        self.undo.push(step);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Reverts the last step; `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<Touched> {
        let step = self.undo.pop()?;
        let t = self.run_and_recalc(&step, false);
        self.redo.push(step);
        Some(t)
    }

    /// Re-applies the last undone step; `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Option<Touched> {
        let step = self.redo.pop()?;
        let t = self.run_and_recalc(&step, true);
        self.undo.push(step);
        Some(t)
    }

    /// columns it can affect and what reads them; everything only after a
    /// change of rows or of the whole table.
    pub(super) fn run_and_recalc(&mut self, step: &Step, forward: bool) -> Touched {
        let mut changes = Changes::default();
        let t = self.run(step, forward, &mut changes);
        match t {
            Touched::Cell { row, col } => {
                formula::recalc_cell(&mut self.table, &self.calc, row, col);
            }
            Touched::Table if changes.is_full() => self.recalc_all(),
            Touched::Table => {
                let cols = self.calc.update(&self.table, &changes);
                formula::recompute(&mut self.table, &self.calc, &cols);
            }
            Touched::Inputs => {}
        }
        t
    }

    fn insert_col(&mut self, at: usize, column: &Column, cells: &[Cell], ch: &mut Changes) {
        self.table.insert_column(at, column.clone(), cells.to_vec());
        ch.inserted(&mut self.calc, at, column);
    }

    fn remove_col(&mut self, at: usize, ch: &mut Changes) {
        if let Some(column) = self.table.columns.get(at).cloned() {
            self.table.remove_column(at);
            ch.removed(&mut self.calc, at, &column);
        }
    }

    fn run(&mut self, step: &Step, forward: bool, ch: &mut Changes) -> Touched {
        match step {
            Step::Cell {
                row,
                col,
                before,
                after,
            } => {
                if let Some(c) = self.table.cell_mut(*row, *col) {
                    *c = if forward {
                        after.clone()
                    } else {
                        before.clone()
                    };
                }
                ch.cells(*col);
                Touched::Cell {
                    row: *row,
                    col: *col,
                }
            }
            Step::Table { before, after } => {
                self.table = if forward {
                    (**after).clone()
                } else {
                    (**before).clone()
                };
                ch.everything();
                Touched::Table
            }
            Step::Qa { before, after } => {
                self.qa = if forward {
                    (**after).clone()
                } else {
                    (**before).clone()
                };
                Touched::Inputs
            }
            Step::Insert { at, column, cells } => {
                if forward {
                    self.insert_col(*at, column, cells, ch);
                } else {
                    self.remove_col(*at, ch);
                }
                Touched::Table
            }
            Step::Remove { at, column, cells } => {
                if forward {
                    self.remove_col(*at, ch);
                } else {
                    self.insert_col(*at, column, cells, ch);
                }
                Touched::Table
            }
            Step::Meta { col, before, after } => {
                let (from, to) = if forward {
                    (before, after)
                } else {
                    (after, before)
                };
                if let Some(c) = self.table.columns.get_mut(*col) {
                    let old = std::mem::replace(c, (**to).clone());
                    ch.changed(&self.calc, *col, &old, to, false);
                } else {
                    ch.changed(&self.calc, *col, from, to, false);
                }
                Touched::Table
            }
            Step::Row { at, cells, remove } => {
                if forward != *remove {
                    self.table.insert_row(*at, cells.clone());
                } else {
                    self.table.remove_row(*at);
                }
                ch.everything();
                Touched::Table
            }
            Step::ColumnData { col, before, after } => {
                let (column, cells) = if forward { &**after } else { &**before };
                if let Some(c) = self.table.columns.get_mut(*col) {
                    let old = std::mem::replace(c, column.clone());
                    ch.changed(&self.calc, *col, &old, column, true);
                }
                self.table.set_column(*col, cells.clone());
                Touched::Table
            }
            Step::Months { before, after } => {
                let m = if forward { after } else { before };
                self.table = m.table.clone();
                self.month = m.month.clone();
                self.archive = m.archive.clone();
                self.days = m.days.clone();
                self.memory = m.memory.clone();
                ch.everything();
                Touched::Table
            }
            Step::Memory { before, after } => {
                self.memory = if forward {
                    (**after).clone()
                } else {
                    (**before).clone()
                };
                Touched::Inputs
            }
            Step::Load { before, after } => {
                let s = if forward { after } else { before };
                self.restore(s);
                ch.everything();
                Touched::Table
            }
            Step::SwitchMonth { from, to } => {
                let target = if forward { to.clone() } else { from.clone() };
                self.switch_to(&target);
                ch.everything();
                Touched::Table
            }
            Step::Plan(c) => {
                c.run(&mut self.plans, forward);
                Touched::Inputs
            }
            Step::Payout(c) => {
                c.run(&mut self.payouts, forward);
                Touched::Inputs
            }
            Step::Scenario(c) => {
                c.run(&mut self.scenarios, forward);
                Touched::Inputs
            }
            Step::MonthsSettings { before, after } => {
                self.months_settings = if forward {
                    (**after).clone()
                } else {
                    (**before).clone()
                };
                Touched::Inputs
            }
            Step::Multi(steps) => {
                let mut touched = Vec::with_capacity(steps.len());
                if forward {
                    for s in steps {
                        touched.push(self.run(s, true, ch));
                    }
                } else {
                    for s in steps.iter().rev() {
                        touched.push(self.run(s, false, ch));
                    }
                }
                // Only inputs (plans, models, scenarios): nothing to recalculate.
                if touched.iter().all(|t| *t == Touched::Inputs) {
                    Touched::Inputs
                } else {
                    Touched::Table
                }
            }
        }
    }
}
