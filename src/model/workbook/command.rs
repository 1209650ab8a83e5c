//! The commands: what the UI can ask a workbook to do, each an intent
//! (what the user meant), checked, applied and recorded as one undo step by
//! [`super::Workbook::apply`].

use super::Snapshot;
use crate::model::id::Id;
use crate::model::metric::ImportMemory;
use crate::model::months::MonthsSettings;
use crate::model::payout::{Component, PayoutModel};
use crate::model::paysheet::PayLines;
use crate::model::plan::Plan;
use crate::model::qa::QaParams;
use crate::model::rollup::DayFile;
use crate::model::table::{Cell, Column, Table};
use crate::model::unit::Unit;

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
        metric: Option<crate::model::MetricId>,
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
    // ---- plans, payout models and scenarios: intents by id (#14) ----
    /// Add a KPI plan with a fresh id; a taken name gets the first free
    /// counter (`名称 (2)`). Selects the new plan.
    AddPlan(Box<Plan>),
    /// Copy plan `id` with a fresh id for `month` (its own month when
    /// `None`), named for that month (`售前考核方案 · 2026-12`). Selects the copy.
    CopyPlan { id: Id, month: Option<String> },
    /// Replace plan `id`'s content (every edit of the plan editor); its id
    /// stays. A taken name is refused.
    EditPlan { id: Id, plan: Box<Plan> },
    /// Remove plan `id` (scenarios that use it show that it is gone).
    /// Selects the plan before it.
    RemovePlan { id: Id },
    /// Add a payout model with a fresh id and a free name. Selects it.
    AddPayoutModel(Box<PayoutModel>),
    /// Copy payout model `id` with a fresh id and a free name. Selects the copy.
    CopyPayoutModel { id: Id },
    /// Change payout model `id`. Models that do not validate are kept and
    /// shown with their problems, as plans are.
    EditPayoutModel { id: Id, edit: PayoutEdit },
    /// Remove payout model `id`. Selects the model before it.
    RemovePayoutModel { id: Id },
    /// Save what the workspace shows (month, plan, model) as a scenario with
    /// a fresh id; an empty name becomes `month · plan · model`, a taken one
    /// gets a counter.
    AddScenario {
        name: String,
        month: String,
        plan: Id,
        payout: Id,
    },
    /// Remove scenario `id`.
    RemoveScenario { id: Id },
    /// Add the plans and payout models of a share link, each with a fresh
    /// id and a free name, as one undo step. Selects the first plan.
    MergeShared {
        plans: Vec<Plan>,
        payouts: Vec<PayoutModel>,
    },
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

/// A change of one payout model.
#[derive(Clone, Debug, PartialEq)]
pub enum PayoutEdit {
    /// Its whole content from the editor (its id stays; a taken name is refused).
    Replace(Box<PayoutModel>),
    /// Component `part`'s main parameter (the budget solver's answer).
    SetParam { part: usize, value: f64 },
    /// Component `part` replaced.
    SetComponent { part: usize, component: Component },
    /// The pay-sheet lines.
    SetLines(Box<PayLines>),
}

/// What the UI should show after a command: the plan, payout model or
/// scenario it created, or the neighbour of one it removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Select {
    Plan(Id),
    Payout(Id),
    Scenario(Id),
    /// No plan is left.
    NoPlan,
    /// No payout model is left.
    NoPayout,
}
