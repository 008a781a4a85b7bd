//! Writing records in the chosen format as they are read, with the core's writers (the browser
//! uses the same), and the verdicts of `check` as JSON Lines.
//!
//! [`RecordWriter`] takes the records one input at a time and writes them at once, so the
//! CLI holds no more than one input's records: the JSON array is opened before the first and
//! closed after the last, and a CSV's header row is written once. Only the groups CSV, which
//! must see every record to group them into trials, keeps them until [`RecordWriter::finish`].

use std::io::{self, Write};

use trialcards_core::eligibility::Verdict;
use trialcards_core::export::{self, CsvOptions, LongCell};
use trialcards_core::Study;

use crate::args::Format;

/// Writes records to `out` in one format, a batch at a time, and the output's end at
/// [`finish`](Self::finish). The bytes are those the core's writer gives for all the records
/// at once: a pretty JSON array (ending in a newline), JSON Lines, CSV (one header), RIS, or
/// the results' outcome-measurement or adverse-event table.
pub struct RecordWriter<W: Write> {
    out: W,
    format: Format,
    /// Whether any batch has been written (the JSON array's comma, the CSV header).
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

    /// Writes one batch of records (an input's, or part of one) after those before it.
    pub fn write(&mut self, records: Vec<Study>) -> io::Result<()> {
        if let Format::GroupsCsv(_) = self.format {
            self.held.extend(records);
            return Ok(());
        }
        if records.is_empty() {
            return Ok(());
        }
        let refs: Vec<&Study> = records.iter().collect();
        let text = match self.format {
            Format::Json => json_items(&refs, self.started),
            Format::JsonLines => export::to_json_lines(&refs),
            Format::Ris => export::to_ris(&refs),
            Format::Csv(options) => {
                let rows = export::csv_rows(&refs);
                if options.byte_order_mark {
                    self.long.extend(export::cells_over_excel_limit(&rows));
                }
                self.table(export::rows_to_csv(&rows, self.options(options)))
            }
            Format::ResultsCsv(options) => {
                self.table(export::to_results_csv(&refs, self.options(options)))
            }
            Format::EventsCsv(options) => {
                self.table(export::to_events_csv(&refs, self.options(options)))
            }
            Format::GroupsCsv(_) => unreachable!("held above"),
        };
        self.started = true;
        self.out.write_all(text.as_bytes())
    }

    /// Writes the output's end (the JSON array's close, the groups CSV, a CSV's header when
    /// no record came) and flushes. Returns the cells longer than Excel keeps when the CSV is
    /// meant for Excel (`--bom`), for the caller to warn about; they are written whole.
    pub fn finish(mut self) -> io::Result<Vec<LongCell>> {
        let end = match self.format {
            Format::Json if self.started => "\n]\n".to_string(),
            Format::Json => "[]\n".to_string(),
            Format::GroupsCsv(options) => {
                let refs: Vec<&Study> = self.held.iter().collect();
                export::to_groups_csv(&refs, options)
            }
            Format::Csv(options) if !self.started => export::rows_to_csv(&[], options),
            Format::ResultsCsv(options) if !self.started => export::to_results_csv(&[], options),
            Format::EventsCsv(options) if !self.started => export::to_events_csv(&[], options),
            _ => String::new(),
        };
        self.out.write_all(end.as_bytes())?;
        self.out.flush()?;
        Ok(self.long)
    }

    /// The options for this batch's table: the byte-order mark with the first one only.
    fn options(&self, options: CsvOptions) -> CsvOptions {
        CsvOptions {
            byte_order_mark: options.byte_order_mark && !self.started,
        }
    }

    /// A batch's table as written: whole for the first batch, without its header row after.
    fn table(&self, text: String) -> String {
        if self.started {
            rows_after_header(&text).to_string()
        } else {
            text
        }
    }
}

/// The rows of a CSV table written by the core, after its header row (the column names hold
/// no line break, so the header is the first line, ending in CRLF).
fn rows_after_header(table: &str) -> &str {
    table.split_once("\r\n").map_or("", |(_, rows)| rows)
}

/// The records as items of the pretty JSON array `serde_json::to_string_pretty` writes for
/// all of them: `[` before the first batch, `,` between items, each indented one level; the
/// array is closed by [`RecordWriter::finish`].
fn json_items(records: &[&Study], after_others: bool) -> String {
    let mut out = String::from(if after_others { ",\n" } else { "[\n" });
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
            writer.write(batch).unwrap();
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
