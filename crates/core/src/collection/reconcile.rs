//! The same trial read from several sources (two sites, or a page and its JSON) becomes one
//! group: one record to show, and every field whose sources disagree, with each one's value.

use std::collections::HashMap;

use crate::collection::fields::{compared, Kind};
#[cfg(doc)]
use crate::collection::fields::{same_date, same_value};
use crate::collection::sort::date_key;
use crate::Study;

/// Records that describe one trial.
#[derive(Debug, Clone, PartialEq)]
pub struct Group<K> {
    /// The trial's NCT ID (the first member's that has one); `None` when no member has one.
    pub nct_id: Option<String>,
    /// Why the members are one trial: the registry ID each joining member shared with the
    /// group ("same EudraCT number 2012-004303-12"), each reason once; empty for a group of one.
    pub joined_by: Vec<String>,
    /// The records' keys, in the order they were given.
    pub members: Vec<K>,
    /// Which member is shown: the one updated last (latest `lastUpdatePostDate`), the
    /// first loaded among equals.
    pub primary: usize,
    /// The fields on which members give different values, in field order.
    pub differences: Vec<Difference>,
    /// The dates the members agree on that one of them gives more precisely
    /// (`2023-09-30` beside `2023-09`), in field order.
    pub finer: Vec<Finer>,
}

/// A date one member gives more precisely than the others, which agree with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Finer {
    /// The field's key.
    pub key: &'static str,
    /// The field's label.
    pub label: &'static str,
    /// The member that gives it most precisely.
    pub member: usize,
    /// Its value there.
    pub value: String,
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

/// Groups `records` (key, record) by any registry ID they share — the NCT ID, another NCT ID
/// a record lists, or a secondary ID of a registry (EudraCT, CTIS, ISRCTN, ChiCTR, ANZCTR,
/// DRKS, CTRI, jRCT, IRCT, NL-OMON …) — transitively: a WHO ICTRP page listing a trial's NCT
/// and EudraCT numbers joins the CT.gov record and the EU register page. Groups come in the
/// order each trial first appears, members in the order given.
///
/// IDs are compared trimmed and uppercased (the group's `nct_id` is that form); a record with
/// no registry ID, or one the user split off (`trialcards.apart`), is a group of its own. A field differs when at least two members give it and
/// their values are not all the same ([`same_value`]; dates at different precision agree,
/// [`same_date`]); groups of one have no differences. Linear in the number of records and IDs
/// (a hash map finds each ID's group, a union-find joins them).
pub fn reconcile<K: Clone>(records: &[(K, &Study)]) -> Vec<Group<K>> {
    let mut grouping = Grouping::default();
    grouping.add(records.iter().map(|(_, study)| *study));
    grouping
        .roots()
        .map(|root| {
            let group = grouping.group(root, |at| records[at].1);
            Group {
                members: group
                    .members
                    .iter()
                    .map(|&at| records[at].0.clone())
                    .collect(),
                nct_id: group.nct_id,
                joined_by: group.joined_by,
                primary: group.primary,
                differences: group.differences,
                finer: group.finer,
            }
        })
        .collect()
}

/// [`reconcile`] a batch at a time: records are added after those already added (numbered
/// 0, 1, 2 … in the order added) and each [`Grouping::add`] says which groups it changed, so
/// that a viewer receiving ten thousand files works out only the trials a batch touched. The
/// groups after any sequence of additions are exactly [`reconcile`]'s of all the records in
/// that order (it is the same pass, resumed). A group is named by its root: the number of
/// its first record, which stays its name while the group grows.
#[derive(Debug, Clone, Default)]
pub struct Grouping {
    /// The union-find forest over record numbers (the older set is always the root).
    parent: Vec<usize>,
    /// Why each set is one trial, kept at its root.
    reasons: Vec<Vec<String>>,
    /// The record that first gave each registry ID.
    owner: HashMap<String, usize>,
    /// Each set's NCT ID, at its root: two sets with different NCT IDs are two trials,
    /// whatever other ID they share (a site's template ID, a programme's EudraCT number).
    nct: Vec<Option<String>>,
    /// Each set's records in the order added, at its root (empty elsewhere).
    members: Vec<Vec<usize>>,
}

/// What one [`Grouping::add`] changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changed {
    /// The roots of the groups that are new or gained records, ascending.
    pub touched: Vec<usize>,
    /// The roots of groups that existed before and were merged into an older one: they are
    /// groups no more.
    pub merged: Vec<usize>,
}

impl Grouping {
    /// How many records have been added.
    pub fn len(&self) -> usize {
        self.parent.len()
    }

    /// Whether no record has been added.
    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    /// Adds `studies` after the records already added, joining each to the groups it shares
    /// a registry ID with; says which groups changed.
    pub fn add<'a>(&mut self, studies: impl IntoIterator<Item = &'a Study>) -> Changed {
        let before = self.parent.len();
        let mut touched = std::collections::BTreeSet::new();
        let mut merged = Vec::new();
        for study in studies {
            let at = self.parent.len();
            self.parent.push(at);
            self.reasons.push(Vec::new());
            self.nct.push(nct_of(study));
            self.members.push(vec![at]);
            touched.insert(at);
            // A record the user split off joins nothing, and claims no ID the others share.
            if study.trialcards.apart {
                continue;
            }
            for (id, kind) in registry_ids(study) {
                let Some(&other) = self.owner.get(&id) else {
                    self.owner.insert(id, at);
                    continue;
                };
                let (a, b) = (find(&mut self.parent, other), find(&mut self.parent, at));
                let conflict = matches!((&self.nct[a], &self.nct[b]), (Some(x), Some(y)) if x != y);
                if a == b || conflict {
                    continue;
                }
                // The older set is the root, so a group keeps its first member's place.
                let (root, child) = (a.min(b), a.max(b));
                self.parent[child] = root;
                if self.nct[root].is_none() {
                    self.nct[root] = self.nct[child].take();
                }
                let mut moved = std::mem::take(&mut self.reasons[child]);
                self.reasons[root].append(&mut moved);
                let reason = format!("same {kind} {id}");
                if !self.reasons[root].contains(&reason) {
                    self.reasons[root].push(reason);
                }
                let moved = std::mem::take(&mut self.members[child]);
                let members = &mut self.members[root];
                let in_order = members.last() < moved.first();
                members.extend(moved);
                if !in_order {
                    members.sort_unstable();
                }
                touched.remove(&child);
                touched.insert(root);
                if child < before {
                    merged.push(child);
                }
            }
        }
        Changed {
            touched: touched.into_iter().collect(),
            merged,
        }
    }

    /// The roots of every group, in the order each trial first appears.
    pub fn roots(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.parent.len()).filter(|&at| self.parent[at] == at)
    }

    /// The group whose root is `root`, its members given as record numbers; `study` gives
    /// each numbered record (the records as added).
    pub fn group<'a>(&self, root: usize, study: impl Fn(usize) -> &'a Study) -> Group<usize> {
        let members = self.members[root].clone();
        let studies: Vec<&Study> = members.iter().map(|&at| study(at)).collect();
        let (differences, finer) = differences(&studies);
        Group {
            nct_id: studies.iter().find_map(|s| nct_of(s)),
            joined_by: self.reasons[root].clone(),
            primary: primary(&studies),
            differences,
            finer,
            members,
        }
    }
}

/// A record's NCT ID, trimmed and uppercased; `None` when it has none.
fn nct_of(study: &Study) -> Option<String> {
    study
        .nct_id()
        .map(|id| id.trim().to_uppercase())
        .filter(|id| !id.is_empty())
}

/// The root of `at`'s set, halving the path on the way (iterative: no recursion).
fn find(parent: &mut [usize], mut at: usize) -> usize {
    while parent[at] != at {
        parent[at] = parent[parent[at]];
        at = parent[at];
    }
    at
}

/// The registry IDs of a record, normalised (trimmed, uppercased), each with what it is in
/// words ("NCT ID", "EudraCT number", "ISRCTN ID"). A sponsor's own study ID is no registry's
/// and is left out: two sponsors may number their studies alike.
pub fn registry_ids(study: &Study) -> Vec<(String, String)> {
    use crate::model::SecondaryIdType as T;
    let id = &study.protocol_section.identification_module;
    let norm = |s: &str| s.trim().to_uppercase();
    let mut out: Vec<(String, String)> = Vec::new();
    let mut push = |id: String, kind: String| {
        if !id.is_empty() && !out.iter().any(|(have, _)| *have == id) {
            out.push((id, kind));
        }
    };
    for nct in id.nct_id.iter().chain(&id.nct_id_aliases) {
        let nct = norm(nct);
        if crate::fields::ids::is_nct_id(&nct) {
            push(nct, "NCT ID".to_string());
        }
    }
    for sid in &id.secondary_id_infos {
        let Some(raw) = sid.id.as_deref() else {
            continue;
        };
        let value = norm(raw);
        if crate::fields::ids::is_nct_id(&value) {
            push(value, "NCT ID".to_string());
            continue;
        }
        let found = crate::fields::ids::registry_id(raw.trim())
            .or_else(|| crate::fields::ids::registry_id(&value));
        let kind = match (sid.id_type, found) {
            (Some(T::EudractNumber), _) => Some("EudraCT number".to_string()),
            (Some(T::Ctis), _) => Some("EU CT number".to_string()),
            (_, Some(r)) => Some(match (r.kind, r.domain) {
                (T::EudractNumber, _) => "EudraCT number".to_string(),
                (T::Ctis, _) => "EU CT number".to_string(),
                (_, Some(domain)) => format!("{domain} ID"),
                _ => "registry ID".to_string(),
            }),
            (Some(T::Registry), None) => sid.domain.as_deref().map(|d| format!("{d} ID")),
            _ => None,
        };
        if let Some(kind) = kind {
            push(value, kind);
        }
    }
    out
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

/// The fields the members disagree on, and the dates one member gives more precisely than the
/// others it agrees with.
fn differences(studies: &[&Study]) -> (Vec<Difference>, Vec<Finer>) {
    let (mut differences, mut finer) = (Vec::new(), Vec::new());
    if studies.len() < 2 {
        return (differences, finer);
    }
    for field in compared() {
        let values: Vec<(usize, String)> = studies
            .iter()
            .enumerate()
            .filter_map(|(at, s)| field.value(s).map(|v| (at, v)))
            .collect();
        if values.len() < 2 {
            continue;
        }
        // Values that agree with the most precise one agree with each other (a date's
        // coarser forms are its prefixes), so one pass against it decides.
        let dates = field.kind == Kind::Date;
        let (at, reference) = match dates {
            true => values.iter().max_by_key(|(_, v)| v.len()),
            false => values.first(),
        }
        .map(|(at, v)| (*at, v.clone()))
        .unwrap_or_default();
        if values.iter().any(|(_, v)| !field.agrees(&reference, v)) {
            differences.push(Difference {
                key: field.key,
                label: field.label,
                values,
            });
        } else if dates && values.iter().any(|(_, v)| *v != reference) {
            finer.push(Finer {
                key: field.key,
                label: field.label,
                member: at,
                value: reference,
            });
        }
    }
    (differences, finer)
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
    fn records_sharing_any_registry_id_are_one_trial_transitively_with_the_reason() {
        // A CT.gov record, a WHO ICTRP page listing its NCT and EudraCT numbers, an EU
        // register page with the EudraCT number only, an ISRCTN page of another trial.
        let ctgov =
            study(json!({"protocolSection": {"identificationModule": {"nctId": "NCT09990001"}}}));
        let who = study(json!({"protocolSection": {"identificationModule": {
            "nctId": "NCT09990001",
            "secondaryIdInfos": [{"id": "2012-004303-12", "type": "EUDRACT_NUMBER"}]
        }}}));
        let eu = study(json!({"protocolSection": {"identificationModule": {
            "secondaryIdInfos": [{"id": " 2012-004303-12 "}]
        }}}));
        let other = study(json!({"protocolSection": {"identificationModule": {
            "secondaryIdInfos": [{"id": "ISRCTN12345678", "type": "REGISTRY", "domain": "ISRCTN"}],
            "orgStudyIdInfo": {"id": "2012-004303-12"}
        }}}));
        let same_isrctn = study(json!({"protocolSection": {"identificationModule": {
            "secondaryIdInfos": [{"id": "isrctn12345678"}]
        }}}));
        // The EU page comes first: the trial is placed where it first appears.
        let records = [
            ("eu", &eu),
            ("other", &other),
            ("ctgov", &ctgov),
            ("who", &who),
            ("isrctn", &same_isrctn),
        ];
        let groups = reconcile(&records);
        let members: Vec<Vec<&str>> = groups.iter().map(|g| g.members.clone()).collect();
        assert_eq!(
            members,
            [vec!["eu", "ctgov", "who"], vec!["other", "isrctn"]]
        );
        assert_eq!(groups[0].nct_id.as_deref(), Some("NCT09990001"));
        assert_eq!(
            groups[0].joined_by,
            [
                "same NCT ID NCT09990001",
                "same EudraCT number 2012-004303-12"
            ]
        );
        assert_eq!(groups[1].nct_id, None);
        assert_eq!(groups[1].joined_by, ["same ISRCTN ID ISRCTN12345678"]);
        // A sponsor's own study ID joins nothing: "other" holds the EudraCT number only as one.
        assert!(!groups[0].members.contains(&"other"));
    }

    #[test]
    fn records_with_different_nct_ids_stay_apart_whatever_else_they_share() {
        let with = |nct: &str| {
            study(json!({"protocolSection": {"identificationModule": {
                "nctId": nct,
                "secondaryIdInfos": [{"id": "2012-004303-12", "type": "EUDRACT_NUMBER"}]
            }}}))
        };
        let (a, b) = (with("NCT09990001"), with("NCT09990002"));
        let eu = study(json!({"protocolSection": {"identificationModule": {
            "secondaryIdInfos": [{"id": "2012-004303-12"}]
        }}}));
        let groups = reconcile(&[(0, &a), (1, &b), (2, &eu)]);
        let members: Vec<Vec<i32>> = groups.iter().map(|g| g.members.clone()).collect();
        // The EU page joins the first trial that shares its number; the second keeps its own.
        assert_eq!(members, [vec![0, 2], vec![1]]);
    }

    #[test]
    fn a_record_split_off_by_the_user_is_a_trial_of_its_own() {
        let page = |ids: serde_json::Value| {
            study(json!({"protocolSection": {"identificationModule": {
                "secondaryIdInfos": ids
            }}}))
        };
        let ctgov = study(json!({"protocolSection": {"identificationModule": {
            "nctId": "NCT09990001",
            "secondaryIdInfos": [{"id": "2012-004303-12", "type": "EUDRACT_NUMBER"}]
        }}}));
        let eu = page(json!([{"id": "2012-004303-12"}, {"id": "ISRCTN12345678"}]));
        let isrctn = page(json!([{"id": "ISRCTN12345678"}]));
        let shape = |records: &[(i32, &Study)]| -> Vec<Vec<i32>> {
            reconcile(records).into_iter().map(|g| g.members).collect()
        };
        assert_eq!(
            shape(&[(0, &ctgov), (1, &eu), (2, &isrctn)]),
            [vec![0, 1, 2]]
        );
        // Split off, the EU page stands alone and no longer bridges the other two.
        let mut split = eu.clone();
        split.trialcards.apart = true;
        assert_eq!(
            shape(&[(0, &ctgov), (1, &split), (2, &isrctn)]),
            [vec![0], vec![1], vec![2]]
        );
        let groups = reconcile(&[(0, &ctgov), (1, &split)]);
        assert!(groups.iter().all(|g| g.joined_by.is_empty()));
        // The flag is kept in the record's JSON, and read back.
        let written = serde_json::to_value(&split).unwrap();
        assert_eq!(written["trialcards"]["apart"], json!(true));
        let back: Study = serde_json::from_value(written).unwrap();
        assert!(back.trialcards.apart);
        assert!(serde_json::to_value(&eu).unwrap()["trialcards"]
            .get("apart")
            .is_none());
    }

    #[test]
    fn dates_at_different_precision_are_no_disagreement() {
        let a = study(
            json!({"protocolSection": {"identificationModule": {"nctId": "NCT09990001"},
            "statusModule": {"startDateStruct": {"date": "2023-09"}, "completionDateStruct": {"date": "2025-01"}}}}),
        );
        let b = study(
            json!({"protocolSection": {"identificationModule": {"nctId": "NCT09990001"},
            "statusModule": {"startDateStruct": {"date": "2023-09-30"}, "completionDateStruct": {"date": "2025-02-01"}}}}),
        );
        let groups = reconcile(&[(0, &a), (1, &b)]);
        let keys: Vec<&str> = groups[0].differences.iter().map(|d| d.key).collect();
        assert_eq!(keys, ["completionDateStruct"]);
        let finer = &groups[0].finer;
        assert_eq!(finer.len(), 1);
        assert_eq!(
            (finer[0].key, finer[0].member, finer[0].value.as_str()),
            ("startDateStruct", 1, "2023-09-30")
        );
        // A year, its month and another month of it: the months disagree.
        let c = study(
            json!({"protocolSection": {"identificationModule": {"nctId": "NCT09990001"},
            "statusModule": {"startDateStruct": {"date": "2023"}}}}),
        );
        let d = study(
            json!({"protocolSection": {"identificationModule": {"nctId": "NCT09990001"},
            "statusModule": {"startDateStruct": {"date": "2023-10"}}}}),
        );
        let groups = reconcile(&[(0, &c), (1, &a), (2, &d)]);
        assert_eq!(groups[0].differences[0].key, "startDateStruct");
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

    /// A record from small pools of NCT IDs, EudraCT numbers and ISRCTN IDs (so that records
    /// meet, and some meet with NCT IDs that conflict), some split off by the user.
    fn pooled(
        nct: Option<u8>,
        eudract: Option<u8>,
        isrctn: Option<u8>,
        apart: bool,
        n: u8,
    ) -> Study {
        let mut secondary = Vec::new();
        if let Some(e) = eudract {
            secondary.push(json!({"id": format!("2012-00430{e}-12"), "type": "EUDRACT_NUMBER"}));
        }
        if let Some(i) = isrctn {
            secondary.push(json!({"id": format!("ISRCTN1234567{i}")}));
        }
        let status = ["RECRUITING", "COMPLETED"][usize::from(n % 2)];
        let mut s = study(json!({"protocolSection": {
            "identificationModule": {
                "nctId": nct.map(|d| format!("NCT0999000{d}")),
                "secondaryIdInfos": secondary,
            },
            "statusModule": {"overallStatus": status},
        }}));
        s.trialcards.apart = apart;
        s
    }

    proptest::proptest! {
        /// Adding records a batch at a time gives, after every batch, exactly `reconcile`'s
        /// groups of all records so far; and a group that `add` did not name as touched or
        /// merged is unchanged.
        #[test]
        fn adding_in_batches_groups_as_reconcile_does(
            records in proptest::collection::vec(
                (proptest::option::of(0u8..4), proptest::option::of(0u8..4),
                 proptest::option::of(0u8..3), proptest::bool::weighted(0.1), 0u8..2),
                0..40),
            cuts in proptest::collection::vec(0usize..40, 0..6),
        ) {
            let studies: Vec<Study> = records
                .iter()
                .map(|&(n, e, i, apart, x)| pooled(n, e, i, apart, x))
                .collect();
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(studies.len())).collect();
            cuts.push(studies.len());
            cuts.sort_unstable();
            let mut grouping = Grouping::default();
            let mut previous: Vec<Group<usize>> = Vec::new();
            let mut from = 0;
            for cut in cuts {
                let changed = grouping.add(&studies[from..cut]);
                from = cut;
                let now: Vec<Group<usize>> =
                    grouping.roots().map(|r| grouping.group(r, |at| &studies[at])).collect();
                let keyed: Vec<(usize, &Study)> = studies[..cut].iter().enumerate().collect();
                proptest::prop_assert_eq!(&now, &reconcile(&keyed));
                for group in &previous {
                    let root = group.members[0];
                    if changed.merged.contains(&root) {
                        proptest::prop_assert!(now.iter().all(|g| g.members[0] != root));
                    } else if !changed.touched.contains(&root) {
                        proptest::prop_assert!(now.contains(group));
                    }
                }
                for group in &now {
                    let root = group.members[0];
                    let was = previous.iter().any(|g| g == group);
                    proptest::prop_assert!(was || changed.touched.contains(&root));
                }
                previous = now;
            }
        }
    }
}
