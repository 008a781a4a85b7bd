//! The source text as read: which lines went into the record and which the parser could not
//! place, the field each read line went into, and the window of lines a viewer renders around
//! the lines it shows (a 470,000-line source is never rendered whole).

use std::ops::Range;

use crate::collection::fields::{self, Field};
use crate::Study;

/// What became of one line of the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineMark {
    /// Read into a field of the record (some value's provenance holds it).
    Read,
    /// Kept as text the parser could not place ("Text not recognised").
    NotPlaced,
    /// Neither: a blank line, or site text around the record (menus, footers, headings).
    Other,
}

/// The mark of each of the `count` lines of the record's source text (index 0 is line 1):
/// linear in the lines and the provenance entries. A record whose lines are of another text
/// (`provenance_source`: our JSON read back) marks none of this one's.
pub fn marks(study: &Study, count: usize) -> Vec<LineMark> {
    if study.trialcards.provenance_source.is_some() {
        return vec![LineMark::Other; count];
    }
    // +1 where a read range starts, -1 after it ends: a running sum says whether a line is in one.
    let mut starts = vec![0i64; count + 1];
    for [first, last] in study.trialcards.provenance.values() {
        let (a, b) = (first.saturating_sub(1), (*last).min(count));
        if a < b {
            starts[a] += 1;
            starts[b] -= 1;
        }
    }
    let mut out = Vec::with_capacity(count);
    let mut depth = 0i64;
    for start in starts.iter().take(count) {
        depth += start;
        out.push(if depth > 0 {
            LineMark::Read
        } else {
            LineMark::Other
        });
    }
    for line in &study.trialcards.unrecognized {
        if let Some(mark) = line.line.checked_sub(1).and_then(|i| out.get_mut(i)) {
            if *mark == LineMark::Other {
                *mark = LineMark::NotPlaced;
            }
        }
    }
    out
}

/// For each line of the source (index 0 is line 1), the card field its value went into: the
/// field showing the narrowest provenance range that holds the line. `None` for lines no
/// field's value was read from (every line, when the record's lines are of another text).
pub fn fields_of_lines(study: &Study, count: usize) -> Vec<Option<&'static Field>> {
    let mut out: Vec<Option<(&'static Field, usize)>> = vec![None; count];
    if study.trialcards.provenance_source.is_some() {
        return vec![None; count];
    }
    for (pointer, [first, last]) in &study.trialcards.provenance {
        let Some(field) = field_of_pointer(pointer) else {
            continue;
        };
        let width = last.saturating_sub(*first);
        for slot in out
            .iter_mut()
            .take((*last).min(count))
            .skip(first.saturating_sub(1))
        {
            if slot.is_none_or(|(_, w)| width < w) {
                *slot = Some((field, width));
            }
        }
    }
    out.into_iter().map(|slot| slot.map(|(f, _)| f)).collect()
}

/// The card field that shows the value at `pointer`: the one whose pointer is the longest
/// prefix of it (`…/conditions/1` is shown by the conditions).
pub fn field_of_pointer(pointer: &str) -> Option<&'static Field> {
    let mut best: Option<(&'static Field, usize)> = None;
    for field in fields::all().filter(|f| f.on_card()) {
        for p in field.pointers {
            let under = pointer
                .strip_prefix(p)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
            if under && best.is_none_or(|(_, len)| p.len() > len) {
                best = Some((field, p.len()));
            }
        }
    }
    best.map(|(f, _)| f)
}

/// The lines a viewer renders of a source of `count` lines (1-based, end exclusive): `around`
/// lines before and after `shown` (the highlighted lines), or the first `2 × around` when
/// nothing is highlighted.
pub fn window(count: usize, shown: Option<[usize; 2]>, around: usize) -> Range<usize> {
    match shown {
        Some([first, last]) => {
            let first = first.clamp(1, count.max(1));
            let last = last.clamp(first, count.max(1));
            first.saturating_sub(around).max(1)..(last + around).min(count) + 1
        }
        None => 1..(2 * around).min(count) + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::test_records::study;
    use serde_json::json;

    fn with_provenance() -> Study {
        study(json!({
            "protocolSection": {
                "statusModule": {"overallStatus": "RECRUITING"},
                "conditionsModule": {"conditions": ["Asthma"]},
                "armsInterventionsModule": {"armGroups": [{"label": "Cells"}]}
            },
            "trialcards": {
                "provenance": {
                    "/protocolSection/statusModule/overallStatus": [2, 2],
                    "/protocolSection/conditionsModule/conditions/0": [4, 4],
                    "/protocolSection/armsInterventionsModule/armGroups/0": [6, 8],
                    "/protocolSection/armsInterventionsModule/armGroups/0/label": [6, 6]
                },
                "unrecognized": [{"line": 5, "text": "Share this page"}, {"line": 99, "text": "x"}]
            }
        }))
    }

    #[test]
    fn lines_of_another_text_mark_nothing_here() {
        let mut read_back = with_provenance();
        read_back.trialcards.provenance_source = Some(Default::default());
        assert_eq!(marks(&read_back, 9), [LineMark::Other; 9]);
        assert!(fields_of_lines(&read_back, 9).iter().all(Option::is_none));
    }

    #[test]
    fn lines_are_read_not_placed_or_neither() {
        use LineMark::*;
        assert_eq!(
            marks(&with_provenance(), 9),
            [Other, Read, Other, Read, NotPlaced, Read, Read, Read, Other]
        );
        assert_eq!(marks(&Study::default(), 2), [Other, Other]);
        assert!(marks(&with_provenance(), 0).is_empty());
    }

    #[test]
    fn each_read_line_names_its_field() {
        let keys: Vec<Option<&str>> = fields_of_lines(&with_provenance(), 8)
            .iter()
            .map(|f| f.map(|f| f.key))
            .collect();
        assert_eq!(
            keys,
            [
                None,
                Some("overallStatus"),
                None,
                Some("conditions"),
                None,
                Some("armGroups"),
                Some("armGroups"),
                Some("armGroups")
            ]
        );
        assert_eq!(
            field_of_pointer("/protocolSection/conditionsModule/conditions/3").map(|f| f.key),
            Some("conditions")
        );
        assert!(field_of_pointer("/nowhere").is_none());
    }

    #[test]
    fn the_window_surrounds_the_lines_shown() {
        assert_eq!(window(470_000, Some([1000, 1002]), 200), 800..1203);
        assert_eq!(window(470_000, Some([3, 3]), 200), 1..204);
        assert_eq!(window(100, Some([90, 120]), 200), 1..101);
        assert_eq!(window(470_000, None, 200), 1..401);
        assert_eq!(window(10, None, 200), 1..11);
        assert_eq!(window(0, None, 200), 1..1);
    }
}
