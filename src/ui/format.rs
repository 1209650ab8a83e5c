//! Money and percentages as the UI shows them: one place, so every
//! workspace writes ¥ and % the same way.

use crate::i18n::{Lang, Msg};
use crate::model::unit::{format_grouped, format_value, Unit};

/// Yuan as shown: grouped, no decimals unless the model pays cents.
pub fn money(v: f64, cents: bool) -> String {
    let s = format_grouped(v, if cents { 2 } else { 0 });
    if v < 0.0 {
        format!("-¥{}", s.trim_start_matches('-'))
    } else {
        format!("¥{s}")
    }
}

/// Money with its sign (`+¥100`, `-¥50`).
pub fn signed_money(v: f64, cents: bool) -> String {
    if v > 0.0 {
        format!("+{}", money(v, cents))
    } else {
        money(v, cents)
    }
}

/// A fraction as a percentage with one decimal (`0.125` → `12.5%`).
pub fn pct(v: f64) -> String {
    format!("{}%", format_grouped(v * 100.0, 1))
}

/// A value with its unit spelled out, for moves and steps: `1 天`/`1 day`,
/// `2 分`/`2 pts`, `32.5秒`, `¥1,234.50`, `2.00%`.
pub fn with_unit(v: f64, unit: Unit, lang: Lang) -> String {
    let n = format_value(v, unit, lang);
    match unit {
        Unit::Days if (v - 1.0).abs() < f64::EPSILON => Msg::FmtDay.fill(lang, &[n]),
        Unit::Days => Msg::FmtDays.fill(lang, &[n]),
        Unit::Points => Msg::FmtPoints.fill(lang, &[n]),
        _ => n,
    }
}

/// A move of `v` in `unit` with its sign and unit: `+2 个百分点` / `+2 pp`
/// for a share, `−1 天` / `−1 day`, `+5秒`.
pub fn signed_move(v: f64, unit: Unit, lang: Lang) -> String {
    let sign = if v < 0.0 { "−" } else { "+" };
    match unit {
        Unit::Percent => Msg::CliffStepPp.fill(
            lang,
            &[
                sign.into(),
                crate::model::formula::value::general(v.abs() * 100.0),
            ],
        ),
        _ => format!("{sign}{}", with_unit(v.abs(), unit, lang)),
    }
}

/// Names joined as a list in `lang` (`、` in Chinese, `, ` in English).
pub fn list(names: &[String], lang: Lang) -> String {
    names.join(match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    })
}

/// A number for a working line: grouped, up to `dp` decimals, trailing zeros
/// dropped (`1,234.5`, `3`). Non-finite values are the caller's to word.
pub fn trimmed(v: f64, dp: usize) -> String {
    let s = format_grouped(v, dp);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}
