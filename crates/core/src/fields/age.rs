//! Ages: "1 to 80 years old", "18+ years old", "Under 48 hours old", "14 Years" → CT.gov form ("18 Years").

/// The bounds an age text gives, in CT.gov form; a bound the text does not give stays `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgeRange {
    /// The youngest age accepted.
    pub minimum: Option<String>,
    /// The oldest age accepted.
    pub maximum: Option<String>,
}

/// The CT.gov unit word for `unit` ("years" → "Year"), singular.
fn unit_name(unit: &str) -> Option<&'static str> {
    let u = unit.trim_end_matches('.').to_ascii_lowercase();
    let u = u.strip_suffix('s').unwrap_or(&u);
    Some(match u {
        "year" | "yr" | "y" => "Year",
        "month" | "mo" => "Month",
        "week" | "wk" => "Week",
        "day" | "d" => "Day",
        "hour" | "hr" | "h" => "Hour",
        "minute" | "min" => "Minute",
        _ => return None,
    })
}

/// `n` and `unit` in CT.gov form: "1 Year", "6 Months".
pub fn format_age(n: u32, unit: &str) -> Option<String> {
    let name = unit_name(unit)?;
    Some(if n == 1 {
        format!("1 {name}")
    } else {
        format!("{n} {name}s")
    })
}

/// One CT.gov age such as "14 Years" or "6 months", normalised ("14 Years", "6 Months").
pub fn parse_age(text: &str) -> Option<String> {
    let mut words = text.split_whitespace();
    let n: u32 = words.next()?.parse().ok()?;
    let unit = words.next()?;
    if words.next().is_some() {
        return None;
    }
    format_age(n, unit)
}

/// A number glued to "+" ("18+") or plain.
fn number(word: &str) -> Option<(u32, bool)> {
    let (digits, plus) = match word.strip_suffix('+') {
        Some(d) => (d, true),
        None => (word, false),
    };
    digits.parse().ok().map(|n| (n, plus))
}

/// Reads an age range in the forms registries print:
/// "1 to 80 years old", "6 months to 12 years old", "18+ years old", "Under 48 hours old",
/// "Up to 65 years", "18 Years and older", "6 Months - 70 Years (Child, Adult)".
pub fn parse_age_range(text: &str) -> Option<AgeRange> {
    let text = match text.find('(') {
        Some(i) => &text[..i],
        None => text,
    };
    let lower = text.to_lowercase().replace(['–', '—'], " - ");
    let words: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| *w != "old" && *w != "of" && *w != "age")
        .collect();
    let mut range = AgeRange::default();
    let mut i = 0;
    // Leading "under" / "up to" / "<" means only a maximum.
    let mut only_max = false;
    match words.first().copied() {
        Some("under") | Some("<") | Some("≤") | Some("below") => {
            only_max = true;
            i = 1;
        }
        Some("up") if words.get(1) == Some(&"to") => {
            only_max = true;
            i = 2;
        }
        _ => {}
    }
    // Collect (number, unit?) pairs and the joiner between them.
    let mut parts: Vec<(u32, bool, Option<&str>)> = Vec::new();
    let mut saw_open_end = false;
    while i < words.len() {
        let w = words[i];
        if let Some((n, plus)) = number(w) {
            let unit = words.get(i + 1).filter(|u| unit_name(u).is_some()).copied();
            if unit.is_some() {
                i += 1;
            }
            parts.push((n, plus, unit));
        } else if w == "and" && matches!(words.get(i + 1), Some(&"older") | Some(&"over")) {
            saw_open_end = true;
            i += 1;
        } else if !matches!(w, "to" | "-" | "and") {
            return None;
        }
        i += 1;
    }
    match parts.as_slice() {
        [(n, plus, unit)] => {
            let age = format_age(*n, (*unit)?)?;
            if only_max {
                range.maximum = Some(age);
            } else if *plus || saw_open_end {
                range.minimum = Some(age);
            } else {
                return None;
            }
        }
        [(a, _, ua), (b, _, ub)] if !only_max => {
            let ub = (*ub).or(*ua)?;
            range.minimum = Some(format_age(*a, (*ua).unwrap_or(ub))?);
            range.maximum = Some(format_age(*b, ub)?);
        }
        _ => return None,
    }
    Some(range)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(min: Option<&str>, max: Option<&str>) -> Option<AgeRange> {
        Some(AgeRange {
            minimum: min.map(String::from),
            maximum: max.map(String::from),
        })
    }

    #[test]
    fn veeva_age_forms() {
        assert_eq!(
            parse_age_range("1 to 80 years old"),
            r(Some("1 Year"), Some("80 Years"))
        );
        assert_eq!(parse_age_range("18+ years old"), r(Some("18 Years"), None));
        assert_eq!(
            parse_age_range("6 months to 12 years old"),
            r(Some("6 Months"), Some("12 Years"))
        );
        assert_eq!(
            parse_age_range("1 to 3 days old"),
            r(Some("1 Day"), Some("3 Days"))
        );
        assert_eq!(
            parse_age_range("Under 48 hours old"),
            r(None, Some("48 Hours"))
        );
        assert_eq!(
            parse_age_range("2 to 3 weeks old"),
            r(Some("2 Weeks"), Some("3 Weeks"))
        );
    }

    #[test]
    fn other_age_forms() {
        assert_eq!(
            parse_age_range("6 Months - 70 Years (Child, Adult, Older Adult)"),
            r(Some("6 Months"), Some("70 Years"))
        );
        assert_eq!(
            parse_age_range("18 Years and older"),
            r(Some("18 Years"), None)
        );
        assert_eq!(parse_age_range("Up to 65 years"), r(None, Some("65 Years")));
        assert_eq!(parse_age_range("40 years"), None);
        assert_eq!(parse_age_range("adults"), None);
        assert_eq!(parse_age("14 Years").as_deref(), Some("14 Years"));
        assert_eq!(parse_age("1 years").as_deref(), Some("1 Year"));
        assert_eq!(parse_age("ALL"), None);
    }
}
