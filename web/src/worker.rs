//! Parsing off the main thread: a Web Worker runs the core's parser, so a large
//! page never freezes the tab. [`Parser`] is the page's side of it. Only the
//! worker's wasm carries the parser; with the `in-place-parse` feature (used by
//! the component tests, which have no built worker) the page parses in place.

use futures::{SinkExt, StreamExt};
use gloo::worker::reactor::{reactor, ReactorBridge, ReactorScope};
use gloo::worker::{Codec, Spawnable};
use serde::{Deserialize, Serialize};
use trialcards_core::ParseOutput;
use wasm_bindgen::JsValue;

/// The worker's loader script, written by trunk next to the app's files.
pub const WORKER_LOADER: &str = "trialcards-worker_loader.js";

/// One input to parse.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ParseJob {
    /// The input's name (file name or "Pasted text N").
    pub name: String,
    /// Its text.
    pub text: String,
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
}

/// How many records one message carries.
const STEP: usize = 250;

/// Runs in the worker: parses the input a bridge sends, and sends its records back a step at
/// a time, then the diagnostics.
#[reactor]
pub async fn ParseWorker(mut scope: ReactorScope<ParseJob, ParseChunk>) {
    let Some(job) = scope.next().await else {
        return;
    };
    let out = trialcards_core::parse(&job.name, &job.text);
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
}

impl Parser {
    /// Starts the worker if the page has one (found next to the app's module).
    pub fn new() -> Self {
        let bridge = worker_loader_url().map(|url| {
            ParseWorker::spawner()
                .encoding::<JsonCodec>()
                .spawn_with_loader(&url)
        });
        Self { bridge }
    }

    /// Parses one input.
    pub async fn parse(&self, name: String, text: String) -> ParseOutput {
        match &self.bridge {
            Some(bridge) => {
                let mut fork = bridge.fork();
                fork.send_input(ParseJob { name, text });
                let mut out = ParseOutput::default();
                while let Some(chunk) = fork.next().await {
                    match chunk {
                        ParseChunk::Records(records) => out.records.extend(records),
                        ParseChunk::Done(diagnostics) => {
                            out.diagnostics = diagnostics;
                            break;
                        }
                    }
                }
                out
            }
            None => parse_without_worker(&name, &text),
        }
    }
}

impl Default for Parser {
    fn default() -> Self {
        Self::new()
    }
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
