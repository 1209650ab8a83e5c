//! Reading `.xlsx` workbooks (Excel, WPS, exports of 生意参谋): every sheet's
//! cell values as text rows for the importer.
//!
//! An xlsx file is a zip of XML parts. This reads just what an import needs
//! — the sheet list (`xl/workbook.xml` + its relationships), shared strings,
//! and each sheet's `<c>` values (numbers, shared/inline strings, booleans,
//! errors, cached formula results) — with the zip directory parsed here and
//! deflate from `miniz_oxide` (already used by share links). A full reader
//! (calamine) would add ≈ 450 KB gzip to the page; this adds a few KB.
//! Number formats are read (`xl/styles.xml`: custom `numFmts` and the
//! built-in ids) so a stored number is written for the importer as the
//! sheet shows it: a percent cell 0.4621 as `46.21%`, a time or duration
//! cell (`[h]:mm:ss`, `mm:ss`, `h:mm:ss`; a fraction of a day) as
//! `h:mm:ss` seconds, a date as `YYYY-MM-DD` (1900 and 1904 date systems).
//! Zip64, encrypted and binary (`.xlsb`) workbooks are refused with a message.

use super::decode::{decode, Encoding, Refusal};
use super::delimited::{Delimiter, Grid};
use crate::i18n::Msg;

/// One sheet: its name and its non-blank rows as (Excel row number, cells).
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<(usize, Vec<String>)>,
}

impl Sheet {
    /// The rows for the importer.
    pub fn grid(&self) -> Grid {
        Grid {
            delimiter: Delimiter::Sheet,
            rows: self.rows.clone(),
            diagnostics: Vec::new(),
        }
    }
}

/// What a file turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Opened {
    Text(String, Encoding),
    Sheets(Vec<Sheet>),
}

/// Most bytes one part may inflate to.
const MAX_PART: usize = 200 * 1024 * 1024;
/// Most cells read from one sheet (beyond it the sheet is cut, with the importer's limits applying).
const MAX_COLS: usize = 16_384;

fn refuse(msg: Msg, args: Vec<String>) -> Refusal {
    Refusal { msg, args }
}

fn corrupt(why: &str) -> Refusal {
    refuse(Msg::ImpErrXlsxCorrupt, vec![why.to_string()])
}

/// Opens a file: an `.xlsx` (by name or zip signature) as sheets, anything
/// else through [`decode`] as text.
pub fn open(
    bytes: &[u8],
    file_name: &str,
    gb18030: &dyn Fn(&[u8]) -> Option<String>,
) -> Result<Opened, Refusal> {
    let lower = file_name.to_lowercase();
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    let cfb = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    if lower.ends_with(".xlsx") || lower.ends_with(".xlsm") || (is_zip && !lower.ends_with(".csv"))
    {
        if bytes.len() > super::decode::MAX_BYTES {
            return decode(bytes, file_name, gb18030).map(|(t, e)| Opened::Text(t, e));
        }
        if cfb && !lower.ends_with(".xls") {
            // An encrypted xlsx is an OLE container, not a zip.
            return Err(refuse(Msg::ImpErrXlsxPassword, Vec::new()));
        }
        if lower.ends_with(".xlsb") {
            return Err(refuse(Msg::ImpErrXlsb, Vec::new()));
        }
        return read_xlsx(bytes).map(Opened::Sheets);
    }
    decode(bytes, file_name, gb18030).map(|(t, e)| Opened::Text(t, e))
}

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    let s = b.get(at..at + 2)?;
    Some(usize::from(u16::from_le_bytes([*s.first()?, *s.get(1)?])))
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    let s = b.get(at..at + 4)?;
    let arr: [u8; 4] = s.try_into().ok()?;
    usize::try_from(u32::from_le_bytes(arr)).ok()
}

/// The zip's entries: (name, method, compressed size, local header offset).
fn directory(b: &[u8]) -> Result<Vec<(String, usize, usize, usize)>, Refusal> {
    let min = b.len().saturating_sub(22 + 65_535);
    let eocd = (min..b.len().saturating_sub(21))
        .rev()
        .find(|&i| b.get(i..i + 4) == Some(&[0x50, 0x4b, 0x05, 0x06][..]))
        .ok_or_else(|| corrupt("zip end record"))?;
    let count = u16_at(b, eocd + 10).ok_or_else(|| corrupt("zip end record"))?;
    let mut at = u32_at(b, eocd + 16).ok_or_else(|| corrupt("zip end record"))?;
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        if b.get(at..at + 4) != Some(&[0x50, 0x4b, 0x01, 0x02][..]) {
            return Err(corrupt("zip directory"));
        }
        let field = |o: usize| u16_at(b, at + o).ok_or_else(|| corrupt("zip directory"));
        let word = |o: usize| u32_at(b, at + o).ok_or_else(|| corrupt("zip directory"));
        let method = field(10)?;
        let size = word(20)?;
        let (name_len, extra, comment) = (field(28)?, field(30)?, field(32)?);
        let offset = word(42)?;
        if size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            return Err(corrupt("zip64"));
        }
        let name = b
            .get(at + 46..at + 46 + name_len)
            .map(|n| String::from_utf8_lossy(n).replace('\\', "/"))
            .ok_or_else(|| corrupt("zip directory"))?;
        out.push((name, method, size, offset));
        at += 46 + name_len + extra + comment;
    }
    Ok(out)
}

/// The bytes of part `name`, inflated.
fn part(
    b: &[u8],
    dir: &[(String, usize, usize, usize)],
    name: &str,
) -> Result<Option<Vec<u8>>, Refusal> {
    let Some((_, method, size, offset)) = dir.iter().find(|e| e.0.eq_ignore_ascii_case(name))
    else {
        return Ok(None);
    };
    if b.get(*offset..offset + 4) != Some(&[0x50, 0x4b, 0x03, 0x04][..]) {
        return Err(corrupt(name));
    }
    let name_len = u16_at(b, offset + 26).ok_or_else(|| corrupt(name))?;
    let extra = u16_at(b, offset + 28).ok_or_else(|| corrupt(name))?;
    let start = offset + 30 + name_len + extra;
    let data = b.get(start..start + size).ok_or_else(|| corrupt(name))?;
    match method {
        0 => Ok(Some(data.to_vec())),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_PART)
            .map(Some)
            .map_err(|_| corrupt(name)),
        _ => Err(corrupt("zip method")),
    }
}

/// A minimal XML event reader: start tags (name, attributes, self-closing),
/// end tags and text. Enough for the SpreadsheetML parts read here.
enum Ev<'a> {
    Start(&'a str, &'a str, bool),
    End(&'a str),
    Text(&'a str),
}

fn events(xml: &str) -> impl Iterator<Item = Ev<'_>> {
    let mut rest = xml;
    std::iter::from_fn(move || loop {
        if rest.is_empty() {
            return None;
        }
        if let Some(after) = rest.strip_prefix('<') {
            if let Some(body) = after.strip_prefix("!--") {
                rest = body.find("-->").map(|i| &body[i + 3..]).unwrap_or("");
                continue;
            }
            if let Some(body) = after.strip_prefix("![CDATA[") {
                let end = body.find("]]>").unwrap_or(body.len());
                let text = &body[..end];
                rest = body.get(end + 3..).unwrap_or("");
                return Some(Ev::Text(text));
            }
            let end = after.find('>').unwrap_or(after.len());
            let tag = &after[..end];
            rest = after.get(end + 1..).unwrap_or("");
            if tag.starts_with('?') || tag.starts_with('!') {
                continue;
            }
            if let Some(name) = tag.strip_prefix('/') {
                return Some(Ev::End(local(name.trim())));
            }
            let closed = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let (name, attrs) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
            return Some(Ev::Start(local(name), attrs, closed));
        }
        let end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..end];
        rest = &rest[end..];
        return Some(Ev::Text(text));
    })
}

/// A tag name without its namespace prefix.
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// The value of attribute `key` (without prefix) in `attrs`, unescaped.
fn attr(attrs: &str, key: &str) -> Option<String> {
    let mut rest = attrs;
    while let Some(eq) = rest.find('=') {
        let name = local(rest[..eq].trim());
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next()?;
        let body = after.get(1..)?;
        let end = body.find(quote)?;
        if name == key {
            return Some(unescape(&body[..end]));
        }
        rest = body.get(end + 1..)?;
    }
    None
}

/// XML entities and character references.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(end) = after.find(';').filter(|e| *e <= 10) else {
            out.push('&');
            rest = after;
            continue;
        };
        let ent = &after[..end];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent
                .strip_prefix("#x")
                .or_else(|| ent.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn text_of(bytes: Vec<u8>, name: &str) -> Result<String, Refusal> {
    String::from_utf8(bytes).map_err(|_| corrupt(name))
}

/// The shared strings (rich-text runs joined; phonetic runs skipped).
fn shared_strings(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Option<String> = None;
    let (mut in_t, mut in_phonetic) = (false, false);
    for ev in events(xml) {
        match ev {
            Ev::Start("si", _, closed) => {
                if closed {
                    out.push(String::new());
                } else {
                    cur = Some(String::new());
                }
            }
            Ev::End("si") => out.push(cur.take().unwrap_or_default()),
            Ev::Start("rPh", _, false) => in_phonetic = true,
            Ev::End("rPh") => in_phonetic = false,
            Ev::Start("t", _, closed) => in_t = !closed,
            Ev::End("t") => in_t = false,
            Ev::Text(t) if in_t && !in_phonetic => {
                if let Some(c) = cur.as_mut() {
                    c.push_str(&unescape(t));
                }
            }
            _ => {}
        }
    }
    out
}

/// Column index of a cell reference such as `AB12` (0-based).
fn column_of(r: &str) -> Option<usize> {
    let mut n = 0usize;
    let mut any = false;
    for c in r.chars().take_while(|c| c.is_ascii_alphabetic()) {
        n = n
            .checked_mul(26)?
            .checked_add(usize::from(c.to_ascii_uppercase() as u8 - b'A') + 1)?;
        any = true;
    }
    any.then(|| n - 1)
}

fn row_of(r: &str) -> Option<usize> {
    r.trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

/// What a cell's number format says its number is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumKind {
    Plain,
    Percent,
    /// A time of day or a duration: the number is a fraction of a day.
    Time,
    Date,
    DateTime,
}

/// Classifies a number format code (`0.00%`, `[h]:mm:ss`, `yyyy-mm-dd`…).
pub fn classify_format(code: &str) -> NumKind {
    // Only the first section (positive numbers) decides; quoted text,
    // escaped characters and [colour]/[$-locale] tags are not format tokens,
    // but [h], [m] and [s] (elapsed time) are.
    let mut plain = String::new();
    let mut chars = code.chars().peekable();
    let mut elapsed = false;
    while let Some(c) = chars.next() {
        match c {
            ';' => break,
            '"' => {
                for d in chars.by_ref() {
                    if d == '"' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                let mut tag = String::new();
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                    tag.push(d);
                }
                let t = tag.to_ascii_lowercase();
                if !t.is_empty() && t.chars().all(|c| matches!(c, 'h' | 'm' | 's')) {
                    elapsed = true;
                    plain.push_str(&t);
                }
            }
            c => plain.push(c.to_ascii_lowercase()),
        }
    }
    if plain.contains('%') {
        return NumKind::Percent;
    }
    let has = |c: char| plain.contains(c);
    let date = has('y') || has('d');
    let time = elapsed || has('h') || has('s');
    match (date, time) {
        (true, true) => NumKind::DateTime,
        (true, false) => NumKind::Date,
        (false, true) => NumKind::Time,
        (false, false) => NumKind::Plain,
    }
}

/// The kind of a built-in number format id (ECMA-376 §18.8.30).
fn builtin_kind(id: usize) -> NumKind {
    match id {
        9 | 10 => NumKind::Percent,
        14..=17 | 27..=31 | 34..=36 | 50..=58 => NumKind::Date,
        22 => NumKind::DateTime,
        18..=21 | 32 | 33 | 45..=47 => NumKind::Time,
        _ => NumKind::Plain,
    }
}

/// The number kind of every cell style (`cellXfs` order) in `styles.xml`.
fn style_kinds(xml: &str) -> Vec<NumKind> {
    let mut custom: Vec<(usize, NumKind)> = Vec::new();
    let mut kinds = Vec::new();
    let mut in_xfs = false;
    for ev in events(xml) {
        match ev {
            Ev::Start("numFmt", a, _) => {
                if let (Some(id), Some(code)) = (
                    attr(a, "numFmtId").and_then(|i| i.parse().ok()),
                    attr(a, "formatCode"),
                ) {
                    custom.push((id, classify_format(&code)));
                }
            }
            Ev::Start("cellXfs", _, closed) => in_xfs = !closed,
            Ev::End("cellXfs") => in_xfs = false,
            Ev::Start("xf", a, _) if in_xfs => {
                let id: usize = attr(a, "numFmtId")
                    .and_then(|i| i.parse().ok())
                    .unwrap_or(0);
                let kind = custom
                    .iter()
                    .find(|(c, _)| *c == id)
                    .map(|(_, k)| *k)
                    .unwrap_or_else(|| builtin_kind(id));
                kinds.push(kind);
            }
            _ => {}
        }
    }
    kinds
}

/// Moves the decimal point of a plain decimal string `places` to the right
/// (`0.4621` → `46.21`), exactly; `None` for exponent forms.
fn shift_decimal(s: &str, places: usize) -> Option<String> {
    let t = s.trim();
    if t.contains(['e', 'E']) || t.is_empty() {
        return None;
    }
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t),
    };
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    if !int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut frac: String = frac.to_string();
    while frac.len() < places {
        frac.push('0');
    }
    let (moved, rest) = frac.split_at(places);
    let mut int_part = format!("{int}{moved}").trim_start_matches('0').to_string();
    if int_part.is_empty() {
        int_part.push('0');
    }
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    out.push_str(&int_part);
    if !rest.is_empty() {
        out.push('.');
        out.push_str(rest);
    }
    Some(out)
}

/// A fraction of a day as `h:mm:ss` (with milliseconds when not whole).
pub fn day_fraction_as_clock(v: f64) -> String {
    let ms = (v * 86_400_000.0).round();
    if !ms.is_finite() || ms < 0.0 {
        return v.to_string();
    }
    let total = ms as u64;
    let (h, rem) = (total / 3_600_000, total % 3_600_000);
    let (m, rem) = (rem / 60_000, rem % 60_000);
    let (sec, milli) = (rem / 1000, rem % 1000);
    if milli == 0 {
        format!("{h}:{m:02}:{sec:02}")
    } else {
        format!("{h}:{m:02}:{sec:02}.{milli:03}")
    }
}

/// An Excel serial date as `YYYY-MM-DD` (and ` hh:mm:ss` with the time).
pub fn serial_as_date(v: f64, date1904: bool, with_time: bool) -> Option<String> {
    if !v.is_finite() || !(0.0..=2_958_465.0).contains(&v) {
        return None;
    }
    let days = v.floor() as i64;
    // Days since 1970-01-01 of serial 0: 1899-12-30 (1900 system, which
    // counts the non-existent 1900-02-29 so serials from 61 on line up),
    // 1904-01-01 in the 1904 system.
    let unix_days = if date1904 {
        days - 24_107
    } else if days < 61 {
        days - 25_568
    } else {
        days - 25_569
    };
    let (y, m, d) = civil_from_days(unix_days);
    let mut out = format!("{y:04}-{m:02}-{d:02}");
    if with_time {
        let secs = ((v - v.floor()) * 86_400.0).round() as i64;
        let secs = secs.min(86_399);
        out.push_str(&format!(
            " {:02}:{:02}:{:02}",
            secs / 3600,
            secs % 3600 / 60,
            secs % 60
        ));
    }
    Some(out)
}

/// Howard Hinnant's days-to-civil algorithm.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// A stored number written as its format shows it, for the importer.
fn formatted_number(raw: &str, kind: NumKind, date1904: bool) -> String {
    let v: Option<f64> = raw.trim().parse().ok();
    match (kind, v) {
        (NumKind::Percent, Some(x)) => match shift_decimal(raw, 2) {
            Some(s) => format!("{s}%"),
            None => format!("{}%", x * 100.0),
        },
        (NumKind::Time, Some(x)) => day_fraction_as_clock(x),
        (NumKind::Date, Some(x)) => {
            serial_as_date(x, date1904, false).unwrap_or_else(|| raw.to_string())
        }
        (NumKind::DateTime, Some(x)) => {
            serial_as_date(x, date1904, true).unwrap_or_else(|| raw.to_string())
        }
        _ => raw.to_string(),
    }
}

/// A sheet's rows: non-blank, trailing empty cells removed.
fn sheet_rows(
    xml: &str,
    strings: &[String],
    styles: &[NumKind],
    date1904: bool,
) -> Vec<(usize, Vec<String>)> {
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut row_no = 0usize;
    let mut col = 0usize;
    let mut kind = String::new();
    let mut style = 0usize;
    let mut value = String::new();
    let (mut in_v, mut in_is_t) = (false, false);
    let finish = |rows: &mut Vec<(usize, Vec<String>)>, row: &mut Vec<String>, row_no: usize| {
        while row.last().is_some_and(|c| c.trim().is_empty()) {
            row.pop();
        }
        if !row.is_empty() {
            rows.push((row_no, std::mem::take(row)));
        }
        row.clear();
    };
    for ev in events(xml) {
        match ev {
            Ev::Start("row", attrs, closed) => {
                row_no = attr(attrs, "r")
                    .and_then(|r| r.parse().ok())
                    .unwrap_or(row_no + 1);
                col = 0;
                row.clear();
                if closed {
                    finish(&mut rows, &mut row, row_no);
                }
            }
            Ev::End("row") => finish(&mut rows, &mut row, row_no),
            Ev::Start("c", attrs, closed) => {
                if let Some(r) = attr(attrs, "r") {
                    if let Some(c) = column_of(&r) {
                        col = c;
                    }
                    if let Some(n) = row_of(&r) {
                        row_no = n;
                    }
                }
                kind = attr(attrs, "t").unwrap_or_default();
                style = attr(attrs, "s").and_then(|v| v.parse().ok()).unwrap_or(0);
                value.clear();
                if closed {
                    col += 1;
                }
            }
            Ev::End("c") => {
                let text = match kind.as_str() {
                    "s" => value
                        .trim()
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| strings.get(i))
                        .cloned()
                        .unwrap_or_default(),
                    "b" => if value.trim() == "1" { "TRUE" } else { "FALSE" }.to_string(),
                    "" | "n" => formatted_number(
                        &unescape(&value),
                        styles.get(style).copied().unwrap_or(NumKind::Plain),
                        date1904,
                    ),
                    _ => unescape(&value),
                };
                if col < MAX_COLS {
                    if row.len() <= col {
                        row.resize(col + 1, String::new());
                    }
                    if let Some(slot) = row.get_mut(col) {
                        *slot = text;
                    }
                }
                col += 1;
            }
            Ev::Start("v", _, closed) => in_v = !closed,
            Ev::End("v") => in_v = false,
            Ev::Start("t", _, closed) if kind == "inlineStr" => in_is_t = !closed,
            Ev::End("t") => in_is_t = false,
            Ev::Text(t) if in_v || in_is_t => value.push_str(t),
            _ => {}
        }
    }
    rows
}

/// Every sheet of an xlsx workbook, in the workbook's order.
pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<Sheet>, Refusal> {
    let dir = directory(bytes)?;
    if dir.iter().any(|e| e.0 == "EncryptedPackage") {
        return Err(refuse(Msg::ImpErrXlsxPassword, Vec::new()));
    }
    let workbook =
        part(bytes, &dir, "xl/workbook.xml")?.ok_or_else(|| corrupt("xl/workbook.xml"))?;
    let workbook = text_of(workbook, "xl/workbook.xml")?;
    let rels = match part(bytes, &dir, "xl/_rels/workbook.xml.rels")? {
        Some(r) => text_of(r, "xl/_rels/workbook.xml.rels")?,
        None => String::new(),
    };
    let targets: Vec<(String, String)> = events(&rels)
        .filter_map(|e| match e {
            Ev::Start("Relationship", a, _) => Some((attr(a, "Id")?, attr(a, "Target")?)),
            _ => None,
        })
        .collect();
    let strings = match part(bytes, &dir, "xl/sharedStrings.xml")? {
        Some(s) => shared_strings(&text_of(s, "xl/sharedStrings.xml")?),
        None => Vec::new(),
    };
    let styles = match part(bytes, &dir, "xl/styles.xml")? {
        Some(x) => style_kinds(&text_of(x, "xl/styles.xml")?),
        None => Vec::new(),
    };
    let date1904 = events(&workbook).any(|e| match e {
        Ev::Start("workbookPr", a, _) => {
            matches!(attr(a, "date1904").as_deref(), Some("1" | "true"))
        }
        _ => false,
    });
    let mut sheets = Vec::new();
    let listed: Vec<(String, Option<String>)> = events(&workbook)
        .filter_map(|e| match e {
            Ev::Start("sheet", a, _) => Some((attr(a, "name").unwrap_or_default(), attr(a, "id"))),
            _ => None,
        })
        .collect();
    for (i, (name, rid)) in listed.iter().enumerate() {
        let target = rid
            .as_ref()
            .and_then(|id| targets.iter().find(|(t, _)| t == id))
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| format!("worksheets/sheet{}.xml", i + 1));
        let path = match target.strip_prefix('/') {
            Some(abs) => abs.to_string(),
            None => format!("xl/{target}"),
        };
        // Chart sheets and missing parts have no rows.
        let rows = match part(bytes, &dir, &path)? {
            Some(x) => sheet_rows(&text_of(x, &path)?, &strings, &styles, date1904),
            None => Vec::new(),
        };
        sheets.push(Sheet {
            name: name.clone(),
            rows,
        });
    }
    if sheets.is_empty() {
        return Err(refuse(Msg::ImpErrXlsxEmpty, Vec::new()));
    }
    Ok(sheets)
}

/// The sheet to show first: the first whose rows import as a team table, else the first.
pub fn default_sheet(sheets: &[Sheet]) -> usize {
    sheets
        .iter()
        .position(|s| !super::import::import_grid(s.grid()).is_rejected())
        .unwrap_or(0)
}
