//! CT.gov codes in the words people read: `ENROLLING_BY_INVITATION` → "Enrolling by
//! invitation", `PHASE1` → "Phase 1". The collection's fields and search text use them, so a
//! value reads (and is found) the way the card shows it. Also the other words the viewer
//! puts around values: counts ("13,955", "1 trial"), layouts, what a status means, and the
//! count above the cards.

use crate::case::Cased;
use crate::model::{CtEnum, Phase, Status};
use crate::Layout;

/// Any upper-snake-case code in sentence case: `NOT_YET_RECRUITING` → "Not yet recruiting".
pub fn words(code: &str) -> String {
    code.replace('_', " ").lowercased().capitalised()
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

/// A count with thousands separators, as people read large numbers: 13955 → "13,955".
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// A count and its noun, singular for one: `counted(1, "trial", "trials")` → "1 trial",
/// `counted(1200, "trial", "trials")` → "1,200 trials".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", count(n), if n == 1 { one } else { many })
}

/// "12 trials", "3 of 12 trials shown" (when the view is `narrowed`), with the records
/// behind them when some trials were read from more than one source: "1 trial (2 records)".
pub fn shown_count(shown: usize, trials: usize, records: usize, narrowed: bool) -> String {
    let all = counted(trials, "trial", "trials");
    let base = if narrowed {
        format!("{} of {all} shown", count(shown))
    } else {
        all
    };
    if records > trials {
        format!("{base} ({} records)", count(records))
    } else {
        base
    }
}

/// A layout name the parser reports (`trialcards.source.layout`), as a reader knows the
/// site: the words of its [`Layout`], else the name in sentence case.
pub fn layout_words(layout: &str) -> String {
    Layout::named(layout)
        .map(|l| l.words().to_string())
        .unwrap_or_else(|| words(layout))
}

/// `text` cut to at most `max` characters, an ellipsis last when it was cut.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        text.chars().take(max.saturating_sub(1)).collect::<String>() + "…"
    }
}

/// What a status means for someone looking for a trial (a card's badge is coloured by it,
/// and always carries the status's words too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusMeaning {
    /// Taking participants now.
    Recruiting,
    /// Will take participants later.
    NotYet,
    /// Running, not taking participants.
    Active,
    /// Finished as planned.
    Completed,
    /// Ended early, paused or withdrawn.
    Stopped,
    /// Not known.
    Unknown,
}

impl StatusMeaning {
    /// The meaning of a CT.gov overall status.
    pub fn of(status: Status) -> Self {
        match status {
            Status::Recruiting | Status::EnrollingByInvitation | Status::Available => {
                Self::Recruiting
            }
            Status::NotYetRecruiting => Self::NotYet,
            Status::ActiveNotRecruiting => Self::Active,
            Status::Completed | Status::ApprovedForMarketing => Self::Completed,
            Status::Unknown => Self::Unknown,
            _ => Self::Stopped,
        }
    }

    /// The name the style sheet knows the meaning by (a badge's class): `status-recruiting`,
    /// `status-not-yet`, `status-active`, `status-completed`, `status-stopped`, `status-unknown`.
    pub fn class(self) -> &'static str {
        match self {
            Self::Recruiting => "status-recruiting",
            Self::NotYet => "status-not-yet",
            Self::Active => "status-active",
            Self::Completed => "status-completed",
            Self::Stopped => "status-stopped",
            Self::Unknown => "status-unknown",
        }
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

    #[test]
    fn counts_read_with_thousands_separators_and_their_noun() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1_000), "1,000");
        assert_eq!(count(13_955), "13,955");
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(counted(1, "trial", "trials"), "1 trial");
        assert_eq!(counted(0, "trial", "trials"), "0 trials");
        assert_eq!(counted(1_200, "record", "records"), "1,200 records");
    }

    #[test]
    fn the_count_says_how_many_are_shown_of_how_many() {
        assert_eq!(shown_count(4, 4, 4, false), "4 trials");
        assert_eq!(shown_count(1, 1, 1, false), "1 trial");
        assert_eq!(shown_count(2, 4, 4, true), "2 of 4 trials shown");
        assert_eq!(shown_count(1, 1, 2, false), "1 trial (2 records)");
        assert_eq!(
            shown_count(0, 1_200, 1_250, true),
            "0 of 1,200 trials shown (1,250 records)"
        );
    }

    #[test]
    fn layouts_read_as_their_sites_and_labels_clip() {
        assert_eq!(layout_words("who-ictrp"), "WHO ICTRP trial page");
        assert_eq!(layout_words("some_new_site"), "Some new site");
        assert_eq!(clip("Phase 1", 19), "Phase 1");
        assert_eq!(clip("Active, not recruiting", 10), "Active, n…");
        assert_eq!(clip("Ärzte", 2), "Ä…");
        assert_eq!(clip("abc", 0), "…");
    }

    #[test]
    fn every_status_has_a_meaning() {
        use StatusMeaning::*;
        assert_eq!(StatusMeaning::of(Status::Recruiting), Recruiting);
        assert_eq!(StatusMeaning::of(Status::EnrollingByInvitation), Recruiting);
        assert_eq!(StatusMeaning::of(Status::NotYetRecruiting), NotYet);
        assert_eq!(StatusMeaning::of(Status::ActiveNotRecruiting), Active);
        assert_eq!(StatusMeaning::of(Status::ApprovedForMarketing), Completed);
        assert_eq!(StatusMeaning::of(Status::Withdrawn), Stopped);
        assert_eq!(StatusMeaning::of(Status::Unknown), Unknown);
        for status in Status::ALL {
            assert!(StatusMeaning::of(*status).class().starts_with("status-"));
        }
    }
}
