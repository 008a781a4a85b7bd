//! One trial card: header with title, ID and sponsor; badges; key facts at a
//! glance; collapsible sections; and the card's actions.

use std::rc::Rc;

use trialcards_core::collection::fields::{field_by_key, in_section, Section};
use trialcards_core::collection::links::study_url;
use trialcards_core::collection::search::Query;
use trialcards_core::model::{CtEnum, Status};
use trialcards_core::Study;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use super::card_sections::{fields_html, placed, Cap, CardSections, Part};
use super::sources_differ::SourcesDiffer;
use super::verdict::{VerdictBadge, Verdicts};
use crate::display::{code_words, layout_words, StatusMeaning};
use crate::state::SetApart;
use crate::trials::Trial;

/// Props of [`Card`].
#[derive(Properties, PartialEq)]
pub struct CardProps {
    /// The trial: its records (one per source that holds it) and the one shown.
    pub trial: Rc<Trial>,
    /// Called with (source id, record index) of each of the trial's records to remove the card.
    pub on_remove: Callback<Vec<(u32, usize)>>,
    /// Whether the trial is picked for comparison.
    #[prop_or_default]
    pub picked: bool,
    /// Whether it can be picked (fewer than the most trials compared are picked).
    #[prop_or(true)]
    pub can_pick: bool,
    /// Called with (trial key, picked) when the "Compare" box is ticked or cleared.
    #[prop_or_default]
    pub on_pick: Callback<(String, bool)>,
    /// The search, to say where the trial matched.
    #[prop_or_default]
    pub query: Rc<Query>,
}

/// A trial's card.
#[component]
pub fn Card(props: &CardProps) -> Html {
    let copied = use_state(|| None::<&'static str>);
    // Whether the source text is open, and the lines it highlights.
    let source_at = use_state(|| None::<Option<[usize; 2]>>);
    let on_source = {
        let source_at = source_at.clone();
        Callback::from(move |at: Option<Option<[usize; 2]>>| source_at.set(at))
    };
    let trial = &props.trial;
    let member = trial.shown();
    let (source, index) = (member.source.clone(), member.index);
    let Some(study) = source.records.get(index) else {
        return Html::default();
    };
    let id = &study.protocol_section.identification_module;
    let nct_id = id.nct_id.clone().unwrap_or_default();
    let title = id
        .brief_title
        .clone()
        .or_else(|| id.official_title.clone())
        .unwrap_or_else(|| "Untitled trial".to_string());
    let heading_id = format!("card-{}-{}", source.id, index);
    let sponsor = study
        .protocol_section
        .sponsor_collaborators_module
        .lead_sponsor
        .as_ref()
        .and_then(|s| s.name.clone());

    let on_remove = {
        let (on_remove, keys) = (props.on_remove.clone(), trial.record_keys());
        Callback::from(move |_: MouseEvent| on_remove.emit(keys.clone()))
    };
    let on_pick = {
        let (on_pick, key, picked) = (props.on_pick.clone(), trial.key.clone(), props.picked);
        Callback::from(move |_: Event| on_pick.emit((key.clone(), !picked)))
    };
    let on_copy = {
        // The shared source, not a copy of the record: the record is looked up on click.
        let (source, copied) = (source.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(study) = source.records.get(index) else {
                return;
            };
            let copied = copied.clone();
            let json = study_json(study);
            wasm_bindgen_futures::spawn_local(async move {
                let clipboard = gloo::utils::window().navigator().clipboard();
                let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&json)).await;
                copied.set(Some(if done.is_ok() {
                    "JSON copied"
                } else {
                    "Could not copy: the browser refused"
                }));
            });
        })
    };
    let matched: Vec<&'static str> = if props.query.is_empty() {
        Vec::new()
    } else {
        let mut fields = Vec::new();
        for member in &trial.members {
            for field in props.query.matched_fields(member.text()) {
                if !fields.contains(&field) {
                    fields.push(field);
                }
            }
        }
        fields
    };
    // The verdict of the patient check, when one is in progress.
    let verdict = use_context::<Verdicts>()
        .and_then(|Verdicts(v)| v)
        .and_then(|v| v.get(&props.trial.key).cloned());
    // A record the user split off says so, with the way back.
    let apart = use_context::<SetApart>()
        .filter(|_| study.trialcards.apart)
        .map(|SetApart(set)| {
            let (id, index) = (source.id, index);
            Callback::from(move |_: MouseEvent| set.emit((id, index, false)))
        });
    let who = if nct_id.is_empty() {
        "this trial".to_string()
    } else {
        nct_id.clone()
    };

    html! {
        <article class={classes!("trial-card", props.picked.then_some("picked"))} data-nct-id={nct_id.clone()}
            data-key={trial.key.clone()} data-records={trial.members.len().to_string()}
            aria-labelledby={heading_id.clone()}>
            <header class="card-header">
                <div class="badges">
                    { badges(study) }
                    if trial.members.len() > 1 {
                        <span class="badge sources-count" data-testid="sources-count">
                            { format!("{} sources", trial.members.len()) }
                        </span>
                    }
                </div>
                <h2 id={heading_id.clone()}>
                    { title }
                    if let Some(acronym) = id.acronym.clone() {
                        <span class="acronym">{ format!(" ({acronym})") }</span>
                    }
                </h2>
                <p class="card-meta">
                    if let Some(url) = study_url(&nct_id) {
                        <a class="nct-id" href={url} target="_blank" rel="noopener noreferrer">{ nct_id.clone() }</a>
                    } else if !nct_id.is_empty() {
                        <span class="nct-id">{ nct_id.clone() }</span>
                    }
                    if let Some(sponsor) = sponsor {
                        <span class="sponsor">{ sponsor }</span>
                    }
                    <span class="card-layout">{ source_words(&study.trialcards.source) }</span>
                </p>
                if !matched.is_empty() {
                    <p class="matched-in" data-testid="matched-in">
                        { format!("Found in: {}", matched.join(", ")) }
                    </p>
                }
            </header>
            if trial.members.len() > 1 {
                <SourcesDiffer trial={trial.clone()} />
            }
            if let Some(join) = apart {
                <p class="split-note" data-testid="split-note">
                    { format!("You split {} off the trial it shares registry IDs with; it is shown on its own. ", source.name) }
                    <button type="button" class="link-button" onclick={join}
                        aria-label={format!("Join {} again with the trial it shares registry IDs with", source.name)}>
                        { "Join again" }
                    </button>
                </p>
            }
            if let Some(verdict) = verdict {
                <VerdictBadge {verdict} on_source={on_source.clone()} />
            }
            { key_facts(study, &Cap::fixed(study, KEY_LIST_LIMIT, on_source.clone(), AttrValue::from(heading_id.clone()))) }
            <CardSections {source} {index} card_id={heading_id.clone()} source_at={*source_at} {on_source} />
            <footer class="card-actions">
                <label class={classes!("pick", (!props.can_pick && !props.picked).then_some("disabled"))}
                    title={if props.can_pick || props.picked { "Pick for a side-by-side comparison" } else { "Six trials are picked: the most compared at once" }}>
                    <input type="checkbox" checked={props.picked} disabled={!props.can_pick && !props.picked}
                        onchange={on_pick} aria-label={format!("Compare {who}")} />
                    { " Compare" }
                </label>
                <button type="button" class="secondary" onclick={on_copy}>{ "Copy JSON" }</button>
                <button type="button" class="secondary" onclick={on_remove}
                    aria-label={format!("Remove card for {who}")}>
                    { "Remove card" }
                </button>
                <span class="copy-status" aria-live="polite">{ copied.unwrap_or_default() }</span>
            </footer>
        </article>
    }
}

/// The status fields the header shows as badges, not as facts.
const BADGES: &[&str] = &["overallStatus", "hasResults"];

/// The header's badges: the status (coloured by what it means), the phases and study type,
/// and whether results are posted, worded by the field list.
fn badges(study: &Study) -> Html {
    let status = study.protocol_section.status_module.overall_status;
    let values = |key: &str| {
        field_by_key(key)
            .map(|f| f.values(study))
            .unwrap_or_default()
    };
    html! {
        <>
            { status_badge(status) }
            { for values("phases").into_iter().map(|p| html! { <span class="badge phase">{ p }</span> }) }
            { for values("studyType").into_iter().map(|t| html! { <span class="badge study-type">{ t }</span> }) }
            if study.has_results == Some(true) {
                <span class="badge has-results">{ "Has results" }</span>
            }
        </>
    }
}

fn status_badge(status: Option<Status>) -> Html {
    match status {
        Some(status) => {
            let meaning = StatusMeaning::of(status);
            html! {
                <span class={classes!("badge", "status", meaning.class())} data-status={status.code()}>
                    { code_words(status) }
                </span>
            }
        }
        None => html! { <span class="badge status status-unknown">{ "Status not stated" }</span> },
    }
}

/// The facts at a glance (the status fields not shown as badges, then the key facts), and the
/// conditions, keywords and interventions under them, at most [`KEY_LIST_LIMIT`] of each.
fn key_facts(study: &Study, cap: &Cap) -> Html {
    let facts = in_section(Section::Status)
        .filter(|f| !BADGES.contains(&f.key))
        .chain(in_section(Section::KeyFacts));
    html! {
        <>
            { fields_html(study, facts, Section::KeyFacts.title(), cap) }
            { for in_section(Section::Topics).filter_map(|f| placed(study, f, cap)).map(|p| match p.part {
                Part::Block(_, body) => html! {
                    <div class="topic" id={p.id} tabindex="-1">{ body }{ p.source }</div>
                },
                Part::Facts(rows) => html! { <dl class="facts">{ rows }</dl> },
            }) }
        </>
    }
}

/// How many conditions and interventions a card's summary shows (the record keeps them all).
const KEY_LIST_LIMIT: usize = 30;

/// Where the record was read from: "Read from a ClinicalTrials.Veeva page saved as HTML".
fn source_words(source: &trialcards_core::model::SourceInfo) -> String {
    let container = match source.format.as_deref() {
        Some("html") => " saved as HTML",
        Some("mhtml") => " saved as a single file (MHTML)",
        _ => "",
    };
    format!("Read from a {}{container}", layout_words(&source.layout))
}

/// The record as pretty JSON, CT.gov v2 shape plus the `trialcards` key. Written by
/// serde_json, as the worker's messages and the kept collection are (one serializer for the
/// record types in the page's wasm), and indented by the browser.
fn study_json(study: &Study) -> String {
    serde_json::to_string(study)
        .ok()
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .and_then(|value| {
            js_sys::JSON::stringify_with_replacer_and_space(
                &value,
                &JsValue::NULL,
                &JsValue::from(2),
            )
            .ok()
        })
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}
