//! One trial card.

use trialcards_core::Study;
use yew::prelude::*;

/// Props of [`Card`].
#[derive(Properties, PartialEq)]
pub struct CardProps {
    /// The record shown.
    pub study: Study,
}

/// A trial's card: title and NCT ID (linking to its ClinicalTrials.gov page).
#[component]
pub fn Card(props: &CardProps) -> Html {
    let study = &props.study;
    let nct_id = study.nct_id().unwrap_or_default().to_string();
    let title = study.brief_title().unwrap_or("Untitled trial").to_string();
    html! {
        <article class="trial-card" data-nct-id={nct_id.clone()}>
            <h2>{ title }</h2>
            if !nct_id.is_empty() {
                <a class="nct-id" href={format!("https://clinicaltrials.gov/study/{nct_id}")}
                    target="_blank" rel="noopener noreferrer">{ nct_id }</a>
            }
        </article>
    }
}
