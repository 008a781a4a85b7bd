//! The v2 `ResultsSection`: a study's posted results, one file per module, every field the spec
//! defines spelled as it spells it. Counts and measured values the spec types as strings
//! (`numSubjects`, a measurement's `value` and `spread`, a p-value) stay strings, exactly as
//! posted ("NA", "<0.001", "12.50"); only the adverse-event counts are integers, as in the spec.

use crate::case::Cased;
mod adverse_events;
mod baseline;
mod flow;
mod more_info;
mod outcome_measures;

pub use adverse_events::{AdverseEvent, AdverseEventsModule, EventGroup, EventStats};
pub use baseline::{BaselineCharacteristicsModule, BaselineMeasure};
pub use flow::{
    DropWithdraw, FlowGroup, FlowMilestone, FlowPeriod, FlowStats, ParticipantFlowModule,
};
pub use more_info::{CertainAgreement, LimitationsAndCaveats, MoreInfoModule, PointOfContact};
pub use outcome_measures::{MeasureAnalysis, OutcomeMeasure, OutcomeMeasuresModule};

use serde::{Deserialize, Serialize};

/// The v2 `ResultsSection`. Empty modules are omitted when serialized.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultsSection {
    /// How participants moved through the study: its groups, periods and milestones.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub participant_flow_module: ParticipantFlowModule,
    /// The participants' characteristics at the start (age, sex, region …).
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub baseline_characteristics_module: BaselineCharacteristicsModule,
    /// The outcome measures' results and their statistical analyses.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub outcome_measures_module: OutcomeMeasuresModule,
    /// Serious and other adverse events, by group.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub adverse_events_module: AdverseEventsModule,
    /// Limitations, agreements with the sponsor, and whom to ask about the results.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub more_info_module: MoreInfoModule,
}

impl ResultsSection {
    /// Whether the part of a results page headed `label` ("Participant flow", "Baseline
    /// Characteristics", "Serious Adverse Events", "Results Point of Contact" …) was read into
    /// this section's tables: its module holds data. A page's text of such a part repeats the
    /// tables; of any other part it is all there is.
    pub fn tabulates(&self, label: &str) -> bool {
        let label = label.lowercased();
        let has = |words: &[&str]| words.iter().any(|word| label.contains(word));
        if has(&["participant flow", "recruitment", "milestone", "withdraw"]) {
            !self.participant_flow_module.periods.is_empty()
        } else if has(&["baseline"]) {
            !self.baseline_characteristics_module.measures.is_empty()
        } else if has(&["outcome"]) {
            !self.outcome_measures_module.outcome_measures.is_empty()
        } else if has(&["adverse", "event"]) {
            let events = &self.adverse_events_module;
            !events.serious_events.is_empty()
                || !events.other_events.is_empty()
                || !events.event_groups.is_empty()
        } else if has(&[
            "limitation",
            "caveat",
            "agreement",
            "contact",
            "more information",
        ]) {
            self.more_info_module != MoreInfoModule::default()
        } else {
            false
        }
    }
}

/// The v2 `MeasureGroup`: one group a baseline or outcome table reports on (`BG000`, `OG000`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeasureGroup {
    /// The group's ID within its table (`BG000`, `OG001`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The group's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What the group received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The v2 `Denom`: how many were analysed in each group, counted in `units`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Denom {
    /// What is counted ("Participants", or another unit such as "Knees").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units: Option<String>,
    /// The count of each group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counts: Vec<DenomCount>,
}

/// The v2 `DenomCount`: one group's number analysed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DenomCount {
    /// The group's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// The number, as posted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// The v2 `MeasureClass`: one row group of a measure's table (a region, a visit); untitled
/// when the measure has one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeasureClass {
    /// The class's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The numbers analysed in this class, where they differ from the measure's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub denoms: Vec<Denom>,
    /// The class's categories (Female, Male …); one untitled category when it has none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<MeasureCategory>,
}

/// The v2 `MeasureCategory`: one row of a measure's table.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeasureCategory {
    /// The category's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// One value per group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measurements: Vec<Measurement>,
}

/// The v2 `Measurement`: one group's value in one row, with its spread or limits, as posted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Measurement {
    /// The group's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// The value ("54.2", "12", "NA").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The dispersion (a standard deviation, a standard error).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spread: Option<String>,
    /// The lower end of a range or confidence interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lower_limit: Option<String>,
    /// The upper end of a range or confidence interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper_limit: Option<String>,
    /// A note on the value (why it is "NA").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_of_a_page_is_tabulated_only_when_its_module_holds_data() {
        let mut results = ResultsSection::default();
        for label in [
            "Participant flow",
            "Baseline Characteristics",
            "Serious Adverse Events",
        ] {
            assert!(!results.tabulates(label), "{label}: nothing read yet");
        }
        results
            .participant_flow_module
            .periods
            .push(FlowPeriod::default());
        results
            .adverse_events_module
            .serious_events
            .push(AdverseEvent::default());
        assert!(results.tabulates("Participant flow"));
        assert!(results.tabulates("Serious Adverse Events"));
        assert!(results.tabulates("Other adverse events"));
        assert!(!results.tabulates("Baseline Characteristics"));
        assert!(!results.tabulates("Results Point of Contact"));
        assert!(
            !results.tabulates("Study documents"),
            "a part no module holds"
        );
    }
}
