//! The steps of the table's commands (cells, rows, columns, formulas, QA
//! inputs, loading) and the one dispatch from a command to its step.

use super::command::Select;
use super::history::{Change, Step};
use super::{refuse, syntax, Command, ModelError, Workbook};
use crate::i18n::Msg;
use crate::model::formula;
use crate::model::table::{Cell, Column};
use crate::model::unit::Direction;

impl Workbook {
    /// Validates `cmd` and builds its step, with what to select after it;
    /// nothing changes here.
    pub(super) fn step_for(&self, cmd: Command) -> Result<(Step, Option<Select>), ModelError> {
        let step = match cmd {
            cmd @ (Command::ImportTable(_)
            | Command::ImportMonth { .. }
            | Command::ImportSheet { .. }
            | Command::ImportDays { .. }
            | Command::JoinColumns { .. }
            | Command::ForgetMappings) => self.months_step(cmd)?,
            cmd @ (Command::AddPlan(_)
            | Command::CopyPlan { .. }
            | Command::EditPlan { .. }
            | Command::RemovePlan { .. }
            | Command::AddPayoutModel(_)
            | Command::CopyPayoutModel { .. }
            | Command::EditPayoutModel { .. }
            | Command::RemovePayoutModel { .. }
            | Command::AddScenario { .. }
            | Command::RemoveScenario { .. }
            | Command::MergeShared { .. }) => return self.collection_step(cmd),
            Command::SetCell { col, .. }
                if self.table.columns.get(col).is_some_and(Column::is_formula) =>
            {
                return Err(refuse(Msg::ErrFormulaCellReadOnly, Vec::new()));
            }
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
            Command::Load(after) => Step::Load {
                before: Box::new(self.snapshot()),
                after: Box::new(self.with_ids(*after)),
            },
            Command::SelectMonth(to) => {
                if !self.archive.iter().any(|(l, _)| *l == to) {
                    return Err(refuse(Msg::ErrNoSuchMonth, vec![to]));
                }
                Step::SwitchMonth {
                    from: self.month.clone(),
                    to,
                }
            }
            Command::ReplaceTable(after) => Step::Table {
                before: Box::new(self.table.clone()),
                after,
            },
            Command::AddFormulaColumn {
                name,
                formula,
                unit,
            } => {
                let name = name.trim().to_string();
                if name.is_empty() {
                    return Err(refuse(Msg::ErrColumnNameEmpty, Vec::new()));
                }
                if self.name_taken(&name, None) {
                    return Err(refuse(Msg::ErrColumnNameTaken, vec![name]));
                }
                formula::validate(&formula).map_err(syntax)?;
                let column = Column {
                    name,
                    metric: None,
                    unit,
                    direction: Direction::Neutral,
                    formula: Some(formula.trim().to_string()),
                };
                Step::Insert {
                    at: self.table.columns.len(),
                    column: Box::new(column),
                    cells: vec![Cell::Empty; self.table.len()],
                }
            }
            Command::AddColumn { after, name, unit } => {
                let name = name.trim().to_string();
                if name.is_empty() {
                    return Err(refuse(Msg::ErrColumnNameEmpty, Vec::new()));
                }
                if self.name_taken(&name, None) {
                    return Err(refuse(Msg::ErrColumnNameTaken, vec![name]));
                }
                let def = crate::model::lookup_header(&name)
                    .filter(|d| self.table.column_of(d.id).is_none());
                let column = Column::input(
                    &name,
                    def.map(|d| d.id),
                    def.map(|d| d.unit).unwrap_or(unit),
                    def.map(|d| d.direction).unwrap_or(Direction::Neutral),
                );
                Step::Insert {
                    at: after.saturating_add(1).min(self.table.columns.len()),
                    column: Box::new(column),
                    cells: vec![Cell::Empty; self.table.len()],
                }
            }
            Command::SetFormula { col, formula } => {
                let Some(before) = self.table.columns.get(col).filter(|c| c.is_formula()) else {
                    return Err(refuse(Msg::ErrNotFormulaColumn, Vec::new()));
                };
                formula::validate(&formula).map_err(syntax)?;
                let mut after = before.clone();
                after.formula = Some(formula.trim().to_string());
                Step::Meta {
                    col,
                    before: Box::new(before.clone()),
                    after: Box::new(after),
                }
            }
            Command::RenameColumn { col, name } => {
                let name = name.trim().to_string();
                let Some(before) = self.table.columns.get(col) else {
                    return Err(refuse(
                        Msg::ErrCellOutOfRange,
                        vec!["1".into(), (col + 1).to_string()],
                    ));
                };
                if name.is_empty() {
                    return Err(refuse(Msg::ErrColumnNameEmpty, Vec::new()));
                }
                if self.name_taken(&name, Some(col)) {
                    return Err(refuse(Msg::ErrColumnNameTaken, vec![name]));
                }
                let old = before.name.clone();
                let mut steps = Vec::new();
                let mut after = before.clone();
                after.name = name.clone();
                steps.push(Step::Meta {
                    col,
                    before: Box::new(before.clone()),
                    after: Box::new(after),
                });
                // Plan items that name the column follow the rename.
                for (pi, p) in self.plans.iter().enumerate() {
                    if p.items
                        .iter()
                        .any(|it| it.column.trim().eq_ignore_ascii_case(old.trim()))
                    {
                        let mut a = p.clone();
                        for it in a.items.iter_mut() {
                            if it.column.trim().eq_ignore_ascii_case(old.trim()) {
                                it.column = name.clone();
                            }
                        }
                        steps.push(Step::Plan(Change::Set {
                            idx: pi,
                            before: Box::new(p.clone()),
                            after: Box::new(a),
                        }));
                    }
                }
                // References follow the rename.
                for (i, c) in self.table.columns.iter().enumerate() {
                    if let Some(f) = &c.formula {
                        let g = formula::rename_refs(f, &old, &name);
                        if &g != f {
                            let mut a = c.clone();
                            a.formula = Some(g);
                            steps.push(Step::Meta {
                                col: i,
                                before: Box::new(c.clone()),
                                after: Box::new(a),
                            });
                        }
                    }
                }
                Step::Multi(steps)
            }
            Command::RemoveColumn { col }
                if self
                    .table
                    .columns
                    .get(col)
                    .is_some_and(|c| c.metric == Some(crate::model::MetricId::Agent)) =>
            {
                return Err(refuse(Msg::ErrAgentColumnKept, Vec::new()));
            }
            Command::RemapColumn { col, metric, unit } => {
                let Some(before) = self.table.columns.get(col).filter(|c| !c.is_formula()) else {
                    return Err(refuse(Msg::ErrNotDataColumn, Vec::new()));
                };
                let old_cells = self.table.column_cells(col).to_vec();
                // Read every cell again from its text, with the column-wide percent rule.
                let texts: Vec<String> =
                    old_cells.iter().map(|c| c.edit_text(before.unit)).collect();
                let scale =
                    crate::model::unit::infer_percent_scale(texts.iter().map(String::as_str));
                let cells = texts
                    .iter()
                    .map(|t| Cell::from_parsed(crate::model::unit::parse_value(t, unit, scale), t))
                    .collect();
                let mut after = before.clone();
                after.metric = metric;
                after.unit = unit;
                after.direction = metric
                    .and_then(crate::model::metric::def)
                    .map(|d| d.direction)
                    .unwrap_or(Direction::Neutral);
                // The next import maps this header the same way.
                let mut memory = self.memory.clone();
                memory.remember(crate::model::metric::HeaderMapping {
                    header: before.name.clone(),
                    metric,
                    unit,
                });
                let data = Step::ColumnData {
                    col,
                    before: Box::new((before.clone(), old_cells)),
                    after: Box::new((after, cells)),
                };
                if memory == self.memory {
                    data
                } else {
                    Step::Multi(vec![
                        data,
                        Step::Memory {
                            before: Box::new(self.memory.clone()),
                            after: Box::new(memory),
                        },
                    ])
                }
            }
            Command::AddRow { at } => Step::Row {
                at: at.min(self.table.len()),
                cells: Vec::new(),
                remove: false,
            },
            Command::RemoveRow { row } => {
                if row >= self.table.len() {
                    return Err(refuse(
                        Msg::ErrCellOutOfRange,
                        vec![(row + 1).to_string(), "1".into()],
                    ));
                }
                Step::Row {
                    at: row,
                    cells: (0..self.table.columns.len())
                        .map(|c| self.table.at(row, c).clone())
                        .collect(),
                    remove: true,
                }
            }
            Command::RemoveColumn { col } => {
                let Some(column) = self.table.columns.get(col) else {
                    return Err(refuse(
                        Msg::ErrCellOutOfRange,
                        vec!["1".into(), (col + 1).to_string()],
                    ));
                };
                Step::Remove {
                    at: col,
                    column: Box::new(column.clone()),
                    cells: self.table.column_cells(col).to_vec(),
                }
            }
            Command::SetRange { rows, col, values } => self.set_range_step(&rows, col, &values)?,
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
            Command::SetMonthsSettings(after) => {
                if !after.is_valid() {
                    return Err(refuse(Msg::MoErrSettings, Vec::new()));
                }
                Step::MonthsSettings {
                    before: Box::new(self.months_settings.clone()),
                    after,
                }
            }
        };
        Ok((step, None))
    }

    /// The step of a `SetRange`: new rows first, then every changed cell.
    fn set_range_step(
        &self,
        rows: &[usize],
        col: usize,
        values: &[Vec<String>],
    ) -> Result<Step, ModelError> {
        let n = self.table.len();
        let n_cols = self.table.columns.len();
        if let Some(bad) = rows.iter().find(|r| **r >= n) {
            return Err(refuse(
                Msg::ErrCellOutOfRange,
                vec![(bad + 1).to_string(), (col + 1).to_string()],
            ));
        }
        if col >= n_cols && !values.is_empty() {
            return Err(refuse(
                Msg::ErrCellOutOfRange,
                vec!["1".into(), (col + 1).to_string()],
            ));
        }
        let added = values.len().saturating_sub(rows.len());
        let mut steps: Vec<Step> = (0..added)
            .map(|k| Step::Row {
                at: n + k,
                cells: Vec::new(),
                remove: false,
            })
            .collect();
        for (i, line) in values.iter().enumerate() {
            let row = match rows.get(i) {
                Some(r) => *r,
                None => n + i.saturating_sub(rows.len()),
            };
            for (j, raw) in line.iter().enumerate() {
                let c = col + j;
                let Some(column) = self.table.columns.get(c) else {
                    break;
                };
                if column.is_formula() {
                    continue;
                }
                let before = self.table.cell(row, c).cloned().unwrap_or(Cell::Empty);
                let Some(after) = self.table.parse_for(c, raw) else {
                    continue;
                };
                if before != after {
                    steps.push(Step::Cell {
                        row,
                        col: c,
                        before,
                        after,
                    });
                }
            }
        }
        Ok(Step::Multi(steps))
    }
}
