//! The trials side of the page: the count, the toolbar (search, filters, sort), the overview,
//! export, the comparison and the cards. It holds the view — kept in the URL fragment — and
//! the trials picked for comparison in a reducer ([`PaneState`]), and dispatches its actions.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use gloo::events::EventListener;
use trialcards_core::collection::filter::View;
use trialcards_core::collection::search::Query;
use trialcards_core::eligibility::{check, Patient, VerdictKind};
use yew::prelude::*;

use super::patient_panel::is_given;
use super::verdict::Verdicts;
use super::{
    CardList, Compare, ExportBar, Overview, PatientPanel, Toolbar, COMPARE_MAX, COMPARE_MIN,
};
use crate::display::shown_count;
use crate::fragment;
use crate::highlight::Highlighter;
use crate::pane_state::{PaneAction, PaneState};
use crate::state::SourceRef;
use crate::trials::{facets, shown, warm_search_texts, Trial, TrialList};

/// Props of [`TrialsPane`].
#[derive(Properties, PartialEq)]
pub struct TrialsPaneProps {
    /// The loaded sources.
    pub sources: Vec<SourceRef>,
    /// Called with (source id, record index) of each record of a removed card.
    pub on_remove: Callback<Vec<(u32, usize)>>,
    /// Called when the user asks for the examples.
    pub on_load_examples: Callback<()>,
}

/// Everything right of the intake.
#[component]
pub fn TrialsPane(props: &TrialsPaneProps) -> Html {
    let state = use_reducer(|| PaneState::at(fragment::current()));
    let list = use_mut_ref(TrialList::default);
    let all = {
        let list = list.clone();
        use_memo(props.sources.clone(), move |sources| {
            Rc::new(list.borrow_mut().update(sources))
        })
    };
    let all: Rc<Vec<Rc<Trial>>> = (*all).clone();
    {
        // Search texts are built in the background, a slice at a time, as trials arrive, so
        // that the first search finds them ready.
        let current = use_memo((), |()| Rc::new(Cell::new(0u32)));
        use_effect_with(all.clone(), move |all| {
            let generation = current.get().wrapping_add(1);
            current.set(generation);
            let current: Rc<Cell<u32>> = (*current).clone();
            wasm_bindgen_futures::spawn_local(warm_search_texts(all.clone(), current, generation));
        });
    }
    let view = state.view().clone();
    let shown_trials: Rc<Vec<Rc<Trial>>> = {
        let memo = use_memo((all.clone(), view.clone()), |(all, view)| {
            Rc::new(shown(all, view))
        });
        (*memo).clone()
    };
    // The patient being checked: health data, in this component's memory only (never in
    // the fragment, the storage or an export); the verdicts follow the facts and the trials.
    let patient = use_state(Patient::default);
    let possible_only = use_state(|| false);
    let verdicts = use_memo(((*patient).clone(), all.clone()), |(patient, all)| {
        is_given(patient).then(|| {
            let by_key: HashMap<String, Rc<_>> = all
                .iter()
                .map(|t| (t.key.clone(), Rc::new(check(t.study(), patient))))
                .collect();
            Rc::new(by_key)
        })
    });
    let is_excluded = |t: &Trial| {
        verdicts
            .as_ref()
            .as_ref()
            .and_then(|v| v.get(&t.key))
            .is_some_and(|v| v.verdict == VerdictKind::Excluded)
    };
    let excluded = verdicts
        .is_some()
        .then(|| shown_trials.iter().filter(|t| is_excluded(t)).count());
    let shown_trials: Rc<Vec<Rc<Trial>>> = if *possible_only && verdicts.is_some() {
        Rc::new(
            shown_trials
                .iter()
                .filter(|t| !is_excluded(t))
                .cloned()
                .collect(),
        )
    } else {
        shown_trials
    };
    let on_patient = {
        let patient = patient.clone();
        Callback::from(move |p: Patient| patient.set(p))
    };
    let on_possible_only = {
        let possible_only = possible_only.clone();
        Callback::from(move |on: bool| possible_only.set(on))
    };
    let facets = use_memo(all.clone(), |all| Rc::new(facets(all)));
    let query = use_memo(view.search.clone(), |search| Rc::new(Query::parse(search)));

    // The address follows the view; an address changed by hand (or a bookmark opened in
    // this tab) changes the view.
    use_effect_with(state.location.clone(), fragment::replace);
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |()| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                dispatcher.dispatch(PaneAction::Located(fragment::current()));
            });
            move || drop(listener)
        });
    }

    // Search matches highlighted on the cards.
    let cards_ref = use_node_ref();
    let highlighter = use_mut_ref(Highlighter::new);
    {
        let (cards_ref, highlighter) = (cards_ref.clone(), highlighter.clone());
        use_effect_with(
            ((*query).clone(), shown_trials.clone()),
            move |(query, _)| {
                show_highlights(&highlighter, cards_ref.cast::<web_sys::Element>(), query);
            },
        );
    }

    let dispatch = |action: PaneAction| {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(action.clone()))
    };
    let on_view = {
        let dispatcher = state.dispatcher();
        Callback::from(move |view: View| dispatcher.dispatch(PaneAction::SetView(view)))
    };
    let on_clear_view = dispatch(PaneAction::ClearView);
    // The same callback every render: a new one would differ from the last in every card's
    // props, and redraw every card each time a file arrives.
    let on_pick = use_callback(
        state.dispatcher(),
        |(key, pick): (String, bool), dispatcher| {
            dispatcher.dispatch(if pick {
                PaneAction::Pick(key)
            } else {
                PaneAction::Unpick(key)
            })
        },
    );
    let on_unpick = {
        let dispatcher = state.dispatcher();
        Callback::from(move |key: String| dispatcher.dispatch(PaneAction::Unpick(key)))
    };
    let open_compare = dispatch(PaneAction::OpenCompare).reform(|_: MouseEvent| ());
    let close_compare = dispatch(PaneAction::CloseCompare);
    let clear_picks = dispatch(PaneAction::ClearPicks).reform(|_: MouseEvent| ());
    let picked_trials = state.picked(&all);
    let picked_keys: Vec<String> = picked_trials.iter().map(|t| t.key.clone()).collect();
    let records: usize = props.sources.iter().map(|s| s.records.len()).sum();
    let count_text = shown_count(shown_trials.len(), all.len(), records, view.is_narrowed());

    html! {
        <>
            <p class="record-count" data-testid="record-count" aria-live="polite">{ count_text }</p>
            if !all.is_empty() {
                <Toolbar view={view.clone()} facets={(*facets).clone()} on_change={on_view} />
                <PatientPanel patient={(*patient).clone()} on_change={on_patient} {excluded}
                    possible_only={*possible_only} {on_possible_only} />
                <Overview trials={shown_trials.clone()} />
                <div class="collection-actions">
                    <ExportBar shown={shown_trials.clone()} all={all.clone()} />
                    if !picked_trials.is_empty() {
                        <div class="compare-bar" data-testid="compare-bar">
                            <span>{ format!("{} of {COMPARE_MAX} picked to compare", picked_trials.len()) }</span>
                            <button type="button" onclick={open_compare}
                                disabled={picked_trials.len() < COMPARE_MIN}>
                                { if picked_trials.len() < COMPARE_MIN { "Pick one more to compare".to_string() }
                                  else { format!("Compare {}", picked_trials.len()) } }
                            </button>
                            <button type="button" class="secondary" onclick={clear_picks}>{ "Clear picks" }</button>
                        </div>
                    }
                </div>
                if state.shows_comparison(picked_trials.len()) {
                    <Compare trials={picked_trials.clone()} on_close={close_compare} {on_unpick} />
                }
            }
            <div ref={cards_ref}>
                <ContextProvider<Verdicts> context={Verdicts((*verdicts).clone())}>
                <CardList sources={props.sources.clone()} trials={shown_trials.clone()}
                    on_remove={props.on_remove.clone()} on_load_examples={props.on_load_examples.clone()}
                    picked={Rc::new(picked_keys)} {on_pick} query={(*query).clone()} {on_clear_view} />
                </ContextProvider<Verdicts>>
            </div>
        </>
    }
}

fn show_highlights(
    highlighter: &Rc<RefCell<Highlighter>>,
    root: Option<web_sys::Element>,
    query: &Rc<Query>,
) {
    highlighter.borrow_mut().show(root, Query::clone(query));
}
