//! The cards, one per record, in the order their sources were added.

use std::rc::Rc;

use yew::prelude::*;

use super::{Card, EmptyState};
use crate::state::Source;

/// Props of [`CardList`].
#[derive(Properties, PartialEq)]
pub struct CardListProps {
    /// The loaded sources; each of their records gets a card.
    pub sources: Vec<Rc<Source>>,
    /// Called with (source id, record index) when a card is removed.
    pub on_remove: Callback<(u32, usize)>,
    /// Called when the user asks for the examples (offered while nothing is loaded).
    pub on_load_examples: Callback<()>,
}

/// All cards, or a hint when there are none.
#[component]
pub fn CardList(props: &CardListProps) -> Html {
    let cards = props
        .sources
        .iter()
        .flat_map(|source| (0..source.records.len()).map(move |index| (source.clone(), index)));
    if props.sources.is_empty() {
        return html! { <EmptyState on_load_examples={props.on_load_examples.clone()} /> };
    }
    if props.sources.iter().all(|s| s.records.is_empty()) {
        return html! { <p class="empty-hint">{ "No trials found in what was loaded yet." }</p> };
    }
    html! {
        <div class="card-list">
            { for cards.map(|(source, index)| html! {
                <Card key={format!("{}-{index}", source.id)} source={source.clone()} {index}
                    on_remove={props.on_remove.clone()} />
            }) }
        </div>
    }
}
