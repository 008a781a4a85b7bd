//! What one cell of a results table says, as results pages print it: a count ("15",
//! "15 Participants"), a number analysed ("n=15 Participants"), a measured value with its
//! spread or limits ("12.5 (3.1)", "6.5 (3.0 to 9.5)", "12.5 ± 3.1"), a count with its share
//! ("18 56.3%", "24 (60.0%)"), adverse-event counts ("2/40 (5.00%)"), and the phrases saying
//! what a table's values are ("Mean (Standard Deviation)", "Unit of measure: years"). Each
//! recogniser is pure and takes one cell's text.

use crate::fields::results::dispersion;
use crate::model::{MeasureDispersionType, MeasureParam};
use crate::vocab;

/// The most words a unit after a value takes ("units on a scale").
const MAX_UNIT_WORDS: usize = 5;

/// A number as posted: digits with an optional sign, decimals and thousands commas ("-1.25",
/// "1,025").
pub(crate) fn is_number(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    digits.starts_with(|c: char| c.is_ascii_digit())
        && !digits.ends_with(['.', ','])
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// A value as posted: a number or "NA".
fn is_value(s: &str) -> bool {
    is_number(s) || s == "NA"
}

/// A count as a number ("1,025" → 1025).
pub(crate) fn count(s: &str) -> Option<u64> {
    let digits: String = s.chars().filter(|c| *c != ',').collect();
    digits.parse().ok()
}

/// What follows a measured value in brackets (or after "±").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bracket<'a> {
    /// One number: a spread ("(3.1)", "± 3.1").
    One(&'a str),
    /// Two numbers: limits ("(3.0 to 9.5)", "(3.0, 9.5)").
    Two(&'a str, &'a str),
}

/// A measured value and what its cell prints with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Measured<'a> {
    /// The value ("54.2", "15", "NA").
    pub value: &'a str,
    /// A unit after it ("Participants", "years").
    pub unit: Option<&'a str>,
    /// Its spread or limits.
    pub bracket: Option<Bracket<'a>>,
    /// Whether a share in percent follows (a count's, which its denominator gives).
    pub percent: bool,
}

/// A share in percent: "56.3%", or in brackets "(56.3%)".
fn is_percent(s: &str) -> bool {
    let s = s
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(s);
    s.strip_suffix('%').is_some_and(|n| is_number(n.trim()))
}

/// The limits or spread inside brackets: "3.1", "3.0 to 9.5", "3.0, 9.5", "3.0 - 9.5".
fn bracket_inside(inner: &str) -> Option<Bracket<'_>> {
    let inner = inner.trim();
    if is_value(inner) {
        return Some(Bracket::One(inner));
    }
    for sep in [" to ", ", ", " - "] {
        if let Some((a, b)) = inner.split_once(sep) {
            let (a, b) = (a.trim(), b.trim());
            if is_value(a) && is_value(b) {
                return Some(Bracket::Two(a, b));
            }
        }
    }
    None
}

/// A cell holding one measured value: the value, then a unit, then a spread, limits or share
/// ("54.2 (10.1)", "15 Participants", "6.5 (3.0 to 9.5)", "18 56.3%", "12.5 ± 3.1", "NA").
pub(crate) fn measured(text: &str) -> Option<Measured<'_>> {
    let text = text.trim();
    let end = text.find([' ', '(', '\u{a0}']).unwrap_or(text.len());
    let (value, mut rest) = (&text[..end], text[end..].trim_start());
    if !is_value(value) {
        return None;
    }
    let mut out = Measured {
        value,
        unit: None,
        bracket: None,
        percent: false,
    };
    // A unit: words that are no number, bracket or sign.
    let unit_end = rest.find(['(', '[', '±']).unwrap_or(rest.len());
    let unit = rest[..unit_end].trim();
    if !unit.is_empty() && !is_percent(unit) && !unit.starts_with("+/-") {
        let words = unit.split_whitespace().count();
        let wordy = unit.split_whitespace().all(|w| !is_number(w));
        if words > MAX_UNIT_WORDS || !wordy {
            return None;
        }
        out.unit = Some(unit);
        rest = rest[unit_end..].trim_start();
    }
    if rest.is_empty() {
        return Some(out);
    }
    if is_percent(rest) {
        out.percent = true;
        return Some(out);
    }
    let spread = rest
        .strip_prefix('±')
        .or_else(|| rest.strip_prefix("+/-"))
        .map(str::trim);
    if let Some(s) = spread.filter(|s| is_value(s)) {
        out.bracket = Some(Bracket::One(s));
        return Some(out);
    }
    let inner = rest
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .or_else(|| rest.strip_prefix('[').and_then(|r| r.strip_suffix(']')))?;
    out.bracket = Some(bracket_inside(inner)?);
    Some(out)
}

/// Whether a unit after a value is "Participants" (in any case, singular or plural).
pub(crate) fn is_participants(unit: &str) -> bool {
    let u = unit.to_ascii_lowercase();
    u == "participants" || u == "participant"
}

/// The number analysed a cell prints under its value or a group's title: "n=15
/// Participants", "n = 15", "N=15 Knees" → the count and its units ("Participants" when it
/// names none).
pub(crate) fn denom(text: &str) -> Option<(&str, &str)> {
    let rest = text.trim().strip_prefix(['n', 'N'])?.trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let end = rest.find(' ').unwrap_or(rest.len());
    let (n, units) = (&rest[..end], rest[end..].trim());
    if !is_number(n) || units.split_whitespace().count() > 3 {
        return None;
    }
    Some((
        n,
        if units.is_empty() {
            "Participants"
        } else {
            units
        },
    ))
}

/// One group's adverse-event counts in a cell: "2/40 (5.00%)", "2/40", "2 (5.00%)", "2
/// Participants", with "(3 events)" or "3 events" after them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EventCell {
    /// How many participants it happened to.
    pub affected: u64,
    /// How many were at risk, when the cell says.
    pub at_risk: Option<u64>,
    /// How many times it happened, when the cell says.
    pub events: Option<u64>,
}

/// The adverse-event counts of a cell, or `None` for any other text. A bare number is a
/// count of participants affected.
pub(crate) fn event_cell(text: &str) -> Option<EventCell> {
    let mut text = text.trim();
    let mut events = None;
    for (open, close) in [
        ("(", " events)"),
        ("(", " event)"),
        ("", " events"),
        ("", " event"),
    ] {
        let Some(head) = text.strip_suffix(close) else {
            continue;
        };
        let at = head.rfind(if open.is_empty() { ' ' } else { '(' });
        let (rest, n) = match at {
            Some(at) => (&head[..at], &head[at + 1..]),
            None => ("", head),
        };
        if let Some(n) = count(n.trim()) {
            events = Some(n);
            text = rest.trim_end();
            break;
        }
    }
    let (counts, share) = match text.find(' ') {
        Some(at) => (&text[..at], text[at..].trim()),
        None => (text, ""),
    };
    if !share.is_empty() && !is_percent(share) && !is_participants(share) {
        return None;
    }
    let (affected, at_risk) = match counts.split_once('/') {
        Some((a, r)) => (count(a.trim())?, Some(count(r.trim())?)),
        None if is_number(counts) && !counts.contains('.') => (count(counts)?, None),
        None => return None,
    };
    if counts.is_empty() && events.is_some() {
        return None;
    }
    Some(EventCell {
        affected,
        at_risk,
        events,
    })
}

/// Whether a line in a table printed one cell a line is a value cell rather than a row's label:
/// a count, a measured value without a unit or with "Participants", adverse-event counts, or a
/// number analysed (which belongs to the value above it).
pub(crate) fn is_value_cell(text: &str) -> bool {
    match measured(text) {
        Some(m) => m.unit.is_none_or(is_participants),
        None => denom(text).is_some() || event_cell(text).is_some_and(|e| e.at_risk.is_some()),
    }
}

/// What a table's values are, as a page names them: "Mean (Standard Deviation)", "Median
/// (Full Range)", "Count of Participants", "Measure Type: Number".
pub(crate) fn param_phrase(text: &str) -> Option<(MeasureParam, Option<MeasureDispersionType>)> {
    let text = text.trim();
    let text = strip_label(text, &["Measure Type", "Measure type"]).unwrap_or(text);
    let (param, disp) = match text.strip_suffix(')').and_then(|t| t.split_once(" (")) {
        Some((p, d)) => (p.trim(), Some(d.trim())),
        None => (text, None),
    };
    let param = vocab::lookup_strict::<MeasureParam>(param)?;
    match disp {
        Some(d) => Some((param, Some(dispersion(d)?))),
        None => Some((param, None)),
    }
}

/// The unit a line names: "Unit of measure: years", "Units: seconds".
pub(crate) fn unit_line(text: &str) -> Option<&str> {
    strip_label(text, UNIT_LABELS).filter(|u| !u.is_empty())
}

/// The labels a unit of measure is printed under.
pub(crate) const UNIT_LABELS: &[&str] = &[
    "Unit of measure",
    "Units of measure",
    "Unit of Measure",
    "Units of Measure",
    "Units",
    "Unit",
];

/// The value after one of `labels` and a colon (the label compared without case), trimmed.
pub(crate) fn strip_label<'a>(text: &'a str, labels: &[&str]) -> Option<&'a str> {
    let (label, value) = text.split_once(':')?;
    let label = label.trim();
    labels
        .iter()
        .any(|l| l.eq_ignore_ascii_case(label))
        .then(|| value.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str) -> Option<(&str, Option<&str>, Option<Bracket<'_>>, bool)> {
        measured(text).map(|m| (m.value, m.unit, m.bracket, m.percent))
    }

    #[test]
    fn measured_values_with_their_spread_limits_unit_or_share() {
        assert_eq!(m("1025"), Some(("1025", None, None, false)));
        assert_eq!(
            m("-2.4 (1.1)"),
            Some(("-2.4", None, Some(Bracket::One("1.1")), false))
        );
        assert_eq!(
            m("6.5 (3.0 to 9.5)"),
            Some(("6.5", None, Some(Bracket::Two("3.0", "9.5")), false))
        );
        assert_eq!(
            m("7.5 [5.0, 9.0]"),
            Some(("7.5", None, Some(Bracket::Two("5.0", "9.0")), false))
        );
        assert_eq!(
            m("12.5 ± 3.1"),
            Some(("12.5", None, Some(Bracket::One("3.1")), false))
        );
        assert_eq!(
            m("15 Participants"),
            Some(("15", Some("Participants"), None, false))
        );
        assert_eq!(
            m("61.4 years (8.2)"),
            Some(("61.4", Some("years"), Some(Bracket::One("8.2")), false))
        );
        assert_eq!(m("18 56.3%"), Some(("18", None, None, true)));
        assert_eq!(m("24 (60.0%)"), Some(("24", None, None, true)));
        assert_eq!(
            m("NA (NA)"),
            Some(("NA", None, Some(Bracket::One("NA")), false))
        );
        for not in [
            "Overall Study",
            "<=18 years",
            "Week 4",
            "2 to 3",
            "12 (a lot)",
            "5 mg 3",
        ] {
            assert_eq!(m(not), None, "{not}");
        }
    }

    #[test]
    fn numbers_analysed() {
        assert_eq!(denom("n=15 Participants"), Some(("15", "Participants")));
        assert_eq!(denom("N = 8 Knees"), Some(("8", "Knees")));
        assert_eq!(denom("n=40"), Some(("40", "Participants")));
        assert_eq!(denom("n=5 Participan"), Some(("5", "Participan")));
        assert_eq!(denom("none"), None);
    }

    #[test]
    fn adverse_event_cells() {
        let e = |a, r, n| {
            Some(EventCell {
                affected: a,
                at_risk: r,
                events: n,
            })
        };
        assert_eq!(event_cell("2/40 (5.00%)"), e(2, Some(40), None));
        assert_eq!(event_cell("0/32 (0.00%)"), e(0, Some(32), None));
        assert_eq!(
            event_cell("2/40 (5.00%) (3 events)"),
            e(2, Some(40), Some(3))
        );
        assert_eq!(event_cell("2/40 3 events"), e(2, Some(40), Some(3)));
        assert_eq!(event_cell("2 Participants"), e(2, None, None));
        assert_eq!(event_cell("7"), e(7, None, None));
        assert_eq!(event_cell("Nausea"), None);
        assert_eq!(event_cell("1.5"), None);
    }

    #[test]
    fn value_cells_in_a_table_printed_one_cell_a_line() {
        for cell in [
            "15",
            "15 Participants",
            "12.5 (3.1)",
            "n=5 Participants",
            "1/15 (6.67%)",
        ] {
            assert!(is_value_cell(cell), "{cell}");
        }
        for label in [
            "Overall Study",
            "STARTED",
            "Age, Categorical",
            "61.4 years",
            "<=18 years",
        ] {
            assert!(!is_value_cell(label), "{label}");
        }
    }

    #[test]
    fn what_the_values_are() {
        use MeasureDispersionType as D;
        use MeasureParam as P;
        assert_eq!(
            param_phrase("Mean (Standard Deviation)"),
            Some((P::Mean, Some(D::StandardDeviation)))
        );
        assert_eq!(
            param_phrase("Median (Inter-Quartile Range)"),
            Some((P::Median, Some(D::InterQuartileRange)))
        );
        assert_eq!(
            param_phrase("Geometric Mean (95% Confidence Interval)"),
            Some((P::GeometricMean, Some(D::Confidence95)))
        );
        assert_eq!(
            param_phrase("Measure Type: Count of Participants"),
            Some((P::CountOfParticipants, None))
        );
        assert_eq!(param_phrase("Mean (made up)"), None);
        assert_eq!(param_phrase("Age, Continuous"), None);
        assert_eq!(unit_line("Unit of measure: years"), Some("years"));
        assert_eq!(
            unit_line("Unit of Measure: units on a scale"),
            Some("units on a scale")
        );
        assert_eq!(unit_line("Time frame: Week 2"), None);
    }
}
