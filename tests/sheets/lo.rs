//! LibreOffice as the oracle: strip cached values from workbooks, recompute
//! them all in one headless `soffice --convert-to xlsx` run, read the
//! results back with calamine, and compare cell by cell.

use calamine::{Data, Reader, Xlsx};
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

/// What a formula cell must hold, from the app's own computation.
#[derive(Clone, Debug, PartialEq)]
pub enum Want {
    Num(f64),
    Text(String),
    Bool(bool),
    /// An error code such as `#DIV/0!`.
    Err(String),
}

/// Per sheet, (row, column) → the expected value and a label for reports.
pub type Sheets = BTreeMap<String, BTreeMap<(u32, u32), (Want, String)>>;

/// One workbook to check: its bytes (cached values are stripped here) and,
/// per sheet, (row, column) → the expected value and a label for reports.
pub struct Book {
    pub name: String,
    pub bytes: Vec<u8>,
    pub want: Sheets,
}

/// A cell LibreOffice computed differently.
#[derive(Clone, Debug)]
pub struct Diff {
    pub book: String,
    pub sheet: String,
    pub cell: String,
    pub label: String,
    pub want: Want,
    pub got: String,
}

/// The LibreOffice binary, or a clear failure.
pub fn soffice() -> Result<String, String> {
    for bin in ["soffice", "libreoffice"] {
        if Command::new(bin)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return Ok(bin.to_string());
        }
    }
    Err(
        "LibreOffice (soffice) is not installed: the spreadsheet oracle cannot run. \
         Run `bash scripts/setup.sh all` (it installs Debian's libreoffice-calc-nogui) \
         or `apt-get install -y libreoffice-calc-nogui`."
            .into(),
    )
}

/// The workbook with every formula's cached `<v>` removed, so LibreOffice
/// has to compute it (it may keep cached values otherwise).
pub fn strip_cached(bytes: &[u8]) -> Vec<u8> {
    let mut zin = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).expect("zip entry");
        let name = f.name().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).expect("zip read");
        if name.starts_with("xl/worksheets/") {
            let xml = String::from_utf8(data).expect("utf-8 sheet");
            data = strip_values(&xml).into_bytes();
        }
        out.start_file(name, opts).expect("zip write");
        out.write_all(&data).expect("zip write");
    }
    out.finish().expect("zip finish").into_inner()
}

/// `…</f><v>…</v>` → `…</f>`.
fn strip_values(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(i) = rest.find("</f><v>") {
        out.push_str(&rest[..i + 4]);
        let after = &rest[i + 4..];
        match after.find("</v>") {
            Some(j) => rest = &after[j + 4..],
            None => {
                rest = after;
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Recomputes every file of `inputs` into `out_dir` in one soffice run.
pub fn recompute(bin: &str, inputs: &[PathBuf], out_dir: &Path, profile: &Path) {
    std::fs::create_dir_all(out_dir).expect("out dir");
    let status = Command::new(bin)
        .arg("--headless")
        .arg("--norestore")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .arg("--convert-to")
        .arg("xlsx")
        .arg("--outdir")
        .arg(out_dir)
        .args(inputs)
        .output()
        .expect("run soffice");
    assert!(
        status.status.success(),
        "soffice failed: {}\n{}",
        String::from_utf8_lossy(&status.stdout),
        String::from_utf8_lossy(&status.stderr)
    );
}

/// Whether `a` (the app) and `b` (LibreOffice) are the same number: 1e-9
/// relative; below 1e-12 in absolute terms both count as zero (LibreOffice
/// snaps a cancellation such as 0.1 + 0.2 − 0.3 to 0; the app keeps 5.6e-17).
pub fn close(a: f64, b: f64) -> bool {
    let d = (a - b).abs();
    d <= 1e-9 * a.abs().max(b.abs()) || d <= 1e-12
}

fn show(d: &Data) -> String {
    match d {
        Data::String(s) => format!("{s:?}"),
        other => format!("{other:?}"),
    }
}

fn matches(want: &Want, got: &Data) -> bool {
    match (want, got) {
        (Want::Num(a), Data::Float(b)) => close(*a, *b),
        (Want::Num(a), Data::Int(b)) => close(*a, *b as f64),
        (Want::Num(a), Data::DateTime(b)) => close(*a, b.as_f64()),
        (Want::Text(a), Data::String(b)) => a == b,
        // An empty text result is saved as an empty string cell or no value.
        (Want::Text(a), Data::Empty) => a.is_empty(),
        (Want::Bool(a), Data::Bool(b)) => a == b,
        (Want::Err(a), Data::Error(e)) => *a == e.to_string(),
        _ => false,
    }
}

/// Result of checking one recomputed workbook.
pub struct Checked {
    pub formula_cells: usize,
    pub compared: usize,
    pub diffs: Vec<Diff>,
    /// Formula cells with no expectation (a failure: every one is checked).
    pub uncovered: Vec<String>,
}

/// Compares the recomputed `out` with `book`'s expectations. Every formula
/// cell of the input must have one.
pub fn check(book: &Book, stripped: &[u8], out: &[u8]) -> Checked {
    let mut xin: Xlsx<_> = Xlsx::new(Cursor::new(stripped.to_vec())).expect("read input");
    let mut xout: Xlsx<_> = Xlsx::new(Cursor::new(out.to_vec())).expect("read recomputed");
    let mut res = Checked {
        formula_cells: 0,
        compared: 0,
        diffs: Vec::new(),
        uncovered: Vec::new(),
    };
    let empty = BTreeMap::new();
    for sheet in xin.sheet_names().to_vec() {
        let formulas = xin.worksheet_formula(&sheet).expect("formulas");
        let values = xout.worksheet_range(&sheet).expect("recomputed sheet");
        let want = book.want.get(&sheet).unwrap_or(&empty);
        for (r, c, f) in formulas.used_cells() {
            if f.is_empty() {
                continue;
            }
            let (r, c) = (
                r as u32 + formulas.start().map(|s| s.0).unwrap_or(0),
                c as u32 + formulas.start().map(|s| s.1).unwrap_or(0),
            );
            res.formula_cells += 1;
            let cell = format!(
                "{}{}",
                kpi_sandbox::io::xlsx_write::col_name(c as usize),
                r + 1
            );
            let Some((w, label)) = want.get(&(r, c)) else {
                res.uncovered.push(format!("{}!{cell}: ={f}", sheet));
                continue;
            };
            res.compared += 1;
            let got = values.get_value((r, c)).cloned().unwrap_or(Data::Empty);
            if !matches(w, &got) {
                res.diffs.push(Diff {
                    book: book.name.clone(),
                    sheet: sheet.clone(),
                    cell,
                    label: format!("{label}  [={f}]"),
                    want: w.clone(),
                    got: show(&got),
                });
            }
        }
    }
    res
}
