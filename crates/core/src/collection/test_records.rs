//! Records for the collection's unit tests: one built from JSON, and one that gives every
//! field of the model.

use serde_json::{json, Value};

use crate::Study;

/// The record `value` describes (CT.gov v2 JSON with our `trialcards` key).
pub fn study(value: Value) -> Study {
    serde_json::from_value(value).expect("a record")
}

/// A record with a value in every field of the model: every string, every list (two items
/// where order matters), every enum.
pub fn full_json() -> Value {
    let date = |d: &str, t: &str| json!({"date": d, "type": t});
    json!({
        "protocolSection": {
            "identificationModule": {
                "nctId": "NCT09990101",
                "nctIdAliases": ["NCT09990100"],
                "orgStudyIdInfo": {"id": "ORG-1", "type": "NIH", "link": "https://example.org/org-1"},
                "secondaryIdInfos": [
                    {"id": "2031-000123-45", "type": "EUDRACT_NUMBER", "domain": "EudraCT", "link": "https://example.org/eu"},
                    {"id": "R21 NS000051", "type": "NIH", "domain": "NINDS"}
                ],
                "briefTitle": "Cells for Knees",
                "officialTitle": "A Fictional Trial of Cells for Knees",
                "acronym": "KNEE",
                "organization": {"fullName": "Northwind University", "class": "OTHER"}
            },
            "statusModule": {
                "statusVerifiedDate": "2024-01",
                "studyFirstSubmitDate": "2012-12-03",
                "overallStatus": "ACTIVE_NOT_RECRUITING",
                "lastKnownStatus": "RECRUITING",
                "delayedPosting": false,
                "whyStopped": "Funding paused",
                "expandedAccessInfo": {"hasExpandedAccess": true, "nctId": "NCT09990103", "statusForNctId": "AVAILABLE"},
                "studyFirstSubmitQcDate": "2012-12-04",
                "resultsWaived": false,
                "resultsFirstSubmitDate": "2025-02-01",
                "resultsFirstSubmitQcDate": "2025-02-02",
                "dispFirstSubmitDate": "2024-11-01",
                "dispFirstSubmitQcDate": "2024-11-02",
                "dispFirstPostDateStruct": date("2024-11-03", "ACTUAL"),
                "lastUpdateSubmitDate": "2025-04-01",
                "startDateStruct": date("2021-03", "ACTUAL"),
                "primaryCompletionDateStruct": date("2024-06", "ESTIMATED"),
                "completionDateStruct": date("2025-01-15", "ESTIMATED"),
                "studyFirstPostDateStruct": date("2021-02-01", "ACTUAL"),
                "resultsFirstPostDateStruct": date("2025-03-01", "ACTUAL"),
                "lastUpdatePostDateStruct": date("2025-04-02", "ACTUAL")
            },
            "sponsorCollaboratorsModule": {
                "responsibleParty": {
                    "type": "PRINCIPAL_INVESTIGATOR",
                    "investigatorFullName": "Ada Quill",
                    "investigatorTitle": "Professor",
                    "investigatorAffiliation": "Northwind University",
                    "oldNameTitle": "Ada Quill, Professor",
                    "oldOrganization": "Northwind University School"
                },
                "leadSponsor": {"name": "Northwind University Hospital", "class": "OTHER"},
                "collaborators": [
                    {"name": "Fictional Pharma", "class": "INDUSTRY"},
                    {"name": "Fictional Institute", "class": "NIH"}
                ]
            },
            "oversightModule": {
                "oversightHasDmc": true, "isFdaRegulatedDrug": true, "isFdaRegulatedDevice": false,
                "isUnapprovedDevice": false, "isPpsd": false, "isUsExport": false, "fdaaa801Violation": false
            },
            "descriptionModule": {
                "briefSummary": "Cells are injected into the knee.",
                "detailedDescription": "Participants are followed for 12 months."
            },
            "conditionsModule": {
                "conditions": ["Knee Osteoarthritis", "Cartilage Loss"],
                "keywords": ["stromal cells", "knee"]
            },
            "designModule": {
                "studyType": "INTERVENTIONAL",
                "patientRegistry": false,
                "phases": ["PHASE1", "PHASE2"],
                "designInfo": {
                    "allocation": "RANDOMIZED",
                    "interventionModel": "PARALLEL",
                    "interventionModelDescription": "Two parallel groups",
                    "primaryPurpose": "TREATMENT",
                    "observationalModel": "COHORT",
                    "timePerspective": "PROSPECTIVE",
                    "maskingInfo": {
                        "masking": "DOUBLE",
                        "maskingDescription": "Syringes look alike",
                        "whoMasked": ["PARTICIPANT", "INVESTIGATOR"]
                    }
                },
                "enrollmentInfo": {"count": 30, "type": "ESTIMATED"}
            },
            "outcomesModule": {
                "primaryOutcomes": [{"measure": "Pain score", "description": "On a 0-10 scale", "timeFrame": "12 months"}],
                "secondaryOutcomes": [{"measure": "Cartilage thickness", "description": "By MRI", "timeFrame": "6 months"}],
                "otherOutcomes": [{"measure": "Walking distance", "description": "Six-minute walk", "timeFrame": "3 months"}]
            },
            "armsInterventionsModule": {
                "armGroups": [
                    {"label": "Cells", "type": "EXPERIMENTAL", "description": "One injection of cells", "interventionNames": ["Biological: Cord cells"]},
                    {"label": "Saline", "type": "PLACEBO_COMPARATOR", "description": "One injection of saline", "interventionNames": ["Drug: Saline"]}
                ],
                "interventions": [
                    {"type": "BIOLOGICAL", "name": "Cord cells", "description": "Ten million cells", "armGroupLabels": ["Cells"], "otherNames": ["UC-MSC"]},
                    {"type": "DRUG", "name": "Saline", "description": "Placebo injection", "armGroupLabels": ["Saline"], "otherNames": ["Sodium chloride"]}
                ]
            },
            "eligibilityModule": {
                "eligibilityCriteria": "Inclusion Criteria:\n\n* Knee pain\n\nExclusion Criteria:\n\n* Infection",
                "healthyVolunteers": false,
                "sex": "ALL",
                "minimumAge": "40 Years",
                "maximumAge": "75 Years",
                "stdAges": ["ADULT", "OLDER_ADULT"],
                "studyPopulation": "Adults with knee pain",
                "samplingMethod": "PROBABILITY_SAMPLE"
            },
            "contactsLocationsModule": {
                "centralContacts": [{"name": "Nell Harrow, RN", "role": "CONTACT", "phone": "555-0100", "phoneExt": "12", "email": "nell@example.org"}],
                "overallOfficials": [{"name": "Ada Quill, MD", "affiliation": "Northwind University", "role": "PRINCIPAL_INVESTIGATOR"}],
                "locations": [
                    {
                        "facility": "Northwind Hospital", "status": "RECRUITING", "city": "Springfield",
                        "state": "Oregon", "zip": "97477", "country": "United States",
                        "contacts": [{"name": "Site Nurse", "role": "CONTACT", "phone": "555-0101", "phoneExt": "3", "email": "site@example.org"}],
                        "geoPoint": {"lat": 44.05, "lon": -123.02}
                    },
                    {"facility": "Harbour Clinic", "city": "Bergen", "country": "Norway"}
                ]
            },
            "referencesModule": {
                "references": [{"pmid": "99999999", "type": "BACKGROUND", "citation": "Example A. A made-up paper."}],
                "seeAlsoLinks": [{"label": "Trial website", "url": "https://example.org/knee"}],
                "availIpds": [{"id": "IPD-KNEE", "type": "Individual Participant Data Set", "url": "https://example.org/ipd", "comment": "Ask the sponsor"}]
            },
            "ipdSharingStatementModule": {
                "ipdSharing": "YES",
                "description": "De-identified data",
                "infoTypes": ["STUDY_PROTOCOL", "SAP"],
                "timeFrame": "From 2026 for five years",
                "accessCriteria": "Approved researchers",
                "url": "https://example.org/share"
            }
        },
        "documentSection": {
            "largeDocumentModule": {
                "noSap": false,
                "largeDocs": [{
                    "typeAbbrev": "Prot_SAP", "hasProtocol": true, "hasSap": true, "hasIcf": false,
                    "label": "Study Protocol and Statistical Analysis Plan", "date": "2021-01-05",
                    "uploadDate": "2021-02-03T10:20", "filename": "Prot_SAP_000.pdf", "size": 2048
                }]
            }
        },
        "derivedSection": {
            "miscInfoModule": {
                "versionHolder": "2025-04-05",
                "removedCountries": ["Iceland"],
                "submissionTracking": {
                    "estimatedResultsFirstSubmitDate": "2025-01-20",
                    "firstMcpInfo": {"postDateStruct": date("2025-01-25", "ACTUAL")},
                    "submissionInfos": [{"releaseDate": "2025-01-21", "unreleaseDate": "2025-01-22", "unreleaseDateUnknown": false, "resetDate": "2025-01-23", "mcpReleaseN": 1}]
                }
            },
            "conditionBrowseModule": {
                "meshes": [{"id": "D010003", "term": "Osteoarthritis"}],
                "ancestors": [{"id": "D001168", "term": "Arthritis"}],
                "browseLeaves": [{"id": "M12345", "name": "Osteoarthritis, Knee", "asFound": "Knee Osteoarthritis", "relevance": "HIGH"}],
                "browseBranches": [{"abbrev": "BC05", "name": "Musculoskeletal Diseases"}]
            },
            "interventionBrowseModule": {
                "meshes": [{"id": "D012965", "term": "Sodium Chloride"}],
                "ancestors": [{"id": "D000001", "term": "Solutions"}],
                "browseLeaves": [{"id": "M15678", "name": "Saline Solution", "asFound": "Saline", "relevance": "LOW"}],
                "browseBranches": [{"abbrev": "Ot", "name": "Other Dietary Supplements"}]
            }
        },
        "resultsSection": {
            "outcomeMeasuresModule": {"outcomeMeasures": [{
                "type": "PRIMARY", "title": "Knee pain at week 12",
                "groups": [{"id": "OG000", "title": "Cells"}]
            }]},
            "adverseEventsModule": {
                "eventGroups": [{"id": "EG000", "title": "Cells", "seriousNumAffected": 2, "seriousNumAtRisk": 30}],
                "seriousEvents": [{"term": "Knee swelling", "organSystem": "Musculoskeletal disorders",
                    "stats": [{"groupId": "EG000", "numAffected": 2, "numAtRisk": 30}]}]
            }
        },
        "hasResults": true,
        "trialcards": {
            "source": {"fileName": "knee.txt", "layout": "veeva", "byteLength": 1234, "format": "html"},
            "criteria": {
                "preamble": ["Adults may take part when:"],
                "inclusion": [{"text": "Knee pain", "marker": "*", "line": 10, "children": [
                    {"text": "for six months", "marker": "-", "line": 11, "children": []}
                ]}],
                "exclusion": [{"text": "Infection", "marker": "*", "line": 13, "children": []}]
            },
            "relatedTrials": [{"nctId": "NCT09990102", "title": "Another Knee Trial", "overallStatus": "COMPLETED", "phases": ["PHASE3"], "list": "More Related Trials"}],
            "results": {
                "overview": "Pain fell.",
                "primaryOutcomeTimeFrame": "12 months",
                "resultsPostedDate": "2025-03-01",
                "participantFlow": "30 started, 28 completed",
                "sections": [{"label": "Adverse Events", "value": "None serious", "line": 40}]
            },
            "funderTypes": ["OTHER", "INDUSTRY"],
            "locationCount": 2,
            "countries": ["United States", "Norway"],
            "referenceDois": [{"index": 0, "doi": "10.0000/fict.1"}],
            "otherFields": [{"label": "Ethics committee", "value": "Northwind Board", "line": 50}],
            "unrecognized": [{"line": 60, "text": "A stray line", "section": "About"}],
            "unmodelled": {"/annotationSection/annotationModule": {"unpostedAnnotation": {"unpostedResponsibleParty": "maybe", "notes": ["An unmodelled note"]}}},
            "diagnostics": [{"severity": "info", "line": 3, "message": "A note from the parser"}]
        }
    })
}

/// `record` with the string at `pointer` replaced by `text`, if the record keeps it there as
/// free text (a CT.gov code replaced by a word is not kept: the field is an enum).
pub fn with_text_at(record: &Value, pointer: &str, text: &str) -> Option<Study> {
    let mut v = record.clone();
    *v.pointer_mut(pointer)? = Value::String(text.to_string());
    let s: Study = serde_json::from_value(v).ok()?;
    let back = serde_json::to_value(&s).ok()?;
    (back.pointer(pointer) == Some(&Value::String(text.to_string()))).then_some(s)
}

/// The record [`full_json`] describes.
pub fn full() -> Study {
    study(full_json())
}

#[test]
fn the_full_record_keeps_every_value_it_is_given() {
    // A misspelt key would be dropped silently when read: written back, it would be missing.
    assert_eq!(serde_json::to_value(full()).unwrap(), full_json());
}
