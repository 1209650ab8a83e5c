//! Spreadsheet functions with Excel's semantics.
//!
//! Aggregates over ranges (whole columns, array constants) count numbers only
//! and skip text, logicals and blanks; an error in a range propagates (COUNT
//! skips it). Scalar arguments are coerced (TRUE → 1, numeric text → number).
//! Deliberate differences from Excel are listed in `docs/FORMULAS.md`.

use super::value::{compare, general, num, ErrorKind, Value};
use crate::model::round::round_dp;
use crate::model::stats;
use std::cmp::Ordering;
use std::rc::Rc;

/// An evaluated argument.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Scalar(Value),
    /// A whole column or an array constant.
    Range(Rc<Vec<Value>>),
}

macro_rules! funcs {
    ($($v:ident => $name:literal, $min:expr, $max:expr;)*) => {
        /// A known function.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Func { $($v),* }
        impl Func {
            /// Every function, for autocomplete.
            pub const ALL: &'static [Func] = &[$(Func::$v),*];
            /// The canonical (upper-case) name.
            pub fn name(self) -> &'static str { match self { $(Func::$v => $name),* } }
            /// Minimum and maximum argument counts (`None`: any number).
            pub fn arity(self) -> (usize, Option<usize>) { match self { $(Func::$v => ($min, $max)),* } }
        }
    };
}

funcs! {
    If => "IF", 2, Some(3);
    Ifs => "IFS", 2, None;
    IfError => "IFERROR", 2, Some(2);
    And => "AND", 1, None;
    Or => "OR", 1, None;
    Not => "NOT", 1, Some(1);
    Abs => "ABS", 1, Some(1);
    Round => "ROUND", 2, Some(2);
    RoundUp => "ROUNDUP", 2, Some(2);
    RoundDown => "ROUNDDOWN", 2, Some(2);
    Int => "INT", 1, Some(1);
    Mod => "MOD", 2, Some(2);
    Power => "POWER", 2, Some(2);
    Sqrt => "SQRT", 1, Some(1);
    Min => "MIN", 1, None;
    Max => "MAX", 1, None;
    Sum => "SUM", 1, None;
    Average => "AVERAGE", 1, None;
    Median => "MEDIAN", 1, None;
    Count => "COUNT", 1, None;
    StdevP => "STDEV.P", 1, None;
    StdevS => "STDEV.S", 1, None;
    PercentileInc => "PERCENTILE.INC", 2, Some(2);
    RankEq => "RANK.EQ", 2, Some(3);
    PercentRankInc => "PERCENTRANK.INC", 2, Some(3);
    Lookup => "LOOKUP", 2, Some(3);
    XLookup => "XLOOKUP", 3, Some(6);
    Choose => "CHOOSE", 2, None;
    Text => "TEXT", 2, Some(2);
}

impl Func {
    /// Looks a name up (case-insensitive), accepting Excel's older spellings.
    pub fn from_name(name: &str) -> Option<Func> {
        let n = name.to_ascii_uppercase();
        let alias = match n.as_str() {
            "STDEVP" => Some(Func::StdevP),
            "STDEV" => Some(Func::StdevS),
            "PERCENTILE" => Some(Func::PercentileInc),
            "RANK" => Some(Func::RankEq),
            "PERCENTRANK" => Some(Func::PercentRankInc),
            _ => None,
        };
        alias.or_else(|| Func::ALL.iter().copied().find(|f| f.name() == n))
    }

    /// Whether argument `i` takes a range, so a plain `[column]` there means
    /// the whole column (Excel's structured-reference semantics).
    pub fn is_range_arg(self, i: usize) -> bool {
        match self {
            Func::Min
            | Func::Max
            | Func::Sum
            | Func::Average
            | Func::Median
            | Func::Count
            | Func::StdevP
            | Func::StdevS
            | Func::And
            | Func::Or => true,
            Func::PercentileInc | Func::PercentRankInc => i == 0,
            Func::RankEq => i == 1,
            Func::Lookup | Func::XLookup => i == 1 || i == 2,
            _ => false,
        }
    }

    /// Evaluated lazily by the evaluator (not through [`call`]).
    pub fn is_lazy(self) -> bool {
        matches!(self, Func::If | Func::Ifs | Func::IfError | Func::Choose)
    }
}

type R = Result<Value, ErrorKind>;

fn scalar(a: Option<&Arg>) -> Result<Value, ErrorKind> {
    match a {
        Some(Arg::Scalar(Value::Error(e))) => Err(*e),
        Some(Arg::Scalar(v)) => Ok(v.clone()),
        // A range where one value is needed: Excel's implicit intersection has
        // no meaning here, so it is a #VALUE! error.
        Some(Arg::Range(_)) => Err(ErrorKind::Value),
        None => Ok(Value::Blank),
    }
}

fn number(a: Option<&Arg>) -> Result<f64, ErrorKind> {
    scalar(a)?.to_number()
}

/// Numbers for an aggregate. `count` mode skips errors and non-numeric text.
fn numbers(args: &[Arg], count: bool) -> Result<Vec<f64>, ErrorKind> {
    let mut out = Vec::new();
    for a in args {
        match a {
            Arg::Range(vs) => {
                for v in vs.iter() {
                    match v {
                        Value::Number(n) => out.push(*n),
                        Value::Error(e) if !count => return Err(*e),
                        _ => {}
                    }
                }
            }
            Arg::Scalar(v) => match v {
                Value::Number(n) => out.push(*n),
                Value::Bool(b) => out.push(if *b { 1.0 } else { 0.0 }),
                Value::Blank => {}
                Value::Text(t) => match super::value::text_to_number(t) {
                    Some(n) => out.push(n),
                    None if count => {}
                    None => return Err(ErrorKind::Value),
                },
                Value::Error(e) if !count => return Err(*e),
                Value::Error(_) => {}
            },
        }
    }
    Ok(out)
}

fn values(a: Option<&Arg>) -> Result<Rc<Vec<Value>>, ErrorKind> {
    match a {
        Some(Arg::Range(v)) => Ok(v.clone()),
        Some(Arg::Scalar(Value::Error(e))) => Err(*e),
        Some(Arg::Scalar(v)) => Ok(Rc::new(vec![v.clone()])),
        None => Err(ErrorKind::Value),
    }
}

fn stdev(xs: &[f64], sample: bool) -> R {
    stats::sd(xs, sample).map(num).ok_or(ErrorKind::Div0)
}

/// Sorted copy, ascending.
fn sorted(mut xs: Vec<f64>) -> Vec<f64> {
    crate::model::order::sort_f64(&mut xs, false);
    xs
}

fn percentile_inc(xs: &[f64], k: f64) -> R {
    if xs.is_empty() || !(0.0..=1.0).contains(&k) {
        return Err(ErrorKind::Num);
    }
    Ok(num(stats::percentile_inc(&sorted(xs.to_vec()), k)))
}

/// MEDIAN of ascending-sorted numbers.
pub fn median_sorted(s: &[f64]) -> R {
    let n = s.len();
    if n == 0 {
        return Err(ErrorKind::Num);
    }
    let hi = s.get(n / 2).copied().ok_or(ErrorKind::Num)?;
    if n % 2 == 1 {
        Ok(num(hi))
    } else {
        let lo = s.get(n / 2 - 1).copied().ok_or(ErrorKind::Num)?;
        Ok(num((lo + hi) / 2.0))
    }
}

/// RANK.EQ on an ascending-sorted column: 1 + the count of values better
/// than `x`; ties share the best rank. `#N/A` when `x` is not in the column.
pub fn rank_eq(sorted_asc: &[f64], x: f64, ascending: bool) -> R {
    let lo = sorted_asc.partition_point(|v| *v < x);
    // The values equal to x follow lo; ties are usually few, so the end of
    // the run is found by galloping from lo rather than a second search of
    // the whole column.
    let rest = sorted_asc.get(lo..).unwrap_or(&[]);
    let mut step = 1;
    while rest.get(step).is_some_and(|v| *v <= x) {
        step *= 2;
    }
    let bound = (step + 1).min(rest.len());
    let hi = lo
        + rest
            .get(..bound)
            .unwrap_or(&[])
            .partition_point(|v| *v <= x);
    if lo == hi {
        return Err(ErrorKind::NA);
    }
    let r = if ascending {
        lo + 1
    } else {
        sorted_asc.len() - hi + 1
    };
    Ok(Value::Number(r as f64))
}

/// 10⁰ … 10²², each exact in `f64` (a `powf` per row cost more than the
/// rest of PERCENTRANK.INC in wasm).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// PERCENTRANK.INC on an ascending-sorted column, truncated to `sig` digits.
pub fn percentrank_inc(sorted_asc: &[f64], x: f64, sig: f64) -> R {
    let n = sorted_asc.len();
    let sig = sig.trunc();
    if n == 0 || sig < 1.0 {
        return Err(if n == 0 {
            ErrorKind::NA
        } else {
            ErrorKind::Num
        });
    }
    let (first, last) = match (sorted_asc.first(), sorted_asc.last()) {
        (Some(f), Some(l)) => (*f, *l),
        _ => return Err(ErrorKind::NA),
    };
    if x < first || x > last {
        return Err(ErrorKind::NA);
    }
    if n == 1 {
        return Ok(Value::Number(1.0));
    }
    let below = sorted_asc.partition_point(|v| *v < x);
    let exact = sorted_asc.get(below).is_some_and(|v| *v == x);
    let p = if exact {
        below as f64 / (n - 1) as f64
    } else {
        // Interpolate between the neighbours below and above x.
        let lo_v = sorted_asc
            .get(below.saturating_sub(1))
            .copied()
            .unwrap_or(first);
        let hi_v = sorted_asc.get(below).copied().unwrap_or(last);
        let lo_p = (below - 1) as f64 / (n - 1) as f64;
        let hi_p = below as f64 / (n - 1) as f64;
        lo_p + (x - lo_v) / (hi_v - lo_v) * (hi_p - lo_p)
    };
    Ok(truncate_sig(p, sig))
}

/// PERCENTRANK.INC of a value that is in the column: `below` values of the
/// `n` are smaller (the whole-column path, which finds `below` by walking
/// the column's order instead of searching per row). The same steps and
/// arithmetic as [`percentrank_inc`] for such a value.
pub fn percentrank_member(n: usize, below: usize, sig: f64) -> R {
    let sig = sig.trunc();
    if n == 0 {
        return Err(ErrorKind::NA);
    }
    if sig < 1.0 {
        return Err(ErrorKind::Num);
    }
    if n == 1 {
        return Ok(Value::Number(1.0));
    }
    Ok(truncate_sig(below as f64 / (n - 1) as f64, sig))
}

/// Truncates (not rounds) `p` to `sig` decimals, as Excel does. The tiny
/// relative nudge keeps binary noise (0.58 × 1000 = 579.9999…) from
/// dropping a digit, without a decimal round trip per row.
fn truncate_sig(p: f64, sig: f64) -> Value {
    let f = POW10
        .get(sig as usize)
        .copied()
        .unwrap_or_else(|| 10f64.powf(sig));
    num((p * f * (1.0 + 1e-12)).floor() / f)
}

fn round_dir(x: f64, digits: f64, up: bool) -> R {
    let d = digits.trunc() as i32;
    let f = 10f64.powi(d);
    // Remove float noise before choosing the direction (2.3*100 = 229.99999…).
    let scaled = round_dp(x * f, 9);
    let r = if up {
        scaled.abs().ceil()
    } else {
        scaled.abs().trunc()
    };
    Ok(num(round_dp(r.copysign(x) / f, d.max(0))))
}

/// LOOKUP (vector form, approximate): the last position whose value is ≤ the
/// sought one, among values of the same type. For ascending data this is
/// exactly Excel's result; Excel's binary search on unsorted data is not
/// reproduced (see docs/FORMULAS.md).
fn lookup(x: &Value, keys: &[Value], results: &[Value]) -> R {
    let mut found = None;
    for (i, k) in keys.iter().enumerate() {
        let same_type = matches!(
            (x, k),
            (Value::Number(_), Value::Number(_))
                | (Value::Text(_), Value::Text(_))
                | (Value::Bool(_), Value::Bool(_))
        );
        if same_type && compare(k, x)? != Ordering::Greater {
            found = Some(i);
        }
    }
    let i = found.ok_or(ErrorKind::NA)?;
    results.get(i).cloned().ok_or(ErrorKind::NA)
}

fn xlookup(
    x: &Value,
    keys: &[Value],
    results: &[Value],
    if_nf: Option<Value>,
    mode: f64,
    search: f64,
) -> R {
    if keys.len() != results.len() {
        return Err(ErrorKind::Value);
    }
    let mode = mode.trunc() as i64;
    if !matches!(mode, -1..=1) {
        return Err(ErrorKind::Value);
    }
    let idx: Vec<usize> = if search < 0.0 {
        (0..keys.len()).rev().collect()
    } else {
        (0..keys.len()).collect()
    };
    let mut best: Option<usize> = None;
    for i in idx {
        let Some(k) = keys.get(i) else { continue };
        if matches!(k, Value::Blank) {
            continue;
        }
        let ord = match compare(k, x) {
            Ok(o) => o,
            Err(_) => continue,
        };
        if ord == Ordering::Equal {
            best = Some(i);
            break;
        }
        let better = |b: usize| keys.get(b).and_then(|bv| compare(k, bv).ok());
        match (mode, ord) {
            (-1, Ordering::Less) if best.is_none_or(|b| better(b) == Some(Ordering::Greater)) => {
                best = Some(i)
            }
            (1, Ordering::Greater) if best.is_none_or(|b| better(b) == Some(Ordering::Less)) => {
                best = Some(i)
            }
            _ => {}
        }
    }
    match best {
        Some(i) => results.get(i).cloned().ok_or(ErrorKind::NA),
        None => if_nf.ok_or(ErrorKind::NA),
    }
}

/// TEXT(value, format) for number formats: `0`, `0.00`, `#,##0.0`, `0%`,
/// `0.0%`, with literal prefix/suffix (`¥#,##0.00`, `0.0"分"`). Date formats
/// are not supported (`#VALUE!`).
fn text_fmt(v: f64, fmt: &str) -> R {
    let is_ph = |c: char| matches!(c, '0' | '#' | '.' | ',');
    let first = fmt.find(is_ph);
    let last = fmt.rfind(['0', '#']);
    let (Some(first), Some(last)) = (first, last) else {
        return if fmt
            .chars()
            .any(|c| matches!(c, 'y' | 'Y' | 'd' | 'D' | 'h' | 'H' | 's' | 'S'))
        {
            Err(ErrorKind::Value)
        } else {
            Ok(Value::Text(fmt.replace('"', "")))
        };
    };
    let prefix = fmt.get(..first).unwrap_or("").replace('"', "");
    let core = fmt.get(first..=last).unwrap_or("");
    let suffix = fmt.get(last + 1..).unwrap_or("").replace('"', "");
    let percent = suffix.contains('%') || prefix.contains('%');
    let decimals = core
        .split_once('.')
        .map(|(_, d)| d.chars().filter(|c| *c == '0' || *c == '#').count())
        .unwrap_or(0);
    let grouping = core.contains(',');
    let x = if percent { v * 100.0 } else { v };
    // The sign goes before any literal prefix (`-¥5.10`, as Excel), and
    // only when a non-zero digit shows.
    let negative = x < 0.0;
    let x = x.abs();
    let body = if grouping {
        crate::model::unit::format_grouped(x, decimals)
    } else {
        format!(
            "{:.*}",
            decimals,
            round_dp(x, i32::try_from(decimals).unwrap_or(0))
        )
    };
    let sign = if negative && body.chars().any(|c| matches!(c, '1'..='9')) {
        "-"
    } else {
        ""
    };
    Ok(Value::Text(format!("{sign}{prefix}{body}{suffix}")))
}

/// Calls an eager function on evaluated arguments. Lazy ones (IF, IFS,
/// IFERROR, CHOOSE) are handled by the evaluator.
pub fn call(f: Func, args: &[Arg]) -> Value {
    call_r(f, args).unwrap_or_else(Value::Error)
}

fn call_r(f: Func, args: &[Arg]) -> R {
    let a0 = args.first();
    let a1 = args.get(1);
    let a2 = args.get(2);
    match f {
        Func::Not => Ok(Value::Bool(!scalar(a0)?.to_bool()?)),
        Func::And | Func::Or => {
            let mut seen = false;
            let mut acc = f == Func::And;
            for a in args {
                let vals: Vec<Value> = match a {
                    Arg::Range(vs) => vs
                        .iter()
                        .filter(|v| {
                            matches!(v, Value::Number(_) | Value::Bool(_) | Value::Error(_))
                        })
                        .cloned()
                        .collect(),
                    Arg::Scalar(Value::Blank) => Vec::new(),
                    Arg::Scalar(v) => vec![v.clone()],
                };
                for v in vals {
                    let b = v.to_bool()?;
                    seen = true;
                    acc = if f == Func::And { acc && b } else { acc || b };
                }
            }
            if seen {
                Ok(Value::Bool(acc))
            } else {
                Err(ErrorKind::Value)
            }
        }
        Func::Abs => Ok(num(number(a0)?.abs())),
        Func::Int => Ok(num(number(a0)?.floor())),
        Func::Sqrt => {
            let x = number(a0)?;
            if x < 0.0 {
                Err(ErrorKind::Num)
            } else {
                Ok(num(x.sqrt()))
            }
        }
        Func::Power => pow(number(a0)?, number(a1)?),
        Func::Mod => {
            let (n, d) = (number(a0)?, number(a1)?);
            if d == 0.0 {
                return Err(ErrorKind::Div0);
            }
            Ok(num(n - d * (n / d).floor()))
        }
        Func::Round => {
            let d = number(a1)?.trunc() as i32;
            Ok(num(round_dp(number(a0)?, d)))
        }
        Func::RoundUp => round_dir(number(a0)?, number(a1)?, true),
        Func::RoundDown => round_dir(number(a0)?, number(a1)?, false),
        Func::Sum => Ok(num(numbers(args, false)?.iter().sum())),
        Func::Count => Ok(Value::Number(numbers(args, true)?.len() as f64)),
        Func::Average => stats::mean(&numbers(args, false)?)
            .map(num)
            .ok_or(ErrorKind::Div0),
        Func::Min | Func::Max => {
            let xs = numbers(args, false)?;
            let v = if f == Func::Min {
                xs.iter().copied().fold(f64::INFINITY, f64::min)
            } else {
                xs.iter().copied().fold(f64::NEG_INFINITY, f64::max)
            };
            Ok(if xs.is_empty() {
                Value::Number(0.0)
            } else {
                num(v)
            })
        }
        Func::Median => median_sorted(&sorted(numbers(args, false)?)),
        Func::StdevP => stdev(&numbers(args, false)?, false),
        Func::StdevS => stdev(&numbers(args, false)?, true),
        Func::PercentileInc => {
            percentile_inc(&numbers(args.get(..1).unwrap_or(&[]), false)?, number(a1)?)
        }
        Func::RankEq => {
            let x = number(a0)?;
            let s = sorted(numbers(
                std::slice::from_ref(a1.ok_or(ErrorKind::Value)?),
                false,
            )?);
            let asc = match a2 {
                Some(a) => scalar(Some(a))?.to_number()? != 0.0,
                None => false,
            };
            rank_eq(&s, x, asc)
        }
        Func::PercentRankInc => {
            let s = sorted(numbers(
                std::slice::from_ref(a0.ok_or(ErrorKind::Value)?),
                false,
            )?);
            let sig = match a2 {
                Some(a) => scalar(Some(a))?.to_number()?,
                None => 3.0,
            };
            percentrank_inc(&s, number(a1)?, sig)
        }
        Func::Lookup => {
            let x = scalar(a0)?;
            let keys = values(a1)?;
            let res = match a2 {
                Some(_) => values(a2)?,
                None => keys.clone(),
            };
            lookup(&x, &keys, &res)
        }
        Func::XLookup => {
            let x = scalar(a0)?;
            let keys = values(a1)?;
            let res = values(a2)?;
            // An omitted (blank) optional argument takes its default.
            let opt = |i: usize| -> Result<Option<Value>, ErrorKind> {
                match args.get(i) {
                    Some(a) => Ok(Some(scalar(Some(a))?).filter(|v| *v != Value::Blank)),
                    None => Ok(None),
                }
            };
            let nf = opt(3)?;
            let mode = match opt(4)? {
                Some(v) => v.to_number()?,
                None => 0.0,
            };
            let search = match opt(5)? {
                Some(v) => v.to_number()?,
                None => 1.0,
            };
            xlookup(&x, &keys, &res, nf, mode, search)
        }
        Func::Text => {
            let v = scalar(a0)?;
            let fmt = scalar(a1)?.to_text()?;
            match v.to_number() {
                Ok(x) => text_fmt(x, &fmt),
                Err(_) => Ok(Value::Text(v.to_text()?)),
            }
        }
        Func::If | Func::Ifs | Func::IfError | Func::Choose => Err(ErrorKind::Value),
    }
}

/// `a ^ b` with Excel's errors: 0^0 and roots of negatives are #NUM!, 0^-n is #DIV/0!.
pub fn pow(a: f64, b: f64) -> R {
    if a == 0.0 && b == 0.0 {
        return Err(ErrorKind::Num);
    }
    if a == 0.0 && b < 0.0 {
        return Err(ErrorKind::Div0);
    }
    if a < 0.0 && b.fract() != 0.0 {
        return Err(ErrorKind::Num);
    }
    Ok(num(a.powf(b)))
}

/// Text for `&`: numbers in Excel's General format.
pub fn concat_text(v: &Value) -> Result<String, ErrorKind> {
    match v {
        Value::Number(n) => Ok(general(*n)),
        other => other.to_text(),
    }
}
