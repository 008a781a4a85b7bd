//! A card's verdict for the patient being checked: "Excluded — age 72 is over the maximum 65
//! Years (line 41)" or "Possible — 9 criteria need reading", with the reasons and the criteria
//! left, each a click away from its source lines. Never "eligible": free text remains.

use std::collections::HashMap;
use std::rc::Rc;

use trialcards_core::eligibility::{ReasonKind, Verdict, VerdictKind};
use yew::prelude::*;

use super::card_sections::lines_words;

/// The verdicts of the check in progress, by trial key; absent when no fact is given.
#[derive(Clone, PartialEq, Default)]
pub struct Verdicts(pub Option<Rc<HashMap<String, Rc<Verdict>>>>);

/// Props of [`VerdictBadge`].
#[derive(Properties, PartialEq)]
pub struct VerdictBadgeProps {
    /// The trial's verdict.
    pub verdict: Rc<Verdict>,
    /// Shows the card's source text at the lines given.
    pub on_source: Callback<Option<Option<[usize; 2]>>>,
}

/// The verdict, its reasons and the criteria left to read.
#[component]
pub fn VerdictBadge(props: &VerdictBadgeProps) -> Html {
    let v = &props.verdict;
    let lines_button = |lines: Option<[usize; 2]>, what: &str| -> Html {
        let Some(lines) = lines else {
            return Html::default();
        };
        let on_source = props.on_source.clone();
        let words = lines_words(lines);
        html! {
            <button type="button" class="source-link"
                aria-label={format!("Show {what}: {words} of the source")}
                onclick={Callback::from(move |_: MouseEvent| on_source.emit(Some(Some(lines))))}>
                { words }
            </button>
        }
    };
    let (class, headline) = match v.verdict {
        VerdictKind::Excluded => {
            let first = v.reasons.first();
            // The core's sentence names the line ("… the maximum 65 Years (line 17)").
            let why = first.map(|r| r.why.clone()).unwrap_or_default();
            let more = match v.reasons.len() {
                0 | 1 => String::new(),
                n => format!("; {} more reasons", n - 1),
            };
            ("excluded", format!("Excluded — {why}{more}"))
        }
        VerdictKind::Possible => {
            let left = v.unchecked.len();
            let text = match left {
                0 => "Possible — nothing given rules it out; no criterion is left to read"
                    .to_string(),
                1 => "Possible — nothing given rules it out; 1 criterion needs reading".to_string(),
                n => format!("Possible — nothing given rules it out; {n} criteria need reading"),
            };
            ("possible", text)
        }
    };
    let kind = |k: ReasonKind| match k {
        ReasonKind::Age => "Age",
        ReasonKind::Sex => "Sex",
        ReasonKind::Healthy => "Healthy volunteers",
        ReasonKind::Inclusion => "Inclusion",
        ReasonKind::Exclusion => "Exclusion",
    };
    html! {
        <details class={classes!("verdict", class)} data-testid="verdict" data-verdict={class}>
            <summary><span class="verdict-headline">{ headline }</span></summary>
            if !v.reasons.is_empty() {
                <ul class="verdict-reasons" aria-label="Why the trial excludes these facts">
                    { for v.reasons.iter().map(|r| html! {
                        <li>
                            <span class="verdict-kind">{ format!("{}: ", kind(r.kind)) }</span>
                            { r.why.clone() }
                            if let Some(c) = &r.criterion { <q class="verdict-criterion">{ c.clone() }</q> }
                            { lines_button(r.lines, "the criterion") }
                        </li>
                    }) }
                </ul>
            }
            if !v.unchecked.is_empty() {
                <p class="verdict-left">{ "For a person to read:" }</p>
                <ul class="verdict-unchecked" aria-label="Criteria left for a person to read">
                    { for v.unchecked.iter().map(|u| html! {
                        <li>
                            <span class="verdict-kind">{ format!("{}: ", kind(u.kind)) }</span>
                            { u.criterion.clone() }
                            <span class="verdict-why">{ format!(" — {}", u.why) }</span>
                            { lines_button(u.lines, "the criterion") }
                        </li>
                    }) }
                </ul>
            }
        </details>
    }
}
