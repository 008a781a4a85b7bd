//! The top-level component: intake on the left, cards on the right, and the
//! whole page a drop target.

use yew::prelude::*;

use crate::components::{CardList, DropZone, FilePicker, PasteBox, SourcesList};
use crate::state::{Action, Collection};

/// The whole viewer.
#[component]
pub fn App() -> Html {
    let collection = use_reducer(Collection::default);
    let on_paste = {
        let collection = collection.dispatcher();
        Callback::from(move |text: String| collection.dispatch(Action::AddPaste(text)))
    };
    let on_file = {
        let collection = collection.dispatcher();
        Callback::from(move |action: Action| collection.dispatch(action))
    };
    let on_remove = {
        let collection = collection.dispatcher();
        Callback::from(move |id: u32| collection.dispatch(Action::RemoveSource(id)))
    };
    let count = collection.record_count();
    html! {
        <DropZone on_file={on_file.clone()}>
            <header class="app-header">
                <h1>{ "trialcards" }</h1>
                <p class="tagline">{ "Saved clinical-trial registry pages, read as clear cards. Nothing you load leaves this browser." }</p>
            </header>
            <main class="layout">
                <section class="intake" aria-labelledby="intake-heading">
                    <h2 id="intake-heading" class="visually-hidden">{ "Add pages" }</h2>
                    <PasteBox on_paste={on_paste} />
                    <FilePicker on_file={on_file} />
                    <SourcesList sources={collection.sources.clone()} {on_remove} />
                </section>
                <section class="cards" aria-labelledby="cards-heading">
                    <h2 id="cards-heading" class="visually-hidden">{ "Trials" }</h2>
                    <p class="record-count" data-testid="record-count" aria-live="polite">
                        { record_count_text(count) }
                    </p>
                    <CardList records={collection.records().cloned().collect::<Vec<_>>()} />
                </section>
            </main>
        </DropZone>
    }
}

fn record_count_text(count: usize) -> String {
    match count {
        1 => "1 record".to_string(),
        n => format!("{n} records"),
    }
}
