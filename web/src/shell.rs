//! The shell: what the first visit loads instead of the whole viewer (see [`crate::handoff`]).
//! It draws the viewer's empty page and hands the first input over, so its WebAssembly
//! carries none of the reading, cards or collection tools.

use yew::prelude::*;

use crate::components::{page_layout, DropZone, EmptyState, FilePicker, KeepNote, PasteBox};
use crate::handoff::{self, Pending};
use crate::keep::{Availability, KeepView};

/// Where the viewer's loading is.
#[derive(Debug, Clone, PartialEq)]
enum Opening {
    /// Nothing was given yet.
    NotYet,
    /// Asked for.
    Loading,
    /// It failed, for this reason.
    Failed(String),
}

/// The empty page; the first paste, typed text, chosen files, drop or "Load examples" is
/// handed to the viewer, which it opens.
#[component]
pub fn Shell() -> Html {
    let opening = use_state_eq(|| Opening::NotYet);
    let give = {
        let opening = opening.clone();
        Callback::from(move |pending: Pending| {
            handoff::hand_over(&pending);
            opening.set(Opening::Loading);
            let opening = opening.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // What was given stays handed over: the next input tries again and the
                // viewer then reads it all.
                match handoff::open_app().await {
                    // The viewer runs: it takes what is handed over, now or already.
                    Ok(()) => handoff::deliver(),
                    Err(why) => opening.set(Opening::Failed(why)),
                }
            });
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
                { if *opening == Opening::Loading { "Opening the reader…" } else { "0 trials" } }
            </p>
            if let Opening::Failed(why) = &*opening {
                <p class="load-error" role="alert">
                    { format!("The reader could not be loaded ({why}). What you gave is kept: \
                        the next paste, file or drop tries again and reads it all.") }
                </p>
            }
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
