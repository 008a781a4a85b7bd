//! Parsing off the main thread: a Web Worker runs the core's parser, so a large
//! page never freezes the tab. [`Parser`] is the page's side of it, [`serve`] the worker's.
//! Only the worker's wasm carries the parser; with the `in-place-parse` feature (used by
//! the component tests, which have no built worker) the page parses in place.
//!
//! A worker that dies (its wasm out of memory, or any error it does not catch) is ended and
//! a new one started: the input it was reading gets an error that names it, and every other
//! input it had not finished is sent to the new worker, so nothing else is lost.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, VecDeque};
use std::rc::{Rc, Weak};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use trialcards_core::{Diagnostic, ParseOutput, Severity};

use crate::file_reads::Read;
use crate::hand_on::Outbox;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's loader script, written by trunk next to the app's files.
pub const WORKER_LOADER: &str = "trialcards-worker_loader.js";

/// One job for the worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum ParseJob {
    /// Parse these inputs, one after another: (name, text) each, the name a file's or
    /// "Pasted text N". Small files go many to a job, so that ten thousand of them are not
    /// ten thousand round trips to the worker. The texts travel beside the JSON
    /// ([`encode_job`]).
    Parse(Vec<(String, String)>),
    /// Work out the text a saved page showed, which its records' lines count in (for the
    /// source view): the HTML reader lives in the worker only, so the page does not carry it.
    Shown {
        /// The saved page's text (HTML or MHTML).
        text: String,
    },
    /// Read these picked files and parse each: their names, in the order of the files posted
    /// beside the job (a `File` is a handle, not JSON; see [`decode_job`]).
    Read {
        /// The files' names (their paths inside a dropped folder).
        names: Vec<String>,
    },
}

/// [`ParseJob`] as the page writes it, borrowing the texts it keeps (the same JSON).
#[derive(Serialize)]
pub(crate) enum JobRef<'a> {
    Parse(Vec<(&'a str, &'a str)>),
    Shown { text: &'a str },
    Read { names: Vec<&'a str> },
}

/// One message from the worker about one input of a job, in the job's order: a step of its
/// records, or the end with the input's diagnostics (the next message is the next input's).
/// Records come [`STEP`] at a time, each step a message of its own (posted in a batch of
/// small messages, or alone when large: [`crate::hand_on`]'s `to_page`), so the page reads a
/// file of 14,000 pages without holding its thread for the whole of it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum ParseChunk {
    /// The next records, in order.
    Records(Vec<trialcards_core::Study>),
    /// The input is read: its own diagnostics.
    Done(Vec<Diagnostic>),
    /// The text a saved page showed ([`ParseJob::Shown`]).
    Shown(String),
    /// The text of a file read ([`ParseJob::Read`]); its records and its end follow. Posted as
    /// its UTF-8 bytes beside the chunk, not inside its JSON ([`post_text`]): a 25 MB page's
    /// text unescaped from JSON held the page's thread for over a second.
    Text(String),
    /// A file of a [`ParseJob::Read`] could not be read: why, in a sentence naming it. Nothing
    /// else follows for it.
    Unreadable(String),
    /// A file of a [`ParseJob::Read`] is large: the page reads it
    /// ([`crate::file_reads::ON_PAGE_BYTES`]). Nothing else follows for it.
    OnPage,
}

/// What the worker says: that it is ready for jobs, or something about one job.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum FromWorker {
    /// The worker's wasm is loaded: jobs sent before this were held by the page.
    Ready,
    /// A step of the job with this number.
    Chunk(u32, ParseChunk),
}

/// How many records one message carries.
const STEP: usize = 250;

/// Messages cross the worker boundary as JSON in a byte array: copying bytes between
/// threads is one memory copy each way, and serde_json reads them inside WebAssembly. Turning
/// thousands of records into JS objects and back (serde-wasm-bindgen) held the page's thread
/// for over a second on a 25 MB file of 14,000 pages, and a JS string would be transcoded
/// twice. JSON is self-describing, so the records' omitted fields survive the trip.
pub(crate) fn encode<T: Serialize>(message: &T) -> JsValue {
    // Our own types always serialize; an undefined message is dropped by the receiver.
    serde_json::to_vec(message).map_or(JsValue::UNDEFINED, |json| {
        js_sys::Uint8Array::from(json.as_slice()).into()
    })
}

/// A message [`encode`]d by the other side; `None` for anything else.
fn decode<T: DeserializeOwned>(message: &JsValue) -> Option<T> {
    let bytes = message.dyn_ref::<js_sys::Uint8Array>()?.to_vec();
    serde_json::from_slice(&bytes).ok()
}

/// Posts a read file's text as [`ParseChunk::Text`], its bytes beside the chunk's JSON.
fn post_text(id: u32, text: &str) {
    let chunk = encode(&FromWorker::Chunk(id, ParseChunk::Text(String::new())));
    let bytes = js_sys::Uint8Array::from(text.as_bytes());
    Outbox::shared().post(js_sys::Array::of2(&chunk, &bytes).into());
}

/// A message from the worker: [`encode`]d, or a [`ParseChunk::Text`] with its text beside it.
fn decode_from_worker(message: &JsValue) -> Option<FromWorker> {
    let Some(parts) = message.dyn_ref::<js_sys::Array>() else {
        return decode(message);
    };
    let Some(FromWorker::Chunk(id, ParseChunk::Text(_))) = decode(&parts.get(0)) else {
        return None;
    };
    let bytes = parts.get(1).dyn_into::<js_sys::Uint8Array>().ok()?.to_vec();
    let text = String::from_utf8(bytes).ok()?;
    Some(FromWorker::Chunk(id, ParseChunk::Text(text)))
}

/// A job as [`encode_job`] posts it: an array of the [`encode`]d job and what goes beside it
/// (the texts of a parse or shown job, or a read job's files), or the encoded job alone.
fn decode_job(message: &JsValue) -> Option<(u32, ParseJob, Vec<web_sys::File>)> {
    let Some(parts) = message.dyn_ref::<js_sys::Array>() else {
        return decode(message).map(|(id, job)| (id, job, Vec::new()));
    };
    let (id, mut job) = decode(&parts.get(0))?;
    let beside: js_sys::Array = parts.get(1).dyn_into().ok()?;
    let text = |at: u32| {
        let bytes = beside.get(at).dyn_into::<js_sys::Uint8Array>().ok()?;
        String::from_utf8(bytes.to_vec()).ok()
    };
    match &mut job {
        ParseJob::Read { .. } => {
            let files = beside.iter().map(JsCast::unchecked_into).collect();
            return Some((id, job, files));
        }
        ParseJob::Parse(inputs) => {
            for (at, (_, input)) in (0..).zip(inputs.iter_mut()) {
                *input = text(at)?;
            }
        }
        ParseJob::Shown { text: shown } => *shown = text(0)?,
    }
    Some((id, job, Vec::new()))
}

/// The worker's side, run by its entry point: answers each job, in the order they come, with
/// its steps, and says it is ready once it listens. Files to read are read one group after
/// another ([`crate::file_reads`]); a paste's job meanwhile is answered at once.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reads = Rc::new(Reads::default());
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let reply = |id, chunk| Outbox::shared().post(encode(&FromWorker::Chunk(id, chunk)));
            match decode_job(&e.data()) {
                Some((id, ParseJob::Read { names }, files)) => {
                    reads.queue(id, names.into_iter().zip(files), reply);
                }
                Some((id, job, _)) => answer(id, job, &mut |chunk| reply(id, chunk)),
                None => {}
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker listens for as long as it lives.
    on_message.forget();
    Outbox::shared().post(encode(&FromWorker::Ready));
}

/// Does job `id`, handing each step to `send`.
fn answer(id: u32, job: ParseJob, send: &mut dyn FnMut(ParseChunk)) {
    match job {
        ParseJob::Shown { text } => {
            send(ParseChunk::Shown(
                trialcards_core::source_text(&text).into_owned(),
            ));
        }
        ParseJob::Parse(inputs) => {
            for (name, text) in inputs {
                parse_or_hand_on(id, name, text, send);
            }
        }
        // Taken by [`Reads`] before this.
        ParseJob::Read { .. } => {}
    }
}

/// Parses input `name` of job `id` and sends its output, or, when this worker has no reader
/// for it, hands it on to the structured worker ([`crate::hand_on`]).
fn parse_or_hand_on(id: u32, name: String, text: String, send: &mut dyn FnMut(ParseChunk)) {
    match trialcards_core::parse_here(&name, &text) {
        Some(out) => {
            drop(text);
            send_output(out, send);
        }
        None => Outbox::shared().hand_on(id, name, text),
    }
}

/// Sends one input's records, [`STEP`] at a time, then its end.
fn send_output(out: ParseOutput, send: &mut dyn FnMut(ParseChunk)) {
    let mut records = out.records.into_iter();
    loop {
        let step: Vec<_> = records.by_ref().take(STEP).collect();
        if step.is_empty() {
            break;
        }
        send(ParseChunk::Records(step));
    }
    send(ParseChunk::Done(out.diagnostics));
}

/// The worker's files to read, in the order given, each with its job's number; read by one
/// loop at a time, which takes all that are waiting as one run of groups (so the read of the
/// next group is under way across jobs too).
#[derive(Default)]
struct Reads {
    waiting: RefCell<Vec<(u32, (String, web_sys::File))>>,
    reading: Cell<bool>,
}

impl Reads {
    /// Queues job `id`'s files, and starts reading unless a read is under way.
    fn queue(
        self: &Rc<Self>,
        id: u32,
        files: impl Iterator<Item = (String, web_sys::File)>,
        reply: impl Fn(u32, ParseChunk) + 'static,
    ) {
        self.waiting
            .borrow_mut()
            .extend(files.map(|file| (id, file)));
        if self.reading.replace(true) {
            return;
        }
        let reads = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                let (ids, files): (Vec<u32>, Vec<_>) =
                    std::mem::take(&mut *reads.waiting.borrow_mut())
                        .into_iter()
                        .unzip();
                if files.is_empty() {
                    break;
                }
                crate::file_reads::read_in_groups(&files, &mut |at, read| {
                    let id = ids[at];
                    let name = &files[at].0;
                    let bytes = match read {
                        Read::Bytes(bytes) => bytes,
                        Read::Failed(message) => {
                            return reply(id, ParseChunk::Unreadable(message));
                        }
                        Read::OnPage => return reply(id, ParseChunk::OnPage),
                    };
                    match crate::intake::text_of(name, &bytes) {
                        Err(message) => reply(id, ParseChunk::Unreadable(message)),
                        Ok(text) => {
                            // The text first: the page lists the file while it is parsed.
                            post_text(id, &text);
                            let send = &mut |chunk| reply(id, chunk);
                            parse_or_hand_on(id, name.clone(), text, send);
                        }
                    }
                })
                .await;
            }
            reads.reading.set(false);
        });
    }
}

/// The most inputs one job carries.
const JOB_INPUTS: usize = 64;

/// The most text one job carries (a larger input is a job of its own).
const JOB_BYTES: usize = 512 * 1024;

/// An input waiting for its output: given, or sent in a job and not yet answered.
struct Queued {
    name: String,
    text: Rc<str>,
    done: futures::channel::oneshot::Sender<ParseOutput>,
}

/// A picked file waiting to be read and parsed by the worker: its text is answered first
/// (until then `text` is there), then what was read from it.
struct QueuedFile {
    name: String,
    file: web_sys::File,
    text: Option<futures::channel::oneshot::Sender<TextRead>>,
    done: futures::channel::oneshot::Sender<ParseOutput>,
}

impl QueuedFile {
    /// Answers with an error: as its text if that is not yet answered, else as its output.
    fn fail(self, message: String) {
        match self.text {
            Some(text) => {
                let _ = text.send(TextRead::Unreadable(message));
            }
            None => {
                let _ = self.done.send(failed(message));
            }
        }
    }
}

/// A picked file's text, as the worker read it.
pub enum TextRead {
    /// Its text: what was read from it follows ([`FileRead::output`]).
    Text(String),
    /// Why it could not be read, in a sentence naming it.
    Unreadable(String),
    /// It is large: the page reads it ([`crate::file_reads::ON_PAGE_BYTES`]).
    OnPage,
}

/// A picked file being read and parsed by the worker ([`Parser::read`]).
pub struct FileRead {
    /// The file's text (or why there is none). It comes before the file is parsed, as a file
    /// read on the page does.
    pub text: futures::channel::oneshot::Receiver<TextRead>,
    /// What was read from it, once parsed.
    pub output: futures::channel::oneshot::Receiver<ParseOutput>,
}

/// How many files one read job carries (the worker reads them in groups of its own, across
/// jobs). Posting a picked file makes Chromium look up its size and date first, synchronously:
/// a fifth of a millisecond each on a slow machine, and up to three times as long while the
/// browser reads the files already posted. 10,000 files posted at once held the page's
/// thread for 3.7 s; 128 to a task, up to 129 ms. So after the first job every file's size is
/// looked up, a slice of the page's thread at a time, before the rest are posted.
const READ_JOB_FILES: usize = 32;

/// How long one task of the page's goes on posting read jobs before it yields: with
/// [`READ_JOB_FILES`] a job, a task stays well under 100 ms however slow the lookups.
const POST_SLICE_MS: f64 = 30.0;

/// A job sent to the worker and not yet answered in full.
enum Job {
    /// Files not yet done, in order, and the records of the first so far.
    Read {
        files: VecDeque<QueuedFile>,
        records: Vec<trialcards_core::Study>,
    },
    /// Inputs not yet done, in order, and the records of the first so far.
    Parse {
        inputs: VecDeque<Queued>,
        records: Vec<trialcards_core::Study>,
    },
    /// A saved page's shown text.
    Shown(futures::channel::oneshot::Sender<Option<String>>),
}

/// One running worker and its listeners. A dead worker's listeners are kept, not dropped:
/// events it queued before it was ended still arrive, and each must find its listener alive
/// (and is then ignored, being from a worker that is not the current one).
struct Connection {
    /// Which worker this is: the count of workers started before it.
    generation: u32,
    worker: web_sys::Worker,
    /// Whether it said [`FromWorker::Ready`]; until then, messages wait in `held`.
    ready: bool,
    held: Vec<JsValue>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// The page's parser: the worker when the page was built with it, else in place.
pub struct Parser {
    /// The worker's loader script, if the page has a worker.
    url: Option<String>,
    /// The running worker, started on first use and again after one dies.
    connection: RefCell<Option<Connection>>,
    /// How many workers were started: the next one's generation.
    generations: Cell<u32>,
    /// Workers that died, ended, with their listeners (see [`Connection`]).
    dead: RefCell<Vec<Connection>>,
    /// Whether any worker has said it is ready: one that dies before ever being ready is a
    /// page that cannot start one (no second try).
    started: Cell<bool>,
    /// The jobs sent and not yet answered, by number (the order sent).
    jobs: RefCell<BTreeMap<u32, Job>>,
    next_job: Cell<u32>,
    /// Inputs given since the last job was sent, sent together once the page's thread is free.
    queue: RefCell<Vec<Queued>>,
    /// Files given and not yet posted, posted [`READ_JOB_FILES`] to a job, for up to
    /// [`POST_SLICE_MS`] of a task.
    files: RefCell<VecDeque<QueuedFile>>,
    /// Whether the posting of [`Self::files`] is under way.
    posting: Cell<bool>,
    /// How many of [`Self::files`], from the first, have had their size looked up.
    looked_up: Cell<usize>,
    /// The last few saved pages' shown texts, by the page text they came from (held weakly,
    /// so a removed source's text is not kept alive): reopening a source view is instant.
    shown: RefCell<Vec<(Weak<str>, Rc<str>)>>,
}

/// How many saved pages' shown texts [`Parser`] keeps.
const SHOWN_KEPT: usize = 4;

thread_local! {
    static SHARED: Rc<Parser> = Rc::new(Parser::new());
}

impl Parser {
    /// A parser for the worker found next to the app's module (none: parsing in place).
    fn new() -> Self {
        Self {
            url: worker_loader_url(),
            connection: RefCell::default(),
            generations: Cell::new(0),
            dead: RefCell::default(),
            started: Cell::new(false),
            jobs: RefCell::default(),
            next_job: Cell::new(0),
            queue: RefCell::default(),
            files: RefCell::default(),
            posting: Cell::new(false),
            looked_up: Cell::new(0),
            shown: RefCell::default(),
        }
    }

    /// The page's one parser (and its one worker), started on first use.
    pub fn shared() -> Rc<Self> {
        SHARED.with(Rc::clone)
    }

    /// The text `text` showed, which its records' lines count in ([`trialcards_core::source_text`]):
    /// for a saved web page worked out by the worker, for anything else the text itself.
    pub async fn shown_text(&self, text: &Rc<str>) -> Rc<str> {
        if !trialcards_core::formats::is_saved_page(text) {
            return text.clone();
        }
        let kept = self.shown.borrow().iter().find_map(|(page, shown)| {
            page.upgrade()
                .filter(|page| Rc::ptr_eq(page, text))
                .map(|_| shown.clone())
        });
        if let Some(shown) = kept {
            return shown;
        }
        let shown: Rc<str> = if self.url.is_some() {
            let (sender, answer) = futures::channel::oneshot::channel();
            self.send(Job::Shown(sender), &JobRef::Shown { text });
            // A worker that stopped leaves the page's own text to show.
            match answer.await {
                Ok(Some(shown)) => Rc::from(shown),
                _ => text.clone(),
            }
        } else {
            shown_without_worker(text)
        };
        let mut kept = self.shown.borrow_mut();
        kept.retain(|(page, _)| page.strong_count() > 0);
        if kept.len() >= SHOWN_KEPT {
            kept.remove(0);
        }
        kept.push((Rc::downgrade(text), shown.clone()));
        shown
    }

    /// Parses one input. Inputs given in the same stretch of the page's work (files read
    /// together) go to the worker as one job of up to [`JOB_INPUTS`] inputs and
    /// [`JOB_BYTES`] of text, in the order given.
    pub async fn parse(self: &Rc<Self>, name: String, text: Rc<str>) -> ParseOutput {
        if self.url.is_none() {
            return parse_without_worker(&name, &text);
        }
        let (done, output) = futures::channel::oneshot::channel();
        self.enqueue(Queued { name, text, done });
        // Every input is answered, if only with an error; a dropped answer reads as empty.
        output.await.unwrap_or_default()
    }

    /// Whether picked files are read by the worker ([`Self::read`]); else the page reads them.
    pub fn reads_files(&self) -> bool {
        self.url.is_some()
    }

    /// Reads and parses one picked file in the worker. Files go as jobs of up to
    /// [`READ_JOB_FILES`], for up to [`POST_SLICE_MS`] of a task of the page's, in the order
    /// given. The file is queued at once (not when the answer is first awaited).
    pub fn read(self: &Rc<Self>, name: String, file: web_sys::File) -> FileRead {
        let (text, text_read) = futures::channel::oneshot::channel();
        let (done, output) = futures::channel::oneshot::channel();
        self.enqueue_file(QueuedFile {
            name,
            file,
            text: Some(text),
            done,
        });
        FileRead {
            text: text_read,
            output,
        }
    }

    /// Queues a file, to be posted once the page's thread is free.
    fn enqueue_file(self: &Rc<Self>, file: QueuedFile) {
        self.files.borrow_mut().push_back(file);
        if !self.posting.replace(true) {
            self.post_files_later();
        }
    }

    /// Posts the next read job in a task of its own.
    fn post_files_later(self: &Rc<Self>) {
        let parser = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            gloo::timers::future::TimeoutFuture::new(0).await;
            parser.post_files();
        });
    }

    /// Posts queued files as read jobs of [`READ_JOB_FILES`] (the encoded job and its files,
    /// in one array) for up to [`POST_SLICE_MS`] of this task, and the rest later. Files wait
    /// for a worker that is ready: held jobs are posted together, which would make one long
    /// task of their files' lookups.
    fn post_files(self: &Rc<Self>) {
        if !self.worker_ready() {
            // Ready or dead, the worker resumes the posting (see `on_message`, `fail_all`).
            return;
        }
        let started = js_sys::Date::now();
        // Every file's size is looked up before it is posted, while the browser is not yet
        // busy reading them (but for the first job, which sets the worker going): the same
        // lookups while the worker reads the files took up to three times as long.
        if self.next_job.get() > 0 {
            let files = self.files.borrow();
            let mut looked_up = self.looked_up.get();
            while looked_up < files.len() && js_sys::Date::now() - started < POST_SLICE_MS {
                files[looked_up].file.size();
                looked_up += 1;
            }
            self.looked_up.set(looked_up);
            if looked_up < files.len() {
                drop(files);
                self.post_files_later();
                return;
            }
        }
        while js_sys::Date::now() - started < POST_SLICE_MS {
            let files: VecDeque<QueuedFile> = {
                let mut queued = self.files.borrow_mut();
                let take = queued.len().min(READ_JOB_FILES);
                self.looked_up
                    .set(self.looked_up.get().saturating_sub(take));
                queued.drain(..take).collect()
            };
            if files.is_empty() {
                break;
            }
            let names = files.iter().map(|f| f.name.as_str()).collect();
            let job = encode_job(self.next_job.get(), &JobRef::Read { names });
            let handles: js_sys::Array = files.iter().map(|f| &f.file).collect();
            let message = js_sys::Array::of2(&job, &handles).into();
            self.post(
                Job::Read {
                    files,
                    records: Vec::new(),
                },
                message,
            );
        }
        if self.files.borrow().is_empty() {
            self.posting.set(false);
        } else {
            self.post_files_later();
        }
    }

    /// Queues an input, and sends the queue once the page's thread is free.
    fn enqueue(self: &Rc<Self>, input: Queued) {
        let first = {
            let mut queue = self.queue.borrow_mut();
            queue.push(input);
            queue.len() == 1
        };
        if first {
            let parser = self.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // What else arrives before the page's thread is free joins this job.
                gloo::timers::future::TimeoutFuture::new(0).await;
                parser.send_queued();
            });
        }
    }

    /// Sends the queued inputs as jobs.
    fn send_queued(&self) {
        let mut queue = std::mem::take(&mut *self.queue.borrow_mut())
            .into_iter()
            .peekable();
        while queue.peek().is_some() {
            let (mut inputs, mut bytes) = (VecDeque::new(), 0);
            while let Some(next) = queue.next_if(|next| {
                inputs.is_empty()
                    || (inputs.len() < JOB_INPUTS && bytes + next.text.len() <= JOB_BYTES)
            }) {
                bytes += next.text.len();
                inputs.push_back(next);
            }
            let message: Vec<(&str, &str)> =
                inputs.iter().map(|q| (q.name.as_str(), &*q.text)).collect();
            let message = encode_job(self.next_job.get(), &JobRef::Parse(message));
            self.post(
                Job::Parse {
                    inputs,
                    records: Vec::new(),
                },
                message,
            );
        }
    }

    /// Sends a job of one message.
    fn send(&self, job: Job, message: &JobRef<'_>) {
        let message = encode_job(self.next_job.get(), message);
        self.post(job, message);
    }

    /// Starts a worker if none runs: whether one runs (it may not be ready yet). When none
    /// can be started, every unanswered input is answered with an error.
    fn start_worker(&self) -> bool {
        let mut connection = self.connection.borrow_mut();
        if connection.is_none() {
            let generation = self.generations.get();
            self.generations.set(generation.wrapping_add(1));
            match self.url.as_deref().and_then(|url| connect(url, generation)) {
                Some(started) => *connection = Some(started),
                None => {
                    drop(connection);
                    self.fail_all("the page's parser (its Web Worker) did not start");
                    return false;
                }
            }
        }
        true
    }

    /// Whether the running worker said it is ready (starting one if none runs).
    fn worker_ready(&self) -> bool {
        self.start_worker() && self.connection.borrow().as_ref().is_some_and(|c| c.ready)
    }

    /// Records `job` under the next number (the one `message` was encoded with) and posts
    /// it, starting a worker if none runs.
    fn post(&self, job: Job, message: JsValue) {
        let id = self.next_job.get();
        self.next_job.set(id.wrapping_add(1));
        self.jobs.borrow_mut().insert(id, job);
        if !self.start_worker() {
            return;
        }
        let mut connection = self.connection.borrow_mut();
        let Some(connection) = connection.as_mut() else {
            return;
        };
        if connection.ready {
            let _ = connection.worker.post_message(&message);
        } else {
            connection.held.push(message);
        }
    }

    /// Whether `generation` is the running worker (not one that died).
    fn is_current(&self, generation: u32) -> bool {
        self.connection
            .borrow()
            .as_ref()
            .is_some_and(|connection| connection.generation == generation)
    }

    /// What worker `generation` said; nothing, if that worker is no longer the running one.
    fn on_message(&self, generation: u32, message: FromWorker) {
        if !self.is_current(generation) {
            return;
        }
        match message {
            FromWorker::Ready => {
                self.started.set(true);
                let mut connection = self.connection.borrow_mut();
                if let Some(connection) = connection.as_mut() {
                    connection.ready = true;
                    for message in connection.held.drain(..) {
                        let _ = connection.worker.post_message(&message);
                    }
                }
                drop(connection);
                if self.posting.get() {
                    Parser::shared().post_files_later();
                }
            }
            FromWorker::Chunk(id, chunk) => {
                let mut jobs = self.jobs.borrow_mut();
                let Some(job) = jobs.get_mut(&id) else { return };
                let mut shown = None;
                let finished = match (job, chunk) {
                    (Job::Parse { records, .. }, ParseChunk::Records(step)) => {
                        records.extend(step);
                        false
                    }
                    (Job::Parse { inputs, records }, ParseChunk::Done(diagnostics)) => {
                        if let Some(input) = inputs.pop_front() {
                            let records = std::mem::take(records);
                            let _ = input.done.send(ParseOutput {
                                records,
                                diagnostics,
                            });
                        }
                        inputs.is_empty()
                    }
                    (Job::Shown(_), ParseChunk::Shown(text)) => {
                        shown = Some(text);
                        true
                    }
                    (Job::Read { files, .. }, ParseChunk::Text(read)) => {
                        if let Some(text) = files.front_mut().and_then(|file| file.text.take()) {
                            let _ = text.send(TextRead::Text(read));
                        }
                        false
                    }
                    (Job::Read { records, .. }, ParseChunk::Records(step)) => {
                        records.extend(step);
                        false
                    }
                    (Job::Read { files, records }, ParseChunk::Done(diagnostics)) => {
                        if let Some(file) = files.pop_front() {
                            let _ = file.done.send(ParseOutput {
                                records: std::mem::take(records),
                                diagnostics,
                            });
                        }
                        files.is_empty()
                    }
                    (Job::Read { files, .. }, ParseChunk::Unreadable(message)) => {
                        if let Some(file) = files.pop_front() {
                            file.fail(message);
                        }
                        files.is_empty()
                    }
                    (Job::Read { files, .. }, ParseChunk::OnPage) => {
                        if let Some(text) = files.pop_front().and_then(|file| file.text) {
                            let _ = text.send(TextRead::OnPage);
                        }
                        files.is_empty()
                    }
                    _ => false,
                };
                if finished {
                    if let Some(Job::Shown(sender)) = jobs.remove(&id) {
                        let _ = sender.send(shown);
                    }
                }
            }
        }
    }

    /// Worker `generation` died (`why`, as the browser put it): it is ended; the input it was
    /// reading gets an error naming it, and every other unanswered input goes to a new worker.
    /// A second error from a worker already ended is nothing more.
    fn on_worker_error(self: &Rc<Self>, generation: u32, why: &str) {
        if !self.is_current(generation) {
            return;
        }
        if let Some(mut connection) = self.connection.borrow_mut().take() {
            connection.worker.terminate();
            connection.held.clear();
            self.dead.borrow_mut().push(connection);
        }
        if !self.started.get() {
            self.fail_all("the page's parser (its Web Worker) did not start");
            return;
        }
        let jobs = std::mem::take(&mut *self.jobs.borrow_mut());
        let mut culprit_named = false;
        // The first unanswered input is the one the worker was reading.
        let mut culprit = |name: &str| {
            let first = !culprit_named;
            culprit_named = true;
            first.then(|| {
                format!(
                    "{name} could not be read: the parser stopped while reading it ({why}); \
                     it is likely too large or too unusual for this browser tab. \
                     Other files are read on."
                )
            })
        };
        let (mut again, mut files_again) = (Vec::new(), Vec::new());
        for job in jobs.into_values() {
            match job {
                Job::Shown(sender) => {
                    let _ = sender.send(None);
                }
                Job::Parse { inputs, .. } => {
                    for input in inputs {
                        match culprit(&input.name) {
                            Some(message) => {
                                let _ = input.done.send(failed(message));
                            }
                            None => again.push(input),
                        }
                    }
                }
                Job::Read { files, .. } => {
                    for file in files {
                        match culprit(&file.name) {
                            Some(message) => file.fail(message),
                            None => files_again.push(file),
                        }
                    }
                }
            }
        }
        // Inputs given meanwhile go after those being read again.
        let later = std::mem::take(&mut *self.queue.borrow_mut());
        for input in again.into_iter().chain(later) {
            self.enqueue(input);
        }
        self.looked_up.set(0);
        let later = std::mem::take(&mut *self.files.borrow_mut());
        for file in files_again.into_iter().chain(later) {
            self.enqueue_file(file);
        }
        // A posting that waited for the dead worker goes on with a new one.
        if self.posting.get() {
            self.post_files_later();
        }
    }

    /// Answers every unanswered input with an error: `why` no worker reads them.
    fn fail_all(&self, why: &str) {
        let jobs = std::mem::take(&mut *self.jobs.borrow_mut());
        let queued = std::mem::take(&mut *self.queue.borrow_mut());
        let mut inputs: Vec<Queued> = queued;
        self.looked_up.set(0);
        let mut files = std::mem::take(&mut *self.files.borrow_mut());
        self.posting.set(false);
        for job in jobs.into_values() {
            match job {
                Job::Shown(sender) => {
                    let _ = sender.send(None);
                }
                Job::Parse { inputs: job, .. } => inputs.extend(job),
                Job::Read { files: job, .. } => files.extend(job),
            }
        }
        let message = |name: &str| format!("{name} was not read: {why}. Reload the page.");
        for input in inputs {
            let _ = input.done.send(failed(message(&input.name)));
        }
        for file in files {
            let message = message(&file.name);
            file.fail(message);
        }
    }
}

/// Encodes job number `id` for [`decode_job`]: the texts of a parse or shown job go beside its
/// JSON as UTF-8 bytes, one array each, as [`post_text`] sends them back: escaped into the
/// JSON, a 25 MB page held the page's thread for 200 ms. (A read job's files are put beside
/// it by the caller.)
pub(crate) fn encode_job(id: u32, job: &JobRef<'_>) -> JsValue {
    let (bare, texts) = match job {
        JobRef::Parse(inputs) => (
            JobRef::Parse(inputs.iter().map(|(name, _)| (*name, "")).collect()),
            inputs.iter().map(|(_, text)| *text).collect(),
        ),
        JobRef::Shown { text } => (JobRef::Shown { text: "" }, vec![*text]),
        JobRef::Read { .. } => return encode(&(id, job)),
    };
    let beside: js_sys::Array = texts
        .into_iter()
        .map(|text| JsValue::from(js_sys::Uint8Array::from(text.as_bytes())))
        .collect();
    js_sys::Array::of2(&encode(&(id, bare)), &beside).into()
}

/// An output that is one error.
fn failed(message: String) -> ParseOutput {
    ParseOutput {
        records: Vec::new(),
        diagnostics: vec![Diagnostic {
            severity: Severity::Error,
            line: None,
            message,
        }],
    }
}

/// A worker's `error` handler: `handle` is given why it failed, in the browser's words. An
/// error the worker did not catch is an `ErrorEvent`; a loader that failed, a plain `Event`.
/// Handled there, the error is not also reported as the page's (or worker's) own.
pub(crate) fn on_worker_error(
    handle: impl Fn(&str) + 'static,
) -> Closure<dyn FnMut(web_sys::Event)> {
    Closure::new(move |e: web_sys::Event| {
        e.prevent_default();
        let why = e
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(web_sys::ErrorEvent::message)
            .filter(|why| !why.is_empty())
            .unwrap_or_else(|| "an error".to_string());
        handle(&why);
    })
}

/// Starts worker number `generation` from its loader script at `url`, its messages and
/// errors going to the shared [`Parser`]; `None` when the browser refuses to start it.
fn connect(url: &str, generation: u32) -> Option<Connection> {
    let worker = web_sys::Worker::new(url).ok()?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            for message in crate::hand_on::messages_of(&e.data()) {
                if let Some(message) = decode_from_worker(&message) {
                    Parser::shared().on_message(generation, message);
                }
            }
        });
    let on_error = on_worker_error(move |why| Parser::shared().on_worker_error(generation, why));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Connection {
        generation,
        worker,
        ready: false,
        held: Vec::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

#[cfg(feature = "in-place-parse")]
fn shown_without_worker(text: &Rc<str>) -> Rc<str> {
    Rc::from(trialcards_core::source_text(text))
}

/// Without its worker the page shows a saved page's own text (it reads no records either).
#[cfg(not(feature = "in-place-parse"))]
fn shown_without_worker(text: &Rc<str>) -> Rc<str> {
    text.clone()
}

#[cfg(feature = "in-place-parse")]
fn parse_without_worker(name: &str, text: &str) -> ParseOutput {
    trialcards_core::parse(name, text)
}

/// Without its worker the page cannot parse: it says so instead of freezing or failing.
#[cfg(not(feature = "in-place-parse"))]
fn parse_without_worker(name: &str, _text: &str) -> ParseOutput {
    failed(format!(
        "{name} was not read: the page's parser (its Web Worker) did not start. Reload the page."
    ))
}

/// The loader's URL: beside the app's own module, whose URL `boot.js` was given
/// (so it holds under any public URL, such as `/trialcards/` on GitHub Pages).
fn worker_loader_url() -> Option<String> {
    let script = gloo::utils::document()
        .query_selector("script[data-js]")
        .ok()??;
    let module = script.get_attribute("data-js")?;
    let base = &module[..module.rfind('/').map_or(0, |i| i + 1)];
    Some(format!("{base}{WORKER_LOADER}"))
}
