//! Different trials side by side: one row per field, one column per trial, and whether the
//! trials' values differ.

use crate::collection::fields::{same_value, FIELDS};
use crate::Study;

/// One field across the compared trials.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The field's key ([`crate::collection::fields::Field::key`]).
    pub key: &'static str,
    /// The field's label.
    pub label: &'static str,
    /// Each trial's value, in the order given (`None`: the record does not give it).
    pub values: Vec<Option<String>>,
    /// Whether the values are not all the same ([`same_value`](crate::collection::fields::same_value));
    /// a value one trial gives and another does not counts as a difference.
    pub differs: bool,
}

/// The rows for `studies`: every field at least one of them gives, in [`FIELDS`] order.
pub fn compare(studies: &[&Study]) -> Vec<Row> {
    FIELDS
        .iter()
        .filter_map(|field| {
            let values: Vec<Option<String>> = studies.iter().map(|s| (field.value)(s)).collect();
            let first = values.iter().flatten().next()?;
            let differs = values
                .iter()
                .any(|v| v.as_deref().is_none_or(|v| !same_value(first, v)));
            Some(Row {
                key: field.key,
                label: field.label,
                differs,
                values,
            })
        })
        .collect()
}
