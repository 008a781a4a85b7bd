//! Values shown with no label: a status word alone on a line ("Recruiting"), a phase badge
//! ("Phase 3", "PHASE1/PHASE2"), a study type ("INTERVENTIONAL"), and strips of them glued
//! together ("PHASE1/PHASE2RecruitingINTERVENTIONAL", split by [`super::glue`]). A badge names
//! its field only when it is the whole line (or the whole piece of a strip): a sentence that
//! merely contains "recruiting" is no badge.

use crate::fields::age::{parse_age_range, AgeRange};
use crate::lines::normalize_label;
use crate::model::enums::{Phase, Sex, Status, StudyType};
use crate::vocab;

/// A value recognised without a label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Badge {
    /// An overall status.
    Status(Status),
    /// One or more phases.
    Phases(Vec<Phase>),
    /// A study type.
    StudyType(StudyType),
    /// "N/A": a phase badge only beside other badges.
    NotApplicable,
    /// "No Results Posted", "Has Results": whether results are posted.
    Results(bool),
    /// "All Sexes", "Female only": the sexes accepted.
    Sex(Sex),
    /// "Accepts healthy volunteers", "Does not accept healthy volunteers".
    HealthyVolunteers(bool),
    /// "6 Months - 70 Years (Child, Adult)", "18 Years and older": an age range with its units.
    Ages(AgeRange),
}

/// Tails sites print after a status ("Completed No Results Posted", "Completed - Has Results").
const STATUS_TAILS: &[&str] = &[
    "no results posted",
    "no results available",
    "has results",
    "with results",
    "results posted",
    "results available",
    "results submitted",
];

/// A status with a results tail removed: ("Completed", Some(false)) for "Completed No Results
/// Posted".
pub(crate) fn split_results_tail(text: &str) -> (&str, Option<bool>) {
    let lower = text.to_ascii_lowercase();
    for tail in STATUS_TAILS {
        if let Some(head_len) = lower.strip_suffix(tail).map(str::len) {
            let head = text[..head_len].trim_end_matches([' ', '-', '–', '(', ',', '·', '|']);
            let head = head.trim();
            let posted = !tail.starts_with("no ");
            if head.is_empty() {
                return ("", Some(posted));
            }
            return (head, Some(posted));
        }
    }
    (text, None)
}

/// The badge `text` is as a whole, if any.
pub(crate) fn badge(text: &str) -> Option<Badge> {
    let text = text
        .trim()
        .trim_matches(|c: char| matches!(c, '[' | ']' | '|' | '·' | '•' | '*'))
        .trim();
    if text.is_empty() || text.len() > 80 || text.split_whitespace().count() > 10 {
        return None;
    }
    let (head, results) = split_results_tail(text);
    if head.is_empty() {
        return results.map(Badge::Results);
    }
    if let Some(s) = status(head) {
        return Some(Badge::Status(s));
    }
    if results.is_some() {
        return None;
    }
    // Each kind below is tried only when the words it needs are there (most lines are none).
    // What the code holds, read on the stack.
    let (na, phase, typed, healthy) = vocab::with_code(text, |code| {
        (
            matches!(code, "N_A" | "NA" | "NOT_APPLICABLE"),
            code.contains("PHASE"),
            ["INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS"]
                .iter()
                .any(|w| code.contains(w)),
            code.contains("HEALTHY"),
        )
    });
    if na {
        return Some(Badge::NotApplicable);
    }
    if phase {
        let phases = vocab::phases(text);
        if !phases.is_empty() && !phases.contains(&Phase::Na) {
            return Some(Badge::Phases(phases));
        }
    }
    if typed {
        if let Some(t) = study_type(text) {
            return Some(Badge::StudyType(t));
        }
    }
    if text.len() <= MAX_SEX_PHRASE {
        if let Some(s) = sex(text) {
            return Some(Badge::Sex(s));
        }
    }
    if healthy {
        if let Some(h) = healthy_volunteers(text) {
            return Some(Badge::HealthyVolunteers(h));
        }
    }
    if text.bytes().any(|b| b.is_ascii_digit()) {
        return ages(text).map(Badge::Ages);
    }
    None
}

/// The longest phrase [`sex`] knows ("female participants only").
const MAX_SEX_PHRASE: usize = 32;

/// The sexes accepted, said so that it cannot mean anything else: "All Sexes", "Both sexes",
/// "Male and female", "Female only", "Females only" (a bare "Female" could be a condition's
/// word; it needs a label).
fn sex(text: &str) -> Option<Sex> {
    let norm = normalize_label(text);
    match norm.as_str() {
        "all sexes"
        | "both sexes"
        | "all genders"
        | "both genders"
        | "male and female"
        | "males and females"
        | "female and male"
        | "females and males"
        | "men and women"
        | "women and men"
        | "both males and females"
        | "sex all" => Some(Sex::All),
        "female only" | "females only" | "women only" | "female participants only" => {
            Some(Sex::Female)
        }
        "male only" | "males only" | "men only" | "male participants only" => Some(Sex::Male),
        _ => None,
    }
}

/// Whether healthy volunteers are accepted, said as a whole phrase.
fn healthy_volunteers(text: &str) -> Option<bool> {
    let norm = normalize_label(text);
    if !norm.contains("healthy volunteer") {
        return None;
    }
    vocab::healthy_volunteers(text)
}

/// An age range whose numbers carry units ("6 Months - 70 Years (Child, Adult, Older Adult)",
/// "18 Years and older"): a bare "18+" or "18-65" needs a label.
fn ages(text: &str) -> Option<AgeRange> {
    let lower = text.to_ascii_lowercase();
    let units = ["year", "month", "week", "day"];
    if !units.iter().any(|u| lower.contains(u)) {
        return None;
    }
    parse_age_range(text)
}

/// A status word or phrase standing alone ("Recruiting", "ACTIVE_NOT_RECRUITING", "Unknown
/// status"); bare words that mean other things in a sentence ("Available", "Withheld") are
/// not taken.
fn status(text: &str) -> Option<Status> {
    let s = vocab::lookup::<Status>(text)?;
    let code = vocab::normalize_code(text);
    let ambiguous = matches!(
        code.as_str(),
        "AVAILABLE" | "WITHHELD" | "UNKNOWN" | "ENROLLING"
    );
    (!ambiguous || text.chars().all(|c| c.is_ascii_uppercase() || c == '_')).then_some(s)
}

/// A study type standing alone ("Interventional", "OBSERVATIONAL", "Expanded Access").
fn study_type(text: &str) -> Option<StudyType> {
    vocab::study_type(text).map(|(t, _)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_line_badges() {
        assert_eq!(badge("Recruiting"), Some(Badge::Status(Status::Recruiting)));
        assert_eq!(
            badge("Active, not recruiting"),
            Some(Badge::Status(Status::ActiveNotRecruiting))
        );
        assert_eq!(
            badge("Completed No Results Posted"),
            Some(Badge::Status(Status::Completed))
        );
        assert_eq!(badge("Phase 3"), Some(Badge::Phases(vec![Phase::Phase3])));
        assert_eq!(
            badge("PHASE1/PHASE2"),
            Some(Badge::Phases(vec![Phase::Phase1, Phase::Phase2]))
        );
        assert_eq!(
            badge("INTERVENTIONAL"),
            Some(Badge::StudyType(StudyType::Interventional))
        );
        assert_eq!(badge("N/A"), Some(Badge::NotApplicable));
        assert_eq!(badge("No Results Posted"), Some(Badge::Results(false)));
        assert_eq!(badge("UNKNOWN"), Some(Badge::Status(Status::Unknown)));
        assert_eq!(badge("All Sexes"), Some(Badge::Sex(Sex::All)));
        assert_eq!(
            badge("Does not accept healthy volunteers"),
            Some(Badge::HealthyVolunteers(false))
        );
        let range = badge("6 Months - 70 Years (Child, Adult, Older Adult)");
        assert!(matches!(range, Some(Badge::Ages(r)) if r.maximum.as_deref() == Some("70 Years")));
    }

    #[test]
    fn sentences_and_ambiguous_words_are_no_badges() {
        for t in [
            "Recruiting participants in three cities",
            "Available",
            "Unknown",
            "Phase",
            "The study is completed",
            "Stem cells",
            "Female",
            "18+",
            "Healthy volunteers were recruited in Ohio",
        ] {
            assert_eq!(badge(t), None, "{t}");
        }
    }
}
