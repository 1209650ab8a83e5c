//! The saved format: the whole workbook (all months, plans, payout models,
//! scenarios, QA inputs) as versioned JSON, used by autosave, workbook files
//! and share links. Schema in `docs/SCENARIO.md`.
//!
//! This is a compatibility boundary: months, cells, scenarios and the
//! importer's memory have their own file types here, and messages are saved
//! by stable codes ([`problem_code`]), never by the names of `Msg`, so the
//! model can change while old files keep loading. Version 2 files (scenarios
//! naming their plan and payout model, no ids) are migrated on reading by
//! [`migrate_2_to_3`].
//! Reading never panics and never half-applies: it returns a complete
//! [`Snapshot`] or every problem found, each with its path in the file.

use crate::i18n::Msg;
use crate::model::formula::ErrorKind;
use crate::model::id::Id;
use crate::model::payout::{PayoutModel, Scenario, MAX_PARTS};
use crate::model::plan::Plan;
use crate::model::qa::QaParams;
use crate::model::workbook::Snapshot;
use crate::model::workbook::MAX_MODELS;
use crate::model::{Cell, Column, Direction, MetricId, Table, Unit};
use serde::{Deserialize, Serialize};

/// The version this build writes. Files with a higher version are refused;
/// version 1 (before payout models) is read as version 2 with none, and
/// version 2 (references by name) is migrated to ids.
pub const VERSION: u32 = 3;
const APP: &str = "kpi-sandbox";

#[derive(Serialize, Deserialize)]
struct FileV1 {
    app: String,
    version: u32,
    current_month: String,
    months: Vec<MonthV1>,
    plans: Vec<Plan>,
    qa: QaParams,
    /// Since version 2.
    #[serde(default)]
    payouts: Vec<PayoutModel>,
    /// Since version 2.
    #[serde(default)]
    scenarios: Vec<ScenarioFile>,
    /// Since version 3: the next id the workbook gives.
    #[serde(default)]
    next_id: u32,
    /// Across-months settings (#18): optional, so older files open with none.
    #[serde(default)]
    months_settings: crate::model::months::MonthsSettings,
    /// Day files kept with their months (optional in version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    days: Vec<DayV1>,
    /// What the importer remembers (optional in version 2).
    #[serde(default, skip_serializing_if = "MemoryV1::is_empty")]
    import_memory: MemoryV1,
}

/// One day file: its date, where it came from and its table (as a month).
#[derive(Serialize, Deserialize)]
struct DayV1 {
    date: String,
    source: String,
    table: MonthV1,
}

#[derive(Serialize, Deserialize, Default)]
struct MemoryV1 {
    #[serde(default)]
    mappings: Vec<MappingV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    drop_shop: Option<bool>,
}

impl MemoryV1 {
    fn is_empty(&self) -> bool {
        self.mappings.is_empty() && self.drop_shop.is_none()
    }
}

#[derive(Serialize, Deserialize)]
struct MappingV1 {
    header: String,
    metric: Option<MetricId>,
    unit: Unit,
}

#[derive(Serialize, Deserialize)]
struct MonthV1 {
    month: String,
    columns: Vec<ColumnV1>,
    /// Row-major; formula cells are saved as null (they are recomputed).
    rows: Vec<Vec<Option<CellV1>>>,
}

#[derive(Serialize, Deserialize)]
struct ColumnV1 {
    name: String,
    metric: Option<MetricId>,
    unit: Unit,
    direction: Direction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    formula: Option<String>,
}

/// A scenario: by id since version 3 (`plan_id`, `payout_id`), by name
/// (`plan`, `payout`) in version 2.
#[derive(Serialize, Deserialize)]
struct ScenarioFile {
    #[serde(default, skip_serializing_if = "is_zero")]
    id: u32,
    name: String,
    month: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    plan_id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    payout_id: Option<u32>,
    /// Version 2: the plan's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    plan: Option<String>,
    /// Version 2: the payout model's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    payout: Option<String>,
}

fn is_zero(v: &u32) -> bool {
    *v == 0
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum CellV1 {
    Number(f64),
    Text(String),
    Bool(bool),
    /// `problem`: a stable code of [`problem_code`] (version 2 wrote the
    /// name of the message instead; both are read).
    Invalid {
        invalid: String,
        problem: String,
    },
    /// `error`: the cell's code (`#DIV/0!`; version 2 wrote `Div0`).
    Error {
        error: String,
    },
}

/// The stable code saved for why a cell's text did not parse.
pub fn problem_code(m: Msg) -> &'static str {
    match m {
        Msg::ErrBadDuration => "bad-duration",
        Msg::ErrNotFinite => "not-finite",
        Msg::ErrNegative => "negative",
        _ => "not-a-number",
    }
}

/// The message of a saved problem code (or of a version-2 message name);
/// anything unknown reads as "not a number", the cell's text is kept.
pub fn problem_of(code: &str) -> Msg {
    match code {
        "bad-duration" | "ErrBadDuration" => Msg::ErrBadDuration,
        "not-finite" | "ErrNotFinite" => Msg::ErrNotFinite,
        "negative" | "ErrNegative" => Msg::ErrNegative,
        _ => Msg::ErrNotANumber,
    }
}

const ERROR_KINDS: [ErrorKind; 6] = [
    ErrorKind::Div0,
    ErrorKind::Value,
    ErrorKind::Name,
    ErrorKind::NA,
    ErrorKind::Num,
    ErrorKind::Cycle,
];

/// The error kind of a saved code (`#DIV/0!`, or version 2's `Div0`).
fn error_of(code: &str) -> Option<ErrorKind> {
    ERROR_KINDS
        .into_iter()
        .find(|k| k.code() == code || format!("{k:?}") == code)
}

/// A problem in a file: where (a JSON path such as `months[0].rows[3]`) and what.
#[derive(Clone, Debug, PartialEq)]
pub struct FileProblem {
    pub path: String,
    pub msg: Msg,
    pub args: Vec<String>,
}

fn month_to_file(month: &str, t: &Table) -> MonthV1 {
    MonthV1 {
        month: month.to_string(),
        columns: t
            .columns
            .iter()
            .map(|c| ColumnV1 {
                name: c.name.clone(),
                metric: c.metric,
                unit: c.unit,
                direction: c.direction,
                formula: c.formula.clone(),
            })
            .collect(),
        rows: (0..t.len())
            .map(|r| {
                t.columns
                    .iter()
                    .enumerate()
                    .map(|(c, col)| {
                        if col.is_formula() {
                            return None;
                        }
                        match t.at(r, c) {
                            Cell::Empty => None,
                            Cell::Number(v) => Some(CellV1::Number(*v)),
                            Cell::Text(s) => Some(CellV1::Text(s.clone())),
                            Cell::Bool(b) => Some(CellV1::Bool(*b)),
                            Cell::Invalid { raw, problem } => Some(CellV1::Invalid {
                                invalid: raw.clone(),
                                problem: problem_code(*problem).to_string(),
                            }),
                            Cell::Error(e) => Some(CellV1::Error {
                                error: e.code().to_string(),
                            }),
                        }
                    })
                    .collect()
            })
            .collect(),
    }
}

/// Writes a snapshot as JSON.
pub fn to_json(s: &Snapshot) -> String {
    let file = FileV1 {
        app: APP.into(),
        version: VERSION,
        current_month: s.month.clone(),
        months: s.tables.iter().map(|(m, t)| month_to_file(m, t)).collect(),
        plans: s.plans.clone(),
        qa: s.qa.clone(),
        payouts: s.payouts.clone(),
        scenarios: s
            .scenarios
            .iter()
            .map(|x| ScenarioFile {
                id: x.id.0,
                name: x.name.clone(),
                month: x.month.clone(),
                plan_id: Some(x.plan.0),
                payout_id: Some(x.payout.0),
                plan: None,
                payout: None,
            })
            .collect(),
        next_id: s.next_id,
        months_settings: s.months_settings.clone(),
        days: s
            .days
            .iter()
            .map(|d| DayV1 {
                date: d.date.clone(),
                source: d.source.clone(),
                table: month_to_file(&d.date, &d.table),
            })
            .collect(),
        import_memory: MemoryV1 {
            mappings: s
                .memory
                .mappings
                .iter()
                .map(|m| MappingV1 {
                    header: m.header.clone(),
                    metric: m.metric,
                    unit: m.unit,
                })
                .collect(),
            drop_shop: s.memory.drop_shop,
        },
    };
    serde_json::to_string(&file).unwrap_or_default()
}

fn problem(path: impl Into<String>, msg: Msg, args: Vec<String>) -> FileProblem {
    FileProblem {
        path: path.into(),
        msg,
        args,
    }
}

/// Reads a snapshot, or every problem with its path. A file from a newer
/// version of the app, or not from this app, is refused as a whole.
pub fn from_json(text: &str) -> Result<Snapshot, Vec<FileProblem>> {
    // The header first, so a foreign or future file gets its own message
    // rather than a shape error (and without building a generic JSON value).
    #[derive(Deserialize)]
    struct Header {
        app: Option<String>,
        version: Option<serde_json::Value>,
    }
    let json_err = |e: serde_json::Error| {
        vec![problem(
            format!("line {}, column {}", e.line(), e.column()),
            Msg::FileErrJson,
            vec![e.to_string()],
        )]
    };
    let header: Header = serde_json::from_str(text).map_err(json_err)?;
    if header.app.as_deref() != Some(APP) {
        return Err(vec![problem("app", Msg::FileErrNotOurs, Vec::new())]);
    }
    match header.version.and_then(|v| v.as_u64()) {
        Some(v) if v > u64::from(VERSION) => {
            return Err(vec![problem(
                "version",
                Msg::FileErrFuture,
                vec![v.to_string(), VERSION.to_string()],
            )])
        }
        Some(1..=3) => {}
        _ => return Err(vec![problem("version", Msg::FileErrVersion, Vec::new())]),
    }
    let mut file: FileV1 = serde_json::from_str(text)
        .map_err(|e| vec![problem("", Msg::FileErrShape, vec![e.to_string()])])?;
    if file.version < 3 {
        migrate_2_to_3(&mut file);
    }
    let mut problems = Vec::new();
    let mut tables = Vec::new();
    for (mi, m) in file.months.iter().enumerate() {
        let table = read_month(&format!("months[{mi}]"), m, &mut problems);
        tables.push((m.month.trim().to_string(), table));
    }
    let mut days = Vec::new();
    for (di, d) in file.days.iter().enumerate() {
        let base = format!("days[{di}]");
        if crate::io::import::find_period(&d.date).map(|p| p.0) != Some(d.date.trim().to_string()) {
            problems.push(problem(
                format!("{base}.date"),
                Msg::ImpErrNoDate,
                vec![d.date.clone()],
            ));
        }
        let table = read_month(&format!("{base}.table"), &d.table, &mut problems);
        days.push(crate::model::rollup::DayFile {
            date: d.date.trim().to_string(),
            source: d.source.clone(),
            table,
        });
    }
    if !tables.iter().any(|(m, _)| *m == file.current_month.trim()) {
        problems.push(problem(
            "current_month",
            Msg::ErrNoSuchMonth,
            vec![file.current_month.clone()],
        ));
    }
    for (pi, p) in file.plans.iter().enumerate() {
        if p.items.len() > crate::model::plan::MAX_ITEMS {
            problems.push(problem(
                format!("plans[{pi}].items"),
                Msg::PlanErrItemCount,
                vec![p.items.len().to_string()],
            ));
        }
    }
    if file.payouts.len() > MAX_MODELS {
        problems.push(problem(
            "payouts",
            Msg::PayErrTooMany,
            vec![MAX_MODELS.to_string()],
        ));
    }
    for (i, m) in file.payouts.iter().enumerate() {
        if m.components.len() > MAX_PARTS || m.gates.len() > MAX_PARTS {
            problems.push(problem(
                format!("payouts[{i}]"),
                Msg::PayErrTooMany,
                vec![MAX_PARTS.to_string()],
            ));
        }
    }
    if file.scenarios.len() > MAX_MODELS {
        problems.push(problem(
            "scenarios",
            Msg::PayErrTooMany,
            vec![MAX_MODELS.to_string()],
        ));
    }
    if !file.months_settings.is_valid() {
        problems.push(problem("months_settings", Msg::MoErrSettings, Vec::new()));
    }
    for q in file.qa.validate() {
        problems.push(problem(format!("qa.{:?}", q.field), q.msg, Vec::new()));
    }
    if problems.is_empty() {
        Ok(Snapshot {
            month: file.current_month.trim().to_string(),
            tables,
            plans: file.plans,
            qa: file.qa,
            payouts: file.payouts,
            scenarios: file
                .scenarios
                .into_iter()
                .map(|x| Scenario {
                    id: Id(x.id),
                    name: x.name,
                    month: x.month,
                    plan: Id(x.plan_id.unwrap_or(0)),
                    payout: Id(x.payout_id.unwrap_or(0)),
                })
                .collect(),
            next_id: file.next_id,
            months_settings: file.months_settings,
            days,
            memory: crate::model::metric::ImportMemory {
                mappings: file
                    .import_memory
                    .mappings
                    .into_iter()
                    .map(|m| crate::model::metric::HeaderMapping {
                        header: m.header,
                        metric: m.metric,
                        unit: m.unit,
                    })
                    .collect(),
                drop_shop: file.import_memory.drop_shop,
            },
        })
    } else {
        Err(problems)
    }
}

/// One month (or day) table of a file, its problems added to `problems`.
fn read_month(base: &str, m: &MonthV1, problems: &mut Vec<FileProblem>) -> Table {
    if m.month.trim().is_empty() {
        problems.push(problem(
            format!("{base}.month"),
            Msg::ErrMonthEmpty,
            Vec::new(),
        ));
    }
    if !m.columns.iter().any(|c| c.metric == Some(MetricId::Agent)) {
        problems.push(problem(
            format!("{base}.columns"),
            Msg::ErrNoAgentColumn,
            Vec::new(),
        ));
    }
    for (ci, c) in m.columns.iter().enumerate() {
        if let Some(f) = &c.formula {
            if let Err(e) = crate::model::formula::validate(f) {
                problems.push(problem(
                    format!("{base}.columns[{ci}].formula"),
                    e.msg,
                    e.args,
                ));
            }
        }
    }
    let width = m.columns.len();
    let mut rows = Vec::with_capacity(m.rows.len());
    for (ri, r) in m.rows.iter().enumerate() {
        if r.len() != width {
            problems.push(problem(
                format!("{base}.rows[{ri}]"),
                Msg::FileErrRowWidth,
                vec![r.len().to_string(), width.to_string()],
            ));
        }
        rows.push(
            r.iter()
                .map(|c| match c {
                    None => Cell::Empty,
                    Some(CellV1::Number(v)) if v.is_finite() => Cell::Number(*v),
                    Some(CellV1::Number(_)) => Cell::Empty,
                    Some(CellV1::Text(s)) => Cell::Text(s.clone()),
                    Some(CellV1::Bool(b)) => Cell::Bool(*b),
                    Some(CellV1::Invalid { invalid, problem }) => Cell::Invalid {
                        raw: invalid.clone(),
                        problem: problem_of(problem),
                    },
                    Some(CellV1::Error { error }) => match error_of(error) {
                        Some(e) => Cell::Error(e),
                        None => Cell::Empty,
                    },
                })
                .collect(),
        );
    }
    let columns = m
        .columns
        .iter()
        .map(|c| Column {
            name: c.name.clone(),
            metric: c.metric,
            unit: c.unit,
            direction: c.direction,
            formula: c.formula.clone(),
        })
        .collect();
    Table::from_rows(columns, rows)
}

/// Version 2 → 3: plans, payout models and scenarios get ids in file order
/// (plans from 1, then models, then scenarios), and scenarios refer to the
/// first plan and model of the name they gave (none when it is gone).
fn migrate_2_to_3(file: &mut FileV1) {
    let mut next = 1u32;
    let mut give = |id: &mut Id| {
        *id = Id(next);
        next += 1;
    };
    for p in file.plans.iter_mut() {
        give(&mut p.id);
    }
    for m in file.payouts.iter_mut() {
        give(&mut m.id);
    }
    let plan_id = |name: &Option<String>| {
        name.as_ref()
            .and_then(|n| file.plans.iter().find(|p| p.name == *n))
            .map(|p| p.id.0)
    };
    let model_id = |name: &Option<String>| {
        name.as_ref()
            .and_then(|n| file.payouts.iter().find(|m| m.name == *n))
            .map(|m| m.id.0)
    };
    let refs: Vec<(Option<u32>, Option<u32>)> = file
        .scenarios
        .iter()
        .map(|s| (plan_id(&s.plan), model_id(&s.payout)))
        .collect();
    for (s, (p, m)) in file.scenarios.iter_mut().zip(refs) {
        let mut id = Id::NONE;
        give(&mut id);
        s.id = id.0;
        s.plan_id = Some(p.unwrap_or(0));
        s.payout_id = Some(m.unwrap_or(0));
        s.plan = None;
        s.payout = None;
    }
    file.next_id = next;
    file.version = VERSION;
}
