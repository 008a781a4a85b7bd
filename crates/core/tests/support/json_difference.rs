//! Where two JSON values first differ, as a pointer with both values (for test failure
//! messages), shared by the property tests.

use serde_json::Value;

/// Where two JSON values first differ, as a pointer with both values.
pub fn difference(a: &Value, b: &Value, at: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => x.keys().chain(y.keys()).find_map(|k| {
            let null = Value::Null;
            let path = format!("{at}/{k}");
            difference(x.get(k).unwrap_or(&null), y.get(k).unwrap_or(&null), &path)
        }),
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| difference(p, q, &format!("{at}/{i}"))),
        _ if a == b => None,
        _ => Some(format!("{at}: {a} != {b}")),
    }
}
