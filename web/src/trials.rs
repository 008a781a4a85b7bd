//! The trials the cards show, derived from the collection: records of the same trial (the
//! same NCT ID from several sources) reconciled into one [`Trial`], each with its searchable
//! text; and the view's filters, search and sort applied to them.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::rc::Rc;

use trialcards_core::collection::filter::View;
use trialcards_core::collection::reconcile::{reconcile, Difference};
use trialcards_core::collection::search::SearchText;
use trialcards_core::collection::sort;
use trialcards_core::model::{CtEnum, Phase, Sex, Status, StudyType};
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
    /// The record's searchable text, built the first time a search needs it (a 25 MB
    /// source's 14,000 records are not indexed until someone searches).
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
    /// Stable while the trial is loaded: its NCT ID, or "source-index" for a record without one.
    pub key: String,
    /// Its records, in the order they were loaded.
    pub members: Vec<Member>,
    /// Which member is shown (the one updated last).
    pub primary: usize,
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

/// Searchable texts of each source's records, kept while the source is unchanged, so that
/// adding one file does not rebuild the text of every record already loaded.
#[derive(Debug, Default)]
pub struct TextCache {
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

/// The trials in the collection, in the order each was first loaded.
pub fn trials(sources: &[SourceRef], cache: &mut TextCache) -> Vec<Rc<Trial>> {
    cache.retain(sources);
    let mut members = Vec::new();
    for source in sources {
        let texts = cache.texts(source).to_vec();
        for (index, text) in texts.into_iter().enumerate() {
            members.push(Member {
                source: source.clone(),
                index,
                text,
            });
        }
    }
    let keyed: Vec<(usize, &Study)> = members
        .iter()
        .enumerate()
        .map(|(i, m)| (i, m.study()))
        .collect();
    reconcile(&keyed)
        .into_iter()
        .map(|group| {
            let members: Vec<Member> = group.members.iter().map(|&i| members[i].clone()).collect();
            let key = group.nct_id.clone().unwrap_or_else(|| {
                let first = &members[0];
                format!("{}-{}", first.source.id, first.index)
            });
            Rc::new(Trial {
                key,
                members,
                primary: group.primary,
                differences: group.differences,
            })
        })
        .collect()
}

/// The trials the view shows, in its order: a trial is shown when one of its records passes
/// every filter and the search.
pub fn shown(trials: &[Rc<Trial>], view: &View) -> Vec<Rc<Trial>> {
    let matcher = view.matcher();
    // Without a search no record's text is needed (nor built).
    let no_text = SearchText::default();
    let searching = !matcher.query().is_empty();
    let mut kept: Vec<Rc<Trial>> = trials
        .iter()
        .filter(|t| {
            t.members.iter().any(|m| {
                let text = if searching { m.text() } else { &no_text };
                matcher.matches(m.study(), text)
            })
        })
        .cloned()
        .collect();
    if view.sort != sort::SortKey::Loaded || view.descending {
        kept.sort_by(|a, b| sort::compare(view.sort, view.descending, a.study(), b.study()));
    }
    kept
}

/// The values each filter can take in the collection, with how many trials have each.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    /// Overall statuses, in CT.gov's order.
    pub statuses: Vec<(Status, usize)>,
    /// Phases, in CT.gov's order.
    pub phases: Vec<(Phase, usize)>,
    /// Study types.
    pub study_types: Vec<(StudyType, usize)>,
    /// Sexes accepted (a trial open to all counts for each).
    pub sexes: Vec<(Sex, usize)>,
    /// Source layouts, by name, in order of first appearance.
    pub layouts: Vec<(String, usize)>,
    /// How many trials have posted results.
    pub with_results: usize,
}

/// The facets of `trials`: every value found in any of a trial's records counts once per trial.
pub fn facets(trials: &[Rc<Trial>]) -> Facets {
    let mut facets = Facets::default();
    let (mut statuses, mut phases, mut types, mut sexes) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for trial in trials {
        let studies: Vec<&Study> = trial.members.iter().map(Member::study).collect();
        statuses.extend(distinct(&studies, |s| {
            s.protocol_section
                .status_module
                .overall_status
                .into_iter()
                .collect()
        }));
        phases.extend(distinct(&studies, |s| {
            s.protocol_section.design_module.phases.clone()
        }));
        types.extend(distinct(&studies, |s| {
            s.protocol_section
                .design_module
                .study_type
                .into_iter()
                .collect()
        }));
        sexes.extend(distinct(&studies, |s| {
            match s.protocol_section.eligibility_module.sex {
                Some(Sex::All) => vec![Sex::Female, Sex::Male, Sex::All],
                other => other.into_iter().collect(),
            }
        }));
        for layout in distinct(&studies, |s| vec![s.trialcards.source.layout.clone()]) {
            match facets.layouts.iter_mut().find(|(l, _)| *l == layout) {
                Some((_, n)) => *n += 1,
                None => facets.layouts.push((layout, 1)),
            }
        }
        if studies.iter().any(|s| s.has_results == Some(true)) {
            facets.with_results += 1;
        }
    }
    facets.statuses = tally(&statuses);
    facets.phases = tally(&phases);
    facets.study_types = tally(&types);
    facets.sexes = tally(&sexes);
    facets
}

/// The values `each` gives for any of `studies`, each once.
fn distinct<T: PartialEq>(studies: &[&Study], each: impl Fn(&Study) -> Vec<T>) -> Vec<T> {
    let mut seen = Vec::new();
    for value in studies.iter().flat_map(|s| each(s)) {
        if !seen.contains(&value) {
            seen.push(value);
        }
    }
    seen
}

/// How often each of an enum's values occurs, in CT.gov's order, leaving out those that don't.
fn tally<E: CtEnum + PartialEq>(found: &[E]) -> Vec<(E, usize)> {
    E::ALL
        .iter()
        .map(|v| (*v, found.iter().filter(|f| *f == v).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}
