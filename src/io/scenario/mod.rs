//! The saved format: the whole workbook (all months, plans, payout models,
//! scenarios, QA inputs) as versioned JSON, used by autosave, workbook files
//! and share links. Schema in `docs/SCENARIO.md`.
//!
//! This is a compatibility boundary: everything saved has a file type of
//! its own here — months and cells (`months.rs`), plans, payout models, QA
//! inputs, the across-months settings and plain codes ([`file`]), scenarios,
//! day files and the importer's memory (below) — converted to and from the
//! model's types, and messages are saved by stable codes ([`file::codes`]),
//! never by the names of `Msg`, so the model can change while old files
//! keep loading (`tests/saved_compat.rs`). Version 2 files (scenarios
//! naming their plan and payout model, no ids) are migrated on reading by
//! [`migrate_2_to_3`].
//! Reading never panics and never half-applies: it returns a complete
//! [`Snapshot`] or every problem found, each with its path in the file.

use crate::i18n::Msg;
use crate::model::id::Id;
use crate::model::payout::{Scenario, MAX_PARTS};
use crate::model::qa::QaParams;
use crate::model::workbook::Snapshot;
use crate::model::workbook::MAX_MODELS;
use serde::{Deserialize, Serialize};

pub mod file;
mod migrate;
mod months;
pub use file::codes::{problem_code, problem_of};
use file::common::{MetricFile, UnitFile};
pub(crate) use file::{MonthsSettingsFile, PayoutModelFile, PlanFile, QaFile};
use migrate::migrate_2_to_3;
use months::{month_to_file, read_month, MonthV1};

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
    plans: Vec<PlanFile>,
    qa: QaFile,
    /// Since version 2.
    #[serde(default)]
    payouts: Vec<PayoutModelFile>,
    /// Since version 2.
    #[serde(default)]
    scenarios: Vec<ScenarioFile>,
    /// Since version 3: the next id the workbook gives.
    #[serde(default)]
    next_id: u32,
    /// Across-months settings (#18): optional, so older files open with none.
    #[serde(default)]
    months_settings: MonthsSettingsFile,
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
    metric: Option<MetricFile>,
    unit: UnitFile,
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

/// A problem in a file: where (a JSON path such as `months[0].rows[3]`) and what.
#[derive(Clone, Debug, PartialEq)]
pub struct FileProblem {
    pub path: String,
    pub msg: Msg,
    pub args: Vec<String>,
}

/// Writes a snapshot as JSON.
pub fn to_json(s: &Snapshot) -> String {
    let file = FileV1 {
        app: APP.into(),
        version: VERSION,
        current_month: s.month.clone(),
        months: s.tables.iter().map(|(m, t)| month_to_file(m, t)).collect(),
        plans: s.plans.iter().map(Into::into).collect(),
        qa: (&s.qa).into(),
        payouts: s.payouts.iter().map(Into::into).collect(),
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
        months_settings: (&s.months_settings).into(),
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
                    metric: m.metric.map(Into::into),
                    unit: m.unit.into(),
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
    let months_settings = crate::model::months::MonthsSettings::from(file.months_settings);
    if !months_settings.is_valid() {
        problems.push(problem("months_settings", Msg::MoErrSettings, Vec::new()));
    }
    let qa = match QaParams::try_from(file.qa) {
        Ok(qa) => {
            for q in qa.validate() {
                problems.push(problem(format!("qa.{:?}", q.field), q.msg, Vec::new()));
            }
            qa
        }
        Err(p) => {
            problems.extend(p);
            QaParams::default()
        }
    };
    if problems.is_empty() {
        Ok(Snapshot {
            month: file.current_month.trim().to_string(),
            tables,
            plans: file.plans.into_iter().map(Into::into).collect(),
            qa,
            payouts: file.payouts.into_iter().map(Into::into).collect(),
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
            months_settings,
            days,
            memory: crate::model::metric::ImportMemory {
                mappings: file
                    .import_memory
                    .mappings
                    .into_iter()
                    .map(|m| crate::model::metric::HeaderMapping {
                        header: m.header,
                        metric: m.metric.map(Into::into),
                        unit: m.unit.into(),
                    })
                    .collect(),
                drop_shop: file.import_memory.drop_shop,
            },
        })
    } else {
        Err(problems)
    }
}
