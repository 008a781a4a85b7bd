//! The ClinicalTrials.gov CSV reader: a bad row is reported with its row number while the other
//! rows load, a value the reader does not know is kept and named, and a cell our writer guarded
//! against spreadsheet formulas reads as it was.

use trialcards_core::{parse, Severity};

#[test]
fn a_bad_row_is_reported_and_the_other_rows_load() {
    let text = "NCT Number,Study Title,Study Status\n\
                NCT09990071,First Fictional Trial,RECRUITING\n\
                NCT09990072,Second Fictional Trial\n\
                NCT09990073,Third Fictional Trial,COMPLETED\n";
    let out = parse("search.csv", text);
    let ids: Vec<_> = out.records.iter().filter_map(|s| s.nct_id()).collect();
    assert_eq!(ids, ["NCT09990071", "NCT09990073"]);
    let bad = &out.diagnostics[0];
    assert_eq!(bad.severity, Severity::Error);
    assert_eq!(bad.line, Some(3));
    assert!(
        bad.message
            .starts_with("search.csv: row 2 (line 3) could not be read, so it gives no record"),
        "{}",
        bad.message
    );
}

#[test]
fn an_unknown_value_and_an_unknown_column_are_kept() {
    let text = "Study Status,NCT Number,Favourite Colour,Phases\n\
                PAUSED_FOR_REVIEW,NCT09990074,Teal,PHASE2|PHASE9\n";
    let out = parse("odd.csv", text);
    let s = &out.records[0];
    assert_eq!(s.nct_id(), Some("NCT09990074"));
    assert_eq!(s.protocol_section.status_module.overall_status, None);
    let other: Vec<(&str, &str)> = s
        .trialcards
        .other_fields
        .iter()
        .map(|f| (f.label.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(
        other,
        [
            ("Study Status", "PAUSED_FOR_REVIEW"),
            ("Favourite Colour", "Teal"),
            ("Phases", "PHASE2|PHASE9")
        ]
    );
    let warnings: Vec<&str> = s
        .trialcards
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains(
        "row 1: Study Status has a value trialcards does not know (\"PAUSED_FOR_REVIEW\")"
    ));
}

#[test]
fn a_header_without_rows_says_so() {
    let out = parse("empty.csv", "NCT Number,Study Title\n");
    assert!(out.records.is_empty());
    assert!(out.diagnostics[0].message.contains("no rows"));
}

/// The first row is the same fictional trial as `meddatax_bare_values.txt`: on every field
/// both carry, the records agree.
#[test]
fn the_first_row_equals_the_page_text_of_the_same_trial() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    let csv = std::fs::read_to_string(format!("{dir}ctgov_csv_three_rows.csv")).unwrap();
    let page = std::fs::read_to_string(format!("{dir}meddatax_bare_values.txt")).unwrap();
    let row = &trialcards_core::parse("rows.csv", &csv).records[0];
    let text = &trialcards_core::parse("page.txt", &page).records[0];
    let (r, t) = (&row.protocol_section, &text.protocol_section);
    assert_eq!(
        r.identification_module.nct_id,
        t.identification_module.nct_id
    );
    assert_eq!(
        r.identification_module.brief_title,
        t.identification_module.brief_title
    );
    assert_eq!(
        r.identification_module.org_study_id_info,
        t.identification_module.org_study_id_info
    );
    assert_eq!(
        r.status_module.overall_status,
        t.status_module.overall_status
    );
    assert_eq!(
        r.status_module.start_date_struct,
        t.status_module.start_date_struct
    );
    assert_eq!(
        r.status_module.completion_date_struct,
        t.status_module.completion_date_struct
    );
    assert_eq!(
        r.status_module.last_update_post_date_struct,
        t.status_module.last_update_post_date_struct
    );
    assert_eq!(
        r.description_module.brief_summary,
        t.description_module.brief_summary
    );
    assert_eq!(
        r.conditions_module.conditions,
        t.conditions_module.conditions
    );
    assert_eq!(r.design_module.study_type, t.design_module.study_type);
    assert_eq!(r.design_module.phases, t.design_module.phases);
    assert_eq!(
        r.design_module.enrollment_info,
        t.design_module.enrollment_info
    );
    let (rd, td) = (
        r.design_module.design_info.as_ref().unwrap(),
        t.design_module.design_info.as_ref().unwrap(),
    );
    assert_eq!(
        (rd.allocation, rd.intervention_model, rd.primary_purpose),
        (td.allocation, td.intervention_model, td.primary_purpose)
    );
    // The CSV spells out who is masked; the page shows only the masking level.
    assert_eq!(
        rd.masking_info.as_ref().unwrap().masking,
        td.masking_info.as_ref().unwrap().masking
    );
    // The CSV gives no collaborator's class, only the lead sponsor's (its Funder Type).
    let names = |m: &trialcards_core::model::SponsorCollaboratorsModule| {
        (
            m.lead_sponsor.as_ref().and_then(|s| s.name.clone()),
            m.collaborators
                .iter()
                .map(|c| c.name.clone())
                .collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        names(&r.sponsor_collaborators_module),
        names(&t.sponsor_collaborators_module)
    );
    // The page names interventions without their type; the CSV types them.
    let iv = |m: &trialcards_core::model::ArmsInterventionsModule| {
        m.interventions
            .iter()
            .map(|i| i.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        iv(&r.arms_interventions_module),
        iv(&t.arms_interventions_module)
    );
    let e = (&r.eligibility_module, &t.eligibility_module);
    assert_eq!(
        (e.0.sex, &e.0.minimum_age, &e.0.maximum_age),
        (e.1.sex, &e.1.minimum_age, &e.1.maximum_age)
    );
}

/// Our CSV writer puts an apostrophe before a cell a spreadsheet would run as a formula; the
/// reader takes it off again, and leaves an apostrophe before anything else alone.
#[test]
fn a_formula_guarded_cell_reads_without_its_apostrophe() {
    let text = "NCT Number,Study Title,Sponsor,Conditions\n\
                NCT09990075,'=Fictional formula title,'-Fictional Sponsor,'+Plus | =Second\n\
                NCT09990076,'Tis a Fictional Title,''@Two apostrophes,'Quoted'\n";
    let out = parse("guarded.csv", text);
    let titles: Vec<_> = out.records.iter().map(|s| s.brief_title()).collect();
    assert_eq!(
        titles,
        [
            Some("=Fictional formula title"),
            Some("'Tis a Fictional Title")
        ]
    );
    let sponsor = |i: usize| {
        out.records[i]
            .protocol_section
            .sponsor_collaborators_module
            .lead_sponsor
            .as_ref()
            .and_then(|s| s.name.clone())
    };
    assert_eq!(sponsor(0).as_deref(), Some("-Fictional Sponsor"));
    assert_eq!(sponsor(1).as_deref(), Some("'@Two apostrophes"));
    let conditions = |i: usize| {
        out.records[i]
            .protocol_section
            .conditions_module
            .conditions
            .clone()
    };
    assert_eq!(conditions(0), ["+Plus", "=Second"]);
    assert_eq!(conditions(1), ["'Quoted'"]);
}

/// A guarded cell whose formula comes after spaces, invisible characters or line breaks reads
/// back exactly, those characters and all; an unguarded cell is cleaned and trimmed as before.
#[test]
fn a_guarded_cell_after_spaces_or_invisible_characters_reads_back_exactly() {
    let text = "NCT Number,Study Title,Sponsor,Acronym\n\
                NCT09990077,' =1+1,\"'\r=1\",'\u{A0}\u{200B}@x\n\
                NCT09990078, =1+1 ,\u{FEFF}Plain Sponsor\u{200B} , A\u{A0}B \n";
    let out = parse("lead-ins.csv", text);
    let s = |i: usize| &out.records[i].protocol_section;
    let sponsor = |i: usize| {
        s(i).sponsor_collaborators_module
            .lead_sponsor
            .as_ref()
            .and_then(|l| l.name.clone())
    };
    assert_eq!(out.records[0].brief_title(), Some(" =1+1"));
    assert_eq!(sponsor(0).as_deref(), Some("\r=1"));
    assert_eq!(
        s(0).identification_module.acronym.as_deref(),
        Some("\u{A0}\u{200B}@x")
    );
    assert_eq!(out.records[1].brief_title(), Some("=1+1"));
    assert_eq!(sponsor(1).as_deref(), Some("Plain Sponsor"));
    assert_eq!(s(1).identification_module.acronym.as_deref(), Some("A B"));
}

/// CT.gov writes a bare `|` between list values, older trialcards versions ` | `; rows
/// re-exported by those mix the two, and every form reads the same.
#[test]
fn list_cells_read_with_a_bare_bar_a_spaced_one_or_both() {
    let text = "NCT Number,Phases,Interventions,Conditions,Study Design\n\
                NCT09990081,PHASE2|PHASE3,DRUG: Selexipag|DRUG: Placebo,A|B,\
                Allocation: RANDOMIZED|Intervention Model: PARALLEL|Masking: NONE\n\
                NCT09990082,PHASE2 | PHASE3,DRUG: Selexipag | DRUG: Placebo,A | B,\
                Allocation: RANDOMIZED | Intervention Model: PARALLEL | Masking: NONE\n\
                NCT09990083,PHASE2| PHASE3,DRUG: Selexipag |DRUG: Placebo,A|B,\
                Allocation: RANDOMIZED | Intervention Model: PARALLEL|Masking: NONE\n";
    let out = parse("bars.csv", text);
    assert_eq!(out.records.len(), 3);
    let first = &out.records[0].protocol_section;
    assert_eq!(first.design_module.phases.len(), 2);
    assert_eq!(first.conditions_module.conditions, ["A", "B"]);
    let names: Vec<_> = first
        .arms_interventions_module
        .interventions
        .iter()
        .map(|i| i.name.as_deref())
        .collect();
    assert_eq!(names, [Some("Selexipag"), Some("Placebo")]);
    assert!(first.design_module.design_info.is_some());
    for other in &out.records[1..] {
        let p = &other.protocol_section;
        assert_eq!(p.design_module, first.design_module);
        assert_eq!(p.conditions_module, first.conditions_module);
        assert_eq!(p.arms_interventions_module, first.arms_interventions_module);
        assert!(other.trialcards.other_fields.is_empty());
    }
}

/// "Funder Type" is the lead sponsor's class in CT.gov's file, whichever column comes first;
/// several classes (older trialcards files) are nobody's in particular.
#[test]
fn funder_type_is_the_lead_sponsors_class() {
    use trialcards_core::model::AgencyClass;
    let text = "NCT Number,Funder Type,Sponsor\n\
                NCT09990084,INDUSTRY,Fictional Pharma\n\
                NCT09990085,NIH,\n\
                NCT09990086,OTHER | INDUSTRY,Fictional University\n";
    let out = parse("funders.csv", text);
    let lead = |i: usize| {
        out.records[i]
            .protocol_section
            .sponsor_collaborators_module
            .lead_sponsor
            .clone()
            .unwrap_or_default()
    };
    assert_eq!(lead(0).name.as_deref(), Some("Fictional Pharma"));
    assert_eq!(lead(0).class, Some(AgencyClass::Industry));
    assert!(out.records[0].trialcards.funder_types.is_empty());
    assert_eq!(
        (lead(1).name, lead(1).class),
        (None, Some(AgencyClass::Nih))
    );
    assert_eq!(lead(2).class, None);
    assert_eq!(
        out.records[2].trialcards.funder_types,
        [AgencyClass::Other, AgencyClass::Industry]
    );
}

/// Old-Mac `\r` line breaks give the same line numbers as `\n` and `\r\n`.
#[test]
fn every_kind_of_line_break_gives_the_same_line_numbers() {
    let lf = "NCT Number,Study Title,Study Status\n\
              NCT09990071,\"A Title\nOver Two Lines\",RECRUITING\n\
              NCT09990072,Second Fictional Trial\n\
              NCT09990073,Third,SOMETHING_ELSE\n";
    for ending in ["\n", "\r\n", "\r"] {
        let out = parse("breaks.csv", &lf.replace('\n', ending));
        assert_eq!(out.diagnostics[0].line, Some(4), "{ending:?}");
        assert_eq!(
            out.records[0].brief_title(),
            Some("A Title\nOver Two Lines")
        );
        let kept = &out.records[1].trialcards.other_fields[0];
        assert_eq!(
            (kept.value.as_str(), kept.line),
            ("SOMETHING_ELSE", Some(5))
        );
    }
}

#[test]
fn a_row_with_criteria_gets_the_criteria_tree_each_item_on_its_own_line() {
    let text = "NCT Number,Summary Note,Eligibility Criteria\n\
                NCT09990075,\"two\nlines\",\"\n\
                Inclusion Criteria:\n\
                \n\
                * Aged 18 to 70 years\n\
                * Hemoglobin \\>= 10 g/dL\n\
                \n\
                Exclusion Criteria:\n\
                \n\
                * Platelets \\< 75,000/mm3\"\n";
    let out = parse("criteria.csv", text);
    let s = &out.records[0];
    let tree = s.trialcards.criteria.as_ref().expect("a criteria tree");
    let lines: Vec<(Option<usize>, &str)> = tree
        .inclusion
        .iter()
        .chain(&tree.exclusion)
        .map(|i| (i.line, i.text.as_str()))
        .collect();
    // The row starts on line 2; its second cell takes two lines, and the criteria cell opens
    // with a line break.
    assert_eq!(
        lines,
        [
            (Some(6), "Aged 18 to 70 years"),
            (Some(7), "Hemoglobin >= 10 g/dL"),
            (Some(11), "Platelets < 75,000/mm3")
        ]
    );
    let file: Vec<&str> = text.lines().collect();
    for (line, item) in &lines {
        assert!(file[line.unwrap() - 1].contains(&item.replace('>', "\\>").replace('<', "\\<")));
    }
    let thresholds: Vec<(&str, &str, f64)> = tree
        .inclusion
        .iter()
        .chain(&tree.exclusion)
        .flat_map(|i| &i.thresholds)
        .map(|t| (t.variable.code(), t.comparator.code(), t.value))
        .collect();
    assert_eq!(
        thresholds,
        [
            ("age", "between", 18.0),
            ("hemoglobin", ">=", 10.0),
            ("platelets", "<", 75_000.0)
        ]
    );
    let p = &s.trialcards.provenance;
    assert_eq!(p["/trialcards/criteria"], [4, 11]);
    assert_eq!(p["/trialcards/criteria/inclusion/1/thresholds/0"], [7, 7]);
}
