//! The v2 `AdverseEventsModule`: deaths, serious and other adverse events, by group.

use crate::model::enums::EventAssessment;
use serde::{Deserialize, Serialize};

/// The v2 `AdverseEventsModule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AdverseEventsModule {
    /// The frequency (percent) above which other adverse events are reported ("5").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency_threshold: Option<String>,
    /// Over what time events were collected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_frame: Option<String>,
    /// How events were collected and defined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A note on the deaths counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all_cause_mortality_comment: Option<String>,
    /// The groups (`EG000` …), with their totals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub event_groups: Vec<EventGroup>,
    /// The serious adverse events, one per term.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub serious_events: Vec<AdverseEvent>,
    /// The other (not serious) adverse events above the frequency threshold, one per term.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_events: Vec<AdverseEvent>,
}

/// The v2 `EventGroup`: one group and its totals.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventGroup {
    /// The group's ID (`EG000`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The group's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What the group received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// How many died, of any cause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deaths_num_affected: Option<u64>,
    /// How many were at risk of dying.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deaths_num_at_risk: Option<u64>,
    /// How many had a serious adverse event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serious_num_affected: Option<u64>,
    /// How many were at risk of one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serious_num_at_risk: Option<u64>,
    /// How many had another adverse event above the threshold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_num_affected: Option<u64>,
    /// How many were at risk of one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_num_at_risk: Option<u64>,
}

/// The v2 `AdverseEvent`: one term and its counts in each group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AdverseEvent {
    /// The event's term ("Arthralgia").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    /// Its organ system ("Musculoskeletal and connective tissue disorders").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organ_system: Option<String>,
    /// The vocabulary the term comes from ("MedDRA 26.0").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_vocabulary: Option<String>,
    /// Whether events were looked for systematically.
    #[serde(
        default,
        deserialize_with = "crate::model::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub assessment_type: Option<EventAssessment>,
    /// A note on the term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Its counts, one per group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stats: Vec<EventStats>,
}

/// The v2 `EventStats`: one group's counts for one term.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventStats {
    /// The group's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// How many times it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_events: Option<u64>,
    /// How many participants it happened to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_affected: Option<u64>,
    /// How many were at risk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_at_risk: Option<u64>,
}
