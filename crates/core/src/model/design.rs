//! The v2 `DesignModule`: study type, phases, design and enrollment.

use super::enums::{
    DesignAllocation, DesignMasking, DesignTimePerspective, EnrollmentType,
    InterventionalAssignment, ObservationalModel, Phase, PrimaryPurpose, StudyType, WhoMasked,
};
use serde::{Deserialize, Serialize};

/// The v2 `DesignModule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DesignModule {
    /// Interventional, observational or expanded access.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub study_type: Option<StudyType>,
    /// Whether an observational study is a patient registry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient_registry: Option<bool>,
    /// The phases, in CT.gov order.
    #[serde(
        default,
        deserialize_with = "super::lenient::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub phases: Vec<Phase>,
    /// How the study is designed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub design_info: Option<DesignInfo>,
    /// How many take part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enrollment_info: Option<EnrollmentInfo>,
}

/// The v2 `DesignInfo`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DesignInfo {
    /// Randomised or not.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub allocation: Option<DesignAllocation>,
    /// The interventional model.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub intervention_model: Option<InterventionalAssignment>,
    /// A description of the interventional model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intervention_model_description: Option<String>,
    /// The primary purpose.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub primary_purpose: Option<PrimaryPurpose>,
    /// The observational model.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub observational_model: Option<ObservationalModel>,
    /// The time perspective.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub time_perspective: Option<DesignTimePerspective>,
    /// Masking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub masking_info: Option<MaskingInfo>,
}

/// The v2 `MaskingBlock`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MaskingInfo {
    /// The masking level.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub masking: Option<DesignMasking>,
    /// A description of the masking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub masking_description: Option<String>,
    /// Who is masked.
    #[serde(
        default,
        deserialize_with = "super::lenient::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub who_masked: Vec<WhoMasked>,
}

/// The v2 `EnrollmentInfo`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnrollmentInfo {
    /// The number of participants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// Actual or estimated.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        rename = "type",
        skip_serializing_if = "Option::is_none"
    )]
    pub enrollment_type: Option<EnrollmentType>,
}
