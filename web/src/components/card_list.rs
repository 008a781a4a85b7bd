//! The cards, one per trial, in the view's order: the first [`CARD_STEP`] at once, then more
//! on request, so that a file holding thousands of pages never builds thousands of cards in
//! one go.

use std::rc::Rc;

use trialcards_core::collection::search::Query;
use yew::prelude::*;

use super::compare::COMPARE_MAX;
use super::{Card, EmptyState};
use crate::display::count;
use crate::state::SourceRef;
use crate::trials::Trial;

/// Props of [`CardList`].
#[derive(Properties, PartialEq)]
pub struct CardListProps {
    /// The loaded sources (to tell "nothing loaded" from "nothing matches").
    pub sources: Vec<SourceRef>,
    /// The trials the view shows, in its order.
    pub trials: Rc<Vec<Rc<Trial>>>,
    /// Called with (source id, record index) of each record of a removed card.
    pub on_remove: Callback<Vec<(u32, usize)>>,
    /// Called when the user asks for the examples (offered while nothing is loaded).
    pub on_load_examples: Callback<()>,
    /// The keys of the trials picked for comparison.
    #[prop_or_default]
    pub picked: Rc<Vec<String>>,
    /// Called with (trial key, picked).
    #[prop_or_default]
    pub on_pick: Callback<(String, bool)>,
    /// The search, for the cards to say where each trial matched.
    #[prop_or_default]
    pub query: Rc<Query>,
    /// Called to clear the search and filters (offered when nothing matches).
    #[prop_or_default]
    pub on_clear_view: Callback<()>,
}

/// How many cards are shown at first, and how many more each "Show more" adds.
pub const CARD_STEP: usize = 50;

/// The cards, or a hint when there are none.
#[component]
pub fn CardList(props: &CardListProps) -> Html {
    let shown = use_state(|| CARD_STEP);
    if props.sources.is_empty() {
        return html! { <EmptyState on_load_examples={props.on_load_examples.clone()} /> };
    }
    if props.sources.iter().all(|s| s.records.is_empty()) {
        return html! { <p class="empty-hint">{ "No trials found in what was loaded yet." }</p> };
    }
    if props.trials.is_empty() {
        let clear = props.on_clear_view.reform(|_: MouseEvent| ());
        return html! {
            <p class="empty-hint">{ "No trial matches the search and filters. " }
                <button type="button" class="secondary" onclick={clear}>{ "Clear search and filters" }</button>
            </p>
        };
    }
    let total = props.trials.len();
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + CARD_STEP))
    };
    let can_pick = props.picked.len() < COMPARE_MAX;
    html! {
        <>
            <div class="card-list">
                { for props.trials.iter().take(*shown).map(|trial| html! {
                    <Card key={trial.key.clone()} trial={trial.clone()}
                        on_remove={props.on_remove.clone()}
                        picked={props.picked.contains(&trial.key)} {can_pick}
                        on_pick={props.on_pick.clone()} query={props.query.clone()} />
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
