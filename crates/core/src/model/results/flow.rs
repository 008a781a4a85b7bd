//! The v2 `ParticipantFlowModule`: how many started, completed and left each group, period by
//! period.

use serde::{Deserialize, Serialize};

/// The v2 `ParticipantFlowModule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantFlowModule {
    /// What happened between enrolment and assignment to groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pre_assignment_details: Option<String>,
    /// Where and when participants were recruited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recruitment_details: Option<String>,
    /// The units counted besides participants ("Knees"), when the flow counts them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_units_analyzed: Option<String>,
    /// The groups (`FG000`, `FG001` …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<FlowGroup>,
    /// The periods ("Overall Study", "Treatment", "Follow-up").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<FlowPeriod>,
}

/// The v2 `FlowGroup`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FlowGroup {
    /// The group's ID (`FG000`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The group's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What the group received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The v2 `FlowPeriod`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FlowPeriod {
    /// The period's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its milestones (STARTED, COMPLETED, NOT COMPLETED, and any others).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<FlowMilestone>,
    /// Why participants left during it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drop_withdraws: Vec<DropWithdraw>,
}

/// The v2 `FlowMilestone`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FlowMilestone {
    /// The milestone ("STARTED", "COMPLETED", "NOT COMPLETED", or the study's own).
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub milestone_type: Option<String>,
    /// A note on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// How many reached it in each group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub achievements: Vec<FlowStats>,
}

/// The v2 `DropWithdraw`: one reason for leaving.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DropWithdraw {
    /// The reason ("Withdrawal by Subject", "Lost to Follow-up").
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub reason_type: Option<String>,
    /// A note on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// How many left for it in each group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<FlowStats>,
}

/// The v2 `FlowStats`: one group's count at a milestone or for a reason.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FlowStats {
    /// The group's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// A note on the count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The number of participants, as posted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_subjects: Option<String>,
    /// The number of units (see `typeUnitsAnalyzed`), as posted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_units: Option<String>,
}
