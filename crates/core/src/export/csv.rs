//! CSV with the column names and order of ClinicalTrials.gov's own download, each cell written
//! the way that download writes it, so spreadsheets, tools made for CT.gov's file and our own
//! CT.gov CSV reader all take it. Lists are joined with a bare `|`, as CT.gov joins them
//! (`PHASE2|PHASE3`, `DRUG: Selexipag|DRUG: Placebo`); the "Study Design" cell keeps ` | `
//! between its parts (the reader splits on `|` and trims either way). Cells that would start a
//! spreadsheet formula get an apostrophe ([`formula_guard`](super::formula_guard)).
//!
//! What CT.gov's columns cannot carry stays out, as in its own file: whether enrollment and
//! dates are actual or estimated, sponsor classes but the lead sponsor's ("Funder Type", one
//! class), official title, descriptions, arms, criteria and the rest. An outcome's measure,
//! description and time frame share one item, joined with commas that also occur inside them,
//! so the reader keeps the item whole as the measure. A `|` inside a list value splits it when
//! read, as it does in CT.gov's file; line breaks inside a cell read back as `\n`.
//!
//! The file is exact whatever a cell's length; [`excel`](super::excel) names the cells longer
//! than Excel keeps, for the shells to warn about when the file is meant for Excel.

use std::borrow::Cow;

use crate::model::{
    CtEnum, DateStruct, DesignInfo, EligibilityModule, Intervention, LabelledValue, Location,
    Outcome, Study,
};

use super::formula_guard;

/// The columns of ClinicalTrials.gov's CSV download, in its order. Every row has one cell per
/// column, empty when the record has no value for it.
pub const CSV_COLUMNS: &[&str] = &[
    "NCT Number",
    "Study Title",
    "Study URL",
    "Acronym",
    "Study Status",
    "Brief Summary",
    "Study Results",
    "Conditions",
    "Interventions",
    "Primary Outcome Measures",
    "Secondary Outcome Measures",
    "Other Outcome Measures",
    "Sponsor",
    "Collaborators",
    "Sex",
    "Age",
    "Phases",
    "Enrollment",
    "Funder Type",
    "Study Type",
    "Study Design",
    "Other IDs",
    "Start Date",
    "Primary Completion Date",
    "Completion Date",
    "First Posted",
    "Results First Posted",
    "Last Update Posted",
    "Locations",
    "Study Documents",
];

/// How [`to_csv`] writes its file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CsvOptions {
    /// Start the file with a UTF-8 byte-order mark (U+FEFF), so that Excel opens it as UTF-8
    /// instead of the system's legacy code page.
    pub byte_order_mark: bool,
}

/// Between the values of a list cell, as CT.gov writes it.
const LIST_SEPARATOR: &str = "|";

/// Between the parts of the "Study Design" cell.
const DESIGN_SEPARATOR: &str = " | ";

/// A study's page on ClinicalTrials.gov is this followed by its NCT ID.
pub(crate) const STUDY_URL: &str = "https://clinicaltrials.gov/study/";

/// The records as CSV: a header row of [`CSV_COLUMNS`], then one row per record, rows ending in
/// CRLF (RFC 4180). Cells holding commas, quotes or line breaks are quoted.
pub fn to_csv(studies: &[&Study], options: CsvOptions) -> String {
    rows_to_csv(&csv_rows(studies), options)
}

/// The cells of each record's row, in [`CSV_COLUMNS`] order, exactly as [`to_csv`] writes
/// them (formula-guarded, before CSV quoting). [`rows_to_csv`] writes them as the file, and
/// [`cells_over_excel_limit`](super::cells_over_excel_limit) checks them; a shell that needs
/// both builds the rows once.
pub fn csv_rows(studies: &[&Study]) -> Vec<Vec<String>> {
    studies.iter().map(|study| row(study)).collect()
}

/// The CSV file of rows made by [`csv_rows`]: the header row of [`CSV_COLUMNS`], then the
/// rows, as [`to_csv`] writes them.
pub fn rows_to_csv(rows: &[Vec<String>], options: CsvOptions) -> String {
    let mut out = String::new();
    if options.byte_order_mark {
        out.push('\u{FEFF}');
    }
    // Cannot fail: the writer writes valid UTF-8 text into memory.
    out.push_str(&write_rows(rows).unwrap_or_default());
    out
}

/// One record's cells, formula-guarded.
fn row(study: &Study) -> Vec<String> {
    CSV_COLUMNS
        .iter()
        .map(|column| {
            let value = cell(study, column);
            match formula_guard::guard(&value) {
                Cow::Borrowed(_) => value,
                Cow::Owned(guarded) => guarded,
            }
        })
        .collect()
}

fn write_rows(rows: &[Vec<String>]) -> Option<String> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        // Every row has one cell per column; a caller's odd row is written as it is.
        .flexible(true)
        .from_writer(Vec::new());
    writer.write_record(CSV_COLUMNS).ok()?;
    for row in rows {
        writer.write_record(row).ok()?;
    }
    String::from_utf8(writer.into_inner().ok()?).ok()
}

/// The cell of `column` for `study`, as CT.gov's download writes it.
fn cell(study: &Study, column: &str) -> String {
    let p = &study.protocol_section;
    let id = &p.identification_module;
    let status = &p.status_module;
    let design = &p.design_module;
    let sponsors = &p.sponsor_collaborators_module;
    let outcomes = &p.outcomes_module;
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    match column {
        "NCT Number" => text(&id.nct_id),
        "Study Title" => text(&id.brief_title),
        "Study URL" => id
            .nct_id
            .as_ref()
            .map(|nct| format!("{STUDY_URL}{nct}"))
            .unwrap_or_default(),
        "Acronym" => text(&id.acronym),
        "Study Status" => code(status.overall_status),
        "Brief Summary" => text(&p.description_module.brief_summary),
        "Study Results" => match study.has_results {
            Some(true) => "YES".to_string(),
            Some(false) => "NO".to_string(),
            None => String::new(),
        },
        "Conditions" => join(p.conditions_module.conditions.iter().cloned()),
        "Interventions" => join(
            p.arms_interventions_module
                .interventions
                .iter()
                .filter_map(intervention),
        ),
        "Primary Outcome Measures" => join(outcomes.primary_outcomes.iter().map(outcome)),
        "Secondary Outcome Measures" => join(outcomes.secondary_outcomes.iter().map(outcome)),
        "Other Outcome Measures" => join(outcomes.other_outcomes.iter().map(outcome)),
        "Sponsor" => sponsors
            .lead_sponsor
            .as_ref()
            .map(|s| text(&s.name))
            .unwrap_or_default(),
        "Collaborators" => join(sponsors.collaborators.iter().map(|c| text(&c.name))),
        "Sex" => code(p.eligibility_module.sex),
        "Age" => age(&p.eligibility_module),
        "Phases" => join(design.phases.iter().map(|phase| phase.code().to_string())),
        "Enrollment" => design
            .enrollment_info
            .as_ref()
            .and_then(|e| e.count)
            .map(|count| count.to_string())
            .unwrap_or_default(),
        // CT.gov's column is the lead sponsor's class, one value. Classes a page listed without
        // saying whose are no sponsor's in particular, so they stay out.
        "Funder Type" => code(sponsors.lead_sponsor.as_ref().and_then(|s| s.class)),
        "Study Type" => code(design.study_type),
        "Study Design" => design
            .design_info
            .as_ref()
            .map(study_design)
            .unwrap_or_default(),
        // The sponsor's own study ID first, as CT.gov writes it, then the secondary IDs.
        "Other IDs" => join(
            id.org_study_id_info
                .iter()
                .map(|o| text(&o.id))
                .chain(id.secondary_id_infos.iter().map(|s| text(&s.id))),
        ),
        "Start Date" => date(&status.start_date_struct),
        "Primary Completion Date" => date(&status.primary_completion_date_struct),
        "Completion Date" => date(&status.completion_date_struct),
        "First Posted" => date(&status.study_first_post_date_struct),
        "Results First Posted" => date(&status.results_first_post_date_struct),
        "Last Update Posted" => date(&status.last_update_post_date_struct),
        "Locations" => {
            let locations = &p.contacts_locations_module.locations;
            if locations.is_empty() {
                kept(&study.trialcards.other_fields, column)
            } else {
                join(locations.iter().map(location))
            }
        }
        // The model has no field for study documents; a CT.gov CSV's cell is kept as it was.
        _ => kept(&study.trialcards.other_fields, column),
    }
}

/// A CT.gov code, or nothing.
fn code(value: Option<impl CtEnum>) -> String {
    value.map(|v| v.code().to_string()).unwrap_or_default()
}

/// The non-empty values, joined with [`LIST_SEPARATOR`].
fn join(values: impl Iterator<Item = String>) -> String {
    values
        .filter(|v| !v.trim().is_empty())
        .collect::<Vec<_>>()
        .join(LIST_SEPARATOR)
}

/// "DRUG: Saline", or the bare name when the type is unknown; nothing without a name.
fn intervention(iv: &Intervention) -> Option<String> {
    let name = iv.name.as_deref().filter(|n| !n.trim().is_empty())?;
    Some(match iv.intervention_type {
        Some(kind) => format!("{}: {name}", kind.code()),
        None => name.to_string(),
    })
}

/// "Measure, description, time frame", the parts the record has.
fn outcome(o: &Outcome) -> String {
    given_parts(&[&o.measure, &o.description, &o.time_frame])
}

/// The parts that are given and not blank, trimmed, joined with ", ".
fn given_parts(parts: &[&Option<String>]) -> String {
    parts
        .iter()
        .filter_map(|part| part.as_deref())
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "18 Years to 65 Years (ADULT, OLDER_ADULT)", "18 Years and older (ADULT, OLDER_ADULT)",
/// "up to 17 Years (CHILD)". CT.gov's current download writes the age groups alone; the range
/// in front (as its older download wrote it) keeps the minimum and maximum ages.
fn age(e: &EligibilityModule) -> String {
    let range = match (&e.minimum_age, &e.maximum_age) {
        (Some(min), Some(max)) => format!("{min} to {max}"),
        (Some(min), None) => format!("{min} and older"),
        (None, Some(max)) => format!("up to {max}"),
        (None, None) => String::new(),
    };
    let groups: Vec<&str> = e.std_ages.iter().map(|a| a.code()).collect();
    match (range.is_empty(), groups.is_empty()) {
        (false, false) => format!("{range} ({})", groups.join(", ")),
        (false, true) => range,
        (true, _) => groups.join(", "),
    }
}

/// "Allocation: RANDOMIZED | Intervention Model: PARALLEL | Masking: DOUBLE (PARTICIPANT,
/// INVESTIGATOR) | Primary Purpose: TREATMENT", and "Observational Model: COHORT | Time
/// Perspective: PROSPECTIVE" for observational studies.
fn study_design(info: &DesignInfo) -> String {
    let mut parts = Vec::new();
    let mut part = |key: &str, value: Option<&str>| {
        if let Some(value) = value {
            parts.push(format!("{key}: {value}"));
        }
    };
    part("Allocation", info.allocation.map(|v| v.code()));
    part(
        "Intervention Model",
        info.intervention_model.map(|v| v.code()),
    );
    // Who is masked is written only beside a masking level, as CT.gov writes it.
    let masking = info.masking_info.as_ref().and_then(|m| {
        let level = m.masking?.code();
        let who: Vec<&str> = m.who_masked.iter().map(|w| w.code()).collect();
        Some(if who.is_empty() {
            level.to_string()
        } else {
            format!("{level} ({})", who.join(", "))
        })
    });
    part("Masking", masking.as_deref());
    part("Primary Purpose", info.primary_purpose.map(|v| v.code()));
    part(
        "Observational Model",
        info.observational_model.map(|v| v.code()),
    );
    part("Time Perspective", info.time_perspective.map(|v| v.code()));
    parts.join(DESIGN_SEPARATOR)
}

/// "Facility, City, State, Zip, Country", the parts the location has.
fn location(l: &Location) -> String {
    given_parts(&[&l.facility, &l.city, &l.state, &l.zip, &l.country])
}

/// A date as the record keeps it (`2013`, `2013-01`, `2013-01-31`).
fn date(value: &Option<DateStruct>) -> String {
    value
        .as_ref()
        .and_then(|d| d.date.clone())
        .unwrap_or_default()
}

/// The value the CT.gov CSV reader kept under `column`'s own name, for a column the model has no
/// field for.
fn kept(other_fields: &[LabelledValue], column: &str) -> String {
    other_fields
        .iter()
        .find(|f| f.label == column)
        .map(|f| f.value.clone())
        .unwrap_or_default()
}
