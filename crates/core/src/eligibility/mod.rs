//! Eligibility as data: the numbers each criterion sets ([`read_thresholds`]: "ANC ≥ 1.5 ×
//! 10^9/L" is `anc >= 1.5 10^9/L`), kept on every criterion item of a record, and a first
//! check of one person's facts against a record ([`check`]), which says who a trial excludes
//! and which criteria still need a person's reading — never that someone is eligible.
//!
//! ```
//! use trialcards_core::eligibility::{check, read_thresholds, Patient, VerdictKind};
//! let t = &read_thresholds("Absolute neutrophil count ≥ 1,500/mm³")[0];
//! assert_eq!((t.variable.code(), t.comparator.code(), t.value), ("anc", ">=", 1500.0));
//!
//! let json = r#"{"protocolSection": {"eligibilityModule": {
//!     "eligibilityCriteria": "Inclusion Criteria:\n\n* ANC ≥ 1.5 x 10^9/L\n* Able to swallow tablets",
//!     "maximumAge": "65 Years"}}}"#;
//! let study = &trialcards_core::parse("trial.json", json).records[0];
//! let patient = Patient { age: Some(72.0), ..Patient::default() };
//! let verdict = check(study, &patient);
//! assert_eq!(verdict.verdict, VerdictKind::Excluded);
//! assert_eq!(verdict.reasons[0].why, "age 72 is over the maximum 65 Years");
//! ```
//!
//! The parts, one file each: `tokens` (a criterion's words, numbers and signs), `numbers`
//! (decimal commas and thousands points), `units` (spellings, which units a variable takes,
//! exact conversions), `variables` (names and abbreviations), `comparators` ("at least", "≤",
//! "18 to 65"), `thresholds` (putting them together), `marks` (where a threshold's words sit in
//! its criterion, for the card) and `check`.

mod check;
mod comparators;
mod marks;
mod numbers;
mod thresholds;
mod tokens;
mod units;
mod variables;

pub use check::{
    check, Fact, FactError, Patient, PatientSex, Reason, ReasonKind, Unchecked, Verdict,
    VerdictKind,
};
pub use marks::{marks, Mark};
pub use thresholds::read_thresholds;

use crate::fields::criteria::{self, CriteriaPart};
use crate::model::{CriteriaTree, CriterionItem, Study};

/// The units `variable` is measured in, as thresholds and facts give them (none for a score,
/// a height in cm or a temperature in °C).
pub fn units_of(variable: crate::model::Variable) -> &'static [crate::model::Unit] {
    units::allowed(variable)
}

/// The criteria tree of a criteria text (CT.gov's "Inclusion Criteria:\n\n* …"), when it has
/// inclusion or exclusion items: split by the one criteria splitter the page readers use,
/// markdown escapes removed when the text is markdown (CT.gov JSON and CSV), each item's
/// line the source line `line_of` gives for its line of the text (1-based), or none.
pub(crate) fn tree_of_text(
    text: &str,
    markdown: bool,
    line_of: impl Fn(usize) -> Option<usize>,
) -> Option<CriteriaTree> {
    let lines = crate::lines::scan(text);
    let mut tree = CriteriaTree::default();
    criteria::build_tree(&lines, CriteriaPart::Preamble, &mut tree);
    if tree.inclusion.is_empty() && tree.exclusion.is_empty() {
        return None;
    }
    if markdown {
        for p in tree.preamble.iter_mut() {
            *p = crate::fields::markup::unescape(p);
        }
        criteria::unescape_items(&mut tree.inclusion);
        criteria::unescape_items(&mut tree.exclusion);
    }
    let mut stack: Vec<&mut CriterionItem> = tree
        .inclusion
        .iter_mut()
        .chain(tree.exclusion.iter_mut())
        .collect();
    while let Some(item) = stack.pop() {
        item.line = item.line.and_then(&line_of);
        stack.extend(item.children.iter_mut());
    }
    Some(tree)
}

/// Whether any item of `tree` has a threshold.
pub(crate) fn has_thresholds(tree: &CriteriaTree) -> bool {
    let mut stack: Vec<&CriterionItem> = tree.inclusion.iter().chain(&tree.exclusion).collect();
    while let Some(item) = stack.pop() {
        if !item.thresholds.is_empty() {
            return true;
        }
        stack.extend(&item.children);
    }
    false
}

/// Reads every criterion item's thresholds from its text. With `trace`, each threshold is
/// traced to its item's line in `trialcards.provenance` (unless the entry covering it already
/// names just that line): a record whose item lines are of another text (our JSON read back)
/// is not traced.
pub(crate) fn annotate(study: &mut Study, trace: bool) {
    let extras = &mut study.trialcards;
    let Some(tree) = extras.criteria.as_mut() else {
        return;
    };
    let mut places: Vec<(String, usize)> = Vec::new();
    let mut stack: Vec<(String, &mut CriterionItem)> = Vec::new();
    for (part, items) in [
        ("inclusion", &mut tree.inclusion),
        ("exclusion", &mut tree.exclusion),
    ] {
        for (i, item) in items.iter_mut().enumerate() {
            stack.push((format!("/trialcards/criteria/{part}/{i}"), item));
        }
    }
    while let Some((pointer, item)) = stack.pop() {
        item.thresholds = read_thresholds(&item.text);
        if let Some(line) = item.line.filter(|_| trace) {
            for j in 0..item.thresholds.len() {
                places.push((format!("{pointer}/thresholds/{j}"), line));
            }
        }
        for (c, child) in item.children.iter_mut().enumerate() {
            stack.push((format!("{pointer}/children/{c}"), child));
        }
    }
    for (pointer, line) in places {
        if extras.covering(&pointer).map(|(_, lines)| lines) != Some([line, line]) {
            extras.provenance.insert(pointer, [line, line]);
        }
    }
}
