//! The fixture files the CLI's tests read (each test binary uses some of them).
#![allow(dead_code)]

pub const VEEVA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/veeva_fictional_knee_msc.txt"
);
pub const CTGOV_CSV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../core/tests/fixtures/ctgov_csv_three_rows.csv"
);
pub const RESULTS_JSON: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/results_study.json"
);
pub const RESULTS_XML: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/results_study.xml"
);
pub const NOT_A_PAGE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/not_a_registry_page.txt"
);
pub const GRAFT_STUDY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../core/tests/fixtures/ctgov_json_study_graft_failure.json"
);
