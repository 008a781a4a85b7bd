//! Parsing off the main thread: a Web Worker runs the core's parser, so a large
//! page never freezes the tab. [`Parser`] is the page's side of it. Only the
//! worker's wasm carries the parser; with the `in-place-parse` feature (used by
//! the component tests, which have no built worker) the page parses in place.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use futures::{SinkExt, StreamExt};
use gloo::worker::reactor::{reactor, ReactorBridge, ReactorScope};
use gloo::worker::{Codec, Spawnable};
use serde::{Deserialize, Serialize};
use trialcards_core::ParseOutput;
use wasm_bindgen::JsValue;

/// The worker's loader script, written by trunk next to the app's files.
pub const WORKER_LOADER: &str = "trialcards-worker_loader.js";

/// One job for the worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum ParseJob {
    /// Parse one input.
    Parse {
        /// The input's name (file name or "Pasted text N").
        name: String,
        /// Its text.
        text: String,
    },
    /// Work out the text a saved page showed, which its records' lines count in (for the
    /// source view): the HTML reader lives in the worker only, so the page does not carry it.
    Shown {
        /// The saved page's text (HTML or MHTML).
        text: String,
    },
}

/// One message from the worker about one input: a step of its records, or the end with the
/// input's diagnostics. Records come [`STEP`] at a time, each step a message of its own, so
/// the page reads a file of 14,000 pages without holding its thread for the whole of it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum ParseChunk {
    /// The next records, in order.
    Records(Vec<trialcards_core::Study>),
    /// The input is read: its own diagnostics.
    Done(Vec<trialcards_core::Diagnostic>),
    /// The text a saved page showed ([`ParseJob::Shown`]).
    Shown(String),
}

/// How many records one message carries.
const STEP: usize = 250;

/// Runs in the worker: parses the input a bridge sends, and sends its records back a step at
/// a time, then the diagnostics; or sends back the text a saved page showed.
#[reactor]
pub async fn ParseWorker(mut scope: ReactorScope<ParseJob, ParseChunk>) {
    let (name, text) = match scope.next().await {
        Some(ParseJob::Parse { name, text }) => (name, text),
        Some(ParseJob::Shown { text }) => {
            let shown = trialcards_core::source_text(&text).into_owned();
            let _ = scope.send(ParseChunk::Shown(shown)).await;
            return;
        }
        None => return,
    };
    let out = trialcards_core::parse(&name, &text);
    let mut records = out.records.into_iter();
    loop {
        let step: Vec<_> = records.by_ref().take(STEP).collect();
        if step.is_empty() {
            break;
        }
        if scope.send(ParseChunk::Records(step)).await.is_err() {
            return;
        }
    }
    let _ = scope.send(ParseChunk::Done(out.diagnostics)).await;
}

/// Messages cross the worker boundary as JSON in a byte array: copying bytes between
/// threads is one memory copy each way, and serde_json reads them inside WebAssembly. Turning
/// thousands of records into JS objects and back (serde-wasm-bindgen) held the page's thread
/// for over a second on a 25 MB file of 14,000 pages, and a JS string would be transcoded
/// twice. JSON is self-describing, so the records' omitted fields survive the trip (bincode,
/// gloo's default, cannot skip fields).
#[derive(Debug)]
pub struct JsonCodec;

impl Codec for JsonCodec {
    fn encode<I: Serialize>(input: I) -> JsValue {
        // Our own types always serialize; an undefined message is dropped by the receiver.
        serde_json::to_vec(&input).map_or(JsValue::UNDEFINED, |json| {
            js_sys::Uint8Array::from(json.as_slice()).into()
        })
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        // Only messages encoded by `encode` above arrive here, from our own worker.
        let json = js_sys::Uint8Array::new(&input).to_vec();
        serde_json::from_slice(&json).expect("a message from trialcards' own worker")
    }
}

/// The page's parser: the worker when the page was built with it, else in place.
pub struct Parser {
    bridge: Option<ReactorBridge<ParseWorker>>,
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
    /// Starts the worker if the page has one (found next to the app's module).
    fn new() -> Self {
        let bridge = worker_loader_url().map(|url| {
            ParseWorker::spawner()
                .encoding::<JsonCodec>()
                .spawn_with_loader(&url)
        });
        Self {
            bridge,
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
        let shown: Rc<str> = match &self.bridge {
            Some(bridge) => {
                let mut fork = bridge.fork();
                fork.send_input(ParseJob::Shown {
                    text: text.to_string(),
                });
                let mut shown = None;
                while let Some(chunk) = fork.next().await {
                    if let ParseChunk::Shown(text) = chunk {
                        shown = Some(text);
                        break;
                    }
                }
                // A worker that stopped mid-way leaves the page's own text to show.
                shown.map_or_else(|| text.clone(), Rc::from)
            }
            None => shown_without_worker(text),
        };
        let mut kept = self.shown.borrow_mut();
        kept.retain(|(page, _)| page.strong_count() > 0);
        if kept.len() >= SHOWN_KEPT {
            kept.remove(0);
        }
        kept.push((Rc::downgrade(text), shown.clone()));
        shown
    }

    /// Parses one input.
    pub async fn parse(&self, name: String, text: String) -> ParseOutput {
        match &self.bridge {
            Some(bridge) => {
                let mut fork = bridge.fork();
                fork.send_input(ParseJob::Parse { name, text });
                let mut out = ParseOutput::default();
                while let Some(chunk) = fork.next().await {
                    match chunk {
                        ParseChunk::Records(records) => out.records.extend(records),
                        ParseChunk::Done(diagnostics) => {
                            out.diagnostics = diagnostics;
                            break;
                        }
                        ParseChunk::Shown(_) => {}
                    }
                }
                out
            }
            None => parse_without_worker(&name, &text),
        }
    }
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
    ParseOutput {
        records: Vec::new(),
        diagnostics: vec![trialcards_core::Diagnostic {
            severity: trialcards_core::Severity::Error,
            line: None,
            message: format!(
                "{name} was not read: the page's parser (its Web Worker) did not start. Reload the page."
            ),
        }],
    }
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
