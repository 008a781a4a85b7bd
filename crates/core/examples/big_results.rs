//! Prints the generated big results record (30 outcome measures, 12 analyses, 40 adverse-event
//! terms; see `tests/support/big_results.rs`) as CT.gov v2 JSON, for the CLI and browser tests:
//! `cargo run -p trialcards-core --example big_results > big_results.json`

#[path = "../tests/support/big_results.rs"]
mod big_results;

fn main() {
    print!("{}", big_results::big_results_json());
}
