//! The trials derived from the collection: reconciled by NCT ID, searchable text cached per
//! source, handed to the core's view and facets; and the view's URL fragment.

use std::rc::Rc;

use trialcards_core::collection::filter::View;
use trialcards_core::collection::sort::SortKey;
use trialcards_core::model::{Phase, Status};
use trialcards_core::parse;
use trialcards_web::fragment::Fragment;
use trialcards_web::state::{Action, Collection};
use trialcards_web::trials::{facets, shown, warm_search_texts, TrialList};
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

const VEEVA: &str = include_str!("../../tests/fixtures/veeva_fictional_knee_msc.txt");
const MEDDATAX: &str = include_str!("../../tests/fixtures/meddatax_fictional_knee_msc.txt");
const CROHN: &str = include_str!("../examples/meddatax_crohn_fistula_msc.txt");

fn load(sources: &[(&str, &str)]) -> Rc<Collection> {
    let mut c = Rc::new(Collection::default());
    for (id, (name, text)) in (1..).zip(sources) {
        c = c.reduce(Action::Begin {
            id,
            name: name.to_string(),
            text: Rc::from(*text),
        });
        c = c.reduce(Action::Finish {
            id,
            output: parse(name, text),
        });
    }
    c
}

#[wasm_bindgen_test]
fn two_sites_pages_of_one_trial_are_one_trial_with_its_disagreements() {
    let c = load(&[
        ("veeva.txt", VEEVA),
        ("meddatax.txt", MEDDATAX),
        ("crohn.txt", CROHN),
    ]);
    let all = TrialList::default().update(&c.sources);
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].key, "NCT09990001");
    assert_eq!(all[0].members.len(), 2);
    assert_eq!(all[0].source_count(), 2);
    assert_eq!(
        all[0].shown().source.name,
        "meddatax.txt",
        "the source updated last"
    );
    let fields: Vec<_> = all[0].differences.iter().map(|d| d.key).collect();
    assert_eq!(fields, ["overallStatus", "enrollmentInfo"]);
    assert_eq!(all[0].record_keys(), [(1, 0), (2, 0)]);
    assert_eq!(all[1].members.len(), 1);
    assert!(all[1].differences.is_empty());
}

#[wasm_bindgen_test]
fn the_text_cache_keeps_unchanged_sources_and_drops_removed_ones() {
    let c = load(&[("veeva.txt", VEEVA), ("crohn.txt", CROHN)]);
    let mut list = TrialList::default();
    let first = list.update(&c.sources);
    let c = c.reduce(Action::Remove(1));
    let second = list.update(&c.sources);
    assert_eq!(second.len(), 1);
    assert!(
        Rc::ptr_eq(&first[1].members[0].text, &second[0].members[0].text),
        "an unchanged source's text is not built again"
    );
}

/// Files arriving one after another (each listed, then read) are grouped as they come: after
/// every step the trials are those of grouping everything afresh, a trial the step did not
/// touch is the very same `Rc` (its card is not redrawn), and a removal regroups.
#[wasm_bindgen_test]
fn trials_grow_with_each_file_as_if_grouped_afresh() {
    let files = [
        ("crohn.txt", CROHN),
        ("veeva.txt", VEEVA),
        ("empty.txt", "nothing here"),
        ("meddatax.txt", MEDDATAX),
    ];
    let mut c = Rc::new(Collection::default());
    let mut list = TrialList::default();
    let mut before = list.update(&c.sources);
    let mut steps = Vec::new();
    for (id, (name, text)) in (1..).zip(files) {
        steps.push(Action::Begin {
            id,
            name: name.to_string(),
            text: Rc::from(text),
        });
        steps.push(Action::Finish {
            id,
            output: parse(name, text),
        });
    }
    // The third file is listed before the second is read: still in order.
    steps.swap(3, 4);
    for step in steps {
        c = c.reduce(step);
        let now = list.update(&c.sources);
        assert_eq!(now, TrialList::default().update(&c.sources));
        let crohn = |all: &[Rc<trialcards_web::trials::Trial>]| {
            all.iter().find(|t| t.key == "NCT09990101").cloned()
        };
        if let (Some(was), Some(is)) = (crohn(&before), crohn(&now)) {
            assert!(Rc::ptr_eq(&was, &is), "the untouched trial is kept");
        }
        before = now;
    }
    assert_eq!(before.len(), 2);
    assert_eq!(
        before[1].members.len(),
        2,
        "the Veeva and meddatax pages joined"
    );
    let c = c.reduce(Action::Remove(2));
    let now = list.update(&c.sources);
    assert_eq!(now, TrialList::default().update(&c.sources));
    assert_eq!(now[1].members.len(), 1);
}

/// Which trials are shown and what the filters offer is the core's (`collection::shown`,
/// `collection::facets`, tested there): here, that the web's trials reach it whole.
#[wasm_bindgen_test]
fn the_core_sees_every_member_of_a_trial_and_builds_no_text_until_a_search() {
    let c = load(&[
        ("veeva.txt", VEEVA),
        ("meddatax.txt", MEDDATAX),
        ("crohn.txt", CROHN),
    ]);
    let all = TrialList::default().update(&c.sources);
    // The Veeva page (not the one shown) says Recruiting.
    let view = View {
        statuses: vec![Status::Recruiting],
        sort: SortKey::Enrollment,
        ..View::default()
    };
    let found = shown(&all, &view);
    assert_eq!(found.len(), 1);
    assert!(
        Rc::ptr_eq(&found[0], &all[0]),
        "the trial itself, not a copy"
    );
    assert!(
        all.iter()
            .flat_map(|t| &t.members)
            .all(|m| m.text.get().is_none()),
        "no search, no text built"
    );
    let view = View {
        search: "fistula".into(),
        ..View::default()
    };
    assert_eq!(shown(&all, &view)[0].key, "NCT09990101");
    assert!(all[1].members[0].text.get().is_some());

    let f = facets(&all);
    assert_eq!(
        f.phases,
        [(Phase::Phase1, 1), (Phase::Phase2, 2), (Phase::Phase3, 1)]
    );
    let layouts: Vec<_> = f.layouts.iter().map(|(l, n)| (l.as_str(), *n)).collect();
    assert_eq!(layouts, [("veeva", 1), ("meddatax", 2)]);
}

#[wasm_bindgen_test]
async fn search_texts_are_built_in_the_background_and_a_stale_run_stops() {
    use std::cell::Cell;
    let c = load(&[
        ("veeva.txt", VEEVA),
        ("meddatax.txt", MEDDATAX),
        ("crohn.txt", CROHN),
    ]);
    let all = Rc::new(TrialList::default().update(&c.sources));
    let built = |all: &[Rc<trialcards_web::trials::Trial>]| {
        all.iter()
            .flat_map(|t| &t.members)
            .filter(|m| m.text.get().is_some())
            .count()
    };
    // A run whose trials changed before it started builds nothing.
    let current = Rc::new(Cell::new(1));
    let stale = warm_search_texts(all.clone(), current.clone(), 1);
    current.set(2);
    stale.await;
    assert_eq!(built(&all), 0);
    // The current run builds every member's text.
    warm_search_texts(all.clone(), current.clone(), 2).await;
    assert_eq!(built(&all), 3);
}

#[wasm_bindgen_test]
fn the_fragment_carries_the_view_and_the_picks() {
    let fragment = Fragment {
        view: View {
            search: "stem cells & \"knee\"".into(),
            phases: vec![Phase::Phase1],
            sort: SortKey::StartDate,
            descending: true,
            ..View::default()
        },
        compare: vec!["NCT09990001".into(), "3-0".into()],
    };
    let written = fragment.write();
    assert!(written.ends_with("&compare=NCT09990001,3-0"), "{written}");
    assert_eq!(Fragment::parse(&format!("#{written}")), fragment);
    assert_eq!(Fragment::default().write(), "");
    // Keys that could not come from a trial are dropped.
    assert!(Fragment::parse("compare=NCT1,<script>,").compare == ["NCT1"]);
}
