//! What the parse worker reads of the structured worker's messages to pass them on
//! (`trialcards_web::hand_on::says`): every message the worker side can post is told apart
//! without reading its records.

use trialcards_core::{Diagnostic, Severity, Study};
use trialcards_web::hand_on::{says, Says};
use trialcards_web::worker::{FromWorker, ParseChunk};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn encoded(message: &FromWorker) -> Vec<u8> {
    serde_json::to_vec(message).unwrap()
}

#[wasm_bindgen_test]
fn every_message_of_the_structured_worker_is_told_apart() {
    let mut study = Study::default();
    study.protocol_section.identification_module.nct_id = Some("NCT09999999".into());
    let error = Diagnostic {
        severity: Severity::Error,
        line: Some(3),
        message: "study.json: \"Chunk\" and {\"Done\": [] } are text here".into(),
    };
    let cases = [
        (FromWorker::Ready, Says::Ready),
        (
            FromWorker::Chunk(7, ParseChunk::Records(vec![study.clone(), study])),
            Says::Step,
        ),
        (
            FromWorker::Chunk(7, ParseChunk::Records(Vec::new())),
            Says::Step,
        ),
        (
            FromWorker::Chunk(7, ParseChunk::Text("a page".into())),
            Says::Step,
        ),
        (
            FromWorker::Chunk(7, ParseChunk::Done(vec![error])),
            Says::End,
        ),
        (
            FromWorker::Chunk(7, ParseChunk::Done(Vec::new())),
            Says::End,
        ),
        (
            FromWorker::Chunk(u32::MAX, ParseChunk::Shown("text".into())),
            Says::End,
        ),
        (
            FromWorker::Chunk(7, ParseChunk::Unreadable("why".into())),
            Says::End,
        ),
        (FromWorker::Chunk(7, ParseChunk::OnPage), Says::End),
    ];
    for (message, want) in cases {
        assert_eq!(says(&encoded(&message)), Some(want), "{message:?}");
    }
    assert_eq!(says(b"not json"), None);
    assert_eq!(says(br#"{"Chunk":[1,{"Other":1}]}"#), None);
}
