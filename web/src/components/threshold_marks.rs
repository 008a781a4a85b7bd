//! A criterion's text with each threshold read from it marked: a subtle highlight on the words,
//! and the reading ("ANC ≥ 1.5 × 10⁹/L") shown beside them on hover or keyboard focus and read
//! out by a screen reader.

use trialcards_core::eligibility::marks;
use trialcards_core::model::CriterionItem;
use yew::prelude::*;

/// The item's text, its thresholds' words marked.
pub fn marked_text(item: &CriterionItem) -> Html {
    let text = &item.text;
    let found = marks(text, &item.thresholds);
    if found.is_empty() {
        return html! { { text.clone() } };
    }
    let mut out: Vec<Html> = Vec::with_capacity(found.len() * 2 + 1);
    let mut at = 0;
    for mark in found {
        if mark.start > at {
            out.push(html! { { text[at..mark.start].to_string() } });
        }
        let reading = mark
            .thresholds
            .iter()
            .map(|&i| item.thresholds[i].reading())
            .collect::<Vec<_>>()
            .join("; ");
        out.push(html! {
            <mark class="threshold" tabindex="0" data-reading={reading.clone()}>
                { text[mark.start..mark.end].to_string() }
                <span class="threshold-reading">
                    <span class="visually-hidden">{ " (read as " }</span>
                    { reading }
                    <span class="visually-hidden">{ ")" }</span>
                </span>
            </mark>
        });
        at = mark.end;
    }
    if at < text.len() {
        out.push(html! { { text[at..].to_string() } });
    }
    out.into_iter().collect()
}
