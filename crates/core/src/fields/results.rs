//! CT.gov's words in posted results, wherever they are read (classic XML, results pages): a
//! dispersion's name ("95% Confidence Interval"), which total an adverse-event row counts
//! ("Total, serious adverse events"), and the sentences CT.gov writes about agreements with
//! the sponsor ("Principal Investigators are NOT employed …").

use crate::model::{AgreementRestrictionType, MeasureDispersionType};
use crate::vocab;

/// A total of an adverse-event table: deaths, serious or other events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Total {
    /// All-cause mortality.
    Deaths,
    /// Serious adverse events.
    Serious,
    /// Other (not serious) adverse events.
    Other,
}

/// A measure's dispersion by its name ("Standard Deviation", "95% Confidence Interval"; a
/// confidence level v2 has no code of its own for is `CONFIDENCE_OTHER`).
pub(crate) fn dispersion(text: &str) -> Option<MeasureDispersionType> {
    let code = vocab::normalize_code(text);
    let Some(level) = code.strip_suffix("_CONFIDENCE_INTERVAL") else {
        return vocab::lookup_strict(text);
    };
    Some(match level {
        "80" => MeasureDispersionType::Confidence80,
        "90" => MeasureDispersionType::Confidence90,
        "95" => MeasureDispersionType::Confidence95,
        "97_5" => MeasureDispersionType::Confidence975,
        "99" => MeasureDispersionType::Confidence99,
        _ => MeasureDispersionType::ConfidenceOther,
    })
}

/// Which total a row of an adverse-event table names ("Total, all-cause mortality", "Serious
/// adverse events"); `None` for "Total" alone, which names its table's.
pub(crate) fn total_of(text: &str) -> Option<Total> {
    let t = text.to_ascii_lowercase();
    if t.contains("mortality") || t.contains("death") {
        Some(Total::Deaths)
    } else if t.contains("serious") {
        Some(Total::Serious)
    } else if t.contains("other") {
        Some(Total::Other)
    } else {
        None
    }
}

/// Whether the principal investigators are employed by the sponsor: "All Principal
/// Investigators ARE employed by the organization sponsoring the study." or "Principal
/// Investigators are NOT employed …"; or Yes/No.
pub(crate) fn pi_employee(text: &str) -> Option<bool> {
    let t = text.to_ascii_lowercase();
    if t.contains("not employed") {
        Some(false)
    } else if t.contains("are employed") {
        Some(true)
    } else {
        vocab::yes_no(text)
    }
}

/// Whether an agreement restricts what the investigators publish and, when the sentence says,
/// its embargo.
pub(crate) fn restrictive_agreement(
    text: &str,
) -> Option<(bool, Option<AgreementRestrictionType>)> {
    let t = text.to_ascii_lowercase();
    if t.contains("not an agreement") || t.contains("no agreement") {
        Some((false, None))
    } else if t.contains("less than or equal to 60 days") || t.contains("60 days or less") {
        Some((true, Some(AgreementRestrictionType::Lte60)))
    } else if t.contains("more than 60 days") || t.contains("greater than 60 days") {
        Some((true, Some(AgreementRestrictionType::Gt60)))
    } else {
        vocab::yes_no(text).map(|yes| (yes, None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EventAssessment;

    #[test]
    fn ctgov_sentences_give_the_agreement() {
        assert_eq!(
            pi_employee("Principal Investigators are NOT employed by the organization sponsoring the study."),
            Some(false)
        );
        assert_eq!(
            pi_employee("All Principal Investigators ARE employed by the organization sponsoring the study."),
            Some(true)
        );
        assert_eq!(pi_employee("perhaps"), None);
        assert_eq!(
            restrictive_agreement(
                "There is NOT an agreement between Principal Investigators and the Sponsor (or its agents) \
                 that restricts the PI's rights to discuss or publish trial results after the trial is completed."
            ),
            Some((false, None))
        );
        assert_eq!(
            restrictive_agreement(
                "… embargo communications … for a period that is less than or equal to 60 days …"
            ),
            Some((true, Some(AgreementRestrictionType::Lte60)))
        );
        assert_eq!(
            restrictive_agreement(
                "… for a period that is more than 60 days but less than or equal to 180 days …"
            ),
            Some((true, Some(AgreementRestrictionType::Gt60)))
        );
    }

    #[test]
    fn totals_are_named_by_their_sub_title() {
        assert_eq!(total_of("Total, all-cause mortality"), Some(Total::Deaths));
        assert_eq!(
            total_of("Total, serious adverse events"),
            Some(Total::Serious)
        );
        assert_eq!(total_of("Total, other adverse events"), Some(Total::Other));
        assert_eq!(total_of("Total"), None);
    }

    #[test]
    fn classic_spellings_of_the_results_codes() {
        use crate::model::{
            AnalysisDispersionType, ConfidenceIntervalNumSides, MeasureParam, NonInferiorityType,
            OutcomeMeasureType,
        };
        assert_eq!(
            dispersion("95% Confidence Interval"),
            Some(MeasureDispersionType::Confidence95)
        );
        assert_eq!(
            dispersion("97.5% Confidence Interval"),
            Some(MeasureDispersionType::Confidence975)
        );
        assert_eq!(
            dispersion("Inter-Quartile Range"),
            Some(MeasureDispersionType::InterQuartileRange)
        );
        assert_eq!(
            dispersion("Geometric Coefficient of Variation"),
            Some(MeasureDispersionType::GeometricCoefficient)
        );
        assert_eq!(
            vocab::lookup_strict("Count of Participants"),
            Some(MeasureParam::CountOfParticipants)
        );
        assert_eq!(
            vocab::lookup_strict("Other Pre-specified"),
            Some(OutcomeMeasureType::OtherPreSpecified)
        );
        assert_eq!(
            vocab::lookup_strict("Post-Hoc"),
            Some(OutcomeMeasureType::PostHoc)
        );
        assert_eq!(
            vocab::lookup_strict("Standard Error of the Mean"),
            Some(AnalysisDispersionType::StandardErrorOfMean)
        );
        assert_eq!(
            vocab::lookup_strict("2-Sided"),
            Some(ConfidenceIntervalNumSides::TwoSided)
        );
        assert_eq!(
            vocab::lookup_strict("Non-Inferiority or Equivalence"),
            Some(NonInferiorityType::NonInferiorityOrEquivalence)
        );
        assert_eq!(
            vocab::lookup_strict("Non-systematic Assessment"),
            Some(EventAssessment::NonSystematicAssessment)
        );
    }
}
