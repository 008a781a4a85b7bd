//! Entry point of the Web Worker that reads CT.gov JSON, XML, CSV and pages embedding a
//! study, for the parse worker that starts it (`trialcards_web::hand_on`).

fn main() {
    trialcards_web::worker::serve();
}
