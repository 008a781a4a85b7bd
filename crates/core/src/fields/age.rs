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

/// The oldest age in years any registry gives; a larger number is not an age (a year, a count).
const MAX_YEARS: u32 = 150;

/// `n` and `unit` in CT.gov form, unless the age is past any human age.
fn checked_age(n: u32, unit: &str) -> Option<String> {
    if unit_name(unit)? == "Year" && n > MAX_YEARS {
        return None;
    }
    format_age(n, unit)
}

/// One piece of an age text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    /// A run of digits.
    Num(u32),
    /// A run of letters, lowercased.
    Word(String),
    /// `+` ("18+").
    Plus,
    /// `-`, `–` or `—` between two ages.
    Dash,
    /// `≥`, `>=`, `=>`.
    AtLeast,
    /// `≤`, `<=`, `<`.
    AtMost,
}

/// Splits an age text into tokens, dropping the words that add nothing ("old", "of age");
/// `None` at a character no age text holds.
fn tokens(text: &str) -> Option<Vec<Tok>> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut n: u32 = c.to_digit(10)?;
            while let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                n = n.checked_mul(10)?.checked_add(d)?;
                chars.next();
            }
            out.push(Tok::Num(n));
        } else if c.is_alphabetic() {
            let mut w = String::from(crate::case::lower(c));
            while let Some(&l) = chars.peek().filter(|l| l.is_alphabetic()) {
                w.push(crate::case::lower(l));
                chars.next();
            }
            if !matches!(
                w.as_str(),
                "old" | "of" | "age" | "ages" | "aged" | "inclusive"
            ) {
                out.push(Tok::Word(w));
            }
        } else {
            let next_is_eq = chars.peek() == Some(&'=');
            match c {
                '+' => out.push(Tok::Plus),
                '-' | '–' | '—' => out.push(Tok::Dash),
                '≥' => out.push(Tok::AtLeast),
                '>' if next_is_eq => {
                    chars.next();
                    out.push(Tok::AtLeast);
                }
                '=' if chars.peek() == Some(&'>') => {
                    chars.next();
                    out.push(Tok::AtLeast);
                }
                '≤' | '<' => {
                    if next_is_eq {
                        chars.next();
                    }
                    out.push(Tok::AtMost);
                }
                '.' | ',' => {}
                c if c.is_whitespace() => {}
                _ => return None,
            }
        }
    }
    Some(out)
}

/// The unit a token names, if it is a unit word.
fn unit_word(t: Option<&Tok>) -> Option<&str> {
    match t {
        Some(Tok::Word(w)) if unit_name(w).is_some() => Some(w.as_str()),
        _ => None,
    }
}

/// One CT.gov age, normalised: "14 Years", "6 months" → "6 Months", "18 Y", "18 years old",
/// and a bare number, which means years ("18" → "18 Years"). `None` for anything else:
/// "N/A" and "No limit" are not ages (callers read them as no bound).
pub fn parse_age(text: &str) -> Option<String> {
    match tokens(text)?.as_slice() {
        [Tok::Num(n)] => checked_age(*n, "years"),
        [Tok::Num(n), Tok::Word(u)] => checked_age(*n, u),
        _ => None,
    }
}

/// One bound of a range as written: its number, a `+` after it, its unit if given.
struct Bound<'a> {
    n: u32,
    plus: bool,
    unit: Option<&'a str>,
}

/// An age range and whether the text named a unit (a bare "18-65" means years but says less).
pub(crate) fn read_age_range(text: &str) -> Option<(AgeRange, bool)> {
    // "(Child, Adult, Older Adult)" repeats the range as CT.gov's age groups.
    let text = match text.find('(') {
        Some(i) => &text[..i],
        None => text,
    };
    let toks = tokens(text)?;
    let word = |i: usize| match toks.get(i) {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    };
    let mut i = 0;
    let (mut only_max, mut only_min, mut between) = (false, false, false);
    match (toks.first(), word(0), word(1)) {
        (Some(Tok::AtMost), _, _) | (_, Some("under" | "below"), _) => {
            only_max = true;
            i = 1;
        }
        (_, Some("maximum" | "max"), _) => {
            only_max = true;
            i = 1;
        }
        (_, Some("up"), Some("to")) | (_, Some("less" | "younger"), Some("than")) => {
            only_max = true;
            i = 2;
        }
        (Some(Tok::AtLeast), _, _) | (_, Some("minimum" | "min"), _) => {
            only_min = true;
            i = 1;
        }
        (_, Some("at"), Some("least")) => {
            only_min = true;
            i = 2;
        }
        (_, Some("between"), _) => {
            between = true;
            i = 1;
        }
        (_, Some("from"), _) => i = 1,
        _ => {}
    }
    let mut bounds: Vec<Bound<'_>> = Vec::new();
    let mut open_end = false;
    loop {
        let Some(Tok::Num(n)) = toks.get(i) else {
            return None;
        };
        i += 1;
        let mut plus = toks.get(i) == Some(&Tok::Plus);
        if plus {
            i += 1;
        }
        let unit = unit_word(toks.get(i));
        if unit.is_some() {
            i += 1;
            // "18 years+"
            if toks.get(i) == Some(&Tok::Plus) {
                plus = true;
                i += 1;
            }
        }
        bounds.push(Bound { n: *n, plus, unit });
        let joiner =
            toks.get(i) == Some(&Tok::Dash) || matches!(word(i), Some("to" | "and" | "through"));
        if joiner && matches!(toks.get(i + 1), Some(Tok::Num(_))) && bounds.len() < 2 {
            i += 1;
            continue;
        }
        if matches!(word(i), Some("and" | "or"))
            && matches!(
                word(i + 1),
                Some("older" | "over" | "above" | "up" | "more")
            )
        {
            open_end = true;
            i += 2;
        } else if matches!(word(i), Some("and" | "or"))
            && matches!(
                word(i + 1),
                Some("younger" | "under" | "below" | "less" | "fewer")
            )
        {
            // "65 Years and younger": an upper bound.
            only_max = true;
            i += 2;
        }
        break;
    }
    if i != toks.len() {
        return None;
    }
    let has_unit = bounds.iter().any(|b| b.unit.is_some());
    let mut range = AgeRange::default();
    match bounds.as_slice() {
        [b] if !between => {
            let age = checked_age(b.n, b.unit.unwrap_or("years"))?;
            if only_max && !b.plus && !open_end {
                range.maximum = Some(age);
            } else if !only_max && (only_min || b.plus || open_end) {
                range.minimum = Some(age);
            } else {
                return None;
            }
        }
        [a, b] if !only_max && !only_min && !open_end && !a.plus && !b.plus => {
            let ub = b.unit.or(a.unit).unwrap_or("years");
            let ua = a.unit.unwrap_or(ub);
            // "65 to 18 years" is not a range.
            if unit_name(ua) == unit_name(ub) && a.n > b.n {
                return None;
            }
            range.minimum = Some(checked_age(a.n, ua)?);
            range.maximum = Some(checked_age(b.n, ub)?);
        }
        _ => return None,
    }
    Some((range, has_unit))
}

/// Reads an age range in the forms registries print: "1 to 80 years old",
/// "6 months to 12 years old", "Between 45 Years and 74 Years", "40 Years to 80 Years",
/// "18 Years to 65 Years (Adult, Older Adult)", "6 Months - 70 Years (Child, Adult)", "18-65 years",
/// "18+", "18+ years", "18 Years and older", "18 years and over", "≥ 18 years", ">= 18 years",
/// "Under 48 hours old", "Up to 65 years", "Under 18". A number with no unit means years.
/// `None` for anything else: a single age with no direction ("40 years"), age groups alone
/// ("Child, Adult, Older Adult"), "N/A", prose.
pub fn parse_age_range(text: &str) -> Option<AgeRange> {
    read_age_range(text).map(|(r, _)| r)
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

    #[test]
    fn age_range_spellings() {
        let table: &[(&str, Option<&str>, Option<&str>)] = &[
            (
                "Between 45 Years and 74 Years",
                Some("45 Years"),
                Some("74 Years"),
            ),
            (
                "between 45 and 74 years",
                Some("45 Years"),
                Some("74 Years"),
            ),
            ("40 Years to 80 Years", Some("40 Years"), Some("80 Years")),
            (
                "18 Years to 65 Years (Adult, Older Adult)",
                Some("18 Years"),
                Some("65 Years"),
            ),
            (
                "6 Months - 70 Years (Child, Adult, Older Adult)",
                Some("6 Months"),
                Some("70 Years"),
            ),
            ("6 Months – 70 Years", Some("6 Months"), Some("70 Years")),
            ("18+", Some("18 Years"), None),
            ("18+ years", Some("18 Years"), None),
            ("18 years+", Some("18 Years"), None),
            ("18 years and older", Some("18 Years"), None),
            ("18 Years and over", Some("18 Years"), None),
            ("18 years or older", Some("18 Years"), None),
            ("18 years of age and above", Some("18 Years"), None),
            (
                "18 Years and older (Adult, Older Adult)",
                Some("18 Years"),
                None,
            ),
            ("≥ 18 years", Some("18 Years"), None),
            ("≥18", Some("18 Years"), None),
            (">= 18 years", Some("18 Years"), None),
            ("At least 18 years", Some("18 Years"), None),
            ("Up to 17 Years", None, Some("17 Years")),
            ("Under 18", None, Some("18 Years")),
            ("< 18 years", None, Some("18 Years")),
            ("<=65 years", None, Some("65 Years")),
            ("18-65 years", Some("18 Years"), Some("65 Years")),
            ("18 - 65", Some("18 Years"), Some("65 Years")),
            ("18–65", Some("18 Years"), Some("65 Years")),
            ("18 to 65 years old", Some("18 Years"), Some("65 Years")),
            ("Ages 18 to 65", Some("18 Years"), Some("65 Years")),
            (
                "From 2 years to 17 years",
                Some("2 Years"),
                Some("17 Years"),
            ),
            (
                "18 years - 65 years inclusive",
                Some("18 Years"),
                Some("65 Years"),
            ),
            ("6 months to 2 years", Some("6 Months"), Some("2 Years")),
        ];
        for (text, min, max) in table {
            assert_eq!(parse_age_range(text), r(*min, *max), "{text}");
        }
        let rejected = [
            "",
            "Child, Adult, Older Adult",
            "N/A",
            "18",
            "18 years",
            "adults",
            "Over 18",
            "> 18 years",
            "Patients aged 18 to 65 with asthma",
            "Between 45 years",
            "65 to 18 years",
            "2020-2021",
            "2020 - 2024",
            "18 to 65 to 80 years",
            "Under 18+",
            "18 - ",
            "- 65",
            "18 years and",
            "Up to 18 years and older",
            "18 Years and older; 65 years",
            "18 weeks of gestation",
            "18/65",
        ];
        for text in rejected {
            assert_eq!(parse_age_range(text), None, "{text}");
        }
    }

    #[test]
    fn and_younger_is_an_upper_bound() {
        let r = parse_age_range("65 Years and younger").unwrap();
        assert_eq!((r.minimum, r.maximum.as_deref()), (None, Some("65 Years")));
        let r = parse_age_range("17 years or under").unwrap();
        assert_eq!(r.maximum.as_deref(), Some("17 Years"));
    }

    #[test]
    fn single_age_spellings() {
        let table: &[(&str, &str)] = &[
            ("18 Years", "18 Years"),
            ("18 years", "18 Years"),
            ("18", "18 Years"),
            ("18 Y", "18 Years"),
            ("18 yrs.", "18 Years"),
            ("18 years old", "18 Years"),
            ("6 Months", "6 Months"),
            ("1 Month", "1 Month"),
            ("28 Days", "28 Days"),
        ];
        for (text, want) in table {
            assert_eq!(parse_age(text).as_deref(), Some(*want), "{text}");
        }
        let rejected = [
            "",
            "N/A",
            "No limit",
            "None",
            "ALL",
            "2020",
            "18 apples",
            "18 Years 6 Months",
            "Years",
            "18-65",
            "18+",
            "about 18",
        ];
        for text in rejected {
            assert_eq!(parse_age(text), None, "{text}");
        }
    }
}
