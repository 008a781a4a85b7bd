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

use crate::collection::fields::{field_for_column, Field, Form};
use crate::model::{LabelledValue, Study};

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
    // Each column's field, looked up once for all rows.
    let fields: Vec<Option<&Field>> = CSV_COLUMNS.iter().map(|c| field_for_column(c)).collect();
    studies.iter().map(|study| row(study, &fields)).collect()
}

/// The CSV file of rows made by [`csv_rows`]: the header row of [`CSV_COLUMNS`], then the
/// rows, as [`to_csv`] writes them.
pub fn rows_to_csv(rows: &[Vec<String>], options: CsvOptions) -> String {
    write_table(CSV_COLUMNS, rows, options)
}

/// A CSV file of a header row and rows, as every CSV writer here writes it: a byte-order mark
/// if asked for, cells quoted where RFC 4180 needs it, rows ending in CRLF. The cells are
/// written as given (guard them first).
pub(crate) fn write_table(header: &[&str], rows: &[Vec<String>], options: CsvOptions) -> String {
    let mut out = String::new();
    if options.byte_order_mark {
        out.push('\u{FEFF}');
    }
    // Cannot fail: the writer writes valid UTF-8 text into memory.
    out.push_str(&write_rows(header, rows).unwrap_or_default());
    out
}

/// One record's cells, formula-guarded.
fn row(study: &Study, fields: &[Option<&Field>]) -> Vec<String> {
    CSV_COLUMNS
        .iter()
        .zip(fields)
        .map(|(column, field)| formula_guard::guard_owned(cell(study, column, *field)))
        .collect()
}

fn write_rows(header: &[&str], rows: &[Vec<String>]) -> Option<String> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        // Every row has one cell per column; a caller's odd row is written as it is.
        .flexible(true)
        .from_writer(Vec::new());
    writer.write_record(header).ok()?;
    for row in rows {
        writer.write_record(row).ok()?;
    }
    String::from_utf8(writer.into_inner().ok()?).ok()
}

/// The cell of `column` for `study`, as CT.gov's download writes it: the values of the field
/// that fills the column ([`field_for_column`]) in CT.gov's form, joined with
/// [`LIST_SEPARATOR`]. A column no field fills, or one the record gives nothing for, holds
/// what the CT.gov CSV reader kept under the column's own name (a CT.gov CSV's "Study
/// Documents" cell, a "Locations" cell it could not split).
fn cell(study: &Study, column: &str, field: Option<&Field>) -> String {
    let values = field
        .map(|field| field.values_in(study, Form::Code))
        .unwrap_or_default();
    match values.as_slice() {
        [] => kept(&study.trialcards.other_fields, column),
        // One value is written exactly as read; a list leaves out its blank items.
        [one] => one.clone(),
        many => many
            .iter()
            .filter(|v| !v.trim().is_empty())
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(LIST_SEPARATOR),
    }
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
