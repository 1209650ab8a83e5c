//! Decimal rounding, half away from zero, as spreadsheets do it.
//!
//! Binary floats hold 1.005 as 1.00499999999999989…, so multiplying and
//! calling `f64::round` gives 1.00 where Excel gives 1.01. Excel rounds the
//! value as it shows it, to 15 significant digits; this module does the same
//! on the decimal string, so `round_dp(1.005, 2) == 1.01` and
//! `round_dp(77.25, 1) == 77.3`. Money is rounded only through here.

/// Rounds `v` to `dp` decimal places, half away from zero, on the value's
/// 15-significant-digit decimal form. Non-finite values are returned as is.
pub fn round_dp(v: f64, dp: i32) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return if v == 0.0 { 0.0 } else { v };
    }
    let s = format!("{:.14e}", v.abs());
    let Some((mant, exp)) = s.split_once('e') else {
        return v;
    };
    let Ok(exp) = exp.parse::<i32>() else {
        return v;
    };
    // 15 digits d0.d1…d14 × 10^exp; the digit at index k has weight 10^(exp−k).
    let mut digits: Vec<u8> = mant
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    // Keep digits with weight ≥ 10^(−dp): indices 0..=exp+dp.
    let keep = exp + dp + 1;
    let sign = if v < 0.0 { -1.0 } else { 1.0 };
    if keep >= digits.len() as i32 {
        // Finer than 15 significant digits: the 15-digit form itself.
        return sign * s.parse::<f64>().unwrap_or(v.abs());
    }
    if keep < 0 {
        return 0.0;
    }
    let keep = keep as usize;
    let round_up = digits.get(keep).is_some_and(|d| *d >= 5);
    digits.truncate(keep);
    let mut exp = exp;
    if round_up {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, 1);
                exp += 1;
                break;
            }
            i -= 1;
            if let Some(d) = digits.get_mut(i) {
                if *d == 9 {
                    *d = 0;
                } else {
                    *d += 1;
                    break;
                }
            }
        }
    }
    if digits.is_empty() {
        return 0.0;
    }
    let text: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
    let out: f64 = format!("0.{text}e{}", exp + 1).parse().unwrap_or(v.abs());
    sign * out
}

#[cfg(test)]
mod tests {
    use super::round_dp;

    #[test]
    fn half_away_from_zero_on_the_shown_decimal() {
        let cases: &[(f64, i32, f64)] = &[
            (1.005, 2, 1.01),
            (77.25, 1, 77.3),
            (77.24, 1, 77.2),
            (-2.5, 0, -3.0),
            (2.5, 0, 3.0),
            (0.5, 0, 1.0),
            (0.4, 0, 0.0),
            (9.995, 2, 10.0),
            (999.5, 0, 1000.0),
            (1234.0, -1, 1230.0),
            (1235.0, -1, 1240.0),
            (1250.0, -2, 1300.0),
            (49.0, -2, 0.0),
            (0.000_4, 3, 0.0),
            (0.000_5, 3, 0.001),
            (2050.0, 0, 2050.0),
            (1e20, 2, 1e20),
            (0.1 + 0.2, 2, 0.3),
            (0.1 + 0.2, 17, 0.3), // beyond 15 significant digits: the 15-digit form
        ];
        for (v, dp, want) in cases {
            assert_eq!(round_dp(*v, *dp), *want, "round_dp({v}, {dp})");
        }
    }
}
