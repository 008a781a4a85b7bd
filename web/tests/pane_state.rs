//! The trials pane's reducer: the view and the picks, as the address keeps them, and the
//! comparison opened and closed.

use std::rc::Rc;

use trialcards_core::collection::filter::View;
use trialcards_core::collection::sort::SortKey;
use trialcards_core::parse;
use trialcards_web::fragment::Fragment;
use trialcards_web::pane_state::{PaneAction, PaneState, COMPARE_MAX};
use trialcards_web::state::{Action, Collection};
use trialcards_web::trials::TrialList;
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

const VEEVA: &str = include_str!("../../tests/fixtures/veeva_fictional_knee_msc.txt");
const CROHN: &str = include_str!("../examples/meddatax_crohn_fistula_msc.txt");

fn reduce(state: Rc<PaneState>, actions: impl IntoIterator<Item = PaneAction>) -> Rc<PaneState> {
    actions.into_iter().fold(state, |s, a| s.reduce(a))
}

fn at(fragment: &str) -> Rc<PaneState> {
    Rc::new(PaneState::at(Fragment::parse(fragment)))
}

#[wasm_bindgen_test]
fn an_address_that_picks_enough_trials_opens_the_comparison() {
    assert!(at("compare=NCT1,NCT2").comparing);
    assert!(!at("compare=NCT1").comparing);
    assert!(!at("").comparing);
    let state = at("compare=NCT1,NCT2").reduce(PaneAction::CloseCompare);
    assert!(!state.comparing);
    assert_eq!(
        state.location.compare,
        ["NCT1", "NCT2"],
        "closing keeps the picks"
    );
    assert!(state.reduce(PaneAction::OpenCompare).comparing);
}

#[wasm_bindgen_test]
fn picks_are_added_last_once_each_up_to_the_most_compared() {
    let state = reduce(at(""), ["A", "B", "A"].map(|k| PaneAction::Pick(k.into())));
    assert_eq!(
        state.location.compare,
        ["B", "A"],
        "picked again: moved last"
    );
    let state = reduce(
        state,
        (0..COMPARE_MAX + 2).map(|i| PaneAction::Pick(format!("K{i}"))),
    );
    assert_eq!(state.location.compare.len(), COMPARE_MAX);
    assert_eq!(
        state.location.compare[..2],
        ["B", "A"],
        "the first picks stay"
    );
    let state = state.reduce(PaneAction::Unpick("A".into()));
    assert_eq!(state.location.compare.len(), COMPARE_MAX - 1);
    assert!(!state.location.compare.contains(&"A".to_string()));
    assert!(state
        .reduce(PaneAction::ClearPicks)
        .location
        .compare
        .is_empty());
}

#[wasm_bindgen_test]
fn the_view_changes_and_clears_keeping_the_sort_and_the_picks() {
    let view = View {
        search: "knee".into(),
        sort: SortKey::StartDate,
        descending: true,
        ..View::default()
    };
    let state = reduce(at("compare=NCT1"), [PaneAction::SetView(view.clone())]);
    assert_eq!(state.view(), &view);
    let cleared = state.reduce(PaneAction::ClearView);
    assert_eq!(
        cleared.location.write(),
        "sort=start&order=desc&compare=NCT1"
    );
    let moved = cleared.reduce(PaneAction::Located(Fragment::parse("#q=cells")));
    assert_eq!(moved.view().search, "cells");
    assert!(moved.location.compare.is_empty(), "the address says it all");
}

#[wasm_bindgen_test]
fn an_action_that_changes_nothing_keeps_the_state() {
    let state = at("q=knee&compare=NCT1");
    let same = reduce(
        state.clone(),
        [
            PaneAction::Unpick("NCT9".into()),
            PaneAction::CloseCompare,
            PaneAction::Located(Fragment::parse("q=knee&compare=NCT1")),
        ],
    );
    assert!(Rc::ptr_eq(&state, &same), "no render for nothing");
}

#[wasm_bindgen_test]
fn only_loaded_trials_are_compared_in_the_order_picked() {
    let mut c = Rc::new(Collection::default());
    for (id, (name, text)) in (1..).zip([("veeva.txt", VEEVA), ("crohn.txt", CROHN)]) {
        c = c.reduce(Action::Begin {
            id,
            name: name.into(),
            text: Rc::from(text),
        });
        c = c.reduce(Action::Finish {
            id,
            output: parse(name, text),
        });
    }
    let all = TrialList::default().update(&c.sources);
    let state = at("compare=NCT09990101,NCT00000000,NCT09990001");
    let keys: Vec<String> = state.picked(&all).iter().map(|t| t.key.clone()).collect();
    assert_eq!(keys, ["NCT09990101", "NCT09990001"]);
    assert!(state.shows_comparison(keys.len()));
    assert!(!state.shows_comparison(1), "too few loaded to compare");
}
