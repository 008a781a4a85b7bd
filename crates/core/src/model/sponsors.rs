//! The v2 `SponsorCollaboratorsModule`: who runs and funds the study.

use super::enums::{AgencyClass, ResponsiblePartyType};
use serde::{Deserialize, Serialize};

/// The v2 `SponsorCollaboratorsModule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SponsorCollaboratorsModule {
    /// Who is responsible for the registration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible_party: Option<ResponsibleParty>,
    /// The lead sponsor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_sponsor: Option<Sponsor>,
    /// The other organisations that take part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub collaborators: Vec<Sponsor>,
}

/// The v2 `Sponsor`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sponsor {
    /// The organisation's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The kind of organisation.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        rename = "class",
        skip_serializing_if = "Option::is_none"
    )]
    pub class: Option<AgencyClass>,
}

/// The v2 `ResponsibleParty`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponsibleParty {
    /// Sponsor or investigator.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        rename = "type",
        skip_serializing_if = "Option::is_none"
    )]
    pub party_type: Option<ResponsiblePartyType>,
    /// The investigator's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investigator_full_name: Option<String>,
    /// The investigator's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investigator_title: Option<String>,
    /// The investigator's affiliation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investigator_affiliation: Option<String>,
    /// The responsible party's name and title as records from before 2017 give it (classic
    /// XML's `<name_title>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_name_title: Option<String>,
    /// The responsible party's organisation as records from before 2017 give it (classic
    /// XML's `<organization>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_organization: Option<String>,
}
