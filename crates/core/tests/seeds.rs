//! The five seed pages, each asserted field by field against what we wrote by hand from reading
//! the page.
//!
//! The pages are real (`../shared/corpus/seeds/`) and not ours to copy, so only what this test
//! asserts is vendored: `tests/data/seed_expectations.json`, values by JSON pointer. Where
//! `../shared` is present each seed is parsed and checked; where it is absent (as on GitHub's
//! CI) each seed test prints that it skipped. Everywhere, the expectations themselves are
//! checked against the model: every expected value sits at a field the `Study` model has and
//! reads back unchanged through it, so a renamed model field cannot leave them stale unseen.

mod common;

use serde_json::{Map, Value};
use trialcards_core::{parse, Study};

/// What the test asserts of one seed page (one entry of `seed_expectations.json`).
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Expectations {
    /// The page's file name under `seeds/`.
    file: String,
    /// What the page is, in a few words.
    #[allow(dead_code)]
    what: String,
    /// JSON pointer → the value there.
    equals: Map<String, Value>,
    /// JSON pointer → the length of the array there.
    #[serde(default)]
    counts: Map<String, Value>,
    /// JSON pointer → how the string there starts.
    #[serde(default)]
    starts_with: Map<String, Value>,
    /// JSON pointer → how the string there ends.
    #[serde(default)]
    ends_with: Map<String, Value>,
    /// JSON pointer → parts the string there contains.
    #[serde(default)]
    contains: Map<String, Value>,
    /// Pointers with no value (empty lists are not written).
    #[serde(default)]
    absent: Vec<String>,
}

/// The vendored file: a note on what it is, and one entry per seed.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)]
    about: String,
    seeds: Vec<Expectations>,
}

fn expectations() -> Vec<Expectations> {
    let text = include_str!("data/seed_expectations.json");
    let file: File = serde_json::from_str(text).expect("seed_expectations.json reads");
    file.seeds
}

fn expected(file: &str) -> Expectations {
    expectations()
        .into_iter()
        .find(|e| e.file == file)
        .unwrap_or_else(|| panic!("seed_expectations.json has no entry for {file}"))
}

fn text_at<'a>(v: &'a Value, ptr: &str) -> &'a str {
    v.pointer(ptr)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("no text at {ptr}"))
}

/// Parses the seed `file` (when ../shared is present) and checks everything expected of it.
fn check_seed(file: &str) {
    let e = expected(file);
    let Some(text) = common::corpus_file(&format!("seeds/{file}")) else {
        return;
    };
    let out = parse(file, &text);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert_eq!(out.records.len(), 1);
    let v = serde_json::to_value(&out.records[0]).expect("serializes");
    for (ptr, want) in &e.equals {
        assert_eq!(v.pointer(ptr), Some(want), "{file}: at {ptr}");
    }
    for (ptr, n) in &e.counts {
        let len = v.pointer(ptr).and_then(Value::as_array).map(Vec::len);
        assert_eq!(len.map(|l| l as u64), n.as_u64(), "{file}: length at {ptr}");
    }
    for (ptr, start) in &e.starts_with {
        let start = start.as_str().expect("a string");
        assert!(
            text_at(&v, ptr).starts_with(start),
            "{file}: {ptr} starts {start:?}"
        );
    }
    for (ptr, end) in &e.ends_with {
        let end = end.as_str().expect("a string");
        assert!(
            text_at(&v, ptr).ends_with(end),
            "{file}: {ptr} ends {end:?}"
        );
    }
    for (ptr, parts) in &e.contains {
        for part in parts.as_array().expect("a list of parts") {
            let part = part.as_str().expect("a string");
            assert!(
                text_at(&v, ptr).contains(part),
                "{file}: {ptr} holds {part:?}"
            );
        }
    }
    for ptr in &e.absent {
        assert_eq!(v.pointer(ptr), None, "{file}: nothing at {ptr}");
    }
}

#[test]
fn seed_000_veeva_invitation_only_phase1() {
    check_seed("000_f4481668ec423aa7.txt");
}

#[test]
fn seed_001_veeva_status_without_phase_inline_numbering() {
    check_seed("001_a187c67452cd207b.txt");
}

#[test]
fn seed_002_meddatax_bare_values() {
    check_seed("002_cd453c2458656e53.txt");
}

#[test]
fn seed_003_veeva_early_phase1_exclusion_preamble() {
    check_seed("003_6506320b35fc07cc.txt");
}

#[test]
fn seed_004_meddatax_labelled() {
    check_seed("004_b3ca6290a65a801e.txt");
}

/// Sets `value` at the JSON pointer `ptr` inside `root`, making the objects and arrays on the
/// way (an array is padded with empty objects up to the index; [`fill_padding`] fills them).
fn set_at(root: &mut Value, ptr: &str, value: Value) {
    let mut at = root;
    let parts: Vec<&str> = ptr.split('/').skip(1).collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        let next = || match parts.get(i + 1) {
            Some(p) if p.parse::<usize>().is_ok() => Value::Array(Vec::new()),
            _ => Value::Object(Map::new()),
        };
        at = match at {
            Value::Array(items) => {
                let index: usize = part.parse().expect("an array index");
                while items.len() <= index {
                    items.push(Value::Object(Map::new()));
                }
                &mut items[index]
            }
            Value::Object(map) => map.entry(part.to_string()).or_insert_with(next),
            _ => panic!("{ptr}: {part} is inside a value"),
        };
        if last {
            *at = value;
            return;
        }
        if at.as_object().is_some_and(Map::is_empty) && next().is_array() {
            *at = next();
        }
    }
}

/// Replaces each empty object that pads an array with a copy of the array's last item, so the
/// padding is a well-formed item of its kind.
fn fill_padding(value: &mut Value) {
    let mut pending = vec![value];
    while let Some(v) = pending.pop() {
        match v {
            Value::Array(items) => {
                let model = items
                    .iter()
                    .rev()
                    .find(|i| !i.as_object().is_some_and(Map::is_empty))
                    .cloned();
                if let Some(model) = model {
                    for item in items.iter_mut() {
                        if item.as_object().is_some_and(Map::is_empty) {
                            *item = model.clone();
                        }
                    }
                }
                pending.extend(items.iter_mut());
            }
            Value::Object(map) => pending.extend(map.values_mut()),
            _ => {}
        }
    }
}

#[test]
fn every_seed_expectation_names_a_field_of_the_model() {
    let all = expectations();
    assert_eq!(all.len(), 5, "one entry per seed page");
    for e in &all {
        // A default record (its required fields set) with every expected value placed in it.
        let mut skeleton = serde_json::to_value(Study::default()).expect("serializes");
        for (ptr, want) in &e.equals {
            set_at(&mut skeleton, ptr, want.clone());
        }
        fill_padding(&mut skeleton);
        let study: Study = serde_json::from_value(skeleton).unwrap_or_else(|err| {
            panic!(
                "{}: the expected values do not fit the model: {err}",
                e.file
            )
        });
        let back = serde_json::to_value(&study).expect("serializes");
        for (ptr, want) in &e.equals {
            assert_eq!(
                back.pointer(ptr),
                Some(want),
                "{}: {ptr} is not where the model keeps that value",
                e.file
            );
        }
        let pointers = e
            .counts
            .keys()
            .chain(e.starts_with.keys())
            .chain(e.ends_with.keys());
        for ptr in pointers.chain(e.contains.keys()).chain(&e.absent) {
            assert!(
                ptr.starts_with('/'),
                "{}: {ptr} is not a JSON pointer",
                e.file
            );
        }
    }
}
