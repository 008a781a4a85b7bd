//! Finding every string of a record, for the tests that put a word into each one and search
//! for it: shared by the search module's unit tests and `tests/collection.rs`.

use serde_json::Value;

/// Every scalar (string, number, bool) of `value` with its JSON pointer (RFC 6901), sorted by
/// pointer; `null`s are left out. Iterative: the JSON's depth is the input's.
pub fn scalar_leaves(value: &Value) -> Vec<(String, &Value)> {
    let mut out = Vec::new();
    let mut stack = vec![(String::new(), value)];
    while let Some((at, v)) = stack.pop() {
        match v {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    stack.push((format!("{at}/{i}"), item));
                }
            }
            Value::Object(map) => {
                for (k, item) in map {
                    let k = k.replace('~', "~0").replace('/', "~1");
                    stack.push((format!("{at}/{k}"), item));
                }
            }
            Value::Null => {}
            _ => out.push((at, v)),
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The JSON pointers of every string in `value`, sorted.
pub fn string_leaves(value: &Value) -> Vec<String> {
    scalar_leaves(value)
        .into_iter()
        .filter(|(_, v)| v.is_string())
        .map(|(at, _)| at)
        .collect()
}

/// Strings that are not the trial's text: where it was read from, the parser's notes, list
/// markers and the names of the page's sections.
pub fn bookkeeping(pointer: &str) -> bool {
    pointer.starts_with("/trialcards/source/")
        || pointer.starts_with("/trialcards/diagnostics/")
        || pointer.ends_with("/marker")
        || (pointer.starts_with("/trialcards/relatedTrials/") && pointer.ends_with("/list"))
        || (pointer.starts_with("/trialcards/unrecognized/") && pointer.ends_with("/section"))
}

/// Strings that copy words of another string of the record: a criterion's threshold keeps the
/// words of its criterion it was read from (searched, and shown, as that criterion's text).
pub fn copied_words(pointer: &str) -> bool {
    pointer.contains("/thresholds/") && pointer.ends_with("/text")
}
