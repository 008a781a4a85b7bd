//! The line span each value was read from, kept on the record under `trialcards.spans` by the
//! value's path in the record (`protocolSection.statusModule.overallStatus`; a list item with
//! its index, `protocolSection.conditionsModule.conditions[1]`).

use crate::lines::Label;
use crate::model::{LineSpan, Study};

/// The record paths a label's value lands in (before any index), and whether it is a list.
fn paths(label: Label) -> (&'static [&'static str], bool) {
    use Label as L;
    match label {
        L::NctId => (&["protocolSection.identificationModule.nctId"], false),
        L::BriefTitle => (&["protocolSection.identificationModule.briefTitle"], false),
        L::OfficialTitle => (
            &["protocolSection.identificationModule.officialTitle"],
            false,
        ),
        L::Acronym => (&["protocolSection.identificationModule.acronym"], false),
        L::OrgStudyId => (
            &["protocolSection.identificationModule.orgStudyIdInfo.id"],
            false,
        ),
        L::OverallStatus => (&["protocolSection.statusModule.overallStatus"], false),
        L::StartDate => (&["protocolSection.statusModule.startDateStruct"], false),
        L::PrimaryCompletionDate => (
            &["protocolSection.statusModule.primaryCompletionDateStruct"],
            false,
        ),
        L::CompletionDate => (
            &["protocolSection.statusModule.completionDateStruct"],
            false,
        ),
        L::LastUpdate => (
            &["protocolSection.statusModule.lastUpdatePostDateStruct"],
            false,
        ),
        L::FirstSubmitted => (
            &["protocolSection.statusModule.studyFirstSubmitDate"],
            false,
        ),
        L::FirstPosted => (
            &["protocolSection.statusModule.studyFirstPostDateStruct"],
            false,
        ),
        L::ResultsFirstPosted => (
            &["protocolSection.statusModule.resultsFirstPostDateStruct"],
            false,
        ),
        L::Phase => (&["protocolSection.designModule.phases"], false),
        L::StudyType => (&["protocolSection.designModule.studyType"], false),
        L::Enrollment => (&["protocolSection.designModule.enrollmentInfo"], false),
        L::Allocation => (
            &["protocolSection.designModule.designInfo.allocation"],
            false,
        ),
        L::InterventionModel => (
            &["protocolSection.designModule.designInfo.interventionModel"],
            false,
        ),
        L::PrimaryPurpose => (
            &["protocolSection.designModule.designInfo.primaryPurpose"],
            false,
        ),
        L::Masking => (
            &["protocolSection.designModule.designInfo.maskingInfo.masking"],
            false,
        ),
        L::ObservationalModel => (
            &["protocolSection.designModule.designInfo.observationalModel"],
            false,
        ),
        L::TimePerspective => (
            &["protocolSection.designModule.designInfo.timePerspective"],
            false,
        ),
        L::Sex => (&["protocolSection.eligibilityModule.sex"], false),
        L::MinimumAge => (&["protocolSection.eligibilityModule.minimumAge"], false),
        L::MaximumAge => (&["protocolSection.eligibilityModule.maximumAge"], false),
        L::Ages => (
            &[
                "protocolSection.eligibilityModule.minimumAge",
                "protocolSection.eligibilityModule.maximumAge",
            ],
            false,
        ),
        L::HealthyVolunteers => (
            &["protocolSection.eligibilityModule.healthyVolunteers"],
            false,
        ),
        L::LeadSponsor => (
            &["protocolSection.sponsorCollaboratorsModule.leadSponsor.name"],
            false,
        ),
        L::SponsorClass => (
            &["protocolSection.sponsorCollaboratorsModule.leadSponsor.class"],
            false,
        ),
        L::Conditions => (&["protocolSection.conditionsModule.conditions"], true),
        L::Keywords => (&["protocolSection.conditionsModule.keywords"], true),
        L::Interventions => (
            &["protocolSection.armsInterventionsModule.interventions"],
            true,
        ),
        L::Countries => (&["trialcards.countries"], true),
        L::BriefSummary => (&["protocolSection.descriptionModule.briefSummary"], false),
        L::DetailedDescription => (
            &["protocolSection.descriptionModule.detailedDescription"],
            false,
        ),
        L::PrimaryOutcomeTimeFrame => (&["trialcards.results.primaryOutcomeTimeFrame"], false),
    }
}

/// How many items the list a label fills holds now.
fn list_len(study: &Study, label: Label) -> usize {
    let p = &study.protocol_section;
    match label {
        Label::Conditions => p.conditions_module.conditions.len(),
        Label::Keywords => p.conditions_module.keywords.len(),
        Label::Interventions => p.arms_interventions_module.interventions.len(),
        Label::Countries => study.trialcards.countries.len(),
        _ => 0,
    }
}

/// Runs `place` (which puts a value of `label` into the record) and records the lines
/// `from..=to` as the span of what it placed. Returns what `place` returned.
pub(crate) fn placed<T, E>(
    study: &mut Study,
    label: Label,
    from: usize,
    to: usize,
    place: impl FnOnce(&mut Study) -> Result<T, E>,
) -> Result<T, E> {
    let before = list_len(study, label);
    let result = place(study)?;
    let (keys, list) = paths(label);
    let span = LineSpan { from, to };
    if list {
        for i in before..list_len(study, label) {
            study
                .trialcards
                .spans
                .insert(format!("{}[{i}]", keys[0]), span);
        }
    } else {
        let e = &study.protocol_section.eligibility_module;
        let set = [e.minimum_age.is_some(), e.maximum_age.is_some()];
        for (k, key) in keys.iter().enumerate() {
            // An age range may give one bound only.
            if label != Label::Ages || set[k] {
                study.trialcards.spans.insert((*key).to_string(), span);
            }
        }
    }
    Ok(result)
}

/// Records the lines `from..=to` as the span of the value at `path`.
pub(crate) fn at(study: &mut Study, path: &str, from: usize, to: usize) {
    study
        .trialcards
        .spans
        .insert(path.to_string(), LineSpan { from, to });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::assign::assign;

    #[test]
    fn a_placed_value_keeps_its_lines() {
        let mut s = Study::default();
        placed(&mut s, Label::OverallStatus, 4, 5, |s| {
            assign(s, Label::OverallStatus, "Recruiting")
        })
        .unwrap();
        placed(&mut s, Label::Conditions, 7, 7, |s| {
            assign(s, Label::Conditions, "Knee osteoarthritis")
        })
        .unwrap();
        placed(&mut s, Label::Ages, 9, 9, |s| {
            assign(s, Label::Ages, "18 to 65 years")
        })
        .unwrap();
        let spans = &s.trialcards.spans;
        assert_eq!(
            spans["protocolSection.statusModule.overallStatus"],
            LineSpan { from: 4, to: 5 }
        );
        assert_eq!(
            spans["protocolSection.conditionsModule.conditions[0]"],
            LineSpan { from: 7, to: 7 }
        );
        assert!(spans.contains_key("protocolSection.eligibilityModule.maximumAge"));
        let failed = placed(&mut s, Label::Sex, 11, 11, |s| {
            assign(s, Label::Sex, "often")
        });
        assert!(failed.is_err());
        assert!(!spans_has(&s, "protocolSection.eligibilityModule.sex"));
    }

    fn spans_has(s: &Study, k: &str) -> bool {
        s.trialcards.spans.contains_key(k)
    }
}
