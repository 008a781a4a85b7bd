//! The v2 `OutcomeMeasuresModule`: each outcome measure's results and statistical analyses.

use super::{Denom, MeasureClass, MeasureGroup};
use crate::model::enums::{
    AnalysisDispersionType, ConfidenceIntervalNumSides, MeasureParam, NonInferiorityType,
    OutcomeMeasureType, ReportingStatus,
};
use serde::{Deserialize, Serialize};

/// The v2 `OutcomeMeasuresModule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeMeasuresModule {
    /// The outcome measures, primary first as posted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcome_measures: Vec<OutcomeMeasure>,
}

/// The v2 `OutcomeMeasure`: one outcome's groups, numbers analysed, table and analyses.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeMeasure {
    /// Primary, secondary, other pre-specified or post hoc.
    #[serde(
        default,
        deserialize_with = "crate::model::lenient::option",
        rename = "type",
        skip_serializing_if = "Option::is_none"
    )]
    pub outcome_type: Option<OutcomeMeasureType>,
    /// What is measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// How it is measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Who was analysed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population_description: Option<String>,
    /// Whether the outcome's data are posted yet.
    #[serde(
        default,
        deserialize_with = "crate::model::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub reporting_status: Option<ReportingStatus>,
    /// When data not yet posted are expected (`2026`, `2026-03`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anticipated_posting_date: Option<String>,
    /// What the values are (a mean, a count of participants).
    #[serde(
        default,
        deserialize_with = "crate::model::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub param_type: Option<MeasureParam>,
    /// What the spread or limits are: a `MeasureDispersionType` code, which the spec types as
    /// free text here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispersion_type: Option<String>,
    /// The unit of the values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_of_measure: Option<String>,
    /// Whether percentages are to be worked out from the counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calculate_pct: Option<bool>,
    /// When it is measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_frame: Option<String>,
    /// The units analysed besides participants ("Knees").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_units_analyzed: Option<String>,
    /// The units of the denominators the table uses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denom_units_selected: Option<String>,
    /// The groups (`OG000` …), numbered within this outcome.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<MeasureGroup>,
    /// The numbers analysed in each group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub denoms: Vec<Denom>,
    /// The outcome's table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub classes: Vec<MeasureClass>,
    /// The statistical analyses comparing its groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub analyses: Vec<MeasureAnalysis>,
}

/// The v2 `MeasureAnalysis`: one statistical analysis of an outcome.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeasureAnalysis {
    /// The estimated parameter ("Mean Difference (Final Values)", "Odds Ratio (OR)").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param_type: Option<String>,
    /// Its estimate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param_value: Option<String>,
    /// The kind of the estimate's dispersion.
    #[serde(
        default,
        deserialize_with = "crate::model::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub dispersion_type: Option<AnalysisDispersionType>,
    /// The estimate's dispersion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispersion_value: Option<String>,
    /// The test ("ANCOVA", "Wilcoxon (Mann-Whitney)").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statistical_method: Option<String>,
    /// A note on the test.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statistical_comment: Option<String>,
    /// The p-value, as posted ("0.03", "<0.001").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p_value: Option<String>,
    /// A note on the p-value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p_value_comment: Option<String>,
    /// Whether the confidence interval is one- or two-sided.
    #[serde(
        default,
        deserialize_with = "crate::model::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub ci_num_sides: Option<ConfidenceIntervalNumSides>,
    /// The confidence level in percent ("95").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci_pct_value: Option<String>,
    /// The confidence interval's lower limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci_lower_limit: Option<String>,
    /// The confidence interval's upper limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci_upper_limit: Option<String>,
    /// Why the lower limit is missing or odd.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci_lower_limit_comment: Option<String>,
    /// Why the upper limit is missing or odd.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci_upper_limit_comment: Option<String>,
    /// A note on the estimate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate_comment: Option<String>,
    /// Whether the analysis tests non-inferiority or equivalence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tested_non_inferiority: Option<bool>,
    /// The kind of hypothesis tested.
    #[serde(
        default,
        deserialize_with = "crate::model::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub non_inferiority_type: Option<NonInferiorityType>,
    /// A note on the hypothesis (the margin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_inferiority_comment: Option<String>,
    /// An analysis described in words only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_analysis_description: Option<String>,
    /// A note on the groups compared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_description: Option<String>,
    /// The IDs of the groups compared (`OG000`, `OG001`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group_ids: Vec<String>,
}
