//! The v2 `OversightModule` and `IpdSharingStatementModule`: who watches over the study, and
//! whether its individual participant data (IPD) will be shared.

use super::enums::{IpdSharing, IpdSharingInfoType};
use serde::{Deserialize, Serialize};

/// The v2 `OversightModule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OversightModule {
    /// Whether a data monitoring committee watches over the study.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oversight_has_dmc: Option<bool>,
    /// Whether the study tests a drug product regulated by the U.S. FDA.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_fda_regulated_drug: Option<bool>,
    /// Whether the study tests a device product regulated by the U.S. FDA.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_fda_regulated_device: Option<bool>,
    /// Whether the device has not been approved or cleared by the FDA.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_unapproved_device: Option<bool>,
    /// Whether the device is a pediatric postmarket surveillance of a device product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_ppsd: Option<bool>,
    /// Whether the product is exported from the U.S. for the study.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_us_export: Option<bool>,
    /// Whether the FDA found the study in violation of FDAAA 801.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fdaaa801_violation: Option<bool>,
}

/// The v2 `IpdSharingStatementModule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IpdSharingStatementModule {
    /// Whether the participant data will be shared: yes, no or undecided.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub ipd_sharing: Option<IpdSharing>,
    /// What will be shared, and how.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The documents shared with the data.
    #[serde(
        default,
        deserialize_with = "super::lenient::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub info_types: Vec<IpdSharingInfoType>,
    /// When the data will be available, and for how long.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_frame: Option<String>,
    /// Who may have the data, and how to ask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_criteria: Option<String>,
    /// Where to find the data or ask for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}
