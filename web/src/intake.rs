//! Getting files in: reading picked or dropped files (walking dropped folders)
//! without blocking, each becoming an [`Incoming`] text or a reason it can't be read.

use std::cell::RefCell;

use gloo::file::File;
use js_sys::{Array, Promise};
use trialcards_core::{input, ParseOutput};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DataTransfer, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry};
use yew::Callback;

use crate::worker::{Parser, TextRead};

/// One file, read.
#[derive(Debug)]
pub enum Incoming {
    /// The file's text.
    Text {
        /// The file's name (its path inside a dropped folder).
        name: String,
        /// Its text.
        text: String,
    },
    /// The file's text, read by the parse worker, which is parsing it ([`Parser::read`]).
    Parsing {
        /// The file's name (its path inside a dropped folder).
        name: String,
        /// Its text.
        text: String,
        /// What will be read from it (a dropped answer: the worker stopped).
        output: futures::channel::oneshot::Receiver<ParseOutput>,
    },
    /// The file could not be read, or is not a page trialcards reads.
    Unreadable {
        /// The file's name.
        name: String,
        /// Why, in a sentence that names the file.
        message: String,
    },
}

/// The file kinds the picker offers: the ones trialcards reads or will read.
pub const ACCEPTED_EXTENSIONS: &[&str] = &[
    ".txt", ".text", ".md", ".html", ".htm", ".mhtml", ".mht", ".json", ".jsonl", ".xml", ".csv",
];

/// How many files are read at once. Starting every picked file's read together asks the
/// browser for each file's size and reader in one task of the page's thread (about a
/// millisecond each in Chromium: a second for a thousand files); readers pulling from one queue
/// give the page its thread back between files. Each read waits on the browser's own file
/// reading, so it takes many at once to keep the parse worker fed: 10,000 small files are
/// read and parsed in 19 s with 4 readers, 12 s with 32 and no sooner with 128 (measured with
/// the trial list's re-rendering held back, to time the intake alone).
const READERS: usize = 32;

/// Reads each file and emits one action per file on `on_file`, [`READERS`] files at a time,
/// in the order the files were given (a file read before those ahead of it waits for them).
pub fn read_files(files: Vec<(String, web_sys::File)>, on_file: &Callback<Incoming>) {
    wasm_bindgen_futures::spawn_local(read_all(files, on_file.clone()));
}

/// [`read_files`], done when every file has been emitted. With a parse worker, the worker
/// reads the files (many to one read: see file_reads.rs) and parses them, and the page's thread
/// only lists them; without one, the page reads them, [`READERS`] at a time.
pub async fn read_all(files: Vec<(String, web_sys::File)>, on_file: Callback<Incoming>) {
    let parser = Parser::shared();
    if parser.reads_files() {
        // Every file is queued before the first answer is awaited; the answers come in order.
        let reads: Vec<_> = files
            .into_iter()
            .map(|(name, file)| {
                let read = parser.read(name.clone(), file.clone());
                (name, file, read)
            })
            .collect();
        for (name, file, read) in reads {
            on_file.emit(match read.text.await {
                Ok(TextRead::Text(text)) => Incoming::Parsing {
                    name,
                    text,
                    output: read.output,
                },
                Ok(TextRead::Unreadable(message)) => Incoming::Unreadable { name, message },
                Ok(TextRead::OnPage) => read_one(name, File::from(file)).await,
                Err(_) => Incoming::Unreadable {
                    message: input::cannot_read(&name, "the page's parser stopped"),
                    name,
                },
            });
        }
        return;
    }
    let queue = RefCell::new(files.into_iter().enumerate());
    let order = RefCell::new(InOrder::default());
    let reader = || async {
        loop {
            let next = queue.borrow_mut().next();
            let Some((at, (name, file))) = next else {
                break;
            };
            let read = read_one(name, File::from(file)).await;
            let ready = order.borrow_mut().arrived(at, read);
            for incoming in ready {
                on_file.emit(incoming);
            }
        }
    };
    futures::future::join_all((0..READERS).map(|_| reader())).await;
}

/// What a browser error says: its message, or the value itself.
pub fn error_message(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map_or_else(|| format!("{error:?}"), |e| String::from(e.message()))
}

/// Files read out of order, held until those ahead of them are read.
#[derive(Default)]
struct InOrder {
    next: usize,
    held: std::collections::BTreeMap<usize, Incoming>,
}

impl InOrder {
    /// The `at`-th file is read: it and the held files after it that are now next, in order.
    fn arrived(&mut self, at: usize, read: Incoming) -> Vec<Incoming> {
        self.held.insert(at, read);
        let mut ready = Vec::new();
        while let Some(read) = self.held.remove(&self.next) {
            ready.push(read);
            self.next += 1;
        }
        ready
    }
}

/// Reads one file: refused once more of it is read than trialcards reads; refused after
/// reading when the core finds it is not text; otherwise its text.
async fn read_one(name: String, file: File) -> Incoming {
    let bytes = match read_capped(&file, input::MAX_INPUT_BYTES).await {
        Ok(Some(bytes)) => bytes,
        // Over the limit: only now is the size asked for, to say how large it is.
        Ok(None) => {
            let size = file.size().max(input::MAX_INPUT_BYTES as u64 + 1);
            let message = input::check_size(&name, size).map_or_else(
                || input::cannot_read(&name, "it is too large"),
                |problem| problem.message,
            );
            return Incoming::Unreadable { name, message };
        }
        Err(why) => {
            return Incoming::Unreadable {
                message: input::cannot_read(&name, &why),
                name,
            }
        }
    };
    match text_of(&name, &bytes) {
        Ok(text) => Incoming::Text { name, text },
        Err(message) => Incoming::Unreadable { name, message },
    }
}

/// A file's text from its bytes; or, when the core finds it is not text trialcards reads, why
/// (in a sentence naming it).
pub fn text_of(name: &str, bytes: &[u8]) -> Result<String, String> {
    match input::check_input(name, bytes) {
        Some(problem) => Err(problem.message),
        None => Ok(input::decode_text(bytes).into_owned()),
    }
}

/// The file's bytes, read as a stream, or `None` once more than `cap` bytes are read (the
/// rest is not read). A stream needs no size first: Chromium answers `File.size` with a
/// synchronous look at the disk, about half a millisecond per file on the page's thread.
async fn read_capped(file: &File, cap: usize) -> Result<Option<Vec<u8>>, String> {
    let blob: &web_sys::Blob = file.as_ref();
    let reader: web_sys::ReadableStreamDefaultReader = blob.stream().get_reader().unchecked_into();
    let why = |e: JsValue| error_message(&e);
    let mut bytes = Vec::new();
    loop {
        let step = JsFuture::from(reader.read()).await.map_err(why)?;
        let done = js_sys::Reflect::get(&step, &JsValue::from_str("done")).map_err(why)?;
        if done.is_truthy() {
            return Ok(Some(bytes));
        }
        let value = js_sys::Reflect::get(&step, &JsValue::from_str("value")).map_err(why)?;
        let chunk = js_sys::Uint8Array::new(&value);
        if bytes.len() + chunk.length() as usize > cap {
            let _ = reader.cancel();
            return Ok(None);
        }
        let at = bytes.len();
        bytes.resize(at + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[at..]);
    }
}

/// What was dropped, taken synchronously while the drop event lasts (the browser empties its
/// data once the event ends): the file-system entries of files and folders, and the files
/// that came without one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dropped {
    /// Dropped files and folders, walked when read.
    pub entries: Vec<FileSystemEntry>,
    /// Files without a file-system entry (some synthetic drops), with their names.
    pub files: Vec<(String, web_sys::File)>,
}

impl Dropped {
    /// Takes what `data` carries.
    pub fn take(data: &DataTransfer) -> Self {
        let items = data.items();
        let mut dropped = Self::default();
        for i in 0..items.length() {
            let Some(item) = items.get(i) else { continue };
            if item.kind() != "file" {
                continue;
            }
            match item.webkit_get_as_entry() {
                Ok(Some(entry)) => dropped.entries.push(entry),
                // Without a file-system entry, the file itself still reads.
                _ => {
                    if let Ok(Some(file)) = item.get_as_file() {
                        dropped.files.push((file.name(), file));
                    }
                }
            }
        }
        dropped
    }
}

/// Reads everything dropped: files, and the files inside dropped folders (walked
/// to any depth), in the order dropped.
pub fn read_dropped(dropped: Dropped, on_file: &Callback<Incoming>) {
    wasm_bindgen_futures::spawn_local(read_all_dropped(dropped, on_file.clone()));
}

/// [`read_dropped`], done when every file has been emitted.
pub async fn read_all_dropped(dropped: Dropped, on_file: Callback<Incoming>) {
    read_all(dropped.files, on_file.clone()).await;
    for entry in dropped.entries {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        walk(entry, &mut files, &mut problems).await;
        for (name, reason) in problems {
            let message = input::cannot_read(&name, &reason);
            on_file.emit(Incoming::Unreadable { name, message });
        }
        read_all(files, on_file.clone()).await;
    }
}

/// Collects the files under `entry`, depth first, with their paths as names.
/// Iterative, so a deep folder tree cannot overflow the stack.
async fn walk(
    entry: FileSystemEntry,
    files: &mut Vec<(String, web_sys::File)>,
    problems: &mut Vec<(String, String)>,
) {
    let mut pending = vec![entry];
    while let Some(entry) = pending.pop() {
        let path = entry.full_path().trim_start_matches('/').to_string();
        if entry.is_directory() {
            let dir: FileSystemDirectoryEntry = entry.unchecked_into();
            match read_directory(&dir).await {
                Ok(children) => pending.extend(children.into_iter().rev()),
                Err(reason) => problems.push((path, reason)),
            }
        } else if entry.is_file() {
            let file_entry: FileSystemFileEntry = entry.unchecked_into();
            match entry_file(&file_entry).await {
                Ok(file) => files.push((path, file)),
                Err(reason) => problems.push((path, reason)),
            }
        }
    }
}

/// All entries of a folder: the reader hands them out in batches until an empty one.
async fn read_directory(dir: &FileSystemDirectoryEntry) -> Result<Vec<FileSystemEntry>, String> {
    let reader = dir.create_reader();
    let mut all = Vec::new();
    loop {
        let batch = callback_promise(|resolve, reject| {
            if let Err(error) = reader.read_entries_with_callback_and_callback(resolve, reject) {
                let _ = reject.call1(&JsValue::NULL, &error);
            }
        })
        .await?;
        let batch: Array = batch.unchecked_into();
        if batch.length() == 0 {
            return Ok(all);
        }
        all.extend(batch.iter().map(JsCast::unchecked_into::<FileSystemEntry>));
    }
}

async fn entry_file(entry: &FileSystemFileEntry) -> Result<web_sys::File, String> {
    let file = callback_promise(|resolve, reject| {
        entry.file_with_callback_and_callback(resolve, reject);
    })
    .await?;
    Ok(file.unchecked_into())
}

/// Turns a callback-style browser API into a future.
async fn callback_promise(
    start: impl FnOnce(&js_sys::Function, &js_sys::Function),
) -> Result<JsValue, String> {
    let mut start = Some(start);
    let promise = Promise::new(&mut |resolve, reject| {
        if let Some(start) = start.take() {
            start(&resolve, &reject);
        }
    });
    JsFuture::from(promise).await.map_err(|e| {
        e.as_string()
            .unwrap_or_else(|| "the browser could not read it".into())
    })
}
