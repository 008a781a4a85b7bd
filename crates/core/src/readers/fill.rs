//! Fills the fields a record left empty from another record of the same trial (a page's own
//! values and the record it embeds as data): the record's values always win, and a field is
//! taken whole, so a list the record has is never mixed with the other's.

use crate::model::Study;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

/// The deepest a record's JSON is walked (v2 records nest about eight deep).
const MAX_DEPTH: usize = 64;

/// What filling a record from another did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Filled {
    /// The record paths filled (`protocolSection.designModule.studyType`, a list's items with
    /// their index).
    pub paths: Vec<String>,
    /// The paths where both records have a value and the values differ (the record's kept).
    pub differing: Vec<String>,
}

/// Fills what `study` leaves empty (a field absent, `null` or an empty list) from `other`: its
/// protocol, document and derived sections, whether it has results, and what its source held
/// that the model does not (`trialcards.unmodelled`). Eligibility criteria text is not taken
/// when `study` has its own criteria tree (the text is made from the tree).
pub(crate) fn fill_empty(study: &mut Study, other: &Study) -> Filled {
    let mut filled = Filled::default();
    let has_tree = study.trialcards.criteria.is_some();
    fill_section(
        &mut study.protocol_section,
        &other.protocol_section,
        "protocolSection",
        |theirs| {
            if has_tree {
                if let Some(e) = theirs
                    .get_mut("eligibilityModule")
                    .and_then(Value::as_object_mut)
                {
                    e.remove("eligibilityCriteria");
                }
            }
        },
        &mut filled,
    );
    fill_section(
        &mut study.document_section,
        &other.document_section,
        "documentSection",
        |_| {},
        &mut filled,
    );
    fill_section(
        &mut study.derived_section,
        &other.derived_section,
        "derivedSection",
        |_| {},
        &mut filled,
    );
    match (study.has_results, other.has_results) {
        (None, Some(_)) => {
            study.has_results = other.has_results;
            filled.paths.push("hasResults".to_string());
        }
        (Some(a), Some(b)) if a != b => filled.differing.push("hasResults".to_string()),
        _ => {}
    }
    for (pointer, value) in &other.trialcards.unmodelled {
        study
            .trialcards
            .unmodelled
            .entry(pointer.clone())
            .or_insert_with(|| value.clone());
    }
    filled
}

/// Fills the section `mine` (named `name`) from `theirs`, after `prepare` has taken out of
/// `theirs` what is not to be taken. A section that could not be read back stays as it was.
fn fill_section<T: Serialize + DeserializeOwned>(
    mine: &mut T,
    theirs: &T,
    name: &str,
    prepare: impl FnOnce(&mut Value),
    filled: &mut Filled,
) {
    #[cfg(not(feature = "structured"))]
    {
        // Filling reads the section back into the model: handed on (crate::here).
        crate::here::hand_on();
        return;
    }
    let (Ok(mut mine_value), Ok(mut theirs_value)) = (
        crate::json_value::to_value(&*mine),
        crate::json_value::to_value(theirs),
    ) else {
        return;
    };
    prepare(&mut theirs_value);
    let mut here = Filled::default();
    fill_value(&mut mine_value, theirs_value, name, 0, &mut here);
    if !here.paths.is_empty() {
        match crate::json_value::from_value(&mine_value) {
            Ok(section) => *mine = section,
            Err(_) => here.paths.clear(),
        }
    }
    filled.paths.extend(here.paths);
    filled.differing.extend(here.differing);
}

/// Whether a value carries nothing (`null`, `[]`, `{}`, `""`).
fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::String(s) => s.is_empty(),
        _ => false,
    }
}

/// Fills `mine` (at `path`) from `theirs`: objects key by key, anything else whole when `mine`
/// is empty. Notes the paths filled (each value's own, a list's items') and those that differ.
fn fill_value(mine: &mut Value, theirs: Value, path: &str, depth: usize, filled: &mut Filled) {
    if is_empty(&theirs) || depth > MAX_DEPTH {
        return;
    }
    let absent = mine.is_null();
    if absent && theirs.is_object() {
        *mine = Value::Object(Map::new());
    }
    match (&mut *mine, theirs) {
        (Value::Object(m), Value::Object(t)) => fill_object(m, t, path, depth, filled),
        (m, theirs) if is_empty(m) => {
            note_filled(&theirs, path, &mut filled.paths);
            *m = theirs;
        }
        (m, theirs) => {
            if *m != theirs {
                filled.differing.push(path.to_string());
            }
        }
    }
    // An object made here that nothing filled stays absent.
    if absent && is_empty(mine) {
        *mine = Value::Null;
    }
}

/// Fills the object `mine` key by key from `theirs`.
fn fill_object(
    mine: &mut Map<String, Value>,
    theirs: Map<String, Value>,
    path: &str,
    depth: usize,
    filled: &mut Filled,
) {
    for (key, value) in theirs {
        let child = format!("{path}.{key}");
        let slot = mine.entry(key).or_insert(Value::Null);
        fill_value(slot, value, &child, depth + 1, filled);
    }
    mine.retain(|_, v| !v.is_null());
}

/// Notes the path of a value taken whole: a list's items one by one.
fn note_filled(value: &Value, path: &str, filled: &mut Vec<String>) {
    match value {
        Value::Array(items) => {
            filled.extend((0..items.len()).map(|i| format!("{path}[{i}]")));
        }
        _ => filled.push(path.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::enums::{Phase, Status};

    #[test]
    fn empty_fields_are_filled_and_the_records_own_values_win() {
        let mut page = Study::default();
        let p = &mut page.protocol_section;
        p.status_module.overall_status = Some(Status::Completed);
        p.design_module.phases = vec![Phase::Phase1];
        let mut other = Study::default();
        let o = &mut other.protocol_section;
        o.status_module.overall_status = Some(Status::Terminated);
        o.design_module.phases = vec![Phase::Phase2];
        o.conditions_module.conditions = vec!["Fictional Fever".into(), "Cough".into()];
        o.identification_module.acronym = Some("FEVER".into());
        other.has_results = Some(false);
        other
            .trialcards
            .unmodelled
            .insert("/annotationSection".into(), serde_json::json!({"a": 1}));
        other.derived_section.misc_info_module.version_holder = Some("2031-01-02".into());
        let filled = fill_empty(&mut page, &other);
        let mut paths = filled.paths.clone();
        paths.sort();
        let p = &page.protocol_section;
        assert_eq!(p.status_module.overall_status, Some(Status::Completed));
        assert_eq!(p.design_module.phases, [Phase::Phase1]);
        assert_eq!(p.conditions_module.conditions, ["Fictional Fever", "Cough"]);
        assert_eq!(p.identification_module.acronym.as_deref(), Some("FEVER"));
        assert_eq!(page.has_results, Some(false));
        assert!(page
            .trialcards
            .unmodelled
            .contains_key("/annotationSection"));
        assert_eq!(
            page.derived_section
                .misc_info_module
                .version_holder
                .as_deref(),
            Some("2031-01-02")
        );
        assert_eq!(
            filled.differing,
            [
                "protocolSection.designModule.phases",
                "protocolSection.statusModule.overallStatus"
            ]
        );
        assert_eq!(
            paths,
            [
                "derivedSection.miscInfoModule.versionHolder",
                "hasResults",
                "protocolSection.conditionsModule.conditions[0]",
                "protocolSection.conditionsModule.conditions[1]",
                "protocolSection.identificationModule.acronym",
            ]
        );
    }

    #[test]
    fn criteria_text_stays_the_pages_when_it_has_a_tree() {
        let mut page = Study::default();
        page.trialcards.criteria = Some(Default::default());
        let mut other = Study::default();
        other
            .protocol_section
            .eligibility_module
            .eligibility_criteria = Some("Inclusion Criteria: adults".into());
        let filled = fill_empty(&mut page, &other);
        assert_eq!(filled, Filled::default());
        assert!(page
            .protocol_section
            .eligibility_module
            .eligibility_criteria
            .is_none());
    }
}
