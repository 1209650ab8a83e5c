//! Months and imports: the current month, the archive and the day files,
//! and the steps of the commands that bring data in (imports, day files,
//! joined columns, the importer's memory).

use super::history::Step;
use super::{refuse, Command, ModelError, Workbook};
use crate::i18n::Msg;
use crate::model::metric::ImportMemory;
use crate::model::rollup::DayFile;
use crate::model::table::{Column, Table};

/// The current month, the archive, the day files and the importer's
/// memory, as one value for undo.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct MonthsState {
    pub(super) table: Table,
    pub(super) month: String,
    pub(super) archive: Vec<(String, Table)>,
    pub(super) days: Vec<DayFile>,
    pub(super) memory: ImportMemory,
}

impl Workbook {
    pub(super) fn months_state(&self) -> MonthsState {
        MonthsState {
            table: self.table.clone(),
            month: self.month.clone(),
            archive: self.archive.clone(),
            days: self.days.clone(),
            memory: self.memory.clone(),
        }
    }

    /// The months after importing `table` as `month` (the current month goes
    /// to the archive; an archived month of that label is replaced).
    pub(super) fn months_after(&self, month: String, table: Table) -> MonthsState {
        let mut archive: Vec<(String, Table)> = self
            .archive
            .iter()
            .filter(|(l, _)| *l != month)
            .cloned()
            .collect();
        if self.month != month {
            archive.push((self.month.clone(), self.table.clone()));
        }
        crate::model::order::sort_by(&mut archive, |a, b| a.0.cmp(&b.0));
        MonthsState {
            table: self.with_formulas(table),
            month,
            archive,
            days: self.days.clone(),
            memory: self.memory.clone(),
        }
    }

    /// The step importing `table` as `month`, with what the importer should
    /// remember afterwards; refused on an empty table or month.
    fn import_step(
        &self,
        month: &str,
        table: Table,
        memory: ImportMemory,
    ) -> Result<Step, ModelError> {
        let month = month.trim().to_string();
        if table.columns.is_empty() {
            return Err(refuse(Msg::ErrEmptyInput, Vec::new()));
        }
        if month.is_empty() {
            return Err(refuse(Msg::ErrMonthEmpty, Vec::new()));
        }
        let mut after = self.months_after(month, table);
        after.memory = memory;
        Ok(Step::Months {
            before: Box::new(self.months_state()),
            after: Box::new(after),
        })
    }

    /// `new` with the current table's formula columns appended (names not taken).
    pub(super) fn with_formulas(&self, mut table: Table) -> Table {
        for c in self.table.columns.iter().filter(|c| c.is_formula()) {
            let taken = table
                .columns
                .iter()
                .any(|o| o.name.trim().eq_ignore_ascii_case(c.name.trim()));
            if !taken {
                let at = table.columns.len();
                table.insert_column(at, c.clone(), Vec::new());
            }
        }
        table
    }

    pub(super) fn switch_to(&mut self, to: &str) {
        if to == self.month {
            return;
        }
        if let Some(i) = self.archive.iter().position(|(l, _)| l == to) {
            let (label, table) = self.archive.remove(i);
            let old_table = std::mem::replace(&mut self.table, table);
            let old_month = std::mem::replace(&mut self.month, label);
            self.archive.push((old_month, old_table));
            crate::model::order::sort_by(&mut self.archive, |a, b| a.0.cmp(&b.0));
        }
    }

    /// The step of a command that brings data in.
    pub(super) fn months_step(&self, cmd: Command) -> Result<Step, ModelError> {
        Ok(match cmd {
            Command::ImportTable(new) => {
                if new.columns.is_empty() {
                    return Err(refuse(Msg::ErrEmptyInput, Vec::new()));
                }
                Step::Table {
                    before: Box::new(self.table.clone()),
                    after: Box::new(self.with_formulas(*new)),
                }
            }
            Command::ImportMonth { month, table } => {
                self.import_step(&month, *table, self.memory.clone())?
            }
            Command::ImportSheet {
                month,
                table,
                memory,
            } => self.import_step(&month, *table, *memory)?,
            Command::ImportDays { days, memory } => {
                let month = days
                    .first()
                    .and_then(|d| d.date.get(..7))
                    .unwrap_or("")
                    .to_string();
                let kept: Vec<DayFile> = self.days_of(&month).into_iter().cloned().collect();
                let rolled = crate::model::rollup::roll_up(days, &kept)
                    .map_err(|e| refuse(e.msg, e.args))?;
                if rolled.table.columns.is_empty() || rolled.table.is_empty() {
                    return Err(refuse(Msg::ImpErrNoRows, Vec::new()));
                }
                let before = self.months_state();
                let mut after = self.months_after(rolled.month.clone(), rolled.table);
                after
                    .days
                    .retain(|f| f.date.get(..7) != Some(rolled.month.as_str()));
                after.days.extend(rolled.files);
                after.memory = *memory;
                Step::Months {
                    before: Box::new(before),
                    after: Box::new(after),
                }
            }
            Command::JoinColumns { columns, memory } => {
                if columns.is_empty() {
                    return Err(refuse(Msg::JoinErrNothing, Vec::new()));
                }
                let n = self.table.len();
                let mut steps = Vec::new();
                let mut at = self.table.columns.len();
                // New columns go before the formula columns, after the data.
                if let Some(first_formula) = self.table.columns.iter().position(Column::is_formula)
                {
                    at = first_formula;
                }
                let mut names: Vec<String> = self
                    .table
                    .columns
                    .iter()
                    .map(|c| c.name.trim().to_lowercase())
                    .collect();
                for jc in columns {
                    if jc.cells.len() != n {
                        return Err(refuse(
                            Msg::ErrCellOutOfRange,
                            vec![n.to_string(), "1".into()],
                        ));
                    }
                    match jc.replaces {
                        Some(col) => {
                            let Some(before) =
                                self.table.columns.get(col).filter(|c| !c.is_formula())
                            else {
                                return Err(refuse(Msg::ErrNotDataColumn, Vec::new()));
                            };
                            steps.push(Step::ColumnData {
                                col,
                                before: Box::new((
                                    before.clone(),
                                    self.table.column_cells(col).to_vec(),
                                )),
                                after: Box::new((jc.column, jc.cells)),
                            });
                        }
                        None => {
                            let mut column = jc.column;
                            // A taken name gets the source's mark: 质检得分 → 质检得分 (2).
                            let base = column.name.trim().to_string();
                            let mut k = 2;
                            while names.contains(&column.name.trim().to_lowercase()) {
                                column.name = format!("{base} ({k})");
                                k += 1;
                            }
                            names.push(column.name.trim().to_lowercase());
                            steps.push(Step::Insert {
                                at,
                                column: Box::new(column),
                                cells: jc.cells,
                            });
                            at += 1;
                        }
                    }
                }
                if *memory != self.memory {
                    steps.push(Step::Memory {
                        before: Box::new(self.memory.clone()),
                        after: memory,
                    });
                }
                Step::Multi(steps)
            }
            Command::ForgetMappings => {
                if self.memory.is_empty() {
                    return Err(refuse(Msg::ImpMappingsForgotten, Vec::new()));
                }
                Step::Memory {
                    before: Box::new(self.memory.clone()),
                    after: Box::new(ImportMemory::default()),
                }
            }
            _ => return Err(refuse(Msg::ErrEmptyInput, Vec::new())),
        })
    }
}
