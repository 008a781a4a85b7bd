//! One reader driven directly, whatever the input looks like: ClinicalTrials.gov API v2 JSON (study, search page, array, JSON Lines).
#![no_main]

use libfuzzer_sys::fuzz_target;
use trialcards_core::formats::Format;

fuzz_target!(|text: &str| {
    let output = trialcards_core::parse_as("fuzz.txt", text, Format::CtgovJson);
    serde_json::to_string(&output).expect("every output serializes");
});
