//! A number as a criterion writes it, read as it means it: "1.5", "100,000" and "100 000"
//! (thousands), "1,5" (a European decimal comma), "50.000" before a count's unit (a European
//! thousands point), "1.500,5" and "1,500.5".

/// The most digits a number may have: longer runs are not a threshold (and would not be exact).
const MAX_DIGITS: usize = 12;

/// The value of the number token `raw`. `count` says that a cell count's unit follows, where a
/// point before exactly three digits ("50.000/mm3") separates thousands. `None` when it is no
/// number or too long to be one.
pub(crate) fn parse_number(raw: &str, count: bool) -> Option<f64> {
    let raw: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if raw.bytes().filter(u8::is_ascii_digit).count() > MAX_DIGITS {
        return None;
    }
    let commas = raw.matches(',').count();
    let points = raw.matches('.').count();
    let digits_after = |sep: char| {
        raw.rfind(sep).map_or(0, |at| {
            raw[at + 1..].bytes().take_while(u8::is_ascii_digit).count()
        })
    };
    let plain: String = match (commas, points) {
        (0, 0) => raw.clone(),
        // Both: the last one written is the decimal separator.
        (_, _) if commas > 0 && points > 0 => {
            if raw.rfind(',') < raw.rfind('.') {
                // "1,500.5": commas group thousands.
                raw.replace(',', "")
            } else {
                // "1.500,5": points group thousands, the comma is the decimal.
                raw.replace('.', "").replace(',', ".")
            }
        }
        (1, 0) => {
            let before = raw.find(',').unwrap_or(0);
            if digits_after(',') == 3 && before <= 3 && !raw.starts_with('0') {
                raw.replace(',', "")
            } else {
                raw.replace(',', ".")
            }
        }
        (_, 0) => raw.replace(',', ""),
        (0, 1) => {
            let before = raw.find('.').unwrap_or(0);
            if count && digits_after('.') == 3 && before <= 3 && !raw.starts_with('0') {
                raw.replace('.', "")
            } else {
                raw
            }
        }
        (0, _) => raw.replace('.', ""),
        _ => return None,
    };
    crate::decimal::parse_f64(&plain).filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn numbers_as_they_are_meant() {
        let cases = [
            ("18", false, Some(18.0)),
            ("1.5", false, Some(1.5)),
            ("1,5", false, Some(1.5)),
            ("0,75", false, Some(0.75)),
            ("100,000", true, Some(100_000.0)),
            ("1,500", true, Some(1500.0)),
            ("100 000", true, Some(100_000.0)),
            ("1.000.000", false, Some(1_000_000.0)),
            ("50.000", true, Some(50_000.0)),
            // Before a unit that is no count, a point is a decimal point.
            ("1.500", false, Some(1.5)),
            ("1,500.5", false, Some(1500.5)),
            ("1.500,5", false, Some(1500.5)),
            ("0,500", false, Some(0.5)),
            ("1234567890123", false, None),
        ];
        for (raw, count, want) in cases {
            assert_eq!(parse_number(raw, count), want, "{raw}");
        }
    }
}
