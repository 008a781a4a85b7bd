//! The list of sources in headless Chromium: while files are read it says how many of those
//! listed are still being read, and says nothing once all are read; a list of thousands shows
//! its first lines and every line with a problem, and shows more when asked.

use std::rc::Rc;

use trialcards_web::components::WINDOW;
use trialcards_web::components::{SourcesList, SourcesListProps};
use trialcards_web::state::{Source, SourceRef};
use wasm_bindgen_test::*;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

fn source(id: u32, pending: bool) -> SourceRef {
    SourceRef(Rc::new(Source {
        id,
        name: format!("page_{id}.txt"),
        text: Rc::from(""),
        pending,
        records: Vec::new(),
        problems: Vec::new(),
    }))
}

/// Renders the list of `sources` into a new element of the page.
async fn mount(sources: Vec<SourceRef>) -> (yew::AppHandle<SourcesList>, web_sys::Element) {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = SourcesListProps {
        sources,
        on_remove: Callback::noop(),
        on_clear_all: None,
        not_kept: Rc::default(),
    };
    let app = yew::Renderer::<SourcesList>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    (app, root)
}

async fn shown(sources: Vec<SourceRef>) -> String {
    let (app, root) = mount(sources).await;
    let status = root
        .query_selector("[data-testid=sources-reading]")
        .unwrap()
        .expect("the reading status is always there, for screen readers to follow");
    let text = status.text_content().unwrap_or_default();
    app.destroy();
    root.remove();
    text
}

#[wasm_bindgen_test]
async fn the_list_says_how_many_files_are_still_being_read() {
    let mut sources: Vec<SourceRef> = (1..=1234).map(|id| source(id, true)).collect();
    sources.extend((1235..=10_000).map(|id| source(id, false)));
    assert_eq!(
        shown(sources).await,
        "Reading 1,234 of the 10,000 files listed…"
    );
    assert_eq!(shown(vec![source(1, true)]).await, "Reading 1 file…");
    assert_eq!(shown(vec![source(1, false), source(2, false)]).await, "");
}

/// The texts of the list's lines, and of its "not shown" line, if any.
fn lines(root: &web_sys::Element) -> (Vec<String>, Option<String>) {
    let items = root.query_selector_all("li.source .source-name").unwrap();
    let names = (0..items.length())
        .map(|i| items.item(i).unwrap().text_content().unwrap_or_default())
        .collect();
    let hidden = root
        .query_selector("[data-testid=sources-hidden] span")
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default());
    (names, hidden)
}

/// Clicks the button of the "not shown" line whose text starts with `label`.
async fn click(root: &web_sys::Element, label: &str) {
    use wasm_bindgen::JsCast;
    let buttons = root
        .query_selector_all("[data-testid=sources-hidden] button")
        .unwrap();
    let button = (0..buttons.length())
        .map(|i| {
            buttons
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::HtmlElement>()
        })
        .find(|b| b.text_content().unwrap_or_default().starts_with(label))
        .unwrap_or_else(|| panic!("a button {label}"));
    button.click();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_long_list_shows_its_first_lines_and_every_problem_and_more_when_asked() {
    let mut sources: Vec<SourceRef> = (1..=10_000).map(|id| source(id, false)).collect();
    sources[4_999] = SourceRef(Rc::new(Source::unreadable(
        5_000,
        "broken.txt".into(),
        "broken.txt is empty: there is no text to read".into(),
    )));
    let (app, root) = mount(sources).await;

    let (names, hidden) = lines(&root);
    assert_eq!(names.len(), WINDOW + 1, "the first lines and the problem");
    assert_eq!(names[0], "page_1.txt");
    assert_eq!(names[WINDOW - 1], format!("page_{WINDOW}.txt"));
    assert_eq!(names[WINDOW], "broken.txt", "a problem far down is shown");
    assert_eq!(root.query_selector_all("[role=alert]").unwrap().length(), 1);
    assert_eq!(
        hidden.as_deref(),
        Some("9,799 of the 10,000 files are not shown; every one with a problem is.")
    );

    click(&root, "Show 200 more").await;
    let (names, hidden) = lines(&root);
    assert_eq!(names.len(), 2 * WINDOW + 1);
    assert_eq!(names[2 * WINDOW - 1], format!("page_{}.txt", 2 * WINDOW));
    assert_eq!(
        hidden.as_deref(),
        Some("9,599 of the 10,000 files are not shown; every one with a problem is.")
    );

    click(&root, "Show all 10,000").await;
    let (names, hidden) = lines(&root);
    assert_eq!(names.len(), 10_000);
    assert_eq!(
        names[4_999], "broken.txt",
        "in its place once all are shown"
    );
    assert_eq!(hidden, None);
    app.destroy();
    root.remove();
}
