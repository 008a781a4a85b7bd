//! Posted results as tables: one row per outcome measurement ([`to_results_csv`]) and one row
//! per adverse-event term and group ([`to_events_csv`]), for a spreadsheet or a statistics
//! package. The CSV is written as [`to_csv`](super::to_csv) writes it: rows ending in CRLF,
//! cells quoted when they hold commas, quotes or line breaks, an optional byte-order mark, and
//! an apostrophe before a cell a spreadsheet would run as a formula
//! ([`formula_guard`](super::formula_guard)) — except a plain number (`-3.1`), which a
//! spreadsheet reads as a number, not a formula, and which these tables are mostly made of.
//!
//! Values are written as the record holds them: codes as CT.gov writes them (`PRIMARY`,
//! `MEAN`, `STANDARD_DEVIATION`), numbers as posted (`NA`, `<0.001` stay as they are). A record
//! without results gives no rows.

use std::borrow::Cow;

use crate::model::{AdverseEvent, CtEnum, Denom, MeasureClass, Measurement, OutcomeMeasure, Study};

use super::formula_guard;
use super::CsvOptions;

/// The columns of [`to_results_csv`], in order.
pub const RESULTS_CSV_COLUMNS: &[&str] = &[
    "NCT Number",
    "Outcome Type",
    "Outcome Title",
    "Time Frame",
    "Param Type",
    "Dispersion Type",
    "Unit of Measure",
    "Group ID",
    "Group Title",
    "Participants Analyzed",
    "Class",
    "Category",
    "Value",
    "Spread",
    "Lower Limit",
    "Upper Limit",
    "Comment",
];

/// The columns of [`to_events_csv`], in order.
pub const EVENTS_CSV_COLUMNS: &[&str] = &[
    "NCT Number",
    "Event Type",
    "Organ System",
    "Term",
    "Source Vocabulary",
    "Group ID",
    "Group Title",
    "Affected",
    "At Risk",
    "Events",
];

/// The outcome measurements of the records: a header row of [`RESULTS_CSV_COLUMNS`], then one
/// row per measurement (outcome by outcome, class by class, category by category, group by
/// group, as posted). "Group Title" is the title of the outcome's group of that ID;
/// "Participants Analyzed" its number analysed: from the class's own denominators when it has
/// them, else the outcome's, counted in "Participants" when a denominator is, else in the
/// first units given.
pub fn to_results_csv(studies: &[&Study], options: CsvOptions) -> String {
    let mut rows = Vec::new();
    for study in studies {
        let nct = study.nct_id().unwrap_or_default();
        for outcome in &study
            .results_section
            .outcome_measures_module
            .outcome_measures
        {
            outcome_rows(nct, outcome, &mut rows);
        }
    }
    write_table(RESULTS_CSV_COLUMNS, &rows, options)
}

/// The adverse events of the records: a header row of [`EVENTS_CSV_COLUMNS`], then one row per
/// term and group, the serious events (Event Type "Serious") before the others ("Other").
/// "Group Title" is the title of the event group of that ID.
pub fn to_events_csv(studies: &[&Study], options: CsvOptions) -> String {
    let mut rows = Vec::new();
    for study in studies {
        let nct = study.nct_id().unwrap_or_default();
        let ae = &study.results_section.adverse_events_module;
        let title = |id: Option<&str>| {
            ae.event_groups
                .iter()
                .find(|g| id.is_some() && g.id.as_deref() == id)
                .and_then(|g| g.title.clone())
                .unwrap_or_default()
        };
        for (kind, events) in [("Serious", &ae.serious_events), ("Other", &ae.other_events)] {
            for event in events {
                event_rows(nct, kind, event, &title, &mut rows);
            }
        }
    }
    write_table(EVENTS_CSV_COLUMNS, &rows, options)
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn code<E: CtEnum>(value: Option<E>) -> String {
    value.map(|v| v.code().to_string()).unwrap_or_default()
}

fn count(value: Option<u64>) -> String {
    value.map(|n| n.to_string()).unwrap_or_default()
}

/// The count of group `id` in the denominator counted in "Participants", else in the first.
fn analyzed(denoms: &[Denom], id: Option<&str>) -> Option<String> {
    let denom = denoms
        .iter()
        .find(|d| {
            d.units
                .as_deref()
                .is_some_and(|u| u.eq_ignore_ascii_case("participants"))
        })
        .or_else(|| denoms.first())?;
    denom
        .counts
        .iter()
        .find(|c| id.is_some() && c.group_id.as_deref() == id)
        .and_then(|c| c.value.clone())
}

/// One row per measurement of `outcome`.
fn outcome_rows(nct: &str, outcome: &OutcomeMeasure, rows: &mut Vec<Vec<String>>) {
    for class in &outcome.classes {
        for category in &class.categories {
            for m in &category.measurements {
                rows.push(vec![
                    nct.to_string(),
                    code(outcome.outcome_type),
                    text(&outcome.title),
                    text(&outcome.time_frame),
                    code(outcome.param_type),
                    text(&outcome.dispersion_type),
                    text(&outcome.unit_of_measure),
                    text(&m.group_id),
                    group_title(outcome, m),
                    participants(outcome, class, m),
                    text(&class.title),
                    text(&category.title),
                    text(&m.value),
                    text(&m.spread),
                    text(&m.lower_limit),
                    text(&m.upper_limit),
                    text(&m.comment),
                ]);
            }
        }
    }
}

/// The title of the outcome's group that `m` is of.
fn group_title(outcome: &OutcomeMeasure, m: &Measurement) -> String {
    let id = m.group_id.as_deref();
    outcome
        .groups
        .iter()
        .find(|g| id.is_some() && g.id.as_deref() == id)
        .and_then(|g| g.title.clone())
        .unwrap_or_default()
}

/// The number analysed in `m`'s group: the class's own, else the outcome's.
fn participants(outcome: &OutcomeMeasure, class: &MeasureClass, m: &Measurement) -> String {
    let id = m.group_id.as_deref();
    analyzed(&class.denoms, id)
        .or_else(|| analyzed(&outcome.denoms, id))
        .unwrap_or_default()
}

/// One row per group of `event`.
fn event_rows(
    nct: &str,
    kind: &str,
    event: &AdverseEvent,
    title: &dyn Fn(Option<&str>) -> String,
    rows: &mut Vec<Vec<String>>,
) {
    for stats in &event.stats {
        rows.push(vec![
            nct.to_string(),
            kind.to_string(),
            text(&event.organ_system),
            text(&event.term),
            text(&event.source_vocabulary),
            text(&stats.group_id),
            title(stats.group_id.as_deref()),
            count(stats.num_affected),
            count(stats.num_at_risk),
            count(stats.num_events),
        ]);
    }
}

/// Whether `cell` is a plain decimal number (`12`, `-3.1`, `0.05`), which a spreadsheet reads
/// as a number and never runs.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// The CSV file of `header` and `rows`: cells formula-guarded (plain numbers aside), rows
/// ending in CRLF, a byte-order mark first when `options` asks for one.
fn write_table(header: &[&str], rows: &[Vec<String>], options: CsvOptions) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|cell| guarded(cell).into_owned()).collect())
        .collect();
    super::csv::write_table(header, &rows, options)
}

/// `cell` as written: formula-guarded, unless it is a plain number.
fn guarded(cell: &str) -> Cow<'_, str> {
    if is_plain_number(cell) {
        Cow::Borrowed(cell)
    } else {
        formula_guard::guard(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_are_numbers_and_the_rest_is_guarded() {
        for n in ["0", "12", "-3.1", "0.05", "-0.7"] {
            assert!(is_plain_number(n), "{n}");
        }
        for other in [
            "", "-", "-.5", "1.", "1e5", "-1+1", "=1", "NA", "<0.001", "1.2.3",
        ] {
            assert!(!is_plain_number(other), "{other}");
        }
        let csv = write_table(
            &["A", "B", "C"],
            &[vec!["-3.1".into(), "-1+cmd".into(), "=SUM(A1)".into()]],
            CsvOptions::default(),
        );
        assert_eq!(csv, "A,B,C\r\n-3.1,'-1+cmd,'=SUM(A1)\r\n");
        let bom = write_table(
            &["A"],
            &[],
            CsvOptions {
                byte_order_mark: true,
            },
        );
        assert_eq!(bom, "\u{FEFF}A\r\n");
    }
}
