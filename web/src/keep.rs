//! The collection kept in step with the browser's storage ([`crate::storage`]): restored
//! when the page opens, and every change written after it — a finished source written, a
//! removed one forgotten. Writes follow the collection, not the actions, so whatever changes
//! it is kept. A write that fails (a full disk) is told, and nothing shown is lost.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::state::{Action, Collection, SourceIds, SourceRef};
use crate::storage::{not_saved, Store};

/// Sentences about the browser's storage, for the user.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Notices(pub Vec<String>);

impl Reducible for Notices {
    type Action = String;

    fn reduce(self: Rc<Self>, notice: String) -> Rc<Self> {
        if self.0.contains(&notice) {
            return self;
        }
        let mut next = self.0.clone();
        next.push(notice);
        Rc::new(Notices(next))
    }
}

/// What the hook keeps between renders.
#[derive(Default)]
struct Kept {
    store: Option<Store>,
    /// The sources as last written, by id (compared by identity).
    written: HashMap<u32, SourceRef>,
    /// Whether the stored sources were restored (nothing is written before).
    restored: bool,
}

/// Restores the kept collection once, then writes its changes; returns the storage notices.
#[hook]
pub fn use_kept_collection(
    collection: &UseReducerHandle<Collection>,
    ids: Rc<RefCell<SourceIds>>,
) -> UseReducerHandle<Notices> {
    let notices = use_reducer(Notices::default);
    let kept = use_mut_ref(Kept::default);
    let restored = use_state(|| false);
    {
        let (dispatcher, notices, kept, restored) = (
            collection.dispatcher(),
            notices.dispatcher(),
            kept.clone(),
            restored.clone(),
        );
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                match Store::open().await {
                    Ok(store) => {
                        match store.load().await {
                            Ok(loaded) => {
                                ids.borrow_mut().continue_after(&loaded.sources);
                                let mut k = kept.borrow_mut();
                                for source in &loaded.sources {
                                    k.written.insert(source.id, source.clone());
                                }
                                for problem in loaded.problems {
                                    notices.dispatch(problem);
                                }
                                if !loaded.sources.is_empty() {
                                    dispatcher.dispatch(Action::Restore(loaded.sources));
                                }
                            }
                            Err(why) => notices.dispatch(format!(
                                "What this browser kept could not be read ({why}); new sources are kept as usual."
                            )),
                        }
                        let mut k = kept.borrow_mut();
                        k.store = Some(store);
                        k.restored = true;
                    }
                    Err(why) => notices.dispatch(format!(
                        "This browser will not keep what you load ({why}): everything works, but a reload starts empty."
                    )),
                }
                restored.set(true);
            });
        });
    }
    {
        let (notices, kept) = (notices.dispatcher(), kept.clone());
        use_effect_with(
            (collection.sources.clone(), *restored),
            move |(sources, _)| write_changes(&kept, sources, &notices),
        );
    }
    notices
}

/// Writes the sources that changed since the last write and forgets the removed ones.
fn write_changes(
    kept: &Rc<RefCell<Kept>>,
    sources: &[SourceRef],
    notices: &UseReducerDispatcher<Notices>,
) {
    let mut k = kept.borrow_mut();
    let Some(store) = k.store.clone().filter(|_| k.restored) else {
        return;
    };
    for source in sources.iter().filter(|s| !s.pending) {
        if k.written.get(&source.id) == Some(source) {
            continue;
        }
        k.written.insert(source.id, source.clone());
        let (store, source, notices) = (store.clone(), source.clone(), notices.clone());
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(why) = store.put(&source).await {
                notices.dispatch(not_saved(&source.name, &why));
            }
        });
    }
    let gone: Vec<u32> = k
        .written
        .keys()
        .copied()
        .filter(|id| !sources.iter().any(|s| s.id == *id))
        .collect();
    for id in gone {
        k.written.remove(&id);
        let (store, notices) = (store.clone(), notices.clone());
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(why) = store.delete(id).await {
                notices.dispatch(format!(
                    "A removed source could not be removed from this browser's storage ({why}); it may come back after a reload."
                ));
            }
        });
    }
}
