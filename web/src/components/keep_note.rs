//! The note under the sources list: where what you load is kept and how to remove it, or
//! why this browser keeps nothing.

use yew::prelude::*;

use crate::keep::{Availability, KeepView};

/// Props of [`KeepNote`].
#[derive(Properties, PartialEq)]
pub struct KeepNoteProps {
    /// What there is to say about keeping.
    pub keep: KeepView,
}

/// One line about keeping, and any failure to delete what was kept. `data-keep` says the
/// state (`restoring`, `kept`, `off`) and `aria-busy` whether writes are under way.
#[component]
pub fn KeepNote(props: &KeepNoteProps) -> Html {
    let keep = &props.keep;
    let (state, note) = match &keep.availability {
        Availability::Restoring => (
            "restoring",
            html! { <p class="keep-line">{ "Reading what this browser kept…" }</p> },
        ),
        Availability::Kept => (
            "kept",
            html! {
                <p class="keep-line">
                    { "Kept in this browser only, in its storage for this site — nothing you load is sent anywhere. \
                       Remove a source, or Clear all, to delete it." }
                </p>
            },
        ),
        Availability::Off(reason) => (
            "off",
            html! {
                <p class="keep-problem" role="alert">
                    { format!("This browser will not keep what you load: {reason}. \
                               Everything else works, but what you load is gone after a reload.") }
                </p>
            },
        ),
    };
    html! {
        <div class="keep-note" data-keep={state} aria-busy={keep.saving.to_string()}>
            { note }
            { for keep.problems.iter().map(|p| html! { <p class="keep-problem" role="alert">{ p.clone() }</p> }) }
        </div>
    }
}
