//! One reader driven directly, whatever the input looks like: ClinicalTrials.gov's CSV download.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trialcards_core::formats::Format;

fuzz_target!(|text: &str| {
    let output = trialcards_core::parse_as("fuzz.txt", text, Format::CtgovCsv);
    serde_json::to_string(&output).expect("every output serializes");
});
