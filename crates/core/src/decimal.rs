//! A decimal number read as an `f64` without the standard library's float parser, whose
//! table of powers (10 KB that gzip cannot shrink) would be most of what the parse worker
//! spends on numbers.
//!
//! The result is the nearest `f64` (as `str::parse` gives) whenever the number has at most
//! 19 significant digits and either no more than 21 digits after the point or a whole value
//! below 2^128: every number a trial page writes. Longer or more extreme ones are rounded
//! more than once and may be a few units in the last place away.

/// The value of `text`: an optional sign, digits with an optional `.` among them (at least
/// one digit), and an optional exponent (`e`, an optional sign, digits). `None` for
/// anything else, `inf` and `NaN` included.
pub(crate) fn parse_f64(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    let mut i = 0;
    let negative = sign(b, &mut i);
    let mut mantissa: u64 = 0;
    let mut kept = 0; // significant digits in `mantissa`
    let mut scale: i64 = 0; // the value is mantissa × 10^scale (before the exponent)
    let mut any_digit = false;
    let mut point = false;
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => {
                any_digit = true;
                if kept < 19 {
                    if mantissa > 0 || c != b'0' {
                        kept += 1;
                    }
                    mantissa = mantissa * 10 + u64::from(c - b'0');
                    if point {
                        scale -= 1;
                    }
                } else if !point {
                    scale += 1; // a dropped whole digit
                }
            }
            b'.' if !point => point = true,
            _ => break,
        }
        i += 1;
    }
    if !any_digit {
        return None;
    }
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        let minus = sign(b, &mut i);
        let start = i;
        let mut exponent: i64 = 0;
        while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
            exponent = (exponent * 10 + i64::from(c - b'0')).min(100_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        scale += if minus { -exponent } else { exponent };
    }
    if i != b.len() {
        return None;
    }
    let magnitude = magnitude(mantissa, scale);
    Some(if negative { -magnitude } else { magnitude })
}

/// Steps over a `+` or `-` at `b[*i]`: whether it was a `-`.
fn sign(b: &[u8], i: &mut usize) -> bool {
    match b.get(*i) {
        Some(&c @ (b'-' | b'+')) => {
            *i += 1;
            c == b'-'
        }
        _ => false,
    }
}

/// `mantissa × 10^scale`, rounded to the nearest `f64` where the module's note says.
fn magnitude(mantissa: u64, scale: i64) -> f64 {
    if mantissa == 0 {
        return 0.0;
    }
    if scale >= 0 {
        let whole = u32::try_from(scale)
            .ok()
            .and_then(|s| 10u128.checked_pow(s))
            .and_then(|power| u128::from(mantissa).checked_mul(power));
        return match whole {
            // An integer to a float rounds to the nearest.
            Some(whole) => whole as f64,
            None => approximate(mantissa, scale),
        };
    }
    let places = scale.unsigned_abs();
    if places > 21 {
        return approximate(mantissa, scale);
    }
    // mantissa / 10^places with at least 56 bits of quotient, the remainder kept as a
    // sticky bit, so that the one rounding to 53 bits is the right one.
    let divisor = 10u128.pow(places as u32);
    let shift = 127 - (64 - mantissa.leading_zeros());
    let scaled = u128::from(mantissa) << shift;
    let quotient = (scaled / divisor) | u128::from(scaled % divisor != 0);
    quotient as f64 * 2f64.powi(-(shift as i32))
}

/// `mantissa × 10^scale` in steps of 10^22 (the largest power of ten a float holds
/// exactly), each rounded: a few units in the last place at worst.
fn approximate(mantissa: u64, scale: i64) -> f64 {
    const STEP: f64 = 1e22;
    let mut value = mantissa as f64;
    let mut scale = scale;
    while scale > 22 && value.is_finite() {
        value *= STEP;
        scale -= 22;
    }
    while scale < -22 && value != 0.0 {
        value /= STEP;
        scale += 22;
    }
    let power = 10f64.powi(scale.clamp(-22, 22).abs() as i32);
    if scale >= 0 {
        value * power
    } else {
        value / power
    }
}

#[cfg(test)]
mod tests {
    use super::parse_f64;
    use proptest::prelude::*;

    #[test]
    fn numbers_as_pages_write_them() {
        for (text, value) in [
            ("18", 18.0),
            ("-5", -5.0),
            ("+2.5", 2.5),
            ("0.05", 0.05),
            (".5", 0.5),
            ("5.", 5.0),
            ("1e3", 1000.0),
            ("2.5E-3", 0.0025),
            ("000120", 120.0),
            ("0", 0.0),
            ("1e999", f64::INFINITY),
            ("1e-999", 0.0),
        ] {
            assert_eq!(parse_f64(text), Some(value), "{text}");
        }
        for bad in [
            "", "-", ".", "e5", "1e", "1.2.3", "1,5", "inf", "NaN", "12a", " 1",
        ] {
            assert_eq!(parse_f64(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn long_numbers_are_near() {
        for text in [
            "3.14159265358979323846264338327950288",
            "123456789012345678901234567890",
            "0.000000000000000000000000123456789",
            "1.7976931348e308",
            "2.5e-300",
            "7e-30",
        ] {
            let ours = parse_f64(text).unwrap();
            let std: f64 = text.parse().unwrap();
            assert!(
                (ours - std).abs() <= std.abs() * 1e-15,
                "{text}: {ours} vs {std}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        /// Up to 19 significant digits and 21 places: the nearest float, as the standard
        /// library's parser gives.
        #[test]
        fn the_nearest_float_as_std_gives(
            whole in "[0-9]{0,10}",
            zeros in "0{0,12}",
            fraction in "[0-9]{1,9}",
            sign in "[-+]?",
        ) {
            // Leading zeros after the point only for a number below one: 19 digits at most.
            let zeros = if whole.trim_start_matches('0').is_empty() { zeros } else { String::new() };
            let text = format!("{sign}{whole}.{zeros}{fraction}");
            let std: f64 = text.parse().unwrap();
            prop_assert_eq!(parse_f64(&text).map(f64::to_bits), Some(std.to_bits()), "{}", text);
        }

        #[test]
        fn with_an_exponent_too(mantissa in 1u64..10_000_000_000_000_000_000, exponent in -30i32..20) {
            let text = format!("{mantissa}e{exponent}");
            let std: f64 = text.parse().unwrap();
            let digits = mantissa.to_string().len() as i32;
            if -exponent <= 21 {
                prop_assert_eq!(parse_f64(&text).map(f64::to_bits), Some(std.to_bits()), "{}", text);
            } else {
                prop_assert!((parse_f64(&text).unwrap() - std).abs() <= std * 1e-15, "{} {}", text, digits);
            }
        }
    }
}
