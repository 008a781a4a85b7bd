//! A record the page embeds as data. Sites that republish ClinicalTrials.gov records often show
//! the raw v2 record on the page, as JSON or as a Python dict's repr (`{'hasResults': False,
//! 'protocolSection': {…`), and a saved page is often cut off inside it. [`read`] turns such
//! text into JSON: Python's quotes, escapes, tuples and `True`/`False`/`None` become JSON's,
//! and a record cut off (or broken) is closed after its last complete value. One pass over
//! the text, linear in its length; nesting and size are capped, and nothing panics.

use crate::lines::Line;

/// The deepest nesting followed (a v2 record nests about eight deep); deeper text is treated
/// as the record's end.
pub(crate) const MAX_DEPTH: usize = 64;

/// The most bytes of page text read as one record.
pub(crate) const MAX_BYTES: usize = 8 << 20;

/// A record read from a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Embedded {
    /// The record as JSON text (always valid JSON).
    pub json: String,
    /// How many of the lines given it took.
    pub lines: usize,
    /// Whether the text stopped (or broke) inside the record, which was closed after its last
    /// complete value.
    pub cut: bool,
}

/// The record whose text starts the first of `lines` with `{`, through as many lines as it
/// takes. `None` when the first line does not start with `{`.
pub(crate) fn read(lines: &[Line<'_>]) -> Option<Embedded> {
    if !lines.first()?.text.starts_with('{') {
        return None;
    }
    let mut repair = Repair::default();
    let mut left = MAX_BYTES;
    for (k, line) in lines.iter().enumerate() {
        // Past the cap, the record is read as if the page stopped there.
        let text = capped(line.text, left);
        left = left.saturating_sub(line.text.len() + 1);
        match repair.feed(text) {
            Flow::More if text.len() == line.text.len() && left > 0 => {}
            Flow::More | Flow::Cut => return Some(repair.finish(k + 1, true)),
            Flow::Done => return Some(repair.finish(k + 1, false)),
            // A line that breaks the grammar is not the record's (unless it is its first):
            // the record ends with the line before.
            Flow::Broken if k == 0 => return Some(repair.finish(1, true)),
            Flow::Broken => {
                repair.safe = repair.line_safe;
                return Some(repair.finish(k, true));
            }
        }
    }
    Some(repair.finish(lines.len(), true))
}

/// The first `max` bytes of `text` at most, cut at a character boundary.
fn capped(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// What comes next in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    /// A value (the record itself, or after a key's colon).
    Value,
    /// A value or the list's end (after `[` or a comma in a list).
    ValueOrEnd,
    /// A key or the object's end (after `{` or a comma in an object).
    KeyOrEnd,
    /// The colon after a key.
    Colon,
    /// A comma or the container's end (after a value in it).
    NextOrEnd,
}

/// What feeding a line gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    /// The record goes on.
    More,
    /// The record is complete.
    Done,
    /// The text breaks off inside a value (a string the line does not close): the record
    /// ends at its last complete value.
    Cut,
    /// The text breaks the grammar (or nests too deep): the record ends there.
    Broken,
}

/// Why a token could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// The line ends inside it.
    Cut,
    /// It is not JSON's or Python's.
    Broken,
}

impl From<Stop> for Flow {
    fn from(stop: Stop) -> Flow {
        match stop {
            Stop::Cut => Flow::Cut,
            Stop::Broken => Flow::Broken,
        }
    }
}

/// The JSON being written, and where it could be closed.
#[derive(Debug)]
struct Repair {
    out: String,
    /// The open containers: the character that closes each in the text, and in JSON.
    stack: Vec<(u8, u8)>,
    want: Want,
    /// A comma was read and is owed before the next item.
    comma: bool,
    /// The length of `out` and of `stack` after the last complete value.
    safe: (usize, usize),
    /// A number or word ended a line: complete only if more text follows.
    pending: bool,
    /// `safe` as it was when the current line began.
    line_safe: (usize, usize),
}

impl Default for Repair {
    fn default() -> Self {
        Repair {
            out: String::new(),
            stack: Vec::new(),
            want: Want::Value,
            comma: false,
            safe: (0, 0),
            pending: false,
            line_safe: (0, 0),
        }
    }
}

impl Repair {
    /// Reads one line of the record.
    fn feed(&mut self, line: &str) -> Flow {
        if self.pending {
            self.pending = false;
            self.mark_safe();
        }
        self.line_safe = self.safe;
        let bytes = line.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let step = self.token(line, i);
            match step {
                Ok((next, Flow::More)) => i = next,
                Ok((_, flow)) => return flow,
                Err(stop) => return stop.into(),
            }
        }
        Flow::More
    }

    /// Reads the token at byte `i` of `line`; returns where the next one may start.
    fn token(&mut self, line: &str, i: usize) -> Result<(usize, Flow), Stop> {
        let b = line.as_bytes()[i];
        match (self.want, b) {
            (Want::Value | Want::ValueOrEnd, b'{') => self.open(b'}', b'}', Want::KeyOrEnd, i),
            (Want::Value | Want::ValueOrEnd, b'[') => self.open(b']', b']', Want::ValueOrEnd, i),
            (Want::Value | Want::ValueOrEnd, b'(') => self.open(b')', b']', Want::ValueOrEnd, i),
            (Want::ValueOrEnd | Want::KeyOrEnd | Want::NextOrEnd, b'}' | b']' | b')') => {
                self.close(b, i)
            }
            (Want::Value | Want::ValueOrEnd, b'"' | b'\'') => {
                let next = self.string(line, i)?;
                Ok((next, self.value_done(false)))
            }
            (Want::KeyOrEnd, b'"' | b'\'') => {
                let next = self.string(line, i)?;
                self.want = Want::Colon;
                Ok((next, Flow::More))
            }
            (Want::Colon, b':') => {
                self.out.push(':');
                self.want = Want::Value;
                Ok((i + 1, Flow::More))
            }
            (Want::NextOrEnd, b',') => {
                self.comma = true;
                self.want = match self.stack.last() {
                    Some((b'}', _)) => Want::KeyOrEnd,
                    _ => Want::ValueOrEnd,
                };
                Ok((i + 1, Flow::More))
            }
            (Want::Value | Want::ValueOrEnd, _) if !self.stack.is_empty() => self.scalar(line, i),
            _ => Err(Stop::Broken),
        }
    }

    /// Writes the comma owed before an item.
    fn pay_comma(&mut self) {
        if self.comma {
            self.out.push(',');
            self.comma = false;
        }
    }

    /// Opens a container closed by `closer` in the text and `json_closer` in JSON.
    fn open(
        &mut self,
        closer: u8,
        json_closer: u8,
        want: Want,
        i: usize,
    ) -> Result<(usize, Flow), Stop> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(Stop::Broken);
        }
        self.pay_comma();
        self.out.push(if json_closer == b'}' { '{' } else { '[' });
        self.stack.push((closer, json_closer));
        self.want = want;
        self.mark_safe();
        Ok((i + 1, Flow::More))
    }

    /// Closes the innermost container, when `b` is its closer.
    fn close(&mut self, b: u8, i: usize) -> Result<(usize, Flow), Stop> {
        match self.stack.last() {
            Some(&(closer, json_closer)) if closer == b => {
                self.stack.pop();
                self.comma = false;
                self.out.push(char::from(json_closer));
                Ok((i + 1, self.value_done(false)))
            }
            _ => Err(Stop::Broken),
        }
    }

    /// A value is complete; `at_line_end` when it is a number or word that ended its line
    /// (the text may have been cut inside it).
    fn value_done(&mut self, at_line_end: bool) -> Flow {
        if self.stack.is_empty() {
            return Flow::Done;
        }
        self.want = Want::NextOrEnd;
        if at_line_end {
            self.pending = true;
        } else {
            self.mark_safe();
        }
        Flow::More
    }

    /// Notes that the record could be closed here.
    fn mark_safe(&mut self) {
        self.safe = (self.out.len(), self.stack.len());
    }

    /// A quoted string at byte `i` (a key or a value), written as a JSON string; returns the
    /// byte after its closing quote. A string the line does not close is cut off.
    fn string(&mut self, line: &str, i: usize) -> Result<usize, Stop> {
        let bytes = line.as_bytes();
        let quote = bytes[i];
        self.pay_comma();
        self.out.push('"');
        let mut run = i + 1;
        let mut j = i + 1;
        while j < bytes.len() {
            match bytes[j] {
                b if b == quote => {
                    self.push_text(&line[run..j]);
                    self.out.push('"');
                    return Ok(j + 1);
                }
                b'\\' => {
                    self.push_text(&line[run..j]);
                    j = self.escape(line, j)?;
                    run = j;
                }
                _ => j += 1,
            }
        }
        Err(Stop::Cut)
    }

    /// Writes `text` inside a JSON string, escaping what JSON requires.
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            self.push_char(c);
        }
    }

    /// Writes one character inside a JSON string.
    fn push_char(&mut self, c: char) {
        match c {
            '"' => self.out.push_str("\\\""),
            '\\' => self.out.push_str("\\\\"),
            c if (c as u32) < 0x20 => self.out.push_str(&format!("\\u{:04x}", c as u32)),
            c => self.out.push(c),
        }
    }

    /// The escape at byte `j` (a backslash), in JSON's or Python's spelling, written decoded;
    /// returns the byte after it. An unknown escape keeps its backslash, as Python does.
    fn escape(&mut self, line: &str, j: usize) -> Result<usize, Stop> {
        let bytes = line.as_bytes();
        let Some(&e) = bytes.get(j + 1) else {
            return Err(Stop::Cut);
        };
        let simple = match e {
            b'n' => Some('\n'),
            b't' => Some('\t'),
            b'r' => Some('\r'),
            b'b' => Some('\u{8}'),
            b'f' => Some('\u{c}'),
            b'v' => Some('\u{b}'),
            b'a' => Some('\u{7}'),
            b'0' => Some('\0'),
            b'\\' | b'\'' | b'"' | b'/' => Some(char::from(e)),
            _ => None,
        };
        if let Some(c) = simple {
            self.push_char(c);
            return Ok(j + 2);
        }
        let digits = match e {
            b'x' => 2,
            b'u' => 4,
            b'U' => 8,
            _ => {
                // Not an escape: the backslash is text (the next character is read as text).
                self.push_char('\\');
                return Ok(j + 1);
            }
        };
        let code = hex(line, j + 2, digits)?;
        let mut next = j + 2 + digits;
        let c = if (0xD800..0xDC00).contains(&code) {
            // A UTF-16 pair, as JSON writes characters past U+FFFF.
            match (line.get(next..next + 2), hex(line, next + 2, 4)) {
                (Some("\\u"), Ok(low)) if (0xDC00..0xE000).contains(&low) => {
                    next += 6;
                    char::from_u32(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
                }
                _ => None,
            }
        } else {
            char::from_u32(code)
        };
        self.push_char(c.unwrap_or('\u{FFFD}'));
        Ok(next)
    }

    /// A number or a word (`True`, `None`, `null`, `nan` …) at byte `i`, written in JSON.
    fn scalar(&mut self, line: &str, i: usize) -> Result<(usize, Flow), Stop> {
        let bytes = line.as_bytes();
        let mut end = i;
        while end < bytes.len()
            && (bytes[end].is_ascii_alphanumeric()
                || matches!(bytes[end], b'.' | b'+' | b'-' | b'_'))
        {
            end += 1;
        }
        let word = &line[i..end];
        let json = match word {
            "True" | "true" => "true",
            "False" | "false" => "false",
            "None" | "null" | "nan" | "NaN" | "inf" | "-inf" | "Infinity" | "-Infinity" => "null",
            // A number JSON readers hold as a float must be finite there ("1e999" is not).
            w if is_json_number(w) && (w.len() < 16 && !w.contains(['.', 'e', 'E'])) => w,
            w if is_json_number(w) => match crate::decimal::parse_f64(w) {
                Some(f) if f.is_finite() => w,
                _ => "null",
            },
            _ if end == bytes.len() => return Err(Stop::Cut),
            _ => return Err(Stop::Broken),
        };
        self.pay_comma();
        self.out.push_str(json);
        Ok((end, self.value_done(end == bytes.len())))
    }

    /// The JSON text, closed after the last complete value when `cut`; `lines` lines were read.
    fn finish(mut self, lines: usize, cut: bool) -> Embedded {
        if cut || !self.stack.is_empty() {
            let (len, depth) = self.safe;
            self.out.truncate(len);
            for &(_, json_closer) in self.stack[..depth.min(self.stack.len())].iter().rev() {
                self.out.push(char::from(json_closer));
            }
        }
        Embedded {
            json: self.out,
            lines,
            cut: cut || !self.stack.is_empty(),
        }
    }
}

/// The number written in `digits` hex digits at byte `at` of `line`.
fn hex(line: &str, at: usize, digits: usize) -> Result<u32, Stop> {
    if at + digits > line.len() {
        return Err(Stop::Cut);
    }
    let text = line.get(at..at + digits).ok_or(Stop::Broken)?;
    if !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Stop::Broken);
    }
    u32::from_str_radix(text, 16).map_err(|_| Stop::Broken)
}

/// Whether `w` is a number as JSON writes it (`-12`, `0.5`, `1e-05`).
fn is_json_number(w: &str) -> bool {
    let b = w.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > start
    };
    let start = i;
    // JSON writes no leading zero ("012").
    if !digits(&mut i) || (b[start] == b'0' && i - start > 1) {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::scan;

    fn repaired(text: &str) -> Embedded {
        read(&scan(text)).unwrap()
    }

    fn value(e: &Embedded) -> serde_json::Value {
        serde_json::from_str(&e.json).unwrap()
    }

    #[test]
    fn python_repr_becomes_json() {
        let e = repaired(
            r#"{'hasResults': False, 'x': None, 'n': 12, 'f': -0.5, 'e': 1e-05, 's': 'it\'s "so"', 't': ('a', 'b'), 'u': '\xe9\u00e9\n'}"#,
        );
        assert!(!e.cut);
        assert_eq!(
            value(&e),
            serde_json::json!({"hasResults": false, "x": null, "n": 12, "f": -0.5, "e": 1e-05,
                "s": "it's \"so\"", "t": ["a", "b"], "u": "\u{e9}\u{e9}\n"})
        );
    }

    #[test]
    fn json_passes_through_with_its_escapes() {
        let e = repaired(r#"{"a": "\ud83d\ude00 \/ \\", "b": [true, null]}"#);
        assert_eq!(
            value(&e),
            serde_json::json!({"a": "\u{1F600} / \\", "b": [true, null]})
        );
    }

    #[test]
    fn a_cut_record_closes_after_its_last_complete_value() {
        let e =
            repaired("{'a': {'phases': ['PHASE2'], 'studyType': 'INTERVENTIONAL', 'model': 'PAR");
        assert!(e.cut);
        assert_eq!(
            value(&e),
            serde_json::json!({"a": {"phases": ["PHASE2"], "studyType": "INTERVENTIONAL"}})
        );
        // Cut after a key, a colon, a comma, or inside a number at the end of the text.
        for (text, want) in [
            ("{'a': 1, 'b'", serde_json::json!({"a": 1})),
            ("{'a': 1, 'b':", serde_json::json!({"a": 1})),
            ("{'a': [1, 2,", serde_json::json!({"a": [1, 2]})),
            ("{'a': 1, 'b': 12", serde_json::json!({"a": 1})),
            ("{'a': 1e999, 'b': 012}", serde_json::json!({"a": null})),
            ("{'a': [{'b': Tr", serde_json::json!({"a": [{}]})),
        ] {
            assert_eq!(value(&repaired(text)), want, "{text}");
        }
    }

    #[test]
    fn a_record_over_several_lines_ends_at_its_closing_brace() {
        let e = repaired("{\n  \"a\": 12\n}\nText after the record\n");
        assert_eq!((e.lines, e.cut), (3, false));
        assert_eq!(value(&e), serde_json::json!({"a": 12}));
    }

    #[test]
    fn a_line_that_breaks_the_grammar_is_not_the_records() {
        let e = repaired("{\n  \"a\": [1,\n  2],\nSome words\n  \"b\": 3\n}\n");
        assert_eq!((e.lines, e.cut), (3, true));
        assert_eq!(value(&e), serde_json::json!({"a": [1, 2]}));
        // Cut inside a string on its line: the line is the record's.
        let e = repaired("{\n  \"a\": 1,\n  \"b\": \"cut\nmore page text\n");
        assert_eq!((e.lines, e.cut), (3, true));
        assert_eq!(value(&e), serde_json::json!({"a": 1}));
    }

    #[test]
    fn hostile_text_is_capped_and_never_panics() {
        let deep = format!("{{'a': {}", "[".repeat(10_000));
        let e = repaired(&deep);
        assert!(e.cut);
        assert!(serde_json::from_str::<serde_json::Value>(&e.json).is_ok());
        for text in [
            "{'a': '\\",
            "{'a': '\\u12",
            "{'a': '\\ud800'}",
            "{]",
            "{'a' 'b'}",
            "{'a': 0x1F}",
        ] {
            let e = repaired(text);
            assert!(
                serde_json::from_str::<serde_json::Value>(&e.json).is_ok(),
                "{text}"
            );
        }
        assert!(read(&scan("no record here")).is_none());
        // A record longer than the cap is read up to it.
        let long = format!("{{'a': [1], 'b': '{}'}}", "\u{e9}".repeat(MAX_BYTES));
        let e = repaired(&long);
        assert!(e.cut);
        assert_eq!(value(&e), serde_json::json!({"a": [1]}));
        assert_eq!(capped("a\u{e9}", 2), "a");
    }

    #[test]
    fn numbers_as_json_writes_them() {
        for ok in ["0", "-12", "0.5", "1e-05", "2E+3"] {
            assert!(is_json_number(ok), "{ok}");
        }
        for bad in ["", "-", "1.", ".5", "1e", "0x1F", "12abc"] {
            assert!(!is_json_number(bad), "{bad}");
        }
    }
}
