//! Our own fictional inputs, one per layout variant, each compared with its checked-in expected
//! output (reviewed by hand). `UPDATE_EXPECT=1` rewrites them.
//!
//! Page texts are `*.txt` with the expected output beside them as `*.json`; CT.gov's structured
//! formats (`*.json`, `*.jsonl`, `*.xml`, `*.csv`) have theirs as `<file name>.expected.json`.

mod common;

use std::path::{Path, PathBuf};

fn fixtures() -> Vec<PathBuf> {
    common::fixture_inputs()
}

/// Where the expected output of the fixture `path` is kept.
fn expected_path(path: &Path) -> PathBuf {
    if path.extension().is_some_and(|x| x == "txt") {
        return path.with_extension("json");
    }
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".expected.json");
    path.with_file_name(name)
}

#[test]
fn every_fixture_matches_its_expected_json() {
    let list = fixtures();
    assert!(list.len() >= 10, "fixtures missing");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for path in list {
        let text = std::fs::read_to_string(&path).expect("fixture readable");
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("fixture");
        let got = serde_json::to_value(trialcards_core::parse(name, &text)).expect("serializes");
        let expected_path = expected_path(&path);
        if update {
            let pretty = serde_json::to_string_pretty(&got).expect("pretty") + "\n";
            std::fs::write(&expected_path, pretty).expect("write expected");
            continue;
        }
        let expected: serde_json::Value = std::fs::read_to_string(&expected_path)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(serde_json::Value::Null);
        if got != expected {
            failures.push(format!(
                "{name}:\n{}",
                serde_json::to_string_pretty(&got).unwrap_or_default()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_knee_fixture_used_by_the_cli_and_browser_tests() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/veeva_fictional_knee_msc.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("notice: {} is absent; test skipped", path.display());
        return;
    };
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
