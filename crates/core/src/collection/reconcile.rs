//! The same trial read from several sources (two sites, or a page and its JSON) becomes one
//! group: one record to show, and every field whose sources disagree, with each one's value.

use std::collections::HashMap;

use crate::collection::fields::{same_value, FIELDS};
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
    FIELDS
        .iter()
        .filter_map(|field| {
            let values: Vec<(usize, String)> = studies
                .iter()
                .enumerate()
                .filter_map(|(at, s)| (field.value)(s).map(|v| (at, v)))
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
