//! Every fixture, page text and structured alike, read → written as JSON → read again gives an
//! equal record (only `trialcards.source`, which says where a record was read from, differs).

mod common;

use trialcards_core::{parse, Study};

/// The record with `trialcards.source` taken from `like`.
/// `study` (read back from `like`'s JSON) with `like`'s source: where each was read is all
/// that differs. One read back with provenance names `like`'s source as the text its lines
/// are of.
fn with_source_of(mut study: Study, like: &Study) -> Study {
    if !like.trialcards.provenance.is_empty() {
        assert_eq!(
            study.trialcards.provenance_source.take().as_ref(),
            Some(&like.trialcards.source)
        );
    }
    study.trialcards.source = like.trialcards.source.clone();
    study
}

#[test]
fn every_fixture_survives_a_json_round_trip() {
    let mut inputs = common::fixture_inputs();
    assert!(inputs.len() >= 14, "fixtures missing");
    // The pages the CLI and browser tests use, too.
    let shared = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    if let Ok(dir) = std::fs::read_dir(shared) {
        inputs.extend(
            dir.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt")),
        );
    }
    let mut records = 0;
    for path in inputs {
        // As files are read: bytes, decoded (our UTF-16 and windows-1252 fixtures included).
        let bytes = std::fs::read(&path).expect("fixture readable");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("x");
        for study in trialcards_core::parse_bytes(name, &bytes).records {
            let json = serde_json::to_string(&study).expect("serializes");
            let again = parse("again.json", &json);
            assert_eq!(again.records.len(), 1, "{name}: {:?}", again.diagnostics);
            let back = with_source_of(again.records[0].clone(), &study);
            assert_eq!(back, study, "{name}: the record changed on a round trip");
            assert_eq!(again.records[0].trialcards.source.layout, "ctgov-json");
            // Pretty JSON, and the CLI's array of records, read the same.
            let pretty = serde_json::to_string_pretty(&vec![&study]).expect("serializes");
            let again = parse("again.txt", &pretty);
            assert_eq!(
                again
                    .records
                    .first()
                    .map(|s| with_source_of(s.clone(), &study)),
                Some(study.clone()),
                "{name}: pretty array"
            );
            records += 1;
        }
    }
    assert!(records >= 16);
}
