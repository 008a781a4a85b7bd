//! The toolbar over the cards: search every field, filter by status, phase, study type, sex,
//! an accepted age, source and results, and sort. Each filter lists only the values the
//! collection holds, with how many trials have each.

use trialcards_core::collection::facets::{self, Facets};
use trialcards_core::collection::filter::{Facet, View};
use trialcards_core::collection::sort::SortKey;
use trialcards_core::model::{CtEnum, Sex};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::display::{code_words, count, layout_words, phase_words};

/// Props of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The current view.
    pub view: View,
    /// The values each filter can take.
    pub facets: std::rc::Rc<Facets>,
    /// Called with the changed view.
    pub on_change: Callback<View>,
}

/// One choice of a filter: its value, its words, how many trials have it, whether it is on.
#[derive(PartialEq)]
struct Choice {
    value: String,
    words: String,
    count: usize,
    checked: bool,
}

/// Search, filters and sort.
#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let view = &props.view;
    let facets = &props.facets;
    let change = |edit: fn(&mut View, String)| {
        let (view, on_change) = (view.clone(), props.on_change.clone());
        Callback::from(move |value: String| {
            let mut next = view.clone();
            edit(&mut next, value);
            on_change.emit(next);
        })
    };
    let on_search = change(|v, text| v.search = text);
    let on_age = change(|v, text| v.age = text.trim().parse().ok());
    let on_results = change(|v, name| v.set_results(&name));
    let on_sort = change(|v, name| v.sort = SortKey::from_name(&name).unwrap_or_default());
    let on_order = {
        let (view, on_change) = (view.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = view.clone();
            next.descending = !next.descending;
            on_change.emit(next);
        })
    };
    let on_clear = {
        let (view, on_change) = (view.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| on_change.emit(view.cleared()))
    };

    let statuses = choices(&facets.statuses, &view.statuses, |s| code_words(*s));
    let phases = choices(&facets.phases, &view.phases, |p| phase_words(*p));
    let types = choices(&facets.study_types, &view.study_types, |t| code_words(*t));
    let sexes = choices(&facets.sexes, &view.sexes, |s| match s {
        Sex::All => "Only trials open to all".to_string(),
        other => format!("Accepts {}", code_words(*other).to_lowercase()),
    });
    let layouts = menu(&facets.layouts, &view.layouts, String::clone, |l| {
        layout_words(l)
    });
    let toggle = |facet: Facet| {
        let (view, on_change) = (view.clone(), props.on_change.clone());
        Callback::from(move |value: String| {
            let mut next = view.clone();
            next.toggle(facet, &value);
            on_change.emit(next);
        })
    };
    let results_value = view.results_name();

    html! {
        <div class="toolbar" role="search" aria-label="Find trials">
            <div class="search-row">
                <label for="trial-search" class="visually-hidden">{ "Search every field" }</label>
                <input id="trial-search" type="search" class="search" value={view.search.clone()}
                    placeholder="Search every field — words or \"a phrase\""
                    autocomplete="off" spellcheck="false"
                    oninput={text_of(on_search)} />
                <label class="sort">
                    <span>{ "Sort" }</span>
                    <select onchange={select_of(on_sort)} aria-label="Sort by">
                        { for SortKey::ALL.iter().map(|k| html! {
                            <option value={k.name()} selected={*k == view.sort}>{ k.label() }</option>
                        }) }
                    </select>
                </label>
                <button type="button" class="secondary order" onclick={on_order}
                    aria-pressed={if view.descending { "true" } else { "false" }}
                    title={if view.descending { "Descending: click for ascending" } else { "Ascending: click for descending" }}>
                    { if view.descending { "↓ Descending" } else { "↑ Ascending" } }
                </button>
            </div>
            <div class="filters">
                <FacetMenu label="Status" facet={Facet::Status} choices={statuses}
                    on_toggle={toggle(Facet::Status)} />
                <FacetMenu label="Phase" facet={Facet::Phase} choices={phases}
                    on_toggle={toggle(Facet::Phase)} />
                <FacetMenu label="Study type" facet={Facet::StudyType} choices={types}
                    on_toggle={toggle(Facet::StudyType)} />
                <FacetMenu label="Sex" facet={Facet::Sex} choices={sexes}
                    on_toggle={toggle(Facet::Sex)} />
                <FacetMenu label="Source" facet={Facet::Source} choices={layouts}
                    on_toggle={toggle(Facet::Source)} />
                <label class="filter age">
                    <span>{ "Accepts age" }</span>
                    <input type="number" min="0" max="150" step="1" inputmode="numeric"
                        value={view.age.map(|a| a.to_string()).unwrap_or_default()}
                        aria-label="An age in years the trial accepts"
                        placeholder="years" oninput={text_of(on_age)} />
                </label>
                <label class="filter results">
                    <span>{ "Results" }</span>
                    <select onchange={select_of(on_results)} aria-label="Posted results">
                        <option value="" selected={results_value.is_empty()}>{ "Any" }</option>
                        <option value="yes" selected={results_value == "yes"}>
                            { format!("Has results ({})", count(facets.with_results)) }
                        </option>
                        <option value="no" selected={results_value == "no"}>{ "No results" }</option>
                    </select>
                </label>
                if view.is_narrowed() {
                    <button type="button" class="secondary clear-filters" onclick={on_clear}>
                        { "Clear search and filters" }
                    </button>
                }
            </div>
        </div>
    }
}

/// A CT.gov filter's choices as its menu shows them ([`facets::choices`]: the values present,
/// and any chosen one no trial has now), each value by its code.
fn choices<E: CtEnum + PartialEq>(
    present: &[(E, usize)],
    chosen: &[E],
    words: impl Fn(&E) -> String,
) -> Vec<Choice> {
    menu(present, chosen, |e| e.code().to_string(), words)
}

/// A filter's choices as its menu shows them, each value `written` as the view's toggle takes it.
fn menu<T: Clone + PartialEq>(
    present: &[(T, usize)],
    chosen: &[T],
    written: impl Fn(&T) -> String,
    words: impl Fn(&T) -> String,
) -> Vec<Choice> {
    facets::choices(present, chosen)
        .into_iter()
        .map(|c| Choice {
            value: written(&c.value),
            words: words(&c.value),
            count: c.count,
            checked: c.chosen,
        })
        .collect()
}

fn text_of(callback: Callback<String>) -> Callback<InputEvent> {
    Callback::from(move |event: InputEvent| {
        if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
            callback.emit(input.value());
        }
    })
}

fn select_of(callback: Callback<String>) -> Callback<Event> {
    Callback::from(move |event: Event| {
        if let Some(select) = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        {
            callback.emit(select.value());
        }
    })
}

/// Props of [`FacetMenu`]. The toggle callback is compared too: it carries the whole view,
/// and a menu kept with an old one would undo the other filters.
#[derive(Properties, PartialEq)]
struct FacetMenuProps {
    label: &'static str,
    facet: Facet,
    choices: Vec<Choice>,
    on_toggle: Callback<String>,
}

/// A filter as a drop-down list of checkboxes; its button says how many values are on.
#[component]
fn FacetMenu(props: &FacetMenuProps) -> Html {
    let on = props.choices.iter().filter(|c| c.checked).count();
    let disabled = props.choices.is_empty();
    html! {
        <details class={classes!("filter", "facet", (on > 0).then_some("active"), disabled.then_some("empty"))}
            data-facet={props.facet.key()}>
            <summary>
                { props.label }
                if on > 0 { <span class="facet-on">{ format!(" · {on}") }</span> }
            </summary>
            <fieldset>
                <legend class="visually-hidden">{ props.label }</legend>
                if disabled {
                    <p class="muted">{ "No trial gives this." }</p>
                }
                { for props.choices.iter().map(|choice| {
                    let (on_toggle, value) = (props.on_toggle.clone(), choice.value.clone());
                    html! {
                        <label class="facet-choice">
                            <input type="checkbox" name={props.facet.key()} value={choice.value.clone()}
                                checked={choice.checked}
                                onchange={Callback::from(move |_: Event| on_toggle.emit(value.clone()))} />
                            <span>{ choice.words.clone() }</span>
                            <span class="facet-count">{ count(choice.count) }</span>
                        </label>
                    }
                }) }
            </fieldset>
        </details>
    }
}
