//! Reader for ClinicalTrials.Veeva study pages: a fixed set of section headings ("Status and
//! phase", "Identifiers", "Inclusion criteria", "Trial design" …), each followed by its values.

use crate::case::Cased;
use std::collections::{HashMap, HashSet};

use super::{note, split_sections, unplaced, ReadPage, Section};
use crate::fields::assign::{assign, design_info};
use crate::fields::criteria::{self, CriteriaPart};
use crate::fields::markup::{lines_to_markdown, unescape};
use crate::fields::{age, contact, design, enrollment, ids};
use crate::lines::{Label, Line};
use crate::model::enums::*;
use crate::model::{
    ArmGroup, EnrollmentInfo, Intervention, LineSpan, OrgStudyIdInfo, SecondaryIdInfo, Severity,
    Sponsor, Study,
};
use crate::reading::spans::{self, keys, path_of, Items};
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
    let lower = text.lowercased();
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
                    let conditions = &mut study.protocol_section.conditions_module.conditions;
                    conditions.push(unescape(l.text));
                    let at = conditions.len() - 1;
                    spans::item(&mut study, path_of(Label::Conditions), at, l.no, l.no);
                }
            }
            "Treatments" => {
                for l in &values {
                    let _ = spans::assign_at(&mut study, Label::Interventions, l.text, l.no);
                }
            }
            "Study type" => single(&mut study, &values, h, Label::StudyType),
            "Funder types" => read_funders(&mut study, &values, h),
            "Identifiers" => read_identifiers(&mut study, &values),
            "About" => {
                let text = lines_to_markdown(&section.body);
                let span = text.as_ref().and(spans::of_lines(&section.body));
                spans::set(&mut study, path_of(Label::BriefSummary), span);
                study.protocol_section.description_module.brief_summary = text;
            }
            "Full description" => {
                let text = lines_to_markdown(&section.body);
                let span = text.as_ref().and(spans::of_lines(&section.body));
                spans::set(&mut study, path_of(Label::DetailedDescription), span);
                study
                    .protocol_section
                    .description_module
                    .detailed_description = text;
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
            spans::at(&mut study, path_of(Label::Enrollment), line, line);
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
    place_first(study, values, section, label, |study, text| {
        assign(study, label, text).map_err(|why| format!("{section}: {why}."))
    });
}

/// A section whose first line is its value for the field `label` names: `place` puts it into
/// the record (the line is its span) or says why it cannot (a warning; the line is kept as
/// unplaced). Any further line is unplaced.
fn place_first(
    study: &mut Study,
    values: &[Line<'_>],
    section: &str,
    label: Label,
    place: impl FnOnce(&mut Study, &str) -> Result<(), String>,
) {
    let mut rest = values.iter();
    if let Some(first) = rest.next() {
        let placed = spans::placed(study, label, first.no, first.no, |s| place(s, first.text));
        if let Err(why) = placed {
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
        spans::at(study, path_of(Label::BriefTitle), title.no, title.no);
    }
    while let Some(l) = it.next() {
        let is_avatar = l.text.chars().count() == 1 && l.text.chars().all(char::is_alphanumeric);
        let logo_of = l.text.strip_suffix(" logo");
        if is_avatar || logo_of.is_some() {
            // The name on the line after the avatar or logo; a cut page keeps only the logo's.
            let named = match (it.next(), logo_of) {
                (Some(next), _) => Some((unescape(next.text), next.no)),
                (None, Some(name)) => Some((unescape(name), l.no)),
                (None, None) => None,
            };
            if let Some((name, no)) = named {
                study
                    .protocol_section
                    .sponsor_collaborators_module
                    .lead_sponsor
                    .get_or_insert_with(Sponsor::default)
                    .name = Some(name);
                spans::at(study, path_of(Label::LeadSponsor), no, no);
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
            spans::widen(study, path_of(Label::Phase), l.no, l.no);
        } else if let (Some(s), None) =
            (status, study.protocol_section.status_module.overall_status)
        {
            study.protocol_section.status_module.overall_status = Some(s);
            spans::at(study, path_of(Label::OverallStatus), l.no, l.no);
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
            Some(c) => {
                study.trialcards.funder_types.push(c);
                let at = study.trialcards.funder_types.len() - 1;
                spans::item(study, keys::FUNDER_TYPES, at, l.no, l.no);
            }
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
        // The class is read from the one funder type's line.
        let first = spans::item_path(keys::FUNDER_TYPES, 0);
        let span = study.trialcards.spans.get(&first).copied();
        if let Some(s) = span {
            spans::at(study, path_of(Label::SponsorClass), s.from, s.to);
        }
    }
}

/// The NCT ID, the org study ID (the first other line) and secondary IDs ("X (EudraCT Number)").
fn read_identifiers(study: &mut Study, values: &[Line<'_>]) {
    for l in values {
        let idm = &mut study.protocol_section.identification_module;
        let secondary = |n: usize| spans::item_path(keys::SECONDARY_IDS, n - 1);
        let path = if ids::is_nct_id(l.text) {
            if idm.nct_id.is_none() {
                idm.nct_id = Some(l.text.to_string());
                path_of(Label::NctId).to_string()
            } else {
                idm.nct_id_aliases.push(l.text.to_string());
                spans::item_path(keys::NCT_ID_ALIASES, idm.nct_id_aliases.len() - 1)
            }
        } else if let Some((id, kind)) = ids::split_typed_id(l.text) {
            idm.secondary_id_infos.push(SecondaryIdInfo {
                id: Some(id.to_string()),
                id_type: Some(kind),
                ..Default::default()
            });
            secondary(idm.secondary_id_infos.len())
        } else if idm.org_study_id_info.is_none() {
            idm.org_study_id_info = Some(OrgStudyIdInfo {
                id: Some(l.text.to_string()),
                ..Default::default()
            });
            path_of(Label::OrgStudyId).to_string()
        } else {
            idm.secondary_id_infos.push(SecondaryIdInfo {
                id: Some(l.text.to_string()),
                ..Default::default()
            });
            secondary(idm.secondary_id_infos.len())
        };
        spans::at(study, &path, l.no, l.no);
    }
}

/// "100 estimated patients" is estimated; Veeva prints actual counts without a qualifier.
fn read_enrollment(study: &mut Study, values: &[Line<'_>], section: &str) {
    place_first(study, values, section, Label::Enrollment, |study, text| {
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
    place_first(study, values, section, Label::Ages, |study, text| {
        let r = age::parse_age_range(text)
            .ok_or_else(|| format!("Ages: \"{text}\" is not an age range."))?;
        let e = &mut study.protocol_section.eligibility_module;
        e.minimum_age = r.minimum;
        e.maximum_age = r.maximum;
        Ok(())
    });
}

/// A criteria section feeds its part of the criteria tree; the criteria text spans its
/// heading to its last line.
fn read_criteria(study: &mut Study, section: &Section<'_>, start: CriteriaPart) {
    let span = spans::of_lines(&section.body).map(|s| LineSpan {
        from: section.line,
        ..s
    });
    spans::criteria(study, span, |tree| {
        criteria::build_tree(&section.body, start, tree)
    });
}

/// "Double Blind", possibly followed by who is masked ("(Participant, Investigator)").
fn read_masking(study: &mut Study, values: &[Line<'_>], section: &str) {
    let mut rest = values.iter();
    if let Some(first) = rest.next() {
        if spans::assign_at(study, Label::Masking, first.text, first.no).is_err() {
            unplaced(study, first, Some(section));
        }
    }
    for l in rest {
        match design::parse_who_masked_line(l.text) {
            Some(roles) => {
                design_info(study)
                    .masking_info
                    .get_or_insert_with(Default::default)
                    .who_masked
                    .extend(roles);
                spans::widen(study, keys::WHO_MASKED, l.no, l.no);
            }
            None => unplaced(study, l, Some(section)),
        }
    }
}

/// The site count; the site list itself loads later and is not in saved text.
fn read_sites(study: &mut Study, values: &[Line<'_>], section: &str) {
    for l in values {
        match l.text.parse::<u64>() {
            Ok(n) if study.trialcards.location_count.is_none() => {
                study.trialcards.location_count = Some(n);
                spans::at(study, keys::LOCATION_COUNT, l.no, l.no);
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
    let mut items = Items::after(contacts.len());
    for l in values {
        contact::add_contact_line(contacts, l.text);
        items.took(contacts.len(), l.no);
    }
    items.record(study, keys::CENTRAL_CONTACTS, 0);
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
        t.lowercased()
            .ends_with(" group")
            .then(|| vocab::lookup::<ArmGroupType>(t))
            .flatten()
    };
    let mut arms: Vec<ArmGroup> = Vec::new();
    let mut items = Items::default();
    // The line each treatment is first named on, for an intervention only the arms name.
    let mut named_at: HashMap<String, usize> = HashMap::new();
    let mut mode = Mode::Label;
    for (i, l) in values.iter().enumerate() {
        let next_is_type = values
            .get(i + 1)
            .is_some_and(|n| arm_type(n.text).is_some());
        let t = l.text;
        if let (Some(kind), Some(arm)) = (arm_type(t), arms.last_mut()) {
            if arm.arm_type.is_none() && mode == Mode::Label {
                arm.arm_type = Some(kind);
                items.took(arms.len(), l.no);
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
                named_at.entry(unescape(t)).or_insert(l.no);
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
        items.took(arms.len(), l.no);
    }
    let _ = section;
    let arm_groups = &mut study.protocol_section.arms_interventions_module.arm_groups;
    let offset = arm_groups.len();
    arm_groups.extend(arms);
    items.record(study, keys::ARM_GROUPS, offset);
    // Interventions named by arms but missing from "Treatments" (a cut page) are still
    // interventions. A set of the names already listed keeps this linear in arms × names.
    let module = &mut study.protocol_section.arms_interventions_module;
    let mut added: Vec<(usize, usize)> = Vec::new();
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
                if let Some(&no) = named_at.get(name) {
                    added.push((module.interventions.len() - 1, no));
                }
            }
        }
    }
    for (at, no) in added {
        spans::item(study, path_of(Label::Interventions), at, no, no);
    }
}

#[cfg(test)]
mod tests {
    //! One test per section reader: a few fictional lines in, the fields filled and the lines
    //! left unplaced out.
    use super::*;
    use crate::lines;
    use crate::reading::spans::testing::{span, spanned_text};

    use crate::lines::non_blank as values;

    /// The texts of the lines the reader left unplaced.
    fn unplaced_texts(s: &Study) -> Vec<&str> {
        let lines = &s.trialcards.unrecognized;
        lines.iter().map(|u| u.text.as_str()).collect()
    }

    #[test]
    fn single_value_sections_take_their_first_line() {
        let mut s = Study::default();
        single(&mut s, &values("\nFemale\nsee note"), "Sex", Label::Sex);
        assert_eq!(s.protocol_section.eligibility_module.sex, Some(Sex::Female));
        assert_eq!(unplaced_texts(&s), ["see note"]);
        assert!(s.trialcards.diagnostics.is_empty());
        let sex = "protocolSection.eligibilityModule.sex";
        assert_eq!(span(&s, sex), Some((2, 2)));
        assert_eq!(s.trialcards.spans.len(), 1);

        let mut s = Study::default();
        single(&mut s, &values("Sometimes"), "Sex", Label::Sex);
        assert_eq!(s.protocol_section.eligibility_module.sex, None);
        assert_eq!(unplaced_texts(&s), ["Sometimes"]);
        assert_eq!(s.trialcards.diagnostics.len(), 1);
        assert!(s.trialcards.spans.is_empty());

        let mut s = Study::default();
        single(&mut s, &[], "Sex", Label::Sex);
        assert_eq!(s, Study::default());
    }

    #[test]
    fn masthead_gives_title_and_sponsor() {
        /// The text, the sponsor and the line it is named on, the lines left unplaced.
        type Case = (
            &'static str,
            Option<(&'static str, usize)>,
            &'static [&'static str],
        );
        let cases: &[Case] = &[
            // Avatar letter, then the sponsor's name.
            (
                "Fictional Trial of Tea\nF\nFictional Tea Board",
                Some(("Fictional Tea Board", 3)),
                &[],
            ),
            (
                "Fictional Trial of Tea\nTea Board logo\nTea Board",
                Some(("Tea Board", 3)),
                &[],
            ),
            // Cut after the logo line: the logo names the sponsor.
            (
                "Fictional Trial of Tea\nTea Board logo",
                Some(("Tea Board", 2)),
                &[],
            ),
            (
                "Fictional Trial of Tea\nShare this page",
                None,
                &["Share this page"],
            ),
        ];
        for (text, sponsor, stray) in cases {
            let mut s = Study::default();
            read_masthead(&mut s, &values(text));
            assert_eq!(s.brief_title(), Some("Fictional Trial of Tea"), "{text}");
            let lead = &s.protocol_section.sponsor_collaborators_module.lead_sponsor;
            let name = lead.as_ref().and_then(|l| l.name.as_deref());
            assert_eq!(name, sponsor.map(|(n, _)| n), "{text}");
            assert_eq!(unplaced_texts(&s), *stray, "{text}");
            let title = "protocolSection.identificationModule.briefTitle";
            assert_eq!(span(&s, title), Some((1, 1)), "{text}");
            let name = "protocolSection.sponsorCollaboratorsModule.leadSponsor.name";
            assert_eq!(span(&s, name), sponsor.map(|(_, no)| (no, no)), "{text}");
        }
        let mut s = Study::default();
        read_masthead(&mut s, &[]);
        assert_eq!(s.brief_title(), None);
    }

    #[test]
    fn status_section_gives_status_and_sorted_phases() {
        let mut s = Study::default();
        let text = "Phase 3\nRecruiting\nPhase 2\nCompleted\nSoon";
        read_status(&mut s, &values(text), "Status and phase");
        let p = &s.protocol_section;
        assert_eq!(p.status_module.overall_status, Some(Status::Recruiting));
        assert_eq!(p.design_module.phases, [Phase::Phase2, Phase::Phase3]);
        // A second status has no place; nor has a line that is neither.
        assert_eq!(unplaced_texts(&s), ["Completed", "Soon"]);
        let status = "protocolSection.statusModule.overallStatus";
        assert_eq!(span(&s, status), Some((2, 2)));
        // The phases are read from both their lines.
        let phases = "protocolSection.designModule.phases";
        assert_eq!(span(&s, phases), Some((1, 3)));
    }

    #[test]
    fn one_funder_type_is_the_lead_sponsors_class() {
        let mut s = Study::default();
        read_funders(&mut s, &values("Friends\nIndustry"), "Funder types");
        assert_eq!(s.trialcards.funder_types, [AgencyClass::Industry]);
        let lead = &s.protocol_section.sponsor_collaborators_module.lead_sponsor;
        let class = lead.as_ref().and_then(|l| l.class);
        assert_eq!(class, Some(AgencyClass::Industry));
        assert_eq!(unplaced_texts(&s), ["Friends"]);
        let class = "protocolSection.sponsorCollaboratorsModule.leadSponsor.class";
        assert_eq!(span(&s, class), Some((2, 2)));
        assert_eq!(span(&s, "trialcards.funderTypes[0]"), Some((2, 2)));

        let mut s = Study::default();
        read_funders(&mut s, &values("Industry\nOther"), "Funder types");
        assert_eq!(s.trialcards.funder_types.len(), 2);
        assert!(s
            .protocol_section
            .sponsor_collaborators_module
            .lead_sponsor
            .is_none());
        assert_eq!(span(&s, "trialcards.funderTypes[1]"), Some((2, 2)));
        assert_eq!(span(&s, class), None);
    }

    #[test]
    fn identifiers_sort_into_nct_org_and_secondary_ids() {
        let mut s = Study::default();
        let text = "NCT09990301\nFTB-01\n2030-000301-11 (EudraCT Number)\nNCT09990302\nFTB-01-EXT";
        read_identifiers(&mut s, &values(text));
        let id = &s.protocol_section.identification_module;
        assert_eq!(id.nct_id.as_deref(), Some("NCT09990301"));
        assert_eq!(id.nct_id_aliases, ["NCT09990302"]);
        let org = id.org_study_id_info.as_ref().and_then(|o| o.id.as_deref());
        assert_eq!(org, Some("FTB-01"));
        let secondary: Vec<_> = id
            .secondary_id_infos
            .iter()
            .map(|i| (i.id.as_deref(), i.id_type))
            .collect();
        assert_eq!(
            secondary,
            [
                (Some("2030-000301-11"), Some(SecondaryIdType::EudractNumber)),
                (Some("FTB-01-EXT"), None),
            ]
        );
        assert!(unplaced_texts(&s).is_empty());
        let id = "protocolSection.identificationModule";
        let spans = [
            (format!("{id}.nctId"), 1),
            (format!("{id}.orgStudyIdInfo.id"), 2),
            (format!("{id}.secondaryIdInfos[0]"), 3),
            (format!("{id}.nctIdAliases[0]"), 4),
            (format!("{id}.secondaryIdInfos[1]"), 5),
        ];
        for (path, no) in &spans {
            assert_eq!(span(&s, path), Some((*no, *no)), "{path}");
        }
        assert_eq!(s.trialcards.spans.len(), spans.len());
    }

    #[test]
    fn enrollment_is_estimated_only_when_it_says_so() {
        /// A section's text, the count and type it gives, the lines it leaves unplaced.
        type Case = (
            &'static str,
            Option<(u64, EnrollmentType)>,
            &'static [&'static str],
        );
        let cases: &[Case] = &[
            (
                "120 estimated patients",
                Some((120, EnrollmentType::Estimated)),
                &[],
            ),
            (
                "48 patients\nper arm",
                Some((48, EnrollmentType::Actual)),
                &["per arm"],
            ),
            ("lots of patients", None, &["lots of patients"]),
            ("", None, &[]),
        ];
        for (text, want, stray) in cases {
            let mut s = Study::default();
            read_enrollment(&mut s, &values(text), "Enrollment");
            let info = s.protocol_section.design_module.enrollment_info.as_ref();
            let got = info.map(|e| (e.count.unwrap_or_default(), e.enrollment_type.unwrap()));
            assert_eq!(got, *want, "{text}");
            assert_eq!(unplaced_texts(&s), *stray, "{text}");
            let enrollment = span(&s, "protocolSection.designModule.enrollmentInfo");
            assert_eq!(enrollment, want.map(|_| (1, 1)), "{text}");
            // A value that is no count is said, not only kept.
            assert_eq!(
                s.trialcards.diagnostics.len(),
                usize::from(want.is_none() && !text.is_empty())
            );
        }
    }

    #[test]
    fn ages_give_minimum_and_maximum() {
        let mut s = Study::default();
        read_ages(&mut s, &values("18 to 65 years old"), "Ages");
        let e = &s.protocol_section.eligibility_module;
        assert_eq!(e.minimum_age.as_deref(), Some("18 Years"));
        assert_eq!(e.maximum_age.as_deref(), Some("65 Years"));
        let e = "protocolSection.eligibilityModule";
        assert_eq!(span(&s, &format!("{e}.minimumAge")), Some((1, 1)));
        assert_eq!(span(&s, &format!("{e}.maximumAge")), Some((1, 1)));

        // A range with one bound spans that bound only.
        let mut s = Study::default();
        read_ages(&mut s, &values("18+ years old"), "Ages");
        assert_eq!(span(&s, &format!("{e}.minimumAge")), Some((1, 1)));
        assert_eq!(span(&s, &format!("{e}.maximumAge")), None);

        let mut s = Study::default();
        read_ages(&mut s, &values("Grown-ups\nonly"), "Ages");
        assert_eq!(s.protocol_section.eligibility_module.minimum_age, None);
        assert_eq!(unplaced_texts(&s), ["Grown-ups", "only"]);
        assert_eq!(s.trialcards.diagnostics.len(), 1);
        assert!(s.trialcards.spans.is_empty());
    }

    #[test]
    fn criteria_sections_feed_their_part_of_the_tree() {
        let inclusion = Section {
            heading: "Inclusion criteria",
            line: 1,
            body: values("\n\n  • Aged 18 or over"),
        };
        let exclusion = Section {
            heading: "Exclusion criteria",
            line: 5,
            body: lines::scan("\n\n\n\n\n  • Drinks no tea\n  • Allergic to tea\n")[5..].to_vec(),
        };
        let mut s = Study::default();
        read_criteria(&mut s, &inclusion, CriteriaPart::Inclusion);
        let criteria = "protocolSection.eligibilityModule.eligibilityCriteria";
        assert_eq!(span(&s, criteria), Some((1, 3)));
        read_criteria(&mut s, &exclusion, CriteriaPart::Exclusion);
        let tree = s.trialcards.criteria.as_ref().unwrap();
        let texts: Vec<_> = tree.exclusion.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["Drinks no tea", "Allergic to tea"]);
        assert_eq!(tree.inclusion[0].text, "Aged 18 or over");
        // The criteria text spans both sections, from the first heading.
        assert_eq!(span(&s, criteria), Some((1, 7)));

        // A criteria heading with nothing under it gives no criteria and no span.
        let mut s = Study::default();
        let empty = Section {
            heading: "Inclusion criteria",
            line: 1,
            body: Vec::new(),
        };
        read_criteria(&mut s, &empty, CriteriaPart::Inclusion);
        assert_eq!(span(&s, criteria), None);
    }

    #[test]
    fn masking_level_then_who_is_masked() {
        let mut s = Study::default();
        let text = "Double Blind\n(Participant, Outcomes Assessor)\n(The Moon)";
        read_masking(&mut s, &values(text), "Masking");
        let info = s.protocol_section.design_module.design_info.as_ref();
        let m = info.and_then(|i| i.masking_info.clone()).unwrap();
        assert_eq!(m.masking, Some(DesignMasking::Double));
        assert_eq!(
            m.who_masked,
            [WhoMasked::Participant, WhoMasked::OutcomesAssessor]
        );
        assert_eq!(unplaced_texts(&s), ["(The Moon)"]);
        let masking = "protocolSection.designModule.designInfo.maskingInfo";
        assert_eq!(span(&s, masking), Some((1, 1)));
        assert_eq!(span(&s, &format!("{masking}.whoMasked")), Some((2, 2)));

        let mut s = Study::default();
        read_masking(&mut s, &values("Blindfolded"), "Masking");
        assert_eq!(unplaced_texts(&s), ["Blindfolded"]);
        assert!(s.trialcards.spans.is_empty());
    }

    #[test]
    fn sites_section_gives_the_site_count_once() {
        let mut s = Study::default();
        read_sites(
            &mut s,
            &values("7\n8\nsites nearby"),
            "Trial contacts and locations",
        );
        assert_eq!(s.trialcards.location_count, Some(7));
        assert_eq!(unplaced_texts(&s), ["8", "sites nearby"]);
        assert_eq!(span(&s, "trialcards.locationCount"), Some((1, 1)));
    }

    #[test]
    fn central_contacts_take_name_phone_and_address() {
        let mut s = Study::default();
        let text = "Robin Example, MD\n+1 555 0100 200\nrobin@example.org\nKit Sample";
        read_contacts(&mut s, &values(text));
        let contacts = &s
            .protocol_section
            .contacts_locations_module
            .central_contacts;
        assert_eq!(contacts.len(), 2);
        assert_eq!(contacts[0].phone.as_deref(), Some("+1 555 0100 200"));
        assert_eq!(contacts[0].email.as_deref(), Some("robin@example.org"));
        assert_eq!(contacts[1].name.as_deref(), Some("Kit Sample"));
        let list = "protocolSection.contactsLocationsModule.centralContacts";
        assert_eq!(span(&s, &format!("{list}[0]")), Some((1, 3)));
        assert_eq!(span(&s, &format!("{list}[1]")), Some((4, 4)));
    }

    #[test]
    fn arms_read_label_type_description_and_treatments() {
        let text = "Tea\nExperimental group\nDescription:\nOne cup a day\nTreatment:\n\
                    Drug: Fictional tea\nWater\nPlacebo Comparator group";
        let mut s = Study::default();
        read_arms(&mut s, &values(text), "2 patient groups");
        let m = &s.protocol_section.arms_interventions_module;
        let arms: Vec<_> = m
            .arm_groups
            .iter()
            .map(|a| (a.label.as_deref(), a.arm_type, a.description.as_deref()))
            .collect();
        assert_eq!(
            arms,
            [
                (
                    Some("Tea"),
                    Some(ArmGroupType::Experimental),
                    Some("One cup a day")
                ),
                (Some("Water"), Some(ArmGroupType::PlaceboComparator), None),
            ]
        );
        assert_eq!(m.arm_groups[0].intervention_names, ["Drug: Fictional tea"]);
        // The arm's treatment is an intervention although "Treatments" did not list it.
        let names: Vec<_> = m.interventions.iter().map(|iv| iv.display_name()).collect();
        assert_eq!(names, ["Drug: Fictional tea"]);
        assert!(unplaced_texts(&s).is_empty());
        let arms = "protocolSection.armsInterventionsModule.armGroups";
        assert_eq!(span(&s, &format!("{arms}[0]")), Some((1, 6)));
        assert_eq!(span(&s, &format!("{arms}[1]")), Some((7, 8)));
        // The intervention is read from the arm's treatment line.
        let iv = "protocolSection.armsInterventionsModule.interventions[0]";
        assert_eq!(span(&s, iv), Some((6, 6)));
    }

    #[test]
    fn a_treatment_already_listed_is_not_added_again() {
        let mut s = Study::default();
        let _ = assign(&mut s, Label::Interventions, "Drug: Fictional tea");
        let text =
            "Tea\nTreatment:\nDrug: Fictional tea\nMore tea\nTreatment:\nDrug: Fictional tea";
        read_arms(&mut s, &values(text), "2 patient groups");
        let m = &s.protocol_section.arms_interventions_module;
        assert_eq!(m.arm_groups.len(), 2);
        assert_eq!(m.interventions.len(), 1);
        // The listed intervention keeps no span of the arms' lines.
        let iv = "protocolSection.armsInterventionsModule.interventions[0]";
        assert_eq!(span(&s, iv), None);
    }

    #[test]
    fn a_cut_arms_section_keeps_what_it_shows() {
        let mut s = Study::default();
        read_arms(
            &mut s,
            &values("Tea\nExperimental group\nDescription:"),
            "1 patient group",
        );
        let arm = &s.protocol_section.arms_interventions_module.arm_groups[0];
        assert_eq!(arm.label.as_deref(), Some("Tea"));
        assert_eq!(arm.description, None);
        let arm = "protocolSection.armsInterventionsModule.armGroups[0]";
        assert_eq!(span(&s, arm), Some((1, 3)));

        let mut s = Study::default();
        read_arms(&mut s, &[], "1 patient group");
        assert!(s
            .protocol_section
            .arms_interventions_module
            .arm_groups
            .is_empty());
    }

    #[test]
    fn the_footer_ends_the_page_and_its_lines_are_dropped() {
        let page = "ClinicalTrials.Veeva\nMenu\nFictional Tea Trial\n\
                    Data sourced from clinicaltrials.gov\nPrivacy policy\n© Copyright 2030 Veeva\n\
                    Pasted afterwards";
        let lines = lines::scan(page);
        assert_eq!(page_end(&lines), Some(6));
        let read_page = read(&lines);
        assert!(read_page.complete);
        assert_eq!(unplaced_texts(&read_page.study), ["Pasted afterwards"]);

        // Cut before the footer: the page is not complete.
        let cut =
            lines::scan("ClinicalTrials.Veeva\nMenu\nFictional Tea Trial\nStatus\nRecruiting");
        assert_eq!(page_end(&cut), None);
        let read_page = read(&cut);
        assert!(!read_page.complete);
        assert_eq!(
            read_page
                .study
                .protocol_section
                .status_module
                .overall_status,
            Some(Status::Recruiting)
        );
    }

    #[test]
    fn a_whole_page_keeps_the_line_of_each_value() {
        let page = "ClinicalTrials.Veeva\n\nMenu\n\nFictional Trial of Tea\n\nT\n\n\
                    Fictional Tea Board\n\nStatus and phase\n\nRecruiting\nPhase 2\n\n\
                    Conditions\n\nThirst\nFatigue\n\nTreatments\n\nDrug: Fictional tea\n\n\
                    Identifiers\n\nNCT09990301\n\nAbout\n\nA fictional trial of tea.\n\n\
                    It runs for a year.\n\nInclusion criteria\n\n  • Drinks tea\n\n\
                    12 participants in 1 patient group\n\nTea\nExperimental group\n\
                    Treatment:\nDrug: Fictional tea\n\nData sourced from clinicaltrials.gov";
        let lines = lines::scan(page);
        let read_page = read(&lines);
        assert!(read_page.complete);
        let s = &read_page.study;
        assert_eq!(
            s.protocol_section.status_module.overall_status,
            Some(Status::Recruiting)
        );
        let text_of = |path: &str| spanned_text(s, &lines, path);
        let cases = [
            ("protocolSection.statusModule.overallStatus", "Recruiting"),
            ("protocolSection.designModule.phases", "Phase 2"),
            (
                "protocolSection.identificationModule.briefTitle",
                "Fictional Trial of Tea",
            ),
            (
                "protocolSection.sponsorCollaboratorsModule.leadSponsor.name",
                "Fictional Tea Board",
            ),
            ("protocolSection.conditionsModule.conditions[0]", "Thirst"),
            ("protocolSection.conditionsModule.conditions[1]", "Fatigue"),
            (
                "protocolSection.armsInterventionsModule.interventions[0]",
                "Drug: Fictional tea",
            ),
            ("protocolSection.identificationModule.nctId", "NCT09990301"),
            (
                "protocolSection.descriptionModule.briefSummary",
                "A fictional trial of tea. / It runs for a year.",
            ),
            (
                "protocolSection.eligibilityModule.eligibilityCriteria",
                "Inclusion criteria / • Drinks tea",
            ),
            // Without an Enrollment section, the count comes from the patient-groups line.
            (
                "protocolSection.designModule.enrollmentInfo",
                "12 participants in 1 patient group",
            ),
            (
                "protocolSection.armsInterventionsModule.armGroups[0]",
                "Tea / Experimental group / Treatment: / Drug: Fictional tea",
            ),
        ];
        for (path, text) in cases {
            assert_eq!(text_of(path), text, "{path}");
        }
        let paths: Vec<_> = s.trialcards.spans.keys().collect();
        assert_eq!(paths.len(), cases.len(), "{paths:?}");
    }

    #[test]
    fn an_empty_page_is_an_untitled_record() {
        let page = read(&[]);
        assert_eq!(page.study.brief_title(), None);
        assert_eq!(page.study.trialcards.diagnostics.len(), 1);
        assert!(!page.complete);
    }

    #[test]
    fn heading_score_counts_distinct_veeva_headings() {
        let lines = lines::scan(
            "Trial design\nTrial design\nVolunteers\n4 participants in 2 patient groups\nAbout",
        );
        assert_eq!(heading_score(&lines), 3);
    }
}
