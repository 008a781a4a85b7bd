//! Our own fictional inputs, one per layout variant, each compared with its checked-in expected
//! output (reviewed by hand) as a snapshot with expect-test: a mismatch prints the expected and
//! the actual JSON and their diff, and `UPDATE_EXPECT=1 cargo test -p trialcards-core --test
//! fixtures` rewrites the expected files (then review them with `git diff`).
//!
//! One naming rule: the expected output of `tests/fixtures/<input file name>` is
//! `tests/fixtures/<input file name>.expected.json` — page texts (`*.txt`) and CT.gov's
//! structured formats (`*.json`, `*.jsonl`, `*.xml`, `*.csv`) alike. Every input has one and
//! every expected file has its input (`every_input_and_expected_file_come_in_pairs`).

mod common;
#[path = "support/json_difference.rs"]
mod json_difference;

use std::path::{Path, PathBuf};

use common::{expected_path, fixture_files, fixture_inputs, is_expected_output, EXPECTED_SUFFIX};

/// What the fixture `path` parses to, as its expected file holds it: pretty JSON (keys in
/// alphabetical order, as a `serde_json::Value` keeps them) and a final line break.
fn snapshot(path: &Path) -> (String, serde_json::Value) {
    let text = std::fs::read_to_string(path).expect("fixture readable");
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("fixture");
    let value = serde_json::to_value(trialcards_core::parse(name, &text)).expect("serializes");
    let pretty = serde_json::to_string_pretty(&value).expect("pretty") + "\n";
    (pretty, value)
}

#[test]
fn every_fixture_matches_its_expected_json() {
    let inputs = fixture_inputs();
    assert!(inputs.len() >= 10, "fixtures missing");
    let mut failures = Vec::new();
    for path in &inputs {
        let (got, value) = snapshot(path);
        let expected = expect_test::expect_file![expected_path(path)];
        // expect-test prints the diff (or, with UPDATE_EXPECT=1, rewrites the file) and
        // panics; every fixture is checked before the test fails.
        if std::panic::catch_unwind(|| expected.assert_eq(&got)).is_err() {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let old = std::fs::read_to_string(expected_path(path)).ok();
            let why = match old.map(|t| serde_json::from_str::<serde_json::Value>(&t)) {
                None => "no expected file yet".to_string(),
                Some(Err(e)) => format!("the expected file is not JSON: {e}"),
                Some(Ok(old)) => match json_difference::difference(&old, &value, "") {
                    Some(at) => format!("first difference at {at}"),
                    None => "same JSON, other text (spacing or key order)".to_string(),
                },
            };
            failures.push(format!("{name}: {why}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) differ from their expected JSON (diffs above; rerun with \
         UPDATE_EXPECT=1 to accept the new output):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_input_and_expected_file_come_in_pairs() {
    let files = fixture_files();
    let (expected, inputs): (Vec<&PathBuf>, Vec<&PathBuf>) =
        files.iter().partition(|p| is_expected_output(p));
    let shown = |p: &Path| {
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        format!("tests/fixtures/{name}")
    };
    let mut problems = Vec::new();
    for input in &inputs {
        if !expected_path(input).is_file() {
            problems.push(format!(
                "{} has no expected output {} (UPDATE_EXPECT=1 writes it)",
                shown(input),
                shown(&expected_path(input))
            ));
        }
    }
    for out in &expected {
        let name = out.file_name().unwrap_or_default().to_string_lossy();
        let input = out.with_file_name(name.trim_end_matches(EXPECTED_SUFFIX));
        if !input.is_file() {
            problems.push(format!(
                "{} is the expected output of {}, which does not exist: rename or remove it",
                shown(out),
                shown(&input)
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "fixtures and expected outputs must pair up as X and X{EXPECTED_SUFFIX}:\n{}",
        problems.join("\n")
    );
    assert!(expected.len() >= 10, "expected outputs missing");
}

#[test]
fn the_knee_fixture_used_by_the_cli_and_browser_tests() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/veeva_fictional_knee_msc.txt");
    // The workspace's tests/fixtures/ is in the repository: never skipped.
    let text = std::fs::read_to_string(&path).expect("tests/fixtures/ is in the repository");
    let out = trialcards_core::parse("veeva_fictional_knee_msc.txt", &text);
    let s = &out.records[0];
    assert_eq!(s.nct_id(), Some("NCT09990001"));
    assert_eq!(
        s.brief_title(),
        Some(
            "Umbilical Cord Mesenchymal Stromal Cells for Knee Cartilage Loss in Adults (KNEE-MSC)"
        )
    );
    let p = &s.protocol_section;
    assert_eq!(p.arms_interventions_module.arm_groups.len(), 2);
    assert_eq!(s.trialcards.funder_types.len(), 2);
    assert!(p
        .sponsor_collaborators_module
        .lead_sponsor
        .as_ref()
        .is_some_and(|l| l.class.is_none()));
    assert!(s.trialcards.unrecognized.is_empty());
}

#[test]
fn a_text_without_a_page_names_the_input() {
    let out = trialcards_core::parse("groceries.txt", "milk\nbread\n");
    assert!(out.records.is_empty());
    assert_eq!(out.diagnostics.len(), 1);
    assert!(out.diagnostics[0].message.contains("groceries.txt"));
}
