//! What is kept in the browser: a source's entry written and read back in slices (the
//! format is the core's `collection::kept`, tested there), and the real IndexedDB database.

use std::rc::Rc;

use trialcards_core::collection::kept;
use trialcards_core::parse;
use trialcards_web::slicer::Slicer;
use trialcards_web::state::Source;
use trialcards_web::storage::{decode_entry, encode_entry, Database, PART_BYTES};
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

/// The app's database, opened and emptied.
async fn emptied_database() -> Database {
    let db = Database::open()
        .await
        .expect("IndexedDB in headless Chromium");
    db.clear().await.unwrap();
    db
}

#[wasm_bindgen_test]
async fn an_entry_written_in_slices_reads_back_as_it_was_written() {
    // The format itself is the core's (`collection::kept`, tested there).
    let source = two_pages();
    let bytes = encode_entry(&source, &mut Slicer::new()).await.concat();
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
    let db = emptied_database().await;
    let source = two_pages();
    let entry = encode_entry(&source, &mut Slicer::new()).await;
    db.save(3, &entry, Some(&source.text), true, &mut Slicer::new())
        .await
        .unwrap();

    let found = db.load().await.unwrap();
    assert_eq!(found.len(), 1);
    let restored = found[0].read(&mut Slicer::new()).await.unwrap();
    assert_eq!(restored.id, 3);
    assert_eq!(&*restored.text, &*source.text);
    assert_eq!(restored.entry.records, source.records);

    // A first write under a taken key (another tab's source) fails and changes nothing.
    let error = db
        .save(
            3,
            &[b"{}".to_vec()],
            Some("other"),
            true,
            &mut Slicer::new(),
        )
        .await
        .unwrap_err();
    assert_eq!(
        error,
        "another tab of trialcards saved a source under the same number meanwhile"
    );
    // Rewriting the records keeps the text.
    let mut one = source.clone();
    one.records.remove(0);
    let entry = encode_entry(&one, &mut Slicer::new()).await;
    db.save(3, &entry, None, false, &mut Slicer::new())
        .await
        .unwrap();
    let restored = db.load().await.unwrap()[0]
        .read(&mut Slicer::new())
        .await
        .unwrap();
    assert_eq!(restored.entry.records, one.records);
    assert_eq!(&*restored.text, &*source.text);

    db.delete(&3.into()).await.unwrap();
    assert!(db.load().await.unwrap().is_empty());
}

/// Waits for an IndexedDB request or transaction: `set` hooks the two callbacks.
async fn settled(set: impl FnOnce(&js_sys::Function, &js_sys::Function)) {
    let mut set = Some(set);
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        (set.take().unwrap())(&resolve, &reject);
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("IndexedDB answered");
}

#[wasm_bindgen_test]
async fn a_text_of_many_parts_and_an_entry_as_earlier_versions_kept_it_read_back() {
    use js_sys::{Array, Uint8Array};
    use wasm_bindgen::JsCast;
    use web_sys::{IdbDatabase, IdbTransactionMode};

    let db = emptied_database().await;
    // An entry of more than one part; a text of three Blob parts, a character of two bytes
    // across the first boundary.
    let mut long = "x".repeat(PART_BYTES - 1);
    long.push('é');
    long.push_str(&"y".repeat(PART_BYTES + 7));
    let mut source = two_pages();
    source.text = Rc::from(format!("{}{long}", source.text));
    let one_part = source.records.clone();
    source.records = one_part.iter().cycle().take(1500).cloned().collect();
    let entry = encode_entry(&source, &mut Slicer::new()).await;
    assert!(entry.len() > 1, "{} parts", entry.len());
    db.save(3, &entry, Some(&source.text), true, &mut Slicer::new())
        .await
        .unwrap();

    // Earlier versions stored every value as a Uint8Array, as this writes one under key 5.
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let open = factory.open("trialcards").unwrap();
    settled(|ok, err| {
        open.set_onsuccess(Some(ok));
        open.set_onerror(Some(err));
    })
    .await;
    let raw: IdbDatabase = open.result().unwrap().unchecked_into();
    let stores = Array::of2(&"sources".into(), &"texts".into());
    let tx = raw
        .transaction_with_str_sequence_and_mode(&stores, IdbTransactionMode::Readwrite)
        .unwrap();
    let put = |store: &str, bytes: &[u8]| {
        tx.object_store(store)
            .unwrap()
            .put_with_key(&Uint8Array::from(bytes), &5.into())
            .unwrap();
    };
    put("sources", &entry.concat());
    put("texts", b"an earlier text");
    settled(|ok, err| {
        tx.set_oncomplete(Some(ok));
        tx.set_onabort(Some(err));
    })
    .await;
    raw.close();

    let found = db.load().await.unwrap();
    assert_eq!(found.len(), 2);
    let new = found[0].read(&mut Slicer::new()).await.unwrap();
    assert_eq!(new.id, 3);
    assert_eq!(new.text.len(), source.text.len());
    assert_eq!(&*new.text, &*source.text);
    assert_eq!(new.entry.records, source.records);
    let earlier = found[1].read(&mut Slicer::new()).await.unwrap();
    assert_eq!(earlier.id, 5);
    assert_eq!(&*earlier.text, "an earlier text");
    assert_eq!(earlier.entry.records, source.records);
    db.clear().await.unwrap();
}

#[wasm_bindgen_test]
async fn sources_written_together_are_kept_all_or_none() {
    use trialcards_web::storage::Save;

    let db = emptied_database().await;
    let source = two_pages();
    let entry = encode_entry(&source, &mut Slicer::new()).await;
    let save = |id, first| Save {
        id,
        entry: &entry,
        text: Some(&source.text),
        first,
    };
    db.save_all(&[save(1, true), save(2, true)], &mut Slicer::new())
        .await
        .unwrap();
    // A first write under a taken key (2) fails the whole transaction: 3 is not kept either.
    let error = db
        .save_all(&[save(3, true), save(2, true)], &mut Slicer::new())
        .await
        .unwrap_err();
    assert_eq!(
        error,
        "another tab of trialcards saved a source under the same number meanwhile"
    );
    let found = db.load().await.unwrap();
    let ids: Vec<u32> = found.iter().filter_map(|f| f.id()).collect();
    assert_eq!(ids, [1, 2]);
    for found in &found {
        let restored = found.read(&mut Slicer::new()).await.unwrap();
        assert_eq!(restored.entry.records, source.records);
        assert_eq!(&*restored.text, &*source.text);
    }
    db.clear().await.unwrap();
}
