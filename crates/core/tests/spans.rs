//! The line spans records carry (`trialcards.spans`): every span names a value the record
//! holds, and lines of its page, for every input we wrote and every corpus page.

mod common;

use serde_json::Value;
use trialcards_core::{parse_bytes, Study};

/// The JSON pointer of a span's record path (`a.b[1].c` → `/a/b/1/c`).
fn pointer(path: &str) -> String {
    let mut out = String::new();
    for part in path.split('.') {
        let (name, indexes) = part.split_once('[').unwrap_or((part, ""));
        out.push('/');
        out.push_str(name);
        for index in indexes.split('[').filter(|i| !i.is_empty()) {
            out.push('/');
            out.push_str(index.trim_end_matches(']'));
        }
    }
    out
}

/// What is wrong with the spans of `study`, read from a text of `lines` lines.
fn problems(name: &str, study: &Study, lines: usize) -> Vec<String> {
    let json = serde_json::to_value(study).expect("serializes");
    let mut out = Vec::new();
    for (path, span) in &study.trialcards.spans {
        let value = json.pointer(&pointer(path));
        if value.is_none_or(Value::is_null) {
            out.push(format!("{name}: {path} has a span but no value"));
        }
        if span.from == 0 || span.from > span.to || span.to > lines {
            out.push(format!(
                "{name}: {path} spans {span:?}, outside 1..={lines}"
            ));
        }
    }
    out
}

#[test]
fn the_pointer_of_a_path_walks_its_indexes() {
    assert_eq!(
        pointer("protocolSection.conditionsModule.conditions[1]"),
        "/protocolSection/conditionsModule/conditions/1"
    );
    assert_eq!(
        pointer("protocolSection.contactsLocationsModule.locations[0].contacts[2]"),
        "/protocolSection/contactsLocationsModule/locations/0/contacts/2"
    );
    assert_eq!(pointer("hasResults"), "/hasResults");
}

#[test]
fn every_span_names_a_value_and_lines_of_its_page() {
    let mut paths = common::every_fixture_input();
    paths.extend(common::corpus_pages().unwrap_or_default());
    let mut found = Vec::new();
    let mut spans = 0;
    for path in paths {
        let bytes = std::fs::read(&path).expect("input readable");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("input");
        // Saved web pages are read as their text, whose lines are not the file's.
        let lines = match path.extension().and_then(|x| x.to_str()) {
            Some("html" | "mhtml" | "htm") => usize::MAX,
            _ => trialcards_core::testing::scan(&String::from_utf8_lossy(&bytes)).len(),
        };
        for study in parse_bytes(name, &bytes).records {
            spans += study.trialcards.spans.len();
            found.extend(problems(name, &study, lines));
        }
    }
    assert!(spans > 500, "too few spans: {spans}");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The record paths of the leaves of `v` (`a.b[1].c`).
fn leaves(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, item) in map {
                let next = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                leaves(item, next, out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                leaves(item, format!("{at}[{i}]"), out);
            }
        }
        _ => out.push(at),
    }
}

/// Parts of a record no reader places from a line: where it was read from, its bookkeeping,
/// the criteria tree (its items keep their own lines), and the arm labels the finishing pass
/// links to each intervention.
fn not_read_from_lines(leaf: &str) -> bool {
    const BOOKKEEPING: &[&str] = &[
        "trialcards.source",
        "trialcards.spans",
        "trialcards.diagnostics",
        "trialcards.unrecognized",
        "trialcards.criteria",
    ];
    BOOKKEEPING.iter().any(|b| leaf.starts_with(b)) || leaf.contains(".armGroupLabels[")
}

/// Whether the span recorded at `key` covers the value at `leaf` (the value itself, or a
/// list item or object holding it).
fn covers(key: &str, leaf: &str) -> bool {
    leaf.strip_prefix(key)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

#[test]
fn every_value_the_site_readers_place_has_a_span() {
    let mut paths = common::every_fixture_input();
    paths.extend(common::corpus_pages().unwrap_or_default());
    let mut missing = Vec::new();
    let mut records = 0;
    for path in paths {
        let bytes = std::fs::read(&path).expect("input readable");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("input");
        for study in parse_bytes(name, &bytes).records {
            let layout = study.trialcards.source.layout.as_str();
            if layout != "veeva" && !layout.starts_with("meddatax") {
                continue;
            }
            records += 1;
            let mut all = Vec::new();
            leaves(
                &serde_json::to_value(&study).expect("serializes"),
                String::new(),
                &mut all,
            );
            let spans = &study.trialcards.spans;
            for leaf in all.iter().filter(|l| !not_read_from_lines(l)) {
                if !spans.keys().any(|k| covers(k, leaf)) {
                    missing.push(format!("{name} ({layout}): {leaf}"));
                }
            }
        }
    }
    assert!(
        records >= 20,
        "too few Veeva and meddatax records: {records}"
    );
    assert!(
        missing.is_empty(),
        "values without a span:\n{}",
        missing.join("\n")
    );
}
