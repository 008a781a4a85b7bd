//! The collection the viewer shows, and the named actions that change it.

use std::rc::Rc;

use trialcards_core::{Diagnostic, Study};
use yew::Reducible;

/// One input the user gave: a file or a pasted text, and what came of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Unique within the collection; stable while the source is loaded.
    pub id: u32,
    /// The file name, or "Pasted text N".
    pub name: String,
    /// The records read from it.
    pub records: Vec<Study>,
    /// What was wrong with it, if anything.
    pub problems: Vec<Diagnostic>,
}

/// Everything loaded: the sources in the order they were added.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Collection {
    /// The loaded sources, oldest first.
    pub sources: Vec<Source>,
    next_id: u32,
    pastes: u32,
}

impl Collection {
    /// Every record of every source, in load order.
    pub fn records(&self) -> impl Iterator<Item = &Study> {
        self.sources.iter().flat_map(|s| s.records.iter())
    }

    /// How many records are loaded.
    pub fn record_count(&self) -> usize {
        self.sources.iter().map(|s| s.records.len()).sum()
    }
}

/// The ways the collection changes.
#[derive(Debug, Clone)]
pub enum Action {
    /// Parse a pasted text and add it as "Pasted text N".
    AddPaste(String),
    /// Parse a file's text and add it under the file's name.
    AddFile {
        /// The file's name.
        name: String,
        /// Its text.
        text: String,
    },
    /// Remove a source and its records.
    RemoveSource(u32),
    /// A file could not be read at all.
    FileUnreadable {
        /// The file's name.
        name: String,
        /// Why it could not be read.
        reason: String,
    },
}

impl Reducible for Collection {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if let Action::RemoveSource(id) = action {
            if !self.sources.iter().any(|s| s.id == id) {
                // Nothing to remove: returning the same Rc skips the re-render.
                return self;
            }
        }
        let mut next = (*self).clone();
        match action {
            Action::AddPaste(text) => {
                next.pastes += 1;
                let name = format!("Pasted text {}", next.pastes);
                next.add_parsed(name, &text);
            }
            Action::AddFile { name, text } => next.add_parsed(name, &text),
            Action::RemoveSource(id) => next.sources.retain(|s| s.id != id),
            Action::FileUnreadable { name, reason } => {
                let problem = Diagnostic {
                    severity: trialcards_core::Severity::Error,
                    line: None,
                    message: format!("{name}: cannot be read: {reason}"),
                };
                next.push(name, Vec::new(), vec![problem]);
            }
        }
        Rc::new(next)
    }
}

impl Collection {
    fn add_parsed(&mut self, name: String, text: &str) {
        let parsed = trialcards_core::parse(&name, text);
        self.push(name, parsed.records, parsed.diagnostics);
    }

    fn push(&mut self, name: String, records: Vec<Study>, problems: Vec<Diagnostic>) {
        self.next_id += 1;
        self.sources.push(Source {
            id: self.next_id,
            name,
            records,
            problems,
        });
    }
}
