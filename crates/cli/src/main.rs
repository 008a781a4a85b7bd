//! `trialcards`: reads registry pages from files or stdin and prints the records
//! found as ClinicalTrials.gov API v2 JSON, JSON Lines, CSV or RIS, or their posted results as
//! CSV tables, or checks one person's facts against each record (JSON Lines). Records are
//! written as they are read, inputs parsed on `-j` threads in input order, large structured
//! files streamed and ZIP archives read member by member. Argument parsing (clap), file I/O
//! and scheduling only; the parsing, the check and the writing are `trialcards-core`'s. The
//! facts are written to stdout only.

#![warn(missing_docs)]

mod archive;
mod args;
mod inputs;
mod output;
mod pipeline;
mod progress;

use std::io::Write;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;

use args::{Command, Format};
use inputs::{Done, Inputs};
use trialcards_core::Study;

/// mimalloc, not the system's allocator: reading a study makes many small allocations.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // `--help`, `--version` (stdout, exit 0) and usage errors (stderr, exit 2) end here.
    let command = args::parse_from(std::env::args_os()).unwrap_or_else(|err| err.exit());
    match command {
        Command::Parse {
            format,
            inputs,
            jobs,
        } => run_parse(format, &inputs, threads(jobs)),
        Command::Check {
            patient,
            inputs,
            jobs,
        } => run_check(&patient, &inputs, threads(jobs)),
    }
}

/// How many threads parse: `-j N`, else one per core.
fn threads(jobs: Option<NonZeroUsize>) -> usize {
    jobs.or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get)
}

/// What a unit of work gave, its records made into output on the thread that parsed them.
enum Part<T> {
    /// The records of a whole input (`whole`) or of part of one: their output, how many they
    /// are, and what was odd.
    Records {
        output: T,
        count: usize,
        whole: bool,
        diagnostics: Vec<trialcards_core::Diagnostic>,
    },
    /// The end of a streamed input: its own notes, once its records are counted.
    End(trialcards_core::stream::Ending),
    /// An input that could not be read, and why.
    Unreadable(String),
}

/// Parses the inputs on `jobs` threads, turns each part's records into output with `render`
/// on the thread that parsed them, and hands that to `write` in input order, a part at a time
/// (a whole input, or some studies of a large one) and never more than a few parts at once;
/// reports on stderr each input that could not be read or held no record, below which a
/// progress line counts the inputs and records when stderr is a terminal. Returns whether an
/// input failed, or the error `write` gave.
fn for_each_input<T: Send>(
    inputs: &[PathBuf],
    jobs: usize,
    render: impl Fn(Vec<Study>) -> T + Sync,
    mut write: impl FnMut(T) -> std::io::Result<()>,
) -> std::io::Result<bool> {
    let mut failed = false;
    // The records of the input being streamed so far.
    let mut streamed = 0;
    let mut progress = progress::Progress::new();
    let rendered = |done: Done| match done {
        Done::Parsed { output, whole } => Part::Records {
            count: output.records.len(),
            output: render(output.records),
            diagnostics: output.diagnostics,
            whole,
        },
        Done::End(ending) => Part::End(ending),
        Done::Unreadable(why) => Part::Unreadable(why),
    };
    let run = pipeline::run(jobs, Inputs::new(inputs), rendered, |part| {
        match part {
            Part::Records {
                output,
                count,
                whole,
                diagnostics,
            } => {
                for diagnostic in &diagnostics {
                    progress.say(&diagnostic.message);
                }
                if whole {
                    failed |= count == 0;
                } else {
                    streamed += count;
                }
                progress.advance(count, whole);
                write(output)?;
            }
            Part::End(ending) => {
                for diagnostic in ending.notes(streamed) {
                    progress.say(&diagnostic.message);
                }
                progress.advance(0, true);
                failed |= streamed == 0;
                streamed = 0;
            }
            Part::Unreadable(why) => {
                progress.say(&why);
                progress.advance(0, true);
                failed = true;
                streamed = 0;
            }
        }
        Ok::<(), std::io::Error>(())
    });
    progress.finish();
    run?;
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
fn run_check(
    patient: &trialcards_core::eligibility::Patient,
    inputs: &[PathBuf],
    jobs: usize,
) -> ExitCode {
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let verdicts = |records: Vec<Study>| -> Vec<_> {
        records
            .iter()
            .map(|study| trialcards_core::eligibility::check(study, patient))
            .collect()
    };
    let run = for_each_input(inputs, jobs, verdicts, |verdicts| {
        output::write_verdicts(&mut stdout, &verdicts)
    });
    exit_status(run.and_then(|failed| stdout.flush().map(|()| failed)))
}

/// Parses every input, prints each input's records as soon as it is read, and reports each
/// input that could not be read or held no record on stderr (and, for a CSV meant for Excel,
/// each cell longer than Excel keeps).
fn run_parse(format: Format, inputs: &[PathBuf], jobs: usize) -> ExitCode {
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let mut writer = output::RecordWriter::new(stdout, format);
    let render = |records| output::render(format, records);
    let run =
        for_each_input(inputs, jobs, render, |batch| writer.write(batch)).and_then(|failed| {
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
