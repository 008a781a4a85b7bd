//! A big fictional CT.gov v2 study with posted results, generated: 30 outcome measures, 12
//! statistical analyses and 40 adverse-event terms over three groups, with every field of the
//! spec's `resultsSection` filled somewhere. Used by `tests/results.rs` (the model holds every
//! field, and reads it back exactly), `tests/provenance_structured.rs`, and written out by
//! `cargo run -p trialcards-core --example big_results` for the CLI and browser tests.
//!
//! Deterministic: the same record on every run.

// Each test binary that includes this module uses a different part of it.
#![allow(dead_code)]

use serde_json::{json, Value};

/// The number of outcome measures, statistical analyses and adverse-event terms.
pub const OUTCOMES: usize = 30;
/// The number of statistical analyses (on the first six outcomes, two each).
pub const ANALYSES: usize = 12;
/// The number of adverse-event terms (10 serious, 30 other).
pub const EVENT_TERMS: usize = 40;
/// The number of serious adverse-event terms.
pub const SERIOUS_TERMS: usize = 10;
/// The number of groups in every table (three arms; the baseline adds a total).
pub const GROUPS: usize = 3;

const ARMS: [(&str, &str); GROUPS] = [
    (
        "Low-dose Stromal Cells",
        "One injection of 10 million fictional stromal cells.",
    ),
    (
        "High-dose Stromal Cells",
        "One injection of 40 million fictional stromal cells.",
    ),
    ("Saline Placebo", "One injection of saline."),
];

const ORGAN_SYSTEMS: [&str; 8] = [
    "Musculoskeletal and connective tissue disorders",
    "Infections and infestations",
    "Nervous system disorders",
    "Gastrointestinal disorders",
    "General disorders",
    "Skin and subcutaneous tissue disorders",
    "Vascular disorders",
    "Injury, poisoning and procedural complications",
];

const TERMS: [&str; 8] = [
    "Arthralgia",
    "Pain",
    "Swelling",
    "Stiffness",
    "Rash",
    "Nausea",
    "Fatigue",
    "Headache",
];

const PARAMS: [&str; 9] = [
    "GEOMETRIC_MEAN",
    "GEOMETRIC_LEAST_SQUARES_MEAN",
    "LEAST_SQUARES_MEAN",
    "LOG_MEAN",
    "MEAN",
    "MEDIAN",
    "NUMBER",
    "COUNT_OF_PARTICIPANTS",
    "COUNT_OF_UNITS",
];

const DISPERSIONS: [&str; 12] = [
    "NA",
    "STANDARD_DEVIATION",
    "STANDARD_ERROR",
    "INTER_QUARTILE_RANGE",
    "FULL_RANGE",
    "CONFIDENCE_80",
    "CONFIDENCE_90",
    "CONFIDENCE_95",
    "CONFIDENCE_975",
    "CONFIDENCE_99",
    "CONFIDENCE_OTHER",
    "GEOMETRIC_COEFFICIENT",
];

const OUTCOME_TYPES: [&str; 4] = ["PRIMARY", "SECONDARY", "OTHER_PRE_SPECIFIED", "POST_HOC"];

const NON_INFERIORITY: [&str; 8] = [
    "SUPERIORITY",
    "NON_INFERIORITY",
    "EQUIVALENCE",
    "OTHER",
    "NON_INFERIORITY_OR_EQUIVALENCE",
    "SUPERIORITY_OR_OTHER",
    "NON_INFERIORITY_OR_EQUIVALENCE_LEGACY",
    "SUPERIORITY_OR_OTHER_LEGACY",
];

/// The v2 ID of group `g` of a table with the ID prefix `prefix`.
fn id(prefix: &str, g: usize) -> String {
    format!("{prefix}{g:03}")
}

/// The table's groups, as v2 writes them.
fn groups(prefix: &str) -> Vec<Value> {
    ARMS.iter()
        .enumerate()
        .map(|(g, (title, description))| {
            json!({"id": id(prefix, g), "title": title, "description": description})
        })
        .collect()
}

/// One denominator per group: `base + g` counted in `units`.
fn denom(prefix: &str, units: &str, base: usize, groups: usize) -> Value {
    let counts: Vec<Value> = (0..groups)
        .map(|g| json!({"groupId": id(prefix, g), "value": (base + g).to_string()}))
        .collect();
    json!({"units": units, "counts": counts})
}

/// One measurement per group, with a spread or limits as `dispersion` calls for.
fn measurements(prefix: &str, seed: usize, dispersion: &str, groups: usize) -> Vec<Value> {
    (0..groups)
        .map(|g| {
            let value = format!("{}.{}", 10 + seed % 17 + g, (seed * 7 + g) % 10);
            let mut m = json!({"groupId": id(prefix, g), "value": value});
            match dispersion {
                "STANDARD_DEVIATION" | "STANDARD_ERROR" | "GEOMETRIC_COEFFICIENT" => {
                    m["spread"] = json!(format!("{}.{}", 1 + g, seed % 10));
                }
                "NA" => {}
                _ => {
                    m["lowerLimit"] = json!(format!("{}.0", 5 + g));
                    m["upperLimit"] = json!(format!("{}.5", 15 + g));
                }
            }
            if (seed + g) % 11 == 0 {
                m["value"] = json!("NA");
                m["comment"] = json!(format!("Not estimable in group {g} at time {seed}."));
            }
            m
        })
        .collect()
}

/// A measure's table: `classes` classes (titled when more than one) of two categories each,
/// the first class with denominators of its own.
fn table(prefix: &str, seed: usize, dispersion: &str, classes: usize, groups: usize) -> Vec<Value> {
    (0..classes)
        .map(|c| {
            let categories: Vec<Value> = (0..2)
                .map(|k| {
                    json!({
                        "title": format!("Category {}", k + 1),
                        "measurements": measurements(prefix, seed + c * 3 + k, dispersion, groups),
                    })
                })
                .collect();
            let mut class = json!({"categories": categories});
            if classes > 1 {
                class["title"] = json!(format!("Visit {}", c + 1));
            }
            if c == 0 {
                class["denoms"] = json!([denom(prefix, "Participants", 20 + seed % 5, groups)]);
            }
            class
        })
        .collect()
}

fn participant_flow() -> Value {
    let stats = |base: usize| -> Vec<Value> {
        (0..GROUPS)
            .map(|g| {
                json!({
                    "groupId": id("FG", g),
                    "comment": format!("Counted at the visit, group {}.", g + 1),
                    "numSubjects": (base + g).to_string(),
                    "numUnits": (base * 2 + g).to_string(),
                })
            })
            .collect()
    };
    let periods: Vec<Value> = ["Treatment", "Follow-up"]
        .iter()
        .enumerate()
        .map(|(p, title)| {
            json!({
                "title": title,
                "milestones": [
                    {"type": "STARTED", "comment": "All who were injected.", "achievements": stats(30 - p)},
                    {"type": "COMPLETED", "achievements": stats(28 - p)},
                    {"type": "NOT COMPLETED", "achievements": stats(2)},
                ],
                "dropWithdraws": [
                    {"type": "Withdrawal by Subject", "comment": "Reasons not given.", "reasons": stats(1)},
                    {"type": "Lost to Follow-up", "reasons": stats(1)},
                ],
            })
        })
        .collect();
    json!({
        "preAssignmentDetails": "Three people were screened out on MRI before randomization.",
        "recruitmentDetails": "Adults were recruited at four fictional clinics.",
        "typeUnitsAnalyzed": "Knees",
        "groups": groups("FG"),
        "periods": periods,
    })
}

fn baseline() -> Value {
    let mut groups = groups("BG");
    groups.push(json!({"id": id("BG", GROUPS), "title": "Total", "description": "All groups"}));
    let all = GROUPS + 1;
    let measures: Vec<Value> = DISPERSIONS
        .iter()
        .enumerate()
        .map(|(i, dispersion)| {
            json!({
                "title": format!("Baseline measure {}", i + 1),
                "description": format!("How baseline measure {} was taken.", i + 1),
                "populationDescription": "Participants with a baseline visit.",
                "paramType": PARAMS[i % PARAMS.len()],
                "dispersionType": dispersion,
                "unitOfMeasure": "units on a scale",
                "calculatePct": i % 2 == 0,
                "denomUnitsSelected": "Participants",
                "denoms": [denom("BG", "Participants", 29, all)],
                "classes": table("BG", i, dispersion, 1 + i % 3, all),
            })
        })
        .collect();
    json!({
        "populationDescription": "Everyone randomized.",
        "typeUnitsAnalyzed": "Knees",
        "groups": groups,
        "denoms": [denom("BG", "Participants", 30, all), denom("BG", "Knees", 40, all)],
        "measures": measures,
    })
}

/// The `a`th analysis (0-based over the whole study) of an outcome.
fn analysis(a: usize) -> Value {
    let mut analysis = json!({
        "paramType": "Mean Difference (Final Values)",
        "paramValue": format!("-{}.{}", 1 + a % 3, a % 10),
        "dispersionType": if a % 2 == 0 { "STANDARD_DEVIATION" } else { "STANDARD_ERROR_OF_MEAN" },
        "dispersionValue": format!("0.{}", 3 + a % 6),
        "statisticalMethod": if a % 2 == 0 { "ANCOVA" } else { "Wilcoxon (Mann-Whitney)" },
        "statisticalComment": format!("Adjusted for clinic (analysis {}).", a + 1),
        "pValue": if a % 3 == 0 { "<0.001".to_string() } else { format!("0.0{}", 1 + a % 9) },
        "pValueComment": "Not adjusted for multiplicity.",
        "ciNumSides": if a % 4 == 3 { "ONE_SIDED" } else { "TWO_SIDED" },
        "ciPctValue": "95",
        "ciLowerLimit": format!("-{}.1", 2 + a % 3),
        "ciUpperLimit": "NA",
        "ciLowerLimitComment": "From the model's standard error.",
        "ciUpperLimitComment": "Not estimable with so few events.",
        "estimateComment": "Cells minus saline.",
        "testedNonInferiority": a % 2 == 1,
        "nonInferiorityType": NON_INFERIORITY[a % NON_INFERIORITY.len()],
        "nonInferiorityComment": "A margin of 1 point.",
        "otherAnalysisDescription": format!("Analysis {} in words.", a + 1),
        "groupDescription": "Each dose against saline.",
        "groupIds": [id("OG", a % 2), id("OG", 2)],
    });
    if a % 5 == 4 {
        analysis["ciUpperLimit"] = json!(format!("{}.4", a % 3));
    }
    analysis
}

fn outcome_measures() -> Value {
    let mut next_analysis = 0;
    let outcomes: Vec<Value> = (0..OUTCOMES)
        .map(|o| {
            let dispersion = DISPERSIONS[o % DISPERSIONS.len()];
            let posted = o != OUTCOMES - 1;
            let mut outcome = json!({
                "type": OUTCOME_TYPES[o % OUTCOME_TYPES.len()],
                "title": format!("Outcome {} of the fictional knee trial", o + 1),
                "description": format!("How outcome {} was measured.", o + 1),
                "populationDescription": "Participants with the visit.",
                "reportingStatus": if posted { "POSTED" } else { "NOT_POSTED" },
                "paramType": PARAMS[o % PARAMS.len()],
                "dispersionType": dispersion,
                "unitOfMeasure": "score on a scale",
                "calculatePct": o % 3 == 0,
                "timeFrame": format!("Month {}", 1 + o % 12),
                "typeUnitsAnalyzed": "Knees",
                "denomUnitsSelected": if o % 2 == 0 { "Participants" } else { "Knees" },
                "groups": groups("OG"),
                "denoms": [
                    denom("OG", "Participants", 25 + o % 4, GROUPS),
                    denom("OG", "Knees", 35 + o % 4, GROUPS),
                ],
                "classes": table("OG", o, dispersion, 1 + o % 2, GROUPS),
            });
            if !posted {
                outcome["anticipatedPostingDate"] = json!("2034-06");
                outcome.as_object_mut().map(|m| m.remove("classes"));
            }
            if o < ANALYSES / 2 {
                outcome["analyses"] = json!([analysis(next_analysis), analysis(next_analysis + 1)]);
                next_analysis += 2;
            }
            outcome
        })
        .collect();
    json!({ "outcomeMeasures": outcomes })
}

/// The `t`th adverse-event term (0-based over both lists).
fn event(t: usize) -> Value {
    let stats: Vec<Value> = (0..GROUPS)
        .map(|g| {
            let affected = (t + g) % 6;
            json!({
                "groupId": id("EG", g),
                "numEvents": affected + t % 3,
                "numAffected": affected,
                "numAtRisk": 30,
            })
        })
        .collect();
    // Terms of one organ system follow each other, as CT.gov lists them.
    let organ = ORGAN_SYSTEMS[(t * ORGAN_SYSTEMS.len()) / EVENT_TERMS];
    let mut event = json!({
        "term": format!("{} {}", TERMS[t % TERMS.len()], t + 1),
        "organSystem": organ,
        "sourceVocabulary": if t % 7 == 0 { "MedDRA 26.0" } else { "MedDRA 26.1" },
        "assessmentType": if t % 5 == 0 { "NON_SYSTEMATIC_ASSESSMENT" } else { "SYSTEMATIC_ASSESSMENT" },
        "stats": stats,
    });
    if t % 4 == 0 {
        event["notes"] = json!(format!("A note on term {}.", t + 1));
    }
    event
}

fn adverse_events() -> Value {
    let event_groups: Vec<Value> = ARMS
        .iter()
        .enumerate()
        .map(|(g, (title, description))| {
            json!({
                "id": id("EG", g),
                "title": title,
                "description": description,
                "deathsNumAffected": g % 2,
                "deathsNumAtRisk": 30,
                "seriousNumAffected": 2 + g,
                "seriousNumAtRisk": 30,
                "otherNumAffected": 12 + g,
                "otherNumAtRisk": 30,
            })
        })
        .collect();
    let serious: Vec<Value> = (0..SERIOUS_TERMS).map(event).collect();
    let other: Vec<Value> = (SERIOUS_TERMS..EVENT_TERMS).map(event).collect();
    json!({
        "frequencyThreshold": "5",
        "timeFrame": "From injection to month 12.",
        "description": "Asked about at every visit.",
        "allCauseMortalityComment": "One death, unrelated to the injection.",
        "eventGroups": event_groups,
        "seriousEvents": serious,
        "otherEvents": other,
    })
}

fn more_info() -> Value {
    json!({
        "limitationsAndCaveats": {"description": "A fictional study, generated for tests."},
        "certainAgreement": {
            "piSponsorEmployee": false,
            "restrictionType": "OTHER",
            "restrictiveAgreement": true,
            "otherDetails": "The sponsor may review a manuscript for 90 days.",
        },
        "pointOfContact": {
            "title": "Results Desk",
            "organization": "Fictional Knee Research Group",
            "email": "results@knee.example",
            "phone": "+47 555 09876",
            "phoneExt": "3",
        },
    })
}

/// The generated study: a v2 `Study` with a small protocol section and a full results
/// section (see the module's documentation).
pub fn big_results_study() -> Value {
    json!({
        "protocolSection": {
            "identificationModule": {
                "nctId": "NCT09900002",
                "briefTitle": "Generated Fictional Knee Trial With Many Results (BIG-KNEE)",
            },
            "statusModule": {"overallStatus": "COMPLETED"},
            "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"]},
        },
        "resultsSection": {
            "participantFlowModule": participant_flow(),
            "baselineCharacteristicsModule": baseline(),
            "outcomeMeasuresModule": outcome_measures(),
            "adverseEventsModule": adverse_events(),
            "moreInfoModule": more_info(),
        },
        "hasResults": true,
    })
}

/// [`big_results_study`] as the file the CLI and browser tests read: pretty JSON, one value a
/// line, ending in a line break.
pub fn big_results_json() -> String {
    serde_json::to_string_pretty(&big_results_study()).expect("a JSON value serializes") + "\n"
}
