//! Orders for the collection.

use std::cmp::Ordering;

use crate::model::{CtEnum, DateStruct, Status};
use crate::Study;

/// What the collection is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// The order the records were loaded in.
    #[default]
    Loaded,
    /// NCT ID.
    NctId,
    /// Brief title (then official title), ignoring case.
    Title,
    /// Start date.
    StartDate,
    /// Completion date (then primary completion date).
    CompletionDate,
    /// Enrollment count.
    Enrollment,
    /// Overall status, in CT.gov's order.
    Status,
}

impl SortKey {
    /// Every key, in the order a menu lists them.
    pub const ALL: &'static [SortKey] = &[
        SortKey::Loaded,
        SortKey::NctId,
        SortKey::Title,
        SortKey::StartDate,
        SortKey::CompletionDate,
        SortKey::Enrollment,
        SortKey::Status,
    ];

    /// The key's name in a URL (`start`, `completion`, …).
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Loaded => "loaded",
            SortKey::NctId => "nct",
            SortKey::Title => "title",
            SortKey::StartDate => "start",
            SortKey::CompletionDate => "completion",
            SortKey::Enrollment => "enrollment",
            SortKey::Status => "status",
        }
    }

    /// The key named `name` in a URL.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.name() == name)
    }

    /// The key as a menu shows it ("Start date").
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Loaded => "Order loaded",
            SortKey::NctId => "NCT ID",
            SortKey::Title => "Title",
            SortKey::StartDate => "Start date",
            SortKey::CompletionDate => "Completion date",
            SortKey::Enrollment => "Enrollment",
            SortKey::Status => "Status",
        }
    }
}

/// Compares two records by `key`, ascending unless `descending`. Records that lack the
/// value come last either way; ties keep their loaded order (the caller sorts stably).
///
/// Dates compare by [`date_key`], so a year comes before any month of it ("2021" <
/// "2021-03" < "2021-03-15"); titles ignore case; statuses follow [`Status::ALL`]; NCT IDs
/// compare as text. [`SortKey::Loaded`] finds every pair equal: [`order`] gives the loaded
/// order, reversed when descending.
pub fn compare(key: SortKey, descending: bool, a: &Study, b: &Study) -> Ordering {
    match key {
        SortKey::Loaded => Ordering::Equal,
        SortKey::NctId => missing_last(a.nct_id(), b.nct_id(), descending, Ord::cmp),
        SortKey::Title => missing_last(title(a), title(b), descending, |x, y| {
            x.chars()
                .flat_map(char::to_lowercase)
                .cmp(y.chars().flat_map(char::to_lowercase))
        }),
        SortKey::StartDate => missing_last(start_key(a), start_key(b), descending, Ord::cmp),
        SortKey::CompletionDate => missing_last(end_key(a), end_key(b), descending, Ord::cmp),
        SortKey::Enrollment => missing_last(enrollment(a), enrollment(b), descending, Ord::cmp),
        SortKey::Status => missing_last(status_rank(a), status_rank(b), descending, Ord::cmp),
    }
}

/// Orders two values by `cmp` (reversed when `descending`), an absent one after a present one.
fn missing_last<T>(
    a: Option<T>,
    b: Option<T>,
    descending: bool,
    cmp: impl FnOnce(&T, &T) -> Ordering,
) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) if descending => cmp(&a, &b).reverse(),
        (Some(a), Some(b)) => cmp(&a, &b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The positions of `studies` in the order `key` sorts them: a stable sort by [`compare`],
/// and for [`SortKey::Loaded`] the loaded order, reversed when `descending`.
pub fn order(studies: &[&Study], key: SortKey, descending: bool) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..studies.len()).collect();
    if key == SortKey::Loaded {
        if descending {
            positions.reverse();
        }
        return positions;
    }
    if key == SortKey::Title {
        // Each title lowercased once, not once per comparison.
        let titles: Vec<Option<String>> = studies
            .iter()
            .map(|s| title(s).map(|t| t.chars().flat_map(char::to_lowercase).collect()))
            .collect();
        positions.sort_by(|&i, &j| {
            missing_last(titles[i].as_ref(), titles[j].as_ref(), descending, Ord::cmp)
        });
        return positions;
    }
    positions.sort_by(|&i, &j| compare(key, descending, studies[i], studies[j]));
    positions
}

/// A CT.gov date ("2021", "2021-03", "2021-03-15") as (year, month, day), with 0 for a part
/// the date does not give: a year sorts before every month of it, a month before its days.
/// `None` for text that is not such a date (a month outside 1–12, a day outside 1–31).
pub fn date_key(date: &str) -> Option<(i32, u32, u32)> {
    let mut parts = date.trim().splitn(3, '-');
    let number = |part: Option<&str>, digits: usize| {
        part.filter(|p| p.len() == digits && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
    };
    let year = number(parts.next(), 4)?;
    let month = match parts.next() {
        None => return Some((year as i32, 0, 0)),
        Some(m) => number(Some(m), 2).filter(|m| (1..=12).contains(m))?,
    };
    let day = match parts.next() {
        None => 0,
        Some(d) => number(Some(d), 2).filter(|d| (1..=31).contains(d))?,
    };
    Some((year as i32, month, day))
}

fn title(s: &Study) -> Option<&str> {
    let id = &s.protocol_section.identification_module;
    id.brief_title.as_deref().or(id.official_title.as_deref())
}

fn date_of(date: &Option<DateStruct>) -> Option<(i32, u32, u32)> {
    date.as_ref()?.date.as_deref().and_then(date_key)
}

fn start_key(s: &Study) -> Option<(i32, u32, u32)> {
    date_of(&s.protocol_section.status_module.start_date_struct)
}

fn end_key(s: &Study) -> Option<(i32, u32, u32)> {
    let m = &s.protocol_section.status_module;
    date_of(&m.completion_date_struct).or_else(|| date_of(&m.primary_completion_date_struct))
}

fn enrollment(s: &Study) -> Option<u64> {
    s.protocol_section
        .design_module
        .enrollment_info
        .as_ref()?
        .count
}

fn status_rank(s: &Study) -> Option<usize> {
    let status = s.protocol_section.status_module.overall_status?;
    Status::ALL.iter().position(|x| *x == status)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::test_records::study;
    use serde_json::json;

    fn trial(id: &str, title: &str, start: &str, status: &str, count: u64) -> Study {
        let mut s = study(json!({"protocolSection": {
            "identificationModule": {"nctId": id, "briefTitle": title},
            "statusModule": {"overallStatus": status, "startDateStruct": {"date": start}},
            "designModule": {"enrollmentInfo": {"count": count}}
        }}));
        if start.is_empty() {
            s.protocol_section.status_module.start_date_struct = None;
        }
        s
    }

    fn ids(studies: &[&Study], key: SortKey, descending: bool) -> Vec<String> {
        order(studies, key, descending)
            .into_iter()
            .map(|i| studies[i].nct_id().unwrap_or("-").to_string())
            .collect()
    }

    #[test]
    fn dates_are_partial_and_compare_by_their_precision() {
        assert_eq!(date_key("2021"), Some((2021, 0, 0)));
        assert_eq!(date_key(" 2021-03 "), Some((2021, 3, 0)));
        assert_eq!(date_key("2021-03-15"), Some((2021, 3, 15)));
        for bad in [
            "",
            "21",
            "2021-3",
            "2021-13",
            "2021-00",
            "2021-03-32",
            "2021-03-15T10",
            "March 2021",
        ] {
            assert_eq!(date_key(bad), None, "{bad}");
        }
        assert!(date_key("2021") < date_key("2021-01"));
        assert!(date_key("2021-01") < date_key("2021-01-01"));
        assert!(date_key("2021-12-31") < date_key("2022"));
    }

    #[test]
    fn missing_values_come_last_either_way() {
        let a = trial("NCT00000003", "b", "2021-03", "RECRUITING", 5);
        let b = trial("NCT00000001", "A", "2021", "COMPLETED", 50);
        let c = trial("NCT00000002", "c", "", "ACTIVE_NOT_RECRUITING", 7);
        let d = trial("NCT00000004", "a", "2021-03-15", "WITHDRAWN", 7);
        let all = [&a, &b, &c, &d];
        assert_eq!(
            ids(&all, SortKey::StartDate, false),
            ["NCT00000001", "NCT00000003", "NCT00000004", "NCT00000002"]
        );
        assert_eq!(
            ids(&all, SortKey::StartDate, true),
            ["NCT00000004", "NCT00000003", "NCT00000001", "NCT00000002"]
        );
        assert_eq!(
            ids(&all, SortKey::NctId, false),
            ["NCT00000001", "NCT00000002", "NCT00000003", "NCT00000004"]
        );
        // "A" and "a" tie and keep their loaded order.
        assert_eq!(
            ids(&all, SortKey::Title, false),
            ["NCT00000001", "NCT00000004", "NCT00000003", "NCT00000002"]
        );
        assert_eq!(
            ids(&all, SortKey::Title, true),
            ["NCT00000002", "NCT00000003", "NCT00000001", "NCT00000004"]
        );
        assert_eq!(
            ids(&all, SortKey::Status, false),
            ["NCT00000002", "NCT00000001", "NCT00000003", "NCT00000004"]
        );
        assert_eq!(
            ids(&all, SortKey::Enrollment, true),
            ["NCT00000001", "NCT00000002", "NCT00000004", "NCT00000003"]
        );
        assert_eq!(
            ids(&all, SortKey::Loaded, false),
            ["NCT00000003", "NCT00000001", "NCT00000002", "NCT00000004"]
        );
        assert_eq!(
            ids(&all, SortKey::Loaded, true),
            ["NCT00000004", "NCT00000002", "NCT00000001", "NCT00000003"]
        );
        let none = Study::default();
        for key in SortKey::ALL {
            for descending in [false, true] {
                assert_ne!(
                    compare(*key, descending, &none, &d),
                    Ordering::Less,
                    "{key:?}"
                );
                assert_ne!(
                    compare(*key, descending, &d, &none),
                    Ordering::Greater,
                    "{key:?}"
                );
            }
        }
    }

    #[test]
    fn completion_falls_back_to_primary_completion() {
        let s = |completion: Option<&str>, primary: Option<&str>| {
            let mut s = Study::default();
            let m = &mut s.protocol_section.status_module;
            m.completion_date_struct = completion.map(|d| DateStruct::new(d.into()));
            m.primary_completion_date_struct = primary.map(|d| DateStruct::new(d.into()));
            s
        };
        let early = s(None, Some("2020"));
        let late = s(Some("2022-05"), Some("2019"));
        let none = s(None, None);
        assert_eq!(
            compare(SortKey::CompletionDate, false, &early, &late),
            Ordering::Less
        );
        assert_eq!(
            compare(SortKey::CompletionDate, true, &early, &late),
            Ordering::Greater
        );
        assert_eq!(
            compare(SortKey::CompletionDate, true, &none, &early),
            Ordering::Greater
        );
    }

    #[test]
    fn order_agrees_with_compare_for_every_key() {
        let titles = ["b", "Á", "a", "", "B", "ä", "Zebra", "zebra", "ß", "SS"];
        let studies: Vec<Study> = titles
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut s = trial(
                    &format!("NCT{:08}", 9 - i),
                    t,
                    ["2021", "2020-05", ""][i % 3],
                    ["RECRUITING", "COMPLETED"][i % 2],
                    i as u64 % 4,
                );
                if t.is_empty() {
                    s.protocol_section.identification_module.brief_title = None;
                }
                s
            })
            .collect();
        let refs: Vec<&Study> = studies.iter().collect();
        for key in SortKey::ALL.iter().skip(1) {
            for descending in [false, true] {
                let mut expected: Vec<usize> = (0..refs.len()).collect();
                expected.sort_by(|&i, &j| compare(*key, descending, refs[i], refs[j]));
                assert_eq!(
                    order(&refs, *key, descending),
                    expected,
                    "{key:?} {descending}"
                );
            }
        }
    }

    #[test]
    fn key_names_round_trip() {
        for key in SortKey::ALL {
            assert_eq!(SortKey::from_name(key.name()), Some(*key));
        }
        assert_eq!(SortKey::from_name("nope"), None);
    }
}
