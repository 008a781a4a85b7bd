//! What is kept in the browser: a source's entry written and read back in slices (the
//! format is the core's `collection::kept`, tested there), and the real IndexedDB database.

use std::rc::Rc;

use trialcards_core::collection::kept;
use trialcards_core::parse;
use trialcards_web::slicer::Slicer;
use trialcards_web::state::Source;
use trialcards_web::storage::{decode_entry, encode_entry, Database};
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

#[wasm_bindgen_test]
async fn an_entry_written_in_slices_reads_back_as_it_was_written() {
    // The format itself is the core's (`collection::kept`, tested there).
    let source = two_pages();
    let bytes = encode_entry(&source, &mut Slicer::new()).await;
    assert_eq!(
        bytes,
        kept::encode(&source.name, &source.problems, &source.records)
    );
    let entry = decode_entry(&bytes, &mut Slicer::new()).await.unwrap();
    assert_eq!(entry.name, source.name);
    assert_eq!(entry.problems, source.problems);
    assert_eq!(entry.records, source.records);
    let cut = bytes.rsplitn(2, |&b| b == b'\n').nth(1).unwrap();
    let error = decode_entry(cut, &mut Slicer::new()).await.unwrap_err();
    assert_eq!(
        error.reason,
        "it holds 1 of the 2 records it was saved with"
    );
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
