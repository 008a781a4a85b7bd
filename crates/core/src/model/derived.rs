//! The v2 `DerivedSection`: what ClinicalTrials.gov adds to a record itself — the data
//! version, and the MeSH terms it matched the conditions and interventions to.

use super::enums::BrowseLeafRelevance;
use super::status::DateStruct;
use serde::{Deserialize, Serialize};

/// The v2 `DerivedSection`. Empty modules are omitted when serialized.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DerivedSection {
    /// The data version and submission bookkeeping.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub misc_info_module: MiscInfoModule,
    /// The MeSH terms of the conditions.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub condition_browse_module: BrowseModule,
    /// The MeSH terms of the interventions.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub intervention_browse_module: BrowseModule,
}

/// The v2 `MiscInfoModule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MiscInfoModule {
    /// The date of the data version the record comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_holder: Option<String>,
    /// Countries whose sites were all removed from the study.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed_countries: Vec<String>,
    /// The history of the results submissions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission_tracking: Option<SubmissionTracking>,
}

/// The v2 `SubmissionTracking`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubmissionTracking {
    /// When results are expected to be first submitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_results_first_submit_date: Option<String>,
    /// The first posting of submitted results still under quality control review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_mcp_info: Option<FirstMcpInfo>,
    /// Each results submission.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub submission_infos: Vec<SubmissionInfo>,
}

/// The v2 `FirstMcpInfo`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FirstMcpInfo {
    /// When it was posted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_date_struct: Option<DateStruct>,
}

/// The v2 `SubmissionInfo`: one results submission.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubmissionInfo {
    /// When it was released to ClinicalTrials.gov.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_date: Option<String>,
    /// When it was withdrawn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unrelease_date: Option<String>,
    /// Whether it was withdrawn on an unknown date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unrelease_date_unknown: Option<bool>,
    /// When its review was reset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reset_date: Option<String>,
    /// Its number among the submissions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mcp_release_n: Option<u64>,
}

/// The v2 `BrowseModule`: MeSH terms matched to the study's conditions or interventions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BrowseModule {
    /// The MeSH terms the study's own terms matched.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meshes: Vec<Mesh>,
    /// The broader MeSH terms above those.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ancestors: Vec<Mesh>,
    /// The browse entries, with the text each was found as.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub browse_leaves: Vec<BrowseLeaf>,
    /// The browse categories the study falls in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub browse_branches: Vec<BrowseBranch>,
}

/// The v2 `Mesh`: one MeSH term.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Mesh {
    /// The MeSH descriptor ID (`D006084`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The MeSH heading ("Graft vs Host Disease").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
}

/// The v2 `BrowseLeaf`: one browse entry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BrowseLeaf {
    /// Its ID (`M8814`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The study's own term it was found as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_found: Option<String>,
    /// How closely it matches the study.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub relevance: Option<BrowseLeafRelevance>,
}

/// The v2 `BrowseBranch`: one browse category.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BrowseBranch {
    /// Its abbreviation (`BC20`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abbrev: Option<String>,
    /// Its name ("Immune System Diseases").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}
