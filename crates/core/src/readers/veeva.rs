//! Reader for ClinicalTrials.Veeva study pages: a fixed set of section headings ("Status and
//! phase", "Identifiers", "Inclusion criteria", "Trial design" …), each followed by its values.

use std::collections::HashSet;

use super::{note, split_sections, unplaced, ReadPage, Section};
use crate::fields::assign::{assign, design_info};
use crate::fields::criteria::{self, CriteriaPart};
use crate::fields::markup::{lines_to_markdown, unescape};
use crate::fields::{age, contact, design, enrollment, ids};
use crate::lines::{Label, Line};
use crate::model::enums::*;
use crate::model::{
    ArmGroup, EnrollmentInfo, Intervention, OrgStudyIdInfo, SecondaryIdInfo, Severity, Sponsor,
    Study,
};
use crate::vocab;

/// The first line of every saved Veeva page.
pub const SITE_MARKER: &str = "ClinicalTrials.Veeva";

/// The line after which only the site's footer follows.
const FOOTER_MARKER: &str = "Data sourced from clinicaltrials.gov";

/// The link lines of the site's footer, after [`FOOTER_MARKER`] (compared case-blind).
const FOOTER_LINES: &[&str] = &[
    "clinical trials",
    "find clinical trials",
    "find clinical trialstrials by location",
    "trials by location",
    "research sites",
    "resources",
    "legal",
    "privacy policy",
    "terms of use",
    "cookie policy",
];

/// Where a Veeva page that starts at `lines[0]` ends: after its footer (the footer marker,
/// then the site's link lines and its copyright line). `None` when the page has no footer (a
/// cut copy): then it runs to the next page's start.
pub fn page_end(lines: &[Line<'_>]) -> Option<usize> {
    let footer = lines.iter().position(|l| l.text == FOOTER_MARKER)?;
    let mut end = footer + 1;
    while lines
        .get(end)
        .is_some_and(|l| l.is_blank() || is_footer_line(l.text))
    {
        end += 1;
    }
    Some(end)
}

/// Whether `text` is one of the site footer's own lines (a link or the copyright line).
fn is_footer_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    FOOTER_LINES.contains(&lower.as_str())
        || (lower.starts_with("© copyright") || lower.starts_with("copyright"))
            && lower.contains("veeva")
}

/// Section headings, exactly as Veeva prints them.
const HEADINGS: &[&str] = &[
    SITE_MARKER,
    "Menu",
    "Status and phase",
    "Status",
    "Conditions",
    "Treatments",
    "Study type",
    "Funder types",
    "Identifiers",
    "Details and patient eligibility",
    "About",
    "Full description",
    "Enrollment",
    "Sex",
    "Ages",
    "Volunteers",
    "Inclusion criteria",
    "Exclusion criteria",
    "Inclusion and exclusion criteria",
    "Trial design",
    "Primary purpose",
    "Allocation",
    "Interventional model",
    "Observational model",
    "Time perspective",
    "Masking",
    "Trial contacts and locations",
    "Central trial contact",
    FOOTER_MARKER,
];

/// Lines the site prints on every page that carry nothing about the study.
const BOILERPLATE: &[&str] = &["Loading...", "Loading…"];

fn is_heading(text: &str) -> bool {
    HEADINGS.contains(&text) || enrollment::parse_groups_line(text).is_some()
}

/// How many distinct Veeva-only headings `lines` contain (used when the site marker is missing).
pub fn heading_score(lines: &[Line<'_>]) -> usize {
    const DISTINCT: &[&str] = &[
        "Status and phase",
        "Funder types",
        "Details and patient eligibility",
        "Full description",
        "Volunteers",
        "Inclusion criteria",
        "Exclusion criteria",
        "Trial design",
        "Trial contacts and locations",
        FOOTER_MARKER,
    ];
    let mut seen: Vec<&str> = Vec::new();
    for l in lines {
        let key = if enrollment::parse_groups_line(l.text).is_some() {
            Some("groups")
        } else {
            DISTINCT.iter().find(|h| **h == l.text).copied()
        };
        if let Some(k) = key {
            if !seen.contains(&k) {
                seen.push(k);
            }
        }
    }
    seen.len()
}

/// Reads one Veeva page.
pub(crate) fn read(lines: &[Line<'_>]) -> ReadPage {
    let mut study = Study::default();
    let (preface, sections) = split_sections(lines, is_heading);
    for l in &preface {
        unplaced(&mut study, l, None);
    }
    let mut complete = false;
    let mut groups_count = None;
    for section in &sections {
        let values: Vec<Line<'_>> = section
            .values()
            .into_iter()
            .filter(|l| !BOILERPLATE.contains(&l.text))
            .collect();
        let h = section.heading;
        match h {
            SITE_MARKER => values.iter().for_each(|l| unplaced(&mut study, l, Some(h))),
            "Menu" => read_masthead(&mut study, &values),
            "Status and phase" | "Status" => read_status(&mut study, &values, h),
            "Conditions" => {
                for l in &values {
                    study
                        .protocol_section
                        .conditions_module
                        .conditions
                        .push(unescape(l.text));
                }
            }
            "Treatments" => {
                for l in &values {
                    let _ = assign(&mut study, Label::Interventions, l.text);
                }
            }
            "Study type" => single(&mut study, &values, h, Label::StudyType),
            "Funder types" => read_funders(&mut study, &values, h),
            "Identifiers" => read_identifiers(&mut study, &values),
            "About" => {
                study.protocol_section.description_module.brief_summary =
                    lines_to_markdown(&section.body)
            }
            "Full description" => {
                study
                    .protocol_section
                    .description_module
                    .detailed_description = lines_to_markdown(&section.body)
            }
            "Enrollment" => read_enrollment(&mut study, &values, h),
            "Sex" => single(&mut study, &values, h, Label::Sex),
            "Ages" => read_ages(&mut study, &values, h),
            "Volunteers" => single(&mut study, &values, h, Label::HealthyVolunteers),
            "Inclusion criteria" => read_criteria(&mut study, section, CriteriaPart::Inclusion),
            "Exclusion criteria" => read_criteria(&mut study, section, CriteriaPart::Exclusion),
            "Inclusion and exclusion criteria" => {
                read_criteria(&mut study, section, CriteriaPart::Preamble)
            }
            "Primary purpose" => single(&mut study, &values, h, Label::PrimaryPurpose),
            "Allocation" => single(&mut study, &values, h, Label::Allocation),
            "Interventional model" => single(&mut study, &values, h, Label::InterventionModel),
            "Observational model" => single(&mut study, &values, h, Label::ObservationalModel),
            "Time perspective" => single(&mut study, &values, h, Label::TimePerspective),
            "Masking" => read_masking(&mut study, &values, h),
            "Trial contacts and locations" => read_sites(&mut study, &values, h),
            "Central trial contact" => read_contacts(&mut study, &values),
            "Details and patient eligibility" | "Trial design" => {
                values.iter().for_each(|l| unplaced(&mut study, l, Some(h)))
            }
            FOOTER_MARKER => {
                // The site's footer: nothing about the study, but whatever else follows it
                // (text pasted after the page) is kept.
                complete = true;
                values
                    .iter()
                    .filter(|l| !is_footer_line(l.text))
                    .for_each(|l| unplaced(&mut study, l, None));
            }
            _ => {
                groups_count = enrollment::parse_groups_line(h).map(|(n, _)| (n, section.line));
                read_arms(&mut study, &values, h);
            }
        }
    }
    if let Some((n, line)) = groups_count {
        let design = &mut study.protocol_section.design_module;
        if design.enrollment_info.is_none() {
            design.enrollment_info = Some(EnrollmentInfo {
                count: Some(n),
                enrollment_type: None,
            });
            note(
                &mut study,
                Severity::Info,
                Some(line),
                "The page shows no enrollment value; the count comes from the patient-groups line."
                    .into(),
            );
        }
    }
    let empty = sections
        .iter()
        .filter(|s| s.heading != "Details and patient eligibility" && s.heading != "Trial design")
        .filter(|s| HEADINGS.contains(&s.heading) && s.heading != FOOTER_MARKER)
        .filter(|s| s.values().iter().all(|l| BOILERPLATE.contains(&l.text)))
        .count();
    if empty >= 3 {
        note(
            &mut study,
            Severity::Info,
            None,
            format!("{empty} sections show their label but no value: the page seems reduced to its labels."),
        );
    }
    if study.brief_title().is_none() {
        note(
            &mut study,
            Severity::Warning,
            None,
            "The page shows no title.".into(),
        );
    }
    ReadPage { study, complete }
}

/// A section that holds one value for one field.
fn single(study: &mut Study, values: &[Line<'_>], section: &str, label: Label) {
    place_first(study, values, section, |study, text| {
        assign(study, label, text).map_err(|why| format!("{section}: {why}."))
    });
}

/// A section whose first line is its value: `place` puts it into the record or says why it
/// cannot (a warning; the line is kept as unplaced). Any further line is unplaced.
fn place_first(
    study: &mut Study,
    values: &[Line<'_>],
    section: &str,
    place: impl FnOnce(&mut Study, &str) -> Result<(), String>,
) {
    let mut rest = values.iter();
    if let Some(first) = rest.next() {
        if let Err(why) = place(study, first.text) {
            note(study, Severity::Warning, Some(first.no), why);
            unplaced(study, first, Some(section));
        }
    }
    rest.for_each(|l| unplaced(study, l, Some(section)));
}

/// Title, then the sponsor under a one-letter avatar or a "<Sponsor> logo" line.
fn read_masthead(study: &mut Study, values: &[Line<'_>]) {
    let mut it = values.iter().peekable();
    if let Some(title) = it.next() {
        study.protocol_section.identification_module.brief_title = Some(unescape(title.text));
    }
    while let Some(l) = it.next() {
        let is_avatar = l.text.chars().count() == 1 && l.text.chars().all(char::is_alphanumeric);
        let logo_of = l.text.strip_suffix(" logo");
        if is_avatar || logo_of.is_some() {
            if let Some(name) = it.next() {
                study
                    .protocol_section
                    .sponsor_collaborators_module
                    .lead_sponsor
                    .get_or_insert_with(Sponsor::default)
                    .name = Some(unescape(name.text));
            } else if let Some(name) = logo_of {
                study
                    .protocol_section
                    .sponsor_collaborators_module
                    .lead_sponsor
                    .get_or_insert_with(Sponsor::default)
                    .name = Some(unescape(name));
            }
        } else {
            unplaced(study, l, Some("Menu"));
        }
    }
}

fn read_status(study: &mut Study, values: &[Line<'_>], section: &str) {
    for l in values {
        let phases = vocab::phases(l.text);
        let status = vocab::lookup::<Status>(l.text);
        let design = &mut study.protocol_section.design_module;
        if !phases.is_empty() {
            design.phases.extend(phases);
            vocab::sort_phases(&mut design.phases);
        } else if let (Some(s), None) =
            (status, study.protocol_section.status_module.overall_status)
        {
            study.protocol_section.status_module.overall_status = Some(s);
        } else {
            unplaced(study, l, Some(section));
        }
    }
}

/// "Funder types" lists classes without saying whose: the lead sponsor gets the class only when
/// there is exactly one.
fn read_funders(study: &mut Study, values: &[Line<'_>], section: &str) {
    for l in values {
        match vocab::lookup::<AgencyClass>(l.text) {
            Some(c) => study.trialcards.funder_types.push(c),
            None => unplaced(study, l, Some(section)),
        }
    }
    if let [only] = study.trialcards.funder_types.as_slice() {
        let only = *only;
        study
            .protocol_section
            .sponsor_collaborators_module
            .lead_sponsor
            .get_or_insert_with(Sponsor::default)
            .class = Some(only);
    }
}

/// The NCT ID, the org study ID (the first other line) and secondary IDs ("X (EudraCT Number)").
fn read_identifiers(study: &mut Study, values: &[Line<'_>]) {
    let idm = &mut study.protocol_section.identification_module;
    for l in values {
        if ids::is_nct_id(l.text) {
            if idm.nct_id.is_none() {
                idm.nct_id = Some(l.text.to_string());
            } else {
                idm.nct_id_aliases.push(l.text.to_string());
            }
        } else if let Some((id, kind)) = ids::split_typed_id(l.text) {
            idm.secondary_id_infos.push(SecondaryIdInfo {
                id: Some(id.to_string()),
                id_type: Some(kind),
                ..Default::default()
            });
        } else if idm.org_study_id_info.is_none() {
            idm.org_study_id_info = Some(OrgStudyIdInfo {
                id: Some(l.text.to_string()),
                ..Default::default()
            });
        } else {
            idm.secondary_id_infos.push(SecondaryIdInfo {
                id: Some(l.text.to_string()),
                ..Default::default()
            });
        }
    }
}

/// "100 estimated patients" is estimated; Veeva prints actual counts without a qualifier.
fn read_enrollment(study: &mut Study, values: &[Line<'_>], section: &str) {
    place_first(study, values, section, |study, text| {
        let c = enrollment::parse_count_phrase(text)
            .ok_or_else(|| format!("Enrollment: \"{text}\" is not a participant count."))?;
        let kind = if c.estimated {
            EnrollmentType::Estimated
        } else {
            EnrollmentType::Actual
        };
        study.protocol_section.design_module.enrollment_info = Some(EnrollmentInfo {
            count: Some(c.count),
            enrollment_type: Some(kind),
        });
        Ok(())
    });
}

/// "18 to 65 years old", "18+ years old": the minimum and maximum ages.
fn read_ages(study: &mut Study, values: &[Line<'_>], section: &str) {
    place_first(study, values, section, |study, text| {
        let r = age::parse_age_range(text)
            .ok_or_else(|| format!("Ages: \"{text}\" is not an age range."))?;
        let e = &mut study.protocol_section.eligibility_module;
        e.minimum_age = r.minimum;
        e.maximum_age = r.maximum;
        Ok(())
    });
}

fn read_criteria(study: &mut Study, section: &Section<'_>, start: CriteriaPart) {
    let tree = study
        .trialcards
        .criteria
        .get_or_insert_with(Default::default);
    criteria::build_tree(&section.body, start, tree);
}

/// "Double Blind", possibly followed by who is masked ("(Participant, Investigator)").
fn read_masking(study: &mut Study, values: &[Line<'_>], section: &str) {
    let mut rest = values.iter();
    if let Some(first) = rest.next() {
        if assign(study, Label::Masking, first.text).is_err() {
            unplaced(study, first, Some(section));
        }
    }
    for l in rest {
        match design::parse_who_masked_line(l.text) {
            Some(roles) => design_info(study)
                .masking_info
                .get_or_insert_with(Default::default)
                .who_masked
                .extend(roles),
            None => unplaced(study, l, Some(section)),
        }
    }
}

/// The site count; the site list itself loads later and is not in saved text.
fn read_sites(study: &mut Study, values: &[Line<'_>], section: &str) {
    for l in values {
        match l.text.parse::<u64>() {
            Ok(n) if study.trialcards.location_count.is_none() => {
                study.trialcards.location_count = Some(n)
            }
            _ => unplaced(study, l, Some(section)),
        }
    }
}

/// Contacts: a name line, then optional phone and e-mail lines.
fn read_contacts(study: &mut Study, values: &[Line<'_>]) {
    let contacts = &mut study
        .protocol_section
        .contacts_locations_module
        .central_contacts;
    for l in values {
        contact::add_contact_line(contacts, l.text);
    }
}

/// The arms after "N participants in M patient groups": label, group type ("Experimental group"),
/// "Description:" lines and "Treatment:" lines ("Biological: X").
fn read_arms(study: &mut Study, values: &[Line<'_>], section: &str) {
    #[derive(PartialEq)]
    enum Mode {
        Label,
        Description,
        Treatment,
    }
    let arm_type = |t: &str| {
        t.to_lowercase()
            .ends_with(" group")
            .then(|| vocab::lookup::<ArmGroupType>(t))
            .flatten()
    };
    let mut arms: Vec<ArmGroup> = Vec::new();
    let mut mode = Mode::Label;
    for (i, l) in values.iter().enumerate() {
        let next_is_type = values
            .get(i + 1)
            .is_some_and(|n| arm_type(n.text).is_some());
        let t = l.text;
        if let (Some(kind), Some(arm)) = (arm_type(t), arms.last_mut()) {
            if arm.arm_type.is_none() && mode == Mode::Label {
                arm.arm_type = Some(kind);
                continue;
            }
        }
        if t == "Description:" && !arms.is_empty() {
            mode = Mode::Description;
        } else if (t == "Treatment:" || t == "Treatments:") && !arms.is_empty() {
            mode = Mode::Treatment;
        } else if mode == Mode::Treatment && vocab::typed_intervention(t).is_some() {
            if let Some(arm) = arms.last_mut() {
                arm.intervention_names.push(unescape(t));
            }
        } else if mode == Mode::Description && !next_is_type {
            if let Some(arm) = arms.last_mut() {
                let d = arm.description.get_or_insert_with(String::new);
                if !d.is_empty() {
                    d.push('\n');
                }
                d.push_str(t);
            }
        } else {
            arms.push(ArmGroup {
                label: Some(unescape(t)),
                ..Default::default()
            });
            mode = Mode::Label;
        }
    }
    let _ = section;
    study
        .protocol_section
        .arms_interventions_module
        .arm_groups
        .extend(arms);
    // Interventions named by arms but missing from "Treatments" (a cut page) are still
    // interventions. A set of the names already listed keeps this linear in arms × names.
    let module = &mut study.protocol_section.arms_interventions_module;
    let mut listed: HashSet<String> = module
        .interventions
        .iter()
        .map(Intervention::display_name)
        .collect();
    for arm in &module.arm_groups {
        for name in &arm.intervention_names {
            if listed.contains(name) {
                continue;
            }
            if let Some((kind, n)) = vocab::typed_intervention(name) {
                let iv = Intervention {
                    intervention_type: Some(kind),
                    name: Some(n.to_string()),
                    ..Default::default()
                };
                listed.insert(iv.display_name());
                module.interventions.push(iv);
            }
        }
    }
}
