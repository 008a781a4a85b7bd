//! Limitations, agreements and the point of contact: the text under "Limitations and
//! Caveats", CT.gov's sentences under "Certain Agreements" (whether the investigators are the
//! sponsor's employees, whether an agreement restricts what they publish), and the contact's
//! labelled lines under "Results Point of Contact".

use super::table::Item;
use super::{field, Ctx, Field};
use crate::fields::results::{pi_employee, restrictive_agreement};
use crate::lines::Line;
use crate::model::{CertainAgreement, LimitationsAndCaveats, PointOfContact};

const MORE: &str = "resultsSection.moreInfoModule";

/// The point of contact's labels.
const CONTACT: &[&str] = &[
    "Name/Title",
    "Organization",
    "Phone",
    "Email",
    "EMail",
    "E-mail",
];

/// The part of the module a heading starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    None,
    Limitations,
    Agreements,
    Contact,
}

fn heading(text: &str) -> Option<Part> {
    match text.to_ascii_lowercase().as_str() {
        "limitations and caveats" => Some(Part::Limitations),
        "more information" => Some(Part::None),
        "certain agreements" => Some(Part::Agreements),
        "results point of contact" => Some(Part::Contact),
        _ => None,
    }
}

/// Reads the items of the limitations, more information, agreements and contact sections.
pub(crate) fn read(cx: &mut Ctx<'_>, items: &[Item<'_>]) {
    let mut part = Part::None;
    for item in items {
        if let Item::Text(l) = item {
            if let Some(p) = heading(l.text) {
                part = p;
                cx.take(l);
                continue;
            }
        }
        match part {
            Part::Contact => contact(cx, item),
            Part::Limitations => {
                if let Item::Text(l) = item {
                    limitation(cx, l);
                }
            }
            Part::Agreements => {
                if let Item::Text(l) = item {
                    agreement(cx, l);
                }
            }
            Part::None => {}
        }
    }
}

fn limitation(cx: &mut Ctx<'_>, l: &Line<'_>) {
    let m = &mut cx.study.results_section.more_info_module;
    let lim = m
        .limitations_and_caveats
        .get_or_insert_with(LimitationsAndCaveats::default);
    let d = lim.description.get_or_insert_with(String::new);
    if !d.is_empty() {
        d.push('\n');
    }
    d.push_str(l.text);
    cx.widen(&format!("{MORE}.limitationsAndCaveats"), [l]);
    cx.widen(&format!("{MORE}.limitationsAndCaveats.description"), [l]);
    cx.take(l);
}

fn agreement(cx: &mut Ctx<'_>, l: &Line<'_>) {
    let a = cx
        .study
        .results_section
        .more_info_module
        .certain_agreement
        .get_or_insert_with(CertainAgreement::default);
    let mut placed = Vec::new();
    if a.pi_sponsor_employee.is_none() {
        if let Some(yes) = pi_employee(l.text).filter(|_| l.text.len() > 3) {
            a.pi_sponsor_employee = Some(yes);
            placed.push("piSponsorEmployee");
        }
    }
    if placed.is_empty() && a.restrictive_agreement.is_none() {
        if let Some((yes, kind)) = restrictive_agreement(l.text).filter(|_| l.text.len() > 3) {
            a.restrictive_agreement = Some(yes);
            placed.push("restrictiveAgreement");
            if kind.is_some() {
                a.restriction_type = kind;
                placed.push("restrictionType");
            }
        }
    }
    if placed.is_empty() {
        if *a == CertainAgreement::default() {
            cx.study.results_section.more_info_module.certain_agreement = None;
        }
        return;
    }
    cx.widen(&format!("{MORE}.certainAgreement"), [l]);
    for name in placed {
        cx.at(&format!("{MORE}.certainAgreement.{name}"), [l]);
    }
    cx.take(l);
}

fn contact(cx: &mut Ctx<'_>, item: &Item<'_>) {
    let Some(Field::Value { label, value, from }) = field(item, CONTACT) else {
        return;
    };
    let p = cx
        .study
        .results_section
        .more_info_module
        .point_of_contact
        .get_or_insert_with(PointOfContact::default);
    let (slot, name) = match label {
        0 => (&mut p.title, "title"),
        1 => (&mut p.organization, "organization"),
        2 => (&mut p.phone, "phone"),
        _ => (&mut p.email, "email"),
    };
    if slot.is_some() {
        return;
    }
    *slot = Some(value.text.to_string());
    cx.widen(&format!("{MORE}.pointOfContact"), &from);
    cx.at(&format!("{MORE}.pointOfContact.{name}"), &from);
    cx.take_all(&from);
}
