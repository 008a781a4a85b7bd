//! Developer tasks for trialcards, run as `cargo xtask <task>`.
//!
//! - `serve`: install what is missing, then build and serve the viewer on
//!   <http://127.0.0.1:8080>.
//! - `test`: install what is missing, then run every check and test: format,
//!   lints, the core and CLI tests, the web crate's tests in headless Chromium,
//!   and the end-to-end tests on the release build served under a sub-path.
//! - `dist [--public-url URL]`: the release build in `dist/`, as GitHub Pages serves it.
//! - `setup`: only install what is missing.
//! - `fuzz [SECONDS] [TARGET...]`: fuzz the core's entry points (nightly, cargo fuzz).
//!
//! Every install step checks first and skips what is already there.

#![warn(missing_docs)]

mod fuzz;
mod offline;
mod setup;
mod tasks;

use std::process::ExitCode;

const USAGE: &str = "\
Usage: cargo xtask <task>

Tasks:
  serve                     build and serve the viewer on http://127.0.0.1:8080
  test                      run every check and test (the CI command)
  dist [--public-url URL]   release build into dist/ (default URL: /)
  setup                     install the missing tools only
  fuzz [SECONDS] [TARGET..] fuzz each core entry point for SECONDS (default 300)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => tasks::serve(),
        Some("test") => tasks::test(),
        Some("dist") => tasks::dist(&args[1..]),
        Some("setup") => setup::all(),
        Some("fuzz") => fuzz::fuzz(&args[1..]),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
