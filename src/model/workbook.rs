//! The workbook: the team table plus the undo history, changed only through
//! [`Workbook::apply`].
//!
//! Owns: validate → apply → record. Every mutation is a [`Command`]; it is
//! checked first (a rejected command changes nothing), applied, and recorded
//! as one undo step holding what it replaced, so undo and redo can never
//! diverge from what was applied.

use super::formula::{self, Calc, Changes};
use super::metric::ImportMemory;
use super::months::MonthsSettings;
use super::payout::{PayoutModel, Scenario};
use super::plan::Plan;
use super::qa::QaParams;
use super::rollup::DayFile;
use super::table::{Cell, Column, Table};
use super::unit::{Direction, Unit};
use crate::i18n::Msg;

/// At least this many steps can be undone.
pub const HISTORY_LIMIT: usize = 200;

/// A change the UI asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Parse `raw` with the column's rules and store it in (`row`, `col`).
    SetCell { row: usize, col: usize, raw: String },
    /// Replace the whole table (loading the demo).
    ReplaceTable(Box<Table>),
    /// Replace the team data with an import, keeping the formula columns
    /// (appended after the imported columns unless a name is taken).
    ImportTable(Box<Table>),
    /// Replace the QA staffing inputs; refused unless they validate.
    SetQa(Box<QaParams>),
    /// Insert an empty data column after column `after` (at the end when
    /// past it); its header is mapped to the metric dictionary like an
    /// import's. Refused on an empty or taken name.
    AddColumn {
        after: usize,
        name: String,
        unit: Unit,
    },
    /// Append a formula column; refused on a syntax error or a taken name.
    AddFormulaColumn {
        name: String,
        formula: String,
        unit: Unit,
    },
    /// Replace a formula column's formula; refused on a syntax error.
    SetFormula { col: usize, formula: String },
    /// Rename a column; formulas that reference it follow the new name.
    RenameColumn { col: usize, name: String },
    /// Remove a column (formulas that used it show `#NAME?`). The agent
    /// column cannot be removed.
    RemoveColumn { col: usize },
    /// Map a data column to a dictionary metric (or none) and a unit; its
    /// cells are read again from their text with the import rules.
    RemapColumn {
        col: usize,
        metric: Option<super::MetricId>,
        unit: Unit,
    },
    /// Insert an empty agent row at `at` (the end when past it).
    AddRow { at: usize },
    /// Remove agent row `row`.
    RemoveRow { row: usize },
    /// Import a table as month `month` and make it current; the current month
    /// is kept in the archive (an existing month of that label is replaced).
    /// Formula columns are carried over as with `ImportTable`.
    ImportMonth { month: String, table: Box<Table> },
    /// Make another month current.
    SelectMonth(String),
    /// Replace everything with a loaded snapshot (a restored autosave or an
    /// opened scenario file).
    Load(Box<Snapshot>),
    /// Append a KPI plan.
    AddPlan(Box<Plan>),
    /// Replace plan `idx` (every edit of the plan editor).
    SetPlan { idx: usize, plan: Box<Plan> },
    /// Remove plan `idx`.
    RemovePlan { idx: usize },
    /// Replace the payout models (every edit of the payout editor). Models
    /// that do not validate are kept and shown with their problems, as plans are.
    SetPayouts(Box<Vec<PayoutModel>>),
    /// Replace the saved scenarios.
    SetScenarios(Box<Vec<Scenario>>),
    // ---- across months (#18) ----
    /// Replace the across-months settings (confirmed name matches, team
    /// targets, talent rules); refused unless they validate.
    SetMonthsSettings(Box<MonthsSettings>),
    // ---- import (#13) ----
    /// Import a sheet as month `month` (as `ImportMonth`) and keep what the
    /// importer should remember (mappings made in the preview, the shop
    /// choice), as one undo step.
    ImportSheet {
        month: String,
        table: Box<Table>,
        memory: Box<ImportMemory>,
    },
    /// Roll day files up to their month (with the month's day files imported
    /// before; the same day replaces the earlier file) and import the result
    /// as that month, keeping the day files; one undo step.
    ImportDays {
        days: Vec<DayFile>,
        memory: Box<ImportMemory>,
    },
    /// Add (or replace the values of) columns of the current month from a
    /// joined source, matched by agent; one undo step.
    JoinColumns {
        columns: Vec<JoinedColumn>,
        memory: Box<ImportMemory>,
    },
    /// Forget every remembered header mapping and the shop choice.
    ForgetMappings,
    // ---- grid (#20) ----
    /// Write a block of values (a paste, a fill down, a cleared range) as one
    /// undo step: `values[i][j]` goes to data row `rows[i]`, column `col + j`,
    /// parsed like a typed cell. `rows` lists the target rows in view order
    /// (a sorted view is not contiguous); rows of `values` past its end are
    /// appended as new agents. Values past the last column are dropped and
    /// formula columns are skipped (they compute).
    SetRange {
        rows: Vec<usize>,
        col: usize,
        values: Vec<Vec<String>>,
    },
}

/// A column a join writes into the current month: one cell per row, and
/// the column it replaces (else it is appended).
#[derive(Clone, Debug, PartialEq)]
pub struct JoinedColumn {
    pub column: Column,
    pub cells: Vec<Cell>,
    pub replaces: Option<usize>,
}

/// Most payout models and scenarios a workbook keeps.
pub const MAX_MODELS: usize = 50;

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
    /// Plan `idx` appears (forward) or disappears (backward); with `remove`
    /// the other way round.
    PlanInsert {
        idx: usize,
        plan: Box<Plan>,
        remove: bool,
    },
    PlanSet {
        idx: usize,
        before: Box<Plan>,
        after: Box<Plan>,
    },
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
    /// The payout models before and after.
    Payouts {
        before: Vec<PayoutModel>,
        after: Vec<PayoutModel>,
    },
    /// The scenarios before and after.
    Scenarios {
        before: Vec<Scenario>,
        after: Vec<Scenario>,
    },
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

/// Everything a workbook holds (no history): what is saved and loaded.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The current month's label.
    pub month: String,
    /// Every month, the current one included.
    pub tables: Vec<(String, Table)>,
    pub plans: Vec<Plan>,
    pub qa: QaParams,
    pub payouts: Vec<PayoutModel>,
    pub scenarios: Vec<Scenario>,
    /// Across-months settings (#18).
    pub months_settings: MonthsSettings,
    /// Day files kept with their months (to roll up later days with them).
    pub days: Vec<DayFile>,
    /// What the importer remembers (header mappings, the shop choice).
    pub memory: ImportMemory,
}

/// The current month, the archive, the day files and the importer's
/// memory, as one value for undo.
#[derive(Clone, Debug, PartialEq)]
struct MonthsState {
    table: Table,
    month: String,
    archive: Vec<(String, Table)>,
    days: Vec<DayFile>,
    memory: ImportMemory,
}

/// What an applied command, undo or redo touched, so views can refresh just that.
#[derive(Clone, Debug, PartialEq)]
pub enum Touched {
    Cell {
        row: usize,
        col: usize,
    },
    Table,
    /// QA inputs or plans: nothing in the table to recalculate.
    Inputs,
}

fn refuse(msg: Msg, args: Vec<String>) -> ModelError {
    ModelError { msg, args }
}

/// A syntax error as a user message: "at character N: what".
fn syntax(e: formula::SyntaxError) -> ModelError {
    let lang_free = e.args.clone();
    ModelError {
        msg: e.msg,
        args: lang_free,
    }
}

/// The state a manager works on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workbook {
    /// The current month's table.
    table: Table,
    /// The current month's label (`YYYY-MM`), empty when unnamed.
    month: String,
    /// The other months, sorted by label.
    archive: Vec<(String, Table)>,
    qa: QaParams,
    plans: Vec<Plan>,
    payouts: Vec<PayoutModel>,
    scenarios: Vec<Scenario>,
    months_settings: MonthsSettings,
    days: Vec<DayFile>,
    memory: ImportMemory,
    calc: Calc,
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl Workbook {
    /// A workbook holding `table`, with empty history.
    pub fn new(table: Table) -> Self {
        let mut wb = Workbook {
            table,
            month: String::new(),
            archive: Vec::new(),
            qa: QaParams::default(),
            plans: Vec::new(),
            payouts: Vec::new(),
            scenarios: Vec::new(),
            months_settings: MonthsSettings::default(),
            days: Vec::new(),
            memory: ImportMemory::default(),
            calc: Calc::default(),
            undo: Vec::new(),
            redo: Vec::new(),
        };
        wb.recalc_all();
        wb
    }

    /// A workbook holding `table` as month `month`, and `plans`, with empty history.
    pub fn with_plans(table: Table, month: &str, plans: Vec<Plan>) -> Self {
        let mut wb = Workbook::new(table);
        wb.month = month.trim().to_string();
        wb.plans = plans;
        wb
    }

    /// Everything the workbook holds, for saving.
    pub fn snapshot(&self) -> Snapshot {
        let mut tables = self.archive.clone();
        tables.push((self.month.clone(), self.table.clone()));
        tables.sort_by(|a, b| a.0.cmp(&b.0));
        Snapshot {
            month: self.month.clone(),
            tables,
            plans: self.plans.clone(),
            qa: self.qa.clone(),
            payouts: self.payouts.clone(),
            scenarios: self.scenarios.clone(),
            months_settings: self.months_settings.clone(),
            days: self.days.clone(),
            memory: self.memory.clone(),
        }
    }

    /// A workbook from a snapshot, with empty history and formulas computed.
    pub fn from_snapshot(s: Snapshot) -> Workbook {
        let mut wb = Workbook::new(Table::default());
        wb.restore(&s);
        wb.recalc_all();
        wb
    }

    fn restore(&mut self, s: &Snapshot) {
        let mut archive = Vec::new();
        let mut current = None;
        for (m, t) in &s.tables {
            if *m == s.month && current.is_none() {
                current = Some(t.clone());
            } else {
                archive.push((m.clone(), t.clone()));
            }
        }
        self.table = current.unwrap_or_default();
        self.month = s.month.clone();
        self.archive = archive;
        self.plans = s.plans.clone();
        self.qa = s.qa.clone();
        self.payouts = s.payouts.clone();
        self.scenarios = s.scenarios.clone();
        self.months_settings = s.months_settings.clone();
        self.days = s.days.clone();
        self.memory = s.memory.clone();
    }

    /// The current month's label.
    pub fn month(&self) -> &str {
        &self.month
    }

    /// Every month's label, sorted, the current one included.
    pub fn months(&self) -> Vec<String> {
        let mut m: Vec<String> = self.archive.iter().map(|(l, _)| l.clone()).collect();
        m.push(self.month.clone());
        m.sort();
        m.dedup();
        m
    }

    /// The table of month `month`: the current one or an archived one.
    pub fn table_for(&self, month: &str) -> Option<&Table> {
        if month.trim() == self.month {
            Some(&self.table)
        } else {
            self.archive
                .iter()
                .find(|(l, _)| l == month.trim())
                .map(|(_, t)| t)
        }
    }

    fn months_state(&self) -> MonthsState {
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
    fn months_after(&self, month: String, table: Table) -> MonthsState {
        let mut archive: Vec<(String, Table)> = self
            .archive
            .iter()
            .filter(|(l, _)| *l != month)
            .cloned()
            .collect();
        if self.month != month {
            archive.push((self.month.clone(), self.table.clone()));
        }
        archive.sort_by(|a, b| a.0.cmp(&b.0));
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

    /// What the importer remembers.
    pub fn import_memory(&self) -> &ImportMemory {
        &self.memory
    }

    /// The day files kept for `month` (`YYYY-MM`), sorted by day.
    pub fn days_of(&self, month: &str) -> Vec<&DayFile> {
        let mut d: Vec<&DayFile> = self
            .days
            .iter()
            .filter(|f| f.date.get(..7) == Some(month.trim()))
            .collect();
        d.sort_by(|a, b| a.date.cmp(&b.date));
        d
    }

    /// `new` with the current table's formula columns appended (names not taken).
    fn with_formulas(&self, mut table: Table) -> Table {
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

    fn switch_to(&mut self, to: &str) {
        if to == self.month {
            return;
        }
        if let Some(i) = self.archive.iter().position(|(l, _)| l == to) {
            let (label, table) = self.archive.remove(i);
            let old_table = std::mem::replace(&mut self.table, table);
            let old_month = std::mem::replace(&mut self.month, label);
            self.archive.push((old_month, old_table));
            self.archive.sort_by(|a, b| a.0.cmp(&b.0));
        }
    }

    /// The KPI plans.
    pub fn plans(&self) -> &[Plan] {
        &self.plans
    }

    /// The payout models.
    pub fn payouts(&self) -> &[PayoutModel] {
        &self.payouts
    }

    /// The saved scenarios.
    pub fn scenarios(&self) -> &[Scenario] {
        &self.scenarios
    }

    /// The plan scenario `s` uses, if it still exists.
    pub fn scenario_plan(&self, s: &Scenario) -> Option<&Plan> {
        self.plans.iter().find(|p| p.name == s.plan)
    }

    /// The payout model scenario `s` uses, if it still exists.
    pub fn scenario_payout(&self, s: &Scenario) -> Option<&PayoutModel> {
        self.payouts.iter().find(|m| m.name == s.payout)
    }

    /// The across-months settings (#18).
    pub fn months_settings(&self) -> &MonthsSettings {
        &self.months_settings
    }

    /// Sets the payout models of a fresh workbook (no undo step).
    pub fn with_payouts(mut self, payouts: Vec<PayoutModel>) -> Self {
        self.payouts = payouts;
        self
    }

    /// The compiled formulas (issues per column, evaluation order).
    pub fn calc(&self) -> &Calc {
        &self.calc
    }

    fn recalc_all(&mut self) {
        self.calc = formula::compile(&self.table);
        formula::recalc_all(&mut self.table, &self.calc);
    }

    fn name_taken(&self, name: &str, except: Option<usize>) -> bool {
        let n = name.trim().to_lowercase();
        self.table
            .columns
            .iter()
            .enumerate()
            .any(|(i, c)| Some(i) != except && formula::calc::lower_eq(c.name.trim(), &n))
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
                let rolled =
                    super::rollup::roll_up(days, &kept).map_err(|e| refuse(e.msg, e.args))?;
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
            Command::Load(after) => Step::Load {
                before: Box::new(self.snapshot()),
                after,
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
                let def =
                    super::lookup_header(&name).filter(|d| self.table.column_of(d.id).is_none());
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
                        steps.push(Step::PlanSet {
                            idx: pi,
                            before: Box::new(p.clone()),
                            after: Box::new(a),
                        });
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
                    .is_some_and(|c| c.metric == Some(super::MetricId::Agent)) =>
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
                let scale = super::unit::infer_percent_scale(texts.iter().map(String::as_str));
                let cells = texts
                    .iter()
                    .map(|t| Cell::from_parsed(super::unit::parse_value(t, unit, scale), t))
                    .collect();
                let mut after = before.clone();
                after.metric = metric;
                after.unit = unit;
                after.direction = metric
                    .and_then(super::metric::def)
                    .map(|d| d.direction)
                    .unwrap_or(Direction::Neutral);
                // The next import maps this header the same way.
                let mut memory = self.memory.clone();
                memory.remember(super::metric::HeaderMapping {
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
            Command::AddPlan(mut plan) => {
                // Two plans never share a name: a copy or a second template gets "(2)".
                let taken: Vec<&str> = self.plans.iter().map(|p| p.name.as_str()).collect();
                plan.name = super::plan_fit::unique_name(&plan.name, &taken);
                Step::PlanInsert {
                    idx: self.plans.len(),
                    plan,
                    remove: false,
                }
            }
            Command::SetPlan { idx, plan } => {
                let Some(before) = self.plans.get(idx) else {
                    return Err(refuse(Msg::ErrNoSuchPlan, Vec::new()));
                };
                if plan.items.len() > super::plan::MAX_ITEMS {
                    return Err(refuse(
                        Msg::PlanErrItemCount,
                        vec![plan.items.len().to_string()],
                    ));
                }
                // Saved scenarios name their plan: a rename carries them along.
                let renamed = self.scenarios_renamed(|s| {
                    if s.plan == before.name && before.name != plan.name {
                        s.plan = plan.name.clone();
                    }
                });
                let set = Step::PlanSet {
                    idx,
                    before: Box::new(before.clone()),
                    after: plan,
                };
                match renamed {
                    Some(sc) => Step::Multi(vec![set, sc]),
                    None => set,
                }
            }
            Command::RemovePlan { idx } => {
                let Some(plan) = self.plans.get(idx) else {
                    return Err(refuse(Msg::ErrNoSuchPlan, Vec::new()));
                };
                Step::PlanInsert {
                    idx,
                    plan: Box::new(plan.clone()),
                    remove: true,
                }
            }
            Command::SetPayouts(after) => {
                if after.len() > MAX_MODELS
                    || after.iter().any(|m| {
                        m.components.len() > super::payout::MAX_PARTS
                            || m.gates.len() > super::payout::MAX_PARTS
                    })
                {
                    return Err(refuse(
                        Msg::PayErrTooMany,
                        vec![super::payout::MAX_PARTS.to_string()],
                    ));
                }
                // A model renamed in place carries its scenarios along.
                let names: Vec<(String, String)> = if after.len() == self.payouts.len() {
                    self.payouts
                        .iter()
                        .zip(after.iter())
                        .filter(|(a, b)| a.name != b.name)
                        .map(|(a, b)| (a.name.clone(), b.name.clone()))
                        .collect()
                } else {
                    Vec::new()
                };
                let renamed = self.scenarios_renamed(|s| {
                    if let Some((_, new)) = names.iter().find(|(old, _)| *old == s.payout) {
                        s.payout = new.clone();
                    }
                });
                let set = Step::Payouts {
                    before: self.payouts.clone(),
                    after: *after,
                };
                match renamed {
                    Some(sc) => Step::Multi(vec![set, sc]),
                    None => set,
                }
            }
            Command::SetScenarios(after) => {
                if after.len() > MAX_MODELS {
                    return Err(refuse(Msg::PayErrTooMany, vec![MAX_MODELS.to_string()]));
                }
                Step::Scenarios {
                    before: self.scenarios.clone(),
                    after: *after,
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
        let touched = self.run_and_recalc(&step, true);
        self.undo.push(step);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(touched)
    }

    /// Runs a step, then brings formula columns up to date: for one cell,
    /// what the cell reaches; for a change of columns or formulas, the
    /// columns it can affect and what reads them; everything only after a
    /// change of rows or of the whole table.
    fn run_and_recalc(&mut self, step: &Step, forward: bool) -> Touched {
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
            Step::PlanInsert { idx, plan, remove } => {
                if forward != *remove {
                    let at = (*idx).min(self.plans.len());
                    self.plans.insert(at, (**plan).clone());
                } else if *idx < self.plans.len() {
                    self.plans.remove(*idx);
                }
                Touched::Inputs
            }
            Step::PlanSet { idx, before, after } => {
                if let Some(p) = self.plans.get_mut(*idx) {
                    *p = if forward {
                        (**after).clone()
                    } else {
                        (**before).clone()
                    };
                }
                Touched::Inputs
            }
            Step::Payouts { before, after } => {
                self.payouts = if forward {
                    after.clone()
                } else {
                    before.clone()
                };
                Touched::Inputs
            }
            Step::Scenarios { before, after } => {
                self.scenarios = if forward {
                    after.clone()
                } else {
                    before.clone()
                };
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

    /// The step that changes the saved scenarios by `f`, if it changes any.
    fn scenarios_renamed(&self, f: impl Fn(&mut Scenario)) -> Option<Step> {
        let mut after = self.scenarios.clone();
        after.iter_mut().for_each(f);
        (after != self.scenarios).then(|| Step::Scenarios {
            before: self.scenarios.clone(),
            after,
        })
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
}
