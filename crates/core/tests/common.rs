//! Shared helpers for the integration tests: where the corpus lives, reading a corpus file, and
//! the list of our own fixture inputs.

#![allow(dead_code)]

use std::path::PathBuf;

use trialcards_core::{parse, Study};

/// `/work/shared/corpus` seen from the workspace: `<crate>/../../../shared/corpus`.
pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

/// The text of a corpus file, or `None` (after printing a notice) when the corpus is absent.
pub fn corpus_file(relative: &str) -> Option<String> {
    let path = corpus_dir().join(relative);
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(_) => {
            println!("notice: {} is absent; test skipped", path.display());
            None
        }
    }
}

/// Our own fixture inputs under `tests/fixtures/`, sorted: every page text (`*.txt`) and every
/// CT.gov structured file (`*.json`, `*.jsonl`, `*.xml`, `*.csv`), but not the expected outputs
/// (`*.expected.json`, and the `*.json` beside a `*.txt`).
pub fn fixture_inputs() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    out.retain(|p| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        match p.extension().and_then(|x| x.to_str()) {
            Some("txt" | "jsonl" | "xml" | "csv") => true,
            Some("json") => !name.ends_with(".expected.json") && !p.with_extension("txt").exists(),
            _ => false,
        }
    });
    out.sort();
    out
}

/// The text of one of our fixtures under `tests/fixtures/`.
pub fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(path).expect("fixture readable")
}

/// The one record `text` gives (the test fails, showing the diagnostics, if it gives another count).
pub fn one(name: &str, text: &str) -> Study {
    let out = parse(name, text);
    assert_eq!(out.records.len(), 1, "{:?}", out.diagnostics);
    out.records[0].clone()
}
