//! Reader for meddatax.com pages: study pages in both renderings (labelled: "Recruitment Status"
//! then the value; bare: values in a fixed order, recognised by CT.gov vocabulary and position)
//! and results pages ("Trial Outcomes & Findings for …"). Every section heading is followed by
//! one explanatory sentence of the site, which is dropped.

use crate::case::Cased;
use std::collections::{HashMap, HashSet};

use super::results_page::{self, table, Part, Placed};
use super::{note, split_sections, unplaced, ReadPage, Section};
use crate::fields::assign::design_info;
use crate::fields::criteria::{self, CriteriaPart};
use crate::fields::markup::unescape;
use crate::fields::{age, contact, date, enrollment, ids};
use crate::lines::{lookup_label, Label, Line};
use crate::model::enums::*;
use crate::model::{
    ArmGroup, Contact, DateStruct, EnrollmentInfo, Intervention, LabelledValue, LineSpan, Location,
    Official, OrgStudyIdInfo, Reference, ReferenceDoi, RelatedTrial, ResponsibleParty,
    SecondaryIdInfo, Severity, Sponsor, Study,
};
use crate::reading::spans::{self, keys, path_of, Items};
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

/// The labels of a results page's point of contact, its last lines.
const CONTACT_LABELS: &[&str] = &["Name/Title:", "Organization:", "Phone:", "Email:", "EMail:"];

/// Where a meddatax page that starts at `lines[0]` ends: after its closing "More Related
/// Trials" list (a line of explanation, then pairs of a title and an "NCT… STATUS PHASE" line),
/// or, on a results page without one, after the labelled lines of its "Results Point of
/// Contact". `None` when the page has neither: then it runs to the next page's start.
pub fn page_end(lines: &[Line<'_>]) -> Option<usize> {
    let Some(heading) = lines.iter().position(|l| l.text == "More Related Trials") else {
        let contact = lines
            .iter()
            .position(|l| l.text == "Results Point of Contact")?;
        let mut end = contact + 1;
        for (i, l) in lines.iter().enumerate().skip(contact + 1) {
            if CONTACT_LABELS.iter().any(|c| l.text.starts_with(c)) {
                end = i + 1;
            } else if !l.is_blank() {
                break;
            }
        }
        return Some(end);
    };
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
                let text = markdown(&values);
                let span = text.as_ref().and(spans::of_lines(&values));
                spans::set(&mut study, path_of(Label::BriefSummary), span);
                study.protocol_section.description_module.brief_summary = text;
            }
            "Detailed Description" => {
                let text = markdown(&values);
                let span = text.as_ref().and(spans::of_lines(&values));
                spans::set(&mut study, path_of(Label::DetailedDescription), span);
                study
                    .protocol_section
                    .description_module
                    .detailed_description = text;
            }
            "Official Title" => {
                if let Some(first) = values.first() {
                    let _ = placed_line(&mut study, Label::OfficialTitle, first);
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
                let _ = placed_line(&mut study, Label::Conditions, l);
            }),
            "Keywords" => values.iter().for_each(|l| {
                let _ = placed_line(&mut study, Label::Keywords, l);
            }),
            "Study Design" => read_design(&mut study, &values, h, observational),
            "Study Groups" => read_groups(&mut study, &values, &known, h),
            "Eligibility Criteria" => read_eligibility(&mut study, section, &values),
            "Sponsors" | "Collaborators" => read_sponsors(&mut study, &values, h),
            "Responsible Party" => read_responsible(&mut study, &values, h),
            "Principal Investigators" => read_officials(&mut study, &values, h),
            "Locations" => read_locations(&mut study, &values),
            "Countries" => values.iter().for_each(|l| {
                let countries = &mut study.trialcards.countries;
                countries.push(l.text.to_string());
                let at = countries.len() - 1;
                spans::item(&mut study, path_of(Label::Countries), at, l.no, l.no);
            }),
            "Central Contacts" => {
                let (contacts, items) = read_contact_list(&mut study, &values, h);
                let central = &mut study
                    .protocol_section
                    .contacts_locations_module
                    .central_contacts;
                let offset = central.len();
                central.extend(contacts);
                items.record(&mut study, keys::CENTRAL_CONTACTS, offset);
            }
            "Facility Contacts" => {
                let (contacts, items) = read_contact_list(&mut study, &values, h);
                let locs = &mut study.protocol_section.contacts_locations_module.locations;
                if let [only] = locs.as_mut_slice() {
                    let offset = only.contacts.len();
                    only.contacts.extend(contacts);
                    let list = spans::item_path(keys::LOCATIONS, 0) + ".contacts";
                    items.record(&mut study, &list, offset);
                } else if !contacts.is_empty() {
                    values.iter().for_each(|l| unplaced(&mut study, l, Some(h)));
                }
            }
            "References" => read_references(&mut study, &values),
            "Other Identifiers" => read_other_ids(&mut study, &values, h),
            "Results Overview" => {
                has_results(&mut study, true, section.line);
                read_overview(&mut study, &values, h)
            }
            "Participant Flow" => {
                has_results(&mut study, true, section.line);
                let text = text_block(&values);
                let span = text.as_ref().and(spans::of_lines(&values));
                spans::set(&mut study, keys::PARTICIPANT_FLOW, span);
                results(&mut study).participant_flow = text;
            }
            _ => {
                // Other results sections and outcome lists are kept as text.
                if let Some(text) = text_block(&values) {
                    let sections = &mut results(&mut study).sections;
                    sections.push(LabelledValue {
                        label: h.to_string(),
                        value: text,
                        line: Some(section.line),
                    });
                    let at = sections.len() - 1;
                    let to = values.last().map_or(section.line, |l| l.no);
                    spans::item(&mut study, keys::RESULTS_SECTIONS, at, section.line, to);
                }
            }
        }
    }
    if study.has_results == Some(true) {
        read_results(&mut study, &sections);
    }
    ReadPage { study, complete }
}

/// The results page's parts: each results section's lines (the adverse events' and the more
/// information's with their headings, which start lists of their own), sections of one part
/// together.
pub(crate) fn results_parts<'a>(sections: &[Section<'a>]) -> Vec<(Part, Vec<Line<'a>>)> {
    let mut parts: Vec<(Part, Vec<Line<'a>>)> = Vec::new();
    for s in sections {
        let (part, with_heading) = match s.heading {
            "Participant Flow" => (Part::Flow, false),
            "Baseline Characteristics" => (Part::Baseline, false),
            "Outcome Measures" | "Primary Outcomes" | "Secondary Outcomes" => {
                (Part::Outcomes, false)
            }
            "Adverse Events" | "Serious Adverse Events" | "Other Adverse Events" => {
                (Part::Events, true)
            }
            "Limitations and Caveats"
            | "More Information"
            | "Certain Agreements"
            | "Results Point of Contact" => (Part::MoreInfo, true),
            _ => continue,
        };
        let mut lines = s.values();
        if lines.first().is_some_and(|l| is_explanation(l.text)) {
            lines.remove(0);
        }
        if with_heading {
            lines.insert(
                0,
                Line {
                    no: s.line,
                    text: s.heading,
                    indent: 0,
                },
            );
        }
        match parts.last_mut() {
            Some((p, ls)) if *p == part => ls.extend(lines),
            _ => parts.push((part, lines)),
        }
    }
    parts
}

/// Reads a results page's tables into the record's `resultsSection`, beside the sections kept
/// as text; what each part placed.
pub(crate) fn read_results(study: &mut Study, sections: &[Section<'_>]) -> Vec<Placed> {
    results_parts(sections)
        .into_iter()
        .map(|(part, lines)| results_page::read(study, part, table::page_style(&lines), &lines))
        .collect()
}

/// The non-blank lines of a section without the site's explanatory sentence.
fn values_of<'a>(study: &mut Study, section: &Section<'a>) -> Vec<Line<'a>> {
    let mut values = section.values();
    if values.first().is_some_and(|l| is_explanation(l.text)) {
        let first = values.remove(0);
        if first.text.starts_with("The study team has not published") {
            has_results(study, false, first.no);
        }
    }
    values
}

/// Sets whether the trial has results, as line `no` says; the span stays with the first line
/// that said what the record holds.
fn has_results(study: &mut Study, value: bool, no: usize) {
    if study.has_results != Some(value) {
        spans::at(study, keys::HAS_RESULTS, no, no);
    }
    study.has_results = Some(value);
}

/// Records line `no` as the span of the bare value it gave `label`'s field: phases gather over
/// their lines, any other value is the line's alone.
fn bare_value(study: &mut Study, label: Label, no: usize) {
    if label == Label::Phase {
        spans::widen(study, path_of(label), no, no);
    } else {
        spans::at(study, path_of(label), no, no);
    }
}

/// Places line `l` as the value of `label`, the line its span.
fn placed_line(study: &mut Study, label: Label, l: &Line<'_>) -> Result<(), String> {
    spans::assign_at(study, label, l.text, l.no)
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
            has_results(study, true, l.no);
            let (title, id) = match rest.rfind(" (NCT ") {
                Some(i) => (
                    &rest[..i],
                    rest[i..].trim_matches(|c| c == '(' || c == ')' || c == ' '),
                ),
                None => (rest, ""),
            };
            study.protocol_section.identification_module.brief_title = Some(unescape(title));
            spans::at(study, path_of(Label::BriefTitle), l.no, l.no);
            if let Some(found) = ids::find_nct_ids(id).first() {
                study.protocol_section.identification_module.nct_id = Some(found.to_string());
                spans::at(study, path_of(Label::NctId), l.no, l.no);
            }
        } else if let Some(rest) = l.text.strip_prefix("NCT ID:") {
            if let Err(why) = spans::assign_at(study, Label::NctId, rest, l.no) {
                note(study, Severity::Warning, Some(l.no), why);
                unplaced(study, l, None);
            }
        } else if let Some(rest) = l.text.strip_prefix("Last Updated:") {
            if spans::assign_at(study, Label::LastUpdate, rest, l.no).is_err() {
                unplaced(study, l, None);
            }
        } else if study.brief_title().is_none() && study.nct_id().is_none() {
            study.protocol_section.identification_module.brief_title = Some(unescape(l.text));
            spans::at(study, path_of(Label::BriefTitle), l.no, l.no);
            guessed_title = Some(*l);
        } else {
            unplaced(study, l, None);
        }
    }
}

fn read_results_status(study: &mut Study, values: &[Line<'_>], h: &str) {
    for l in values {
        if l.text == "Results pending" || is_explanation(l.text) {
            has_results(study, false, l.no);
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
        let filled = if let Some(s) = vocab::exact_code::<Status>(t) {
            p.status_module.overall_status = Some(s);
            Some(Label::OverallStatus)
        } else if !vocab::phases(t).is_empty() && t.uppercased() == t {
            p.design_module.phases.extend(vocab::phases(t));
            vocab::sort_phases(&mut p.design_module.phases);
            Some(Label::Phase)
        } else if let Some(st) = vocab::exact_code::<StudyType>(t) {
            p.design_module.study_type = Some(st);
            Some(Label::StudyType)
        } else if let Some(c) = enrollment::parse_count_phrase(t) {
            p.design_module.enrollment_info = Some(EnrollmentInfo {
                count: Some(c.count),
                enrollment_type: None,
            });
            Some(Label::Enrollment)
        } else if let Some(d) = date::parse_date(t) {
            let (slot, label) = if dates == 0 {
                (&mut p.status_module.start_date_struct, Label::StartDate)
            } else {
                (
                    &mut p.status_module.completion_date_struct,
                    Label::CompletionDate,
                )
            };
            dates += 1;
            (dates <= 2).then(|| {
                *slot = Some(DateStruct::new(d));
                label
            })
        } else {
            None
        };
        match filled {
            Some(label) => bare_value(study, label, l.no),
            None => unplaced(study, &l, Some(h)),
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
            let from = title.map_or(l.no, |t| t.no);
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
            let related = &mut study.trialcards.related_trials;
            related.push(trial);
            let at = related.len() - 1;
            spans::item(study, keys::RELATED_TRIALS, at, from, l.no);
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
    /// The field of each slot, in CT.gov's order.
    const SLOTS: [Label; 6] = [
        Label::Allocation,
        Label::InterventionModel,
        Label::PrimaryPurpose,
        Label::Masking,
        Label::ObservationalModel,
        Label::TimePerspective,
    ];
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
        let mut placed = None;
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
                placed = Some(SLOTS[s]);
                break;
            }
        }
        match placed {
            Some(label) => bare_value(study, label, l.no),
            None => unplaced(study, &l, Some(h)),
        }
        i += 1;
    }
}

/// Interventions: a name, its description, and (labelled) "Intervention Type X" before or after it.
/// Returns the names, to tell groups from interventions under "Study Groups".
fn read_interventions(study: &mut Study, values: &[Line<'_>]) -> Vec<(String, Option<String>)> {
    let mut list: Vec<Intervention> = Vec::new();
    let mut items = Items::default();
    for l in values {
        if let Some(kind) = l.text.strip_prefix("Intervention Type ") {
            match (vocab::lookup::<InterventionType>(kind), list.last_mut()) {
                (Some(k), Some(iv)) if iv.intervention_type.is_none() => {
                    iv.intervention_type = Some(k)
                }
                _ => {
                    unplaced(study, l, Some("Interventions"));
                    continue;
                }
            }
        } else if let Some(iv) = list.last_mut().filter(|iv| iv.description.is_none()) {
            iv.description = Some(l.text.to_string());
        } else {
            list.push(Intervention {
                name: Some(unescape(l.text)),
                ..Default::default()
            });
        }
        items.took(list.len(), l.no);
    }
    let known = list
        .iter()
        .filter_map(|iv| Some((iv.name.clone()?, iv.description.clone())))
        .collect();
    let interventions = &mut study
        .protocol_section
        .arms_interventions_module
        .interventions;
    let offset = interventions.len();
    interventions.extend(list);
    items.record(study, path_of(Label::Interventions), offset);
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
    let listed = &study
        .protocol_section
        .arms_interventions_module
        .interventions;
    let mut by_name = InterventionIndex::new(listed);
    let listed_before = listed.len();
    let mut arms: Vec<ArmGroup> = Vec::new();
    let mut arm_items = Items::default();
    // The lines that name each intervention a group lists, and fill its type or description.
    let mut named: HashMap<String, LineSpan> = HashMap::new();
    let mut state = State::Closed;
    let mut guessed = false;
    for (i, l) in values.iter().enumerate() {
        let t = l.text;
        let name = unescape(t);
        let arm_count = arms.len();
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
                (Some(k), Some(arm)) => {
                    arm.arm_type = Some(k);
                    arm_items.took(arm_count, l.no);
                }
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
                    take_in(&mut named, name, l.no);
                    arm_items.took(arm_count, l.no);
                }
                _ => unplaced(study, l, Some(h)),
            }
            continue;
        }
        if t == "No interventions assigned to this group" {
            state = State::Closed;
            arm_items.took(arm_count, l.no);
            continue;
        }
        let start_intervention =
            |arms: &mut Vec<ArmGroup>,
             seen: &mut HashSet<String>,
             named: &mut HashMap<String, LineSpan>| {
                if let Some(arm) = arms.last_mut() {
                    arm.intervention_names.push(name.clone());
                }
                seen.insert(name.clone());
                take_in(named, &name, l.no);
                State::InIntervention {
                    name: name.clone(),
                    described: false,
                }
            };
        state = match state.clone() {
            State::AfterLabel if is_named => start_intervention(&mut arms, &mut seen, &mut named),
            State::AfterLabel => {
                if let Some(arm) = arms.last_mut() {
                    arm.description = Some(t.to_string());
                }
                State::AfterDescription
            }
            State::AfterDescription if is_named || known.is_empty() => {
                guessed |= known.is_empty() && !is_named;
                start_intervention(&mut arms, &mut seen, &mut named)
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
                        take_in(&mut named, &current, l.no);
                    }
                    State::InIntervention {
                        name: current,
                        described: true,
                    }
                } else if is_named {
                    start_intervention(&mut arms, &mut seen, &mut named)
                } else {
                    arms.push(ArmGroup {
                        label: Some(name.clone()),
                        ..Default::default()
                    });
                    State::AfterLabel
                }
            }
            State::InIntervention { .. } if is_named => {
                start_intervention(&mut arms, &mut seen, &mut named)
            }
            _ => {
                arms.push(ArmGroup {
                    label: Some(name.clone()),
                    ..Default::default()
                });
                State::AfterLabel
            }
        };
        arm_items.took(arms.len(), l.no);
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
                if let Some(&span) = named.get(name.as_str()) {
                    named.entry(bare.to_string()).or_insert(span);
                }
            }
        }
    }
    // The interventions only the groups named keep the lines that named them.
    let added: Vec<(usize, LineSpan)> = (listed_before..module.interventions.len())
        .filter_map(|j| {
            let name = module.interventions[j].name.as_deref()?;
            Some((j, *named.get(name)?))
        })
        .collect();
    let offset = module.arm_groups.len();
    module.arm_groups.extend(arms);
    arm_items.record(study, keys::ARM_GROUPS, offset);
    for (j, s) in added {
        spans::item(study, path_of(Label::Interventions), j, s.from, s.to);
    }
}

/// Widens the span of the intervention `name` to take in line `no` (starting it there when
/// the name has none).
fn take_in(named: &mut HashMap<String, LineSpan>, name: &str, no: usize) {
    let span = named
        .entry(name.to_string())
        .or_insert(LineSpan { from: no, to: no });
    span.to = span.to.max(no);
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
    spans::criteria(study, spans::of_lines(&criteria_lines), |tree| {
        criteria::build_tree(&criteria_lines, CriteriaPart::Preamble, tree)
    });
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
        let filled = if let Some(a) = age::parse_age(l.text) {
            ages += 1;
            match ages {
                1 => Some((&mut e.minimum_age, Label::MinimumAge)),
                2 => Some((&mut e.maximum_age, Label::MaximumAge)),
                _ => None,
            }
            .map(|(slot, label)| {
                *slot = Some(a);
                label
            })
        } else if let Some(s) = vocab::exact_code::<Sex>(l.text) {
            e.sex = Some(s);
            Some(Label::Sex)
        } else if let Some(b) = vocab::healthy_volunteers(l.text) {
            e.healthy_volunteers = Some(b);
            Some(Label::HealthyVolunteers)
        } else {
            None
        };
        match filled {
            Some(label) => bare_value(study, label, l.no),
            None => unplaced(study, &l, Some(h)),
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
    let mut items = Items::default();
    // The line of each sponsor's class.
    let mut class_at: Vec<Option<usize>> = Vec::new();
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
            if let Some(at) = class_at.last_mut() {
                *at = Some(l.no);
            }
        } else {
            list.push((
                Sponsor {
                    name: Some(unescape(l.text)),
                    class: None,
                },
                None,
            ));
            class_at.push(None);
        }
        items.took(list.len(), l.no);
    }
    let module = &mut study.protocol_section.sponsor_collaborators_module;
    let lead_at = if h == "Collaborators" {
        None
    } else {
        list.iter()
            .position(|(_, lead)| *lead == Some(true))
            .or((!list.is_empty() && module.lead_sponsor.is_none()).then_some(0))
    };
    let mut found: Vec<(String, Option<LineSpan>)> = Vec::new();
    for (i, (s, _)) in list.into_iter().enumerate() {
        let span = items.get(i);
        if Some(i) == lead_at {
            module.lead_sponsor = Some(s);
            // The name is the entry's first line.
            let name = span.map(|n| LineSpan { to: n.from, ..n });
            let class = class_at[i].map(|no| LineSpan { from: no, to: no });
            found.push((path_of(Label::LeadSponsor).to_string(), name));
            found.push((path_of(Label::SponsorClass).to_string(), class));
        } else {
            module.collaborators.push(s);
            let at = module.collaborators.len() - 1;
            found.push((spans::item_path(keys::COLLABORATORS, at), span));
        }
    }
    for (path, span) in found {
        spans::set(study, &path, span);
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
                    .party_type = Some(t);
                spans::at(study, keys::RESPONSIBLE_PARTY_TYPE, l.no, l.no);
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
    let mut items = Items::after(officials.len());
    let mut stray = Vec::new();
    for l in values {
        if let Some(role) = l.text.strip_prefix("Role:") {
            match (vocab::lookup::<OfficialRole>(role), officials.last_mut()) {
                (Some(r), Some(o)) => o.role = Some(r),
                _ => {
                    stray.push(*l);
                    continue;
                }
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
        items.took(officials.len(), l.no);
    }
    items.record(study, keys::OFFICIALS, 0);
    stray.iter().for_each(|l| unplaced(study, l, Some(h)));
}

/// Facility ⏎ "City, State, Country" [⏎ STATUS].
fn read_locations(study: &mut Study, values: &[Line<'_>]) {
    let locs = &mut study.protocol_section.contacts_locations_module.locations;
    let mut items = Items::after(locs.len());
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
        items.took(locs.len(), l.no);
    }
    items.record(study, keys::LOCATIONS, 0);
}

/// Name ⏎ "Role: CONTACT" ⏎ phone ⏎ e-mail. Returns the contacts and the lines of each.
fn read_contact_list(study: &mut Study, values: &[Line<'_>], h: &str) -> (Vec<Contact>, Items) {
    let mut out: Vec<Contact> = Vec::new();
    let mut items = Items::default();
    for l in values {
        if let Some(role) = l.text.strip_prefix("Role:") {
            match (vocab::lookup::<ContactRole>(role), out.last_mut()) {
                (Some(r), Some(c)) => c.role = Some(r),
                _ => {
                    unplaced(study, l, Some(h));
                    continue;
                }
            }
        } else {
            contact::add_contact_line(&mut out, l.text);
        }
        items.took(out.len(), l.no);
    }
    (out, items)
}

/// One citation per line; "PMID: n" and "DOI: x" lines (or inline mentions) belong to the citation before.
fn read_references(study: &mut Study, values: &[Line<'_>]) {
    let refs = &mut study.protocol_section.references_module.references;
    let dois = &mut study.trialcards.reference_dois;
    let mut items = Items::after(refs.len());
    let mut doi_items = Items::after(dois.len());
    for l in values {
        let t = l.text;
        let lower = t.to_ascii_lowercase();
        if let Some(pmid) = lower.strip_prefix("pmid:") {
            if let Some(r) = refs.last_mut() {
                r.pmid = Some(pmid.trim().to_string());
                items.took(refs.len(), l.no);
                continue;
            }
        }
        if lower.starts_with("doi:") && !refs.is_empty() {
            dois.push(ReferenceDoi {
                index: refs.len() - 1,
                doi: t[4..].trim().trim_end_matches('.').to_string(),
            });
            items.took(refs.len(), l.no);
            doi_items.took(dois.len(), l.no);
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
                doi_items.took(dois.len(), l.no);
            }
        }
        refs.push(r);
        items.took(refs.len(), l.no);
    }
    items.record(study, keys::REFERENCES, 0);
    doi_items.record(study, keys::REFERENCE_DOIS, 0);
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
    let mut items = Items::default();
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
            continue;
        } else {
            list.push(Entry {
                id: l.text.to_string(),
                kind: None,
                source: None,
                domain: None,
            });
        }
        items.took(list.len(), l.no);
    }
    let idm = &mut study.protocol_section.identification_module;
    let mut found: Vec<(String, Option<LineSpan>)> = Vec::new();
    for (k, e) in list.into_iter().enumerate() {
        let path = if e.source.as_deref() == Some("org_study_id") {
            idm.org_study_id_info = Some(OrgStudyIdInfo {
                id: Some(e.id),
                id_type: e.kind,
                link: None,
            });
            path_of(Label::OrgStudyId).to_string()
        } else if ids::is_nct_id(&e.id) && e.source.as_deref() == Some("nct_alias") {
            idm.nct_id_aliases.push(e.id);
            spans::item_path(keys::NCT_ID_ALIASES, idm.nct_id_aliases.len() - 1)
        } else {
            idm.secondary_id_infos.push(SecondaryIdInfo {
                id: Some(e.id),
                id_type: e.kind.as_deref().and_then(vocab::lookup::<SecondaryIdType>),
                domain: e.domain,
                link: None,
            });
            spans::item_path(keys::SECONDARY_IDS, idm.secondary_id_infos.len() - 1)
        };
        found.push((path, items.get(k)));
    }
    for (path, span) in found {
        spans::set(study, &path, span);
    }
}

/// The overview paragraph, then labelled or bare values: status, phase, enrollment,
/// primary outcome time frame, results posted date.
fn read_overview(study: &mut Study, values: &[Line<'_>], h: &str) {
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
        spans::set(
            study,
            keys::RESULTS_OVERVIEW,
            spans::of_lines(&values[..split]),
        );
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
                spans::at(study, keys::RESULTS_POSTED, v.no, v.no);
                i += 2;
                continue;
            }
        }
        if place_labelled_pair(study, rest, i, h).is_some() {
            i += 2;
            continue;
        }
        let p = &mut study.protocol_section;
        let filled = if let Some(s) = vocab::exact_code::<Status>(t) {
            p.status_module.overall_status = Some(s);
            Some(Label::OverallStatus)
        } else if !vocab::phases(t).is_empty() && t.uppercased() == t {
            p.design_module.phases.extend(vocab::phases(t));
            vocab::sort_phases(&mut p.design_module.phases);
            Some(Label::Phase)
        } else if let Some(c) = enrollment::parse_count_phrase(t) {
            p.design_module.enrollment_info = Some(EnrollmentInfo {
                count: Some(c.count),
                enrollment_type: None,
            });
            Some(Label::Enrollment)
        } else {
            free.push(l);
            None
        };
        if let Some(label) = filled {
            bare_value(study, label, l.no);
        }
        i += 1;
    }
    // Bare rendering: the time frame, then the posted date last.
    if let Some(last) = free.last().copied() {
        if date::parse_date(last.text).is_some() && results(study).results_posted_date.is_none() {
            results(study).results_posted_date = date::parse_date(last.text);
            spans::at(study, keys::RESULTS_POSTED, last.no, last.no);
            free.pop();
        }
    }
    if !free.is_empty() && results(study).primary_outcome_time_frame.is_none() {
        let tf: Vec<&str> = free.iter().map(|l| l.text).collect();
        results(study).primary_outcome_time_frame = Some(tf.join(" "));
        let span = spans::of_lines(&free);
        spans::set(study, path_of(Label::PrimaryOutcomeTimeFrame), span);
    } else {
        free.iter().for_each(|l| unplaced(study, l, Some(h)));
    }
}

/// When `values[i]` is a label the synonym table knows and a value line follows, places the
/// pair (the value's line is its span) and returns the label: the two lines are consumed. When the value does not fit the
/// field, both lines are kept as unplaced and the reason comes back beside the label.
fn place_labelled_pair(
    study: &mut Study,
    values: &[Line<'_>],
    i: usize,
    h: &str,
) -> Option<(Label, Option<String>)> {
    let label = lookup_label(values.get(i)?.text)?;
    let value = values.get(i + 1)?;
    let misfit = placed_line(study, label, value).err();
    if misfit.is_some() {
        unplaced(study, &values[i], Some(h));
        unplaced(study, value, Some(h));
    }
    Some((label, misfit))
}

#[cfg(test)]
mod tests {
    //! One test per section reader: a few fictional lines in the site's layout, the fields they
    //! fill, the lines each value was read from, and the lines left unplaced.
    use super::*;
    use crate::lines;
    use crate::reading::spans::testing::{span, spanned_text};

    use crate::lines::non_blank as values;

    /// A section under `heading` (on line 1) whose body is `text`, from line 2.
    fn section<'a>(heading: &'a str, text: &'a str) -> Section<'a> {
        let body = lines::scan(text)
            .into_iter()
            .map(|l| Line { no: l.no + 1, ..l })
            .collect();
        Section {
            heading,
            line: 1,
            body,
        }
    }

    /// The texts of the lines the reader left unplaced.
    fn unplaced_texts(s: &Study) -> Vec<&str> {
        let lines = &s.trialcards.unrecognized;
        lines.iter().map(|u| u.text.as_str()).collect()
    }

    /// The paths that have a span, in order.
    fn span_paths(s: &Study) -> Vec<&str> {
        s.trialcards.spans.keys().map(String::as_str).collect()
    }

    #[test]
    fn preface_gives_title_id_and_last_update() {
        let mut s = Study::default();
        let text = "Fictional Tea Trial\n\nNCT ID: NCT09990401\nLast Updated: 2031-03-04\nShare";
        read_preface(&mut s, &lines::scan(text));
        assert_eq!(s.brief_title(), Some("Fictional Tea Trial"));
        assert_eq!(s.nct_id(), Some("NCT09990401"));
        let updated = &s
            .protocol_section
            .status_module
            .last_update_post_date_struct;
        let date = updated.as_ref().and_then(|d| d.date.as_deref());
        assert_eq!(date, Some("2031-03-04"));
        assert_eq!(unplaced_texts(&s), ["Share"]);
        let id = "protocolSection.identificationModule";
        assert_eq!(span(&s, &format!("{id}.briefTitle")), Some((1, 1)));
        assert_eq!(span(&s, &format!("{id}.nctId")), Some((3, 3)));
        let updated = "protocolSection.statusModule.lastUpdatePostDateStruct";
        assert_eq!(span(&s, updated), Some((4, 4)));
    }

    #[test]
    fn a_results_title_replaces_a_guessed_title() {
        let mut s = Study::default();
        let text = "Menu\nTrial Outcomes & Findings for Fictional Tea Trial (NCT NCT09990401)";
        read_preface(&mut s, &lines::scan(text));
        assert_eq!(s.brief_title(), Some("Fictional Tea Trial"));
        assert_eq!(s.nct_id(), Some("NCT09990401"));
        assert_eq!(s.has_results, Some(true));
        assert_eq!(unplaced_texts(&s), ["Menu"]);
        let title = "protocolSection.identificationModule.briefTitle";
        assert_eq!(span(&s, title), Some((2, 2)));
        assert_eq!(span(&s, "hasResults"), Some((2, 2)));
    }

    #[test]
    fn an_id_line_without_an_id_is_said_and_kept() {
        let mut s = Study::default();
        read_preface(&mut s, &lines::scan("Fictional Tea Trial\nNCT ID: pending"));
        assert_eq!(s.nct_id(), None);
        assert_eq!(unplaced_texts(&s), ["NCT ID: pending"]);
        assert_eq!(s.trialcards.diagnostics.len(), 1);
        assert_eq!(
            span_paths(&s),
            ["protocolSection.identificationModule.briefTitle"]
        );
    }

    #[test]
    fn pending_results_are_no_results() {
        let mut s = Study::default();
        read_results_status(
            &mut s,
            &values("\nResults pending\nSee elsewhere"),
            "Study Results",
        );
        assert_eq!(s.has_results, Some(false));
        assert_eq!(span(&s, "hasResults"), Some((2, 2)));
        assert_eq!(unplaced_texts(&s), ["See elsewhere"]);
    }

    #[test]
    fn the_sites_explanation_is_dropped_and_may_say_there_are_no_results() {
        let mut s = Study::default();
        let text = "\nThe study team has not published outcome measurements yet.\nResults pending";
        let values = values_of(&mut s, &section("Study Results", text));
        let texts: Vec<_> = values.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["Results pending"]);
        assert_eq!(s.has_results, Some(false));
        assert_eq!(span(&s, "hasResults"), Some((3, 3)));

        let mut s = Study::default();
        let text = "Get a concise snapshot of the trial.\nRECRUITING";
        let values = values_of(&mut s, &section("Basic Information", text));
        assert_eq!(values.len(), 1);
        assert_eq!(s, Study::default());
    }

    #[test]
    fn labelled_basic_information_spans_the_value_lines() {
        let mut s = Study::default();
        let text = "Recruitment Status\n\nNOT_YET_RECRUITING\n\nClinical Phase\n\nPHASE3\n\n\
                    Total Enrollment\n\n80 participants\n\nStudy Classification\n\nINTERVENTIONAL\n\n\
                    Study Start Date\n\n2031-01\n\nStudy Completion Date\n\n2033-06";
        read_basic(&mut s, &values(text), "Basic Information");
        let p = &s.protocol_section;
        assert_eq!(
            p.status_module.overall_status,
            Some(Status::NotYetRecruiting)
        );
        assert_eq!(p.design_module.phases, [Phase::Phase3]);
        let count = p
            .design_module
            .enrollment_info
            .as_ref()
            .and_then(|e| e.count);
        assert_eq!(count, Some(80));
        assert_eq!(p.design_module.study_type, Some(StudyType::Interventional));
        let start = p.status_module.start_date_struct.as_ref();
        assert_eq!(start.and_then(|d| d.date.as_deref()), Some("2031-01"));
        let end = p.status_module.completion_date_struct.as_ref();
        assert_eq!(end.and_then(|d| d.date.as_deref()), Some("2033-06"));
        assert!(unplaced_texts(&s).is_empty());
        let spans = [
            ("protocolSection.statusModule.overallStatus", 3),
            ("protocolSection.designModule.phases", 7),
            ("protocolSection.designModule.enrollmentInfo", 11),
            ("protocolSection.designModule.studyType", 15),
            ("protocolSection.statusModule.startDateStruct", 19),
            ("protocolSection.statusModule.completionDateStruct", 23),
        ];
        for (path, no) in spans {
            assert_eq!(span(&s, path), Some((no, no)), "{path}");
        }
        assert_eq!(s.trialcards.spans.len(), spans.len());
    }

    #[test]
    fn a_labelled_value_that_does_not_fit_is_said_and_kept() {
        let mut s = Study::default();
        read_basic(
            &mut s,
            &values("Recruitment Status\nSoonish"),
            "Basic Information",
        );
        assert_eq!(s.protocol_section.status_module.overall_status, None);
        assert_eq!(unplaced_texts(&s), ["Recruitment Status", "Soonish"]);
        assert_eq!(s.trialcards.diagnostics[0].line, Some(2));
        assert!(s.trialcards.spans.is_empty());
    }

    #[test]
    fn bare_basic_information_is_read_in_order() {
        let mut s = Study::default();
        let text = "ACTIVE_NOT_RECRUITING\nPHASE2/PHASE3\n120 participants\nINTERVENTIONAL\n\
                    2030-02\n2032-11-30\n2033-01";
        read_basic(&mut s, &values(text), "Basic Information");
        let p = &s.protocol_section;
        assert_eq!(
            p.status_module.overall_status,
            Some(Status::ActiveNotRecruiting)
        );
        assert_eq!(p.design_module.phases, [Phase::Phase2, Phase::Phase3]);
        let info = p.design_module.enrollment_info.as_ref();
        assert_eq!(info.and_then(|e| e.count), Some(120));
        assert_eq!(info.and_then(|e| e.enrollment_type), None);
        let start = p.status_module.start_date_struct.as_ref();
        assert_eq!(start.and_then(|d| d.date.as_deref()), Some("2030-02"));
        let end = p.status_module.completion_date_struct.as_ref();
        assert_eq!(end.and_then(|d| d.date.as_deref()), Some("2032-11-30"));
        // A third date has no place.
        assert_eq!(unplaced_texts(&s), ["2033-01"]);
        assert_eq!(
            span(&s, "protocolSection.designModule.phases"),
            Some((2, 2))
        );
        let end = "protocolSection.statusModule.completionDateStruct";
        assert_eq!(span(&s, end), Some((6, 6)));
        assert_eq!(s.trialcards.spans.len(), 6);
    }

    #[test]
    fn related_trials_pair_titles_with_ids() {
        let mut s = Study::default();
        let text = "Fictional Coffee Trial\nNCT09990402 RECRUITING PHASE2\nNCT09990403\nLone title";
        read_related(&mut s, &values(text), "More Related Trials");
        let related: Vec<_> = s
            .trialcards
            .related_trials
            .iter()
            .map(|t| (t.nct_id.as_deref(), t.title.as_deref(), t.overall_status))
            .collect();
        assert_eq!(
            related,
            [
                (
                    Some("NCT09990402"),
                    Some("Fictional Coffee Trial"),
                    Some(Status::Recruiting)
                ),
                (Some("NCT09990403"), None, None),
            ]
        );
        assert_eq!(s.trialcards.related_trials[0].phases, [Phase::Phase2]);
        // Other trials' values never become this record's.
        assert_eq!(s.nct_id(), None);
        assert_eq!(unplaced_texts(&s), ["Lone title"]);
        assert_eq!(span(&s, "trialcards.relatedTrials[0]"), Some((1, 2)));
        assert_eq!(span(&s, "trialcards.relatedTrials[1]"), Some((3, 3)));
    }

    #[test]
    fn bare_design_values_follow_ctgovs_order() {
        let mut s = Study::default();
        let text = "RANDOMIZED\nPARALLEL\nTREATMENT\nQUADRUPLE\nRANDOMIZED";
        read_design(&mut s, &values(text), "Study Design", false);
        let info = s
            .protocol_section
            .design_module
            .design_info
            .clone()
            .unwrap();
        assert_eq!(info.allocation, Some(DesignAllocation::Randomized));
        assert_eq!(
            info.intervention_model,
            Some(InterventionalAssignment::Parallel)
        );
        assert_eq!(info.primary_purpose, Some(PrimaryPurpose::Treatment));
        let masking = info.masking_info.and_then(|m| m.masking);
        assert_eq!(masking, Some(DesignMasking::Quadruple));
        // An allocation after the masking is out of order.
        assert_eq!(unplaced_texts(&s), ["RANDOMIZED"]);
        let design = "protocolSection.designModule.designInfo";
        assert_eq!(span(&s, &format!("{design}.allocation")), Some((1, 1)));
        assert_eq!(
            span(&s, &format!("{design}.interventionModel")),
            Some((2, 2))
        );
        assert_eq!(span(&s, &format!("{design}.primaryPurpose")), Some((3, 3)));
        assert_eq!(span(&s, &format!("{design}.maskingInfo")), Some((4, 4)));
        assert_eq!(s.trialcards.spans.len(), 4);
    }

    #[test]
    fn observational_design_values_and_labelled_ones() {
        let mut s = Study::default();
        read_design(&mut s, &values("COHORT\nPROSPECTIVE"), "Study Design", true);
        let info = s
            .protocol_section
            .design_module
            .design_info
            .clone()
            .unwrap();
        assert_eq!(info.observational_model, Some(ObservationalModel::Cohort));
        assert_eq!(
            info.time_perspective,
            Some(DesignTimePerspective::Prospective)
        );
        let design = "protocolSection.designModule.designInfo";
        assert_eq!(span(&s, &format!("{design}.timePerspective")), Some((2, 2)));

        let mut s = Study::default();
        let text = "Allocation Method\n\nNON_RANDOMIZED";
        read_design(&mut s, &values(text), "Study Design", false);
        let info = s
            .protocol_section
            .design_module
            .design_info
            .clone()
            .unwrap();
        assert_eq!(info.allocation, Some(DesignAllocation::NonRandomized));
        assert_eq!(span(&s, &format!("{design}.allocation")), Some((3, 3)));
    }

    #[test]
    fn interventions_take_name_description_and_type() {
        let mut s = Study::default();
        let text =
            "Green tea\nA cup of fictional green tea\nIntervention Type DIETARY_SUPPLEMENT\n\
                    Water\nPlain water\nIntervention Type OTHER\nIntervention Type DRUG";
        let known = read_interventions(&mut s, &values(text));
        assert_eq!(
            known,
            [
                (
                    "Green tea".to_string(),
                    Some("A cup of fictional green tea".to_string())
                ),
                ("Water".to_string(), Some("Plain water".to_string())),
            ]
        );
        let ivs = &s.protocol_section.arms_interventions_module.interventions;
        let types: Vec<_> = ivs.iter().map(|iv| iv.intervention_type).collect();
        assert_eq!(
            types,
            [
                Some(InterventionType::DietarySupplement),
                Some(InterventionType::Other)
            ]
        );
        // The intervention already has its type.
        assert_eq!(unplaced_texts(&s), ["Intervention Type DRUG"]);
        let list = "protocolSection.armsInterventionsModule.interventions";
        assert_eq!(span(&s, &format!("{list}[0]")), Some((1, 3)));
        assert_eq!(span(&s, &format!("{list}[1]")), Some((4, 6)));
    }

    #[test]
    fn groups_take_label_description_type_and_known_interventions() {
        let mut s = Study::default();
        let interventions =
            "Green tea\nA cup of fictional green tea\nIntervention Type DIETARY_SUPPLEMENT";
        let known = read_interventions(&mut s, &values(interventions));
        let groups = "Tea drinkers\nOne cup a day\nGroup Type EXPERIMENTAL\nGreen tea\n\
                      A cup of fictional green tea\nIntervention Type DIETARY_SUPPLEMENT\n\
                      Watchers\nNo tea\nGroup Type NO_INTERVENTION\n\
                      No interventions assigned to this group\nGroup Type SOMETHING";
        read_groups(&mut s, &values(groups), &known, "Study Groups");
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
                    Some("Tea drinkers"),
                    Some(ArmGroupType::Experimental),
                    Some("One cup a day")
                ),
                (
                    Some("Watchers"),
                    Some(ArmGroupType::NoIntervention),
                    Some("No tea")
                ),
            ]
        );
        assert_eq!(
            m.arm_groups[0].intervention_names,
            ["Dietary Supplement: Green tea"]
        );
        assert_eq!(m.interventions.len(), 1);
        assert_eq!(unplaced_texts(&s), ["Group Type SOMETHING"]);
        let arms = "protocolSection.armsInterventionsModule.armGroups";
        assert_eq!(span(&s, &format!("{arms}[0]")), Some((1, 6)));
        // The stray last line is not the group's.
        assert_eq!(span(&s, &format!("{arms}[1]")), Some((7, 10)));
    }

    #[test]
    fn groups_without_an_interventions_section_guess_the_pair_after_the_description() {
        let mut s = Study::default();
        let groups = "Tea drinkers\nOne cup a day\nGroup Type EXPERIMENTAL\nGreen tea\nA cup a day";
        read_groups(&mut s, &values(groups), &[], "Study Groups");
        let m = &s.protocol_section.arms_interventions_module;
        assert_eq!(m.arm_groups[0].intervention_names, ["Green tea"]);
        let iv = &m.interventions[0];
        assert_eq!(iv.name.as_deref(), Some("Green tea"));
        assert_eq!(iv.description.as_deref(), Some("A cup a day"));
        assert_eq!(s.trialcards.diagnostics.len(), 1);
        let paths = "protocolSection.armsInterventionsModule";
        assert_eq!(span(&s, &format!("{paths}.armGroups[0]")), Some((1, 5)));
        assert_eq!(span(&s, &format!("{paths}.interventions[0]")), Some((4, 5)));
    }

    #[test]
    fn labelled_eligibility_fields_follow_the_criteria() {
        let text = "\nInclusion Criteria\n\n* Drinks tea daily\n\nExclusion Criteria\n\n\
                    * Allergic to tea\n\nMinimum Eligible Age\n\n18 Years\n\nMaximum Eligible Age\n\n\
                    70 Years\n\nEligible Sex\n\nFEMALE\n\nAccepts Healthy Volunteers\n\nYes";
        let sec = section("Eligibility Criteria", text);
        let mut s = Study::default();
        read_eligibility(&mut s, &sec, &sec.values());
        let e = &s.protocol_section.eligibility_module;
        assert_eq!(e.minimum_age.as_deref(), Some("18 Years"));
        assert_eq!(e.maximum_age.as_deref(), Some("70 Years"));
        assert_eq!(e.sex, Some(Sex::Female));
        assert_eq!(e.healthy_volunteers, Some(true));
        let tree = s.trialcards.criteria.as_ref().unwrap();
        assert_eq!(tree.inclusion[0].text, "Drinks tea daily");
        assert_eq!(tree.exclusion[0].text, "Allergic to tea");
        assert!(unplaced_texts(&s).is_empty());
        let e = "protocolSection.eligibilityModule";
        assert_eq!(span(&s, &format!("{e}.eligibilityCriteria")), Some((3, 9)));
        assert_eq!(span(&s, &format!("{e}.minimumAge")), Some((13, 13)));
        assert_eq!(span(&s, &format!("{e}.maximumAge")), Some((17, 17)));
        assert_eq!(span(&s, &format!("{e}.sex")), Some((21, 21)));
        assert_eq!(span(&s, &format!("{e}.healthyVolunteers")), Some((25, 25)));
    }

    #[test]
    fn bare_eligibility_fields_are_told_by_their_values() {
        let text = "Inclusion Criteria\n* Drinks tea daily\n16 Years\nALL\nNo";
        let sec = section("Eligibility Criteria", text);
        let mut s = Study::default();
        read_eligibility(&mut s, &sec, &sec.values());
        let e = &s.protocol_section.eligibility_module;
        assert_eq!(e.minimum_age.as_deref(), Some("16 Years"));
        assert_eq!(e.maximum_age, None);
        assert_eq!(e.sex, Some(Sex::All));
        assert_eq!(e.healthy_volunteers, Some(false));
        // One age alone is read as the minimum, and said.
        assert_eq!(s.trialcards.diagnostics.len(), 1);
        let e = "protocolSection.eligibilityModule";
        assert_eq!(span(&s, &format!("{e}.eligibilityCriteria")), Some((2, 3)));
        assert_eq!(span(&s, &format!("{e}.minimumAge")), Some((4, 4)));
        assert_eq!(span(&s, &format!("{e}.maximumAge")), None);
        assert_eq!(span(&s, &format!("{e}.healthyVolunteers")), Some((6, 6)));
    }

    #[test]
    fn eligibility_without_criteria_has_no_criteria_span() {
        let sec = section("Eligibility Criteria", "18 Years\n65 Years");
        let mut s = Study::default();
        read_eligibility(&mut s, &sec, &sec.values());
        let e = &s.protocol_section.eligibility_module;
        assert_eq!(e.maximum_age.as_deref(), Some("65 Years"));
        let criteria = "protocolSection.eligibilityModule.eligibilityCriteria";
        assert_eq!(span(&s, criteria), None);
    }

    #[test]
    fn the_sponsor_marked_lead_leads_and_the_others_collaborate() {
        let mut s = Study::default();
        let text = "Sponsor Role lead\nFictional Tea Council\nOTHER\nSponsor Role collaborator\n\
                    Fictional Leaf Labs\nINDUSTRY\nSponsor Role lead";
        read_sponsors(&mut s, &values(text), "Sponsors");
        let m = &s.protocol_section.sponsor_collaborators_module;
        let lead = m.lead_sponsor.as_ref().unwrap();
        assert_eq!(lead.name.as_deref(), Some("Fictional Leaf Labs"));
        assert_eq!(lead.class, Some(AgencyClass::Industry));
        let names: Vec<_> = m.collaborators.iter().map(|c| c.name.as_deref()).collect();
        assert_eq!(names, [Some("Fictional Tea Council")]);
        // A role before any sponsor names no one.
        assert_eq!(unplaced_texts(&s), ["Sponsor Role lead"]);
        let m = "protocolSection.sponsorCollaboratorsModule";
        assert_eq!(span(&s, &format!("{m}.leadSponsor.name")), Some((5, 5)));
        assert_eq!(span(&s, &format!("{m}.leadSponsor.class")), Some((6, 6)));
        assert_eq!(span(&s, &format!("{m}.collaborators[0]")), Some((2, 4)));
    }

    #[test]
    fn without_a_lead_mark_the_first_sponsor_leads_unless_they_collaborate() {
        let mut s = Study::default();
        read_sponsors(
            &mut s,
            &values("Fictional Tea Council\nFictional Leaf Labs"),
            "Sponsors",
        );
        let m = &s.protocol_section.sponsor_collaborators_module;
        let lead = m.lead_sponsor.as_ref().and_then(|l| l.name.as_deref());
        assert_eq!(lead, Some("Fictional Tea Council"));
        assert_eq!(m.collaborators.len(), 1);
        let m = "protocolSection.sponsorCollaboratorsModule";
        assert_eq!(span(&s, &format!("{m}.leadSponsor.class")), None);

        let mut s = Study::default();
        read_sponsors(&mut s, &values("Fictional Leaf Labs"), "Collaborators");
        let module = &s.protocol_section.sponsor_collaborators_module;
        assert!(module.lead_sponsor.is_none());
        assert_eq!(span(&s, &format!("{m}.collaborators[0]")), Some((1, 1)));
    }

    #[test]
    fn responsible_party_gives_its_type() {
        let mut s = Study::default();
        let text = "Responsibility Role PRINCIPAL_INVESTIGATOR\nSomeone";
        read_responsible(&mut s, &values(text), "Responsible Party");
        let party = s
            .protocol_section
            .sponsor_collaborators_module
            .responsible_party
            .as_ref();
        assert_eq!(
            party.and_then(|p| p.party_type),
            Some(ResponsiblePartyType::PrincipalInvestigator)
        );
        assert_eq!(unplaced_texts(&s), ["Someone"]);
        let path = "protocolSection.sponsorCollaboratorsModule.responsibleParty.type";
        assert_eq!(span(&s, path), Some((1, 1)));
    }

    #[test]
    fn officials_take_role_then_affiliation() {
        let mut s = Study::default();
        let text = "Sam Example, PhD\nRole: STUDY_CHAIR\nFictional Tea Institute\nRole: BARISTA";
        read_officials(&mut s, &values(text), "Principal Investigators");
        let o = &s
            .protocol_section
            .contacts_locations_module
            .overall_officials;
        assert_eq!(o.len(), 1);
        assert_eq!(o[0].name.as_deref(), Some("Sam Example, PhD"));
        assert_eq!(o[0].role, Some(OfficialRole::StudyChair));
        assert_eq!(o[0].affiliation.as_deref(), Some("Fictional Tea Institute"));
        assert_eq!(unplaced_texts(&s), ["Role: BARISTA"]);
        let path = "protocolSection.contactsLocationsModule.overallOfficials[0]";
        assert_eq!(span(&s, path), Some((1, 3)));
    }

    #[test]
    fn locations_split_their_place_line() {
        let mut s = Study::default();
        let text = "Fictional Tea Clinic\nLeafton, Greenshire, 12345, Fictionland\nRECRUITING\n\
                    Second Tea Clinic\nFictionland";
        read_locations(&mut s, &values(text));
        let locs = &s.protocol_section.contacts_locations_module.locations;
        let first = &locs[0];
        assert_eq!(first.facility.as_deref(), Some("Fictional Tea Clinic"));
        assert_eq!(first.city.as_deref(), Some("Leafton"));
        assert_eq!(first.state.as_deref(), Some("Greenshire"));
        assert_eq!(first.zip.as_deref(), Some("12345"));
        assert_eq!(first.country.as_deref(), Some("Fictionland"));
        assert_eq!(first.status, Some(RecruitmentStatus::Recruiting));
        assert_eq!(locs[1].city, None);
        assert_eq!(locs[1].country.as_deref(), Some("Fictionland"));
        let list = "protocolSection.contactsLocationsModule.locations";
        assert_eq!(span(&s, &format!("{list}[0]")), Some((1, 3)));
        assert_eq!(span(&s, &format!("{list}[1]")), Some((4, 5)));
    }

    #[test]
    fn contact_lists_take_role_phone_and_email() {
        let mut s = Study::default();
        let text = "Robin Example\nRole: CONTACT\n+1 555 0100 300\nrobin@example.org\n\
                    Role: BARISTA\nKit Sample";
        let (contacts, items) = read_contact_list(&mut s, &values(text), "Central Contacts");
        assert_eq!(contacts.len(), 2);
        assert_eq!(contacts[0].role, Some(ContactRole::Contact));
        assert_eq!(contacts[0].phone.as_deref(), Some("+1 555 0100 300"));
        assert_eq!(contacts[0].email.as_deref(), Some("robin@example.org"));
        assert_eq!(contacts[1].name.as_deref(), Some("Kit Sample"));
        assert_eq!(unplaced_texts(&s), ["Role: BARISTA"]);
        items.record(&mut s, "contacts", 3);
        assert_eq!(span(&s, "contacts[3]"), Some((1, 4)));
        assert_eq!(span(&s, "contacts[4]"), Some((6, 6)));
    }

    #[test]
    fn references_keep_pmids_and_dois() {
        let mut s = Study::default();
        let text = "Example B. A made-up paper. J Fict. 2031;2:3-4.\nPMID: 99999998\n\
                    DOI: 10.0000/fict.2.\nExample C. Another made-up paper. PMID: 99999997 doi: 10.0000/fict.3.";
        read_references(&mut s, &values(text));
        let refs = &s.protocol_section.references_module.references;
        let pmids: Vec<_> = refs.iter().map(|r| r.pmid.as_deref()).collect();
        assert_eq!(pmids, [Some("99999998"), Some("99999997")]);
        let dois: Vec<_> = s
            .trialcards
            .reference_dois
            .iter()
            .map(|d| (d.index, d.doi.as_str()))
            .collect();
        assert_eq!(dois, [(0, "10.0000/fict.2"), (1, "10.0000/fict.3")]);
        let refs = "protocolSection.referencesModule.references";
        assert_eq!(span(&s, &format!("{refs}[0]")), Some((1, 3)));
        assert_eq!(span(&s, &format!("{refs}[1]")), Some((4, 4)));
        assert_eq!(span(&s, "trialcards.referenceDois[0]"), Some((3, 3)));
        assert_eq!(span(&s, "trialcards.referenceDois[1]"), Some((4, 4)));
    }

    #[test]
    fn other_identifiers_sort_by_their_source() {
        let mut s = Study::default();
        let text = "FTC-2031\nIdentifier Type: -\nIdentifier Source: org_study_id\n\
                    2031-000401-22\nIdentifier Type: EUDRACT_NUMBER\nIdentifier Source: secondary_id\n\
                    Identifier Domain: Fictional Agency\nNCT09990404\nIdentifier Source: nct_alias\n\
                    Identifier Colour: green";
        read_other_ids(&mut s, &values(text), "Other Identifiers");
        let id = &s.protocol_section.identification_module;
        let org = id.org_study_id_info.as_ref();
        assert_eq!(org.and_then(|o| o.id.as_deref()), Some("FTC-2031"));
        assert_eq!(org.and_then(|o| o.id_type.as_deref()), None);
        let secondary = &id.secondary_id_infos[0];
        assert_eq!(secondary.id.as_deref(), Some("2031-000401-22"));
        assert_eq!(secondary.id_type, Some(SecondaryIdType::EudractNumber));
        assert_eq!(secondary.domain.as_deref(), Some("Fictional Agency"));
        assert_eq!(id.nct_id_aliases, ["NCT09990404"]);
        assert_eq!(unplaced_texts(&s), ["Identifier Colour: green"]);
        let id = "protocolSection.identificationModule";
        assert_eq!(span(&s, &format!("{id}.orgStudyIdInfo.id")), Some((1, 3)));
        assert_eq!(span(&s, &format!("{id}.secondaryIdInfos[0]")), Some((4, 7)));
        assert_eq!(span(&s, &format!("{id}.nctIdAliases[0]")), Some((8, 9)));
    }

    #[test]
    fn a_labelled_results_overview() {
        let mut s = Study::default();
        let text = "A made-up score of tea drinking.\n\nRecruitment status\n\nCOMPLETED\n\n\
                    Study phase\n\nPHASE2\n\nTarget enrollment\n\n30 participants\n\n\
                    Primary outcome timeframe\n\nWeek 12\n\nResults posted on\n\n2032-05-01";
        read_overview(&mut s, &values(text), "Results Overview");
        let r = s.trialcards.results.clone().unwrap();
        assert_eq!(
            r.overview.as_deref(),
            Some("A made-up score of tea drinking.")
        );
        assert_eq!(r.primary_outcome_time_frame.as_deref(), Some("Week 12"));
        assert_eq!(r.results_posted_date.as_deref(), Some("2032-05-01"));
        let p = &s.protocol_section;
        assert_eq!(p.status_module.overall_status, Some(Status::Completed));
        assert_eq!(p.design_module.phases, [Phase::Phase2]);
        assert!(unplaced_texts(&s).is_empty());
        let spans = [
            ("trialcards.results.overview", 1),
            ("protocolSection.statusModule.overallStatus", 5),
            ("protocolSection.designModule.phases", 9),
            ("protocolSection.designModule.enrollmentInfo", 13),
            ("trialcards.results.primaryOutcomeTimeFrame", 17),
            ("trialcards.results.resultsPostedDate", 21),
        ];
        for (path, no) in spans {
            assert_eq!(span(&s, path), Some((no, no)), "{path}");
        }
    }

    #[test]
    fn a_bare_results_overview_ends_with_the_time_frame_and_date() {
        let mut s = Study::default();
        let text = "A made-up score.\nCOMPLETED\nPHASE2\n30 participants\nWeek 12 and\nWeek 24\n2032-05-01";
        read_overview(&mut s, &values(text), "Results Overview");
        let r = s.trialcards.results.clone().unwrap();
        assert_eq!(
            r.primary_outcome_time_frame.as_deref(),
            Some("Week 12 and Week 24")
        );
        assert_eq!(r.results_posted_date.as_deref(), Some("2032-05-01"));
        let time_frame = "trialcards.results.primaryOutcomeTimeFrame";
        assert_eq!(span(&s, time_frame), Some((5, 6)));
        let posted = "trialcards.results.resultsPostedDate";
        assert_eq!(span(&s, posted), Some((7, 7)));
    }

    #[test]
    fn markdown_keeps_list_items_together() {
        let text = "Why tea.\n* One cup\n* Two cups\nThe end.";
        let md = markdown(&values(text)).unwrap();
        assert_eq!(md, "Why tea.\n\n* One cup\n* Two cups\n\nThe end.");
        assert_eq!(markdown(&[]), None);
    }

    #[test]
    fn page_boundaries_and_headings() {
        let page = "Fictional Tea Trial\nNCT ID: NCT09990401\nLast Updated: 2031-03-04\n\
                    More Related Trials\nAdditional clinical trials that may be relevant.\n\
                    Fictional Coffee Trial\nNCT09990402 RECRUITING PHASE2\nPasted afterwards";
        let lines = lines::scan(page);
        assert_eq!(page_end(&lines), Some(7));
        assert!(is_id_line("NCT ID: NCT09990401"));
        assert!(!is_id_line("NCT ID: soon"));
        // The site's sentence under "More Related Trials" marks it.
        assert!(follows_as_study(&lines[2..]));
        // "Last Updated:" needs one of the site's own headings beside it.
        assert!(!follows_as_study(&lines::scan(
            "Last Updated: 2031-03-04\nConditions\nAsthma\n"
        )));
        assert!(follows_as_study(&lines::scan(
            "Last Updated: 2031-03-04\nStudy Results\n"
        )));
        assert!(follows_as_study(&lines::scan(
            "Brief Summary\nReview the sponsor-provided synopsis of the study."
        )));
        assert!(!follows_as_study(&lines::scan("Hello\nWorld")));
        // A heading other sites share counts only with the site's sentence under it.
        let explained = "Keywords\nExplore important study keywords.\nKeywords\nAdverse Events";
        assert_eq!(heading_score(&lines::scan(explained)), 1);
        assert_eq!(
            heading_score(&lines::scan("Keywords\nKeywords\nAdverse Events")),
            0
        );
    }

    #[test]
    fn a_results_page_keeps_the_lines_of_its_sections() {
        let page = "Trial Outcomes & Findings for Fictional Tea Trial (NCT NCT09990401)\n\
                    NCT ID: NCT09990401\nResults Overview\nA made-up score.\nCOMPLETED\n\
                    Participant Flow\nOverall Study\nSTARTED\n12\n\
                    Adverse Events\nAll-cause mortality\n0\n\
                    Results Point of Contact\nRobin Example";
        let lines = lines::scan(page);
        let read_page = read(&lines);
        assert!(read_page.complete);
        let s = &read_page.study;
        assert_eq!(s.has_results, Some(true));
        let r = s.trialcards.results.as_ref().unwrap();
        assert_eq!(
            r.participant_flow.as_deref(),
            Some("Overall Study\nSTARTED\n12")
        );
        let labels: Vec<_> = r.sections.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, ["Adverse Events", "Results Point of Contact"]);
        // Results are said first by the page's title.
        assert_eq!(span(s, "hasResults"), Some((1, 1)));
        assert_eq!(span(s, "trialcards.results.overview"), Some((4, 4)));
        let status = "protocolSection.statusModule.overallStatus";
        assert_eq!(span(s, status), Some((5, 5)));
        assert_eq!(span(s, "trialcards.results.participantFlow"), Some((7, 9)));
        // A section kept as text spans its heading, which is its label, to its last line.
        assert_eq!(span(s, "trialcards.results.sections[0]"), Some((10, 12)));
        assert_eq!(span(s, "trialcards.results.sections[1]"), Some((13, 14)));
    }

    #[test]
    fn a_whole_page_keeps_the_line_of_each_value() {
        let page = "Fictional Tea Trial\n\nNCT ID: NCT09990401\n\nBasic Information\n\n\
                    Get a concise snapshot of the trial.\n\nRecruitment Status\n\nRECRUITING\n\n\
                    Brief Summary\n\nReview the sponsor-provided synopsis.\n\nA fictional trial of tea.\n\n\
                    It runs for a year.\n\nOfficial Title\n\nA Fictional Randomised Trial of Tea\n\n\
                    Conditions\n\nThirst\n\nFatigue\n\nKeywords\n\nTea\n\nLocations\n\n\
                    Fictional Tea Clinic\n\nLeafton, Fictionland\n\nCountries\n\nFictionland\n\n\
                    Facility Contacts\n\nRobin Example\n\nrobin@example.org\n\n\
                    More Related Trials\n\nFictional Coffee Trial\nNCT09990402 RECRUITING PHASE2";
        let lines = lines::scan(page);
        let read_page = read(&lines);
        assert!(read_page.complete);
        let s = &read_page.study;
        assert_eq!(
            s.protocol_section.status_module.overall_status,
            Some(Status::Recruiting)
        );
        let line_of = |path: &str| spanned_text(s, &lines, path);
        let cases = [
            ("protocolSection.statusModule.overallStatus", "RECRUITING"),
            (
                "protocolSection.identificationModule.briefTitle",
                "Fictional Tea Trial",
            ),
            (
                "protocolSection.identificationModule.nctId",
                "NCT ID: NCT09990401",
            ),
            (
                "protocolSection.identificationModule.officialTitle",
                "A Fictional Randomised Trial of Tea",
            ),
            (
                "protocolSection.descriptionModule.briefSummary",
                "A fictional trial of tea. / It runs for a year.",
            ),
            ("protocolSection.conditionsModule.conditions[0]", "Thirst"),
            ("protocolSection.conditionsModule.conditions[1]", "Fatigue"),
            ("protocolSection.conditionsModule.keywords[0]", "Tea"),
            (
                "protocolSection.contactsLocationsModule.locations[0]",
                "Fictional Tea Clinic / Leafton, Fictionland",
            ),
            (
                "protocolSection.contactsLocationsModule.locations[0].contacts[0]",
                "Robin Example / robin@example.org",
            ),
            ("trialcards.countries[0]", "Fictionland"),
            (
                "trialcards.relatedTrials[0]",
                "Fictional Coffee Trial / NCT09990402 RECRUITING PHASE2",
            ),
        ];
        for (path, text) in cases {
            assert_eq!(line_of(path), text, "{path}");
        }
        // Nothing else has a span: the site's explanations and the related trial's status and
        // phase give the record no value.
        assert_eq!(s.trialcards.spans.len(), cases.len(), "{:?}", span_paths(s));
    }
}
