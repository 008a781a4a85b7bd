//! Writing records in the chosen format as they are read, with the core's writers (the browser
//! uses the same), and the verdicts of `check` as JSON Lines.
//!
//! A batch of records (an input's, or some studies of a large one) is [`render`]ed where it was
//! parsed and written at once by the [`RecordWriter`], so the CLI holds no more than a few
//! batches: the JSON array is opened before the first and closed after the last, and a CSV's
//! header row is written once. Only the groups CSV, which must see every record to group them
//! into trials, keeps them until [`RecordWriter::finish`].

use std::io::{self, Write};

use trialcards_core::eligibility::Verdict;
use trialcards_core::export::{self, CsvOptions, LongCell};
use trialcards_core::Study;

use crate::args::Format;

/// A batch of records made into the output's text ([`render`], on any thread), for a
/// [`RecordWriter`] to write in order.
pub enum Rendered {
    /// The batch's part of the output: JSON items without the commas between batches, CSV
    /// rows without their header; and, for a CSV meant for Excel, the cells longer than
    /// Excel keeps.
    Text(String, Vec<LongCell>),
    /// JSON Lines: each record's line, without its line break. Kept apart, not joined into
    /// the batch's text: a megabyte string grown for every batch took fresh memory each time
    /// (faulted in, zeroed), which cost more than writing the records.
    Lines(Vec<String>),
    /// The records themselves, for the groups CSV (written when all are in).
    Held(Vec<Study>),
}

/// A batch of records as `format` writes them, the parts that depend on the batches before
/// (the JSON array's brackets and commas, a CSV's header) left to the [`RecordWriter`].
pub fn render(format: Format, records: Vec<Study>) -> Rendered {
    if let Format::GroupsCsv(_) = format {
        return Rendered::Held(records);
    }
    let refs: Vec<&Study> = records.iter().collect();
    let plain = CsvOptions::default();
    let mut long = Vec::new();
    let text = match format {
        Format::Json => json_items(&refs),
        Format::JsonLines => {
            return Rendered::Lines(records.iter().map(export::to_json_line).collect());
        }
        Format::Ris => export::to_ris(&refs),
        Format::Csv(options) => {
            let rows = export::csv_rows(&refs);
            if options.byte_order_mark {
                long = export::cells_over_excel_limit(&rows);
            }
            rows_after_header(&export::rows_to_csv(&rows, plain)).to_string()
        }
        Format::ResultsCsv(_) => {
            rows_after_header(&export::to_results_csv(&refs, plain)).to_string()
        }
        Format::EventsCsv(_) => rows_after_header(&export::to_events_csv(&refs, plain)).to_string(),
        Format::GroupsCsv(_) => unreachable!("held above"),
    };
    Rendered::Text(text, long)
}

/// Writes rendered batches of records to `out` in one format, in order, and the output's end
/// at [`finish`](Self::finish). The bytes are those the core's writer gives for all the records
/// at once: a pretty JSON array (ending in a newline), JSON Lines, CSV (one header), RIS, or
/// the results' outcome-measurement or adverse-event table.
pub struct RecordWriter<W: Write> {
    out: W,
    format: Format,
    /// Whether anything has been written (the JSON array's comma, the CSV header).
    started: bool,
    /// The records of the groups CSV, written by `finish`.
    held: Vec<Study>,
    /// For a CSV meant for Excel (`--bom`), the cells longer than Excel keeps.
    long: Vec<LongCell>,
}

impl<W: Write> RecordWriter<W> {
    /// A writer of `format` to `out`; nothing is written until the first batch (or `finish`).
    pub fn new(out: W, format: Format) -> Self {
        RecordWriter {
            out,
            format,
            started: false,
            held: Vec::new(),
            long: Vec::new(),
        }
    }

    /// Writes one rendered batch of records (an input's, or part of one) after those before.
    pub fn write(&mut self, batch: Rendered) -> io::Result<()> {
        let (text, long) = match batch {
            Rendered::Held(records) => {
                self.held.extend(records);
                return Ok(());
            }
            Rendered::Text(text, long) => (text, long),
            Rendered::Lines(lines) => {
                for line in lines {
                    self.out.write_all(line.as_bytes())?;
                    self.out.write_all(b"\n")?;
                }
                return Ok(());
            }
        };
        self.long.extend(long);
        match self.format {
            Format::Json if !text.is_empty() => {
                self.out
                    .write_all(if self.started { b",\n" } else { b"[\n" })?;
                self.started = true;
            }
            Format::Csv(_) | Format::ResultsCsv(_) | Format::EventsCsv(_) if !self.started => {
                self.header()?;
            }
            _ => {}
        }
        self.out.write_all(text.as_bytes())
    }

    /// Writes the output's end (the JSON array's close, the groups CSV, a CSV's header when
    /// no record came) and flushes. Returns the cells longer than Excel keeps when the CSV is
    /// meant for Excel (`--bom`), for the caller to warn about; they are written whole.
    pub fn finish(mut self) -> io::Result<Vec<LongCell>> {
        match self.format {
            Format::Json if self.started => self.out.write_all(b"\n]\n")?,
            Format::Json => self.out.write_all(b"[]\n")?,
            Format::GroupsCsv(options) => {
                let refs: Vec<&Study> = self.held.iter().collect();
                let text = export::to_groups_csv(&refs, options);
                self.out.write_all(text.as_bytes())?;
            }
            Format::Csv(_) | Format::ResultsCsv(_) | Format::EventsCsv(_) if !self.started => {
                self.header()?;
            }
            _ => {}
        }
        self.out.flush()?;
        Ok(self.long)
    }

    /// Writes the CSV's header row (after a byte-order mark if asked for): the file the
    /// core's writer gives for no record.
    fn header(&mut self) -> io::Result<()> {
        self.started = true;
        let header = match self.format {
            Format::Csv(options) => export::rows_to_csv(&[], options),
            Format::ResultsCsv(options) => export::to_results_csv(&[], options),
            Format::EventsCsv(options) => export::to_events_csv(&[], options),
            _ => String::new(),
        };
        self.out.write_all(header.as_bytes())
    }
}

/// The rows of a CSV table written by the core, after its header row (the column names hold
/// no line break, so the header is the first line, ending in CRLF).
fn rows_after_header(table: &str) -> &str {
    table.split_once("\r\n").map_or("", |(_, rows)| rows)
}

/// The records as items of the pretty JSON array `serde_json::to_string_pretty` writes for
/// all of them, each indented one level, with commas between them; the brackets and the commas
/// between batches are the [`RecordWriter`]'s.
fn json_items(records: &[&Study]) -> String {
    let mut out = String::new();
    for (i, study) in records.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        // A string value's line breaks are escaped, so every line break is the layout's.
        let pretty = export::to_json(&[study]);
        let item = pretty
            .strip_prefix("[\n")
            .and_then(|p| p.strip_suffix("\n]"))
            .unwrap_or_default();
        out.push_str(item);
    }
    out
}

/// Writes one JSON line per verdict (`trialcards check`).
pub fn write_verdicts(out: &mut impl Write, verdicts: &[Verdict]) -> io::Result<()> {
    for verdict in verdicts {
        out.write_all(verdict.json_line().as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three fictional pages' records, in three batches (the middle one empty).
    fn batches() -> Vec<Vec<Study>> {
        let page = |id: &str, title: &str| {
            let text = format!(
                "ClinicalTrials.Veeva\n\nMenu\n\n{title}\n\nIdentifiers\n\n{id}\n\n\
                 Eligibility\n\nInclusion Criteria:\n\n- Age 18 or over\n"
            );
            trialcards_core::parse("p.txt", &text).records
        };
        let mut both = page("NCT09990001", "A First Fictional Trial");
        both.extend(page("NCT09990002", "A Second, \"Quoted\" Trial"));
        vec![
            both,
            Vec::new(),
            page("NCT09990003", "A Third Fictional Trial"),
        ]
    }

    fn written(format: Format, batches: Vec<Vec<Study>>) -> String {
        let mut out = Vec::new();
        let mut writer = RecordWriter::new(&mut out, format);
        for batch in batches {
            writer.write(render(format, batch)).unwrap();
        }
        writer.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn records_written_in_batches_are_the_core_writers_output_for_all_of_them() {
        let all: Vec<Study> = batches().into_iter().flatten().collect();
        let refs: Vec<&Study> = all.iter().collect();
        for bom in [false, true] {
            let options = CsvOptions {
                byte_order_mark: bom,
            };
            let cases = [
                (Format::Csv(options), export::to_csv(&refs, options)),
                (
                    Format::GroupsCsv(options),
                    export::to_groups_csv(&refs, options),
                ),
                (
                    Format::ResultsCsv(options),
                    export::to_results_csv(&refs, options),
                ),
                (
                    Format::EventsCsv(options),
                    export::to_events_csv(&refs, options),
                ),
            ];
            for (format, whole) in cases {
                assert_eq!(written(format, batches()), whole, "{format:?}");
            }
        }
        assert_eq!(
            written(Format::Json, batches()),
            export::to_json(&refs) + "\n"
        );
        assert_eq!(
            written(Format::JsonLines, batches()),
            export::to_json_lines(&refs)
        );
        assert_eq!(written(Format::Ris, batches()), export::to_ris(&refs));
        // No record at all: an empty array, a CSV header.
        assert_eq!(written(Format::Json, vec![Vec::new()]), "[]\n");
        let options = CsvOptions::default();
        assert_eq!(
            written(Format::Csv(options), Vec::new()),
            export::to_csv(&[], options)
        );
    }
}
