//! Keeps the collection in this browser: [`use_keep`] reads back what was kept when the page
//! starts, then mirrors every change of the collection into storage (`storage.rs`). The
//! reducer stays pure; this hook only watches what it produces.
//!
//! A source is written once it is read (not while pending), again only when it changes
//! (compared by allocation, as the views do: see `SourceRef`), its text only when the text
//! itself changed; removed sources are deleted. Writes run one at a time, in order, and a
//! write still waiting is replaced by a newer one of the same source. Saves queued one after
//! another are written together, up to [`BATCH_SOURCES`] in a transaction (each source on
//! its own again if that fails, so that only the one that cannot be kept is named).

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::rc::{Rc, Weak};

use trialcards_core::collection::kept::{self, EntryError};
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::slicer::Slicer;
use crate::state::{Action, Collection, Source, SourceIds, SourceRef};
use crate::storage::{self, Database, Found, Save};

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
            let mut state = keeper.state.borrow_mut();
            if state.phase == Phase::Restoring {
                let callback = callback.clone();
                state.held.push(Box::new(move || callback.emit(value)));
            } else {
                drop(state);
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

/// The most sources written in one transaction.
const BATCH_SOURCES: usize = 256;
/// The most bytes of text of the sources written in one transaction (a larger source is
/// written alone).
const BATCH_BYTES: usize = 1 << 20;

/// One write, in the order they are made.
enum Job {
    Save(SourceRef),
    Delete(u32),
    Clear,
}

/// The hook's state; lives as long as the page. One cell, borrowed only briefly: never
/// across an await, a dispatch or a held input's replay.
#[derive(Default)]
struct Keeper {
    state: RefCell<KeepState>,
}

/// Everything keeping knows.
struct KeepState {
    phase: Phase,
    db: Option<Rc<Database>>,
    /// Inputs that came while restoring, to be replayed after.
    held: Vec<Box<dyn FnOnce()>>,
    /// Each read source's last state that was handed to storage (compared by allocation;
    /// weak, so that no removed source's records are held in memory).
    seen: HashMap<u32, Weak<Source>>,
    /// The text storage holds for each source (the same allocation as the source's).
    stored_text: HashMap<u32, Rc<str>>,
    /// Kept entries whose keys are no ids trialcards gives: the id shown → their key.
    foreign_keys: HashMap<u32, JsValue>,
    queue: VecDeque<Job>,
    writing: bool,
}

impl Default for KeepState {
    fn default() -> Self {
        Self {
            phase: Phase::Restoring,
            db: None,
            held: Vec::new(),
            seen: HashMap::new(),
            stored_text: HashMap::new(),
            foreign_keys: HashMap::new(),
            queue: VecDeque::new(),
            writing: false,
        }
    }
}

impl KeepState {
    /// The sources read back are what storage holds; from now on changes are kept.
    fn restored(&mut self, db: Database, restored: &[Rc<Source>]) {
        for source in restored {
            self.seen.insert(source.id, Rc::downgrade(source));
            self.stored_text.insert(source.id, source.text.clone());
        }
        self.db = Some(Rc::new(db));
        self.phase = Phase::Kept;
    }

    /// Queues the writes that bring storage to `sources`: a save for each read source new
    /// or changed since it was last handed to storage (replacing a save of it still waiting),
    /// a deletion for each source gone.
    fn mirror(&mut self, sources: &[SourceRef]) {
        let mut present = HashSet::with_capacity(sources.len());
        for source in sources {
            present.insert(source.id);
            let known = self
                .seen
                .get(&source.id)
                .is_some_and(|kept| std::ptr::eq(kept.as_ptr(), Rc::as_ptr(&source.0)));
            if source.pending || known {
                continue;
            }
            self.seen.insert(source.id, Rc::downgrade(&source.0));
            // A newer state replaces one still waiting.
            self.queue
                .retain(|job| !matches!(job, Job::Save(s) if s.id == source.id));
            self.queue.push_back(Job::Save(source.clone()));
        }
        let gone: Vec<u32> = self
            .seen
            .keys()
            .filter(|id| !present.contains(id))
            .copied()
            .collect();
        for id in gone {
            self.seen.remove(&id);
            self.queue
                .retain(|job| !matches!(job, Job::Save(s) if s.id == id));
            self.queue.push_back(Job::Delete(id));
        }
    }

    /// Forgets every source and queues one clearing of the storage in place of every write
    /// still waiting.
    fn clear(&mut self) {
        self.seen.clear();
        self.foreign_keys.clear();
        self.queue.clear();
        self.queue.push_back(Job::Clear);
    }

    /// The database to write to, when writes may start now (kept, not writing already, and
    /// something to write); they have started then.
    fn start_writing(&mut self) -> Option<Rc<Database>> {
        if self.phase != Phase::Kept || self.writing || self.queue.is_empty() {
            return None;
        }
        let db = self.db.clone()?;
        self.writing = true;
        Some(db)
    }

    /// The saves queued next after one of a text of `bytes`, to be written with it in one
    /// transaction: up to [`BATCH_SOURCES`] in all, their texts up to [`BATCH_BYTES`].
    fn more_saves(&mut self, mut bytes: usize) -> Vec<SourceRef> {
        let mut more = Vec::new();
        while more.len() + 1 < BATCH_SOURCES {
            match self.queue.front() {
                Some(Job::Save(next)) if bytes + next.text.len() <= BATCH_BYTES => {
                    bytes += next.text.len();
                }
                _ => break,
            }
            if let Some(Job::Save(next)) = self.queue.pop_front() {
                more.push(next);
            }
        }
        more
    }

    /// The next write, or `None` (writing has ended then).
    fn next_job(&mut self) -> Option<Job> {
        let job = self.queue.pop_front();
        self.writing = job.is_some();
        job
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
            keeper.state.borrow_mut().phase = Phase::Off;
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
            Err(error) => unreadable(entry, &error),
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
        keeper
            .state
            .borrow_mut()
            .foreign_keys
            .insert(source.id, key);
        restored.push(Rc::new(source));
    }
    keeper.state.borrow_mut().restored(db, &restored);
    dispatcher.dispatch(Action::Restore(
        restored.into_iter().map(SourceRef).collect(),
    ));
    view.dispatch(ViewAction::Availability(Availability::Kept));
    keeper.release_held();
    keeper.start_writing(&view);
}

/// A kept entry that cannot be read back, listed under its name (or its key) with why; it
/// stays in storage until the user removes it.
fn unreadable(found: &Found, error: &EntryError) -> Source {
    let key = found.key_label();
    Source::unreadable(
        found.id().unwrap_or(0),
        error.listed_name(&key),
        error.message(&key),
    )
}

impl Keeper {
    /// Replays the inputs held while restoring (with the cell free: they may come back here).
    fn release_held(&self) {
        let held = std::mem::take(&mut self.state.borrow_mut().held);
        for input in held {
            input();
        }
    }

    /// Queues the writes that bring storage to `sources`, and starts them.
    fn mirror(self: &Rc<Self>, sources: &[SourceRef], view: &ViewDispatcher) {
        {
            let mut state = self.state.borrow_mut();
            if state.phase == Phase::Off {
                return;
            }
            state.mirror(sources);
        }
        self.start_writing(view);
    }

    /// Forgets every source and queues one clearing of the storage.
    fn clear(self: &Rc<Self>, view: &ViewDispatcher) {
        {
            let mut state = self.state.borrow_mut();
            if state.phase == Phase::Off {
                return;
            }
            state.clear();
        }
        view.dispatch(ViewAction::Cleared);
        self.start_writing(view);
    }

    fn start_writing(self: &Rc<Self>, view: &ViewDispatcher) {
        let Some(db) = self.state.borrow_mut().start_writing() else {
            return;
        };
        view.dispatch(ViewAction::Saving(true));
        let (keeper, view) = (self.clone(), view.clone());
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                let job = keeper.state.borrow_mut().next_job();
                match job {
                    Some(job) => keeper.write(&db, job, &view).await,
                    None => break,
                }
            }
            view.dispatch(ViewAction::Saving(false));
        });
    }

    /// Writes `sources` in one transaction; if that fails, each on its own, so that the
    /// others are kept and the one that is not is named.
    async fn save(&self, db: &Database, sources: &[SourceRef], view: &ViewDispatcher) {
        // Not in the same task as the render that brought the change: the page paints
        // between the two.
        gloo::timers::future::TimeoutFuture::new(0).await;
        let mut slicer = Slicer::new();
        let mut entries = Vec::with_capacity(sources.len());
        for source in sources {
            let stored = self.state.borrow().stored_text.get(&source.id).cloned();
            let text_kept = stored
                .as_ref()
                .is_some_and(|text| Rc::ptr_eq(text, &source.text));
            let entry = storage::encode_entry(source, &mut slicer).await;
            entries.push((entry, !text_kept, stored.is_some()));
        }
        if sources.len() > 1 {
            let saves: Vec<Save> = sources
                .iter()
                .zip(&entries)
                .map(|(source, (entry, with_text, stored))| Save {
                    id: source.id,
                    entry,
                    text: with_text.then_some(&*source.text),
                    first: !stored,
                })
                .collect();
            if db.save_all(&saves, &mut slicer).await.is_ok() {
                sources.iter().for_each(|source| self.saved(source, view));
                return;
            }
        }
        for (source, (entry, with_text, stored)) in sources.iter().zip(&entries) {
            let text = with_text.then_some(&*source.text);
            match db.save(source.id, entry, text, !stored, &mut slicer).await {
                Ok(()) => self.saved(source, view),
                // Removed (or cleared) while it was written: nothing to say about it.
                Err(_) if !self.state.borrow().seen.contains_key(&source.id) => {}
                Err(error) => {
                    let message = kept::not_saved(&source.name, &error, *stored);
                    view.dispatch(ViewAction::NotKept(source.id, message));
                }
            }
        }
    }

    /// `source` is kept as it is now.
    fn saved(&self, source: &SourceRef, view: &ViewDispatcher) {
        self.state
            .borrow_mut()
            .stored_text
            .insert(source.id, source.text.clone());
        view.dispatch(ViewAction::Kept(source.id));
    }

    async fn write(&self, db: &Database, job: Job, view: &ViewDispatcher) {
        match job {
            Job::Save(source) => {
                let more = self.state.borrow_mut().more_saves(source.text.len());
                let mut sources = vec![source];
                sources.extend(more);
                self.save(db, &sources, view).await;
            }
            Job::Delete(id) => {
                self.state.borrow_mut().stored_text.remove(&id);
                view.dispatch(ViewAction::Kept(id));
                let key = self
                    .state
                    .borrow_mut()
                    .foreign_keys
                    .remove(&id)
                    .unwrap_or_else(|| id.into());
                if let Err(reason) = db.delete(&key).await {
                    view.dispatch(ViewAction::Problem(kept::not_deleted(&reason)));
                }
            }
            Job::Clear => {
                self.state.borrow_mut().stored_text.clear();
                if let Err(reason) = db.clear().await {
                    view.dispatch(ViewAction::Problem(kept::not_cleared(&reason)));
                }
            }
        }
    }
}
