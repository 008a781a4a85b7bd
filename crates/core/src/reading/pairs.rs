//! Labelled pairs on one line, in every arrangement sites use: `Label: value`, `Label | value`
//! (a table row, with or without its outer bars), `Label<TAB>value`, `**Label:** value`,
//! `- Label: value`, and `Label value` when the value passes the label's own recogniser
//! ("Status Recruiting", "Enrollment 120 participants"). A label alone on its line is a
//! [`bare_label`]; its value lines are the reader's to gather. Labels are looked up in the one
//! synonym table, [`crate::lines::lookup_label`].

use crate::fields::assign::assign;
use crate::lines::{lookup_label, normalize_label, Label};
use crate::model::Study;

/// One-word labels that name a field on a page of an unknown site, but are values in the
/// known sites' own layouts (meddatax prints TREATMENT as a primary purpose), so they are
/// looked up only here.
const PAGE_ONLY_LABELS: &[(&str, Label)] = &[
    ("treatment", Label::Interventions),
    ("treatments", Label::Interventions),
    ("disease", Label::Conditions),
    ("diseases", Label::Conditions),
    ("participants", Label::Enrollment),
    ("recruitment", Label::OverallStatus),
];

/// The field a label names: the shared synonym table, then [`PAGE_ONLY_LABELS`].
pub(crate) fn page_label(text: &str) -> Option<Label> {
    lookup_label(text).or_else(|| {
        if text.len() > 20 {
            return None;
        }
        crate::lines::with_label(text, |norm| {
            PAGE_ONLY_LABELS
                .iter()
                .find(|(k, _)| *k == norm)
                .map(|(_, l)| *l)
        })
    })
}

/// "Label: value" split at the first colon when the label is known.
fn split_labelled(text: &str) -> Option<(Label, &str)> {
    let colon = text.find(':')?;
    let label = page_label(&text[..colon])?;
    Some((label, text[colon + 1..].trim()))
}

/// A label and its value found on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pair<'a> {
    /// The field the label names.
    pub label: Label,
    /// The label as the page prints it.
    pub label_text: &'a str,
    /// The value, decoration removed.
    pub value: String,
}

/// Strips markdown and table decoration: "# ", "> ", "- ", "**", "|".
pub(crate) fn plain(text: &str) -> String {
    let t = text.trim_start_matches(['#', '>']).trim_start();
    let t = t.strip_prefix("- ").unwrap_or(t);
    let t = t.trim_matches('|').trim();
    if t.contains("**") || t.contains("__") {
        t.replace("**", "").replace("__", "").trim().to_string()
    } else {
        t.to_string()
    }
}

/// Whether a line is only table decoration (`|`, `|||`, `|---|:---:|`).
pub(crate) fn is_decoration(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | '+' | '=' | ' ' | '_'))
        && text.contains(['|', '-', '='])
}

/// Whether `label` names a field whose values a recogniser validates (a status, a phase, a
/// count, a date …), so a value is trusted without a separator.
pub(crate) fn is_typed(label: Label) -> bool {
    use Label as L;
    matches!(
        label,
        L::NctId
            | L::OverallStatus
            | L::Phase
            | L::StudyType
            | L::Enrollment
            | L::StartDate
            | L::PrimaryCompletionDate
            | L::CompletionDate
            | L::LastUpdate
            | L::FirstPosted
            | L::FirstSubmitted
            | L::ResultsFirstPosted
            | L::Sex
            | L::MinimumAge
            | L::MaximumAge
            | L::Ages
            | L::HealthyVolunteers
            | L::SponsorClass
            | L::Allocation
            | L::InterventionModel
            | L::PrimaryPurpose
            | L::Masking
            | L::ObservationalModel
            | L::TimePerspective
    )
}

/// Whether `value` fits the field `label` names (its recogniser accepts it).
pub(crate) fn fits(label: Label, value: &str) -> bool {
    assign(&mut Study::default(), label, value).is_ok()
}

/// The pair on a line of `text` (already [`plain`]), in any one-line arrangement.
pub(crate) fn on_line(text: &str) -> Option<Pair<'_>> {
    // A tab or a table's bar between the label and its value.
    for sep in ["\t", " | "] {
        let Some((left, right)) = text.split_once(sep) else {
            continue;
        };
        let label = left.trim().trim_end_matches(':').trim();
        if let Some(l) = page_label(label) {
            return Some(Pair {
                label: l,
                label_text: label,
                value: clean_value(right),
            });
        }
    }
    if let Some((label, value)) = split_labelled(text) {
        let label_text = text.split(':').next().unwrap_or_default().trim();
        return Some(Pair {
            label,
            label_text,
            value: clean_value(value),
        });
    }
    typed_prefix(text)
}

/// Table-cell bars and spaces around a value removed.
fn clean_value(value: &str) -> String {
    value.trim().trim_matches('|').trim().to_string()
}

/// "Status Recruiting", "Enrollment 120 participants": a label of a typed field, a space, and
/// a value its recogniser accepts (the longest such label of at most five words). And, on a
/// line of a two-column table whose cells were joined by a space, a label of two words or
/// more and a value that starts as values do ("Public title Cord cells for …", "Lead sponsor
/// Fictional University").
fn typed_prefix(text: &str) -> Option<Pair<'_>> {
    // A label and a value are a short line; prose (most lines of a page) is not tried.
    if text.len() > MAX_SPACED_PAIR || !text.contains(' ') {
        return None;
    }
    // Most lines start with a word no label starts with.
    let first = text.split(' ').next().unwrap_or_default();
    let page_only = || {
        let norm = normalize_label(first);
        PAGE_ONLY_LABELS.iter().any(|(k, _)| *k == norm)
    };
    if !crate::lines::is_label_edge(first, true) && !page_only() {
        return None;
    }
    // A line that is a label as a whole ("Intervention / Treatment") holds no value.
    if page_label(text).is_some() {
        return None;
    }
    let short = text.len() <= 80 && text.split_whitespace().nth(10).is_none();
    let mut ends: Vec<usize> = text.match_indices(' ').map(|(i, _)| i).take(5).collect();
    ends.reverse();
    for end in ends {
        let (label_text, value) = (text[..end].trim(), text[end..].trim());
        let Some(label) = page_label(label_text) else {
            continue;
        };
        let fitted = if is_typed(label) {
            short && fits(label, value)
        } else {
            spaced_value(label_text, value) && fits(label, value)
        };
        if fitted {
            return Some(Pair {
                label,
                label_text,
                value: value.to_string(),
            });
        }
    }
    None
}

/// The longest line tried as a label and a value joined by a space.
const MAX_SPACED_PAIR: usize = 240;

/// Whether a free-text value follows its label as a table cell would: the label two words or
/// more ("Lead sponsor", not "Sponsor", which opens sentences), the value starting with a
/// capital or a digit, and no sentence of the label's own ("Public title of the study …").
fn spaced_value(label_text: &str, value: &str) -> bool {
    label_text.split_whitespace().count() >= 2
        && value.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && label_text.ends_with(|c: char| c.is_alphanumeric() || c == ')')
}

/// A line that is only a known label ("Conditions", "Detailed Description:", "Sex |").
pub(crate) fn bare_label(text: &str) -> Option<Label> {
    let t = text
        .trim()
        .trim_end_matches(['|', ' '])
        .trim_end_matches(':')
        .trim();
    page_label(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(text: &str) -> Option<(Label, String)> {
        on_line(&plain(text)).map(|p| (p.label, p.value))
    }

    #[test]
    fn every_one_line_arrangement() {
        let want = Some((Label::OverallStatus, "Recruiting".to_string()));
        assert_eq!(pair("Status: Recruiting"), want);
        assert_eq!(pair("Status | Recruiting"), want);
        assert_eq!(pair("| Status | Recruiting |"), want);
        assert_eq!(pair("Status\tRecruiting"), want);
        assert_eq!(pair("- **Status:** Recruiting"), want);
        assert_eq!(pair("**Status**: Recruiting"), want);
        assert_eq!(pair("Status Recruiting"), want);
        assert_eq!(
            pair("Target Enrollment 120 participants"),
            Some((Label::Enrollment, "120 participants".to_string()))
        );
        assert_eq!(
            pair("Lead Sponsor\tFictional University"),
            Some((Label::LeadSponsor, "Fictional University".to_string()))
        );
        // Two-column cells joined by a space: a label of two words or more, then a value.
        assert_eq!(
            pair("Public title Cord cells for fictional kidney injury"),
            Some((
                Label::BriefTitle,
                "Cord cells for fictional kidney injury".to_string()
            ))
        );
        assert_eq!(
            pair("Lead sponsor Fictional Harbour University"),
            Some((
                Label::LeadSponsor,
                "Fictional Harbour University".to_string()
            ))
        );
    }

    #[test]
    fn prose_is_no_pair() {
        assert_eq!(pair("Status epilepticus is a common emergency"), None);
        assert_eq!(pair("Phase two of the project"), None);
        assert_eq!(pair("Primary sponsor type University"), None);
        assert_eq!(pair("Intervention / Treatment"), None);
        assert_eq!(pair("Sex differences in outcome"), None);
    }

    #[test]
    fn decoration_and_bare_labels() {
        assert!(is_decoration("|---|:---:|"));
        assert!(is_decoration("|||"));
        assert!(!is_decoration("Phase 2"));
        assert_eq!(bare_label("Lead Sponsor"), Some(Label::LeadSponsor));
        assert_eq!(bare_label("Sex |"), Some(Label::Sex));
        assert_eq!(bare_label("Conditions:"), Some(Label::Conditions));
        assert_eq!(bare_label("Something"), None);
    }
}
