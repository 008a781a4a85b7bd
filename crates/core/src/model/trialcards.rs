//! The `trialcards` key of a record: what the v2 schema has no place for.

use super::enums::{AgencyClass, Phase, Status};
use super::threshold::Threshold;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything trialcards keeps beside the v2 fields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrialcardsExtras {
    /// Where the record was read from.
    #[serde(default)]
    pub source: SourceInfo,
    /// The eligibility criteria as a tree (inclusion and exclusion, nested items kept nested).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<CriteriaTree>,
    /// Other trials the page lists ("Related Clinical Trials", "More Related Trials").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related_trials: Vec<RelatedTrial>,
    /// What a results page says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results: Option<ResultsSummary>,
    /// Funder classes the page lists without saying which sponsor each belongs to.
    #[serde(
        default,
        deserialize_with = "super::lenient::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub funder_types: Vec<AgencyClass>,
    /// The number of sites the page announces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_count: Option<u64>,
    /// Countries listed apart from the locations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// DOIs found in references, by the reference's index in `referencesModule.references`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reference_dois: Vec<ReferenceDoi>,
    /// Other values a page shows under a label v2 has no field for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_fields: Vec<LabelledValue>,
    /// Every line the parser could not place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unrecognized: Vec<UnrecognizedLine>,
    /// Parts of a structured record (CT.gov JSON) the model has no field for, kept as they were:
    /// the JSON pointer of each part in the input record, and its value.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unmodelled: BTreeMap<String, serde_json::Value>,
    /// What was odd about the page and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
    /// Where each value was read from: the value's JSON pointer (RFC 6901) in this record
    /// (`/protocolSection/statusModule/overallStatus`, a list item
    /// `/protocolSection/conditionsModule/conditions/1`) and `[first, last]`, the 1-based,
    /// inclusive lines of the source text it was read from. A value without its own entry is
    /// covered by its nearest ancestor's (one intervention's lines cover its name and type).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub provenance: BTreeMap<String, [usize; 2]>,
    /// The page readers' working spans, by the value's path (`protocolSection.statusModule.
    /// overallStatus`, `protocolSection.conditionsModule.conditions[1]`); turned into
    /// [`provenance`](Self::provenance) when a page's record is finished, and never written.
    #[serde(skip)]
    pub spans: BTreeMap<String, LineSpan>,
    /// The source the [`provenance`](Self::provenance) lines are of, when it is not the one
    /// this record was read from: a record trialcards wrote, read back, keeps the lines of the
    /// page it was first read from, and this names that page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance_source: Option<SourceInfo>,
    /// The user split this record off the trial it shares registry IDs with: it is a trial of
    /// its own until they join it again.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub apart: bool,
}

impl TrialcardsExtras {
    /// The provenance entry covering the value at `pointer`: its own, or its nearest
    /// ancestor's (up to the record's root, `""`), with the pointer it is recorded under.
    pub fn covering(&self, pointer: &str) -> Option<(&str, [usize; 2])> {
        let mut at = pointer;
        loop {
            if let Some((key, lines)) = self.provenance.get_key_value(at) {
                return Some((key.as_str(), *lines));
            }
            at = &at[..at.rfind('/')?];
        }
    }
}

/// The lines a value was read from: `from` to `to`, 1-based and inclusive.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineSpan {
    /// The first line.
    pub from: usize,
    /// The last line.
    pub to: usize,
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
    /// The container the page's text was taken from: `html` or `mhtml` for a saved web page;
    /// absent for text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
}

/// Eligibility criteria as a tree.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CriteriaTree {
    /// Text before the inclusion criteria (a combined section's introduction).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<String>,
    /// Inclusion criteria.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inclusion: Vec<CriterionItem>,
    /// Exclusion criteria.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclusion: Vec<CriterionItem>,
}

/// One criterion, with the items nested under it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CriterionItem {
    /// The text, markdown escapes removed.
    pub text: String,
    /// The marker the page used (`1.`, `(2)`, `*`); absent for a plain paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// The 1-based input line the item was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Items nested under this one.
    #[serde(default)]
    pub children: Vec<CriterionItem>,
    /// The numbers the item's own text sets ("ANC ≥ 1.5 × 10^9/L"), in the order it gives
    /// them.
    #[serde(
        default,
        deserialize_with = "super::threshold::lenient_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub thresholds: Vec<Threshold>,
}

/// Another trial a page lists.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RelatedTrial {
    /// Its NCT ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nct_id: Option<String>,
    /// Its title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its status, if shown.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub overall_status: Option<Status>,
    /// Its phases, if shown.
    #[serde(
        default,
        deserialize_with = "super::lenient::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub phases: Vec<Phase>,
    /// The list it appeared in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<String>,
}

/// What a results page says, kept as text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultsSummary {
    /// The overview paragraph (the primary outcome's description).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overview: Option<String>,
    /// The primary outcome's time frame.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_outcome_time_frame: Option<String>,
    /// When the results were posted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results_posted_date: Option<String>,
    /// The participant flow, as the page shows it (one line per table cell).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant_flow: Option<String>,
    /// Other results sections (baseline characteristics, outcome measures, adverse events …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<LabelledValue>,
}

/// A value under a label.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LabelledValue {
    /// The label as the page shows it.
    pub label: String,
    /// The value.
    pub value: String,
    /// The 1-based line of the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// A DOI found in a reference.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReferenceDoi {
    /// The index of the reference in `referencesModule.references`.
    pub index: usize,
    /// The DOI.
    pub doi: String,
}

/// A line the parser could not place.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnrecognizedLine {
    /// The 1-based input line.
    pub line: usize,
    /// The line's text.
    pub text: String,
    /// The section it appeared in, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
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

impl Diagnostic {
    /// A diagnostic of `severity` about `line`.
    pub fn new(severity: Severity, line: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            line,
            message: message.into(),
        }
    }
}
