//! A source as the web app keeps it in the browser, and how it is read back: the bytes of one
//! entry of its `sources` store (the web's `storage.rs` does the IndexedDB calls).
//!
//! An entry is UTF-8 JSON Lines: a header line
//! `{"format":1,"name":…,"problems":[Diagnostic…],"records":N}`, then each of the source's N
//! records ([`Study`]) on a line of its own; [`FORMAT`] is the version of this layout. The
//! source's text is kept apart. One record a line lets the web app write and read back record
//! by record ([`EntryWriter`], [`EntryReader`]) and let the page breathe in between (a 25 MB
//! source has 14,000 records). Reading back never panics: anything but a [`FORMAT`] entry is
//! an [`EntryError`] that says what is wrong and names the source if it can.

use serde::{Deserialize, Serialize};

use crate::{Diagnostic, Study};

/// The version of a kept source's layout (its header line and record lines).
pub const FORMAT: u32 = 1;

/// The highest key the web app stores a source under: source ids stay from 1 to this.
pub const MAX_KEY: u32 = i32::MAX as u32;

/// The source id a store key (a JavaScript number) stands for, if it is one the web app
/// gives: a whole number from 1 to [`MAX_KEY`].
pub fn id_of_key(key: f64) -> Option<u32> {
    (key.fract() == 0.0 && (1.0..=f64::from(MAX_KEY)).contains(&key)).then_some(key as u32)
}

/// The header line as it is written: borrowed.
#[derive(Serialize)]
struct HeaderRef<'a> {
    format: u32,
    name: &'a str,
    problems: &'a [Diagnostic],
    records: usize,
}

/// The header line as it is read back.
#[derive(Deserialize)]
struct Header {
    format: u32,
    name: String,
    problems: Vec<Diagnostic>,
    records: usize,
}

/// Just enough of a header to say what an entry is when it cannot be read.
#[derive(Deserialize)]
struct Names {
    format: Option<serde_json::Value>,
    name: Option<String>,
}

/// A source as it is read back (its text is kept apart).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The source's name.
    pub name: String,
    /// What was wrong with it as a whole.
    pub problems: Vec<Diagnostic>,
    /// Its records.
    pub records: Vec<Study>,
}

/// Why a kept entry cannot be read back.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryError {
    /// The source's name, when that much could be read.
    pub name: Option<String>,
    /// What is wrong, as the end of a sentence ("it was saved in format 7, …").
    pub reason: String,
}

impl EntryError {
    /// An error for an entry whose name is known (or not), with `reason`.
    pub fn new(name: Option<&str>, reason: &str) -> Self {
        EntryError {
            name: name.map(str::to_string),
            reason: reason.to_string(),
        }
    }

    /// The name the unreadable entry stored under `key` is listed under: its source's name,
    /// else "Saved source (key 7)". `key` is the key as a user reads it (`7`, `"broken"`).
    pub fn listed_name(&self, key: &str) -> String {
        self.name
            .clone()
            .unwrap_or_else(|| format!("Saved source (key {key})"))
    }

    /// What the user is told about the entry stored under `key`: that it could not be read
    /// back and why, naming the source if it can, and that it stays stored until removed.
    pub fn message(&self, key: &str) -> String {
        let what = match &self.name {
            Some(name) => format!("The saved source “{name}” (key {key})"),
            None => format!("A saved source (key {key})"),
        };
        format!(
            "{what} could not be read back: {}. It was left in storage untouched; Remove deletes it.",
            self.reason
        )
    }
}

/// Why the browser refused to keep, from the `DOMException` it gave (its `name` and
/// `message`), as the end of a sentence: the refusals a user can act on said plainly (a full
/// storage, a newer trialcards' database, another tab's source under the same number), any
/// other by its message, else its name.
pub fn refusal_words(name: &str, message: &str) -> String {
    match name {
        "QuotaExceededError" => "the storage is full".into(),
        "VersionError" => {
            "its trialcards database is of a newer layout than this page reads, and was left untouched".into()
        }
        "ConstraintError" => {
            "another tab of trialcards saved a source under the same number meanwhile".into()
        }
        _ if message.is_empty() => name.to_string(),
        _ => message.to_string(),
    }
}

/// What the user is told when the latest state of the source `name` was not saved, and
/// `why`: a source saved before (`saved_before`) comes back as it was saved after a reload,
/// a new one does not come back.
pub fn not_saved(name: &str, why: &str, saved_before: bool) -> String {
    if saved_before {
        format!(
            "This change to {name} was not saved in this browser: {why}. It is shown now; a reload brings back what was saved before."
        )
    } else {
        format!(
            "{name} was not saved in this browser: {why}. It is shown now but will be gone after a reload."
        )
    }
}

/// What the user is told when a removed source could not be deleted from storage, and `why`.
pub fn not_deleted(why: &str) -> String {
    format!(
        "A removed source could not be deleted from this browser's storage: {why}. It may come back after a reload."
    )
}

/// What the user is told when "Clear all" could not empty the storage, and `why`.
pub fn not_cleared(why: &str) -> String {
    format!(
        "This browser's storage could not be cleared: {why}. What was saved may come back after a reload."
    )
}

/// Writes one entry record by record: the header when made, then each [`EntryWriter::record`].
#[derive(Debug)]
pub struct EntryWriter {
    bytes: Vec<u8>,
}

impl EntryWriter {
    /// Starts the entry of a source named `name`, with its `problems`, that has `records`
    /// records (written next, each with [`EntryWriter::record`]).
    pub fn new(name: &str, problems: &[Diagnostic], records: usize) -> Self {
        let header = HeaderRef {
            format: FORMAT,
            name,
            problems,
            records,
        };
        // Our own types always serialize (no map with non-string keys, no failing Serialize),
        // and serde_json escapes line breaks inside strings: one value a line.
        EntryWriter {
            bytes: serde_json::to_vec(&header).unwrap_or_default(),
        }
    }

    /// Adds the next record.
    pub fn record(&mut self, record: &Study) {
        self.bytes.push(b'\n');
        let _ = serde_json::to_writer(&mut self.bytes, record);
    }

    /// The bytes written since the last part, once they are `size` or more (the writer goes
    /// on after them): an entry handed on in parts of about `size` bytes, never one buffer
    /// grown (and copied) to the size of all its records.
    pub fn part_at(&mut self, size: usize) -> Option<Vec<u8>> {
        if self.bytes.len() < size {
            return None;
        }
        let next = Vec::with_capacity(size + size / 4);
        Some(std::mem::replace(&mut self.bytes, next))
    }

    /// The entry's bytes (since the last part).
    pub fn finish(self) -> Vec<u8> {
        self.bytes
    }
}

/// The entry of a source named `name`, with its `problems` and `records`, in one go.
pub fn encode(name: &str, problems: &[Diagnostic], records: &[Study]) -> Vec<u8> {
    let mut writer = EntryWriter::new(name, problems, records.len());
    for record in records {
        writer.record(record);
    }
    writer.finish()
}

/// Reads one entry back record by record: the header when made, then each
/// [`EntryReader::read_record`], then [`EntryReader::finish`].
///
/// Records are read straight from the bytes after the header, one JSON value after another,
/// with no search for the line breaks between them first: a record of 25 MB is read in one
/// pass, not two.
#[derive(Debug)]
pub struct EntryReader<'a> {
    name: String,
    problems: Vec<Diagnostic>,
    expected: usize,
    rest: &'a [u8],
    records: Vec<Study>,
}

impl<'a> EntryReader<'a> {
    /// Reads the header of `bytes`. Anything but a [`FORMAT`] header is an error that says
    /// what it is, and names the source if it can.
    pub fn new(bytes: &'a [u8]) -> Result<Self, EntryError> {
        let end = bytes
            .iter()
            .position(|&byte| byte == b'\n')
            .unwrap_or(bytes.len());
        let first = &bytes[..end];
        let header = match serde_json::from_slice::<Header>(first) {
            Ok(header) if header.format == FORMAT => header,
            whole => return Err(header_error(first, whole.err())),
        };
        Ok(EntryReader {
            records: Vec::with_capacity(header.records.min(bytes.len() / 2)),
            name: header.name,
            problems: header.problems,
            expected: header.records,
            rest: &bytes[end..],
        })
    }

    /// The source's name, from the header.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Reads the next record: `Ok(true)` when there was one, `Ok(false)` when every line is
    /// read, `Err` (naming the source) when a line is not a record.
    pub fn read_record(&mut self) -> Result<bool, EntryError> {
        let mut values = serde_json::Deserializer::from_slice(self.rest).into_iter::<Study>();
        match values.next() {
            None => Ok(false),
            Some(Ok(record)) => {
                self.rest = &self.rest[values.byte_offset()..];
                self.records.push(record);
                Ok(true)
            }
            Some(Err(error)) => Err(self.failed(format!(
                "its record {} is not what trialcards saves ({error})",
                self.records.len() + 1
            ))),
        }
    }

    /// The entry, once every record is read: `Err` when it holds another number of records
    /// than its header says (an entry cut short is not a smaller source).
    pub fn finish(mut self) -> Result<Entry, EntryError> {
        while self.read_record()? {}
        if self.records.len() != self.expected {
            return Err(self.failed(format!(
                "it holds {} of the {} records it was saved with",
                self.records.len(),
                self.expected
            )));
        }
        Ok(Entry {
            name: self.name,
            problems: self.problems,
            records: self.records,
        })
    }

    fn failed(&self, reason: String) -> EntryError {
        EntryError {
            name: Some(self.name.clone()),
            reason,
        }
    }
}

/// Reads an entry back in one go ([`EntryReader`]).
pub fn decode(bytes: &[u8]) -> Result<Entry, EntryError> {
    EntryReader::new(bytes)?.finish()
}

/// Why a header line is not ours, in words: another format, or not one at all.
fn header_error(line: &[u8], error: Option<serde_json::Error>) -> EntryError {
    let names = serde_json::from_slice::<Names>(line).ok();
    let name = names.as_ref().and_then(|n| n.name.clone());
    let reason = match (names.and_then(|n| n.format), error) {
        (Some(format), _) if format.as_u64() != Some(FORMAT.into()) => format!(
            "it was saved in format {format}, and this version of trialcards reads format {FORMAT}"
        ),
        (_, Some(error)) => format!("it is not what trialcards saves ({error})"),
        // Read whole, so its format was read too, and it is not ours (the first arm).
        (_, None) => "it is of another format".into(),
    };
    EntryError { name, reason }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::test_records::full;
    use crate::Severity;

    /// A source of two records and a note.
    fn two_records() -> (Vec<Diagnostic>, Vec<Study>) {
        let mut second = full();
        second.protocol_section.identification_module.nct_id = Some("NCT09990009".into());
        // A line break inside a value stays inside its line.
        second.protocol_section.identification_module.brief_title = Some("Two\nlines".into());
        let note = Diagnostic {
            severity: Severity::Info,
            line: Some(3),
            message: "A note".into(),
        };
        (vec![note], vec![full(), second])
    }

    fn decoded(bytes: &[u8]) -> Result<Entry, (Option<String>, String)> {
        decode(bytes).map_err(|e| (e.name, e.reason))
    }

    #[test]
    fn an_entry_reads_back_as_it_was_written() {
        let (problems, records) = two_records();
        let bytes = encode("two.txt", &problems, &records);
        let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
        assert_eq!(lines.len(), 3, "a header line and one line a record");
        let header: serde_json::Value = serde_json::from_slice(lines[0]).unwrap();
        assert_eq!(header["format"], FORMAT, "the entry carries its format");
        assert_eq!(header["records"], 2);

        let entry = decode(&bytes).unwrap();
        assert_eq!(entry.name, "two.txt");
        assert_eq!(entry.problems, problems);
        assert_eq!(entry.records, records);
        assert_eq!(decode(&encode("none", &[], &[])).unwrap().records, []);
    }

    #[test]
    fn an_entry_handed_on_in_parts_is_the_entry_written_in_one_go() {
        let (problems, records) = two_records();
        let whole = encode("two.txt", &problems, &records);
        let record_bytes = serde_json::to_vec(&records[0]).unwrap().len();
        // Parts of any size: a part of each record, or fewer parts than records.
        for size in [1, record_bytes, 2 * record_bytes + 200, whole.len() + 1] {
            let mut writer = EntryWriter::new("two.txt", &problems, records.len());
            let mut parts = writer.part_at(size).into_iter().collect::<Vec<_>>();
            for record in &records {
                writer.record(record);
                parts.extend(writer.part_at(size));
            }
            let ended_on_a_part = parts.len();
            parts.push(writer.finish());
            assert!(parts[..ended_on_a_part].iter().all(|p| p.len() >= size));
            if size > whole.len() {
                assert_eq!(ended_on_a_part, 0, "nothing was big enough to hand on");
            }
            assert_eq!(parts.concat(), whole, "parts of {size} bytes");
        }
    }

    #[test]
    fn a_reader_reads_one_record_at_a_time() {
        let (problems, records) = two_records();
        let bytes = encode("two.txt", &problems, &records);
        let mut reader = EntryReader::new(&bytes).unwrap();
        assert_eq!(reader.name(), "two.txt");
        assert_eq!(reader.read_record(), Ok(true));
        assert_eq!(reader.read_record(), Ok(true));
        assert_eq!(reader.read_record(), Ok(false));
        assert_eq!(reader.finish().unwrap().records, records);
    }

    #[test]
    fn another_format_version_is_refused_naming_the_source() {
        let (problems, records) = two_records();
        let bytes = encode("two.txt", &problems, &records);
        let newer = String::from_utf8(bytes)
            .unwrap()
            .replacen("\"format\":1", "\"format\":2", 1);
        let (name, reason) = decoded(newer.as_bytes()).unwrap_err();
        assert_eq!(name.as_deref(), Some("two.txt"));
        assert_eq!(
            reason,
            "it was saved in format 2, and this version of trialcards reads format 1"
        );
        let (_, reason) = decoded(br#"{"format":"one","name":"x"}"#).unwrap_err();
        assert!(
            reason.starts_with("it was saved in format \"one\""),
            "{reason}"
        );
    }

    #[test]
    fn broken_entries_say_what_is_wrong() {
        let (name, reason) = decoded(b"\0{not json").unwrap_err();
        assert_eq!(name, None);
        assert_eq!(
            reason,
            "it is not what trialcards saves (expected value at line 1 column 1)"
        );

        let wrong_types = br#"{"format":1,"name":"w.txt","problems":{},"records":0}"#;
        let (name, reason) = decoded(wrong_types).unwrap_err();
        assert_eq!(name.as_deref(), Some("w.txt"));
        assert!(
            reason.contains("invalid type: map, expected a sequence"),
            "{reason}"
        );

        let bad_record = b"{\"format\":1,\"name\":\"r.txt\",\"problems\":[],\"records\":1}\n[1,2]";
        let (name, reason) = decoded(bad_record).unwrap_err();
        assert_eq!(name.as_deref(), Some("r.txt"));
        assert!(
            reason.starts_with("its record 1 is not what trialcards saves (invalid type: integer"),
            "{reason}"
        );

        // Cut short: a record missing is not a smaller collection.
        let (problems, records) = two_records();
        let bytes = encode("two.txt", &problems, &records);
        let cut = bytes.rsplitn(2, |&b| b == b'\n').nth(1).unwrap();
        let (_, reason) = decoded(cut).unwrap_err();
        assert_eq!(reason, "it holds 1 of the 2 records it was saved with");
        let (_, reason) = decoded(b"").unwrap_err();
        assert!(
            reason.starts_with("it is not what trialcards saves"),
            "{reason}"
        );
    }

    #[test]
    fn only_whole_numbers_in_range_are_keys_of_sources() {
        assert_eq!(id_of_key(7.0), Some(7));
        assert_eq!(id_of_key(f64::from(MAX_KEY)), Some(MAX_KEY));
        for key in [
            0.0,
            -1.0,
            1.5,
            f64::from(MAX_KEY) + 1.0,
            f64::NAN,
            f64::INFINITY,
        ] {
            assert_eq!(id_of_key(key), None, "{key}");
        }
    }

    #[test]
    fn an_unreadable_entry_is_listed_by_its_name_or_its_key() {
        let named = EntryError::new(Some("a.txt"), "its text is missing");
        assert_eq!(named.listed_name("7"), "a.txt");
        assert_eq!(
            named.message("7"),
            "The saved source “a.txt” (key 7) could not be read back: its text is missing. It was left in storage untouched; Remove deletes it."
        );
        let unnamed = EntryError::new(None, "it is of another format");
        assert_eq!(unnamed.listed_name("\"x\""), "Saved source (key \"x\")");
        assert_eq!(
            unnamed.message("\"x\""),
            "A saved source (key \"x\") could not be read back: it is of another format. It was left in storage untouched; Remove deletes it."
        );
    }

    #[test]
    fn refusals_read_as_what_a_user_can_do_about_them() {
        assert_eq!(
            refusal_words("QuotaExceededError", "Quota exceeded."),
            "the storage is full"
        );
        assert!(refusal_words("VersionError", "").contains("newer layout"));
        assert!(refusal_words("ConstraintError", "").contains("another tab"));
        assert_eq!(
            refusal_words("AbortError", "The transaction was aborted"),
            "The transaction was aborted"
        );
        assert_eq!(refusal_words("AbortError", ""), "AbortError");
        let first = not_saved("a.txt", "the storage is full", false);
        assert!(first.starts_with("a.txt was not saved in this browser: the storage is full."));
        assert!(first.ends_with("gone after a reload."));
        let again = not_saved("a.txt", "the storage is full", true);
        assert!(again.starts_with("This change to a.txt was not saved"));
        assert!(not_deleted("x").contains(": x. It may come back"));
        assert!(not_cleared("x").contains(": x. What was saved"));
    }
}
