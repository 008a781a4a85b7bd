//! `trialcards`: reads registry pages from files or stdin and prints the records
//! found as ClinicalTrials.gov API v2 JSON, JSON Lines, CSV or RIS. Argument parsing and
//! file I/O only; the parsing and the writing are `trialcards-core`'s.

mod args;
mod output;

use std::io::{Read, Write};
use std::process::ExitCode;

use args::{Command, Format};

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match args::parse(&argv) {
        Ok(Command::Help) => {
            print!("{}", args::USAGE);
            ExitCode::SUCCESS
        }
        Ok(Command::Parse { format, inputs }) => run_parse(format, &inputs),
        Err(message) => {
            eprintln!("trialcards: {message}\n\n{}", args::USAGE);
            ExitCode::from(2)
        }
    }
}

/// Parses every input, prints all records found, and reports each input that
/// could not be read or held no record on stderr.
fn run_parse(format: Format, inputs: &[String]) -> ExitCode {
    let mut records = Vec::new();
    let mut failed = false;
    for input in inputs {
        let (name, bytes) = match read_input(input) {
            Ok(read) => read,
            Err(err) => {
                eprintln!("trialcards: {input}: cannot read: {err}");
                failed = true;
                continue;
            }
        };
        let parsed = trialcards_core::parse_bytes(&name, &bytes);
        for diagnostic in &parsed.diagnostics {
            eprintln!("trialcards: {}", diagnostic.message);
        }
        if parsed.records.is_empty() {
            failed = true;
        }
        records.extend(parsed.records);
    }
    let mut stdout = std::io::stdout().lock();
    if let Err(err) = output::write(&mut stdout, format, &records).and_then(|()| stdout.flush()) {
        eprintln!("trialcards: cannot write output: {err}");
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads a file, or stdin for `-`, returning the name to report it by.
fn read_input(input: &str) -> std::io::Result<(String, Vec<u8>)> {
    if input == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        Ok(("<stdin>".to_string(), bytes))
    } else {
        Ok((input.to_string(), std::fs::read(input)?))
    }
}
