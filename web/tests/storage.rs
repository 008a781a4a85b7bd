//! What is kept in the browser: a source's entry written and read back (round trip, other
//! formats and broken entries refused with a reason), and the real IndexedDB database.

use std::rc::Rc;

use trialcards_core::parse;
use trialcards_web::state::Source;
use trialcards_web::storage::{decode_entry, encode_entry, Database, Slicer, FORMAT};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const VEEVA: &str = include_str!("../../tests/fixtures/veeva_fictional_knee_msc.txt");

/// A source of two records and a note, as the reducer holds it after parsing.
fn two_pages() -> Source {
    let text = format!("{VEEVA}\n{}", VEEVA.replace("NCT09990001", "NCT09990009"));
    let output = parse("two.txt", &text);
    assert_eq!(output.records.len(), 2);
    Source {
        id: 3,
        name: "two.txt".into(),
        text: Rc::from(text),
        pending: false,
        records: output.records,
        problems: output.diagnostics,
    }
}

async fn decode(bytes: &[u8]) -> Result<trialcards_web::storage::Entry, (Option<String>, String)> {
    decode_entry(bytes, &mut Slicer::new())
        .await
        .map_err(|e| (e.name, e.reason))
}

#[wasm_bindgen_test]
async fn an_entry_reads_back_as_it_was_written() {
    let source = two_pages();
    let bytes = encode_entry(&source, &mut Slicer::new()).await;
    let header = bytes.split(|&b| b == b'\n').next().unwrap();
    let header: serde_json::Value = serde_json::from_slice(header).unwrap();
    assert_eq!(
        header["format"], FORMAT,
        "the entry carries its format version"
    );
    assert_eq!(header["records"], 2);
    assert_eq!(
        bytes.split(|&b| b == b'\n').count(),
        3,
        "a header line and one line a record"
    );

    let entry = decode(&bytes).await.unwrap();
    assert_eq!(entry.name, source.name);
    assert_eq!(entry.problems, source.problems);
    assert_eq!(entry.records, source.records);
}

#[wasm_bindgen_test]
async fn another_format_version_is_refused_naming_the_source() {
    let bytes = encode_entry(&two_pages(), &mut Slicer::new()).await;
    let newer = String::from_utf8(bytes)
        .unwrap()
        .replacen("\"format\":1", "\"format\":2", 1);
    let (name, reason) = decode(newer.as_bytes()).await.unwrap_err();
    assert_eq!(name.as_deref(), Some("two.txt"));
    assert_eq!(
        reason,
        "it was saved in format 2, and this version of trialcards reads format 1"
    );
    let (_, reason) = decode(br#"{"format":"one","name":"x"}"#).await.unwrap_err();
    assert!(
        reason.starts_with("it was saved in format \"one\""),
        "{reason}"
    );
}

#[wasm_bindgen_test]
async fn broken_entries_say_what_is_wrong() {
    let (name, reason) = decode(b"\0{not json").await.unwrap_err();
    assert_eq!(name, None);
    assert_eq!(
        reason,
        "it is not what trialcards saves (expected value at line 1 column 1)"
    );

    let wrong_types = br#"{"format":1,"name":"w.txt","problems":{},"records":0}"#;
    let (name, reason) = decode(wrong_types).await.unwrap_err();
    assert_eq!(name.as_deref(), Some("w.txt"));
    assert!(
        reason.contains("invalid type: map, expected a sequence"),
        "{reason}"
    );

    let bad_record = b"{\"format\":1,\"name\":\"r.txt\",\"problems\":[],\"records\":1}\n[1,2]";
    let (name, reason) = decode(bad_record).await.unwrap_err();
    assert_eq!(name.as_deref(), Some("r.txt"));
    assert!(
        reason.starts_with("its record 1 is not what trialcards saves (invalid type: integer"),
        "{reason}"
    );

    // Cut short: a record missing is not a smaller collection.
    let bytes = encode_entry(&two_pages(), &mut Slicer::new()).await;
    let cut = bytes.rsplitn(2, |&b| b == b'\n').nth(1).unwrap();
    let (_, reason) = decode(cut).await.unwrap_err();
    assert_eq!(reason, "it holds 1 of the 2 records it was saved with");
}

#[wasm_bindgen_test]
async fn the_database_keeps_an_entry_and_its_text_apart_and_refuses_a_second_first_write() {
    let db = Database::open()
        .await
        .expect("IndexedDB in headless Chromium");
    db.clear().await.unwrap();
    let source = two_pages();
    let entry = encode_entry(&source, &mut Slicer::new()).await;
    db.save(3, &entry, Some(&source.text), true).await.unwrap();

    let found = db.load().await.unwrap();
    assert_eq!(found.len(), 1);
    let restored = found[0].read(&mut Slicer::new()).await.unwrap();
    assert_eq!(restored.id, 3);
    assert_eq!(&*restored.text, &*source.text);
    assert_eq!(restored.entry.records, source.records);

    // A first write under a taken key (another tab's source) fails and changes nothing.
    let error = db.save(3, b"{}", Some("other"), true).await.unwrap_err();
    assert_eq!(
        error,
        "another tab of trialcards saved a source under the same number meanwhile"
    );
    // Rewriting the records keeps the text.
    let mut one = source.clone();
    one.records.remove(0);
    let entry = encode_entry(&one, &mut Slicer::new()).await;
    db.save(3, &entry, None, false).await.unwrap();
    let restored = db.load().await.unwrap()[0]
        .read(&mut Slicer::new())
        .await
        .unwrap();
    assert_eq!(restored.entry.records, one.records);
    assert_eq!(&*restored.text, &*source.text);

    db.delete(&3.into()).await.unwrap();
    assert!(db.load().await.unwrap().is_empty());
}
