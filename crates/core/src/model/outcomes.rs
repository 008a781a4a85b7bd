//! The v2 `OutcomesModule`: what the study measures.

use serde::{Deserialize, Serialize};

/// The v2 `OutcomesModule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutcomesModule {
    /// The primary outcome measures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub primary_outcomes: Vec<Outcome>,
    /// The secondary outcome measures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secondary_outcomes: Vec<Outcome>,
    /// Other pre-specified outcome measures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_outcomes: Vec<Outcome>,
}

/// The v2 `Outcome`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    /// What is measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// How it is measured (CT.gov markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When it is measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_frame: Option<String>,
}
