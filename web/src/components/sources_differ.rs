//! The sources of a trial read more than once (two sites, a page and its JSON): which they
//! are, which one the card shows, and each field they disagree on with every source's value.

use std::rc::Rc;

use trialcards_core::collection::fields::field_by_key;
use yew::prelude::*;

use super::card_sections::{elsewhere_lines, lines_elsewhere, lines_words};
use super::source_view::SourceView;
use crate::display::layout_words;
use crate::state::SetApart;
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
    // The member whose source is open, and the lines it shows.
    let open = use_state(|| None::<(usize, [usize; 2])>);
    let set_apart = use_context::<SetApart>();
    let trial = &props.trial;
    let split = |i: usize| -> Html {
        let Some(SetApart(set)) = set_apart.clone() else {
            return Html::default();
        };
        let member = &trial.members[i];
        let (id, index) = (member.source.id, member.index);
        html! {
            <button type="button" class="link-button split"
                aria-label={format!("Split {} off: it is not this trial", member.source.name)}
                title="Not the same trial? Show this source as a trial of its own (kept until you join it again)"
                onclick={Callback::from(move |_: MouseEvent| set.emit((id, index, true)))}>
                { "Split off" }
            </button>
        }
    };
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
                if !trial.joined_by.is_empty() {
                    <span class="joined-by" data-testid="joined-by">{ format!(" ({})", trial.joined_by.join("; ")) }</span>
                }
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
                        { " " }{ split(i) }
                    </li>
                }) }
            </ol>
            if !trial.finer.is_empty() {
                <ul class="finer" data-testid="finer">
                    { for trial.finer.iter().map(|f| html! {
                        <li>{ format!("{}: {} gives it more precisely ({}); the others agree.",
                            f.label, trial.members[f.member].source.name, f.value) }</li>
                    }) }
                </ul>
            }
            if !differences.is_empty() {
                <dl class="differences">
                    { for differences.iter().map(|d| html! {
                        <div class="difference" data-field={d.key}>
                            <dt>{ d.label }<span class="differs-mark" aria-hidden="true">{ " ≠" }</span></dt>
                            { for d.values.iter().map(|(i, value)| {
                                let member = &trial.members[*i];
                                let lines = field_by_key(d.key).and_then(|f| f.lines(member.study()));
                                let (open, i) = (open.clone(), *i);
                                html! {
                                    <dd><span class="difference-source">{ format!("{}: ", member.source.name) }</span>
                                        <span class="difference-value">{ value.clone() }</span>
                                        if let (Some(lines), Some(file)) = (lines, lines_elsewhere(member.study())) {
                                            { elsewhere_lines(&member.source.name, &lines_words(lines), file) }
                                        } else if let Some(lines @ [first, last]) = lines {
                                            <button type="button" class="source-link"
                                                aria-label={format!("Show where {} says this: {} of its source", member.source.name, lines_words([first, last]))}
                                                onclick={Callback::from(move |_: MouseEvent| open.set(Some((i, lines))))}>
                                                { lines_words([first, last]) }
                                            </button>
                                        }
                                    </dd>
                                }
                            }) }
                        </div>
                    }) }
                </dl>
            }
            if let Some((i, at)) = *open {
                if let Some(member) = trial.members.get(i) {
                    <div class="differ-source">
                        <p class="muted">
                            { format!("The source text of {}", name(i)) }
                            { " " }
                            <button type="button" class="link-button"
                                onclick={{ let open = open.clone(); Callback::from(move |_: MouseEvent| open.set(None)) }}>
                                { "Hide" }
                            </button>
                        </p>
                        <SourceView source={member.source.clone()} index={member.index} at={Some(at)}
                            card_id={AttrValue::from(format!("card-{}-{}", member.source.id, member.index))} />
                    </div>
                }
            }
        </section>
    }
}
