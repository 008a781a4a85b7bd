//! Classic ClinicalTrials.gov XML element paths (inside `<clinical_study>`) → v2 fields: which
//! elements open a list entry (an arm, a site), and where each leaf's text goes.

use crate::fields::{age, date};
use crate::model::{
    ArmGroup, AvailIpd, BrowseModule, Contact, ContactRole, DateStruct, DateType, DesignInfo,
    DesignMasking, EnrollmentInfo, EnrollmentType, Intervention, LargeDoc, Location, MaskingInfo,
    Mesh, Official, Outcome, PrimaryPurpose, Reference, ReferenceType, ResponsibleParty,
    SecondaryIdInfo, SeeAlsoLink, Sponsor, Study, StudyType, WhoMasked,
};
use crate::vocab;

/// `Err(None)`: no v2 field for this element (it is kept as it is); `Err(Some(why))`: the field
/// exists but its value could not be read (kept, with a warning saying why).
pub(crate) type Placed = Result<(), Option<String>>;

/// Starts the list entry an element opens (`<arm_group>` → a new arm group), so that its
/// children fill the entry in; `<clinical_results>` marks the study as having results.
pub(crate) fn open(study: &mut Study, path: &[&str]) {
    let p = &mut study.protocol_section;
    let contacts = &mut p.contacts_locations_module;
    match path {
        ["sponsors", "collaborator"] => p
            .sponsor_collaborators_module
            .collaborators
            .push(Sponsor::default()),
        ["arm_group"] => p
            .arms_interventions_module
            .arm_groups
            .push(ArmGroup::default()),
        ["intervention"] => p
            .arms_interventions_module
            .interventions
            .push(Intervention::default()),
        ["primary_outcome"] => p.outcomes_module.primary_outcomes.push(Outcome::default()),
        ["secondary_outcome"] => p
            .outcomes_module
            .secondary_outcomes
            .push(Outcome::default()),
        ["other_outcome"] => p.outcomes_module.other_outcomes.push(Outcome::default()),
        ["overall_official"] => contacts.overall_officials.push(Official::default()),
        ["overall_contact" | "overall_contact_backup"] => contacts.central_contacts.push(Contact {
            role: Some(ContactRole::Contact),
            ..Contact::default()
        }),
        ["location"] => contacts.locations.push(Location::default()),
        ["location", "contact" | "contact_backup"] => {
            if let Some(site) = contacts.locations.last_mut() {
                site.contacts.push(Contact {
                    role: Some(ContactRole::Contact),
                    ..Contact::default()
                });
            }
        }
        ["location", "investigator"] => {
            if let Some(site) = contacts.locations.last_mut() {
                site.contacts.push(Contact::default());
            }
        }
        ["reference"] => p.references_module.references.push(Reference {
            reference_type: Some(ReferenceType::Background),
            ..Reference::default()
        }),
        ["results_reference"] => p.references_module.references.push(Reference {
            reference_type: Some(ReferenceType::Result),
            ..Reference::default()
        }),
        ["link"] => p
            .references_module
            .see_also_links
            .push(SeeAlsoLink::default()),
        ["study_docs", "study_doc"] => p.references_module.avail_ipds.push(AvailIpd::default()),
        ["provided_document_section", "provided_document"] => study
            .document_section
            .large_document_module
            .large_docs
            .push(LargeDoc::default()),
        ["clinical_results"] => study.has_results = Some(true),
        _ => {}
    }
}

/// Why a value could not be read.
fn unknown(value: &str) -> Option<String> {
    Some(format!(
        "has a value trialcards does not know (\"{value}\")"
    ))
}

/// `Ok` when `found` holds a value, else the unknown-value error.
fn found<T>(slot: &mut Option<T>, value: Option<T>, text: &str) -> Placed {
    match value {
        Some(v) => {
            *slot = Some(v);
            Ok(())
        }
        None => Err(unknown(text)),
    }
}

/// The file name in a classic `<document_url>`, which CT.gov wrote as
/// `https://ClinicalTrials.gov/ProvidedDocs/<last two digits>/<NCT ID>/<file name>`: v2 keeps
/// only the file name (the address follows from it, see [`crate::model::large_doc_url`]).
/// `None` for any other address, and when the NCT ID in it is not `nct_id` (when known).
pub(crate) fn provided_doc_filename<'a>(url: &'a str, nct_id: Option<&str>) -> Option<&'a str> {
    let (scheme, rest) = url.trim().split_once("://")?;
    let (host, path) = rest.split_once('/')?;
    let ok_host = matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https")
        && matches!(
            host.to_ascii_lowercase().as_str(),
            "clinicaltrials.gov" | "www.clinicaltrials.gov"
        );
    let mut parts = path.split('/');
    let (Some("ProvidedDocs"), Some(two), Some(nct), Some(file), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return None;
    };
    let derived = crate::model::large_doc_url(nct, file)?;
    let same_two = nct.get(9..) == Some(two);
    let same_study = nct_id.is_none_or(|id| id == nct);
    (ok_host && same_two && same_study && derived.ends_with(file)).then_some(file)
}

/// A classic date ("March 2014", "March 14, 2014") with its `type` attribute ("Actual",
/// "Anticipated"/"Estimated"), precision kept.
pub(crate) fn date_struct(text: &str, date_type: Option<&str>) -> Option<DateStruct> {
    let date = date::parse_date(text)?;
    let date_type = match date_type.map(vocab::normalize_code).as_deref() {
        Some("ACTUAL") => Some(DateType::Actual),
        Some("ANTICIPATED" | "ESTIMATED" | "ESTIMATE") => Some(DateType::Estimated),
        _ => None,
    };
    Some(DateStruct {
        date: Some(date),
        date_type,
    })
}

/// `<enrollment type="Anticipated">40</enrollment>`.
pub(crate) fn enrollment(text: &str, kind: Option<&str>) -> Option<EnrollmentInfo> {
    let count = text.trim().parse().ok()?;
    let enrollment_type = match kind.map(vocab::normalize_code).as_deref() {
        Some("ACTUAL") => Some(EnrollmentType::Actual),
        Some("ANTICIPATED" | "ESTIMATED" | "ESTIMATE") => Some(EnrollmentType::Estimated),
        _ => None,
    };
    Some(EnrollmentInfo {
        count: Some(count),
        enrollment_type,
    })
}

/// "Double (Participant, Investigator)", "None (Open Label)", "Single".
pub(crate) fn masking(text: &str) -> Option<MaskingInfo> {
    let (level, who) = match text.split_once('(') {
        Some((l, w)) => (l.trim(), w.trim_end_matches(')')),
        None => (text, ""),
    };
    let masking: DesignMasking = vocab::lookup(level)?;
    // "None (Open Label)": the parenthesis names no one.
    let who = if masking == DesignMasking::None {
        Vec::new()
    } else {
        let who: Vec<Option<WhoMasked>> = who
            .split(',')
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(vocab::lookup)
            .collect();
        if who.iter().any(Option::is_none) {
            return None;
        }
        who.into_iter().flatten().collect()
    };
    Some(MaskingInfo {
        masking: Some(masking),
        masking_description: None,
        who_masked: who,
    })
}

/// "18 Years" → Some(Some("18 Years")); "N/A" → Some(None) (no limit); else None.
pub(crate) fn age_limit(text: &str) -> Option<Option<String>> {
    if matches!(vocab::normalize_code(text).as_str(), "N_A" | "NA" | "NONE") {
        return Some(None);
    }
    age::parse_age(text).map(Some)
}

/// "Interventional", "Observational", "Observational [Patient Registry]", "Expanded Access".
fn study_type(study: &mut Study, text: &str) -> Placed {
    let d = &mut study.protocol_section.design_module;
    let (kind, registry) = match text.split_once('[') {
        Some((k, rest)) => (k.trim(), vocab::normalize_code(rest) == "PATIENT_REGISTRY"),
        None => (text, false),
    };
    found(&mut d.study_type, vocab::lookup::<StudyType>(kind), text)?;
    if registry {
        d.patient_registry = Some(true);
    }
    Ok(())
}

/// "Educational/Counseling/Training" is CT.gov's ECT; the rest match their codes.
fn primary_purpose(text: &str) -> Option<PrimaryPurpose> {
    match vocab::normalize_code(text).as_str() {
        "EDUCATIONAL_COUNSELING_TRAINING" => Some(PrimaryPurpose::Ect),
        _ => vocab::lookup(text),
    }
}

/// The design info, created on first use.
fn design(study: &mut Study) -> &mut DesignInfo {
    study
        .protocol_section
        .design_module
        .design_info
        .get_or_insert_with(DesignInfo::default)
}

/// Sets `slot` to `text` (for plain text fields).
fn text_to(slot: &mut Option<String>, text: &str) -> Placed {
    *slot = Some(text.to_string());
    Ok(())
}

/// Places a leaf's text (trimmed; textblocks already dedented) under its v2 field; `kind` is
/// the element's `type` attribute.
pub(crate) fn leaf(study: &mut Study, path: &[&str], text: &str, kind: Option<&str>) -> Placed {
    let p = &mut study.protocol_section;
    let id = &mut p.identification_module;
    let status = &mut p.status_module;
    let sponsors = &mut p.sponsor_collaborators_module;
    let arms = &mut p.arms_interventions_module;
    let contacts = &mut p.contacts_locations_module;
    let dated = |slot: &mut Option<DateStruct>| found(slot, date_struct(text, kind), text);
    match path {
        ["id_info", "org_study_id"] => {
            id.org_study_id_info.get_or_insert_with(Default::default).id = Some(text.to_string())
        }
        ["id_info", "secondary_id"] => id.secondary_id_infos.push(SecondaryIdInfo {
            id: Some(text.to_string()),
            ..SecondaryIdInfo::default()
        }),
        ["id_info", "nct_id"] => return text_to(&mut id.nct_id, text),
        ["id_info", "nct_alias"] => id.nct_id_aliases.push(text.to_string()),
        ["brief_title"] => return text_to(&mut id.brief_title, text),
        ["official_title"] => return text_to(&mut id.official_title, text),
        ["acronym"] => return text_to(&mut id.acronym, text),
        ["source"] => {
            let org = id.organization.get_or_insert_with(Default::default);
            return text_to(&mut org.full_name, text);
        }
        ["sponsors", "lead_sponsor", field] => {
            let lead = sponsors.lead_sponsor.get_or_insert_with(Default::default);
            return sponsor(lead, field, text);
        }
        ["sponsors", "collaborator", field] => match sponsors.collaborators.last_mut() {
            Some(c) => return sponsor(c, field, text),
            None => return Err(None),
        },
        ["responsible_party", field] => {
            // Only a known field makes the party: an unknown one is kept on its own.
            let mut party = sponsors.responsible_party.take().unwrap_or_default();
            let placed = match *field {
                "responsible_party_type" => found(&mut party.party_type, vocab::lookup(text), text),
                "investigator_full_name" => text_to(&mut party.investigator_full_name, text),
                "investigator_title" => text_to(&mut party.investigator_title, text),
                "investigator_affiliation" => text_to(&mut party.investigator_affiliation, text),
                "name_title" => text_to(&mut party.old_name_title, text),
                "organization" => text_to(&mut party.old_organization, text),
                _ => Err(None),
            };
            if party != ResponsibleParty::default() {
                sponsors.responsible_party = Some(party);
            }
            return placed;
        }
        ["oversight_info", field] => {
            let o = &mut p.oversight_module;
            let slot = match *field {
                "has_dmc" => &mut o.oversight_has_dmc,
                "is_fda_regulated_drug" => &mut o.is_fda_regulated_drug,
                "is_fda_regulated_device" => &mut o.is_fda_regulated_device,
                "is_unapproved_device" => &mut o.is_unapproved_device,
                "is_ppsd" => &mut o.is_ppsd,
                "is_us_export" => &mut o.is_us_export,
                _ => return Err(None),
            };
            return found(slot, vocab::yes_no(text), text);
        }
        ["patient_data", field] => {
            let ipd = &mut p.ipd_sharing_statement_module;
            match *field {
                "sharing_ipd" => return found(&mut ipd.ipd_sharing, vocab::lookup(text), text),
                "ipd_description" => return text_to(&mut ipd.description, text),
                "ipd_info_type" => match vocab::lookup(text) {
                    Some(kind) => ipd.info_types.push(kind),
                    None => return Err(unknown(text)),
                },
                "ipd_time_frame" => return text_to(&mut ipd.time_frame, text),
                "ipd_access_criteria" => return text_to(&mut ipd.access_criteria, text),
                "ipd_url" => return text_to(&mut ipd.url, text),
                _ => return Err(None),
            }
        }
        ["brief_summary", "textblock"] => {
            return text_to(&mut p.description_module.brief_summary, text)
        }
        ["detailed_description", "textblock"] => {
            return text_to(&mut p.description_module.detailed_description, text)
        }
        ["overall_status"] => return found(&mut status.overall_status, vocab::lookup(text), text),
        ["last_known_status"] => {
            return found(&mut status.last_known_status, vocab::lookup(text), text)
        }
        ["why_stopped"] => return text_to(&mut status.why_stopped, text),
        ["verification_date"] => {
            return found(
                &mut status.status_verified_date,
                date::parse_date(text),
                text,
            )
        }
        ["has_expanded_access"] => {
            let info = status
                .expanded_access_info
                .get_or_insert_with(Default::default);
            let placed = found(&mut info.has_expanded_access, vocab::yes_no(text), text);
            if placed.is_err() && *info == Default::default() {
                status.expanded_access_info = None;
            }
            return placed;
        }
        [kind @ ("study_first_submitted"
        | "study_first_submitted_qc"
        | "results_first_submitted"
        | "results_first_submitted_qc"
        | "disposition_first_submitted"
        | "disposition_first_submitted_qc"
        | "last_update_submitted")] => {
            let slot = match *kind {
                "study_first_submitted" => &mut status.study_first_submit_date,
                "study_first_submitted_qc" => &mut status.study_first_submit_qc_date,
                "results_first_submitted" => &mut status.results_first_submit_date,
                "results_first_submitted_qc" => &mut status.results_first_submit_qc_date,
                "disposition_first_submitted" => &mut status.disp_first_submit_date,
                "disposition_first_submitted_qc" => &mut status.disp_first_submit_qc_date,
                _ => &mut status.last_update_submit_date,
            };
            return found(slot, date::parse_date(text), text);
        }
        ["disposition_first_posted"] => return dated(&mut status.disp_first_post_date_struct),
        ["start_date"] => return dated(&mut status.start_date_struct),
        ["primary_completion_date"] => return dated(&mut status.primary_completion_date_struct),
        ["completion_date"] => return dated(&mut status.completion_date_struct),
        ["study_first_posted"] => return dated(&mut status.study_first_post_date_struct),
        ["results_first_posted"] => return dated(&mut status.results_first_post_date_struct),
        ["last_update_posted"] => return dated(&mut status.last_update_post_date_struct),
        ["phase"] => {
            let mut phases = vocab::phases(text);
            if phases.is_empty() {
                return Err(unknown(text));
            }
            vocab::sort_phases(&mut phases);
            p.design_module.phases = phases;
        }
        ["study_type"] => return study_type(study, text),
        ["study_design_info", field] => return design_field(study, field, text),
        ["enrollment"] => {
            let d = &mut p.design_module;
            return found(&mut d.enrollment_info, enrollment(text, kind), text);
        }
        ["condition"] => p.conditions_module.conditions.push(text.to_string()),
        ["keyword"] => p.conditions_module.keywords.push(text.to_string()),
        ["arm_group", field] => {
            let Some(arm) = arms.arm_groups.last_mut() else {
                return Err(None);
            };
            match *field {
                "arm_group_label" => arm.label = Some(text.to_string()),
                "arm_group_type" => return found(&mut arm.arm_type, vocab::lookup(text), text),
                "description" => arm.description = Some(text.to_string()),
                _ => return Err(None),
            }
        }
        ["intervention", field] => {
            let Some(iv) = arms.interventions.last_mut() else {
                return Err(None);
            };
            match *field {
                "intervention_type" => {
                    return found(&mut iv.intervention_type, vocab::lookup(text), text)
                }
                "intervention_name" => iv.name = Some(text.to_string()),
                "description" => iv.description = Some(text.to_string()),
                "arm_group_label" => iv.arm_group_labels.push(text.to_string()),
                "other_name" => iv.other_names.push(text.to_string()),
                _ => return Err(None),
            }
        }
        [kind @ ("primary_outcome" | "secondary_outcome" | "other_outcome"), field] => {
            let o = &mut p.outcomes_module;
            let list = match *kind {
                "primary_outcome" => &mut o.primary_outcomes,
                "secondary_outcome" => &mut o.secondary_outcomes,
                _ => &mut o.other_outcomes,
            };
            let Some(outcome) = list.last_mut() else {
                return Err(None);
            };
            match *field {
                "measure" => outcome.measure = Some(text.to_string()),
                "time_frame" => outcome.time_frame = Some(text.to_string()),
                "description" => outcome.description = Some(text.to_string()),
                _ => return Err(None),
            }
        }
        ["eligibility", field] => {
            let e = &mut p.eligibility_module;
            match *field {
                "gender" => return found(&mut e.sex, vocab::lookup(text), text),
                "sampling_method" => {
                    return found(&mut e.sampling_method, vocab::lookup(text), text)
                }
                "minimum_age" | "maximum_age" => {
                    let limit = age_limit(text).ok_or_else(|| unknown(text))?;
                    if *field == "minimum_age" {
                        e.minimum_age = limit;
                    } else {
                        e.maximum_age = limit;
                    }
                }
                "healthy_volunteers" => {
                    return found(
                        &mut e.healthy_volunteers,
                        vocab::healthy_volunteers(text),
                        text,
                    )
                }
                _ => return Err(None),
            }
        }
        ["eligibility", "study_pop", "textblock"] => {
            return text_to(&mut p.eligibility_module.study_population, text)
        }
        ["overall_official", field] => {
            let Some(official) = contacts.overall_officials.last_mut() else {
                return Err(None);
            };
            match *field {
                "last_name" => official.name = Some(text.to_string()),
                "affiliation" => official.affiliation = Some(text.to_string()),
                "role" => return found(&mut official.role, vocab::lookup(text), text),
                _ => return Err(None),
            }
        }
        ["overall_contact" | "overall_contact_backup", field] => {
            let Some(c) = contacts.central_contacts.last_mut() else {
                return Err(None);
            };
            return contact(c, field, text);
        }
        ["location", rest @ ..] => {
            let Some(site) = contacts.locations.last_mut() else {
                return Err(None);
            };
            match rest {
                ["facility", "name"] => site.facility = Some(text.to_string()),
                ["facility", "address", "city"] => site.city = Some(text.to_string()),
                ["facility", "address", "state"] => site.state = Some(text.to_string()),
                ["facility", "address", "zip"] => site.zip = Some(text.to_string()),
                ["facility", "address", "country"] => site.country = Some(text.to_string()),
                ["status"] => return found(&mut site.status, vocab::lookup(text), text),
                ["contact" | "contact_backup" | "investigator", field] => {
                    let Some(c) = site.contacts.last_mut() else {
                        return Err(None);
                    };
                    return contact(c, field, text);
                }
                _ => return Err(None),
            }
        }
        ["reference" | "results_reference", field] => {
            let Some(r) = p.references_module.references.last_mut() else {
                return Err(None);
            };
            match *field {
                "citation" => r.citation = Some(text.to_string()),
                "PMID" => r.pmid = Some(text.to_string()),
                _ => return Err(None),
            }
        }
        ["location_countries", "country"] => study.trialcards.countries.push(text.to_string()),
        ["removed_countries", "country"] => study
            .derived_section
            .misc_info_module
            .removed_countries
            .push(text.to_string()),
        [browse @ ("condition_browse" | "intervention_browse"), "mesh_term"] => {
            let d = &mut study.derived_section;
            let module: &mut BrowseModule = match *browse {
                "condition_browse" => &mut d.condition_browse_module,
                _ => &mut d.intervention_browse_module,
            };
            module.meshes.push(Mesh {
                id: None,
                term: Some(text.to_string()),
            });
        }
        ["link", field] => {
            let Some(link) = p.references_module.see_also_links.last_mut() else {
                return Err(None);
            };
            match *field {
                "url" => link.url = Some(text.to_string()),
                "description" => link.label = Some(text.to_string()),
                _ => return Err(None),
            }
        }
        ["study_docs", "study_doc", field] => {
            let Some(doc) = p.references_module.avail_ipds.last_mut() else {
                return Err(None);
            };
            match *field {
                "doc_id" => doc.id = Some(text.to_string()),
                "doc_type" => doc.ipd_type = Some(text.to_string()),
                "doc_url" => doc.url = Some(text.to_string()),
                "doc_comment" => doc.comment = Some(text.to_string()),
                _ => return Err(None),
            }
        }
        ["provided_document_section", "provided_document", field] => {
            let nct_id = p.identification_module.nct_id.as_deref();
            let docs = &mut study.document_section.large_document_module.large_docs;
            let Some(doc) = docs.last_mut() else {
                return Err(None);
            };
            match *field {
                "document_type" => doc.label = Some(text.to_string()),
                "document_has_protocol" => {
                    return found(&mut doc.has_protocol, vocab::yes_no(text), text)
                }
                "document_has_icf" => return found(&mut doc.has_icf, vocab::yes_no(text), text),
                "document_has_sap" => return found(&mut doc.has_sap, vocab::yes_no(text), text),
                "document_date" => return found(&mut doc.date, date::parse_date(text), text),
                "document_url" => match provided_doc_filename(text, nct_id) {
                    Some(file) => doc.filename = Some(file.to_string()),
                    None => return Err(None),
                },
                _ => return Err(None),
            }
        }
        _ => return Err(None),
    }
    Ok(())
}

/// `<agency>` and `<agency_class>` ("NIH", "Industry", "Other", "U.S. Fed").
fn sponsor(s: &mut Sponsor, field: &str, text: &str) -> Placed {
    match field {
        "agency" => text_to(&mut s.name, text),
        "agency_class" => found(&mut s.class, vocab::lookup(text), text),
        _ => Err(None),
    }
}

/// A contact's or investigator's part (classic XML puts the whole name in `last_name`).
fn contact(c: &mut Contact, field: &str, text: &str) -> Placed {
    match field {
        "last_name" => text_to(&mut c.name, text),
        "phone" => text_to(&mut c.phone, text),
        "phone_ext" => text_to(&mut c.phone_ext, text),
        "email" => text_to(&mut c.email, text),
        "role" => found(&mut c.role, vocab::lookup(text), text),
        _ => Err(None),
    }
}

/// One `<study_design_info>` child.
fn design_field(study: &mut Study, field: &str, text: &str) -> Placed {
    let info = design(study);
    match field {
        "allocation" => found(&mut info.allocation, vocab::lookup(text), text),
        "intervention_model" => found(&mut info.intervention_model, vocab::lookup(text), text),
        "intervention_model_description" => text_to(&mut info.intervention_model_description, text),
        "primary_purpose" => found(&mut info.primary_purpose, primary_purpose(text), text),
        "observational_model" => found(&mut info.observational_model, vocab::lookup(text), text),
        "time_perspective" => found(&mut info.time_perspective, vocab::lookup(text), text),
        "masking" => {
            let description = info
                .masking_info
                .as_mut()
                .and_then(|m| m.masking_description.take());
            let mut m = masking(text).ok_or_else(|| unknown(text))?;
            m.masking_description = description;
            info.masking_info = Some(m);
            Ok(())
        }
        "masking_description" => {
            let m = info.masking_info.get_or_insert_with(MaskingInfo::default);
            text_to(&mut m.masking_description, text)
        }
        _ => Err(None),
    }
}

/// The v2 field names of one element's children, for [`target`].
fn field_name(parent: &str, field: &str) -> Option<&'static str> {
    Some(match (parent, field) {
        ("sponsor", "agency") => "name",
        ("sponsor", "agency_class") => "class",
        ("responsible_party", "responsible_party_type") => "type",
        ("responsible_party", "investigator_full_name") => "investigatorFullName",
        ("responsible_party", "investigator_title") => "investigatorTitle",
        ("responsible_party", "investigator_affiliation") => "investigatorAffiliation",
        ("responsible_party", "name_title") => "oldNameTitle",
        ("responsible_party", "organization") => "oldOrganization",
        ("oversight_info", "has_dmc") => "oversightHasDmc",
        ("oversight_info", "is_fda_regulated_drug") => "isFdaRegulatedDrug",
        ("oversight_info", "is_fda_regulated_device") => "isFdaRegulatedDevice",
        ("oversight_info", "is_unapproved_device") => "isUnapprovedDevice",
        ("oversight_info", "is_ppsd") => "isPpsd",
        ("oversight_info", "is_us_export") => "isUsExport",
        ("patient_data", "sharing_ipd") => "ipdSharing",
        ("patient_data", "ipd_description") => "description",
        ("patient_data", "ipd_time_frame") => "timeFrame",
        ("patient_data", "ipd_access_criteria") => "accessCriteria",
        ("patient_data", "ipd_url") => "url",
        ("status", "overall_status") => "overallStatus",
        ("status", "last_known_status") => "lastKnownStatus",
        ("status", "why_stopped") => "whyStopped",
        ("status", "verification_date") => "statusVerifiedDate",
        ("status", "study_first_submitted") => "studyFirstSubmitDate",
        ("status", "study_first_submitted_qc") => "studyFirstSubmitQcDate",
        ("status", "results_first_submitted") => "resultsFirstSubmitDate",
        ("status", "results_first_submitted_qc") => "resultsFirstSubmitQcDate",
        ("status", "disposition_first_submitted") => "dispFirstSubmitDate",
        ("status", "disposition_first_submitted_qc") => "dispFirstSubmitQcDate",
        ("status", "last_update_submitted") => "lastUpdateSubmitDate",
        ("status", "disposition_first_posted") => "dispFirstPostDateStruct",
        ("status", "start_date") => "startDateStruct",
        ("status", "primary_completion_date") => "primaryCompletionDateStruct",
        ("status", "completion_date") => "completionDateStruct",
        ("status", "study_first_posted") => "studyFirstPostDateStruct",
        ("status", "results_first_posted") => "resultsFirstPostDateStruct",
        ("status", "last_update_posted") => "lastUpdatePostDateStruct",
        ("study_design_info", "allocation") => "allocation",
        ("study_design_info", "intervention_model") => "interventionModel",
        ("study_design_info", "intervention_model_description") => "interventionModelDescription",
        ("study_design_info", "primary_purpose") => "primaryPurpose",
        ("study_design_info", "observational_model") => "observationalModel",
        ("study_design_info", "time_perspective") => "timePerspective",
        ("arm_group", "arm_group_label") => "label",
        ("arm_group", "arm_group_type") => "type",
        ("arm_group", "description") => "description",
        ("intervention", "intervention_type") => "type",
        ("intervention", "intervention_name") => "name",
        ("intervention", "description") => "description",
        ("outcome", "measure") => "measure",
        ("outcome", "time_frame") => "timeFrame",
        ("outcome", "description") => "description",
        ("eligibility", "gender") => "sex",
        ("eligibility", "sampling_method") => "samplingMethod",
        ("eligibility", "minimum_age") => "minimumAge",
        ("eligibility", "maximum_age") => "maximumAge",
        ("eligibility", "healthy_volunteers") => "healthyVolunteers",
        ("official", "last_name") => "name",
        ("official", "affiliation") => "affiliation",
        ("official", "role") => "role",
        ("contact", "last_name") => "name",
        ("contact", "phone") => "phone",
        ("contact", "phone_ext") => "phoneExt",
        ("contact", "email") => "email",
        ("contact", "role") => "role",
        ("reference", "citation") => "citation",
        ("reference", "PMID") => "pmid",
        ("link", "url") => "url",
        ("link", "description") => "label",
        ("study_doc", "doc_id") => "id",
        ("study_doc", "doc_type") => "type",
        ("study_doc", "doc_url") => "url",
        ("study_doc", "doc_comment") => "comment",
        ("provided_document", "document_type") => "label",
        ("provided_document", "document_has_protocol") => "hasProtocol",
        ("provided_document", "document_has_icf") => "hasIcf",
        ("provided_document", "document_has_sap") => "hasSap",
        ("provided_document", "document_date") => "date",
        ("provided_document", "document_url") => "filename",
        _ => return None,
    })
}

/// The last index of a list of `len` items.
fn last(len: usize) -> usize {
    len.saturating_sub(1)
}

/// The JSON pointers (in the record) of what [`leaf`] just placed from the element at `path`:
/// the field, or the list item it added; for a list entry's part, the part within the entry
/// the element's parent opened ([`entry`]). Empty for an element `leaf` does not place.
pub(crate) fn target(study: &Study, path: &[&str]) -> Vec<String> {
    let p = &study.protocol_section;
    let id = "/protocolSection/identificationModule";
    let status = "/protocolSection/statusModule";
    let design = "/protocolSection/designModule";
    let one = |s: String| vec![s];
    let field = |at: String, parent: &str, f: &str| match field_name(parent, f) {
        Some(name) => vec![format!("{at}/{name}")],
        None => Vec::new(),
    };
    match path {
        ["id_info", "org_study_id"] => one(format!("{id}/orgStudyIdInfo/id")),
        ["id_info", "secondary_id"] => one(format!(
            "{id}/secondaryIdInfos/{}",
            last(p.identification_module.secondary_id_infos.len())
        )),
        ["id_info", "nct_id"] => one(format!("{id}/nctId")),
        ["id_info", "nct_alias"] => one(format!(
            "{id}/nctIdAliases/{}",
            last(p.identification_module.nct_id_aliases.len())
        )),
        ["brief_title"] => one(format!("{id}/briefTitle")),
        ["official_title"] => one(format!("{id}/officialTitle")),
        ["acronym"] => one(format!("{id}/acronym")),
        ["source"] => one(format!("{id}/organization/fullName")),
        ["sponsors", "lead_sponsor", f] => field(
            "/protocolSection/sponsorCollaboratorsModule/leadSponsor".into(),
            "sponsor",
            f,
        ),
        ["sponsors", "collaborator", f] => field(
            format!(
                "/protocolSection/sponsorCollaboratorsModule/collaborators/{}",
                last(p.sponsor_collaborators_module.collaborators.len())
            ),
            "sponsor",
            f,
        ),
        ["responsible_party", f] => field(
            "/protocolSection/sponsorCollaboratorsModule/responsibleParty".into(),
            "responsible_party",
            f,
        ),
        ["oversight_info", f] => field(
            "/protocolSection/oversightModule".into(),
            "oversight_info",
            f,
        ),
        ["patient_data", "ipd_info_type"] => one(format!(
            "/protocolSection/ipdSharingStatementModule/infoTypes/{}",
            last(p.ipd_sharing_statement_module.info_types.len())
        )),
        ["patient_data", f] => field(
            "/protocolSection/ipdSharingStatementModule".into(),
            "patient_data",
            f,
        ),
        ["brief_summary", "textblock"] => {
            one("/protocolSection/descriptionModule/briefSummary".into())
        }
        ["detailed_description", "textblock"] => {
            one("/protocolSection/descriptionModule/detailedDescription".into())
        }
        ["has_expanded_access"] => one(format!("{status}/expandedAccessInfo/hasExpandedAccess")),
        [f] if field_name("status", f).is_some() => field(status.into(), "status", f),
        ["phase"] => one(format!("{design}/phases")),
        ["study_type"] => {
            let mut out = one(format!("{design}/studyType"));
            if p.design_module.patient_registry.is_some() {
                out.push(format!("{design}/patientRegistry"));
            }
            out
        }
        ["study_design_info", "masking"] => {
            let mut out = one(format!("{design}/designInfo/maskingInfo/masking"));
            let info = p.design_module.design_info.as_ref();
            if info
                .and_then(|i| i.masking_info.as_ref())
                .is_some_and(|m| !m.who_masked.is_empty())
            {
                out.push(format!("{design}/designInfo/maskingInfo/whoMasked"));
            }
            out
        }
        ["study_design_info", "masking_description"] => one(format!(
            "{design}/designInfo/maskingInfo/maskingDescription"
        )),
        ["study_design_info", f] => field(format!("{design}/designInfo"), "study_design_info", f),
        ["enrollment"] => one(format!("{design}/enrollmentInfo")),
        ["condition"] => one(format!(
            "/protocolSection/conditionsModule/conditions/{}",
            last(p.conditions_module.conditions.len())
        )),
        ["keyword"] => one(format!(
            "/protocolSection/conditionsModule/keywords/{}",
            last(p.conditions_module.keywords.len())
        )),
        ["arm_group", f] => match entry(study, &path[..1]) {
            Some(at) => field(at, "arm_group", f),
            None => Vec::new(),
        },
        ["intervention", f] => {
            let Some(at) = entry(study, &path[..1]) else {
                return Vec::new();
            };
            let iv = p.arms_interventions_module.interventions.last();
            match *f {
                "arm_group_label" => one(format!(
                    "{at}/armGroupLabels/{}",
                    last(iv.map_or(0, |i| i.arm_group_labels.len()))
                )),
                "other_name" => one(format!(
                    "{at}/otherNames/{}",
                    last(iv.map_or(0, |i| i.other_names.len()))
                )),
                f => field(at, "intervention", f),
            }
        }
        ["primary_outcome" | "secondary_outcome" | "other_outcome", f] => {
            match entry(study, &path[..1]) {
                Some(at) => field(at, "outcome", f),
                None => Vec::new(),
            }
        }
        ["eligibility", "study_pop", "textblock"] => {
            one("/protocolSection/eligibilityModule/studyPopulation".into())
        }
        // "N/A": no limit, no value.
        ["eligibility", "minimum_age"] if p.eligibility_module.minimum_age.is_none() => Vec::new(),
        ["eligibility", "maximum_age"] if p.eligibility_module.maximum_age.is_none() => Vec::new(),
        ["eligibility", f] => field(
            "/protocolSection/eligibilityModule".into(),
            "eligibility",
            f,
        ),
        ["overall_official", f] => match entry(study, &path[..1]) {
            Some(at) => field(at, "official", f),
            None => Vec::new(),
        },
        ["overall_contact" | "overall_contact_backup", f] => match entry(study, &path[..1]) {
            Some(at) => field(at, "contact", f),
            None => Vec::new(),
        },
        ["location", rest @ ..] => {
            let Some(at) = entry(study, &path[..1]) else {
                return Vec::new();
            };
            match rest {
                ["facility", "name"] => one(format!("{at}/facility")),
                ["facility", "address", part @ ("city" | "state" | "zip" | "country")] => {
                    one(format!("{at}/{part}"))
                }
                ["status"] => one(format!("{at}/status")),
                ["contact" | "contact_backup" | "investigator", f] => {
                    match entry(study, &path[..2]) {
                        Some(at) => field(at, "contact", f),
                        None => Vec::new(),
                    }
                }
                _ => Vec::new(),
            }
        }
        ["reference" | "results_reference", f] => match entry(study, &path[..1]) {
            Some(at) => field(at, "reference", f),
            None => Vec::new(),
        },
        ["location_countries", "country"] => one(format!(
            "/trialcards/countries/{}",
            last(study.trialcards.countries.len())
        )),
        ["removed_countries", "country"] => one(format!(
            "/derivedSection/miscInfoModule/removedCountries/{}",
            last(
                study
                    .derived_section
                    .misc_info_module
                    .removed_countries
                    .len()
            )
        )),
        [browse @ ("condition_browse" | "intervention_browse"), "mesh_term"] => {
            let d = &study.derived_section;
            let (name, module) = match *browse {
                "condition_browse" => ("conditionBrowseModule", &d.condition_browse_module),
                _ => ("interventionBrowseModule", &d.intervention_browse_module),
            };
            one(format!(
                "/derivedSection/{name}/meshes/{}",
                last(module.meshes.len())
            ))
        }
        ["link", f] => match entry(study, &path[..1]) {
            Some(at) => field(at, "link", f),
            None => Vec::new(),
        },
        ["study_docs", "study_doc", f] => match entry(study, &path[..2]) {
            Some(at) => field(at, "study_doc", f),
            None => Vec::new(),
        },
        ["provided_document_section", "provided_document", f] => match entry(study, &path[..2]) {
            Some(at) => field(at, "provided_document", f),
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// The JSON pointer of the list entry [`open`] started for the element at `path` (the last
/// of its list), or of `hasResults` for `<clinical_results>`.
pub(crate) fn entry(study: &Study, path: &[&str]) -> Option<String> {
    let p = &study.protocol_section;
    let contacts = &p.contacts_locations_module;
    let item = |list: &str, len: usize| (len > 0).then(|| format!("{list}/{}", len - 1));
    match path {
        ["sponsors", "collaborator"] => item(
            "/protocolSection/sponsorCollaboratorsModule/collaborators",
            p.sponsor_collaborators_module.collaborators.len(),
        ),
        ["arm_group"] => item(
            "/protocolSection/armsInterventionsModule/armGroups",
            p.arms_interventions_module.arm_groups.len(),
        ),
        ["intervention"] => item(
            "/protocolSection/armsInterventionsModule/interventions",
            p.arms_interventions_module.interventions.len(),
        ),
        ["primary_outcome"] => item(
            "/protocolSection/outcomesModule/primaryOutcomes",
            p.outcomes_module.primary_outcomes.len(),
        ),
        ["secondary_outcome"] => item(
            "/protocolSection/outcomesModule/secondaryOutcomes",
            p.outcomes_module.secondary_outcomes.len(),
        ),
        ["other_outcome"] => item(
            "/protocolSection/outcomesModule/otherOutcomes",
            p.outcomes_module.other_outcomes.len(),
        ),
        ["overall_official"] => item(
            "/protocolSection/contactsLocationsModule/overallOfficials",
            contacts.overall_officials.len(),
        ),
        ["overall_contact" | "overall_contact_backup"] => item(
            "/protocolSection/contactsLocationsModule/centralContacts",
            contacts.central_contacts.len(),
        ),
        ["location"] => item(
            "/protocolSection/contactsLocationsModule/locations",
            contacts.locations.len(),
        ),
        ["location", "contact" | "contact_backup" | "investigator"] => {
            let site = entry(study, &path[..1])?;
            let len = contacts.locations.last()?.contacts.len();
            item(&format!("{site}/contacts"), len)
        }
        ["reference" | "results_reference"] => item(
            "/protocolSection/referencesModule/references",
            p.references_module.references.len(),
        ),
        ["link"] => item(
            "/protocolSection/referencesModule/seeAlsoLinks",
            p.references_module.see_also_links.len(),
        ),
        ["study_docs", "study_doc"] => item(
            "/protocolSection/referencesModule/availIpds",
            p.references_module.avail_ipds.len(),
        ),
        ["provided_document_section", "provided_document"] => item(
            "/documentSection/largeDocumentModule/largeDocs",
            study
                .document_section
                .large_document_module
                .large_docs
                .len(),
        ),
        ["clinical_results"] => Some("/hasResults".to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Phase, Status};

    fn placed(path: &[&str], text: &str, kind: Option<&str>) -> Study {
        let mut s = Study::default();
        for depth in 1..=path.len() {
            open(&mut s, &path[..depth]);
        }
        assert_eq!(leaf(&mut s, path, text, kind), Ok(()), "{path:?} {text}");
        s
    }

    #[test]
    fn statuses() {
        for (label, code) in [
            ("Recruiting", Status::Recruiting),
            ("Active, not recruiting", Status::ActiveNotRecruiting),
            ("Enrolling by invitation", Status::EnrollingByInvitation),
            ("Not yet recruiting", Status::NotYetRecruiting),
            ("Unknown status", Status::Unknown),
            ("Withdrawn", Status::Withdrawn),
            ("Approved for marketing", Status::ApprovedForMarketing),
        ] {
            let s = placed(&["overall_status"], label, None);
            assert_eq!(s.protocol_section.status_module.overall_status, Some(code));
        }
        let mut s = Study::default();
        assert!(leaf(&mut s, &["overall_status"], "Paused", None)
            .unwrap_err()
            .is_some());
    }

    #[test]
    fn a_provided_document_keeps_its_file_name_only_at_ctgovs_own_address() {
        let url = "https://ClinicalTrials.gov/ProvidedDocs/21/NCT09990021/Prot_SAP_000.pdf";
        assert_eq!(provided_doc_filename(url, None), Some("Prot_SAP_000.pdf"));
        assert_eq!(
            provided_doc_filename(url, Some("NCT09990021")),
            Some("Prot_SAP_000.pdf")
        );
        assert_eq!(
            provided_doc_filename(
                "http://www.clinicaltrials.gov/ProvidedDocs/21/NCT09990021/ICF_001.pdf",
                None
            ),
            Some("ICF_001.pdf")
        );
        for other in [
            "https://example.org/ProvidedDocs/21/NCT09990021/Prot_000.pdf",
            "https://clinicaltrials.gov/ProvidedDocs/22/NCT09990021/Prot_000.pdf",
            "https://clinicaltrials.gov/ProvidedDocs/21/NCT09990021/a/Prot_000.pdf",
            "https://clinicaltrials.gov/Docs/21/NCT09990021/Prot_000.pdf",
            "https://clinicaltrials.gov/ProvidedDocs/21/NCT09990021/Prot 000.pdf",
            "ftp://clinicaltrials.gov/ProvidedDocs/21/NCT09990021/Prot_000.pdf",
            "Prot_000.pdf",
        ] {
            assert_eq!(provided_doc_filename(other, None), None, "{other}");
        }
        // Another study's document is not this study's.
        assert_eq!(provided_doc_filename(url, Some("NCT09990022")), None);
    }

    #[test]
    fn phases() {
        let phases = |t| {
            placed(&["phase"], t, None)
                .protocol_section
                .design_module
                .phases
        };
        assert_eq!(
            phases("Phase 1/Phase 2"),
            vec![Phase::Phase1, Phase::Phase2]
        );
        assert_eq!(phases("N/A"), vec![Phase::Na]);
        assert_eq!(phases("Early Phase 1"), vec![Phase::EarlyPhase1]);
        assert_eq!(phases("Phase 4"), vec![Phase::Phase4]);
    }

    #[test]
    fn dates_keep_their_precision_and_type() {
        let d = date_struct("March 2014", Some("Actual")).unwrap();
        assert_eq!(
            (d.date.as_deref(), d.date_type),
            (Some("2014-03"), Some(DateType::Actual))
        );
        let d = date_struct("March 14, 2014", Some("Anticipated")).unwrap();
        assert_eq!(
            (d.date.as_deref(), d.date_type),
            (Some("2014-03-14"), Some(DateType::Estimated))
        );
        let d = date_struct("2014", None).unwrap();
        assert_eq!((d.date.as_deref(), d.date_type), (Some("2014"), None));
        assert_eq!(date_struct("soon", None), None);
    }

    #[test]
    fn masking_with_who_masked() {
        let m = masking("Double (Participant, Investigator)").unwrap();
        assert_eq!(m.masking, Some(DesignMasking::Double));
        assert_eq!(
            m.who_masked,
            vec![WhoMasked::Participant, WhoMasked::Investigator]
        );
        let m = masking("Quadruple (Participant, Care Provider, Investigator, Outcomes Assessor)")
            .unwrap();
        assert_eq!(m.who_masked.len(), 4);
        let m = masking("None (Open Label)").unwrap();
        assert_eq!(
            (m.masking, m.who_masked.len()),
            (Some(DesignMasking::None), 0)
        );
        assert_eq!(masking("Double (Nobody)"), None);
    }

    #[test]
    fn ages_and_enrollment() {
        assert_eq!(age_limit("18 Years"), Some(Some("18 Years".into())));
        assert_eq!(age_limit("6 Months"), Some(Some("6 Months".into())));
        assert_eq!(age_limit("N/A"), Some(None));
        assert_eq!(age_limit("adult"), None);
        let s = placed(&["eligibility", "maximum_age"], "N/A", None);
        assert_eq!(s.protocol_section.eligibility_module.maximum_age, None);
        let e = enrollment("40", Some("Anticipated")).unwrap();
        assert_eq!(
            (e.count, e.enrollment_type),
            (Some(40), Some(EnrollmentType::Estimated))
        );
        let e = enrollment("12", Some("Actual")).unwrap();
        assert_eq!(e.enrollment_type, Some(EnrollmentType::Actual));
        assert_eq!(enrollment("forty", None), None);
    }

    #[test]
    fn design_sponsors_and_types() {
        let s = placed(
            &["study_design_info", "primary_purpose"],
            "Educational/Counseling/Training",
            None,
        );
        let info = s.protocol_section.design_module.design_info.unwrap();
        assert_eq!(info.primary_purpose, Some(PrimaryPurpose::Ect));
        let s = placed(&["study_type"], "Observational [Patient Registry]", None);
        let d = &s.protocol_section.design_module;
        assert_eq!(
            (d.study_type, d.patient_registry),
            (Some(StudyType::Observational), Some(true))
        );
        let s = placed(
            &["sponsors", "collaborator", "agency_class"],
            "U.S. Fed",
            None,
        );
        assert_eq!(
            s.protocol_section
                .sponsor_collaborators_module
                .collaborators[0]
                .class,
            Some(crate::model::AgencyClass::Fed)
        );
        let s = placed(
            &["eligibility", "healthy_volunteers"],
            "Accepts Healthy Volunteers",
            None,
        );
        assert_eq!(
            s.protocol_section.eligibility_module.healthy_volunteers,
            Some(true)
        );
        let s = placed(
            &["intervention", "intervention_type"],
            "Dietary Supplement",
            None,
        );
        assert!(
            s.protocol_section.arms_interventions_module.interventions[0]
                .intervention_type
                .is_some()
        );
    }
}
