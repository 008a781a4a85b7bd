//! Different trials side by side: one row per field, one column per trial, and whether the
//! trials' values differ.

use crate::collection::fields::{compared, same_value};
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

/// The rows for `studies`: every field at least one of them gives, in [`crate::collection::fields::FIELDS`] order.
pub fn compare(studies: &[&Study]) -> Vec<Row> {
    compared()
        .filter_map(|field| {
            let values: Vec<Option<String>> = studies.iter().map(|s| field.value(s)).collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::test_records::study;
    use serde_json::json;

    #[test]
    fn rows_for_the_fields_any_trial_gives() {
        let a = study(json!({"protocolSection": {
            "identificationModule": {"nctId": "NCT09990001", "briefTitle": "Knee Cells"},
            "statusModule": {"overallStatus": "RECRUITING"},
            "eligibilityModule": {"minimumAge": "18 Years"}
        }}));
        let b = study(json!({"protocolSection": {
            "identificationModule": {"nctId": "NCT09990002", "briefTitle": "knee  cells!"},
            "statusModule": {"overallStatus": "COMPLETED"},
            "designModule": {"phases": ["PHASE3"]},
            "eligibilityModule": {"minimumAge": "18 years"}
        }}));
        let rows = compare(&[&a, &b]);
        let summary: Vec<(&str, bool)> = rows.iter().map(|r| (r.key, r.differs)).collect();
        assert_eq!(
            summary,
            [
                ("briefTitle", false),
                ("nctId", true),
                ("overallStatus", true),
                ("minimumAge", false),
                ("phases", true)
            ]
        );
        assert_eq!(rows[4].values, [None, Some("Phase 3".to_string())]);
        assert_eq!(rows[4].label, "Phases");
        assert!(compare(&[&a]).iter().all(|r| !r.differs));
        assert!(compare(&[]).is_empty());
    }
}
