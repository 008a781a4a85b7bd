//! Prints the records and diagnostics parsed from each file named on the command line, as JSON.
//! `cargo run -p trialcards-core --example dump -- page.txt`

fn main() {
    for path in std::env::args().skip(1) {
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let out = trialcards_core::parse(&path, &text);
                match serde_json::to_string_pretty(&out) {
                    Ok(json) => println!("{json}"),
                    Err(e) => eprintln!("{path}: {e}"),
                }
            }
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
