//! The ClinicalTrials.gov CSV download reader: one record per row, columns matched by their
//! header (any subset, any order), `|` between the values of a list column (CT.gov writes a
//! bare `|`, older trialcards files ` | `; either reads, mixed too). A column the model has no
//! field for, and a value that cannot be placed, go to `trialcards.otherFields`.
//!
//! The reader gets the file as it is and cleans each cell itself, as every input is cleaned
//! ([`normalize`](crate::input::normalize): invisible characters removed, odd spaces made
//! plain, line breaks `\n`, then trimmed) — but a cell our CSV writer guarded against
//! spreadsheet formulas (`'=…`, `' =…`), which loses its apostrophe and is otherwise read
//! exactly as written, so that every value our writer guards reads back unchanged.

use std::borrow::Cow;

use crate::detect::Layout;
use crate::export::formula_guard;
use crate::fields::code_list::{parse_code_list, split_parenthesised};
use crate::fields::design::parse_masking;
use crate::fields::{age, date};
use crate::input::normalize::{line_breaks, normalize};
use crate::model::{
    AgencyClass, DateStruct, DesignInfo, Diagnostic, EnrollmentInfo, Intervention, LabelledValue,
    OrgStudyIdInfo, Outcome, SecondaryIdInfo, Severity, SourceInfo, Sponsor, StandardAge, Study,
};
use crate::vocab;
use crate::ParseOutput;

/// Reads `text` (a CSV whose header names CT.gov's columns, as the file holds it: not
/// normalized) named `name` into records.
pub(crate) fn read(name: &str, text: &str) -> ParseOutput {
    let body = text.trim_start_matches('\u{FEFF}');
    let mut out = ParseOutput::default();
    if let Some(rows) = read_rows(name, body, RowsAt::default(), &mut out) {
        let notes = end_notes(name, rows, out.records.len());
        out.diagnostics.extend(notes);
    }
    out
}

/// Where the rows of a part of a CSV ([`read_rows`]) are in the whole file, for their line and
/// row numbers: the lines and rows between the header and the part's first row.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct RowsAt {
    /// Lines of the file between the header and the part's first row.
    pub lines_before: usize,
    /// Rows of the file before the part's first row.
    pub rows_before: usize,
}

/// The input-level notes once the CSV's `rows` rows gave `records` records: no rows, or how
/// many studies were found.
pub(crate) fn end_notes(name: &str, rows: usize, records: usize) -> Vec<Diagnostic> {
    if rows == 0 {
        vec![Diagnostic::new(
            Severity::Error,
            None,
            format!("{name}: the CSV has a header but no rows"),
        )]
    } else if records > 1 {
        vec![super::several(name, records, "studies")]
    } else {
        Vec::new()
    }
}

/// Reads `text` — the CSV's header, then some of its rows, as the file holds them, without a
/// byte-order mark — into `out`, numbering the rows' lines and rows as the whole file does
/// (`at`). The number of rows read, or `None` when the header could not be read (`out` says
/// why).
pub(crate) fn read_rows(
    name: &str,
    body: &str,
    at: RowsAt,
    out: &mut ParseOutput,
) -> Option<usize> {
    let mut reader = csv::ReaderBuilder::new().from_reader(body.as_bytes());
    let mut lines = LineCounter::default();
    let headers = match reader.headers() {
        Ok(h) => h.iter().map(|h| clean(h).into_owned()).collect::<Vec<_>>(),
        Err(err) => {
            out.diagnostics.push(Diagnostic::new(
                Severity::Error,
                Some(1),
                format!("{name}: the CSV header could not be read: {err}"),
            ));
            return None;
        }
    };
    // The header's lines: a column's name (an other field's label) is read from them.
    let header_end = row_end(body, reader.position().byte());
    let header = [1, lines.line_at(body, header_end)];
    let mut rows = 0;
    let mut record = csv::StringRecord::new();
    loop {
        let row = match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => Ok(&record),
            Err(err) => Err(err),
        };
        let index = rows;
        rows += 1;
        let row_no = at.rows_before + index + 1;
        match row {
            Ok(record) => {
                let line = record
                    .position()
                    .map(|p| lines.line_at(body, p.byte()) + at.lines_before)
                    .unwrap_or(row_no + 1);
                // The row ends where the next begins, before its line break: a quoted cell
                // with line breaks makes it span several lines.
                let end = row_end(body, reader.position().byte());
                let last = (lines.line_at(body, end) + at.lines_before).max(line);
                let mut study = Study::default();
                // The line each cell starts on: the row's, plus the line breaks before it.
                let mut cell_line = line;
                let mut criteria_lines = None;
                for (header, raw) in headers.iter().zip(record.iter()) {
                    let starts = cell_line;
                    cell_line += count_breaks(raw);
                    let value = cell_value(raw);
                    if value.is_empty() {
                        continue;
                    }
                    if matches!(header.as_str(), "Eligibility Criteria" | "Criteria") {
                        // The text starts after the blank lines the cell opens with.
                        let lead = raw.len() - raw.trim_start().len();
                        criteria_lines = Some([starts + count_breaks(&raw[..lead]), cell_line]);
                    }
                    if let Err(why) = place(&mut study, header, &value) {
                        study.trialcards.other_fields.push(LabelledValue {
                            label: header.clone(),
                            value: value.into_owned(),
                            line: Some(line),
                        });
                        if let Some(why) = why {
                            super::note(
                                &mut study,
                                Severity::Warning,
                                Some(line),
                                format!(
                                    "{name}: row {row_no}: {header} {why}; kept under otherFields"
                                ),
                            );
                        }
                    }
                }
                study.trialcards.source = SourceInfo {
                    format: None,
                    file_name: name.to_string(),
                    layout: Layout::CTGOV_CSV.name().to_string(),
                    byte_length: record.as_slice().len(),
                };
                // Every value of the record is read from the row: its lines cover them all.
                let provenance = &mut study.trialcards.provenance;
                provenance.insert(String::new(), [line, last]);
                for i in 0..study.trialcards.other_fields.len() {
                    provenance.insert(format!("/trialcards/otherFields/{i}/label"), header);
                }
                if study.nct_id().is_none() {
                    let warning =
                        super::no_nct_id_warning(&study.protocol_section.identification_module);
                    super::note_once(&mut study, warning);
                }
                criteria_tree(&mut study, criteria_lines);
                out.records.push(study);
            }
            Err(err) => {
                let line = err
                    .position()
                    .map(|p| lines.line_at(body, p.byte()) + at.lines_before);
                out.diagnostics.push(Diagnostic::new(
                    Severity::Error,
                    line,
                    format!(
                        "{name}: row {row_no}{} could not be read, so it gives no record: {}",
                        line.map(|l| format!(" (line {l})")).unwrap_or_default(),
                        row_problem(&err)
                    ),
                ));
            }
        }
    }
    Some(rows)
}

/// What is wrong with a row the CSV reader refused, without the reader's own count of records
/// and bytes (the message names the row and line already, as the whole file counts them).
fn row_problem(err: &csv::Error) -> String {
    match err.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("it has {len} cells where the header has {expected_len}"),
        _ => err.to_string(),
    }
}

/// The line breaks in `text` (`\r\n`, `\r` and `\n` each one, as [`LineCounter`] counts).
pub(crate) fn count_breaks(text: &str) -> usize {
    let bytes = text.as_bytes();
    (0..bytes.len())
        .filter(|&i| match bytes[i] {
            b'\n' => i == 0 || bytes[i - 1] != b'\r',
            b'\r' => true,
            _ => false,
        })
        .count()
}

/// The criteria tree of a row's criteria text, its lines `[first, last]` in the file: each item
/// on its own line of the cell, the tree traced to the cell's lines, and each item's thresholds.
fn criteria_tree(study: &mut Study, lines: Option<[usize; 2]>) {
    let (Some(text), Some([first, last])) = (
        &study
            .protocol_section
            .eligibility_module
            .eligibility_criteria,
        lines,
    ) else {
        return;
    };
    let Some(tree) = crate::eligibility::tree_of_text(text, true, |n| Some(first + n - 1)) else {
        return;
    };
    study.trialcards.criteria = Some(tree);
    if study
        .trialcards
        .covering("/trialcards/criteria")
        .map(|(_, l)| l)
        != Some([first, last])
    {
        study
            .trialcards
            .provenance
            .insert("/trialcards/criteria".to_string(), [first, last]);
    }
    crate::eligibility::annotate(study, true);
}

/// The value of a cell as the file holds it: a cell our writer guarded, exactly as it was
/// before the guard; any other cell [cleaned](clean).
fn cell_value(raw: &str) -> Cow<'_, str> {
    match formula_guard::unguard(raw) {
        Some(value) => Cow::Borrowed(value),
        None => clean(raw),
    }
}

/// `raw` as every input is read: normalized, line breaks `\n`, trimmed. Borrows when that
/// changes nothing but the ends.
fn clean(raw: &str) -> Cow<'_, str> {
    match normalize(raw) {
        Cow::Borrowed(_) if !raw.contains('\r') => Cow::Borrowed(raw.trim()),
        normalized => Cow::Owned(line_breaks(&normalized).trim().to_string()),
    }
}

/// The byte offset of the last character of a row that ends at `next` (where the next row
/// begins), its line break not counted.
fn row_end(text: &str, next: u64) -> u64 {
    let bytes = text.as_bytes();
    let mut end = usize::try_from(next).unwrap_or(usize::MAX).min(bytes.len());
    while end > 0 && matches!(bytes[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    end.saturating_sub(1) as u64
}

/// Line numbers of byte offsets met in order, each of `\r\n`, `\r` and `\n` ending a line
/// (the `csv` crate counts `\n` only, which would put every row of an old-Mac file on line 1).
#[derive(Debug, Default)]
struct LineCounter {
    /// How far into the text lines have been counted.
    offset: usize,
    /// Line breaks before `offset`.
    breaks: usize,
}

impl LineCounter {
    /// The line (from 1) of byte `at` of `text`; `at` is never before the previous one asked.
    fn line_at(&mut self, text: &str, at: u64) -> usize {
        let bytes = text.as_bytes();
        let end = usize::try_from(at).unwrap_or(usize::MAX).min(bytes.len());
        for i in self.offset..end {
            let crlf = bytes[i] == b'\n' && i > 0 && bytes[i - 1] == b'\r';
            if matches!(bytes[i], b'\r' | b'\n') && !crlf {
                self.breaks += 1;
            }
        }
        self.offset = self.offset.max(end);
        self.breaks + 1
    }
}

/// The values of a list column (`PHASE1|PHASE2`, `A | B`).
fn items(value: &str) -> impl Iterator<Item = &str> {
    value.split('|').map(str::trim).filter(|v| !v.is_empty())
}

/// A date column.
fn date_struct(value: &str) -> Option<DateStruct> {
    date::parse_date(value).map(DateStruct::new)
}

/// `Err(None)`: the column is kept under otherFields as it is; `Err(Some(why))`: its value could
/// not be read, which a warning says.
type Placed = Result<(), Option<String>>;

fn unknown(value: &str) -> Option<String> {
    Some(format!(
        "has a value trialcards does not know (\"{value}\")"
    ))
}

/// Places one cell under its column's v2 field.
fn place(study: &mut Study, header: &str, value: &str) -> Placed {
    let p = &mut study.protocol_section;
    let set = |ok: bool| if ok { Ok(()) } else { Err(unknown(value)) };
    match header {
        "NCT Number" => p.identification_module.nct_id = Some(value.to_string()),
        "Study Title" => p.identification_module.brief_title = Some(value.to_string()),
        "Acronym" => p.identification_module.acronym = Some(value.to_string()),
        "Study Status" => {
            p.status_module.overall_status = vocab::lookup(value);
            return set(p.status_module.overall_status.is_some());
        }
        "Brief Summary" => p.description_module.brief_summary = Some(value.to_string()),
        // Not in CT.gov's download, but in a custom export of its fields.
        "Eligibility Criteria" | "Criteria" => {
            p.eligibility_module.eligibility_criteria = Some(value.to_string())
        }
        "Study Results" => {
            study.has_results = match value.to_ascii_uppercase().as_str() {
                "YES" => Some(true),
                "NO" => Some(false),
                _ => None,
            };
            return set(study.has_results.is_some());
        }
        "Conditions" => p.conditions_module.conditions = items(value).map(str::to_string).collect(),
        "Interventions" => {
            for item in items(value) {
                let iv = match vocab::typed_intervention(item) {
                    Some((kind, name)) => Intervention {
                        intervention_type: Some(kind),
                        name: Some(name.to_string()),
                        ..Intervention::default()
                    },
                    None => Intervention {
                        name: Some(item.to_string()),
                        ..Intervention::default()
                    },
                };
                p.arms_interventions_module.interventions.push(iv);
            }
        }
        "Primary Outcome Measures" => p.outcomes_module.primary_outcomes = outcomes(value),
        "Secondary Outcome Measures" => p.outcomes_module.secondary_outcomes = outcomes(value),
        "Other Outcome Measures" => p.outcomes_module.other_outcomes = outcomes(value),
        "Sponsor" => lead_sponsor(study).name = Some(value.to_string()),
        "Collaborators" => {
            p.sponsor_collaborators_module.collaborators = items(value)
                .map(|n| Sponsor {
                    name: Some(n.to_string()),
                    class: None,
                })
                .collect()
        }
        "Sex" => {
            p.eligibility_module.sex = vocab::lookup(value);
            return set(p.eligibility_module.sex.is_some());
        }
        "Age" => return set(place_age(study, value)),
        "Phases" => {
            let phases: Vec<_> = items(value).map(vocab::lookup).collect();
            if phases.iter().any(Option::is_none) {
                return Err(unknown(value));
            }
            p.design_module.phases = phases.into_iter().flatten().collect();
            vocab::sort_phases(&mut p.design_module.phases);
        }
        "Enrollment" => {
            let count = value.parse().ok();
            p.design_module.enrollment_info = count.map(|c| EnrollmentInfo {
                count: Some(c),
                enrollment_type: None,
            });
            return set(count.is_some());
        }
        "Funder Type" => return set(place_funder_type(study, value)),
        "Study Type" => {
            p.design_module.study_type = vocab::lookup(value);
            return set(p.design_module.study_type.is_some());
        }
        "Study Design" => return set(place_design(study, value)),
        // CT.gov's download lists the sponsor's own study ID first, then the secondary IDs.
        "Other IDs" => {
            let mut ids = items(value);
            p.identification_module.org_study_id_info = ids.next().map(|id| OrgStudyIdInfo {
                id: Some(id.to_string()),
                ..OrgStudyIdInfo::default()
            });
            p.identification_module.secondary_id_infos = ids
                .map(|id| SecondaryIdInfo {
                    id: Some(id.to_string()),
                    ..SecondaryIdInfo::default()
                })
                .collect()
        }
        "Start Date" => {
            p.status_module.start_date_struct = date_struct(value);
            return set(p.status_module.start_date_struct.is_some());
        }
        "Primary Completion Date" => {
            p.status_module.primary_completion_date_struct = date_struct(value);
            return set(p.status_module.primary_completion_date_struct.is_some());
        }
        "Completion Date" => {
            p.status_module.completion_date_struct = date_struct(value);
            return set(p.status_module.completion_date_struct.is_some());
        }
        "First Posted" => {
            p.status_module.study_first_post_date_struct = date_struct(value);
            return set(p.status_module.study_first_post_date_struct.is_some());
        }
        "Results First Posted" => {
            p.status_module.results_first_post_date_struct = date_struct(value);
            return set(p.status_module.results_first_post_date_struct.is_some());
        }
        "Last Update Posted" => {
            p.status_module.last_update_post_date_struct = date_struct(value);
            return set(p.status_module.last_update_post_date_struct.is_some());
        }
        // "Study URL" repeats the NCT ID; "Locations" and "Study Documents" join their parts
        // with commas that also occur inside names, so they are kept as they are.
        _ => return Err(None),
    }
    Ok(())
}

/// The lead sponsor, made if the row has not named it yet (its columns come in any order).
fn lead_sponsor(study: &mut Study) -> &mut Sponsor {
    study
        .protocol_section
        .sponsor_collaborators_module
        .lead_sponsor
        .get_or_insert_with(Sponsor::default)
}

/// "INDUSTRY": CT.gov's Funder Type is the lead sponsor's class. Several classes (`OTHER |
/// INDUSTRY`, as older trialcards versions wrote the classes a page listed) say no sponsor's,
/// so they go to `trialcards.funderTypes`.
fn place_funder_type(study: &mut Study, value: &str) -> bool {
    let classes: Option<Vec<AgencyClass>> = items(value).map(vocab::lookup).collect();
    match classes.as_deref() {
        Some([one]) => lead_sponsor(study).class = Some(*one),
        Some(several) if !several.is_empty() => study.trialcards.funder_types = several.to_vec(),
        _ => return false,
    }
    true
}

/// Outcome measures, one per `|` item, each kept whole as its measure: the download joins
/// measure, description and time frame with commas that also occur inside them.
fn outcomes(value: &str) -> Vec<Outcome> {
    items(value)
        .map(|m| Outcome {
            measure: Some(m.to_string()),
            ..Outcome::default()
        })
        .collect()
}

/// "18 Years to 65 Years (ADULT, OLDER_ADULT)", "Child, Adult", "18 Years and older (ADULT)".
fn place_age(study: &mut Study, value: &str) -> bool {
    let e = &mut study.protocol_section.eligibility_module;
    let (range, groups) = match split_parenthesised(value) {
        Some(split) => split,
        None if value.chars().any(|c| c.is_ascii_digit()) => (value, ""),
        None => ("", value),
    };
    let Some(ages) = parse_code_list::<StandardAge>(groups) else {
        return false;
    };
    let bounds = if range.is_empty() {
        None
    } else {
        match age::parse_age_range(range) {
            Some(b) => Some(b),
            None => return false,
        }
    };
    if let Some(b) = bounds {
        e.minimum_age = b.minimum;
        e.maximum_age = b.maximum;
    }
    e.std_ages = ages;
    true
}

/// "Allocation: RANDOMIZED|Intervention Model: PARALLEL|Masking: DOUBLE (PARTICIPANT,
/// INVESTIGATOR)|Primary Purpose: TREATMENT", with ` | ` or `|` between the parts (and the
/// observational keys).
fn place_design(study: &mut Study, value: &str) -> bool {
    let mut info = DesignInfo::default();
    for item in items(value) {
        let Some((key, code)) = item.split_once(':') else {
            return false;
        };
        let code = code.trim();
        let ok = match key.trim() {
            "Allocation" => {
                info.allocation = vocab::lookup(code);
                info.allocation.is_some()
            }
            "Intervention Model" => {
                info.intervention_model = vocab::lookup(code);
                info.intervention_model.is_some()
            }
            "Primary Purpose" => {
                info.primary_purpose = vocab::lookup(code);
                info.primary_purpose.is_some()
            }
            "Observational Model" => {
                info.observational_model = vocab::lookup(code);
                info.observational_model.is_some()
            }
            "Time Perspective" => {
                info.time_perspective = vocab::lookup(code);
                info.time_perspective.is_some()
            }
            "Masking" => {
                // A masking the vocabulary does not know leaves the whole design unread.
                info.masking_info = parse_masking(code);
                info.masking_info.is_some()
            }
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    study.protocol_section.design_module.design_info = Some(info);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guarded_cell_reads_exactly_and_any_other_cell_is_cleaned() {
        for (raw, value) in [
            ("'=1+1", "=1+1"),
            ("' =1+1", " =1+1"),
            ("'\u{A0}=1", "\u{A0}=1"),
            ("'\u{FEFF}\u{200B}-1", "\u{FEFF}\u{200B}-1"),
            ("'\r=1", "\r=1"),
            ("'\r\n@x ", "\r\n@x "),
            ("''=x", "'=x"),
            ("  Plain\u{200B} title\r\nnext  ", "Plain title\nnext"),
            ("\u{A0}'Tis", "'Tis"),
            ("'Tis ", "'Tis"),
            (" =1+1", "=1+1"),
        ] {
            assert_eq!(cell_value(raw), value, "{raw:?}");
        }
        assert!(matches!(cell_value(" Plain "), Cow::Borrowed("Plain")));
    }

    #[test]
    fn lines_are_counted_for_every_kind_of_line_break() {
        let text = "a\nb\r\nc\rd\n\ne";
        let mut lines = LineCounter::default();
        let at = |c: char| text.find(c).unwrap() as u64;
        assert_eq!(lines.line_at(text, 0), 1);
        assert_eq!(lines.line_at(text, at('b')), 2);
        assert_eq!(lines.line_at(text, at('c')), 3);
        assert_eq!(lines.line_at(text, at('d')), 4);
        assert_eq!(lines.line_at(text, at('e')), 6);
        assert_eq!(lines.line_at(text, u64::MAX), 6);
    }
}
