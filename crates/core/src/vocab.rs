//! Display labels ("Enrolling", "Single Group Assignment", "PHASE1/PHASE2") → CT.gov v2 enum values.

use crate::case::Cased;
use crate::model::enums::*;

/// Turns a label into CT.gov code form: uppercase, punctuation to `_`,
/// "PHASE_1" joined to "PHASE1" ("Early Phase 1" → "EARLY_PHASE1").
pub fn normalize_code(label: &str) -> String {
    let out = crate::lines::fold_words(label, crate::case::upper, '_');
    if out.contains("PHASE_") {
        out.replace("PHASE_", "PHASE")
    } else {
        out
    }
}

/// [`normalize_code`] of an ASCII `label` into `buf` (at most its length); `None` for text
/// that is not ASCII or does not fit.
fn code_ascii<'b>(label: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    if !label.is_ascii() || label.len() > buf.len() {
        return None;
    }
    let mut n = 0;
    let mut owed = false;
    for b in label.bytes() {
        if !b.is_ascii_alphanumeric() {
            owed = true;
            continue;
        }
        // "PHASE_1" is "PHASE1": no gap is written after "PHASE" (as `normalize_code`'s
        // replace does; no "PHASE" can end across a gap left out).
        if owed && n > 0 && !buf[..n].ends_with(b"PHASE") {
            buf[n] = b'_';
            n += 1;
        }
        owed = false;
        buf[n] = b.to_ascii_uppercase();
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// Calls `f` with [`normalize_code`] of `label`, written on the stack when it is short ASCII
/// (nearly every label) instead of into a new string.
pub(crate) fn with_code<R>(label: &str, f: impl FnOnce(&str) -> R) -> R {
    crate::lines::on_stack(label, code_ascii, normalize_code, f)
}

/// Site labels that differ from the CT.gov code: (enum spec name, normalised label, code).
const SYNONYMS: &[(&str, &str, &str)] = &[
    ("Status", "ENROLLING", "RECRUITING"),
    ("Status", "INVITATION_ONLY", "ENROLLING_BY_INVITATION"),
    ("Status", "NOT_YET_ENROLLING", "NOT_YET_RECRUITING"),
    ("Status", "ACTIVE_NOT_ENROLLING", "ACTIVE_NOT_RECRUITING"),
    ("Status", "UNKNOWN_STATUS", "UNKNOWN"),
    ("RecruitmentStatus", "ENROLLING", "RECRUITING"),
    (
        "RecruitmentStatus",
        "INVITATION_ONLY",
        "ENROLLING_BY_INVITATION",
    ),
    (
        "RecruitmentStatus",
        "NOT_YET_ENROLLING",
        "NOT_YET_RECRUITING",
    ),
    (
        "RecruitmentStatus",
        "ACTIVE_NOT_ENROLLING",
        "ACTIVE_NOT_RECRUITING",
    ),
    ("Phase", "N_A", "NA"),
    ("Phase", "NOT_APPLICABLE", "NA"),
    ("Phase", "PHASEI", "PHASE1"),
    ("Phase", "PHASEII", "PHASE2"),
    ("Phase", "PHASEIII", "PHASE3"),
    ("Phase", "PHASEIV", "PHASE4"),
    ("Phase", "EARLY_PHASEI", "EARLY_PHASE1"),
    ("DesignAllocation", "N_A", "NA"),
    ("DesignAllocation", "RANDOMISED", "RANDOMIZED"),
    ("DesignAllocation", "NON_RANDOMISED", "NON_RANDOMIZED"),
    ("DesignMasking", "NONE_OPEN_LABEL", "NONE"),
    ("DesignMasking", "OPEN_LABEL", "NONE"),
    ("AgencyClass", "OTHER_U_S_FEDERAL_AGENCY", "FED"),
    ("AgencyClass", "U_S_FED", "FED"),
    ("AgencyClass", "FEDERAL", "FED"),
    ("AgencyClass", "INDIVIDUAL", "INDIV"),
    ("AgencyClass", "OTHER_GOVERNMENT", "OTHER_GOV"),
    ("Sex", "ALL_SEXES", "ALL"),
    ("Sex", "BOTH", "ALL"),
    ("Sex", "BOTH_SEXES", "ALL"),
    ("Sex", "MALE_AND_FEMALE", "ALL"),
    ("Sex", "MALES_AND_FEMALES", "ALL"),
    ("Sex", "FEMALE_AND_MALE", "ALL"),
    ("Sex", "FEMALES_AND_MALES", "ALL"),
    ("Sex", "BOTH_MALES_AND_FEMALES", "ALL"),
    ("Sex", "BOTH_MALE_AND_FEMALE", "ALL"),
    ("Sex", "MEN_AND_WOMEN", "ALL"),
    ("Sex", "WOMEN_AND_MEN", "ALL"),
    ("Sex", "BOTH_MEN_AND_WOMEN", "ALL"),
    ("Sex", "FEMALES", "FEMALE"),
    ("Sex", "WOMEN", "FEMALE"),
    ("Sex", "WOMAN", "FEMALE"),
    ("Sex", "F", "FEMALE"),
    ("Sex", "MALES", "MALE"),
    ("Sex", "MEN", "MALE"),
    ("Sex", "MAN", "MALE"),
    ("Sex", "M", "MALE"),
    ("SecondaryIdType", "EUDRACT", "EUDRACT_NUMBER"),
    ("SecondaryIdType", "U_S_NIH_GRANT_CONTRACT", "NIH"),
    ("SecondaryIdType", "U_S_FDA_GRANT_CONTRACT", "FDA"),
    (
        "SecondaryIdType",
        "OTHER_GRANT_FUNDING_NUMBER",
        "OTHER_GRANT",
    ),
    ("SecondaryIdType", "REGISTRY_IDENTIFIER", "REGISTRY"),
    ("SecondaryIdType", "OTHER_IDENTIFIER", "OTHER"),
    ("SecondaryIdType", "CTIS_EU_CT_NUMBER", "CTIS"),
    // Classic XML's <ipd_info_type> names the documents in full.
    ("IpdSharingInfoType", "STATISTICAL_ANALYSIS_PLAN_SAP", "SAP"),
    ("IpdSharingInfoType", "STATISTICAL_ANALYSIS_PLAN", "SAP"),
    ("IpdSharingInfoType", "INFORMED_CONSENT_FORM_ICF", "ICF"),
    ("IpdSharingInfoType", "INFORMED_CONSENT_FORM", "ICF"),
    ("IpdSharingInfoType", "CLINICAL_STUDY_REPORT_CSR", "CSR"),
    ("IpdSharingInfoType", "CLINICAL_STUDY_REPORT", "CSR"),
    // Classic XML's results spell some codes in words.
    ("MeasureDispersionType", "N_A", "NA"),
    ("MeasureDispersionType", "NOT_APPLICABLE", "NA"),
    (
        "MeasureDispersionType",
        "GEOMETRIC_COEFFICIENT_OF_VARIATION",
        "GEOMETRIC_COEFFICIENT",
    ),
    (
        "AnalysisDispersionType",
        "STANDARD_ERROR_OF_THE_MEAN",
        "STANDARD_ERROR_OF_MEAN",
    ),
    ("ConfidenceIntervalNumSides", "1_SIDED", "ONE_SIDED"),
    ("ConfidenceIntervalNumSides", "2_SIDED", "TWO_SIDED"),
    (
        "ResponsiblePartyType",
        "PRINCIPAL_INVESTIGATOR",
        "PRINCIPAL_INVESTIGATOR",
    ),
    (
        "ResponsiblePartyType",
        "SPONSOR_INVESTIGATOR",
        "SPONSOR_INVESTIGATOR",
    ),
];

/// Words a site appends to a value that CT.gov's code leaves out ("Single Group Assignment", "Double Blind").
const SUFFIXES: &[&str] = &["_GROUP", "_ASSIGNMENT", "_BLIND", "_BLINDED", "_ARM"];

/// Tails one enum's values carry on some sites, in code form: (enum spec name, tail).
/// Results tails ("Completed No Results Posted", "Completed - Has Results") say whether results
/// are posted, which is not part of the status; "Female only" and "Interventional study" add nothing.
const SPEC_TAILS: &[(&str, &str)] = &[
    ("Status", "_NO_RESULTS_POSTED"),
    ("Status", "_NO_RESULTS_AVAILABLE"),
    ("Status", "_NO_RESULTS"),
    ("Status", "_HAS_RESULTS"),
    ("Status", "_WITH_RESULTS"),
    ("Status", "_RESULTS_AVAILABLE"),
    ("Status", "_RESULTS_POSTED"),
    ("Status", "_RESULTS_SUBMITTED"),
    ("Sex", "_ONLY"),
    ("StudyType", "_STUDY"),
    ("StudyType", "_STUDIES"),
    ("StudyType", "_TRIAL"),
    ("StudyType", "_CLINICAL_TRIAL"),
    ("StudyType", "_PROGRAM"),
    ("StudyType", "_PROGRAMME"),
];

/// The `E` a code-form label names, through the code itself or the synonym table.
fn by_code<E: CtEnum>(code: &str) -> Option<E> {
    E::from_code(code).or_else(|| {
        SYNONYMS
            .iter()
            .find(|(spec, l, _)| *spec == E::SPEC_NAME && *l == code)
            .and_then(|(_, _, target)| E::from_code(target))
    })
}

/// The `E` a display label names as a whole: the code, a synonym, or one of those with a tail
/// known for `E` ("Completed No Results Posted", "Female only"). Unlike [`lookup`] it does not
/// strip the generic suffixes ("… Group", "… Arm"), so it suits text that carries no label.
pub fn lookup_strict<E: CtEnum>(label: &str) -> Option<E> {
    with_code(label, strict_code)
}

/// [`lookup_strict`] on a label already in code form.
fn strict_code<E: CtEnum>(code: &str) -> Option<E> {
    if code.is_empty() {
        return None;
    }
    by_code(code).or_else(|| {
        SPEC_TAILS
            .iter()
            .filter(|(spec, _)| *spec == E::SPEC_NAME)
            .find_map(|(_, t)| code.strip_suffix(t))
            .and_then(by_code)
    })
}

/// The `E` a display label names, through the code itself, the synonym table, a tail known for
/// `E`, or a known suffix ("Single Group Assignment").
pub fn lookup<E: CtEnum>(label: &str) -> Option<E> {
    with_code(label, |code| {
        strict_code(code).or_else(|| {
            SUFFIXES
                .iter()
                .find_map(|s| code.strip_suffix(s))
                .and_then(by_code)
        })
    })
}

/// The `E` whose CT.gov code `text` is exactly (`COMPLETED`, not "Completed").
pub fn exact_code<E: CtEnum>(text: &str) -> Option<E> {
    E::from_code(text.trim())
}

/// Footnote marks a site prints after a value ("Unknown†", "Completed¹").
const FOOTNOTE_MARKS: &[char] = &['†', '‡', '*', '§', '¹', '²', '³', '#'];

/// The overall status a labelled value names, in any case and spelling: display words
/// ("Active, not recruiting"), CT.gov codes, Veeva's words ("Enrolling"), results tails
/// ("Completed No Results Posted", "Completed - Has Results", "Recruiting (results available)"),
/// footnote marks ("Unknown†") and a closing remark in brackets ("Terminated (Lack of funding)");
/// with the reason in brackets when the status is one a study stops with
/// (terminated, withdrawn, suspended): "Terminated (Lack of funding)" → (`TERMINATED`, "Lack of funding").
/// A remark after any other status ("Unknown status (last known: recruiting)") is not a reason.
pub fn status_and_why_stopped(text: &str) -> Option<(Status, Option<&str>)> {
    let t = text.trim().trim_end_matches(FOOTNOTE_MARKS).trim_end();
    if let Some(s) = lookup::<Status>(t) {
        return Some((s, None));
    }
    let (head, inner) = bracketed_tail(t)?;
    let s = lookup::<Status>(head)?;
    let stopped = matches!(
        s,
        Status::Terminated | Status::Withdrawn | Status::Suspended
    );
    let inner = inner.trim();
    Some((s, (stopped && !inner.is_empty()).then_some(inner)))
}

/// Splits "Head (inner)" or "Head [inner]" when the bracket opens once and closes the text.
fn bracketed_tail(t: &str) -> Option<(&str, &str)> {
    let close = t.chars().last()?;
    let open = match close {
        ')' => '(',
        ']' => '[',
        _ => return None,
    };
    let i = t.find(open)?;
    let inner = &t[i + 1..t.len() - 1];
    if inner.contains([open, close]) {
        return None;
    }
    let head = t[..i].trim();
    (!head.is_empty()).then_some((head, inner))
}

/// One piece of a phase text: a word, or a list separator ("/", ",", "|", "-", "&", "and").
#[derive(Debug, PartialEq, Eq)]
enum PhaseToken {
    Word(String),
    Sep,
}

/// Splits a phase text into words and separators; `None` at a character no phase text holds.
fn phase_tokens(text: &str) -> Option<Vec<PhaseToken>> {
    let mut out = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<PhaseToken>| {
        if !word.is_empty() {
            let w = std::mem::take(word);
            out.push(if w == "and" {
                PhaseToken::Sep
            } else {
                PhaseToken::Word(w)
            });
        }
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
            continue;
        }
        flush(&mut word, &mut out);
        match c {
            '/' | ',' | '|' | '-' | '–' | '—' | '&' | '+' | ';' => out.push(PhaseToken::Sep),
            '_' | '.' => {}
            c if c.is_whitespace() => {}
            _ => return None,
        }
    }
    flush(&mut word, &mut out);
    Some(out)
}

/// The phase number a word gives: "1"–"4", "0", roman "I"–"IV", each with an optional
/// sub-phase letter ("1b", "IIa") that CT.gov folds into the base phase.
fn phase_numeral(word: &str) -> Option<u8> {
    let base = |w: &str| -> Option<u8> {
        Some(match w {
            "0" => 0,
            "1" | "i" => 1,
            "2" | "ii" => 2,
            "3" | "iii" => 3,
            "4" | "iv" => 4,
            _ => return None,
        })
    };
    base(word).or_else(|| {
        let stem = word.strip_suffix(['a', 'b', 'c'])?;
        base(stem)
    })
}

/// The phases a text names when every item is spelled with the word "phase" (the first may
/// be followed by bare numbers: "Phase I/II", "Phase 2 and 3", "Phase 1b/2"). "Phase 0" is
/// CT.gov's `EARLY_PHASE1`, as is "Early Phase 1". `None` for anything else, "N/A" included.
pub fn phase_list(text: &str) -> Option<Vec<Phase>> {
    let tokens = phase_tokens(text)?;
    let word = |i: usize| match tokens.get(i) {
        Some(PhaseToken::Word(w)) => Some(w.as_str()),
        _ => None,
    };
    let to_phase = |n: u8, early: bool| match (n, early) {
        (0, false) | (1, true) => Some(Phase::EarlyPhase1),
        (1, false) => Some(Phase::Phase1),
        (2, false) => Some(Phase::Phase2),
        (3, false) => Some(Phase::Phase3),
        (4, false) => Some(Phase::Phase4),
        _ => None,
    };
    let mut out = Vec::new();
    let mut i = 0;
    // Whether the previous token was a separator (a bare number may follow one).
    let mut after_sep = false;
    while i < tokens.len() {
        let w = match &tokens[i] {
            PhaseToken::Sep if !out.is_empty() && !after_sep => {
                after_sep = true;
                i += 1;
                continue;
            }
            PhaseToken::Sep => return None,
            PhaseToken::Word(w) => w.as_str(),
        };
        let early = w == "early";
        if early {
            i += 1;
        }
        let w = word(i)?;
        let (n, used) = if w == "phase" {
            (phase_numeral(word(i + 1)?)?, 2)
        } else if let Some(n) = w.strip_prefix("phase").and_then(phase_numeral) {
            (n, 1)
        } else if after_sep && !early {
            (phase_numeral(w)?, 1)
        } else {
            return None;
        };
        out.push(to_phase(n, early)?);
        i += used;
        after_sep = false;
    }
    if out.is_empty() || after_sep {
        return None;
    }
    sort_phases(&mut out);
    Some(out)
}

/// The phases a labelled value names, in CT.gov order: "Phase 2", "Phase II", "PHASE1/PHASE2",
/// "Phase 1 / Phase 2", "Phase I/II", "Phase 2/3", "Phase II-III", "Phase 2 and 3", "Phase 1b/2",
/// "Early Phase I", "Phase 0", "N/A", "Not Applicable". Empty when the text is not a phase.
pub fn phases(label: &str) -> Vec<Phase> {
    let (na, phase) = with_code(label, |code| {
        (
            matches!(code, "NA" | "N_A" | "NOT_APPLICABLE"),
            code.contains("PHASE"),
        )
    });
    if na {
        return vec![Phase::Na];
    }
    // Every phase but N/A is spelled with the word.
    if !phase {
        return Vec::new();
    }
    if let Some(list) = phase_list(label) {
        return list;
    }
    // Forms the grammar does not cover but the vocabulary always took ("Phase 1 group").
    lookup::<Phase>(label).map(|p| vec![p]).unwrap_or_default()
}

/// Puts phases in CT.gov order without duplicates.
pub fn sort_phases(phases: &mut Vec<Phase>) {
    phases.sort_by_key(|p| Phase::ALL.iter().position(|q| q == p));
    phases.dedup();
}

/// "Yes" → true, "No" → false, in any case (classic XML's yes/no elements, WHO's "Results
/// available").
pub fn yes_no(text: &str) -> Option<bool> {
    match normalize_code(text).as_str() {
        "YES" => Some(true),
        "NO" => Some(false),
        _ => None,
    }
}

/// Whether healthy volunteers are accepted, from "Yes"/"No", "Accepts Healthy Volunteers",
/// "Does not accept healthy volunteers", "No healthy volunteers", "Healthy volunteers accepted",
/// "Not accepted".
pub fn healthy_volunteers(label: &str) -> Option<bool> {
    match normalize_code(label).as_str() {
        "YES"
        | "Y"
        | "TRUE"
        | "ACCEPTED"
        | "ACCEPTS_HEALTHY_VOLUNTEERS"
        | "HEALTHY_VOLUNTEERS"
        | "HEALTHY_VOLUNTEERS_ACCEPTED"
        | "ACCEPTS_HEALTHY_VOLUNTEERS_YES" => Some(true),
        "NO"
        | "N"
        | "FALSE"
        | "NOT_ACCEPTED"
        | "NO_HEALTHY_VOLUNTEERS"
        | "NO_HEALTHY_VOLUNTEERS_ACCEPTED"
        | "DOES_NOT_ACCEPT_HEALTHY_VOLUNTEERS"
        | "HEALTHY_VOLUNTEERS_NOT_ACCEPTED"
        | "ACCEPTS_HEALTHY_VOLUNTEERS_NO" => Some(false),
        _ => None,
    }
}

/// The study type a labelled value names, and whether it says it is a patient registry:
/// "Interventional", "INTERVENTIONAL", "Expanded access", "Interventional study",
/// "Interventional (Clinical Trial)" (registry not said: `None`),
/// "Observational [Patient Registry]" (`Some(true)`), "Observational [Other]" (`Some(false)`).
pub fn study_type(text: &str) -> Option<(StudyType, Option<bool>)> {
    let t = text.trim();
    if let Some(kind) = lookup::<StudyType>(t) {
        return Some((kind, None));
    }
    let (base, inner) = bracketed_tail(t)?;
    let kind = lookup::<StudyType>(base)?;
    let registry = inner.lowercased().contains("registry");
    // CT.gov prints the registry flag in square brackets; round ones hold the kind of study.
    let flag = if t.ends_with(']') {
        Some(registry)
    } else {
        registry.then_some(true)
    };
    Some((kind, flag))
}

/// "Biological: X" → the intervention type and the name.
pub fn typed_intervention(text: &str) -> Option<(InterventionType, &str)> {
    let colon = text.find(':')?;
    let kind = lookup::<InterventionType>(&text[..colon])?;
    let name = text[colon + 1..].trim();
    (!name.is_empty()).then_some((kind, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn veeva_labels_map_to_v2_values() {
        assert_eq!(lookup::<Status>("Enrolling"), Some(Status::Recruiting));
        assert_eq!(
            lookup::<Status>("Invitation-only"),
            Some(Status::EnrollingByInvitation)
        );
        assert_eq!(
            lookup::<Status>("Not yet enrolling"),
            Some(Status::NotYetRecruiting)
        );
        assert_eq!(lookup::<Phase>("Early Phase 1"), Some(Phase::EarlyPhase1));
        assert_eq!(lookup::<Phase>("N/A"), Some(Phase::Na));
        assert_eq!(
            lookup::<DesignAllocation>("N/A"),
            Some(DesignAllocation::Na)
        );
        assert_eq!(
            lookup::<InterventionalAssignment>("Single Group Assignment"),
            Some(InterventionalAssignment::SingleGroup)
        );
        assert_eq!(
            lookup::<DesignMasking>("None (Open label)"),
            Some(DesignMasking::None)
        );
        assert_eq!(
            lookup::<DesignMasking>("Quadruple Blind"),
            Some(DesignMasking::Quadruple)
        );
        assert_eq!(
            lookup::<ArmGroupType>("Placebo Comparator group"),
            Some(ArmGroupType::PlaceboComparator)
        );
        assert_eq!(lookup::<AgencyClass>("NETWORK"), Some(AgencyClass::Network));
        assert_eq!(lookup::<Status>("Phase 1"), None);
    }

    #[test]
    fn phase_lists_split() {
        assert_eq!(phases("PHASE1/PHASE2"), vec![Phase::Phase1, Phase::Phase2]);
        assert_eq!(phases("Phase 3"), vec![Phase::Phase3]);
        assert!(phases("Completed").is_empty());
        let mut p = vec![Phase::Phase2, Phase::Phase1, Phase::Phase2];
        sort_phases(&mut p);
        assert_eq!(p, vec![Phase::Phase1, Phase::Phase2]);
    }

    #[test]
    fn typed_interventions() {
        assert_eq!(
            typed_intervention("Biological: clonal cells"),
            Some((InterventionType::Biological, "clonal cells"))
        );
        assert_eq!(
            typed_intervention("Dietary Supplement: zinc"),
            Some((InterventionType::DietarySupplement, "zinc"))
        );
        assert_eq!(typed_intervention("Ratio: 1:2"), None);
    }

    #[test]
    fn status_spellings() {
        use Status::*;
        let status = |text| status_and_why_stopped(text).map(|(s, _)| s);
        let table: &[(&str, Status)] = &[
            ("Recruiting", Recruiting),
            ("RECRUITING", Recruiting),
            ("recruiting", Recruiting),
            ("Not yet recruiting", NotYetRecruiting),
            ("Active, not recruiting", ActiveNotRecruiting),
            ("ACTIVE_NOT_RECRUITING", ActiveNotRecruiting),
            ("Enrolling by invitation", EnrollingByInvitation),
            ("Unknown status", Unknown),
            ("Unknown", Unknown),
            ("Unknown†", Unknown),
            ("Completed", Completed),
            ("Terminated", Terminated),
            ("Withdrawn", Withdrawn),
            ("Suspended", Suspended),
            ("Available", Available),
            ("No longer available", NoLongerAvailable),
            ("Temporarily not available", TemporarilyNotAvailable),
            ("Approved for marketing", ApprovedForMarketing),
            ("Withheld", Withheld),
            ("Enrolling", Recruiting),
            ("Active, not enrolling", ActiveNotRecruiting),
            ("Completed No Results Posted", Completed),
            ("Completed - Has Results", Completed),
            ("Completed With Results", Completed),
            ("Terminated Results Submitted", Terminated),
            ("Recruiting (results available)", Recruiting),
            ("Terminated (Lack of funding)", Terminated),
            ("Unknown status (last known: recruiting)", Unknown),
            ("Withdrawn [no participants enrolled]", Withdrawn),
        ];
        for (text, want) in table {
            assert_eq!(status(text), Some(*want), "{text}");
        }
        let rejected = [
            "",
            "Phase 1",
            "Sometimes",
            "Recruiting participants now in Ohio",
            "Results Posted",
            "No Results Posted",
            "(Lack of funding)",
            "Terminated (Lack (of) funding)",
            "Terminated (Lack of funding",
            "Not recruiting yet soon",
            "Active",
        ];
        for text in rejected {
            assert_eq!(status(text), None, "{text}");
        }
        assert_eq!(
            status_and_why_stopped("Terminated (Lack of funding)"),
            Some((Terminated, Some("Lack of funding")))
        );
        assert_eq!(
            status_and_why_stopped("Unknown status (last known: recruiting)"),
            Some((Unknown, None))
        );
        assert_eq!(status_and_why_stopped("Completed"), Some((Completed, None)));
    }

    #[test]
    fn phase_spellings() {
        use Phase::*;
        let table: &[(&str, &[Phase])] = &[
            ("Phase 1", &[Phase1]),
            ("Phase I", &[Phase1]),
            ("Phase II", &[Phase2]),
            ("Phase III", &[Phase3]),
            ("Phase IV", &[Phase4]),
            ("PHASE4", &[Phase4]),
            ("phase 3", &[Phase3]),
            ("Phase I/II", &[Phase1, Phase2]),
            ("Phase 2/3", &[Phase2, Phase3]),
            ("Phase 1/Phase 2", &[Phase1, Phase2]),
            ("Phase 1 / Phase 2", &[Phase1, Phase2]),
            ("PHASE1/PHASE2", &[Phase1, Phase2]),
            ("PHASE1, PHASE2", &[Phase1, Phase2]),
            ("Phase 1 | Phase 2", &[Phase1, Phase2]),
            ("Phase 2 and 3", &[Phase2, Phase3]),
            ("Phase II-III", &[Phase2, Phase3]),
            ("Phase II–III", &[Phase2, Phase3]),
            ("Phase 1b", &[Phase1]),
            ("Phase Ib", &[Phase1]),
            ("Phase 2a", &[Phase2]),
            ("Phase IIb", &[Phase2]),
            ("Phase 1b/2", &[Phase1, Phase2]),
            ("Phase 2/1", &[Phase1, Phase2]),
            ("Phase 1 Phase 2", &[Phase1, Phase2]),
            ("Early Phase 1", &[EarlyPhase1]),
            ("Early Phase I", &[EarlyPhase1]),
            ("EARLY_PHASE1", &[EarlyPhase1]),
            ("Phase 0", &[EarlyPhase1]),
            ("Phase-2", &[Phase2]),
            // Kept from the vocabulary's older, looser reading.
            ("Phase 1/", &[Phase1]),
            ("N/A", &[Na]),
            ("NA", &[Na]),
            ("Not Applicable", &[Na]),
            ("not applicable", &[Na]),
        ];
        for (text, want) in table {
            assert_eq!(phases(text), want.to_vec(), "{text}");
        }
        let rejected = [
            "",
            "Phase",
            "Phase 5",
            "Phase V",
            "Completed",
            "Early Phase 2",
            "Early Phase 0",
            "1/2",
            "Phase 1//2",
            "Phase 1 and",
            "Phase 2 trial of zinc in adults",
            "A phase 2 study",
            "Phase 1 (dose escalation)",
            "Phase 1.5",
            "Phase 12",
            "Phase 1 or 2",
            "N/A Phase 1",
        ];
        for text in rejected {
            assert_eq!(phases(text), Vec::<Phase>::new(), "{text}");
        }
        // Without the word "phase", "N/A" is not a phase list on its own.
        assert_eq!(phase_list("N/A"), None);
    }

    #[test]
    fn sex_spellings() {
        use Sex::*;
        let table: &[(&str, Sex)] = &[
            ("All", All),
            ("Both", All),
            ("All Sexes", All),
            ("Both sexes", All),
            ("Both males and females", All),
            ("Male and female", All),
            ("Males and females", All),
            ("Men and women", All),
            ("Female", Female),
            ("Females", Female),
            ("Female only", Female),
            ("Females only", Female),
            ("Women only", Female),
            ("FEMALE", Female),
            ("Male", Male),
            ("Men", Male),
            ("Males only", Male),
            ("MALE", Male),
        ];
        for (text, want) in table {
            assert_eq!(lookup::<Sex>(text), Some(*want), "{text}");
        }
        for text in [
            "",
            "Adults",
            "Only",
            "Male and",
            "Female and children",
            "Gender",
        ] {
            assert_eq!(lookup::<Sex>(text), None, "{text}");
        }
    }

    #[test]
    fn healthy_volunteer_spellings() {
        let table: &[(&str, bool)] = &[
            ("Yes", true),
            ("No", false),
            ("Accepts healthy volunteers", true),
            ("Accepts Healthy Volunteers", true),
            ("Healthy volunteers accepted", true),
            ("Does not accept healthy volunteers", false),
            ("No healthy volunteers", false),
            ("Not accepted", false),
            ("Healthy volunteers not accepted", false),
        ];
        for (text, want) in table {
            assert_eq!(healthy_volunteers(text), Some(*want), "{text}");
        }
        for text in [
            "",
            "Maybe",
            "Healthy",
            "Volunteers",
            "Patients only",
            "Yes, if fasting",
        ] {
            assert_eq!(healthy_volunteers(text), None, "{text}");
        }
    }

    #[test]
    fn study_type_spellings() {
        use StudyType::*;
        let table: &[(&str, (StudyType, Option<bool>))] = &[
            ("Interventional", (Interventional, None)),
            ("INTERVENTIONAL", (Interventional, None)),
            ("Observational", (Observational, None)),
            ("Expanded Access", (ExpandedAccess, None)),
            ("Expanded access", (ExpandedAccess, None)),
            ("EXPANDED_ACCESS", (ExpandedAccess, None)),
            ("Interventional study", (Interventional, None)),
            ("Observational study", (Observational, None)),
            ("Interventional (Clinical Trial)", (Interventional, None)),
            ("Interventional  (Clinical Trial)", (Interventional, None)),
            (
                "Observational [Patient Registry]",
                (Observational, Some(true)),
            ),
            (
                "Observational (Patient Registry)",
                (Observational, Some(true)),
            ),
            ("Observational [Other]", (Observational, Some(false))),
        ];
        for (text, want) in table {
            assert_eq!(study_type(text), Some(*want), "{text}");
        }
        let rejected = [
            "",
            "Study",
            "Clinical Trial",
            "(Clinical Trial)",
            "Randomized",
            "Interventional treatment trial for asthma",
            "Observational [Patient Registry",
        ];
        for text in rejected {
            assert_eq!(study_type(text), None, "{text}");
        }
    }
}
