//! The v2 `ArmsInterventionsModule`: the study's groups and what they receive.

use super::enums::{ArmGroupType, InterventionType};
use serde::{Deserialize, Serialize};

/// The v2 `ArmsInterventionsModule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArmsInterventionsModule {
    /// The arms or cohorts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub arm_groups: Vec<ArmGroup>,
    /// The interventions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interventions: Vec<Intervention>,
}

/// The v2 `ArmGroup`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArmGroup {
    /// The arm's label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The arm's role.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        rename = "type",
        skip_serializing_if = "Option::is_none"
    )]
    pub arm_type: Option<ArmGroupType>,
    /// What the arm receives (CT.gov markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The interventions, as CT.gov names them ("Biological: X").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intervention_names: Vec<String>,
}

/// The v2 `Intervention`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Intervention {
    /// The kind of intervention.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        rename = "type",
        skip_serializing_if = "Option::is_none"
    )]
    pub intervention_type: Option<InterventionType>,
    /// The intervention's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How it is given (CT.gov markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The arms that receive it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub arm_group_labels: Vec<String>,
    /// Other names of the intervention.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_names: Vec<String>,
}

impl Intervention {
    /// The name CT.gov uses in arm groups: "Biological: X", or the bare name when the type is unknown.
    pub fn display_name(&self) -> String {
        let name = self.name.as_deref().unwrap_or_default();
        match self.intervention_type {
            Some(t) => format!("{}: {}", t.display(), name),
            None => name.to_string(),
        }
    }
}
