//! Two to six trials side by side: fields as rows, trials as columns, and every field whose
//! values differ marked. The table scrolls sideways on a narrow screen with the field names
//! pinned.

use std::rc::Rc;

use trialcards_core::collection::compare::compare;
use trialcards_core::Study;
use yew::prelude::*;

use crate::trials::Trial;

pub use crate::pane_state::{COMPARE_MAX, COMPARE_MIN};

/// Props of [`Compare`].
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The trials compared, in the order they were picked.
    pub trials: Vec<Rc<Trial>>,
    /// Called to close the comparison (the picks are kept).
    pub on_close: Callback<()>,
    /// Called with a trial's key to take it out of the comparison.
    pub on_unpick: Callback<String>,
}

/// The comparison table.
#[component]
pub fn Compare(props: &CompareProps) -> Html {
    let only_differences = use_state(|| false);
    let studies: Vec<&Study> = props.trials.iter().map(|t| t.study()).collect();
    let rows = compare(&studies);
    let differing = rows.iter().filter(|r| r.differs).count();
    let toggle = {
        let only_differences = only_differences.clone();
        Callback::from(move |_: Event| only_differences.set(!*only_differences))
    };
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    html! {
        <section class="compare" aria-labelledby="compare-heading" data-testid="compare">
            <header class="compare-header">
                <h3 id="compare-heading">{ format!("Comparing {} trials", props.trials.len()) }</h3>
                <label class="only-differences">
                    <input type="checkbox" checked={*only_differences} onchange={toggle} />
                    { " Only fields that differ" }
                </label>
                <button type="button" class="secondary" onclick={close}>{ "Close comparison" }</button>
            </header>
            <p class="muted compare-summary">
                { format!("{differing} of {} fields differ; they are marked ≠.", rows.len()) }
            </p>
            <div class="compare-scroll" tabindex="0" role="region" aria-labelledby="compare-heading">
                <table class="compare-table">
                    <thead>
                        <tr>
                            <th scope="col" class="field-name">{ "Field" }</th>
                            { for props.trials.iter().map(|trial| {
                                let study = trial.study();
                                let title = study.brief_title().unwrap_or("Untitled trial").to_string();
                                let unpick = {
                                    let (on_unpick, key) = (props.on_unpick.clone(), trial.key.clone());
                                    Callback::from(move |_: MouseEvent| on_unpick.emit(key.clone()))
                                };
                                html! {
                                    <th scope="col" data-key={trial.key.clone()}>
                                        <span class="nct-id">{ study.nct_id().unwrap_or("No NCT ID") }</span>
                                        <span class="compare-title">{ title }</span>
                                        <button type="button" class="link-button" onclick={unpick}
                                            aria-label={format!("Take {} out of the comparison", trial.key)}>{ "Remove" }</button>
                                    </th>
                                }
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().filter(|r| r.differs || !*only_differences).map(|row| html! {
                            <tr class={classes!(row.differs.then_some("differs"))} data-field={row.key}>
                                <th scope="row" class="field-name">
                                    { row.label }
                                    if row.differs {
                                        <span class="differs-mark" title="The values differ">
                                            { " ≠" }<span class="visually-hidden">{ " (values differ)" }</span>
                                        </span>
                                    }
                                </th>
                                { for row.values.iter().map(|value| html! {
                                    <td>
                                        <div class="cell">
                                            { match value {
                                                Some(value) => html! { value.clone() },
                                                None => html! { <span class="muted" aria-label="not given">{ "—" }</span> },
                                            } }
                                        </div>
                                    </td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
