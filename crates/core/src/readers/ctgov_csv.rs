//! The ClinicalTrials.gov CSV download reader: one record per row, columns matched by their
//! header (any subset, any order), `|` between the values of a list column. A column the model
//! has no field for, and a value that cannot be placed, go to `trialcards.otherFields`. A cell
//! our CSV writer guarded against spreadsheet formulas (`'=…`) reads without its apostrophe.

use crate::detect::Layout;
use crate::export::formula_guard;
use crate::fields::code_list::{parse_code_list, split_parenthesised};
use crate::fields::design::parse_masking;
use crate::fields::{age, date};
use crate::model::{
    AgencyClass, DateStruct, DesignInfo, Diagnostic, EnrollmentInfo, Intervention, LabelledValue,
    OrgStudyIdInfo, Outcome, SecondaryIdInfo, Severity, SourceInfo, Sponsor, StandardAge, Study,
};
use crate::vocab;
use crate::ParseOutput;

/// Reads `text` (a CSV whose header names CT.gov's columns) named `name` into records.
pub(crate) fn read(name: &str, text: &str) -> ParseOutput {
    let body = text.trim_start_matches('\u{FEFF}');
    let mut reader = csv::ReaderBuilder::new().from_reader(body.as_bytes());
    let mut out = ParseOutput::default();
    let headers = match reader.headers() {
        Ok(h) => h.iter().map(|h| h.trim().to_string()).collect::<Vec<_>>(),
        Err(err) => {
            out.diagnostics.push(Diagnostic::new(
                Severity::Error,
                Some(1),
                format!("{name}: the CSV header could not be read: {err}"),
            ));
            return out;
        }
    };
    let mut rows = 0;
    for (index, row) in reader.records().enumerate() {
        rows += 1;
        let row_no = index + 1;
        match row {
            Ok(record) => {
                let line = record
                    .position()
                    .map(|p| p.line() as usize)
                    .unwrap_or(row_no + 1);
                let mut study = Study::default();
                for (header, value) in headers.iter().zip(record.iter()) {
                    let value = formula_guard::unguard(value.trim());
                    if value.is_empty() {
                        continue;
                    }
                    if let Err(why) = place(&mut study, header, value) {
                        study.trialcards.other_fields.push(LabelledValue {
                            label: header.clone(),
                            value: value.to_string(),
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
                if study.nct_id().is_none() {
                    let warning =
                        super::no_nct_id_warning(&study.protocol_section.identification_module);
                    super::note_once(&mut study, warning);
                }
                out.records.push(study);
            }
            Err(err) => {
                let line = err.position().map(|p| p.line() as usize);
                out.diagnostics.push(Diagnostic::new(
                    Severity::Error,
                    line,
                    format!(
                        "{name}: row {row_no}{} could not be read, so it gives no record: {err}",
                        line.map(|l| format!(" (line {l})")).unwrap_or_default()
                    ),
                ));
            }
        }
    }
    if rows == 0 {
        out.diagnostics.push(Diagnostic::new(
            Severity::Error,
            None,
            format!("{name}: the CSV has a header but no rows"),
        ));
    } else {
        super::note_several(name, &mut out, "studies");
    }
    out
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
        "Sponsor" => {
            p.sponsor_collaborators_module.lead_sponsor = Some(Sponsor {
                name: Some(value.to_string()),
                class: None,
            })
        }
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
        "Funder Type" => {
            let classes: Vec<Option<AgencyClass>> = items(value).map(vocab::lookup).collect();
            if classes.iter().any(Option::is_none) {
                return Err(unknown(value));
            }
            study.trialcards.funder_types = classes.into_iter().flatten().collect();
        }
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
/// INVESTIGATOR)|Primary Purpose: TREATMENT" (and the observational keys).
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
