//! Prints the text trialcards reads from each saved web page (HTML or MHTML) named on the
//! command line: `cargo run -p trialcards-core --example page_text -- page.html`.

use trialcards_core::formats::{sniff, Format};
use trialcards_core::input::{decode_text, html_text::html_to_text, mhtml::html_part};

fn main() {
    for path in std::env::args().skip(1) {
        match std::fs::read(&path) {
            Ok(bytes) => {
                let text = decode_text(&bytes).into_owned();
                let html = match sniff(&text) {
                    Format::Mhtml => html_part(&bytes).unwrap_or_default(),
                    _ => text,
                };
                print!("{}", html_to_text(&html).text);
            }
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
