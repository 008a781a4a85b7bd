//! Full-text search: a query is words and "quoted phrases", every one of which must occur
//! (case-insensitively) somewhere in the record — titles, conditions, keywords, interventions,
//! sponsor and collaborators, criteria, summary and description, outcomes, IDs, locations.

use std::ops::Range;

use crate::Study;

/// The searchable text of one record, built once and searched on every keystroke.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchText {
    /// (field label, lowercased text) for every field that has text.
    sections: Vec<(&'static str, String)>,
}

impl SearchText {
    /// The searchable text of `study`.
    pub fn of(study: &Study) -> Self {
        unimplemented!("{study:?}")
    }
}

/// A parsed search query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The lowercased words and phrases, each of which must match.
    terms: Vec<String>,
}

impl Query {
    /// Reads what the user typed: words split on spaces, "double-quoted phrases" kept whole.
    pub fn parse(text: &str) -> Self {
        unimplemented!("{text}")
    }

    /// Whether the query has no terms (it matches everything).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms, lowercased.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Whether every term occurs somewhere in the record's text.
    pub fn matches(&self, text: &SearchText) -> bool {
        unimplemented!("{text:?}")
    }

    /// The labels of the fields in which some term occurs, in the record's order.
    pub fn matched_fields(&self, text: &SearchText) -> Vec<&'static str> {
        unimplemented!("{text:?}")
    }

    /// Where the terms occur in `text` (any case): sorted, non-overlapping byte ranges on
    /// character boundaries, for highlighting.
    pub fn find_in(&self, text: &str) -> Vec<Range<usize>> {
        unimplemented!("{text}")
    }
}
