//! Which trials a [`View`] shows, and in what order.
//!
//! A trial is every record of it that was loaded (the same NCT ID read from several sources,
//! see [`reconcile`](crate::collection::reconcile)), one of which its card shows. The view
//! shows a trial when any of its records passes every filter and the search, and sorts the
//! trials by the records their cards show.

use crate::collection::filter::View;
use crate::collection::search::SearchText;
use crate::collection::sort;
use crate::Study;

/// A trial as a view sees it: the records of it that were loaded, each with its searchable
/// text, and the one its card shows.
pub trait TrialRecords {
    /// How many records of the trial were loaded.
    fn record_count(&self) -> usize;

    /// Its record at `index` (below [`TrialRecords::record_count`]).
    fn record(&self, index: usize) -> &Study;

    /// The searchable text of its record at `index`. Asked for only while the view has a
    /// search, so that it may be built the first time it is asked for.
    fn search_text(&self, index: usize) -> &SearchText;

    /// The record its card shows; trials sort by it.
    fn shown_record(&self) -> &Study;
}

/// The positions in `trials` of the trials `view` shows, in the view's order: a trial is
/// shown when one of its records passes every filter and the search ([`View::matcher`]), and
/// the trials shown are put in [`sort::order`] by the records their cards show: ties keep the
/// order given, and [`SortKey::Loaded`](sort::SortKey::Loaded) is the order given, reversed
/// when descending.
///
/// No record's searchable text is asked for while the view has no search.
pub fn shown<'a, T: TrialRecords + 'a>(
    trials: impl IntoIterator<Item = &'a T>,
    view: &View,
) -> Vec<usize> {
    let matcher = view.matcher();
    let no_text = SearchText::default();
    let searching = !matcher.query().is_empty();
    let kept: Vec<(usize, &T)> = trials
        .into_iter()
        .enumerate()
        .filter(|(_, trial)| {
            (0..trial.record_count()).any(|i| {
                let text = if searching {
                    trial.search_text(i)
                } else {
                    &no_text
                };
                matcher.matches(trial.record(i), text)
            })
        })
        .collect();
    let cards: Vec<&Study> = kept.iter().map(|(_, trial)| trial.shown_record()).collect();
    sort::order(&cards, view.sort, view.descending)
        .into_iter()
        .map(|i| kept[i].0)
        .collect()
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::collection::test_records::study;
    use crate::model::Status;
    use serde_json::json;

    /// A trial of records with their texts, counting how often a text is asked for.
    struct Trial {
        records: Vec<(Study, SearchText)>,
        shown: usize,
        texts_asked: Cell<usize>,
    }

    impl Trial {
        fn of(records: Vec<Study>, shown: usize) -> Self {
            Trial {
                records: records
                    .into_iter()
                    .map(|s| {
                        let text = SearchText::of(&s);
                        (s, text)
                    })
                    .collect(),
                shown,
                texts_asked: Cell::new(0),
            }
        }
    }

    impl TrialRecords for Trial {
        fn record_count(&self) -> usize {
            self.records.len()
        }
        fn record(&self, index: usize) -> &Study {
            &self.records[index].0
        }
        fn search_text(&self, index: usize) -> &SearchText {
            self.texts_asked.set(self.texts_asked.get() + 1);
            &self.records[index].1
        }
        fn shown_record(&self) -> &Study {
            &self.records[self.shown].0
        }
    }

    fn record(status: &str, enrollment: u32, title: &str) -> Study {
        study(json!({"protocolSection": {
            "identificationModule": {"briefTitle": title},
            "statusModule": {"overallStatus": status},
            "designModule": {"enrollmentInfo": {"count": enrollment}}
        }}))
    }

    /// One trial read from two pages that disagree on its status (the second shown), and
    /// another trial.
    fn two_trials() -> Vec<Trial> {
        vec![
            Trial::of(
                vec![
                    record("RECRUITING", 60, "Knee cells"),
                    record("UNKNOWN", 60, "Knee cells"),
                ],
                1,
            ),
            Trial::of(vec![record("COMPLETED", 96, "Fistula cells")], 0),
        ]
    }

    fn view(fragment: &str) -> View {
        View::from_fragment(fragment)
    }

    #[test]
    fn a_trial_is_shown_when_any_of_its_records_passes() {
        let trials = two_trials();
        for status in [Status::Recruiting, Status::Unknown] {
            let v = View {
                statuses: vec![status],
                ..View::default()
            };
            assert_eq!(shown(&trials, &v), [0], "{status:?}");
        }
        assert_eq!(shown(&trials, &view("status=COMPLETED")), [1]);
        assert!(shown(&trials, &view("status=WITHDRAWN")).is_empty());
        assert_eq!(shown(&trials, &view("q=fistula")), [1]);
    }

    #[test]
    fn the_trials_shown_sort_by_the_records_their_cards_show() {
        let trials = two_trials();
        assert_eq!(shown(&trials, &View::default()), [0, 1], "as loaded");
        assert_eq!(
            shown(&trials, &view("order=desc")),
            [1, 0],
            "the last loaded first"
        );
        assert_eq!(
            shown(&trials, &view("sort=enrollment&order=desc")),
            [1, 0],
            "96 before 60"
        );
        assert_eq!(shown(&trials, &view("sort=enrollment")), [0, 1]);
        // The first trial's card shows UNKNOWN, which CT.gov lists after COMPLETED.
        assert_eq!(shown(&trials, &view("sort=status")), [1, 0]);
    }

    #[test]
    fn no_search_asks_for_no_text() {
        let trials = two_trials();
        shown(&trials, &view("status=COMPLETED&sort=title"));
        assert!(trials.iter().all(|t| t.texts_asked.get() == 0));
        shown(&trials, &view("q=cells"));
        assert!(trials.iter().all(|t| t.texts_asked.get() > 0));
    }
}
