//! The cards, one per record.

use trialcards_core::Study;
use yew::prelude::*;

use super::Card;

/// Props of [`CardList`].
#[derive(Properties, PartialEq)]
pub struct CardListProps {
    /// The records to show, in order.
    pub records: Vec<Study>,
}

/// All cards, or a hint when there are none.
#[component]
pub fn CardList(props: &CardListProps) -> Html {
    if props.records.is_empty() {
        return html! {
            <p class="empty-hint">{ "No trials yet. Paste a registry page or choose saved pages to see them as cards." }</p>
        };
    }
    html! {
        <div class="card-list">
            { for props.records.iter().map(|study| html! { <Card study={study.clone()} /> }) }
        </div>
    }
}
