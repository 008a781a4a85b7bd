//! Provenance (`trialcards.provenance`) of the records read from pages: every entry names a
//! value the record holds and lines of its page, every value a page reader places is covered,
//! and an entry's lines hold the value they claim — for every input we wrote and every corpus
//! page.

mod common;
#[path = "support/json_leaves.rs"]
#[allow(dead_code)]
mod json_leaves;

use serde_json::Value;
use trialcards_core::{parse_bytes, Study};

/// The source text a record's provenance counts lines in: the text the reader read (a saved
/// web page's visible text, not its markup).
fn source_text(bytes: &[u8]) -> String {
    let text = trialcards_core::input::decode_text(bytes);
    trialcards_core::source_text(&text).into_owned()
}

/// What is wrong with the provenance of `study`, read from a text of `lines` lines.
fn problems(name: &str, study: &Study, lines: usize) -> Vec<String> {
    let json = serde_json::to_value(study).expect("serializes");
    let mut out = Vec::new();
    for (pointer, [first, last]) in &study.trialcards.provenance {
        let value = json.pointer(pointer);
        if value.is_none_or(Value::is_null) {
            out.push(format!("{name}: {pointer} has provenance but no value"));
        }
        if *first == 0 || first > last || *last > lines {
            out.push(format!(
                "{name}: {pointer} at {first}..={last}, outside 1..={lines}"
            ));
        }
    }
    out
}

/// Every page input: the fixtures we wrote in page layouts and the corpus pages.
fn page_inputs() -> Vec<std::path::PathBuf> {
    let mut paths = common::every_fixture_input();
    paths.extend(common::corpus_pages().unwrap_or_default());
    paths
}

#[test]
fn every_entry_names_a_value_and_lines_of_its_page() {
    let mut found = Vec::new();
    let mut entries = 0;
    for path in page_inputs() {
        let bytes = std::fs::read(&path).expect("input readable");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("input");
        let lines = trialcards_core::testing::scan(&source_text(&bytes)).len();
        for study in parse_bytes(name, &bytes).records {
            entries += study.trialcards.provenance.len();
            found.extend(problems(name, &study, lines));
        }
    }
    assert!(entries > 500, "too few provenance entries: {entries}");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Parts of a record no reader places from a line: where it was read from, its bookkeeping,
/// the criteria tree (its items keep their own lines), values the finishing pass derives
/// (the arm labels it links to each intervention, the criteria text it writes from the tree),
/// and what the parser could not place (each kept with its own line).
fn not_read_from_lines(leaf: &str) -> bool {
    const BOOKKEEPING: &[&str] = &[
        "/trialcards/source",
        "/trialcards/provenance",
        "/trialcards/diagnostics",
        "/trialcards/unrecognized",
        "/trialcards/criteria",
    ];
    BOOKKEEPING.iter().any(|b| leaf.starts_with(b)) || leaf.contains("/armGroupLabels/")
}

/// Letters and digits of `s`, lowercased: how a value and its page line are compared (a
/// reader cleans spacing, punctuation and markdown escapes).
fn folded(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A CT.gov enum code (`NOT_YET_RECRUITING`): the page spells it its own way.
fn is_code(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// A text the finishing pass writes rather than reads: the criteria text built from the
/// criteria tree.
fn derived(study: &Study, leaf: &str) -> bool {
    leaf == "/protocolSection/eligibilityModule/eligibilityCriteria"
        && study.trialcards.criteria.is_some()
}

/// The numbers written in `text` (runs of digits).
fn numbers(text: &str) -> Vec<u64> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty() && run.len() < 12)
        .filter_map(|run| run.parse().ok())
        .collect()
}

#[test]
fn every_value_a_page_reader_places_is_covered_and_its_lines_hold_it() {
    let mut missing = Vec::new();
    let mut wrong = Vec::new();
    let (mut values, mut covered, mut checked, mut held) = (0, 0, 0, 0);
    for path in page_inputs() {
        let bytes = std::fs::read(&path).expect("input readable");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("input");
        let text = source_text(&bytes);
        let raw: Vec<String> = trialcards_core::testing::scan(&text)
            .iter()
            .map(|l| l.text.to_string())
            .collect();
        let lines: Vec<String> = raw.iter().map(|l| folded(l)).collect();
        for study in parse_bytes(name, &bytes).records {
            let layout = study.trialcards.source.layout.clone();
            if layout.starts_with("ctgov") {
                continue;
            }
            let json = serde_json::to_value(&study).expect("serializes");
            let all = json_leaves::scalar_leaves(&json);
            for (leaf, value) in all.iter().filter(|(l, _)| !not_read_from_lines(l)) {
                values += 1;
                let Some((at, [first, last])) = study.trialcards.covering(leaf) else {
                    missing.push(format!("{name} ({layout}): {leaf}"));
                    continue;
                };
                covered += 1;
                // A text read whole from its own lines: those lines hold it.
                let Value::String(text) = *value else {
                    continue;
                };
                if at != leaf || text.chars().count() < 3 || is_code(text) || derived(&study, leaf)
                {
                    continue;
                }
                checked += 1;
                let span = lines[first - 1..last.min(lines.len())].concat();
                let numbers_of_span: Vec<u64> = raw[first - 1..last.min(raw.len())]
                    .iter()
                    .flat_map(|l| numbers(l))
                    .collect();
                // A value the reader normalised (a date, an age) keeps the page's numbers.
                let normalised = !numbers(text).is_empty()
                    && numbers(text).iter().all(|n| numbers_of_span.contains(n));
                if span.contains(&folded(text)) || normalised {
                    held += 1;
                } else {
                    wrong.push(format!(
                        "{name}: {leaf} = {text:?} not in lines {first}..={last}"
                    ));
                }
            }
        }
    }
    let coverage = covered as f64 / values.max(1) as f64;
    let holds = held as f64 / checked.max(1) as f64;
    println!(
        "page provenance: {covered}/{values} values covered ({coverage:.3}); \
         {held}/{checked} own-line texts held by their lines ({holds:.3})"
    );
    for line in missing.iter().chain(&wrong).take(40) {
        println!("  {line}");
    }
    assert!(values > 1000, "too few values: {values}");
    assert!(coverage >= 0.95, "coverage {coverage:.3}");
    assert!(holds >= 0.98, "held {holds:.3}");
}
