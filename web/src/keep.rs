//! Keeps the collection in this browser: [`use_keep`] reads back what was kept when the page
//! starts, then mirrors every change of the collection into storage (`storage.rs`). The
//! reducer stays pure; this hook only watches what it produces.
//!
//! A source is written once it is read (not while pending), again only when it changes
//! (compared by allocation, as the views do: see `SourceRef`), its text only when the text
//! itself changed; removed sources are deleted. Writes run one at a time, in order, and a
//! write still waiting is replaced by a newer one of the same source.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::rc::{Rc, Weak};

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::state::{Action, Collection, Source, SourceIds, SourceRef};
use crate::storage::{self, Database, Found, Slicer};

/// Whether this browser keeps what is loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum Availability {
    /// What was kept is being read back.
    Restoring,
    /// What is loaded is kept.
    Kept,
    /// Nothing is kept; why, as the end of a sentence.
    Off(AttrValue),
}

/// What the page shows about keeping: cheap to clone and compare.
#[derive(Debug, Clone, PartialEq)]
pub struct KeepView {
    /// Whether anything is kept.
    pub availability: Availability,
    /// Whether writes are under way.
    pub saving: bool,
    /// Per source id: why its latest state is not kept.
    pub not_kept: Rc<BTreeMap<u32, AttrValue>>,
    /// Other failures (a removal or a clearing that did not reach storage).
    pub problems: Rc<Vec<AttrValue>>,
}

impl Default for KeepView {
    fn default() -> Self {
        Self {
            availability: Availability::Restoring,
            saving: false,
            not_kept: Rc::default(),
            problems: Rc::default(),
        }
    }
}

/// How [`KeepView`] changes.
#[derive(Debug)]
pub enum ViewAction {
    /// Whether anything is kept changed.
    Availability(Availability),
    /// Writes started or all ended.
    Saving(bool),
    /// The latest state of a source (by id) was not kept: why, in a sentence naming it.
    NotKept(u32, String),
    /// A source's latest state was kept, or it was removed: no more to say about it.
    Kept(u32),
    /// Something kept could not be deleted.
    Problem(String),
    /// Everything was cleared.
    Cleared,
}

impl Reducible for KeepView {
    type Action = ViewAction;

    fn reduce(self: Rc<Self>, action: ViewAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ViewAction::Availability(availability) => next.availability = availability,
            ViewAction::Saving(saving) if saving == self.saving => return self,
            ViewAction::Saving(saving) => next.saving = saving,
            ViewAction::NotKept(id, message) => {
                Rc::make_mut(&mut next.not_kept).insert(id, message.into());
            }
            ViewAction::Kept(id) if !self.not_kept.contains_key(&id) => return self,
            ViewAction::Kept(id) => {
                Rc::make_mut(&mut next.not_kept).remove(&id);
            }
            ViewAction::Problem(message) => Rc::make_mut(&mut next.problems).push(message.into()),
            ViewAction::Cleared => {
                next.not_kept = Rc::default();
                next.problems = Rc::default();
            }
        }
        Rc::new(next)
    }
}

/// What [`use_keep`] gives the page.
pub struct Keep {
    keeper: Rc<Keeper>,
    /// What to show about keeping.
    pub view: KeepView,
    /// Empties the collection and the storage ("Clear all").
    pub on_clear_all: Callback<()>,
}

impl Keep {
    /// `callback`, held back while what was kept is read back and called after it: new
    /// sources get ids (and paste numbers) after the kept ones, and are listed after them.
    pub fn after_restore<T: 'static>(&self, callback: Callback<T>) -> Callback<T> {
        let keeper = self.keeper.clone();
        Callback::from(move |value: T| {
            if keeper.phase.get() == Phase::Restoring {
                let callback = callback.clone();
                keeper
                    .held
                    .borrow_mut()
                    .push(Box::new(move || callback.emit(value)));
            } else {
                callback.emit(value);
            }
        })
    }
}

/// Restores the kept collection once, and keeps it from then on. `ids` are the page's source
/// ids, continued after the kept sources'.
#[hook]
pub fn use_keep(collection: &UseReducerHandle<Collection>, ids: &Rc<RefCell<SourceIds>>) -> Keep {
    let view = use_reducer(KeepView::default);
    let keeper = use_memo((), |()| Keeper::default());
    {
        let (keeper, dispatcher) = (keeper.clone(), collection.dispatcher());
        let (view, ids) = (view.dispatcher(), ids.clone());
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(restore(keeper, dispatcher, view, ids));
        });
    }
    {
        let (keeper, collection, view) = (keeper.clone(), collection.clone(), view.dispatcher());
        use_effect(move || keeper.mirror(&collection.sources, &view));
    }
    let on_clear_all = {
        let (keeper, dispatcher) = (keeper.clone(), collection.dispatcher());
        let view = view.dispatcher();
        // Made once: a stable callback, so the sources list is not rendered again for it.
        use_memo((), move |()| {
            Callback::from(move |()| {
                // Forget every source first, so that the emptied collection deletes nothing
                // one by one: one clearing does it.
                keeper.clear(&view);
                dispatcher.dispatch(Action::Clear);
            })
        })
    };
    Keep {
        keeper,
        view: (*view).clone(),
        on_clear_all: (*on_clear_all).clone(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Phase {
    Restoring,
    Kept,
    Off,
}

/// One write, in the order they are made.
enum Job {
    Save(SourceRef),
    Delete(u32),
    Clear,
}

/// The hook's state; lives as long as the page.
struct Keeper {
    phase: Cell<Phase>,
    db: RefCell<Option<Rc<Database>>>,
    /// Inputs that came while restoring, to be replayed after.
    held: RefCell<Vec<Box<dyn FnOnce()>>>,
    /// Each read source's last state that was handed to storage (compared by allocation;
    /// weak, so that no removed source's records are held in memory).
    seen: RefCell<HashMap<u32, Weak<Source>>>,
    /// The text storage holds for each source (the same allocation as the source's).
    stored_text: RefCell<HashMap<u32, Rc<str>>>,
    /// Kept entries whose keys are no ids trialcards gives: the id shown → their key.
    foreign_keys: RefCell<HashMap<u32, JsValue>>,
    queue: RefCell<VecDeque<Job>>,
    writing: Cell<bool>,
}

impl Default for Keeper {
    fn default() -> Self {
        Self {
            phase: Cell::new(Phase::Restoring),
            db: RefCell::default(),
            held: RefCell::default(),
            seen: RefCell::default(),
            stored_text: RefCell::default(),
            foreign_keys: RefCell::default(),
            queue: RefCell::default(),
            writing: Cell::new(false),
        }
    }
}

type ViewDispatcher = UseReducerDispatcher<KeepView>;

/// Reads back every kept source, in id order, and lists them before anything else.
async fn restore(
    keeper: Rc<Keeper>,
    dispatcher: UseReducerDispatcher<Collection>,
    view: ViewDispatcher,
    ids: Rc<RefCell<SourceIds>>,
) {
    let opened = match Database::open().await {
        Ok(db) => db.load().await.map(|found| (db, found)),
        Err(reason) => Err(reason),
    };
    let (db, found) = match opened {
        Ok(opened) => opened,
        Err(reason) => {
            keeper.phase.set(Phase::Off);
            view.dispatch(ViewAction::Availability(Availability::Off(reason.into())));
            keeper.release_held();
            return;
        }
    };
    let mut restored = Vec::with_capacity(found.len());
    let mut foreign = Vec::new();
    let mut slicer = Slicer::new();
    for entry in &found {
        let source = match entry.read(&mut slicer).await {
            Ok(read) => Source {
                id: read.id,
                name: read.entry.name,
                text: read.text,
                pending: false,
                records: read.entry.records,
                problems: read.entry.problems,
            },
            Err(error) => unreadable(entry, error),
        };
        ids.borrow_mut().continue_after(source.id, &source.name);
        match entry.id() {
            Some(_) => restored.push(Rc::new(source)),
            None => foreign.push((entry.key.clone(), source)),
        }
    }
    // Entries under keys trialcards never gives are shown with new ids, after the others.
    for (key, mut source) in foreign {
        source.id = ids.borrow_mut().next_id();
        keeper.foreign_keys.borrow_mut().insert(source.id, key);
        restored.push(Rc::new(source));
    }
    {
        let mut seen = keeper.seen.borrow_mut();
        let mut stored_text = keeper.stored_text.borrow_mut();
        for source in &restored {
            seen.insert(source.id, Rc::downgrade(source));
            stored_text.insert(source.id, source.text.clone());
        }
    }
    *keeper.db.borrow_mut() = Some(Rc::new(db));
    keeper.phase.set(Phase::Kept);
    dispatcher.dispatch(Action::Restore(
        restored.into_iter().map(SourceRef).collect(),
    ));
    view.dispatch(ViewAction::Availability(Availability::Kept));
    keeper.release_held();
    keeper.start_writing(&view);
}

/// A kept entry that cannot be read back, listed under its name (or its key) with why; it
/// stays in storage until the user removes it.
fn unreadable(found: &Found, error: storage::EntryError) -> Source {
    let key = found.key_label();
    let message = match &error.name {
        Some(name) => format!(
            "The saved source “{name}” (key {key}) could not be read back: {}. It was left in storage untouched; Remove deletes it.",
            error.reason
        ),
        None => format!(
            "A saved source (key {key}) could not be read back: {}. It was left in storage untouched; Remove deletes it.",
            error.reason
        ),
    };
    Source::unreadable(
        found.id().unwrap_or(0),
        error
            .name
            .unwrap_or_else(|| format!("Saved source (key {key})")),
        message,
    )
}

impl Keeper {
    fn release_held(&self) {
        let held = std::mem::take(&mut *self.held.borrow_mut());
        for input in held {
            input();
        }
    }

    /// Queues the writes that bring storage to `sources`.
    fn mirror(self: &Rc<Self>, sources: &[SourceRef], view: &ViewDispatcher) {
        if self.phase.get() == Phase::Off {
            return;
        }
        let mut present = HashSet::with_capacity(sources.len());
        {
            let mut seen = self.seen.borrow_mut();
            let mut queue = self.queue.borrow_mut();
            for source in sources {
                present.insert(source.id);
                let known = seen
                    .get(&source.id)
                    .is_some_and(|kept| std::ptr::eq(kept.as_ptr(), Rc::as_ptr(&source.0)));
                if source.pending || known {
                    continue;
                }
                seen.insert(source.id, Rc::downgrade(&source.0));
                // A newer state replaces one still waiting.
                queue.retain(|job| !matches!(job, Job::Save(s) if s.id == source.id));
                queue.push_back(Job::Save(source.clone()));
            }
            let gone: Vec<u32> = seen
                .keys()
                .filter(|id| !present.contains(id))
                .copied()
                .collect();
            for id in gone {
                seen.remove(&id);
                queue.retain(|job| !matches!(job, Job::Save(s) if s.id == id));
                queue.push_back(Job::Delete(id));
            }
        }
        self.start_writing(view);
    }

    /// Forgets every source and queues one clearing of the storage.
    fn clear(self: &Rc<Self>, view: &ViewDispatcher) {
        if self.phase.get() == Phase::Off {
            return;
        }
        self.seen.borrow_mut().clear();
        self.foreign_keys.borrow_mut().clear();
        let mut queue = self.queue.borrow_mut();
        queue.clear();
        queue.push_back(Job::Clear);
        drop(queue);
        view.dispatch(ViewAction::Cleared);
        self.start_writing(view);
    }

    fn start_writing(self: &Rc<Self>, view: &ViewDispatcher) {
        if self.phase.get() != Phase::Kept || self.writing.get() || self.queue.borrow().is_empty() {
            return;
        }
        let Some(db) = self.db.borrow().clone() else {
            return;
        };
        self.writing.set(true);
        view.dispatch(ViewAction::Saving(true));
        let (keeper, view) = (self.clone(), view.clone());
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                let job = keeper.queue.borrow_mut().pop_front();
                match job {
                    Some(job) => keeper.write(&db, job, &view).await,
                    None => break,
                }
            }
            keeper.writing.set(false);
            view.dispatch(ViewAction::Saving(false));
        });
    }

    async fn write(&self, db: &Database, job: Job, view: &ViewDispatcher) {
        match job {
            Job::Save(source) => {
                let stored = self.stored_text.borrow().get(&source.id).cloned();
                let text_kept = stored
                    .as_ref()
                    .is_some_and(|text| Rc::ptr_eq(text, &source.text));
                // Not in the same task as the render that brought the change: the page
                // paints between the two.
                gloo::timers::future::TimeoutFuture::new(0).await;
                let entry = storage::encode_entry(&source, &mut Slicer::new()).await;
                let text = (!text_kept).then_some(&*source.text);
                match db.save(source.id, &entry, text, stored.is_none()).await {
                    Ok(()) => {
                        self.stored_text
                            .borrow_mut()
                            .insert(source.id, source.text.clone());
                        view.dispatch(ViewAction::Kept(source.id));
                    }
                    // Removed (or cleared) while it was written: nothing to say about it.
                    Err(_) if !self.seen.borrow().contains_key(&source.id) => {}
                    Err(error) => {
                        let message = match stored {
                            None => format!(
                                "{} was not saved in this browser: {}. It is shown now but will be gone after a reload.",
                                source.name, error
                            ),
                            Some(_) => format!(
                                "This change to {} was not saved in this browser: {}. It is shown now; a reload brings back what was saved before.",
                                source.name, error
                            ),
                        };
                        view.dispatch(ViewAction::NotKept(source.id, message));
                    }
                }
            }
            Job::Delete(id) => {
                self.stored_text.borrow_mut().remove(&id);
                view.dispatch(ViewAction::Kept(id));
                let key = self
                    .foreign_keys
                    .borrow_mut()
                    .remove(&id)
                    .unwrap_or_else(|| id.into());
                if let Err(reason) = db.delete(&key).await {
                    view.dispatch(ViewAction::Problem(format!(
                        "A removed source could not be deleted from this browser's storage: {reason}. It may come back after a reload."
                    )));
                }
            }
            Job::Clear => {
                self.stored_text.borrow_mut().clear();
                if let Err(reason) = db.clear().await {
                    view.dispatch(ViewAction::Problem(format!(
                        "This browser's storage could not be cleared: {reason}. What was saved may come back after a reload."
                    )));
                }
            }
        }
    }
}
