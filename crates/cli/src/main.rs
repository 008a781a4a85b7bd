//! `trialcards`: reads registry pages from files or stdin and prints the records
//! found as ClinicalTrials.gov API v2 JSON, JSON Lines, CSV or RIS, or their posted results as
//! CSV tables, or checks one person's facts against each record (JSON Lines). Argument parsing
//! (clap) and file I/O only; the parsing, the check and the writing are `trialcards-core`'s.
//! The facts are written to stdout only.

#![warn(missing_docs)]

mod args;
mod output;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use args::{Command, Format};
use trialcards_core::Study;

fn main() -> ExitCode {
    // `--help`, `--version` (stdout, exit 0) and usage errors (stderr, exit 2) end here.
    let command = args::parse_from(std::env::args_os()).unwrap_or_else(|err| err.exit());
    match command {
        Command::Parse { format, inputs } => run_parse(format, &inputs),
        Command::Check { patient, inputs } => run_check(&patient, &inputs),
    }
}

/// Parses the inputs one at a time, reporting on stderr each input that could not be read or
/// held no record, and hands each input's records to `write` before reading the next: the
/// records of one input are held at a time. Returns whether an input failed, or the error
/// `write` gave.
fn for_each_input(
    inputs: &[PathBuf],
    mut write: impl FnMut(Vec<Study>) -> std::io::Result<()>,
) -> std::io::Result<bool> {
    let mut failed = false;
    for input in inputs {
        let (name, bytes) = match read_input(input) {
            Ok(read) => read,
            Err(err) => {
                eprintln!("trialcards: {}: cannot read: {err}", input.display());
                failed = true;
                continue;
            }
        };
        let parsed = trialcards_core::parse_bytes(&name, &bytes);
        drop(bytes);
        for diagnostic in &parsed.diagnostics {
            eprintln!("trialcards: {}", diagnostic.message);
        }
        if parsed.records.is_empty() {
            failed = true;
        }
        write(parsed.records)?;
    }
    Ok(failed)
}

/// The exit status after the inputs were read: failure when writing failed (said on stderr)
/// or an input failed.
fn exit_status(run: std::io::Result<bool>) -> ExitCode {
    match run {
        Ok(false) => ExitCode::SUCCESS,
        Ok(true) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("trialcards: cannot write output: {}", err.kind());
            ExitCode::FAILURE
        }
    }
}

/// Checks `patient` against every record of the inputs and prints one JSON line per record.
/// The patient's facts go to stdout only: nothing on stderr names them.
fn run_check(patient: &trialcards_core::eligibility::Patient, inputs: &[PathBuf]) -> ExitCode {
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let run = for_each_input(inputs, |records| {
        let verdicts: Vec<_> = records
            .iter()
            .map(|study| trialcards_core::eligibility::check(study, patient))
            .collect();
        output::write_verdicts(&mut stdout, &verdicts)
    });
    exit_status(run.and_then(|failed| stdout.flush().map(|()| failed)))
}

/// Parses every input, prints each input's records as soon as it is read, and reports each
/// input that could not be read or held no record on stderr (and, for a CSV meant for Excel,
/// each cell longer than Excel keeps).
fn run_parse(format: Format, inputs: &[PathBuf]) -> ExitCode {
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let mut writer = output::RecordWriter::new(stdout, format);
    let run = for_each_input(inputs, |records| writer.write(records)).and_then(|failed| {
        let long = writer.finish()?;
        warn_of_long_cells(&long);
        Ok(failed)
    });
    exit_status(run)
}

/// Names on stderr each cell of a CSV meant for Excel that is longer than Excel keeps. The
/// CSV holds them whole; the warning does not change the exit status.
fn warn_of_long_cells(long: &[trialcards_core::export::LongCell]) {
    for cell in long {
        eprintln!("trialcards: warning: {cell}");
    }
    if !long.is_empty() {
        let (cells, them) = if long.len() == 1 {
            ("that cell", "it")
        } else {
            ("those cells", "them")
        };
        eprintln!(
            "trialcards: the CSV holds every character of {cells}; read {them} in a tool \
             without Excel's cell limit, or use --format json"
        );
    }
}

/// Reads a file, or stdin for `-`, returning the name to report it by: the path, made UTF-8
/// (lossily) if it is not, or `<stdin>`.
fn read_input(input: &Path) -> std::io::Result<(String, Vec<u8>)> {
    if input.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        Ok(("<stdin>".to_string(), bytes))
    } else {
        Ok((input.to_string_lossy().into_owned(), std::fs::read(input)?))
    }
}
