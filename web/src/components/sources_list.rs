//! The list of inputs, what came of each, and a way to remove each (or all).

use std::collections::BTreeMap;
use std::rc::Rc;

use trialcards_core::Severity;
use yew::prelude::*;

use super::ClearAll;
use crate::display::{count, counted};
use crate::state::SourceRef;

/// Props of [`SourcesList`].
#[derive(Properties, PartialEq)]
pub struct SourcesListProps {
    /// The loaded sources, oldest first.
    pub sources: Vec<SourceRef>,
    /// Called with a source's id when the user removes it.
    pub on_remove: Callback<u32>,
    /// Called when the user clears everything (after confirming); no "Clear all" without it.
    #[prop_or_default]
    pub on_clear_all: Option<Callback<()>>,
    /// Per source id: why it is not kept in this browser.
    #[prop_or_default]
    pub not_kept: Rc<BTreeMap<u32, AttrValue>>,
}

/// How many lines a long list shows at first, and how many more each "Show more" adds.
pub const WINDOW: usize = 200;

/// One line per source: its name and the records found, or an alert naming it. A list of
/// thousands shows its first [`WINDOW`] lines and every line with a problem (an alert is never
/// hidden), and says how many more there are, with buttons to show them.
#[component]
pub fn SourcesList(props: &SourcesListProps) -> Html {
    let window = use_state_eq(|| WINDOW);
    if props.sources.is_empty() {
        return Html::default();
    }
    let reading = props.sources.iter().filter(|s| s.pending).count();
    let listed = props.sources.len();
    let shown: Vec<&SourceRef> = props
        .sources
        .iter()
        .enumerate()
        .filter(|(i, s)| *i < *window || has_alert(s, &props.not_kept))
        .map(|(_, s)| s)
        .collect();
    let hidden = listed - shown.len();
    let more = {
        let window = window.clone();
        Callback::from(move |_: MouseEvent| window.set(*window + WINDOW))
    };
    let all = {
        let window = window.clone();
        Callback::from(move |_: MouseEvent| window.set(usize::MAX))
    };
    html! {
        <section class="sources" aria-labelledby="sources-heading">
            <div class="sources-header">
                <h3 id="sources-heading">{ "Sources" }</h3>
                if let Some(on_clear) = &props.on_clear_all { <ClearAll on_clear={on_clear.clone()} /> }
            </div>
            // While files keep coming, how many of those listed are still being read: a long
            // list's last lines may be far below.
            <p class="sources-reading" role="status" data-testid="sources-reading">
                if reading > 0 {
                    { reading_words(reading, listed) }
                }
            </p>
            <ul>
                { for shown.into_iter().map(|source| html! {
                    <SourceItem key={source.id} source={source.clone()} on_remove={props.on_remove.clone()}
                        not_kept={props.not_kept.get(&source.id).cloned()} />
                }) }
            </ul>
            if hidden > 0 {
                <p class="sources-hidden" data-testid="sources-hidden">
                    <span>{ hidden_words(hidden, listed) }</span>
                    <button type="button" onclick={more}>
                        { format!("Show {} more", count(hidden.min(WINDOW))) }
                    </button>
                    if hidden > WINDOW {
                        <button type="button" onclick={all}>
                            { format!("Show all {}", count(listed)) }
                        </button>
                    }
                </p>
            }
        </section>
    }
}

/// Whether a source's line carries an alert: a problem with the input, or not being kept.
fn has_alert(source: &SourceRef, not_kept: &BTreeMap<u32, AttrValue>) -> bool {
    source.problems.iter().any(|p| p.severity != Severity::Info)
        || not_kept.contains_key(&source.id)
}

/// "1 of the 201 files is not shown; …", "9,800 of the 10,000 files are not shown; …".
fn hidden_words(hidden: usize, listed: usize) -> String {
    let verb = if hidden == 1 { "is" } else { "are" };
    format!(
        "{} of the {} {verb} not shown; every one with a problem is.",
        count(hidden),
        counted(listed, "file", "files")
    )
}

/// Props of [`SourceItem`].
#[derive(Properties, PartialEq)]
pub struct SourceItemProps {
    /// The source (compared by identity, so an unchanged line is not rendered again).
    pub source: SourceRef,
    /// Called with the source's id when the user removes it.
    pub on_remove: Callback<u32>,
    /// Why it is not kept in this browser, if it is not.
    #[prop_or_default]
    pub not_kept: Option<AttrValue>,
}

/// One source's line.
#[component]
pub fn SourceItem(props: &SourceItemProps) -> Html {
    let (source, on_remove) = (&props.source, &props.on_remove);
    let found = match source.records.len() {
        _ if source.pending => "reading…".to_string(),
        0 => String::new(),
        n => counted(n, "record", "records"),
    };
    // Warnings about the records (a page cut off, a value that did not fit) are on their
    // cards; the list says how many there are so nothing odd goes unnoticed.
    let warnings = source
        .records
        .iter()
        .flat_map(|r| &r.trialcards.diagnostics)
        .filter(|d| d.severity != Severity::Info)
        .count();
    let onclick = {
        let (on_remove, id) = (on_remove.clone(), source.id);
        Callback::from(move |_: MouseEvent| on_remove.emit(id))
    };
    html! {
        <li class="source" aria-busy={source.pending.to_string()}>
            <div class="source-line">
                <span class="source-name">{ &source.name }</span>
                if !found.is_empty() { <span class="source-found">{ found }</span> }
                if warnings > 0 {
                    <span class="source-warnings">
                        { counted(warnings, "warning", "warnings") }
                    </span>
                }
                <button type="button" class="remove" {onclick}
                    aria-label={format!("Remove {} and its cards", source.name)}>{ "Remove" }</button>
            </div>
            // Errors and warnings about the input are alerts; notes ("3 studies were found")
            // are plain text.
            { for source.problems.iter().map(|p| match p.severity {
                Severity::Info => html! { <p class="source-note">{ &p.message }</p> },
                _ => html! { <p class="source-problem" role="alert">{ &p.message }</p> },
            }) }
            if let Some(not_kept) = &props.not_kept {
                <p class="source-problem not-kept" role="alert">{ not_kept.clone() }</p>
            }
        </li>
    }
}

/// "Reading 1 file…", "Reading 1,234 of the 10,000 files listed…" (files picked but not yet
/// read from the disk are not listed yet).
fn reading_words(reading: usize, listed: usize) -> String {
    if reading == listed {
        format!("Reading {}…", counted(reading, "file", "files"))
    } else {
        format!(
            "Reading {} of the {} listed…",
            count(reading),
            counted(listed, "file", "files")
        )
    }
}
