//! The page's frame, the same in the shell and the viewer: the header, the intake column
//! and the trials column.

use yew::prelude::*;

/// The header, then `intake` (paste box, picker, sources) and `cards` (the trials) in their
/// labelled sections. A plain function, not a component: its parts are the caller's to
/// render again.
pub fn page_layout(intake: Html, cards: Html) -> Html {
    html! {
        <>
            <header class="app-header">
                <h1>{ "trialcards" }</h1>
                <p class="tagline">{ "Saved clinical-trial registry pages, read as clear cards. Nothing you load leaves this browser." }</p>
            </header>
            <main class="layout">
                <section class="intake" aria-labelledby="intake-heading">
                    <h2 id="intake-heading" class="visually-hidden">{ "Add pages" }</h2>
                    { intake }
                </section>
                <section class="cards" aria-labelledby="cards-heading">
                    <h2 id="cards-heading" class="visually-hidden">{ "Trials" }</h2>
                    { cards }
                </section>
            </main>
        </>
    }
}
