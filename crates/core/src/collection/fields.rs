//! The fields a person compares between records, in reading order, each with its label and
//! its value as text (lists joined with "; ", CT.gov codes in words).

use crate::Study;

/// One comparable field of a record.
#[derive(Clone, Copy)]
pub struct Field {
    /// A stable key for the field (its CT.gov v2 name where it has one, e.g. `overallStatus`).
    pub key: &'static str,
    /// The field's name as a reader knows it ("Overall status").
    pub label: &'static str,
    /// The field's value in `study` as text, or `None` when the record does not give it.
    pub value: fn(&Study) -> Option<String>,
}

impl std::fmt::Debug for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Field").field("key", &self.key).finish()
    }
}

/// Every comparable field, in the order a card shows them.
pub const FIELDS: &[Field] = &[];

/// Two values of a field say the same thing: equal once case, punctuation and spacing are
/// set aside ("18 Years" and "18 years", "Phase 1; Phase 2" and "PHASE 1;PHASE 2").
pub fn same_value(a: &str, b: &str) -> bool {
    unimplemented!("{a}{b}")
}
