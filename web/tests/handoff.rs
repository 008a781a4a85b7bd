//! What the shell hands the viewer: every kind of input passes through the page's global
//! object unchanged and in order, the list is emptied by taking it, and a value of another
//! shape is not taken for an input.

use trialcards_web::handoff::{hand_over, take_all, Pending, PENDING};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::{File, FilePropertyBag};

wasm_bindgen_test_configure!(run_in_browser);

fn file(name: &str, text: &str) -> File {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = FilePropertyBag::new();
    options.set_type("text/plain");
    File::new_with_str_sequence_and_options(&parts, name, &options).unwrap()
}

#[wasm_bindgen_test]
fn every_kind_of_input_passes_in_order_and_the_list_is_emptied() {
    let chosen = vec![
        (
            "a/first.txt".to_string(),
            file("first.txt", "Main ID: NCT09990001"),
        ),
        ("second.json".to_string(), file("second.json", "{}")),
    ];
    let given = vec![
        Pending::Typed("Main ID: NCT0999".into()),
        Pending::Paste("Title: A pasted page\nStatus: Recruiting".into()),
        Pending::Files(chosen),
        Pending::Examples,
        Pending::Paste(String::new()),
    ];
    for pending in &given {
        hand_over(pending);
    }
    assert_eq!(take_all(), given);
    assert_eq!(take_all(), Vec::new(), "taking empties the list");
    let global = js_sys::global();
    assert!(!js_sys::Reflect::has(&global, &PENDING.into()).unwrap());
}

#[wasm_bindgen_test]
fn a_value_of_another_shape_is_not_an_input() {
    let odd = js_sys::Object::new();
    js_sys::Reflect::set(&odd, &"kind".into(), &"files".into()).unwrap();
    js_sys::Reflect::set(&odd, &"names".into(), &js_sys::Array::of1(&"x".into())).unwrap();
    js_sys::Reflect::set(
        &odd,
        &"files".into(),
        &js_sys::Array::of1(&"not a file".into()),
    )
    .unwrap();
    assert_eq!(Pending::from_js(&odd), None);
    assert_eq!(Pending::from_js(&JsValue::from_str("paste")), None);
    assert_eq!(Pending::from_js(&JsValue::NULL), None);
    let unknown = js_sys::Object::new();
    js_sys::Reflect::set(&unknown, &"kind".into(), &"url".into()).unwrap();
    assert_eq!(Pending::from_js(&unknown), None);

    // Among good ones, a bad entry is skipped and the others are taken in order.
    let list = js_sys::Array::new();
    list.push(&Pending::Paste("one".into()).to_js());
    list.push(&odd);
    list.push(&Pending::Examples.to_js());
    js_sys::Reflect::set(&js_sys::global(), &PENDING.into(), &list).unwrap();
    assert_eq!(
        take_all(),
        vec![Pending::Paste("one".into()), Pending::Examples]
    );
}
