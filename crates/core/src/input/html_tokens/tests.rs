use std::convert::Infallible;

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};
use proptest::prelude::*;

use super::*;

/// A token as the tests compare them: a start tag with its attributes, an end tag, or text
/// (adjacent texts joined).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Start {
        name: String,
        attributes: Vec<(String, String)>,
        self_closing: bool,
    },
    End(String),
    Text(String),
}

/// Builds [`Token`]s from events; a start tag the input ends inside is left out.
#[derive(Default)]
struct Tokens {
    out: Vec<Token>,
    name: String,
    attributes: Vec<(String, String)>,
}

impl Tokens {
    fn text(&mut self, text: &str) {
        if let Some(Token::Text(last)) = self.out.last_mut() {
            last.push_str(text);
        } else if !text.is_empty() {
            self.out.push(Token::Text(text.to_string()));
        }
    }

    fn event(&mut self, event: Event<'_>) {
        let s = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        match event {
            Event::StartTag(name) => {
                self.name = s(name);
                self.attributes.clear();
            }
            Event::AttributeName(name) => self.attributes.push((s(name), String::new())),
            Event::AttributeValue(value) => {
                if let Some(last) = self.attributes.last_mut() {
                    last.1 = s(value);
                }
            }
            Event::CloseStartTag { self_closing } => self.out.push(Token::Start {
                name: std::mem::take(&mut self.name),
                attributes: std::mem::take(&mut self.attributes),
                self_closing,
            }),
            Event::EndTag(name) => self.out.push(Token::End(s(name))),
            Event::Text(text) => self.text(text),
        }
    }
}

fn ours(html: &str) -> Vec<Token> {
    let mut tokens = Tokens::default();
    tokenize(html, |e| tokens.event(e));
    tokens.out
}

/// The same page through html5gum, switching to raw text after `<script>`, `<style>` … as
/// we do (its "naive" switching).
fn html5gum(html: &str) -> Vec<Token> {
    let mut tokens = Tokens::default();
    {
        let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, _: Span<()>| {
            match event {
                CallbackEvent::OpenStartTag { name } => tokens.event(Event::StartTag(name)),
                CallbackEvent::AttributeName { name } => tokens.event(Event::AttributeName(name)),
                CallbackEvent::AttributeValue { value } => {
                    tokens.event(Event::AttributeValue(value))
                }
                CallbackEvent::CloseStartTag { self_closing } => {
                    tokens.event(Event::CloseStartTag { self_closing })
                }
                CallbackEvent::EndTag { name } => tokens.event(Event::EndTag(name)),
                CallbackEvent::String { value } => tokens.text(&String::from_utf8_lossy(value)),
                CallbackEvent::Comment { .. }
                | CallbackEvent::Doctype { .. }
                | CallbackEvent::Error(_) => {}
            }
            None::<Infallible>
        });
        emitter.naively_switch_states(true);
        Tokenizer::new_with_emitter(html, emitter).for_each(drop);
    }
    tokens.out
}

fn start(name: &str, attributes: &[(&str, &str)]) -> Token {
    Token::Start {
        name: name.into(),
        attributes: attributes
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
        self_closing: false,
    }
}

fn text(t: &str) -> Token {
    Token::Text(t.into())
}

#[test]
fn tags_attributes_and_text_are_told_in_order() {
    assert_eq!(
        ours("<P Class=\"a b\" id=x hidden>One<BR/>two</p >"),
        vec![
            start("p", &[("class", "a b"), ("id", "x"), ("hidden", "")]),
            text("One"),
            Token::Start {
                name: "br".into(),
                attributes: vec![],
                self_closing: true
            },
            text("two"),
            Token::End("p".into()),
        ]
    );
}

#[test]
fn character_references_are_decoded_as_browsers_do() {
    assert_eq!(
        ours("&amp; &lt &notit; &ge;18 &#x41;&#66;&#0;&#128;&#xD800;&#99999999; &#; &bogus; &"),
        vec![text(
            "& < ¬it; ≥18 AB\u{FFFD}€\u{FFFD}\u{FFFD} &#; &bogus; &"
        )]
    );
    // In an attribute, a legacy name without `;` before `=` or a letter stays as written.
    assert_eq!(
        ours("<a href=\"?x=1&copy=2&amp;y&notx\">"),
        vec![start("a", &[("href", "?x=1&copy=2&y&notx")])]
    );
}

#[test]
fn every_named_reference_decodes_as_html5gums() {
    let names: Vec<&str> = super::entities::all().map(|(name, _)| name).collect();
    assert_eq!(names.len(), 2231, "the WHATWG list has 2,231 names");
    assert!(names.windows(2).all(|w| w[0] < w[1]), "sorted, each once");
    for name in names {
        for html in [format!("x&{name}y"), format!("<a title=\"&{name} \">")] {
            assert_eq!(ours(&html), html5gum(&html), "{html}");
        }
        assert_eq!(
            super::entities::lookup(name.as_bytes()).map(|(n, _)| n),
            Some(name)
        );
    }
    for absent in ["", "ampx", "zz;", "AElig;x", "\u{1}"] {
        assert_eq!(
            super::entities::lookup(absent.as_bytes()),
            None,
            "{absent:?}"
        );
    }
}

#[test]
fn raw_text_ends_only_at_its_own_end_tag() {
    assert_eq!(
        ours("<script>if (a<b) x = '</p>';</SCRIPT>&amp;"),
        vec![
            start("script", &[]),
            text("if (a<b) x = '</p>';"),
            Token::End("script".into()),
            text("&"),
        ]
    );
    assert_eq!(
        ours("<title>A &amp; B</title><style>p{} &amp;</style>"),
        vec![
            start("title", &[]),
            text("A & B"),
            Token::End("title".into()),
            start("style", &[]),
            text("p{} &amp;"),
            Token::End("style".into()),
        ]
    );
    // `<!-- <script>` escapes the script's own end tag until `-->`.
    assert_eq!(
        ours("<script><!-- <script>x</script> y --></script>z"),
        vec![
            start("script", &[]),
            text("<!-- <script>x</script> y -->"),
            Token::End("script".into()),
            text("z"),
        ]
    );
}

#[test]
fn comments_doctypes_and_stray_markup_are_not_text() {
    assert_eq!(
        ours("<!DOCTYPE html><!-- a -- b -->x<!-->y<?php ?>z</ >w< 1 </"),
        vec![text("xyzw< 1 </")]
    );
    // A tag the input ends inside is dropped.
    assert_eq!(ours("a<div class=\"b"), vec![text("a")]);
    assert_eq!(ours("a\r\nb\rc"), vec![text("a\nb\nc")]);
}

/// Pieces pages are made of, the awkward ones among them.
const PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=\"a\">",
    "</div>",
    "<ul>",
    "<ol>",
    "<li>",
    "</li>",
    "<table>",
    "<tr>",
    "<td>",
    "<th scope=col>",
    "</td>",
    "<br>",
    "<br/>",
    "</br>",
    "<script>",
    "</script>",
    "</script ",
    "<script type=application/json>",
    "<style>",
    "</style>",
    "<title>",
    "</title>",
    "<textarea>",
    "</textarea>",
    "<xmp>",
    "</xmp>",
    "<iframe>",
    "</iframe>",
    "<noscript>",
    "</noscript>",
    "<plaintext>",
    "<!--",
    "-->",
    "--!>",
    "<!-->",
    "<!--->",
    "<!-",
    "<!DOCTYPE html>",
    "<?xml version=\"1.0\"?>",
    "<![CDATA[x]]>",
    "&amp;",
    "&lt",
    "&notit;",
    "&not",
    "&ge;",
    "&#x41;",
    "&#65",
    "&#0;",
    "&#x110000;",
    "&#128;",
    "&#",
    "&#x;",
    "&",
    "&copy=",
    "<",
    ">",
    "</",
    "<!",
    "</ >",
    "</>",
    "<a href='x&amp=1'>",
    "<a title=x&ampy>",
    "<img alt=\"&lt;\">",
    "<span hidden>",
    "<div aria-hidden=\"true\">",
    "<x-y z=1/>",
    "<p/>",
    "<A HREF=X>",
    "<a b c=d e='f' g=\"h\">",
    "<a =b>",
    "<a b=>",
    "<a/b/>",
    "<a b\"c>",
    "\n",
    " ",
    "\t",
    "text",
    "Age ≥ 18",
    "é",
    "\r\n",
    "\r",
    "\0",
    "<Script>",
    "</SCRIPT>",
    "<script>",
    "<sCrIpT x>",
    "</script/>",
    "=",
    "\"",
    "'",
    "/",
    "<a b",
    "c=\"d",
    "-",
    "--",
    "<!--<script>",
    "</script>-->",
    "<svg><path d=\"M0\"/></svg>",
];

fn page() -> impl Strategy<Value = String> {
    proptest::collection::vec(0..PIECES.len(), 0..40)
        .prop_map(|picks| picks.into_iter().map(|k| PIECES[k]).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Pages made of awkward pieces tokenize as html5gum tokenizes them.
    #[test]
    fn tokens_are_html5gums(html in page()) {
        prop_assert_eq!(ours(&html), html5gum(&html), "{:?}", html);
    }

    /// Arbitrary text tokenizes as html5gum tokenizes it, and never panics.
    #[test]
    fn any_text_tokenizes_as_html5gum_does(html in "[<>/!?&#;=\"' a-zA-Z0-9\\-\\n\\x00é]{0,60}") {
        prop_assert_eq!(ours(&html), html5gum(&html), "{:?}", html);
    }
}

#[test]
fn the_saved_page_fixtures_tokenize_as_html5gum_does() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/saved_pages");
    let mut read = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(&path).unwrap();
            assert_eq!(ours(&html), html5gum(&html), "{}", path.display());
            read += 1;
        }
    }
    assert!(read >= 3, "{read} pages read");
}
