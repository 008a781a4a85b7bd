//! CT.gov codes in the words people read: `ENROLLING_BY_INVITATION` → "Enrolling by
//! invitation", `PHASE1` → "Phase 1". The collection's fields and search text use them, so a
//! value reads (and is found) the way the card shows it.

use crate::model::{CtEnum, Phase};

/// Any upper-snake-case code in sentence case: `NOT_YET_RECRUITING` → "Not yet recruiting".
pub fn words(code: &str) -> String {
    let lower = code.replace('_', " ").to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A CT.gov enum value in words. Most codes read as their sentence case ([`words`]); the few
/// CT.gov writes otherwise are spelled as CT.gov shows them: "Active, not recruiting",
/// "Unknown status", phases as in [`phase_words`], allocation `NA` "Not applicable", masking
/// `NONE` "None (open label)", intervention types as in "Biological: X", and acronyms (NIH,
/// FDA, EudraCT …) kept in capitals.
pub fn code_words<E: CtEnum>(value: E) -> String {
    let code = value.code();
    let special = match (E::SPEC_NAME, code) {
        ("Status" | "RecruitmentStatus", "ACTIVE_NOT_RECRUITING") => "Active, not recruiting",
        ("Status", "UNKNOWN") => "Unknown status",
        ("Phase", _) => {
            return Phase::from_code(code).map_or_else(|| words(code), phase_words);
        }
        ("DesignAllocation", "NA") => "Not applicable",
        ("DesignAllocation", "NON_RANDOMIZED") => "Non-randomized",
        ("DesignMasking", "NONE") => "None (open label)",
        ("InterventionType", _) => {
            return crate::model::InterventionType::from_code(code)
                .map_or_else(|| words(code), |t| t.display().to_string());
        }
        ("SecondaryIdType", "EUDRACT_NUMBER") => "EudraCT number",
        ("SecondaryIdType", "CTIS") => "CTIS (EU CT number)",
        ("SecondaryIdType" | "AgencyClass", "NIH") => "NIH",
        ("SecondaryIdType", "FDA" | "VA" | "CDC" | "AHRQ" | "SAMHSA") => code,
        ("AgencyClass", "FED") => "Federal (U.S.)",
        ("AgencyClass", "OTHER_GOV") => "Other government",
        ("AgencyClass", "INDIV") => "Individual",
        ("AgencyClass", "AMBIG") => "Ambiguous",
        ("StandardAge", "OLDER_ADULT") => "Older adult",
        ("IpdSharingInfoType", "SAP") => "Statistical analysis plan (SAP)",
        ("IpdSharingInfoType", "ICF") => "Informed consent form (ICF)",
        ("IpdSharingInfoType", "CSR") => "Clinical study report (CSR)",
        ("SamplingMethod", "NON_PROBABILITY_SAMPLE") => "Non-probability sample",
        _ => return words(code),
    };
    special.to_string()
}

/// A phase as registries write it: `PHASE1` → "Phase 1", `EARLY_PHASE1` → "Early phase 1",
/// `NA` → "No phase (N/A)".
pub fn phase_words(phase: Phase) -> String {
    match phase.code() {
        "NA" => "No phase (N/A)".to_string(),
        "EARLY_PHASE1" => "Early phase 1".to_string(),
        code => code
            .strip_prefix("PHASE")
            .map_or_else(|| words(code), |n| format!("Phase {n}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        AgencyClass, DesignAllocation, DesignMasking, InterventionType, IpdSharingInfoType,
        SamplingMethod, SecondaryIdType, Sex, Status,
    };

    #[test]
    fn ipd_documents_and_sampling_read_in_full() {
        assert_eq!(
            code_words(IpdSharingInfoType::Sap),
            "Statistical analysis plan (SAP)"
        );
        assert_eq!(
            code_words(IpdSharingInfoType::StudyProtocol),
            "Study protocol"
        );
        assert_eq!(
            code_words(IpdSharingInfoType::AnalyticCode),
            "Analytic code"
        );
        assert_eq!(
            code_words(SamplingMethod::NonProbabilitySample),
            "Non-probability sample"
        );
        assert_eq!(
            code_words(SamplingMethod::ProbabilitySample),
            "Probability sample"
        );
    }

    #[test]
    fn codes_read_as_ctgov_writes_them() {
        assert_eq!(
            code_words(Status::ActiveNotRecruiting),
            "Active, not recruiting"
        );
        assert_eq!(
            code_words(Status::EnrollingByInvitation),
            "Enrolling by invitation"
        );
        assert_eq!(code_words(Status::Unknown), "Unknown status");
        assert_eq!(code_words(Status::Recruiting), "Recruiting");
        assert_eq!(code_words(Phase::Phase2), "Phase 2");
        assert_eq!(code_words(Phase::Na), "No phase (N/A)");
        assert_eq!(phase_words(Phase::EarlyPhase1), "Early phase 1");
        assert_eq!(code_words(DesignAllocation::Na), "Not applicable");
        assert_eq!(code_words(DesignMasking::None), "None (open label)");
        assert_eq!(
            code_words(InterventionType::DietarySupplement),
            "Dietary Supplement"
        );
        assert_eq!(code_words(SecondaryIdType::EudractNumber), "EudraCT number");
        assert_eq!(code_words(AgencyClass::Nih), "NIH");
        assert_eq!(code_words(Sex::All), "All");
        assert_eq!(words(""), "");
    }

    /// Every value of `E` reads as distinct words, capitalised, without underscores.
    fn distinct_words<E: CtEnum>() {
        let all: Vec<String> = E::ALL.iter().map(|v| code_words(*v)).collect();
        for (i, w) in all.iter().enumerate() {
            assert!(!w.contains('_'), "{} {w}", E::SPEC_NAME);
            assert!(
                w.starts_with(|c: char| c.is_uppercase()),
                "{} {w}",
                E::SPEC_NAME
            );
            assert!(!all[..i].contains(w), "{} {w} twice", E::SPEC_NAME);
        }
    }

    #[test]
    fn every_value_of_the_enums_the_fields_show_has_its_own_words() {
        use crate::model::*;
        distinct_words::<Status>();
        distinct_words::<RecruitmentStatus>();
        distinct_words::<StudyType>();
        distinct_words::<Phase>();
        distinct_words::<Sex>();
        distinct_words::<StandardAge>();
        distinct_words::<SecondaryIdType>();
        distinct_words::<AgencyClass>();
        distinct_words::<DateType>();
        distinct_words::<ResponsiblePartyType>();
        distinct_words::<DesignAllocation>();
        distinct_words::<InterventionalAssignment>();
        distinct_words::<PrimaryPurpose>();
        distinct_words::<ObservationalModel>();
        distinct_words::<DesignTimePerspective>();
        distinct_words::<EnrollmentType>();
        distinct_words::<ArmGroupType>();
        distinct_words::<InterventionType>();
        distinct_words::<OfficialRole>();
        distinct_words::<DesignMasking>();
        distinct_words::<WhoMasked>();
    }
}
