//! What the CLI says on stderr while it works: the messages about inputs (each line starting
//! `trialcards: `), and — only when stderr is a terminal — a progress line below them
//! (indicatif) counting the inputs read and the records written. Piped or redirected, stderr
//! holds the messages alone.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The stderr reporter of one run.
pub struct Progress {
    bar: Option<ProgressBar>,
    inputs: u64,
    records: u64,
}

impl Progress {
    /// A reporter that draws a progress line if stderr is a terminal.
    pub fn new() -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress {
            bar,
            inputs: 0,
            records: 0,
        }
    }

    /// Prints `message` on stderr as `trialcards: message`, above the progress line.
    pub fn say(&self, message: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("trialcards: {message}")),
            None => eprintln!("trialcards: {message}"),
        }
    }

    /// Counts `records` more records written, and one more input read when `input_done`.
    pub fn advance(&mut self, records: usize, input_done: bool) {
        self.records += records as u64;
        self.inputs += u64::from(input_done);
        if let Some(bar) = &self.bar {
            bar.set_message(format!(
                "{} records from {} inputs",
                self.records, self.inputs
            ));
        }
    }

    /// Removes the progress line.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
