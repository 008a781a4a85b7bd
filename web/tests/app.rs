//! Component tests of the viewer in headless Chromium (wasm-bindgen-test). The app keeps
//! what it loads in the browser's IndexedDB: each test starts from an empty storage and
//! waits for the app's writes before it ends, so that no test sees another's sources.

use trialcards_web::storage::Database;
use trialcards_web::App;
use wasm_bindgen_test::*;
use web_sys::{ClipboardEvent, ClipboardEventInit, DataTransfer, Element};

wasm_bindgen_test_configure!(run_in_browser);

const VEEVA: &str = include_str!("../../tests/fixtures/veeva_fictional_knee_msc.txt");

async fn mount_app() -> Element {
    Database::open().await.unwrap().clear().await.unwrap();
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    wait_for(&root, ".keep-note[data-keep=kept]").await;
    root
}

/// Waits until `selector` matches: reading back and writing go through IndexedDB, whose
/// answers come as browser tasks, after `flush` returns.
async fn wait_for(root: &Element, selector: &str) {
    for _ in 0..500 {
        yew::scheduler::flush().await;
        if root.query_selector(selector).unwrap().is_some() {
            return;
        }
        gloo::timers::future::TimeoutFuture::new(10).await;
    }
    panic!("nothing matched {selector} within 5 s");
}

/// Waits for the app's writes, then takes it off the page.
async fn unmount(root: Element) {
    wait_for(&root, ".keep-note[aria-busy=false]").await;
    root.remove();
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
    // What arrives is applied in a batch once the current task ends (batch.rs).
    wait_for(&root, "article.trial-card[data-nct-id=NCT09990001]").await;
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
    unmount(root).await;
}

#[wasm_bindgen_test]
async fn pasted_text_that_is_no_registry_page_gets_an_alert_and_no_card() {
    let root = mount_app().await;
    paste(&root, "Dear diary, today I went shopping.");
    wait_for(&root, "[role=alert]").await;
    let alert = text_of(&root, "[role=alert]");
    assert!(alert.contains("Pasted text 1"), "alert: {alert}");
    assert!(root.query_selector("article.trial-card").unwrap().is_none());
    unmount(root).await;
}

#[wasm_bindgen_test]
async fn what_was_loaded_is_listed_again_by_the_next_app_and_pastes_are_numbered_on() {
    let first = mount_app().await;
    paste(&first, VEEVA);
    wait_for(&first, "article.trial-card[data-nct-id=NCT09990001]").await;
    unmount(first).await;

    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    wait_for(&root, "article.trial-card[data-nct-id=NCT09990001]").await;
    assert_eq!(text_of(&root, ".source-name"), "Pasted text 1");
    paste(&root, "Dear diary, today I went shopping.");
    wait_for(&root, "[role=alert]").await;
    assert!(text_of(&root, "[role=alert]").contains("Pasted text 2"));
    unmount(root).await;
}
