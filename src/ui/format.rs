//! Money and percentages as the UI shows them: one place, so every
//! workspace writes ¥ and % the same way.

use crate::model::unit::format_grouped;

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
