//! What the trial studies and how: conditions and interventions, description, eligibility,
//! design, arms and outcomes.

use super::{field, Field, Form, Kind, Section, Uses, Values};
use crate::model::{CriterionItem, DesignInfo, Outcome};
use crate::Study;

use Kind::{Chips, Code, Entries, Markdown, Text};
use Section::{Arms, Description, Design, Eligibility, Outcomes, Topics};

/// Conditions and interventions, under the key facts.
pub(super) static TOPICS: &[Field] = &[
    field("conditions", "Conditions", Topics, Chips, |s, v| {
        v.all(&s.protocol_section.conditions_module.conditions)
    })
    .at(&["/protocolSection/conditionsModule/conditions"])
    .csv("Conditions"),
    // Names and types compare apart: "Stromal cells" and "Biological: Stromal cells" name
    // the same intervention. CT.gov's cell is "BIOLOGICAL: Stromal cells".
    field("interventions", "Interventions", Topics, Entries, |s, v| {
        for i in &s.protocol_section.arms_interventions_module.interventions {
            let Some(name) = i.name.as_deref().filter(|n| !n.trim().is_empty()) else {
                continue;
            };
            match (v.form(), i.intervention_type) {
                (Form::Code, Some(kind)) => v.push(format!("{}: {name}", v.code_text(kind))),
                _ => v.str(name),
            }
            v.detail(
                &i.intervention_type
                    .map(|t| format!("{}: {name}", t.display())),
            );
        }
    })
    .at(&["/protocolSection/armsInterventionsModule/interventions"])
    .csv("Interventions"),
    field(
        "interventionTypes",
        "Intervention types",
        Topics,
        Code,
        |s, v| {
            for i in &s.protocol_section.arms_interventions_module.interventions {
                if let Some(kind) = i.intervention_type {
                    v.push(kind.display().to_string());
                }
            }
        },
    )
    .at(&["/protocolSection/armsInterventionsModule/interventions"])
    .uses(Uses::Compare),
];

/// Summary, description and keywords.
pub(super) static DESCRIPTION: &[Field] = &[
    field(
        "briefSummary",
        "Brief summary",
        Description,
        Markdown,
        |s, v| v.text(&s.protocol_section.description_module.brief_summary),
    )
    .at(&["/protocolSection/descriptionModule/briefSummary"])
    .csv("Brief Summary"),
    field(
        "detailedDescription",
        "Detailed description",
        Description,
        Markdown,
        |s, v| v.text(&s.protocol_section.description_module.detailed_description),
    )
    .at(&["/protocolSection/descriptionModule/detailedDescription"]),
    field("keywords", "Keywords", Description, Chips, |s, v| {
        v.all(&s.protocol_section.conditions_module.keywords)
    })
    .at(&["/protocolSection/conditionsModule/keywords"]),
];

/// Who may take part (the ages and sex are key facts).
pub(super) static ELIGIBILITY: &[Field] = &[
    field(
        "studyPopulation",
        "Study population",
        Eligibility,
        Markdown,
        |s, v| v.text(&s.protocol_section.eligibility_module.study_population),
    )
    .at(&["/protocolSection/eligibilityModule/studyPopulation"]),
    field(
        "samplingMethod",
        "Sampling method",
        Eligibility,
        Code,
        |s, v| v.code(s.protocol_section.eligibility_module.sampling_method),
    )
    .at(&["/protocolSection/eligibilityModule/samplingMethod"]),
    // The record's criteria text compares; the card shows the criteria as the page listed
    // them (the tree a page reader builds), or the text when there is no tree.
    field(
        "eligibilityCriteria",
        "Eligibility criteria",
        Eligibility,
        Markdown,
        |s, v| v.text(&s.protocol_section.eligibility_module.eligibility_criteria),
    )
    .at(&["/protocolSection/eligibilityModule/eligibilityCriteria"])
    .uses(Uses::Compare),
    field("criteria", "Criteria", Eligibility, Entries, criteria)
        .at(&[
            "/protocolSection/eligibilityModule/eligibilityCriteria",
            "/trialcards/criteria",
        ])
        .uses(Uses::Card),
];

/// The criteria tree's lead-in and items, depth first, or the criteria text without a tree.
fn criteria(s: &Study, v: &mut Values) {
    let tree =
        s.trialcards.criteria.as_ref().filter(|t| {
            !(t.preamble.is_empty() && t.inclusion.is_empty() && t.exclusion.is_empty())
        });
    let Some(tree) = tree else {
        return v.text(&s.protocol_section.eligibility_module.eligibility_criteria);
    };
    v.all(&tree.preamble);
    let mut stack: Vec<&CriterionItem> =
        tree.inclusion.iter().chain(&tree.exclusion).rev().collect();
    while let Some(item) = stack.pop() {
        v.str(&item.text);
        stack.extend(item.children.iter().rev());
    }
    // A record read from elsewhere may hold both; its text is searched too.
    v.detail(&s.protocol_section.eligibility_module.eligibility_criteria);
}

/// The design's parts, when the record has them.
fn info(s: &Study) -> Option<&DesignInfo> {
    s.protocol_section.design_module.design_info.as_ref()
}

/// The study's design.
pub(super) static DESIGN: &[Field] = &[
    field("studyType", "Study type", Design, Code, |s, v| {
        v.code(s.protocol_section.design_module.study_type)
    })
    .at(&["/protocolSection/designModule/studyType"])
    .csv("Study Type"),
    field("phases", "Phases", Design, Code, |s, v| {
        v.codes(&s.protocol_section.design_module.phases)
    })
    .at(&["/protocolSection/designModule/phases"])
    .joined(", ")
    .csv("Phases"),
    field(
        "patientRegistry",
        "Patient registry",
        Design,
        Code,
        |s, v| v.yes_no(s.protocol_section.design_module.patient_registry),
    )
    .at(&["/protocolSection/designModule/patientRegistry"]),
    field("primaryPurpose", "Primary purpose", Design, Code, |s, v| {
        v.code(info(s).and_then(|i| i.primary_purpose))
    })
    .at(&["/protocolSection/designModule/designInfo/primaryPurpose"]),
    field("allocation", "Allocation", Design, Code, |s, v| {
        v.code(info(s).and_then(|i| i.allocation))
    })
    .at(&["/protocolSection/designModule/designInfo/allocation"]),
    field(
        "interventionModel",
        "Intervention model",
        Design,
        Code,
        |s, v| v.code(info(s).and_then(|i| i.intervention_model)),
    )
    .at(&["/protocolSection/designModule/designInfo/interventionModel"]),
    field(
        "interventionModelDescription",
        "Model description",
        Design,
        Text,
        |s, v| v.text(&info(s).and_then(|i| i.intervention_model_description.clone())),
    )
    .at(&["/protocolSection/designModule/designInfo/interventionModelDescription"]),
    field("masking", "Masking", Design, Code, |s, v| {
        let m = info(s).and_then(|i| i.masking_info.as_ref());
        v.code(m.and_then(|m| m.masking))
    })
    .at(&["/protocolSection/designModule/designInfo/maskingInfo/masking"]),
    field("whoMasked", "Who is masked", Design, Code, |s, v| {
        if let Some(m) = info(s).and_then(|i| i.masking_info.as_ref()) {
            v.codes(&m.who_masked)
        }
    })
    .at(&["/protocolSection/designModule/designInfo/maskingInfo/whoMasked"]),
    field(
        "maskingDescription",
        "Masking description",
        Design,
        Text,
        |s, v| {
            let m = info(s).and_then(|i| i.masking_info.as_ref());
            v.text(&m.and_then(|m| m.masking_description.clone()))
        },
    )
    .at(&["/protocolSection/designModule/designInfo/maskingInfo/maskingDescription"]),
    field(
        "observationalModel",
        "Observational model",
        Design,
        Code,
        |s, v| v.code(info(s).and_then(|i| i.observational_model)),
    )
    .at(&["/protocolSection/designModule/designInfo/observationalModel"]),
    field(
        "timePerspective",
        "Time perspective",
        Design,
        Code,
        |s, v| v.code(info(s).and_then(|i| i.time_perspective)),
    )
    .at(&["/protocolSection/designModule/designInfo/timePerspective"]),
    field("studyDesign", "Study design", Design, Text, study_design)
        .at(&["/protocolSection/designModule/designInfo"])
        .uses(Uses::Export)
        .csv("Study Design"),
];

/// "Allocation: RANDOMIZED | Intervention Model: PARALLEL | Masking: DOUBLE (PARTICIPANT,
/// INVESTIGATOR) | Primary Purpose: TREATMENT", and "Observational Model: COHORT | Time
/// Perspective: PROSPECTIVE" for observational studies: CT.gov's "Study Design" cell, which
/// keeps ` | ` between its parts.
fn study_design(s: &Study, v: &mut Values) {
    let Some(info) = info(s) else { return };
    let mut parts = Vec::new();
    let mut part = |key: &str, value: Option<String>| {
        if let Some(value) = value {
            parts.push(format!("{key}: {value}"));
        }
    };
    part("Allocation", info.allocation.map(|c| v.code_text(c)));
    part(
        "Intervention Model",
        info.intervention_model.map(|c| v.code_text(c)),
    );
    // Who is masked is written only beside a masking level, as CT.gov writes it.
    let masking = info.masking_info.as_ref().and_then(|m| {
        let level = v.code_text(m.masking?);
        let who: Vec<String> = m.who_masked.iter().map(|w| v.code_text(*w)).collect();
        Some(if who.is_empty() {
            level
        } else {
            format!("{level} ({})", who.join(", "))
        })
    });
    part("Masking", masking);
    part(
        "Primary Purpose",
        info.primary_purpose.map(|c| v.code_text(c)),
    );
    part(
        "Observational Model",
        info.observational_model.map(|c| v.code_text(c)),
    );
    part(
        "Time Perspective",
        info.time_perspective.map(|c| v.code_text(c)),
    );
    v.push(parts.join(" | "));
}

/// Arms and interventions.
pub(super) static ARMS: &[Field] = &[
    field("armGroups", "Arms", Arms, Entries, |s, v| {
        for arm in &s.protocol_section.arms_interventions_module.arm_groups {
            v.text(&arm.label);
            v.detail_code(arm.arm_type);
            v.detail(&arm.description);
            v.detail_all(&arm.intervention_names);
        }
    })
    .at(&["/protocolSection/armsInterventionsModule/armGroups"]),
    // The interventions a page describes beyond their names, shown under the arms.
    field(
        "interventionDetails",
        "Interventions",
        Arms,
        Entries,
        |s, v| {
            for i in &s.protocol_section.arms_interventions_module.interventions {
                if i.description.is_some() || !i.other_names.is_empty() {
                    v.text(&i.name);
                    v.detail(&i.description);
                    v.detail_all(&i.other_names);
                }
                v.detail_all(&i.arm_group_labels);
            }
        },
    )
    .at(&["/protocolSection/armsInterventionsModule/interventions"])
    .uses(Uses::Card),
];

/// The outcome measures the study planned.
pub(super) static OUTCOMES: &[Field] = &[
    field(
        "primaryOutcomes",
        "Primary outcomes",
        Outcomes,
        Entries,
        |s, v| outcomes(&s.protocol_section.outcomes_module.primary_outcomes, v),
    )
    .at(&["/protocolSection/outcomesModule/primaryOutcomes"])
    .csv("Primary Outcome Measures"),
    field(
        "secondaryOutcomes",
        "Secondary outcomes",
        Outcomes,
        Entries,
        |s, v| outcomes(&s.protocol_section.outcomes_module.secondary_outcomes, v),
    )
    .at(&["/protocolSection/outcomesModule/secondaryOutcomes"])
    .csv("Secondary Outcome Measures"),
    field(
        "otherOutcomes",
        "Other outcomes",
        Outcomes,
        Entries,
        |s, v| outcomes(&s.protocol_section.outcomes_module.other_outcomes, v),
    )
    .at(&["/protocolSection/outcomesModule/otherOutcomes"])
    .csv("Other Outcome Measures"),
];

/// Each outcome's measure; in CT.gov's form "Measure, description, time frame", the parts the
/// record has (CT.gov's cell joins them with commas that also occur inside them).
fn outcomes(list: &[Outcome], v: &mut Values) {
    for o in list {
        match v.form() {
            Form::Words => {
                v.text(&o.measure);
                v.detail(&o.description);
                v.detail(&o.time_frame);
            }
            Form::Code => v.parts(
                &[
                    o.measure.as_deref(),
                    o.description.as_deref(),
                    o.time_frame.as_deref(),
                ],
                ", ",
            ),
        }
    }
}
