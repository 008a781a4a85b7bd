//! The `trialcards` key of a record: what the v2 schema has no place for.

use serde::{Deserialize, Serialize};

/// Everything trialcards keeps beside the v2 fields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrialcardsExtras {
    /// Where the record was read from.
    #[serde(default)]
    pub source: SourceInfo,
    /// What was odd about the page and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

/// Where a record was read from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceInfo {
    /// The file name, or a name such as "Pasted text 1".
    pub file_name: String,
    /// The layout the page was recognised as (for example `veeva`).
    pub layout: String,
    /// The length of the page's text in bytes.
    pub byte_length: usize,
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; the record is complete.
    Info,
    /// Something may be missing or wrong in the record.
    Warning,
    /// The input could not be read as a registry page.
    Error,
}

/// One thing that was odd about an input, with where and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// The 1-based line it concerns, if it concerns one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// A sentence a user understands.
    pub message: String,
}
