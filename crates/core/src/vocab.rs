//! Display labels ("Enrolling", "Single Group Assignment", "PHASE1/PHASE2") → CT.gov v2 enum values.

use crate::model::enums::*;

/// Turns a label into CT.gov code form: uppercase, punctuation to `_`,
/// "PHASE_1" joined to "PHASE1" ("Early Phase 1" → "EARLY_PHASE1").
pub fn normalize_code(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for c in label.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_uppercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    out.replace("PHASE_", "PHASE")
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

/// The `E` a display label names, through the code itself, the synonym table or a known suffix.
pub fn lookup<E: CtEnum>(label: &str) -> Option<E> {
    let code = normalize_code(label);
    if code.is_empty() {
        return None;
    }
    let by_code = |c: &str| {
        E::from_code(c).or_else(|| {
            SYNONYMS
                .iter()
                .find(|(spec, l, _)| *spec == E::SPEC_NAME && *l == c)
                .and_then(|(_, _, target)| E::from_code(target))
        })
    };
    by_code(&code).or_else(|| {
        SUFFIXES
            .iter()
            .find_map(|s| code.strip_suffix(s))
            .and_then(by_code)
    })
}

/// The `E` whose CT.gov code `text` is exactly (`COMPLETED`, not "Completed").
pub fn exact_code<E: CtEnum>(text: &str) -> Option<E> {
    E::from_code(text.trim())
}

/// The phases a label names: "Phase 2", "PHASE1/PHASE2", "Phase 1/Phase 2", "Early Phase 1", "N/A".
pub fn phases(label: &str) -> Vec<Phase> {
    if let Some(p) = lookup::<Phase>(label) {
        return vec![p];
    }
    let mut out = Vec::new();
    for part in label.split(['/', ',', '|']).map(str::trim) {
        match lookup::<Phase>(part) {
            Some(p) => out.push(p),
            None => return Vec::new(),
        }
    }
    if out.len() < 2 {
        return Vec::new();
    }
    out
}

/// Puts phases in CT.gov order without duplicates.
pub fn sort_phases(phases: &mut Vec<Phase>) {
    phases.sort_by_key(|p| Phase::ALL.iter().position(|q| q == p));
    phases.dedup();
}

/// "Yes"/"No"/"No Healthy Volunteers"/"Accepts Healthy Volunteers" → whether healthy volunteers are accepted.
pub fn healthy_volunteers(label: &str) -> Option<bool> {
    match normalize_code(label).as_str() {
        "YES" | "TRUE" | "ACCEPTS_HEALTHY_VOLUNTEERS" | "HEALTHY_VOLUNTEERS" => Some(true),
        "NO" | "FALSE" | "NO_HEALTHY_VOLUNTEERS" | "DOES_NOT_ACCEPT_HEALTHY_VOLUNTEERS" => {
            Some(false)
        }
        _ => None,
    }
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
}
