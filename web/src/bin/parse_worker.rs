//! Entry point of the Web Worker that parses pages off the main thread.

use gloo::worker::Registrable;
use trialcards_web::worker::{JsonCodec, ParseWorker};

fn main() {
    ParseWorker::registrar().encoding::<JsonCodec>().register();
}
