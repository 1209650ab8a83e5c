//! The formula engine against LibreOffice: generated tables (numbers with
//! ties, negatives, zeros and 15-digit values, blanks, numeric and other
//! text, a column with `#DIV/0!` errors) and formula columns — a hand-written
//! list that reaches every function, error, precedence rule and coercion,
//! plus seeded random expressions — computed by the app's engine and, as
//! equivalent Excel formulas (`[@x]` → that row's cell, `[x]` → the column's
//! range), by LibreOffice.
//!
//! Differences that are deliberate (the app follows Excel where LibreOffice
//! does not, see docs/FORMULAS.md) are counted by reason; any other fails.

use crate::lo::{Book, Diff, Sheets, Want};
use crate::rng::Rng;
use kpi_sandbox::io::xlsx_write::col_name;
use kpi_sandbox::model::formula::calc::eval_formula;
use kpi_sandbox::model::formula::{compile, recalc_all, Value};
use kpi_sandbox::model::{Cell, Column, Direction, Table, Unit};
use std::collections::BTreeMap;

/// Input columns: name, and how a value is drawn.
const COLS: &[&str] = &["名", "a", "b", "c", "t", "p"];
/// The derived formula column (errors where c is 0 or blank).
const DERIVED: (&str, &str) = ("d", "=[@a]/[@c]");
const ROWS: usize = 14;
const TABLES: u64 = 3;
const RANDOM_PER_TABLE: usize = 160;

/// Excel 2010+ functions are stored with the `_xlfn.` prefix in a file.
const XLFN: &[&str] = &[
    "IFS",
    "STDEV.P",
    "STDEV.S",
    "PERCENTILE.INC",
    "RANK.EQ",
    "PERCENTRANK.INC",
    "XLOOKUP",
];

/// Hand-written cases, each with the deliberate difference it shows, if any.
const FIXED: &[(&str, Option<&str>)] = &[
    // Precedence, as Excel: negation before ^, ^ left-associative, % postfix.
    ("=-2^2", None),
    ("=2^3^2", None),
    ("=-[@a]^2", None),
    ("=50%*2", None),
    ("=5%%", None),
    ("=1+2*3-4/2", None),
    ("=2*3^2", None),
    ("=(1+2)*3", None),
    ("=1-2-3", None),
    ("=12/3/2", None),
    ("=1+2&3", None),
    ("=1&2=12", None),
    ("=\"a\"&1+2", None),
    ("=-[@a]%", None),
    ("=[@a]-[@b]*[@c]", None),
    // Blanks, text numbers, coercion.
    ("=[@b]+1", None),
    ("=[@t]*1", None),
    ("=[@t]&\"\"", None),
    ("=[@b]&\"|\"", None),
    ("=[@a]&\"\"", None),
    ("=[@b]=0", None),
    ("=[@b]=\"\"", None),
    ("=[@t]=\"abc\"", None),
    ("=[@t]>5", None),
    ("=[@t]<\"m\"", None),
    ("=\"1\"=1", None),
    ("=\" 12 \"*1", None),
    ("=\"1,234\"*1", None),
    ("=\"50%\"*1", None),
    ("=\"1e3\"*1", None),
    ("=-\"2\"", None),
    ("=TRUE+1", None),
    ("=\"a\"=\"A\"", None),
    ("=\"TRUE\"*1", Some(LO_TEXT_LOGICAL)),
    ("=0.1+0.2=0.3", None),
    ("=0.1+0.2-0.3", None),
    ("=1/3&\"\"", None),
    ("=[@b]", None),
    ("=IF(TRUE,[@b])", None),
    ("=IF(FALSE,1)", None),
    ("=IF([@a]>0,\"pos\",\"\")", None),
    // Errors and their propagation.
    ("=1/0", None),
    ("=[@d]", None),
    ("=IFERROR([@d],-1)", None),
    ("=IFERROR(1/[@c],\"x\")", None),
    ("=SUM([d])", None),
    ("=COUNT([d])", None),
    ("=MOD([@a],0)", None),
    ("=SQRT(-1)", Some(LO_ERROR_CODE)),
    ("=0^0", Some(LO_POWER)),
    ("=POWER(-8,1/3)", Some(LO_POWER)),
    ("=POWER(0,-1)", Some(LO_POWER)),
    ("=10^400", None),
    ("=CHOOSE(5,1,2)", None),
    ("=INT(\"x\")", None),
    ("=_NOPE(1)", None),
    // Every function at least once.
    ("=IF([@a]>[@p],[@a],[@p])", None),
    ("=IFS([@a]>50,\"hi\",[@a]>0,\"mid\",TRUE,\"lo\")", None),
    ("=IFS([@a]>1000,1)", None),
    ("=AND([@a]>0,[@p]<0.5)", None),
    ("=OR([@a]<0,[@t]=\"abc\")", None),
    ("=AND([a])", None),
    ("=OR([t])", None),
    ("=NOT([@a])", None),
    ("=ABS([@a])", None),
    ("=ROUND([@a],1)", None),
    ("=ROUND([@b],-1)", None),
    ("=ROUND(2.675,2)", None),
    ("=ROUND(1.005,2)", None),
    ("=ROUND(-2.5,0)", None),
    ("=ROUNDUP([@a],0)", None),
    ("=ROUNDUP(2.3*100,0)", None),
    ("=ROUNDDOWN([@b],2)", None),
    ("=ROUNDDOWN(-2.37,1)", None),
    ("=INT([@a])", None),
    ("=INT(-2.5)", None),
    ("=MOD([@a],3)", None),
    ("=MOD(-7,3)", None),
    ("=MOD([@a],-2.5)", None),
    ("=POWER([@p],2)", None),
    ("=SQRT(ABS([@a]))", None),
    ("=MIN([a])", None),
    ("=MAX([b],[c])", None),
    ("=MIN([@a],[@b],100)", None),
    ("=MAX([@t],5)", None),
    ("=SUM([@t],1)", None),
    ("=MIN([t])", None),
    ("=SUM([a],[b])", None),
    ("=SUM(\"3\",2)", Some(LO_TEXT_ARGUMENT)),
    ("=AVERAGE([b])", None),
    ("=AVERAGE([t])", None),
    ("=AVERAGE([@a],[@b])", None),
    ("=MEDIAN([a])", None),
    ("=MEDIAN([c],[@a])", None),
    ("=MEDIAN([t])", Some(LO_ERROR_CODE)),
    ("=COUNT([b])", None),
    ("=COUNT([t])", None),
    ("=COUNT([@t],[@b],1)", None),
    ("=STDEV.P([a])", None),
    ("=STDEV.S([b])", None),
    ("=STDEVP([c])", None),
    ("=STDEV([p])", None),
    ("=PERCENTILE.INC([a],0.3)", None),
    ("=PERCENTILE.INC([b],[@p])", None),
    ("=PERCENTILE([c],1)", None),
    ("=PERCENTILE.INC([a],1.5)", Some(LO_ERROR_CODE)),
    ("=RANK.EQ([@a],[a])", None),
    ("=RANK.EQ([@a],[a],1)", None),
    ("=RANK([@b],[b])", None),
    ("=RANK.EQ(7777,[a])", Some(LO_ERROR_CODE)),
    ("=PERCENTRANK.INC([a],[@a])", None),
    ("=PERCENTRANK.INC([b],[@b],2)", None),
    ("=PERCENTRANK([c],2.5)", None),
    ("=PERCENTRANK.INC({1,2,3,4},2.5)", None),
    ("=PERCENTRANK.INC([a],99999)", Some(LO_ERROR_CODE)),
    (
        "=LOOKUP([@a],{-100,0,10,50},{\"D\",\"C\",\"B\",\"A\"})",
        None,
    ),
    ("=LOOKUP([@p],{0,0.25,0.5,0.75})", None),
    ("=LOOKUP(-1000,{0,1})", None),
    ("=CHOOSE([@c],\"一\",\"二\",\"三\",\"四\")", None),
    ("=CHOOSE(2,[@a],[@b])", None),
    ("=TEXT([@a],\"0.00\")", None),
    ("=TEXT([@p],\"0.0%\")", None),
    ("=TEXT([@b],\"#,##0.0\")", None),
    ("=TEXT([@a],\"¥#,##0.00\")", None),
    ("=TEXT([@a],\"0\")", None),
    ("=TEXT([@p],\"0%\")", None),
    ("=TEXT(7.25,\"0.0\"\"分\"\"\")", None),
    ("=TEXT(1234567.891,\"#,##0.00\")", None),
    ("=TEXT([@t],\"0.0\")", None),
];

/// LibreOffice saves its "invalid argument" error as `#VALUE!` where Excel
/// (and the app) give `#NUM!` or `#N/A`.
const LO_ERROR_CODE: &str = "error code: LibreOffice writes #VALUE! for its \
    invalid-argument error where Excel gives #NUM! or #N/A";
const LO_POWER: &str = "powers: LibreOffice computes 0^0 = 1 and odd roots of \
    negatives (POWER(-8,1/3) = -2) and gives #NUM! for 0^-1; Excel gives #NUM!, #NUM!, #DIV/0!";
const LO_TEXT_LOGICAL: &str =
    "text \"TRUE\" in arithmetic: LibreOffice reads it as 1, Excel gives #VALUE!";
const LO_PERCENTRANK: &str = "PERCENTRANK.INC: Excel truncates to the significant digits \
    (0.7777… → 0.777, as in Microsoft's examples), LibreOffice 7.4 rounds (0.778)";
const LO_REFERENCE_RESULT: &str = "IF/IFS/CHOOSE return a value in the app, a reference in \
    Excel and LibreOffice: an aggregate around them skips the referenced cell's text \
    (MIN(CHOOSE(2,[@a],[@t])) with t = \"5\" is 5 in the app, 0 in Excel)";
const LO_LAST_DIGIT: &str = "15th digit of a number in text: LibreOffice's power or root \
    differs from the app's by one binary unit, which can change the last shown digit";
const LO_HALF_DECIMAL: &str = "TEXT of a value halfway in decimal: the app (like Excel) \
    rounds the value as shown, half away from zero (0.8915 as 0.0% → 89.2%), LibreOffice \
    rounds the binary product 89.14999… (89.1%)";
const LO_WHICH_ERROR: &str = "two errors in one formula: the app (like Excel) returns the \
    first met left to right (\"abc\"+1/0 is #VALUE!), LibreOffice the other one";
const LO_TEXT_ARGUMENT: &str = "numeric text typed as an argument of SUM/AVERAGE/MIN/MAX: \
    Excel counts it, LibreOffice gives #VALUE!";

/// The table of corpus `k`: names, numbers, blanks, text.
fn table(rng: &mut Rng) -> Table {
    let shared: Vec<f64> = (0..3)
        .map(|_| (rng.range(-50.0, 150.0) * 100.0).round() / 100.0)
        .collect();
    // No "TRUE": LibreOffice reads that text as 1 in arithmetic (a
    // deliberate difference shown once in FIXED, not in every random formula).
    let texts = ["12", " 5 ", "50%", "1,234", "abc", "x y", "-3", "Zed"];
    let mut rows = Vec::new();
    for i in 0..ROWS {
        let a = match rng.below(10) {
            0 => Cell::Empty,
            1..=3 => Cell::Number(*rng.pick(&shared)),
            4 => Cell::Number(0.0),
            _ => Cell::Number((rng.range(-50.0, 150.0) * 100.0).round() / 100.0),
        };
        let b = match rng.below(8) {
            0 | 1 => Cell::Empty,
            2 => Cell::Number(87.123_456_789_012_34),
            3 => Cell::Number(rng.range(0.0, 1.0) / 3.0),
            _ => Cell::Number((rng.range(0.0, 1000.0) * 10.0).round() / 10.0),
        };
        let c = match rng.below(8) {
            0 => Cell::Empty,
            _ => Cell::Number(rng.below(6) as f64),
        };
        let t = match rng.below(4) {
            0 => Cell::Number(rng.below(20) as f64),
            _ => Cell::Text((*rng.pick(&texts)).to_string()),
        };
        let p = match rng.below(9) {
            0 => Cell::Empty,
            _ => Cell::Number((rng.range(0.0, 1.0) * 10_000.0).round() / 10_000.0),
        };
        rows.push(vec![Cell::Text(format!("客服{i}")), a, b, c, t, p]);
    }
    let mut columns: Vec<Column> = COLS
        .iter()
        .map(|n| Column::input(n, None, Unit::Number, Direction::Neutral))
        .collect();
    let mut d = Column::input(DERIVED.0, None, Unit::Number, Direction::Neutral);
    d.formula = Some(DERIVED.1.into());
    columns.push(d);
    let mut t = Table::from_rows(columns, rows);
    let calc = compile(&t);
    recalc_all(&mut t, &calc);
    t
}

/// Column letter of each name in the sheet (inputs, then `d`).
fn letter(name: &str) -> Option<String> {
    COLS.iter()
        .chain(std::iter::once(&DERIVED.0))
        .position(|c| *c == name)
        .map(col_name)
}

/// The app formula as an Excel formula for sheet row `row` (1-based):
/// `[@x]` → `X{row}`, `[x]` → `$X$2:$X$n`, Excel 2010 names prefixed.
pub fn to_excel(src: &str, row: usize) -> String {
    let chars: Vec<char> = src.trim_start_matches('=').chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        if ch == '"' {
            out.push(ch);
            i += 1;
            while i < chars.len() {
                out.push(chars[i]);
                if chars[i] == '"' {
                    if chars.get(i + 1) == Some(&'"') {
                        out.push('"');
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                i += 1;
            }
            continue;
        }
        if ch == '[' {
            let end = (i..chars.len()).find(|j| chars[*j] == ']').unwrap();
            let inner: String = chars[i + 1..end].iter().collect();
            let (this_row, name) = match inner.strip_prefix('@') {
                Some(n) => (true, n.to_string()),
                None => (false, inner),
            };
            let l = letter(&name).unwrap_or_else(|| panic!("unknown column {name}"));
            if this_row {
                out.push_str(&format!("{l}{row}"));
            } else {
                out.push_str(&format!("${l}$2:${l}${}", ROWS + 1));
            }
            i = end + 1;
            continue;
        }
        if ch.is_ascii_alphabetic() || ch == '_' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_alphanumeric() || chars[i] == '.' || chars[i] == '_')
            {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if chars.get(i) == Some(&'(') && XLFN.contains(&word.to_ascii_uppercase().as_str()) {
                out.push_str("_xlfn.");
            }
            out.push_str(&word);
            continue;
        }
        out.push(ch);
        i += 1;
    }
    out
}

// ---- random expressions ----

fn lit(rng: &mut Rng) -> String {
    match rng.below(6) {
        0 => "0".into(),
        1 => format!("{}", rng.below(10)),
        2 => format!("{}", (rng.range(0.0, 100.0) * 100.0).round() / 100.0),
        3 => format!("{}", (rng.range(0.0, 1.0) * 1000.0).round() / 1000.0),
        4 => "100".into(),
        _ => format!("{}", 1 + rng.below(5)),
    }
}

fn num_col(rng: &mut Rng) -> &'static str {
    const C: [&str; 7] = ["a", "b", "c", "p", "a", "d", "t"];
    C[rng.below(7) as usize]
}

fn range_col(rng: &mut Rng) -> &'static str {
    const C: [&str; 6] = ["a", "b", "c", "p", "t", "d"];
    C[rng.below(6) as usize]
}

fn num(rng: &mut Rng, depth: u32) -> String {
    if depth == 0 {
        return match rng.below(3) {
            0 => lit(rng),
            _ => format!("[@{}]", num_col(rng)),
        };
    }
    let d = depth - 1;
    match rng.below(30) {
        0..=3 => num(rng, 0),
        4..=8 => {
            let op = *rng.pick(&["+", "-", "*", "/", "+", "*"]);
            format!("{}{op}{}", num(rng, d), num(rng, d))
        }
        9 => format!("({}+{})*{}", num(rng, d), num(rng, d), num(rng, 0)),
        10 => format!("{}^{}", num(rng, 0), rng.pick(&["2", "0.5", "3", "-1"])),
        11 => format!("-{}", num(rng, d)),
        12 => format!("{}%", num(rng, 0)),
        13 => format!(
            "{}({},{})",
            rng.pick(&["ROUND", "ROUNDUP", "ROUNDDOWN"]),
            num(rng, d),
            rng.pick(&["0", "1", "2", "-1"])
        ),
        14 => format!("{}({})", rng.pick(&["ABS", "INT", "SQRT"]), num(rng, d)),
        15 => format!(
            "MOD({},{})",
            num(rng, d),
            rng.pick(&["3", "[@c]", "-2", "0.5"])
        ),
        16 => format!("POWER({},{})", num(rng, 0), rng.pick(&["2", "0.5", "[@c]"])),
        17..=19 => {
            let f = *rng.pick(&[
                "MIN", "MAX", "SUM", "AVERAGE", "MEDIAN", "COUNT", "STDEV.P", "STDEV.S",
            ]);
            let n = 1 + rng.below(3);
            let args: Vec<String> = (0..n)
                .map(|_| {
                    if rng.below(2) == 0 {
                        format!("[{}]", range_col(rng))
                    } else {
                        num(rng, d.min(1))
                    }
                })
                .collect();
            format!("{f}({})", args.join(","))
        }
        20 => format!(
            "PERCENTILE.INC([{}],{})",
            range_col(rng),
            rng.pick(&["0", "0.25", "0.5", "0.9", "1", "[@p]"])
        ),
        21 => {
            let c = *rng.pick(&["a", "b", "c", "p"]);
            let order = *rng.pick(&["", ",0", ",1"]);
            format!("RANK.EQ([@{c}],[{c}]{order})")
        }
        22 => format!("{}*{}", lit(rng), num(rng, d)),
        23 => format!("IF({},{},{})", cond(rng, d), num(rng, d), num(rng, d)),
        24 => format!(
            "IFS({},{},{},{})",
            cond(rng, d),
            num(rng, d),
            cond(rng, d),
            num(rng, d)
        ),
        25 => format!("IFERROR({},{})", num(rng, d), lit(rng)),
        26 => format!(
            "CHOOSE({},{},{},{})",
            rng.pick(&["[@c]", "1", "2", "3"]),
            num(rng, d),
            num(rng, d),
            num(rng, d)
        ),
        27 => format!("LOOKUP({},{{-50,0,25,50,100}},{{1,2,3,4,5}})", num(rng, d)),
        _ => format!("[@{}]*{}", num_col(rng), lit(rng)),
    }
}

fn cond(rng: &mut Rng, depth: u32) -> String {
    match rng.below(6) {
        0 => format!("AND({},{})", cond(rng, 0), cond(rng, 0)),
        1 => format!("OR({},{})", cond(rng, 0), cond(rng, 0)),
        2 => format!("NOT({})", cond(rng, 0)),
        _ => {
            let op = *rng.pick(&["=", "<>", "<", "<=", ">", ">="]);
            format!("{}{op}{}", num(rng, depth.min(1)), num(rng, depth.min(1)))
        }
    }
}

fn text(rng: &mut Rng, depth: u32) -> String {
    match rng.below(4) {
        0 => format!(
            "TEXT({},\"{}\")",
            num(rng, depth),
            rng.pick(&["0", "0.00", "#,##0.0", "0%", "0.0%", "¥#,##0.00"])
        ),
        1 => format!("{}&\"·\"&{}", num(rng, depth), num(rng, 0)),
        2 => format!("IF({},\"是\",\"否\")", cond(rng, depth)),
        _ => format!("[@t]&{}", num(rng, 0)),
    }
}

fn random_formula(rng: &mut Rng) -> String {
    let depth = 1 + rng.below(3) as u32;
    match rng.below(11) {
        // PERCENTRANK only at the top, where its truncation can be told apart.
        10 => {
            let c = *rng.pick(&["a", "b", "c", "p"]);
            let x = if rng.below(3) == 0 {
                lit(rng)
            } else {
                format!("[@{c}]")
            };
            let sig = *rng.pick(&["", ",2", ",3", ",4"]);
            format!("=PERCENTRANK.INC([{c}],{x}{sig})")
        }
        0 | 1 => format!("={}", cond(rng, depth)),
        2 => format!("={}", text(rng, depth)),
        _ => format!("={}", num(rng, depth)),
    }
}

fn want_of(v: Value) -> Want {
    match v {
        Value::Number(n) => Want::Num(n),
        Value::Text(t) => Want::Text(t),
        Value::Bool(b) => Want::Bool(b),
        // A blank result shows 0, in the app as in a spreadsheet.
        Value::Blank => Want::Num(0.0),
        Value::Error(e) => Want::Err(e.code().to_string()),
    }
}

fn sheet_xml(t: &Table, formulas: &[String]) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
    let n_in = COLS.len() + 1;
    let header = COLS
        .iter()
        .chain(std::iter::once(&DERIVED.0))
        .map(|s| s.to_string())
        .chain(formulas.iter().cloned());
    x.push_str("<row r=\"1\">");
    for (c, h) in header.enumerate() {
        x.push_str(&format!(
            "<c r=\"{}1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
            col_name(c),
            esc(&h)
        ));
    }
    x.push_str("</row>");
    for r in 0..t.len() {
        let sr = r + 2;
        x.push_str(&format!("<row r=\"{sr}\">"));
        for c in 0..COLS.len() {
            let at = format!("{}{sr}", col_name(c));
            match t.at(r, c) {
                Cell::Number(v) => x.push_str(&format!("<c r=\"{at}\"><v>{v}</v></c>")),
                Cell::Text(s) => x.push_str(&format!(
                    "<c r=\"{at}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                    esc(s)
                )),
                _ => {}
            }
        }
        let all = std::iter::once(DERIVED.1.to_string()).chain(formulas.iter().cloned());
        for (k, f) in all.enumerate() {
            let at = format!("{}{sr}", col_name(COLS.len() + k));
            x.push_str(&format!(
                "<c r=\"{at}\"><f>{}</f></c>",
                esc(&to_excel(&f, sr))
            ));
        }
        x.push_str("</row>");
        let _ = n_in;
    }
    x.push_str("</sheetData></worksheet>");
    x
}

fn xlsx(sheets: &[(String, String)]) -> Vec<u8> {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    let mut types = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
    let mut wb = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
    let mut rels = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    for (i, (name, _)) in sheets.iter().enumerate() {
        let k = i + 1;
        types.push_str(&format!("<Override PartName=\"/xl/worksheets/sheet{k}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"));
        wb.push_str(&format!(
            "<sheet name=\"{name}\" sheetId=\"{k}\" r:id=\"rId{k}\"/>"
        ));
        rels.push_str(&format!("<Relationship Id=\"rId{k}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{k}.xml\"/>"));
    }
    types.push_str("</Types>");
    wb.push_str("</sheets><calcPr fullCalcOnLoad=\"1\"/></workbook>");
    rels.push_str("</Relationships>");
    let root = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    let mut put = |name: &str, data: &str| {
        z.start_file(name, o).unwrap();
        z.write_all(data.as_bytes()).unwrap();
    };
    put("[Content_Types].xml", &types);
    put("_rels/.rels", root);
    put("xl/workbook.xml", &wb);
    put("xl/_rels/workbook.xml.rels", &rels);
    for (i, (_, xml)) in sheets.iter().enumerate() {
        put(&format!("xl/worksheets/sheet{}.xml", i + 1), xml);
    }
    z.finish().unwrap().into_inner()
}

/// Reasons for hand-written cases, by formula text (for [`deliberate`]).
fn known(formula: &str) -> Option<&'static str> {
    FIXED
        .iter()
        .find(|(f, _)| *f == formula)
        .and_then(|(_, why)| *why)
}

/// The corpus workbook: one sheet per generated table.
pub fn books() -> Vec<Book> {
    let mut sheets = Vec::new();
    let mut want: Sheets = BTreeMap::new();
    for k in 0..TABLES {
        let mut rng = Rng::new(0xF0_0000 + k);
        let t = table(&mut rng);
        let mut formulas: Vec<String> = FIXED.iter().map(|(f, _)| f.to_string()).collect();
        for _ in 0..RANDOM_PER_TABLE {
            formulas.push(random_formula(&mut rng));
        }
        let name = format!("T{k}");
        let cells = want.entry(name.clone()).or_default();
        for r in 0..t.len() {
            let row = (r + 1) as u32;
            let d = t.at(r, COLS.len()).clone();
            cells.insert(
                (row, COLS.len() as u32),
                (
                    match d {
                        Cell::Number(v) => Want::Num(v),
                        Cell::Error(e) => Want::Err(e.code().into()),
                        other => panic!("derived {other:?}"),
                    },
                    DERIVED.1.into(),
                ),
            );
            for (i, f) in formulas.iter().enumerate() {
                let v = eval_formula(&t, f, r).unwrap_or_else(|e| panic!("{f}: {e:?}"));
                cells.insert((row, (COLS.len() + 1 + i) as u32), (want_of(v), f.clone()));
            }
        }
        sheets.push((name, sheet_xml(&t, &formulas)));
    }
    vec![Book {
        name: "formula-corpus".into(),
        bytes: xlsx(&sheets),
        want,
    }]
}

/// Distinct formulas in a corpus book.
pub fn formula_count(b: &Book) -> usize {
    b.want
        .values()
        .map(|cells| {
            let mut f: Vec<&String> = cells.values().map(|(_, l)| l).collect();
            f.sort();
            f.dedup();
            f.len()
        })
        .sum()
}

/// The documented reason for a difference, if it is a deliberate one.
pub fn deliberate(d: &Diff) -> Option<&'static str> {
    let formula = d.label.split("  [=").next().unwrap_or("");
    if let Some(why) = known(formula) {
        return Some(why);
    }
    if let Some(why) = percentrank_rounding(formula, d) {
        return Some(why);
    }
    if let (Want::Text(a), Some(b)) = (&d.want, d.got.strip_prefix('"')) {
        let b = b.strip_suffix('"').unwrap_or(b);
        if same_but_last_digit(a, b, 1e-13) {
            return Some(LO_LAST_DIGIT);
        }
        if formula.contains("TEXT(") && one_unit_apart(a, b) {
            return Some(LO_HALF_DECIMAL);
        }
    }
    let aggregate = [
        "MIN(", "MAX(", "SUM(", "AVERAGE(", "MEDIAN(", "COUNT(", "STDEV",
    ];
    if aggregate.iter().any(|a| formula.contains(a))
        && ["CHOOSE(", "IF(", "IFS("]
            .iter()
            .any(|a| formula.contains(a))
        && formula.contains("[@t]")
    {
        return Some(LO_REFERENCE_RESULT);
    }
    let lo_value_error = d.got.contains("Value");
    let uses = |names: &[&str]| names.iter().any(|n| formula.contains(n));
    match &d.want {
        Want::Err(e)
            if (e == "#NUM!" || e == "#N/A")
                && lo_value_error
                && uses(&[
                    "SQRT",
                    "PERCENTILE",
                    "PERCENTRANK",
                    "RANK",
                    "MEDIAN",
                    "POWER",
                    "^",
                ]) =>
        {
            Some(LO_ERROR_CODE)
        }
        Want::Err(e)
            if (e == "#NUM!" && !d.got.starts_with("Error")
                || e == "#DIV/0!" && d.got.contains("Num"))
                && uses(&["POWER", "^"]) =>
        {
            Some(LO_POWER)
        }
        // Two errors meet: Excel and the app keep the first (left to right).
        Want::Err(e)
            if e == "#VALUE!" && d.got.starts_with("Error") && formula.contains("[@t]") =>
        {
            Some(LO_WHICH_ERROR)
        }
        _ => None,
    }
}

/// A top-level PERCENTRANK.INC where LibreOffice's value is the app's
/// (truncated) one plus at most one unit of the last kept digit.
fn percentrank_rounding(formula: &str, d: &Diff) -> Option<&'static str> {
    if !formula.starts_with("=PERCENTRANK") || !formula.ends_with(')') {
        return None;
    }
    let open = formula.find('(')?;
    let inner = &formula[open + 1..formula.len() - 1];
    let (mut depth, mut commas) = (0i32, Vec::new());
    for (i, ch) in inner.char_indices() {
        match ch {
            '(' | '{' => depth += 1,
            ')' | '}' => depth -= 1,
            ',' if depth == 0 => commas.push(i),
            _ => {}
        }
    }
    let sig: i32 = match commas.get(1) {
        Some(i) => inner[i + 1..].trim().parse().ok()?,
        None => 3,
    };
    let (Want::Num(app), Some(lo)) = (&d.want, d.got.strip_prefix("Float(")) else {
        return None;
    };
    let lo: f64 = lo.trim_end_matches(')').parse().ok()?;
    let unit = 10f64.powi(-sig);
    (lo >= *app - 1e-12 && lo <= app + unit + 1e-12).then_some(LO_PERCENTRANK)
}

/// Equal texts except for numbers within 1e-13 relative (the last digit).
fn same_but_last_digit(a: &str, b: &str, rel: f64) -> bool {
    let (pa, pb) = (tokens(a), tokens(b));
    a != b
        && pa.len() == pb.len()
        && pa.iter().zip(&pb).all(|(x, y)| {
            x == y
                || matches!((x.parse::<f64>(), y.parse::<f64>()),
                    (Ok(u), Ok(v)) if (u - v).abs() <= rel * u.abs().max(v.abs()))
        })
}

/// Equal texts except for one number a unit of its last decimal apart.
fn one_unit_apart(a: &str, b: &str) -> bool {
    let (pa, pb) = (tokens(a), tokens(b));
    let differ: Vec<(&String, &String)> = pa.iter().zip(&pb).filter(|(x, y)| x != y).collect();
    pa.len() == pb.len()
        && differ.len() == 1
        && differ.iter().all(|(x, y)| {
            let decimals = x.split_once('.').map(|(_, f)| f.len()).unwrap_or(0) as i32;
            matches!((x.parse::<f64>(), y.parse::<f64>()),
                (Ok(u), Ok(v)) if ((u - v).abs() - 10f64.powi(-decimals)).abs() < 1e-9)
        })
}

/// Text split into runs of digits (with `.`) and of everything else.
fn tokens(s: &str) -> Vec<String> {
    let split = |s: &str| -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = String::new();
        let mut in_num = false;
        for ch in s.chars() {
            let is_num = ch.is_ascii_digit() || ch == '.';
            if is_num != in_num && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            in_num = is_num;
            cur.push(ch);
        }
        out.push(cur);
        out
    };
    split(s)
}
