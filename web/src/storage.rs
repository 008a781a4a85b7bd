//! Keeping the collection in this browser, in IndexedDB (database `trialcards`, object
//! store `sources`, one entry per source keyed by its id): each source's name, text, records
//! and problems, so that a reload or a browser restart finds everything again. Nothing is
//! sent anywhere.
//!
//! An entry is a plain object `{ format, entry, text }`: `entry` is the JSON of [`Entry`]
//! (name, records, problems), `text` the source's text as it is, so a 25 MB text is not
//! escaped into JSON. An entry that cannot be read back is reported by its key and left in
//! storage untouched; the others load.

use std::rc::Rc;

use js_sys::{Array, Promise, Reflect};
use serde::{Deserialize, Serialize};
use trialcards_core::{Diagnostic, Study};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

use crate::state::{Source, SourceRef};

/// The database's name.
pub const DATABASE: &str = "trialcards";
/// The object store that holds the sources.
pub const STORE: &str = "sources";
/// The entry format this build writes and reads.
pub const FORMAT: u32 = 1;

/// What is kept of a source besides its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The source's name.
    pub name: String,
    /// Its records.
    pub records: Vec<Study>,
    /// What was wrong with it.
    pub problems: Vec<Diagnostic>,
}

/// The stored form of `source`: `{ format, entry, text }`.
pub fn encode(source: &Source) -> Result<JsValue, String> {
    let entry = Entry {
        name: source.name.clone(),
        records: source.records.clone(),
        problems: source.problems.clone(),
    };
    let json = serde_json::to_string(&entry).map_err(|e| e.to_string())?;
    let value = js_sys::Object::new();
    let set = |key: &str, v: JsValue| Reflect::set(&value, &key.into(), &v);
    set("format", FORMAT.into())
        .and_then(|_| set("entry", json.into()))
        .and_then(|_| set("text", JsValue::from_str(&source.text)))
        .map_err(|_| "the entry could not be built".to_string())?;
    Ok(value.into())
}

/// Reads a stored entry back into the source with id `id`; `Err` says what is wrong with it.
pub fn decode(id: u32, value: &JsValue) -> Result<Source, String> {
    if !value.is_object() {
        return Err("it is not a trialcards entry".into());
    }
    let get = |key: &str| Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED);
    match get("format").as_f64() {
        Some(f) if f == f64::from(FORMAT) => {}
        Some(f) => {
            return Err(format!(
                "it was written in format {f}, and this version of trialcards reads format {FORMAT}"
            ))
        }
        None => return Err("it is not a trialcards entry".into()),
    }
    let text = get("text")
        .as_string()
        .ok_or("its text is missing or not text")?;
    let json = get("entry")
        .as_string()
        .ok_or("its records are missing or not text")?;
    let entry: Entry =
        serde_json::from_str(&json).map_err(|e| format!("its records do not read back ({e})"))?;
    Ok(Source {
        id,
        name: entry.name,
        text: Rc::from(text),
        pending: false,
        records: entry.records,
        problems: entry.problems,
    })
}

/// What loading found: the sources, in id order, and a sentence per entry that could not be read.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The sources read back.
    pub sources: Vec<SourceRef>,
    /// One sentence per entry left out.
    pub problems: Vec<String>,
}

/// The open database.
#[derive(Debug, Clone)]
pub struct Store {
    db: IdbDatabase,
}

fn js_error(value: JsValue) -> String {
    let name = Reflect::get(&value, &"name".into())
        .ok()
        .and_then(|n| n.as_string());
    let message = Reflect::get(&value, &"message".into())
        .ok()
        .and_then(|m| m.as_string());
    match (name, message) {
        (Some(name), Some(message)) if !message.is_empty() => format!("{name}: {message}"),
        (Some(name), _) => name,
        _ => value
            .as_string()
            .unwrap_or_else(|| "an unknown error".into()),
    }
}

/// Waits for a request to succeed (its result) or fail (its error, in words).
async fn request(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move || {
            let error = failed.error().ok().flatten().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or(JsValue::UNDEFINED));
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(js_error)
}

/// Waits for a transaction to be written (or to fail: a full disk aborts it).
async fn committed(transaction: &IdbTransaction) -> Result<(), String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = transaction.clone();
        let on_abort = Closure::once_into_js(move || {
            let error = failed.error().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or(JsValue::UNDEFINED));
        });
        transaction.set_oncomplete(Some(on_complete.unchecked_ref()));
        transaction.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(js_error)
}

impl Store {
    /// Opens the database, creating the object store when it is missing (also in a database
    /// of that name that something else made).
    pub async fn open() -> Result<Store, String> {
        let factory = gloo::utils::window()
            .indexed_db()
            .map_err(js_error)?
            .ok_or("this browser offers no IndexedDB")?;
        let db = Self::open_version(&factory, None).await?;
        if db.object_store_names().contains(STORE) {
            return Ok(Store { db });
        }
        let next = db.version() as u32 + 1;
        db.close();
        let db = Self::open_version(&factory, Some(next)).await?;
        Ok(Store { db })
    }

    async fn open_version(
        factory: &web_sys::IdbFactory,
        version: Option<u32>,
    ) -> Result<IdbDatabase, String> {
        let opening = match version {
            Some(v) => factory.open_with_u32(DATABASE, v),
            None => factory.open(DATABASE),
        }
        .map_err(js_error)?;
        let upgrading = opening.clone();
        let on_upgrade = Closure::once_into_js(move || {
            if let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        });
        opening.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
        request(&opening)
            .await?
            .dyn_into::<IdbDatabase>()
            .map_err(|_| "the database did not open".to_string())
    }

    fn store(&self, mode: IdbTransactionMode) -> Result<(IdbTransaction, IdbObjectStore), String> {
        let transaction = self
            .db
            .transaction_with_str_and_mode(STORE, mode)
            .map_err(js_error)?;
        let store = transaction.object_store(STORE).map_err(js_error)?;
        Ok((transaction, store))
    }

    /// Every stored source, in id order; entries that cannot be read are named, not loaded.
    pub async fn load(&self) -> Result<Loaded, String> {
        let (_, store) = self.store(IdbTransactionMode::Readonly)?;
        let keys = request(&store.get_all_keys().map_err(js_error)?).await?;
        let values = request(&store.get_all().map_err(js_error)?).await?;
        let (keys, values) = (Array::from(&keys), Array::from(&values));
        let mut loaded = Loaded::default();
        for (key, value) in keys.iter().zip(values.iter()) {
            let shown_key = key.as_f64().map_or_else(
                || key.as_string().unwrap_or_else(|| "?".into()),
                |k| k.to_string(),
            );
            let decoded = match key.as_f64() {
                Some(id) if id.fract() == 0.0 && (1.0..=f64::from(u32::MAX)).contains(&id) => {
                    decode(id as u32, &value)
                }
                _ => Err("its key is not a trialcards source id".to_string()),
            };
            match decoded {
                Ok(source) => loaded.sources.push(SourceRef(Rc::new(source))),
                Err(why) => loaded.problems.push(format!(
                    "A saved source (key {shown_key}) could not be read back: {why}. It was left in this browser's storage untouched."
                )),
            }
        }
        Ok(loaded)
    }

    /// Writes a source (replacing what was kept under its id).
    pub async fn put(&self, source: &Source) -> Result<(), String> {
        let value = encode(source)?;
        let (transaction, store) = self.store(IdbTransactionMode::Readwrite)?;
        store
            .put_with_key(&value, &JsValue::from(source.id))
            .map_err(js_error)?;
        committed(&transaction).await
    }

    /// Forgets a source.
    pub async fn delete(&self, id: u32) -> Result<(), String> {
        let (transaction, store) = self.store(IdbTransactionMode::Readwrite)?;
        store.delete(&JsValue::from(id)).map_err(js_error)?;
        committed(&transaction).await
    }
}

/// The sentence for a source that could not be written.
pub fn not_saved(name: &str, why: &str) -> String {
    let reason = if why.contains("QuotaExceeded") {
        "the browser's storage for this page is full".to_string()
    } else {
        format!("the browser refused ({why})")
    };
    format!(
        "{name} was not saved in this browser: {reason}. It is shown now but will be gone after a reload."
    )
}
