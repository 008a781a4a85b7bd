//! Results pages read into the v2 `resultsSection`: our three fictional pages, one per way a
//! page prints its tables (a meddatax page one cell a line, a meddatax page with cells between
//! bar lines, ClinicalTrials.gov's classic results tab), each with its flow, baseline, outcomes
//! with an analysis, adverse events and more information; the lines every placed value is
//! traced to; and how many of the corpus results pages' table cells are placed
//! (`cargo test -p trialcards-core --test results_pages -- --nocapture` prints it).

mod common;

use serde_json::Value;
use trialcards_core::Study;

const PER_LINE: &str = "meddatax_results_cells_per_line.txt";
const PIPES: &str = "meddatax_results_pipe_tables.txt";
const CLASSIC: &str = "generic_ctgov_classic_results_tab.txt";

fn record(name: &str) -> (Study, Value) {
    let s = common::one(name, &common::fixture(name));
    let v = serde_json::to_value(&s).expect("serializes");
    (s, v)
}

/// The length of the array at `pointer` (0 when absent).
fn len(v: &Value, pointer: &str) -> usize {
    v.pointer(pointer)
        .and_then(Value::as_array)
        .map_or(0, Vec::len)
}

/// The string or number at `pointer`, as text.
fn at(v: &Value, pointer: &str) -> String {
    match v.pointer(pointer) {
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => panic!("nothing at {pointer}"),
    }
}

const FLOW: &str = "/resultsSection/participantFlowModule";
const BASELINE: &str = "/resultsSection/baselineCharacteristicsModule";
const OUTCOMES: &str = "/resultsSection/outcomeMeasuresModule/outcomeMeasures";
const EVENTS: &str = "/resultsSection/adverseEventsModule";

#[test]
fn each_style_gives_every_module_with_its_counts() {
    // (page, periods, milestones, reasons, baseline measures, serious events, other events)
    let expected = [
        (PER_LINE, 1, [3, 0], [2, 0], 3, 1, 2),
        (PIPES, 2, [3, 3], [2, 1], 4, 2, 2),
        (CLASSIC, 1, [3, 0], [2, 0], 3, 1, 2),
    ];
    for (name, periods, milestones, reasons, measures, serious, other) in expected {
        let (s, v) = record(name);
        assert_eq!(s.has_results, Some(true), "{name}");
        assert_eq!(len(&v, &format!("{FLOW}/groups")), 2, "{name}");
        assert_eq!(at(&v, &format!("{FLOW}/groups/1/id")), "FG001", "{name}");
        assert_eq!(len(&v, &format!("{FLOW}/periods")), periods, "{name}");
        for p in 0..periods {
            let period = format!("{FLOW}/periods/{p}");
            assert_eq!(
                len(&v, &format!("{period}/milestones")),
                milestones[p],
                "{name}"
            );
            assert_eq!(
                len(&v, &format!("{period}/dropWithdraws")),
                reasons[p],
                "{name}"
            );
        }
        // The baseline's groups end with the total; each has its number analysed.
        assert_eq!(len(&v, &format!("{BASELINE}/groups")), 3, "{name}");
        assert_eq!(
            at(&v, &format!("{BASELINE}/groups/2/title")),
            "Total",
            "{name}"
        );
        assert_eq!(len(&v, &format!("{BASELINE}/denoms/0/counts")), 3, "{name}");
        assert_eq!(len(&v, &format!("{BASELINE}/measures")), measures, "{name}");
        // Three outcomes, the primary first with its analysis; groups numbered in each.
        assert_eq!(len(&v, OUTCOMES), 3, "{name}");
        let types: Vec<String> = (0..3)
            .map(|o| at(&v, &format!("{OUTCOMES}/{o}/type")))
            .collect();
        assert_eq!(types, ["PRIMARY", "SECONDARY", "SECONDARY"], "{name}");
        for o in 0..3 {
            assert_eq!(len(&v, &format!("{OUTCOMES}/{o}/groups")), 2, "{name}");
            assert_eq!(
                at(&v, &format!("{OUTCOMES}/{o}/groups/0/id")),
                "OG000",
                "{name}"
            );
            assert_eq!(
                len(&v, &format!("{OUTCOMES}/{o}/denoms/0/counts")),
                2,
                "{name}"
            );
            assert!(
                v.pointer(&format!("{OUTCOMES}/{o}/timeFrame")).is_some(),
                "{name}"
            );
            let measurements = format!("{OUTCOMES}/{o}/classes/0/categories/0/measurements");
            assert_eq!(len(&v, &measurements), 2, "{name} outcome {o}");
        }
        assert_eq!(len(&v, &format!("{OUTCOMES}/0/analyses")), 1, "{name}");
        assert_eq!(
            v.pointer(&format!("{OUTCOMES}/0/analyses/0/groupIds")),
            Some(&serde_json::json!(["OG000", "OG001"])),
            "{name}"
        );
        // Adverse events: two groups with their totals, the events of both lists.
        assert_eq!(len(&v, &format!("{EVENTS}/eventGroups")), 2, "{name}");
        for total in ["deaths", "serious", "other"] {
            let g = format!("{EVENTS}/eventGroups/0/{total}NumAtRisk");
            assert!(v.pointer(&g).is_some(), "{name} {total}");
        }
        assert_eq!(
            len(&v, &format!("{EVENTS}/seriousEvents")),
            serious,
            "{name}"
        );
        assert_eq!(len(&v, &format!("{EVENTS}/otherEvents")), other, "{name}");
        assert!(
            s.results_section
                .more_info_module
                .point_of_contact
                .is_some(),
            "{name}"
        );
    }
}

#[test]
fn values_are_read_as_their_dispersion_implies() {
    let (_, v) = record(PIPES);
    let age = format!("{BASELINE}/measures/0");
    assert_eq!(at(&v, &format!("{age}/title")), "Age, Continuous");
    assert_eq!(at(&v, &format!("{age}/paramType")), "MEAN");
    assert_eq!(
        at(&v, &format!("{age}/dispersionType")),
        "STANDARD_DEVIATION"
    );
    assert_eq!(at(&v, &format!("{age}/unitOfMeasure")), "years");
    let first = format!("{age}/classes/0/categories/0/measurements/0");
    assert_eq!(at(&v, &format!("{first}/value")), "61.4");
    assert_eq!(at(&v, &format!("{first}/spread")), "8.2");
    // "24 Participants": the count, in participants.
    let sex = format!("{BASELINE}/measures/1");
    assert_eq!(at(&v, &format!("{sex}/paramType")), "COUNT_OF_PARTICIPANTS");
    assert_eq!(at(&v, &format!("{sex}/unitOfMeasure")), "Participants");
    assert_eq!(
        at(&v, &format!("{sex}/classes/0/categories/1/title")),
        "Male"
    );
    assert_eq!(
        at(
            &v,
            &format!("{sex}/classes/0/categories/0/measurements/0/value")
        ),
        "24"
    );
    // A median with its full range: limits, not a spread.
    let range = format!("{BASELINE}/measures/2/classes/0/categories/0/measurements/0");
    assert_eq!(at(&v, &format!("{range}/lowerLimit")), "3.0");
    assert_eq!(at(&v, &format!("{range}/upperLimit")), "9.5");
    assert!(v.pointer(&format!("{range}/spread")).is_none());
    // A number analysed under a cell is its class's.
    let knee = format!("{BASELINE}/measures/3/classes/0/denoms/0/counts/2/value");
    assert_eq!(at(&v, &knee), "76");
    // The primary outcome's analysis.
    let a = format!("{OUTCOMES}/0/analyses/0");
    for (field, value) in [
        ("pValue", "0.004"),
        ("statisticalMethod", "ANCOVA"),
        ("statisticalComment", "Baseline score as the covariate."),
        ("paramType", "Mean Difference (Final Values)"),
        ("paramValue", "-1.5"),
        ("ciNumSides", "TWO_SIDED"),
        ("ciPctValue", "95"),
        ("ciLowerLimit", "-2.5"),
        ("ciUpperLimit", "-0.5"),
        ("nonInferiorityType", "SUPERIORITY"),
    ] {
        assert_eq!(at(&v, &format!("{a}/{field}")), value, "{field}");
    }
    // "2/40 (5.00%)": affected and at risk.
    assert_eq!(
        at(&v, &format!("{EVENTS}/eventGroups/0/seriousNumAffected")),
        "2"
    );
    assert_eq!(
        at(&v, &format!("{EVENTS}/eventGroups/0/seriousNumAtRisk")),
        "40"
    );
    let event = format!("{EVENTS}/seriousEvents/1");
    assert_eq!(at(&v, &format!("{event}/term")), "Wrist fracture");
    assert_eq!(
        at(&v, &format!("{event}/organSystem")),
        "Injury, poisoning and procedural complications"
    );
    assert_eq!(at(&v, &format!("{event}/stats/1/numAffected")), "1");
    assert_eq!(at(&v, &format!("{event}/stats/1/numAtRisk")), "38");
    assert_eq!(at(&v, &format!("{EVENTS}/frequencyThreshold")), "5");
}

#[test]
fn a_page_one_cell_a_line_gives_classes_reasons_and_limits() {
    let (_, v) = record(PER_LINE);
    // "Adverse Event: 2, 0": one count a group.
    let reason = format!("{FLOW}/periods/0/dropWithdraws/0");
    assert_eq!(at(&v, &format!("{reason}/type")), "Adverse Event");
    assert_eq!(at(&v, &format!("{reason}/reasons/1/numSubjects")), "0");
    // Three label lines: the measure, its class, its category.
    let region = format!("{BASELINE}/measures/2");
    assert_eq!(at(&v, &format!("{region}/classes/0/title")), "Northland");
    assert_eq!(
        at(&v, &format!("{region}/classes/0/categories/1/title")),
        "Lake District"
    );
    // Labels over their values; an inter-quartile range gives limits.
    let tear = format!("{OUTCOMES}/1");
    assert_eq!(at(&v, &format!("{tear}/timeFrame")), "Week 8");
    assert_eq!(
        at(&v, &format!("{tear}/dispersionType")),
        "INTER_QUARTILE_RANGE"
    );
    let m = format!("{tear}/classes/0/categories/0/measurements/1");
    assert_eq!(at(&v, &format!("{m}/lowerLimit")), "4.0");
    assert_eq!(at(&v, &format!("{OUTCOMES}/0/analyses/0/pValue")), "<0.001");
}

#[test]
fn the_classic_tab_gives_events_footnotes_and_comments() {
    let (s, v) = record(CLASSIC);
    assert_eq!(
        at(&v, &format!("{FLOW}/recruitmentDetails")),
        "Shift workers were recruited through three invented hospital staff clinics."
    );
    assert_eq!(
        at(&v, &format!("{BASELINE}/populationDescription")),
        "Everyone randomised."
    );
    // "Number Analyzed" is the measure's; "18 56.3%" is the count 18.
    let sex = format!("{BASELINE}/measures/1");
    assert_eq!(at(&v, &format!("{sex}/denoms/0/counts/2/value")), "64");
    assert_eq!(
        at(
            &v,
            &format!("{sex}/classes/0/categories/0/measurements/0/value")
        ),
        "18"
    );
    let a = format!("{OUTCOMES}/0/analyses/0");
    assert_eq!(
        at(&v, &format!("{a}/pValueComment")),
        "Two-sided, at the 5% level."
    );
    assert_eq!(at(&v, &format!("{a}/ciLowerLimit")), "-13.5");
    assert!(v.pointer(&format!("{a}/groupDescription")).is_none());
    // "Fall † 1", its number of events, and the footnotes under the list.
    let fall = format!("{EVENTS}/seriousEvents/0");
    assert_eq!(at(&v, &format!("{fall}/term")), "Fall");
    assert_eq!(at(&v, &format!("{fall}/stats/0/numEvents")), "1");
    assert_eq!(
        at(&v, &format!("{fall}/assessmentType")),
        "SYSTEMATIC_ASSESSMENT"
    );
    assert_eq!(at(&v, &format!("{fall}/sourceVocabulary")), "MedDRA 25.0");
    assert_eq!(
        at(&v, &format!("{EVENTS}/otherEvents/1/stats/1/numEvents")),
        "5"
    );
    assert_eq!(
        s.results_section
            .more_info_module
            .certain_agreement
            .as_ref()
            .and_then(|a| a.pi_sponsor_employee),
        Some(false)
    );
    // The tab's lines are placed: only the page's header lines are left unrecognised.
    let unplaced: Vec<usize> = s.trialcards.unrecognized.iter().map(|u| u.line).collect();
    assert!(unplaced.iter().all(|&l| l < 17), "{unplaced:?}");
}

#[test]
fn the_classic_tab_as_column_text_gives_the_same_results() {
    let text = common::fixture(CLASSIC);
    let spaced = text.replace('\t', "   ");
    let (tabbed, columns) = (common::one(CLASSIC, &text), common::one(CLASSIC, &spaced));
    assert_eq!(
        serde_json::to_value(&columns.results_section).unwrap(),
        serde_json::to_value(&tabbed.results_section).unwrap()
    );
}

#[test]
fn a_meddatax_page_keeps_its_results_text_beside_the_tables() {
    for name in [PER_LINE, PIPES] {
        let (s, _) = record(name);
        let text = s.trialcards.results.as_ref().expect("results text");
        assert!(text.participant_flow.is_some(), "{name}");
        let labels: Vec<&str> = text.sections.iter().map(|x| x.label.as_str()).collect();
        for label in [
            "Baseline Characteristics",
            "Outcome Measures",
            "Adverse Events",
        ] {
            assert!(labels.contains(&label), "{name}: {labels:?}");
        }
    }
}

/// Letters and digits of `s`, lowercased.
fn folded(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[test]
fn every_placed_result_is_traced_to_the_lines_that_show_it() {
    for name in [PER_LINE, PIPES, CLASSIC] {
        let text = common::fixture(name);
        let lines: Vec<&str> = text.lines().collect();
        let (s, v) = record(name);
        let holds = |pointer: &str, value: &str| {
            let (_, [from, to]) = s
                .trialcards
                .covering(pointer)
                .unwrap_or_else(|| panic!("{name}: {pointer} has no lines"));
            folded(&lines[from - 1..to].concat()).contains(&folded(value))
        };
        let mut checked = 0;
        for (pointer, value) in leaves(&v["resultsSection"], "/resultsSection") {
            // The groups' IDs are numbered, not read.
            if pointer.ends_with("/id")
                || pointer.ends_with("/groupId")
                || pointer.contains("/groupIds/")
            {
                continue;
            }
            // Codes are the page's words in CT.gov's spelling; the others are as printed.
            let code = value.chars().all(|c| c.is_ascii_uppercase() || c == '_');
            if !code {
                assert!(holds(&pointer, &value), "{name}: {pointer} = {value:?}");
                checked += 1;
            }
        }
        assert!(checked > 100, "{name}: {checked}");
    }
}

/// Every scalar under `v`, by pointer, as text.
fn leaves(v: &Value, at: &str) -> Vec<(String, String)> {
    match v {
        Value::Object(map) => map
            .iter()
            .flat_map(|(k, x)| leaves(x, &format!("{at}/{k}")))
            .collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .flat_map(|(i, x)| leaves(x, &format!("{at}/{i}")))
            .collect(),
        Value::String(s) => vec![(at.to_string(), s.clone())],
        Value::Bool(_) | Value::Null => Vec::new(),
        other => vec![(at.to_string(), other.to_string())],
    }
}

#[test]
fn the_results_pages_table_cells_are_placed() {
    let (mut cells, mut placed) = (0, 0);
    for name in [PER_LINE, PIPES, CLASSIC] {
        let (c, p) = trialcards_core::testing::results_table_cells(&common::fixture(name));
        println!("{name}: {p}/{c} table cells placed");
        assert_eq!(p, c, "{name}: every cell of our pages is placed");
        cells += c;
        placed += p;
    }
    assert!(cells > 300 && placed == cells, "{placed}/{cells}");
    let Some(pages) = common::corpus_pages() else {
        return;
    };
    let (mut cells, mut placed) = (0, 0);
    for path in pages {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let (c, p) = trialcards_core::testing::results_table_cells(&text);
        if c > 0 {
            let name = path.file_name().unwrap().to_string_lossy();
            println!("corpus {name}: {p}/{c} table cells placed");
        }
        cells += c;
        placed += p;
    }
    let share = placed as f64 / cells.max(1) as f64;
    println!("corpus results pages: {placed}/{cells} table cells placed ({share:.3})");
    assert!(cells > 0 && share >= 0.9, "{placed}/{cells}");
}
