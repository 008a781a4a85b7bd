//! Writing records in the chosen format, with the core's writers (the browser uses the same).

use std::io::{self, Write};

use trialcards_core::{export, Study};

use crate::args::Format;

/// Writes `records` to `out` in `format`: a pretty JSON array (ending in a newline), JSON
/// Lines, CSV or RIS.
pub fn write(out: &mut impl Write, format: Format, records: &[Study]) -> io::Result<()> {
    let records: Vec<&Study> = records.iter().collect();
    let text = match format {
        Format::Json => export::to_json(&records) + "\n",
        Format::JsonLines => export::to_json_lines(&records),
        Format::Csv(options) => export::to_csv(&records, options),
        Format::Ris => export::to_ris(&records),
    };
    out.write_all(text.as_bytes())
}
