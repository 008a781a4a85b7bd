//! What an empty collection shows: what trialcards does, and the examples.

use yew::prelude::*;

/// Props of [`EmptyState`].
#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    /// Called when the user asks for the examples.
    pub on_load_examples: Callback<()>,
}

/// A short explanation and a "Load examples" button.
#[component]
pub fn EmptyState(props: &EmptyStateProps) -> Html {
    let onclick = {
        let on_load = props.on_load_examples.clone();
        Callback::from(move |_: MouseEvent| on_load.emit(()))
    };
    html! {
        <div class="empty-state">
            <h3>{ "Read trial pages as cards" }</h3>
            <p>
                { "Save or copy trial pages from ClinicalTrials.Veeva, meddatax.com, ClinicalTrials.gov \
                   and other registries, then paste them, choose them, or drop them anywhere on this page. \
                   Each trial becomes a card with its status, phases, enrollment, eligibility, arms, \
                   contacts and references, shaped like a ClinicalTrials.gov record." }
            </p>
            <p>{ "Everything happens in this browser: nothing you load is sent anywhere." }</p>
            <button type="button" {onclick}>{ "Load examples" }</button>
            <p class="hint">{ "Four fictional trials, one in each page layout trialcards reads." }</p>
        </div>
    }
}
