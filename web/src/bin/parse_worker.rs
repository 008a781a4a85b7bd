//! Entry point of the Web Worker that parses pages off the main thread.

fn main() {
    trialcards_web::worker::serve();
}
