//! Writing records in the chosen format.

use std::io::{self, Write};

use trialcards_core::Study;

use crate::args::Format;

/// Writes `records` to `out` as a pretty JSON array or as JSON Lines.
pub fn write(out: &mut impl Write, format: Format, records: &[Study]) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, records)?;
            writeln!(out)
        }
        Format::JsonLines => {
            for record in records {
                serde_json::to_writer(&mut *out, record)?;
                writeln!(out)?;
            }
            Ok(())
        }
    }
}
