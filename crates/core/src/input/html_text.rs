//! A saved web page's HTML → the text a browser shows, so the page-text readers can read it:
//! blocks and `<br>` become line breaks, list items bullets (nested lists indented), table rows
//! lines with ` | ` between cells; entities are decoded; scripts, styles, templates, the head,
//! hidden elements and navigation are skipped. One pass over the tokens of [`super::html_tokens`],
//! no recursion.

use std::collections::HashMap;

use super::html_tokens::{contains, tokenize, Event};

/// What a saved page shows, and the structured data it embeds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageText {
    /// The visible text, one line per block, list item or table row.
    pub text: String,
    /// JSON blocks the page embeds (`<script type="application/json">`, `application/ld+json`,
    /// `id="__NEXT_DATA__"`) that hold a ClinicalTrials.gov v2 study (`protocolSection`), in
    /// page order.
    pub embedded_studies: Vec<String>,
}

/// Converts `html` to the text a browser would show. Linear in the input; never panics.
///
/// ```
/// let page = trialcards_core::input::html_text::html_to_text(
///     "<h1>Fictional &amp; Trial</h1><ul><li>One<ul><li>Two</li></ul></li></ul>",
/// );
/// assert_eq!(page.text, "Fictional & Trial\n  • One\n    • Two\n");
/// ```
pub fn html_to_text(html: &str) -> PageText {
    let mut writer = TextWriter::default();
    tokenize(html, |event| writer.on_event(event));
    writer.finish()
}

/// Lists deeper than this are indented as if they were this deep (keeps output linear).
const MAX_INDENT_DEPTH: usize = 16;

/// How far back an `<li>` looks for an unclosed `<li>` to close (keeps tag soup linear).
const MAX_IMPLICIT_CLOSE_LOOKBACK: usize = 64;

/// What an element does to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Not shown, nor anything inside it.
    Skip,
    /// A block: starts and ends a line; the number is the line breaks around it (2: a blank line).
    Block(u8),
    /// A list (`ordered`: numbered items).
    List { ordered: bool },
    /// A list item: a line starting with a bullet or number.
    ListItem,
    /// A table row: one line.
    Row,
    /// A table cell: separated from the row's previous cell.
    Cell,
    /// Preformatted text: whitespace kept.
    Pre,
    /// The document head: skipped, and closed by the first body element.
    Head,
    /// Anything else: its text flows inline.
    Inline,
}

/// Elements without content: never pushed on the open-element stack.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"keygen", b"link",
    b"meta", b"param", b"source", b"track", b"wbr",
];

/// Elements whose content is never shown as page text.
const SKIPPED: &[&[u8]] = &[
    b"script",
    b"style",
    b"template",
    b"noscript",
    b"title",
    b"svg",
    b"math",
    b"iframe",
    b"object",
    b"canvas",
    b"select",
    b"datalist",
    b"nav",
    b"audio",
    b"video",
];

/// Elements that may sit in the head; any other start tag ends an unclosed head.
const HEAD_CONTENT: &[&[u8]] = &[
    b"title",
    b"meta",
    b"link",
    b"style",
    b"script",
    b"base",
    b"noscript",
    b"template",
];

/// Blocks that start and end a line. Only `<p>` also leaves a blank line, as in a browser's
/// `innerText` (headings are plain blocks there: their spacing is CSS margin, not text).
const BLOCKS: &[&[u8]] = &[
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"body",
    b"caption",
    b"center",
    b"dd",
    b"details",
    b"dialog",
    b"dir",
    b"div",
    b"dl",
    b"dt",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"header",
    b"hgroup",
    b"html",
    b"legend",
    b"main",
    b"option",
    b"section",
    b"summary",
    b"table",
    b"tbody",
    b"tfoot",
    b"thead",
];

/// Whether `name` is one of `list`: its length and first byte are compared before the rest.
fn one_of(list: &[&[u8]], name: &[u8]) -> bool {
    list.iter()
        .any(|w| w.len() == name.len() && w.first() == name.first() && *w == name)
}

fn kind_of(name: &[u8]) -> Kind {
    match name {
        b"ul" | b"menu" | b"dir" => Kind::List { ordered: false },
        b"ol" => Kind::List { ordered: true },
        b"li" => Kind::ListItem,
        b"tr" => Kind::Row,
        b"td" | b"th" => Kind::Cell,
        b"pre" | b"listing" | b"xmp" | b"textarea" => Kind::Pre,
        b"head" => Kind::Head,
        n if one_of(SKIPPED, n) => Kind::Skip,
        b"p" => Kind::Block(2),
        n if one_of(BLOCKS, n) => Kind::Block(1),
        _ => Kind::Inline,
    }
}

/// The start tag being read: its name and the attributes that matter here.
#[derive(Debug, Default)]
struct StartTag {
    name: Vec<u8>,
    attribute: Vec<u8>,
    hidden: bool,
    json_script: bool,
}

impl StartTag {
    fn on_attribute(&mut self, name: &[u8]) {
        self.attribute.clear();
        self.attribute.extend_from_slice(name);
        if name == b"hidden" {
            self.hidden = true;
        }
    }

    fn on_value(&mut self, value: &[u8]) {
        // Only the values of the attributes below are lower-cased.
        let lower = || value.trim_ascii().to_ascii_lowercase();
        match self.attribute.as_slice() {
            b"aria-hidden" => self.hidden |= lower() == b"true",
            b"role" => self.hidden |= lower() == b"navigation",
            b"style" => {
                let squeezed: Vec<u8> = lower()
                    .into_iter()
                    .filter(|b| !b.is_ascii_whitespace())
                    .collect();
                self.hidden |= contains(&squeezed, b"display:none")
                    || contains(&squeezed, b"visibility:hidden");
            }
            b"type" => {
                let lower = lower();
                self.json_script |= lower == b"application/json" || lower == b"application/ld+json"
            }
            b"id" => self.json_script |= value == b"__NEXT_DATA__",
            _ => {}
        }
    }
}

/// How many elements of each name are open. The common names are counted in an array, found by
/// a `match` (no hashing on every tag); any other name in a map.
#[derive(Debug)]
struct OpenCounts {
    common: [usize; COMMON_NAMES],
    other: HashMap<Vec<u8>, usize>,
}

/// How many names [`OpenCounts::common_index`] knows.
const COMMON_NAMES: usize = 65;

impl Default for OpenCounts {
    fn default() -> Self {
        OpenCounts {
            common: [0; COMMON_NAMES],
            other: HashMap::new(),
        }
    }
}

impl OpenCounts {
    /// Where a common element name is counted (void elements are never open, so not here).
    fn common_index(name: &[u8]) -> Option<usize> {
        Some(match name {
            b"a" => 0,
            b"abbr" => 1,
            b"article" => 2,
            b"aside" => 3,
            b"b" => 4,
            b"body" => 5,
            b"button" => 6,
            b"caption" => 7,
            b"code" => 8,
            b"dd" => 9,
            b"details" => 10,
            b"div" => 11,
            b"dl" => 12,
            b"dt" => 13,
            b"em" => 14,
            b"fieldset" => 15,
            b"figure" => 16,
            b"footer" => 17,
            b"form" => 18,
            b"g" => 19,
            b"h1" => 20,
            b"h2" => 21,
            b"h3" => 22,
            b"h4" => 23,
            b"h5" => 24,
            b"h6" => 25,
            b"head" => 26,
            b"header" => 27,
            b"html" => 28,
            b"i" => 29,
            b"iframe" => 30,
            b"label" => 31,
            b"li" => 32,
            b"main" => 33,
            b"nav" => 34,
            b"noscript" => 35,
            b"ol" => 36,
            b"option" => 37,
            b"p" => 38,
            b"path" => 39,
            b"picture" => 40,
            b"pre" => 41,
            b"script" => 42,
            b"section" => 43,
            b"select" => 44,
            b"small" => 45,
            b"span" => 46,
            b"strong" => 47,
            b"style" => 48,
            b"sub" => 49,
            b"summary" => 50,
            b"sup" => 51,
            b"svg" => 52,
            b"table" => 53,
            b"tbody" => 54,
            b"td" => 55,
            b"template" => 56,
            b"th" => 57,
            b"thead" => 58,
            b"time" => 59,
            b"title" => 60,
            b"tr" => 61,
            b"u" => 62,
            b"ul" => 63,
            b"use" => 64,
            _ => return None,
        })
    }

    /// How many elements named `name` are open.
    fn get(&self, name: &[u8]) -> usize {
        match Self::common_index(name) {
            Some(i) => self.common[i],
            None => self.other.get(name).copied().unwrap_or(0),
        }
    }

    /// One more element named `name` is open.
    fn add(&mut self, name: &[u8]) {
        match Self::common_index(name) {
            Some(i) => self.common[i] += 1,
            None => match self.other.get_mut(name) {
                Some(count) => *count += 1,
                None => {
                    self.other.insert(name.to_vec(), 1);
                }
            },
        }
    }

    /// One element named `name` is closed.
    fn remove(&mut self, name: &[u8]) {
        let count = match Self::common_index(name) {
            Some(i) => &mut self.common[i],
            None => match self.other.get_mut(name) {
                Some(count) => count,
                None => return,
            },
        };
        *count = count.saturating_sub(1);
    }
}

/// An element that is open, with what it does to the text.
#[derive(Debug)]
struct Open {
    name: Vec<u8>,
    kind: Kind,
    /// Hidden by an attribute (or a skipped element): nothing inside is shown.
    hides: bool,
    /// The next number of an ordered list.
    next_number: u32,
}

/// Builds the text from the token events.
#[derive(Debug, Default)]
struct TextWriter {
    out: String,
    stack: Vec<Open>,
    /// How many of each element name are open, so an end tag with no open element costs O(1).
    open_counts: OpenCounts,
    tag: StartTag,
    /// How many open elements hide their content.
    hiding: usize,
    /// How many open `<pre>`-like elements keep whitespace.
    preformatted: usize,
    /// Open lists' indices in `stack`.
    lists: Vec<usize>,
    /// Line breaks owed before the next text.
    pending_breaks: u8,
    /// How many line breaks the output ends with.
    trailing_newlines: u8,
    /// Whitespace was seen since the last character.
    pending_space: bool,
    /// A table cell began since the last character.
    pending_cell: bool,
    /// A list item's bullet or number, written before its first text.
    pending_marker: Option<String>,
    /// Cells seen in the current table row.
    row_cells: usize,
    /// The newline right after `<pre>` is not shown.
    skip_newline: bool,
    /// The embedded JSON being collected, when inside such a `<script>`.
    json: Option<String>,
    embedded_studies: Vec<String>,
}

impl TextWriter {
    fn on_event(&mut self, event: Event<'_>) {
        match event {
            Event::StartTag(name) => {
                self.tag = StartTag::default();
                self.tag.name.extend_from_slice(name);
            }
            Event::AttributeName(name) => self.tag.on_attribute(name),
            Event::AttributeValue(value) => self.tag.on_value(value),
            Event::CloseStartTag { self_closing } => {
                let tag = std::mem::take(&mut self.tag);
                self.start(tag, self_closing);
            }
            Event::EndTag(name) => {
                self.tag = StartTag::default();
                self.end(name);
            }
            Event::Text(value) => self.text(value),
        }
    }

    fn start(&mut self, tag: StartTag, self_closing: bool) {
        let name = tag.name;
        if self.top_is(b"head") && !one_of(HEAD_CONTENT, &name) {
            self.close_through(b"head");
        }
        if one_of(VOID, &name) {
            if self.hiding == 0 {
                match name.as_slice() {
                    b"br" => self.line_break(),
                    b"hr" => self.require_breaks(1),
                    _ => {}
                }
            }
            return;
        }
        if self_closing {
            // `<div/>` is rare in saved pages; `<svg/>`, `<path/>` are common and have no content.
            return;
        }
        let kind = kind_of(&name);
        if kind == Kind::ListItem {
            self.close_open_list_item();
        }
        let hides = tag.hidden || matches!(kind, Kind::Skip | Kind::Head);
        if name == b"script" && tag.json_script {
            self.json = Some(String::new());
        }
        if self.hiding == 0 {
            self.open_effect(kind);
        }
        if hides {
            self.hiding += 1;
        }
        if kind == Kind::Pre {
            self.preformatted += 1;
        }
        if matches!(kind, Kind::List { .. }) {
            self.lists.push(self.stack.len());
        }
        self.open_counts.add(&name);
        self.stack.push(Open {
            name,
            kind,
            hides,
            next_number: 1,
        });
    }

    fn open_effect(&mut self, kind: Kind) {
        match kind {
            Kind::Block(n) => self.require_breaks(n),
            Kind::List { .. } | Kind::Row => {
                self.require_breaks(1);
                self.row_cells = 0;
            }
            Kind::ListItem => {
                self.require_breaks(1);
                let depth = self.lists.len().clamp(1, MAX_INDENT_DEPTH);
                let marker = match self.lists.last().and_then(|&i| self.stack.get_mut(i)) {
                    Some(list) if list.kind == (Kind::List { ordered: true }) => {
                        let n = list.next_number;
                        list.next_number = n.saturating_add(1);
                        format!("{n}. ")
                    }
                    _ => "• ".to_string(),
                };
                self.pending_marker = Some(format!("{}{marker}", "  ".repeat(depth)));
            }
            Kind::Cell => {
                self.pending_cell = self.row_cells > 0;
                self.row_cells += 1;
            }
            Kind::Pre => {
                self.require_breaks(1);
                self.skip_newline = true;
            }
            Kind::Skip | Kind::Head | Kind::Inline => {}
        }
    }

    fn close_effect(&mut self, kind: Kind) {
        match kind {
            Kind::Block(n) => self.require_breaks(n),
            Kind::List { .. } | Kind::Row | Kind::Pre => self.require_breaks(1),
            Kind::ListItem => {
                self.pending_marker = None;
                self.require_breaks(1);
            }
            Kind::Cell | Kind::Skip | Kind::Head | Kind::Inline => {}
        }
    }

    /// An `<li>` closes the list's previous item when it was left open (tag soup).
    fn close_open_list_item(&mut self) {
        let lookback = self.stack.iter().rev().take(MAX_IMPLICIT_CLOSE_LOOKBACK);
        for open in lookback {
            match open.kind {
                Kind::ListItem => {
                    self.close_through(b"li");
                    return;
                }
                Kind::List { .. } => return,
                _ => {}
            }
        }
    }

    fn top_is(&self, name: &[u8]) -> bool {
        self.stack.last().is_some_and(|o| o.name == name)
    }

    fn end(&mut self, name: &[u8]) {
        if name == b"br" {
            // `</br>` is a line break in browsers too.
            if self.hiding == 0 {
                self.line_break();
            }
            return;
        }
        self.close_through(name);
    }

    /// Closes open elements down to and including the innermost `name`; nothing when none is open.
    fn close_through(&mut self, name: &[u8]) {
        if self.open_counts.get(name) == 0 {
            return;
        }
        while let Some(open) = self.stack.pop() {
            self.open_counts.remove(&open.name);
            if matches!(open.kind, Kind::List { .. }) {
                self.lists.pop();
            }
            if open.kind == Kind::Pre {
                self.preformatted = self.preformatted.saturating_sub(1);
            }
            if open.hides {
                self.hiding = self.hiding.saturating_sub(1);
            }
            if open.name == b"script" {
                self.finish_json();
            }
            if self.hiding == 0 {
                self.close_effect(open.kind);
            }
            if open.name == name {
                return;
            }
        }
    }

    fn finish_json(&mut self) {
        if let Some(json) = self.json.take() {
            if json.contains("\"protocolSection\"") {
                self.embedded_studies.push(json);
            }
        }
    }

    fn require_breaks(&mut self, n: u8) {
        self.pending_breaks = self.pending_breaks.max(n);
    }

    fn write_pending_breaks(&mut self) {
        if !self.out.is_empty() {
            for _ in self.trailing_newlines..self.pending_breaks {
                self.out.push('\n');
                self.trailing_newlines += 1;
            }
        }
        self.pending_breaks = 0;
    }

    fn line_break(&mut self) {
        self.write_pending_breaks();
        self.out.push('\n');
        self.trailing_newlines = self.trailing_newlines.saturating_add(1);
        self.pending_space = false;
        self.pending_cell = false;
    }

    fn text(&mut self, text: &str) {
        if let Some(json) = self.json.as_mut() {
            json.push_str(text);
            return;
        }
        if self.hiding > 0 {
            return;
        }
        for c in text.chars() {
            if self.preformatted > 0 {
                if c == '\n' {
                    if !std::mem::take(&mut self.skip_newline) {
                        self.line_break();
                    }
                } else if c != '\r' {
                    self.skip_newline = false;
                    self.put(c, true);
                }
            } else if c.is_whitespace() {
                self.pending_space = true;
            } else {
                self.put(c, false);
            }
        }
    }

    /// Writes one shown character, after the breaks, marker, separator or space owed before it.
    fn put(&mut self, c: char, keep_space: bool) {
        self.write_pending_breaks();
        let line_start = self.out.as_bytes().last().is_none_or(|&b| b == b'\n');
        if line_start {
            if let Some(marker) = self.pending_marker.take() {
                self.out.push_str(&marker);
            }
        } else if self.pending_cell {
            self.out.push_str(" | ");
        } else if self.pending_space {
            self.out.push(' ');
        }
        self.pending_space = false;
        self.pending_cell = false;
        if keep_space || !line_start || !c.is_whitespace() {
            self.out.push(c);
        }
        self.trailing_newlines = 0;
    }

    fn finish(mut self) -> PageText {
        while self.out.ends_with(char::is_whitespace) {
            self.out.pop();
        }
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        PageText {
            text: self.out,
            embedded_studies: self.embedded_studies,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        html_to_text(html).text
    }

    /// An end tag closes the innermost open element of its name, common or not, and one with
    /// none open closes nothing.
    #[test]
    fn end_tags_close_only_what_is_open() {
        // `</div>` closes the custom element inside it too.
        assert_eq!(text("<div>a<x-card>b</div>c"), "ab\nc\n");
        // `</x-card>` closes the div inside it; the `</div>` after closes nothing, nor do end
        // tags of elements never opened.
        assert_eq!(
            text("<x-card><div>a</x-card>b</div>c</span></x-none>d"),
            "a\nbcd\n"
        );
        assert_eq!(text("<ul><li>a</ul></li><li>b"), "  • a\n  • b\n");
        // A skipped element hides what it holds until its own end tag.
        assert_eq!(text("<nav>a<x-nav>b</nav>c"), "c\n");
        assert_eq!(text("<x-a><x-a>a</x-a>b</x-a>c<p>d"), "abc\n\nd\n");
    }

    #[test]
    fn blocks_paragraphs_and_line_breaks() {
        assert_eq!(
            text("<div>a</div><div>b</div><p>c</p><h2>d</h2>e<br>f<br><br>g"),
            "a\nb\n\nc\n\nd\ne\nf\n\ng\n"
        );
        assert_eq!(text("  <div>\n  one\n  two  </div>  "), "one two\n");
        assert_eq!(
            text("<span>in</span><a href=x>line</a> <b>bold</b>"),
            "inline bold\n"
        );
    }

    #[test]
    fn nested_lists_become_indented_bullets() {
        let html = "<ul><li>one<ul><li>two<li>three</ul></li><li>four</ul>";
        assert_eq!(text(html), "  • one\n    • two\n    • three\n  • four\n");
        assert_eq!(text("<ol><li>a</li><li>b</li></ol>"), "  1. a\n  2. b\n");
        assert_eq!(text("<li></li><li>x</li>"), "  • x\n");
    }

    #[test]
    fn table_rows_become_lines_with_cells_separated() {
        let html = "<table><tr><th>Study Type :</th><td>Interventional</td></tr>\
                    <tr><td>Phase</td><td></td><td>Phase 2</td></tr></table>";
        assert_eq!(
            text(html),
            "Study Type : | Interventional\nPhase | Phase 2\n"
        );
    }

    #[test]
    fn entities_named_and_numeric_are_decoded() {
        assert_eq!(
            text(
                "a &amp; b &lt;30 &#8805;18 &#x2265; &eacute;t&eacute; caf&eacute;&nbsp;x &bogus;"
            ),
            "a & b <30 ≥18 ≥ été café x &bogus;\n"
        );
    }

    #[test]
    fn scripts_styles_head_navigation_and_hidden_elements_are_skipped() {
        let html = "<html><head><title>T</title><style>p{color:red}</style></head>\
            <body><nav><a>Home</a></nav><div role=navigation>Menu links</div>\
            <script>document.write('<p>x</p>')</script><noscript>Enable JS</noscript>\
            <template><p>tpl</p></template><div hidden>h1</div><div aria-hidden=\"true\">h2</div>\
            <div style=\"display: none\">h3</div><p>shown</p><svg><text>icon</text></svg></body></html>";
        assert_eq!(text(html), "shown\n");
    }

    #[test]
    fn an_unclosed_head_ends_at_the_first_body_element() {
        assert_eq!(text("<head><meta charset=utf-8><div>body</div>"), "body\n");
    }

    #[test]
    fn preformatted_text_keeps_its_lines() {
        assert_eq!(text("<pre>\na  b\n c</pre>d"), "a  b\n c\nd\n");
    }

    #[test]
    fn embedded_study_json_is_collected_raw() {
        let html = "<script id=\"__NEXT_DATA__\" type=\"application/json\">{\"protocolSection\":{\"a\":\"&amp;\"}}</script>\
                    <script type=\"application/ld+json\">{\"@type\":\"Other\"}</script><p>x</p>";
        let page = html_to_text(html);
        assert_eq!(
            page.embedded_studies,
            vec!["{\"protocolSection\":{\"a\":\"&amp;\"}}".to_string()]
        );
        assert_eq!(page.text, "x\n");
    }

    #[test]
    fn hostile_markup_never_panics_and_stays_linear() {
        let n = 50_000;
        let deep = format!("{}x{}", "<div><ul><li>".repeat(n), "</li>".repeat(n));
        assert!(text(&deep).contains('x'));
        let unclosed = format!("<ul>{}<li>last", "<div>".repeat(n));
        assert!(text(&unclosed).ends_with("• last\n"));
        let stray = format!("{}<p>ok", "</span></li></table>".repeat(n));
        assert_eq!(text(&stray), "ok\n");
        let huge_attr = format!("<div title=\"{}\">ok</div>", "a".repeat(1_000_000));
        assert_eq!(text(&huge_attr), "ok\n");
        assert_eq!(text("a <script>alert('<b>')</script> b"), "a b\n");
        assert_eq!(text("<div <<<>><p attr='unterminated>x"), ">\n");
        assert_eq!(text("<"), "<\n");
        assert_eq!(text(""), "");
    }
}
