//! The cards, one per record, in the order their sources were added.

use std::rc::Rc;

use yew::prelude::*;

use super::Card;
use crate::state::Source;

/// Props of [`CardList`].
#[derive(Properties, PartialEq)]
pub struct CardListProps {
    /// The loaded sources; each of their records gets a card.
    pub sources: Vec<Rc<Source>>,
    /// Called with (source id, record index) when a card is removed.
    pub on_remove: Callback<(u32, usize)>,
}

/// All cards, or a hint when there are none.
#[component]
pub fn CardList(props: &CardListProps) -> Html {
    let cards = props
        .sources
        .iter()
        .flat_map(|source| (0..source.records.len()).map(move |index| (source.clone(), index)));
    if props.sources.iter().all(|s| s.records.is_empty()) {
        return html! {
            <p class="empty-hint">{ "No trials yet. Paste a registry page, choose saved pages, or drop them here to see them as cards." }</p>
        };
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
