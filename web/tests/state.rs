//! The collection's reducer: arrival order, late results, removal, kept sources read back.

use std::rc::Rc;

use trialcards_core::parse;
use trialcards_web::state::{Action, Collection, Source, SourceIds, SourceRef};
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

const VEEVA: &str = include_str!("../../tests/fixtures/veeva_fictional_knee_msc.txt");

fn begin(c: Rc<Collection>, id: u32, name: &str) -> Rc<Collection> {
    c.reduce(Action::Begin {
        id,
        name: name.into(),
        text: Rc::from(""),
    })
}

#[wasm_bindgen_test]
fn sources_keep_arrival_order_when_results_come_back_out_of_order() {
    let c = begin(
        begin(Rc::new(Collection::default()), 1, "a.txt"),
        2,
        "b.txt",
    );
    let c = c.reduce(Action::Finish {
        id: 2,
        output: parse("b.txt", "nothing here"),
    });
    assert!(c.sources[0].pending && !c.sources[1].pending);
    let c = c.reduce(Action::Finish {
        id: 1,
        output: parse("a.txt", VEEVA),
    });
    let names: Vec<_> = c.sources.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["a.txt", "b.txt"]);
    assert_eq!(c.record_count(), 1);
    assert!(c.sources[1].problems[0].message.contains("b.txt"));
}

#[wasm_bindgen_test]
fn a_result_for_a_removed_source_changes_nothing() {
    let c = begin(Rc::new(Collection::default()), 1, "a.txt").reduce(Action::Remove(1));
    let after = c.clone().reduce(Action::Finish {
        id: 1,
        output: parse("a.txt", VEEVA),
    });
    assert!(Rc::ptr_eq(&c, &after), "the same Rc: no re-render");
    assert_eq!(after.record_count(), 0);
    assert!(Rc::ptr_eq(&after, &after.clone().reduce(Action::Remove(1))));
}

#[wasm_bindgen_test]
fn an_unreadable_file_is_listed_with_a_message_naming_it() {
    let c = Rc::new(Collection::default()).reduce(Action::Unreadable {
        id: 7,
        name: "scan.pdf".into(),
        message: "scan.pdf cannot be read: it is gone".into(),
    });
    assert_eq!(
        c.sources[0].problems[0].message,
        "scan.pdf cannot be read: it is gone"
    );
    assert_eq!(c.record_count(), 0);
}

#[wasm_bindgen_test]
fn ids_are_unique_and_pastes_are_numbered() {
    let mut ids = SourceIds::default();
    assert_ne!(ids.next_id(), ids.next_id());
    assert_eq!(ids.next_paste_name(), "Pasted text 1");
    assert_eq!(ids.next_paste_name(), "Pasted text 2");
}

#[wasm_bindgen_test]
fn removing_one_card_keeps_the_source_and_its_other_records() {
    let two_pages = format!("{VEEVA}\n{}", VEEVA.replace("NCT09990001", "NCT09990009"));
    let c = begin(Rc::new(Collection::default()), 1, "two.txt").reduce(Action::Finish {
        id: 1,
        output: parse("two.txt", &two_pages),
    });
    assert_eq!(c.record_count(), 2);
    let c = c.reduce(Action::RemoveRecord { id: 1, index: 0 });
    assert_eq!(c.record_count(), 1);
    assert_eq!(c.sources[0].records[0].nct_id(), Some("NCT09990009"));
    let same = c.clone().reduce(Action::RemoveRecord { id: 9, index: 0 });
    assert!(Rc::ptr_eq(&c, &same));
}

fn kept(id: u32, name: &str) -> SourceRef {
    SourceRef(Rc::new(Source {
        id,
        name: name.into(),
        text: Rc::from(""),
        pending: false,
        records: Vec::new(),
        problems: Vec::new(),
    }))
}

#[wasm_bindgen_test]
fn kept_sources_are_listed_first_as_the_very_allocations_given() {
    let c = begin(Rc::new(Collection::default()), 9, "new.txt");
    let restored = vec![kept(2, "a.txt"), kept(5, "Pasted text 4")];
    let c = c.reduce(Action::Restore(restored.clone()));
    let ids: Vec<u32> = c.sources.iter().map(|s| s.id).collect();
    assert_eq!(ids, [2, 5, 9]);
    assert_eq!(
        c.sources[0], restored[0],
        "the same allocation (compared by identity)"
    );
    assert!(Rc::ptr_eq(
        &c,
        &c.clone().reduce(Action::Restore(Vec::new()))
    ));
}

#[wasm_bindgen_test]
fn clear_all_empties_the_collection() {
    let c = begin(begin(Rc::new(Collection::default()), 1, "a"), 2, "b").reduce(Action::Clear);
    assert!(c.sources.is_empty());
    assert!(
        Rc::ptr_eq(&c, &c.clone().reduce(Action::Clear)),
        "nothing to clear: no re-render"
    );
}

#[wasm_bindgen_test]
fn ids_and_paste_numbers_go_on_after_kept_sources() {
    let mut ids = SourceIds::default();
    ids.continue_after(7, "Pasted text 3");
    ids.continue_after(4, "Pasted text 12");
    ids.continue_after(5, "Pasted text twelve");
    ids.continue_after(6, "notes.txt");
    assert_eq!(ids.next_id(), 8);
    assert_eq!(ids.next_paste_name(), "Pasted text 13");
}

#[wasm_bindgen_test]
fn a_batch_applies_its_actions_in_order_as_one_change() {
    let begin_of = |id: u32, name: &str| Action::Begin {
        id,
        name: name.into(),
        text: Rc::from(VEEVA),
    };
    let batch = Action::Batch(vec![
        begin_of(1, "a.txt"),
        begin_of(2, "b.txt"),
        Action::Finish {
            id: 1,
            output: parse("a.txt", VEEVA),
        },
        Action::Remove(2),
        // For a source removed earlier in the batch: nothing.
        Action::Finish {
            id: 2,
            output: parse("b.txt", VEEVA),
        },
    ]);
    let c = Rc::new(Collection::default()).reduce(batch);
    let names: Vec<_> = c.sources.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["a.txt"]);
    assert!(!c.sources[0].pending);
    assert_eq!(c.record_count(), 1);
    let empty = Rc::new(Collection::default());
    let same = empty.clone().reduce(Action::Batch(Vec::new()));
    assert!(Rc::ptr_eq(&empty, &same), "an empty batch changes nothing");
}
