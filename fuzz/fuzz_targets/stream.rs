//! Structured input read piece by piece (`trialcards_core::stream`), whatever the bytes: opening,
//! every chunk and the end notes never panic, and every chunk's output serializes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trialcards_core::stream::{open, Opened};

fuzz_target!(|bytes: &[u8]| {
    let Ok(Opened::Stream(mut stream)) = open("fuzz.jsonl", bytes) else {
        return;
    };
    let mut records = 0;
    for chunk in &mut stream {
        let output = chunk.expect("reading memory never fails").parse();
        records += output.records.len();
        serde_json::to_string(&output).expect("every output serializes");
    }
    let _ = stream.end_notes(records);
});
