//! The v2 `DescriptionModule` and `ConditionsModule`: what the study is about.

use serde::{Deserialize, Serialize};

/// The v2 `DescriptionModule`. Both fields are CT.gov markdown (escapes kept).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescriptionModule {
    /// The short summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brief_summary: Option<String>,
    /// The long description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detailed_description: Option<String>,
}

/// The v2 `ConditionsModule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConditionsModule {
    /// The conditions studied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<String>,
    /// Keywords.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
}
