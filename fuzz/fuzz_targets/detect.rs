//! Format sniffing, line scanning and page detection on any text: every page span
//! lies inside the input, in order, without overlap.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = trialcards_core::formats::sniff(text);
    let lines = trialcards_core::testing::scan(text);
    let spans = trialcards_core::testing::detect_pages(&lines);
    let mut end = 0;
    for span in &spans {
        assert!(span.start >= end && span.start <= span.end && span.end <= lines.len());
        end = span.end;
    }
});
