//! The trials the cards show, derived from the collection: records of the same trial (the
//! same NCT ID from several sources) reconciled into one [`Trial`], each with its searchable
//! text built in the background (or by the first search that needs it) and cached per source.
//! Which of them a view shows, and what its filters offer, the core decides
//! ([`shown::shown`], [`facets::facets`]).

use std::cell::{Cell, OnceCell};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use trialcards_core::collection::facets::{self, Facets};
use trialcards_core::collection::filter::View;
use trialcards_core::collection::reconcile::{Difference, Finer, Grouping};
use trialcards_core::collection::search::SearchText;
use trialcards_core::collection::shown::{self, TrialRecords};
use trialcards_core::Study;

use crate::state::SourceRef;

/// A record's searchable text, built on first use and shared by every trial list made from
/// the unchanged source.
pub type LazyText = Rc<OnceCell<SearchText>>;

/// One record of a trial: which source, which of its records.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The source the record came from.
    pub source: SourceRef,
    /// The record's index among the source's records.
    pub index: usize,
    /// The record's searchable text, built in slices in the background
    /// ([`warm_search_texts`]) or by a search that needs it sooner; never for a 25 MB
    /// source's 14,000 records in one task at load.
    pub text: LazyText,
}

impl Member {
    /// The record.
    pub fn study(&self) -> &Study {
        &self.source.records[self.index]
    }

    /// The record's searchable text.
    pub fn text(&self) -> &SearchText {
        self.text.get_or_init(|| SearchText::of(self.study()))
    }
}

/// One trial: every record of it that was loaded, the one shown, and where they disagree.
#[derive(Debug, Clone, PartialEq)]
pub struct Trial {
    /// Stable while the trial is loaded: its NCT ID, or "source-index" for a record without one
    /// or split off by the user.
    pub key: String,
    /// Its records, in the order they were loaded.
    pub members: Vec<Member>,
    /// Which member is shown (the one updated last).
    pub primary: usize,
    /// Why the members are one trial: the registry IDs they share ("same EudraCT number …").
    pub joined_by: Vec<String>,
    /// The dates the members agree on that one gives more precisely.
    pub finer: Vec<Finer>,
    /// The fields the members disagree on, with each member's value.
    pub differences: Vec<Difference>,
}

impl Trial {
    /// The member shown.
    pub fn shown(&self) -> &Member {
        &self.members[self.primary]
    }

    /// The record shown.
    pub fn study(&self) -> &Study {
        self.shown().study()
    }

    /// How many distinct sources (files or pastes) hold the trial.
    pub fn source_count(&self) -> usize {
        let mut ids: Vec<u32> = self.members.iter().map(|m| m.source.id).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    }

    /// (source id, record index) of every member, for removing the trial.
    pub fn record_keys(&self) -> Vec<(u32, usize)> {
        self.members
            .iter()
            .map(|m| (m.source.id, m.index))
            .collect()
    }
}

/// Trials compare as values, but a trial is never unequal to itself: this lets `Rc<Trial>` (and
/// lists of them) compare by pointer first, so an unchanged list of 10,000 trials in a hook's
/// dependencies or a component's props costs one comparison, not a walk through every trial.
impl Eq for Trial {}

/// The longest one slice of building search texts holds the page's thread.
const WARM_SLICE_MS: f64 = 12.0;

/// Builds every member's search text in the background, a slice of at most [`WARM_SLICE_MS`]
/// at a time, so that the first search over ten thousand records does not build them all in
/// one task (10,000 records: a task of 165 ms). Starts once the page's thread is free, also
/// while files are still arriving, so the texts are ready when the last one is listed; stops
/// once `current` no longer holds `generation` (the trials changed: the next run goes on
/// where this one stopped, as the texts are shared by every trial list made from an unchanged
/// source).
pub async fn warm_search_texts(
    trials: Rc<Vec<Rc<Trial>>>,
    current: Rc<Cell<u32>>,
    generation: u32,
) {
    let mut members = trials
        .iter()
        .flat_map(|trial| trial.members.iter())
        .filter(|member| member.text.get().is_none())
        .peekable();
    loop {
        gloo::timers::future::TimeoutFuture::new(0).await;
        if current.get() != generation {
            return;
        }
        // The clock is read every 16 texts: a text takes microseconds, a clock read a call out.
        let started = js_sys::Date::now();
        for (built, member) in members.by_ref().enumerate() {
            member.text();
            if built % 16 == 15 && js_sys::Date::now() - started >= WARM_SLICE_MS {
                break;
            }
        }
        if members.peek().is_none() {
            return;
        }
    }
}

/// The members as the core's view sees them; a member's text is built the first time a
/// search asks for it.
impl TrialRecords for Trial {
    fn record_count(&self) -> usize {
        self.members.len()
    }

    fn record(&self, index: usize) -> &Study {
        self.members[index].study()
    }

    fn search_text(&self, index: usize) -> &SearchText {
        self.members[index].text()
    }

    fn shown_record(&self) -> &Study {
        self.study()
    }
}

/// Searchable texts of each source's records, kept while the source is unchanged, so that
/// adding one file does not rebuild the text of every record already loaded.
#[derive(Debug, Default)]
struct TextCache {
    by_source: HashMap<u32, (SourceRef, Vec<LazyText>)>,
}

impl TextCache {
    fn texts(&mut self, source: &SourceRef) -> &[LazyText] {
        let fresh = match self.by_source.get(&source.id) {
            Some((cached, _)) => cached != source,
            None => true,
        };
        if fresh {
            let texts = source
                .records
                .iter()
                .map(|_| Rc::new(OnceCell::new()))
                .collect();
            self.by_source.insert(source.id, (source.clone(), texts));
        }
        &self.by_source[&source.id].1
    }

    /// Forgets sources no longer loaded.
    fn retain(&mut self, sources: &[SourceRef]) {
        self.by_source
            .retain(|id, _| sources.iter().any(|s| s.id == *id));
    }
}

/// The trials in the collection, kept between its changes: records that arrive after those
/// already grouped (files read one after another) are grouped into the trials they join
/// ([`Grouping::add`]) and only the trials they touch are made again, so that a batch of files
/// costs what it brings, not what is loaded; an unchanged trial is the same `Rc`, and its card
/// is not redrawn. Any other change (a source or record removed, a record split off, a source
/// read again, records arriving for a source listed before one that already has some) groups
/// everything again, with the same result.
#[derive(Debug, Default)]
pub struct TrialList {
    /// The sources as last seen.
    seen: Vec<SourceRef>,
    /// How many of `seen` (in order) have had their records grouped: every later one had none.
    grouped: usize,
    /// The resumable grouping over every record grouped so far.
    grouping: Grouping,
    /// The record each number in `grouping` stands for.
    members: Vec<Member>,
    /// The trials, by their group's root (the order each trial first appears).
    trials: BTreeMap<usize, Rc<Trial>>,
    /// Search texts kept across a regrouping.
    texts: TextCache,
}

impl TrialList {
    /// The trials in `sources`, in the order each was first loaded.
    pub fn update(&mut self, sources: &[SourceRef]) -> Vec<Rc<Trial>> {
        if !self.only_appends(sources) {
            let texts = std::mem::take(&mut self.texts);
            *self = TrialList {
                texts,
                ..TrialList::default()
            };
            self.texts.retain(sources);
        }
        let start = self.members.len();
        let mut grouped = self.grouped;
        for (at, source) in sources.iter().enumerate().skip(self.grouped) {
            if source.records.is_empty() {
                continue;
            }
            let texts = self.texts.texts(source).to_vec();
            self.members
                .extend(texts.into_iter().enumerate().map(|(index, text)| Member {
                    source: source.clone(),
                    index,
                    text,
                }));
            grouped = at + 1;
        }
        self.grouped = grouped;
        self.seen = sources.to_vec();
        let changed = self
            .grouping
            .add(self.members[start..].iter().map(Member::study));
        for root in changed.merged {
            self.trials.remove(&root);
        }
        for root in changed.touched {
            let trial = self.trial(root);
            self.trials.insert(root, trial);
        }
        self.trials.values().cloned().collect()
    }

    /// Whether `sources` differ from those last seen only by records of sources after every
    /// source already grouped (and by sources added at the end).
    fn only_appends(&self, sources: &[SourceRef]) -> bool {
        sources.len() >= self.seen.len()
            && self
                .seen
                .iter()
                .zip(sources)
                .enumerate()
                .all(|(at, (was, now))| {
                    was.id == now.id
                        && (at >= self.grouped
                            || was == now
                            || (was.records.is_empty() && now.records.is_empty()))
                })
    }

    /// The trial of the group whose root is `root`.
    fn trial(&self, root: usize) -> Rc<Trial> {
        let group = self.grouping.group(root, |at| self.members[at].study());
        let members: Vec<Member> = group
            .members
            .iter()
            .map(|&at| self.members[at].clone())
            .collect();
        // A record split off keeps its NCT ID, which the trial it left goes by.
        let first = &members[0];
        let key = match &group.nct_id {
            Some(nct) if !first.study().trialcards.apart => nct.clone(),
            _ => format!("{}-{}", first.source.id, first.index),
        };
        Rc::new(Trial {
            key,
            members,
            primary: group.primary,
            joined_by: group.joined_by,
            finer: group.finer,
            differences: group.differences,
        })
    }
}

/// The trials the view shows, in its order ([`shown::shown`]).
pub fn shown(trials: &[Rc<Trial>], view: &View) -> Vec<Rc<Trial>> {
    shown::shown(trials.iter().map(Rc::as_ref), view)
        .into_iter()
        .map(|position| trials[position].clone())
        .collect()
}

/// The values each filter can take among `trials` ([`facets::facets`]).
pub fn facets(trials: &[Rc<Trial>]) -> Facets {
    facets::facets(
        trials
            .iter()
            .map(|trial| trial.members.iter().map(Member::study)),
    )
}
