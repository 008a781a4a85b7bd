//! The v2 `BaselineCharacteristicsModule`: the participants at the start, measure by measure.

use super::{Denom, MeasureClass, MeasureGroup};
use crate::model::enums::{MeasureDispersionType, MeasureParam};
use serde::{Deserialize, Serialize};

/// The v2 `BaselineCharacteristicsModule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BaselineCharacteristicsModule {
    /// Who the baseline table describes, when not everyone who started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population_description: Option<String>,
    /// The units counted besides participants ("Knees"), when the table counts them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_units_analyzed: Option<String>,
    /// The groups (`BG000` …, usually with a total last).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<MeasureGroup>,
    /// The numbers analysed in each group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub denoms: Vec<Denom>,
    /// The measures (age, sex, region …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<BaselineMeasure>,
}

/// The v2 `BaselineMeasure`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BaselineMeasure {
    /// What is measured ("Age, Continuous").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// How it is measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Who it was measured in, when not the whole baseline population.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population_description: Option<String>,
    /// What the values are (a mean, a count of participants).
    #[serde(
        default,
        deserialize_with = "crate::model::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub param_type: Option<MeasureParam>,
    /// What the spread or limits are.
    #[serde(
        default,
        deserialize_with = "crate::model::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub dispersion_type: Option<MeasureDispersionType>,
    /// The unit of the values ("years", "Participants").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_of_measure: Option<String>,
    /// Whether percentages are to be worked out from the counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calculate_pct: Option<bool>,
    /// The units of the denominators the measure uses ("Participants", "Knees").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denom_units_selected: Option<String>,
    /// The numbers analysed for this measure, where they differ from the module's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub denoms: Vec<Denom>,
    /// The measure's table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub classes: Vec<MeasureClass>,
}
