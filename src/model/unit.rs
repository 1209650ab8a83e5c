//! Units, directions, and the one value parser shared by imports and grid edits.
//!
//! Owns: how text such as `46%`, `1分20秒`, `¥1,234.50` or `1.2万` becomes a
//! number, and how a number is shown again. It must never guess silently: a
//! value that does not parse comes back as [`Parsed::Invalid`] with a message
//! key, and the caller keeps the original text.
//!
//! Stored values are canonical: percentages as fractions (46 % → `0.46`),
//! durations in seconds, money in yuan.

use crate::i18n::{Lang, Msg};
use serde::{Deserialize, Serialize};

/// What a column measures, which decides parsing and display.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    /// Free text (agent names, groups).
    Text,
    /// Whole people or events (询单人数, 中差评数).
    Count,
    /// A plain number with no unit.
    Number,
    /// A share, stored as a fraction (0.46 is shown as 46.00%).
    Percent,
    /// A duration in seconds.
    Seconds,
    /// Yuan.
    Money,
    /// A ratio such as 答问比 (1.25).
    Ratio,
    /// Days (出勤天数).
    Days,
    /// Points (质检得分).
    Points,
}

impl Unit {
    /// Whether values of this unit may be negative. Money (adjustments) and
    /// plain numbers and points may; counts, shares, durations and days may not.
    pub fn allows_negative(self) -> bool {
        matches!(self, Unit::Number | Unit::Money | Unit::Points)
    }

    /// Whether the unit holds numbers (everything but text).
    pub fn is_numeric(self) -> bool {
        self != Unit::Text
    }
}

/// Which way a metric is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Direction {
    /// More is better (conversion, sales).
    Higher,
    /// Less is better (response time, refunds).
    Lower,
    /// Not a performance measure (names, attendance).
    Neutral,
}

/// How bare numbers (without a `%` sign) in a percent column are read.
///
/// The rule looks at the whole column: if any bare value is greater than 1,
/// the column is written in percentage points (`46` means 46 %), otherwise in
/// fractions (`0.46` means 46 %). A value written with `%` is always points.
/// A single edited value is judged on its own by the same rule, so typing
/// `46` or `0.46` both give 46 %, and `1` gives 100 %.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PercentScale {
    /// Bare numbers are fractions: `0.46` → 46 %.
    Fraction,
    /// Bare numbers are percentage points: `46` → 46 %.
    Points,
}

/// The result of parsing one cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Parsed {
    /// Empty or an explicit "no value" marker (`-`, `—`, `#N/A`…).
    Missing,
    /// A finite number in the unit's canonical form.
    Number(f64),
    /// Text, for text columns.
    Text(String),
    /// The text could not be read as the unit requires.
    Invalid(Msg),
}

/// Markers that mean "no value" in exports and sheets.
///
/// Exports also write placeholders where a figure is not computed yet
/// (`延迟统计` in 赤兔, `暂无` in 千牛, `统计中`…); they are missing values, not
/// invalid cells. Compared after trimming, case-insensitively for ASCII.
const MISSING: &[&str] = &[
    "",
    "-",
    "--",
    "---",
    "—",
    "——",
    "–",
    "#n/a",
    "n/a",
    "na",
    "#na",
    "null",
    "none",
    "/",
    "无",
    "延迟统计",
    "暂无",
    "暂无数据",
    "无数据",
    "统计中",
    "计算中",
    "未统计",
    "待统计",
    "#div/0!",
    "－",
    "－－",
    "/ ",
];

/// True when `raw` is empty or a "no value" marker.
pub fn is_missing(raw: &str) -> bool {
    let t = raw.trim();
    if t.len() > 16 {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    MISSING.contains(&lower.as_str())
}

/// Folds full-width digits and punctuation (what Chinese IMEs type) to ASCII.
fn fold_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' | '．' | '，' | '－' | '＋' | '％' | '：' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// Reads a plain number with optional currency sign, thousands separators,
/// `元` suffix and `万`/`亿` multipliers, scaled by `10^exp10` (−2 for a
/// percentage). Returns `Err(msg)` on failure.
///
/// Scaling shifts the decimal exponent in the text (`33.76` → `33.76e-2`)
/// rather than dividing, so the result is the double nearest the decimal
/// value (0.3376, not 0.33759999999999996), as a spreadsheet holds it.
fn parse_scaled(s: &str, exp10: i32) -> Result<f64, Msg> {
    let mut t: String = s
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '¥' | '￥' | '$' | '\u{a0}'))
        .collect();
    if let Some(rest) = t.strip_suffix('元') {
        t = rest.to_string();
    }
    if let Some(rest) = t.strip_prefix("RMB") {
        t = rest.to_string();
    }
    let mut exp = exp10;
    if let Some(rest) = t.strip_suffix('万') {
        t = rest.to_string();
        exp += 4;
    } else if let Some(rest) = t.strip_suffix('亿') {
        t = rest.to_string();
        exp += 8;
    }
    // Rust's parser accepts "inf" and "NaN"; they are recognised here so the
    // message can say "not finite" rather than "not a number".
    let plain: f64 = t.parse().map_err(|_| Msg::ErrNotANumber)?;
    if !plain.is_finite() {
        return Err(Msg::ErrNotFinite);
    }
    let v = if exp == 0 {
        plain
    } else if t.contains(['e', 'E']) {
        plain * 10f64.powi(exp)
    } else {
        format!("{t}e{exp}")
            .parse()
            .map_err(|_| Msg::ErrNotANumber)?
    };
    if !v.is_finite() {
        return Err(Msg::ErrNotFinite);
    }
    // Normalise -0 to 0 so that equal values compare and serialise equally.
    Ok(if v == 0.0 { 0.0 } else { v })
}

/// [`parse_scaled`] without scaling.
fn parse_amount(s: &str) -> Result<f64, Msg> {
    parse_scaled(s, 0)
}

/// Reads a duration in seconds: `32`, `32.5`, `32秒`, `32s`, `1分20秒`,
/// `1分钟20秒`, `1小时2分`, `1m20s`, `00:01:20`, `01:20` (minutes:seconds).
fn parse_duration(s: &str) -> Result<f64, Msg> {
    let t: String = s.trim().chars().filter(|c| !c.is_whitespace()).collect();
    if t.contains(':') {
        let parts: Vec<&str> = t.split(':').collect();
        if parts.len() > 3 || parts.iter().any(|p| p.is_empty()) {
            return Err(Msg::ErrBadDuration);
        }
        let mut total = 0.0;
        for p in &parts {
            let v: f64 = p.parse().map_err(|_| Msg::ErrBadDuration)?;
            if !v.is_finite() || v < 0.0 {
                return Err(Msg::ErrBadDuration);
            }
            total = total * 60.0 + v;
        }
        return Ok(total);
    }
    if let Ok(v) = parse_amount(&t) {
        return Ok(v);
    }
    // Sequence of number + unit pairs.
    const UNITS: &[(&str, f64)] = &[
        ("小时", 3600.0),
        ("时", 3600.0),
        ("hours", 3600.0),
        ("hour", 3600.0),
        ("hrs", 3600.0),
        ("hr", 3600.0),
        ("h", 3600.0),
        ("分钟", 60.0),
        ("分", 60.0),
        ("minutes", 60.0),
        ("minute", 60.0),
        ("mins", 60.0),
        ("min", 60.0),
        ("m", 60.0),
        ("秒钟", 1.0),
        ("秒", 1.0),
        ("seconds", 1.0),
        ("second", 1.0),
        ("secs", 1.0),
        ("sec", 1.0),
        ("s", 1.0),
    ];
    let lower = t.to_ascii_lowercase();
    let mut rest = lower.as_str();
    let mut total = 0.0;
    let mut any = false;
    while !rest.is_empty() {
        let num_len = rest
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
            .map(|(i, _)| i)
            .unwrap_or(rest.len());
        if num_len == 0 {
            return Err(Msg::ErrBadDuration);
        }
        let (num, after) = rest.split_at(num_len);
        let v: f64 = num.parse().map_err(|_| Msg::ErrBadDuration)?;
        let Some((unit, factor)) = UNITS.iter().find(|(u, _)| after.starts_with(u)) else {
            return Err(Msg::ErrBadDuration);
        };
        total += v * factor;
        any = true;
        rest = after.get(unit.len()..).unwrap_or("");
    }
    if any && total.is_finite() {
        Ok(total)
    } else {
        Err(Msg::ErrBadDuration)
    }
}

/// Parses one cell of `unit`. `scale` says how bare percent numbers are read
/// (see [`PercentScale`]); it is ignored for other units.
pub fn parse_value(raw: &str, unit: Unit, scale: PercentScale) -> Parsed {
    if is_missing(raw) {
        return Parsed::Missing;
    }
    if unit == Unit::Text {
        return Parsed::Text(raw.trim().to_string());
    }
    let folded = fold_width(raw);
    let s = folded.trim();
    let result = match unit {
        Unit::Percent => {
            if let Some(body) = s.strip_suffix('%') {
                parse_scaled(body, -2)
            } else {
                match scale {
                    PercentScale::Fraction => parse_amount(s),
                    PercentScale::Points => parse_scaled(s, -2),
                }
            }
        }
        Unit::Seconds => parse_duration(s),
        _ => parse_amount(s.strip_suffix('%').unwrap_or(s)),
    };
    match result {
        Ok(v) if v < 0.0 && !unit.allows_negative() => Parsed::Invalid(Msg::ErrNegative),
        Ok(v) => Parsed::Number(if v == 0.0 { 0.0 } else { v }),
        Err(m) => Parsed::Invalid(m),
    }
}

/// The column-wide rule of [`PercentScale`]: points if any bare value exceeds 1.
pub fn infer_percent_scale<'a>(values: impl IntoIterator<Item = &'a str>) -> PercentScale {
    for raw in values {
        if is_missing(raw) {
            continue;
        }
        let folded = fold_width(raw);
        let s = folded.trim();
        if s.ends_with('%') {
            continue;
        }
        if let Ok(v) = parse_amount(s) {
            if v.abs() > 1.0 {
                return PercentScale::Points;
            }
        }
    }
    PercentScale::Fraction
}

/// Parses a single value typed by the user, judging a bare percent by itself.
pub fn parse_single(raw: &str, unit: Unit) -> Parsed {
    let scale = infer_percent_scale([raw]);
    parse_value(raw, unit, scale)
}

/// Groups an integer string in thousands: `1234567` → `1,234,567`.
fn group_thousands(int_part: &str) -> String {
    let (sign, digits) = match int_part.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", int_part),
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

/// Formats `v` with `decimals` places (rounded half away from zero, as
/// spreadsheets show numbers) and thousands separators.
pub fn format_grouped(v: f64, decimals: usize) -> String {
    let dp = i32::try_from(decimals).unwrap_or(0);
    let s = format!("{:.*}", decimals, super::round::round_dp(v, dp));
    let s = if s.starts_with('-') && s.trim_start_matches(['-', '0', '.']).is_empty() {
        s.trim_start_matches('-').to_string()
    } else {
        s
    };
    match s.split_once('.') {
        Some((i, f)) => format!("{}.{}", group_thousands(i), f),
        None => group_thousands(&s),
    }
}

/// Formats with up to `max_dec` decimals, dropping trailing zeros.
fn format_trimmed(v: f64, max_dec: usize) -> String {
    let s = format_grouped(v, max_dec);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Shows a canonical value of `unit` for people: `46.21%`, `32.0秒`/`32.5 s`,
/// `¥1,234.50`, `1,234`.
pub fn format_value(v: f64, unit: Unit, lang: Lang) -> String {
    match unit {
        Unit::Percent => format!("{}%", format_grouped(v * 100.0, 2)),
        Unit::Seconds => match lang {
            // Always one decimal, so 32.0秒 sits beside 30.1秒 (not "32秒").
            Lang::Zh => format!("{}秒", format_grouped(v, 1)),
            Lang::En => format!("{} s", format_grouped(v, 1)),
        },
        Unit::Money => {
            if v < 0.0 {
                format!("-¥{}", format_grouped(-v, 2))
            } else {
                format!("¥{}", format_grouped(v, 2))
            }
        }
        Unit::Count | Unit::Days => format_trimmed(v, 2),
        Unit::Ratio => format_grouped(v, 2),
        Unit::Points => format_trimmed(v, 1),
        Unit::Number | Unit::Text => format_trimmed(v, 4),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping() {
        assert_eq!(format_grouped(1234567.891, 2), "1,234,567.89");
        assert_eq!(format_grouped(-1234.5, 1), "-1,234.5");
        assert_eq!(format_grouped(999.0, 0), "999");
        assert_eq!(format_grouped(-0.001, 2), "0.00");
    }
}
