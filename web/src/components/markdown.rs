//! Markdown from registry pages (summaries, descriptions, arm descriptions),
//! rendered safely: the text is parsed with pulldown-cmark and the events are
//! turned into Yew nodes directly, never into an HTML string. Raw HTML in the
//! text is shown as text; links work only for http, https and mailto and open
//! in a new tab without a referrer; images are never loaded (the app requests
//! nothing from other origins) but shown as links.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag};
use yew::prelude::*;
use yew::virtual_dom::AttrValue;

/// Props of [`Markdown`].
#[derive(Properties, PartialEq)]
pub struct MarkdownProps {
    /// The markdown text (untrusted).
    pub text: AttrValue,
}

/// Renders `text` as markdown inside a `<div class="markdown">`.
#[component]
pub fn Markdown(props: &MarkdownProps) -> Html {
    html! { <div class="markdown">{ render_markdown(&props.text) }</div> }
}

/// One open element while events are walked: what it becomes, and its children so far.
struct Open {
    element: Element,
    children: Vec<Html>,
}

/// The elements markdown can open, with what each needs to render.
enum Element {
    Root,
    Block(&'static str),
    Heading(HeadingLevel),
    List(Option<u64>),
    Link(Option<String>),
    Image(Option<String>),
    CodeBlock,
}

/// Turns markdown into Yew nodes. Every event is placed: nothing is dropped, and
/// nothing the text says can become markup of its own.
pub fn render_markdown(text: &str) -> Html {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut stack = vec![Open {
        element: Element::Root,
        children: Vec::new(),
    }];
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(tag) => stack.push(Open {
                element: element_for(tag),
                children: Vec::new(),
            }),
            // Images end like any element: shown as links with their alt text, never fetched.
            Event::End(_) => {
                if stack.len() > 1 {
                    if let Some(open) = stack.pop() {
                        let node = close(open);
                        push(&mut stack, node);
                    }
                }
            }
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                push(&mut stack, html! { { t.into_string() } })
            }
            Event::Code(t) => push(&mut stack, html! { <code>{ t.into_string() }</code> }),
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                push(&mut stack, html! { { t.into_string() } })
            }
            Event::FootnoteReference(t) => {
                push(&mut stack, html! { <sup>{ t.into_string() }</sup> })
            }
            Event::SoftBreak => push(&mut stack, html! { { "\n" } }),
            Event::HardBreak => push(&mut stack, html! { <br /> }),
            Event::Rule => push(&mut stack, html! { <hr /> }),
            Event::TaskListMarker(done) => push(
                &mut stack,
                html! { <input type="checkbox" checked={done} disabled=true /> },
            ),
        }
    }
    // Unbalanced input cannot come from pulldown-cmark, but close whatever is open.
    while stack.len() > 1 {
        if let Some(open) = stack.pop() {
            let node = close(open);
            push(&mut stack, node);
        }
    }
    stack
        .pop()
        .map(|root| root.children.into_iter().collect())
        .unwrap_or_default()
}

fn push(stack: &mut [Open], node: Html) {
    if let Some(top) = stack.last_mut() {
        top.children.push(node);
    }
}

fn element_for(tag: Tag<'_>) -> Element {
    match tag {
        Tag::Paragraph => Element::Block("p"),
        Tag::Heading { level, .. } => Element::Heading(level),
        Tag::BlockQuote(_) => Element::Block("blockquote"),
        Tag::CodeBlock(CodeBlockKind::Fenced(_) | CodeBlockKind::Indented) => Element::CodeBlock,
        Tag::List(start) => Element::List(start),
        Tag::Item => Element::Block("li"),
        Tag::Emphasis => Element::Block("em"),
        Tag::Strong => Element::Block("strong"),
        Tag::Strikethrough => Element::Block("del"),
        Tag::Link { dest_url, .. } => Element::Link(safe_url(&dest_url)),
        Tag::Image { dest_url, .. } => Element::Image(safe_url(&dest_url)),
        Tag::Table(_) => Element::Block("table"),
        Tag::TableHead => Element::Block("thead"),
        Tag::TableRow => Element::Block("tr"),
        Tag::TableCell => Element::Block("td"),
        // Anything else (footnotes, definition lists, metadata, raw HTML blocks) keeps
        // its text in a plain container.
        _ => Element::Block("div"),
    }
}

fn close(open: Open) -> Html {
    let children: Html = open.children.into_iter().collect();
    match open.element {
        Element::Root => children,
        Element::Block(name) => html! { <@{name}>{ children }</@> },
        Element::Heading(level) => {
            // Card sections already use h2/h3: markdown headings start below them.
            let name = match level {
                HeadingLevel::H1 | HeadingLevel::H2 => "h4",
                HeadingLevel::H3 => "h5",
                _ => "h6",
            };
            html! { <@{name}>{ children }</@> }
        }
        Element::List(None) => html! { <ul>{ children }</ul> },
        Element::List(Some(start)) => html! { <ol start={start.to_string()}>{ children }</ol> },
        Element::CodeBlock => html! { <pre><code>{ children }</code></pre> },
        Element::Link(Some(url)) | Element::Image(Some(url)) => html! {
            <a href={url} target="_blank" rel="noopener noreferrer">{ children }</a>
        },
        // A link to anything but http(s) or mailto keeps its text and loses the link.
        Element::Link(None) | Element::Image(None) => html! { <span>{ children }</span> },
    }
}

/// The URL if it is an absolute http, https or mailto URL; `None` otherwise.
pub fn safe_url(url: &str) -> Option<String> {
    let trimmed = url.trim();
    let scheme_end = trimmed.find(':')?;
    let scheme = trimmed[..scheme_end].to_ascii_lowercase();
    let allowed = matches!(scheme.as_str(), "http" | "https" | "mailto");
    // A scheme with control characters or spaces would not be what the browser sees.
    let clean = !trimmed.chars().any(|c| c.is_control() || c.is_whitespace());
    (allowed && clean).then(|| trimmed.to_string())
}

/// The URL if it is an absolute http or https URL with a host (`https://example.org/x`), as
/// [`safe_url`] accepts it; `None` for anything else, `mailto:` included. For the web
/// addresses a record gives (IPD sharing, links), which are only ever shown as web links.
pub fn web_url(url: &str) -> Option<String> {
    let url = safe_url(url)?;
    let (scheme, rest) = url.split_once("://")?;
    let web = matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https");
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    (web && !host.is_empty()).then_some(url)
}
