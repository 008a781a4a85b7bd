//! The ClinicalTrials.gov API v2 JSON reader: one study, a search page (`{"studies": […]}`), a
//! JSON array of studies (our own CLI output too) or JSON Lines, each study read into the model
//! with nothing lost: what the model has no field for is kept under `trialcards.unmodelled`.

use super::json_scan::{self, Tree};
use super::unmodelled::{self, Dropped};
use crate::detect::Layout;
use crate::model::{Diagnostic, Severity, SourceInfo, Study};
use crate::ParseOutput;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Keys that only a v2 study object has at its top level.
const STUDY_KEYS: &[&str] = &[
    "protocolSection",
    "resultsSection",
    "annotationSection",
    "documentSection",
    "derivedSection",
];

/// Reads `text` (JSON by its first character) named `name` into records.
pub(crate) fn read(name: &str, text: &str) -> ParseOutput {
    let body = text.trim_start_matches('\u{FEFF}');
    match serde_json::from_str::<&RawValue>(body) {
        Ok(raw) => read_document(name, body, raw),
        Err(err) => read_json_lines(name, body).unwrap_or_else(|| ParseOutput {
            records: Vec::new(),
            diagnostics: vec![invalid_json(name, None, &err)],
        }),
    }
}

/// The diagnostic for text that is not JSON, naming the input, line and column and what is wrong.
fn invalid_json(name: &str, line_offset: Option<usize>, err: &serde_json::Error) -> Diagnostic {
    let line = err.line() + line_offset.unwrap_or(0);
    let column = err.column();
    let full = err.to_string();
    let what = full
        .strip_suffix(&format!(" at line {} column {column}", err.line()))
        .unwrap_or(&full);
    Diagnostic::new(
        Severity::Error,
        Some(line),
        format!("{name}: this is not valid JSON: at line {line}, column {column}: {what}"),
    )
}

/// Where a study's text starts: its 1-based line in the input.
#[derive(Debug, Clone, Copy)]
struct Place {
    line: usize,
}

/// Turns byte offsets into line numbers, counting each newline once (offsets come in order).
struct LineCounter<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text,
            offset: 0,
            line: 1,
        }
    }

    /// The place of `raw`, a slice of the counter's text.
    fn place(&mut self, raw: &str) -> Place {
        let offset = (raw.as_ptr() as usize)
            .saturating_sub(self.text.as_ptr() as usize)
            .min(self.text.len());
        if offset >= self.offset {
            let between = self.text.get(self.offset..offset).unwrap_or_default();
            self.line += between.bytes().filter(|b| *b == b'\n').count();
            self.offset = offset;
        }
        Place { line: self.line }
    }
}

/// One JSON document: a study, a search page, or an array of studies.
fn read_document(name: &str, body: &str, raw: &RawValue) -> ParseOutput {
    let mut out = ParseOutput::default();
    let mut lines = LineCounter::new(body);
    let json = raw.get();
    // Where each value is, for the records' provenance (`None` if the scanner disagrees).
    let tree = json_scan::scan(body, 1);
    // The node of each study: the document itself, an item, or an item of `studies`.
    let mut list = None;
    let items: Vec<&RawValue> = if json.starts_with('[') {
        list = tree.as_ref().map(|_| Tree::ROOT);
        match serde_json::from_str(json) {
            Ok(items) => items,
            Err(err) => return failed(name, &err),
        }
    } else if json.starts_with('{') {
        let top: BTreeMap<String, &RawValue> = match serde_json::from_str(json) {
            Ok(top) => top,
            Err(err) => return failed(name, &err),
        };
        match top.get("studies") {
            Some(studies) if !top.keys().any(|k| STUDY_KEYS.contains(&k.as_str())) => {
                if let Some(token) = top.get("nextPageToken").map(|t| t.get()) {
                    out.diagnostics.push(next_page_note(name, token));
                }
                list = tree.as_ref().and_then(|t| t.member(Tree::ROOT, "studies"));
                match serde_json::from_str(studies.get()) {
                    Ok(items) => items,
                    Err(err) => {
                        out.diagnostics.push(Diagnostic::new(
                            Severity::Error,
                            Some(lines.place(studies.get()).line),
                            format!("{name}: \"studies\" is not a list of studies: {err}"),
                        ));
                        return out;
                    }
                }
            }
            _ => vec![raw],
        }
    } else {
        return not_a_study(name, 1, "it is a single value, not an object");
    };
    let many = items.len() > 1;
    for (i, item) in items.iter().enumerate() {
        let node = match (&tree, list) {
            (Some(t), Some(list)) => t.item(list, i),
            (Some(_), None) => Some(Tree::ROOT),
            (None, _) => None,
        };
        let at = tree.as_ref().zip(node);
        let mut place = lines.place(item.get());
        if let Some((t, node)) = at {
            // The scanner counts a lone `\r` as a line break too, as the source view does.
            place.line = t.lines(node)[0];
        }
        let label = item_label(name, i, place.line, many);
        match read_study(name, &label, item.get(), place, at) {
            Ok(study) => out.records.push(study),
            Err(problem) => out.diagnostics.push(problem),
        }
    }
    finish_output(name, &mut out, items.is_empty());
    out
}

/// JSON Lines: one study per line. `None` when the first line is not JSON on its own (then the
/// input is one broken document, and its own error is the one to report).
fn read_json_lines(name: &str, body: &str) -> Option<ParseOutput> {
    let mut lines = body
        .split('\n')
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let (_, first) = lines.next()?;
    serde_json::from_str::<&RawValue>(first).ok()?;
    let mut out = ParseOutput::default();
    let mut seen = 0;
    // The line each piece starts on, counted as the source view counts lines (a lone `\r`
    // inside a piece ends a line too).
    let mut first_line = 1;
    for (index, line) in body.split('\n').enumerate() {
        let starts_at = first_line;
        let inner = line.strip_suffix('\r').unwrap_or(line);
        first_line += 1 + inner.matches('\r').count();
        if line.trim().is_empty() {
            continue;
        }
        seen += 1;
        let no = index + 1;
        let label = format!("{name}: line {no}");
        let place = Place { line: starts_at };
        match serde_json::from_str::<&RawValue>(line) {
            Ok(raw) => match read_study(
                name,
                &label,
                raw.get(),
                place,
                json_scan::scan(line, starts_at)
                    .as_ref()
                    .map(|t| (t, Tree::ROOT)),
            ) {
                Ok(study) => out.records.push(study),
                Err(problem) => out.diagnostics.push(problem),
            },
            Err(err) => out
                .diagnostics
                .push(invalid_json(&label, Some(index), &err)),
        }
    }
    finish_output(name, &mut out, seen == 0);
    Some(out)
}

/// Reads one study of a larger input read piece by piece ([`crate::stream`]): `json` is the
/// study's text, starting on the input's line `line`, as [`read`] would find it there. `label`
/// names it in diagnostics (as `read` names it); `line_offset` is where a JSON line's own line
/// numbers start, for a JSON error's place.
pub(crate) fn read_item(
    name: &str,
    label: &str,
    json: &str,
    line: usize,
    line_offset: Option<usize>,
) -> Result<Study, Diagnostic> {
    let at_line = Some(line.saturating_sub(1));
    // The study is parsed once; only when that fails is it checked for a syntax error, which
    // is placed by the JSON line's own numbers (a value the model cannot hold, by the study's).
    let value: Value = match serde_json::from_str(json) {
        Ok(value) => value,
        Err(err) => {
            return Err(match serde_json::from_str::<&RawValue>(json) {
                Err(syntax) => invalid_json(label, line_offset.or(at_line), &syntax),
                Ok(_) => invalid_json(label, at_line, &err),
            })
        }
    };
    let tree = json_scan::scan(json, line);
    study_from_value(
        name,
        label,
        &value,
        json.len(),
        Place { line },
        tree.as_ref().map(|t| (t, Tree::ROOT)),
    )
}

/// The label a study of a list is named by in diagnostics: the input's name alone when the
/// list holds one study.
pub(crate) fn item_label(name: &str, index: usize, line: usize, many: bool) -> String {
    if many {
        format!("{name}: study {} (line {line})", index + 1)
    } else {
        name.to_string()
    }
}

/// The note that more studies follow on a search page's next page (`token` as the JSON has it).
pub(crate) fn next_page_note(name: &str, token: &str) -> Diagnostic {
    Diagnostic::new(
        Severity::Info,
        None,
        format!(
            "{name}: this is one page of a ClinicalTrials.gov search; more studies \
             follow on the next page (nextPageToken {token})"
        ),
    )
}

/// The input-level notes of a JSON input read piece by piece, once its `items` studies gave
/// `records` records: nothing found, or how many studies were.
pub(crate) fn end_notes(name: &str, items: usize, records: usize) -> Vec<Diagnostic> {
    let mut out = ParseOutput {
        records: Vec::new(),
        diagnostics: Vec::new(),
    };
    if items == 0 {
        finish_output(name, &mut out, true);
    } else if records > 1 {
        out.diagnostics
            .push(super::several(name, records, "studies"));
    }
    out.diagnostics
}

fn failed(name: &str, err: &serde_json::Error) -> ParseOutput {
    ParseOutput {
        records: Vec::new(),
        diagnostics: vec![invalid_json(name, None, err)],
    }
}

fn not_a_study(label: &str, line: usize, why: &str) -> ParseOutput {
    ParseOutput {
        records: Vec::new(),
        diagnostics: vec![not_a_study_diagnostic(label, line, why)],
    }
}

fn not_a_study_diagnostic(label: &str, line: usize, why: &str) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        Some(line),
        format!(
            "{label}: this is valid JSON but not a ClinicalTrials.gov study ({why}; a study has \
             a \"protocolSection\")"
        ),
    )
}

/// The input-level notes: nothing found, or how many studies were.
fn finish_output(name: &str, out: &mut ParseOutput, empty: bool) {
    if empty {
        out.diagnostics.push(Diagnostic::new(
            Severity::Error,
            None,
            format!("{name}: the JSON holds no studies"),
        ));
    } else {
        super::note_several(name, out, "studies");
    }
}

/// Reads one study object (`json` is valid JSON); `label` names it in diagnostics. `at` is
/// where its values are in the source (the scanned text and the study's node), for its
/// provenance.
fn read_study(
    name: &str,
    label: &str,
    json: &str,
    place: Place,
    at: Option<(&Tree<'_>, u32)>,
) -> Result<Study, Diagnostic> {
    let value: Value = serde_json::from_str(json)
        .map_err(|err| invalid_json(label, Some(place.line.saturating_sub(1)), &err))?;
    study_from_value(name, label, &value, json.len(), place, at)
}

/// The study a page embeds as JSON (`json`, starting on the page's line `line`), when it is
/// an object with a `protocolSection`; read as a v2 study is, what the model has no field for
/// kept under `trialcards.unmodelled`. Its diagnostics name it as `label`.
pub(crate) fn read_embedded(json: &str, line: usize, label: &str) -> Option<Study> {
    let value: Value = serde_json::from_str(json).ok()?;
    if !value.get("protocolSection").is_some_and(Value::is_object) {
        return None;
    }
    study_from_value(label, label, &value, json.len(), Place { line }, None).ok()
}

/// Reads one study from its JSON value (`byte_length` bytes of text); its provenance from `at`
/// (the scanned source and the study's node in it), unless the record carries its own.
fn study_from_value(
    name: &str,
    label: &str,
    value: &Value,
    byte_length: usize,
    place: Place,
    at: Option<(&Tree<'_>, u32)>,
) -> Result<Study, Diagnostic> {
    #[cfg(not(feature = "structured"))]
    {
        // Handed on to a build that reads studies (crate::here); the rest is left out.
        crate::here::hand_on();
        return Err(not_a_study_diagnostic(
            label,
            place.line,
            "it is read elsewhere",
        ));
    }
    let Value::Object(object) = value else {
        return Err(not_a_study_diagnostic(
            label,
            place.line,
            "it is not an object",
        ));
    };
    if !object.keys().any(|k| STUDY_KEYS.contains(&k.as_str())) {
        let keys: Vec<&str> = object.keys().take(5).map(String::as_str).collect();
        let why = if keys.is_empty() {
            "it is an empty object".to_string()
        } else {
            format!("its keys are {}", keys.join(", "))
        };
        return Err(not_a_study_diagnostic(label, place.line, &why));
    }
    let mut notes = Vec::new();
    let mut study = readable_study(value, object, label, place.line, &mut notes)?;
    let kept = crate::json_value::to_value(&study).map_err(|err| {
        Diagnostic::new(
            Severity::Error,
            Some(place.line),
            format!("{label}: the record could not be written back as JSON: {err}"),
        )
    })?;
    for dropped in unmodelled::dropped(value, &kept, &["/trialcards/source"], is_code_key) {
        if let Some(message) = unknown_code(label, &dropped) {
            notes.push(Diagnostic::new(
                Severity::Warning,
                Some(place.line),
                message,
            ));
        }
        study
            .trialcards
            .unmodelled
            .entry(dropped.pointer)
            .or_insert(dropped.value);
    }
    // A record written by trialcards keeps the provenance it carries: its lines are those of
    // the text it was first read from, which is where its values came from, and that text is
    // named in `provenance_source` (the first one, if it was read back before). Provenance
    // without a source to name cannot be followed, so such a record, like any other, gets the
    // lines of this file.
    let carried = &mut study.trialcards;
    if !carried.provenance.is_empty() && carried.provenance_source.is_none() {
        if carried.source.file_name.is_empty() {
            carried.provenance.clear();
        } else {
            carried.provenance_source = Some(std::mem::take(&mut carried.source));
        }
    }
    if let (true, Some((tree, node))) = (study.trialcards.provenance.is_empty(), at) {
        study.trialcards.provenance =
            json_scan::provenance(tree, node, value, &kept, &study.trialcards.unmodelled);
    }
    criteria_tree(&mut study);
    study.trialcards.source = SourceInfo {
        format: None,
        file_name: name.to_string(),
        layout: Layout::CTGOV_JSON.name().to_string(),
        byte_length,
    };
    for note in notes {
        super::note_once(&mut study, note);
    }
    if study.nct_id().is_none() {
        let warning = super::no_nct_id_warning(&study.protocol_section.identification_module);
        super::note_once(&mut study, warning);
    }
    Ok(study)
}

/// The criteria tree of the study's criteria text, when the record carries none: every item on
/// the line the criteria text is on (a JSON string is one line), the tree traced to it, and
/// each item's thresholds. A tree the record carries (our JSON read back) is kept, its
/// thresholds read if it has none.
fn criteria_tree(study: &mut Study) {
    if let Some(tree) = &study.trialcards.criteria {
        if !crate::eligibility::has_thresholds(tree) {
            crate::eligibility::annotate(study, false);
        }
        return;
    }
    let Some(text) = &study
        .protocol_section
        .eligibility_module
        .eligibility_criteria
    else {
        return;
    };
    let line = study
        .trialcards
        .covering("/protocolSection/eligibilityModule/eligibilityCriteria")
        .map(|(_, [first, _])| first);
    let Some(tree) = crate::eligibility::tree_of_text(text, true, |_| line) else {
        return;
    };
    study.trialcards.criteria = Some(tree);
    if let Some(line) = line {
        let extras = &mut study.trialcards;
        if extras.covering("/trialcards/criteria").map(|(_, l)| l) != Some([line, line]) {
            extras
                .provenance
                .insert("/trialcards/criteria".to_string(), [line, line]);
        }
    }
    crate::eligibility::annotate(study, true);
}

/// The top-level keys whose value is an object of modules, each of which is tried on its own
/// when the whole study cannot be read.
const SECTION_KEYS: &[&str] = &[
    "protocolSection",
    "resultsSection",
    "documentSection",
    "derivedSection",
];

/// Deserializes the study. Where a part has a shape the model cannot read (a number where a
/// text belongs), that part alone is left out (the unmodelled pass then keeps it) with a
/// warning, and the rest is read: the top-level keys and each module of a section
/// ([`SECTION_KEYS`]) are tried on their own, so this stays linear.
fn readable_study(
    value: &Value,
    object: &Map<String, Value>,
    label: &str,
    line: usize,
    notes: &mut Vec<Diagnostic>,
) -> Result<Study, Diagnostic> {
    if let Ok(study) = Study::deserialize(value) {
        return Ok(study);
    }
    let mut pruned = Map::new();
    for (key, part) in object {
        let modules = match part {
            Value::Object(modules) if SECTION_KEYS.contains(&key.as_str()) => modules,
            _ => {
                let probe = Value::Object(Map::from_iter([(key.clone(), part.clone())]));
                match Study::deserialize(&probe) {
                    Ok(_) => {
                        pruned.insert(key.clone(), part.clone());
                    }
                    Err(err) => notes.push(unreadable_part(label, line, &format!("/{key}"), &err)),
                }
                continue;
            }
        };
        let mut kept_modules = Map::new();
        for (module, content) in modules {
            let probe = serde_json::json!({ key.clone(): { module.clone(): content.clone() } });
            match Study::deserialize(&probe) {
                Ok(_) => {
                    kept_modules.insert(module.clone(), content.clone());
                }
                Err(err) => notes.push(unreadable_part(
                    label,
                    line,
                    &format!("/{key}/{module}"),
                    &err,
                )),
            }
        }
        pruned.insert(key.clone(), Value::Object(kept_modules));
    }
    Study::deserialize(&Value::Object(pruned)).map_err(|err| {
        Diagnostic::new(
            Severity::Error,
            Some(line),
            format!("{label}: the study could not be read: {err}"),
        )
    })
}

fn unreadable_part(label: &str, line: usize, pointer: &str, err: &serde_json::Error) -> Diagnostic {
    Diagnostic::new(
        Severity::Warning,
        Some(line),
        format!(
            "{label}: {pointer} could not be read ({err}); it is kept as it was under \
             trialcards.unmodelled and the rest of the study is read"
        ),
    )
}

/// Whether `key` names one of the model's enum fields.
fn is_code_key(key: &str) -> bool {
    crate::model::ENUM_FIELD_KEYS.contains(&key)
}

/// The warning for a value dropped from an enum field: a code this version does not know.
fn unknown_code(label: &str, dropped: &Dropped) -> Option<String> {
    let enum_field = is_code_key(&dropped.key);
    let shown = match &dropped.value {
        Value::String(s) => format!("\"{s}\""),
        v @ (Value::Number(_) | Value::Bool(_)) => v.to_string(),
        _ => return None,
    };
    enum_field.then(|| {
        format!(
            "{label}: {} has the value {shown}, which is not a ClinicalTrials.gov code trialcards \
             knows (perhaps a newer one); the record is read without it, and the value is kept \
             under trialcards.unmodelled",
            dropped.pointer
        )
    })
}
