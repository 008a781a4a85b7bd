//! What the trials pane shows: the view (search, filters, sort) and the trials picked for
//! comparison, both kept in the URL fragment, and whether the comparison is open; with the
//! named actions that change them. The reducer is pure: the pane writes the fragment into the
//! address after each change (see `fragment.rs`).

use std::rc::Rc;

use trialcards_core::collection::filter::View;
use yew::Reducible;

use crate::fragment::Fragment;
use crate::trials::Trial;

/// The fewest trials compared at once.
pub const COMPARE_MIN: usize = 2;
/// The most trials compared (and picked) at once.
pub const COMPARE_MAX: usize = 6;

/// The pane's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PaneState {
    /// The view and the picks, as the URL fragment holds them.
    pub location: Fragment,
    /// Whether the comparison is open (it shows only while enough loaded trials are picked).
    pub comparing: bool,
}

impl PaneState {
    /// The state an address opens: the comparison open when it picks enough trials.
    pub fn at(location: Fragment) -> Self {
        PaneState {
            comparing: location.compare.len() >= COMPARE_MIN,
            location,
        }
    }

    /// The view.
    pub fn view(&self) -> &View {
        &self.location.view
    }

    /// The picked trials that are loaded, in the order they were picked (a pick in the
    /// address may name a trial not loaded, or not loaded yet).
    pub fn picked(&self, trials: &[Rc<Trial>]) -> Vec<Rc<Trial>> {
        self.location
            .compare
            .iter()
            .filter_map(|key| trials.iter().find(|t| &t.key == key).cloned())
            .collect()
    }

    /// Whether the comparison table shows: opened, with enough loaded trials picked.
    pub fn shows_comparison(&self, picked: usize) -> bool {
        self.comparing && picked >= COMPARE_MIN
    }
}

/// The ways the pane's state changes.
#[derive(Debug, Clone, PartialEq)]
pub enum PaneAction {
    /// The address changed outside the page (by hand, or a bookmark opened in this tab).
    Located(Fragment),
    /// The user changed the search, a filter or the sort.
    SetView(View),
    /// "Clear search and filters": the sort stays.
    ClearView,
    /// Pick a trial (by key) for comparison: added last, unless [`COMPARE_MAX`] are picked.
    Pick(String),
    /// Take a trial (by key) out of the comparison.
    Unpick(String),
    /// "Clear picks".
    ClearPicks,
    /// Open the comparison.
    OpenCompare,
    /// Close the comparison; the picks stay.
    CloseCompare,
}

impl Reducible for PaneState {
    type Action = PaneAction;

    fn reduce(self: Rc<Self>, action: PaneAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PaneAction::Located(location) => next.location = location,
            PaneAction::SetView(view) => next.location.view = view,
            PaneAction::ClearView => next.location.view = self.view().cleared(),
            PaneAction::Pick(key) => {
                let compare = &mut next.location.compare;
                compare.retain(|k| *k != key);
                if compare.len() < COMPARE_MAX {
                    compare.push(key);
                }
            }
            PaneAction::Unpick(key) => next.location.compare.retain(|k| *k != key),
            PaneAction::ClearPicks => next.location.compare.clear(),
            PaneAction::OpenCompare => next.comparing = true,
            PaneAction::CloseCompare => next.comparing = false,
        }
        if next == *self {
            // Nothing changed: the same state, and no render.
            return self;
        }
        Rc::new(next)
    }
}
