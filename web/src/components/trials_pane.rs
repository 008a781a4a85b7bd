//! The trials side of the page: the count, the toolbar (search, filters, sort), the overview,
//! export, the comparison and the cards. It owns the view — kept in the URL fragment — and
//! the trials picked for comparison.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use trialcards_core::collection::filter::View;
use trialcards_core::collection::search::Query;
use yew::prelude::*;

use super::{CardList, Compare, ExportBar, Overview, Toolbar, COMPARE_MAX, COMPARE_MIN};
use crate::display::count;
use crate::fragment::{self, Fragment};
use crate::highlight::Highlighter;
use crate::state::SourceRef;
use crate::trials::{facets, shown, trials, TextCache, Trial};

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
    let location = use_state(fragment::current);
    let comparing = use_state(|| location.compare.len() >= COMPARE_MIN);
    let cache = use_mut_ref(TextCache::default);
    let all = {
        let cache = cache.clone();
        use_memo(props.sources.clone(), move |sources| {
            Rc::new(trials(sources, &mut cache.borrow_mut()))
        })
    };
    let all: Rc<Vec<Rc<Trial>>> = (*all).clone();
    let view = location.view.clone();
    let shown_trials: Rc<Vec<Rc<Trial>>> = {
        let memo = use_memo((all.clone(), view.clone()), |(all, view)| {
            Rc::new(shown(all, view))
        });
        (*memo).clone()
    };
    let facets = use_memo(all.clone(), |all| Rc::new(facets(all)));
    let query = use_memo(view.search.clone(), |search| Rc::new(Query::parse(search)));

    // The address follows the view; an address changed by hand (or a bookmark opened in
    // this tab) changes the view.
    use_effect_with((*location).clone(), fragment::replace);
    {
        let location = location.clone();
        use_effect_with((), move |()| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                location.set(fragment::current());
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

    let on_view = {
        let location = location.clone();
        Callback::from(move |view: View| {
            location.set(Fragment {
                view,
                compare: location.compare.clone(),
            })
        })
    };
    let on_clear_view = {
        let on_view = on_view.clone();
        let view = view.clone();
        Callback::from(move |()| {
            on_view.emit(View {
                sort: view.sort,
                descending: view.descending,
                ..View::default()
            })
        })
    };
    let picked_keys: Vec<String> = location
        .compare
        .iter()
        .filter(|key| all.iter().any(|t| &t.key == *key))
        .cloned()
        .collect();
    let on_pick = {
        let location = location.clone();
        Callback::from(move |(key, pick): (String, bool)| {
            let mut compare = location.compare.clone();
            compare.retain(|k| *k != key);
            if pick && compare.len() < COMPARE_MAX {
                compare.push(key);
            }
            location.set(Fragment {
                view: location.view.clone(),
                compare,
            });
        })
    };
    let on_unpick = on_pick.reform(|key: String| (key, false));
    let picked_trials: Vec<Rc<Trial>> = picked_keys
        .iter()
        .filter_map(|key| all.iter().find(|t| &t.key == key).cloned())
        .collect();
    let open_compare = {
        let comparing = comparing.clone();
        Callback::from(move |_: MouseEvent| comparing.set(true))
    };
    let close_compare = {
        let comparing = comparing.clone();
        Callback::from(move |()| comparing.set(false))
    };
    let clear_picks = {
        let location = location.clone();
        Callback::from(move |_: MouseEvent| {
            location.set(Fragment {
                view: location.view.clone(),
                compare: Vec::new(),
            })
        })
    };
    let records: usize = props.sources.iter().map(|s| s.records.len()).sum();
    let count_text = count_words(shown_trials.len(), all.len(), records, view.is_narrowed());

    html! {
        <>
            <p class="record-count" data-testid="record-count" aria-live="polite">{ count_text }</p>
            if !all.is_empty() {
                <Toolbar view={view.clone()} facets={(*facets).clone()} on_change={on_view} />
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
                if *comparing && picked_trials.len() >= COMPARE_MIN {
                    <Compare trials={picked_trials.clone()} on_close={close_compare} {on_unpick} />
                }
            }
            <div ref={cards_ref}>
                <CardList sources={props.sources.clone()} trials={shown_trials.clone()}
                    on_remove={props.on_remove.clone()} on_load_examples={props.on_load_examples.clone()}
                    picked={Rc::new(picked_keys)} {on_pick} query={(*query).clone()} {on_clear_view} />
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

/// "12 trials", "3 of 12 trials shown", with the records behind them when some trials were
/// read from more than one source.
pub fn count_words(shown: usize, trials: usize, records: usize, narrowed: bool) -> String {
    let noun = |n: usize| if n == 1 { "trial" } else { "trials" };
    let base = if narrowed {
        format!(
            "{} of {} {} shown",
            count(shown),
            count(trials),
            noun(trials)
        )
    } else {
        format!("{} {}", count(trials), noun(trials))
    };
    if records > trials {
        format!("{base} ({} records)", count(records))
    } else {
        base
    }
}
