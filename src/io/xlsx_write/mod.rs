//! Writing the workbook as `.xlsx`: one sheet per monthly table, the plans,
//! each plan's scores and each payout model's payouts with **live Excel
//! formulas** (cached results stored too, so viewers that do not recompute
//! still show the numbers), and a notes sheet listing what is written as a
//! value because it has no faithful formula.
//!
//! Written by hand on the zip/deflate code the reader already uses: the
//! SpreadsheetML needed here (inline strings, number formats, frozen header,
//! column widths, formulas with cached values) is small, and
//! `rust_xlsxwriter` would add ≈ 150 KB gzip to every page load.

mod package;
mod payouts;
pub mod paysheet;
mod scores;

pub use package::crc32;
use package::package;
use payouts::payouts_sheet;
use scores::rule_text;
use scores::{plan_sheet, scores_sheet, table_for};

use crate::i18n::{Lang, Msg};
use crate::model::formula::calc::resolve;
use crate::model::payout::compute;
use crate::model::plan::score;
use crate::model::workbook::Snapshot;
use crate::model::{Cell, Table, Unit};

/// A cell to write.
#[derive(Clone, Debug)]
enum Out {
    Num(f64, Style),
    Text(String),
    /// A formula (without `=`) with its cached number or text.
    Formula(String, Cached, Style),
    Empty,
}

#[derive(Clone, Debug)]
enum Cached {
    Num(f64),
    Text(String),
}

/// Cell styles (indices into `cellXfs` in styles.xml).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Style {
    General = 0,
    Header = 1,
    Percent = 2,
    Money = 3,
    Seconds = 4,
    Decimal = 5,
}

fn style_of(unit: Unit) -> Style {
    match unit {
        Unit::Percent => Style::Percent,
        Unit::Money => Style::Money,
        Unit::Seconds => Style::Seconds,
        Unit::Ratio | Unit::Points => Style::Decimal,
        _ => Style::General,
    }
}

struct SheetOut {
    name: String,
    rows: Vec<Vec<Out>>,
    widths: Vec<f64>,
}

/// `A`, `B`, … `AA` for a 0-based column.
pub fn col_name(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn cell_ref(col: usize, row: usize) -> String {
    format!("{}{}", col_name(col), row + 1)
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A number as Excel formulas and XML take it: shortest round-trip form.
fn n(v: f64) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        "0".into()
    }
}

/// A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters, unique.
fn sheet_name(raw: &str, taken: &[String]) -> String {
    let clean: String = raw
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let base: String = clean.chars().take(28).collect();
    let mut name = base.clone();
    let mut k = 2;
    while taken
        .iter()
        .any(|t| t.to_lowercase() == name.to_lowercase())
    {
        name = format!("{base}~{k}");
        k += 1;
    }
    name
}

/// `'name'!` for references to another sheet.
fn sheet_ref(name: &str) -> String {
    format!("'{}'!", name.replace('\'', "''"))
}

/// The name a column reference (a plan item's, a pay line's input) shows in
/// `lang`: the column's metric name in `lang` (the header as typed for a
/// custom column), a known metric's name when the table lacks it, else the
/// name as written. One name per column in every workspace and export (#15);
/// the UI's pickers use it too.
pub fn column_label(t: Option<&Table>, name: &str, lang: Lang) -> String {
    if let Some(c) = t.and_then(|t| resolve(t, name).and_then(|c| t.columns.get(c))) {
        return c.label(lang).to_string();
    }
    let n = name.trim().to_lowercase();
    crate::model::metric::METRICS
        .iter()
        .find(|d| d.zh.to_lowercase() == n || d.en.to_lowercase() == n)
        .map(|d| match lang {
            Lang::Zh => d.zh.to_string(),
            Lang::En => d.en.to_string(),
        })
        .unwrap_or_else(|| name.to_string())
}

/// `, ` in English, `，` in Chinese: the separator of a list in a sentence.
fn list_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "，",
        Lang::En => ", ",
    }
}

fn unit_of(t: &Table, column: &str) -> Unit {
    resolve(t, column)
        .and_then(|c| t.columns.get(c))
        .map(|c| c.unit)
        .unwrap_or(Unit::Number)
}

fn value_cell(c: &Cell, unit: Unit) -> Out {
    match c {
        Cell::Number(v) => Out::Num(*v, style_of(unit)),
        Cell::Text(s) => Out::Text(s.clone()),
        Cell::Bool(b) => Out::Text(if *b { "TRUE" } else { "FALSE" }.into()),
        Cell::Invalid { raw, .. } => Out::Text(raw.clone()),
        Cell::Error(e) => Out::Text(e.code().into()),
        Cell::Empty => Out::Empty,
    }
}

fn header_row(names: &[String]) -> Vec<Out> {
    names.iter().map(|h| Out::Text(h.clone())).collect()
}

fn data_sheet(name: String, t: &Table, lang: Lang) -> SheetOut {
    let mut rows = vec![header_row(
        &t.columns
            .iter()
            .map(|c| c.label(lang).to_string())
            .collect::<Vec<_>>(),
    )];
    for r in 0..t.len() {
        rows.push(
            t.columns
                .iter()
                .enumerate()
                .map(|(c, col)| value_cell(t.at(r, c), col.unit))
                .collect(),
        );
    }
    let widths = t
        .columns
        .iter()
        .map(|c| (c.name.chars().count() as f64 * 2.0 + 2.0).clamp(8.0, 30.0))
        .collect();
    SheetOut { name, rows, widths }
}

/// The whole workbook as xlsx bytes.
pub fn workbook_xlsx(s: &Snapshot, lang: Lang) -> Vec<u8> {
    let mut sheets: Vec<SheetOut> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let add = |sheets: &mut Vec<SheetOut>, names: &mut Vec<String>, sh: SheetOut| {
        names.push(sh.name.clone());
        sheets.push(sh);
    };
    for (m, t) in &s.tables {
        let name = sheet_name(&format!("{}-{m}", Msg::FileTeamData.t(lang)), &names);
        if t.columns.iter().any(|c| c.is_formula()) {
            notes.push(Msg::XlsxNoteFormulaColumns.fill(lang, std::slice::from_ref(&name)));
        }
        add(&mut sheets, &mut names, data_sheet(name, t, lang));
    }
    if !s.plans.is_empty() {
        let name = sheet_name(Msg::TabPlan.t(lang), &names);
        add(&mut sheets, &mut names, plan_sheet(name, s, lang));
    }
    for plan in &s.plans {
        let Some(t) = table_for(s, plan) else {
            continue;
        };
        let sname = sheet_name(
            &format!("{}-{}", Msg::FileScores.t(lang), plan.name),
            &names,
        );
        let (sheet, at, total_col, grade_col) =
            scores_sheet(sname.clone(), t, plan, lang, &mut notes);
        add(&mut sheets, &mut names, sheet);
        for model in &s.payouts {
            let pname = sheet_name(
                &format!("{}-{}-{}", Msg::FilePayouts.t(lang), plan.name, model.name),
                &names,
            );
            let sheet = payouts_sheet(
                pname.clone(),
                t,
                plan,
                model,
                &sname,
                &at,
                total_col,
                grade_col,
                lang,
                &mut notes,
            );
            let pay_col = sheet
                .rows
                .first()
                .map(|r| r.len().saturating_sub(1))
                .unwrap_or(0);
            add(&mut sheets, &mut names, sheet);
            if !model.lines.is_empty() {
                let wname = sheet_name(
                    &format!("{}-{}-{}", Msg::FilePaySheet.t(lang), plan.name, model.name),
                    &names,
                );
                let p = compute(t, plan, &score(t, plan), model);
                let (ws, _) = paysheet::paysheet_sheet(
                    wname,
                    t,
                    &p,
                    &model.lines,
                    Some((pname.as_str(), pay_col)),
                    [plan.month.as_str(), plan.name.as_str(), model.name.as_str()],
                    false,
                    lang,
                    &mut notes,
                );
                add(&mut sheets, &mut names, ws);
            }
        }
    }
    let notes_name = sheet_name(Msg::XlsxNotes.t(lang), &names);
    let mut note_rows = vec![vec![Out::Text(Msg::XlsxNotesHead.t(lang).to_string())]];
    note_rows.extend(notes.iter().map(|t| vec![Out::Text(t.clone())]));
    add(
        &mut sheets,
        &mut names,
        SheetOut {
            name: notes_name,
            rows: note_rows,
            widths: vec![110.0],
        },
    );

    package(&sheets, lang)
}

/// A cell of a plain sheet (exports other than the workbook, e.g. trends).
#[derive(Clone, Debug, PartialEq)]
pub enum PlainCell {
    /// A number shown in its unit's format (percent, ¥, seconds…).
    Number(f64, Unit),
    Text(String),
    Empty,
}

/// Plain sheets (name, rows; the first row is the header) as xlsx bytes:
/// values only, number formats by unit (seconds in `lang`), header frozen.
pub fn plain_xlsx(sheets: &[(String, Vec<Vec<PlainCell>>)], lang: Lang) -> Vec<u8> {
    let mut names: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (raw, rows) in sheets {
        let name = sheet_name(raw, &names);
        names.push(name.clone());
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let rows: Vec<Vec<Out>> = rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|c| match c {
                        PlainCell::Number(v, u) if v.is_finite() => Out::Num(*v, style_of(*u)),
                        PlainCell::Number(..) | PlainCell::Empty => Out::Empty,
                        PlainCell::Text(t) => Out::Text(t.clone()),
                    })
                    .collect()
            })
            .collect();
        out.push(SheetOut {
            name,
            rows,
            widths: vec![14.0; width.max(1)],
        });
    }
    package(&out, lang)
}
