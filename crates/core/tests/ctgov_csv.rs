//! The ClinicalTrials.gov CSV reader: a bad row is reported with its row number while the other
//! rows load, and a value the reader does not know is kept and named.

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
