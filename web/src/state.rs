//! The collection the viewer shows, and the named actions that change it.

use std::rc::Rc;

use trialcards_core::{Diagnostic, ParseOutput, Severity, Study};
use yew::{Callback, Reducible};

/// One input the user gave: a file or a pasted text, and what came of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Unique within the page's lifetime; stable while the source is loaded.
    pub id: u32,
    /// The file name, or "Pasted text N".
    pub name: String,
    /// The text it was read from, for "View source text".
    pub text: Rc<str>,
    /// Whether it is still being read or parsed.
    pub pending: bool,
    /// The records read from it.
    pub records: Vec<Study>,
    /// What was wrong with it, if anything.
    pub problems: Vec<Diagnostic>,
}

impl Source {
    /// A source that gave nothing: no text, no record, one error saying why.
    pub fn unreadable(id: u32, name: String, message: String) -> Self {
        Source {
            id,
            name,
            text: Rc::from(""),
            pending: false,
            records: Vec::new(),
            problems: vec![Diagnostic {
                severity: Severity::Error,
                line: None,
                message,
            }],
        }
    }
}

/// A loaded source, shared between the collection and the views, and compared by identity.
/// The reducer gives a source a new allocation whenever it changes it (`Rc::make_mut` on a
/// shared `Rc`), so two handles are equal exactly when they are the same allocation: the
/// views' props compare a pointer, not a 25 MB text and thousands of records, on every render.
#[derive(Debug, Clone)]
pub struct SourceRef(pub Rc<Source>);

impl PartialEq for SourceRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SourceRef {
    type Target = Source;

    fn deref(&self) -> &Source {
        &self.0
    }
}

/// Everything loaded: the sources in the order they were added.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Collection {
    /// The loaded sources, oldest first (shared, so views clone them cheaply).
    pub sources: Vec<SourceRef>,
}

impl Collection {
    /// How many records are loaded.
    pub fn record_count(&self) -> usize {
        self.sources.iter().map(|s| s.records.len()).sum()
    }

    fn source_mut(&mut self, id: u32) -> Option<&mut Source> {
        self.sources
            .iter_mut()
            .rev()
            .find(|s| s.id == id)
            .map(|s| Rc::make_mut(&mut s.0))
    }
}

/// The ways the collection changes.
#[derive(Debug, Clone)]
pub enum Action {
    /// An input arrived and is being parsed; it is listed at once, in arrival order.
    /// For an id already listed (typed text read again) the source restarts in place.
    Begin {
        /// The new source's id (from [`SourceIds`]).
        id: u32,
        /// Its name.
        name: String,
        /// Its text.
        text: Rc<str>,
    },
    /// The parser finished with a source.
    Finish {
        /// The source.
        id: u32,
        /// What the parser found.
        output: ParseOutput,
    },
    /// A file could not be read at all.
    Unreadable {
        /// The new source's id.
        id: u32,
        /// The file's name.
        name: String,
        /// Why it could not be read, in a sentence that names it.
        message: String,
    },
    /// Remove a source and its records.
    Remove(u32),
    /// Remove one record (one card) of a source.
    RemoveRecord {
        /// The source.
        id: u32,
        /// The record's index among the source's records.
        index: usize,
    },
    /// Split one record off the trial it shares registry IDs with (`apart`), or join it again:
    /// the record's `trialcards.apart`, kept with the source like the rest of it.
    SetApart {
        /// The source.
        id: u32,
        /// The record's index among the source's records.
        index: usize,
        /// Whether it stands apart.
        apart: bool,
    },
    /// The sources this browser kept, read back when the page starts: listed before any
    /// other, in the order given (id order), as the very allocations given, so that whoever
    /// read them back knows them again (see `keep.rs`).
    Restore(Vec<SourceRef>),
    /// Remove every source ("Clear all").
    Clear,
    /// These actions, in order, with one re-render (see `batch.rs`).
    Batch(Vec<Action>),
}

impl Reducible for Collection {
    type Action = Action;

    /// Applies the action; a [`Action::Batch`] applies its actions in place on one copy of the
    /// collection (copying the list of 10,000 sources once per batch, not once per file). An
    /// action that changes nothing returns the same `Rc`, which skips the re-render.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = self;
        apply(&mut state, action);
        state
    }
}

/// Applies one action to `state`, copying the collection only if it is shared and the
/// action changes it.
fn apply(state: &mut Rc<Collection>, action: Action) {
    // New sources are at the end, and actions are mostly about them: look from the end.
    let known = |id: u32| state.sources.iter().rev().any(|s| s.id == id);
    match &action {
        // A source removed while it was parsed, or removed twice: nothing changes.
        Action::Finish { id, .. }
        | Action::Remove(id)
        | Action::RemoveRecord { id, .. }
        | Action::SetApart { id, .. }
            if !known(*id) =>
        {
            return
        }
        Action::Restore(restored) if restored.is_empty() => return,
        Action::Clear if state.sources.is_empty() => return,
        _ => {}
    }
    if let Action::Batch(actions) = action {
        for action in actions {
            apply(state, action);
        }
        return;
    }
    let next = Rc::make_mut(state);
    match action {
        Action::Begin { id, name, text } => {
            let fresh = Source {
                id,
                name,
                text,
                pending: true,
                records: Vec::new(),
                problems: Vec::new(),
            };
            match next.source_mut(id) {
                Some(source) => *source = fresh,
                None => next.sources.push(SourceRef(Rc::new(fresh))),
            }
        }
        Action::Finish { id, output } => {
            if let Some(source) = next.source_mut(id) {
                source.pending = false;
                source.records = output.records;
                source.problems = output.diagnostics;
            }
        }
        Action::Unreadable { id, name, message } => {
            next.sources
                .push(SourceRef(Rc::new(Source::unreadable(id, name, message))));
        }
        Action::Remove(id) => next.sources.retain(|s| s.id != id),
        Action::RemoveRecord { id, index } => {
            if let Some(source) = next.source_mut(id) {
                if index < source.records.len() {
                    source.records.remove(index);
                }
            }
        }
        Action::SetApart { id, index, apart } => {
            if let Some(record) = next.source_mut(id).and_then(|s| s.records.get_mut(index)) {
                record.trialcards.apart = apart;
            }
        }
        Action::Restore(restored) => {
            next.sources.splice(0..0, restored);
        }
        Action::Clear => next.sources.clear(),
        Action::Batch(_) => {}
    }
}

/// Splits a record off its trial or joins it again: (source id, record index, apart). Given
/// by the app as a context to the cards, so that no component between them passes it on.
#[derive(Clone, PartialEq)]
pub struct SetApart(pub Callback<(u32, usize, bool)>);

/// Hands out source ids and paste numbers; lives as long as the page.
#[derive(Debug, Default)]
pub struct SourceIds {
    next_id: u32,
    pastes: u32,
}

impl SourceIds {
    /// A fresh source id.
    pub fn next_id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    /// The name of the source that holds what was typed into the paste box.
    pub const TYPED_TEXT: &'static str = "Typed text";

    /// The name of the next pasted text: "Pasted text 1", "Pasted text 2", …
    pub fn next_paste_name(&mut self) -> String {
        self.pastes = self.pastes.saturating_add(1);
        format!("Pasted text {}", self.pastes)
    }

    /// Continues after a source kept from an earlier visit: later ids are higher than its
    /// id, and later pastes do not take its name again if it is a "Pasted text N".
    pub fn continue_after(&mut self, id: u32, name: &str) {
        self.next_id = self.next_id.max(id);
        let number = name.strip_prefix("Pasted text ").map(str::parse::<u32>);
        if let Some(Ok(number)) = number {
            self.pastes = self.pastes.max(number);
        }
    }
}
