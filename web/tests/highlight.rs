//! Search matches marked through the CSS Custom Highlight API, and a browser without the
//! API (or without part of it) left alone.

use js_sys::{Object, Reflect};
use trialcards_core::collection::search::Query;
use trialcards_web::highlight::{Highlighter, HIGHLIGHT_NAME};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn cards(text: &str) -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    root.set_inner_html(text);
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn css() -> JsValue {
    Reflect::get(&js_sys::global(), &"CSS".into()).unwrap()
}

/// How many ranges the `search` highlight holds (`None`: it is not registered).
fn marked() -> Option<f64> {
    let registry = Reflect::get(&css(), &"highlights".into()).unwrap();
    let get: js_sys::Function = Reflect::get(&registry, &"get".into())
        .unwrap()
        .unchecked_into();
    let highlight = get.call1(&registry, &HIGHLIGHT_NAME.into()).unwrap();
    if highlight.is_undefined() {
        return None;
    }
    Reflect::get(&highlight, &"size".into()).unwrap().as_f64()
}

/// Runs `test` with `name` hidden on `target` (reading `undefined`), then puts it back.
fn without(target: &JsValue, name: &str, test: impl FnOnce()) {
    let target: &Object = target.unchecked_ref();
    let original = Object::get_own_property_descriptor(target, &name.into());
    assert!(!original.is_undefined(), "{name} is there to hide");
    let hidden = Object::new();
    Reflect::set(&hidden, &"value".into(), &JsValue::UNDEFINED).unwrap();
    Reflect::set(&hidden, &"configurable".into(), &JsValue::TRUE).unwrap();
    Object::define_property(target, &name.into(), &hidden);
    test();
    Object::define_property(target, &name.into(), original.unchecked_ref());
}

#[wasm_bindgen_test]
fn the_matches_under_the_root_are_highlighted_and_cleared() {
    let root = cards("<p>Knee cells</p><p>cells for the knee, and the KNEE</p>");
    let mut highlighter = Highlighter::new();
    highlighter.show(Some(root.clone()), Query::parse("knee"));
    assert_eq!(marked(), Some(3.0));
    highlighter.show(Some(root.clone()), Query::default());
    assert_eq!(marked(), None, "no search, no highlight");
    root.remove();
}

#[wasm_bindgen_test]
fn a_browser_without_the_api_shows_no_marks_and_no_error() {
    let root = cards("<p>Knee cells</p>");
    let mut highlighter = Highlighter::new();
    without(&css(), "highlights", || {
        highlighter.show(Some(root.clone()), Query::parse("knee"));
    });
    assert_eq!(marked(), None);
    without(&js_sys::global(), "Highlight", || {
        highlighter.show(Some(root.clone()), Query::parse("knee"));
    });
    assert_eq!(
        marked(),
        None,
        "a registry without Highlight: nothing registered"
    );
    without(&js_sys::global(), "CSS", || {
        highlighter.show(Some(root.clone()), Query::parse("cells"));
    });
    assert_eq!(marked(), None);
    root.remove();
}
