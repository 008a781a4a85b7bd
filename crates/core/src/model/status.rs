//! The v2 `StatusModule`: recruitment status and the study's dates.

use super::enums::{DateType, ExpandedAccessStatus, Status};
use serde::{Deserialize, Serialize};

/// The v2 `StatusModule`, its fields in the spec's order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusModule {
    /// The month the status was last verified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_verified_date: Option<String>,
    /// The overall recruitment status.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub overall_status: Option<Status>,
    /// The last known status, for studies whose status is unknown.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_known_status: Option<Status>,
    /// Whether the posting of a device study is delayed (FDAAA 801).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delayed_posting: Option<bool>,
    /// Why the study stopped early.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why_stopped: Option<String>,
    /// Whether the study's drug is available through expanded access, and the record for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expanded_access_info: Option<ExpandedAccessInfo>,
    /// When the study started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date_struct: Option<DateStruct>,
    /// When the last participant was examined for the primary outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_completion_date_struct: Option<DateStruct>,
    /// When the study ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_date_struct: Option<DateStruct>,
    /// When the study was first submitted to (registered with) its registry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study_first_submit_date: Option<String>,
    /// When the first submission first met the registry's quality control criteria.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study_first_submit_qc_date: Option<String>,
    /// When the study was first posted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study_first_post_date_struct: Option<DateStruct>,
    /// Whether the requirement to submit results was waived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results_waived: Option<bool>,
    /// When results were first submitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results_first_submit_date: Option<String>,
    /// When submitted results first met the quality control criteria.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results_first_submit_qc_date: Option<String>,
    /// When results were first posted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results_first_post_date_struct: Option<DateStruct>,
    /// When a certification or extension request (a "disposition") was first submitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disp_first_submit_date: Option<String>,
    /// When that disposition first met the quality control criteria.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disp_first_submit_qc_date: Option<String>,
    /// When that disposition was first posted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disp_first_post_date_struct: Option<DateStruct>,
    /// When the last update was submitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_update_submit_date: Option<String>,
    /// When the record was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_update_post_date_struct: Option<DateStruct>,
}

/// The v2 `ExpandedAccessInfo`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExpandedAccessInfo {
    /// Whether expanded access to the study's drug is offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_expanded_access: Option<bool>,
    /// The NCT ID of the expanded access record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nct_id: Option<String>,
    /// The status of that expanded access record.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub status_for_nct_id: Option<ExpandedAccessStatus>,
}

/// A date with its precision kept (`2013-01` stays a month) and whether it is actual or estimated.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DateStruct {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Actual or estimated.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        rename = "type",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_type: Option<DateType>,
}

impl DateStruct {
    /// A date of unknown type.
    pub fn new(date: String) -> Self {
        DateStruct {
            date: Some(date),
            date_type: None,
        }
    }
}
