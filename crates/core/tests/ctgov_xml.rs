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

    // Inherent: the site's geoPoint exists in v2 only.
    let mut jc = j.contacts_locations_module.clone();
    assert!(jc.locations[0].geo_point.take().is_some());
    assert_eq!(x.contacts_locations_module, jc);
    assert_eq!(x.references_module, j.references_module);
    assert_eq!(x.oversight_module, j.oversight_module);
    assert_eq!(
        x.ipd_sharing_statement_module,
        j.ipd_sharing_statement_module
    );

    // Inherent: classic XML names the MeSH terms without their IDs, and has no data version.
    let (xd, jd) = (&xml.derived_section, &json.derived_section);
    let terms = |m: &trialcards_core::model::BrowseModule| {
        m.meshes.iter().map(|m| m.term.clone()).collect::<Vec<_>>()
    };
    assert_eq!(
        terms(&xd.condition_browse_module),
        terms(&jd.condition_browse_module)
    );
    assert!(xd.condition_browse_module.meshes[0].id.is_none());

    // What v2 has no place for, classic XML keeps in its own elements.
    let kept = &xml.trialcards.unmodelled;
    for gone in [
        "/clinical_study/oversight_info/has_dmc",
        "/clinical_study/has_expanded_access",
        "/clinical_study/patient_data/sharing_ipd",
        "/clinical_study/condition_browse/mesh_term",
        "/clinical_study/study_first_submitted",
    ] {
        assert!(!kept.contains_key(gone), "{gone}");
    }
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
    let link = &s.protocol_section.references_module.see_also_links[0];
    assert_eq!(
        (link.label.as_deref(), link.url.as_deref()),
        (Some("Site"), Some("https://example.org/fict"))
    );
    assert!(!kept.keys().any(|k| k.starts_with("/clinical_study/link")));
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

#[test]
fn classic_elements_with_a_v2_field_are_read_into_it() {
    let s = one(
        "classic.xml",
        &study_xml(
            "<oversight_info><has_dmc>No</has_dmc><is_fda_regulated_drug>Yes</is_fda_regulated_drug>\
             <is_fda_regulated_device>No</is_fda_regulated_device><is_unapproved_device>No</is_unapproved_device>\
             <is_ppsd>No</is_ppsd><is_us_export>Yes</is_us_export>\
             <regulatory_authority>Fictional Board</regulatory_authority></oversight_info>\n\
             <has_expanded_access>Yes</has_expanded_access>\n\
             <eligibility><study_pop><textblock>Adults</textblock></study_pop>\
             <sampling_method>Non-Probability Sample</sampling_method></eligibility>\n\
             <removed_countries><country>Norway</country></removed_countries>\n\
             <link><url>https://example.org/study</url><description>Study site</description></link>\n\
             <study_first_submitted>January 2, 2020</study_first_submitted>\
             <study_first_submitted_qc>January 3, 2020</study_first_submitted_qc>\
             <results_first_submitted>April 5, 2023</results_first_submitted>\
             <results_first_submitted_qc>April 6, 2023</results_first_submitted_qc>\
             <disposition_first_submitted>July 8, 2022</disposition_first_submitted>\
             <disposition_first_submitted_qc>July 9, 2022</disposition_first_submitted_qc>\
             <disposition_first_posted type=\"Actual\">July 10, 2022</disposition_first_posted>\
             <last_update_submitted>February 3, 2024</last_update_submitted>\
             <last_update_submitted_qc>February 4, 2024</last_update_submitted_qc>\n\
             <responsible_party><name_title>Ada Quill, Professor</name_title>\
             <organization>Northwind University</organization></responsible_party>\n\
             <condition_browse><mesh_term>Fictional Fever</mesh_term></condition_browse>\
             <intervention_browse><mesh_term>Fictional Saline</mesh_term><mesh_term>Water</mesh_term></intervention_browse>\n\
             <patient_data><sharing_ipd>Yes</sharing_ipd><ipd_description>All data</ipd_description>\
             <ipd_info_type>Study Protocol</ipd_info_type><ipd_info_type>Statistical Analysis Plan (SAP)</ipd_info_type>\
             <ipd_info_type>Clinical Study Report (CSR)</ipd_info_type>\
             <ipd_time_frame>From 2025</ipd_time_frame><ipd_access_criteria>Researchers</ipd_access_criteria>\
             <ipd_url>https://example.org/share</ipd_url></patient_data>\n\
             <study_docs><study_doc><doc_id>IPD-1</doc_id><doc_type>Individual Participant Data Set</doc_type>\
             <doc_url>https://example.org/ipd</doc_url><doc_comment>On request</doc_comment></study_doc></study_docs>\n\
             <provided_document_section><provided_document>\
             <document_type>Study Protocol and Statistical Analysis Plan</document_type>\
             <document_has_protocol>Yes</document_has_protocol><document_has_icf>No</document_has_icf>\
             <document_has_sap>Yes</document_has_sap><document_date>May 6, 2021</document_date>\
             <document_url>https://ClinicalTrials.gov/ProvidedDocs/70/NCT09990070/Prot_SAP_000.pdf</document_url>\
             </provided_document><provided_document><document_type>Informed Consent Form</document_type>\
             <document_url>https://example.org/icf.pdf</document_url></provided_document></provided_document_section>",
        ),
    );
    use trialcards_core::model::{IpdSharing, IpdSharingInfoType, SamplingMethod};
    let p = &s.protocol_section;
    let o = &p.oversight_module;
    assert_eq!(
        [
            o.oversight_has_dmc,
            o.is_fda_regulated_drug,
            o.is_fda_regulated_device,
            o.is_unapproved_device,
            o.is_ppsd,
            o.is_us_export
        ],
        [
            Some(false),
            Some(true),
            Some(false),
            Some(false),
            Some(false),
            Some(true)
        ]
    );
    let st = &p.status_module;
    assert_eq!(
        st.expanded_access_info
            .as_ref()
            .unwrap()
            .has_expanded_access,
        Some(true)
    );
    let dates = [
        &st.study_first_submit_date,
        &st.study_first_submit_qc_date,
        &st.results_first_submit_date,
        &st.results_first_submit_qc_date,
        &st.disp_first_submit_date,
        &st.disp_first_submit_qc_date,
        &st.last_update_submit_date,
    ];
    let dates: Vec<Option<&str>> = dates.iter().map(|d| d.as_deref()).collect();
    assert_eq!(
        dates,
        [
            Some("2020-01-02"),
            Some("2020-01-03"),
            Some("2023-04-05"),
            Some("2023-04-06"),
            Some("2022-07-08"),
            Some("2022-07-09"),
            Some("2024-02-03")
        ]
    );
    let posted = st.disp_first_post_date_struct.as_ref().unwrap();
    assert_eq!(posted.date.as_deref(), Some("2022-07-10"));
    let party = p
        .sponsor_collaborators_module
        .responsible_party
        .as_ref()
        .unwrap();
    assert_eq!(
        party.old_name_title.as_deref(),
        Some("Ada Quill, Professor")
    );
    assert_eq!(
        party.old_organization.as_deref(),
        Some("Northwind University")
    );
    assert_eq!(party.party_type, None);
    assert_eq!(
        p.eligibility_module.sampling_method,
        Some(SamplingMethod::NonProbabilitySample)
    );
    let ipd = &p.ipd_sharing_statement_module;
    assert_eq!(ipd.ipd_sharing, Some(IpdSharing::Yes));
    assert_eq!(
        ipd.info_types,
        [
            IpdSharingInfoType::StudyProtocol,
            IpdSharingInfoType::Sap,
            IpdSharingInfoType::Csr
        ]
    );
    assert_eq!(
        (
            ipd.description.as_deref(),
            ipd.time_frame.as_deref(),
            ipd.access_criteria.as_deref(),
            ipd.url.as_deref()
        ),
        (
            Some("All data"),
            Some("From 2025"),
            Some("Researchers"),
            Some("https://example.org/share")
        )
    );
    let r = &p.references_module;
    assert_eq!(
        r.see_also_links[0].url.as_deref(),
        Some("https://example.org/study")
    );
    assert_eq!(r.see_also_links[0].label.as_deref(), Some("Study site"));
    let doc = &r.avail_ipds[0];
    assert_eq!(
        (
            doc.id.as_deref(),
            doc.ipd_type.as_deref(),
            doc.url.as_deref(),
            doc.comment.as_deref()
        ),
        (
            Some("IPD-1"),
            Some("Individual Participant Data Set"),
            Some("https://example.org/ipd"),
            Some("On request")
        )
    );
    let d = &s.derived_section;
    assert_eq!(d.misc_info_module.removed_countries, ["Norway"]);
    let terms = |m: &trialcards_core::model::BrowseModule| {
        m.meshes
            .iter()
            .filter_map(|m| m.term.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(terms(&d.condition_browse_module), ["Fictional Fever"]);
    assert_eq!(
        terms(&d.intervention_browse_module),
        ["Fictional Saline", "Water"]
    );
    let docs = &s.document_section.large_document_module.large_docs;
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0].label.as_deref(),
        Some("Study Protocol and Statistical Analysis Plan")
    );
    assert_eq!(
        (docs[0].has_protocol, docs[0].has_icf, docs[0].has_sap),
        (Some(true), Some(false), Some(true))
    );
    assert_eq!(docs[0].date.as_deref(), Some("2021-05-06"));
    assert_eq!(docs[0].filename.as_deref(), Some("Prot_SAP_000.pdf"));
    // An address that is not CT.gov's own has no v2 field: it is kept as it was.
    assert_eq!(docs[1].filename, None);
    let kept = &s.trialcards.unmodelled;
    let keys: Vec<&str> = kept.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "/clinical_study/last_update_submitted_qc",
            "/clinical_study/oversight_info/regulatory_authority",
            "/clinical_study/provided_document_section/provided_document[2]/document_url",
        ]
    );
    assert!(
        s.trialcards.diagnostics.is_empty(),
        "{:?}",
        s.trialcards.diagnostics
    );
}

#[test]
fn a_responsible_party_of_unknown_parts_only_is_kept_aside_not_made_empty() {
    let s = one(
        "party.xml",
        &study_xml("<responsible_party><future_part>X</future_part></responsible_party>"),
    );
    assert_eq!(
        s.protocol_section
            .sponsor_collaborators_module
            .responsible_party,
        None
    );
    assert_eq!(
        s.trialcards.unmodelled["/clinical_study/responsible_party/future_part"],
        "X"
    );
}
