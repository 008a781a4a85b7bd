//! The export writers on records made to test them: CSV quoting, the byte-order mark, `|`
//! lists, each cell's CT.gov form, the formula guard, the cells too long for Excel; RIS tags, their order and one entry per
//! trial; JSON exactly as serde writes it.

use trialcards_core::export::{
    cells_over_excel_limit, csv_rows, rows_to_csv, to_csv, to_json, to_json_lines, to_ris,
    CsvOptions, LongCell, CSV_COLUMNS,
};
use trialcards_core::{parse, Study};

/// One record read from a CT.gov v2 study (fictional) with every field the writers use.
fn rich_study() -> Study {
    let json = r#"{"protocolSection": {
      "identificationModule": {
        "nctId": "NCT09990801",
        "orgStudyIdInfo": {"id": "FIC-801"},
        "secondaryIdInfos": [{"id": "2031-000801-11"}, {"id": "ISRCTN09990801"}],
        "briefTitle": "Fictional Cells, \"Quoted\" Saline\nand a Line Break",
        "officialTitle": "A Made-up Randomised Trial of Fictional Cells",
        "acronym": "FIC-CELLS"
      },
      "statusModule": {
        "overallStatus": "RECRUITING",
        "startDateStruct": {"date": "2031-02", "type": "ACTUAL"},
        "primaryCompletionDateStruct": {"date": "2032-06-30", "type": "ESTIMATED"},
        "completionDateStruct": {"date": "2033", "type": "ESTIMATED"},
        "studyFirstPostDateStruct": {"date": "2031-01-20", "type": "ACTUAL"},
        "resultsFirstPostDateStruct": {"date": "2034-03-01", "type": "ACTUAL"},
        "lastUpdatePostDateStruct": {"date": "2034-03-02", "type": "ACTUAL"}
      },
      "sponsorCollaboratorsModule": {
        "leadSponsor": {"name": "Fictional Pharma Co., Ltd.", "class": "INDUSTRY"},
        "collaborators": [{"name": "Fictional University"}, {"name": "Fictional Network"}]
      },
      "descriptionModule": {"briefSummary": "A made-up summary:\n\n* BMI \\<30\n* age 18+"},
      "conditionsModule": {"conditions": ["Knee Pain", "Graft Failure, Late"], "keywords": ["cells", "Knee Pain"]},
      "designModule": {
        "studyType": "INTERVENTIONAL",
        "phases": ["PHASE1", "PHASE2"],
        "designInfo": {
          "allocation": "RANDOMIZED",
          "interventionModel": "PARALLEL",
          "primaryPurpose": "TREATMENT",
          "maskingInfo": {"masking": "DOUBLE", "whoMasked": ["PARTICIPANT", "INVESTIGATOR"]}
        },
        "enrollmentInfo": {"count": 40, "type": "ESTIMATED"}
      },
      "armsInterventionsModule": {"interventions": [
        {"type": "BIOLOGICAL", "name": "Fictional cells"},
        {"type": "COMBINATION_PRODUCT", "name": "Saline, 0.9%"},
        {"name": "Usual care"}
      ]},
      "outcomesModule": {
        "primaryOutcomes": [{"measure": "Pain score", "description": "A made-up 0-10 scale.", "timeFrame": "6 months"}],
        "secondaryOutcomes": [{"measure": "Walking distance", "timeFrame": "12 months"}, {"measure": "Falls"}],
        "otherOutcomes": [{"measure": "Cost"}]
      },
      "eligibilityModule": {"sex": "ALL", "minimumAge": "18 Years", "maximumAge": "65 Years", "stdAges": ["ADULT", "OLDER_ADULT"]},
      "contactsLocationsModule": {"locations": [
        {"facility": "Fictional Hospital", "city": "Springfield", "state": "Oregon", "zip": "97477", "country": "United States"}
      ]}
    },
    "hasResults": true}"#;
    let out = parse("rich.json", json);
    assert_eq!(out.records.len(), 1, "{:?}", out.diagnostics);
    out.records[0].clone()
}

/// A record with nothing but a title.
fn bare_study(title: &str) -> Study {
    let mut study = Study::default();
    study.protocol_section.identification_module.brief_title = Some(title.to_string());
    study
}

/// The cells of the CSV's rows after its header, by column name.
fn rows(csv: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
    let headers = reader.headers().expect("header").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn csv_header_is_ctgov_download_columns_in_order() {
    let csv = to_csv(&[], CsvOptions::default());
    assert_eq!(csv, format!("{}\r\n", CSV_COLUMNS.join(",")));
    assert_eq!(CSV_COLUMNS.len(), 30);
    // The same names and order as CT.gov's own download (our fixture holds its header).
    let fixture = include_str!("fixtures/ctgov_csv_three_rows.csv");
    assert_eq!(fixture.lines().next(), Some(CSV_COLUMNS.join(",").as_str()));
}

#[test]
fn csv_cells_are_written_as_ctgov_writes_them() {
    let study = rich_study();
    let csv = to_csv(&[&study], CsvOptions::default());
    let row = &rows(&csv)[0];
    let cell = |name: &str| row[name].as_str();
    assert_eq!(cell("NCT Number"), "NCT09990801");
    assert_eq!(
        cell("Study URL"),
        "https://clinicaltrials.gov/study/NCT09990801"
    );
    assert_eq!(
        cell("Study Title"),
        "Fictional Cells, \"Quoted\" Saline\nand a Line Break"
    );
    assert_eq!(cell("Acronym"), "FIC-CELLS");
    assert_eq!(cell("Study Status"), "RECRUITING");
    assert_eq!(
        cell("Brief Summary"),
        "A made-up summary:\n\n* BMI \\<30\n* age 18+"
    );
    assert_eq!(cell("Study Results"), "YES");
    assert_eq!(cell("Conditions"), "Knee Pain|Graft Failure, Late");
    assert_eq!(
        cell("Interventions"),
        "BIOLOGICAL: Fictional cells|COMBINATION_PRODUCT: Saline, 0.9%|Usual care"
    );
    assert_eq!(
        cell("Primary Outcome Measures"),
        "Pain score, A made-up 0-10 scale., 6 months"
    );
    assert_eq!(
        cell("Secondary Outcome Measures"),
        "Walking distance, 12 months|Falls"
    );
    assert_eq!(cell("Other Outcome Measures"), "Cost");
    assert_eq!(cell("Sponsor"), "Fictional Pharma Co., Ltd.");
    assert_eq!(
        cell("Collaborators"),
        "Fictional University|Fictional Network"
    );
    assert_eq!(cell("Sex"), "ALL");
    assert_eq!(cell("Age"), "18 Years to 65 Years (ADULT, OLDER_ADULT)");
    assert_eq!(cell("Phases"), "PHASE1|PHASE2");
    assert_eq!(cell("Enrollment"), "40");
    assert_eq!(cell("Funder Type"), "INDUSTRY");
    assert_eq!(cell("Study Type"), "INTERVENTIONAL");
    assert_eq!(
        cell("Study Design"),
        "Allocation: RANDOMIZED | Intervention Model: PARALLEL | \
         Masking: DOUBLE (PARTICIPANT, INVESTIGATOR) | Primary Purpose: TREATMENT"
    );
    assert_eq!(cell("Other IDs"), "FIC-801|2031-000801-11|ISRCTN09990801");
    assert_eq!(cell("Start Date"), "2031-02");
    assert_eq!(cell("Primary Completion Date"), "2032-06-30");
    assert_eq!(cell("Completion Date"), "2033");
    assert_eq!(cell("First Posted"), "2031-01-20");
    assert_eq!(cell("Results First Posted"), "2034-03-01");
    assert_eq!(cell("Last Update Posted"), "2034-03-02");
    assert_eq!(
        cell("Locations"),
        "Fictional Hospital, Springfield, Oregon, 97477, United States"
    );
    assert_eq!(cell("Study Documents"), "");
}

#[test]
fn csv_quotes_cells_with_commas_quotes_and_line_breaks() {
    let study = rich_study();
    let csv = to_csv(&[&study], CsvOptions::default());
    assert!(
        csv.contains("\"Fictional Cells, \"\"Quoted\"\" Saline\nand a Line Break\""),
        "{csv}"
    );
    assert!(csv.contains(",\"Fictional Pharma Co., Ltd.\","), "{csv}");
    // Rows end in CRLF; line breaks inside a cell stay as they are.
    assert!(csv.ends_with("\r\n"));
    assert_eq!(csv.matches("\r\n").count(), 2, "header and one row");
}

#[test]
fn csv_reads_back_into_the_same_fields() {
    let study = rich_study();
    let back = parse("export.csv", &to_csv(&[&study], CsvOptions::default()));
    assert_eq!(back.records.len(), 1, "{:?}", back.diagnostics);
    let (a, b) = (&study.protocol_section, &back.records[0].protocol_section);
    assert_eq!(
        b.identification_module.nct_id,
        a.identification_module.nct_id
    );
    assert_eq!(
        b.identification_module.brief_title,
        a.identification_module.brief_title
    );
    assert_eq!(
        b.identification_module.acronym,
        a.identification_module.acronym
    );
    assert_eq!(
        b.conditions_module.conditions,
        a.conditions_module.conditions
    );
    assert_eq!(
        b.arms_interventions_module.interventions,
        a.arms_interventions_module.interventions
    );
    assert_eq!(b.eligibility_module, a.eligibility_module);
    assert_eq!(b.design_module.design_info, a.design_module.design_info);
    assert_eq!(b.design_module.phases, a.design_module.phases);
    assert_eq!(
        b.outcomes_module.secondary_outcomes[0].measure.as_deref(),
        Some("Walking distance, 12 months")
    );
    assert_eq!(
        b.outcomes_module.other_outcomes,
        a.outcomes_module.other_outcomes
    );
    let back = &back.records[0];
    assert_eq!(back.has_results, Some(true));
    assert!(back
        .trialcards
        .other_fields
        .iter()
        .all(|f| f.label != "Age"));
}

#[test]
fn ages_and_designs_in_every_form_read_back() {
    let cases = [
        (
            Some("18 Years"),
            None,
            vec!["ADULT", "OLDER_ADULT"],
            "18 Years and older (ADULT, OLDER_ADULT)",
        ),
        (
            None,
            Some("17 Years"),
            vec!["CHILD"],
            "up to 17 Years (CHILD)",
        ),
        (
            Some("6 Months"),
            Some("12 Years"),
            vec![],
            "6 Months to 12 Years",
        ),
        (None, None, vec!["CHILD", "ADULT"], "CHILD, ADULT"),
    ];
    for (min, max, groups, written) in cases {
        let mut study = bare_study("Ages");
        let e = &mut study.protocol_section.eligibility_module;
        e.minimum_age = min.map(String::from);
        e.maximum_age = max.map(String::from);
        e.std_ages = groups
            .iter()
            .map(|g| serde_json::from_value(serde_json::json!(g)).expect("an age group"))
            .collect();
        let csv = to_csv(&[&study], CsvOptions::default());
        assert_eq!(rows(&csv)[0]["Age"], written);
        let back = parse("ages.csv", &csv);
        assert_eq!(
            back.records[0].protocol_section.eligibility_module,
            study.protocol_section.eligibility_module,
            "{written}"
        );
    }
    let observational = r#"{"protocolSection": {"identificationModule": {"nctId": "NCT09990802"},
      "designModule": {"studyType": "OBSERVATIONAL", "designInfo": {"observationalModel": "COHORT", "timePerspective": "PROSPECTIVE"}}}}"#;
    let study = parse("obs.json", observational).records[0].clone();
    let csv = to_csv(&[&study], CsvOptions::default());
    assert_eq!(
        rows(&csv)[0]["Study Design"],
        "Observational Model: COHORT | Time Perspective: PROSPECTIVE"
    );
    let back = parse("obs.csv", &csv).records[0].clone();
    assert_eq!(
        back.protocol_section.design_module.design_info,
        study.protocol_section.design_module.design_info
    );
}

#[test]
fn byte_order_mark_only_when_asked_and_the_file_still_reads() {
    let study = rich_study();
    let plain = to_csv(&[&study], CsvOptions::default());
    let marked = to_csv(
        &[&study],
        CsvOptions {
            byte_order_mark: true,
        },
    );
    assert!(plain.starts_with("NCT Number,"));
    assert_eq!(marked.strip_prefix('\u{FEFF}'), Some(plain.as_str()));
    assert!(marked.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    let back = parse("marked.csv", &marked);
    assert_eq!(back.records.len(), 1, "{:?}", back.diagnostics);
    assert_eq!(back.records[0].nct_id(), Some("NCT09990801"));
}

/// Whether `c` may come before a formula without stopping it: white space and what the
/// readers' normalization removes (zero-width space, byte-order mark, control characters …).
fn lead_in(c: char) -> bool {
    c.is_whitespace() || canonical(c.encode_utf8(&mut [0; 4])).is_empty()
}

/// Whether a spreadsheet would run `cell` as a formula (OWASP's starts, also after lead-ins).
fn spreadsheet_would_run(cell: &str) -> bool {
    cell.starts_with(['\t', '\r'])
        || cell
            .trim_start_matches(lead_in)
            .starts_with(['=', '+', '-', '@'])
}

/// Whether the writer must guard `value`: it would run, or it is apostrophes before what would.
fn formula_like(value: &str) -> bool {
    spreadsheet_would_run(value.trim_start_matches('\''))
}

#[test]
fn formula_cells_are_guarded_and_read_back_unchanged() {
    let titles = [
        "=HYPERLINK(\"http://example.invalid\",\"Click\")",
        "+1+1",
        "-2+3",
        "@SUM(A1:A2)",
        "\tTabbed",
        "'=already quoted",
        "A plain title",
        // A formula after spaces, invisible characters or line breaks.
        " =1+1",
        "\u{A0}=1+1",
        "\u{FEFF}+1",
        "\u{200B}-1",
        "\n@SUM(A1)",
        "\r=1",
        "\r\n =1",
        "\t=1",
        "' \u{200B}=1",
    ];
    let guarded_titles = titles.iter().filter(|t| formula_like(t)).count();
    assert_eq!(guarded_titles, titles.len() - 1, "all but the plain title");
    let studies: Vec<Study> = titles.iter().map(|t| bare_study(t)).collect();
    let mut study = bare_study("Sponsor and conditions");
    study
        .protocol_section
        .sponsor_collaborators_module
        .lead_sponsor = Some(trialcards_core::model::Sponsor {
        name: Some("=cmd|' /C calc'!A0".to_string()),
        class: None,
    });
    study.protocol_section.conditions_module.conditions = vec!["-Dash".into(), "=Second".into()];
    let mut all: Vec<&Study> = studies.iter().collect();
    all.push(&study);
    let csv = to_csv(&all, CsvOptions::default());
    let written = rows(&csv);
    for (row, title) in written.iter().zip(titles) {
        let cell = &row["Study Title"];
        assert!(!spreadsheet_would_run(cell), "{cell:?}");
        if formula_like(title) {
            assert_eq!(*cell, format!("'{title}"));
        } else {
            assert_eq!(cell, title);
        }
    }
    let last = titles.len();
    assert_eq!(written[last]["Sponsor"], "'=cmd|' /C calc'!A0");
    assert_eq!(written[last]["Conditions"], "'-Dash|=Second");
    let back = parse("guarded.csv", &csv);
    let read: Vec<Option<&str>> = back.records.iter().map(|s| s.brief_title()).collect();
    let mut expected: Vec<Option<&str>> = titles.iter().map(|t| Some(*t)).collect();
    expected.push(Some("Sponsor and conditions"));
    assert_eq!(read, expected);
    let last = &back.records[last].protocol_section;
    assert_eq!(
        last.sponsor_collaborators_module
            .lead_sponsor
            .as_ref()
            .and_then(|s| s.name.as_deref()),
        Some("=cmd|' /C calc'!A0")
    );
    assert_eq!(last.conditions_module.conditions, ["-Dash", "=Second"]);
}

/// A trial with 1,148 sites: its "Locations" cell is far over Excel's limit. The check names
/// the trial, the column and the length; the CSV keeps the cell whole.
#[test]
fn a_cell_too_long_for_excel_is_named_and_the_csv_keeps_it_whole() {
    let mut study = rich_study();
    study.protocol_section.contacts_locations_module.locations = (1..=1148)
        .map(|n| trialcards_core::model::Location {
            facility: Some(format!("Fictional Research Site {n}")),
            city: Some("Springfield".into()),
            state: Some("Oregon".into()),
            zip: Some("97477".into()),
            country: Some("United States".into()),
            ..Default::default()
        })
        .collect();
    let short = bare_study("Short");
    let records = [&study, &short];
    let cells = csv_rows(&records);
    let locations = &cells[0][CSV_COLUMNS.iter().position(|c| *c == "Locations").unwrap()];
    assert!(locations.len() > 80_000, "{}", locations.len());
    assert_eq!(
        cells_over_excel_limit(&cells),
        [LongCell {
            row: 1,
            trial: "NCT09990801".into(),
            column: "Locations",
            length: locations.len(),
        }]
    );
    let csv = to_csv(&records, CsvOptions::default());
    assert_eq!(csv, rows_to_csv(&cells, CsvOptions::default()));
    assert_eq!(&rows(&csv)[0]["Locations"], locations);
    let back = parse("long.csv", &csv);
    assert_eq!(back.records.len(), 2);
}

#[test]
fn csv_keeps_unicode_and_a_record_without_nct_id() {
    let study = bare_study("Étude fictive – µ-dosed “cells” 治験 🧪");
    let csv = to_csv(&[&study], CsvOptions::default());
    let row = &rows(&csv)[0];
    assert_eq!(row["NCT Number"], "");
    assert_eq!(row["Study URL"], "");
    let back = parse("unicode.csv", &csv);
    assert_eq!(back.records[0].brief_title(), study.brief_title());
    assert_eq!(back.records[0].nct_id(), None);
}

/// Every line of an RIS text, each checked to end in CRLF.
fn ris_lines(ris: &str) -> Vec<&str> {
    assert!(ris.ends_with("\r\n"), "{ris:?}");
    let lines: Vec<&str> = ris.split_terminator("\r\n").collect();
    for line in &lines {
        assert!(
            !line.contains(['\r', '\n']),
            "a bare line break in {line:?}"
        );
    }
    lines
}

/// Whether `line` is `TAG  - value` with a tag of a capital letter and a capital or digit.
fn is_tag_line(line: &str) -> bool {
    let b = line.as_bytes();
    b.len() >= 6
        && b[0].is_ascii_uppercase()
        && (b[1].is_ascii_uppercase() || b[1].is_ascii_digit())
        && &b[2..6] == b"  - "
}

#[test]
fn ris_maps_a_trial_to_tags_in_order() {
    let study = rich_study();
    let ris = to_ris(&[&study]);
    let lines = ris_lines(&ris);
    assert_eq!(
        lines,
        [
            "TY  - DBASE",
            "TI  - Fictional Cells, \"Quoted\" Saline and a Line Break",
            "ST  - FIC-CELLS",
            "AU  - Fictional Pharma Co. Ltd.,",
            "A4  - Fictional University,",
            "A4  - Fictional Network,",
            "PY  - 2031",
            "DA  - 2031/01/20/",
            "DB  - ClinicalTrials.gov",
            "AN  - NCT09990801",
            "UR  - https://clinicaltrials.gov/study/NCT09990801",
            "AB  - A made-up summary: * BMI <30 * age 18+",
            "KW  - Knee Pain",
            "KW  - Graft Failure, Late",
            "KW  - cells",
            "N1  - Status: RECRUITING; Study type: INTERVENTIONAL; Phases: PHASE1, PHASE2; \
             Enrollment: 40 (ESTIMATED); Collaborators: Fictional University, Fictional Network; \
             Other IDs: FIC-801, 2031-000801-11, ISRCTN09990801; \
             Official title: A Made-up Randomised Trial of Fictional Cells",
            "ER  - ",
        ]
    );
}

#[test]
fn ris_gives_one_entry_per_trial_even_without_nct_id() {
    let rich = rich_study();
    let bare = bare_study("Étude fictive – µ-dosed “cells” 治験");
    let mut started = bare_study("Started only");
    started.protocol_section.status_module.start_date_struct = Some(
        trialcards_core::model::DateStruct::new("2030-05".to_string()),
    );
    let ris = to_ris(&[&rich, &bare, &started]);
    let lines = ris_lines(&ris);
    assert!(lines.iter().all(|l| is_tag_line(l)), "{lines:#?}");
    let entries: Vec<&[&str]> = lines.split_inclusive(|l| *l == "ER  - ").collect();
    assert_eq!(entries.len(), 3);
    for entry in &entries {
        assert_eq!(entry.first(), Some(&"TY  - DBASE"));
        assert_eq!(entry.last(), Some(&"ER  - "));
        assert_eq!(entry.iter().filter(|l| l.starts_with("TY  - ")).count(), 1);
    }
    assert_eq!(
        entries[1],
        [
            "TY  - DBASE",
            "TI  - Étude fictive – µ-dosed “cells” 治験",
            "ER  - "
        ]
    );
    assert!(!ris.contains("AN  - \r\n") && !ris.contains("UR  - \r\n"));
    // Without a first-posted date the year comes from the start date, and no DA is written.
    assert_eq!(
        entries[2],
        ["TY  - DBASE", "TI  - Started only", "PY  - 2030", "ER  - "]
    );
}

#[test]
fn ris_values_cannot_start_new_tags() {
    let study = bare_study("Title\r\nER  - \r\nTY  - JOUR\nAU  - Someone");
    let ris = to_ris(&[&study]);
    let lines = ris_lines(&ris);
    assert_eq!(
        lines,
        [
            "TY  - DBASE",
            "TI  - Title ER - TY - JOUR AU - Someone",
            "ER  - "
        ]
    );
    assert_eq!(to_ris(&[]), "");
}

#[test]
fn json_is_serdes_pretty_array_and_json_lines_one_record_a_line() {
    let (rich, bare) = (rich_study(), bare_study("Bare"));
    let records = [&rich, &bare];
    assert_eq!(
        to_json(&records),
        serde_json::to_string_pretty(&[rich.clone(), bare.clone()]).expect("serializes")
    );
    let lines = to_json_lines(&records);
    assert!(lines.ends_with('\n'));
    let parsed: Vec<Study> = lines
        .lines()
        .map(|l| serde_json::from_str(l).expect("one record per line"))
        .collect();
    assert_eq!(parsed, [rich, bare]);
    assert_eq!(to_json(&[]), "[]");
    assert_eq!(to_json_lines(&[]), "");
}

/// A value as a record holds it after any reader: invisible characters gone, line breaks `\n`,
/// no white space at either end.
fn canonical(value: &str) -> String {
    use trialcards_core::input::normalize::{line_breaks, normalize};
    line_breaks(&normalize(value)).trim().to_string()
}

use proptest::prop_oneof;

proptest::proptest! {
    /// Whatever the text (quotes, commas, line breaks, formula characters, any script), a
    /// record's single values and its list items (but a `|`, which splits lists) read back from
    /// our CSV unchanged.
    #[test]
    fn any_text_reads_back_from_csv(
        title in proptest::prelude::any::<String>(),
        sponsor in "[=+@\\-\t\r\"',|\n -~é治\u{A0}\u{FEFF}\u{200B}]{0,12}",
        conditions in proptest::collection::vec(proptest::prelude::any::<String>(), 0..4),
    ) {
        let title = canonical(&title);
        let sponsor = canonical(&sponsor);
        let conditions: Vec<String> = conditions
            .iter()
            .map(|c| canonical(&c.replace('|', "")))
            .filter(|c| !c.is_empty())
            .collect();
        let mut study = bare_study(&title);
        let p = &mut study.protocol_section;
        p.sponsor_collaborators_module.lead_sponsor = Some(trialcards_core::model::Sponsor {
            name: Some(sponsor.clone()),
            class: None,
        });
        p.conditions_module.conditions = conditions.clone();
        let csv = to_csv(&[&study], CsvOptions::default());
        let back = parse("any.csv", &csv);
        proptest::prop_assert_eq!(back.records.len(), 1);
        let read = &back.records[0];
        let some = |v: &str| (!v.is_empty()).then(|| v.to_string());
        proptest::prop_assert_eq!(read.brief_title().map(String::from), some(&title));
        proptest::prop_assert_eq!(
            read.protocol_section
                .sponsor_collaborators_module
                .lead_sponsor
                .as_ref()
                .and_then(|s| s.name.clone()),
            some(&sponsor)
        );
        proptest::prop_assert_eq!(&read.protocol_section.conditions_module.conditions, &conditions);
    }

    /// Any string at all, written as a single value and read back: a value a spreadsheet could
    /// run (a formula start, also after spaces, no-break spaces, U+FEFF, U+200B or line breaks)
    /// is guarded and comes back exactly, character for character; any other value comes back
    /// as the reader cleans every cell — which leaves a value any reader gives unchanged (see
    /// `any_text_reads_back_from_csv`). Never a stray apostrophe, never a half-cleaned value,
    /// and no cell a spreadsheet would run.
    #[test]
    fn any_value_reads_back_exactly_when_guarded_and_cleaned_otherwise(
        title in prop_oneof![
            proptest::prelude::any::<String>(),
            "[' \u{A0}\u{FEFF}\u{200B}\u{3000}\n\r\t\0]{0,4}[=+@\\-]?[ -~é治\u{A0}\u{200B}\r\n\t]{0,8}",
        ],
        acronym in "[' \u{A0}\u{FEFF}\u{200B}\n\r\t]{0,3}[=+@\\-x]?[ a-z\r\n\u{A0}]{0,4}",
    ) {
        let mut study = bare_study(&title);
        study.protocol_section.identification_module.acronym = Some(acronym.clone());
        let csv = to_csv(&[&study], CsvOptions::default());
        let row = &rows(&csv)[0];
        proptest::prop_assert!(!spreadsheet_would_run(&row["Study Title"]), "{:?}", row);
        proptest::prop_assert!(!spreadsheet_would_run(&row["Acronym"]), "{:?}", row);
        let back = parse("any.csv", &csv);
        proptest::prop_assert_eq!(back.records.len(), 1);
        let read = &back.records[0].protocol_section.identification_module;
        let expected = |v: &str| {
            let value = if formula_like(v) { v.to_string() } else { canonical(v) };
            (!value.is_empty()).then_some(value)
        };
        proptest::prop_assert_eq!(read.brief_title.clone(), expected(&title));
        proptest::prop_assert_eq!(read.acronym.clone(), expected(&acronym));
    }

    /// Whatever the text, RIS stays one entry of tag lines, `TY` first and `ER` last.
    #[test]
    fn any_text_gives_one_well_formed_ris_entry(
        title in proptest::prelude::any::<String>(),
        summary in proptest::prelude::any::<String>(),
        conditions in proptest::collection::vec(proptest::prelude::any::<String>(), 0..4),
    ) {
        let mut study = bare_study(&title);
        study.protocol_section.description_module.brief_summary = Some(summary);
        study.protocol_section.conditions_module.conditions = conditions;
        let ris = to_ris(&[&study]);
        let lines = ris_lines(&ris);
        proptest::prop_assert_eq!(lines.first(), Some(&"TY  - DBASE"));
        proptest::prop_assert_eq!(lines.last(), Some(&"ER  - "));
        proptest::prop_assert_eq!(lines.iter().filter(|l| l.starts_with("ER  - ")).count(), 1);
        for line in &lines {
            proptest::prop_assert!(is_tag_line(line), "{:?}", line);
        }
    }
}
