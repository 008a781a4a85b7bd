//! The fixture files the CLI's tests read (each test binary uses some of them).
#![allow(dead_code)]

/// The path of `$name` in the repository's `tests/fixtures/`.
macro_rules! repo_fixture {
    ($name:literal) => {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/", $name)
    };
}

/// The path of `$name` in the core's `tests/fixtures/`.
macro_rules! core_fixture {
    ($name:literal) => {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../core/tests/fixtures/",
            $name
        )
    };
}

pub const VEEVA: &str = repo_fixture!("veeva_fictional_knee_msc.txt");
pub const CTGOV_CSV: &str = core_fixture!("ctgov_csv_three_rows.csv");
pub const RESULTS_JSON: &str = repo_fixture!("results_study.json");
pub const RESULTS_XML: &str = repo_fixture!("results_study.xml");
pub const NOT_A_PAGE: &str = repo_fixture!("not_a_registry_page.txt");
pub const GRAFT_STUDY: &str = core_fixture!("ctgov_json_study_graft_failure.json");
