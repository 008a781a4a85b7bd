//! The CT.gov API v2 JSON reader: the same fictional trial as a page text gives the same record,
//! and each kind of bad input gives its own diagnostic while keeping what it can.

use trialcards_core::{parse, Severity};

mod common;

use common::{fixture, one};

/// The v2 JSON of the meddatax fixture's trial, compared field by field with the page text.
#[test]
fn the_json_study_equals_the_page_text_of_the_same_trial() {
    let text = one(
        "meddatax_bare_values.txt",
        &fixture("meddatax_bare_values.txt"),
    );
    let json = one(
        "ctgov_json_study_graft_failure.json",
        &fixture("ctgov_json_study_graft_failure.json"),
    );
    let (t, j) = (&text.protocol_section, &json.protocol_section);
    assert_eq!(text.has_results, json.has_results);

    let (ti, ji) = (&t.identification_module, &j.identification_module);
    assert_eq!(ti.nct_id, ji.nct_id);
    assert_eq!(ti.brief_title, ji.brief_title);
    assert_eq!(ti.org_study_id_info, ji.org_study_id_info);
    // Inherent: the bare meddatax page shows no official title and no organization.
    assert!(ti.official_title.is_none() && ji.official_title.is_some());

    let (ts, js) = (&t.status_module, &j.status_module);
    assert_eq!(ts.overall_status, js.overall_status);
    let date =
        |d: &Option<trialcards_core::model::DateStruct>| d.as_ref().and_then(|d| d.date.clone());
    assert_eq!(date(&ts.start_date_struct), date(&js.start_date_struct));
    assert_eq!(
        date(&ts.completion_date_struct),
        date(&js.completion_date_struct)
    );
    assert_eq!(
        date(&ts.last_update_post_date_struct),
        date(&js.last_update_post_date_struct)
    );
    // Inherent: the page gives dates without saying actual or estimated, and shows no primary
    // completion, first-posted or verified date.

    assert_eq!(
        t.sponsor_collaborators_module.lead_sponsor,
        j.sponsor_collaborators_module.lead_sponsor
    );
    assert_eq!(
        t.sponsor_collaborators_module.collaborators,
        j.sponsor_collaborators_module.collaborators
    );
    assert_eq!(t.description_module, j.description_module);
    // Inherent: the page lists no keywords.
    assert_eq!(
        t.conditions_module.conditions,
        j.conditions_module.conditions
    );

    let (td, jd) = (&t.design_module, &j.design_module);
    assert_eq!(td.study_type, jd.study_type);
    assert_eq!(td.phases, jd.phases);
    let (tdi, jdi) = (
        td.design_info.clone().unwrap_or_default(),
        jd.design_info.clone().unwrap_or_default(),
    );
    assert_eq!(tdi.allocation, jdi.allocation);
    assert_eq!(tdi.intervention_model, jdi.intervention_model);
    assert_eq!(tdi.primary_purpose, jdi.primary_purpose);
    // Inherent: the page names the masking level but not who is masked.
    assert_eq!(
        tdi.masking_info.and_then(|m| m.masking),
        jdi.masking_info.and_then(|m| m.masking)
    );
    // Inherent: the page gives the count without saying actual or estimated.
    assert_eq!(
        td.enrollment_info.as_ref().and_then(|e| e.count),
        jd.enrollment_info.as_ref().and_then(|e| e.count)
    );

    // Inherent: the bare page shows no arm or intervention types, so its arms name the
    // interventions without the "Biological: " prefix CT.gov uses.
    let (ta, ja) = (&t.arms_interventions_module, &j.arms_interventions_module);
    assert_eq!(ta.arm_groups.len(), ja.arm_groups.len());
    for (a, b) in ta.arm_groups.iter().zip(&ja.arm_groups) {
        assert_eq!((&a.label, &a.description), (&b.label, &b.description));
    }
    for (a, b) in ta.interventions.iter().zip(&ja.interventions) {
        assert_eq!(
            (&a.name, &a.description, &a.arm_group_labels),
            (&b.name, &b.description, &b.arm_group_labels)
        );
    }

    // Inherent: the page lists no age groups (stdAges).
    let (te, je) = (&t.eligibility_module, &j.eligibility_module);
    assert_eq!(te.eligibility_criteria, je.eligibility_criteria);
    assert_eq!(te.healthy_volunteers, je.healthy_volunteers);
    assert_eq!(te.sex, je.sex);
    assert_eq!(
        (&te.minimum_age, &te.maximum_age),
        (&je.minimum_age, &je.maximum_age)
    );

    // Inherent: only the JSON gives the site's geoPoint.
    let mut jc = j.contacts_locations_module.clone();
    assert!(jc.locations[0].geo_point.take().is_some());
    assert_eq!(t.contacts_locations_module, jc);
    // Inherent: the page does not say what kind of reference it lists.
    let (tr, jr) = (
        &t.references_module.references,
        &j.references_module.references,
    );
    assert_eq!(tr.len(), 1);
    assert_eq!(
        (&tr[0].pmid, &tr[0].citation),
        (&jr[0].pmid, &jr[0].citation)
    );
    // Inherent: only the JSON has outcome measures; only the page lists related trials and
    // keeps the criteria as a tree with its line numbers.
    assert!(!j.outcomes_module.primary_outcomes.is_empty());
    assert!(!text.trialcards.related_trials.is_empty());
}

#[test]
fn the_v2_modules_of_the_fixture_are_read_into_the_model() {
    let s = one("s.json", &fixture("ctgov_json_study_graft_failure.json"));
    // Oversight, IPD sharing, expanded access, the geoPoint and the derived section are all
    // modelled: nothing is left aside.
    assert!(
        s.trialcards.unmodelled.is_empty(),
        "{:?}",
        s.trialcards.unmodelled
    );
    let p = &s.protocol_section;
    assert_eq!(p.oversight_module.oversight_has_dmc, Some(true));
    assert_eq!(p.oversight_module.is_fda_regulated_drug, Some(false));
    assert_eq!(
        p.ipd_sharing_statement_module.ipd_sharing,
        Some(trialcards_core::model::IpdSharing::No)
    );
    let access = p.status_module.expanded_access_info.as_ref().unwrap();
    assert_eq!(access.has_expanded_access, Some(false));
    let geo = p.contacts_locations_module.locations[0].geo_point.unwrap();
    assert_eq!((geo.lat, geo.lon), (Some(44.05), Some(-123.02)));
    let d = &s.derived_section;
    assert_eq!(
        d.misc_info_module.version_holder.as_deref(),
        Some("2014-02-03")
    );
    let mesh = &d.condition_browse_module.meshes[0];
    assert_eq!(
        (mesh.id.as_deref(), mesh.term.as_deref()),
        (Some("D999999"), Some("Fictional Graft Failure"))
    );
    assert_eq!(
        p.status_module.study_first_submit_date.as_deref(),
        Some("2013-01-15")
    );
    assert_eq!(s.trialcards.source.layout, "ctgov-json");
    assert!(
        s.trialcards.diagnostics.is_empty(),
        "{:?}",
        s.trialcards.diagnostics
    );
}

/// A study giving every part of the v2 modules this version models, and parts it does not.
const FULL_V2: &str = r#"{
  "protocolSection": {
    "identificationModule": {"nctId": "NCT09990081", "briefTitle": "A Fictional Full Study"},
    "statusModule": {
      "overallStatus": "COMPLETED",
      "delayedPosting": true,
      "expandedAccessInfo": {"hasExpandedAccess": true, "nctId": "NCT09990082", "statusForNctId": "AVAILABLE"},
      "studyFirstSubmitDate": "2020-01-02",
      "studyFirstSubmitQcDate": "2020-01-03",
      "resultsWaived": false,
      "resultsFirstSubmitDate": "2023-04-05",
      "resultsFirstSubmitQcDate": "2023-04-06",
      "dispFirstSubmitDate": "2022-07-08",
      "dispFirstSubmitQcDate": "2022-07-09",
      "dispFirstPostDateStruct": {"date": "2022-07-10", "type": "ACTUAL"},
      "lastUpdateSubmitDate": "2024-02-03"
    },
    "sponsorCollaboratorsModule": {
      "responsibleParty": {"oldNameTitle": "Ada Quill, Professor", "oldOrganization": "Northwind University"}
    },
    "oversightModule": {
      "oversightHasDmc": true, "isFdaRegulatedDrug": true, "isFdaRegulatedDevice": false,
      "isUnapprovedDevice": false, "isPpsd": false, "isUsExport": true, "fdaaa801Violation": false
    },
    "eligibilityModule": {"studyPopulation": "Adults", "samplingMethod": "NON_PROBABILITY_SAMPLE"},
    "contactsLocationsModule": {
      "locations": [{"facility": "Northwind Hospital", "geoPoint": {"lat": 60, "lon": 5.32}}]
    },
    "referencesModule": {
      "references": [{"pmid": "99999998", "retractions": [{"pmid": "99999997", "source": "Fict J"}]}],
      "seeAlsoLinks": [{"label": "Study site", "url": "https://example.org/study"}],
      "availIpds": [{"id": "IPD-1", "type": "Individual Participant Data Set", "url": "https://example.org/ipd", "comment": "On request"}]
    },
    "ipdSharingStatementModule": {
      "ipdSharing": "YES", "description": "All data", "infoTypes": ["STUDY_PROTOCOL", "SAP", "CSR"],
      "timeFrame": "From 2025", "accessCriteria": "Researchers", "url": "https://example.org/share"
    }
  },
  "annotationSection": {"annotationModule": {"unpostedAnnotation": {"unpostedResponsibleParty": "Northwind"}}},
  "documentSection": {
    "largeDocumentModule": {
      "noSap": false,
      "largeDocs": [{
        "typeAbbrev": "Prot_SAP", "hasProtocol": true, "hasSap": true, "hasIcf": false,
        "label": "Study Protocol and Statistical Analysis Plan", "date": "2021-05-06",
        "uploadDate": "2021-06-07T08:09", "filename": "Prot_SAP_000.pdf", "size": 123456
      }]
    }
  },
  "derivedSection": {
    "miscInfoModule": {
      "versionHolder": "2024-02-05",
      "removedCountries": ["Norway"],
      "submissionTracking": {
        "estimatedResultsFirstSubmitDate": "2023-01-01",
        "firstMcpInfo": {"postDateStruct": {"date": "2023-02-02", "type": "ACTUAL"}},
        "submissionInfos": [{"releaseDate": "2023-03-03", "unreleaseDate": "2023-03-04", "unreleaseDateUnknown": false, "resetDate": "2023-03-05", "mcpReleaseN": 1}]
      }
    },
    "conditionBrowseModule": {
      "meshes": [{"id": "D999991", "term": "Fictional Fever"}],
      "ancestors": [{"id": "D999990", "term": "Fictional Diseases"}],
      "browseLeaves": [{"id": "M999991", "name": "Fictional Fever", "asFound": "Fever", "relevance": "HIGH"}],
      "browseBranches": [{"abbrev": "BC99", "name": "Fictional Branch"}]
    },
    "interventionBrowseModule": {
      "meshes": [{"id": "D999992", "term": "Fictional Saline"}],
      "browseLeaves": [{"id": "M999992", "name": "Fictional Saline", "relevance": "LOW"}]
    }
  },
  "hasResults": true
}"#;

#[test]
fn every_newly_modelled_v2_field_is_read_and_written_back_whole() {
    let s = one("full.json", FULL_V2);
    // Only what the model still has no field for is kept aside: the annotation section and a
    // reference's retractions.
    let kept: Vec<&str> = s.trialcards.unmodelled.keys().map(String::as_str).collect();
    assert_eq!(
        kept,
        [
            "/annotationSection",
            "/protocolSection/referencesModule/references/0/retractions"
        ]
    );
    assert!(
        s.trialcards.diagnostics.is_empty(),
        "{:?}",
        s.trialcards.diagnostics
    );
    // Written as JSON, the record holds every value of the input where the input had it, the
    // kept parts under their pointers (the integer latitude is the same number, 60.0).
    let written = serde_json::to_value(&s).unwrap();
    let mut input: serde_json::Value = serde_json::from_str(FULL_V2).unwrap();
    input["protocolSection"]["contactsLocationsModule"]["locations"][0]["geoPoint"]["lat"] =
        serde_json::json!(60.0);
    let mut rebuilt = written.clone();
    let extras = rebuilt
        .as_object_mut()
        .unwrap()
        .remove("trialcards")
        .unwrap();
    for (pointer, value) in extras["unmodelled"].as_object().unwrap() {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let parent = if parent.is_empty() {
            &mut rebuilt
        } else {
            rebuilt.pointer_mut(parent).unwrap()
        };
        parent[key] = value.clone();
    }
    assert_eq!(rebuilt, input);
    // And read back, it is the same record.
    let mut back = one("again.json", &written.to_string());
    // It names the file its provenance lines are of.
    assert_eq!(
        back.trialcards.provenance_source.take(),
        Some(s.trialcards.source.clone())
    );
    back.trialcards.source = s.trialcards.source.clone();
    assert_eq!(back, s);
}

#[test]
fn a_derived_module_of_the_wrong_shape_is_kept_and_the_others_are_read() {
    let text = r#"{"protocolSection":{"identificationModule":{"nctId":"NCT09990083"}},
"derivedSection":{"miscInfoModule":{"versionHolder":7},
"conditionBrowseModule":{"meshes":[{"id":"D999991","term":"Fictional Fever"}]}}}"#;
    let s = one("odd-derived.json", text);
    assert_eq!(
        s.trialcards.unmodelled["/derivedSection/miscInfoModule"],
        serde_json::json!({"versionHolder": 7})
    );
    assert_eq!(
        s.derived_section.condition_browse_module.meshes[0]
            .term
            .as_deref(),
        Some("Fictional Fever")
    );
    assert!(s.trialcards.diagnostics[0]
        .message
        .contains("/derivedSection/miscInfoModule could not be read"));
}

#[test]
fn an_unknown_code_in_a_newly_modelled_field_is_kept_and_named() {
    let text = r#"{"protocolSection":{"identificationModule":{"nctId":"NCT09990084"},
"ipdSharingStatementModule":{"ipdSharing":"MAYBE_LATER","infoTypes":["SAP","DATA_DICTIONARY"],"timeFrame":"Soon"}}}"#;
    let s = one("future-ipd.json", text);
    let ipd = &s.protocol_section.ipd_sharing_statement_module;
    assert_eq!(ipd.ipd_sharing, None);
    assert_eq!(
        ipd.info_types,
        [trialcards_core::model::IpdSharingInfoType::Sap]
    );
    assert_eq!(ipd.time_frame.as_deref(), Some("Soon"));
    let kept = &s.trialcards.unmodelled;
    assert_eq!(
        kept["/protocolSection/ipdSharingStatementModule/ipdSharing"],
        "MAYBE_LATER"
    );
    assert_eq!(
        kept["/protocolSection/ipdSharingStatementModule/infoTypes/1"],
        "DATA_DICTIONARY"
    );
    let warnings = s
        .trialcards
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    assert_eq!(warnings, 2);
}

#[test]
fn an_unknown_code_drops_that_value_only_and_says_so() {
    let text = r#"{"protocolSection":{"identificationModule":{"nctId":"NCT09990051","briefTitle":"A Fictional Future"},
"statusModule":{"overallStatus":"PAUSED_FOR_REVIEW"},
"designModule":{"studyType":"INTERVENTIONAL","phases":["PHASE2","PHASE5"]}}}"#;
    let s = one("future.json", text);
    assert_eq!(s.brief_title(), Some("A Fictional Future"));
    let p = &s.protocol_section;
    assert_eq!(p.status_module.overall_status, None);
    assert_eq!(
        p.design_module.phases,
        vec![trialcards_core::model::Phase::Phase2]
    );
    assert_eq!(
        s.trialcards.unmodelled["/protocolSection/statusModule/overallStatus"],
        serde_json::json!("PAUSED_FOR_REVIEW")
    );
    assert_eq!(
        s.trialcards.unmodelled["/protocolSection/designModule/phases/1"],
        serde_json::json!("PHASE5")
    );
    let warnings: Vec<&str> = s
        .trialcards
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("/protocolSection/designModule/phases/1"));
    assert!(warnings[0].contains("\"PHASE5\""));
    assert!(warnings[1].contains("/protocolSection/statusModule/overallStatus"));
    assert!(warnings[1].contains("\"PAUSED_FOR_REVIEW\""));
    // The record, with its kept values and warnings, survives a round trip unchanged.
    let mut back = one("again.json", &serde_json::to_string(&s).expect("json"));
    assert_eq!(
        back.trialcards.provenance_source.take(),
        Some(s.trialcards.source.clone())
    );
    back.trialcards.source = s.trialcards.source.clone();
    assert_eq!(back, s);
}

#[test]
fn a_part_of_the_wrong_shape_is_kept_and_the_rest_is_read() {
    let text = r#"{"protocolSection":{"identificationModule":{"nctId":"NCT09990052"},
"designModule":{"enrollmentInfo":{"count":"forty"}}}}"#;
    let s = one("odd.json", text);
    assert_eq!(s.nct_id(), Some("NCT09990052"));
    assert_eq!(
        s.trialcards.unmodelled["/protocolSection/designModule"]["enrollmentInfo"]["count"],
        serde_json::json!("forty")
    );
    assert!(s.trialcards.diagnostics[0]
        .message
        .contains("/protocolSection/designModule could not be read"));
}

#[test]
fn invalid_json_names_the_input_line_and_column() {
    let out = parse(
        "broken.json",
        "{\n  \"protocolSection\": {\n    \"a\": 1,\n  }\n}\n",
    );
    assert!(out.records.is_empty());
    assert_eq!(out.diagnostics.len(), 1);
    let d = &out.diagnostics[0];
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.line, Some(4));
    assert!(
        d.message.starts_with(
            "broken.json: this is not valid JSON: at line 4, column 3: key must be a string"
        ),
        "{}",
        d.message
    );
}

#[test]
fn json_that_is_not_a_study_says_so() {
    let out = parse("study.json", "{\"not\": \"yet\"}");
    assert!(out.records.is_empty());
    assert_eq!(out.diagnostics.len(), 1);
    assert!(out.diagnostics[0].message.starts_with(
        "study.json: this is valid JSON but not a ClinicalTrials.gov study (its keys are not;"
    ));
    let out = parse("list.json", "[{\"protocolSection\": {}}, 1]");
    assert!(out.diagnostics[0].message.contains("not an object"));
    let out = parse("page.json", "{\"studies\": []}");
    assert!(out.diagnostics[0].message.contains("holds no studies"));
}

#[test]
fn a_bad_json_line_is_reported_and_the_other_lines_load() {
    let text = "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT09990061\"}}}\n\
                {\"protocolSection\": oops}\n\
                {\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT09990062\"}}}\n";
    let out = parse("lines.jsonl", text);
    let ids: Vec<_> = out.records.iter().filter_map(|s| s.nct_id()).collect();
    assert_eq!(ids, ["NCT09990061", "NCT09990062"]);
    let bad = &out.diagnostics[0];
    assert_eq!(bad.line, Some(2));
    assert!(
        bad.message
            .starts_with("lines.jsonl: line 2: this is not valid JSON: at line 2, column 21"),
        "{}",
        bad.message
    );
}

#[test]
fn a_txt_holding_json_is_read_as_json() {
    let s = one("saved.txt", &fixture("ctgov_json_study_graft_failure.json"));
    assert_eq!(s.trialcards.source.layout, "ctgov-json");
}
