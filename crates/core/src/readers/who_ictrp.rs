//! The reader for WHO ICTRP trial pages (the International Clinical Trials Registry Platform's
//! search portal, and registries that print the WHO Trial Registration Data Set the same way):
//! "Label: value" lines and headed lists. The generic reader ([`super::generic`]) reads what
//! these pages share with every site (IDs, titles, status, dates, criteria, conditions,
//! interventions, ages, sex, countries); this file adds the data set's own parts: the register
//! and its registration date (day first, as WHO prints dates), the study design list, contacts,
//! outcomes with their time frames, secondary IDs, secondary sponsors, and results.

use std::collections::HashSet;

use super::{generic, unplaced, ReadPage};
use crate::fields::assign::assign;
use crate::fields::{contact, date, ids};
use crate::lines::{normalize_label, Label, Line};
use crate::model::enums::SecondaryIdType;
use crate::model::{
    Contact, DateStruct, Official, Outcome, SecondaryIdInfo, Sponsor, Study, UnrecognizedLine,
};
use crate::reading::chrome;
use crate::reading::pairs::page_label;
use crate::reading::spans;

/// The labels at the head of every WHO record; a page starts where "Main ID:" stands among them.
const HEAD_LABELS: &[&str] = &[
    "register",
    "last refreshed on",
    "main id",
    "date of registration",
];

/// The data set's field names as WHO prints them (normalised). An unmarked page showing five
/// of them is a WHO page.
const DATA_SET_LABELS: &[&str] = &[
    "main id",
    "register",
    "last refreshed on",
    "date of registration",
    "prospective registration",
    "primary sponsor",
    "public title",
    "scientific title",
    "date of first enrolment",
    "target sample size",
    "recruitment status",
    "study design",
    "countries of recruitment",
    "key inclusion exclusion criteria",
    "age minimum",
    "age maximum",
    "health condition s or problem s studied",
    "intervention s",
    "primary outcome s",
    "secondary outcome s",
    "secondary id s",
    "source s of monetary support",
    "secondary sponsor s",
    "ethics review",
];

/// The headed lists this file reads (normalised headings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// "Contacts": Name / Address / Telephone / Email / Affiliation, one group per contact.
    Contacts,
    /// "Primary Outcome(s)": one outcome a line.
    PrimaryOutcomes,
    /// "Secondary Outcome(s)".
    SecondaryOutcomes,
    /// "Secondary ID(s)": one ID a line.
    SecondaryIds,
    /// "Secondary Sponsor(s)": one sponsor a line.
    SecondarySponsors,
    /// "Source(s) of Monetary Support": no v2 field; kept as text.
    Support,
    /// "Ethics review": no v2 field; kept as text.
    Ethics,
    /// "Results": availability and dates.
    Results,
}

/// The part a heading line opens.
fn part(text: &str) -> Option<Part> {
    if text.len() > 40 || text.contains(':') {
        return None;
    }
    Some(match normalize_label(text).as_str() {
        "contacts" => Part::Contacts,
        "primary outcome s" | "primary outcomes" => Part::PrimaryOutcomes,
        "secondary outcome s" | "secondary outcomes" => Part::SecondaryOutcomes,
        "secondary id s" | "secondary ids" => Part::SecondaryIds,
        "secondary sponsor s" | "secondary sponsors" => Part::SecondarySponsors,
        "source s of monetary support" => Part::Support,
        "ethics review" => Part::Ethics,
        "results" => Part::Results,
        _ => return None,
    })
}

/// The normalised label of a line: the text before its colon, or the whole line.
fn line_label(text: &str) -> String {
    normalize_label(label_part(text))
}

/// The text before a line's first colon, or the whole line.
fn label_part(text: &str) -> &str {
    text.split(':').next().unwrap_or(text)
}

/// Whether a line's normalised label ([`line_label`]) is one of `labels`: which one.
fn label_in(text: &str, labels: &[&'static str]) -> Option<&'static str> {
    crate::lines::with_label(label_part(text), |l| {
        labels.iter().find(|k| **k == l).copied()
    })
}

/// The value after a line's first colon, trimmed.
fn value_of(text: &str) -> &str {
    text.split_once(':').map_or("", |(_, v)| v.trim())
}

/// Whether a line is one of the record's head labels ("Register: …", "Main ID: …").
fn is_head(line: &Line<'_>) -> bool {
    !line.is_blank()
        && line.text.len() < 200
        && line.text.contains(':')
        && label_in(line.text, HEAD_LABELS).is_some()
}

/// Where a WHO page starts, judged at line `i`: at the first head label of the run around a
/// "Main ID:" line that has another head label beside it, with the "Main" tab and the data
/// set's note above it.
pub(crate) fn page_start(lines: &[Line<'_>], i: usize) -> Option<usize> {
    let line = &lines[i];
    // Most lines do not start with the two words: test the bytes before normalising.
    let opens = line
        .text
        .get(..7)
        .is_some_and(|t| t.eq_ignore_ascii_case("main id"));
    if !opens || !line.text.contains(':') || line_label(line.text) != "main id" {
        return None;
    }
    let prev_text = |k: usize| lines[..k].iter().rposition(|l| !l.is_blank());
    let mut start = i;
    while let Some(p) = prev_text(start).filter(|&p| is_head(&lines[p])) {
        start = p;
    }
    let after = lines[i + 1..]
        .iter()
        .filter(|l| !l.is_blank())
        .take(3)
        .take_while(|l| is_head(l))
        .count();
    if start == i && after == 0 {
        return None;
    }
    // The "Main" tab, the data set's note and the site's header and navigation above them.
    while let Some(p) = prev_text(start) {
        let t = lines[p].text;
        // Words, not decoration: a closing bracket or rule ends the page before.
        let words = t.chars().any(char::is_alphanumeric);
        let head = t == "Main"
            || t.starts_with("Note: This record shows only")
            || words && chrome::is_site_name(t)
            || words && chrome::is_chrome(t) && !chrome::is_footer_line(t);
        if head && start - p <= HEADER_GAP {
            start = p;
        } else {
            break;
        }
    }
    Some(start)
}

/// The most lines between the head labels' run and the header lines above it.
const HEADER_GAP: usize = 3;

/// WHO pages show no footer of their own: a page runs to the next page's start, or to the
/// header of a page of another site pasted after it (its labelled ID names another trial).
pub(crate) fn page_end(lines: &[Line<'_>]) -> Option<usize> {
    let (header, id) = crate::detect::another_trial_starts(lines)?;
    // The data set's own lines stay on this page, however the next page's header begins.
    let own = lines[..id]
        .iter()
        .rposition(is_data_set_line)
        .map_or(0, |k| k + 1);
    Some(header.max(own))
}

/// Whether a line is one of the data set's own: a field name, a list's heading, or a label
/// inside a list ("Date Posted:").
fn is_data_set_line(line: &Line<'_>) -> bool {
    if line.is_blank() || line.text.len() > 200 {
        return false;
    }
    part(line.text).is_some()
        || label_in(line.text, DATA_SET_LABELS).is_some()
        || [Part::Contacts, Part::Ethics, Part::Results]
            .into_iter()
            .any(|p| is_sub_label(p, line.text))
}

/// The data set's field names as only the WHO portal words them (other registries say
/// "Recruitment status" and "Primary sponsor" too).
const PORTAL_LABELS: &[&str] = &[
    "main id",
    "last refreshed on",
    "prospective registration",
    "date of first enrolment",
    "countries of recruitment",
    "key inclusion exclusion criteria",
    "health condition s or problem s studied",
    "source s of monetary support",
    "secondary sponsor s",
];

/// Whether an unmarked stretch is a WHO page: four of the names only the portal uses.
pub(crate) fn judged(lines: &[Line<'_>]) -> bool {
    let mut seen: Vec<&str> = Vec::new();
    for l in lines.iter().filter(|l| !l.is_blank() && l.text.len() < 120) {
        let Some(label) = label_in(l.text, PORTAL_LABELS) else {
            continue;
        };
        if !seen.contains(&label) {
            seen.push(label);
            if seen.len() >= 4 {
                return true;
            }
        }
    }
    false
}

/// A line placed by this file, or a headed list's lines.
struct Own<'a> {
    /// The headed list, if the lines are one.
    part: Option<Part>,
    /// The heading or the single line.
    head: Line<'a>,
    /// The lines under the heading.
    body: Vec<Line<'a>>,
}

/// Whether a line ends a headed list: another heading, or a line of the data set's own
/// labels or of any known label.
fn ends_part(line: &Line<'_>) -> bool {
    if part(line.text).is_some() {
        return true;
    }
    label_in(line.text, DATA_SET_LABELS).is_some()
        || line.text.len() < 60 && !line.text.contains(':') && page_label(line.text).is_some()
}

/// Splits the page into the lines this file reads and the rest (for the generic reader).
fn split<'a>(lines: &[Line<'a>]) -> (Vec<Own<'a>>, Vec<Line<'a>>) {
    let (mut own, mut rest) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        if let Some(p) = part(l.text) {
            let mut j = i + 1;
            while j < lines.len() && (lines[j].is_blank() || !ends_part(&lines[j])) {
                j += 1;
            }
            // Sub-labels of a contact or the results ("Name:", "Date Posted:") are its own.
            if matches!(p, Part::Contacts | Part::Results | Part::Ethics) {
                while j < lines.len() && (lines[j].is_blank() || is_sub_label(p, lines[j].text)) {
                    j += 1;
                }
            }
            own.push(Own {
                part: Some(p),
                head: l,
                body: lines[i + 1..j].to_vec(),
            });
            i = j;
            continue;
        }
        let label = line_label(l.text);
        let single = l.text.contains(':')
            && match label.as_str() {
                "register"
                | "date of registration"
                | "date of first enrolment"
                | "study design" => true,
                // An NCT ID is the generic reader's; another registry's ID is this file's.
                "main id" => !ids::is_nct_id(value_of(l.text)),
                _ => false,
            };
        if single {
            own.push(Own {
                part: None,
                head: l,
                body: Vec::new(),
            });
        } else {
            rest.push(l);
        }
        i += 1;
    }
    (own, rest)
}

/// The labels a part's lines carry ("Name:", "Status:", "Date Posted:").
fn is_sub_label(part: Part, text: &str) -> bool {
    if !text.contains(':') {
        return false;
    }
    let label = line_label(text);
    let known: &[&str] = match part {
        Part::Contacts => &["name", "address", "telephone", "email", "affiliation"],
        Part::Ethics => &["status", "approval date", "contact"],
        Part::Results => &[
            "results available",
            "date posted",
            "date completed",
            "url",
            "url to results",
            "baseline characteristics",
            "participant flow",
            "adverse events",
            "outcome measures",
            "summary results",
        ],
        _ => &[],
    };
    known.contains(&label.as_str())
}

/// Reads one WHO page.
pub(crate) fn read(lines: &[Line<'_>]) -> Option<ReadPage> {
    let (own, rest) = split(lines);
    let mut page = generic::read_lines(&rest).unwrap_or(ReadPage {
        study: Study::default(),
        complete: true,
    });
    let study = &mut page.study;
    let register = own
        .iter()
        .find(|o| o.part.is_none() && line_label(o.head.text) == "register")
        .map(|o| value_of(o.head.text))
        .filter(|v| !v.is_empty());
    // The main ID first: the register line is placed with it.
    let (ids_first, others): (Vec<&Own<'_>>, Vec<&Own<'_>>) = own
        .iter()
        .partition(|o| o.part.is_none() && line_label(o.head.text) == "main id");
    for o in ids_first.into_iter().chain(others) {
        match o.part {
            None => read_single(study, &o.head, register),
            Some(p) => read_part(study, p, o),
        }
    }
    study.trialcards.unrecognized.sort_by_key(|u| u.line);
    let placed = study.nct_id().is_some()
        || !study
            .protocol_section
            .identification_module
            .secondary_id_infos
            .is_empty()
        || study.brief_title().is_some();
    placed.then_some(page)
}

/// Reads a single line of the data set's own: "Main ID:" (another registry's), "Register:",
/// "Date of registration:", "Study design:".
fn read_single(study: &mut Study, line: &Line<'_>, register: Option<&str>) {
    let value = value_of(line.text);
    let no = line.no;
    let placed = match line_label(line.text).as_str() {
        "main id" => main_id(study, line, register),
        // The register names the main ID's registry (placed with it), or ClinicalTrials.gov.
        "register" => {
            study.nct_id().is_some() && value.to_ascii_lowercase().contains("clinicaltrials")
                || study
                    .protocol_section
                    .identification_module
                    .secondary_id_infos
                    .iter()
                    .any(|s| s.domain.as_deref() == Some(value))
        }
        "date of registration" => match date::parse_date_day_first(value) {
            Some(d) => {
                study.protocol_section.status_module.study_first_submit_date = Some(d);
                spans::at(
                    study,
                    "protocolSection.statusModule.studyFirstSubmitDate",
                    no,
                    no,
                );
                true
            }
            None => false,
        },
        // WHO prints dates day first ("12/05/2030" is 12 May).
        "date of first enrolment" => date_at(study, value, no, START, |s| {
            &mut s.protocol_section.status_module.start_date_struct
        }),
        _ => study_design(study, line),
    };
    if !placed {
        unplaced(study, line, None);
    }
}

/// "Main ID: IRCT…" on a record of another registry: the record's first secondary ID, of type
/// `REGISTRY`, its domain the register the page names (or the one its form shows).
fn main_id(study: &mut Study, line: &Line<'_>, register: Option<&str>) -> bool {
    let id = value_of(line.text);
    if id.is_empty() || id.contains(' ') {
        return false;
    }
    let known = ids::registry_id(id).and_then(|r| r.domain);
    let infos = &mut study
        .protocol_section
        .identification_module
        .secondary_id_infos;
    infos.retain(|s| s.id.as_deref() != Some(id));
    infos.insert(
        0,
        SecondaryIdInfo {
            id: Some(id.to_string()),
            id_type: Some(SecondaryIdType::Registry),
            domain: register.or(known).map(str::to_string),
            link: None,
        },
    );
    spans::at(
        study,
        "protocolSection.identificationModule.secondaryIdInfos[0]",
        line.no,
        line.no,
    );
    true
}

/// The labels a study design list holds, as fields of the record.
const DESIGN_LABELS: &[Label] = &[
    Label::Allocation,
    Label::InterventionModel,
    Label::Masking,
    Label::PrimaryPurpose,
    Label::ObservationalModel,
    Label::TimePerspective,
];

/// The labelled pieces of a study design list ("Allocation: Randomized, Intervention Model:
/// Parallel Assignment. Masking: Double (Participant, Investigator)"): each label that ends at a
/// colon, and the text up to the next label. A piece's label is the text after the previous
/// `,`, `.` or `;`; a colon after text that is no known label stays inside the value.
fn design_pieces(value: &str) -> Vec<(Option<Label>, &str, &str)> {
    let mut starts: Vec<(usize, usize, Option<Label>)> = Vec::new();
    for (colon, _) in value.match_indices(':') {
        let before = &value[..colon];
        // A label starts after the last separator, and never before the previous label's colon.
        let after_last = starts.last().map_or(0, |s| s.1);
        let from = before
            .rfind([',', '.', ';'])
            .map_or(0, |i| i + 1)
            .max(after_last);
        let text = before[from..].trim();
        let label = page_label(text);
        // Inside brackets a colon is the value's own.
        let open = before.matches('(').count() > before.matches(')').count();
        let label_like = text.split_whitespace().count() <= 3
            && text.starts_with(|c: char| c.is_uppercase())
            && !text.bytes().any(|b| b.is_ascii_digit());
        let labelled = !open && (label.is_some_and(|l| DESIGN_LABELS.contains(&l)) || label_like);
        if labelled {
            starts.push((from, colon + 1, label));
        }
    }
    if starts.is_empty() {
        return vec![(None, "", value.trim())];
    }
    let mut out = Vec::new();
    let lead = value[..starts[0].0].trim();
    if !lead.is_empty() {
        out.push((None, "", lead));
    }
    for (k, &(from, after, label)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(value.len(), |n| n.0);
        let piece = value[after..end]
            .trim()
            .trim_end_matches([',', '.', ';'])
            .trim();
        out.push((label, value[from..after - 1].trim(), piece));
    }
    out
}

/// "Study design:": each labelled piece to its design field; the pieces with no v2 field (free
/// text, "Endpoint Classification") are kept as text.
fn study_design(study: &mut Study, line: &Line<'_>) -> bool {
    let mut placed = 0;
    let mut left = Vec::new();
    for (label, label_text, v) in design_pieces(value_of(line.text)) {
        let fitted = label
            .filter(|l| DESIGN_LABELS.contains(l))
            .is_some_and(|l| {
                spans::placed(study, l, line.no, line.no, |s| assign(s, l, v)).is_ok()
            });
        if fitted {
            placed += 1;
        } else if label_text.is_empty() {
            left.push(v.to_string());
        } else {
            left.push(format!("{label_text}: {v}"));
        }
    }
    if !left.is_empty() && placed > 0 {
        study.trialcards.unrecognized.push(UnrecognizedLine {
            line: line.no,
            text: left.join(", "),
            section: Some("Study design".to_string()),
        });
    }
    placed > 0
}

/// Reads one headed list.
fn read_part(study: &mut Study, part: Part, own: &Own<'_>) {
    let heading = own.head.text;
    let values: Vec<&Line<'_>> = own.body.iter().filter(|l| !l.is_blank()).collect();
    match part {
        Part::Contacts => contacts(study, &values),
        Part::PrimaryOutcomes | Part::SecondaryOutcomes => {
            for l in values {
                let (measure, time_frame) = outcome(l.text);
                let list = &mut study.protocol_section.outcomes_module;
                let (list, key) = if part == Part::PrimaryOutcomes {
                    (&mut list.primary_outcomes, "primaryOutcomes")
                } else {
                    (&mut list.secondary_outcomes, "secondaryOutcomes")
                };
                list.push(Outcome {
                    measure: Some(measure.to_string()),
                    time_frame: time_frame.map(str::to_string),
                    ..Outcome::default()
                });
                let path = format!("protocolSection.outcomesModule.{key}[{}]", list.len() - 1);
                spans::at(study, &path, l.no, l.no);
            }
        }
        Part::SecondaryIds => {
            // The IDs the record lists, as a set: each line's ID is looked up, not searched for.
            let mut listed: HashSet<String> = study
                .protocol_section
                .identification_module
                .secondary_id_infos
                .iter()
                .filter_map(|s| s.id.clone())
                .collect();
            for l in values {
                secondary_id(study, l, &mut listed);
            }
        }
        Part::SecondarySponsors => {
            for l in values {
                let collaborators = &mut study
                    .protocol_section
                    .sponsor_collaborators_module
                    .collaborators;
                collaborators.push(Sponsor {
                    name: Some(l.text.to_string()),
                    ..Sponsor::default()
                });
                let path = format!(
                    "protocolSection.sponsorCollaboratorsModule.collaborators[{}]",
                    collaborators.len() - 1
                );
                spans::at(study, &path, l.no, l.no);
            }
        }
        Part::Results => results(study, heading, &values),
        Part::Support | Part::Ethics => {
            for l in values {
                unplaced(study, l, Some(heading));
            }
        }
    }
}

/// "Measure [Time Frame: 6 months]", "Measure; Timepoint: 6 months", "Measure. Timepoints: …":
/// the measure and its time frame.
fn outcome(text: &str) -> (&str, Option<&str>) {
    let lower = text.to_ascii_lowercase();
    if let Some(at) = lower.rfind("[time frame:") {
        let frame = text[at + "[time frame:".len()..]
            .trim_end_matches(']')
            .trim();
        return (text[..at].trim(), (!frame.is_empty()).then_some(frame));
    }
    for marker in ["timepoints:", "timepoint:", "time point:", "time points:"] {
        if let Some(at) = lower.find(marker) {
            let frame = text[at + marker.len()..].trim();
            let measure = text[..at].trim().trim_end_matches([';', '.', ',']).trim();
            return (measure, (!frame.is_empty()).then_some(frame));
        }
    }
    (text.trim(), None)
}

/// A "Secondary ID(s)" line: an ID, typed when its form is known; the main ID is not repeated,
/// nor an ID in `listed` (the record's secondary IDs, which this adds to).
fn secondary_id(study: &mut Study, line: &Line<'_>, listed: &mut HashSet<String>) {
    let id = line.text.trim();
    if study.nct_id() == Some(id) {
        return;
    }
    // An ID has a digit and few words; anything else is kept as text.
    if !id.bytes().any(|b| b.is_ascii_digit()) || id.split_whitespace().count() > 3 {
        unplaced(study, line, Some("Secondary ID(s)"));
        return;
    }
    let infos = &mut study
        .protocol_section
        .identification_module
        .secondary_id_infos;
    if !listed.insert(id.to_string()) {
        return;
    }
    let known = ids::registry_id(id);
    infos.push(SecondaryIdInfo {
        id: Some(id.to_string()),
        id_type: known.as_ref().map(|r| r.kind),
        domain: known.and_then(|r| r.domain).map(str::to_string),
        link: None,
    });
    let path = format!(
        "protocolSection.identificationModule.secondaryIdInfos[{}]",
        infos.len() - 1
    );
    spans::at(study, &path, line.no, line.no);
}

/// The "Contacts" list: a contact per "Name:" line, with the lines after it. A contact with an
/// affiliation is one of the study's officials; one with a telephone or an email is a
/// central contact (a contact may be both).
fn contacts(study: &mut Study, values: &[&Line<'_>]) {
    let mut groups: Vec<Vec<&Line<'_>>> = Vec::new();
    for l in values {
        if line_label(l.text) == "name" || groups.is_empty() {
            groups.push(Vec::new());
        }
        if let Some(g) = groups.last_mut() {
            g.push(l);
        }
    }
    for group in groups {
        let field = |name: &str| {
            group
                .iter()
                .find(|l| line_label(l.text) == name)
                .map(|l| value_of(l.text))
                .filter(|v| !v.is_empty())
        };
        let (Some(name), first, last) = (
            field("name"),
            group.first().map_or(0, |l| l.no),
            group.last().map_or(0, |l| l.no),
        ) else {
            group
                .iter()
                .for_each(|l| unplaced(study, l, Some("Contacts")));
            continue;
        };
        let email = field("email").filter(|e| contact::is_email(e));
        let phone = field("telephone");
        let c = &mut study.protocol_section.contacts_locations_module;
        if let Some(affiliation) = field("affiliation") {
            c.overall_officials.push(Official {
                name: Some(name.to_string()),
                affiliation: Some(affiliation.to_string()),
                ..Official::default()
            });
            let path = format!(
                "protocolSection.contactsLocationsModule.overallOfficials[{}]",
                c.overall_officials.len() - 1
            );
            spans::at(study, &path, first, last);
        }
        let c = &mut study.protocol_section.contacts_locations_module;
        if email.is_some() || phone.is_some() || field("affiliation").is_none() {
            c.central_contacts.push(Contact {
                name: Some(name.to_string()),
                phone: phone.map(str::to_string),
                email: email.map(str::to_string),
                ..Contact::default()
            });
            let path = format!(
                "protocolSection.contactsLocationsModule.centralContacts[{}]",
                c.central_contacts.len() - 1
            );
            spans::at(study, &path, first, last);
        }
        // The address has no v2 place in a contact; it and any other line are kept as text.
        for l in &group {
            let label = line_label(l.text);
            let used = l.text.contains(':')
                && (matches!(label.as_str(), "name" | "telephone" | "affiliation")
                    || label == "email" && contact::is_email(value_of(l.text)));
            if !used && !value_of(l.text).is_empty() || !l.text.contains(':') {
                unplaced(study, l, Some("Contacts"));
            }
        }
    }
}

/// Where the study's start date is kept.
const START: &str = "protocolSection.statusModule.startDateStruct";

/// Where the results' first posting date is kept.
const RESULTS_POSTED: &str = "protocolSection.statusModule.resultsFirstPostDateStruct";

/// Where the study's completion date is kept.
const COMPLETION: &str = "protocolSection.statusModule.completionDateStruct";

/// The "Results" list: whether results are available, when they were posted, when the study
/// completed; other lines are kept as text.
fn results(study: &mut Study, heading: &str, values: &[&Line<'_>]) {
    for l in values {
        let value = value_of(l.text);
        let placed = match line_label(l.text).as_str() {
            "results available" => match crate::vocab::yes_no(value) {
                Some(yes) => {
                    study.has_results = Some(yes);
                    spans::at(study, "hasResults", l.no, l.no);
                    true
                }
                None => false,
            },
            "date posted" => date_at(study, value, l.no, RESULTS_POSTED, |s| {
                &mut s
                    .protocol_section
                    .status_module
                    .results_first_post_date_struct
            }),
            "date completed" => date_at(study, value, l.no, COMPLETION, |s| {
                &mut s.protocol_section.status_module.completion_date_struct
            }),
            _ => false,
        };
        if !placed {
            unplaced(study, l, Some(heading));
        }
    }
}

/// Places a day-first date at `path` (the slot `slot` picks), unless the slot is filled.
fn date_at(
    study: &mut Study,
    value: &str,
    no: usize,
    path: &str,
    slot: impl Fn(&mut Study) -> &mut Option<DateStruct>,
) -> bool {
    let Some(d) = date::parse_date_day_first(value) else {
        return false;
    };
    let target = slot(study);
    if target.is_none() {
        *target = Some(DateStruct::new(d));
        spans::at(study, path, no, no);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::scan;

    const PAGE: &str = "Fictional Registry Portal\nMain\nRegister: Fictional Lisbon Registry\n\
        Last refreshed on: 3 March 2031\nMain ID: FLR-2031-0042\nDate of registration: 07/12/2030\n\
        Primary sponsor: Fictional Harbour Hospital\nPublic title: Sea Air for Fictional Cough\n\
        Recruitment status: Recruiting\nStudy design: Allocation: Randomized, Intervention Model: \
        Parallel Assignment, Masking: None (Open Label), Primary Purpose: Treatment, Endpoint \
        Classification: Efficacy Study\nPhase: Phase 2\nContacts\nName: Ana Fictional\nAddress: \
        1 Quay Street\nTelephone: +351 000 000\nEmail: ana@example.org\nAffiliation: Fictional \
        Harbour Hospital\nPrimary Outcome(s)\nCough score [Time Frame: 8 weeks]\nSecondary \
        Outcome(s)\nSleep quality; Timepoint: 4 and 8 weeks\nSecondary ID(s)\n\
        2030-001234-56\nHOSP-77\nSecondary Sponsor(s)\nFictional Sea Foundation\nEthics review\n\
        Status: Approved\nApproval date: 01/11/2030\nResults\nResults available: Yes\nDate \
        Posted: 15/06/2032\nDate Completed: 28/02/2032\n";

    fn read_page(text: &str) -> Study {
        let lines = scan(text);
        read(&lines).expect("a record").study
    }

    #[test]
    fn a_page_starts_at_its_head_labels() {
        let lines = scan(PAGE);
        let main_id = lines
            .iter()
            .position(|l| l.text.starts_with("Main ID"))
            .unwrap();
        assert_eq!(
            page_start(&lines, main_id),
            Some(0),
            "the site header and Main tab come along"
        );
        let lone = scan("Trial page\nMain ID: X-1\nPhase: 2\n");
        assert_eq!(page_start(&lone, 1), None, "Main ID alone is no WHO page");
        let unmarked = "Public title: T\nMain ID: X-1\nDate of first enrolment: 2030\n\
                        Countries of recruitment\nPeru\nKey inclusion & exclusion criteria\n";
        assert!(judged(&scan(unmarked)));
        let other = "Main ID: X\nRecruitment status: Recruiting\nTarget sample size: 9\n\
                     Date of first enrolment: 2030\nPrimary sponsor: Y\n";
        assert!(
            !judged(&scan(other)),
            "labels other registries share are not the portal's"
        );
    }

    #[test]
    fn the_data_sets_own_parts_are_read() {
        let s = read_page(PAGE);
        let p = &s.protocol_section;
        assert_eq!(
            p.status_module.study_first_submit_date.as_deref(),
            Some("2030-12-07")
        );
        let ids = &p.identification_module.secondary_id_infos;
        assert_eq!(ids[0].id.as_deref(), Some("FLR-2031-0042"));
        assert_eq!(ids[0].domain.as_deref(), Some("Fictional Lisbon Registry"));
        assert!(ids.iter().any(|i| i.id.as_deref() == Some("HOSP-77")));
        let d = p.design_module.design_info.as_ref().expect("design info");
        assert!(d.allocation.is_some() && d.primary_purpose.is_some());
        let o = &p.outcomes_module;
        assert_eq!(o.primary_outcomes[0].time_frame.as_deref(), Some("8 weeks"));
        assert_eq!(
            o.secondary_outcomes[0].measure.as_deref(),
            Some("Sleep quality")
        );
        let c = &p.contacts_locations_module;
        assert_eq!(
            c.central_contacts[0].email.as_deref(),
            Some("ana@example.org")
        );
        assert_eq!(
            c.overall_officials[0].affiliation.as_deref(),
            Some("Fictional Harbour Hospital")
        );
        assert_eq!(
            p.sponsor_collaborators_module.collaborators[0]
                .name
                .as_deref(),
            Some("Fictional Sea Foundation")
        );
        assert_eq!(s.has_results, Some(true));
        let completion = p.status_module.completion_date_struct.as_ref();
        assert_eq!(
            completion.and_then(|d| d.date.as_deref()),
            Some("2032-02-28")
        );
        // No v2 place: kept as text, never dropped.
        let kept: Vec<&str> = s
            .trialcards
            .unrecognized
            .iter()
            .map(|u| u.text.as_str())
            .collect();
        assert!(kept.contains(&"Status: Approved"), "{kept:?}");
        assert!(
            kept.contains(&"Endpoint Classification: Efficacy Study"),
            "{kept:?}"
        );
        assert_eq!(
            s.trialcards.spans["protocolSection.outcomesModule.primaryOutcomes[0]"].from,
            19
        );
    }

    #[test]
    fn a_design_list_splits_at_its_labels_whatever_the_separators() {
        let pieces = design_pieces(
            "Allocation: Randomized. Intervention model: Parallel Assignment. Masking: \
             Quadruple (Participant, Investigator), Endpoint Classification: Efficacy",
        );
        let got: Vec<(&str, &str)> = pieces.iter().map(|(_, l, v)| (*l, *v)).collect();
        assert_eq!(
            got,
            [
                ("Allocation", "Randomized"),
                ("Intervention model", "Parallel Assignment"),
                ("Masking", "Quadruple (Participant, Investigator)"),
                ("Endpoint Classification", "Efficacy"),
            ]
        );
        assert_eq!(pieces[0].0, Some(Label::Allocation));
        assert_eq!(pieces[3].0, None);
        // Labels with no separator between them, and colons anywhere, never cut backwards.
        for odd in [
            "A: B: C",
            "::",
            "Allocation:: x",
            ": A: , B:",
            "Masking: (a: b): c",
        ] {
            let pieces = design_pieces(odd);
            assert!(!pieces.is_empty(), "{odd}");
        }
        let free = design_pieces("Randomised controlled parallel group trial");
        assert_eq!(
            free,
            [(None, "", "Randomised controlled parallel group trial")]
        );
    }

    #[test]
    fn outcomes_split_from_their_time_frames() {
        assert_eq!(
            outcome("Pain [Time Frame: 6 months]"),
            ("Pain", Some("6 months"))
        );
        assert_eq!(outcome("Pain; Timepoint: week 6"), ("Pain", Some("week 6")));
        assert_eq!(outcome("Pain at rest"), ("Pain at rest", None));
    }
}
