//! Search matches highlighted on the cards with the CSS Custom Highlight API: ranges over the
//! cards' text nodes, registered as the `search` highlight and painted by `::highlight(search)`
//! in the style sheet. The page's elements are not changed (they belong to Yew), and text in
//! closed sections is marked too, so opening one shows its matches. Any change under the
//! cards (more cards shown, a section's list grown) marks the new text a moment later.
//!
//! A browser without the API (before Chromium 105, Firefox 140, Safari 17.2) shows no marks;
//! the cards still say in which fields each trial matched.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use trialcards_core::collection::search::Query;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

/// The highlight's name in `CSS.highlights` (and in the style sheet's `::highlight(search)`).
pub const HIGHLIGHT_NAME: &str = "search";

/// Keeps the matches of the current query highlighted under one element.
pub struct Highlighter {
    state: Rc<RefCell<State>>,
    observer: Option<web_sys::MutationObserver>,
    _on_mutation: Option<Closure<dyn FnMut()>>,
}

struct State {
    root: Option<web_sys::Element>,
    query: Query,
    pending: Option<Timeout>,
}

impl Default for Highlighter {
    fn default() -> Self {
        Self::new()
    }
}

impl Highlighter {
    /// A highlighter with nothing to highlight yet.
    pub fn new() -> Self {
        Highlighter {
            state: Rc::new(RefCell::new(State {
                root: None,
                query: Query::default(),
                pending: None,
            })),
            observer: None,
            _on_mutation: None,
        }
    }

    /// Highlights `query` under `root` now, and again whenever the text under it changes.
    pub fn show(&mut self, root: Option<web_sys::Element>, query: Query) {
        let rooted_elsewhere = self.state.borrow().root != root;
        {
            let mut state = self.state.borrow_mut();
            state.root = root.clone();
            state.query = query;
        }
        if rooted_elsewhere {
            self.observe(root);
        }
        paint(&self.state.borrow());
    }

    fn observe(&mut self, root: Option<web_sys::Element>) {
        if let Some(observer) = self.observer.take() {
            observer.disconnect();
        }
        let Some(root) = root else { return };
        let state = Rc::downgrade(&self.state);
        let on_mutation = Closure::<dyn FnMut()>::new(move || {
            let Some(state) = state.upgrade() else { return };
            if state.borrow().query.is_empty() {
                return;
            }
            let later = Rc::downgrade(&state);
            state.borrow_mut().pending = Some(Timeout::new(120, move || {
                if let Some(state) = later.upgrade() {
                    paint(&state.borrow());
                }
            }));
        });
        let Ok(observer) = web_sys::MutationObserver::new(on_mutation.as_ref().unchecked_ref())
        else {
            return;
        };
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_character_data(true);
        if observer.observe_with_options(&root, &options).is_ok() {
            self.observer = Some(observer);
            self._on_mutation = Some(on_mutation);
        }
    }
}

impl Drop for Highlighter {
    fn drop(&mut self) {
        if let Some(observer) = self.observer.take() {
            observer.disconnect();
        }
    }
}

// The CSS Custom Highlight API, typed. Every call is caught: a browser that lacks a part
// of it gives `None` or `Err`, never an exception.
#[wasm_bindgen]
extern "C" {
    /// The global object, for its `CSS` namespace.
    type Global;

    /// `CSS`, when the browser has it.
    #[wasm_bindgen(method, getter, js_name = CSS)]
    fn css(this: &Global) -> Option<Css>;

    /// The `CSS` namespace object.
    type Css;

    /// `CSS.highlights`, when the browser has the API.
    #[wasm_bindgen(method, getter)]
    fn highlights(this: &Css) -> Option<HighlightRegistry>;

    /// The registry of highlights by name, painted by `::highlight(name)` in a style sheet.
    type HighlightRegistry;

    /// Registers `highlight` under `name`, in place of any highlight of that name.
    #[wasm_bindgen(method, catch)]
    fn set(this: &HighlightRegistry, name: &str, highlight: &Highlight)
        -> Result<JsValue, JsValue>;

    /// Removes the highlight named `name`.
    #[wasm_bindgen(method, catch)]
    fn delete(this: &HighlightRegistry, name: &str) -> Result<bool, JsValue>;

    /// A set of ranges highlighted together.
    type Highlight;

    /// An empty highlight (`Err` where the browser has no `Highlight`).
    #[wasm_bindgen(constructor, catch)]
    fn new() -> Result<Highlight, JsValue>;

    /// Adds a range to the highlight.
    #[wasm_bindgen(method, catch)]
    fn add(this: &Highlight, range: &web_sys::Range) -> Result<JsValue, JsValue>;
}

/// The browser's highlight registry, when it has one.
fn registry() -> Option<HighlightRegistry> {
    js_sys::global()
        .unchecked_into::<Global>()
        .css()?
        .highlights()
}

/// Replaces the `search` highlight with the query's matches under the root.
fn paint(state: &State) {
    let Some(registry) = registry() else { return };
    let Some(root) = state.root.as_ref().filter(|_| !state.query.is_empty()) else {
        let _ = registry.delete(HIGHLIGHT_NAME);
        return;
    };
    let Ok(highlight) = Highlight::new() else {
        return;
    };
    let document = gloo::utils::document();
    // NodeFilter.SHOW_TEXT
    let Ok(walker) = document.create_tree_walker_with_what_to_show(root, 0x4) else {
        return;
    };
    while let Ok(Some(node)) = walker.next_node() {
        let text = node.node_value().unwrap_or_default();
        let found = state.query.find_in(&text);
        if found.is_empty() {
            continue;
        }
        for range in utf16_ranges(&text, &found) {
            let Ok(dom_range) = document.create_range() else {
                continue;
            };
            if dom_range.set_start(&node, range.0).is_ok()
                && dom_range.set_end(&node, range.1).is_ok()
            {
                let _ = highlight.add(&dom_range);
            }
        }
    }
    let _ = registry.set(HIGHLIGHT_NAME, &highlight);
}

/// Byte ranges of `text` as the UTF-16 offsets the DOM counts in.
fn utf16_ranges(text: &str, ranges: &[std::ops::Range<usize>]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(ranges.len());
    let (mut byte, mut unit) = (0usize, 0u32);
    let mut chars = text.chars();
    let mut at = |target: usize, byte: &mut usize, unit: &mut u32| {
        while *byte < target {
            match chars.next() {
                Some(c) => {
                    *byte += c.len_utf8();
                    *unit += c.len_utf16() as u32;
                }
                None => break,
            }
        }
        *unit
    };
    for range in ranges {
        let start = at(range.start, &mut byte, &mut unit);
        let end = at(range.end, &mut byte, &mut unit);
        out.push((start, end));
    }
    out
}
