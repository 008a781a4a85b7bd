//! The v2 `ContactsLocationsModule` and `ReferencesModule`.

use super::enums::{ContactRole, OfficialRole, RecruitmentStatus, ReferenceType};
use serde::{Deserialize, Serialize};

/// The v2 `ContactsLocationsModule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactsLocationsModule {
    /// Whom to contact about the study.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub central_contacts: Vec<Contact>,
    /// The investigators responsible for the study.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overall_officials: Vec<Official>,
    /// The sites.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<Location>,
}

/// The v2 `Contact`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    /// The contact's name (with degrees, as CT.gov writes it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The contact's role.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub role: Option<ContactRole>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Phone extension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_ext: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// The v2 `Official`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Official {
    /// The official's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The official's institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// The official's role.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub role: Option<OfficialRole>,
}

/// The v2 `Location`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    /// The site's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facility: Option<String>,
    /// The site's recruitment status.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<RecruitmentStatus>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State or province.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// Country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The site's contacts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// Where the site's city lies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo_point: Option<GeoPoint>,
}

/// The v2 `GeoPoint`: a latitude and longitude in degrees.
///
/// The spec requires both; each is optional here so that a point missing one is read (and
/// written back) as it is rather than making the whole location unreadable.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    /// Latitude, north positive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude, east positive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

/// The v2 `ReferencesModule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReferencesModule {
    /// Publications about the study.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    /// Links to web pages about the study.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub see_also_links: Vec<SeeAlsoLink>,
    /// Individual participant data sets and documents available elsewhere.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub avail_ipds: Vec<AvailIpd>,
}

/// The v2 `SeeAlsoLink`: a web page about the study.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SeeAlsoLink {
    /// What the page is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Its address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The v2 `AvailIpd`: a data set or document of the study that is available elsewhere.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AvailIpd {
    /// Its identifier where it is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What it is ("Individual Participant Data Set", "Study Protocol"), as free text.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub ipd_type: Option<String>,
    /// Where to find it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A comment on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// The v2 `Reference`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reference {
    /// The PubMed ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pmid: Option<String>,
    /// Background, result or derived.
    #[serde(
        default,
        deserialize_with = "super::lenient::option",
        rename = "type",
        skip_serializing_if = "Option::is_none"
    )]
    pub reference_type: Option<ReferenceType>,
    /// The citation as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
}
