//! The HTML tokenizer behind a saved page's text: the states of the WHATWG tokenizer that the
//! text depends on — text, start and end tags with their attributes, comments, doctypes and
//! bogus comments, character references, and the raw text of `<script>` (its escaped and
//! double-escaped states included), `<style>`, `<title>`, `<textarea>`, `<plaintext>` … — told
//! as [`Event`]s. As a browser does without running scripts, the content of an element that
//! holds raw text is switched to on its start tag. One pass, no recursion, never panics.
//!
//! Written for this crate instead of a general tokenizer (html5gum, which the tests check it
//! against) because the parse worker downloads it: html5gum's states were 152 KB of the
//! worker's wasm before wasm-opt, this tokenizer with the text writer is 14 KB.

use std::borrow::Cow;

use super::entities;

/// What the tokenizer found, in page order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Event<'a> {
    /// A start tag begins: its name, ASCII-lowercased.
    StartTag(&'a [u8]),
    /// An attribute of the start tag: its name, ASCII-lowercased.
    AttributeName(&'a [u8]),
    /// The value of the attribute just named, character references decoded; not told when
    /// empty.
    AttributeValue(&'a [u8]),
    /// The start tag ends; `self_closing` when it ends `/>`.
    CloseStartTag {
        /// The tag ended `/>`.
        self_closing: bool,
    },
    /// An end tag: its name, ASCII-lowercased.
    EndTag(&'a [u8]),
    /// Text between tags, character references decoded.
    Text(&'a str),
}

/// Tells `emit` the events of `html`, in order. Line breaks are normalized first (`\r\n` and
/// a lone `\r` become `\n`), as the standard's input stream does.
pub(crate) fn tokenize(html: &str, emit: impl FnMut(Event<'_>)) {
    let html: Cow<'_, str> = if memchr::memchr(b'\r', html.as_bytes()).is_some() {
        Cow::Owned(html.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(html)
    };
    let mut t = Tokenizer {
        s: &html,
        b: html.as_bytes(),
        i: 0,
        text: String::new(),
        name: Vec::new(),
        attribute: Vec::new(),
        value: String::new(),
        emit,
    };
    t.run();
}

/// How the text after a start tag is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    /// Markup.
    Data,
    /// Text with character references, up to the element's end tag (`<title>`, `<textarea>`).
    RcData,
    /// Text as it is, up to the element's end tag (`<style>`, `<xmp>`, `<iframe>` …).
    RawText,
    /// A script's text, up to its end tag outside an escaped `<!-- <script> … -->`.
    Script,
    /// Everything to the end is text (`<plaintext>`).
    PlainText,
}

fn content_after(name: &[u8]) -> Content {
    match name {
        b"title" | b"textarea" => Content::RcData,
        b"script" => Content::Script,
        b"style" | b"xmp" | b"iframe" | b"noembed" | b"noframes" | b"noscript" => Content::RawText,
        b"plaintext" => Content::PlainText,
        _ => Content::Data,
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b' ')
}

/// Whether a tag name may start with `b`.
fn starts_name(b: u8) -> bool {
    b.is_ascii_alphabetic()
}

/// The longest character-reference name is 32 bytes (`CounterClockwiseContourIntegral;`).
const LONGEST_NAME: usize = 32;

/// U+FFFD, which a NUL in a tag, an attribute or raw text becomes.
const REPLACEMENT: char = '\u{FFFD}';

/// Where the tokenizer is, with the buffers of the tag and text being read.
struct Tokenizer<'h, F> {
    s: &'h str,
    b: &'h [u8],
    i: usize,
    text: String,
    name: Vec<u8>,
    attribute: Vec<u8>,
    value: String,
    emit: F,
}

impl<F: FnMut(Event<'_>)> Tokenizer<'_, F> {
    fn run(&mut self) {
        let mut content = Content::Data;
        while self.i < self.b.len() {
            content = match content {
                Content::Data => self.data(),
                Content::PlainText => {
                    let rest = &self.s[self.i..];
                    push_replacing_nul(&mut self.text, rest);
                    self.i = self.b.len();
                    Content::PlainText
                }
                raw => self.raw(raw),
            };
        }
        self.flush_text();
    }

    fn flush_text(&mut self) {
        if !self.text.is_empty() {
            (self.emit)(Event::Text(&self.text));
            self.text.clear();
        }
    }

    /// Reads text and markup up to a tag after which the content is raw, or to the end.
    fn data(&mut self) -> Content {
        while self.i < self.b.len() {
            let start = self.i;
            let end =
                memchr::memchr2(b'<', b'&', &self.b[start..]).map_or(self.b.len(), |p| start + p);
            self.text.push_str(&self.s[start..end]);
            self.i = end;
            match self.b.get(end) {
                Some(b'&') => self.character_reference(false),
                Some(b'<') => {
                    if let Some(content) = self.markup() {
                        if content != Content::Data {
                            return content;
                        }
                    }
                }
                _ => {}
            }
        }
        Content::Data
    }

    /// At a `<` in data: a tag, a comment, a doctype or a bogus comment is read; `None` when
    /// the `<` is text. A start tag gives the content that follows it.
    fn markup(&mut self) -> Option<Content> {
        let at = self.i;
        match self.b.get(at + 1).copied() {
            Some(c) if starts_name(c) => {
                self.i = at + 1;
                return Some(self.tag(false));
            }
            Some(b'/') => match self.b.get(at + 2).copied() {
                Some(c) if starts_name(c) => {
                    self.i = at + 2;
                    self.tag(true);
                }
                Some(b'>') => self.i = at + 3,
                None => {
                    self.text.push_str("</");
                    self.i = at + 2;
                }
                Some(_) => self.bogus_comment(at + 2),
            },
            Some(b'!') => {
                if self.b[at + 2..].starts_with(b"--") {
                    self.comment(at + 4);
                } else {
                    self.bogus_comment(at + 2);
                }
            }
            Some(b'?') => self.bogus_comment(at + 1),
            _ => {
                self.text.push('<');
                self.i = at + 1;
                return None;
            }
        }
        Some(Content::Data)
    }

    /// A comment whose text starts at `from`: it ends at `-->` or `--!>` (or at once with
    /// `<!-->` and `<!--->`), or at the end of the input.
    fn comment(&mut self, from: usize) {
        self.flush_text();
        let rest = &self.b[from..];
        if rest.starts_with(b">") {
            self.i = from + 1;
            return;
        }
        if rest.starts_with(b"->") {
            self.i = from + 2;
            return;
        }
        let mut j = from;
        while j < self.b.len() {
            if self.b[j..].starts_with(b"-->") {
                self.i = j + 3;
                return;
            }
            if self.b[j..].starts_with(b"--!>") {
                self.i = j + 4;
                return;
            }
            j += 1;
        }
        self.i = self.b.len();
    }

    /// A doctype, a `<?…>`, `<!…>` or a malformed end tag: everything up to the next `>`.
    fn bogus_comment(&mut self, from: usize) {
        self.flush_text();
        self.i = memchr::memchr(b'>', &self.b[from..]).map_or(self.b.len(), |p| from + p + 1);
    }

    /// A tag whose name starts at `self.i`, read to its `>`; a tag the input ends inside is
    /// dropped, as the standard has it. Returns the content after it.
    fn tag(&mut self, end: bool) -> Content {
        self.flush_text();
        self.name.clear();
        while let Some(&c) = self.b.get(self.i) {
            if is_space(c) || c == b'/' || c == b'>' {
                break;
            }
            self.i += 1;
            push_name_byte(&mut self.name, c);
        }
        if !end {
            (self.emit)(Event::StartTag(&self.name));
        }
        let Some(self_closing) = self.attributes(!end) else {
            return Content::Data;
        };
        if end {
            (self.emit)(Event::EndTag(&self.name));
            Content::Data
        } else {
            (self.emit)(Event::CloseStartTag { self_closing });
            content_after(&self.name)
        }
    }

    /// The attributes of a tag, told when `tell`, up to its `>`: `Some(self_closing)`, or
    /// `None` when the input ends first.
    fn attributes(&mut self, tell: bool) -> Option<bool> {
        loop {
            while self.b.get(self.i).is_some_and(|&c| is_space(c)) {
                self.i += 1;
            }
            match *self.b.get(self.i)? {
                b'>' => {
                    self.i += 1;
                    return Some(false);
                }
                b'/' => {
                    self.i += 1;
                    if self.b.get(self.i) == Some(&b'>') {
                        self.i += 1;
                        return Some(true);
                    }
                    continue;
                }
                _ => {}
            }
            // The name: a first `=` belongs to it.
            self.attribute.clear();
            if let Some(&c) = self.b.get(self.i) {
                self.i += 1;
                push_name_byte(&mut self.attribute, c);
            }
            while let Some(&c) = self.b.get(self.i) {
                if is_space(c) || matches!(c, b'/' | b'>' | b'=') {
                    break;
                }
                self.i += 1;
                push_name_byte(&mut self.attribute, c);
            }
            if tell && !self.attribute.is_empty() {
                (self.emit)(Event::AttributeName(&self.attribute));
            }
            while self.b.get(self.i).is_some_and(|&c| is_space(c)) {
                self.i += 1;
            }
            if self.b.get(self.i) != Some(&b'=') {
                continue;
            }
            self.i += 1;
            while self.b.get(self.i).is_some_and(|&c| is_space(c)) {
                self.i += 1;
            }
            self.value.clear();
            match *self.b.get(self.i)? {
                quote @ (b'"' | b'\'') => {
                    self.i += 1;
                    self.attribute_value(|c| c == quote)?;
                    self.i += 1;
                }
                b'>' => continue,
                _ => {
                    // Unquoted: up to whitespace or `>`, which stays for the loop.
                    self.attribute_value(|c| is_space(c) || c == b'>')?;
                }
            }
            if tell && !self.value.is_empty() {
                (self.emit)(Event::AttributeValue(self.value.as_bytes()));
            }
        }
    }

    /// Reads an attribute's value into `self.value` up to a byte `ends` (left unread);
    /// `None` when the input ends first.
    fn attribute_value(&mut self, ends: impl Fn(u8) -> bool) -> Option<()> {
        loop {
            let start = self.i;
            let stop = self.b[start..]
                .iter()
                .position(|&c| ends(c) || c == b'&' || c == 0)
                .map(|p| start + p);
            let Some(stop) = stop else {
                self.i = self.b.len();
                return None;
            };
            self.value.push_str(&self.s[start..stop]);
            self.i = stop;
            match self.b[stop] {
                b'&' if !ends(b'&') => {
                    let text = std::mem::take(&mut self.text);
                    self.text = std::mem::take(&mut self.value);
                    self.character_reference(true);
                    self.value = std::mem::replace(&mut self.text, text);
                }
                0 if !ends(0) => {
                    self.value.push(REPLACEMENT);
                    self.i += 1;
                }
                _ => return Some(()),
            }
        }
    }

    /// The raw text of an element (`content` after its start tag), up to its end tag, which
    /// is read too.
    fn raw(&mut self, content: Content) -> Content {
        let element = self.name.clone();
        let mut script = ScriptState::Normal;
        while self.i < self.b.len() {
            let start = self.i;
            let rest = &self.b[start..];
            let stop = if content == Content::RcData {
                memchr::memchr3(b'<', 0, b'&', rest)
            } else {
                memchr::memchr2(b'<', 0, rest)
            }
            .map_or(self.b.len(), |p| start + p);
            if content == Content::Script {
                script = script.after(&self.b[start..stop]);
            }
            self.text.push_str(&self.s[start..stop]);
            self.i = stop;
            match self.b.get(stop) {
                None => break,
                Some(0) => {
                    self.text.push(REPLACEMENT);
                    self.i += 1;
                }
                Some(b'&') => self.character_reference(false),
                Some(_) => {
                    let rest = &self.b[stop..];
                    if content == Content::Script {
                        if let Some(next) = script.at_tag(rest) {
                            script = next;
                            let skip = if rest.starts_with(b"<!--") { 4 } else { 1 };
                            self.text.push_str(&self.s[stop..stop + skip]);
                            self.i = stop + skip;
                            continue;
                        }
                        if script == ScriptState::DoubleEscaped {
                            self.text.push('<');
                            self.i += 1;
                            continue;
                        }
                    }
                    if ends_element(rest, &element) {
                        self.i = stop + 2;
                        self.tag(true);
                        return Content::Data;
                    }
                    self.text.push('<');
                    self.i += 1;
                }
            }
        }
        Content::Data
    }

    /// At a `&` in text (`self.text`) or an attribute's value (`in_attribute`, with the value
    /// being read in `self.text`): a character reference is decoded into it, or the `&` is
    /// kept as text.
    fn character_reference(&mut self, in_attribute: bool) {
        let at = self.i;
        let rest = &self.b[at + 1..];
        if rest.first() == Some(&b'#') {
            if let Some((c, used)) = numeric_reference(&rest[1..]) {
                self.text.push(c);
                self.i = at + 2 + used;
                return;
            }
        } else if let Some((name, chars)) = named_reference(rest) {
            let after = rest.get(name.len()).copied();
            let legacy_in_attribute = in_attribute
                && !name.ends_with(';')
                && after.is_some_and(|c| c == b'=' || c.is_ascii_alphanumeric());
            if !legacy_in_attribute {
                self.text.push_str(chars);
                self.i = at + 1 + name.len();
                return;
            }
        }
        self.text.push('&');
        self.i = at + 1;
    }
}

/// Where a script's text is: whether `<!--` has escaped it, and a `<script>` inside that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ScriptState {
    Normal,
    Escaped,
    DoubleEscaped,
}

impl ScriptState {
    /// The state after `text`, a run with no `<`: a `-->` in it ends an escape.
    fn after(self, text: &[u8]) -> Self {
        if self != ScriptState::Normal && contains(text, b"-->") {
            ScriptState::Normal
        } else {
            self
        }
    }

    /// At a `<` of the script (`rest` starts with it): the state a `<!--`, `<script` or
    /// `</script` there leads to, when it changes it (an end tag that ends the script is not
    /// one of these).
    fn at_tag(self, rest: &[u8]) -> Option<Self> {
        match self {
            ScriptState::Normal if rest.starts_with(b"<!--") => {
                // `<!-->` and `<!--->` end the escape at once.
                let after = &rest[4..];
                if after.starts_with(b">") || after.starts_with(b"->") {
                    None
                } else {
                    Some(ScriptState::Escaped)
                }
            }
            ScriptState::Escaped if is_script_tag(&rest[1..]) => Some(ScriptState::DoubleEscaped),
            ScriptState::DoubleEscaped
                if rest.get(1) == Some(&b'/') && is_script_tag(&rest[2..]) =>
            {
                Some(ScriptState::Escaped)
            }
            _ => None,
        }
    }
}

/// Whether `rest` starts with `script` (any case) and then whitespace, `/` or `>`.
fn is_script_tag(rest: &[u8]) -> bool {
    rest.len() > 6
        && rest[..6].eq_ignore_ascii_case(b"script")
        && (is_space(rest[6]) || matches!(rest[6], b'/' | b'>'))
}

/// Whether `rest` (at a `<`) is the end tag of `element`: `</`, its name in any case, then
/// whitespace, `/` or `>`.
fn ends_element(rest: &[u8], element: &[u8]) -> bool {
    let n = element.len();
    rest.len() > n + 2
        && rest[1] == b'/'
        && rest[2..2 + n].eq_ignore_ascii_case(element)
        && (is_space(rest[2 + n]) || matches!(rest[2 + n], b'/' | b'>'))
}

/// Whether `needle` stands anywhere in `haystack`.
pub(super) fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    // Each place the needle's first byte stands, found a word at a time (memchr's substring
    // search added 3 KB to the worker for the few short needles searched with this).
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let mut from = 0;
    while let Some(at) = memchr::memchr(first, &haystack[from..]) {
        let at = from + at;
        if haystack[at + 1..].starts_with(rest) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Adds a byte of a tag's or an attribute's name: ASCII lowercased, NUL as U+FFFD.
fn push_name_byte(name: &mut Vec<u8>, c: u8) {
    if c == 0 {
        name.extend_from_slice(REPLACEMENT.encode_utf8(&mut [0; 4]).as_bytes());
    } else {
        name.push(c.to_ascii_lowercase());
    }
}

fn push_replacing_nul(out: &mut String, text: &str) {
    for (k, part) in text.split('\0').enumerate() {
        if k > 0 {
            out.push(REPLACEMENT);
        }
        out.push_str(part);
    }
}

/// The longest named reference `rest` (after a `&`) starts with: its name and characters.
fn named_reference(rest: &[u8]) -> Option<(&'static str, &'static str)> {
    let run = rest
        .iter()
        .take(LONGEST_NAME)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if run == 0 {
        return None;
    }
    if rest.get(run) == Some(&b';') {
        if let Some(found) = entities::lookup(&rest[..=run]) {
            return Some(found);
        }
    }
    (1..=run).rev().find_map(|n| entities::lookup(&rest[..n]))
}

/// A numeric reference after `&#` (`rest`): the character and the bytes read (the `;`
/// included when there); `None` without a digit.
fn numeric_reference(rest: &[u8]) -> Option<(char, usize)> {
    let (hex, start) = match rest.first() {
        Some(b'x' | b'X') => (true, 1),
        _ => (false, 0),
    };
    let digits = rest[start..]
        .iter()
        .take_while(|c| {
            if hex {
                c.is_ascii_hexdigit()
            } else {
                c.is_ascii_digit()
            }
        })
        .count();
    if digits == 0 {
        return None;
    }
    let radix = if hex { 16 } else { 10 };
    let mut code: u32 = 0;
    for &c in &rest[start..start + digits] {
        let d = char::from(c).to_digit(radix).unwrap_or(0);
        code = code.saturating_mul(radix).saturating_add(d).min(0x11_0000);
    }
    let mut used = start + digits;
    if rest.get(used) == Some(&b';') {
        used += 1;
    }
    Some((reference_char(code), used))
}

/// The character a numeric reference stands for, as the standard maps it: NUL, surrogates
/// and beyond U+10FFFF are U+FFFD; 0x80–0x9F are windows-1252's characters.
fn reference_char(code: u32) -> char {
    const C1: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let code = match code {
        0 => return REPLACEMENT,
        0x80..=0x9F => C1[(code - 0x80) as usize],
        _ => code,
    };
    char::from_u32(code).unwrap_or(REPLACEMENT)
}

#[cfg(test)]
mod tests;
