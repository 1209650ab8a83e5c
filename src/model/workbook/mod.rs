//! The workbook: the team table plus the undo history, changed only through
//! [`Workbook::apply`].
//!
//! Owns: validate → apply → record. Every mutation is a [`Command`]; it is
//! checked first (a rejected command changes nothing), applied, and recorded
//! as one undo step holding what it replaced, so undo and redo can never
//! diverge from what was applied.

//!
//! Files by seam: [`command`] (what can be asked), `steps` (the table's
//! commands and the one dispatch), `months` (months and imports),
//! `collections` (plans, payout models and scenarios by id), `history`
//! (undo steps and how they run).

mod collections;
pub mod command;
mod history;
mod months;
mod steps;

pub use command::{Command, JoinedColumn, PayoutEdit, Select};
use history::Step;
use months::MonthsState;

use super::formula::{self, Calc};
use super::id::Id;
use super::metric::ImportMemory;
use super::months::MonthsSettings;
use super::payout::{PayoutModel, Scenario};
use super::plan::Plan;
use super::qa::QaParams;
use super::rollup::DayFile;
use super::table::Table;
use crate::i18n::Msg;

/// At least this many steps can be undone.
pub const HISTORY_LIMIT: usize = 200;
/// Most payout models and scenarios a workbook keeps.
pub const MAX_MODELS: usize = 50;

/// A command that was refused, with a message for the user.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelError {
    pub msg: Msg,
    pub args: Vec<String>,
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
    /// The next id the workbook gives (ids are never given twice; 0 in a
    /// snapshot means "above every id it holds").
    pub next_id: u32,
}

/// What an applied command did: what to refresh and what to select.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    pub touched: Touched,
    pub select: Option<Select>,
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

pub(super) fn refuse(msg: Msg, args: Vec<String>) -> ModelError {
    ModelError { msg, args }
}

/// A syntax error as a user message: "at character N: what".
pub(super) fn syntax(e: formula::SyntaxError) -> ModelError {
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
    /// The next id to give.
    next_id: u32,
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
            next_id: 1,
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
        wb.give_ids();
        wb
    }

    /// Everything the workbook holds, for saving.
    pub fn snapshot(&self) -> Snapshot {
        let mut tables = self.archive.clone();
        tables.push((self.month.clone(), self.table.clone()));
        crate::model::order::sort_by(&mut tables, |a, b| a.0.cmp(&b.0));
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
            next_id: self.next_id,
        }
    }

    /// A workbook from a snapshot, with empty history and formulas computed.
    /// Plans, models and scenarios without an id (or with one taken before
    /// them) get fresh ones, in order.
    pub fn from_snapshot(s: Snapshot) -> Workbook {
        let mut wb = Workbook::new(Table::default());
        wb.restore(&s);
        wb.give_ids();
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
        // Ids are never given twice, not even across a load and its undo.
        self.next_id = self.next_id.max(s.next_id);
    }

    /// The current month's label.
    pub fn month(&self) -> &str {
        &self.month
    }

    /// Every month's label, sorted, the current one included.
    pub fn months(&self) -> Vec<String> {
        let mut m: Vec<String> = self.archive.iter().map(|(l, _)| l.clone()).collect();
        m.push(self.month.clone());
        crate::model::order::sort(&mut m);
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
        crate::model::order::sort_by(&mut d, |a, b| a.date.cmp(&b.date));
        d
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

    /// The plan with id `id`.
    pub fn plan(&self, id: Id) -> Option<&Plan> {
        self.plans.iter().find(|p| p.id == id)
    }

    /// The payout model with id `id`.
    pub fn payout(&self, id: Id) -> Option<&PayoutModel> {
        self.payouts.iter().find(|m| m.id == id)
    }

    /// The scenario with id `id`.
    pub fn scenario(&self, id: Id) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// The plan scenario `s` uses, if it still exists.
    pub fn scenario_plan(&self, s: &Scenario) -> Option<&Plan> {
        self.plan(s.plan)
    }

    /// The payout model scenario `s` uses, if it still exists.
    pub fn scenario_payout(&self, s: &Scenario) -> Option<&PayoutModel> {
        self.payout(s.payout)
    }

    /// The table plan `p` scores: its month's, else the current one (a plan
    /// for a month not imported yet scores the data at hand).
    pub fn table_for_plan(&self, p: &Plan) -> &Table {
        self.table_for(&p.month).unwrap_or(&self.table)
    }

    /// The across-months settings (#18).
    pub fn months_settings(&self) -> &MonthsSettings {
        &self.months_settings
    }

    /// Sets the payout models of a fresh workbook (no undo step).
    pub fn with_payouts(mut self, payouts: Vec<PayoutModel>) -> Self {
        self.payouts = payouts;
        self.give_ids();
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
        self.dispatch(cmd).map(|a| a.touched)
    }

    /// As [`Workbook::apply`], also saying what the UI should select next.
    pub fn dispatch(&mut self, cmd: Command) -> Result<Applied, ModelError> {
        let (step, select) = self.step_for(cmd)?;
        let touched = self.run_and_recalc(&step, true);
        self.bump_ids();
        self.record(step);
        Ok(Applied { touched, select })
    }
}
