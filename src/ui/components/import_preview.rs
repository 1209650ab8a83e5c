//! The import preview: what was detected, with the choices that fix it —
//! the header row, each column's metric and unit (remembered for the next
//! import), the shop prefix, day files rolled up to their month, and
//! joining the sheet into the current month by agent. Nothing changes
//! until the user confirms; every choice recomputes the preview from the
//! rows read, with the same core functions the confirmation applies.

use crate::i18n::{Lang, Msg};
use crate::io::decode::Encoding;
use crate::io::delimited::{Delimiter, Grid};
use crate::io::import::{import_grid_with, ImportOptions, ImportResult, MappedBy};
use crate::io::join::{plan_join, JoinPlan};
use crate::io::Severity;
use crate::model::metric::{HeaderMapping, ImportMemory, METRICS};
use crate::model::rollup::{roll_up, DayFile, Rolled};
use crate::model::workbook::JoinedColumn;
use crate::model::{Command, Table, Unit, Workbook};
use std::rc::Rc;
use yew::prelude::*;

/// The user's choices for one sheet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Choices {
    pub header_row: Option<usize>,
    pub drop_shop: Option<bool>,
    /// Mappings made in this preview (remembered on confirm).
    pub overrides: Vec<HeaderMapping>,
    /// Join into the current month instead of importing as a month.
    pub join: bool,
    /// Hand-made matches for the join: (source row, month row or none).
    pub fixes: Vec<(usize, Option<usize>)>,
    /// A single day's file: roll it up into its month (else import as is).
    pub as_day: bool,
}

/// The importer's memory with this preview's choices applied.
pub fn memory_for(base: &ImportMemory, ch: &Choices) -> ImportMemory {
    let mut m = base.clone();
    for o in &ch.overrides {
        m.remember(o.clone());
    }
    if let Some(d) = ch.drop_shop {
        m.drop_shop = Some(d);
    }
    m
}

/// One sheet or paste being previewed.
#[derive(Clone, PartialEq)]
pub struct SheetImport {
    pub source: String,
    pub encoding: Option<Encoding>,
    pub sheets: Option<(Rc<Vec<crate::io::xlsx::Sheet>>, usize)>,
    pub grid: Rc<Grid>,
    pub choices: Choices,
    pub result: Rc<ImportResult>,
    /// The day this sheet holds (from its name or title), if a single day.
    pub day: Option<String>,
}

impl SheetImport {
    /// Reads `grid` with the workbook's memory; a single day's file is
    /// offered as a day of its month.
    pub fn new(
        source: String,
        encoding: Option<Encoding>,
        sheets: Option<(Rc<Vec<crate::io::xlsx::Sheet>>, usize)>,
        grid: Grid,
        memory: &ImportMemory,
    ) -> SheetImport {
        let grid = Rc::new(grid);
        let mut s = SheetImport {
            source,
            encoding,
            sheets,
            grid,
            choices: Choices::default(),
            result: Rc::new(empty_result()),
            day: None,
        };
        s.rerun(memory);
        s.choices.as_day = s.day.is_some();
        s
    }

    /// Recomputes the result after a change of choices.
    pub fn rerun(&mut self, memory: &ImportMemory) {
        let options = ImportOptions {
            header_row: self.choices.header_row,
            memory: memory_for(memory, &self.choices),
        };
        let result = import_grid_with((*self.grid).clone(), &options);
        self.day = single_day(&self.source, &result);
        self.result = Rc::new(result);
    }

    /// The same sheet with changed choices, recomputed.
    pub fn with(&self, memory: &ImportMemory, f: impl FnOnce(&mut Choices)) -> SheetImport {
        let mut s = self.clone();
        f(&mut s.choices);
        s.rerun(memory);
        s
    }
}

fn empty_result() -> ImportResult {
    crate::io::import::import_text("")
}

/// The one day a file holds, from its name or its title rows.
pub fn single_day(source: &str, r: &ImportResult) -> Option<String> {
    let p = crate::io::import::find_period(source).or_else(|| r.period.clone())?;
    (p.0 == p.1).then_some(p.0)
}

/// Several day files dropped together.
#[derive(Clone, PartialEq)]
pub struct DaysImport {
    pub files: Vec<DayFile>,
    pub rolled: Result<Rc<Rolled>, (Msg, Vec<String>)>,
}

impl DaysImport {
    /// Rolls `files` up with the days kept in the workbook for their month.
    pub fn new(files: Vec<DayFile>, wb: &Workbook) -> DaysImport {
        let month = files
            .first()
            .and_then(|f| f.date.get(..7))
            .unwrap_or("")
            .to_string();
        let kept: Vec<DayFile> = wb.days_of(&month).into_iter().cloned().collect();
        let rolled = roll_up(files.clone(), &kept)
            .map(Rc::new)
            .map_err(|e| (e.msg, e.args));
        DaysImport { files, rolled }
    }
}

/// The join of a sheet into the current month, as planned.
pub fn join_plan(s: &SheetImport, wb: &Workbook) -> Result<JoinPlan, (Msg, Vec<String>)> {
    plan_join(wb.table(), &s.result.table, &s.choices.fixes).map_err(|e| (e.msg, e.args))
}

/// The command that confirming `s` applies, or why it cannot.
pub fn command_for(
    s: &SheetImport,
    wb: &Workbook,
    month: String,
) -> Result<Command, (Msg, Vec<String>)> {
    let memory = Box::new(memory_for(wb.import_memory(), &s.choices));
    if s.choices.join {
        let plan = join_plan(s, wb)?;
        return Ok(Command::JoinColumns {
            columns: plan
                .columns
                .into_iter()
                .map(|c| JoinedColumn {
                    column: c.column,
                    cells: c.cells,
                    replaces: c.replaces,
                })
                .collect(),
            memory,
        });
    }
    if let (true, Some(day)) = (s.choices.as_day, &s.day) {
        return Ok(Command::ImportDays {
            days: vec![DayFile {
                date: day.clone(),
                source: s.source.clone(),
                table: s.result.table.clone(),
            }],
            memory,
        });
    }
    Ok(Command::ImportSheet {
        month,
        table: Box::new(s.result.table.clone()),
        memory,
    })
}

pub const UNITS: [(Unit, Msg); 9] = [
    (Unit::Text, Msg::UnitTextName),
    (Unit::Number, Msg::UnitNumberName),
    (Unit::Count, Msg::UnitCount),
    (Unit::Percent, Msg::UnitPercent),
    (Unit::Seconds, Msg::UnitSeconds),
    (Unit::Money, Msg::UnitYuan),
    (Unit::Ratio, Msg::UnitRatioName),
    (Unit::Days, Msg::UnitDays),
    (Unit::Points, Msg::UnitPoints),
];

fn metric_name(id: crate::model::MetricId, lang: Lang) -> &'static str {
    crate::model::metric::def(id)
        .map(|d| match lang {
            Lang::Zh => d.zh,
            Lang::En => d.en,
        })
        .unwrap_or("")
}

/// The diagnostics of a result as two lists.
pub fn problems(r: &ImportResult, lang: Lang) -> Html {
    let errors: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    let warnings: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    html! { <>
        if !errors.is_empty() {
            <ul class="problems error">{ for errors.iter().map(|d| html! { <li>{ d.text(lang) }</li> }) }</ul>
            <p class="muted">{ Msg::ImpNothingChanged.t(lang) }</p>
        }
        if !warnings.is_empty() {
            <details open={warnings.len() <= 5}>
                <summary>{ Msg::ImpProblems.fill(lang, &[warnings.len().to_string()]) }</summary>
                <ul class="problems">{ for warnings.iter().take(50).map(|d| html! { <li>{ d.text(lang) }</li> }) }</ul>
            </details>
        }
    </> }
}

/// The first rows of `t`, under the column editor when `edit` is given.
pub fn sample(
    t: &Table,
    lang: Lang,
    edit: Option<(&SheetImport, Callback<SheetImport>, &ImportMemory)>,
) -> Html {
    let shown = 5.min(t.len());
    let editor = edit.map(|(s, on_change, memory)| {
        let r = &s.result;
        let metric_row = t.columns.iter().enumerate().map(|(c, col)| {
            let header = r.info.get(c).map(|i| i.header.clone()).unwrap_or_else(|| col.name.clone());
            let onchange = {
                let (s, on_change, memory, header) = (s.clone(), on_change.clone(), memory.clone(), header.clone());
                let unit_now = col.unit;
                Callback::from(move |e: Event| {
                    let Some(v) = super::fields::select_value(&e) else { return };
                    let metric = METRICS.iter().find(|d| format!("{:?}", d.id) == v).map(|d| d.id);
                    let unit = metric.and_then(crate::model::metric::def).map(|d| d.unit).unwrap_or(unit_now);
                    let header = header.clone();
                    on_change.emit(s.with(&memory, move |ch| {
                        ch.overrides.retain(|o| o.header != header);
                        ch.overrides.push(HeaderMapping { header, metric, unit });
                    }));
                })
            };
            let current = col.metric.map(|m| format!("{m:?}")).unwrap_or_default();
            // Aligned like the column's header and values (numbers right).
            html! { <td class={classes!(col.unit.is_numeric().then_some("num"))}>
                <select aria-label={Msg::ImpMapMetric.fill(lang, std::slice::from_ref(&header))} {onchange} class="map-metric">
                    <option value="" selected={current.is_empty()}>{ Msg::ImpCustomChoice.t(lang) }</option>
                    { for METRICS.iter().map(|d| {
                        let v = format!("{:?}", d.id);
                        html! { <option value={v.clone()} selected={v == current}>{ metric_name(d.id, lang) }</option> }
                    }) }
                </select>
            </td> }
        });
        let unit_row = t.columns.iter().enumerate().map(|(c, col)| {
            let header = r.info.get(c).map(|i| i.header.clone()).unwrap_or_else(|| col.name.clone());
            let onchange = {
                let (s, on_change, memory, header) = (s.clone(), on_change.clone(), memory.clone(), header.clone());
                let metric = col.metric;
                Callback::from(move |e: Event| {
                    let Some(v) = super::fields::select_value(&e) else { return };
                    let Some((unit, _)) = UNITS.iter().find(|(u, _)| format!("{u:?}") == v) else { return };
                    let (unit, header) = (*unit, header.clone());
                    on_change.emit(s.with(&memory, move |ch| {
                        ch.overrides.retain(|o| o.header != header);
                        ch.overrides.push(HeaderMapping { header, metric, unit });
                    }));
                })
            };
            html! { <td class={classes!(col.unit.is_numeric().then_some("num"))}>
                <select aria-label={Msg::ImpMapUnit.fill(lang, &[header])} {onchange} class="map-unit">
                    { for UNITS.iter().map(|(u, m)| html! {
                        <option value={format!("{u:?}")} selected={*u == col.unit}>{ m.t(lang) }</option>
                    }) }
                </select>
            </td> }
        });
        let how_row = t.columns.iter().enumerate().map(|(c, col)| {
            let info = r.info.get(c);
            let how = match info.map(|i| i.mapped_by) {
                Some(MappedBy::Dictionary) => Msg::ImpMappedDictionary,
                Some(MappedBy::Remembered) => Msg::ImpMappedRemembered,
                _ => Msg::ImpMappedCustom,
            };
            let hint = info.and_then(|i| i.hint).map(|h| Msg::ImpHintShown.fill(lang, &[h.label().to_string()]));
            html! { <td class={classes!("muted", (how == Msg::ImpMappedCustom).then_some("custom"), col.unit.is_numeric().then_some("num"))}>
                { how.t(lang) }
                if let Some(h) = hint { <br />{ h } }
            </td> }
        });
        html! { <>
            <tr class="map-row">{ for metric_row }</tr>
            <tr class="map-row">{ for unit_row }</tr>
            <tr class="map-row">{ for how_row }</tr>
        </> }
    });
    html! {
        <div class="table-scroll">
            <table class="plain sample" data-testid="import-sample">
                <thead>
                    <tr>{ for t.columns.iter().map(|c| html! { <th class={classes!(c.unit.is_numeric().then_some("num"))} title={c.name.clone()}>{ c.name.clone() }</th> }) }</tr>
                    { editor.unwrap_or_default() }
                </thead>
                <tbody>{ for (0..shown).map(|r| html! {
                    <tr>{ for t.columns.iter().enumerate().map(|(c, col)| html! {
                        <td class={classes!(col.unit.is_numeric().then_some("num"))}>{ t.at(r, c).display(col.unit, lang) }</td>
                    }) }</tr>
                }) }</tbody>
            </table>
        </div>
    }
}

/// The roll-up facts: days found, missing, absent agents, replaced days.
pub fn days_facts(rolled: &Rolled, kept: usize, lang: Lang) -> Html {
    let n_days = rolled.days.len();
    let absent: Vec<String> = rolled
        .absent
        .iter()
        .take(20)
        .map(|(a, n)| {
            Msg::ImpDaysAbsentOne.fill(lang, &[a.clone(), n.to_string(), n_days.to_string()])
        })
        .collect();
    html! {
        <div class="days" data-testid="import-days">
            <p>{ if n_days == 1 {
                Msg::ImpDaysOne.fill(lang, &[rolled.month.clone(), rolled.days.join("、")])
            } else {
                Msg::ImpDays.fill(lang, &[n_days.to_string(), rolled.month.clone(), rolled.days.join("、")])
            } }</p>
            if kept > 0 { <p class="muted">{ Msg::ImpDaysKept.fill(lang, &[kept.to_string()]) }</p> }
            if !rolled.missing_days.is_empty() {
                <p class="warn">{ Msg::ImpDaysMissing.fill(lang, &[rolled.missing_days.join("、")]) }</p>
            }
            if !absent.is_empty() {
                <p class="warn" data-testid="import-absent">{ Msg::ImpDaysAbsent.fill(lang, &[absent.join("、")]) }</p>
            }
            if !rolled.notes.is_empty() {
                <ul class="problems">{ for rolled.notes.iter().map(|n| html! { <li>{ n.msg.fill(lang, &n.args) }</li> }) }</ul>
            }
            <p class="muted hint">{ Msg::ImpDaysRule.t(lang) }</p>
        </div>
    }
}

/// The join plan: matched, unmatched (with a fix), missing, columns.
pub fn join_view(
    s: &SheetImport,
    plan: &Result<JoinPlan, (Msg, Vec<String>)>,
    wb: &Workbook,
    lang: Lang,
    on_change: Callback<SheetImport>,
    memory: &ImportMemory,
) -> Html {
    let plan = match plan {
        Ok(p) => p,
        Err((m, a)) => {
            return html! { <p class="field-error" role="alert" data-testid="import-join">{ m.fill(lang, a) }</p> }
        }
    };
    let month = wb.table();
    let agents: Vec<String> = (0..month.len()).map(|r| month.agent_name(r)).collect();
    let fix = |row: usize, name: &str| {
        let chosen = s
            .choices
            .fixes
            .iter()
            .find(|(r, _)| *r == row)
            .and_then(|(_, m)| *m);
        let (s, on_change, memory) = (s.clone(), on_change.clone(), memory.clone());
        let onchange = Callback::from(move |e: Event| {
            let v = super::fields::select_value(&e).and_then(|v| v.parse::<usize>().ok());
            on_change.emit(s.with(&memory, move |ch| {
                ch.fixes.retain(|(r, _)| *r != row);
                ch.fixes.push((row, v));
            }));
        });
        html! { <li class="field">
            <label for={format!("join-fix-{row}")}>{ Msg::JoinFixLabel.fill(lang, &[name.to_string()]) }</label>
            <select id={format!("join-fix-{row}")} {onchange}>
                <option value="" selected={chosen.is_none()}>{ Msg::JoinNoMatchChoice.t(lang) }</option>
                { for agents.iter().enumerate().map(|(i, a)| html! {
                    <option value={i.to_string()} selected={chosen == Some(i)}>{ a.clone() }</option>
                }) }
            </select>
        </li> }
    };
    let fixable: Vec<(usize, String)> = plan
        .unmatched
        .iter()
        .cloned()
        .chain(plan.ambiguous.iter().map(|(r, n, _)| (*r, n.clone())))
        .chain(
            s.choices
                .fixes
                .iter()
                .map(|(r, _)| (*r, s.result.table.agent_name(*r))),
        )
        .fold(Vec::new(), |mut acc: Vec<(usize, String)>, x| {
            if !acc.iter().any(|(r, _)| *r == x.0) {
                acc.push(x);
            }
            acc
        });
    let new: Vec<String> = plan
        .columns
        .iter()
        .filter(|c| c.replaces.is_none())
        .map(|c| c.column.label(lang).to_string())
        .collect();
    let replaced: Vec<String> = plan
        .columns
        .iter()
        .filter(|c| c.replaces.is_some())
        .map(|c| c.column.label(lang).to_string())
        .collect();
    html! {
        <div class="join" data-testid="import-join">
            <p>{ Msg::JoinMatched.fill(lang, &[plan.matched().to_string()]) }</p>
            if !new.is_empty() { <p>{ Msg::JoinColumnsNew.fill(lang, &[new.join("、")]) }</p> }
            if !replaced.is_empty() { <p class="warn">{ Msg::JoinColumnsReplaced.fill(lang, &[replaced.join("、")]) }</p> }
            if !plan.unmatched.is_empty() {
                <p class="warn">{ Msg::JoinUnmatched.fill(lang, &[plan.unmatched.iter().map(|(_, n)| n.clone()).collect::<Vec<_>>().join("、")]) }</p>
            }
            { for plan.ambiguous.iter().map(|(_, n, rows)| html! {
                <p class="warn">{ Msg::JoinAmbiguous.fill(lang, &[n.clone(), rows.iter().filter_map(|r| agents.get(*r).cloned()).collect::<Vec<_>>().join("、")]) }</p>
            }) }
            if !plan.missing.is_empty() {
                <p class="muted">{ Msg::JoinMissing.fill(lang, &[plan.missing.iter().take(30).cloned().collect::<Vec<_>>().join("、")]) }</p>
            }
            if !fixable.is_empty() {
                <ul class="join-fixes">{ for fixable.iter().map(|(r, n)| fix(*r, n)) }</ul>
            }
        </div>
    }
}

/// What the facts line says about the delimiter.
pub fn delimiter_name(d: Delimiter) -> Msg {
    match d {
        Delimiter::Tab => Msg::ImpDelimTab,
        Delimiter::Comma => Msg::ImpDelimComma,
        Delimiter::Semicolon => Msg::ImpDelimSemicolon,
        Delimiter::Sheet => Msg::ImpDelimSheet,
    }
}
