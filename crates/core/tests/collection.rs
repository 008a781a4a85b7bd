//! The collection API (search, filters, sort, overview, compare, reconcile) on the records of
//! our own fixtures.

mod common;
#[path = "support/json_leaves.rs"]
mod json_leaves;

use json_leaves::{bookkeeping, copied_words, string_leaves};
use trialcards_core::collection::compare::compare;
use trialcards_core::collection::facets::facets;
use trialcards_core::collection::fields::compared;
use trialcards_core::collection::filter::View;
use trialcards_core::collection::overview::overview;
use trialcards_core::collection::reconcile::reconcile;
use trialcards_core::collection::search::{Query, SearchText};
use trialcards_core::collection::shown::{shown, TrialRecords};
use trialcards_core::collection::sort::{order, SortKey};
use trialcards_core::model::{Phase, Status};
use trialcards_core::{parse, Study};

/// Every record of every fixture input, with the fixture's file name.
fn fixture_records() -> Vec<(String, Study)> {
    let mut out = Vec::new();
    for path in common::fixture_inputs() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        for record in parse(&name, &text).records {
            out.push((name.clone(), record));
        }
    }
    out
}

fn one_fixture(name: &str) -> Study {
    common::one(name, &common::fixture(name))
}

#[test]
fn every_fixture_record_finds_its_own_title_and_id() {
    let records = fixture_records();
    assert!(records.len() >= 20, "{}", records.len());
    for (name, s) in &records {
        let text = SearchText::of(s);
        if let Some(title) = s.brief_title() {
            let q = Query::parse(&format!("\"{title}\""));
            assert!(q.matches(&text), "{name}: {title}");
            assert_eq!(q.matched_fields(&text)[0], "Title and ID", "{name}");
        }
        if let Some(id) = s.nct_id() {
            let q = Query::parse(&id.to_lowercase());
            assert!(q.matches(&text), "{name}: {id}");
            assert!(q.matched_fields(&text).contains(&"Title and ID"), "{name}");
        }
        assert!(!Query::parse("zzqqxx-not-in-any-fixture").matches(&text));
    }
}

#[test]
fn a_record_compared_with_itself_differs_nowhere() {
    for (name, s) in fixture_records() {
        let rows = compare(&[&s, &s]);
        assert!(rows.iter().all(|r| !r.differs), "{name}");
        let given = compared().filter(|f| f.value(&s).is_some()).count();
        assert_eq!(rows.len(), given, "{name}");
    }
}

#[test]
fn filters_on_the_fixtures() {
    let records = fixture_records();
    let studies: Vec<&Study> = records.iter().map(|(_, s)| s).collect();
    let texts: Vec<SearchText> = studies.iter().map(|s| SearchText::of(s)).collect();
    let kept = |view: &View| -> Vec<usize> {
        let m = view.matcher();
        (0..studies.len())
            .filter(|&i| m.matches(studies[i], &texts[i]))
            .collect()
    };
    assert_eq!(kept(&View::default()).len(), studies.len());
    let recruiting = View {
        statuses: vec![Status::Recruiting],
        ..View::default()
    };
    let got = kept(&recruiting);
    assert!(!got.is_empty());
    for i in &got {
        assert_eq!(
            studies[*i].protocol_section.status_module.overall_status,
            Some(Status::Recruiting)
        );
    }
    let phase1 = View {
        phases: vec![Phase::Phase1],
        ..View::default()
    };
    for i in kept(&phase1) {
        assert!(studies[i]
            .protocol_section
            .design_module
            .phases
            .contains(&Phase::Phase1));
    }
    let veeva = View {
        layouts: vec!["veeva".to_string()],
        ..View::default()
    };
    let got = kept(&veeva);
    assert!(!got.is_empty());
    assert!(got
        .iter()
        .all(|&i| studies[i].trialcards.source.layout == "veeva"));
}

#[test]
fn sort_and_overview_on_the_fixtures() {
    let records = fixture_records();
    let studies: Vec<&Study> = records.iter().map(|(_, s)| s).collect();
    let by_start = order(&studies, SortKey::StartDate, false);
    assert_eq!(by_start.len(), studies.len());
    let o = overview(&studies);
    assert_eq!(o.trials, studies.len());
    assert_eq!(
        o.by_status.iter().map(|(_, n)| n).sum::<usize>(),
        studies.len()
    );
    assert_eq!(
        o.by_phase.iter().map(|(_, n)| n).sum::<usize>(),
        studies.len()
    );
    assert!(!o.spans.is_empty());
    let (lo, hi) = o.range.unwrap();
    assert!(o
        .spans
        .iter()
        .all(|s| lo <= s.start && s.end.unwrap_or(s.start) <= hi));
}

const VEEVA: &str = "veeva_unknown_status_same_trial_as_meddatax.txt";
const MEDDATAX: &str = "meddatax_recruiting_same_trial_as_veeva.txt";

#[test]
fn one_trial_from_a_veeva_page_and_a_meddatax_page_is_one_group_with_its_disagreements() {
    let veeva = one_fixture(VEEVA);
    let meddatax = one_fixture(MEDDATAX);
    let other = one_fixture("meddatax_bare_values.txt");
    let groups = reconcile(&[
        ("veeva", &veeva),
        ("other", &other),
        ("meddatax", &meddatax),
    ]);
    assert_eq!(groups.len(), 2);
    let g = &groups[0];
    assert_eq!(g.nct_id.as_deref(), Some("NCT09990061"));
    assert_eq!(g.members, ["veeva", "meddatax"]);
    // Only the meddatax page shows a last update date.
    assert_eq!(g.primary, 1);
    let found: Vec<(&str, &[(usize, String)])> = g
        .differences
        .iter()
        .map(|d| (d.key, d.values.as_slice()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "overallStatus",
                &[
                    (0, "Unknown status".to_string()),
                    (1, "Recruiting".to_string())
                ][..]
            ),
            (
                "enrollmentInfo",
                &[(0, "40".to_string()), (1, "36".to_string())][..]
            ),
        ]
    );
    assert_eq!(g.differences[1].label, "Enrollment");
    assert_eq!(groups[1].members, ["other"]);
    assert!(groups[1].differences.is_empty());
}

#[test]
fn a_later_copy_of_a_page_is_shown_and_its_update_date_is_a_disagreement() {
    let veeva = one_fixture(VEEVA);
    let meddatax = one_fixture(MEDDATAX);
    let text = common::fixture(MEDDATAX);
    assert!(text.contains("Last Updated: 2023-05-10"));
    let later = common::one(
        "later.txt",
        &text.replace("Last Updated: 2023-05-10", "Last Updated: 2024-01"),
    );
    let groups = reconcile(&[(1, &meddatax), (2, &veeva), (3, &later)]);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].primary, 2);
    let keys: Vec<&str> = groups[0].differences.iter().map(|d| d.key).collect();
    assert_eq!(
        keys,
        [
            "overallStatus",
            "enrollmentInfo",
            "lastUpdatePostDateStruct"
        ]
    );
    assert_eq!(
        groups[0].differences[2].values,
        [(0, "2023-05-10".to_string()), (2, "2024-01".to_string())]
    );
}

#[test]
fn the_two_pages_compared_side_by_side() {
    let veeva = one_fixture(VEEVA);
    let meddatax = one_fixture(MEDDATAX);
    let rows = compare(&[&veeva, &meddatax]);
    let differing: Vec<&str> = rows.iter().filter(|r| r.differs).map(|r| r.key).collect();
    // Disagreements, and fields only one of the pages gives.
    assert_eq!(
        differing,
        [
            "overallStatus",
            "hasResults",
            "enrollmentInfo",
            "enrollmentType",
            "startDateStruct",
            "completionDateStruct",
            "lastUpdatePostDateStruct",
            "funderTypes",
            "countries"
        ]
    );
    let row = |key: &str| rows.iter().find(|r| r.key == key).unwrap();
    assert_eq!(
        row("interventions").values,
        [
            Some("bone marrow stromal cells; microfracture".to_string()),
            Some("bone marrow stromal cells; microfracture".to_string())
        ]
    );
    assert_eq!(
        row("countries").values,
        [None, Some("Portugal".to_string())]
    );
    assert!(!row("locationCount").differs);
}

#[test]
fn the_two_pages_filtered_sorted_and_pictured() {
    let veeva = one_fixture(VEEVA);
    let meddatax = one_fixture(MEDDATAX);
    let studies = [&veeva, &meddatax];
    let texts: Vec<SearchText> = studies.iter().map(|s| SearchText::of(s)).collect();
    let kept = |fragment: &str| -> Vec<&str> {
        let view = View::from_fragment(fragment);
        let m = view.matcher();
        (0..2)
            .filter(|&i| m.matches(studies[i], &texts[i]))
            .map(|i| studies[i].trialcards.source.layout.as_str())
            .collect()
    };
    assert_eq!(kept(""), ["veeva", "meddatax"]);
    assert_eq!(kept("#status=UNKNOWN"), ["veeva"]);
    assert_eq!(
        kept("#status=RECRUITING,UNKNOWN&phase=PHASE2"),
        ["veeva", "meddatax"]
    );
    let by_age = |age: u32| -> Vec<&str> {
        let view = View {
            age: Some(age),
            ..View::from_fragment("#sex=FEMALE")
        };
        let m = view.matcher();
        (0..2)
            .filter(|&i| m.matches(studies[i], &texts[i]))
            .map(|i| studies[i].trialcards.source.layout.as_str())
            .collect()
    };
    assert_eq!(by_age(60), ["veeva", "meddatax"]);
    assert!(by_age(61).is_empty());
    // An age never comes from the address: it is health data.
    assert_eq!(kept("#age=61"), ["veeva", "meddatax"]);
    assert_eq!(kept("#source=meddatax"), ["meddatax"]);
    assert_eq!(kept("#results=no"), ["veeva", "meddatax"]);
    assert_eq!(kept("#q=%22collagen%20membrane%22"), ["meddatax"]);
    assert_eq!(kept("#q=navarro+talus"), ["veeva", "meddatax"]);
    let q = Query::parse("navarro \"cartilage defect\"");
    assert_eq!(
        q.matched_fields(&texts[0]),
        [
            "Title and ID",
            "Conditions and interventions",
            "Summary and description",
            "Eligibility",
            "Contacts and locations"
        ]
    );

    assert_eq!(order(&studies, SortKey::Status, false), [1, 0]);
    assert_eq!(order(&studies, SortKey::Enrollment, false), [1, 0]);
    assert_eq!(order(&studies, SortKey::StartDate, true), [1, 0]);

    let o = overview(&studies);
    assert_eq!(
        o.by_status,
        [(Some(Status::Recruiting), 1), (Some(Status::Unknown), 1)]
    );
    assert_eq!(o.by_phase, [(vec![Phase::Phase2], 2)]);
    assert_eq!((o.enrollment_total, o.enrollment_median), (76, Some(38.0)));
    assert_eq!(o.spans.len(), 1);
    let span = &o.spans[0];
    assert_eq!((span.index, span.start_text.as_str()), (1, "2022-09"));
    assert_eq!(span.end_text.as_deref(), Some("2025-12"));
    assert!(!span.end_anticipated);
    assert_eq!(o.range, Some((2022.0 + 8.0 / 12.0, 2025.0 + 11.0 / 12.0)));
}

/// A trial as the web app holds one: its records (from `reconcile`), each with its text.
struct Trial<'a> {
    records: Vec<(&'a Study, SearchText)>,
    primary: usize,
}

impl TrialRecords for Trial<'_> {
    fn record_count(&self) -> usize {
        self.records.len()
    }
    fn record(&self, index: usize) -> &Study {
        self.records[index].0
    }
    fn search_text(&self, index: usize) -> &SearchText {
        &self.records[index].1
    }
    fn shown_record(&self) -> &Study {
        self.records[self.primary].0
    }
}

/// The pages the web app's own tests load: one trial from two sites' pages, and another.
fn loaded_trials(studies: &[Study]) -> Vec<Trial<'_>> {
    let keyed: Vec<(usize, &Study)> = studies.iter().enumerate().collect();
    reconcile(&keyed)
        .into_iter()
        .map(|group| Trial {
            records: group
                .members
                .iter()
                .map(|&i| (&studies[i], SearchText::of(&studies[i])))
                .collect(),
            primary: group.primary,
        })
        .collect()
}

fn web_test_pages() -> Vec<Study> {
    [
        (
            "veeva.txt",
            include_str!("../../../tests/fixtures/veeva_fictional_knee_msc.txt"),
        ),
        (
            "meddatax.txt",
            include_str!("../../../tests/fixtures/meddatax_fictional_knee_msc.txt"),
        ),
        (
            "crohn.txt",
            include_str!("../../../web/examples/meddatax_crohn_fistula_msc.txt"),
        ),
    ]
    .iter()
    .map(|(name, text)| common::one(name, text))
    .collect()
}

#[test]
fn a_trial_read_from_two_sites_is_shown_when_either_page_passes_the_view() {
    let pages = web_test_pages();
    let trials = loaded_trials(&pages);
    assert_eq!(trials.len(), 2);
    let keys = |fragment: &str| -> Vec<&str> {
        shown(&trials, &View::from_fragment(fragment))
            .into_iter()
            .map(|i| trials[i].shown_record().nct_id().unwrap())
            .collect()
    };
    // The Veeva page says Recruiting, the meddatax page (shown) UNKNOWN: both find the trial.
    assert_eq!(keys("status=RECRUITING"), ["NCT09990001"]);
    assert_eq!(keys("status=UNKNOWN"), ["NCT09990001"]);
    assert_eq!(
        keys("sort=enrollment&order=desc"),
        ["NCT09990101", "NCT09990001"],
        "96 before 60"
    );
    assert_eq!(keys("q=fistula"), ["NCT09990101"]);
}

#[test]
fn the_facets_of_a_trial_read_from_two_sites_count_it_once() {
    let pages = web_test_pages();
    let trials = loaded_trials(&pages);
    let f = facets(
        trials
            .iter()
            .map(|t| t.records.iter().map(|(study, _)| *study)),
    );
    assert_eq!(
        f.statuses,
        [
            (Status::ActiveNotRecruiting, 1),
            (Status::Recruiting, 1),
            (Status::Unknown, 1)
        ]
    );
    assert_eq!(
        f.phases,
        [(Phase::Phase1, 1), (Phase::Phase2, 2), (Phase::Phase3, 1)]
    );
    let layouts: Vec<_> = f.layouts.iter().map(|(l, n)| (l.as_str(), *n)).collect();
    assert_eq!(layouts, [("veeva", 1), ("meddatax", 2)]);
}

#[test]
fn the_graft_failure_trial_read_from_a_page_and_from_ctgov_json_and_xml_is_one_group() {
    let page = one_fixture("meddatax_bare_values.txt");
    let json = one_fixture("ctgov_json_study_graft_failure.json");
    let xml = one_fixture("ctgov_xml_study_graft_failure.xml");
    let groups = reconcile(&[("page", &page), ("json", &json), ("xml", &xml)]);
    assert_eq!(groups.len(), 1);
    let g = &groups[0];
    assert_eq!(g.nct_id.as_deref(), Some("NCT09990021"));
    assert_eq!(g.members, ["page", "json", "xml"]);
    // All three were last updated 2014-02: the first loaded is shown.
    assert_eq!(g.primary, 0);
    // The bare page gives no enrollment type and no intervention types: it says less, which
    // is no disagreement. The summary's markdown escape (`\\<30` or `<30`) is no difference.
    let keys: Vec<&str> = g.differences.iter().map(|d| d.key).collect();
    assert_eq!(keys, Vec::<&str>::new());
}

/// Of the posted results, search finds the titles of measures and groups, event terms and
/// organ systems, as the core's own search test has it; every other string leaf is searched
/// wherever it is.
fn searched_in_results(pointer: &str) -> bool {
    !pointer.starts_with("/resultsSection/")
        || !pointer.starts_with("/resultsSection/moreInfoModule/")
            && ["/title", "/term", "/organSystem"]
                .iter()
                .any(|end| pointer.ends_with(end))
}

#[test]
fn a_word_put_in_any_free_text_field_of_any_fixture_record_is_found() {
    let mut checked = 0;
    for (name, s) in fixture_records() {
        let record = serde_json::to_value(&s).unwrap();
        for pointer in string_leaves(&record) {
            if bookkeeping(&pointer) || copied_words(&pointer) || !searched_in_results(&pointer) {
                continue;
            }
            let mut changed = record.clone();
            *changed.pointer_mut(&pointer).unwrap() = "Qzxv Marker".into();
            let changed: Study = serde_json::from_value(changed).unwrap();
            let back = serde_json::to_value(&changed).unwrap();
            if back.pointer(&pointer).and_then(|v| v.as_str()) != Some("Qzxv Marker") {
                continue; // A CT.gov code: the field is an enum.
            }
            checked += 1;
            let q = Query::parse("\"qzxv marker\"");
            assert!(q.matches(&SearchText::of(&changed)), "{name} {pointer}");
        }
    }
    assert!(checked > 400, "{checked}");
}

mod any_input {
    use super::*;
    use proptest::prelude::*;
    use trialcards_core::collection::filter::age_in_years;
    use trialcards_core::collection::overview::fractional_year;
    use trialcards_core::collection::sort::date_key;

    /// Our page fixtures, read once.
    fn pages() -> &'static [String] {
        static PAGES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        PAGES.get_or_init(|| {
            common::fixture_inputs()
                .into_iter()
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .map(|p| std::fs::read_to_string(p).unwrap())
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// A fixture page with any text put in the middle of one of its lines: whatever
        /// records come out, every collection function takes them.
        #[test]
        fn every_function_takes_any_record(
            page in any::<prop::sample::Index>(),
            at in any::<prop::sample::Index>(),
            inserted in any::<String>(),
            search in any::<String>(),
        ) {
            let text = &pages()[page.index(pages().len())];
            let mut cut = at.index(text.len() + 1);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let changed = format!("{}{inserted}{}", &text[..cut], &text[cut..]);
            let original = parse("a.txt", text).records;
            let records: Vec<Study> = parse("b.txt", &changed).records.into_iter().chain(original).collect();
            let studies: Vec<&Study> = records.iter().collect();
            let view = View { search: search.clone(), age: Some(30), ..View::default() };
            let m = view.matcher();
            for s in &studies {
                let t = SearchText::of(s);
                let _ = m.matches(s, &t);
                let _ = m.query().matched_fields(&t);
            }
            let _ = m.query().find_in(&changed);
            for key in SortKey::ALL {
                prop_assert_eq!(order(&studies, *key, true).len(), studies.len());
            }
            let o = overview(&studies);
            prop_assert_eq!(o.trials, studies.len());
            let rows = compare(&studies);
            prop_assert!(rows.iter().all(|r| r.values.len() == studies.len()));
            let keyed: Vec<(usize, &Study)> = studies.iter().copied().enumerate().collect();
            let groups = reconcile(&keyed);
            let members: usize = groups.iter().map(|g| g.members.len()).sum();
            prop_assert_eq!(members, studies.len());
            prop_assert!(groups.iter().all(|g| g.primary < g.members.len()));
        }

        #[test]
        fn dates_and_ages_read_from_any_text(text in any::<String>()) {
            if let Some(y) = fractional_year(&text) {
                prop_assert!(y.is_finite());
                prop_assert!(date_key(&text).is_some());
            }
            if let Some(a) = age_in_years(&text) {
                prop_assert!(a.is_finite() && a >= 0.0);
            }
        }
    }
}
