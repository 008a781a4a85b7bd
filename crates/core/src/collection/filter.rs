//! Narrowing the collection: the search text, the facet filters and the sort order — a
//! [`View`] — and how a view is written into and read back from a URL fragment.
//!
//! Within one facet the chosen values are alternatives (status Recruiting *or* Completed);
//! the facets and the search all have to hold. A record that does not give a facet's value
//! does not pass that facet's filter.

use crate::collection::search::{Query, SearchText};
use crate::collection::sort::SortKey;
use crate::model::{Phase, Sex, Status, StudyType};
use crate::Study;

/// What the user narrowed the collection to, and how it is sorted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct View {
    /// The search text as typed.
    pub search: String,
    /// Overall statuses to keep (empty: any).
    pub statuses: Vec<Status>,
    /// Phases to keep: a record passes when one of its phases is chosen (empty: any).
    pub phases: Vec<Phase>,
    /// Study types to keep (empty: any).
    pub study_types: Vec<StudyType>,
    /// Sexes a trial must accept: a trial open to `ALL` accepts either (empty: any).
    pub sexes: Vec<Sex>,
    /// An age in years the trial must accept (between its minimum and maximum age; a bound
    /// it does not give does not limit it).
    pub age: Option<u32>,
    /// Source layouts to keep, by `trialcards.source.layout` name (empty: any).
    pub layouts: Vec<String>,
    /// Keep only trials with posted results (`Some(true)`) or only those without.
    pub has_results: Option<bool>,
    /// The sort order.
    pub sort: SortKey,
    /// Whether the sort is descending.
    pub descending: bool,
}

impl View {
    /// Whether any filter or the search narrows the collection.
    pub fn is_narrowed(&self) -> bool {
        !Query::parse(&self.search).is_empty()
            || !self.statuses.is_empty()
            || !self.phases.is_empty()
            || !self.study_types.is_empty()
            || !self.sexes.is_empty()
            || self.age.is_some()
            || !self.layouts.is_empty()
            || self.has_results.is_some()
    }

    /// A matcher for this view's filters, with the query parsed once.
    pub fn matcher(&self) -> Matcher<'_> {
        Matcher {
            view: self,
            query: Query::parse(&self.search),
        }
    }

    /// The view as a URL fragment without the `#` (`q=stem%20cell&status=RECRUITING&sort=start`);
    /// empty for the default view. Only what differs from the default is written.
    pub fn to_fragment(&self) -> String {
        unimplemented!()
    }

    /// Reads a fragment written by [`View::to_fragment`] (with or without its `#`). Unknown keys
    /// and values are skipped, so an old or hand-edited bookmark still opens.
    pub fn from_fragment(fragment: &str) -> Self {
        unimplemented!("{fragment}")
    }
}

/// A view's filters, ready to test many records.
#[derive(Debug, Clone)]
pub struct Matcher<'a> {
    view: &'a View,
    query: Query,
}

impl Matcher<'_> {
    /// The parsed search query.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// Whether `study` (with its searchable text) passes every filter and the search.
    pub fn matches(&self, study: &Study, text: &SearchText) -> bool {
        unimplemented!("{study:?}{text:?}{:?}", self.view)
    }
}

/// An age such as "18 Years" or "6 Months" in years (fractional), for the age filter.
pub fn age_in_years(age: &str) -> Option<f64> {
    unimplemented!("{age}")
}
