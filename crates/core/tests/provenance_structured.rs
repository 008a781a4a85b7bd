//! Provenance of the structured readers (CT.gov v2 JSON and JSON Lines, classic XML, CSV): for
//! every such fixture, every value of each record is covered by its own entry or its nearest
//! ancestor's, every range lies within the file, and each covering range holds the value's text
//! as the file spells it. A blank line inserted into a JSON file shifts provenance and nothing
//! else; the JSON scanner stays linear on hostile input.
//!
//! `cargo test -p trialcards-core --test provenance_structured -- --nocapture` prints the
//! coverage table.

#[path = "support/big_results.rs"]
mod big_results;
mod common;
#[path = "support/json_leaves.rs"]
#[allow(dead_code)]
mod json_leaves;

use std::collections::BTreeMap;
use std::path::PathBuf;

use proptest::prelude::*;
use serde_json::Value;
use trialcards_core::{parse, Study};

/// The file's own lines, as the source view counts them (`\n`, `\r\n` or a lone `\r`).
fn source_lines(text: &str) -> Vec<&str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        match rest.find(['\n', '\r']) {
            Some(at) => {
                out.push(&rest[..at]);
                let crlf = rest[at..].starts_with("\r\n");
                rest = &rest[at + if crlf { 2 } else { 1 }..];
            }
            None => {
                out.push(rest);
                return out;
            }
        }
    }
}

/// Every scalar (string, number, bool) of the record that is the trial's (not bookkeeping), by
/// its JSON pointer.
fn leaves(record: &Value) -> Vec<(String, &Value)> {
    json_leaves::scalar_leaves(record)
        .into_iter()
        // The reader's own notes of where it read a value are not the trial's values.
        .filter(|(at, _)| {
            !json_leaves::bookkeeping(at)
                && !at.ends_with("/line")
                && !at.starts_with("/trialcards/provenance/")
        })
        .collect()
}

/// The JSON scalars written on `line`: its string literals (escapes resolved) and bare tokens.
fn json_scalars(line: &str) -> Vec<Value> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            let start = i;
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            if let Some(Ok(v)) = line
                .get(start..=i.min(line.len() - 1))
                .map(serde_json::from_str)
            {
                out.push(v);
            }
            i += 1;
        } else if bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-' {
            let start = i;
            while i < bytes.len()
                && matches!(bytes[i], b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'+' | b'-' | b'.')
            {
                i += 1;
            }
            if let Ok(v) = serde_json::from_str(&line[start..i]) {
                out.push(v);
            }
        } else {
            i += 1;
        }
    }
    out
}

fn same_scalar(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

/// Lower-case letters and digits only: how a page's spelling ("Active, not recruiting") and a
/// code (`ACTIVE_NOT_RECRUITING`) compare.
fn folded(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Codes classic XML spells otherwise ("Anticipated" is v2's ESTIMATED).
const SPELLED_OTHERWISE: &[(&str, &str)] = &[
    ("ESTIMATED", "anticipated"),
    ("ESTIMATED", "estimate"),
    ("ECT", "educationalcounselingtraining"),
    ("FED", "usfed"),
    ("ONE_SIDED", "1sided"),
    ("TWO_SIDED", "2sided"),
    ("CONFIDENCE_80", "80confidenceinterval"),
    ("CONFIDENCE_90", "90confidenceinterval"),
    ("CONFIDENCE_95", "95confidenceinterval"),
    ("CONFIDENCE_975", "975confidenceinterval"),
    ("CONFIDENCE_99", "99confidenceinterval"),
    ("STANDARD_ERROR_OF_MEAN", "standarderrorofthemean"),
    ("LTE60", "lessthanorequalto60days"),
    ("GT60", "morethan60days"),
];

/// Whether `s` is a v2 results group ID (`FG000`, `BG001`, `OG002`, `EG003`): classic XML
/// numbers its groups otherwise (`P1`, `B2`, `O3`, `E4`), so the lines need only name a group.
fn is_v2_group_id(s: &str) -> bool {
    s.len() == 5
        && ["FG", "BG", "OG", "EG"].contains(&&s[..2])
        && s[2..].bytes().all(|b| b.is_ascii_digit())
}

/// Whether the text of the lines holds `value` as an XML or CSV file spells it: the same letters
/// and digits (a code as the file spells it; each line of a text the reader rewrote, such as
/// criteria with their markers), a date's year, or any boolean (`Yes`, `Accepts Healthy
/// Volunteers`). XML's entities are resolved first.
fn holds_spelled(lines: &str, value: &Value) -> bool {
    let resolved = lines
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    let text = folded(&resolved);
    match value {
        Value::Bool(_) => true,
        Value::Number(n) => text.contains(&folded(
            &n.to_string().trim_end_matches(".0").replace('.', ""),
        )),
        Value::String(s) => {
            let f = folded(s);
            let is_date = s.len() >= 4
                && s[..4].bytes().all(|b| b.is_ascii_digit())
                && s[4..].bytes().all(|b| b.is_ascii_digit() || b == b'-');
            text.contains(&f)
                || (is_v2_group_id(s) && text.contains("groupid"))
                || (s.contains('\n') && s.lines().all(|l| text.contains(&folded(l))))
                || (is_date && text.contains(&s[..4]))
                || SPELLED_OTHERWISE
                    .iter()
                    .any(|(code, spelled)| s == code && text.contains(spelled))
        }
        _ => true,
    }
}

/// One fixture's counts.
#[derive(Default, Debug)]
struct Counts {
    leaves: usize,
    covered: usize,
    own: usize,
    text: usize,
    entries: usize,
    problems: Vec<String>,
}

/// Values a reader derives rather than reads, which may have no lines (or lines without their
/// text): classic XML's `hasResults` (false when there is no `<clinical_results>`), the arms'
/// intervention names (from the interventions' arm labels), the reference type and contact
/// role its element's name implies.
fn derived(format: &str, pointer: &str, value: &Value) -> bool {
    format == "xml"
        && ((pointer == "/hasResults" && *value == Value::Bool(false))
            || (pointer.contains("/armGroups/") && pointer.contains("/interventionNames/"))
            || (pointer.contains("/references/") && pointer.ends_with("/type"))
            || (pointer.contains("/centralContacts/") && pointer.ends_with("/role"))
            || (pointer.contains("/locations/") && pointer.ends_with("/role")))
}

/// A threshold's variable, comparator, unit and numbers: read from its words (normalised: "≥",
/// "SGPT" is `alt`, "1,5" is 1.5), and its words are checked on its criterion's line.
fn derived_from_criterion(pointer: &str) -> bool {
    pointer.starts_with("/trialcards/criteria/")
        && pointer.contains("/thresholds/")
        && ["/variable", "/comparator", "/unit", "/value", "/upper"]
            .iter()
            .any(|end| pointer.ends_with(end))
}

fn check(name: &str, text: &str, records: &[Study]) -> Counts {
    let format = name.rsplit('.').next().unwrap_or_default();
    let format = if format == "jsonl" { "json" } else { format };
    let lines = source_lines(text);
    let mut c = Counts::default();
    for (r, study) in records.iter().enumerate() {
        let value = serde_json::to_value(study).expect("serializes");
        let provenance = &study.trialcards.provenance;
        c.entries += provenance.len();
        for (pointer, range) in provenance {
            if !(1 <= range[0] && range[0] <= range[1] && range[1] <= lines.len()) {
                c.problems.push(format!(
                    "record {r}: {pointer} has lines {range:?}, outside the file's {} lines",
                    lines.len()
                ));
            }
            if value.pointer(pointer).is_none() {
                c.problems.push(format!(
                    "record {r}: {pointer} is not a pointer into the record"
                ));
            }
        }
        for (pointer, leaf) in leaves(&value) {
            c.leaves += 1;
            let Some((by, range)) = study.trialcards.covering(&pointer) else {
                if derived(format, &pointer, leaf) {
                    c.covered += 1;
                    c.text += 1;
                } else {
                    c.problems
                        .push(format!("record {r}: {pointer} ({leaf}) has no provenance"));
                }
                continue;
            };
            c.covered += 1;
            c.own += usize::from(by == pointer);
            let Some(range_text) = lines.get(range[0] - 1..range[1].min(lines.len())) else {
                continue;
            };
            let ok = match format {
                // A criterion read from the criteria text is in that text, on its one line.
                "json" if pointer.starts_with("/trialcards/criteria/") => {
                    range[0] == range[1]
                        && (derived_from_criterion(&pointer)
                            || json_scalars(range_text[0])
                                .iter()
                                .any(|v| v.as_str().is_some_and(|s| holds_spelled(s, leaf))))
                }
                // A JSON scalar is on one line, and that line writes it.
                "json" => {
                    range[0] == range[1]
                        && json_scalars(range_text[0])
                            .iter()
                            .any(|v| same_scalar(v, leaf))
                }
                _ => {
                    holds_spelled(&range_text.join("\n"), leaf)
                        || derived(format, &pointer, leaf)
                        || derived_from_criterion(&pointer)
                }
            };
            if ok {
                c.text += 1;
            } else {
                c.problems.push(format!(
                    "record {r}: {pointer} ({leaf}) is covered by {by:?} {range:?}, whose lines \
                     do not hold it: {:?}",
                    range_text.iter().take(3).collect::<Vec<_>>()
                ));
            }
        }
    }
    c
}

/// Every JSON, JSON Lines, XML and CSV fixture: ours and the CLI's and browser tests'.
fn structured_fixtures() -> Vec<PathBuf> {
    common::every_fixture_input()
        .into_iter()
        .filter(|p| {
            let ext = p.extension().and_then(|x| x.to_str()).unwrap_or_default();
            matches!(ext, "json" | "jsonl" | "xml" | "csv")
        })
        .collect()
}

fn read(path: &PathBuf) -> (String, String) {
    let text = std::fs::read_to_string(path).expect("fixture readable");
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    (name, text)
}

#[test]
fn every_value_of_every_structured_fixture_is_traced_to_a_line_that_holds_it() {
    let fixtures = structured_fixtures();
    assert!(fixtures.len() >= 9, "fixtures missing: {fixtures:?}");
    let mut table = vec![format!(
        "{:<44} {:>7} {:>7} {:>9} {:>7} {:>7}",
        "fixture", "records", "leaves", "covered", "own", "text"
    )];
    let mut problems = Vec::new();
    for path in &fixtures {
        let (name, text) = read(path);
        let out = parse(&name, &text);
        let c = check(&name, &text, &out.records);
        table.push(format!(
            "{:<44} {:>7} {:>7} {:>9} {:>7} {:>7}   {} entries",
            name,
            out.records.len(),
            c.leaves,
            format!("{:.3}", c.covered as f64 / c.leaves.max(1) as f64),
            c.own,
            format!("{:.3}", c.text as f64 / c.leaves.max(1) as f64),
            c.entries
        ));
        problems.extend(c.problems.into_iter().map(|p| format!("{name}: {p}")));
    }
    println!("{}", table.join("\n"));
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_value_of_the_generated_results_record_is_traced_to_its_line() {
    let text = big_results::big_results_json();
    let out = parse("big_results.json", &text);
    assert_eq!(out.records.len(), 1, "{:?}", out.diagnostics);
    let c = check("big_results.json", &text, &out.records);
    assert!(
        c.problems.is_empty(),
        "{:#?}",
        &c.problems[..c.problems.len().min(20)]
    );
    assert!(c.leaves > 3000, "only {} values", c.leaves);
    assert_eq!((c.covered, c.own), (c.leaves, c.leaves));
}

#[test]
fn our_json_read_back_keeps_the_provenance_it_carries() {
    for path in common::every_fixture_input() {
        let bytes = std::fs::read(&path).expect("fixture readable");
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for study in trialcards_core::parse_bytes(&name, &bytes).records {
            if study.trialcards.provenance.is_empty() {
                continue;
            }
            // Pretty (one value a line) and compact (all on line 1): the lines it carries are
            // those of the text it was first read from, and it keeps them.
            for json in [
                serde_json::to_string_pretty(&vec![&study]).unwrap(),
                serde_json::to_string(&study).unwrap(),
            ] {
                let again = parse("again.json", &json);
                let back = &again.records[0].trialcards;
                assert_eq!(back.provenance, study.trialcards.provenance, "{name}");
                // It names the text those lines are of, and the record is now this file's.
                assert_eq!(
                    back.provenance_source.as_ref(),
                    Some(&study.trialcards.source),
                    "{name}"
                );
                assert_eq!(back.source.file_name, "again.json");
                // Read back once more, it still names the first text, not the second file.
                let twice = parse(
                    "twice.json",
                    &serde_json::to_string(&again.records).unwrap(),
                );
                assert_eq!(
                    twice.records[0].trialcards.provenance_source, back.provenance_source,
                    "{name}"
                );
            }
        }
    }
}

#[test]
fn provenance_that_names_no_source_is_replaced_by_the_files_lines() {
    let path = common::fixtures_dir().join("ctgov_json_study_graft_failure.json");
    let (_, text) = read(&path);
    let mut study = parse("a.json", &text).records.remove(0);
    study
        .trialcards
        .provenance
        .insert("/hasResults".into(), [9999, 9999]);
    study.trialcards.source = Default::default();
    let pretty = serde_json::to_string_pretty(&study).unwrap();
    let again = parse("again.json", &pretty).records.remove(0);
    assert_eq!(again.trialcards.provenance_source, None);
    let c = check("again.json", &pretty, std::slice::from_ref(&again));
    assert!(c.problems.is_empty(), "{:#?}", c.problems);
}

#[test]
fn our_json_without_provenance_gets_the_files_lines() {
    let path = common::fixtures_dir().join("ctgov_json_study_graft_failure.json");
    let (_, text) = read(&path);
    let mut study = parse("a.json", &text).records.remove(0);
    study.trialcards.provenance.clear();
    let pretty = serde_json::to_string_pretty(&study).unwrap();
    let again = parse("again.json", &pretty).records.remove(0);
    let c = check("again.json", &pretty, std::slice::from_ref(&again));
    assert!(c.problems.is_empty(), "{:#?}", c.problems);
    let lines = source_lines(&pretty);
    let [line, _] = again.trialcards.provenance["/protocolSection/identificationModule/nctId"];
    assert!(
        lines[line - 1].contains("\"NCT09990021\""),
        "{}",
        lines[line - 1]
    );
    // One line: every value is on line 1, so the record's own entry covers them all.
    let compact = serde_json::to_string(&study).unwrap();
    let again = parse("again.json", &compact).records.remove(0);
    assert_eq!(
        again.trialcards.provenance,
        BTreeMap::from([(String::new(), [1, 1])])
    );
}

#[test]
fn json_lines_give_each_record_its_line() {
    let text = "\n{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT09990001\"}}}\r\n\
                \r\n{\"protocolSection\":{\"conditionsModule\":{\"conditions\":[\"A\",\"B\"]}}}\n";
    let out = parse("x.jsonl", text);
    assert_eq!(out.records.len(), 2, "{:?}", out.diagnostics);
    assert_eq!(
        out.records[0].trialcards.provenance,
        BTreeMap::from([(String::new(), [2, 2])])
    );
    assert_eq!(
        out.records[1].trialcards.provenance,
        BTreeMap::from([(String::new(), [4, 4])])
    );
}

/// Classic XML with the elements the fixture lacks: each value's pointer is one into the
/// record, and its element's line holds it.
const EVERY_ELEMENT_XML: &str = r#"<?xml version="1.0"?>
<clinical_study rank="1">
  <id_info>
    <org_study_id>ORG-1</org_study_id>
    <secondary_id>SEC-1</secondary_id>
    <secondary_id>SEC-2</secondary_id>
    <nct_id>NCT09990077</nct_id>
    <nct_alias>NCT09990078</nct_alias>
  </id_info>
  <brief_title>Every element</brief_title>
  <acronym>EVERY</acronym>
  <sponsors>
    <lead_sponsor><agency>Lead Org</agency><agency_class>Industry</agency_class></lead_sponsor>
    <collaborator>
      <agency>Helper Org</agency>
      <agency_class>U.S. Fed</agency_class>
    </collaborator>
  </sponsors>
  <source>Source Org</source>
  <oversight_info>
    <is_fda_regulated_device>No</is_fda_regulated_device>
    <is_unapproved_device>Yes</is_unapproved_device>
    <is_ppsd>No</is_ppsd>
    <is_us_export>Yes</is_us_export>
  </oversight_info>
  <responsible_party>
    <responsible_party_type>Principal Investigator</responsible_party_type>
    <investigator_full_name>Pat Example</investigator_full_name>
    <investigator_title>Professor</investigator_title>
    <investigator_affiliation>Example University</investigator_affiliation>
  </responsible_party>
  <detailed_description>
    <textblock>
      Details here.
    </textblock>
  </detailed_description>
  <overall_status>Terminated</overall_status>
  <last_known_status>Recruiting</last_known_status>
  <why_stopped>Funding ran out</why_stopped>
  <study_first_submitted>March 3, 2014</study_first_submitted>
  <study_first_submitted_qc>March 4, 2014</study_first_submitted_qc>
  <results_first_submitted>May 5, 2016</results_first_submitted>
  <results_first_submitted_qc>May 6, 2016</results_first_submitted_qc>
  <results_first_posted type="Actual">May 7, 2016</results_first_posted>
  <disposition_first_submitted>June 1, 2016</disposition_first_submitted>
  <disposition_first_submitted_qc>June 2, 2016</disposition_first_submitted_qc>
  <disposition_first_posted type="Actual">June 3, 2016</disposition_first_posted>
  <last_update_submitted>July 1, 2016</last_update_submitted>
  <phase>Phase 2/Phase 3</phase>
  <study_type>Observational [Patient Registry]</study_type>
  <study_design_info>
    <intervention_model_description>Two groups in turn</intervention_model_description>
    <observational_model>Cohort</observational_model>
    <time_perspective>Prospective</time_perspective>
    <masking>Double (Participant, Outcomes Assessor)</masking>
    <masking_description>Sealed envelopes</masking_description>
  </study_design_info>
  <other_outcome>
    <measure>Other measure</measure>
    <time_frame>1 year</time_frame>
    <description>Other description</description>
  </other_outcome>
  <intervention>
    <intervention_type>Drug</intervention_type>
    <intervention_name>Examplemab</intervention_name>
    <other_name>EX-1</other_name>
    <other_name>EX-2</other_name>
  </intervention>
  <eligibility>
    <study_pop>
      <textblock>
        People with examples.
      </textblock>
    </study_pop>
    <sampling_method>Probability Sample</sampling_method>
    <gender>All</gender>
    <minimum_age>N/A</minimum_age>
    <maximum_age>65 Years</maximum_age>
  </eligibility>
  <overall_contact>
    <last_name>Casey Contact</last_name>
    <phone>555-0100</phone>
    <phone_ext>12</phone_ext>
    <email>casey@example.org</email>
  </overall_contact>
  <overall_contact_backup>
    <last_name>Backup Person</last_name>
  </overall_contact_backup>
  <location>
    <facility>
      <name>Example Clinic</name>
      <address><city>Exampleton</city><zip>12345</zip><country>Norway</country></address>
    </facility>
    <status>Recruiting</status>
    <contact>
      <last_name>Site Contact</last_name>
      <email>site@example.org</email>
    </contact>
    <investigator>
      <last_name>Site Investigator</last_name>
      <role>Principal Investigator</role>
    </investigator>
  </location>
  <removed_countries><country>Sweden</country></removed_countries>
  <results_reference>
    <citation>Results paper.</citation>
    <PMID>88888888</PMID>
  </results_reference>
  <link><url>https://example.org/link</url><description>A link</description></link>
  <patient_data>
    <sharing_ipd>Yes</sharing_ipd>
    <ipd_description>Shared on request</ipd_description>
    <ipd_info_type>Study Protocol</ipd_info_type>
    <ipd_time_frame>After publication</ipd_time_frame>
    <ipd_access_criteria>Ask us</ipd_access_criteria>
    <ipd_url>https://example.org/ipd</ipd_url>
  </patient_data>
  <study_docs>
    <study_doc>
      <doc_id>DOC-1</doc_id>
      <doc_type>Study Protocol</doc_type>
      <doc_url>https://example.org/doc</doc_url>
      <doc_comment>The protocol</doc_comment>
    </study_doc>
  </study_docs>
  <provided_document_section>
    <provided_document>
      <document_type>Study Protocol</document_type>
      <document_has_protocol>Yes</document_has_protocol>
      <document_has_icf>No</document_has_icf>
      <document_has_sap>Yes</document_has_sap>
      <document_date>June 1, 2015</document_date>
      <document_url>https://ClinicalTrials.gov/ProvidedDocs/77/NCT09990077/Prot_000.pdf</document_url>
    </provided_document>
  </provided_document_section>
  <intervention_browse><mesh_term>Examples</mesh_term></intervention_browse>
  <unknown_element odd="1">Kept as it is</unknown_element>
  <clinical_results>
    <participant_flow>Flow</participant_flow>
  </clinical_results>
</clinical_study>
"#;

#[test]
fn every_classic_xml_element_is_traced_to_its_lines() {
    let out = parse("every.xml", EVERY_ELEMENT_XML);
    assert_eq!(out.records.len(), 1, "{:?}", out.diagnostics);
    let c = check("every.xml", EVERY_ELEMENT_XML, &out.records);
    assert!(c.problems.is_empty(), "{:#?}", c.problems);
    let s = &out.records[0];
    let warnings: Vec<_> = s
        .trialcards
        .diagnostics
        .iter()
        .map(|d| &d.message)
        .collect();
    assert!(s.trialcards.unmodelled.len() >= 3, "{warnings:?}");
    let p = &s.trialcards.provenance;
    let line = |needle: &str| {
        EVERY_ELEMENT_XML
            .lines()
            .position(|l| l.contains(needle))
            .unwrap()
            + 1
    };
    let one = |needle: &str| [line(needle), line(needle)];
    let iv = "/protocolSection/armsInterventionsModule/interventions/0";
    assert_eq!(p[&format!("{iv}/otherNames/1")], one("EX-2"));
    assert_eq!(p[iv], [line("<intervention>"), line("</intervention>")]);
    let site = "/protocolSection/contactsLocationsModule/locations/0";
    assert_eq!(p[site], [line("<location>"), line("</location>")]);
    assert_eq!(p[&format!("{site}/contacts/1/role")], one("<role>"));
    assert_eq!(p[&format!("{site}/zip")], one("<zip>"));
    assert_eq!(
        p["/hasResults"],
        [line("<clinical_results>"), line("</clinical_results>")]
    );
    let unknown = "/trialcards/unmodelled/~1clinical_study~1unknown_element";
    assert_eq!(p[unknown], one("unknown_element"));
    assert_eq!(p[&format!("{unknown}~1@odd")], one("unknown_element"));
    assert_eq!(
        p["/trialcards/unmodelled/~1clinical_study~1@rank"],
        one("rank=")
    );
}

/// The record without what a moved line may change beside provenance: where it was read from
/// (its byte length), the notes (which name lines) and its criteria's lines.
fn without_lines(mut s: Study) -> Study {
    s.trialcards.provenance.clear();
    s.trialcards.source = Default::default();
    s.trialcards.diagnostics.clear();
    for line in criteria_lines(&mut s) {
        *line = None;
    }
    s
}

/// The line of each criterion item of the record, depth first.
fn criteria_lines(s: &mut Study) -> Vec<&mut Option<usize>> {
    let mut out = Vec::new();
    let Some(tree) = s.trialcards.criteria.as_mut() else {
        return out;
    };
    let mut stack: Vec<&mut trialcards_core::model::CriterionItem> = tree
        .inclusion
        .iter_mut()
        .chain(tree.exclusion.iter_mut())
        .collect();
    while let Some(item) = stack.pop() {
        out.push(&mut item.line);
        stack.extend(item.children.iter_mut());
    }
    out
}

fn json_fixtures() -> Vec<(String, String)> {
    structured_fixtures()
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "json" || x == "jsonl"))
        .map(read)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// A blank line inserted after line `k` of a JSON file (0: at the top) moves every range
    /// below it down by one, stretches a range around it by one, and changes nothing else.
    #[test]
    fn a_blank_line_shifts_provenance_and_changes_nothing_else(
        pick in 0usize..64,
        at in 0usize..400,
        crlf in any::<bool>(),
    ) {
        let fixtures = json_fixtures();
        let (name, text) = &fixtures[pick % fixtures.len()];
        let lines = source_lines(text);
        let k = at % lines.len();
        // The text up to the end of line k, its line break, then the blank line.
        let mut offset = 0;
        for _ in 0..k {
            let rest = &text[offset..];
            let at = rest.find(['\n', '\r']).unwrap();
            offset += at + if rest[at..].starts_with("\r\n") { 2 } else { 1 };
        }
        let blank = if crlf { "\r\n" } else { "\n" };
        let moved = format!("{}{blank}{}", &text[..offset], &text[offset..]);
        let before = parse(name, text).records;
        let after = parse(name, &moved).records;
        prop_assert_eq!(before.len(), after.len());
        for (b, a) in before.into_iter().zip(after) {
            let shifted: BTreeMap<String, [usize; 2]> = b
                .trialcards
                .provenance
                .iter()
                .map(|(p, [first, last])| {
                    let first = if *first > k { first + 1 } else { *first };
                    let last = if *last > k { last + 1 } else { *last };
                    (p.clone(), [first, last])
                })
                .collect();
            prop_assert_eq!(&a.trialcards.provenance, &shifted, "{} after line {}", name, k);
            // Each criterion's line moves as provenance does.
            let (mut a, mut b) = (a, b);
            let moved: Vec<Option<usize>> = criteria_lines(&mut b)
                .into_iter()
                .map(|l| l.map(|l| if l > k { l + 1 } else { l }))
                .collect();
            let got: Vec<Option<usize>> = criteria_lines(&mut a).into_iter().map(|l| *l).collect();
            prop_assert_eq!(got, moved, "{} after line {}", name, k);
            prop_assert_eq!(without_lines(a), without_lines(b));
        }
    }
}

/// The system allocator, counting the bytes this thread allocates (as in `tests/linear.rs`).
struct Counting;

thread_local! {
    static ALLOCATED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

// SAFETY: every call is passed on to the system allocator unchanged; counting allocates nothing.
unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        let _ = ALLOCATED.try_with(|a| a.set(a.get() + layout.size() as u64));
        unsafe { std::alloc::System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, size: usize) -> *mut u8 {
        let _ = ALLOCATED.try_with(|a| a.set(a.get() + size as u64));
        unsafe { std::alloc::System.realloc(ptr, layout, size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Hostile JSON for the scanner and the provenance walk, at size `n`: keys the model does not
/// know (each kept under `trialcards.unmodelled`, each found again in the scanned text), a
/// long key over a wide array (pointers past the length cap), values nested as deep as serde
/// reads, many times over, and a search page of many studies.
fn hostile_json(family: usize, n: usize) -> String {
    let id = r#""identificationModule": {"nctId": "NCT09990001"}"#;
    match family {
        0 => {
            let keys: Vec<String> = (0..n).map(|i| format!("\n  \"k{i}\": {i}")).collect();
            format!(
                "{{\"protocolSection\": {{{id}, \"statusModule\": {{{}}}}}}}",
                keys.join(",")
            )
        }
        1 => {
            let items: Vec<String> = (0..n).map(|i| format!("\n{i}")).collect();
            let key = "k".repeat(4096);
            format!(
                "{{\"protocolSection\": {{{id}}}, \"{key}\": [{}]}}",
                items.join(",")
            )
        }
        2 => {
            let deep = format!("{}1{}", "[\n".repeat(100), "]".repeat(100));
            let items: Vec<&str> = (0..n / 100).map(|_| deep.as_str()).collect();
            format!(
                "{{\"protocolSection\": {{{id}}}, \"odd\": [{}]}}",
                items.join(",\n")
            )
        }
        _ => {
            let study = format!("{{\n\"protocolSection\": {{\n{id}\n}}\n}}");
            let items: Vec<&str> = (0..n / 10).map(|_| study.as_str()).collect();
            format!("{{\"studies\": [\n{}\n]}}", items.join(",\n"))
        }
    }
}

#[test]
fn the_json_scanner_and_provenance_stay_linear_on_hostile_input() {
    let mut failures = Vec::new();
    for family in 0..4 {
        let n = 20_000;
        let texts: Vec<String> = [n, 2 * n, 4 * n]
            .iter()
            .map(|&k| hostile_json(family, k))
            .collect();
        let mut best = [std::time::Duration::MAX; 3];
        let mut bytes = [0u64; 3];
        for _ in 0..3 {
            for (k, text) in texts.iter().enumerate() {
                let before = ALLOCATED.with(std::cell::Cell::get);
                let start = std::time::Instant::now();
                let out = std::hint::black_box(parse("hostile.json", text));
                best[k] = best[k].min(start.elapsed());
                bytes[k] = ALLOCATED.with(std::cell::Cell::get) - before;
                assert!(
                    !out.records.is_empty(),
                    "family {family}: {:?}",
                    out.diagnostics
                );
                assert!(
                    !out.records[0].trialcards.provenance.is_empty(),
                    "family {family}"
                );
            }
        }
        for k in 1..3 {
            let input = texts[k].len() as f64 / texts[k - 1].len() as f64;
            let alloc = bytes[k] as f64 / bytes[k - 1] as f64;
            let time = best[k].as_secs_f64() / best[k - 1].as_secs_f64().max(1e-9);
            println!(
                "family {family}: ×{input:.2} input, ×{alloc:.2} bytes, ×{time:.2} time ({:?})",
                best[k]
            );
            if alloc > 1.3 * input {
                failures.push(format!(
                    "family {family}: ×{alloc:.2} the bytes for ×{input:.2} the input"
                ));
            }
            if time > 1.75 * input && best[k - 1].as_millis() >= 10 {
                failures.push(format!(
                    "family {family}: ×{time:.2} the time for ×{input:.2} the input"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// A saved page that embeds its study as JSON is read from the JSON, but checked against the
/// page's visible text: each value the page shows is traced to a line of that text that holds
/// it. Prints the share located.
#[test]
fn a_saved_page_embedding_its_study_traces_values_to_the_visible_text() {
    let path = common::fixtures_dir().join("saved_pages/ctgov_embedded_study.html");
    let (name, html) = read(&path);
    let study = parse(&name, &html).records.remove(0);
    assert_eq!(
        study.trialcards.source.layout, "ctgov-json",
        "read from the JSON"
    );
    let text = trialcards_core::source_text(&html);
    let lines = source_lines(&text);
    let value = serde_json::to_value(&study).unwrap();
    let (mut leaves_seen, mut located, mut wrong) = (0, 0, Vec::new());
    for (pointer, leaf) in leaves(&value) {
        // The criteria tree is read from the criteria text (located below); each criterion's
        // own line is checked after.
        if matches!(leaf, Value::Bool(_)) || pointer.starts_with("/trialcards/criteria/") {
            continue;
        }
        leaves_seen += 1;
        let Some(&[first, last]) = study.trialcards.provenance.get(&pointer) else {
            continue;
        };
        located += 1;
        let held = lines.get(first - 1..last).map(|l| l.join("\n"));
        if !held.as_deref().is_some_and(|t| holds_spelled(t, leaf)) {
            wrong.push(format!("{pointer} ({leaf}) at {first}-{last}: {held:?}"));
        }
    }
    println!("embedded study located in the visible text: {located}/{leaves_seen}");
    // Each criterion is on the line of the page that shows it, and so is each threshold.
    let tree = study
        .trialcards
        .criteria
        .as_ref()
        .expect("the criteria tree");
    let mut criteria = 0;
    for (part, items) in [
        ("inclusion", &tree.inclusion),
        ("exclusion", &tree.exclusion),
    ] {
        for (i, item) in items.iter().enumerate() {
            criteria += 1;
            let line = item.line.expect("each criterion is shown");
            assert!(
                lines[line - 1].contains(&item.text),
                "{}: {}",
                item.text,
                lines[line - 1]
            );
            for j in 0..item.thresholds.len() {
                let at = format!("/trialcards/criteria/{part}/{i}/thresholds/{j}");
                assert_eq!(
                    study.trialcards.provenance.get(&at),
                    Some(&[line, line]),
                    "{at}"
                );
            }
        }
    }
    assert_eq!(criteria, 3);
    assert!(wrong.is_empty(), "{wrong:#?}");
    // What the page does not show (map coordinates, MeSH IDs, the data version) has no line.
    assert!(located * 10 >= leaves_seen * 9, "{located}/{leaves_seen}");
    let [line, _] = study.trialcards.provenance["/protocolSection/identificationModule/nctId"];
    assert!(
        lines[line - 1].contains("NCT09990021"),
        "{}",
        lines[line - 1]
    );
}
