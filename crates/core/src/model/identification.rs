//! The v2 `IdentificationModule`: the study's IDs and titles.

use serde::{Deserialize, Serialize};

/// The v2 `IdentificationModule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentificationModule {
    /// The ClinicalTrials.gov identifier, `NCT` and eight digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nct_id: Option<String>,
    /// The short title shown on registry pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brief_title: Option<String>,
}
