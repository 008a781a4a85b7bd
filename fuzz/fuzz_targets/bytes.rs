//! The whole pipeline as the CLI and the web app run it: raw bytes are checked
//! (size, signatures, control bytes), decoded, sniffed and parsed.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let output = trialcards_core::parse_bytes("fuzz.bin", data);
    serde_json::to_string(&output).expect("every output serializes");
});
