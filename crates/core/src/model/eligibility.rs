//! The v2 `EligibilityModule`: who may take part.

use super::enums::{SamplingMethod, Sex, StandardAge};
use serde::{Deserialize, Serialize};

/// The v2 `EligibilityModule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EligibilityModule {
    /// The criteria as CT.gov writes them ("Inclusion Criteria:\n\n* …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility_criteria: Option<String>,
    /// Whether healthy volunteers are accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub healthy_volunteers: Option<bool>,
    /// The sexes accepted.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub sex: Option<Sex>,
    /// The youngest age accepted, in CT.gov form ("18 Years").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_age: Option<String>,
    /// The oldest age accepted, in CT.gov form ("65 Years").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum_age: Option<String>,
    /// The age groups.
    #[serde(
        default,
        deserialize_with = "super::lenient::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub std_ages: Vec<StandardAge>,
    /// The population of an observational study.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study_population: Option<String>,
    /// How the participants of an observational study are chosen.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub sampling_method: Option<SamplingMethod>,
}
