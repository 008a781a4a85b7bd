//! The record model: the ClinicalTrials.gov API v2 `Study`, with field names and
//! enum values spelled exactly as CT.gov spells them, plus the `trialcards` key
//! for what v2 has no place for.

mod identification;
mod trialcards;

pub use identification::IdentificationModule;
pub use trialcards::{Diagnostic, Severity, SourceInfo, TrialcardsExtras};

use serde::{Deserialize, Serialize};

/// One study, shaped as a ClinicalTrials.gov API v2 `Study` object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Study {
    /// The protocol section: everything the registry says about the study's plan.
    #[serde(default)]
    pub protocol_section: ProtocolSection,
    /// Whether the page carried posted results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_results: Option<bool>,
    /// What v2 has no place for: source, criteria tree, unplaced text, diagnostics.
    #[serde(default)]
    pub trialcards: TrialcardsExtras,
}

impl Study {
    /// The record's NCT ID, if the page showed one.
    pub fn nct_id(&self) -> Option<&str> {
        self.protocol_section
            .identification_module
            .nct_id
            .as_deref()
    }

    /// The record's brief title, if the page showed one.
    pub fn brief_title(&self) -> Option<&str> {
        self.protocol_section
            .identification_module
            .brief_title
            .as_deref()
    }
}

/// The v2 `ProtocolSection`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProtocolSection {
    /// IDs and titles.
    #[serde(default)]
    pub identification_module: IdentificationModule,
}
