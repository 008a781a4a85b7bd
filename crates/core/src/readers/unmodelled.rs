//! What a structured record held that the model did not keep: the difference between the JSON
//! that was read and the JSON of the record made from it, as JSON pointers and values.

use std::fmt::Write;

use serde_json::Value;

/// One part of the input that the record did not keep.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Dropped {
    /// Its JSON pointer in the input record (`/protocolSection/oversightModule`).
    pub pointer: String,
    /// The object key it sat under (for a list item, the list's key).
    pub key: String,
    /// Its value, as it was.
    pub value: Value,
}

/// Everything in `input` that `kept` lacks or holds differently, leaving out the pointers in
/// `skip` (parts the reader replaces on purpose). Empty values (`null`, `[]`, `{}`) carry
/// nothing and are never reported. A list whose kept form is shorter lost items: they are found
/// by matching the kept items in order (the lenient enum lists only ever drop).
///
/// A missing object is reported whole, unless it holds a value under a code key (`is_code_key`,
/// the model's enum fields): then a module the model knows was left out only because that value
/// was dropped, and its values are reported one by one so the code gets its own pointer.
pub(crate) fn dropped(
    input: &Value,
    kept: &Value,
    skip: &[&str],
    is_code_key: fn(&str) -> bool,
) -> Vec<Dropped> {
    let mut walker = Walker {
        pointer: String::new(),
        skip,
        is_code_key,
        out: Vec::new(),
    };
    walker.walk(input, Some(kept), "");
    walker.out
}

/// The state of one comparison.
struct Walker<'a> {
    pointer: String,
    skip: &'a [&'a str],
    is_code_key: fn(&str) -> bool,
    out: Vec<Dropped>,
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

fn push_segment(pointer: &mut String, segment: &str) {
    pointer.push('/');
    crate::reading::spans::push_token(pointer, segment);
}

impl Walker<'_> {
    fn drop_value(&mut self, key: &str, value: &Value) {
        self.out.push(Dropped {
            pointer: self.pointer.clone(),
            key: key.to_string(),
            value: value.clone(),
        });
    }

    /// Whether `value`, under `key`, holds a scalar under a code key.
    fn holds_code(&self, key: &str, value: &Value) -> bool {
        match value {
            Value::Object(o) => o.iter().any(|(k, v)| self.holds_code(k, v)),
            Value::Array(a) => a.iter().any(|v| self.holds_code(key, v)),
            Value::Null => false,
            _ => (self.is_code_key)(key),
        }
    }

    fn walk(&mut self, input: &Value, kept: Option<&Value>, key: &str) {
        if is_empty(input) || self.skip.contains(&self.pointer.as_str()) {
            return;
        }
        match (input, kept) {
            (Value::Object(a), Some(Value::Object(b))) => {
                for (k, v) in a {
                    let len = self.pointer.len();
                    push_segment(&mut self.pointer, k);
                    self.walk(v, b.get(k), k);
                    self.pointer.truncate(len);
                }
            }
            (Value::Object(a), None) if self.holds_code(key, input) => {
                for (k, v) in a {
                    let len = self.pointer.len();
                    push_segment(&mut self.pointer, k);
                    self.walk(v, None, k);
                    self.pointer.truncate(len);
                }
            }
            (Value::Array(a), Some(Value::Array(b))) if a.len() == b.len() => {
                for (i, (v, w)) in a.iter().zip(b).enumerate() {
                    let len = self.pointer.len();
                    // Writing to a String cannot fail; an index needs no escape.
                    let _ = write!(self.pointer, "/{i}");
                    self.walk(v, Some(w), key);
                    self.pointer.truncate(len);
                }
            }
            (Value::Array(a), Some(Value::Array(_))) | (Value::Array(a), None)
                if kept.is_some() || (self.is_code_key)(key) =>
            {
                let none = Vec::new();
                let b = match kept {
                    Some(Value::Array(b)) => b,
                    _ => &none,
                };
                let mut next = b.iter().peekable();
                for (i, v) in a.iter().enumerate() {
                    if next.peek().is_some_and(|w| *w == v) {
                        next.next();
                    } else if !is_empty(v) {
                        let len = self.pointer.len();
                        // Writing to a String cannot fail; an index needs no escape.
                        let _ = write!(self.pointer, "/{i}");
                        self.drop_value(key, v);
                        self.pointer.truncate(len);
                    }
                }
            }
            (a, Some(b)) if a == b => {}
            // `44` read into a number field is written back as `44.0`: the same number.
            (Value::Number(a), Some(Value::Number(b))) if a.as_f64() == b.as_f64() => {}
            _ => self.drop_value(key, input),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn finds_missing_keys_changed_values_and_dropped_list_items() {
        let input = json!({
            "a": {"b": 1, "c": "x", "d/e": [1, 2]},
            "list": ["X", "FUTURE", "Y"],
            "objs": [{"k": 1, "z": true}],
            "empty": [],
            "skip": {"me": 1}
        });
        let kept = json!({"a": {"b": 1, "c": "y"}, "list": ["X", "Y"], "objs": [{"k": 1}]});
        let got = dropped(&input, &kept, &["/skip"], |k| k == "list");
        let pointers: Vec<(&str, &str)> = got
            .iter()
            .map(|d| (d.pointer.as_str(), d.key.as_str()))
            .collect();
        assert_eq!(
            pointers,
            vec![
                ("/a/c", "c"),
                ("/a/d~1e", "d/e"),
                ("/list/1", "list"),
                ("/objs/0/z", "z")
            ]
        );
        assert_eq!(got[2].value, json!("FUTURE"));
    }

    #[test]
    fn an_integer_read_as_a_float_is_the_same_number() {
        let input = json!({"geoPoint": {"lat": 60, "lon": 5.5}});
        let kept = json!({"geoPoint": {"lat": 60.0, "lon": 5.5}});
        assert!(dropped(&input, &kept, &[], |_| false).is_empty());
        let kept = json!({"geoPoint": {"lat": 60.5, "lon": 5.5}});
        assert_eq!(dropped(&input, &kept, &[], |_| false).len(), 1);
    }

    #[test]
    fn equal_values_drop_nothing() {
        let v = json!({"a": [{"b": [1, 2, {"c": null}]}]});
        assert!(dropped(&v, &v, &[], |_| true).is_empty());
    }
}
