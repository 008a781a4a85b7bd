//! Structured inputs of any size, read piece by piece: JSON Lines, a JSON array of studies, a
//! ClinicalTrials.gov search page (`{"studies": [...]}`) and CT.gov's CSV download. [`open`]
//! looks at the start of an input; a [`Stream`] then hands out [`Chunk`]s of whole studies
//! (or CSV rows) a megabyte or so at a time, and [`Chunk::parse`] reads one into the records
//! [`crate::parse_bytes`] gives for the same studies of the whole file — the same values, the
//! same provenance lines, the same diagnostics on each record. Memory stays that of a chunk
//! (and of one study), whatever the input's size, and chunks can be parsed on any thread.
//!
//! The core does no I/O: the input is any [`std::io::Read`] the shell opens (a file, an
//! archive member). Only UTF-8 input is streamed (with or without a byte-order mark); other
//! text is for the whole-file reader, and so is every other format.
//!
//! ```
//! use trialcards_core::stream::{open, Opened};
//! let text = "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT09990001\"}}}\n\
//!             {\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT09990002\"}}}\n";
//! let Ok(Opened::Stream(mut stream)) = open("a.jsonl", text.as_bytes()) else { panic!() };
//! let mut records = Vec::new();
//! for chunk in &mut stream {
//!     records.extend(chunk.unwrap().parse().records);
//! }
//! assert_eq!(records.len(), 2);
//! assert_eq!(records[1].nct_id(), Some("NCT09990002"));
//! ```

mod json_split;

use std::io::{self, Read};
use std::sync::Arc;

use crate::formats::{self, Format};
use crate::input::normalize::{line_breaks, normalize};
use crate::model::{Diagnostic, Severity};
use crate::readers::{ctgov_csv, ctgov_json};
use crate::ParseOutput;
use json_split::{Found, ItemSplitter};
use serde_json::Value;

/// How much of an input is read at a time, and about how much text a chunk holds.
const PIECE_BYTES: usize = 1 << 20;

/// How much of the start of an input [`open`] looks at (more for a first JSON line).
const HEAD_BYTES: usize = 64 * 1024;

/// The most studies a chunk holds, so that small studies are parsed in parallel too.
const CHUNK_ITEMS: usize = 64;

/// What [`open`] found at the start of an input.
pub enum Opened<R> {
    /// A structured input, read chunk by chunk.
    Stream(Box<Stream<R>>),
    /// Anything else, for the whole-file reader: the bytes read so far (the input's start,
    /// unchanged) and the reader of the rest.
    Whole {
        /// The input's first bytes.
        head: Vec<u8>,
        /// The rest of the input.
        rest: R,
    },
}

/// The shape of a streamed input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    JsonLines,
    /// A JSON array of studies or a search page.
    JsonList,
    Csv,
}

/// Looks at the start of the input `name` and opens it as a [`Stream`] when it is JSON Lines,
/// a JSON array, a search page or a CT.gov CSV in UTF-8; anything else comes back
/// [`Opened::Whole`]. Fails only when reading fails.
pub fn open<R: Read>(name: &str, mut reader: R) -> io::Result<Opened<R>> {
    let mut head = Vec::new();
    (&mut reader)
        .take(HEAD_BYTES as u64)
        .read_to_end(&mut head)?;
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
    let shape = match utf8_start(body) {
        Some(text) if !text.contains('\0') => match formats::sniff(text) {
            Format::CtgovCsv => Some(Shape::Csv),
            Format::CtgovJson if text.trim_start().starts_with('[') => Some(Shape::JsonList),
            Format::CtgovJson if opens_search_page(text) => Some(Shape::JsonList),
            Format::CtgovJson => json_lines_start(&mut head, &mut reader)?,
            _ => None,
        },
        _ => None,
    };
    Ok(match shape {
        Some(shape) => Opened::Stream(Box::new(Stream::new(name, shape, head, reader))),
        None => Opened::Whole { head, rest: reader },
    })
}

/// [`Shape::JsonLines`] when the input (whose first bytes are `head`) is JSON Lines as the
/// whole-file reader judges it: its first line is JSON on its own, and more than blank lines
/// follow. Reads on until the first line has ended and more text is seen (the first line can be
/// longer than the head; at most [`MAX_INPUT_BYTES`](crate::input::MAX_INPUT_BYTES) is read).
fn json_lines_start(head: &mut Vec<u8>, reader: &mut impl Read) -> io::Result<Option<Shape>> {
    let start = if head.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    // How far `head` has been looked at, and whether its first line has ended (and is JSON):
    // each byte is looked at once, and the first line parsed once, however many pieces it takes.
    let mut seen = start;
    let mut first_line_ended = false;
    loop {
        if !first_line_ended {
            match head[seen..].iter().position(|&b| b == b'\n') {
                Some(at) => {
                    seen += at;
                    if !is_json_line(&head[start..seen]) {
                        return Ok(None);
                    }
                    first_line_ended = true;
                }
                None => seen = head.len(),
            }
        }
        if first_line_ended {
            if head[seen..].iter().any(|b| !b.is_ascii_whitespace()) {
                return Ok(Some(Shape::JsonLines));
            }
            seen = head.len();
        }
        let before = head.len();
        if before >= crate::input::MAX_INPUT_BYTES {
            return Ok(None);
        }
        reader.take(PIECE_BYTES as u64).read_to_end(head)?;
        if head.len() == before {
            return Ok(None);
        }
    }
}

/// The text of `bytes` when they are UTF-8 (but for a character cut off at their end), and
/// not UTF-16 (which the whole-file reader decodes).
fn utf8_start(bytes: &[u8]) -> Option<&str> {
    if crate::input::charset::utf16_without_bom(bytes).is_some() {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(err) if err.error_len().is_none() => {
            std::str::from_utf8(&bytes[..err.valid_up_to()]).ok()
        }
        Err(_) => None,
    }
}

/// Whether `text` opens a search page: an object whose `studies` list comes before any key
/// of a study, after only single values (`totalCount`, `nextPageToken`).
fn opens_search_page(text: &str) -> bool {
    let mut rest = match text.trim_start().strip_prefix('{') {
        Some(rest) => rest,
        None => return false,
    };
    loop {
        let mut values = serde_json::Deserializer::from_str(rest).into_iter::<String>();
        let Some(Ok(key)) = values.next() else {
            return false;
        };
        let after_key = rest[values.byte_offset()..].trim_start();
        let Some(value) = after_key.strip_prefix(':').map(str::trim_start) else {
            return false;
        };
        if key == "studies" {
            return value.starts_with('[');
        }
        if value.starts_with(['{', '[']) {
            return false;
        }
        let mut values = serde_json::Deserializer::from_str(value).into_iter::<Value>();
        let Some(Ok(_)) = values.next() else {
            return false;
        };
        match value[values.byte_offset()..].trim_start().strip_prefix(',') {
            Some(next) => rest = next,
            None => return false,
        }
    }
}

/// Whether `first`, the input's first line, is JSON on its own once cleaned as every input
/// is. A blank first line is not: the whole-file reader then judges the input.
fn is_json_line(first: &[u8]) -> bool {
    let Ok(first) = std::str::from_utf8(first) else {
        return false;
    };
    if first.trim().is_empty() {
        return false;
    }
    let normalized = normalize(first);
    serde_json::from_str::<&serde_json::value::RawValue>(&line_breaks(&normalized)).is_ok()
}

/// A structured input being read: an iterator of the [`Chunk`]s that hold its studies, in
/// order. After the last, [`end_notes`](Self::end_notes) gives the input's own notes.
pub struct Stream<R> {
    name: Arc<str>,
    shape: Shape,
    reader: R,
    /// Bytes read but not yet decoded: the start of a character, or a `\r` whose `\n` may follow.
    carry: Vec<u8>,
    /// The input has been read to its end.
    done: bool,
    /// Whether the byte-order mark has been looked for.
    started: bool,
    /// Text read but not yet handed out, and how far into it has been looked at.
    partial: String,
    pos: usize,
    /// JSON Lines: how many lines came before those in `partial`.
    line_index: usize,
    /// A JSON list: the scanner, the first study (held until it is known whether another
    /// follows: its diagnostics name it by number then), and how many studies were found.
    splitter: ItemSplitter,
    first: Option<Found>,
    /// CSV: the header's text as the file holds it, whether `partial` is inside quotes at
    /// `pos`, where its last whole row ends, the lines and rows before the next chunk, and
    /// whether the last chunk has been handed out (for every shape).
    header: Option<Arc<str>>,
    quoted: bool,
    last_end: Option<usize>,
    csv_at: ctgov_csv::RowsAt,
    finished: bool,
    unreadable_header: bool,
    /// Studies (JSON) or rows (CSV) handed out, and problems with the input as a whole.
    items: usize,
    problems: Vec<Diagnostic>,
}

/// Whole studies or rows of a [`Stream`], to be read with [`Chunk::parse`] on any thread.
#[derive(Debug, Clone)]
pub struct Chunk {
    name: Arc<str>,
    part: Part,
}

/// What a chunk holds.
#[derive(Debug, Clone)]
enum Part {
    /// JSON studies, each with its first line, its label and (for a JSON line) where its own
    /// line numbers start.
    Json(Vec<JsonItem>),
    /// The CSV's header, then whole rows, numbered from `at`.
    Csv { text: String, at: ctgov_csv::RowsAt },
}

/// One JSON study of a chunk.
#[derive(Debug, Clone)]
struct JsonItem {
    text: String,
    line: usize,
    label: String,
    line_offset: Option<usize>,
}

impl Chunk {
    /// How many bytes of text the chunk holds.
    pub fn text_len(&self) -> usize {
        match &self.part {
            Part::Json(items) => items.iter().map(|i| i.text.len()).sum(),
            Part::Csv { text, .. } => text.len(),
        }
    }

    /// The records of the chunk's studies, and the diagnostics of those that could not be read.
    pub fn parse(&self) -> ParseOutput {
        let mut out = ParseOutput::default();
        match &self.part {
            Part::Json(items) => {
                for item in items {
                    let read = ctgov_json::read_item(
                        &self.name,
                        &item.label,
                        &item.text,
                        item.line,
                        item.line_offset,
                    );
                    match read {
                        Ok(study) => out.records.push(study),
                        Err(problem) => out.diagnostics.push(problem),
                    }
                }
            }
            Part::Csv { text, at } => {
                ctgov_csv::read_rows(&self.name, text, *at, &mut out);
            }
        }
        out
    }
}

impl<R: Read> Stream<R> {
    fn new(name: &str, shape: Shape, head: Vec<u8>, reader: R) -> Self {
        Stream {
            name: Arc::from(name),
            shape,
            reader,
            carry: head,
            done: false,
            started: false,
            partial: String::new(),
            pos: 0,
            line_index: 0,
            splitter: ItemSplitter::new(),
            first: None,
            header: None,
            quoted: false,
            last_end: None,
            csv_at: ctgov_csv::RowsAt::default(),
            finished: false,
            unreadable_header: false,
            items: 0,
            problems: Vec::new(),
        }
    }

    /// The input's own notes once every chunk was read and gave `records` records in all:
    /// a cut-off or empty input, how many studies were found, the next page of a search.
    pub fn end_notes(&self, records: usize) -> Vec<Diagnostic> {
        self.ending().notes(records)
    }

    /// What the input's own notes need, once every chunk was read, to be given later (on
    /// another thread, once the chunks' records are counted).
    pub fn ending(&self) -> Ending {
        Ending {
            name: self.name.clone(),
            csv: self.shape == Shape::Csv,
            items: self.items,
            token: self.splitter.token.clone(),
            problems: self.problems.clone(),
            unreadable_header: self.unreadable_header,
        }
    }

    /// The next piece of the input's text (the carry and up to [`PIECE_BYTES`] more), cut
    /// after a whole character and never between `\r` and `\n`; `None` at the end.
    fn next_text(&mut self) -> io::Result<Option<String>> {
        if self.done && self.carry.is_empty() {
            return Ok(None);
        }
        let mut bytes = std::mem::take(&mut self.carry);
        if !self.done {
            let before = bytes.len();
            // Room for the whole piece at once, not grown by doubling as it is read.
            bytes.reserve_exact(PIECE_BYTES);
            (&mut self.reader)
                .take(PIECE_BYTES as u64)
                .read_to_end(&mut bytes)?;
            self.done = bytes.len() == before;
        }
        if !self.started {
            self.started = true;
            if bytes.starts_with(b"\xEF\xBB\xBF") {
                bytes.drain(..3);
            }
        }
        let mut cut = bytes.len();
        if !self.done {
            // Hold back a character cut off at the end, and a `\r` whose `\n` may follow.
            let tail = bytes.len().saturating_sub(3);
            let last = (tail..bytes.len()).rev().find(|&i| bytes[i] & 0xC0 != 0x80);
            if let Some(start) = last {
                if let Err(err) = std::str::from_utf8(&bytes[start..]) {
                    if err.error_len().is_none() {
                        cut = start;
                    }
                }
            }
            if cut > 0 && bytes[cut - 1] == b'\r' {
                cut -= 1;
            }
        }
        self.carry = bytes.split_off(cut);
        Ok(Some(match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => String::from_utf8_lossy(err.as_bytes()).into_owned(),
        }))
    }

    /// The next chunk of JSON Lines.
    fn next_json_lines(&mut self) -> io::Result<Option<Chunk>> {
        if self.finished {
            return Ok(None);
        }
        let mut items = Vec::new();
        let mut size = 0;
        // Blank lines give no item: read on until a chunk has one, or the input ends.
        while items.is_empty() || size < PIECE_BYTES && items.len() < CHUNK_ITEMS {
            if let Some(end) = self.partial[self.pos..].find('\n') {
                let line = self.partial[self.pos..self.pos + end].to_string();
                self.pos += end + 1;
                size += line.len();
                self.json_line(line, &mut items);
                continue;
            }
            self.partial.drain(..self.pos);
            self.pos = 0;
            match self.next_text()? {
                Some(text) => {
                    let normalized = normalize(&text);
                    self.partial.push_str(&line_breaks(&normalized));
                }
                None => {
                    let last = std::mem::take(&mut self.partial);
                    self.json_line(last, &mut items);
                    self.finished = true;
                    break;
                }
            }
        }
        Ok((!items.is_empty()).then(|| self.chunk(Part::Json(items))))
    }

    /// One line of JSON Lines, the next after those before it.
    fn json_line(&mut self, line: String, items: &mut Vec<JsonItem>) {
        let index = self.line_index;
        self.line_index += 1;
        if line.trim().is_empty() {
            return;
        }
        self.items += 1;
        items.push(JsonItem {
            text: line,
            line: index + 1,
            label: format!("{}: line {}", self.name, index + 1),
            line_offset: Some(index),
        });
    }

    /// The next chunk of a JSON list.
    fn next_json_list(&mut self) -> io::Result<Option<Chunk>> {
        if self.finished {
            return Ok(None);
        }
        let mut items = Vec::new();
        // The first study is held until the next shows whether the list has more than one:
        // read on until a chunk has a study to give, or the input ends.
        while items.is_empty() && !self.finished {
            let mut found = Vec::new();
            let mut size = 0;
            while size < PIECE_BYTES && found.len() < CHUNK_ITEMS {
                let Some(text) = self.next_text()? else {
                    self.finished = true;
                    break;
                };
                let normalized = normalize(&text);
                let before = found.len();
                self.splitter.feed(&line_breaks(&normalized), &mut found);
                size += found[before..].iter().map(|f| f.text.len()).sum::<usize>();
            }
            if self.finished {
                self.end_of_list(&mut found);
            }
            for study in found {
                if self.items == 0 && self.first.is_none() {
                    self.first = Some(study);
                    continue;
                }
                if let Some(first) = self.first.take() {
                    items.push(self.list_item(first, true));
                }
                items.push(self.list_item(study, true));
            }
            if self.finished {
                if let Some(first) = self.first.take() {
                    items.push(self.list_item(first, false));
                }
            }
        }
        Ok((!items.is_empty()).then(|| self.chunk(Part::Json(items))))
    }

    /// What the end of a JSON list's input says: a cut-off list's last study is still read
    /// (its own error names it), and text after the list is not.
    fn end_of_list(&mut self, found: &mut Vec<Found>) {
        if self.splitter.cut_off() {
            self.problems.push(Diagnostic::new(
                Severity::Error,
                None,
                format!(
                    "{}: the JSON ends before its last bracket closes: the file is cut off",
                    self.name
                ),
            ));
            found.extend(self.splitter.unfinished());
        }
        if self.splitter.trailing {
            self.problems.push(Diagnostic::new(
                Severity::Error,
                None,
                format!(
                    "{}: there is text after the JSON's end, which is not read",
                    self.name
                ),
            ));
        }
    }

    /// The next study of a JSON list (`many`: the list holds more than one).
    fn list_item(&mut self, study: Found, many: bool) -> JsonItem {
        let index = self.items;
        self.items += 1;
        JsonItem {
            label: ctgov_json::item_label(&self.name, index, study.line, many),
            line: study.line,
            text: study.text,
            line_offset: None,
        }
    }

    /// The next chunk of CSV rows: the header, then whole rows (a line break outside quotes
    /// ends one), about [`PIECE_BYTES`] of them.
    fn next_csv(&mut self) -> io::Result<Option<Chunk>> {
        if self.finished {
            return Ok(None);
        }
        let rows = loop {
            if self.header.is_none() {
                if let Some(end) = header_end(&self.partial) {
                    let rows = self.partial.split_off(end);
                    self.header = Some(Arc::from(std::mem::replace(&mut self.partial, rows)));
                    continue;
                }
            } else {
                // Find the row ends in what was added since the last look.
                let bytes = self.partial.as_bytes();
                for (i, &b) in bytes.iter().enumerate().skip(self.pos) {
                    match b {
                        b'"' => self.quoted = !self.quoted,
                        b'\n' if !self.quoted => self.last_end = Some(i + 1),
                        _ => {}
                    }
                }
                self.pos = bytes.len();
                if let Some(end) = self.last_end.filter(|_| bytes.len() >= PIECE_BYTES) {
                    // What follows the cut starts a row, outside quotes: looked at again.
                    let rest = self.partial.split_off(end);
                    self.pos = 0;
                    self.quoted = false;
                    self.last_end = None;
                    break std::mem::replace(&mut self.partial, rest);
                }
            }
            match self.next_text()? {
                Some(text) => self.partial.push_str(&text),
                None => {
                    self.finished = true;
                    if self.header.is_none() {
                        // The whole input is its header's row.
                        self.header = Some(Arc::from(std::mem::take(&mut self.partial)));
                    }
                    break std::mem::take(&mut self.partial);
                }
            }
        };
        if rows.is_empty() && self.items > 0 {
            return Ok(None);
        }
        let header = self.header.clone().unwrap_or_else(|| Arc::from(""));
        let mut text = String::with_capacity(header.len() + rows.len());
        text.push_str(&header);
        text.push_str(&rows);
        let at = self.csv_at;
        match count_rows(&text) {
            Some(counted) => {
                self.items += counted;
                self.csv_at.rows_before += counted;
                self.csv_at.lines_before += ctgov_csv::count_breaks(&rows);
            }
            // The header could not be read: reading the chunk says so, once.
            None => {
                self.finished = true;
                self.unreadable_header = true;
            }
        }
        Ok(Some(self.chunk(Part::Csv { text, at })))
    }

    fn chunk(&self, part: Part) -> Chunk {
        Chunk {
            name: self.name.clone(),
            part,
        }
    }
}

/// Where the CSV's header row ends in `text` (after its line break), if it has ended.
fn header_end(text: &str) -> Option<usize> {
    let mut quoted = false;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// The rows the CSV reader reads from `text` (a header, then rows), counted as
/// [`ctgov_csv::read_rows`] counts them: each record, and each that could not be read;
/// `None` when the header cannot be read.
fn count_rows(text: &str) -> Option<usize> {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    reader.headers().ok()?;
    let mut record = csv::ByteRecord::new();
    let mut rows = 0;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) | Err(_) => rows += 1,
        }
    }
    Some(rows)
}

/// The end of a streamed input ([`Stream::ending`]): what its own notes say once its records
/// are counted.
#[derive(Debug, Clone)]
pub struct Ending {
    name: Arc<str>,
    csv: bool,
    items: usize,
    token: Option<String>,
    problems: Vec<Diagnostic>,
    unreadable_header: bool,
}

impl Ending {
    /// The input's notes, its chunks having given `records` records in all: a cut-off or empty
    /// input, how many studies were found, the next page of a search — as the whole-file reader
    /// gives them.
    pub fn notes(&self, records: usize) -> Vec<Diagnostic> {
        let mut notes = self.problems.clone();
        if let Some(token) = &self.token {
            notes.insert(0, ctgov_json::next_page_note(&self.name, token));
        }
        notes.extend(match (self.csv, self.unreadable_header) {
            (true, true) => Vec::new(),
            (true, false) => ctgov_csv::end_notes(&self.name, self.items, records),
            (false, _) => ctgov_json::end_notes(&self.name, self.items, records),
        });
        notes
    }
}

impl<R: Read> Iterator for Stream<R> {
    type Item = io::Result<Chunk>;

    fn next(&mut self) -> Option<io::Result<Chunk>> {
        let next = match self.shape {
            Shape::JsonLines => self.next_json_lines(),
            Shape::JsonList => self.next_json_list(),
            Shape::Csv => self.next_csv(),
        };
        next.transpose()
    }
}
