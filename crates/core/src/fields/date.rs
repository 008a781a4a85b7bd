//! Dates, keeping the precision the page gives: "2013-01-31", "2013-01", "September 1, 2020",
//! "April 2014", "14 Sep 2015" → ISO `YYYY[-MM[-DD]]`.

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(['.', ',']).to_lowercase();
    if w.len() < 3 {
        return None;
    }
    let idx = MONTHS.iter().position(|m| w.starts_with(m))?;
    let full = [
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
    (w.len() == 3 || full[idx].starts_with(w.as_str()) || w == "sept").then_some(idx as u32 + 1)
}

fn year(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(['.', ',']);
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

fn day(word: &str) -> Option<u32> {
    let w = word.trim_end_matches([',', '.']);
    let n: u32 = w.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

fn is_iso(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| r.clone().all(|i| b[i].is_ascii_digit());
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// The ISO form of a date, or `None` when `text` is not a date this parser knows.
/// Numeric day/month orders such as "07/12/2015" are ambiguous and give `None`.
pub fn parse_date(text: &str) -> Option<String> {
    let text = text.trim();
    if is_iso(text) {
        return Some(text.to_string());
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        [m, d, y] if month(m).is_some() => {
            Some(format!("{:04}-{:02}-{:02}", year(y)?, month(m)?, day(d)?))
        }
        [d, m, y] if month(m).is_some() => {
            Some(format!("{:04}-{:02}-{:02}", year(y)?, month(m)?, day(d)?))
        }
        [m, y] => Some(format!("{:04}-{:02}", year(y)?, month(m)?)),
        _ => None,
    }
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
}
