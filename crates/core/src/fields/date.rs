//! Dates, keeping the precision the page gives: "2013-01-31", "2013-01", "September 1, 2020",
//! "April 2014", "14 Sep 2015", "28/06/2025" → ISO `YYYY[-MM[-DD]]`.

use crate::case::Cased;
use crate::model::enums::DateType;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(['.', ',']).lowercased();
    if w.len() < 3 {
        return None;
    }
    let idx = MONTHS.iter().position(|m| w.starts_with(m))?;
    (w.len() == 3 || MONTH_NAMES[idx].starts_with(w.as_str()) || w == "sept")
        .then_some(idx as u32 + 1)
}

/// The months' English names, lower case, January first.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The years a trial date can fall in; other four-digit numbers are not dates.
const YEARS: std::ops::RangeInclusive<u32> = 1900..=2199;

fn year(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(['.', ',']);
    let y: u32 = (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()?;
    YEARS.contains(&y).then_some(y)
}

/// A day of the month as written in words: "28", "28,", "28th", "1st".
fn day(word: &str) -> Option<u32> {
    let w = word.trim_end_matches([',', '.']);
    let w = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    if w.is_empty() || w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = w.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

/// How many days month `m` of year `y` has.
fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The ISO text of a checked year, month and day.
fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    ((1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d) && YEARS.contains(&y))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The ISO text of a checked year and month.
fn ym(y: u32, m: u32) -> Option<String> {
    ((1..=12).contains(&m) && YEARS.contains(&y)).then(|| format!("{y:04}-{m:02}"))
}

/// Which number comes first in an all-numeric date whose day and month could swap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    /// Only an order the numbers prove (a day over 12, or day and month equal).
    Proven,
    /// Day first (dd/mm/yyyy), as the site is known to print.
    DayFirst,
}

/// An all-numeric date: "2025-06-28", "2025/06/28", "2025.06", "28/06/2025", "06/28/2025",
/// "28.06.2025", "06/2025", "2025-6-8".
fn numeric(text: &str, order: Order) -> Option<String> {
    let sep = text.bytes().find(|b| !b.is_ascii_digit())?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let parts: Vec<&str> = text.split(sep as char).collect();
    let ok = |p: &str, lens: std::ops::RangeInclusive<usize>| {
        lens.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    let n = |p: &str| p.parse::<u32>().ok();
    match parts.as_slice() {
        [y, m, d] if ok(y, 4..=4) && ok(m, 1..=2) && ok(d, 1..=2) => ymd(n(y)?, n(m)?, n(d)?),
        [y, m] if ok(y, 4..=4) && ok(m, 1..=2) => ym(n(y)?, n(m)?),
        [m, y] if ok(m, 1..=2) && ok(y, 4..=4) => ym(n(y)?, n(m)?),
        [a, b, y] if ok(a, 1..=2) && ok(b, 1..=2) && ok(y, 4..=4) => {
            let (a, b, y) = (n(a)?, n(b)?, n(y)?);
            let (d, m) = if a > 12 || a == b || order == Order::DayFirst {
                (a, b)
            } else if b > 12 {
                (b, a)
            } else {
                return None;
            };
            ymd(y, m, d)
        }
        _ => None,
    }
}

/// A date written with a month name: "June 28, 2025", "Jun 28 2025", "28 June 2025",
/// "28-Jun-2025", "June 28th, 2025", "June 2025", "Jun. 2025".
fn named_month(text: &str) -> Option<String> {
    let spaced = text.replace(['-', '/'], " ");
    let words: Vec<&str> = spaced.split_whitespace().collect();
    match words.as_slice() {
        [m, d, y] if month(m).is_some() => ymd(year(y)?, month(m)?, day(d)?),
        [d, m, y] if month(m).is_some() => ymd(year(y)?, month(m)?, day(d)?),
        [m, y] => ym(year(y)?, month(m)?),
        _ => None,
    }
}

/// Cuts a time of day after an ISO date: "2025-06-28T10:00:00Z", "2025-06-28 10:00".
fn without_time(text: &str) -> &str {
    let Some(rest) = text
        .get(10..)
        .filter(|_| numeric(&text[..10], Order::Proven).is_some())
    else {
        return text;
    };
    let time = rest
        .strip_prefix('T')
        .or_else(|| rest.strip_prefix(' '))
        .unwrap_or_default();
    let is_time = time.len() >= 5
        && time.as_bytes()[2] == b':'
        && time
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b':' | b'.' | b'Z' | b'+' | b'-'));
    if is_time {
        &text[..10]
    } else {
        text
    }
}

/// Splits a trailing "(Actual)", "[Estimated]" or "(Anticipated)" off a date.
fn type_tail(text: &str) -> (&str, Option<DateType>) {
    let t = text.trim_end();
    let Some(open) = t.rfind(['(', '[']).filter(|_| t.ends_with([')', ']'])) else {
        return (t, None);
    };
    let kind = match t[open + 1..t.len() - 1].trim().lowercased().as_str() {
        "actual" => DateType::Actual,
        "estimated" | "anticipated" | "expected" => DateType::Estimated,
        _ => return (t, None),
    };
    (t[..open].trim_end(), Some(kind))
}

fn parse_with(text: &str, order: Order) -> Option<String> {
    let text = without_time(text.trim());
    if text.len() == 4 {
        return year(text).map(|y| format!("{y:04}"));
    }
    if text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'/' | b'.'))
    {
        return numeric(text, order);
    }
    named_month(text)
}

/// The ISO form of a date, or `None` when `text` is not a date this parser knows or not a real
/// day ("2025-13-01", "31 February 2025"). All-numeric day/month orders are read only when the
/// numbers prove them ("28/06/2025", "06/28/2025"); "07/12/2015" is ambiguous and gives `None`.
/// A time after an ISO date is dropped ("2025-06-28T10:00:00Z").
pub fn parse_date(text: &str) -> Option<String> {
    parse_with(text, Order::Proven)
}

/// [`parse_date`] for sites known to print dd/mm/yyyy (WHO ICTRP): "07/12/2015" is 7 December.
pub fn parse_date_day_first(text: &str) -> Option<String> {
    parse_with(text, Order::DayFirst)
}

/// [`parse_date`] of a date that may carry its type, as CT.gov's pages print it:
/// "June 2025 (Actual)", "2025-06-28 [Estimated]", "2026-01 (Anticipated)" → the date and its type.
pub fn parse_date_and_type(text: &str) -> Option<(String, Option<DateType>)> {
    let (date, kind) = type_tail(text);
    parse_date(date).map(|d| (d, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_keep_their_precision() {
        assert_eq!(parse_date("2013-01-31").as_deref(), Some("2013-01-31"));
        assert_eq!(parse_date("2013-01").as_deref(), Some("2013-01"));
        assert_eq!(
            parse_date("September 1, 2020").as_deref(),
            Some("2020-09-01")
        );
        assert_eq!(parse_date("April 2014").as_deref(), Some("2014-04"));
        assert_eq!(parse_date("14 Sep 2015").as_deref(), Some("2015-09-14"));
        assert_eq!(parse_date("07/12/2015"), None);
        assert_eq!(parse_date("Day 42 After Transplant"), None);
        assert_eq!(parse_date("Maybe 2015"), None);
    }

    #[test]
    fn date_spellings() {
        let table: &[(&str, &str)] = &[
            ("2025-06-28", "2025-06-28"),
            ("2025-06", "2025-06"),
            ("2025", "2025"),
            ("June 28, 2025", "2025-06-28"),
            ("Jun 28, 2025", "2025-06-28"),
            ("JUNE 28, 2025", "2025-06-28"),
            ("28 June 2025", "2025-06-28"),
            ("28 Jun 2025", "2025-06-28"),
            ("28-Jun-2025", "2025-06-28"),
            ("June 2025", "2025-06"),
            ("Jun. 2025", "2025-06"),
            ("Sept 2025", "2025-09"),
            ("2025/06/28", "2025-06-28"),
            ("2025/06", "2025-06"),
            ("2025-6-8", "2025-06-08"),
            ("28/06/2025", "2025-06-28"),
            ("28.06.2025", "2025-06-28"),
            ("28-06-2025", "2025-06-28"),
            ("06/28/2025", "2025-06-28"),
            ("07/07/2015", "2015-07-07"),
            ("06/2025", "2025-06"),
            ("2025-06-28T10:00:00Z", "2025-06-28"),
            ("2025-06-28T10:00:00.000+02:00", "2025-06-28"),
            ("2025-06-28 10:00", "2025-06-28"),
            ("June 28th, 2025", "2025-06-28"),
            ("1st June 2025", "2025-06-01"),
            ("29 Feb 2024", "2024-02-29"),
        ];
        for (text, want) in table {
            assert_eq!(parse_date(text).as_deref(), Some(*want), "{text}");
        }
        let rejected = [
            "",
            "07/12/2015",
            "2025-13-01",
            "2025-00",
            "2025-06-00",
            "2025-06-32",
            "31 February 2025",
            "29 Feb 2025",
            "31/04/2025",
            "13/13/2025",
            "0999",
            "1234",
            "12345",
            "Day 42 After Transplant",
            "Maybe 2015",
            "June 28, 2025 at noon",
            "28 Juneau 2025",
            "2025-06-28T",
            "2025-06-28Tomorrow",
            "28/06/25",
            "2025/06-28",
            "June 123, 2025",
            "NCT09990001",
            "1,200",
        ];
        for text in rejected {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn day_first_dates() {
        assert_eq!(
            parse_date_day_first("07/12/2015").as_deref(),
            Some("2015-12-07")
        );
        assert_eq!(
            parse_date_day_first("28/06/2025").as_deref(),
            Some("2025-06-28")
        );
        assert_eq!(
            parse_date_day_first("June 2025").as_deref(),
            Some("2025-06")
        );
        // Day first is the site's order; a month over 12 is still no date.
        assert_eq!(parse_date_day_first("06/28/2025"), None);
    }

    #[test]
    fn dates_with_their_type() {
        assert_eq!(
            parse_date_and_type("June 2025 (Actual)"),
            Some(("2025-06".into(), Some(DateType::Actual)))
        );
        assert_eq!(
            parse_date_and_type("2026-01-15 [Anticipated]"),
            Some(("2026-01-15".into(), Some(DateType::Estimated)))
        );
        assert_eq!(
            parse_date_and_type("2026-01-15"),
            Some(("2026-01-15".into(), None))
        );
        assert_eq!(parse_date_and_type("2026-01-15 (first patient)"), None);
    }
}
