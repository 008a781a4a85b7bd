//! Component tests of the viewer in headless Chromium (wasm-bindgen-test).

use trialcards_web::App;
use wasm_bindgen_test::*;
use web_sys::{ClipboardEvent, ClipboardEventInit, DataTransfer, Element};

wasm_bindgen_test_configure!(run_in_browser);

const VEEVA: &str = include_str!("../../tests/fixtures/veeva_fictional_knee_msc.txt");

async fn mount_app() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn paste(root: &Element, text: &str) {
    let data = DataTransfer::new().unwrap();
    data.set_data("text/plain", text).unwrap();
    let init = ClipboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_clipboard_data(Some(&data));
    let event = ClipboardEvent::new_with_event_init_dict("paste", &init).unwrap();
    let area = root.query_selector("textarea").unwrap().unwrap();
    area.dispatch_event(&event).unwrap();
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_pasted_veeva_page_becomes_a_card() {
    let root = mount_app().await;
    assert_eq!(text_of(&root, "[data-testid=record-count]"), "0 trials");
    paste(&root, VEEVA);
    yew::scheduler::flush().await;
    let card = root
        .query_selector("article.trial-card[data-nct-id=NCT09990001]")
        .unwrap()
        .expect("a card for the pasted trial");
    assert!(card
        .query_selector("h2")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .starts_with("Umbilical Cord Mesenchymal Stromal Cells"));
    assert_eq!(text_of(&root, "[data-testid=record-count]"), "1 trial");
    root.remove();
}

#[wasm_bindgen_test]
async fn pasted_text_that_is_no_registry_page_gets_an_alert_and_no_card() {
    let root = mount_app().await;
    paste(&root, "Dear diary, today I went shopping.");
    yew::scheduler::flush().await;
    let alert = text_of(&root, "[role=alert]");
    assert!(alert.contains("Pasted text 1"), "alert: {alert}");
    assert!(root.query_selector("article.trial-card").unwrap().is_none());
    root.remove();
}
