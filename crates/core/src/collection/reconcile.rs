//! The same trial read from several sources (two sites, or a page and its JSON) becomes one
//! group: one record to show, and every field whose sources disagree, with each one's value.

use std::collections::HashMap;

use crate::collection::fields::{compared, same_value};
use crate::collection::sort::date_key;
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
///
/// NCT IDs are compared trimmed and uppercased (the group's `nct_id` is that form); a record
/// without one is a group of its own. A field differs when at least two members give it and
/// their values are not all the same ([`same_value`]); groups of one have no differences.
/// Linear in the number of records (a hash map finds each record's group).
pub fn reconcile<K: Clone>(records: &[(K, &Study)]) -> Vec<Group<K>> {
    let mut groups: Vec<(Option<String>, Vec<usize>)> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (at, (_, study)) in records.iter().enumerate() {
        let id = study
            .nct_id()
            .map(|id| id.trim().to_uppercase())
            .filter(|id| !id.is_empty());
        match id {
            Some(id) => match by_id.get(&id) {
                Some(&g) => groups[g].1.push(at),
                None => {
                    by_id.insert(id.clone(), groups.len());
                    groups.push((Some(id), vec![at]));
                }
            },
            None => groups.push((None, vec![at])),
        }
    }
    groups
        .into_iter()
        .map(|(nct_id, members)| {
            let studies: Vec<&Study> = members.iter().map(|&at| records[at].1).collect();
            Group {
                nct_id,
                primary: primary(&studies),
                differences: differences(&studies),
                members: members.iter().map(|&at| records[at].0.clone()).collect(),
            }
        })
        .collect()
}

/// The member updated last (by [`date_key`]), the first among equals; 0 when none says.
fn primary(studies: &[&Study]) -> usize {
    let mut best: Option<(usize, (i32, u32, u32))> = None;
    for (at, s) in studies.iter().enumerate() {
        let updated = s
            .protocol_section
            .status_module
            .last_update_post_date_struct
            .as_ref()
            .and_then(|d| d.date.as_deref())
            .and_then(date_key);
        if let Some(date) = updated {
            if best.is_none_or(|(_, b)| date > b) {
                best = Some((at, date));
            }
        }
    }
    best.map_or(0, |(at, _)| at)
}

fn differences(studies: &[&Study]) -> Vec<Difference> {
    if studies.len() < 2 {
        return Vec::new();
    }
    compared()
        .filter_map(|field| {
            let values: Vec<(usize, String)> = studies
                .iter()
                .enumerate()
                .filter_map(|(at, s)| field.value(s).map(|v| (at, v)))
                .collect();
            let (_, first) = values.first()?;
            let disagree = values.len() >= 2 && values.iter().any(|(_, v)| !same_value(first, v));
            disagree.then_some(Difference {
                key: field.key,
                label: field.label,
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

    fn source(id: Option<&str>, updated: Option<&str>, status: &str, count: Option<u64>) -> Study {
        study(json!({"protocolSection": {
            "identificationModule": {"nctId": id, "briefTitle": "Knee Cells"},
            "statusModule": {
                "overallStatus": status,
                "lastUpdatePostDateStruct": updated.map(|d| json!({"date": d}))
            },
            "designModule": {"enrollmentInfo": {"count": count}}
        }}))
    }

    #[test]
    fn groups_by_nct_id_in_first_appearance_order() {
        let a = source(Some("NCT09990002"), Some("2020-01"), "RECRUITING", Some(10));
        let b = source(Some(" nct09990001 "), None, "RECRUITING", Some(10));
        let c = source(None, None, "RECRUITING", None);
        let d = source(Some("NCT09990002"), Some("2021"), "COMPLETED", None);
        let e = source(Some("NCT09990001"), None, "RECRUITING", Some(12));
        let f = source(None, None, "RECRUITING", None);
        let g = source(Some("  "), None, "RECRUITING", None);
        let records = [
            ("a", &a),
            ("b", &b),
            ("c", &c),
            ("d", &d),
            ("e", &e),
            ("f", &f),
            ("g", &g),
        ];
        let groups = reconcile(&records);
        let shape: Vec<(Option<&str>, Vec<&str>, usize)> = groups
            .iter()
            .map(|g| (g.nct_id.as_deref(), g.members.clone(), g.primary))
            .collect();
        assert_eq!(
            shape,
            [
                (Some("NCT09990002"), vec!["a", "d"], 1),
                (Some("NCT09990001"), vec!["b", "e"], 0),
                (None, vec!["c"], 0),
                (None, vec!["f"], 0),
                (None, vec!["g"], 0),
            ]
        );
        // Status differs; enrollment only one member of the first group gives.
        let keys = |g: &Group<&str>| g.differences.iter().map(|d| d.key).collect::<Vec<_>>();
        assert_eq!(
            keys(&groups[0]),
            ["overallStatus", "lastUpdatePostDateStruct"]
        );
        assert_eq!(
            groups[0].differences[0].values,
            [(0, "Recruiting".to_string()), (1, "Completed".to_string())]
        );
        // " nct09990001 " and "NCT09990001" are the same value.
        assert_eq!(keys(&groups[1]), ["enrollmentInfo"]);
        assert!(groups[2..].iter().all(|g| g.differences.is_empty()));
    }

    #[test]
    fn the_member_updated_last_is_shown() {
        let dates = [
            Some("2021-03"),
            Some("2021"),
            None,
            Some("2021-03"),
            Some("2021-03-02"),
            Some("bad"),
        ];
        let studies: Vec<Study> = dates
            .iter()
            .map(|d| source(Some("NCT09990001"), *d, "RECRUITING", None))
            .collect();
        let records: Vec<(usize, &Study)> = studies.iter().enumerate().collect();
        assert_eq!(reconcile(&records)[0].primary, 4);
        assert_eq!(reconcile(&records[..4])[0].primary, 0);
        assert_eq!(reconcile(&records[1..3])[0].primary, 0);
        assert_eq!(reconcile(&records[2..3])[0].primary, 0);
        let undated = [records[2], records[5]];
        assert_eq!(reconcile(&undated)[0].primary, 0);
        assert!(reconcile::<usize>(&[]).is_empty());
    }
}
