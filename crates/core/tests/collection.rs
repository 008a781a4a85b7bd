//! The collection API (search, filters, sort, overview, compare, reconcile) on the records of
//! our own fixtures.

mod common;

use trialcards_core::collection::compare::compare;
use trialcards_core::collection::fields::FIELDS;
use trialcards_core::collection::filter::View;
use trialcards_core::collection::overview::overview;
use trialcards_core::collection::reconcile::reconcile;
use trialcards_core::collection::search::{Query, SearchText};
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
            assert_eq!(q.matched_fields(&text)[0], "Title", "{name}");
        }
        if let Some(id) = s.nct_id() {
            let q = Query::parse(&id.to_lowercase());
            assert!(q.matches(&text), "{name}: {id}");
            assert!(q.matched_fields(&text).contains(&"Identifiers"), "{name}");
        }
        assert!(!Query::parse("zzqqxx-not-in-any-fixture").matches(&text));
    }
}

#[test]
fn a_record_compared_with_itself_differs_nowhere() {
    for (name, s) in fixture_records() {
        let rows = compare(&[&s, &s]);
        assert!(rows.iter().all(|r| !r.differs), "{name}");
        let given = FIELDS.iter().filter(|f| (f.value)(&s).is_some()).count();
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

#[test]
fn the_graft_failure_trial_read_from_a_page_and_from_ctgov_json_is_one_group() {
    let page = one_fixture("meddatax_bare_values.txt");
    let json = one_fixture("ctgov_json_study_graft_failure.json");
    let groups = reconcile(&[("page", &page), ("json", &json)]);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].nct_id.as_deref(), Some("NCT09990021"));
    assert_eq!(groups[0].members, vec!["page", "json"]);
}
