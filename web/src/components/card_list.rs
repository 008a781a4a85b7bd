//! The cards, one per record, in the order their sources were added: the first
//! [`CARD_STEP`] at once, then more on request, so that a file holding thousands of pages
//! never builds thousands of cards in one go.

use yew::prelude::*;

use super::{Card, EmptyState};
use crate::display::count;
use crate::state::SourceRef;

/// Props of [`CardList`].
#[derive(Properties, PartialEq)]
pub struct CardListProps {
    /// The loaded sources; each of their records gets a card.
    pub sources: Vec<SourceRef>,
    /// Called with (source id, record index) when a card is removed.
    pub on_remove: Callback<(u32, usize)>,
    /// Called when the user asks for the examples (offered while nothing is loaded).
    pub on_load_examples: Callback<()>,
}

/// How many cards are shown at first, and how many more each "Show more" adds.
pub const CARD_STEP: usize = 50;

/// The cards, or a hint when there are none.
#[component]
pub fn CardList(props: &CardListProps) -> Html {
    let shown = use_state(|| CARD_STEP);
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
    let total: usize = props.sources.iter().map(|s| s.records.len()).sum();
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + CARD_STEP))
    };
    html! {
        <>
            <div class="card-list">
                { for cards.take(*shown).map(|(source, index)| html! {
                    <Card key={format!("{}-{index}", source.id)} source={source.clone()} {index}
                        on_remove={props.on_remove.clone()} />
                }) }
            </div>
            if total > *shown {
                <p class="more-cards">
                    { format!("Showing {} of {} trials. ", count(*shown), count(total)) }
                    <button type="button" class="button" onclick={more}>
                        { format!("Show {} more", CARD_STEP.min(total - *shown)) }
                    </button>
                </p>
            }
        </>
    }
}
