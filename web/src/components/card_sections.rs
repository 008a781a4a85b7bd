//! The card's collapsible sections, rendered from the core's field list
//! ([`trialcards_core::collection::fields`]): each section of [`Section::PARTS`] the record
//! gives something for, with its fields in order — plain values as a facts list, markdown,
//! lists, chips and preformatted text as their kind asks, and the record's items by
//! [`card_entries`](super::card_entries). `<details>` makes them keyboard-accessible without
//! script.

use trialcards_core::collection::fields::{in_section, Field, Kind, Section};
use trialcards_core::model::Severity;
use trialcards_core::Study;
use yew::prelude::*;

use super::card_entries::entries;
use super::card_results::ResultsTables;
use super::markdown::{web_url, Markdown};
use super::source_view::SourceView;
use crate::display::{count, words};
use crate::state::SourceRef;

/// Props of [`CardSections`].
#[derive(Properties, PartialEq)]
pub struct CardSectionsProps {
    /// The source the record came from (shared, so passing it costs nothing); its text is
    /// what "View source text" shows.
    pub source: SourceRef,
    /// The record's index among the source's records.
    pub index: usize,
    /// The card's element id (`card-3-0`), the prefix of its fields' ids.
    pub card_id: AttrValue,
    /// Whether the source text is shown, and the lines it highlights.
    #[prop_or_default]
    pub source_at: Option<Option<[usize; 2]>>,
    /// Shows the source text at the lines given (`Some`), or hides it (`None`).
    pub on_source: Callback<Option<Option<[usize; 2]>>>,
}

/// How many items of each list a card shows at first, and how many more each "Show more"
/// adds: a hostile page can hold a million criteria or unrecognised lines, and rendering them
/// all at once would freeze the tab. The record keeps every item (Copy JSON has them all).
pub const LIST_STEP: usize = 200;

/// How a card shows its fields: its list limit and the way to raise it, the way to show a
/// value's source lines, and the card's id that prefixes its fields' ids.
#[derive(Clone)]
pub(super) struct Cap {
    limit: usize,
    more: Option<Callback<MouseEvent>>,
    source: Callback<Option<Option<[usize; 2]>>>,
    card_id: AttrValue,
    /// The file the record's lines are of when it is not the one loaded (our JSON read back).
    elsewhere: Option<AttrValue>,
}

impl Cap {
    /// A fixed limit, with no way to raise it (the summary under a card's header).
    pub(super) fn fixed(
        study: &Study,
        limit: usize,
        source: Callback<Option<Option<[usize; 2]>>>,
        card_id: AttrValue,
    ) -> Self {
        Cap {
            limit,
            more: None,
            source,
            card_id,
            elsewhere: lines_elsewhere(study).map(AttrValue::from),
        }
    }

    /// A limit that `more` raises (the results tables' event lists).
    pub(super) fn with_more(
        study: &Study,
        limit: usize,
        more: Callback<MouseEvent>,
        source: Callback<Option<Option<[usize; 2]>>>,
        card_id: AttrValue,
    ) -> Self {
        Cap {
            more: Some(more),
            ..Cap::fixed(study, limit, source, card_id)
        }
    }

    /// The element id of the field `key` on this card.
    pub(super) fn id(&self, key: &str) -> String {
        format!("{}-{key}", self.card_id)
    }

    /// A small button that shows where `label`'s value was read (`line 12`), or nothing when
    /// the record does not say.
    pub(super) fn source_button(&self, label: &str, lines: Option<[usize; 2]>) -> Html {
        let Some(lines) = lines else {
            return Html::default();
        };
        let words = lines_words(lines);
        if let Some(file) = &self.elsewhere {
            return elsewhere_lines(label, &words, file);
        }
        let source = self.source.clone();
        html! {
            <button type="button" class="source-link"
                aria-label={format!("Show where {label} was read: {words} of the source")}
                title={format!("Show {words} of the source")}
                onclick={Callback::from(move |_: MouseEvent| source.emit(Some(Some(lines))))}>
                { words }
            </button>
        }
    }

    /// The items of `items` the card shows now.
    pub(super) fn take<'a, T>(&self, items: &'a [T]) -> &'a [T] {
        &items[..items.len().min(self.limit)]
    }

    /// Under a list of `total` items: how many are shown and a button to show more (or, with
    /// a fixed limit, how many more there are).
    pub(super) fn note(&self, total: usize, what: &str) -> Html {
        if total <= self.limit {
            return Html::default();
        }
        match &self.more {
            Some(more) => html! {
                <p class="more-note">
                    { format!("Showing {} of {} {what}. ", count(self.limit), count(total)) }
                    <button type="button" class="link-button" onclick={more.clone()}>
                        { format!("Show {} more", LIST_STEP.min(total - self.limit)) }
                    </button>
                </p>
            },
            None => html! {
                <p class="more-note">{ format!("and {} more", count(total - self.limit)) }</p>
            },
        }
    }
}

/// The file a record's provenance lines are of, when it is not the source it was loaded from:
/// our JSON, read back, keeps the lines of the page it was first read from.
pub(super) fn lines_elsewhere(study: &Study) -> Option<&str> {
    study
        .trialcards
        .provenance_source
        .as_ref()
        .map(|first| first.file_name.as_str())
}

/// Where `label`'s value was read, in a file that is not loaded: said, not a link.
pub(super) fn elsewhere_lines(label: &str, words: &str, file: &str) -> Html {
    html! {
        <span class="source-link elsewhere" role="note"
            aria-label={format!("{label} was read from {words} of {file}, which is not loaded")}
            title={format!("{words} of {file}: this record was read back from trialcards JSON, and that file is not loaded")}>
            { words.to_string() }
        </span>
    }
}

/// Whether `value` is its type's default (a record without structured results).
fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// What one field adds to its section.
pub(super) enum Part {
    /// Rows of the section's facts list (`<div class="fact">` each).
    Facts(Html),
    /// A block of its own, under the heading when it is given and the section holds more
    /// than this block.
    Block(Option<&'static str>, Html),
}

/// "line 12", "lines 12–14".
pub(super) fn lines_words([first, last]: [usize; 2]) -> String {
    if first == last {
        format!("line {first}")
    } else {
        format!("lines {first}–{last}")
    }
}

/// A field's part with where it was read: its id on the card and its source button.
pub(super) struct Placed {
    /// What the field adds.
    pub(super) part: Part,
    /// Its element id on the card.
    pub(super) id: String,
    /// Its source button (nothing when the record does not say where it was read).
    pub(super) source: Html,
}

/// Every section the record has content for, the parser's notes, then the source text on
/// request.
#[component]
pub fn CardSections(props: &CardSectionsProps) -> Html {
    let limit = use_state(|| LIST_STEP);
    let Some(s) = props.source.records.get(props.index) else {
        return Html::default();
    };
    let cap = &Cap {
        limit: *limit,
        more: Some(Callback::from(move |_: MouseEvent| {
            limit.set(*limit + LIST_STEP)
        })),
        source: props.on_source.clone(),
        card_id: props.card_id.clone(),
        elsewhere: lines_elsewhere(s).map(AttrValue::from),
    };
    let shown = props.source_at.is_some();
    let toggle_source = {
        let on_source = props.on_source.clone();
        Callback::from(move |_: MouseEvent| on_source.emit((!shown).then_some(None)))
    };
    html! {
        <div class="card-sections">
            { for Section::PARTS.iter().map(|section| section_html(s, *section, cap, props)) }
            { diagnostics(s, cap) }
            <div class="source-text">
                <button type="button" class="link-button" aria-expanded={shown.to_string()}
                    onclick={toggle_source}>
                    { if shown { "Hide source text" } else { "View source text" } }
                </button>
                if let Some(at) = props.source_at {
                    <SourceView source={props.source.clone()} index={props.index} {at}
                        card_id={props.card_id.clone()} />
                }
            </div>
        </div>
    }
}

/// One collapsible section, or nothing when none of its fields has a value; the results
/// section adds the tables of the record `at` gives (its source, index and card).
fn section_html(s: &Study, section: Section, cap: &Cap, at: &CardSectionsProps) -> Html {
    let body = if section == Section::Results && !is_default(&s.results_section) {
        // The tables before the page's own text of the results parts, which they hold already.
        let page_text = |f: &&Field| f.kind == Kind::Preformatted || f.key == "resultSections";
        html! {
            <>
                { fields_html(s, in_section(section).filter(|f| !page_text(f)), section.title(), cap) }
                <ResultsTables source={at.source.clone()} index={at.index}
                    card_id={at.card_id.clone()} on_source={at.on_source.clone()} />
                { fields_html(s, in_section(section).filter(page_text), section.title(), cap) }
            </>
        }
    } else {
        fields_html(s, in_section(section), section.title(), cap)
    };
    if body == Html::default() {
        return body;
    }
    let title = match section {
        Section::NotRecognised => format!(
            "{} ({})",
            section.title(),
            count(s.trialcards.unrecognized.len())
        ),
        _ => section.title().to_string(),
    };
    html! {
        <details class={classes!("section", section.class())}>
            <summary><h3>{ title }</h3></summary>
            <div class="section-body">{ body }</div>
        </details>
    }
}

/// The fields' parts in order: each run of facts as one list, each block under its heading
/// (none when it is the only part and `title`, the section's, already names it). Nothing
/// when no field has a value.
pub(super) fn fields_html<'a>(
    s: &Study,
    fields: impl Iterator<Item = &'a Field>,
    title: &str,
    cap: &Cap,
) -> Html {
    let parts: Vec<Placed> = fields.filter_map(|f| placed(s, f, cap)).collect();
    let alone = parts.len() == 1;
    let title = title.to_lowercase();
    let mut out: Vec<Html> = Vec::new();
    let mut facts: Vec<Html> = Vec::new();
    let flush = |facts: &mut Vec<Html>, out: &mut Vec<Html>| {
        if !facts.is_empty() {
            out.push(html! { <dl class="facts">{ for facts.drain(..) }</dl> });
        }
    };
    for Placed { part, id, source } in parts {
        match part {
            Part::Facts(rows) => facts.push(rows),
            Part::Block(heading, body) => {
                flush(&mut facts, &mut out);
                let named = alone && title.contains(&heading.unwrap_or_default().to_lowercase());
                match (heading, named) {
                    (Some(heading), false) => out.push(html! {
                        <h4 {id} tabindex="-1">{ heading }{ source }</h4>
                    }),
                    _ => out
                        .push(html! { <p class="field-source" {id} tabindex="-1">{ source }</p> }),
                }
                out.push(body);
            }
        }
    }
    flush(&mut facts, &mut out);
    if out.is_empty() {
        return Html::default();
    }
    out.into_iter().collect()
}

/// What `field` adds to its section, with its id on the card and its source button.
pub(super) fn placed(s: &Study, field: &Field, cap: &Cap) -> Option<Placed> {
    let source = cap.source_button(field.label, field.lines(s));
    let id = cap.id(field.key);
    let part = part(s, field, cap, &id, &source)?;
    Some(Placed { part, id, source })
}

/// What `field` adds to its section, as its kind shows it (a facts row of its own carries
/// `id` and the `source` button); `None` when the record does not give it.
fn part(s: &Study, field: &Field, cap: &Cap, id: &str, source: &Html) -> Option<Part> {
    if field.kind == Kind::Entries {
        return entries(field, s, cap);
    }
    let (values, note) = field.shown(s);
    if values.is_empty() {
        return None;
    }
    let fact = |value: Html| {
        Part::Facts(fact_row(
            field.label,
            value,
            source.clone(),
            Some(id.to_string()),
        ))
    };
    let label = Some(field.label);
    Some(match field.kind {
        Kind::Text | Kind::Code | Kind::Date | Kind::Count | Kind::Entries => {
            let value = values.join(field.joiner);
            fact(html! { match note {
                Some(note) => format!("{value} ({note})"),
                None => value,
            } })
        }
        Kind::Link => fact(html! {
            { for values.iter().map(|url| web_link(url, Some(url))) }
        }),
        Kind::Markdown => Part::Block(
            label,
            html! { { for values.into_iter().map(|text| html! { <Markdown {text} /> }) } },
        ),
        Kind::Preformatted => {
            let tabulated = s.results_section.tabulates(field.label);
            Part::Block(
                label,
                html! { { for values.iter().map(|text| page_text(text, tabulated)) } },
            )
        }
        Kind::List => Part::Block(
            label,
            html! {
                <>
                    <ul>{ for cap.take(&values).iter().map(|v| html! { <li>{ v }</li> }) }</ul>
                    { cap.note(values.len(), "items") }
                </>
            },
        ),
        Kind::Chips => Part::Block(label, chips(field.label, &values, cap)),
    })
}

/// A list of short terms as chips.
pub(super) fn chips(label: &str, values: &[String], cap: &Cap) -> Html {
    html! {
        <>
            <ul class="chips" aria-label={label.to_string()}>
                { for cap.take(values).iter().map(|v| html! { <li class="chip">{ v }</li> }) }
            </ul>
            { cap.note(values.len(), "terms") }
        </>
    }
}

/// A row of the facts list: `label`, then `value` and its `source` button; with an `id`, the
/// row is the field's place on the card (focusable, for the source view's way back to it).
pub(super) fn fact_row(label: &str, value: Html, source: Html, id: Option<String>) -> Html {
    html! {
        <div class="fact" tabindex={id.is_some().then_some("-1")} {id}>
            <dt>{ label }</dt>
            <dd>{ value }{ source }</dd>
        </div>
    }
}

/// `text`, as a link to `url` when `url` is an http(s) address ([`web_url`]); else plain text.
pub(super) fn web_link(text: &str, url: Option<&str>) -> Html {
    match url.and_then(web_url) {
        Some(url) => html! {
            <a href={url} target="_blank" rel="noopener noreferrer">{ text }</a>
        },
        None => html! { { text } },
    }
}

/// The parser's notes on the record: not the trial's data, so no field of the list.
fn diagnostics(s: &Study, cap: &Cap) -> Html {
    let diags = &s.trialcards.diagnostics;
    if diags.is_empty() {
        return Html::default();
    }
    html! {
        <details class="section diagnostics">
            <summary><h3>{ format!("Notes from the parser ({})", count(diags.len())) }</h3></summary>
            <div class="section-body">
                <ul class="diagnostics">
                    { for cap.take(diags).iter().map(|d| {
                        let level = match d.severity {
                            Severity::Info => "Note",
                            Severity::Warning => "Warning",
                            Severity::Error => "Error",
                        };
                        html! {
                            <li class={classes!("diagnostic", words(level).to_lowercase())}>
                                <strong>{ level }</strong>
                                if let Some(line) = d.line { { format!(" (line {line})") } }
                                { format!(": {}", d.message) }
                            </li>
                        }
                    }) }
                </ul>
                { cap.note(diags.len(), "notes") }
            </div>
        </details>
    }
}

/// A results page's text of one part, as the page shows it: folded away under a summary when
/// it was read into the Results tables (they show it already), open when it is all there is.
pub fn page_text(text: &str, tabulated: bool) -> Html {
    let pre = html! { <pre class="results-text" tabindex="0">{ text }</pre> };
    if tabulated {
        html! {
            <details class="page-text">
                <summary>{ "The page's text of this part (read into the Results tables)" }</summary>
                { pre }
            </details>
        }
    } else {
        pre
    }
}
