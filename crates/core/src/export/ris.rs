//! RIS, the tagged format reference managers import (Zotero, EndNote, Covidence): one entry per
//! record, each line `TAG  - value`, lines ending in CRLF as the specification asks, `TY` first
//! and `ER` last. Values are one line each (line breaks and runs of spaces become one space).
//!
//! The mapping, checked against Zotero's RIS translator (`RIS.js` in zotero/translators, which
//! also holds EndNote's own RIS export of every reference type as a test) and the RIS
//! specification:
//!
//! | Tag  | Value | Zotero | EndNote (Online Database) |
//! |------|-------|--------|---------------------------|
//! | `TY` | `DBASE` | Dataset (Document before Zotero 6.0.24) | Online Database |
//! | `TI` | brief title (else the official title) | Title | Title |
//! | `ST` | acronym | Short Title | — (not a field of this type) |
//! | `AU` | lead sponsor, as a corporate author | Author (one-field name) | Author |
//! | `A4` | each collaborator, as a corporate author | Contributor | — (so `N1` names them too) |
//! | `PY` | year first posted (else the start year) | Date, when no `DA` | Year |
//! | `DA` | date first posted, `YYYY/MM/DD/` | Date | Date Accessed (EndNote's label) |
//! | `DB` | `ClinicalTrials.gov` (with an NCT ID) | Archive | Name of Database |
//! | `AN` | NCT ID | Loc. in Archive | Accession Number |
//! | `UR` | `https://clinicaltrials.gov/study/NCT…` | URL | URL |
//! | `AB` | brief summary, markdown escapes removed | Abstract | Abstract |
//! | `KW` | each condition, then each keyword | Tags | Keywords |
//! | `N1` | status, study type, phases, enrollment, collaborators, other IDs, official title | a note | Notes |
//!
//! Why `DBASE`: a registry record is an entry of an online database, which is what EndNote's
//! Online Database type is for, and Zotero imports it as a Dataset, keeping `DB` and `AN` in
//! its Archive fields. `GEN` would arrive in Zotero as a journal article, `ELEC` as a web page
//! without those fields. No access date (`Y2`) is written: the core has no clock.
//!
//! Authors: Zotero and EndNote both read `Name,` (a trailing comma, no first name) as one
//! organisation name, where EndNote would split a bare `Fictional University Hospital` into
//! first and last names. A comma inside the name would split it in both, so commas inside a
//! sponsor's name become spaces (`Pharma Co., Ltd.` is written `Pharma Co. Ltd.,`).

use crate::collection::fields::{values_of, Form, STUDY_URL};
use crate::fields::markup;
use crate::model::Study;

/// The end of every line, as the RIS specification asks.
const LINE_END: &str = "\r\n";

/// The records as RIS, one entry per record in order. A record without an NCT ID still gets an
/// entry, without `DB`, `AN` and `UR`.
pub fn to_ris(studies: &[&Study]) -> String {
    let mut out = String::new();
    for study in studies {
        write_entry(&mut out, study);
    }
    out
}

/// The values of the field `key` in CT.gov's form.
fn get(study: &Study, key: &str) -> Vec<String> {
    values_of(study, key, Form::Code)
}

/// The first value of the field `key`.
fn first(study: &Study, key: &str) -> Option<String> {
    get(study, key).into_iter().next()
}

fn write_entry(out: &mut String, study: &Study) {
    let mut tag = |tag: &str, value: &str| {
        let value = one_line(value);
        if !value.is_empty() {
            out.push_str(tag);
            out.push_str("  - ");
            out.push_str(&value);
            out.push_str(LINE_END);
        }
    };
    tag("TY", "DBASE");
    let title = first(study, "briefTitle").or_else(|| first(study, "officialTitle"));
    tag("TI", title.as_deref().unwrap_or_default());
    tag("ST", &first(study, "acronym").unwrap_or_default());
    for name in get(study, "leadSponsor") {
        tag("AU", &corporate_author(&name));
    }
    for name in get(study, "collaborators") {
        tag("A4", &corporate_author(&name));
    }
    let first_posted = first(study, "studyFirstPostDateStruct");
    let start = first(study, "startDateStruct");
    if let Some(year) = first_posted.as_deref().or(start.as_deref()).and_then(year) {
        tag("PY", year);
    }
    if let Some(date) = first_posted.as_deref().and_then(ris_date) {
        tag("DA", &date);
    }
    if let Some(nct) = first(study, "nctId") {
        tag("DB", "ClinicalTrials.gov");
        tag("AN", &nct);
        tag("UR", &format!("{STUDY_URL}{nct}"));
    }
    if let Some(summary) = first(study, "briefSummary") {
        tag("AB", &markup::unescape(&summary));
    }
    let mut keywords: Vec<String> = Vec::new();
    for keyword in get(study, "conditions")
        .into_iter()
        .chain(get(study, "keywords"))
    {
        if !keywords.contains(&keyword) {
            keywords.push(keyword);
        }
    }
    for keyword in keywords {
        tag("KW", &keyword);
    }
    tag("N1", &notes(study));
    out.push_str("ER  - ");
    out.push_str(LINE_END);
}

/// `value` on one line: control characters and runs of white space (line breaks included)
/// become one space, and the ends are trimmed.
fn one_line(value: &str) -> String {
    value
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An organisation's name as both Zotero and EndNote read it whole: no comma inside, one after.
fn corporate_author(name: &str) -> String {
    let name = one_line(&name.replace(',', " "));
    if name.is_empty() {
        name
    } else {
        format!("{name},")
    }
}

/// The year of an ISO date (`2013-01-20` → `2013`).
fn year(date: &str) -> Option<&str> {
    let year = date.get(..4)?;
    (year.bytes().all(|b| b.is_ascii_digit())
        && matches!(date.as_bytes().get(4), None | Some(b'-')))
    .then_some(year)
}

/// An ISO date in RIS form, keeping its precision: `2013-01-20` → `2013/01/20/`,
/// `2013-01` → `2013/01//`, `2013` → `2013///`.
fn ris_date(date: &str) -> Option<String> {
    let parts: Vec<&str> = date.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] if digits(y, 4) => Some(format!("{y}///")),
        [y, m] if digits(y, 4) && digits(m, 2) => Some(format!("{y}/{m}//")),
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => Some(format!("{y}/{m}/{d}/")),
        _ => None,
    }
}

/// The facts a reviewer screens by, in one note: "Status: RECRUITING; Study type:
/// INTERVENTIONAL; Phases: PHASE1, PHASE2; Enrollment: 40 (ESTIMATED); Collaborators: …; Other
/// IDs: …; Official title: …".
fn notes(study: &Study) -> String {
    let mut parts = Vec::new();
    let mut part = |label: &str, values: Vec<String>| {
        if !values.is_empty() {
            parts.push(format!("{label}: {}", values.join(", ")));
        }
    };
    part("Status", get(study, "overallStatus"));
    part("Study type", get(study, "studyType"));
    part("Phases", get(study, "phases"));
    if let Some(count) = first(study, "enrollmentInfo") {
        let kind = first(study, "enrollmentType")
            .map(|t| format!(" ({t})"))
            .unwrap_or_default();
        part("Enrollment", vec![format!("{count}{kind}")]);
    }
    part("Collaborators", get(study, "collaborators"));
    part("Other IDs", get(study, "otherIds"));
    if first(study, "briefTitle").is_some() {
        part("Official title", get(study, "officialTitle"));
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_keep_their_precision_in_ris_form() {
        assert_eq!(ris_date("2013-01-20").as_deref(), Some("2013/01/20/"));
        assert_eq!(ris_date("2013-01").as_deref(), Some("2013/01//"));
        assert_eq!(ris_date("2013").as_deref(), Some("2013///"));
        assert_eq!(ris_date("January 2013"), None);
        assert_eq!(year("2013-01-20"), Some("2013"));
        assert_eq!(year("20130"), None);
        assert_eq!(year("Jan"), None);
    }

    #[test]
    fn corporate_authors_have_no_inner_comma_and_one_after() {
        assert_eq!(
            corporate_author("Fictional Pharma Co., Ltd."),
            "Fictional Pharma Co. Ltd.,"
        );
        assert_eq!(
            corporate_author("Fictional Hospital"),
            "Fictional Hospital,"
        );
        assert_eq!(corporate_author(" , "), "");
    }

    #[test]
    fn values_are_one_line() {
        assert_eq!(one_line(" a\r\n\r\nb\tc\u{2028}d\u{1c}e  "), "a b c d e");
    }
}
