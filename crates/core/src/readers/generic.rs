//! The best-effort reader for any other page: the record's own NCT ID (or, without one, another
//! registry's ID), a title, "Label: value" / "Label | value" / "Label ⏎ value" pairs and labelled
//! lists found through the shared synonym table, and inclusion/exclusion criteria blocks; the
//! rest unplaced.

use super::{note, unplaced, ReadPage};
use crate::fields::assign::assign;
use crate::fields::criteria::{self, CriteriaPart};
use crate::fields::ids;
use crate::fields::markup::unescape;
use crate::lines::{lookup_label, normalize_label, split_labelled, Label, Line};
use crate::model::enums::EnrollmentType;
use crate::model::{SecondaryIdInfo, Severity, Study};

/// Headings after which a page lists other trials: their NCT IDs are not this record's.
const RELATED_HEADINGS: &[&str] = &["related", "similar", "more trials", "other trials"];

/// Labels whose value may be a list, one item a line, under the label.
const LIST_LABELS: &[Label] = &[
    Label::Conditions,
    Label::Interventions,
    Label::Keywords,
    Label::Countries,
];

/// Section headings registry pages share; a list under a label ends at one of them.
const SECTION_HEADINGS: &[&str] = &[
    "about",
    "arms",
    "collaborators",
    "contact",
    "contacts",
    "design",
    "eligibility",
    "eligibility criteria",
    "ethics review",
    "funding",
    "key facts",
    "locations",
    "outcomes",
    "publications",
    "references",
    "results",
    "sponsors",
    "study design",
];

/// Whether a line under a list label is no item of the list: a section heading, a registry label
/// ("Primary Outcome(s)"), or another "Label: value" (except a typed intervention).
fn ends_list(label: Label, value: &str) -> bool {
    SECTION_HEADINGS.contains(&normalize_label(value).as_str())
        || value.contains("(s)")
        || value.contains(':')
            && !(label == Label::Interventions && crate::vocab::typed_intervention(value).is_some())
}

/// The most lines a labelled list or criteria block takes (keeps a stray label from eating a page).
const MAX_BLOCK_LINES: usize = 200;

/// Strips markdown and table decoration: "# ", "> ", "- ", "**", "|".
fn plain(text: &str) -> String {
    let t = text.trim_start_matches(['#', '>']).trim_start();
    let t = t.strip_prefix("- ").unwrap_or(t);
    let t = t.trim_matches('|').trim();
    if t.contains("**") {
        t.replace("**", "").trim().to_string()
    } else {
        t.to_string()
    }
}

fn is_related_heading(text: &str) -> bool {
    // The headings are ASCII: compare bytes case-blind, without a lowercased copy.
    text.len() < 60
        && RELATED_HEADINGS.iter().any(|h| {
            text.as_bytes()
                .windows(h.len())
                .any(|w| w.eq_ignore_ascii_case(h.as_bytes()))
        })
}

/// A line that could be a title: several words, not a label, not site chrome.
fn could_be_title(text: &str) -> bool {
    let words = text.split_whitespace().count();
    words >= 6
        && !text.contains(": ")
        && !text.to_lowercase().contains("clinicaltrials.gov")
        && !text.ends_with(['!', '?', '|'])
}

/// "Label: value", or a table row "Label | value" / "Label : | value" (cells of a saved page's
/// table), when the label is in the synonym table.
fn labelled_pair(text: &str) -> Option<(Label, String, &str)> {
    if let Some((left, right)) = text.split_once(" | ") {
        let label = left.trim().trim_end_matches(':').trim();
        if let Some(l) = lookup_label(label) {
            return Some((l, right.trim().trim_matches('|').trim().to_string(), label));
        }
    }
    let (label, value) = split_labelled(text)?;
    let label_text = text.split(':').next().unwrap_or_default();
    Some((
        label,
        value.trim_matches('|').trim().to_string(),
        label_text,
    ))
}

/// A line that is only a known label ("Conditions", "Detailed Description:").
fn bare_label(text: &str) -> Option<Label> {
    lookup_label(text.trim_end_matches(':').trim())
}

/// A line that starts something else: a label, a labelled pair, a markdown heading or a criteria part.
fn starts_something(raw: &str) -> bool {
    let text = plain(raw);
    raw.starts_with('#')
        || bare_label(&text).is_some()
        || labelled_pair(&text).is_some()
        || criteria::sub_heading(&text).is_some()
}

/// Sets the enrollment type from the label ("Actual Enrollment", "Estimated Enrollment") when
/// the value did not say.
fn enrollment_type_from_label(study: &mut Study, label_text: &str) {
    let norm = normalize_label(label_text);
    let kind = if norm.starts_with("actual") {
        EnrollmentType::Actual
    } else if norm.starts_with("estimated") || norm.starts_with("anticipated") {
        EnrollmentType::Estimated
    } else {
        return;
    };
    if let Some(info) = study
        .protocol_section
        .design_module
        .enrollment_info
        .as_mut()
    {
        info.enrollment_type.get_or_insert(kind);
    }
}

/// Reads a page of an unknown layout. `None` when the text shows no sign of a registry page
/// (no NCT ID, no other registry's ID, and fewer than two known labels).
pub(crate) fn read(lines: &[Line<'_>]) -> Option<ReadPage> {
    let mut study = Study::default();
    let mut labels_found = 0;
    let mut used = vec![false; lines.len()];
    let mut in_related = false;
    let mut first_nct: Option<String> = None;
    let mut heading_title: Option<String> = None;
    let mut registry_ids: Vec<ids::RegistryId<'_>> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        if l.is_blank() {
            used[i] = true;
            i += 1;
            continue;
        }
        let text = plain(l.text);
        if text.is_empty() {
            // Table decoration only ("|", "|||").
            used[i] = true;
            i += 1;
            continue;
        }
        if is_related_heading(&text) {
            in_related = true;
        }
        if !in_related {
            if first_nct.is_none() {
                first_nct = ids::find_nct_ids(&text).first().map(|s| s.to_string());
            }
            for found in ids::find_registry_ids(l.text) {
                if !registry_ids.iter().any(|r| r.id == found.id) {
                    registry_ids.push(found);
                }
            }
        }
        if heading_title.is_none() && l.text.starts_with("# ") {
            heading_title = Some(text.clone());
            used[i] = true;
        }
        if !in_related {
            if let Some(end) = read_criteria_block(&mut study, lines, i) {
                used[i..end].iter_mut().for_each(|u| *u = true);
                i = end;
                continue;
            }
        }
        if let Some((label, value, label_text)) = labelled_pair(&text) {
            let related_id = in_related && label == Label::NctId;
            if !value.is_empty() && !related_id {
                match assign(&mut study, label, &value) {
                    Ok(()) => {
                        if label == Label::Enrollment {
                            enrollment_type_from_label(&mut study, label_text);
                        }
                        labels_found += 1;
                        used[i] = true;
                    }
                    // Another registry's ID under an ID label ("Main ID") is kept as a secondary ID.
                    Err(_) if !ids::find_registry_ids(&value).is_empty() => used[i] = true,
                    Err(why) => note(&mut study, Severity::Info, Some(l.no), why),
                }
                i += 1;
                continue;
            }
        }
        if let Some(label) = bare_label(&text) {
            // A label written with a colon, or a markdown heading, may stand above blank lines.
            let spaced = text.ends_with(':') || l.text.starts_with('#');
            if let Some(end) = read_labelled_block(&mut study, lines, i, label, spaced) {
                labels_found += 1;
                used[i..end].iter_mut().for_each(|u| *u = true);
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if study.nct_id().is_none() {
        study.protocol_section.identification_module.nct_id = first_nct.clone();
        if first_nct.is_some() {
            note(
                &mut study,
                Severity::Info,
                None,
                "The NCT ID is the first one on the page; the page does not label it.".into(),
            );
        }
    }
    let id_module = &mut study.protocol_section.identification_module;
    for r in &registry_ids {
        if !id_module
            .secondary_id_infos
            .iter()
            .any(|s| s.id.as_deref() == Some(r.id))
        {
            id_module.secondary_id_infos.push(SecondaryIdInfo {
                id: Some(r.id.to_string()),
                id_type: Some(r.kind),
                domain: r.domain.map(str::to_string),
                link: None,
            });
        }
    }
    if study.brief_title().is_none() {
        let title = heading_title.or_else(|| {
            lines
                .iter()
                .enumerate()
                .find(|(_, l)| could_be_title(l.text))
                .map(|(k, l)| {
                    used[k] = true;
                    plain(l.text)
                })
        });
        study.protocol_section.identification_module.brief_title = title.map(|t| unescape(&t));
    }
    if study.nct_id().is_none() && registry_ids.is_empty() && labels_found < 2 {
        return None;
    }
    for (k, l) in lines.iter().enumerate() {
        if !used[k] {
            unplaced(&mut study, l, None);
        }
    }
    note(
        &mut study,
        Severity::Info,
        None,
        "This page's layout is not one trialcards knows; only labelled values were read.".into(),
    );
    Some(ReadPage {
        study,
        complete: true,
    })
}

/// A label alone on its line, its value on the lines below: one line for most fields (`spaced`:
/// blank lines may come first), one item a line for lists
/// ("Conditions", "Intervention(s)", "Countries of recruitment"). Returns the index after the
/// block when a value was placed.
fn read_labelled_block(
    study: &mut Study,
    lines: &[Line<'_>],
    at: usize,
    label: Label,
    spaced: bool,
) -> Option<usize> {
    let mut j = at + 1;
    if spaced {
        while lines.get(j).is_some_and(|l| l.is_blank()) && j < at + 3 {
            j += 1;
        }
    }
    let first = lines.get(j).filter(|l| !l.is_blank())?;
    if starts_something(first.text) || plain(first.text).ends_with(':') {
        return None;
    }
    if !LIST_LABELS.contains(&label) {
        assign(study, label, &plain(first.text)).ok()?;
        return Some(j + 1);
    }
    let mut placed = false;
    let mut end = j;
    while let Some(l) = lines.get(end) {
        if end - j >= MAX_BLOCK_LINES || starts_something(l.text) {
            break;
        }
        if l.is_blank() {
            // A blank line ends the list unless more bullets follow it.
            let next = lines[end..].iter().find(|n| !n.is_blank());
            if !next.is_some_and(|n| n.text.starts_with(['-', '•', '*'])) {
                break;
            }
            end += 1;
            continue;
        }
        let value = plain(l.text);
        let (_, value) = criteria::parse_marker(&value);
        if ends_list(label, value) {
            break;
        }
        placed |= assign(study, label, value).is_ok();
        end += 1;
    }
    placed.then_some(end)
}

/// An inclusion/exclusion block: "Inclusion Criteria:" (with its items inline, `;`-separated, or
/// on the lines below) and what follows up to the next label or heading. Feeds the criteria
/// tree; returns the index after the block.
fn read_criteria_block(study: &mut Study, lines: &[Line<'_>], at: usize) -> Option<usize> {
    let first = lines[at];
    let text = first.text.trim_start_matches('#').trim();
    criteria::sub_heading(text)?;
    let mut block: Vec<Line<'_>> = Vec::new();
    push_criteria_line(&mut block, Line { text, ..first });
    let mut end = at + 1;
    while let Some(l) = lines.get(end) {
        if end - at >= MAX_BLOCK_LINES || is_related_heading(l.text) {
            break;
        }
        let is_part = criteria::sub_heading(l.text).is_some();
        if !is_part && !l.is_blank() && starts_something(l.text) {
            break;
        }
        push_criteria_line(&mut block, *l);
        end += 1;
    }
    let tree = study
        .trialcards
        .criteria
        .get_or_insert_with(Default::default);
    criteria::build_tree(&block, CriteriaPart::Preamble, tree);
    Some(end)
}

/// Adds a line to a criteria block; a part heading with its items inline and `;`-separated
/// ("Exclusion Criteria: Heart disease; Open wounds") becomes the heading and one line per item.
fn push_criteria_line<'a>(block: &mut Vec<Line<'a>>, line: Line<'a>) {
    match line.text.split_once(':') {
        Some((head, rest)) if rest.contains(';') && criteria::sub_heading(line.text).is_some() => {
            block.push(Line {
                text: head.trim(),
                ..line
            });
            for piece in rest.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                block.push(Line {
                    text: piece,
                    indent: 0,
                    ..line
                });
            }
        }
        _ => block.push(line),
    }
}
