//! In the parse worker: an input it has no reader for (CT.gov JSON, XML or CSV, or a page
//! embedding a study; see `trialcards_core::parse_here`) is handed on to the structured
//! worker, which the parse worker starts beside its own loader on first need. The parse
//! worker is built without those readers so that the download every visitor makes stays
//! small; the structured worker is downloaded only by who loads such a file.
//!
//! Every message to the page goes through the one [`Outbox`], so the page gets each input's
//! messages in the order of the inputs, as from a worker that read them all: what follows a
//! handed-on input waits until its answer is through. The structured worker's answers are
//! passed on as they came, unread (it is given the page's job numbers), so the parse worker
//! never deserializes a record. When the structured worker dies, the input it was reading
//! is answered with an error naming it and the others go to a new one.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use serde::de::IgnoredAny;
use serde::Deserialize;
use trialcards_core::{Diagnostic, Severity};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::worker::{encode, encode_job, on_worker_error, FromWorker, JobRef, ParseChunk};

/// The structured worker's loader script, beside the parse worker's own.
pub const STRUCTURED_LOADER: &str = "trialcards-structured_loader.js";

/// What a message of the structured worker says, as far as passing it on needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Says {
    /// It is ready for jobs.
    Ready,
    /// A step of the input it is reading (records): more follow.
    Step,
    /// The end of the input it is reading.
    End,
}

/// [`FromWorker`] as far as [`Says`] needs: the records are skipped, not read.
#[derive(Deserialize)]
enum Envelope {
    Ready,
    Chunk(IgnoredAny, Step),
}

/// [`ParseChunk`]'s variants, their content skipped.
#[derive(Deserialize)]
enum Step {
    Records(IgnoredAny),
    Done(IgnoredAny),
    Shown(IgnoredAny),
    Text(IgnoredAny),
    Unreadable(IgnoredAny),
    OnPage,
}

/// What the structured worker's encoded message `bytes` says; `None` for anything else.
pub fn says(bytes: &[u8]) -> Option<Says> {
    Some(match serde_json::from_slice(bytes).ok()? {
        Envelope::Ready => Says::Ready,
        Envelope::Chunk(_, Step::Records(_) | Step::Text(_)) => Says::Step,
        Envelope::Chunk(_, Step::Done(_) | Step::Shown(_) | Step::Unreadable(_) | Step::OnPage) => {
            Says::End
        }
    })
}

/// An input handed on: its job's number, name and text (kept until it is answered, so that
/// it can go to a new structured worker), and whether the running one was given it.
struct HandedOn {
    id: u32,
    name: String,
    text: String,
    sent: bool,
}

/// The parse worker's messages to the page, in order.
enum Slot {
    /// Messages that wait for the handed-on inputs before them.
    Ready(Vec<JsValue>),
    /// A handed-on input whose answer is not through yet.
    Waiting(HandedOn),
}

/// The running structured worker.
struct Child {
    worker: web_sys::Worker,
    generation: u32,
    ready: bool,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// The parse worker's way to the page ([`Outbox::post`]) and to the structured worker
/// ([`Outbox::hand_on`]).
#[derive(Default)]
pub struct Outbox {
    slots: RefCell<VecDeque<Slot>>,
    child: RefCell<Option<Child>>,
    generations: Cell<u32>,
}

thread_local! {
    static OUTBOX: Rc<Outbox> = Rc::default();
}

impl Outbox {
    /// The worker's one outbox.
    pub fn shared() -> Rc<Self> {
        OUTBOX.with(Rc::clone)
    }

    /// Posts `message` to the page, after the answers of the inputs handed on before it.
    pub fn post(&self, message: JsValue) {
        let mut slots = self.slots.borrow_mut();
        match slots.back_mut() {
            None => to_page(&message),
            Some(Slot::Ready(messages)) => messages.push(message),
            Some(Slot::Waiting(_)) => slots.push_back(Slot::Ready(vec![message])),
        }
    }

    /// Hands input `name` of job `id` on to the structured worker; its answer reaches the page
    /// in its place among the messages.
    pub fn hand_on(&self, id: u32, name: String, text: String) {
        self.slots.borrow_mut().push_back(Slot::Waiting(HandedOn {
            id,
            name,
            text,
            sent: false,
        }));
        self.send_waiting();
    }

    /// Gives the running structured worker, once ready, the inputs it was not given (starting
    /// one if none runs).
    fn send_waiting(&self) {
        if self.child.borrow().is_none() {
            let generation = self.generations.get();
            self.generations.set(generation.wrapping_add(1));
            match start(generation) {
                Some(child) => *self.child.borrow_mut() = Some(child),
                None => {
                    self.fail_waiting("the reader of CT.gov files (its Web Worker) did not start");
                    return;
                }
            }
        }
        let child = self.child.borrow();
        let Some(child) = child.as_ref().filter(|child| child.ready) else {
            return;
        };
        for slot in self.slots.borrow_mut().iter_mut() {
            if let Slot::Waiting(input) = slot {
                if !input.sent {
                    let job = JobRef::Parse(vec![(&input.name, &input.text)]);
                    let _ = child.worker.post_message(&encode_job(input.id, &job));
                    input.sent = true;
                }
            }
        }
    }

    /// What structured worker `generation` posted.
    fn on_message(&self, generation: u32, message: JsValue) {
        if !self.is_current(generation) {
            return;
        }
        let Some(bytes) = message.dyn_ref::<js_sys::Uint8Array>().map(|b| b.to_vec()) else {
            return;
        };
        match says(&bytes) {
            Some(Says::Ready) => {
                if let Some(child) = self.child.borrow_mut().as_mut() {
                    child.ready = true;
                }
                self.send_waiting();
            }
            // The first waiting input's: every message before it is posted.
            Some(Says::Step) => to_page(&message),
            Some(Says::End) => {
                to_page(&message);
                self.answered();
            }
            None => {}
        }
    }

    /// The first waiting input is answered: the messages up to the next one go to the page.
    fn answered(&self) {
        let mut slots = self.slots.borrow_mut();
        slots.pop_front();
        while let Some(Slot::Ready(_)) = slots.front() {
            if let Some(Slot::Ready(messages)) = slots.pop_front() {
                messages.iter().for_each(to_page);
            }
        }
    }

    /// Structured worker `generation` died (`why`, as the browser put it): the input it was
    /// reading is answered with an error naming it, the others go to a new one; if it never
    /// got ready, every waiting input is answered with an error.
    fn on_error(&self, generation: u32, why: &str) {
        if !self.is_current(generation) {
            return;
        }
        let Some(child) = self.child.borrow_mut().take() else {
            return;
        };
        child.worker.terminate();
        if !child.ready {
            self.fail_waiting("the reader of CT.gov files (its Web Worker) did not start");
            return;
        }
        let culprit = match self.slots.borrow().front() {
            Some(Slot::Waiting(input)) if input.sent => Some((input.id, input.name.clone())),
            _ => None,
        };
        if let Some((id, name)) = culprit {
            to_page(&done_with_error(
                id,
                format!(
                    "{name} could not be read: the reader of CT.gov files stopped while reading \
                     it ({why}); it is likely too large or too unusual for this browser tab. \
                     Other files are read on."
                ),
            ));
            self.answered();
        }
        let mut any = false;
        for slot in self.slots.borrow_mut().iter_mut() {
            if let Slot::Waiting(input) = slot {
                input.sent = false;
                any = true;
            }
        }
        if any {
            self.send_waiting();
        }
    }

    /// Answers every waiting input with an error: `why` it was not read.
    fn fail_waiting(&self, why: &str) {
        while let Some((id, name)) = self.first_waiting() {
            to_page(&done_with_error(id, format!("{name} was not read: {why}.")));
            self.answered();
        }
    }

    /// The first waiting input's job number and name, when the first slot is one.
    fn first_waiting(&self) -> Option<(u32, String)> {
        match self.slots.borrow().front() {
            Some(Slot::Waiting(input)) => Some((input.id, input.name.clone())),
            _ => None,
        }
    }

    fn is_current(&self, generation: u32) -> bool {
        self.child
            .borrow()
            .as_ref()
            .is_some_and(|child| child.generation == generation)
    }
}

/// Posts `message` to the page (or, from the structured worker, to the parse worker), in a
/// batch: the messages a worker gives in one run of its thread go as one message, an array
/// of them ([`messages_of`] takes it apart), posted once that run ends. 10,000 small files
/// gave three messages each, every one an event and a task of the page's; batched they are
/// a few hundred. A large message (over [`BATCHED_BYTES`]) goes in a batch of its own, after
/// those before it, so the page never decodes two large messages in one task.
fn to_page(message: &JsValue) {
    let size = message_bytes(message);
    PENDING.with(|pending| {
        let mut pending = pending.borrow_mut();
        if size > BATCHED_BYTES || pending.bytes + size > BATCH_BYTES {
            post_batch(&mut pending);
        }
        pending.messages.push(message);
        pending.bytes += size;
        if size > BATCHED_BYTES {
            post_batch(&mut pending);
        } else if pending.messages.length() == 1 {
            // Runs once this run of the thread is over (a microtask), before any event.
            wasm_bindgen_futures::spawn_local(async {
                PENDING.with(|pending| post_batch(&mut pending.borrow_mut()));
            });
        }
    });
}

/// The most bytes of a message that is batched with others ([`to_page`]).
const BATCHED_BYTES: u32 = 16 * 1024;

/// The most bytes of one batch of small messages.
const BATCH_BYTES: u32 = 256 * 1024;

/// The messages given to [`to_page`] and not yet posted.
struct Pending {
    messages: js_sys::Array,
    bytes: u32,
}

thread_local! {
    static PENDING: RefCell<Pending> = RefCell::new(Pending {
        messages: js_sys::Array::new(),
        bytes: 0,
    });
}

/// Posts the pending messages as one batch, if there are any.
fn post_batch(pending: &mut Pending) {
    if pending.messages.length() == 0 {
        return;
    }
    let batch = std::mem::replace(&mut pending.messages, js_sys::Array::new());
    pending.bytes = 0;
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.post_message(&batch);
}

/// About how many bytes `message` carries: its byte arrays' lengths.
fn message_bytes(message: &JsValue) -> u32 {
    if let Some(bytes) = message.dyn_ref::<js_sys::Uint8Array>() {
        return bytes.byte_length();
    }
    message.dyn_ref::<js_sys::Array>().map_or(0, |parts| {
        parts
            .iter()
            .filter_map(|part| part.dyn_into::<js_sys::Uint8Array>().ok())
            .map(|bytes| bytes.byte_length())
            .fold(0, u32::saturating_add)
    })
}

/// The messages of a batch a worker posted (every post of the [`Outbox`] is one), in order;
/// none for anything else.
pub fn messages_of(batch: &JsValue) -> Vec<JsValue> {
    batch
        .dyn_ref::<js_sys::Array>()
        .map_or_else(Vec::new, |messages| messages.iter().collect())
}

/// The end of input job `id`'s input, with the one error `message`.
fn done_with_error(id: u32, message: String) -> JsValue {
    let error = Diagnostic {
        severity: Severity::Error,
        line: None,
        message,
    };
    encode(&FromWorker::Chunk(id, ParseChunk::Done(vec![error])))
}

/// Starts structured worker number `generation` from its loader beside this worker's own;
/// `None` when the browser refuses.
fn start(generation: u32) -> Option<Child> {
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let here = scope.location().href();
    let base = &here[..here.rfind('/').map_or(0, |i| i + 1)];
    let worker = web_sys::Worker::new(&format!("{base}{STRUCTURED_LOADER}")).ok()?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            // The structured worker posts batches too ([`to_page`]).
            for message in messages_of(&e.data()) {
                Outbox::shared().on_message(generation, message);
            }
        });
    let on_error = on_worker_error(move |why| Outbox::shared().on_error(generation, why));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Child {
        worker,
        generation,
        ready: false,
        _on_message: on_message,
        _on_error: on_error,
    })
}
