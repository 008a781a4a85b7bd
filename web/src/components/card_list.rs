//! The cards, one per trial, in the view's order: the first [`CARD_STEP`] at once, then more
//! on request, so that a file holding thousands of pages never builds thousands of cards in
//! one go. Cards not yet on the page are drawn [`DRAW_STEP`] a task, so that fifty new cards
//! never hold the page's thread at once; the list is `aria-busy` until all are drawn.

use std::collections::HashSet;
use std::rc::Rc;

use gloo::timers::callback::Timeout;

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

/// How many cards not on the page yet are drawn in one task.
pub const DRAW_STEP: usize = 8;

/// The cards, or a hint when there are none.
#[component]
pub fn CardList(props: &CardListProps) -> Html {
    let shown = use_state(|| CARD_STEP);
    // The keys of the cards on the page after the last render, and a render of the next step.
    let on_page = use_mut_ref(HashSet::<String>::new);
    let redraw = use_force_update();
    let drawing = use_mut_ref(|| false);
    {
        let drawing = drawing.clone();
        use_effect(move || {
            let next = (*drawing.borrow()).then(|| Timeout::new(0, move || redraw.force_update()));
            move || drop(next)
        });
    }
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
    let wanted = total.min(*shown);
    let drawn = drawn_prefix(&props.trials[..wanted], &on_page.borrow());
    *on_page.borrow_mut() = props.trials[..drawn]
        .iter()
        .map(|t| t.key.clone())
        .collect();
    *drawing.borrow_mut() = drawn < wanted;
    html! {
        <>
            <div class="card-list" aria-busy={(drawn < wanted).to_string()}>
                { for props.trials[..drawn].iter().map(|trial| html! {
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

/// How many of `trials` to draw now: all of those already `on_page` and at most [`DRAW_STEP`]
/// new ones, as a prefix (the cards keep their order while the rest come).
fn drawn_prefix(trials: &[Rc<Trial>], on_page: &HashSet<String>) -> usize {
    let mut new = 0;
    trials
        .iter()
        .take_while(|trial| {
            if on_page.contains(&trial.key) {
                return true;
            }
            new += 1;
            new <= DRAW_STEP
        })
        .count()
}
