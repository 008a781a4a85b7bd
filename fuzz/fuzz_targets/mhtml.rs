//! One reader driven directly, whatever the input looks like: single-file saved pages (MIME parts, quoted-printable, base64, charsets).
#![no_main]

use libfuzzer_sys::fuzz_target;
use trialcards_core::formats::Format;

fuzz_target!(|text: &str| {
    let output = trialcards_core::parse_as("fuzz.txt", text, Format::Mhtml);
    serde_json::to_string(&output).expect("every output serializes");
});
