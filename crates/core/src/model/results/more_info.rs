//! The v2 `MoreInfoModule`: the results' limitations, agreements on publishing them, and whom
//! to ask about them.

use crate::model::enums::AgreementRestrictionType;
use serde::{Deserialize, Serialize};

/// The v2 `MoreInfoModule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MoreInfoModule {
    /// What limits the results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limitations_and_caveats: Option<LimitationsAndCaveats>,
    /// Whether the sponsor may restrict what investigators publish.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certain_agreement: Option<CertainAgreement>,
    /// Whom to ask about the results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point_of_contact: Option<PointOfContact>,
}

/// The v2 `LimitationsAndCaveats`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LimitationsAndCaveats {
    /// The limitations, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The v2 `CertainAgreement`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertainAgreement {
    /// Whether the principal investigators are employed by the sponsor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pi_sponsor_employee: Option<bool>,
    /// How long the sponsor may hold back a publication.
    #[serde(
        default,
        deserialize_with = "crate::model::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub restriction_type: Option<AgreementRestrictionType>,
    /// Whether an agreement restricts what the investigators may publish.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restrictive_agreement: Option<bool>,
    /// The agreement, in words, when it is of another kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_details: Option<String>,
}

/// The v2 `PointOfContact`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PointOfContact {
    /// The person's name or title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// The e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The telephone extension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_ext: Option<String>,
}
