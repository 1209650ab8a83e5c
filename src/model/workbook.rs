//! The workbook: the team table plus the undo history, changed only through
//! [`Workbook::apply`].
//!
//! Owns: validate → apply → record. Every mutation is a [`Command`]; it is
//! checked first (a rejected command changes nothing), applied, and recorded
//! as one undo step holding what it replaced, so undo and redo can never
//! diverge from what was applied.

use super::qa::QaParams;
use super::table::{Cell, Table};
use crate::i18n::Msg;

/// At least this many steps can be undone.
pub const HISTORY_LIMIT: usize = 200;

/// A change the UI asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Parse `raw` with the column's rules and store it in (`row`, `col`).
    SetCell { row: usize, col: usize, raw: String },
    /// Replace the whole table (an import, or loading the demo).
    ReplaceTable(Box<Table>),
    /// Replace the QA staffing inputs; refused unless they validate.
    SetQa(Box<QaParams>),
}

/// A command that was refused, with a message for the user.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelError {
    pub msg: Msg,
    pub args: Vec<String>,
}

/// One recorded step: enough to go both ways.
#[derive(Clone, Debug, PartialEq)]
enum Step {
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
}

/// What an applied command, undo or redo touched, so views can refresh just that.
#[derive(Clone, Debug, PartialEq)]
pub enum Touched {
    Cell { row: usize, col: usize },
    Table,
    Qa,
}

/// The state a manager works on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workbook {
    table: Table,
    qa: QaParams,
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl Workbook {
    /// A workbook holding `table`, with empty history.
    pub fn new(table: Table) -> Self {
        Workbook {
            table,
            qa: QaParams::default(),
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// The current team table.
    pub fn table(&self) -> &Table {
        &self.table
    }

    /// The QA staffing inputs.
    pub fn qa(&self) -> &QaParams {
        &self.qa
    }

    /// Validates, applies and records `cmd`. On `Err` nothing changed.
    pub fn apply(&mut self, cmd: Command) -> Result<Touched, ModelError> {
        let step = match cmd {
            Command::SetCell { row, col, raw } => {
                let (Some(before), Some(after)) =
                    (self.table.cell(row, col), self.table.parse_for(col, &raw))
                else {
                    return Err(ModelError {
                        msg: Msg::ErrCellOutOfRange,
                        args: vec![(row + 1).to_string(), (col + 1).to_string()],
                    });
                };
                Step::Cell {
                    row,
                    col,
                    before: before.clone(),
                    after,
                }
            }
            Command::ReplaceTable(after) => Step::Table {
                before: Box::new(self.table.clone()),
                after,
            },
            Command::SetQa(after) => {
                if let Some(problem) = after.validate().into_iter().next() {
                    return Err(ModelError {
                        msg: problem.msg,
                        args: Vec::new(),
                    });
                }
                Step::Qa {
                    before: Box::new(self.qa.clone()),
                    after,
                }
            }
        };
        let touched = self.run(&step, true);
        self.undo.push(step);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(touched)
    }

    fn run(&mut self, step: &Step, forward: bool) -> Touched {
        match step {
            Step::Cell {
                row,
                col,
                before,
                after,
            } => {
                if let Some(c) = self.table.rows.get_mut(*row).and_then(|r| r.get_mut(*col)) {
                    *c = if forward {
                        after.clone()
                    } else {
                        before.clone()
                    };
                }
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
                Touched::Table
            }
            Step::Qa { before, after } => {
                self.qa = if forward {
                    (**after).clone()
                } else {
                    (**before).clone()
                };
                Touched::Qa
            }
        }
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
        let t = self.run(&step, false);
        self.redo.push(step);
        Some(t)
    }

    /// Re-applies the last undone step; `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Option<Touched> {
        let step = self.redo.pop()?;
        let t = self.run(&step, true);
        self.undo.push(step);
        Some(t)
    }
}
