//! Enrollment counts: "100 estimated patients", "1,736 patients", "60 participants", "1177 (actual)",
//! and Veeva's "N participants in M patient groups".

/// A count and what the text says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountPhrase {
    /// The number.
    pub count: u64,
    /// The text said "estimated" or "anticipated".
    pub estimated: bool,
    /// The text said "actual".
    pub actual: bool,
}

/// A number with optional thousands separators ("1,736").
fn parse_number(word: &str) -> Option<u64> {
    let digits: String = word.chars().filter(|c| *c != ',').collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Reads "100 estimated patients", "12 patients", "60 participants", "1177 (actual)", "24".
pub fn parse_count_phrase(text: &str) -> Option<CountPhrase> {
    let mut words = text.split_whitespace();
    let count = parse_number(words.next()?)?;
    let mut phrase = CountPhrase {
        count,
        estimated: false,
        actual: false,
    };
    for w in words {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        match w.as_str() {
            "estimated" | "anticipated" => phrase.estimated = true,
            "actual" => phrase.actual = true,
            "patients" | "participants" | "patient" | "participant" | "subjects" | "people" => {}
            _ => return None,
        }
    }
    Some(phrase)
}

/// Veeva's arms heading "48 participants in 2 patient groups, including a placebo group":
/// the participant count and the number of groups.
pub fn parse_groups_line(text: &str) -> Option<(u64, u64)> {
    // The line opens with its count; most lines do not (checked before searching).
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (count, rest) = text.split_once(" participants in ")?;
    let count = parse_number(count.trim())?;
    let mut words = rest.split_whitespace();
    let groups = parse_number(words.next()?)?;
    let tail = words.next()?;
    let tail2 = words.next().unwrap_or_default();
    let ok = tail == "patient" && (tail2.starts_with("group"));
    ok.then_some((count, groups))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_phrases() {
        let p = parse_count_phrase("100 estimated patients").unwrap();
        assert_eq!((p.count, p.estimated, p.actual), (100, true, false));
        let p = parse_count_phrase("1,736 patients").unwrap();
        assert_eq!((p.count, p.estimated), (1736, false));
        let p = parse_count_phrase("1177 (actual)").unwrap();
        assert!(p.actual);
        assert_eq!(parse_count_phrase("many patients"), None);
        assert_eq!(parse_count_phrase("12 weeks"), None);
    }

    #[test]
    fn groups_lines() {
        assert_eq!(
            parse_groups_line("100 participants in 1 patient group"),
            Some((100, 1))
        );
        assert_eq!(
            parse_groups_line("0 participants in 2 patient groups, including a placebo group"),
            Some((0, 2))
        );
        assert_eq!(parse_groups_line("participants in groups"), None);
    }
}
