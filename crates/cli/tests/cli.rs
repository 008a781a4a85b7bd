//! The `trialcards` binary run as a user runs it: real files in, JSON, CSV or RIS out.

use std::ffi::OsStr;
use std::io::Write;
use std::process::{Command, Stdio};

mod common;

use common::{CTGOV_CSV, NOT_A_PAGE, RESULTS_JSON, RESULTS_XML, VEEVA};

fn trialcards(args: &[&str], stdin: &str) -> (i32, String, String) {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    trialcards_os(&args, stdin)
}

/// Runs the binary with arguments as the OS passes them (not necessarily UTF-8).
fn trialcards_os(args: &[&OsStr], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_trialcards"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn json_array_holds_the_v2_identification_fields() {
    let (code, stdout, stderr) = trialcards(&["parse", "--format", "json", VEEVA], "");
    assert_eq!(code, 0, "stderr: {stderr}");
    let records: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let id = &records[0]["protocolSection"]["identificationModule"];
    assert_eq!(id["nctId"], "NCT09990001");
    assert_eq!(
        id["briefTitle"],
        "Umbilical Cord Mesenchymal Stromal Cells for Knee Cartilage Loss in Adults (KNEE-MSC)"
    );
    assert_eq!(records.as_array().unwrap().len(), 1);
}

#[test]
fn jsonl_prints_one_record_per_line_and_dash_reads_stdin() {
    let page = std::fs::read_to_string(VEEVA).unwrap();
    let (code, stdout, _) = trialcards(&["parse", "--format", "jsonl", VEEVA, "-"], &page);
    assert_eq!(code, 0);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    for line in lines {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(
            record["protocolSection"]["identificationModule"]["nctId"],
            "NCT09990001"
        );
    }
}

#[test]
fn a_bad_input_is_named_on_stderr_and_the_good_one_still_prints() {
    let (code, stdout, stderr) = trialcards(&["parse", NOT_A_PAGE, "/no/such/file.txt", VEEVA], "");
    assert_eq!(code, 1);
    assert!(
        stderr.contains("not_a_registry_page.txt"),
        "stderr: {stderr}"
    );
    assert!(
        stderr.contains("/no/such/file.txt: cannot read"),
        "stderr: {stderr}"
    );
    let records: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(records.as_array().unwrap().len(), 1);
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, stderr) = trialcards(&["parse", "--format", "yaml", VEEVA], "");
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown format 'yaml'"));
    let (code, stdout, stderr) = trialcards(&["parse", "--format", "ris", "--bom", VEEVA], "");
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("--bom applies to the CSV formats only"),
        "{stderr}"
    );
}

#[test]
fn json_output_is_serdes_pretty_array_and_a_newline() {
    // What the CLI printed before the writers moved to the core, byte for byte.
    let (code, stdout, _) = trialcards(&["parse", VEEVA, CTGOV_CSV], "");
    assert_eq!(code, 0);
    let mut records = Vec::new();
    for path in [VEEVA, CTGOV_CSV] {
        let bytes = std::fs::read(path).unwrap();
        records.extend(trialcards_core::parse_bytes(path, &bytes).records);
    }
    assert_eq!(records.len(), 4);
    assert_eq!(
        stdout,
        serde_json::to_string_pretty(&records).unwrap() + "\n"
    );
}

#[test]
fn csv_has_ctgov_columns_one_row_per_record_and_reads_back() {
    let (code, stdout, stderr) = trialcards(&["parse", "--format", "csv", VEEVA, CTGOV_CSV], "");
    assert_eq!(code, 0, "stderr: {stderr}");
    assert!(stdout.starts_with(
        "NCT Number,Study Title,Study URL,Acronym,Study Status,Brief Summary,Study Results,\
         Conditions,Interventions,Primary Outcome Measures,Secondary Outcome Measures,\
         Other Outcome Measures,Sponsor,Collaborators,Sex,Age,Phases,Enrollment,Funder Type,\
         Study Type,Study Design,Other IDs,Start Date,Primary Completion Date,Completion Date,\
         First Posted,Results First Posted,Last Update Posted,Locations,Study Documents\r\n\
         NCT09990001,Umbilical Cord Mesenchymal Stromal Cells for Knee Cartilage Loss in Adults \
         (KNEE-MSC),https://clinicaltrials.gov/study/NCT09990001,"
    ));
    // Read back by the binary itself: the same trials in the same order.
    let (code, again, stderr) = trialcards(&["parse", "--format", "jsonl", "-"], &stdout);
    assert_eq!(code, 0, "stderr: {stderr}");
    let ids: Vec<String> = again
        .lines()
        .map(|l| {
            let record: serde_json::Value = serde_json::from_str(l).unwrap();
            assert_eq!(record["trialcards"]["source"]["layout"], "ctgov-csv");
            record["protocolSection"]["identificationModule"]["nctId"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        ids,
        ["NCT09990001", "NCT09990021", "NCT09990031", "NCT09990032"]
    );
}

#[test]
fn bom_starts_the_csv_with_a_byte_order_mark() {
    let (code, stdout, _) = trialcards(&["parse", "--format=csv", "--bom", VEEVA], "");
    assert_eq!(code, 0);
    assert!(stdout.starts_with("\u{FEFF}NCT Number,Study Title,"));
    let (_, plain, _) = trialcards(&["parse", "--format=csv", VEEVA], "");
    assert_eq!(stdout.strip_prefix('\u{FEFF}'), Some(plain.as_str()));
}

/// With `--bom` the CSV is meant for Excel: a cell longer than Excel keeps is named on stderr
/// (trial, column, length) and written whole; the plain CSV says nothing and is the same file
/// without the mark.
#[test]
fn bom_warns_of_cells_longer_than_excel_keeps_and_writes_them_whole() {
    let summary = "A made-up summary. ".repeat(2_000);
    let input = format!(
        "NCT Number,Study Title,Brief Summary\n\
         NCT09990901,A Fictional Trial,{summary}\n\
         ,A Fictional Trial Without ID,{summary}\n\
         NCT09990902,A Short Fictional Trial,Short.\n"
    );
    let (code, stdout, stderr) = trialcards(&["parse", "--format=csv", "--bom", "-"], &input);
    assert_eq!(code, 0, "a warning is not a failure: {stderr}");
    let length = summary.trim().len();
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("trialcards: warning: "))
        .collect();
    assert_eq!(warnings.len(), 2, "{stderr}");
    assert!(
        warnings[0].contains(&format!(
            "NCT09990901: \"Brief Summary\" has {},{:03} characters; Excel keeps 32,767",
            length / 1000,
            length % 1000
        )),
        "{stderr}"
    );
    assert!(
        warnings[1].contains("\"A Fictional Trial Without ID\": \"Brief Summary\""),
        "{stderr}"
    );
    assert!(stdout.contains(summary.trim()), "the cell is written whole");
    let (code, plain, quiet) = trialcards(&["parse", "--format=csv", "-"], &input);
    assert_eq!(code, 0);
    assert!(!quiet.contains("warning"), "{quiet}");
    assert_eq!(stdout.strip_prefix('\u{FEFF}'), Some(plain.as_str()));
}

const RESULTS_HEADER: &str = "NCT Number,Outcome Type,Outcome Title,Time Frame,Param Type,\
Dispersion Type,Unit of Measure,Group ID,Group Title,Participants Analyzed,Class,Category,Value,\
Spread,Lower Limit,Upper Limit,Comment";

const EVENTS_HEADER: &str = "NCT Number,Event Type,Organ System,Term,Source Vocabulary,\
Group ID,Group Title,Affected,At Risk,Events";

#[test]
fn results_csv_has_one_row_per_outcome_measurement() {
    let (code, stdout, stderr) = trialcards(
        &["parse", "--format", "results-csv", RESULTS_JSON, VEEVA],
        "",
    );
    assert_eq!(code, 0, "stderr: {stderr}");
    assert!(stdout.ends_with("\r\n"));
    let rows: Vec<&str> = stdout.split_terminator("\r\n").collect();
    assert_eq!(rows[0], RESULTS_HEADER);
    // Five outcomes of two groups; the MRI outcome has two visits. The page has no results.
    assert_eq!(rows.len(), 1 + 2 + 2 + 4 + 2 + 2, "{stdout}");
    assert_eq!(
        rows[1],
        "NCT09900001,PRIMARY,Change in WOMAC Pain Score From Baseline to Month 12,\
         Baseline and month 12,MEAN,STANDARD_DEVIATION,score on a scale,OG000,Stromal Cells,22,\
         ,,-3.1,1.4,,,"
    );
    assert!(rows.contains(
        &"NCT09900001,SECONDARY,Change in Cartilage Thickness on MRI,\
          \"Baseline, month 6 and month 12\",MEDIAN,INTER_QUARTILE_RANGE,mm,OG001,Saline Placebo,\
          21,Month 12,,-0.05,,-0.14,0.04,"
    ));
    assert!(rows.contains(
        &"NCT09900001,SECONDARY,WOMAC Function Score at Month 12,Month 12,LEAST_SQUARES_MEAN,\
          CONFIDENCE_95,score on a scale,OG001,Saline Placebo,21,,,NA,,,,\
          Not estimated: the model did not converge for this group."
    ));
}

#[test]
fn events_csv_has_one_row_per_term_and_group() {
    let (code, stdout, stderr) =
        trialcards(&["parse", "--format=events-csv", "--bom", RESULTS_JSON], "");
    assert_eq!(code, 0, "stderr: {stderr}");
    let body = stdout
        .strip_prefix('\u{FEFF}')
        .expect("a byte-order mark first");
    let rows: Vec<&str> = body.split_terminator("\r\n").collect();
    assert_eq!(rows[0], EVENTS_HEADER);
    // Three serious and four other terms, two groups each.
    assert_eq!(rows.len(), 1 + 3 * 2 + 4 * 2, "{stdout}");
    assert_eq!(
        rows[1],
        "NCT09900001,Serious,Infections and infestations,Septic arthritis,MedDRA 26.1,EG000,\
         Stromal Cells,1,24,1"
    );
    assert!(rows.contains(
        &"NCT09900001,Serious,\"Injury, poisoning and procedural complications\",Fall,\
          MedDRA 26.0,EG001,Saline Placebo,1,24,1"
    ));
    assert_eq!(
        rows.last().copied(),
        Some(
            "NCT09900001,Other,Infections and infestations,Nasopharyngitis,MedDRA 26.1,EG001,\
              Saline Placebo,2,24,2"
        )
    );
    let serious = rows.iter().filter(|r| r.contains(",Serious,")).count();
    assert_eq!(serious, 6);
}

#[test]
fn the_classic_xml_twin_gives_the_same_results_tables() {
    for format in ["results-csv", "events-csv"] {
        let (_, json, _) = trialcards(&["parse", "--format", format, RESULTS_JSON], "");
        let (code, xml, stderr) = trialcards(&["parse", "--format", format, RESULTS_XML], "");
        assert_eq!(code, 0, "{stderr}");
        assert!(json.lines().count() > 10);
        assert_eq!(xml, json, "{format}");
    }
}

#[test]
fn a_record_without_results_gives_the_header_only() {
    for (format, header) in [
        ("results-csv", RESULTS_HEADER),
        ("events-csv", EVENTS_HEADER),
    ] {
        let (code, stdout, _) = trialcards(&["parse", "--format", format, VEEVA], "");
        assert_eq!(code, 0);
        assert_eq!(stdout, format!("{header}\r\n"));
    }
}

#[test]
fn groups_csv_puts_records_sharing_a_registry_id_in_one_group() {
    // An EU register page of our own that gives only the EudraCT number the Veeva fixture
    // lists beside its NCT ID: the three records are one trial, the XML record another.
    let dir = std::env::temp_dir().join(format!("trialcards-groups-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let eu = dir.join("eu.txt");
    std::fs::write(
        &eu,
        "EU Clinical Trials Register\n\nEudraCT Number: 2031-000123-45\n\
         Full title of the trial: A fictional trial of stromal cells in knee cartilage\n",
    )
    .unwrap();
    let meddatax = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/meddatax_fictional_knee_msc.txt"
    );
    let xml = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/study.xml"
    );
    let (code, stdout, stderr) = trialcards(
        &[
            "parse",
            "--format",
            "groups-csv",
            "--bom",
            VEEVA,
            eu.to_str().unwrap(),
            meddatax,
            xml,
        ],
        "",
    );
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 0, "{stderr}");
    let text = stdout
        .strip_prefix('\u{FEFF}')
        .expect("--bom writes a byte-order mark");
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(rows.len(), 4, "one row per record: {text}");
    let groups: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str(), r[2].as_str()))
        .collect();
    assert_eq!(
        groups,
        [
            ("1", "3", "NCT09990001"),
            ("1", "3", "NCT09990001"),
            ("1", "3", "NCT09990001"),
            ("2", "1", "NCT09990099")
        ]
    );
    assert_eq!(rows[1][3], "2031-000123-45", "the EU page's own IDs");
    assert!(
        rows[1][4].contains("same EudraCT number 2031-000123-45"),
        "{:?}",
        rows[1]
    );
    assert_eq!(
        rows.iter().filter(|r| r[8] == "yes").count(),
        2,
        "one shown per group"
    );
}

#[test]
fn ris_has_one_entry_per_record_with_tags_in_order() {
    let (code, stdout, stderr) = trialcards(&["parse", "--format", "ris", VEEVA, CTGOV_CSV], "");
    assert_eq!(code, 0, "stderr: {stderr}");
    let lines: Vec<&str> = stdout.split_terminator("\r\n").collect();
    assert!(
        lines.iter().all(|l| !l.contains('\n')),
        "CRLF line ends only"
    );
    let tags: Vec<&str> = lines.iter().map(|l| &l[..6]).collect();
    assert!(tags
        .iter()
        .all(|t| t.as_bytes()[0].is_ascii_uppercase() && t.ends_with("  - ")));
    assert_eq!(tags.iter().filter(|t| **t == "TY  - ").count(), 4);
    assert_eq!(tags.iter().filter(|t| **t == "ER  - ").count(), 4);
    assert_eq!(lines.first(), Some(&"TY  - DBASE"));
    assert_eq!(lines.last(), Some(&"ER  - "));
    let first: Vec<&str> = lines
        .iter()
        .take_while(|l| **l != "ER  - ")
        .copied()
        .collect();
    assert_eq!(
        first[..2],
        [
            "TY  - DBASE",
            "TI  - Umbilical Cord Mesenchymal Stromal Cells for Knee Cartilage Loss in Adults (KNEE-MSC)"
        ]
    );
    for expected in [
        "DB  - ClinicalTrials.gov",
        "AN  - NCT09990001",
        "UR  - https://clinicaltrials.gov/study/NCT09990001",
    ] {
        assert!(first.contains(&expected), "{expected} in {first:#?}");
    }
    let position = |tag: &str| first.iter().position(|l| l.starts_with(tag));
    assert!(position("TI") < position("AN") && position("AN") < position("UR"));
}

#[test]
fn empty_and_binary_files_are_refused_with_what_they_are() {
    let dir = std::env::temp_dir().join(format!("trialcards-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.txt");
    let png = dir.join("photo.png");
    std::fs::write(&empty, b"").unwrap();
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let (code, stdout, stderr) = trialcards(
        &[
            "parse",
            empty.to_str().unwrap(),
            png.to_str().unwrap(),
            VEEVA,
        ],
        "",
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("empty.txt is empty"), "stderr: {stderr}");
    assert!(
        stderr.contains("photo.png is a PNG image"),
        "stderr: {stderr}"
    );
    let records: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        records.as_array().unwrap().len(),
        1,
        "the good file still prints"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn json_output_read_back_gives_the_same_records() {
    let (code, first, _) = trialcards(&["parse", "--format", "json", VEEVA], "");
    assert_eq!(code, 0);
    let (code, again, stderr) = trialcards(&["parse", "--format", "json", "-"], &first);
    assert_eq!(code, 0, "stderr: {stderr}");
    let mut a: serde_json::Value = serde_json::from_str(&first).unwrap();
    let mut b: serde_json::Value = serde_json::from_str(&again).unwrap();
    // Only where each was read from differs: the file, then stdin as CT.gov JSON; the record
    // read back names the file its provenance lines are of.
    assert_eq!(
        b[0]["trialcards"]["provenanceSource"],
        a[0]["trialcards"]["source"]
    );
    b[0]["trialcards"]
        .as_object_mut()
        .unwrap()
        .remove("provenanceSource");
    for v in [&mut a, &mut b] {
        v[0]["trialcards"].as_object_mut().unwrap().remove("source");
    }
    assert_eq!(a, b);
}

#[test]
fn utf16_and_windows_1252_files_read_with_their_symbols() {
    let fixture =
        |name: &str| format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let (utf16, cp1252) = (
        fixture("utf16le_bom_page.txt"),
        fixture("windows1252_page.txt"),
    );
    let (code, stdout, stderr) = trialcards(&["parse", &utf16, &cp1252], "");
    assert_eq!(code, 0, "stderr: {stderr}");
    let records: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let criteria = |i: usize| -> Vec<String> {
        records[i]["trialcards"]["criteria"]["inclusion"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["text"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        records[0]["protocolSection"]["identificationModule"]["briefTitle"],
        "A Fictional “Quoted” Trial of µ-Dosed Cells in Knees"
    );
    assert_eq!(
        criteria(0),
        [
            "Age ≥ 18 years",
            "Weight 70 ± 10 kg",
            "Dose 10 µg/kg",
            "“Informed” consent given"
        ]
    );
    assert_eq!(
        criteria(1),
        [
            "Age >= 18 years",
            "Weight 70 ± 10 kg",
            "Dose 10 µg/kg",
            "“Informed” consent given"
        ]
    );
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read_and_named_lossily() {
    use std::os::unix::ffi::OsStrExt;

    let dir = std::env::temp_dir().join(format!("trialcards-cli-{}-non-utf8", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join(OsStr::from_bytes(b"trial-\xff.txt"));
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../core/tests/fixtures/generic_labelled_page.txt"
    );
    std::fs::copy(fixture, &page).unwrap();
    assert!(page.to_str().is_none(), "the name is not UTF-8");
    let lossy = page.to_string_lossy().into_owned();
    assert!(lossy.ends_with("/trial-\u{FFFD}.txt"));

    let (code, stdout, stderr) = trialcards_os(&[OsStr::new("parse"), page.as_os_str()], "");
    assert_eq!(code, 0, "stderr: {stderr}");
    let records: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(records.as_array().unwrap().len(), 1);
    assert_eq!(
        records[0]["protocolSection"]["identificationModule"]["nctId"],
        "NCT09990041"
    );
    assert_eq!(
        records[0]["trialcards"]["source"]["fileName"],
        lossy.as_str()
    );

    // One that does not exist is named the same way on stderr.
    let missing = dir.join(OsStr::from_bytes(b"missing-\xfe.txt"));
    let (code, _, stderr) = trialcards_os(&[OsStr::new("parse"), missing.as_os_str()], "");
    assert_eq!(code, 1);
    assert!(
        stderr.contains(&format!("{}: cannot read", missing.display())),
        "stderr: {stderr}"
    );
    assert!(stderr.contains("missing-\u{FFFD}.txt"), "stderr: {stderr}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn help_lists_every_format_option_and_exit_status() {
    for args in [&["--help"][..], &["parse", "--help"]] {
        let (code, stdout, stderr) = trialcards(args, "");
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
        // The per-value descriptions are capitalised in `parse --help`, clap's style.
        let text = stdout.to_lowercase();
        for expected in [
            "json",
            "jsonl",
            "csv",
            "ris",
            "--format",
            "--bom",
            "FILE may be - to read standard input",
            "one record per line",
            "Zotero, EndNote and Covidence",
            "UTF-8 byte-order mark",
            "(the CSV formats only",
            "groups-csv",
            "results-csv",
            "events-csv",
            "-j",
            "input order",
            "one row per outcome measurement",
            "one row per adverse-event term and group",
            "Exit status: 0 when every input gave a record, 1 when an input could not be\n\
             read or held no registry page (its name is on stderr), 2 on a usage error.",
        ] {
            assert!(
                text.contains(&expected.to_lowercase()),
                "{args:?} lacks {expected:?}:\n{stdout}"
            );
        }
    }
    let (_, top, _) = trialcards(&["--help"], "");
    assert!(top.contains(
        "trialcards parse [--format json|jsonl|csv|groups-csv|ris|results-csv|events-csv] [--bom] [-j N] FILE..."
    ));
    assert!(top.contains("-V, --version"));
    let (_, parse, _) = trialcards(&["parse", "--help"], "");
    assert!(parse.contains("Usage: trialcards parse [OPTIONS] <FILE>..."));
    assert!(parse.contains("[default: json]"));
    // `help parse` is `parse --help`.
    assert_eq!(trialcards(&["help", "parse"], "").1, parse);
}

#[test]
fn an_unknown_option_or_command_exits_2_naming_it() {
    let (code, stdout, stderr) = trialcards(&["parse", "--bogus", VEEVA], "");
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("unexpected argument '--bogus'"), "{stderr}");
    assert!(stderr.contains("Usage: trialcards parse"), "{stderr}");
    // A mistyped option gets a suggestion.
    let (code, _, stderr) = trialcards(&["parse", "--formt", "csv", VEEVA], "");
    assert_eq!(code, 2);
    assert!(stderr.contains("'--formt'"), "{stderr}");
    assert!(
        stderr.contains("a similar argument exists: '--format'"),
        "{stderr}"
    );
    let (code, _, stderr) = trialcards(&["frobnicate"], "");
    assert_eq!(code, 2);
    assert!(stderr.contains("'frobnicate'"), "{stderr}");
    let (code, _, stderr) = trialcards(&["parse"], "");
    assert_eq!(code, 2);
    assert!(stderr.contains("<FILE>"), "{stderr}");
}

#[test]
fn version_prints_the_version() {
    let (code, stdout, stderr) = trialcards(&["--version"], "");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        format!("trialcards {}\n", env!("CARGO_PKG_VERSION"))
    );
}

/// A CT.gov study (fictional) taking 14 to 65 year olds, no healthy volunteers, BMI < 30.
const CTGOV_JSON: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/ctgov_study.json"
);

/// The JSON lines `check` printed.
fn verdicts(stdout: &str) -> Vec<serde_json::Value> {
    assert!(stdout.ends_with('\n'), "{stdout:?}");
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn check_prints_one_json_line_per_record_excluded_with_its_reasons() {
    let (code, stdout, stderr) = trialcards(
        &[
            "check",
            "--age",
            "72",
            "--healthy",
            "yes",
            "--set",
            "bmi=32",
            CTGOV_JSON,
        ],
        "",
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let lines = verdicts(&stdout);
    assert_eq!(lines.len(), 1);
    let v = &lines[0];
    assert_eq!(v["nctId"], "NCT09990021");
    assert_eq!(v["verdict"], "excluded");
    let kinds: Vec<&str> = v["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["age", "healthy", "inclusion"]);
    assert_eq!(
        v["reasons"][0]["why"],
        "age 72 is over the maximum 65 Years"
    );
    let bmi = &v["reasons"][2];
    assert_eq!(bmi["criterion"], "BMI <30");
    assert_eq!(bmi["lines"], serde_json::json!([150, 150]));
    assert_eq!(
        bmi["why"],
        "BMI 32 kg/m2 is not below the inclusion maximum < 30 (line 150)"
    );
    // The four keys of a verdict.
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    let mut sorted = vec!["nctId", "verdict", "reasons", "unchecked"];
    sorted.sort_unstable();
    assert_eq!(keys, sorted);
}

#[test]
fn check_says_possible_and_lists_what_a_person_must_read() {
    let (code, stdout, stderr) = trialcards(
        &["check", "--age", "40", "--set", "bmi=25", "--", "-"],
        &std::fs::read_to_string(CTGOV_JSON).unwrap(),
    );
    assert_eq!(code, 0, "{stderr}");
    let v = &verdicts(&stdout)[0];
    assert_eq!(v["verdict"], "possible");
    assert_eq!(v["reasons"], serde_json::json!([]));
    let unchecked: Vec<(&str, &str)> = v["unchecked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["kind"].as_str().unwrap(),
                u["criterion"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        unchecked,
        [("inclusion", "Graft failure"), ("exclusion", "Infection")]
    );
    // Nothing given: every criterion is unchecked and nothing excludes.
    let (code, stdout, _) = trialcards(&["check", CTGOV_JSON, CTGOV_CSV], "");
    assert_eq!(code, 0);
    let lines = verdicts(&stdout);
    assert_eq!(lines.len(), 4, "one line per record: {stdout}");
    assert!(lines.iter().all(|v| v["verdict"] == "possible"));
}

#[test]
fn check_exit_statuses_and_facts_only_on_stdout() {
    // An input without a record: status 1, named on stderr, the others still checked; the
    // facts appear on stdout only.
    let (code, stdout, stderr) = trialcards(
        &[
            "check",
            "--age",
            "72",
            "--set",
            "anc=1.25x10^9/L",
            NOT_A_PAGE,
            "/no/such/file.txt",
            CTGOV_JSON,
        ],
        "",
    );
    assert_eq!(code, 1);
    assert_eq!(verdicts(&stdout).len(), 1);
    assert!(stdout.contains("age 72"));
    assert!(
        stderr.contains("/no/such/file.txt: cannot read"),
        "{stderr}"
    );
    for fact in ["72", "1.25", "anc"] {
        assert!(!stderr.contains(fact), "stderr names {fact}: {stderr}");
    }
    // A usage error: status 2, nothing on stdout, the variable named and its value not.
    let (code, stdout, stderr) = trialcards(&["check", "--set", "ferritin=312", CTGOV_JSON], "");
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("unknown variable 'ferritin': use one of age, weight"),
        "{stderr}"
    );
    assert!(!stderr.contains("312"), "{stderr}");
    let (code, _, stderr) = trialcards(&["check", "--set", "anc=1.2 bushels", CTGOV_JSON], "");
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--set anc: the unit is not one trialcards knows"),
        "{stderr}"
    );
    assert!(!stderr.contains("1.2"), "{stderr}");
    let (code, _, stderr) = trialcards(&["check", "--age", "70"], "");
    assert_eq!(code, 2);
    assert!(stderr.contains("<FILE>"), "{stderr}");
}

#[test]
fn check_help_lists_the_variables_and_their_units() {
    let (code, stdout, _) = trialcards(&["check", "--help"], "");
    assert_eq!(code, 0);
    for expected in [
        "--age <YEARS>",
        "--sex <female|male>",
        "--healthy <yes|no>",
        "--set <VARIABLE=NUMBER[UNIT]>",
        "never says eligible",
        "stdout only",
        "  anc                   10^9/L, /uL, cells/uL",
        "  creatinine            mg/dL, umol/L, mmol/L, x ULN",
        "  ecog                  no unit",
        "  viral_load            copies/mL",
        "Exit status: 0",
    ] {
        assert!(stdout.contains(expected), "lacks {expected:?}:\n{stdout}");
    }
    for v in [
        "age",
        "bmi",
        "karnofsky",
        "lansky",
        "life_expectancy",
        "qtc",
        "pao2_fio2",
        "hba1c",
        "egfr",
    ] {
        assert!(stdout.contains(&format!("\n  {v} ")), "lacks {v}");
    }
    let (_, top, _) = trialcards(&["--help"], "");
    assert!(top.contains("trialcards check [--age YEARS] [--sex female|male] [--healthy yes|no]"));
}
