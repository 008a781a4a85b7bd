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

    assert_eq!(t.contacts_locations_module, j.contacts_locations_module);
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
fn v2_fields_the_model_lacks_are_kept_under_their_pointers() {
    let s = one("s.json", &fixture("ctgov_json_study_graft_failure.json"));
    let kept = &s.trialcards.unmodelled;
    assert_eq!(
        kept["/protocolSection/oversightModule"]["oversightHasDmc"],
        serde_json::json!(true)
    );
    assert!(kept.contains_key("/derivedSection"));
    assert!(kept.contains_key("/protocolSection/ipdSharingStatementModule"));
    // A field the model has is read into it, not kept aside.
    assert!(!kept.contains_key("/protocolSection/statusModule/studyFirstSubmitDate"));
    assert_eq!(
        s.protocol_section
            .status_module
            .study_first_submit_date
            .as_deref(),
        Some("2013-01-15")
    );
    assert_eq!(s.trialcards.source.layout, "ctgov-json");
    assert!(
        s.trialcards.diagnostics.is_empty(),
        "{:?}",
        s.trialcards.diagnostics
    );
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
