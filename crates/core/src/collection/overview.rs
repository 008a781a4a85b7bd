//! The picture of a collection: how many trials by status and by phase, enrollment, and each
//! trial's span from start to completion.

use crate::collection::sort::date_key;
use crate::model::{CtEnum, DateStruct, DateType, Phase, Status};
use crate::Study;

/// Counts and spans over a set of records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overview {
    /// How many records.
    pub trials: usize,
    /// Records per overall status, in CT.gov's order of statuses; only statuses that occur,
    /// with `None` (status not given) last.
    pub by_status: Vec<(Option<Status>, usize)>,
    /// Records per phase combination as registries write it (`[PHASE1, PHASE2]` is one bar,
    /// "Phase 1/Phase 2"), in phase order; `[]` (phase not given) last.
    pub by_phase: Vec<(Vec<Phase>, usize)>,
    /// The sum of the enrollment counts given.
    pub enrollment_total: u64,
    /// The median enrollment count of the records that give one.
    pub enrollment_median: Option<f64>,
    /// How many records give an enrollment count.
    pub enrollment_counted: usize,
    /// One span per record with a start date, in the records' order.
    pub spans: Vec<Span>,
    /// The earliest start and the latest end of all spans (fractional years), for the axis.
    pub range: Option<(f64, f64)>,
}

/// One trial's start-to-completion span.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Span {
    /// The record's position in the slice given to [`overview`].
    pub index: usize,
    /// Its NCT ID, if any.
    pub nct_id: Option<String>,
    /// Its brief title (or official title, or NCT ID).
    pub title: String,
    /// The start date as the record gives it ("2021-03").
    pub start_text: String,
    /// The start as a fractional year (2021-03 → 2021.167).
    pub start: f64,
    /// The completion date (or primary completion date) as given, if any.
    pub end_text: Option<String>,
    /// The end as a fractional year; `None` when the record gives no completion date.
    pub end: Option<f64>,
    /// Whether the end date is anticipated rather than actual.
    pub end_anticipated: bool,
}

/// The overview of `studies`.
///
/// A span needs a start date that reads as a date ([`fractional_year`]); it ends at the
/// completion date, or else the primary completion date, and is anticipated when that date
/// is estimated (CT.gov's `ESTIMATED`, which older records call "Anticipated"). The range
/// runs from the earliest start to the latest end (a span without an end counts its start).
pub fn overview(studies: &[&Study]) -> Overview {
    let mut statuses = vec![0usize; Status::ALL.len()];
    let mut no_status = 0;
    let mut phases: Vec<(Vec<Phase>, usize)> = Vec::new();
    let mut counts: Vec<u64> = Vec::new();
    let mut spans = Vec::new();
    for (index, study) in studies.iter().enumerate() {
        let p = &study.protocol_section;
        match p.status_module.overall_status {
            Some(s) => match Status::ALL.iter().position(|x| *x == s) {
                Some(at) => statuses[at] += 1,
                None => no_status += 1,
            },
            None => no_status += 1,
        }
        let combination: Vec<Phase> = Phase::ALL
            .iter()
            .copied()
            .filter(|x| p.design_module.phases.contains(x))
            .collect();
        match phases.iter_mut().find(|(c, _)| *c == combination) {
            Some((_, n)) => *n += 1,
            None => phases.push((combination, 1)),
        }
        if let Some(n) = p
            .design_module
            .enrollment_info
            .as_ref()
            .and_then(|e| e.count)
        {
            counts.push(n);
        }
        spans.extend(span(index, study));
    }
    let mut by_status: Vec<(Option<Status>, usize)> = Status::ALL
        .iter()
        .zip(&statuses)
        .filter(|(_, n)| **n > 0)
        .map(|(s, n)| (Some(*s), *n))
        .collect();
    if no_status > 0 {
        by_status.push((None, no_status));
    }
    let rank = |c: &[Phase]| -> Vec<usize> {
        c.iter()
            .filter_map(|x| Phase::ALL.iter().position(|y| y == x))
            .collect()
    };
    // Phase order, combinations after their first phase ("Phase 1", "Phase 1/Phase 2",
    // "Phase 2"); no phase last.
    phases.sort_by_key(|(c, _)| (c.is_empty(), rank(c)));
    counts.sort_unstable();
    let enrollment_median = match counts.len() {
        0 => None,
        n if n % 2 == 1 => Some(counts[n / 2] as f64),
        n => Some((counts[n / 2 - 1] as f64 + counts[n / 2] as f64) / 2.0),
    };
    let range = spans
        .iter()
        .fold(None, |range: Option<(f64, f64)>, s: &Span| {
            let end = s.end.unwrap_or(s.start).max(s.start);
            Some(match range {
                None => (s.start, end),
                Some((lo, hi)) => (lo.min(s.start), hi.max(end)),
            })
        });
    Overview {
        trials: studies.len(),
        by_status,
        by_phase: phases,
        enrollment_total: counts.iter().fold(0u64, |t, n| t.saturating_add(*n)),
        enrollment_median,
        enrollment_counted: counts.len(),
        spans,
        range,
    }
}

fn span(index: usize, study: &Study) -> Option<Span> {
    let p = &study.protocol_section;
    let st = &p.status_module;
    let start_text = st.start_date_struct.as_ref()?.date.clone()?;
    let start = fractional_year(&start_text)?;
    let given = |d: &Option<DateStruct>| d.as_ref().filter(|d| d.date.is_some()).cloned();
    let end_struct =
        given(&st.completion_date_struct).or_else(|| given(&st.primary_completion_date_struct));
    let end_text = end_struct.as_ref().and_then(|d| d.date.clone());
    let id = &p.identification_module;
    Some(Span {
        index,
        nct_id: id.nct_id.clone(),
        title: id
            .brief_title
            .clone()
            .or_else(|| id.official_title.clone())
            .or_else(|| id.nct_id.clone())
            .unwrap_or_else(|| "Untitled trial".to_string()),
        start_text,
        start,
        end: end_text.as_deref().and_then(fractional_year),
        end_text,
        end_anticipated: end_struct.is_some_and(|d| d.date_type == Some(DateType::Estimated)),
    })
}

/// A CT.gov date ("2021", "2021-03", "2021-03-15") as a fractional year, for drawing.
///
/// A year is its first day, a month its first day (2021-03 → 2021 + 2/12), a day its share
/// of its month (2021-03-16 → 2021 + (2 + 15/31)/12), so a date never comes before the
/// month or year that holds it. `None` for text that is not such a date ([`date_key`]).
pub fn fractional_year(date: &str) -> Option<f64> {
    let (year, month, day) = date_key(date)?;
    let mut value = f64::from(year);
    if month > 0 {
        value += f64::from(month - 1) / 12.0;
        if day > 0 {
            let days = days_in_month(year, month);
            value += f64::from(day.min(days) - 1) / f64::from(days) / 12.0;
        }
    }
    Some(value)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::test_records::study;
    use serde_json::json;

    fn trial(status: Option<&str>, phases: &[&str], count: Option<u64>) -> Study {
        study(json!({"protocolSection": {
            "statusModule": {"overallStatus": status},
            "designModule": {"phases": phases, "enrollmentInfo": {"count": count}}
        }}))
    }

    #[test]
    fn fractional_years() {
        let eq = |date: &str, want: f64| {
            let got = fractional_year(date).unwrap();
            assert!((got - want).abs() < 1e-9, "{date}: {got}");
        };
        eq("2021", 2021.0);
        eq("2021-01", 2021.0);
        eq("2021-03", 2021.0 + 2.0 / 12.0);
        eq("2021-03-16", 2021.0 + (2.0 + 15.0 / 31.0) / 12.0);
        eq("2024-02-29", 2024.0 + (1.0 + 28.0 / 29.0) / 12.0);
        assert!((fractional_year("2021-03").unwrap() - 2021.167).abs() < 0.001);
        assert_eq!(fractional_year("soon"), None);
        // Later dates are never earlier, and a day stays within its month.
        let mut last = 0.0;
        for month in 1..=12u32 {
            for day in 1..=31u32 {
                let v = fractional_year(&format!("2023-{month:02}-{day:02}")).unwrap();
                assert!(v >= last);
                assert!(v < fractional_year(&format!("2023-{month:02}")).unwrap() + 1.0 / 12.0);
                last = v;
            }
        }
        assert!(last < 2024.0);
    }

    #[test]
    fn counts_by_status_and_phase() {
        let a = trial(Some("RECRUITING"), &["PHASE2"], Some(10));
        let b = trial(None, &["PHASE2", "PHASE1"], Some(30));
        let c = trial(Some("ACTIVE_NOT_RECRUITING"), &[], None);
        let d = trial(Some("RECRUITING"), &["PHASE1"], Some(20));
        let e = trial(Some("RECRUITING"), &["NA"], Some(1));
        let f = trial(Some("WITHDRAWN"), &["PHASE1", "PHASE2"], Some(0));
        let o = overview(&[&a, &b, &c, &d, &e, &f]);
        assert_eq!(o.trials, 6);
        assert_eq!(
            o.by_status,
            [
                (Some(Status::ActiveNotRecruiting), 1),
                (Some(Status::Recruiting), 3),
                (Some(Status::Withdrawn), 1),
                (None, 1)
            ]
        );
        assert_eq!(
            o.by_phase,
            [
                (vec![Phase::Na], 1),
                (vec![Phase::Phase1], 1),
                (vec![Phase::Phase1, Phase::Phase2], 2),
                (vec![Phase::Phase2], 1),
                (vec![], 1)
            ]
        );
        assert_eq!(o.enrollment_total, 61);
        assert_eq!(o.enrollment_counted, 5);
        assert_eq!(o.enrollment_median, Some(10.0));
        let o = overview(&[&a, &b, &d, &f]);
        assert_eq!(o.enrollment_median, Some(15.0));
        assert_eq!(overview(&[&c]).enrollment_median, None);
        assert_eq!(overview(&[]), Overview::default());
    }

    #[test]
    fn spans_from_start_to_completion() {
        let dates = |start: Option<&str>,
                     primary: Option<(&str, &str)>,
                     completion: Option<(&str, &str)>| {
            let d = |x: Option<(&str, &str)>| x.map(|(d, t)| json!({"date": d, "type": t}));
            study(json!({"protocolSection": {
                "identificationModule": {"nctId": "NCT09990001", "officialTitle": "Official"},
                "statusModule": {
                    "startDateStruct": start.map(|s| json!({"date": s})),
                    "primaryCompletionDateStruct": d(primary),
                    "completionDateStruct": d(completion)
                }
            }}))
        };
        let done = dates(
            Some("2019-07"),
            Some(("2020", "ACTUAL")),
            Some(("2021-01-01", "ACTUAL")),
        );
        let planned = dates(Some("2022"), Some(("2026-06", "ESTIMATED")), None);
        let open = dates(Some("2018-01"), None, None);
        let unstarted = dates(None, None, Some(("2030", "ESTIMATED")));
        let o = overview(&[&done, &unstarted, &planned, &open]);
        assert_eq!(o.spans.len(), 3);
        let s = &o.spans[0];
        assert_eq!(
            (s.index, s.start_text.as_str(), s.end_text.as_deref()),
            (0, "2019-07", Some("2021-01-01"))
        );
        assert_eq!(
            (s.start, s.end, s.end_anticipated),
            (2019.5, Some(2021.0), false)
        );
        assert_eq!(s.title, "Official");
        assert_eq!(s.nct_id.as_deref(), Some("NCT09990001"));
        let s = &o.spans[1];
        assert_eq!(
            (s.index, s.end_text.as_deref(), s.end_anticipated),
            (2, Some("2026-06"), true)
        );
        let s = &o.spans[2];
        assert_eq!((s.index, s.end, s.end_anticipated), (3, None, false));
        assert_eq!(o.range, Some((2018.0, 2026.0 + 5.0 / 12.0)));
        assert_eq!(overview(&[&open]).range, Some((2018.0, 2018.0)));
        assert_eq!(overview(&[&unstarted]).range, None);
    }
}
