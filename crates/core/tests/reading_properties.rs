//! Properties of reading a page, whatever its style (issue 12), over the style matrix's
//! fictional records: a page with at least two labelled fields is never refused, and site
//! chrome above or below a page never changes its record.

#[path = "support/json_difference.rs"]
mod json_difference;
#[path = "support/style_pages.rs"]
mod style_pages;
use json_difference::difference;

use proptest::prelude::*;
use serde_json::Value;
use style_pages::{Record, CHROME_ABOVE, CHROME_BELOW, RECORDS};
use trialcards_core::{parse, ParseOutput};

/// How many labelled fields [`labelled_field`] knows.
const LABELLED_FIELDS: usize = 12;

/// Field `which` of record `r` as a (label, value) pair, with one of the labels sites give it
/// (`label` picks it); `None` when the record has no such value (no phase, no age bound).
fn labelled_field(r: &Record, which: usize, label: usize) -> Option<(&'static str, String)> {
    let choose = |labels: &[&'static str]| labels[label % labels.len()];
    let joined = |items: &[&str]| items.join("; ");
    Some(match which {
        0 => (
            choose(&["Title", "Brief Title", "Public title", "Study Title"]),
            r.title.to_string(),
        ),
        1 => (
            choose(&["NCT ID", "Registration Number", "Trial ID", "Main ID"]),
            r.shown_id().to_string(),
        ),
        2 => (
            choose(&[
                "Status",
                "Recruitment Status",
                "Overall status",
                "Trial status",
            ]),
            style_pages::status_words(r, label).to_string(),
        ),
        3 => (
            choose(&["Phase", "Study Phase", "Phase(s)"]),
            style_pages::phase_words(r, label)?,
        ),
        4 => (
            choose(&["Study Type", "Study type", "Type of study"]),
            style_pages::type_words(r, label).to_string(),
        ),
        5 => (
            choose(&[
                "Enrollment",
                "Target sample size",
                "Target Recruitment",
                "Sample Size",
            ]),
            style_pages::enrollment_words(r, label),
        ),
        6 => (
            choose(&["Sex", "Gender", "Inclusion gender", "Sexes Eligible"]),
            style_pages::sex_words(r, label).to_string(),
        ),
        7 => (
            choose(&["Minimum Age", "Lower age limit", "Inclusion agemin"]),
            r.min_age?.to_string(),
        ),
        8 => (
            choose(&[
                "Lead Sponsor",
                "Sponsor",
                "Primary sponsor",
                "Sponsor organisation",
            ]),
            r.sponsor.to_string(),
        ),
        9 => (
            choose(&[
                "Conditions",
                "Condition",
                "Health condition(s) or problem(s) studied",
            ]),
            joined(r.conditions),
        ),
        10 => (
            choose(&["Interventions", "Intervention(s)", "Treatment"]),
            r.interventions
                .iter()
                .map(|i| format!("{}: {}", style_pages::type_display(i.kind), i.name))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        _ => (
            choose(&["Start Date", "Study Start", "Date of first enrolment"]),
            style_pages::date_words(r, label),
        ),
    })
}

/// A (label, value) pair in one of the layouts pages use.
fn lay_out(label: &str, value: &str, layout: usize) -> String {
    match layout % 6 {
        0 => format!("{label}: {value}\n"),
        1 => format!("{label}\n{value}\n"),
        2 => format!("{label}\t{value}\n"),
        3 => format!("| {label} | {value} |\n"),
        4 => format!("- **{label}:** {value}\n"),
        _ => format!("{label} |\n{value} |\n"),
    }
}

/// A page of two or more labelled fields of one record, in a random order and layout.
fn labelled_fields_page() -> impl Strategy<Value = String> {
    (
        0..RECORDS.len(),
        prop::sample::subsequence(
            (0..LABELLED_FIELDS).collect::<Vec<_>>(),
            2..=LABELLED_FIELDS,
        )
        .prop_shuffle(),
        prop::collection::vec((0..4usize, 0..6usize), LABELLED_FIELDS),
    )
        .prop_map(|(record, fields, choices)| {
            let r = &RECORDS[record];
            let mut page = String::new();
            for (field, (label, layout)) in fields.into_iter().zip(choices) {
                // A record without the value (no phase) gets its title instead, so the page
                // keeps at least two labelled fields.
                let (l, v) = labelled_field(r, field, label)
                    .or_else(|| labelled_field(r, 0, label))
                    .unwrap_or_default();
                page.push_str(&lay_out(l, &v, layout));
            }
            page
        })
}

/// A text style's page of one record, with site chrome lines above and below it.
fn chromed_page() -> impl Strategy<Value = (String, String)> {
    let text_styles: Vec<usize> = style_pages::styles()
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.is_html())
        .map(|(i, _)| i)
        .collect();
    (
        0..RECORDS.len(),
        prop::sample::select(text_styles),
        prop::collection::vec(prop::sample::select(CHROME_ABOVE), 0..5),
        prop::collection::vec(prop::sample::select(CHROME_BELOW), 0..4),
        prop_oneof![Just("\n"), Just("\n\n")],
    )
        .prop_filter("some chrome", |(_, _, above, below, _)| {
            !above.is_empty() || !below.is_empty()
        })
        .prop_map(|(record, style, above, below, gap)| {
            let page = (style_pages::styles()[style].render)(&RECORDS[record]);
            let mut chromed = String::new();
            for line in &above {
                chromed.push_str(line);
                chromed.push('\n');
            }
            if !above.is_empty() {
                chromed.push_str(gap);
            }
            chromed.push_str(&page);
            if !below.is_empty() {
                chromed.push_str(gap);
            }
            for line in &below {
                chromed.push_str(line);
                chromed.push('\n');
            }
            (page, chromed)
        })
}

/// A record as JSON without what chrome may rightly change: where it was read from, the lines
/// the parser could not place, its notes, and line numbers.
fn fields_only(out: &ParseOutput) -> Vec<Value> {
    out.records
        .iter()
        .map(|s| {
            let mut v = serde_json::to_value(s).unwrap_or_default();
            if let Some(extras) = v.get_mut("trialcards").and_then(Value::as_object_mut) {
                // Spans hold line numbers, which chrome above a page shifts.
                for key in ["source", "unrecognized", "diagnostics", "provenance"] {
                    extras.remove(key);
                }
            }
            drop_line_numbers(&mut v);
            v
        })
        .collect()
}

fn drop_line_numbers(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.remove("line");
            map.values_mut().for_each(drop_line_numbers);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_line_numbers),
        _ => {}
    }
}

/// Every record of every style, parsed: none is refused (the plain check behind the property).
#[test]
fn every_style_page_of_every_record_gives_a_record() {
    for style in style_pages::styles() {
        for r in RECORDS {
            let out = parse(style.file_name, &(style.render)(r));
            assert!(!out.records.is_empty(), "{} record {}", style.name, r.seed);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_page_with_two_labelled_fields_is_never_refused(page in labelled_fields_page()) {
        let out = parse("page.txt", &page);
        prop_assert!(!out.records.is_empty(), "refused:\n{page}");
    }

    #[test]
    fn site_chrome_around_a_page_does_not_change_its_record((page, chromed) in chromed_page()) {
        let want = fields_only(&parse("page.txt", &page));
        let got = fields_only(&parse("page.txt", &chromed));
        let diff = difference(&Value::from(got), &Value::from(want), "");
        prop_assert!(diff.is_none(), "{}\n---- page ----\n{chromed}", diff.unwrap_or_default());
    }
}
