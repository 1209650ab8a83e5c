//! Reading old Excel `.xls` (BIFF8, what WPS and older Excel still write) and
//! OpenDocument `.ods` workbooks with calamine, into the same [`Sheet`] rows
//! the `.xlsx` reader gives, so the importer takes them unchanged.
//!
//! calamine is large (its BIFF, ODF, zip and codepage code is ≈ 10× the
//! page's own xlsx reader), so only the worker binary (`src/bin/worker.rs`)
//! calls this module; the page sends it the bytes on first use. The page
//! itself only uses [`kind_of`] (to route a file) and [`parse_reply`] (to
//! read the worker's answer), which are small.
//!
//! Cell text follows what a person sees in the sheet, in forms the importer
//! parses: numbers as their shortest round-trip decimal (a percent cell
//! `46.21%` arrives as `0.4621`, as from `.xlsx`); time-of-day and duration
//! cells as `h:mm:ss` (`0:00:27`; milliseconds kept as `.mmm`); dates as
//! `YYYY-MM-DD`; date-times as `YYYY-MM-DD hh:mm:ss`; booleans `TRUE`/`FALSE`;
//! errors as Excel codes (`#N/A`). Never panics: bad bytes are a [`Refusal`].

use super::decode::{Refusal, MAX_BYTES};
use super::xlsx::Sheet;
use crate::i18n::Msg;
use calamine::{Data, Reader};
use std::io::Cursor;

/// The workbook formats read here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Excel 97–2003 (BIFF8 in an OLE compound file).
    Xls,
    /// OpenDocument spreadsheet (a zip whose `mimetype` says so).
    Ods,
}

const OLE: [u8; 4] = [0xD0, 0xCF, 0x11, 0xE0];
const ODS_MIME: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";
/// Most columns kept per row, as in the xlsx reader.
const MAX_COLS: usize = 16_384;

/// Whether a file is one this module reads, by signature first, then by name.
/// An OLE file named `.xlsx`/`.xlsm` is an encrypted xlsx and stays with the
/// xlsx reader (which refuses it with the password message).
pub fn kind_of(bytes: &[u8], file_name: &str) -> Option<Kind> {
    let lower = file_name.to_lowercase();
    let ooxml_name = lower.ends_with(".xlsx") || lower.ends_with(".xlsm");
    if bytes.starts_with(&OLE) && !ooxml_name {
        return Some(Kind::Xls);
    }
    // The ODF `mimetype` entry comes first and is stored, so its text sits
    // within the first few dozen bytes of the zip.
    let head = bytes.get(..bytes.len().min(160)).unwrap_or(bytes);
    if bytes.starts_with(b"PK\x03\x04") && head.windows(ODS_MIME.len()).any(|w| w == ODS_MIME) {
        return Some(Kind::Ods);
    }
    if lower.ends_with(".xls") || lower.ends_with(".xlt") {
        return Some(Kind::Xls);
    }
    if lower.ends_with(".ods") || lower.ends_with(".ots") {
        return Some(Kind::Ods);
    }
    None
}

fn refuse(msg: Msg, args: Vec<String>) -> Refusal {
    Refusal { msg, args }
}

/// Every sheet of an `.xls` or `.ods` workbook, in the workbook's order.
pub fn read(bytes: &[u8], file_name: &str) -> Result<Vec<Sheet>, Refusal> {
    if bytes.len() > MAX_BYTES {
        let mb = bytes.len() as f64 / 1024.0 / 1024.0;
        return Err(refuse(
            Msg::ImpErrTooLarge,
            vec![format!("{mb:.1}"), (MAX_BYTES / 1024 / 1024).to_string()],
        ));
    }
    if bytes.is_empty() {
        return Err(refuse(Msg::ErrEmptyInput, Vec::new()));
    }
    let kind = kind_of(bytes, file_name);
    // calamine still panics on some damaged files (an out-of-order
    // DIMENSIONS record, for one). Natively the panic is caught here; in the
    // worker (built with panic = "abort") the worker's panic hook answers
    // with the same refusal, from [`crashed`], before the worker stops.
    let read = std::panic::catch_unwind(|| match kind {
        Some(Kind::Xls) => read_xls(bytes),
        Some(Kind::Ods) => read_ods(bytes),
        None => Err(refuse(Msg::ImpErrXlsCorrupt, vec!["format".to_string()])),
    });
    let sheets = match read {
        Ok(result) => result?,
        Err(_) => return Err(crashed(kind, "reader stopped".to_string())),
    };
    if sheets.is_empty() {
        return Err(refuse(Msg::ImpErrXlsxEmpty, Vec::new()));
    }
    Ok(sheets)
}

/// The refusal for a file whose reading panicked inside calamine: a damaged
/// file of that kind, with the panic's message.
pub fn crashed(kind: Option<Kind>, detail: String) -> Refusal {
    let msg = match kind {
        Some(Kind::Ods) => Msg::ImpErrOdsCorrupt,
        _ => Msg::ImpErrXlsCorrupt,
    };
    refuse(msg, vec![detail])
}

/// Whether an OLE file holds an encrypted OOXML package (a password-protected
/// `.xlsx` renamed or saved as `.xls`): its directory names the stream
/// `EncryptedPackage` (UTF-16LE).
fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

/// The file's bytes as a reader that reads `FF` bytes past the end (its
/// length stays the file's). calamine 0.38's compound-file reader slices out
/// of bounds, and panics, when a sector it was pointed at lies past the end
/// of a short file, which is what an interrupted download leaves. Read as
/// `FF`s, a lost allocation-table sector says "free sector" for every entry,
/// which calamine reports as a sector past the end: a damaged-file error.
/// (Zeros would be worse: entries pointing at sector 0 make a chain that
/// loops, which calamine follows until memory runs out.)
struct FfTail<'a> {
    bytes: &'a [u8],
    pos: u64,
}

impl<'a> FfTail<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        FfTail { bytes, pos: 0 }
    }
}

impl std::io::Read for FfTail<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let at = usize::try_from(self.pos).unwrap_or(usize::MAX);
        let rest = self.bytes.get(at..).unwrap_or(&[]);
        let n = if rest.is_empty() {
            buf.fill(0xFF);
            buf.len()
        } else {
            let n = rest.len().min(buf.len());
            if let (Some(dst), Some(src)) = (buf.get_mut(..n), rest.get(..n)) {
                dst.copy_from_slice(src);
            }
            n
        };
        self.pos = self.pos.saturating_add(n as u64);
        Ok(n)
    }
}

impl std::io::Seek for FfTail<'_> {
    fn seek(&mut self, to: std::io::SeekFrom) -> std::io::Result<u64> {
        let len = self.bytes.len() as i128;
        let target = match to {
            std::io::SeekFrom::Start(n) => i128::from(n),
            std::io::SeekFrom::End(d) => len + i128::from(d),
            std::io::SeekFrom::Current(d) => i128::from(self.pos) + i128::from(d),
        };
        self.pos = u64::try_from(target).map_err(|_| {
            std::io::Error::new(std::io::ErrorKind::InvalidInput, "seek before start")
        })?;
        Ok(self.pos)
    }
}

fn read_xls(bytes: &[u8]) -> Result<Vec<Sheet>, Refusal> {
    use calamine::XlsError;
    let corrupt = |why: String| refuse(Msg::ImpErrXlsCorrupt, vec![why]);
    let mut wb: calamine::Xls<_> = match calamine::open_workbook_from_rs(FfTail::new(bytes)) {
        Ok(wb) => wb,
        Err(XlsError::Password) => return Err(refuse(Msg::ImpErrXlsPassword, Vec::new())),
        Err(_) if is_encrypted_ooxml(bytes) => {
            return Err(refuse(Msg::ImpErrXlsxPassword, Vec::new()))
        }
        Err(e) => return Err(corrupt(e.to_string())),
    };
    let names = wb.sheet_names();
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let range = wb.worksheet_range(&name).map_err(|e| match e {
            XlsError::Password => refuse(Msg::ImpErrXlsPassword, Vec::new()),
            e => corrupt(e.to_string()),
        })?;
        out.push(sheet(name, &range));
    }
    Ok(out)
}

fn read_ods(bytes: &[u8]) -> Result<Vec<Sheet>, Refusal> {
    use calamine::OdsError;
    let corrupt = |why: String| refuse(Msg::ImpErrOdsCorrupt, vec![why]);
    let mut wb: calamine::Ods<_> = match calamine::open_workbook_from_rs(Cursor::new(bytes)) {
        Ok(wb) => wb,
        Err(OdsError::Password) => return Err(refuse(Msg::ImpErrOdsPassword, Vec::new())),
        Err(e) => return Err(corrupt(e.to_string())),
    };
    let names = wb.sheet_names();
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let range = wb.worksheet_range(&name).map_err(|e| match e {
            OdsError::Password => refuse(Msg::ImpErrOdsPassword, Vec::new()),
            e => corrupt(e.to_string()),
        })?;
        out.push(sheet(name, &range));
    }
    Ok(out)
}

/// A calamine range as 1-based, non-blank rows with trailing blanks trimmed.
/// The range starts at its first used cell; the columns before it are kept
/// as blanks so column positions match the sheet.
fn sheet(name: String, range: &calamine::Range<Data>) -> Sheet {
    let (row0, col0) = range
        .start()
        .map(|(r, c)| (r as usize, c as usize))
        .unwrap_or((0, 0));
    let mut rows = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let mut row: Vec<String> = vec![String::new(); col0.min(MAX_COLS)];
        row.extend(
            cells
                .iter()
                .take(MAX_COLS.saturating_sub(col0))
                .map(cell_text),
        );
        while row.last().is_some_and(|c| c.trim().is_empty()) {
            row.pop();
        }
        if !row.is_empty() {
            rows.push((row0 + i + 1, row));
        }
    }
    Sheet { name, rows }
}

/// The text of one cell (see the module doc for the rules).
pub fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::Error(e) => e.to_string(),
        Data::DateTime(dt) => {
            let v = dt.as_f64();
            if !v.is_finite() {
                return number(v);
            }
            if dt.is_duration() || (0.0..1.0).contains(&v) {
                return hms(v * 86_400.0).unwrap_or_else(|| number(v));
            }
            let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
            if (h, mi, s, ms) == (0, 0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else if ms == 0 {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}.{ms:03}")
            }
        }
        Data::DateTimeIso(s) => iso_datetime(s),
        Data::DurationIso(s) => iso_duration(s).and_then(hms).unwrap_or_else(|| s.clone()),
    }
}

/// The shortest decimal that reads back as `f` (Rust's `Display` for f64),
/// with `-0` as `0`.
fn number(f: f64) -> String {
    if f == 0.0 {
        return "0".to_string();
    }
    f.to_string()
}

/// Seconds as `h:mm:ss` (hours not wrapped at 24), with `.mmm` when the
/// value has milliseconds; `None` beyond any sane duration.
fn hms(seconds: f64) -> Option<String> {
    if !seconds.is_finite() || seconds.abs() > 1e12 {
        return None;
    }
    let total = (seconds.abs() * 1000.0).round() as u64;
    let sign = if seconds < 0.0 && total > 0 { "-" } else { "" };
    let (ms, s, m, h) = (
        total % 1000,
        total / 1000 % 60,
        total / 60_000 % 60,
        total / 3_600_000,
    );
    Some(if ms == 0 {
        format!("{sign}{h}:{m:02}:{s:02}")
    } else {
        format!("{sign}{h}:{m:02}:{s:02}.{ms:03}")
    })
}

/// An ODF date or date-time (`2026-11-01`, `2026-11-01T08:30:00`) with the
/// `T` as a space; other text as it is.
fn iso_datetime(s: &str) -> String {
    match s.split_once('T') {
        Some((date, time)) if date.len() == 10 => {
            let time = time.trim_end_matches('Z');
            let time = match time.split_once('.') {
                Some((whole, frac)) if frac.trim_end_matches('0').is_empty() => whole,
                _ => time,
            };
            format!("{date} {time}")
        }
        _ => s.to_string(),
    }
}

/// Seconds of an ISO 8601 duration as ODF writes it (`PT00H00M27S`,
/// `P1DT2H`, `-PT5M`); `None` if it is not one.
fn iso_duration(s: &str) -> Option<f64> {
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let t = t.strip_prefix('P')?;
    let (mut total, mut in_time, mut num) = (0.0f64, false, String::new());
    for c in t.chars() {
        match c {
            'T' if num.is_empty() => in_time = true,
            '0'..='9' | '.' | ',' => num.push(if c == ',' { '.' } else { c }),
            _ => {
                let v: f64 = num.parse().ok()?;
                num.clear();
                let unit = match (c, in_time) {
                    ('W', false) => 604_800.0,
                    ('D', false) => 86_400.0,
                    ('H', true) => 3600.0,
                    ('M', true) => 60.0,
                    ('S', true) => 1.0,
                    _ => return None,
                };
                total += v * unit;
            }
        }
    }
    if !num.is_empty() {
        return None;
    }
    Some(if neg { -total } else { total })
}

/// The worker's answer to one request.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// The workbook's sheets.
    Sheets(Vec<Sheet>),
    /// The file was refused.
    Refused(Refusal),
    /// The worker panicked while reading (the text of the panic).
    Panicked(String),
}

/// Reads `bytes` and answers request `id` (see [`reply_text`]).
pub fn answer(id: u32, bytes: &[u8], file_name: &str) -> String {
    let reply = match read(bytes, file_name) {
        Ok(sheets) => Reply::Sheets(sheets),
        Err(r) => Reply::Refused(r),
    };
    reply_text(id, &reply)
}

/// A reply as CSV text, which the page reads with the csv reader it already
/// has for pasted tables (a derived serde reader would add ≈ 7 KB gzip to the
/// page). The first record is `id,S` (sheets), `id,F` (refused) or `id,P`
/// (panicked). Sheets follow as `#,name` and then `row number,cell,cell…`
/// records; a refusal as `message index,arg…`, the index being the message's
/// place in [`Msg::ALL`] (page and worker come from one build, their file
/// names hashed together); a panic as its text.
pub fn reply_text(id: u32, reply: &Reply) -> String {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    let id = id.to_string();
    let _ = match reply {
        Reply::Sheets(sheets) => {
            let _ = w.write_record([id.as_str(), "S"]);
            for s in sheets {
                let _ = w.write_record(["#", s.name.as_str()]);
                for (n, cells) in &s.rows {
                    let n = n.to_string();
                    let _ = w.write_record(
                        std::iter::once(n.as_str()).chain(cells.iter().map(String::as_str)),
                    );
                }
            }
            Ok(())
        }
        Reply::Refused(r) => {
            let _ = w.write_record([id.as_str(), "F"]);
            let i = Msg::ALL
                .iter()
                .position(|m| *m == r.msg)
                .unwrap_or(usize::MAX)
                .to_string();
            w.write_record(std::iter::once(i.as_str()).chain(r.args.iter().map(String::as_str)))
        }
        Reply::Panicked(detail) => {
            let _ = w.write_record([id.as_str(), "P"]);
            w.write_record([detail.as_str()])
        }
    };
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// What the page gets from a reply: the request id and the sheets, or why
/// not; `None` for text that is not a reply.
pub fn parse_reply(text: &str) -> Option<(u32, Result<Vec<Sheet>, Refusal>)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let head = records.next()?.ok()?;
    let id: u32 = head.get(0)?.parse().ok()?;
    let kind = head.get(1)?.to_string();
    let mut rest = records.map(|r| {
        r.ok()
            .map(|r| r.iter().map(str::to_string).collect::<Vec<_>>())
    });
    let result = match kind.as_str() {
        "S" => {
            let mut sheets: Vec<Sheet> = Vec::new();
            for rec in rest {
                let rec = rec?;
                let (first, cells) = rec.split_first()?;
                if first == "#" {
                    sheets.push(Sheet {
                        name: cells.first().cloned().unwrap_or_default(),
                        rows: Vec::new(),
                    });
                } else {
                    let n: usize = first.parse().ok()?;
                    sheets.last_mut()?.rows.push((n, cells.to_vec()));
                }
            }
            Ok(sheets)
        }
        "F" => {
            let rec = rest.next()??;
            let (first, args) = rec.split_first()?;
            let i: usize = first.parse().ok()?;
            Err(Refusal {
                msg: *Msg::ALL.get(i)?,
                args: args.to_vec(),
            })
        }
        "P" => {
            let rec = rest.next()??;
            Err(Refusal {
                msg: Msg::WorkerDied,
                args: vec![rec.first()?.clone()],
            })
        }
        _ => return None,
    };
    Some((id, result))
}
