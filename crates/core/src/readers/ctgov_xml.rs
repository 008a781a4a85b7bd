//! The classic ClinicalTrials.gov XML reader (`<clinical_study>`, as in old downloads and the
//! legacy endpoint): one record per `<clinical_study>`, read as a stream of `quick-xml` events
//! with an explicit element stack (no recursion), elements mapped onto v2 fields by
//! [`mapping`], and every element the model has no field for kept under
//! `trialcards.unmodelled` by its element path.

mod mapping;
mod results;

use crate::detect::Layout;
use crate::fields::criteria::{self, CriteriaPart};
use crate::lines::{self, Line};
use crate::model::{CriteriaTree, Diagnostic, Severity, SourceInfo, Study};
use crate::ParseOutput;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;

/// Elements nested deeper than this (classic XML needs about ten levels) are not tracked one by
/// one: their text is kept with the deepest tracked element, so a hostile document stays linear.
const MAX_DEPTH: usize = 64;

/// One open element.
struct Frame {
    /// Its name.
    name: String,
    /// Its step in an element path: the name, with `[n]` from its second same-named sibling on.
    step: String,
    /// Its attributes, decoded.
    attrs: Vec<(String, String)>,
    /// The text directly inside it (entities resolved).
    text: String,
    /// The 1-based line of its start tag, and of its first text.
    line: usize,
    text_line: Option<usize>,
    /// How many children of each name it has had, for the `[n]` of the next one.
    children: HashMap<String, usize>,
}

/// The study being read: the record and where its `<clinical_study>` sits.
struct OpenStudy {
    study: Study,
    /// Its frame's index in the element stack.
    depth: usize,
    /// Its byte offset and line.
    start: usize,
    line: usize,
    /// Where the reading of its `<clinical_results>` is.
    results: results::ResultsState,
}

/// Turns byte offsets into 1-based lines, counting each newline once (offsets come in order).
struct LineCounter<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
}

impl LineCounter<'_> {
    fn at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset > self.offset {
            let between = self
                .text
                .as_bytes()
                .get(self.offset..offset)
                .unwrap_or_default();
            self.line += between.iter().filter(|b| **b == b'\n').count();
            self.offset = offset;
        }
        self.line
    }
}

/// Reads `text` (classic CT.gov XML) named `name` into records.
pub(crate) fn read(name: &str, text: &str) -> ParseOutput {
    let body = text.trim_start_matches('\u{FEFF}');
    let mut reader = Reader::from_str(body);
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    config.trim_text(false);
    let mut lines = LineCounter {
        text: body,
        offset: 0,
        line: 1,
    };
    let mut out = ParseOutput::default();
    let mut stack: Vec<Frame> = Vec::new();
    // Elements open below `MAX_DEPTH`, not tracked one by one.
    let mut untracked = 0usize;
    let mut open: Option<OpenStudy> = None;
    let mut studies = 0usize;
    loop {
        let at = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(err) => {
                let offset = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                let (line, column) = line_and_column(body, offset);
                out.diagnostics.push(Diagnostic::new(
                    Severity::Error,
                    Some(line),
                    format!(
                        "{name}: this is not well-formed XML: at line {line}, column {column}: \
                         {err}; the studies before it are kept"
                    ),
                ));
                break;
            }
        };
        match event {
            Event::Start(start) => {
                let line = lines.at(at);
                if stack.len() >= MAX_DEPTH {
                    if untracked == 0 {
                        warn_deep(name, line, open.as_mut(), &mut out);
                    }
                    untracked += 1;
                    continue;
                }
                let element = String::from_utf8_lossy(start.name().as_ref()).into_owned();
                let attrs = start
                    .attributes()
                    .flatten()
                    .map(|a| {
                        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
                        let value = a
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .map(|v| v.into_owned())
                            .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned());
                        (key, value)
                    })
                    .collect();
                let step = match stack.last_mut() {
                    Some(parent) => {
                        let seen = parent.children.entry(element.clone()).or_insert(0);
                        *seen += 1;
                        if *seen > 1 {
                            format!("{element}[{seen}]")
                        } else {
                            element.clone()
                        }
                    }
                    None => element.clone(),
                };
                if open.is_none() && element == "clinical_study" {
                    open = Some(OpenStudy {
                        study: Study::default(),
                        depth: stack.len(),
                        start: at,
                        line,
                        results: Default::default(),
                    });
                }
                stack.push(Frame {
                    name: element,
                    step,
                    attrs,
                    text: String::new(),
                    line,
                    text_line: None,
                    children: HashMap::new(),
                });
                if let Some(s) = open.as_mut() {
                    let path: Vec<&str> = stack[s.depth + 1..]
                        .iter()
                        .map(|f| f.name.as_str())
                        .collect();
                    match path.as_slice() {
                        ["clinical_results", rest @ ..] if !rest.is_empty() => {
                            results::open(&mut s.study, &mut s.results, rest)
                        }
                        _ => mapping::open(&mut s.study, &path),
                    }
                }
            }
            Event::End(_) => {
                if untracked > 0 {
                    untracked -= 1;
                    continue;
                }
                // The line of the end tag: an element spans its start tag's line to it.
                let end_line = lines.at(at);
                let end = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
                let Some(frame) = stack.pop() else {
                    continue;
                };
                let Some(s) = open.as_mut() else {
                    continue;
                };
                if stack.len() > s.depth {
                    close(name, s, &stack, &frame, [frame.line, end_line]);
                    continue;
                }
                if let Some(done) = open.take() {
                    let mut study = done.study;
                    keep_unplaced(&mut study, &frame, "/clinical_study", frame.line);
                    finish_study(&mut study, name, end.saturating_sub(done.start));
                    out.records.push(study);
                    studies += 1;
                }
            }
            Event::Text(t) => {
                let line = lines.at(at);
                let piece = t
                    .xml10_content()
                    .unwrap_or_else(|_| String::from_utf8_lossy(&t).into_owned().into());
                add_text(&mut stack, &piece, line);
            }
            Event::CData(t) => {
                let line = lines.at(at);
                add_text(&mut stack, &String::from_utf8_lossy(&t), line);
            }
            Event::GeneralRef(r) => {
                let line = lines.at(at);
                let raw = String::from_utf8_lossy(&r).into_owned();
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_predefined_entity(&raw)
                        .map(str::to_string)
                        .unwrap_or_else(|| format!("&{raw};")),
                };
                add_text(&mut stack, &resolved, line);
            }
            Event::Eof => break,
            Event::Empty(_)
            | Event::Comment(_)
            | Event::Decl(_)
            | Event::PI(_)
            | Event::DocType(_) => {}
        }
    }
    if let Some(s) = open.take() {
        // The input broke off (or was cut) inside a study: keep what was read, and say so.
        let mut study = s.study;
        super::note(
            &mut study,
            Severity::Warning,
            Some(s.line),
            format!(
                "{name}: the input ends inside this <clinical_study> (opened at line {}), so \
                 fields after the break are missing",
                s.line
            ),
        );
        finish_study(&mut study, name, body.len().saturating_sub(s.start));
        out.records.push(study);
        studies += 1;
    }
    if studies == 0 && out.diagnostics.is_empty() {
        out.diagnostics.push(Diagnostic::new(
            Severity::Error,
            None,
            format!("{name}: the XML holds no <clinical_study>"),
        ));
    } else {
        super::note_several(name, &mut out, "studies");
    }
    out
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, before[line_start..].chars().count() + 1)
}

/// Adds text to the innermost tracked element.
fn add_text(stack: &mut [Frame], piece: &str, line: usize) {
    if let Some(frame) = stack.last_mut() {
        if frame.text_line.is_none() {
            frame.text_line = Some(line);
        }
        frame.text.push_str(piece);
    }
}

/// The one warning for a document nested deeper than [`MAX_DEPTH`].
fn warn_deep(name: &str, line: usize, open: Option<&mut OpenStudy>, out: &mut ParseOutput) {
    let message = format!(
        "{name}: the XML nests elements more than {MAX_DEPTH} deep from line {line}; their text \
         is kept with the element at that depth"
    );
    match open {
        Some(s) => super::note(&mut s.study, Severity::Warning, Some(line), message),
        None => out
            .diagnostics
            .push(Diagnostic::new(Severity::Warning, Some(line), message)),
    }
}

/// Records that the value at `pointer` in the record was read from `lines` (a later element
/// that sets the same field again takes its place).
fn trace(study: &mut Study, pointer: String, lines: [usize; 2]) {
    study.trialcards.provenance.insert(pointer, lines);
}

/// An element inside the study closes (it spans `lines`): its text goes to its v2 field, or is
/// kept; the list entry it opened, and each value it gave, are traced to its lines.
fn close(name: &str, s: &mut OpenStudy, stack: &[Frame], frame: &Frame, lines: [usize; 2]) {
    let inner = stack.get(s.depth + 1..).unwrap_or_default();
    let mut path: Vec<&str> = inner.iter().map(|f| f.name.as_str()).collect();
    path.push(&frame.name);
    let mut pointer = String::from("/clinical_study");
    for f in inner {
        pointer.push('/');
        pointer.push_str(&f.step);
    }
    pointer.push('/');
    pointer.push_str(&frame.step);
    let is_textblock = frame.name == "textblock";
    let value = if is_textblock {
        dedent(&frame.text)
    } else {
        frame.text.trim().to_string()
    };
    if let ["clinical_results", rest @ ..] = path.as_slice() {
        if !rest.is_empty() {
            let placed = results::close(
                &mut s.study,
                &mut s.results,
                rest,
                &value,
                &frame.attrs,
                lines,
            );
            let study = &mut s.study;
            if let (false, Err(why)) = (value.is_empty(), placed.text) {
                keep(study, pointer.clone(), value, lines);
                warn_kept(study, name, frame.line, &pointer, why);
            }
            for ((key, value), placed) in frame.attrs.iter().zip(placed.attrs) {
                if let Err(why) = placed {
                    let at = format!("{pointer}/@{key}");
                    keep(study, at.clone(), value.clone(), [frame.line, frame.line]);
                    warn_kept(study, name, frame.line, &at, why);
                }
            }
            return;
        }
    }
    let study = &mut s.study;
    let mut consumed_type = false;
    if !value.is_empty() {
        let placed = if path == ["eligibility", "criteria", "textblock"] {
            let first = frame.text_line.unwrap_or(frame.line);
            criteria_text(study, &frame.text, first);
            Ok(())
        } else {
            let kind = frame
                .attrs
                .iter()
                .find(|(k, _)| k == "type")
                .map(|(_, v)| v.as_str());
            mapping::leaf(study, &path, &value, kind)
        };
        match placed {
            Ok(()) => {
                consumed_type = true;
                if is_textblock && path == ["eligibility", "criteria", "textblock"] {
                    let e = "/protocolSection/eligibilityModule/eligibilityCriteria";
                    trace(study, e.to_string(), lines);
                    if study.trialcards.criteria.is_some() {
                        trace(study, "/trialcards/criteria".to_string(), lines);
                    }
                }
                for target in mapping::target(study, &path) {
                    trace(study, target, lines);
                }
            }
            Err(why) => {
                keep(study, pointer.clone(), value, lines);
                warn_kept(study, name, frame.line, &pointer, why);
            }
        }
    }
    for (key, value) in &frame.attrs {
        if !(consumed_type && key == "type") {
            keep(
                study,
                format!("{pointer}/@{key}"),
                value.clone(),
                [frame.line, frame.line],
            );
        }
    }
    if let Some(entry) = mapping::entry(study, &path) {
        trace(study, entry, lines);
    }
}

/// The warning for a value kept at `pointer` (read from `line`) because it could not be read
/// (`why`); none for a value without a v2 field.
fn warn_kept(study: &mut Study, name: &str, line: usize, pointer: &str, why: Option<String>) {
    if let Some(why) = why {
        super::note(
            study,
            Severity::Warning,
            Some(line),
            format!("{name}: line {line}: {pointer} {why}; it is kept under trialcards.unmodelled"),
        );
    }
}

/// Keeps the `<clinical_study>` element's own attributes (`rank`) and stray text (traced to
/// its start tag's line, and its text's).
fn keep_unplaced(study: &mut Study, frame: &Frame, pointer: &str, line: usize) {
    for (key, value) in &frame.attrs {
        keep(
            study,
            format!("{pointer}/@{key}"),
            value.clone(),
            [line, line],
        );
    }
    let text = frame.text.trim();
    if !text.is_empty() {
        let at = frame.text_line.unwrap_or(line);
        keep(study, pointer.to_string(), text.to_string(), [at, at]);
    }
}

/// Keeps a value the model has no field for under its element path, read from `lines`.
fn keep(study: &mut Study, pointer: String, value: String, lines: [usize; 2]) {
    if let std::collections::btree_map::Entry::Vacant(slot) =
        study.trialcards.unmodelled.entry(pointer)
    {
        let mut traced = String::from("/trialcards/unmodelled/");
        crate::reading::spans::push_token(&mut traced, slot.key());
        slot.insert(serde_json::Value::String(value));
        study.trialcards.provenance.insert(traced, lines);
    }
}

/// Classic XML indents every line of a textblock: strips the indentation all its lines share,
/// and the blank lines around it.
pub(crate) fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end()).collect();
    let indent = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let kept: Vec<&str> = lines
        .iter()
        .map(|l| l.get(indent..).unwrap_or_default())
        .collect();
    let first = kept
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(kept.len());
    let last = kept
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(first, |i| i + 1);
    kept.get(first..last).unwrap_or_default().join("\n")
}

/// The criteria textblock: the tree (when it has inclusion or exclusion items) and the v2 text
/// rendered from it, else the text as it is. `first_line` is the input line of its first text.
fn criteria_text(study: &mut Study, raw: &str, first_line: usize) {
    let mut scanned: Vec<Line<'_>> = lines::scan(raw);
    for line in scanned.iter_mut() {
        line.no += first_line - 1;
    }
    let mut tree = CriteriaTree::default();
    criteria::build_tree(&scanned, CriteriaPart::Preamble, &mut tree);
    let e = &mut study.protocol_section.eligibility_module;
    if tree.inclusion.is_empty() && tree.exclusion.is_empty() {
        e.eligibility_criteria = Some(dedent(raw));
        return;
    }
    e.eligibility_criteria = criteria::eligibility_text(&tree);
    study.trialcards.criteria = Some(tree);
}

/// Each arm names the interventions given to it (classic XML links them from the intervention
/// side only), `hasResults`, source info, the missing-NCT-ID warning, and each criterion's
/// thresholds (traced to the criterion's own line in the textblock).
fn finish_study(study: &mut Study, name: &str, byte_length: usize) {
    let arms = &mut study.protocol_section.arms_interventions_module;
    let by_label: HashMap<String, usize> = arms
        .arm_groups
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.label.clone().map(|l| (l, i)))
        .collect();
    for iv in &arms.interventions {
        for label in &iv.arm_group_labels {
            if let Some(arm) = by_label
                .get(label)
                .and_then(|&i| arms.arm_groups.get_mut(i))
            {
                let shown = iv.display_name();
                if !arm.intervention_names.contains(&shown) {
                    arm.intervention_names.push(shown);
                }
            }
        }
    }
    // Classic XML posts results as `<clinical_study><clinical_results>`: without it, none.
    study.has_results.get_or_insert(false);
    study.trialcards.source = SourceInfo {
        file_name: name.to_string(),
        layout: Layout::CTGOV_XML.name().to_string(),
        byte_length,
        format: None,
    };
    if study.nct_id().is_none() {
        let warning = super::no_nct_id_warning(&study.protocol_section.identification_module);
        super::note_once(study, warning);
    }
    crate::eligibility::annotate(study, true);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textblocks_lose_their_common_indentation() {
        assert_eq!(
            dedent("\n      First line\n        indented\n\n      Last\n    "),
            "First line\n  indented\n\nLast"
        );
        assert_eq!(dedent("   "), "");
    }

    #[test]
    fn positions_are_lines_and_columns() {
        assert_eq!(line_and_column("ab\ncdé", 7), (2, 4));
        assert_eq!(line_and_column("ab\ncdé", 6), (2, 3));
        assert_eq!(line_and_column("ab", 99), (1, 3));
    }
}
