//! JSON: our records (the CT.gov v2 shape plus the `trialcards` key) exactly as serde writes them.

use crate::Study;

/// The records as one pretty-printed JSON array, exactly as `serde_json::to_string_pretty`
/// writes them, with no trailing newline. The CT.gov JSON reader reads it back into equal
/// records (all but `trialcards.source`).
///
/// The records are written compact and then indented: serde's pretty writer is a second copy
/// of every record type's serializer, which the page would carry for this one export.
pub fn to_json(studies: &[&Study]) -> String {
    // Cannot fail: the model serializes to JSON whatever its values (every map key is a string).
    indent(&serde_json::to_string(studies).unwrap_or_default())
}

/// The records as JSON Lines: one compact JSON object per line, each line ending in `\n`.
pub fn to_json_lines(studies: &[&Study]) -> String {
    let mut out = String::new();
    for study in studies {
        out.push_str(&to_json_line(study));
        out.push('\n');
    }
    out
}

/// One record's line of [`to_json_lines`], without its line break.
pub fn to_json_line(study: &Study) -> String {
    // Cannot fail (see `to_json`).
    serde_json::to_string(study).unwrap_or_default()
}

/// Compact JSON (no whitespace outside strings, as serde_json writes it) laid out as
/// serde_json's pretty writer lays it out: two spaces a level, `": "` after keys, and empty
/// arrays and objects as `[]` and `{}`.
fn indent(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() * 3 / 2);
    let mut depth = 0usize;
    let mut i = 0;
    let mut plain = 0; // the start of the run of bytes copied as they are
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'"' => {
                // A string, escapes and all, is copied whole.
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                continue;
            }
            b'[' | b'{' | b']' | b'}' | b',' | b':' => {}
            _ => {
                i += 1;
                continue;
            }
        }
        out.push_str(&compact[plain..i]);
        match b {
            b'[' | b'{' if matches!(bytes.get(i + 1), Some(b']' | b'}')) => {
                out.push_str(&compact[i..i + 2]);
                i += 1;
            }
            b'[' | b'{' => {
                out.push(b as char);
                depth += 1;
                newline(&mut out, depth);
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b as char);
            }
            b',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            _ => out.push_str(": "),
        }
        i += 1;
        plain = i;
    }
    out.push_str(&compact[plain..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn indents_as_serde_json_pretty_prints() {
        let values = [
            json!([]),
            json!({}),
            json!({"a": [], "b": {}, "c": [1, [2, []], {"d": null}], "e": true}),
            json!({"quote\"d, [key]": "a \\\"string\\\" with {braces}, [brackets]: and commas",
                   "unicode": "Ünïcødé — ≥ 18 years", "n": -1.5e-7, "nested": [[{"x": [{}]}]]}),
            json!("top-level string"),
            json!(42),
        ];
        for value in values {
            let compact = serde_json::to_string(&value).unwrap();
            assert_eq!(
                indent(&compact),
                serde_json::to_string_pretty(&value).unwrap()
            );
        }
    }

    #[test]
    fn writes_records_as_serde_json_pretty_writes_them() {
        use crate::collection::test_records::{full, study};
        let studies = [
            full(),
            study(json!({"protocolSection": {"identificationModule": {"nctId": "NCT00000001"}}})),
            Study::default(),
        ];
        let refs: Vec<&Study> = studies.iter().collect();
        assert_eq!(to_json(&refs), serde_json::to_string_pretty(&refs).unwrap());
        assert_eq!(to_json(&[]), "[]");
    }
}
