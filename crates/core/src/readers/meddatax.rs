//! Reader for meddatax.com pages: study pages in both renderings (labelled: "Recruitment Status"
//! then the value; bare: values in a fixed order, recognised by CT.gov vocabulary and position)
//! and results pages ("Trial Outcomes & Findings for …"). Every section heading is followed by
//! one explanatory sentence of the site, which is dropped.

use std::collections::{HashMap, HashSet};

use super::{note, split_sections, unplaced, ReadPage, Section};
use crate::fields::assign::{assign, design_info};
use crate::fields::criteria::{self, CriteriaPart};
use crate::fields::markup::unescape;
use crate::fields::{age, contact, date, enrollment, ids};
use crate::lines::{lookup_label, Label, Line};
use crate::model::enums::*;
use crate::model::{
    ArmGroup, Contact, DateStruct, EnrollmentInfo, Intervention, LabelledValue, Location, Official,
    OrgStudyIdInfo, Reference, ReferenceDoi, RelatedTrial, ResponsibleParty, SecondaryIdInfo,
    Severity, Sponsor, Study,
};
use crate::vocab;

/// Study-page section headings, exactly as the site prints them.
const STUDY_HEADINGS: &[&str] = &[
    "Study Results",
    "Basic Information",
    "Brief Summary",
    "Related Clinical Trials",
    "Detailed Description",
    "Official Title",
    "Conditions",
    "Keywords",
    "Study Design",
    "Study Groups",
    "Interventions",
    "Outcome Measures",
    "Primary Outcomes",
    "Secondary Outcomes",
    "Eligibility Criteria",
    "Sponsors",
    "Collaborators",
    "Responsible Party",
    "Principal Investigators",
    "Locations",
    "Countries",
    "Central Contacts",
    "Facility Contacts",
    "References",
    "Other Identifiers",
    "More Related Trials",
];

/// Results-page section headings.
const RESULTS_HEADINGS: &[&str] = &[
    "Results Overview",
    "Participant Flow",
    "Baseline Characteristics",
    "Outcome Measures",
    "Adverse Events",
    "Serious Adverse Events",
    "Other Adverse Events",
    "Limitations and Caveats",
    "More Information",
    "Certain Agreements",
    "Results Point of Contact",
];

/// Headings after which the page is known to end.
const CLOSING_HEADINGS: &[&str] = &["More Related Trials", "Results Point of Contact"];

/// The openings of the site's explanatory sentences (one follows each heading).
const EXPLANATIONS: &[&str] = &[
    "Get a concise snapshot of the trial",
    "Review the sponsor-provided synopsis",
    "Explore similar clinical trials",
    "Dive into the extended narrative",
    "See the medical conditions",
    "Explore important study keywords",
    "Understand how the trial is structured",
    "Review each arm or cohort",
    "Learn about the drugs, procedures",
    "Check the participation requirements",
    "Meet the organizations funding",
    "Identify the individual or organization",
    "Learn about the lead researchers",
    "Explore where the study is taking place",
    "Review the countries where",
    "Reach out to these primary contacts",
    "Find local site contact details",
    "Explore related publications",
    "Review additional registry numbers",
    "Additional clinical trials that may be relevant",
    "Review the outcome measures",
    "The study team has not published outcome measurements",
];

const RESULTS_TITLE_PREFIX: &str = "Trial Outcomes & Findings for ";

/// Whether `text` is a section heading of either page kind.
pub fn is_heading(text: &str) -> bool {
    STUDY_HEADINGS.contains(&text) || RESULTS_HEADINGS.contains(&text)
}

/// Whether `text` is a results-only heading.
pub fn is_results_heading(text: &str) -> bool {
    RESULTS_HEADINGS.contains(&text)
}

/// Whether `text` is the title line of a results page.
pub fn is_results_title(text: &str) -> bool {
    text.starts_with(RESULTS_TITLE_PREFIX)
}

/// Whether `text` is the "NCT ID: NCT…" line under a page's title.
pub fn is_id_line(text: &str) -> bool {
    text.strip_prefix("NCT ID:")
        .is_some_and(|rest| ids::is_nct_id(rest.trim()))
}

/// Where a meddatax page that starts at `lines[0]` ends: after its closing "More Related
/// Trials" list (a line of explanation, then pairs of a title and an "NCT… STATUS PHASE" line).
/// `None` when the page has no such list: then it runs to the next page's start.
pub fn page_end(lines: &[Line<'_>]) -> Option<usize> {
    let heading = lines.iter().position(|l| l.text == "More Related Trials")?;
    let is_entry_id = |text: &str| {
        let mut words = text.split_whitespace();
        words.next().is_some_and(ids::is_nct_id)
            && words.next().is_some_and(|w| {
                w.chars()
                    .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
            })
    };
    let next_text = |from: usize| (from..lines.len()).find(|&i| !lines[i].is_blank());
    let mut end = heading + 1;
    if let Some(i) = next_text(end) {
        if lines[i].text.starts_with("Additional clinical trials") {
            end = i + 1;
        }
    }
    while let Some(i) = next_text(end) {
        if is_entry_id(lines[i].text) {
            end = i + 1;
        } else if next_text(i + 1).is_some_and(|j| is_entry_id(lines[j].text)) {
            end = next_text(i + 1).map_or(i + 1, |j| j + 1);
        } else {
            break;
        }
    }
    Some(end)
}

/// Headings only meddatax prints (other sites share "Conditions", "Keywords", "Locations" …).
const OWN_HEADINGS: &[&str] = &["Study Results", "Basic Information", "Results Overview"];

/// Whether the lines after an "NCT ID:" line continue as a meddatax page: within its first
/// lines, one of the site's explanatory sentences, or its "Last Updated:" line together with
/// one of its own headings. "NCT ID:" alone is a label other sites print too.
pub fn follows_as_study(rest: &[Line<'_>]) -> bool {
    let first: Vec<&str> = rest
        .iter()
        .filter(|l| !l.is_blank())
        .take(6)
        .map(|l| l.text)
        .collect();
    first.iter().any(|t| is_explanation(t))
        || first.iter().take(3).any(|t| t.starts_with("Last Updated:"))
            && first.iter().any(|t| OWN_HEADINGS.contains(t))
}

/// Where a meddatax study page starts, judged at line `i`: its title line when `i` is the
/// "NCT ID:" line under it and the site's own marks follow.
pub(crate) fn study_page_start(lines: &[Line<'_>], i: usize) -> Option<usize> {
    if !is_id_line(lines[i].text) || !follows_as_study(&lines[i + 1..]) {
        return None;
    }
    // The title is the non-blank line before "NCT ID:", unless that line is itself a page start.
    match lines[..i].iter().rposition(|l| !l.is_blank()) {
        Some(p) if is_results_title(lines[p].text) => None,
        Some(p) if !is_heading(lines[p].text) => Some(p),
        _ => Some(i),
    }
}

/// Where a meddatax results page starts: at its "Trial Outcomes & Findings for …" title.
pub(crate) fn results_page_start(lines: &[Line<'_>], i: usize) -> Option<usize> {
    is_results_title(lines[i].text).then_some(i)
}

/// Whether an unmarked stretch is a meddatax results page: the site's headings, a results one
/// among them.
pub(crate) fn judged_results(lines: &[Line<'_>]) -> bool {
    heading_score(lines) >= 3 && lines.iter().any(|l| is_results_heading(l.text))
}

/// How many distinct meddatax headings `lines` contain. A heading other sites share counts
/// only when the site's explanatory sentence follows it; results sections other sites share,
/// such as "Adverse Events", do not count.
pub fn heading_score(lines: &[Line<'_>]) -> usize {
    let mut seen: Vec<&str> = Vec::new();
    let texts: Vec<&str> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.text)
        .collect();
    for (k, text) in texts.iter().enumerate() {
        let explained = texts.get(k + 1).is_some_and(|t| is_explanation(t));
        let counts = OWN_HEADINGS.contains(text)
            || explained && STUDY_HEADINGS.contains(text)
            || *text == "Participant Flow";
        if counts && !seen.contains(text) {
            seen.push(text);
        }
    }
    seen.len()
}

fn is_explanation(text: &str) -> bool {
    EXPLANATIONS.iter().any(|e| text.starts_with(e))
}

/// Reads one meddatax page (study or results).
pub(crate) fn read(lines: &[Line<'_>]) -> ReadPage {
    let mut study = Study::default();
    let (preface, sections) = split_sections(lines, is_heading);
    read_preface(&mut study, &preface);
    // Interventions first: their names tell the study groups apart from the interventions listed under them.
    let mut known = Vec::new();
    for s in sections.iter().filter(|s| s.heading == "Interventions") {
        let values = values_of(&mut study, s);
        known.extend(read_interventions(&mut study, &values));
    }
    let observational = sections.iter().any(|s| {
        s.values()
            .iter()
            .any(|l| l.text == "OBSERVATIONAL" || l.text == "Observational")
    });
    let mut complete = false;
    for section in &sections {
        let h = section.heading;
        if CLOSING_HEADINGS.contains(&h) {
            complete = true;
        }
        if h == "Interventions" {
            continue;
        }
        let values = values_of(&mut study, section);
        match h {
            "Study Results" => read_results_status(&mut study, &values, h),
            "Basic Information" => read_basic(&mut study, &values, h),
            "Brief Summary" => {
                study.protocol_section.description_module.brief_summary = markdown(&values)
            }
            "Detailed Description" => {
                study
                    .protocol_section
                    .description_module
                    .detailed_description = markdown(&values)
            }
            "Official Title" => {
                if let Some(first) = values.first() {
                    let _ = assign(&mut study, Label::OfficialTitle, first.text);
                }
                values
                    .iter()
                    .skip(1)
                    .for_each(|l| unplaced(&mut study, l, Some(h)));
            }
            "Related Clinical Trials" | "More Related Trials" => {
                read_related(&mut study, &values, h)
            }
            "Conditions" => values.iter().for_each(|l| {
                let _ = assign(&mut study, Label::Conditions, l.text);
            }),
            "Keywords" => values.iter().for_each(|l| {
                let _ = assign(&mut study, Label::Keywords, l.text);
            }),
            "Study Design" => read_design(&mut study, &values, h, observational),
            "Study Groups" => read_groups(&mut study, &values, &known, h),
            "Eligibility Criteria" => read_eligibility(&mut study, section, &values),
            "Sponsors" | "Collaborators" => read_sponsors(&mut study, &values, h),
            "Responsible Party" => read_responsible(&mut study, &values, h),
            "Principal Investigators" => read_officials(&mut study, &values, h),
            "Locations" => read_locations(&mut study, &values),
            "Countries" => values
                .iter()
                .for_each(|l| study.trialcards.countries.push(l.text.to_string())),
            "Central Contacts" => {
                let contacts = read_contact_list(&mut study, &values, h);
                study
                    .protocol_section
                    .contacts_locations_module
                    .central_contacts
                    .extend(contacts);
            }
            "Facility Contacts" => {
                let contacts = read_contact_list(&mut study, &values, h);
                let locs = &mut study.protocol_section.contacts_locations_module.locations;
                if let [only] = locs.as_mut_slice() {
                    only.contacts.extend(contacts);
                } else if !contacts.is_empty() {
                    values.iter().for_each(|l| unplaced(&mut study, l, Some(h)));
                }
            }
            "References" => read_references(&mut study, &values),
            "Other Identifiers" => read_other_ids(&mut study, &values, h),
            "Results Overview" => read_overview(&mut study, &values, h),
            "Participant Flow" => {
                study.has_results = Some(true);
                results(&mut study).participant_flow = text_block(&values);
            }
            _ => {
                // Other results sections and outcome lists are kept as text.
                if let Some(text) = text_block(&values) {
                    results(&mut study).sections.push(LabelledValue {
                        label: h.to_string(),
                        value: text,
                        line: Some(section.line),
                    });
                }
            }
        }
    }
    ReadPage { study, complete }
}

/// The non-blank lines of a section without the site's explanatory sentence.
fn values_of<'a>(study: &mut Study, section: &Section<'a>) -> Vec<Line<'a>> {
    let mut values = section.values();
    if values.first().is_some_and(|l| is_explanation(l.text)) {
        let first = values.remove(0);
        if first.text.starts_with("The study team has not published") {
            study.has_results = Some(false);
        }
    }
    values
}

fn results(study: &mut Study) -> &mut crate::model::ResultsSummary {
    study
        .trialcards
        .results
        .get_or_insert_with(Default::default)
}

fn text_block(values: &[Line<'_>]) -> Option<String> {
    (!values.is_empty()).then(|| values.iter().map(|l| l.text).collect::<Vec<_>>().join("\n"))
}

/// Markdown from meddatax text: list items stay on consecutive lines, paragraphs get a blank line.
fn markdown(values: &[Line<'_>]) -> Option<String> {
    let mut out = String::new();
    let mut prev_item = false;
    for (i, l) in values.iter().enumerate() {
        let item = criteria::parse_marker(l.text).0.is_some();
        if i > 0 {
            out.push_str(if item && prev_item { "\n" } else { "\n\n" });
        }
        out.push_str(l.text);
        prev_item = item;
    }
    (!out.is_empty()).then_some(out)
}

/// Title, "NCT ID:" and "Last Updated:".
fn read_preface(study: &mut Study, preface: &[Line<'_>]) {
    // The line taken as the title for want of a better one; a results title after it
    // replaces it, and the line is then kept as unplaced text.
    let mut guessed_title: Option<Line<'_>> = None;
    for l in preface.iter().filter(|l| !l.is_blank()) {
        if let Some(rest) = l.text.strip_prefix(RESULTS_TITLE_PREFIX) {
            if let Some(guess) = guessed_title.take() {
                unplaced(study, &guess, None);
            }
            study.has_results = Some(true);
            let (title, id) = match rest.rfind(" (NCT ") {
                Some(i) => (
                    &rest[..i],
                    rest[i..].trim_matches(|c| c == '(' || c == ')' || c == ' '),
                ),
                None => (rest, ""),
            };
            study.protocol_section.identification_module.brief_title = Some(unescape(title));
            if let Some(found) = ids::find_nct_ids(id).first() {
                study.protocol_section.identification_module.nct_id = Some(found.to_string());
            }
        } else if let Some(rest) = l.text.strip_prefix("NCT ID:") {
            if let Err(why) = assign(study, Label::NctId, rest) {
                note(study, Severity::Warning, Some(l.no), why);
                unplaced(study, l, None);
            }
        } else if let Some(rest) = l.text.strip_prefix("Last Updated:") {
            if assign(study, Label::LastUpdate, rest).is_err() {
                unplaced(study, l, None);
            }
        } else if study.brief_title().is_none() && study.nct_id().is_none() {
            study.protocol_section.identification_module.brief_title = Some(unescape(l.text));
            guessed_title = Some(*l);
        } else {
            unplaced(study, l, None);
        }
    }
}

fn read_results_status(study: &mut Study, values: &[Line<'_>], h: &str) {
    for l in values {
        if l.text == "Results pending" || is_explanation(l.text) {
            study.has_results = Some(false);
        } else {
            unplaced(study, l, Some(h));
        }
    }
}

/// Labelled ("Recruitment Status" ⏎ "UNKNOWN") or bare values in a fixed order:
/// status, phase (absent for observational studies), enrollment, study type, start, completion.
fn read_basic(study: &mut Study, values: &[Line<'_>], h: &str) {
    let mut dates = 0;
    let mut i = 0;
    while i < values.len() {
        let l = values[i];
        if let Some((label, misfit)) = place_labelled_pair(study, values, i, h) {
            if let Some(why) = misfit {
                let value_no = values.get(i + 1).map(|v| v.no);
                note(
                    study,
                    Severity::Warning,
                    value_no,
                    format!("{}: {why}.", l.text),
                );
            }
            if matches!(label, Label::StartDate | Label::CompletionDate) {
                dates += 1;
            }
            i += 2;
            continue;
        }
        let t = l.text;
        let p = &mut study.protocol_section;
        if let Some(s) = vocab::exact_code::<Status>(t) {
            p.status_module.overall_status = Some(s);
        } else if !vocab::phases(t).is_empty() && t.to_uppercase() == t {
            p.design_module.phases.extend(vocab::phases(t));
            vocab::sort_phases(&mut p.design_module.phases);
        } else if let Some(st) = vocab::exact_code::<StudyType>(t) {
            p.design_module.study_type = Some(st);
        } else if let Some(c) = enrollment::parse_count_phrase(t) {
            p.design_module.enrollment_info = Some(EnrollmentInfo {
                count: Some(c.count),
                enrollment_type: None,
            });
        } else if let Some(d) = date::parse_date(t) {
            let slot = if dates == 0 {
                &mut p.status_module.start_date_struct
            } else {
                &mut p.status_module.completion_date_struct
            };
            if dates < 2 {
                *slot = Some(DateStruct::new(d));
            } else {
                unplaced(study, &l, Some(h));
            }
            dates += 1;
        } else {
            unplaced(study, &l, Some(h));
        }
        i += 1;
    }
}

/// Title lines followed by "NCT… [STATUS] [PHASES]" lines: other trials, never this record's fields.
fn read_related(study: &mut Study, values: &[Line<'_>], h: &str) {
    let mut title: Option<&Line<'_>> = None;
    for l in values {
        let mut words = l.text.split_whitespace();
        let first = words.next().unwrap_or_default();
        if ids::is_nct_id(first) {
            let mut trial = RelatedTrial {
                nct_id: Some(first.to_string()),
                title: title.take().map(|t| unescape(t.text)),
                list: Some(h.to_string()),
                ..Default::default()
            };
            for w in words {
                if let Some(s) = vocab::exact_code::<Status>(w) {
                    trial.overall_status = Some(s);
                } else {
                    trial.phases.extend(vocab::phases(w));
                }
            }
            study.trialcards.related_trials.push(trial);
        } else {
            if let Some(prev) = title.replace(l) {
                unplaced(study, prev, Some(h));
            }
        }
    }
    if let Some(prev) = title {
        unplaced(study, prev, Some(h));
    }
}

/// Labelled design lines, or bare values recognised by vocabulary in CT.gov's order:
/// allocation, model, purpose, masking (interventional) or model, time perspective (observational).
fn read_design(study: &mut Study, values: &[Line<'_>], h: &str, observational: bool) {
    let mut slot = 0usize;
    let mut i = 0;
    while i < values.len() {
        if place_labelled_pair(study, values, i, h).is_some() {
            i += 2;
            continue;
        }
        let l = values[i];
        let t = l.text;
        let info = design_info(study);
        let mut placed = false;
        let order: &[usize] = if observational {
            &[4, 5]
        } else {
            &[0, 1, 2, 3]
        };
        for &s in order.iter().filter(|s| **s >= slot) {
            let ok = match s {
                0 => vocab::exact_code::<DesignAllocation>(t).map(|v| info.allocation = Some(v)),
                1 => vocab::exact_code::<InterventionalAssignment>(t)
                    .map(|v| info.intervention_model = Some(v)),
                2 => vocab::exact_code::<PrimaryPurpose>(t).map(|v| info.primary_purpose = Some(v)),
                3 => vocab::exact_code::<DesignMasking>(t).map(|v| {
                    info.masking_info
                        .get_or_insert_with(Default::default)
                        .masking = Some(v)
                }),
                4 => vocab::exact_code::<ObservationalModel>(t)
                    .map(|v| info.observational_model = Some(v)),
                _ => vocab::exact_code::<DesignTimePerspective>(t)
                    .map(|v| info.time_perspective = Some(v)),
            };
            if ok.is_some() {
                slot = s + 1;
                placed = true;
                break;
            }
        }
        if !placed {
            unplaced(study, &l, Some(h));
        }
        i += 1;
    }
}

/// Interventions: a name, its description, and (labelled) "Intervention Type X" before or after it.
/// Returns the names, to tell groups from interventions under "Study Groups".
fn read_interventions(study: &mut Study, values: &[Line<'_>]) -> Vec<(String, Option<String>)> {
    let mut list: Vec<Intervention> = Vec::new();
    for l in values {
        if let Some(kind) = l.text.strip_prefix("Intervention Type ") {
            match (vocab::lookup::<InterventionType>(kind), list.last_mut()) {
                (Some(k), Some(iv)) if iv.intervention_type.is_none() => {
                    iv.intervention_type = Some(k)
                }
                _ => unplaced(study, l, Some("Interventions")),
            }
        } else if let Some(iv) = list.last_mut().filter(|iv| iv.description.is_none()) {
            iv.description = Some(l.text.to_string());
        } else {
            list.push(Intervention {
                name: Some(unescape(l.text)),
                ..Default::default()
            });
        }
    }
    let known = list
        .iter()
        .filter_map(|iv| Some((iv.name.clone()?, iv.description.clone())))
        .collect();
    study
        .protocol_section
        .arms_interventions_module
        .interventions
        .extend(list);
    known
}

/// Study groups: label, description, (labelled) "Group Type X", then the group's interventions
/// (name, description, "Intervention Type X") or "No interventions assigned to this group".
/// Intervention names from the Interventions section tell a group's interventions from the next
/// group; without that section, the line pair after a group's description is its intervention.
fn read_groups(
    study: &mut Study,
    values: &[Line<'_>],
    known: &[(String, Option<String>)],
    h: &str,
) {
    #[derive(Clone, PartialEq)]
    enum State {
        AfterLabel,
        AfterDescription,
        InIntervention { name: String, described: bool },
        Closed,
    }
    // Indexes instead of list searches, so many groups × interventions stay linear. Where a
    // name occurs twice, the first entry is the one used, as a search from the front would.
    let mut own_descriptions: HashMap<&str, Option<&str>> = HashMap::new();
    for (n, d) in known {
        own_descriptions.entry(n).or_insert(d.as_deref());
    }
    let own_description = |name: &str| own_descriptions.get(name).copied().flatten();
    let mut seen: HashSet<String> = known.iter().map(|(n, _)| n.clone()).collect();
    let mut by_name = InterventionIndex::new(
        &study
            .protocol_section
            .arms_interventions_module
            .interventions,
    );
    let mut arms: Vec<ArmGroup> = Vec::new();
    let mut state = State::Closed;
    let mut guessed = false;
    for (i, l) in values.iter().enumerate() {
        let t = l.text;
        let name = unescape(t);
        let next_is_type = values
            .get(i + 1)
            .is_some_and(|n| n.text.starts_with("Intervention Type "));
        // A known intervention name is an intervention here when its own description follows
        // (a group may share an intervention's name: then the next line is the group's description).
        let next_text = values.get(i + 1).map(|n| n.text);
        let own_desc = own_description(&name);
        let is_named =
            next_is_type || (seen.contains(&name) && (own_desc.is_none() || own_desc == next_text));
        if let Some(kind) = t.strip_prefix("Group Type ") {
            match (vocab::lookup::<ArmGroupType>(kind), arms.last_mut()) {
                (Some(k), Some(arm)) => arm.arm_type = Some(k),
                _ => unplaced(study, l, Some(h)),
            }
            continue;
        }
        if let Some(kind) = t.strip_prefix("Intervention Type ") {
            match (vocab::lookup::<InterventionType>(kind), &state) {
                (Some(k), State::InIntervention { name, .. }) => {
                    let ivs = &mut study
                        .protocol_section
                        .arms_interventions_module
                        .interventions;
                    let iv = by_name.get_or_push(ivs, name);
                    iv.intervention_type.get_or_insert(k);
                }
                _ => unplaced(study, l, Some(h)),
            }
            continue;
        }
        if t == "No interventions assigned to this group" {
            state = State::Closed;
            continue;
        }
        let start_intervention = |arms: &mut Vec<ArmGroup>, seen: &mut HashSet<String>| {
            if let Some(arm) = arms.last_mut() {
                arm.intervention_names.push(name.clone());
            }
            seen.insert(name.clone());
            State::InIntervention {
                name: name.clone(),
                described: false,
            }
        };
        state = match state.clone() {
            State::AfterLabel if is_named => start_intervention(&mut arms, &mut seen),
            State::AfterLabel => {
                if let Some(arm) = arms.last_mut() {
                    arm.description = Some(t.to_string());
                }
                State::AfterDescription
            }
            State::AfterDescription if is_named || known.is_empty() => {
                guessed |= known.is_empty() && !is_named;
                start_intervention(&mut arms, &mut seen)
            }
            State::InIntervention {
                name: current,
                described: false,
            } => {
                let own = own_description(&current);
                if own == Some(t) || (known.is_empty() && !is_named) {
                    if own.is_none() {
                        let ivs = &mut study
                            .protocol_section
                            .arms_interventions_module
                            .interventions;
                        let iv = by_name.get_or_push(ivs, &current);
                        iv.description.get_or_insert_with(|| t.to_string());
                    }
                    State::InIntervention {
                        name: current,
                        described: true,
                    }
                } else if is_named {
                    start_intervention(&mut arms, &mut seen)
                } else {
                    arms.push(ArmGroup {
                        label: Some(name.clone()),
                        ..Default::default()
                    });
                    State::AfterLabel
                }
            }
            State::InIntervention { .. } if is_named => start_intervention(&mut arms, &mut seen),
            _ => {
                arms.push(ArmGroup {
                    label: Some(name.clone()),
                    ..Default::default()
                });
                State::AfterLabel
            }
        };
    }
    if guessed {
        note(
            study,
            Severity::Info,
            values.first().map(|l| l.no),
            "Study groups were read without an Interventions section: the lines after a group's \
             description were taken as its intervention and that intervention's description."
                .into(),
        );
    }
    let module = &mut study.protocol_section.arms_interventions_module;
    // Arms name interventions as CT.gov does ("Other: X") when the type is known.
    for arm in arms.iter_mut() {
        for name in arm.intervention_names.iter_mut() {
            if let Some(iv) = by_name.get(&module.interventions, name) {
                *name = iv.display_name();
            }
        }
    }
    let mut display_names: HashSet<String> = module
        .interventions
        .iter()
        .map(Intervention::display_name)
        .collect();
    for arm in &arms {
        for name in &arm.intervention_names {
            let bare = name.split_once(": ").map(|(_, n)| n).unwrap_or(name);
            if !display_names.contains(name) && by_name.get(&module.interventions, bare).is_none() {
                by_name.get_or_push(&mut module.interventions, bare);
                display_names.insert(bare.to_string());
            }
        }
    }
    module.arm_groups.extend(arms);
}

/// Where each intervention name first stands in a record's intervention list, kept up to date
/// as interventions are added through it.
struct InterventionIndex {
    first_at: HashMap<String, usize>,
}

impl InterventionIndex {
    /// Indexes the names `interventions` holds.
    fn new(interventions: &[Intervention]) -> Self {
        let mut first_at = HashMap::new();
        for (i, iv) in interventions.iter().enumerate() {
            if let Some(name) = &iv.name {
                first_at.entry(name.clone()).or_insert(i);
            }
        }
        InterventionIndex { first_at }
    }

    /// The first intervention named `name`.
    fn get<'a>(&self, interventions: &'a [Intervention], name: &str) -> Option<&'a Intervention> {
        self.first_at.get(name).and_then(|&i| interventions.get(i))
    }

    /// The first intervention named `name`, added (with only its name) when there is none.
    fn get_or_push<'a>(
        &mut self,
        interventions: &'a mut Vec<Intervention>,
        name: &str,
    ) -> &'a mut Intervention {
        let at = *self.first_at.entry(name.to_string()).or_insert_with(|| {
            interventions.push(Intervention {
                name: Some(name.to_string()),
                ..Default::default()
            });
            interventions.len() - 1
        });
        &mut interventions[at]
    }
}

/// Criteria ("Inclusion Criteria" / "Exclusion Criteria" and `* ` items), then the trailing fields:
/// labelled ("Minimum Eligible Age" ⏎ "18 Years") or bare ("14 Years", "65 Years", "ALL", "No").
fn read_eligibility(study: &mut Study, section: &Section<'_>, values: &[Line<'_>]) {
    let h = section.heading;
    let is_field = |t: &str| {
        age::parse_age(t).is_some()
            || vocab::exact_code::<Sex>(t).is_some()
            || matches!(t, "Yes" | "No")
            || matches!(
                lookup_label(t),
                Some(Label::MinimumAge | Label::MaximumAge | Label::Sex | Label::HealthyVolunteers)
            )
    };
    let mut split = values.len();
    while split > 0 && is_field(values[split - 1].text) {
        split -= 1;
    }
    let criteria_lines: Vec<Line<'_>> = section
        .body
        .iter()
        .copied()
        .filter(|l| !is_explanation(l.text))
        .take_while(|l| values.get(split).is_none_or(|f| l.no < f.no))
        .collect();
    let tree = study
        .trialcards
        .criteria
        .get_or_insert_with(Default::default);
    criteria::build_tree(&criteria_lines, CriteriaPart::Preamble, tree);
    let fields = &values[split..];
    let mut ages = 0;
    let mut i = 0;
    while i < fields.len() {
        if place_labelled_pair(study, fields, i, h).is_some() {
            i += 2;
            continue;
        }
        let l = fields[i];
        let e = &mut study.protocol_section.eligibility_module;
        if let Some(a) = age::parse_age(l.text) {
            if ages == 0 {
                e.minimum_age = Some(a);
            } else if ages == 1 {
                e.maximum_age = Some(a);
            } else {
                unplaced(study, &l, Some(h));
            }
            ages += 1;
        } else if let Some(s) = vocab::exact_code::<Sex>(l.text) {
            e.sex = Some(s);
        } else if let Some(b) = vocab::healthy_volunteers(l.text) {
            e.healthy_volunteers = Some(b);
        } else {
            unplaced(study, &l, Some(h));
        }
        i += 1;
    }
    if ages == 1 {
        note(
            study,
            Severity::Info,
            fields.first().map(|l| l.no),
            "Only one unlabelled age is shown; it was read as the minimum age.".into(),
        );
    }
}

/// Name ⏎ CLASS [⏎ "Sponsor Role lead|collaborator"]; the lead is the one marked lead, else the first.
fn read_sponsors(study: &mut Study, values: &[Line<'_>], h: &str) {
    let mut list: Vec<(Sponsor, Option<bool>)> = Vec::new();
    for l in values {
        if let Some(role) = l.text.strip_prefix("Sponsor Role ") {
            match list.last_mut() {
                Some(last) => last.1 = Some(role.trim().eq_ignore_ascii_case("lead")),
                None => unplaced(study, l, Some(h)),
            }
        } else if let (Some(c), Some(last)) =
            (vocab::exact_code::<AgencyClass>(l.text), list.last_mut())
        {
            last.0.class = Some(c);
        } else {
            list.push((
                Sponsor {
                    name: Some(unescape(l.text)),
                    class: None,
                },
                None,
            ));
        }
    }
    let module = &mut study.protocol_section.sponsor_collaborators_module;
    let lead_at = if h == "Collaborators" {
        None
    } else {
        list.iter()
            .position(|(_, lead)| *lead == Some(true))
            .or((!list.is_empty() && module.lead_sponsor.is_none()).then_some(0))
    };
    for (i, (s, _)) in list.into_iter().enumerate() {
        if Some(i) == lead_at {
            module.lead_sponsor = Some(s);
        } else {
            module.collaborators.push(s);
        }
    }
}

fn read_responsible(study: &mut Study, values: &[Line<'_>], h: &str) {
    for l in values {
        let value = l
            .text
            .strip_prefix("Responsibility Role ")
            .unwrap_or(l.text);
        match vocab::exact_code::<ResponsiblePartyType>(value) {
            Some(t) => {
                study
                    .protocol_section
                    .sponsor_collaborators_module
                    .responsible_party
                    .get_or_insert_with(ResponsibleParty::default)
                    .party_type = Some(t)
            }
            None => unplaced(study, l, Some(h)),
        }
    }
}

/// Name ⏎ "Role: PRINCIPAL_INVESTIGATOR" ⏎ affiliation.
fn read_officials(study: &mut Study, values: &[Line<'_>], h: &str) {
    let officials = &mut study
        .protocol_section
        .contacts_locations_module
        .overall_officials;
    let mut stray = Vec::new();
    for l in values {
        if let Some(role) = l.text.strip_prefix("Role:") {
            match (vocab::lookup::<OfficialRole>(role), officials.last_mut()) {
                (Some(r), Some(o)) => o.role = Some(r),
                _ => stray.push(*l),
            }
        } else if let Some(o) = officials
            .last_mut()
            .filter(|o| o.role.is_some() && o.affiliation.is_none())
        {
            o.affiliation = Some(unescape(l.text));
        } else {
            officials.push(Official {
                name: Some(unescape(l.text)),
                ..Default::default()
            });
        }
    }
    stray.iter().for_each(|l| unplaced(study, l, Some(h)));
}

/// Facility ⏎ "City, State, Country" [⏎ STATUS].
fn read_locations(study: &mut Study, values: &[Line<'_>]) {
    let locs = &mut study.protocol_section.contacts_locations_module.locations;
    for l in values {
        if let (Some(s), Some(loc)) = (
            vocab::exact_code::<RecruitmentStatus>(l.text),
            locs.last_mut(),
        ) {
            loc.status = Some(s);
        } else if let Some(loc) = locs
            .last_mut()
            .filter(|loc| loc.country.is_none() && loc.facility.is_some())
        {
            let parts: Vec<&str> = l.text.split(',').map(str::trim).collect();
            let (zip, places): (Vec<&str>, Vec<&str>) = parts
                .iter()
                .partition(|p| p.chars().any(|c| c.is_ascii_digit()));
            loc.zip = zip.first().map(|z| z.to_string());
            match places.as_slice() {
                [country] => loc.country = Some(country.to_string()),
                [city, country] => {
                    loc.city = Some(city.to_string());
                    loc.country = Some(country.to_string());
                }
                [city, middle @ .., country] => {
                    loc.city = Some(city.to_string());
                    loc.state = Some(middle.join(", "));
                    loc.country = Some(country.to_string());
                }
                [] => {}
            }
        } else {
            locs.push(Location {
                facility: Some(unescape(l.text)),
                ..Default::default()
            });
        }
    }
}

/// Name ⏎ "Role: CONTACT" ⏎ phone ⏎ e-mail.
fn read_contact_list(study: &mut Study, values: &[Line<'_>], h: &str) -> Vec<Contact> {
    let mut out: Vec<Contact> = Vec::new();
    for l in values {
        if let Some(role) = l.text.strip_prefix("Role:") {
            match (vocab::lookup::<ContactRole>(role), out.last_mut()) {
                (Some(r), Some(c)) => c.role = Some(r),
                _ => unplaced(study, l, Some(h)),
            }
        } else {
            contact::add_contact_line(&mut out, l.text);
        }
    }
    out
}

/// One citation per line; "PMID: n" and "DOI: x" lines (or inline mentions) belong to the citation before.
fn read_references(study: &mut Study, values: &[Line<'_>]) {
    let refs = &mut study.protocol_section.references_module.references;
    let dois = &mut study.trialcards.reference_dois;
    for l in values {
        let t = l.text;
        let lower = t.to_ascii_lowercase();
        if let Some(pmid) = lower.strip_prefix("pmid:") {
            if let Some(r) = refs.last_mut() {
                r.pmid = Some(pmid.trim().to_string());
                continue;
            }
        }
        if lower.starts_with("doi:") && !refs.is_empty() {
            dois.push(ReferenceDoi {
                index: refs.len() - 1,
                doi: t[4..].trim().trim_end_matches('.').to_string(),
            });
            continue;
        }
        let mut r = Reference {
            citation: Some(t.to_string()),
            ..Default::default()
        };
        if let Some(i) = lower.find("pmid:") {
            let digits: String = t[i + 5..]
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if !digits.is_empty() {
                r.pmid = Some(digits);
            }
        }
        if let Some(i) = lower.find("doi: ") {
            let doi = t[i + 5..]
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .trim_end_matches('.');
            if !doi.is_empty() {
                dois.push(ReferenceDoi {
                    index: refs.len(),
                    doi: doi.to_string(),
                });
            }
        }
        refs.push(r);
    }
}

/// ID ⏎ "Identifier Type: X|-" ⏎ "Identifier Source: org_study_id|secondary_id" [⏎ "Identifier Domain: X"].
fn read_other_ids(study: &mut Study, values: &[Line<'_>], h: &str) {
    struct Entry {
        id: String,
        kind: Option<String>,
        source: Option<String>,
        domain: Option<String>,
    }
    let mut list: Vec<Entry> = Vec::new();
    for l in values {
        let attr = |p: &str| l.text.strip_prefix(p).map(|v| v.trim().to_string());
        if let (Some(v), Some(e)) = (attr("Identifier Type:"), list.last_mut()) {
            e.kind = (v != "-").then_some(v);
        } else if let (Some(v), Some(e)) = (attr("Identifier Source:"), list.last_mut()) {
            e.source = Some(v);
        } else if let (Some(v), Some(e)) = (attr("Identifier Domain:"), list.last_mut()) {
            e.domain = (v != "-").then_some(v);
        } else if l.text.starts_with("Identifier ") {
            unplaced(study, l, Some(h));
        } else {
            list.push(Entry {
                id: l.text.to_string(),
                kind: None,
                source: None,
                domain: None,
            });
        }
    }
    let idm = &mut study.protocol_section.identification_module;
    for e in list {
        if e.source.as_deref() == Some("org_study_id") {
            idm.org_study_id_info = Some(OrgStudyIdInfo {
                id: Some(e.id),
                id_type: e.kind,
                link: None,
            });
        } else if ids::is_nct_id(&e.id) && e.source.as_deref() == Some("nct_alias") {
            idm.nct_id_aliases.push(e.id);
        } else {
            idm.secondary_id_infos.push(SecondaryIdInfo {
                id: Some(e.id),
                id_type: e.kind.as_deref().and_then(vocab::lookup::<SecondaryIdType>),
                domain: e.domain,
                link: None,
            });
        }
    }
}

/// The overview paragraph, then labelled or bare values: status, phase, enrollment,
/// primary outcome time frame, results posted date.
fn read_overview(study: &mut Study, values: &[Line<'_>], h: &str) {
    study.has_results = Some(true);
    let starts_values = |t: &str| {
        vocab::exact_code::<Status>(t).is_some()
            || matches!(
                lookup_label(t),
                Some(Label::OverallStatus | Label::Phase | Label::Enrollment)
                    | Some(Label::PrimaryOutcomeTimeFrame)
            )
            || t == "Results posted on"
    };
    let split = values
        .iter()
        .position(|l| starts_values(l.text))
        .unwrap_or(values.len());
    let overview: Vec<&str> = values[..split].iter().map(|l| l.text).collect();
    if !overview.is_empty() {
        results(study).overview = Some(overview.join("\n\n"));
    }
    let rest = &values[split..];
    let mut free: Vec<Line<'_>> = Vec::new();
    let mut i = 0;
    while i < rest.len() {
        let l = rest[i];
        let t = l.text;
        if t == "Results posted on" {
            if let Some(v) = rest.get(i + 1) {
                results(study).results_posted_date = Some(v.text.to_string());
                i += 2;
                continue;
            }
        }
        if place_labelled_pair(study, rest, i, h).is_some() {
            i += 2;
            continue;
        }
        let p = &mut study.protocol_section;
        if let Some(s) = vocab::exact_code::<Status>(t) {
            p.status_module.overall_status = Some(s);
        } else if !vocab::phases(t).is_empty() && t.to_uppercase() == t {
            p.design_module.phases.extend(vocab::phases(t));
            vocab::sort_phases(&mut p.design_module.phases);
        } else if let Some(c) = enrollment::parse_count_phrase(t) {
            p.design_module.enrollment_info = Some(EnrollmentInfo {
                count: Some(c.count),
                enrollment_type: None,
            });
        } else {
            free.push(l);
        }
        i += 1;
    }
    // Bare rendering: the time frame, then the posted date last.
    if let Some(last) = free.last().copied() {
        if date::parse_date(last.text).is_some() && results(study).results_posted_date.is_none() {
            results(study).results_posted_date = date::parse_date(last.text);
            free.pop();
        }
    }
    if !free.is_empty() && results(study).primary_outcome_time_frame.is_none() {
        let tf: Vec<&str> = free.iter().map(|l| l.text).collect();
        results(study).primary_outcome_time_frame = Some(tf.join(" "));
    } else {
        free.iter().for_each(|l| unplaced(study, l, Some(h)));
    }
}

/// When `values[i]` is a label the synonym table knows and a value line follows, places the
/// pair and returns the label: the two lines are consumed. When the value does not fit the
/// field, both lines are kept as unplaced and the reason comes back beside the label.
fn place_labelled_pair(
    study: &mut Study,
    values: &[Line<'_>],
    i: usize,
    h: &str,
) -> Option<(Label, Option<String>)> {
    let label = lookup_label(values.get(i)?.text)?;
    let value = values.get(i + 1)?;
    let misfit = assign(study, label, value.text).err();
    if misfit.is_some() {
        unplaced(study, &values[i], Some(h));
        unplaced(study, value, Some(h));
    }
    Some((label, misfit))
}
