//! The same trial read from several sources (two sites, or a page and its JSON) becomes one
//! group: one record to show, and every field whose sources disagree, with each one's value.

use crate::Study;

/// Records that describe one trial.
#[derive(Debug, Clone, PartialEq)]
pub struct Group<K> {
    /// The trial's NCT ID; `None` for a record without one (always a group of its own).
    pub nct_id: Option<String>,
    /// The records' keys, in the order they were given.
    pub members: Vec<K>,
    /// Which member is shown: the one updated last (latest `lastUpdatePostDate`), the
    /// first loaded among equals.
    pub primary: usize,
    /// The fields on which members give different values, in field order.
    pub differences: Vec<Difference>,
}

/// A field the sources of one trial disagree on.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// The field's key.
    pub key: &'static str,
    /// The field's label.
    pub label: &'static str,
    /// Each member that gives the field: (member index, its value). Members that do not give
    /// it are left out — only different values count as a disagreement.
    pub values: Vec<(usize, String)>,
}

/// Groups `records` (key, record) by NCT ID, in the order each trial first appears.
pub fn reconcile<K: Clone>(records: &[(K, &Study)]) -> Vec<Group<K>> {
    unimplemented!("{}", records.len())
}
