//! The picture of a collection: how many trials by status and by phase, enrollment, and each
//! trial's span from start to completion.

use crate::model::{Phase, Status};
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
pub fn overview(studies: &[&Study]) -> Overview {
    unimplemented!("{studies:?}")
}

/// A CT.gov date ("2021", "2021-03", "2021-03-15") as a fractional year, for drawing.
pub fn fractional_year(date: &str) -> Option<f64> {
    unimplemented!("{date}")
}
