//! Shared helpers for the integration tests: where the corpus lives, reading a corpus file, the
//! corpus's pages, and the list of our own fixture inputs.

#![allow(dead_code)]

use std::path::PathBuf;

use trialcards_core::{parse, Study};

/// `/work/shared/corpus` seen from the workspace: `<crate>/../../../shared/corpus`.
pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

/// The text of a corpus file, or `None` (after printing `SKIPPED: …` to stderr) when the corpus
/// is absent.
pub fn corpus_file(relative: &str) -> Option<String> {
    let path = corpus_dir().join(relative);
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(_) => {
            eprintln!(
                "SKIPPED: {} is absent (../shared is not here), so this test checks nothing",
                path.display()
            );
            None
        }
    }
}

/// Every page file (`*.txt`) under the corpus, sorted, or `None` (after printing `SKIPPED: …` to
/// stderr) when the corpus is absent.
pub fn corpus_pages() -> Option<Vec<PathBuf>> {
    fn walk(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "txt") {
                out.push(p);
            }
        }
    }
    let dir = corpus_dir();
    if !dir.is_dir() {
        eprintln!(
            "SKIPPED: {} is absent (../shared is not here): no corpus page is checked",
            dir.display()
        );
        return None;
    }
    let mut out = Vec::new();
    walk(&dir, &mut out);
    out.sort();
    Some(out)
}

/// Every input we wrote that the parser reads: [`fixture_inputs`], the saved web pages under
/// `tests/fixtures/saved_pages/`, and the files the CLI and browser tests use (the workspace's
/// `tests/fixtures/`: pages and CT.gov JSON, XML and CSV), sorted within each group.
pub fn every_fixture_input() -> Vec<PathBuf> {
    let mut out = fixture_inputs();
    let listed = |dir: PathBuf, keep: &dyn Fn(&std::path::Path) -> bool| {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|d| d.flatten().map(|e| e.path()).filter(|p| keep(p)).collect())
            .unwrap_or_default();
        files.sort();
        files
    };
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    out.extend(listed(crate_dir.join("tests/fixtures/saved_pages"), &|p| {
        p.is_file()
    }));
    out.extend(listed(crate_dir.join("../../tests/fixtures"), &|p| {
        let ext = p.extension().and_then(|x| x.to_str()).unwrap_or_default();
        matches!(ext, "txt" | "json" | "jsonl" | "xml" | "csv")
    }));
    out
}

/// How the expected output of a fixture is named: `<input file name>.expected.json`, beside it.
pub const EXPECTED_SUFFIX: &str = ".expected.json";

/// The folder of our own fixtures, `crates/core/tests/fixtures/`.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every file directly under `tests/fixtures/` (not its sub-folders), sorted.
pub fn fixture_files() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    out.retain(|p| p.is_file());
    out.sort();
    out
}

/// Whether `path` is an expected output (`*.expected.json`) rather than an input.
pub fn is_expected_output(path: &std::path::Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(EXPECTED_SUFFIX))
}

/// Our own fixture inputs under `tests/fixtures/`, sorted: every file there but the expected
/// outputs (page texts `*.txt`, and CT.gov's `*.json`, `*.jsonl`, `*.xml`, `*.csv`).
pub fn fixture_inputs() -> Vec<PathBuf> {
    let mut out = fixture_files();
    out.retain(|p| !is_expected_output(p));
    out
}

/// Where the expected output of the fixture `input` is kept: `<input file name>.expected.json`.
pub fn expected_path(input: &std::path::Path) -> PathBuf {
    let mut name = input.file_name().unwrap_or_default().to_os_string();
    name.push(EXPECTED_SUFFIX);
    input.with_file_name(name)
}

/// The text of one of our fixtures under `tests/fixtures/`.
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join(name)).expect("fixture readable")
}

/// The one record `text` gives (the test fails, showing the diagnostics, if it gives another count).
pub fn one(name: &str, text: &str) -> Study {
    let out = parse(name, text);
    assert_eq!(out.records.len(), 1, "{:?}", out.diagnostics);
    out.records[0].clone()
}
