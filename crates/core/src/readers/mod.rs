//! One reader per registry layout, and what they share: section splitting, unplaced-line and
//! diagnostic bookkeeping, and the finishing pass every record goes through.

pub mod ctgov_csv;
pub mod ctgov_json;
pub mod ctgov_xml;
mod fill;
pub mod generic;
pub(crate) mod json_scan;
mod locate;
pub mod meddatax;
pub(crate) mod results_page;
pub mod saved_page;
pub(crate) mod sites;
mod unmodelled;
pub mod veeva;
pub mod who_ictrp;

use std::collections::{HashMap, HashSet};

use crate::detect;
use crate::fields::criteria;
use crate::lines::{self, Line};
use crate::model::{
    Diagnostic, IdentificationModule, Severity, SourceInfo, Study, UnrecognizedLine,
};
use crate::ParseOutput;

/// A heading and the lines under it (blank lines included) up to the next heading.
#[derive(Debug, Clone)]
pub(crate) struct Section<'a> {
    /// The heading's text.
    pub heading: &'a str,
    /// The heading's 1-based line number.
    pub line: usize,
    /// The lines under the heading.
    pub body: Vec<Line<'a>>,
}

impl<'a> Section<'a> {
    /// The non-blank lines of the body.
    pub fn values(&self) -> Vec<Line<'a>> {
        self.body
            .iter()
            .copied()
            .filter(|l| !l.is_blank())
            .collect()
    }
}

/// Splits lines into the lines before the first heading and one section per heading.
pub(crate) fn split_sections<'a>(
    lines: &[Line<'a>],
    is_heading: impl Fn(&str) -> bool,
) -> (Vec<Line<'a>>, Vec<Section<'a>>) {
    let mut preface = Vec::new();
    let mut sections: Vec<Section<'a>> = Vec::new();
    for line in lines {
        if !line.is_blank() && is_heading(line.text) {
            sections.push(Section {
                heading: line.text,
                line: line.no,
                body: Vec::new(),
            });
        } else if let Some(s) = sections.last_mut() {
            s.body.push(*line);
        } else {
            preface.push(*line);
        }
    }
    (preface, sections)
}

/// Records a line the reader could not place.
pub(crate) fn unplaced(study: &mut Study, line: &Line<'_>, section: Option<&str>) {
    if line.is_blank() {
        return;
    }
    study.trialcards.unrecognized.push(UnrecognizedLine {
        line: line.no,
        text: line.text.to_string(),
        section: section.map(str::to_string),
    });
}

/// Records a diagnostic on the record.
pub(crate) fn note(study: &mut Study, severity: Severity, line: Option<usize>, message: String) {
    study
        .trialcards
        .diagnostics
        .push(Diagnostic::new(severity, line, message));
}

/// Records a diagnostic on the record unless the record already carries the same message
/// (a record read back from our own JSON keeps the diagnostics it was written with).
pub(crate) fn note_once(study: &mut Study, diagnostic: Diagnostic) {
    let diagnostics = &mut study.trialcards.diagnostics;
    if !diagnostics.iter().any(|d| d.message == diagnostic.message) {
        diagnostics.push(diagnostic);
    }
}

/// The input-level note that one input gave several records ("3 studies were found").
pub(crate) fn note_several(name: &str, out: &mut ParseOutput, what: &str) {
    if out.records.len() > 1 {
        let note = several(name, out.records.len(), what);
        out.diagnostics.push(note);
    }
}

/// The note that an input gave `count` records ("3 studies were found").
pub(crate) fn several(name: &str, count: usize, what: &str) -> Diagnostic {
    let message = format!("{name}: {count} {what} were found in this input");
    Diagnostic::new(Severity::Info, None, message)
}

/// The warning for a record without an NCT ID of its own (naming another registry's ID when
/// that is what identifies the trial).
pub(crate) fn no_nct_id_warning(id: &IdentificationModule) -> Diagnostic {
    // A trial registered elsewhere is identified by that registry's ID (a secondary ID).
    let other = id.secondary_id_infos.iter().find(|s| {
        use crate::model::enums::SecondaryIdType as T;
        matches!(s.id_type, Some(T::EudractNumber | T::Ctis | T::Registry))
    });
    let message = match other.and_then(|s| s.id.as_deref().map(|i| (i, s))) {
        Some((other_id, s)) => format!(
            "The page shows no NCT ID of its own: the trial is identified by its {} ID \
             {other_id}, so this record cannot be linked to ClinicalTrials.gov.",
            s.domain.as_deref().unwrap_or(match s.id_type {
                Some(crate::model::enums::SecondaryIdType::Ctis) => "EU CT (CTIS)",
                _ => "EudraCT",
            })
        ),
        None => "The page shows no NCT ID of its own, so this record cannot be linked to \
                 ClinicalTrials.gov or matched with other copies of the trial."
            .to_string(),
    };
    Diagnostic::new(Severity::Warning, None, message)
}

/// The finishing pass: source info, the cut-off warning, CT.gov criteria text from the tree
/// (or the tree from the text), escapes removed from the tree, each intervention's arm labels,
/// and each criterion's thresholds.
fn finish(study: &mut Study, source: SourceInfo, complete: bool, last_line: Option<usize>) {
    study.trialcards.source = source;
    let id = &study.protocol_section.identification_module;
    if id.nct_id.is_none() {
        let warning = no_nct_id_warning(id);
        study.trialcards.diagnostics.push(warning);
    }
    if !complete {
        let message = "The page looks cut off: it stops before the site's usual end, so later \
                       sections may be missing."
            .to_string();
        study
            .trialcards
            .diagnostics
            .push(Diagnostic::new(Severity::Warning, last_line, message));
    }
    if let Some(tree) = study.trialcards.criteria.as_mut() {
        let elig = &mut study.protocol_section.eligibility_module;
        if elig.eligibility_criteria.is_none() {
            elig.eligibility_criteria = criteria::eligibility_text(tree);
        }
        for p in tree.preamble.iter_mut() {
            *p = crate::fields::markup::unescape(p);
        }
        criteria::unescape_items(&mut tree.inclusion);
        criteria::unescape_items(&mut tree.exclusion);
        if tree.preamble.is_empty() && tree.inclusion.is_empty() && tree.exclusion.is_empty() {
            study.trialcards.criteria = None;
        }
    }
    // Criteria text the page gave without a tree (a record it embeds): the tree from the text,
    // each item on the text's line when the text is one line of the page.
    if study.trialcards.criteria.is_none() {
        if let Some(text) = &study
            .protocol_section
            .eligibility_module
            .eligibility_criteria
        {
            let span = study
                .trialcards
                .spans
                .get(crate::reading::spans::keys::ELIGIBILITY_CRITERIA)
                .filter(|s| s.from == s.to)
                .map(|s| s.from);
            study.trialcards.criteria = crate::eligibility::tree_of_text(text, true, |_| span);
        }
    }
    link_arms(&mut study.protocol_section.arms_interventions_module);
    crate::reading::spans::into_provenance(study);
    crate::eligibility::annotate(study, true);
}

/// Adds each arm's label to the interventions it names (by CT.gov's display name, "Drug: X",
/// or by the bare name), once per intervention, in arm order. Linear in arms × names plus
/// interventions: the interventions are indexed by both names once, and each intervention's
/// labels are a set.
fn link_arms(arms: &mut crate::model::ArmsInterventionsModule) {
    if arms.arm_groups.is_empty() || arms.interventions.is_empty() {
        return;
    }
    // Name → the interventions it names, in list order (an intervention appears once).
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, iv) in arms.interventions.iter().enumerate() {
        by_name.entry(iv.display_name()).or_default().push(i);
        if let Some(name) = &iv.name {
            let at = by_name.entry(name.clone()).or_default();
            if at.last() != Some(&i) {
                at.push(i);
            }
        }
    }
    let mut labels: Vec<HashSet<String>> = arms
        .interventions
        .iter()
        .map(|iv| iv.arm_group_labels.iter().cloned().collect())
        .collect();
    for arm in &arms.arm_groups {
        let Some(label) = arm.label.as_ref() else {
            continue;
        };
        for name in &arm.intervention_names {
            for &i in by_name.get(name).map(Vec::as_slice).unwrap_or_default() {
                if labels[i].insert(label.clone()) {
                    arms.interventions[i].arm_group_labels.push(label.clone());
                }
            }
        }
    }
}

/// What a reader returns: the record (if the page was a registry page) and whether it looked complete.
pub(crate) struct ReadPage {
    /// The record.
    pub study: Study,
    /// Whether the page reached the site's usual end.
    pub complete: bool,
}

/// How many cells the results tables of the pages in `text` hold, and how many of them the
/// results readers placed (a meddatax results page's, the classic results tab's).
pub fn results_table_cells(text: &str) -> (usize, usize) {
    let text = crate::input::normalize::normalize(text);
    let lines = lines::scan(&text);
    let (mut cells, mut placed) = (0, 0);
    for span in detect::detect_pages(&lines) {
        let slice = &lines[span.start..span.end];
        let mut study = Study::default();
        let parts = match span.layout.name() {
            "meddatax-results" => {
                let (_, sections) = split_sections(slice, meddatax::is_heading);
                meddatax::read_results(&mut study, &sections)
            }
            "generic" => generic::read_results_tab(&mut study, slice)
                .map(|(_, p)| p)
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        for p in parts {
            cells += p.cells;
            placed += p.placed_cells;
        }
    }
    (cells, placed)
}

/// Detects the pages in `text` and runs the matching reader on each.
pub(crate) fn read(name: &str, text: &str) -> ParseOutput {
    let lines = lines::scan(text);
    let listed = detect::id_list_pages(&lines);
    let mut out = ParseOutput::default();
    if let Some(pages) = &listed {
        let lines_with_ids = lines.iter().filter(|l| !l.is_blank()).count();
        if lines_with_ids > pages.len() {
            out.diagnostics.push(Diagnostic::new(
                Severity::Info,
                None,
                format!(
                    "{name}: this is a list of trial IDs: its {lines_with_ids} lines name {}, \
                     one record each",
                    match pages.len() {
                        1 => "one trial".to_string(),
                        n => format!("{n} trials"),
                    }
                ),
            ));
        }
    }
    let pages = listed.unwrap_or_else(|| detect::detect_pages(&lines));
    // Byte offset of each line's start, for the byte length of each page.
    let offsets = lines::line_starts(text);
    for span in &pages {
        let slice = &lines[span.start..span.end];
        let from = offsets.get(span.start).copied().unwrap_or(0);
        let to = offsets
            .get(span.end)
            .copied()
            .unwrap_or(text.len())
            .min(text.len());
        let page = sites::read(span.layout, slice);
        let first = slice.first().map(|l| l.no).unwrap_or(1);
        let Some(mut page) = page else {
            out.diagnostics.push(Diagnostic::new(
                Severity::Error,
                None,
                format!(
                    "{name}: no clinical-trial registry page was found in this text (lines {first}\u{2013}{}): \
                     it has no NCT ID and none of the labels registry pages use",
                    slice.last().map(|l| l.no).unwrap_or(first)
                ),
            ));
            continue;
        };
        let last_line = slice.iter().rev().find(|l| !l.is_blank()).map(|l| l.no);
        let source = SourceInfo {
            file_name: name.to_string(),
            layout: span.layout.name().to_string(),
            byte_length: to.saturating_sub(from),
            format: None,
        };
        finish(&mut page.study, source, page.complete, last_line);
        out.records.push(page.study);
    }
    if pages.is_empty() {
        out.diagnostics.push(Diagnostic::new(
            Severity::Error,
            None,
            format!("{name}: the text is empty, so there is no registry page to read"),
        ));
    } else {
        note_several(name, &mut out, "pages");
    }
    out
}
