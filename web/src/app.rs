//! The top-level component: intake on the left, cards on the right, and the
//! whole page a drop target. Every input is listed at once and parsed in the
//! worker; its records arrive with [`Action::Finish`].

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::batch::Batcher;
use wasm_bindgen::JsCast;

use crate::components::{
    page_layout, DropZone, FilePicker, KeepNote, PasteBox, SourcesList, TrialsPane, PASTE_INPUT,
};
use crate::examples::EXAMPLES;
use crate::handoff::{self, Pending};
use crate::intake::{read_all, read_all_dropped, read_dropped, read_files, Incoming};
use crate::keep::use_keep;
use crate::state::{Action, Collection, SetApart, SourceIds};
use crate::worker::Parser;

/// The whole viewer.
#[component]
pub fn App() -> Html {
    let collection = use_reducer(Collection::default);
    let parser = Parser::shared();
    let ids = use_mut_ref(SourceIds::default);
    // The id of the "Typed text" source while the box holds typed text.
    let typed_id = use_mut_ref(|| None::<u32>);
    // What this browser kept is listed first; then every change is kept (see keep.rs).
    let keep = use_keep(&collection, &ids);

    let batcher = use_memo((), {
        let dispatcher = collection.dispatcher();
        move |()| Batcher::new(dispatcher)
    });
    let on_incoming = {
        let (batcher, parser, ids) = (batcher.clone(), parser.clone(), ids.clone());
        Callback::from(move |incoming: Incoming| {
            let id = ids.borrow_mut().next_id();
            match incoming {
                Incoming::Text { name, text } => parse_into(&batcher, &parser, id, name, text),
                Incoming::Parsing { name, text, output } => {
                    batcher.push(Action::Begin {
                        id,
                        name,
                        text: Rc::from(text),
                    });
                    let batcher = batcher.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let output = output.await.unwrap_or_default();
                        batcher.push(Action::Finish { id, output });
                    });
                }
                Incoming::Unreadable { name, message } => {
                    batcher.push(Action::Unreadable { id, name, message });
                }
            }
        })
    };
    let on_incoming = keep.after_restore(on_incoming);
    let on_paste = {
        let (ids, on_incoming) = (ids.clone(), on_incoming.clone());
        Callback::from(move |text: String| {
            let name = ids.borrow_mut().next_paste_name();
            on_incoming.emit(Incoming::Text { name, text });
        })
    };
    let on_paste = keep.after_restore(on_paste);
    let on_typed = {
        let (batcher, parser, ids) = (batcher.clone(), parser.clone(), ids.clone());
        Callback::from(move |text: String| {
            read_typed(&batcher, &parser, &ids, &typed_id, text);
        })
    };
    let on_typed = keep.after_restore(on_typed);
    // Stable callbacks (the dispatcher never changes), so that unchanged cards and source
    // lines are not rendered again when something else in the collection changes.
    let on_remove = use_callback(collection.dispatcher(), |id: u32, dispatcher| {
        dispatcher.dispatch(Action::Remove(id))
    });
    // A card's records, last first, so that the indices not yet removed stay right.
    let on_remove_records = use_callback(
        collection.dispatcher(),
        |mut records: Vec<(u32, usize)>, dispatcher| {
            records.sort_unstable_by(|a, b| b.cmp(a));
            for (id, index) in records {
                dispatcher.dispatch(Action::RemoveRecord { id, index });
            }
        },
    );
    let set_apart = SetApart(use_callback(
        collection.dispatcher(),
        |(id, index, apart): (u32, usize, bool), dispatcher| {
            dispatcher.dispatch(Action::SetApart { id, index, apart })
        },
    ));
    let on_files = {
        let on_incoming = on_incoming.clone();
        Callback::from(move |files| read_files(files, &on_incoming))
    };
    let on_drop = {
        let on_incoming = on_incoming.clone();
        Callback::from(move |dropped| read_dropped(dropped, &on_incoming))
    };
    let on_load_examples = {
        let on_incoming = on_incoming.clone();
        Callback::from(move |()| {
            for (name, text) in EXAMPLES {
                on_incoming.emit(Incoming::Text {
                    name: name.to_string(),
                    text: text.to_string(),
                });
            }
        })
    };
    // What the shell was given before this viewer loaded, and anything it is given later (a
    // file dialog it opened; see handoff.rs).
    {
        let callbacks = (
            on_incoming.clone(),
            on_paste.clone(),
            on_typed.clone(),
            on_load_examples.clone(),
        );
        use_effect_with((), move |()| {
            let (on_incoming, on_paste, on_typed, on_load_examples) = callbacks;
            let reader = HandedOver::new(on_incoming, on_paste, on_typed, on_load_examples);
            reader.take();
            handoff::on_take(move || reader.take());
            handoff::focus_again();
        });
    }
    let intake = html! {
        <>
            <PasteBox {on_paste} {on_typed} />
            <FilePicker {on_files} />
            <SourcesList sources={collection.sources.clone()} {on_remove}
                on_clear_all={keep.on_clear_all.clone()} not_kept={keep.view.not_kept.clone()} />
            <KeepNote keep={keep.view.clone()} />
        </>
    };
    let cards = html! {
        <ContextProvider<SetApart> context={set_apart}>
            <TrialsPane sources={collection.sources.clone()} on_remove={on_remove_records} {on_load_examples} />
        </ContextProvider<SetApart>>
    };
    html! {
        <DropZone {on_drop}>
            { page_layout(intake, cards) }
        </DropZone>
    }
}

/// The inputs the shell handed over, read in the order given, one after the other (so files
/// are all listed before a paste that came after them), with the viewer's own callbacks.
struct HandedOver {
    given: RefCell<std::collections::VecDeque<Pending>>,
    reading: std::cell::Cell<bool>,
    on_incoming: Callback<Incoming>,
    on_paste: Callback<String>,
    on_typed: Callback<String>,
    on_load_examples: Callback<()>,
}

impl HandedOver {
    fn new(
        on_incoming: Callback<Incoming>,
        on_paste: Callback<String>,
        on_typed: Callback<String>,
        on_load_examples: Callback<()>,
    ) -> Rc<Self> {
        Rc::new(Self {
            given: RefCell::default(),
            reading: std::cell::Cell::new(false),
            on_incoming,
            on_paste,
            on_typed,
            on_load_examples,
        })
    }

    /// Takes what was handed over since, and reads it after what is being read.
    fn take(self: &Rc<Self>) {
        self.given.borrow_mut().extend(handoff::take_all());
        if self.reading.replace(true) {
            return;
        }
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                let next = this.given.borrow_mut().pop_front();
                let Some(pending) = next else { break };
                this.read(pending).await;
            }
            this.reading.set(false);
        });
    }

    async fn read(&self, pending: Pending) {
        match pending {
            Pending::Files(files) => read_all(files, self.on_incoming.clone()).await,
            Pending::Dropped(dropped) => {
                read_all_dropped(dropped, self.on_incoming.clone()).await;
            }
            Pending::Paste(text) => self.on_paste.emit(text),
            Pending::Typed(text) => {
                show_typed(&text);
                self.on_typed.emit(text);
            }
            Pending::Examples => self.on_load_examples.emit(()),
        }
    }
}

/// Puts the text typed into the shell's box into this box, which replaced it.
fn show_typed(text: &str) {
    if let Some(area) = gloo::utils::document()
        .get_element_by_id(PASTE_INPUT)
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        area.set_value(text);
    }
}

/// Lists the source at once (with whatever else arrives in this task) and parses its text in
/// the worker.
fn parse_into(batcher: &Batcher, parser: &Rc<Parser>, id: u32, name: String, text: String) {
    let text: Rc<str> = Rc::from(text);
    batcher.push(Action::Begin {
        id,
        name: name.clone(),
        text: text.clone(),
    });
    let (parser, batcher) = (parser.clone(), batcher.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let output = parser.parse(name, text).await;
        batcher.push(Action::Finish { id, output });
    });
}

/// What is typed into the box is one source, "Typed text": read again after each
/// pause in typing (keeping its place in the list) and removed when the box is emptied.
fn read_typed(
    batcher: &Batcher,
    parser: &Rc<Parser>,
    ids: &Rc<RefCell<SourceIds>>,
    typed_id: &Rc<RefCell<Option<u32>>>,
    text: String,
) {
    if text.trim().is_empty() {
        if let Some(id) = typed_id.borrow_mut().take() {
            batcher.push(Action::Remove(id));
        }
        return;
    }
    let id = *typed_id
        .borrow_mut()
        .get_or_insert_with(|| ids.borrow_mut().next_id());
    parse_into(batcher, parser, id, SourceIds::TYPED_TEXT.to_string(), text);
}
