//! What this browser keeps of the collection, in IndexedDB, and how it is read back: the
//! IndexedDB calls (the bytes of an entry are the core's [`kept`] format).
//!
//! Database `trialcards`, schema version [`SCHEMA_VERSION`], two object stores keyed by the
//! source's id (a whole number, out-of-line key):
//! - `sources`: the source without its text, as [`kept`] writes it (a header line, then one
//!   record a line).
//! - `texts`: the text it was read from, as UTF-8 bytes. Kept apart so that removing a card
//!   rewrites the records but not a 25 MB text.
//!
//! Both are written in one transaction, so a source is kept whole or not at all. Bytes, not
//! JS values: serde_json reads them inside WebAssembly (as the worker's messages, see
//! `worker.rs`). Up to [`PART_BYTES`] they are stored as a `Uint8Array`; more, as a Blob
//! made [`PART_BYTES`] at a time: IndexedDB stores a Blob without copying it on the page's
//! thread, where storing a `Uint8Array` of a 25 MB text or a 60 MB entry copies it all in
//! one task. Writing and reading back pause between records and parts ([`Slicer`]) for the
//! page to breathe. Nothing here panics: every failure is a sentence for the user.

use std::rc::Rc;

use js_sys::{Array, Promise, Uint8Array};
use trialcards_core::collection::kept::{self, Entry, EntryError, EntryReader, EntryWriter};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, DomException, IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction,
    IdbTransactionMode, IdbVersionChangeEvent,
};

use crate::slicer::Slicer;
use crate::state::Source;

/// The database's name.
pub const DATABASE: &str = "trialcards";
/// The version of its layout (object stores); opening it creates them.
pub const SCHEMA_VERSION: u32 = 1;
/// The object store of sources without their texts.
pub const SOURCES: &str = "sources";
/// The object store of the sources' texts.
pub const TEXTS: &str = "texts";
/// The most bytes copied into a stored value at once (a few milliseconds of the page's thread).
pub const PART_BYTES: usize = 4 << 20;

/// The `sources` value of `source` ([`kept`]) in parts of about [`PART_BYTES`], pausing
/// through `slicer` between records.
pub async fn encode_entry(source: &Source, slicer: &mut Slicer) -> Vec<Vec<u8>> {
    let mut writer = EntryWriter::new(&source.name, &source.problems, source.records.len());
    let mut parts = Vec::new();
    for record in &source.records {
        writer.record(record);
        parts.extend(writer.part_at(PART_BYTES));
        slicer.pause().await;
    }
    parts.push(writer.finish());
    parts
}

/// Reads a `sources` value back ([`kept`]), pausing through `slicer` between records.
pub async fn decode_entry(bytes: &[u8], slicer: &mut Slicer) -> Result<Entry, EntryError> {
    let mut reader = EntryReader::new(bytes)?;
    while reader.read_record()? {
        slicer.pause().await;
    }
    reader.finish()
}

/// One entry as it was found: its key, its `sources` value and its text, not yet read.
pub struct Found {
    /// The key it is stored under.
    pub key: JsValue,
    value: JsValue,
    text: Option<JsValue>,
}

/// A source read back whole.
#[derive(Debug)]
pub struct Restored {
    /// Its id (its key).
    pub id: u32,
    /// Its name, problems and records.
    pub entry: Entry,
    /// Its text.
    pub text: Rc<str>,
}

impl Found {
    /// The key as an id trialcards gave, if it is one ([`kept::id_of_key`]).
    pub fn id(&self) -> Option<u32> {
        kept::id_of_key(self.key.as_f64()?)
    }

    /// The key as a user reads it: `7`, `"broken"`.
    pub fn key_label(&self) -> String {
        match self.key.as_f64() {
            Some(number) => number.to_string(),
            None => js_sys::JSON::stringify(&self.key)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_else(|| "?".into()),
        }
    }

    /// Reads the entry back, pausing through `slicer`: its key, its value and its text
    /// must all be as trialcards writes them.
    pub async fn read(&self, slicer: &mut Slicer) -> Result<Restored, EntryError> {
        let bytes = bytes_of(&self.value, "its value is not what trialcards saves")
            .await
            .map_err(|reason| EntryError::new(None, reason))?;
        let entry = decode_entry(&bytes, slicer).await?;
        drop(bytes);
        slicer.pause().await;
        let with_name = |reason: &str| EntryError::new(Some(&entry.name), reason);
        let id = self
            .id()
            .ok_or_else(|| with_name("its key is not one trialcards gives"))?;
        let text = match &self.text {
            None => return Err(with_name("its text is missing")),
            Some(text) => bytes_of(text, "its text is not what trialcards saves")
                .await
                .map_err(with_name)?,
        };
        let text = String::from_utf8(text).map_err(|_| with_name("its text is not UTF-8"))?;
        Ok(Restored {
            id,
            entry,
            text: Rc::from(text),
        })
    }
}

/// The bytes of a stored value: a `Uint8Array` or a Blob ([`value_of`]). `Err` says why
/// not, as the end of a sentence: `not_ours` when it is neither.
async fn bytes_of(value: &JsValue, not_ours: &'static str) -> Result<Vec<u8>, &'static str> {
    if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        return Ok(bytes.to_vec());
    }
    let blob = value.dyn_ref::<Blob>().ok_or(not_ours)?;
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|_| "the browser could not read it back from its storage")?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The bytes of `parts`, one after another, as the value to store: up to [`PART_BYTES`] a
/// `Uint8Array` (a copy of a few milliseconds, and no Blob for each of 10,000 small files);
/// more, a Blob copied [`PART_BYTES`] at a time, pausing through `slicer` between (a Blob
/// made of Blobs refers to them without copying).
async fn value_of(parts: &[&[u8]], slicer: &mut Slicer) -> Result<JsValue, JsValue> {
    let total: usize = parts.iter().map(|part| part.len()).sum();
    if total <= PART_BYTES {
        let value = Uint8Array::new_with_length(total as u32);
        let mut at = 0;
        for part in parts {
            value
                .subarray(at as u32, (at + part.len()) as u32)
                .copy_from(part);
            at += part.len();
        }
        return Ok(value.into());
    }
    let blobs = Array::new();
    for part in parts.iter().flat_map(|bytes| bytes.chunks(PART_BYTES)) {
        let copy = Array::of1(&Uint8Array::from(part));
        let blob = Blob::new_with_u8_array_sequence(&copy)?;
        blobs.push(&blob);
        slicer.pause().await;
    }
    Ok(Blob::new_with_blob_sequence(&blobs)?.into())
}

/// One source to write with [`Database::save_all`]: as [`Database::save`]'s arguments.
pub struct Save<'a> {
    /// The source's id, its key.
    pub id: u32,
    /// Its entry, in the parts [`encode_entry`] gives.
    pub entry: &'a [Vec<u8>],
    /// Its text, unless storage holds it already.
    pub text: Option<&'a str>,
    /// Whether it is written for the first time (added: never over another tab's source).
    pub first: bool,
}

/// The open database. Closes itself when a newer trialcards (another tab) needs to change
/// its layout; writes after that fail with a message.
pub struct Database {
    db: IdbDatabase,
    _on_version_change: Closure<dyn FnMut()>,
}

impl Database {
    /// Opens the database, creating it on first use. `Err` says why this browser will not
    /// keep anything (no IndexedDB, as in some private windows; blocked; another layout).
    pub async fn open() -> Result<Database, String> {
        let factory = match web_sys::window().map(|w| w.indexed_db()) {
            Some(Ok(Some(factory))) => factory,
            Some(Err(error)) => return Err(describe(&error)),
            _ => return Err("it offers this page no storage (as in some private windows)".into()),
        };
        let request = factory
            .open_with_u32(DATABASE, SCHEMA_VERSION)
            .map_err(|e| describe(&e))?;
        let upgrade = {
            let request = request.clone();
            Closure::<dyn FnMut(IdbVersionChangeEvent)>::new(move |event: IdbVersionChangeEvent| {
                if event.old_version() < 1.0 {
                    if let Ok(db) = request.result().map(IdbDatabase::unchecked_from_js) {
                        // Cannot fail on a new database; if it did, `open` finds a store
                        // missing below and says so.
                        let _ = db.create_object_store(SOURCES);
                        let _ = db.create_object_store(TEXTS);
                    }
                }
            })
        };
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let opened = JsFuture::from(Promise::new(&mut |resolve, reject| {
            request.set_onsuccess(Some(&resolve));
            request.set_onerror(Some(&reject));
            request.set_onblocked(Some(&reject));
        }))
        .await;
        if let Err(event) = opened {
            return Err(open_failure(&request, &event, upgrade));
        }
        request.set_onupgradeneeded(None);
        let db: IdbDatabase = request.result().map_err(|e| describe(&e))?.unchecked_into();
        let names = db.object_store_names();
        if !(names.contains(SOURCES) && names.contains(TEXTS)) {
            db.close();
            return Err(
                "its trialcards database is laid out differently from what this page reads, and was left untouched".into(),
            );
        }
        let on_version_change = {
            let db = db.clone();
            Closure::<dyn FnMut()>::new(move || db.close())
        };
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        Ok(Database {
            db,
            _on_version_change: on_version_change,
        })
    }

    /// Every kept source, in key order (ids ascending), not yet read.
    pub async fn load(&self) -> Result<Vec<Found>, String> {
        let tx = self
            .transaction(IdbTransactionMode::Readonly)
            .map_err(|e| describe(&e))?;
        let (sources, texts) = stores(&tx).map_err(|e| describe(&e))?;
        // Every request is made before the first is awaited: the transaction stays open only
        // while requests are pending.
        let requests = [
            sources.get_all_keys(),
            sources.get_all(),
            texts.get_all_keys(),
            texts.get_all(),
        ]
        .into_iter()
        .map(|request| request.map(|r| (Settled::new(&r), r)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| describe(&e))?;
        let mut results = Vec::with_capacity(4);
        for (settled, request) in requests {
            results.push(Array::from(&settled.result(&request).await?));
        }
        let [keys, values, text_keys, text_values] = <[Array; 4]>::try_from(results)
            .map_err(|_| "the browser gave an unexpected answer".to_string())?;
        let texts: std::collections::HashMap<u64, JsValue> = text_keys
            .iter()
            .zip(text_values.iter())
            .filter_map(|(key, text)| Some((key.as_f64()?.to_bits(), text)))
            .collect();
        Ok(keys
            .iter()
            .zip(values.iter())
            .map(|(key, value)| {
                let text = key.as_f64().and_then(|k| texts.get(&k.to_bits()).cloned());
                Found { key, value, text }
            })
            .collect())
    }

    /// Writes a source under `id`: its entry (the parts from [`encode_entry`]) and, when
    /// given, its text, both or neither, pausing through `slicer` while their values are
    /// made. `first` adds instead of replacing, so that a source never overwrites one that
    /// another tab saved under the same id. `Err` says why in words ("the storage is full").
    pub async fn save(
        &self,
        id: u32,
        entry: &[Vec<u8>],
        text: Option<&str>,
        first: bool,
        slicer: &mut Slicer,
    ) -> Result<(), String> {
        self.save_all(
            &[Save {
                id,
                entry,
                text,
                first,
            }],
            slicer,
        )
        .await
    }

    /// Writes every source of `saves` in one transaction, all or none (as [`Database::save`]
    /// one): 10,000 small files kept one transaction each took 12 s after they were listed.
    pub async fn save_all(&self, saves: &[Save<'_>], slicer: &mut Slicer) -> Result<(), String> {
        // Made before the transaction: it commits once the page's thread yields with
        // nothing asked of it.
        let mut values = Vec::with_capacity(saves.len());
        for save in saves {
            let entry: Vec<&[u8]> = save.entry.iter().map(Vec::as_slice).collect();
            let entry = value_of(&entry, slicer).await.map_err(|e| describe(&e))?;
            let text = match save.text {
                Some(text) => Some(
                    value_of(&[text.as_bytes()], slicer)
                        .await
                        .map_err(|e| describe(&e))?,
                ),
                None => None,
            };
            values.push((entry, text));
        }
        let tx = self
            .transaction(IdbTransactionMode::Readwrite)
            .map_err(|e| describe(&e))?;
        let written = (|| {
            let (sources, texts) = stores(&tx)?;
            for (save, (entry, text)) in saves.iter().zip(&values) {
                let key = JsValue::from(save.id);
                let write = |store: &IdbObjectStore, value: &JsValue| {
                    if save.first {
                        store.add_with_key(value, &key)
                    } else {
                        store.put_with_key(value, &key)
                    }
                };
                write(&sources, entry)?;
                if let Some(text) = text {
                    write(&texts, text)?;
                }
            }
            Ok::<_, JsValue>(())
        })();
        if let Err(error) = written {
            let _ = tx.abort();
            return Err(describe(&error));
        }
        finished(&tx).await
    }

    /// Deletes what is kept under `key`.
    pub async fn delete(&self, key: &JsValue) -> Result<(), String> {
        self.change(|store| store.delete(key)).await
    }

    /// Deletes everything kept.
    pub async fn clear(&self) -> Result<(), String> {
        self.change(IdbObjectStore::clear).await
    }

    /// Runs `change` on both stores in one transaction.
    async fn change(
        &self,
        change: impl Fn(&IdbObjectStore) -> Result<IdbRequest, JsValue>,
    ) -> Result<(), String> {
        let tx = self
            .transaction(IdbTransactionMode::Readwrite)
            .map_err(|e| describe(&e))?;
        let (sources, texts) = stores(&tx).map_err(|e| describe(&e))?;
        if let Err(error) = change(&sources).and_then(|_| change(&texts)) {
            let _ = tx.abort();
            return Err(describe(&error));
        }
        finished(&tx).await
    }

    fn transaction(&self, mode: IdbTransactionMode) -> Result<IdbTransaction, JsValue> {
        let names = Array::of2(&SOURCES.into(), &TEXTS.into());
        self.db.transaction_with_str_sequence_and_mode(&names, mode)
    }
}

fn stores(tx: &IdbTransaction) -> Result<(IdbObjectStore, IdbObjectStore), JsValue> {
    Ok((tx.object_store(SOURCES)?, tx.object_store(TEXTS)?))
}

/// A request's outcome, listened for from the moment it is made.
struct Settled(JsFuture);

impl Settled {
    fn new(request: &IdbRequest) -> Self {
        Settled(JsFuture::from(Promise::new(&mut |resolve, reject| {
            request.set_onsuccess(Some(&resolve));
            request.set_onerror(Some(&reject));
        })))
    }

    /// Waits for the request's result.
    async fn result(self, request: &IdbRequest) -> Result<JsValue, String> {
        match self.0.await {
            Ok(_) => request.result().map_err(|e| describe(&e)),
            Err(_) => Err(request_error(request)),
        }
    }
}

/// Waits until a transaction has committed; `Err` says why it was aborted.
async fn finished(tx: &IdbTransaction) -> Result<(), String> {
    let done = JsFuture::from(Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
    }))
    .await;
    done.map(drop).map_err(|_| match tx.error() {
        Some(error) => describe(&error),
        None => "the browser cancelled the write".into(),
    })
}

fn request_error(request: &IdbRequest) -> String {
    match request.error() {
        Ok(Some(error)) => describe(&error),
        _ => "the browser refused".into(),
    }
}

/// Why the open request failed. On `blocked` the request may still succeed later (when
/// another tab lets go): its upgrade handler is kept for that, so the database is never
/// left without its stores.
fn open_failure(
    request: &IdbOpenDbRequest,
    event: &JsValue,
    upgrade: Closure<dyn FnMut(IdbVersionChangeEvent)>,
) -> String {
    let blocked = event
        .dyn_ref::<web_sys::Event>()
        .is_some_and(|e| e.type_() == "blocked");
    if blocked {
        upgrade.forget();
        return "another tab of trialcards is using its saved data in an older layout; close it and reload this page".into();
    }
    request_error(request)
}

/// A browser error in words; the ones a user can act on are said plainly
/// ([`kept::refusal_words`]).
pub fn describe(error: &JsValue) -> String {
    let Some(exception) = error.dyn_ref::<DomException>() else {
        return error
            .as_string()
            .or_else(|| {
                error
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_else(|| "the browser refused".into());
    };
    kept::refusal_words(&exception.name(), &exception.message())
}
