//! The card's header and status, its key facts, and every date of the record's history.

use super::{field, Field, Form, Kind, Section, Uses, Values, STUDY_URL};
use crate::Study;

use Kind::{Code, Count, Date, Entries, Text};
use Section::{Dates, Header, KeyFacts, Status};

/// The header: title, acronym and NCT ID.
pub(super) static HEADER: &[Field] = &[
    field("briefTitle", "Brief title", Header, Text, |s, v| {
        v.text(&s.protocol_section.identification_module.brief_title)
    })
    .at(&["/protocolSection/identificationModule/briefTitle"])
    .csv("Study Title"),
    field("acronym", "Acronym", Header, Text, |s, v| {
        v.text(&s.protocol_section.identification_module.acronym)
    })
    .at(&["/protocolSection/identificationModule/acronym"])
    .csv("Acronym"),
    field("nctId", "NCT ID", Header, Text, |s, v| {
        v.text(&s.protocol_section.identification_module.nct_id)
    })
    .at(&["/protocolSection/identificationModule/nctId"])
    .csv("NCT Number"),
    field(
        "studyUrl",
        "ClinicalTrials.gov page",
        Header,
        Kind::Link,
        |s, v| {
            if let Some(nct) = &s.protocol_section.identification_module.nct_id {
                v.push(format!("{STUDY_URL}{nct}"));
            }
        },
    )
    .at(&["/protocolSection/identificationModule/nctId"])
    .uses(Uses::Export)
    .csv("Study URL"),
];

/// The status, as the header's badges.
pub(super) static STATUS: &[Field] = &[
    field("overallStatus", "Overall status", Status, Code, |s, v| {
        v.code(s.protocol_section.status_module.overall_status)
    })
    .at(&["/protocolSection/statusModule/overallStatus"])
    .csv("Study Status"),
    field("hasResults", "Has results", Status, Code, |s, v| {
        v.yes_no(s.has_results)
    })
    .at(&["/hasResults"])
    .csv("Study Results"),
    field(
        "lastKnownStatus",
        "Last known status",
        Status,
        Code,
        |s, v| v.code(s.protocol_section.status_module.last_known_status),
    )
    .at(&["/protocolSection/statusModule/lastKnownStatus"]),
    field("whyStopped", "Why stopped", Status, Text, |s, v| {
        v.text(&s.protocol_section.status_module.why_stopped)
    })
    .at(&["/protocolSection/statusModule/whyStopped"]),
];

/// The facts at a glance.
pub(super) static KEY_FACTS: &[Field] = &[
    // The count and its type compare as two fields: a page that gives the count alone ("40")
    // says less than one that adds "Estimated", and does not disagree with it. The card
    // shows "40 participants" with the type as its note.
    field("enrollment", "Enrollment", KeyFacts, Text, |s, v| {
        let Some(e) = &s.protocol_section.design_module.enrollment_info else {
            return;
        };
        if let Some(count) = e.count {
            v.push(format!("{count} participants"));
            v.note_code(e.enrollment_type);
        }
    })
    .at(&["/protocolSection/designModule/enrollmentInfo"])
    .uses(Uses::Card),
    field("enrollmentInfo", "Enrollment", KeyFacts, Count, |s, v| {
        let e = &s.protocol_section.design_module.enrollment_info;
        if let Some(count) = e.as_ref().and_then(|e| e.count) {
            v.push(count.to_string());
        }
    })
    .at(&["/protocolSection/designModule/enrollmentInfo/count"])
    .uses(Uses::Compare)
    .csv("Enrollment"),
    field(
        "enrollmentType",
        "Enrollment type",
        KeyFacts,
        Code,
        |s, v| {
            let e = &s.protocol_section.design_module.enrollment_info;
            v.code(e.as_ref().and_then(|e| e.enrollment_type))
        },
    )
    .at(&["/protocolSection/designModule/enrollmentInfo/type"])
    .uses(Uses::Compare),
    // The ages as one range on the card, and in CT.gov's "Age" cell with the age groups
    // after it; the two ends compare apart.
    field("ages", "Ages", KeyFacts, Text, ages)
        .at(&[
            "/protocolSection/eligibilityModule/minimumAge",
            "/protocolSection/eligibilityModule/maximumAge",
        ])
        .uses(Uses::Card)
        .csv("Age"),
    field("minimumAge", "Minimum age", KeyFacts, Text, |s, v| {
        v.text(&s.protocol_section.eligibility_module.minimum_age)
    })
    .at(&["/protocolSection/eligibilityModule/minimumAge"])
    .uses(Uses::Compare),
    field("maximumAge", "Maximum age", KeyFacts, Text, |s, v| {
        v.text(&s.protocol_section.eligibility_module.maximum_age)
    })
    .at(&["/protocolSection/eligibilityModule/maximumAge"])
    .uses(Uses::Compare),
    field("stdAges", "Age groups", KeyFacts, Code, |s, v| {
        v.codes(&s.protocol_section.eligibility_module.std_ages)
    })
    .at(&["/protocolSection/eligibilityModule/stdAges"]),
    field("sex", "Sex", KeyFacts, Code, |s, v| {
        v.code(s.protocol_section.eligibility_module.sex)
    })
    .at(&["/protocolSection/eligibilityModule/sex"])
    .csv("Sex"),
    field(
        "healthyVolunteers",
        "Healthy volunteers",
        KeyFacts,
        Code,
        |s, v| {
            if let Some(yes) = s.protocol_section.eligibility_module.healthy_volunteers {
                match v.form() {
                    Form::Words => v.push(if yes { "Accepted" } else { "Not accepted" }.into()),
                    Form::Code => v.yes_no(Some(yes)),
                }
            }
        },
    )
    .at(&["/protocolSection/eligibilityModule/healthyVolunteers"]),
    field("startDateStruct", "Start", KeyFacts, Date, |s, v| {
        v.date(&s.protocol_section.status_module.start_date_struct)
    })
    .at(&["/protocolSection/statusModule/startDateStruct"])
    .csv("Start Date"),
    field(
        "primaryCompletionDateStruct",
        "Primary completion",
        KeyFacts,
        Date,
        |s, v| {
            v.date(
                &s.protocol_section
                    .status_module
                    .primary_completion_date_struct,
            )
        },
    )
    .at(&["/protocolSection/statusModule/primaryCompletionDateStruct"])
    .csv("Primary Completion Date"),
    field(
        "completionDateStruct",
        "Completion",
        KeyFacts,
        Date,
        |s, v| v.date(&s.protocol_section.status_module.completion_date_struct),
    )
    .at(&["/protocolSection/statusModule/completionDateStruct"])
    .csv("Completion Date"),
    field(
        "lastUpdatePostDateStruct",
        "Last update posted",
        KeyFacts,
        Date,
        |s, v| {
            v.date(
                &s.protocol_section
                    .status_module
                    .last_update_post_date_struct,
            )
        },
    )
    .at(&["/protocolSection/statusModule/lastUpdatePostDateStruct"])
    .csv("Last Update Posted"),
];

/// "18 Years to 65 Years"; in CT.gov's form the age groups follow in brackets: "18 Years to
/// 65 Years (ADULT, OLDER_ADULT)", "up to 17 Years (CHILD)". CT.gov's current download
/// writes the age groups alone; the range in front (as its older download wrote it) keeps
/// the minimum and maximum ages.
fn ages(s: &Study, v: &mut Values) {
    let e = &s.protocol_section.eligibility_module;
    let words = v.form() == Form::Words;
    let range = match (&e.minimum_age, &e.maximum_age) {
        (Some(min), Some(max)) => format!("{min} to {max}"),
        (Some(min), None) => format!("{min} and older"),
        (None, Some(max)) if words => format!("Up to {max}"),
        (None, Some(max)) => format!("up to {max}"),
        (None, None) => String::new(),
    };
    if words {
        return v.push(range);
    }
    let groups: Vec<String> = e.std_ages.iter().map(|a| v.code_text(*a)).collect();
    v.push(match (range.is_empty(), groups.is_empty()) {
        (false, false) => format!("{range} ({})", groups.join(", ")),
        (false, true) => range,
        (true, _) => groups.join(", "),
    });
}

/// Every date of the record's history but those in the key facts.
pub(super) static DATES: &[Field] = &[
    field(
        "studyFirstSubmitDate",
        "First submitted",
        Dates,
        Date,
        |s, v| v.text(&s.protocol_section.status_module.study_first_submit_date),
    )
    .at(&["/protocolSection/statusModule/studyFirstSubmitDate"]),
    field(
        "studyFirstSubmitQcDate",
        "First submitted that met QC criteria",
        Dates,
        Date,
        |s, v| v.text(&s.protocol_section.status_module.study_first_submit_qc_date),
    )
    .at(&["/protocolSection/statusModule/studyFirstSubmitQcDate"]),
    field(
        "studyFirstPostDateStruct",
        "First posted",
        Dates,
        Date,
        |s, v| {
            v.date(
                &s.protocol_section
                    .status_module
                    .study_first_post_date_struct,
            )
        },
    )
    .at(&["/protocolSection/statusModule/studyFirstPostDateStruct"])
    .csv("First Posted"),
    field(
        "resultsFirstSubmitDate",
        "Results first submitted",
        Dates,
        Date,
        |s, v| v.text(&s.protocol_section.status_module.results_first_submit_date),
    )
    .at(&["/protocolSection/statusModule/resultsFirstSubmitDate"]),
    field(
        "resultsFirstSubmitQcDate",
        "Results first submitted that met QC criteria",
        Dates,
        Date,
        |s, v| {
            v.text(
                &s.protocol_section
                    .status_module
                    .results_first_submit_qc_date,
            )
        },
    )
    .at(&["/protocolSection/statusModule/resultsFirstSubmitQcDate"]),
    field(
        "resultsFirstPostDateStruct",
        "Results first posted",
        Dates,
        Date,
        |s, v| {
            v.date(
                &s.protocol_section
                    .status_module
                    .results_first_post_date_struct,
            )
        },
    )
    .at(&["/protocolSection/statusModule/resultsFirstPostDateStruct"])
    .csv("Results First Posted"),
    field(
        "dispFirstSubmitDate",
        "Certification or delay first submitted",
        Dates,
        Date,
        |s, v| v.text(&s.protocol_section.status_module.disp_first_submit_date),
    )
    .at(&["/protocolSection/statusModule/dispFirstSubmitDate"]),
    field(
        "dispFirstSubmitQcDate",
        "Certification or delay first met QC criteria",
        Dates,
        Date,
        |s, v| v.text(&s.protocol_section.status_module.disp_first_submit_qc_date),
    )
    .at(&["/protocolSection/statusModule/dispFirstSubmitQcDate"]),
    field(
        "dispFirstPostDateStruct",
        "Certification or delay first posted",
        Dates,
        Date,
        |s, v| v.date(&s.protocol_section.status_module.disp_first_post_date_struct),
    )
    .at(&["/protocolSection/statusModule/dispFirstPostDateStruct"]),
    field(
        "lastUpdateSubmitDate",
        "Last update submitted",
        Dates,
        Date,
        |s, v| v.text(&s.protocol_section.status_module.last_update_submit_date),
    )
    .at(&["/protocolSection/statusModule/lastUpdateSubmitDate"]),
    field(
        "statusVerifiedDate",
        "Status verified",
        Dates,
        Date,
        |s, v| v.text(&s.protocol_section.status_module.status_verified_date),
    )
    .at(&["/protocolSection/statusModule/statusVerifiedDate"]),
    // ClinicalTrials.gov's own bookkeeping: shown, not compared (it differs between two
    // downloads of one record).
    field("versionHolder", "Record version of", Dates, Date, |s, v| {
        v.text(&s.derived_section.misc_info_module.version_holder)
    })
    .at(&["/derivedSection/miscInfoModule/versionHolder"])
    .uses(Uses::Card),
    field(
        "estimatedResultsFirstSubmitDate",
        "Results expected by",
        Dates,
        Date,
        |s, v| {
            let t = &s.derived_section.misc_info_module.submission_tracking;
            v.text(
                &t.as_ref()
                    .and_then(|t| t.estimated_results_first_submit_date.clone()),
            )
        },
    )
    .at(&["/derivedSection/miscInfoModule/submissionTracking/estimatedResultsFirstSubmitDate"])
    .uses(Uses::Card),
    field(
        "firstMcpPostDate",
        "Quality control comments first posted",
        Dates,
        Date,
        |s, v| {
            let t = &s.derived_section.misc_info_module.submission_tracking;
            let m = t.as_ref().and_then(|t| t.first_mcp_info.as_ref());
            v.date(&m.and_then(|m| m.post_date_struct.clone()))
        },
    )
    .at(&["/derivedSection/miscInfoModule/submissionTracking/firstMcpInfo"])
    .uses(Uses::Card),
    field(
        "submissionInfos",
        "Results submissions",
        Dates,
        Entries,
        |s, v| {
            let t = &s.derived_section.misc_info_module.submission_tracking;
            for info in t.iter().flat_map(|t| &t.submission_infos) {
                let released = info
                    .release_date
                    .as_deref()
                    .map(|d| format!("released {d}"));
                let unreleased = info
                    .unrelease_date
                    .as_deref()
                    .map(|d| format!("unreleased {d}"));
                let reset = info.reset_date.as_deref().map(|d| format!("reset {d}"));
                v.parts(
                    &[released.as_deref(), unreleased.as_deref(), reset.as_deref()],
                    ", ",
                );
            }
        },
    )
    .at(&["/derivedSection/miscInfoModule/submissionTracking/submissionInfos"])
    .uses(Uses::Card),
];
