//! Writing records out: as JSON (our records exactly as serde writes them), as CSV with the
//! columns of ClinicalTrials.gov's own download, as a CSV of the trials they make (groups), as
//! RIS for reference managers (Zotero, EndNote, Covidence), and posted results as CSV tables
//! (one row per outcome measurement, one per adverse-event term and group). Every writer takes
//! the records to write and returns the file's text; saving it is the shell's job. For a CSV
//! meant for Excel, [`cells_over_excel_limit`] names the cells longer than Excel keeps, for the
//! shell to warn about.
//!
//! ```
//! let page = "ClinicalTrials.Veeva\n\nMenu\n\nA Fictional Trial of Cells\n\nIdentifiers\n\nNCT09999999\n";
//! let parsed = trialcards_core::parse("page.txt", page);
//! let records: Vec<&trialcards_core::Study> = parsed.records.iter().collect();
//! let csv = trialcards_core::export::to_csv(&records, Default::default());
//! assert!(csv.starts_with("NCT Number,Study Title,Study URL,"));
//! let ris = trialcards_core::export::to_ris(&records);
//! assert!(ris.starts_with("TY  - DBASE\r\nTI  - A Fictional Trial of Cells\r\n"));
//! ```

mod csv;
mod excel;
pub(crate) mod formula_guard;
mod groups;
mod json;
mod results_csv;
mod ris;

pub use self::csv::{csv_rows, rows_to_csv, to_csv, CsvOptions, CSV_COLUMNS};
pub use self::excel::{cells_over_excel_limit, LongCell, EXCEL_CELL_LIMIT};
pub use self::groups::{to_groups_csv, GROUP_COLUMNS};
pub use self::json::{to_json, to_json_line, to_json_lines};
pub use self::results_csv::{
    to_events_csv, to_results_csv, EVENTS_CSV_COLUMNS, RESULTS_CSV_COLUMNS,
};
pub use self::ris::to_ris;
