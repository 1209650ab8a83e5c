//! Reads inquiries by hour of day from pasted text, as 赤兔's 分时接待 sheet
//! lays them out: one row per hour (`0`, `00:00-01:00`, `8点`…) and a count
//! column (咨询人数, else 接待人数, else 询单人数, else the first numeric column).
//!
//! Never fails as a whole: returns the 24 values found plus what was
//! skipped and which hours were missing. Headless.

use super::delimited::split;
use crate::model::staffing::{parse_hour, HOURS};
use crate::model::unit::parse_single;
use crate::model::{Parsed, Unit};

/// Header words for the hour column.
const HOUR_HEADERS: &[&str] = &["时段", "时间段", "小时", "时间", "hour", "时刻"];
/// Count columns, best first.
const COUNT_HEADERS: &[&str] = &["咨询人数", "接待人数", "询单人数", "咨询量", "inquiries"];

/// What a paste gave.
#[derive(Clone, Debug, PartialEq)]
pub struct HourlyRead {
    /// Inquiries per hour 0–23 (0 where missing).
    pub values: Vec<f64>,
    /// The column the counts came from (its header, or its number).
    pub column: String,
    /// Hours read.
    pub found: usize,
    /// Hours with no row.
    pub missing: Vec<usize>,
    /// Rows (1-based source line) that looked like hours but had no usable count.
    pub skipped: Vec<(usize, String)>,
}

fn norm(s: &str) -> String {
    s.trim()
        .to_lowercase()
        .replace([' ', '（', '）', '(', ')'], "")
}

/// Reads the pasted sheet; `None` when no hour rows with counts were found.
pub fn read_hourly(text: &str) -> Option<HourlyRead> {
    // Title lines above the header would decide the delimiter: start at the header.
    let from = text
        .split_inclusive('\n')
        .scan(0usize, |at, l| {
            let start = *at;
            *at += l.len();
            Some((start, l))
        })
        .find(|(_, l)| {
            let l = norm(l);
            HOUR_HEADERS.iter().any(|w| l.contains(w))
                && COUNT_HEADERS.iter().any(|w| l.contains(w))
        })
        .map(|(start, _)| start)
        .unwrap_or(0);
    let skipped_lines = text.get(..from).map(|t| t.lines().count()).unwrap_or(0);
    let grid = split(text.get(from..).unwrap_or(text));
    let rows: Vec<(usize, Vec<String>)> = grid
        .rows
        .into_iter()
        .map(|(l, r)| (l + skipped_lines, r))
        .collect();
    read_hourly_rows(&rows)
}

/// Reads rows of cells (a pasted grid or an xlsx sheet), each with its
/// 1-based source line.
pub fn read_hourly_rows(rows: &[(usize, Vec<String>)]) -> Option<HourlyRead> {
    // The header row: the first with an hour word, or none (bare two columns).
    let header = rows.iter().position(|(_, r)| {
        r.len() >= 2
            && r.iter()
                .any(|c| HOUR_HEADERS.iter().any(|h| norm(c).contains(h)))
    });
    let (hour_col, count_col, column, body_from) = match header {
        Some(hi) => {
            let cells = &rows.get(hi)?.1;
            let hour_col = cells
                .iter()
                .position(|c| HOUR_HEADERS.iter().any(|h| norm(c).contains(h)))?;
            let count_col = COUNT_HEADERS
                .iter()
                .find_map(|want| cells.iter().position(|c| norm(c).contains(want)));
            let count_col = match count_col {
                Some(c) => c,
                None => (0..cells.len()).find(|c| *c != hour_col)?,
            };
            let name = cells.get(count_col).cloned().unwrap_or_default();
            (hour_col, count_col, name, hi + 1)
        }
        None => (0, 1, "2".to_string(), 0),
    };
    let mut values = vec![0.0; HOURS];
    let mut seen = [false; HOURS];
    let mut skipped = Vec::new();
    for (line, cells) in rows.iter().skip(body_from) {
        let Some(h) = cells.get(hour_col).and_then(|c| parse_hour(c)) else {
            continue;
        };
        let raw = cells.get(count_col).map(String::as_str).unwrap_or("");
        match parse_single(raw, Unit::Count) {
            Parsed::Number(v) if v >= 0.0 => {
                if let (Some(slot), Some(s)) = (values.get_mut(h), seen.get_mut(h)) {
                    // A sheet of several days repeats hours: they add up.
                    *slot += v;
                    *s = true;
                }
            }
            _ => skipped.push((*line, raw.to_string())),
        }
    }
    let found = seen.iter().filter(|s| **s).count();
    if found == 0 {
        return None;
    }
    let missing = (0..HOURS)
        .filter(|h| !seen.get(*h).copied().unwrap_or(false))
        .collect();
    Some(HourlyRead {
        values,
        column,
        found,
        missing,
        skipped,
    })
}

/// Reads a picked file: an `.xlsx` (the first sheet with hours) or a text
/// export (CSV/TSV in UTF-8, UTF-16 or GB18030 through `gb18030`). `Err`
/// for a file that cannot be opened, with the importer's reason; `Ok(None)`
/// when no sheet has hours with counts.
pub fn read_hourly_file(
    bytes: &[u8],
    name: &str,
    gb18030: &dyn Fn(&[u8]) -> Option<String>,
) -> Result<Option<HourlyRead>, super::decode::Refusal> {
    match super::xlsx::open(bytes, name, gb18030)? {
        super::xlsx::Opened::Text(text, _) => Ok(read_hourly(&text)),
        super::xlsx::Opened::Sheets(sheets) => {
            Ok(sheets.iter().find_map(|s| read_hourly_rows(&s.rows)))
        }
    }
}
