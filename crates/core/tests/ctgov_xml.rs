//! The classic CT.gov XML reader: the same fictional trial as its v2 JSON twin gives the same
//! record, and odd inputs (broken, several studies, unknown or hostile nesting) are handled.

use trialcards_core::testing::unescape;
use trialcards_core::{parse, Severity};

mod common;

use common::{fixture, one};

/// A minimal study around `inner`.
fn study_xml(inner: &str) -> String {
    format!("<?xml version=\"1.0\"?>\n<clinical_study>\n<id_info><nct_id>NCT09990070</nct_id></id_info>\n{inner}\n</clinical_study>\n")
}

#[test]
fn the_xml_study_equals_the_json_study_of_the_same_trial() {
    let xml = one(
        "ctgov_xml_study_graft_failure.xml",
        &fixture("ctgov_xml_study_graft_failure.xml"),
    );
    let json = one(
        "ctgov_json_study_graft_failure.json",
        &fixture("ctgov_json_study_graft_failure.json"),
    );
    assert_eq!(xml.trialcards.source.layout, "ctgov-xml");
    let (x, j) = (&xml.protocol_section, &json.protocol_section);
    assert_eq!(xml.has_results, json.has_results);

    // Inherent: classic XML's <source> names the organization but gives no class.
    let mut xi = x.identification_module.clone();
    let mut ji = j.identification_module.clone();
    assert_eq!(
        xi.organization.as_ref().and_then(|o| o.full_name.clone()),
        ji.organization.as_ref().and_then(|o| o.full_name.clone())
    );
    xi.organization = None;
    ji.organization = None;
    assert_eq!(xi, ji);

    assert_eq!(x.status_module, j.status_module);
    assert_eq!(
        x.sponsor_collaborators_module,
        j.sponsor_collaborators_module
    );
    // Inherent: v2 text is markdown (`\<`); classic XML text is plain.
    assert_eq!(
        x.description_module.brief_summary,
        j.description_module.brief_summary.as_deref().map(unescape)
    );
    assert_eq!(x.conditions_module, j.conditions_module);
    assert_eq!(x.design_module, j.design_module);
    assert_eq!(x.outcomes_module, j.outcomes_module);
    assert_eq!(x.arms_interventions_module, j.arms_interventions_module);

    // Inherent: classic XML lists no age groups (stdAges), and its criteria are plain text
    // (read into the criteria tree, then written in v2's list form without markdown escapes).
    let (mut xe, mut je) = (x.eligibility_module.clone(), j.eligibility_module.clone());
    assert!(xe.std_ages.is_empty() && !je.std_ages.is_empty());
    je.std_ages.clear();
    je.eligibility_criteria = je.eligibility_criteria.as_deref().map(unescape);
    xe.eligibility_criteria = xe.eligibility_criteria.as_deref().map(unescape);
    assert_eq!(xe, je);
    assert!(xml.trialcards.criteria.is_some());

    // Inherent: the site's geoPoint exists in v2 only (kept under unmodelled by the JSON reader).
    assert_eq!(x.contacts_locations_module, j.contacts_locations_module);
    assert_eq!(x.references_module, j.references_module);

    // What v2 keeps in modules the model lacks, classic XML keeps in its own elements.
    let kept = &xml.trialcards.unmodelled;
    assert_eq!(kept["/clinical_study/oversight_info/has_dmc"], "Yes");
    assert!(!kept.contains_key("/clinical_study/study_first_submitted"));
    assert_eq!(kept["/clinical_study/@rank"], "1");
    assert!(
        xml.trialcards.diagnostics.is_empty(),
        "{:?}",
        xml.trialcards.diagnostics
    );
}

#[test]
fn malformed_xml_names_the_input_and_position_and_keeps_earlier_studies() {
    let text = "<?xml version=\"1.0\"?>\n<search_results>\n\
                <clinical_study><id_info><nct_id>NCT09990071</nct_id></id_info></clinical_study>\n\
                <clinical_study><id_info><nct_id>NCT09990072</nct_id></id_info>\n\
                <brief_title>Broken</official_title>\n</clinical_study>\n</search_results>\n";
    let out = parse("broken.xml", text);
    let ids: Vec<_> = out.records.iter().filter_map(|s| s.nct_id()).collect();
    assert_eq!(ids, ["NCT09990071", "NCT09990072"]);
    let error = out
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
        .expect("an error");
    assert_eq!(error.line, Some(5));
    assert!(
        error
            .message
            .starts_with("broken.xml: this is not well-formed XML: at line 5, column "),
        "{}",
        error.message
    );
    // The study the error broke off says so.
    assert!(out.records[1].trialcards.diagnostics[0]
        .message
        .contains("ends inside this <clinical_study>"));
    assert!(out.records[0].trialcards.diagnostics.is_empty());
}

#[test]
fn text_that_only_looks_like_xml_gives_a_diagnostic_not_a_panic() {
    for text in [
        "<clinical_study",
        "<clinical_study><a></b>",
        "<?xml version=\"1.0\"?><clinical_study>&bogus;<x a=></x>",
        "<clinical_study>\u{0}</clinical_study>",
    ] {
        let out = parse("odd.xml", text);
        assert!(
            !out.diagnostics.is_empty() || !out.records.is_empty(),
            "{text}"
        );
    }
    let out = parse("empty.xml", "<?xml version=\"1.0\"?><clinical_study_list/>");
    assert!(out.records.is_empty());
    assert!(out.diagnostics[0].message.contains("no <clinical_study>"));
}

#[test]
fn two_studies_in_one_input_give_two_records() {
    let text = "<?xml version=\"1.0\"?>\n<search_results count=\"2\">\n\
        <clinical_study rank=\"1\"><id_info><nct_id>NCT09990073</nct_id></id_info>\
        <overall_status>Completed</overall_status></clinical_study>\n\
        <clinical_study rank=\"2\"><id_info><nct_id>NCT09990074</nct_id></id_info>\
        <phase>N/A</phase></clinical_study>\n</search_results>\n";
    let out = parse("two.xml", text);
    let ids: Vec<_> = out.records.iter().filter_map(|s| s.nct_id()).collect();
    assert_eq!(ids, ["NCT09990073", "NCT09990074"]);
    assert_eq!(
        out.records[1].trialcards.unmodelled["/clinical_study/@rank"],
        "2"
    );
    assert!(out.records[0]
        .protocol_section
        .design_module
        .phases
        .is_empty());
    assert!(out.diagnostics[0].message.contains("2 studies"));
}

#[test]
fn unknown_elements_and_values_are_kept_by_path() {
    let s = one(
        "unknown.xml",
        &study_xml(
            "<future_element kind=\"x\"><part>A</part><part>B</part></future_element>\n\
             <overall_status>Paused for review</overall_status>\n\
             <link><url>https://example.org/fict</url><description>Site</description></link>\n\
             <clinical_results><participant_flow><group group_id=\"P1\"><title>Cells</title></group>\
             </participant_flow></clinical_results>",
        ),
    );
    let kept = &s.trialcards.unmodelled;
    assert_eq!(kept["/clinical_study/future_element/part"], "A");
    assert_eq!(kept["/clinical_study/future_element/part[2]"], "B");
    assert_eq!(kept["/clinical_study/future_element/@kind"], "x");
    assert_eq!(kept["/clinical_study/overall_status"], "Paused for review");
    assert_eq!(kept["/clinical_study/link/url"], "https://example.org/fict");
    assert_eq!(
        kept["/clinical_study/clinical_results/participant_flow/group/title"],
        "Cells"
    );
    assert_eq!(
        kept["/clinical_study/clinical_results/participant_flow/group/@group_id"],
        "P1"
    );
    assert_eq!(s.has_results, Some(true));
    assert_eq!(s.protocol_section.status_module.overall_status, None);
    let warning = &s.trialcards.diagnostics[0];
    assert_eq!(warning.severity, Severity::Warning);
    assert!(
        warning.message.contains("\"Paused for review\""),
        "{}",
        warning.message
    );
}

#[test]
fn a_hostile_deeply_nested_document_stays_linear() {
    let depth = 100_000;
    let inner = format!("{}deep{}", "<n>".repeat(depth), "</n>".repeat(depth));
    let text = study_xml(&inner);
    let started = std::time::Instant::now();
    let s = one("deep.xml", &text);
    assert!(
        started.elapsed().as_secs() < 5,
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(s.nct_id(), Some("NCT09990070"));
    assert!(s.trialcards.diagnostics[0]
        .message
        .contains("more than 64 deep"));
    let deepest = s
        .trialcards
        .unmodelled
        .iter()
        .find(|(_, v)| *v == "deep")
        .map(|(k, _)| k.matches('/').count());
    assert_eq!(deepest, Some(64));
    // Unclosed, too: a diagnostic, not a stack overflow.
    let out = parse("deep_open.xml", &study_xml(&"<n>".repeat(depth)));
    assert!(!out.diagnostics.is_empty());
}
