//! Places one labelled value ("Recruitment Status" → "COMPLETED") into a record, through the
//! shared synonym table and vocabulary. Used by every reader for label/value pairs.

use crate::fields::markup::unescape;
use crate::fields::{age, date, enrollment, ids};
use crate::lines::Label;
use crate::model::enums::*;
use crate::model::{DateStruct, EnrollmentInfo, Intervention, Sponsor, Study};
use crate::vocab;

/// Places `value` under the field `label` names. Returns `Err` with a sentence when the value
/// does not fit the field (the caller keeps the line as unrecognized and reports it).
pub fn assign(study: &mut Study, label: Label, value: &str) -> Result<(), String> {
    let value = value.trim();
    if value.is_empty() {
        return Err("the label has no value".into());
    }
    let p = &mut study.protocol_section;
    let bad = |what: &str| Err(format!("\"{value}\" is not a {what} this parser knows"));
    match label {
        Label::NctId => match ids::find_nct_ids(value).first() {
            Some(id) => p.identification_module.nct_id = Some(id.to_string()),
            None => return bad("NCT ID"),
        },
        Label::BriefTitle => p.identification_module.brief_title = Some(unescape(value)),
        Label::OfficialTitle => p.identification_module.official_title = Some(unescape(value)),
        Label::Acronym => p.identification_module.acronym = Some(unescape(value)),
        Label::OverallStatus => match vocab::status_and_why_stopped(value) {
            Some((s, why)) => {
                p.status_module.overall_status = Some(s);
                if let Some(why) = why {
                    p.status_module
                        .why_stopped
                        .get_or_insert_with(|| unescape(why));
                }
            }
            None => return bad("recruitment status"),
        },
        Label::Phase => {
            let phases = vocab::phases(value);
            if phases.is_empty() {
                return bad("phase");
            }
            p.design_module.phases.extend(phases);
            vocab::sort_phases(&mut p.design_module.phases);
        }
        Label::StudyType => match vocab::study_type(value) {
            Some((t, registry)) => {
                p.design_module.study_type = Some(t);
                if registry.is_some() {
                    p.design_module.patient_registry = registry;
                }
            }
            None => return bad("study type"),
        },
        Label::Enrollment => match enrollment::parse_count_phrase(value) {
            Some(c) => {
                let kind = if c.estimated {
                    Some(EnrollmentType::Estimated)
                } else if c.actual {
                    Some(EnrollmentType::Actual)
                } else {
                    None
                };
                p.design_module.enrollment_info = Some(EnrollmentInfo {
                    count: Some(c.count),
                    enrollment_type: kind,
                });
            }
            None => return bad("participant count"),
        },
        Label::StartDate
        | Label::PrimaryCompletionDate
        | Label::CompletionDate
        | Label::LastUpdate
        | Label::FirstPosted
        | Label::ResultsFirstPosted => {
            let Some((d, kind)) = date::parse_date_and_type(value) else {
                return bad("date");
            };
            let s = &mut p.status_module;
            let slot = match label {
                Label::StartDate => &mut s.start_date_struct,
                Label::PrimaryCompletionDate => &mut s.primary_completion_date_struct,
                Label::CompletionDate => &mut s.completion_date_struct,
                Label::LastUpdate => &mut s.last_update_post_date_struct,
                Label::FirstPosted => &mut s.study_first_post_date_struct,
                _ => &mut s.results_first_post_date_struct,
            };
            *slot = Some(DateStruct {
                date_type: kind,
                ..DateStruct::new(d)
            });
        }
        Label::FirstSubmitted => match date::parse_date(value) {
            Some(d) => p.status_module.study_first_submit_date = Some(d),
            None => return bad("date"),
        },
        Label::Sex => match vocab::lookup::<Sex>(value) {
            Some(s) => p.eligibility_module.sex = Some(s),
            None => return bad("sex"),
        },
        Label::MinimumAge | Label::MaximumAge => {
            if vocab::normalize_code(value) == "N_A" {
                return Ok(());
            }
            let Some(a) = age::parse_age(value) else {
                return bad("age");
            };
            if label == Label::MinimumAge {
                p.eligibility_module.minimum_age = Some(a);
            } else {
                p.eligibility_module.maximum_age = Some(a);
            }
        }
        Label::Ages => match age::parse_age_range(value) {
            Some(r) => {
                if r.minimum.is_some() {
                    p.eligibility_module.minimum_age = r.minimum;
                }
                if r.maximum.is_some() {
                    p.eligibility_module.maximum_age = r.maximum;
                }
            }
            None => return bad("age range"),
        },
        Label::HealthyVolunteers => match vocab::healthy_volunteers(value) {
            Some(b) => p.eligibility_module.healthy_volunteers = Some(b),
            None => return bad("healthy-volunteers answer"),
        },
        Label::LeadSponsor => {
            let lead = p
                .sponsor_collaborators_module
                .lead_sponsor
                .get_or_insert_with(Sponsor::default);
            lead.name = Some(unescape(value));
        }
        Label::SponsorClass => match vocab::lookup::<AgencyClass>(value) {
            Some(c) => {
                p.sponsor_collaborators_module
                    .lead_sponsor
                    .get_or_insert_with(Sponsor::default)
                    .class = Some(c)
            }
            None => return bad("sponsor class"),
        },
        Label::Allocation => match vocab::lookup::<DesignAllocation>(value) {
            Some(v) => design_info(study).allocation = Some(v),
            None => return bad("allocation"),
        },
        Label::InterventionModel => match vocab::lookup::<InterventionalAssignment>(value) {
            Some(v) => design_info(study).intervention_model = Some(v),
            None => return bad("interventional model"),
        },
        Label::PrimaryPurpose => match vocab::lookup::<PrimaryPurpose>(value) {
            Some(v) => design_info(study).primary_purpose = Some(v),
            None => return bad("primary purpose"),
        },
        Label::Masking => {
            // "Quadruple (Participant, Care Provider, …)": the level with who is masked.
            let (level, who) = match super::design::parse_masking(value) {
                Some(m) => (m.masking, m.who_masked),
                None => (vocab::lookup::<DesignMasking>(value), Vec::new()),
            };
            let Some(level) = level else {
                return bad("masking");
            };
            let info = design_info(study)
                .masking_info
                .get_or_insert_with(Default::default);
            info.masking = Some(level);
            if !who.is_empty() {
                info.who_masked = who;
            }
        }
        Label::ObservationalModel => match vocab::lookup::<ObservationalModel>(value) {
            Some(v) => design_info(study).observational_model = Some(v),
            None => return bad("observational model"),
        },
        Label::TimePerspective => match vocab::lookup::<DesignTimePerspective>(value) {
            Some(v) => design_info(study).time_perspective = Some(v),
            None => return bad("time perspective"),
        },
        Label::OrgStudyId => {
            p.identification_module.org_study_id_info = Some(crate::model::OrgStudyIdInfo {
                id: Some(value.to_string()),
                ..Default::default()
            })
        }
        Label::Conditions => p.conditions_module.conditions.push(unescape(value)),
        Label::Keywords => p.conditions_module.keywords.push(unescape(value)),
        Label::Interventions => {
            let iv = match vocab::typed_intervention(value) {
                Some((t, name)) => Intervention {
                    intervention_type: Some(t),
                    name: Some(unescape(name)),
                    ..Default::default()
                },
                None => Intervention {
                    name: Some(unescape(value)),
                    ..Default::default()
                },
            };
            p.arms_interventions_module.interventions.push(iv);
        }
        Label::Countries => study.trialcards.countries.extend(
            value
                .split(';')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(unescape),
        ),
        Label::BriefSummary => append_markup(&mut p.description_module.brief_summary, value),
        Label::DetailedDescription => {
            append_markup(&mut p.description_module.detailed_description, value)
        }
        Label::PrimaryOutcomeTimeFrame => {
            study
                .trialcards
                .results
                .get_or_insert_with(Default::default)
                .primary_outcome_time_frame = Some(value.to_string());
        }
    }
    Ok(())
}

fn append_markup(slot: &mut Option<String>, value: &str) {
    match slot {
        Some(s) => {
            s.push_str("\n\n");
            s.push_str(value);
        }
        None => *slot = Some(value.to_string()),
    }
}

/// The record's design info, created when absent.
pub fn design_info(study: &mut Study) -> &mut crate::model::DesignInfo {
    study
        .protocol_section
        .design_module
        .design_info
        .get_or_insert_with(Default::default)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_values_land_in_v2_fields() {
        let mut s = Study::default();
        assign(&mut s, Label::OverallStatus, "Enrolling").unwrap();
        assign(&mut s, Label::Phase, "PHASE1/PHASE2").unwrap();
        assign(&mut s, Label::MinimumAge, "14 Years").unwrap();
        assign(&mut s, Label::StartDate, "2013-01").unwrap();
        assign(&mut s, Label::Enrollment, "1177 (actual)").unwrap();
        assign(&mut s, Label::Countries, "Norway; Viet Nam").unwrap();
        assert_eq!(s.trialcards.countries, ["Norway", "Viet Nam"]);
        let p = &s.protocol_section;
        assert_eq!(p.status_module.overall_status, Some(Status::Recruiting));
        assert_eq!(p.design_module.phases, vec![Phase::Phase1, Phase::Phase2]);
        assert_eq!(
            p.eligibility_module.minimum_age.as_deref(),
            Some("14 Years")
        );
        assert_eq!(
            p.status_module
                .start_date_struct
                .as_ref()
                .and_then(|d| d.date.as_deref()),
            Some("2013-01")
        );
        assert_eq!(
            p.design_module
                .enrollment_info
                .as_ref()
                .and_then(|e| e.enrollment_type),
            Some(EnrollmentType::Actual)
        );
        assert!(assign(&mut s, Label::OverallStatus, "Sometimes").is_err());
    }

    #[test]
    fn a_status_with_its_reason_and_a_date_with_its_type_are_both_kept() {
        let mut s = Study::default();
        assign(&mut s, Label::OverallStatus, "Terminated (Lack of funding)").unwrap();
        assign(&mut s, Label::StartDate, "June 2025 (Actual)").unwrap();
        assign(&mut s, Label::CompletionDate, "2026-01-15 [Anticipated]").unwrap();
        let st = &s.protocol_section.status_module;
        assert_eq!(st.overall_status, Some(Status::Terminated));
        assert_eq!(st.why_stopped.as_deref(), Some("Lack of funding"));
        let start = st.start_date_struct.as_ref().unwrap();
        assert_eq!(
            (start.date.as_deref(), start.date_type),
            (Some("2025-06"), Some(DateType::Actual))
        );
        let end = st.completion_date_struct.as_ref().unwrap();
        assert_eq!(
            (end.date.as_deref(), end.date_type),
            (Some("2026-01-15"), Some(DateType::Estimated))
        );
        // A remark after a status that does not stop a study is no reason.
        let mut s = Study::default();
        assign(
            &mut s,
            Label::OverallStatus,
            "Unknown status (last known: recruiting)",
        )
        .unwrap();
        assert_eq!(s.protocol_section.status_module.why_stopped, None);
    }
}
