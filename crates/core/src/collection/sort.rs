//! Orders for the collection.

use std::cmp::Ordering;

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
pub fn compare(key: SortKey, descending: bool, a: &Study, b: &Study) -> Ordering {
    unimplemented!("{key:?}{descending}{a:?}{b:?}")
}
