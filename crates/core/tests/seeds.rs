//! The five seed pages, each asserted field by field against a record written by hand from
//! reading the page. Skipped with a notice when ../shared/corpus is absent.

mod common;

use serde_json::{json, Value};
use trialcards_core::{parse, Study};

fn seed(file: &str) -> Option<(Study, Value)> {
    let text = common::corpus_file(&format!("seeds/{file}"))?;
    let out = parse(file, &text);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert_eq!(out.records.len(), 1);
    let study = out.records.into_iter().next()?;
    let value = serde_json::to_value(&study).expect("serializes");
    Some((study, value))
}

/// Asserts each (JSON pointer, expected value) pair.
fn check(v: &Value, expected: &[(&str, Value)]) {
    for (ptr, want) in expected {
        assert_eq!(v.pointer(ptr), Some(want), "at {ptr}");
    }
}

#[test]
fn seed_000_veeva_invitation_only_phase1() {
    let Some((s, v)) = seed("000_f4481668ec423aa7.txt") else {
        return;
    };
    assert_eq!(s.nct_id(), Some("NCT03123458"));
    check(
        &v,
        &[
            ("/protocolSection/identificationModule/briefTitle", json!("Clonal Fetal Mesenchymal Stem Cells (cfMSCs) for the Control of Immune-related Disorders")),
            ("/protocolSection/identificationModule/orgStudyIdInfo/id", json!("GIMI-IRB-17001")),
            ("/protocolSection/statusModule/overallStatus", json!("ENROLLING_BY_INVITATION")),
            ("/protocolSection/sponsorCollaboratorsModule/leadSponsor", json!({"name": "Shenzhen Geno-Immune Medical Institute", "class": "OTHER"})),
            ("/protocolSection/conditionsModule/conditions", json!(["Tissue Damage", "Immune Related Disorder"])),
            ("/protocolSection/designModule/studyType", json!("INTERVENTIONAL")),
            ("/protocolSection/designModule/phases", json!(["PHASE1"])),
            ("/protocolSection/designModule/enrollmentInfo", json!({"count": 100, "type": "ESTIMATED"})),
            ("/protocolSection/designModule/designInfo", json!({"allocation": "NA", "interventionModel": "SINGLE_GROUP", "primaryPurpose": "TREATMENT", "maskingInfo": {"masking": "NONE"}})),
            ("/protocolSection/eligibilityModule/sex", json!("ALL")),
            ("/protocolSection/eligibilityModule/minimumAge", json!("1 Year")),
            ("/protocolSection/eligibilityModule/maximumAge", json!("80 Years")),
            ("/protocolSection/eligibilityModule/healthyVolunteers", json!(false)),
            ("/protocolSection/armsInterventionsModule/interventions", json!([{"type": "BIOLOGICAL", "name": "clonal fetal MSCs", "armGroupLabels": ["Single arm, cfMSC to treat immune disorders"]}])),
            ("/protocolSection/armsInterventionsModule/armGroups", json!([{"label": "Single arm, cfMSC to treat immune disorders", "type": "EXPERIMENTAL", "description": "cfMSCs treatment", "interventionNames": ["Biological: clonal fetal MSCs"]}])),
            ("/trialcards/locationCount", json!(3)),
            ("/trialcards/source/layout", json!("veeva")),
        ],
    );
    let summary = v
        .pointer("/protocolSection/descriptionModule/briefSummary")
        .and_then(Value::as_str)
        .unwrap_or_default();
    assert!(summary.starts_with("The primary objectives are to evaluate"));
    let detail = v
        .pointer("/protocolSection/descriptionModule/detailedDescription")
        .and_then(Value::as_str)
        .unwrap_or_default();
    assert!(detail.ends_with("acute and chronic immune-related disorders."));
    // Item 3 of the inclusion list has two nested bullets.
    let inc = &v["trialcards"]["criteria"]["inclusion"];
    assert_eq!(inc.as_array().map(Vec::len), Some(3));
    assert_eq!(inc[2]["children"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        v["trialcards"]["criteria"]["exclusion"][3]["text"],
        json!("Pregnancy.")
    );
    let crit = v
        .pointer("/protocolSection/eligibilityModule/eligibilityCriteria")
        .and_then(Value::as_str)
        .unwrap_or_default();
    assert!(crit.starts_with("Inclusion Criteria:\n\n1. Informed consent.\n"));
    assert!(crit.contains("\n\nExclusion Criteria:\n\n1. Inability to give informed consent."));
    assert!(
        s.trialcards.unrecognized.is_empty(),
        "{:?}",
        s.trialcards.unrecognized
    );
}

#[test]
fn seed_001_veeva_status_without_phase_inline_numbering() {
    let Some((s, v)) = seed("001_a187c67452cd207b.txt") else {
        return;
    };
    assert_eq!(s.nct_id(), Some("NCT06321198"));
    check(
        &v,
        &[
            (
                "/protocolSection/statusModule/overallStatus",
                json!("RECRUITING"),
            ),
            (
                "/protocolSection/identificationModule/orgStudyIdInfo/id",
                json!("iMSC-2001"),
            ),
            (
                "/protocolSection/sponsorCollaboratorsModule/leadSponsor/name",
                json!("University of Science and Technology of China (USTC)"),
            ),
            (
                "/protocolSection/conditionsModule/conditions",
                json!(["Steroid-refractory Acute Graft-versus-host Disease(SR-aGVHD)"]),
            ),
            (
                "/protocolSection/designModule/enrollmentInfo",
                json!({"count": 12, "type": "ESTIMATED"}),
            ),
            (
                "/protocolSection/eligibilityModule/minimumAge",
                json!("4 Years"),
            ),
            (
                "/protocolSection/eligibilityModule/maximumAge",
                json!("70 Years"),
            ),
            (
                "/protocolSection/contactsLocationsModule/centralContacts",
                json!([{"name": "Xiaoyu Zhu, phd"}]),
            ),
            (
                "/protocolSection/armsInterventionsModule/armGroups/0/interventionNames",
                json!(["Biological: iMSC"]),
            ),
            ("/trialcards/locationCount", json!(1)),
        ],
    );
    assert!(
        v.pointer("/protocolSection/designModule/phases").is_none(),
        "no phase on the page"
    );
    let inc: Vec<&str> = s
        .trialcards
        .criteria
        .as_ref()
        .map(|c| c.inclusion.iter().map(|i| i.text.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        inc,
        vec![
            "Subjects who understand and voluntarily sign the Informed Consent Form(ICF)",
            "4-70 years",
            "Subjects with SR-aGVHD",
            "ECOG≤2",
            "Subjects with II to IV grades of steroid hormone resistance",
        ]
    );
    assert_eq!(
        s.trialcards.criteria.as_ref().map(|c| c.exclusion.len()),
        Some(17)
    );
    assert!(s.trialcards.unrecognized.is_empty());
}

#[test]
fn seed_002_meddatax_bare_values() {
    let Some((s, v)) = seed("002_cd453c2458656e53.txt") else {
        return;
    };
    assert_eq!(s.nct_id(), Some("NCT01763086"));
    assert_eq!(s.brief_title(), Some("Mesenchymal Stem Cells for Treatment of Poor Graft Function After Allogeneic Hematopoietic Stem Cell Transplant"));
    check(
        &v,
        &[
            ("/hasResults", json!(false)),
            ("/protocolSection/statusModule", json!({"overallStatus": "UNKNOWN", "startDateStruct": {"date": "2013-01-31"}, "completionDateStruct": {"date": "2016-01-31"}, "lastUpdatePostDateStruct": {"date": "2013-01-16"}})),
            ("/protocolSection/designModule/phases", json!(["PHASE2"])),
            ("/protocolSection/designModule/studyType", json!("INTERVENTIONAL")),
            ("/protocolSection/designModule/enrollmentInfo", json!({"count": 60})),
            ("/protocolSection/designModule/designInfo", json!({"allocation": "NA", "interventionModel": "SINGLE_GROUP", "primaryPurpose": "TREATMENT", "maskingInfo": {"masking": "NONE"}})),
            ("/protocolSection/armsInterventionsModule/armGroups/0/label", json!("Mesenchymal stem cells")),
            ("/protocolSection/armsInterventionsModule/armGroups/0/description", json!("Mesenchymal stem cells 1×10\\^6 cells/kg, intravenously")),
            ("/protocolSection/armsInterventionsModule/armGroups/0/interventionNames", json!(["Mesenchymal stem cells"])),
            ("/protocolSection/armsInterventionsModule/interventions/0/name", json!("Mesenchymal stem cells")),
            ("/protocolSection/eligibilityModule/minimumAge", json!("14 Years")),
            ("/protocolSection/eligibilityModule/maximumAge", json!("65 Years")),
            ("/protocolSection/eligibilityModule/sex", json!("ALL")),
            ("/protocolSection/eligibilityModule/healthyVolunteers", json!(false)),
            ("/protocolSection/sponsorCollaboratorsModule/leadSponsor", json!({"name": "Peking University People's Hospital", "class": "OTHER"})),
            ("/protocolSection/contactsLocationsModule/overallOfficials", json!([{"name": "Qifa Liu, MD", "affiliation": "Nanfang Hospital, Southern Medical University", "role": "PRINCIPAL_INVESTIGATOR"}])),
            ("/protocolSection/contactsLocationsModule/locations", json!([{"facility": "Department of Hematology,Nanfang Hospital, Southern Medical University", "city": "Guangzhou", "state": "Guangdong", "country": "China"}])),
            ("/protocolSection/identificationModule/orgStudyIdInfo", json!({"id": "NFH-MSC-allo-HSCT-2013"})),
            ("/trialcards/referenceDois", json!([{"index": 0, "doi": "10.1111/j.1537-2995.2011.03400.x"}, {"index": 1, "doi": "10.1089/scd.2009.0029"}])),
            ("/trialcards/criteria/exclusion/0/text", json!("Patients with any conditions not suitable for the trial (investigators' decision)")),
        ],
    );
    assert_eq!(
        s.protocol_section
            .sponsor_collaborators_module
            .collaborators
            .len(),
        9
    );
    assert_eq!(s.protocol_section.references_module.references.len(), 2);
    let related: Vec<&str> = s
        .trialcards
        .related_trials
        .iter()
        .filter_map(|r| r.nct_id.as_deref())
        .collect();
    assert_eq!(
        related,
        vec![
            "NCT01763099",
            "NCT02083718",
            "NCT02240992",
            "NCT02247973",
            "NCT02241018"
        ]
    );
    let detail = s
        .protocol_section
        .description_module
        .detailed_description
        .as_deref()
        .unwrap_or_default();
    assert!(detail.contains("and so on. However,") && detail.contains("\n\nIn the present study"));
    assert!(
        s.trialcards.unrecognized.is_empty(),
        "{:?}",
        s.trialcards.unrecognized
    );
}

#[test]
fn seed_003_veeva_early_phase1_exclusion_preamble() {
    let Some((s, v)) = seed("003_6506320b35fc07cc.txt") else {
        return;
    };
    assert_eq!(s.nct_id(), Some("NCT03219801"));
    check(
        &v,
        &[
            (
                "/protocolSection/statusModule/overallStatus",
                json!("UNKNOWN"),
            ),
            (
                "/protocolSection/designModule/phases",
                json!(["EARLY_PHASE1"]),
            ),
            (
                "/protocolSection/identificationModule/orgStudyIdInfo/id",
                json!("17277787D-SLE"),
            ),
            (
                "/protocolSection/sponsorCollaboratorsModule/leadSponsor/name",
                json!("Hebei Medical University"),
            ),
            (
                "/protocolSection/designModule/enrollmentInfo",
                json!({"count": 10, "type": "ESTIMATED"}),
            ),
            (
                "/protocolSection/eligibilityModule/minimumAge",
                json!("14 Years"),
            ),
            (
                "/protocolSection/eligibilityModule/maximumAge",
                json!("60 Years"),
            ),
            (
                "/protocolSection/contactsLocationsModule/centralContacts/0/name",
                json!("Jun Zhang, Master"),
            ),
            (
                "/trialcards/criteria/exclusion/0",
                json!({"text": "Patients with SLE have to be disqualified from this study if any of the following is applicable:", "line": 75, "children": []}),
            ),
        ],
    );
    let c = s.trialcards.criteria.as_ref();
    assert_eq!(c.map(|c| c.inclusion.len()), Some(7));
    assert_eq!(c.map(|c| c.exclusion.len()), Some(8));
    assert!(s.trialcards.unrecognized.is_empty());
}

#[test]
fn seed_004_meddatax_labelled() {
    let Some((s, v)) = seed("004_b3ca6290a65a801e.txt") else {
        return;
    };
    assert_eq!(s.nct_id(), Some("NCT05947682"));
    check(
        &v,
        &[
            ("/hasResults", json!(false)),
            (
                "/protocolSection/statusModule",
                json!({"overallStatus": "UNKNOWN", "startDateStruct": {"date": "2023-09-30"}, "completionDateStruct": {"date": "2025-02-28"}, "lastUpdatePostDateStruct": {"date": "2023-07-17"}}),
            ),
            ("/protocolSection/designModule/phases", json!(["NA"])),
            (
                "/protocolSection/designModule/enrollmentInfo",
                json!({"count": 6}),
            ),
            (
                "/protocolSection/designModule/designInfo",
                json!({"allocation": "NA", "interventionModel": "SINGLE_GROUP", "primaryPurpose": "OTHER", "maskingInfo": {"masking": "NONE"}}),
            ),
            (
                "/protocolSection/conditionsModule/conditions",
                json!(["Mesenchymal Stromal Cell Systemic Sclerosis"]),
            ),
            (
                "/protocolSection/armsInterventionsModule/armGroups/0/type",
                json!("OTHER"),
            ),
            (
                "/protocolSection/armsInterventionsModule/armGroups/0/interventionNames",
                json!(["Other: Adipose tissue harvesting"]),
            ),
            (
                "/protocolSection/armsInterventionsModule/interventions/0/type",
                json!("OTHER"),
            ),
            (
                "/protocolSection/eligibilityModule/minimumAge",
                json!("18 Years"),
            ),
            (
                "/protocolSection/eligibilityModule/maximumAge",
                json!("55 Years"),
            ),
            (
                "/protocolSection/eligibilityModule/healthyVolunteers",
                json!(true),
            ),
            (
                "/protocolSection/sponsorCollaboratorsModule",
                json!({"responsibleParty": {"type": "SPONSOR"}, "leadSponsor": {"name": "Assistance Publique - Hôpitaux de Paris", "class": "OTHER"}}),
            ),
            (
                "/protocolSection/contactsLocationsModule/centralContacts",
                json!([{"name": "Dominique Farge, Pr", "role": "CONTACT", "phone": "+33142499768"}, {"name": "Jérôme Lambert, Dr", "role": "CONTACT", "phone": "+33142499742"}]),
            ),
            (
                "/protocolSection/identificationModule/orgStudyIdInfo/id",
                json!("APHP230376"),
            ),
            (
                "/trialcards/relatedTrials",
                json!([{"nctId": "NCT00695149", "title": "Treatment for Acute Spinal Cord Injury", "overallStatus": "TERMINATED", "phases": ["PHASE1", "PHASE2"], "list": "More Related Trials"}]),
            ),
            ("/trialcards/criteria/inclusion/1/text", json!("BMI <30")),
        ],
    );
    let summary = s
        .protocol_section
        .description_module
        .brief_summary
        .as_deref()
        .unwrap_or_default();
    assert!(
        summary.contains("Cell \\& Gene Therapy"),
        "markup keeps escapes"
    );
    let crit = s
        .protocol_section
        .eligibility_module
        .eligibility_criteria
        .as_deref()
        .unwrap_or_default();
    assert!(crit.contains("* BMI \\<30"));
    assert_eq!(
        s.trialcards.criteria.as_ref().map(|c| c.exclusion.len()),
        Some(25)
    );
    assert!(
        s.trialcards.unrecognized.is_empty(),
        "{:?}",
        s.trialcards.unrecognized
    );
}
