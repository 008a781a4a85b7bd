//! Enrollment counts: "100 estimated patients", "1,736 patients", "60 participants", "1177 (actual)",
//! and Veeva's "N participants in M patient groups".

use crate::case::Cased;

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

/// A number with optional thousands commas in their places ("1,736"; not "1,73").
fn parse_number(word: &str) -> Option<u64> {
    let mut groups = word.split(',');
    let first = groups.next()?;
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    if !digits(first) {
        return None;
    }
    let mut n: u64 = first.parse().ok()?;
    let mut grouped = false;
    for g in groups {
        if g.len() != 3 || !digits(g) {
            return None;
        }
        grouped = true;
        n = n.checked_mul(1000)?.checked_add(g.parse().ok()?)?;
    }
    // "0,500" or "1234,567" are not thousands groupings.
    if grouped && (first.len() > 3 || first.starts_with('0')) {
        return None;
    }
    Some(n)
}

/// What a word of a count phrase says, once its brackets and colons are trimmed.
enum CountWord {
    /// A number, and whether it could open a space-grouped number ("1 200": one to three digits).
    Number(u64, bool),
    /// A group of exactly three digits, which may continue a space-grouped number.
    Group(u64),
    /// "estimated", "anticipated", "expected".
    Estimated,
    /// "actual".
    Actual,
    /// A word that adds nothing: "participants", "target", "enrollment", a lone dash.
    Filler,
}

/// Classifies one word of a count phrase; `None` for a word no count phrase holds.
fn count_word(word: &str) -> Option<CountWord> {
    let core = word.trim_matches(['(', ')', '[', ']', ':', ',', ';', '.']);
    if core.is_empty() || matches!(core, "-" | "–" | "—") {
        // A lone separator ("Estimated - 120"), or brackets with nothing in them.
        return word
            .chars()
            .any(|c| matches!(c, ':' | '-' | '–' | '—') || c == '(')
            .then_some(CountWord::Filler);
    }
    if core.len() == 3 && core.bytes().all(|b| b.is_ascii_digit()) {
        return core.parse().ok().map(CountWord::Group);
    }
    if let Some(n) = parse_number(core) {
        return Some(CountWord::Number(n, core.len() <= 3));
    }
    Some(match core.lowercased().as_str() {
        "estimated" | "anticipated" | "expected" | "projected" => CountWord::Estimated,
        "actual" => CountWord::Actual,
        "patients" | "participants" | "patient" | "participant" | "subjects" | "subject"
        | "people" | "persons" | "volunteers" | "individuals" | "target" | "total"
        | "enrollment" | "enrolment" => CountWord::Filler,
        _ => return None,
    })
}

/// Reads a participant count in the forms registries print: "24", "1,200", "1 200",
/// "50 participants", "100 estimated patients", "120 (Estimated)", "1177 (actual)",
/// "Estimated: 120", "Anticipated 40", "Actual: 26", "26 participants (actual)", "Target: 80".
/// `None` unless the text is one number with only such words around it: a date ("2020-01"),
/// an ID, a percentage, a decimal, or a number opening a sentence ("33 A prospective …").
pub fn parse_count_phrase(text: &str) -> Option<CountPhrase> {
    let mut phrase = CountPhrase {
        count: 0,
        estimated: false,
        actual: false,
    };
    let mut count: Option<u64> = None;
    // Whether the previous word was the number and may take a three-digit group after it.
    let mut groups_open = false;
    for w in text.split_whitespace() {
        let word = count_word(w)?;
        let number = match word {
            CountWord::Group(g) if groups_open => {
                count = count.and_then(|c| c.checked_mul(1000)?.checked_add(g));
                continue;
            }
            CountWord::Group(g) => Some((g, true)),
            CountWord::Number(n, open) => Some((n, open)),
            CountWord::Estimated => {
                phrase.estimated = true;
                None
            }
            CountWord::Actual => {
                phrase.actual = true;
                None
            }
            CountWord::Filler => None,
        };
        groups_open = false;
        if let Some((n, open)) = number {
            if count.is_some() {
                return None;
            }
            count = Some(n);
            // Only a bare number opens a group: "1,200 300" is two numbers.
            groups_open = open && !w.contains(['(', ')', ':', ',']);
        }
    }
    phrase.count = count?;
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

    #[test]
    fn count_spellings() {
        // (text, count, estimated, actual)
        let table: &[(&str, u64, bool, bool)] = &[
            ("50", 50, false, false),
            ("0", 0, false, false),
            ("1,200", 1200, false, false),
            ("1,200,000", 1_200_000, false, false),
            ("1 200", 1200, false, false),
            ("1\u{a0}200", 1200, false, false),
            ("12 345 participants", 12345, false, false),
            ("50 participants", 50, false, false),
            ("120 (Estimated)", 120, true, false),
            ("120 (ESTIMATED)", 120, true, false),
            ("Estimated: 120", 120, true, false),
            ("Anticipated 40", 40, true, false),
            ("Actual: 26", 26, false, true),
            ("26 participants (actual)", 26, false, true),
            ("Target: 80", 80, false, false),
            ("Estimated - 120", 120, true, false),
            ("100 estimated patients", 100, true, false),
        ];
        for (text, count, est, act) in table {
            let want = CountPhrase {
                count: *count,
                estimated: *est,
                actual: *act,
            };
            assert_eq!(parse_count_phrase(text), Some(want), "{text}");
        }
        let rejected = [
            "",
            "Estimated",
            "2020-01",
            "2020-01-31",
            "June 2020",
            "NCT09990001",
            "33 A prospective multicenter study of zinc",
            "12 weeks",
            "50%",
            "1.5",
            "1,20",
            "1234,567",
            "1,200 300",
            "50 participants 30",
            "50 (60)",
            "n = 50",
            "about 50",
            "50 participants in 2 groups",
            "()",
        ];
        for text in rejected {
            assert_eq!(parse_count_phrase(text), None, "{text}");
        }
    }
}
