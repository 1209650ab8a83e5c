//! Formula values, errors as values, and Excel's coercion and comparison rules.

use crate::model::round::round_dp;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// An error value, as Excel shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ErrorKind {
    /// Division by zero, or an average of nothing.
    Div0,
    /// A value of the wrong type (text where a number is needed).
    Value,
    /// An unknown column or function name.
    Name,
    /// Not available: a lookup found nothing.
    NA,
    /// A number out of range (√ of a negative, overflow).
    Num,
    /// The column is part of a circular reference.
    Cycle,
}

impl ErrorKind {
    /// The code shown in the cell.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::Div0 => "#DIV/0!",
            ErrorKind::Value => "#VALUE!",
            ErrorKind::Name => "#NAME?",
            ErrorKind::NA => "#N/A",
            ErrorKind::Num => "#NUM!",
            ErrorKind::Cycle => "#CYCLE!",
        }
    }
}

/// A value during evaluation.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Number(f64),
    Text(String),
    Bool(bool),
    /// An empty input. Acts as 0 in arithmetic and "" in text, like Excel.
    Blank,
    Error(ErrorKind),
}

/// A number result, turning overflow and NaN into `#NUM!`.
pub fn num(v: f64) -> Value {
    if v.is_finite() {
        Value::Number(if v == 0.0 { 0.0 } else { v })
    } else {
        Value::Error(ErrorKind::Num)
    }
}

impl Value {
    /// Excel's number coercion: TRUE → 1, blank → 0, numeric text → its number.
    pub fn to_number(&self) -> Result<f64, ErrorKind> {
        match self {
            Value::Number(v) => Ok(*v),
            Value::Bool(b) => Ok(if *b { 1.0 } else { 0.0 }),
            Value::Blank => Ok(0.0),
            Value::Text(t) => text_to_number(t).ok_or(ErrorKind::Value),
            Value::Error(e) => Err(*e),
        }
    }

    /// Excel's text coercion: numbers in general format, TRUE/FALSE, blank → "".
    pub fn to_text(&self) -> Result<String, ErrorKind> {
        match self {
            Value::Number(v) => Ok(general(*v)),
            Value::Text(t) => Ok(t.clone()),
            Value::Bool(b) => Ok(if *b { "TRUE".into() } else { "FALSE".into() }),
            Value::Blank => Ok(String::new()),
            Value::Error(e) => Err(*e),
        }
    }

    /// Excel's logical coercion: numbers ≠ 0 are TRUE; "TRUE"/"FALSE" text.
    pub fn to_bool(&self) -> Result<bool, ErrorKind> {
        match self {
            Value::Bool(b) => Ok(*b),
            Value::Number(v) => Ok(*v != 0.0),
            Value::Blank => Ok(false),
            Value::Text(t) => {
                if t.eq_ignore_ascii_case("TRUE") {
                    Ok(true)
                } else if t.eq_ignore_ascii_case("FALSE") {
                    Ok(false)
                } else {
                    Err(ErrorKind::Value)
                }
            }
            Value::Error(e) => Err(*e),
        }
    }
}

/// Numeric text as Excel reads it in arithmetic: `" 12 "`, `"1e3"`, `"50%"`, `"1,234"`.
pub fn text_to_number(t: &str) -> Option<f64> {
    let s = t.trim();
    if s.is_empty() {
        return None;
    }
    let (body, scale) = match s.strip_suffix('%') {
        Some(b) => (b, 0.01),
        None => (s, 1.0),
    };
    let cleaned: String = body.chars().filter(|c| *c != ',').collect();
    // Rust accepts "inf"/"nan"; Excel does not.
    if cleaned
        .chars()
        .any(|c| c.is_ascii_alphabetic() && c != 'e' && c != 'E')
    {
        return None;
    }
    cleaned
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(|v| v * scale)
}

/// Excel's "General" format for a number in text context: 15 significant
/// digits, no trailing zeros (`0.1+0.2` → `"0.3"`, `1/3` → `"0.333333333333333"`).
pub fn general(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let mag = v.abs().log10().floor() as i32;
    let r = round_dp(v, 14 - mag);
    let s = format!("{r}");
    if s.contains('e') {
        return s;
    }
    s
}

/// Compares two numbers as spreadsheets' `=` and `<` do: numbers that
/// differ only beyond their 15th significant digit are equal, so
/// `0.1+0.2=0.3` is TRUE (Excel and LibreOffice agree; found by the
/// LibreOffice oracle in tests/sheets). Like LibreOffice's `approxEqual`:
/// within 2⁻⁴⁴ relative and the same 15-digit decimal form.
pub fn num_cmp(x: f64, y: f64) -> Ordering {
    if x == y {
        return Ordering::Equal;
    }
    let d = (x - y).abs();
    let close = x != 0.0
        && y != 0.0
        && d.is_finite()
        && d <= x.abs() * 2f64.powi(-44)
        && d <= y.abs() * 2f64.powi(-44)
        && format!("{x:.14e}") == format!("{y:.14e}");
    if close {
        Ordering::Equal
    } else {
        x.partial_cmp(&y).unwrap_or(Ordering::Equal)
    }
}

/// Type rank in Excel comparisons: numbers < text < logicals.
fn rank(v: &Value) -> u8 {
    match v {
        Value::Number(_) | Value::Blank => 0,
        Value::Text(_) => 1,
        Value::Bool(_) => 2,
        Value::Error(_) => 3,
    }
}

/// Compares two values as Excel's `=`/`<` do. A blank takes the other side's
/// type (0, "" or FALSE); text compares case-insensitively.
pub fn compare(a: &Value, b: &Value) -> Result<Ordering, ErrorKind> {
    if let Value::Error(e) = a {
        return Err(*e);
    }
    if let Value::Error(e) = b {
        return Err(*e);
    }
    let blank_as = |other: &Value| match other {
        Value::Text(_) => Value::Text(String::new()),
        Value::Bool(_) => Value::Bool(false),
        _ => Value::Number(0.0),
    };
    let a2 = if *a == Value::Blank {
        blank_as(b)
    } else {
        a.clone()
    };
    let b2 = if *b == Value::Blank {
        blank_as(a)
    } else {
        b.clone()
    };
    let (ra, rb) = (rank(&a2), rank(&b2));
    if ra != rb {
        return Ok(ra.cmp(&rb));
    }
    Ok(match (&a2, &b2) {
        (Value::Number(x), Value::Number(y)) => num_cmp(*x, *y),
        (Value::Text(x), Value::Text(y)) => x.to_lowercase().cmp(&y.to_lowercase()),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        _ => Ordering::Equal,
    })
}
