//! The fields a person compares between records, in reading order, each with its label and
//! its value as text (lists joined with "; ", CT.gov codes in words).

use crate::collection::words::{code_words, phase_words};
use crate::model::{DateStruct, DesignInfo, Outcome};
use crate::Study;

/// One comparable field of a record.
#[derive(Clone, Copy)]
pub struct Field {
    /// A stable key for the field (its CT.gov v2 name where it has one, e.g. `overallStatus`).
    pub key: &'static str,
    /// The field's name as a reader knows it ("Overall status").
    pub label: &'static str,
    /// The field's value in `study` as text, or `None` when the record does not give it.
    pub value: fn(&Study) -> Option<String>,
}

impl std::fmt::Debug for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Field").field("key", &self.key).finish()
    }
}

/// Every comparable field, in the order a card shows them: the header (title, ID, status,
/// phases, type, sponsor), the key facts (enrollment, ages, sex, volunteers, dates), conditions
/// and interventions, then the card's sections (description, eligibility, design, arms,
/// outcomes, sponsors and oversight, contacts and locations, identifiers, references, data
/// sharing, MeSH terms).
///
/// Per-source bookkeeping (file name, layout, text length, diagnostics, lines not
/// recognised) is left out: it differs between sources of one trial by nature.
pub const FIELDS: &[Field] = &[
    field("briefTitle", "Brief title", |s| {
        text(&s.protocol_section.identification_module.brief_title)
    }),
    field("acronym", "Acronym", |s| {
        text(&s.protocol_section.identification_module.acronym)
    }),
    field("nctId", "NCT ID", |s| {
        text(&s.protocol_section.identification_module.nct_id)
    }),
    field("overallStatus", "Overall status", |s| {
        s.protocol_section
            .status_module
            .overall_status
            .map(code_words)
    }),
    field("lastKnownStatus", "Last known status", |s| {
        s.protocol_section
            .status_module
            .last_known_status
            .map(code_words)
    }),
    field("whyStopped", "Why stopped", |s| {
        text(&s.protocol_section.status_module.why_stopped)
    }),
    field("phases", "Phases", |s| {
        list(s.protocol_section.design_module.phases.iter(), ", ", |p| {
            Some(phase_words(*p))
        })
    }),
    field("studyType", "Study type", |s| {
        s.protocol_section.design_module.study_type.map(code_words)
    }),
    field("hasResults", "Has results", |s| s.has_results.map(yes_no)),
    field("leadSponsor", "Sponsor", |s| {
        let sponsor = s
            .protocol_section
            .sponsor_collaborators_module
            .lead_sponsor
            .as_ref()?;
        text(&sponsor.name)
    }),
    // The count and its type are two fields: a page that gives the count alone ("40") says
    // less than one that adds "Estimated", and does not disagree with it.
    field("enrollmentInfo", "Enrollment", |s| {
        let e = s.protocol_section.design_module.enrollment_info.as_ref()?;
        e.count.map(|count| count.to_string())
    }),
    field("enrollmentType", "Enrollment type", |s| {
        let e = s.protocol_section.design_module.enrollment_info.as_ref()?;
        e.enrollment_type.map(code_words)
    }),
    field("minimumAge", "Minimum age", |s| {
        text(&s.protocol_section.eligibility_module.minimum_age)
    }),
    field("maximumAge", "Maximum age", |s| {
        text(&s.protocol_section.eligibility_module.maximum_age)
    }),
    field("stdAges", "Age groups", |s| {
        list(
            s.protocol_section.eligibility_module.std_ages.iter(),
            LIST,
            |a| Some(code_words(*a)),
        )
    }),
    field("sex", "Sex", |s| {
        s.protocol_section.eligibility_module.sex.map(code_words)
    }),
    field("healthyVolunteers", "Healthy volunteers", |s| {
        s.protocol_section
            .eligibility_module
            .healthy_volunteers
            .map(|yes| if yes { "Accepted" } else { "Not accepted" }.to_string())
    }),
    field("startDateStruct", "Start", |s| {
        date(&s.protocol_section.status_module.start_date_struct)
    }),
    field("primaryCompletionDateStruct", "Primary completion", |s| {
        date(
            &s.protocol_section
                .status_module
                .primary_completion_date_struct,
        )
    }),
    field("completionDateStruct", "Completion", |s| {
        date(&s.protocol_section.status_module.completion_date_struct)
    }),
    field("studyFirstSubmitDate", "First submitted", |s| {
        s.protocol_section
            .status_module
            .study_first_submit_date
            .clone()
    }),
    field("studyFirstPostDateStruct", "First posted", |s| {
        date(
            &s.protocol_section
                .status_module
                .study_first_post_date_struct,
        )
    }),
    field("resultsFirstPostDateStruct", "Results first posted", |s| {
        date(
            &s.protocol_section
                .status_module
                .results_first_post_date_struct,
        )
    }),
    field("lastUpdatePostDateStruct", "Last update posted", |s| {
        date(
            &s.protocol_section
                .status_module
                .last_update_post_date_struct,
        )
    }),
    field("statusVerifiedDate", "Status verified", |s| {
        text(&s.protocol_section.status_module.status_verified_date)
    }),
    field("conditions", "Conditions", |s| {
        list(
            s.protocol_section.conditions_module.conditions.iter(),
            LIST,
            |c| some_text(c),
        )
    }),
    field("keywords", "Keywords", |s| {
        list(
            s.protocol_section.conditions_module.keywords.iter(),
            LIST,
            |k| some_text(k),
        )
    }),
    // Names and types apart, for the same reason: "Stromal cells" and "Biological: Stromal
    // cells" name the same intervention.
    field("interventions", "Interventions", |s| {
        list(
            s.protocol_section
                .arms_interventions_module
                .interventions
                .iter(),
            LIST,
            |i| text(&i.name),
        )
    }),
    field("interventionTypes", "Intervention types", |s| {
        list(
            s.protocol_section
                .arms_interventions_module
                .interventions
                .iter(),
            LIST,
            |i| i.intervention_type.map(|t| t.display().to_string()),
        )
    }),
    field("briefSummary", "Brief summary", |s| {
        text(&s.protocol_section.description_module.brief_summary)
    }),
    field("detailedDescription", "Detailed description", |s| {
        text(&s.protocol_section.description_module.detailed_description)
    }),
    field("studyPopulation", "Study population", |s| {
        text(&s.protocol_section.eligibility_module.study_population)
    }),
    field("eligibilityCriteria", "Eligibility criteria", |s| {
        text(&s.protocol_section.eligibility_module.eligibility_criteria)
    }),
    field("primaryPurpose", "Primary purpose", |s| {
        design(s)?.primary_purpose.map(code_words)
    }),
    field("allocation", "Allocation", |s| {
        design(s)?.allocation.map(code_words)
    }),
    field("interventionModel", "Intervention model", |s| {
        design(s)?.intervention_model.map(code_words)
    }),
    field("masking", "Masking", |s| {
        design(s)?.masking_info.as_ref()?.masking.map(code_words)
    }),
    field("whoMasked", "Who is masked", |s| {
        let masking = design(s)?.masking_info.as_ref()?;
        list(masking.who_masked.iter(), LIST, |w| Some(code_words(*w)))
    }),
    field("observationalModel", "Observational model", |s| {
        design(s)?.observational_model.map(code_words)
    }),
    field("timePerspective", "Time perspective", |s| {
        design(s)?.time_perspective.map(code_words)
    }),
    field("armGroups", "Arms", |s| {
        list(
            s.protocol_section
                .arms_interventions_module
                .arm_groups
                .iter(),
            LIST,
            |a| text(&a.label),
        )
    }),
    field("primaryOutcomes", "Primary outcomes", |s| {
        outcomes(&s.protocol_section.outcomes_module.primary_outcomes)
    }),
    field("secondaryOutcomes", "Secondary outcomes", |s| {
        outcomes(&s.protocol_section.outcomes_module.secondary_outcomes)
    }),
    field("otherOutcomes", "Other outcomes", |s| {
        outcomes(&s.protocol_section.outcomes_module.other_outcomes)
    }),
    field("collaborators", "Collaborators", |s| {
        list(
            s.protocol_section
                .sponsor_collaborators_module
                .collaborators
                .iter(),
            LIST,
            |c| text(&c.name),
        )
    }),
    field("responsibleParty", "Responsible party", |s| {
        let p = s
            .protocol_section
            .sponsor_collaborators_module
            .responsible_party
            .as_ref()?;
        let who = list(
            [
                &p.investigator_full_name,
                &p.investigator_title,
                &p.investigator_affiliation,
                &p.old_name_title,
                &p.old_organization,
            ]
            .into_iter(),
            ", ",
            text,
        );
        match (p.party_type.map(code_words), who) {
            (Some(kind), Some(who)) => Some(format!("{kind}: {who}")),
            (kind, who) => kind.or(who),
        }
    }),
    field("funderTypes", "Funder types", |s| {
        list(s.trialcards.funder_types.iter(), LIST, |f| {
            Some(code_words(*f))
        })
    }),
    field("oversightHasDmc", "Data monitoring committee", |s| {
        s.protocol_section
            .oversight_module
            .oversight_has_dmc
            .map(yes_no)
    }),
    field("isFdaRegulatedDrug", "FDA-regulated drug", |s| {
        s.protocol_section
            .oversight_module
            .is_fda_regulated_drug
            .map(yes_no)
    }),
    field("isFdaRegulatedDevice", "FDA-regulated device", |s| {
        s.protocol_section
            .oversight_module
            .is_fda_regulated_device
            .map(yes_no)
    }),
    field("overallOfficials", "Investigators", |s| {
        list(
            s.protocol_section
                .contacts_locations_module
                .overall_officials
                .iter(),
            LIST,
            |o| match (text(&o.name), text(&o.affiliation)) {
                (Some(name), Some(place)) => Some(format!("{name} ({place})")),
                (name, place) => name.or(place),
            },
        )
    }),
    field("centralContacts", "Central contacts", |s| {
        list(
            s.protocol_section
                .contacts_locations_module
                .central_contacts
                .iter(),
            LIST,
            |c| text(&c.name),
        )
    }),
    field("locationCount", "Sites", |s| {
        let listed = s.protocol_section.contacts_locations_module.locations.len() as u64;
        match s.trialcards.location_count {
            Some(n) => Some(n.to_string()),
            None => (listed > 0).then(|| listed.to_string()),
        }
    }),
    field("countries", "Countries", |s| {
        if !s.trialcards.countries.is_empty() {
            return list(s.trialcards.countries.iter(), LIST, |c| some_text(c));
        }
        let mut seen: Vec<&str> = Vec::new();
        for l in &s.protocol_section.contacts_locations_module.locations {
            if let Some(c) = l
                .country
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
            {
                if !seen.contains(&c) {
                    seen.push(c);
                }
            }
        }
        list(seen.into_iter(), LIST, some_text)
    }),
    field("officialTitle", "Official title", |s| {
        text(&s.protocol_section.identification_module.official_title)
    }),
    field("orgStudyIdInfo", "Organization's study ID", |s| {
        let info = s
            .protocol_section
            .identification_module
            .org_study_id_info
            .as_ref()?;
        text(&info.id)
    }),
    field("secondaryIdInfos", "Secondary IDs", |s| {
        list(
            s.protocol_section
                .identification_module
                .secondary_id_infos
                .iter(),
            LIST,
            |i| text(&i.id),
        )
    }),
    field("references", "References", |s| {
        let n = s.protocol_section.references_module.references.len();
        (n > 0).then(|| n.to_string())
    }),
    field("ipdSharing", "Plan to share participant data", |s| {
        s.protocol_section
            .ipd_sharing_statement_module
            .ipd_sharing
            .map(code_words)
    }),
    field("conditionMeshes", "Condition MeSH terms", |s| {
        let meshes = &s.derived_section.condition_browse_module.meshes;
        list(meshes.iter(), LIST, |m| text(&m.term))
    }),
    field("interventionMeshes", "Intervention MeSH terms", |s| {
        let meshes = &s.derived_section.intervention_browse_module.meshes;
        list(meshes.iter(), LIST, |m| text(&m.term))
    }),
];

/// What joins the items of a list value.
const LIST: &str = "; ";

const fn field(
    key: &'static str,
    label: &'static str,
    value: fn(&Study) -> Option<String>,
) -> Field {
    Field { key, label, value }
}

/// The field whose key is `key`.
pub fn field_by_key(key: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.key == key)
}

/// A text value, trimmed; `None` when absent or blank.
fn text(value: &Option<String>) -> Option<String> {
    value.as_deref().and_then(some_text)
}

fn some_text(value: &str) -> Option<String> {
    let t = value.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The items' values joined by `sep`, blank items skipped; `None` when no item has a value.
fn list<T>(
    items: impl Iterator<Item = T>,
    sep: &str,
    value: impl Fn(T) -> Option<String>,
) -> Option<String> {
    let parts: Vec<String> = items.filter_map(value).collect();
    (!parts.is_empty()).then(|| parts.join(sep))
}

fn date(date: &Option<DateStruct>) -> Option<String> {
    text(&date.as_ref()?.date)
}

fn yes_no(yes: bool) -> String {
    if yes { "Yes" } else { "No" }.to_string()
}

fn design(s: &Study) -> Option<&DesignInfo> {
    s.protocol_section.design_module.design_info.as_ref()
}

fn outcomes(list_of: &[Outcome]) -> Option<String> {
    list(list_of.iter(), LIST, |o| text(&o.measure))
}

/// Two values of a field say the same thing: equal once case, punctuation and spacing are
/// set aside ("18 Years" and "18 years", "Phase 1; Phase 2" and "PHASE 1;PHASE 2").
///
/// Only letters and digits (Unicode's alphanumeric characters) count, compared lowercased,
/// so CT.gov's markdown escapes (`\<30` and `<30`) are no difference either.
pub fn same_value(a: &str, b: &str) -> bool {
    fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
    }
    // Most pairs are equal byte for byte.
    a == b || folded(a).eq(folded(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::test_records::{full, study};
    use serde_json::json;

    fn value(s: &Study, key: &str) -> Option<String> {
        (field_by_key(key).expect(key).value)(s)
    }

    #[test]
    fn keys_and_labels_are_unique() {
        for (i, f) in FIELDS.iter().enumerate() {
            assert!(
                FIELDS[..i]
                    .iter()
                    .all(|g| g.key != f.key && g.label != f.label),
                "{f:?}"
            );
        }
    }

    #[test]
    fn an_empty_record_gives_no_field_and_a_full_one_gives_every_field() {
        let empty = Study::default();
        let full = full();
        for f in FIELDS {
            assert_eq!((f.value)(&empty), None, "{}", f.key);
            assert!((f.value)(&full).is_some(), "{}", f.key);
        }
    }

    #[test]
    fn values_read_as_the_card_words_them() {
        let s = full();
        let expect = [
            ("briefTitle", "Cells for Knees"),
            ("nctId", "NCT09990101"),
            ("overallStatus", "Active, not recruiting"),
            ("lastKnownStatus", "Recruiting"),
            ("phases", "Phase 1, Phase 2"),
            ("studyType", "Interventional"),
            ("hasResults", "Yes"),
            ("leadSponsor", "Northwind University Hospital"),
            ("enrollmentInfo", "30"),
            ("enrollmentType", "Estimated"),
            ("minimumAge", "40 Years"),
            ("stdAges", "Adult; Older adult"),
            ("sex", "All"),
            ("healthyVolunteers", "Not accepted"),
            ("startDateStruct", "2021-03"),
            ("completionDateStruct", "2025-01-15"),
            ("lastUpdatePostDateStruct", "2025-04-02"),
            ("conditions", "Knee Osteoarthritis; Cartilage Loss"),
            ("interventions", "Cord cells; Saline"),
            ("interventionTypes", "Biological; Drug"),
            ("allocation", "Randomized"),
            ("interventionModel", "Parallel"),
            ("masking", "Double"),
            ("whoMasked", "Participant; Investigator"),
            ("armGroups", "Cells; Saline"),
            ("primaryOutcomes", "Pain score"),
            ("collaborators", "Fictional Pharma; Fictional Institute"),
            (
                "responsibleParty",
                "Principal investigator: Ada Quill, Professor, Northwind University, Ada Quill, \
                 Professor, Northwind University School",
            ),
            ("funderTypes", "Other; Industry"),
            ("oversightHasDmc", "Yes"),
            ("isFdaRegulatedDrug", "Yes"),
            ("isFdaRegulatedDevice", "No"),
            ("overallOfficials", "Ada Quill, MD (Northwind University)"),
            ("centralContacts", "Nell Harrow, RN"),
            ("locationCount", "2"),
            ("countries", "United States; Norway"),
            ("orgStudyIdInfo", "ORG-1"),
            ("secondaryIdInfos", "2031-000123-45; R21 NS000051"),
            ("references", "1"),
            ("ipdSharing", "Yes"),
            ("conditionMeshes", "Osteoarthritis"),
            ("interventionMeshes", "Sodium Chloride"),
        ];
        for (key, want) in expect {
            assert_eq!(value(&s, key).as_deref(), Some(want), "{key}");
        }
    }

    #[test]
    fn sites_and_countries_come_from_the_locations_when_the_page_gives_no_count() {
        let s = study(
            json!({"protocolSection": {"contactsLocationsModule": {"locations": [
                {"facility": "A", "country": "Norway"},
                {"facility": "B", "country": " Norway "},
                {"facility": "C", "country": "Chile"},
                {"facility": "D"}
            ]}}}),
        );
        assert_eq!(value(&s, "locationCount").as_deref(), Some("4"));
        assert_eq!(value(&s, "countries").as_deref(), Some("Norway; Chile"));
    }

    #[test]
    fn blank_values_and_items_are_not_given() {
        let s = study(json!({"protocolSection": {
            "identificationModule": {"briefTitle": "  "},
            "conditionsModule": {"conditions": ["", "Asthma", " "]},
            "designModule": {"enrollmentInfo": {"type": "ACTUAL"}}
        }}));
        assert_eq!(value(&s, "briefTitle"), None);
        assert_eq!(value(&s, "conditions").as_deref(), Some("Asthma"));
        assert_eq!(value(&s, "enrollmentInfo"), None);
        let bare =
            study(json!({"protocolSection": {"designModule": {"enrollmentInfo": {"count": 12}}}}));
        assert_eq!(value(&bare, "enrollmentInfo").as_deref(), Some("12"));
    }

    #[test]
    fn same_value_sets_case_punctuation_spacing_and_escapes_aside() {
        assert!(same_value("18 Years", "18 years"));
        assert!(same_value("Phase 1; Phase 2", "PHASE 1;PHASE 2"));
        assert!(same_value("Phase 1, Phase 2", "Phase 1; Phase 2"));
        assert!(same_value("BMI \\<30", "BMI <30"));
        assert!(same_value("Ünïcode  Straße", "ünïcode straße"));
        assert!(same_value("", " - "));
        assert!(!same_value("40", "41"));
        assert!(!same_value("Recruiting", "Unknown status"));
        assert!(!same_value("é", "e"));
        assert!(!same_value("40", "40 (Estimated)"));
    }
}
