//! The record model: the ClinicalTrials.gov API v2 `Study`, with field names and
//! enum values spelled exactly as CT.gov spells them, plus the `trialcards` key
//! for what v2 has no place for.

mod arms;
mod contacts;
mod derived;
mod description;
mod design;
mod documents;
mod eligibility;
pub mod enums;
mod identification;
mod lenient;
mod outcomes;
mod oversight;
mod results;
mod sponsors;
mod status;
pub(crate) mod threshold;
mod trialcards;

pub use arms::{ArmGroup, ArmsInterventionsModule, Intervention};
pub use contacts::{
    AvailIpd, Contact, ContactsLocationsModule, GeoPoint, Location, Official, Reference,
    ReferencesModule, SeeAlsoLink,
};
pub use derived::{
    BrowseBranch, BrowseLeaf, BrowseModule, DerivedSection, FirstMcpInfo, Mesh, MiscInfoModule,
    SubmissionInfo, SubmissionTracking,
};
pub use description::{ConditionsModule, DescriptionModule};
pub use design::{DesignInfo, DesignModule, EnrollmentInfo, MaskingInfo};
pub use documents::{large_doc_url, DocumentSection, LargeDoc, LargeDocumentModule};
pub use eligibility::EligibilityModule;
pub use enums::*;
pub use identification::{IdentificationModule, OrgStudyIdInfo, Organization, SecondaryIdInfo};
pub(crate) use lenient::ENUM_FIELD_KEYS;
pub use outcomes::{Outcome, OutcomesModule};
pub use oversight::{IpdSharingStatementModule, OversightModule};
pub use results::{
    AdverseEvent, AdverseEventsModule, BaselineCharacteristicsModule, BaselineMeasure,
    CertainAgreement, Denom, DenomCount, DropWithdraw, EventGroup, EventStats, FlowGroup,
    FlowMilestone, FlowPeriod, FlowStats, LimitationsAndCaveats, MeasureAnalysis, MeasureCategory,
    MeasureClass, MeasureGroup, Measurement, MoreInfoModule, OutcomeMeasure, OutcomeMeasuresModule,
    ParticipantFlowModule, PointOfContact, ResultsSection,
};
pub use sponsors::{ResponsibleParty, Sponsor, SponsorCollaboratorsModule};
pub use status::{DateStruct, ExpandedAccessInfo, StatusModule};
pub use threshold::{Comparator, Threshold, Unit, Variable};
pub use trialcards::{
    CriteriaTree, CriterionItem, Diagnostic, LabelledValue, LineSpan, ReferenceDoi, RelatedTrial,
    ResultsSummary, Severity, SourceInfo, TrialcardsExtras, UnrecognizedLine,
};

use serde::{Deserialize, Serialize};

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// One study, shaped as a ClinicalTrials.gov API v2 `Study` object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Study {
    /// The protocol section: everything the registry says about the study's plan.
    #[serde(default)]
    pub protocol_section: ProtocolSection,
    /// The posted results: participant flow, baseline, outcome measures, adverse events.
    #[serde(default, skip_serializing_if = "is_default")]
    pub results_section: ResultsSection,
    /// The documents the study uploaded to ClinicalTrials.gov.
    #[serde(default, skip_serializing_if = "is_default")]
    pub document_section: DocumentSection,
    /// What ClinicalTrials.gov derived from the record: data version, MeSH terms.
    #[serde(default, skip_serializing_if = "is_default")]
    pub derived_section: DerivedSection,
    /// Whether the page carried posted results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_results: Option<bool>,
    /// What v2 has no place for: source, criteria tree, unplaced text, diagnostics.
    #[serde(default)]
    pub trialcards: TrialcardsExtras,
}

impl Study {
    /// The record's NCT ID, if the page showed one.
    pub fn nct_id(&self) -> Option<&str> {
        self.protocol_section
            .identification_module
            .nct_id
            .as_deref()
    }

    /// Whether the record has posted results: it says so (`hasResults`) or carries them
    /// (`resultsSection`).
    pub fn has_posted_results(&self) -> bool {
        self.has_results == Some(true) || !is_default(&self.results_section)
    }

    /// The record's brief title, if the page showed one.
    pub fn brief_title(&self) -> Option<&str> {
        self.protocol_section
            .identification_module
            .brief_title
            .as_deref()
    }
}

/// The v2 `ProtocolSection`. Empty modules are omitted when serialized.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProtocolSection {
    /// IDs and titles.
    #[serde(default, skip_serializing_if = "is_default")]
    pub identification_module: IdentificationModule,
    /// Status and dates.
    #[serde(default, skip_serializing_if = "is_default")]
    pub status_module: StatusModule,
    /// Sponsor and collaborators.
    #[serde(default, skip_serializing_if = "is_default")]
    pub sponsor_collaborators_module: SponsorCollaboratorsModule,
    /// Oversight: data monitoring committee, FDA regulation.
    #[serde(default, skip_serializing_if = "is_default")]
    pub oversight_module: OversightModule,
    /// Summary and description.
    #[serde(default, skip_serializing_if = "is_default")]
    pub description_module: DescriptionModule,
    /// Conditions and keywords.
    #[serde(default, skip_serializing_if = "is_default")]
    pub conditions_module: ConditionsModule,
    /// Study type, phases, design, enrollment.
    #[serde(default, skip_serializing_if = "is_default")]
    pub design_module: DesignModule,
    /// Primary, secondary and other outcome measures.
    #[serde(default, skip_serializing_if = "is_default")]
    pub outcomes_module: OutcomesModule,
    /// Arms and interventions.
    #[serde(default, skip_serializing_if = "is_default")]
    pub arms_interventions_module: ArmsInterventionsModule,
    /// Eligibility.
    #[serde(default, skip_serializing_if = "is_default")]
    pub eligibility_module: EligibilityModule,
    /// Contacts, officials and sites.
    #[serde(default, skip_serializing_if = "is_default")]
    pub contacts_locations_module: ContactsLocationsModule,
    /// Publications.
    #[serde(default, skip_serializing_if = "is_default")]
    pub references_module: ReferencesModule,
    /// Whether, what and how individual participant data will be shared.
    #[serde(default, skip_serializing_if = "is_default")]
    pub ipd_sharing_statement_module: IpdSharingStatementModule,
}
