//! Who runs the trial and where: sponsors, oversight, contacts, investigators and locations.

use super::{field, Field, Kind, Section, Uses, Values};
use crate::model::Sponsor;

use Kind::{Code, Count, Entries, List, Text};
use Section::{Contacts, Oversight, Sponsors};

/// Sponsors, responsible party and funders.
pub(super) static SPONSORS: &[Field] = &[
    field("leadSponsor", "Lead sponsor", Sponsors, Entries, |s, v| {
        let sc = &s.protocol_section.sponsor_collaborators_module;
        sponsors(sc.lead_sponsor.iter(), v)
    })
    .at(&["/protocolSection/sponsorCollaboratorsModule/leadSponsor"])
    .csv("Sponsor"),
    // CT.gov's "Funder Type" is the lead sponsor's class, one value. Classes a page listed
    // without saying whose are no sponsor's in particular, so they stay out of it.
    field(
        "leadSponsorClass",
        "Lead sponsor's class",
        Sponsors,
        Code,
        |s, v| {
            let sc = &s.protocol_section.sponsor_collaborators_module;
            v.code(sc.lead_sponsor.as_ref().and_then(|l| l.class))
        },
    )
    .at(&["/protocolSection/sponsorCollaboratorsModule/leadSponsor/class"])
    .uses(Uses::Export)
    .csv("Funder Type"),
    field(
        "collaborators",
        "Collaborators",
        Sponsors,
        Entries,
        |s, v| {
            let sc = &s.protocol_section.sponsor_collaborators_module;
            sponsors(sc.collaborators.iter(), v)
        },
    )
    .at(&["/protocolSection/sponsorCollaboratorsModule/collaborators"])
    .csv("Collaborators"),
    field(
        "responsibleParty",
        "Responsible party",
        Sponsors,
        Text,
        |s, v| {
            let sc = &s.protocol_section.sponsor_collaborators_module;
            let Some(p) = &sc.responsible_party else {
                return;
            };
            let who: Vec<&str> = [
                &p.investigator_full_name,
                &p.investigator_title,
                &p.investigator_affiliation,
                &p.old_name_title,
                &p.old_organization,
            ]
            .into_iter()
            .filter_map(|part| part.as_deref().map(str::trim).filter(|t| !t.is_empty()))
            .collect();
            let kind = p.party_type.map(|t| v.code_text(t));
            v.push(match (kind, who.is_empty()) {
                (Some(kind), false) => format!("{kind}: {}", who.join(", ")),
                (Some(kind), true) => kind,
                (None, _) => who.join(", "),
            });
        },
    )
    .at(&["/protocolSection/sponsorCollaboratorsModule/responsibleParty"]),
    field("funderTypes", "Funder types", Sponsors, Code, |s, v| {
        v.codes(&s.trialcards.funder_types)
    })
    .at(&["/trialcards/funderTypes"]),
    field("organization", "Organization", Sponsors, Text, |s, v| {
        let org = &s.protocol_section.identification_module.organization;
        if let Some(org) = org {
            v.text(&org.full_name);
            v.note_words(org.class);
        }
    })
    .at(&["/protocolSection/identificationModule/organization"]),
];

/// Each sponsor's name (its class a detail).
fn sponsors<'a>(list: impl Iterator<Item = &'a Sponsor>, v: &mut Values) {
    for sponsor in list {
        v.text(&sponsor.name);
        v.detail_code(sponsor.class);
    }
}

/// Monitoring committee and FDA regulation.
pub(super) static OVERSIGHT: &[Field] = &[
    field(
        "oversightHasDmc",
        "Data monitoring committee",
        Oversight,
        Code,
        |s, v| v.yes_no(s.protocol_section.oversight_module.oversight_has_dmc),
    )
    .at(&["/protocolSection/oversightModule/oversightHasDmc"]),
    field(
        "isFdaRegulatedDrug",
        "FDA-regulated drug",
        Oversight,
        Code,
        |s, v| v.yes_no(s.protocol_section.oversight_module.is_fda_regulated_drug),
    )
    .at(&["/protocolSection/oversightModule/isFdaRegulatedDrug"]),
    field(
        "isFdaRegulatedDevice",
        "FDA-regulated device",
        Oversight,
        Code,
        |s, v| v.yes_no(s.protocol_section.oversight_module.is_fda_regulated_device),
    )
    .at(&["/protocolSection/oversightModule/isFdaRegulatedDevice"]),
    field(
        "isUnapprovedDevice",
        "Device not approved or cleared by the FDA",
        Oversight,
        Code,
        |s, v| v.yes_no(s.protocol_section.oversight_module.is_unapproved_device),
    )
    .at(&["/protocolSection/oversightModule/isUnapprovedDevice"]),
    field(
        "isPpsd",
        "Pediatric postmarket surveillance of a device",
        Oversight,
        Code,
        |s, v| v.yes_no(s.protocol_section.oversight_module.is_ppsd),
    )
    .at(&["/protocolSection/oversightModule/isPpsd"]),
    field(
        "isUsExport",
        "Product exported from the U.S.",
        Oversight,
        Code,
        |s, v| v.yes_no(s.protocol_section.oversight_module.is_us_export),
    )
    .at(&["/protocolSection/oversightModule/isUsExport"]),
    field(
        "fdaaa801Violation",
        "FDAAA 801 violation",
        Oversight,
        Code,
        |s, v| v.yes_no(s.protocol_section.oversight_module.fdaaa801_violation),
    )
    .at(&["/protocolSection/oversightModule/fdaaa801Violation"]),
];

/// Contacts, investigators and locations.
pub(super) static CONTACTS: &[Field] = &[
    field(
        "centralContacts",
        "Central contacts",
        Contacts,
        Entries,
        |s, v| {
            for c in &s
                .protocol_section
                .contacts_locations_module
                .central_contacts
            {
                v.text(&c.name);
                v.detail_code(c.role);
                for part in [&c.phone, &c.phone_ext, &c.email] {
                    v.detail(part);
                }
            }
        },
    )
    .at(&["/protocolSection/contactsLocationsModule/centralContacts"]),
    field(
        "overallOfficials",
        "Investigators",
        Contacts,
        Entries,
        |s, v| {
            for o in &s
                .protocol_section
                .contacts_locations_module
                .overall_officials
            {
                match (given(&o.name), given(&o.affiliation)) {
                    (Some(name), Some(place)) => v.push(format!("{name} ({place})")),
                    (name, place) => v.parts(&[name.or(place)], ""),
                }
                v.detail_code(o.role);
            }
        },
    )
    .at(&["/protocolSection/contactsLocationsModule/overallOfficials"]),
    field("locationCount", "Sites", Contacts, Count, |s, v| {
        let listed = s.protocol_section.contacts_locations_module.locations.len();
        match s.trialcards.location_count {
            Some(n) => v.push(n.to_string()),
            None if listed > 0 => v.push(listed.to_string()),
            None => {}
        }
    })
    .at(&[
        "/trialcards/locationCount",
        "/protocolSection/contactsLocationsModule/locations",
    ]),
    field("countries", "Countries", Contacts, List, |s, v| {
        if !s.trialcards.countries.is_empty() {
            return v.all(&s.trialcards.countries);
        }
        let mut seen: Vec<&str> = Vec::new();
        for l in &s.protocol_section.contacts_locations_module.locations {
            let country = l.country.as_deref().map(str::trim);
            if let Some(c) = country.filter(|c| !c.is_empty() && !seen.contains(c)) {
                seen.push(c);
                v.str(c);
            }
        }
    })
    .at(&[
        "/trialcards/countries",
        "/protocolSection/contactsLocationsModule/locations",
    ]),
    // CT.gov's cell: "Facility, City, State, Zip, Country", the parts the location has.
    field("locations", "Locations", Contacts, Entries, |s, v| {
        for l in &s.protocol_section.contacts_locations_module.locations {
            let parts = [&l.facility, &l.city, &l.state, &l.zip, &l.country];
            v.parts(&parts.map(|p| p.as_deref()), ", ");
            v.detail_code(l.status);
            for c in &l.contacts {
                v.detail(&c.name);
                v.detail_code(c.role);
                for part in [&c.phone, &c.phone_ext, &c.email] {
                    v.detail(part);
                }
            }
        }
    })
    .at(&["/protocolSection/contactsLocationsModule/locations"])
    .uses(Uses::Card)
    .csv("Locations"),
    field(
        "removedCountries",
        "Countries removed",
        Contacts,
        List,
        |s, v| v.all(&s.derived_section.misc_info_module.removed_countries),
    )
    .at(&["/derivedSection/miscInfoModule/removedCountries"])
    .uses(Uses::Card),
];

/// A text the record gives, trimmed; `None` when blank.
fn given(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}
