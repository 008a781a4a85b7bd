//! The field list: its keys and labels, the values it reads, and that it shows every string
//! of a record.

use super::*;
use crate::collection::json_leaves::{bookkeeping, copied_words, string_leaves};
use crate::collection::test_records::{full, full_json, study, with_text_at};
use serde_json::json;

fn value(s: &Study, key: &str) -> Option<String> {
    field_by_key(key).expect(key).value(s)
}

#[test]
fn keys_are_unique_and_labels_unique_where_they_are_shown() {
    let fields: Vec<&Field> = all().collect();
    for (i, f) in fields.iter().enumerate() {
        for g in &fields[..i] {
            assert_ne!(g.key, f.key);
            if f.compared() && g.compared() {
                assert_ne!(
                    g.label, f.label,
                    "compare shows both {} and {}",
                    g.key, f.key
                );
            }
            if f.on_card() && g.on_card() && f.section == g.section {
                assert_ne!(
                    g.label, f.label,
                    "the card shows both {} and {}",
                    g.key, f.key
                );
            }
        }
    }
}

#[test]
fn every_section_of_the_card_has_a_field_and_every_field_a_shown_section() {
    for section in Section::PARTS {
        assert!(in_section(*section).next().is_some(), "{section:?}");
    }
    // Fields come in card order: one run per section.
    let mut seen: Vec<Section> = Vec::new();
    for f in all() {
        if seen.last() != Some(&f.section) {
            assert!(
                !seen.contains(&f.section),
                "{} out of its section's run",
                f.key
            );
            seen.push(f.section);
        }
    }
}

#[test]
fn an_empty_record_gives_no_field_and_a_full_one_gives_every_field() {
    let empty = Study::default();
    let full = full();
    for f in all() {
        assert_eq!(f.values(&empty), Vec::<String>::new(), "{}", f.key);
        assert_eq!(
            f.values_in(&empty, Form::Code),
            Vec::<String>::new(),
            "{}",
            f.key
        );
        assert!(f.value(&full).is_some(), "{}", f.key);
    }
}

#[test]
fn every_string_leaf_is_shown_by_a_field() {
    let record = full_json();
    let mut checked = 0;
    for pointer in string_leaves(&record) {
        // Posted results are drawn as tables by the viewer's results section, not by fields.
        if bookkeeping(&pointer)
            || copied_words(&pointer)
            || pointer.starts_with("/resultsSection/")
        {
            continue;
        }
        let Some(s) = with_text_at(&record, &pointer, "Before ZqXmark after") else {
            continue;
        };
        checked += 1;
        let shown =
            all().any(|f| f.on_card() && f.searched(&s).iter().any(|v| v.contains("ZqXmark")));
        assert!(shown, "no field of the card shows {pointer}");
    }
    // Every free-text string of the full record (enum codes aside).
    assert!(checked >= 150, "{checked}");
}

#[test]
fn every_code_of_the_full_record_is_shown_in_words() {
    let s = full();
    let shown: Vec<String> = all()
        .filter(|f| f.on_card())
        .flat_map(|f| f.searched(&s))
        .collect();
    for words in [
        "Active, not recruiting",
        "Recruiting",
        "Phase 1",
        "Randomized",
        "Participant",
        "Probability sample",
        "Principal investigator: Ada Quill, Professor, Northwind University, Ada Quill, Professor, Northwind University School",
        "Statistical analysis plan (SAP)",
        "High",
        "Placebo comparator",
        "Background",
        "Completed",
    ] {
        assert!(shown.iter().any(|v| v == words), "{words}");
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
        ("primaryOutcomeResults", "Knee pain at week 12"),
        ("seriousAdverseEvents", "2 of 30 participants"),
        (
            "resultsTerms",
            "Knee pain at week 12; Cells; Cells; Knee swelling; Musculoskeletal disorders",
        ),
        ("leadSponsor", "Northwind University Hospital"),
        ("enrollmentInfo", "30"),
        ("enrollmentType", "Estimated"),
        ("ages", "40 Years to 75 Years"),
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
fn the_card_notes_a_date_and_an_enrollment_with_their_kind() {
    let s = full();
    let shown = |key: &str| field_by_key(key).unwrap().shown(&s);
    assert_eq!(
        shown("startDateStruct"),
        (vec!["2021-03".into()], Some("actual".into()))
    );
    assert_eq!(
        shown("enrollment"),
        (vec!["30 participants".into()], Some("estimated".into()))
    );
    assert_eq!(shown("sex"), (vec!["All".into()], None));
}

#[test]
fn values_in_ctgov_form_are_its_codes() {
    let s = full();
    let code = |key: &str| values_of(&s, key, Form::Code).join("|");
    assert_eq!(code("overallStatus"), "ACTIVE_NOT_RECRUITING");
    assert_eq!(code("phases"), "PHASE1|PHASE2");
    assert_eq!(code("interventions"), "BIOLOGICAL: Cord cells|DRUG: Saline");
    assert_eq!(code("ages"), "40 Years to 75 Years (ADULT, OLDER_ADULT)");
    assert_eq!(code("hasResults"), "YES");
    assert_eq!(code("leadSponsorClass"), "OTHER");
    assert_eq!(
        code("primaryOutcomes"),
        "Pain score, On a 0-10 scale, 12 months"
    );
    assert_eq!(
        code("studyDesign"),
        "Allocation: RANDOMIZED | Intervention Model: PARALLEL | Masking: DOUBLE \
         (PARTICIPANT, INVESTIGATOR) | Primary Purpose: TREATMENT | Observational Model: \
         COHORT | Time Perspective: PROSPECTIVE"
    );
    assert_eq!(code("otherIds"), "ORG-1|2031-000123-45|R21 NS000051");
    assert_eq!(
        code("locations").split('|').next(),
        Some("Northwind Hospital, Springfield, Oregon, 97477, United States")
    );
}

#[test]
fn every_csv_column_but_study_documents_has_its_field() {
    for column in crate::export::CSV_COLUMNS {
        let field = field_for_column(column);
        assert_eq!(field.is_none(), *column == "Study Documents", "{column}");
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
fn the_criteria_are_the_tree_when_there_is_one_else_the_text() {
    let s = full();
    let criteria = field_by_key("criteria").unwrap().values(&s);
    assert_eq!(
        criteria,
        [
            "Adults may take part when:",
            "Knee pain",
            "for six months",
            "Infection"
        ]
    );
    let text =
        study(json!({"protocolSection": {"eligibilityModule": {"eligibilityCriteria": "Adults"}}}));
    assert_eq!(field_by_key("criteria").unwrap().values(&text), ["Adults"]);
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

#[test]
fn a_field_finds_the_lines_of_its_values_their_items_or_their_ancestor() {
    let s = study(json!({
        "protocolSection": {
            "statusModule": {"overallStatus": "RECRUITING"},
            "conditionsModule": {"conditions": ["Asthma", "Cough"], "keywords": ["lungs"]},
            "armsInterventionsModule": {"interventions": [{"name": "Cells", "type": "BIOLOGICAL"}]}
        },
        "trialcards": {"provenance": {
            "/protocolSection/statusModule/overallStatus": [3, 3],
            "/protocolSection/conditionsModule/conditions/0": [7, 7],
            "/protocolSection/conditionsModule/conditions/1": [9, 10],
            "/protocolSection/armsInterventionsModule/interventions/0": [12, 14]
        }}
    }));
    let lines = |key: &str| field_by_key(key).unwrap().lines(&s);
    assert_eq!(lines("overallStatus"), Some([3, 3]));
    assert_eq!(lines("conditions"), Some([7, 10]));
    assert_eq!(lines("keywords"), None);
    assert_eq!(lines("interventions"), Some([12, 14]));
    let item = |key: &str, i| field_by_key(key).unwrap().item_lines(&s, i);
    assert_eq!(item("conditions", 1), Some([9, 10]));
    assert_eq!(item("conditions", 5), None);
    // An item's parts are covered by the item's lines.
    assert_eq!(
        ancestor_lines(
            &s,
            "/protocolSection/armsInterventionsModule/interventions/0/name"
        ),
        Some([12, 14])
    );
    // A record read from a CSV row has its row's lines at the root.
    let row = study(
        json!({"protocolSection": {"statusModule": {"overallStatus": "COMPLETED"}},
        "trialcards": {"provenance": {"": [4, 5]}}}),
    );
    assert_eq!(
        field_by_key("overallStatus").unwrap().lines(&row),
        Some([4, 5])
    );
}

#[test]
fn every_field_names_where_its_values_are() {
    for f in all() {
        assert!(!f.pointers.is_empty(), "{}", f.key);
        for p in f.pointers {
            assert!(p.starts_with('/'), "{}: {p}", f.key);
        }
    }
    // Each pointer of a full record's field leads to a value of it.
    let record = full_json();
    for f in all() {
        if f.values(&full()).is_empty() {
            continue;
        }
        assert!(
            f.pointers.iter().any(|p| record.pointer(p).is_some()),
            "{}: none of {:?} is in the full record",
            f.key,
            f.pointers
        );
    }
}

#[test]
fn dates_at_different_precision_agree() {
    assert!(same_date("2023-09", "2023-09-30"));
    assert!(same_date("2023", "2023-09-30"));
    assert!(same_date("2023-09-30", "2023-09-30"));
    assert!(!same_date("2023-09", "2023-10-01"));
    assert!(!same_date("2023-09-29", "2023-09-30"));
    assert!(!same_date("2022", "2023"));
    assert!(same_date("September 2023", "september  2023"));
    assert!(field_by_key("startDateStruct")
        .unwrap()
        .agrees("2023-09", "2023-09-30"));
    assert!(!field_by_key("briefTitle")
        .unwrap()
        .agrees("2023-09", "2023-09-30"));
}
