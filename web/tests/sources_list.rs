//! The list of sources in headless Chromium: while files are read it says how many of those
//! listed are still being read, and says nothing once all are read.

use std::rc::Rc;

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

async fn shown(sources: Vec<SourceRef>) -> String {
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
