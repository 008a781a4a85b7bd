//! The v2 `IdentificationModule`: the study's IDs and titles.

use super::enums::{AgencyClass, SecondaryIdType};
use serde::{Deserialize, Serialize};

/// The v2 `IdentificationModule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentificationModule {
    /// The ClinicalTrials.gov identifier, `NCT` and eight digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nct_id: Option<String>,
    /// Other NCT IDs that point to this study.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nct_id_aliases: Vec<String>,
    /// The sponsor's own study ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_study_id_info: Option<OrgStudyIdInfo>,
    /// Other IDs: EudraCT numbers, grant numbers, registry IDs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secondary_id_infos: Vec<SecondaryIdInfo>,
    /// The short title shown on registry pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brief_title: Option<String>,
    /// The full scientific title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official_title: Option<String>,
    /// The study's acronym.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    /// The organisation that registered the study.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<Organization>,
}

/// The v2 `OrgStudyIdInfo`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrgStudyIdInfo {
    /// The ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The kind of ID (a CT.gov `OrgStudyIdType` code such as `NIH`).
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub id_type: Option<String>,
    /// A link to the ID's record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// The v2 `SecondaryIdInfo`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecondaryIdInfo {
    /// The ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The kind of ID.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        rename = "type",
        skip_serializing_if = "Option::is_none"
    )]
    pub id_type: Option<SecondaryIdType>,
    /// The issuing domain (for example a funder's name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// A link to the ID's record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// The v2 `Organization`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    /// The organisation's full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// The kind of organisation.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        rename = "class",
        skip_serializing_if = "Option::is_none"
    )]
    pub class: Option<AgencyClass>,
}
