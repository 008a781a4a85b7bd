//! Writing records in the chosen format, with the core's writers (the browser uses the same),
//! and the verdicts of `check` as JSON Lines.

use std::io::{self, Write};

use trialcards_core::eligibility::Verdict;
use trialcards_core::export::{self, CsvOptions, LongCell};
use trialcards_core::Study;

use crate::args::Format;

/// Writes `records` to `out` in `format`: a pretty JSON array (ending in a newline), JSON
/// Lines, CSV, RIS, or the results' outcome-measurement or adverse-event table. Returns the cells longer than Excel keeps when the CSV is meant for Excel
/// (it starts with a byte-order mark, `--bom`), for the caller to warn about; they are
/// written whole.
pub fn write(out: &mut impl Write, format: Format, records: &[Study]) -> io::Result<Vec<LongCell>> {
    let records: Vec<&Study> = records.iter().collect();
    let (text, long) = match format {
        Format::Json => (export::to_json(&records) + "\n", Vec::new()),
        Format::JsonLines => (export::to_json_lines(&records), Vec::new()),
        Format::Csv(options) => csv(&records, options),
        Format::GroupsCsv(options) => (export::to_groups_csv(&records, options), Vec::new()),
        Format::Ris => (export::to_ris(&records), Vec::new()),
        Format::ResultsCsv(options) => (export::to_results_csv(&records, options), Vec::new()),
        Format::EventsCsv(options) => (export::to_events_csv(&records, options), Vec::new()),
    };
    out.write_all(text.as_bytes())?;
    Ok(long)
}

/// The CSV and, for a CSV meant for Excel, the cells Excel would not keep whole.
fn csv(records: &[&Study], options: CsvOptions) -> (String, Vec<LongCell>) {
    let rows = export::csv_rows(records);
    let long = if options.byte_order_mark {
        export::cells_over_excel_limit(&rows)
    } else {
        Vec::new()
    };
    (export::rows_to_csv(&rows, options), long)
}

/// Writes one JSON line per verdict (`trialcards check`).
pub fn write_verdicts(out: &mut impl Write, verdicts: &[Verdict]) -> io::Result<()> {
    for verdict in verdicts {
        out.write_all(verdict.json_line().as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
