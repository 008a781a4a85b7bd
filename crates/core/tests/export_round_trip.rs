//! Every page we can parse, written as CSV and read back: each field the CSV carries comes back
//! equal. Run over our fixtures and, when it is present, the corpus of real pages.
//!
//! What CT.gov's CSV does not carry is left out of the comparison: enrollment and date types
//! (ACTUAL/ESTIMATED), sponsor classes but the lead sponsor's (its "Funder Type"), funder
//! classes a page listed without saying whose, and an outcome's parts (the cell joins measure,
//! description and time frame with commas that also occur inside them, so the reader keeps the
//! joined text as the measure, which is what is compared).

mod common;

use std::path::Path;

use trialcards_core::export::{to_csv, CsvOptions};
use trialcards_core::model::*;
use trialcards_core::{parse, parse_bytes, Study};

/// The design fields the "Study Design" cell carries.
#[derive(Debug, PartialEq)]
struct Design {
    allocation: Option<DesignAllocation>,
    intervention_model: Option<InterventionalAssignment>,
    masking: Option<(DesignMasking, Vec<WhoMasked>)>,
    primary_purpose: Option<PrimaryPurpose>,
    observational_model: Option<ObservationalModel>,
    time_perspective: Option<DesignTimePerspective>,
}

/// Every field of a record the CSV carries.
#[derive(Debug, PartialEq)]
struct Carried {
    nct_id: Option<String>,
    title: Option<String>,
    acronym: Option<String>,
    status: Option<Status>,
    summary: Option<String>,
    has_results: Option<bool>,
    conditions: Vec<String>,
    interventions: Vec<(Option<InterventionType>, String)>,
    outcomes: [Vec<String>; 3],
    sponsor: Option<String>,
    collaborators: Vec<String>,
    sex: Option<Sex>,
    minimum_age: Option<String>,
    maximum_age: Option<String>,
    age_groups: Vec<StandardAge>,
    phases: Vec<Phase>,
    enrollment: Option<u64>,
    funder_type: Option<AgencyClass>,
    study_type: Option<StudyType>,
    design: Option<Design>,
    other_ids: Vec<String>,
    dates: [Option<String>; 6],
}

fn text(value: &Option<String>) -> Option<String> {
    value.clone().filter(|v| !v.trim().is_empty())
}

fn texts<'a>(values: impl Iterator<Item = &'a Option<String>>) -> Vec<String> {
    values.filter_map(text).collect()
}

fn date(value: &Option<DateStruct>) -> Option<String> {
    value.as_ref().and_then(|d| text(&d.date))
}

fn outcome_texts(outcomes: &[Outcome]) -> Vec<String> {
    outcomes
        .iter()
        .map(|o| texts([&o.measure, &o.description, &o.time_frame].into_iter()).join(", "))
        .filter(|t| !t.is_empty())
        .collect()
}

fn carried(s: &Study) -> Carried {
    let p = &s.protocol_section;
    let id = &p.identification_module;
    let st = &p.status_module;
    let e = &p.eligibility_module;
    let d = &p.design_module;
    let sponsors = &p.sponsor_collaborators_module;
    let o = &p.outcomes_module;
    let design = d.design_info.as_ref().map(|i| Design {
        allocation: i.allocation,
        intervention_model: i.intervention_model,
        masking: i
            .masking_info
            .as_ref()
            .and_then(|m| Some((m.masking?, m.who_masked.clone()))),
        primary_purpose: i.primary_purpose,
        observational_model: i.observational_model,
        time_perspective: i.time_perspective,
    });
    let empty_design = Design {
        allocation: None,
        intervention_model: None,
        masking: None,
        primary_purpose: None,
        observational_model: None,
        time_perspective: None,
    };
    Carried {
        nct_id: text(&id.nct_id),
        title: text(&id.brief_title),
        acronym: text(&id.acronym),
        status: st.overall_status,
        summary: text(&p.description_module.brief_summary),
        has_results: s.has_results,
        conditions: p.conditions_module.conditions.clone(),
        interventions: p
            .arms_interventions_module
            .interventions
            .iter()
            .filter_map(|i| Some((i.intervention_type, text(&i.name)?)))
            .collect(),
        outcomes: [
            outcome_texts(&o.primary_outcomes),
            outcome_texts(&o.secondary_outcomes),
            outcome_texts(&o.other_outcomes),
        ],
        sponsor: sponsors.lead_sponsor.as_ref().and_then(|l| text(&l.name)),
        collaborators: texts(sponsors.collaborators.iter().map(|c| &c.name)),
        sex: e.sex,
        minimum_age: text(&e.minimum_age),
        maximum_age: text(&e.maximum_age),
        age_groups: e.std_ages.clone(),
        phases: d.phases.clone(),
        enrollment: d.enrollment_info.as_ref().and_then(|e| e.count),
        funder_type: sponsors.lead_sponsor.as_ref().and_then(|l| l.class),
        study_type: d.study_type,
        design: design.filter(|d| *d != empty_design),
        other_ids: texts(
            id.org_study_id_info
                .iter()
                .map(|o| &o.id)
                .chain(id.secondary_id_infos.iter().map(|s| &s.id)),
        ),
        dates: [
            date(&st.start_date_struct),
            date(&st.primary_completion_date_struct),
            date(&st.completion_date_struct),
            date(&st.study_first_post_date_struct),
            date(&st.results_first_post_date_struct),
            date(&st.last_update_post_date_struct),
        ],
    }
}

/// Writes `records` as CSV, reads it back, and returns a message per record whose carried
/// fields changed (or one if the count changed).
fn round_trip(name: &str, records: &[Study]) -> Vec<String> {
    let refs: Vec<&Study> = records.iter().collect();
    let csv = to_csv(&refs, CsvOptions::default());
    let back = parse("export.csv", &csv);
    if back.records.len() != records.len() {
        return vec![format!(
            "{name}: {} records written, {} read back: {:?}",
            records.len(),
            back.records.len(),
            back.diagnostics
        )];
    }
    let mut problems = Vec::new();
    for (i, (original, read)) in records.iter().zip(&back.records).enumerate() {
        assert_eq!(read.trialcards.source.layout, "ctgov-csv", "{name}");
        let (want, got) = (carried(original), carried(read));
        if want != got {
            problems.push(format!(
                "{name} record {i}:\nwritten {want:#?}\nread back {got:#?}\nrow: {}\nnotes: {:?}",
                csv.lines().nth(1 + i).unwrap_or_default(),
                read.trialcards.diagnostics
            ));
        }
        // Nothing the reader could not place: every cell we write reads into its field, but for
        // the columns the reader keeps as they are (the URL repeats the NCT ID).
        let kept_as_they_are = ["Study URL", "Locations", "Study Documents"];
        let unplaced: Vec<_> = read
            .trialcards
            .other_fields
            .iter()
            .filter(|f| !kept_as_they_are.contains(&f.label.as_str()))
            .collect();
        if !unplaced.is_empty() {
            problems.push(format!(
                "{name} record {i}: cells not read back: {unplaced:?}"
            ));
        }
    }
    problems
}

fn name_of(path: &Path) -> &str {
    path.file_name().and_then(|n| n.to_str()).unwrap_or("input")
}

#[test]
fn every_fixture_reads_back_from_csv_with_the_fields_the_csv_carries() {
    let mut records = 0;
    let mut problems = Vec::new();
    for path in common::every_fixture_input() {
        let bytes = std::fs::read(&path).expect("fixture readable");
        let parsed = parse_bytes(name_of(&path), &bytes);
        records += parsed.records.len();
        problems.extend(round_trip(name_of(&path), &parsed.records));
    }
    assert!(records >= 30, "fixtures missing: {records} records");
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn every_corpus_page_reads_back_from_csv_with_the_fields_the_csv_carries() {
    let Some(paths) = common::corpus_pages() else {
        return;
    };
    assert!(!paths.is_empty());
    let mut problems = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let parsed = parse(name_of(path), &text);
        problems.extend(round_trip(name_of(path), &parsed.records));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// The whole corpus (or, without it, every fixture) written as one CSV reads back record for
/// record: rows never run into each other.
#[test]
fn many_records_in_one_file_read_back_in_order() {
    let mut all = Vec::new();
    for path in common::every_fixture_input() {
        let bytes = std::fs::read(&path).expect("fixture readable");
        all.extend(parse_bytes(name_of(&path), &bytes).records);
    }
    for path in common::corpus_pages().unwrap_or_default() {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        all.extend(parse(name_of(&path), &text).records);
    }
    let problems = round_trip("all records in one file", &all);
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}
