//! The shell: what the first visit loads instead of the whole viewer (see [`crate::handoff`]).
//! It draws the viewer's empty page and hands the first input over, so its WebAssembly
//! carries none of the reading, cards or collection tools.

use yew::prelude::*;

use crate::components::{page_layout, DropZone, EmptyState, FilePicker, KeepNote, PasteBox};
use crate::handoff::{self, Pending};
use crate::keep::{Availability, KeepView};

/// The empty page; the first paste, typed text, chosen files, drop or "Load examples" is
/// handed to the viewer, which it opens.
#[component]
pub fn Shell() -> Html {
    let opening = use_state_eq(|| false);
    let give = {
        let opening = opening.clone();
        Callback::from(move |pending: Pending| {
            handoff::hand_over(&pending);
            opening.set(true);
            handoff::open_app();
        })
    };
    // A box emptied again gives nothing to read.
    let on_typed = {
        let give = give.clone();
        Callback::from(move |text: String| {
            if !text.trim().is_empty() {
                give.emit(Pending::Typed(text));
            }
        })
    };
    let keep = KeepView {
        availability: Availability::Kept,
        ..KeepView::default()
    };
    let intake = html! {
        <>
            <PasteBox on_paste={give.reform(Pending::Paste)} {on_typed} />
            <FilePicker on_files={give.reform(Pending::Files)} />
            <KeepNote {keep} />
        </>
    };
    let cards = html! {
        <>
            <p class="record-count" data-testid="record-count" aria-live="polite">
                { if *opening { "Opening the reader…" } else { "0 trials" } }
            </p>
            <div>
                <EmptyState on_load_examples={give.reform(|()| Pending::Examples)} />
            </div>
        </>
    };
    html! {
        <DropZone on_drop={give.reform(Pending::Dropped)}>
            { page_layout(intake, cards) }
        </DropZone>
    }
}
