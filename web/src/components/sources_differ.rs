//! The sources of a trial read more than once (two sites, a page and its JSON): which they
//! are, which one the card shows, and each field they disagree on with every source's value.

use std::rc::Rc;

use yew::prelude::*;

use crate::display::layout_words;
use crate::trials::Trial;

/// Props of [`SourcesDiffer`].
#[derive(Properties, PartialEq)]
pub struct SourcesDifferProps {
    /// A trial read from more than one source.
    pub trial: Rc<Trial>,
}

/// Which sources a trial was read from, and each field they disagree on with every source's value.
#[component]
pub fn SourcesDiffer(props: &SourcesDifferProps) -> Html {
    let trial = &props.trial;
    let name = |i: usize| {
        let member = &trial.members[i];
        format!(
            "{} ({})",
            member.source.name,
            layout_words(&member.study().trialcards.source.layout)
        )
    };
    let differences = &trial.differences;
    html! {
        <section class={classes!("reconciled", (!differences.is_empty()).then_some("disagree"))}
            data-testid="reconciled" aria-label="Sources of this trial">
            <p class="reconciled-summary">
                { format!("Read from {} sources", trial.members.len()) }
                { if differences.is_empty() {
                    " — they agree on every field they share.".to_string()
                } else {
                    format!(" — they disagree on {} {}:", differences.len(),
                        if differences.len() == 1 { "field" } else { "fields" })
                } }
            </p>
            <ol class="reconciled-sources">
                { for (0..trial.members.len()).map(|i| html! {
                    <li class={classes!((i == trial.primary).then_some("shown"))}>
                        { name(i) }
                        if i == trial.primary { <span class="muted">{ " — shown on this card (updated last)" }</span> }
                    </li>
                }) }
            </ol>
            if !differences.is_empty() {
                <dl class="differences">
                    { for differences.iter().map(|d| html! {
                        <div class="difference" data-field={d.key}>
                            <dt>{ d.label }<span class="differs-mark" aria-hidden="true">{ " ≠" }</span></dt>
                            { for d.values.iter().map(|(i, value)| html! {
                                <dd><span class="difference-source">{ format!("{}: ", trial.members[*i].source.name) }</span>
                                    <span class="difference-value">{ value.clone() }</span></dd>
                            }) }
                        </div>
                    }) }
                </dl>
            }
        </section>
    }
}
