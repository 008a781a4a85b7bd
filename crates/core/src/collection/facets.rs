//! The values each filter of a [`View`](crate::collection::filter::View) can take in a
//! collection of trials, with how many trials have each: what a filter menu lists.
//!
//! A trial is every record of it that was loaded (the same NCT ID read from several
//! sources, see [`reconcile`](crate::collection::reconcile)); a value found in any of its
//! records counts once for the trial, as the filters keep a trial when any of its records
//! passes ([`shown`](crate::collection::shown)).

use crate::model::{CtEnum, Phase, Sex, Status, StudyType};
use crate::Study;

/// The values each filter can take in the collection, with how many trials have each.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    /// Overall statuses, in CT.gov's order.
    pub statuses: Vec<(Status, usize)>,
    /// Phases, in CT.gov's order.
    pub phases: Vec<(Phase, usize)>,
    /// Study types, in CT.gov's order.
    pub study_types: Vec<(StudyType, usize)>,
    /// Sexes accepted, in CT.gov's order (a trial open to all counts for each).
    pub sexes: Vec<(Sex, usize)>,
    /// Source layouts, by name, in order of first appearance.
    pub layouts: Vec<(String, usize)>,
    /// How many trials have posted results.
    pub with_results: usize,
}

/// The facets of `trials`, each given as its records: every value found in any of a
/// trial's records counts once for that trial.
pub fn facets<'a, T, R>(trials: T) -> Facets
where
    T: IntoIterator<Item = R>,
    R: IntoIterator<Item = &'a Study>,
{
    let mut facets = Facets::default();
    let (mut statuses, mut phases, mut types, mut sexes) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for trial in trials {
        let studies: Vec<&Study> = trial.into_iter().collect();
        statuses.extend(distinct(&studies, |s| {
            s.protocol_section
                .status_module
                .overall_status
                .into_iter()
                .collect()
        }));
        phases.extend(distinct(&studies, |s| {
            s.protocol_section.design_module.phases.clone()
        }));
        types.extend(distinct(&studies, |s| {
            s.protocol_section
                .design_module
                .study_type
                .into_iter()
                .collect()
        }));
        sexes.extend(distinct(&studies, |s| {
            match s.protocol_section.eligibility_module.sex {
                Some(Sex::All) => vec![Sex::Female, Sex::Male, Sex::All],
                other => other.into_iter().collect(),
            }
        }));
        for layout in distinct(&studies, |s| vec![s.trialcards.source.layout.clone()]) {
            match facets.layouts.iter_mut().find(|(l, _)| *l == layout) {
                Some((_, n)) => *n += 1,
                None => facets.layouts.push((layout, 1)),
            }
        }
        if studies.iter().any(|s| s.has_posted_results()) {
            facets.with_results += 1;
        }
    }
    facets.statuses = tally(&statuses);
    facets.phases = tally(&phases);
    facets.study_types = tally(&types);
    facets.sexes = tally(&sexes);
    facets
}

/// The values `each` gives for any of `studies`, each once.
fn distinct<T: PartialEq>(studies: &[&Study], each: impl Fn(&Study) -> Vec<T>) -> Vec<T> {
    let mut seen = Vec::new();
    for value in studies.iter().flat_map(|s| each(s)) {
        if !seen.contains(&value) {
            seen.push(value);
        }
    }
    seen
}

/// How often each of an enum's values occurs, in CT.gov's order, leaving out those that don't.
fn tally<E: CtEnum + PartialEq>(found: &[E]) -> Vec<(E, usize)> {
    E::ALL
        .iter()
        .map(|v| (*v, found.iter().filter(|f| *f == v).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// One value a filter menu offers: the value, how many trials have it, and whether the view
/// chose it.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice<T> {
    /// The value.
    pub value: T,
    /// How many trials have it.
    pub count: usize,
    /// Whether the view keeps only trials with it (among the other chosen values).
    pub chosen: bool,
}

/// What a filter menu lists: the values `present` (with their counts, in their order), then
/// each `chosen` value that no trial has now, with a count of 0, so that it can still be
/// turned off.
pub fn choices<T: Clone + PartialEq>(present: &[(T, usize)], chosen: &[T]) -> Vec<Choice<T>> {
    let absent = chosen
        .iter()
        .filter(|c| !present.iter().any(|(v, _)| v == *c))
        .map(|c| (c.clone(), 0));
    present
        .iter()
        .cloned()
        .chain(absent)
        .map(|(value, count)| Choice {
            chosen: chosen.contains(&value),
            value,
            count,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::test_records::{full, study};
    use serde_json::json;

    fn record(status: &str, phases: &[&str], sex: &str, layout: &str) -> Study {
        study(json!({
            "protocolSection": {
                "statusModule": {"overallStatus": status},
                "designModule": {"studyType": "INTERVENTIONAL", "phases": phases},
                "eligibilityModule": {"sex": sex}
            },
            "trialcards": {"source": {"fileName": "f.txt", "layout": layout, "byteLength": 1}}
        }))
    }

    #[test]
    fn each_value_counts_once_per_trial_whichever_of_its_records_gives_it() {
        // One trial read from two sites that disagree on its status and phases, and another.
        let veeva = record("RECRUITING", &["PHASE1", "PHASE2"], "FEMALE", "veeva");
        let meddatax = record("UNKNOWN", &["PHASE2"], "FEMALE", "meddatax");
        let other = record(
            "ACTIVE_NOT_RECRUITING",
            &["PHASE2", "PHASE3"],
            "ALL",
            "meddatax",
        );
        let f = facets([vec![&veeva, &meddatax], vec![&other]]);
        assert_eq!(
            f.statuses,
            [
                (Status::ActiveNotRecruiting, 1),
                (Status::Recruiting, 1),
                (Status::Unknown, 1)
            ],
            "in CT.gov's order"
        );
        assert_eq!(
            f.phases,
            [(Phase::Phase1, 1), (Phase::Phase2, 2), (Phase::Phase3, 1)]
        );
        assert_eq!(f.study_types, [(StudyType::Interventional, 2)]);
        assert_eq!(
            f.sexes,
            [(Sex::Female, 2), (Sex::Male, 1), (Sex::All, 1)],
            "a trial open to all counts for each sex"
        );
        assert_eq!(
            f.layouts,
            [("veeva".to_string(), 1), ("meddatax".to_string(), 2)],
            "in order of first appearance, once per trial"
        );
        assert_eq!(f.with_results, 0);
    }

    #[test]
    fn results_count_the_trials_any_record_of_which_has_them() {
        let with = full();
        let without = record("RECRUITING", &[], "ALL", "veeva");
        let f = facets([vec![&without, &with], vec![&without]]);
        assert_eq!(f.with_results, 1);
    }

    #[test]
    fn no_trials_no_values() {
        assert_eq!(facets(Vec::<Vec<&Study>>::new()), Facets::default());
    }

    #[test]
    fn a_chosen_value_no_trial_has_is_still_offered() {
        let present = [(Status::Recruiting, 2), (Status::Completed, 1)];
        let listed: Vec<(Status, usize, bool)> =
            choices(&present, &[Status::Completed, Status::Withdrawn])
                .into_iter()
                .map(|c| (c.value, c.count, c.chosen))
                .collect();
        assert_eq!(
            listed,
            [
                (Status::Recruiting, 2, false),
                (Status::Completed, 1, true),
                (Status::Withdrawn, 0, true),
            ]
        );
        assert!(choices::<Status>(&[], &[]).is_empty());
    }
}
