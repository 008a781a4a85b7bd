//! The list of inputs, what came of each, and a way to remove each.

use trialcards_core::Severity;
use yew::prelude::*;

use crate::state::SourceRef;

/// Props of [`SourcesList`].
#[derive(Properties, PartialEq)]
pub struct SourcesListProps {
    /// The loaded sources, oldest first.
    pub sources: Vec<SourceRef>,
    /// Called with a source's id when the user removes it.
    pub on_remove: Callback<u32>,
    /// Called when the user confirms "Clear all".
    #[prop_or_default]
    pub on_clear: Callback<()>,
}

/// One line per source: its name and the records found, or an alert naming it.
#[component]
pub fn SourcesList(props: &SourcesListProps) -> Html {
    let confirming = use_state(|| false);
    let cancel_ref = use_node_ref();
    {
        let cancel_ref = cancel_ref.clone();
        use_effect_with(*confirming, move |open| {
            if *open {
                if let Some(button) = cancel_ref.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    if props.sources.is_empty() {
        return Html::default();
    }
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let clear = {
        let (confirming, on_clear) = (confirming.clone(), props.on_clear.clone());
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            on_clear.emit(());
        })
    };
    let on_key = {
        let confirming = confirming.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                confirming.set(false);
            }
        })
    };
    let records: usize = props.sources.iter().map(|s| s.records.len()).sum();
    html! {
        <section class="sources" aria-labelledby="sources-heading">
            <div class="sources-heading">
                <h3 id="sources-heading">{ "Sources" }</h3>
                if !*confirming {
                    <button type="button" class="secondary clear-all" onclick={ask}>{ "Clear all…" }</button>
                }
            </div>
            if *confirming {
                <div class="confirm" role="alertdialog" aria-modal="false" aria-labelledby="confirm-clear"
                    onkeydown={on_key} data-testid="confirm-clear">
                    <p id="confirm-clear">
                        { format!("Remove all {} sources and their {} from this page and from this browser's storage?",
                            crate::display::count(props.sources.len()),
                            if records == 1 { "record".to_string() } else { format!("{} records", crate::display::count(records)) }) }
                    </p>
                    <button type="button" class="secondary" ref={cancel_ref} onclick={cancel}>{ "Cancel" }</button>
                    <button type="button" class="danger" onclick={clear}>{ "Clear all" }</button>
                </div>
            }
            <ul>
                { for props.sources.iter().map(|source| html! {
                    <SourceItem key={source.id} source={source.clone()} on_remove={props.on_remove.clone()} />
                }) }
            </ul>
        </section>
    }
}

/// Props of [`SourceItem`].
#[derive(Properties, PartialEq)]
pub struct SourceItemProps {
    /// The source (compared by identity, so an unchanged line is not rendered again).
    pub source: SourceRef,
    /// Called with the source's id when the user removes it.
    pub on_remove: Callback<u32>,
}

/// One source's line.
#[component]
pub fn SourceItem(props: &SourceItemProps) -> Html {
    let (source, on_remove) = (&props.source, &props.on_remove);
    let found = match source.records.len() {
        _ if source.pending => "reading…".to_string(),
        0 => String::new(),
        1 => "1 record".to_string(),
        n => format!("{} records", crate::display::count(n)),
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
                        { if warnings == 1 { "1 warning".to_string() } else { format!("{warnings} warnings") } }
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
        </li>
    }
}
