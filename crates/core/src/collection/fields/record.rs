//! The rest of the record: identifiers, references, data sharing, documents, MeSH terms,
//! related trials, results, and what the parser kept without a field.

use super::{field, Field, Kind, Section, Uses, Values};
use crate::model::{BrowseModule, OutcomeMeasureType, Study};

use Kind::{Chips, Code, Entries, Link, List, Markdown, Preformatted, Text};
use Section::{
    DataSharing, Documents, Identifiers, Mesh, NotRecognised, Other, References, Related, Results,
};

/// Titles and identifiers.
pub(super) static IDENTIFIERS: &[Field] = &[
    field(
        "officialTitle",
        "Official title",
        Identifiers,
        Text,
        |s, v| v.text(&s.protocol_section.identification_module.official_title),
    )
    .at(&["/protocolSection/identificationModule/officialTitle"]),
    field(
        "orgStudyIdInfo",
        "Organization's study ID",
        Identifiers,
        Text,
        |s, v| {
            let id = &s.protocol_section.identification_module;
            if let Some(org) = &id.org_study_id_info {
                v.text(&org.id);
                v.detail(&org.id_type);
                v.detail(&org.link);
            }
        },
    )
    .at(&["/protocolSection/identificationModule/orgStudyIdInfo"]),
    field(
        "secondaryIdInfos",
        "Secondary IDs",
        Identifiers,
        Entries,
        |s, v| {
            for sid in &s.protocol_section.identification_module.secondary_id_infos {
                v.text(&sid.id);
                v.detail_code(sid.id_type);
                v.detail(&sid.domain);
                v.detail(&sid.link);
            }
        },
    )
    .at(&["/protocolSection/identificationModule/secondaryIdInfos"]),
    // CT.gov's cell: the sponsor's own study ID first, then the secondary IDs.
    field("otherIds", "Other IDs", Identifiers, List, |s, v| {
        let id = &s.protocol_section.identification_module;
        if let Some(org) = &id.org_study_id_info {
            v.text(&org.id);
        }
        for sid in &id.secondary_id_infos {
            v.text(&sid.id);
        }
    })
    .at(&[
        "/protocolSection/identificationModule/orgStudyIdInfo",
        "/protocolSection/identificationModule/secondaryIdInfos",
    ])
    .uses(Uses::Export)
    .csv("Other IDs"),
    field(
        "nctIdAliases",
        "Other NCT IDs",
        Identifiers,
        List,
        |s, v| v.all(&s.protocol_section.identification_module.nct_id_aliases),
    )
    .at(&["/protocolSection/identificationModule/nctIdAliases"]),
    field(
        "expandedAccessInfo",
        "Expanded access record",
        Identifiers,
        Text,
        |s, v| {
            if let Some(access) = &s.protocol_section.status_module.expanded_access_info {
                v.text(&access.nct_id);
                v.note_words(access.status_for_nct_id);
            }
        },
    )
    .at(&["/protocolSection/statusModule/expandedAccessInfo"]),
];

/// Publications and links.
pub(super) static REFERENCES: &[Field] = &[
    // How many references, compared; the card lists them.
    field(
        "references",
        "References",
        References,
        Kind::Count,
        |s, v| {
            let n = s.protocol_section.references_module.references.len();
            if n > 0 {
                v.push(n.to_string());
            }
        },
    )
    .at(&["/protocolSection/referencesModule/references"])
    .uses(Uses::Compare),
    field(
        "referenceList",
        "Publications",
        References,
        Entries,
        |s, v| {
            for r in &s.protocol_section.references_module.references {
                v.text(&r.citation);
                v.detail(&r.pmid);
                v.detail_code(r.reference_type);
            }
            for doi in &s.trialcards.reference_dois {
                v.detail(&Some(doi.doi.clone()));
            }
        },
    )
    .at(&[
        "/protocolSection/referencesModule/references",
        "/trialcards/referenceDois",
    ])
    .uses(Uses::Card),
    field("seeAlsoLinks", "Links", References, Entries, |s, v| {
        for link in &s.protocol_section.references_module.see_also_links {
            v.text(&link.label.clone().or_else(|| link.url.clone()));
            if link.label.is_some() {
                v.detail(&link.url);
            }
        }
    })
    .at(&["/protocolSection/referencesModule/seeAlsoLinks"]),
];

/// Sharing of individual participant data.
pub(super) static DATA_SHARING: &[Field] = &[
    field(
        "ipdSharing",
        "Plan to share participant data",
        DataSharing,
        Code,
        |s, v| v.code(s.protocol_section.ipd_sharing_statement_module.ipd_sharing),
    )
    .at(&["/protocolSection/ipdSharingStatementModule/ipdSharing"]),
    field(
        "infoTypes",
        "Documents shared",
        DataSharing,
        Code,
        |s, v| v.codes(&s.protocol_section.ipd_sharing_statement_module.info_types),
    )
    .at(&["/protocolSection/ipdSharingStatementModule/infoTypes"])
    .joined(", "),
    field("ipdTimeFrame", "Time frame", DataSharing, Text, |s, v| {
        v.text(&s.protocol_section.ipd_sharing_statement_module.time_frame)
    })
    .at(&["/protocolSection/ipdSharingStatementModule/timeFrame"]),
    field("ipdUrl", "Where", DataSharing, Link, |s, v| {
        v.text(&s.protocol_section.ipd_sharing_statement_module.url)
    })
    .at(&["/protocolSection/ipdSharingStatementModule/url"]),
    field(
        "ipdDescription",
        "What will be shared",
        DataSharing,
        Markdown,
        |s, v| v.text(&s.protocol_section.ipd_sharing_statement_module.description),
    )
    .at(&["/protocolSection/ipdSharingStatementModule/description"]),
    field(
        "ipdAccessCriteria",
        "Access criteria",
        DataSharing,
        Markdown,
        |s, v| {
            v.text(
                &s.protocol_section
                    .ipd_sharing_statement_module
                    .access_criteria,
            )
        },
    )
    .at(&["/protocolSection/ipdSharingStatementModule/accessCriteria"]),
    field(
        "availIpds",
        "Available data and documents",
        DataSharing,
        Entries,
        |s, v| {
            for ipd in &s.protocol_section.references_module.avail_ipds {
                v.text(&ipd.ipd_type.clone().or_else(|| ipd.id.clone()));
                for part in [&ipd.id, &ipd.url, &ipd.comment] {
                    v.detail(part);
                }
            }
        },
    )
    .at(&["/protocolSection/referencesModule/availIpds"]),
];

/// Documents uploaded to ClinicalTrials.gov.
pub(super) static DOCUMENTS: &[Field] = &[
    field("largeDocs", "Documents", Documents, Entries, |s, v| {
        for doc in &s.document_section.large_document_module.large_docs {
            let name = doc.label.clone().or_else(|| doc.type_abbrev.clone());
            v.text(&name.or_else(|| doc.filename.clone()));
            for part in [&doc.type_abbrev, &doc.date, &doc.upload_date, &doc.filename] {
                v.detail(part);
            }
        }
    })
    .at(&["/documentSection/largeDocumentModule/largeDocs"]),
    field(
        "noSap",
        "No statistical analysis plan",
        Documents,
        Code,
        |s, v| v.yes_no(s.document_section.large_document_module.no_sap),
    )
    .at(&["/documentSection/largeDocumentModule/noSap"]),
];

/// The conditions' and interventions' MeSH terms, their ancestors, leaves and branches.
pub(super) static MESH: &[Field] = &[
    field(
        "conditionMeshes",
        "Condition MeSH terms",
        Mesh,
        Chips,
        |s, v| meshes(&s.derived_section.condition_browse_module, v),
    )
    .at(&["/derivedSection/conditionBrowseModule/meshes"]),
    field(
        "interventionMeshes",
        "Intervention MeSH terms",
        Mesh,
        Chips,
        |s, v| meshes(&s.derived_section.intervention_browse_module, v),
    )
    .at(&["/derivedSection/interventionBrowseModule/meshes"]),
    field(
        "conditionAncestors",
        "Broader condition terms",
        Mesh,
        Chips,
        |s, v| ancestors(&s.derived_section.condition_browse_module, v),
    )
    .at(&["/derivedSection/conditionBrowseModule/ancestors"])
    .uses(Uses::Card),
    field(
        "interventionAncestors",
        "Broader intervention terms",
        Mesh,
        Chips,
        |s, v| ancestors(&s.derived_section.intervention_browse_module, v),
    )
    .at(&["/derivedSection/interventionBrowseModule/ancestors"])
    .uses(Uses::Card),
    field(
        "conditionBrowseLeaves",
        "Condition terms found",
        Mesh,
        Chips,
        |s, v| leaves(&s.derived_section.condition_browse_module, v),
    )
    .at(&["/derivedSection/conditionBrowseModule/browseLeaves"])
    .uses(Uses::Card),
    field(
        "interventionBrowseLeaves",
        "Intervention terms found",
        Mesh,
        Chips,
        |s, v| leaves(&s.derived_section.intervention_browse_module, v),
    )
    .at(&["/derivedSection/interventionBrowseModule/browseLeaves"])
    .uses(Uses::Card),
    field(
        "conditionBrowseBranches",
        "Condition categories",
        Mesh,
        Chips,
        |s, v| branches(&s.derived_section.condition_browse_module, v),
    )
    .at(&["/derivedSection/conditionBrowseModule/browseBranches"])
    .uses(Uses::Card),
    field(
        "interventionBrowseBranches",
        "Intervention categories",
        Mesh,
        Chips,
        |s, v| branches(&s.derived_section.intervention_browse_module, v),
    )
    .at(&["/derivedSection/interventionBrowseModule/browseBranches"])
    .uses(Uses::Card),
];

fn meshes(browse: &BrowseModule, v: &mut Values) {
    for m in &browse.meshes {
        v.text(&m.term);
        v.detail(&m.id);
    }
}

fn ancestors(browse: &BrowseModule, v: &mut Values) {
    for m in &browse.ancestors {
        v.text(&m.term);
        v.detail(&m.id);
    }
}

fn leaves(browse: &BrowseModule, v: &mut Values) {
    for leaf in &browse.browse_leaves {
        v.text(&leaf.name);
        v.detail(&leaf.as_found);
        v.detail(&leaf.id);
        v.detail_code(leaf.relevance);
    }
}

fn branches(browse: &BrowseModule, v: &mut Values) {
    for branch in &browse.browse_branches {
        v.text(&branch.name);
        v.detail(&branch.abbrev);
    }
}

/// Trials the page lists as related.
pub(super) static RELATED: &[Field] = &[field(
    "relatedTrials",
    "Related trials",
    Related,
    Entries,
    |s, v| {
        for t in &s.trialcards.related_trials {
            v.text(&t.nct_id.clone().or_else(|| t.title.clone()));
            if t.nct_id.is_some() {
                v.detail(&t.title);
            }
            v.detail_code(t.overall_status);
            for phase in &t.phases {
                v.detail_code(Some(*phase));
            }
            v.detail(&t.list);
        }
    },
)
.at(&["/trialcards/relatedTrials"])
.uses(Uses::Card)];

/// Results as the page gives them.
pub(super) static RESULTS: &[Field] = &[
    field(
        "resultsPostedDate",
        "Results posted",
        Results,
        Kind::Date,
        |s, v| {
            v.text(
                &s.trialcards
                    .results
                    .as_ref()
                    .and_then(|r| r.results_posted_date.clone()),
            )
        },
    )
    .at(&["/trialcards/results/resultsPostedDate"])
    .uses(Uses::Card),
    field(
        "resultsTimeFrame",
        "Primary outcome time frame",
        Results,
        Text,
        |s, v| {
            let r = s.trialcards.results.as_ref();
            v.text(&r.and_then(|r| r.primary_outcome_time_frame.clone()))
        },
    )
    .at(&["/trialcards/results/primaryOutcomeTimeFrame"])
    .uses(Uses::Card),
    field("resultsOverview", "Overview", Results, Markdown, |s, v| {
        v.text(
            &s.trialcards
                .results
                .as_ref()
                .and_then(|r| r.overview.clone()),
        )
    })
    .at(&["/trialcards/results/overview"])
    .uses(Uses::Card),
    field(
        "participantFlow",
        "Participant flow",
        Results,
        Preformatted,
        |s, v| {
            v.text(
                &s.trialcards
                    .results
                    .as_ref()
                    .and_then(|r| r.participant_flow.clone()),
            )
        },
    )
    .at(&["/trialcards/results/participantFlow"])
    .uses(Uses::Card),
    field(
        "resultSections",
        "Result sections",
        Results,
        Entries,
        |s, v| {
            for section in s.trialcards.results.iter().flat_map(|r| &r.sections) {
                v.str(&section.label);
                v.detail(&Some(section.value.clone()));
            }
        },
    )
    .at(&["/trialcards/results/sections"])
    .uses(Uses::Card),
    // The structured results are drawn as tables by the viewer; these give compare its
    // columns and search its words.
    field(
        "primaryOutcomeResults",
        "Primary outcomes posted",
        Results,
        List,
        |s, v| {
            let outcomes = &s.results_section.outcome_measures_module.outcome_measures;
            for o in outcomes {
                if o.outcome_type == Some(OutcomeMeasureType::Primary) {
                    v.text(&o.title);
                }
            }
        },
    )
    .at(&["/resultsSection/outcomeMeasuresModule/outcomeMeasures"])
    .uses(Uses::Compare),
    field(
        "seriousAdverseEvents",
        "Serious adverse events",
        Results,
        Text,
        |s, v| {
            let groups = &s.results_section.adverse_events_module.event_groups;
            let affected: Option<u64> = groups.iter().map(|g| g.serious_num_affected).sum();
            let at_risk: Option<u64> = groups.iter().map(|g| g.serious_num_at_risk).sum();
            if let (false, Some(affected), Some(at_risk)) = (groups.is_empty(), affected, at_risk) {
                v.str(&format!("{affected} of {at_risk} participants"));
            }
        },
    )
    .at(&["/resultsSection/adverseEventsModule/eventGroups"])
    .uses(Uses::Compare),
    field(
        "resultsTerms",
        "Measures and events posted",
        Results,
        List,
        |s, v| {
            let r = &s.results_section;
            let flow = &r.participant_flow_module;
            for g in &flow.groups {
                v.text(&g.title);
            }
            for p in &flow.periods {
                v.text(&p.title);
            }
            for o in &r.outcome_measures_module.outcome_measures {
                v.text(&o.title);
                for g in &o.groups {
                    v.text(&g.title);
                }
            }
            let baseline = &r.baseline_characteristics_module;
            for g in &baseline.groups {
                v.text(&g.title);
            }
            for m in &baseline.measures {
                v.text(&m.title);
                for c in &m.classes {
                    v.text(&c.title);
                    for k in &c.categories {
                        v.text(&k.title);
                    }
                }
            }
            for o in &r.outcome_measures_module.outcome_measures {
                for c in &o.classes {
                    v.text(&c.title);
                    for k in &c.categories {
                        v.text(&k.title);
                    }
                }
            }
            let events = &r.adverse_events_module;
            for g in &events.event_groups {
                v.text(&g.title);
            }
            for e in events.serious_events.iter().chain(&events.other_events) {
                v.text(&e.term);
                v.text(&e.organ_system);
            }
        },
    )
    .at(&["/resultsSection"])
    .uses(Uses::Export),
];

/// Labelled values the model has no field for, and parts of a CT.gov record it does not
/// name.
pub(super) static OTHER: &[Field] = &[
    field("otherFields", "Details", Other, Entries, |s, v| {
        for f in &s.trialcards.other_fields {
            v.str(&f.label);
            v.detail(&Some(f.value.clone()));
        }
    })
    .at(&["/trialcards/otherFields"])
    .uses(Uses::Card),
    field(
        "unmodelled",
        "Parts of the record without a field",
        Other,
        List,
        unmodelled,
    )
    .at(&["/trialcards/unmodelled"])
    .uses(Uses::Card),
];

/// Every string of the parts of a CT.gov record the model does not name, walked with a stack
/// (the JSON's depth is the input's).
fn unmodelled(s: &Study, v: &mut Values) {
    let mut stack: Vec<&serde_json::Value> = s.trialcards.unmodelled.values().rev().collect();
    while let Some(value) = stack.pop() {
        match value {
            serde_json::Value::String(text) => v.str(text),
            serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
            serde_json::Value::Object(map) => stack.extend(map.values().rev()),
            _ => {}
        }
    }
}

/// Lines of the page the parser could not place.
pub(super) static NOT_RECOGNISED: &[Field] = &[field(
    "unrecognized",
    "Lines not placed",
    NotRecognised,
    Entries,
    |s, v| {
        for line in &s.trialcards.unrecognized {
            v.str(&line.text);
            v.detail(&line.section);
        }
    },
)
.at(&["/trialcards/unrecognized"])
.uses(Uses::Card)];
