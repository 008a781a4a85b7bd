//! The list of inputs and what came of each.

use yew::prelude::*;

use crate::state::Source;

/// Props of [`SourcesList`].
#[derive(Properties, PartialEq)]
pub struct SourcesListProps {
    /// The loaded sources, oldest first.
    pub sources: Vec<Source>,
}

/// One line per source: its name and the records found, or an alert naming it.
#[component]
pub fn SourcesList(props: &SourcesListProps) -> Html {
    if props.sources.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="sources" aria-label="Loaded sources">
            { for props.sources.iter().map(source_item) }
        </ul>
    }
}

fn source_item(source: &Source) -> Html {
    let found = match source.records.len() {
        0 => String::new(),
        1 => "1 record".to_string(),
        n => format!("{n} records"),
    };
    html! {
        <li key={source.id} class="source">
            <span class="source-name">{ &source.name }</span>
            if !found.is_empty() { <span class="source-found">{ found }</span> }
            { for source.problems.iter().map(|p| html! {
                <p class="source-problem" role="alert">{ &p.message }</p>
            }) }
        </li>
    }
}
