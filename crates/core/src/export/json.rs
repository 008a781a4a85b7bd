//! JSON: our records (the CT.gov v2 shape plus the `trialcards` key) exactly as serde writes them.

use crate::Study;

/// The records as one pretty-printed JSON array, exactly as `serde_json::to_string_pretty`
/// writes them, with no trailing newline. The CT.gov JSON reader reads it back into equal
/// records (all but `trialcards.source`).
pub fn to_json(studies: &[&Study]) -> String {
    // Cannot fail: the model serializes to JSON whatever its values (every map key is a string).
    serde_json::to_string_pretty(studies).unwrap_or_default()
}

/// The records as JSON Lines: one compact JSON object per line, each line ending in `\n`.
pub fn to_json_lines(studies: &[&Study]) -> String {
    let mut out = String::new();
    for study in studies {
        out.push_str(&serde_json::to_string(study).unwrap_or_default());
        out.push('\n');
    }
    out
}
